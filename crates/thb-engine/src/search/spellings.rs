//! The spellings a word typed without some of its diacritics stands for (issue 21): the terms
//! of an exact field that differ from the typed word only by diacritics on letters typed bare.
//! `declares` stands for the French `déclarés` as much as for the English `declares`, `zrtva`
//! for `žrtva`, `yilmaz` for `yılmaz`. A letter typed with its diacritic is kept to
//! (`déclarés` stands for itself alone), and so is the script: `trgovina` does not stand for
//! `трговина`, which the folded field finds and ranks below the Latin spelling.
//!
//! Why: the exact fields rank a word as written above its folded and stemmed forms, so a word
//! typed without diacritics preferred the spelling without them, though typing without them
//! says nothing of the spelling meant. French judgments writing `pénal` ranked below the
//! English ones writing `penal` (`benches/RESULTS.md`, "Words typed without accents").
//!
//! The spellings are found by walking the field's term dictionary with an automaton
//! ([`SpellingAutomaton`]) that follows only the branches which can still spell the word: a
//! few nodes per letter, whatever the size of the dictionary. They are scored as one word
//! ([`any_spelling`]).

use std::collections::BTreeSet;
use std::sync::OnceLock;

use tantivy::query::{BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};
use tantivy_fst::Automaton;
use thb_text::normalize::typed_without_diacritics;

use super::SearchError;
use crate::limits::MAX_SPELLINGS;

/// Accepts the terms that spell `typed` (an exact term: lower case, as written) with
/// diacritics on letters `typed` has bare. Runs on the bytes of the term dictionary, so a
/// character of several bytes is gathered before it is judged.
struct SpellingAutomaton<'a> {
    typed: &'a [u8],
}

#[derive(Clone, Copy)]
enum State {
    /// `typed[..at]` is spelled; `pending[..len]` holds the first bytes of a character not
    /// yet complete.
    At {
        at: usize,
        pending: [u8; 4],
        len: u8,
    },
    /// No continuation spells `typed`.
    Dead,
}

/// The length of the UTF-8 character `lead` begins; `None` for a byte no character begins
/// with.
fn utf8_width(lead: u8) -> Option<usize> {
    match lead {
        0x00..=0x7f => Some(1),
        0xc2..=0xdf => Some(2),
        0xe0..=0xef => Some(3),
        0xf0..=0xf4 => Some(4),
        _ => None,
    }
}

/// For each byte that begins a character of several bytes, the ASCII bytes a spelling typed
/// for such a character can begin with: bit `b` of `starts()[lead]` is set when a character
/// whose UTF-8 begins with `lead` is typed as a string beginning with byte `b`, bit 0 (a byte
/// never typed) when one is typed as nothing (a combining mark).
///
/// Why: a term dictionary of ten languages branches, at most nodes, into characters of other
/// scripts (Cyrillic, Greek) that no typed letter stands for. Judged on its first byte, such a
/// branch is left at once; gathering its bytes first made the walk descend into every one,
/// and the walk was 8 % of a two-word search (`benches/RESULTS.md`, issue 24).
fn starts() -> &'static [u128; 256] {
    static STARTS: OnceLock<[u128; 256]> = OnceLock::new();
    STARTS.get_or_init(|| {
        let mut starts = [0u128; 256];
        // Characters of four bytes (beyond the Basic Multilingual Plane, where no letter has
        // a canonical decomposition into a Latin one) are kept to the walk: asking for each of
        // them took 16 ms, on the first search of a process.
        starts[0xf0..=0xf4].fill(u128::MAX);
        for c in ('\u{80}'..='\u{ffff}').filter(|c| typed_without_diacritics(*c).is_some()) {
            let bare = typed_without_diacritics(c).unwrap_or_default();
            let mut utf8 = [0; 4];
            let lead = c.encode_utf8(&mut utf8).as_bytes()[0];
            starts[usize::from(lead)] |= match bare.as_bytes().first() {
                None => 1,
                Some(&b) if b.is_ascii() => 1 << b,
                // Never made by the fold; a branch that could spell it is kept.
                Some(_) => u128::MAX,
            };
        }
        starts
    })
}

