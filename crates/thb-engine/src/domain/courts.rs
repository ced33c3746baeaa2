//! Courts as the court facet and the court filter see them: a court, and beneath it the
//! formation that sat (the Grand Chamber of the European Court of Human Rights), plus the
//! abbreviations lawyers write.
//!
//! Documents name the court as written: "European Court of Human Rights (Grand Chamber)" is how
//! the HUDOC import and the corpus name a Grand Chamber judgment. Listed as it is written, the
//! Grand Chamber was a court of its own, and choosing the Court left out its leading cases. So
//! the facet is a two-level tree, as themes are: a trailing parenthesis that names a formation
//! makes a child of the court before it (`European Court of Human Rights/Grand Chamber`), the
//! court counts every document of its formations, and filtering by the court takes them all.
//! The name a document gives is never changed; only the facet path is derived from it.
//!
//! This module must not know about tantivy or HTTP: it maps names to facet paths and back.

use serde::{Deserialize, Serialize};

/// Which formation of the European Court of Human Rights gave a judgment or decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Formation {
    /// Seventeen judges: the Court's leading cases and referrals.
    GrandChamber,
    /// Seven judges of a Section.
    Chamber,
    /// Three judges, on well-established case-law.
    Committee,
}

impl Formation {
    /// The formation as the Court names it.
    pub fn name(self) -> &'static str {
        match self {
            Formation::GrandChamber => "Grand Chamber",
            Formation::Chamber => "Chamber",
            Formation::Committee => "Committee",
        }
    }
}

/// The European Court of Human Rights, as the corpus and the court facet name it.
pub const ECTHR: &str = "European Court of Human Rights";

/// Abbreviation (matched without regard to case) and the full name it stands for. Only
/// abbreviations that name one court and nothing else: "ECHR" is left out, it is also the
/// Convention.
const ALIASES: &[(&str, &str)] = &[
    ("ECtHR", ECTHR),
    ("CJEU", "Court of Justice of the European Union"),
];

/// Formations named as they are, as the European courts write them: the ECtHR's (Rules of
/// Court, Rule 1) and the CJEU's full court. A formation written in another case is listed in
/// this spelling, so that "(grand chamber)" and "(Grand Chamber)" are one child.
const FORMATIONS: &[&str] = &[
    "Grand Chamber",
    "Chamber",
    "Committee",
    "Full Court",
    "Plenary",
];

/// Last words of a numbered formation ("Third Chamber" of the CJEU, "First Section" of the
/// ECtHR's older judgments).
const NUMBERED_FORMATIONS: &[&str] = &["Chamber", "Section", "Committee"];

/// Longest numbered formation, in words ("Fifth Section", "Second Committee").
const MAX_FORMATION_WORDS: usize = 3;

/// The full name `word` abbreviates, if it is one of `ALIASES`.
pub fn full_name(word: &str) -> Option<&'static str> {
    let word = word.trim();
    ALIASES
        .iter()
        .find(|(abbreviation, _)| abbreviation.eq_ignore_ascii_case(word))
        .map(|(_, name)| *name)
}

/// The abbreviation of a court's full name, if lawyers have one for it (`ECtHR`).
pub fn abbreviation(name: &str) -> Option<&'static str> {
    let name = name.trim();
    ALIASES
        .iter()
        .find(|(_, full)| full.eq_ignore_ascii_case(name))
        .map(|(abbreviation, _)| *abbreviation)
}

