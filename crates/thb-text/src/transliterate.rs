//! Serbian Latin → Serbian Cyrillic, for text written by people (interface labels), not for
//! search: the search fold goes the other way (`normalize::serbian_cyrillic`).
//!
//! The letters are that module's table read backwards, so the two directions cannot drift
//! apart. Three Cyrillic letters are Latin digraphs (`lj` љ, `nj` њ, `dž` џ), matched before
//! single letters (`Lj` → `Љ`). A Latin text quotes words that are not
//! Serbian, which a transliterator must leave alone, as Serbian editors and Wikipedia's
//! script converter do:
//!
//! * acronyms, words with two capitals or more (`GRETA`, `ECtHR`, `OR`, `CSV`), so a Serbian
//!   word in capitals stays Latin too: labels write words in small letters;
//! * words with a letter Gaj's alphabet lacks (`q w x y`, `ë`, `ü`, …): `thb-caselaw`;
//! * addresses (`https://…`, `name@host`).
//!
//! The rare Serbian words where `nj` or `dž` are two letters across a prefix (`injekcija`,
//! `nadživeti`) are not told apart; text meant for this function avoids them or is written
//! out in Cyrillic.

use crate::normalize::serbian_cyrillic::SERBIAN_CYRILLIC_TO_LATIN;

/// `text` in Serbian Cyrillic, with acronyms, foreign words and addresses kept as written.
pub fn serbian_latin_to_cyrillic(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut word = String::new();
    for c in text.chars() {
        if c.is_whitespace() {
            push_word(&word, &mut out);
            word.clear();
            out.push(c);
        } else {
            word.push(c);
        }
    }
    push_word(&word, &mut out);
    out
}

/// One whitespace-delimited word, transliterated unless it must stay as written.
fn push_word(word: &str, out: &mut String) {
    if keeps_its_script(word) {
        out.push_str(word);
        return;
    }
    let chars: Vec<char> = word.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let (cyrillic, used) = letter_at(&chars[i..]);
        match cyrillic {
            Some(letter) => out.push(letter),
            None => out.push(chars[i]),
        }
        i += used;
    }
}

/// Whether a word is an acronym, foreign or an address (see the module comment).
fn keeps_its_script(word: &str) -> bool {
    let capitals = word.chars().filter(|c| c.is_uppercase()).count();
    let foreign = word.chars().any(|c| {
        c.is_alphabetic() && !c.is_ascii_alphabetic() && !"čćđšžČĆĐŠŽ".contains(c)
            || matches!(c.to_ascii_lowercase(), 'q' | 'w' | 'x' | 'y')
    });
    capitals >= 2 || foreign || word.contains("://") || word.contains('@')
}

/// The Cyrillic letter at the start of `chars` and how many Latin characters it takes; `None`
/// for a character that is not a Serbian Latin letter.
fn letter_at(chars: &[char]) -> (Option<char>, usize) {
    let upper = chars[0].is_uppercase();
    let lower: String = chars
        .iter()
        .take(2)
        .flat_map(|c| c.to_lowercase())
        .collect();
    // Digraphs first: `lj` is `љ`, never `л` + `ј`.
    let candidates = [(lower.as_str(), 2), (&lower[..first_len(&lower)], 1)];
    for (latin, used) in candidates {
        if chars.len() < used {
            continue;
        }
        if let Some((cyrillic, _)) = SERBIAN_CYRILLIC_TO_LATIN.iter().find(|(_, l)| *l == latin) {
            let letter = if upper {
                cyrillic.to_uppercase().next().unwrap_or(*cyrillic)
            } else {
                *cyrillic
            };
            return (Some(letter), used);
        }
    }
    (None, 1)
}

fn first_len(s: &str) -> usize {
    s.chars().next().map_or(0, char::len_utf8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::fold_for_search_string;

    #[test]
    fn letters_digraphs_and_case() {
        let table = [
            ("Ljubljana", "Љубљана"),
            ("Njegoš", "Његош"),
            ("džep", "џеп"),
            ("Džakovica", "Џаковица"),
            ("Đorđević", "Ђорђевић"),
            ("čačak žeđ šuma", "чачак жеђ шума"),
            ("trgovina ljudima", "трговина људима"),
            ("Sud (I), 7. jun.", "Суд (И), 7. јун."),
            ("LJUBAV", "LJUBAV"),
        ];
        for (latin, cyrillic) in table {
            assert_eq!(serbian_latin_to_cyrillic(latin), cyrillic, "{latin}");
        }
    }

    #[test]
    fn acronyms_foreign_words_and_addresses_stay_as_written() {
        assert_eq!(
            serbian_latin_to_cyrillic("preporuke GRETA i ECtHR, AND/OR"),
            "препоруке GRETA и ECtHR, AND/OR"
        );
        assert_eq!(
            serbian_latin_to_cyrillic("thb-caselaw: odluke"),
            "thb-caselaw: одлуке"
        );
        assert_eq!(
            serbian_latin_to_cyrillic("vidi https://hudoc.echr.coe.int/sr"),
            "види https://hudoc.echr.coe.int/sr"
        );
        assert_eq!(serbian_latin_to_cyrillic("Shqipëria"), "Shqipëria");
    }

    #[test]
    fn the_cyrillic_folds_back_to_the_latin_it_came_from() {
        // The search fold reads Cyrillic with the same table, independently of this code.
        for latin in [
            "Pretraga sudske prakse i preporuka",
            "Nijedan dokument ne odgovara ovoj pretrazi.",
            "Džaković, Ljiljana Njegovan, Đurđevdan",
        ] {
            let cyrillic = serbian_latin_to_cyrillic(latin);
            assert!(
                !cyrillic.chars().any(|c| c.is_ascii_alphabetic()),
                "{cyrillic}"
            );
            assert_eq!(
                fold_for_search_string(&cyrillic),
                fold_for_search_string(latin),
                "{latin}"
            );
        }
    }
}
