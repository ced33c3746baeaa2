//! Extraction tables: sentences as the region's judgments, GRETA and Strasbourg write them,
//! with the citations each must give (and near misses that must give none); then the real
//! judgments of `../shared/data`, read at test time.

use super::*;
use thb_text::normalize::test_support::{read_jsonl_records, shared_data_file};

fn context(countries: &[&str], convention: Option<Convention>) -> Context {
    Context {
        countries: countries.iter().map(|c| c.to_string()).collect(),
        convention,
    }
}

fn values(text: &str, context: &Context) -> Vec<String> {
    extract(text, context)
        .into_iter()
        .map(|c| c.value)
        .collect()
}

const NONE: &[&str] = &[];

#[test]
fn national_provisions_as_the_region_writes_them() {
    let rows: &[(&str, &[&str], &[&str])] = &[
        // Serbian, both scripts; the country from the document.
        ("osuđen je zbog krivičnog dela trgovina ljudima iz člana 388 stav 1 Krivičnog zakonika", &["RS"], &["/RS/CC/388"]),
        ("због кривичног дела трговина људима из члана 388 став 1 Кривичног законика", &["RS"], &["/RS/CC/388"]),
        ("kvalifikovano po čl. 388 st. 1 KZ", &["RS"], &["/RS/CC/388"]),
        ("delo iz člana 388. stav 3. KZ", &["RS"], &["/RS/CC/388"]),
        ("član 388", &["RS"], &["/RS/CC/388"]),
        ("члан 388", &["RS"], &["/RS/CC/388"]),
        ("iz čl. 388 i 389 KZ", &["RS"], &["/RS/CC/388", "/RS/CC/389"]),
        // A code named with its country decides, whatever the document's country.
        ("delo iz člana 186 stav 1 KZ BiH", &["RS"], &["/BA/CC/186"]),
        ("krivično djelo iz člana 444 Krivičnog zakonika Crne Gore", &[], &["/ME/CC/444"]),
        ("kazneno djelo iz članka 106. Kaznenog zakona", &["HR"], &["/HR/CC/106"]),
        // Macedonian: the letter in Cyrillic, with and without the hyphen.
        ("кривично дело трговија со луѓе од член 418-а од Кривичниот законик", &["MK"], &["/MK/CC/418a"]),
        ("според членот 418а став 1 од КЗ", &["MK"], &["/MK/CC/418a"]),
        // Albanian and Kosovo*.
        ("vepra penale „Trafikimi i personave të rritur“, parashikuar nga neni 110/a i Kodit Penal", &["AL"], &["/AL/CC/110a"]),
        ("parashikuar nga nenet 110/a dhe 128/b të Kodit Penal", &["AL"], &["/AL/CC/110a", "/AL/CC/128b"]),
        ("sipas nenit 171 të Kodit Penal të Republikës së Kosovës", &[], &["/XK/CC/171"]),
        // Turkish: marker first or number first, `m.` after TCK.
        ("sanık hakkında insan ticareti (TCK m. 80) suçundan", &[], &["/TR/CC/80"]),
        ("TCK m. 80/2 uyarınca rıza geçersizdir", &["TR"], &["/TR/CC/80"]),
        ("5237 sayılı TCK'nın 80. maddesi uyarınca", &[], &["/TR/CC/80"]),
        ("Türk Ceza Kanunu'nun 80 inci maddesinde", &[], &["/TR/CC/80"]),
        ("madde 80 kapsamında", &["TR"], &["/TR/CC/80"]),
        // Maltese and English.
        ("charged under Article 248A of the Criminal Code", &["MT"], &["/MT/CC/248a"]),
        ("Article 388 of the Criminal Code of Serbia", &["GB"], &["/RS/CC/388"]),
        // Without a country, a code's name and a number only one country has will do.
        ("čl. 388 st. 1 KZ", &[], &["/RS/CC/388"]),
    ];
    check(rows);
}

