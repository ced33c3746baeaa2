//! A piece of text with the byte ranges of its matched words ([`Marked`]): what the engine
//! hands out for snippets and titles, so that each front end marks the words its own way.
//! Below `snippet` (which finds the ranges) and `markdown` (which moves them as it reads a
//! snippet plain), above nothing.

use std::ops::Range;

/// Text and the byte ranges of its matched words, in order and not overlapping.
///
/// The API's JSON holds it as HTML (escaped, the matches in `<mark>`): what it returned before
/// the engine handed out ranges.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marked {
    pub text: String,
    pub marks: Vec<Range<usize>>,
}

impl Marked {
    /// The text with each match between `open` and `close`, the rest passed through `escape`.
    pub fn render(&self, open: &str, close: &str, escape: impl Fn(&str, &mut String)) -> String {
        let mut out = String::with_capacity(self.text.len() + self.marks.len() * 13);
        let mut at = 0;
        for mark in &self.marks {
            escape(&self.text[at..mark.start], &mut out);
            out.push_str(open);
            escape(&self.text[mark.clone()], &mut out);
            out.push_str(close);
            at = mark.end;
        }
        escape(&self.text[at..], &mut out);
        out
    }

    /// HTML: escaped, the matches in `<mark>`.
    pub fn html(&self) -> String {
        self.render("<mark>", "</mark>", escape_into)
    }
}

impl serde::Serialize for Marked {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.html())
    }
}

/// Escapes text for HTML element content and attribute values.
pub fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}
