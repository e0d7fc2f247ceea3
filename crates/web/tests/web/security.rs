use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use domain::access::Role;
use http_body_util::BodyExt;
use tower::ServiceExt;

use crate::helpers::TestApp;

#[tokio::test]
async fn security_headers_on_every_answer() {
    let t = TestApp::sqlite().await;
    for uri in ["/", "/api/v1/programme", "/nope", "/healthz"] {
        let a = t.get(uri).await;
        for name in [
            "content-security-policy",
            "x-content-type-options",
            "x-frame-options",
            "referrer-policy",
        ] {
            assert!(a.headers.contains_key(name), "{uri} lacks {name}");
        }
    }
    assert_eq!(t.get("/healthz").await.body, "ok");
}

#[tokio::test]
async fn cross_site_writes_are_refused() {
    let t = TestApp::sqlite().await;
    let token = t.session(Role::ProjectLeader, &[]).await;
    let send = |site: Option<&'static str>, origin: Option<&'static str>| {
        let mut req = Request::post("/actions/mentorprogram/status")
            .header(header::HOST, "bulyst.test")
            .header(header::COOKIE, format!("bulyst_session={token}"))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        if let Some(s) = site {
            req = req.header("sec-fetch-site", s);
        }
        if let Some(o) = origin {
            req = req.header(header::ORIGIN, o);
        }
        let req = req
            .body(Body::from("status=done&light=green&text=x"))
            .unwrap();
        let router = t.router.clone();
        async move { router.oneshot(req).await.unwrap().status() }
    };
    assert_eq!(send(Some("cross-site"), None).await, StatusCode::FORBIDDEN);
    assert_eq!(send(Some("same-site"), None).await, StatusCode::FORBIDDEN);
    assert_eq!(
        send(None, Some("https://evil.example")).await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        send(Some("same-origin"), Some("http://bulyst.test")).await,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        send(None, Some("http://bulyst.test")).await,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        t.app
            .history("mentorprogram", 0, 100)
            .await
            .unwrap()
            .0
            .len(),
        2
    );
}

#[tokio::test]
async fn password_guessing_is_slowed_down() {
    let t = TestApp::sqlite().await;
    t.app
        .add_user(
            None,
            "pl@sogn.test",
            "a long test password",
            Role::ProjectLeader,
            vec![],
            vec![],
        )
        .await
        .unwrap();
    for _ in 0..5 {
        assert!(t.app.login("pl@sogn.test", "wrong guess").await.is_err());
    }
    let e = t
        .app
        .login("pl@sogn.test", "a long test password")
        .await
        .unwrap_err();
    assert!(matches!(e, app::AppError::TooManyAttempts(_)), "{e}");
}

#[tokio::test]
async fn passwords_are_argon2id_and_sessions_hashed() {
    let t = TestApp::sqlite().await;
    let token = t.session(Role::Reader, &[]).await;
    let store::Db::Sqlite(pool) = t.app.db() else {
        unreachable!()
    };
    let (hash,): (String,) = sqlx::query_as("SELECT password_hash FROM users")
        .fetch_one(pool)
        .await
        .unwrap();
    assert!(hash.starts_with("$argon2id$"));
    let (stored,): (String,) = sqlx::query_as("SELECT token_hash FROM sessions")
        .fetch_one(pool)
        .await
        .unwrap();
    assert_ne!(stored, token);
    let res = t
        .router
        .clone()
        .oneshot(
            Request::get("/api/v1/me")
                .header(header::AUTHORIZATION, format!("Bearer {token}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let body = res.into_body().collect().await.unwrap().to_bytes();
    assert!(String::from_utf8_lossy(&body).contains("reader"));
}
