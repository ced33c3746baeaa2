//! The personal data guard: finds likely unredacted identifiers of people in a text, so that a
//! public document naming a victim's personal number, e-mail address or telephone number is
//! stopped at ingest. Trafficking victims' identities are protected by the Council of Europe
//! Convention on Action against Trafficking in Human Beings (CETS No. 197), Art. 11.
//!
//! This module only detects. It knows nothing of documents, access levels or the index: the
//! policy (public documents only, unless the record or the configuration allows it) is applied
//! by `ingest::prepare`, which checks every string field of a document. A [`Finding`] never
//! carries the whole identifier, only a masked start, so that error messages and logs do not
//! repeat what they are protecting.
//!
//! # Reading the text as the index does
//!
//! The index folds compatibility characters with NFKC (full-width `１`, mathematical `𝟏`,
//! superscript `¹` and circled `①` digits become `1`, a full-width `＠` becomes `@`, no-break
//! and thin spaces become spaces), drops invisible characters (zero-width spaces, soft
//! hyphens, bidi marks) and the combining marks after Latin letters and digits. So a number
//! written in those forms is found by a search for its plain digits, and the guard must see
//! it too. It therefore checks a *view* of the text made with the index's own functions
//! (`normalize::fold_for_search` and `normalize::is_invisible`, character by character), and
//! reports positions and the masked start in the original text.
//!
//! The view also reads the decimal digits of other scripts (Arabic-Indic `١`, Persian `۱`,
//! Devanagari `१`, …) as ASCII digits. The index keeps those as they are (NFKC does not fold
//! them, a test pins it), so a search for ASCII digits does not find them; but every reader
//! can read them, and a publication is what the guard protects.
//!
//! # What is detected
//!
//! * **Personal numbers of the former Yugoslav states** (JMBG in Serbia, Bosnia and
//!   Herzegovina and Montenegro, EMBG in North Macedonia, also still found on old Kosovo* and
//!   Croatian documents): 13 digits `DDMMYYYRRBBBK`, accepted only when `DDMM` is a real day
//!   and month and the check digit `K` is right (see [`jmbg_check_digit`]), so that
//!   thirteen-digit case or account numbers are not flagged (about one in eleven random numbers
//!   passes the checksum alone; the date check removes most of those). Found as one run of
//!   13 digits, even glued to letters (`JMBG1503…`), inside a URL's path or query or after
//!   `ECLI:`; and as groups or single digits joined by one space, dot, dash or underscore
//!   (`15 03 985 71 001 2`, `1.5.0.3…`) when the whole chain holds exactly 13 digits.
//! * **E-mail addresses**: `local@domain.tld`, also with spaces around the `@`, with the `@`
//!   spelt `(at)`, `[at]`, `{at}` or `(@)` and the dots `(dot)` or `[dot]`, and with Unicode
//!   letters in the domain (`ana@пример.срб`); the top-level domain is alphabetic or `xn--`.
//! * **Telephone numbers**: international (`+381 64 123 4567`, `+355 69…`, `00 389 70 123 456`,
//!   `0039 3387347784`, with an optional `(0)`), and national numbers with the trunk prefix `0`
//!   used throughout the region (`064/123-4567`, `011 123 4567`, `(011) 123-4567`,
//!   `070 123 456`, `0532 123 45 67`, `064.123.4567`, `064_123_4567`, `064 / 123 - 4567`):
//!   9–11 digits in at most five groups. Maltese numbers have no trunk prefix and look like any
//!   other eight-digit number, so `7912 3456` or `21234567` is found only right after a word
//!   that announces a telephone number (`PHONE_WORDS`: `tel.`, `mob.`, `telefon`, `phone`,
//!   `numru tat-telefon`, `kontakt`, …), and always in its `+356` / `00356` forms. After such a
//!   word a number may also be glued to it (`tel.0641234567`).
//!
//! # What deliberately passes
//!
//! Each pinned by a test; a false positive keeps a real judgment out of the database.
//!
//! * Case, letter and reference numbers (`K 45/2019`, `Kž1 123/2019`,
//!   `no. 02-01-82/1861 of 10 March 2017`, `document no. 0016/04-14968`): a number right after
//!   a reference word (`REFERENCE_WORDS`: `no.`, `br.`, `case`, …) is not a telephone number,
//!   a `/` may only follow a telephone number's area code, and a group chain holding a date
//!   (`19-09-2007`, `01-02-82`) is a reference.
//! * Application numbers (`25965/04`), HUDOC item numbers (`001-97689`), dates in the usual
//!   shapes, paragraph and article numbers, years; ECLIs and URLs are skipped whole when
//!   looking for telephone numbers and e-mail addresses (not for personal numbers).
//! * Amounts and tables of amounts (`1 055 089 000 lei`, `53 901 000 0 25 000 000`): a
//!   telephone number does not continue a number before it, and a chain of digit groups
//!   counts as a personal number only when it holds exactly 13 digits, never a window of a
//!   longer chain.
//!
//! # What is not caught
//!
//! Names and addresses; numbers spelt in words; a personal number whose 13 digits run on into
//! more digits in the same chain (`1 5 0 3 … 2 4`) or are split by `/`, `,` or a line break;
//! e-mail addresses with the `@` spelt as a bare word (`ana at example dot org`); Maltese
//! numbers without a word announcing them; a telephone number right after a reference word
//! (`br. 064 123 4567`: the price of letting `no. 02-01-82/1861` pass), unless a phone word
//! comes first (`tel. br. 064 …`); digits hidden with characters the index does not drop either
//! (other format characters split the number for the index too). It is a safety net, not a
//! substitute for redaction.

use std::borrow::Cow;
use std::fmt;
use std::ops::ControlFlow;

use unicode_normalization::char::is_combining_mark;

use thb_text::normalize::{fold_for_search, is_invisible};

/// What kind of identifier was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdentifierKind {
    /// A JMBG / EMBG with a valid date and check digit.
    PersonalNumber,
    Email,
    Phone,
}

impl IdentifierKind {
    /// How messages name it.
    pub fn describe(self) -> &'static str {
        match self {
            IdentifierKind::PersonalNumber => "personal number (JMBG)",
            IdentifierKind::Email => "e-mail address",
            IdentifierKind::Phone => "telephone number",
        }
    }
}

/// A likely identifier in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub kind: IdentifierKind,
    /// Byte offset of its first character in the text as written.
    pub offset: usize,
    /// Line (1-based) it starts on.
    pub line: usize,
    /// Column (1-based, in characters) it starts at within its line.
    pub column: usize,
    /// Its first few visible characters as written, and `…`: enough to find it, never the
    /// whole identifier.
    pub masked: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "looks like an unredacted {} at line {}, column {} (`{}`)",
            self.kind.describe(),
            self.line,
            self.column,
            self.masked
        )
    }
}

/// The first likely identifier in `text` (the one that starts first), if any.
pub fn find(text: &str) -> Option<Finding> {
    let view = index_view(text);
    [
        find_personal_number(&view),
        find_email(&view),
        find_phone(&view),
    ]
    .into_iter()
    .flatten()
    .min_by_key(|(_, start, _)| *start)
    .map(|(kind, start, end)| {
        let (start, end) = match view {
            Cow::Borrowed(_) => (start, end),
            Cow::Owned(_) => original_range(text, start, end),
        };
        finding(text, kind, start, end)
    })
}

/// The check digit of a JMBG / EMBG from its first twelve digits.
///
/// The rule of the 1976 Yugoslav regulation on the unique master citizen number, kept by all
/// successor states (Serbia: Zakon o jedinstvenom matičnom broju građana, Sl. glasnik RS
/// 24/2018; the same formula is given in the Wikipedia article "Unique Master Citizen
/// Number"): for digits `abcdefghijkl`,
/// `m = 11 − ((7(a+g) + 6(b+h) + 5(c+i) + 4(d+j) + 3(e+k) + 2(f+l)) mod 11)`,
/// and the check digit is `m`, or 0 when `m` is 10 or 11.
pub fn jmbg_check_digit(first_twelve: &[u8; 12]) -> u8 {
    let d = first_twelve.map(|b| u32::from(b - b'0'));
    let weighted: u32 = (0..6).map(|i| (7 - i as u32) * (d[i] + d[i + 6])).sum();
    match 11 - weighted % 11 {
        10 | 11 => 0,
        m => m as u8,
    }
}

/// True when 13 ASCII digits are a plausible JMBG: a real day and month and the right check
/// digit. The year `YYY` is the last three digits of the birth year (`990` → 1990, `005` →
/// 2005), needed only to know whether 29 February exists.
pub fn is_jmbg(digits: &[u8]) -> bool {
    let Ok(digits) = <&[u8; 13]>::try_from(digits) else {
        return false;
    };
    if !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let number = |range: std::ops::Range<usize>| {
        digits[range]
            .iter()
            .fold(0u32, |n, b| n * 10 + u32::from(b - b'0'))
    };
    let (day, month, yyy) = (number(0..2), number(2..4), number(4..7));
    let year = if yyy >= 800 { 1000 + yyy } else { 2000 + yyy };
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(month, year) {
        return false;
    }
    let first_twelve: &[u8; 12] = digits[..12].try_into().expect("13 digits");
    jmbg_check_digit(first_twelve) == digits[12] - b'0'
}

