//! The document page: metadata, language versions, citation, the text with the query's words
//! marked and its citations linked, and the documents citing it.

use super::*;
use thb_engine::case::{Charge, Outcome, Person};
use thb_engine::domain::courts::Level;
use thb_engine::search::citations::CitingDocument;
use thb_engine::search::proceedings::{self, Decision};

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
    cited_by: &[CitingDocument],
    related: &Related,
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
        nav.back { a href=(params.search_url()) { "← " (ui.t(Label::BackToResults)) } }
        article.document {
            header.document-header {
                p.document-kind { (i18n::kind_label(ui, document.kind)) }
                h1 lang=[language] { (title(ui, &document.title)) }
                @if document.provenance == Some(Provenance::Sample) {
                    p.badge.sample { (ui.t(Label::SampleBadge)) }
                }
                @if document.access == Access::Restricted {
                    p.badge.restricted { (ui.t(Label::RestrictedBadge)) }
                }
            }
            section.citation aria-labelledby="citation-heading" {
                h2 #citation-heading { (ui.t(Label::Citation)) }
                p #citation-text .citation-text { (citation(document, ui)) }
                button.copy type="button" data-copy="citation-text" hidden { (ui.t(Label::CopyCitation)) }
                span.copy-status role="status" data-copied=(ui.t(Label::Copied)) {}
                @if let Some(url) = &document.source_url {
                    p.source { a href=(url) rel="noopener noreferrer external" { (ui.t(Label::SourceLink)) " ↗" } }
                }
            }
            section.metadata aria-labelledby="details-heading" {
                h2 #details-heading { (ui.t(Label::Details)) }
                (metadata(params, document, versions))
            }
            @if let Some(summary) = highlighted.summary {
                section.summary aria-labelledby="summary-heading" {
                    h2 #summary-heading { (ui.t(Label::Summary)) }
                    p lang=[language] { (PreEscaped(summary)) }
                }
            }
            section.fulltext aria-labelledby="text-heading" {
                h2 #text-heading { (ui.t(Label::FullText)) }
                @if !params.query().is_empty() {
                    div.match-bar {
                        p.match-count role="status" {
                            (ui.fill(Label::Matches, &[("n", &highlighted.marks.to_string()), ("q", params.query())]))
                        }
                        @if highlighted.marks > 0 {
                            button.next-match type="button" hidden { (ui.t(Label::NextMatch)) }
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
                    h2 #cited-by-heading { (ui.t(Label::CitedBy)) " (" (cited_by.len()) ")" }
                    ul.cited-by-list {
                        @for citing in cited_by {
                            @let document_url = params.ui_only().document_url(&citing.document.id);
                            li {
                                a href=(document_url) lang=[citing.document.language.as_deref()] { (title(ui, &citing.document.title)) }
                                @if let Some(court) = &citing.document.court { ", " (i18n::court_name(ui, court)) }
                                @if let Some(date) = citing.document.date {
                                    ", " time datetime=(date.to_string()) { (i18n::long_date(ui, date)) }
                                }
                                @if let Some(paragraph) = &citing.paragraph {
                                    ", " a.cited-at href={ (document_url) "#" (paragraph.anchor) } { "§ " (paragraph.number) }
                                }
                                @if let Some(context) = &citing.context {
                                    blockquote.cited-context lang=[citing.document.language.as_deref()] { (PreEscaped(context.html())) }
                                }
                            }
                        }
                    }
                }
            }
            @if !related.similar.is_empty() {
                section.similar aria-labelledby="similar-heading" {
                    h2 #similar-heading { (ui.t(Label::SimilarDocuments)) }
                    (related_list(params, &related.similar))
                }
            }
            @if !related.chain.is_empty() {
                (proceedings(params, document, &related.chain))
            }
            @if let Some(lineage) = related.lineage.as_ref().filter(|l| !l.earlier.is_empty() || !l.later.is_empty()) {
                section.lineage aria-labelledby="lineage-heading" {
                    h2 #lineage-heading { (ui.t(Label::OtherRounds)) }
                    @for round in lineage.earlier.iter().rev().chain(&lineage.later) {
                        h3 { (ui.fill(Label::RoundN, &[("n", &round.round.to_string())])) }
                        (related_list(params, &round.hits))
                    }
                }
            }
            @if document.country.iter().any(|c| c == "XK") {
                p.kosovo-note { (ui.t(Label::KosovoNote)) }
            }
        }
    };
    let page_title = match i18n::title_parts(ui, &document.title) {
        (rest, Some(marker)) => format!("{rest} {marker}"),
        (title, None) => title.to_string(),
    };
    layout(params, &path, &page_title, body)
}

