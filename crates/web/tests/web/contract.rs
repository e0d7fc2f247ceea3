//! The API document is the truth: every answer an API test gets is checked against the
//! OpenAPI document (its status declared for the operation, its content type declared for
//! that status, its body valid against the declared schema, `$ref`s resolved into the
//! document's components), and a test asks every documented operation for a success and
//! an error.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex, OnceLock};

use axum::http::Method;
use domain::access::Role;
use serde_json::{json, Value};

use crate::helpers::{Answer, TestApp};

static DOCUMENT: OnceLock<Value> = OnceLock::new();
/// (method, path template, status) of every answer checked, by every test of this binary.
static SEEN: Mutex<BTreeSet<(String, String, u16)>> = Mutex::new(BTreeSet::new());
type Validators = HashMap<String, Arc<jsonschema::Validator>>;
static VALIDATORS: OnceLock<Mutex<Validators>> = OnceLock::new();

pub fn document_loaded() -> bool {
    DOCUMENT.get().is_some()
}

pub fn load_document(doc: Value) {
    let _ = DOCUMENT.set(doc);
}

/// The document's path that `path` (without its query) is an instance of; literal segments
/// win over parameters, as the router's do (`/newcomers/me` before `/newcomers/{id}`).
fn template<'a>(doc: &'a Value, path: &str) -> Option<&'a str> {
    let segments: Vec<&str> = path.split('/').collect();
    doc["paths"]
        .as_object()?
        .keys()
        .filter(|t| {
            let ts: Vec<&str> = t.split('/').collect();
            ts.len() == segments.len()
                && ts
                    .iter()
                    .zip(&segments)
                    .all(|(t, s)| t.starts_with('{') || t == s)
        })
        .min_by_key(|t| t.matches('{').count())
        .map(String::as_str)
}

fn validator(key: &str, schema: &Value, doc: &Value) -> Arc<jsonschema::Validator> {
    let cache = VALIDATORS.get_or_init(Default::default);
    if let Some(v) = cache.lock().unwrap().get(key) {
        return v.clone();
    }
    // The schema with the document's components beside it, so that its `$ref`s
    // (`#/components/schemas/…`) resolve within one root.
    let mut root = schema.clone();
    if let Value::Object(o) = &mut root {
        o.insert("components".into(), doc["components"].clone());
    } else {
        root = json!({"allOf": [schema], "components": doc["components"]});
    }
    let v = Arc::new(
        jsonschema::validator_for(&root)
            .unwrap_or_else(|e| panic!("the document's schema for {key} does not compile: {e}")),
    );
    cache.lock().unwrap().insert(key.to_string(), v.clone());
    v
}

/// Checks one answer against the document; an API answer the document does not describe
/// is a failure. Routes outside the document (pages, unknown API routes) are not checked.
pub fn check(method: &Method, uri: &str, a: &Answer) -> Result<(), String> {
    let Some(doc) = DOCUMENT.get() else {
        return Ok(());
    };
    let path = uri.split('?').next().unwrap_or(uri);
    let Some(template) = template(doc, path) else {
        return Ok(());
    };
    let m = method.as_str().to_lowercase();
    let Some(op) = doc["paths"][template].get(&m) else {
        return Ok(());
    };
    let status = a.status.as_u16();
    SEEN.lock()
        .unwrap()
        .insert((m.clone(), template.to_string(), status));
    let what = format!("{} {uri} → {status}", method);
    let Some(response) = op["responses"]
        .get(status.to_string())
        .or_else(|| op["responses"].get("default"))
    else {
        return Err(format!("{what}: status not declared ({})", a.body));
    };
    let content_type = a
        .headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap_or(v).trim().to_string());
    let declared = response["content"].as_object();
    match (declared, content_type) {
        (None, None) => Ok(()),
        (None, Some(ct)) if a.body.is_empty() => {
            let _ = ct;
            Ok(())
        }
        (None, Some(ct)) => Err(format!("{what}: no content declared, got {ct}: {}", a.body)),
        (Some(_), None) => Err(format!("{what}: no content type")),
        (Some(declared), Some(ct)) => {
            let Some(media) = declared.get(&ct) else {
                return Err(format!(
                    "{what}: content type {ct} not declared (declared: {:?})",
                    declared.keys().collect::<Vec<_>>()
                ));
            };
            let Some(schema) = media.get("schema") else {
                return Ok(());
            };
            if !ct.ends_with("json") {
                return Ok(());
            }
            let body: Value = serde_json::from_str(&a.body)
                .map_err(|e| format!("{what}: body is not JSON ({e}): {}", a.body))?;
            let key = format!("{m} {template} {status} {ct}");
            let v = validator(&key, schema, doc);
            let errors: Vec<String> = v
                .iter_errors(&body)
                .take(5)
                .map(|e| format!("{} at {}", e, e.instance_path()))
                .collect();
            if errors.is_empty() {
                Ok(())
            } else {
                let mut shown = a.body.clone();
                shown.truncate(600);
                Err(format!(
                    "{what}: body does not match the schema: {}\n{shown}",
                    errors.join("; ")
                ))
            }
        }
    }
}