impl SpellingAutomaton<'_> {
    /// Whether a character whose UTF-8 begins with `lead` can spell `typed[at..]`'s next
    /// letters: written as typed, or typed bare ([`starts`]).
    fn may_begin_with(&self, at: usize, lead: u8) -> bool {
        let next = self.typed.get(at).copied();
        let typed_as = starts()[usize::from(lead)];
        next == Some(lead)
            || typed_as & 1 != 0
            || next.is_some_and(|b| b.is_ascii() && typed_as & (1u128 << b) != 0)
    }

    /// The state after the whole character `written`, met at `typed[at..]`.
    fn after_character(&self, at: usize, written: &[u8]) -> State {
        let rest = &self.typed[at..];
        // Typed as written: an ASCII letter, or a letter typed with its diacritic.
        if rest.starts_with(written) {
            return State::At {
                at: at + written.len(),
                pending: [0; 4],
                len: 0,
            };
        }
        let typed_as = std::str::from_utf8(written)
            .ok()
            .and_then(|s| s.chars().next())
            .and_then(typed_without_diacritics);
        match typed_as {
            Some(bare) if rest.starts_with(bare.as_bytes()) => State::At {
                at: at + bare.len(),
                pending: [0; 4],
                len: 0,
            },
            _ => State::Dead,
        }
    }
}

impl Automaton for SpellingAutomaton<'_> {
    type State = State;

    fn start(&self) -> State {
        State::At {
            at: 0,
            pending: [0; 4],
            len: 0,
        }
    }

    fn is_match(&self, state: &State) -> bool {
        matches!(state, State::At { at, len: 0, .. } if *at == self.typed.len())
    }

    fn can_match(&self, state: &State) -> bool {
        matches!(state, State::At { .. })
    }

    fn accept(&self, state: &State, byte: u8) -> State {
        let State::At {
            at,
            mut pending,
            len,
        } = *state
        else {
            return State::Dead;
        };
        let len = usize::from(len);
        let continues = len > 0;
        if continues != (byte & 0xc0 == 0x80) {
            // A continuation byte where a character begins, or the reverse: not UTF-8.
            return State::Dead;
        }
        pending[len] = byte;
        let Some(width) = utf8_width(pending[0]) else {
            return State::Dead;
        };
        if len == 0 && width > 1 && !self.may_begin_with(at, byte) {
            return State::Dead;
        }
        if len + 1 < width {
            return State::At {
                at,
                pending,
                len: (len + 1) as u8,
            };
        }
        self.after_character(at, &pending[..width])
    }
}

/// The terms of the exact field `field` that spell `typed`, the word's exact term, otherwise
/// than as typed (see the module doc): at most [`MAX_SPELLINGS`], the first in the
/// dictionary's order. Empty when `typed` has no ASCII letter, which only could be typed
/// bare.
pub(crate) fn other_spellings(
    searcher: &Searcher,
    field: Field,
    typed: &str,
) -> Result<BTreeSet<String>, SearchError> {
    let mut found = BTreeSet::new();
    if !typed.bytes().any(|b| b.is_ascii_alphabetic()) {
        return Ok(found);
    }
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let automaton = SpellingAutomaton {
            typed: typed.as_bytes(),
        };
        let mut stream = inverted
            .terms()
            .search(automaton)
            .into_stream()
            .map_err(tantivy::TantivyError::from)?;
        while stream.advance() {
            let Ok(term) = std::str::from_utf8(stream.key()) else {
                continue;
            };
            if term != typed {
                found.insert(term.to_string());
            }
            if found.len() >= MAX_SPELLINGS {
                return Ok(found);
            }
        }
    }
    Ok(found)
}

/// The clause of the exact field `field` for a word typed as `typed` that the field also
/// holds spelled as `others` ([`other_spellings`]): a document holding any of the spellings
/// scores what the folded field scores the word (`folded`, the word's term in the field's
/// folded twin), times `boost`; one holding none does not match.
///
/// Why the folded field's score and not each spelling's own: BM25 weighs a term by its
/// rarity, and a rare spelling (`déclarés`, in two of the shared judgments) would then weigh
/// ten times a common one (`declares`, in 33): a preference for the accented spelling, where
/// none is wanted. The folded field counts every spelling as one word.
pub(crate) fn any_spelling(
    field: Field,
    typed: &str,
    others: &BTreeSet<String>,
    folded: Term,
    boost: f32,
) -> Box<dyn Query> {
    let spelled: Vec<(Occur, Box<dyn Query>)> = std::iter::once(typed)
        .chain(others.iter().map(String::as_str))
        .map(|spelling| {
            let term = Term::from_field_text(field, spelling);
            let query: Box<dyn Query> = Box::new(TermQuery::new(term, IndexRecordOption::Basic));
            (Occur::Should, query)
        })
        .collect();
    let holds_a_spelling = ConstScoreQuery::new(Box::new(BooleanQuery::new(spelled)), 0.0);
    let scored = TermQuery::new(folded, IndexRecordOption::WithFreqs);
    let both = BooleanQuery::new(vec![
        (Occur::Must, Box::new(scored) as Box<dyn Query>),
        (Occur::Must, Box::new(holds_a_spelling)),
    ]);
    Box::new(BoostQuery::new(Box::new(both), boost))
}

