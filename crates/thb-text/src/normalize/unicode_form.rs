//! Unicode normalisation forms (UAX #15): NFC for stored text, NFKC for tokens.
//!
//! Stored text keeps its compatibility characters (NFC: `ﬁ` stays a ligature, `²` stays
//! superscript, so snippets show what the court wrote); tokens take NFKC so that `ﬁnal`,
//! full-width `ＵＮ` and the single-code-point digraph `ǆ` match what people type. Both also
//! compose decomposed diacritics (`c` + U+030C → `č`), which the later tables rely on.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, is_nfkc_quick, IsNormalized, UnicodeNormalization};

use super::CharFold;

/// Characters that are known to be NFC and NFKC on their own, with combining class 0 (so no
/// neighbour can reorder or compose with them from before): ASCII, Latin-1 letters, the
/// Latin Extended-A letters without a compatibility decomposition, and the Cyrillic letters.
/// Text made only of them skips the quick-check table lookups; a test checks every one.
#[inline]
fn is_always_normalized(c: char) -> bool {
    match c {
        '\0'..='\u{7f}' | '\u{c0}'..='\u{ff}' => true,
        // Cyrillic, less the combining titlo and other marks U+0483..U+0489.
        '\u{400}'..='\u{482}' | '\u{48a}'..='\u{4ff}' => true,
        // Ĳ ĳ Ŀ ŀ ŉ ſ have compatibility decompositions.
        '\u{132}' | '\u{133}' | '\u{13f}' | '\u{140}' | '\u{149}' | '\u{17f}' => false,
        '\u{100}'..='\u{17f}' => true,
        _ => false,
    }
}

/// Whether composition may join `c` to the character before it, or reorder it: a
/// character with a non-zero combining class, or whose quick check is "maybe".
fn composes_with_neighbours(c: char) -> bool {
    canonical_combining_class(c) != 0 || is_nfc_quick(std::iter::once(c)) == IsNormalized::Maybe
}

/// Canonical composition (NFC), for whole stored texts.
pub(crate) struct Nfc;

impl CharFold for Nfc {
    fn applies(&self, text: &str) -> bool {
        // Character by character: a text whose characters all have combining class 0 and
        // quick-check "yes" is NFC (UAX #15 §9); anything else goes through `nfc()`.
        !text.chars().all(|c| {
            is_always_normalized(c)
                || (canonical_combining_class(c) == 0
                    && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes)
        })
    }

    fn fold(&self, text: &str, out: &mut String) {
        out.extend(text.nfc());
    }

    fn depends_on_neighbours(&self, c: char) -> bool {
        composes_with_neighbours(c)
    }
}

/// Compatibility composition (NFKC), for tokens.
pub(crate) struct Nfkc;

impl CharFold for Nfkc {
    fn applies(&self, text: &str) -> bool {
        !text.chars().all(is_always_normalized) && is_nfkc_quick(text.chars()) != IsNormalized::Yes
    }

    fn fold(&self, text: &str, out: &mut String) {
        out.extend(text.nfkc());
    }

    fn depends_on_neighbours(&self, c: char) -> bool {
        composes_with_neighbours(c) || is_nfkc_quick(std::iter::once(c)) == IsNormalized::Maybe
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(fold: &dyn CharFold, text: &str) -> String {
        let mut out = String::new();
        if fold.applies(text) {
            fold.fold(text, &mut out);
        } else {
            out.push_str(text);
        }
        out
    }

    #[test]
    fn nfc_composes_but_keeps_compatibility_characters() {
        let rows = [
            ("c\u{30c}", "č"),
            ("Đorđevic\u{301}", "Đorđević"),
            ("ﬁnal", "ﬁnal"),
            ("m²", "m²"),
            ("plain", "plain"),
        ];
        for (input, expected) in rows {
            assert_eq!(apply(&Nfc, input), expected, "{input:?}");
        }
    }

    #[test]
    fn nfkc_composes_and_unfolds_compatibility_characters() {
        let rows = [
            ("c\u{30c}", "č"),
            ("ﬁnal", "final"),
            ("ǆamija", "džamija"),
            ("Ǉubljana", "LJubljana"),
            ("ＵＮ", "UN"),
            ("г\u{301}", "ѓ"),
            ("plain", "plain"),
        ];
        for (input, expected) in rows {
            assert_eq!(apply(&Nfkc, input), expected, "{input:?}");
        }
    }

    #[test]
    fn always_normalized_characters_are() {
        for c in (0..=0x4ffu32)
            .filter_map(char::from_u32)
            .filter(|&c| is_always_normalized(c))
        {
            let alone = std::iter::once(c);
            assert_eq!(
                is_nfkc_quick(alone.clone()),
                IsNormalized::Yes,
                "U+{:04X}",
                c as u32
            );
            assert_eq!(is_nfc_quick(alone), IsNormalized::Yes, "U+{:04X}", c as u32);
            assert_eq!(canonical_combining_class(c), 0, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn quick_check_skips_normalised_text() {
        assert!(!Nfc.applies("trgovina ljudima, трговина људима"));
        assert!(!Nfkc.applies("trgovina ljudima, трговина људима"));
    }
}
