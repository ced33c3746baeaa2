//! Every field of the index in one place, with why it is indexed, stored or fast.
//!
//! Bump [`FORMAT_VERSION`] whenever a field, a tokenizer or the stored layout changes: an index
//! written by another version is refused with instructions to rebuild, never misread.

use tantivy::schema::{
    Facet, FacetOptions, Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST,
    INDEXED, STORED, STRING,
};

use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::{IndexSettings, Term};

use crate::analysis::Analyzer;
use crate::vocabulary::{Dimension, PerDimension};

/// Version of the on-disk layout (schema + analysis). See the module doc.
pub const FORMAT_VERSION: u32 = 16;

/// Added to a real document's `browse_key`: above every `date_key` (`YYYYMMDD`).
pub const REAL_FIRST: u64 = 1_0000_0000;

/// A set of dimensions, one bit each (`1 << Dimension::slot`).
pub type DimensionBits = u16;

const _: () = assert!(Dimension::ALL.len() <= DimensionBits::BITS as usize);

/// Handles to every field.
#[derive(Debug, Clone)]
pub struct Fields {
    /// Raw id: upserts delete by it, `id:` queries look it up. Stored for hits.
    pub id: Field,
    /// Title as written (exact analyzer), stored for display.
    pub title: Field,
    /// Title folded: cross-script and accent-free title matches.
    pub title_folded: Field,
    /// Full text as written (exact analyzer), stored for the document view and snippets.
    pub text: Field,
    /// Full text folded: the main recall field.
    pub text_folded: Field,
    /// Identifiers (id, ECLI, application number, court) folded, so `25965/04` or a pasted
    /// ECLI matches as a phrase of its parts.
    pub ident: Field,
    /// Court name folded, for `court:` queries.
    pub court: Field,
    /// Title and text stemmed by the rules of the document's language, in one field, each
    /// stem under its stemmer's namespace (`sh:trgovin`, `analysis::StemLanguage::stem_term`):
    /// the document's values name its language (`analysis::stem_value`), a query word is
    /// stemmed by every language's rules and each stem looked up in its own namespace, so a
    /// stem meets only documents stemmed by the rules that made it: the matching of a field
    /// per language, without nine fields' norms (a byte per document each). A word costs one
    /// lookup per stemmer (nine); without namespaces it was one per distinct stem, but a stem
    /// the Turkish rules made of a Croatian query word then met Croatian documents holding
    /// another word with that stem, 0.03 of Croatian precision (issue 21).
    ///
    /// After the last word of a run that is a thesaurus term of several words, the field also
    /// holds the term, its stems joined by spaces in the same namespace (`sh:prinudn rad`,
    /// `analysis::PhraseTerms`): a concept's expansion is one term lookup per term
    /// (`search::expansion`), where each was a phrase of regular expressions walked at every
    /// search.
    pub stem: Field,
    /// The facet field of each dimension (`vocabulary::DIMENSIONS`): counted, and the
    /// dimension's filter.
    pub facets: PerDimension<Field>,
    /// Articles of the Convention (`/12`) a GRETA recommendation or report concerns: the
    /// `article` filter. A facet field, but not counted: a dimension held by few documents
    /// cost a group of its own in the facet pass, 7 % of every search (`benches/RESULTS.md`).
    pub greta_article: Field,
    /// What the document cites (`domain::citations`): application numbers and ECLIs,
    /// normalised (`25965/04`, `ECLI:CE:ECHR:2010:0107JUD002596504`), its own left out. Raw
    /// terms, indexed only: the `cites` filter, and "cited by" is one term lookup per
    /// identifier of the cited document.
    pub cites: Field,
    /// What the document is cited as (`domain::citations::known_as`): its application
    /// numbers, its ECLI, and for a text of law the provision its title names. Raw terms,
    /// indexed only: resolving a citation to a document is one term lookup.
    pub known_as: Field,
    /// The ids a document lists in `proceedings` (the other decisions of its case). Raw
    /// terms, indexed only: the decisions that list one are found with one term lookup, so a
    /// chain listed on one side reads the same from both (`search::proceedings`).
    pub proceedings: Field,
    /// Year as a number, for year-range filters.
    pub year: Field,
    /// `YYYYMMDD`, 0 when undated: date sorting.
    pub date_key: Field,
    /// The order of browsing (the empty query): real documents first, then newest first
    /// (`1_0000_0000` for a real document, plus its `date_key`).
    pub browse_key: Field,
    /// `public` or `restricted`.
    pub access: Field,
    /// `real`, `sample` or `unstated`: the "real cases only" filter.
    pub provenance: Field,
    /// The document without its text, as JSON: what a hit shows, read without the text.
    pub meta: Field,
    /// The work the document is a language version of (`versions::work_key`; none when it
    /// stands alone). Fast: a search shows each work once, deciding from this column alone
    /// without reading a stored document. Indexed: a hit or a document page finds the other
    /// versions with one term lookup.
    pub work: Field,
}

/// Whether a text field keeps word positions. Positions are most of an index's size; they are
/// kept where phrases and proximity run (titles, identifiers, court names and the folded text),
/// not on the exact text or the stems, which rank and widen matches word by word (see
/// `search::build`). That keeps the index near the size of the text it holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Positions {
    Kept,
    Dropped,
}