/// Every operation of the document as (method, path template).
fn operations(doc: &Value) -> BTreeSet<(String, String)> {
    doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .unwrap()
                .keys()
                .filter(|k| ["get", "put", "post", "delete", "patch"].contains(&k.as_str()))
                .map(move |m| (m.clone(), path.clone()))
        })
        .collect()
}

/// The routes of the plan, status, accounts and indicators, each asked once to succeed and
/// once to fail; the people's routes are asked by their authorisation matrices.
async fn plan_routes(t: &TestApp) {
    let pl = t.session(Role::ProjectLeader, &[]).await;
    let admin = t.session(Role::Admin, &[]).await;
    let reader = t.session(Role::Reader, &[]).await;
    let pl = Some(pl.as_str());
    let reader = Some(reader.as_str());
    let post = Method::POST;
    let put = Method::PUT;
    let get = Method::GET;
    let calls: Vec<(Method, &str, Option<&str>, Option<Value>)> = vec![
        (
            post.clone(),
            "/api/v1/login",
            None,
            Some(json!({"email": "admin-@sogn.test", "password": "a long test password"})),
        ),
        (
            post.clone(),
            "/api/v1/login",
            None,
            Some(json!({"email": "admin-@sogn.test", "password": "wrong"})),
        ),
        (
            post.clone(),
            "/api/v1/login",
            None,
            Some(json!({"email": 5})),
        ),
        (get.clone(), "/api/v1/me", pl, None),
        (get.clone(), "/api/v1/me", None, None),
        (get.clone(), "/api/v1/programme", None, None),
        (get.clone(), "/api/v1/work-packages", None, None),
        (get.clone(), "/api/v1/work-packages/arbeid", None, None),
        (get.clone(), "/api/v1/work-packages/nothing", None, None),
        (get.clone(), "/api/v1/actions?status=ongoing", None, None),
        (get.clone(), "/api/v1/actions?status=finished", None, None),
        (get.clone(), "/api/v1/actions?from=x%ZZ", None, None),
        (
            post.clone(),
            "/api/v1/actions",
            pl,
            Some(json!({"id": "kontrakt-rad", "work_package": "arbeid", "how": "Prøve"})),
        ),
        (
            post.clone(),
            "/api/v1/actions",
            pl,
            Some(json!({"id": "kontrakt-rad", "work_package": "arbeid", "how": "Prøve"})),
        ),
        (
            post.clone(),
            "/api/v1/actions",
            reader,
            Some(json!({"id": "anna-rad", "work_package": "arbeid", "how": "Prøve"})),
        ),
        (
            post.clone(),
            "/api/v1/actions",
            None,
            Some(json!({"id": "anna-rad", "work_package": "arbeid", "how": "Prøve"})),
        ),
        (get.clone(), "/api/v1/actions/mentorprogram", None, None),
        (get.clone(), "/api/v1/actions/nothing", None, None),
        (
            put.clone(),
            "/api/v1/actions/kontrakt-rad",
            pl,
            Some(json!({"work_package": "arbeid", "how": "Endra", "version": 1})),
        ),
        (
            put.clone(),
            "/api/v1/actions/kontrakt-rad",
            pl,
            Some(json!({"work_package": "arbeid", "how": "Endra", "version": 1})),
        ),
        (
            put.clone(),
            "/api/v1/actions/nothing",
            pl,
            Some(json!({"work_package": "arbeid", "how": "Endra", "version": 1})),
        ),
        (
            post.clone(),
            "/api/v1/actions/mentorprogram/status-updates",
            pl,
            Some(json!({"status": "ongoing", "light": "green", "text": "Godt i gang"})),
        ),
        (
            post.clone(),
            "/api/v1/actions/mentorprogram/status-updates",
            pl,
            Some(json!({"status": "x", "light": "green"})),
        ),
        (
            post.clone(),
            "/api/v1/actions/nothing/status-updates",
            pl,
            Some(json!({"status": "ongoing", "light": "green"})),
        ),
        (
            get.clone(),
            "/api/v1/actions/mentorprogram/status-updates?limit=1",
            None,
            None,
        ),
        (
            get.clone(),
            "/api/v1/actions/mentorprogram/status-updates?page=-1",
            None,
            None,
        ),
        (
            get.clone(),
            "/api/v1/actions/mentorprogram/status-updates?page=x",
            None,
            None,
        ),
        (
            get.clone(),
            "/api/v1/actions/nothing/status-updates",
            None,
            None,
        ),
        (get.clone(), "/api/v1/measures", None, None),
        (
            post.clone(),
            "/api/v1/measures",
            pl,
            Some(json!({"id": "kontrakt-tiltak", "work_package": "arbeid", "title": "Prøve"})),
        ),
        (
            post.clone(),
            "/api/v1/measures",
            pl,
            Some(json!({"id": "kontrakt-tiltak", "work_package": "arbeid", "title": "Prøve"})),
        ),
        (get.clone(), "/api/v1/measures/kontrakt-tiltak", None, None),
        (get.clone(), "/api/v1/measures/nothing", None, None),
        (
            put.clone(),
            "/api/v1/measures/kontrakt-tiltak",
            pl,
            Some(json!({"work_package": "arbeid", "title": "Endra", "version": 1})),
        ),
        (
            put.clone(),
            "/api/v1/measures/kontrakt-tiltak",
            pl,
            Some(json!({"work_package": "arbeid", "title": "Endra", "version": 1})),
        ),
        (get.clone(), "/api/v1/organisation", None, None),
        (get.clone(), "/api/v1/roles", None, None),
        (get.clone(), "/api/v1/municipalities", None, None),
        (
            put.clone(),
            "/api/v1/municipalities/4643/contact",
            pl,
            Some(json!({"name": "Kari", "email": "kari@ardal.kommune.no", "version": 1})),
        ),
        (
            put.clone(),
            "/api/v1/municipalities/4643/contact",
            pl,
            Some(json!({"name": "Kari", "email": "", "version": 1})),
        ),
        (
            put.clone(),
            "/api/v1/municipalities/9999/contact",
            pl,
            Some(json!({"name": "Kari", "email": "", "version": 1})),
        ),
        (
            put.clone(),
            "/api/v1/municipalities/4643/contact",
            reader,
            Some(json!({"name": "Kari", "email": "", "version": 2})),
        ),
        (get.clone(), "/api/v1/changes?since=2020-01-01", None, None),
        (get.clone(), "/api/v1/changes?since=never", None, None),
        (get.clone(), "/api/v1/changes", None, None),
        (get.clone(), "/api/v1/audit", Some(admin.as_str()), None),
        (
            get.clone(),
            "/api/v1/audit?page=100000000000000000",
            Some(admin.as_str()),
            None,
        ),
        (get.clone(), "/api/v1/audit", reader, None),
        (get.clone(), "/api/v1/audit", None, None),
        (get.clone(), "/api/v1/indicators", None, None),
        (
            get.clone(),
            "/api/v1/indicators/refugees-settled-here/values?area=sogn",
            None,
            None,
        ),
        (
            get.clone(),
            "/api/v1/indicators/refugees-settled-here/values?area=oslo",
            None,
            None,
        ),
        (get.clone(), "/api/v1/indicators/nothing/values", None, None),
        (
            get.clone(),
            "/api/v1/indicators/refugees-settled-here/targets",
            None,
            None,
        ),
        (
            get.clone(),
            "/api/v1/indicators/nothing/targets",
            None,
            None,
        ),
        (
            post.clone(),
            "/api/v1/indicators/refugees-settled-here/targets",
            pl,
            Some(json!({"area": "sogn", "year": "2024", "value": "80"})),
        ),
        (
            post.clone(),
            "/api/v1/indicators/refugees-settled-here/targets",
            pl,
            Some(json!({"area": "sogn", "year": "x", "value": "80"})),
        ),
        (
            post.clone(),
            "/api/v1/indicators/refugees-settled-here/targets",
            reader,
            Some(json!({"area": "sogn", "year": "2024", "value": "80"})),
        ),
        (post.clone(), "/api/v1/logout", pl, None),
    ];
    for (method, uri, token, body) in calls {
        match body {
            Some(b) => t.json(method, uri, token, b).await,
            None => t.send(method, uri, token, None).await,
        };
    }
    // A body that is not JSON, and one sent as something else.
    t.send(
        post.clone(),
        "/api/v1/actions",
        Some(&admin),
        Some(("application/json", "{".into())),
    )
    .await;
    t.send(
        post,
        "/api/v1/actions",
        Some(&admin),
        Some(("text/plain", "{}".into())),
    )
    .await;
}

