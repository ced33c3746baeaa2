//! The facet and parameter vocabulary: each facet dimension and each search parameter is
//! declared once, as a row of [`DIMENSIONS`] or [`PARAMETERS`], and whatever lists them reads
//! these tables rather than naming them again.
//!
//! | table | drives |
//! |---|---|
//! | [`DIMENSIONS`] | the facet fields of the schema (`schema::build`) and the values a document gives each (`index`); the facet tables (`columns`); a filter's check of its values and what it accepts (`search::request`, `search`); a response's counts ([`PerDimension`], serialised under each dimension's name, with their order and description in the OpenAPI document) |
//! | [`PARAMETERS`] | the query string's keys and their order (`SearchRequest::from_pairs`, whose "expected …" lists them); in the server, the command line's `search` flags (clap's possible values among them), the OpenAPI document's parameters, the page's facets and chips (in this order) and which parameters a page's links keep |
//!
//! # Adding a dimension
//!
//! A `charge` facet, say:
//! 1. a variant of [`Dimension`] and its row in [`DIMENSIONS`], at the same place: its name in
//!    a response, its facet field, whether its values form a tree, their order, how a chosen
//!    value is checked, and which values a document gives it;
//! 2. a row of [`PARAMETERS`] with the role `Role::Filter(Dimension::Charge)`, where its key
//!    should sit among the others: its URL key, command-line flag, description and values;
//! 3. in the server, its name in every interface language (`Label::Facet` in `web::i18n`), how
//!    its values read (`web::pages::labels::value_label`) and how its facet is drawn
//!    (`web::pages::facets::facet`): matches without a catch-all arm, so the compiler asks for
//!    each;
//! 4. a new `schema::FORMAT_VERSION`, as the index gains a field;
//! 5. for a seventeenth dimension, `schema::DimensionBits` widened to `u32` (its assertion
//!    fails to compile until then), and values of the new dimension among the documents of
//!    `columns`' tests, which expect every dimension to hold some.
//!
//! Nothing else names dimensions: the schema, the index, the facet tables, the counts and
//! their JSON and OpenAPI schema, request parsing, the command line, the OpenAPI parameters,
//! the sidebar and the chips follow the rows.

use std::ops::{Index, IndexMut, RangeInclusive};

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use tantivy::schema::Facet;

use crate::case::{self, Gender, Sector, Verdict};
use crate::document::{
    normalize_language_tag, Document, Kind, Provenance, Strength, CONVENTION_ARTICLES,
};
use crate::domain::citations::{provisions, Citation, CitationKind};
use crate::domain::{countries, courts, taxonomy};
use crate::limits::{MAX_PER_PAGE, MAX_RESULT_DEPTH};
pub use crate::record::expected;

/// The facet dimensions: each a facet field, counted for every search and filterable. The
/// order is [`DIMENSIONS`]'s, the order of a response's counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dimension {
    Country,
    Theme,
    Kind,
    Language,
    Year,
    GretaRound,
    GretaStrength,
    /// The court or body as the document names it, with the formation that sat beneath it
    /// (`European Court of Human Rights/Grand Chamber`, see `domain::courts`).
    Court,
    /// The trafficking provisions a document cites or charges, as a tree: instrument, code,
    /// article (`RS` › `RS/CC` › `RS/CC/388`; `CETS197` › `CETS197/26`).
    Provision,
    /// How a court decided the case (`case::Verdict`).
    Verdict,
    /// The sectors of exploitation (`case::Sector`).
    Sector,
    /// Whether the victims include minors, adults or both (`case::victim_ages`).
    VictimAge,
    VictimGender,
    VictimNationality,
}

/// What a dimension is: one row of [`DIMENSIONS`].
pub struct DimensionSpec {
    pub dimension: Dimension,
    /// Its key among a response's `facets`.
    pub name: &'static str,
    /// Its facet field in the index.
    pub field: &'static str,
    /// Its values stand alone, or form a tree.
    pub shape: Shape,
    /// The order of its values in a response.
    pub order: ValueOrder,
    /// How a filter on it chooses documents.
    pub selecting: Selecting,
    /// What the API's description of its counts adds to the name, if anything.
    pub about: Option<&'static str>,
    /// The facet paths a document holds in it.
    /// The facet paths a document holds in it, given the citations its text makes (read once
    /// per document by the index, which stores them too).
    pub paths: fn(&Document, &[Citation]) -> Vec<Facet>,
}

