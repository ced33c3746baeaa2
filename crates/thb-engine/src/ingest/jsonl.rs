//! JSON Lines: one document per line, streamed, so a file of any size is read in bounded memory.
//! A line longer than [`MAX_DOCUMENT_BYTES`] is skipped as it is read, never held whole, so a
//! file without line breaks cannot exhaust memory either.

use std::io::{BufRead, ErrorKind};

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
            let (read, terminated) = match read_line_bounded(&mut self.reader, &mut self.buffer) {
                Ok((0, _)) => return None,
                Ok(read) => read,
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
            let truncated = read > self.buffer.len();
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
            if truncated || bytes.len() > MAX_DOCUMENT_BYTES {
                let length = if truncated {
                    read - usize::from(terminated)
                } else {
                    bytes.len()
                };
                return Some(RawRecord::failed(
                    self.line,
                    self.offset,
                    RecordError::record(format!(
                        "line is {length} bytes; the largest accepted document is {MAX_DOCUMENT_BYTES} bytes"
                    )),
                ));
            }
            if bytes.iter().all(|b| b.is_ascii_whitespace()) {
                continue;
            }
            return Some(parse_line(self.line, self.offset, bytes));
        }
    }
}

/// Reads one line (up to and including `\n`) and returns the bytes it took from `reader` (0 at
/// the end of the input) and whether it ended with `\n`. Only the first [`KEEP_BYTES`] are kept
/// in `buffer`; the rest of a longer line is consumed and dropped.
/// The most of one line held in memory: the largest document and a `\r\n`.
const KEEP_BYTES: usize = MAX_DOCUMENT_BYTES + 2;

fn read_line_bounded(
    reader: &mut impl BufRead,
    buffer: &mut Vec<u8>,
) -> std::io::Result<(usize, bool)> {
    let mut consumed = 0;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok((consumed, false));
        }
        let (take, ends_line) = match available.iter().position(|b| *b == b'\n') {
            Some(at) => (at + 1, true),
            None => (available.len(), false),
        };
        let room = KEEP_BYTES.saturating_sub(buffer.len());
        buffer.extend_from_slice(&available[..take.min(room)]);
        reader.consume(take);
        consumed += take;
        if ends_line {
            return Ok((consumed, true));
        }
    }
}

fn parse_line(line: usize, offset: u64, bytes: &[u8]) -> RawRecord {
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
    fn an_overlong_line_is_skipped_without_being_held_and_the_next_line_is_read() {
        let mut input = vec![b'x'; MAX_DOCUMENT_BYTES + 10];
        input.extend_from_slice(b"\n{\"id\":\"b\"}\n");
        // A small buffer, as a slow stream would deliver it.
        let reader = std::io::BufReader::with_capacity(4096, input.as_slice());
        let got: Vec<RawRecord> = records(reader).collect();
        assert_eq!(got.len(), 2);
        let message = got[0].value.as_ref().unwrap_err().to_string();
        assert!(
            message.contains(&format!("line is {} bytes", MAX_DOCUMENT_BYTES + 10)),
            "{message}"
        );
        assert_eq!(got[1].line, 2);
        assert_eq!(got[1].value.as_ref().unwrap()["id"], "b");
    }

    #[test]
    fn a_byte_order_mark_and_a_missing_final_newline_are_fine() {
        let got = collect(b"\xEF\xBB\xBF{\"id\":\"a\"}\n{\"id\":\"b\"}");
        assert_eq!(got, vec![(1, Ok("a".into())), (2, Ok("b".into()))]);
    }
}
