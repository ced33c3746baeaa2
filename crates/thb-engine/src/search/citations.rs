//! The index side of citations (`domain::citations` reads them from text): which document a
//! citation names, and which documents cite a document. What the caller may see decides, as
//! everywhere: a restricted document is never named, listed or counted without
//! `include_restricted` (the visibility is decided on the indexed `access` term, before any
//! stored document is read).

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{
    BooleanQuery, EmptyScorer, EnableScoring, Explanation, Occur, PhraseQuery, Query, Scorer,
    TermQuery, Weight,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Score, Searcher, SegmentReader, TantivyError, Term, TERMINATED};

use crate::analysis::{self, Analyzer, WordAnalyzer};
use crate::cited;
use crate::document::{Date, Document, Kind, Provenance};
use crate::domain::citations::{self, Citation, CitationKind};
use crate::index::{IndexError, IndexHandle};
use crate::limits::MAX_CITED_BY;
use crate::schema;
use crate::search::paragraph::HitParagraph;
use crate::search::snippet::{self, Marked};
use crate::versions;
use crate::vocabulary::Dimension;

/// A document as a citation points to it: enough to name and link it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentRef {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub country: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub court: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub date: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
}

impl From<Document> for DocumentRef {
    fn from(d: Document) -> Self {
        DocumentRef {
            id: d.id,
            kind: d.kind,
            title: d.title,
            country: d.country,
            court: d.court,
            date: d.date,
            language: d.language,
            provenance: d.provenance,
        }
    }
}

/// For each citation, the document it names (`None` when the index holds none the caller
/// may see). Among a work's language versions, and among several documents known by one
/// value, the one with the smallest id: the same document for the same citation every time.
pub fn resolve_all(
    handle: &IndexHandle,
    cited: &[Citation],
    include_restricted: bool,
) -> Result<Vec<Option<DocumentRef>>, IndexError> {
    let searcher = handle.searcher();
    let mut memo: HashMap<&str, Option<DocumentRef>> = HashMap::new();
    let mut out = Vec::with_capacity(cited.len());
    for citation in cited {
        if let Some(found) = memo.get(citation.value.as_str()) {
            out.push(found.clone());
            continue;
        }
        // A Strasbourg ECLI also names the judgment indexed by its application number only.
        let mut values = vec![citation.value.clone()];
        if citation.kind == CitationKind::Ecli {
            values.extend(citations::index_terms(citation).into_iter().skip(1));
        }
        let mut found = None;
        for value in &values {
            found = known_as(handle, &searcher, value, include_restricted)?;
            if found.is_some() {
                break;
            }
        }
        memo.insert(citation.value.as_str(), found.clone());
        out.push(found);
    }
    Ok(out)
}

/// The document known as `value` (see `citations::known_as`) with the smallest id.
fn known_as(
    handle: &IndexHandle,
    searcher: &Searcher,
    value: &str,
    include_restricted: bool,
) -> Result<Option<DocumentRef>, IndexError> {
    Ok(known_as_document(handle, searcher, value, include_restricted)?.map(DocumentRef::from))
}

/// What the `cites` filter takes for one cited value (an application number or ECLI): the
/// documents citing it, as "cited by" finds them ([`cited_by`]): by the value in their `cites`
/// field, and, when the value is a Strasbourg judgment of the index, by its name in any of its
/// languages written out in their text; never the documents of that case themselves (a
/// judgment's full text names its own case at its head).
pub fn citing_query(
    handle: &IndexHandle,
    searcher: &Searcher,
    value: &str,
    include_restricted: bool,
) -> Result<Box<dyn Query>, IndexError> {
    let f = handle.fields();
    let by_value: Box<dyn Query> = Box::new(TermQuery::new(
        Term::from_field_text(f.cites, value),
        IndexRecordOption::Basic,
    ));
    let Some(judgment) = known_as_document(handle, searcher, value, include_restricted)? else {
        return Ok(by_value);
    };
    let names = case_names(handle, &judgment, include_restricted)?;
    let by_name: Vec<(Occur, Box<dyn Query>)> = names
        .iter()
        .filter_map(|name| name_phrase(handle, name))
        .map(|phrase| (Occur::Should, phrase))
        .collect();
    if by_name.is_empty() {
        return Ok(by_value);
    }
    let mut same_case: Vec<(Occur, Box<dyn Query>)> = vec![(
        Occur::Must,
        Box::new(BooleanQuery::new(by_name)) as Box<dyn Query>,
    )];
    for own in cited::known_as(&judgment) {
        same_case.push((
            Occur::MustNot,
            Box::new(TermQuery::new(
                Term::from_field_text(f.known_as, &own),
                IndexRecordOption::Basic,
            )),
        ));
    }
    Ok(Box::new(BooleanQuery::new(vec![
        (Occur::Should, by_value),
        (Occur::Should, Box::new(BooleanQuery::new(same_case))),
    ])))
}