/// Whether a dimension's values form a tree.
#[derive(Clone, Copy)]
pub enum Shape {
    Flat,
    /// A document with a value also counts for its ancestors, and a filter on a parent takes
    /// its children (a theme's sub-themes, a court's formations). The function gives a value's
    /// parent.
    Tree(fn(&str) -> Option<&str>),
}

/// The order of a dimension's values in a response.
#[derive(Clone, Copy)]
pub enum ValueOrder {
    /// Most hits first, then by value.
    MostFirst,
    /// By value, ascending (years, rounds).
    ByValue,
    /// In the order of a list: the function gives a value's place in it (the taxonomy keeps
    /// sub-themes beneath their theme; GRETA's wordings go strongest first).
    Listed(fn(&str) -> Option<usize>),
    /// Top-level values most hits first, each followed by its children, most hits first.
    ChildrenUnderParents,
}

/// How a filter on a dimension chooses documents.
#[derive(Clone, Copy)]
pub enum Selecting {
    /// Documents holding any of the chosen values. The function checks a chosen value and
    /// gives it as the facet values read (`rs` → `RS`), or the sentence saying why it is not
    /// one.
    Values(fn(&str) -> Result<String, String>),
    /// Documents of the courts or formations named or abbreviated so
    /// (`domain::courts::selects`); blank names choose nothing.
    Courts,
    /// Documents of a range of years, chosen by `year_from` and `year_to` rather than by values.
    Years,
}

/// The years a year filter takes.
pub const YEARS: RangeInclusive<u16> = 1800..=2100;

/// GRETA's evaluation rounds.
pub const GRETA_ROUNDS: RangeInclusive<u8> = 1..=5;

fn facet<S: AsRef<str>>(path: &[S]) -> Facet {
    Facet::from_path(path.iter().map(AsRef::as_ref))
}

/// Every dimension, in [`Dimension`]'s order.
/// A country code as the facet values hold it (`rs` → `RS`), or why it is not one.
fn country_code(code: &str) -> Result<String, String> {
    let upper = code.to_ascii_uppercase();
    match countries::lookup(&upper) {
        Some(_) => Ok(upper),
        None => Err(format!(
            "`{code}` is not a known country code (ISO 3166-1 alpha-2, `XK` for Kosovo*)"
        )),
    }
}

/// The provisions a document cites in its text and those its charges name, each once, as the
/// facet values hold them (`RS/CC/388`).
fn provision_paths(d: &Document, cited: &[Citation]) -> Vec<Facet> {
    let mut paths: Vec<String> = cited
        .iter()
        .filter(|c| c.kind == CitationKind::Provision)
        .map(|c| c.value.clone())
        .chain(d.charges.iter().filter_map(|c| c.provision.clone()))
        .collect();
    paths.sort_unstable();
    paths.dedup();
    paths
        .iter()
        .map(|p| facet(&p.trim_matches('/').split('/').collect::<Vec<_>>()))
        .collect()
}

