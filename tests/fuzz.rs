//! Bounded fuzzing, in CI, of everything that reads what a user typed or uploaded: the query
//! parser and the whole search (on a small real index built from `tests/fixtures/api`), the
//! search parameters, and the ingest readers with document validation. The property is the
//! same throughout: no panic, no crash, and only the errors that mean "your input is wrong".
//!
//! Each test runs its cases in a forked child (proptest forks whenever a timeout is set), so a
//! stack overflow or an abort is caught, reported and shrunk like a panic, and a case that
//! hangs fails after [`CASE_TIMEOUT_MS`]. Failures are not persisted (no
//! `proptest-regressions/` folder): a failing case is printed, shrunk, and belongs in a
//! regression test beside the code it breaks.
//!
//! Each test's case count keeps it to 20–60 s on two cores in the test profile (our crate in
//! debug, dependencies optimised). Every run draws new cases, so CI keeps exploring;
//! `PROPTEST_RNG_SEED=<n>` replays one sequence. `THB_FUZZ_CASES` sets the count of every test,
//! for a longer run: `THB_FUZZ_CASES=1000000 cargo test --release --test fuzz`.

mod common;

use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;
use serde_json::{json, Value};

use thb_engine::analysis::Analyzer;
use thb_engine::document::{Document, FIELDS};
use thb_engine::index::IndexHandle;
use thb_engine::ingest::{self, json as ingest_json, jsonl, markdown, IngestOptions, RawRecord};
use thb_engine::search::{self, query, SearchError, SearchRequest};

/// A case that runs longer than this fails (a hang, not a slow machine: cases take
/// milliseconds). The first search case also builds the fixture index.
const CASE_TIMEOUT_MS: u32 = 60_000;

fn config(default_cases: u32) -> ProptestConfig {
    let cases = std::env::var("THB_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default_cases);
    ProptestConfig {
        cases,
        timeout: CASE_TIMEOUT_MS,
        failure_persistence: None,
        max_shrink_time: 60_000,
        ..ProptestConfig::default()
    }
}

// ---- Strategies -----------------------------------------------------------------------------

/// Pieces a query is made of: operators and syntax, words of the fixture in every script, and
/// arbitrary text.
fn query_piece() -> impl Strategy<Value = String> {
    let syntax = prop::sample::select(vec![
        "(",
        ")",
        "\"",
        "“",
        "”",
        "„",
        "«",
        "»",
        "-",
        "+",
        "*",
        "~",
        "~5",
        "~99999999999",
        ":",
        " OR ",
        " AND ",
        " NOT ",
        "||",
        "&&",
        "title:",
        "court:",
        "text:",
        "id:",
        "ecli:",
        "contry:",
        "ECLI:CE:ECHR:2010:0107JUD002596504",
        "Art. 4:",
        " ",
        " ",
        "\t",
        "\n",
    ]);
    let words = prop::sample::select(vec![
        "trafficking",
        "traff",
        "traffick*",
        "labour",
        "Rantsev",
        "trgovina",
        "ljudima",
        "трговина",
        "људима",
        "трговија",
        "İSTANBUL",
        "insan",
        "TİCARETİ",
        "trafikimi",
        "Đorđević",
        "djordjevic",
        "ß",
        "ǅ",
        "ﬁ",
        "\u{0}",
        "\u{FEFF}",
        "\u{202E}",
        "\u{301}",
        "test:rs-cyrl-1",
    ]);
    prop_oneof![
        4 => syntax.prop_map(str::to_string),
        4 => words.prop_map(str::to_string),
        1 => "\\PC{0,8}",
        1 => any::<char>().prop_map(String::from),
    ]
}

fn query_text() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::collection::vec(query_piece(), 0..40).prop_map(|pieces| pieces.concat()),
        2 => any::<String>(),
        2 => "[()\"*~: a-zA-Z0-9\\-]{0,64}",
        // Near and past the limits: deep nesting, many terms, long queries.
        1 => (0usize..600, prop::sample::select(vec!["(", "-(", "title:(", "\""]))
            .prop_map(|(depth, open)| format!("{}a{}", open.repeat(depth), ")".repeat(depth))),
        1 => (0usize..150).prop_map(|n| vec!["trafficking"; n].join(" ")),
        1 => (0usize..1500).prop_map(|n| "a".repeat(n)),
    ]
}

