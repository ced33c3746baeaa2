//! The OpenAPI 3.1 document of `/api/openapi.json`. The schemas are derived from the types the
//! handlers return (utoipa's `ToSchema`, on the engine's types behind its `openapi` feature), so
//! they cannot drift from what is serialised; the search parameters, their descriptions and the
//! values they take are the rows of `vocabulary::PARAMETERS`, which the parameters are read by.
//! `.ci/run` runs schemathesis against the real server with this document: no 5xx, and every
//! response matches it.

use serde_json::{json, Value};
use utoipa::openapi::example::ExampleBuilder;
use utoipa::openapi::path::{
    HttpMethod, OperationBuilder, Parameter, ParameterBuilder, ParameterIn, ParameterStyle,
};
use utoipa::openapi::request_body::RequestBodyBuilder;
use utoipa::openapi::schema::{AnyOfBuilder, ArrayBuilder, ArrayItems, ObjectBuilder, Type};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{ContentBuilder, OpenApi, Ref, RefOr, Required, ResponseBuilder, Schema};
use utoipa::OpenApi as _;

use thb_engine::limits::{MAX_BODY_BYTES, MAX_QUERY_CHARS};
use thb_engine::vocabulary::{Values, PARAMETERS};

/// The schemas, collected from the types with everything they refer to.
#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "thb-caselaw",
        description = "Case-law and GRETA recommendations on trafficking in human beings: multilingual full-text search (Latin and Cyrillic, with or without diacritics, inflected forms), faceted by country, theme, kind, language, year, court, GRETA round and strength.\n\nKosovo*: all reference to Kosovo is without prejudice to status, in line with UNSCR 1244; its code is `XK`.\n\nRead routes are public; restricted documents need a reader or admin token (`Authorization: Bearer …`), writes an admin token. Every error has the `Error` shape.",
        license(name = "MIT OR Apache-2.0")
    ),
    components(schemas(
        thb_engine::search::SearchResponse,
        thb_engine::document::Document,
        thb_engine::analysis::explain::Analysis,
        crate::api::Health,
        crate::api::themes::Themes,
        crate::api::themes::Thesaurus,
        crate::api::error::Body,
        crate::api::write::WriteReport,
        crate::api::write::Deleted,
        crate::api::citations::DocumentWithCitations,
        crate::api::citations::CitedBy,
        crate::api::citations::CitationsRequest,
        crate::api::citations::CitationsResponse,
        thb_engine::search::similar::Similar,
        thb_engine::search::similar::Lineage,
    ))
)]
struct Schemas;

