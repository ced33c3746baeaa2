//! HUDOC (the European Court of Human Rights' database) → records of the interchange format.
//!
//! Reads one HUDOC item as its exports and scrapers write it (`itemid`, `title`, `app_no`,
//! `date`, `country`, `doc_type`, `full_text`, …) or as HUDOC's API names the same fields
//! (`appno`, `docname`, `respondent`, `kpdate`, `languageisocode`, `article`,
//! `doctypebranch`): `FIELDS` lists both. Owns the mapping only: the record it returns is
//! validated by `Document::from_json` like any other, so the model's rules hold for imports
//! too. Fields it does not map (`fetched_at`, `text_url`, …) are ignored: exports and scrapers
//! add their own.

use serde_json::{json, Map, Value};

use super::html;
use crate::case::Verdict;
use crate::document::{Formation, Kind, RecordError};
use crate::domain::{countries, courts};

/// Our name for each HUDOC field, then the names it is found under, first found wins.
const FIELDS: &[(&str, &[&str])] = &[
    ("itemid", &["itemid"]),
    ("title", &["title", "docname"]),
    ("app_no", &["app_no", "appno"]),
    ("date", &["date", "kpdate", "judgementdate"]),
    ("country", &["country", "respondent"]),
    ("collection", &["collection"]),
    ("doc_type", &["doc_type", "doctypebranch"]),
    ("importance", &["importance"]),
    ("conclusion", &["conclusion"]),
    ("articles", &["articles", "article"]),
    ("violation", &["violation"]),
    ("nonviolation", &["nonviolation"]),
    ("language", &["language", "languageisocode"]),
    ("ecli", &["ecli"]),
    ("url", &["url"]),
    ("full_text", &["full_text", "html", "text"]),
];

/// HUDOC's document types (`doc_type`, the API's `doctypebranch`): what the document is and
/// which formation gave it. `ADMISSIBILITY` decisions are a Section's (a Chamber's) decisions;
/// single-judge decisions are not published.
const DOC_TYPES: &[(&str, Kind, Formation)] = &[
    ("GRANDCHAMBER", Kind::Judgment, Formation::GrandChamber),
    ("CHAMBER", Kind::Judgment, Formation::Chamber),
    ("COMMITTEE", Kind::Judgment, Formation::Committee),
    ("DECGRANDCHAMBER", Kind::Decision, Formation::GrandChamber),
    ("ADMISSIBILITY", Kind::Decision, Formation::Chamber),
    ("ADMISSIBILITYCOM", Kind::Decision, Formation::Committee),
];

/// HUDOC's language codes and their BCP 47 tags. A language not listed is detected from the
/// text, as for any document that declares none.
const LANGUAGES: &[(&str, &str)] = &[
    ("ALB", "sq"),
    ("BOS", "bs"),
    ("ENG", "en"),
    ("FRE", "fr"),
    ("GER", "de"),
    ("HRV", "hr"),
    ("ITA", "it"),
    ("MKD", "mk"),
    ("RUS", "ru"),
    ("SRP", "sr"),
    ("TUR", "tr"),
];

/// The Court, as the corpus and the court facet name it.
pub const COURT: &str = courts::ECTHR;
/// The Grand Chamber, as the Court writes it; the court facet lists it under the Court (see
/// `domain::courts`).
pub const GRAND_CHAMBER: &str = "European Court of Human Rights (Grand Chamber)";

