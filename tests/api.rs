//! The HTTP API through the real binary and a real server on an ephemeral port, on a small
//! multilingual collection (tests/fixtures/api).

use crate::common;

use std::sync::OnceLock;

use common::{fixture, hit_ids, Server};
use serde_json::Value;

/// One server for the read-only tests of this file (building the index once).
fn server() -> &'static Server {
    static SERVER: OnceLock<(Server, tempfile::TempDir)> = OnceLock::new();
    common::shared_server(
        &SERVER,
        |_| fixture("api"),
        &[
            ("THB_READER_TOKEN", "reader-token-1"),
            ("THB_ADMIN_TOKEN", "admin-token-1"),
        ],
    )
}

fn facet(body: &Value, name: &str) -> Vec<(String, u64)> {
    body["facets"][name]
        .as_array()
        .unwrap_or_else(|| panic!("facet {name} missing in {body}"))
        .iter()
        .map(|v| {
            (
                v["value"].as_str().unwrap().to_string(),
                v["count"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn a_search_returns_hits_with_snippets_and_the_facets() {
    let (status, body) = server().get_json("/api/search?q=trafficking");
    assert_eq!(status, 200, "{body}");
    assert!(body["total"].as_u64().unwrap() >= 1);
    let first = &body["hits"][0];
    assert_eq!(first["id"], "ecthr:25965-04");
    assert!(
        first["snippet"]
            .as_str()
            .unwrap()
            .contains("<mark>trafficking</mark>"),
        "{first}"
    );
    for key in [
        "id", "kind", "title", "country", "court", "date", "language", "themes", "score", "snippet",
    ] {
        assert!(first.get(key).is_some(), "hit lacks {key}: {first}");
    }
    for name in ["country", "theme", "kind", "language", "year", "court"] {
        assert!(!facet(&body, name).is_empty(), "facet {name} empty: {body}");
    }
    assert_eq!(body["page"], 1);
    assert_eq!(body["per_page"], 10);
}

#[test]
fn an_unclosed_quote_is_a_400_with_position_and_the_corrected_query() {
    let (status, body) = server().get_json("/api/search?q=%22forced%20labour");
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["error"]["code"], "invalid_query");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("column 1"),
        "{body}"
    );
    assert_eq!(body["error"]["suggestion"], "\"forced labour\"");
}

#[test]
fn malformed_queries_and_parameters_are_4xx_never_500() {
    let deep = format!("{}a{}", "(".repeat(500), ")".repeat(500));
    let nested = format!("{}a{}", "(".repeat(40), ")".repeat(40));
    let cases = [
        format!("/api/search?q={deep}"),
        format!("/api/search?q={nested}"),
        "/api/search?q=a%29".to_string(),
        "/api/search?q=OR".to_string(),
        "/api/search?q=tr*".to_string(),
        "/api/search?q=x&per_page=0".to_string(),
        "/api/search?q=x&per_page=1000".to_string(),
        "/api/search?q=x&page=500".to_string(),
        "/api/search?q=x&country=ZZ".to_string(),
        "/api/search?q=x&year_from=abc".to_string(),
        "/api/search?q=x&sort=best".to_string(),
        "/api/search?q=x&contry=RS".to_string(),
    ];
    for path in cases {
        let (status, body) = server().get_json(&path);
        assert_eq!(status, 400, "{path}: {body}");
        assert!(
            body["error"]["code"].is_string() && body["error"]["message"].is_string(),
            "{path}: {body}"
        );
    }
}

#[test]
fn facet_counts_match_the_hits_and_are_multi_select() {
    // Every fixture document but the Rantsev judgment has one country.
    let (_, body) = server().get_json(
        "/api/search?q=&country=RS&country=XK&country=TR&country=MK&country=MT&per_page=100",
    );
    let total = body["total"].as_u64().unwrap();
    assert_eq!(total as usize, body["hits"].as_array().unwrap().len());
    let (_, filtered) = server().get_json("/api/search?q=&country=RS");
    let countries = facet(&filtered, "country");
    let rs = countries.iter().find(|(c, _)| c == "RS").unwrap().1;
    assert_eq!(
        rs,
        filtered["total"].as_u64().unwrap(),
        "RS count equals the RS-filtered total"
    );
    // The country facet ignores its own filter: the other countries keep their counts.
    for other in ["XK", "TR", "MK", "MT", "CY", "RU"] {
        assert!(
            countries.iter().any(|(c, n)| c == other && *n >= 1),
            "{other} missing: {countries:?}"
        );
    }
    // Other facets are narrowed by the country filter: only Serbian documents' languages.
    let languages: Vec<String> = facet(&filtered, "language")
        .into_iter()
        .map(|(l, _)| l)
        .collect();
    assert_eq!(languages, vec!["sr-Cyrl", "sr-Latn"]);
    // Where every hit has one country, the country counts sum to the total.
    let (_, single) = server().get_json("/api/search?q=&kind=judgment&year_from=2015");
    let sum: u64 = facet(&single, "country").iter().map(|(_, n)| n).sum();
    assert_eq!(sum, single["total"].as_u64().unwrap(), "{single}");
}

#[test]
fn a_theme_filter_matches_its_sub_themes_and_the_theme_facet_is_a_tree() {
    let (_, body) = server().get_json("/api/search?q=&theme=exploitation");
    let found = hit_ids(&body);
    assert!(
        found.contains(&"test:rs-latn-1"),
        "labour is under exploitation: {found:?}"
    );
    assert!(
        found.contains(&"test:xk-sq-1"),
        "begging is under exploitation: {found:?}"
    );
    assert!(!found.contains(&"test:fr-1"));
    let themes = facet(&body, "theme");
    let parent = themes
        .iter()
        .position(|(t, _)| t == "exploitation")
        .unwrap();
    let child = themes
        .iter()
        .position(|(t, _)| t == "exploitation/labour")
        .unwrap();
    assert!(parent < child, "children follow their parent: {themes:?}");
}

#[test]
fn a_latin_query_returns_the_cyrillic_document_first_with_its_words_marked() {
    let (status, body) = server().get_json("/api/search?q=trgovina%20ljudima%20Ni%C5%A1");
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        hit_ids(&body).first().copied(),
        Some("test:rs-cyrl-1"),
        "{body}"
    );
    let snippet = body["hits"][0]["snippet"].as_str().unwrap();
    assert!(
        snippet.contains("<mark>трговина</mark> <mark>људима</mark>"),
        "{snippet}"
    );
}

#[test]
fn exact_script_matches_rank_above_transliterated_ones_and_phrases_cross_scripts() {
    let (_, latin) = server().get_json("/api/search?q=trgovina%20ljudima");
    let latin_ids = hit_ids(&latin);
    assert_eq!(
        latin_ids.first().copied(),
        Some("test:rs-latn-1"),
        "{latin}"
    );
    assert!(latin_ids.contains(&"test:rs-cyrl-1"), "{latin}");
    let (_, cyrillic) = server().get_json("/api/search?q=%D1%82%D1%80%D0%B3%D0%BE%D0%B2%D0%B8%D0%BD%D0%B0%20%D1%99%D1%83%D0%B4%D0%B8%D0%BC%D0%B0");
    assert_eq!(
        hit_ids(&cyrillic).first().copied(),
        Some("test:rs-cyrl-1"),
        "{cyrillic}"
    );
    // A Latin phrase finds the Cyrillic phrase; a proximity query too.
    let (_, phrase) = server().get_json("/api/search?q=%22trgovina%20ljudima%22");
    assert!(hit_ids(&phrase).contains(&"test:rs-cyrl-1"), "{phrase}");
    let (_, near) = server().get_json("/api/search?q=%22krivicno%20trgovina%22~1");
    assert!(hit_ids(&near).contains(&"test:rs-cyrl-1"), "{near}");
    let (_, far) = server().get_json("/api/search?q=%22krivicno%20trgovina%22");
    assert!(
        !hit_ids(&far).contains(&"test:rs-cyrl-1"),
        "not adjacent: {far}"
    );
}

#[test]
fn greta_round_and_strength_are_facets_and_filters_and_article_a_filter() {
    let (_, all) = server().get_json("/api/search?q=");
    assert_eq!(facet(&all, "greta_round"), vec![("2".to_string(), 1)]);
    assert_eq!(
        facet(&all, "greta_strength"),
        vec![("considers".to_string(), 1)]
    );
    let (_, urges) = server().get_json("/api/search?q=&strength=urges");
    assert_eq!(urges["total"], 0);
    // Multi-select: the strength facet ignores its own filter.
    assert_eq!(
        facet(&urges, "greta_strength"),
        vec![("considers".to_string(), 1)]
    );
    let (_, round) = server().get_json("/api/search?q=indemnisation&round=2");
    assert_eq!(hit_ids(&round), vec!["test:fr-1"]);
    let (status, body) = server().get_json("/api/search?q=&round=9");
    assert_eq!(status, 400, "{body}");

    // Articles of the Convention: the recommendation concerns Article 15 (compensation).
    let (_, on_15) = server().get_json("/api/search?q=&article=15");
    assert_eq!(hit_ids(&on_15), vec!["test:fr-1"]);
    assert_eq!(
        facet(&on_15, "greta_round"),
        vec![("2".to_string(), 1)],
        "every count obeys the article filter"
    );
    let (_, words) = server().get_json("/api/search?q=indemnisation&article=15&article=26");
    assert_eq!(
        hit_ids(&words),
        vec!["test:fr-1"],
        "either article, with words"
    );
    let (_, on_26) = server().get_json("/api/search?q=&article=26");
    assert_eq!(on_26["total"], 0);
    assert!(facet(&on_26, "greta_round").is_empty(), "{on_26}");
    for bad in ["48", "0", "twelve"] {
        let (status, body) = server().get_json(&format!("/api/search?q=&article={bad}"));
        assert_eq!(status, 400, "article={bad}: {body}");
        assert_eq!(body["error"]["code"], "invalid_parameter", "{body}");
        let message = body["error"]["message"].as_str().unwrap();
        assert!(message.starts_with("article: "), "{message}");
    }
}

#[test]
fn names_with_dj_typed_as_dj_or_d_find_the_cyrillic_text() {
    for typed in [
        "Djordjevićeve",
        "Dordeviceve",
        "%C4%90or%C4%91evi%C4%87eve",
        "%D0%82%D0%BE%D1%80%D1%92%D0%B5%D0%B2%D0%B8%D1%9B%D0%B5%D0%B2%D0%B5",
    ] {
        let (status, body) = server().get_json(&format!("/api/search?q={typed}"));
        assert_eq!(status, 200);
        assert_eq!(hit_ids(&body), vec!["test:rs-cyrl-1"], "{typed}: {body}");
        let snippet = body["hits"][0]["snippet"].as_str().unwrap();
        assert!(
            snippet.contains("<mark>Ђорђевићеве</mark>"),
            "{typed}: {snippet}"
        );
    }
}

#[test]
fn turkish_dotted_and_dotless_i_in_either_case_find_each_other() {
    for typed in [
        "insan%20ticareti",
        "%C4%B0NSAN%20T%C4%B0CARET%C4%B0",
        "INSAN%20TICARETI",
    ] {
        let (_, body) = server().get_json(&format!("/api/search?q={typed}"));
        assert_eq!(
            hit_ids(&body).first().copied(),
            Some("test:tr-1"),
            "{typed}: {body}"
        );
    }
}

#[test]
fn inflected_and_accentless_forms_match_across_languages() {
    let cases = [
        ("trafikim", "test:xk-sq-1"),   // Albanian: trafikimi in the text
        ("trgovine", "test:rs-latn-1"), // Serbian Latin: trgovina in the text
        ("Gjevgelija", "test:mk-1"),    // Macedonian Cyrillic Ѓевгелија, ѓ typed as gj
        ("indemnisation", "test:fr-1"),
        ("insolvable", "test:fr-1"),
        ("tekstil", "test:tr-1"),
    ];
    for (typed, expected) in cases {
        let (_, body) = server().get_json(&format!("/api/search?q={typed}"));
        assert!(
            hit_ids(&body).contains(&expected),
            "{typed} should find {expected}: {body}"
        );
    }
}

#[test]
fn the_restricted_document_is_invisible_without_a_reader_token() {
    let query = "/api/search?q=begging";
    let (_, public) = server().get_json(query);
    assert!(!hit_ids(&public).contains(&"test:restricted-1"));
    let (status, _) = server().get_json("/api/documents/test:restricted-1");
    assert_eq!(status, 404, "404, not 403: its existence is not disclosed");
    let (_, all) = server().get_json("/api/search?q=&per_page=100");
    assert!(
        facet(&all, "country")
            .iter()
            .all(|(c, n)| c != "RS" || *n == 2),
        "facet counts exclude it"
    );

    let client = reqwest::blocking::Client::new();
    let with_token: Value = client
        .get(server().url(query))
        .bearer_auth("reader-token-1")
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert!(
        hit_ids(&with_token).contains(&"test:restricted-1"),
        "{with_token}"
    );
    let wrong = client
        .get(server().url(query))
        .bearer_auth("nope")
        .send()
        .unwrap();
    assert_eq!(wrong.status().as_u16(), 401);
}

#[test]
fn documents_are_fetched_whole_by_id_and_unknown_ids_are_404() {
    let (status, doc) = server().get_json("/api/documents/ecthr:25965-04");
    assert_eq!(status, 200);
    assert_eq!(doc["title"], "Rantsev v. Cyprus and Russia");
    assert_eq!(doc["country"], serde_json::json!(["CY", "RU"]));
    assert_eq!(doc["application_number"], "25965/04");
    assert!(doc["text"].as_str().unwrap().contains("Article 4"));
    let (status, body) = server().get_json("/api/documents/no-such-id");
    assert_eq!(status, 404);
    assert_eq!(body["error"]["code"], "not_found");
    let (status, body) = server().get_json("/api/nothing-here");
    assert_eq!(status, 404);
    assert!(body["error"]["message"].is_string());
}

#[test]
fn health_reports_the_document_count_and_last_commit() {
    let (status, body) = server().get_json("/api/health");
    assert_eq!(status, 200);
    // Eight documents, one of them restricted: an anonymous caller is told of seven.
    assert_eq!(body["documents"], 7);
    assert!(body["last_commit"].as_u64().unwrap() > 1_700_000_000);
    assert!(body["last_commit_utc"].as_str().unwrap().ends_with('Z'));
}

#[test]
fn sorting_by_date_and_paging() {
    let (_, newest) = server().get_json("/api/search?q=&sort=date-desc&per_page=2");
    let (_, oldest) = server().get_json("/api/search?q=&sort=date-asc&per_page=100");
    let dates: Vec<&str> = newest["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, vec!["2021-02-11", "2020-11-03"]);
    assert_eq!(oldest["hits"][0]["date"], "2010-01-07");
    let (_, page2) = server().get_json("/api/search?q=&sort=date-desc&per_page=2&page=2");
    assert_eq!(page2["hits"][0]["date"], "2019-09-20");
    assert_eq!(page2["page"], 2);
}

#[test]
fn the_cli_json_is_the_api_body() {
    let index = server_index_dir();
    let output = common::run(&[
        "search",
        "--index",
        &index,
        "--json",
        "--country",
        "RS",
        "trgovina",
    ]);
    assert!(output.status.success(), "{}", common::stderr(&output));
    let mut cli: Value = serde_json::from_str(&common::stdout(&output)).unwrap();
    let (_, mut api) = server().get_json("/api/search?q=trgovina&country=RS");
    cli["took_ms"] = Value::Null;
    api["took_ms"] = Value::Null;
    assert_eq!(cli, api);
}

fn server_index_dir() -> String {
    // The server's index directory is the one passed to `serve`; read it from the command line.
    let server = server();
    let pid = server.child.id();
    let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).expect("linux /proc");
    let args: Vec<String> = cmdline
        .split(|b| *b == 0)
        .map(|a| String::from_utf8_lossy(a).into_owned())
        .collect();
    let at = args.iter().position(|a| a == "--index").unwrap();
    args[at + 1].clone()
}

/// Lawyers write "ECtHR"; documents name the court in full, and its Grand Chamber as
/// "… (Grand Chamber)". The court facet is a tree: the Grand Chamber under the Court, whose name
/// or abbreviation finds both, as a filter (and the abbreviation as a query word); the Grand
/// Chamber's own value, or its name as written, finds it alone.
#[test]
fn courts_are_counted_and_the_court_finds_its_grand_chamber() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let record = |id: &str, court: &str| {
        serde_json::json!({
            "id": id,
            "kind": "judgment",
            "title": format!("Trafficking judgment {id} (sample)"),
            "text": "The applicant was a victim of trafficking in human beings and forced labour.",
            "court": court,
            "country": "RS",
            "language": "en",
            "date": "2021-05-10",
            "provenance": "sample"
        })
        .to_string()
    };
    let lines = [
        record("sample:chamber", "European Court of Human Rights"),
        record(
            "sample:grand-chamber",
            "European Court of Human Rights (Grand Chamber)",
        ),
        record("sample:national", "Viši sud u Beogradu"),
    ];
    std::fs::write(corpus.join("courts.jsonl"), lines.join("\n")).unwrap();
    let server = Server::start(&dir.path().join("index"), &corpus, &[]);
    let found = |query: &str| {
        let (status, body) = server.get_json(&format!("/api/search?{query}"));
        assert_eq!(status, 200, "{query}: {body}");
        let mut found: Vec<String> = hit_ids(&body).into_iter().map(String::from).collect();
        found.sort();
        found
    };
    let court = vec!["sample:chamber", "sample:grand-chamber"];
    assert_eq!(found("q=trafficking&court=ECtHR"), court);
    assert_eq!(found("q=&court=ecthr"), court);
    assert_eq!(
        found("q=&court=European+Court+of+Human+Rights"),
        court,
        "the Court takes its Grand Chamber"
    );
    for grand_chamber in [
        "European+Court+of+Human+Rights%2FGrand+Chamber",
        "European+Court+of+Human+Rights+%28Grand+Chamber%29",
    ] {
        assert_eq!(
            found(&format!("q=&court={grand_chamber}")),
            vec!["sample:grand-chamber"],
            "{grand_chamber}"
        );
    }
    assert_eq!(found("q=ECtHR"), court);
    assert_eq!(found("q=court:ECtHR+forced+labour"), court);
    assert_eq!(found("q=trafficking+-ECtHR"), vec!["sample:national"]);

    // The court facet counts every court, its own filter left out (multi-select), while the
    // court filter narrows the other dimensions' counts.
    let (_, filtered) = server.get_json("/api/search?q=trafficking&court=ECtHR");
    assert_eq!(filtered["total"], 2, "{filtered}");
    assert_eq!(
        facet(&filtered, "court"),
        vec![
            ("European Court of Human Rights".to_string(), 2),
            (
                "European Court of Human Rights/Grand Chamber".to_string(),
                1
            ),
            ("Viši sud u Beogradu".to_string(), 1),
        ]
    );
    // The formation names the court it sits under; the courts name none.
    let parents: Vec<&Value> = filtered["facets"]["court"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| &v["parent"])
        .collect();
    assert_eq!(
        parents,
        [
            &Value::Null,
            &serde_json::json!("European Court of Human Rights"),
            &Value::Null
        ]
    );
    assert_eq!(facet(&filtered, "country"), vec![("RS".to_string(), 2)]);
    let (_, both) = server.get_json(
        "/api/search?q=trafficking&court=Vi%C5%A1i+sud+u+Beogradu&court=European+Court+of+Human+Rights",
    );
    assert_eq!(both["total"], 3, "either court: {both}");
    assert_eq!(facet(&both, "country"), vec![("RS".to_string(), 3)]);
}

#[test]
fn a_search_whose_words_together_match_too_little_also_answers_with_partial_matches() {
    let (status, body) = server().get_json("/api/search?q=trafficking+zzqxnotaword");
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["total"], 0);
    let partial = &body["partial"];
    assert_eq!(
        partial["words"],
        serde_json::json!([
            {"word": "trafficking", "documents": partial["hits"].as_array().unwrap().len()},
            {"word": "zzqxnotaword", "documents": 0}
        ]),
        "{body}"
    );
    assert!(partial["total"].as_u64().unwrap() > 0, "{body}");
    assert!(
        partial["hits"][0]["snippet"]
            .as_str()
            .unwrap()
            .contains("<mark>"),
        "{body}"
    );
    // The restricted fixture document holds the word too: it is not among them without a token.
    assert!(
        !hit_ids(partial).iter().any(|id| id.contains("restricted")),
        "{body}"
    );
    // Enough full matches: no partial ones; one word: nothing to relax.
    let (_, body) = server().get_json("/api/search?q=trafficking");
    assert!(body.get("partial").is_none(), "{body}");
}

