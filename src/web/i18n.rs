//! Interface labels in English, Serbian (Latin and Cyrillic script), Macedonian and Albanian:
//! the strings of the interface are the values of [`Label`], and each language is a function
//! that matches every label to its text, so a label without a translation does not compile.
//! Names (kinds, languages, months, courts) are tables with one column per language; theme names
//! are the taxonomy's data (`corpus/theme-labels.toml`, `domain::taxonomy::labels`).
//!
//! Serbian Cyrillic has no function of its own: it is the Serbian Latin text transliterated
//! once, at first use (`thb_text::transliterate`), so the two scripts always say the same
//! thing. `{name}` placeholders, acronyms (GRETA, OR) and foreign words stay as written; the few
//! labels that quote Latin input (`title:`, `trgovina` finds `трговина`) are written out in
//! [`serbian_cyrillic_written`].
//!
//! Texts may hold `{name}` placeholders, filled by [`Ui::fill`]. South Slavic and Albanian
//! plural forms differ from English, so counts are written as "Label: n" rather than "n things".
//!
//! Country names come from `domain::countries` (English names and `LOCAL_NAMES`) and, for
//! Macedonian, [`MK_COUNTRIES`]. The Kosovo* note is shown in every language (`kosovo_note`):
//! the Council of Europe's footnote, in the wording of its translations.
//!
//! Error messages are worded here from the typed problem the engine gives
//! ([`error_message`]); the API keeps sending its English sentences.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use thb_engine::case::{Gender, Sector, Verdict};
use thb_engine::document::{Date, Kind, Strength};
use thb_engine::domain::{countries, courts, taxonomy};
use thb_engine::limits::{
    MAX_FILTER_VALUES, MAX_PHRASE_SLOP, MAX_PHRASE_WORDS, MAX_PREFIX_EXPANSIONS, MAX_QUERY_CHARS,
    MAX_QUERY_CLAUSES, MAX_QUERY_DEPTH, MAX_QUERY_PARAMETERS, MAX_RESULT_DEPTH, MIN_PREFIX_CHARS,
    SEARCH_DEADLINE,
};
use thb_engine::search::query::QueryProblem;
use thb_engine::search::request::ParameterProblem;
use thb_engine::vocabulary::{Dimension, Parameter};
use thb_text::transliterate::serbian_latin_to_cyrillic;

use super::{PageError, Reason};

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Ui {
    #[default]
    En,
    /// Serbian in Latin script (readable across Bosnian, Croatian, Montenegrin and Serbian).
    Sr,
    /// Serbian in Cyrillic script, transliterated from [`Ui::Sr`].
    SrCyrl,
    Mk,
    Sq,
}

impl Ui {
    /// In the switcher's order.
    pub const ALL: [Ui; 5] = [Ui::En, Ui::Sr, Ui::SrCyrl, Ui::Mk, Ui::Sq];

    /// Reads the `ui` parameter (without regard to case: `sr-cyrl` is `sr-Cyrl`).
    pub fn parse(code: &str) -> Option<Ui> {
        Ui::ALL
            .into_iter()
            .find(|ui| ui.code().eq_ignore_ascii_case(code))
    }

    /// The `ui` parameter value.
    pub fn code(self) -> &'static str {
        match self {
            Ui::En => "en",
            Ui::Sr => "sr",
            Ui::SrCyrl => "sr-Cyrl",
            Ui::Mk => "mk",
            Ui::Sq => "sq",
        }
    }

    /// The page's `lang` attribute (BCP 47).
    pub fn html_lang(self) -> &'static str {
        match self {
            Ui::En => "en",
            Ui::Sr => "sr-Latn",
            Ui::SrCyrl => "sr-Cyrl",
            Ui::Mk => "mk",
            Ui::Sq => "sq",
        }
    }

    /// The language's name in itself, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Ui::En => "English",
            Ui::Sr => "Srpski",
            Ui::SrCyrl => "Српски",
            Ui::Mk => "Македонски",
            Ui::Sq => "Shqip",
        }
    }

    /// This language's name in a `[English, Serbian Latin, Albanian, Macedonian]` row.
    fn name(self, names: &[&'static str; 4]) -> Cow<'static, str> {
        match self {
            Ui::En => Cow::Borrowed(names[0]),
            Ui::Sr => Cow::Borrowed(names[1]),
            Ui::SrCyrl => Cow::Owned(serbian_latin_to_cyrillic(names[1])),
            Ui::Sq => Cow::Borrowed(names[2]),
            Ui::Mk => Cow::Borrowed(names[3]),
        }
    }

    /// The text of `label` in this language.
    pub fn t(self, label: Label) -> &'static str {
        match self {
            Ui::En => english(label),
            Ui::Sr => serbian_latin(label),
            Ui::SrCyrl => SERBIAN_CYRILLIC[&label],
            Ui::Mk => macedonian(label),
            Ui::Sq => albanian(label),
        }
    }

    /// The text of `label` with its `{name}` placeholders filled.
    pub fn fill(self, label: Label, values: &[(&str, &str)]) -> String {
        let mut out = self.t(label).to_string();
        for (name, value) in values {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }
}

/// Declares [`Label`] and the list of all its values from one list of names.
macro_rules! labels {
    ($($label:ident),* $(,)?) => {
        /// A string of the interface. Every language's function (`english`, `serbian_latin`,
        /// `albanian`, `macedonian`) matches every label without a catch-all arm, so a label
        /// missing a translation does not compile, a new dimension's name included.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub(crate) enum Label {
            $($label,)*
            /// A dimension's name: its facet's legend, its chips, its field on a document.
            Facet(Dimension),
        }

        impl Label {
            /// Every label: what the Serbian Cyrillic table is built from and the tests walk.
            pub fn all() -> impl Iterator<Item = Label> {
                [$(Label::$label),*]
                    .into_iter()
                    .chain(Dimension::ALL.map(Label::Facet))
            }
        }
    };
}

labels! {
    PartialHeading,
    PartialIntro,
    PartialFewer,
    WordMatchesNothing,
    SearchWithout,
    WordCounts,
    SkipToContent,
    SkipToResults,
    FacetProvenance,
    RealOnly,
    Tagline,
    InterfaceLanguage,
    FooterAbout,
    FooterKeys,
    PageTitle,
    SearchBox,
    SearchPlaceholder,
    SearchButton,
    SearchHint,
    SyntaxTitle,
    SyntaxYouType,
    SyntaxFinds,
    SyntaxWords,
    SyntaxPhrase,
    SyntaxNear,
    SyntaxOr,
    SyntaxNot,
    SyntaxGroup,
    SyntaxField,
    SyntaxPrefix,
    SyntaxScripts,
    Filters,
    ApplyFilters,
    Apply,
    More,
    FacetFilter,
    FacetFilterNone,
    FacetGretaArticle,
    GretaRoundN,
    GretaArticleN,
    StrengthUrges,
    StrengthConsiders,
    StrengthInvites,
    YearHistogram,
    YearFrom,
    YearTo,
    Themes,
    Results,
    Total,
    SortBy,
    ExpandAcrossLanguages,
    ExpandedWith,
    ExplainResults,
    WhyThisResult,
    ExplainScore,
    ExplainMatch,
    ExplainExpansion,
    MatchTitleExact,
    MatchTitleFolded,
    MatchTextExact,
    MatchTextFolded,
    MatchStem,
    MatchIdentifier,
    MatchCourt,
    SortRelevance,
    SortNewest,
    SortOldest,
    SelectedFilters,
    RemoveFilter,
    ClearFilters,
    Export,
    ExportAll,
    ExportFirst,
    SampleBadge,
    RestrictedBadge,
    NoResults,
    NoResultsFewerWords,
    NoResultsFilters,
    NoResultsPrefix,
    PastLastPage,
    FirstPage,
    Pagination,
    Previous,
    Next,
    PageN,
    DepthNote,
    DidYouMean,
    ErrorColumn,
    RemoveParameter,
    NewSearch,
    ErrorBadRequest,
    ErrorUnauthorized,
    ErrorNotFound,
    ErrorUnavailable,
    ErrorInternal,
    BackToResults,
    Citation,
    CopyCitation,
    PinCite,
    CopyPinCite,
    AtParagraph,
    CitedBy,
    SimilarDocuments,
    SharedWords,
    OtherRounds,
    RoundN,
    FilterCites,
    Proceedings,
    NotInDatabase,
    LevelFirstInstance,
    LevelAppeal,
    LevelSupreme,
    LevelConstitutional,
    LevelInternational,
    OtherDecisions,
    FieldVictims,
    FieldDefendants,
    FieldCharges,
    ChargeDismissed,
    PersonNotDescribed,
    Copied,
    SourceLink,
    Details,
    Summary,
    FullText,
    Matches,
    NextMatch,
    FieldId,
    FieldDate,
    FieldApplication,
    AlsoIn,
    LanguageVersions,
    FieldGretaRound,
    FieldGretaStrength,
    FieldGretaArticles,
    FieldGretaParagraph,
    FieldProvenance,
    ProvenanceReal,
    ProvenanceSample,
    FieldAccess,
    AccessPublic,
    AccessRestricted,
    CitationNumber,
    CitationNumbers,
    CitationRound,
    CitationParagraph,
    CitationSample,
    SampleMarker,
    KosovoNote,
    ErrUnclosedQuote,
    ErrUnexpectedParenthesis,
    ErrUnclosedParenthesis,
    ErrEmptyParentheses,
    ErrTooDeep,
    ErrMissingTerm,
    ErrUnknownField,
    ErrFieldWithoutTerm,
    ErrTooLong,
    ErrTooManyTerms,
    ErrPhraseTooLong,
    ErrSlopWithoutNumber,
    ErrSlopTooLarge,
    ErrControlCharacter,
    ErrPrefixNotAWord,
    ErrPrefixTooShort,
    ErrPrefixTooCommon,
    ErrNotUtf8,
    ErrUnknownParameter,
    ErrInvalidValue,
    ErrUnknownCountry,
    ErrUnknownTheme,
    ErrTooManyValues,
    ErrReversedYears,
    ErrBeyondDepth,
    ErrTooManyParameters,
    ErrTimeout,
    ErrNotFound,
    ErrUnauthorized,
    ErrLocked,
}

/// The Serbian Cyrillic labels: [`serbian_cyrillic_written`] where it has the label, the
/// Serbian Latin text transliterated otherwise, placeholders kept. Built once; the strings live
/// as long as the process, as the other languages' do (a few kilobytes).
static SERBIAN_CYRILLIC: LazyLock<HashMap<Label, &'static str>> = LazyLock::new(|| {
    Label::all()
        .map(|label| {
            let text = serbian_cyrillic_written(label)
                .map_or_else(|| transliterate_label(serbian_latin(label)), str::to_string);
            (label, &*text.leak())
        })
        .collect()
});

/// A Serbian Latin label in Cyrillic, `{placeholders}` as they are.
fn transliterate_label(latin: &str) -> String {
    let mut out = String::with_capacity(latin.len() * 2);
    let mut rest = latin;
    while let Some(open) = rest.find('{') {
        out.push_str(&serbian_latin_to_cyrillic(&rest[..open]));
        let close = rest[open..].find('}').map_or(rest.len(), |c| open + c + 1);
        out.push_str(&rest[open..close]);
        rest = &rest[close..];
    }
    out.push_str(&serbian_latin_to_cyrillic(rest));
    out
}

/// Serbian Cyrillic labels that quote Latin input (field names, Latin search words, keys),
/// which a transliteration would turn into Cyrillic and so into a different instruction.
fn serbian_cyrillic_written(label: Label) -> Option<&'static str> {
    match label {
        Label::FooterKeys => Some("Тастатура: / води у поље за претрагу, ? отвара синтаксу претраге, Esc је затвара, n прелази на следећу означену реч у документу."),
        Label::SyntaxField => Some("реч у једном пољу: title:, court:, id: или ecli:"),
        Label::SyntaxPrefix => Some("све речи које тако почињу: trafficking, trafficked, trafficker…"),
        Label::SyntaxScripts => Some("Латиница проналази и ћирилицу (trgovina проналази трговина), а дијакритици нису обавезни (prosjacenje проналази prosjačenje). Раде и наводници из програма за обраду текста."),
        Label::ErrUnknownField => Some("„{name}:“ није поље; поља су title:, text:, court:, id: и ecli:."),
        _ => None,
    }
}

