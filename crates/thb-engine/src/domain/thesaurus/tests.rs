//! The shipped thesaurus checked row by row, and what names a concept on real inflected
//! phrases in each language, near misses included.

use super::*;

fn named(phrase: &str) -> Option<&'static str> {
    shipped().naming(phrase).map(|(c, _)| c.id.as_str())
}

#[test]
fn the_shipped_thesaurus_reads_and_covers_every_theme() {
    let thesaurus = shipped();
    assert!(
        thesaurus.concepts().len() >= 60,
        "{}",
        thesaurus.concepts().len()
    );
    // A leaf theme has a concept of its own; a parent has one at or beneath it.
    for path in taxonomy::all() {
        let covered = thesaurus.concepts().iter().any(|c| {
            c.themes
                .iter()
                .any(|t| t == path || t.starts_with(&format!("{path}/")))
        });
        assert!(covered, "no concept for theme {path}");
    }
}

#[test]
fn every_concept_has_the_main_languages_and_a_cyrillic_form_of_its_serbian() {
    // Every language the data writes: the Cyrillic Serbian is derived, checked below.
    let written: Vec<Language> = Language::ALL
        .into_iter()
        .filter(|l| *l != Language::SerbianCyrillic)
        .collect();
    let mut missing: Vec<(String, &str)> = Vec::new();
    for concept in shipped().concepts() {
        for &language in &written {
            if concept.terms_in(language).next().is_none() {
                missing.push((concept.id.clone(), language.tag()));
            }
        }
        for (latin, cyrillic) in concept
            .terms_in(Language::SerbianLatin)
            .zip(concept.terms_in(Language::SerbianCyrillic))
        {
            assert_eq!(latin.folded, cyrillic.folded, "{}", cyrillic.term);
            assert!(cyrillic
                .term
                .chars()
                .any(|c| ('\u{400}'..='\u{4ff}').contains(&c)));
        }
        assert!(
            concept.terms_in(Language::SerbianLatin).count() > 0,
            "{}",
            concept.id
        );
        assert!(concept.terms_in(Language::French).count() > 0 || concept.id == "plea-agreement");
    }
    // Left out only where no standard term is known: Maltese most, the others seldom.
    let gaps = |tag: &str| missing.iter().filter(|(_, t)| *t == tag).count();
    for tag in ["en", "fr", "sr-Latn", "mk", "sq", "bs", "cnr"] {
        assert!(gaps(tag) <= 6, "{tag}: {missing:?}");
    }
    assert!(missing.len() <= 90, "{}: {missing:?}", missing.len());
}

#[test]
fn every_term_names_its_own_concept_and_no_other() {
    for concept in shipped().concepts() {
        for term in &concept.terms {
            assert_eq!(
                named(&term.term),
                Some(concept.id.as_str()),
                "{} `{}`",
                term.language.tag(),
                term.term
            );
        }
    }
}

#[test]
fn inflected_forms_in_any_script_name_the_concept() {
    for (phrase, concept) in [
        ("forced labour", "forced-labour"),
        ("Forced Labour", "forced-labour"),
        ("travail forcé", "forced-labour"),
        ("prinudnog rada", "forced-labour"),
        ("принудног рада", "forced-labour"),
        ("prisilnim radom", "forced-labour"),
        ("ZORLA ÇALIŞTIRMA", "forced-labour"),
        ("zorla çalıştırmanın", "forced-labour"),
        ("xogħol furzat", "forced-labour"),
        ("присилна работа", "forced-labour"),
        ("trgovine ljudima", "trafficking-in-human-beings"),
        ("трговина људима", "trafficking-in-human-beings"),
        ("trgovanja ljudima", "trafficking-in-human-beings"),
        ("трговијата со луѓе", "trafficking-in-human-beings"),
        ("insan ticaretinin", "trafficking-in-human-beings"),
        ("traite des êtres humains", "trafficking-in-human-beings"),
        ("radne eksploatacije", "labour-exploitation"),
        ("радну експлоатацију", "labour-exploitation"),
        ("трудовата експлоатација", "labour-exploitation"),
        ("dužničkog ropstva", "debt-bondage"),
        ("должничко ропство", "debt-bondage"),
        ("victims of trafficking", "victim-of-trafficking"),
        ("žrtve trgovine ljudima", "victim-of-trafficking"),
        ("non-punishment", "non-punishment"),
        ("nekažnjavanja", "non-punishment"),
        ("residence permits", "residence-permit"),
        (
            "periudha e rimëkëmbjes dhe e reflektimit",
            "recovery-and-reflection-period",
        ),
        ("prinudnog braka", "forced-marriage"),
    ] {
        assert_eq!(named(phrase), Some(concept), "{phrase}");
    }
}

