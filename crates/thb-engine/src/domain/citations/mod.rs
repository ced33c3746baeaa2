//! Citations in a text, in any served language and script: European Court of Human Rights
//! application numbers ([`application`]), ECLIs ([`ecli`]), and provisions
//! ([`provisions`]: articles of the Anti-Trafficking Convention, ECHR Article 4, Palermo
//! Protocol Article 3, and the national trafficking offences of the region's criminal codes).
//!
//! What a citation is normalised to, which the index stores and the filters take:
//!
//! | kind | value | e.g. |
//! |---|---|---|
//! | application number | the number without leading zeros, `/`, the two-digit year | `25965/04` |
//! | ECLI | upper case, validated (`ECLI:country:court:year:ordinal`) | `ECLI:CE:ECHR:2010:0107JUD002596504` |
//! | provision | a path: the instrument, then the article (number and lower-case letter) | `/RS/CC/388`, `/MK/CC/418a`, `/CETS197/26`, `/ECHR/4`, `/PALERMO/3` |
//! | case name | the judgment's name as its title gives it, without a bracketed note (found against the index, not here) | `Rantsev v. Cyprus and Russia` |
//!
//! Words are compared in their search form (`thb_text::normalize::fold_for_search`), so
//! `члан`, `član` and `clan` are one word, as `КЗ` and `KZ` are, and a table row written once
//! in Latin serves both scripts. What decides which instrument an article belongs to, and
//! which country's code a bare `član 388` is, is documented in [`provisions`].
//!
//! Spans are byte offsets into the text given (UTF-8), end exclusive.
//!
//! This module reads text only: it knows nothing of the index (which stores the values, see
//! `schema::Fields::cites`) or of HTTP.

pub mod application;
pub mod ecli;
pub mod provisions;

use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;

use serde::Serialize;
use thb_text::normalize::{fold_for_search, is_word_char};

pub use provisions::{Convention, Instrument, Provision};

/// What a citation cites.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum CitationKind {
    /// A European Court of Human Rights application number.
    Application,
    /// A European Case Law Identifier.
    Ecli,
    /// An article of a convention or of a national criminal code.
    Provision,
    /// A Strasbourg judgment named by its parties (`Rantsev v. Cyprus and Russia`): found
    /// against the judgments the index holds (`search::citations::named_cases`), never by
    /// [`extract`], since a name is a citation only when it names a judgment.
    CaseName,
}

/// One citation found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub kind: CitationKind,
    /// The normalised value (see the module doc): what the index stores.
    pub value: String,
    /// Byte range of the citation in the text.
    pub span: Range<usize>,
}

/// What a text's citations are read against: the document's countries decide which national
/// code a bare article number belongs to, and the document's own convention what "the
/// Convention" names (see [`provisions`]).
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// ISO codes (`XK` for Kosovo*). Empty when unknown (a pasted text without a country).
    pub countries: Vec<String>,
    /// What "Article 10 of the Convention" means here: the ECHR in a Strasbourg judgment, the
    /// Anti-Trafficking Convention in a GRETA document; `None` in a national judgment, where
    /// the bare phrase is ambiguous and cites nothing.
    pub convention: Option<Convention>,
}

/// Every citation of `text`, in the order they appear. A number is one citation at most: an
/// application number is not also read as an article, an ECLI's parts are not read again.
pub fn extract(text: &str, context: &Context) -> Vec<Citation> {
    let tokens = tokenize(text);
    let mut found = ecli::find(text);
    let taken = |span: &Range<usize>, found: &[Citation]| {
        found
            .iter()
            .any(|c| c.span.start < span.end && span.start < c.span.end)
    };
    for citation in application::find(text, &tokens) {
        if !taken(&citation.span, &found) {
            found.push(citation);
        }
    }
    for citation in provisions::find(&tokens, context) {
        if !taken(&citation.span, &found) {
            found.push(citation);
        }
    }
    found.sort_by_key(|c| (c.span.start, c.span.end));
    found
}

/// The terms a citation puts in the `cites` field: its value, and for a Strasbourg ECLI the
/// application number it carries, so that a citation by ECLI finds a judgment indexed with
/// its number only.
pub fn index_terms(citation: &Citation) -> Vec<String> {
    let mut terms = vec![citation.value.clone()];
    if citation.kind == CitationKind::Ecli {
        terms.extend(ecli::application_number(&citation.value));
    }
    terms
}