/// What the document page shows beside the document: the documents most like it and, for a
/// GRETA document, the same country's closest documents of the other rounds
/// (`search::similar`).
#[derive(Default)]
pub(crate) struct Related {
    pub similar: Vec<SimilarHit>,
    pub lineage: Option<Lineage>,
    /// The other decisions of the case (`search::proceedings`), in order.
    pub chain: Vec<Decision>,
}

/// The procedural chain, the document in its place (not a link), each other decision linked
/// or, when the database does not hold it, its id and "not in the database".
fn proceedings(params: &PageParams, document: &Document, chain: &[Decision]) -> Markup {
    let ui = params.ui;
    html! {
        section.proceedings aria-labelledby="proceedings-heading" {
            h2 #proceedings-heading { (ui.t(Label::Proceedings)) }
            ol.proceedings-list {
                @for decision in proceedings::with_itself(document, chain) {
                    @let current = decision.id == document.id;
                    li aria-current=[current.then_some("page")] {
                        @if let Some(level) = decision.level {
                            span.level { (ui.t(level_label(level))) } ": "
                        }
                        @match &decision.document {
                            Some(d) if current => span lang=[d.language.as_deref()] { (title(ui, &d.title)) },
                            Some(d) => a href=(params.ui_only().document_url(&d.id)) lang=[d.language.as_deref()] { (title(ui, &d.title)) },
                            None => { code { (decision.id) } " (" (ui.t(Label::NotInDatabase)) ")" },
                        }
                        @if let Some(d) = &decision.document {
                            @if let Some(court) = &d.court { ", " (i18n::court_name(ui, court)) }
                            @if let Some(date) = d.date {
                                ", " time datetime=(date.to_string()) { (i18n::long_date(ui, date)) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A court level's name.
fn level_label(level: Level) -> Label {
    match level {
        Level::FirstInstance => Label::LevelFirstInstance,
        Level::Appeal => Label::LevelAppeal,
        Level::Supreme => Label::LevelSupreme,
        Level::Constitutional => Label::LevelConstitutional,
        Level::International => Label::LevelInternational,
    }
}

/// A victim or defendant as the page describes them: gender, nationality, minor or adult.
fn person(ui: Ui, person: &Person) -> String {
    let mut parts: Vec<String> = Vec::new();
    parts.extend(person.gender.map(|g| i18n::gender_label(ui, g.as_str())));
    parts.extend(
        person
            .nationality
            .as_deref()
            .map(|c| i18n::country_name(ui, c)),
    );
    let age = person
        .minor
        .map(|minor| if minor { "minor" } else { "adult" });
    parts.extend(age.map(|a| i18n::victim_age_label(ui, a)));
    match parts.is_empty() {
        true => ui.t(Label::PersonNotDescribed).to_string(),
        false => parts.join(", "),
    }
}

/// A charge: its provision or offence, its outcome, its sentence.
fn charge(ui: Ui, charge: &Charge) -> String {
    let mut parts: Vec<String> = Vec::new();
    parts.extend(
        charge
            .provision
            .as_deref()
            .map(|p| i18n::provision_label(ui, p)),
    );
    parts.extend(charge.offence.clone());
    parts.extend(charge.outcome.map(|outcome| match outcome {
        Outcome::Conviction => i18n::verdict_label(ui, "conviction"),
        Outcome::Acquittal => i18n::verdict_label(ui, "acquittal"),
        Outcome::Dismissed => ui.t(Label::ChargeDismissed).to_string(),
    }));
    parts.extend(charge.sentence.clone());
    parts.join(" — ")
}

/// Similar documents, each with its court, date and the words it shares with the document.
fn related_list(params: &PageParams, hits: &[SimilarHit]) -> Markup {
    let ui = params.ui;
    html! {
        ul.related-list {
            @for similar in hits {
                @let hit = &similar.hit;
                li {
                    a href=(params.ui_only().document_url(&hit.id)) lang=[hit.language.as_deref()] { (title(ui, &hit.title)) }
                    @if let Some(court) = &hit.court { ", " (i18n::court_name(ui, court)) }
                    @if let Some(date) = &hit.date { ", " time datetime=(date) { (date) } }
                    @if !similar.reasons.words.is_empty() {
                        " " span.shared-words { (ui.fill(Label::SharedWords, &[("words", &similar.reasons.words.join(", "))])) }
                    }
                }
            }
        }
    }
}

pub(super) fn metadata(params: &PageParams, d: &Document, versions: &[Version]) -> Markup {
    let ui = params.ui;
    let provenance = match d.provenance {
        Some(Provenance::Real) => Some(ui.t(Label::ProvenanceReal)),
        Some(Provenance::Sample) => Some(ui.t(Label::ProvenanceSample)),
        None => None,
    };
    html! {
        dl.metadata-list {
            dt { (ui.t(Label::FieldId)) } dd { code { (d.id) } }
            dt { (ui.t(Label::Facet(Dimension::Kind))) } dd { (i18n::kind_label(ui, d.kind)) }
            @if let Some(court) = &d.court { dt { (ui.t(Label::Facet(Dimension::Court))) } dd { (i18n::court_name(ui, court)) } }
            dt { (ui.t(Label::Facet(Dimension::Country))) } dd { (country_list(ui, &d.country)) }
            @if let Some(date) = d.date {
                dt { (ui.t(Label::FieldDate)) } dd { time datetime=(date.to_string()) { (i18n::long_date(ui, date)) } }
            }
            @if let Some(language) = &d.language { dt { (ui.t(Label::Facet(Dimension::Language))) } dd { (i18n::language_name(ui, language)) } }
            @if !versions.is_empty() {
                dt { (ui.t(Label::LanguageVersions)) }
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
                dt { (ui.t(Label::Themes)) }
                dd { ul.tags { @for theme in &d.themes { li { (i18n::theme_label(ui, theme)) } } } }
            }
            @if let Some(verdict) = d.verdict {
                dt { (ui.t(Label::Facet(Dimension::Verdict))) } dd { (i18n::verdict_label(ui, verdict.as_str())) }
            }
            @if !d.sector.is_empty() {
                dt { (ui.t(Label::Facet(Dimension::Sector))) }
                dd { ul.tags { @for sector in &d.sector { li { (i18n::sector_label(ui, sector.as_str())) } } } }
            }
            @for (label, people) in [(Label::FieldVictims, &d.victims), (Label::FieldDefendants, &d.defendants)] {
                @if !people.is_empty() {
                    dt { (ui.t(label)) }
                    dd { ul.people { @for p in people { li { (person(ui, p)) } } } }
                }
            }
            @if !d.charges.is_empty() {
                dt { (ui.t(Label::FieldCharges)) }
                dd { ul.charges { @for c in &d.charges { li { (charge(ui, c)) } } } }
            }
            @if let Some(ecli) = &d.ecli { dt { "ECLI" } dd { code { (ecli) } } }
            @if let Some(number) = &d.application_number { dt { (ui.t(Label::FieldApplication)) } dd { (number) } }
            @if let Some(greta) = &d.greta {
                dt { (ui.t(Label::FieldGretaRound)) } dd { (greta.round) }
                @if let Some(strength) = greta.strength {
                    dt { (ui.t(Label::FieldGretaStrength)) } dd { (i18n::strength_label(ui, strength)) }
                }
                @if !greta.articles.is_empty() {
                    dt { (ui.t(Label::FieldGretaArticles)) }
                    // Each article links to every GRETA document on it.
                    dd {
                        @for (i, article) in greta.articles.iter().enumerate() {
                            @if i > 0 { ", " }
                            @let n = article.to_string();
                            a.greta-article href=(params.ui_only().with("article", Some(&n)).search_url()) { (n) }
                        }
                    }
                }
                @if let Some(paragraph) = &greta.paragraph { dt { (ui.t(Label::FieldGretaParagraph)) } dd { (paragraph) } }
            }
            @if let Some(provenance) = provenance { dt { (ui.t(Label::FieldProvenance)) } dd { (provenance) } }
            dt { (ui.t(Label::FieldAccess)) }
            dd { (ui.t(if d.access == Access::Restricted { Label::AccessRestricted } else { Label::AccessPublic })) }
        }
    }
}
