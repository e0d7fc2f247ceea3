//! What every operation of the OpenAPI document says about errors, written once rather than
//! in each handler's annotation: errors are `application/problem+json`, and the answers
//! the extractors and the server give before or around a handler (a body or query string
//! that cannot be read, an id that is not a number, a server error) are declared wherever
//! they can come.

use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::schema::{Schema, SchemaType, Type};
use utoipa::openapi::{Content, OpenApi, Ref, RefOr, Response};
use utoipa::Modify;

/// The content type of every error answer (RFC 9457).
pub const PROBLEM_JSON: &str = "application/problem+json";

pub(super) struct ProblemResponses;

impl Modify for ProblemResponses {
    fn modify(&self, openapi: &mut OpenApi) {
        for item in openapi.paths.paths.values_mut() {
            for op in [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.patch,
            ]
            .into_iter()
            .flatten()
            {
                declare_errors(op);
            }
        }
    }
}

fn problem(description: &str) -> RefOr<Response> {
    let mut r = Response::new(description);
    r.content.insert(
        PROBLEM_JSON.into(),
        Content::new(Some(Ref::from_schema_name("Problem"))),
    );
    RefOr::T(r)
}

fn is_integer(schema: &Option<RefOr<Schema>>) -> bool {
    matches!(schema, Some(RefOr::T(Schema::Object(o)))
        if matches!(o.schema_type, SchemaType::Type(Type::Integer)))
}

fn declare_errors(op: &mut Operation) {
    let params = op.parameters.as_deref().unwrap_or_default();
    let query = params
        .iter()
        .any(|p| matches!(p.parameter_in, ParameterIn::Query));
    let numeric_path = params
        .iter()
        .any(|p| matches!(p.parameter_in, ParameterIn::Path) && is_integer(&p.schema));
    let body = op.request_body.is_some();
    let responses = &mut op.responses.responses;
    let mut declare = |code: &str, why: &str| {
        responses
            .entry(code.to_string())
            .or_insert_with(|| problem(why));
    };
    if body {
        declare("400", "The body is not well-formed JSON.");
        declare("413", "The body is larger than the server takes (256 KiB).");
        declare("415", "The body is not sent as `application/json`.");
        declare(
            "422",
            "The body is JSON but not of this shape, or a field needs fixing; see `errors`.",
        );
    }
    if query {
        declare("400", "The query string cannot be read.");
    }
    if numeric_path {
        declare("400", "An id in the path is not a number.");
    }
    declare(
        "500",
        "Something went wrong on the server; it has been logged.",
    );
    // Whatever a handler's annotation said, an error is problem details.
    for (code, response) in responses.iter_mut() {
        if let (true, RefOr::T(r)) = (code.as_str() >= "400", response) {
            r.content.clear();
            r.content.insert(
                PROBLEM_JSON.into(),
                Content::new(Some(Ref::from_schema_name("Problem"))),
            );
            if r.description.is_empty() {
                r.description = default_description(code).into();
            }
        }
    }
}

fn default_description(code: &str) -> &'static str {
    match code {
        "400" => "The request cannot be read.",
        "401" => "Sign in first.",
        "403" => "Your role does not allow this.",
        "404" => "Not found, or not yours to know of.",
        "409" => "Someone else changed it since you read it.",
        "422" => "A field needs fixing; see `errors`.",
        "429" => "Too many attempts; wait and try again.",
        _ => "An error, as problem details.",
    }
}
