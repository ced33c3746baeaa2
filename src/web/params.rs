//! The page's state, which lives in the URL: the interface language (`ui`) and the search
//! parameters, exactly as the API takes them. Every link the pages draw (a facet chip, a page
//! number, a document, the way back) is built here from the current parameters, so a result
//! page or a document view can be bookmarked, shared and reached again with back and forward.
//!
//! Parsing never fails: validation is the search request's job ([`SearchRequest::from_pairs`]),
//! whose errors the page shows with a 400.

use crate::api::auth::Access;
use thb_engine::search::request::decode_query_string;
use thb_engine::search::{SearchError, SearchRequest};
use thb_engine::vocabulary::{Parameter, Role};

use super::i18n::Ui;

/// The parameters of a page: the interface language and the search pairs in their URL order.
#[derive(Debug, Clone, Default)]
pub(crate) struct PageParams {
    pub ui: Ui,
    /// Search parameters, without `ui` and without empty values (a plain GET form sends
    /// `year_from=` for an empty field; it means "not set").
    pairs: Vec<(String, String)>,
}

/// What a parameter of the URL does (`vocabulary::PARAMETERS`); `None` for an unknown one.
fn role(key: &str) -> Option<Role> {
    Parameter::find(key).map(|p| p.role)
}

/// Whether the parameter chooses a page of results rather than the result set (left out of
/// exports and reset when the result set changes).
fn pages(key: &str) -> bool {
    matches!(role(key), Some(Role::Page | Role::PerPage))
}

impl PageParams {
    /// Reads a raw query string; unknown `ui` values fall back to English. A query string that
    /// does not decode (not UTF-8, too many parameters) is the search request's error.
    pub fn parse(raw_query: Option<&str>) -> Result<PageParams, SearchError> {
        let mut params = PageParams::default();
        for (key, value) in decode_query_string(raw_query.unwrap_or(""))? {
            let value = value.trim();
            if key == "ui" {
                params.ui = Ui::parse(value).unwrap_or_default();
            } else if !value.is_empty() {
                params.pairs.push((key, value.to_string()));
            }
        }
        Ok(params)
    }

    /// Every search pair, in URL order.
    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// Every value of `key`, in order.
    pub fn values<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.pairs
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The first value of `key`.
    pub fn first(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The query text (empty when absent).
    pub fn query(&self) -> &str {
        self.first("q").unwrap_or("")
    }

    /// True when `key=value` is selected. Codes compare case-insensitively, as the request
    /// canonicalises them (`country=rs` selects `RS`).
    pub fn has(&self, key: &str, value: &str) -> bool {
        // A path may come with or without its slashes (`/RS/CC/388`, a theme's `/labour/`).
        let value = value.trim_matches('/');
        self.values(key)
            .any(|v| v.trim_matches('/').eq_ignore_ascii_case(value))
    }

    /// The validated search request; `ui` never reaches it.
    pub fn search_request(&self, access: Access) -> Result<SearchRequest, SearchError> {
        let mut request = SearchRequest::from_pairs(self.pairs())?;
        request.include_restricted = access.can_read_restricted();
        Ok(request)
    }

    /// The same parameters with every value of `key` replaced by `value` (none when `None`).
    /// The new value takes the place of the first old one, so URLs keep their order.
    pub fn with(&self, key: &str, value: Option<&str>) -> PageParams {
        let mut next = self.clone();
        let at = next
            .pairs
            .iter()
            .position(|(k, _)| k == key)
            .unwrap_or(next.pairs.len());
        next.pairs.retain(|(k, _)| k != key);
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            next.pairs.insert(
                at.min(next.pairs.len()),
                (key.to_string(), value.to_string()),
            );
        }
        next
    }

    /// The same parameters without the one pair `key=value`, back on the first page.
    pub fn without(&self, key: &str, value: &str) -> PageParams {
        let mut next = self.first_page();
        next.pairs
            .retain(|(k, v)| !(k == key && v.eq_ignore_ascii_case(value)));
        next
    }

    /// The same parameters with every filter removed (the query, sort and ui kept).
    pub fn without_filters(&self) -> PageParams {
        let mut next = self.first_page();
        next.pairs.retain(|(k, _)| {
            matches!(
                role(k),
                Some(
                    Role::Query
                        | Role::Sort
                        | Role::Expand
                        | Role::Explain
                        | Role::ExplainId
                        | Role::PerPage
                )
            )
        });
        next
    }

