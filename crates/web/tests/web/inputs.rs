//! Every input bounded and clean: control characters in text, oversized lists and page
//! numbers past any page are refused as problem details on both backends, never stored and
//! never a server error.

use axum::http::{Method, StatusCode};
use domain::access::Role;
use serde_json::{json, Value};

use crate::helpers::{on_each_backend, Answer, TestApp};

/// Where a text goes in: the route, and the body with `text` in the field under test.
struct Place {
    method: Method,
    uri: String,
    field: &'static str,
    /// Whether the field takes several lines (tabs and line breaks allowed).
    lines: bool,
    body: fn(&str) -> Value,
}

fn place(
    method: Method,
    uri: &str,
    field: &'static str,
    lines: bool,
    body: fn(&str) -> Value,
) -> Place {
    Place {
        method,
        uri: uri.to_string(),
        field,
        lines,
        body,
    }
}

fn field_errors(a: &Answer) -> Vec<String> {
    a.json()["errors"]
        .as_array()
        .map(|e| {
            e.iter()
                .filter_map(|e| e["field"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

async fn newcomer_case(t: &TestApp, admin: &str) -> i64 {
    let created = t
        .json(
            Method::POST,
            "/api/v1/newcomers",
            Some(admin),
            json!({"name": "Amina Yusuf", "municipality": "4643", "arrival_date": "2023-01-16", "category": "refugee"}),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    created.json()["id"].as_i64().unwrap()
}

/// Representative routes of every input type of the app: the plan, status reports,
/// contacts, indicator targets, the mentor programme and the newcomer service.
fn places(case: i64) -> Vec<Place> {
    let case_uri = format!("/api/v1/newcomers/{case}");
    vec![
        place(
            Method::POST,
            "/api/v1/actions/mentorprogram/status-updates",
            "text",
            true,
            |s| json!({"status": "ongoing", "light": "green", "text": s}),
        ),
        place(
            Method::POST,
            "/api/v1/actions",
            "how",
            true,
            |s| json!({"id": "ny-rad", "work_package": "arbeid", "how": s}),
        ),
        place(
            Method::POST,
            "/api/v1/measures",
            "title",
            true,
            |s| json!({"id": "nytt-tiltak", "work_package": "arbeid", "title": s}),
        ),
        place(
            Method::PUT,
            "/api/v1/municipalities/4643/contact",
            "name",
            false,
            |s| json!({"name": s, "email": "", "version": 1}),
        ),
        place(
            Method::POST,
            "/api/v1/indicators/refugees-settled-here/targets",
            "note",
            false,
            |s| json!({"area": "sogn", "year": "2024", "value": "80", "note": s}),
        ),
        place(
            Method::POST,
            "/api/v1/mentoring/profiles",
            "name",
            false,
            |s| {
                json!({"side": "mentee", "name": s, "municipality": "4640",
                       "languages": [{"language": "norsk", "level": "B1"}]})
            },
        ),
        place(
            Method::POST,
            "/api/v1/mentoring/profiles",
            "interests",
            false,
            |s| {
                json!({"side": "mentee", "name": "Omar Ali", "municipality": "4640",
                       "languages": [{"language": "norsk", "level": "B1"}], "interests": [s]})
            },
        ),
        place(
            Method::POST,
            "/api/v1/mentoring/cohorts",
            "name",
            false,
            |s| json!({"employer": "Luster kommune", "name": s, "starts_on": "2024-02-01"}),
        ),
        place(
            Method::POST,
            "/api/v1/newcomers",
            "name",
            false,
            |s| json!({"name": s, "municipality": "4643", "arrival_date": "2023-01-16", "category": "refugee"}),
        ),
        place(Method::POST, "/api/v1/newcomers", "languages", false, |s| {
            json!({"name": "Sara Haile", "municipality": "4643", "arrival_date": "2023-01-16",
                       "category": "refugee", "languages": [s]})
        }),
        place(
            Method::PUT,
            &format!("{case_uri}/correction"),
            "name",
            false,
            |s| json!({"name": s, "version": 1}),
        ),
        place(
            Method::POST,
            &format!("{case_uri}/consents"),
            "text_version",
            false,
            |s| json!({"purpose": "follow-ups", "basis": "consent", "given_on": "2023-01-20", "text_version": s}),
        ),
    ]
}

#[tokio::test]
async fn control_characters_in_text_are_refused_on_every_route() {
    on_each_backend(|t| async move {
        let admin = t.session(Role::Admin, &[]).await;
        let case = newcomer_case(&t, &admin).await;
        for p in places(case) {
            for bad in ["Amina\u{0}Yusuf", "Amina\u{1b}[2JYusuf", "Amina\u{7f}"] {
                let a = t
                    .json(p.method.clone(), &p.uri, Some(&admin), (p.body)(bad))
                    .await;
                assert_eq!(
                    a.status,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "{} {} with {bad:?}: {}",
                    p.method,
                    p.uri,
                    a.body
                );
                assert_eq!(a.headers["content-type"], "application/problem+json");
                assert!(
                    field_errors(&a).iter().any(|f| f == p.field),
                    "{} {}: a field error on `{}`: {}",
                    p.method,
                    p.uri,
                    p.field,
                    a.body
                );
            }
            let lines = t
                .json(
                    p.method.clone(),
                    &p.uri,
                    Some(&admin),
                    (p.body)("Første linje\r\n\tandre"),
                )
                .await;
            if p.lines {
                assert!(
                    lines.status.is_success(),
                    "{} {} takes several lines: {}",
                    p.method,
                    p.uri,
                    lines.body
                );
            } else {
                assert_eq!(
                    lines.status,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "{} {} is one line: {}",
                    p.method,
                    p.uri,
                    lines.body
                );
                assert!(
                    field_errors(&lines).iter().any(|f| f == p.field),
                    "{}",
                    lines.body
                );
            }
        }
        // Nothing of what was refused was stored.
        let case = t.get_as(&format!("/api/v1/newcomers/{case}"), &admin).await;
        assert_eq!(case.json()["name"], "Amina Yusuf");
        assert_eq!(case.json()["consents"], json!([]));
        let profiles = t.get_as("/api/v1/mentoring/profiles", &admin).await;
        assert_eq!(profiles.json(), json!([]), "no profile was stored");
    })
    .await;
}

fn base36(mut i: u32) -> String {
    let mut s = String::new();
    loop {
        s.insert(0, char::from_digit(i % 36, 36).unwrap());
        i /= 36;
        if i == 0 {
            return s;
        }
    }
}

#[tokio::test]
async fn a_correction_with_36_000_languages_is_refused_before_any_work() {
    on_each_backend(|t| async move {
        let admin = t.session(Role::Admin, &[]).await;
        let case = newcomer_case(&t, &admin).await;
        // Different entries, so that a duplicate check would have to look at them all, and
        // short ones, so that the body stays under the server's size limit.
        let languages: Vec<String> = (0..36_000u32).map(base36).collect();
        let body = json!({"name": "Amina Yusuf", "languages": languages, "version": 1});
        let a = t
            .json(Method::PUT, &format!("/api/v1/newcomers/{case}/correction"), Some(&admin), body)
            .await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.body);
        assert_eq!(field_errors(&a), ["languages"]);
        assert!(a.json()["errors"][0]["message"].as_str().unwrap().contains("36000 entries"), "{}", a.body);

        // The same list as staff registering a case, and duplicates within the limit.
        let many = t
            .json(Method::POST, "/api/v1/newcomers", Some(&admin), json!({"name": "Sara Haile",
                "municipality": "4643", "arrival_date": "2023-01-16", "category": "refugee",
                "languages": (0..36_000).map(|_| "so").collect::<Vec<_>>()}))
            .await;
        assert_eq!(many.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", many.body);
        assert_eq!(field_errors(&many), ["languages"]);
        let twice = t
            .json(Method::PUT, &format!("/api/v1/newcomers/{case}/correction"), Some(&admin),
                json!({"name": "Amina Yusuf", "languages": ["somali", "engelsk", "somali"], "version": 1}))
            .await;
        assert_eq!(twice.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", twice.body);
        assert!(twice.body.contains("listed twice"), "{}", twice.body);
    })
    .await;
}

/// The answer with the id it names taken out, so that two answers can be compared.
fn without_id(a: &Answer, id: i64) -> (StatusCode, String) {
    (a.status, a.body.replace(&id.to_string(), "ID"))
}

#[tokio::test]
async fn another_s_case_looks_like_a_missing_one() {
    on_each_backend(|t| async move {
        let admin = t.session(Role::Admin, &[]).await;
        let case = newcomer_case(&t, &admin).await;
        let missing = case + 1000;
        let elsewhere = t.session(Role::NewcomerStaff, &["4640"]).await;
        let reader = t.session(Role::Reader, &[]).await;
        for token in [&elsewhere, &reader] {
            for suffix in ["", "/export"] {
                let there = t
                    .get_as(&format!("/api/v1/newcomers/{case}{suffix}"), token)
                    .await;
                let not = t
                    .get_as(&format!("/api/v1/newcomers/{missing}{suffix}"), token)
                    .await;
                assert_eq!(there.status, StatusCode::NOT_FOUND, "{}", there.body);
                assert_eq!(without_id(&there, case), without_id(&not, missing));
            }
            let there = t
                .json(
                    Method::PUT,
                    &format!("/api/v1/newcomers/{case}/correction"),
                    Some(token),
                    json!({"name": "X", "version": 1}),
                )
                .await;
            let not = t
                .json(
                    Method::PUT,
                    &format!("/api/v1/newcomers/{missing}/correction"),
                    Some(token),
                    json!({"name": "X", "version": 1}),
                )
                .await;
            assert_eq!(without_id(&there, case), without_id(&not, missing));
        }

        // A profile in the mentor programme, to someone who is not its person.
        let profile = t
            .json(
                Method::POST,
                "/api/v1/mentoring/profiles",
                Some(&admin),
                json!({"side": "mentee", "name": "Omar Ali", "municipality": "4640",
                       "languages": [{"language": "norsk", "level": "B1"}]}),
            )
            .await;
        let profile = profile.json()["id"].as_i64().unwrap();
        let there = t
            .get_as(&format!("/api/v1/mentoring/profiles/{profile}"), &reader)
            .await;
        let not = t
            .get_as(
                &format!("/api/v1/mentoring/profiles/{}", profile + 1000),
                &reader,
            )
            .await;
        assert_eq!(there.status, StatusCode::NOT_FOUND, "{}", there.body);
        assert_eq!(
            without_id(&there, profile),
            without_id(&not, profile + 1000)
        );
    })
    .await;
}

#[tokio::test]
async fn linking_an_account_that_has_a_case_tells_nothing_about_it() {
    on_each_backend(|t| async move {
        let admin = t.session(Role::Admin, &[]).await;
        let linked = t
            .app
            .add_user(
                None,
                "amina@sogn.test",
                "a long test password",
                Role::Reader,
                vec![],
                vec![],
            )
            .await
            .unwrap();
        let body = |account: i64| {
            json!({"name": "Sara Haile", "municipality": "4643",
            "arrival_date": "2023-01-16", "category": "refugee", "account_id": account})
        };
        let first = t
            .json(
                Method::POST,
                "/api/v1/newcomers",
                Some(&admin),
                body(linked),
            )
            .await;
        assert_eq!(first.status, StatusCode::CREATED, "{}", first.body);
        let taken = t
            .json(
                Method::POST,
                "/api/v1/newcomers",
                Some(&admin),
                body(linked),
            )
            .await;
        let missing = t
            .json(
                Method::POST,
                "/api/v1/newcomers",
                Some(&admin),
                body(linked + 1000),
            )
            .await;
        assert_eq!(
            taken.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            taken.body
        );
        assert_eq!(field_errors(&taken), ["account_id"]);
        assert_eq!(
            taken.body, missing.body,
            "an account with a case answers as one that does not exist"
        );
        assert!(
            !taken.body.contains('#') && !taken.body.contains("amina"),
            "{}",
            taken.body
        );
    })
    .await;
}

#[tokio::test]
async fn page_numbers_past_any_page_are_refused_not_overflowed() {
    on_each_backend(|t| async move {
        let admin = t.session(Role::Admin, &[]).await;
        for uri in [
            "/api/v1/audit?page=100000000000000000",
            "/api/v1/audit?page=-1",
            "/api/v1/audit?limit=0",
            "/api/v1/audit?page=92233720368547758&limit=500",
            "/api/v1/actions/mentorprogram/status-updates?page=100000000000000000",
            "/api/v1/actions/mentorprogram/status-updates?limit=100000",
        ] {
            let a = t.get_as(uri, &admin).await;
            assert_eq!(
                a.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{uri}: {}",
                a.body
            );
            assert_eq!(a.headers["content-type"], "application/problem+json");
        }
        // Past i64 altogether: the query string itself is refused.
        let a = t
            .get_as("/api/v1/audit?page=100000000000000000000", &admin)
            .await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{}", a.body);
        assert_eq!(
            t.get_as("/api/v1/audit?page=1000000", &admin).await.json(),
            json!([])
        );
    })
    .await;
}

#[tokio::test]
async fn an_actions_history_comes_a_page_at_a_time() {
    on_each_backend(|t| async move {
        let admin = t.session(Role::Admin, &[]).await;
        for i in 0..5 {
            let a = t
                .json(
                    Method::POST,
                    "/api/v1/actions/mentorprogram/status-updates",
                    Some(&admin),
                    json!({"status": "ongoing", "light": "green", "text": format!("rapport {i}")}),
                )
                .await;
            assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
        }
        let uri = "/api/v1/actions/mentorprogram/status-updates";
        let mut texts = Vec::new();
        let mut next = Some(format!("{uri}?limit=2"));
        while let Some(page) = next.take() {
            let a = t.get(&page).await;
            assert_eq!(a.status, StatusCode::OK, "{}", a.body);
            texts.extend(
                a.json()
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|u| u["text"].as_str().unwrap().to_string()),
            );
            next = a.headers.get("link").map(|l| {
                let l = l.to_str().unwrap();
                assert!(l.ends_with(">; rel=\"next\""), "{l}");
                l[1..l.find('>').unwrap()].to_string()
            });
        }
        assert_eq!(
            texts,
            [
                "rapport 4",
                "rapport 3",
                "rapport 2",
                "rapport 1",
                "rapport 0"
            ]
        );
        let detail = t.get("/api/v1/actions/mentorprogram").await.json();
        assert_eq!(detail["history"].as_array().unwrap().len(), 5);
        assert!(detail["history_next"].is_null());
        assert_eq!(
            t.get(&format!("{uri}?page=3&limit=2")).await.json(),
            json!([])
        );
        assert_eq!(
            t.get("/api/v1/actions/nothing/status-updates").await.status,
            StatusCode::NOT_FOUND
        );
    })
    .await;
}

#[tokio::test]
async fn an_actions_page_shows_its_history_a_page_at_a_time() {
    let t = TestApp::sqlite().await;
    let admin = t.session(Role::Admin, &[]).await;
    for i in 0..51 {
        let a = t
            .json(
                Method::POST,
                "/api/v1/actions/mentorprogram/status-updates",
                Some(&admin),
                json!({"status": "ongoing", "light": "green", "text": format!("rapport nr. {i}.")}),
            )
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    }
    let first = t.get("/actions/mentorprogram").await;
    assert_eq!(first.status, StatusCode::OK);
    assert!(first.body.contains("rapport nr. 50.") && !first.body.contains("rapport nr. 0."));
    assert!(
        first
            .body
            .contains("href=\"/actions/mentorprogram?page=1\" rel=\"next\""),
        "a link to older updates"
    );
    let second = t.get("/actions/mentorprogram?page=1").await;
    assert_eq!(second.status, StatusCode::OK);
    assert!(second.body.contains("rapport nr. 0.") && !second.body.contains("rapport nr. 50."));
    assert!(second
        .body
        .contains("href=\"/actions/mentorprogram\" rel=\"prev\""));
    assert!(!second.body.contains("rel=\"next\""));
    let past = t
        .get("/actions/mentorprogram?page=100000000000000000")
        .await;
    assert_eq!(past.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn nul_in_paths_and_query_strings_is_never_a_server_error() {
    on_each_backend(|t| async move {
        let admin = t.session(Role::Admin, &[]).await;
        let status = json!({"status": "ongoing", "light": "green"});
        let target = json!({"area": "sogn", "year": "2024", "value": "80"});
        let contact = json!({"name": "Kari", "email": "", "version": 1});
        for (method, uri, body) in [
            (Method::GET, "/api/v1/actions/a%00b", None),
            (Method::GET, "/api/v1/actions/a%00b/status-updates", None),
            (
                Method::POST,
                "/api/v1/actions/a%00b/status-updates",
                Some(status),
            ),
            (Method::GET, "/api/v1/measures/a%00b", None),
            (Method::GET, "/api/v1/work-packages/a%00b", None),
            (
                Method::PUT,
                "/api/v1/municipalities/46%0043/contact",
                Some(contact),
            ),
            (Method::GET, "/api/v1/indicators/a%00b/values", None),
            (Method::GET, "/api/v1/indicators/a%00b/targets", None),
            (
                Method::POST,
                "/api/v1/indicators/a%00b/targets",
                Some(target),
            ),
            (
                Method::GET,
                "/api/v1/actions?responsible=a%00b&work_package=%00",
                None,
            ),
            (Method::GET, "/api/v1/changes?since=2020-01-01%00", None),
            (
                Method::GET,
                "/api/v1/indicators/refugees-settled-here/values?area=%00&from=%00",
                None,
            ),
            (Method::GET, "/actions/a%00b", None),
            (Method::GET, "/work-packages/a%00b", None),
            (Method::GET, "/indicators/a%00b", None),
        ] {
            let a = t.call(method.clone(), uri, Some(&admin), body).await;
            assert!(
                a.status.is_client_error(),
                "{method} {uri}: {} {}",
                a.status,
                a.body
            );
        }
    })
    .await;
}
