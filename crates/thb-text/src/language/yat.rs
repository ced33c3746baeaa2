//! Telling Serbian Latin from Croatian, Bosnian and Montenegrin by the reflex of yat.
//!
//! The four standards share an analyser, and lingua cannot tell them apart: on real treebank
//! sentences it labelled every Serbian Latin one Croatian or Bosnian (`tests/language_agreement.rs`).
//! One difference is regular and frequent: the old vowel yat is `e` in the standard Serbian of
//! Serbia (ekavian: *gde*, *vreme*, *dete*, *rešenje*, *svedok*) and `ije` / `je` in Croatian,
//! Bosnian and Montenegrin (ijekavian: *gdje*, *vrijeme*, *dijete*, *rješenje*, *svjedok*).
//! Each list below holds only forms that are not words of the other standards, so a text with
//! ekavian forms and (next to) no ijekavian ones is Serbian. Serbian written in Bosnia and
//! Herzegovina or Montenegro is ijekavian: it stays with the model's pick, which is still in
//! the family and only labels the document.

/// Ekavian forms of common yat words, among them the vocabulary of judgments and reports.
#[rustfmt::skip]
const EKAVIAN: &[&str] = &[
    "gde", "ovde", "negde", "dve", "pre", "posle", "uvek", "vreme", "mesto", "mestu", "deca",
    "dece", "deci", "decu", "dete", "deteta", "detetu", "rešenje", "rešenja", "rešenju",
    "rešenjem", "reč", "reči", "mera", "mere", "meru", "merama", "delo", "dela", "delu", "deo",
    "delatnost", "delovanje", "sprečavanje", "sprečavanja", "sprečavanju", "smeštaj", "smeštaja",
    "smeštaju", "primena", "primene", "primeni", "primenu", "mesec", "meseca", "meseci", "telo",
    "tela", "telu", "videti", "hteo", "htela", "ceo", "cela", "celog", "celoj", "nedelja",
    "nedelje", "nedelju", "ponedeljak", "lepo", "ocena", "ocene", "svedok", "svedoka", "svedoci", "svedočenje", "svedočio",
    "svedočila", "sednica", "sednice", "sedište", "obaveštenje", "obavešten", "izveštaj",
    "izveštaja", "izveštaju", "poverenje", "zahtev", "zahteva", "zahtevu", "pretnja", "pretnje",
    "pretnjom", "prevara", "prevare", "prevoz", "veštačenje", "veštak", "svest", "vest", "vesti",
    "devojka", "devojke", "devojku", "devojčica", "devojčice",
];

/// The same words' ijekavian forms.
#[rustfmt::skip]
const IJEKAVIAN: &[&str] = &[
    "gdje", "ovdje", "negdje", "dvije", "prije", "poslije", "uvijek", "vrijeme", "mjesto",
    "mjestu", "djeca", "djece", "djeci", "djecu", "dijete", "djeteta", "djetetu", "rješenje",
    "rješenja", "rješenju", "rješenjem", "riječ", "riječi", "mjera", "mjere", "mjeru", "mjerama",
    "djelo", "djela", "djelu", "dio", "djelatnost", "djelovanje", "sprječavanje", "sprječavanja",
    "sprječavanju", "smještaj", "smještaja", "smještaju", "primjena", "primjene", "primjeni",
    "primjenu", "mjesec", "mjeseca", "mjeseci", "tijelo", "tijela", "tijelu", "vidjeti", "htio",
    "htjela", "cijeli", "cijela", "cijelog", "cijeloj", "nedjelja", "nedjelje", "nedjelju", "ponedjeljak", "lijepo", "ocjena",
    "ocjene", "svjedok", "svjedoka", "svjedoci", "svjedočenje", "svjedočio", "svjedočila",
    "sjednica", "sjednice", "sjedište", "obavještenje", "obaviješten", "izvještaj", "izvještaja",
    "izvještaju", "povjerenje", "zahtjev", "zahtjeva", "zahtjevu", "prijetnja", "prijetnje",
    "prijetnjom", "prijevara", "prijevare", "prijevoz", "vještačenje", "vještak", "svijest",
    "vijest", "vijesti", "djevojka", "djevojke", "djevojku", "djevojčica", "djevojčice",
];

/// The ekavian and the ijekavian forms among the words of `sample`.
fn counts(sample: &str) -> (usize, usize) {
    let (mut ekavian, mut ijekavian) = (0, 0);
    let mut lower = String::new();
    for word in sample
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| (2..=24).contains(&w.len()))
    {
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        if EKAVIAN.contains(&lower.as_str()) {
            ekavian += 1;
        } else if IJEKAVIAN.contains(&lower.as_str()) {
            ijekavian += 1;
        }
    }
    (ekavian, ijekavian)
}

/// Whether a Latin text of the Serbo-Croatian family reads as Serbian: at least two ekavian
/// forms, and more than twice as many as ijekavian ones. One is not enough: a Croatian news
/// sentence of the treebank quotes a Serbian official's "striktnije mere". And a Serbian
/// judgment may quote a Croatian law.
pub fn is_ekavian(sample: &str) -> bool {
    let (ekavian, ijekavian) = counts(sample);
    ekavian >= 2 && ekavian > 2 * ijekavian
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_hold_no_common_form() {
        for form in EKAVIAN {
            assert!(!IJEKAVIAN.contains(form), "{form} is in both lists");
        }
    }

    #[test]
    fn ekavian_text_is_serbian_and_ijekavian_text_is_not() {
        // The same sentence in the two standards.
        let serbian = "Svedok je posle sednice izjavio da je devojka dve godine bila u smeštaju.";
        let croatian =
            "Svjedok je poslije sjednice izjavio da je djevojka dvije godine bila u smještaju.";
        assert_eq!(counts(serbian), (6, 0));
        assert_eq!(counts(croatian), (0, 6));
        assert!(is_ekavian(serbian));
        assert!(!is_ekavian(croatian));
        // Capitals count alike.
        assert!(is_ekavian("GDE JE DETE?"));
        // One form may be a quotation.
        assert!(!is_ekavian(
            "Najavio je \"striktnije mere\" protiv nasilja."
        ));
    }

    #[test]
    fn a_text_without_yat_words_or_with_mixed_forms_is_left_open() {
        assert!(!is_ekavian(
            "Okrivljeni je osuđen na kaznu zatvora od tri godine."
        ));
        // A Serbian judgment quoting a Croatian provision keeps its own majority...
        assert!(is_ekavian(
            "Sud je u rešenju naveo da mera i zahtev svedoka stoje, iako zakon kaže: \"mjera\"."
        ));
        // ...but an even mix decides nothing.
        assert!(!is_ekavian("zahtev svedoka; zahtjev svjedoka"));
    }
}
