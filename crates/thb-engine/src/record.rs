//! A record's faults: the error that names the field at fault ([`RecordError`]) and its kind
//! ([`Reason`]), how a value outside a closed list is told what the list holds
//! ([`expected`]), and the rule every id follows ([`validate_id`]). Shared by the document
//! model and the case structure, which validate a record's fields; it depends on neither.

use serde::Serialize;

use crate::limits::MAX_ID_CHARS;

/// Why one record was rejected: the field at fault (when there is one) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{message}", field.as_deref().map(|f| format!("{f}: ")).unwrap_or_default())]
pub struct RecordError {
    /// The field path, e.g. `country`, `greta.strength`, `themes[2]`.
    pub field: Option<String>,
    /// What is wrong, in a sentence a user can act on.
    pub message: String,
    /// The kind of fault, for counting (`/metrics`) and for programs reading the write API.
    pub reason: Reason,
}

/// The kinds of fault a record can have: few and fixed, so that they can label a metric.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Reason {
    /// The record as a whole: not JSON, not an object, too large, too deep, not UTF-8.
    Record,
    /// A field the format does not have (a typo such as `contry`).
    UnknownField,
    /// A field missing or with a wrong value.
    InvalidField,
    /// The personal data guard found a likely identifier in a public document.
    PersonalData,
}

impl Reason {
    pub const ALL: [Reason; 4] = [
        Reason::Record,
        Reason::UnknownField,
        Reason::InvalidField,
        Reason::PersonalData,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Record => "record",
            Reason::UnknownField => "unknown_field",
            Reason::InvalidField => "invalid_field",
            Reason::PersonalData => "personal_data",
        }
    }
}

impl RecordError {
    pub fn field(field: impl Into<String>, message: impl Into<String>) -> Self {
        RecordError {
            field: Some(field.into()),
            message: message.into(),
            reason: Reason::InvalidField,
        }
    }

    /// The same error, of another kind.
    pub fn because(self, reason: Reason) -> Self {
        RecordError { reason, ..self }
    }

    pub fn record(message: impl Into<String>) -> Self {
        RecordError {
            field: None,
            message: message.into(),
            reason: Reason::Record,
        }
    }
}

/// What a value not among `words` is told: "`verdict`: expected judgment, …, report or
/// legislation".
pub fn expected<const N: usize>(value: &str, words: [&str; N]) -> String {
    match words.split_last() {
        Some((last, [])) => format!("`{value}`: expected {last}"),
        Some((last, rest)) => format!("`{value}`: expected {} or {last}", rest.join(", ")),
        None => format!("`{value}`: expected nothing"),
    }
}

/// Checks an id: 1–200 characters of `A-Za-z0-9._:/-`.
pub fn validate_id(id: &str) -> Result<String, RecordError> {
    if id.is_empty() {
        return Err(RecordError::field("id", "empty (required)"));
    }
    let chars = id.chars().count();
    if chars > MAX_ID_CHARS {
        return Err(RecordError::field(
            "id",
            format!("{chars} characters; an id has at most {MAX_ID_CHARS}"),
        ));
    }
    if let Some(bad) = id
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | ':' | '/' | '-')))
    {
        return Err(RecordError::field(
            "id",
            format!("character {bad:?} is not allowed; ids use only A-Z a-z 0-9 . _ : / -"),
        ));
    }
    Ok(id.to_string())
}
