//! The scale-corpus generator: deterministic, realistic, invented documents in every language
//! and script we serve, for benchmarks at 100k–1M documents (`cargo run --release -p thb-gen`).
//!
//! What it owns: a seeded pseudo-random generator written here (SplitMix64, so the bytes of a
//! corpus depend on the seed alone and never on a crate's version), the language profiles
//! (document share, countries, courts, kind labels) and their word lists in
//! `words/` beside this file. Text is drawn word by word from each list with a Zipf law (entry *r*
//! with probability ∝ 1/(r+1)), with a long tail of case numbers, articles, initials and coined
//! words spliced from two listed words, so the term dictionary grows as a real collection's does.
//!
//! Record *n* depends only on `(seed, n)`: records are generated in parallel and written in
//! order, and the same seed gives the same bytes on any machine. Every record is
//! `"provenance": "sample"` with id `gen:<seed>:<n>`; about half leave `language` out so that
//! ingest detects it. Corpora are generated on demand and never committed.
//!
//! It must not: read or write the index, or depend on anything but the document model and the
//! domain data (taxonomy), so a generated record is exactly what a user could ingest.

use std::fmt;
use std::io::{self, Write};
use std::str::FromStr;
use std::sync::LazyLock;

use rayon::prelude::*;

use thb_engine::document::{Access, Date, Document, Greta, Kind, Provenance, Strength};
use thb_engine::domain::taxonomy;

/// Records generated together before being written in order.
const CHUNK: u64 = 1024;

/// Words per document when not told otherwise (the "300–3,000 words each").
pub const DEFAULT_WORDS: WordRange = WordRange {
    min: 300,
    max: 3000,
};

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenerateOptions {
    pub docs: u64,
    pub seed: u64,
    pub words: WordRange,
}

/// Bounds on the words of a document's text; lengths are drawn log-uniformly between them, so
/// short documents are common and long ones rare, as in a real collection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordRange {
    pub min: usize,
    pub max: usize,
}

/// Why a `--words` value was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a word range: expected MIN..MAX with 1 ≤ MIN ≤ MAX ≤ 1000000 (e.g. 300..3000), or one number")]
pub struct WordRangeError(String);

impl FromStr for WordRange {
    type Err = WordRangeError;

    fn from_str(s: &str) -> Result<WordRange, WordRangeError> {
        let bad = || WordRangeError(s.to_string());
        let (min, max) = match s.split_once("..") {
            Some((a, b)) => (a.trim(), b.trim().trim_start_matches('=')),
            None => (s.trim(), s.trim()),
        };
        let min: usize = min.parse().map_err(|_| bad())?;
        let max: usize = max.parse().map_err(|_| bad())?;
        if min == 0 || min > max || max > 1_000_000 {
            return Err(bad());
        }
        Ok(WordRange { min, max })
    }
}

impl fmt::Display for WordRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.min, self.max)
    }
}

/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014):
/// small, fast, and fully specified here, so a seed means the same corpus forever.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The generator of record `n` of the corpus of `seed`, independent of every other record.
    pub fn for_record(seed: u64, n: u64) -> Rng {
        let mut outer = Rng(seed);
        let base = outer.next_u64();
        let mut inner = Rng(base ^ n.wrapping_mul(0xD1B5_4A32_D192_ED03));
        Rng(inner.next_u64())
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0), by multiply-shift (Lemire); the bias is below 2⁻³².
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() as u128 * n as u128) >> 64) as usize
    }

    /// A number in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// An index of `weights`, each drawn in proportion to its weight.
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|w| *w as u64).sum();
        let mut pick = (self.unit() * total as f64) as u64;
        for (i, w) in weights.iter().enumerate() {
            if pick < *w as u64 {
                return i;
            }
            pick -= *w as u64;
        }
        weights.len() - 1
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// One language of the corpus: its share of documents and what its documents look like.
struct Profile {
    tag: &'static str,
    /// Relative share of documents.
    share: u32,
    words: &'static str,
    /// Countries its documents come from, with relative weights.
    countries: &'static [(&'static str, u32)],
    courts: &'static [&'static str],
    /// Labels of judgment, decision, recommendation, report and legislation, in this order.
    kinds: [&'static str; 5],
    /// The case-number prefix its courts write (`K`, `no.`, `E.`).
    case_prefix: &'static str,
    cyrillic: bool,
}