fn days_in_month(month: u32, year: u32) -> u32 {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The digit zero of every script whose decimal digits NFKC leaves alone, sorted (a test
/// checks); the digits of a script are the ten code points from its zero (Unicode Standard
/// §4.6, "Numeric Value": decimal digits are encoded in contiguous runs from zero to nine).
/// Full-width, mathematical, superscript and circled digits are not here: NFKC folds them.
const DECIMAL_DIGIT_ZEROS: &[char] = &[
    '\u{660}',   // Arabic-Indic
    '\u{6f0}',   // Extended Arabic-Indic (Persian, Urdu)
    '\u{7c0}',   // NKo
    '\u{966}',   // Devanagari
    '\u{9e6}',   // Bengali
    '\u{a66}',   // Gurmukhi
    '\u{ae6}',   // Gujarati
    '\u{b66}',   // Oriya
    '\u{be6}',   // Tamil
    '\u{c66}',   // Telugu
    '\u{ce6}',   // Kannada
    '\u{d66}',   // Malayalam
    '\u{de6}',   // Sinhala Lith
    '\u{e50}',   // Thai
    '\u{ed0}',   // Lao
    '\u{f20}',   // Tibetan
    '\u{1040}',  // Myanmar
    '\u{1090}',  // Myanmar Shan
    '\u{17e0}',  // Khmer
    '\u{1810}',  // Mongolian
    '\u{1946}',  // Limbu
    '\u{19d0}',  // New Tai Lue
    '\u{1a80}',  // Tai Tham Hora
    '\u{1a90}',  // Tai Tham Tham
    '\u{1b50}',  // Balinese
    '\u{1bb0}',  // Sundanese
    '\u{1c40}',  // Lepcha
    '\u{1c50}',  // Ol Chiki
    '\u{a620}',  // Vai
    '\u{a8d0}',  // Saurashtra
    '\u{a900}',  // Kayah Li
    '\u{a9d0}',  // Javanese
    '\u{a9f0}',  // Myanmar Tai Laing
    '\u{aa50}',  // Cham
    '\u{abf0}',  // Meetei Mayek
    '\u{104a0}', // Osmanya
    '\u{10d30}', // Hanifi Rohingya
    '\u{11066}', // Brahmi
    '\u{110f0}', // Sora Sompeng
    '\u{11136}', // Chakma
    '\u{111d0}', // Sharada
    '\u{112f0}', // Khudawadi
    '\u{11450}', // Newa
    '\u{114d0}', // Tirhuta
    '\u{11650}', // Modi
    '\u{116c0}', // Takri
    '\u{11730}', // Ahom
    '\u{118e0}', // Warang Citi
    '\u{11950}', // Dives Akuru
    '\u{11c50}', // Bhaiksuki
    '\u{11d50}', // Masaram Gondi
    '\u{11da0}', // Gunjala Gondi
    '\u{16a60}', // Mro
    '\u{16ac0}', // Tangsa
    '\u{16b50}', // Pahawh Hmong
    '\u{1e140}', // Nyiakeng Puachue Hmong
    '\u{1e2f0}', // Wancho
    '\u{1e950}', // Adlam
];

/// The ASCII digit a decimal digit of another script stands for.
fn ascii_digit(c: char) -> Option<char> {
    let after = DECIMAL_DIGIT_ZEROS.partition_point(|zero| *zero <= c);
    let zero = *DECIMAL_DIGIT_ZEROS.get(after.checked_sub(1)?)?;
    let value = u32::from(c) - u32::from(zero);
    (value < 10).then(|| char::from(b'0' + value as u8))
}

/// Whether the index reads `c` exactly as written: printable ASCII, a line feed or a tab.
fn read_as_written(byte: u8) -> bool {
    matches!(byte, b' '..=b'~' | b'\n' | b'\t')
}

/// A stretch of the original text and what the guard reads there: a run of characters the
/// index reads as written (`as_written`: offsets map one to one), or one other character.
struct Piece<'a> {
    at: usize,
    len: usize,
    read: &'a str,
    as_written: bool,
}

/// Calls `each` with the pieces of `original` in order. A character not read as written is
/// read as nothing when it is invisible or a combining mark, otherwise as its search fold (the
/// index's own: NFKC, lowercase, Latin diacritics off, Cyrillic to Latin) with the digits of
/// other scripts as ASCII digits.
fn fold_each(original: &str, mut each: impl FnMut(Piece<'_>) -> ControlFlow<()>) {
    let bytes = original.as_bytes();
    let mut search_form = String::new();
    let mut read = String::new();
    let mut at = 0;
    while at < bytes.len() {
        let run = bytes[at..]
            .iter()
            .position(|b| !read_as_written(*b))
            .unwrap_or(bytes.len() - at);
        let piece = if run > 0 {
            Piece {
                at,
                len: run,
                read: &original[at..at + run],
                as_written: true,
            }
        } else {
            let c = original[at..].chars().next().expect("a character");
            let read = match common_read(c) {
                Some(known) => known,
                None => {
                    read_into(c, &mut search_form, &mut read);
                    read.as_str()
                }
            };
            Piece {
                at,
                len: c.len_utf8(),
                read,
                as_written: false,
            }
        };
        at += piece.len;
        if each(piece).is_break() {
            return;
        }
    }
}

/// What the guard reads for `c` (see [`fold_each`]), written into `read`.
fn read_into(c: char, search_form: &mut String, read: &mut String) {
    read.clear();
    if dropped_by_the_index(c) {
        return;
    }
    search_form.clear();
    fold_for_search(c.encode_utf8(&mut [0u8; 4]), search_form);
    read.extend(search_form.chars().map(|f| {
        if f.is_ascii() {
            f
        } else {
            ascii_digit(f).unwrap_or(f)
        }
    }));
}

/// The blocks nearly every character of the region's texts that is not ASCII comes from:
/// Latin-1 to Latin Extended-B, Greek, Cyrillic and General Punctuation.
const COMMON_BLOCKS: [std::ops::RangeInclusive<u32>; 2] = [0x80..=0x4ff, 0x2000..=0x206f];

/// What the guard reads for a character of [`COMMON_BLOCKS`], from a table made once with
/// [`read_into`] itself: a Serbian or Macedonian text is read without folding each of its
/// letters again.
fn common_read(c: char) -> Option<&'static str> {
    static TABLE: std::sync::OnceLock<Vec<Box<str>>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let (mut search_form, mut read) = (String::new(), String::new());
        COMMON_BLOCKS
            .iter()
            .flat_map(|block| block.clone())
            .map(|code| {
                match char::from_u32(code) {
                    Some(c) => read_into(c, &mut search_form, &mut read),
                    None => read.clear(),
                }
                read.as_str().into()
            })
            .collect()
    });
    let code = u32::from(c);
    let mut offset = 0;
    for block in &COMMON_BLOCKS {
        if block.contains(&code) {
            return Some(&table[offset + (code - block.start()) as usize]);
        }
        offset += (block.end() - block.start() + 1) as usize;
    }
    None
}

/// The text the detectors read (see the module documentation); `text` itself when the index
/// reads it as written, which is the common case of plain ASCII.
fn index_view(text: &str) -> Cow<'_, str> {
    // Counted rather than `all`: without an early exit the loop runs many bytes at a time.
    if text.bytes().filter(|b| !read_as_written(*b)).count() == 0 {
        return Cow::Borrowed(text);
    }
    let mut view = String::with_capacity(text.len());
    fold_each(text, |piece| {
        view.push_str(piece.read);
        ControlFlow::Continue(())
    });
    Cow::Owned(view)
}

/// The byte range of `original` whose characters the view reads as `view[start..end]`. Walks
/// the text again rather than keeping a map: only the one finding reported needs it.
fn original_range(original: &str, start: usize, end: usize) -> (usize, usize) {
    let mut range = (original.len(), original.len());
    let mut started = false;
    let mut view = 0;
    fold_each(original, |piece| {
        let next = view + piece.read.len();
        if !started && next > start {
            range.0 = piece.at + if piece.as_written { start - view } else { 0 };
            started = true;
        }
        if started && !piece.read.is_empty() && next >= end {
            range.1 = if piece.as_written {
                piece.at + (end - view)
            } else {
                piece.at + piece.len
            };
            return ControlFlow::Break(());
        }
        view = next;
        ControlFlow::Continue(())
    });
    range
}