/// English labels.
fn english(label: Label) -> &'static str {
    match label {
        Label::PartialHeading => "Matching some of your words",
        Label::PartialIntro => "No document holds all of your words; these {total} hold some of them, those holding more ranked first.",
        Label::PartialFewer => "Only {full} documents hold all of your words; these {total} more hold some of them.",
        Label::WordMatchesNothing => "No document holds “{word}”:",
        Label::SearchWithout => "search without it",
        Label::WordCounts => "Documents holding each word alone:",
        Label::SkipToContent => "Skip to content",
        Label::SkipToResults => "Skip to results",
        Label::FacetProvenance => "Source",
        Label::RealOnly => "Real cases only (no samples)",
        Label::Tagline => "Case law and GRETA recommendations on trafficking in human beings",
        Label::InterfaceLanguage => "Interface language",
        Label::FooterAbout => "thb-caselaw: decisions, judgments and GRETA recommendations on trafficking in human beings in the Western Balkans, Türkiye and Malta. Documents marked as samples are illustrative and invented.",
        Label::FooterKeys => "Keyboard: / moves to the search box, ? opens the search syntax, Esc closes it, n jumps to the next highlighted word in a document.",
        Label::PageTitle => "Search",
        Label::SearchBox => "Search case law and GRETA recommendations",
        Label::SearchPlaceholder => "e.g. forced labour, трговина људима, \"non-punishment\"",
        Label::SearchButton => "Search",
        Label::SearchHint => "All words must match. Latin letters also find Cyrillic, and diacritics are optional.",
        Label::SyntaxTitle => "Search syntax",
        Label::SyntaxYouType => "You type",
        Label::SyntaxFinds => "It finds",
        Label::SyntaxWords => "documents with all the words (AND)",
        Label::SyntaxPhrase => "the exact phrase",
        Label::SyntaxNear => "the words within 5 words of each other",
        Label::SyntaxOr => "either word",
        Label::SyntaxNot => "without the word after the minus",
        Label::SyntaxGroup => "grouping: either of the first two, and the third",
        Label::SyntaxField => "the word in one field: title:, court:, id: or ecli:",
        Label::SyntaxPrefix => "every word that starts so: trafficking, trafficked, trafficker…",
        Label::SyntaxScripts => "Latin letters also find Cyrillic (trgovina finds трговина), and diacritics are optional (prosjacenje finds prosjačenje). Quotes pasted from a word processor work too.",
        Label::Filters => "Filters",
        Label::ApplyFilters => "Apply filters",
        Label::Apply => "Apply",
        Label::More => "More ({n})",
        Label::FacetFilter => "Type to narrow the list",
        Label::FacetFilterNone => "Nothing in the list matches.",
        Label::Facet(Dimension::Country) => "Country",
        Label::Facet(Dimension::Theme) => "Theme",
        Label::Facet(Dimension::Kind) => "Type of document",
        Label::Facet(Dimension::Language) => "Language",
        Label::Facet(Dimension::GretaRound) => "GRETA round",
        Label::Facet(Dimension::GretaStrength) => "GRETA wording",
        Label::FacetGretaArticle => "Article of the Convention",
        Label::GretaRoundN => "Round {n}",
        Label::GretaArticleN => "Article {n}",
        Label::StrengthUrges => "Urges (most pressing)",
        Label::StrengthConsiders => "Considers … should",
        Label::StrengthInvites => "Invites",
        Label::Facet(Dimension::Year) => "Year",
        Label::YearHistogram => "Documents per year; choose a year to see only it",
        Label::YearFrom => "From",
        Label::YearTo => "To",
        Label::Facet(Dimension::Court) => "Court",
        Label::Themes => "Themes",
        Label::Results => "Results",
        Label::Total => "Results: {total} ({ms} ms)",
        Label::SortBy => "Sort by",
        Label::SortRelevance => "Relevance",
        Label::SortNewest => "Newest first",
        Label::SortOldest => "Oldest first",
        Label::ExpandAcrossLanguages => "Expand across languages",
        Label::ExpandedWith => "Also searched for, in other languages:",
        Label::ExplainResults => "Explain why each result came up",
        Label::WhyThisResult => "Why this result?",
        Label::ExplainScore => "Score {score}, the sum of what each match added:",
        Label::ExplainMatch => "{where}: “{term}” (for “{words}”), +{points}",
        Label::ExplainExpansion => "{where}: “{term}” ({language}), a term of the thesaurus concept {concept} that “{words}” names; ranked below the words as typed",
        Label::MatchTitleExact => "Title, as written",
        Label::MatchTitleFolded => "Title, accents and script ignored",
        Label::MatchTextExact => "Text, as written",
        Label::MatchTextFolded => "Text, accents and script ignored",
        Label::MatchStem => "Stem of a word of the text, by the rules of {language}",
        Label::MatchIdentifier => "Identifier (application number, case number)",
        Label::MatchCourt => "Court",
        Label::SelectedFilters => "Selected filters:",
        Label::RemoveFilter => "Remove filter {filter}",
        Label::ClearFilters => "Clear all filters",
        Label::Export => "Export:",
        Label::ExportAll => "all results: {total}",
        Label::ExportFirst => "the first {cap} of {total} results; an export holds at most {cap} rows",
        Label::SampleBadge => "Sample — illustrative, not a real case",
        Label::RestrictedBadge => "Restricted — visible to authorised readers only",
        Label::NoResults => "No documents match this search.",
        Label::NoResultsFewerWords => "Try fewer words: every word must match.",
        Label::NoResultsFilters => "Remove a filter above.",
        Label::NoResultsPrefix => "End a word with * to find its other forms (traffick*).",
        Label::PastLastPage => "This page is past the last result.",
        Label::FirstPage => "Go to the first page",
        Label::Pagination => "Result pages",
        Label::Previous => "Previous",
        Label::Next => "Next",
        Label::PageN => "Page {n}",
        Label::DepthNote => "Only the first {depth} results can be paged through; add words or filters to narrow the search.",
        Label::DidYouMean => "Did you mean:",
        Label::ErrorColumn => "(at character {column})",
        Label::RemoveParameter => "Search again without the parameter {name}",
        Label::NewSearch => "Start a new search",
        Label::ErrorBadRequest => "This search could not be run",
        Label::ErrorUnauthorized => "Not authorised",
        Label::ErrorNotFound => "Document not found",
        Label::ErrorUnavailable => "The search is busy",
        Label::ErrorInternal => "Something went wrong on the server",
        Label::BackToResults => "Back to the results",
        Label::Citation => "Citation",
        Label::CopyCitation => "Copy citation",
        Label::PinCite => "Citation at this paragraph",
        Label::CopyPinCite => "Copy",
        Label::AtParagraph => "Paragraph {n} in the document",
        Label::CitedBy => "Cited by",
        Label::SimilarDocuments => "Similar documents",
        Label::SharedWords => "Shared words: {words}",
        Label::OtherRounds => "The same country in GRETA's other rounds",
        Label::RoundN => "Round {n}",
        Label::FilterCites => "Cites",
        Label::Proceedings => "Proceedings in this case",
        Label::NotInDatabase => "not in the database",
        Label::LevelFirstInstance => "First instance",
        Label::LevelAppeal => "Appeal",
        Label::LevelSupreme => "Supreme court",
        Label::LevelConstitutional => "Constitutional court",
        Label::LevelInternational => "European Court of Human Rights",
        Label::OtherDecisions => "Other decisions in this case: {n}",
        Label::FieldVictims => "Victims",
        Label::FieldDefendants => "Defendants",
        Label::FieldCharges => "Charges",
        Label::ChargeDismissed => "dismissed",
        Label::PersonNotDescribed => "not described",
        Label::Facet(Dimension::Provision) => "Provision",
        Label::Facet(Dimension::Verdict) => "Verdict",
        Label::Facet(Dimension::Sector) => "Sector of exploitation",
        Label::Facet(Dimension::VictimAge) => "Victims' age",
        Label::Facet(Dimension::VictimGender) => "Victims' gender",
        Label::Facet(Dimension::VictimNationality) => "Victims' nationality",
        Label::Copied => "Citation copied.",
        Label::SourceLink => "Official source",
        Label::Details => "Details",
        Label::Summary => "Summary",
        Label::FullText => "Full text",
        Label::Matches => "Highlighted: {n} matches for “{q}”",
        Label::NextMatch => "Next match",
        Label::FieldId => "Identifier",
        Label::FieldDate => "Date",
        Label::FieldApplication => "Application no.",
        Label::AlsoIn => "Also in",
        Label::LanguageVersions => "Language versions",
        Label::FieldGretaRound => "GRETA evaluation round",
        Label::FieldGretaStrength => "Wording of the recommendation",
        Label::FieldGretaArticles => "Articles of the Convention",
        Label::FieldGretaParagraph => "Paragraph",
        Label::FieldProvenance => "Provenance",
        Label::ProvenanceReal => "A real decision or recommendation, summarised or quoted",
        Label::ProvenanceSample => "Sample: illustrative and invented, not a real case",
        Label::FieldAccess => "Access",
        Label::AccessPublic => "Public",
        Label::AccessRestricted => "Restricted",
        Label::CitationNumber => "no.",
        Label::CitationNumbers => "nos.",
        Label::CitationRound => "round",
        Label::CitationParagraph => "para.",
        Label::CitationSample => "sample, not a real case",
        Label::SampleMarker => "(sample)",
        Label::KosovoNote => countries::KOSOVO_NOTE,
        Label::ErrUnclosedQuote => "A phrase is missing its closing quotation mark (\").",
        Label::ErrUnexpectedParenthesis => "A closing parenthesis “)” has no opening “(”.",
        Label::ErrUnclosedParenthesis => "An opening parenthesis “(” is not closed.",
        Label::ErrEmptyParentheses => "There is nothing between the parentheses.",
        Label::ErrTooDeep => "Parentheses are nested more than {limit} levels deep.",
        Label::ErrMissingTerm => "A word is missing: OR needs a word on both sides, and - or NOT a word to exclude.",
        Label::ErrUnknownField => "“{name}:” is not a field; the fields are title:, text:, court:, id: and ecli:.",
        Label::ErrFieldWithoutTerm => "“{field}” needs a word after the colon, e.g. {field}trafficking.",
        Label::ErrTooLong => "The query is longer than {limit} characters.",
        Label::ErrTooManyTerms => "The query has more than {limit} words.",
        Label::ErrPhraseTooLong => "A phrase can have at most {limit} words; search for its most telling part.",
        Label::ErrSlopWithoutNumber => "“~” after a phrase needs a number of words, e.g. \"forced labour\"~5.",
        Label::ErrSlopTooLarge => "The words of a phrase can be at most {limit} positions apart.",
        Label::ErrControlCharacter => "The query contains an invisible control character.",
        Label::ErrPrefixNotAWord => "“{prefix}*”: only a single word can end with *.",
        Label::ErrPrefixTooShort => "“{prefix}*”: a word ending with * needs at least {limit} letters.",
        Label::ErrPrefixTooCommon => "“{prefix}*” matches more than {limit} different words; type more letters.",
        Label::ErrNotUtf8 => "The address contains characters that cannot be read.",
        Label::ErrUnknownParameter => "The address contains an unknown parameter “{name}”.",
        Label::ErrInvalidValue => "“{value}” is not a valid value for “{name}”.",
        Label::ErrUnknownCountry => "“{value}” is not a known country code.",
        Label::ErrUnknownTheme => "“{value}” is not a theme.",
        Label::ErrTooManyValues => "The filter “{name}” has more than {limit} values.",
        Label::ErrReversedYears => "The year in “From” is after the year in “To”.",
        Label::ErrBeyondDepth => "Only the first {limit} results can be paged through; narrow the search with words or filters.",
        Label::ErrTooManyParameters => "The address contains more than {limit} parameters.",
        Label::ErrTimeout => "The search took longer than {seconds} seconds; narrow it with more words or filters.",
        Label::ErrNotFound => "No document has this identifier, or it is not public.",
        Label::ErrUnauthorized => "The access token is missing or not valid.",
        Label::ErrLocked => "The index is being updated; try again in a moment.",
    }
}