/// The language profiles. Shares follow what the practitioners' collection holds: English
/// (ECtHR and GRETA) most, then the Western Balkan languages, Turkish, French and Maltese.
const PROFILES: &[Profile] = &[
    Profile {
        tag: "en",
        share: 20,
        words: include_str!("words/en.txt"),
        countries: &[
            ("GB", 6),
            ("MT", 2),
            ("CY", 3),
            ("GR", 3),
            ("IE", 2),
            ("AZ", 1),
            ("RU", 2),
            ("UA", 2),
            ("MD", 2),
            ("RS", 2),
            ("BA", 2),
            ("MK", 2),
            ("AL", 2),
            ("XK", 2),
            ("ME", 1),
            ("TR", 2),
            ("AT", 1),
            ("IT", 1),
            ("DE", 1),
        ],
        courts: &[
            "European Court of Human Rights",
            "Court of Appeal (Criminal Division)",
            "Crown Court at Southwark",
            "Supreme Court of the United Kingdom",
            "Court of Criminal Appeal (Malta)",
            "District Court of Limassol",
            "GRETA",
        ],
        kinds: [
            "Judgment",
            "Decision",
            "Recommendation",
            "Evaluation report",
            "Act",
        ],
        case_prefix: "no.",
        cyrillic: false,
    },
    Profile {
        tag: "fr",
        share: 8,
        words: include_str!("words/fr.txt"),
        countries: &[("FR", 6), ("BE", 3), ("LU", 1), ("CH", 2), ("MC", 1)],
        courts: &[
            "Cour européenne des droits de l'homme",
            "Cour de cassation, chambre criminelle",
            "Cour d'appel de Paris",
            "Tribunal correctionnel de Marseille",
            "Tribunal de première instance de Bruxelles",
            "GRETA",
        ],
        kinds: ["Arrêt", "Décision", "Recommandation", "Rapport", "Loi"],
        case_prefix: "n°",
        cyrillic: false,
    },
    Profile {
        tag: "sr-Cyrl",
        share: 9,
        words: include_str!("words/sr-Cyrl.txt"),
        countries: &[("RS", 9), ("BA", 1)],
        courts: &[
            "Виши суд у Београду",
            "Апелациони суд у Београду",
            "Виши суд у Новом Саду",
            "Врховни суд",
            "Окружни суд у Бањој Луци",
        ],
        kinds: ["Пресуда", "Решење", "Препорука", "Извештај", "Закон"],
        case_prefix: "К",
        cyrillic: true,
    },
    Profile {
        tag: "sr-Latn",
        share: 9,
        words: include_str!("words/sr-Latn.txt"),
        countries: &[("RS", 9), ("ME", 1)],
        courts: &[
            "Viši sud u Beogradu",
            "Apelacioni sud u Novom Sadu",
            "Viši sud u Nišu",
            "Viši sud u Kragujevcu",
            "Vrhovni sud",
        ],
        kinds: ["Presuda", "Rešenje", "Preporuka", "Izveštaj", "Zakon"],
        case_prefix: "K",
        cyrillic: false,
    },
    Profile {
        tag: "bs",
        share: 8,
        words: include_str!("words/bs.txt"),
        countries: &[("BA", 1)],
        courts: &[
            "Sud Bosne i Hercegovine",
            "Kantonalni sud u Sarajevu",
            "Kantonalni sud u Tuzli",
            "Općinski sud u Zenici",
            "Osnovni sud Brčko distrikta",
        ],
        kinds: ["Presuda", "Rješenje", "Preporuka", "Izvještaj", "Zakon"],
        case_prefix: "S1 2 K",
        cyrillic: false,
    },
    Profile {
        tag: "hr",
        share: 7,
        words: include_str!("words/hr.txt"),
        countries: &[("HR", 9), ("BA", 1)],
        courts: &[
            "Županijski sud u Zagrebu",
            "Županijski sud u Splitu",
            "Županijski sud u Osijeku",
            "Vrhovni sud Republike Hrvatske",
        ],
        kinds: ["Presuda", "Rješenje", "Preporuka", "Izvješće", "Zakon"],
        case_prefix: "K-",
        cyrillic: false,
    },
    Profile {
        tag: "cnr",
        share: 5,
        words: include_str!("words/cnr.txt"),
        countries: &[("ME", 1)],
        courts: &[
            "Viši sud u Podgorici",
            "Viši sud u Bijelom Polju",
            "Apelacioni sud Crne Gore",
            "Vrhovni sud Crne Gore",
        ],
        kinds: ["Presuda", "Rješenje", "Preporuka", "Izvještaj", "Zakon"],
        case_prefix: "Ks",
        cyrillic: false,
    },
    Profile {
        tag: "mk",
        share: 8,
        words: include_str!("words/mk.txt"),
        countries: &[("MK", 1)],
        courts: &[
            "Основен кривичен суд Скопје",
            "Апелационен суд Скопје",
            "Основен суд Битола",
            "Апелационен суд Гостивар",
            "Врховен суд",
        ],
        kinds: ["Пресуда", "Решение", "Препорака", "Извештај", "Закон"],
        case_prefix: "К.бр.",
        cyrillic: true,
    },
    Profile {
        tag: "sq",
        share: 12,
        words: include_str!("words/sq.txt"),
        countries: &[("AL", 5), ("XK", 5), ("MK", 1)],
        courts: &[
            "Gjykata e Posaçme e Shkallës së Parë",
            "Gjykata e Apelit Tiranë",
            "Gjykata Themelore në Prishtinë",
            "Gjykata Themelore në Prizren",
            "Gjykata e Apelit e Kosovës",
            "Gjykata e Lartë",
        ],
        kinds: ["Aktgjykim", "Vendim", "Rekomandim", "Raport", "Ligj"],
        case_prefix: "PKR.",
        cyrillic: false,
    },
    Profile {
        tag: "tr",
        share: 9,
        words: include_str!("words/tr.txt"),
        countries: &[("TR", 1)],
        courts: &[
            "İstanbul 27. Ağır Ceza Mahkemesi",
            "Ankara 4. Ağır Ceza Mahkemesi",
            "İzmir Bölge Adliye Mahkemesi",
            "Yargıtay 18. Ceza Dairesi",
            "Anayasa Mahkemesi",
        ],
        kinds: ["Karar", "Karar", "Tavsiye", "Rapor", "Kanun"],
        case_prefix: "E.",
        cyrillic: false,
    },
    Profile {
        tag: "mt",
        share: 5,
        words: include_str!("words/mt.txt"),
        countries: &[("MT", 1)],
        courts: &[
            "Qorti tal-Appell Kriminali",
            "Qorti Kriminali",
            "Qorti tal-Maġistrati (Malta) bħala Qorti ta' Ġudikatura Kriminali",
            "Qorti Kostituzzjonali",
        ],
        kinds: [
            "Sentenza",
            "Deċiżjoni",
            "Rakkomandazzjoni",
            "Rapport",
            "Att",
        ],
        case_prefix: "Nru",
        cyrillic: false,
    },
];

