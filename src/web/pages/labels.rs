//! How values read in the interface language: titles (a sample's marker), dates, each dimension's values, GRETA rounds and wording.

use super::*;

/// A document's title as stored, a sample's trailing `(sample)` in the interface language
/// (and marked as such, as the title around it keeps the document's language).
pub(super) fn title(ui: Ui, title: &str) -> Markup {
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
pub(super) fn marked_title(ui: Ui, html: &str) -> Markup {
    match i18n::title_parts(ui, html) {
        (rest, Some(marker)) => {
            html! { (PreEscaped(rest)) " " span.sample-marker lang=(ui.html_lang()) { (marker) } }
        }
        (title, None) => html! { (PreEscaped(title)) },
    }
}

pub(super) fn date_element(ui: Ui, date: &str) -> Markup {
    match thb_engine::document::Date::parse(date) {
        Ok(parsed) => html! { time datetime=(date) { (i18n::long_date(ui, parsed)) } },
        Err(_) => html! { span { (date) } },
    }
}

pub(super) fn country_list(ui: Ui, codes: &[String]) -> String {
    codes
        .iter()
        .map(|c| i18n::country_name(ui, c))
        .collect::<Vec<_>>()
        .join(", ")
}

/// How a value of a dimension reads, as the URL or a facet gives it (a country code in any
/// case, a theme's path with or without slashes). No catch-all arm: a new dimension is worded
/// here before it compiles.
pub(super) fn value_label(ui: Ui, dimension: Dimension, value: &str) -> String {
    match dimension {
        Dimension::Country => i18n::country_name(ui, &value.to_ascii_uppercase()),
        Dimension::Theme => i18n::theme_label(ui, &value.trim_matches('/').to_ascii_lowercase()),
        Dimension::Kind => kind_label(ui, value),
        Dimension::Language => i18n::language_name(ui, value),
        Dimension::Year => value.to_string(),
        Dimension::GretaRound => greta_round_label(ui, value),
        Dimension::GretaStrength => strength_label(ui, value),
        Dimension::Court => i18n::court_name(ui, &courts::display(value)),
        Dimension::Provision => i18n::provision_label(ui, value),
        Dimension::Verdict => i18n::verdict_label(ui, value),
        Dimension::Sector => i18n::sector_label(ui, value),
        Dimension::VictimAge => i18n::victim_age_label(ui, value),
        Dimension::VictimGender => i18n::gender_label(ui, value),
        Dimension::VictimNationality => i18n::country_name(ui, &value.to_ascii_uppercase()),
    }
}

pub(super) fn kind_label(ui: Ui, value: &str) -> String {
    match Kind::parse(value) {
        Some(kind) => i18n::kind_label(ui, kind).to_string(),
        None => value.to_string(),
    }
}

pub(super) fn greta_round_label(ui: Ui, value: &str) -> String {
    ui.t(Label::GretaRoundN).replace("{n}", value)
}

pub(super) fn greta_article_label(ui: Ui, value: &str) -> String {
    ui.t(Label::GretaArticleN).replace("{n}", value)
}

pub(super) fn strength_label(ui: Ui, value: &str) -> String {
    match value {
        "urges" => ui.t(Label::StrengthUrges).to_string(),
        "considers" => ui.t(Label::StrengthConsiders).to_string(),
        "invites" => ui.t(Label::StrengthInvites).to_string(),
        other => other.to_string(),
    }
}