/// Serbian (Latin script) labels.
fn serbian_latin(label: Label) -> &'static str {
    match label {
        Label::PartialHeading => "Dokumenti sa nekim od vaših reči",
        Label::PartialIntro => "Nijedan dokument ne sadrži sve vaše reči; ovih {total} sadrži neke od njih, prvo oni sa više reči.",
        Label::PartialFewer => "Samo {full} dokumenata sadrži sve vaše reči; još {total} sadrži neke od njih.",
        Label::WordMatchesNothing => "Nijedan dokument ne sadrži „{word}”:",
        Label::SearchWithout => "pretražite bez te reči",
        Label::WordCounts => "Broj dokumenata za svaku reč posebno:",
        Label::SkipToContent => "Preskoči na sadržaj",
        Label::SkipToResults => "Preskoči na rezultate",
        Label::FacetProvenance => "Izvor",
        Label::RealOnly => "Samo stvarni predmeti (bez primera)",
        Label::Tagline => "Sudska praksa i preporuke GRETA o trgovini ljudima",
        Label::InterfaceLanguage => "Jezik interfejsa",
        Label::FooterAbout => "thb-caselaw: odluke, presude i preporuke GRETA o trgovini ljudima na Zapadnom Balkanu, u Turskoj i na Malti. Dokumenti označeni kao primeri su ilustrativni i izmišljeni.",
        Label::FooterKeys => "Tastatura: / vodi u polje za pretragu, ? otvara sintaksu pretrage, Esc je zatvara, n prelazi na sledeću označenu reč u dokumentu.",
        Label::PageTitle => "Pretraga",
        Label::SearchBox => "Pretraga sudske prakse i preporuka GRETA",
        Label::SearchPlaceholder => "npr. trgovina ljudima, радна експлоатација, \"nekažnjavanje\"",
        Label::SearchButton => "Traži",
        Label::SearchHint => "Sve reči moraju da se pojave. Latinica pronalazi i ćirilicu, a dijakritici nisu obavezni.",
        Label::SyntaxTitle => "Sintaksa pretrage",
        Label::SyntaxYouType => "Upišete",
        Label::SyntaxFinds => "Pronalazi",
        Label::SyntaxWords => "dokumente sa svim rečima (I)",
        Label::SyntaxPhrase => "tačan izraz",
        Label::SyntaxNear => "reči na udaljenosti do 5 reči",
        Label::SyntaxOr => "jednu ili drugu reč",
        Label::SyntaxNot => "bez reči posle minusa",
        Label::SyntaxGroup => "grupisanje: jednu od prve dve reči, i treću",
        Label::SyntaxField => "reč u jednom polju: title:, court:, id: ili ecli:",
        Label::SyntaxPrefix => "sve reči koje tako počinju: trafficking, trafficked, trafficker…",
        Label::SyntaxScripts => "Latinica pronalazi i ćirilicu (trgovina pronalazi трговина), a dijakritici nisu obavezni (prosjacenje pronalazi prosjačenje). Rade i navodnici iz programa za obradu teksta.",
        Label::Filters => "Filteri",
        Label::ApplyFilters => "Primeni filtere",
        Label::Apply => "Primeni",
        Label::More => "Još ({n})",
        Label::FacetFilter => "Upišite da suzite listu",
        Label::FacetFilterNone => "Ništa u listi ne odgovara.",
        Label::Facet(Dimension::Country) => "Država",
        Label::Facet(Dimension::Theme) => "Tema",
        Label::Facet(Dimension::Kind) => "Vrsta dokumenta",
        Label::Facet(Dimension::Language) => "Jezik",
        Label::Facet(Dimension::GretaRound) => "GRETA krug",
        Label::Facet(Dimension::GretaStrength) => "Snaga preporuke GRETA",
        Label::FacetGretaArticle => "Član Konvencije",
        Label::GretaRoundN => "{n}. krug",
        Label::GretaArticleN => "Član {n}",
        Label::StrengthUrges => "Urgira (najhitnije)",
        Label::StrengthConsiders => "Smatra da … treba",
        Label::StrengthInvites => "Poziva",
        Label::Facet(Dimension::Year) => "Godina",
        Label::YearHistogram => "Broj dokumenata po godini; izaberite godinu da vidite samo nju",
        Label::YearFrom => "Od",
        Label::YearTo => "Do",
        Label::Facet(Dimension::Court) => "Sud",
        Label::Themes => "Teme",
        Label::Results => "Rezultati",
        Label::Total => "Rezultata: {total} ({ms} ms)",
        Label::SortBy => "Poređaj po",
        Label::SortRelevance => "Relevantnosti",
        Label::SortNewest => "Najnovije prvo",
        Label::SortOldest => "Najstarije prvo",
        Label::ExpandAcrossLanguages => "Proširi na druge jezike",
        Label::ExpandedWith => "Pretraženo i na drugim jezicima:",
        Label::ExplainResults => "Objasni zašto se svaki rezultat pojavio",
        Label::WhyThisResult => "Zašto ovaj rezultat?",
        Label::ExplainScore => "Ocena {score}, zbir doprinosa svakog poklapanja:",
        Label::ExplainMatch => "{where}: „{term}” (za „{words}”), +{points}",
        Label::ExplainExpansion => "{where}: „{term}” ({language}), termin pojma iz tezaurusa {concept} koji „{words}” imenuje; rangirano ispod reči kako su unete",
        Label::MatchTitleExact => "Naslov, kako je napisan",
        Label::MatchTitleFolded => "Naslov, bez dijakritika i bez obzira na pismo",
        Label::MatchTextExact => "Tekst, kako je napisan",
        Label::MatchTextFolded => "Tekst, bez dijakritika i bez obzira na pismo",
        Label::MatchStem => "Osnova reči teksta, po pravilima jezika: {language}",
        Label::MatchIdentifier => "Identifikator (broj predstavke, broj predmeta)",
        Label::MatchCourt => "Sud",
        Label::SelectedFilters => "Izabrani filteri:",
        Label::RemoveFilter => "Ukloni filter {filter}",
        Label::ClearFilters => "Ukloni sve filtere",
        Label::Export => "Izvoz:",
        Label::ExportAll => "svi rezultati: {total}",
        Label::ExportFirst => "prvih {cap} od {total} rezultata; izvoz sadrži najviše {cap} redova",
        Label::SampleBadge => "Primer — ilustracija, nije stvaran predmet",
        Label::RestrictedBadge => "Ograničen pristup — vidljivo samo ovlašćenim čitaocima",
        Label::NoResults => "Nijedan dokument ne odgovara ovoj pretrazi.",
        Label::NoResultsFewerWords => "Pokušajte sa manje reči: sve reči moraju da se pojave.",
        Label::NoResultsFilters => "Uklonite neki od filtera iznad.",
        Label::NoResultsPrefix => "Završite reč znakom * da pronađete i njene druge oblike (trgovin*).",
        Label::PastLastPage => "Ova stranica je posle poslednjeg rezultata.",
        Label::FirstPage => "Idi na prvu stranicu",
        Label::Pagination => "Stranice rezultata",
        Label::Previous => "Prethodna",
        Label::Next => "Sledeća",
        Label::PageN => "Stranica {n}",
        Label::DepthNote => "Listati se može samo prvih {depth} rezultata; dodajte reči ili filtere da suzite pretragu.",
        Label::DidYouMean => "Da li ste mislili:",
        Label::ErrorColumn => "(kod znaka {column})",
        Label::RemoveParameter => "Ponovi pretragu bez parametra {name}",
        Label::NewSearch => "Nova pretraga",
        Label::ErrorBadRequest => "Ova pretraga ne može da se izvrši",
        Label::ErrorUnauthorized => "Niste ovlašćeni",
        Label::ErrorNotFound => "Dokument nije pronađen",
        Label::ErrorUnavailable => "Pretraga je trenutno preopterećena",
        Label::ErrorInternal => "Došlo je do greške na serveru",
        Label::BackToResults => "Nazad na rezultate",
        Label::Citation => "Citat",
        Label::CopyCitation => "Kopiraj citat",
        Label::PinCite => "Citat s ovim paragrafom",
        Label::CopyPinCite => "Kopiraj",
        Label::AtParagraph => "Paragraf {n} u dokumentu",
        Label::CitedBy => "Citirano u",
        Label::SimilarDocuments => "Slični dokumenti",
        Label::SharedWords => "Zajedničke reči: {words}",
        Label::OtherRounds => "Ista zemlja u drugim krugovima GRETA",
        Label::RoundN => "Krug {n}",
        Label::FilterCites => "Citira",
        Label::Proceedings => "Tok postupka",
        Label::NotInDatabase => "nije u bazi",
        Label::LevelFirstInstance => "Prvi stepen",
        Label::LevelAppeal => "Žalbeni postupak",
        Label::LevelSupreme => "Vrhovni sud",
        Label::LevelConstitutional => "Ustavni sud",
        Label::LevelInternational => "Evropski sud za ljudska prava",
        Label::OtherDecisions => "Druge odluke u ovom predmetu: {n}",
        Label::FieldVictims => "Žrtve",
        Label::FieldDefendants => "Okrivljeni",
        Label::FieldCharges => "Optužbe",
        Label::ChargeDismissed => "odbijena",
        Label::PersonNotDescribed => "bez opisa",
        Label::Facet(Dimension::Provision) => "Odredba",
        Label::Facet(Dimension::Verdict) => "Ishod",
        Label::Facet(Dimension::Sector) => "Sektor eksploatacije",
        Label::Facet(Dimension::VictimAge) => "Uzrast žrtava",
        Label::Facet(Dimension::VictimGender) => "Pol žrtava",
        Label::Facet(Dimension::VictimNationality) => "Državljanstvo žrtava",
        Label::Copied => "Citat je kopiran.",
        Label::SourceLink => "Zvanični izvor",
        Label::Details => "Podaci",
        Label::Summary => "Sažetak",
        Label::FullText => "Ceo tekst",
        Label::Matches => "Označeno: {n} pogodaka za „{q}“",
        Label::NextMatch => "Sledeći pogodak",
        Label::FieldId => "Oznaka",
        Label::FieldDate => "Datum",
        Label::FieldApplication => "Broj predstavke",
        Label::AlsoIn => "Dostupno i na",
        Label::LanguageVersions => "Jezičke verzije",
        Label::FieldGretaRound => "Krug evaluacije GRETA",
        Label::FieldGretaStrength => "Formulacija preporuke",
        Label::FieldGretaArticles => "Članovi Konvencije",
        Label::FieldGretaParagraph => "Paragraf",
        Label::FieldProvenance => "Poreklo",
        Label::ProvenanceReal => "Stvarna odluka ili preporuka, sažeta ili citirana",
        Label::ProvenanceSample => "Primer: ilustracija, izmišljen, nije stvaran predmet",
        Label::FieldAccess => "Pristup",
        Label::AccessPublic => "Javan",
        Label::AccessRestricted => "Ograničen",
        Label::CitationNumber => "br.",
        Label::CitationNumbers => "br.",
        Label::CitationRound => "krug",
        Label::CitationParagraph => "par.",
        Label::CitationSample => "primer, nije stvaran predmet",
        Label::SampleMarker => "(primer)",
        Label::KosovoNote => "*Svako pominjanje Kosova, bilo da se odnosi na teritoriju, institucije ili stanovništvo, u ovom tekstu treba razumeti u potpunoj saglasnosti sa Rezolucijom 1244 Saveta bezbednosti Ujedinjenih nacija i bez prejudiciranja statusa Kosova.",
        Label::ErrUnclosedQuote => "Izrazu nedostaju završni navodnici (\").",
        Label::ErrUnexpectedParenthesis => "Zatvorena zagrada „)“ nema otvorenu „(“.",
        Label::ErrUnclosedParenthesis => "Otvorena zagrada „(“ nije zatvorena.",
        Label::ErrEmptyParentheses => "Između zagrada nema ničega.",
        Label::ErrTooDeep => "Zagrade su ugnežđene u više od {limit} nivoa.",
        Label::ErrMissingTerm => "Nedostaje reč: OR traži reč sa obe strane, a - ili NOT reč koja se isključuje.",
        Label::ErrUnknownField => "„{name}:“ nije polje; polja su title:, text:, court:, id: i ecli:.",
        Label::ErrFieldWithoutTerm => "Posle „{field}“ treba reč, npr. {field}trgovina.",
        Label::ErrTooLong => "Upit je duži od {limit} znakova.",
        Label::ErrTooManyTerms => "Upit ima više od {limit} reči.",
        Label::ErrPhraseTooLong => "Izraz može imati najviše {limit} reči; pretražite njegov najkarakterističniji deo.",
        Label::ErrSlopWithoutNumber => "Posle „~“ iza izraza treba broj reči, npr. \"prinudni rad\"~5.",
        Label::ErrSlopTooLarge => "Reči izraza mogu biti udaljene najviše {limit} mesta.",
        Label::ErrControlCharacter => "Upit sadrži nevidljiv kontrolni znak.",
        Label::ErrPrefixNotAWord => "„{prefix}*“: samo jedna reč može da se završi znakom *.",
        Label::ErrPrefixTooShort => "„{prefix}*“: reč koja se završava znakom * mora imati najmanje {limit} slova.",
        Label::ErrPrefixTooCommon => "„{prefix}*“ odgovara više od {limit} različitih reči; upišite više slova.",
        Label::ErrNotUtf8 => "Adresa sadrži znakove koji ne mogu da se pročitaju.",
        Label::ErrUnknownParameter => "Adresa sadrži nepoznat parametar „{name}“.",
        Label::ErrInvalidValue => "„{value}“ nije dozvoljena vrednost za „{name}“.",
        Label::ErrUnknownCountry => "„{value}“ nije poznata oznaka države.",
        Label::ErrUnknownTheme => "„{value}“ nije tema.",
        Label::ErrTooManyValues => "Filter „{name}“ ima više od {limit} vrednosti.",
        Label::ErrReversedYears => "Godina u polju „Od“ je posle godine u polju „Do“.",
        Label::ErrBeyondDepth => "Listati se može samo prvih {limit} rezultata; suzite pretragu rečima ili filterima.",
        Label::ErrTooManyParameters => "Adresa sadrži više od {limit} parametara.",
        Label::ErrTimeout => "Pretraga je trajala duže od {seconds} sekundi; suzite je sa više reči ili filtera.",
        Label::ErrNotFound => "Nijedan dokument nema ovu oznaku ili dokument nije javan.",
        Label::ErrUnauthorized => "Pristupni ključ nedostaje ili nije važeći.",
        Label::ErrLocked => "Indeks se ažurira; pokušajte ponovo za trenutak.",
    }
}

