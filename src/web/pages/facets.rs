//! The facet sidebar: option lists and trees with their filter box, the provenance switch, the year histogram.

use super::*;

/// A dimension's facet: how each is drawn. No catch-all arm: a new dimension chooses its
/// drawing here before it compiles.
pub(super) fn facet(params: &PageParams, dimension: Dimension, values: &[FacetValue]) -> Markup {
    match dimension {
        Dimension::Country => country_facet(params, values),
        Dimension::Theme => theme_facet(params, values),
        Dimension::Court => court_facet(params, values),
        Dimension::Year => year_facet(params, values),
        Dimension::Kind | Dimension::Language => simple_facet(params, dimension, values),
        // GRETA's own dimensions only where they apply: a search among judgments has no
        // rounds, and an empty legend would only take room.
        // GRETA's own dimensions and a case's structure only where they apply: a search
        // among judgments has no rounds, one among GRETA documents no verdicts, and an empty
        // legend would only take room.
        Dimension::GretaRound
        | Dimension::GretaStrength
        | Dimension::Verdict
        | Dimension::Sector
        | Dimension::VictimAge
        | Dimension::VictimGender
        | Dimension::VictimNationality => {
            match values.is_empty() && params.values(dimension.key()).next().is_none() {
                true => html! {},
                false => simple_facet(params, dimension, values),
            }
        }
        Dimension::Provision => provision_facet(params, values),
    }
}

/// Facet values plus selected values the result set no longer has (count 0, after the
/// values), so every selection stays visible and can be unticked.
pub(super) fn with_selected(
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
pub(super) fn provenance_filter(params: &PageParams) -> Markup {
    let ui = params.ui;
    html! {
        fieldset.facet.provenance {
            legend { (ui.t(Label::FacetProvenance)) }
            label.facet-option {
                input type="checkbox" name="provenance" value="real" checked[params.has("provenance", "real")];
                span.facet-label { (ui.t(Label::RealOnly)) }
            }
        }
    }
}

pub(super) fn facet_option(
    name: &str,
    value: &str,
    label: &str,
    count: u64,
    checked: bool,
) -> Markup {
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
pub(super) fn label_language(label: &str) -> Option<String> {
    use thb_text::language::{detect, detect_script, Script};
    (detect_script(label) == Script::Cyrillic).then(|| match detect(label).tag.as_str() {
        "und" => "und-Cyrl".to_string(),
        tag => tag.to_string(),
    })
}

/// Options shown before the rest fold under "More"; selected options always show.
pub(super) const FACET_OPTIONS_SHOWN: usize = 8;

/// A facet's checkbox and those nested beneath it (a court's formations, a theme's
/// sub-themes, a code's articles beneath the code beneath its country).
pub(super) struct Branch<'a> {
    value: &'a str,
    count: u64,
    children: Vec<Branch<'a>>,
}

impl Branch<'_> {
    /// Whether it or a value beneath it is chosen.
    fn chosen(&self, params: &PageParams, name: &str) -> bool {
        params.has(name, self.value) || self.children.iter().any(|c| c.chosen(params, name))
    }
}

/// The entries of a facet as branches, in their order: a value whose parent (`parent_of`) is
/// listed goes beneath it, at any depth; every other value starts a branch.
pub(super) fn branches<'a>(
    entries: &'a [(String, u64)],
    parent_of: impl Fn(&str) -> Option<&str>,
) -> Vec<Branch<'a>> {
    let listed_parent: Vec<Option<&str>> = entries
        .iter()
        .map(|(value, _)| {
            parent_of(value).filter(|parent| entries.iter().any(|(v, _)| v == parent))
        })
        .collect();
    fn beneath<'a>(
        parent: Option<&str>,
        entries: &'a [(String, u64)],
        listed_parent: &[Option<&str>],
    ) -> Vec<Branch<'a>> {
        entries
            .iter()
            .zip(listed_parent)
            .filter(|(_, p)| **p == parent)
            .map(|((value, count), _)| Branch {
                value,
                count: *count,
                children: beneath(Some(value), entries, listed_parent),
            })
            .collect()
    }
    beneath(None, entries, &listed_parent)
}