/// The whole document.
pub fn document() -> OpenApi {
    let mut doc = Schemas::openapi();
    if let Some(components) = doc.components.as_mut() {
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "A reader token (restricted documents, /metrics) or an admin token (also writes)",
                    ))
                    .build(),
            ),
        );
    }
    let paths = &mut doc.paths;
    let token = || SecurityRequirement::new("bearer", Vec::<String>::new());
    let optional_auth = || vec![SecurityRequirement::default(), token()];
    let search = operation("search", "search", "Search documents", Some("Full-text search with facet counts. Every word must match (in any script, with or without diacritics, in inflected forms); when all of them together match few documents, `partial` holds the documents that match some. Repeat a filter parameter to select several values."))
        .parameters(Some(search_parameters()))
        .securities(Some(optional_auth()))
        .response("200", json_response("The page of hits, the facet counts and partial matches", "SearchResponse"))
        .response("400", error_response("A parameter or the query is wrong; the message names it, and `suggestion` may hold a corrected query"))
        .response("401", error_response("The Authorization header carries no valid token"))
        .response("503", error_response("The search ran past its deadline"));
    paths.add_path_operation("/api/search", vec![HttpMethod::Get], search);

    let id = || {
        ParameterBuilder::new()
            .name("id")
            .parameter_in(ParameterIn::Path)
            .required(Required::True)
            .description(Some(
                "The document's id (A-Z a-z 0-9 . _ : / -); a `/` in it is sent as it is",
            ))
            .schema(Some(string()))
            .example(Some(json!("echr:001-96549")))
            .build()
    };
    let no_valid_token = || error_response("The Authorization header carries no valid token");
    let no_such_document = || {
        error_response("No document has this id (or it is restricted and the request has no token)")
    };
    let get_document = operation("getDocument", "documents", "One document, whole", None)
        .parameters(Some(vec![id()]))
        .securities(Some(optional_auth()))
        .response(
            "200",
            json_response(
                "The document in the interchange format, and `citations`: what its text cites (application numbers, ECLIs, provisions), each with its byte span and the document it names",
                "DocumentWithCitations",
            ),
        )
        .response("401", no_valid_token())
        .response("404", no_such_document());
    paths.add_path_operation("/api/documents/{id}", vec![HttpMethod::Get], get_document);
    let cited_by = operation("citedBy", "citations", "The documents citing a document", Some("Resolved by the document's application numbers and ECLI (a text of law: by its provision). Newest first, at most 200; each citing judgment once, whatever its languages; restricted documents only with a reader or admin token."))
        .parameters(Some(vec![id()]))
        .securities(Some(optional_auth()))
        .response("200", json_response("What the document is cited as, and the documents citing it", "CitedBy"))
        .response("401", no_valid_token())
        .response("404", no_such_document());
    paths.add_path_operation(
        "/api/documents/{id}/cited-by",
        vec![HttpMethod::Get],
        cited_by,
    );
    let post_citations = operation("citations", "citations", "The citations of a pasted text", None)
        .description(Some(format!("Application numbers, ECLIs and trafficking provisions (CETS 197, ECHR Article 4, Palermo Article 3, the region's criminal codes), in any served language and script, each with its span (byte offsets into `text`, end exclusive), its normalised value (what the `cites` and `provision` filters take) and the document it names when the index holds one the caller may see. At most {} bytes of text.", thb_engine::limits::MAX_CITATIONS_TEXT_BYTES)))
        .request_body(Some(
            RequestBodyBuilder::new()
                .required(Some(Required::True))
                .content(
                    "application/json",
                    ContentBuilder::new()
                        .schema(Some(Ref::from_schema_name("CitationsRequest")))
                        .example(Some(json!({"text": "osuđen po čl. 388 st. 1 KZ; vidi predstavka br. 25965/04", "country": "RS"})))
                        .build(),
                )
                .build(),
        ))
        .securities(Some(optional_auth()))
        .response("200", json_response("Each citation, in order", "CitationsResponse"))
        .response("400", error_response("The body is not the JSON object described, or a country or convention is unknown"))
        .response("401", no_valid_token())
        .response("413", error_response("The text is over the limit"));
    paths.add_path_operation("/api/citations", vec![HttpMethod::Post], post_citations);
    let similar = operation("similarDocuments", "documents", "The documents most like one, across languages and scripts", Some("The document's most distinctive words (tf·idf on the folded text) OR-ed into a search; each hit says which of those words, themes, countries and court it shares. Language versions of the document are left out; so are restricted documents without a token."))
        .parameters(Some(vec![
            id(),
            ParameterBuilder::new()
                .name("limit")
                .parameter_in(ParameterIn::Query)
                .description(Some(format!(
                    "Hits, 1 to {}",
                    thb_engine::search::similar::MAX_SIMILAR
                )))
                .schema(Some(
                    ObjectBuilder::new()
                        .schema_type(Type::Integer)
                        .minimum(Some(1))
                        .maximum(Some(thb_engine::search::similar::MAX_SIMILAR)),
                ))
                .build(),
        ]))
        .securities(Some(optional_auth()))
        .response("200", json_response("The similar documents and why", "Similar"))
        .response("400", error_response("`limit` is not 1 to 20, or another parameter was sent"))
        .response("401", no_valid_token())
        .response("404", no_such_document());
    paths.add_path_operation(
        "/api/documents/{id}/similar",
        vec![HttpMethod::Get],
        similar,
    );
    let lineage = operation("gretaLineage", "documents", "A GRETA document's closest recommendations of the other rounds", Some("For a GRETA recommendation or report: the same country's GRETA documents of each other evaluation round that are most like it (the search of `similar` within that round), earlier and later rounds nearest first. A repeated recommendation shows here."))
        .parameters(Some(vec![id()]))
        .securities(Some(optional_auth()))
        .response("200", json_response("The other rounds and their closest documents", "Lineage"))
        .response("401", no_valid_token())
        .response("404", no_such_document())
        .response(
            "422",
            error_response("The document is not a GRETA document with a round (`not_greta`)"),
        );
    paths.add_path_operation(
        "/api/documents/{id}/lineage",
        vec![HttpMethod::Get],
        lineage,
    );
    let delete_document = operation(
        "deleteDocument",
        "documents",
        "Delete a document (admin token)",
        Some("Committed before the answer."),
    )
    .parameters(Some(vec![id()]))
    .securities(Some(vec![token()]))
    .response("200", json_response("Deleted", "Deleted"))
    .response("400", error_response("The id is not a valid id"))
    .response("401", error_response("No admin token"))
    .response("404", error_response("No document has this id"))
    .response(
        "503",
        error_response("An ingest holds the index (`locked`)"),
    );
    paths.add_path_operation(
        "/api/documents/{id}",
        vec![HttpMethod::Delete],
        delete_document,
    );

    let post_documents = operation("writeDocuments", "documents", "Add or replace documents (admin token)", None)
        .description(Some(format!("A JSON array of documents or JSON Lines, at most {} MiB; upserted by id, validated as `thb-caselaw ingest` validates (the personal data guard included), committed in one commit before the answer. Valid records are written even when others are rejected (422).", MAX_BODY_BYTES >> 20)))
        .request_body(Some(
            RequestBodyBuilder::new()
                .required(Some(Required::True))
                .content(
                    "application/json",
                    ContentBuilder::new()
                        .schema(Some(ArrayBuilder::new().items(Ref::from_schema_name("Document"))))
                        .examples_from_iter(document_examples())
                        .build(),
                )
                .content(
                    "application/x-ndjson",
                    ContentBuilder::new()
                        .schema(Some(string()))
                        .build(),
                )
                .build(),
        ))
        .securities(Some(vec![token()]))
        .response("200", json_response("Every record was written", "WriteReport"))
        .response("400", error_response("The body is neither a JSON array nor JSON Lines"))
        .response("401", error_response("No admin token"))
        .response("413", error_response("The body is over the limit"))
        .response("422", json_response("Some records were rejected (each with its position, field and reason); the others were written", "WriteReport"))
        .response("503", error_response("An ingest holds the index (`locked`)"));
    paths.add_path_operation("/api/documents", vec![HttpMethod::Post], post_documents);

    let health = operation(
        "health",
        "operations",
        "Liveness, document count, last commit, response cache",
        None,
    )
    .securities(Some(optional_auth()))
    .response(
        "200",
        json_response(
            "The documents the caller may see, and the last commit",
            "Health",
        ),
    )
    .response(
        "401",
        error_response("The Authorization header carries no valid token"),
    );
    paths.add_path_operation("/api/health", vec![HttpMethod::Get], health);

    let themes = operation("themes", "vocabulary", "The theme taxonomy, with labels", Some("Every theme path the `theme` filter takes, parents before their children, each with its name in English, Serbian (Latin script), Albanian, Macedonian, Bosnian and Turkish."))
        .response("200", json_response("Every theme with its labels", "Themes"));
    paths.add_path_operation("/api/themes", vec![HttpMethod::Get], themes);
    let thesaurus = operation("thesaurus", "vocabulary", "The thesaurus a query is expanded by", Some("Every concept: its id (as a search's `expansions` name it), its themes (what a document declaring none takes when it names the concept), its related concepts and its terms in each language (`sr-Cyrl` transliterated from `sr-Latn`)."))
        .response("200", json_response("Every concept with its terms", "Thesaurus"));
    paths.add_path_operation("/api/thesaurus", vec![HttpMethod::Get], thesaurus);

    let analyze = operation("analyze", "operations", "What the analysers make of a text", Some("The language (declared or detected) and script of a text, and for each word the term every field gets (exact, folded, stemmed in the text's language) and the stems it is searched as in a query: why a document came up, or did not."))
        .parameters(Some(vec![
            ParameterBuilder::new()
                .name("text")
                .parameter_in(ParameterIn::Query)
                .required(Required::True)
                .description(Some("The words to analyse"))
                .schema(Some(
                    ObjectBuilder::new()
                        .schema_type(Type::String)
                        .min_length(Some(1))
                        .max_length(Some(thb_engine::analysis::explain::MAX_ANALYZE_CHARS))
                        .pattern(Some("\\S"))
                        .examples([
                            json!("трговином људима"),
                            json!("trgovinom ljudima"),
                            json!("İnsan ticareti mağdurları"),
                            json!("victimes de la traite"),
                        ]),
                ))
                .build(),
            ParameterBuilder::new()
                .name("lang")
                .parameter_in(ParameterIn::Query)
                .required(Required::False)
                .description(Some("BCP 47 tag of the text's language; detected when absent"))
                .schema(Some(
                    ObjectBuilder::new()
                        .schema_type(Type::String)
                        .pattern(Some("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")),
                ))
                .build(),
        ]))
        .response("200", json_response("The analysis", "Analysis"))
        .response("400", error_response("The text is missing, empty or too long, or the language tag is not one"));
    paths.add_path_operation("/api/analyze", vec![HttpMethod::Get], analyze);

    let openapi = operation("openapi", "operations", "This document", None).response(
        "200",
        ResponseBuilder::new()
            .description("The OpenAPI 3.1 document")
            .content(
                "application/json",
                ContentBuilder::new()
                    .schema(Some(ObjectBuilder::new().schema_type(Type::Object)))
                    .build(),
            )
            .build(),
    );
    paths.add_path_operation("/api/openapi.json", vec![HttpMethod::Get], openapi);

    let metrics = operation(
        "metrics",
        "operations",
        "Prometheus metrics (reader or admin token)",
        None,
    )
    .securities(Some(vec![token()]))
    .response(
        "200",
        text_response(
            "The metrics in the OpenMetrics text format",
            "application/openmetrics-text",
        ),
    )
    .response("401", error_response("No reader or admin token"));
    paths.add_path_operation("/metrics", vec![HttpMethod::Get], metrics);

    let page_parameters = || {
        let mut parameters = empty_means_unset(search_parameters());
        parameters.push(
            ParameterBuilder::new()
                .name("ui")
                .parameter_in(ParameterIn::Query)
                .required(Required::False)
                .description(Some(format!(
                    "The interface language: {}; any other value shows the page in English",
                    crate::web::interface_languages().join(", ")
                )))
                .schema(Some(string()))
                .build(),
        );
        parameters
    };
    let page = operation("searchPage", "page", "The search page (HTML)", None)
        .parameters(Some(page_parameters()))
        .securities(Some(optional_auth()))
        .response("200", html_page("The page"))
        .response(
            "400",
            html_page("The page, saying what is wrong and offering a corrected search"),
        )
        .response("401", html_page("The page, saying the token is not valid"))
        .response(
            "503",
            html_page("The page, saying the search ran past its deadline"),
        );
    paths.add_path_operation("/", vec![HttpMethod::Get], page);

    let document_page = operation(
        "documentPage",
        "page",
        "One document's page (HTML), the query's words marked",
        None,
    )
    .parameters(Some({
        let mut parameters = vec![id()];
        parameters.extend(page_parameters().into_iter().filter(|p| p.name == "ui"));
        // The words of the search the reader came from, marked in the text.
        parameters.push(
            ParameterBuilder::new()
                .name("q")
                .parameter_in(ParameterIn::Query)
                .required(Required::False)
                .description(Some("The query whose words are marked in the text"))
                .schema(Some(string()))
                .build(),
        );
        parameters
    }))
    .securities(Some(optional_auth()))
    .response("200", html_page("The page"))
    .response("400", html_page("The page, saying what is wrong"))
    .response("401", html_page("The page, saying the token is not valid"))
    .response("404", html_page("The page, saying no document has this id"));
    paths.add_path_operation("/documents/{id}", vec![HttpMethod::Get], document_page);

    for (path, id, content_type, what) in [
        ("/export.csv", "exportCsv", "text/csv", "CSV"),
        (
            "/export.jsonl",
            "exportJsonLines",
            "application/x-ndjson",
            "JSON Lines",
        ),
    ] {
        let export = OperationBuilder::new()
            .operation_id(Some(id))
            .tag("page")
            .summary(Some(format!(
                "The result set as {what}, at most {} rows",
                thb_engine::limits::MAX_EXPORT_ROWS
            )))
            // The whole result set, up to the cap: paging does not apply.
            .parameters(Some(
                empty_means_unset(search_parameters())
                    .into_iter()
                    .filter(|p| p.name != "page" && p.name != "per_page")
                    .collect::<Vec<_>>(),
            ))
            .securities(Some(optional_auth()))
            .response("200", text_response("The rows", content_type))
            .response("400", html_page("The page, saying what is wrong"))
            .response("401", html_page("The page, saying the token is not valid"))
            .response(
                "503",
                html_page("The page, saying the search ran past its deadline"),
            );
        paths.add_path_operation(path, vec![HttpMethod::Get], export);
    }

    let asset = operation("asset", "page", "The page's stylesheet and script", None)
        .parameters(Some(vec![ParameterBuilder::new()
            .name("name")
            .parameter_in(ParameterIn::Path)
            .required(Required::True)
            .schema(Some(enumeration(crate::web::asset_names())))
            .build()]))
        .response("200", {
            ResponseBuilder::new()
                .description("The asset")
                .content(
                    "text/css",
                    ContentBuilder::new().schema(Some(string())).build(),
                )
                .content(
                    "text/javascript",
                    ContentBuilder::new().schema(Some(string())).build(),
                )
                .build()
        })
        .response(
            "304",
            ResponseBuilder::new().description("Not modified").build(),
        )
        .response("404", error_response("No such asset"));
    paths.add_path_operation("/assets/{name}", vec![HttpMethod::Get], asset);

    // What the service's outer layers answer before any route sees a request.
    for item in doc.paths.paths.values_mut() {
        for operation in [&mut item.get, &mut item.post, &mut item.delete]
            .into_iter()
            .flatten()
        {
            let responses = &mut operation.responses.responses;
            for (status, description) in [
                ("414", "The request target is longer than 8 KiB"),
                ("431", "The request has more than 100 headers"),
            ] {
                responses
                    .entry(status.to_string())
                    .or_insert_with(|| error_response(description).into());
            }
        }
    }
    doc
}