/// Albanian labels.
fn albanian(label: Label) -> &'static str {
    match label {
        Label::PartialHeading => "Dokumente me disa nga fjalët tuaja",
        Label::PartialIntro => "Asnjë dokument nuk i përmban të gjitha fjalët tuaja; këto {total} përmbajnë disa prej tyre, së pari ato me më shumë fjalë.",
        Label::PartialFewer => "Vetëm {full} dokumente i përmbajnë të gjitha fjalët tuaja; këto {total} të tjera përmbajnë disa prej tyre.",
        Label::WordMatchesNothing => "Asnjë dokument nuk përmban „{word}”:",
        Label::SearchWithout => "kërkoni pa të",
        Label::WordCounts => "Dokumentet për secilën fjalë veç e veç:",
        Label::SkipToContent => "Kalo te përmbajtja",
        Label::SkipToResults => "Kalo te rezultatet",
        Label::FacetProvenance => "Burimi",
        Label::RealOnly => "Vetëm çështje të vërteta (pa shembuj)",
        Label::Tagline => "Praktika gjyqësore dhe rekomandimet e GRETA-s për trafikimin e qenieve njerëzore",
        Label::InterfaceLanguage => "Gjuha e ndërfaqes",
        Label::FooterAbout => "thb-caselaw: vendime, aktgjykime dhe rekomandime të GRETA-s për trafikimin e qenieve njerëzore në Ballkanin Perëndimor, Turqi dhe Maltë. Dokumentet e shënuara si shembuj janë ilustruese dhe të trilluara.",
        Label::FooterKeys => "Tastiera: / të çon te fusha e kërkimit, ? hap sintaksën e kërkimit, Esc e mbyll, n kalon te fjala tjetër e theksuar në dokument.",
        Label::PageTitle => "Kërkimi",
        Label::SearchBox => "Kërko në praktikën gjyqësore dhe rekomandimet e GRETA-s",
        Label::SearchPlaceholder => "p.sh. trafikim, punë e detyruar, \"mosndëshkimi\"",
        Label::SearchButton => "Kërko",
        Label::SearchHint => "Duhet të gjenden të gjitha fjalët. Shkronjat latine gjejnë edhe cirilicën dhe diakritikët nuk janë të detyrueshëm.",
        Label::SyntaxTitle => "Sintaksa e kërkimit",
        Label::SyntaxYouType => "Shkruani",
        Label::SyntaxFinds => "Gjen",
        Label::SyntaxWords => "dokumente me të gjitha fjalët (DHE)",
        Label::SyntaxPhrase => "shprehjen e saktë",
        Label::SyntaxNear => "fjalët brenda 5 fjalëve nga njëra-tjetra",
        Label::SyntaxOr => "njërën ose tjetrën fjalë",
        Label::SyntaxNot => "pa fjalën pas minusit",
        Label::SyntaxGroup => "grupim: njërën nga dy të parat, dhe të tretën",
        Label::SyntaxField => "fjalën në një fushë: title:, court:, id: ose ecli:",
        Label::SyntaxPrefix => "çdo fjalë që fillon kështu: trafficking, trafficked, trafficker…",
        Label::SyntaxScripts => "Shkronjat latine gjejnë edhe cirilicën (trgovina gjen трговина) dhe diakritikët nuk janë të detyrueshëm (shfrytezim gjen shfrytëzim). Funksionojnë edhe thonjëzat e kopjuara nga një përpunues teksti.",
        Label::Filters => "Filtrat",
        Label::ApplyFilters => "Zbato filtrat",
        Label::Apply => "Zbato",
        Label::More => "Më shumë ({n})",
        Label::FacetFilter => "Shkruani për të ngushtuar listën",
        Label::FacetFilterNone => "Asgjë në listë nuk përputhet.",
        Label::Facet(Dimension::Country) => "Shteti",
        Label::Facet(Dimension::Theme) => "Tema",
        Label::Facet(Dimension::Kind) => "Lloji i dokumentit",
        Label::Facet(Dimension::Language) => "Gjuha",
        Label::Facet(Dimension::GretaRound) => "Raundi i GRETA-s",
        Label::Facet(Dimension::GretaStrength) => "Forca e rekomandimit të GRETA-s",
        Label::FacetGretaArticle => "Neni i Konventës",
        Label::GretaRoundN => "Raundi {n}",
        Label::GretaArticleN => "Neni {n}",
        Label::StrengthUrges => "Nxit me urgjencë (më e ngutshmja)",
        Label::StrengthConsiders => "Konsideron se … duhet",
        Label::StrengthInvites => "Fton",
        Label::Facet(Dimension::Year) => "Viti",
        Label::YearHistogram => "Dokumente për vit; zgjidhni një vit për të parë vetëm atë",
        Label::YearFrom => "Nga",
        Label::YearTo => "Deri",
        Label::Facet(Dimension::Court) => "Gjykata",
        Label::Themes => "Temat",
        Label::Results => "Rezultatet",
        Label::Total => "Rezultate: {total} ({ms} ms)",
        Label::SortBy => "Rendit sipas",
        Label::SortRelevance => "Rëndësisë",
        Label::SortNewest => "Më të rejat së pari",
        Label::SortOldest => "Më të vjetrat së pari",
        Label::ExpandAcrossLanguages => "Zgjero në gjuhë të tjera",
        Label::ExpandedWith => "U kërkua edhe në gjuhë të tjera:",
        Label::ExplainResults => "Shpjego pse u shfaq secili rezultat",
        Label::WhyThisResult => "Pse ky rezultat?",
        Label::ExplainScore => "Pikët {score}, shuma e asaj që shtoi secila përputhje:",
        Label::ExplainMatch => "{where}: „{term}” (për „{words}”), +{points}",
        Label::ExplainExpansion => "{where}: „{term}” ({language}), një term i konceptit të tezaurit {concept} që emërton „{words}”; renditur poshtë fjalëve siç janë shtypur",
        Label::MatchTitleExact => "Titulli, siç është shkruar",
        Label::MatchTitleFolded => "Titulli, pa diakritikë dhe pavarësisht alfabetit",
        Label::MatchTextExact => "Teksti, siç është shkruar",
        Label::MatchTextFolded => "Teksti, pa diakritikë dhe pavarësisht alfabetit",
        Label::MatchStem => "Rrënja e një fjale të tekstit, sipas rregullave të gjuhës: {language}",
        Label::MatchIdentifier => "Identifikues (numri i kërkesës, numri i çështjes)",
        Label::MatchCourt => "Gjykata",
        Label::SelectedFilters => "Filtrat e zgjedhur:",
        Label::RemoveFilter => "Hiq filtrin {filter}",
        Label::ClearFilters => "Hiq të gjithë filtrat",
        Label::Export => "Eksporto:",
        Label::ExportAll => "të gjitha rezultatet: {total}",
        Label::ExportFirst => "{cap} të parat nga {total} rezultate; një eksport përmban të shumtën {cap} rreshta",
        Label::SampleBadge => "Shembull — ilustrues, jo çështje e vërtetë",
        Label::RestrictedBadge => "I kufizuar — i dukshëm vetëm për lexuesit e autorizuar",
        Label::NoResults => "Asnjë dokument nuk përputhet me këtë kërkim.",
        Label::NoResultsFewerWords => "Provoni me më pak fjalë: duhet të gjenden të gjitha.",
        Label::NoResultsFilters => "Hiqni një nga filtrat më sipër.",
        Label::NoResultsPrefix => "Përfundojeni fjalën me * për të gjetur format e tjera të saj (trafik*).",
        Label::PastLastPage => "Kjo faqe është përtej rezultatit të fundit.",
        Label::FirstPage => "Shko te faqja e parë",
        Label::Pagination => "Faqet e rezultateve",
        Label::Previous => "E mëparshmja",
        Label::Next => "Tjetra",
        Label::PageN => "Faqja {n}",
        Label::DepthNote => "Mund të shfletohen vetëm {depth} rezultatet e para; shtoni fjalë ose filtra për ta ngushtuar kërkimin.",
        Label::DidYouMean => "Mos keni parasysh:",
        Label::ErrorColumn => "(te karakteri {column})",
        Label::RemoveParameter => "Kërko përsëri pa parametrin {name}",
        Label::NewSearch => "Fillo një kërkim të ri",
        Label::ErrorBadRequest => "Ky kërkim nuk mund të kryhet",
        Label::ErrorUnauthorized => "Nuk jeni i autorizuar",
        Label::ErrorNotFound => "Dokumenti nuk u gjet",
        Label::ErrorUnavailable => "Kërkimi është i ngarkuar",
        Label::ErrorInternal => "Ndodhi një gabim në server",
        Label::BackToResults => "Kthehu te rezultatet",
        Label::Citation => "Citimi",
        Label::CopyCitation => "Kopjo citimin",
        Label::PinCite => "Citimi me këtë paragraf",
        Label::CopyPinCite => "Kopjo",
        Label::AtParagraph => "Paragrafi {n} në dokument",
        Label::CitedBy => "Cituar nga",
        Label::SimilarDocuments => "Dokumente të ngjashme",
        Label::SharedWords => "Fjalë të përbashkëta: {words}",
        Label::OtherRounds => "I njëjti vend në raundet e tjera të GRETA-s",
        Label::RoundN => "Raundi {n}",
        Label::FilterCites => "Citon",
        Label::Proceedings => "Rrjedha e procedurës",
        Label::NotInDatabase => "nuk është në bazë",
        Label::LevelFirstInstance => "Shkalla e parë",
        Label::LevelAppeal => "Apeli",
        Label::LevelSupreme => "Gjykata e Lartë",
        Label::LevelConstitutional => "Gjykata Kushtetuese",
        Label::LevelInternational => "Gjykata Evropiane e të Drejtave të Njeriut",
        Label::OtherDecisions => "Vendime të tjera në këtë çështje: {n}",
        Label::FieldVictims => "Viktimat",
        Label::FieldDefendants => "Të pandehurit",
        Label::FieldCharges => "Akuzat",
        Label::ChargeDismissed => "e hedhur poshtë",
        Label::PersonNotDescribed => "pa përshkrim",
        Label::Facet(Dimension::Provision) => "Dispozita",
        Label::Facet(Dimension::Verdict) => "Vendimi",
        Label::Facet(Dimension::Sector) => "Sektori i shfrytëzimit",
        Label::Facet(Dimension::VictimAge) => "Mosha e viktimave",
        Label::Facet(Dimension::VictimGender) => "Gjinia e viktimave",
        Label::Facet(Dimension::VictimNationality) => "Shtetësia e viktimave",
        Label::Copied => "Citimi u kopjua.",
        Label::SourceLink => "Burimi zyrtar",
        Label::Details => "Të dhënat",
        Label::Summary => "Përmbledhje",
        Label::FullText => "Teksti i plotë",
        Label::Matches => "Të theksuara: {n} përputhje për “{q}”",
        Label::NextMatch => "Përputhja tjetër",
        Label::FieldId => "Identifikuesi",
        Label::FieldDate => "Data",
        Label::FieldApplication => "Nr. i kërkesës",
        Label::AlsoIn => "Edhe në",
        Label::LanguageVersions => "Versionet gjuhësore",
        Label::FieldGretaRound => "Raundi i vlerësimit të GRETA-s",
        Label::FieldGretaStrength => "Formulimi i rekomandimit",
        Label::FieldGretaArticles => "Nenet e Konventës",
        Label::FieldGretaParagraph => "Paragrafi",
        Label::FieldProvenance => "Origjina",
        Label::ProvenanceReal => "Vendim ose rekomandim i vërtetë, i përmbledhur ose i cituar",
        Label::ProvenanceSample => "Shembull: ilustrues dhe i trilluar, jo çështje e vërtetë",
        Label::FieldAccess => "Qasja",
        Label::AccessPublic => "Publike",
        Label::AccessRestricted => "E kufizuar",
        Label::CitationNumber => "nr.",
        Label::CitationNumbers => "nr.",
        Label::CitationRound => "raundi",
        Label::CitationParagraph => "par.",
        Label::CitationSample => "shembull, jo çështje e vërtetë",
        Label::SampleMarker => "(shembull)",
        Label::KosovoNote => "*Çdo referencë për Kosovën, qoftë për territorin, institucionet apo popullsinë, në këtë tekst duhet të kuptohet në pajtim të plotë me Rezolutën 1244 të Këshillit të Sigurimit të Kombeve të Bashkuara dhe pa paragjykuar statusin e Kosovës.",
        Label::ErrUnclosedQuote => "Shprehjes i mungojnë thonjëzat mbyllëse (\").",
        Label::ErrUnexpectedParenthesis => "Kllapa mbyllëse „)” nuk ka kllapë hapëse „(”.",
        Label::ErrUnclosedParenthesis => "Kllapa hapëse „(” nuk është mbyllur.",
        Label::ErrEmptyParentheses => "Midis kllapave nuk ka asgjë.",
        Label::ErrTooDeep => "Kllapat janë futur njëra brenda tjetrës në më shumë se {limit} nivele.",
        Label::ErrMissingTerm => "Mungon një fjalë: OR kërkon fjalë në të dyja anët, ndërsa - ose NOT një fjalë për ta përjashtuar.",
        Label::ErrUnknownField => "„{name}:” nuk është fushë; fushat janë title:, text:, court:, id: dhe ecli:.",
        Label::ErrFieldWithoutTerm => "Pas „{field}” duhet një fjalë, p.sh. {field}trafikim.",
        Label::ErrTooLong => "Kërkimi është më i gjatë se {limit} karaktere.",
        Label::ErrTooManyTerms => "Kërkimi ka më shumë se {limit} fjalë.",
        Label::ErrPhraseTooLong => "Një shprehje mund të ketë të shumtën {limit} fjalë; kërkoni pjesën e saj më domethënëse.",
        Label::ErrSlopWithoutNumber => "„~” pas një shprehjeje kërkon një numër fjalësh, p.sh. \"punë e detyruar\"~5.",
        Label::ErrSlopTooLarge => "Fjalët e një shprehjeje mund të jenë të shumtën {limit} pozicione larg njëra-tjetrës.",
        Label::ErrControlCharacter => "Kërkimi përmban një shenjë kontrolli të padukshme.",
        Label::ErrPrefixNotAWord => "„{prefix}*”: vetëm një fjalë e vetme mund të mbarojë me *.",
        Label::ErrPrefixTooShort => "„{prefix}*”: një fjalë që mbaron me * duhet të ketë të paktën {limit} shkronja.",
        Label::ErrPrefixTooCommon => "„{prefix}*” përputhet me më shumë se {limit} fjalë të ndryshme; shkruani më shumë shkronja.",
        Label::ErrNotUtf8 => "Adresa përmban shenja që nuk mund të lexohen.",
        Label::ErrUnknownParameter => "Adresa përmban një parametër të panjohur „{name}”.",
        Label::ErrInvalidValue => "„{value}” nuk është vlerë e vlefshme për „{name}”.",
        Label::ErrUnknownCountry => "„{value}” nuk është kod i njohur shteti.",
        Label::ErrUnknownTheme => "„{value}” nuk është temë.",
        Label::ErrTooManyValues => "Filtri „{name}” ka më shumë se {limit} vlera.",
        Label::ErrReversedYears => "Viti te „Nga” është pas vitit te „Deri”.",
        Label::ErrBeyondDepth => "Mund të shfletohen vetëm {limit} rezultatet e para; ngushtoni kërkimin me fjalë ose filtra.",
        Label::ErrTooManyParameters => "Adresa përmban më shumë se {limit} parametra.",
        Label::ErrTimeout => "Kërkimi zgjati më shumë se {seconds} sekonda; ngushtojeni me më shumë fjalë ose filtra.",
        Label::ErrNotFound => "Asnjë dokument nuk ka këtë identifikues, ose dokumenti nuk është publik.",
        Label::ErrUnauthorized => "Çelësi i qasjes mungon ose nuk është i vlefshëm.",
        Label::ErrLocked => "Indeksi po përditësohet; provoni përsëri pas pak.",
    }
}

