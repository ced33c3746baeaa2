//! Numbered paragraphs: where each of a text's numbered paragraphs begins and ends, so that a
//! passage can be cited by its paragraph (`Rantsev v. Cyprus and Russia, no. 25965/04, § 282,
//! 7 January 2010`) and linked to (`#p282`). Judgments of the European Court of Human Rights
//! and GRETA's reports number every paragraph.
//!
//! A paragraph opens with its number and a full stop before its first word (`282. The Court`,
//! `2 . The applicant`, also where the line breaks were lost, as in HUDOC's flattened texts), or
//! with a heading line of its own (`§ 282`, `para. 45`, `Paragraph 45`). Numbers and full stops
//! also end sentences (`in 2006. The`), close references (`Article 4. The`), quote another
//! text's paragraphs (`“16. The Committee`) and count short lists, so a marker is only a
//! candidate: the paragraphs are the longest run of candidates whose numbers rise one by one
//! through the text (a few numbers may be skipped where a published extract leaves paragraphs
//! out). This module only finds paragraphs; how a hit cites one is `search::paragraph`'s.

use std::ops::Range;

/// One numbered paragraph of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// The paragraph's number as the text gives it.
    pub number: u32,
    /// From its marker (the number's first digit, or a heading's `§`) to the next paragraph's
    /// marker, or to the end of the numbered part.
    pub span: Range<usize>,
}

impl Paragraph {
    /// The fragment that names it in a link: `p282`.
    pub fn anchor(&self) -> String {
        format!("p{}", self.number)
    }
}

/// Fewer numbered markers than this are a list or chance, not numbered paragraphs.
const MIN_PARAGRAPHS: usize = 3;

/// The highest paragraph number believed: the Court's longest judgments run to about a
/// thousand paragraphs, and a year (`in 2006. The`) is no paragraph number.
const MAX_NUMBER: u32 = 1500;

/// How far the numbers may jump between two paragraphs: HUDOC's extracts leave out runs of
/// paragraphs (`Talpis v. Italy` goes from 60 to 75). Each skipped number costs the run, so
/// a dense run beats one that jumps to a stray number.
const MAX_STEP: u32 = 20;

/// A run may skip at most one number for this many paragraphs it has: a decision's two
/// numbered complaints and a quoted `4. Everyone who is deprived of his liberty` are no run.
const MAX_SKIPPED_SHARE: usize = 4;

/// Words after which a number is a reference, not a paragraph's marker (`Article 4. The`,
/// `paragraph 45. It`), compared in lower case.
const REFERENCE_WORDS: &[&str] = &[
    "article",
    "articles",
    "§",
    "§§",
    "paragraph",
    "paragraphs",
    "section",
    "sections",
    "chapter",
    "paragraphe",
    "paragraphes",
    "alinéa",
    "član",
    "člana",
    "članak",
    "madde",
    "eur",
    "usd",
    "chf",
    "gbp",
    "€",
    "$",
    "£",
];

/// Abbreviations (written with their full stop) after which a number is a reference: `Art. 4.`,
/// `no. 25965.`, `para. 45.`. A full word with a full stop (`article. 54.`) ends a sentence.
const REFERENCE_ABBREVIATIONS: &[&str] = &[
    "art", "arts", "para", "paras", "no", "nos", "n°", "p", "pp", "cf", "ch", "sec", "s", "čl",
];

/// What the Court's operative provisions open with, in its two languages (in capitals, as its
/// judgments set them).
const OPERATIVE_HEADINGS: &[&str] = &["FOR THESE REASONS", "PAR CES MOTIFS"];

/// Marks that may open a paragraph's first word: quotes and brackets.
const OPENERS: &[char] = &['“', '"', '«', '‘', '\'', '(', '[', '„', '‹'];

/// A place where a paragraph may begin.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    at: usize,
    number: u32,
}

