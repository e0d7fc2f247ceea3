//! `/healthz` tells a load balancer or monitor the truth about the database.

use std::sync::Arc;

use app::App;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use store::{testing, Db};
use tower::ServiceExt;

async fn healthz(db: Db) -> StatusCode {
    let router = web::router(Arc::new(App::new(db)));
    let request = Request::get("/healthz").body(Body::empty()).unwrap();
    router.oneshot(request).await.unwrap().status()
}

#[tokio::test]
async fn healthz_is_503_on_a_damaged_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = testing::sqlite(dir.path()).await.unwrap();
    App::new(db.clone()).ensure_plan().await.unwrap();
    assert_eq!(healthz(db.clone()).await, StatusCode::OK);
    db.close().await;

    testing::damage_sqlite_table(&Db::sqlite_file(dir.path()), "actions")
        .await
        .unwrap();
    let db = Db::open_dir(dir.path()).await.unwrap();
    assert_eq!(healthz(db).await, StatusCode::SERVICE_UNAVAILABLE);
}
