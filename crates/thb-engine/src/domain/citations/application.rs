//! European Court of Human Rights application numbers: a serial number, `/`, the two-digit
//! year of lodging (`25965/04`), as the Court cites them (`no. 25965/04`, `nos. 60561/14 and
//! 60562/14`, French `n° 25965/04`, HUDOC's `n o 25965/04`) and as the region's translations
//! do (`predstavka br. 25965/04`, `представка бр. 25965/04`, `kërkesa nr. 25965/04`,
//! `başvuru no. 25965/04`).
//!
//! The same shape numbers much else, which is not a citation:
//! - dates and phone numbers: a part that runs on (`05/02/2021`, `064/12-34-567`,
//!   `011/123-456`: the year part must be exactly two digits, followed by neither `/`, `-`
//!   nor `.` and a digit), or a number starting with 0;
//! - national case files (`К 201/14`, `Kž1 312/17`, `K.br. 912/15`): a register mark before
//!   the number (a short capitalised word, or a word with a digit), and `br.`/`nr.` alone,
//!   which number everything in the region;
//! - gazettes, laws, documents (`Sl. glasnik BiH br. 3/03`, `Official Gazette no. 61/99`,
//!   `Council Document 14203/04`, `case C-249/13`): a numbered thing named within the four
//!   words before the number, or a letter and hyphen before it;
//! - fractions (`1/2`) and short numbers without a cue (`37/96`): a bare number needs three
//!   digits at least; after `no.` or an application word any number is one.

use super::{Citation, CitationKind, Token};

/// Words (search forms) that number an application on their own.
const NUMBER_WORDS: &[&str] = &["no", "nos", "n", "nº", "№"];

/// Words that number anything in the region: an application only after an application word.
const WEAK_NUMBER_WORDS: &[&str] = &["br", "broj", "nr", "numri", "nru", "num"];

/// Words (prefixes of search forms) for an application, in the served languages.
const APPLICATION_WORDS: &[&str] = &[
    "application", // en
    "requete",     // fr
    "predstav",    // sr, bs, cnr (представка, predstavci)
    "pretstav",    // mk (претставка)
    "zahtjev",     // hr, bs
    "zahtev",      // sr
    "aplikacij",   // sr, mk (апликација)
    "kerkes",      // sq (kërkesa)
    "basvuru",     // tr (başvuru)
    "rikors",      // mt
];

/// Words (prefixes of search forms) for other numbered things: gazettes, laws, documents,
/// national decisions and case files.
const NOT_APPLICATIONS: &[&str] = &[
    "gazet",
    "glasnik",
    "novin",
    "vesnik",
    "fletor",
    "journal",
    "sluzben",
    "official",
    "law",
    "decree",
    "directive",
    "regulation",
    "resolution",
    "document",
    "zakon",
    "uredb",
    "odluk",
    "resenj",
    "rjesenj",
    "presud",
    "predmet",
    "ligj",
    "vendim",
    "dekret",
    "kanun",
    "karar",
    "esas",
    "resmi",
    "case",
    "affaire",
    "loi",
    "report",
    "rapport",
    "decret",
];

/// Words that are numbered things only as a whole word (short ones, which begin others).
const NOT_APPLICATIONS_EXACT: &[&str] = &["act", "list", "doc", "sl", "og"];

