//! Legal-domain data that is not text analysis: the countries (with Kosovo*), the theme
//! taxonomy and its labels, the thesaurus of concepts across languages, courts' formations and
//! abbreviations, the citations a text makes (application numbers, ECLIs, provisions), and the
//! numbered paragraphs of a judgment or report. Pure data and lookups; no I/O beyond what is
//! compiled in.

pub mod citations;
pub mod countries;
pub mod courts;
pub mod paragraphs;
pub mod taxonomy;
pub mod thesaurus;
