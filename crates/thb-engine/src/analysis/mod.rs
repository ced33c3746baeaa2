//! The tantivy tokenizers: how text becomes terms, for documents and queries alike.
//!
//! Every text is indexed three ways, each a registered tokenizer:
//! - `thb_exact`: the word as written, lower-cased (Turkish-safe). Matches here rank highest;
//!   a query word typed without some diacritics also matches here the spellings that have them
//!   (`search::spellings`).
//! - `thb_folded`: script, case and diacritics folded ([`thb_text::normalize::fold_for_search`]),
//!   so `trgovina`, `трговина` and `TRGOVINA` are one term. This is the field recall relies on.
//! - `thb_stem_<lang>`: the folded word reduced to its stem in the document's language, so
//!   inflected forms meet (`trgovinom` ~ `trgovina`). Snowball (via `frostem`, the stemmer
//!   tantivy itself uses) for en, fr, de, it, ru; our own light stemmers ([`thb_text::stem`])
//!   for the Serbo-Croatian family, Macedonian, Albanian and Turkish (on issue 21's held-out
//!   lemmas, Snowball's Turkish stemmer found 0.49 of the inflected forms, ours 0.68).
//!   Every language's stems share one field, each under its stemmer's namespace
//!   ([`StemLanguage::stem_term`]); the analyzer itself gives the bare stem, which is what
//!   snippets compare and `analyze` shows.
//!
//! One tokenizer type does all three, because they share the word splitting and every token's
//! byte offsets point into the original text: highlighting then marks the original Cyrillic or
//! accented words even when the match was on the folded form.

pub mod explain;

use std::borrow::Cow;
use std::collections::VecDeque;
use std::ops::Range;

use rustc_hash::FxHashMap;

use tantivy::tokenizer::{Token, TokenStream, Tokenizer, TokenizerManager};

use thb_text::normalize::{fold_exact, fold_for_search, is_word_char};
use thb_text::stem;

/// Terms longer than this (in bytes, after folding) are dropped: they are base64 blobs or
/// run-together garbage, never words, and tantivy rejects terms over 64 KiB outright.
pub const MAX_TERM_BYTES: usize = 80;

/// Shortest stem a Snowball stemmer may leave of a longer word.
const MIN_STEM_CHARS: usize = 3;

/// The languages that have a stemmed field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StemLanguage {
    English,
    French,
    German,
    Italian,
    Turkish,
    Russian,
    /// Serbian, Bosnian, Croatian and Montenegrin, in either script: one analyser, because
    /// detection cannot tell them apart and their inflection is the same.
    SerboCroatian,
    Macedonian,
    Albanian,
}

impl StemLanguage {
    pub const ALL: [StemLanguage; 9] = [
        StemLanguage::English,
        StemLanguage::French,
        StemLanguage::German,
        StemLanguage::Italian,
        StemLanguage::Turkish,
        StemLanguage::Russian,
        StemLanguage::SerboCroatian,
        StemLanguage::Macedonian,
        StemLanguage::Albanian,
    ];

    /// Short code used in field and tokenizer names.
    pub fn code(self) -> &'static str {
        match self {
            StemLanguage::English => "en",
            StemLanguage::French => "fr",
            StemLanguage::German => "de",
            StemLanguage::Italian => "it",
            StemLanguage::Turkish => "tr",
            StemLanguage::Russian => "ru",
            StemLanguage::SerboCroatian => "sh",
            StemLanguage::Macedonian => "mk",
            StemLanguage::Albanian => "sq",
        }
    }

    /// The stemmer for a BCP 47 tag, by its primary subtag; `None` (folded only) for languages
    /// without one, such as Maltese.
    pub fn for_tag(tag: &str) -> Option<StemLanguage> {
        Some(match thb_text::language::primary_subtag(tag) {
            "en" => StemLanguage::English,
            "fr" => StemLanguage::French,
            "de" => StemLanguage::German,
            "it" => StemLanguage::Italian,
            "tr" => StemLanguage::Turkish,
            "ru" => StemLanguage::Russian,
            "sr" | "bs" | "hr" | "cnr" | "sh" => StemLanguage::SerboCroatian,
            "mk" => StemLanguage::Macedonian,
            "sq" => StemLanguage::Albanian,
            _ => return None,
        })
    }

    /// The term the `stem` field holds for `stem`, a stem this language's rules made: the
    /// stemmer's code before it (`sh:trgovin`, `tr:magdur`). One field holds every language's
    /// stems, and a query word is stemmed by every language's rules; without the namespace, a
    /// stem the Turkish rules make of a Croatian query word met Croatian documents holding
    /// another word with that stem (issue 21: 0.03 of Croatian precision). With it, a stem
    /// made by one stemmer meets only documents stemmed by the same one. `:` never occurs in
    /// a term, which holds word characters only.
    pub fn stem_term(self, stem: &str) -> String {
        let code = self.code();
        let mut term = String::with_capacity(code.len() + 1 + stem.len());
        term.push_str(code);
        term.push(NAMESPACE_END);
        term.push_str(stem);
        term
    }

    fn snowball(self) -> Option<frostem::Algorithm> {
        Some(match self {
            StemLanguage::English => frostem::Algorithm::English,
            StemLanguage::French => frostem::Algorithm::French,
            StemLanguage::German => frostem::Algorithm::German,
            StemLanguage::Italian => frostem::Algorithm::Italian,
            StemLanguage::Russian => frostem::Algorithm::Russian,
            _ => return None,
        })
    }
}