#[test]
fn convention_articles_by_name_and_by_context() {
    type Row<'a> = (&'a str, &'a [&'a str], Option<Convention>, &'a [&'a str]);
    let rows: &[Row<'_>] = &[
        ("Article 4 of the European Convention on Human Rights", &[], None, &["/ECHR/4"]),
        ("a breach of Article 4 § 1 ECHR", &[], None, &["/ECHR/4"]),
        ("there has been a violation of Article 4 of the Convention", &["CY"], Some(Convention::Echr), &["/ECHR/4"]),
        ("povreda člana 4 Evropske konvencije o ljudskim pravima", &[], None, &["/ECHR/4"]),
        ("AİHS'nin 4. maddesi", &[], None, &["/ECHR/4"]),
        ("citing its Article 4 case law", &[], Some(Convention::Echr), &["/ECHR/4"]),
        ("Article 26 of the Council of Europe Convention on Action against Trafficking in Human Beings", &[], None, &["/CETS197/26"]),
        ("член 26 Конвенције Савета Европе о борби против трговине људима", &["RS"], None, &["/CETS197/26"]),
        ("nenin 26 të Konventës së Këshillit të Evropës për veprimin kundër trafikimit", &["XK"], None, &["/CETS197/26"]),
        ("Članovi 10. i 12. Konvencije zahtevaju", &["RS"], Some(Convention::Cets197), &["/CETS197/10", "/CETS197/12"]),
        ("Членот 13 од Конвенцијата предвидува", &["MK"], Some(Convention::Cets197), &["/CETS197/13"]),
        ("Articles 28 and 30 of the Convention", &["MK"], Some(Convention::Cets197), &["/CETS197/28", "/CETS197/30"]),
        ("CETS No. 197, Article 4", &[], None, &["/CETS197/4"]),
        ("Article 3 of the UN Palermo Protocol", &[], None, &["/PALERMO/3"]),
        ("article 3 du Protocole de Palerme", &[], None, &["/PALERMO/3"]),
        ("Article 3(a) of the Protocol to Prevent, Suppress and Punish Trafficking in Persons", &[], None, &["/PALERMO/3"]),
    ];
    for (text, countries, convention, expected) in rows {
        assert_eq!(
            values(text, &context(countries, *convention)),
            *expected,
            "{text}"
        );
    }
}

#[test]
fn near_misses_cite_nothing() {
    let rows: &[(&str, &[&str], &[&str])] = &[
        // Another law's article, with the trafficking article's number.
        (
            "u smislu člana 388 Zakona o parničnom postupku",
            &["RS"],
            NONE,
        ),
        ("Article 80 of the Rules of Court", &["TR"], NONE),
        ("član 388 Zakonika o krivičnom postupku", &["RS"], NONE),
        // A code's other articles.
        ("u vezi sa članom 33 KZ", &["RS"], NONE),
        ("göçmen kaçakçılığı (TCK m. 79)", &["TR"], NONE),
        // The Convention unnamed, in a national judgment: ambiguous.
        ("član 4 Konvencije", &["RS"], NONE),
        // ECHR articles other than 4; Protocol No. 1.
        ("Article 3 of the Convention", &["CY"], NONE),
        ("Article 1 of Protocol No. 1", &[], NONE),
        // Numbers that are not articles: amounts, dates, paragraphs, phones, case files.
        ("novčana kazna od 388 evra", &["RS"], NONE),
        ("dana 3.88.2019. i 388 dana kasnije", &["RS"], NONE),
        ("paragraph 388 of the judgment", &["RS"], NONE),
        ("tel. 011/388-444", &["RS"], NONE),
        ("predmet K 388/19 od 4. marta 2019.", &["RS"], NONE),
        ("stav 388", &["RS"], NONE),
        // A bare article in another country's document.
        ("član 388", &["BA"], NONE),
        // `m.` outside Turkish law is not an article.
        ("a wall 5 m. 80 cm high", &["GB"], NONE),
        // A code of a country not read here.
        ("Article 106 § 1 of the Swiss Criminal Code", &[], NONE),
        // Republika Srpska's code is not Serbia's.
        ("član 388 KZ Republike Srpske", &["BA"], NONE),
    ];
    check(rows);
}

fn check(rows: &[(&str, &[&str], &[&str])]) {
    for (text, countries, expected) in rows {
        assert_eq!(values(text, &context(countries, None)), *expected, "{text}");
    }
}

#[test]
fn spans_cover_the_citation_as_written() {
    let text = "Presuda po čl. 388 st. 1 KZ; vidi Rantsev, predstavka br. 25965/04 (ECLI:CE:ECHR:2010:0107JUD002596504).";
    let found = extract(text, &context(&["RS"], None));
    let spans: Vec<(&str, &str)> = found
        .iter()
        .map(|c| (c.value.as_str(), &text[c.span.clone()]))
        .collect();
    assert_eq!(
        spans,
        vec![
            ("/RS/CC/388", "čl. 388"),
            ("25965/04", "25965/04"),
            (
                "ECLI:CE:ECHR:2010:0107JUD002596504",
                "ECLI:CE:ECHR:2010:0107JUD002596504"
            ),
        ]
    );
}

