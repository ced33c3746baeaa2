//! Legal-domain data that is not text analysis: the countries (with Kosovo*), the theme
//! taxonomy, courts' formations and abbreviations. Pure data and lookups; no I/O beyond what
//! is compiled in.

pub mod countries;
pub mod courts;
pub mod taxonomy;
