//! Typographic apostrophes, quotes and dashes → their ASCII forms, in stored text.
//!
//! Courts in the region quote with `„…“` (Serbian, Croatian, Bosnian, Macedonian, Albanian),
//! `«…»` (French, Albanian, Turkish), `“…”` (English, Maltese); apostrophes arrive as `’`,
//! `ʼ`, `` ` `` or a stray acute `´`; dashes as any of six code points. Unifying them once at
//! ingest lets phrase queries, snippets and the citation parsers (`Art. 4 – 5`, `l-Artikolu`)
//! see one character each. Turkish suffixes after names (`İstanbul’da`) and Maltese articles
//! (`l-qorti`) then split at a plain `'` or `-` as typed.
//!
//! We keep NFC otherwise: ellipsis, guillemet spacing and non-breaking spaces stay as written.

use super::CharFold;

/// Characters this fold replaces, sorted by code point (a test checks), and their ASCII form.
pub(crate) const PUNCTUATION_TO_ASCII: &[(char, char)] = &[
    ('`', '\''),        // grave accent used as an apostrophe
    ('\u{ab}', '"'),    // « left guillemet
    ('\u{b4}', '\''),   // ´ acute accent used as an apostrophe
    ('\u{bb}', '"'),    // » right guillemet
    ('\u{2bc}', '\''),  // ʼ modifier letter apostrophe
    ('\u{2010}', '-'),  // ‐ hyphen
    ('\u{2011}', '-'),  // ‑ non-breaking hyphen
    ('\u{2012}', '-'),  // ‒ figure dash
    ('\u{2013}', '-'),  // – en dash
    ('\u{2014}', '-'),  // — em dash
    ('\u{2015}', '-'),  // ― horizontal bar
    ('\u{2018}', '\''), // ‘ left single quotation mark
    ('\u{2019}', '\''), // ’ right single quotation mark (the usual typographic apostrophe)
    ('\u{201b}', '\''), // ‛ single high-reversed-9 quotation mark
    ('\u{201c}', '"'),  // “ left double quotation mark
    ('\u{201d}', '"'),  // ” right double quotation mark
    ('\u{201e}', '"'),  // „ double low-9 quotation mark (Balkan opening quote)
    ('\u{201f}', '"'),  // ‟ double high-reversed-9 quotation mark
    ('\u{2212}', '-'),  // − minus sign, which word processors substitute for a hyphen
];

#[inline]
fn ascii_form(c: char) -> Option<char> {
    // Cheap rejection of the letters that make up nearly all text.
    if !matches!(c, '`' | '\u{ab}'..='\u{bb}' | '\u{2bc}' | '\u{2010}'..='\u{2212}') {
        return None;
    }
    PUNCTUATION_TO_ASCII
        .binary_search_by(|(from, _)| from.cmp(&c))
        .ok()
        .map(|index| PUNCTUATION_TO_ASCII[index].1)
}

/// Replaces typographic apostrophes, quotes and dashes with `'`, `"` and `-`.
pub(crate) struct Punctuation;

impl CharFold for Punctuation {
    fn applies(&self, text: &str) -> bool {
        text.chars().any(|c| ascii_form(c).is_some())
    }

    fn fold(&self, text: &str, out: &mut String) {
        out.extend(text.chars().map(|c| ascii_form(c).unwrap_or(c)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted() {
        for pair in PUNCTUATION_TO_ASCII.windows(2) {
            assert!(
                pair[0].0 < pair[1].0,
                "{:?} before {:?}",
                pair[0].0,
                pair[1].0
            );
        }
    }

    #[test]
    fn rows() {
        let rows = [
            ("„trgovina ljudima“", "\"trgovina ljudima\""),
            ("“Rantsev” v. Cyprus", "\"Rantsev\" v. Cyprus"),
            ("«traite des êtres humains»", "\"traite des êtres humains\""),
            ("İstanbul’da", "İstanbul'da"),
            ("l‑Artikolu", "l-Artikolu"),
            ("Art. 4 – 5 — 6 ― 7", "Art. 4 - 5 - 6 - 7"),
            ("it`s, it´s, itʼs, ‘it’", "it's, it's, it's, 'it'"),
            ("3 − 1", "3 - 1"),
        ];
        crate::normalize::assert_fold_rows(&Punctuation, &rows);
        assert!(!Punctuation.applies("plain 'ascii' \"quotes\" - dash … ellipsis"));
    }
}