/// The document as the route serves it.
pub fn document_json() -> String {
    serde_json::to_string(&document()).unwrap_or_else(|e| {
        // Serialising plain maps and strings cannot fail; if it ever did, say so in the document.
        json!({"openapi": "3.1.0", "info": {"title": "thb-caselaw", "version": env!("CARGO_PKG_VERSION"), "description": format!("the document could not be generated: {e}")}, "paths": {}}).to_string()
    })
}

/// The search parameters, shared by the API, the page and the exports.
fn search_parameters() -> Vec<Parameter> {
    let query = |name: &str, description: &str, schema: RefOr<Schema>| {
        ParameterBuilder::new()
            .name(name)
            .parameter_in(ParameterIn::Query)
            .required(Required::False)
            .description(Some(description))
            .schema(Some(schema))
            .build()
    };
    // A filter that may be repeated: `country=RS&country=XK`.
    let repeated = |name: &str, description: &str, items: RefOr<Schema>| {
        let mut parameter = query(
            name,
            description,
            ArrayBuilder::new()
                .items(items)
                .max_items(Some(thb_engine::limits::MAX_FILTER_VALUES))
                .into(),
        );
        parameter.style = Some(ParameterStyle::Form);
        parameter.explode = Some(true);
        parameter
    };
    PARAMETERS
        .iter()
        .map(|parameter| {
            let schema = values_schema(parameter.values);
            match parameter.repeated() {
                true => repeated(parameter.key, parameter.about, schema),
                false => query(parameter.key, parameter.about, schema),
            }
        })
        .collect()
}

