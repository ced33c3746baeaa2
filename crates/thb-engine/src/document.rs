//! The document model and the interchange format (documented in README, "Document format").
//!
//! A record arrives as a JSON value (from JSON Lines, JSON or Markdown front matter) and becomes a
//! [`Document`] only through [`Document::from_json`], which checks every field and names the
//! field it rejects. Unknown fields are rejected: a typo such as `contry` must never silently
//! drop the country. This module knows nothing of files, lines or the index.

use std::fmt;

use serde::{Deserialize, Serialize};

pub use crate::record::{validate_id, Reason, RecordError};

use crate::case::{self, Charge, Person, RawCase, Sector, Verdict};
pub use crate::domain::courts::Formation;
use crate::domain::{countries, taxonomy};
use crate::limits::{
    MAX_CONCLUSION_BYTES, MAX_DOCUMENT_BYTES, MAX_JSON_DEPTH, MAX_LIST_ITEMS, MAX_SHORT_FIELD_BYTES,
};
pub use thb_text::language::normalize_language_tag;
use thb_text::normalize::clean_text;

/// What a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Kind {
    Judgment,
    Decision,
    Recommendation,
    Report,
    Legislation,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Judgment,
        Kind::Decision,
        Kind::Recommendation,
        Kind::Report,
        Kind::Legislation,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Judgment => "judgment",
            Kind::Decision => "decision",
            Kind::Recommendation => "recommendation",
            Kind::Report => "report",
            Kind::Legislation => "legislation",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// How strongly GRETA words a recommendation, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Strength {
    /// "GRETA urges …": the most pressing.
    Urges,
    /// "GRETA considers that … should …".
    Considers,
    /// "GRETA invites …".
    Invites,
}

impl Strength {
    pub const ALL: [Strength; 3] = [Strength::Urges, Strength::Considers, Strength::Invites];

    pub fn as_str(self) -> &'static str {
        match self {
            Strength::Urges => "urges",
            Strength::Considers => "considers",
            Strength::Invites => "invites",
        }
    }

    pub fn parse(s: &str) -> Option<Strength> {
        Strength::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Who may see a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Access {
    #[default]
    Public,
    /// Visible only to requests that carry a reader or admin token.
    Restricted,
}

impl Access {
    pub fn as_str(self) -> &'static str {
        match self {
            Access::Public => "public",
            Access::Restricted => "restricted",
        }
    }
}

/// Whether a document is about a real decision or is illustrative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Provenance {
    /// A real decision or recommendation, accurately quoted or summarised.
    Real,
    /// Illustrative and invented; always shown as such.
    Sample,
}

impl Provenance {
    pub const ALL: [Provenance; 2] = [Provenance::Real, Provenance::Sample];

    pub fn as_str(self) -> &'static str {
        match self {
            Provenance::Real => "real",
            Provenance::Sample => "sample",
        }
    }

    pub fn parse(s: &str) -> Option<Provenance> {
        match s {
            "real" => Some(Provenance::Real),
            "sample" => Some(Provenance::Sample),
            _ => None,
        }
    }
}

/// Whether a public document may contain personal data (see `privacy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum PersonalData {
    /// Someone checked the document and its identifiers may be published (e.g. a court's own
    /// contact details); the personal data guard lets it through.
    Allowed,
}

/// The articles of the Council of Europe Convention on Action against Trafficking in Human
/// Beings (CETS No. 197).
pub const CONVENTION_ARTICLES: std::ops::RangeInclusive<u16> = 1..=47;

/// GRETA's evaluation rounds so far are numbered 1 to this.
pub const MAX_GRETA_ROUND: u8 = 5;

/// GRETA metadata of a recommendation or report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Greta {
    /// Evaluation round (1–5).
    pub round: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strength: Option<Strength>,
    /// Articles of the Convention (CETS No. 197) the recommendation concerns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub articles: Vec<u16>,
    /// Paragraph of the report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<String>,
}

/// HUDOC's importance levels: 1 (key case) to 4 (low importance).
pub const ECHR_IMPORTANCE: std::ops::RangeInclusive<u8> = 1..=4;