    /// The same parameters back on the first page.
    pub fn first_page(&self) -> PageParams {
        self.with("page", None)
    }

    /// The same parameters in another interface language.
    pub fn in_ui(&self, ui: Ui) -> PageParams {
        PageParams {
            ui,
            pairs: self.pairs.clone(),
        }
    }

    /// The parameters that define the result set (no paging, no interface language): what an
    /// export takes.
    pub fn result_set(&self) -> PageParams {
        let mut pairs = self.pairs.clone();
        pairs.retain(|(k, _)| !pages(k));
        PageParams {
            ui: Ui::default(),
            pairs,
        }
    }

    /// Only the language: for links that start a new search.
    pub fn ui_only(&self) -> PageParams {
        PageParams {
            ui: self.ui,
            pairs: Vec::new(),
        }
    }

    /// The query string, `ui` last and only when it is not the default.
    pub fn query_string(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        for (k, v) in &self.pairs {
            out.append_pair(k, v);
        }
        if self.ui != Ui::default() {
            out.append_pair("ui", self.ui.code());
        }
        out.finish()
    }

    /// `path` with these parameters.
    pub fn url(&self, path: &str) -> String {
        let query = self.query_string();
        if query.is_empty() {
            path.to_string()
        } else {
            format!("{path}?{query}")
        }
    }

    /// The search page with these parameters.
    pub fn search_url(&self) -> String {
        self.url("/")
    }

    /// A document's page, carrying these parameters so that it can highlight the query and
    /// lead back to the same results.
    pub fn document_url(&self, id: &str) -> String {
        self.url(&document_path(id))
    }
}

/// The path of a document's page. Ids use only `A-Za-z0-9._:/-`, all safe in a path, except
/// that a `.` or `..` segment would be resolved away by the browser: those are escaped.
pub(crate) fn document_path(id: &str) -> String {
    let mut path = String::from("/documents/");
    for (i, segment) in id.split('/').enumerate() {
        if i > 0 {
            path.push('/');
        }
        match segment {
            "." => path.push_str("%2E"),
            ".." => path.push_str("%2E%2E"),
            other => {
                // Anything outside the id alphabet (never stored, but an id is only text) is
                // percent-encoded rather than trusted.
                for byte in other.bytes() {
                    if byte.is_ascii_alphanumeric() || matches!(byte, b'.' | b'_' | b':' | b'-') {
                        path.push(byte as char);
                    } else {
                        path.push_str(&format!("%{byte:02X}"));
                    }
                }
            }
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ui_is_taken_out_and_empty_values_dropped() {
        let p = PageParams::parse(Some("q=trafficking&ui=sr&year_from=&country=RS&country=BA"))
            .unwrap();
        assert_eq!(p.ui, Ui::Sr);
        assert_eq!(p.values("country").collect::<Vec<_>>(), vec!["RS", "BA"]);
        assert_eq!(p.first("year_from"), None);
        assert_eq!(
            p.query_string(),
            "q=trafficking&country=RS&country=BA&ui=sr"
        );
        assert_eq!(PageParams::parse(Some("ui=xx")).unwrap().ui, Ui::En);
    }

    #[test]
    fn removing_a_filter_keeps_the_others_and_resets_the_page() {
        let p = PageParams::parse(Some("q=a+b&country=RS&country=BA&page=3")).unwrap();
        assert_eq!(
            p.without("country", "rs").query_string(),
            "q=a+b&country=BA"
        );
        assert_eq!(p.without_filters().query_string(), "q=a+b");
        assert_eq!(p.result_set().query_string(), "q=a+b&country=RS&country=BA");
        assert_eq!(
            p.with("page", Some("2")).url("/"),
            "/?q=a+b&country=RS&country=BA&page=2"
        );
        assert_eq!(
            p.with("q", Some("c")).url("/"),
            "/?q=c&country=RS&country=BA&page=3"
        );
    }

    #[test]
    fn document_paths_keep_slashes_and_colons_but_not_dot_segments() {
        assert_eq!(document_path("echr:25965/04"), "/documents/echr:25965/04");
        assert_eq!(document_path("a/../b"), "/documents/a/%2E%2E/b");
        assert_eq!(document_path("x y"), "/documents/x%20y");
    }

    #[test]
    fn unknown_parameters_are_left_for_the_request_to_reject() {
        let p = PageParams::parse(Some("contry=RS")).unwrap();
        let error = p.search_request(Access::Public).unwrap_err();
        assert!(error.to_string().starts_with("contry"), "{error}");
    }
}
