//! thb-text: the text layer of thb-caselaw. What a word of any of the served languages and
//! scripts becomes before an index sees it, and which language a text is in. It knows nothing
//! of tantivy, documents or HTTP (its dependencies say so: `cargo tree -p thb-text`).
//!
//! | module | owns |
//! |---|---|
//! | [`normalize`] | Unicode clean-up, Turkish-safe case folding, script and diacritic folding, one file per fold |
//! | [`stem`] | light stemmers for languages Snowball lacks or stems poorly for us (Serbo-Croatian, Macedonian, Albanian, Turkish) |
//! | [`language`] | language and script detection (lingua, letters, ekavian forms), built once and shared |
//! | [`transliterate`] | Serbian Latin → Cyrillic for text people read (interface labels), acronyms and foreign words kept |
//!
//! Data flows one way: `normalize` first; `stem` and `language` work on its output.

pub mod language;
pub mod normalize;
pub mod stem;
pub mod transliterate;