#[cfg(test)]
mod tests {
    use tantivy_fst::Automaton;
    use thb_text::normalize::typed_without_diacritics;

    use super::{SpellingAutomaton, State};

    fn spells(typed: &str, written: &str) -> bool {
        let automaton = SpellingAutomaton {
            typed: typed.as_bytes(),
        };
        let mut state = automaton.start();
        for &byte in written.as_bytes() {
            state = automaton.accept(&state, byte);
            if !automaton.can_match(&state) {
                return false;
            }
        }
        automaton.is_match(&state)
    }

    #[test]
    fn a_word_typed_bare_stands_for_its_spellings_with_diacritics_in_the_same_script() {
        let rows = [
            // French, German, South Slavic, Turkish, Maltese, Albanian.
            ("declares", "declares", true),
            ("declares", "déclarés", true),
            ("declares", "déclares", true),
            ("requete", "requête", true),
            ("oeuvre", "œuvre", true),
            ("strasse", "straße", true),
            ("zrtva", "žrtva", true),
            ("dordevic", "đorđević", true),
            ("yilmaz", "yılmaz", true),
            ("xoghol", "xogħol", true),
            ("eshte", "është", true),
            // A combining mark the exact form kept after a letter.
            ("zrtva", "z\u{30c}rtva", true),
            // A letter typed with its diacritic is kept to.
            ("déclarés", "déclarés", true),
            ("déclarés", "declares", false),
            ("declarés", "déclarés", true),
            ("declarés", "déclares", false),
            ("žrtva", "zrtva", false),
            // Another script is not a spelling: the folded field finds it.
            ("trgovina", "трговина", false),
            ("zrtva", "жртва", false),
            // Another word.
            ("declares", "declared", false),
            ("declares", "declare", false),
            ("declare", "declares", false),
            ("djordjevic", "đorđević", false),
            ("penal", "pénale", false),
        ];
        for (typed, written, expected) in rows {
            assert_eq!(spells(typed, written), expected, "{typed} / {written}");
        }
    }

    #[test]
    fn a_branch_is_left_on_its_first_byte_only_when_no_character_of_it_can_spell_the_word() {
        // Every character that spells a typed word's next letters passes the first-byte test.
        for c in ('\u{80}'..=char::MAX).filter(|c| typed_without_diacritics(*c).is_some()) {
            let bare = typed_without_diacritics(c).unwrap_or_default();
            let typed = format!("{bare}a");
            let automaton = SpellingAutomaton {
                typed: typed.as_bytes(),
            };
            let mut utf8 = [0; 4];
            let written = c.encode_utf8(&mut utf8).as_bytes();
            assert!(
                automaton.may_begin_with(0, written[0]),
                "{c:?} typed as {bare:?}"
            );
            assert!(!matches!(
                automaton.after_character(0, written),
                State::Dead
            ));
        }
        // Another script's branch is left at its first byte, a Latin one kept.
        let automaton = SpellingAutomaton { typed: b"zrtva" };
        assert!(!automaton.may_begin_with(0, "ж".as_bytes()[0]));
        assert!(!automaton.may_begin_with(0, "ω".as_bytes()[0]));
        assert!(automaton.may_begin_with(0, "ž".as_bytes()[0]));
        // A letter typed with its diacritic is its own branch.
        let automaton = SpellingAutomaton {
            typed: "жртва".as_bytes(),
        };
        assert!(automaton.may_begin_with(0, "ж".as_bytes()[0]));
    }

    #[test]
    fn bytes_that_are_not_utf8_end_the_walk() {
        let automaton = SpellingAutomaton { typed: b"e" };
        for bytes in [&[0xa9][..], &[0xc3, 0x41], &[0xff], &[0xc0, 0x80]] {
            let mut state = automaton.start();
            for &byte in bytes {
                state = automaton.accept(&state, byte);
            }
            assert!(!automaton.can_match(&state), "{bytes:?}");
        }
    }
}