/// One HUDOC item as a record of the interchange format: id `hudoc:<itemid>`, provenance
/// `real`, the HTML body as text, and the Court's own metadata under `echr`.
pub fn to_record(value: Value) -> Result<Value, RecordError> {
    let Value::Object(item) = value else {
        return Err(RecordError::record(
            "a HUDOC item must be a JSON object".to_string(),
        ));
    };
    let get = |ours: &str| field(&item, ours);
    let (_, itemid) = get("itemid").ok_or_else(|| RecordError::field("itemid", "missing"))?;
    let (_, title) = get("title").ok_or_else(|| RecordError::field("title", "missing"))?;
    let (text_field, body) = get("full_text").ok_or_else(|| {
        RecordError::field(
            "full_text",
            "missing; the import needs the document's text (HUDOC's HTML body)",
        )
    })?;
    let (kind, formation) = kind_and_formation(get("doc_type"), get("collection"))?;
    let mut record = Map::new();
    record.insert("id".into(), json!(format!("hudoc:{}", itemid.trim())));
    record.insert("kind".into(), json!(kind.as_str()));
    record.insert("title".into(), json!(collapse_spaces(&title)));
    let mut text = html::to_text(&body);
    if !text.contains('\n') {
        // A scraper stripped the tags: the Court's paragraph numbers still show where they were.
        text = numbered_paragraphs(&text);
    }
    if text.is_empty() {
        return Err(RecordError::field(
            text_field,
            "no text once the HTML is removed",
        ));
    }
    record.insert("text".into(), json!(text));
    let (country_field, states) = get("country")
        .ok_or_else(|| RecordError::field("country", "missing (the respondent state)"))?;
    record.insert(
        "country".into(),
        json!(respondents(country_field, &states)?),
    );
    if let Some((date_field, date)) = get("date") {
        record.insert("date".into(), json!(iso_date(date_field, &date)?));
    }
    let court = if formation == Some(Formation::GrandChamber) {
        GRAND_CHAMBER
    } else {
        COURT
    };
    record.insert("court".into(), json!(court));
    if let Some((_, code)) = get("language") {
        let code = code.trim().to_ascii_uppercase();
        if let Some((_, tag)) = LANGUAGES.iter().find(|(hudoc, _)| *hudoc == code) {
            record.insert("language".into(), json!(tag));
        }
    }
    if let Some((_, ecli)) = get("ecli") {
        record.insert("ecli".into(), json!(ecli.trim()));
    }
    let numbers = get("app_no")
        .map(|(_, v)| split_list(&v))
        .unwrap_or_default();
    if let Some(first) = numbers.first() {
        record.insert("application_number".into(), json!(first));
    }
    let url = match get("url") {
        Some((_, url)) => url.trim().to_string(),
        None => format!("https://hudoc.echr.coe.int/eng?i={}", itemid.trim()),
    };
    record.insert("source_url".into(), json!(url));
    record.insert("provenance".into(), json!("real"));
    let mut echr = Map::new();
    if let Some(formation) = formation {
        echr.insert("formation".into(), json!(formation));
    }
    if let Some((importance_field, importance)) = get("importance") {
        let level: u8 = importance.trim().parse().map_err(|_| {
            RecordError::field(
                importance_field,
                format!("`{importance}` is not a HUDOC importance level (1–4)"),
            )
        })?;
        echr.insert("importance".into(), json!(level));
    }
    if !numbers.is_empty() {
        echr.insert("application_numbers".into(), json!(numbers));
    }
    let mut found: [bool; 2] = [false; 2];
    for (ours, key) in [
        ("articles", "articles"),
        ("violation", "violation"),
        ("nonviolation", "nonviolation"),
    ] {
        let list = get(ours).map(|(_, v)| split_list(&v)).unwrap_or_default();
        if !list.is_empty() {
            echr.insert(key.into(), json!(list));
            match key {
                "violation" => found[0] = true,
                "nonviolation" => found[1] = true,
                _ => {}
            }
        }
    }
    let conclusion = get("conclusion").map(|(_, c)| c.trim().to_string());
    if let Some(verdict) = verdict(conclusion.as_deref().unwrap_or(""), found[0], found[1]) {
        record.insert("verdict".into(), json!(verdict.as_str()));
    }
    if let Some(conclusion) = conclusion {
        echr.insert("conclusion".into(), json!(conclusion));
    }
    if !echr.is_empty() {
        record.insert("echr".into(), Value::Object(echr));
    }
    Ok(Value::Object(record))
}

