//! Provisions: the articles of the trafficking instruments a text cites, as a path
//! (`/CETS197/26`, `/ECHR/4`, `/PALERMO/3`, `/RS/CC/388`).
//!
//! # What is read
//!
//! An article marker (`Article`, `Art.`, `član`, `čl.`, `člana`, `članak`, `члан`, `член`,
//! `членот`, `neni`, `nenit`, `nenet`, `madde`, `maddesi`, `artikolu`, and `m.` in Turkish
//! context) and its number (`388`, `418-а`, `418а`, `110/a`, `248A`; paragraphs after it are
//! skipped: `st. 1`, `став 1`, `§ 1`, `/2`), or, in Turkish, the number before the marker
//! (`80. maddesi`, `80 inci maddesi`). A plural marker (`Articles`, `članovi`, `nenet`) or an
//! abbreviation reads a list (`Articles 10 and 12`, `čl. 388 i 389`, `nenet 110/a dhe 128/b`).
//!
//! # Which instrument: the context decides
//!
//! 1. An instrument named in the same sentence after the number (within 16 words), or just
//!    before the marker (`TCK m. 80`, `TCK'nın 80. maddesi`, `CETS No. 197, Article 4`):
//!    - a criminal code (`KZ`, `КЗ`, `Krivičnog zakonika`, `Кривичниот законик`, `Kaznenog
//!      zakona`, `Kodit Penal`, `TCK`, `Türk Ceza Kanunu`, `Criminal Code`, `Kodiċi
//!      Kriminali`): the country the code's name gives (`KZ BiH`, `Kodi Penal i Kosovës`,
//!      `TCK`), else the document's country among those that write the code so, else (a text
//!      without a country) the one country whose trafficking article has that number;
//!    - a convention: the Anti-Trafficking Convention when trafficking or CETS 197 is named
//!      with it, the ECHR when human rights are (or `ECHR`, `EKLJP`, `AİHS`, `KEDNJ`,
//!      `CEDH`, `ЕКЧП`, or a "European" convention), the Palermo Protocol when Palermo is
//!      named; "the Convention" alone is the document's own (the ECHR in a Strasbourg
//!      judgment, the Anti-Trafficking Convention in a GRETA document, the one a text of
//!      law's title names), and nothing where that is unknown;
//!    - any other law (a code of procedure, a constitution, `Zakon o …`, Rules of Court,
//!      Protocol No. 1): not a trafficking provision, nothing is read.
//! 2. No instrument named: the article is the document's country's trafficking offence when
//!    the number is that offence's (`član 388` in a Serbian judgment), else an article of
//!    the document's own convention.
//!
//! Only the trafficking provisions count: Anti-Trafficking Convention Articles 1–47, ECHR
//! Article 4, Palermo Protocol Article 3, and each code's offences in [`NATIONAL`]. A code's
//! other articles (`član 33 KZ`, `TCK m. 79`) are not provisions here.

use super::{Citation, CitationKind, Context, Token};

/// The conventions whose articles are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Convention {
    /// Council of Europe Convention on Action against Trafficking in Human Beings (CETS No. 197).
    Cets197,
    /// European Convention on Human Rights.
    Echr,
    /// Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and
    /// Children (Palermo, 2000).
    Palermo,
}

impl Convention {
    /// The first segment of its provisions' paths.
    pub fn code(self) -> &'static str {
        match self {
            Convention::Cets197 => "CETS197",
            Convention::Echr => "ECHR",
            Convention::Palermo => "PALERMO",
        }
    }

    /// Whether the article is one of its trafficking provisions.
    fn reads(self, article: &Article) -> bool {
        let Ok(number) = article.number.parse::<u16>() else {
            return false;
        };
        article.letter.is_none()
            && match self {
                Convention::Cets197 => (1..=47).contains(&number),
                Convention::Echr => number == 4,
                Convention::Palermo => number == 3,
            }
    }
}

/// A national code's trafficking offence.
#[derive(Debug, Clone, Copy)]
pub struct NationalOffence {
    /// ISO code (`XK` for Kosovo*).
    pub country: &'static str,
    /// The article as the path writes it: number, then a lower-case letter if any.
    pub article: &'static str,
    /// What the offence is, in English.
    pub offence: &'static str,
}