/// Macedonian labels (standard literary Macedonian, Cyrillic). GRETA is ГРЕТА, as in the
/// Macedonian translations of its reports.
fn macedonian(label: Label) -> &'static str {
    match label {
        Label::PartialHeading => "Документи со некои од вашите зборови",
        Label::PartialIntro => "Ниеден документ не ги содржи сите ваши зборови; овие {total} содржат некои од нив, прво оние со повеќе зборови.",
        Label::PartialFewer => "Само {full} документи ги содржат сите ваши зборови; уште {total} содржат некои од нив.",
        Label::WordMatchesNothing => "Ниеден документ не го содржи „{word}“:",
        Label::SearchWithout => "пребарајте без него",
        Label::WordCounts => "Број на документи за секој збор посебно:",
        Label::SkipToContent => "Премини на содржината",
        Label::SkipToResults => "Премини на резултатите",
        Label::AlsoIn => "Достапно и на",
        Label::LanguageVersions => "Јазични верзии",
        Label::FacetProvenance => "Извор",
        Label::RealOnly => "Само вистински предмети (без примери)",
        Label::Tagline => "Судска пракса и препораки на ГРЕТА за трговија со луѓе",
        Label::InterfaceLanguage => "Јазик на интерфејсот",
        Label::FooterAbout => "thb-caselaw: одлуки, пресуди и препораки на ГРЕТА за трговија со луѓе на Западен Балкан, во Турција и Малта. Документите означени како примери се илустративни и измислени.",
        Label::FooterKeys => "Тастатура: / води во полето за пребарување, ? ја отвора синтаксата за пребарување, Esc ја затвора, n преминува на следниот означен збор во документот.",
        Label::PageTitle => "Пребарување",
        Label::SearchBox => "Пребарување на судската пракса и препораките на ГРЕТА",
        Label::SearchPlaceholder => "на пр. трговија со луѓе, trgovina ljudima, \"неказнување\"",
        Label::SearchButton => "Барај",
        Label::SearchHint => "Сите зборови мора да се појават. Латиницата наоѓа и кирилица, а дијакритичките знаци не се задолжителни.",
        Label::SyntaxTitle => "Синтакса за пребарување",
        Label::SyntaxYouType => "Внесувате",
        Label::SyntaxFinds => "Наоѓа",
        Label::SyntaxWords => "документи со сите зборови (И)",
        Label::SyntaxPhrase => "точниот израз",
        Label::SyntaxNear => "зборовите на растојание до 5 зборови",
        Label::SyntaxOr => "едниот или другиот збор",
        Label::SyntaxNot => "без зборот по минусот",
        Label::SyntaxGroup => "групирање: еден од првите два збора, и третиот",
        Label::SyntaxField => "зборот во едно поле: title:, court:, id: или ecli:",
        Label::SyntaxPrefix => "секој збор што така почнува: trafficking, trafficked, trafficker…",
        Label::SyntaxScripts => "Латиницата наоѓа и кирилица (trgovija наоѓа трговија), а дијакритичките знаци не се задолжителни (zrtva наоѓа žrtva). Работат и наводниците од програмите за обработка на текст.",
        Label::Filters => "Филтри",
        Label::ApplyFilters => "Примени ги филтрите",
        Label::Apply => "Примени",
        Label::More => "Уште ({n})",
        Label::FacetFilter => "Внесете за да ја стесните листата",
        Label::FacetFilterNone => "Ништо во листата не одговара.",
        Label::Facet(Dimension::Country) => "Држава",
        Label::Facet(Dimension::Theme) => "Тема",
        Label::Facet(Dimension::Kind) => "Вид на документ",
        Label::Facet(Dimension::Language) => "Јазик",
        Label::Facet(Dimension::GretaRound) => "Круг на ГРЕТА",
        Label::Facet(Dimension::GretaStrength) => "Јачина на препораката на ГРЕТА",
        Label::FacetGretaArticle => "Член од Конвенцијата",
        Label::GretaRoundN => "{n}. круг",
        Label::GretaArticleN => "Член {n}",
        Label::StrengthUrges => "Настојчиво повикува (најитно)",
        Label::StrengthConsiders => "Смета дека … треба",
        Label::StrengthInvites => "Поканува",
        Label::Facet(Dimension::Year) => "Година",
        Label::YearHistogram => "Број на документи по година; изберете година за да ја видите само неа",
        Label::YearFrom => "Од",
        Label::YearTo => "До",
        Label::Facet(Dimension::Court) => "Суд",
        Label::Themes => "Теми",
        Label::Results => "Резултати",
        Label::Total => "Резултати: {total} ({ms} мс)",
        Label::SortBy => "Подреди според",
        Label::SortRelevance => "Релевантност",
        Label::SortNewest => "Најнови прво",
        Label::SortOldest => "Најстари прво",
        Label::ExpandAcrossLanguages => "Прошири на други јазици",
        Label::ExpandedWith => "Пребарано и на други јазици:",
        Label::ExplainResults => "Објасни зошто се појави секој резултат",
        Label::WhyThisResult => "Зошто овој резултат?",
        Label::ExplainScore => "Оцена {score}, збир на придонесите на секое совпаѓање:",
        Label::ExplainMatch => "{where}: „{term}“ (за „{words}“), +{points}",
        Label::ExplainExpansion => "{where}: „{term}“ ({language}), термин на поимот од тезаурусот {concept} што го именува „{words}“; рангирано под зборовите како што се внесени",
        Label::MatchTitleExact => "Наслов, како што е напишан",
        Label::MatchTitleFolded => "Наслов, без дијакритици и без оглед на писмото",
        Label::MatchTextExact => "Текст, како што е напишан",
        Label::MatchTextFolded => "Текст, без дијакритици и без оглед на писмото",
        Label::MatchStem => "Основа на збор од текстот, според правилата на јазикот: {language}",
        Label::MatchIdentifier => "Идентификатор (број на апликација, број на предмет)",
        Label::MatchCourt => "Суд",
        Label::SelectedFilters => "Избрани филтри:",
        Label::RemoveFilter => "Отстрани го филтерот {filter}",
        Label::ClearFilters => "Отстрани ги сите филтри",
        Label::Export => "Извоз:",
        Label::ExportAll => "сите резултати: {total}",
        Label::ExportFirst => "првите {cap} од {total} резултати; извозот содржи најмногу {cap} редови",
        Label::SampleBadge => "Пример — илустрација, не е вистински предмет",
        Label::RestrictedBadge => "Ограничен пристап — видлив само за овластени читатели",
        Label::NoResults => "Ниеден документ не одговара на ова пребарување.",
        Label::NoResultsFewerWords => "Обидете се со помалку зборови: сите зборови мора да се појават.",
        Label::NoResultsFilters => "Отстранете некој од филтрите погоре.",
        Label::NoResultsPrefix => "Завршете го зборот со * за да ги најдете и неговите други облици (трговиј*).",
        Label::PastLastPage => "Оваа страница е по последниот резултат.",
        Label::FirstPage => "Оди на првата страница",
        Label::Pagination => "Страници со резултати",
        Label::Previous => "Претходна",
        Label::Next => "Следна",
        Label::PageN => "Страница {n}",
        Label::DepthNote => "Може да се прелистуваат само првите {depth} резултати; додајте зборови или филтри за да го стесните пребарувањето.",
        Label::DidYouMean => "Дали мислевте:",
        Label::ErrorColumn => "(кај знакот {column})",
        Label::RemoveParameter => "Пребарај повторно без параметарот {name}",
        Label::NewSearch => "Ново пребарување",
        Label::ErrorBadRequest => "Ова пребарување не може да се изврши",
        Label::ErrorUnauthorized => "Немате овластување",
        Label::ErrorNotFound => "Документот не е пронајден",
        Label::ErrorUnavailable => "Пребарувањето е моментално преоптоварено",
        Label::ErrorInternal => "Настана грешка на серверот",
        Label::BackToResults => "Назад кон резултатите",
        Label::Citation => "Цитат",
        Label::CopyCitation => "Копирај го цитатот",
        Label::PinCite => "Цитат со овој параграф",
        Label::CopyPinCite => "Копирај",
        Label::AtParagraph => "Параграф {n} во документот",
        Label::CitedBy => "Цитирано во",
        Label::SimilarDocuments => "Слични документи",
        Label::SharedWords => "Заеднички зборови: {words}",
        Label::OtherRounds => "Истата земја во другите кругови на GRETA",
        Label::RoundN => "Круг {n}",
        Label::FilterCites => "Цитира",
        Label::Proceedings => "Тек на постапката",
        Label::NotInDatabase => "не е во базата",
        Label::LevelFirstInstance => "Прв степен",
        Label::LevelAppeal => "Жалбена постапка",
        Label::LevelSupreme => "Врховен суд",
        Label::LevelConstitutional => "Уставен суд",
        Label::LevelInternational => "Европски суд за човекови права",
        Label::OtherDecisions => "Други одлуки во овој предмет: {n}",
        Label::FieldVictims => "Жртви",
        Label::FieldDefendants => "Обвинети",
        Label::FieldCharges => "Обвиненија",
        Label::ChargeDismissed => "одбиено",
        Label::PersonNotDescribed => "без опис",
        Label::Facet(Dimension::Provision) => "Одредба",
        Label::Facet(Dimension::Verdict) => "Исход",
        Label::Facet(Dimension::Sector) => "Сектор на експлоатација",
        Label::Facet(Dimension::VictimAge) => "Возраст на жртвите",
        Label::Facet(Dimension::VictimGender) => "Пол на жртвите",
        Label::Facet(Dimension::VictimNationality) => "Државјанство на жртвите",
        Label::Copied => "Цитатот е копиран.",
        Label::SourceLink => "Официјален извор",
        Label::Details => "Податоци",
        Label::Summary => "Резиме",
        Label::FullText => "Целосен текст",
        Label::Matches => "Означено: {n} совпаѓања за „{q}“",
        Label::NextMatch => "Следно совпаѓање",
        Label::FieldId => "Ознака",
        Label::FieldDate => "Датум",
        Label::FieldApplication => "Број на апликација",
        Label::FieldGretaRound => "Круг на евалуација на ГРЕТА",
        Label::FieldGretaStrength => "Формулација на препораката",
        Label::FieldGretaArticles => "Членови од Конвенцијата",
        Label::FieldGretaParagraph => "Параграф",
        Label::FieldProvenance => "Потекло",
        Label::ProvenanceReal => "Вистинска одлука или препорака, сумирана или цитирана",
        Label::ProvenanceSample => "Пример: илустративен и измислен, не е вистински предмет",
        Label::FieldAccess => "Пристап",
        Label::AccessPublic => "Јавен",
        Label::AccessRestricted => "Ограничен",
        Label::CitationNumber => "бр.",
        Label::CitationNumbers => "бр.",
        Label::CitationRound => "круг",
        Label::CitationParagraph => "пар.",
        Label::CitationSample => "пример, не е вистински предмет",
        Label::SampleMarker => "(пример)",
        Label::KosovoNote => "*Секое спомнување на Косово, без разлика дали се однесува на територијата, институциите или населението, во овој текст треба да се разбира во целосна согласност со Резолуцијата 1244 на Советот за безбедност на Обединетите нации и без прејудицирање на статусот на Косово.",
        Label::ErrUnclosedQuote => "На изразот му недостасуваат завршните наводници (\").",
        Label::ErrUnexpectedParenthesis => "Затворената заграда „)“ нема отворена „(“.",
        Label::ErrUnclosedParenthesis => "Отворената заграда „(“ не е затворена.",
        Label::ErrEmptyParentheses => "Меѓу заградите нема ништо.",
        Label::ErrTooDeep => "Заградите се вгнездени во повеќе од {limit} нивоа.",
        Label::ErrMissingTerm => "Недостасува збор: OR бара збор од двете страни, а - или NOT бара збор што се исклучува.",
        Label::ErrUnknownField => "„{name}:“ не е поле; полињата се title:, text:, court:, id: и ecli:.",
        Label::ErrFieldWithoutTerm => "По „{field}“ треба збор, на пр. {field}трговија.",
        Label::ErrTooLong => "Барањето е подолго од {limit} знаци.",
        Label::ErrTooManyTerms => "Барањето има повеќе од {limit} зборови.",
        Label::ErrPhraseTooLong => "Изразот може да има најмногу {limit} зборови; пребарајте го неговиот најкарактеристичен дел.",
        Label::ErrSlopWithoutNumber => "По „~“ зад изразот треба број на зборови, на пр. \"принудна работа\"~5.",
        Label::ErrSlopTooLarge => "Зборовите на изразот може да бидат најмногу {limit} места оддалечени.",
        Label::ErrControlCharacter => "Барањето содржи невидлив контролен знак.",
        Label::ErrPrefixNotAWord => "„{prefix}*“: само еден збор може да завршува со *.",
        Label::ErrPrefixTooShort => "„{prefix}*“: зборот што завршува со * треба да има најмалку {limit} букви.",
        Label::ErrPrefixTooCommon => "„{prefix}*“ одговара на повеќе од {limit} различни зборови; внесете повеќе букви.",
        Label::ErrNotUtf8 => "Адресата содржи знаци што не можат да се прочитаат.",
        Label::ErrUnknownParameter => "Адресата содржи непознат параметар „{name}“.",
        Label::ErrInvalidValue => "„{value}“ не е дозволена вредност за „{name}“.",
        Label::ErrUnknownCountry => "„{value}“ не е познат код на држава.",
        Label::ErrUnknownTheme => "„{value}“ не е тема.",
        Label::ErrTooManyValues => "Филтерот „{name}“ има повеќе од {limit} вредности.",
        Label::ErrReversedYears => "Годината во „Од“ е по годината во „До“.",
        Label::ErrBeyondDepth => "Може да се прелистуваат само првите {limit} резултати; стеснете го пребарувањето со зборови или филтри.",
        Label::ErrTooManyParameters => "Адресата содржи повеќе од {limit} параметри.",
        Label::ErrTimeout => "Пребарувањето траеше подолго од {seconds} секунди; стеснете го со повеќе зборови или филтри.",
        Label::ErrNotFound => "Ниеден документ нема таква ознака или документот не е јавен.",
        Label::ErrUnauthorized => "Клучот за пристап недостасува или не е важечки.",
        Label::ErrLocked => "Индексот се ажурира; обидете се повторно за момент.",
    }
}

