//! The web page through the real binary and a real server on port 0: search page, facets,
//! chips, document page, restricted documents, exports, interface languages and errors.
//!
//! The fixture corpus (`tests/fixtures/web/documents.jsonl`) holds a real ECtHR judgment
//! (Rantsev v. Cyprus and Russia), a Serbian Cyrillic sample, an Albanian sample from Kosovo*,
//! a GRETA-style sample from Malta and a restricted sample.

use crate::common;

use std::sync::OnceLock;
use std::time::Duration;

use common::{fixture, Server};
use reqwest::blocking::{Client, Response};
use reqwest::StatusCode;

const READER_TOKEN: &str = "web-test-reader";

/// One server for every test of this file: they only read.
fn server() -> &'static Server {
    static SERVER: OnceLock<(Server, tempfile::TempDir)> = OnceLock::new();
    common::shared_server(
        &SERVER,
        |_| fixture("web"),
        &[("THB_READER_TOKEN", READER_TOKEN)],
    )
}

/// A server on the shipped corpus, for the tests that read it.
fn corpus_server() -> &'static Server {
    static SERVER: OnceLock<(Server, tempfile::TempDir)> = OnceLock::new();
    common::shared_server(
        &SERVER,
        |_| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"),
        &[],
    )
}

/// A page: its status and HTML (asserting it is HTML).
fn fetch_page(path_and_query: &str) -> (StatusCode, String) {
    let response = server().get(path_and_query);
    let status = response.status();
    let content_type = header(&response, "content-type");
    assert!(
        content_type.starts_with("text/html"),
        "{path_and_query}: content type {content_type}"
    );
    (status, response.text().expect("body"))
}

fn client() -> Client {
    Client::builder()
        .timeout(Duration::from_secs(60))
        .build()
        .expect("client")
}

fn header(response: &Response, name: &str) -> String {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string()
}

/// The count shown beside a facet option, e.g. `count_of(&page, "country", "RS")`.
fn count_of(page: &str, name: &str, value: &str) -> Option<u64> {
    let needle = format!("name=\"{name}\" value=\"{value}\"");
    let at = page.find(&needle)?;
    let rest = &page[at..];
    let start = rest.find("class=\"facet-count\">")? + "class=\"facet-count\">".len();
    let end = rest[start..].find('<')?;
    rest[start..start + end].parse().ok()
}

fn hit_titles(page: &str) -> Vec<String> {
    page.split("<h3 class=\"hit-title\"")
        .skip(1)
        .filter_map(|piece| {
            let link = piece.find("<a href=\"")?;
            let piece = &piece[link..];
            let start = piece.find('>')? + 1;
            let end = piece.find("</a>")?;
            Some(piece[start..end].to_string())
        })
        .collect()
}

