//! Generic lowercase, after the Turkish fold has settled `İ` and `ı`.
//!
//! Unicode default lowercase (`char::to_lowercase`), plus Greek final sigma `ς` → `σ` as in
//! Unicode full case folding (CaseFolding.txt), so `ΟΔΟΣ` and `οδος` meet: lowercasing a
//! token one character at a time cannot know which `Σ` was final.

use super::CharFold;

const FINAL_SIGMA: char = '\u{3c2}';

/// Lowercases every character; `ς` → `σ`.
pub(crate) struct Lowercase;

/// Whether lowercasing changes `c`: an uppercase or titlecase letter, or `ς`.
#[inline]
fn changes(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        c.is_uppercase() || c == FINAL_SIGMA || is_titlecase(c)
    }
}

/// The titlecase letters (general category Lt), which `is_uppercase` does not cover: the
/// Serbo-Croatian digraphs `ǅ ǈ ǋ` and `ǲ` (NFKC splits them before we run, but the exact
/// form of a caller's NFC text may not) and the Greek capitals with iota subscript.
#[inline]
fn is_titlecase(c: char) -> bool {
    matches!(
        c,
        '\u{1c5}'
            | '\u{1c8}'
            | '\u{1cb}'
            | '\u{1f2}'
            | '\u{1f88}'..='\u{1f8f}'
            | '\u{1f98}'..='\u{1f9f}'
            | '\u{1fa8}'..='\u{1faf}'
            | '\u{1fbc}'
            | '\u{1fcc}'
            | '\u{1ffc}'
    )
}

impl CharFold for Lowercase {
    fn applies(&self, text: &str) -> bool {
        text.chars().any(changes)
    }

    fn fold(&self, text: &str, out: &mut String) {
        for c in text.chars() {
            if c == FINAL_SIGMA {
                out.push('σ');
            } else {
                out.extend(c.to_lowercase());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let rows = [
            ("TRGOVINA", "trgovina"),
            ("ЉУДИ", "људи"),
            ("ĐORĐEVIĆ", "đorđević"),
            ("ΟΔΟΣ", "οδοσ"),
            ("οδος", "οδοσ"),
            ("XOGĦOL", "xogħol"),
            ("ẞ", "ß"),
        ];
        crate::normalize::assert_fold_rows(&Lowercase, &rows);
    }

    #[test]
    fn applies_wherever_lowercasing_changes_something() {
        // The converse need not hold: a few capitals (`ϒ`) have no lowercase; `applies`
        // then costs one copy for nothing.
        for c in (0..=0x1ffffu32).filter_map(char::from_u32) {
            if c == FINAL_SIGMA || !c.to_lowercase().eq([c]) {
                assert!(changes(c), "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn lowercase_text_is_skipped() {
        assert!(!Lowercase.applies("trgovina људи đorđević 東京"));
    }
}
