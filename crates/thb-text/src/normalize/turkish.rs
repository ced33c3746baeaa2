//! Turkish and Azerbaijani dotted and dotless I, handled before generic lowercasing.
//!
//! Turkish has four letters where other Latin alphabets have two: `İ i` (dotted) and
//! `I ı` (dotless). Unicode's default lowercase of `İ` (SpecialCasing.txt) is `i` + U+0307
//! COMBINING DOT ABOVE, which is what `char::to_lowercase` and tantivy's `LowerCaser`
//! produce: the token `i̇stanbul` then matches neither `istanbul` nor `İstanbul`. This fold
//! runs first and settles the four letters:
//!
//! * `İ` → `i`, and `i` or `I` followed by U+0307 → `i` (text lowercased by such a tool
//!   before it reached us meets the rest);
//! * for the exact form, `ı` stays `ı` (it is a distinct letter: `ışık` is not `işik`) and
//!   `I` is left to the generic lowercase, which gives `i`;
//! * for the search form, `ı` → `i` too, so `IŞIK`, `ışık` and `isik` all meet: users of a
//!   non-Turkish keyboard cannot type `ı`, and `I` is ambiguous in Turkish text anyway.

use super::CharFold;

const CAPITAL_I_WITH_DOT: char = '\u{130}';
const DOTLESS_I: char = '\u{131}';
const COMBINING_DOT_ABOVE: char = '\u{307}';

/// Folds `İ` (and `i`/`I` + U+0307) to `i`; optionally folds `ı` to `i`.
pub(crate) struct TurkishDottedI {
    fold_dotless: bool,
}

impl TurkishDottedI {
    /// For the exact form: `ı` stays.
    pub(crate) const KEEP_DOTLESS: Self = Self {
        fold_dotless: false,
    };
    /// For the search form: `ı` → `i`.
    pub(crate) const FOLD_DOTLESS: Self = Self { fold_dotless: true };
}

impl CharFold for TurkishDottedI {
    fn applies(&self, text: &str) -> bool {
        text.chars().any(|c| {
            c == CAPITAL_I_WITH_DOT
                || c == COMBINING_DOT_ABOVE
                || (self.fold_dotless && c == DOTLESS_I)
        })
    }

    fn depends_on_neighbours(&self, c: char) -> bool {
        c == COMBINING_DOT_ABOVE
    }

    fn fold(&self, text: &str, out: &mut String) {
        let mut previous_is_i = false;
        for c in text.chars() {
            match c {
                CAPITAL_I_WITH_DOT => {
                    out.push('i');
                    previous_is_i = true;
                }
                COMBINING_DOT_ABOVE if previous_is_i => {
                    // The dot of `i̇`: `i` already carries it. Keep `previous_is_i` so a
                    // doubled dot (a broken round trip) goes too.
                }
                DOTLESS_I if self.fold_dotless => {
                    out.push('i');
                    previous_is_i = true;
                }
                // `I` is left as it is: the generic lowercase turns it into `i` in both forms.
                'i' | 'I' => {
                    out.push(c);
                    previous_is_i = true;
                }
                _ => {
                    out.push(c);
                    previous_is_i = false;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(fold: &TurkishDottedI, text: &str) -> String {
        let mut out = String::new();
        if fold.applies(text) {
            fold.fold(text, &mut out);
        } else {
            out.push_str(text);
        }
        out
    }

    #[test]
    fn table() {
        // (input, exact form before lowercasing, search form before lowercasing)
        let rows = [
            ("İSTANBUL", "iSTANBUL", "iSTANBUL"),
            ("i\u{307}stanbul", "istanbul", "istanbul"),
            ("I\u{307}STANBUL", "ISTANBUL", "ISTANBUL"),
            ("ışık", "ışık", "işik"),
            ("IŞIK", "IŞIK", "IŞIK"),
            ("TİCARETİ", "TiCARETi", "TiCARETi"),
            ("insan", "insan", "insan"),
        ];
        for (input, exact, search) in rows {
            assert_eq!(
                apply(&TurkishDottedI::KEEP_DOTLESS, input),
                exact,
                "{input}"
            );
            assert_eq!(
                apply(&TurkishDottedI::FOLD_DOTLESS, input),
                search,
                "{input}"
            );
        }
    }

    #[test]
    fn a_combining_dot_elsewhere_is_kept() {
        // U+0307 on other letters is a real diacritic (Lithuanian, Maltese ġ decomposed):
        // the diacritic fold deals with it later, or the exact form keeps it.
        assert_eq!(apply(&TurkishDottedI::KEEP_DOTLESS, "g\u{307}"), "g\u{307}");
    }
}
