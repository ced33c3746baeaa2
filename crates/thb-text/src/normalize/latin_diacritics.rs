//! Latin letters with diacritics → plain ASCII letters.
//!
//! Practitioners type without diacritics more often than with (`zrtva` for `žrtva`,
//! `Yilmaz` for `Yılmaz`, `xoghol` for `xogħol`, `traite` for `traité`), and the ASCII
//! spellings of Balkan names in international documents drop them too. Two sources:
//!
//! * letters with a canonical decomposition (Unicode's own data: `č` = `c` + caron, `ğ` =
//!   `g` + breve, `ż` = `z` + dot above, `ë`, `ç`, `é`, `ö`, `ü`...) fold to their base
//!   letter, and a combining mark standing after a Latin letter is dropped;
//! * letters Unicode does not decompose (`đ`, `ħ`, `ł`, `ø`, `ß`, `æ`, `œ`...) come from
//!   [`LATIN_LETTERS_WITHOUT_DECOMPOSITION`], with the usual ASCII spelling of each in the
//!   language that uses it (German `ß` → `ss`, Icelandic `þ` → `th`).
//!
//! Marks after non-Latin letters (Greek tonos, Devanagari vowel signs, Arabic harakat) are
//! kept: they are not ours to drop. Serbian `dž` needs no rule: `ž` → `z` gives `dz`.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use super::CharFold;

/// Lowercase Latin letters with no canonical decomposition, sorted by code point (a test
/// checks), and their ASCII spelling.
pub(crate) const LATIN_LETTERS_WITHOUT_DECOMPOSITION: &[(char, &str)] = &[
    ('ß', "ss"), // German
    ('æ', "ae"), // Danish, Norwegian, Icelandic, French ligature
    ('ð', "d"),  // Icelandic, Faroese eth
    ('ø', "o"),  // Danish, Norwegian
    ('þ', "th"), // Icelandic thorn
    ('đ', "d"),  // Serbian, Croatian, Bosnian, Montenegrin, Vietnamese
    ('ħ', "h"),  // Maltese
    ('ı', "i"),  // Turkish dotless i (the Turkish fold normally takes it first)
    ('ĸ', "k"),  // Greenlandic kra
    ('ł', "l"),  // Polish, Sorbian
    ('ŋ', "n"),  // Sami, Wolof, Bambara
    ('œ', "oe"), // French ligature
    ('ŧ', "t"),  // Northern Sami
    ('ƀ', "b"),
    ('ƃ', "b"),
    ('ƈ', "c"),
    ('ƌ', "d"),
    ('ƒ', "f"),
    ('ƕ', "hv"), // Gothic hwair
    ('ƙ', "k"),  // Hausa
    ('ƚ', "l"),
    ('ƞ', "n"),
    ('ƥ', "p"),
    ('ƫ', "t"),
    ('ƭ', "t"),
    ('ƴ', "y"), // Fula
    ('ƶ', "z"),
    ('ǝ', "e"),
    ('ǥ', "g"), // Skolt Sami
    ('ȡ', "d"),
    ('ȥ', "z"),
    ('ȴ', "l"),
    ('ȵ', "n"),
    ('ȶ', "t"),
    ('ȷ', "j"),
    ('ȼ', "c"),
    ('ȿ', "s"),
    ('ɀ', "z"),
    ('ɇ', "e"),
    ('ɉ', "j"),
    ('ɋ', "q"),
    ('ɍ', "r"),
    ('ɏ', "y"),
    ('ɓ', "b"), // Hausa, Fula
    ('ɔ', "o"), // African reference alphabet
    ('ɖ', "d"), // Ewe, Fon
    ('ɗ', "d"), // Hausa, Fula
    ('ə', "e"), // Azerbaijani schwa
    ('ɛ', "e"), // African reference alphabet
    ('ɠ', "g"),
    ('ɣ', "g"), // Ewe, Berber
    ('ɨ', "i"),
    ('ɩ', "i"),
    ('ɲ', "n"), // Bambara
    ('ɵ', "o"),
    ('ʀ', "r"),
    ('ʃ', "s"),
    ('ʈ', "t"),
    ('ʉ', "u"),
    ('ʊ', "u"),
    ('ʋ', "v"),
    ('ʒ', "z"),
    ('ⱥ', "a"),
    ('ⱦ', "t"),
];

/// Modifier letters that write an apostrophe, a glottal stop or a breathing (`ʻ ʼ ʾ ʿ`):
/// NFKC turns `ŉ` into `ʼn` and `ẚ` into `aʾ`, Ukrainian and Uzbek Latin write them inside
/// words, and transliterated Arabic names carry `ʾ ʿ`. Unicode calls them letters, so they
/// stay inside a token; the search form drops them, as people type the name without them.
const APOSTROPHE_LETTERS: [char; 4] = ['\u{2bb}', '\u{2bc}', '\u{2be}', '\u{2bf}'];