/// The schema of the values a parameter takes.
fn values_schema(values: Values) -> RefOr<Schema> {
    match values {
        Values::Query => ObjectBuilder::new()
            .schema_type(Type::String)
            .max_length(Some(MAX_QUERY_CHARS))
            .examples([
                json!("trafficking identification of victims"),
                json!("traite des êtres humains"),
                json!("trgovina ljudima"),
                json!("трговина људима"),
                json!("трговија со луѓе"),
                json!("trafikimi i qenieve njerëzore"),
                json!("insan ticareti mağdur"),
                json!("traffikar tal-bnedmin"),
                json!("\"positive obligation\" Article 4"),
                json!("title:Rantsev"),
                json!("25965/04"),
            ])
            .into(),
        Values::Text => string(),
        Values::LanguageTag => ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"))
            .examples([json!("sr-Cyrl"), json!("sq"), json!("tr")])
            .into(),
        Values::Number { min, max } => integer(min, max),
        Values::Switch => enumeration(vec!["true", "false", "1", "0", "on", "off", "yes", "no"]),
        Values::OneOf(words) | Values::Listed(words) => enumeration(words()),
    }
}

/// The page's form sends every field, empty ones too, and a blank value means "not set": on
/// the page and the exports each value may also be blank.
fn empty_means_unset(parameters: Vec<Parameter>) -> Vec<Parameter> {
    let or_empty = |schema: RefOr<Schema>| -> RefOr<Schema> {
        AnyOfBuilder::new()
            .item(schema)
            // Blank: the page trims values (Rust's whitespace is ECMAScript's and U+0085).
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .pattern(Some("^[\\s\\u0085]*$")),
            )
            .into()
    };
    parameters
        .into_iter()
        .map(|mut parameter| {
            parameter.schema = match parameter.schema.take() {
                Some(RefOr::T(Schema::Array(mut array))) => {
                    if let ArrayItems::RefOrSchema(items) = array.items {
                        array.items = ArrayItems::RefOrSchema(Box::new(or_empty(*items)));
                    }
                    Some(RefOr::T(Schema::Array(array)))
                }
                Some(schema) => Some(or_empty(schema)),
                None => None,
            };
            parameter
        })
        .collect()
}