#[test]
fn search_page_lists_hits_facets_chips_and_the_kosovo_note() {
    // Browsing everything: every public document, no restricted one.
    let (status, page) = fetch_page("/");
    assert_eq!(status, StatusCode::OK);
    let titles = hit_titles(&page);
    assert_eq!(titles.len(), 4, "{titles:?}");
    assert!(
        titles.iter().any(|t| t == "Rantsev v. Cyprus and Russia"),
        "{titles:?}"
    );
    assert!(
        !page.contains("Zapisnik o saslušanju"),
        "a restricted document shows without a token"
    );
    assert!(page.contains("Results: 4 ("), "total missing");

    // Facet counts, full country names, Kosovo* with its note.
    assert_eq!(
        count_of(&page, "country", "RS"),
        Some(1),
        "restricted documents must not count"
    );
    assert_eq!(count_of(&page, "country", "CY"), Some(1));
    assert_eq!(count_of(&page, "country", "XK"), Some(1));
    assert_eq!(count_of(&page, "kind", "judgment"), Some(3));
    assert_eq!(count_of(&page, "lang", "sr-Cyrl"), Some(1));
    assert_eq!(count_of(&page, "theme", "exploitation"), Some(3));
    assert_eq!(count_of(&page, "theme", "exploitation/labour"), Some(1));
    assert!(page.contains("Russian Federation") && page.contains("Kosovo*"));
    assert!(
        page.contains(thb_engine::domain::countries::KOSOVO_NOTE),
        "the Kosovo* note is missing"
    );
    // Year histogram and range.
    assert!(
        page.contains("aria-label=\"2010: 1\""),
        "histogram bar for 2010 missing"
    );
    assert!(page.contains("name=\"year_from\""));
    // Sample badge on samples only.
    assert_eq!(
        page.matches("Sample — illustrative, not a real case")
            .count(),
        3
    );

    // Two countries selected: chips that remove each, counts of other countries kept.
    let (status, page) = fetch_page("/?country=RS&country=XK");
    assert_eq!(status, StatusCode::OK);
    assert_eq!(hit_titles(&page).len(), 2);
    assert!(page.contains("Country: Serbia"), "chip missing");
    assert!(page.contains("Country: Kosovo*"), "chip missing");
    assert!(
        page.contains("href=\"/?country=XK\""),
        "the chip removing Serbia keeps Kosovo*"
    );
    assert!(
        page.contains("href=\"/?country=RS\""),
        "the chip removing Kosovo* keeps Serbia"
    );
    assert!(page.contains("Clear all filters"));
    assert_eq!(
        count_of(&page, "country", "CY"),
        Some(1),
        "multi-select faceting lost Cyprus"
    );
    assert!(page.contains("name=\"country\" value=\"RS\" checked"));
    assert_eq!(
        count_of(&page, "kind", "judgment"),
        Some(2),
        "other facets follow the filter"
    );

    // A query: highlighted snippet, and a Latin query marks the Cyrillic words.
    let (_, page) = fetch_page("/?q=trafficking");
    assert!(page.contains("<mark>"), "no highlighted snippet");
    // A hit's court links to the court's hits for the same query, with a chip to undo it.
    let court_link = "href=\"/?q=trafficking&amp;court=European+Court+of+Human+Rights\"";
    assert!(page.contains(court_link), "no link to the court's hits");
    let (status, page) = fetch_page("/?q=trafficking&court=European+Court+of+Human+Rights");
    assert_eq!(status, StatusCode::OK);
    assert_eq!(hit_titles(&page), vec!["Rantsev v. Cyprus and Russia"]);
    assert!(
        page.contains("Court: European Court of Human Rights"),
        "chip missing"
    );
    // The court facet: the chosen court checked, once (no hidden copy beside the checkbox),
    // and the other courts still counted.
    assert!(page.contains("name=\"court\" value=\"European Court of Human Rights\" checked"));
    assert_eq!(
        page.matches("value=\"European Court of Human Rights\"")
            .count(),
        1
    );
    assert_eq!(
        count_of(&page, "court", "European Court of Human Rights"),
        Some(1)
    );
    assert!(
        count_of(&page, "court", "GRETA").is_some_and(|n| n > 0),
        "multi-select faceting lost the other courts"
    );
    let (status, page) = fetch_page("/?q=trgovina+ljudima");
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("<mark>трговина</mark>"),
        "the Latin query did not mark the Cyrillic word"
    );

    // The year range and sort are kept in the URL and shown.
    let (_, page) = fetch_page("/?year_from=2019&year_to=2021&sort=date-asc");
    let titles = hit_titles(&page);
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(
        titles[0].starts_with("Виши суд"),
        "oldest first: {titles:?}"
    );
    assert!(page.contains("Year: 2019–2021"));
    assert!(page.contains("<option value=\"date-asc\" selected>"));
}

#[test]
fn document_page_highlights_cites_and_keeps_the_way_back() {
    let (status, page) = fetch_page("/documents/echr:25965/04?q=trafficking&country=CY");
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("<mark>trafficking</mark>"),
        "query words not marked"
    );
    assert!(
        page.contains("Rantsev v. Cyprus and Russia, no. 25965/04, European Court of Human Rights, 7 January 2010"),
        "citation missing"
    );
    assert!(
        page.contains("href=\"/?q=trafficking&amp;country=CY\""),
        "back link lost the search"
    );
    assert!(
        page.contains("https://hudoc.echr.coe.int/eng?i=001-96549"),
        "source link missing"
    );
    assert!(page.contains("ECLI:CE:ECHR:2010:0107JUD002596504"));
    assert!(page.contains("Cyprus, Russian Federation"));
    assert!(
        !page.contains("Sample — illustrative"),
        "a real judgment is labelled as a sample"
    );

    // A sample from Kosovo*: badge and note.
    let (status, page) = fetch_page("/documents/xk:sample:pkr-45-2021");
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Sample — illustrative, not a real case"));
    assert!(page.contains(thb_engine::domain::countries::KOSOVO_NOTE));
    assert!(
        page.contains("[sample, not a real case]"),
        "the citation of a sample must say so"
    );

    // GRETA metadata.
    let (_, page) = fetch_page("/documents/greta:sample:mt-r3-45");
    assert!(page.contains("GRETA urges") && page.contains("Articles of the Convention"));
    // Its article links to every GRETA document on that article (a filter, not a counted facet).
    assert!(
        page.contains("<a class=\"greta-article\" href=\"/?article=15\">15</a>"),
        "no link from the article"
    );
    let (status, page) = fetch_page("/?article=15");
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        hit_titles(&page),
        vec!["GRETA, third evaluation round, Malta: compensation of victims (sample)"]
    );
    assert!(
        page.contains("Article of the Convention: Article 15"),
        "chip missing"
    );
    assert!(
        page.contains("type=\"hidden\" name=\"article\" value=\"15\""),
        "a new search from the page keeps the article"
    );

    // Unknown ids are a 404 page.
    let (status, page) = fetch_page("/documents/no/such:document");
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(page.contains("Document not found"));
}

