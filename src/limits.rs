//! Every hard limit of the service, named once. Each is checked before any work is done, so a
//! request that breaks one gets a 4xx naming the limit instead of costing the server anything.

use std::time::Duration;

/// Longest accepted query string, in bytes. Longer queries are almost always pasted documents.
pub const MAX_QUERY_BYTES: usize = 1024;
/// Deepest parenthesis nesting. tantivy-style recursive query building overflows the stack in
/// the hundreds; no lawyer nests beyond a handful.
pub const MAX_QUERY_DEPTH: usize = 32;
/// Most words, phrases and prefixes in one query.
pub const MAX_QUERY_CLAUSES: usize = 100;
/// Most terms one `prefix*` may expand to; past it the user must type a longer prefix.
pub const MAX_PREFIX_EXPANSIONS: usize = 512;
/// Shortest prefix before `*`, in characters.
pub const MIN_PREFIX_CHARS: usize = 3;
/// Largest page.
pub const MAX_PER_PAGE: usize = 100;
/// Default page size.
pub const DEFAULT_PER_PAGE: usize = 10;
/// Deepest result reachable by paging (offset + per_page), as Meilisearch and Quickwit cap it.
pub const MAX_RESULT_DEPTH: usize = 1000;
/// Time budget of one search; a search that exceeds it is answered with 503.
pub const SEARCH_DEADLINE: Duration = Duration::from_secs(5);
/// Largest single document (its JSON record, or a Markdown file), in bytes.
pub const MAX_DOCUMENT_BYTES: usize = 8 * 1024 * 1024;
/// Largest `.json` file read whole (JSON Lines files are streamed and have no such limit).
pub const MAX_JSON_FILE_BYTES: u64 = 512 * 1024 * 1024;
/// Deepest JSON nesting accepted in a record (serde_json's own recursion limit is 128).
pub const MAX_JSON_DEPTH: usize = 16;
/// Largest YAML front matter of a Markdown document, in bytes: it holds the metadata, and the
/// text is the body after it.
pub const MAX_FRONT_MATTER_BYTES: usize = 64 * 1024;
/// Most `[` and `{` in one front matter, counted wherever they are. The YAML scanner (libyaml,
/// under serde_yaml_ng) does work proportional to the nesting of flow collections for every
/// token, so 200 KB of `[[[…]]]` took 46 s before its own recursion limit could answer; a real
/// front matter has a handful.
pub const MAX_FRONT_MATTER_BRACKETS: usize = 256;
/// Longest document id.
pub const MAX_ID_CHARS: usize = 200;
/// Largest HTTP request body.
pub const MAX_BODY_BYTES: usize = 32 * 1024 * 1024;
/// Snippet length in characters.
pub const SNIPPET_CHARS: usize = 240;
/// Rows of one export.
pub const MAX_EXPORT_ROWS: usize = 1000;
