//! `.json` files: one document, or an array of documents. Each array element is parsed on its
//! own and reported with the line it starts on; invalid UTF-8 inside one element rejects that
//! element only.

use std::ops::Range;

use serde_json::value::RawValue;

use super::RawRecord;
use crate::document::RecordError;

/// Parses a whole `.json` file's text into records.
pub fn records(text: &str) -> Vec<RawRecord> {
    spanned_records(text)
        .into_iter()
        .map(|(_, record)| record)
        .collect()
}

/// Parses a whole `.json` file's bytes into records. Each invalid UTF-8 sequence is read as
/// U+FFFD so the structure can still be parsed; an element that holds one is rejected with the
/// sequence's position, and the other elements are read as usual.
pub fn records_from_bytes(bytes: &[u8]) -> Vec<RawRecord> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return records(text);
    }
    // (offset in `text`, offset in `bytes`) of each replaced sequence.
    let mut replaced: Vec<(usize, usize)> = Vec::new();
    let mut text = String::with_capacity(bytes.len());
    let mut at = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        at += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            replaced.push((text.len(), at));
            text.push(char::REPLACEMENT_CHARACTER);
            at += chunk.invalid().len();
        }
    }
    let line_of = |byte: usize| bytes[..byte].iter().filter(|b| **b == b'\n').count() + 1;
    // `replaced` is in file order: the first sequence at or after the span's start.
    let invalid_in = |span: &Range<usize>| {
        let first = replaced.partition_point(|(in_text, _)| *in_text < span.start);
        replaced
            .get(first)
            .filter(|(in_text, _)| span.contains(in_text))
            .map(|(_, in_bytes)| *in_bytes)
    };
    spanned_records(&text)
        .into_iter()
        .map(|(span, record)| {
            // A failure of the file as a whole is blamed on the first invalid sequence.
            let invalid = match &span {
                Some(span) => invalid_in(span),
                None => replaced.first().map(|(_, in_bytes)| *in_bytes),
            };
            match invalid {
                Some(byte) => RawRecord::failed(
                    line_of(byte),
                    record.offset,
                    RecordError::record(format!("invalid UTF-8 at byte {}", byte + 1)),
                ),
                None => record,
            }
        })
        .collect()
}

/// The records of a file, each with the byte range of its JSON in `text` (`None` when the file
/// as a whole could not be parsed).
fn spanned_records(text: &str) -> Vec<(Option<Range<usize>>, RawRecord)> {
    let (text, bom) = match text.strip_prefix('\u{FEFF}') {
        Some(rest) => (rest, '\u{FEFF}'.len_utf8()),
        None => (text, 0),
    };
    let trimmed = text.trim_start();
    let line_of = |offset: usize| text[..offset].bytes().filter(|b| *b == b'\n').count() + 1;
    let result = if trimmed.starts_with('[') {
        serde_json::from_str::<Vec<&RawValue>>(text).map(|elements| {
            elements
                .into_iter()
                .map(|raw| {
                    let offset = raw.get().as_ptr() as usize - text.as_ptr() as usize;
                    let line = line_of(offset);
                    let record = match serde_json::from_str(raw.get()) {
                        Ok(value) => RawRecord::parsed(line, offset as u64, value),
                        Err(e) => RawRecord::failed(
                            line,
                            offset as u64,
                            RecordError::record(format!("invalid JSON: {e}")),
                        ),
                    };
                    (Some(bom + offset..bom + offset + raw.get().len()), record)
                })
                .collect()
        })
    } else {
        serde_json::from_str(text).map(|value| {
            let record = RawRecord::parsed(line_of(text.len() - trimmed.len()), 0, value);
            vec![(Some(bom..bom + text.len()), record)]
        })
    };
    match result {
        Ok(records) => records,
        Err(e) => vec![(None, whole_file_error(&e))],
    }
}

fn whole_file_error(e: &serde_json::Error) -> RawRecord {
    let full = e.to_string();
    let message = full
        .rsplit_once(" at line ")
        .map(|(m, _)| m)
        .unwrap_or(&full);
    RawRecord::failed(
        e.line().max(1),
        0,
        RecordError::record(format!("invalid JSON: {message} (column {})", e.column())),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn array_elements_carry_their_starting_line() {
        let text = "[\n  {\"id\": \"a\"},\n\n  {\"id\": \"b\",\n   \"x\": 1}\n]";
        let lines: Vec<usize> = records(text).iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![2, 4]);
    }

    #[test]
    fn invalid_utf8_rejects_only_the_element_that_holds_it() {
        let bytes = b"[\n{\"id\": \"a\"},\n{\"id\": \"b\xff\"},\n{\"id\": \"c\"}\n]";
        let got = records_from_bytes(bytes);
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].value.as_ref().unwrap()["id"], "a");
        assert_eq!(got[1].line, 3);
        let message = got[1].value.as_ref().unwrap_err().to_string();
        assert_eq!(message, "invalid UTF-8 at byte 25");
        assert_eq!(got[2].value.as_ref().unwrap()["id"], "c");
        // Outside any element, the file as a whole cannot be read; the message says why.
        let broken = records_from_bytes(b"[\n{\"id\": \"a\"}\xff\n]");
        assert_eq!(broken.len(), 1);
        assert_eq!(broken[0].line, 2);
        assert!(broken[0]
            .value
            .as_ref()
            .unwrap_err()
            .message
            .contains("invalid UTF-8"));
    }

    #[test]
    fn a_single_object_and_a_broken_file() {
        assert_eq!(records("{\"id\": \"a\"}").len(), 1);
        let broken = records("[\n{\"id\": \"a\"},\n{\"id\" \"b\"}\n]");
        assert_eq!(broken.len(), 1);
        assert_eq!(broken[0].line, 3);
        assert!(broken[0]
            .value
            .as_ref()
            .unwrap_err()
            .message
            .contains("invalid JSON"));
    }
}