/// NFKC turns Catalan `ŀ` into `l·`; the dot goes so that the token keeps its letters.
const MIDDLE_DOT: char = '\u{b7}';

/// The ASCII spelling of a letter of [`LATIN_LETTERS_WITHOUT_DECOMPOSITION`].
#[inline]
fn undecomposed_latin(c: char) -> Option<&'static str> {
    LATIN_LETTERS_WITHOUT_DECOMPOSITION
        .binary_search_by(|(letter, _)| letter.cmp(&c))
        .ok()
        .map(|index| LATIN_LETTERS_WITHOUT_DECOMPOSITION[index].1)
}

/// The base letter of a Latin letter with diacritics, as ASCII (`ǿ` → `o` through `ø`).
fn base_letter(c: char) -> Option<&'static str> {
    let mut base = None;
    decompose_canonical(c, |part| {
        if base.is_none() {
            base = Some(part);
        }
    });
    match base {
        Some(base) if base != c && base.is_ascii_alphabetic() => Some(ascii_letter(base)),
        Some(base) if base != c => undecomposed_latin(base),
        _ => None,
    }
}

/// `'a'` → `"a"` without allocating.
fn ascii_letter(c: char) -> &'static str {
    const LETTERS: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let index = match c {
        'A'..='Z' => c as usize - 'A' as usize,
        _ => 26 + c as usize - 'a' as usize,
    };
    &LETTERS[index..index + 1]
}

/// The ASCII spelling of a Latin letter with diacritics, if it has one.
fn ascii_spelling(c: char) -> Option<&'static str> {
    match c {
        // Macedonian's academic romanisation writes ѓ and ќ as ǵ and ḱ: they fold as the
        // Cyrillic letters do (`Ǵorče` finds `Ѓорче`, as `Gjorce` does).
        'ǵ' | 'Ǵ' => Some("gj"),
        'ḱ' | 'Ḱ' => Some("kj"),
        _ => base_letter(c).or_else(|| undecomposed_latin(c)),
    }
}

/// What `c` is typed as by someone leaving diacritics out, as the search form spells it:
/// `é` → `e`, `ı` → `i`, `đ` → `d`, `œ` → `oe`, `ß` → `ss`, and nothing for a combining mark
/// or an apostrophe letter (`c` + U+030C is typed `c`). `None` for ASCII, which is typed as
/// it is, and for the letters of other scripts: Cyrillic `а` is not a way of typing `a`, the
/// script of a word being a choice its writer made where its diacritics are not.
///
/// Search asks this of the exact fields' terms (`thb_engine::search::spellings`): which of them
/// a word typed without some of its diacritics may stand for.
pub fn typed_without_diacritics(c: char) -> Option<&'static str> {
    if c.is_ascii() {
        return None;
    }
    if is_combining_mark(c) || APOSTROPHE_LETTERS.contains(&c) {
        return Some("");
    }
    ascii_spelling(c)
}

/// Folds Latin letters with diacritics to ASCII; drops combining marks after Latin letters.
pub(crate) struct LatinDiacritics;

impl CharFold for LatinDiacritics {
    fn applies(&self, text: &str) -> bool {
        !text.is_ascii()
    }

    fn depends_on_neighbours(&self, c: char) -> bool {
        c == MIDDLE_DOT || is_combining_mark(c)
    }

