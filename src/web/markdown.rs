//! The document view of a Markdown text (`thb_engine::search::markdown` decides which texts are
//! Markdown): rendered with pulldown-cmark, the query's matches marked inside the rendered
//! words, its citations linked and its numbered paragraphs anchored as in the plain view, and
//! nothing of the text able to act as HTML.
//!
//! The marks, the citations and the paragraphs come as byte ranges of the stored text
//! (`snippet::match_ranges`, the engine's citations and paragraphs); pulldown-cmark gives each
//! piece of text the range it was read from, so each lands on the same words it would in the
//! plain view (`links::render_range` writes a piece). A citation inside a link of the text
//! stays unlinked (a link holds no link); a paragraph whose number Markdown reads as a list's
//! (`45. …`) is anchored at its first words. Raw HTML in a text is shown as text, links that are not http(s) or
//! mailto lose their target, images show their description (the page loads nothing from
//! elsewhere), and headings move one level down: the page's own title is the `h1`.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use thb_engine::search::snippet::escape_into;

use super::links::{self, Anchor, Link};

/// The text as HTML, with `marks` (ordered, non-overlapping byte ranges of `text`) in `<mark>`,
/// `links` (ordered, non-overlapping) as links and `anchors` (ordered) at their paragraphs.
pub(crate) fn render(
    text: &str,
    marks: &[Range<usize>],
    links: &[Link],
    anchors: &[Anchor],
) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut in_image = 0usize;
    let mut in_link = 0usize;
    // The anchors not yet written: each goes into the first piece of text at or after it.
    let mut anchors = anchors;
    let mut piece = |words: &str, range: Range<usize>, in_link: usize| -> String {
        let mut out = String::with_capacity(words.len() + 16);
        let exact = text.get(range.clone()) == Some(words);
        let before = if exact { range.start } else { range.end };
        let passed = anchors.partition_point(|a| a.at < before);
        for anchor in &anchors[..passed] {
            links::push_anchor(anchor, &mut out);
        }
        anchors = &anchors[passed..];
        if !exact {
            // An entity or an escape was decoded: the piece is not the source as written, so
            // nothing can be placed in it.
            escape_into(words, &mut out);
            return out;
        }
        let inside = anchors.partition_point(|a| a.at < range.end);
        let cited = if in_link > 0 { &[][..] } else { links };
        links::render_range(text, range, marks, cited, &anchors[..inside], &mut out);
        anchors = &anchors[inside..];
        out
    };
    let events = Parser::new_ext(text, options)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Text(words) | Event::Code(words) if in_image > 0 => Some(Event::Text(words)),
            Event::Text(words) => Some(Event::InlineHtml(piece(&words, range, in_link).into())),
            Event::Code(words) => Some(Event::InlineHtml(
                format!("<code>{}</code>", piece(&words, range, in_link)).into(),
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
            }) => {
                in_link += 1;
                Some(Event::Start(Tag::Link {
                    link_type,
                    dest_url: safe_target(dest_url),
                    title,
                    id,
                }))
            }
            Event::End(TagEnd::Link) => {
                in_link = in_link.saturating_sub(1);
                Some(Event::End(TagEnd::Link))
            }
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
        let html = render(text, &marks, &[], &[]);
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

    fn anchors_of(text: &str) -> Vec<Anchor> {
        thb_engine::domain::paragraphs::paragraphs(text)
            .iter()
            .map(|p| Anchor {
                at: p.span.start,
                id: p.anchor(),
            })
            .collect()
    }

    #[test]
    fn citations_are_linked_and_paragraphs_anchored_as_in_the_plain_view() {
        let text = "# Note\n\n## § 12\n\nSee *Rantsev*, no. 25965/04, and [HUDOC on 25965/04](https://hudoc.echr.coe.int).\n\n## § 13\n\nMore.\n\n## § 14\n\nEnd.\n";
        let first = range_of(text, "25965/04");
        let second = text.rfind("25965/04").unwrap();
        let links = [
            Link {
                span: first.clone(),
                href: "/documents/ecthr:25965-04".into(),
            },
            Link {
                span: second..second + 8,
                href: "/documents/ecthr:25965-04".into(),
            },
        ];
        let html = render(text, &[first], &links, &anchors_of(text));
        assert!(
            html.contains("no. <a class=\"cite-link\" href=\"/documents/ecthr:25965-04\"><mark>25965/04</mark></a>, and"),
            "{html}"
        );
        assert!(
            html.contains("<a href=\"https://hudoc.echr.coe.int\">HUDOC on 25965/04</a>"),
            "a link of the text holds no citation link: {html}"
        );
        for n in 12..=14 {
            let heading =
                format!("<h3><span class=\"paragraph-anchor\" id=\"p{n}\"></span>§ {n}</h3>");
            assert!(html.contains(&heading), "{heading} in {html}");
        }
        // Numbers Markdown reads as a list's: the anchor stands at the paragraph's first words.
        let report = "45. GRETA urges the authorities to act.\n\n46. GRETA considers that.\n\n47. GRETA invites.\n";
        let html = render(report, &[], &[], &anchors_of(report));
        assert!(
            html.contains("<span class=\"paragraph-anchor\" id=\"p46\"></span>GRETA considers"),
            "{html}"
        );
    }

    #[test]
    fn nothing_in_a_text_runs_as_html() {
        let text = "## Title\n\n<script>alert(1)</script>\n\nInline <b onclick=\"x()\">bold</b> and [click](javascript:alert(1)) and ![a picture](https://example.org/x.png)\n";
        let html = render(text, &[], &[], &[]);
        assert!(!html.contains("<script"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(!html.contains("<b "), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("<a href=\"#\">click</a>"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("a picture"), "{html}");
    }
}
