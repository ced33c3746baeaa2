//! Language and script detection for documents that do not declare their language.
//!
//! The lingua detector is built once ([`LazyLock`]) over only the languages we serve, and reads a
//! bounded sample of each text: detection time grows with text length and a few kilobytes decide
//! as well as the whole judgment.
//!
//! Two facts about lingua shape the rules here (measured, see `STYLE.md`):
//! - Serbian, Bosnian, Croatian and Montenegrin are near-identical; lingua labels clearly Serbian
//!   Latin text Bosnian or Croatian. We therefore sum their confidences as one family, and the
//!   script decides between `sr-Cyrl` and the Latin tags; among those, ekavian forms mark
//!   Serbian ([`yat`]), and the model picks otherwise. Analysis treats the family as one group,
//!   so a wrong member costs nothing at search time, only the language facet.
//! - lingua's n-gram models cost about 1.5 ms for 1.5 KB of text, four times all the rest of
//!   ingest. Most texts settle their language in a few letters no other language we serve
//!   writes ([`markers`]), so the model only runs on texts those letters leave open, and then
//!   on a shorter sample ([`MODEL_SAMPLE_BYTES`]).
//! - lingua has no Maltese model. Maltese is recognised by its own letters (ħ, ġ, ċ, ż); any
//!   other text that no model claims with enough confidence is `und`, never a confident guess.

pub mod markers;
pub mod yat;

use std::sync::LazyLock;

use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};

use markers::Family;

use crate::normalize::prefix_within;

/// Bytes of text detection reads: the letter rules and the script count read all of it.
pub const SAMPLE_BYTES: usize = 1500;

/// Bytes of the sample the n-gram model reads: its cost grows with the length, and about a
/// hundred words decide as well as three hundred (see the agreement test).
pub const MODEL_SAMPLE_BYTES: usize = 800;

/// Bytes the model reads to pick a member of the Serbo-Croatian family once the letters have
/// settled the family. The pick is a guess either way (the agreement test shows how often it
/// matches a declaration), and it only labels the document: the analyser is the family's.
const MEMBER_SAMPLE_BYTES: usize = 300;

/// Below this summed confidence of the best family, the text is `und`.
const MIN_CONFIDENCE: f64 = 0.5;

/// The languages the detector may answer, beyond which it never guesses.
pub const LANGUAGES: [Language; 11] = [
    Language::English,
    Language::French,
    Language::German,
    Language::Italian,
    Language::Serbian,
    Language::Bosnian,
    Language::Croatian,
    Language::Macedonian,
    Language::Albanian,
    Language::Turkish,
    Language::Russian,
];

static DETECTOR: LazyLock<LanguageDetector> =
    LazyLock::new(|| LanguageDetectorBuilder::from_languages(&LANGUAGES).build());

/// Picks the member of the Serbo-Croatian family once the letters have settled the family.
static FAMILY_DETECTOR: LazyLock<LanguageDetector> = LazyLock::new(|| {
    LanguageDetectorBuilder::from_languages(&[
        Language::Serbian,
        Language::Bosnian,
        Language::Croatian,
    ])
    .build()
});

/// Builds the detectors now (they load their models lazily otherwise, on the first document).
pub fn warm_up() {
    LazyLock::force(&DETECTOR);
    LazyLock::force(&FAMILY_DETECTOR);
}

/// The writing system most of a text's letters belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Latin,
    Cyrillic,
    Other,
}

/// Counts letters by script over the sample; the majority wins.
pub fn detect_script(text: &str) -> Script {
    let (mut latin, mut cyrillic, mut other) = (0usize, 0usize, 0usize);
    for c in prefix_within(text, SAMPLE_BYTES)
        .chars()
        .filter(|c| c.is_alphabetic())
    {
        match c {
            'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' => latin += 1,
            '\u{0400}'..='\u{052F}' => cyrillic += 1,
            _ => other += 1,
        }
    }
    if latin == 0 && cyrillic == 0 && other == 0 {
        Script::Other
    } else if cyrillic > latin && cyrillic >= other {
        Script::Cyrillic
    } else if latin >= other {
        Script::Latin
    } else {
        Script::Other
    }
}

