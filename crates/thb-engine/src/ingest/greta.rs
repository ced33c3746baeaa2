//! Rows of the HUDOC-GRETA feed (hudoc.greta.coe.int's RSS, one row per section of a GRETA
//! document) → records of the interchange format.
//!
//! A row has the section's title and no body: the title is the document's text too, which is
//! all the feed publishes (a row with an empty title is named from its type, country, round
//! and section number). Owns the mapping only (the record is validated by
//! `Document::from_json`): `greta:<identifier>` ids, the country from its name
//! ([`countries::from_name`]) or else from the identifier's alpha-3 prefix, the evaluation
//! round, and the Convention articles named in the title (`Compensation (Article 15)`).

use serde_json::{json, Map, Value};

use crate::document::{Kind, RecordError, CONVENTION_ARTICLES};
use crate::domain::countries;

/// The feed's document types: what the document is, and the body that wrote it. Government
/// comments are the state's reply to GRETA's report; domestic judgments are national courts'
/// judgments GRETA lists (by title only, the court unnamed).
const DOC_TYPES: &[(&str, Kind, Option<&str>)] = &[
    ("Country Reports", Kind::Report, Some("GRETA")),
    ("General Reports", Kind::Report, Some("GRETA")),
    ("Government Comments", Kind::Report, None),
    ("Domestic judgment (title only)", Kind::Judgment, None),
];

/// The same types as GRETA's identifiers write them (`LIE-REP-3-2025--ENG-1`: state, type,
/// round, year, …), for rows whose `doc_type` is empty.
const IDENTIFIER_TYPES: &[(&str, &str)] = &[
    ("REP", "Country Reports"),
    ("GEN", "General Reports"),
    ("COM", "Government Comments"),
    ("DOM", "Domestic judgment (title only)"),
];

