//! Every write route × every role: allowed exactly where it should be.

use axum::http::{Method, StatusCode};
use domain::access::Role;
use serde_json::json;

use crate::helpers::TestApp;

#[derive(Clone, Copy, Debug)]
enum Who {
    Anonymous,
    Reader,
    Contact4643,
    WorkGroupArbeid,
    SteeringGroup,
    ProjectLeader,
    Admin,
}

const EVERYONE: [Who; 7] = [
    Who::Anonymous,
    Who::Reader,
    Who::Contact4643,
    Who::WorkGroupArbeid,
    Who::SteeringGroup,
    Who::ProjectLeader,
    Who::Admin,
];

#[derive(Clone, Copy, Debug)]
enum Route {
    ReportArbeid,
    ReportBustad,
    CreateAction,
    UpdateAction,
    CreateMeasure,
    UpdateMeasure,
    Contact4643,
    Contact4640,
    ReadAudit,
}

const ROUTES: [Route; 9] = [
    Route::ReportArbeid,
    Route::ReportBustad,
    Route::CreateAction,
    Route::UpdateAction,
    Route::CreateMeasure,
    Route::UpdateMeasure,
    Route::Contact4643,
    Route::Contact4640,
    Route::ReadAudit,
];

/// The rule, written out by hand rather than derived from the code under test.
fn allowed(who: Who, route: Route) -> bool {
    use Route::*;
    use Who::*;
    match who {
        Anonymous | Reader => false,
        Admin | ProjectLeader => !matches!((who, route), (ProjectLeader, ReadAudit)),
        SteeringGroup => matches!(route, ReportArbeid | ReportBustad),
        WorkGroupArbeid => matches!(route, ReportArbeid),
        Who::Contact4643 => matches!(route, Route::Contact4643),
    }
}

async fn token(t: &TestApp, who: Who) -> Option<String> {
    let (role, scope): (Role, &[&str]) = match who {
        Who::Anonymous => return None,
        Who::Reader => (Role::Reader, &[]),
        Who::Contact4643 => (Role::MunicipalContact, &["4643"]),
        Who::WorkGroupArbeid => (Role::WorkGroup, &["arbeid"]),
        Who::SteeringGroup => (Role::SteeringGroup, &[]),
        Who::ProjectLeader => (Role::ProjectLeader, &[]),
        Who::Admin => (Role::Admin, &[]),
    };
    Some(t.session(role, scope).await)
}

async fn version(t: &TestApp, uri: &str, pointer: &str) -> i64 {
    t.get(uri)
        .await
        .json()
        .pointer(pointer)
        .and_then(|v| v.as_i64())
        .unwrap()
}

/// Sends a valid request for `route` through the JSON API; returns the status.
async fn api(t: &TestApp, route: Route, token: Option<&str>, n: usize) -> StatusCode {
    let status = json!({"status": "ongoing", "light": "green", "text": "Rapport"});
    let a = match route {
        Route::ReportArbeid => {
            t.json(
                Method::POST,
                "/api/v1/actions/mentorprogram/status-updates",
                token,
                status,
            )
            .await
        }
        Route::ReportBustad => {
            t.json(
                Method::POST,
                "/api/v1/actions/leige-for-a-eige/status-updates",
                token,
                status,
            )
            .await
        }
        Route::CreateAction => {
            let body = json!({"id": format!("nytt-tiltak-{n}"), "work_package": "arbeid", "how": "Nytt tiltak", "when": "Vår 2021"});
            t.json(Method::POST, "/api/v1/actions", token, body).await
        }
        Route::UpdateAction => {
            let v = version(t, "/api/v1/actions/prosjektleiar", "/version").await;
            let body = json!({"work_package": "effektiv-prosjektstruktur", "how": "Prosjektleiar på plass", "when": "Mai-20", "responsible": "Leiar SR", "version": v});
            t.json(Method::PUT, "/api/v1/actions/prosjektleiar", token, body)
                .await
        }
        Route::CreateMeasure => {
            let body = json!({"id": format!("nytt-tiltak-{n}"), "work_package": "bustad", "title": "Nytt tiltak"});
            t.json(Method::POST, "/api/v1/measures", token, body).await
        }
        Route::UpdateMeasure => {
            let v = version(t, "/api/v1/measures/mentorprogram", "/version").await;
            let body = json!({"work_package": "arbeid", "title": "Mentorprogram", "version": v});
            t.json(Method::PUT, "/api/v1/measures/mentorprogram", token, body)
                .await
        }
        Route::Contact4643 | Route::Contact4640 => {
            let code = if matches!(route, Route::Contact4643) {
                "4643"
            } else {
                "4640"
            };
            let list = t.get("/api/v1/municipalities").await.json();
            let v = list
                .as_array()
                .unwrap()
                .iter()
                .find(|m| m["code"] == code)
                .unwrap()["contact"]["version"]
                .as_i64()
                .unwrap();
            let body = json!({"name": "Kari Nordmann", "email": "kari@kommune.no", "version": v});
            t.json(
                Method::PUT,
                &format!("/api/v1/municipalities/{code}/contact"),
                token,
                body,
            )
            .await
        }
        Route::ReadAudit => t.send(Method::GET, "/api/v1/audit", token, None).await,
    };
    a.status
}

