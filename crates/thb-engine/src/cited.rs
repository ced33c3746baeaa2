//! What a document cites and what it is cited as: the citation reader
//! ([`crate::domain::citations`], which reads text only) applied to a document, with what the
//! document itself says of where it stands (its countries, its court's convention, its own
//! application numbers and ECLI). The index stores both (`schema::Fields::cites`,
//! `known_as`); the page and the API list them.

use crate::document::{Document, Kind};
use crate::domain::citations::{
    self, extract, provisions, push_new, Citation, CitationKind, Context, Convention,
};

/// The context of a document's own text: its countries, and the convention its title
/// names, or else the one its court applies.
pub fn context(document: &Document) -> Context {
    let convention = provisions::named_convention(&document.title).or_else(|| {
        let court = document.court.as_deref().unwrap_or_default();
        if document.echr.is_some() || court.starts_with("European Court of Human Rights") {
            Some(Convention::Echr)
        } else if document.greta.is_some() || court.starts_with("GRETA") {
            Some(Convention::Cets197)
        } else {
            None
        }
    });
    Context {
        countries: document.country.clone(),
        convention,
    }
}

/// The citations of a document's text, without those of itself (its own application
/// numbers and ECLI: a judgment names its own number at its head). Provisions stay: the text
/// of Article 4 is a document on Article 4.
pub fn of_document(document: &Document) -> Vec<Citation> {
    let own = own_identifiers(document);
    extract(&document.text, &context(document))
        .into_iter()
        .filter(|c| c.kind == CitationKind::Provision || !own.contains(&c.value))
        .collect()
}

/// The values a document is cited by: its application numbers (every one of a joined case),
/// its ECLI (with the application number a Strasbourg ECLI carries), and, for a text of law,
/// the provision its title names (`CETS No. 197, Article 26` is `/CETS197/26`).
pub fn known_as(document: &Document) -> Vec<String> {
    let mut out = own_identifiers(document);
    if document.kind == Kind::Legislation {
        for citation in provisions::find(&citations::tokenize(&document.title), &context(document))
        {
            push_new(&mut out, citation.value);
        }
    }
    out
}

/// The name a judgment of the Strasbourg court is cited by in running text, as its title gives
/// it without a bracketed note (`S.M. v. Croatia [GC]` is cited as `S.M. v. Croatia`): texts
/// cite a judgment by name as often as by number (`Since Rantsev v. Cyprus and Russia, …`).
/// `None` for any other document: a national decision's title is a description, not a name.
pub fn case_name(document: &Document) -> Option<String> {
    if document.application_number.is_none() && document.echr.is_none() {
        return None;
    }
    let mut name = String::new();
    let mut depth = 0usize;
    for c in document.title.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => name.push(c),
            _ => {}
        }
    }
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    // HUDOC names a judgment `CASE OF X v. Y` (`AFFAIRE X c. Y`); texts cite it as `X v. Y`.
    let name = ["CASE OF ", "AFFAIRE "]
        .iter()
        .find_map(|prefix| {
            name.get(..prefix.len())
                .filter(|head| head.eq_ignore_ascii_case(prefix))
                .map(|_| name[prefix.len()..].to_string())
        })
        .unwrap_or(name);
    // The parties' separator of English (`v.`) and French (`c.`) case names.
    (name.contains(" v. ") || name.contains(" c. ")).then_some(name)
}

fn own_identifiers(document: &Document) -> Vec<String> {
    let mut out = Vec::new();
    let numbers = document
        .application_number
        .iter()
        .chain(document.echr.iter().flat_map(|e| &e.application_numbers));
    for field in numbers {
        for number in citations::application::all_in(field) {
            push_new(&mut out, number);
        }
    }
    if let Some(value) = document
        .ecli
        .as_deref()
        .and_then(citations::ecli::normalize)
    {
        if let Some(number) = citations::ecli::application_number(&value) {
            push_new(&mut out, number);
        }
        push_new(&mut out, value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judgment(title: &str, application_number: Option<&str>) -> Document {
        let mut value = serde_json::json!({
            "id": "t:1", "kind": "judgment", "title": title, "text": "…",
            "country": ["HR"], "language": "en",
        });
        if let Some(number) = application_number {
            value["application_number"] = number.into();
        }
        Document::from_json(value).unwrap()
    }

    #[test]
    fn a_strasbourg_judgment_is_cited_by_its_name_without_bracketed_notes() {
        let name = |title, number| case_name(&judgment(title, number));
        assert_eq!(
            name("S.M. v. Croatia [GC]", Some("60561/14")).as_deref(),
            Some("S.M. v. Croatia")
        );
        assert_eq!(
            name("Rantsev c. Chypre et Russie", Some("25965/04")).as_deref(),
            Some("Rantsev c. Chypre et Russie")
        );
        // HUDOC's own titles.
        assert_eq!(
            name("CASE OF B.B. v. SLOVAKIA", Some("48587/21")).as_deref(),
            Some("B.B. v. SLOVAKIA")
        );
        assert_eq!(
            name("AFFAIRE RANTSEV c. CHYPRE ET RUSSIE", Some("25965/04")).as_deref(),
            Some("RANTSEV c. CHYPRE ET RUSSIE")
        );
        // A national decision's title describes it; a title without parties names nothing.
        assert_eq!(name("Viši sud u Nišu, K 12/19 v. 2", None), None);
        assert_eq!(name("Guide on Article 4", Some("60561/14")), None);
    }
}
