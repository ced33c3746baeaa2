//! Snippets and highlighting: the passage of a hit that best shows why it matched, as text with
//! the byte ranges of its matched words ([`Marked`]); each front end marks them its own way
//! (the API and the page in `<mark>`, the terminal in bold, a spreadsheet not at all).
//!
//! tantivy's `SnippetGenerator` takes one tokenizer; a hit here can match through the folded
//! form (another script, no diacritics) or through its language's stems, so we mark the union
//! of both. Offsets come from the tokenizers, so the marks land on the original words:
//! a Latin query marks the Cyrillic words it found.

use std::ops::Range;

pub use super::marked::{escape_into, Marked};

use super::highlight::{Highlight, QueryWords};
use crate::analysis::{self, Analyzer, StemLanguage, WordAnalyzer};
use thb_text::normalize::{fold_for_search_string, prefix_within, search_initial};

/// How much of a long text is scanned for a snippet: enough for the opening and the reasoning
/// of most judgments, bounded so one 400 KB judgment cannot slow every page of results.
const MAX_SCAN_BYTES: usize = 256 * 1024;

/// The byte ranges of `text` that match the highlight terms, in order, each with the query
/// words its term stands for.
///
/// The words are walked once and each analyzer is asked for its term of each word (all
/// analyzers split words alike), the exact form first: a snippet costs one pass over the
/// text, not one per analyzer. A word whose first letter (`normalize::search_initial`) begins
/// no term looked for is skipped without analysing it: a judgment is 100 KB or more, and few
/// of its words share a letter with the query's. Stemming is the dear part, so a word is
/// stemmed only when its folded form begins like one of the stems looked for: every stemmer
/// we use rewrites endings, never the first two letters.
fn matches(
    text: &str,
    highlight: &Highlight,
    language: Option<&str>,
) -> Vec<(Range<usize>, QueryWords)> {
    // A query has a handful of terms per analyzer: comparing a word with each (lengths first)
    // beats a tree or a hash of the terms, which every word of every hit's text goes through.
    let wanted = |analyzer: Analyzer| -> Option<Vec<(&str, QueryWords)>> {
        let terms = highlight.terms.get(&analyzer)?;
        (!terms.is_empty()).then(|| terms.iter().map(|(t, w)| (t.as_str(), *w)).collect())
    };
    let find = |terms: &[(&str, QueryWords)], term: &str| {
        terms
            .iter()
            .find(|(t, _)| *t == term)
            .map(|(_, words)| *words)
    };
    let exact = wanted(Analyzer::Exact).map(|t| (WordAnalyzer::new(Analyzer::Exact), t));
    let folded_terms = wanted(Analyzer::Folded);
    let stem = language
        .and_then(StemLanguage::for_tag)
        .map(Analyzer::Stemmed)
        .and_then(|a| wanted(a).map(|t| (WordAnalyzer::new(a), t)));
    let (mut exact, mut stem) = (exact, stem);
    if exact.is_none() && folded_terms.is_none() && stem.is_none() {
        return Vec::new();
    }
    let mut stem_openings: Vec<&str> = stem
        .iter()
        .flat_map(|(_, terms)| terms.iter())
        .map(|(t, _)| opening(t, 2))
        .collect();
    stem_openings.sort_unstable();
    stem_openings.dedup();
    // The first letters any matching word's search form can begin with: exact terms through
    // their search form, folded terms and stems as they are (a stem keeps the word's opening).
    let mut initials: Vec<char> = exact
        .iter()
        .flat_map(|(_, terms)| terms.iter())
        .filter_map(|(t, _)| fold_for_search_string(t).chars().next())
        .chain(
            folded_terms
                .iter()
                .flatten()
                .map(|(t, _)| *t)
                .chain(stem_openings.iter().copied())
                .filter_map(|t| t.chars().next()),
        )
        .collect();
    initials.sort_unstable();
    initials.dedup();
    let mut folder = WordAnalyzer::new(Analyzer::Folded);
    let mut found: Vec<(Range<usize>, QueryWords)> = Vec::new();
    for range in analysis::words(text) {
        if search_initial(&text[range.clone()]).is_some_and(|c| !initials.contains(&c)) {
            // Most words of a judgment: skipped without folding or stemming them.
            continue;
        }
        if let Some((analyzer, terms)) = &mut exact {
            if let Some(words) = analyzer
                .term(text, range.clone())
                .and_then(|t| find(terms, t))
            {
                found.push((range, words));
                continue;
            }
        }
        let Some(folded) = folder.term(text, range.clone()) else {
            continue;
        };
        if let Some(words) = folded_terms
            .as_deref()
            .and_then(|terms| find(terms, folded))
        {
            found.push((range, words));
            continue;
        }
        if !stem_openings.contains(&opening(folded, 2))
            && !stem_openings.contains(&opening(folded, 1))
        {
            continue;
        }
        if let Some((analyzer, terms)) = &mut stem {
            if let Some(words) = analyzer
                .term(text, range.clone())
                .and_then(|t| find(terms, t))
            {
                found.push((range, words));
            }
        }
    }
    found
}

