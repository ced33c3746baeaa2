//! Light stemmers for the languages Snowball does not cover well for us: Serbo-Croatian
//! (Serbian, Bosnian, Croatian, Montenegrin), Macedonian, Albanian and Turkish.
//!
//! Input is a token already folded by [`crate::normalize::fold_for_search`]: lowercase
//! ASCII whatever the script (`žrtvama` and `жртвама` both arrive as `zrtvama`). That is why
//! these are our own: Snowball's Serbian stemmer expects diacritics, and a stemmer that runs
//! after folding lets a Cyrillic document and a Latin query without diacritics meet on one
//! stem. Output is the stem, usually a prefix of the word; the few rules that rewrite the end
//! of a stem (a fleeting `a` or `e`) make the return type `Cow`.
//!
//! "Light" means: only inflectional endings go (case, number, definiteness, adjective
//! agreement); derivation stays (`trgovac` trader ≠ `trgovina` trade), verbs are mostly left
//! alone, at least three letters of stem stay, and words of three letters or fewer, or with
//! anything but `a`..`z` in them (digits, other scripts), are returned unchanged. Each file
//! names the published algorithm it adapts and lists the merges it knowingly misses.
//!
//! This module must not fold, tokenise or know about tantivy.

mod albanian;
mod macedonian;
mod serbo_croatian;
mod turkish;

use std::borrow::Cow;

/// The stem of a Serbian, Bosnian, Croatian or Montenegrin word (either script, folded).
#[must_use]
pub fn serbo_croatian(word: &str) -> Cow<'_, str> {
    serbo_croatian::stem(word)
}

/// The stem of a Macedonian word, folded to Latin (`трговијата` → `trgovijata` → `trgovi`).
#[must_use]
pub fn macedonian(word: &str) -> Cow<'_, str> {
    macedonian::stem(word)
}

/// The stem of an Albanian word, folded (`viktimës` → `viktimes` → `viktim`).
#[must_use]
pub fn albanian(word: &str) -> Cow<'_, str> {
    albanian::stem(word)
}

/// The stem of a Turkish word, folded (`çocuğunun` → `cocugunun` → `cocuk`).
#[must_use]
pub fn turkish(word: &str) -> Cow<'_, str> {
    turkish::stem(word)
}

/// Shortest stem any rule may leave: three letters keep `sud` (court), `kod` (code) and
/// `dec` (children, from `deca`/`djeca`) apart from one another.
const MIN_STEM: usize = 3;

/// Whether the stemmers may touch `word`: folded plain letters and longer than a stem.
fn is_stemmable(word: &str) -> bool {
    word.len() > MIN_STEM && word.bytes().all(|b| b.is_ascii_lowercase())
}

/// `word` without `suffix`, if it ends with it. The stemmers' suffixes are one to four
/// bytes; comparing them in a loop is several times faster than `str::strip_suffix`, whose
/// `memcmp` call dominated a profile of the Serbo-Croatian stemmer.
#[inline]
fn strip_suffix<'a>(word: &'a str, suffix: &str) -> Option<&'a str> {
    let start = word.len().checked_sub(suffix.len())?;
    let tail = &word.as_bytes()[start..];
    if tail.iter().zip(suffix.as_bytes()).all(|(a, b)| a == b) {
        // `get` rather than indexing: never a panic, even if a caller passed non-ASCII.
        word.get(..start)
    } else {
        None
    }
}