/// The verdict HUDOC records, and only that: a violation where it lists a violated article or
/// its conclusion finds one (whatever else it found), else no violation where it finds none;
/// inadmissible where the conclusion declares the application inadmissible and finds nothing
/// else. A conclusion that says none of these (struck out, just satisfaction) gives none.
fn verdict(conclusion: &str, violation: bool, nonviolation: bool) -> Option<Verdict> {
    let parts: Vec<String> = conclusion
        .split(';')
        .map(|part| part.trim().to_lowercase())
        .filter(|part| !part.is_empty())
        .collect();
    let says = |start: &str| parts.iter().any(|p| p.starts_with(start));
    if violation || says("violation") {
        Some(Verdict::Violation)
    } else if nonviolation || says("no violation") {
        Some(Verdict::NoViolation)
    } else if !parts.is_empty() && parts.iter().all(|p| p.contains("inadmissible")) {
        Some(Verdict::Inadmissible)
    } else {
        None
    }
}

/// A blank line before each of the Court's numbered paragraphs, in a text that lost its
/// paragraph breaks: `… the applicant. 12. The Court …` (or `12 . The`, where a tag stood
/// between the number and its point). Judgments number their paragraphs once, in order, from
/// the facts to the Court's assessment, so a number starts a paragraph only if it is the next
/// one (or skips at most [`MAX_SKIPPED`] a scraper garbled), is followed by a capital letter or
/// an opening quote or bracket, and does not follow a word that cites (`Article 3. The`,
/// `§ 12. The`). The operative part and separate opinions number again from 1; they stay as
/// they are.
fn numbered_paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 100);
    let mut next = 1u32;
    let mut rest = text;
    while !rest.is_empty() {
        let at_word_start = out.is_empty() || out.ends_with(' ');
        if at_word_start && rest.starts_with(|c: char| c.is_ascii_digit()) {
            if let Some((number, used)) = paragraph_number(rest) {
                let cites = out
                    .trim_end()
                    .rsplit(' ')
                    .next()
                    .is_some_and(|word| CITING_WORDS.contains(&word.to_lowercase().as_str()));
                if (next..=next + MAX_SKIPPED).contains(&number) && !cites {
                    let kept = out.trim_end().len();
                    out.truncate(kept);
                    if !out.is_empty() {
                        out.push_str("\n\n");
                    }
                    out.push_str(&format!("{number}. "));
                    rest = &rest[used..];
                    next = number + 1;
                    continue;
                }
            }
        }
        let c = rest.chars().next().expect("rest is not empty");
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// How many paragraph numbers may be missing between two found (see [`numbered_paragraphs`]).
const MAX_SKIPPED: u32 = 2;

/// Words after which a number is cited, not a paragraph's own.
const CITING_WORDS: &[&str] = &[
    "§",
    "§§",
    "and",
    "art",
    "art.",
    "article",
    "articles",
    "no",
    "no.",
    "nos",
    "nos.",
    "para",
    "para.",
    "paragraph",
    "paragraphs",
    "protocol",
    "rule",
    "rules",
    "to",
];

/// `12. X` or `12 . X` at the start of `text`, X a capital letter or an opening quote or
/// bracket: the number and the bytes before X.
fn paragraph_number(text: &str) -> Option<(u32, usize)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 4 {
        return None;
    }
    let number: u32 = text[..digits].parse().ok()?;
    let after = &text[digits..];
    let point = if after.starts_with(". ") {
        2
    } else if after.starts_with(" . ") {
        3
    } else {
        return None;
    };
    let first = after[point..].chars().next()?;
    (first.is_uppercase() || matches!(first, '"' | '“' | '«' | '‘' | '('))
        .then_some((number, digits + point))
}