#[test]
fn restricted_documents_need_a_reader_token() {
    let server = server();
    let path = "/documents/rs:sample:restricted-1";
    let (status, page) = fetch_page(path);
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(!page.contains("Zaštićeni svedok"));
    let (_, page) = fetch_page("/?q=trgovina");
    assert!(
        !page.contains("Zapisnik"),
        "restricted hit listed without a token"
    );
    let csv = server.get("/export.csv").text().unwrap();
    assert!(
        !csv.contains("restricted-1"),
        "restricted document exported without a token"
    );

    let with_token = |p: &str| {
        client()
            .get(server.url(p))
            .bearer_auth(READER_TOKEN)
            .send()
            .unwrap()
    };
    let response = with_token(path);
    assert_eq!(response.status(), StatusCode::OK);
    let page = response.text().unwrap();
    assert!(
        page.contains("Zaštićeni svedok")
            && page.contains("Restricted — visible to authorised readers only")
    );
    let page = with_token("/").text().unwrap();
    assert_eq!(hit_titles(&page).len(), 5);

    let response = client()
        .get(server.url(path))
        .bearer_auth("wrong")
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert!(response.text().unwrap().contains("Not authorised"));
}

#[test]
fn exports_are_capped_files_of_the_current_result_set() {
    let server = server();
    let (_, page) = fetch_page("/?q=trafficking&country=CY&page=1");
    assert!(
        page.contains("href=\"/export.csv?q=trafficking&amp;country=CY\""),
        "export link"
    );
    assert!(
        page.contains("(all results: 1)"),
        "the extent of the export is not stated"
    );

    let response = server.get("/export.csv?lang=en");
    assert_eq!(response.status(), StatusCode::OK);
    assert!(header(&response, "content-type").starts_with("text/csv"));
    assert!(header(&response, "content-disposition").starts_with("attachment;"));
    assert_eq!(header(&response, "x-export-cap"), "1000");
    assert_eq!(header(&response, "x-total-count"), "2");
    let bytes = response.bytes().unwrap();
    // reqwest's `text()` would drop the byte order mark Excel needs: read the bytes.
    let body = bytes
        .strip_prefix("\u{FEFF}".as_bytes())
        .expect("a byte order mark, so Excel reads UTF-8");
    let body = std::str::from_utf8(body).unwrap();
    let lines: Vec<&str> = body.lines().collect();
    assert_eq!(
        lines[0],
        "id,kind,title,country,court,date,language,themes,provenance,application_number,ecli,\
         greta_round,greta_strength,greta_articles,greta_paragraph,summary,verdict,sector,\
         victim_age,victim_gender,victim_nationality,other_decisions,snippet,url"
    );
    assert_eq!(lines.len(), 3, "{body}");
    let rantsev = lines
        .iter()
        .find(|l| l.starts_with("echr:25965/04,"))
        .expect("Rantsev row");
    assert!(rantsev.contains(",CY;RU,"), "{rantsev}");
    assert!(rantsev.contains(",real,25965/04,"), "{rantsev}");
    assert!(
        rantsev.ends_with(&format!("{}/documents/echr:25965/04", server.base)),
        "{rantsev}"
    );

    let response = server.get("/export.jsonl?ui=sq&page=2");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        header(&response, "x-total-count"),
        "4",
        "paging and ui must not narrow an export"
    );
    assert!(header(&response, "content-disposition").contains(".jsonl"));
    let body = response.text().unwrap();
    let rows: Vec<serde_json::Value> = body
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 4);
    assert!(rows
        .iter()
        .all(|r| r["id"].is_string() && r["url"].is_string()));
    assert!(rows
        .iter()
        .any(|r| r["country"] == serde_json::json!(["XK"])));
    // A GRETA recommendation carries its round, wording, articles and its text.
    let greta = rows
        .iter()
        .find(|r| r["id"] == "greta:sample:mt-r3-45")
        .expect("the GRETA row");
    assert_eq!(greta["greta_round"], 3, "{greta}");
    assert!(greta["greta_strength"].is_string(), "{greta}");
    assert!(
        !greta["greta_articles"].as_array().unwrap().is_empty(),
        "{greta}"
    );
    assert!(
        greta["summary"].is_string() || greta["snippet"].is_string(),
        "{greta}"
    );

    let response = server.get("/export.csv?q=%22forced");
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}