/// Search parameters as an HTTP query string would carry them: mostly valid filters, sort and
/// paging (so that most cases search), some bad values and keys, some arbitrary text.
fn parameters() -> impl Strategy<Value = Vec<(String, String)>> {
    let valid = prop_oneof![
        prop::sample::select(vec!["RS", "rs", "BA", "XK", "TR", "MK", "MT", "CY", "RU"])
            .prop_map(|v| ("country", v.to_string())),
        prop::sample::select(vec![
            "exploitation",
            "exploitation/labour/",
            "victims/child",
            "victims/compensation",
            "means/deception",
            "justice/investigation",
        ])
        .prop_map(|v| ("theme", v.to_string())),
        prop::sample::select(vec!["judgment", "decision", "recommendation", "report"])
            .prop_map(|v| ("kind", v.to_string())),
        prop::sample::select(vec![
            "sr-Cyrl", "sr-latn", "sq", "tr", "mk", "en", "fr", "und"
        ])
        .prop_map(|v| ("lang", v.to_string())),
        prop::sample::select(vec![
            "Виши суд у Нишу",
            "European Court of Human Rights",
            "nowhere"
        ])
        .prop_map(|v| ("court", v.to_string())),
        (2005u16..2025).prop_map(|y| ("year_from", y.to_string())),
        (2005u16..2025).prop_map(|y| ("year_to", y.to_string())),
        (1u8..=5).prop_map(|r| ("round", r.to_string())),
        prop::sample::select(vec!["urges", "considers", "invites"])
            .prop_map(|v| ("strength", v.to_string())),
        prop::sample::select(vec!["relevance", "date-desc", "date-asc", "newest"])
            .prop_map(|v| ("sort", v.to_string())),
        (1usize..=12).prop_map(|p| ("page", p.to_string())),
        (1usize..=100).prop_map(|p| ("per_page", p.to_string())),
    ];
    let key = prop::sample::select(vec![
        "q",
        "country",
        "theme",
        "kind",
        "lang",
        "court",
        "year_from",
        "year_to",
        "round",
        "strength",
        "sort",
        "page",
        "per_page",
        "contry",
    ]);
    let bad_value = prop_oneof![
        prop::sample::select(vec![
            "",
            "YU",
            "labor",
            "verdict",
            "xx-Yyyy-ZZ-1",
            "1799",
            "99999",
            "best",
            "0",
            "101",
            "1000",
            "-1",
            "6",
            "demands",
            "18446744073709551615",
            "18446744073709551616",
        ])
        .prop_map(str::to_string),
        any::<String>(),
    ];
    let pair = prop_oneof![
        8 => valid.prop_map(|(k, v)| (k.to_string(), v)),
        1 => (key.prop_map(str::to_string), bad_value),
    ];
    prop::collection::vec(pair, 0..5)
}

/// Valid values for the document fields, so that structured cases get past the first check.
fn field_value() -> impl Strategy<Value = Value> {
    prop::sample::select(vec![
        json!("RS"),
        json!(["CY", "RU"]),
        json!("judgment"),
        json!("recommendation"),
        json!("2020-02-29"),
        json!("2021-02-29"),
        json!("exploitation/labour"),
        json!(["victims/child", "exploitation/begging"]),
        json!("sr-Cyrl"),
        json!("https://hudoc.echr.coe.int/"),
        json!({"round": 2, "strength": "urges", "articles": [4, 10]}),
        json!("restricted"),
        json!("sample"),
        json!("allowed"),
        json!("Трговина људима ради радне експлоатације."),
        json!(""),
        json!("   "),
    ])
}

/// Arbitrary JSON, nested up to 8 levels, with document field names among the keys.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f)
            .map(Value::Number)),
        any::<String>().prop_map(Value::String),
        field_value(),
    ];
    leaf.prop_recursive(8, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((field_name(), inner), 0..8)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

fn field_name() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(FIELDS.to_vec()).prop_map(str::to_string),
        1 => any::<String>(),
        1 => Just("contry".to_string()),
    ]
}