/// A case name's words in a row in the folded text, whatever the script and accents it is
/// written in, at least once without a later judgment's number after them ([`NamedAlone`]);
/// `None` for a name of one word.
fn name_phrase(handle: &IndexHandle, name: &str) -> Option<Box<dyn Query>> {
    let words: Vec<Term> = Analyzer::Folded
        .terms(name)
        .iter()
        .map(|word| Term::from_field_text(handle.fields().text_folded, word))
        .collect();
    (words.len() >= 2).then(|| Box::new(NamedAlone { words }) as Box<dyn Query>)
}

/// The documents whose folded text writes a case name (its words in a row) at least once not
/// followed by a later judgment's number: `Doe v. Samplia (no. 2)` names another judgment of
/// the same parties, as [`numbers_a_later_judgment`] reads it in a text. Here the words are
/// read from the index's positions, which keep no punctuation: a name followed by `no`, `n` or
/// `n o` and a number of one or two digits is numbered (`(no. 2)`, `(n° 2)`, `(nº 2)`), one
/// followed by an application number (`no. 25965/04`) is not.
///
/// Why here and not only where "cited by" reads each text: the `cites` filter has no text to
/// read, and counted a document naming only `Doe v. Samplia (no. 2)` as citing `Doe v. Samplia`.
#[derive(Debug, Clone)]
struct NamedAlone {
    words: Vec<Term>,
}

/// A later judgment's number: one or two digits (`numbers_a_later_judgment`).
const LATER_JUDGMENTS: std::ops::RangeInclusive<u32> = 1..=99;

impl Query for NamedAlone {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let phrase = PhraseQuery::new(self.words.clone()).weight(enable_scoring)?;
        Ok(Box::new(NamedAloneWeight {
            phrase,
            words: self.words.clone(),
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for word in &self.words {
            visitor(word, true);
        }
    }
}

struct NamedAloneWeight {
    phrase: Box<dyn Weight>,
    words: Vec<Term>,
}

impl Weight for NamedAloneWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let field = self.words[0].field();
        let index = reader.inverted_index(field)?;
        let with_positions = IndexRecordOption::WithFreqsAndPositions;
        let read = |text: &str| -> tantivy::Result<Option<SegmentPostings>> {
            Ok(index.read_postings(&Term::from_field_text(field, text), with_positions)?)
        };
        let mut words = Vec::with_capacity(self.words.len());
        for word in &self.words {
            match index.read_postings(word, with_positions)? {
                Some(postings) => words.push(postings),
                None => return Ok(Box::new(EmptyScorer)),
            }
        }
        // The words a later judgment's number begins with in the folded text: `no.` and `nº`
        // fold to `no`, `n°` to `n`, `n o` stays two words.
        let markers = Markers {
            no: read("no")?,
            n: read("n")?,
            o: read("o")?,
        };
        let mut numbers = Vec::new();
        for number in LATER_JUDGMENTS {
            numbers.extend(read(&number.to_string())?);
        }
        let mut scorer = NamedAloneScorer {
            phrase: self.phrase.scorer(reader, boost)?,
            words,
            markers,
            numbers,
        };
        scorer.settle();
        Ok(Box::new(scorer))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(TantivyError::InvalidArgument(format!(
                "document {doc} does not name the case without a later judgment's number"
            )));
        }
        Ok(Explanation::new(
            "case name without a later judgment's number",
            scorer.score(),
        ))
    }
}

