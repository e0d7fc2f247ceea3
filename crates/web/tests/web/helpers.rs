//! A fresh Bulyst per test, driven in-process through the router.

use std::sync::Arc;

use app::App;
use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use domain::access::Role;
use http_body_util::BodyExt;
use store::{testing, Db};
use tower::ServiceExt;

use crate::contract;

static STATISTICS: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();

pub struct TestApp {
    pub router: Router,
    pub app: Arc<App>,
    /// The app's database, for what a test checks beneath the app.
    pub db: Db,
    pub cache: Arc<web::PageCache>,
    _dir: tempfile::TempDir,
}

pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Answer {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    pub fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

/// Runs `check` against a fresh app on SQLite and, when a URL is given, PostgreSQL.
pub async fn on_each_backend<F, Fut>(check: F)
where
    F: Fn(TestApp) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    check(TestApp::sqlite().await).await;
    match testing::postgres_url() {
        Some(url) => {
            check(
                TestApp::with(
                    testing::postgres(&url).await.unwrap(),
                    tempfile::tempdir().unwrap(),
                )
                .await,
            )
            .await
        }
        None => eprintln!(
            "PostgreSQL web tests skipped: set {} to run them",
            testing::POSTGRES_URL_VAR
        ),
    }
}

impl TestApp {
    pub async fn sqlite() -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        let db = testing::sqlite(dir.path()).await.unwrap();
        TestApp::with(db, dir).await
    }

    /// On SQLite, with the statistics Bulyst ships loaded. Loading them is slow
    /// in a debug build, so it happens once per test run into a template
    /// database that each test copies.
    pub async fn with_statistics() -> TestApp {
        let template = STATISTICS.get_or_init(|| {
            // A runtime of its own: each test's runtime ends with its test.
            std::thread::spawn(|| {
                let dir = tempfile::tempdir().unwrap();
                tokio::runtime::Runtime::new().unwrap().block_on(async {
                    let db = testing::sqlite(dir.path()).await.unwrap();
                    let app = App::new(db.clone());
                    app.ensure_plan().await.unwrap();
                    app.ensure_statistics().await.unwrap();
                    let Some(pool) = db.sqlite_pool() else {
                        unreachable!()
                    };
                    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                        .execute(pool)
                        .await
                        .unwrap();
                    app.close().await;
                });
                dir
            })
            .join()
            .unwrap()
        });
        let dir = tempfile::tempdir().unwrap();
        std::fs::copy(
            template.path().join("bulyst.sqlite3"),
            dir.path().join("bulyst.sqlite3"),
        )
        .unwrap();
        let db = testing::sqlite(dir.path()).await.unwrap();
        TestApp::with(db, dir).await
    }

    async fn with(db: Db, dir: tempfile::TempDir) -> TestApp {
        let app = Arc::new(App::new(db.clone()));
        app.ensure_plan().await.unwrap();
        let (router, cache) = web::router_and_cache(app.clone());
        TestApp {
            router,
            app,
            db,
            cache,
            _dir: dir,
        }
    }

    /// Creates an account with this role and returns a session token for it.
    pub async fn session(&self, role: Role, scope: &[&str]) -> String {
        let email = format!("{}-{}@sogn.test", role.code(), scope.join("-"));
        let scope: Vec<String> = scope.iter().map(|s| s.to_string()).collect();
        let (wps, ms) = match role {
            Role::WorkGroup => (scope, vec![]),
            Role::MunicipalContact | Role::NewcomerStaff => (vec![], scope),
            _ => (vec![], vec![]),
        };
        self.app
            .add_user(None, &email, "a long test password", role, wps, ms)
            .await
            .unwrap();
        self.app
            .login(&email, "a long test password")
            .await
            .unwrap()
            .token
    }

    pub async fn send(
        &self,
        method: Method,
        uri: &str,
        token: Option<&str>,
        body: Option<(&str, String)>,
    ) -> Answer {
        let method_of_answer = method.clone();
        let mut req = Request::builder().method(method).uri(uri);
        if let Some(t) = token {
            req = req.header(header::COOKIE, format!("bulyst_session={t}"));
        }
        let body = match body {
            Some((content_type, b)) => {
                req = req.header(header::CONTENT_TYPE, content_type);
                Body::from(b)
            }
            None => Body::empty(),
        };
        let res = self
            .router
            .clone()
            .oneshot(req.body(body).unwrap())
            .await
            .unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        let answer = Answer {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        };
        // Every answer of every test is held to the API document.
        if !contract::document_loaded() {
            let req = Request::get("/api/openapi.json")
                .body(Body::empty())
                .unwrap();
            let res = self.router.clone().oneshot(req).await.unwrap();
            let bytes = res.into_body().collect().await.unwrap().to_bytes();
            contract::load_document(serde_json::from_slice(&bytes).unwrap());
        }
        if let Err(e) = contract::check(&method_of_answer, uri, &answer) {
            panic!("the API document does not describe this answer: {e}");
        }
        answer
    }

    pub async fn get(&self, uri: &str) -> Answer {
        self.send(Method::GET, uri, None, None).await
    }

    pub async fn get_as(&self, uri: &str, token: &str) -> Answer {
        self.send(Method::GET, uri, Some(token), None).await
    }

    pub async fn json(
        &self,
        method: Method,
        uri: &str,
        token: Option<&str>,
        body: serde_json::Value,
    ) -> Answer {
        self.send(
            method,
            uri,
            token,
            Some(("application/json", body.to_string())),
        )
        .await
    }

    pub async fn form(&self, uri: &str, token: Option<&str>, fields: &[(&str, &str)]) -> Answer {
        let body = fields
            .iter()
            .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
            .collect::<Vec<_>>()
            .join("&");
        self.send(
            Method::POST,
            uri,
            token,
            Some(("application/x-www-form-urlencoded", body)),
        )
        .await
    }
}