/// The numbered paragraphs of `text`, in order; empty when it has none.
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    let candidates = candidates(text);
    let run = longest_run(&candidates);
    let (first, last) = match (run.first(), run.last()) {
        (Some(&first), Some(&last)) => (candidates[first].number, candidates[last].number),
        _ => return Vec::new(),
    };
    let skipped = (last - first + 1) as usize - run.len();
    if run.len() < MIN_PARAGRAPHS || skipped * MAX_SKIPPED_SHARE > run.len() {
        return Vec::new();
    }
    // The last paragraph ends where the operative provisions begin or a numbering starts
    // again at 1 (the operative provisions' own, or a separate opinion's): they are not part
    // of it.
    let last_at = candidates[*run.last().expect("a run of paragraphs")].at;
    let restart = candidates
        .iter()
        .find(|c| c.at > last_at && c.number == 1)
        .map_or(text.len(), |c| c.at);
    let operative = OPERATIVE_HEADINGS
        .iter()
        .filter_map(|heading| text[last_at..].find(heading))
        .min()
        .map_or(text.len(), |i| last_at + i);
    let end = restart.min(operative);
    run.iter()
        .enumerate()
        .map(|(i, &c)| {
            let next = run.get(i + 1).map_or(end, |&n| candidates[n].at);
            Paragraph {
                number: candidates[c].number,
                span: candidates[c].at..next,
            }
        })
        .collect()
}

/// The paragraph of `paragraphs` (as [`paragraphs`] returns them) holding byte `offset`.
pub fn containing(paragraphs: &[Paragraph], offset: usize) -> Option<&Paragraph> {
    let after = paragraphs.partition_point(|p| p.span.start <= offset);
    let paragraph = paragraphs.get(after.checked_sub(1)?)?;
    paragraph.span.contains(&offset).then_some(paragraph)
}

/// Every marker of `text` in order: a number and a full stop before a word, and heading lines.
fn candidates(text: &str) -> Vec<Candidate> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if let Some(number) = numbered_marker(text, start, i) {
            out.push(Candidate { at: start, number });
        }
    }
    out.extend(heading_markers(text));
    out.sort_by_key(|c| c.at);
    out.dedup_by_key(|c| c.at);
    out
}

/// The number of the digits at `start..end` when they open a paragraph: after a space or at
/// the start, not after a reference word, followed by a full stop (a space before it allowed)
/// and a capital or an opening quote.
fn numbered_marker(text: &str, start: usize, end: usize) -> Option<u32> {
    let number = paragraph_number(&text[start..end])?;
    let before = &text[..start];
    if !before.is_empty() && !before.ends_with(char::is_whitespace) {
        return None;
    }
    let rest = &text[end..];
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    let rest = rest.strip_prefix('.')?;
    let first = rest.trim_start();
    if first.len() == rest.len() {
        return None;
    }
    let opens = first
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || OPENERS.contains(&c));
    (opens && !after_reference(before)).then_some(number)
}

/// A paragraph number: 1 to [`MAX_NUMBER`], written without a leading zero.
fn paragraph_number(digits: &str) -> Option<u32> {
    if digits.starts_with('0') || digits.len() > 4 {
        return None;
    }
    digits.parse().ok().filter(|n| (1..=MAX_NUMBER).contains(n))
}

/// Whether the word before a number makes it a reference, or a Markdown heading's section
/// number (`## 2. Why it matters`: a section, not a paragraph).
fn after_reference(before: &str) -> bool {
    let Some(word) = before.split_whitespace().next_back() else {
        return false;
    };
    if word.chars().all(|c| c == '#') {
        return true;
    }
    let word = word.to_lowercase();
    match word.strip_suffix('.') {
        Some(abbreviation) => REFERENCE_ABBREVIATIONS.contains(&abbreviation),
        None => REFERENCE_WORDS.contains(&word.as_str()),
    }
}

/// Heading lines naming a paragraph: `§ 282`, `para. 45`, `Paragraph 45` alone on their line
/// (after a Markdown heading's `#`s, and before a full stop or colon).
fn heading_markers(text: &str) -> impl Iterator<Item = Candidate> + '_ {
    let mut line_start = 0;
    text.split_inclusive('\n').filter_map(move |line| {
        let at = line_start;
        line_start += line.len();
        let body = line.trim_start_matches([' ', '\t', '#']);
        let indent = line.len() - body.len();
        let named = ["§", "paragraph", "para.", "par."]
            .iter()
            .find_map(|name| {
                let head = body.get(..name.len())?;
                head.eq_ignore_ascii_case(name).then_some(name.len())
            })?;
        let after_name = &body[named..];
        let digits_at = named + (after_name.len() - after_name.trim_start().len());
        let digits: &str = body[digits_at..]
            .split(|c: char| !c.is_ascii_digit())
            .next()?;
        let number = paragraph_number(digits)?;
        let tail = body[digits_at + digits.len()..].trim_end();
        let alone = tail.is_empty() || tail == "." || tail == ":";
        (alone && digits_at > named).then_some(Candidate {
            at: at + indent,
            number,
        })
    })
}

