//! A plain text as HTML with its citations as links and the query's matches marked: the
//! document page's full text. A citation links to the document it names when the index holds
//! one the reader may see, and otherwise to a search for what cites the same (`/?cites=…`,
//! `/?provision=…`), so every link leads somewhere.
//!
//! Links and marks may overlap (a query for `25965/04` marks the words of a linked citation):
//! a link is the outer element, and a mark that crosses a link's edge is closed and opened
//! again there, so the HTML always nests.

use std::ops::Range;

use thb_engine::search::snippet::escape_into;

/// A citation's span in the text and where it links.
pub(crate) struct Link {
    pub span: Range<usize>,
    pub href: String,
}

/// `text` as HTML: everything escaped, `links` (ordered, non-overlapping byte ranges) in
/// `<a class="cite-link">`, `marks` (ordered, non-overlapping) in `<mark>`.
pub(crate) fn render(text: &str, marks: &[Range<usize>], links: &[Link]) -> String {
    let mut cuts: Vec<usize> = Vec::with_capacity(2 + 2 * (marks.len() + links.len()));
    cuts.extend([0, text.len()]);
    cuts.extend(marks.iter().flat_map(|m| [m.start, m.end]));
    cuts.extend(links.iter().flat_map(|l| [l.span.start, l.span.end]));
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::with_capacity(text.len() + 40 * links.len() + 13 * marks.len());
    let (mut link_at, mut mark_at) = (0, 0);
    let (mut open_link, mut open_mark): (Option<usize>, bool) = (None, false);
    for piece in cuts.windows(2) {
        let (start, end) = (piece[0], piece[1]);
        while link_at < links.len() && links[link_at].span.end <= start {
            link_at += 1;
        }
        while mark_at < marks.len() && marks[mark_at].end <= start {
            mark_at += 1;
        }
        let link = (link_at < links.len() && links[link_at].span.start <= start).then_some(link_at);
        let mark = mark_at < marks.len() && marks[mark_at].start <= start;
        if open_mark && (!mark || link != open_link) {
            out.push_str("</mark>");
            open_mark = false;
        }
        if link != open_link {
            if open_link.is_some() {
                out.push_str("</a>");
            }
            if let Some(i) = link {
                out.push_str("<a class=\"cite-link\" href=\"");
                escape_into(&links[i].href, &mut out);
                out.push_str("\">");
            }
            open_link = link;
        }
        if mark && !open_mark {
            out.push_str("<mark>");
            open_mark = true;
        }
        escape_into(&text[start..end], &mut out);
    }
    if open_mark {
        out.push_str("</mark>");
    }
    if open_link.is_some() {
        out.push_str("</a>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(span: Range<usize>, href: &str) -> Link {
        Link {
            span,
            href: href.to_string(),
        }
    }

    #[test]
    fn links_and_marks_nest_whatever_their_overlap() {
        let text = "see no. 25965/04 <here>";
        let links = [link(8..16, "/documents/ecthr:25965-04")];
        assert_eq!(
            render(text, &[], &links),
            "see no. <a class=\"cite-link\" href=\"/documents/ecthr:25965-04\">25965/04</a> &lt;here&gt;"
        );
        // A mark across the link's start, and one inside it.
        assert_eq!(
            render(text, &[4..10, 14..16], &links),
            "see <mark>no. </mark><a class=\"cite-link\" href=\"/documents/ecthr:25965-04\"><mark>25</mark>965/<mark>04</mark></a> &lt;here&gt;"
        );
        let first_word = [Range { start: 0, end: 3 }];
        assert_eq!(
            render(text, &first_word, &[]),
            "<mark>see</mark> no. 25965/04 &lt;here&gt;"
        );
        assert_eq!(
            render("a\"b", &[], &[link(0..1, "/?cites=a&b=\"")]),
            "<a class=\"cite-link\" href=\"/?cites=a&amp;b=&quot;\">a</a>&quot;b"
        );
    }
}