/// European Court of Human Rights metadata of a judgment or decision, as HUDOC publishes it.
/// Kept with the document (stored and returned by `GET /api/documents/{id}`), not a facet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Echr {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formation: Option<Formation>,
    /// HUDOC's importance level, 1 (key case) to 4.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub importance: Option<u8>,
    /// Every application number of the case (`application_number` holds the first).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub application_numbers: Vec<String>,
    /// Provisions of the Convention and its Protocols the case concerns, as HUDOC writes them
    /// (`4`, `5-1-f`, `14+8-1`, `P1-1`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub articles: Vec<String>,
    /// Provisions the Court found violated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub violation: Vec<String>,
    /// Provisions the Court found not violated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nonviolation: Vec<String>,
    /// The Court's conclusion as HUDOC summarises it (`Violation of Art. 4;No violation of …`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conclusion: Option<String>,
}

/// A calendar date (the interchange format writes it `YYYY-MM-DD`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`, checking the day exists in that month (leap years included).
    pub fn parse(s: &str) -> Result<Date, String> {
        let bytes = s.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shape_ok {
            return Err(format!("`{s}` is not a date of the form YYYY-MM-DD"));
        }
        let year: u16 = s[0..4].parse().map_err(|_| format!("`{s}`: bad year"))?;
        let month: u8 = s[5..7].parse().map_err(|_| format!("`{s}`: bad month"))?;
        let day: u8 = s[8..10].parse().map_err(|_| format!("`{s}`: bad day"))?;
        if !(1800..=2100).contains(&year) {
            return Err(format!("`{s}`: year {year} is outside 1800–2100"));
        }
        if !(1..=12).contains(&month) {
            return Err(format!("`{s}`: there is no month {month}"));
        }
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        if day == 0 || day > days {
            return Err(format!("`{s}`: {year}-{month:02} has no day {day}"));
        }
        Ok(Date { year, month, day })
    }

    /// `YYYYMMDD` as a number: sorts like the date.
    pub fn sort_key(self) -> u64 {
        self.year as u64 * 10_000 + self.month as u64 * 100 + self.day as u64
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        Date::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// A validated document. Serialises to the interchange format (with `country` always a list and
/// `language` filled in, declared or detected).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Document {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub text: String,
    pub country: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub court: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The themes the document declares.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<String>,
    /// Set at ingest for a document that declares no themes: the themes of the thesaurus's
    /// concepts its text names (`domain::thesaurus::Thesaurus::infer_themes`). Ignored on
    /// input, where it is recomputed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes_inferred: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ecli: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub greta: Option<Greta>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub echr: Option<Echr>,
    #[serde(default)]
    pub access: Access,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
    /// `allowed`: the personal data guard does not check this document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personal_data: Option<PersonalData>,
    /// Ids of the same text in other languages (see `versions`): for language versions an
    /// application number does not already tie together.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub versions: Vec<String>,
    /// The case structure of a judgment or decision (see `case`): how the court decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    /// The sectors the victims were exploited in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sector: Vec<Sector>,
    /// The victims, described and never named.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub victims: Vec<Person>,
    /// The defendants, described and never named.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub defendants: Vec<Person>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub charges: Vec<Charge>,
    /// Ids of the other decisions of the same case (first instance, appeal, supreme or
    /// constitutional court); the chain is resolved both ways (`search::proceedings`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub proceedings: Vec<String>,
}

/// `country` may be one code or a list of codes.
#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// The record exactly as written, before semantic checks. Field types are checked by serde
/// (through `serde_path_to_error`, so the message names the field).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDocument {
    id: String,
    kind: String,
    title: String,
    text: String,
    country: OneOrMany,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    court: Option<String>,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    themes: Option<Vec<String>>,
    /// What an export of an indexed document holds: read and dropped, the index infers again.
    #[serde(default, rename = "themes_inferred")]
    _themes_inferred: Option<serde::de::IgnoredAny>,
    #[serde(default)]
    summary: Option<String>,
    #[serde(default)]
    ecli: Option<String>,
    #[serde(default)]
    application_number: Option<String>,
    #[serde(default)]
    source_url: Option<String>,
    #[serde(default)]
    greta: Option<Greta>,
    #[serde(default)]
    echr: Option<Echr>,
    #[serde(default)]
    access: Option<Access>,
    #[serde(default)]
    provenance: Option<Provenance>,
    #[serde(default)]
    personal_data: Option<PersonalData>,
    #[serde(default)]
    versions: Option<Vec<String>>,
    #[serde(default)]
    verdict: Option<String>,
    #[serde(default)]
    sector: Option<Vec<String>>,
    #[serde(default)]
    victims: Option<Vec<serde_json::Value>>,
    #[serde(default)]
    defendants: Option<Vec<serde_json::Value>>,
    #[serde(default)]
    charges: Option<Vec<serde_json::Value>>,
    #[serde(default)]
    proceedings: Option<Vec<String>>,
}

