//! The theme taxonomy: trafficking themes as paths (`exploitation/labour`), kept as data in
//! `corpus/themes.txt` and compiled in, so that every binary validates against the taxonomy it
//! ships with; each path's labels in the languages of the region, in
//! `corpus/theme-labels.toml`.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

/// The taxonomy file, one path per line.
const THEMES_FILE: &str = include_str!("../../../../corpus/themes.txt");

static THEMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    THEMES_FILE
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
});

/// The labels file: a table per path.
const LABELS_FILE: &str = include_str!("../../../../corpus/theme-labels.toml");

/// A theme's name in English, Serbian (Latin script), Albanian, Macedonian, Bosnian and
/// Turkish.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Labels {
    pub en: String,
    pub sr: String,
    pub sq: String,
    pub mk: String,
    pub bs: String,
    pub tr: String,
}

static LABELS: LazyLock<HashMap<String, Labels>> = LazyLock::new(|| {
    // Compiled in and checked by this module's tests.
    toml::from_str(LABELS_FILE).unwrap_or_else(|e| panic!("corpus/theme-labels.toml: {e}"))
});

/// A theme path's labels.
pub fn labels(path: &str) -> Option<&'static Labels> {
    LABELS.get(path)
}

/// Every theme path, parents before their children, in file order.
pub fn all() -> &'static [&'static str] {
    &THEMES
}

/// The top-level themes (`exploitation`, `means`, …).
pub fn top_level() -> impl Iterator<Item = &'static str> {
    all().iter().copied().filter(|t| !t.contains('/'))
}

/// True when `path` is a theme of the taxonomy.
pub fn contains(path: &str) -> bool {
    all().contains(&path)
}

/// The valid paths nearest to an unknown one, best first, for "did you mean" messages.
pub fn nearest(unknown: &str, how_many: usize) -> Vec<&'static str> {
    let mut scored: Vec<(f64, &'static str)> = all()
        .iter()
        .map(|t| {
            // Compare with the whole path and with the last segment, so that `labor` finds
            // `exploitation/labour` as well as `exploitation/labor` does.
            let leaf = t.rsplit('/').next().unwrap_or(t);
            let score = strsim::jaro_winkler(unknown, t).max(strsim::jaro_winkler(unknown, leaf));
            (score, *t)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.into_iter().take(how_many).map(|(_, t)| t).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ships_the_issue_taxonomy() {
        assert_eq!(top_level().count(), 5);
        assert!(contains("exploitation/labour"));
        assert!(contains("victims/non-punishment"));
        assert!(contains("prevention/online-recruitment"));
        assert!(!contains("exploitation/labor"));
        // Every child's parent is in the list too (parent filters match their children).
        for t in all() {
            if let Some((parent, _)) = t.rsplit_once('/') {
                assert!(contains(parent), "{t} has no parent");
            }
        }
    }

    #[test]
    fn every_path_has_every_label_and_no_other_path_has_any() {
        for path in all() {
            let labels = labels(path).unwrap_or_else(|| panic!("no labels for {path}"));
            for label in [
                &labels.en, &labels.sr, &labels.sq, &labels.mk, &labels.bs, &labels.tr,
            ] {
                assert!(!label.trim().is_empty(), "{path}");
            }
            assert!(labels
                .mk
                .chars()
                .any(|c| ('\u{400}'..='\u{4ff}').contains(&c)));
        }
        assert_eq!(LABELS.len(), all().len());
        assert_eq!(labels("exploitation/labour").unwrap().tr, "Emek sömürüsü");
    }

    #[test]
    fn nearest_suggests_the_intended_path() {
        assert_eq!(
            nearest("exploitation/labor", 1),
            vec!["exploitation/labour"]
        );
        assert_eq!(nearest("non-punishment", 1), vec!["victims/non-punishment"]);
    }
}