fn valid_record() -> Value {
    json!({
        "id": "fuzz:doc-1",
        "kind": "judgment",
        "title": "Виши суд у Нишу, К 12/2018 (sample)",
        "text": "Суд је огласио окривљеног кривим за кривично дело трговина људима.",
        "country": "RS",
        "date": "2018-05-14",
        "themes": ["exploitation/sexual"],
        "provenance": "sample"
    })
}

/// A valid record with some fields replaced by arbitrary values, some removed and some added:
/// structured, but wrong in the ways uploads are wrong.
fn structured_record() -> impl Strategy<Value = Value> {
    (
        prop::collection::vec((field_name(), json_value()), 0..4),
        prop::collection::vec(prop::sample::select(FIELDS.to_vec()), 0..3),
    )
        .prop_map(|(replaced, removed)| {
            let mut record = valid_record();
            let map = record.as_object_mut().expect("an object");
            for (field, value) in replaced {
                map.insert(field, value);
            }
            for field in removed {
                map.remove(field);
            }
            record
        })
}

fn any_record() -> impl Strategy<Value = Value> {
    prop_oneof![
        3 => structured_record(),
        1 => json_value(),
        1 => (0usize..200).prop_map(|depth| {
            let mut record = valid_record();
            let mut deep = json!("bottom");
            for _ in 0..depth {
                deep = json!([deep]);
            }
            record["summary"] = deep;
            record
        }),
    ]
}

/// Bytes that break readers: line ends, a byte-order mark, invalid UTF-8, NUL, JSON syntax.
const FRAGMENTS: &[&[u8]] = &[
    b"\n",
    b"\r\n",
    b"\r",
    b"\xEF\xBB\xBF",
    b"\xff",
    b"\xc3",
    b"\0",
    b"{",
    b"}",
    b"[",
    b"]",
    b"\"",
    b"\\u0000",
    b",",
    b"   ",
];

/// Bytes of a JSON Lines file: lines of records, broken fragments, invalid UTF-8, NUL bytes,
/// CR/LF variants and a byte-order mark; or plain arbitrary bytes.
fn jsonl_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        3 => any_record().prop_map(|v| v.to_string().into_bytes()),
        1 => prop::sample::select(FRAGMENTS.to_vec()).prop_map(<[u8]>::to_vec),
        1 => prop::collection::vec(any::<u8>(), 0..64),
    ];
    prop_oneof![
        4 => prop::collection::vec(piece, 0..12).prop_map(|pieces| pieces.join(&b'\n')),
        1 => prop::collection::vec(any::<u8>(), 0..2000),
    ]
}

/// Text of a `.json` file: an array of arbitrary elements (each maybe truncated), one record,
/// or arbitrary text.
fn json_file_bytes() -> impl Strategy<Value = Vec<u8>> {
    let element = prop_oneof![
        3 => any_record().prop_map(|v| serde_json::to_string_pretty(&v).unwrap_or_default().into_bytes()),
        1 => prop::collection::vec(any::<u8>(), 0..32),
        1 => prop::sample::select(FRAGMENTS.to_vec()).prop_map(<[u8]>::to_vec),
    ];
    prop_oneof![
        4 => (prop::collection::vec(element, 0..8), any::<bool>(), any::<bool>()).prop_map(
            |(elements, bom, closed)| {
                let mut out = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
                out.extend_from_slice(b"[\n");
                out.extend(elements.join(&b",\n"[..]));
                if closed {
                    out.extend_from_slice(b"\n]");
                }
                out
            }
        ),
        1 => any_record().prop_map(|v| v.to_string().into_bytes()),
        1 => prop::collection::vec(any::<u8>(), 0..1000),
    ]
}