/// Ends the namespace of a stem in the `stem` field ([`StemLanguage::stem_term`]).
const NAMESPACE_END: char = ':';

/// How a tokenizer turns a word into a term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Analyzer {
    Exact,
    Folded,
    Stemmed(StemLanguage),
}

impl Analyzer {
    /// Every analyzer, in the order their fields are declared.
    pub fn all() -> impl Iterator<Item = Analyzer> {
        [Analyzer::Exact, Analyzer::Folded]
            .into_iter()
            .chain(StemLanguage::ALL.into_iter().map(Analyzer::Stemmed))
    }

    /// The name it is registered under in tantivy's tokenizer manager.
    pub fn tokenizer_name(self) -> String {
        match self {
            Analyzer::Exact => "thb_exact".to_string(),
            Analyzer::Folded => "thb_folded".to_string(),
            Analyzer::Stemmed(language) => format!("thb_stem_{}", language.code()),
        }
    }

    /// The tokenizer, ready to register or to run on a query.
    pub fn tokenizer(self) -> WordTokenizer {
        WordTokenizer {
            analyzer: self,
            snowball: match self {
                Analyzer::Stemmed(language) => language.snowball().map(frostem::Stemmer::new),
                _ => None,
            },
            namespace: None,
            token: Token::default(),
            scratch: String::new(),
        }
    }

    /// The term a field analysed by this analyzer holds for `term`, one of its [`terms`]:
    /// the term itself, but under its stemmer's namespace for a stem
    /// ([`StemLanguage::stem_term`]).
    ///
    /// [`terms`]: Analyzer::terms
    pub fn field_term(self, term: &str) -> Cow<'_, str> {
        match self {
            Analyzer::Stemmed(language) => Cow::Owned(language.stem_term(term)),
            Analyzer::Exact | Analyzer::Folded => Cow::Borrowed(term),
        }
    }

    /// The terms of a text, in order (queries use this to build term and phrase queries;
    /// a stem is looked up as its [`field_term`](Analyzer::field_term)).
    pub fn terms(self, text: &str) -> Vec<String> {
        let mut tokenizer = self.tokenizer();
        let mut stream = tokenizer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }
}

/// Registers every analyzer on an index's tokenizer manager, and the `stem` field's router.
pub fn register(manager: &TokenizerManager, phrases: std::sync::Arc<PhraseTerms>) {
    for analyzer in Analyzer::all() {
        manager.register(&analyzer.tokenizer_name(), analyzer.tokenizer());
    }
    manager.register(STEM_ROUTER_NAME, StemRouter::with_phrases(phrases));
}

/// Each term's stems and index term, by its last stem.
type ByLastStem = FxHashMap<String, Vec<(Vec<String>, String)>>;

/// The last terms of a run of words, at most as many as the longest run looked for: whether a
/// run ends at the word just read is a comparison with its tail. Both the `stem` field's phrase
/// terms ([`StemStream`]) and the thesaurus's mentions (`domain::thesaurus`) name a term of
/// several words where its last word stands.
#[derive(Debug, Clone, Default)]
pub struct RecentTerms {
    terms: VecDeque<String>,
    capacity: usize,
}