/// The formation `text` names, in [`FORMATIONS`]' spelling when it is one of them; `None` when
/// it names none ("Malta" in "Court of Magistrates (Malta)").
fn formation(text: &str) -> Option<&str> {
    let text = text.trim();
    if let Some(known) = FORMATIONS.iter().find(|f| f.eq_ignore_ascii_case(text)) {
        return Some(known);
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let numbered = words.len() <= MAX_FORMATION_WORDS
        && words.last().is_some_and(|last| {
            NUMBERED_FORMATIONS
                .iter()
                .any(|f| f.eq_ignore_ascii_case(last))
        });
    let plain = !text.contains(['/', '(', ')']);
    (numbered && plain).then_some(text)
}

/// A court's name as written, split into the court and the formation its trailing parenthesis
/// names: `European Court of Human Rights (Grand Chamber)` → the Court and `Grand Chamber`.
/// A parenthesis that names no formation stays part of the name.
pub fn split(court: &str) -> (&str, Option<&str>) {
    let court = court.trim();
    let parts = court
        .strip_suffix(')')
        .and_then(|open| open.rsplit_once('('))
        .map(|(name, inner)| (name.trim_end(), inner));
    match parts {
        Some((name, inner)) if !name.is_empty() => match formation(inner) {
            Some(formation) => (name, Some(formation)),
            None => (court, None),
        },
        _ => (court, None),
    }
}

/// The facet path of a document's court: the court, then its formation if the name gives one or,
/// for the European Court of Human Rights, if the Court's own metadata records one
/// (`echr.formation`, which the HUDOC import fills).
pub fn facet_path(court: &str, recorded: Option<Formation>) -> Vec<&str> {
    let (name, written) = split(court);
    let formation = written.or_else(|| {
        recorded
            .filter(|_| name.eq_ignore_ascii_case(ECTHR))
            .map(Formation::name)
    });
    std::iter::once(name).chain(formation).collect()
}

/// The facet value a court filter names: the path of a name as written, joined as facet values
/// are (`European Court of Human Rights/Grand Chamber`); a facet value is its own.
pub fn facet_value(selected: &str) -> String {
    facet_path(selected, None).join("/")
}

/// A facet value split into its court and its formation (`None` for a court's own value).
pub fn split_value(value: &str) -> (&str, Option<&str>) {
    match value.rsplit_once('/') {
        Some((court, tail)) if !court.is_empty() && formation(tail) == Some(tail) => {
            (court, Some(tail))
        }
        _ => (value, None),
    }
}

/// A facet value as people write the court: `European Court of Human Rights (Grand Chamber)`.
pub fn display(value: &str) -> String {
    match split_value(value) {
        (court, Some(formation)) => format!("{court} ({formation})"),
        (court, None) => court.to_string(),
    }
}

/// Whether the court filter `selected` takes the facet value `value`. The filter is a facet
/// value, a court's name as written (`… (Grand Chamber)` selects the formation) or an
/// abbreviation; names compare without regard to case or surrounding spaces, and nothing more:
/// the court facet lists a court written in two scripts twice, and each of its counts must be
/// what choosing it gives. A court's value is held by the documents of all its formations too
/// (see `columns`), so choosing the court takes them. An abbreviation takes every court whose
/// name starts with its full name.
pub fn selects(selected: &str, value: &str) -> bool {
    let value = value.trim().to_lowercase();
    match full_name(selected) {
        Some(name) => value.starts_with(&name.to_lowercase()),
        None => value == facet_value(selected).to_lowercase(),
    }
}

/// A court's place in a case's procedural chain, lowest first: what orders the decisions of
/// one case (`search::proceedings`), before their dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Level {
    FirstInstance,
    Appeal,
    /// A supreme or cassation court.
    Supreme,
    Constitutional,
    /// The European Court of Human Rights, after the domestic remedies.
    International,
}