/// The trafficking offences of the region's criminal codes (path `/{country}/CC/{article}`).
pub const NATIONAL: &[NationalOffence] = &[
    NationalOffence {
        country: "RS",
        article: "388",
        offence: "trafficking in human beings",
    },
    NationalOffence {
        country: "RS",
        article: "389",
        offence: "trafficking in minors for adoption",
    },
    NationalOffence {
        country: "BA",
        article: "186",
        offence: "trafficking in human beings (Criminal Code of Bosnia and Herzegovina)",
    },
    NationalOffence {
        country: "ME",
        article: "444",
        offence: "trafficking in human beings",
    },
    NationalOffence {
        country: "MK",
        article: "418a",
        offence: "trafficking in human beings",
    },
    // Criminal Code No. 06/L-074 of Kosovo*, in force since its publication in the Official
    // Gazette No. 2 of 14 January 2019 (gzk.rks-gov.net, ActID=18413). Article 171 as the
    // trafficking article could not be checked against that text here: the sources reached
    // showed the code's title and first articles only. Verify before relying on it.
    NationalOffence {
        country: "XK",
        article: "171",
        offence: "trafficking in persons (unverified article number)",
    },
    NationalOffence {
        country: "AL",
        article: "110a",
        offence: "trafficking of adults",
    },
    NationalOffence {
        country: "AL",
        article: "128b",
        offence: "trafficking of minors",
    },
    NationalOffence {
        country: "TR",
        article: "80",
        offence: "trafficking in human beings",
    },
    NationalOffence {
        country: "MT",
        article: "248a",
        offence: "trafficking in persons",
    },
    NationalOffence {
        country: "HR",
        article: "106",
        offence: "trafficking in human beings",
    },
];

/// Whom a provision belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Instrument {
    Convention(Convention),
    /// A country's criminal code (ISO code).
    CriminalCode(&'static str),
}

/// An article of an instrument.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Provision {
    pub instrument: Instrument,
    pub article: String,
}

impl Provision {
    /// `/CETS197/26`, `/RS/CC/388`.
    pub fn path(&self) -> String {
        match self.instrument {
            Instrument::Convention(c) => format!("/{}/{}", c.code(), self.article),
            Instrument::CriminalCode(country) => format!("/{country}/CC/{}", self.article),
        }
    }
}

/// A path as a user writes it in a filter (`/rs/cc/388`, `MK/CC/418-a`, `/AL/CC/110/a`,
/// `/cets197`) in its canonical form; `None` when it names no instrument read here. A path
/// may stop at the instrument (`/RS`, `/RS/CC`, `/ECHR`): it then takes all its articles.
pub fn normalize_path(value: &str) -> Option<String> {
    let parts: Vec<String> = value
        .trim()
        .trim_matches('/')
        .split('/')
        .map(|p| p.trim().to_string())
        .collect();
    let article = |rest: &[String]| -> Option<String> {
        // Cyrillic letters too: `418-а` is `418a`.
        let joined = thb_text::normalize::fold_for_search_string(&rest.concat().replace('-', ""));
        let digits: String = joined.chars().take_while(char::is_ascii_digit).collect();
        let letter = &joined[digits.len()..];
        let ok = !digits.is_empty()
            && !digits.starts_with('0')
            && letter.len() <= 1
            && letter.chars().all(|c| c.is_ascii_lowercase());
        ok.then_some(joined)
    };
    let head = parts.first()?.to_ascii_uppercase();
    let convention = [Convention::Cets197, Convention::Echr, Convention::Palermo]
        .into_iter()
        .any(|c| c.code() == head);
    if convention {
        return match &parts[1..] {
            [] => Some(format!("/{head}")),
            rest => Some(format!("/{head}/{}", article(rest)?)),
        };
    }
    NATIONAL.iter().find(|o| o.country == head)?;
    match &parts[1..] {
        [] => Some(format!("/{head}")),
        [cc] if cc.eq_ignore_ascii_case("cc") => Some(format!("/{head}/CC")),
        [cc, rest @ ..] if cc.eq_ignore_ascii_case("cc") => {
            Some(format!("/{head}/CC/{}", article(rest)?))
        }
        _ => None,
    }
}

