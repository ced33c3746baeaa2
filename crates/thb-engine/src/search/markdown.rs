//! Markdown in stored texts. Documents ingested from `.md` files (guidance notes, commentaries)
//! keep their Markdown, which the document view renders; a snippet is a window cut from
//! anywhere in the text, so it cannot be rendered and is read plain instead: headings' `#`,
//! emphasis, list and quote markers, link syntax and code ticks left out, the words kept.
//!
//! Whether a text is Markdown is read from the text itself: a line that is an ATX heading
//! (`# Title`, `## 2. Scope`). Court judgments and GRETA reports, plain text, have none.

use super::marked::Marked;

/// How much of a text is looked at to decide: a Markdown document has a heading early.
const LOOK_BYTES: usize = 64 * 1024;

/// True when the text has a Markdown heading line.
pub fn looks_like_markdown(text: &str) -> bool {
    let end = thb_text::normalize::prefix_within(text, LOOK_BYTES).len();
    text[..end].lines().any(is_heading)
}

fn is_heading(line: &str) -> bool {
    let hashes = line.bytes().take_while(|b| *b == b'#').count();
    (1..=6).contains(&hashes)
        && line[hashes..].starts_with(' ')
        && line[hashes..].trim().chars().next().is_some()
}

/// A snippet with the Markdown markers of its text left out, its marks moved with the words
/// they mark (markers are never inside a mark: marks hold words).
pub fn plain_snippet(snippet: &Marked) -> Marked {
    let text = &snippet.text;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut keep = vec![true; chars.len()];
    let mut line_start = 0;
    while line_start < chars.len() {
        let line_end = chars[line_start..]
            .iter()
            .position(|(_, c)| *c == '\n')
            .map_or(chars.len(), |n| line_start + n);
        let content = line_start + block_markers(&chars[line_start..line_end]);
        keep[line_start..content].fill(false);
        inline(&chars[content..line_end], &mut keep[content..line_end]);
        line_start = line_end + 1;
    }
    // Where each byte of the text lands in the plain text.
    let mut out = String::with_capacity(text.len());
    let mut landing = vec![0usize; text.len() + 1];
    for (i, (at, c)) in chars.iter().enumerate() {
        let width = c.len_utf8();
        landing[*at..*at + width].fill(out.len());
        if keep[i] {
            out.push(*c);
        }
    }
    landing[text.len()] = out.len();
    let marks = snippet
        .marks
        .iter()
        .map(|m| landing[m.start]..landing[m.end])
        .filter(|m| !m.is_empty())
        .collect();
    Marked { text: out, marks }
}

/// How many characters of a line are its leading blanks and block markers: heading hashes, a
/// quote's `>`, a list item's bullet.
fn block_markers(line: &[(usize, char)]) -> usize {
    let mut at = 0;
    let blank = |at: usize| line.get(at).is_some_and(|(_, c)| c.is_whitespace());
    let skip_blanks = |mut at: usize| {
        while blank(at) {
            at += 1;
        }
        at
    };
    at = skip_blanks(at);
    loop {
        let hashes = line[at..].iter().take_while(|(_, c)| *c == '#').count();
        if (1..=6).contains(&hashes) && blank(at + hashes) {
            at = skip_blanks(at + hashes);
            continue;
        }
        let first = line.get(at).map(|(_, c)| *c);
        if first == Some('>') {
            at = skip_blanks(at + 1);
            continue;
        }
        if matches!(first, Some('-' | '*' | '+')) && blank(at + 1) {
            at = skip_blanks(at + 1);
            continue;
        }
        return at;
    }
}

/// Marks emphasis, code ticks and link syntax as dropped; `[text](url)` keeps `text`.
fn inline(line: &[(usize, char)], keep: &mut [bool]) {
    let at = |i: usize| line.get(i).map(|(_, c)| *c);
    let mut i = 0;
    while i < line.len() {
        let c = line[i].1;
        let before = i.checked_sub(1).and_then(at);
        let after = at(i + 1);
        match c {
            '`' => keep[i] = false,
            // `**`, `__`, and a lone `*` or `_` at a word's edge are emphasis; `a * b` and
            // `snake_case` are not.
            '*' | '_' if after == Some(c) => {
                keep[i] = false;
                keep[i + 1] = false;
                i += 1;
            }
            '*' if !(is_space(before) && is_space(after)) => keep[i] = false,
            '_' if !(is_word(before) && is_word(after)) => keep[i] = false,
            '[' => {
                if let Some((close, end)) = link_at(line, i) {
                    keep[i] = false;
                    keep[close..=end].fill(false);
                }
            }
            _ => {}
        }
        i += 1;
    }
}

/// For a `[` at `open`: the index of its `]` and of the `)` closing the `(target)` right after.
fn link_at(line: &[(usize, char)], open: usize) -> Option<(usize, usize)> {
    let close = open + 1 + line[open + 1..].iter().position(|(_, c)| *c == ']')?;
    if line.get(close + 1).map(|(_, c)| *c) != Some('(') {
        return None;
    }
    let end = close + 2 + line[close + 2..].iter().position(|(_, c)| *c == ')')?;
    Some((close, end))
}

fn is_space(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_line_makes_a_text_markdown() {
        for (text, markdown) in [
            ("# Udhëzues\n\nTeksti.", true),
            ("Intro\n\n## 2. Pse lypja mund të jetë trafikim\n", true),
            ("###### Six", true),
            // A judgment's text: numbered paragraphs, no headings.
            ("1. The applicant was born in 1980.\n2. The facts.", false),
            ("#hashtag is not a heading", false),
            ("####### seven is not either", false),
            ("# ", false),
        ] {
            assert_eq!(looks_like_markdown(text), markdown, "{text:?}");
        }
    }

    /// `[` and `]` around the marked words of a text, for the tests.
    fn marked(text: &str) -> Marked {
        let (mut plain, mut marks) = (String::new(), Vec::new());
        let mut start = 0;
        for c in text.chars() {
            match c {
                '⟦' => start = plain.len(),
                '⟧' => marks.push(start..plain.len()),
                c => plain.push(c),
            }
        }
        Marked { text: plain, marks }
    }

    #[test]
    fn snippets_read_markdown_plain_and_keep_the_marks() {
        for (text, plain) in [
            (
                "## 2. Pse ⟦lypja⟧ mund të jetë trafikim",
                "2. Pse ⟦lypja⟧ mund të jetë trafikim",
            ),
            (
                "…e nevojshme.\n\n## 3. Treguesit kryesorë\n\nKushtojini",
                "…e nevojshme.\n\n3. Treguesit kryesorë\n\nKushtojini",
            ),
            (
                "*Shembull ilustrues* i **⟦shkruar⟧** për __bazën__",
                "Shembull ilustrues i ⟦shkruar⟧ për bazën",
            ),
            (
                "- fëmija ⟦lyp⟧;\n* natën;\n> cituar",
                "fëmija ⟦lyp⟧;\nnatën;\ncituar",
            ),
            (
                "see [the ⟦Convention⟧](https://rm.coe.int/168008371d) and `code`",
                "see the ⟦Convention⟧ and code",
            ),
            // Not markers: arithmetic, an identifier's underscore, a bracket alone.
            (
                "3 * 4 and file_name [sic] ⟦ok⟧",
                "3 * 4 and file_name [sic] ⟦ok⟧",
            ),
        ] {
            let got = plain_snippet(&marked(text));
            assert_eq!(got, marked(plain), "{text:?}");
        }
    }
}
