//! Interface labels in English, Serbian (Latin script) and Albanian, as data: one table of
//! `(key, text)` per language, and tables of names (themes, kinds, languages, months) with one
//! column per language. The tests check that every key exists in every language and that every
//! key the templates use exists.
//!
//! Texts may hold `{name}` placeholders, filled by [`Ui::fill`]. Serbian and Albanian plural
//! forms differ from English, so counts are written as "Label: n" rather than "n things".
//!
//! Country names come from `domain::countries` (English names and `LOCAL_NAMES`); the
//! Kosovo* note is shown in the words of `countries::KOSOVO_NOTE` in every language, as it is an
//! agreed wording.

use thb_engine::document::{Date, Kind, Strength};
use thb_engine::domain::countries;

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Ui {
    #[default]
    En,
    /// Serbian in Latin script (readable across Bosnian, Croatian, Montenegrin and Serbian).
    Sr,
    Sq,
}

impl Ui {
    pub const ALL: [Ui; 3] = [Ui::En, Ui::Sr, Ui::Sq];

    /// Reads the `ui` parameter.
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
            Ui::Sq => "sq",
        }
    }

    /// The page's `lang` attribute.
    pub fn html_lang(self) -> &'static str {
        match self {
            Ui::En => "en",
            Ui::Sr => "sr-Latn",
            Ui::Sq => "sq",
        }
    }

    /// The language's name in itself, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Ui::En => "English",
            Ui::Sr => "Srpski",
            Ui::Sq => "Shqip",
        }
    }

    fn column(self) -> usize {
        match self {
            Ui::En => 0,
            Ui::Sr => 1,
            Ui::Sq => 2,
        }
    }

    fn labels(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Ui::En => EN,
            Ui::Sr => SR,
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
];