/// Every dimension, in [`Dimension`]'s order.
pub const DIMENSIONS: [DimensionSpec; 14] = [
    DimensionSpec {
        dimension: Dimension::Country,
        name: "country",
        field: "f_country",
        shape: Shape::Flat,
        order: ValueOrder::MostFirst,
        selecting: Selecting::Values(country_code),
        about: None,
        paths: |d, _| d.country.iter().map(|c| facet(&[c])).collect(),
    },
    DimensionSpec {
        dimension: Dimension::Theme,
        name: "theme",
        field: "f_theme",
        shape: Shape::Tree(|value| value.rsplit_once('/').map(|(parent, _)| parent)),
        order: ValueOrder::Listed(|value| taxonomy::all().iter().position(|t| *t == value)),
        selecting: Selecting::Values(|theme| {
            let path = theme.trim_matches('/').to_ascii_lowercase();
            match taxonomy::contains(&path) {
                true => Ok(path),
                false => Err(format!(
                    "`{theme}` is not a theme; nearest: {}",
                    taxonomy::nearest(&path, 3).join(", ")
                )),
            }
        }),
        about: Some("Hierarchical: top-level themes and `parent/child` paths, in taxonomy order."),
        // Declared and inferred alike: a filter on a theme finds the documents about it.
        paths: |d, _| {
            d.themes
                .iter()
                .chain(&d.themes_inferred)
                .map(|t| facet(&t.split('/').collect::<Vec<_>>()))
                .collect()
        },
    },
    DimensionSpec {
        dimension: Dimension::Kind,
        name: "kind",
        field: "f_kind",
        shape: Shape::Flat,
        order: ValueOrder::MostFirst,
        selecting: Selecting::Values(|value| match Kind::parse(value) {
            Some(kind) => Ok(kind.as_str().to_string()),
            None => Err(expected(value, Kind::ALL.map(Kind::as_str))),
        }),
        about: None,
        paths: |d, _| vec![facet(&[d.kind.as_str()])],
    },
    DimensionSpec {
        dimension: Dimension::Language,
        name: "language",
        field: "f_language",
        shape: Shape::Flat,
        order: ValueOrder::MostFirst,
        selecting: Selecting::Values(|tag| match tag {
            "und" => Ok(tag.to_string()),
            _ => normalize_language_tag(tag),
        }),
        about: None,
        paths: |d, _| vec![facet(&[d.language.as_deref().unwrap_or("und")])],
    },
    DimensionSpec {
        dimension: Dimension::Year,
        name: "year",
        field: "f_year",
        shape: Shape::Flat,
        order: ValueOrder::ByValue,
        selecting: Selecting::Years,
        about: Some("Ascending by year."),
        paths: |d, _| d.date.iter().map(|date| facet(&[date.year.to_string()])).collect(),
    },
    DimensionSpec {
        dimension: Dimension::GretaRound,
        name: "greta_round",
        field: "f_greta_round",
        shape: Shape::Flat,
        order: ValueOrder::ByValue,
        selecting: Selecting::Values(|value| match value.parse::<u8>() {
            Ok(round) if GRETA_ROUNDS.contains(&round) => Ok(round.to_string()),
            _ => Err(format!(
                "`{value}` is not a GRETA evaluation round ({}–{})",
                GRETA_ROUNDS.start(),
                GRETA_ROUNDS.end()
            )),
        }),
        about: Some("GRETA evaluation round (`1`, `2`, …), ascending."),
        paths: |d, _| d.greta.iter().map(|g| facet(&[g.round.to_string()])).collect(),
    },
    DimensionSpec {
        dimension: Dimension::GretaStrength,
        name: "greta_strength",
        field: "f_greta_strength",
        shape: Shape::Flat,
        order: ValueOrder::Listed(|value| Strength::ALL.iter().position(|s| s.as_str() == value)),
        selecting: Selecting::Values(|value| match Strength::parse(value) {
            Some(strength) => Ok(strength.as_str().to_string()),
            None => Err(expected(value, Strength::ALL.map(Strength::as_str))),
        }),
        about: Some("GRETA strength, strongest first: `urges`, `considers`, `invites`."),
        paths: |d, _| {
            d.greta
                .iter()
                .filter_map(|g| g.strength)
                .map(|s| facet(&[s.as_str()]))
                .collect()
        },
    },
    DimensionSpec {
        dimension: Dimension::Court,
        name: "court",
        field: "f_court",
        shape: Shape::Tree(|value| match courts::split_value(value) {
            (court, Some(_)) => Some(court),
            (_, None) => None,
        }),
        order: ValueOrder::ChildrenUnderParents,
        selecting: Selecting::Courts,
        about: Some("Courts and other bodies as the documents name them, most hits first, each followed by\nits formations (most hits first), which its count includes."),
        paths: |d, _| {
            let formation = d.echr.as_ref().and_then(|e| e.formation);
            d.court
                .iter()
                .map(|court| facet(&courts::facet_path(court, formation)))
                .collect()
        },
    },
    DimensionSpec {
        dimension: Dimension::Provision,
        name: "provision",
        field: "f_provision",
        shape: Shape::Tree(|value| value.rsplit_once('/').map(|(parent, _)| parent)),
        order: ValueOrder::ChildrenUnderParents,
        selecting: Selecting::Values(|value| match provisions::normalize_path(value) {
            Some(path) => Ok(path.trim_start_matches('/').to_string()),
            None => Err(format!("`{value}` is not a provision's path; e.g. /RS/CC/388, /MK/CC/418a, /CETS197/26, /ECHR/4, /PALERMO/3, or an instrument alone (/RS, /CETS197)")),
        }),
        about: Some("Hierarchical: the instrument (`RS`, `CETS197`), a country's criminal code (`RS/CC`) and\nits articles (`RS/CC/388`), each most hits first beneath its parent, whose count includes it."),
        paths: provision_paths,
    },
    DimensionSpec {
        dimension: Dimension::Verdict,
        name: "verdict",
        field: "f_verdict",
        shape: Shape::Flat,
        order: ValueOrder::Listed(|value| Verdict::ALL.iter().position(|v| v.as_str() == value)),
        selecting: Selecting::Values(|value| Verdict::checked(value).map(|v| v.as_str().to_string())),
        about: Some("How the court decided: `conviction`, `acquittal`, `partial`, `violation`, `no-violation`,\n`inadmissible`, in this order."),
        paths: |d, _| d.verdict.iter().map(|v| facet(&[v.as_str()])).collect(),
    },
    DimensionSpec {
        dimension: Dimension::Sector,
        name: "sector",
        field: "f_sector",
        shape: Shape::Flat,
        order: ValueOrder::MostFirst,
        selecting: Selecting::Values(|value| Sector::checked(value).map(|s| s.as_str().to_string())),
        about: Some("The sector of exploitation (`agriculture`, `domestic-work`, `sex-industry`, …)."),
        paths: |d, _| d.sector.iter().map(|s| facet(&[s.as_str()])).collect(),
    },
    DimensionSpec {
        dimension: Dimension::VictimAge,
        name: "victim_age",
        field: "f_victim_age",
        shape: Shape::Flat,
        order: ValueOrder::Listed(|value| case::VICTIM_AGES.iter().position(|a| *a == value)),
        selecting: Selecting::Values(|value| match case::VICTIM_AGES.contains(&value) {
            true => Ok(value.to_string()),
            false => Err(expected(value, case::VICTIM_AGES)),
        }),
        about: Some("Cases with a victim who was a `minor`, or an `adult`, at the time of the facts."),
        paths: |d, _| case::victim_ages(&d.victims).into_iter().map(|a| facet(&[a])).collect(),
    },
    DimensionSpec {
        dimension: Dimension::VictimGender,
        name: "victim_gender",
        field: "f_victim_gender",
        shape: Shape::Flat,
        order: ValueOrder::Listed(|value| Gender::ALL.iter().position(|g| g.as_str() == value)),
        selecting: Selecting::Values(|value| Gender::checked(value).map(|g| g.as_str().to_string())),
        about: Some("Cases with a victim of this gender: `female`, `male`, `other`."),
        paths: |d, _| {
            case::victim_genders(&d.victims)
                .into_iter()
                .map(|g| facet(&[g.as_str()]))
                .collect()
        },
    },
    DimensionSpec {
        dimension: Dimension::VictimNationality,
        name: "victim_nationality",
        field: "f_victim_nationality",
        shape: Shape::Flat,
        order: ValueOrder::MostFirst,
        selecting: Selecting::Values(country_code),
        about: Some("Cases with a victim of this nationality (ISO 3166-1 alpha-2, `XK` for Kosovo*)."),
        paths: |d, _| {
            case::victim_nationalities(&d.victims)
                .into_iter()
                .map(|c| facet(&[c]))
                .collect()
        },
    },
];

