//! Every hard limit of the service, named once. Each is checked before any work is done, so a
//! request that breaks one gets a 4xx naming the limit instead of costing the server anything.

use std::time::Duration;

/// Longest accepted query, in characters (what the search box's `maxlength` counts and what a
/// user can count: a Cyrillic letter is one, not two bytes). Longer queries are almost always
/// pasted documents. 1,024 Cyrillic letters percent-encoded are 6 KiB, within `MAX_URI_BYTES`.
pub const MAX_QUERY_CHARS: usize = 1024;
/// Deepest parenthesis nesting. tantivy-style recursive query building overflows the stack in
/// the hundreds; no lawyer nests beyond a handful.
pub const MAX_QUERY_DEPTH: usize = 32;
/// Most words, phrases and prefixes in one query.
pub const MAX_QUERY_CLAUSES: usize = 100;
/// Most words in one quoted phrase. A pasted sentence is a real search (finding a quotation);
/// a phrase's positional check costs work in proportion to its words in every candidate
/// document, so a pasted page is refused.
pub const MAX_PHRASE_WORDS: usize = 32;
/// Largest proximity `"…"~N`. Lucene sets none; ours bounds the work a sloppy phrase does in
/// each candidate document (a slop of a million on twenty words held the server's cores and
/// memory). Twenty positions is a long sentence apart.
pub const MAX_PHRASE_SLOP: u32 = 20;
/// Most terms one `prefix*` may expand to; past it the user must type a longer prefix.
pub const MAX_PREFIX_EXPANSIONS: usize = 512;
/// Most spellings of one word typed without diacritics looked for in an exact field
/// (`search::spellings`: `declares` for `déclarés`); past it, the others still match through the
/// folded field, only without the exact field's weight.
pub const MAX_SPELLINGS: usize = 64;
/// Most terms whose restricted documents one segment remembers (`columns::Restricted`); past
/// it the memo starts again, so that a stream of distinct words cannot grow it without bound.
pub const RESTRICTED_MEMO_TERMS: usize = 1 << 16;
/// Shortest prefix before `*`, in characters.
pub const MIN_PREFIX_CHARS: usize = 3;
/// Largest page.
pub const MAX_PER_PAGE: usize = 100;
/// Default page size.
pub const DEFAULT_PER_PAGE: usize = 10;
/// Deepest result reachable by paging (offset + per_page), as Meilisearch and Quickwit cap it.
pub const MAX_RESULT_DEPTH: usize = 1000;
/// Most values one filter parameter may take (`country=…&country=…`): more than any facet
/// has, so a longer list is a mistake or an attack (5,000 `court` values made a 396 MB page).
pub const MAX_FILTER_VALUES: usize = 64;
/// Most parameters in one query string, all keys together.
pub const MAX_QUERY_PARAMETERS: usize = 128;
/// Longest request target (path and query string), in bytes; longer is a 414 (Apache's and
/// nginx's defaults are the same 8 KiB). Every link of a result page carries the query string,
/// so this bounds a page's size. hyper refuses targets over 64 KiB itself, with an empty body;
/// below that the answer is ours, in the JSON shape.
pub const MAX_URI_BYTES: usize = 8 * 1024;
/// Most request headers; more is a 431. hyper is configured to read more (see `server`), so
/// the answer is ours, in the JSON shape.
pub const MAX_HEADERS: usize = 100;
/// Time budget of one search; a search that exceeds it is answered with 503. The search stops
/// itself at the deadline (`search::facets`), not only the wait for it.
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
/// Most entries in one list of a document (`country`, `themes`, `greta.articles`): a real
/// judgment has a handful of respondent states and themes, the Convention has 47 articles.
pub const MAX_LIST_ITEMS: usize = 64;
/// Longest single value of a document's short fields (`title`, `court`, `ecli`,
/// `application_number`, `source_url`, a theme, `greta.paragraph`), in bytes.
pub const MAX_SHORT_FIELD_BYTES: usize = 4 * 1024;
/// Longest `echr.conclusion`: HUDOC's list of the Court's findings, a few hundred bytes for most
/// judgments and some 6 KB for an inter-state case with dozens of findings.
pub const MAX_CONCLUSION_BYTES: usize = 16 * 1024;
/// Time a client has to send a request's head, counted from when its connection starts waiting
/// for one: a connection that sends half a request line and waits, or sits idle between
/// keep-alive requests, is closed then (`server`), so held-open connections cannot pile up.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// Most connections open at once; further clients wait in the kernel's backlog until one
/// closes, rather than the process running out of file descriptors.
pub const MAX_CONNECTIONS: usize = 512;
/// Longest wait, after SIGTERM, for requests in flight before the server exits anyway.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);
/// Most other language versions one hit or document page lists: HUDOC holds a judgment in its
/// two official languages and a few dozen translations at most.
pub const MAX_LANGUAGE_VERSIONS: usize = 64;
/// Snippet length in characters.
pub const SNIPPET_CHARS: usize = 240;
/// Rows of one export.
pub const MAX_EXPORT_ROWS: usize = 1000;

/// Documents listed as citing one document (`GET /api/documents/{id}/cited-by`, the page's
/// "Cited by" panel), newest first: a leading judgment is cited by more than a page can use.
pub const MAX_CITED_BY: usize = 200;

/// Bytes of text `POST /api/citations` reads citations from: a long judgment's worth.
pub const MAX_CITATIONS_TEXT_BYTES: usize = 1024 * 1024;
