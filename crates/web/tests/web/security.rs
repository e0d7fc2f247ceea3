use app::{AppError, LoginAttempt};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use domain::access::Role;
use http_body_util::BodyExt;
use tower::ServiceExt;

use crate::helpers::{on_each_backend, problem_fields, TestApp};

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

const OWNER: &str = "leiar@sogn.test";
const OWNER_PASSWORD: &str = "a long test password";

async fn with_owner(t: &TestApp) {
    t.app
        .add_user(None, OWNER, OWNER_PASSWORD, Role::Admin, vec![], vec![])
        .await
        .unwrap();
}

fn from(source: &str, password: &'static str) -> LoginAttempt<'static> {
    LoginAttempt {
        email: OWNER,
        password,
        source: Some(source.parse().unwrap()),
        device: None,
    }
}

#[tokio::test]
async fn an_attacker_cannot_lock_the_owner_out_of_their_own_device() {
    on_each_backend(|t| async move {
        with_owner(&t).await;
        let owner = t
            .app
            .login_with(from("192.0.2.10", OWNER_PASSWORD))
            .await
            .unwrap();
        let mut slowed = 0;
        for _ in 0..50 {
            match t.app.login_with(from("198.51.100.66", "wrong guess")).await {
                Err(AppError::TooManyAttempts(_)) => slowed += 1,
                Err(AppError::Invalid(_)) => {}
                other => panic!("{other:?}"),
            }
        }
        assert!(slowed >= 40, "the guesses were slowed down: {slowed} of 50");
        // Without the device even the right password waits (so guessing cannot go on).
        assert!(matches!(
            t.app
                .login_with(from("198.51.100.66", OWNER_PASSWORD))
                .await,
            Err(AppError::TooManyAttempts(_))
        ));
        assert!(matches!(
            t.app.login_with(from("192.0.2.10", OWNER_PASSWORD)).await,
            Err(AppError::TooManyAttempts(_))
        ));
        // From the browser the owner signed in with, the right password works.
        let again = t
            .app
            .login_with(LoginAttempt {
                device: Some(&owner.device),
                ..from("192.0.2.10", OWNER_PASSWORD)
            })
            .await
            .unwrap();
        assert_eq!(again.actor.email, OWNER);
        assert_eq!(again.device, owner.device, "the device cookie is kept");
        // The device cookie is the account's: for another account it counts for nothing.
        t.app
            .add_user(
                None,
                "anna@sogn.test",
                OWNER_PASSWORD,
                Role::Reader,
                vec![],
                vec![],
            )
            .await
            .unwrap();
        let other = t
            .app
            .login_with(LoginAttempt {
                email: "anna@sogn.test",
                device: Some(&owner.device),
                ..from("192.0.2.10", OWNER_PASSWORD)
            })
            .await
            .unwrap();
        assert_ne!(other.device, owner.device);
        // The device is slowed down by its own failures.
        for _ in 0..6 {
            let _ = t
                .app
                .login_with(LoginAttempt {
                    device: Some(&owner.device),
                    ..from("192.0.2.10", "wrong guess")
                })
                .await;
        }
        assert!(matches!(
            t.app
                .login_with(LoginAttempt {
                    device: Some(&owner.device),
                    ..from("192.0.2.10", OWNER_PASSWORD)
                })
                .await,
            Err(AppError::TooManyAttempts(_))
        ));
    })
    .await;
}

#[tokio::test]
async fn guessing_across_accounts_from_one_address_is_slowed_down() {
    on_each_backend(|t| async move {
        // The whole app, with its temporary directory, not only the field used.
        let t = t;
        let sprayer: std::net::IpAddr = "203.0.113.5".parse().unwrap();
        let emails: Vec<String> = (0..30).map(|n| format!("person{n}@sogn.test")).collect();
        let mut waits = Vec::new();
        for email in &emails {
            let attempt = LoginAttempt {
                email,
                password: "Sommar2024!",
                source: Some(sprayer),
                device: None,
            };
            match t.app.login_with(attempt).await {
                Err(AppError::Invalid(_)) => waits.push(0),
                Err(AppError::TooManyAttempts(s)) => waits.push(s),
                other => panic!("{other:?}"),
            }
        }
        // Every account was new, so only the address can have stopped them.
        assert_eq!(waits[..20], [0; 20]);
        assert!(waits[21..].iter().all(|s| *s > 0), "{waits:?}");
        // Another address is not held up.
        let elsewhere = LoginAttempt {
            email: "person0@sogn.test",
            password: "Sommar2024!",
            source: Some("203.0.113.6".parse().unwrap()),
            device: None,
        };
        assert!(matches!(
            t.app.login_with(elsewhere).await,
            Err(AppError::Invalid(_))
        ));
    })
    .await;
}

#[tokio::test]
async fn throttling_holds_across_a_restart_on_the_same_database() {
    on_each_backend(|t| async move {
        with_owner(&t).await;
        for _ in 0..6 {
            let _ = t.app.login(OWNER, "wrong guess").await;
        }
        let restarted = app::App::new(t.db.clone());
        let e = restarted.login(OWNER, OWNER_PASSWORD).await.unwrap_err();
        assert!(matches!(e, AppError::TooManyAttempts(s) if s >= 1), "{e}");
    })
    .await;
}

#[tokio::test]
async fn impossible_log_ins_are_refused_before_anything_is_stored() {
    on_each_backend(|t| async move {
        // Under the request body limit, far over what an address can be.
        let long = format!("{}@sogn.test", "a".repeat(200 * 1024));
        let huge_password = "p".repeat(2048);
        for (email, password, field) in [
            (long.as_str(), "wrong guess", "email"),
            ("nul\u{0}@sogn.test", "wrong guess", "email"),
            ("pl@sogn.test", "nul\u{0}byte", "password"),
            ("pl@sogn.test", huge_password.as_str(), "password"),
        ] {
            let api = t
                .json(
                    Method::POST,
                    "/api/v1/login",
                    None,
                    serde_json::json!({ "email": email, "password": password }),
                )
                .await;
            let fields = problem_fields(&api, StatusCode::UNPROCESSABLE_ENTITY);
            assert_eq!(fields, [field], "{}", &api.body[..api.body.len().min(300)]);
            let page = t
                .form("/login", None, &[("email", email), ("password", password)])
                .await;
            assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
        }
        assert_eq!(t.db.login_throttle_rows().await.unwrap(), 0);
    })
    .await;
}

#[tokio::test]
async fn slowed_down_log_ins_say_when_to_try_again_in_the_users_language() {
    let t = TestApp::sqlite().await;
    with_owner(&t).await;
    for _ in 0..6 {
        let _ = t.app.login(OWNER, "wrong guess").await;
    }
    let api = t
        .json(
            Method::POST,
            "/api/v1/login",
            None,
            serde_json::json!({ "email": OWNER, "password": OWNER_PASSWORD }),
        )
        .await;
    assert_eq!(api.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        api.headers[header::CONTENT_TYPE],
        "application/problem+json"
    );
    let seconds: u64 = api.headers[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(seconds >= 1);
    let page = t
        .form(
            "/login",
            None,
            &[("email", OWNER), ("password", OWNER_PASSWORD)],
        )
        .await;
    assert_eq!(page.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(page.headers.contains_key(header::RETRY_AFTER));
    assert!(
        page.body.contains("For mange mislukka innloggingar"),
        "{}",
        page.body
    );
}

#[tokio::test]
async fn a_log_in_sets_a_device_cookie_for_the_account() {
    let t = TestApp::sqlite().await;
    with_owner(&t).await;
    let page = t
        .form(
            "/login",
            None,
            &[("email", OWNER), ("password", OWNER_PASSWORD)],
        )
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    let device = page
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap())
        .find(|c| c.starts_with("bulyst_device="))
        .expect("a device cookie");
    for attribute in ["HttpOnly", "Secure", "SameSite=Lax", "Path=/"] {
        assert!(device.contains(attribute), "{device}");
    }
}

#[tokio::test]
async fn passwords_are_argon2id_and_sessions_hashed() {
    let t = TestApp::sqlite().await;
    let token = t.session(Role::Reader, &[]).await;
    let Some(pool) = t.db.sqlite_pool() else {
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

/// Known ways to make a browser leave the site through a redirect to "our own path".
const REDIRECT_BYPASSES: &[&str] = &[
    "/%09/evil.example/phish",
    "/\t/evil.example/phish",
    "//evil.example",
    "/\\evil.example",
    "\\/evil.example",
    "/%2F%2Fevil.example",
    "/%5Cevil.example",
    "https://evil.example",
    "javascript:alert(1)",
    "%0d%0aSet-Cookie:x=1",
    "/\r\nSet-Cookie:x=1",
    "/\nx",
    "/%00",
    " /evil.example",
    "/.//evil.example",
];

#[tokio::test]
async fn log_in_and_language_switch_redirect_only_to_our_own_paths() {
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
    for bad in REDIRECT_BYPASSES {
        let login = t
            .form(
                "/login",
                None,
                &[
                    ("email", "pl@sogn.test"),
                    ("password", "a long test password"),
                    ("next", bad),
                ],
            )
            .await;
        assert_eq!(
            login.status,
            StatusCode::SEE_OTHER,
            "{bad:?}: {}",
            login.body
        );
        assert_eq!(login.location(), "/", "log-in with next={bad:?}");
        let language = t
            .form("/language", None, &[("lang", "en"), ("back", bad)])
            .await;
        assert_eq!(language.status, StatusCode::SEE_OTHER, "{bad:?}");
        assert_eq!(language.location(), "/", "language with back={bad:?}");
        let page = t
            .get(&format!("/login?next={}", crate::helpers::enc(bad)))
            .await;
        assert_eq!(page.status, StatusCode::OK, "{bad:?}");
    }
    let kept = t
        .form(
            "/language",
            None,
            &[("lang", "en"), ("back", "/action-plan?wp=arbeid")],
        )
        .await;
    assert_eq!(kept.location(), "/action-plan?wp=arbeid");
}