/// Text of a Markdown file: front matter of YAML-ish lines (valid fields, arbitrary keys and
/// values, YAML syntax, anchors and aliases) and a body; or arbitrary text.
fn markdown_text() -> impl Strategy<Value = String> {
    let yaml_line = prop_oneof![
        3 => prop::sample::select(vec![
            "id: md:fuzz-1", "kind: report", "title: A note", "country: [RS, BA]",
            "country: RS", "date: 2020-01-31", "language: sr-Latn", "themes: [victims/child]",
            "access: restricted", "provenance: sample", "text: in the front matter",
            "a: &a [x, x, x, x]", "b: &b [*a, *a, *a, *a]", "c: *b", "d: *zz", "greta:",
            "  round: 2", "  articles: [4, x]", "- item", "? complex", "!!binary aGk=", "{",
            "[", "'", "\"", ": :", "\t",
        ])
        .prop_map(str::to_string),
        1 => (field_name(), "\\PC{0,16}").prop_map(|(k, v)| format!("{k}: {v}")),
        1 => any::<String>(),
    ];
    prop_oneof![
        4 => (
            prop::collection::vec(yaml_line, 0..10),
            any::<String>(),
            prop::sample::select(vec!["---\n", "---\r\n", "\u{FEFF}---\n", ""]),
            prop::sample::select(vec!["\n---\n", "\n---", "\n--\n", ""]),
        )
            .prop_map(|(lines, body, open, close)| format!("{open}{}{close}{body}", lines.join("\n"))),
        1 => any::<String>(),
    ]
}

// ---- Checks ---------------------------------------------------------------------------------

/// Lines in `bytes` (the last one may lack its `\n`).
fn line_count(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| **b == b'\n').count() + 1
}

/// Records come out in order, each on a line that exists.
fn check_positions(records: &[RawRecord], lines: usize) -> Result<(), TestCaseError> {
    let mut previous = 0;
    for record in records {
        prop_assert!(
            record.line >= 1 && record.line <= lines,
            "line {} of {lines}",
            record.line
        );
        prop_assert!(record.line >= previous, "lines out of order");
        previous = record.line;
    }
    Ok(())
}

/// Runs a record through validation (and, when it is valid, through what ingest does next:
/// the personal data guard, language detection and every analyzer), checking that a valid
/// document validates again to itself.
fn check_record(value: Value) -> Result<(), TestCaseError> {
    let Ok(document) = Document::from_json(value.clone()) else {
        return Ok(());
    };
    prop_assert!(!document.id.is_empty() && !document.text.trim().is_empty());
    prop_assert!(!document.country.is_empty());
    let again = Document::from_json(serde_json::to_value(&document).expect("serialises"));
    prop_assert_eq!(again.as_ref(), Ok(&document), "validation is idempotent");
    if let Ok(prepared) = ingest::prepare(value, true) {
        prop_assert!(prepared.language.is_some());
        for analyzer in Analyzer::all() {
            let _ = analyzer.terms(&prepared.title);
            let _ = analyzer.terms(&prepared.text);
        }
    }
    Ok(())
}

/// The fixture index, built once per process (in the forked child that runs the cases).
fn fixture_index() -> &'static IndexHandle {
    static INDEX: OnceLock<(IndexHandle, tempfile::TempDir)> = OnceLock::new();
    &INDEX
        .get_or_init(|| {
            let options = IngestOptions {
                heap_bytes: 50_000_000,
                ..IngestOptions::default()
            };
            let (handle, dir, report) = common::ingested_index(common::fixture("api"), &options);
            assert!(report.added > 0, "{report:?}");
            (handle, dir)
        })
        .0
}

/// A search either answers or says the user's query or parameters are wrong; anything else
/// (an index error, a panic) is a bug. Answers are checked for internal consistency.
fn check_search(request: &SearchRequest) -> Result<(), TestCaseError> {
    match search::search(fixture_index(), request) {
        Ok(response) => {
            prop_assert!(response.hits.len() <= request.per_page);
            prop_assert!(
                response.total >= (request.page - 1) * request.per_page + response.hits.len()
                    || response.hits.is_empty()
            );
            for hit in &response.hits {
                // Marks in order, apart, inside the text and on its character boundaries.
                for marked in [&hit.snippet, &hit.title_marked] {
                    let mut at = 0;
                    for mark in &marked.marks {
                        prop_assert!(
                            at <= mark.start
                                && mark.start < mark.end
                                && marked.text.is_char_boundary(mark.start)
                                && marked.text.is_char_boundary(mark.end),
                            "{:?} in {:?}",
                            mark,
                            marked.text
                        );
                        at = mark.end;
                    }
                    prop_assert!(at <= marked.text.len());
                    let html = marked.html();
                    prop_assert_eq!(
                        html.matches("<mark>").count(),
                        html.matches("</mark>").count()
                    );
                }
            }
            Ok(())
        }
        Err(SearchError::Query(e)) => {
            prop_assert!(!e.message.is_empty());
            Ok(())
        }
        Err(SearchError::Parameter { message, .. }) => {
            prop_assert!(!message.is_empty());
            Ok(())
        }
        Err(other) => Err(TestCaseError::fail(format!(
            "not a user error: {other} for {request:?}"
        ))),
    }
}