/// Fields of the interchange format, for messages about unknown or missing fields.
pub const FIELDS: &[&str] = &[
    "id",
    "kind",
    "title",
    "text",
    "country",
    "date",
    "court",
    "language",
    "themes",
    "themes_inferred",
    "summary",
    "ecli",
    "application_number",
    "source_url",
    "greta",
    "echr",
    "access",
    "provenance",
    "personal_data",
    "versions",
    "verdict",
    "sector",
    "victims",
    "defendants",
    "charges",
    "proceedings",
];

impl Document {
    /// Validates one record. Every error names the field at fault.
    pub fn from_json(value: serde_json::Value) -> Result<Document, RecordError> {
        let serde_json::Value::Object(map) = value else {
            return Err(RecordError::record(format!(
                "a document must be a JSON object, found {}",
                json_type_name(&value)
            )));
        };
        if let Some(depth) = (json_depth(&map) > MAX_JSON_DEPTH).then_some(MAX_JSON_DEPTH) {
            return Err(RecordError::record(format!(
                "nested deeper than {depth} levels; documents are flat records"
            )));
        }
        for required in ["id", "kind", "title", "text", "country"] {
            if !map.contains_key(required) {
                return Err(RecordError::field(required, "missing (required)"));
            }
        }
        if let Some(unknown) = map.keys().find(|k| !FIELDS.contains(&k.as_str())) {
            let hint = FIELDS
                .iter()
                .map(|f| (strsim::jaro_winkler(unknown, f), *f))
                .filter(|(score, _)| *score > 0.8)
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, f)| format!("; did you mean `{f}`?"))
                .unwrap_or_default();
            return Err(
                RecordError::field(unknown.clone(), format!("unknown field{hint}"))
                    .because(Reason::UnknownField),
            );
        }
        let raw: RawDocument = serde_path_to_error::deserialize(serde_json::Value::Object(map))
            .map_err(|e| {
                let path = e.path().to_string();
                let message = e.inner().to_string();
                RecordError::field(if path == "." { "record".into() } else { path }, message)
            })?;
        Document::validate(raw)
    }

    fn validate(raw: RawDocument) -> Result<Document, RecordError> {
        let id = validate_id(&raw.id)?;
        let kind = Kind::parse(&raw.kind).ok_or_else(|| {
            RecordError::field(
                "kind",
                format!(
                    "unknown kind `{}`; expected one of judgment, decision, recommendation, report, legislation",
                    raw.kind
                ),
            )
        })?;
        check_short("title", Some(&raw.title))?;
        for (field, value) in [
            ("court", &raw.court),
            ("ecli", &raw.ecli),
            ("application_number", &raw.application_number),
            ("source_url", &raw.source_url),
        ] {
            check_short(field, value.as_ref())?;
        }
        check_list_length("themes", raw.themes.as_ref().map_or(0, Vec::len))?;
        let versions = validate_versions(&id, raw.versions.unwrap_or_default())?;
        let case = case::validate(
            &id,
            RawCase {
                verdict: raw.verdict,
                sector: raw.sector,
                victims: raw.victims,
                defendants: raw.defendants,
                charges: raw.charges,
                proceedings: raw.proceedings,
            },
            matches!(kind, Kind::Judgment | Kind::Decision),
        )?;
        if let OneOrMany::Many(codes) = &raw.country {
            check_list_length("country", codes.len())?;
        }
        if let Some(greta) = &raw.greta {
            check_list_length("greta.articles", greta.articles.len())?;
            check_short("greta.paragraph", greta.paragraph.as_ref())?;
        }
        let title = non_empty("title", clean_text(&raw.title))?;
        let text = clean_text(&raw.text);
        if text.len() > MAX_DOCUMENT_BYTES {
            return Err(RecordError::field(
                "text",
                format!(
                    "{} bytes; the largest accepted document is {} bytes",
                    text.len(),
                    MAX_DOCUMENT_BYTES
                ),
            ));
        }
        let text = non_empty("text", text)?;
        let country = validate_countries(raw.country, kind)?;
        let date = raw
            .date
            .map(|d| Date::parse(&d).map_err(|e| RecordError::field("date", e)))
            .transpose()?;
        let language = raw
            .language
            .map(|l| normalize_language_tag(&l).map_err(|e| RecordError::field("language", e)))
            .transpose()?;
        let themes = validate_themes(raw.themes.unwrap_or_default())?;
        if let Some(url) = &raw.source_url {
            if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
                return Err(RecordError::field(
                    "source_url",
                    "contains a space or a control character; a URL has neither",
                ));
            }
            if !(url.starts_with("https://") || url.starts_with("http://")) {
                return Err(RecordError::field(
                    "source_url",
                    format!("`{url}` is not an http(s) URL"),
                ));
            }
        }
        if let Some(greta) = &raw.greta {
            validate_greta(greta)?;
        }
        if let Some(echr) = &raw.echr {
            validate_echr(echr)?;
        }
        let optional = |field: &str, v: Option<String>| -> Result<Option<String>, RecordError> {
            match v.map(|s| clean_text(&s)) {
                Some(s) if s.trim().is_empty() => Err(RecordError::field(
                    field,
                    "empty; leave the field out instead",
                )),
                other => Ok(other.map(|s| s.trim().to_string())),
            }
        };
        Ok(Document {
            id,
            kind,
            title,
            text,
            country,
            date,
            court: optional("court", raw.court)?,
            language,
            themes,
            themes_inferred: Vec::new(),
            summary: optional("summary", raw.summary)?,
            ecli: optional("ecli", raw.ecli)?,
            application_number: optional("application_number", raw.application_number)?,
            source_url: raw.source_url,
            greta: raw.greta,
            echr: raw.echr,
            access: raw.access.unwrap_or_default(),
            provenance: raw.provenance,
            personal_data: raw.personal_data,
            versions,
            verdict: case.verdict,
            sector: case.sector,
            victims: case.victims,
            defendants: case.defendants,
            charges: case.charges,
            proceedings: case.proceedings,
        })
    }

    /// A copy without the text (which can be megabytes): what the index stores beside it.
    pub fn without_text(&self) -> Document {
        let text = String::new();
        Document {
            id: self.id.clone(),
            kind: self.kind,
            title: self.title.clone(),
            text,
            country: self.country.clone(),
            date: self.date,
            court: self.court.clone(),
            language: self.language.clone(),
            themes: self.themes.clone(),
            themes_inferred: self.themes_inferred.clone(),
            summary: self.summary.clone(),
            ecli: self.ecli.clone(),
            application_number: self.application_number.clone(),
            source_url: self.source_url.clone(),
            greta: self.greta.clone(),
            echr: self.echr.clone(),
            access: self.access,
            provenance: self.provenance,
            personal_data: self.personal_data,
            versions: self.versions.clone(),
            verdict: self.verdict,
            sector: self.sector.clone(),
            victims: self.victims.clone(),
            defendants: self.defendants.clone(),
            charges: self.charges.clone(),
            proceedings: self.proceedings.clone(),
        }
    }

    /// The year of the document's date, if it has one.
    pub fn year(&self) -> Option<u16> {
        self.date.map(|d| d.year)
    }
}