// A dimension's row is found by its place: `Dimension::spec` relies on the two orders agreeing.
const _: () = {
    let mut i = 0;
    while i < DIMENSIONS.len() {
        assert!(DIMENSIONS[i].dimension as usize == i);
        i += 1;
    }
};

impl Dimension {
    /// Every dimension, in order.
    pub const ALL: [Dimension; DIMENSIONS.len()] = {
        let mut all = [Dimension::Country; DIMENSIONS.len()];
        let mut i = 0;
        while i < all.len() {
            all[i] = DIMENSIONS[i].dimension;
            i += 1;
        }
        all
    };

    /// The dimension's row of [`DIMENSIONS`].
    pub fn spec(self) -> &'static DimensionSpec {
        &DIMENSIONS[self as usize]
    }

    /// Its key among a response's `facets` (`greta_round`).
    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// The dimension named so in a response.
    pub fn named(name: &str) -> Option<Dimension> {
        Dimension::ALL.into_iter().find(|d| d.name() == name)
    }

    /// The facet field holding this dimension (see `schema`).
    pub fn field_name(self) -> &'static str {
        self.spec().field
    }

    /// The dimension's place in [`Dimension::ALL`], and its bit (`1 << slot`) in a
    /// `schema::DimensionBits`.
    pub fn slot(self) -> usize {
        self as usize
    }

    /// Whether its values form a tree (see [`Shape::Tree`]).
    pub fn hierarchical(self) -> bool {
        matches!(self.spec().shape, Shape::Tree(_))
    }

    /// The value a value sits beneath, in a tree.
    pub fn parent_of(self, value: &str) -> Option<&str> {
        match self.spec().shape {
            Shape::Tree(parent) => parent(value),
            Shape::Flat => None,
        }
    }

    /// The key of the parameter that chooses in it: `lang` for the language, `year_from` for
    /// the year.
    pub fn key(self) -> &'static str {
        PARAMETERS
            .iter()
            .find(|p| p.dimension() == Some(self))
            .map_or(self.name(), |p| p.key)
    }

    /// Every dimension in the order of its parameters, the order the page shows them in.
    pub fn in_parameter_order() -> Vec<Dimension> {
        let mut dimensions: Vec<Dimension> =
            PARAMETERS.iter().filter_map(Parameter::dimension).collect();
        dimensions.dedup();
        dimensions
    }
}

