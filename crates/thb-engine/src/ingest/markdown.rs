//! Markdown documents: YAML front matter between `---` lines holds every field but `text`; the
//! body is the text.

use super::RawRecord;
use crate::document::RecordError;
use crate::limits::{MAX_FRONT_MATTER_BRACKETS, MAX_FRONT_MATTER_BYTES};

/// Parses one Markdown file into its single record.
pub fn record(text: &str) -> RawRecord {
    match parse(text) {
        Ok(value) => RawRecord::parsed(1, 0, value),
        Err((line, error)) => RawRecord::failed(line, 0, error),
    }
}

fn parse(text: &str) -> Result<serde_json::Value, (usize, RecordError)> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let text = text.replace("\r\n", "\n");
    let Some(rest) = text.strip_prefix("---\n") else {
        return Err((
            1,
            RecordError::record(
                "a Markdown document starts with YAML front matter between `---` lines",
            ),
        ));
    };
    let (front, body) = match rest.find("\n---\n") {
        Some(end) => (&rest[..end], &rest[end + 5..]),
        None if rest.ends_with("\n---") => (&rest[..rest.len() - 4], ""),
        None => {
            return Err((
                1,
                RecordError::record("the front matter is not closed by a `---` line"),
            ))
        }
    };
    check_front_matter_size(front)?;
    let value: serde_json::Value = serde_yaml_ng::from_str(front).map_err(|e| {
        // Front matter starts on line 2 of the file.
        let line = e.location().map(|l| l.line() + 1).unwrap_or(2);
        (
            line,
            RecordError::record(format!("invalid YAML front matter: {e}")),
        )
    })?;
    let serde_json::Value::Object(mut map) = value else {
        return Err((
            2,
            RecordError::record("the front matter must be a mapping of field: value"),
        ));
    };
    if map.contains_key("text") {
        return Err((
            2,
            RecordError::field(
                "text",
                "belongs in the body after the front matter, not in it",
            ),
        ));
    }
    map.insert(
        "text".into(),
        serde_json::Value::String(body.trim().to_string()),
    );
    Ok(serde_json::Value::Object(map))
}

/// Bounds what the YAML parser is given (see [`MAX_FRONT_MATTER_BRACKETS`]): its size, and
/// every `[` and `{`, quoted or not, so no quoting can hide nesting from the count.
fn check_front_matter_size(front: &str) -> Result<(), (usize, RecordError)> {
    if front.len() > MAX_FRONT_MATTER_BYTES {
        return Err((
            2,
            RecordError::record(format!(
                "the front matter is {} bytes; the limit is {MAX_FRONT_MATTER_BYTES} (it holds the metadata, the text goes after it)",
                front.len()
            )),
        ));
    }
    let mut brackets = 0;
    for (index, line) in front.lines().enumerate() {
        brackets += line.chars().filter(|c| matches!(c, '[' | '{')).count();
        if brackets > MAX_FRONT_MATTER_BRACKETS {
            return Err((
                index + 2,
                RecordError::record(format!(
                    "the front matter has more than {MAX_FRONT_MATTER_BRACKETS} `[` and `{{`; metadata is a flat mapping"
                )),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_and_body_become_one_record() {
        let md = "---\nid: note-1\nkind: report\ntitle: Note\ncountry: [RS, BA]\ndate: 2020-01-31\n---\n# Heading\n\nBody text.\n";
        let value = record(md).value.unwrap();
        assert_eq!(value["id"], "note-1");
        assert_eq!(value["country"], serde_json::json!(["RS", "BA"]));
        assert_eq!(value["date"], "2020-01-31");
        assert_eq!(value["text"], "# Heading\n\nBody text.");
    }

    #[test]
    fn missing_or_broken_front_matter_is_positioned() {
        assert!(record("no front matter").value.is_err());
        let broken = record("---\nid: a\ntitle: [unclosed\n---\nbody");
        assert!(broken.line >= 2, "{}", broken.line);
        let text_in_front = record("---\nid: a\ntext: b\n---\nbody").value.unwrap_err();
        assert_eq!(text_in_front.field.as_deref(), Some("text"));
    }

    #[test]
    fn nesting_and_size_are_bounded_before_the_yaml_parser_sees_them() {
        let deep = format!(
            "---\nid: a\ntitle: {}{}\n---\nbody",
            "[".repeat(300),
            "]".repeat(300)
        );
        let rejected = record(&deep);
        assert_eq!(rejected.line, 3);
        let message = rejected.value.unwrap_err().message;
        assert!(message.contains("more than 256 `[` and `{`"), "{message}");
        let big = format!("---\nid: a\nsummary: {}\n---\nbody", "x".repeat(70_000));
        let message = record(&big).value.unwrap_err().message;
        assert!(message.contains("the limit is 65536"), "{message}");
    }
}