#[test]
fn near_misses_name_nothing_or_the_other_concept() {
    for phrase in [
        "forced",
        "labour",
        "labour forced",
        "prinudni",
        "rad",
        "trgovina",
        // A trafficker is not trafficking: derivation is not inflection.
        "trgovac ljudima",
        "zorla",
        "ticaret",
        "forced labour camp",
        "",
    ] {
        assert_eq!(named(phrase), None, "{phrase}");
    }
    assert_eq!(named("forced marriage"), Some("forced-marriage"));
    assert_eq!(named("forced begging"), Some("forced-begging"));
    assert_eq!(named("begging"), Some("begging"));
}

#[test]
fn a_query_names_its_longest_runs_left_to_right() {
    let words = ["victims", "of", "forced", "labour", "in", "greece"];
    let found = shipped().named_in(&words);
    let ids: Vec<(&str, std::ops::Range<usize>)> = found
        .iter()
        .map(|n| (n.concept.id.as_str(), n.words.clone()))
        .collect();
    assert_eq!(ids, [("forced-labour", 2..4)]);
    let words = ["sexual", "exploitation", "and", "debt", "bondage"];
    let ids: Vec<&str> = shipped()
        .named_in(&words)
        .iter()
        .map(|n| n.concept.id.as_str())
        .collect();
    assert_eq!(ids, ["sexual-exploitation", "debt-bondage"]);
    let words = ["labour", "exploitation"];
    let found = shipped().named_in(&words);
    assert_eq!(found.len(), 1, "not `exploitation` alone");
    assert_eq!(found[0].concept.id, "labour-exploitation");
    assert_eq!(found[0].term.language, Language::English);
}

#[test]
fn related_concepts_are_related_both_ways() {
    let thesaurus = shipped();
    let forced = thesaurus.concept("forced-labour").unwrap();
    let labour = thesaurus.concept("labour-exploitation").unwrap();
    assert_eq!(thesaurus.related(forced), [labour]);
    assert_eq!(thesaurus.related(labour), [forced]);
    assert!(thesaurus
        .related(thesaurus.concept("slavery").unwrap())
        .is_empty());
}

#[test]
fn themes_are_inferred_from_the_title_or_two_mentions_in_the_text() {
    let thesaurus = shipped();
    let text =
        "Optuženi su oštećene držali u dužničkom ropstvu. Dužničko ropstvo je trajalo godinama.";
    assert_eq!(
        thesaurus.infer_themes("Presuda", text, Some("sr-Latn")),
        ["means/debt-bondage"]
    );
    let once = "Optuženi su oštećene držali u dužničkom ropstvu.";
    assert!(thesaurus
        .infer_themes("Presuda", once, Some("sr-Latn"))
        .is_empty());
    assert_eq!(
        thesaurus.infer_themes("Zorla çalıştırma davası", "", Some("tr")),
        ["exploitation/labour"]
    );
    // Trafficking named over and over gives no top-level theme.
    let trafficking = "trafficking in human beings, trafficking in human beings";
    assert!(thesaurus
        .infer_themes("", trafficking, Some("en"))
        .is_empty());
    // In taxonomy order, each theme once.
    let both = "forced labour and forced labour; debt bondage, debt bondage";
    assert_eq!(
        thesaurus.infer_themes("", both, None),
        ["exploitation/labour", "means/debt-bondage"]
    );
}