impl RecentTerms {
    /// A window of the last `capacity` terms.
    pub fn new(capacity: usize) -> RecentTerms {
        RecentTerms {
            terms: VecDeque::with_capacity(capacity),
            capacity,
        }
    }

    /// Forgets the terms read (a new text starts); their buffers are kept for the next.
    pub fn forget(&mut self) {
        self.terms.iter_mut().for_each(String::clear);
    }

    /// Reads one more term, the oldest dropping out when the window is full. An empty term
    /// stands for a word no run may span.
    pub fn push(&mut self, term: &str) {
        if self.capacity == 0 {
            return;
        }
        let mut slot = if self.terms.len() == self.capacity {
            self.terms.pop_front().unwrap_or_default()
        } else {
            String::new()
        };
        slot.clear();
        slot.push_str(term);
        self.terms.push_back(slot);
    }

    /// Whether the terms read last are `words`, in order.
    pub fn end_with(&self, words: &[String]) -> bool {
        words.len() <= self.terms.len()
            && self
                .terms
                .iter()
                .skip(self.terms.len() - words.len())
                .eq(words.iter())
    }
}

/// Terms of several words that the `stem` field holds whole, as one term after their last
/// word ([`StemRouter`]): the thesaurus's (`domain::thesaurus::Thesaurus::phrase_terms`), so
/// a concept's expansion is one term lookup per term. Each is its stems joined by spaces in its
/// stemmer's namespace (`sh:prinudn rad`, [`PhraseTerms::term`]): no word's stem holds a space.
#[derive(Debug, Clone, Default)]
pub struct PhraseTerms {
    /// One per [`StemLanguage::ALL`] (empty when none were added): each term's stems and term,
    /// by its last stem.
    by_last: Vec<ByLastStem>,
    /// The most words a term has.
    longest: usize,
}

impl PhraseTerms {
    /// The index term of the stems of a term of several words in `language`.
    pub fn term(language: StemLanguage, stems: &[String]) -> String {
        language.stem_term(&stems.join(" "))
    }

    /// Adds a term of `language` whose words stem to `stems` (two or more).
    pub fn add(&mut self, language: StemLanguage, stems: &[String]) {
        if stems.len() < 2 {
            return;
        }
        if self.by_last.is_empty() {
            self.by_last = vec![FxHashMap::default(); StemLanguage::ALL.len()];
        }
        let last = stems[stems.len() - 1].clone();
        let entry = self.by_last[language as usize].entry(last).or_default();
        if !entry.iter().any(|(words, _)| words == stems) {
            entry.push((stems.to_vec(), Self::term(language, stems)));
        }
        self.longest = self.longest.max(stems.len());
    }
}

/// The tokenizer of the one `stem` field (see `schema.rs`), which holds every language's stems.
pub const STEM_ROUTER_NAME: &str = "thb_stem";

/// Opens a `stem` field value: the code of the language whose rules stem what follows sits
/// between two of these. A private-use character, so no analyzer makes a term of it.
const LANGUAGE_MARK: char = '\u{E000}';

/// The value ingest gives the `stem` field for `text` of a document in `language`: the text
/// behind a mark naming the language, which [`StemRouter`] reads.
///
/// Why not pre-tokenized text: tantivy keeps a document's `PreTokenizedString` as JSON inside
/// the document and parses it back on the indexing thread; on long judgments that round trip
/// of every token was a sixth of ingest's CPU (`benches/RESULTS.md`, issue 24). A copy of the
/// text behind a mark costs a `memcpy`, and the stemming moves to tantivy's indexing threads.
pub fn stem_value(language: StemLanguage, text: &str) -> String {
    let code = language.code();
    let mut value = String::with_capacity(text.len() + code.len() + 2 * LANGUAGE_MARK.len_utf8());
    value.push(LANGUAGE_MARK);
    value.push_str(code);
    value.push(LANGUAGE_MARK);
    value.push_str(text);
    value
}

/// The language and text of a [`stem_value`]; `None` for text without a mark.
fn split_stem_value(value: &str) -> Option<(StemLanguage, &str)> {
    let rest = value.strip_prefix(LANGUAGE_MARK)?;
    let (code, text) = rest.split_once(LANGUAGE_MARK)?;
    let language = StemLanguage::ALL
        .into_iter()
        .find(|language| language.code() == code)?;
    Some((language, text))
}

