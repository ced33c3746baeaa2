//! The HTML of the pages (maud templates): the search page with its facet sidebar, the
//! document page, and the error pages. Templates only: they take what the handlers fetched and
//! never search, look up or decide status codes.
//!
//! Everything is plain HTML that works without JavaScript — one GET form, checkboxes, links —
//! and `app.js` only adds conveniences. Snippets and highlighted texts come from
//! `search::snippet`, which escapes everything but its own `<mark>`, so they are inserted as
//! they are ([`PreEscaped`]); every other value goes through maud's escaping.

//!
//! | module | renders |
//! |---|---|
//! | `layout` | the frame of every page (header, language switch, footer), the search box and its syntax help, the error page outside a search |
//! | `search` | the search page: results (with the paragraph a hit stands in and its pin-cite), partial matches, chips, sort, pagination, exports, the error box of a search |
//! | `facets` | the facet sidebar: how each dimension's facet is drawn, option lists and trees, their filter box, the year histogram |
//! | `document` | the document page: metadata, language versions, citation, the marked text with its citations linked and its numbered paragraphs anchored, "Cited by" |
//! | `labels` | how values read in the interface language: titles, dates, each dimension's values, GRETA wording |

mod document;
mod facets;
mod labels;
mod layout;
mod search;

use maud::{html, Markup, PreEscaped, DOCTYPE};

use thb_engine::document::{Access, Document, Kind, Provenance};
use thb_engine::domain::courts;
use thb_engine::limits::{MAX_EXPORT_ROWS, MAX_RESULT_DEPTH};
use thb_engine::search::paragraph::HitParagraph;
use thb_engine::search::partial::Partial;
use thb_engine::search::similar::{Lineage, SimilarHit};
use thb_engine::search::{FacetValue, Hit, SearchResponse, Sort};
use thb_engine::versions::Version;
use thb_engine::vocabulary::{Dimension, Role, PARAMETERS};
use thb_text::normalize::{fold_for_search_string, is_word_char};

use super::citation::citation;
use super::i18n::{self, Label, Ui};
use super::params::PageParams;
use super::{assets, PageError};

pub(crate) use document::{document_page, Highlighted, Related};
use facets::*;
use labels::*;
pub(crate) use layout::error_page;
use layout::*;
pub(crate) use search::search_page;
