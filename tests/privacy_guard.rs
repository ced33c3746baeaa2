//! The personal data guard end to end: through the real `thb-caselaw ingest`, and on real
//! public judgments.
//!
//! The real judgments are the 49 ECtHR judgments and decisions of `../shared/data` (as JSON
//! Lines and as HUDOC's own HTML), each checked as a whole public document would be at ingest
//! (title, text, court, ECLI, application number, source URL). They are public court
//! documents with no victim's identifier in them, so every flag is a false positive that would
//! keep a real judgment out of the database. The test prints what was flagged (kind, position,
//! the masked start and a few characters *before* it, never the identifier itself) and fails
//! on any flag. The data lives outside the project: without it the test says it is skipped and
//! passes. Run: `cargo test --test privacy_guard -- --nocapture`.

use crate::common;

use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use thb_engine::ingest::prepare;
use thb_engine::privacy;

fn shared_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data")
}

/// A public document in the interchange format, with every field the guard checks.
struct Judgment {
    id: String,
    kind: String,
    title: String,
    text: String,
    countries: Vec<String>,
    court: Option<String>,
    ecli: Option<String>,
    application_number: Option<String>,
    source_url: Option<String>,
}

impl Judgment {
    fn record(&self) -> Value {
        let mut record = json!({
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "text": self.text,
            "country": self.countries,
            "language": "und",
        });
        for (field, value) in [
            ("court", &self.court),
            ("ecli", &self.ecli),
            ("application_number", &self.application_number),
            ("source_url", &self.source_url),
        ] {
            if let Some(value) = value.as_deref().filter(|v| !v.trim().is_empty()) {
                record[field] = json!(value);
            }
        }
        record
    }
}

fn string(value: &Value, field: &str) -> Option<String> {
    value[field].as_str().map(str::to_string)
}

fn from_jsonl(path: &Path) -> Vec<Judgment> {
    let data = std::fs::read_to_string(path).unwrap();
    data.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let v: Value = serde_json::from_str(line).unwrap();
            Judgment {
                id: string(&v, "id").unwrap(),
                kind: string(&v, "kind").unwrap_or_else(|| "judgment".into()),
                title: string(&v, "title").unwrap(),
                text: string(&v, "text").unwrap(),
                countries: string(&v, "country")
                    .unwrap()
                    .split(';')
                    .map(str::to_string)
                    .collect(),
                court: string(&v, "court"),
                ecli: string(&v, "ecli"),
                application_number: string(&v, "app_no"),
                source_url: string(&v, "url"),
            }
        })
        .collect()
}

/// HUDOC's HTML body as text: tags out, the entities HUDOC writes decoded. Enough for the
/// guard, which needs the digits and their separators, not the layout.
fn html_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        text.push(' ');
        rest = rest[open..]
            .find('>')
            .map_or("", |close| &rest[open + close + 1..]);
    }
    text.push_str(rest);
    let mut decoded = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(amp) = rest.find('&') {
        decoded.push_str(&rest[..amp]);
        let entity_end = rest[amp..].find(';').filter(|end| *end <= 10);
        let replacement = entity_end.and_then(|end| {
            let name = &rest[amp + 1..amp + end];
            let code = match name {
                "nbsp" => Some(0xa0),
                "amp" => Some(u32::from(b'&')),
                "lt" => Some(u32::from(b'<')),
                "gt" => Some(u32::from(b'>')),
                "quot" => Some(u32::from(b'"')),
                "apos" => Some(u32::from(b'\'')),
                _ => name
                    .strip_prefix('#')
                    .and_then(|n| match n.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => n.parse().ok(),
                    }),
            };
            code.and_then(char::from_u32).map(|c| (c, end))
        });
        match replacement {
            Some((c, end)) => {
                decoded.push(c);
                rest = &rest[amp + end + 1..];
            }
            None => {
                decoded.push('&');
                rest = &rest[amp + 1..];
            }
        }
    }
    decoded.push_str(rest);
    decoded
}

/// HUDOC's three-letter country codes of these judgments, as two-letter codes.
const HUDOC_COUNTRIES: &[(&str, &str)] = &[
    ("AUT", "AT"),
    ("BGR", "BG"),
    ("CHE", "CH"),
    ("ESP", "ES"),
    ("GBR", "GB"),
    ("GEO", "GE"),
    ("GRC", "GR"),
    ("HRV", "HR"),
    ("ITA", "IT"),
    ("MDA", "MD"),
    ("MNE", "ME"),
    ("NLD", "NL"),
    ("NOR", "NO"),
    ("POL", "PL"),
    ("ROU", "RO"),
    ("RUS", "RU"),
    ("SRB", "RS"),
    ("SVK", "SK"),
    ("SVN", "SI"),
    ("SWE", "SE"),
    ("TUR", "TR"),
    ("UKR", "UA"),
];