/// The `stem` field's tokenizer: stems a [`stem_value`] by the rules of the language its mark
/// names, giving the terms `Analyzer::Stemmed(language)` gives the text, each under that
/// stemmer's namespace ([`Analyzer::field_term`]), and after the last word of a run of its
/// [`PhraseTerms`], that term. A value without a mark (never written by ingest) gives no terms
/// rather than terms of a guessed language.
#[derive(Clone)]
pub struct StemRouter {
    /// One per [`StemLanguage::ALL`], in that order.
    tokenizers: Vec<WordTokenizer>,
    phrases: std::sync::Arc<PhraseTerms>,
    /// The stems of the words just given (at most `phrases.longest`).
    recent: RecentTerms,
    /// Phrase terms found after the word just given, still to give.
    pending: Vec<String>,
}

impl Default for StemRouter {
    fn default() -> Self {
        StemRouter::with_phrases(std::sync::Arc::default())
    }
}

impl StemRouter {
    /// The router that also gives `phrases`.
    pub fn with_phrases(phrases: std::sync::Arc<PhraseTerms>) -> StemRouter {
        StemRouter {
            tokenizers: StemLanguage::ALL
                .into_iter()
                .map(|language| WordTokenizer {
                    namespace: Some(language.code()),
                    ..Analyzer::Stemmed(language).tokenizer()
                })
                .collect(),
            recent: RecentTerms::new(phrases.longest),
            phrases,
            pending: Vec::new(),
        }
    }
}

impl Tokenizer for StemRouter {
    type TokenStream<'a> = StemStream<'a>;

    fn token_stream<'a>(&'a mut self, value: &'a str) -> StemStream<'a> {
        self.recent.forget();
        self.pending.clear();
        let (language, text) = match split_stem_value(value) {
            Some(found) => found,
            None => (StemLanguage::ALL[0], ""),
        };
        let phrases = self
            .phrases
            .by_last
            .get(language as usize)
            .filter(|by_last| !by_last.is_empty());
        StemStream {
            // `ALL` is in declaration order (a test checks it).
            words: self.tokenizers[language as usize].token_stream(text),
            namespace: language.code().len() + NAMESPACE_END.len_utf8(),
            phrases,
            recent: &mut self.recent,
            pending: &mut self.pending,
        }
    }
}

/// [`StemRouter`]'s stream: each word's stem, and the phrase terms that end at it.
pub struct StemStream<'a> {
    words: WordStream<'a>,
    /// Bytes of a stem term's namespace.
    namespace: usize,
    phrases: Option<&'a ByLastStem>,
    recent: &'a mut RecentTerms,
    pending: &'a mut Vec<String>,
}

impl TokenStream for StemStream<'_> {
    fn advance(&mut self) -> bool {
        if let Some(term) = self.pending.pop() {
            let token = self.words.token_mut();
            token.text.clear();
            token.text.push_str(&term);
            return true;
        }
        if !self.words.advance() {
            return false;
        }
        let Some(phrases) = self.phrases else {
            return true;
        };
        let stem = &self.words.token().text[self.namespace..];
        self.recent.push(stem);
        if let Some(candidates) = phrases.get(stem) {
            for (words, term) in candidates {
                if self.recent.end_with(words) {
                    self.pending.push(term.clone());
                }
            }
        }
        true
    }

    fn token(&self) -> &Token {
        self.words.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.words.token_mut()
    }
}

/// Splits text into words (runs of letters, digits and combining marks) and maps each through
/// its analyzer.
#[derive(Clone)]
pub struct WordTokenizer {
    analyzer: Analyzer,
    snowball: Option<frostem::Stemmer>,
    /// The code whose namespace the terms go in (the `stem` field's), none for a query's.
    namespace: Option<&'static str>,
    token: Token,
    scratch: String,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream<'a> {
        self.token.reset();
        WordStream {
            text,
            cursor: 0,
            analyzer: self.analyzer,
            snowball: self.snowball.as_ref(),
            namespace: self.namespace,
            token: &mut self.token,
            scratch: &mut self.scratch,
        }
    }
}

pub struct WordStream<'a> {
    text: &'a str,
    cursor: usize,
    analyzer: Analyzer,
    snowball: Option<&'a frostem::Stemmer>,
    namespace: Option<&'static str>,
    token: &'a mut Token,
    scratch: &'a mut String,
}

