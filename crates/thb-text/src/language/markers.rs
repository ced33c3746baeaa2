//! Deciding a language by its letters, or English by its function words, before any
//! statistical model runs.
//!
//! Most texts we serve announce their language in a handful of letters no other language we
//! serve writes: ђ and ћ are Serbian Cyrillic, ѓ, ќ and ѕ Macedonian, ы, э and щ Russian;
//! ı and ğ are Turkish, ë is Albanian, é and ê French, č, ć, đ, š and ž the Serbo-Croatian
//! family's. Counting
//! them is a single pass over the sample, a few hundred times cheaper than lingua's n-gram
//! models. English has no letters of its own, but its commonest words (`the`, `of`, `and`, …)
//! are a fifth of any English text and are not words in any other language we serve. Ingest
//! thus only pays for the model when the markers leave the question open (German, Italian,
//! short texts, and South Slavic or Albanian typed without diacritics).
//!
//! A rule decides only when exactly one family's letters are frequent enough and no other
//! family's are: a Croatian judgment quoting a Turkish name, or an English summary quoting
//! `Đorđević`, stays with the model. Thresholds are fractions of the sample's letters, set
//! well below each language's usual frequency (ë is 7–9 % of Albanian letters; č, ć, đ, š and ž
//! together about 3 % of Croatian or Serbian Latin; ı, ğ and ş about 7 % of Turkish) and well
//! above what a quoted name contributes to a text of a few hundred letters.

/// The language families the letters can decide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// Serbian Cyrillic (Bosnian and Montenegrin Cyrillic are tagged Serbian, see `tag_for`).
    SerbianCyrillic,
    Macedonian,
    Russian,
    Turkish,
    Albanian,
    French,
    English,
    /// Serbian Latin, Bosnian, Croatian, Montenegrin: one analyser, the member is left to the
    /// model, restricted to the family.
    SerboCroatianLatin,
}

/// Fewer letters than this and no rule decides: too little text to be sure (and the model is
/// cheap on short texts, its cost grows with their length).
const MIN_LETTERS: usize = 120;

/// Which family a letter marks, if any.
fn marks(c: char) -> Option<Family> {
    Some(match c {
        'ђ' | 'Ђ' | 'ћ' | 'Ћ' => Family::SerbianCyrillic,
        'ѓ' | 'Ѓ' | 'ќ' | 'Ќ' | 'ѕ' | 'Ѕ' => Family::Macedonian,
        'ы' | 'Ы' | 'э' | 'Э' | 'щ' | 'Щ' | 'ъ' | 'Ъ' | 'ё' | 'Ё' | 'й' | 'Й' => {
            Family::Russian
        }
        'ı' | 'İ' | 'ğ' | 'Ğ' | 'ş' | 'Ş' => Family::Turkish,
        'ë' | 'Ë' => Family::Albanian,
        // Not è, à, ù or ç: Italian, Albanian and Turkish write them too.
        'é' | 'É' | 'ê' | 'Ê' | 'œ' | 'Œ' | 'î' | 'Î' | 'ô' | 'Ô' => Family::French,
        'č' | 'Č' | 'ć' | 'Ć' | 'đ' | 'Đ' | 'š' | 'Š' | 'ž' | 'Ž' => {
            Family::SerboCroatianLatin
        }
        _ => return None,
    })
}

/// What a family's marker letters must reach to decide: a count, whatever the sample's length
/// (one quoted name such as `Đorđević` brings three Latin markers), and a share of the
/// sample's letters.
fn threshold(family: Family) -> (usize, f64) {
    match family {
        // ђ/ћ and ѓ/ќ/ѕ are rarer than the Latin markers (a Cyrillic sample also holds half
        // as many letters), but they are the only difference between the two Cyrillic
        // alphabets we serve, and one of the other's letters is enough to leave a text open.
        Family::SerbianCyrillic | Family::Macedonian => (2, 0.002),
        Family::Russian => (4, 0.005),
        Family::Turkish => (4, 0.01),
        Family::Albanian => (4, 0.02),
        // é alone is about 2 % of French letters; Italian writes it only in a few
        // conjunctions (perché, né), English only in borrowed names.
        Family::French => (4, 0.01),
        // A share of words, not letters (see `english_words`).
        Family::English => (8, 0.12),
        Family::SerboCroatianLatin => (4, 0.008),
    }
}

const FAMILIES: [Family; 8] = [
    Family::SerbianCyrillic,
    Family::Macedonian,
    Family::Russian,
    Family::Turkish,
    Family::Albanian,
    Family::French,
    Family::English,
    Family::SerboCroatianLatin,
];

/// English words that are not words of any other language we serve, and together about a
/// fifth of the words of any English text (`in`, `a` and `to` are left out: German, Italian
/// and the South Slavic languages write them too).
const ENGLISH_WORDS: [&str; 12] = [
    "the", "of", "and", "that", "is", "was", "for", "which", "with", "by", "has", "have",
];

