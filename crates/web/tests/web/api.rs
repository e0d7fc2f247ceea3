use axum::http::{Method, StatusCode};
use domain::access::Role;
use serde_json::json;

use crate::helpers::{on_each_backend, TestApp};

const PLAN: &str = include_str!("../../../../data/programmes/sogn-for-alle.toml");

#[tokio::test]
async fn every_strategy_measure_and_row_is_in_the_api_word_for_word() {
    let t = TestApp::sqlite().await;
    let plan = domain::plan_file::load(PLAN, "plan").unwrap();
    let wps = t.get("/api/v1/work-packages").await.json();
    for (wp, got) in plan.work_packages.iter().zip(wps.as_array().unwrap()) {
        assert_eq!(got["name"], wp.name.as_str());
        assert_eq!(got["goal"], wp.goal.as_str());
        for (s, g) in wp
            .strategies
            .iter()
            .zip(got["strategies"].as_array().unwrap())
        {
            assert_eq!(g["number"], s.number);
            assert_eq!(g["text"], s.text.as_str());
        }
        let titles: Vec<_> = got["measures"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["title"].as_str().unwrap())
            .collect();
        assert_eq!(
            titles,
            wp.measures
                .iter()
                .map(|m| m.title.as_str())
                .collect::<Vec<_>>()
        );
        let rows = got["actions"].as_array().unwrap();
        assert_eq!(rows.len(), wp.actions.len(), "{}", wp.id);
        for (a, r) in wp.actions.iter().zip(rows) {
            for (field, want) in [
                ("how", &a.how),
                ("participants", &a.participants),
                ("when", &a.when),
                ("comment", &a.comment),
                ("responsible", &a.responsible),
            ] {
                assert_eq!(r[field], want.as_str(), "{} {field}", a.id);
            }
        }
    }
    let p = t.get("/api/v1/programme").await.json();
    assert_eq!(p["main_goal"], plan.programme.main_goal.as_str());
    assert_eq!(p["municipalities"].as_array().unwrap().len(), 7);
    assert_eq!(p["municipalities"][5]["code"], "4643");
    assert_eq!(p["municipalities"][5]["name"], "Årdal");
    let org = t.get("/api/v1/organisation").await.json();
    assert_eq!(
        org["steering_group_meeting_months"],
        json!([9, 11, 1, 3, 5])
    );
}

#[tokio::test]
async fn roles_say_what_each_may_do_as_the_rules_decide() {
    on_each_backend(|t| async move {
        let roles = t.get("/api/v1/roles").await.json();
        let grants = |role: &str| -> Vec<(String, String)> {
            roles
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["role"] == role)
                .unwrap()["grants"]
                .as_array()
                .unwrap()
                .iter()
                .map(|g| {
                    (
                        g["permission"].as_str().unwrap().into(),
                        g["reach"].as_str().unwrap().into(),
                    )
                })
                .collect()
        };
        assert_eq!(roles.as_array().unwrap().len(), Role::ALL.len());
        assert_eq!(
            grants("work-group"),
            vec![
                ("report-status".into(), "assigned".into()),
                ("own-mentoring-profile".into(), "own".into()),
                ("own-newcomer-case".into(), "own".into())
            ]
        );
        assert!(grants("reader").iter().all(|(_, reach)| reach == "own"));
        assert!(grants("admin")
            .iter()
            .any(|g| g == &("manage-users".to_string(), "all".to_string())));
    })
    .await;
}

#[tokio::test]
async fn login_report_and_find_it_in_history_and_changes() {
    on_each_backend(|t| async move {
        t.app.add_user(None, "pl@sogn.test", "a long test password", Role::ProjectLeader, vec![], vec![]).await.unwrap();
        let bad = t.json(Method::POST, "/api/v1/login", None, json!({"email": "pl@sogn.test", "password": "wrong password!"})).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(bad.headers["content-type"], "application/problem+json");
        let ok = t.json(Method::POST, "/api/v1/login", None, json!({"email": "PL@sogn.test", "password": "a long test password"})).await;
        assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
        let cookie = ok.headers["set-cookie"].to_str().unwrap().to_string();
        assert!(cookie.contains("HttpOnly") && cookie.contains("Secure") && cookie.contains("SameSite=Lax"), "{cookie}");
        let token = ok.json()["token"].as_str().unwrap().to_string();
        assert_eq!(t.get_as("/api/v1/me", &token).await.json()["role"], "project-leader");

        let posted = t
            .json(Method::POST, "/api/v1/actions/mentorprogram/status-updates", Some(&token),
                json!({"status": "ongoing", "light": "yellow", "text": "Fyrste samling i Årdal", "reported_on": "2020-10-05"}))
            .await;
        assert_eq!(posted.status, StatusCode::CREATED, "{}", posted.body);
        let detail = t.get("/api/v1/actions/mentorprogram").await.json();
        assert_eq!(detail["status"], "ongoing");
        assert_eq!(detail["light"], "yellow");
        assert_eq!(detail["history"][0]["text"], "Fyrste samling i Årdal");
        assert_eq!(detail["history"][0]["author"], "pl@sogn.test");
        let changes = t.get("/api/v1/changes?since=2020-10-01").await.json();
        assert_eq!(changes["updates"][0]["action_id"], "mentorprogram");

        let filtered = t.get("/api/v1/actions?status=ongoing").await.json();
        assert_eq!(filtered.as_array().unwrap().len(), 1);
        let none = t.get("/api/v1/actions?status=none").await.json();
        assert_eq!(none.as_array().unwrap().len(), 19);

        assert_eq!(t.json(Method::POST, "/api/v1/logout", Some(&token), json!({})).await.status, StatusCode::NO_CONTENT);
        assert_eq!(t.get_as("/api/v1/me", &token).await.status, StatusCode::UNAUTHORIZED);
    })
    .await;
}