/// The best run of `candidates` (indices, in text order) whose numbers rise: two for each
/// paragraph, less one for each number skipped or two skipped together. Of two candidates with one number and
/// equal runs, the later continues the run.
fn longest_run(candidates: &[Candidate]) -> Vec<usize> {
    let mut score = vec![0i64; candidates.len()];
    let mut previous: Vec<Option<usize>> = vec![None; candidates.len()];
    // The best-scoring candidate so far for each number.
    let mut best_for: Vec<Option<usize>> = vec![None; MAX_NUMBER as usize + 1];
    for (i, candidate) in candidates.iter().enumerate() {
        let n = candidate.number;
        score[i] = 2;
        for step in 1..=MAX_STEP.min(n - 1) {
            if let Some(j) = best_for[(n - step) as usize] {
                let through = score[j] + 2 - i64::from(step / 2);
                if through > score[i] {
                    score[i] = through;
                    previous[i] = Some(j);
                }
            }
        }
        let slot = &mut best_for[n as usize];
        if slot.is_none_or(|j| score[i] >= score[j]) {
            *slot = Some(i);
        }
    }
    let Some(mut at) = (0..candidates.len()).max_by_key(|&i| (score[i], std::cmp::Reverse(i)))
    else {
        return Vec::new();
    };
    let mut run = vec![at];
    while let Some(j) = previous[at] {
        run.push(j);
        at = j;
    }
    run.reverse();
    run
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(text: &str) -> Vec<u32> {
        paragraphs(text).iter().map(|p| p.number).collect()
    }

    /// The text of paragraph `n`.
    fn text_of(text: &str, n: u32) -> String {
        let found = paragraphs(text);
        let p = found.iter().find(|p| p.number == n).expect("paragraph");
        text[p.span.clone()].to_string()
    }

    #[test]
    fn flattened_judgment_paragraphs_are_found_with_their_text() {
        let text = "THE FACTS 1. The applicant was born in 1990. 2 . She lives in Banská Bystrica, \
                    see Article 4. The Court. THE LAW 3. “No one shall be held in slavery.” \
                    4. (a) The Court finds, see paragraph 3. It. FOR THESE REASONS, THE COURT 1. Declares";
        assert_eq!(numbers(text), [1, 2, 3, 4]);
        assert!(
            text_of(text, 2).starts_with("2 . She lives"),
            "{}",
            text_of(text, 2)
        );
        assert!(text_of(text, 2).ends_with("The Court. THE LAW "));
        assert_eq!(
            text_of(text, 4),
            "4. (a) The Court finds, see paragraph 3. It. ",
            "the operative provisions are not part of the last paragraph"
        );
    }

    #[test]
    fn line_start_and_heading_paragraphs() {
        let text =
            "Report\n\n45. GRETA urges the authorities.\n\n46. GRETA considers.\n\n47. Also.\n";
        assert_eq!(numbers(text), [45, 46, 47]);
        let headings =
            "# Report\n\n## § 12\n\nText one.\n\n## § 13\n\nText two.\n\npara. 14\nThree.\n";
        let found = paragraphs(headings);
        assert_eq!(
            found.iter().map(|p| p.number).collect::<Vec<_>>(),
            [12, 13, 14]
        );
        assert!(headings[found[0].span.clone()].starts_with("§ 12\n\nText one."));
        assert_eq!(found[1].anchor(), "p13");
    }

    #[test]
    fn near_misses_are_no_paragraphs() {
        for text in [
            // Dates, years, amounts, references, roman numerals, a short list, section headings.
            "On 7. januar 2010 the court sat. On 8. februar it ruled. On 9. mart it closed.",
            "She came in 2002. In 2003. She left in 2004. Then 2005. The end.",
            "He paid EUR 1,500. The court awarded EUR 2,000. Then 3,000. Finally 4,000. Done.",
            "See Article 4. The Court. See Article 5. It. See Article 6. And Art. 7. Here.",
            "I. Facts II. Law III. Conclusion",
            "Steps:\n1. Identify.\n2. Refer.\n",
            "## 1. Purpose\n\nText.\n\n## 2. Why\n\nText.\n\n## 3. How\n\nText.\n",
            "The rate was 31.5% and 20.2% and 5.4% of women.",
        ] {
            assert_eq!(numbers(text), Vec::<u32>::new(), "{text}");
        }
    }

    #[test]
    fn a_stray_number_does_not_break_the_run() {
        let text = "1. One. 2. Two quoting “16. The Committee” and 9. Nine? 3. Three. 4. Four. \
                    5. Five ends in 2006. The next. 6. Six.";
        assert_eq!(numbers(text), [1, 2, 3, 4, 5, 6]);
        let kept = |n: &u32| !(9..=12).contains(n);
        let extract: String = (1..=20)
            .filter(kept)
            .map(|n| format!("{n}. Text. "))
            .collect();
        let expected: Vec<u32> = (1..=20).filter(kept).collect();
        assert_eq!(numbers(&extract), expected, "an extract leaves some out");
        assert_eq!(
            numbers("1. One. 2. Two. 4. Everyone who is deprived of his liberty."),
            Vec::<u32>::new(),
            "a short run with a gap is no numbering"
        );
    }

    #[test]
    fn the_paragraph_holding_an_offset() {
        let text = "Intro. 1. One here. 2. Two here. 3. Three here.";
        let found = paragraphs(text);
        let at = |word: &str| containing(&found, text.find(word).unwrap()).map(|p| p.number);
        assert_eq!(at("Intro"), None);
        assert_eq!(at("One"), Some(1));
        assert_eq!(at("Two"), Some(2));
        assert_eq!(at("Three"), Some(3));
    }

    /// Every English and French judgment of the Court in shared data: its paragraphs are
    /// found from 1 on (or from where HUDOC's text begins numbering), their numbers rise, and
    /// each paragraph's text begins with its own number.
    #[test]
    fn real_judgments_are_cut_into_their_numbered_paragraphs() {
        use thb_text::normalize::test_support::{read_jsonl_records, shared_data_file};
        let Some(path) = shared_data_file("ecthr_trafficking_judgments.jsonl") else {
            eprintln!("skipped: ../shared/data/ecthr_trafficking_judgments.jsonl is absent");
            return;
        };
        let records = read_jsonl_records(&path, ["id", "text"]);
        let mut with_paragraphs = 0;
        for [id, text] in &records {
            let found = paragraphs(text);
            if found.is_empty() {
                continue;
            }
            with_paragraphs += 1;
            assert!(
                found.windows(2).all(|w| w[0].number < w[1].number),
                "{id}: numbers rise"
            );
            for p in &found {
                let opening = &text[p.span.clone()];
                assert!(
                    opening.starts_with(&p.number.to_string()),
                    "{id} § {}",
                    p.number
                );
            }
            // Most judgments are numbered from 1 with none missing.
            if found[0].number == 1 {
                let last = found.last().unwrap().number as usize;
                assert!(
                    found.len() * 5 >= last * 4,
                    "{id}: {} of {last}",
                    found.len()
                );
            }
        }
        assert!(
            with_paragraphs >= 45,
            "{with_paragraphs} of {} judgments numbered",
            records.len()
        );
        // B.B. v. Slovakia: the paragraphs the corpus's row on Article 23 cites.
        let bb = &records
            .iter()
            .find(|[id, _]| id == "hudoc:001-237439")
            .expect("B.B. v. Slovakia")[1];
        let found = paragraphs(bb);
        let at = |n: u32| &bb[found.iter().find(|p| p.number == n).unwrap().span.clone()];
        assert!(at(90).starts_with("90. The Court finds that the above-mentioned phenomenon"));
        assert!(at(55).starts_with("55 . In its report published on 10 June 2020, GRETA"));
        assert!(
            at(121).ends_with("plus any tax that may be chargeable to the applicant. "),
            "the operative provisions are not § 121: {}",
            at(121)
        );
    }
}
