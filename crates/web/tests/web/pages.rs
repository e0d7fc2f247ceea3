use axum::http::{header, Method, StatusCode};
use domain::access::Role;

use crate::helpers::{escape, TestApp};

const PLAN: &str = include_str!("../../../../data/programmes/sogn-for-alle.toml");

#[tokio::test]
async fn every_page_answers_in_nynorsk() {
    let t = TestApp::sqlite().await;
    for uri in [
        "/",
        "/work-packages/arbeid",
        "/work-packages/kick-off",
        "/action-plan",
        "/action-plan?work_package=arbeid&status=none&from=2020-09&to=2021-05",
        "/action-plan/timeline",
        "/actions/mentorprogram",
        "/measures/mentorprogram",
        "/organisation",
        "/roles",
        "/municipalities",
        "/changes",
        "/changes?since=2020-09-01",
        "/login",
    ] {
        let a = t.get(uri).await;
        assert_eq!(a.status, StatusCode::OK, "{uri}: {}", a.body);
        assert!(a.body.contains("<html lang=\"nn\""), "{uri}");
        assert_eq!(a.headers[header::CONTENT_TYPE], "text/html; charset=utf-8");
    }
    let roles = t.get("/roles").await.body;
    assert!(roles.contains("Roller og løyve"));
    // The work group reports in its own packages, as `Actor::may` decides.
    assert!(
        roles.contains("melde status (i eigne arbeidspakkar eller kommunar)"),
        "{roles}"
    );
    assert_eq!(
        t.get("/work-packages/nope").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(t.get("/actions/nope").await.status, StatusCode::NOT_FOUND);
    assert_eq!(t.get("/no/such/page").await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        t.get("/action-plan?status=finished").await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

#[tokio::test]
async fn every_cell_of_the_plan_is_on_its_pages() {
    let t = TestApp::sqlite().await;
    let plan = domain::plan_file::load(PLAN, "plan").unwrap();
    let overview = t.get("/").await.body;
    assert!(overview.contains(&escape(&plan.programme.main_goal)));
    let action_plan = t.get("/action-plan").await.body;
    for wp in &plan.work_packages {
        let page = t.get(&format!("/work-packages/{}", wp.id)).await.body;
        assert!(overview.contains(&escape(&wp.name)), "{}", wp.name);
        assert!(page.contains(&escape(&wp.goal)), "{}", wp.goal);
        for s in &wp.strategies {
            assert!(page.contains(&escape(&s.text)), "strategy {}", s.number);
        }
        for m in &wp.measures {
            assert!(page.contains(&escape(&m.title)), "measure {}", m.id);
        }
        for a in &wp.actions {
            let item = t.get(&format!("/actions/{}", a.id)).await.body;
            for cell in [&a.how, &a.participants, &a.when, &a.comment, &a.responsible] {
                let cell = escape(cell);
                assert!(page.contains(&cell), "{}: {cell}", wp.id);
                assert!(action_plan.contains(&cell), "action plan: {cell}");
                assert!(item.contains(&cell), "{}: {cell}", a.id);
            }
        }
    }
    let org = t.get("/organisation").await.body;
    for u in &plan.organisation.units {
        assert!(org.contains(&escape(&u.name)), "{}", u.name);
    }
    let municipalities = t.get("/municipalities").await.body;
    for m in &plan.municipalities {
        assert!(municipalities.contains(&m.code) && municipalities.contains(&escape(&m.name)));
    }
}

#[tokio::test]
async fn log_in_report_status_and_see_it_in_history() {
    let t = TestApp::sqlite().await;
    t.app
        .add_user(
            None,
            "arbeid@sogn.test",
            "a long test password",
            Role::WorkGroup,
            vec!["arbeid".into()],
            vec![],
        )
        .await
        .unwrap();
    let bad = t
        .form(
            "/login",
            None,
            &[
                ("email", "arbeid@sogn.test"),
                ("password", "nope"),
                ("next", "/"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        !bad.body.contains("value=\"nope\""),
        "the password is not sent back"
    );
    let ok = t
        .form(
            "/login",
            None,
            &[
                ("email", "arbeid@sogn.test"),
                ("password", "a long test password"),
                ("next", "/actions/mentorprogram"),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    assert_eq!(ok.location(), "/actions/mentorprogram");
    let cookie = ok.headers[header::SET_COOKIE].to_str().unwrap();
    let token = cookie
        .split(';')
        .next()
        .unwrap()
        .trim_start_matches("bulyst_session=")
        .to_string();

    let before = t.get("/actions/mentorprogram").await.body;
    assert!(
        !before.contains("Utsett"),
        "an anonymous copy of the page is now cached"
    );
    let page = t.get_as("/actions/mentorprogram", &token).await.body;
    assert!(
        page.contains("action=\"/actions/mentorprogram/status\""),
        "the status form is offered"
    );
    assert!(
        !t.get_as("/actions/leige-for-a-eige", &token)
            .await
            .body
            .contains("/status\""),
        "not in another package"
    );

    let sent = t
        .form(
            "/actions/mentorprogram/status",
            Some(&token),
            &[
                ("status", "delayed"),
                ("light", "red"),
                ("text", "Utsett <til> våren"),
                ("reported_on", "2021-01-10"),
            ],
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    assert!(sent
        .location()
        .starts_with("/actions/mentorprogram#update-"));
    let page = t.get("/actions/mentorprogram").await.body;
    assert!(page.contains("Utsett &#60;til&#62; våren"));
    assert!(t
        .get("/changes?since=2021-01-01")
        .await
        .body
        .contains("Utsett &#60;til&#62; våren"));

    let invalid = t
        .form(
            "/actions/mentorprogram/status",
            Some(&token),
            &[
                ("status", "delayed"),
                ("light", "red"),
                ("text", "x"),
                ("reported_on", "2021-02-30"),
            ],
        )
        .await;
    assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        invalid.body.contains("2021-02-30"),
        "what was typed is kept"
    );
    assert!(
        invalid.body.contains("YYYY-MM-DD"),
        "and the message says what to write"
    );
    assert_eq!(
        t.app
            .history("mentorprogram", 0, 100)
            .await
            .unwrap()
            .0
            .len(),
        1
    );

    let out = t.send(Method::POST, "/logout", Some(&token), None).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert!(t.app.actor(&token).await.unwrap().is_none());
}

#[tokio::test]
async fn language_is_chosen_and_remembered() {
    let t = TestApp::sqlite().await;
    let a = t
        .form(
            "/language",
            None,
            &[("lang", "nb"), ("back", "/organisation")],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    assert_eq!(a.location(), "/organisation");
    let cookie = a.headers[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    assert_eq!(cookie, "bulyst_lang=nb");
    for (lang, cookie) in [
        ("nb", "bulyst_lang=nb"),
        ("en", "bulyst_lang=en"),
        ("nn", "bulyst_lang=nn"),
    ] {
        let req = axum::http::Request::get("/")
            .header(header::COOKIE, cookie)
            .body(axum::body::Body::empty())
            .unwrap();
        let res = tower::ServiceExt::oneshot(t.router.clone(), req)
            .await
            .unwrap();
        let body = http_body_util::BodyExt::collect(res.into_body())
            .await
            .unwrap()
            .to_bytes();
        assert!(
            String::from_utf8_lossy(&body).contains(&format!("<html lang=\"{lang}\"")),
            "{lang}"
        );
    }
    let away = t
        .form(
            "/language",
            None,
            &[("lang", "en"), ("back", "//evil.example/")],
        )
        .await;
    assert_eq!(away.location(), "/");
}