/// The application numbers of `text` (tokens from `super::tokenize`).
pub(crate) fn find(text: &str, tokens: &[Token<'_>]) -> Vec<Citation> {
    let mut found = Vec::new();
    // Whether the list being read (`nos. 1/10, 2/10 and 3/10`) was opened by a cue.
    let mut list_cued: Option<bool> = None;
    let mut last_end = 0;
    let mut i = 0;
    while i + 2 < tokens.len() {
        let Some((value, end)) = number_at(text, tokens, i) else {
            i += 1;
            continue;
        };
        let continues = list_cued.is_some() && joined(tokens, last_end, i);
        let cued = if continues {
            list_cued.unwrap_or(false)
        } else {
            cue_before(tokens, i, &value)
        };
        list_cued = Some(cued);
        last_end = end;
        if cued {
            found.push(Citation {
                kind: CitationKind::Application,
                value,
                span: tokens[i].start..tokens[end].end,
            });
        }
        i = end + 1;
    }
    found
}

/// Every `number/yy` of an identifier field (`77587/12; 74603/12`), without asking for cues:
/// the field says what it holds.
pub(crate) fn all_in(field: &str) -> Vec<String> {
    let tokens = super::tokenize(field);
    let mut out = Vec::new();
    for i in 0..tokens.len() {
        if let Some((value, _)) = number_at(field, &tokens, i) {
            out.push(value);
        }
    }
    out
}

/// An application-number shape at token `i` (`digits` `/` `two digits`, nothing between, and
/// nothing running on): its normalised value and its last token.
fn number_at(text: &str, tokens: &[Token<'_>], i: usize) -> Option<(String, usize)> {
    let (serial, slash, year) = (&tokens[i], tokens.get(i + 1)?, tokens.get(i + 2)?);
    let shaped = serial.is_number()
        && (1..=7).contains(&serial.raw.len())
        && slash.is_punct('/')
        && !slash.spaced
        && year.is_number()
        && year.raw.len() == 2
        && !year.spaced;
    if !shaped {
        return None;
    }
    let before = text[..serial.start].chars().next_back();
    if !serial.spaced && matches!(before, Some('/' | '-' | '.' | ',' | '+' | ':' | '_')) {
        return None;
    }
    let mut after = text[year.end..].chars();
    let runs_on = match (after.next(), after.next()) {
        (Some('/'), _) => true,
        (Some('-' | '.' | ','), Some(next)) => next.is_ascii_digit(),
        _ => false,
    };
    if runs_on || serial.raw.starts_with('0') {
        return None;
    }
    let number: u32 = serial.raw.parse().ok()?;
    Some((format!("{number}/{}", year.raw), i + 2))
}

/// Whether the number at `at` continues the list ending at token `last`: only a comma, `and`
/// or its translations between them.
fn joined(tokens: &[Token<'_>], last: usize, at: usize) -> bool {
    const AND: &[&str] = &["and", "et", "i", "u", "dhe", "e", "ve", "u", "&"];
    let between = &tokens[last + 1..at];
    !between.is_empty()
        && between.len() <= 2
        && between
            .iter()
            .all(|t| t.is_punct(',') || AND.contains(&t.folded()))
}

/// Whether what comes before the number at `at` makes it an application number.
fn cue_before(tokens: &[Token<'_>], at: usize, value: &str) -> bool {
    // The words before the number, nearest first, punctuation left out (`no.`, `n°`, `(`).
    let words: Vec<&Token<'_>> = tokens[..at]
        .iter()
        .rev()
        .filter(|t| t.is_word())
        .take(4)
        .collect();
    let names_another_thing = words.iter().any(|t| {
        NOT_APPLICATIONS.iter().any(|p| t.folded().starts_with(p))
            || NOT_APPLICATIONS_EXACT.contains(&t.folded())
    });
    if names_another_thing {
        return false;
    }
    let is_application_word =
        |t: &&Token<'_>| APPLICATION_WORDS.iter().any(|p| t.folded().starts_with(p));
    match words.as_slice() {
        // `n o` / `n os` (HUDOC's rendering of `n°`).
        [o, n, ..] if (o.folded() == "o" || o.folded() == "os") && n.folded() == "n" => true,
        [first, ..] if NUMBER_WORDS.contains(&first.folded()) => true,
        [first, ..] if is_application_word(first) => true,
        [first, second, ..] if WEAK_NUMBER_WORDS.contains(&first.folded()) => {
            is_application_word(second)
        }
        [first, ..] if WEAK_NUMBER_WORDS.contains(&first.folded()) => false,
        // `№ 25965/04`: a sign, not a word.
        _ if at > 0 && tokens[at - 1].is_punct('№') => true,
        [first, ..] => bare_number(value) && !register_mark(first) && !article_mark(first),
        [] => bare_number(value),
    }
}

/// A number cited without a cue must look like the Court's: three digits at least.
fn bare_number(value: &str) -> bool {
    value
        .split('/')
        .next()
        .is_some_and(|serial| serial.len() >= 3)
}

/// A national register's mark before a case file number: `K`, `Kž`, `Rev`, `Kž1`, `S1`.
fn register_mark(word: &Token<'_>) -> bool {
    let capitalised = word.raw.chars().next().is_some_and(char::is_uppercase);
    let short = word.raw.chars().count() <= 4;
    (capitalised && short) || word.raw.chars().any(|c| c.is_ascii_digit())
}

/// `m. 80/12`, `Article 4/12`: an article's paragraph, not an application.
fn article_mark(word: &Token<'_>) -> bool {
    matches!(
        word.folded(),
        "m" | "art" | "article" | "cl" | "clan" | "neni"
    )
}

#[cfg(test)]
mod tests {
    use super::super::tokenize;
    use super::*;

    fn values(text: &str) -> Vec<String> {
        find(text, &tokenize(text))
            .into_iter()
            .map(|c| c.value)
            .collect()
    }

    #[test]
    fn the_courts_and_the_regions_forms_are_found() {
        for (text, expected) in [
            (
                "Rantsev v. Cyprus and Russia, no. 25965/04, § 282",
                vec!["25965/04"],
            ),
            ("25965/04", vec!["25965/04"]),
            ("(application no. 73316/01)", vec!["73316/01"]),
            (
                "S.M. v. Croatia [GC], nos. 60561/14 and 60562/14",
                vec!["60561/14", "60562/14"],
            ),
            (
                "three applications (nos. 1828/06, 34163/07 and 19029/11)",
                vec!["1828/06", "34163/07", "19029/11"],
            ),
            ("Öhlinger c. Autriche , n o 21444/93", vec!["21444/93"]),
            ("requête n° 19373/92", vec!["19373/92"]),
            ("Ranđelović (no. 66641/10)", vec!["66641/10"]),
            ("по представци бр. 25965/04", vec!["25965/04"]),
            ("predstavka br. 25965/04", vec!["25965/04"]),
            ("представка бр. 25965/04", vec!["25965/04"]),
            ("zahtjev br. 60561/14", vec!["60561/14"]),
            ("апликација бр. 71545/12", vec!["71545/12"]),
            ("kërkesa nr. 21884/15", vec!["21884/15"]),
            ("başvuru no. 25965/04", vec!["25965/04"]),
            (
                "Fedorchenko and Lozenko v. Ukraine, no. 387/03",
                vec!["387/03"],
            ),
            ("no. 025965/04", vec![]),
        ] {
            assert_eq!(values(text), expected, "{text}");
        }
    }

    #[test]
    fn dates_phones_files_and_gazettes_are_not_applications() {
        for text in [
            "FINAL 05/02/2021",
            "born on 31/07/1996",
            "tel. 011/123-456",
            "mob. 064/12-34-567",
            "presudom Višeg suda u Beogradu К 201/14 od 3. marta",
            "Kž1 312/17",
            "Основниот суд Скопје К.бр. 912/15",
            "S1 2 K 45/18",
            "Gž 1146/18",
            "(\"Sl. glasnik BiH\", br. 3/03, 32/03, 37/03, 54/04)",
            "Službeni list CG, br. 40/08, 25/10",
            "published in Official Gazette no. 61/99 on 30 July 1999",
            "under Law no. 40/98 on immigration",
            "Inter-American Commission, Report No. 51/96, 13 March 1997",
            "Council Document 14203/04, 9 November 2004",
            "Boudjlida, case C-249/13, judgment",
            "report (A/56/10)",
            "one half (1/2) of the amount",
            "dated 12/05 of the following year",
            "rešenje br. 123/19",
            "TCK m. 80/12",
            "1,234/05",
        ] {
            assert_eq!(values(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn identifier_fields_list_every_number() {
        assert_eq!(all_in("77587/12; 74603/12"), vec!["77587/12", "74603/12"]);
        assert_eq!(all_in("25965/04"), vec!["25965/04"]);
    }
}
