//! The theme taxonomy: trafficking themes as paths (`exploitation/labour`), kept as data in
//! `corpus/themes.txt` and compiled in, so that every binary validates against the taxonomy it
//! ships with.

use std::sync::LazyLock;

/// The taxonomy file, one path per line.
const THEMES_FILE: &str = include_str!("../../../../corpus/themes.txt");

static THEMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    THEMES_FILE
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
});

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
    fn nearest_suggests_the_intended_path() {
        assert_eq!(
            nearest("exploitation/labor", 1),
            vec!["exploitation/labour"]
        );
        assert_eq!(nearest("non-punishment", 1), vec!["victims/non-punishment"]);
    }
}