struct NamedAloneScorer {
    /// The documents with the name's words in a row.
    phrase: Box<dyn Scorer>,
    words: Vec<SegmentPostings>,
    markers: Markers,
    /// The numbers of [`LATER_JUDGMENTS`] the segment has.
    numbers: Vec<SegmentPostings>,
}

/// The postings of the words a later judgment's number begins with, each `None` when the
/// segment lacks it.
struct Markers {
    no: Option<SegmentPostings>,
    n: Option<SegmentPostings>,
    o: Option<SegmentPostings>,
}

/// Where `postings`' term stands in `doc` (none when `doc` lacks it). The documents asked
/// about only ever increase.
fn positions_in(postings: &mut SegmentPostings, doc: DocId) -> Vec<u32> {
    let mut positions = Vec::new();
    if postings.doc() < doc {
        postings.seek(doc);
    }
    if postings.doc() == doc {
        postings.positions(&mut positions);
    }
    positions
}

impl NamedAloneScorer {
    /// Moves on from the phrase's current document to the first that writes the name alone.
    fn settle(&mut self) -> DocId {
        loop {
            let doc = self.phrase.doc();
            if doc == TERMINATED || self.names_alone(doc) {
                return doc;
            }
            self.phrase.advance();
        }
    }

    /// Whether `doc` writes the name at least once without a later judgment's number.
    fn names_alone(&mut self, doc: DocId) -> bool {
        let mut words = self.words.iter_mut();
        let Some(first) = words.next() else {
            return false;
        };
        let mut starts = positions_in(first, doc);
        for (offset, word) in (1u32..).zip(words) {
            let at = positions_in(word, doc);
            starts.retain(|start| at.binary_search(&(start + offset)).is_ok());
        }
        let length = self.words.len() as u32;
        let marker_positions = |postings: &mut Option<SegmentPostings>| match postings {
            Some(postings) => positions_in(postings, doc),
            None => Vec::new(),
        };
        let no = marker_positions(&mut self.markers.no);
        let n = marker_positions(&mut self.markers.n);
        let o = marker_positions(&mut self.markers.o);
        let mut numbers_at: Option<Vec<u32>> = None;
        starts.into_iter().any(|start| {
            let after = start + length;
            let number_at = if no.binary_search(&after).is_ok() {
                after + 1
            } else if n.binary_search(&after).is_ok() {
                match o.binary_search(&(after + 1)) {
                    Ok(_) => after + 2,
                    Err(_) => after + 1,
                }
            } else {
                return true;
            };
            // The numbers' positions, read once and only for a name with a marker after it.
            let numbers = numbers_at.get_or_insert_with(|| {
                let mut all: Vec<u32> = self
                    .numbers
                    .iter_mut()
                    .flat_map(|postings| positions_in(postings, doc))
                    .collect();
                all.sort_unstable();
                all
            });
            numbers.binary_search(&number_at).is_err()
        })
    }
}

impl DocSet for NamedAloneScorer {
    fn advance(&mut self) -> DocId {
        self.phrase.advance();
        self.settle()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.phrase.seek(target);
        self.settle()
    }

    fn doc(&self) -> DocId {
        self.phrase.doc()
    }

    fn size_hint(&self) -> u32 {
        self.phrase.size_hint()
    }
}

impl Scorer for NamedAloneScorer {
    fn score(&mut self) -> Score {
        self.phrase.score()
    }
}

/// [`known_as`], the document itself.
fn known_as_document(
    handle: &IndexHandle,
    searcher: &Searcher,
    value: &str,
    include_restricted: bool,
) -> Result<Option<Document>, IndexError> {
    let f = handle.fields();
    let query: Box<dyn Query> = Box::new(TermQuery::new(
        Term::from_field_text(f.known_as, value),
        IndexRecordOption::Basic,
    ));
    let query = handle.visible(query, include_restricted);
    let limit = TopDocs::with_limit(MAX_CITED_BY).order_by_score();
    let mut best: Option<Document> = None;
    for (_, address) in searcher.search(query.as_ref(), &limit)? {
        let document = handle.document_at(searcher, address, false)?;
        if best.as_ref().is_none_or(|b| document.id < b.id) {
            best = Some(document);
        }
    }
    Ok(best)
}