/// Theme labels: `(path, English, Serbian Latin, Albanian)`, one row per taxonomy path.
const THEMES: &[(&str, [&str; 3])] = &[
    (
        "exploitation",
        ["Exploitation", "Eksploatacija", "Shfrytëzimi"],
    ),
    (
        "exploitation/sexual",
        [
            "Sexual exploitation",
            "Seksualna eksploatacija",
            "Shfrytëzimi seksual",
        ],
    ),
    (
        "exploitation/labour",
        [
            "Labour exploitation",
            "Radna eksploatacija",
            "Shfrytëzimi në punë",
        ],
    ),
    (
        "exploitation/begging",
        ["Forced begging", "Prinudno prosjačenje", "Lypja e detyruar"],
    ),
    (
        "exploitation/criminal-activities",
        [
            "Forced criminal activities",
            "Prinuda na vršenje krivičnih dela",
            "Detyrimi për veprimtari kriminale",
        ],
    ),
    (
        "exploitation/domestic-servitude",
        [
            "Domestic servitude",
            "Služenje u domaćinstvu",
            "Robëria shtëpiake",
        ],
    ),
    (
        "exploitation/forced-marriage",
        ["Forced marriage", "Prinudni brak", "Martesa e detyruar"],
    ),
    (
        "exploitation/organ-removal",
        ["Organ removal", "Uklanjanje organa", "Heqja e organeve"],
    ),
    (
        "exploitation/illegal-adoption",
        [
            "Illegal adoption",
            "Nezakonito usvojenje",
            "Birësimi i paligjshëm",
        ],
    ),
    ("means", ["Means", "Sredstva", "Mjetet"]),
    ("means/deception", ["Deception", "Obmana", "Mashtrimi"]),
    ("means/coercion", ["Coercion", "Prinuda", "Shtrëngimi"]),
    (
        "means/abuse-of-vulnerability",
        [
            "Abuse of vulnerability",
            "Zloupotreba ranjivosti",
            "Abuzimi me pozitën e cenueshme",
        ],
    ),
    (
        "means/debt-bondage",
        ["Debt bondage", "Dužničko ropstvo", "Skllavëria për borxh"],
    ),
    (
        "means/consent-irrelevant",
        [
            "Consent irrelevant",
            "Pristanak bez značaja",
            "Pëlqimi i parëndësishëm",
        ],
    ),
    ("victims", ["Victims", "Žrtve", "Viktimat"]),
    (
        "victims/identification",
        ["Identification", "Identifikacija", "Identifikimi"],
    ),
    ("victims/assistance", ["Assistance", "Pomoć", "Ndihma"]),
    (
        "victims/recovery-period",
        [
            "Recovery and reflection period",
            "Period oporavka i razmišljanja",
            "Periudha e rimëkëmbjes dhe e reflektimit",
        ],
    ),
    (
        "victims/residence-permit",
        ["Residence permit", "Dozvola boravka", "Leja e qëndrimit"],
    ),
    (
        "victims/compensation",
        ["Compensation", "Naknada štete", "Kompensimi"],
    ),
    (
        "victims/non-punishment",
        ["Non-punishment", "Nekažnjavanje", "Mosndëshkimi"],
    ),
    (
        "victims/child",
        ["Child victims", "Deca žrtve", "Fëmijët viktima"],
    ),
    (
        "victims/protection-in-proceedings",
        [
            "Protection in proceedings",
            "Zaštita u postupku",
            "Mbrojtja në procedurë",
        ],
    ),
    ("victims/return", ["Return", "Povratak", "Kthimi"]),
    ("justice", ["Justice", "Pravosuđe", "Drejtësia"]),
    (
        "justice/investigation",
        ["Investigation", "Istraga", "Hetimi"],
    ),
    (
        "justice/prosecution",
        ["Prosecution", "Krivično gonjenje", "Ndjekja penale"],
    ),
    (
        "justice/sentencing",
        ["Sentencing", "Odmeravanje kazne", "Caktimi i dënimit"],
    ),
    (
        "justice/confiscation",
        ["Confiscation", "Oduzimanje imovine", "Konfiskimi"],
    ),
    (
        "justice/corporate-liability",
        [
            "Corporate liability",
            "Odgovornost pravnih lica",
            "Përgjegjësia e personave juridikë",
        ],
    ),
    (
        "justice/international-cooperation",
        [
            "International cooperation",
            "Međunarodna saradnja",
            "Bashkëpunimi ndërkombëtar",
        ],
    ),
    ("prevention", ["Prevention", "Prevencija", "Parandalimi"]),
    (
        "prevention/awareness",
        ["Awareness raising", "Podizanje svesti", "Ndërgjegjësimi"],
    ),
    (
        "prevention/demand",
        [
            "Discouraging demand",
            "Suzbijanje potražnje",
            "Dekurajimi i kërkesës",
        ],
    ),
    (
        "prevention/supply-chains",
        [
            "Supply chains",
            "Lanci snabdevanja",
            "Zinxhirët e furnizimit",
        ],
    ),
    (
        "prevention/online-recruitment",
        [
            "Online recruitment",
            "Vrbovanje putem interneta",
            "Rekrutimi në internet",
        ],
    ),
];

/// Kinds of document.
const KINDS: &[(Kind, [&str; 3])] = &[
    (Kind::Judgment, ["Judgment", "Presuda", "Aktgjykim"]),
    (Kind::Decision, ["Decision", "Odluka", "Vendim"]),
    (
        Kind::Recommendation,
        ["Recommendation", "Preporuka", "Rekomandim"],
    ),
    (Kind::Report, ["Report", "Izveštaj", "Raport"]),
    (Kind::Legislation, ["Legislation", "Propis", "Legjislacion"]),
];

/// Document languages by BCP 47 tag (as indexed); other tags fall back to their base language.
const LANGUAGES: &[(&str, [&str; 3])] = &[
    ("en", ["English", "Engleski", "Anglisht"]),
    ("fr", ["French", "Francuski", "Frëngjisht"]),
    ("de", ["German", "Nemački", "Gjermanisht"]),
    ("it", ["Italian", "Italijanski", "Italisht"]),
    ("ru", ["Russian", "Ruski", "Rusisht"]),
    ("el", ["Greek", "Grčki", "Greqisht"]),
    ("mt", ["Maltese", "Malteški", "Maltisht"]),
    ("tr", ["Turkish", "Turski", "Turqisht"]),
    ("sq", ["Albanian", "Albanski", "Shqip"]),
    ("mk", ["Macedonian", "Makedonski", "Maqedonisht"]),
    ("sr", ["Serbian", "Srpski", "Serbisht"]),
    (
        "sr-Cyrl",
        [
            "Serbian (Cyrillic)",
            "Srpski (ćirilica)",
            "Serbisht (cirilike)",
        ],
    ),
    (
        "sr-Latn",
        ["Serbian (Latin)", "Srpski (latinica)", "Serbisht (latine)"],
    ),
    ("bs", ["Bosnian", "Bosanski", "Boshnjakisht"]),
    ("hr", ["Croatian", "Hrvatski", "Kroatisht"]),
    ("cnr", ["Montenegrin", "Crnogorski", "Malazezisht"]),
    ("und", ["Undetermined", "Neodređen", "E papërcaktuar"]),
];

