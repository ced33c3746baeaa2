//! Pin-cites through the real binary and server, on a real judgment as HUDOC publishes it
//! (B.B. v. Slovakia in `../shared/data/hudoc_raw`, imported with `thb-caselaw import hudoc`):
//! a hit names the numbered paragraph its snippet stands in, links to it and offers the
//! pin-cite, and the document page anchors the paragraph where its number stands. Skipped
//! (with a message) when the data is absent.

use crate::common;

use std::path::Path;

use common::{import_hudoc, stderr, Server};

const ID: &str = "hudoc:001-237439";
/// Words of § 90 of the judgment ("… relates to issues of deterrence, security and safety and,
/// ultimately, the effectiveness of Slovakia's counter-trafficking efforts").
const QUERY: &str = "%22issues%20of%20deterrence%22%20ultimately";
const PIN_CITE: &str = "CASE OF B.B. v. SLOVAKIA, no. 48587/21, § 90, 24 October 2024";

#[test]
fn a_hit_names_its_paragraph_and_the_document_page_opens_there() {
    let item =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/hudoc_raw/001-237439.json");
    if !item.is_file() {
        eprintln!("skipped: {} is absent", item.display());
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let output = import_hudoc(&index, &item);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let server = Server::start(&index, &dir.path().join("no-corpus"), &[]);

    let (status, body) = server.get_json(&format!("/api/search?q={QUERY}"));
    assert_eq!(status, 200, "{body}");
    let hit = &body["hits"][0];
    assert_eq!(hit["id"], ID, "{body}");
    assert_eq!(
        hit["paragraph"],
        serde_json::json!({"number": "90", "anchor": "p90", "pin_cite": PIN_CITE}),
        "{hit}"
    );
    // Without a query the snippet is the opening, which stands in no paragraph.
    let (_, browse) = server.get_json("/api/search");
    assert!(browse["hits"][0].get("paragraph").is_none(), "{browse}");

    // The search page: "§ 90" linking to the paragraph, the pin-cite in a field to select.
    let page = server.get(&format!("/?q={QUERY}")).text().unwrap();
    assert!(page.contains("#p90\""), "{page}");
    assert!(page.contains("§ 90</a>"), "{page}");
    assert!(page.contains(&format!("value=\"{PIN_CITE}\"")), "{page}");
    assert!(
        page.contains("data-copy=\"pin-hudoc:001-237439\""),
        "{page}"
    );

    // The document page: the anchor where paragraph 90 begins, and one for each paragraph.
    let page = server.get(&format!("/documents/{ID}")).text().unwrap();
    assert!(
        page.contains("<span class=\"paragraph-anchor\" id=\"p90\"></span>90. The Court finds"),
        "{page}"
    );
    let anchors = page.matches("class=\"paragraph-anchor\"").count();
    assert_eq!(anchors, 121, "B.B. v. Slovakia has 121 paragraphs");
}
