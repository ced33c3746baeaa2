//! The query language a lawyer expects, parsed into a small tree before tantivy sees anything.
//!
//! `forced labour` (all words must match), `"exact phrase"`, `"a b"~5` (proximity), `a OR b`,
//! `-word` / `NOT word` (exclusion), `( … )`, `title:word`, `court:`, `text:`, `id:`, `ecli:`,
//! and single-word prefixes `traffick*`. Typographic quotes (“ ” „ « ») count as quotes.
//!
//! We parse ourselves rather than use tantivy's `QueryParser` because: its recursion aborts the
//! process on deep nesting, it has no single-word prefix, it reads any `word:` as a field (so a
//! pasted `ECLI:CE:ECHR:…` fails), and its errors cannot say where the query is wrong or how to
//! fix it. Limits are checked before parsing; recursion is bounded by [`MAX_QUERY_DEPTH`].

use std::fmt;

use crate::limits::{
    MAX_PHRASE_SLOP, MAX_PHRASE_WORDS, MAX_QUERY_CHARS, MAX_QUERY_CLAUSES, MAX_QUERY_DEPTH,
};

/// A field a query term can be restricted to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryField {
    Title,
    Text,
    Court,
    Id,
    Ecli,
}

impl QueryField {
    fn parse(name: &str) -> Option<QueryField> {
        Some(match name.to_ascii_lowercase().as_str() {
            "title" => QueryField::Title,
            "text" => QueryField::Text,
            "court" => QueryField::Court,
            "id" => QueryField::Id,
            "ecli" => QueryField::Ecli,
            _ => return None,
        })
    }
}

/// The parsed query.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// The empty query: every document (the filters still apply).
    All,
    And(Vec<Node>),
    Or(Vec<Node>),
    Not(Box<Node>),
    Word {
        field: Option<QueryField>,
        text: String,
        prefix: bool,
    },
    Phrase {
        field: Option<QueryField>,
        text: String,
        slop: u32,
    },
}

/// A query that cannot be run: what is wrong, where (1-based character column), and a
/// corrected query where one can be offered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    /// What is wrong, as a code a front end can put in its own words (the web page does, in
    /// every interface language); `message` is the English sentence the API sends.
    pub problem: QueryProblem,
    pub message: String,
    pub column: Option<usize>,
    pub suggestion: Option<String>,
}

/// The kinds of malformed query, each checked in this module or by the query builder. A
/// value the user typed travels with the kind when a sentence about it needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryProblem {
    /// Longer than `MAX_QUERY_CHARS`.
    TooLong,
    /// A control character (NUL, escape, …) at the column.
    ControlCharacter,
    /// More than `MAX_QUERY_CLAUSES` words and phrases.
    TooManyTerms,
    /// A `"` without its closing `"`.
    UnclosedQuote,
    /// A phrase of more than `MAX_PHRASE_WORDS` words.
    PhraseTooLong,
    /// `"…"~` without a number.
    SlopWithoutNumber,
    /// `"…"~n` with n over `MAX_PHRASE_SLOP`.
    SlopTooLarge,
    /// `name:` where no field has that name.
    UnknownField { name: String },
    /// `title:` with nothing after the colon.
    FieldWithoutTerm { field: String },
    /// A `)` without its `(`.
    UnexpectedParenthesis,
    /// A `(` without its `)`.
    UnclosedParenthesis,
    /// `()`.
    EmptyParentheses,
    /// Parentheses nested deeper than `MAX_QUERY_DEPTH`.
    TooDeep,
    /// `OR`, `NOT` or `-` without the term it needs, or the query ending where a term was due.
    MissingTerm,
    /// `word*` where the prefix is not one word (`a-b*`).
    PrefixNotAWord { prefix: String },
    /// A prefix shorter than `MIN_PREFIX_CHARS`.
    PrefixTooShort { prefix: String },
    /// A prefix matching more than `MAX_PREFIX_EXPANSIONS` words.
    PrefixTooCommon { prefix: String },
    /// The query is not UTF-8 once percent-decoded.
    NotUtf8,
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(column) = self.column {
            write!(f, " (at column {column})")?;
        }
        if let Some(suggestion) = &self.suggestion {
            write!(f, "; did you mean: {suggestion}")?;
        }
        Ok(())
    }
}

impl std::error::Error for QueryError {}

