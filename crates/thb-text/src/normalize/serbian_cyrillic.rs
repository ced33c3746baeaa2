//! Serbian Cyrillic → Serbian Latin (Gaj's alphabet), letter for letter.
//!
//! The two Serbian alphabets correspond one to one (Pravopis srpskoga jezika, Matica
//! srpska): 30 Cyrillic letters, 30 Latin letters, three of them written as digraphs
//! (`љ` lj, `њ` nj, `џ` dž). We output the Latin letters *with* their diacritics (`ђ` → `đ`,
//! `ћ` → `ć`, `ч` → `č`, `ж` → `ž`, `ш` → `š`) and let the Latin diacritic fold run next, so
//! a Cyrillic text goes through exactly the same later steps as its Latin transliteration:
//! `Ђорђевић` → `Đorđević` → `dordevic`, `Џаковица` → `Džakovica` → `dzakovica`.
//!
//! Most of these letters serve other alphabets too: Macedonian (all but `ђ ћ`),
//! Montenegrin (its extra `с́ з́` are `с`/`з` + U+0301, and the mark is dropped after the
//! Latin letter like any other accent), Russian, Bulgarian, Ukrainian and Belarusian; the
//! letters they add live in `macedonian_cyrillic.rs` and `other_cyrillic.rs`. Input is
//! lowercase (the lowercase fold runs first).

use super::CharFold;

/// The Serbian Cyrillic alphabet in its own (azbuka) order, lowercase, with the standard
/// Latin letter of each.
pub(crate) const SERBIAN_CYRILLIC_TO_LATIN: [(char, &str); 30] = [
    ('а', "a"),
    ('б', "b"),
    ('в', "v"),
    ('г', "g"),
    ('д', "d"),
    ('ђ', "đ"),
    ('е', "e"),
    ('ж', "ž"),
    ('з', "z"),
    ('и', "i"),
    ('ј', "j"),
    ('к', "k"),
    ('л', "l"),
    ('љ', "lj"),
    ('м', "m"),
    ('н', "n"),
    ('њ', "nj"),
    ('о', "o"),
    ('п', "p"),
    ('р', "r"),
    ('с', "s"),
    ('т', "t"),
    ('ћ', "ć"),
    ('у', "u"),
    ('ф', "f"),
    ('х', "h"),
    ('ц', "c"),
    ('ч', "č"),
    ('џ', "dž"),
    ('ш', "š"),
];

/// The Latin spelling of a lowercase Serbian Cyrillic letter.
#[inline]
pub(crate) fn serbian_latin(c: char) -> Option<&'static str> {
    let index = (c as usize).wrapping_sub(FIRST_CYRILLIC);
    match LOOKUP.get(index) {
        Some(latin) if !latin.is_empty() => Some(latin),
        _ => None,
    }
}

/// The alphabet sits in U+0400..U+045F; an array indexed by code point is built from the
/// table at compile time, so the table stays the one place the letters are written.
const FIRST_CYRILLIC: usize = 0x400;
const LOOKUP: [&str; 0x60] = {
    let mut lookup = [""; 0x60];
    let mut i = 0;
    while i < SERBIAN_CYRILLIC_TO_LATIN.len() {
        let (cyrillic, latin) = SERBIAN_CYRILLIC_TO_LATIN[i];
        lookup[cyrillic as usize - FIRST_CYRILLIC] = latin;
        i += 1;
    }
    lookup
};

/// Transliterates the Serbian Cyrillic letters of a lowercase token; other characters pass.
pub(crate) struct SerbianCyrillic;

impl CharFold for SerbianCyrillic {
    fn applies(&self, text: &str) -> bool {
        text.chars().any(|c| serbian_latin(c).is_some())
    }