#[test]
fn every_operation_answers_as_the_document_says() {
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let t = TestApp::sqlite().await;
        plan_routes(&t).await;
    });
    // The people's routes, every one by every role: the authorisation matrices.
    crate::mentoring_api::every_mentoring_route_for_every_role();
    crate::newcomers_api::every_newcomer_route_for_every_role();
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let t = TestApp::sqlite().await;
        let admin = t.session(Role::Admin, &[]).await;
        // Ids that are not numbers.
        t.get_as("/api/v1/newcomers/abc", &admin).await;
        t.get_as("/api/v1/mentoring/profiles/abc", &admin).await;
    });

    let doc = DOCUMENT.get().expect("the document was loaded");
    let seen = SEEN.lock().unwrap().clone();
    let mut missing = Vec::new();
    for (m, path) in operations(doc) {
        let statuses: Vec<u16> = seen
            .iter()
            .filter(|(sm, sp, _)| *sm == m && *sp == path)
            .map(|(_, _, s)| *s)
            .collect();
        if !statuses.iter().any(|s| (200..300).contains(s)) {
            missing.push(format!("{m} {path}: no success"));
        }
        // The public reads that take no input have no error to ask for but a server error.
        let no_error_possible = doc["paths"][&path][&m]["parameters"].is_null()
            && doc["paths"][&path][&m]["requestBody"].is_null()
            && doc["paths"][&path][&m]["security"].is_null()
            && !path.contains('{');
        if !no_error_possible && !statuses.iter().any(|s| *s >= 400) {
            missing.push(format!("{m} {path}: no error"));
        }
    }
    assert!(
        missing.is_empty(),
        "operations not asked:\n{}",
        missing.join("\n")
    );
}

