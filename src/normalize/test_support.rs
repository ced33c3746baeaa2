//! Test helpers shared by the normaliser and stemmer tests: finding the real texts in
//! `shared/data` and reading string fields from their JSON Lines.
//!
//! The texts are read at test time and never copied into the source (shared/data/README.md).
//! A test that finds no file prints why and passes, so the core suite stays self-contained.
//! The crate has no JSON dependency for tests of pure code, hence the small reader below: it
//! understands the flat objects of those files (string, number, boolean and null values).

use std::path::PathBuf;

use super::{fold_for_search_string, is_word_char};

/// The search form of every word of `text`, split with [`is_word_char`] as the analysis
/// glue splits.
pub(crate) fn search_words(text: &str) -> Vec<String> {
    text.split(|c: char| !is_word_char(c))
        .filter(|word| !word.is_empty())
        .map(fold_for_search_string)
        .collect()
}

/// The path of `shared/data/<name>`, looked up beside the crate (`../shared/data`, the
/// project layout) and then at `/work/shared/data` (a scratch crate elsewhere).
pub(crate) fn shared_data_file(name: &str) -> Option<PathBuf> {
    [
        concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data"),
        "/work/shared/data",
    ]
    .into_iter()
    .map(|dir| PathBuf::from(dir).join(name))
    .find(|path| path.is_file())
}

/// For each line of a JSON Lines file, the string values of `fields` (empty when a field is
/// missing or not a string). Panics with the line number on a line it cannot read.
pub(crate) fn read_jsonl_records<const N: usize>(
    path: &std::path::Path,
    fields: [&str; N],
) -> Vec<[String; N]> {
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| {
            let object = parse_flat_object(line).unwrap_or_else(|| {
                panic!("{}:{}: not a flat JSON object", path.display(), index + 1)
            });
            fields.map(|field| {
                object
                    .iter()
                    .find(|(key, _)| key == field)
                    .and_then(|(_, value)| value.clone())
                    .unwrap_or_default()
            })
        })
        .collect()
}

/// Keys and string values (`None` for other values) of a one-level JSON object.
fn parse_flat_object(line: &str) -> Option<Vec<(String, Option<String>)>> {
    let mut chars = line.trim().chars().peekable();
    let mut object = Vec::new();
    if chars.next()? != '{' {
        return None;
    }
    loop {
        skip_whitespace(&mut chars);
        match chars.next()? {
            '}' => return Some(object),
            ',' => continue,
            '"' => {
                let key = parse_string_body(&mut chars)?;
                skip_whitespace(&mut chars);
                if chars.next()? != ':' {
                    return None;
                }
                skip_whitespace(&mut chars);
                let value = if chars.peek() == Some(&'"') {
                    chars.next();
                    Some(parse_string_body(&mut chars)?)
                } else {
                    // number, true, false, null: skip to the next separator.
                    while !matches!(chars.peek(), Some(',') | Some('}') | None) {
                        chars.next();
                    }
                    None
                };
                object.push((key, value));
            }
            _ => return None,
        }
    }
}

fn skip_whitespace(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while chars.peek().is_some_and(|c| c.is_whitespace()) {
        chars.next();
    }
}

/// The rest of a JSON string after its opening quote, unescaped.
fn parse_string_body(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> Option<String> {
    let mut out = String::new();
    loop {
        match chars.next()? {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                'b' => out.push('\u{8}'),
                'f' => out.push('\u{c}'),
                'u' => {
                    let high = parse_hex4(chars)?;
                    let code = if (0xd800..0xdc00).contains(&high) {
                        // A surrogate pair: `\uD83D\uDE00`.
                        if chars.next()? != '\\' || chars.next()? != 'u' {
                            return None;
                        }
                        let low = parse_hex4(chars)?;
                        0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00)
                    } else {
                        high
                    };
                    out.push(char::from_u32(code)?);
                }
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
}

fn parse_hex4(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> Option<u32> {
    let mut value = 0;
    for _ in 0..4 {
        value = value * 16 + chars.next()?.to_digit(16)?;
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_flat_objects() {
        let object = parse_flat_object(
            r#"{"id": "x", "n": 3, "t": null, "ok": false, "text": "a\"b\\c\n\u0107\ud83d\ude00"}"#,
        )
        .unwrap();
        assert_eq!(object[0], ("id".to_string(), Some("x".to_string())));
        assert_eq!(object[1], ("n".to_string(), None));
        assert_eq!(object[4].1.as_deref(), Some("a\"b\\c\nć😀"));
    }
}