/// A detection result: a BCP 47 tag (`und` when undetermined) and the confidence behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct Detection {
    pub tag: String,
    pub confidence: f64,
}

/// Detects the language of a text, returning a BCP 47 tag with script where it matters
/// (`sr-Cyrl`, `sr-Latn`), or `und`.
pub fn detect(text: &str) -> Detection {
    let sample = prefix_within(text, SAMPLE_BYTES);
    let script = detect_script(sample);
    if looks_maltese(sample) {
        return Detection {
            tag: "mt".into(),
            confidence: 1.0,
        };
    }
    let model_sample = prefix_within(sample, MODEL_SAMPLE_BYTES);
    let by_letters = |tag: &str| Detection {
        tag: tag.into(),
        confidence: 1.0,
    };
    match markers::decide(sample) {
        Some(Family::SerbianCyrillic) => return by_letters("sr-Cyrl"),
        Some(Family::Macedonian) => return by_letters("mk"),
        Some(Family::Russian) => return by_letters("ru"),
        Some(Family::Turkish) => return by_letters("tr"),
        Some(Family::Albanian) => return by_letters("sq"),
        Some(Family::French) => return by_letters("fr"),
        Some(Family::English) => return by_letters("en"),
        Some(Family::SerboCroatianLatin) => {
            let member = if yat::is_ekavian(sample) {
                Language::Serbian
            } else {
                FAMILY_DETECTOR
                    .detect_language_of(prefix_within(sample, MEMBER_SAMPLE_BYTES))
                    .unwrap_or(Language::Croatian)
            };
            return by_letters(&tag_for(member, Script::Latin));
        }
        None => {}
    }
    let values = DETECTOR.compute_language_confidence_values(model_sample);
    let mut family_total = 0.0;
    let mut family_best: Option<(Language, f64)> = None;
    let mut best: Option<(Language, f64)> = None;
    for (language, confidence) in values {
        if is_serbo_croatian(language) {
            family_total += confidence;
            if family_best.is_none_or(|(_, c)| confidence > c) {
                family_best = Some((language, confidence));
            }
        } else if best.is_none_or(|(_, c)| confidence > c) {
            best = Some((language, confidence));
        }
    }
    let (language, confidence) = match (best, family_best) {
        (Some((l, c)), _) if c >= family_total => (l, c),
        (_, Some((l, _))) => (l, family_total),
        (Some((l, c)), None) => (l, c),
        (None, None) => return und(),
    };
    if confidence < MIN_CONFIDENCE {
        return und();
    }
    let language = match script {
        Script::Latin if is_serbo_croatian(language) && yat::is_ekavian(sample) => {
            Language::Serbian
        }
        _ => language,
    };
    Detection {
        tag: tag_for(language, script),
        confidence,
    }
}

fn und() -> Detection {
    Detection {
        tag: "und".into(),
        confidence: 0.0,
    }
}

fn is_serbo_croatian(language: Language) -> bool {
    matches!(
        language,
        Language::Serbian | Language::Bosnian | Language::Croatian
    )
}

fn tag_for(language: Language, script: Script) -> String {
    match (language, script) {
        // Cyrillic South Slavic text that is not Macedonian is Serbian in practice (Bosnian
        // and Montenegrin Cyrillic exist but documents declare them).
        (Language::Serbian | Language::Bosnian | Language::Croatian, Script::Cyrillic) => {
            "sr-Cyrl".into()
        }
        (Language::Serbian, _) => "sr-Latn".into(),
        (other, _) => other.iso_code_639_1().to_string(),
    }
}

/// Maltese is the only language we serve that writes ħ; ġ, ċ and ż together are also
/// characteristic (Polish has ż but not ġ or ċ).
fn looks_maltese(sample: &str) -> bool {
    let (mut h_bar, mut others) = (0usize, 0usize);
    for c in sample.chars() {
        match c {
            'ħ' | 'Ħ' => h_bar += 1,
            'ġ' | 'Ġ' | 'ċ' | 'Ċ' | 'ż' | 'Ż' => others += 1,
            _ => {}
        }
    }
    h_bar >= 2 || (h_bar >= 1 && others >= 1)
}