/// Each citation of `text` with the document it names, in the order of the text: `cited` (the
/// reader's citations of the text) resolved as [`resolve_all`] does, and the Strasbourg
/// judgments the text names by their parties ([`named_cases`]) where no other citation stands.
/// `citing` is the document whose text it is, if any: it and its language versions are not
/// cited by their own names.
pub fn resolve_text(
    handle: &IndexHandle,
    text: &str,
    cited: Vec<Citation>,
    citing: Option<&Document>,
    include_restricted: bool,
) -> Result<Vec<(Citation, Option<DocumentRef>)>, IndexError> {
    let resolved = resolve_all(handle, &cited, include_restricted)?;
    let mut out: Vec<(Citation, Option<DocumentRef>)> = cited.into_iter().zip(resolved).collect();
    for (citation, named) in named_cases(handle, text, citing, include_restricted)? {
        let overlaps = out
            .iter()
            .any(|(c, _)| c.span.start < citation.span.end && citation.span.start < c.span.end);
        if !overlaps {
            out.push((citation, Some(named)));
        }
    }
    out.sort_by_key(|(c, _)| c.span.start);
    Ok(out)
}

/// The Strasbourg judgments of the index that `text` names by their parties, as written in
/// running text (`Since Rantsev v. Cyprus and Russia, …`, `S.M. v. Croatia [GC]`, `Rantsev
/// c. Chypre et Russie`), each with its span: at every `v.` or `c.` between two words, the
/// judgments whose title holds those three words in a row are read, and the longest of their
/// names ([`cited::case_name`]) that the text spells out there, word for word in its search
/// form (any script, any accents), is the citation. So `X v. Y (no. 2)` names the second
/// judgment, not the first, and a name no judgment of the index bears is not a citation.
/// Restricted judgments are named only for `include_restricted`; `citing` (and its language
/// versions) never.
pub fn named_cases(
    handle: &IndexHandle,
    text: &str,
    citing: Option<&Document>,
    include_restricted: bool,
) -> Result<Vec<(Citation, DocumentRef)>, IndexError> {
    let (ranges, words) = folded_words(text);
    let own = citing.map(|d| Own {
        id: d.id.as_str(),
        work: versions::key_of(d),
        known_as: cited::known_as(d),
    });
    let searcher = handle.searcher();
    // The judgments read for each (word before, separator, word after).
    let mut memo: HashMap<[&str; 3], Vec<Namesake>> = HashMap::new();
    let mut out: Vec<(Citation, DocumentRef)> = Vec::new();
    for at in 1..words.len().saturating_sub(1) {
        let separator = &text[ranges[at].clone()];
        if !(separator == "v" || separator == "c") || !text[ranges[at].end..].starts_with('.') {
            continue;
        }
        if out
            .last()
            .is_some_and(|(c, _)| c.span.end > ranges[at].start)
        {
            continue;
        }
        let key = [
            words[at - 1].as_str(),
            words[at].as_str(),
            words[at + 1].as_str(),
        ];
        if key.iter().any(|w| w.is_empty()) {
            continue;
        }
        let namesakes = match memo.entry(key) {
            Entry::Occupied(entry) => entry.into_mut(),
            Entry::Vacant(entry) => entry.insert(judgments_titled(
                handle,
                &searcher,
                key,
                own.as_ref(),
                include_restricted,
            )?),
        };
        let mut best: Option<(usize, usize, &String, &DocumentRef)> = None;
        for Namesake {
            words: name_words,
            name,
            judgment,
        } in namesakes.iter()
        {
            for (k, window) in name_words.windows(3).enumerate() {
                if window != key {
                    continue;
                }
                // The name's separator is its word k + 1; it stands at `at` in the text.
                let Some(first) = at.checked_sub(k + 1) else {
                    continue;
                };
                let last = first + name_words.len();
                if last > words.len() || words[first..last] != name_words[..] {
                    continue;
                }
                // The longest name, then the smallest id: the same judgment every time.
                let better = best.is_none_or(|(f, l, _, named)| {
                    last - first > l - f || (last - first == l - f && judgment.id < named.id)
                });
                if better {
                    best = Some((first, last, name, judgment));
                }
            }
        }
        if let Some((first, last, name, judgment)) = best {
            if numbers_a_later_judgment(&text[ranges[last - 1].end..]) {
                continue;
            }
            out.push((
                Citation {
                    kind: CitationKind::CaseName,
                    value: name.clone(),
                    span: ranges[first].start..ranges[last - 1].end,
                },
                judgment.clone(),
            ));
        }
    }
    Ok(out)
}

