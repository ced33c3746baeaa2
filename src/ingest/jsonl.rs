//! JSON Lines: one document per line, streamed, so a file of any size is read in bounded memory.

use std::io::BufRead;

use super::RawRecord;
use crate::document::RecordError;
use crate::limits::MAX_DOCUMENT_BYTES;

/// Reads records from a JSON Lines stream; blank lines are skipped. Each line is parsed on its
/// own, so one broken line never affects the others.
pub fn records(reader: impl BufRead) -> impl Iterator<Item = RawRecord> {
    JsonLines {
        reader,
        line: 0,
        offset: 0,
        buffer: Vec::new(),
        failed: false,
    }
}

struct JsonLines<R> {
    reader: R,
    line: usize,
    offset: u64,
    buffer: Vec<u8>,
    failed: bool,
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = RawRecord;

    fn next(&mut self) -> Option<RawRecord> {
        loop {
            if self.failed {
                return None;
            }
            self.buffer.clear();
            let read = match self.reader.read_until(b'\n', &mut self.buffer) {
                Ok(0) => return None,
                Ok(n) => n,
                Err(e) => {
                    self.failed = true;
                    self.line += 1;
                    return Some(RawRecord::failed(
                        self.line,
                        self.offset,
                        RecordError::record(format!("read error: {e}")),
                    ));
                }
            };
            self.line += 1;
            self.offset += read as u64;
            let mut bytes = self.buffer.as_slice();
            if self.line == 1 {
                bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            }
            while let Some((last, rest)) = bytes.split_last() {
                if matches!(last, b'\n' | b'\r') {
                    bytes = rest;
                } else {
                    break;
                }
            }
            if bytes.iter().all(|b| b.is_ascii_whitespace()) {
                continue;
            }
            return Some(parse_line(self.line, self.offset, bytes));
        }
    }
}

fn parse_line(line: usize, offset: u64, bytes: &[u8]) -> RawRecord {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return RawRecord::failed(
            line,
            offset,
            RecordError::record(format!(
                "line is {} bytes; the largest accepted document is {} bytes",
                bytes.len(),
                MAX_DOCUMENT_BYTES
            )),
        );
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            return RawRecord::failed(
                line,
                offset,
                RecordError::record(format!(
                    "invalid UTF-8 at byte {} of the line",
                    e.valid_up_to() + 1
                )),
            )
        }
    };
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(value) => RawRecord::parsed(line, offset, value),
        Err(e) => RawRecord::failed(
            line,
            offset,
            RecordError::record(format!("invalid JSON: {}", describe_json_error(&e))),
        ),
    }
}

/// serde_json says "at line 1 column 17"; within one line only the column matters.
pub(super) fn describe_json_error(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let message = full
        .rsplit_once(" at line ")
        .map(|(m, _)| m)
        .unwrap_or(&full);
    format!("{message} (column {})", e.column())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(input: &[u8]) -> Vec<(usize, Result<String, String>)> {
        records(input)
            .map(|r| {
                (
                    r.line,
                    r.value
                        .map(|v| v["id"].as_str().unwrap_or("?").to_string())
                        .map_err(|e| e.to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn good_and_broken_lines_are_reported_by_line() {
        let input = b"{\"id\":\"a\"}\n\n{\"id\": \n{\"id\":\"c\"}\r\n\xff\xfe\n";
        let got = collect(input);
        assert_eq!(got[0], (1, Ok("a".into())));
        assert_eq!(got[1].0, 3);
        assert!(got[1].1.as_ref().unwrap_err().starts_with("invalid JSON"));
        assert_eq!(got[2], (4, Ok("c".into())));
        assert_eq!(got[3].0, 5);
        assert!(got[3]
            .1
            .as_ref()
            .unwrap_err()
            .contains("invalid UTF-8 at byte 1"));
        assert_eq!(got.len(), 4);
    }

    #[test]
    fn a_byte_order_mark_and_a_missing_final_newline_are_fine() {
        let got = collect(b"\xEF\xBB\xBF{\"id\":\"a\"}\n{\"id\":\"b\"}");
        assert_eq!(got, vec![(1, Ok("a".into())), (2, Ok("b".into()))]);
    }
}
