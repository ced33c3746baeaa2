//! The search request: query, filters, sort and page, validated once, whichever front end
//! (HTTP query string or command line) it came from.

use super::query::{QueryError, QueryProblem};
use super::SearchError;
use crate::document::{Provenance, CONVENTION_ARTICLES};
use crate::domain::citations;
use crate::limits::{
    DEFAULT_PER_PAGE, MAX_FILTER_VALUES, MAX_PER_PAGE, MAX_QUERY_PARAMETERS, MAX_RESULT_DEPTH,
};
pub use crate::vocabulary::Sort;
use crate::vocabulary::{
    expected, Dimension, Parameter, PerDimension, Role, Selecting, PARAMETERS, YEARS,
};

/// A validated search request. `Eq` and `Hash`: it is the key of `cache::ResponseCache`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SearchRequest {
    pub query: String,
    /// The values chosen in each dimension, several OR-ed; once validated, as the dimension's
    /// facet values read (`RS`, `labour/forced`, `sr-Cyrl`; a theme also matches its
    /// sub-themes, a court its formations). The year is chosen by `year_from` and `year_to`.
    pub filters: PerDimension<Vec<String>>,
    pub year_from: Option<u16>,
    pub year_to: Option<u16>,
    /// Articles of the Convention a GRETA document concerns (OR-ed).
    pub greta_articles: Vec<u16>,
    /// Real documents, samples, or both (OR-ed; none: all).
    pub provenances: Vec<Provenance>,
    /// Documents citing any of these application numbers or ECLIs (normalised, see
    /// `domain::citations`; OR-ed).
    pub cites: Vec<String>,
    pub sort: Sort,
    /// 1-based.
    pub page: usize,
    pub per_page: usize,
    /// Whether restricted documents may be seen (the caller holds a reader or admin token).
    pub include_restricted: bool,
    /// Whether words naming a concept of the thesaurus also find its terms in the other
    /// languages (`search::expansion`).
    pub expand: bool,
    /// Whether each hit says why it matched (`search::explain`).
    pub explain: bool,
    /// A document to say of whether it matches, and why not (`search::explain::why_not`).
    pub explain_id: Option<String>,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            query: String::new(),
            filters: PerDimension::default(),
            year_from: None,
            year_to: None,
            greta_articles: Vec::new(),
            provenances: Vec::new(),
            cites: Vec::new(),
            sort: Sort::Relevance,
            page: 1,
            per_page: DEFAULT_PER_PAGE,
            include_restricted: false,
            expand: true,
            explain: false,
            explain_id: None,
        }
    }
}

/// What is wrong with a parameter, as a code a front end can put in its own words (the web
/// page does); the English sentence beside it is what the API sends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParameterProblem {
    /// No parameter has this name.
    Unknown,
    /// A value the parameter does not take (an unknown country code, `page=abc`).
    Invalid { value: String },
    /// More than `MAX_FILTER_VALUES` values of one filter.
    TooManyValues,
    /// `year_from` after `year_to`.
    ReversedYears,
    /// A page past the first `MAX_RESULT_DEPTH` results.
    BeyondResultDepth,
    /// More than `MAX_QUERY_PARAMETERS` parameters.
    TooManyParameters,
    /// A name or value that is not UTF-8 once percent-decoded.
    NotUtf8,
}

fn bad(parameter: &str, problem: ParameterProblem, message: impl Into<String>) -> SearchError {
    SearchError::Parameter {
        parameter: parameter.to_string(),
        problem,
        message: message.into(),
    }
}

/// A value the parameter does not take.
fn invalid(value: impl std::fmt::Display) -> ParameterProblem {
    ParameterProblem::Invalid {
        value: value.to_string(),
    }
}

