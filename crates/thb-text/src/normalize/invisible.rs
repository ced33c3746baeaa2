//! Invisible characters and line endings in stored text, the first step of `clean_text`.
//!
//! Text extracted from PDFs and word processors carries characters no reader sees but every
//! tokenizer does: a soft hyphen or a zero-width space inside `traf\u{ad}ficking` splits it
//! into two tokens, and a byte-order mark glues itself to the first word. We drop:
//!
//! * U+00AD SOFT HYPHEN (a hyphenation *opportunity*, Unicode §23.2: never visible mid-line);
//! * U+200B ZERO WIDTH SPACE, U+200C/U+200D zero-width (non-)joiner, U+2060 WORD JOINER and
//!   U+FEFF (byte-order mark / ZWNBSP). The joiners matter in Persian, Indic scripts and
//!   emoji, none of which our corpus searches;
//! * bidirectional marks and embeddings (U+200E, U+200F, U+202A..U+202E, U+2066..U+2069)
//!   and the invisible operators U+2061..U+2064, which copy-paste from Word leaves in names;
//! * control characters (general category Cc) other than `\n` and `\t`.
//!
//! Line breaks become `\n`: `\r\n` and a lone `\r` (old Mac, some court exports), and also
//! form feed, vertical tab, U+0085 NEXT LINE and U+2028/U+2029 line and paragraph
//! separators. Form feed separates pages in `pdftotext` output: dropping it would glue the
//! last word of one page to the first of the next.

use super::CharFold;

/// What happens to one character.
enum Action {
    Keep,
    Drop,
    LineBreak,
}

#[inline]
fn action(c: char) -> Action {
    match c {
        '\n' | '\t' => Action::Keep,
        '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => Action::LineBreak,
        '\u{ad}'
        | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{feff}' => Action::Drop,
        c if c.is_control() => Action::Drop,
        _ => Action::Keep,
    }
}

/// Whether [`clean_text`](super::clean_text) drops `c` as invisible. The personal data guard
/// reads every field as the index would, and some fields (`source_url`) never pass through
/// `clean_text`: a zero-width space between the digits of a personal number must not hide it.
pub fn is_invisible(c: char) -> bool {
    matches!(action(c), Action::Drop)
}

/// Drops invisible characters and unifies line breaks to `\n`.
pub(crate) struct Invisible;

impl CharFold for Invisible {
    fn applies(&self, text: &str) -> bool {
        text.chars().any(|c| !matches!(action(c), Action::Keep))
    }

    fn fold(&self, text: &str, out: &mut String) {
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match action(c) {
                Action::Keep => out.push(c),
                Action::Drop => {}
                Action::LineBreak => {
                    if c == '\r' && chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    out.push('\n');
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(text: &str) -> String {
        let mut out = String::new();
        if Invisible.applies(text) {
            Invisible.fold(text, &mut out);
        } else {
            out.push_str(text);
        }
        out
    }

    #[test]
    fn table() {
        let rows = [
            ("traf\u{ad}ficking", "trafficking"),
            ("trgo\u{200b}vina", "trgovina"),
            ("\u{feff}Presuda", "Presuda"),
            ("Ђорђевић\u{200e}", "Ђорђевић"),
            ("a\u{200c}b\u{200d}c\u{2060}d", "abcd"),
            ("line\r\nnext", "line\nnext"),
            ("line\rnext", "line\nnext"),
            ("line\r\n\r\nnext", "line\n\nnext"),
            ("page\u{c}next", "page\nnext"),
            ("para\u{2029}next", "para\nnext"),
            ("bell\u{7}and\u{1b}escape\u{7f}", "bellandescape"),
            ("tab\tand\nnewline", "tab\tand\nnewline"),
            (
                "no change: žrtva, \u{a0}nbsp",
                "no change: žrtva, \u{a0}nbsp",
            ),
        ];
        for (input, expected) in rows {
            assert_eq!(clean(input), expected, "{input:?}");
        }
    }

    #[test]
    fn clean_text_is_skipped() {
        assert!(!Invisible.applies("Presuda\n\tžrtva „trgovina“ — ok"));
    }
}
