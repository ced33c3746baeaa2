//! The search page: results, partial matches, chips, sort, pagination, export links, and the error box of a search that could not run.

use super::*;
use thb_engine::domain::thesaurus;
use thb_engine::search::explain::{HitExplanation, Match, MatchAnalysis};

/// The search page: results and facets, or the reason the search could not run.
pub(crate) fn search_page(
    params: &PageParams,
    outcome: Result<&SearchResponse, &PageError>,
) -> Markup {
    let ui = params.ui;
    let title = match params.query() {
        "" => ui.t(Label::PageTitle).to_string(),
        q => format!("{q} · {}", ui.t(Label::PageTitle)),
    };
    let body = html! {
        h1.visually-hidden { (title) }
        form #search-form .search-form method="get" action="/" role="search" {
            (search_bar(params))
            // What a search changes: with JavaScript, the page swaps this part in place.
            div #outcome {
                @match outcome {
                    Ok(response) => {
                        // The page size and the article filter (reached from a document's
                        // articles) have no control of their own on the page.
                        (hidden_fields(params.pairs().filter(|(k, _)| matches!(*k, "per_page" | "article"))))
                        (results_layout(params, response))
                    }
                    Err(error) => {
                        // Keep every other parameter, so the corrected search keeps its filters,
                        // and show them as chips: they are still applied.
                        (hidden_fields(params.pairs().filter(|(k, _)| {
                            *k != "q" && *k != "page" && Some(*k) != error.parameter.as_deref()
                        })))
                        (error_box(params, error))
                        (chips(&match &error.parameter {
                            Some(parameter) => params.with(parameter, None),
                            None => params.clone(),
                        }))
                    }
                }
            }
        }
    };
    layout(params, "/", &title, body)
}

pub(super) fn error_box(params: &PageParams, error: &PageError) -> Markup {
    let ui = params.ui;
    html! {
        div.error-box role="alert" {
            h2 { (ui.t(error.title())) }
            p.error-message {
                (i18n::error_message(ui, error))
                @if let Some(column) = error.column {
                    " " (ui.fill(Label::ErrorColumn, &[("column", &column.to_string())]))
                }
            }
            @if let Some(suggestion) = &error.suggestion {
                p {
                    (ui.t(Label::DidYouMean)) " "
                    a.suggestion href=(params.first_page().with("q", Some(suggestion)).search_url()) {
                        (suggestion)
                    }
                }
            }
            @if let Some(parameter) = &error.parameter {
                p {
                    a href=(params.first_page().with(parameter, None).search_url()) {
                        (ui.fill(Label::RemoveParameter, &[("name", parameter)]))
                    }
                }
            }
            p { a href=(params.ui_only().search_url()) { (ui.t(Label::NewSearch)) } }
        }
    }
}

pub(super) fn results_layout(params: &PageParams, response: &SearchResponse) -> Markup {
    let ui = params.ui;
    let facets = &response.facets;
    let selected = selected_filters(params).len();
    html! {
        div.layout {
            details #filters .filters open {
                summary {
                    (ui.t(Label::Filters))
                    @if selected > 0 { " (" (selected) ")" }
                }
                div.filters-body {
                    (provenance_filter(params))
                    @for dimension in Dimension::in_parameter_order() {
                        (facet(params, dimension, &facets[dimension]))
                    }
                    div.apply { button type="submit" { (ui.t(Label::ApplyFilters)) } }
                }
            }
            section #results .results aria-labelledby="results-heading" {
                h2 #results-heading .visually-hidden { (ui.t(Label::Results)) }
                (chips(params))
                div.results-bar {
                    p.total role="status" {
                        (ui.fill(Label::Total, &[("total", &response.total.to_string()), ("ms", &response.took_ms.to_string())]))
                    }
                    div.sort {
                        label for="sort" { (ui.t(Label::SortBy)) }
                        (sort_select(params))
                        button.no-js type="submit" { (ui.t(Label::Apply)) }
                    }
                    (expand_switch(params))
                    (explain_switch(params))
                }
                (expansions_applied(params, response))
                (export_links(params, response.total))
                @if response.hits.is_empty() {
                    (empty_results(params, response))
                } @else {
                    ol.hits #hits tabindex="-1" start=((response.page - 1) * response.per_page + 1) {
                        @for hit in &response.hits {
                            (hit_item(params, hit))
                        }
                    }
                }
                @if let Some(partial) = &response.partial {
                    (partial_results(params, response.total, partial))
                }
                (pagination(params, response))
            }
        }
    }
}

