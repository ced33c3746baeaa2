//! Legal-domain data that is not text analysis: the countries (with Kosovo*) and the theme
//! taxonomy. Pure data and lookups; no I/O beyond what is compiled in.

pub mod countries;
pub mod taxonomy;
