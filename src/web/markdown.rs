//! The document view of a Markdown text (`thb_engine::search::markdown` decides which texts are
//! Markdown): rendered with pulldown-cmark, the query's matches marked inside the rendered
//! words, and nothing of the text able to act as HTML.
//!
//! The marks come as byte ranges of the stored text (`snippet::match_ranges`); pulldown-cmark
//! gives each piece of text the range it was read from, so a mark lands on the same words it
//! would in the plain view. Raw HTML in a text is shown as text, links that are not http(s) or
//! mailto lose their target, images show their description (the page loads nothing from
//! elsewhere), and headings move one level down: the page's own title is the `h1`.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use thb_engine::search::snippet::escape_into;

/// The text as HTML, with `marks` (ordered, non-overlapping byte ranges of `text`) in `<mark>`.
pub(crate) fn render(text: &str, marks: &[Range<usize>]) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut in_image = 0usize;
    let events = Parser::new_ext(text, options)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Text(words) | Event::Code(words) if in_image > 0 => Some(Event::Text(words)),
            Event::Text(words) => Some(Event::InlineHtml(marked(text, &words, range, marks))),
            Event::Code(words) => Some(Event::InlineHtml(
                format!("<code>{}</code>", marked(text, &words, range, marks)).into(),
            )),
            // Whatever HTML a text holds is shown, never run.
            Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
            Event::Start(Tag::Image { .. }) => {
                in_image += 1;
                None
            }
            Event::End(TagEnd::Image) => {
                in_image = in_image.saturating_sub(1);
                None
            }
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => Some(Event::Start(Tag::Heading {
                level: lower(level),
                id,
                classes,
                attrs,
            })),
            Event::End(TagEnd::Heading(level)) => Some(Event::End(TagEnd::Heading(lower(level)))),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => Some(Event::Start(Tag::Link {
                link_type,
                dest_url: safe_target(dest_url),
                title,
                id,
            })),
            other => Some(other),
        });
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    pulldown_cmark::html::push_html(&mut out, events);
    out
}

/// A heading one level down (`#` becomes `h2`).
fn lower(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// Web and mail links keep their target; any other scheme (`javascript:`) loses it.
fn safe_target(url: CowStr<'_>) -> CowStr<'_> {
    let lower = url.trim_start().to_ascii_lowercase();
    let scheme = lower.split_once(':').map(|(s, _)| s);
    match scheme {
        None | Some("http" | "https" | "mailto") => url,
        // `:` after a `/`, `?` or `#` belongs to a path, not a scheme.
        Some(s) if s.contains(['/', '?', '#']) => url,
        Some(_) => CowStr::Borrowed("#"),
    }
}

/// A piece of text, escaped, with the marks that fall inside `range` of the source. When the
/// piece is not the source as written (an entity or an escape was decoded), its marks cannot be
/// placed and it is shown unmarked.
fn marked<'a>(
    source: &str,
    words: &str,
    range: Range<usize>,
    marks: &[Range<usize>],
) -> CowStr<'a> {
    let mut out = String::with_capacity(words.len() + 16);
    if source.get(range.clone()) != Some(words) {
        escape_into(words, &mut out);
        return out.into();
    }
    let mut at = range.start;
    for mark in marks
        .iter()
        .filter(|m| m.start >= range.start && m.end <= range.end)
    {
        escape_into(&source[at..mark.start], &mut out);
        out.push_str("<mark>");
        escape_into(&source[mark.start..mark.end], &mut out);
        out.push_str("</mark>");
        at = mark.end;
    }
    escape_into(&source[at..range.end], &mut out);
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range_of(text: &str, word: &str) -> Range<usize> {
        let start = text.find(word).unwrap();
        start..start + word.len()
    }

    #[test]
    fn markdown_is_rendered_with_the_marks_in_its_words() {
        let text = "# Udhëzues për lypje\n\n*Shembull* me **lypje** dhe [Konventa](https://rm.coe.int/168008371d).\n\n- fëmija lyp\n";
        let marks = vec![
            range_of(text, "lypje"),
            range_of(text, "lyp\n").start..range_of(text, "lyp\n").start + 3,
        ];
        let html = render(text, &marks);
        assert!(
            html.contains("<h2>Udhëzues për <mark>lypje</mark></h2>"),
            "{html}"
        );
        assert!(html.contains("<em>Shembull</em>"), "{html}");
        assert!(html.contains("<strong>lypje</strong>"), "{html}");
        assert!(
            html.contains("<a href=\"https://rm.coe.int/168008371d\">Konventa</a>"),
            "{html}"
        );
        assert!(html.contains("<li>fëmija <mark>lyp</mark></li>"), "{html}");
        assert!(!html.contains('#'), "{html}");
    }

    #[test]
    fn nothing_in_a_text_runs_as_html() {
        let text = "## Title\n\n<script>alert(1)</script>\n\nInline <b onclick=\"x()\">bold</b> and [click](javascript:alert(1)) and ![a picture](https://example.org/x.png)\n";
        let html = render(text, &[]);
        assert!(!html.contains("<script"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(!html.contains("<b "), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("<a href=\"#\">click</a>"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("a picture"), "{html}");
    }
}