/// The text of the page's error message.
fn error_text(page: &str) -> &str {
    let start = page
        .find("class=\"error-message\">")
        .expect("an error message")
        + "class=\"error-message\">".len();
    let end = page[start..].find("</p>").expect("end of the message");
    page[start..start + end].trim()
}

#[test]
fn macedonian_and_serbian_cyrillic_interfaces_translate_labels_notes_errors_and_samples() {
    // The Kosovo* sample is in the results, so its country and the note are on the page.
    for (ui, lang, label, kosovo, note, marker, court) in [
        (
            "mk",
            "mk",
            "Пребарување на судската пракса и препораките на ГРЕТА",
            "Косово*",
            "*Секое спомнување на Косово",
            "(пример)",
            "Европски суд за човекови права",
        ),
        (
            "sr-Cyrl",
            "sr-Cyrl",
            "Претрага судске праксе и препорука GRETA",
            "Косово*",
            "*Свако помињање Косова",
            "(пример)",
            "Европски суд за људска права",
        ),
        (
            "sr",
            "sr-Latn",
            "Pretraga sudske prakse i preporuka GRETA",
            "Kosovo*",
            "*Svako pominjanje Kosova",
            "(primer)",
            "Evropski sud za ljudska prava",
        ),
        (
            "sq",
            "sq",
            "Kërko në praktikën gjyqësore",
            "Kosova*",
            "*Çdo referencë për Kosovën",
            "(shembull)",
            "Gjykata Evropiane e të Drejtave të Njeriut",
        ),
    ] {
        let (status, page) = fetch_page(&format!("/?ui={ui}"));
        assert_eq!(status, StatusCode::OK, "{ui}");
        assert!(
            page.contains(&format!("<html lang=\"{lang}\"")),
            "{ui}: html lang"
        );
        for text in [label, kosovo, note, court] {
            assert!(page.contains(text), "{ui}: no {text}");
        }
        assert!(
            page.contains(marker),
            "{ui}: the sample marker is not translated"
        );
        assert!(
            !page.contains("(sample)"),
            "{ui}: an English (sample) is left"
        );
        for english in [
            "Search case law",
            "Filters",
            "Results:",
            "Relevance",
            "Type of document",
            "All reference to Kosovo",
            "Grand Chamber",
        ] {
            assert!(!page.contains(english), "{ui}: English left: {english}");
        }
        // The switcher offers every language, each in its own name.
        for name in ["English", "Srpski", "Српски", "Македонски", "Shqip"] {
            assert!(page.contains(name), "{ui}: switcher lacks {name}");
        }
    }

    // A bad query's error page, in each language, with the column.
    for (ui, message, column) in [
        ("sr", "Izrazu nedostaju završni navodnici", "(kod znaka 1)"),
        (
            "sr-Cyrl",
            "Изразу недостају завршни наводници",
            "(код знака 1)",
        ),
        (
            "sq",
            "Shprehjes i mungojnë thonjëzat mbyllëse",
            "(te karakteri 1)",
        ),
        (
            "mk",
            "На изразот му недостасуваат завршните наводници",
            "(кај знакот 1)",
        ),
        (
            "en",
            "A phrase is missing its closing quotation mark",
            "(at character 1)",
        ),
    ] {
        let (status, page) = fetch_page(&format!("/?q=%22forced+labour&ui={ui}"));
        assert_eq!(status, StatusCode::BAD_REQUEST, "{ui}");
        let text = error_text(&page);
        assert!(text.contains(message), "{ui}: {text}");
        assert!(text.contains(column), "{ui}: {text}");
    }
    // A bad parameter names its value; an unknown document, in the interface language.
    let (_, page) = fetch_page("/?country=YU&ui=mk");
    assert_eq!(error_text(&page), "„YU“ не е познат код на држава.");
    let (_, page) = fetch_page("/?page=999&ui=sq");
    assert!(
        error_text(&page).contains("1000 rezultatet e para"),
        "{}",
        error_text(&page)
    );
    let (status, page) = fetch_page("/documents/no-such-id?ui=sr-Cyrl");
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        error_text(&page),
        "Ниједан документ нема ову ознаку или документ није јаван."
    );
}