impl SearchRequest {
    /// Builds a request from `key=value` pairs (an HTTP query string); repeated keys select
    /// several values. Unknown keys are rejected, so a typo never silently drops a filter.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<SearchRequest, SearchError> {
        let mut r = SearchRequest::default();
        let mut page: Option<&str> = None;
        let mut per_page: Option<&str> = None;
        let mut seen: Vec<(&str, usize)> = Vec::new();
        for (n, (key, value)) in pairs.into_iter().enumerate() {
            if n == MAX_QUERY_PARAMETERS {
                return Err(too_many_parameters());
            }
            // Bounded before any value is looked at: every value of every filter is checked,
            // counted and drawn on the page.
            match seen.iter_mut().find(|(k, _)| *k == key) {
                Some((_, count)) if *count == MAX_FILTER_VALUES => {
                    return Err(bad(
                        key,
                        ParameterProblem::TooManyValues,
                        format!("more than {MAX_FILTER_VALUES} values; a filter takes at most {MAX_FILTER_VALUES}"),
                    ))
                }
                Some((_, count)) => *count += 1,
                None => seen.push((key, 1)),
            }
            let value = value.trim();
            let Some(parameter) = Parameter::find(key) else {
                let keys: Vec<&str> = PARAMETERS.iter().map(|p| p.key).collect();
                return Err(bad(
                    key,
                    ParameterProblem::Unknown,
                    format!("unknown parameter; expected {}", keys.join(", ")),
                ));
            };
            match parameter.role {
                Role::Query => r.query = value.to_string(),
                // Checked with the rest, in `validate`, which a request built otherwise goes
                // through too.
                Role::Filter(dimension) => r.filters[dimension].push(value.to_string()),
                Role::YearFrom => r.year_from = parse_year(parameter.key, value)?,
                Role::YearTo => r.year_to = parse_year(parameter.key, value)?,
                // The range is checked with the rest, in `validate`.
                Role::Article => r
                    .greta_articles
                    .push(value.parse().map_err(|_| not_an_article(value))?),
                Role::Cites => r.cites.push(citations::normalize_cited(value).ok_or_else(|| {
                    bad(parameter.key, invalid(value), format!("`{value}` is neither an application number (`25965/04`) nor an ECLI (`ECLI:CE:ECHR:2010:0107JUD002596504`)"))
                })?),
                Role::Provenance => {
                    r.provenances.push(Provenance::parse(value).ok_or_else(|| {
                        bad(
                            parameter.key,
                            invalid(value),
                            expected(value, Provenance::ALL.map(Provenance::as_str)),
                        )
                    })?)
                }
                Role::Sort => {
                    r.sort = Sort::parse(value).ok_or_else(|| {
                        bad(
                            parameter.key,
                            invalid(value),
                            format!("`{value}`: expected relevance, date-desc or date-asc"),
                        )
                    })?
                }
                // The last value counts: a form sends a hidden `false` before its checkbox's
                // `true`, so that an unticked box still says so.
                Role::Expand => {
                    r.expand = parse_switch(value).ok_or_else(|| {
                        bad(parameter.key, invalid(value), expected(value, ["true", "false"]))
                    })?
                }
                Role::Explain => {
                    r.explain = parse_switch(value).ok_or_else(|| {
                        bad(parameter.key, invalid(value), expected(value, ["true", "false"]))
                    })?
                }
                Role::ExplainId => {
                    r.explain_id = (!value.is_empty()).then(|| value.to_string())
                }
                Role::Page => page = Some(value),
                Role::PerPage => per_page = Some(value),
            }
        }
        if let Some(page) = page {
            r.page = parse_number("page", page)?;
        }
        if let Some(per_page) = per_page {
            r.per_page = parse_number("per_page", per_page)?;
        }
        r.validate()
    }

    /// Checks and canonicalises every field (codes upper case, tags canonical, limits).
    pub fn validate(mut self) -> Result<SearchRequest, SearchError> {
        for dimension in Dimension::ALL {
            let key = dimension.key();
            let chosen = &mut self.filters[dimension];
            match dimension.spec().selecting {
                Selecting::Values(canonical) => {
                    for value in chosen {
                        *value = canonical(value).map_err(|e| bad(key, invalid(&value), e))?;
                    }
                }
                Selecting::Courts => chosen.retain(|c| !c.trim().is_empty()),
                Selecting::Years => {}
            }
        }
        if let Some(article) = self
            .greta_articles
            .iter()
            .find(|a| !CONVENTION_ARTICLES.contains(*a))
        {
            return Err(not_an_article(article));
        }
        if let (Some(from), Some(to)) = (self.year_from, self.year_to) {
            if from > to {
                return Err(bad(
                    "year_from",
                    ParameterProblem::ReversedYears,
                    format!("{from} is after year_to {to}"),
                ));
            }
        }
        if self.page == 0 {
            return Err(bad("page", invalid(0), "pages start at 1"));
        }
        if self.per_page == 0 || self.per_page > MAX_PER_PAGE {
            return Err(bad(
                "per_page",
                invalid(self.per_page),
                format!("{} is outside 1–{MAX_PER_PAGE}", self.per_page),
            ));
        }
        let depth = self.page.saturating_mul(self.per_page);
        if depth > MAX_RESULT_DEPTH {
            return Err(bad(
                "page",
                ParameterProblem::BeyondResultDepth,
                format!("results beyond the first {MAX_RESULT_DEPTH} cannot be paged to (page {} × per_page {}); narrow the search with filters", self.page, self.per_page),
            ));
        }
        Ok(self)
    }
}

fn too_many_parameters() -> SearchError {
    bad(
        "query string",
        ParameterProblem::TooManyParameters,
        format!("more than {MAX_QUERY_PARAMETERS} parameters"),
    )
}

