//! Cyrillic letters neither Serbian nor Macedonian: Russian, Ukrainian, Belarusian,
//! Bulgarian, a few pre-1918 Russian letters, and any Cyrillic letter with a diacritic.
//!
//! Case law from the region quotes Russian and Ukrainian names and ECtHR judgments against
//! Russia and Ukraine; they must fold to *some* stable ASCII so that a Cyrillic query finds a
//! Cyrillic text and a reasonable Latin spelling often finds it too. We follow the scholarly
//! ("scientific") transliteration used by Slavists, which shares Serbian Latin's letters
//! (`ж` ž, `ч` č, `ш` š, `й` j) and so fits the Serbian fold that runs before this one:
//! `щ` → `šč`, `ю` → `ju`, `я` → `ja`, `є` → `je`, `ї` → `ji`, `ы` → `y`, `э` → `è`,
//! `ё` → `ë`, `ў` → `ŭ`. Two deliberate departures: `х` stays `h` (it is Serbian's letter and
//! the Serbian fold handles it), and the hard and soft signs `ъ ь` are dropped rather than
//! written as primes, which no one types. Bulgarian `ъ` (a vowel) is dropped too; Bulgarian
//! is not a language of our corpus and the drop is at least consistent.
//!
//! Letters with a canonical decomposition (`ӑ` = `а` + breve, `ӣ` = `и` + macron) fold as
//! their base letter; the diacritic fold then drops the mark. Other Cyrillic letters
//! (Kazakh `қ`, Abkhaz, Old Church Slavonic) pass unchanged: no one has asked for them yet.

use unicode_normalization::char::decompose_canonical;

use super::macedonian_cyrillic::macedonian_latin;
use super::serbian_cyrillic::serbian_latin;
use super::CharFold;

/// The remaining letters, lowercase, and their Latin spelling.
pub(crate) const OTHER_CYRILLIC_TO_LATIN: [(char, &str); 18] = [
    // Russian
    ('й', "j"),
    ('щ', "šč"),
    ('ъ', ""),
    ('ы', "y"),
    ('ь', ""),
    ('э', "è"),
    ('ю', "ju"),
    ('я', "ja"),
    ('ё', "ë"),
    // Ukrainian and Belarusian
    ('є', "je"),
    ('і', "i"),
    ('ї', "ji"),
    ('ґ', "g"),
    ('ў', "ŭ"),
    // Pre-1918 Russian orthography (yat, fita, izhitsa) and the old ligature `ѡ`.
    ('ѣ', "ě"),
    ('ѳ', "f"),
    ('ѵ', "i"),
    ('ѡ', "o"),
];

/// The Latin spelling of a lowercase letter of this table (`Some("")` for the dropped signs).
#[inline]
fn other_latin(c: char) -> Option<&'static str> {
    OTHER_CYRILLIC_TO_LATIN
        .iter()
        .find(|(cyrillic, _)| *cyrillic == c)
        .map(|(_, latin)| *latin)
}

/// The Latin spelling of any lowercase Cyrillic letter one of the three tables knows.
fn cyrillic_latin(c: char) -> Option<&'static str> {
    serbian_latin(c)
        .or_else(|| macedonian_latin(c))
        .or_else(|| other_latin(c))
}

#[inline]
fn is_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{4ff}').contains(&c)
}

/// Transliterates the Cyrillic letters the Serbian and Macedonian folds left.
pub(crate) struct OtherCyrillic;

impl CharFold for OtherCyrillic {
    fn applies(&self, text: &str) -> bool {
        text.chars().any(is_cyrillic)
    }

    fn fold(&self, text: &str, out: &mut String) {
        for c in text.chars() {
            if !is_cyrillic(c) {
                out.push(c);
                continue;
            }
            if let Some(latin) = cyrillic_latin(c) {
                out.push_str(latin);
                continue;
            }
            // `ӑ` → `а` + U+0306 → `a` + U+0306; the diacritic fold drops the mark.
            let mut decomposed = String::new();
            let mut known_base = true;
            decompose_canonical(c, |part| {
                if is_cyrillic(part) {
                    match cyrillic_latin(part) {
                        Some(latin) => decomposed.push_str(latin),
                        None => known_base = false,
                    }
                } else {
                    decomposed.push(part);
                }
            });
            if known_base && decomposed != c.to_string() {
                out.push_str(&decomposed);
            } else {
                out.push(c);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fold_for_search_string;

    #[test]
    fn table_rows_fold_to_ascii_through_the_whole_pipeline() {
        let rows = [
            ("Щербаков", "scerbakov"),
            ("Юлия", "julija"),
            ("Подъезд", "podezd"),
            ("Мальцев", "malcev"),
            ("Быстров", "bystrov"),
            ("Эмма", "emma"),
            ("Ёлкин", "elkin"),
            ("Київ", "kijiv"),
            ("Європа", "jevropa"),
            ("Ґалаґан", "galagan"),
            ("Беларусь", "belarus"),
            ("Ўладзімір", "uladzimir"),
            ("Россия", "rossija"),
            ("Ѳеодоръ", "feodor"),
            ("ӑ", "a"),
        ];
        for (input, expected) in rows {
            assert_eq!(fold_for_search_string(input), expected, "{input}");
        }
    }

    #[test]
    fn every_letter_of_u0400_to_u045f_folds_to_ascii() {
        for c in '\u{400}'..='\u{45f}' {
            let folded = fold_for_search_string(&c.to_string());
            assert!(
                folded.bytes().all(|b| b.is_ascii_lowercase()),
                "{c} (U+{:04X}) → {folded:?}",
                c as u32
            );
        }
    }

    #[test]
    fn letters_no_table_knows_pass_unchanged() {
        assert_eq!(fold_for_search_string("қ"), "қ");
    }
}