/// Relative shares of judgment, decision, recommendation, report, legislation.
const KIND_SHARES: [u32; 5] = [45, 20, 15, 8, 12];

/// Articles of the Trafficking Convention (CETS No. 197) GRETA recommendations cite most.
const GRETA_ARTICLES: [u16; 14] = [5, 6, 10, 11, 12, 13, 14, 15, 16, 18, 19, 23, 27, 29];

/// A language's vocabulary with its Zipf sampling table.
pub struct Vocabulary {
    pub tag: &'static str,
    /// Countries this language's documents come from.
    pub countries: Vec<&'static str>,
    /// Entries in rank order; a collocation is one entry with its words space-separated.
    pub entries: Vec<String>,
    /// Cumulative weights, 1/(r+1) for entry r.
    cumulative: Vec<f64>,
}

impl Vocabulary {
    fn parse(profile: &Profile) -> Vocabulary {
        let data = profile.words;
        let entries: Vec<String> = data
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .flat_map(str::split_whitespace)
            .map(|e| e.replace('_', " "))
            .collect();
        let mut total = 0.0;
        let cumulative = (0..entries.len())
            .map(|r| {
                total += 1.0 / (r as f64 + 1.0);
                total
            })
            .collect();
        Vocabulary {
            tag: profile.tag,
            countries: profile.countries.iter().map(|(c, _)| *c).collect(),
            entries,
            cumulative,
        }
    }

    /// An entry drawn by the Zipf law.
    pub fn draw(&self, rng: &mut Rng) -> &str {
        let total = self.cumulative.last().copied().unwrap_or(0.0);
        let target = rng.unit() * total;
        let i = self.cumulative.partition_point(|c| *c <= target);
        &self.entries[i.min(self.entries.len() - 1)]
    }

