//! Citations end to end, through the real binary and server (tests/fixtures/citations: three
//! Strasbourg summaries and three texts of law from the shipped corpus, and samples of our own
//! in Serbian of both scripts, Macedonian, Albanian and Turkish, one of them restricted): what
//! a document cites, what cites it, a pasted text's citations, the `cites` and `provision`
//! filters, the page's links and its "Cited by" panel, and restricted documents absent from
//! all of it without a token.

use crate::common;

use std::sync::OnceLock;

use common::{fixture, hit_ids, ids, Server};
use reqwest::blocking::Client;
use serde_json::{json, Value};

const READER: &str = "reader-token-citations";

fn server() -> &'static Server {
    static SERVER: OnceLock<(Server, tempfile::TempDir)> = OnceLock::new();
    common::shared_server(
        &SERVER,
        |_| fixture("citations"),
        &[("THB_READER_TOKEN", READER)],
    )
}

fn get_as_reader(path: &str) -> (u16, Value) {
    let response = Client::new()
        .get(server().url(path))
        .bearer_auth(READER)
        .send()
        .unwrap();
    (response.status().as_u16(), response.json().unwrap())
}

fn post_citations(body: Value, token: Option<&str>) -> (u16, Value) {
    let mut request = Client::new()
        .post(server().url("/api/citations"))
        .json(&body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().unwrap();
    (response.status().as_u16(), response.json().unwrap())
}

#[test]
fn a_document_lists_what_it_cites_with_spans_and_the_documents_named() {
    let (status, doc) = server().get_json("/api/documents/test:rs-latn-1");
    assert_eq!(status, 200, "{doc}");
    let text = doc["text"].as_str().unwrap();
    let citations = doc["citations"].as_array().unwrap();
    let found: Vec<(&str, &str)> = citations
        .iter()
        .map(|c| (c["citation"].as_str().unwrap(), c["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(
        found,
        vec![
            ("/RS/CC/388", "provision"),
            ("25965/04", "application"),
            ("/ECHR/4", "provision"),
        ],
        "the case file K 12/19 and the fine of 388 euros are not citations: {doc}"
    );
    for citation in citations {
        let (start, end) = (
            citation["start"].as_u64().unwrap() as usize,
            citation["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[start..end], citation["text"].as_str().unwrap());
    }
    assert_eq!(citations[1]["document"]["id"], "ecthr:25965-04");
    assert_eq!(citations[1]["text"], "25965/04");
    assert_eq!(
        citations[2]["document"]["id"], "echr:art-4",
        "a provision names the text of law that is it"
    );
    assert!(citations[0]["document"].is_null(), "{doc}");
}

#[test]
fn cited_by_resolves_application_numbers_and_eclis_without_versions_or_restricted() {
    let (status, body) = server().get_json("/api/documents/ecthr:25965-04/cited-by");
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["id"], "ecthr:25965-04");
    // By number, and by name in each of its languages as texts write it out.
    assert_eq!(
        body["cited_as"],
        json!([
            "25965/04",
            "Rantsev c. Chypre et Russie",
            "Rantsev v. Cyprus and Russia"
        ])
    );
    let citing = ids(&body["cited_by"]);
    assert!(citing.contains(&"test:rs-latn-1"), "{body}");
    assert!(
        citing.contains(&"echr:art-4"),
        "`Since Rantsev v. Cyprus and Russia`, no number: {body}"
    );
    assert!(
        citing.contains(&"test:rs-cyrl-1"),
        "Cyrillic `представку бр.`: {body}"
    );
    assert!(
        !citing.contains(&"ecthr:25965-04:fr"),
        "its own French version: {body}"
    );
    assert!(!citing.contains(&"test:restricted-1"), "{body}");
    // A text naming only `Rantsev v. Cyprus and Russia (no. 2)` names another judgment; one
    // that also names it alone cites it.
    assert!(!citing.contains(&"test:names-3"), "{body}");
    assert!(citing.contains(&"test:names-4"), "{body}");
    // Newest first.
    assert_eq!(citing[0], "test:rs-cyrl-1", "{body}");
    // Each with the words around its first citation of it, the citation marked.
    let entry = |id: &str| -> Value {
        body["cited_by"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == id)
            .unwrap_or_else(|| panic!("{id} in {body}"))
            .clone()
    };
    let context = entry("echr:art-4")["context"].as_str().unwrap().to_string();
    assert!(
        context.contains("Since <mark>Rantsev v. Cyprus and Russia</mark>, trafficking"),
        "{context}"
    );
    let context = entry("test:rs-cyrl-1")["context"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(context.contains("<mark>"), "{context}");
    assert!(context.contains("25965/04</mark>"), "{context}");
    assert!(
        entry("echr:art-4").get("paragraph").is_none(),
        "a text without numbered paragraphs has none: {body}"
    );

    let (status, body) = get_as_reader("/api/documents/ecthr:25965-04/cited-by");
    assert_eq!(status, 200);
    assert!(
        ids(&body["cited_by"]).contains(&"test:restricted-1"),
        "{body}"
    );

    // The French version is cited by the same documents, names in both languages included.
    let (_, french) = server().get_json("/api/documents/ecthr:25965-04:fr/cited-by");
    assert_eq!(french["cited_as"], body["cited_as"]);
    assert!(ids(&french["cited_by"]).contains(&"echr:art-4"), "{french}");

    // B.B. v. Slovakia: cited by number (CETS 197 Article 23's text) and by ECLI (Macedonian).
    let (_, body) = server().get_json("/api/documents/ecthr:48587-21/cited-by");
    let citing = ids(&body["cited_by"]);
    assert!(citing.contains(&"cets197:art-23"), "{body}");
    assert!(citing.contains(&"test:mk-1"), "{body}");

    // A text of law is cited by its provision, in any language.
    let (_, body) = server().get_json("/api/documents/cets197:art-26/cited-by");
    assert_eq!(body["cited_as"], json!(["/CETS197/26"]));
    assert!(ids(&body["cited_by"]).contains(&"test:al-1"), "{body}");
}

#[test]
fn cited_by_of_an_unknown_or_restricted_document_is_404() {
    let (status, body) = server().get_json("/api/documents/no:such/cited-by");
    assert_eq!(status, 404);
    assert_eq!(body["error"]["code"], "not_found");
    let (status, _) = server().get_json("/api/documents/test:restricted-1/cited-by");
    assert_eq!(status, 404, "its existence is not disclosed");
    let (status, _) = get_as_reader("/api/documents/test:restricted-1/cited-by");
    assert_eq!(status, 200);
}

#[test]
fn a_pasted_text_gives_each_citation_its_span_and_document() {
    let text =
        "Vidi Rantsev, predstavka br. 25965/04, i B.B. (ECLI:CE:ECHR:2024:1024JUD004858721); \
                osuđen po čl. 388 st. 1 KZ, a ne po predmetu K 12/19 od 12/05/2019.";
    let (status, body) = post_citations(json!({ "text": text }), None);
    assert_eq!(status, 200, "{body}");
    let citations = body["citations"].as_array().unwrap();
    let values: Vec<&str> = citations
        .iter()
        .map(|c| c["citation"].as_str().unwrap())
        .collect();
    assert_eq!(
        values,
        vec![
            "25965/04",
            "ECLI:CE:ECHR:2024:1024JUD004858721",
            "/RS/CC/388"
        ]
    );
    for citation in citations {
        let (start, end) = (
            citation["start"].as_u64().unwrap() as usize,
            citation["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[start..end], citation["text"].as_str().unwrap());
    }
    assert_eq!(citations[0]["document"]["id"], "ecthr:25965-04");
    assert_eq!(citations[1]["document"]["id"], "ecthr:48587-21");
    assert_eq!(citations[1]["kind"], "ecli");

    // The country decides a bare article; the convention what "the Convention" names.
    let (_, body) = post_citations(
        json!({"text": "члан 388 и члан 4 Конвенције", "country": "RS", "convention": "ECHR"}),
        None,
    );
    let values: Vec<&str> = body["citations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["citation"].as_str().unwrap())
        .collect();
    assert_eq!(values, vec!["/RS/CC/388", "/ECHR/4"], "{body}");
}

/// The `(kind, citation, document id)` of each citation of a `citations` list.
fn named(citations: &Value) -> Vec<(&str, &str, Option<&str>)> {
    citations
        .as_array()
        .unwrap_or_else(|| panic!("not a list: {citations}"))
        .iter()
        .map(|c| {
            (
                c["kind"].as_str().unwrap(),
                c["citation"].as_str().unwrap(),
                c["document"]["id"].as_str(),
            )
        })
        .collect()
}

#[test]
fn a_judgment_named_by_its_parties_is_a_citation_of_the_judgment_only_when_the_database_holds_it() {
    // ECHR Article 4's text names Rantsev (held) and S.M. v. Croatia (not held) without
    // their numbers.
    let (status, doc) = server().get_json("/api/documents/echr:art-4");
    assert_eq!(status, 200, "{doc}");
    let text = doc["text"].as_str().unwrap();
    let names: Vec<&Value> = doc["citations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] == "case_name")
        .collect();
    assert_eq!(
        names.len(),
        1,
        "only the judgment held is a citation: {doc}"
    );
    assert_eq!(names[0]["citation"], "Rantsev v. Cyprus and Russia");
    assert_eq!(names[0]["text"], "Rantsev v. Cyprus and Russia");
    assert_eq!(names[0]["document"]["id"], "ecthr:25965-04");
    let (start, end) = (
        names[0]["start"].as_u64().unwrap() as usize,
        names[0]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[start..end], "Rantsev v. Cyprus and Russia");
    let starts: Vec<u64> = doc["citations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["start"].as_u64().unwrap())
        .collect();
    assert!(
        starts.windows(2).all(|w| w[0] < w[1]),
        "in the order of the text: {starts:?}"
    );

    // A pasted text: each language's name finds its own version, in any case or accents;
    // a name with other parties, a "(no. 2)" of the same parties, and the judgment's own
    // parties without the separator are not citations of it.
    let pasted = "Since RANTSEV v. Cyprus and Russia, and in Rantsev c. Chypre et Russie \
                  (§ 282), B.B. v. Slovakia (no. 25965/04) applied it; \
                  Rantsev v. Russia, B.B. v. Slovakia (no. 2) and Rantsev, Cyprus did not.";
    let (status, body) = post_citations(json!({ "text": pasted }), None);
    assert_eq!(status, 200, "{body}");
    let found: Vec<_> = named(&body["citations"])
        .into_iter()
        .filter(|(kind, _, _)| *kind == "case_name")
        .collect();
    assert_eq!(
        found,
        vec![
            (
                "case_name",
                "Rantsev v. Cyprus and Russia",
                Some("ecthr:25965-04")
            ),
            (
                "case_name",
                "Rantsev c. Chypre et Russie",
                Some("ecthr:25965-04:fr")
            ),
            ("case_name", "B.B. v. Slovakia", Some("ecthr:48587-21")),
        ],
        "{body}"
    );
    let first = &body["citations"][0];
    assert_eq!(first["text"], "RANTSEV v. Cyprus and Russia", "{body}");

    // The page links the name to the judgment.
    let page = server().get("/documents/echr:art-4").text().unwrap();
    assert!(
        page.contains(
            r#"<a class="cite-link" href="/documents/ecthr:25965-04">Rantsev v. Cyprus and Russia</a>"#
        ),
        "{page}"
    );
}

#[test]
fn a_restricted_judgment_is_named_only_for_a_reader() {
    let body = json!({"text": "As in Doe v. Samplia, the applicant's complaint failed."});
    let (status, public) = post_citations(body.clone(), None);
    assert_eq!(status, 200, "{public}");
    assert_eq!(named(&public["citations"]), vec![], "{public}");
    let (_, reader) = post_citations(body, Some(READER));
    assert_eq!(
        named(&reader["citations"]),
        vec![(
            "case_name",
            "Doe v. Samplia",
            Some("test:restricted-echr-1")
        )],
        "{reader}"
    );
    // Cited by the text that names it, not by the one naming its `(no. 2)`.
    let (status, cited_by) = get_as_reader("/api/documents/test:restricted-echr-1/cited-by");
    assert_eq!(status, 200, "{cited_by}");
    assert_eq!(
        ids(&cited_by["cited_by"]),
        vec!["test:names-1"],
        "{cited_by}"
    );
    assert_eq!(
        cited_by["cited_by"][0]["context"],
        "A sample of our own: the court followed <mark>Doe v. Samplia</mark> on the duty to investigate."
    );
    // Its own name at the head of its text is not a citation of itself.
    let (status, own) = get_as_reader("/api/documents/test:restricted-echr-1");
    assert_eq!(status, 200, "{own}");
    assert!(own["text"].as_str().unwrap().starts_with("Doe v. Samplia"));
    assert_eq!(
        named(&own["citations"]),
        vec![("provision", "/ECHR/4", Some("echr:art-4"))],
        "{own}"
    );
}

#[test]
fn a_restricted_document_is_matched_only_for_a_reader() {
    let body = json!({"text": "ECLI:RS:VSBG:2021:7"});
    let (status, public) = post_citations(body.clone(), None);
    assert_eq!(status, 200);
    assert_eq!(public["citations"][0]["citation"], "ECLI:RS:VSBG:2021:7");
    assert!(public["citations"][0]["document"].is_null(), "{public}");
    let (_, reader) = post_citations(body, Some(READER));
    assert_eq!(
        reader["citations"][0]["document"]["id"],
        "test:restricted-1"
    );
    let (status, _) = post_citations(json!({"text": "x"}), Some("wrong-token"));
    assert_eq!(status, 401);
}

#[test]
fn bad_citation_requests_are_400s_that_say_why() {
    for (body, says) in [
        (json!({"txt": "x"}), "unknown field"),
        (json!({"text": "x", "country": "YU"}), "country: `YU`"),
        (
            json!({"text": "x", "convention": "UDHR"}),
            "convention: `UDHR`",
        ),
        (json!(["x"]), "expected"),
    ] {
        let (status, answer) = post_citations(body.clone(), None);
        assert_eq!(status, 400, "{body}: {answer}");
        assert_eq!(answer["error"]["code"], "invalid_body");
        assert!(
            answer["error"]["message"].as_str().unwrap().contains(says),
            "{body}: {answer}"
        );
    }
    let big = "a".repeat(thb_engine::limits::MAX_CITATIONS_TEXT_BYTES + 1);
    let (status, answer) = post_citations(json!({ "text": big }), None);
    assert_eq!(status, 413, "{answer}");
}

#[test]
fn cites_and_provision_filter_the_search() {
    let (status, body) = server().get_json("/api/search?q=&cites=no.%2025965/04");
    assert_eq!(status, 200, "{body}");
    let mut found = hit_ids(&body);
    found.sort_unstable();
    assert_eq!(
        found,
        vec![
            "echr:art-4",
            "test:names-4",
            "test:rs-cyrl-1",
            "test:rs-latn-1"
        ],
        "by number, and by name (ECHR Article 4 names Rantsev without its number; test:names-3 \
         names only `Rantsev v. Cyprus and Russia (no. 2)`, test:names-4 both): {body}"
    );
    let (_, body) = get_as_reader("/api/search?q=&cites=25965/04");
    assert!(hit_ids(&body).contains(&"test:restricted-1"));

    // The ECLI names B.B. v. Slovakia, which CETS 197 Article 23 names in words.
    let (_, body) = server().get_json("/api/search?q=&cites=ECLI:CE:ECHR:2024:1024JUD004858721");
    let mut found = hit_ids(&body);
    found.sort_unstable();
    assert_eq!(found, vec!["cets197:art-23", "test:mk-1"], "{body}");
    // An ECLI of Strasbourg also finds the documents citing its application number.
    let (_, body) = server().get_json("/api/search?q=&cites=48587/21");
    let mut found = hit_ids(&body);
    found.sort_unstable();
    assert_eq!(found, vec!["cets197:art-23", "test:mk-1"], "{body}");

    for (provision, expected) in [
        ("/RS/CC/388", vec!["test:rs-cyrl-1", "test:rs-latn-1"]),
        ("/RS", vec!["test:rs-cyrl-1", "test:rs-latn-1"]),
        ("/MK/CC/418-%D0%B0", vec!["test:mk-1"]),
        ("/AL/CC/110/a", vec!["test:al-1"]),
        ("/TR/CC/80", vec!["test:tr-1"]),
        ("/TR/CC/79", vec![]),
        ("/CETS197/26", vec!["cets197:art-26", "test:al-1"]),
    ] {
        let (status, body) = server().get_json(&format!("/api/search?q=&provision={provision}"));
        assert_eq!(status, 200, "{provision}: {body}");
        let mut found = hit_ids(&body);
        found.sort_unstable();
        assert_eq!(found, expected, "{provision}: {body}");
    }
    // OR within the filter, AND with the words.
    let (_, body) = server().get_json("/api/search?q=&provision=/RS/CC/388&provision=/MK/CC/418a");
    let mut found = hit_ids(&body);
    found.sort_unstable();
    assert_eq!(
        found,
        vec!["test:mk-1", "test:rs-cyrl-1", "test:rs-latn-1"],
        "{body}"
    );
    let (_, body) = server().get_json("/api/search?q=Nišu&provision=/RS/CC/388");
    assert_eq!(hit_ids(&body), vec!["test:rs-latn-1"], "{body}");

    for (query, parameter) in [
        ("cites=Rantsev", "cites"),
        ("provision=/FR/CC/1", "provision"),
    ] {
        let (status, body) = server().get_json(&format!("/api/search?q=&{query}"));
        assert_eq!(status, 400, "{body}");
        assert!(
            body["error"]["message"]
                .as_str()
                .unwrap()
                .starts_with(parameter),
            "{body}"
        );
    }
}

#[test]
fn the_page_links_citations_and_lists_what_cites_a_document() {
    let page = server().get("/documents/test:rs-latn-1").text().unwrap();
    assert!(
        page.contains(r#"<a class="cite-link" href="/documents/ecthr:25965-04">25965/04</a>"#),
        "the application number links to the judgment: {page}"
    );
    assert!(
        page.contains(r#"href="/?provision=%2FRS%2FCC%2F388""#),
        "a provision without a document links to its search: {page}"
    );
    assert!(!page.contains(">K 12/19</a>"));

    let page = server().get("/documents/ecthr:25965-04").text().unwrap();
    let panel = page
        .split(r#"id="cited-by-heading""#)
        .nth(1)
        .unwrap_or_else(|| panic!("no Cited by panel: {page}"));
    assert!(panel.contains("/documents/test:rs-latn-1"), "{panel}");
    assert!(panel.contains("/documents/test:rs-cyrl-1"), "{panel}");
    assert!(!panel.contains("test:restricted-1"), "{panel}");
    let with_token = Client::new()
        .get(server().url("/documents/ecthr:25965-04"))
        .bearer_auth(READER)
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(with_token.contains("/documents/test:restricted-1"));
}

/// Real judgments as HUDOC publishes them cite earlier ones by name, without their numbers:
/// B.B. v. Slovakia (`../shared/data/hudoc_raw`) beside the shipped summaries of the
/// judgments it names. Skipped (with a message) when the data is absent.
#[test]
fn a_real_judgment_names_the_judgments_it_follows_and_each_name_links_to_one() {
    let item = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/hudoc_raw/001-237439.json");
    if !item.is_file() {
        eprintln!("skipped: {} is absent", item.display());
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let output = common::import_hudoc(&index, &item);
    assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));
    let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/ecthr.jsonl");
    let output = common::run(&[
        "ingest",
        "--index",
        index.to_str().unwrap(),
        shipped.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));
    let server = Server::start(&index, &dir.path().join("no-corpus"), &[]);

    let (status, doc) = server.get_json("/api/documents/hudoc:001-237439");
    assert_eq!(status, 200);
    let text = doc["text"].as_str().unwrap();
    let mut named: Vec<(&str, &str)> = Vec::new();
    for c in doc["citations"].as_array().unwrap() {
        if c["kind"] != "case_name" {
            continue;
        }
        let (start, end) = (
            c["start"].as_u64().unwrap() as usize,
            c["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[start..end], c["text"].as_str().unwrap());
        let pair = (
            c["citation"].as_str().unwrap(),
            c["document"]["id"].as_str().unwrap(),
        );
        if !named.contains(&pair) {
            named.push(pair);
        }
    }
    named.sort();
    for expected in [
        ("C.N. v. the United Kingdom", "ecthr:4239-08"),
        ("Rantsev v. Cyprus and Russia", "ecthr:25965-04"),
        ("S.M. v. Croatia", "ecthr:60561-14"),
    ] {
        assert!(named.contains(&expected), "{expected:?} in {named:?}");
    }
    assert!(
        named.iter().all(|(_, id)| *id != "ecthr:48587-21"),
        "the shipped summary of B.B. v. Slovakia is the same case, not a judgment it cites: {named:?}"
    );
    // And the other way: the summaries are cited by the full judgment.
    let (_, cited_by) = server.get_json("/api/documents/ecthr:25965-04/cited-by");
    assert!(
        ids(&cited_by["cited_by"]).contains(&"hudoc:001-237439"),
        "{cited_by}"
    );
    let entry = cited_by["cited_by"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "hudoc:001-237439")
        .unwrap();
    // Where: the numbered paragraph of its first citation of Rantsev, and its words.
    let number = entry["paragraph"]["number"].as_str().unwrap();
    assert_eq!(
        entry["paragraph"]["anchor"],
        format!("p{number}"),
        "{entry}"
    );
    let context = entry["context"].as_str().unwrap();
    assert!(
        context.contains("<mark>Rantsev v. Cyprus and Russia</mark>")
            || context.contains("<mark>25965/04</mark>"),
        "{context}"
    );
    let first = text
        .find("Rantsev v. Cyprus and Russia")
        .into_iter()
        .chain(text.find("25965/04"))
        .min()
        .unwrap();
    let paragraphs = thb_engine::domain::paragraphs::paragraphs(text);
    let expected = thb_engine::domain::paragraphs::containing(&paragraphs, first).unwrap();
    assert_eq!(number, expected.number.to_string(), "{entry}");
    let page = server.get("/documents/ecthr:25965-04").text().unwrap();
    assert!(
        page.contains(&format!(
            r##"href="/documents/hudoc:001-237439#p{number}">§ {number}</a>"##
        )),
        "the page links the citing paragraph: {page}"
    );
    assert!(
        page.contains(r#"<blockquote class="cited-context""#),
        "{page}"
    );
    let (_, found) = server.get_json("/api/search?q=&cites=25965/04");
    assert!(hit_ids(&found).contains(&"hudoc:001-237439"), "{found}");
    // The full judgment names its own case at its head: it does not cite the case's summary.
    let (_, cited_by) = server.get_json("/api/documents/ecthr:48587-21/cited-by");
    assert!(
        !ids(&cited_by["cited_by"]).contains(&"hudoc:001-237439"),
        "{cited_by}"
    );
    let (_, found) = server.get_json("/api/search?q=&cites=48587/21");
    assert!(!hit_ids(&found).contains(&"hudoc:001-237439"), "{found}");
}