#[tokio::test]
async fn filters_read_the_plan_period() {
    let t = TestApp::sqlite().await;
    let rows = t
        .get("/api/v1/actions?from=2021-08&to=2021-12")
        .await
        .json();
    let ids: Vec<_> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        ids,
        [
            "etableraropplaering",
            "norskopplaering-i-arbeidslivet",
            "deltidsutdanning-sjukepleie",
            "godkjenning-og-karriererettleiing",
            "b2-kurs-i-norsk"
        ]
    );
    for r in rows.as_array().unwrap() {
        assert!(
            r["ends"].as_str().unwrap() >= "2021-08-01"
                && r["starts"].as_str().unwrap() <= "2021-12-31"
        );
    }
    let arbeid = t
        .get("/api/v1/actions?work_package=arbeid&responsible=nav")
        .await
        .json();
    assert_eq!(arbeid.as_array().unwrap().len(), 1, "{arbeid}");
    let bad = t.get("/api/v1/actions?status=finished&from=mai").await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<_> = bad.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(fields, ["status", "from"]);
}

#[tokio::test]
async fn bad_input_is_refused_and_changes_nothing() {
    on_each_backend(|t| async move {
        let pl = t.session(Role::ProjectLeader, &[]).await;
        let url = "/api/v1/actions/mentorprogram/status-updates";
        let cases = [
            (json!({"status": "finished", "light": "green"}), "status"),
            (json!({"status": "done", "light": "blue"}), "light"),
            (
                json!({"status": "done", "light": "green", "text": "x".repeat(4001)}),
                "text",
            ),
            (
                json!({"status": "done", "light": "green", "reported_on": "2021-02-30"}),
                "reported_on",
            ),
            (
                json!({"status": "done", "light": "green", "reported_on": "2999-01-01"}),
                "reported_on",
            ),
        ];
        for (body, field) in cases {
            let a = t.json(Method::POST, url, Some(&pl), body).await;
            assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.body);
            assert_eq!(a.json()["errors"][0]["field"], field, "{}", a.body);
        }
        let malformed = t
            .send(
                Method::POST,
                url,
                Some(&pl),
                Some(("application/json", "{\"status\":".into())),
            )
            .await;
        assert_eq!(malformed.status, StatusCode::BAD_REQUEST);
        assert_eq!(
            malformed.headers["content-type"],
            "application/problem+json"
        );
        let missing = t
            .json(Method::POST, url, Some(&pl), json!({"light": "green"}))
            .await;
        assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            missing.json()["detail"]
                .as_str()
                .unwrap()
                .contains("status"),
            "{}",
            missing.body
        );
        let unknown = t
            .json(
                Method::POST,
                "/api/v1/actions/nope/status-updates",
                Some(&pl),
                json!({"status": "done", "light": "green"}),
            )
            .await;
        assert_eq!(unknown.status, StatusCode::NOT_FOUND);
        assert!(
            t.get("/api/v1/actions/mentorprogram").await.json()["history"]
                .as_array()
                .unwrap()
                .is_empty()
        );
    })
    .await;
}

#[tokio::test]
async fn a_stale_edit_is_a_conflict() {
    on_each_backend(|t| async move {
        let pl = t.session(Role::ProjectLeader, &[]).await;
        let row = t.get("/api/v1/actions/lokale-frukostmoter").await.json();
        let mut body = json!({
            "work_package": row["work_package"], "measure": row["measure"], "how": row["how"],
            "participants": row["participants"], "when": "Haust 2020", "comment": "Første endring",
            "responsible": row["responsible"], "version": row["version"],
        });
        let first = t
            .json(
                Method::PUT,
                "/api/v1/actions/lokale-frukostmoter",
                Some(&pl),
                body.clone(),
            )
            .await;
        assert_eq!(first.status, StatusCode::OK, "{}", first.body);
        assert_eq!(first.json()["starts"], "2020-08-01");
        body["comment"] = json!("Andre endring, frå ein gammal kopi");
        let stale = t
            .json(
                Method::PUT,
                "/api/v1/actions/lokale-frukostmoter",
                Some(&pl),
                body,
            )
            .await;
        assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
        assert_eq!(
            t.get("/api/v1/actions/lokale-frukostmoter").await.json()["comment"],
            "Første endring"
        );

        let admin = t.session(Role::Admin, &[]).await;
        let log = t.get_as("/api/v1/audit", &admin).await.json();
        let edit = log
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["entity"] == "action")
            .unwrap();
        assert_eq!(edit["before"]["comment"], "");
        assert_eq!(edit["after"]["comment"], "Første endring");
    })
    .await;
}

#[tokio::test]
async fn openapi_document_is_stable() {
    let t = TestApp::sqlite().await;
    let doc = t.get("/api/openapi.json").await.json();
    assert_eq!(doc["openapi"], "3.1.0");
    insta::assert_json_snapshot!("openapi", doc);
}