    /// Entries of one word, in rank order.
    pub fn single_words(&self) -> impl Iterator<Item = &str> {
        self.entries
            .iter()
            .map(String::as_str)
            .filter(|e| !e.contains(' '))
    }

    /// Collocations (entries of several words), in rank order.
    pub fn collocations(&self) -> impl Iterator<Item = &str> {
        self.entries
            .iter()
            .map(String::as_str)
            .filter(|e| e.contains(' '))
    }
}

static VOCABULARIES: LazyLock<Vec<Vocabulary>> =
    LazyLock::new(|| PROFILES.iter().map(Vocabulary::parse).collect());

/// Every language's vocabulary, in profile order (`en`, `fr`, `sr-Cyrl`, `sr-Latn`, `bs`, `hr`,
/// `cnr`, `mk`, `sq`, `tr`, `mt`). Benchmarks draw their queries from these.
pub fn vocabularies() -> &'static [Vocabulary] {
    &VOCABULARIES
}

/// The language tags the generator writes.
pub fn languages() -> impl Iterator<Item = &'static str> {
    PROFILES.iter().map(|p| p.tag)
}

/// Record `n` of the corpus of `seed`.
pub fn document(seed: u64, n: u64, words: WordRange) -> Document {
    let mut rng = Rng::for_record(seed, n);
    let shares: Vec<u32> = PROFILES.iter().map(|p| p.share).collect();
    let which = rng.weighted(&shares);
    let profile = &PROFILES[which];
    let vocabulary = &vocabularies()[which];
    let kind = Kind::ALL[rng.weighted(&KIND_SHARES)];

    let year = draw_year(&mut rng);
    let date = (!rng.chance(0.04)).then(|| Date {
        year,
        month: 1 + rng.below(12) as u8,
        day: 1 + rng.below(28) as u8,
    });
    let weights: Vec<u32> = profile.countries.iter().map(|(_, w)| *w).collect();
    let mut country = vec![profile.countries[rng.weighted(&weights)].0.to_string()];
    // A Strasbourg judgment may name several respondent States (Rantsev: Cyprus and Russia).
    let strasbourg = matches!(profile.tag, "en" | "fr") && kind == Kind::Judgment;
    if strasbourg && rng.chance(0.1) {
        let second = profile.countries[rng.weighted(&weights)].0;
        if !country.iter().any(|c| c == second) {
            country.push(second.to_string());
        }
    }
    let greta = matches!(kind, Kind::Recommendation | Kind::Report).then(|| Greta {
        round: greta_round(year),
        strength: (kind == Kind::Recommendation).then(|| {
            [Strength::Urges, Strength::Considers, Strength::Invites][rng.weighted(&[3, 5, 2])]
        }),
        articles: {
            let mut articles: Vec<u16> = (0..1 + rng.below(3))
                .map(|_| *rng.pick(&GRETA_ARTICLES))
                .collect();
            articles.sort_unstable();
            articles.dedup();
            articles
        },
        paragraph: Some((10 + rng.below(300)).to_string()),
    });
    let court = match kind {
        Kind::Recommendation | Kind::Report => Some("GRETA".to_string()),
        Kind::Legislation => None,
        _ => Some(rng.pick(profile.courts).to_string()),
    };
    let case_number = format!(
        "{} {}/{}",
        profile.case_prefix,
        1 + rng.below(900),
        date.map_or(year, |d| d.year)
    );
    let title = {
        let mut t = format!("{} {}: ", profile.kinds[kind as usize], case_number);
        let words = 3 + rng.below(6);
        let phrase = sentence(&mut rng, profile, vocabulary, words, false);
        t.push_str(phrase.trim_end_matches('.'));
        t
    };
    let target = draw_length(&mut rng, words);
    let text = text(&mut rng, profile, vocabulary, target);
    let summary = rng.chance(0.3).then(|| {
        let words = 12 + rng.below(20);
        sentence(&mut rng, profile, vocabulary, words, true)
    });
    let themes = draw_themes(&mut rng);
    let application_number = (strasbourg && rng.chance(0.6))
        .then(|| format!("{}/{:02}", 1000 + rng.below(98_000), year % 100));
    let ecli = (kind == Kind::Judgment && rng.chance(0.25)).then(|| {
        format!(
            "ECLI:{}:{}:{}:{}",
            country[0],
            if strasbourg { "ECHR" } else { "SC" },
            year,
            1 + rng.below(9000)
        )
    });
    let access = if rng.chance(0.01) {
        Access::Restricted
    } else {
        Access::Public
    };
    let language = rng.chance(0.5).then(|| profile.tag.to_string());
    Document {
        id: format!("gen:{seed}:{n}"),
        kind,
        title,
        text,
        country,
        date,
        court,
        language,
        themes,
        themes_inferred: Vec::new(),
        summary,
        ecli,
        application_number,
        source_url: None,
        greta,
        access,
        provenance: Some(Provenance::Sample),
        echr: None,
        personal_data: None,
        versions: Vec::new(),
        verdict: None,
        sector: Vec::new(),
        victims: Vec::new(),
        defendants: Vec::new(),
        charges: Vec::new(),
        proceedings: Vec::new(),
    }
}