fn json_type_name(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

fn json_depth(map: &serde_json::Map<String, serde_json::Value>) -> usize {
    fn depth(v: &serde_json::Value) -> usize {
        match v {
            serde_json::Value::Array(a) => 1 + a.iter().map(depth).max().unwrap_or(0),
            serde_json::Value::Object(o) => 1 + o.values().map(depth).max().unwrap_or(0),
            _ => 0,
        }
    }
    1 + map.values().map(depth).max().unwrap_or(0)
}

/// A list longer than [`MAX_LIST_ITEMS`] is refused before any of its entries is looked at: a
/// hundred thousand themes would otherwise each be checked and stored.
fn check_list_length(field: &str, len: usize) -> Result<(), RecordError> {
    if len > MAX_LIST_ITEMS {
        return Err(RecordError::field(
            field,
            format!("{len} entries; a list holds at most {MAX_LIST_ITEMS}"),
        ));
    }
    Ok(())
}

/// Short metadata (a title, a court, an identifier) over [`MAX_SHORT_FIELD_BYTES`] is a
/// pasted text in the wrong field.
fn check_short(field: &str, value: Option<&String>) -> Result<(), RecordError> {
    match value {
        Some(v) if v.len() > MAX_SHORT_FIELD_BYTES => Err(RecordError::field(
            field,
            format!(
                "{} bytes; this field holds at most {MAX_SHORT_FIELD_BYTES} bytes",
                v.len()
            ),
        )),
        _ => Ok(()),
    }
}

fn non_empty(field: &str, value: String) -> Result<String, RecordError> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        Err(RecordError::field(field, "empty (required)"))
    } else {
        Ok(trimmed.to_string())
    }
}

