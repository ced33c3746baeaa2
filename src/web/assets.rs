//! The stylesheet and script, compiled into the binary (`include_str!`) so the page needs no
//! build step and no network. Pages link them with a content hash (`/assets/app.css?v=…`):
//! a request with the current hash may be cached for a year, as the URL changes with the
//! content; any other request is revalidated.

use std::sync::LazyLock;

use axum::extract::{Path, RawQuery};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

/// `(name, content type, content)` of every asset.
/// The assets' names, for the OpenAPI document.
pub(crate) fn names() -> Vec<&'static str> {
    ASSETS.iter().map(|(name, _, _)| *name).collect()
}

const ASSETS: [(&str, &str, &str); 2] = [
    (
        "app.css",
        "text/css; charset=utf-8",
        include_str!("assets/app.css"),
    ),
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_str!("assets/app.js"),
    ),
];

/// The first 12 hex digits of the SHA-256 of all assets.
static VERSION: LazyLock<String> = LazyLock::new(|| {
    let mut hasher = Sha256::new();
    for (name, _, content) in ASSETS {
        hasher.update(name.as_bytes());
        hasher.update(content.as_bytes());
    }
    format!("{:x}", hasher.finalize())[..12].to_string()
});

/// The URL pages use for an asset.
pub(crate) fn url(name: &str) -> String {
    format!("/assets/{name}?v={}", *VERSION)
}

pub(super) async fn serve(
    Path(name): Path<String>,
    RawQuery(query): RawQuery,
    request: HeaderMap,
) -> Response {
    let Some((_, content_type, content)) = ASSETS.iter().find(|(n, _, _)| *n == name) else {
        return (StatusCode::NOT_FOUND, "no such asset").into_response();
    };
    let etag = format!("\"{}\"", *VERSION);
    let etag_value = HeaderValue::from_str(&etag).unwrap_or(HeaderValue::from_static("\"0\""));
    if request
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == etag.as_bytes())
    {
        let mut response = StatusCode::NOT_MODIFIED.into_response();
        response.headers_mut().insert(header::ETAG, etag_value);
        return response;
    }
    let current = query.as_deref() == Some(format!("v={}", *VERSION).as_str());
    let cache = if current {
        "public, max-age=31536000, immutable"
    } else {
        "public, no-cache"
    };
    let mut response = (StatusCode::OK, *content).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::ETAG, etag_value);
    response
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use thb_text::normalize::fold_for_search_string;

    /// `app.js`'s table of folded letters (`var FOLD = { … };`), read as the JSON it is.
    fn script_fold_table() -> BTreeMap<String, String> {
        let script = include_str!("assets/app.js");
        let start = script
            .find("var FOLD = {")
            .expect("app.js has its FOLD table")
            + 11;
        let end = start + script[start..].find("};").expect("the table ends");
        serde_json::from_str(&script[start..=end]).expect("the table is JSON")
    }

    /// The filter box of long facet lists folds what is typed in the browser; the server folds
    /// the labels with thb-text. They must agree letter for letter, or `beograd` stops finding
    /// `Београд`.
    #[test]
    fn the_scripts_fold_table_is_thb_texts_search_fold() {
        let table = script_fold_table();
        for (letter, folded) in &table {
            assert_eq!(
                &fold_for_search_string(letter),
                folded,
                "app.js folds `{letter}` to `{folded}`"
            );
        }
        // Every Serbian and Macedonian Cyrillic letter, and the Latin letters accents do not
        // explain, are in it.
        let needed = "абвгдђѓежзѕијклљмнњопрстћќуфхцчџшѐѝ"
            .chars()
            .chain("đłıøßæœħ".chars());
        for letter in needed {
            assert!(
                table.contains_key(&letter.to_string()),
                "`{letter}` missing"
            );
        }
    }
}