/// The byte range of the first word of `text` at or after `cursor`.
///
/// Walks bytes and decodes a character only where one is not ASCII: most of the text of every
/// language we index is ASCII spaces, punctuation and digits between words, and this loop is
/// the whole cost of a snippet's scan for the words it skips.
fn next_word(text: &str, cursor: usize) -> Option<(usize, usize)> {
    let start = find_boundary(text, cursor, true)?;
    let end = find_boundary(text, start, false).unwrap_or(text.len());
    Some((start, end))
}

/// The first byte at or after `from` (a character boundary) that begins a character which
/// is a word character (`word` true) or is not (`word` false).
#[inline(always)]
fn find_boundary(text: &str, from: usize, word: bool) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = from;
    while let Some(&byte) = bytes.get(at) {
        if byte.is_ascii() {
            if byte.is_ascii_alphanumeric() == word {
                return Some(at);
            }
            at += 1;
        } else {
            let c = text[at..].chars().next()?;
            if is_word_char(c) == word {
                return Some(at);
            }
            at += c.len_utf8();
        }
    }
    None
}

/// The byte ranges of a text's words, as every analyzer splits them.
pub fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut cursor = 0;
    std::iter::from_fn(move || {
        let (start, end) = next_word(text, cursor)?;
        cursor = end;
        Some(start..end)
    })
}

/// Writes `analyzer`'s term of one word into `out` (empty when it has none).
fn analyze_word(
    analyzer: Analyzer,
    snowball: Option<&frostem::Stemmer>,
    word: &str,
    out: &mut String,
    scratch: &mut String,
) {
    out.clear();
    append_word_term(analyzer, snowball, word, out, scratch);
}

/// Appends `analyzer`'s term of one word to `out`, after what it holds (a stem's namespace).
fn append_word_term(
    analyzer: Analyzer,
    snowball: Option<&frostem::Stemmer>,
    word: &str,
    out: &mut String,
    scratch: &mut String,
) {
    match analyzer {
        Analyzer::Exact => fold_exact(word, out),
        Analyzer::Folded => fold_for_search(word, out),
        Analyzer::Stemmed(language) => match snowball {
            Some(stemmer) => {
                // Snowball expects the language's own letters (French accents, Turkish ı, ş),
                // so it stems the lower-cased word; the stem is folded afterwards.
                scratch.clear();
                fold_exact(word, scratch);
                if snowball_cache::get(language, scratch, out) {
                    return;
                }
                let start = out.len();
                let stemmed = stemmer.stem(scratch);
                if stemmed.chars().count() < MIN_STEM_CHARS
                    && scratch.chars().count() > MIN_STEM_CHARS
                {
                    // Snowball over-stems some short words (Turkish `insan` → `in`), which
                    // then match every stray suffix; a stem under 3 letters keeps the word.
                    fold_for_search(scratch, out);
                } else {
                    fold_for_search(&stemmed, out);
                }
                // The stem alone: `out` may begin with the namespace.
                snowball_cache::put(language, scratch, &out[start..]);
            }
            None => {
                // Our light stemmers work on folded Latin, whatever the script.
                scratch.clear();
                fold_for_search(word, scratch);
                let stemmed = match language {
                    StemLanguage::SerboCroatian => stem::serbo_croatian(scratch),
                    StemLanguage::Macedonian => stem::macedonian(scratch),
                    StemLanguage::Turkish => stem::turkish(scratch),
                    _ => stem::albanian(scratch),
                };
                out.push_str(&stemmed);
            }
        },
    }
}

/// Snowball stems already made on this thread. Snowball runs at 10 (Turkish) to 35 (English)
/// MiB/s against 140–200 for our folds, and a judgment repeats its words: Zipf's law makes a
/// bounded per-thread memo answer most words with one hash lookup.
mod snowball_cache {
    use std::cell::RefCell;

    use rustc_hash::FxHashMap;

    use super::StemLanguage;

    /// Words remembered per thread and language before the memo starts afresh.
    const CAPACITY: usize = 50_000;

    thread_local! {
        static STEMS: RefCell<Vec<FxHashMap<String, String>>> =
            RefCell::new(vec![FxHashMap::default(); StemLanguage::ALL.len()]);
    }