/// The first of `ours`'s names present with a value, and that value as text: a string, a
/// number, or a list of them joined with `;` (how HUDOC separates values). An empty value is
/// absent.
fn field(item: &Map<String, Value>, ours: &str) -> Option<(&'static str, String)> {
    let names = FIELDS.iter().find(|(name, _)| *name == ours)?.1;
    names.iter().find_map(|name| {
        let text = match item.get(*name)? {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            Value::Array(values) => values
                .iter()
                .filter_map(|v| match v {
                    Value::String(s) => Some(s.clone()),
                    Value::Number(n) => Some(n.to_string()),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join(";"),
            _ => return None,
        };
        (!text.trim().is_empty()).then_some((*name, text))
    })
}

/// HUDOC's `;`-separated values, trimmed, empty ones dropped, each once.
fn split_list(value: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in value.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        if !out.iter().any(|seen| seen == part) {
            out.push(part.to_string());
        }
    }
    out
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The kind from the document type ([`DOC_TYPES`]); for a type not listed, from the collection
/// (`CASELAW;JUDGMENTS;…` or `CASELAW;DECISIONS;…`), without a formation.
fn kind_and_formation(
    doc_type: Option<(&'static str, String)>,
    collection: Option<(&'static str, String)>,
) -> Result<(Kind, Option<Formation>), RecordError> {
    if let Some((_, doc_type)) = &doc_type {
        let doc_type = doc_type.trim().to_ascii_uppercase();
        if let Some((_, kind, formation)) = DOC_TYPES.iter().find(|(t, _, _)| *t == doc_type) {
            return Ok((*kind, Some(*formation)));
        }
    }
    if let Some((_, collection)) = &collection {
        let parts: Vec<String> = split_list(&collection.to_ascii_uppercase());
        if parts.iter().any(|p| p == "JUDGMENTS") {
            return Ok((Kind::Judgment, None));
        }
        if parts.iter().any(|p| p == "DECISIONS") {
            return Ok((Kind::Decision, None));
        }
    }
    let known = DOC_TYPES
        .iter()
        .map(|(t, _, _)| *t)
        .collect::<Vec<_>>()
        .join(", ");
    Err(match doc_type {
        Some((name, value)) => RecordError::field(
            name,
            format!("`{value}` is not a judgment or decision type HUDOC uses ({known})"),
        ),
        None => RecordError::field(
            "doc_type",
            format!(
                "missing, and no collection names judgments or decisions; expected one of {known}"
            ),
        ),
    })
}

/// Respondent states, `;`-separated ISO 3166-1 alpha-3 codes, as alpha-2 codes.
fn respondents(field: &'static str, states: &str) -> Result<Vec<String>, RecordError> {
    split_list(states)
        .iter()
        .map(|state| {
            let upper = state.to_ascii_uppercase();
            countries::from_alpha3(&upper)
                .or_else(|| countries::lookup(&upper).map(|c| c.code))
                .map(str::to_string)
                .ok_or_else(|| {
                    RecordError::field(
                        field,
                        format!("unknown state `{state}`; expected ISO 3166-1 alpha-3 codes such as `RUS` or `GBR`, separated by `;`"),
                    )
                })
        })
        .collect()
}

/// `YYYY-MM-DD` from an ISO timestamp (`2010-07-20T00:00:00`) or HUDOC's `DD/MM/YYYY hh:mm:ss`.
fn iso_date(field: &'static str, value: &str) -> Result<String, RecordError> {
    let value = value.trim();
    let day = value.split([' ', 'T']).next().unwrap_or(value);
    let parts: Vec<&str> = day.split('/').collect();
    let date = match parts.as_slice() {
        [d, m, y] if d.len() <= 2 && m.len() <= 2 && y.len() == 4 => {
            format!("{y}-{m:0>2}-{d:0>2}")
        }
        _ => day.to_string(),
    };
    crate::document::Date::parse(&date)
        .map(|d| d.to_string())
        .map_err(|e| RecordError::field(field, e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    /// A HUDOC item in the shape scrapers write, invented for the test.
    fn item() -> Value {
        json!({
            "itemid": "001-999001",
            "title": "CASE OF X. AND OTHERS v. RUTHENIA AND ARCADIA",
            "app_no": "11111/20;22222/21",
            "date": "2024-03-05T00:00:00",
            "country": "RUS;GBR",
            "collection": "CASELAW;JUDGMENTS;GRANDCHAMBER;ENG",
            "doc_type": "GRANDCHAMBER",
            "importance": "1",
            "conclusion": "Violation of Art. 4;No violation of Art. 14",
            "articles": "4;4-1;14;14+4",
            "violation": "4",
            "nonviolation": "14",
            "language": "ENG",
            "ecli": "ECLI:CE:ECHR:2024:0305JUD001111120",
            "url": "https://hudoc.echr.coe.int/eng?i=001-999001",
            "full_text": ".s1 { font-size:12pt } <p>GRAND CHAMBER</p><p>1. The case concerns forced labour.</p>",
            "fetched_at": "2026-01-01T00:00:00+00:00"
        })
    }

    fn mapped(value: Value) -> Document {
        Document::from_json(to_record(value).expect("maps")).expect("validates")
    }

    #[test]
    fn the_verdict_is_what_the_record_concludes_and_nothing_more() {
        assert_eq!(mapped(item()).verdict, Some(Verdict::Violation));
        let with = |conclusion: &str, violation: &str, nonviolation: &str| {
            let mut record = item();
            record["conclusion"] = json!(conclusion);
            record["violation"] = json!(violation);
            record["nonviolation"] = json!(nonviolation);
            mapped(record).verdict
        };
        assert_eq!(
            with("No violation of Article 4", "", "4"),
            Some(Verdict::NoViolation)
        );
        assert_eq!(
            with("Remainder inadmissible;Violation of Article 4", "", ""),
            Some(Verdict::Violation)
        );
        assert_eq!(with("Inadmissible", "", ""), Some(Verdict::Inadmissible));
        assert_eq!(with("Struck out of the list", "", ""), None);
        assert_eq!(with("", "", ""), None);
    }

    #[test]
    fn a_grand_chamber_judgment_maps_onto_the_model() {
        let d = mapped(item());
        assert_eq!(d.id, "hudoc:001-999001");
        assert_eq!(d.kind, Kind::Judgment);
        assert_eq!(d.country, vec!["RU", "GB"]);
        assert_eq!(d.date.unwrap().to_string(), "2024-03-05");
        assert_eq!(d.court.as_deref(), Some(GRAND_CHAMBER));
        assert_eq!(d.language.as_deref(), Some("en"));
        assert_eq!(d.application_number.as_deref(), Some("11111/20"));
        assert_eq!(
            d.text,
            "GRAND CHAMBER\n\n1. The case concerns forced labour."
        );
        assert_eq!(d.provenance, Some(crate::document::Provenance::Real));
        let echr = d.echr.unwrap();
        assert_eq!(echr.formation, Some(Formation::GrandChamber));
        assert_eq!(echr.importance, Some(1));
        assert_eq!(echr.application_numbers, ["11111/20", "22222/21"]);
        assert_eq!(echr.articles, ["4", "4-1", "14", "14+4"]);
        assert_eq!(echr.violation, ["4"]);
        assert_eq!(echr.nonviolation, ["14"]);
    }

    #[test]
    fn numbered_paragraphs_are_set_apart_in_a_text_without_breaks() {
        let flat = "PROCEDURE 1. The case originated in an application. The facts 2 . The \
            applicant was represented; see Article 3. The Court notes § 4. Nothing. 3. \"The \
            Government\" replied: 5. (a) First. 1. Holds that there has been a violation. 9. \
            Far ahead.";
        assert_eq!(
            numbered_paragraphs(flat),
            "PROCEDURE\n\n1. The case originated in an application. The facts\n\n2. The \
            applicant was represented; see Article 3. The Court notes § 4. Nothing.\n\n3. \"The \
            Government\" replied:\n\n5. (a) First. 1. Holds that there has been a violation. 9. \
            Far ahead."
        );
        let mut value = item();
        value["full_text"] =
            json!(".s1 { font-size:12pt } THE FACTS 1. The applicant.&#xa0; 2. The Court.");
        assert_eq!(
            mapped(value).text,
            "THE FACTS\n\n1. The applicant.\n\n2. The Court."
        );
    }

    #[test]
    fn the_api_field_names_are_read_too() {
        let value = json!({
            "itemid": "001-999002",
            "docname": "X. c. RUTHENIE",
            "appno": "33333/22",
            "judgementdate": "07/01/2010 00:00:00",
            "respondent": "FRA",
            "doctypebranch": "COMMITTEE",
            "languageisocode": "FRE",
            "article": "4",
            "html": "<div><p>Texte de l&rsquo;arr&ecirc;t.</p></div>"
        });
        let d = mapped(value);
        assert_eq!(d.title, "X. c. RUTHENIE");
        assert_eq!(d.date.unwrap().to_string(), "2010-01-07");
        assert_eq!(d.country, vec!["FR"]);
        assert_eq!(d.court.as_deref(), Some(COURT));
        assert_eq!(d.language.as_deref(), Some("fr"));
        assert_eq!(d.text, "Texte de l'arrêt.");
        assert_eq!(
            d.source_url.as_deref(),
            Some("https://hudoc.echr.coe.int/eng?i=001-999002")
        );
        assert_eq!(d.echr.unwrap().formation, Some(Formation::Committee));
    }

    #[test]
    fn document_types_give_kind_and_formation() {
        for (doc_type, kind, formation) in [
            ("CHAMBER", Kind::Judgment, Some(Formation::Chamber)),
            ("ADMISSIBILITY", Kind::Decision, Some(Formation::Chamber)),
            (
                "ADMISSIBILITYCOM",
                Kind::Decision,
                Some(Formation::Committee),
            ),
            (
                "DECGRANDCHAMBER",
                Kind::Decision,
                Some(Formation::GrandChamber),
            ),
            ("NEWTYPE", Kind::Judgment, None),
        ] {
            let mut value = item();
            value["doc_type"] = json!(doc_type);
            let d = mapped(value);
            assert_eq!(d.kind, kind, "{doc_type}");
            assert_eq!(d.echr.unwrap().formation, formation, "{doc_type}");
        }
    }

    #[test]
    fn each_bad_field_is_named_as_the_source_names_it() {
        let cases: [(&str, Value, &str, &str); 6] = [
            (
                "country",
                json!("RUS;YUG"),
                "country",
                "unknown state `YUG`",
            ),
            ("date", json!("2024-02-30"), "date", "has no day 30"),
            ("importance", json!("key"), "importance", "importance level"),
            ("full_text", json!(""), "full_text", "missing"),
            ("full_text", json!("<p> </p>"), "full_text", "no text"),
            ("itemid", Value::Null, "itemid", "missing"),
        ];
        for (field, value, expected_field, expected_message) in cases {
            let mut record = item();
            record[field] = value;
            let error = to_record(record).expect_err(field);
            assert_eq!(error.field.as_deref(), Some(expected_field), "{error}");
            assert!(error.message.contains(expected_message), "{error}");
        }
        let mut record = item();
        record["doc_type"] = json!("RESOLUTION");
        record["collection"] = json!("EXECUTION");
        let error = to_record(record).unwrap_err();
        assert_eq!(error.field.as_deref(), Some("doc_type"));
        assert!(error.message.contains("`RESOLUTION`"), "{error}");
    }
}