/// Whether the page's search expands concepts across languages: the last `expand` value, as
/// the request reads it (see `expand_switch`); on unless switched off.
fn expanding(params: &PageParams) -> bool {
    !matches!(
        params
            .values("expand")
            .last()
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("false" | "0" | "off" | "no")
    )
}

/// The switch of cross-language expansion. An unticked box sends nothing, so a hidden `false`
/// comes first and the box's `true` after it: the request reads the last value.
pub(super) fn expand_switch(params: &PageParams) -> Markup {
    let ui = params.ui;
    html! {
        div.expand {
            input type="hidden" name="expand" value="false";
            input #expand type="checkbox" name="expand" value="true" checked[expanding(params)];
            label for="expand" { (ui.t(Label::ExpandAcrossLanguages)) }
            button.no-js type="submit" { (ui.t(Label::Apply)) }
        }
    }
}

/// The switch that asks each hit why it came up (`explain`); off unless asked for.
fn explain_switch(params: &PageParams) -> Markup {
    let ui = params.ui;
    let on = params
        .values("explain")
        .last()
        .is_some_and(|v| matches!(v.to_ascii_lowercase().as_str(), "true" | "1" | "on" | "yes"));
    html! {
        div.explain {
            input #explain type="checkbox" name="explain" value="true" checked[on];
            label for="explain" { (ui.t(Label::ExplainResults)) }
        }
    }
}