#[test]
fn filter_values_normalise() {
    assert_eq!(
        normalize_cited(" no. 25965/04 ").as_deref(),
        Some("25965/04")
    );
    assert_eq!(
        normalize_cited("ecli:ce:echr:2010:0107jud002596504").as_deref(),
        Some("ECLI:CE:ECHR:2010:0107JUD002596504")
    );
    assert_eq!(normalize_cited("trafficking"), None);
    for (value, path) in [
        ("/rs/cc/388", Some("/RS/CC/388")),
        ("MK/CC/418-a", Some("/MK/CC/418a")),
        ("/AL/CC/110/a", Some("/AL/CC/110a")),
        ("/MT/CC/248A", Some("/MT/CC/248a")),
        ("/cets197/26", Some("/CETS197/26")),
        ("/ECHR", Some("/ECHR")),
        ("/RS", Some("/RS")),
        ("/RS/CC", Some("/RS/CC")),
        ("/FR/CC/1", None),
        ("/RS/ZKP/1", None),
        ("/ECHR/four", None),
    ] {
        assert_eq!(
            provisions::normalize_path(value).as_deref(),
            path,
            "{value}"
        );
    }
}

/// The real judgments: each names its own application number, and every judgment HUDOC files
/// under Article 4 cites Article 4. Recall of `no. N/YY` across all of them stays high, and
/// nothing found runs on into a date.
#[test]
fn real_judgments_cite_as_hudoc_says() {
    let Some(path) = shared_data_file("ecthr_trafficking_judgments.jsonl") else {
        eprintln!("skipped: ../shared/data/ecthr_trafficking_judgments.jsonl is absent");
        return;
    };
    let records = read_jsonl_records(&path, ["id", "text", "app_no", "articles", "ecli"]);
    assert!(records.len() >= 40);
    let (mut cued, mut recalled) = (0usize, 0usize);
    for [id, text, app_no, articles, ecli] in &records {
        let echr = context(&[], Some(Convention::Echr));
        let found = extract(text, &echr);
        let numbers: Vec<&str> = found
            .iter()
            .filter(|c| c.kind == CitationKind::Application)
            .map(|c| c.value.as_str())
            .collect();
        let own = app_no.split(';').next().unwrap_or_default();
        assert!(
            numbers.contains(&own),
            "{id}: its own number {own} not found"
        );
        assert_eq!(
            ecli::normalize(ecli).as_deref(),
            Some(ecli.as_str()),
            "{id}"
        );
        if articles.split(';').any(|a| a == "4" || a.starts_with("4-")) {
            assert!(
                found.iter().any(|c| c.value == "/ECHR/4"),
                "{id}: filed under Article 4, no /ECHR/4 found"
            );
        }
        for citation in &found {
            let after = &text[citation.span.end..];
            assert!(
                !(citation.kind == CitationKind::Application && after.starts_with('/')),
                "{id}: {} runs on",
                citation.value
            );
        }
        // Every `no. N/YY` the Court writes, found independently of the reader.
        for (at, _) in text.match_indices("no. ") {
            let rest = &text[at + 4..];
            let serial: String = rest.chars().take_while(char::is_ascii_digit).collect();
            let year: String = rest[serial.len()..]
                .strip_prefix('/')
                .map(|r| r.chars().take_while(char::is_ascii_digit).collect())
                .unwrap_or_default();
            if serial.is_empty() || serial.starts_with('0') || year.len() != 2 {
                continue;
            }
            if rest[serial.len() + 3..].starts_with(|c: char| c == '/' || c.is_ascii_digit()) {
                continue;
            }
            let mut from = at.saturating_sub(40);
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            let before = &text[from..at];
            if before.contains("Gazette") || before.contains("Document") || before.contains("Law") {
                continue;
            }
            cued += 1;
            let start = at + 4;
            recalled += usize::from(found.iter().any(|c| c.span.start == start));
        }
    }
    let recall = recalled as f64 / cued.max(1) as f64;
    eprintln!("`no. N/YY` recalled: {recalled} of {cued} ({recall:.3})");
    assert!(cued > 500 && recall > 0.97, "{recalled} of {cued}");
}