    fn fold(&self, text: &str, out: &mut String) {
        for c in text.chars() {
            match serbian_latin(c) {
                Some(latin) => out.push_str(latin),
                None => out.push(c),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{read_jsonl_records, search_words, shared_data_file};
    use super::super::{clean_text, fold_for_search_string};
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn lookup_agrees_with_the_alphabet_table() {
        for (cyrillic, latin) in SERBIAN_CYRILLIC_TO_LATIN {
            assert_eq!(serbian_latin(cyrillic), Some(latin), "{cyrillic}");
        }
        let served = ('\u{400}'..='\u{4ff}')
            .filter(|&c| serbian_latin(c).is_some())
            .count();
        assert_eq!(served, 30, "exactly the 30 Serbian letters");
    }

    #[test]
    fn transliterates_to_gaj_latin_with_diacritics() {
        let rows = [
            ("трговина људима", "trgovina ljudima"),
            ("ђорђевић", "đorđević"),
            ("џаковица", "džakovica"),
            ("жртва", "žrtva"),
            ("чачак", "čačak"),
            ("шабац", "šabac"),
            ("њујорк", "njujork"),
        ];
        for (cyrillic, latin) in rows {
            let mut out = String::new();
            SerbianCyrillic.fold(cyrillic, &mut out);
            assert_eq!(out, latin);
        }
    }

    /// The standard transliteration, written independently of the table above, with the
    /// capitals of the three digraph letters in title case (`Љ` → `Lj`) as in running text.
    fn transliterate(cyrillic: &str) -> String {
        let mut out = String::new();
        for c in cyrillic.chars() {
            let lower = c.to_lowercase().next().unwrap_or(c);
            let latin = match lower {
                'а' => "a",
                'б' => "b",
                'в' => "v",
                'г' => "g",
                'д' => "d",
                'ђ' => "đ",
                'е' => "e",
                'ж' => "ž",
                'з' => "z",
                'и' => "i",
                'ј' => "j",
                'к' => "k",
                'л' => "l",
                'љ' => "lj",
                'м' => "m",
                'н' => "n",
                'њ' => "nj",
                'о' => "o",
                'п' => "p",
                'р' => "r",
                'с' => "s",
                'т' => "t",
                'ћ' => "ć",
                'у' => "u",
                'ф' => "f",
                'х' => "h",
                'ц' => "c",
                'ч' => "č",
                'џ' => "dž",
                'ш' => "š",
                _ => {
                    out.push(c);
                    continue;
                }
            };
            if c == lower {
                out.push_str(latin);
            } else {
                let mut letters = latin.chars();
                out.extend(letters.next().into_iter().flat_map(char::to_uppercase));
                out.extend(letters);
            }
        }
        out
    }

    proptest! {
        /// Any string of Serbian Cyrillic letters (both cases) and spaces folds like its
        /// standard Latin transliteration; `дј`/`ђ`/`dj` and `дж`/`џ`/`dž` included.
        #[test]
        fn cyrillic_folds_like_its_latin_transliteration(
            text in "[абвгдђежзијклљмнњопрстћуфхцчџшАБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ ]{0,40}"
        ) {
            let latin = transliterate(&text);
            prop_assert_eq!(fold_for_search_string(&text), fold_for_search_string(&latin));
            prop_assert_eq!(search_words(&text), search_words(&latin));
        }
    }

    /// Pairs whose Latin original and Cyrillic machine transliteration genuinely differ,
    /// by `sent_id`, each investigated and found not to be a fold bug. With the sentences
    /// cleaned as at ingest there are none: all 1,056 pairs fold alike. (Uncleaned, one
    /// pair differs, `set-s2591`, see the comment in the test below.)
    const KNOWN_TRANSLITERATION_DIFFERENCES: &[&str] = &[];

    #[test]
    fn real_serbian_sentences_fold_the_same_in_both_scripts() {
        let Some(path) = shared_data_file("sr_latin_cyrillic_pairs_ud_set.jsonl") else {
            eprintln!("skipped: shared/data/sr_latin_cyrillic_pairs_ud_set.jsonl not found");
            return;
        };
        let pairs = read_jsonl_records(&path, ["sent_id", "latin", "cyrillic"]);
        assert!(
            pairs.len() > 1000,
            "expected ~1,056 pairs, read {}",
            pairs.len()
        );
        let mut agree = 0;
        let mut unexpected = Vec::new();
        for [sent_id, latin, cyrillic] in &pairs {
            let latin_words = search_words(&clean_text(latin));
            let cyrillic_words = search_words(&clean_text(cyrillic));
            if latin_words == cyrillic_words {
                agree += 1;
            } else if !KNOWN_TRANSLITERATION_DIFFERENCES.contains(&sent_id.as_str()) {
                let differing: Vec<_> = latin_words
                    .iter()
                    .zip(&cyrillic_words)
                    .filter(|(l, c)| l != c)
                    .collect();
                unexpected.push(format!("{sent_id}: {differing:?}"));
            }
        }
        let share = agree as f64 / pairs.len() as f64;
        eprintln!(
            "{agree} of {} pairs fold identically ({:.2}%)",
            pairs.len(),
            share * 100.0
        );
        // Without ingest cleaning one pair differs: the transliterator writes U+200C ZERO
        // WIDTH NON-JOINER inside `над‌јачало` to say "д + ј, not ђ", and the word splits there.
        let raw_agree = pairs
            .iter()
            .filter(|[_, latin, cyrillic]| search_words(latin) == search_words(cyrillic))
            .count();
        eprintln!(
            "{raw_agree} of {} pairs agree before clean_text",
            pairs.len()
        );
        assert!(share >= 0.99, "agreement {share:.4} below 99%");
        assert!(
            unexpected.is_empty(),
            "unlisted mismatches:\n{}",
            unexpected.join("\n")
        );
    }
}