/// Decodes a URL query string (`application/x-www-form-urlencoded`: `+` is a space, `%XX` a
/// byte) into its pairs, strictly: a value that is not UTF-8 once decoded is an error naming
/// its parameter, where a lenient decoder (`form_urlencoded`) would turn it into U+FFFD and
/// search for something else than was sent (`q=%FF%FE` matched every document).
pub fn decode_query_string(raw: &str) -> Result<Vec<(String, String)>, SearchError> {
    let mut pairs = Vec::new();
    for piece in raw.split('&').filter(|p| !p.is_empty()) {
        if pairs.len() == MAX_QUERY_PARAMETERS {
            return Err(too_many_parameters());
        }
        let (key, value) = piece.split_once('=').unwrap_or((piece, ""));
        let decode = |s: &str| -> Result<String, std::string::FromUtf8Error> {
            let spaced = s.replace('+', " ");
            String::from_utf8(percent_encoding::percent_decode_str(&spaced).collect())
        };
        let key = decode(key).map_err(|_| {
            bad(
                "query string",
                ParameterProblem::NotUtf8,
                "a parameter name is not valid UTF-8 once percent-decoded",
            )
        })?;
        let value = decode(value).map_err(|e| {
            let message = format!(
                "`{key}` is not valid UTF-8 once percent-decoded (byte {} of the value)",
                e.utf8_error().valid_up_to() + 1
            );
            if key == "q" {
                SearchError::Query(QueryError {
                    problem: QueryProblem::NotUtf8,
                    message,
                    column: None,
                    suggestion: None,
                })
            } else {
                bad(&key, ParameterProblem::NotUtf8, message)
            }
        })?;
        pairs.push((key, value));
    }
    Ok(pairs)
}

/// A boolean parameter's value: `true`/`false`, and the `1`/`0`, `on`/`off`, `yes`/`no` that
/// forms and hand-typed URLs send.
fn parse_switch(value: &str) -> Option<bool> {
    match value.to_ascii_lowercase().as_str() {
        "true" | "1" | "on" | "yes" => Some(true),
        "false" | "0" | "off" | "no" => Some(false),
        _ => None,
    }
}

fn parse_year(parameter: &str, value: &str) -> Result<Option<u16>, SearchError> {
    if value.is_empty() {
        return Ok(None);
    }
    match value.parse::<u16>() {
        Ok(year) if YEARS.contains(&year) => Ok(Some(year)),
        _ => Err(bad(
            parameter,
            invalid(value),
            format!(
                "`{value}` is not a year ({}–{})",
                YEARS.start(),
                YEARS.end()
            ),
        )),
    }
}

fn not_an_article(value: impl std::fmt::Display) -> SearchError {
    bad(
        "article",
        invalid(&value),
        format!(
            "`{value}` is not an article of the Convention ({}–{})",
            CONVENTION_ARTICLES.start(),
            CONVENTION_ARTICLES.end()
        ),
    )
}