#[tokio::test]
async fn the_check_refuses_what_the_document_does_not_say() {
    let t = TestApp::sqlite().await;
    t.get("/api/v1/programme").await; // loads the document
    let answer = |status: u16, ct: &str, body: &str| {
        let mut headers = axum::http::HeaderMap::new();
        headers.insert("content-type", ct.parse().unwrap());
        Answer {
            status: axum::http::StatusCode::from_u16(status).unwrap(),
            headers,
            body: body.into(),
        }
    };
    let entry = |before: &str| {
        format!(
            r#"[{{"id": 1, "at": "2024-01-01T00:00:00Z", "actor": "a", "operation": "update", "entity": "newcomer_case", "entity_id": "1", "before": {before}, "after": null}}]"#
        )
    };
    let get = Method::GET;
    assert!(check(
        &get,
        "/api/v1/audit",
        &answer(200, "application/json", &entry(r#"["name"]"#))
    )
    .is_ok());
    assert!(check(
        &get,
        "/api/v1/audit",
        &answer(200, "application/json", &entry(r#"{"name": "x"}"#))
    )
    .is_ok());
    assert!(check(
        &get,
        "/api/v1/audit",
        &answer(
            200,
            "application/json",
            &entry("5").replace("\"id\": 1", "\"id\": \"x\"")
        )
    )
    .is_err());
    let problem = r#"{"type": "about:blank", "title": "Not found", "status": 404, "detail": "x"}"#;
    assert!(check(
        &get,
        "/api/v1/actions/x",
        &answer(404, "application/problem+json", problem)
    )
    .is_ok());
    assert!(check(
        &get,
        "/api/v1/actions/x",
        &answer(404, "application/json", problem)
    )
    .is_err());
    assert!(check(
        &get,
        "/api/v1/actions/x",
        &answer(418, "application/problem+json", problem)
    )
    .is_err());
    assert!(check(
        &get,
        "/api/v1/actions/x",
        &answer(404, "application/problem+json", "{}")
    )
    .is_err());
}