fn error(
    problem: QueryProblem,
    message: impl Into<String>,
    column: Option<usize>,
    suggestion: Option<String>,
) -> QueryError {
    QueryError {
        problem,
        message: message.into(),
        column,
        suggestion,
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Open,
    Close,
    Or,
    Not,
    /// `field:` immediately followed by a phrase or a group.
    Field(QueryField),
    Word {
        text: String,
        field: Option<QueryField>,
        prefix: bool,
    },
    Phrase {
        text: String,
        slop: u32,
        field: Option<QueryField>,
    },
}

/// Whether `name:rest` was meant as a field: a short plain word before the colon and a term
/// after it (`contry:RS`, `titel:rantsev`), not an identifier or a link.
fn looks_like_a_field(name: &str, rest: &str) -> bool {
    (2..=12).contains(&name.len())
        && name.chars().all(|c| c.is_ascii_alphabetic())
        && !matches!(
            name.to_ascii_lowercase().as_str(),
            "http" | "https" | "ftp" | "mailto" | "urn" | "doi" | "isbn"
        )
        && rest
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '"')
}

/// The words of a phrase as the analysers will see them: runs of letters and digits.
fn phrase_words(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count()
}

/// Unifies the quotes users paste from phones and word processors.
fn unify_quotes(c: char) -> char {
    match c {
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2033}' | '\u{FF02}' => '"',
        other => other,
    }
}