/// Kinds of document.
const KINDS: &[(Kind, [&str; 4])] = &[
    (
        Kind::Judgment,
        ["Judgment", "Presuda", "Aktgjykim", "Пресуда"],
    ),
    (Kind::Decision, ["Decision", "Odluka", "Vendim", "Одлука"]),
    (
        Kind::Recommendation,
        ["Recommendation", "Preporuka", "Rekomandim", "Препорака"],
    ),
    (Kind::Report, ["Report", "Izveštaj", "Raport", "Извештај"]),
    (
        Kind::Legislation,
        ["Legislation", "Propis", "Legjislacion", "Пропис"],
    ),
];

/// Document languages by BCP 47 tag (as indexed); other tags fall back to their base language.
const LANGUAGES: &[(&str, [&str; 4])] = &[
    ("en", ["English", "Engleski", "Anglisht", "Англиски"]),
    ("fr", ["French", "Francuski", "Frëngjisht", "Француски"]),
    ("de", ["German", "Nemački", "Gjermanisht", "Германски"]),
    ("it", ["Italian", "Italijanski", "Italisht", "Италијански"]),
    ("ru", ["Russian", "Ruski", "Rusisht", "Руски"]),
    ("el", ["Greek", "Grčki", "Greqisht", "Грчки"]),
    ("mt", ["Maltese", "Malteški", "Maltisht", "Малтешки"]),
    ("tr", ["Turkish", "Turski", "Turqisht", "Турски"]),
    ("sq", ["Albanian", "Albanski", "Shqip", "Албански"]),
    (
        "mk",
        ["Macedonian", "Makedonski", "Maqedonisht", "Македонски"],
    ),
    ("sr", ["Serbian", "Srpski", "Serbisht", "Српски"]),
    (
        "sr-Cyrl",
        [
            "Serbian (Cyrillic)",
            "Srpski (ćirilica)",
            "Serbisht (cirilike)",
            "Српски (кирилица)",
        ],
    ),
    (
        "sr-Latn",
        [
            "Serbian (Latin)",
            "Srpski (latinica)",
            "Serbisht (latine)",
            "Српски (латиница)",
        ],
    ),
    ("bs", ["Bosnian", "Bosanski", "Boshnjakisht", "Босански"]),
    ("hr", ["Croatian", "Hrvatski", "Kroatisht", "Хрватски"]),
    (
        "cnr",
        ["Montenegrin", "Crnogorski", "Malazezisht", "Црногорски"],
    ),
    (
        "und",
        ["Undetermined", "Neodređen", "E papërcaktuar", "Неопределен"],
    ),
];

/// Month names, January first.
const MONTHS: [[&str; 4]; 12] = [
    ["January", "januar", "janar", "јануари"],
    ["February", "februar", "shkurt", "февруари"],
    ["March", "mart", "mars", "март"],
    ["April", "april", "prill", "април"],
    ["May", "maj", "maj", "мај"],
    ["June", "jun", "qershor", "јуни"],
    ["July", "jul", "korrik", "јули"],
    ["August", "avgust", "gusht", "август"],
    ["September", "septembar", "shtator", "септември"],
    ["October", "oktobar", "tetor", "октомври"],
    ["November", "novembar", "nëntor", "ноември"],
    ["December", "decembar", "dhjetor", "декември"],
];

/// GRETA's wording, strongest first.
const STRENGTHS: &[(Strength, [&str; 4])] = &[
    (
        Strength::Urges,
        [
            "GRETA urges",
            "GRETA hitno poziva",
            "GRETA u bën thirrje urgjente",
            "ГРЕТА настојчиво повикува",
        ],
    ),
    (
        Strength::Considers,
        [
            "GRETA considers",
            "GRETA smatra",
            "GRETA konsideron",
            "ГРЕТА смета",
        ],
    ),
    (
        Strength::Invites,
        [
            "GRETA invites",
            "GRETA poziva",
            "GRETA fton",
            "ГРЕТА поканува",
        ],
    ),
];

/// Courts and bodies the corpus names most, `(name as stored, [English, Serbian Latin,
/// Albanian, Macedonian])`, and the formations of the European courts. For display only: facet
/// values and links keep the stored name.
const COURTS: &[(&str, [&str; 4])] = &[
    (
        courts::ECTHR,
        [
            courts::ECTHR,
            "Evropski sud za ljudska prava",
            "Gjykata Evropiane e të Drejtave të Njeriut",
            "Европски суд за човекови права",
        ],
    ),
    (
        "Court of Justice of the European Union",
        [
            "Court of Justice of the European Union",
            "Sud pravde Evropske unije",
            "Gjykata e Drejtësisë e Bashkimit Evropian",
            "Суд на правдата на Европската унија",
        ],
    ),
    ("GRETA", ["GRETA", "GRETA", "GRETA", "ГРЕТА"]),
    (
        "Council of Europe",
        [
            "Council of Europe",
            "Savet Evrope",
            "Këshilli i Evropës",
            "Совет на Европа",
        ],
    ),
    (
        "Council of Europe project assessment",
        [
            "Council of Europe project assessment",
            "Procena projekta Saveta Evrope",
            "Vlerësim i projektit të Këshillit të Evropës",
            "Проценка на проект на Советот на Европа",
        ],
    ),
    (
        "Court of Criminal Appeal",
        [
            "Court of Criminal Appeal",
            "Krivični apelacioni sud",
            "Gjykata e Apelit Penal",
            "Кривичен апелационен суд",
        ],
    ),
    (
        "Court of Magistrates (Malta) as a Court of Criminal Judgment",
        [
            "Court of Magistrates (Malta) as a Court of Criminal Judgment",
            "Magistratski sud (Malta) kao krivični sud",
            "Gjykata e Magjistratëve (Malta) si gjykatë penale",
            "Магистратски суд (Малта) како кривичен суд",
        ],
    ),
    (
        "Grand Chamber",
        [
            "Grand Chamber",
            "Veliko veće",
            "Dhoma e Madhe",
            "Голем совет",
        ],
    ),
    ("Chamber", ["Chamber", "Veće", "Dhoma", "Совет"]),
    ("Committee", ["Committee", "Odbor", "Komiteti", "Комитет"]),
];

/// How a court decided, by `case::Verdict`.
const VERDICTS: &[(Verdict, [&str; 4])] = &[
    (
        Verdict::Conviction,
        [
            "Conviction",
            "Osuđujuća presuda",
            "Dënim",
            "Осудителна пресуда",
        ],
    ),
    (
        Verdict::Acquittal,
        [
            "Acquittal",
            "Oslobađajuća presuda",
            "Pafajësi",
            "Ослободителна пресуда",
        ],
    ),
    (
        Verdict::Partial,
        [
            "Partly convicted",
            "Delimično osuđujuća",
            "Dënim i pjesshëm",
            "Делумно осудителна",
        ],
    ),
    (
        Verdict::Violation,
        [
            "Violation found",
            "Utvrđena povreda",
            "U konstatua shkelje",
            "Утврдена повреда",
        ],
    ),
    (
        Verdict::NoViolation,
        [
            "No violation",
            "Nema povrede",
            "Nuk ka shkelje",
            "Нема повреда",
        ],
    ),
    (
        Verdict::Inadmissible,
        [
            "Inadmissible",
            "Nedopuštena predstavka",
            "E papranueshme",
            "Недопуштена апликација",
        ],
    ),
];