/// The same through the HTML forms; `None` for routes that have no form.
async fn form(t: &TestApp, route: Route, token: Option<&str>, n: usize) -> Option<StatusCode> {
    let status = [
        ("status", "ongoing"),
        ("light", "green"),
        ("text", "Rapport"),
        ("reported_on", ""),
    ];
    let a = match route {
        Route::ReportArbeid => {
            t.form("/actions/mentorprogram/status", token, &status)
                .await
        }
        Route::ReportBustad => {
            t.form("/actions/leige-for-a-eige/status", token, &status)
                .await
        }
        Route::CreateAction => {
            let id = format!("skjema-tiltak-{n}");
            t.form(
                "/actions",
                token,
                &[
                    ("id", &id),
                    ("work_package", "arbeid"),
                    ("measure", ""),
                    ("how", "Nytt"),
                    ("when", "2021"),
                ],
            )
            .await
        }
        Route::UpdateAction => {
            let v = version(t, "/api/v1/actions/prosjektleiar", "/version")
                .await
                .to_string();
            let fields = [
                ("work_package", "effektiv-prosjektstruktur"),
                ("measure", ""),
                ("how", "Prosjektleiar på plass"),
                ("when", "Mai-20"),
                ("responsible", "Leiar SR"),
                ("version", &v),
            ];
            t.form("/actions/prosjektleiar", token, &fields).await
        }
        Route::UpdateMeasure => {
            let v = version(t, "/api/v1/measures/mentorprogram", "/version")
                .await
                .to_string();
            t.form(
                "/measures/mentorprogram",
                token,
                &[
                    ("work_package", "arbeid"),
                    ("title", "Mentorprogram"),
                    ("version", &v),
                ],
            )
            .await
        }
        Route::Contact4643 | Route::Contact4640 => {
            let code = if matches!(route, Route::Contact4643) {
                "4643"
            } else {
                "4640"
            };
            let list = t.get("/api/v1/municipalities").await.json();
            let v = list
                .as_array()
                .unwrap()
                .iter()
                .find(|m| m["code"] == code)
                .unwrap()["contact"]["version"]
                .to_string();
            t.form(
                &format!("/municipalities/{code}/contact"),
                token,
                &[
                    ("name", "Ola"),
                    ("email", "ola@kommune.no"),
                    ("version", &v),
                ],
            )
            .await
        }
        Route::ReadAudit => t.send(Method::GET, "/audit", token, None).await,
        Route::CreateMeasure => return None,
    };
    Some(a.status)
}

#[tokio::test]
async fn every_write_route_for_every_role() {
    let t = TestApp::sqlite().await;
    let mut failures = Vec::new();
    let mut n = 0;
    for who in EVERYONE {
        let token = token(&t, who).await;
        for route in ROUTES {
            n += 1;
            let got = api(&t, route, token.as_deref(), n).await;
            let want_ok = allowed(who, route);
            let ok = if want_ok {
                got.is_success()
            } else if matches!(who, Who::Anonymous) {
                got == StatusCode::UNAUTHORIZED
            } else {
                got == StatusCode::FORBIDDEN
            };
            if !ok {
                failures.push(format!(
                    "API {route:?} as {who:?}: got {got}, allowed = {want_ok}"
                ));
            }
            if let Some(got) = form(&t, route, token.as_deref(), n).await {
                let ok = if want_ok {
                    got == StatusCode::SEE_OTHER || got == StatusCode::OK
                } else if matches!(who, Who::Anonymous) {
                    // Pages send a visitor to the log-in page instead.
                    got == StatusCode::SEE_OTHER
                } else {
                    got == StatusCode::FORBIDDEN
                };
                if !ok {
                    failures.push(format!(
                        "form {route:?} as {who:?}: got {got}, allowed = {want_ok}"
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test]
async fn anonymous_forms_go_to_log_in_and_come_back() {
    let t = TestApp::sqlite().await;
    let a = t
        .form(
            "/actions/mentorprogram/status",
            None,
            &[("status", "done"), ("light", "green")],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    assert_eq!(a.location(), "/login?next=/actions/mentorprogram");
}