fn from_hudoc_raw(dir: &Path) -> Vec<Judgment> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| {
            let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
            let countries = string(&v, "country")
                .unwrap()
                .split(';')
                .map(|alpha3| {
                    HUDOC_COUNTRIES
                        .iter()
                        .find(|(three, _)| *three == alpha3)
                        .unwrap_or_else(|| panic!("{}: country {alpha3}", path.display()))
                        .1
                        .to_string()
                })
                .collect();
            Judgment {
                id: format!("hudoc-raw:{}", string(&v, "itemid").unwrap()),
                kind: "judgment".into(),
                title: string(&v, "title").unwrap(),
                text: html_text(&string(&v, "full_text").unwrap()),
                countries,
                court: Some("European Court of Human Rights".into()),
                ecli: string(&v, "ecli"),
                application_number: string(&v, "app_no"),
                source_url: string(&v, "url"),
            }
        })
        .collect()
}

/// Every finding in `text`, each printed as kind, position, masked start and the few
/// characters before it.
fn findings(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(finding) = privacy::find(&text[from..]) {
        let at = from + finding.offset;
        let context: String = text[..at]
            .chars()
            .rev()
            .take(24)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .collect();
        out.push(format!(
            "{} at byte {at}: …{context}[{}]",
            finding.kind.describe(),
            finding.masked
        ));
        // On past the token it starts, so one identifier is reported once.
        from = text[at..]
            .find(char::is_whitespace)
            .map_or(text.len(), |i| at + i);
    }
    out
}

/// Checks each judgment as ingest would; returns how many were rejected by the guard.
fn measure(source: &str, judgments: &[Judgment]) -> usize {
    let mut rejected = 0;
    for judgment in judgments {
        match prepare(judgment.record(), false) {
            Ok(_) => {}
            Err(error) if error.message.contains("looks like an unredacted") => {
                rejected += 1;
                println!("{source}: {} rejected: {error}", judgment.id);
                for finding in findings(&judgment.text) {
                    println!("    text: {finding}");
                }
            }
            Err(error) => panic!("{source}: {}: not a guard error: {error}", judgment.id),
        }
    }
    println!(
        "{source}: {rejected} of {} public judgments rejected by the personal data guard",
        judgments.len()
    );
    rejected
}

/// The digits of `ascii` as full-width digits, which the index reads as plain ones.
fn full_width(ascii: &str) -> String {
    ascii
        .chars()
        .map(|c| char::from_u32(u32::from('０') + c.to_digit(10).unwrap()).unwrap())
        .collect()
}

#[test]
fn ingest_rejects_a_hidden_personal_number_in_any_field_and_accepts_amounts() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let index = index.to_str().unwrap();
    let file = dir.path().join("guard.jsonl");
    // The JMBG example of the literature (1 January 2006, region 50, check digit 6).
    let jmbg = "0101006500006";
    let record = |id: &str, text: &str| {
        json!({
            "id": id, "kind": "judgment", "title": "Presuda", "text": text,
            "country": "RO", "language": "ro", "date": "2017-03-10"
        })
    };
    let mut in_url = record("guard:url", "Hotărâre.");
    in_url["source_url"] = json!(format!(
        "https://example.org/dosar?cnp={}",
        full_width(jmbg)
    ));
    let mut in_court = record("guard:court", "Hotărâre.");
    in_court["court"] = json!(format!("Tribunalul, JMBG {}", full_width(jmbg)));
    let amounts = record(
        "guard:amounts",
        "Prejudiciul de 1 055 089 000 lei; tabel: 53 901 000 0 25 000 000; \
         scrisoarea no. 02-01-82/1861 of 10 March 2017; cererea nr. 25965/04.",
    );
    let lines: Vec<String> = [in_url, in_court, amounts]
        .iter()
        .map(Value::to_string)
        .collect();
    std::fs::write(&file, lines.join("\n")).unwrap();
    let file = file.to_str().unwrap();

    let output = common::run(&["ingest", "--index", index, file]);
    let err = common::stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    for expected in [
        format!("{file}:1: source_url: looks like an unredacted personal number (JMBG) at line 1, column 31 (`０１０１…`)"),
        format!("{file}:2: court: looks like an unredacted personal number (JMBG) at line 1, column 18 (`０１０１…`)"),
    ] {
        assert!(err.contains(&expected), "{expected}\nnot in\n{err}");
    }
    assert!(
        !err.contains(jmbg) && !err.contains(&full_width(jmbg)),
        "echoed: {err}"
    );
    let out = common::stdout(&output);
    assert!(out.contains("added 1, updated 0, rejected 2"), "{out}");

    let search = common::run(&["search", "--index", index, "--json", "lei"]);
    let body: Value = serde_json::from_str(&common::stdout(&search)).unwrap();
    assert_eq!(body["total"], 1, "{body}");
    assert_eq!(body["hits"][0]["id"], "guard:amounts");
}

#[test]
fn real_public_judgments_pass_the_personal_data_guard() {
    let data = shared_data();
    let jsonl = data.join("ecthr_trafficking_judgments.jsonl");
    let raw = data.join("hudoc_raw");
    if !jsonl.exists() {
        println!(
            "skipped: {} is absent (real judgments live outside the project)",
            jsonl.display()
        );
        return;
    }
    let mut rejected = measure("jsonl", &from_jsonl(&jsonl));
    if raw.is_dir() {
        rejected += measure("hudoc_raw", &from_hudoc_raw(&raw));
    } else {
        println!("hudoc_raw skipped: {} is absent", raw.display());
    }
    println!("rejected in all: {rejected}");
    assert_eq!(rejected, 0, "real public judgments rejected (see above)");
}