/// What the index's `stem` field holds of a text beside its stems (`analysis::PhraseTerms`):
/// each term of several words named, in any inflection and either script, as one term, each
/// time it is named; the words apart, or in another order, are not the term.
#[test]
fn a_text_names_each_term_of_several_words_as_one_stem_field_term() {
    use crate::analysis::{stem_value, StemRouter};
    use tantivy::tokenizer::{TokenStream, Tokenizer};
    let mut router = StemRouter::with_phrases(shipped_phrase_terms());
    let mut phrases = |language: StemLanguage, text: &str| -> Vec<String> {
        let value = stem_value(language, text);
        let mut stream = router.token_stream(&value);
        let mut found = Vec::new();
        while stream.advance() {
            let term = &stream.token().text;
            if term.contains(' ') {
                found.push(term.clone());
            }
        }
        found
    };
    // The stem field's term of forced labour's first term in `language`.
    let forced_labour_in = |language: Language| {
        let concept = shipped().concept("forced-labour").unwrap();
        concept.terms_in(language).next().unwrap().stem_term()
    };
    let forced_labour = forced_labour_in(Language::SerbianLatin).unwrap();
    assert_eq!(forced_labour, "sh:prinudn rad");
    let sh = StemLanguage::SerboCroatian;
    for text in [
        "Oštećeni su bili žrtve prinudnog rada na gradilištu.",
        "Оштећени су били жртве принудног рада на градилишту.",
    ] {
        assert_eq!(
            phrases(sh, text),
            std::slice::from_ref(&forced_labour),
            "{text}"
        );
    }
    assert_eq!(
        phrases(sh, "prinudni rad, pa opet prinudnom radu"),
        [forced_labour.clone(), forced_labour.clone()]
    );
    // The words apart, or in the other order, are not the term (`prinudni brak` is another
    // concept's: forced marriage).
    assert_eq!(
        phrases(sh, "Prinudni brak je utvrđen. Rad centra je trajao."),
        ["sh:prinudn brk"]
    );
    assert!(phrases(sh, "rad prinudni").is_empty());
    // By the rules of the document's language only.
    assert!(phrases(StemLanguage::English, "He spoke of prinudni rad.").is_empty());
    assert_eq!(
        phrases(StemLanguage::English, "victims of forced labour"),
        ["en:forc labour"]
    );
    // A Turkish term with its case ending.
    let zorla = forced_labour_in(Language::Turkish).unwrap();
    assert_eq!(
        phrases(
            StemLanguage::Turkish,
            "Sanıklar mağdurları zorla çalıştırmanın yanı sıra"
        ),
        [zorla]
    );
    // Maltese has no stemmer: its terms are looked for in the folded text.
    assert_eq!(forced_labour_in(Language::Maltese), None);
}

#[test]
fn a_faulty_file_is_refused_naming_the_concept() {
    let concept = |id: &str, themes: &str, en: &str| {
        format!("[[concept]]\nid = \"{id}\"\nthemes = [{themes}]\nen = [{en}]\n")
    };
    let cases = [
        (
            concept("a", "\"exploitation/labor\"", "\"forced labour\""),
            "`exploitation/labor` is not a theme",
        ),
        (
            concept("a", "\"exploitation\"", "\"forced labour\"")
                + &concept("b", "\"exploitation\"", "\"Forced Labours\""),
            "also names `a`",
        ),
        (concept("a", "", "\"x\""), "no themes"),
        (concept("a", "\"exploitation\"", ""), "no English term"),
        (concept("A b", "\"exploitation\"", "\"x\""), "an id is"),
        (
            concept("a", "\"exploitation\"", "\"x\"") + "related = [\"b\"]\n",
            "related concept `b` does not exist",
        ),
        (concept("a", "\"exploitation\"", "\"--\""), "has no words"),
        (
            "[[concept]]\nid = 1\n".to_string(),
            "corpus/thesaurus.toml: ",
        ),
    ];
    for (file, expected) in cases {
        let error = Thesaurus::parse(&file).unwrap_err().to_string();
        assert!(error.contains(expected), "{error}\n{file}");
    }
}

/// The English terms of the concepts that name an article of the Convention, checked against
/// the Convention's official English text (`../shared/data/treaties_en.jsonl`).
#[test]
fn convention_terms_are_the_conventions_words() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/treaties_en.jsonl"
    );
    let Ok(file) = std::fs::read_to_string(path) else {
        println!("skipped: {path} is absent (the shared data is not in this checkout)");
        return;
    };
    let mut articles: HashMap<String, Vec<String>> = HashMap::new();
    for line in file.lines() {
        let row: serde_json::Value = serde_json::from_str(line).unwrap();
        if row["instrument"] == "CETS197" {
            let text = row["text"].as_str().unwrap_or_default();
            let article = row["article"].as_str().unwrap_or_default().to_string();
            articles.insert(
                article,
                Analyzer::Stemmed(StemLanguage::English).terms(text),
            );
        }
    }
    let mut checked = 0;
    for concept in shipped().concepts() {
        let Some(article) = concept.convention else {
            continue;
        };
        let words = &articles[&article.to_string()];
        let used = concept.terms_in(Language::English).any(|term| {
            words
                .windows(term.analysed.len())
                .any(|w| w == term.analysed.as_slice())
        });
        assert!(used, "{}: no English term in Article {article}", concept.id);
        checked += 1;
    }
    assert!(checked >= 20, "{checked}");
}

