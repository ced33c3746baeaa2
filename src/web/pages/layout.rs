//! The frame of every page, the search box with its syntax help, and the error page outside a search.

use super::*;

/// The frame of every page: language switcher, skip link, header and footer. `path` is the
/// current page's path, so the language switcher stays on the same page and state.
pub(super) fn layout(params: &PageParams, path: &str, title: &str, body: Markup) -> Markup {
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
                a.skip-link href="#content" { (ui.t(Label::SkipToContent)) }
                // On the results page, straight to the first hit: past the header, the search
                // box and every facet (85 Tab presses before).
                @if path == "/" {
                    a.skip-link href="#hits" { (ui.t(Label::SkipToResults)) }
                }
                header.site-header {
                    div.site-header-inner {
                        a.brand href=(params.ui_only().search_url()) {
                            span.brand-name { "thb-caselaw" }
                            span.brand-tagline { (ui.t(Label::Tagline)) }
                        }
                        nav.ui-switch aria-label=(ui.t(Label::InterfaceLanguage)) {
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
                    p { (ui.t(Label::FooterAbout)) }
                    p.keys { (ui.t(Label::FooterKeys)) }
                }
            }
        }
    }
}

/// The search box, its hint and the syntax help. Used inside a form by both pages.
pub(super) fn search_bar(params: &PageParams) -> Markup {
    let ui = params.ui;
    html! {
        div.search-bar {
            label.search-label for="q" { (ui.t(Label::SearchBox)) }
            div.search-row {
                input #q type="search" name="q" value=(params.query())
                    maxlength=(thb_engine::limits::MAX_QUERY_CHARS)
                    autocomplete="off" spellcheck="false" autocapitalize="off"
                    placeholder=(ui.t(Label::SearchPlaceholder)) aria-describedby="search-hint";
                button.primary type="submit" { (ui.t(Label::SearchButton)) }
            }
            p #search-hint .hint { (ui.t(Label::SearchHint)) }
            (syntax_help(ui))
            @if params.ui != Ui::default() {
                input type="hidden" name="ui" value=(params.ui.code());
            }
        }
    }
}

/// Query syntax examples: what one types, and the label of what it finds.
const SYNTAX: [(&str, Label); 8] = [
    ("forced labour", Label::SyntaxWords),
    ("\"forced labour\"", Label::SyntaxPhrase),
    ("\"victim consent\"~5", Label::SyntaxNear),
    ("begging OR prosjačenje", Label::SyntaxOr),
    ("trafficking -sexual", Label::SyntaxNot),
    ("(labour OR begging) child", Label::SyntaxGroup),
    ("title:Rantsev", Label::SyntaxField),
    ("traffick*", Label::SyntaxPrefix),
];

pub(super) fn syntax_help(ui: Ui) -> Markup {
    html! {
        details #syntax-help .syntax-help {
            summary { (ui.t(Label::SyntaxTitle)) }
            div.syntax-body {
                table {
                    thead {
                        tr {
                            th scope="col" { (ui.t(Label::SyntaxYouType)) }
                            th scope="col" { (ui.t(Label::SyntaxFinds)) }
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
                p { (ui.t(Label::SyntaxScripts)) }
            }
        }
    }
}

/// Hidden fields that keep the parameters the visible controls do not carry.
pub(super) fn hidden_fields<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> Markup {
    html! {
        @for (key, value) in pairs {
            input type="hidden" name=(key) value=(value);
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
            h1 { (ui.t(error.title())) }
            p.error-message { (i18n::error_message(ui, error)) }
            p { a href=(params.search_url()) { "← " (ui.t(Label::BackToResults)) } }
        }
    };
    layout(params, path, ui.t(error.title()), body)
}
