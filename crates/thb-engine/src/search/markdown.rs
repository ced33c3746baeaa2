//! Markdown in stored texts. Documents ingested from `.md` files (guidance notes, commentaries)
//! keep their Markdown, which the document view renders; a snippet is a window cut from
//! anywhere in the text, so it cannot be rendered and is read plain instead: headings' `#`,
//! emphasis, list and quote markers, link syntax and code ticks left out, the words kept.
//!
//! Whether a text is Markdown is read from the text itself: a line that is an ATX heading
//! (`# Title`, `## 2. Scope`). Court judgments and GRETA reports, plain text, have none.

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

/// A snippet's HTML (escaped text with `<mark>` tags) with the Markdown markers of its text
/// left out. Markers are never inside a mark (marks hold words), and escaping leaves `#`, `*`,
/// `_`, `[`, `]`, `(`, `)` and `` ` `` as they are, so they can be read off the HTML directly.
pub fn plain_snippet(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    for (n, line) in html.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        inline(line_content(line), &mut out);
    }
    out
}

/// A line without its block markers: heading hashes, a quote's `>`, a list item's bullet.
fn line_content(line: &str) -> &str {
    let mut rest = line.trim_start();
    loop {
        let hashes = rest.bytes().take_while(|b| *b == b'#').count();
        if (1..=6).contains(&hashes) && rest[hashes..].starts_with(' ') {
            rest = rest[hashes..].trim_start();
            continue;
        }
        if let Some(after) = rest.strip_prefix("&gt;") {
            rest = after.trim_start();
            continue;
        }
        if let Some(after) = ["- ", "* ", "+ "].iter().find_map(|b| rest.strip_prefix(b)) {
            rest = after.trim_start();
            continue;
        }
        return rest;
    }
}

/// Emphasis, code ticks and link syntax out; `[text](url)` reads as `text`.
fn inline(line: &str, out: &mut String) {
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 1).copied();
        match c {
            '`' => {}
            // `**`, `__`, and a lone `*` or `_` at a word's edge are emphasis; `a * b` and
            // `snake_case` are not.
            '*' | '_' if after == Some(c) => i += 1,
            '*' if !(is_space(before) && is_space(after)) => {}
            '_' if !(is_word(before) && is_word(after)) => {}
            '[' => {
                // A link: keep its text, drop its target.
                if let Some((text_end, target_end)) = link_at(&chars, i) {
                    inline(&chars[i + 1..text_end].iter().collect::<String>(), out);
                    i = target_end + 1;
                    continue;
                }
                out.push(c);
            }
            c => out.push(c),
        }
        i += 1;
    }
}

/// For a `[` at `open`: the index of its `]` and of the `)` closing the `(target)` right after.
fn link_at(chars: &[char], open: usize) -> Option<(usize, usize)> {
    let close = open + 1 + chars[open + 1..].iter().position(|c| *c == ']')?;
    if chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let end = close + 2 + chars[close + 2..].iter().position(|c| *c == ')')?;
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

    #[test]
    fn snippets_read_markdown_plain_and_keep_the_marks() {
        for (html, plain) in [
            (
                "## 2. Pse <mark>lypja</mark> mund të jetë trafikim",
                "2. Pse <mark>lypja</mark> mund të jetë trafikim",
            ),
            (
                "…e nevojshme.\n\n## 3. Treguesit kryesorë\n\nKushtojini",
                "…e nevojshme.\n\n3. Treguesit kryesorë\n\nKushtojini",
            ),
            (
                "*Shembull ilustrues* i **shkruar** për __bazën__",
                "Shembull ilustrues i shkruar për bazën",
            ),
            (
                "- fëmija <mark>lyp</mark>;\n* natën;\n&gt; cituar",
                "fëmija <mark>lyp</mark>;\nnatën;\ncituar",
            ),
            (
                "see [the Convention](https://rm.coe.int/168008371d) and `code`",
                "see the Convention and code",
            ),
            // Not markers: arithmetic, an identifier's underscore, a bracket alone.
            ("3 * 4 and file_name [sic]", "3 * 4 and file_name [sic]"),
        ] {
            assert_eq!(plain_snippet(html), plain, "{html:?}");
        }
    }
}