/// Words of a court's name (in search form: lower case, Latin, no diacritics, see
/// `thb_text::normalize::fold_for_search`) that place it, the highest level first: a
/// supreme court's appeal chamber is a supreme court. A court named by none of them is a
/// first-instance court (a county or cantonal court hearing an appeal is, by its name, one:
/// its date then orders it).
const LEVEL_WORDS: &[(Level, &[&str])] = &[
    (Level::International, &["european court of human rights"]),
    (
        Level::Constitutional,
        // ustavni (sr, bs, hr, cnr), уставен (mk), kushtetuese (sq), anayasa (tr),
        // kostituzzjonali (mt).
        &[
            "constitutional",
            "ustavn",
            "ustaven",
            "kushtetues",
            "anayasa",
            "kostituzzjonali",
        ],
    ),
    (
        Level::Supreme,
        // vrhovni, врховен, kasacioni, Gjykata e Lartë, Gjykata Supreme, Yargıtay.
        &[
            "supreme",
            "vrhovn",
            "vrhoven",
            "kasacion",
            "gjykata e larte",
            "yargitay",
        ],
    ),
    (
        Level::Appeal,
        // apelacioni (sr, cnr), apelaciono odjeljenje (bs), апелационен (mk), Gjykata e
        // Apelit (sq), Bölge Adliye Mahkemesi and istinaf (tr), Qorti tal-Appell (mt).
        &[
            "appeal",
            "apelacion",
            "apelit",
            "bolge adliye",
            "istinaf",
            "appell",
            "drugostepen",
        ],
    ),
];