/// Years 2000–2026, more of them recent (the weight grows linearly with the year).
fn draw_year(rng: &mut Rng) -> u16 {
    let weights: Vec<u32> = (0..27).map(|i| 4 + i).collect();
    2000 + rng.weighted(&weights) as u16
}

/// The GRETA evaluation round running in a year (the first round began in 2010).
fn greta_round(year: u16) -> u8 {
    match year {
        ..=2013 => 1,
        2014..=2017 => 2,
        2018..=2022 => 3,
        _ => 4,
    }
}

fn draw_length(rng: &mut Rng, words: WordRange) -> usize {
    let (lo, hi) = ((words.min as f64).ln(), (words.max as f64).ln());
    ((lo + rng.unit() * (hi - lo)).exp().round() as usize).clamp(words.min, words.max)
}

/// One to four themes, the common ones (sexual and labour exploitation, identification) most
/// often, as a Zipf law over the taxonomy's order; one document in twenty has none.
fn draw_themes(rng: &mut Rng) -> Vec<String> {
    if rng.chance(0.05) {
        return Vec::new();
    }
    let all = taxonomy::all();
    let weights: Vec<u32> = (0..all.len())
        .map(|r| (1000.0 / (r as f64 + 1.0).powf(0.6)) as u32)
        .collect();
    let mut themes: Vec<String> = (0..1 + rng.below(4))
        .map(|_| all[rng.weighted(&weights)].to_string())
        .collect();
    themes.sort_by_key(|t| all.iter().position(|a| a == t));
    themes.dedup();
    themes
}

/// A text of about `target` words, in paragraphs of three to seven sentences.
fn text(rng: &mut Rng, profile: &Profile, vocabulary: &Vocabulary, target: usize) -> String {
    let mut out = String::with_capacity(target * 8);
    let mut written = 0;
    let mut in_paragraph = 0;
    let mut paragraph_length = 3 + rng.below(5);
    while written < target {
        let words = (8 + rng.below(20)).min(target - written).max(1);
        if !out.is_empty() {
            out.push_str(if in_paragraph == paragraph_length {
                "\n\n"
            } else {
                " "
            });
        }
        if in_paragraph == paragraph_length {
            in_paragraph = 0;
            paragraph_length = 3 + rng.below(5);
        }
        out.push_str(&sentence(rng, profile, vocabulary, words, true));
        in_paragraph += 1;
        written += words;
    }
    out
}

/// A sentence of about `words` words, capitalised, with occasional commas.
fn sentence(
    rng: &mut Rng,
    profile: &Profile,
    vocabulary: &Vocabulary,
    words: usize,
    full_stop: bool,
) -> String {
    let mut out = String::with_capacity(words * 8);
    let mut count = 0;
    while count < words {
        if count > 0 {
            out.push_str(if rng.chance(0.06) { ", " } else { " " });
        }
        let roll = rng.unit();
        if roll < 0.015 {
            out.push_str(&initials(rng, profile.cyrillic));
        } else if roll < 0.035 {
            out.push_str(&number(rng));
        } else if roll < 0.065 {
            out.push_str(&coinage(rng, vocabulary));
        } else {
            let entry = vocabulary.draw(rng);
            count += entry.matches(' ').count();
            out.push_str(entry);
        }
        count += 1;
    }
    capitalise_first(&mut out, profile.tag == "tr");
    if full_stop && !out.ends_with('.') {
        out.push('.');
    }
    out
}