/// The convention a text (a title) names, if it names one.
pub fn named_convention(text: &str) -> Option<Convention> {
    let tokens = super::tokenize(text);
    (0..tokens.len()).find_map(|j| match cue_at(&tokens, j) {
        Some((Cue::Convention(Some(c)), _)) => Some(c),
        _ => None,
    })
}

/// An article number as read: digits and an optional letter (`418-а` → 418, a).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Article {
    number: String,
    letter: Option<char>,
    /// Byte range of the number with its letter.
    span: std::ops::Range<usize>,
}

impl Article {
    fn path_segment(&self) -> String {
        match self.letter {
            Some(letter) => format!("{}{letter}", self.number),
            None => self.number.clone(),
        }
    }
}

/// What names an instrument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// A criminal code, written as the countries listed write theirs.
    Code(&'static [&'static str]),
    /// A convention; `None`: "the Convention" alone.
    Convention(Option<Convention>),
    /// Another law: not a trafficking provision.
    Other,
}

/// Countries whose codes are called `KZ`, `krivični zakon(ik)`, `кривичен законик`.
const KRIVICNI: &[&str] = &["RS", "BA", "ME", "MK", "XK", "HR"];
const KAZNENI: &[&str] = &["HR", "BA"];
const KODI_PENAL: &[&str] = &["AL", "XK"];
const TURKISH: &[&str] = &["TR"];
const MALTESE: &[&str] = &["MT"];
const ANY_CODE: &[&str] = &["RS", "BA", "ME", "MK", "XK", "AL", "TR", "MT", "HR"];

/// The country a code's name gives (`KZ BiH`), or an entity of Bosnia and Herzegovina
/// (`KZ Republike Srpske`, `KZ FBiH`), whose codes are not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Qualifier {
    Country(&'static str),
    Entity,
}

/// What names the instrument of an article: the cue, and for a code the country its name
/// gives, if it gives one.
type Named = (Cue, Option<Qualifier>);

/// Words a citation of a code names its country with (prefixes of search forms), after the
/// code's name.
const QUALIFIERS: &[(&str, Qualifier)] = &[
    ("bih", Qualifier::Country("BA")),
    ("bosn", Qualifier::Country("BA")),
    ("crne", Qualifier::Country("ME")),
    ("cg", Qualifier::Country("ME")),
    ("montenegr", Qualifier::Country("ME")),
    ("srbij", Qualifier::Country("RS")),
    ("serbi", Qualifier::Country("RS")),
    ("hrvatsk", Qualifier::Country("HR")),
    ("croati", Qualifier::Country("HR")),
    ("makedonij", Qualifier::Country("MK")),
    ("macedoni", Qualifier::Country("MK")),
    ("kosov", Qualifier::Country("XK")),
    ("shqiperi", Qualifier::Country("AL")),
    ("albani", Qualifier::Country("AL")),
    ("malt", Qualifier::Country("MT")),
    ("turkiye", Qualifier::Country("TR")),
    ("srpsk", Qualifier::Entity),
    ("fbih", Qualifier::Entity),
    ("federacij", Qualifier::Entity),
    ("brck", Qualifier::Entity),
];

/// Words that name some other law (prefixes of search forms): a number cited with them is
/// not a trafficking provision.
const OTHER_LAWS: &[&str] = &[
    "zakon",
    "zkp",
    "zpp",
    "cmk",
    "kpp",
    "ustav",
    "constitution",
    "kushtetut",
    "anayasa",
    "law",
    "loi",
    "rules",
    "ligj",
    "kanun",
    "directive",
    "regulation",
    "treaty",
    "charter",
    "statute",
    "decree",
    "ordinance",
    "uredb",
    "pravilnik",
    "postup",
    "postap",
    "procedur",
    "muhakem",
    "code",
    "kod",
    "protocol",
    "protokol",
    "sporazum",
    "agreement",
];