/// Each listed version is an id (checked as `id` is), neither the document's own nor listed
/// twice.
fn validate_versions(own: &str, versions: Vec<String>) -> Result<Vec<String>, RecordError> {
    check_list_length("versions", versions.len())?;
    let mut out: Vec<String> = Vec::with_capacity(versions.len());
    for (i, version) in versions.iter().enumerate() {
        let field = format!("versions[{i}]");
        let id = validate_id(version).map_err(|e| RecordError::field(&field, e.message))?;
        if id == own {
            return Err(RecordError::field(
                field,
                format!("`{id}` is this document's own id; list the other languages' ids"),
            ));
        }
        if out.contains(&id) {
            return Err(RecordError::field(field, format!("`{id}` is listed twice")));
        }
        out.push(id);
    }
    Ok(out)
}

/// A report may concern no one state (GRETA's General Reports on its activities cover every
/// Party), so its list may be empty; every judgment, decision, recommendation and law belongs to
/// a state.
fn validate_countries(value: OneOrMany, kind: Kind) -> Result<Vec<String>, RecordError> {
    let codes = match value {
        OneOrMany::One(code) => vec![code],
        OneOrMany::Many(codes) => codes,
    };
    if codes.is_empty() && kind != Kind::Report {
        return Err(RecordError::field(
            "country",
            format!(
                "empty list (required for a {}; only a report may concern no one state)",
                kind.as_str()
            ),
        ));
    }
    let mut out: Vec<String> = Vec::with_capacity(codes.len());
    for (i, code) in codes.iter().enumerate() {
        let field = if codes.len() == 1 {
            "country".to_string()
        } else {
            format!("country[{i}]")
        };
        let upper = code.trim().to_ascii_uppercase();
        if countries::lookup(&upper).is_none() {
            let hint = if upper == "KS" || upper == "KV" || upper == "KOS" {
                "; Kosovo* is `XK`"
            } else if upper == "UK" {
                "; the United Kingdom is `GB`"
            } else {
                ""
            };
            return Err(RecordError::field(
                field,
                format!("unknown country code `{code}`; expected ISO 3166-1 alpha-2 (`XK` for Kosovo*){hint}"),
            ));
        }
        if !out.contains(&upper) {
            out.push(upper);
        }
    }
    Ok(out)
}

fn validate_themes(themes: Vec<String>) -> Result<Vec<String>, RecordError> {
    let mut out: Vec<String> = Vec::with_capacity(themes.len());
    for (i, theme) in themes.into_iter().enumerate() {
        let path = theme.trim().trim_matches('/').to_ascii_lowercase();
        if !taxonomy::contains(&path) {
            let nearest = taxonomy::nearest(&path, 3).join(", ");
            return Err(RecordError::field(
                format!("themes[{i}]"),
                format!("unknown theme `{theme}`; nearest valid: {nearest}"),
            ));
        }
        if !out.contains(&path) {
            out.push(path);
        }
    }
    Ok(out)
}

fn validate_greta(greta: &Greta) -> Result<(), RecordError> {
    if !(1..=MAX_GRETA_ROUND).contains(&greta.round) {
        return Err(RecordError::field(
            "greta.round",
            format!("{} is not a GRETA evaluation round (1–5)", greta.round),
        ));
    }
    if greta
        .paragraph
        .as_deref()
        .is_some_and(|p| p.chars().any(char::is_control))
    {
        return Err(RecordError::field(
            "greta.paragraph",
            "contains a control character",
        ));
    }
    if let Some(article) = greta
        .articles
        .iter()
        .find(|a| !CONVENTION_ARTICLES.contains(*a))
    {
        return Err(RecordError::field(
            "greta.articles",
            format!("article {article} does not exist; the Convention has articles 1–47"),
        ));
    }
    Ok(())
}

/// A Convention provision as HUDOC writes it: digits, `P` (Protocol), `+` (taken with) and
/// `-` (paragraph), and a letter for a sub-paragraph (`5-1-f`).
fn is_echr_provision(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 32
        && s.chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c == 'P')
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '-')
}

