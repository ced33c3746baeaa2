//! The structure of a case, as UNODC's SHERLOC case briefs record it: the verdict, the sector
//! of exploitation, the victims and the defendants (described, never named), the charges with
//! their outcome and sentence, and the other decisions of the same case (`proceedings`).
//!
//! Every field is optional and belongs to judgments and decisions only. Values are closed
//! lists with stable kebab-case spellings (they are URL values of the facets, see
//! `vocabulary`); a value outside a list is refused with the list (`vocabulary::expected`),
//! naming the field (`victims[1].gender`). A person is a gender, a nationality and whether a
//! minor: a `name` (or any other key) is refused, as the database describes victims and never
//! names them.
//!
//! This module checks and holds the fields; `document` reads them from a record, the index
//! makes facets of them (`vocabulary::DIMENSIONS`), and `search::proceedings` resolves the
//! chain of decisions.

use serde::{Deserialize, Serialize};

use crate::domain::citations::provisions;
use crate::domain::countries;
use crate::limits::{MAX_LIST_ITEMS, MAX_SHORT_FIELD_BYTES};
use crate::record::{expected, validate_id, Reason, RecordError};

/// Declares a closed list of kebab-case values: the enum, `ALL`, `as_str` and `parse`.
macro_rules! closed_list {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "kebab-case")]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            pub const ALL: [$name; [$($text),+].len()] = [$($name::$variant),+];

            /// Its spelling in the interchange format and in URLs.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            pub fn parse(s: &str) -> Option<$name> {
                $name::ALL.into_iter().find(|v| v.as_str() == s)
            }

            /// The value `s` names, or the sentence saying which values there are.
            pub fn checked(s: &str) -> Result<$name, String> {
                $name::parse(s).ok_or_else(|| expected(s, $name::ALL.map($name::as_str)))
            }
        }
    };
}

closed_list! {
    /// How the court decided the case: a criminal court's verdict, or the European Court of
    /// Human Rights' conclusion.
    Verdict {
        /// Every defendant convicted (of trafficking or of another offence charged).
        Conviction => "conviction",
        /// Every defendant acquitted.
        Acquittal => "acquittal",
        /// Some defendants or some charges convicted, others acquitted or dismissed.
        Partial => "partial",
        /// The Court found a violation of the Convention.
        Violation => "violation",
        /// The Court found no violation.
        NoViolation => "no-violation",
        /// The application was declared inadmissible.
        Inadmissible => "inadmissible",
    }
}

closed_list! {
    /// The sector in which the victims were exploited.
    Sector {
        Agriculture => "agriculture",
        Construction => "construction",
        /// Hotels, restaurants, bars and cafés.
        Hospitality => "hospitality",
        /// Cabarets, nightclubs and other entertainment venues.
        Entertainment => "entertainment",
        DomesticWork => "domestic-work",
        SexIndustry => "sex-industry",
        Begging => "begging",
        Fishing => "fishing",
        Manufacturing => "manufacturing",
        /// Forced criminality: theft, drug production or dealing.
        CriminalActivities => "criminal-activities",
        Other => "other",
    }
}

closed_list! {
    /// A person's gender as the decision records it.
    Gender {
        Female => "female",
        Male => "male",
        Other => "other",
    }
}

closed_list! {
    /// What became of one charge.
    Outcome {
        Conviction => "conviction",
        Acquittal => "acquittal",
        /// Dropped or rejected without a verdict on the facts.
        Dismissed => "dismissed",
    }
}

/// A victim or a defendant, described and never named: every key is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Person {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    /// ISO 3166-1 alpha-2 (`XK` for Kosovo*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nationality: Option<String>,
    /// Under eighteen at the time of the facts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minor: Option<bool>,
}

/// One charge: what it was under, what became of it, the sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Charge {
    /// A trafficking provision's path (`/RS/CC/388`, see `domain::citations`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provision: Option<String>,
    /// The offence in words, for a charge under another article (`migrant smuggling, TCK
    /// Article 79`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offence: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    /// As the decision states it (`six years' imprisonment`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence: Option<String>,
}

/// The case-structure fields of a record, as written (checked by [`validate`]).
#[derive(Debug, Default, Deserialize)]
pub(crate) struct RawCase {
    #[serde(default)]
    pub verdict: Option<String>,
    #[serde(default)]
    pub sector: Option<Vec<String>>,
    #[serde(default)]
    pub victims: Option<Vec<serde_json::Value>>,
    #[serde(default)]
    pub defendants: Option<Vec<serde_json::Value>>,
    #[serde(default)]
    pub charges: Option<Vec<serde_json::Value>>,
    #[serde(default)]
    pub proceedings: Option<Vec<String>>,
}