/// The primary language subtag of a tag (`sr-Cyrl` → `sr`).
pub fn primary_subtag(tag: &str) -> &str {
    tag.split('-').next().unwrap_or(tag)
}

/// Normalises a BCP 47 language tag to its canonical case (`sr-cyrl` → `sr-Cyrl`): a 2–3
/// letter language, then an optional 4-letter script and an optional 2-letter or 3-digit region.
pub fn normalize_language_tag(tag: &str) -> Result<String, String> {
    let mut parts = tag.trim().split(['-', '_']);
    let language = parts.next().unwrap_or_default();
    if !(2..=3).contains(&language.len()) || !language.chars().all(|c| c.is_ascii_alphabetic()) {
        return Err(format!(
            "`{tag}` is not a BCP 47 language tag (e.g. `en`, `sr-Cyrl`, `sq`)"
        ));
    }
    let mut out = language.to_ascii_lowercase();
    for part in parts {
        let is_script = part.len() == 4 && part.chars().all(|c| c.is_ascii_alphabetic());
        let is_region = (part.len() == 2 && part.chars().all(|c| c.is_ascii_alphabetic()))
            || (part.len() == 3 && part.chars().all(|c| c.is_ascii_digit()));
        out.push('-');
        if is_script {
            let mut chars = part.chars();
            let first = chars.next().unwrap_or('x').to_ascii_uppercase();
            out.push(first);
            out.extend(chars.map(|c| c.to_ascii_lowercase()));
        } else if is_region {
            out.push_str(&part.to_ascii_uppercase());
        } else {
            return Err(format!(
                "`{tag}`: `{part}` is neither a script (e.g. `Cyrl`) nor a region (e.g. `RS`)"
            ));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serbian_script_decides_the_tag() {
        let cyr =
            "Виши суд у Београду огласио је окривљеног кривим за кривично дело трговина људима \
                   и осудио га на казну затвора у трајању од пет година.";
        assert_eq!(detect(cyr).tag, "sr-Cyrl");
        let lat =
            "Viši sud u Beogradu oglasio je okrivljenog krivim za krivično delo trgovina ljudima \
                   i osudio ga na kaznu zatvora u trajanju od pet godina.";
        let tag = detect(lat).tag;
        assert!(["sr-Latn", "bs", "hr"].contains(&tag.as_str()), "{tag}");
    }

    #[test]
    fn macedonian_albanian_turkish_french_english() {
        let cases = [
            ("Основниот кривичен суд Скопје ги осуди обвинетите за трговија со луѓе и ги задолжи да платат надомест на штета на жртвите.", "mk"),
            ("Gjykata Themelore në Prishtinë e shpalli fajtor të pandehurin për veprën penale trafikim me qenie njerëzore dhe e dënoi me burgim.", "sq"),
            ("İstanbul Ağır Ceza Mahkemesi sanıkları insan ticareti suçundan mahkûm etti ve mağdurlara tazminat ödenmesine karar verdi.", "tr"),
            ("La Cour considère que l'État n'a pas mis en place un cadre juridique et administratif adéquat pour lutter contre la traite des êtres humains.", "fr"),
            ("The Court considers that the State failed to put in place an appropriate legal and administrative framework to combat trafficking in human beings.", "en"),
        ];
        for (text, expected) in cases {
            assert_eq!(detect(text).tag, expected, "{text}");
        }
    }

    #[test]
    fn maltese_is_recognised_by_its_letters_and_gibberish_is_und() {
        let mt = "Il-Qorti sabet lill-akkużat ħati tat-traffikar ta' persuni għall-finijiet ta' xogħol furzat.";
        assert_eq!(detect(mt).tag, "mt");
        assert_eq!(detect("12345 67890 — §§ 4/2010").tag, "und");
    }

    #[test]
    fn the_sample_is_cut_on_a_character_boundary() {
        let text = "ж".repeat(SAMPLE_BYTES);
        assert!(prefix_within(&text, SAMPLE_BYTES).len() <= SAMPLE_BYTES);
        assert_eq!(detect_script(&text), Script::Cyrillic);
    }
}