/// Words for trafficking (prefixes of search forms), which make a convention or protocol
/// the trafficking one. French `traite` is told from `traité` (treaty) and `traitement`
/// by the article before it (`la traite`), in [`names_trafficking`].
const TRAFFICKING: &[&str] = &[
    "traffick",
    "trgovin",
    "trgovanj",
    "trgovij",
    "trafik",
    "ticaret",
    "traffikar",
];

fn names_trafficking(words: &[&Token<'_>]) -> bool {
    words.iter().enumerate().any(|(n, t)| {
        starts_with_any(t.folded(), TRAFFICKING)
            || t.folded() == "197"
            || (t.folded() == "traite" && n > 0 && words[n - 1].folded() == "la")
    })
}

/// Abbreviations of the ECHR (search forms).
const ECHR_NAMES: &[&str] = &[
    "echr", "ekljp", "kednj", "aihs", "cedh", "ekcp", "eksp", "esljp",
];

/// "European", before a convention: the ECHR when nothing else is said.
const EUROPEAN: &[&str] = &[
    "european",
    "europeenne",
    "evropsk",
    "europsk",
    "avrupa",
    "evropian",
];

fn starts_with_any(word: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| word.starts_with(p))
}

/// Whether the word is an article marker; `Some(true)` when it reads a list.
fn marker(word: &str) -> Option<bool> {
    const LISTS: &[&str] = &[
        "articles",
        "arts",
        "art",
        "cl",
        "clanovi",
        "clanova",
        "clanovima",
        "clanci",
        "clanaka",
        "clenovi",
        "clenovite",
        "nenet",
        "neneve",
        "maddeler",
        "maddeleri",
        "artikoli",
    ];
    if LISTS.contains(&word) {
        return Some(true);
    }
    let single = word == "clanak"
        || word == "clanka"
        || word == "clanku"
        || (word.starts_with("article") && word.len() <= 8)
        || word.starts_with("clan") && matches!(&word[4..], "" | "a" | "u" | "om")
        || word.starts_with("clen") && matches!(&word[4..], "" | "ot" | "a" | "ov")
        || matches!(word, "neni" | "nenit" | "nenin" | "nenet")
        || word.starts_with("madde")
        || matches!(word, "artikolu" | "artikel");
    single.then_some(false)
}