/// The checked case structure of a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Case {
    pub verdict: Option<Verdict>,
    pub sector: Vec<Sector>,
    pub victims: Vec<Person>,
    pub defendants: Vec<Person>,
    pub charges: Vec<Charge>,
    pub proceedings: Vec<String>,
}

/// Checks the fields of a document whose id is `own`; `applies` is false for a document that
/// is not a judgment or decision, which may hold none of them.
pub(crate) fn validate(own: &str, raw: RawCase, applies: bool) -> Result<Case, RecordError> {
    if !applies {
        let given = [
            ("verdict", raw.verdict.is_some()),
            ("sector", raw.sector.is_some()),
            ("victims", raw.victims.is_some()),
            ("defendants", raw.defendants.is_some()),
            ("charges", raw.charges.is_some()),
            ("proceedings", raw.proceedings.is_some()),
        ];
        if let Some((field, _)) = given.iter().find(|(_, given)| *given) {
            return Err(RecordError::field(
                *field,
                "only a judgment or a decision has a case structure",
            ));
        }
        return Ok(Case::default());
    }
    let verdict = raw
        .verdict
        .map(|v| Verdict::checked(&v).map_err(|e| RecordError::field("verdict", e)))
        .transpose()?;
    let sector = list("sector", raw.sector, |field, value| {
        Sector::checked(&value).map_err(|e| RecordError::field(field, e))
    })?;
    let victims = list("victims", raw.victims, person)?;
    let defendants = list("defendants", raw.defendants, person)?;
    let charges = list("charges", raw.charges, charge)?;
    let proceedings = list("proceedings", raw.proceedings, |field, id| {
        validate_id(&id).map_err(|e| RecordError::field(field, e.message))
    })?;
    for (i, id) in proceedings.iter().enumerate() {
        let field = format!("proceedings[{i}]");
        if id == own {
            return Err(RecordError::field(
                field,
                format!("`{id}` is this document's own id; list the case's other decisions"),
            ));
        }
        if proceedings[..i].contains(id) {
            return Err(RecordError::field(field, format!("`{id}` is listed twice")));
        }
    }
    let mut sectors: Vec<Sector> = Vec::with_capacity(sector.len());
    for s in sector {
        if !sectors.contains(&s) {
            sectors.push(s);
        }
    }
    Ok(Case {
        verdict,
        sector: sectors,
        victims,
        defendants,
        charges,
        proceedings,
    })
}

/// Each entry of a list checked by `check`, which is given the entry's field (`victims[2]`).
fn list<T, U>(
    field: &str,
    values: Option<Vec<T>>,
    check: impl Fn(&str, T) -> Result<U, RecordError>,
) -> Result<Vec<U>, RecordError> {
    let values = values.unwrap_or_default();
    if values.len() > MAX_LIST_ITEMS {
        return Err(RecordError::field(
            field,
            format!(
                "{} entries; a list holds at most {MAX_LIST_ITEMS}",
                values.len()
            ),
        ));
    }
    values
        .into_iter()
        .enumerate()
        .map(|(i, value)| check(&format!("{field}[{i}]"), value))
        .collect()
}

/// The keys of an object entry, each checked by `key`; anything but an object is refused.
fn object(
    field: &str,
    value: serde_json::Value,
    keys: &[&str],
    mut key: impl FnMut(&str, &str, serde_json::Value) -> Result<(), RecordError>,
) -> Result<(), RecordError> {
    let serde_json::Value::Object(map) = value else {
        return Err(RecordError::field(
            field,
            format!("expected an object with {}", keys.join(", ")),
        ));
    };
    for (name, value) in map {
        let at = format!("{field}.{name}");
        if !keys.contains(&name.as_str()) {
            return Err(RecordError::field(
                at,
                format!("unknown field; expected {}", keys.join(", ")),
            )
            .because(Reason::UnknownField));
        }
        if !value.is_null() {
            key(&at, &name, value)?;
        }
    }
    Ok(())
}

fn text(field: &str, value: serde_json::Value) -> Result<String, RecordError> {
    match value {
        serde_json::Value::String(s) if s.len() > MAX_SHORT_FIELD_BYTES => Err(RecordError::field(
            field,
            format!(
                "{} bytes; this field holds at most {MAX_SHORT_FIELD_BYTES} bytes",
                s.len()
            ),
        )),
        serde_json::Value::String(s) if s.trim().is_empty() || s.chars().any(char::is_control) => {
            Err(RecordError::field(
                field,
                "empty or holds a control character",
            ))
        }
        serde_json::Value::String(s) => Ok(s.trim().to_string()),
        other => Err(RecordError::field(
            field,
            format!("expected a string, found {other}"),
        )),
    }
}

/// Names and the like a person must not carry: refused with the reason, not as a typo.
const IDENTIFYING: [&str; 6] = [
    "name",
    "names",
    "first_name",
    "last_name",
    "surname",
    "initials",
];