/// Anonymised parties, as courts publish them (`M.P.`, `Ј.С.`).
fn initials(rng: &mut Rng, cyrillic: bool) -> String {
    const LATIN: &[char] = &[
        'A', 'B', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'P', 'R', 'S', 'T', 'V',
        'Z', 'Č', 'Š', 'Ž',
    ];
    const CYRILLIC: &[char] = &[
        'А', 'Б', 'В', 'Г', 'Д', 'Ђ', 'Е', 'Ж', 'З', 'И', 'Ј', 'К', 'Л', 'М', 'Н', 'О', 'П', 'Р',
        'С', 'Т', 'Ћ', 'У', 'Ф', 'Ч', 'Ш',
    ];
    let letters = if cyrillic { CYRILLIC } else { LATIN };
    format!("{}.{}.", rng.pick(letters), rng.pick(letters))
}

/// An article, a count, a year or a case number: the numeric tail of legal text.
fn number(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => (1 + rng.below(450)).to_string(),
        1 => (2 + rng.below(30)).to_string(),
        2 => (1990 + rng.below(37)).to_string(),
        _ => format!("{}/{:02}", 1 + rng.below(2000), rng.below(27)),
    }
}

/// A word that is not in the list: the head of one listed word joined to the tail of another
/// (`trgov` + `anjem`). Coinages keep the language's letters and look like its words, and give
/// the vocabulary the long tail of names and rare forms that real case law has.
fn coinage(rng: &mut Rng, vocabulary: &Vocabulary) -> String {
    let pick_word = |rng: &mut Rng| loop {
        let e = &vocabulary.entries[rng.below(vocabulary.entries.len())];
        if !e.contains(' ') && e.chars().count() >= 4 && e.chars().all(char::is_alphabetic) {
            return e.clone();
        }
    };
    let head = pick_word(rng);
    let tail = pick_word(rng);
    let head_chars = 2 + rng.below(head.chars().count() - 1);
    let tail_chars = 2 + rng.below(tail.chars().count() - 1);
    let mut word: String = head.chars().take(head_chars).collect();
    let skip = tail.chars().count() - tail_chars.min(tail.chars().count());
    word.extend(tail.chars().skip(skip).flat_map(char::to_lowercase));
    word
}

/// Upper-cases the first letter; Turkish `i` becomes `İ` and `ı` becomes `I`.
fn capitalise_first(text: &mut String, turkish: bool) {
    let Some(first) = text.chars().next() else {
        return;
    };
    let upper: String = match first {
        'i' if turkish => "İ".to_string(),
        'ı' if turkish => "I".to_string(),
        c => c.to_uppercase().collect(),
    };
    text.replace_range(..first.len_utf8(), &upper);
}

/// What a generation wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GenerateSummary {
    pub docs: u64,
    /// Bytes written (the JSON Lines file).
    pub bytes: u64,
    /// Bytes of document text alone.
    pub text_bytes: u64,
}

