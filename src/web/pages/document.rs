//! The document page: metadata, language versions, citation, the text with the query's words
//! marked and its citations linked, and the documents citing it.

use super::*;

/// A document's text and summary as HTML (escaped, the query's words in `<mark>`).
pub(crate) struct Highlighted<'a> {
    pub text: &'a str,
    pub summary: Option<&'a str>,
    /// How many words the text has marked.
    pub marks: usize,
    /// The text is rendered Markdown (block HTML), not plain text.
    pub markdown: bool,
}

/// The document page.
pub(crate) fn document_page(
    params: &PageParams,
    document: &Document,
    versions: &[Version],
    cited_by: &[DocumentRef],
    highlighted: Highlighted<'_>,
) -> Markup {
    let ui = params.ui;
    let language = document.language.as_deref();
    let path = crate::web::params::document_path(&document.id);
    let body = html! {
        form.search-form.compact method="get" action="/" role="search" {
            (search_bar(params))
            (hidden_fields(params.pairs().filter(|(k, _)| *k != "q" && *k != "page")))
        }
        nav.back { a href=(params.search_url()) { "← " (ui.t("back_to_results")) } }
        article.document {
            header.document-header {
                p.document-kind { (i18n::kind_label(ui, document.kind)) }
                h1 lang=[language] { (title(ui, &document.title)) }
                @if document.provenance == Some(Provenance::Sample) {
                    p.badge.sample { (ui.t("sample_badge")) }
                }
                @if document.access == Access::Restricted {
                    p.badge.restricted { (ui.t("restricted_badge")) }
                }
            }
            section.citation aria-labelledby="citation-heading" {
                h2 #citation-heading { (ui.t("citation")) }
                p #citation-text .citation-text { (citation(document, ui)) }
                button.copy type="button" data-copy="citation-text" hidden { (ui.t("copy_citation")) }
                span.copy-status role="status" data-copied=(ui.t("copied")) {}
                @if let Some(url) = &document.source_url {
                    p.source { a href=(url) rel="noopener noreferrer external" { (ui.t("source_link")) " ↗" } }
                }
            }
            section.metadata aria-labelledby="details-heading" {
                h2 #details-heading { (ui.t("details")) }
                (metadata(params, document, versions))
            }
            @if let Some(summary) = highlighted.summary {
                section.summary aria-labelledby="summary-heading" {
                    h2 #summary-heading { (ui.t("summary")) }
                    p lang=[language] { (PreEscaped(summary)) }
                }
            }
            section.fulltext aria-labelledby="text-heading" {
                h2 #text-heading { (ui.t("full_text")) }
                @if !params.query().is_empty() {
                    div.match-bar {
                        p.match-count role="status" {
                            (ui.fill("matches", &[("n", &highlighted.marks.to_string()), ("q", params.query())]))
                        }
                        @if highlighted.marks > 0 {
                            button.next-match type="button" hidden { (ui.t("next_match")) }
                        }
                    }
                }
                @if highlighted.markdown {
                    div.text.markdown lang=[language] { (PreEscaped(highlighted.text)) }
                } @else {
                    div.text lang=[language] { (PreEscaped(highlighted.text)) }
                }
            }
            @if !cited_by.is_empty() {
                section.cited-by aria-labelledby="cited-by-heading" {
                    h2 #cited-by-heading { (ui.t("cited_by")) " (" (cited_by.len()) ")" }
                    ul.cited-by-list {
                        @for citing in cited_by {
                            li {
                                a href=(params.ui_only().document_url(&citing.id)) lang=[citing.language.as_deref()] { (title(ui, &citing.title)) }
                                @if let Some(court) = &citing.court { ", " (i18n::court_name(ui, court)) }
                                @if let Some(date) = citing.date {
                                    ", " time datetime=(date.to_string()) { (i18n::long_date(ui, date)) }
                                }
                            }
                        }
                    }
                }
            }
            @if document.country.iter().any(|c| c == "XK") {
                p.kosovo-note { (ui.t("kosovo_note")) }
            }
        }
    };
    let page_title = match i18n::title_parts(ui, &document.title) {
        (rest, Some(marker)) => format!("{rest} {marker}"),
        (title, None) => title.to_string(),
    };
    layout(params, &path, &page_title, body)
}

pub(super) fn metadata(params: &PageParams, d: &Document, versions: &[Version]) -> Markup {
    let ui = params.ui;
    let provenance = match d.provenance {
        Some(Provenance::Real) => Some(ui.t("provenance_real")),
        Some(Provenance::Sample) => Some(ui.t("provenance_sample")),
        None => None,
    };
    html! {
        dl.metadata-list {
            dt { (ui.t("field_id")) } dd { code { (d.id) } }
            dt { (ui.t("facet_kind")) } dd { (i18n::kind_label(ui, d.kind)) }
            @if let Some(court) = &d.court { dt { (ui.t("court")) } dd { (i18n::court_name(ui, court)) } }
            dt { (ui.t("facet_country")) } dd { (country_list(ui, &d.country)) }
            @if let Some(date) = d.date {
                dt { (ui.t("field_date")) } dd { time datetime=(date.to_string()) { (i18n::long_date(ui, date)) } }
            }
            @if let Some(language) = &d.language { dt { (ui.t("facet_language")) } dd { (i18n::language_name(ui, language)) } }
            @if !versions.is_empty() {
                dt { (ui.t("language_versions")) }
                dd {
                    ul.language-versions {
                        li aria-current="page" { (i18n::language_name(ui, d.language.as_deref().unwrap_or("und"))) }
                        @for version in versions {
                            li { a href=(params.document_url(&version.id)) hreflang=(version.language) { (i18n::language_name(ui, &version.language)) } }
                        }
                    }
                }
            }
            @if !d.themes.is_empty() {
                dt { (ui.t("themes")) }
                dd { ul.tags { @for theme in &d.themes { li { (i18n::theme_label(ui, theme)) } } } }
            }
            @if let Some(ecli) = &d.ecli { dt { "ECLI" } dd { code { (ecli) } } }
            @if let Some(number) = &d.application_number { dt { (ui.t("field_application")) } dd { (number) } }
            @if let Some(greta) = &d.greta {
                dt { (ui.t("field_greta_round")) } dd { (greta.round) }
                @if let Some(strength) = greta.strength {
                    dt { (ui.t("field_greta_strength")) } dd { (i18n::strength_label(ui, strength)) }
                }
                @if !greta.articles.is_empty() {
                    dt { (ui.t("field_greta_articles")) }
                    // Each article links to every GRETA document on it.
                    dd {
                        @for (i, article) in greta.articles.iter().enumerate() {
                            @if i > 0 { ", " }
                            @let n = article.to_string();
                            a.greta-article href=(params.ui_only().with("article", Some(&n)).search_url()) { (n) }
                        }
                    }
                }
                @if let Some(paragraph) = &greta.paragraph { dt { (ui.t("field_greta_paragraph")) } dd { (paragraph) } }
            }
            @if let Some(provenance) = provenance { dt { (ui.t("field_provenance")) } dd { (provenance) } }
            dt { (ui.t("field_access")) }
            dd { (ui.t(if d.access == Access::Restricted { "access_restricted" } else { "access_public" })) }
        }
    }
}