fn text_options(analyzer: Analyzer, stored: bool, positions: Positions) -> TextOptions {
    let record = match positions {
        Positions::Kept => IndexRecordOption::WithFreqsAndPositions,
        Positions::Dropped => IndexRecordOption::WithFreqs,
    };
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(&analyzer.tokenizer_name())
        .set_index_option(record);
    let options = TextOptions::default().set_indexing_options(indexing);
    if stored {
        options.set_stored()
    } else {
        options
    }
}

/// The `stem` field: stemmed by the language its values name, frequencies without positions.
fn stem_options() -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(crate::analysis::STEM_ROUTER_NAME)
            .set_index_option(IndexRecordOption::WithFreqs),
    )
}

/// Builds the schema of a new index.
pub fn build() -> Schema {
    let mut b = Schema::builder();
    b.add_text_field("id", STRING | STORED);
    use Positions::{Dropped, Kept};
    b.add_text_field("title", text_options(Analyzer::Exact, true, Kept));
    b.add_text_field("title_folded", text_options(Analyzer::Folded, false, Kept));
    b.add_text_field("text", text_options(Analyzer::Exact, true, Dropped));
    b.add_text_field("text_folded", text_options(Analyzer::Folded, false, Kept));
    b.add_text_field("ident", text_options(Analyzer::Folded, false, Kept));
    b.add_text_field("court", text_options(Analyzer::Folded, false, Kept));
    // Each value names the language whose rules stem it (`analysis::stem_value`).
    b.add_text_field("stem", stem_options());
    for dimension in Dimension::ALL {
        b.add_facet_field(dimension.field_name(), FacetOptions::default());
    }
    b.add_facet_field("f_greta_article", FacetOptions::default());
    b.add_text_field("cites", STRING);
    b.add_text_field("known_as", STRING);
    b.add_text_field("proceedings", STRING);
    b.add_u64_field("year", INDEXED | FAST);
    b.add_u64_field("date_key", FAST);
    b.add_u64_field("browse_key", FAST);
    b.add_text_field("access", STRING);
    b.add_text_field("provenance", STRING);
    b.add_text_field("meta", STORED);
    b.add_u64_field("work", INDEXED | FAST);
    b.build()
}

/// Index settings: the document store is compressed with zstd, which keeps it at about 45 % of
/// the text where tantivy's default lz4 keeps 75 %, for a few microseconds more per hit read.
/// Level 1 rather than zstd's default 3: on 20,000 long documents it took 3 % off an ingest's
/// CPU for 2 % more index (`benches/RESULTS.md`, issue 24); reading a block costs the same.
pub fn settings() -> IndexSettings {
    IndexSettings {
        docstore_compression: Compressor::Zstd(ZstdCompressor {
            compression_level: Some(1),
        }),
        ..IndexSettings::default()
    }
}

/// Whether a text field keeps positions, so phrases can run on it.
pub fn has_positions(schema: &Schema, field: Field) -> bool {
    match schema.get_field_entry(field).field_type() {
        tantivy::schema::FieldType::Str(options) => options
            .get_indexing_options()
            .is_some_and(|i| i.index_option().has_positions()),
        _ => false,
    }
}

impl Fields {
    /// Resolves every field by name; fails on an index of another layout.
    pub fn resolve(schema: &Schema) -> tantivy::Result<Fields> {
        let f = |name: &str| schema.get_field(name);
        Ok(Fields {
            id: f("id")?,
            title: f("title")?,
            title_folded: f("title_folded")?,
            text: f("text")?,
            text_folded: f("text_folded")?,
            ident: f("ident")?,
            court: f("court")?,
            stem: f("stem")?,
            facets: PerDimension::try_from_fn(|d| f(d.field_name()))?,
            greta_article: f("f_greta_article")?,
            cites: f("cites")?,
            known_as: f("known_as")?,
            proceedings: f("proceedings")?,
            year: f("year")?,
            date_key: f("date_key")?,
            browse_key: f("browse_key")?,
            provenance: f("provenance")?,
            access: f("access")?,
            meta: f("meta")?,
            work: f("work")?,
        })
    }
}

/// The facet of an article of the Convention (`/12`) in [`Fields::greta_article`].
pub fn greta_article_facet(article: u16) -> Facet {
    Facet::from_path([article.to_string()])
}

/// The facet of a provision's path (`/RS/CC/388`) in the provision dimension's field.
pub fn provision_facet(path: &str) -> Facet {
    Facet::from_path(path.trim_matches('/').split('/'))
}

/// The term of the `access` field that marks a restricted document: what every public view
/// excludes (`search`, `index::IndexHandle::get`) and subtracts (`search::public_view`).
pub fn restricted_term(access: Field) -> Term {
    Term::from_field_text(access, "restricted")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_resolves_in_a_fresh_schema() {
        let schema = build();
        let fields = Fields::resolve(&schema).unwrap();
        assert!(!has_positions(&schema, fields.stem));
        assert!(!has_positions(&schema, fields.text));
        assert!(has_positions(&schema, fields.text_folded));
    }
}