/// One feed row as a record of the interchange format.
pub fn to_record(value: Value) -> Result<Value, RecordError> {
    let Value::Object(row) = value else {
        return Err(RecordError::record("a feed row must be a JSON object"));
    };
    let text = |name: &str| -> Option<String> {
        match row.get(name)? {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let identifier = text("greta_identifier")
        .ok_or_else(|| RecordError::field("greta_identifier", "missing"))?;
    let title = text("title").map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "));
    let segments: Vec<&str> = identifier.split('-').collect();
    let doc_type = text("doc_type").or_else(|| {
        IDENTIFIER_TYPES
            .iter()
            .find(|(code, _)| segments.get(1) == Some(code))
            .map(|(_, name)| name.to_string())
    });
    let (kind, body) = match &doc_type {
        Some(doc_type) => DOC_TYPES
            .iter()
            .find(|(name, _, _)| name.eq_ignore_ascii_case(doc_type))
            .map(|(_, kind, body)| (*kind, *body))
            .unwrap_or((Kind::Report, None)),
        None => (Kind::Report, None),
    };
    // GRETA's General Reports on its activities concern every Party, not one state: they are
    // imported with no country (`GEN--2018--ENG`), as the document model allows for reports.
    let general = doc_type
        .as_deref()
        .is_some_and(|t| t.eq_ignore_ascii_case("General Reports"))
        || segments.first() == Some(&"GEN");
    let country = match text("country") {
        Some(name) => Some(countries::from_name(&name).ok_or_else(|| {
            RecordError::field(
                "country",
                format!("`{name}` is not a country name this import knows; expected an English short name such as `Serbia` or `Türkiye`"),
            )
        })?),
        None if general => None,
        None => Some(
            segments
                .first()
                .and_then(|prefix| countries::from_alpha3(prefix))
                .ok_or_else(|| {
                    RecordError::field(
                        "country",
                        format!("empty, and the identifier `{identifier}` names no state either; every document but a General Report needs a country"),
                    )
                })?,
        ),
    };
    let round = text("round")
        .map(|round| {
            round.parse::<u8>().map_err(|_| {
                RecordError::field(
                    "round",
                    format!("`{round}` is not an evaluation round (1–5)"),
                )
            })
        })
        .transpose()?;
    // A few rows have an empty title: the section is named by what the row says of it, so the
    // document is still found by country and round and links to the section.
    let title = title.unwrap_or_else(|| untitled(&identifier, doc_type.as_deref(), country, round));
    let mut record = Map::new();
    record.insert(
        "id".into(),
        json!(format!("greta:{}", id_safe(&identifier))),
    );
    record.insert("kind".into(), json!(kind.as_str()));
    record.insert("title".into(), json!(title));
    record.insert("text".into(), json!(title));
    record.insert(
        "country".into(),
        json!(country.into_iter().collect::<Vec<_>>()),
    );
    if let Some(date) = text("date") {
        record.insert("date".into(), json!(date));
    }
    if let Some(body) = body {
        record.insert("court".into(), json!(body));
    }
    if let Some(language) = text("lang").or_else(|| text("language")) {
        record.insert("language".into(), json!(language));
    }
    if let Some(url) = text("url") {
        // Some identifiers hold spaces, and so do their feed links.
        record.insert("source_url".into(), json!(url.replace(' ', "%20")));
    }
    record.insert("provenance".into(), json!("real"));
    if let Some(round) = round {
        let mut greta = Map::new();
        greta.insert("round".into(), json!(round));
        let articles = articles_in_title(&title);
        if !articles.is_empty() {
            greta.insert("articles".into(), json!(articles));
        }
        record.insert("greta".into(), Value::Object(greta));
    }
    Ok(Value::Object(record))
}

/// The title of a row the feed gives none: `Section 17 of Country Reports, Germany, round 3
/// (untitled in the feed)`.
fn untitled(
    identifier: &str,
    doc_type: Option<&str>,
    country: Option<&str>,
    round: Option<u8>,
) -> String {
    let section = identifier
        .rsplit('-')
        .next()
        .filter(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()));
    let mut title = match section {
        Some(section) => format!("Section {section} of "),
        None => String::new(),
    };
    title.push_str(doc_type.unwrap_or("GRETA document"));
    if let Some(country) = country {
        title.push_str(", ");
        title.push_str(&countries::display_name(country));
    }
    if let Some(round) = round {
        title.push_str(&format!(", round {round}"));
    }
    title.push_str(" (untitled in the feed)");
    title
}

/// The identifier with every character an id does not allow (`A-Za-z0-9._:/-`) as `_`: a few
/// identifiers of domestic judgments hold spaces (`…-12 -ENG`).
fn id_safe(identifier: &str) -> String {
    identifier
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | ':' | '/' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// The Convention articles a section title names in parentheses: `(Article 15)`,
/// `(Articles 10 and 12)`, `(Articles 18, 23, 24 and 25)`, `(Articles 28 et 30)`. A list
/// ends at the first word that is neither a number nor a conjunction, so a damaged title
/// (`(Article 15 III. 2. h. …`) gives only its article. Numbers outside the Convention's
/// articles 1–47 are left out.
pub fn articles_in_title(title: &str) -> Vec<u16> {
    let mut articles = Vec::new();
    for (at, _) in title.match_indices("(Article") {
        let rest = &title[at + "(Article".len()..];
        let rest = rest.strip_prefix('s').unwrap_or(rest);
        let inside = rest.split(')').next().unwrap_or(rest);
        for word in inside.split([' ', ',']).filter(|w| !w.is_empty()) {
            match word.parse::<u16>() {
                Ok(n) if CONVENTION_ARTICLES.contains(&n) => {
                    if !articles.contains(&n) {
                        articles.push(n);
                    }
                }
                Ok(_) => {}
                Err(_) if matches!(word, "and" | "et" | "&") => {}
                Err(_) => break,
            }
        }
    }
    articles
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    /// A feed row in the feed's shape, invented for the test.
    fn row() -> Value {
        json!({
            "id": "greta:SRB-REP-3-2023--ENG-7",
            "title": "IV.3. Compensation (Article 15)",
            "lang": "en",
            "country": "Serbia",
            "date": "2023-06-30",
            "text": "IV.3. Compensation (Article 15)",
            "kind": "greta_report_section",
            "round": "3",
            "doc_type": "Country Reports",
            "greta_identifier": "SRB-REP-3-2023--ENG-7",
            "url": "https://hudoc.greta.coe.int/eng#{\"gretaidentifier\":[\"SRB-REP-3-2023--ENG-7\"]}"
        })
    }

    fn mapped(value: Value) -> Document {
        Document::from_json(to_record(value).expect("maps")).expect("validates")
    }

    #[test]
    fn a_report_section_maps_onto_the_model() {
        let d = mapped(row());
        assert_eq!(d.id, "greta:SRB-REP-3-2023--ENG-7");
        assert_eq!(d.kind, Kind::Report);
        assert_eq!(d.country, vec!["RS"]);
        assert_eq!(d.text, d.title);
        assert_eq!(d.court.as_deref(), Some("GRETA"));
        let greta = d.greta.unwrap();
        assert_eq!(greta.round, 3);
        assert_eq!(greta.articles, vec![15]);
    }

    #[test]
    fn articles_are_read_from_the_title() {
        for (title, expected) in [
            ("Compensation (Article 15)", vec![15]),
            ("Right to information (Articles 12 and 15)", vec![12, 15]),
            (
                "Co-operation (Articles 18, 23, 24 and 25)",
                vec![18, 23, 24, 25],
            ),
            ("Jurisdiction (Articles 28 et 30)", vec![28, 30]),
            (
                "x (Article 15 III. 2. h. Return of victims (Article 16)",
                vec![15, 16],
            ),
            ("Introduction", vec![]),
            ("Article 99 (Article 99)", vec![]),
        ] {
            assert_eq!(articles_in_title(title), expected, "{title}");
        }
    }

    #[test]
    fn the_country_comes_from_the_name_or_else_the_identifier() {
        let mut value = row();
        value["country"] = json!("\"The former Yugoslav Republic of Macedonia\"");
        assert_eq!(mapped(value).country, vec!["MK"]);
        let mut value = row();
        value["country"] = json!("");
        value["greta_identifier"] = json!("LTU-REP-3-2023--ENG-1");
        assert_eq!(mapped(value).country, vec!["LT"]);
        // A country report whose identifier names no state is refused.
        let mut value = row();
        value["country"] = json!("");
        value["greta_identifier"] = json!("XXX-REP-3-2023--ENG-1");
        let error = to_record(value).unwrap_err();
        assert_eq!(error.field.as_deref(), Some("country"));
        assert!(error.message.contains("`XXX-REP-3-2023--ENG-1`"), "{error}");
        // A General Report concerns every Party: no country, and still a valid report.
        let mut value = row();
        value["country"] = json!("");
        value["doc_type"] = json!("General Reports");
        value["round"] = json!(null);
        value["greta_identifier"] = json!("GEN--2018--ENG");
        let general = mapped(value);
        assert!(general.country.is_empty());
        assert_eq!(general.kind, Kind::Report);
        // Only a report may have no country.
        let mut record = to_record(row()).unwrap();
        record["country"] = json!([]);
        record["kind"] = json!("judgment");
        let error = Document::from_json(record).unwrap_err();
        assert_eq!(error.field.as_deref(), Some("country"));
        assert!(error.message.contains("judgment"), "{error}");
        let mut value = row();
        value["country"] = json!("Ruritania");
        assert!(to_record(value)
            .unwrap_err()
            .message
            .contains("`Ruritania`"));
    }

    #[test]
    fn domestic_judgments_without_a_round_and_odd_identifiers_are_kept() {
        let mut value = row();
        value["title"] = json!("Judgment");
        value["doc_type"] = Value::Null;
        value["round"] = Value::Null;
        value["greta_identifier"] = json!("SRB-DOM--2020-K 12-ENG");
        value["url"] = json!(
            "https://hudoc.greta.coe.int/eng#{\"gretaidentifier\":[\"SRB-DOM--2020-K 12-ENG\"]}"
        );
        let d = mapped(value);
        assert_eq!(d.id, "greta:SRB-DOM--2020-K_12-ENG");
        assert_eq!(d.kind, Kind::Judgment);
        assert_eq!(d.court, None);
        assert!(d.greta.is_none());
        assert!(d.source_url.unwrap().contains("K%2012"));
    }

    #[test]
    fn a_row_without_a_title_is_named_from_what_the_row_says() {
        let mut value = row();
        value["title"] = json!("");
        value["text"] = json!("");
        let d = mapped(value);
        assert_eq!(
            d.title,
            "Section 7 of Country Reports, Serbia, round 3 (untitled in the feed)"
        );
        assert_eq!(d.text, d.title);
        assert!(d.greta.unwrap().articles.is_empty());
    }

    #[test]
    fn a_bad_round_is_named() {
        let mut value = row();
        value["round"] = json!("third");
        assert_eq!(
            to_record(value).unwrap_err().field.as_deref(),
            Some("round")
        );
        let mut value = row();
        value["round"] = json!("9");
        let error = Document::from_json(to_record(value).unwrap()).unwrap_err();
        assert_eq!(error.field.as_deref(), Some("greta.round"));
    }
}