/// Sectors of exploitation, by `case::Sector`.
const SECTORS: &[(Sector, [&str; 4])] = &[
    (
        Sector::Agriculture,
        ["Agriculture", "Poljoprivreda", "Bujqësia", "Земјоделство"],
    ),
    (
        Sector::Construction,
        ["Construction", "Građevinarstvo", "Ndërtimi", "Градежништво"],
    ),
    (
        Sector::Hospitality,
        [
            "Hotels, restaurants and bars",
            "Ugostiteljstvo",
            "Hoteleria dhe restorantet",
            "Угостителство",
        ],
    ),
    (
        Sector::Entertainment,
        [
            "Cabarets and night clubs",
            "Kabarei i noćni klubovi",
            "Kabare dhe klube nate",
            "Кабареа и ноќни клубови",
        ],
    ),
    (
        Sector::DomesticWork,
        [
            "Domestic work",
            "Rad u domaćinstvu",
            "Punë shtëpiake",
            "Работа во домаќинство",
        ],
    ),
    (
        Sector::SexIndustry,
        [
            "Sex industry",
            "Seks-industrija",
            "Industria e seksit",
            "Секс-индустрија",
        ],
    ),
    (
        Sector::Begging,
        ["Begging", "Prosjačenje", "Lypja", "Питачење"],
    ),
    (
        Sector::Fishing,
        ["Fishing", "Ribarstvo", "Peshkimi", "Рибарство"],
    ),
    (
        Sector::Manufacturing,
        ["Manufacturing", "Proizvodnja", "Prodhimi", "Производство"],
    ),
    (
        Sector::CriminalActivities,
        [
            "Forced criminal activities",
            "Prinudno vršenje krivičnih dela",
            "Kryerje e detyruar e veprave penale",
            "Принудно вршење кривични дела",
        ],
    ),
    (Sector::Other, ["Other", "Drugo", "Tjetër", "Друго"]),
];

/// Victims' genders, by `case::Gender`.
const GENDERS: &[(Gender, [&str; 4])] = &[
    (Gender::Female, ["Female", "Ženski", "Femër", "Женски"]),
    (Gender::Male, ["Male", "Muški", "Mashkull", "Машки"]),
    (Gender::Other, ["Other", "Drugo", "Tjetër", "Друго"]),
];

/// The values of the victims' age facet (`case::VICTIM_AGES`).
const VICTIM_AGES: &[(&str, [&str; 4])] = &[
    (
        "minor",
        ["Minor", "Maloletno lice", "I mitur", "Малолетно лице"],
    ),
    (
        "adult",
        ["Adult", "Punoletno lice", "I rritur", "Полнолетно лице"],
    ),
];

/// The conventions of the provision facet, by the first segment of their paths.
const CONVENTIONS: &[(&str, [&str; 4])] = &[
    (
        "CETS197",
        [
            "Anti-Trafficking Convention (CETS No. 197)",
            "Konvencija o borbi protiv trgovine ljudima (CETS br. 197)",
            "Konventa kundër trafikimit të qenieve njerëzore (CETS nr. 197)",
            "Конвенција за борба против трговијата со луѓе (CETS бр. 197)",
        ],
    ),
    (
        "ECHR",
        [
            "European Convention on Human Rights",
            "Evropska konvencija o ljudskim pravima",
            "Konventa Evropiane për të Drejtat e Njeriut",
            "Европска конвенција за човекови права",
        ],
    ),
    (
        "PALERMO",
        [
            "Palermo Protocol",
            "Protokol iz Palerma",
            "Protokolli i Palermos",
            "Протокол од Палермо",
        ],
    ),
];

/// A criminal code and an article, as the provision facet's labels write them.
const CRIMINAL_CODE: [&str; 4] = [
    "Criminal Code",
    "Krivični zakonik",
    "Kodi Penal",
    "Кривичен законик",
];
const ARTICLE_N: [&str; 4] = ["Art. {n}", "čl. {n}", "neni {n}", "чл. {n}"];

