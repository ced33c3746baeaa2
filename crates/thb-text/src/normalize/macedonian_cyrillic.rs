//! The letters Macedonian Cyrillic adds to the Serbian ones, → Macedonian Latin.
//!
//! The Macedonian alphabet (standardised in 1945) is the Serbian one without
//! `ђ ћ` and with `ѓ ќ ѕ`; the stressed forms `ѐ ѝ` appear where they separate homographs
//! (`ѝ` "to her" / `и` "and"). The shared letters are folded by `serbian_cyrillic.rs`, which
//! runs first. Romanisation follows the Macedonian government's system, the one on passports
//! and road signs and the one people type: `ѓ` → `gj`, `ќ` → `kj`, `ѕ` → `dz` (so `луѓе`
//! and a user's `lugje` meet). The stress marks are kept as Latin `è ì` and folded to
//! `e i` by the diacritic fold, like the combining accent in `е̏`.
//!
//! Consequences worth knowing: `ѕ` and `џ` (Latin `dž`) both end as `dz`; `ѓ` (`gj`) does
//! not meet its Serbian cognate `đ` (`d`): `меѓу` → `megju`, `među` → `medu`.

use super::CharFold;

/// The Macedonian-only letters, lowercase, and their Latin spelling.
pub(crate) const MACEDONIAN_CYRILLIC_TO_LATIN: [(char, &str); 5] = [
    ('ѓ', "gj"),
    ('ѕ', "dz"),
    ('ќ', "kj"),
    ('ѐ', "è"),
    ('ѝ', "ì"),
];

/// The Latin spelling of a lowercase Macedonian-only letter.
#[inline]
pub(crate) fn macedonian_latin(c: char) -> Option<&'static str> {
    MACEDONIAN_CYRILLIC_TO_LATIN
        .iter()
        .find(|(cyrillic, _)| *cyrillic == c)
        .map(|(_, latin)| *latin)
}

/// Transliterates `ѓ ѕ ќ ѐ ѝ`; other characters pass.
pub(crate) struct MacedonianCyrillic;

impl CharFold for MacedonianCyrillic {
    fn applies(&self, text: &str) -> bool {
        // All five letters sit in U+0450..U+045F: one range test rejects everything else.
        text.chars()
            .any(|c| ('\u{450}'..='\u{45f}').contains(&c) && macedonian_latin(c).is_some())
    }

    fn fold(&self, text: &str, out: &mut String) {
        for c in text.chars() {
            match macedonian_latin(c) {
                Some(latin) => out.push_str(latin),
                None => out.push(c),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fold_for_search_string;
    use super::*;

    #[test]
    fn table() {
        let rows = [
            ("луѓе", "луgjе"),
            ("ќерка", "kjерка"),
            ("ѕвезда", "dzвезда"),
            ("ѝ", "ì"),
            ("ѐ", "è"),
        ];
        crate::normalize::assert_fold_rows(&MacedonianCyrillic, &rows);
        assert!(!MacedonianCyrillic.applies("трговија ђ ћ"));
    }

    #[test]
    fn whole_macedonian_words_fold_to_what_people_type() {
        let rows = [
            ("Луѓе", "lugje"),
            ("меѓународен", "megjunaroden"),
            ("ќе", "kje"),
            ("Ѕвездата", "dzvezdata"),
            ("ѝ", "i"),
            ("џеб", "dzeb"),
            ("жртвите", "zrtvite"),
        ];
        for (input, expected) in rows {
            assert_eq!(fold_for_search_string(input), expected, "{input}");
        }
    }
}