#[test]
fn interface_languages_errors_and_assets() {
    let server = server();
    let (_, page) = fetch_page("/?ui=sr&q=trafficking");
    assert!(page.contains("lang=\"sr-Latn\""));
    assert!(page.contains("Pretraga sudske prakse i preporuka GRETA"));
    assert!(page.contains("Država") && page.contains("Kipar"));
    assert!(
        page.contains("ui=sr"),
        "links must keep the interface language"
    );
    assert!(page.contains("href=\"/documents/echr:25965/04?q=trafficking&amp;ui=sr\""));
    let (_, page) = fetch_page("/?ui=sq");
    assert!(page.contains("lang=\"sq\"") && page.contains("Kërko") && page.contains("Kosova*"));
    assert!(page.contains("Shembull — ilustrues, jo çështje e vërtetë"));
    let (_, page) = fetch_page("/");
    assert!(page.contains("href=\"/?ui=sq\""), "language switcher");

    // A malformed query: 400 page with the message and the corrected query as a link.
    let (status, page) = fetch_page("/?q=%22forced+labour&country=CY");
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("This search could not be run"));
    assert!(
        page.contains("href=\"/?q=%22forced+labour%22&amp;country=CY\""),
        "no link to the corrected query"
    );
    assert!(
        page.contains("name=\"country\" value=\"CY\""),
        "the corrected search must keep its filters"
    );

    // Bad parameters and hostile input: friendly 400 pages, never a 500.
    for bad in [
        "/?country=YU",
        "/?page=abc",
        "/?page=999",
        "/?per_page=0",
        "/?year_from=2020&year_to=2010",
        "/?contry=RS",
        "/?kind=verdict",
        "/?theme=labor",
        "/?q=(((((((((((((((((((((((((((((((((((((((a)))))))))))))))))))))))))))))))))))))))",
    ] {
        let (status, page) = fetch_page(bad);
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
        assert!(page.contains("error-message"), "{bad}");
    }
    let long = format!("/?q={}", "word+".repeat(400));
    assert_eq!(fetch_page(&long).0, StatusCode::BAD_REQUEST);
    for odd in [
        "/?q=%FF%FE",
        "/?ui=%00&q=a",
        "/?q=*",
        "/?q=-",
        "/?q=title:",
        "/?q=%22%22",
        "/documents/..%2F..%2Fetc",
        "/documents/%FF%FE",
    ] {
        let status = server.get(odd).status();
        assert!(
            status.is_success() || status.is_client_error(),
            "{odd}: {status}"
        );
    }

    // Assets: embedded, typed, cached by version.
    let (_, page) = fetch_page("/");
    let css = page
        .split("href=\"/assets/app.css?v=")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    let response = server.get(&format!("/assets/app.css?v={css}"));
    assert_eq!(response.status(), StatusCode::OK);
    assert!(header(&response, "content-type").starts_with("text/css"));
    assert!(header(&response, "cache-control").contains("immutable"));
    let response = server.get("/assets/app.js");
    assert!(header(&response, "content-type").starts_with("text/javascript"));
    assert!(header(&response, "cache-control").contains("no-cache"));
    assert_eq!(
        server.get("/assets/nope.js").status(),
        StatusCode::NOT_FOUND
    );
    let response = server.get("/");
    assert!(header(&response, "content-security-policy").contains("script-src 'self'"));
}

#[test]
fn a_dead_end_shows_the_documents_matching_some_words_and_the_word_to_drop() {
    let (status, page) = fetch_page("/?q=trafficking+zzqxnotaword");
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("No documents match this search."), "{page}");
    assert!(page.contains("Matching some of your words"), "{page}");
    assert!(
        page.contains("No document holds “zzqxnotaword”:"),
        "the word that matches nothing is named"
    );
    assert!(
        page.contains("href=\"/?q=trafficking\""),
        "a link searches without it: {page}"
    );
    assert!(page.contains("class=\"hits partial-hits\""), "{page}");
    // No filter is set: no advice to remove one.
    assert!(!page.contains("Remove a filter above."), "{page}");
    let (_, filtered) = fetch_page("/?q=zzqxnotaword&country=RS");
    assert!(filtered.contains("Remove a filter above."), "{filtered}");
}

#[test]
fn real_cases_only_is_a_filter_with_its_chip() {
    let (_, page) = fetch_page("/?q=trafficking");
    assert!(
        page.contains("name=\"provenance\" value=\"real\""),
        "the checkbox is offered"
    );
    let (status, page) = fetch_page("/?q=trafficking&provenance=real");
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("Source: Real cases only (no samples)"),
        "its chip"
    );
    let titles = hit_titles(&page);
    assert_eq!(titles, ["Rantsev v. Cyprus and Russia"], "{titles:?}");
}

#[test]
fn a_hit_shows_its_greta_round_and_wording_and_the_page_has_its_heading() {
    let (_, page) = fetch_page("/?q=trafficking");
    assert!(
        page.contains("<h1 class=\"visually-hidden\">trafficking · "),
        "the results page has an h1 naming the search"
    );
    assert!(
        page.contains("<span class=\"hit-round\">Round 3</span>"),
        "{page}"
    );
    assert!(
        page.contains("<span class=\"hit-strength\">Urges (most pressing)</span>"),
        "{page}"
    );
    assert!(
        page.contains("<h3 class=\"hit-title\" lang=\"en\">"),
        "a hit's title says its language"
    );
}