/// The first `chars` characters of a term (all of it when shorter).
fn opening(term: &str, chars: usize) -> &str {
    let end = term
        .char_indices()
        .nth(chars)
        .map(|(i, _)| i)
        .unwrap_or(term.len());
    &term[..end]
}

/// The best passage of about `max_chars` characters; the opening of the text when nothing
/// matches. A cut text starts or ends with `…`; a Markdown text is read plain.
pub fn snippet(
    text: &str,
    highlight: &Highlight,
    language: Option<&str>,
    max_chars: usize,
) -> Marked {
    located_snippet(text, highlight, language, max_chars).0
}

/// [`snippet`], and where in `text` its first matched word stands (`None` when nothing
/// matched): what the hit's paragraph is found by.
pub fn located_snippet(
    text: &str,
    highlight: &Highlight,
    language: Option<&str>,
    max_chars: usize,
) -> (Marked, Option<usize>) {
    let scan = prefix_within(text, MAX_SCAN_BYTES);
    let found = if highlight.is_empty() {
        Vec::new()
    } else {
        matches(scan, highlight, language)
    };
    let window_bytes = byte_len_of_chars(scan, 0, max_chars);
    let (start, end) = if found.is_empty() {
        (0, window_bytes.min(scan.len()))
    } else {
        best_window(scan, &found, max_chars)
    };
    let start = word_start(scan, start);
    let end = word_end(scan, end);
    let mut out = Marked {
        text: String::with_capacity(end - start + 8),
        marks: Vec::new(),
    };
    if start > 0 {
        out.text.push('…');
    }
    let shift = out.text.len();
    out.text.push_str(&scan[start..end]);
    out.marks = inside(&found, start, end)
        .map(|r| r.start - start + shift..r.end - start + shift)
        .collect();
    if end < text.len() {
        out.text.push('…');
    }
    let first_match = inside(&found, start, end).next().map(|r| r.start);
    if super::markdown::looks_like_markdown(text) {
        return (super::markdown::plain_snippet(&out), first_match);
    }
    (out, first_match)
}

/// The matches that lie whole within `[start, end)`, without overlaps.
fn inside(
    found: &[(Range<usize>, QueryWords)],
    start: usize,
    end: usize,
) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = start;
    found
        .iter()
        .map(|(range, _)| range.clone())
        .filter(move |range| {
            let keep = range.start >= at && range.end <= end;
            if keep {
                at = range.end;
            }
            keep
        })
}

/// The byte ranges of `text` that match, in order and not overlapping: for a front end that
/// marks the words itself (the document view renders Markdown around them).
pub fn match_ranges(
    text: &str,
    highlight: &Highlight,
    language: Option<&str>,
) -> Vec<Range<usize>> {
    if highlight.is_empty() {
        return Vec::new();
    }
    inside(&matches(text, highlight, language), 0, text.len()).collect()
}

/// The whole text with every match (a title, the document view).
pub fn highlight_all(text: &str, highlight: &Highlight, language: Option<&str>) -> Marked {
    Marked {
        text: text.to_string(),
        marks: match_ranges(text, highlight, language),
    }
}

/// About `max_chars` characters of `text` around `span` (a citation, say), `span` marked, cut
/// at words with `…` where the text goes on; a Markdown text is read plain.
pub fn around(text: &str, span: Range<usize>, max_chars: usize) -> Marked {
    let span_chars = text[span.clone()].chars().count();
    let before = max_chars.saturating_sub(span_chars) / 2;
    let start = word_start(text, back_by_chars(text, span.start, before)).min(span.start);
    let end = span.end
        + byte_len_of_chars(
            text,
            span.end,
            max_chars.saturating_sub(span_chars + before),
        );
    let end = word_end(text, end).max(span.end);
    let mut out = Marked::default();
    if start > 0 {
        out.text.push('…');
    }
    let shift = out.text.len();
    out.text.push_str(&text[start..end]);
    out.marks
        .push(span.start - start + shift..span.end - start + shift);
    if end < text.len() {
        out.text.push('…');
    }
    if super::markdown::looks_like_markdown(text) {
        return super::markdown::plain_snippet(&out);
    }
    out
}