/// A citation as a user types it in a filter (`cites=no. 25965/04`, `cites=ecli:ce:echr:…`)
/// in its normalised form; `None` when it is neither an application number nor an ECLI.
pub fn normalize_cited(value: &str) -> Option<String> {
    let value = value.trim();
    if let Some(ecli) = ecli::normalize(value) {
        return Some(ecli);
    }
    let tokens = tokenize(value);
    let found = application::find(value, &tokens);
    match found.as_slice() {
        [one] => Some(one.value.clone()),
        _ => None,
    }
}

pub(crate) fn push_new(out: &mut Vec<String>, value: String) {
    if !out.contains(&value) {
        out.push(value);
    }
}

/// A piece of text the readers look at: a word (letters and digits, as the index splits
/// them) or one other visible character.
#[derive(Debug, Clone)]
pub(crate) struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub raw: &'a str,
    /// The search form, made when a reader first asks for it (see [`Token::folded`]).
    folded: OnceCell<Cow<'a, str>>,
    /// Whitespace comes right before it.
    pub spaced: bool,
    /// A line break comes right before it: a heading or a paragraph ended.
    pub newline: bool,
}

impl<'a> Token<'a> {
    /// The search form of a word (`члан` → `clan`); a punctuation token's own character.
    /// Made on first use: the readers look closely only at the words around a number, so
    /// most words of a text are never folded. Borrowed where folding changes nothing
    /// (lower-case ASCII without `dj`, most of an English judgment's words).
    pub fn folded(&self) -> &str {
        self.folded.get_or_init(|| {
            let raw = self.raw;
            let unchanged = !raw.starts_with(is_word_char)
                || (raw
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                    && !raw.contains("dj"));
            if unchanged {
                Cow::Borrowed(raw)
            } else {
                let mut folded = String::with_capacity(raw.len());
                fold_for_search(raw, &mut folded);
                Cow::Owned(folded)
            }
        })
    }

    pub fn is_word(&self) -> bool {
        self.raw.chars().next().is_some_and(is_word_char)
    }

    pub fn is_number(&self) -> bool {
        !self.raw.is_empty() && self.raw.bytes().all(|b| b.is_ascii_digit())
    }

    /// It begins with an ASCII digit, as every article and application number does.
    pub fn starts_with_digit(&self) -> bool {
        self.raw.as_bytes().first().is_some_and(u8::is_ascii_digit)
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.raw.len() == c.len_utf8() && self.raw.starts_with(c)
    }
}

/// The tokens of `text`. It is read a byte at a time where it is ASCII, and characters are
/// decoded only where it is not: this pass runs over every text ingested.
pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 6);
    let (mut spaced, mut newline) = (true, false);
    let mut at = 0;
    while at < bytes.len() {
        let (class, len) = class_at(bytes, at);
        match class {
            Class::Newline => {
                (spaced, newline) = (true, true);
                at += len;
                continue;
            }
            Class::Space => {
                spaced = true;
                at += len;
                continue;
            }
            Class::Word | Class::Other => {}
        }
        let start = at;
        at += len;
        if class == Class::Word {
            while at < bytes.len() {
                if bytes[at].is_ascii_alphanumeric() {
                    at += 1;
                    continue;
                }
                match class_at(bytes, at) {
                    (Class::Word, len) => at += len,
                    _ => break,
                }
            }
        }
        tokens.push(Token {
            start,
            end: at,
            raw: &text[start..at],
            folded: OnceCell::new(),
            spaced,
            newline,
        });
        (spaced, newline) = (false, false);
    }
    tokens
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Newline,
    Word,
    Other,
}

/// What the character at byte `at` of a UTF-8 text is, and its length in bytes.
#[inline(always)]
fn class_at(bytes: &[u8], at: usize) -> (Class, usize) {
    let first = bytes[at];
    if first.is_ascii() {
        let class = match first {
            b'\n' => Class::Newline,
            b' ' | b'\t' | b'\r' | 0x0b | 0x0c => Class::Space,
            _ if first.is_ascii_alphanumeric() => Class::Word,
            _ => Class::Other,
        };
        return (class, 1);
    }
    // The text is valid UTF-8: the lead byte gives the length, continuation bytes six bits
    // each.
    let (len, lead) = match first {
        0xc0..=0xdf => (2, u32::from(first & 0x1f)),
        0xe0..=0xef => (3, u32::from(first & 0x0f)),
        _ => (4, u32::from(first & 0x07)),
    };
    let code = bytes[at + 1..at + len]
        .iter()
        .fold(lead, |code, b| (code << 6) | u32::from(b & 0x3f));
    let c = char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER);
    let class = if c.is_whitespace() {
        // U+0085, U+2028 and U+2029 end lines too, but `\n` is what the readers ask for.
        Class::Space
    } else if is_word_char(c) {
        Class::Word
    } else {
        Class::Other
    };
    (class, len)
}

#[cfg(test)]
mod tests;