// ---- The query parser and the whole search --------------------------------------------------

proptest! {
    #![proptest_config(config(250_000))]

    #[test]
    fn queries_parse_or_say_what_is_wrong(q in query_text()) {
        match query::parse(&q) {
            Ok(_) => {}
            Err(e) => {
                prop_assert!(!e.message.is_empty());
                if let Some(column) = e.column {
                    prop_assert!(column >= 1 && column <= q.chars().count() + 1, "{e}");
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(config(25_000))]

    #[test]
    fn any_query_and_parameters_search_or_fail_as_a_user_error(
        q in query_text(),
        parameters in parameters(),
        include_restricted in any::<bool>(),
    ) {
        let pairs: Vec<(&str, &str)> = std::iter::once(("q", q.as_str()))
            .chain(parameters.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .collect();
        match SearchRequest::from_pairs(pairs) {
            Ok(mut request) => {
                request.include_restricted = include_restricted;
                check_search(&request)?;
                // The document view's highlighting parses the same query.
                match search::highlight_terms(fixture_index(), &request.query) {
                    Ok(_) | Err(SearchError::Query(_)) => {}
                    Err(other) => prop_assert!(false, "{other}"),
                }
            }
            Err(SearchError::Parameter { .. }) => {}
            Err(other) => prop_assert!(false, "parameters: {other}"),
        }
    }
}

// ---- The ingest readers and document validation ---------------------------------------------

proptest! {
    #![proptest_config(config(8_000))]

    #[test]
    fn json_lines_are_read_record_by_record(bytes in jsonl_bytes()) {
        let records: Vec<RawRecord> = jsonl::records(bytes.as_slice()).collect();
        check_positions(&records, line_count(&bytes))?;
        for record in records {
            if let Ok(value) = record.value {
                check_record(value)?;
            }
        }
    }
}

proptest! {
    #![proptest_config(config(10_000))]

    #[test]
    fn json_files_are_read_element_by_element(bytes in json_file_bytes()) {
        let records = ingest_json::records_from_bytes(&bytes);
        // Only an empty array has no record (a broken file has one: the error).
        let lossy = String::from_utf8_lossy(&bytes);
        let opens_an_array = lossy.trim_start_matches('\u{FEFF}').trim_start().starts_with('[');
        prop_assert!(!records.is_empty() || opens_an_array, "no record from {:?}", lossy);
        check_positions(&records, line_count(&bytes))?;
        if let Ok(text) = std::str::from_utf8(&bytes) {
            // Valid UTF-8 reads the same whichever way in.
            let from_text = ingest_json::records(text);
            prop_assert_eq!(from_text.len(), records.len());
        }
        for record in records {
            if let Ok(value) = record.value {
                check_record(value)?;
            }
        }
    }
}

proptest! {
    #![proptest_config(config(150_000))]

    #[test]
    fn markdown_files_become_one_record(text in markdown_text()) {
        let record = markdown::record(&text);
        prop_assert!(record.line >= 1 && record.line <= text.lines().count().max(1) + 1);
        if let Ok(value) = record.value {
            prop_assert!(value.get("text").is_some_and(Value::is_string));
            check_record(value)?;
        }
    }
}

proptest! {
    #![proptest_config(config(20_000))]

    #[test]
    fn records_validate_or_name_what_is_wrong(value in any_record()) {
        match Document::from_json(value.clone()) {
            Ok(_) => check_record(value)?,
            Err(e) => prop_assert!(!e.message.is_empty()),
        }
    }
}

#[test]
fn the_fixture_index_answers_a_plain_search() {
    // Guards the fuzz tests above against passing vacuously on an empty index.
    let response = search::search(
        fixture_index(),
        &SearchRequest {
            query: "trafficking".into(),
            ..SearchRequest::default()
        },
    )
    .unwrap();
    assert!(response.total >= 1);
}