    fn fold(&self, text: &str, out: &mut String) {
        // Whether the last character written was a Latin letter or digit, i.e. whether a
        // combining mark that follows belongs to Latin text.
        let mut after_latin = false;
        for c in text.chars() {
            if c.is_ascii() {
                out.push(c);
                after_latin = c.is_ascii_alphanumeric();
            } else if APOSTROPHE_LETTERS.contains(&c) {
                // Dropped wherever it stands; the letter before still counts as Latin.
            } else if is_combining_mark(c) || c == MIDDLE_DOT {
                if !after_latin {
                    out.push(c);
                }
            } else if let Some(ascii) = ascii_spelling(c) {
                out.push_str(ascii);
                after_latin = true;
            } else {
                out.push(c);
                after_latin = false;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fold_for_search_string;
    use super::*;

    fn fold(text: &str) -> String {
        let mut out = String::new();
        LatinDiacritics.fold(text, &mut out);
        out
    }

    #[test]
    fn table_is_sorted_lowercase_and_undecomposable() {
        for pair in LATIN_LETTERS_WITHOUT_DECOMPOSITION.windows(2) {
            assert!(
                pair[0].0 < pair[1].0,
                "{:?} before {:?}",
                pair[0].0,
                pair[1].0
            );
        }
        for (letter, ascii) in LATIN_LETTERS_WITHOUT_DECOMPOSITION {
            assert!(
                base_letter(*letter).is_none(),
                "{letter} decomposes: drop its row"
            );
            assert!(ascii.bytes().all(|b| b.is_ascii_lowercase()), "{letter}");
            assert_eq!(fold(&letter.to_string()), *ascii);
        }
    }

    #[test]
    fn rows() {
        let rows = [
            // Serbian, Croatian, Bosnian, Montenegrin
            ("čćšžđ", "ccszd"),
            ("džamija", "dzamija"),
            ("śź", "sz"),
            // Albanian
            ("ëç", "ec"),
            // Turkish
            ("ğşçöüâ", "gscoua"),
            // Maltese
            ("ħġżċ", "hgzc"),
            // Macedonian academic romanisation: as ѓ and ќ fold
            ("ǵ ḱ", "gj kj"),
            // French
            ("éèêëàâîïôûùüÿç", "eeeeaaiiouuuyc"),
            ("œuvre", "oeuvre"),
            // German, Nordic, Polish, Romanian, Hungarian, Czech
            ("ßæøåłșțőűěř", "ssaeoalstouer"),
            ("ǿ", "o"),
            // Apostrophe letters and the dot NFKC leaves from Catalan `ŀ`.
            ("oʻzbek", "ozbek"),
            ("Qurʾan", "Quran"),
            ("l\u{b7}l", "ll"),
            // Combining marks after Latin letters go; after Greek they stay.
            ("c\u{30c}", "c"),
            ("a\u{301}\u{301}", "a"),
            ("ά", "ά"),
            ("α\u{301}", "α\u{301}"),
        ];
        for (input, expected) in rows {
            assert_eq!(fold(input), expected, "{input}");
        }
    }

    #[test]
    fn letters_typed_without_diacritics() {
        let rows = [
            ('é', Some("e")),
            ('É', Some("E")),
            ('ê', Some("e")),
            ('ı', Some("i")),
            ('đ', Some("d")),
            ('ž', Some("z")),
            ('ħ', Some("h")),
            ('ë', Some("e")),
            ('ş', Some("s")),
            ('œ', Some("oe")),
            ('ß', Some("ss")),
            ('\u{301}', Some("")),
            ('ʼ', Some("")),
            // ASCII is typed as it is; other scripts are not typed in Latin letters.
            ('e', None),
            ('1', None),
            ('а', None),
            ('ж', None),
            ('ά', None),
            ('中', None),
        ];
        for (letter, typed) in rows {
            assert_eq!(typed_without_diacritics(letter), typed, "{letter}");
        }
        // It agrees with the search form on every Latin letter that has an ASCII spelling.
        for c in ('\u{c0}'..='\u{24f}').chain('\u{1e00}'..='\u{1eff}') {
            if let Some(typed) = typed_without_diacritics(c) {
                assert_eq!(
                    fold_for_search_string(&c.to_string()),
                    typed.to_lowercase(),
                    "{c}"
                );
            }
        }
    }

    /// Letters of the Latin blocks that have no sensible single ASCII spelling (clicks,
    /// turned and IPA-only letters, tone letters); they pass unchanged.
    const NO_ASCII_SPELLING: &[char] = &[
        'ƅ', 'ƍ', 'ƛ', 'ƣ', 'ƨ', 'ƪ', 'ƹ', 'ƺ', 'ƻ', 'ƽ', 'ƾ', 'ƿ', 'ǀ', 'ǁ', 'ǂ', 'ǃ', 'ȝ', 'ȣ',
        'ȸ', 'ȹ', 'ɂ', 'ɯ', 'ʌ', 'ẜ', 'ẝ', 'ẟ', 'ỻ', 'ỽ', 'ỿ',
    ];

    #[test]
    fn every_latin_letter_folds_to_ascii() {
        let blocks = ['\u{c0}'..='\u{24f}', '\u{1e00}'..='\u{1eff}'];
        let mut unfolded = Vec::new();
        for c in blocks.into_iter().flatten() {
            let lower = c.to_lowercase().next().unwrap_or(c);
            if !c.is_alphabetic() || NO_ASCII_SPELLING.contains(&lower) {
                continue;
            }
            let folded = fold_for_search_string(&c.to_string());
            if !folded.bytes().all(|b| b.is_ascii_lowercase()) {
                unfolded.push(format!("{c} U+{:04X} → {folded}", c as u32));
            }
        }
        assert!(unfolded.is_empty(), "{}", unfolded.join("\n"));
    }
}
