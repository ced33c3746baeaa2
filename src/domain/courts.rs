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

/// The full name `word` abbreviates, if it is one of [`ALIASES`].
pub fn full_name(word: &str) -> Option<&'static str> {
    let word = word.trim();
    ALIASES
        .iter()
        .find(|(abbreviation, _)| abbreviation.eq_ignore_ascii_case(word))
        .map(|(_, name)| *name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_are_matched_without_regard_to_case_and_nothing_else_is() {
        assert_eq!(full_name("ECtHR"), Some("European Court of Human Rights"));
        assert_eq!(full_name(" ecthr "), Some("European Court of Human Rights"));
        assert_eq!(full_name("ECHR"), None, "also the Convention");
        assert_eq!(full_name("European Court of Human Rights"), None);
        assert_eq!(full_name("ECtH"), None);
    }
}