/// Issue 19, item 2, on the shipped corpus (`corpus/`, 97 courts in three scripts): the Grand
/// Chamber is listed under the European Court of Human Rights, ticking the Court keeps S.M. v.
/// Croatia [GC], the Grand Chamber alone narrows to its judgments, and the long court list has
/// a filter box whose keys fold script and accents (`beograd` finds `Београд`).
#[test]
fn the_court_facet_is_a_tree_with_the_grand_chamber_under_the_court_on_the_real_corpus() {
    let server = corpus_server();
    let page = |query: &str| server.get(query).text().expect("body");
    let court = "European+Court+of+Human+Rights";

    // The API: the Court counts its Grand Chamber, which follows it and names it as parent.
    let (_, all) = server.get_json("/api/search?q=&per_page=1");
    let courts = all["facets"]["court"].as_array().unwrap();
    let at = |value: &str| {
        courts
            .iter()
            .position(|v| v["value"] == value)
            .unwrap_or_else(|| panic!("{value} not in the court facet"))
    };
    let ecthr = at("European Court of Human Rights");
    let gc = at("European Court of Human Rights/Grand Chamber");
    assert_eq!(gc, ecthr + 1, "the Grand Chamber follows its Court");
    assert_eq!(courts[gc]["parent"], "European Court of Human Rights");
    assert_eq!(courts[gc]["count"], 3);
    assert_eq!(
        courts[ecthr]["count"], 23,
        "the Court counts its 3 Grand Chamber judgments"
    );
    assert!(courts[ecthr].get("parent").is_none());
    assert!(
        !courts
            .iter()
            .any(|v| v["value"] == "European Court of Human Rights (Grand Chamber)"),
        "the Grand Chamber is no court of its own"
    );

    // Ticking the Court keeps the Grand Chamber's judgments; the Grand Chamber alone, by its
    // value or by the name documents give it, narrows to them. The total counts hits: the 23
    // documents hold five judgments in English and French, each one hit (issue 19, item 3).
    let (_, by_court) = server.get_json(&format!("/api/search?q=&court={court}&per_page=50"));
    assert_eq!(by_court["total"], 18);
    let titles = |body: &serde_json::Value| -> Vec<String> {
        body["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["title"].as_str().unwrap().to_string())
            .collect()
    };
    // Its two language versions score alike on an empty query: either may be the one shown.
    assert!(
        titles(&by_court)
            .iter()
            .any(|t| t == "S.M. v. Croatia [GC]" || t == "S.M. c. Croatie [GC]"),
        "{by_court}"
    );
    for grand_chamber in [
        format!("{court}%2FGrand+Chamber"),
        format!("{court}+%28Grand+Chamber%29"),
    ] {
        let (_, body) = server.get_json(&format!("/api/search?q=&court={grand_chamber}"));
        let found = titles(&body);
        assert_eq!(found.len(), 2, "{grand_chamber}: {found:?}");
        assert!(found.contains(&"Stummer v. Austria [GC]".to_string()));
        assert!(
            found
                .iter()
                .any(|t| t == "S.M. v. Croatia [GC]" || t == "S.M. c. Croatie [GC]"),
            "{grand_chamber}: S.M. v. Croatia once, in one of its languages: {found:?}"
        );
    }

    // The page: the Grand Chamber's checkbox inside the Court's branch, labelled by itself.
    let html = page(&format!("/?q=&court={court}"));
    let branch_start = html
        .find("name=\"court\" value=\"European Court of Human Rights\" checked")
        .expect("the Court ticked");
    let branch = &html[branch_start..];
    let children = branch
        .find("<ul class=\"facet-children\">")
        .expect("a branch");
    let grand_chamber = branch
        .find("name=\"court\" value=\"European Court of Human Rights/Grand Chamber\"")
        .expect("the Grand Chamber listed");
    assert!(
        children < grand_chamber,
        "the Grand Chamber sits beneath the Court"
    );
    assert!(branch[grand_chamber..].contains("<span class=\"facet-label\">Grand Chamber</span>"));
    assert!(html.contains("Court: European Court of Human Rights"));

    // The long list has a filter box (hidden until the script shows it) and folded keys.
    let courts_fieldset = &html[html.find("<legend>Court</legend>").expect("court facet")..];
    let courts_fieldset = &courts_fieldset[..courts_fieldset.find("</fieldset>").unwrap()];
    assert!(
        courts_fieldset.contains("class=\"facet-filter\" type=\"search\" hidden"),
        "the filter box waits for the script: without it the list reads as it is"
    );
    assert!(courts_fieldset.contains("<details class=\"facet-more\" data-facet=\"court\">"));
    assert!(
        courts_fieldset.contains("data-filter=\"visi sud u beogradu\""),
        "the Cyrillic court's key is folded to Latin"
    );
    // A label in another script than the page's says which language it is.
    assert!(
        courts_fieldset
            .contains("<span class=\"facet-label\" lang=\"sr-Cyrl\">Виши суд у Београду"),
        "{courts_fieldset}"
    );
    assert!(
        courts_fieldset.contains("data-filter=\"european court of human rights ecthr\""),
        "the Court is found by its abbreviation too"
    );
    // Short lists have none.
    let kinds = &html[html.find("name=\"kind\"").unwrap()..];
    assert!(!kinds[..kinds.find("</fieldset>").unwrap()].contains("facet-filter"));
}

#[test]
fn an_error_page_keeps_its_filters_as_chips_and_the_box_states_its_limit_in_characters() {
    // A malformed query with two filters: the error is the query's, the filters stay applied.
    let (status, page) = fetch_page("/?q=%22forced+labour&country=CY&kind=judgment");
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("class=\"error-box\""), "{page}");
    let chips = page
        .split("class=\"chips\"")
        .nth(1)
        .unwrap_or_else(|| panic!("no chips on the error page: {page}"));
    assert!(chips.contains("Cyprus"), "{chips}");
    // The parameter at fault is offered for removal, not shown as applied.
    let (status, page) = fetch_page("/?q=labour&country=ZZ&kind=judgment");
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let chips = page.split("class=\"chips\"").nth(1).unwrap_or_default();
    assert!(!chips.contains("ZZ"), "{chips}");
    // The box takes at most the limit the error states, in characters.
    let (_, page) = fetch_page("/");
    assert!(
        page.contains(&format!(
            "maxlength=\"{}\"",
            thb_engine::limits::MAX_QUERY_CHARS
        )),
        "{page}"
    );
    let long = "ж".repeat(thb_engine::limits::MAX_QUERY_CHARS + 1);
    let (status, page) = fetch_page(&format!("/?q={long}"));
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("characters"), "{page}");
}