fn validate_echr(echr: &Echr) -> Result<(), RecordError> {
    if let Some(importance) = echr.importance {
        if !ECHR_IMPORTANCE.contains(&importance) {
            return Err(RecordError::field(
                "echr.importance",
                format!("{importance} is not a HUDOC importance level (1–4)"),
            ));
        }
    }
    for (field, list) in [
        ("echr.application_numbers", &echr.application_numbers),
        ("echr.articles", &echr.articles),
        ("echr.violation", &echr.violation),
        ("echr.nonviolation", &echr.nonviolation),
    ] {
        check_list_length(field, list.len())?;
        for (i, value) in list.iter().enumerate() {
            let field = format!("{field}[{i}]");
            check_short(&field, Some(value))?;
            if value.trim().is_empty() || value.chars().any(char::is_control) {
                return Err(RecordError::field(
                    field,
                    "empty or holds a control character",
                ));
            }
        }
    }
    for (i, provision) in echr
        .articles
        .iter()
        .chain(&echr.violation)
        .chain(&echr.nonviolation)
        .enumerate()
    {
        if !is_echr_provision(provision) {
            let (field, at) = if i < echr.articles.len() {
                ("echr.articles", i)
            } else if i < echr.articles.len() + echr.violation.len() {
                ("echr.violation", i - echr.articles.len())
            } else {
                (
                    "echr.nonviolation",
                    i - echr.articles.len() - echr.violation.len(),
                )
            };
            return Err(RecordError::field(
                format!("{field}[{at}]"),
                format!("`{provision}` is not a Convention provision as HUDOC writes it (e.g. `4`, `5-1-f`, `14+8-1`, `P1-1`)"),
            ));
        }
    }
    if let Some(conclusion) = &echr.conclusion {
        if conclusion.len() > MAX_CONCLUSION_BYTES {
            return Err(RecordError::field(
                "echr.conclusion",
                format!(
                    "{} bytes; a conclusion holds at most {MAX_CONCLUSION_BYTES} bytes",
                    conclusion.len()
                ),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn minimal() -> serde_json::Value {
        json!({
            "id": "rs:sample:k-1-2020",
            "kind": "judgment",
            "title": "Виши суд у Београду, К 1/2020",
            "text": "Оптужени је оглашен кривим за кривично дело трговина људима.",
            "country": "RS"
        })
    }

    fn with(field: &str, value: serde_json::Value) -> serde_json::Value {
        let mut v = minimal();
        v[field] = value;
        v
    }

    fn error_of(v: serde_json::Value) -> RecordError {
        Document::from_json(v).expect_err("record should be rejected")
    }

    #[test]
    fn a_minimal_record_is_accepted_with_country_as_a_list() {
        let d = Document::from_json(minimal()).unwrap();
        assert_eq!(d.country, vec!["RS"]);
        assert_eq!(d.access, Access::Public);
        let out = serde_json::to_value(&d).unwrap();
        assert_eq!(out["country"], json!(["RS"]));
    }

    #[test]
    fn several_respondent_states_are_kept_in_order() {
        let d = Document::from_json(with("country", json!(["CY", "RU"]))).unwrap();
        assert_eq!(d.country, vec!["CY", "RU"]);
    }

    #[test]
    fn a_misspelt_field_is_rejected_by_name_with_a_hint() {
        let mut v = minimal();
        let country = v.as_object_mut().unwrap().remove("country").unwrap();
        v["contry"] = country;
        // `country` is missing first; add it back to see the unknown-field error itself.
        assert_eq!(error_of(v.clone()).field.as_deref(), Some("country"));
        v["country"] = json!("RS");
        let e = error_of(v);
        assert_eq!(e.field.as_deref(), Some("contry"));
        assert!(e.message.contains("did you mean `country`"), "{e}");
    }

    #[test]
    fn each_bad_field_is_named() {
        let cases = [
            ("text", json!("   "), "text", "empty"),
            ("kind", json!("verdict"), "kind", "unknown kind `verdict`"),
            (
                "country",
                json!("YU"),
                "country",
                "unknown country code `YU`",
            ),
            ("country", json!("KS"), "country", "`XK`"),
            ("date", json!("2020-02-30"), "date", "has no day 30"),
            ("date", json!("30.01.2020"), "date", "YYYY-MM-DD"),
            ("id", json!("a b"), "id", "not allowed"),
            ("title", json!(5), "title", "invalid type: integer"),
            (
                "themes",
                json!(["exploitation/labor"]),
                "themes[0]",
                "exploitation/labour",
            ),
            ("language", json!("serbian"), "language", "BCP 47"),
            ("access", json!("secret"), "access", "unknown variant"),
            ("greta", json!({"round": 9}), "greta.round", "1–5"),
            (
                "greta",
                json!({"round": 2, "strength": "demands"}),
                "greta.strength",
                "unknown variant",
            ),
            ("source_url", json!("ftp://x"), "source_url", "http"),
            (
                "source_url",
                json!("https://x/\u{0}y"),
                "source_url",
                "control character",
            ),
            (
                "greta",
                json!({"round": 2, "paragraph": "12\u{0}"}),
                "greta.paragraph",
                "control character",
            ),
            ("echr", json!({"importance": 5}), "echr.importance", "1–4"),
            (
                "echr",
                json!({"articles": ["4", "Art 4"]}),
                "echr.articles[1]",
                "not a Convention provision",
            ),
            (
                "echr",
                json!({"violation": ["4"], "nonviolation": ["x"]}),
                "echr.nonviolation[0]",
                "not a Convention provision",
            ),
            (
                "echr",
                json!({"formation": "plenary"}),
                "echr.formation",
                "unknown variant",
            ),
            (
                "personal_data",
                json!("yes"),
                "personal_data",
                "expected `allowed`",
            ),
            (
                "versions",
                json!("rs:x"),
                "versions",
                "invalid type: string",
            ),
            (
                "versions",
                json!(["rs:x", "a b"]),
                "versions[1]",
                "not allowed",
            ),
            (
                "versions",
                json!(["rs:sample:k-1-2020"]),
                "versions[0]",
                "own id",
            ),
            (
                "versions",
                json!(["rs:x", "rs:x"]),
                "versions[1]",
                "listed twice",
            ),
            (
                "verdict",
                json!("guilty"),
                "verdict",
                "`guilty`: expected conviction, acquittal, partial, violation, no-violation or inadmissible",
            ),
            ("sector", json!(["mining"]), "sector[0]", "expected agriculture"),
            (
                "victims",
                json!([{"gender": "female"}, {"name": "J.S."}]),
                "victims[1].name",
                "described, never named",
            ),
            (
                "defendants",
                json!([{"first_name": "M."}]),
                "defendants[0].first_name",
                "never named",
            ),
            (
                "victims",
                json!([{"nationality": "YU"}]),
                "victims[0].nationality",
                "unknown country code `YU`",
            ),
            (
                "victims",
                json!([{"gender": "f"}]),
                "victims[0].gender",
                "expected female, male or other",
            ),
            (
                "victims",
                json!([{"minor": "yes"}]),
                "victims[0].minor",
                "expected true or false",
            ),
            (
                "victims",
                json!([{"age": 17}]),
                "victims[0].age",
                "unknown field; expected gender, nationality, minor",
            ),
            ("defendants", json!(["M.P."]), "defendants[0]", "expected an object"),
            (
                "charges",
                json!([{"provision": "/RS/CC/388", "outcome": "guilty"}]),
                "charges[0].outcome",
                "expected conviction, acquittal or dismissed",
            ),
            (
                "charges",
                json!([{"provision": "/FR/CC/1"}]),
                "charges[0].provision",
                "not a trafficking provision",
            ),
            (
                "charges",
                json!([{"outcome": "conviction"}]),
                "charges[0]",
                "names its `provision` or its `offence`",
            ),
            (
                "proceedings",
                json!(["rs:sample:k-1-2020"]),
                "proceedings[0]",
                "own id",
            ),
            (
                "proceedings",
                json!(["rs:a", "a b"]),
                "proceedings[1]",
                "not allowed",
            ),
        ];
        for (field, value, expected_field, expected_message) in cases {
            let e = error_of(with(field, value.clone()));
            assert_eq!(
                e.field.as_deref(),
                Some(expected_field),
                "{field}={value}: {e}"
            );
            assert!(e.message.contains(expected_message), "{field}={value}: {e}");
        }
    }

    #[test]
    fn personal_data_allowed_is_kept_and_absent_is_not_written() {
        let d = Document::from_json(with("personal_data", json!("allowed"))).unwrap();
        assert_eq!(d.personal_data, Some(PersonalData::Allowed));
        assert_eq!(
            serde_json::to_value(&d).unwrap()["personal_data"],
            json!("allowed")
        );
        let d = Document::from_json(minimal()).unwrap();
        assert!(serde_json::to_value(&d)
            .unwrap()
            .get("personal_data")
            .is_none());
    }

    #[test]
    fn echr_metadata_is_kept_and_written_back() {
        let echr = json!({
            "formation": "grand-chamber",
            "importance": 1,
            "application_numbers": ["8675/15", "8697/15"],
            "articles": ["4", "5-1-f", "14+8-1", "P1-1"],
            "violation": ["4"],
            "conclusion": "Violation of Article 4"
        });
        let d = Document::from_json(with("echr", echr.clone())).unwrap();
        let kept = d.echr.as_ref().unwrap();
        assert_eq!(kept.formation, Some(Formation::GrandChamber));
        assert_eq!(kept.formation.unwrap().name(), "Grand Chamber");
        assert_eq!(serde_json::to_value(&d).unwrap()["echr"], echr);
    }

    #[test]
    fn the_case_structure_is_kept_and_written_back() {
        let mut record = minimal();
        let case = json!({
            "verdict": "conviction",
            "sector": ["sex-industry", "hospitality"],
            "victims": [{"gender": "female", "nationality": "RS", "minor": false}],
            "defendants": [{"gender": "male"}],
            "charges": [{"provision": "/RS/CC/388", "outcome": "conviction", "sentence": "six years' imprisonment"}],
            "proceedings": ["rs:sample:kzh1-1-2021"],
        });
        for (field, value) in case.as_object().unwrap() {
            record[field] = value.clone();
        }
        let d = Document::from_json(record).unwrap();
        assert_eq!(d.verdict, Some(Verdict::Conviction));
        assert_eq!(d.sector, [Sector::SexIndustry, Sector::Hospitality]);
        let written = serde_json::to_value(&d).unwrap();
        for (field, value) in case.as_object().unwrap() {
            assert_eq!(&written[field], value, "{field}");
        }
        assert_eq!(Document::from_json(written).unwrap(), d);
        let plain = serde_json::to_value(Document::from_json(minimal()).unwrap()).unwrap();
        assert!(plain.get("verdict").is_none() && plain.get("victims").is_none());
    }

    #[test]
    fn only_judgments_and_decisions_have_a_case_structure() {
        let mut record = with("verdict", json!("conviction"));
        record["kind"] = json!("recommendation");
        let e = error_of(record);
        assert_eq!(e.field.as_deref(), Some("verdict"));
        assert!(e.message.contains("judgment or a decision"), "{e}");
    }

    #[test]
    fn versions_are_kept_and_written_back_only_when_given() {
        let d = Document::from_json(with("versions", json!(["rs:sample:k-1-2020:en"]))).unwrap();
        assert_eq!(d.versions, ["rs:sample:k-1-2020:en"]);
        assert_eq!(
            serde_json::to_value(&d).unwrap()["versions"],
            json!(["rs:sample:k-1-2020:en"])
        );
        let d = Document::from_json(minimal()).unwrap();
        assert!(serde_json::to_value(&d).unwrap().get("versions").is_none());
    }

    #[test]
    fn a_long_id_is_rejected_with_its_length() {
        let e = error_of(with("id", json!("a".repeat(201))));
        assert!(e.message.contains("201 characters"), "{e}");
        assert!(Document::from_json(with("id", json!("a".repeat(200)))).is_ok());
    }

    #[test]
    fn language_tags_are_canonicalised() {
        assert_eq!(normalize_language_tag("sr-cyrl").unwrap(), "sr-Cyrl");
        assert_eq!(normalize_language_tag("SR_latn_rs").unwrap(), "sr-Latn-RS");
        assert_eq!(normalize_language_tag("cnr").unwrap(), "cnr");
        assert!(normalize_language_tag("s").is_err());
    }

    #[test]
    fn leap_days_follow_the_calendar() {
        assert!(Date::parse("2020-02-29").is_ok());
        assert!(Date::parse("2021-02-29").is_err());
        assert!(Date::parse("2000-02-29").is_ok());
        assert!(Date::parse("1900-02-29").is_err());
        assert_eq!(Date::parse("2010-01-07").unwrap().sort_key(), 20100107);
    }

    #[test]
    fn non_objects_and_deep_nesting_are_rejected() {
        assert!(error_of(json!([1, 2])).message.contains("an array"));
        let mut deep = json!(1);
        for _ in 0..40 {
            deep = json!([deep]);
        }
        assert!(error_of(with("summary", deep))
            .message
            .contains("nested deeper"));
    }
}