/// Picks the window with the most of the query's words (then the most matches, then the
/// earliest), starting a little before its first match for context.
fn best_window(
    text: &str,
    found: &[(Range<usize>, QueryWords)],
    max_chars: usize,
) -> (usize, usize) {
    let mut best = (0u32, 0usize, 0usize, 0usize); // (words, matches, start, end)
    for (i, (first, _)) in found.iter().enumerate() {
        let start = back_by_chars(text, first.start, max_chars / 5);
        let end = start + byte_len_of_chars(text, start, max_chars);
        let end = end.min(text.len());
        let inside = found[i..].iter().take_while(|(r, _)| r.end <= end);
        let (words, matches) = inside.fold((0u64, 0usize), |(words, n), (_, w)| (words | w, n + 1));
        let words = words.count_ones();
        if (words, matches) > (best.0, best.1) {
            best = (words, matches, start, end);
        }
    }
    (best.2, best.3.max(best.2))
}

fn byte_len_of_chars(text: &str, from: usize, chars: usize) -> usize {
    text[from..]
        .char_indices()
        .nth(chars)
        .map(|(i, _)| i)
        .unwrap_or(text.len() - from)
}

fn back_by_chars(text: &str, from: usize, chars: usize) -> usize {
    text[..from]
        .char_indices()
        .rev()
        .nth(chars.saturating_sub(1))
        .map(|(i, _)| i)
        .unwrap_or(0)
}

/// Moves a cut forward to the start of a word, so a snippet never begins mid-word.
fn word_start(text: &str, at: usize) -> usize {
    if at == 0 {
        return 0;
    }
    match text[at..].find(char::is_whitespace) {
        Some(i) if i < 30 => at + i + text[at + i..].chars().next().map_or(0, char::len_utf8),
        _ => at,
    }
}