/// The provisions of `text`.
pub(crate) fn find(tokens: &[Token<'_>], context: &Context) -> Vec<Citation> {
    let mut found = Vec::new();
    let turkish_context = context.countries.iter().any(|c| c == "TR");
    let mut i = 0;
    while i < tokens.len() {
        // A marker reads an article only right before its number (`Article 4`, `čl. 388`):
        // the other words are not asked what they are.
        let numbered = {
            let after_dot = usize::from(tokens.get(i + 1).is_some_and(|t| t.is_punct('.')));
            tokens
                .get(i + 1 + after_dot)
                .is_some_and(Token::starts_with_digit)
        };
        if !numbered && !tokens[i].starts_with_digit() {
            i += 1;
            continue;
        }
        let word = tokens[i].folded();
        // `m. 80` is an article only where Turkish law is cited: `TCK m. 80`, or a Turkish
        // document.
        let turkish_m = word == "m"
            && tokens.get(i + 1).is_some_and(|t| t.is_punct('.'))
            && (turkish_context || code_before(tokens, i) == Some(TURKISH));
        let list = if turkish_m { Some(false) } else { marker(word) };
        if let Some(list) = list.filter(|_| tokens[i].is_word()) {
            if let Some((articles, last)) = articles_after(tokens, i, list) {
                let cue = cue_after(tokens, last + 1).or_else(|| cue_before(tokens, i));
                push(&mut found, tokens[i].start, &articles, cue, context);
                i = last + 1;
                continue;
            }
        }
        // Turkish writes the number first: `TCK'nın 80. maddesi`, `80 inci maddesi`.
        if let Some((article, madde)) = number_before_madde(tokens, i) {
            let cue = cue_after(tokens, madde + 1).or_else(|| cue_before(tokens, i));
            push(&mut found, tokens[i].start, &[article], cue, context);
            i = madde + 1;
            continue;
        }
        i += 1;
    }
    found
}

fn push(
    found: &mut Vec<Citation>,
    marker_start: usize,
    articles: &[Article],
    cue: Option<Named>,
    context: &Context,
) {
    for (n, article) in articles.iter().enumerate() {
        let Some(provision) = resolve(article, cue, context) else {
            continue;
        };
        let start = if n == 0 {
            marker_start
        } else {
            article.span.start
        };
        found.push(Citation {
            kind: CitationKind::Provision,
            value: provision.path(),
            span: start..article.span.end,
        });
    }
}

/// Which provision an article is, given the instrument named around it and the document.
fn resolve(article: &Article, cue: Option<Named>, context: &Context) -> Option<Provision> {
    let segment = article.path_segment();
    let national = |country: &str| {
        NATIONAL
            .iter()
            .find(|o| o.country == country && o.article == segment)
            .map(|o| Provision {
                instrument: Instrument::CriminalCode(o.country),
                article: segment.clone(),
            })
    };
    let convention = |c: Convention| {
        c.reads(article).then(|| Provision {
            instrument: Instrument::Convention(c),
            article: segment.clone(),
        })
    };
    match cue {
        Some((Cue::Other, _)) => None,
        Some((Cue::Convention(Some(c)), _)) => convention(c),
        Some((Cue::Convention(None), _)) => convention(context.convention?),
        Some((Cue::Code(_), Some(Qualifier::Country(country)))) => national(country),
        Some((Cue::Code(_), Some(Qualifier::Entity))) => None,
        Some((Cue::Code(countries), None)) => {
            if context.countries.is_empty() {
                let mut matching = countries.iter().filter_map(|c| national(c));
                match (matching.next(), matching.next()) {
                    (Some(one), None) => Some(one),
                    _ => None,
                }
            } else {
                context
                    .countries
                    .iter()
                    .filter(|c| countries.contains(&c.as_str()))
                    .find_map(|c| national(c))
            }
        }
        None => context
            .countries
            .iter()
            .find_map(|c| national(c))
            .or_else(|| convention(context.convention?)),
    }
}

/// The article numbers after the marker at `at` (a list when `list`), and the last token read.
fn articles_after(tokens: &[Token<'_>], at: usize, list: bool) -> Option<(Vec<Article>, usize)> {
    let mut j = at + 1;
    // `Art.`, `čl.`, `m.`
    if tokens.get(j).is_some_and(|t| t.is_punct('.')) {
        j += 1;
    }
    let (first, mut last) = article_at(tokens, j)?;
    let mut articles = vec![first];
    if list {
        loop {
            let mut k = last + 1;
            if tokens.get(k).is_some_and(|t| t.is_punct('.')) {
                k += 1;
            }
            let separator = tokens.get(k).is_some_and(|t| {
                t.is_punct(',')
                    || matches!(t.folded(), "and" | "et" | "i" | "dhe" | "ve" | "e" | "u")
            });
            if !separator {
                break;
            }
            match article_at(tokens, k + 1) {
                Some((next, end)) => {
                    articles.push(next);
                    last = end;
                }
                None => break,
            }
        }
    }
    Some((articles, last))
}

/// An article number at token `j`: `388`, `248A`, `418а`, `418-а`, `110/a` (a paragraph
/// after a slash, `80/2`, is left). Its last token.
fn article_at(tokens: &[Token<'_>], j: usize) -> Option<(Article, usize)> {
    let token = tokens.get(j)?;
    let digits: String = token.raw.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() || digits.len() > 4 || digits.starts_with('0') {
        return None;
    }
    let rest = &token.folded()[digits.len()..];
    let mut letter = None;
    let mut last = j;
    if !rest.is_empty() {
        // `248A`, `418а`: one letter, folded (Cyrillic `а` is Latin `a`).
        let mut chars = rest.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            return None;
        };
        letter = Some(c);
    } else if let (Some(joint), Some(next)) = (tokens.get(j + 1), tokens.get(j + 2)) {
        let single = next.folded().chars().count() == 1
            && next.folded().chars().all(|c| c.is_ascii_lowercase());
        if (joint.is_punct('-') || joint.is_punct('/')) && !joint.spaced && !next.spaced && single {
            letter = next.folded().chars().next();
            last = j + 2;
        }
    }
    let number = digits;
    Some((
        Article {
            number,
            letter,
            span: token.start..tokens[last].end,
        },
        last,
    ))
}

/// `80. maddesi`, `80 inci maddesi`, `80'inci maddesi` at `at`: the article and the token of
/// `madde…`.
fn number_before_madde(tokens: &[Token<'_>], at: usize) -> Option<(Article, usize)> {
    if !tokens[at].is_number() {
        return None;
    }
    let (article, last) = article_at(tokens, at)?;
    for j in last + 1..last + 4 {
        let t = tokens.get(j)?;
        if t.folded().starts_with("madde") {
            return Some((article, j));
        }
        let ordinal = matches!(t.folded(), "inci" | "nci" | "uncu" | "ncu");
        if !(t.is_punct('.') || t.is_punct('\'') || ordinal) {
            return None;
        }
    }
    None
}

/// Where the sentence after an article goes, from `from`: the first instrument it names,
/// within 16 words, before a `;`, a line break, a sentence's end or another article.
fn cue_after(tokens: &[Token<'_>], from: usize) -> Option<Named> {
    let mut words = 0;
    let mut j = from;
    while j < tokens.len() && words < 16 {
        let token = &tokens[j];
        if j > from && token.newline {
            return None;
        }
        if token.is_punct(';') || sentence_ends(tokens, j) {
            return None;
        }
        if token.is_word() {
            if marker(token.folded()).is_some() && tokens.get(j + 1).is_some_and(|t| t.is_number())
            {
                return None;
            }
            if let Some((cue, len)) = cue_at(tokens, j) {
                let qualifier = match cue {
                    Cue::Code(_) => qualifier_after(tokens, j + len),
                    _ => None,
                };
                return Some((cue, qualifier));
            }
            words += 1;
        }
        j += 1;
    }
    None
}

/// An instrument named just before the marker at `at` (`TCK m. 80`, `KZ, čl. 388`,
/// `CETS No. 197, Article 4`, `TCK'nın 80. maddesi`): a cue whose last word is at most a
/// comma, an apostrophe and a Turkish genitive ending away.
fn cue_before(tokens: &[Token<'_>], at: usize) -> Option<Named> {
    for start in at.saturating_sub(7)..at {
        let Some((cue, len)) = cue_at(tokens, start) else {
            continue;
        };
        let between = &tokens[start + len..at];
        let adjacent = between.iter().all(|t| {
            t.is_punct(',')
                || t.is_punct('\'')
                || t.is_punct('(')
                || matches!(t.folded(), "nin" | "nun" | "in" | "un")
        });
        if adjacent && !matches!(cue, Cue::Other) {
            return Some((cue, None));
        }
    }
    None
}

/// The code named just before `at`, if any (for `m.`).
fn code_before(tokens: &[Token<'_>], at: usize) -> Option<&'static [&'static str]> {
    match cue_before(tokens, at) {
        Some((Cue::Code(countries), _)) => Some(countries),
        _ => None,
    }
}

/// A full stop that ends a sentence: before a capitalised word (`… of the Convention. In
/// …`, `[24] . CETS`), unless it ends an abbreviation (`st. 1`, `KZ. Sud`, `No. 197`) or an
/// ordinal (`388. Krivičnog`).
fn sentence_ends(tokens: &[Token<'_>], j: usize) -> bool {
    let abbreviation = |t: &Token<'_>| t.is_number() || (t.is_word() && t.raw.chars().count() <= 3);
    tokens[j].is_punct('.')
        && j > 0
        && !abbreviation(&tokens[j - 1])
        && tokens
            .get(j + 1)
            .is_some_and(|t| t.spaced && t.raw.chars().next().is_some_and(char::is_uppercase))
}

/// The country a code's name gives in the words after it (`KZ BiH`, `Krivičnog zakonika Crne
/// Gore`, `Kodit Penal të Kosovës`), if any.
fn qualifier_after(tokens: &[Token<'_>], from: usize) -> Option<Qualifier> {
    tokens[from..]
        .iter()
        .take(6)
        .take_while(|t| !(t.is_punct(';') || t.is_punct('.') || t.is_number()))
        .filter(|t| t.is_word())
        .find_map(|t| {
            QUALIFIERS
                .iter()
                .find(|(prefix, _)| {
                    t.folded().starts_with(prefix) && (prefix.len() > 2 || t.folded() == *prefix)
                })
                .map(|(_, qualifier)| *qualifier)
        })
}

/// The instrument named at token `j`, and how many tokens name it.
fn cue_at(tokens: &[Token<'_>], j: usize) -> Option<(Cue, usize)> {
    let word = tokens.get(j)?.folded();
    let next = tokens.get(j + 1).map_or("", |t| t.folded());
    let next2 = tokens.get(j + 2).map_or("", |t| t.folded());
    let code = |countries| Some((Cue::Code(countries), 2));
    match word {
        "kz" => return Some((Cue::Code(KRIVICNI), 1)),
        "kzbih" => return Some((Cue::Code(&["BA"]), 1)),
        "kzcg" => return Some((Cue::Code(&["ME"]), 1)),
        "kzrh" => return Some((Cue::Code(&["HR"]), 1)),
        "kprk" => return Some((Cue::Code(&["XK"]), 1)),
        "tck" => return Some((Cue::Code(TURKISH), 1)),
        "cc" => return Some((Cue::Code(ANY_CODE), 1)),
        "criminal" | "penal" if next == "code" => {
            // `the Swiss Criminal Code`: a code of a country not read here.
            let foreign = j > 0
                && tokens[j - 1].is_word()
                && tokens[j - 1].raw.starts_with(char::is_uppercase)
                && !matches!(tokens[j - 1].folded(), "the" | "its" | "this")
                && !QUALIFIERS
                    .iter()
                    .any(|(p, _)| tokens[j - 1].folded().starts_with(p));
            return code(if foreign { &[] } else { ANY_CODE });
        }
        "code" if next == "penal" => return code(ANY_CODE),
        "kodici" if next == "kriminali" => return code(MALTESE),
        "turk" if next == "ceza" && next2.starts_with("kanun") => {
            return Some((Cue::Code(TURKISH), 3))
        }
        "ceza" if next.starts_with("kanun") => return code(TURKISH),
        "cets" | "stce" => {
            // `CETS No. 197`, `STCE n° 197`: the number is part of the name; another number
            // is another treaty of the series.
            let name = tokens[j + 1..]
                .iter()
                .take(4)
                .take_while(|t| matches!(t.folded(), "no" | "n" | "°" | "." | "197"))
                .count();
            let ours = tokens[j + 1..j + 1 + name]
                .iter()
                .any(|t| t.folded() == "197");
            let cue = if ours {
                Cue::Convention(Some(Convention::Cets197))
            } else {
                Cue::Other
            };
            return Some((cue, 1 + name));
        }
        _ => {}
    }
    if word.starts_with("krivicn") && next.starts_with("zakon") {
        return code(KRIVICNI);
    }
    if word.starts_with("kaznen") && next.starts_with("zakon") {
        return code(KAZNENI);
    }
    if word.starts_with("kod") && next.starts_with("penal") {
        return code(KODI_PENAL);
    }
    if ECHR_NAMES.contains(&word) {
        return Some((Cue::Convention(Some(Convention::Echr)), 1));
    }
    if word.starts_with("palerm") {
        return Some((Cue::Convention(Some(Convention::Palermo)), 1));
    }
    let convention_word = word.starts_with("convention")
        || word.starts_with("konvencij")
        || word.starts_with("konvent")
        || word.starts_with("sozlesme")
        || word.starts_with("konvenzjoni");
    if convention_word {
        return Some((which_convention(tokens, j), 1));
    }
    if word.starts_with("protoc") || word.starts_with("protok") {
        // The Palermo Protocol, or another (Protocol No. 1 to the ECHR).
        return match which_convention(tokens, j) {
            Cue::Convention(Some(Convention::Palermo | Convention::Cets197)) => {
                Some((Cue::Convention(Some(Convention::Palermo)), 1))
            }
            _ => Some((Cue::Other, 1)),
        };
    }
    if word.starts_with("krivicn") || word.starts_with("kaznen") {
        // `krivičnom postupku`: the word after decides, as another law or as nothing.
        return None;
    }
    // `its Article 4 case law`, `case-law`: the Court's own decisions, not a statute.
    let case_law = word == "law"
        && tokens[..j]
            .iter()
            .rev()
            .find(|t| !t.is_punct('-'))
            .is_some_and(|t| t.folded() == "case");
    if starts_with_any(word, OTHER_LAWS) && !case_law {
        return Some((Cue::Other, 1));
    }
    None
}

/// Which convention the convention or protocol word at `j` is, from the words of its name:
/// Palermo, trafficking (or CETS 197), human rights, within the three words before it and
/// the name after it (up to a full stop or a closing bracket). A convention with some other
/// name (`Convention de Vienne`, `Framework Convention`, `Convention on the Rights of the
/// Child`) is another instrument; "the Convention" alone is the document's own, and "the
/// European Convention" alone the ECHR.
fn which_convention(tokens: &[Token<'_>], j: usize) -> Cue {
    const SPECIFIERS: &[&str] = &[
        "on",
        "for",
        "of",
        "concerning",
        "de",
        "des",
        "du",
        "sur",
        "relative",
        "o",
        "za",
        "per",
        "mbi",
        "dwar",
        "against",
    ];
    const DETERMINERS: &[&str] = &[
        "the", "la", "le", "l", "this", "cette", "europe", "evrope", "evropes",
    ];
    let before = &tokens[j.saturating_sub(3)..j];
    // The name goes on after the word only as a name does: a preposition, a genitive, the
    // Council (`Convention on Action …`, `Konvencije Saveta Evrope o …`, `Konventës së
    // Këshillit …`, `Protocol to Prevent …`); `the Convention, the concept of trafficking`
    // names nothing after the comma.
    const NAME_STARTS: &[&str] = &[
        "on", "for", "of", "de", "des", "du", "sur", "o", "za", "per", "mbi", "dwar", "against",
        "na", "se", "te", "e", "i", "council", "conseil", "saveta", "savjeta", "vijeca", "sovetot",
        "keshill", "avrupa",
    ];
    let mut after: Vec<&Token<'_>> = tokens[j + 1..]
        .iter()
        .take_while(|t| !(t.is_punct('.') || t.is_punct(';') || t.is_punct(')') || t.is_punct(']')))
        .filter(|t| t.is_word())
        .take(9)
        .collect();
    let protocol =
        tokens[j].folded().starts_with("protoc") || tokens[j].folded().starts_with("protok");
    let named = after.first().is_some_and(|t| {
        (protocol && t.folded() == "to")
            || NAME_STARTS
                .iter()
                .any(|w| t.folded() == *w || (w.len() > 3 && t.folded().starts_with(w)))
            || ECHR_NAMES.contains(&t.folded())
            || starts_with_any(t.folded(), &["palerm", "cets", "stce", "197", "traffick"])
    });
    if !named {
        after.clear();
    }
    let around = || before.iter().chain(after.iter().copied());
    let any = |prefixes: &[&str]| around().any(|t| starts_with_any(t.folded(), prefixes));
    let words: Vec<&Token<'_>> = around().collect();
    let human = around().any(|t| {
        starts_with_any(
            t.folded(),
            &["homme", "ljudsk", "covekov", "njeri", "insan"],
        ) || ECHR_NAMES.contains(&t.folded())
    }) || after
        .windows(2)
        .any(|w| w[0].folded() == "human" && w[1].folded() == "rights");
    if any(&["palerm"]) {
        return Cue::Convention(Some(Convention::Palermo));
    }
    if names_trafficking(&words) {
        return Cue::Convention(Some(Convention::Cets197));
    }
    if human {
        return Cue::Convention(Some(Convention::Echr));
    }
    if after
        .first()
        .is_some_and(|t| SPECIFIERS.contains(&t.folded()))
    {
        return Cue::Other;
    }
    match before.iter().rev().find(|t| t.is_word() && !t.is_number()) {
        Some(t) if starts_with_any(t.folded(), EUROPEAN) => Cue::Convention(Some(Convention::Echr)),
        Some(t) if t.raw.starts_with(char::is_uppercase) && !DETERMINERS.contains(&t.folded()) => {
            Cue::Other
        }
        _ => Cue::Convention(None),
    }
}