/// Whether a name is followed by the number of a later judgment between the same parties
/// (`X v. Y (no. 2)`, `X c. Y (n° 2)`): that judgment is another one, named only when the
/// index holds it under that name. A parenthesised application number (`(no. 25965/04)`) is
/// not such a number.
fn numbers_a_later_judgment(after: &str) -> bool {
    let Some(rest) = after.trim_start().strip_prefix('(') else {
        return false;
    };
    let Some(rest) = ["no.", "no", "n°", "nº", "n o"]
        .iter()
        .find_map(|marker| rest.strip_prefix(marker))
    else {
        return false;
    };
    let rest = rest.trim_start();
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&digits) && rest[digits..].starts_with(')')
}

/// The document whose text is read, which is never cited by its own name: neither it, nor
/// its language versions, nor another document of the same case (a summary and the full
/// judgment share an application number).
struct Own<'a> {
    id: &'a str,
    work: u64,
    known_as: Vec<String>,
}

impl Own<'_> {
    fn is(&self, judgment: &Document) -> bool {
        judgment.id == self.id
            || (self.work != 0 && versions::key_of(judgment) == self.work)
            || cited::known_as(judgment)
                .iter()
                .any(|value| self.known_as.contains(value))
    }
}

/// The words of `text` (their byte ranges) and each in its search form, as a name's words are
/// compared whatever the script, case and accents they are written in.
fn folded_words(text: &str) -> (Vec<Range<usize>>, Vec<String>) {
    let ranges: Vec<Range<usize>> = analysis::words(text).collect();
    let mut folder = WordAnalyzer::new(Analyzer::Folded);
    let words = ranges
        .iter()
        .map(|range| {
            folder
                .term(text, range.clone())
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    (ranges, words)
}

/// A judgment whose title holds the words around a `v.` of the text, with its case name.
struct Namesake {
    /// The name's words in their search form.
    words: Vec<String>,
    name: String,
    judgment: DocumentRef,
}

/// The Strasbourg judgments whose title holds `words` in a row (folded); not `own`.
fn judgments_titled(
    handle: &IndexHandle,
    searcher: &Searcher,
    words: [&str; 3],
    own: Option<&Own>,
    include_restricted: bool,
) -> Result<Vec<Namesake>, IndexError> {
    let f = handle.fields();
    let terms: Vec<Term> = words
        .iter()
        .map(|w| Term::from_field_text(f.title_folded, w))
        .collect();
    let query = handle.visible(Box::new(PhraseQuery::new(terms)), include_restricted);
    let limit = TopDocs::with_limit(MAX_NAMESAKES).order_by_score();
    let mut out = Vec::new();
    for (_, address) in searcher.search(query.as_ref(), &limit)? {
        let judgment = handle.document_at(searcher, address, false)?;
        if own.is_some_and(|own| own.is(&judgment)) {
            continue;
        }
        if let Some(name) = cited::case_name(&judgment) {
            out.push(Namesake {
                words: Analyzer::Folded.terms(&name),
                name,
                judgment: DocumentRef::from(judgment),
            });
        }
    }
    Ok(out)
}

/// Judgments read for one `X v. Y` in a text: more than share three words of a title.
const MAX_NAMESAKES: usize = 32;

/// The names a Strasbourg judgment is cited by in running text (`cited::case_name`): its own
/// and its language versions' (`Rantsev v. Cyprus and Russia`, `Rantsev c. Chypre et Russie`),
/// the versions as the caller may see them.
pub fn case_names(
    handle: &IndexHandle,
    document: &Document,
    include_restricted: bool,
) -> Result<Vec<String>, IndexError> {
    let mut names: Vec<String> = cited::case_name(document).into_iter().collect();
    if names.is_empty() {
        return Ok(names);
    }
    let work = versions::key_of(document);
    if work != 0 {
        let f = handle.fields();
        let query: Box<dyn Query> = Box::new(TermQuery::new(
            Term::from_field_u64(f.work, work),
            IndexRecordOption::Basic,
        ));
        let query = handle.visible(query, include_restricted);
        let searcher = handle.searcher();
        let limit = TopDocs::with_limit(MAX_VERSIONS).order_by_score();
        for (_, address) in searcher.search(query.as_ref(), &limit)? {
            let version = handle.document_at(&searcher, address, false)?;
            if let Some(name) = cited::case_name(&version) {
                citations::push_new(&mut names, name);
            }
        }
    }
    names.sort();
    Ok(names)
}

/// Language versions of one judgment read for their names: more than any work has.
const MAX_VERSIONS: usize = 16;

/// What [`cited_by`] found: what the document is cited as, and what cites it.
pub struct Citing {
    /// Its application numbers, ECLI, or (a text of law) its provision, then (a Strasbourg
    /// judgment) its names in its languages ([`case_names`]).
    pub cited_as: Vec<String>,
    /// The documents citing it.
    pub documents: Vec<CitingDocument>,
}

/// A document citing another, and where: what a lawyer checks before relying on a judgment
/// is how later texts used it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CitingDocument {
    #[serde(flatten)]
    pub document: DocumentRef,
    /// The numbered paragraph of the citing text that first cites the document, with its
    /// fragment and the citing text's pin-cite there, when the text numbers its paragraphs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<HitParagraph>,
    /// The words around that first citation, the citation marked. In the JSON, HTML as a hit's
    /// snippet is (`<mark>`, all else escaped).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub context: Option<Marked>,
}

/// Characters of a citing text shown around its citation.
const CONTEXT_CHARS: usize = 200;

/// Bytes of a citing text read for a citation by name: a judgment cites its precedents in
/// its reasons, well within this; past it, the number alone is looked for.
const NAME_SCAN_BYTES: usize = 256 * 1024;

/// `citing` as a citing document of what is `cited_as` (identifiers and provisions) and
/// named `case_names`: its first citation of it, and where that stands; and whether its whole
/// text was read for the names.
fn citing_document(
    citing: Document,
    cited_as: &[String],
    case_names: &[String],
) -> (CitingDocument, bool) {
    let read_whole = citing.text.len() <= NAME_SCAN_BYTES;
    let by_value = cited::of_document(&citing)
        .into_iter()
        .find(|c| {
            citations::index_terms(c)
                .iter()
                .any(|term| cited_as.contains(term))
        })
        .map(|c| c.span);
    // A name is the first citation only if it comes before the first number.
    let before = by_value
        .as_ref()
        .map_or(citing.text.len(), |span| span.start);
    let by_name = first_name(&citing.text[..before], case_names);
    let first = by_name.or(by_value);
    let paragraph = first
        .as_ref()
        .and_then(|span| HitParagraph::at(&citing, span.start));
    let context = first.map(|span| snippet::around(&citing.text, span, CONTEXT_CHARS));
    let mut document = citing;
    document.text = String::new();
    let citing = CitingDocument {
        document: DocumentRef::from(document),
        paragraph,
        context,
    };
    (citing, read_whole)
}

/// The span of the first of `names` written out in `text` (word for word in the search form),
/// within its first [`NAME_SCAN_BYTES`], not followed by the number of a later judgment between
/// the same parties (`X v. Y (no. 2)` names another judgment, as [`named_cases`] reads it).
fn first_name(text: &str, names: &[String]) -> Option<Range<usize>> {
    let names: Vec<Vec<String>> = names
        .iter()
        .map(|name| Analyzer::Folded.terms(name))
        .filter(|words| words.len() >= 2)
        .collect();
    if names.is_empty() {
        return None;
    }
    let scan = thb_text::normalize::prefix_within(text, NAME_SCAN_BYTES);
    let (ranges, words) = folded_words(scan);
    (0..words.len()).find_map(|at| {
        names.iter().find_map(|name| {
            let end = at + name.len();
            (end <= words.len()
                && words[at..end] == name[..]
                && !numbers_a_later_judgment(&scan[ranges[end - 1].end..]))
            .then(|| ranges[at].start..ranges[end - 1].end)
        })
    })
}

/// The documents that cite `document` (by its application numbers, its ECLI, for a text of
/// law its provision, or for a Strasbourg judgment its name in any of its languages written
/// out in the text: [`case_names`]), newest first, at most [`MAX_CITED_BY`]: neither the
/// document itself nor its language versions, and each citing judgment once, not once per
/// language.
pub fn cited_by(
    handle: &IndexHandle,
    document: &Document,
    include_restricted: bool,
) -> Result<Citing, IndexError> {
    let names = cited::known_as(document);
    let case_names = case_names(handle, document, include_restricted)?;
    let documents = citing(handle, document, &names, &case_names, include_restricted)?
        .into_iter()
        .map(|citing| citing_document(citing, &names, &case_names))
        // The name's phrase also finds `X v. Y (no. 2)`: a text read whole that cites the
        // document nowhere else names another judgment.
        .filter(|(citing, read_whole)| citing.context.is_some() || !read_whole)
        .map(|(citing, _)| citing)
        .collect();
    let mut cited_as = names;
    cited_as.extend(case_names);
    Ok(Citing {
        cited_as,
        documents,
    })
}

fn citing(
    handle: &IndexHandle,
    document: &Document,
    names: &[String],
    case_names: &[String],
    include_restricted: bool,
) -> Result<Vec<Document>, IndexError> {
    let f = handle.fields();
    if names.is_empty() && case_names.is_empty() {
        return Ok(Vec::new());
    }
    let term_query =
        |term: Term| -> Box<dyn Query> { Box::new(TermQuery::new(term, IndexRecordOption::Basic)) };
    let mut any_name: Vec<(Occur, Box<dyn Query>)> = names
        .iter()
        .map(|name| {
            let term = if name.starts_with('/') {
                Term::from_facet(
                    f.facets[Dimension::Provision],
                    &schema::provision_facet(name),
                )
            } else {
                Term::from_field_text(f.cites, name)
            };
            (Occur::Should, term_query(term))
        })
        .collect();
    for name in case_names {
        if let Some(phrase) = name_phrase(handle, name) {
            any_name.push((Occur::Should, phrase));
        }
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![
        (Occur::Must, Box::new(BooleanQuery::new(any_name))),
        (
            Occur::MustNot,
            term_query(Term::from_field_text(f.id, &document.id)),
        ),
    ];
    // Nor another document of the same case (a summary and the judgment's full text), which
    // names it at its head.
    for name in names {
        clauses.push((
            Occur::MustNot,
            term_query(Term::from_field_text(f.known_as, name)),
        ));
    }
    let work = versions::key_of(document);
    if work != 0 {
        clauses.push((
            Occur::MustNot,
            term_query(Term::from_field_u64(f.work, work)),
        ));
    }
    let query = handle.visible(Box::new(BooleanQuery::new(clauses)), include_restricted);
    let searcher = handle.searcher();
    // Room for the language versions that are dropped below.
    let limit = TopDocs::with_limit(MAX_CITED_BY * 2).order_by_score();
    let mut citing: Vec<Document> = Vec::new();
    for (_, address) in searcher.search(query.as_ref(), &limit)? {
        citing.push(handle.document_at(&searcher, address, true)?);
    }
    citing.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
    let mut works_seen: Vec<String> = Vec::new();
    citing.retain(|d| match versions::work_name(d) {
        Some(name) if works_seen.contains(&name) => false,
        Some(name) => {
            works_seen.push(name);
            true
        }
        None => true,
    });
    citing.truncate(MAX_CITED_BY);
    Ok(citing)
}

#[cfg(test)]
mod tests {
    use super::numbers_a_later_judgment;

    #[test]
    fn a_later_judgments_number_is_told_from_an_application_number() {
        for later in [" (no. 2)", "(no. 2), § 5", " (n° 3)", " (no 12)"] {
            assert!(numbers_a_later_judgment(later), "{later}");
        }
        for not_later in [
            " (no. 25965/04)",
            ", no. 2",
            " (§ 282)",
            " (no. 123)",
            "",
            " (cited above)",
        ] {
            assert!(!numbers_a_later_judgment(not_later), "{not_later}");
        }
    }
}