/// A value of a closed list by its table; the value itself when the table lacks it.
fn listed<T: PartialEq + Copy>(
    ui: Ui,
    table: &[(T, [&'static str; 4])],
    value: Option<T>,
    raw: &str,
) -> String {
    value
        .and_then(|v| table.iter().find(|(t, _)| *t == v))
        .map_or_else(|| raw.to_string(), |(_, names)| ui.name(names).into_owned())
}

pub(crate) fn verdict_label(ui: Ui, value: &str) -> String {
    listed(ui, VERDICTS, Verdict::parse(value), value)
}

pub(crate) fn sector_label(ui: Ui, value: &str) -> String {
    listed(ui, SECTORS, Sector::parse(value), value)
}

pub(crate) fn gender_label(ui: Ui, value: &str) -> String {
    listed(ui, GENDERS, Gender::parse(value), value)
}

pub(crate) fn victim_age_label(ui: Ui, value: &str) -> String {
    let found = VICTIM_AGES
        .iter()
        .find(|(v, _)| *v == value)
        .map(|(v, _)| *v);
    listed(ui, VICTIM_AGES, found, value)
}

/// One segment of a provision's facet value (`RS/CC/388`) as it reads beneath its parent:
/// the instrument (a convention's name, a country's), `Criminal Code`, `Art. 388`.
pub(crate) fn provision_segment_label(ui: Ui, value: &str) -> String {
    let parts: Vec<&str> = value.trim_matches('/').split('/').collect();
    let convention = CONVENTIONS.iter().find(|(code, _)| *code == parts[0]);
    match (parts.as_slice(), convention) {
        ([_], Some((_, names))) => ui.name(names).into_owned(),
        ([code], None) => country_name(ui, code),
        ([_, "CC"], None) => ui.name(&CRIMINAL_CODE).into_owned(),
        ([.., article], _) => ui.name(&ARTICLE_N).replace("{n}", article),
        ([], _) => value.to_string(),
    }
}

/// A provision's facet value in full, as a chip reads it: `Serbia, Criminal Code, Art. 388`.
pub(crate) fn provision_label(ui: Ui, value: &str) -> String {
    let value = value.trim_matches('/');
    let mut path = String::new();
    let mut labels = Vec::new();
    for part in value.split('/') {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str(part);
        labels.push(provision_segment_label(ui, &path));
    }
    labels.join(", ")
}

/// The marker sample documents end their titles with (the corpus writes it in English).
const SAMPLE_MARKER: &str = "(sample)";

/// A theme's label; the path itself for a theme the table does not know.
pub(crate) fn theme_label(ui: Ui, path: &str) -> String {
    // The labels are the taxonomy's data (`corpus/theme-labels.toml`), which the API serves too.
    taxonomy::labels(path).map_or_else(
        || path.to_string(),
        |l| {
            ui.name(&[l.en.as_str(), l.sr.as_str(), l.sq.as_str(), l.mk.as_str()])
                .into_owned()
        },
    )
}

pub(crate) fn kind_label(ui: Ui, kind: Kind) -> Cow<'static, str> {
    KINDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or(Cow::Borrowed(kind.as_str()), |(_, names)| ui.name(names))
}

pub(crate) fn strength_label(ui: Ui, strength: Strength) -> Cow<'static, str> {
    STRENGTHS
        .iter()
        .find(|(s, _)| *s == strength)
        .map_or(Cow::Borrowed(""), |(_, names)| ui.name(names))
}

/// A language's name; for a tag the table lacks (`bs-Latn`), its base language's name with
/// the tag; the tag itself when the base is unknown too.
pub(crate) fn language_name(ui: Ui, tag: &str) -> String {
    let find = |t: &str| {
        LANGUAGES
            .iter()
            .find(|(known, _)| known.eq_ignore_ascii_case(t))
            .map(|(_, names)| ui.name(names))
    };
    if let Some(name) = find(tag) {
        return name.into_owned();
    }
    match tag.split_once('-').and_then(|(base, _)| find(base)) {
        Some(name) => format!("{name} ({tag})"),
        None => tag.to_string(),
    }
}

/// Macedonian names of the countries of `countries::LOCAL_NAMES`, in its order.
const MK_COUNTRIES: &[(&str, &str)] = &[
    ("AL", "Албанија"),
    ("BA", "Босна и Херцеговина"),
    ("HR", "Хрватска"),
    ("ME", "Црна Гора"),
    ("MK", "Северна Македонија"),
    ("MT", "Малта"),
    ("RS", "Србија"),
    ("TR", "Турција"),
    ("XK", "Косово*"),
    ("GB", "Обединето Кралство"),
    ("FR", "Франција"),
    ("GR", "Грција"),
    ("CY", "Кипар"),
    ("RU", "Русија"),
    ("AT", "Австрија"),
    ("AZ", "Азербејџан"),
    ("IT", "Италија"),
    ("DE", "Германија"),
];

/// A country's name in the interface language: `LOCAL_NAMES` (and [`MK_COUNTRIES`]) where
/// they have the country, the English name otherwise; Kosovo* always with its asterisk.
pub(crate) fn country_name(ui: Ui, code: &str) -> String {
    let local = countries::LOCAL_NAMES.iter().find(|(c, _, _)| *c == code);
    let macedonian = MK_COUNTRIES.iter().find(|(c, _)| *c == code);
    match (ui, local, macedonian) {
        (Ui::Sr, Some((_, serbian, _)), _) => serbian.to_string(),
        (Ui::SrCyrl, Some((_, serbian, _)), _) => serbian_latin_to_cyrillic(serbian),
        (Ui::Sq, Some((_, _, albanian)), _) => albanian.to_string(),
        (Ui::Mk, _, Some((_, name))) => name.to_string(),
        _ => countries::display_name(code),
    }
}

/// A date as people write it: "7 January 2010", "7. januar 2010.", "7 janar 2010",
/// "7 јануари 2010".
pub(crate) fn long_date(ui: Ui, date: Date) -> String {
    let month = MONTHS
        .get(usize::from(date.month).wrapping_sub(1))
        .map_or(Cow::Borrowed(""), |names| ui.name(names));
    match ui {
        Ui::Sr | Ui::SrCyrl => format!("{}. {month} {}.", date.day, date.year),
        Ui::En | Ui::Sq | Ui::Mk => format!("{} {month} {}", date.day, date.year),
    }
}

/// A court's name as stored (`European Court of Human Rights (Grand Chamber)`), or a
/// formation alone, in the interface language where [`COURTS`] has it; a sample's
/// `(sample)` translated. Names the table lacks (national courts, already in their own
/// language) are shown as stored.
pub(crate) fn court_name(ui: Ui, stored: &str) -> String {
    let (name, sample) = split_sample_marker(stored);
    let known = |text: &str| {
        COURTS
            .iter()
            .find(|(known, _)| known.eq_ignore_ascii_case(text))
            .map(|(_, names)| ui.name(names))
    };
    let mut shown = match (known(name), courts::split(name)) {
        (Some(whole), _) => whole.into_owned(),
        (None, (court, Some(formation))) => format!(
            "{} ({})",
            known(court).unwrap_or(Cow::Borrowed(court)),
            known(formation).unwrap_or(Cow::Borrowed(formation))
        ),
        (None, (court, None)) => court.to_string(),
    };
    if sample {
        shown = format!("{shown} {}", ui.t(Label::SampleMarker));
    }
    shown
}

/// A text without its trailing `(sample)`, and whether it had one.
fn split_sample_marker(text: &str) -> (&str, bool) {
    match text.trim_end().strip_suffix(SAMPLE_MARKER) {
        Some(rest) => (rest.trim_end(), true),
        None => (text, false),
    }
}

/// A title as stored, its trailing `(sample)` in the interface language: `(the title,
/// Some(marker))`, so the page can mark the title's language and the marker's apart.
/// In English the title stays whole: its marker is already in the interface language.
pub(crate) fn title_parts(ui: Ui, title: &str) -> (&str, Option<&'static str>) {
    match split_sample_marker(title) {
        (rest, true) if ui != Ui::En => (rest, Some(ui.t(Label::SampleMarker))),
        _ => (title, None),
    }
}

/// What is wrong, in the interface language, worded from the engine's or the API's typed
/// problem; the English message as it came for a problem without words of its own here (an
/// internal failure, whose details are in the log, not on the page).
pub(crate) fn error_message(ui: Ui, error: &PageError) -> String {
    let limit = |label: Label, limit: usize| ui.fill(label, &[("limit", &limit.to_string())]);
    match &error.reason {
        Reason::Query(problem) => match problem.as_ref() {
            QueryProblem::TooLong => limit(Label::ErrTooLong, MAX_QUERY_CHARS),
            QueryProblem::ControlCharacter => ui.t(Label::ErrControlCharacter).to_string(),
            QueryProblem::TooManyTerms => limit(Label::ErrTooManyTerms, MAX_QUERY_CLAUSES),
            QueryProblem::UnclosedQuote => ui.t(Label::ErrUnclosedQuote).to_string(),
            QueryProblem::PhraseTooLong => limit(Label::ErrPhraseTooLong, MAX_PHRASE_WORDS),
            QueryProblem::SlopWithoutNumber => ui.t(Label::ErrSlopWithoutNumber).to_string(),
            QueryProblem::SlopTooLarge => limit(Label::ErrSlopTooLarge, MAX_PHRASE_SLOP as usize),
            QueryProblem::UnknownField { name } => {
                ui.fill(Label::ErrUnknownField, &[("name", name)])
            }
            QueryProblem::FieldWithoutTerm { field } => {
                ui.fill(Label::ErrFieldWithoutTerm, &[("field", field)])
            }
            QueryProblem::UnexpectedParenthesis => {
                ui.t(Label::ErrUnexpectedParenthesis).to_string()
            }
            QueryProblem::UnclosedParenthesis => ui.t(Label::ErrUnclosedParenthesis).to_string(),
            QueryProblem::EmptyParentheses => ui.t(Label::ErrEmptyParentheses).to_string(),
            QueryProblem::TooDeep => limit(Label::ErrTooDeep, MAX_QUERY_DEPTH),
            QueryProblem::MissingTerm => ui.t(Label::ErrMissingTerm).to_string(),
            QueryProblem::PrefixNotAWord { prefix } => {
                ui.fill(Label::ErrPrefixNotAWord, &[("prefix", prefix)])
            }
            QueryProblem::PrefixTooShort { prefix } => ui.fill(
                Label::ErrPrefixTooShort,
                &[("prefix", prefix), ("limit", &MIN_PREFIX_CHARS.to_string())],
            ),
            QueryProblem::PrefixTooCommon { prefix } => ui.fill(
                Label::ErrPrefixTooCommon,
                &[
                    ("prefix", prefix),
                    ("limit", &MAX_PREFIX_EXPANSIONS.to_string()),
                ],
            ),
            QueryProblem::NotUtf8 => ui.t(Label::ErrNotUtf8).to_string(),
        },
        Reason::Parameter(problem) => {
            let name = error.parameter.as_deref().unwrap_or_default();
            match problem.as_ref() {
                ParameterProblem::Unknown => ui.fill(Label::ErrUnknownParameter, &[("name", name)]),
                ParameterProblem::Invalid { value } => {
                    let label = match Parameter::find(name).and_then(Parameter::dimension) {
                        Some(Dimension::Country) => Label::ErrUnknownCountry,
                        Some(Dimension::Theme) => Label::ErrUnknownTheme,
                        _ => Label::ErrInvalidValue,
                    };
                    ui.fill(label, &[("value", value), ("name", name)])
                }
                ParameterProblem::TooManyValues => ui.fill(
                    Label::ErrTooManyValues,
                    &[("name", name), ("limit", &MAX_FILTER_VALUES.to_string())],
                ),
                ParameterProblem::ReversedYears => ui.t(Label::ErrReversedYears).to_string(),
                ParameterProblem::BeyondResultDepth => {
                    limit(Label::ErrBeyondDepth, MAX_RESULT_DEPTH)
                }
                ParameterProblem::TooManyParameters => {
                    limit(Label::ErrTooManyParameters, MAX_QUERY_PARAMETERS)
                }
                ParameterProblem::NotUtf8 => ui.t(Label::ErrNotUtf8).to_string(),
            }
        }
        Reason::Api(code) => match *code {
            "timeout" => ui.fill(
                Label::ErrTimeout,
                &[("seconds", &SEARCH_DEADLINE.as_secs().to_string())],
            ),
            "not_found" => ui.t(Label::ErrNotFound).to_string(),
            "unauthorized" => ui.t(Label::ErrUnauthorized).to_string(),
            "locked" => ui.t(Label::ErrLocked).to_string(),
            _ => error.message.clone(),
        },
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use thb_text::normalize::fold_for_search_string;

    #[test]
    fn every_label_is_written_in_every_language_with_the_same_placeholders() {
        // Placeholders must match, or a translation silently drops a number.
        let placeholders = |s: &str| {
            s.split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
                .collect::<BTreeSet<_>>()
        };
        for label in Label::all() {
            for ui in Ui::ALL {
                let text = ui.t(label);
                assert!(!text.trim().is_empty(), "{ui:?} {label:?} is empty");
                assert_eq!(
                    placeholders(text),
                    placeholders(english(label)),
                    "{ui:?} {label:?}"
                );
            }
        }
    }

    #[test]
    fn every_theme_of_the_taxonomy_has_labels() {
        for path in taxonomy::all() {
            for ui in Ui::ALL {
                assert_ne!(
                    theme_label(ui, path),
                    *path,
                    "no {ui:?} label for theme {path}"
                );
            }
        }
        for kind in Kind::ALL {
            assert!(KINDS.iter().any(|(k, _)| *k == kind), "{kind:?}");
        }
    }

    #[test]
    fn names_dates_and_fallbacks() {
        assert_eq!(country_name(Ui::En, "XK"), "Kosovo*");
        assert_eq!(country_name(Ui::Sq, "XK"), "Kosova*");
        assert_eq!(country_name(Ui::Sr, "RS"), "Srbija");
        assert_eq!(country_name(Ui::Sr, "US"), "United States of America");
        assert_eq!(language_name(Ui::En, "sr-Cyrl"), "Serbian (Cyrillic)");
        assert_eq!(language_name(Ui::Sq, "bs-Latn"), "Boshnjakisht (bs-Latn)");
        assert_eq!(language_name(Ui::En, "xx"), "xx");
        let date = Date::parse("2010-01-07").unwrap();
        assert_eq!(long_date(Ui::En, date), "7 January 2010");
        assert_eq!(long_date(Ui::Sr, date), "7. januar 2010.");
        assert_eq!(long_date(Ui::Sq, date), "7 janar 2010");
        assert_eq!(Ui::En.fill(Label::PageN, &[("n", "3")]), "Page 3");
        assert_eq!(Ui::parse("SQ"), Some(Ui::Sq));
        assert_eq!(Ui::parse("sr-cyrl"), Some(Ui::SrCyrl));
        assert_eq!(long_date(Ui::SrCyrl, date), "7. јануар 2010.");
        assert_eq!(long_date(Ui::Mk, date), "7 јануари 2010");
        assert_eq!(country_name(Ui::Mk, "XK"), "Косово*");
        assert_eq!(country_name(Ui::Mk, "MK"), "Северна Македонија");
        assert_eq!(country_name(Ui::SrCyrl, "ME"), "Црна Гора");
        assert_eq!(country_name(Ui::SrCyrl, "XK"), "Косово*");
        assert_eq!(
            theme_label(Ui::SrCyrl, "means/debt-bondage"),
            "Дужничко ропство"
        );
        assert_eq!(
            theme_label(Ui::Mk, "means/debt-bondage"),
            "Должничко ропство"
        );
        assert_eq!(language_name(Ui::Mk, "sq"), "Албански");
    }

    #[test]
    fn macedonian_names_cover_every_country_with_local_names() {
        let local: Vec<_> = countries::LOCAL_NAMES.iter().map(|(c, _, _)| *c).collect();
        let macedonian: Vec<_> = MK_COUNTRIES.iter().map(|(c, _)| *c).collect();
        assert_eq!(local, macedonian);
    }

    /// Words with Latin letters a Cyrillic label may keep: acronyms and operators, the
    /// product's name, units, keys and quoted search input.
    const LATIN_KEPT: &[&str] = &[
        "GRETA",
        "OR",
        "NOT",
        "thb-caselaw:",
        "Esc",
        "n",
        "title:,",
        "text:,",
        "court:,",
        "id:",
        "ecli:",
        "ecli:.",
        "trafficking,",
        "trafficked,",
        "trafficker…",
        "(trgovina",
        "(prosjacenje",
        "prosjačenje).",
        "(trgovija",
        "(zrtva",
        "žrtva).",
        "trgovina",
        "ljudima,",
    ];

    /// The words of a label with Latin letters, besides [`LATIN_KEPT`] and placeholders.
    fn latin_words(text: &str) -> Vec<String> {
        let without_placeholders: String = text
            .split('{')
            .map(|p| p.split_once('}').map_or(p, |(_, rest)| rest))
            .collect();
        without_placeholders
            .split_whitespace()
            .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()) && !LATIN_KEPT.contains(w))
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn serbian_cyrillic_is_the_latin_table_in_cyrillic_with_no_latin_left() {
        for label in Label::all() {
            let (latin, cyrillic) = (serbian_latin(label), Ui::SrCyrl.t(label));
            assert_eq!(
                latin_words(cyrillic),
                Vec::<String>::new(),
                "{label:?}: {cyrillic}"
            );
            // Read back with the search fold's own table, each says the same as the Latin.
            if serbian_cyrillic_written(label).is_none() {
                assert_eq!(
                    fold_for_search_string(cyrillic),
                    fold_for_search_string(latin),
                    "{label:?}"
                );
            }
        }
        assert_eq!(
            Ui::SrCyrl.t(Label::SearchBox),
            "Претрага судске праксе и препорука GRETA"
        );
        assert_eq!(
            Ui::SrCyrl.fill(Label::Total, &[("total", "3"), ("ms", "1")]),
            "Резултата: 3 (1 мс)"
        );
        assert_eq!(
            Ui::SrCyrl.t(Label::ErrMissingTerm),
            "Недостаје реч: OR тражи реч са обе стране, а - или NOT реч која се искључује."
        );
        // A label written out must be one a transliteration would get wrong.
        for label in Label::all() {
            let Some(written) = serbian_cyrillic_written(label) else {
                continue;
            };
            assert_ne!(
                transliterate_label(serbian_latin(label)),
                written,
                "{label:?} need not be written out"
            );
        }
    }

    #[test]
    fn macedonian_labels_are_cyrillic() {
        for label in Label::all() {
            let text = macedonian(label);
            assert_eq!(latin_words(text), Vec::<String>::new(), "{label:?}: {text}");
        }
    }

    #[test]
    fn courts_and_samples_are_named_in_the_interface_language() {
        let grand_chamber = "European Court of Human Rights (Grand Chamber)";
        assert_eq!(court_name(Ui::En, grand_chamber), grand_chamber);
        assert_eq!(
            court_name(Ui::Mk, grand_chamber),
            "Европски суд за човекови права (Голем совет)"
        );
        assert_eq!(
            court_name(Ui::SrCyrl, grand_chamber),
            "Европски суд за људска права (Велико веће)"
        );
        assert_eq!(court_name(Ui::Sq, "Grand Chamber"), "Dhoma e Madhe");
        assert_eq!(court_name(Ui::Mk, "GRETA"), "ГРЕТА");
        assert_eq!(court_name(Ui::SrCyrl, "GRETA"), "GRETA");
        assert_eq!(
            court_name(Ui::Sr, "Council of Europe project assessment (sample)"),
            "Procena projekta Saveta Evrope (primer)"
        );
        // National courts are shown as they are written.
        assert_eq!(
            court_name(Ui::Mk, "Виши суд у Београду"),
            "Виши суд у Београду"
        );
        let title = "Виши суд у Нишу, К 34/2016 — трговина људима (sample)";
        assert_eq!(
            title_parts(Ui::Sq, title),
            (
                "Виши суд у Нишу, К 34/2016 — трговина људима",
                Some("(shembull)")
            )
        );
        assert_eq!(
            title_parts(Ui::Mk, "Rantsev v. Cyprus"),
            ("Rantsev v. Cyprus", None)
        );
    }

    fn query(problem: QueryProblem) -> Reason {
        Reason::Query(Box::new(problem))
    }

    fn parameter(problem: ParameterProblem) -> Reason {
        Reason::Parameter(Box::new(problem))
    }

    fn page_error(parameter: Option<&str>, reason: Reason) -> PageError {
        PageError {
            status: axum::http::StatusCode::BAD_REQUEST,
            message: "the English message".into(),
            column: None,
            suggestion: None,
            parameter: parameter.map(str::to_string),
            reason,
        }
    }

    #[test]
    fn errors_are_worded_in_every_interface_language_with_their_values() {
        let cases = [
            (None, query(QueryProblem::UnclosedQuote)),
            (
                None,
                query(QueryProblem::UnknownField {
                    name: "contry".into(),
                }),
            ),
            (
                Some("kind"),
                parameter(ParameterProblem::Invalid {
                    value: "verdict".into(),
                }),
            ),
            (Some("page"), parameter(ParameterProblem::BeyondResultDepth)),
            (None, Reason::Api("timeout")),
            (None, Reason::Api("not_found")),
        ];
        for (parameter, reason) in cases {
            let error = page_error(parameter, reason);
            let english = error_message(Ui::En, &error);
            for ui in Ui::ALL {
                let text = error_message(ui, &error);
                assert!(!text.contains('{'), "{ui:?}: {text}");
                if ui != Ui::En {
                    assert_ne!(text, english, "{ui:?} is English");
                }
            }
        }
        let unknown_country = page_error(
            Some("country"),
            parameter(ParameterProblem::Invalid { value: "YU".into() }),
        );
        assert_eq!(
            error_message(Ui::Mk, &unknown_country),
            "„YU“ не е познат код на држава."
        );
        let deep = page_error(Some("page"), parameter(ParameterProblem::BeyondResultDepth));
        assert_eq!(
            error_message(
                Ui::Sr,
                &page_error(
                    Some("kind"),
                    parameter(ParameterProblem::Invalid {
                        value: "verdict".into()
                    })
                )
            ),
            "„verdict“ nije dozvoljena vrednost za „kind“."
        );
        assert!(error_message(Ui::Sq, &deep).contains("1000"));
        // An internal failure keeps the API's words: nothing more can be said.
        assert_eq!(
            error_message(Ui::Sr, &page_error(None, Reason::Api("internal"))),
            "the English message"
        );
    }
}
