//! `.json` files: one document, or an array of documents. Each array element is parsed on its
//! own and reported with the line it starts on.

use serde_json::value::RawValue;

use super::RawRecord;
use crate::document::RecordError;

/// Parses a whole `.json` file's text into records.
pub fn records(text: &str) -> Vec<RawRecord> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let trimmed = text.trim_start();
    let line_of = |offset: usize| text[..offset].bytes().filter(|b| *b == b'\n').count() + 1;
    if trimmed.starts_with('[') {
        match serde_json::from_str::<Vec<&RawValue>>(text) {
            Ok(elements) => elements
                .into_iter()
                .map(|raw| {
                    let offset = raw.get().as_ptr() as usize - text.as_ptr() as usize;
                    let line = line_of(offset);
                    match serde_json::from_str(raw.get()) {
                        Ok(value) => RawRecord::parsed(line, offset as u64, value),
                        Err(e) => RawRecord::failed(
                            line,
                            offset as u64,
                            RecordError::record(format!("invalid JSON: {e}")),
                        ),
                    }
                })
                .collect(),
            Err(e) => vec![whole_file_error(&e)],
        }
    } else {
        match serde_json::from_str(text) {
            Ok(value) => vec![RawRecord::parsed(
                line_of(text.len() - trimmed.len()),
                0,
                value,
            )],
            Err(e) => vec![whole_file_error(&e)],
        }
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