fn person(field: &str, value: serde_json::Value) -> Result<Person, RecordError> {
    if let Some(key) = value
        .as_object()
        .and_then(|map| map.keys().find(|k| IDENTIFYING.contains(&k.as_str())))
    {
        return Err(RecordError::field(
            format!("{field}.{key}"),
            "victims and defendants are described, never named: give gender, nationality and minor only",
        ));
    }
    let mut out = Person::default();
    object(
        field,
        value,
        &["gender", "nationality", "minor"],
        |at, key, value| {
            match key {
                "gender" => {
                    let s = text(at, value)?;
                    out.gender = Some(Gender::checked(&s).map_err(|e| RecordError::field(at, e))?);
                }
                "nationality" => {
                    let code = text(at, value)?.to_ascii_uppercase();
                    if countries::lookup(&code).is_none() {
                        return Err(RecordError::field(
                        at,
                        format!("unknown country code `{code}`; expected ISO 3166-1 alpha-2 (`XK` for Kosovo*)"),
                    ));
                    }
                    out.nationality = Some(code);
                }
                _ => match value {
                    serde_json::Value::Bool(minor) => out.minor = Some(minor),
                    other => {
                        return Err(RecordError::field(
                            at,
                            format!("expected true or false, found {other}"),
                        ))
                    }
                },
            }
            Ok(())
        },
    )?;
    Ok(out)
}

fn charge(field: &str, value: serde_json::Value) -> Result<Charge, RecordError> {
    let mut out = Charge::default();
    let keys = ["provision", "offence", "outcome", "sentence"];
    object(field, value, &keys, |at, key, value| {
        let s = text(at, value)?;
        match key {
            "provision" => {
                out.provision = Some(provisions::normalize_path(&s).ok_or_else(|| {
                    RecordError::field(at, format!("`{s}` is not a trafficking provision's path (e.g. /RS/CC/388, /TR/CC/80); write another offence in `offence`"))
                })?);
            }
            "offence" => out.offence = Some(s),
            "outcome" => {
                out.outcome = Some(Outcome::checked(&s).map_err(|e| RecordError::field(at, e))?)
            }
            _ => out.sentence = Some(s),
        }
        Ok(())
    })?;
    if out.provision.is_none() && out.offence.is_none() {
        return Err(RecordError::field(
            field,
            "a charge names its `provision` or its `offence`",
        ));
    }
    Ok(out)
}

/// Whether the victims of a case include minors and adults: the values of the `victim_age`
/// facet.
pub fn victim_ages(victims: &[Person]) -> Vec<&'static str> {
    let mut ages = Vec::new();
    for (minor, age) in [(true, "minor"), (false, "adult")] {
        if victims.iter().any(|v| v.minor == Some(minor)) {
            ages.push(age);
        }
    }
    ages
}

/// The victims' genders, each once: the values of the `victim_gender` facet.
pub fn victim_genders(victims: &[Person]) -> Vec<Gender> {
    let mut genders: Vec<Gender> = victims.iter().filter_map(|v| v.gender).collect();
    genders.sort_unstable();
    genders.dedup();
    genders
}

/// The victims' nationalities, each once: the values of the `victim_nationality` facet.
pub fn victim_nationalities(victims: &[Person]) -> Vec<&str> {
    let mut codes: Vec<&str> = victims
        .iter()
        .filter_map(|v| v.nationality.as_deref())
        .collect();
    codes.sort_unstable();
    codes.dedup();
    codes
}

/// The values of the `victim_age` facet.
pub const VICTIM_AGES: [&str; 2] = ["minor", "adult"];

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn raw(value: serde_json::Value) -> RawCase {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn values_read_and_write_in_their_kebab_case_spelling() {
        for verdict in Verdict::ALL {
            assert_eq!(Verdict::parse(verdict.as_str()), Some(verdict));
            assert_eq!(json!(verdict), json!(verdict.as_str()));
        }
        assert_eq!(Sector::checked("domestic-work"), Ok(Sector::DomesticWork));
        assert!(Sector::checked("mining")
            .unwrap_err()
            .contains("agriculture"));
    }

    #[test]
    fn people_are_described_and_their_entries_checked() {
        let case = validate(
            "a",
            raw(
                json!({"victims": [{"gender": "female", "nationality": "ru", "minor": false}, {}]}),
            ),
            true,
        )
        .unwrap();
        assert_eq!(case.victims[0].nationality.as_deref(), Some("RU"));
        assert_eq!(case.victims[0].minor, Some(false));
        assert_eq!(case.victims[1], Person::default());
        assert_eq!(victim_ages(&case.victims), ["adult"]);
    }

    #[test]
    fn a_case_structure_on_a_report_is_refused() {
        let e = validate("a", raw(json!({"sector": ["begging"]})), false).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("sector"));
    }
}