    /// The memo of a language: `StemLanguage::ALL` lists the variants in declaration order.
    fn slot(language: StemLanguage) -> usize {
        language as usize
    }

    /// Writes the remembered term of `word` into `out`; false when there is none.
    pub(super) fn get(language: StemLanguage, word: &str, out: &mut String) -> bool {
        STEMS.with(|stems| match stems.borrow()[slot(language)].get(word) {
            Some(term) => {
                out.push_str(term);
                true
            }
            None => false,
        })
    }

    pub(super) fn put(language: StemLanguage, word: &str, term: &str) {
        STEMS.with(|stems| {
            let mut stems = stems.borrow_mut();
            let memo = &mut stems[slot(language)];
            if memo.len() >= CAPACITY {
                memo.clear();
            }
            memo.insert(word.to_string(), term.to_string());
        });
    }
}

/// One analyzer applied word by word, for callers that walk a text's [`words`] once and need
/// several analyzers' terms of each (snippets and highlighting).
pub struct WordAnalyzer {
    analyzer: Analyzer,
    snowball: Option<frostem::Stemmer>,
    out: String,
    scratch: String,
}

impl WordAnalyzer {
    pub fn new(analyzer: Analyzer) -> WordAnalyzer {
        let tokenizer = analyzer.tokenizer();
        WordAnalyzer {
            analyzer,
            snowball: tokenizer.snowball,
            out: String::new(),
            scratch: String::new(),
        }
    }

    /// Whether the tokenizer drops the word at `range` of `text` whatever its letters: a
    /// Turkish suffix written after an apostrophe. Lets a caller that skips analysing most
    /// words still keep their positions as the tokenizer does.
    pub fn skips(&self, text: &str, range: Range<usize>) -> bool {
        self.analyzer == Analyzer::Stemmed(StemLanguage::Turkish)
            && follows_apostrophe(text, range.start)
    }

    /// The term of the word at `range` of `text` (a range from [`words`]), exactly as the
    /// analyzer's tokenizer would produce it there, or `None` where the tokenizer drops it.
    pub fn term(&mut self, text: &str, range: Range<usize>) -> Option<&str> {
        if self.skips(text, range.clone()) {
            return None;
        }
        analyze_word(
            self.analyzer,
            self.snowball.as_ref(),
            &text[range],
            &mut self.out,
            &mut self.scratch,
        );
        (!self.out.is_empty() && self.out.len() <= MAX_TERM_BYTES).then_some(self.out.as_str())
    }
}

fn follows_apostrophe(text: &str, start: usize) -> bool {
    let mut before = text[..start].chars().rev();
    matches!(before.next(), Some('\'' | '\u{2019}')) && before.next().is_some_and(is_word_char)
}