fn string() -> RefOr<Schema> {
    ObjectBuilder::new().schema_type(Type::String).into()
}

fn integer(min: i64, max: i64) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .minimum(Some(min as f64))
        .maximum(Some(max as f64))
        .into()
}

fn enumeration(values: Vec<&str>) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(values))
        .into()
}

/// An operation as each of ours starts: its id, its group, what it does in a line and,
/// where a line is not enough, in a paragraph.
fn operation(id: &str, tag: &str, summary: &str, description: Option<&str>) -> OperationBuilder {
    OperationBuilder::new()
        .operation_id(Some(id))
        .tag(tag)
        .summary(Some(summary))
        .description(description)
}

fn json_response(description: &str, schema: &str) -> utoipa::openapi::Response {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name(schema)))
                .build(),
        )
        .build()
}

fn error_response(description: &str) -> utoipa::openapi::Response {
    json_response(description, "Error")
}

/// A page of the site (HTML), for the page routes' answers.
fn html_page(description: &str) -> utoipa::openapi::Response {
    text_response(description, "text/html")
}

fn text_response(description: &str, content_type: &str) -> utoipa::openapi::Response {
    ResponseBuilder::new()
        .description(description)
        .content(
            content_type,
            ContentBuilder::new().schema(Some(string())).build(),
        )
        .build()
}