/// A value for each dimension: a map keyed by dimension, held in [`Dimension`]'s order.
/// Serialised as a map from each dimension's name, in that order.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct PerDimension<T>([T; DIMENSIONS.len()]);

impl<T> PerDimension<T> {
    /// The value of each dimension, made by `f`.
    pub fn try_from_fn<E>(mut f: impl FnMut(Dimension) -> Result<T, E>) -> Result<Self, E> {
        let mut values = Vec::with_capacity(DIMENSIONS.len());
        for dimension in Dimension::ALL {
            values.push(f(dimension)?);
        }
        Ok(PerDimension(values.try_into().unwrap_or_else(|_| {
            unreachable!("one value per dimension")
        })))
    }

    /// Each dimension with its value, in order.
    pub fn iter(&self) -> impl Iterator<Item = (Dimension, &T)> {
        Dimension::ALL.into_iter().zip(&self.0)
    }
}

impl<T> Index<Dimension> for PerDimension<T> {
    type Output = T;

    fn index(&self, dimension: Dimension) -> &T {
        &self.0[dimension.slot()]
    }
}

impl<T> IndexMut<Dimension> for PerDimension<T> {
    fn index_mut(&mut self, dimension: Dimension) -> &mut T {
        &mut self.0[dimension.slot()]
    }
}

impl<T: Serialize> Serialize for PerDimension<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (dimension, value) in self.iter() {
            map.serialize_entry(dimension.name(), value)?;
        }
        map.end()
    }
}

/// Result order: what the `sort` parameter chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sort {
    #[default]
    Relevance,
    DateDesc,
    DateAsc,
}

impl Sort {
    /// Every spelling the `sort` parameter takes, and the order it names.
    pub const SPELLINGS: [(&'static str, Sort); 7] = [
        ("relevance", Sort::Relevance),
        ("", Sort::Relevance),
        ("date-desc", Sort::DateDesc),
        ("date-asc", Sort::DateAsc),
        ("date", Sort::DateDesc),
        ("newest", Sort::DateDesc),
        ("oldest", Sort::DateAsc),
    ];

    pub fn parse(s: &str) -> Option<Sort> {
        Sort::SPELLINGS
            .iter()
            .find(|(spelling, _)| *spelling == s)
            .map(|(_, sort)| *sort)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::DateDesc => "date-desc",
            Sort::DateAsc => "date-asc",
        }
    }
}

/// A search parameter: one row of [`PARAMETERS`].
pub struct Parameter {
    /// Its key in a query string.
    pub key: &'static str,
    /// Another key read as this one.
    pub alias: Option<&'static str>,
    /// Its flag on the command line's `search` (`--year-from`); `None` for the query, which is
    /// the command's words.
    pub flag: Option<&'static str>,
    pub role: Role,
    /// What it is, for the API's documentation and the command line's help.
    pub about: &'static str,
    /// The values it takes.
    pub values: Values,
}