/// `s` percent-encoded for a query string or a form.
pub fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// HTML-escapes like the templates do, to look for plan texts in pages.
pub fn escape(s: &str) -> String {
    s.replace('&', "&#38;")
        .replace('<', "&#60;")
        .replace('>', "&#62;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

/// The answer's JSON (`null` when empty), after checking its status.
pub fn ok(a: &Answer, want: StatusCode) -> serde_json::Value {
    assert_eq!(a.status, want, "{}", a.body);
    if a.body.is_empty() {
        serde_json::Value::Null
    } else {
        a.json()
    }
}

/// Field names of a problem's `errors`, after checking it is problem details.
pub fn problem_fields(a: &Answer, want: StatusCode) -> Vec<String> {
    assert_eq!(a.status, want, "{}", a.body);
    assert_eq!(a.headers["content-type"], "application/problem+json");
    a.json()["errors"]
        .as_array()
        .map(|e| {
            e.iter()
                .map(|f| f["field"].as_str().unwrap().to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// The id of the newest audit row, to see whether a request wrote one.
pub async fn newest_audit_id(t: &TestApp) -> i64 {
    t.db.audit_log(1, 0)
        .await
        .unwrap()
        .first()
        .map_or(0, |e| e.id)
}

/// An enum and the list of its values, written once.
macro_rules! listed {
    ($name:ident, $all:ident { $($(#[$doc:meta])* $v:ident,)+ }) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        enum $name { $($(#[$doc])* $v),+ }
        const $all: &[$name] = &[$($name::$v),+];
    };
}
pub(crate) use listed;

impl TestApp {
    /// Sends a request with a JSON body, or none.
    pub async fn call(
        &self,
        method: Method,
        uri: &str,
        token: Option<&str>,
        body: Option<serde_json::Value>,
    ) -> Answer {
        match body {
            Some(b) => self.json(method, uri, token, b).await,
            None => self.send(method, uri, token, None).await,
        }
    }
}

impl Answer {
    pub fn is_problem(&self) -> bool {
        self.headers
            .get(header::CONTENT_TYPE)
            .is_some_and(|c| c == "application/problem+json")
    }
}

/// (method, path) pairs of API operations.
pub type Routes = std::collections::BTreeSet<(String, String)>;

/// The (method, path) pairs the OpenAPI document lists under `prefix`, and those an
/// authorisation matrix's `endpoint` names, to check that it left none out.
pub fn documented_and_tested<R: Copy>(
    doc: &serde_json::Value,
    prefix: &str,
    routes: &[R],
    endpoint: impl Fn(R) -> (&'static str, &'static str),
) -> (Routes, Routes) {
    let documented = doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(path, _)| path.starts_with(prefix))
        .flat_map(|(path, ops)| {
            ops.as_object()
                .unwrap()
                .keys()
                .map(move |m| (m.clone(), path.clone()))
        })
        .collect();
    let tested = routes
        .iter()
        .map(|r| endpoint(*r))
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    (documented, tested)
}
