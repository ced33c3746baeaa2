//! The HTML of the pages (maud templates): the search page with its facet sidebar, the
//! document page, and the error pages. Templates only: they take what the handlers fetched and
//! never search, look up or decide status codes.
//!
//! Everything is plain HTML that works without JavaScript — one GET form, checkboxes, links —
//! and `app.js` only adds conveniences. Snippets and highlighted texts come from
//! `search::snippet`, which escapes everything but its own `<mark>`, so they are inserted as
//! they are ([`PreEscaped`]); every other value goes through maud's escaping.

use maud::{html, Markup, PreEscaped, DOCTYPE};

use thb_engine::document::{Access, Document, Kind, Provenance};
use thb_engine::domain::courts;
use thb_engine::limits::{MAX_EXPORT_ROWS, MAX_RESULT_DEPTH};
use thb_engine::search::partial::Partial;
use thb_engine::search::{FacetValue, Hit, SearchResponse, Sort};
use thb_engine::versions::Version;
use thb_text::normalize::{fold_for_search_string, is_word_char};

use super::citation::citation;
use super::i18n::{self, Ui};
use super::params::PageParams;
use super::{assets, PageError};

/// The frame of every page: language switcher, skip link, header and footer. `path` is the
/// current page's path, so the language switcher stays on the same page and state.
fn layout(params: &PageParams, path: &str, title: &str, body: Markup) -> Markup {
    let ui = params.ui;
    html! {
        (DOCTYPE)
        html lang=(ui.html_lang()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="color-scheme" content="light";
                title { (title) " · thb-caselaw" }
                link rel="icon" href="data:,";
                link rel="stylesheet" href=(assets::url("app.css"));
                script src=(assets::url("app.js")) defer {}
            }
            body {
                a.skip-link href="#content" { (ui.t("skip_to_content")) }
                // On the results page, straight to the first hit: past the header, the search
                // box and every facet (85 Tab presses before).
                @if path == "/" {
                    a.skip-link href="#hits" { (ui.t("skip_to_results")) }
                }
                header.site-header {
                    div.site-header-inner {
                        a.brand href=(params.ui_only().search_url()) {
                            span.brand-name { "thb-caselaw" }
                            span.brand-tagline { (ui.t("tagline")) }
                        }
                        nav.ui-switch aria-label=(ui.t("interface_language")) {
                            ul {
                                @for other in Ui::ALL {
                                    li {
                                        a href=(params.in_ui(other).url(path))
                                            lang=(other.html_lang())
                                            hreflang=(other.html_lang())
                                            aria-current=[(other == ui).then_some("true")] {
                                            (other.native_name())
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                main #content tabindex="-1" { (body) }
                footer.site-footer {
                    p { (ui.t("footer_about")) }
                    p.keys { (ui.t("footer_keys")) }
                }
            }
        }
    }
}

/// The search box, its hint and the syntax help. Used inside a form by both pages.
fn search_bar(params: &PageParams) -> Markup {
    let ui = params.ui;
    html! {
        div.search-bar {
            label.search-label for="q" { (ui.t("search_label")) }
            div.search-row {
                input #q type="search" name="q" value=(params.query())
                    maxlength=(thb_engine::limits::MAX_QUERY_CHARS)
                    autocomplete="off" spellcheck="false" autocapitalize="off"
                    placeholder=(ui.t("search_placeholder")) aria-describedby="search-hint";
                button.primary type="submit" { (ui.t("search_button")) }
            }
            p #search-hint .hint { (ui.t("search_hint")) }
            (syntax_help(ui))
            @if params.ui != Ui::default() {
                input type="hidden" name="ui" value=(params.ui.code());
            }
        }
    }
}

/// Query syntax examples: what one types, and the label key of what it finds.
pub(crate) const SYNTAX: [(&str, &str); 8] = [
    ("forced labour", "syntax_words"),
    ("\"forced labour\"", "syntax_phrase"),
    ("\"victim consent\"~5", "syntax_near"),
    ("begging OR prosjačenje", "syntax_or"),
    ("trafficking -sexual", "syntax_not"),
    ("(labour OR begging) child", "syntax_group"),
    ("title:Rantsev", "syntax_field"),
    ("traffick*", "syntax_prefix"),
];

fn syntax_help(ui: Ui) -> Markup {
    html! {
        details #syntax-help .syntax-help {
            summary { (ui.t("syntax_title")) }
            div.syntax-body {
                table {
                    thead {
                        tr {
                            th scope="col" { (ui.t("syntax_you_type")) }
                            th scope="col" { (ui.t("syntax_finds")) }
                        }
                    }
                    tbody {
                        @for (example, key) in SYNTAX {
                            tr {
                                td { code { (example) } }
                                td { (ui.t(key)) }
                            }
                        }
                    }
                }
                p { (ui.t("syntax_scripts")) }
            }
        }
    }
}

/// Hidden fields that keep the parameters the visible controls do not carry.
fn hidden_fields<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> Markup {
    html! {
        @for (key, value) in pairs {
            input type="hidden" name=(key) value=(value);
        }
    }
}

/// The search page: results and facets, or the reason the search could not run.
pub(crate) fn search_page(
    params: &PageParams,
    outcome: Result<&SearchResponse, &PageError>,
) -> Markup {
    let ui = params.ui;
    let title = match params.query() {
        "" => ui.t("page_title").to_string(),
        q => format!("{q} · {}", ui.t("page_title")),
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

fn error_box(params: &PageParams, error: &PageError) -> Markup {
    let ui = params.ui;
    html! {
        div.error-box role="alert" {
            h2 { (ui.t(error.title_key())) }
            p.error-message {
                (i18n::error_message(ui, error))
                @if let Some(column) = error.column {
                    " " (ui.fill("error_column", &[("column", &column.to_string())]))
                }
            }
            @if let Some(suggestion) = &error.suggestion {
                p {
                    (ui.t("did_you_mean")) " "
                    a.suggestion href=(params.first_page().with("q", Some(suggestion)).search_url()) {
                        (suggestion)
                    }
                }
            }
            @if let Some(parameter) = &error.parameter {
                p {
                    a href=(params.first_page().with(parameter, None).search_url()) {
                        (ui.fill("remove_parameter", &[("name", parameter)]))
                    }
                }
            }
            p { a href=(params.ui_only().search_url()) { (ui.t("new_search")) } }
        }
    }
}

fn results_layout(params: &PageParams, response: &SearchResponse) -> Markup {
    let ui = params.ui;
    let facets = &response.facets;
    let selected = selected_filters(params).len();
    html! {
        div.layout {
            details #filters .filters open {
                summary {
                    (ui.t("filters"))
                    @if selected > 0 { " (" (selected) ")" }
                }
                div.filters-body {
                    (provenance_filter(params))
                    (country_facet(params, &facets.country))
                    (theme_facet(params, &facets.theme))
                    (simple_facet(params, "kind", ui.t("facet_kind"), &facets.kind, |v| kind_label(ui, v)))
                    (court_facet(params, &facets.court))
                    (simple_facet(params, "lang", ui.t("facet_language"), &facets.language, |v| i18n::language_name(ui, v)))
                    (year_facet(params, &facets.year))
                    @if !facets.greta_round.is_empty() || params.values("round").next().is_some() {
                        (simple_facet(params, "round", ui.t("facet_greta_round"), &facets.greta_round, |v| greta_round_label(ui, v)))
                    }
                    @if !facets.greta_strength.is_empty() || params.values("strength").next().is_some() {
                        (simple_facet(params, "strength", ui.t("facet_greta_strength"), &facets.greta_strength, |v| strength_label(ui, v)))
                    }
                    div.apply { button type="submit" { (ui.t("apply_filters")) } }
                }
            }
            section #results .results aria-labelledby="results-heading" {
                h2 #results-heading .visually-hidden { (ui.t("results")) }
                (chips(params))
                div.results-bar {
                    p.total role="status" {
                        (ui.fill("total", &[("total", &response.total.to_string()), ("ms", &response.took_ms.to_string())]))
                    }
                    div.sort {
                        label for="sort" { (ui.t("sort_by")) }
                        (sort_select(params))
                        button.no-js type="submit" { (ui.t("apply")) }
                    }
                }
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

/// The orders offered, with their label keys.
pub(crate) const SORT_OPTIONS: [(Sort, &str); 3] = [
    (Sort::Relevance, "sort_relevance"),
    (Sort::DateDesc, "sort_newest"),
    (Sort::DateAsc, "sort_oldest"),
];

fn sort_select(params: &PageParams) -> Markup {
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

fn empty_results(params: &PageParams, response: &SearchResponse) -> Markup {
    let ui = params.ui;
    html! {
        div.empty #hits tabindex="-1" {
            @if response.total > 0 {
                p { (ui.t("past_last_page")) }
                p { a href=(params.first_page().search_url()) { (ui.t("first_page")) } }
            } @else {
                p.empty-title { (ui.t("no_results")) }
                @if response.partial.is_none() {
                    ul {
                        li { (ui.t("no_results_fewer_words")) }
                        // Only when there is a filter to remove.
                        @if !selected_filters(params).is_empty() {
                            li { (ui.t("no_results_filters")) }
                        }
                        li { (ui.t("no_results_prefix")) }
                    }
                }
            }
        }
    }
}

/// The query without one of its words or phrases (as the engine reports it, as typed).
fn query_without(query: &str, word: &str) -> String {
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
fn partial_results(params: &PageParams, full: usize, partial: &Partial) -> Markup {
    let ui = params.ui;
    let total = partial.total.to_string();
    html! {
        section.partial #partial aria-labelledby="partial-heading" {
            h2 #partial-heading { (ui.t("partial_heading")) }
            @for word in partial.words.iter().filter(|w| w.documents == 0) {
                p.drop-word {
                    (ui.fill("word_matches_nothing", &[("word", &word.word)])) " "
                    a href=(params.first_page().with("q", Some(&query_without(params.query(), &word.word))).search_url()) {
                        (ui.t("search_without"))
                    }
                }
            }
            p.word-counts {
                (ui.t("word_counts")) " "
                @for (i, word) in partial.words.iter().enumerate() {
                    @if i > 0 { ", " }
                    span.word-count { (word.word) " (" (word.documents) ")" }
                }
            }
            @if !partial.hits.is_empty() {
                p.partial-intro {
                    @if full == 0 {
                        (ui.fill("partial_intro", &[("total", &total)]))
                    } @else {
                        (ui.fill("partial_fewer", &[("total", &total), ("full", &full.to_string())]))
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

fn hit_item(params: &PageParams, hit: &Hit) -> Markup {
    let ui = params.ui;
    html! {
        li.hit {
            h3.hit-title lang=[hit.language.as_deref()] { a href=(params.document_url(&hit.id)) { (marked_title(ui, &hit.title_marked.html())) } }
            @if hit.provenance == Some(Provenance::Sample) {
                p.badge.sample { (ui.t("sample_badge")) }
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
                // The same judgment in other languages: one hit, as HUDOC lists it.
                @if !hit.versions.is_empty() {
                    span.sep aria-hidden="true" { " · " }
                    span.hit-versions {
                        (ui.t("also_in")) ": "
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
            @if !hit.themes.is_empty() {
                ul.tags aria-label=(ui.t("themes")) {
                    @for theme in &hit.themes {
                        li { (i18n::theme_label(ui, theme)) }
                    }
                }
            }
        }
    }
}

/// A document's title as stored, a sample's trailing `(sample)` in the interface language
/// (and marked as such, as the title around it keeps the document's language).
fn title(ui: Ui, title: &str) -> Markup {
    match i18n::title_parts(ui, title) {
        (rest, Some(marker)) => {
            html! { (rest) " " span.sample-marker lang=(ui.html_lang()) { (marker) } }
        }
        (title, None) => html! { (title) },
    }
}

/// A hit's title as the engine marked it (HTML: escaped, the matched words in `<mark>`), its
/// "(sample)" in the interface language. The marker holds no character escaping changes, so it
/// is found in the HTML as in the text.
fn marked_title(ui: Ui, html: &str) -> Markup {
    match i18n::title_parts(ui, html) {
        (rest, Some(marker)) => {
            html! { (PreEscaped(rest)) " " span.sample-marker lang=(ui.html_lang()) { (marker) } }
        }
        (title, None) => html! { (PreEscaped(title)) },
    }
}

fn date_element(ui: Ui, date: &str) -> Markup {
    match thb_engine::document::Date::parse(date) {
        Ok(parsed) => html! { time datetime=(date) { (i18n::long_date(ui, parsed)) } },
        Err(_) => html! { span { (date) } },
    }
}

fn country_list(ui: Ui, codes: &[String]) -> String {
    codes
        .iter()
        .map(|c| i18n::country_name(ui, c))
        .collect::<Vec<_>>()
        .join(", ")
}

fn kind_label(ui: Ui, value: &str) -> String {
    match Kind::parse(value) {
        Some(kind) => i18n::kind_label(ui, kind).to_string(),
        None => value.to_string(),
    }
}

fn greta_round_label(ui: Ui, value: &str) -> String {
    ui.t("greta_round_n").replace("{n}", value)
}

fn greta_article_label(ui: Ui, value: &str) -> String {
    ui.t("greta_article_n").replace("{n}", value)
}

fn strength_label(ui: Ui, value: &str) -> String {
    match value {
        "urges" => ui.t("strength_urges").to_string(),
        "considers" => ui.t("strength_considers").to_string(),
        "invites" => ui.t("strength_invites").to_string(),
        other => other.to_string(),
    }
}

/// The selected filters as (label, URL without it), in URL order by dimension.
fn selected_filters(params: &PageParams) -> Vec<(String, String)> {
    let ui = params.ui;
    let mut chips = Vec::new();
    let dimensions: [(&str, &str); 9] = [
        ("provenance", "facet_provenance"),
        ("country", "facet_country"),
        ("theme", "facet_theme"),
        ("kind", "facet_kind"),
        ("lang", "facet_language"),
        ("round", "facet_greta_round"),
        ("strength", "facet_greta_strength"),
        ("article", "facet_greta_article"),
        ("court", "court"),
    ];
    for (key, label_key) in dimensions {
        for value in params.values(key) {
            let shown = match key {
                "country" => i18n::country_name(ui, &value.to_ascii_uppercase()),
                "theme" => i18n::theme_label(ui, &value.trim_matches('/').to_ascii_lowercase()),
                "kind" => kind_label(ui, value),
                "lang" => i18n::language_name(ui, value),
                "round" => greta_round_label(ui, value),
                "strength" => strength_label(ui, value),
                "article" => greta_article_label(ui, value),
                "provenance" if value == "real" => ui.t("real_only").to_string(),
                "court" => i18n::court_name(ui, &courts::display(value)),
                _ => value.to_string(),
            };
            chips.push((
                format!("{}: {shown}", ui.t(label_key)),
                params.without(key, value).search_url(),
            ));
        }
    }
    let (from, to) = (params.first("year_from"), params.first("year_to"));
    if from.is_some() || to.is_some() {
        let range = match (from, to) {
            (Some(f), Some(t)) if f == t => f.to_string(),
            (Some(f), Some(t)) => format!("{f}–{t}"),
            (Some(f), None) => format!("{f}–"),
            (None, Some(t)) => format!("–{t}"),
            (None, None) => String::new(),
        };
        let url = params
            .first_page()
            .with("year_from", None)
            .with("year_to", None)
            .search_url();
        chips.push((format!("{}: {range}", ui.t("facet_year")), url));
    }
    chips
}

fn chips(params: &PageParams) -> Markup {
    let ui = params.ui;
    let chips = selected_filters(params);
    if chips.is_empty() {
        return html! {};
    }
    html! {
        div.chips {
            span.chips-label #chips-label { (ui.t("selected_filters")) }
            ul aria-labelledby="chips-label" {
                @for (label, url) in &chips {
                    li {
                        a.chip href=(url) aria-label=(ui.fill("remove_filter", &[("filter", label)])) {
                            span { (label) }
                            span.chip-x aria-hidden="true" { "×" }
                        }
                    }
                }
            }
            @if chips.len() > 1 {
                a.clear-filters href=(params.without_filters().search_url()) { (ui.t("clear_filters")) }
            }
        }
    }
}

fn export_links(params: &PageParams, total: usize) -> Markup {
    let ui = params.ui;
    let set = params.result_set();
    let extent = if total > MAX_EXPORT_ROWS {
        ui.fill(
            "export_first",
            &[
                ("cap", &MAX_EXPORT_ROWS.to_string()),
                ("total", &total.to_string()),
            ],
        )
    } else {
        ui.fill("export_all", &[("total", &total.to_string())])
    };
    html! {
        p.export {
            span { (ui.t("export")) " " }
            a href=(set.url("/export.csv")) download { "CSV" }
            span aria-hidden="true" { " · " }
            a href=(set.url("/export.jsonl")) download { "JSON Lines" }
            " "
            span.export-extent { "(" (extent) ")" }
        }
    }
}

/// One page link or a gap in the list of pages.
enum PageLink {
    Page(usize),
    Gap,
}

/// Page 1, the pages around the current one, and the last reachable page.
fn page_links(current: usize, last: usize) -> Vec<PageLink> {
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

fn pagination(params: &PageParams, response: &SearchResponse) -> Markup {
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
        nav.pagination aria-label=(ui.t("pagination")) {
            ul {
                @if current > 1 {
                    li { a rel="prev" href=(page_url((current - 1).min(last))) { "‹ " (ui.t("previous")) } }
                }
                @for link in page_links(current, last) {
                    @match link {
                        PageLink::Page(page) => li {
                            a href=(page_url(page))
                                aria-label=(ui.fill("page_n", &[("n", &page.to_string())]))
                                aria-current=[(page == current).then_some("page")] { (page) }
                        },
                        PageLink::Gap => li.gap aria-hidden="true" { "…" },
                    }
                }
                @if current < last {
                    li { a rel="next" href=(page_url(current + 1)) { (ui.t("next")) " ›" } }
                }
            }
            @if response.total > MAX_RESULT_DEPTH {
                p.depth-note { (ui.fill("depth_note", &[("depth", &MAX_RESULT_DEPTH.to_string())])) }
            }
        }
    }
}

/// Facet values plus selected values the result set no longer has (count 0, after the
/// values), so every selection stays visible and can be unticked.
fn with_selected(
    values: &[FacetValue],
    selected: impl Iterator<Item = String>,
) -> Vec<(String, u64)> {
    let mut entries: Vec<(String, u64)> =
        values.iter().map(|v| (v.value.clone(), v.count)).collect();
    for value in selected {
        if !entries.iter().any(|(v, _)| v.eq_ignore_ascii_case(&value)) {
            entries.push((value, 0));
        }
    }
    entries
}

/// "Real cases only": leaves out the illustrative samples. A filter, not a counted facet.
fn provenance_filter(params: &PageParams) -> Markup {
    let ui = params.ui;
    html! {
        fieldset.facet.provenance {
            legend { (ui.t("facet_provenance")) }
            label.facet-option {
                input type="checkbox" name="provenance" value="real" checked[params.has("provenance", "real")];
                span.facet-label { (ui.t("real_only")) }
            }
        }
    }
}

fn facet_option(name: &str, value: &str, label: &str, count: u64, checked: bool) -> Markup {
    html! {
        label.facet-option {
            input type="checkbox" name=(name) value=(value) checked[checked];
            span.facet-label lang=[label_language(label)] { (label) }
            span.facet-count { (count) }
        }
    }
}

/// The language of a label in another script than the interface's (a Serbian or Macedonian
/// court's Cyrillic name on a Latin page), so that it is read out and hyphenated as what it is.
fn label_language(label: &str) -> Option<String> {
    use thb_text::language::{detect, detect_script, Script};
    (detect_script(label) == Script::Cyrillic).then(|| match detect(label).tag.as_str() {
        "und" => "und-Cyrl".to_string(),
        tag => tag.to_string(),
    })
}

/// Options shown before the rest fold under "More"; selected options always show.
const FACET_OPTIONS_SHOWN: usize = 8;

/// A facet's checkbox and those nested beneath it (a court's formations, a theme's
/// sub-themes), each `(value, count)`.
struct Branch<'a> {
    value: &'a str,
    count: u64,
    children: Vec<(&'a str, u64)>,
}

/// The entries of a facet as branches, in their order: a value whose parent (`parent_of`) is
/// listed goes beneath it; every other value starts a branch.
fn branches<'a>(
    entries: &'a [(String, u64)],
    parent_of: impl Fn(&str) -> Option<&str>,
) -> Vec<Branch<'a>> {
    let listed_parent = |value: &str| {
        parent_of(value)
            .filter(|parent| entries.iter().any(|(v, _)| v == parent))
            .map(str::to_string)
    };
    let mut out: Vec<Branch<'a>> = entries
        .iter()
        .filter(|(value, _)| listed_parent(value).is_none())
        .map(|(value, count)| Branch {
            value,
            count: *count,
            children: Vec::new(),
        })
        .collect();
    for (value, count) in entries {
        if let Some(parent) = listed_parent(value) {
            if let Some(branch) = out.iter_mut().find(|b| b.value == parent) {
                branch.children.push((value, *count));
            }
        }
    }
    out
}

/// A label as the filter box of a long facet list compares it: the words folded as search
/// folds them, one space apart (`Виши суд у Београду` → `visi sud u beogradu`). `app.js` folds
/// what is typed the same way (its table is checked against thb-text in `assets`).
fn filter_key(label: &str) -> String {
    label
        .split(|c: char| !is_word_char(c))
        .filter(|word| !word.is_empty())
        .map(fold_for_search_string)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A facet's checkboxes, branches with their children nested. Past [`FACET_OPTIONS_SHOWN`]
/// branches (plus a couple, not worth folding) the rarer ones fold into a `<details>`, and a
/// filter box (shown by `app.js`; without JavaScript the list is read as it is) narrows the
/// whole list as the user types. `search_words` gives what else the box should find a value by
/// (a court's abbreviation).
fn option_list(
    params: &PageParams,
    name: &str,
    entries: &[Branch<'_>],
    label: &dyn Fn(&str) -> String,
    search_words: &dyn Fn(&str) -> Option<&'static str>,
) -> Markup {
    let fold = entries.len() > FACET_OPTIONS_SHOWN + 2;
    let selected = |branch: &Branch<'_>| {
        params.has(name, branch.value) || branch.children.iter().any(|(c, _)| params.has(name, c))
    };
    let shows =
        |i: usize, branch: &Branch<'_>| !fold || i < FACET_OPTIONS_SHOWN || selected(branch);
    let pick = |wanted: bool| -> Vec<&Branch<'_>> {
        entries
            .iter()
            .enumerate()
            .filter(|(i, branch)| shows(*i, branch) == wanted)
            .map(|(_, branch)| branch)
            .collect()
    };
    let (shown, folded) = (pick(true), pick(false));
    // The filter box's key, on long lists only.
    let key = |value: &str| -> Option<String> {
        fold.then(|| {
            let mut key = filter_key(&label(value));
            if let Some(words) = search_words(value) {
                key = format!("{key} {}", filter_key(words));
            }
            key
        })
    };
    let item = |value: &str, count: u64| {
        facet_option(name, value, &label(value), count, params.has(name, value))
    };
    let branch = |branch: &Branch<'_>| {
        html! {
            li data-filter=[key(branch.value)] {
                (item(branch.value, branch.count))
                @if !branch.children.is_empty() {
                    ul.facet-children {
                        @for (child, count) in &branch.children {
                            li data-filter=[key(child)] { (item(child, *count)) }
                        }
                    }
                }
            }
        }
    };
    let ui = params.ui;
    html! {
        @if entries.is_empty() { p.facet-empty { "—" } }
        @if fold {
            input.facet-filter type="search" hidden autocomplete="off"
                placeholder=(ui.t("facet_filter")) aria-label=(ui.t("facet_filter"));
            p.facet-nomatch hidden { (ui.t("facet_filter_none")) }
        }
        ul.facet-list {
            @for b in shown { (branch(b)) }
        }
        @if !folded.is_empty() {
            details.facet-more data-facet=(name) {
                summary { (ui.fill("more", &[("n", &folded.len().to_string())])) }
                ul.facet-list {
                    @for b in folded { (branch(b)) }
                }
            }
        }
    }
}

/// No other words to find a value by.
fn no_words(_: &str) -> Option<&'static str> {
    None
}

fn country_facet(params: &PageParams, values: &[FacetValue]) -> Markup {
    let ui = params.ui;
    let entries = with_selected(
        values,
        params.values("country").map(str::to_ascii_uppercase),
    );
    let shows_kosovo = entries.iter().any(|(v, _)| v == "XK");
    html! {
        fieldset.facet {
            legend { (ui.t("facet_country")) }
            (option_list(params, "country", &branches(&entries, |_| None), &|v| i18n::country_name(ui, v), &no_words))
            @if shows_kosovo {
                p.kosovo-note { (ui.t("kosovo_note")) }
            }
        }
    }
}

/// Courts, most hits first, each with the formations that sat beneath it (the Grand Chamber
/// under the European Court of Human Rights). A selected value no document is named by (an
/// abbreviation typed into the URL, `court=ECtHR`) shows as a checked option of its own,
/// counting the hits of every court it selects.
fn court_facet(params: &PageParams, values: &[FacetValue]) -> Markup {
    let mut entries = with_selected(values, params.values("court").map(str::to_string));
    for (selected, count) in &mut entries[values.len()..] {
        // Courts only: a formation's documents are already counted with its court.
        *count = values
            .iter()
            .filter(|v| v.parent.is_none() && courts::selects(selected, &v.value))
            .map(|v| v.count)
            .sum();
    }
    let tree = branches(&entries, |v| match courts::split_value(v) {
        (court, Some(_)) => Some(court),
        (_, None) => None,
    });
    // A formation is labelled by itself: it shows beneath its court.
    let label = |v: &str| i18n::court_name(params.ui, courts::split_value(v).1.unwrap_or(v));
    html! {
        fieldset.facet.facet-tree {
            legend { (params.ui.t("court")) }
            (option_list(params, "court", &tree, &label, &courts::abbreviation))
        }
    }
}

fn theme_facet(params: &PageParams, values: &[FacetValue]) -> Markup {
    let ui = params.ui;
    let entries = with_selected(
        values,
        params
            .values("theme")
            .map(|t| t.trim_matches('/').to_ascii_lowercase()),
    );
    let tree = branches(&entries, |v| v.rsplit_once('/').map(|(parent, _)| parent));
    html! {
        fieldset.facet.facet-tree {
            legend { (ui.t("facet_theme")) }
            (option_list(params, "theme", &tree, &|v| i18n::theme_label(ui, v), &no_words))
        }
    }
}

fn simple_facet(
    params: &PageParams,
    name: &str,
    legend: &str,
    values: &[FacetValue],
    label: impl Fn(&str) -> String,
) -> Markup {
    let entries = with_selected(values, params.values(name).map(str::to_string));
    html! {
        fieldset.facet {
            legend { (legend) }
            (option_list(params, name, &branches(&entries, |_| None), &label, &no_words))
        }
    }
}

/// Widest span of years the histogram draws gap-free; beyond it only years with documents.
const MAX_HISTOGRAM_YEARS: u16 = 120;
/// Most bars the histogram draws: at 8 px or more each, they fit the filter panel (about
/// 190 px) at any width. More years than this are grouped into periods.
const MAX_HISTOGRAM_BARS: usize = 20;

/// The histogram's bars, `(first year, last year, documents)`: a bar a year, or, when the years
/// are too many for [`MAX_HISTOGRAM_BARS`], a bar a period of 2, 5, 10, … years aligned on
/// round years (1990–1994, 1995–1999).
fn histogram_bars(years: &[(u16, u64)]) -> Vec<(u16, u16, u64)> {
    let (Some(&(first, _)), Some(&(last, _))) = (years.first(), years.last()) else {
        return Vec::new();
    };
    let step = [1u16, 2, 5, 10, 20, 25, 50, 100]
        .into_iter()
        .find(|&step| {
            let start = first - first % step;
            usize::from((last - start) / step) < MAX_HISTOGRAM_BARS
        })
        .unwrap_or(100);
    if step == 1 {
        return years.iter().map(|&(y, c)| (y, y, c)).collect();
    }
    let mut bars: Vec<(u16, u16, u64)> = Vec::new();
    for &(year, count) in years {
        let start = year - year % step;
        match bars.last_mut() {
            Some(bar) if bar.0 == start => bar.2 += count,
            _ => bars.push((start, start + step - 1, count)),
        }
    }
    bars
}

fn year_facet(params: &PageParams, values: &[FacetValue]) -> Markup {
    let ui = params.ui;
    let mut years: Vec<(u16, u64)> = values
        .iter()
        .filter_map(|v| Some((v.value.parse::<u16>().ok()?, v.count)))
        .collect();
    years.sort_unstable();
    if let (Some(&(first, _)), Some(&(last, _))) = (years.first(), years.last()) {
        if last - first < MAX_HISTOGRAM_YEARS {
            // Years without documents are drawn as empty slots, so the axis is to scale.
            let counted = years.clone();
            years = (first..=last)
                .map(|y| {
                    (
                        y,
                        counted
                            .iter()
                            .find(|(year, _)| *year == y)
                            .map_or(0, |(_, c)| *c),
                    )
                })
                .collect();
        }
    }
    let bars = histogram_bars(&years);
    let max = bars.iter().map(|(_, _, c)| *c).max().unwrap_or(0).max(1);
    let from = params
        .first("year_from")
        .and_then(|v| v.parse::<u16>().ok());
    let to = params.first("year_to").and_then(|v| v.parse::<u16>().ok());
    let in_range =
        |start: u16, end: u16| from.is_none_or(|f| end >= f) && to.is_none_or(|t| start <= t);
    let years_url = |start: u16, end: u16| {
        params
            .first_page()
            .with("year_from", Some(&start.to_string()))
            .with("year_to", Some(&end.to_string()))
            .search_url()
    };
    html! {
        fieldset.facet.facet-year {
            legend { (ui.t("facet_year")) }
            @if years.is_empty() { p.facet-empty { "—" } }
            @else {
                div.histogram-wrap {
                    ul.histogram aria-label=(ui.t("year_histogram")) {
                        @for (start, end, count) in &bars {
                            @let level = (count * 10).div_ceil(max);
                            @let period = if start == end { start.to_string() } else { format!("{start}–{end}") };
                            @let label = format!("{period}: {count}");
                            li {
                                @if *count > 0 {
                                    a.bar.in-range[in_range(*start, *end)] href=(years_url(*start, *end)) title=(label) aria-label=(label) {
                                        span class={ "fill h" (level) } {}
                                    }
                                } @else {
                                    span.bar.empty title=(label) {}
                                }
                            }
                        }
                    }
                    div.histogram-axis aria-hidden="true" {
                        span { (bars[0].0) }
                        @if bars.len() > 1 { span { (bars[bars.len() - 1].1) } }
                    }
                }
            }
            div.year-range {
                label {
                    span { (ui.t("year_from")) }
                    input type="number" name="year_from" min="1800" max="2100" inputmode="numeric"
                        value=[params.first("year_from")] placeholder=[years.first().map(|y| y.0)];
                }
                label {
                    span { (ui.t("year_to")) }
                    input type="number" name="year_to" min="1800" max="2100" inputmode="numeric"
                        value=[params.first("year_to")] placeholder=[years.last().map(|y| y.0)];
                }
            }
        }
    }
}

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
    highlighted: Highlighted<'_>,
) -> Markup {
    let ui = params.ui;
    let language = document.language.as_deref();
    let path = super::params::document_path(&document.id);
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

fn metadata(params: &PageParams, d: &Document, versions: &[Version]) -> Markup {
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

/// A page for an error outside a search: an unknown document (404), a bad token (401), a
/// failure (500, 503). It keeps the search box and a way back.
pub(crate) fn error_page(params: &PageParams, path: &str, error: &PageError) -> Markup {
    let ui = params.ui;
    let body = html! {
        form.search-form.compact method="get" action="/" role="search" {
            (search_bar(params))
        }
        div.error-box role="alert" {
            h1 { (ui.t(error.title_key())) }
            p.error-message { (i18n::error_message(ui, error)) }
            p { a href=(params.search_url()) { "← " (ui.t("back_to_results")) } }
        }
    };
    layout(params, path, ui.t(error.title_key()), body)
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
    fn selected_values_missing_from_the_facet_stay_listed() {
        let values = vec![FacetValue {
            value: "RS".into(),
            count: 3,
            parent: None,
        }];
        let entries = with_selected(&values, ["rs".to_string(), "BA".to_string()].into_iter());
        assert_eq!(entries, vec![("RS".to_string(), 3), ("BA".to_string(), 0)]);
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

    #[test]
    fn a_long_span_of_years_is_grouped_into_periods_a_panel_can_hold() {
        let dense =
            |from: u16, to: u16| -> Vec<(u16, u64)> { (from..=to).map(|y| (y, 1)).collect() };
        // Few years: a bar each.
        assert_eq!(histogram_bars(&dense(2010, 2022)).len(), 13);
        assert_eq!(histogram_bars(&[]), vec![]);
        // 1996–2026 (31 years): periods of two years, aligned.
        let bars = histogram_bars(&dense(1996, 2026));
        assert!(bars.len() <= MAX_HISTOGRAM_BARS, "{bars:?}");
        assert_eq!(bars[0], (1996, 1997, 2));
        assert_eq!(*bars.last().unwrap(), (2026, 2027, 1));
        assert_eq!(
            bars.iter().map(|b| b.2).sum::<u64>(),
            31,
            "no document lost"
        );
        // A century and a half of sparse years: periods of ten.
        let sparse = [(1880, 2), (1950, 1), (1951, 1), (2025, 3)];
        let bars = histogram_bars(&sparse);
        assert!(bars.len() <= MAX_HISTOGRAM_BARS, "{bars:?}");
        assert_eq!(bars[0], (1880, 1889, 2));
        assert_eq!(bars.iter().map(|b| b.2).sum::<u64>(), 7);
    }
}