/// Writes the corpus as JSON Lines: records generated in parallel chunks, written in order.
pub fn write_jsonl(options: &GenerateOptions, out: &mut dyn Write) -> io::Result<GenerateSummary> {
    let mut summary = GenerateSummary {
        docs: 0,
        bytes: 0,
        text_bytes: 0,
    };
    let mut start = 0;
    while start < options.docs {
        let end = (start + CHUNK).min(options.docs);
        let lines: Vec<(String, usize)> = (start..end)
            .into_par_iter()
            .map(|n| {
                let d = document(options.seed, n, options.words);
                let mut line = serde_json::to_string(&d).expect("a Document always serialises");
                line.push('\n');
                (line, d.text.len())
            })
            .collect();
        for (line, text_bytes) in lines {
            out.write_all(line.as_bytes())?;
            summary.docs += 1;
            summary.bytes += line.len() as u64;
            summary.text_bytes += text_bytes as u64;
        }
        start = end;
    }
    out.flush()?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn generate(docs: u64, seed: u64, words: WordRange) -> Vec<u8> {
        let mut out = Vec::new();
        let options = GenerateOptions { docs, seed, words };
        write_jsonl(&options, &mut out).unwrap();
        out
    }

    const SMALL: WordRange = WordRange { min: 30, max: 300 };

    #[test]
    fn the_same_seed_gives_the_same_bytes() {
        let a = generate(300, 7, SMALL);
        assert_eq!(a, generate(300, 7, SMALL));
        assert_ne!(a, generate(300, 8, SMALL));
        // A record depends on (seed, n) only, not on how many records are generated.
        let first_line = |bytes: &[u8]| bytes.split(|b| *b == b'\n').next().unwrap().to_vec();
        assert_eq!(first_line(&a), first_line(&generate(1, 7, SMALL)));
    }

    #[test]
    fn every_record_is_a_valid_document_already_in_canonical_form() {
        let bytes = generate(600, 42, SMALL);
        let text = String::from_utf8(bytes).unwrap();
        for (n, line) in text.lines().enumerate() {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            let document = Document::from_json(value)
                .unwrap_or_else(|e| panic!("record {n} rejected: {e}\n{line}"));
            assert_eq!(document.id, format!("gen:42:{n}"));
            assert_eq!(document.provenance, Some(Provenance::Sample));
            // Validation cleans nothing: the generator writes what ingest would keep.
            assert_eq!(
                serde_json::to_string(&document).unwrap(),
                line,
                "record {n}"
            );
        }
    }

    #[test]
    fn the_corpus_spans_every_language_kind_and_half_is_left_to_detection() {
        let docs: Vec<Document> = (0..2000).map(|n| document(1, n, SMALL)).collect();
        let mut languages: BTreeMap<&str, usize> = BTreeMap::new();
        let mut undeclared = 0;
        for (n, d) in docs.iter().enumerate() {
            match d.language.as_deref() {
                Some(tag) => *languages.entry(tag).or_default() += 1,
                None => undeclared += 1,
            }
            assert!(d.text.split_whitespace().count() >= SMALL.min, "record {n}");
        }
        for tag in languages_list() {
            assert!(languages.contains_key(tag), "no document declares {tag}");
        }
        assert!((800..1200).contains(&undeclared), "{undeclared} undeclared");
        for kind in Kind::ALL {
            assert!(docs.iter().any(|d| d.kind == kind), "no {kind:?}");
        }
        assert!(docs.iter().any(|d| d.country.iter().any(|c| c == "XK")));
        assert!(docs.iter().any(|d| d.country.len() > 1));
        assert!(docs
            .iter()
            .any(|d| d.greta.as_ref().is_some_and(|g| g.strength.is_some())));
        let years: Vec<u16> = docs.iter().filter_map(Document::year).collect();
        assert_eq!(years.iter().min(), Some(&2000));
        assert_eq!(years.iter().max(), Some(&2026));
    }

    fn languages_list() -> Vec<&'static str> {
        languages().collect()
    }

    #[test]
    fn every_word_list_has_a_few_hundred_entries_and_collocations() {
        for v in vocabularies() {
            assert!(v.entries.len() >= 280, "{}: {}", v.tag, v.entries.len());
            assert!(v.collocations().count() >= 5, "{}", v.tag);
        }
    }

    #[test]
    fn zipf_draws_favour_the_first_entries() {
        let v = &vocabularies()[0];
        let mut rng = Rng::new(3);
        let mut first = 0;
        let mut hundredth = 0;
        for _ in 0..20_000 {
            let e = v.draw(&mut rng);
            first += usize::from(e == v.entries[0]);
            hundredth += usize::from(e == v.entries[99]);
        }
        assert!(first > 20 * hundredth.max(1), "{first} vs {hundredth}");
    }

    #[test]
    fn word_ranges_parse() {
        assert_eq!(
            "300..3000".parse::<WordRange>(),
            Ok(WordRange {
                min: 300,
                max: 3000
            })
        );
        assert_eq!(
            "250..=350".parse::<WordRange>(),
            Ok(WordRange { min: 250, max: 350 })
        );
        assert_eq!(
            "400".parse::<WordRange>(),
            Ok(WordRange { min: 400, max: 400 })
        );
        assert!("3000..300".parse::<WordRange>().is_err());
        assert!("0..10".parse::<WordRange>().is_err());
        assert!("many".parse::<WordRange>().is_err());
    }

    #[test]
    fn turkish_sentences_capitalise_dotted_i() {
        let mut s = "insan ticareti".to_string();
        capitalise_first(&mut s, true);
        assert_eq!(s, "İnsan ticareti");
        let mut s = "ırk".to_string();
        capitalise_first(&mut s, true);
        assert_eq!(s, "Irk");
    }
}
