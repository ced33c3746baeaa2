//! Interface labels in English, Serbian (Latin and Cyrillic script), Macedonian and Albanian,
//! as data: one table of `(key, text)` per language, and tables of names (themes, kinds,
//! languages, months, courts) with one column per language. The tests check that every key
//! exists in every language and that every key the templates use exists.
//!
//! Serbian Cyrillic has no table of its own: it is the Serbian Latin table transliterated once,
//! at first use (`thb_text::transliterate`), so the two scripts always say the same thing.
//! `{name}` placeholders, acronyms (GRETA, OR) and foreign words stay as written; the few
//! labels that quote Latin input (`title:`, `trgovina` finds `трговина`) are written out in
//! [`SR_CYRL_WRITTEN`].
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
use std::sync::LazyLock;

use thb_engine::document::{Date, Kind, Strength};
use thb_engine::domain::{countries, courts};
use thb_engine::limits::{
    MAX_FILTER_VALUES, MAX_PHRASE_SLOP, MAX_PHRASE_WORDS, MAX_PREFIX_EXPANSIONS, MAX_QUERY_CHARS,
    MAX_QUERY_CLAUSES, MAX_QUERY_DEPTH, MAX_QUERY_PARAMETERS, MAX_RESULT_DEPTH, MIN_PREFIX_CHARS,
    SEARCH_DEADLINE,
};
use thb_engine::search::query::QueryProblem;
use thb_engine::search::request::ParameterProblem;
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

    fn labels(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Ui::En => EN,
            Ui::Sr => SR,
            Ui::SrCyrl => &SR_CYRL,
            Ui::Mk => MK,
            Ui::Sq => SQ,
        }
    }

    /// The label `key`; English when this language lacks it, the key itself when no language
    /// has it (the tests keep both from happening).
    pub fn t(self, key: &'static str) -> &'static str {
        lookup(self.labels(), key)
            .or_else(|| lookup(EN, key))
            .unwrap_or(key)
    }

    /// The label `key` with its `{name}` placeholders filled.
    pub fn fill(self, key: &'static str, values: &[(&str, &str)]) -> String {
        let mut out = self.t(key).to_string();
        for (name, value) in values {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }
}

fn lookup(table: &'static [(&'static str, &'static str)], key: &str) -> Option<&'static str> {
    table.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// The Serbian Cyrillic labels: [`SR_CYRL_WRITTEN`] where it has the key, the Serbian Latin
/// label transliterated otherwise, placeholders kept. Built once; the strings live as long as
/// the process, as the other tables do (a few kilobytes).
static SR_CYRL: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    SR.iter()
        .map(|&(key, latin)| {
            let text = lookup(SR_CYRL_WRITTEN, key)
                .map_or_else(|| transliterate_label(latin), str::to_string);
            (key, &*text.leak())
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
const SR_CYRL_WRITTEN: &[(&str, &str)] = &[
    ("footer_keys", "Тастатура: / води у поље за претрагу, ? отвара синтаксу претраге, Esc је затвара, n прелази на следећу означену реч у документу."),
    ("syntax_field", "реч у једном пољу: title:, court:, id: или ecli:"),
    ("syntax_prefix", "све речи које тако почињу: trafficking, trafficked, trafficker…"),
    ("syntax_scripts", "Латиница проналази и ћирилицу (trgovina проналази трговина), а дијакритици нису обавезни (prosjacenje проналази prosjačenje). Раде и наводници из програма за обраду текста."),
    ("err_unknown_field", "„{name}:“ није поље; поља су title:, text:, court:, id: и ecli:."),
];

/// English labels.
const EN: &[(&str, &str)] = &[
    ("partial_heading", "Matching some of your words"),
    ("partial_intro", "No document holds all of your words; these {total} hold some of them, those holding more ranked first."),
    ("partial_fewer", "Only {full} documents hold all of your words; these {total} more hold some of them."),
    ("word_matches_nothing", "No document holds “{word}”:"),
    ("search_without", "search without it"),
    ("word_counts", "Documents holding each word alone:"),
    ("skip_to_content", "Skip to content"),
    ("skip_to_results", "Skip to results"),
    ("facet_provenance", "Source"),
    ("real_only", "Real cases only (no samples)"),
    ("tagline", "Case law and GRETA recommendations on trafficking in human beings"),
    ("interface_language", "Interface language"),
    ("footer_about", "thb-caselaw: decisions, judgments and GRETA recommendations on trafficking in human beings in the Western Balkans, Türkiye and Malta. Documents marked as samples are illustrative and invented."),
    ("footer_keys", "Keyboard: / moves to the search box, ? opens the search syntax, Esc closes it, n jumps to the next highlighted word in a document."),
    ("page_title", "Search"),
    ("search_label", "Search case law and GRETA recommendations"),
    ("search_placeholder", "e.g. forced labour, трговина људима, \"non-punishment\""),
    ("search_button", "Search"),
    ("search_hint", "All words must match. Latin letters also find Cyrillic, and diacritics are optional."),
    ("syntax_title", "Search syntax"),
    ("syntax_you_type", "You type"),
    ("syntax_finds", "It finds"),
    ("syntax_words", "documents with all the words (AND)"),
    ("syntax_phrase", "the exact phrase"),
    ("syntax_near", "the words within 5 words of each other"),
    ("syntax_or", "either word"),
    ("syntax_not", "without the word after the minus"),
    ("syntax_group", "grouping: either of the first two, and the third"),
    ("syntax_field", "the word in one field: title:, court:, id: or ecli:"),
    ("syntax_prefix", "every word that starts so: trafficking, trafficked, trafficker…"),
    ("syntax_scripts", "Latin letters also find Cyrillic (trgovina finds трговина), and diacritics are optional (prosjacenje finds prosjačenje). Quotes pasted from a word processor work too."),
    ("filters", "Filters"),
    ("apply_filters", "Apply filters"),
    ("apply", "Apply"),
    ("more", "More ({n})"),
    ("facet_filter", "Type to narrow the list"),
    ("facet_filter_none", "Nothing in the list matches."),
    ("facet_country", "Country"),
    ("facet_theme", "Theme"),
    ("facet_kind", "Type of document"),
    ("facet_language", "Language"),
    ("facet_greta_round", "GRETA round"),
    ("facet_greta_strength", "GRETA wording"),
    ("facet_greta_article", "Article of the Convention"),
    ("greta_round_n", "Round {n}"),
    ("greta_article_n", "Article {n}"),
    ("strength_urges", "Urges (most pressing)"),
    ("strength_considers", "Considers … should"),
    ("strength_invites", "Invites"),
    ("facet_year", "Year"),
    ("year_histogram", "Documents per year; choose a year to see only it"),
    ("year_from", "From"),
    ("year_to", "To"),
    ("court", "Court"),
    ("themes", "Themes"),
    ("results", "Results"),
    ("total", "Results: {total} ({ms} ms)"),
    ("sort_by", "Sort by"),
    ("sort_relevance", "Relevance"),
    ("sort_newest", "Newest first"),
    ("sort_oldest", "Oldest first"),
    ("selected_filters", "Selected filters:"),
    ("remove_filter", "Remove filter {filter}"),
    ("clear_filters", "Clear all filters"),
    ("export", "Export:"),
    ("export_all", "all results: {total}"),
    ("export_first", "the first {cap} of {total} results; an export holds at most {cap} rows"),
    ("sample_badge", "Sample — illustrative, not a real case"),
    ("restricted_badge", "Restricted — visible to authorised readers only"),
    ("no_results", "No documents match this search."),
    ("no_results_fewer_words", "Try fewer words: every word must match."),
    ("no_results_filters", "Remove a filter above."),
    ("no_results_prefix", "End a word with * to find its other forms (traffick*)."),
    ("past_last_page", "This page is past the last result."),
    ("first_page", "Go to the first page"),
    ("pagination", "Result pages"),
    ("previous", "Previous"),
    ("next", "Next"),
    ("page_n", "Page {n}"),
    ("depth_note", "Only the first {depth} results can be paged through; add words or filters to narrow the search."),
    ("did_you_mean", "Did you mean:"),
    ("error_column", "(at character {column})"),
    ("remove_parameter", "Search again without the parameter {name}"),
    ("new_search", "Start a new search"),
    ("error_bad_request", "This search could not be run"),
    ("error_unauthorized", "Not authorised"),
    ("error_not_found", "Document not found"),
    ("error_unavailable", "The search is busy"),
    ("error_internal", "Something went wrong on the server"),
    ("back_to_results", "Back to the results"),
    ("citation", "Citation"),
    ("copy_citation", "Copy citation"),
    ("cited_by", "Cited by"),
    ("filter_cites", "Cites"),
    ("filter_provision", "Provision"),
    ("copied", "Citation copied."),
    ("source_link", "Official source"),
    ("details", "Details"),
    ("summary", "Summary"),
    ("full_text", "Full text"),
    ("matches", "Highlighted: {n} matches for “{q}”"),
    ("next_match", "Next match"),
    ("field_id", "Identifier"),
    ("field_date", "Date"),
    ("field_application", "Application no."),
    ("also_in", "Also in"),
    ("language_versions", "Language versions"),
    ("field_greta_round", "GRETA evaluation round"),
    ("field_greta_strength", "Wording of the recommendation"),
    ("field_greta_articles", "Articles of the Convention"),
    ("field_greta_paragraph", "Paragraph"),
    ("field_provenance", "Provenance"),
    ("provenance_real", "A real decision or recommendation, summarised or quoted"),
    ("provenance_sample", "Sample: illustrative and invented, not a real case"),
    ("field_access", "Access"),
    ("access_public", "Public"),
    ("access_restricted", "Restricted"),
    ("citation_number", "no."),
    ("citation_numbers", "nos."),
    ("citation_round", "round"),
    ("citation_paragraph", "para."),
    ("citation_sample", "sample, not a real case"),
    ("sample_marker", "(sample)"),
    ("kosovo_note", countries::KOSOVO_NOTE),
    ("err_unclosed_quote", "A phrase is missing its closing quotation mark (\")."),
    ("err_unexpected_parenthesis", "A closing parenthesis “)” has no opening “(”."),
    ("err_unclosed_parenthesis", "An opening parenthesis “(” is not closed."),
    ("err_empty_parentheses", "There is nothing between the parentheses."),
    ("err_too_deep", "Parentheses are nested more than {limit} levels deep."),
    ("err_missing_term", "A word is missing: OR needs a word on both sides, and - or NOT a word to exclude."),
    ("err_unknown_field", "“{name}:” is not a field; the fields are title:, text:, court:, id: and ecli:."),
    ("err_field_without_term", "“{field}” needs a word after the colon, e.g. {field}trafficking."),
    ("err_too_long", "The query is longer than {limit} characters."),
    ("err_too_many_terms", "The query has more than {limit} words."),
    ("err_phrase_too_long", "A phrase can have at most {limit} words; search for its most telling part."),
    ("err_slop_without_number", "“~” after a phrase needs a number of words, e.g. \"forced labour\"~5."),
    ("err_slop_too_large", "The words of a phrase can be at most {limit} positions apart."),
    ("err_control_character", "The query contains an invisible control character."),
    ("err_prefix_not_a_word", "“{prefix}*”: only a single word can end with *."),
    ("err_prefix_too_short", "“{prefix}*”: a word ending with * needs at least {limit} letters."),
    ("err_prefix_too_common", "“{prefix}*” matches more than {limit} different words; type more letters."),
    ("err_not_utf8", "The address contains characters that cannot be read."),
    ("err_unknown_parameter", "The address contains an unknown parameter “{name}”."),
    ("err_invalid_value", "“{value}” is not a valid value for “{name}”."),
    ("err_unknown_country", "“{value}” is not a known country code."),
    ("err_unknown_theme", "“{value}” is not a theme."),
    ("err_too_many_values", "The filter “{name}” has more than {limit} values."),
    ("err_reversed_years", "The year in “From” is after the year in “To”."),
    ("err_beyond_depth", "Only the first {limit} results can be paged through; narrow the search with words or filters."),
    ("err_too_many_parameters", "The address contains more than {limit} parameters."),
    ("err_timeout", "The search took longer than {seconds} seconds; narrow it with more words or filters."),
    ("err_not_found", "No document has this identifier, or it is not public."),
    ("err_unauthorized", "The access token is missing or not valid."),
    ("err_locked", "The index is being updated; try again in a moment."),
];

/// Serbian (Latin script) labels.
const SR: &[(&str, &str)] = &[
    ("partial_heading", "Dokumenti sa nekim od vaših reči"),
    ("partial_intro", "Nijedan dokument ne sadrži sve vaše reči; ovih {total} sadrži neke od njih, prvo oni sa više reči."),
    ("partial_fewer", "Samo {full} dokumenata sadrži sve vaše reči; još {total} sadrži neke od njih."),
    ("word_matches_nothing", "Nijedan dokument ne sadrži „{word}”:"),
    ("search_without", "pretražite bez te reči"),
    ("word_counts", "Broj dokumenata za svaku reč posebno:"),
    ("skip_to_content", "Preskoči na sadržaj"),
    ("skip_to_results", "Preskoči na rezultate"),
    ("facet_provenance", "Izvor"),
    ("real_only", "Samo stvarni predmeti (bez primera)"),
    ("tagline", "Sudska praksa i preporuke GRETA o trgovini ljudima"),
    ("interface_language", "Jezik interfejsa"),
    ("footer_about", "thb-caselaw: odluke, presude i preporuke GRETA o trgovini ljudima na Zapadnom Balkanu, u Turskoj i na Malti. Dokumenti označeni kao primeri su ilustrativni i izmišljeni."),
    ("footer_keys", "Tastatura: / vodi u polje za pretragu, ? otvara sintaksu pretrage, Esc je zatvara, n prelazi na sledeću označenu reč u dokumentu."),
    ("page_title", "Pretraga"),
    ("search_label", "Pretraga sudske prakse i preporuka GRETA"),
    ("search_placeholder", "npr. trgovina ljudima, радна експлоатација, \"nekažnjavanje\""),
    ("search_button", "Traži"),
    ("search_hint", "Sve reči moraju da se pojave. Latinica pronalazi i ćirilicu, a dijakritici nisu obavezni."),
    ("syntax_title", "Sintaksa pretrage"),
    ("syntax_you_type", "Upišete"),
    ("syntax_finds", "Pronalazi"),
    ("syntax_words", "dokumente sa svim rečima (I)"),
    ("syntax_phrase", "tačan izraz"),
    ("syntax_near", "reči na udaljenosti do 5 reči"),
    ("syntax_or", "jednu ili drugu reč"),
    ("syntax_not", "bez reči posle minusa"),
    ("syntax_group", "grupisanje: jednu od prve dve reči, i treću"),
    ("syntax_field", "reč u jednom polju: title:, court:, id: ili ecli:"),
    ("syntax_prefix", "sve reči koje tako počinju: trafficking, trafficked, trafficker…"),
    ("syntax_scripts", "Latinica pronalazi i ćirilicu (trgovina pronalazi трговина), a dijakritici nisu obavezni (prosjacenje pronalazi prosjačenje). Rade i navodnici iz programa za obradu teksta."),
    ("filters", "Filteri"),
    ("apply_filters", "Primeni filtere"),
    ("apply", "Primeni"),
    ("more", "Još ({n})"),
    ("facet_filter", "Upišite da suzite listu"),
    ("facet_filter_none", "Ništa u listi ne odgovara."),
    ("facet_country", "Država"),
    ("facet_theme", "Tema"),
    ("facet_kind", "Vrsta dokumenta"),
    ("facet_language", "Jezik"),
    ("facet_greta_round", "GRETA krug"),
    ("facet_greta_strength", "Snaga preporuke GRETA"),
    ("facet_greta_article", "Član Konvencije"),
    ("greta_round_n", "{n}. krug"),
    ("greta_article_n", "Član {n}"),
    ("strength_urges", "Urgira (najhitnije)"),
    ("strength_considers", "Smatra da … treba"),
    ("strength_invites", "Poziva"),
    ("facet_year", "Godina"),
    ("year_histogram", "Broj dokumenata po godini; izaberite godinu da vidite samo nju"),
    ("year_from", "Od"),
    ("year_to", "Do"),
    ("court", "Sud"),
    ("themes", "Teme"),
    ("results", "Rezultati"),
    ("total", "Rezultata: {total} ({ms} ms)"),
    ("sort_by", "Poređaj po"),
    ("sort_relevance", "Relevantnosti"),
    ("sort_newest", "Najnovije prvo"),
    ("sort_oldest", "Najstarije prvo"),
    ("selected_filters", "Izabrani filteri:"),
    ("remove_filter", "Ukloni filter {filter}"),
    ("clear_filters", "Ukloni sve filtere"),
    ("export", "Izvoz:"),
    ("export_all", "svi rezultati: {total}"),
    ("export_first", "prvih {cap} od {total} rezultata; izvoz sadrži najviše {cap} redova"),
    ("sample_badge", "Primer — ilustracija, nije stvaran predmet"),
    ("restricted_badge", "Ograničen pristup — vidljivo samo ovlašćenim čitaocima"),
    ("no_results", "Nijedan dokument ne odgovara ovoj pretrazi."),
    ("no_results_fewer_words", "Pokušajte sa manje reči: sve reči moraju da se pojave."),
    ("no_results_filters", "Uklonite neki od filtera iznad."),
    ("no_results_prefix", "Završite reč znakom * da pronađete i njene druge oblike (trgovin*)."),
    ("past_last_page", "Ova stranica je posle poslednjeg rezultata."),
    ("first_page", "Idi na prvu stranicu"),
    ("pagination", "Stranice rezultata"),
    ("previous", "Prethodna"),
    ("next", "Sledeća"),
    ("page_n", "Stranica {n}"),
    ("depth_note", "Listati se može samo prvih {depth} rezultata; dodajte reči ili filtere da suzite pretragu."),
    ("did_you_mean", "Da li ste mislili:"),
    ("error_column", "(kod znaka {column})"),
    ("remove_parameter", "Ponovi pretragu bez parametra {name}"),
    ("new_search", "Nova pretraga"),
    ("error_bad_request", "Ova pretraga ne može da se izvrši"),
    ("error_unauthorized", "Niste ovlašćeni"),
    ("error_not_found", "Dokument nije pronađen"),
    ("error_unavailable", "Pretraga je trenutno preopterećena"),
    ("error_internal", "Došlo je do greške na serveru"),
    ("back_to_results", "Nazad na rezultate"),
    ("citation", "Citat"),
    ("copy_citation", "Kopiraj citat"),
    ("cited_by", "Citirano u"),
    ("filter_cites", "Citira"),
    ("filter_provision", "Odredba"),
    ("copied", "Citat je kopiran."),
    ("source_link", "Zvanični izvor"),
    ("details", "Podaci"),
    ("summary", "Sažetak"),
    ("full_text", "Ceo tekst"),
    ("matches", "Označeno: {n} pogodaka za „{q}“"),
    ("next_match", "Sledeći pogodak"),
    ("field_id", "Oznaka"),
    ("field_date", "Datum"),
    ("field_application", "Broj predstavke"),
    ("also_in", "Dostupno i na"),
    ("language_versions", "Jezičke verzije"),
    ("field_greta_round", "Krug evaluacije GRETA"),
    ("field_greta_strength", "Formulacija preporuke"),
    ("field_greta_articles", "Članovi Konvencije"),
    ("field_greta_paragraph", "Paragraf"),
    ("field_provenance", "Poreklo"),
    ("provenance_real", "Stvarna odluka ili preporuka, sažeta ili citirana"),
    ("provenance_sample", "Primer: ilustracija, izmišljen, nije stvaran predmet"),
    ("field_access", "Pristup"),
    ("access_public", "Javan"),
    ("access_restricted", "Ograničen"),
    ("citation_number", "br."),
    ("citation_numbers", "br."),
    ("citation_round", "krug"),
    ("citation_paragraph", "par."),
    ("citation_sample", "primer, nije stvaran predmet"),
    ("sample_marker", "(primer)"),
    ("kosovo_note", "*Svako pominjanje Kosova, bilo da se odnosi na teritoriju, institucije ili stanovništvo, u ovom tekstu treba razumeti u potpunoj saglasnosti sa Rezolucijom 1244 Saveta bezbednosti Ujedinjenih nacija i bez prejudiciranja statusa Kosova."),
    ("err_unclosed_quote", "Izrazu nedostaju završni navodnici (\")."),
    ("err_unexpected_parenthesis", "Zatvorena zagrada „)“ nema otvorenu „(“."),
    ("err_unclosed_parenthesis", "Otvorena zagrada „(“ nije zatvorena."),
    ("err_empty_parentheses", "Između zagrada nema ničega."),
    ("err_too_deep", "Zagrade su ugnežđene u više od {limit} nivoa."),
    ("err_missing_term", "Nedostaje reč: OR traži reč sa obe strane, a - ili NOT reč koja se isključuje."),
    ("err_unknown_field", "„{name}:“ nije polje; polja su title:, text:, court:, id: i ecli:."),
    ("err_field_without_term", "Posle „{field}“ treba reč, npr. {field}trgovina."),
    ("err_too_long", "Upit je duži od {limit} znakova."),
    ("err_too_many_terms", "Upit ima više od {limit} reči."),
    ("err_phrase_too_long", "Izraz može imati najviše {limit} reči; pretražite njegov najkarakterističniji deo."),
    ("err_slop_without_number", "Posle „~“ iza izraza treba broj reči, npr. \"prinudni rad\"~5."),
    ("err_slop_too_large", "Reči izraza mogu biti udaljene najviše {limit} mesta."),
    ("err_control_character", "Upit sadrži nevidljiv kontrolni znak."),
    ("err_prefix_not_a_word", "„{prefix}*“: samo jedna reč može da se završi znakom *."),
    ("err_prefix_too_short", "„{prefix}*“: reč koja se završava znakom * mora imati najmanje {limit} slova."),
    ("err_prefix_too_common", "„{prefix}*“ odgovara više od {limit} različitih reči; upišite više slova."),
    ("err_not_utf8", "Adresa sadrži znakove koji ne mogu da se pročitaju."),
    ("err_unknown_parameter", "Adresa sadrži nepoznat parametar „{name}“."),
    ("err_invalid_value", "„{value}“ nije dozvoljena vrednost za „{name}“."),
    ("err_unknown_country", "„{value}“ nije poznata oznaka države."),
    ("err_unknown_theme", "„{value}“ nije tema."),
    ("err_too_many_values", "Filter „{name}“ ima više od {limit} vrednosti."),
    ("err_reversed_years", "Godina u polju „Od“ je posle godine u polju „Do“."),
    ("err_beyond_depth", "Listati se može samo prvih {limit} rezultata; suzite pretragu rečima ili filterima."),
    ("err_too_many_parameters", "Adresa sadrži više od {limit} parametara."),
    ("err_timeout", "Pretraga je trajala duže od {seconds} sekundi; suzite je sa više reči ili filtera."),
    ("err_not_found", "Nijedan dokument nema ovu oznaku ili dokument nije javan."),
    ("err_unauthorized", "Pristupni ključ nedostaje ili nije važeći."),
    ("err_locked", "Indeks se ažurira; pokušajte ponovo za trenutak."),
];

/// Albanian labels.
const SQ: &[(&str, &str)] = &[
    ("partial_heading", "Dokumente me disa nga fjalët tuaja"),
    ("partial_intro", "Asnjë dokument nuk i përmban të gjitha fjalët tuaja; këto {total} përmbajnë disa prej tyre, së pari ato me më shumë fjalë."),
    ("partial_fewer", "Vetëm {full} dokumente i përmbajnë të gjitha fjalët tuaja; këto {total} të tjera përmbajnë disa prej tyre."),
    ("word_matches_nothing", "Asnjë dokument nuk përmban „{word}”:"),
    ("search_without", "kërkoni pa të"),
    ("word_counts", "Dokumentet për secilën fjalë veç e veç:"),
    ("skip_to_content", "Kalo te përmbajtja"),
    ("skip_to_results", "Kalo te rezultatet"),
    ("facet_provenance", "Burimi"),
    ("real_only", "Vetëm çështje të vërteta (pa shembuj)"),
    ("tagline", "Praktika gjyqësore dhe rekomandimet e GRETA-s për trafikimin e qenieve njerëzore"),
    ("interface_language", "Gjuha e ndërfaqes"),
    ("footer_about", "thb-caselaw: vendime, aktgjykime dhe rekomandime të GRETA-s për trafikimin e qenieve njerëzore në Ballkanin Perëndimor, Turqi dhe Maltë. Dokumentet e shënuara si shembuj janë ilustruese dhe të trilluara."),
    ("footer_keys", "Tastiera: / të çon te fusha e kërkimit, ? hap sintaksën e kërkimit, Esc e mbyll, n kalon te fjala tjetër e theksuar në dokument."),
    ("page_title", "Kërkimi"),
    ("search_label", "Kërko në praktikën gjyqësore dhe rekomandimet e GRETA-s"),
    ("search_placeholder", "p.sh. trafikim, punë e detyruar, \"mosndëshkimi\""),
    ("search_button", "Kërko"),
    ("search_hint", "Duhet të gjenden të gjitha fjalët. Shkronjat latine gjejnë edhe cirilicën dhe diakritikët nuk janë të detyrueshëm."),
    ("syntax_title", "Sintaksa e kërkimit"),
    ("syntax_you_type", "Shkruani"),
    ("syntax_finds", "Gjen"),
    ("syntax_words", "dokumente me të gjitha fjalët (DHE)"),
    ("syntax_phrase", "shprehjen e saktë"),
    ("syntax_near", "fjalët brenda 5 fjalëve nga njëra-tjetra"),
    ("syntax_or", "njërën ose tjetrën fjalë"),
    ("syntax_not", "pa fjalën pas minusit"),
    ("syntax_group", "grupim: njërën nga dy të parat, dhe të tretën"),
    ("syntax_field", "fjalën në një fushë: title:, court:, id: ose ecli:"),
    ("syntax_prefix", "çdo fjalë që fillon kështu: trafficking, trafficked, trafficker…"),
    ("syntax_scripts", "Shkronjat latine gjejnë edhe cirilicën (trgovina gjen трговина) dhe diakritikët nuk janë të detyrueshëm (shfrytezim gjen shfrytëzim). Funksionojnë edhe thonjëzat e kopjuara nga një përpunues teksti."),
    ("filters", "Filtrat"),
    ("apply_filters", "Zbato filtrat"),
    ("apply", "Zbato"),
    ("more", "Më shumë ({n})"),
    ("facet_filter", "Shkruani për të ngushtuar listën"),
    ("facet_filter_none", "Asgjë në listë nuk përputhet."),
    ("facet_country", "Shteti"),
    ("facet_theme", "Tema"),
    ("facet_kind", "Lloji i dokumentit"),
    ("facet_language", "Gjuha"),
    ("facet_greta_round", "Raundi i GRETA-s"),
    ("facet_greta_strength", "Forca e rekomandimit të GRETA-s"),
    ("facet_greta_article", "Neni i Konventës"),
    ("greta_round_n", "Raundi {n}"),
    ("greta_article_n", "Neni {n}"),
    ("strength_urges", "Nxit me urgjencë (më e ngutshmja)"),
    ("strength_considers", "Konsideron se … duhet"),
    ("strength_invites", "Fton"),
    ("facet_year", "Viti"),
    ("year_histogram", "Dokumente për vit; zgjidhni një vit për të parë vetëm atë"),
    ("year_from", "Nga"),
    ("year_to", "Deri"),
    ("court", "Gjykata"),
    ("themes", "Temat"),
    ("results", "Rezultatet"),
    ("total", "Rezultate: {total} ({ms} ms)"),
    ("sort_by", "Rendit sipas"),
    ("sort_relevance", "Rëndësisë"),
    ("sort_newest", "Më të rejat së pari"),
    ("sort_oldest", "Më të vjetrat së pari"),
    ("selected_filters", "Filtrat e zgjedhur:"),
    ("remove_filter", "Hiq filtrin {filter}"),
    ("clear_filters", "Hiq të gjithë filtrat"),
    ("export", "Eksporto:"),
    ("export_all", "të gjitha rezultatet: {total}"),
    ("export_first", "{cap} të parat nga {total} rezultate; një eksport përmban të shumtën {cap} rreshta"),
    ("sample_badge", "Shembull — ilustrues, jo çështje e vërtetë"),
    ("restricted_badge", "I kufizuar — i dukshëm vetëm për lexuesit e autorizuar"),
    ("no_results", "Asnjë dokument nuk përputhet me këtë kërkim."),
    ("no_results_fewer_words", "Provoni me më pak fjalë: duhet të gjenden të gjitha."),
    ("no_results_filters", "Hiqni një nga filtrat më sipër."),
    ("no_results_prefix", "Përfundojeni fjalën me * për të gjetur format e tjera të saj (trafik*)."),
    ("past_last_page", "Kjo faqe është përtej rezultatit të fundit."),
    ("first_page", "Shko te faqja e parë"),
    ("pagination", "Faqet e rezultateve"),
    ("previous", "E mëparshmja"),
    ("next", "Tjetra"),
    ("page_n", "Faqja {n}"),
    ("depth_note", "Mund të shfletohen vetëm {depth} rezultatet e para; shtoni fjalë ose filtra për ta ngushtuar kërkimin."),
    ("did_you_mean", "Mos keni parasysh:"),
    ("error_column", "(te karakteri {column})"),
    ("remove_parameter", "Kërko përsëri pa parametrin {name}"),
    ("new_search", "Fillo një kërkim të ri"),
    ("error_bad_request", "Ky kërkim nuk mund të kryhet"),
    ("error_unauthorized", "Nuk jeni i autorizuar"),
    ("error_not_found", "Dokumenti nuk u gjet"),
    ("error_unavailable", "Kërkimi është i ngarkuar"),
    ("error_internal", "Ndodhi një gabim në server"),
    ("back_to_results", "Kthehu te rezultatet"),
    ("citation", "Citimi"),
    ("copy_citation", "Kopjo citimin"),
    ("cited_by", "Cituar nga"),
    ("filter_cites", "Citon"),
    ("filter_provision", "Dispozita"),
    ("copied", "Citimi u kopjua."),
    ("source_link", "Burimi zyrtar"),
    ("details", "Të dhënat"),
    ("summary", "Përmbledhje"),
    ("full_text", "Teksti i plotë"),
    ("matches", "Të theksuara: {n} përputhje për “{q}”"),
    ("next_match", "Përputhja tjetër"),
    ("field_id", "Identifikuesi"),
    ("field_date", "Data"),
    ("field_application", "Nr. i kërkesës"),
    ("also_in", "Edhe në"),
    ("language_versions", "Versionet gjuhësore"),
    ("field_greta_round", "Raundi i vlerësimit të GRETA-s"),
    ("field_greta_strength", "Formulimi i rekomandimit"),
    ("field_greta_articles", "Nenet e Konventës"),
    ("field_greta_paragraph", "Paragrafi"),
    ("field_provenance", "Origjina"),
    ("provenance_real", "Vendim ose rekomandim i vërtetë, i përmbledhur ose i cituar"),
    ("provenance_sample", "Shembull: ilustrues dhe i trilluar, jo çështje e vërtetë"),
    ("field_access", "Qasja"),
    ("access_public", "Publike"),
    ("access_restricted", "E kufizuar"),
    ("citation_number", "nr."),
    ("citation_numbers", "nr."),
    ("citation_round", "raundi"),
    ("citation_paragraph", "par."),
    ("citation_sample", "shembull, jo çështje e vërtetë"),
    ("sample_marker", "(shembull)"),
    ("kosovo_note", "*Çdo referencë për Kosovën, qoftë për territorin, institucionet apo popullsinë, në këtë tekst duhet të kuptohet në pajtim të plotë me Rezolutën 1244 të Këshillit të Sigurimit të Kombeve të Bashkuara dhe pa paragjykuar statusin e Kosovës."),
    ("err_unclosed_quote", "Shprehjes i mungojnë thonjëzat mbyllëse (\")."),
    ("err_unexpected_parenthesis", "Kllapa mbyllëse „)” nuk ka kllapë hapëse „(”."),
    ("err_unclosed_parenthesis", "Kllapa hapëse „(” nuk është mbyllur."),
    ("err_empty_parentheses", "Midis kllapave nuk ka asgjë."),
    ("err_too_deep", "Kllapat janë futur njëra brenda tjetrës në më shumë se {limit} nivele."),
    ("err_missing_term", "Mungon një fjalë: OR kërkon fjalë në të dyja anët, ndërsa - ose NOT një fjalë për ta përjashtuar."),
    ("err_unknown_field", "„{name}:” nuk është fushë; fushat janë title:, text:, court:, id: dhe ecli:."),
    ("err_field_without_term", "Pas „{field}” duhet një fjalë, p.sh. {field}trafikim."),
    ("err_too_long", "Kërkimi është më i gjatë se {limit} karaktere."),
    ("err_too_many_terms", "Kërkimi ka më shumë se {limit} fjalë."),
    ("err_phrase_too_long", "Një shprehje mund të ketë të shumtën {limit} fjalë; kërkoni pjesën e saj më domethënëse."),
    ("err_slop_without_number", "„~” pas një shprehjeje kërkon një numër fjalësh, p.sh. \"punë e detyruar\"~5."),
    ("err_slop_too_large", "Fjalët e një shprehjeje mund të jenë të shumtën {limit} pozicione larg njëra-tjetrës."),
    ("err_control_character", "Kërkimi përmban një shenjë kontrolli të padukshme."),
    ("err_prefix_not_a_word", "„{prefix}*”: vetëm një fjalë e vetme mund të mbarojë me *."),
    ("err_prefix_too_short", "„{prefix}*”: një fjalë që mbaron me * duhet të ketë të paktën {limit} shkronja."),
    ("err_prefix_too_common", "„{prefix}*” përputhet me më shumë se {limit} fjalë të ndryshme; shkruani më shumë shkronja."),
    ("err_not_utf8", "Adresa përmban shenja që nuk mund të lexohen."),
    ("err_unknown_parameter", "Adresa përmban një parametër të panjohur „{name}”."),
    ("err_invalid_value", "„{value}” nuk është vlerë e vlefshme për „{name}”."),
    ("err_unknown_country", "„{value}” nuk është kod i njohur shteti."),
    ("err_unknown_theme", "„{value}” nuk është temë."),
    ("err_too_many_values", "Filtri „{name}” ka më shumë se {limit} vlera."),
    ("err_reversed_years", "Viti te „Nga” është pas vitit te „Deri”."),
    ("err_beyond_depth", "Mund të shfletohen vetëm {limit} rezultatet e para; ngushtoni kërkimin me fjalë ose filtra."),
    ("err_too_many_parameters", "Adresa përmban më shumë se {limit} parametra."),
    ("err_timeout", "Kërkimi zgjati më shumë se {seconds} sekonda; ngushtojeni me më shumë fjalë ose filtra."),
    ("err_not_found", "Asnjë dokument nuk ka këtë identifikues, ose dokumenti nuk është publik."),
    ("err_unauthorized", "Çelësi i qasjes mungon ose nuk është i vlefshëm."),
    ("err_locked", "Indeksi po përditësohet; provoni përsëri pas pak."),
];

/// Macedonian labels (standard literary Macedonian, Cyrillic). GRETA is ГРЕТА, as in the
/// Macedonian translations of its reports.
const MK: &[(&str, &str)] = &[
    ("partial_heading", "Документи со некои од вашите зборови"),
    ("partial_intro", "Ниеден документ не ги содржи сите ваши зборови; овие {total} содржат некои од нив, прво оние со повеќе зборови."),
    ("partial_fewer", "Само {full} документи ги содржат сите ваши зборови; уште {total} содржат некои од нив."),
    ("word_matches_nothing", "Ниеден документ не го содржи „{word}“:"),
    ("search_without", "пребарајте без него"),
    ("word_counts", "Број на документи за секој збор посебно:"),
    ("skip_to_content", "Премини на содржината"),
    ("skip_to_results", "Премини на резултатите"),
    ("also_in", "Достапно и на"),
    ("language_versions", "Јазични верзии"),
    ("facet_provenance", "Извор"),
    ("real_only", "Само вистински предмети (без примери)"),
    ("tagline", "Судска пракса и препораки на ГРЕТА за трговија со луѓе"),
    ("interface_language", "Јазик на интерфејсот"),
    ("footer_about", "thb-caselaw: одлуки, пресуди и препораки на ГРЕТА за трговија со луѓе на Западен Балкан, во Турција и Малта. Документите означени како примери се илустративни и измислени."),
    ("footer_keys", "Тастатура: / води во полето за пребарување, ? ја отвора синтаксата за пребарување, Esc ја затвора, n преминува на следниот означен збор во документот."),
    ("page_title", "Пребарување"),
    ("search_label", "Пребарување на судската пракса и препораките на ГРЕТА"),
    ("search_placeholder", "на пр. трговија со луѓе, trgovina ljudima, \"неказнување\""),
    ("search_button", "Барај"),
    ("search_hint", "Сите зборови мора да се појават. Латиницата наоѓа и кирилица, а дијакритичките знаци не се задолжителни."),
    ("syntax_title", "Синтакса за пребарување"),
    ("syntax_you_type", "Внесувате"),
    ("syntax_finds", "Наоѓа"),
    ("syntax_words", "документи со сите зборови (И)"),
    ("syntax_phrase", "точниот израз"),
    ("syntax_near", "зборовите на растојание до 5 зборови"),
    ("syntax_or", "едниот или другиот збор"),
    ("syntax_not", "без зборот по минусот"),
    ("syntax_group", "групирање: еден од првите два збора, и третиот"),
    ("syntax_field", "зборот во едно поле: title:, court:, id: или ecli:"),
    ("syntax_prefix", "секој збор што така почнува: trafficking, trafficked, trafficker…"),
    ("syntax_scripts", "Латиницата наоѓа и кирилица (trgovija наоѓа трговија), а дијакритичките знаци не се задолжителни (zrtva наоѓа žrtva). Работат и наводниците од програмите за обработка на текст."),
    ("filters", "Филтри"),
    ("apply_filters", "Примени ги филтрите"),
    ("apply", "Примени"),
    ("more", "Уште ({n})"),
    ("facet_filter", "Внесете за да ја стесните листата"),
    ("facet_filter_none", "Ништо во листата не одговара."),
    ("facet_country", "Држава"),
    ("facet_theme", "Тема"),
    ("facet_kind", "Вид на документ"),
    ("facet_language", "Јазик"),
    ("facet_greta_round", "Круг на ГРЕТА"),
    ("facet_greta_strength", "Јачина на препораката на ГРЕТА"),
    ("facet_greta_article", "Член од Конвенцијата"),
    ("greta_round_n", "{n}. круг"),
    ("greta_article_n", "Член {n}"),
    ("strength_urges", "Настојчиво повикува (најитно)"),
    ("strength_considers", "Смета дека … треба"),
    ("strength_invites", "Поканува"),
    ("facet_year", "Година"),
    ("year_histogram", "Број на документи по година; изберете година за да ја видите само неа"),
    ("year_from", "Од"),
    ("year_to", "До"),
    ("court", "Суд"),
    ("themes", "Теми"),
    ("results", "Резултати"),
    ("total", "Резултати: {total} ({ms} мс)"),
    ("sort_by", "Подреди според"),
    ("sort_relevance", "Релевантност"),
    ("sort_newest", "Најнови прво"),
    ("sort_oldest", "Најстари прво"),
    ("selected_filters", "Избрани филтри:"),
    ("remove_filter", "Отстрани го филтерот {filter}"),
    ("clear_filters", "Отстрани ги сите филтри"),
    ("export", "Извоз:"),
    ("export_all", "сите резултати: {total}"),
    ("export_first", "првите {cap} од {total} резултати; извозот содржи најмногу {cap} редови"),
    ("sample_badge", "Пример — илустрација, не е вистински предмет"),
    ("restricted_badge", "Ограничен пристап — видлив само за овластени читатели"),
    ("no_results", "Ниеден документ не одговара на ова пребарување."),
    ("no_results_fewer_words", "Обидете се со помалку зборови: сите зборови мора да се појават."),
    ("no_results_filters", "Отстранете некој од филтрите погоре."),
    ("no_results_prefix", "Завршете го зборот со * за да ги најдете и неговите други облици (трговиј*)."),
    ("past_last_page", "Оваа страница е по последниот резултат."),
    ("first_page", "Оди на првата страница"),
    ("pagination", "Страници со резултати"),
    ("previous", "Претходна"),
    ("next", "Следна"),
    ("page_n", "Страница {n}"),
    ("depth_note", "Може да се прелистуваат само првите {depth} резултати; додајте зборови или филтри за да го стесните пребарувањето."),
    ("did_you_mean", "Дали мислевте:"),
    ("error_column", "(кај знакот {column})"),
    ("remove_parameter", "Пребарај повторно без параметарот {name}"),
    ("new_search", "Ново пребарување"),
    ("error_bad_request", "Ова пребарување не може да се изврши"),
    ("error_unauthorized", "Немате овластување"),
    ("error_not_found", "Документот не е пронајден"),
    ("error_unavailable", "Пребарувањето е моментално преоптоварено"),
    ("error_internal", "Настана грешка на серверот"),
    ("back_to_results", "Назад кон резултатите"),
    ("citation", "Цитат"),
    ("copy_citation", "Копирај го цитатот"),
    ("cited_by", "Цитирано во"),
    ("filter_cites", "Цитира"),
    ("filter_provision", "Одредба"),
    ("copied", "Цитатот е копиран."),
    ("source_link", "Официјален извор"),
    ("details", "Податоци"),
    ("summary", "Резиме"),
    ("full_text", "Целосен текст"),
    ("matches", "Означено: {n} совпаѓања за „{q}“"),
    ("next_match", "Следно совпаѓање"),
    ("field_id", "Ознака"),
    ("field_date", "Датум"),
    ("field_application", "Број на апликација"),
    ("field_greta_round", "Круг на евалуација на ГРЕТА"),
    ("field_greta_strength", "Формулација на препораката"),
    ("field_greta_articles", "Членови од Конвенцијата"),
    ("field_greta_paragraph", "Параграф"),
    ("field_provenance", "Потекло"),
    ("provenance_real", "Вистинска одлука или препорака, сумирана или цитирана"),
    ("provenance_sample", "Пример: илустративен и измислен, не е вистински предмет"),
    ("field_access", "Пристап"),
    ("access_public", "Јавен"),
    ("access_restricted", "Ограничен"),
    ("citation_number", "бр."),
    ("citation_numbers", "бр."),
    ("citation_round", "круг"),
    ("citation_paragraph", "пар."),
    ("citation_sample", "пример, не е вистински предмет"),
    ("sample_marker", "(пример)"),
    ("kosovo_note", "*Секое спомнување на Косово, без разлика дали се однесува на територијата, институциите или населението, во овој текст треба да се разбира во целосна согласност со Резолуцијата 1244 на Советот за безбедност на Обединетите нации и без прејудицирање на статусот на Косово."),
    ("err_unclosed_quote", "На изразот му недостасуваат завршните наводници (\")."),
    ("err_unexpected_parenthesis", "Затворената заграда „)“ нема отворена „(“."),
    ("err_unclosed_parenthesis", "Отворената заграда „(“ не е затворена."),
    ("err_empty_parentheses", "Меѓу заградите нема ништо."),
    ("err_too_deep", "Заградите се вгнездени во повеќе од {limit} нивоа."),
    ("err_missing_term", "Недостасува збор: OR бара збор од двете страни, а - или NOT бара збор што се исклучува."),
    ("err_unknown_field", "„{name}:“ не е поле; полињата се title:, text:, court:, id: и ecli:."),
    ("err_field_without_term", "По „{field}“ треба збор, на пр. {field}трговија."),
    ("err_too_long", "Барањето е подолго од {limit} знаци."),
    ("err_too_many_terms", "Барањето има повеќе од {limit} зборови."),
    ("err_phrase_too_long", "Изразот може да има најмногу {limit} зборови; пребарајте го неговиот најкарактеристичен дел."),
    ("err_slop_without_number", "По „~“ зад изразот треба број на зборови, на пр. \"принудна работа\"~5."),
    ("err_slop_too_large", "Зборовите на изразот може да бидат најмногу {limit} места оддалечени."),
    ("err_control_character", "Барањето содржи невидлив контролен знак."),
    ("err_prefix_not_a_word", "„{prefix}*“: само еден збор може да завршува со *."),
    ("err_prefix_too_short", "„{prefix}*“: зборот што завршува со * треба да има најмалку {limit} букви."),
    ("err_prefix_too_common", "„{prefix}*“ одговара на повеќе од {limit} различни зборови; внесете повеќе букви."),
    ("err_not_utf8", "Адресата содржи знаци што не можат да се прочитаат."),
    ("err_unknown_parameter", "Адресата содржи непознат параметар „{name}“."),
    ("err_invalid_value", "„{value}“ не е дозволена вредност за „{name}“."),
    ("err_unknown_country", "„{value}“ не е познат код на држава."),
    ("err_unknown_theme", "„{value}“ не е тема."),
    ("err_too_many_values", "Филтерот „{name}“ има повеќе од {limit} вредности."),
    ("err_reversed_years", "Годината во „Од“ е по годината во „До“."),
    ("err_beyond_depth", "Може да се прелистуваат само првите {limit} резултати; стеснете го пребарувањето со зборови или филтри."),
    ("err_too_many_parameters", "Адресата содржи повеќе од {limit} параметри."),
    ("err_timeout", "Пребарувањето траеше подолго од {seconds} секунди; стеснете го со повеќе зборови или филтри."),
    ("err_not_found", "Ниеден документ нема таква ознака или документот не е јавен."),
    ("err_unauthorized", "Клучот за пристап недостасува или не е важечки."),
    ("err_locked", "Индексот се ажурира; обидете се повторно за момент."),
];

/// Theme labels: `(path, [English, Serbian Latin, Albanian, Macedonian])`, one row per taxonomy path.
const THEMES: &[(&str, [&str; 4])] = &[
    (
        "exploitation",
        [
            "Exploitation",
            "Eksploatacija",
            "Shfrytëzimi",
            "Експлоатација",
        ],
    ),
    (
        "exploitation/sexual",
        [
            "Sexual exploitation",
            "Seksualna eksploatacija",
            "Shfrytëzimi seksual",
            "Сексуална експлоатација",
        ],
    ),
    (
        "exploitation/labour",
        [
            "Labour exploitation",
            "Radna eksploatacija",
            "Shfrytëzimi në punë",
            "Трудова експлоатација",
        ],
    ),
    (
        "exploitation/begging",
        [
            "Forced begging",
            "Prinudno prosjačenje",
            "Lypja e detyruar",
            "Принудно питачење",
        ],
    ),
    (
        "exploitation/criminal-activities",
        [
            "Forced criminal activities",
            "Prinuda na vršenje krivičnih dela",
            "Detyrimi për veprimtari kriminale",
            "Принуда на вршење кривични дела",
        ],
    ),
    (
        "exploitation/domestic-servitude",
        [
            "Domestic servitude",
            "Služenje u domaćinstvu",
            "Robëria shtëpiake",
            "Домашно ропство",
        ],
    ),
    (
        "exploitation/forced-marriage",
        [
            "Forced marriage",
            "Prinudni brak",
            "Martesa e detyruar",
            "Принуден брак",
        ],
    ),
    (
        "exploitation/organ-removal",
        [
            "Organ removal",
            "Uklanjanje organa",
            "Heqja e organeve",
            "Отстранување органи",
        ],
    ),
    (
        "exploitation/illegal-adoption",
        [
            "Illegal adoption",
            "Nezakonito usvojenje",
            "Birësimi i paligjshëm",
            "Незаконско посвојување",
        ],
    ),
    ("means", ["Means", "Sredstva", "Mjetet", "Средства"]),
    (
        "means/deception",
        ["Deception", "Obmana", "Mashtrimi", "Измама"],
    ),
    (
        "means/coercion",
        ["Coercion", "Prinuda", "Shtrëngimi", "Принуда"],
    ),
    (
        "means/abuse-of-vulnerability",
        [
            "Abuse of vulnerability",
            "Zloupotreba ranjivosti",
            "Abuzimi me pozitën e cenueshme",
            "Злоупотреба на ранливоста",
        ],
    ),
    (
        "means/debt-bondage",
        [
            "Debt bondage",
            "Dužničko ropstvo",
            "Skllavëria për borxh",
            "Должничко ропство",
        ],
    ),
    (
        "means/consent-irrelevant",
        [
            "Consent irrelevant",
            "Pristanak bez značaja",
            "Pëlqimi i parëndësishëm",
            "Согласноста е без значење",
        ],
    ),
    ("victims", ["Victims", "Žrtve", "Viktimat", "Жртви"]),
    (
        "victims/identification",
        [
            "Identification",
            "Identifikacija",
            "Identifikimi",
            "Идентификација",
        ],
    ),
    (
        "victims/assistance",
        ["Assistance", "Pomoć", "Ndihma", "Помош"],
    ),
    (
        "victims/recovery-period",
        [
            "Recovery and reflection period",
            "Period oporavka i razmišljanja",
            "Periudha e rimëkëmbjes dhe e reflektimit",
            "Период за закрепнување и размислување",
        ],
    ),
    (
        "victims/residence-permit",
        [
            "Residence permit",
            "Dozvola boravka",
            "Leja e qëndrimit",
            "Дозвола за престој",
        ],
    ),
    (
        "victims/compensation",
        [
            "Compensation",
            "Naknada štete",
            "Kompensimi",
            "Надомест на штета",
        ],
    ),
    (
        "victims/non-punishment",
        [
            "Non-punishment",
            "Nekažnjavanje",
            "Mosndëshkimi",
            "Неказнување",
        ],
    ),
    (
        "victims/child",
        [
            "Child victims",
            "Deca žrtve",
            "Fëmijët viktima",
            "Деца жртви",
        ],
    ),
    (
        "victims/protection-in-proceedings",
        [
            "Protection in proceedings",
            "Zaštita u postupku",
            "Mbrojtja në procedurë",
            "Заштита во постапката",
        ],
    ),
    (
        "victims/return",
        ["Return", "Povratak", "Kthimi", "Враќање"],
    ),
    (
        "justice",
        ["Justice", "Pravosuđe", "Drejtësia", "Правосудство"],
    ),
    (
        "justice/investigation",
        ["Investigation", "Istraga", "Hetimi", "Истрага"],
    ),
    (
        "justice/prosecution",
        [
            "Prosecution",
            "Krivično gonjenje",
            "Ndjekja penale",
            "Кривично гонење",
        ],
    ),
    (
        "justice/sentencing",
        [
            "Sentencing",
            "Odmeravanje kazne",
            "Caktimi i dënimit",
            "Одмерување на казната",
        ],
    ),
    (
        "justice/confiscation",
        [
            "Confiscation",
            "Oduzimanje imovine",
            "Konfiskimi",
            "Конфискација",
        ],
    ),
    (
        "justice/corporate-liability",
        [
            "Corporate liability",
            "Odgovornost pravnih lica",
            "Përgjegjësia e personave juridikë",
            "Одговорност на правните лица",
        ],
    ),
    (
        "justice/international-cooperation",
        [
            "International cooperation",
            "Međunarodna saradnja",
            "Bashkëpunimi ndërkombëtar",
            "Меѓународна соработка",
        ],
    ),
    (
        "prevention",
        ["Prevention", "Prevencija", "Parandalimi", "Превенција"],
    ),
    (
        "prevention/awareness",
        [
            "Awareness raising",
            "Podizanje svesti",
            "Ndërgjegjësimi",
            "Подигнување на свеста",
        ],
    ),
    (
        "prevention/demand",
        [
            "Discouraging demand",
            "Suzbijanje potražnje",
            "Dekurajimi i kërkesës",
            "Намалување на побарувачката",
        ],
    ),
    (
        "prevention/supply-chains",
        [
            "Supply chains",
            "Lanci snabdevanja",
            "Zinxhirët e furnizimit",
            "Синџири на снабдување",
        ],
    ),
    (
        "prevention/online-recruitment",
        [
            "Online recruitment",
            "Vrbovanje putem interneta",
            "Rekrutimi në internet",
            "Регрутирање преку интернет",
        ],
    ),
];

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

/// The marker sample documents end their titles with (the corpus writes it in English).
const SAMPLE_MARKER: &str = "(sample)";

/// A theme's label; the path itself for a theme the table does not know.
pub(crate) fn theme_label(ui: Ui, path: &str) -> String {
    THEMES.iter().find(|(p, _)| *p == path).map_or_else(
        || path.to_string(),
        |(_, names)| ui.name(names).into_owned(),
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
        shown = format!("{shown} {}", ui.t("sample_marker"));
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
        (rest, true) if ui != Ui::En => (rest, Some(ui.t("sample_marker"))),
        _ => (title, None),
    }
}

/// What is wrong, in the interface language, worded from the engine's or the API's typed
/// problem; the English message as it came for a problem without words of its own here (an
/// internal failure, whose details are in the log, not on the page).
pub(crate) fn error_message(ui: Ui, error: &PageError) -> String {
    let limit = |key: &'static str, limit: usize| ui.fill(key, &[("limit", &limit.to_string())]);
    match &error.reason {
        Reason::Query(problem) => match problem.as_ref() {
            QueryProblem::TooLong => limit("err_too_long", MAX_QUERY_CHARS),
            QueryProblem::ControlCharacter => ui.t("err_control_character").to_string(),
            QueryProblem::TooManyTerms => limit("err_too_many_terms", MAX_QUERY_CLAUSES),
            QueryProblem::UnclosedQuote => ui.t("err_unclosed_quote").to_string(),
            QueryProblem::PhraseTooLong => limit("err_phrase_too_long", MAX_PHRASE_WORDS),
            QueryProblem::SlopWithoutNumber => ui.t("err_slop_without_number").to_string(),
            QueryProblem::SlopTooLarge => limit("err_slop_too_large", MAX_PHRASE_SLOP as usize),
            QueryProblem::UnknownField { name } => ui.fill("err_unknown_field", &[("name", name)]),
            QueryProblem::FieldWithoutTerm { field } => {
                ui.fill("err_field_without_term", &[("field", field)])
            }
            QueryProblem::UnexpectedParenthesis => ui.t("err_unexpected_parenthesis").to_string(),
            QueryProblem::UnclosedParenthesis => ui.t("err_unclosed_parenthesis").to_string(),
            QueryProblem::EmptyParentheses => ui.t("err_empty_parentheses").to_string(),
            QueryProblem::TooDeep => limit("err_too_deep", MAX_QUERY_DEPTH),
            QueryProblem::MissingTerm => ui.t("err_missing_term").to_string(),
            QueryProblem::PrefixNotAWord { prefix } => {
                ui.fill("err_prefix_not_a_word", &[("prefix", prefix)])
            }
            QueryProblem::PrefixTooShort { prefix } => ui.fill(
                "err_prefix_too_short",
                &[("prefix", prefix), ("limit", &MIN_PREFIX_CHARS.to_string())],
            ),
            QueryProblem::PrefixTooCommon { prefix } => ui.fill(
                "err_prefix_too_common",
                &[
                    ("prefix", prefix),
                    ("limit", &MAX_PREFIX_EXPANSIONS.to_string()),
                ],
            ),
            QueryProblem::NotUtf8 => ui.t("err_not_utf8").to_string(),
        },
        Reason::Parameter(problem) => {
            let name = error.parameter.as_deref().unwrap_or_default();
            match problem.as_ref() {
                ParameterProblem::Unknown => ui.fill("err_unknown_parameter", &[("name", name)]),
                ParameterProblem::Invalid { value } => {
                    let key = match name {
                        "country" => "err_unknown_country",
                        "theme" => "err_unknown_theme",
                        _ => "err_invalid_value",
                    };
                    ui.fill(key, &[("value", value), ("name", name)])
                }
                ParameterProblem::TooManyValues => ui.fill(
                    "err_too_many_values",
                    &[("name", name), ("limit", &MAX_FILTER_VALUES.to_string())],
                ),
                ParameterProblem::ReversedYears => ui.t("err_reversed_years").to_string(),
                ParameterProblem::BeyondResultDepth => limit("err_beyond_depth", MAX_RESULT_DEPTH),
                ParameterProblem::TooManyParameters => {
                    limit("err_too_many_parameters", MAX_QUERY_PARAMETERS)
                }
                ParameterProblem::NotUtf8 => ui.t("err_not_utf8").to_string(),
            }
        }
        Reason::Api(code) => match *code {
            "timeout" => ui.fill(
                "err_timeout",
                &[("seconds", &SEARCH_DEADLINE.as_secs().to_string())],
            ),
            "not_found" => ui.t("err_not_found").to_string(),
            "unauthorized" => ui.t("err_unauthorized").to_string(),
            "locked" => ui.t("err_locked").to_string(),
            _ => error.message.clone(),
        },
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use thb_engine::domain::taxonomy;
    use thb_text::normalize::fold_for_search_string;

    fn keys(table: &'static [(&'static str, &'static str)]) -> BTreeSet<&'static str> {
        table.iter().map(|(k, _)| *k).collect()
    }

    #[test]
    fn every_key_exists_in_every_language_once_and_is_not_empty() {
        let english = keys(EN);
        assert_eq!(english.len(), EN.len(), "a key is repeated in EN");
        for ui in Ui::ALL {
            let table = ui.labels();
            let own = keys(table);
            assert_eq!(own.len(), table.len(), "a key is repeated in {ui:?}");
            let missing: Vec<_> = english.difference(&own).collect();
            let extra: Vec<_> = own.difference(&english).collect();
            assert!(missing.is_empty(), "{ui:?} lacks {missing:?}");
            assert!(extra.is_empty(), "{ui:?} has keys English lacks: {extra:?}");
            for (key, text) in table {
                assert!(!text.trim().is_empty(), "{ui:?} {key} is empty");
                // Placeholders must match, or a translation silently drops a number.
                let placeholders = |s: &str| {
                    s.split('{')
                        .skip(1)
                        .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
                        .collect::<BTreeSet<_>>()
                };
                assert_eq!(
                    placeholders(text),
                    placeholders(lookup(EN, key).unwrap()),
                    "{ui:?} {key}"
                );
            }
        }
    }

    #[test]
    fn every_key_the_templates_use_exists() {
        let sources = [
            include_str!("pages/mod.rs"),
            include_str!("pages/layout.rs"),
            include_str!("pages/search.rs"),
            include_str!("pages/facets.rs"),
            include_str!("pages/document.rs"),
            include_str!("pages/labels.rs"),
            include_str!("citation.rs"),
            include_str!("mod.rs"),
            include_str!("export.rs"),
            include_str!("i18n.rs"),
        ];
        let mut used = BTreeSet::new();
        for source in sources {
            for pattern in [".t(\"", ".fill(\"", "ui.t(\"", "limit(\""] {
                for piece in source.split(pattern).skip(1) {
                    if let Some((key, _)) = piece.split_once('"') {
                        used.insert(key.to_string());
                    }
                }
            }
        }
        // Keys named in tables rather than in calls.
        for (_, key) in super::super::pages::SYNTAX {
            used.insert(key.to_string());
        }
        for (_, key) in super::super::pages::SORT_OPTIONS {
            used.insert(key.to_string());
        }
        for status in [400, 401, 404, 500, 503] {
            used.insert(super::super::PageError::title_key_for(status).to_string());
        }
        assert!(used.len() > 50, "the scan found too few keys: {used:?}");
        for key in &used {
            assert!(
                lookup(EN, key).is_some(),
                "templates use `{key}`, which EN lacks"
            );
        }
    }

    #[test]
    fn every_theme_of_the_taxonomy_has_labels() {
        for path in taxonomy::all() {
            let row = THEMES.iter().find(|(p, _)| p == path);
            assert!(row.is_some(), "no labels for theme {path}");
        }
        assert_eq!(THEMES.len(), taxonomy::all().len());
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
        assert_eq!(Ui::En.fill("page_n", &[("n", "3")]), "Page 3");
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
        for (key, latin) in SR {
            let cyrillic = Ui::SrCyrl.t(key);
            assert_eq!(
                latin_words(cyrillic),
                Vec::<String>::new(),
                "{key}: {cyrillic}"
            );
            // Read back with the search fold's own table, each says the same as the Latin.
            if lookup(SR_CYRL_WRITTEN, key).is_none() {
                assert_eq!(
                    fold_for_search_string(cyrillic),
                    fold_for_search_string(latin),
                    "{key}"
                );
            }
        }
        assert_eq!(
            Ui::SrCyrl.t("search_label"),
            "Претрага судске праксе и препорука GRETA"
        );
        assert_eq!(
            Ui::SrCyrl.fill("total", &[("total", "3"), ("ms", "1")]),
            "Резултата: 3 (1 мс)"
        );
        assert_eq!(
            Ui::SrCyrl.t("err_missing_term"),
            "Недостаје реч: OR тражи реч са обе стране, а - или NOT реч која се искључује."
        );
        // A label written out must be one a transliteration would get wrong.
        for (key, written) in SR_CYRL_WRITTEN {
            let latin = lookup(SR, key).expect("a Serbian key");
            assert_ne!(
                transliterate_label(latin),
                *written,
                "{key} need not be written out"
            );
        }
    }

    #[test]
    fn macedonian_labels_are_cyrillic() {
        for (key, text) in MK {
            assert_eq!(latin_words(text), Vec::<String>::new(), "{key}: {text}");
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