#[test]
fn markdown_texts_are_rendered_and_snippets_and_titles_read_plain_and_marked() {
    let server = corpus_server();
    // The Albanian guidance note of the corpus is Markdown (`corpus/md/`).
    let id = "md:sample:guidance-child-begging-sq";
    let (_, body) = server.get_json("/api/search?q=lypje&lang=sq");
    let hit = body["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["id"] == id)
        .unwrap_or_else(|| panic!("{id} not found: {body}"));
    let snippet = hit["snippet"].as_str().unwrap();
    assert!(snippet.contains("<mark>"), "{snippet}");
    for marker in ["# ", "**", "](", "`"] {
        assert!(
            !snippet.contains(marker),
            "`{marker}` in the snippet: {snippet}"
        );
    }
    // The title with its matched word marked.
    let title = hit["title_html"].as_str().unwrap();
    assert!(title.contains("<mark>lypje</mark>"), "{title}");
    let page = server.get("/?q=lypje&lang=sq").text().unwrap();
    assert!(
        page.contains("<mark>lypje</mark>"),
        "the page marks the title"
    );

    // The document view renders the Markdown: headings a level below the page's h1, emphasis,
    // lists; the query's words marked inside them; no raw `#` lines.
    let page = server
        .get(&format!("/documents/{id}?q=lypje"))
        .text()
        .unwrap();
    let text = page
        .split("class=\"text markdown\"")
        .nth(1)
        .unwrap_or_else(|| panic!("not rendered as Markdown: {page}"));
    assert!(text.contains("<h2>"), "{text}");
    assert!(text.contains("<h3>"), "{text}");
    assert!(text.contains("<em>"), "{text}");
    assert!(text.contains("<ol>") || text.contains("<ul>"), "{text}");
    assert!(text.contains("<mark>"), "{text}");
    assert!(!text.contains("\n## "), "{text}");
    // A judgment stays plain text.
    let page = server.get("/documents/ecthr:25965-04").text().unwrap();
    assert!(page.contains("class=\"text\""), "{page}");
    assert!(!page.contains("class=\"text markdown\""));
}

/// Issue 19, item 3, on the shipped corpus: the English and French texts of Rantsev v. Cyprus
/// and Russia are one hit, in the API and on the page ("Also in: FR"), a language filter shows
/// that language's version, and each version's page links the other.
#[test]
fn a_bilingual_judgment_is_one_hit_linking_its_other_language_on_the_real_corpus() {
    let server = corpus_server();
    let page = |query: &str| server.get(query).text().expect("body");
    let rantsev = ["ecthr:25965-04", "ecthr:25965-04:fr"];

    let (_, body) = server.get_json("/api/search?q=Rantsev&per_page=50");
    let hits = body["hits"].as_array().unwrap();
    let shown: Vec<&serde_json::Value> = hits
        .iter()
        .filter(|h| rantsev.contains(&h["id"].as_str().unwrap()))
        .collect();
    assert_eq!(shown.len(), 1, "Rantsev once: {body}");
    let (hit, other) = match shown[0]["id"].as_str().unwrap() {
        "ecthr:25965-04" => (("ecthr:25965-04", "en"), ("ecthr:25965-04:fr", "fr")),
        _ => (("ecthr:25965-04:fr", "fr"), ("ecthr:25965-04", "en")),
    };
    assert_eq!(shown[0]["language"], hit.1);
    assert_eq!(
        shown[0]["versions"],
        serde_json::json!([{"id": other.0, "language": other.1}])
    );
    assert_eq!(
        body["total"].as_u64().unwrap() as usize,
        hits.len(),
        "the total counts hits"
    );
    let languages: u64 = body["facets"]["language"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["count"].as_u64().unwrap())
        .sum();
    assert_eq!(
        body["documents"], languages,
        "`documents` is what the facets count"
    );
    assert!(
        languages > hits.len() as u64,
        "the facets count each version: {languages} documents in {} hits",
        hits.len()
    );

    for (lang, id, versions) in [
        ("fr", "ecthr:25965-04:fr", "ecthr:25965-04"),
        ("en", "ecthr:25965-04", "ecthr:25965-04:fr"),
    ] {
        let (_, body) = server.get_json(&format!("/api/search?q=Rantsev&lang={lang}"));
        assert_eq!(body["hits"][0]["id"], id, "lang={lang}: {body}");
        assert_eq!(body["hits"][0]["versions"][0]["id"], versions);
    }

    // The page: the English version with "Also in: FR" linking the French one.
    let html = page("/?q=Rantsev&lang=en");
    let hit = &html[html
        .find("href=\"/documents/ecthr:25965-04?")
        .expect("the hit")..];
    let hit = &hit[..hit.find("</li>").unwrap()];
    assert!(
        hit.contains(
            "<span class=\"hit-versions\">Also in: <a href=\"/documents/ecthr:25965-04:fr?"
        ),
        "{hit}"
    );
    assert!(
        hit.contains("hreflang=\"fr\" title=\"French\">FR</a>"),
        "{hit}"
    );

    // Each version's page links the other under "Language versions".
    for (id, other, name) in [
        ("ecthr:25965-04", "ecthr:25965-04:fr", "French"),
        ("ecthr:25965-04:fr", "ecthr:25965-04", "English"),
    ] {
        let html = page(&format!("/documents/{id}"));
        let versions = &html[html.find("<dt>Language versions</dt>").expect(id)..];
        let versions = &versions[..versions.find("</dd>").unwrap()];
        assert!(
            versions.contains(&format!("<a href=\"/documents/{other}\" hreflang=")),
            "{id}: {versions}"
        );
        assert!(
            versions.contains(&format!(">{name}</a>")),
            "{id}: {versions}"
        );
    }
    let alone = page("/documents/ecthr:37452-02");
    assert!(
        !alone.contains("Language versions"),
        "a judgment in one language lists none"
    );
}

#[test]
fn a_document_page_lists_similar_documents_and_a_greta_documents_other_rounds() {
    let server = corpus_server();
    let page = server
        .get("/documents/greta:sample:rs:r2:p118?ui=sr")
        .text()
        .unwrap();
    let similar = &page[page.find("class=\"similar\"").expect("a similar panel")..];
    let similar = &similar[..similar.find("</section>").unwrap()];
    assert!(similar.contains("Slični dokumenti"), "{similar}");
    // The Serbian round-3 recommendation, written in Cyrillic, found from Latin words.
    assert!(
        similar.contains("href=\"/documents/greta:sample:rs:r3:p63?ui=sr\""),
        "{similar}"
    );
    assert!(similar.contains("Zajedničke reči: "), "{similar}");
    assert!(
        !similar.contains("greta:sample:rs:r2:p118"),
        "itself: {similar}"
    );
    let lineage = &page[page.find("class=\"lineage\"").expect("a lineage panel")..];
    let lineage = &lineage[..lineage.find("</section>").unwrap()];
    assert!(lineage.contains("Krug 3"), "{lineage}");
    assert!(!lineage.contains("Krug 2"), "its own round: {lineage}");
    assert!(lineage.contains("greta:sample:rs:r3:p63"), "{lineage}");
    // A judgment has similar documents but no lineage.
    let judgment = server.get("/documents/ecthr:25965-04").text().unwrap();
    assert!(judgment.contains("class=\"similar\""));
    assert!(!judgment.contains("class=\"lineage\""));
}
