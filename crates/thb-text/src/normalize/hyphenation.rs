//! Words hyphenated across a line break in extracted text, re-joined: `traf-\nficking`.
//!
//! PDF-to-text output keeps the typesetter's end-of-line hyphens, so a judgment's
//! `traf-` / `ficking` would index as two non-words and a search for `trafficking` would
//! miss the page. We join when a letter precedes the hyphen and a *lowercase* letter
//! starts the next line (spaces and tabs around the break allowed, as `pdftotext -layout`
//! leaves them). A capital after the break (`Bosnia-\nHerzegovina`, `anti-\nEU`) keeps the
//! hyphen and the line break; so does a digit (`2010-\n2012`) or a blank line between.
//!
//! Known limit, shared with every such heuristic: a real compound hyphen that falls at a
//! line end before a lowercase word (`anti-\ntrafficking`) is joined too (`antitrafficking`).
//! Runs after the dash fold, so `‐` (U+2010) and `‑` (U+2011) at a line end count as `-`.

use super::CharFold;

/// Joins `letter-\nlowercase` into `letterlowercase`.
pub(crate) struct HyphenatedLineBreak;

/// The byte length of the hyphenated break starting at `hyphen` (the `-`, horizontal
/// whitespace, one `\n`, horizontal whitespace) when a lowercase letter follows it.
fn hyphenated_break_len(text: &str, hyphen: usize) -> Option<usize> {
    let rest = &text[hyphen + 1..];
    let after_spaces = rest.trim_start_matches([' ', '\t']);
    let after_newline = after_spaces.strip_prefix('\n')?;
    let next_line = after_newline.trim_start_matches([' ', '\t']);
    let first = next_line.chars().next()?;
    first
        .is_lowercase()
        .then_some(text.len() - hyphen - next_line.len())
}

/// The next hyphenated line break at or after byte `from`: where its hyphen is, and the
/// byte length to remove.
fn next_hyphenated_break(text: &str, mut from: usize) -> Option<(usize, usize)> {
    while let Some(offset) = text[from..].find('-') {
        let hyphen = from + offset;
        from = hyphen + 1;
        let letter_before = text[..hyphen]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic);
        if !letter_before {
            continue;
        }
        if let Some(len) = hyphenated_break_len(text, hyphen) {
            return Some((hyphen, len));
        }
    }
    None
}

impl CharFold for HyphenatedLineBreak {
    fn applies(&self, text: &str) -> bool {
        next_hyphenated_break(text, 0).is_some()
    }

    fn fold(&self, text: &str, out: &mut String) {
        let mut copied_up_to = 0;
        while let Some((hyphen, len)) = next_hyphenated_break(text, copied_up_to) {
            out.push_str(&text[copied_up_to..hyphen]);
            copied_up_to = hyphen + len;
        }
        out.push_str(&text[copied_up_to..]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn join(text: &str) -> String {
        let mut out = String::new();
        if HyphenatedLineBreak.applies(text) {
            HyphenatedLineBreak.fold(text, &mut out);
        } else {
            out.push_str(text);
        }
        out
    }

    #[test]
    fn table() {
        let rows = [
            ("traf-\nficking", "trafficking"),
            ("victims of traf-\nficking in", "victims of trafficking in"),
            ("traf- \n  ficking", "trafficking"),
            ("trgo-\nvina lju-\ndima", "trgovina ljudima"),
            ("žrt-\nve", "žrtve"),
            ("трго-\nвина", "трговина"),
            ("eksploa-\n\tta-\ncija", "eksploatacija"),
            // Not joined: capital, digit, blank line, no letter before, no line break.
            ("Bosnia-\nHerzegovina", "Bosnia-\nHerzegovina"),
            ("2010-\n2012", "2010-\n2012"),
            ("traf-\n\nficking", "traf-\n\nficking"),
            ("- \nitem", "- \nitem"),
            ("4-\nbis", "4-\nbis"),
            ("well-known", "well-known"),
            ("end-", "end-"),
            ("end-\n", "end-\n"),
        ];
        for (input, expected) in rows {
            assert_eq!(join(input), expected, "{input:?}");
        }
    }
}