/// A label as the filter box of a long facet list compares it: the words folded as search
/// folds them, one space apart (`Виши суд у Београду` → `visi sud u beogradu`). `app.js` folds
/// what is typed the same way (its table is checked against thb-text in `assets`).
pub(super) fn filter_key(label: &str) -> String {
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
pub(super) fn option_list(
    params: &PageParams,
    name: &str,
    entries: &[Branch<'_>],
    label: &dyn Fn(&str) -> String,
    search_words: &dyn Fn(&str) -> Option<&'static str>,
) -> Markup {
    let fold = entries.len() > FACET_OPTIONS_SHOWN + 2;
    let shows = |i: usize, branch: &Branch<'_>| {
        !fold || i < FACET_OPTIONS_SHOWN || branch.chosen(params, name)
    };
    let pick = |wanted: bool| -> Vec<&Branch<'_>> {
        entries
            .iter()
            .enumerate()
            .filter(|(i, branch)| shows(*i, branch) == wanted)
            .map(|(_, branch)| branch)
            .collect()
    };
    let (shown, folded) = (pick(true), pick(false));
    let list = OptionList {
        params,
        name,
        fold,
        label,
        search_words,
    };
    let ui = params.ui;
    html! {
        @if entries.is_empty() { p.facet-empty { "—" } }
        @if fold {
            input.facet-filter type="search" hidden autocomplete="off"
                placeholder=(ui.t(Label::FacetFilter)) aria-label=(ui.t(Label::FacetFilter));
            p.facet-nomatch hidden { (ui.t(Label::FacetFilterNone)) }
        }
        ul.facet-list {
            @for b in shown { (list.branch(b)) }
        }
        @if !folded.is_empty() {
            details.facet-more data-facet=(name) {
                summary { (ui.fill(Label::More, &[("n", &folded.len().to_string())])) }
                ul.facet-list {
                    @for b in folded { (list.branch(b)) }
                }
            }
        }
    }
}

/// What drawing a facet's branches needs (see [`option_list`]).
struct OptionList<'a> {
    params: &'a PageParams,
    name: &'a str,
    /// The list is long: each option carries its filter box's key.
    fold: bool,
    label: &'a dyn Fn(&str) -> String,
    search_words: &'a dyn Fn(&str) -> Option<&'static str>,
}

impl OptionList<'_> {
    /// The filter box's key of a value, on long lists only.
    fn key(&self, value: &str) -> Option<String> {
        self.fold.then(|| {
            let mut key = filter_key(&(self.label)(value));
            if let Some(words) = (self.search_words)(value) {
                key = format!("{key} {}", filter_key(words));
            }
            key
        })
    }

    /// A branch's checkbox, its children nested beneath it.
    fn branch(&self, branch: &Branch<'_>) -> Markup {
        let (params, name) = (self.params, self.name);
        html! {
            li data-filter=[self.key(branch.value)] {
                (facet_option(name, branch.value, &(self.label)(branch.value), branch.count, params.has(name, branch.value)))
                @if !branch.children.is_empty() {
                    ul.facet-children {
                        @for child in &branch.children { (self.branch(child)) }
                    }
                }
            }
        }
    }
}

/// No other words to find a value by.
pub(super) fn no_words(_: &str) -> Option<&'static str> {
    None
}

fn country_facet(params: &PageParams, values: &[FacetValue]) -> Markup {
    let ui = params.ui;
    let (dimension, name) = (Dimension::Country, Dimension::Country.key());
    let entries = with_selected(values, params.values(name).map(str::to_ascii_uppercase));
    let shows_kosovo = entries.iter().any(|(v, _)| v == "XK");
    html! {
        fieldset.facet {
            legend { (ui.t(Label::Facet(dimension))) }
            (option_list(params, name, &branches(&entries, |_| None), &|v| value_label(ui, dimension, v), &no_words))
            @if shows_kosovo {
                p.kosovo-note { (ui.t(Label::KosovoNote)) }
            }
        }
    }
}