impl TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        while let Some((start, end)) = next_word(self.text, self.cursor) {
            self.cursor = end;
            if self.analyzer == Analyzer::Stemmed(StemLanguage::Turkish)
                && follows_apostrophe(self.text, start)
            {
                // Turkish writes case suffixes of proper nouns after an apostrophe
                // (`Türkiye'nin`, `28'in`): a suffix is not a word.
                continue;
            }
            let word = &self.text[start..end];
            let text = &mut self.token.text;
            text.clear();
            if let Some(code) = self.namespace {
                // What `StemLanguage::stem_term` writes, the stem appended after its namespace
                // in the token's own buffer (inserting the namespace before it moved every stem).
                text.push_str(code);
                text.push(NAMESPACE_END);
            }
            let namespace = text.len();
            append_word_term(self.analyzer, self.snowball, word, text, self.scratch);
            let term = text.len() - namespace;
            if term == 0 || term > MAX_TERM_BYTES {
                continue;
            }
            self.token.offset_from = start;
            self.token.offset_to = end;
            self.token.position = self.token.position.wrapping_add(1);
            self.token.position_length = 1;
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Words as maximal runs of `is_word_char`, found character by character: what
    /// [`words`] must return, however it walks the text.
    fn words_by_chars(text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices() {
            match (is_word_char(c), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    out.push(s..i);
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            out.push(s..text.len());
        }
        out
    }

    #[test]
    fn words_are_the_runs_of_word_characters_in_every_script() {
        for text in [
            "",
            "   ",
            "trafficking",
            " Rantsev v. Cyprus and Russia, no. 25965/04, § 282 ",
            "Трговина људима — čl. 388 KZ-a; İstanbul’da İNSAN TİCARETİ",
            "c\u{30C}ovek d\u{17E}ak ħaddiem 😀x ٣٤ 中文 trafikimi-i",
            "ends with a mark e\u{301}",
        ] {
            assert_eq!(
                words(text).collect::<Vec<_>>(),
                words_by_chars(text),
                "{text:?}"
            );
        }
    }

    proptest! {
        #[test]
        fn words_match_a_character_walk_on_any_text(text in "\\PC{0,60}") {
            prop_assert_eq!(words(&text).collect::<Vec<_>>(), words_by_chars(&text));
        }
    }

    #[test]
    fn the_three_forms_of_a_cyrillic_phrase() {
        let text = "Трговином људима";
        assert_eq!(Analyzer::Exact.terms(text), vec!["трговином", "људима"]);
        assert_eq!(Analyzer::Folded.terms(text), vec!["trgovinom", "ljudima"]);
        let sh = Analyzer::Stemmed(StemLanguage::SerboCroatian);
        assert_eq!(sh.terms(text), sh.terms("trgovina ljudi"));
    }

    #[test]
    fn offsets_point_at_the_original_words() {
        let text = "«Đorđević» i Ђорђевић";
        let mut tokenizer = Analyzer::Folded.tokenizer();
        let mut stream = tokenizer.token_stream(text);
        let mut seen = Vec::new();
        while stream.advance() {
            let t = stream.token();
            seen.push((t.text.clone(), &text[t.offset_from..t.offset_to]));
        }
        assert_eq!(
            seen,
            vec![
                ("dordevic".to_string(), "Đorđević"),
                ("i".to_string(), "i"),
                ("dordevic".to_string(), "Ђорђевић"),
            ]
        );
    }

    #[test]
    fn snowball_stems_then_folds() {
        let fr = Analyzer::Stemmed(StemLanguage::French);
        assert_eq!(fr.terms("traités"), fr.terms("traite"));
        let en = Analyzer::Stemmed(StemLanguage::English);
        assert_eq!(en.terms("trafficking"), en.terms("trafficked"));
    }

    /// Turkish runs through our own stemmer (issue 21), on the folded word: capitals, dotted
    /// `İ` and a keyboard without Turkish letters meet.
    #[test]
    fn turkish_stems_after_folding() {
        let tr = Analyzer::Stemmed(StemLanguage::Turkish);
        assert_eq!(tr.terms("İNSAN TİCARETİ"), tr.terms("insan ticareti"));
        assert_eq!(tr.terms("mağdurlarına"), tr.terms("magdurun"));
        // Over-stemming guard and apostrophe suffixes: `insan` must not become `in`, and the
        // suffix of `28'in` is not a term. `Türkiye` meets `Türk` (its `-ye` is also a
        // dative; Snowball stemmed it `turki`).
        assert_eq!(tr.terms("insan"), vec!["insan"]);
        assert_eq!(
            tr.terms("TCK m. 28'in Türkiye'nin"),
            vec!["tck", "m", "28", "turk"]
        );
    }

    /// The terms of `value` in the `stem` field.
    fn stem_field_terms(value: &str) -> Vec<String> {
        let mut router = StemRouter::default();
        let mut stream = router.token_stream(value);
        let mut terms = Vec::new();
        while stream.advance() {
            terms.push(stream.token().text.clone());
        }
        terms
    }

    /// `analyzer`'s terms of `text` as a field analysed by it holds them.
    fn field_terms(analyzer: Analyzer, text: &str) -> Vec<String> {
        analyzer
            .terms(text)
            .iter()
            .map(|term| analyzer.field_term(term).into_owned())
            .collect()
    }

    #[test]
    fn the_stem_field_holds_stems_under_their_stemmers_namespace() {
        let sh = StemLanguage::SerboCroatian;
        let held = stem_field_terms(&stem_value(sh, "Трговином људима"));
        let bare = Analyzer::Stemmed(sh).terms("Трговином људима");
        assert_eq!(held, [format!("sh:{}", bare[0]), format!("sh:{}", bare[1])]);
        assert_eq!(Analyzer::Folded.field_term("trgovina"), "trgovina");
        let tr = Analyzer::Stemmed(StemLanguage::Turkish);
        assert_eq!(tr.field_term("grup"), "tr:grup");
        // A word met again is stemmed from Snowball's memo: the memo holds the stem alone,
        // and the token gets its namespace once.
        let en = StemLanguage::English;
        let held = stem_field_terms(&stem_value(en, "Trafficking, trafficking and TRAFFICKING"));
        assert_eq!(
            held,
            ["en:traffick", "en:traffick", "en:and", "en:traffick"]
        );
    }

    #[test]
    fn albanian_inflections_meet() {
        let sq = Analyzer::Stemmed(StemLanguage::Albanian);
        let stem = sq.terms("trafikim");
        for form in ["trafikimi", "trafikimit", "trafikimin"] {
            assert_eq!(sq.terms(form), stem, "{form}");
        }
    }

    #[test]
    fn overlong_terms_are_dropped_and_positions_stay_consecutive() {
        let text = format!("a {} b", "x".repeat(200));
        let mut tokenizer = Analyzer::Folded.tokenizer();
        let mut stream = tokenizer.token_stream(&text);
        let mut seen = Vec::new();
        while stream.advance() {
            seen.push((stream.token().text.clone(), stream.token().position));
        }
        assert_eq!(seen, vec![("a".to_string(), 0), ("b".to_string(), 1)]);
    }

    #[test]
    fn every_tag_we_serve_maps_to_its_stemmer() {
        assert_eq!(
            StemLanguage::for_tag("sr-Cyrl"),
            Some(StemLanguage::SerboCroatian)
        );
        assert_eq!(
            StemLanguage::for_tag("cnr"),
            Some(StemLanguage::SerboCroatian)
        );
        assert_eq!(StemLanguage::for_tag("mk"), Some(StemLanguage::Macedonian));
        assert_eq!(StemLanguage::for_tag("mt"), None);
        assert_eq!(StemLanguage::for_tag("und"), None);
    }

    #[test]
    fn all_languages_are_listed_in_declaration_order() {
        for (i, language) in StemLanguage::ALL.into_iter().enumerate() {
            assert_eq!(language as usize, i, "{language:?}");
        }
    }

    #[test]
    fn word_by_word_analysis_gives_the_tokenizers_terms() {
        let texts = [
            "Трговином људима, врбовањем и превозом жртава.",
            "Đorđević v. Serbia: trgovina ljudima radi prinudnog rada.",
            "İNSAN TİCARETİ suçundan Ankara'daki mahkemede yargılandı.",
            "Gjykata e shpalli fajtor për trafikim me qenie njerëzore.",
            "La traite des êtres humains; l'État n'a pas protégé la requérante.",
            "Основниот суд ги осуди за трговија со луѓе.",
        ];
        for text in texts {
            for analyzer in Analyzer::all() {
                let mut word = WordAnalyzer::new(analyzer);
                let walked: Vec<String> = words(text)
                    .filter_map(|range| word.term(text, range).map(str::to_string))
                    .collect();
                assert_eq!(walked, analyzer.terms(text), "{analyzer:?} on {text}");
            }
        }
    }

    #[test]
    fn the_stem_field_stems_each_value_by_the_language_it_names() {
        let texts = [
            (
                "Трговином људима, врбовањем и превозом жртава.",
                StemLanguage::SerboCroatian,
            ),
            (
                "İNSAN TİCARETİ suçundan Ankara'daki mahkemede yargılandı.",
                StemLanguage::Turkish,
            ),
            (
                "La traite des êtres humains; l'État n'a pas protégé la requérante.",
                StemLanguage::French,
            ),
            (
                "Основниот суд ги осуди за трговија со луѓе.",
                StemLanguage::Macedonian,
            ),
            (
                "Gjykata e shpalli fajtor për trafikim me qenie njerëzore.",
                StemLanguage::Albanian,
            ),
        ];
        for (text, language) in texts {
            let routed = stem_field_terms(&stem_value(language, text));
            assert_eq!(
                routed,
                field_terms(Analyzer::Stemmed(language), text),
                "{language:?}"
            );
            // The namespace shows which rules made them; the stems themselves differ too.
            let english = Analyzer::Stemmed(StemLanguage::English);
            assert_ne!(Analyzer::Stemmed(language).terms(text), english.terms(text));
        }
        // Text without a mark is not guessed at.
        assert!(stem_field_terms("trgovina ljudima").is_empty());
    }
}
