//! Indicators from the statistics shipped with Bulyst.

use axum::http::{Method, StatusCode};
use domain::access::Role;
use serde_json::{json, Value};

use crate::helpers::TestApp;

fn find<'a>(values: &'a Value, period: &str, category: Option<&str>) -> &'a Value {
    values
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["period"] == period && v["category"].as_str() == category)
        .unwrap_or_else(|| panic!("no value for {period} {category:?} in {values}"))
}

#[tokio::test]
async fn population_of_sogn_is_the_sum_of_its_municipalities() {
    let t = TestApp::with_statistics().await;
    let values = t
        .get("/api/v1/indicators/population/values?area=sogn")
        .await
        .json();
    let v = find(&values, "2022", None);
    assert_eq!(v["value"], 32955.0);
    assert_eq!(v["source"]["table"], "07459");
    assert_eq!(v["source"]["publisher"], "Statistisk sentralbyrå");
    assert!(v["source"]["retrieved"].as_str().is_some());
    let norway = t
        .get("/api/v1/indicators/population/values?area=0&from=2022&to=2022")
        .await
        .json();
    assert_eq!(find(&norway, "2022", None)["value"], 5425270.0);
    let sogndal = t
        .get("/api/v1/indicators/population/values?area=4640")
        .await
        .json();
    assert_eq!(find(&sogndal, "2022", None)["value"], 12097.0);
}

#[tokio::test]
async fn refugees_settled_here_is_a_stock_with_its_parts() {
    let t = TestApp::with_statistics().await;
    let values = t
        .get("/api/v1/indicators/refugees-settled-here/values?area=sogn")
        .await
        .json();
    let all = find(&values, "2022", None);
    assert_eq!(
        (all["numerator"].as_f64(), all["denominator"].as_f64()),
        (Some(806.0), Some(1014.0))
    );
    let long = find(&values, "2022", Some("Botid i Norge=5+ år"));
    assert_eq!(
        (long["numerator"].as_f64(), long["denominator"].as_f64()),
        (Some(498.0), Some(640.0))
    );
    assert_eq!(all["unit"], "percent");
    let list = t.get("/api/v1/indicators").await.json();
    let i6 = list
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "refugees-settled-here")
        .unwrap();
    assert_eq!(i6["nature"], "stock");
    assert_eq!(i6["has_data"], true);
    let i1 = list
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "immigrant-share")
        .unwrap();
    assert!(i1["fetch"]
        .as_str()
        .unwrap()
        .starts_with("bulyst stats fetch 09817"));
}

#[tokio::test]
async fn indicator_pages_exports_and_targets() {
    let t = TestApp::with_statistics().await;
    for uri in [
        "/indicators",
        "/indicators/population",
        "/indicators/refugees-settled-here",
        "/indicators/immigrants-by-reason",
        "/indicators/immigrant-share",
    ] {
        let a = t.get(uri).await;
        assert_eq!(a.status, StatusCode::OK, "{uri}");
    }
    let page = t.get("/indicators/population").await.body;
    assert!(page.contains("07459"), "the page names its source");
    assert_eq!(
        t.get("/indicators/nope").await.status,
        StatusCode::NOT_FOUND
    );
    let csv = t.get("/indicators/population.csv").await;
    assert_eq!(csv.headers["content-type"], "text/csv; charset=utf-8");
    assert!(
        csv.body
            .lines()
            .any(|l| l.starts_with("sogn,") && l.contains(",2022,") && l.contains("32955")),
        "{}",
        &csv.body[..300.min(csv.body.len())]
    );
    let xlsx = t.get("/indicators/population.xlsx").await;
    assert_eq!(xlsx.status, StatusCode::OK);

    // Anonymous visitors get a cached page, which a new target must not outlive.
    let anonymous_before = t.get("/indicators/refugees-settled-here").await.body;
    assert_eq!(
        t.get("/indicators/refugees-settled-here").await.body,
        anonymous_before
    );

    let pl = t.session(Role::ProjectLeader, &[]).await;
    let reader = t.session(Role::Reader, &[]).await;
    let target = json!({"area": "sogn", "year": "2024", "value": "82,5", "note": "Styringsgruppa"});
    let denied = t
        .json(
            Method::POST,
            "/api/v1/indicators/refugees-settled-here/targets",
            Some(&reader),
            target.clone(),
        )
        .await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);
    let set = t
        .json(
            Method::POST,
            "/api/v1/indicators/refugees-settled-here/targets",
            Some(&pl),
            target,
        )
        .await;
    assert_eq!(set.status, StatusCode::CREATED, "{}", set.body);
    assert_eq!(set.json()["value"], 82.5);
    let anonymous_after = t.get("/indicators/refugees-settled-here").await.body;
    assert_ne!(
        anonymous_after, anonymous_before,
        "the cached page shows the new target"
    );
    assert!(
        anonymous_after.contains("82,5"),
        "the target is on the page"
    );
    let bad = t
        .json(
            Method::POST,
            "/api/v1/indicators/refugees-settled-here/targets",
            Some(&pl),
            json!({"area": "oslo", "year": "20x4", "value": "-1"}),
        )
        .await;
    let fields: Vec<_> = bad.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(fields, ["area", "year", "value"]);
    let targets = t
        .get("/api/v1/indicators/refugees-settled-here/targets")
        .await
        .json();
    assert_eq!(targets.as_array().unwrap().len(), 1);
    let form = t
        .form(
            "/indicators/population/targets",
            Some(&pl),
            &[
                ("area", "4640"),
                ("year", "2024"),
                ("value", "12500"),
                ("note", ""),
            ],
        )
        .await;
    assert_eq!(form.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn the_programmes_own_figures_are_for_the_roles_that_follow_them() {
    let t = TestApp::sqlite().await;
    let anonymous = t.get("/indicators").await;
    assert_eq!(anonymous.status, StatusCode::OK);
    assert!(anonymous.body.contains("Programmet sine eigne tal"));
    assert!(
        !anonymous.body.contains("Par som har starta"),
        "no programme figures for the public"
    );
    let steering = t.session(Role::SteeringGroup, &[]).await;
    let page = t.get_as("/indicators", &steering).await;
    assert!(
        page.body.contains("<dt>Par som har starta</dt><dd>0</dd>"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Kjelde: Bulyst, mentorprogrammet"));
    let reader = t.session(Role::Reader, &[]).await;
    assert!(!t
        .get_as("/indicators", &reader)
        .await
        .body
        .contains("Par som har starta"));
}
