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
