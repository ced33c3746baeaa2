//! Courts' usual abbreviations. Lawyers write "ECtHR"; the documents name the court in full
//! ("European Court of Human Rights", "European Court of Human Rights (Grand Chamber)"), and
//! judgments rarely abbreviate the court that gives them. An abbreviation stands for every
//! court whose name starts with its full name, so the Grand Chamber is found with the Court.

/// Abbreviation (matched without regard to case) and the full name it stands for. Only
/// abbreviations that name one court and nothing else: "ECHR" is left out, it is also the
/// Convention.
const ALIASES: &[(&str, &str)] = &[
    ("ECtHR", "European Court of Human Rights"),
    ("CJEU", "Court of Justice of the European Union"),
];

/// The full name `word` abbreviates, if it is one of `ALIASES`.
pub fn full_name(word: &str) -> Option<&'static str> {
    let word = word.trim();
    ALIASES
        .iter()
        .find(|(abbreviation, _)| abbreviation.eq_ignore_ascii_case(word))
        .map(|(_, name)| *name)
}

/// Whether the court filter `selected` (a court's name or an abbreviation) takes a document
/// given by `court`. A name compares without regard to case or surrounding spaces, and
/// nothing more: the court facet lists a court written in two scripts twice, and each of its
/// counts must be what choosing it gives. An abbreviation takes every court whose name starts
/// with its full name.
pub fn selects(selected: &str, court: &str) -> bool {
    let court = court.trim().to_lowercase();
    match full_name(selected) {
        Some(name) => court.starts_with(&name.to_lowercase()),
        None => court == selected.trim().to_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_selects_its_court_in_any_case_and_an_abbreviation_its_chambers_too() {
        let court = "European Court of Human Rights";
        let grand_chamber = "European Court of Human Rights (Grand Chamber)";
        assert!(selects("european court of human rights ", court));
        assert!(!selects(court, grand_chamber), "a name is exact");
        assert!(selects("ecthr", court));
        assert!(selects("ECtHR", grand_chamber));
        assert!(!selects("ECtHR", "Court of Justice of the European Union"));
        assert!(selects("Виши суд у Београду", "виши суд у београду"));
        assert!(!selects("Viši sud u Beogradu", "Виши суд у Београду"));
        assert!(!selects("European Court", court), "a name is not a prefix");
    }

    #[test]
    fn abbreviations_are_matched_without_regard_to_case_and_nothing_else_is() {
        assert_eq!(full_name("ECtHR"), Some("European Court of Human Rights"));
        assert_eq!(full_name(" ecthr "), Some("European Court of Human Rights"));
        assert_eq!(full_name("ECHR"), None, "also the Convention");
        assert_eq!(full_name("European Court of Human Rights"), None);
        assert_eq!(full_name("ECtH"), None);
    }
}
