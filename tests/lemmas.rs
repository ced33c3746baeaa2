//! Forms of one lemma meet, and near-misses do not, on real sentences (issue 21): the Universal
//! Dependencies development splits of `../shared/data/ud_dev` (Serbian SET, Turkish BOUN; CC
//! BY-SA 4.0, read here, never copied), each sentence a document with its language declared, as
//! the inflection bench (`benches/inflection.rs`) indexes them. A row types one form and names
//! forms of the same lemma whose sentences must all come back, and words of other lemmas that
//! look alike whose sentences must not, graded by the treebank's own lemma annotation.
//!
//! The bench measures recall and precision over hundreds of sampled lemmas; these rows pin the
//! verb forms the stemmers learned in the eighth session, so that a change that loses one says
//! which.
//!
//! Run: `cargo test --test tests lemmas`.

use crate::common::treebank::{self, Sentence};

use std::collections::BTreeSet;

use thb_engine::index::IndexHandle;
use thb_engine::limits::MAX_PER_PAGE;
use thb_engine::search::{search, SearchRequest};
use thb_text::transliterate::serbian_latin_to_cyrillic;

/// One row: typed, the lemma, forms of it that must be found, forms of other lemmas that must
/// not be.
struct Row {
    typed: &'static str,
    lemma: &'static str,
    found: &'static [&'static str],
    not_found: &'static [&'static str],
}

/// The sentences of the treebank `name`, `None` when it is absent.
fn sentences(name: &str) -> Option<Vec<Sentence>> {
    let sentences = treebank::read(&treebank::path(name))?;
    assert!(sentences.len() > 500, "{name}: too few sentences read");
    Some(sentences)
}

/// Whether a token of `sentence` is `form` (as lower-cased) of `lemma` (`None`: any lemma).
fn holds(sentence: &Sentence, form: Option<&str>, lemma: impl Fn(&str) -> bool) -> bool {
    sentence
        .tokens
        .iter()
        .any(|t| form.is_none_or(|f| t.form.to_lowercase() == f) && lemma(&t.lemma))
}

/// The sentence numbers every page of `query`'s hits holds.
fn found(handle: &IndexHandle, query: &str) -> BTreeSet<usize> {
    let mut ids = BTreeSet::new();
    for page in 1.. {
        let request = SearchRequest {
            query: query.to_string(),
            per_page: MAX_PER_PAGE,
            page,
            ..SearchRequest::default()
        };
        let response = search(handle, &request).unwrap_or_else(|e| panic!("{query}: {e}"));
        let last = response.hits.len() < MAX_PER_PAGE;
        ids.extend(
            response
                .hits
                .iter()
                .map(|hit| hit.id["ud:".len()..].parse::<usize>().expect("ud:N")),
        );
        if last {
            break;
        }
    }
    ids
}

/// Checks each row typed as written and, when `cyrillic`, typed in Cyrillic too.
fn check(sentences: &[Sentence], handle: &IndexHandle, rows: &[Row], cyrillic: bool) {
    for row in rows {
        let typings: Vec<String> = if cyrillic {
            vec![row.typed.to_string(), serbian_latin_to_cyrillic(row.typed)]
        } else {
            vec![row.typed.to_string()]
        };
        for typed in typings {
            let hits = found(handle, &typed);
            for form in row.found {
                let holding: Vec<usize> = (0..sentences.len())
                    .filter(|&i| holds(&sentences[i], Some(form), |l| l == row.lemma))
                    .collect();
                assert!(
                    !holding.is_empty(),
                    "{form} ({}) is in no sentence",
                    row.lemma
                );
                for i in holding {
                    assert!(
                        hits.contains(&i),
                        "{typed} must find {form} ({}): {}",
                        row.lemma,
                        sentences[i].text
                    );
                }
            }
            for near in row.not_found {
                let holding: Vec<usize> = (0..sentences.len())
                    .filter(|&i| {
                        holds(&sentences[i], Some(near), |l| l != row.lemma)
                            && !holds(&sentences[i], None, |l| l == row.lemma)
                    })
                    .collect();
                assert!(
                    !holding.is_empty(),
                    "{near} is in no sentence without {}",
                    row.lemma
                );
                for i in holding {
                    assert!(
                        !hits.contains(&i),
                        "{typed} must not find {near}: {}",
                        sentences[i].text
                    );
                }
            }
        }
    }
}

/// Turkish verbs: a root of two letters (`al`, `et`, `ol`) once a suffix only verbs take goes,
/// one of three before a vowel (`bil-iyor`), the negative and the aorist inside the verb. Near
/// misses: `alan` (area) is not `al-`, `bilgi` (information) not `bil-`, `kadın` (woman) not
/// the past tense `-dın` of a root `ka`, `dönem` (period, `döneminde`) not `dön-`.
#[test]
fn turkish_verb_forms_meet_and_their_look_alikes_do_not() {
    let Some(sentences) = sentences("tr_boun-ud-dev.conllu") else {
        return;
    };
    let (handle, _dir) = treebank::index(sentences.iter().map(|s| s.text.as_str()), "tr", "TR");
    let rows = [
        Row {
            typed: "almaktan",
            lemma: "al",
            found: &["aldı", "alacak", "alıyor", "almış"],
            not_found: &["alanda"],
        },
        Row {
            typed: "bilirdi",
            lemma: "bil",
            found: &["biliyorum", "bildik", "bilmiyoruz"],
            not_found: &["bilgi"],
        },
        Row {
            typed: "ediyor",
            lemma: "et",
            found: &["etti", "edecek", "edildi", "etmek"],
            not_found: &[],
        },
        Row {
            typed: "oldu",
            lemma: "ol",
            found: &["olabilir", "olacak"],
            not_found: &[],
        },
        Row {
            typed: "döndü",
            lemma: "dön",
            found: &["dönecek", "dönmüş"],
            not_found: &["döneminde"],
        },
        Row {
            typed: "kadınlar",
            lemma: "kadın",
            found: &["kadın"],
            not_found: &[],
        },
    ];
    check(&sentences, &handle, &rows, false);
}

/// Serbian past participles after `k` and `g`: `-ao` is the `l` of `rekla`, `mogla`, typed in
/// Latin or in Cyrillic. Near miss: `reka` (river) is not `rekao`.
#[test]
fn serbian_participles_meet_across_genders_and_scripts() {
    let Some(sentences) = sentences("sr_set-ud-dev.conllu") else {
        return;
    };
    let (handle, _dir) =
        treebank::index(sentences.iter().map(|s| s.text.as_str()), "sr-Latn", "RS");
    let rows = [
        Row {
            typed: "rekla",
            lemma: "reći",
            found: &["rekao", "rekli"],
            not_found: &["reka", "reke"],
        },
        Row {
            typed: "mogao",
            lemma: "moći",
            found: &["mogla", "mogli"],
            not_found: &[],
        },
    ];
    check(&sentences, &handle, &rows, true);
}
