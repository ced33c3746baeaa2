//! Legal-domain data that is not text analysis: the countries (with Kosovo*), the theme
//! taxonomy, courts' formations and abbreviations, and the citations a text makes
//! (application numbers, ECLIs, provisions), the numbered paragraphs of a judgment or report. Pure data and lookups; no I/O beyond what is
//! compiled in.

pub mod citations;
pub mod countries;
pub mod courts;
pub mod paragraphs;
pub mod taxonomy;
