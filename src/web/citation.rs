//! The citation a user copies from a document's page, built from its fields in the order
//! courts and the European Court of Human Rights use: title, application number (or ECLI),
//! court, date — e.g. "Rantsev v. Cyprus and Russia, no. 25965/04, European Court of Human
//! Rights, 7 January 2010". GRETA documents add the round and paragraph. A sample document's
//! citation says that it is a sample, so it cannot be pasted into a brief unnoticed.

use thb_engine::document::{Document, Provenance};

use super::i18n::{long_date, Label, Ui};

/// The citation of `document`, dates and connecting words in the interface language.
pub(crate) fn citation(document: &Document, ui: Ui) -> String {
    let mut parts: Vec<String> = vec![document.title.trim_end_matches('.').to_string()];
    if let Some(number) = &document.application_number {
        // Several applications are written "nos. 77587/12 and 74603/12".
        let plural = number.contains(" and ") || number.contains(',') || number.contains(';');
        let word = if plural {
            ui.t(Label::CitationNumbers)
        } else {
            ui.t(Label::CitationNumber)
        };
        parts.push(format!("{word} {number}"));
    } else if let Some(ecli) = &document.ecli {
        parts.push(ecli.clone());
    }
    if let Some(greta) = &document.greta {
        parts.push(format!("{} {}", ui.t(Label::CitationRound), greta.round));
        if let Some(paragraph) = &greta.paragraph {
            parts.push(format!("{} {paragraph}", ui.t(Label::CitationParagraph)));
        }
    }
    if let Some(court) = &document.court {
        if !document.title.contains(court.as_str()) {
            parts.push(court.clone());
        }
    }
    if let Some(date) = document.date {
        parts.push(long_date(ui, date));
    }
    let mut out = parts.join(", ");
    if document.provenance == Some(Provenance::Sample) {
        out.push_str(" [");
        out.push_str(ui.t(Label::CitationSample));
        out.push(']');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rantsev() -> Document {
        Document::from_json(json!({
            "id": "echr:25965/04",
            "kind": "judgment",
            "title": "Rantsev v. Cyprus and Russia",
            "text": "The Court found a violation of Article 4.",
            "country": ["CY", "RU"],
            "court": "European Court of Human Rights",
            "date": "2010-01-07",
            "application_number": "25965/04",
            "provenance": "real"
        }))
        .unwrap()
    }

    #[test]
    fn an_echr_judgment_is_cited_as_the_court_does() {
        assert_eq!(
            citation(&rantsev(), Ui::En),
            "Rantsev v. Cyprus and Russia, no. 25965/04, European Court of Human Rights, 7 January 2010"
        );
        assert_eq!(
            citation(&rantsev(), Ui::Sr),
            "Rantsev v. Cyprus and Russia, br. 25965/04, European Court of Human Rights, 7. januar 2010."
        );
    }

    #[test]
    fn joined_applications_take_the_plural_and_samples_say_so() {
        let mut d = rantsev();
        d.application_number = Some("77587/12 and 74603/12".into());
        d.provenance = Some(Provenance::Sample);
        let c = citation(&d, Ui::En);
        assert!(c.contains(", nos. 77587/12 and 74603/12,"), "{c}");
        assert!(c.ends_with("[sample, not a real case]"), "{c}");
    }
}