/// Courts, most hits first, each with the formations that sat beneath it (the Grand Chamber
/// under the European Court of Human Rights). A selected value no document is named by (an
/// abbreviation typed into the URL, `court=ECtHR`) shows as a checked option of its own,
/// counting the hits of every court it selects.
fn court_facet(params: &PageParams, values: &[FacetValue]) -> Markup {
    let (dimension, name) = (Dimension::Court, Dimension::Court.key());
    let mut entries = with_selected(values, params.values(name).map(str::to_string));
    for (selected, count) in &mut entries[values.len()..] {
        // Courts only: a formation's documents are already counted with its court.
        *count = values
            .iter()
            .filter(|v| v.parent.is_none() && courts::selects(selected, &v.value))
            .map(|v| v.count)
            .sum();
    }
    let tree = branches(&entries, |v| dimension.parent_of(v));
    // A formation is labelled by itself: it shows beneath its court.
    let label = |v: &str| i18n::court_name(params.ui, courts::split_value(v).1.unwrap_or(v));
    html! {
        fieldset.facet.facet-tree {
            legend { (params.ui.t(Label::Facet(dimension))) }
            (option_list(params, name, &tree, &label, &courts::abbreviation))
        }
    }
}

fn theme_facet(params: &PageParams, values: &[FacetValue]) -> Markup {
    let ui = params.ui;
    let (dimension, name) = (Dimension::Theme, Dimension::Theme.key());
    let entries = with_selected(
        values,
        params
            .values(name)
            .map(|t| t.trim_matches('/').to_ascii_lowercase()),
    );
    let tree = branches(&entries, |v| dimension.parent_of(v));
    html! {
        fieldset.facet.facet-tree {
            legend { (ui.t(Label::Facet(dimension))) }
            (option_list(params, name, &tree, &|v| value_label(ui, dimension, v), &no_words))
        }
    }
}

/// The provisions cited: each instrument, a country's criminal code beneath its country and
/// the articles beneath their instrument, each labelled by itself (`Art. 388`); a chosen
/// value the results no longer hold stays listed, unticked by the user.
fn provision_facet(params: &PageParams, values: &[FacetValue]) -> Markup {
    let ui = params.ui;
    let (dimension, name) = (Dimension::Provision, Dimension::Provision.key());
    let entries = with_selected(
        values,
        params.values(name).map(|p| {
            thb_engine::domain::citations::provisions::normalize_path(p)
                .map_or_else(|| p.to_string(), |p| p.trim_start_matches('/').to_string())
        }),
    );
    if entries.is_empty() {
        return html! {};
    }
    let tree = branches(&entries, |v| dimension.parent_of(v));
    html! {
        fieldset.facet.facet-tree {
            legend { (ui.t(Label::Facet(dimension))) }
            (option_list(params, name, &tree, &|v| i18n::provision_segment_label(ui, v), &no_words))
        }
    }
}

/// A flat list of checkboxes.
fn simple_facet(params: &PageParams, dimension: Dimension, values: &[FacetValue]) -> Markup {
    let (ui, name) = (params.ui, dimension.key());
    let entries = with_selected(values, params.values(name).map(str::to_string));
    html! {
        fieldset.facet {
            legend { (ui.t(Label::Facet(dimension))) }
            (option_list(params, name, &branches(&entries, |_| None), &|v| value_label(ui, dimension, v), &no_words))
        }
    }
}

/// Widest span of years the histogram draws gap-free; beyond it only years with documents.
pub(super) const MAX_HISTOGRAM_YEARS: u16 = 120;
/// Most bars the histogram draws: at 8 px or more each, they fit the filter panel (about
/// 190 px) at any width. More years than this are grouped into periods.
pub(super) const MAX_HISTOGRAM_BARS: usize = 20;

/// The histogram's bars, `(first year, last year, documents)`: a bar a year, or, when the years
/// are too many for [`MAX_HISTOGRAM_BARS`], a bar a period of 2, 5, 10, … years aligned on
/// round years (1990–1994, 1995–1999).
pub(super) fn histogram_bars(years: &[(u16, u64)]) -> Vec<(u16, u16, u64)> {
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
            legend { (ui.t(Label::Facet(Dimension::Year))) }
            @if years.is_empty() { p.facet-empty { "—" } }
            @else {
                div.histogram-wrap {
                    ul.histogram aria-label=(ui.t(Label::YearHistogram)) {
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
                    span { (ui.t(Label::YearFrom)) }
                    input type="number" name="year_from" min="1800" max="2100" inputmode="numeric"
                        value=[params.first("year_from")] placeholder=[years.first().map(|y| y.0)];
                }
                label {
                    span { (ui.t(Label::YearTo)) }
                    input type="number" name="year_to" min="1800" max="2100" inputmode="numeric"
                        value=[params.first("year_to")] placeholder=[years.last().map(|y| y.0)];
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