/// Month names, January first.
const MONTHS: [[&str; 3]; 12] = [
    ["January", "januar", "janar"],
    ["February", "februar", "shkurt"],
    ["March", "mart", "mars"],
    ["April", "april", "prill"],
    ["May", "maj", "maj"],
    ["June", "jun", "qershor"],
    ["July", "jul", "korrik"],
    ["August", "avgust", "gusht"],
    ["September", "septembar", "shtator"],
    ["October", "oktobar", "tetor"],
    ["November", "novembar", "nëntor"],
    ["December", "decembar", "dhjetor"],
];

/// GRETA's wording, strongest first.
const STRENGTHS: &[(Strength, [&str; 3])] = &[
    (
        Strength::Urges,
        [
            "GRETA urges",
            "GRETA hitno poziva",
            "GRETA u bën thirrje urgjente",
        ],
    ),
    (
        Strength::Considers,
        ["GRETA considers", "GRETA smatra", "GRETA konsideron"],
    ),
    (
        Strength::Invites,
        ["GRETA invites", "GRETA poziva", "GRETA fton"],
    ),
];

/// A theme's label; the path itself for a theme the table does not know.
pub(crate) fn theme_label(ui: Ui, path: &str) -> String {
    THEMES.iter().find(|(p, _)| *p == path).map_or_else(
        || path.to_string(),
        |(_, names)| names[ui.column()].to_string(),
    )
}

pub(crate) fn kind_label(ui: Ui, kind: Kind) -> &'static str {
    KINDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or(kind.as_str(), |(_, names)| names[ui.column()])
}

pub(crate) fn strength_label(ui: Ui, strength: Strength) -> &'static str {
    STRENGTHS
        .iter()
        .find(|(s, _)| *s == strength)
        .map_or("", |(_, names)| names[ui.column()])
}

/// A language's name; for a tag the table lacks (`bs-Latn`), its base language's name with
/// the tag; the tag itself when the base is unknown too.
pub(crate) fn language_name(ui: Ui, tag: &str) -> String {
    let find = |t: &str| {
        LANGUAGES
            .iter()
            .find(|(known, _)| known.eq_ignore_ascii_case(t))
            .map(|(_, names)| names[ui.column()])
    };
    if let Some(name) = find(tag) {
        return name.to_string();
    }
    match tag.split_once('-').and_then(|(base, _)| find(base)) {
        Some(name) => format!("{name} ({tag})"),
        None => tag.to_string(),
    }
}

/// A country's name in the interface language: `LOCAL_NAMES` for Serbian and Albanian where
/// it has the country, the English name otherwise; Kosovo* always with its asterisk.
pub(crate) fn country_name(ui: Ui, code: &str) -> String {
    let local = countries::LOCAL_NAMES.iter().find(|(c, _, _)| *c == code);
    match (ui, local) {
        (Ui::Sr, Some((_, serbian, _))) => serbian.to_string(),
        (Ui::Sq, Some((_, _, albanian))) => albanian.to_string(),
        _ => countries::display_name(code),
    }
}

/// A date as people write it: "7 January 2010", "7. januar 2010.", "7 janar 2010".
pub(crate) fn long_date(ui: Ui, date: Date) -> String {
    let month = MONTHS
        .get(usize::from(date.month).wrapping_sub(1))
        .map_or("", |names| names[ui.column()]);
    match ui {
        Ui::Sr => format!("{}. {month} {}.", date.day, date.year),
        Ui::En | Ui::Sq => format!("{} {month} {}", date.day, date.year),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use thb_engine::domain::taxonomy;

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
            include_str!("pages.rs"),
            include_str!("citation.rs"),
            include_str!("mod.rs"),
            include_str!("export.rs"),
        ];
        let mut used = BTreeSet::new();
        for source in sources {
            for pattern in [".t(\"", ".fill(\"", "ui.t(\""] {
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
    }
}