/// Whether the guard reads `c` as nothing: an invisible character or a combining mark. The
/// Latin letters below U+0300 and the Cyrillic letters are answered without the mark table,
/// which they make up nearly all of in the region's texts.
fn dropped_by_the_index(c: char) -> bool {
    is_invisible(c)
        || (c >= '\u{300}' && !('\u{400}'..='\u{482}').contains(&c) && is_combining_mark(c))
}

/// Builds a finding for `text[start..end]`, with its line, column and masked form.
fn finding(text: &str, kind: IdentifierKind, start: usize, end: usize) -> Finding {
    let before = &text[..start];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let visible = || {
        text[start..end]
            .chars()
            .filter(|c| !dropped_by_the_index(*c))
    };
    // At most four characters, and never more than half of the identifier.
    let shown = (visible().count() / 2).clamp(1, 4);
    let mut masked: String = visible().take(shown).collect();
    masked.push('…');
    Finding {
        kind,
        offset: start,
        line: before.matches('\n').count() + 1,
        column: text[line_start..start].chars().count() + 1,
        masked,
    }
}

type Span = (IdentifierKind, usize, usize);

fn char_before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

fn char_at(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

/// How far around a candidate [`in_skipped_token`] looks for the token's ends, in bytes. A
/// bound keeps the guard linear on hostile input (megabytes without a space); a longer URL is
/// checked as if it started at the window's edge, which errs towards a finding.
const TOKEN_WINDOW: usize = 512;

/// True when the whitespace-delimited token around `at` is an ECLI or a URL, whose digits are
/// identifiers of decisions and pages, not telephone numbers. (Personal numbers are looked
/// for there too: a URL's query can carry one.)
fn in_skipped_token(text: &str, at: usize) -> bool {
    let mut window_start = at.saturating_sub(TOKEN_WINDOW);
    while !text.is_char_boundary(window_start) {
        window_start -= 1;
    }
    let mut window_end = (at + TOKEN_WINDOW).min(text.len());
    while !text.is_char_boundary(window_end) {
        window_end += 1;
    }
    let start = text[window_start..at]
        .rfind(char::is_whitespace)
        .map_or(window_start, |i| {
            let i = window_start + i;
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        });
    let end = text[at..window_end]
        .find(char::is_whitespace)
        .map_or(window_end, |i| at + i);
    let token = text[start..end].trim_start_matches(['(', '[', '"', '\'', '<']);
    let starts_with = |prefix: &str| {
        token
            .get(..prefix.len())
            .is_some_and(|t| t.eq_ignore_ascii_case(prefix))
    };
    starts_with("ecli:") || token.contains("://") || starts_with("www.")
}

/// True when a digit run at `start..end` continues a longer number: `160-0101006500006-78`
/// (a Serbian bank account is 3-13-2 digits), `1.234`, `12/345`.
fn joined_to_number(bytes: &[u8], start: usize, end: usize) -> bool {
    let joiner = |b: u8| matches!(b, b'-' | b'/' | b'.' | b',' | b'_');
    let before = start >= 2 && joiner(bytes[start - 1]) && bytes[start - 2].is_ascii_digit();
    let after = end + 1 < bytes.len() && joiner(bytes[end]) && bytes[end + 1].is_ascii_digit();
    before || after
}

/// Maximal runs of ASCII digits, as byte ranges.
fn digit_runs(bytes: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && !bytes[i].is_ascii_digit() {
            i += 1;
        }
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        Some((start, i))
    })
}

/// What may stand between the parts of a personal number written in groups or digit by digit
/// (`15 03 985 71 001 2`, `1.5.0.3…`, `150398-571001-2`): one space (no-break and thin spaces
/// read as one), dot, dash or underscore. Not `/` or `,`, which join case numbers and lists.
fn joins_number_parts(byte: u8) -> bool {
    matches!(byte, b' ' | b'.' | b'-' | b'_')
}

/// Digit runs joined by [`joins_number_parts`], as read so far.
struct Chain {
    start: usize,
    end: usize,
    digits: usize,
    runs: usize,
}

/// A chain of at least two runs is a personal number when it holds exactly 13 digits: never
/// a window of a longer chain, which is what tables of amounts (`53 901 000 0 25 000 000`)
/// are made of.
fn personal_number_in_chain(bytes: &[u8], chain: &Chain) -> Option<Span> {
    if chain.runs < 2 || chain.digits != 13 || joined_to_number(bytes, chain.start, chain.end) {
        return None;
    }
    let mut digits = [0u8; 13];
    let chain_digits = bytes[chain.start..chain.end]
        .iter()
        .filter(|b| b.is_ascii_digit());
    for (slot, digit) in digits.iter_mut().zip(chain_digits) {
        *slot = *digit;
    }
    is_jmbg(&digits).then_some((IdentifierKind::PersonalNumber, chain.start, chain.end))
}

fn find_personal_number(text: &str) -> Option<Span> {
    let bytes = text.as_bytes();
    let mut chain: Option<Chain> = None;
    for (start, end) in digit_runs(bytes) {
        match &mut chain {
            Some(c) if start == c.end + 1 && joins_number_parts(bytes[c.end]) => {
                c.end = end;
                c.digits += end - start;
                c.runs += 1;
            }
            _ => {
                // The chain before this run has ended; it starts before any run after it.
                if let Some(found) = chain
                    .as_ref()
                    .and_then(|c| personal_number_in_chain(bytes, c))
                {
                    return Some(found);
                }
                chain = Some(Chain {
                    start,
                    end,
                    digits: end - start,
                    runs: 1,
                });
            }
        }
        // Thirteen digits in one run, whatever letters they are glued to (`JMBG1503…`, a
        // URL's `?jmbg=…`, an `ECLI:…:` prefix), unless a joiner continues them as a longer
        // number.
        if end - start == 13 && !joined_to_number(bytes, start, end) && is_jmbg(&bytes[start..end])
        {
            return Some((IdentifierKind::PersonalNumber, start, end));
        }
    }
    chain.and_then(|c| personal_number_in_chain(bytes, &c))
}

/// How an `@` is written: itself (a full-width `＠` or small `﹫` reads as `@`), or spelt to get
/// past address harvesters. Matched whatever the case, with up to two spaces either side.
const AT_SIGNS: &[&str] = &["@", "(at)", "[at]", "{at}", "<at>", "(@)", "[@]"];

/// How a dot between the labels of a domain is written; a spelt one may have a space either
/// side.
const DOTS: &[&str] = &[".", "(dot)", "[dot]", "{dot}"];

/// Longest local part (RFC 5321 §4.5.3.1.1) and domain looked at: bounds the work per `@`.
const MAX_LOCAL_CHARS: usize = 64;
const MAX_DOMAIN_BYTES: usize = 255;

fn starts_with_ignore_case(text: &str, at: usize, pattern: &str) -> bool {
    text.as_bytes()
        .get(at..at + pattern.len())
        .is_some_and(|b| b.eq_ignore_ascii_case(pattern.as_bytes()))
}

/// `at` moved forwards past at most `most` spaces.
fn skip_spaces(bytes: &[u8], mut at: usize, most: usize) -> usize {
    let limit = at + most;
    while at < limit && bytes.get(at) == Some(&b' ') {
        at += 1;
    }
    at
}

