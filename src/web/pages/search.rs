//! The search page: results, partial matches, chips, sort, pagination, export links, and the error box of a search that could not run.

use super::*;

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

pub(super) fn error_box(params: &PageParams, error: &PageError) -> Markup {
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

pub(super) fn results_layout(params: &PageParams, response: &SearchResponse) -> Markup {
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

pub(super) fn hit_item(params: &PageParams, hit: &Hit) -> Markup {
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

/// The selected filters as (label, URL without it), in URL order by dimension.
pub(super) fn selected_filters(params: &PageParams) -> Vec<(String, String)> {
    let ui = params.ui;
    let mut chips = Vec::new();
    let dimensions: [(&str, &str); 11] = [
        ("provenance", "facet_provenance"),
        ("country", "facet_country"),
        ("theme", "facet_theme"),
        ("kind", "facet_kind"),
        ("lang", "facet_language"),
        ("round", "facet_greta_round"),
        ("strength", "facet_greta_strength"),
        ("article", "facet_greta_article"),
        ("court", "court"),
        ("cites", "filter_cites"),
        ("provision", "filter_provision"),
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

pub(super) fn chips(params: &PageParams) -> Markup {
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

pub(super) fn export_links(params: &PageParams, total: usize) -> Markup {
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
