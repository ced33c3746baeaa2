//! A text as HTML with its citations as links, its numbered paragraphs anchored and the
//! query's matches marked: the document page's full text, a plain text whole, a Markdown text
//! one piece of text at a time (`markdown::render`). A citation links to the document it names
//! when the index holds one the reader may see, and otherwise to a search for what cites the
//! same (`/?cites=…`, `/?provision=…`), so every link leads somewhere. A paragraph's anchor
//! (`<span id="p282">`) stands where its number does, so `/documents/{id}#p282` opens there.
//!
//! Links and marks may overlap (a query for `25965/04` marks the words of a linked citation):
//! a link is the outer element, and a mark that crosses a link's edge is closed and opened
//! again there, so the HTML always nests. An anchor is empty, so it nests anywhere.

use std::ops::Range;

use thb_engine::search::snippet::escape_into;

/// A citation's span in the text and where it links.
pub(crate) struct Link {
    pub span: Range<usize>,
    pub href: String,
}

/// Where a numbered paragraph begins in the text, and the id that names it (`p282`).
pub(crate) struct Anchor {
    pub at: usize,
    pub id: String,
}

/// `text` as HTML: everything escaped, `links` (ordered, non-overlapping byte ranges) in
/// `<a class="cite-link">`, `marks` (ordered, non-overlapping) in `<mark>`, each of `anchors`
/// (ordered) an empty `<span class="paragraph-anchor">` at its place.
pub(crate) fn render(
    text: &str,
    marks: &[Range<usize>],
    links: &[Link],
    anchors: &[Anchor],
) -> String {
    let mut out = String::with_capacity(text.len() + 40 * links.len() + 13 * marks.len());
    render_range(text, 0..text.len(), marks, links, anchors, &mut out);
    out
}

/// `source[range]` as [`render`] writes it, into `out`: the marks and links that cross the
/// range's edges cut there, the anchors within it (its end excluded) at their place.
pub(crate) fn render_range(
    source: &str,
    range: Range<usize>,
    marks: &[Range<usize>],
    links: &[Link],
    anchors: &[Anchor],
    out: &mut String,
) {
    let clip = |r: &Range<usize>| r.start.max(range.start)..r.end.min(range.end);
    // Both lists are ordered and do not overlap: those crossing the range lie together.
    let crossing = |first: usize, last: usize| first..last.max(first);
    let marks: Vec<Range<usize>> = marks[crossing(
        marks.partition_point(|m| m.end <= range.start),
        marks.partition_point(|m| m.start < range.end),
    )]
    .iter()
    .map(clip)
    .filter(|r| r.start < r.end)
    .collect();
    let links: Vec<(Range<usize>, &str)> = links[crossing(
        links.partition_point(|l| l.span.end <= range.start),
        links.partition_point(|l| l.span.start < range.end),
    )]
    .iter()
    .map(|l| (clip(&l.span), l.href.as_str()))
    .filter(|(r, _)| r.start < r.end)
    .collect();
    let first_anchor = anchors.partition_point(|a| a.at < range.start);
    let anchors = &anchors[first_anchor..];
    let anchors = &anchors[..anchors.partition_point(|a| a.at < range.end)];
    let mut cuts: Vec<usize> =
        Vec::with_capacity(2 + 2 * (marks.len() + links.len()) + anchors.len());
    cuts.extend([range.start, range.end]);
    cuts.extend(marks.iter().flat_map(|m| [m.start, m.end]));
    cuts.extend(links.iter().flat_map(|(l, _)| [l.start, l.end]));
    cuts.extend(anchors.iter().map(|a| a.at));
    cuts.sort_unstable();
    cuts.dedup();
    let (mut link_at, mut mark_at, mut anchor_at) = (0, 0, 0);
    let (mut open_link, mut open_mark): (Option<usize>, bool) = (None, false);
    for piece in cuts.windows(2) {
        let (start, end) = (piece[0], piece[1]);
        while link_at < links.len() && links[link_at].0.end <= start {
            link_at += 1;
        }
        while mark_at < marks.len() && marks[mark_at].end <= start {
            mark_at += 1;
        }
        let link = (link_at < links.len() && links[link_at].0.start <= start).then_some(link_at);
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
                escape_into(links[i].1, out);
                out.push_str("\">");
            }
            open_link = link;
        }
        if mark && !open_mark {
            out.push_str("<mark>");
            open_mark = true;
        }
        while anchor_at < anchors.len() && anchors[anchor_at].at <= start {
            push_anchor(&anchors[anchor_at], out);
            anchor_at += 1;
        }
        escape_into(&source[start..end], out);
    }
    if open_mark {
        out.push_str("</mark>");
    }
    if open_link.is_some() {
        out.push_str("</a>");
    }
}

/// A paragraph's anchor: an empty element that `#p282` scrolls to.
pub(crate) fn push_anchor(anchor: &Anchor, out: &mut String) {
    out.push_str("<span class=\"paragraph-anchor\" id=\"");
    escape_into(&anchor.id, out);
    out.push_str("\"></span>");
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
            render(text, &[], &links, &[]),
            "see no. <a class=\"cite-link\" href=\"/documents/ecthr:25965-04\">25965/04</a> &lt;here&gt;"
        );
        // A mark across the link's start, and one inside it.
        assert_eq!(
            render(text, &[4..10, 14..16], &links, &[]),
            "see <mark>no. </mark><a class=\"cite-link\" href=\"/documents/ecthr:25965-04\"><mark>25</mark>965/<mark>04</mark></a> &lt;here&gt;"
        );
        let first_word = [Range { start: 0, end: 3 }];
        assert_eq!(
            render(text, &first_word, &[], &[]),
            "<mark>see</mark> no. 25965/04 &lt;here&gt;"
        );
        assert_eq!(
            render("a\"b", &[], &[link(0..1, "/?cites=a&b=\"")], &[]),
            "<a class=\"cite-link\" href=\"/?cites=a&amp;b=&quot;\">a</a>&quot;b"
        );
    }

    #[test]
    fn anchors_stand_at_their_paragraphs_and_ranges_cut_what_crosses_them() {
        let text = "Intro. 1. See no. 25965/04. 2. Two.";
        let links = [link(18..26, "/d")];
        let anchors = [
            Anchor {
                at: 7,
                id: "p1".into(),
            },
            Anchor {
                at: 28,
                id: "p2".into(),
            },
        ];
        assert_eq!(
            render(text, &[Range { start: 7, end: 8 }], &links, &anchors),
            "Intro. <mark><span class=\"paragraph-anchor\" id=\"p1\"></span>1</mark>. See no. \
             <a class=\"cite-link\" href=\"/d\">25965/04</a>. \
             <span class=\"paragraph-anchor\" id=\"p2\"></span>2. Two."
        );
        // A piece of the text (a Markdown text's run of words) from inside the link on: the
        // link is cut at the piece's start, the anchor before it is left to the piece holding it.
        let mut out = String::new();
        render_range(text, 21..35, &[], &links, &anchors, &mut out);
        assert_eq!(
            out,
            "<a class=\"cite-link\" href=\"/d\">65/04</a>. \
             <span class=\"paragraph-anchor\" id=\"p2\"></span>2. Two."
        );
    }
}