/// The number of words in a sample, and how many of them are [`ENGLISH_WORDS`].
fn english_words(sample: &str) -> (usize, usize) {
    let (mut words, mut english) = (0usize, 0usize);
    for word in sample
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if word.len() <= 5 && ENGLISH_WORDS.iter().any(|e| e.eq_ignore_ascii_case(word)) {
            english += 1;
        }
    }
    (words, english)
}

/// The family a sample's markers decide, or `None` when they leave it open.
pub fn decide(sample: &str) -> Option<Family> {
    let mut letters = 0usize;
    let mut counts = [0usize; FAMILIES.len()];
    let slot = |family: Family| FAMILIES.iter().position(|f| *f == family).unwrap_or(0);
    for c in sample.chars() {
        if !c.is_alphabetic() {
            continue;
        }
        letters += 1;
        if let Some(family) = marks(c) {
            counts[slot(family)] += 1;
        }
    }
    if letters < MIN_LETTERS {
        return None;
    }
    let (words, english) = english_words(sample);
    counts[slot(Family::English)] = english;
    let mut decided = None;
    for (family, count) in FAMILIES.into_iter().zip(counts) {
        let (min_count, min_share) = threshold(family);
        let of = if family == Family::English {
            words
        } else {
            letters
        };
        let share = count as f64 / of.max(1) as f64;
        if count >= min_count && share >= min_share {
            if decided.is_some() {
                return None;
            }
            decided = Some(family);
        } else if count >= min_count {
            // A family below its threshold but present more than in passing (a quotation, a
            // list of names) makes the sample mixed: leave it to the model.
            return None;
        }
    }
    decided
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_family_is_decided_by_its_letters() {
        let cases = [
            ("Виши суд у Београду огласио је окривљеног кривим за кривично дело трговине људима, јер је оштећену врбовао обећањем посла у иностранству и довео је у положај зависности.", Some(Family::SerbianCyrillic)),
            ("Основниот кривичен суд Скопје ги осуди обвинетите за трговија со луѓе и ќе мора да платат надомест на штета, бидејќи жртвите биле доведени во положба на зависност.", Some(Family::Macedonian)),
            ("Суд признал обвиняемых виновными в торговле людьми и назначил наказание в виде лишения свободы; потерпевшей выплачена компенсация морального вреда.", Some(Family::Russian)),
            ("İstanbul Ağır Ceza Mahkemesi sanıkları insan ticareti suçundan mahkûm etti ve mağdurlara tazminat ödenmesine karar verdi; sanıkların itirazı reddedildi.", Some(Family::Turkish)),
            ("Gjykata Themelore në Prishtinë e shpalli fajtor të pandehurin për veprën penale trafikim me qenie njerëzore dhe e dënoi me burgim për katër vjet.", Some(Family::Albanian)),
            ("La Cour considère que l'État défendeur n'a pas mis en œuvre un cadre juridique adéquat pour lutter contre la traite des êtres humains, ni protégé la requérante.", Some(Family::French)),
            ("The Court considers that the State failed to put in place an appropriate legal and administrative framework to combat trafficking in human beings, and that the applicant was not protected by the police.", Some(Family::English)),
            ("Županijski sud u Zagrebu proglasio je optuženika krivim za kazneno djelo trgovanja ljudima jer je žrtvu vrbovao obećanjem posla u inozemstvu i zadržao njezine isprave.", Some(Family::SerboCroatianLatin)),
        ];
        for (text, expected) in cases {
            assert_eq!(decide(text), expected, "{text}");
        }
    }

    #[test]
    fn texts_without_markers_are_left_to_the_model() {
        for text in [
            "La Corte ritiene che lo Stato non abbia predisposto un quadro giuridico adeguato per combattere la tratta di esseri umani, perché la vittima non è stata protetta.",
            "Das Gericht stellt fest, dass der Staat keinen angemessenen rechtlichen Rahmen zur Bekämpfung des Menschenhandels geschaffen hat.",
            // Serbian Latin typed without diacritics, as many e-mails and court databases are.
            "Visi sud u Beogradu oglasio je okrivljenog krivim za krivicno delo trgovine ljudima i osudio ga na kaznu zatvora u trajanju od pet godina.",
        ] {
            assert_eq!(decide(text), None, "{text}");
        }
    }

    #[test]
    fn a_quoted_name_does_not_outvote_the_text_and_a_mixed_text_is_left_open() {
        let english_quoting = "In the case of the applicant Đorđević the Court found that the authorities had failed to identify the victim of trafficking in human beings in time.";
        assert_eq!(decide(english_quoting), Some(Family::English));
        let mixed = "Mahkeme sanığı ağır cezaya çarptırdı. Sud je optuženika osudio na kaznu zatvora, a žrtvi je dosuđena naknada štete.";
        assert_eq!(decide(mixed), None);
        assert_eq!(decide("ђћ"), None, "too short to decide");
    }
}