/// Examples of a write, in several of the languages and scripts the database holds. Invented
/// for the example, and marked as samples as every illustrative document must be.
fn document_examples() -> Vec<(&'static str, utoipa::openapi::example::Example)> {
    let example = |summary: &str, value: Value| {
        ExampleBuilder::new()
            .summary(summary)
            .value(Some(value))
            .build()
    };
    vec![
        (
            "serbian-cyrillic",
            example(
                "A decision in Serbian (Cyrillic)",
                json!([{
                    "id": "example:rs:decision-1",
                    "kind": "decision",
                    "title": "Пресуда о трговини људима ради радне експлоатације",
                    "text": "Суд је утврдио да је оптужени врбовао раднике обманом и одузео им личне исправе.",
                    "country": "RS",
                    "language": "sr-Cyrl",
                    "date": "2021-05-12",
                    "themes": ["exploitation/labour", "means/deception"],
                    "provenance": "sample"
                }]),
            ),
        ),
        (
            "albanian",
            example(
                "A decision in Albanian, Kosovo*",
                json!([{
                    "id": "example:xk:decision-1",
                    "kind": "decision",
                    "title": "Aktgjykim për trafikimin me njerëz",
                    "text": "Gjykata konstatoi se i akuzuari kishte rekrutuar viktimat me mashtrim.",
                    "country": "XK",
                    "language": "sq",
                    "date": "2020-11-03",
                    "provenance": "sample"
                }]),
            ),
        ),
        (
            "turkish",
            example(
                "A decision in Turkish",
                json!([{
                    "id": "example:tr:decision-1",
                    "kind": "decision",
                    "title": "İnsan ticareti suçuna ilişkin karar",
                    "text": "Mahkeme, sanığın mağdurları zorla çalıştırdığını tespit etmiştir.",
                    "country": "TR",
                    "language": "tr",
                    "date": "2019-02-18",
                    "provenance": "sample"
                }]),
            ),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use thb_engine::search::SearchRequest;

    #[test]
    fn every_documented_search_parameter_is_accepted_and_no_other() {
        let documented: Vec<String> = search_parameters().into_iter().map(|p| p.name).collect();
        for name in &documented {
            let value = match name.as_str() {
                "country" => "RS",
                "theme" => "victims",
                "kind" => "judgment",
                "lang" => "sr",
                "year_from" | "year_to" => "2020",
                "round" | "page" | "per_page" => "1",
                "strength" => "urges",
                "article" => "4",
                "provenance" => "real",
                "cites" => "25965/04",
                "provision" => "/RS/CC/388",
                "verdict" => "violation",
                "sector" => "domestic-work",
                "victim_age" => "minor",
                "victim_gender" => "female",
                "victim_nationality" => "ng",
                "sort" => "date-desc",
                "expand" => "false",
                "explain" => "true",
                _ => "trafficking",
            };
            assert!(
                SearchRequest::from_pairs([(name.as_str(), value)]).is_ok(),
                "{name}={value}"
            );
        }
        // The engine's message lists what it accepts: the document lists the same.
        let refused = SearchRequest::from_pairs([("nonsense", "1")])
            .unwrap_err()
            .to_string();
        let accepted: Vec<&str> = refused
            .rsplit("expected ")
            .next()
            .unwrap()
            .split(", ")
            .collect();
        assert_eq!(accepted, documented, "{refused}");
    }

    #[test]
    fn the_document_is_openapi_3_1_with_every_route_and_resolvable_references() {
        let doc: Value = serde_json::from_str(&document_json()).unwrap();
        assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"), "{doc}");
        let paths = doc["paths"].as_object().unwrap();
        for path in [
            "/api/search",
            "/api/documents",
            "/api/documents/{id}",
            "/api/documents/{id}/cited-by",
            "/api/citations",
            "/api/documents/{id}/similar",
            "/api/documents/{id}/lineage",
            "/api/health",
            "/api/themes",
            "/api/thesaurus",
            "/api/openapi.json",
            "/api/analyze",
            "/metrics",
            "/",
            "/documents/{id}",
            "/export.csv",
            "/export.jsonl",
            "/assets/{name}",
        ] {
            assert!(paths.contains_key(path), "{path} is not documented");
        }
        assert!(paths["/api/documents/{id}"]["get"].is_object());
        assert!(paths["/api/documents/{id}"]["delete"].is_object());
        // Every $ref names a schema the document holds.
        let schemas = doc["components"]["schemas"].as_object().unwrap();
        let text = doc.to_string();
        for reference in text.split("\"$ref\":\"#/components/schemas/").skip(1) {
            let name = &reference[..reference.find('"').unwrap()];
            assert!(schemas.contains_key(name), "no schema {name}");
        }
        // The counts are described under every dimension's name, as they are serialised.
        let counts = &schemas["FacetCounts"];
        let names: Vec<&str> = thb_engine::vocabulary::Dimension::ALL
            .iter()
            .map(|d| d.name())
            .collect();
        assert_eq!(counts["required"], json!(names));
        assert_eq!(counts["properties"].as_object().unwrap().len(), names.len());
        assert_eq!(
            counts["properties"]["year"]["description"],
            "Ascending by year."
        );
        // Kosovo* is in the country list, with its note.
        assert!(text.contains("\"XK\""));
        assert!(text.contains("UNSCR 1244"));
    }
}