fn is_email_local(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

fn is_domain_label(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// Reads a domain from `start`: its end, its number of labels and its last label.
fn read_domain(text: &str, start: usize) -> (usize, usize, &str) {
    let bytes = text.as_bytes();
    let (mut at, mut end, mut labels, mut top) = (start, start, 0, "");
    while at - start <= MAX_DOMAIN_BYTES {
        let label_end = text[at..]
            .char_indices()
            .find(|(_, c)| !is_domain_label(*c))
            .map_or(text.len(), |(i, _)| at + i);
        if label_end == at {
            break;
        }
        labels += 1;
        top = &text[at..label_end];
        end = label_end;
        let next = DOTS.iter().find_map(|dot| {
            let spaced = dot.len() > 1;
            let dot_at = if spaced {
                skip_spaces(bytes, label_end, 1)
            } else {
                label_end
            };
            let after = dot_at + dot.len();
            starts_with_ignore_case(text, dot_at, dot).then(|| {
                if spaced {
                    skip_spaces(bytes, after, 1)
                } else {
                    after
                }
            })
        });
        match next {
            Some(next) if char_at(text, next).is_some_and(is_domain_label) => at = next,
            _ => break,
        }
    }
    (end, labels, top)
}

fn find_email(text: &str) -> Option<Span> {
    let bytes = text.as_bytes();
    // An `@`, or a bracket before `a` or `@` (`(at)`, `[@]`): legal text is full of brackets.
    // Found with `memchr`, which reads many bytes at a time: this runs over every text.
    let mut signs: Vec<usize> = memchr::memchr3_iter(b'@', b'(', b'[', bytes)
        .chain(memchr::memchr2_iter(b'{', b'<', bytes))
        .filter(|&at| bytes[at] == b'@' || matches!(bytes.get(at + 1), Some(b'a' | b'A' | b'@')))
        .collect();
    signs.sort_unstable();
    for at in signs {
        let Some(sign) = AT_SIGNS
            .iter()
            .find(|s| starts_with_ignore_case(text, at, s))
        else {
            continue;
        };
        let mut local_end = at;
        while local_end > 0 && at - local_end < 2 && bytes[local_end - 1] == b' ' {
            local_end -= 1;
        }
        let mut start = local_end;
        for (i, c) in text[..local_end].char_indices().rev().take(MAX_LOCAL_CHARS) {
            if !is_email_local(c) {
                break;
            }
            start = i;
        }
        while start < local_end && matches!(bytes[start], b'.' | b'-' | b'+') {
            start += 1;
        }
        if start == local_end {
            continue;
        }
        let (end, labels, top) = read_domain(text, skip_spaces(bytes, at + sign.len(), 2));
        let top_level = (top.chars().count() >= 2 && top.chars().all(char::is_alphabetic))
            || (top.len() > 4 && starts_with_ignore_case(top, 0, "xn--"));
        if labels >= 2 && top_level && !in_skipped_token(text, at) {
            return Some((IdentifierKind::Email, start, end));
        }
    }
    None
}

/// Words that announce a telephone number, as the view reads them (`тел.` reads `tel`,
/// `tél.` reads `tel`, `Telefonnummer` reads `telefonnummer`): the word before the number is
/// one of these or starts with one of [`PHONE_WORD_STEMS`].
const PHONE_WORDS: &[&str] = &[
    "tel", // every language of the region, English, French (`tél.`)
    "tlf", "tfn", // Nordic and other abbreviations seen in foreign records
    "mob", // Serbian, Croatian, Bosnian, Macedonian, Albanian, Maltese, English
    "gsm", // Turkish, Albanian, Belgian and Dutch usage
    "cep", // Turkish `cep` (mobile), `cep tel.`
    "fax", "faks",
];

/// Stems of words that announce a telephone number (see [`PHONE_WORDS`]).
const PHONE_WORD_STEMS: &[&str] = &[
    "telef",   // telefon, telefona, telefonu (sr, hr, bs, mk, tr), telefoni(t) (sq), telefon (mt)
    "teleph",  // telephone, téléphone
    "phone",   // phone, phones
    "mobil",   // mobile, mobilni, mobilen, mobilný
    "mobit",   // mobitel (hr)
    "mowbajl", // Maltese mobile
    "kontakt", // sr, hr, bs, mk, sq, tr
    "contact", // en, fr
    "kuntatt", // Maltese contact
    "iletisim", // Turkish contact (`iletişim`)
    "cell",    // cell, cellulare
    "celu",    // celular (sq)
];

/// Words that may stand between a phone word and the number (`tel. br.`, `phone no.`,
/// `numru tat-telefon` needs none: the phone word is last).
const NUMBER_WORDS: &[&str] = &[
    "no", "nr", "br", "broj", "number", "numri", "numru", "numara", "numarasi", "num",
];

/// Words after which a number is a reference, not a telephone number: `no. 02-01-82/1861`,
/// `Kt. br. 012/2019`, `Case 002/19-09-2007`, `document no. 0016/04-14968`.
const REFERENCE_WORDS: &[&str] = &["no", "nos", "nr", "nrs", "br", "case", "ref", "file"];

/// What the word before a number says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Announced {
    Phone,
    Reference,
    Nothing,
}

/// The ASCII word ending just before `at` (past up to three spaces and punctuation marks),
/// and where it starts; empty when there is none or it is too long to be one of ours.
fn word_before(text: &str, at: usize) -> (&str, usize) {
    let bytes = text.as_bytes();
    let mut end = at;
    while end > 0
        && at - end < 3
        && matches!(
            bytes[end - 1],
            b' ' | b'.' | b':' | b'-' | b'#' | b'(' | b','
        )
    {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && end - start <= 16 && bytes[start - 1].is_ascii_alphabetic() {
        start -= 1;
    }
    if end - start > 16 {
        return ("", start);
    }
    (&text[start..end], start)
}

fn is_phone_word(word: &str) -> bool {
    !word.is_empty()
        && (PHONE_WORDS.iter().any(|w| word.eq_ignore_ascii_case(w))
            || PHONE_WORD_STEMS
                .iter()
                .any(|stem| starts_with_ignore_case(word, 0, stem)))
}

fn announced(text: &str, at: usize) -> Announced {
    let (word, word_start) = word_before(text, at);
    let is = |list: &[&str], word: &str| list.iter().any(|w| word.eq_ignore_ascii_case(w));
    if is_phone_word(word) {
        return Announced::Phone;
    }
    if is(NUMBER_WORDS, word) && is_phone_word(word_before(text, word_start).0) {
        return Announced::Phone;
    }
    if is(REFERENCE_WORDS, word) {
        return Announced::Reference;
    }
    Announced::Nothing
}

/// A number written as digit groups, as read from one starting point.
struct Groups {
    /// The groups' digits, without separators; a `(0)` trunk group is not included.
    digits: String,
    /// Digit count of each group (a `(0)` trunk group excluded).
    lengths: Vec<usize>,
    /// The separator before each group after the first: its mark (`-`, `/`, `.`, `_`), or
    /// `' '` for spaces alone, `'('` for a parenthesised group directly after the previous
    /// one, `')'` for a group directly after a parenthesised one.
    separators: Vec<u8>,
    /// Whether each group was in parentheses.
    parenthesised: Vec<bool>,
    end: usize,
}

/// The separator between two groups of a telephone number at `at`: a space, or a mark
/// (`-`, `/`, `.`, `_`) with at most a space either side (`064 / 123 - 4567`). Returns the
/// mark (`' '` for a space alone) and the separator's length.
fn group_separator(bytes: &[u8], at: usize) -> Option<(u8, usize)> {
    let after_space = skip_spaces(bytes, at, 1);
    match bytes.get(after_space) {
        Some(&mark @ (b'-' | b'/' | b'.' | b'_')) => {
            Some((mark, skip_spaces(bytes, after_space + 1, 1) - at))
        }
        _ if after_space > at => Some((b' ', 1)),
        _ => None,
    }
}

/// Reads `digits`, or `(digits)`, at `at`: returns the digit range and the end.
fn read_group(text: &str, at: usize) -> Option<(usize, usize, usize, bool)> {
    let bytes = text.as_bytes();
    let parenthesised = bytes.get(at) == Some(&b'(');
    let digits_start = if parenthesised { at + 1 } else { at };
    let mut i = digits_start;
    while i < bytes.len() && bytes[i].is_ascii_digit() {
        i += 1;
    }
    if i == digits_start {
        return None;
    }
    if parenthesised {
        if bytes.get(i) != Some(&b')') {
            return None;
        }
        return Some((digits_start, i, i + 1, true));
    }
    Some((digits_start, i, i, false))
}

/// More groups than any telephone number has; reading stops there (the candidate is then no
/// telephone number), so each candidate costs a bounded amount of work.
const MAX_GROUPS: usize = 7;

/// Reads digit groups from `at` (just after a `+`, if there was one), separated as
/// [`group_separator`] says, or by nothing around a parenthesised group.
fn read_groups(text: &str, at: usize) -> Option<Groups> {
    let bytes = text.as_bytes();
    let (first_start, first_end, mut end, first_parenthesised) = read_group(text, at)?;
    let mut groups = Groups {
        digits: text[first_start..first_end].to_string(),
        lengths: vec![first_end - first_start],
        separators: Vec::new(),
        parenthesised: vec![first_parenthesised],
        end,
    };
    let mut previous_parenthesised = first_parenthesised;
    let mut read = 1;
    while read < MAX_GROUPS && groups.digits.len() <= 17 {
        read += 1;
        let (separator, group_at) = match (group_separator(bytes, end), bytes.get(end)) {
            (Some((mark, length)), _) => (mark, end + length),
            (None, Some(b'(')) => (b'(', end),
            (None, Some(b)) if previous_parenthesised && b.is_ascii_digit() => (b')', end),
            _ => break,
        };
        let Some((start, stop, after, parenthesised)) = read_group(text, group_at) else {
            break;
        };
        end = after;
        previous_parenthesised = parenthesised;
        if parenthesised && &text[start..stop] == "0" {
            // `+381 (0)11 …`: the trunk prefix shown for national dialling; not dialled.
            continue;
        }
        groups.digits.push_str(&text[start..stop]);
        groups.lengths.push(stop - start);
        groups.separators.push(separator);
        groups.parenthesised.push(parenthesised);
    }
    groups.end = end;
    Some(groups)
}

impl Groups {
    fn group(&self, i: usize) -> &str {
        let start: usize = self.lengths[..i].iter().sum();
        &self.digits[start..start + self.lengths[i]]
    }

    /// True when the groups read like a date or a case number rather than a telephone
    /// number: `01-02-2019 12`, `07/2019 123`, `002/19-09-2007`, `02-01-82/1861`.
    fn look_like_date_or_case_number(&self) -> bool {
        let year_like = |digits: &str| {
            digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"))
        };
        let day_and_month = |i: usize| {
            self.lengths[i] == 2
                && self.lengths[i + 1] == 2
                && self
                    .group(i)
                    .parse::<u32>()
                    .is_ok_and(|d| (1..=31).contains(&d))
                && self
                    .group(i + 1)
                    .parse::<u32>()
                    .is_ok_and(|m| (1..=12).contains(&m))
        };
        let count = self.lengths.len();
        let date_at = |i: usize| {
            day_and_month(i)
                && (year_like(self.group(i + 2))
                    // `01-02-82`: a two-digit year, with one mark used twice.
                    || (self.lengths[i + 2] == 2
                        && self.separators[i] == self.separators[i + 1]
                        && matches!(self.separators[i], b'.' | b'-' | b'/')))
        };
        let number_slash_year = count >= 2 && year_like(self.group(1));
        number_slash_year || (0..count.saturating_sub(2)).any(date_at)
    }

    /// A `/` follows an area code only: at most one, and (in a national number) right after
    /// the first group, in an international one never right after the country code.
    fn slashes_fit_a_phone(&self, international: bool) -> bool {
        let slashes = self.separators.iter().filter(|s| **s == b'/').count();
        let first_is_slash = self.separators.first() == Some(&b'/');
        match slashes {
            0 => true,
            1 => first_is_slash != international,
            _ => false,
        }
    }
}

/// True when a number starting at `at` continues a number before it: `53 901 000 0 25 000 000`
/// is one amount and a table cell, not a telephone number from its fourth group on.
fn continues_number_before(bytes: &[u8], at: usize) -> bool {
    at >= 2
        && matches!(bytes[at - 1], b' ' | b'.' | b'-' | b'/' | b'_')
        && bytes[at - 2].is_ascii_digit()
}

/// The bytes a telephone number can start with (see [`find_phone`]), as a table: one load a
/// byte where a `match` compiled to a chain of comparisons.
const PHONE_STARTS: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 6 {
        table[b"+(0279"[i] as usize] = true;
        i += 1;
    }
    table
};

fn find_phone(text: &str) -> Option<Span> {
    let bytes = text.as_bytes();
    // Where a number can start: a `+`, a `(`, or a digit that does not continue a digit.
    let candidates = bytes.iter().enumerate().filter(|&(at, &b)| {
        PHONE_STARTS[usize::from(b)]
            && (matches!(b, b'+' | b'(') || at == 0 || !bytes[at - 1].is_ascii_digit())
    });
    for (at, &first) in candidates {
        // A Maltese number, or one glued to a word (`tel.0641234567`), must be announced by a
        // phone word. The words before are read last, once the digits look like a telephone
        // number: most candidates are years and paragraph numbers, and reading words for each
        // would cost more than all the rest.
        let maltese_candidate = matches!(first, b'2' | b'7' | b'9');
        let starts_a_word = char_before(text, at).is_none_or(|c| {
            c.is_whitespace() || matches!(c, '(' | '[' | ':' | ';' | ',' | '"' | '\'')
        });
        let international = first == b'+';
        if !international && continues_number_before(bytes, at) {
            continue;
        }
        let Some(groups) = read_groups(text, if international { at + 1 } else { at }) else {
            continue;
        };
        // The number must end there: not glued to a letter, and not continued as a decimal,
        // a longer number or a reference (`…/2007/ECCC`).
        let glued_to_letter = char_at(text, groups.end).is_some_and(char::is_alphanumeric);
        let continues = match bytes.get(groups.end) {
            Some(b'.' | b',' | b' ') => bytes.get(groups.end + 1).is_some_and(u8::is_ascii_digit),
            Some(b'/' | b'-') => bytes
                .get(groups.end + 1)
                .is_some_and(u8::is_ascii_alphanumeric),
            _ => false,
        };
        if glued_to_letter || continues {
            continue;
        }
        let phone = if international {
            is_international_phone(&groups)
        } else if maltese_candidate {
            is_maltese_phone(&groups)
        } else {
            is_national_phone(&groups)
        };
        if !phone {
            continue;
        }
        match announced(text, at) {
            Announced::Reference => continue,
            Announced::Phone => {}
            Announced::Nothing if maltese_candidate || !starts_a_word => continue,
            Announced::Nothing => {}
        }
        if !in_skipped_token(text, at) {
            return Some((IdentifierKind::Phone, at, groups.end));
        }
    }
    None
}

/// After a `+`: E.164, a country code (no leading zero) and at most 15 digits in all.
fn is_international_phone(groups: &Groups) -> bool {
    let digits = groups.digits.as_bytes();
    digits[0] != b'0'
        && (8..=15).contains(&digits.len())
        && !groups.parenthesised[0]
        && groups.slashes_fit_a_phone(true)
}

/// A number starting with `0`: `00` and a country code (the international prefix dialled
/// from the region), or the trunk prefix `0` and a national number.
fn is_national_phone(groups: &Groups) -> bool {
    let digits = groups.digits.as_bytes();
    let count = digits.len();
    if count >= 3 && digits[0] == b'0' && digits[1] == b'0' {
        return digits[2] != b'0'
            && (11..=17).contains(&count)
            && !groups.parenthesised[0]
            && groups.slashes_fit_a_phone(true);
    }
    // Trunk prefix `0`, then an area or mobile code that does not start with 0.
    if count < 2 || digits[0] != b'0' || digits[1] == b'0' {
        return false;
    }
    let group_count = groups.lengths.len();
    let shaped = group_count == 1
        || ((1..=4).contains(&groups.lengths[0])
            && groups.lengths[1..].iter().all(|n| *n >= 2)
            // A `0` alone only before a parenthesised code: `0 (532) …`, never `0.123 456`
            // or the `0` cell of a table.
            && (groups.lengths[0] > 1 || groups.parenthesised[1]));
    (9..=11).contains(&count)
        && group_count <= 5
        && shaped
        && groups.slashes_fit_a_phone(false)
        && !groups.look_like_date_or_case_number()
}

/// A Maltese national number (after a word announcing a telephone number): eight digits,
/// starting with 2 (fixed lines) or 7 or 9 (mobiles), in at most three groups of two or more.
fn is_maltese_phone(groups: &Groups) -> bool {
    groups.digits.len() == 8
        && groups.lengths.len() <= 3
        && groups.lengths.iter().all(|n| *n >= 2)
        && !groups.separators.contains(&b'/')
        && !groups.parenthesised.contains(&true)
        && !groups.look_like_date_or_case_number()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The check digit computed independently of the code under test, straight from the
    /// formula as published, so the tests do not trust `jmbg_check_digit` to build their input.
    fn with_check_digit(first_twelve: &str) -> String {
        let d: Vec<u32> = first_twelve
            .chars()
            .map(|c| c.to_digit(10).unwrap())
            .collect();
        let sum = 7 * (d[0] + d[6])
            + 6 * (d[1] + d[7])
            + 5 * (d[2] + d[8])
            + 4 * (d[3] + d[9])
            + 3 * (d[4] + d[10])
            + 2 * (d[5] + d[11]);
        let m = 11 - sum % 11;
        let k = if m >= 10 { 0 } else { m };
        format!("{first_twelve}{k}")
    }

    /// A wrong check digit for the same first twelve digits.
    fn with_wrong_check_digit(first_twelve: &str) -> String {
        let right = with_check_digit(first_twelve);
        let k = right.as_bytes()[12] - b'0';
        format!("{first_twelve}{}", (k + 1) % 10)
    }

    fn kind_of(text: &str) -> Option<IdentifierKind> {
        find(text).map(|f| f.kind)
    }

    #[test]
    fn the_published_example_and_computed_numbers_are_valid_jmbgs() {
        // The example used in the literature on the JMBG: 1 January 2006, region 50.
        assert!(is_jmbg(b"0101006500006"));
        assert_eq!(jmbg_check_digit(b"010100650000"), 6);
        for first_twelve in [
            "150398571001", // 15 March 1985, Belgrade region 71
            "290200045012", // 29 February 2000 (a leap year)
            "311297241023", // 31 December 1972, Skopje region 41 (EMBG)
            "070101010203", // 7 January 2010, Sarajevo region 17 … any region is accepted
            "010195096543", // region 96 (Kosovo*)
        ] {
            let jmbg = with_check_digit(first_twelve);
            assert!(is_jmbg(jmbg.as_bytes()), "{jmbg}");
            assert!(
                !is_jmbg(with_wrong_check_digit(first_twelve).as_bytes()),
                "{jmbg}"
            );
        }
    }

    #[test]
    fn check_digits_of_ten_and_eleven_become_zero() {
        // Among the serial numbers of one day and region, some weighted sums leave remainder
        // 1 (m = 10) and some 0 (m = 11): both give the check digit 0.
        let mut remainders_seen = [false; 2];
        for serial in 0..1000 {
            let first_twelve = format!("150398571{serial:03}");
            let expected = with_check_digit(&first_twelve);
            let bytes: &[u8; 12] = first_twelve.as_bytes().try_into().unwrap();
            assert_eq!(
                jmbg_check_digit(bytes),
                expected.as_bytes()[12] - b'0',
                "{first_twelve}"
            );
            let d: Vec<u32> = first_twelve
                .chars()
                .map(|c| c.to_digit(10).unwrap())
                .collect();
            let sum: u32 = (0..6).map(|i| (7 - i as u32) * (d[i] + d[i + 6])).sum();
            if sum % 11 <= 1 {
                remainders_seen[(sum % 11) as usize] = true;
                assert!(expected.ends_with('0') && is_jmbg(expected.as_bytes()));
            }
        }
        assert_eq!(remainders_seen, [true, true], "both cases were exercised");
    }

    #[test]
    fn a_jmbg_needs_a_real_day_and_month() {
        for first_twelve in [
            "320198571001", // day 32
            "001298571001", // day 0
            "011398571001", // month 13
            "300298571001", // 30 February
            "290298571001", // 29 February 1985: not a leap year
            "000000000000", // zeros (account numbers padded to 13 digits)
        ] {
            let number = with_check_digit(first_twelve);
            assert!(!is_jmbg(number.as_bytes()), "{number}");
        }
        assert!(!is_jmbg(b"123"));
        assert!(!is_jmbg(b"01010065000a6"));
    }

    #[test]
    fn personal_numbers_in_text_are_found_with_their_position() {
        let jmbg = with_check_digit("150398571001");
        let text = format!("Okrivljeni A.B.\nrođen 15.03.1985,\n  JMBG: {jmbg}, nastanjen u Nišu.");
        let f = find(&text).expect("found");
        assert_eq!(f.kind, IdentifierKind::PersonalNumber);
        assert_eq!(f.line, 3);
        assert_eq!(f.column, 9);
        assert_eq!(&text[f.offset..f.offset + 13], jmbg);
        assert_eq!(f.masked, "1503…");
        let message = f.to_string();
        assert!(
            message.contains("personal number (JMBG) at line 3, column 9"),
            "{message}"
        );
        assert!(
            !message.contains(&jmbg),
            "the number is never echoed: {message}"
        );
        // Columns count characters, not bytes (Cyrillic is two bytes a letter).
        let cyrillic = format!("ЈМБГ {jmbg}");
        assert_eq!(find(&cyrillic).unwrap().column, 6);
    }

    #[test]
    fn checksum_invalid_and_embedded_thirteen_digit_numbers_are_not_personal_numbers() {
        let valid = with_check_digit("150398571001");
        let invalid = with_wrong_check_digit("150398571001");
        for text in [
            format!("broj {invalid}"),
            format!("račun 160-{valid}-78"), // the middle of a bank account number
            format!("broj {valid}4"),        // fourteen digits
            format!("broj {valid}.5"),       // a decimal
        ] {
            assert_eq!(find(&text), None, "{text}");
        }
    }

    #[test]
    fn email_addresses_are_found() {
        let cases = [
            ("Kontakt: ana.petrovic@gmail.com.", 10, "ana.…"),
            ("write to a.b@example.org", 10, "a.b@…"),
            ("(x_y+tag@mail.co.uk)", 2, "x_y+…"),
            ("mailto:ab@x.mk", 8, "ab@…"),
        ];
        for (text, column, masked) in cases {
            let f = find(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(f.kind, IdentifierKind::Email, "{text}");
            assert_eq!(f.column, column, "{text}");
            assert_eq!(f.masked, masked, "{text}");
        }
        for text in [
            "@GRETA_CoE on social media",
            "user@localhost",
            "a@b.c",
            "price @ 5.00",
            "x@123.45",
            "https://example.org/contact?who=ana@example.org",
        ] {
            assert_eq!(find(text), None, "{text}");
        }
    }

    #[test]
    fn telephone_numbers_are_found_in_the_regions_forms() {
        let cases = [
            ("tel. +381 64 123 4567", "+381…"),
            ("+381641234567", "+381…"),
            ("Tel: +381 (0)11 123-4567", "+381…"),
            ("+355 69 123 4567", "+355…"),
            ("+389 70 123 456", "+389…"),
            ("+356 2122 4567", "+356…"),
            ("+90 532 123 45 67", "+90 …"),
            ("00 389 70 123 456", "00 3…"),
            ("00381641234567", "0038…"),
            ("mob. 064/123-4567", "064/…"),
            ("064/123-45-67", "064/…"),
            ("064 123 4567", "064 …"),
            ("0641234567", "0641…"),
            ("011 123 4567", "011 …"),
            ("(011) 123-4567", "(011…"),
            ("070 123 456", "070 …"),
            ("044 123 456", "044 …"),
            ("069 123 4567", "069 …"),
            ("0532 123 45 67", "0532…"),
            ("0 (532) 123 45 67", "0 (5…"),
            ("telefon: 063\u{a0}123\u{a0}456", "063\u{a0}…"),
        ];
        for (text, masked) in cases {
            let f = find(text).unwrap_or_else(|| panic!("not found: {text}"));
            assert_eq!(f.kind, IdentifierKind::Phone, "{text}");
            assert_eq!(f.masked, masked, "{text}");
        }
        let f = find("Svedok je pozvao\nbroj 064/123-4567 dva puta.").unwrap();
        assert_eq!((f.line, f.column), (2, 6));
    }

    #[test]
    fn the_earliest_finding_wins() {
        let jmbg = with_check_digit("150398571001");
        let text = format!("a@example.org, {jmbg}, 064 123 4567");
        assert_eq!(kind_of(&text), Some(IdentifierKind::Email));
        let text = format!("064 123 4567, {jmbg}, a@example.org");
        assert_eq!(kind_of(&text), Some(IdentifierKind::Phone));
        let text = format!("{jmbg}, a@example.org");
        assert_eq!(kind_of(&text), Some(IdentifierKind::PersonalNumber));
    }

    #[test]
    fn hostile_texts_are_scanned_in_linear_time() {
        // Each of these made an earlier draft quadratic (every `0` re-reading all the groups
        // after it, or every candidate scanning back to the start of a space-free token). Two
        // megabytes each: quadratic work would not finish in any reasonable time.
        let jmbg = with_check_digit("150398571001");
        let megabyte = 1 << 20;
        let hostile = [
            "0 ".repeat(megabyte),
            "(0".repeat(megabyte),
            format!("http://x{}", ":0641234567".repeat(megabyte / 11)),
            format!("http://x{}", "/a@example.org".repeat(megabyte / 14)),
            "a@".repeat(megabyte),
            "+1 ".repeat(megabyte),
            // Later drafts' traps: chains of single digits, spelt `@`s, phone words before
            // every number, a view of nothing but folded characters.
            "1 ".repeat(megabyte),
            "a (at) ".repeat(megabyte / 7),
            "tel. 2".repeat(megabyte / 6),
            "\u{ff10}\u{301}".repeat(megabyte / 5),
        ];
        for text in &hostile {
            // Within the token window a URL is recognised; past it, the guard errs towards a
            // finding.
            let found = find(text);
            assert!(
                found.as_ref().is_none_or(|f| f.offset > TOKEN_WINDOW),
                "{}: {found:?}",
                text.chars().take(20).collect::<String>()
            );
        }
        // A personal number in a URL is found at once, however long the URL.
        let in_url = format!("http://x{}", format!(":{jmbg}").repeat(megabyte / 14));
        assert_eq!(
            find(&in_url).map(|f| (f.kind, f.offset)),
            Some((IdentifierKind::PersonalNumber, 9))
        );
    }

    #[test]
    fn the_shipped_corpus_holds_no_identifier() {
        // A corpus document flagged here is a false positive to fix in the detector (or real
        // personal data to remove from the corpus).
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        let files = crate::ingest::collect_files(&[corpus]).unwrap();
        let mut checked = 0;
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            let records: Vec<serde_json::Value> = match file.extension().and_then(|e| e.to_str()) {
                Some("jsonl") => text
                    .lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(|l| serde_json::from_str(l).unwrap())
                    .collect(),
                Some("md") => vec![crate::ingest::markdown::record(&text).value.unwrap()],
                _ => serde_json::from_str::<serde_json::Value>(&text)
                    .map(|v| match v {
                        serde_json::Value::Array(a) => a,
                        other => vec![other],
                    })
                    .unwrap(),
            };
            for record in records {
                // Every string the record holds, as ingest checks them.
                let mut strings = vec![&record];
                while let Some(value) = strings.pop() {
                    match value {
                        serde_json::Value::String(s) => {
                            let found = find(s);
                            assert_eq!(found, None, "{}: {}", file.display(), record["id"]);
                        }
                        serde_json::Value::Array(values) => strings.extend(values),
                        serde_json::Value::Object(fields) => strings.extend(fields.values()),
                        _ => {}
                    }
                }
                checked += 1;
            }
        }
        assert!(checked >= 200, "only {checked} corpus documents read");
    }

    /// `ascii` with its digits written with the ten digits starting at `zero`.
    fn in_script(ascii: &str, zero: char) -> String {
        ascii
            .chars()
            .map(|c| {
                c.to_digit(10)
                    .map_or(c, |d| char::from_u32(u32::from(zero) + d).unwrap())
            })
            .collect()
    }

    /// `ascii` (digits only) with each digit mapped through `digits`.
    fn with_digits(ascii: &str, digits: [char; 10]) -> String {
        ascii
            .chars()
            .map(|c| digits[c.to_digit(10).unwrap() as usize])
            .collect()
    }

    /// A JMBG written in its groups `DD MM YYY RR BBB K` with `separator` between them.
    fn grouped(jmbg: &str, separator: &str) -> String {
        [
            &jmbg[0..2],
            &jmbg[2..4],
            &jmbg[4..7],
            &jmbg[7..9],
            &jmbg[9..12],
            &jmbg[12..],
        ]
        .join(separator)
    }

    /// Every digit of `digits` with `separator` between.
    fn spaced(digits: &str, separator: &str) -> String {
        digits
            .chars()
            .map(String::from)
            .collect::<Vec<_>>()
            .join(separator)
    }

    const SUPERSCRIPT: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    const CIRCLED: [char; 10] = ['⓪', '①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨'];

    /// One row per way of writing an identifier: what the guard must say (`J` personal number,
    /// `E` e-mail address, `P` telephone number, `N` deliberately not caught) and the text.
    fn variant_rows() -> Vec<(Option<IdentifierKind>, String)> {
        const J: Option<IdentifierKind> = Some(IdentifierKind::PersonalNumber);
        const E: Option<IdentifierKind> = Some(IdentifierKind::Email);
        const P: Option<IdentifierKind> = Some(IdentifierKind::Phone);
        const N: Option<IdentifierKind> = None;
        let j = with_check_digit("150398571001");
        let wrong = with_wrong_check_digit("150398571001");
        vec![
            // Personal numbers: the digits the index folds (NFKC) and other scripts' digits.
            (J, format!("JMBG {j}")),                     // jmbg plain
            (J, format!("JMBG {}", in_script(&j, '０'))), // jmbg fullwidth
            (J, format!("JMBG {}", in_script(&j, '٠'))),  // jmbg arabic-indic
            (J, format!("JMBG {}", in_script(&j, '۰'))),  // jmbg persian
            (J, format!("JMBG {}", in_script(&j, '०'))),  // jmbg devanagari
            (J, format!("JMBG {}", in_script(&j, '𝟎'))),  // jmbg math bold
            (J, format!("JMBG {}", in_script(&j, '𝟘'))),  // jmbg math double-struck
            (J, format!("JMBG {}", in_script(&j, '𝟶'))),  // jmbg math monospace
            (J, format!("JMBG {}", with_digits(&j, SUPERSCRIPT))), // jmbg superscript
            (J, format!("JMBG {}", with_digits(&j, CIRCLED))), // jmbg circled
            (
                J,
                format!(
                    "JMBG {}{}",
                    in_script(&j[..6], '٠'),
                    in_script(&j[6..], '０')
                ),
            ), // jmbg mixed scripts
            // … written in its groups or digit by digit.
            (J, format!("JMBG {}", grouped(&j, " "))), // jmbg groups spaces
            (J, format!("JMBG {}", grouped(&j, "."))), // jmbg groups dots
            (J, format!("JMBG {}", grouped(&j, "-"))), // jmbg groups dashes
            (J, format!("JMBG {}", grouped(&j, "_"))), // jmbg groups underscores
            (J, format!("JMBG {}", grouped(&j, "\u{a0}"))), // jmbg groups no-break space
            (J, format!("JMBG {}", grouped(&j, "\u{202f}"))), // jmbg groups narrow no-break space
            (J, format!("JMBG {}", grouped(&j, "\u{2009}"))), // jmbg groups thin space
            (J, format!("JMBG {}-{}", &j[..7], &j[7..])), // jmbg date and rest
            (J, format!("JMBG {}", spaced(&j, " "))),  // jmbg digits spaces
            (J, format!("JMBG {}", spaced(&j, "."))),  // jmbg digits dots
            (J, format!("JMBG {}", spaced(&j, "-"))),  // jmbg digits dashes
            (J, format!("JMBG {}", spaced(&j, "\u{a0}"))), // jmbg digits no-break space
            (J, format!("JMBG {}", spaced(&j, "\u{2009}"))), // jmbg digits thin space
            (
                J,
                format!("JMBG {}", in_script(&grouped(&j, "\u{a0}"), '０')),
            ), // jmbg fullwidth in groups
            // … with what the index drops inside.
            (J, format!("JMBG {}\u{301}{}", &j[..5], &j[5..])), // jmbg combining mark
            (J, format!("JMBG {}", spaced(&j, "\u{332}"))), // jmbg combining marks on every digit
            (J, format!("JMBG {}", spaced(&j, "\u{fe0f}\u{20e3}"))), // jmbg keycaps
            (J, format!("JMBG {}\u{200b}{}", &j[..4], &j[4..])), // jmbg zero-width space
            (J, format!("JMBG {}", spaced(&j, "\u{ad}"))),  // jmbg soft hyphens
            (J, format!("JMBG {}\u{2060}{}", &j[..9], &j[9..])), // jmbg word joiner
            (J, format!("JMBG \u{202e}{j}\u{202c}")),       // jmbg bidi marks
            // … glued to letters, in URLs and ECLIs.
            (J, format!("JMBG{j}")),   // jmbg glued before
            (J, format!("{j}JMBG")),   // jmbg glued after
            (J, format!("ЈМБГ{j}")),   // jmbg glued cyrillic
            (J, format!("ref. X{j}")), // jmbg code
            (J, format!("https://example.org/search?jmbg={j}&x=1")), // jmbg url query
            (J, format!("https://example.org/osoba/{j}/profil")), // jmbg url path
            (J, format!("https://example.org/?q={}", in_script(&j, '０'))), // jmbg url fullwidth
            (J, format!("ECLI:RS:VSRS:2019:{j}")), // jmbg after ECLI
            // Deliberately not personal numbers.
            (N, format!("JMBG {}", in_script(&wrong, '０'))), // jmbg wrong check digit
            (N, format!("{} 4", spaced(&j, " "))),            // jmbg in a longer chain
            (N, format!("160-{}-78", grouped(&j, "-"))),      // jmbg in a bank account
            (N, format!("{}/{}", &j[..6], &j[6..])),          // jmbg split by slash
            (N, format!("{}\n{}", &j[..6], &j[6..])),         // jmbg split across lines
            (N, format!("JMBG {}", &j[..12])),                // twelve digits
            // E-mail addresses.
            (E, "ana.petrovic@example.org".into()), // email plain
            (E, "ana.petrovic (at) example.org".into()), // email (at)
            (E, "ana.petrovic [at] example.org".into()), // email [at]
            (E, "ana.petrovic{at}example.org".into()), // email {at} glued
            (E, "ANA (AT) EXAMPLE.ORG".into()),     // email (AT) capitals
            (E, "ana (@) example.org".into()),      // email (@)
            (E, "ana (at) example (dot) org".into()), // email (at) and (dot)
            (E, "ana.petrovic @ example.org".into()), // email spaces around @
            (E, "ana.petrovic@ example.org".into()), // email space after @
            (E, "ana.petrovic＠example.org".into()), // email fullwidth @
            (E, "ana﹫example.org".into()),         // email small @
            (E, "ａｎａ＠ｅｘａｍｐｌｅ．ｏｒｇ".into()), // email fullwidth throughout
            (E, "ana@пример.срб".into()),           // email idn cyrillic
            (E, "ana@bücher.de".into()),            // email idn latin
            (E, "ana@παράδειγμα.ελ".into()),        // email idn greek
            (E, "ana@example.xn--90a3ac".into()),   // email idn punycode
            (E, "ана.петровић@example.org".into()), // email cyrillic local part
            (E, "ana\u{200b}@example.org".into()),  // email zero-width space
            (N, "ana at example dot org".into()),   // email spelt as words
            (N, "https://example.org/contact?who=ana@example.org".into()), // email in a URL
            (N, "@GRETA_CoE".into()),               // email handle
            (N, "price @ 5.00".into()),             // email price
            // Telephone numbers.
            (P, "+381 64 123 4567".into()), // phone international
            (P, "0039 3387347784".into()),  // phone international 00
            (P, "064/123-4567".into()),     // phone slash and dash
            (P, "011 123 4567".into()),     // phone landline
            (P, "064.123.4567".into()),     // phone dots
            (P, "064_123_4567".into()),     // phone underscores
            (P, "064 / 123 - 4567".into()), // phone spaced marks
            (P, "tel.0641234567".into()),   // phone glued to tel.
            (P, "Tel:064/123-4567".into()), // phone glued to Tel:
            (P, "０６４ １２３ ４５６７".into()), // phone fullwidth
            (P, "＋３８１ ６４ １２３ ４５６７".into()), // phone fullwidth plus
            (P, format!("tel. {}", in_script("0641234567", '٠'))), // phone arabic-indic
            (P, "064\u{a0}123\u{a0}4567".into()), // phone no-break spaces
            (P, "064\u{2009}123\u{2009}4567".into()), // phone thin spaces
            (P, "064 123\u{200b} 4567".into()), // phone zero-width space
            (P, "tel. 7912 3456".into()),   // phone Maltese tel.
            (P, "Tel: 21234567".into()),    // phone Maltese Tel:
            (P, "mob. 9912 3456".into()),   // phone Maltese mob.
            (P, "mobile 7912 3456".into()), // phone Maltese mobile
            (P, "telephone: 2123 4567".into()), // phone Maltese telephone
            (P, "phone no. 21234567".into()), // phone Maltese phone no.
            (P, "numru tat-telefon 2123 4567".into()), // phone Maltese numru tat-telefon
            (P, "mowbajl: 7912 3456".into()), // phone Maltese mowbajl
            (P, "kontakt 7912 3456".into()), // phone Maltese kontakt
            (P, "тел. 7912 3456".into()),   // phone Maltese Serbian tel.
            (P, "моб. 7912 3456".into()),   // phone Maltese Serbian mob.
            (P, "nr. tel. 2123 4567".into()), // phone Maltese Albanian tel.
            (P, "Tel. 7912 3456".into()),   // phone Maltese Turkish tel.
            (P, "telefon numarası: 7912 3456".into()), // phone Maltese Turkish telefon
            (P, "+356 7912 3456".into()),   // phone Maltese +356
            (N, "7912 3456".into()),        // phone Maltese unannounced
            (N, "21234567".into()),         // phone Maltese unannounced run
            (N, "br. 064 123 4567".into()), // phone after a reference word
            (P, "tel. br. 064 123 4567".into()), // phone after a phone word and a reference word
        ]
    }

    #[test]
    fn every_written_form_of_an_identifier() {
        let mut failures = Vec::new();
        let rows = variant_rows();
        for (expected, written) in &rows {
            let found = find(written);
            if found.as_ref().map(|f| f.kind) != *expected {
                failures.push(format!("{written:?}: expected {expected:?}, got {found:?}"));
            }
            if let Some(f) = &found {
                // The masked start is a start: never the identifier's digits all shown.
                let shown_digits = f.masked.chars().filter(|c| c.is_numeric()).count();
                assert!(shown_digits <= 4, "{written:?}: {f:?}");
            }
        }
        let caught = rows.iter().filter(|r| r.0.is_some()).count();
        eprintln!(
            "{caught} written forms caught, {} deliberately not",
            rows.len() - caught
        );
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn amounts_references_dates_and_case_numbers_pass() {
        for text in [
            // Amounts and tables of amounts, with every thousands separator.
            "1 055 089 000 lei",
            "suma de 1\u{a0}055\u{a0}089\u{a0}000 lei",
            "1\u{202f}055\u{202f}089\u{202f}000 RON",
            "53 901 000",
            "53 901 000 0 25 000 000",
            "Ukupno 53 901 000 0 25 000 000 12 500 000",
            "53 901 000\n0 25 000 000",
            "EUR 1.055.089.000,00 i 0.123 456 789",
            "1,055,089,000 and 10 000 000 EUR",
            // Letter, case and reference numbers.
            "no. 02-01-82/1861 of 10 March 2017",
            "letter no. 02-01-82/1861",
            "Case 002/19-09-2007/ECCC/TC, § 75",
            "document no. 0016/04-14968, which",
            "Kt. br. 012/2019, Su 09-12/2019, K 45/2019",
            "Kž1 Po1 07/2019 i Kž1 123/2019",
            "predmet br. 0123 456 789",
            // Dates.
            "01.02.2019, 01-02-2019, 01/02/2019, 2019-02-01, 1.2.2019.",
            "dana 01-02-82 u 10 časova",
            "rođen 15.03.1985. godine u 12.30",
            // Application, HUDOC, ECLI, paragraph and article numbers.
            "Rantsev v. Cyprus and Russia, no. 25965/04, 7 January 2010",
            "nos. 25965/04 and 77587/12",
            "HUDOC 001-97689, 001-96549 and 001-112576",
            "ECLI:CE:ECHR:2010:0107JUD002596504",
            "ecli:ce:echr:2010:0107jud002596504",
            "paras. 282-289, § 12, Art. 4 § 1, čl. 388 st. 1 KZ",
            "Sl. glasnik RS 85/2005, 88/2005, 107/2005, 72/2009, 111/2009",
            "https://hudoc.echr.coe.int/eng?i=001-96549",
            // Rows of the first version of this table (legal numbers, dates, identifiers).
            "Viši sud u Beogradu, K 45/2019, presuda od 12.03.2020.",
            "V.C.L. and A.N. v. the United Kingdom (77587/12 and 74603/12)",
            "HUDOC 001-96549 and 001-112576",
            "Kž1 Po1 07/2019, Kt. br. 012/2019, Su 09-12/2019",
            "dana 01-02-2019 12 lica",
            "od 05/03/2019 10 časova",
            "predmet 07/2019 123",
            "rođen 01.02.1985. godine, 0,5 %, 10 000 000 EUR",
            "čl. 388 st. 1 KZ, para. 283, §§ 282-289, Art. 4",
            "godine 2019 2020 2021 2022",
            "Službeni glasnik RS, br. 035/2019",
            "2010-01-07, 1.1.2010, 01/01/2010",
            "+ 10 %, 2+2, x+1234567",
            "04 05 06 07",
            "0001234567",
            "Zakon 04/2010-123",
            // Words that announce phones, followed by other numbers.
            "tel. 1234",
            "telephone conversations of 2019 2020",
            "mobile 2020 2021",
        ] {
            assert_eq!(find(text), None, "{text}: {:?}", find(text));
        }
    }

    #[test]
    fn positions_and_masks_refer_to_the_text_as_written() {
        let j = with_check_digit("150398571001");
        // Full-width digits are three bytes each; the column counts characters.
        let text = format!("Svedok\nЈМБГ: {}", in_script(&j, '０'));
        let f = find(&text).unwrap();
        assert_eq!((f.line, f.column), (2, 7));
        assert_eq!(f.offset, text.find('１').unwrap());
        assert_eq!(f.masked, "１５０３…");
        // Dropped characters are not shown, and do not count towards the mask.
        let text = format!("JMBG {}", spaced(&j, "\u{200b}"));
        let f = find(&text).unwrap();
        assert_eq!(f.column, 6);
        assert_eq!(f.masked, "1503…");
        let text = format!("x {}\u{301}{}", &j[..1], &j[1..]);
        assert_eq!(find(&text).unwrap().masked, "1503…");
        // A match after expanding characters maps back to where it starts.
        let text = "Ђорђе, ﬁnal ①②: ana (at) example.org";
        let f = find(text).unwrap();
        assert_eq!(f.kind, IdentifierKind::Email);
        assert_eq!(f.offset, text.find("ana").unwrap());
        assert_eq!(f.masked, "ana …");
    }

    #[test]
    fn the_index_folds_compatibility_digits_but_not_other_scripts() {
        use thb_text::normalize::fold_for_search_string;
        // What the module documentation says of the index, pinned: NFKC folds these…
        for written in ["１２３", "𝟏𝟐𝟑", "¹²³", "①②③"] {
            assert_eq!(fold_for_search_string(written), "123", "{written}");
        }
        // … and leaves the digits of other scripts, which the guard reads all the same.
        for zero in ['٠', '۰', '०'] {
            let written = in_script("123", zero);
            assert_eq!(fold_for_search_string(&written), written);
        }
    }

    #[test]
    fn decimal_digit_zeros_start_runs_of_ten_digits() {
        for pair in DECIMAL_DIGIT_ZEROS.windows(2) {
            assert!(pair[0] < pair[1], "{:?} before {:?}", pair[0], pair[1]);
        }
        for &zero in DECIMAL_DIGIT_ZEROS {
            for value in 0..10u32 {
                let digit = char::from_u32(u32::from(zero) + value).unwrap();
                assert!(digit.is_numeric(), "U+{:04X}", u32::from(digit));
                assert_eq!(
                    ascii_digit(digit),
                    char::from_digit(value, 10),
                    "U+{:04X}",
                    u32::from(digit)
                );
            }
        }
        assert_eq!(ascii_digit('a'), None);
        assert_eq!(ascii_digit('\u{669}'), Some('9'));
        assert_eq!(ascii_digit('\u{66a}'), None); // Arabic percent sign, just past the digits
    }
}