/// What [`Thesaurus::mention_counts`] must return, however it walks the text: every term of
/// each analyser's tokenizer collected, and every run of them compared with every term.
fn mention_counts_by_collecting(
    thesaurus: &Thesaurus,
    title: &str,
    text: &str,
    language: Option<&str>,
) -> Vec<usize> {
    let own = language
        .and_then(StemLanguage::for_tag)
        .map(Analyzer::Stemmed);
    let mut counts = vec![0; thesaurus.concepts.len()];
    for &analyzer in &thesaurus.analyzers {
        if own.is_some() && Some(analyzer) != own && analyzer != Analyzer::Folded {
            continue;
        }
        let mut by_first: HashMap<&str, Vec<(&[String], usize)>> = HashMap::new();
        for ((a, term), &concept) in &thesaurus.named {
            if *a == analyzer {
                by_first.entry(&term[0]).or_default().push((term, concept));
            }
        }
        for (words, weight) in [(analyzer.terms(title), 2), (analyzer.terms(text), 1)] {
            for at in 0..words.len() {
                for (term, concept) in by_first.get(words[at].as_str()).into_iter().flatten() {
                    if words[at..].starts_with(term) {
                        counts[*concept] += weight;
                    }
                }
            }
        }
    }
    counts
}

/// The one-walk count (which stems only words that can be a term's) against the collecting
/// one, on every text of `corpus/` and the real judgments and treebank sentences of
/// `../shared/data`, each in its own language, in every stemmer's and with none.
#[test]
fn mentions_are_counted_as_collecting_every_term_would() {
    let thesaurus = shipped();
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let read = |path: &str, title: &str, text: &str, language: &str| {
        let Ok(file) = std::fs::read_to_string(format!("{root}/{path}")) else {
            println!("skipped: {path} is absent (the shared data is not in this checkout)");
            return Vec::new();
        };
        let mut texts = Vec::new();
        for line in file.lines().filter(|l| !l.trim().is_empty()) {
            let row: serde_json::Value = serde_json::from_str(line).unwrap();
            let field = |name: &str| row[name].as_str().unwrap_or_default().to_string();
            let language = row[language].as_str().map(String::from);
            texts.push((field(title), field(text), language));
        }
        texts
    };
    let mut texts: Vec<(String, String, Option<String>)> = Vec::new();
    for file in [
        "ecthr",
        "greta-samples",
        "legislation",
        "national-balkans",
        "national-tr-mt",
    ] {
        texts.extend(read(
            &format!("corpus/{file}.jsonl"),
            "title",
            "text",
            "language",
        ));
    }
    let corpus = texts.len();
    assert!(corpus > 200, "{corpus} documents in corpus/");
    // The first 20 KB of each judgment: facts, law and the operative part's start, in the
    // time a debug build has.
    texts.extend(
        read(
            "../shared/data/ecthr_trafficking_judgments.jsonl",
            "title",
            "text",
            "language",
        )
        .into_iter()
        .map(|(title, text, language)| {
            let end = (0..=text.len().min(20_000))
                .rev()
                .find(|&at| text.is_char_boundary(at))
                .unwrap_or(0);
            (title, text[..end].to_string(), language)
        }),
    );
    texts.extend(read(
        "../shared/data/ud_sentences_balkan_tr_mt.jsonl",
        "id",
        "text",
        "lang",
    ));
    let mut tags: Vec<Option<&str>> = vec![None, Some("mt")];
    tags.extend(["en", "fr", "de", "it", "tr", "ru", "sr-Latn", "mk", "sq"].map(Some));
    let mut named = 0;
    for (i, (title, text, language)) in texts.iter().enumerate() {
        // Every text in its own language; a sample of the corpus's in every language's rules.
        let languages: Vec<Option<&str>> = if i < corpus && i % 5 == 0 {
            tags.clone()
        } else {
            vec![language.as_deref()]
        };
        for language in languages {
            let counts = thesaurus.mention_counts(title, text, language);
            assert_eq!(
                counts,
                mention_counts_by_collecting(thesaurus, title, text, language),
                "{title:?} in {language:?}"
            );
            named += counts.iter().sum::<usize>();
        }
    }
    assert!(
        named > 1000,
        "only {named} mentions: the texts were not read"
    );
}