#[inline]
fn is_vowel(byte: u8) -> bool {
    matches!(byte, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// A vowel, or an `r` between consonants (or at an edge), which is a syllable of its own in
/// South Slavic (`žrtva`, `trg`, `prst`): Ljubešić and Pandžić's test that a stem can stand.
fn has_vowel_or_syllabic_r(stem: &str) -> bool {
    let bytes = stem.as_bytes();
    bytes.iter().enumerate().any(|(at, &byte)| {
        is_vowel(byte)
            || (byte == b'r'
                && !at
                    .checked_sub(1)
                    .is_some_and(|before| is_vowel(bytes[before]))
                && !bytes.get(at + 1).is_some_and(|&after| is_vowel(after)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table tests every light stemmer has, from its tables, as charabia's
    /// `test_normalizer!` gives every normalizer its own: each word is folded as the index
    /// folds it, then stemmed.
    /// - `meet`: rows of a stem and forms that must all stem to it;
    /// - `apart`: pairs that must keep different stems (derivations, look-alikes);
    /// - `known_misses`: pairs that should meet and do not yet, pinned so that a
    ///   change to them is deliberate;
    /// - `untouched`: words the stemmer must leave as folded (short words, numbers).
    ///
    /// Each table may carry doc comments, which go on its test. Also defines
    /// `fold_and_stem(word)` for the module's own tests.
    macro_rules! stemmer_tables {
        (
            $stem:path,
            $(#[doc = $meet_doc:expr])* meet: $meet:expr,
            $(#[doc = $apart_doc:expr])* apart: $apart:expr,
            $(#[doc = $misses_doc:expr])* known_misses: $misses:expr,
            $(#[doc = $untouched_doc:expr])* untouched: $untouched:expr $(,)?
        ) => {
            /// Folds as the index does, then stems.
            fn fold_and_stem(word: &str) -> String {
                $stem(&$crate::normalize::fold_for_search_string(word)).into_owned()
            }

            $(#[doc = $meet_doc])*
            #[test]
            fn forms_that_must_meet() {
                let rows: &[(&str, &[&str])] = &$meet;
                for (expected, forms) in rows {
                    for form in *forms {
                        assert_eq!(fold_and_stem(form), *expected, "{form}");
                    }
                }
            }

            $(#[doc = $apart_doc])*
            #[test]
            fn words_that_must_not_meet() {
                let pairs: &[(&str, &str)] = &$apart;
                for (one, other) in pairs {
                    assert_ne!(fold_and_stem(one), fold_and_stem(other), "{one} / {other}");
                }
            }

            $(#[doc = $misses_doc])*
            #[test]
            fn known_misses() {
                let pairs: &[(&str, &str)] = &$misses;
                for (one, other) in pairs {
                    assert_ne!(fold_and_stem(one), fold_and_stem(other), "{one} / {other}");
                }
            }

            $(#[doc = $untouched_doc])*
            #[test]
            fn short_words_are_untouched() {
                let words: &[&str] = &$untouched;
                for word in words {
                    let folded = $crate::normalize::fold_for_search_string(word);
                    assert_eq!($stem(&folded), folded.as_str(), "{word}");
                }
            }
        };
    }
    use crate::normalize::test_support::{read_jsonl_records, search_words, shared_data_file};
    use std::collections::{BTreeMap, BTreeSet};
    pub(crate) use stemmer_tables;

    #[test]
    fn syllabic_r_counts_as_a_vowel() {
        let rows = [
            ("zrtv", true),
            ("trg", true),
            ("prst", true),
            ("str", true),
            ("sud", true),
            ("zn", false),
            ("lj", false),
            ("znk", false),
        ];
        for (stem, expected) in rows {
            assert_eq!(has_vowel_or_syllabic_r(stem), expected, "{stem}");
        }
    }

    type Stemmer = fn(&str) -> Cow<'_, str>;

    /// On every word of the real sentences of each language: short words and words with
    /// digits are untouched, stems keep three letters (a Turkish verb root two), and the
    /// number of distinct stems is printed next to the number of distinct words.
    #[test]
    fn real_sentences_stem_sanely() {
        let Some(path) = shared_data_file("ud_sentences_balkan_tr_mt.jsonl") else {
            eprintln!("skipped: shared/data/ud_sentences_balkan_tr_mt.jsonl not found");
            return;
        };
        let records = read_jsonl_records(&path, ["lang", "script", "text"]);
        let languages: [(&str, &str, Stemmer); 6] = [
            ("sr", "Latn", serbo_croatian),
            ("sr", "Cyrl", serbo_croatian),
            ("hr", "Latn", serbo_croatian),
            ("mk", "Cyrl", macedonian),
            ("sq", "Latn", albanian),
            ("tr", "Latn", turkish),
        ];
        for (lang, script, stem) in languages {
            let mut stems_of_words: BTreeMap<String, String> = BTreeMap::new();
            for [_, _, text] in records.iter().filter(|r| r[0] == lang && r[1] == script) {
                for word in search_words(text) {
                    let stemmed = stem(&word).into_owned();
                    if !is_stemmable(&word) {
                        assert_eq!(stemmed, word, "{lang}: {word} must stay as it is");
                    } else {
                        // A Turkish verb root may be two letters (`al-dı`: turkish.rs).
                        let shortest = if lang == "tr" { 2 } else { MIN_STEM };
                        assert!(stemmed.len() >= shortest, "{lang}: {word} → {stemmed}");
                        assert!(stemmed.len() <= word.len(), "{lang}: {word} → {stemmed}");
                        assert!(stemmed.bytes().all(|b| b.is_ascii_lowercase()), "{word}");
                    }
                    stems_of_words.insert(word, stemmed);
                }
            }
            let stems: BTreeSet<_> = stems_of_words.values().collect();
            eprintln!(
                "{lang}-{script}: {} distinct words → {} distinct stems",
                stems_of_words.len(),
                stems.len()
            );
            assert!(
                stems_of_words.len() > 500,
                "{lang}-{script}: too few words read"
            );
        }
    }

    /// Serbian in Cyrillic and in Latin stems to the same stems, sentence by sentence.
    #[test]
    fn real_serbian_pairs_stem_the_same_in_both_scripts() {
        let Some(path) = shared_data_file("sr_latin_cyrillic_pairs_ud_set.jsonl") else {
            eprintln!("skipped: shared/data/sr_latin_cyrillic_pairs_ud_set.jsonl not found");
            return;
        };
        let clean = crate::normalize::clean_text;
        let stems = |text: &str| -> Vec<String> {
            search_words(&clean(text))
                .iter()
                .map(|word| serbo_croatian(word).into_owned())
                .collect()
        };
        let pairs = read_jsonl_records(&path, ["latin", "cyrillic"]);
        let agree = pairs
            .iter()
            .filter(|[latin, cyrillic]| stems(latin) == stems(cyrillic))
            .count();
        eprintln!("{agree} of {} pairs stem identically", pairs.len());
        assert!(agree * 100 >= pairs.len() * 99);
    }
}
