//! `GET /api/themes` (the theme taxonomy, each path with its labels in the languages of the
//! region) and `GET /api/thesaurus` (the concepts a query is expanded by, with their terms):
//! the vocabularies a client needs to build filters and to explain expansions. Both are
//! compiled-in data (`corpus/themes.txt`, `corpus/theme-labels.toml`, `corpus/thesaurus.toml`).

use axum::Json;
use serde::Serialize;

use thb_engine::domain::taxonomy::{self, Labels};
use thb_engine::domain::thesaurus::{self, Term};

/// What `GET /api/themes` answers.
#[derive(Serialize, utoipa::ToSchema)]
pub struct Themes {
    /// Every theme, parents before their children, in taxonomy order.
    themes: Vec<Theme>,
}

/// One theme of the taxonomy.
#[derive(Serialize, utoipa::ToSchema)]
pub struct Theme {
    /// What the `theme` filter takes (`exploitation/labour`); a parent includes its children.
    path: String,
    /// The path it sits beneath; left out at the top.
    #[serde(skip_serializing_if = "Option::is_none")]
    parent: Option<String>,
    labels: Labels,
}

pub async fn themes_handler() -> Json<Themes> {
    let themes = taxonomy::all()
        .iter()
        .filter_map(|path| {
            Some(Theme {
                path: path.to_string(),
                parent: path.rsplit_once('/').map(|(parent, _)| parent.to_string()),
                labels: taxonomy::labels(path)?.clone(),
            })
        })
        .collect();
    Json(Themes { themes })
}

/// What `GET /api/thesaurus` answers.
#[derive(Serialize, utoipa::ToSchema)]
pub struct Thesaurus {
    concepts: Vec<Concept>,
}

/// A concept of the thesaurus.
#[derive(Serialize, utoipa::ToSchema)]
pub struct Concept {
    id: String,
    /// Theme paths it belongs to: a document declaring no themes takes these when it names
    /// the concept (`themes_inferred`).
    themes: Vec<String>,
    /// Concepts a search for this one also finds.
    related: Vec<String>,
    /// Its terms, by language.
    terms: Vec<Term>,
}

pub async fn thesaurus_handler() -> Json<Thesaurus> {
    let shipped = thesaurus::shipped();
    let concepts = shipped
        .concepts()
        .iter()
        .map(|c| Concept {
            id: c.id.clone(),
            themes: c.themes.clone(),
            related: shipped.related(c).iter().map(|r| r.id.clone()).collect(),
            terms: c.terms.clone(),
        })
        .collect();
    Json(Thesaurus { concepts })
}