fn parse_number(parameter: &str, value: &str) -> Result<usize, SearchError> {
    value.parse::<usize>().map_err(|_| {
        bad(
            parameter,
            invalid(value),
            format!("`{value}` is not a whole number"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(pairs: &[(&str, &str)]) -> String {
        SearchRequest::from_pairs(pairs.iter().copied())
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn repeated_parameters_select_several_values() {
        let r = SearchRequest::from_pairs([
            ("q", "x"),
            ("country", "rs"),
            ("country", "BA"),
            ("theme", "exploitation/"),
        ])
        .unwrap();
        assert_eq!(r.filters[Dimension::Country], vec!["RS", "BA"]);
        assert_eq!(r.filters[Dimension::Theme], vec!["exploitation"]);
    }

    #[test]
    fn every_bad_parameter_carries_the_code_front_ends_translate() {
        let problem =
            |pairs: &[(&str, &str)]| match SearchRequest::from_pairs(pairs.iter().copied()) {
                Err(SearchError::Parameter {
                    parameter, problem, ..
                }) => (parameter, problem),
                other => panic!("{pairs:?}: {other:?}"),
            };
        let invalid = |value: &str| ParameterProblem::Invalid {
            value: value.into(),
        };
        assert_eq!(
            problem(&[("country", "YU")]),
            ("country".into(), invalid("YU"))
        );
        assert_eq!(
            problem(&[("theme", "labor")]),
            ("theme".into(), invalid("labor"))
        );
        assert_eq!(problem(&[("page", "abc")]), ("page".into(), invalid("abc")));
        assert_eq!(
            problem(&[("per_page", "0")]),
            ("per_page".into(), invalid("0"))
        );
        assert_eq!(
            problem(&[("contry", "RS")]),
            ("contry".into(), ParameterProblem::Unknown)
        );
        assert_eq!(
            problem(&[("page", "200"), ("per_page", "10")]),
            ("page".into(), ParameterProblem::BeyondResultDepth)
        );
        assert_eq!(
            problem(&[("year_from", "2020"), ("year_to", "2010")]),
            ("year_from".into(), ParameterProblem::ReversedYears)
        );
    }

    #[test]
    fn bad_parameters_are_named() {
        assert!(message(&[("country", "YU")]).starts_with("country: `YU`"));
        assert!(message(&[("per_page", "0")]).starts_with("per_page:"));
        assert!(message(&[("per_page", "101")]).starts_with("per_page:"));
        assert!(message(&[("page", "abc")]).starts_with("page: `abc`"));
        assert!(message(&[("page", "200")]).contains("first 1000"));
        assert!(message(&[("year_from", "2020"), ("year_to", "2010")]).starts_with("year_from:"));
        assert!(message(&[("contry", "RS")]).starts_with("contry: unknown parameter"));
        assert!(message(&[("theme", "labor")]).contains("exploitation/labour"));
        assert_eq!(
            message(&[("kind", "verdict")]),
            "kind: `verdict`: expected judgment, decision, recommendation, report or legislation"
        );
        assert_eq!(
            message(&[("provenance", "both")]),
            "provenance: `both`: expected real or sample"
        );
    }

    #[test]
    fn expansion_is_on_unless_switched_off_and_the_last_value_counts() {
        assert!(SearchRequest::from_pairs([("q", "x")]).unwrap().expand);
        assert!(
            !SearchRequest::from_pairs([("expand", "false")])
                .unwrap()
                .expand
        );
        assert!(!SearchRequest::from_pairs([("expand", "0")]).unwrap().expand);
        let form = [("expand", "false"), ("expand", "true")];
        assert!(SearchRequest::from_pairs(form).unwrap().expand);
        assert_eq!(
            message(&[("expand", "maybe")]),
            "expand: `maybe`: expected true or false"
        );
    }

    #[test]
    fn citation_filters_take_what_users_paste() {
        let r = SearchRequest::from_pairs([
            ("cites", "no. 25965/04"),
            ("cites", "ecli:ce:echr:2010:0107jud002596504"),
            ("provision", "rs/cc/388"),
            ("provision", "/MK/CC/418-а"),
        ])
        .unwrap();
        assert_eq!(
            r.cites,
            vec!["25965/04", "ECLI:CE:ECHR:2010:0107JUD002596504"]
        );
        assert_eq!(
            r.filters[Dimension::Provision],
            vec!["RS/CC/388", "MK/CC/418a"]
        );
        assert!(message(&[("cites", "Rantsev")]).starts_with("cites: `Rantsev`"));
        assert!(message(&[("provision", "/FR/CC/1")]).starts_with("provision: `/FR/CC/1`"));
    }

    #[test]
    fn filters_and_parameters_are_bounded() {
        let countries = vec![("country", "RS"); MAX_FILTER_VALUES + 1];
        assert!(message(&countries)
            .starts_with(&format!("country: more than {MAX_FILTER_VALUES} values")));
        let at_limit = vec![("court", "c"); MAX_FILTER_VALUES];
        assert!(SearchRequest::from_pairs(at_limit).is_ok());
        let mut many = vec![("court", "c"); MAX_FILTER_VALUES];
        many.extend(vec![("lang", "en"); MAX_FILTER_VALUES]);
        assert_eq!(many.len(), MAX_QUERY_PARAMETERS);
        assert!(SearchRequest::from_pairs(many.clone()).is_ok());
        many.push(("q", "x"));
        assert!(message(&many).starts_with("query string: more than"));
    }

    #[test]
    fn query_strings_decode_strictly() {
        let pairs = decode_query_string("q=trgovina+ljudima&country=RS&q2=%D1%99%D1%83").unwrap();
        assert_eq!(
            pairs,
            vec![
                ("q".into(), "trgovina ljudima".into()),
                ("country".into(), "RS".into()),
                ("q2".into(), "љу".into()),
            ]
        );
        for (raw, parameter) in [
            ("q=%FF%FE", "`q` is not valid UTF-8"),
            ("q=%ED%A0%80", "`q` is not valid UTF-8"),
            ("court=a%C3", "court: `court` is not valid UTF-8"),
            ("%FF=1", "query string: a parameter name"),
        ] {
            let e = decode_query_string(raw).unwrap_err().to_string();
            assert!(e.contains(parameter), "{raw}: {e}");
        }
        assert!(matches!(
            decode_query_string("q=%FF").unwrap_err(),
            SearchError::Query(_)
        ));
        let over = "a=1&".repeat(MAX_QUERY_PARAMETERS + 1);
        assert!(decode_query_string(&over).is_err());
    }
}
