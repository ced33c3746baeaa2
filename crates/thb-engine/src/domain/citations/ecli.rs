//! European Case Law Identifiers: `ECLI:` + country + court + year + ordinal, separated by
//! colons (Council conclusions on the ECLI, OJ C 127, 29.4.2011, annex, point 1.1). What is
//! checked: the country is a known ISO code or one the ECLI uses beside them (`EU`, `CE` for
//! the Council of Europe, `EL` for Greece, `UK`); the court code has 1–7 letters or digits and
//! starts with a letter; the year has four digits (1800–2100); the ordinal has 1–25 letters,
//! digits and dots and does not end with a dot (a full stop after an ECLI in prose ends the
//! sentence, not the identifier). Anything else that starts with `ECLI:` is not a citation.

use super::{Citation, CitationKind};
use crate::domain::countries;

/// Country codes an ECLI may carry beside the ISO ones.
const EXTRA_COUNTRIES: [&str; 4] = ["EU", "CE", "EL", "UK"];

/// Every valid ECLI of `text`, normalised to upper case.
pub fn find(text: &str) -> Vec<Citation> {
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    // A colon is rare in prose, so the search runs from each colon back to its `ECLI`.
    for colon in memchr::memchr_iter(b':', bytes) {
        let Some(start) = colon.checked_sub(4) else {
            continue;
        };
        if !bytes[start..colon].eq_ignore_ascii_case(b"ecli")
            || found.last().is_some_and(|c: &Citation| start < c.span.end)
        {
            continue;
        }
        // `XECLI:` is some other word.
        if start > 0 && bytes[start - 1].is_ascii_alphanumeric() {
            continue;
        }
        let end = start
            + bytes[start..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b':' | b'.'))
                .count();
        let mut candidate = &text[start..end];
        candidate = candidate.trim_end_matches('.');
        if let Some(value) = normalize(candidate) {
            found.push(Citation {
                kind: CitationKind::Ecli,
                value,
                span: start..start + candidate.len(),
            });
        }
    }
    found
}

/// `value` as a valid ECLI in upper case, or `None`.
pub fn normalize(value: &str) -> Option<String> {
    let upper = value.trim().to_ascii_uppercase();
    let parts: Vec<&str> = upper.split(':').collect();
    let [ecli, country, court, year, ordinal] = parts.as_slice() else {
        return None;
    };
    let country_ok = country.len() == 2
        && (countries::lookup(country).is_some() || EXTRA_COUNTRIES.contains(country));
    let court_ok = (1..=7).contains(&court.len())
        && court.starts_with(|c: char| c.is_ascii_alphabetic())
        && court.bytes().all(|b| b.is_ascii_alphanumeric());
    let year_ok = year.len() == 4
        && year
            .parse::<u16>()
            .is_ok_and(|y| (1800..=2100).contains(&y));
    let ordinal_ok = (1..=25).contains(&ordinal.len())
        && ordinal
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.')
        && !ordinal.ends_with('.');
    (*ecli == "ECLI" && country_ok && court_ok && year_ok && ordinal_ok).then_some(upper)
}

/// The application number a Strasbourg ECLI carries: its ordinal is the date (`MMDD`), the
/// kind of document (`JUD`, `DEC`, …) and the first application's number in seven digits and
/// its year in two (`ECLI:CE:ECHR:2010:0107JUD002596504` is no. 25965/04), as HUDOC's own
/// records pair them (`../shared/data/ecthr_trafficking_judgments.jsonl`, `app_no` and
/// `ecli`).
pub fn application_number(ecli: &str) -> Option<String> {
    let ordinal = ecli.strip_prefix("ECLI:CE:ECHR:")?.get(5..)?;
    let (kind, digits) = (ordinal.get(4..7)?, ordinal.get(7..)?);
    let shaped = ordinal[..4].bytes().all(|b| b.is_ascii_digit())
        && kind.bytes().all(|b| b.is_ascii_uppercase())
        && digits.len() == 9
        && digits.bytes().all(|b| b.is_ascii_digit());
    if !shaped {
        return None;
    }
    let number: u32 = digits[..7].parse().ok()?;
    (number > 0).then(|| format!("{number}/{}", &digits[7..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_eclis_are_found_and_normalised() {
        for (text, value) in [
            (
                "Rantsev (ECLI:CE:ECHR:2010:0107JUD002596504).",
                "ECLI:CE:ECHR:2010:0107JUD002596504",
            ),
            (
                "see ecli:ce:echr:2012:0731jud004002003, § 12",
                "ECLI:CE:ECHR:2012:0731JUD004002003",
            ),
            ("ECLI:NL:HR:2019:1234.", "ECLI:NL:HR:2019:1234"),
            ("ECLI:EU:C:2014:2081", "ECLI:EU:C:2014:2081"),
            ("ECLI:BA:SDBIH:2019:12.34", "ECLI:BA:SDBIH:2019:12.34"),
        ] {
            let found = find(text);
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(found[0].value, value);
            assert_eq!(
                text[found[0].span.clone()].to_ascii_uppercase(),
                value,
                "{text}"
            );
        }
    }

    #[test]
    fn malformed_eclis_are_not_citations() {
        for text in [
            "ECLI:XX:ECHR:2010:0107JUD002596504", // no such country
            "ECLI:CE:ECHR:10:0107JUD002596504",   // two-digit year
            "ECLI:CE:ECHR:2010",                  // no ordinal
            "ECLI:CE:ECHR:2010:",                 // empty ordinal
            "ECLI:CE:1ECHR:2010:1",               // court code starts with a digit
            "ECLI:CE:EUROPEAN:2010:1",            // court code of eight letters
            "ECLI:CE:ECHR:2010:1:2",              // six parts
            "ECLI:CE:ECHR:2010:0107JUD002596504000000000000", // ordinal over 25
            "NECLI:CE:ECHR:2010:1",
        ] {
            assert!(find(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_strasbourg_ecli_carries_its_application_number() {
        assert_eq!(
            application_number("ECLI:CE:ECHR:2010:0107JUD002596504").as_deref(),
            Some("25965/04")
        );
        assert_eq!(
            application_number("ECLI:CE:ECHR:2012:0920JUD000038703").as_deref(),
            Some("387/03")
        );
        assert_eq!(application_number("ECLI:NL:HR:2019:1234"), None);
        assert_eq!(application_number("ECLI:CE:ECHR:2010:0107"), None);
    }
}