/// What a parameter sets in a `SearchRequest`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Query,
    /// The values chosen in a dimension.
    Filter(Dimension),
    YearFrom,
    YearTo,
    /// Articles of the Convention a GRETA document concerns: a filter, not a counted dimension
    /// (see `schema::Fields::greta_article`).
    Article,
    /// Real documents, samples, or both: a filter, not a counted dimension.
    Provenance,
    /// Documents citing an application number or ECLI (`domain::citations`): a filter.
    Cites,
    Sort,
    /// Whether a query's words that name a concept also find its other languages' terms.
    Expand,
    /// Whether each hit says why it matched (`search::explain`).
    Explain,
    /// A document to say of whether it matches, and why not.
    ExplainId,
    Page,
    PerPage,
}

/// The values a parameter takes.
#[derive(Clone, Copy)]
pub enum Values {
    /// The query language (`search::query`).
    Query,
    /// Any text.
    Text,
    /// A BCP 47 language tag.
    LanguageTag,
    /// `true` or `false`.
    Switch,
    /// A whole number in an inclusive range.
    Number { min: i64, max: i64 },
    /// One of the words the function lists, written so (the command line offers them).
    OneOf(fn() -> Vec<&'static str>),
    /// One of the entries the function lists, read without regard to case (a country code) or
    /// surrounding slashes (a theme's path): the request makes them canonical.
    Listed(fn() -> Vec<&'static str>),
}

impl Parameter {
    /// Whether it may be given several times, its values OR-ed (`country=RS&country=XK`).
    pub fn repeated(&self) -> bool {
        matches!(
            self.role,
            Role::Filter(_) | Role::Article | Role::Provenance | Role::Cites
        )
    }

    /// The dimension it chooses in.
    pub fn dimension(&self) -> Option<Dimension> {
        match self.role {
            Role::Filter(dimension) => Some(dimension),
            Role::YearFrom | Role::YearTo => Some(Dimension::Year),
            _ => None,
        }
    }

    /// The parameter a query string's key names.
    pub fn find(key: &str) -> Option<&'static Parameter> {
        PARAMETERS
            .iter()
            .find(|p| p.key == key || p.alias == Some(key))
    }
}

/// Every search parameter, in the order the API documents them.
pub const PARAMETERS: [Parameter; 25] = [
    Parameter {
        key: "q",
        alias: None,
        flag: None,
        role: Role::Query,
        about: "The query: words (all must match, in any script, inflected forms too), \"a phrase\", \"a phrase\"~N, prefix*, -excluded, OR, ( ), field:word (title, text, court, id, ecli)",
        values: Values::Query,
    },
    Parameter {
        key: "country",
        alias: None,
        flag: Some("country"),
        role: Role::Filter(Dimension::Country),
        about: "ISO 3166-1 alpha-2 code; `XK` is Kosovo* (without prejudice to status, UNSCR 1244)",
        values: Values::Listed(|| countries::COUNTRIES.iter().map(|(code, _)| *code).collect()),
    },
    Parameter {
        key: "theme",
        alias: None,
        flag: Some("theme"),
        role: Role::Filter(Dimension::Theme),
        about: "A theme of the taxonomy; a parent (`victims`) includes its children",
        values: Values::Listed(|| taxonomy::all().to_vec()),
    },
    Parameter {
        key: "kind",
        alias: None,
        flag: Some("kind"),
        role: Role::Filter(Dimension::Kind),
        about: "What the document is",
        values: Values::OneOf(|| Kind::ALL.iter().map(|k| k.as_str()).collect()),
    },
    Parameter {
        key: "lang",
        alias: Some("language"),
        flag: Some("lang"),
        role: Role::Filter(Dimension::Language),
        about: "BCP 47 language tag of the text (`sr`, `sr-Cyrl`, `sq`, `tr`, …; `und` undetermined)",
        values: Values::LanguageTag,
    },
    Parameter {
        key: "court",
        alias: None,
        flag: Some("court"),
        role: Role::Filter(Dimension::Court),
        about: "The court or body, as the documents name it",
        values: Values::Text,
    },
    Parameter {
        key: "year_from",
        alias: None,
        flag: Some("year-from"),
        role: Role::YearFrom,
        about: "First year (inclusive)",
        values: Values::Number {
            min: *YEARS.start() as i64,
            max: *YEARS.end() as i64,
        },
    },
    Parameter {
        key: "year_to",
        alias: None,
        flag: Some("year-to"),
        role: Role::YearTo,
        about: "Last year (inclusive)",
        values: Values::Number {
            min: *YEARS.start() as i64,
            max: *YEARS.end() as i64,
        },
    },
    Parameter {
        key: "round",
        alias: None,
        flag: Some("round"),
        role: Role::Filter(Dimension::GretaRound),
        about: "GRETA evaluation round",
        values: Values::Number {
            min: *GRETA_ROUNDS.start() as i64,
            max: *GRETA_ROUNDS.end() as i64,
        },
    },
    Parameter {
        key: "strength",
        alias: None,
        flag: Some("strength"),
        role: Role::Filter(Dimension::GretaStrength),
        about: "GRETA's wording: urges (most pressing), considers, invites",
        values: Values::OneOf(|| Strength::ALL.iter().map(|s| s.as_str()).collect()),
    },
    Parameter {
        key: "verdict",
        alias: None,
        flag: Some("verdict"),
        role: Role::Filter(Dimension::Verdict),
        about: "How the court decided the case",
        values: Values::OneOf(|| Verdict::ALL.iter().map(|v| v.as_str()).collect()),
    },
    Parameter {
        key: "sector",
        alias: None,
        flag: Some("sector"),
        role: Role::Filter(Dimension::Sector),
        about: "The sector in which the victims were exploited",
        values: Values::OneOf(|| Sector::ALL.iter().map(|s| s.as_str()).collect()),
    },
    Parameter {
        key: "victim_age",
        alias: None,
        flag: Some("victim-age"),
        role: Role::Filter(Dimension::VictimAge),
        about: "Cases with a victim who was a minor, or an adult",
        values: Values::OneOf(|| case::VICTIM_AGES.to_vec()),
    },
    Parameter {
        key: "victim_gender",
        alias: None,
        flag: Some("victim-gender"),
        role: Role::Filter(Dimension::VictimGender),
        about: "Cases with a victim of this gender",
        values: Values::OneOf(|| Gender::ALL.iter().map(|g| g.as_str()).collect()),
    },
    Parameter {
        key: "victim_nationality",
        alias: None,
        flag: Some("victim-nationality"),
        role: Role::Filter(Dimension::VictimNationality),
        about: "Cases with a victim of this nationality: ISO 3166-1 alpha-2 code (`XK` is Kosovo*)",
        values: Values::Listed(|| countries::COUNTRIES.iter().map(|(code, _)| *code).collect()),
    },
    Parameter {
        key: "article",
        alias: None,
        flag: Some("article"),
        role: Role::Article,
        about: "Article of the Convention (CETS No. 197) a GRETA document concerns",
        values: Values::Number {
            min: *CONVENTION_ARTICLES.start() as i64,
            max: *CONVENTION_ARTICLES.end() as i64,
        },
    },
    Parameter {
        key: "provenance",
        alias: None,
        flag: Some("provenance"),
        role: Role::Provenance,
        about: "`real` documents or illustrative `sample`s",
        values: Values::OneOf(|| Provenance::ALL.iter().map(|p| p.as_str()).collect()),
    },
    Parameter {
        key: "cites",
        alias: None,
        flag: Some("cites"),
        role: Role::Cites,
        about: "Documents citing this application number or ECLI (`25965/04`, `no. 25965/04`, `ECLI:CE:ECHR:2010:0107JUD002596504`); anything else is a 400",
        values: Values::Text,
    },
    Parameter {
        key: "provision",
        alias: None,
        flag: Some("provision"),
        role: Role::Filter(Dimension::Provision),
        about: "Documents citing this provision, or any article of an instrument: `/RS/CC/388`, `/BA/CC/186`, `/ME/CC/444`, `/MK/CC/418a`, `/XK/CC/171`, `/AL/CC/110a`, `/TR/CC/80`, `/MT/CC/248a`, `/HR/CC/106`, `/CETS197/26`, `/ECHR/4`, `/PALERMO/3`, `/RS`, `/CETS197`; anything else is a 400",
        values: Values::Text,
    },
    Parameter {
        key: "sort",
        alias: None,
        flag: Some("sort"),
        role: Role::Sort,
        about: "Result order (empty is relevance, `date` and `newest` are read as date-desc, `oldest` as date-asc)",
        values: Values::OneOf(|| Sort::SPELLINGS.iter().map(|(s, _)| *s).collect()),
    },
    Parameter {
        key: "expand",
        alias: None,
        flag: Some("expand"),
        role: Role::Expand,
        about: "Whether words naming a concept of the thesaurus (`forced labour`) also find its terms in the other languages (`zorla çalıştırma`, `prinudni rad`, …), ranked below the words as typed; default true",
        values: Values::Switch,
    },
    Parameter {
        key: "explain",
        alias: None,
        flag: Some("explain"),
        role: Role::Explain,
        about: "Whether each hit says why it matched: the fields, analyses (exact, folded, stemmed), terms and thesaurus concepts that matched it and what each added to its score; default false",
        values: Values::Switch,
    },
    Parameter {
        key: "explain_id",
        alias: None,
        flag: Some("explain-id"),
        role: Role::ExplainId,
        about: "A document's id: the response's `why_not` says whether it matches the query's words (the filters aside), which words none of its fields holds, and the clauses it matches; a document the caller may not see is a 400, as an unknown id",
        values: Values::Text,
    },
    Parameter {
        key: "page",
        alias: None,
        flag: Some("page"),
        role: Role::Page,
        about: "Page number, from 1; pages reach the first 1,000 results",
        values: Values::Number {
            min: 1,
            max: MAX_RESULT_DEPTH as i64,
        },
    },
    Parameter {
        key: "per_page",
        alias: None,
        flag: Some("per-page"),
        role: Role::PerPage,
        about: "Hits per page",
        values: Values::Number {
            min: 1,
            max: MAX_PER_PAGE as i64,
        },
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dimension_but_the_year_has_one_parameter_and_keys_are_unique() {
        for dimension in Dimension::ALL {
            let parameters = PARAMETERS
                .iter()
                .filter(|p| p.role == Role::Filter(dimension))
                .count();
            let ranged = matches!(dimension.spec().selecting, Selecting::Years);
            assert_eq!(parameters, usize::from(!ranged), "{dimension:?}");
        }
        let mut shown = Dimension::in_parameter_order();
        shown.sort();
        assert_eq!(shown, Dimension::ALL, "each dimension once");
        let unique = |names: Vec<&str>| {
            let mut sorted = names.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), names.len(), "{names:?}");
        };
        unique(
            PARAMETERS
                .iter()
                .flat_map(|p| [Some(p.key), p.alias])
                .flatten()
                .collect(),
        );
        unique(PARAMETERS.iter().filter_map(|p| p.flag).collect());
        unique(Dimension::ALL.iter().map(|d| d.name()).collect());
        unique(Dimension::ALL.iter().map(|d| d.field_name()).collect());
    }
    #[test]
    fn a_chosen_value_is_checked_and_made_canonical_once_for_all() {
        let check = |dimension: Dimension, value: &str| match dimension.spec().selecting {
            Selecting::Values(canonical) => {
                let once = canonical(value);
                if let Ok(canonical_value) = &once {
                    assert_eq!(canonical(canonical_value).as_ref(), Ok(canonical_value));
                }
                once
            }
            _ => panic!("{dimension:?} is not chosen by values"),
        };
        assert_eq!(check(Dimension::Country, "rs"), Ok("RS".to_string()));
        assert_eq!(
            check(Dimension::Theme, "/Exploitation/"),
            Ok("exploitation".to_string())
        );
        assert_eq!(check(Dimension::GretaRound, "02"), Ok("2".to_string()));
        assert_eq!(check(Dimension::Language, "und"), Ok("und".to_string()));
        assert!(check(Dimension::Kind, "verdict").is_err());
        assert_eq!(
            Dimension::Court.parent_of("European Court of Human Rights/Grand Chamber"),
            Some("European Court of Human Rights")
        );
        assert_eq!(Dimension::Country.parent_of("A/B"), None);
    }
}