/// Parses a query string.
pub fn parse(input: &str) -> Result<Node, QueryError> {
    let length = input.chars().count();
    if length > MAX_QUERY_CHARS {
        return Err(error(
            QueryProblem::TooLong,
            format!(
                "the query is {length} characters long; the limit is {MAX_QUERY_CHARS} characters"
            ),
            None,
            None,
        ));
    }
    // A control character (NUL, escape, …) is never typed: it is a broken client or a probe,
    // and the analysers would drop it silently, running a different query than was sent.
    if let Some((column, c)) = input
        .chars()
        .enumerate()
        .find(|(_, c)| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    {
        return Err(error(
            QueryProblem::ControlCharacter,
            format!("the query holds the control character U+{:04X}", c as u32),
            Some(column + 1),
            None,
        ));
    }
    let chars: Vec<char> = input.chars().map(unify_quotes).collect();
    let normalized: String = chars.iter().collect();
    let tokens = lex(&chars, &normalized)?;
    let clauses = tokens
        .iter()
        .filter(|(t, _)| matches!(t, Token::Word { .. } | Token::Phrase { .. }))
        .count();
    if clauses > MAX_QUERY_CLAUSES {
        return Err(error(
            QueryProblem::TooManyTerms,
            format!("the query has {clauses} terms; the limit is {MAX_QUERY_CLAUSES}"),
            None,
            None,
        ));
    }
    if tokens.is_empty() {
        return Ok(Node::All);
    }
    let mut parser = Parser {
        tokens,
        at: 0,
        source: normalized,
    };
    let node = parser.parse_or(0, None)?;
    if let Some((token, column)) = parser.tokens.get(parser.at) {
        // Only a stray `)` can stop the top level early.
        debug_assert_eq!(*token, Token::Close);
        return Err(error(
            QueryProblem::UnexpectedParenthesis,
            "unexpected `)` without a matching `(`",
            Some(*column),
            Some(remove_char_at(&parser.source, *column)),
        ));
    }
    Ok(node)
}

/// `query` with a `)` added for each `(` it leaves open.
fn balanced(query: &str) -> String {
    let open = query.chars().filter(|&c| c == '(').count();
    let close = query.chars().filter(|&c| c == ')').count();
    format!("{query}{}", ")".repeat(open.saturating_sub(close)))
}

fn remove_char_at(source: &str, column: usize) -> String {
    source
        .chars()
        .enumerate()
        .filter(|(i, _)| i + 1 != column)
        .map(|(_, c)| c)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn lex(chars: &[char], source: &str) -> Result<Vec<(Token, usize)>, QueryError> {
    let mut tokens = Vec::new();
    let mut i = 0;
    let mut pending_field: Option<(QueryField, usize)> = None;
    while i < chars.len() {
        let c = chars[i];
        let column = i + 1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        match c {
            '(' => {
                tokens.push((Token::Open, column));
                i += 1;
            }
            ')' => {
                tokens.push((Token::Close, column));
                i += 1;
            }
            '"' => {
                let close = chars[i + 1..].iter().position(|&c| c == '"');
                let Some(close) = close else {
                    return Err(error(
                        QueryProblem::UnclosedQuote,
                        "unclosed quote: a phrase needs a closing `\"`",
                        Some(column),
                        Some(format!("{}\"", source.trim_end())),
                    ));
                };
                let text: String = chars[i + 1..i + 1 + close].iter().collect();
                let words = phrase_words(&text);
                if words > MAX_PHRASE_WORDS {
                    return Err(error(QueryProblem::PhraseTooLong,
                        format!(
                            "the phrase has {words} words; the limit is {MAX_PHRASE_WORDS} (search for its most telling part)"
                        ),
                        Some(column),
                        None,
                    ));
                }
                i += close + 2;
                let mut slop = 0;
                if chars.get(i) == Some(&'~') {
                    let digits: String = chars[i + 1..]
                        .iter()
                        .take_while(|c| c.is_ascii_digit())
                        .collect();
                    if digits.is_empty() {
                        return Err(error(
                            QueryProblem::SlopWithoutNumber,
                            "`~` after a phrase needs a number of words, e.g. \"forced labour\"~5",
                            Some(i + 1),
                            None,
                        ));
                    }
                    slop = digits.parse::<u32>().unwrap_or(u32::MAX);
                    if slop > MAX_PHRASE_SLOP {
                        let before: String = chars[..i + 1].iter().collect();
                        let after: String = chars[i + 1 + digits.len()..].iter().collect();
                        return Err(error(QueryProblem::SlopTooLarge,
                            format!(
                                "`~{digits}`: words of a phrase can be at most {MAX_PHRASE_SLOP} positions apart"
                            ),
                            Some(i + 1),
                            Some(format!("{before}{MAX_PHRASE_SLOP}{after}")),
                        ));
                    }
                    i += 1 + digits.chars().count();
                }
                let field = pending_field.take().map(|(f, _)| f);
                tokens.push((Token::Phrase { text, slop, field }, column));
            }
            '-' | '+' if chars.get(i + 1).is_some_and(|n| !n.is_whitespace()) => {
                if c == '-' {
                    tokens.push((Token::Not, column));
                }
                i += 1;
            }
            _ => {
                let start = i;
                while i < chars.len()
                    && !chars[i].is_whitespace()
                    && !matches!(chars[i], '(' | ')' | '"')
                {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                match word.as_str() {
                    "OR" | "||" => {
                        tokens.push((Token::Or, column));
                        continue;
                    }
                    "AND" | "&&" => continue,
                    "NOT" => {
                        tokens.push((Token::Not, column));
                        continue;
                    }
                    _ => {}
                }
                // `field:rest` only for fields we know; anything else (an ECLI, `Art. 4:`)
                // is an ordinary word.
                // A whole pasted ECLI (`ECLI:CE:ECHR:…`) is an identifier, not `ecli:` + value.
                let (field, rest) = match word.split_once(':') {
                    Some((name, rest)) => match QueryField::parse(name) {
                        Some(QueryField::Ecli) if rest.contains(':') => (None, word.clone()),
                        Some(field) => (Some(field), rest.to_string()),
                        // `foo:bar` reads as a field that does not exist: say so, rather than
                        // search for the glued word and find nothing. A colon after anything
                        // but a plain word (`Art. 4:`, `ECLI:…`, a URL) stays part of the text.
                        None if looks_like_a_field(name, rest) => {
                            return Err(error(QueryProblem::UnknownField { name: name.to_string() },
                                format!(
                                    "`{name}:` is not a field; the fields are title:, text:, court:, id: and ecli:"
                                ),
                                Some(column),
                                Some(source.replacen(&format!("{name}:"), &format!("{name} "), 1)),
                            ));
                        }
                        None => (None, word.clone()),
                    },
                    None => (None, word.clone()),
                };
                if let (Some(field), true) = (field, rest.is_empty()) {
                    if matches!(chars.get(i), Some('"') | Some('(')) {
                        pending_field = Some((field, column));
                        tokens.push((Token::Field(field), column));
                        continue;
                    }
                    return Err(error(
                        QueryProblem::FieldWithoutTerm {
                            field: word.clone(),
                        },
                        format!("`{word}` needs a term after the colon, e.g. {word}trafficking"),
                        Some(column),
                        None,
                    ));
                }
                let (text, prefix) = match rest.strip_suffix('*') {
                    Some(stem) => (stem.trim_end_matches('*').to_string(), true),
                    None => (rest, false),
                };
                if text.is_empty() {
                    continue;
                }
                let field = field.or(pending_field.take().map(|(f, _)| f));
                tokens.push((
                    Token::Word {
                        text,
                        field,
                        prefix,
                    },
                    column,
                ));
            }
        }
    }
    Ok(tokens)
}

struct Parser {
    tokens: Vec<(Token, usize)>,
    at: usize,
    source: String,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at).map(|(t, _)| t)
    }

    fn column(&self) -> Option<usize> {
        self.tokens.get(self.at).map(|(_, c)| *c)
    }

    fn parse_or(&mut self, depth: usize, field: Option<QueryField>) -> Result<Node, QueryError> {
        let mut alternatives = vec![self.parse_and(depth, field)?];
        while self.peek() == Some(&Token::Or) {
            let or_column = self.column();
            self.at += 1;
            if matches!(self.peek(), None | Some(Token::Close) | Some(Token::Or)) {
                return Err(error(
                    QueryProblem::MissingTerm,
                    "`OR` needs a term on both sides",
                    or_column,
                    None,
                ));
            }
            alternatives.push(self.parse_and(depth, field)?);
        }
        Ok(if alternatives.len() == 1 {
            alternatives.pop().unwrap_or(Node::All)
        } else {
            Node::Or(alternatives)
        })
    }

    fn parse_and(&mut self, depth: usize, field: Option<QueryField>) -> Result<Node, QueryError> {
        let mut items = Vec::new();
        while let Some(token) = self.peek() {
            if matches!(token, Token::Or | Token::Close) {
                break;
            }
            items.push(self.parse_unary(depth, field)?);
        }
        match items.len() {
            0 => Err(match (self.peek(), self.column()) {
                (Some(Token::Or), column) => error(
                    QueryProblem::MissingTerm,
                    "`OR` needs a term on both sides",
                    column,
                    None,
                ),
                (Some(Token::Close), column) if depth > 0 => error(
                    QueryProblem::EmptyParentheses,
                    "empty parentheses",
                    column,
                    None,
                ),
                (Some(Token::Close), Some(column)) => error(
                    QueryProblem::UnexpectedParenthesis,
                    "unexpected `)` without a matching `(`",
                    Some(column),
                    Some(remove_char_at(&self.source, column)).filter(|s| !s.is_empty()),
                ),
                // The query stops where a term was due: after `(`, `OR`, `NOT` or `-`.
                _ => {
                    let end = self.source.trim_end();
                    let kept =
                        end.trim_end_matches(|c: char| c == '(' || c == '-' || c.is_whitespace());
                    let kept = kept
                        .strip_suffix(" OR")
                        .or_else(|| kept.strip_suffix(" NOT"))
                        .unwrap_or(kept)
                        .trim_end();
                    let suggestion = (!kept.is_empty()).then(|| balanced(kept));
                    error(QueryProblem::MissingTerm,
                        match depth {
                            0 => "the query ends where a term was expected",
                            _ => "the query ends inside `(` before any term: close the group or remove the `(`",
                        },
                        Some(end.chars().count() + 1),
                        suggestion,
                    )
                }
            }),
            1 => Ok(items.pop().unwrap_or(Node::All)),
            _ => Ok(Node::And(items)),
        }
    }

    fn parse_unary(&mut self, depth: usize, field: Option<QueryField>) -> Result<Node, QueryError> {
        if self.peek() == Some(&Token::Not) {
            let column = self.column();
            self.at += 1;
            if matches!(self.peek(), None | Some(Token::Close) | Some(Token::Or)) {
                return Err(error(
                    QueryProblem::MissingTerm,
                    "`-` or `NOT` needs a term to exclude",
                    column,
                    None,
                ));
            }
            return Ok(Node::Not(Box::new(self.parse_primary(depth, field)?)));
        }
        self.parse_primary(depth, field)
    }

    fn parse_primary(
        &mut self,
        depth: usize,
        field: Option<QueryField>,
    ) -> Result<Node, QueryError> {
        let Some((token, column)) = self.tokens.get(self.at).cloned() else {
            return Err(error(
                QueryProblem::MissingTerm,
                "unexpected end of the query",
                None,
                None,
            ));
        };
        self.at += 1;
        match token {
            Token::Open => {
                if depth + 1 > MAX_QUERY_DEPTH {
                    return Err(error(
                        QueryProblem::TooDeep,
                        format!("parentheses nested deeper than {MAX_QUERY_DEPTH} levels"),
                        Some(column),
                        None,
                    ));
                }
                let inner = self.parse_or(depth + 1, field)?;
                if self.peek() != Some(&Token::Close) {
                    return Err(error(
                        QueryProblem::UnclosedParenthesis,
                        "missing `)` for this `(`",
                        Some(column),
                        Some(format!("{})", self.source.trim_end())),
                    ));
                }
                self.at += 1;
                Ok(inner)
            }
            Token::Field(f) => {
                // The next token is a phrase (already carrying the field) or a group.
                if self.peek() == Some(&Token::Open) {
                    self.parse_primary(depth, Some(f))
                } else {
                    self.parse_primary(depth, field)
                }
            }
            Token::Word {
                text,
                field: own,
                prefix,
            } => Ok(Node::Word {
                field: own.or(field),
                text,
                prefix,
            }),
            Token::Phrase {
                text,
                slop,
                field: own,
            } => Ok(Node::Phrase {
                field: own.or(field),
                text,
                slop,
            }),
            Token::Close => Err(error(
                QueryProblem::UnexpectedParenthesis,
                "unexpected `)` without a matching `(`",
                Some(column),
                Some(remove_char_at(&self.source, column)),
            )),
            Token::Or | Token::Not => Err(error(
                QueryProblem::MissingTerm,
                "unexpected operator",
                Some(column),
                None,
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str) -> Node {
        Node::Word {
            field: None,
            text: text.into(),
            prefix: false,
        }
    }

    #[test]
    fn words_are_anded_and_or_binds_looser() {
        assert_eq!(
            parse("forced labour OR servitude").unwrap(),
            Node::Or(vec![
                Node::And(vec![word("forced"), word("labour")]),
                word("servitude")
            ])
        );
    }

    #[test]
    fn phrases_proximity_exclusion_fields_and_prefixes() {
        assert_eq!(
            parse("\"forced labour\"~5 -greece title:rantsev traffick*").unwrap(),
            Node::And(vec![
                Node::Phrase {
                    field: None,
                    text: "forced labour".into(),
                    slop: 5
                },
                Node::Not(Box::new(word("greece"))),
                Node::Word {
                    field: Some(QueryField::Title),
                    text: "rantsev".into(),
                    prefix: false
                },
                Node::Word {
                    field: None,
                    text: "traffick".into(),
                    prefix: true
                },
            ])
        );
    }

    #[test]
    fn typographic_quotes_are_quotes() {
        for q in ["“forced labour”", "„prinudni rad“", "«travail forcé»"] {
            assert!(matches!(parse(q).unwrap(), Node::Phrase { .. }), "{q}");
        }
    }

    #[test]
    fn a_field_applies_to_a_phrase_or_a_group() {
        assert_eq!(
            parse("title:\"forced labour\"").unwrap(),
            Node::Phrase {
                field: Some(QueryField::Title),
                text: "forced labour".into(),
                slop: 0
            }
        );
        let group = parse("court:(strasbourg OR skopje)").unwrap();
        let Node::Or(items) = group else {
            panic!("expected OR")
        };
        assert!(items.iter().all(|n| matches!(
            n,
            Node::Word {
                field: Some(QueryField::Court),
                ..
            }
        )));
    }

    #[test]
    fn unknown_fields_and_pasted_identifiers_are_plain_words() {
        assert_eq!(
            parse("ECLI:CE:ECHR:2010:0107JUD002596504").unwrap(),
            word("ECLI:CE:ECHR:2010:0107JUD002596504")
        );
        assert_eq!(
            parse("Art. 4:").unwrap(),
            Node::And(vec![word("Art."), word("4:")])
        );
    }

    #[test]
    fn every_malformed_query_carries_the_code_front_ends_translate() {
        let cases: &[(&str, QueryProblem)] = &[
            ("\"forced labour", QueryProblem::UnclosedQuote),
            ("(a OR b", QueryProblem::UnclosedParenthesis),
            ("a) b", QueryProblem::UnexpectedParenthesis),
            ("()", QueryProblem::EmptyParentheses),
            ("a OR", QueryProblem::MissingTerm),
            ("\"a b\"~", QueryProblem::SlopWithoutNumber),
            ("\"a b\"~99", QueryProblem::SlopTooLarge),
            ("a\u{1b}b", QueryProblem::ControlCharacter),
            (
                "contry:RS",
                QueryProblem::UnknownField {
                    name: "contry".into(),
                },
            ),
            (
                "title:",
                QueryProblem::FieldWithoutTerm {
                    field: "title:".into(),
                },
            ),
        ];
        for (query, problem) in cases {
            assert_eq!(parse(query).unwrap_err().problem, *problem, "{query}");
        }
        let phrase = format!("\"{}\"", "w ".repeat(MAX_PHRASE_WORDS + 1));
        assert_eq!(
            parse(&phrase).unwrap_err().problem,
            QueryProblem::PhraseTooLong
        );
        let deep = format!("{}a{}", "(".repeat(40), ")".repeat(40));
        assert_eq!(parse(&deep).unwrap_err().problem, QueryProblem::TooDeep);
        let long = "word ".repeat(300);
        assert_eq!(parse(&long).unwrap_err().problem, QueryProblem::TooLong);
        let many = "w ".repeat(MAX_QUERY_CLAUSES + 1);
        assert_eq!(
            parse(&many).unwrap_err().problem,
            QueryProblem::TooManyTerms
        );
    }

    #[test]
    fn an_unclosed_quote_says_where_and_offers_the_closed_query() {
        let e = parse("\"forced labour").unwrap_err();
        assert_eq!(e.column, Some(1));
        assert_eq!(e.suggestion.as_deref(), Some("\"forced labour\""));
    }

    #[test]
    fn unbalanced_parentheses_are_positioned_with_fixes() {
        let e = parse("(trafficking OR slavery").unwrap_err();
        assert_eq!(e.column, Some(1));
        assert_eq!(e.suggestion.as_deref(), Some("(trafficking OR slavery)"));
        let e = parse("trafficking) slavery").unwrap_err();
        assert_eq!(e.column, Some(12));
        assert_eq!(e.suggestion.as_deref(), Some("trafficking slavery"));
        assert!(parse("()").unwrap_err().message.contains("empty"));
    }

    #[test]
    fn dangling_operators_are_errors() {
        assert!(parse("OR slavery").is_err());
        assert!(parse("slavery OR").is_err());
        assert!(parse("slavery -").is_ok(), "a lone dash is punctuation");
        assert!(parse("NOT").is_err());
    }

    #[test]
    fn a_query_cut_short_says_where_and_how_to_finish_it() {
        let e = parse("(((").unwrap_err();
        assert!(e.message.contains("ends inside `(`"), "{e}");
        assert_eq!(e.column, Some(4));
        assert_eq!(e.suggestion, None, "nothing is left to search for");
        let e = parse("(forced labour OR (").unwrap_err();
        assert_eq!(e.suggestion.as_deref(), Some("(forced labour)"), "{e}");
        let e = parse(")").unwrap_err();
        assert!(e.message.contains("without a matching `(`"), "{e}");
        assert_eq!(e.column, Some(1));
        let e = parse("trafficking OR (").unwrap_err();
        assert_eq!(e.suggestion.as_deref(), Some("trafficking"), "{e}");
    }

    #[test]
    fn an_unknown_field_is_named_not_searched_for() {
        let e = parse("contry:RS trafficking").unwrap_err();
        assert!(e.message.starts_with("`contry:` is not a field"), "{e}");
        assert_eq!(e.column, Some(1));
        assert_eq!(e.suggestion.as_deref(), Some("contry RS trafficking"));
        // A colon in an identifier, a link or after a number is text, as before.
        for q in [
            "ECLI:CE:ECHR:2010:0107JUD002596504",
            "https://hudoc.echr.coe.int/eng?i=001-96549",
            "Art. 4:",
            "note: trafficking",
            "title:rantsev",
        ] {
            assert!(parse(q).is_ok(), "{q}");
        }
    }

    #[test]
    fn limits_are_checked_before_parsing() {
        let deep = format!("{}a{}", "(".repeat(10_000), ")".repeat(10_000));
        assert!(parse(&deep).unwrap_err().message.contains("characters"));
        let nested = format!("{}a{}", "(".repeat(40), ")".repeat(40));
        assert!(parse(&nested)
            .unwrap_err()
            .message
            .contains("nested deeper"));
        let ok = format!(
            "{}a{}",
            "(".repeat(MAX_QUERY_DEPTH),
            ")".repeat(MAX_QUERY_DEPTH)
        );
        assert!(parse(&ok).is_ok());
        let many = vec!["w"; MAX_QUERY_CLAUSES + 1].join(" ");
        assert!(parse(&many).unwrap_err().message.contains("terms"));
    }

    #[test]
    fn blank_queries_match_everything() {
        assert_eq!(parse("").unwrap(), Node::All);
        assert_eq!(parse("   ").unwrap(), Node::All);
        assert_eq!(parse("*").unwrap(), Node::All);
    }
}