#[test]
fn real_cases_only_and_real_documents_first_when_browsing() {
    let (status, all) = server().get_json("/api/search?q=&per_page=100");
    assert_eq!(status, 200, "{all}");
    let (status, real) = server().get_json("/api/search?q=&provenance=real&per_page=100");
    assert_eq!(status, 200, "{real}");
    let provenance = |hit: &Value| hit["provenance"].as_str().unwrap_or("unstated").to_string();
    let real_hits = real["hits"].as_array().unwrap();
    assert!(!real_hits.is_empty(), "{real}");
    assert!(real_hits.iter().all(|h| provenance(h) == "real"), "{real}");
    assert!(
        real["total"].as_u64() < all["total"].as_u64(),
        "samples are left out"
    );
    // Browsing (the empty query) lists the real documents first.
    let order: Vec<String> = all["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(provenance)
        .collect();
    let first_other = order
        .iter()
        .position(|p| p != "real")
        .unwrap_or(order.len());
    assert!(first_other > 0, "{order:?}");
    assert!(
        order[first_other..].iter().all(|p| p != "real"),
        "{order:?}"
    );
    // A search ranks by relevance as before; the filter applies to it too.
    let (_, searched) = server().get_json("/api/search?q=trafficking&provenance=real");
    assert!(searched["hits"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| provenance(h) == "real"));
    let (status, body) = server().get_json("/api/search?q=&provenance=invented");
    assert_eq!(status, 400);
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("provenance:"),
        "{body}"
    );
}