/// The level of a court by its name.
pub fn level(court: &str) -> Level {
    let name = thb_text::normalize::fold_for_search_string(court);
    LEVEL_WORDS
        .iter()
        .find(|(_, words)| words.iter().any(|w| name.contains(w)))
        .map_or(Level::FirstInstance, |(level, _)| *level)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_court_is_placed_by_its_name_in_any_language_and_script() {
        let cases = [
            ("Виши суд у Београду", Level::FirstInstance),
            ("Апелациони суд у Београду", Level::Appeal),
            (
                "Sud Bosne i Hercegovine, Apelaciono odjeljenje",
                Level::Appeal,
            ),
            ("Апелационен суд Скопје", Level::Appeal),
            ("Gjykata e Apelit për Krime të Rënda", Level::Appeal),
            (
                "İstanbul Bölge Adliye Mahkemesi 2. Ceza Dairesi",
                Level::Appeal,
            ),
            ("Il-Qorti tal-Appell Kriminali", Level::Appeal),
            ("Court of Criminal Appeal", Level::Appeal),
            ("Vrhovni kasacioni sud", Level::Supreme),
            (
                "Врховен суд на Република Северна Македонија",
                Level::Supreme,
            ),
            ("Gjykata e Lartë, Kolegji Penal", Level::Supreme),
            ("Yargıtay 8. Ceza Dairesi", Level::Supreme),
            ("Ustavni sud Srbije", Level::Constitutional),
            ("Anayasa Mahkemesi", Level::Constitutional),
            (
                "European Court of Human Rights (Grand Chamber)",
                Level::International,
            ),
            (
                "Gjykata Themelore në Prishtinë – Departamenti për Krime të Rënda",
                Level::FirstInstance,
            ),
            ("İstanbul 25. Ağır Ceza Mahkemesi", Level::FirstInstance),
        ];
        for (court, expected) in cases {
            assert_eq!(level(court), expected, "{court}");
        }
    }

    const GRAND_CHAMBER: &str = "European Court of Human Rights/Grand Chamber";

    #[test]
    fn a_trailing_formation_is_a_child_of_its_court_and_other_parentheses_stay_in_the_name() {
        let cases: &[(&str, (&str, Option<&str>))] = &[
            (
                "European Court of Human Rights (Grand Chamber)",
                (ECTHR, Some("Grand Chamber")),
            ),
            (
                " European Court of Human Rights  (grand chamber) ",
                (ECTHR, Some("Grand Chamber")),
            ),
            (
                "Court of Justice of the European Union (Third Chamber)",
                (
                    "Court of Justice of the European Union",
                    Some("Third Chamber"),
                ),
            ),
            ("European Court of Human Rights", (ECTHR, None)),
            (
                "Court of Magistrates (Malta) as a Court of Criminal Judgment",
                (
                    "Court of Magistrates (Malta) as a Court of Criminal Judgment",
                    None,
                ),
            ),
            (
                "Court of Magistrates (Malta)",
                ("Court of Magistrates (Malta)", None),
            ),
            (
                "Commission (of Inquiry on the Chamber)",
                ("Commission (of Inquiry on the Chamber)", None),
            ),
            ("(Grand Chamber)", ("(Grand Chamber)", None)),
            ("Виши суд у Београду", ("Виши суд у Београду", None)),
        ];
        for (written, expected) in cases {
            assert_eq!(split(written), *expected, "{written}");
        }
    }

    #[test]
    fn the_courts_metadata_places_a_judgment_under_its_formation_when_the_name_does_not() {
        assert_eq!(
            facet_path(ECTHR, Some(Formation::Chamber)),
            vec![ECTHR, "Chamber"]
        );
        assert_eq!(
            facet_path(
                "European Court of Human Rights (Grand Chamber)",
                Some(Formation::Chamber)
            ),
            vec![ECTHR, "Grand Chamber"],
            "the name as written wins"
        );
        assert_eq!(facet_path(ECTHR, None), vec![ECTHR]);
        assert_eq!(
            facet_path("GRETA", Some(Formation::Committee)),
            vec!["GRETA"],
            "only the Strasbourg court has these formations"
        );
        // Every formation the metadata names reads back as a formation from a facet value.
        for f in [
            Formation::GrandChamber,
            Formation::Chamber,
            Formation::Committee,
        ] {
            let value = facet_path(ECTHR, Some(f)).join("/");
            assert_eq!(split_value(&value), (ECTHR, Some(f.name())), "{value}");
        }
    }

    #[test]
    fn facet_values_read_back_as_court_and_formation() {
        assert_eq!(split_value(GRAND_CHAMBER), (ECTHR, Some("Grand Chamber")));
        assert_eq!(split_value(ECTHR), (ECTHR, None));
        assert_eq!(
            split_value("Court of Appeal/Tribunal"),
            ("Court of Appeal/Tribunal", None),
            "a slash in a name is not a formation"
        );
        assert_eq!(
            display(GRAND_CHAMBER),
            "European Court of Human Rights (Grand Chamber)"
        );
        assert_eq!(display("Viši sud u Beogradu"), "Viši sud u Beogradu");
        assert_eq!(
            facet_value("European Court of Human Rights (Grand Chamber)"),
            GRAND_CHAMBER
        );
        assert_eq!(facet_value(GRAND_CHAMBER), GRAND_CHAMBER);
    }

    #[test]
    fn a_court_selects_its_formations_and_a_formation_only_itself() {
        // Every document of the Grand Chamber holds the Court's value and its own.
        assert!(selects(ECTHR, ECTHR));
        assert!(!selects(ECTHR, GRAND_CHAMBER), "values compare exactly");
        assert!(selects(GRAND_CHAMBER, GRAND_CHAMBER));
        assert!(!selects(GRAND_CHAMBER, ECTHR));
        assert!(
            selects(
                "European Court of Human Rights (Grand Chamber)",
                GRAND_CHAMBER
            ),
            "the name as documents write it selects the formation"
        );
        assert!(selects("european court of human rights ", ECTHR));
        assert!(selects("ecthr", ECTHR));
        assert!(selects("ECtHR", GRAND_CHAMBER));
        assert!(!selects("ECtHR", "Court of Justice of the European Union"));
        assert!(selects("Виши суд у Београду", "виши суд у београду"));
        assert!(!selects("Viši sud u Beogradu", "Виши суд у Београду"));
        assert!(!selects("European Court", ECTHR), "a name is not a prefix");
    }

    #[test]
    fn abbreviations_are_matched_without_regard_to_case_and_nothing_else_is() {
        assert_eq!(full_name("ECtHR"), Some(ECTHR));
        assert_eq!(full_name(" ecthr "), Some(ECTHR));
        assert_eq!(full_name("ECHR"), None, "also the Convention");
        assert_eq!(full_name(ECTHR), None);
        assert_eq!(full_name("ECtH"), None);
        assert_eq!(
            abbreviation(" european court of human rights"),
            Some("ECtHR")
        );
        assert_eq!(abbreviation("Viši sud u Beogradu"), None);
    }
}