/// Why a hit came up, from its explanation (`explain=true`): each clause that matched it, in
/// which field and how, and what it added to the score.
fn why_this_result(ui: Ui, explanation: &HitExplanation) -> Markup {
    let points = |p: f32| format!("{p:.2}");
    html! {
        details.why {
            summary { (ui.t(Label::WhyThisResult)) }
            p { (ui.fill(Label::ExplainScore, &[("score", &points(explanation.score))])) }
            ul {
                @for m in &explanation.matches {
                    li data-field=(m.field) data-analysis=(m.analysis.as_str()) {
                        @let place = match_place(ui, m);
                        @match &m.expansion {
                            Some(concept) => {
                                (ui.fill(Label::ExplainExpansion, &[
                                    ("where", &place),
                                    ("term", &m.term),
                                    ("language", &i18n::language_name(ui, m.language.as_deref().unwrap_or(""))),
                                    ("concept", &concept_name(ui, concept)),
                                    ("words", &m.words),
                                ]))
                            }
                            None => {
                                (ui.fill(Label::ExplainMatch, &[
                                    ("where", &place),
                                    ("term", &m.term),
                                    ("words", &m.words),
                                    ("points", &points(m.contribution)),
                                ]))
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A thesaurus concept as the interface's language names it (its first term there; the
/// English one where the language has none), not by its id.
fn concept_name(ui: Ui, id: &str) -> String {
    let Some(concept) = thesaurus::shipped().concept(id) else {
        return id.to_string();
    };
    let first_in = |tag: &str| {
        concept
            .terms
            .iter()
            .find(|t| t.language.tag() == tag)
            .map(|t| t.term.clone())
    };
    first_in(ui.html_lang())
        .or_else(|| first_in("en"))
        .unwrap_or_else(|| id.to_string())
}

/// Where and how a clause matched, in the interface's words.
fn match_place(ui: Ui, m: &Match) -> String {
    let in_title = m.field.starts_with("title");
    match m.analysis {
        MatchAnalysis::Stemmed => {
            // The Serbo-Croatian stemmer serves four languages (`analysis::StemLanguage`).
            let languages = match m.language.as_deref() {
                Some("sh") => ["sr", "hr", "bs", "cnr"]
                    .map(|tag| i18n::language_name(ui, tag))
                    .join(" / "),
                Some(code) => i18n::language_name(ui, code),
                None => String::new(),
            };
            ui.fill(Label::MatchStem, &[("language", &languages)])
        }
        MatchAnalysis::Identifier => ui.t(Label::MatchIdentifier).to_string(),
        MatchAnalysis::Court => ui.t(Label::MatchCourt).to_string(),
        MatchAnalysis::Exact if in_title => ui.t(Label::MatchTitleExact).to_string(),
        MatchAnalysis::Exact => ui.t(Label::MatchTextExact).to_string(),
        MatchAnalysis::Folded | MatchAnalysis::Prefix if in_title => {
            ui.t(Label::MatchTitleFolded).to_string()
        }
        MatchAnalysis::Folded | MatchAnalysis::Prefix => ui.t(Label::MatchTextFolded).to_string(),
    }
}

/// The concepts the query named and the terms the search also looked for.
pub(super) fn expansions_applied(params: &PageParams, response: &SearchResponse) -> Markup {
    let ui = params.ui;
    html! {
        @if !response.expansions.is_empty() {
            div.expansions #expansions {
                (ui.t(Label::ExpandedWith))
                ul {
                    @for expansion in &response.expansions {
                        li data-concept=(expansion.concept) {
                            strong { (expansion.matched) }
                            " → "
                            @for (i, term) in expansion.terms.iter().enumerate() {
                                @if i > 0 { ", " }
                                span lang=(term.language.tag()) { (term.term) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The orders offered, with their labels.
const SORT_OPTIONS: [(Sort, Label); 3] = [
    (Sort::Relevance, Label::SortRelevance),
    (Sort::DateDesc, Label::SortNewest),
    (Sort::DateAsc, Label::SortOldest),
];

pub(super) fn sort_select(params: &PageParams) -> Markup {
    let ui = params.ui;
    let current = params
        .first("sort")
        .and_then(Sort::parse)
        .unwrap_or_default();
    html! {
        select #sort name="sort" {
            @for (sort, key) in SORT_OPTIONS {
                option value=(sort.as_str()) selected[sort == current] { (ui.t(key)) }
            }
        }
    }
}

pub(super) fn empty_results(params: &PageParams, response: &SearchResponse) -> Markup {
    let ui = params.ui;
    html! {
        div.empty #hits tabindex="-1" {
            @if response.total > 0 {
                p { (ui.t(Label::PastLastPage)) }
                p { a href=(params.first_page().search_url()) { (ui.t(Label::FirstPage)) } }
            } @else {
                p.empty-title { (ui.t(Label::NoResults)) }
                @if response.partial.is_none() {
                    ul {
                        li { (ui.t(Label::NoResultsFewerWords)) }
                        // Only when there is a filter to remove.
                        @if !selected_filters(params).is_empty() {
                            li { (ui.t(Label::NoResultsFilters)) }
                        }
                        li { (ui.t(Label::NoResultsPrefix)) }
                    }
                }
            }
        }
    }
}

/// The query without one of its words or phrases (as the engine reports it, as typed).
pub(super) fn query_without(query: &str, word: &str) -> String {
    let rest = if word.starts_with('"') {
        query.replacen(word, " ", 1)
    } else {
        let mut dropped = false;
        let kept: Vec<&str> = query
            .split_whitespace()
            .filter(|token| {
                let drop = !dropped && *token == word;
                dropped |= drop;
                !drop
            })
            .collect();
        kept.join(" ")
    };
    rest.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The documents that match some of the words, below the full matches: each word that
/// matches nothing offered for removal, what each word matches alone, then the hits.
pub(super) fn partial_results(params: &PageParams, full: usize, partial: &Partial) -> Markup {
    let ui = params.ui;
    let total = partial.total.to_string();
    html! {
        section.partial #partial aria-labelledby="partial-heading" {
            h2 #partial-heading { (ui.t(Label::PartialHeading)) }
            @for word in partial.words.iter().filter(|w| w.documents == 0) {
                p.drop-word {
                    (ui.fill(Label::WordMatchesNothing, &[("word", &word.word)])) " "
                    a href=(params.first_page().with("q", Some(&query_without(params.query(), &word.word))).search_url()) {
                        (ui.t(Label::SearchWithout))
                    }
                }
            }
            p.word-counts {
                (ui.t(Label::WordCounts)) " "
                @for (i, word) in partial.words.iter().enumerate() {
                    @if i > 0 { ", " }
                    span.word-count { (word.word) " (" (word.documents) ")" }
                }
            }
            @if !partial.hits.is_empty() {
                p.partial-intro {
                    @if full == 0 {
                        (ui.fill(Label::PartialIntro, &[("total", &total)]))
                    } @else {
                        (ui.fill(Label::PartialFewer, &[("total", &total), ("full", &full.to_string())]))
                    }
                }
                ol.hits.partial-hits {
                    @for hit in &partial.hits {
                        (hit_item(params, hit))
                    }
                }
            }
        }
    }
}

pub(super) fn hit_item(params: &PageParams, hit: &Hit) -> Markup {
    let ui = params.ui;
    html! {
        li.hit {
            h3.hit-title lang=[hit.language.as_deref()] { a href=(params.document_url(&hit.id)) { (marked_title(ui, &hit.title_marked.html())) } }
            @if hit.provenance == Some(Provenance::Sample) {
                p.badge.sample { (ui.t(Label::SampleBadge)) }
            }
            p.hit-meta {
                span.hit-kind { (kind_label(ui, hit.kind.as_str())) }
                // A GRETA document's round and wording, as researchers filter and cite them.
                @if let Some(greta) = &hit.greta {
                    span.sep aria-hidden="true" { " · " }
                    span.hit-round { (greta_round_label(ui, &greta.round.to_string())) }
                    @if let Some(strength) = greta.strength {
                        span.sep aria-hidden="true" { " · " }
                        span.hit-strength { (strength_label(ui, strength.as_str())) }
                    }
                }
                @if let Some(court) = &hit.court {
                    span.sep aria-hidden="true" { " · " }
                    // The court's other decisions for the same query, as HUDOC's metadata links;
                    // by its facet value, so the court facet shows it ticked.
                    a.hit-court href=(params.first_page().with("court", Some(&courts::facet_value(court))).search_url()) { (i18n::court_name(ui, court)) }
                }
                span.sep aria-hidden="true" { " · " }
                span { (country_list(ui, &hit.country)) }
                @if let Some(date) = &hit.date {
                    span.sep aria-hidden="true" { " · " }
                    (date_element(ui, date))
                }
                @if let Some(language) = &hit.language {
                    span.sep aria-hidden="true" { " · " }
                    span { (i18n::language_name(ui, language)) }
                }
                // The case's other decisions (first instance, appeal, …), on its page.
                @if hit.other_decisions > 0 {
                    span.sep aria-hidden="true" { " · " }
                    a.hit-proceedings href=(format!("{}#proceedings-heading", params.document_url(&hit.id))) {
                        (ui.fill(Label::OtherDecisions, &[("n", &hit.other_decisions.to_string())]))
                    }
                }
                // The same judgment in other languages: one hit, as HUDOC lists it.
                @if !hit.versions.is_empty() {
                    span.sep aria-hidden="true" { " · " }
                    span.hit-versions {
                        (ui.t(Label::AlsoIn)) ": "
                        @for (i, version) in hit.versions.iter().enumerate() {
                            @if i > 0 { ", " }
                            a href=(params.document_url(&version.id)) hreflang=(version.language) title=(i18n::language_name(ui, &version.language)) {
                                (version.language.to_uppercase())
                            }
                        }
                    }
                }
            }
            p.snippet lang=[hit.language.as_deref()] { (PreEscaped(hit.snippet.html())) }
            @if let Some(paragraph) = &hit.paragraph {
                (paragraph_line(params, hit, paragraph))
            }
            @if !hit.themes.is_empty() || !hit.themes_inferred.is_empty() {
                ul.tags aria-label=(ui.t(Label::Themes)) {
                    @for theme in &hit.themes {
                        li { (i18n::theme_label(ui, theme)) }
                    }
                    // Inferred from the concepts the text names, not declared: set apart.
                    @for theme in &hit.themes_inferred {
                        li.inferred data-inferred="true" { (i18n::theme_label(ui, theme)) }
                    }
                }
            }
            @if let Some(explanation) = &hit.explanation {
                (why_this_result(ui, explanation))
            }
        }
    }
}

/// The paragraph a hit's snippet stands in, linked to on the document's page, and its
/// pin-cite in a field to select (and, with JavaScript, a button that copies it).
fn paragraph_line(params: &PageParams, hit: &Hit, paragraph: &HitParagraph) -> Markup {
    let ui = params.ui;
    let field = format!("pin-{}", hit.id);
    let href = format!("{}#{}", params.document_url(&hit.id), paragraph.anchor);
    html! {
        p.hit-paragraph {
            a.paragraph-link href=(href) title=(ui.fill(Label::AtParagraph, &[("n", &paragraph.number)])) {
                "§ " (paragraph.number)
            }
            " "
            label.visually-hidden for=(field) { (ui.t(Label::PinCite)) }
            input.pin-cite id=(field) type="text" readonly value=(paragraph.pin_cite) size=(paragraph.pin_cite.chars().count().min(80));
            " "
            button.copy-pin type="button" data-copy=(field) hidden { (ui.t(Label::CopyPinCite)) }
            span.copy-status role="status" data-copied=(ui.t(Label::Copied)) {}
        }
    }
}

/// The selected filters as (label, URL without it), in the order of their parameters.
pub(super) fn selected_filters(params: &PageParams) -> Vec<(String, String)> {
    let ui = params.ui;
    let mut chips = Vec::new();
    for parameter in &PARAMETERS {
        let label = match parameter.role {
            Role::Filter(dimension) => Label::Facet(dimension),
            Role::Article => Label::FacetGretaArticle,
            Role::Provenance => Label::FacetProvenance,
            Role::Cites => Label::FilterCites,
            // One chip for the range, removing both ends.
            Role::YearFrom => {
                chips.extend(year_range_chip(params));
                continue;
            }
            Role::YearTo
            | Role::Query
            | Role::Sort
            | Role::Expand
            | Role::Explain
            | Role::ExplainId
            | Role::Page
            | Role::PerPage => continue,
        };
        for value in params.values(parameter.key) {
            let shown = match parameter.role {
                Role::Filter(dimension) => value_label(ui, dimension, value),
                Role::Article => greta_article_label(ui, value),
                Role::Provenance if value == "real" => ui.t(Label::RealOnly).to_string(),
                _ => value.to_string(),
            };
            chips.push((
                format!("{}: {shown}", ui.t(label)),
                params.without(parameter.key, value).search_url(),
            ));
        }
    }
    chips
}

/// The chosen years as a chip (`2010–2015`, `2010–`, `2012`), with the URL without them.
fn year_range_chip(params: &PageParams) -> Option<(String, String)> {
    let (from, to) = (params.first("year_from"), params.first("year_to"));
    let range = match (from, to) {
        (Some(f), Some(t)) if f == t => f.to_string(),
        (Some(f), Some(t)) => format!("{f}–{t}"),
        (Some(f), None) => format!("{f}–"),
        (None, Some(t)) => format!("–{t}"),
        (None, None) => return None,
    };
    let url = params
        .first_page()
        .with("year_from", None)
        .with("year_to", None)
        .search_url();
    let label = params.ui.t(Label::Facet(Dimension::Year));
    Some((format!("{label}: {range}"), url))
}

pub(super) fn chips(params: &PageParams) -> Markup {
    let ui = params.ui;
    let chips = selected_filters(params);
    if chips.is_empty() {
        return html! {};
    }
    html! {
        div.chips {
            span.chips-label #chips-label { (ui.t(Label::SelectedFilters)) }
            ul aria-labelledby="chips-label" {
                @for (label, url) in &chips {
                    li {
                        a.chip href=(url) aria-label=(ui.fill(Label::RemoveFilter, &[("filter", label)])) {
                            span { (label) }
                            span.chip-x aria-hidden="true" { "×" }
                        }
                    }
                }
            }
            @if chips.len() > 1 {
                a.clear-filters href=(params.without_filters().search_url()) { (ui.t(Label::ClearFilters)) }
            }
        }
    }
}

pub(super) fn export_links(params: &PageParams, total: usize) -> Markup {
    let ui = params.ui;
    let set = params.result_set();
    let extent = if total > MAX_EXPORT_ROWS {
        ui.fill(
            Label::ExportFirst,
            &[
                ("cap", &MAX_EXPORT_ROWS.to_string()),
                ("total", &total.to_string()),
            ],
        )
    } else {
        ui.fill(Label::ExportAll, &[("total", &total.to_string())])
    };
    html! {
        p.export {
            span { (ui.t(Label::Export)) " " }
            a href=(set.url("/export.csv")) download { "CSV" }
            span aria-hidden="true" { " · " }
            a href=(set.url("/export.jsonl")) download { "JSON Lines" }
            " "
            span.export-extent { "(" (extent) ")" }
        }
    }
}

/// One page link or a gap in the list of pages.
pub(super) enum PageLink {
    Page(usize),
    Gap,
}

/// Page 1, the pages around the current one, and the last reachable page.
pub(super) fn page_links(current: usize, last: usize) -> Vec<PageLink> {
    let mut out = Vec::new();
    let mut previous = 0;
    for page in 1..=last {
        let near = page + 2 >= current && page <= current + 2;
        if page == 1 || page == last || near {
            if page > previous + 1 {
                out.push(PageLink::Gap);
            }
            out.push(PageLink::Page(page));
            previous = page;
        }
    }
    out
}

pub(super) fn pagination(params: &PageParams, response: &SearchResponse) -> Markup {
    let ui = params.ui;
    let per_page = response.per_page.max(1);
    // Paging stops at MAX_RESULT_DEPTH results, as the API does.
    let last = response
        .total
        .min(MAX_RESULT_DEPTH)
        .div_ceil(per_page)
        .max(1);
    let current = response.page;
    let page_url = |page: usize| {
        if page == 1 {
            params.first_page().search_url()
        } else {
            params.with("page", Some(&page.to_string())).search_url()
        }
    };
    if last <= 1 && current <= 1 && response.total <= MAX_RESULT_DEPTH {
        return html! {};
    }
    html! {
        nav.pagination aria-label=(ui.t(Label::Pagination)) {
            ul {
                @if current > 1 {
                    li { a rel="prev" href=(page_url((current - 1).min(last))) { "‹ " (ui.t(Label::Previous)) } }
                }
                @for link in page_links(current, last) {
                    @match link {
                        PageLink::Page(page) => li {
                            a href=(page_url(page))
                                aria-label=(ui.fill(Label::PageN, &[("n", &page.to_string())]))
                                aria-current=[(page == current).then_some("page")] { (page) }
                        },
                        PageLink::Gap => li.gap aria-hidden="true" { "…" },
                    }
                }
                @if current < last {
                    li { a rel="next" href=(page_url(current + 1)) { (ui.t(Label::Next)) " ›" } }
                }
            }
            @if response.total > MAX_RESULT_DEPTH {
                p.depth-note { (ui.fill(Label::DepthNote, &[("depth", &MAX_RESULT_DEPTH.to_string())])) }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages(current: usize, last: usize) -> String {
        page_links(current, last)
            .iter()
            .map(|l| match l {
                PageLink::Page(p) => p.to_string(),
                PageLink::Gap => "…".to_string(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn page_links_show_the_ends_and_the_neighbourhood() {
        assert_eq!(pages(1, 1), "1");
        assert_eq!(pages(1, 4), "1 2 3 4");
        assert_eq!(pages(1, 10), "1 2 3 … 10");
        assert_eq!(pages(6, 10), "1 … 4 5 6 7 8 … 10");
        assert_eq!(pages(10, 10), "1 … 8 9 10");
    }

    #[test]
    fn a_word_that_matches_nothing_is_taken_out_of_the_query_once() {
        assert_eq!(
            query_without("positive obligation identify victim", "identify"),
            "positive obligation victim"
        );
        assert_eq!(query_without("a b a", "a"), "b a");
        assert_eq!(
            query_without("\"forced labour\" Rantsev", "\"forced labour\""),
            "Rantsev"
        );
    }
}