#[test]
fn analyze_says_why_a_word_matches_across_scripts_and_names_bad_input() {
    let server = server();
    // Typed in Latin, written in Cyrillic: the folded and stemmed terms are the same.
    let (status, latin) = server.get_json("/api/analyze?text=trgovinom%20ljudima&lang=sr-Latn");
    assert_eq!(status, 200, "{latin}");
    let (_, cyrillic) = server.get_json(
        "/api/analyze?text=%D1%82%D1%80%D0%B3%D0%BE%D0%B2%D0%B8%D0%BD%D0%BE%D0%BC&lang=sr-Cyrl",
    );
    assert_eq!(cyrillic["script"], "cyrillic");
    assert_eq!(latin["words"][0]["folded"], cyrillic["words"][0]["folded"]);
    assert_eq!(
        latin["words"][0]["stemmed"],
        cyrillic["words"][0]["stemmed"]
    );
    assert_eq!(latin["stemmer"], "sh");
    // Detected when no language is given.
    let (_, detected) = server
        .get_json("/api/analyze?text=victimes%20de%20la%20traite%20des%20%C3%AAtres%20humains");
    assert_eq!(detected["language"], "fr", "{detected}");
    assert_eq!(detected["language_source"], "detected");
    for (query, names) in [
        ("/api/analyze", "text: missing"),
        ("/api/analyze?text=%20", "text: empty"),
        ("/api/analyze?text=x&lang=not%20a%20tag", "lang:"),
        ("/api/analyze?text=x&lnag=sr", "lnag: unknown parameter"),
    ] {
        let (status, body) = server.get_json(query);
        assert_eq!(status, 400, "{query}: {body}");
        assert_eq!(body["error"]["code"], "invalid_parameter");
        assert!(
            body["error"]["message"]
                .as_str()
                .unwrap()
                .starts_with(names),
            "{query}: {body}"
        );
    }
}