/// Moves a cut back to the end of a word.
fn word_end(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    match text[..at].rfind(char::is_whitespace) {
        Some(i) if at - i < 30 => i,
        _ => at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `search::build` records for a query of `parts` (words, or phrases of words), each
    /// in every one of `analyzers`.
    fn highlight_for(parts: &[&str], analyzers: &[Analyzer]) -> Highlight {
        let mut h = Highlight::default();
        let mut first = 0;
        for part in parts {
            let words = analysis::words(part).count() as u32;
            for a in analyzers {
                h.add(*a, &a.terms(part), first, words);
            }
            first += words;
        }
        h
    }

    #[test]
    fn a_latin_query_marks_the_cyrillic_words() {
        let text = "Суд је утврдио да је окривљени извршио кривично дело трговина људима.";
        let h = highlight_for(&["trgovina", "ljudima"], &[Analyzer::Folded]);
        let s = snippet(text, &h, Some("sr-Cyrl"), 200).html();
        assert!(
            s.contains("<mark>трговина</mark> <mark>људима</mark>"),
            "{s}"
        );
    }

    #[test]
    fn inflected_forms_are_marked_through_the_stemmer() {
        let text = "Optuženi je oglašen krivim za trgovinu ljudima i osuđen.";
        let sh = Analyzer::Stemmed(StemLanguage::SerboCroatian);
        let h = highlight_for(&["trgovina"], &[Analyzer::Folded, sh]);
        let s = snippet(text, &h, Some("sr-Latn"), 200).html();
        assert!(s.contains("<mark>trgovinu</mark>"), "{s}");
    }

    #[test]
    fn everything_else_is_escaped() {
        let text = "<script>alert(1)</script> trafficking & \"forced\" labour";
        let h = highlight_for(&["trafficking"], &[Analyzer::Folded]);
        let s = snippet(text, &h, Some("en"), 200).html();
        assert!(s.starts_with("&lt;script&gt;alert(1)&lt;/script&gt; <mark>trafficking</mark> &amp; &quot;forced&quot;"), "{s}");
    }

    #[test]
    fn the_window_moves_to_the_matches_in_a_long_text() {
        let filler = "lorem ipsum dolor sit amet ".repeat(100);
        let text = format!("{filler} the court found forced labour and servitude {filler}");
        let h = highlight_for(&["servitude"], &[Analyzer::Folded]);
        let s = snippet(&text, &h, Some("en"), 120).html();
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.contains("<mark>servitude</mark>"), "{s}");
        assert!(s.chars().count() < 200, "{s}");
    }

    /// Every word analysed, none skipped by its initial: what `matches` found before the
    /// initials, and must still find.
    fn matches_of_every_word(
        text: &str,
        highlight: &Highlight,
        language: Option<&str>,
    ) -> Vec<(Range<usize>, QueryWords)> {
        let stem = language
            .and_then(StemLanguage::for_tag)
            .map(Analyzer::Stemmed);
        let mut found = Vec::new();
        for range in analysis::words(text) {
            let analyzers = [Some(Analyzer::Exact), Some(Analyzer::Folded), stem];
            for analyzer in analyzers.into_iter().flatten() {
                let mut one = WordAnalyzer::new(analyzer);
                let Some(term) = one.term(text, range.clone()) else {
                    continue;
                };
                if let Some(words) = highlight.terms.get(&analyzer).and_then(|t| t.get(term)) {
                    found.push((range.clone(), *words));
                    break;
                }
            }
        }
        found
    }

    /// On real sentences of every language and script, with queries made of their own words
    /// (as typed, upper-cased, and in the other script or without diacritics through their
    /// search form), skipping words by their initial loses no match.
    #[test]
    fn skipping_words_by_their_initial_loses_no_match_on_real_text() {
        use thb_text::normalize::test_support;
        let Some(path) = test_support::shared_data_file("ud_sentences_balkan_tr_mt.jsonl") else {
            eprintln!("skipped: shared/data/ud_sentences_balkan_tr_mt.jsonl not found");
            return;
        };
        let records = test_support::read_jsonl_records(&path, ["lang", "text"]);
        let (mut checked, mut marked) = (0, 0);
        for (i, [lang, text]) in records.iter().enumerate().step_by(7) {
            let words: Vec<&str> = analysis::words(text).map(|r| &text[r]).collect();
            if words.len() < 4 {
                continue;
            }
            let query = [
                words[i % words.len()].to_string(),
                words[(i / 3) % words.len()].to_uppercase(),
                fold_for_search_string(words[(i / 5) % words.len()]),
            ]
            .join(" ");
            let all = [
                Analyzer::Exact,
                Analyzer::Folded,
                Analyzer::Stemmed(StemLanguage::for_tag(lang).unwrap_or(StemLanguage::English)),
            ];
            let h = highlight_for(&[&query], &all);
            let expected = matches_of_every_word(text, &h, Some(lang));
            assert_eq!(
                matches(text, &h, Some(lang)),
                expected,
                "{lang}: {query:?} in {text:?}"
            );
            checked += 1;
            marked += expected.len();
        }
        eprintln!("{checked} sentences, {marked} marks");
        assert!(
            checked > 1000 && marked > checked,
            "{checked} sentences, {marked} marks"
        );
    }

    /// A passage with every word of the query beats one that repeats a single word in several
    /// forms: `forced`, `forcing` and `forces` are three matches of one word.
    #[test]
    fn the_passage_with_more_of_the_query_words_wins() {
        let filler = "lorem ipsum dolor sit amet ".repeat(20);
        let text = format!(
            "The employer forced them, forcing each of them to obey the forces of the employer. \
             {filler} The court found forced labour."
        );
        let all = [
            Analyzer::Exact,
            Analyzer::Folded,
            Analyzer::Stemmed(StemLanguage::English),
        ];
        let h = highlight_for(&["forced", "labour"], &all);
        let found = matches(&text, &h, Some("en"));
        let forms: Vec<&str> = found.iter().map(|(r, _)| &text[r.clone()]).collect();
        assert_eq!(forms, ["forced", "forcing", "forces", "forced", "labour"]);
        assert_eq!(
            found.iter().map(|(_, w)| *w).collect::<Vec<_>>(),
            [1, 1, 1, 1, 2]
        );
        let s = snippet(&text, &h, Some("en"), 100).html();
        assert!(s.contains("<mark>forced</mark> <mark>labour</mark>"), "{s}");
        assert!(!s.contains("forcing"), "{s}");
    }

    /// Each term stands for the query word it was made from (how `search::build` numbers the
    /// words: tests/snippets.rs).
    #[test]
    fn each_term_stands_for_its_query_words() {
        let mut h = Highlight::default();
        h.add(Analyzer::Folded, &["forced".into(), "labour".into()], 0, 2);
        h.add(Analyzer::Folded, &["traffick".into()], 2, 1);
        // An analyzer that gave no term for one of two words: its term stands for both.
        h.add(Analyzer::Exact, &["child".into()], 3, 2);
        let folded = &h.terms[&Analyzer::Folded];
        assert_eq!(
            (folded["forced"], folded["labour"], folded["traffick"]),
            (0b1, 0b10, 0b100)
        );
        assert_eq!(h.terms[&Analyzer::Exact]["child"], 0b11000);
        // From the 64th word on, every word shares the last bit.
        let english = Analyzer::Stemmed(StemLanguage::English);
        h.add(english, &["a".into(), "b".into(), "c".into()], 62, 3);
        h.add(Analyzer::Exact, &["long".into()], 63, 900);
        let stems = &h.terms[&english];
        assert_eq!(
            (stems["a"], stems["b"], stems["c"]),
            (1 << 62, 1 << 63, 1 << 63)
        );
        assert_eq!(h.terms[&Analyzer::Exact]["long"], 1 << 63);
    }

    #[test]
    fn no_match_gives_the_opening() {
        let h = Highlight::default();
        let s = snippet("Short text.", &h, None, 100).html();
        assert_eq!(s, "Short text.");
    }
}
