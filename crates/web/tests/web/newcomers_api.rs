//! The newcomer service's JSON API: the staff's flow, who may read and change what (every
//! route × every role), bad input that changes nothing, audited reads, and an erasure that
//! leaves no trace of the person in the audit log.

use std::collections::BTreeSet;

use axum::http::{Method, StatusCode};
use domain::access::{Actor, Role};
use domain::newcomer::CaseFields;
use serde_json::{json, Value};

use crate::helpers::{
    documented_and_tested, listed, newest_audit_id, ok, on_each_backend, problem_fields, Answer,
    TestApp,
};

const PASSWORD: &str = "a long test password";
/// Arrived long enough ago for the 3- and 12-month follow-ups to be due.
const ARRIVAL: &str = "2023-01-16";

/// An account with this role and municipalities: its id and a session token.
async fn account(t: &TestApp, email: &str, role: Role, municipalities: &[&str]) -> (i64, String) {
    let municipalities = municipalities.iter().map(|m| m.to_string()).collect();
    let id = t
        .app
        .add_user(None, email, PASSWORD, role, vec![], municipalities)
        .await
        .unwrap();
    (id, t.app.login(email, PASSWORD).await.unwrap().token)
}

fn case_body(name: &str, municipality: &str) -> Value {
    json!({"name": name, "municipality": municipality, "arrival_date": ARRIVAL, "category": "refugee"})
}

/// What `case_body` sends, as the app takes it.
fn case_input(name: &str, municipality: &str) -> app::CaseInput {
    app::CaseInput {
        name: name.into(),
        municipality: municipality.into(),
        arrival_date: ARRIVAL.into(),
        category: "refugee".into(),
        ..Default::default()
    }
}

fn no_store(a: &Answer) -> bool {
    a.headers
        .get("cache-control")
        .is_some_and(|v| v == "no-store")
}

/// The whole audit log as admin reads it through the API, every page.
async fn audit_log(t: &TestApp, admin: &str) -> Vec<Value> {
    let mut all = Vec::new();
    for page in 0.. {
        let rows = ok(
            &t.get_as(&format!("/api/v1/audit?page={page}"), admin).await,
            StatusCode::OK,
        );
        let rows = rows.as_array().unwrap();
        if rows.is_empty() {
            break;
        }
        all.extend(rows.iter().cloned());
    }
    all
}

/// The audit rows of reads (and exports) of one case, newest first.
async fn reads_of(t: &TestApp, admin: &str, id: i64) -> Vec<Value> {
    ok(&t.get_as("/api/v1/audit", admin).await, StatusCode::OK)
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| {
            matches!(e["operation"].as_str(), Some("read" | "export"))
                && e["entity"] == "newcomer_case"
                && e["entity_id"].as_str() == Some(&*id.to_string())
        })
        .cloned()
        .collect()
}

// ── (1) The staff's flow ──────────────────────────────────────────────────────────────

#[tokio::test]
async fn the_staff_flow_from_registration_to_erasure() {
    on_each_backend(|t| async move {
        let (staff_id, staff) = account(&t, "ardal@sogn.test", Role::NewcomerStaff, &["4643"]).await;
        let s = Some(staff.as_str());
        let (amina_account, amina) = account(&t, "a.y@sogn.test", Role::Reader, &[]).await;

        let mut body = case_body("Amina Yusuf", "4643");
        body["phone"] = json!("+47 912 34 567");
        body["household"] = json!([{"relation": "partner", "birth_year": 1988}, {"relation": "child", "birth_year": 2019}]);
        body["languages"] = json!(["somali", "engelsk"]);
        body["needs"] = json!(["housing", "kindergarten"]);
        body["account_id"] = json!(amina_account);
        let created = t.json(Method::POST, "/api/v1/newcomers", s, body).await;
        assert!(no_store(&created));
        let created = ok(&created, StatusCode::CREATED);
        let id = created["id"].as_i64().unwrap();
        assert_eq!((created["version"].as_i64(), created["contact_person"].as_i64()), (Some(1), Some(staff_id)),
            "the registering staff member follows the case");
        assert_eq!((created["category"].as_str(), created["municipality"].as_str(), created["arrival_date"].as_str()),
            (Some("refugee"), Some("4643"), Some(ARRIVAL)));
        assert_eq!(created["household"][1], json!({"relation": "child", "birth_year": 2019}));
        assert_eq!(created["needs"], json!(["housing", "kindergarten"]));
        assert_eq!((created["steps"].as_array().unwrap().len(), created["consents"].as_array().unwrap().len()), (0, 0));
        assert_eq!(created["follow_ups_due"][0], json!({"at": "3-months", "due_on": "2023-04-16"}));
        assert!(created["rent_to_own"].is_null());
        let uri = format!("/api/v1/newcomers/{id}");

        for (kind, day) in [("first-contact", "2022-12-01"), ("housing", "2023-01-20")] {
            let step = t.json(Method::POST, &format!("{uri}/steps"), s, json!({"kind": kind, "done_on": day})).await;
            assert_eq!(ok(&step, StatusCode::CREATED), json!({"kind": kind, "done_on": day}));
        }
        let follow_up = t.json(Method::POST, &format!("{uri}/follow-ups"), s,
            json!({"at": "3-months", "recorded_on": "2023-04-20", "residence": "in-municipality"})).await;
        assert_eq!(ok(&follow_up, StatusCode::CREATED),
            json!({"at": "3-months", "recorded_on": "2023-04-20", "residence": "in-municipality"}));
        let consent = t.json(Method::POST, &format!("{uri}/consents"), s,
            json!({"purpose": "follow-ups", "basis": "consent", "given_on": "2023-01-20", "text_version": "2023-1"})).await;
        let consent = ok(&consent, StatusCode::CREATED);
        assert_eq!((consent["holds"].as_bool(), consent["withdrawn_on"].as_str()), (Some(true), None));
        let withdrawn = t.json(Method::POST, &format!("{uri}/consents/{}/withdrawal", consent["id"]), s,
            json!({"withdrawn_on": "2023-06-01"})).await;
        let withdrawn = ok(&withdrawn, StatusCode::OK);
        assert_eq!((withdrawn["id"].as_i64(), withdrawn["holds"].as_bool(), withdrawn["withdrawn_on"].as_str()),
            (consent["id"].as_i64(), Some(false), Some("2023-06-01")));

        let rent = ok(&t.json(Method::PUT, &format!("{uri}/rent-to-own"), s, json!({"selected_on": "2023-03-01"})).await, StatusCode::OK);
        assert_eq!((rent["version"].as_i64(), rent["phase"].as_str()), (Some(1), Some("selected")));
        let rent = t.json(Method::PUT, &format!("{uri}/rent-to-own"), s,
            json!({"selected_on": "2023-03-01", "home_bought_on": "2023-05-01", "version": 1})).await;
        let rent = ok(&rent, StatusCode::OK);
        assert_eq!((rent["version"].as_i64(), rent["phase"].as_str(), rent["home_bought_on"].as_str()),
            (Some(2), Some("home-bought"), Some("2023-05-01")));

        let mut edit = case_body("Amina Yusuf", "4643");
        edit["needs"] = json!(["housing", "job"]);
        edit["account_id"] = json!(amina_account);
        edit["contact_person"] = json!(staff_id);
        edit["version"] = json!(1);
        let edited = ok(&t.json(Method::PUT, &uri, s, edit).await, StatusCode::OK);
        assert_eq!((edited["version"].as_i64(), edited["needs"].clone()), (Some(2), json!(["housing", "job"])));

        // The newcomer sees and corrects their own case.
        let mine = ok(&t.get_as("/api/v1/newcomers/me", &amina).await, StatusCode::OK);
        assert_eq!(mine["id"].as_i64(), Some(id));
        let corrected = t.json(Method::PUT, &format!("{uri}/correction"), Some(&amina),
            json!({"name": "Amina Y. Yusuf", "languages": ["somali"], "needs": ["job"], "version": 2})).await;
        let corrected = ok(&corrected, StatusCode::OK);
        assert_eq!((corrected["name"].as_str(), corrected["version"].as_i64(), corrected["municipality"].as_str()),
            (Some("Amina Y. Yusuf"), Some(3), Some("4643")));

        let list = ok(&t.get_as("/api/v1/newcomers", &staff).await, StatusCode::OK);
        assert_eq!(list.as_array().unwrap().iter().map(|c| c["id"].as_i64().unwrap()).collect::<Vec<_>>(), [id]);
        let read = t.get_as(&uri, &staff).await;
        assert!(no_store(&read));
        let read = ok(&read, StatusCode::OK);
        assert_eq!(read["steps"].as_array().unwrap().len(), 2);
        assert_eq!(read["follow_ups"].as_array().unwrap().len(), 1);
        assert_eq!(read["consents"][0]["holds"], false);
        assert_eq!(read["rent_to_own"]["phase"], "home-bought");
        assert_eq!(read["follow_ups_due"][0]["at"], "12-months");

        let export = t.get_as(&format!("{uri}/export"), &staff).await;
        assert!(no_store(&export));
        assert_eq!(export.headers["content-disposition"], format!("attachment; filename=\"newcomer-case-{id}.json\""));
        let export = ok(&export, StatusCode::OK);
        assert_eq!(export["case"], read, "the export holds everything the case holds");
        let operations: BTreeSet<&str> = export["audit"].as_array().unwrap().iter()
            .map(|e| e["operation"].as_str().unwrap()).collect();
        for op in ["create", "read", "set", "withdraw", "update"] {
            assert!(operations.contains(op), "{op} in {operations:?}");
        }

        // The cohorts: one person is too few to show anything, and says so.
        let cohorts = ok(&t.get_as("/api/v1/newcomers/cohorts", &staff).await, StatusCode::OK);
        let ardal = cohorts.as_array().unwrap().iter()
            .find(|c| c["area"] == "4643" && c["arrival_year"] == 2023).expect("Årdal's 2023 cohort");
        assert_eq!(ardal["persons"], json!({"status": "suppressed"}));
        assert_eq!(ardal["after_1_year"]["in_municipality"], json!({"status": "suppressed"}));
        assert!(!cohorts.to_string().contains("\"share\":0"), "{cohorts}");
        let public = t.get("/api/v1/newcomers/cohorts/public").await;
        assert!(no_store(&public));
        let public = ok(&public, StatusCode::OK);
        assert!(public.as_array().unwrap().iter().all(|c| c["area"] == "sogn"), "{public}");
        assert_eq!(public[0]["persons"], json!({"status": "suppressed"}));

        let erased = t.send(Method::DELETE, &uri, s, None).await;
        assert_eq!(erased.status, StatusCode::NO_CONTENT, "{}", erased.body);
        problem_fields(&t.send(Method::DELETE, &uri, s, None).await, StatusCode::NOT_FOUND);
        problem_fields(&t.get_as(&uri, &staff).await, StatusCode::NOT_FOUND);
        problem_fields(&t.get_as("/api/v1/newcomers/me", &amina).await, StatusCode::NOT_FOUND);
        assert_eq!(ok(&t.get_as("/api/v1/newcomers", &staff).await, StatusCode::OK), json!([]));
        let after = ok(&t.get_as("/api/v1/newcomers/cohorts", &staff).await, StatusCode::OK);
        assert_eq!(after, cohorts, "the erased person still counts, anonymously");
    })
    .await;
}

// ── (2) Every route × every role ──────────────────────────────────────────────────────

listed!(
    Who,
    EVERYONE {
        Anonymous,
        Reader,
        Contact4643,
        WorkGroupArbeid,
        SteeringGroup,
        ProjectLeader,
        Coordinator,
        Staff4643,
        Staff4640,
        Admin,
        /// A reader account linked to the case in Årdal (4643).
        Linked,
    }
);

listed!(
    Route,
    ROUTES {
        List,
        Create,
        Me,
        Read,
        /// A case in Sogndal (4640), followed by Sogndal's staff.
        ReadOther,
        Update,
        Correct,
        Export,
        Erase,
        Step,
        FollowUp,
        Consent,
        Withdraw,
        RentToOwn,
        Cohorts,
        PublicCohorts,
    }
);

/// The rules of `domain::access`, written out by hand rather than derived from the code:
/// staff of the case's municipality (here also its contact person) and admin handle it; the
/// account it is linked to reads, corrects, exports and erases it and withdraws consent;
/// staff, the project leader and the steering group see the cohorts; the region's cohorts
/// are public; nobody else sees a case, nor learns that it exists (404, as for a missing one).
fn expected(who: Who, route: Route) -> StatusCode {
    use Route::*;
    use Who::*;
    match (route, who) {
        (PublicCohorts, _) => StatusCode::OK,
        (_, Anonymous) => StatusCode::UNAUTHORIZED,
        (Me, Linked) => StatusCode::OK,
        (Me, _) => StatusCode::NOT_FOUND,
        (Cohorts, Staff4643 | Staff4640 | ProjectLeader | SteeringGroup | Admin) => StatusCode::OK,
        (List, Staff4643 | Staff4640 | Admin) => StatusCode::OK,
        (Create, Staff4643 | Admin) => StatusCode::CREATED,
        (ReadOther, Staff4640 | Admin) => StatusCode::OK,
        (Read | Correct | Export | Withdraw, Staff4643 | Admin | Linked) => StatusCode::OK,
        (Erase, Staff4643 | Admin | Linked) => StatusCode::NO_CONTENT,
        (Update | RentToOwn, Staff4643 | Admin) => StatusCode::OK,
        (Step | FollowUp | Consent, Staff4643 | Admin) => StatusCode::CREATED,
        // The newcomer knows their case; only the service's own records are not theirs.
        (Update | RentToOwn | Step | FollowUp | Consent, Linked) => StatusCode::FORBIDDEN,
        // To everyone else another's case looks like no case at all.
        (
            Read | ReadOther | Update | Correct | Export | Erase | Step | FollowUp | Consent
            | Withdraw | RentToOwn,
            _,
        ) => StatusCode::NOT_FOUND,
        _ => StatusCode::FORBIDDEN,
    }
}

/// The method and OpenAPI path each route exercises, so the matrix can be checked to
/// cover every newcomer route the API documents.
fn endpoint(route: Route) -> (&'static str, &'static str) {
    use Route::*;
    match route {
        List => ("get", "/api/v1/newcomers"),
        Create => ("post", "/api/v1/newcomers"),
        Me => ("get", "/api/v1/newcomers/me"),
        Read | ReadOther => ("get", "/api/v1/newcomers/{id}"),
        Update => ("put", "/api/v1/newcomers/{id}"),
        Correct => ("put", "/api/v1/newcomers/{id}/correction"),
        Export => ("get", "/api/v1/newcomers/{id}/export"),
        Erase => ("delete", "/api/v1/newcomers/{id}"),
        Step => ("post", "/api/v1/newcomers/{id}/steps"),
        FollowUp => ("post", "/api/v1/newcomers/{id}/follow-ups"),
        Consent => ("post", "/api/v1/newcomers/{id}/consents"),
        Withdraw => (
            "post",
            "/api/v1/newcomers/{id}/consents/{consent_id}/withdrawal",
        ),
        RentToOwn => ("put", "/api/v1/newcomers/{id}/rent-to-own"),
        Cohorts => ("get", "/api/v1/newcomers/cohorts"),
        PublicCohorts => ("get", "/api/v1/newcomers/cohorts/public"),
    }
}

const ARDAL_NAME: &str = "Ingrid Årdalsbakken";
const SOGNDAL_NAME: &str = "Tomasz Sogndalsfjøra";

/// The cases the matrix's requests are about, made through the app.
struct World {
    t: TestApp,
    tokens: Vec<(Who, Option<String>)>,
    admin: Actor,
    staff: Actor,
    linked_account: i64,
    /// Årdal's case, linked to `Linked` except while a fresh case is.
    ardal: i64,
    sogndal: i64,
    /// The case `Linked` is linked to now.
    linked_to: Option<i64>,
    n: usize,
}

/// What the app takes to store a case as it is, to change one field of it.
fn input_of(f: &CaseFields, version: i64) -> app::CaseInput {
    app::CaseInput {
        unread: Default::default(),
        name: f.name.clone(),
        phone: f.phone.clone(),
        email: f.email.clone(),
        municipality: f.municipality.clone(),
        arrival_date: f.arrival_date.to_string(),
        category: f.category.code().into(),
        household: f
            .household
            .iter()
            .map(|m| app::HouseholdMemberInput {
                relation: m.relation.code().into(),
                birth_year: m.birth_year,
            })
            .collect(),
        languages: f.languages.clone(),
        needs: f.needs.iter().map(|n| n.code().into()).collect(),
        contact_person: f.contact_person,
        account_id: f.account_id,
        version: Some(version),
    }
}

impl World {
    async fn new() -> World {
        let t = TestApp::sqlite().await;
        let mut tokens = Vec::new();
        let (linked_account, linked) = account(&t, "linked@sogn.test", Role::Reader, &[]).await;
        for &who in EVERYONE {
            let (role, scope): (Role, &[&str]) = match who {
                Who::Anonymous => {
                    tokens.push((who, None));
                    continue;
                }
                Who::Linked => {
                    tokens.push((who, Some(linked.clone())));
                    continue;
                }
                Who::Reader => (Role::Reader, &[]),
                Who::Contact4643 => (Role::MunicipalContact, &["4643"]),
                Who::WorkGroupArbeid => {
                    tokens.push((who, Some(t.session(Role::WorkGroup, &["arbeid"]).await)));
                    continue;
                }
                Who::SteeringGroup => (Role::SteeringGroup, &[]),
                Who::ProjectLeader => (Role::ProjectLeader, &[]),
                Who::Coordinator => (Role::MentorCoordinator, &[]),
                Who::Staff4643 => (Role::NewcomerStaff, &["4643"]),
                Who::Staff4640 => (Role::NewcomerStaff, &["4640"]),
                Who::Admin => (Role::Admin, &[]),
            };
            let email = format!("{who:?}@sogn.test").to_lowercase();
            tokens.push((who, Some(account(&t, &email, role, scope).await.1)));
        }
        let actor = |who: Who| {
            let token = tokens
                .iter()
                .find(|(w, _)| *w == who)
                .unwrap()
                .1
                .clone()
                .unwrap();
            let app = t.app.clone();
            async move { app.actor(&token).await.unwrap().unwrap() }
        };
        let admin = actor(Who::Admin).await;
        let staff = actor(Who::Staff4643).await;
        let sogndal_staff = actor(Who::Staff4640).await;
        let sogndal = t
            .app
            .create_newcomer_case(Some(&sogndal_staff), &case_input(SOGNDAL_NAME, "4640"))
            .await
            .unwrap();
        let mut w = World {
            t,
            tokens,
            admin,
            staff,
            linked_account,
            ardal: 0,
            sogndal,
            linked_to: None,
            n: 0,
        };
        w.ardal = w.fresh(ARDAL_NAME).await;
        w
    }

    /// A new case in Årdal, registered by its staff.
    async fn fresh(&self, name: &str) -> i64 {
        let input = case_input(name, "4643");
        self.t
            .app
            .create_newcomer_case(Some(&self.staff), &input)
            .await
            .unwrap()
    }

    /// Links `case` to `Linked`, after unlinking the case linked before (an account has one case).
    async fn link(&mut self, case: i64) {
        if self.linked_to == Some(case) {
            return;
        }
        if let Some(old) = self.linked_to.take() {
            self.set_account(old, None).await;
        }
        self.set_account(case, Some(self.linked_account)).await;
        self.linked_to = Some(case);
    }

    async fn set_account(&self, case: i64, account: Option<i64>) {
        if self
            .t
            .db
            .newcomer_case_access(case)
            .await
            .unwrap()
            .is_none()
        {
            return; // erased
        }
        let d = self
            .t
            .app
            .newcomer_case(Some(&self.admin), case)
            .await
            .unwrap();
        let input = app::CaseInput {
            account_id: account,
            ..input_of(&d.case.fields, d.case.version)
        };
        self.t
            .app
            .update_newcomer_case(Some(&self.admin), case, &input)
            .await
            .unwrap();
    }

    /// Prepares what a valid request for `route` by `who` needs; returns the request.
    async fn request(&mut self, route: Route, who: Who) -> (Method, String, Option<Value>) {
        use Route::*;
        self.n += 1;
        let n = self.n;
        self.link(self.ardal).await;
        let (method, path) = endpoint(route);
        let method: Method = method.to_uppercase().parse().unwrap();
        let ardal = format!("/api/v1/newcomers/{}", self.ardal);
        let current = self
            .t
            .app
            .newcomer_case(Some(&self.admin), self.ardal)
            .await
            .unwrap();
        let (uri, body) = match route {
            List | Me | Cohorts | PublicCohorts => (path.to_string(), None),
            Create => (
                path.to_string(),
                Some(case_body(&format!("Ny tilflyttar {n}"), "4643")),
            ),
            Read => (ardal, None),
            ReadOther => (format!("/api/v1/newcomers/{}", self.sogndal), None),
            Export => (format!("{ardal}/export"), None),
            Update => {
                let mut body = case_body(ARDAL_NAME, "4643");
                body["languages"] = json!([format!("språk {n}")]);
                body["contact_person"] = json!(self.staff.id);
                body["account_id"] = json!(self.linked_account);
                body["version"] = json!(current.case.version);
                (ardal, Some(body))
            }
            Correct => (
                format!("{ardal}/correction"),
                Some(
                    json!({"name": ARDAL_NAME, "languages": [format!("mål {n}")], "version": current.case.version}),
                ),
            ),
            Erase => {
                let id = self.fresh(&format!("Gløymd {n}")).await;
                if who == Who::Linked {
                    self.link(id).await;
                }
                (format!("/api/v1/newcomers/{id}"), None)
            }
            Step => (
                format!("{ardal}/steps"),
                Some(json!({"kind": "job", "done_on": "2023-02-01"})),
            ),
            FollowUp => (
                format!("{ardal}/follow-ups"),
                Some(
                    json!({"at": "3-months", "recorded_on": "2023-04-20", "residence": "in-municipality"}),
                ),
            ),
            Consent => (
                format!("{ardal}/consents"),
                Some(
                    json!({"purpose": "case-work", "basis": "public-task", "given_on": ARRIVAL, "text_version": "2023-1"}),
                ),
            ),
            Withdraw => {
                let consent = self
                    .t
                    .app
                    .record_newcomer_consent(
                        Some(&self.admin),
                        self.ardal,
                        &app::ConsentInput {
                            purpose: "follow-ups".into(),
                            basis: "consent".into(),
                            given_on: ARRIVAL.into(),
                            text_version: format!("2023-{n}"),
                        },
                    )
                    .await
                    .unwrap();
                (
                    format!("{ardal}/consents/{consent}/withdrawal"),
                    Some(json!({})),
                )
            }
            RentToOwn => (
                format!("{ardal}/rent-to-own"),
                Some(
                    json!({"selected_on": "2023-03-01", "version": current.rent_to_own.map(|r| r.version)}),
                ),
            ),
        };
        (method, uri, body)
    }
}

#[tokio::test]
pub(crate) async fn every_newcomer_route_for_every_role() {
    let mut w = World::new().await;
    let mut failures = Vec::new();
    let tokens = w.tokens.clone();
    for &route in ROUTES {
        for (who, token) in &tokens {
            let (who, token) = (*who, token.as_deref());
            let want = expected(who, route);
            let (method, uri, body) = w.request(route, who).await;
            let before = newest_audit_id(&w.t).await;
            let got = w.t.call(method, &uri, token, body).await;
            let problem = got.is_problem();
            if got.status != want || (!want.is_success() && !problem) {
                failures.push(format!(
                    "{route:?} as {who:?}: got {} ({}), want {want}",
                    got.status, got.body
                ));
            }
            if !no_store(&got) {
                failures.push(format!(
                    "{route:?} as {who:?}: no `Cache-Control: no-store`"
                ));
            }
            // A refused request reads nothing and writes nothing, so it leaves no audit row.
            let refused = matches!(want, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN);
            if refused && newest_audit_id(&w.t).await != before {
                failures.push(format!("{route:?} as {who:?}: refused but audited"));
            }
            // Nobody learns the name of a case they may not see, whatever the answer.
            let sees_ardal = matches!(who, Who::Staff4643 | Who::Admin | Who::Linked);
            let sees_sogndal = matches!(who, Who::Staff4640 | Who::Admin);
            if (!sees_ardal && got.body.contains(ARDAL_NAME))
                || (!sees_sogndal && got.body.contains(SOGNDAL_NAME))
            {
                failures.push(format!("{route:?} as {who:?}: a name leaked: {}", got.body));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test]
async fn the_matrix_covers_every_documented_newcomer_route_and_urls_carry_ids_only() {
    let t = TestApp::sqlite().await;
    let doc = t.get("/api/openapi.json").await.json();
    let paths = doc["paths"].as_object().unwrap();
    let newcomer_paths = || {
        paths
            .iter()
            .filter(|(path, _)| path.starts_with("/api/v1/newcomers"))
    };
    let (documented, tested) = documented_and_tested(&doc, "/api/v1/newcomers", ROUTES, endpoint);
    assert_eq!(documented, tested);
    assert_eq!(documented.len(), 15);

    // Ids in paths, integers only; nothing about people in a query string.
    let mut ids = 0;
    for (path, ops) in newcomer_paths() {
        for segment in path.split('/').filter(|s| s.starts_with('{')) {
            assert!(matches!(segment, "{id}" | "{consent_id}"), "{path}");
        }
        for (method, op) in ops.as_object().unwrap() {
            assert_eq!(op["tags"], json!(["newcomers"]), "{method} {path}");
            for p in op["parameters"].as_array().into_iter().flatten() {
                assert_eq!(p["in"], "path", "{method} {path}: {p}");
                assert_eq!(p["schema"]["type"], "integer", "{method} {path}: {p}");
                ids += 1;
            }
        }
    }
    assert_eq!(ids, 11, "ten case ids and a consent id");

    // `me` and `cohorts` are routes, not ids; a name where an id belongs is refused, not echoed.
    let (_, staff) = account(&t, "ardal@sogn.test", Role::NewcomerStaff, &["4643"]).await;
    let me = t.get_as("/api/v1/newcomers/me", &staff).await;
    assert!(problem_fields(&me, StatusCode::NOT_FOUND).is_empty());
    assert!(
        me.json()["detail"]
            .as_str()
            .unwrap()
            .contains("linked to your account"),
        "{}",
        me.body
    );
    let not_me = t
        .send(Method::DELETE, "/api/v1/newcomers/me", Some(&staff), None)
        .await;
    assert_eq!(not_me.status, StatusCode::METHOD_NOT_ALLOWED);
    for uri in [
        "/api/v1/newcomers/Amina%20Yusuf",
        "/api/v1/newcomers/amina/export",
        "/api/v1/newcomers/1/consents/amina/withdrawal",
    ] {
        let a = if uri.ends_with("withdrawal") {
            t.json(Method::POST, uri, Some(&staff), json!({})).await
        } else {
            t.get_as(uri, &staff).await
        };
        problem_fields(&a, StatusCode::BAD_REQUEST);
        assert!(!a.body.contains("mina"), "{uri}: {}", a.body);
        assert!(no_store(&a), "{uri}");
    }
}

// ── (3) Bad input ─────────────────────────────────────────────────────────────────────

#[tokio::test]
async fn bad_input_is_refused_naming_the_field_and_changes_nothing() {
    on_each_backend(|t| async move {
        let (staff_id, staff) = account(&t, "ardal@sogn.test", Role::NewcomerStaff, &["4643"]).await;
        let s = Some(staff.as_str());
        let list = "/api/v1/newcomers";
        let created = ok(&t.json(Method::POST, list, s, case_body("Amina Yusuf", "4643")).await, StatusCode::CREATED);
        let id = created["id"].as_i64().unwrap();
        let uri = format!("{list}/{id}");
        let audit_before = newest_audit_id(&t).await;

        let with = |key: &str, value: Value| {
            let mut b = case_body("Ola Nordmann", "4643");
            b[key] = value;
            b
        };
        let cases: [(Value, &[&str]); 7] = [
            (with("arrival_date", json!("2023-02-30")), &["arrival_date"]),
            (with("arrival_date", json!("16.01.2023")), &["arrival_date"]),
            (with("arrival_date", json!("1999-12-31")), &["arrival_date"]),
            (with("municipality", json!("0301")), &["municipality"]),
            (with("category", json!("tourist")), &["category"]),
            (with("needs", json!(["money"])), &["needs"]),
            (
                json!({"name": " ", "municipality": "9999", "arrival_date": "i går", "category": "tourist"}),
                &["municipality", "arrival_date", "category"],
            ),
        ];
        for (body, fields) in cases {
            let a = t.json(Method::POST, list, s, body.clone()).await;
            assert_eq!(problem_fields(&a, StatusCode::UNPROCESSABLE_ENTITY), fields, "{body}");
            assert!(no_store(&a));
        }
        let malformed = t.send(Method::POST, list, s, Some(("application/json", "{\"name\": \"Ola\",".into()))).await;
        problem_fields(&malformed, StatusCode::BAD_REQUEST);
        let missing = t.json(Method::POST, list, s, json!({"name": "Ola", "municipality": "4643", "arrival_date": ARRIVAL})).await;
        problem_fields(&missing, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(missing.json()["detail"].as_str().unwrap().contains("`category`"), "{}", missing.body);
        let wrong_type = t.json(Method::POST, list, s, with("household", json!([{"relation": "child", "birth_year": "2019"}]))).await;
        problem_fields(&wrong_type, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(wrong_type.json()["detail"].as_str().unwrap().contains("household"), "{}", wrong_type.body);

        // Records of the case.
        let post = |rest: &str, body: Value| {
            let (t, to) = (&t, format!("{uri}{rest}"));
            async move { t.json(Method::POST, &to, s, body).await }
        };
        let before_arrival = post("/follow-ups", json!({"at": "3-months", "recorded_on": "2023-01-01", "residence": "in-municipality"})).await;
        assert_eq!(problem_fields(&before_arrival, StatusCode::UNPROCESSABLE_ENTITY), ["recorded_on"]);
        let not_due = post("/follow-ups", json!({"at": "12-months", "recorded_on": "2023-06-01", "residence": "in-municipality"})).await;
        assert_eq!(problem_fields(&not_due, StatusCode::UNPROCESSABLE_ENTITY), ["recorded_on"]);
        let odd = post("/follow-ups", json!({"at": "6-months", "recorded_on": "2023-31-01", "residence": "abroad"})).await;
        assert_eq!(problem_fields(&odd, StatusCode::UNPROCESSABLE_ENTITY), ["at", "residence", "recorded_on"]);
        let step = post("/steps", json!({"kind": "party", "done_on": "2999-01-01"})).await;
        assert_eq!(problem_fields(&step, StatusCode::UNPROCESSABLE_ENTITY), ["kind", "done_on"]);
        let long_before = post("/steps", json!({"kind": "job", "done_on": "2020-01-01"})).await;
        assert_eq!(problem_fields(&long_before, StatusCode::UNPROCESSABLE_ENTITY), ["done_on"]);
        let consent = post("/consents", json!({"purpose": "marketing", "basis": "consent", "text_version": "1"})).await;
        assert_eq!(problem_fields(&consent, StatusCode::UNPROCESSABLE_ENTITY), ["purpose"]);
        let consent = post("/consents", json!({"purpose": "follow-ups", "basis": "consent", "given_on": "2999-01-01", "text_version": " "})).await;
        assert_eq!(problem_fields(&consent, StatusCode::UNPROCESSABLE_ENTITY), ["text_version", "given_on"]);
        let rent = t.json(Method::PUT, &format!("{uri}/rent-to-own"), s, json!({"selected_on": "snart"})).await;
        assert_eq!(problem_fields(&rent, StatusCode::UNPROCESSABLE_ENTITY), ["selected_on"]);
        let rent = t.json(Method::PUT, &format!("{uri}/rent-to-own"), s,
            json!({"selected_on": "2023-03-01", "purchased_on": "2023-04-01"})).await;
        assert_eq!(problem_fields(&rent, StatusCode::UNPROCESSABLE_ENTITY), ["purchased_on"]);
        let withdraw = post("/consents/999999/withdrawal", json!({})).await;
        problem_fields(&withdraw, StatusCode::NOT_FOUND);
        let nobody = t.get_as(&format!("{list}/999999"), &staff).await;
        problem_fields(&nobody, StatusCode::NOT_FOUND);
        let not_an_id = t.get_as(&format!("{list}/Amina"), &staff).await;
        problem_fields(&not_an_id, StatusCode::BAD_REQUEST);
        assert_eq!(newest_audit_id(&t).await, audit_before, "nothing was written or read");

        // A stale version is a conflict and leaves the case as the first change made it.
        let mut edit = case_body("Amina Yusuf", "4643");
        edit["contact_person"] = json!(staff_id);
        edit["languages"] = json!(["somali"]);
        edit["version"] = json!(1);
        ok(&t.json(Method::PUT, &uri, s, edit.clone()).await, StatusCode::OK);
        edit["languages"] = json!(["frå ein gammal kopi"]);
        let stale = t.json(Method::PUT, &uri, s, edit.clone()).await;
        problem_fields(&stale, StatusCode::CONFLICT);
        edit.as_object_mut().unwrap().remove("version");
        assert_eq!(problem_fields(&t.json(Method::PUT, &uri, s, edit).await, StatusCode::UNPROCESSABLE_ENTITY), ["version"]);
        let stale = t.json(Method::PUT, &format!("{uri}/correction"), s, json!({"name": "Amina", "version": 1})).await;
        problem_fields(&stale, StatusCode::CONFLICT);
        let bad = t.json(Method::PUT, &format!("{uri}/correction"), s, json!({"name": " ", "email": "amina", "version": 2})).await;
        assert_eq!(problem_fields(&bad, StatusCode::UNPROCESSABLE_ENTITY), ["name", "email"]);
        ok(&t.json(Method::PUT, &format!("{uri}/rent-to-own"), s, json!({"selected_on": "2023-03-01"})).await, StatusCode::OK);
        for version in [json!(null), json!(7)] {
            let stale = t.json(Method::PUT, &format!("{uri}/rent-to-own"), s,
                json!({"selected_on": "2023-02-01", "version": version})).await;
            problem_fields(&stale, StatusCode::CONFLICT);
        }
        // Only consent is withdrawn, and only once.
        let task = ok(&post("/consents", json!({"purpose": "case-work", "basis": "public-task", "given_on": ARRIVAL, "text_version": "1"})).await, StatusCode::CREATED);
        let w = post(&format!("/consents/{}/withdrawal", task["id"]), json!({})).await;
        assert_eq!(problem_fields(&w, StatusCode::UNPROCESSABLE_ENTITY), ["basis"]);
        let given = ok(&post("/consents", json!({"purpose": "follow-ups", "basis": "consent", "given_on": ARRIVAL, "text_version": "1"})).await, StatusCode::CREATED);
        let early = post(&format!("/consents/{}/withdrawal", given["id"]), json!({"withdrawn_on": "2022-01-01"})).await;
        assert_eq!(problem_fields(&early, StatusCode::UNPROCESSABLE_ENTITY), ["withdrawn_on"]);
        ok(&post(&format!("/consents/{}/withdrawal", given["id"]), json!({})).await, StatusCode::OK);
        let twice = post(&format!("/consents/{}/withdrawal", given["id"]), json!({})).await;
        assert_eq!(problem_fields(&twice, StatusCode::UNPROCESSABLE_ENTITY), ["withdrawn_on"]);

        let now = ok(&t.get_as(&uri, &staff).await, StatusCode::OK);
        assert_eq!((now["name"].as_str(), now["version"].as_i64(), now["languages"].clone()),
            (Some("Amina Yusuf"), Some(2), json!(["somali"])));
        assert_eq!((now["steps"].as_array().unwrap().len(), now["follow_ups"].as_array().unwrap().len()), (0, 0));
        assert_eq!(now["rent_to_own"]["version"], 1);
        assert_eq!(now["rent_to_own"]["selected_on"], "2023-03-01");
        assert_eq!(now["consents"].as_array().unwrap().iter().map(|c| c["holds"].as_bool().unwrap()).collect::<Vec<_>>(), [true, false]);
        assert_eq!(ok(&t.get_as(list, &staff).await, StatusCode::OK).as_array().unwrap().len(), 1, "no case was added");
    })
    .await;
}

// ── (4) Audited reads ─────────────────────────────────────────────────────────────────

#[tokio::test]
async fn every_read_of_a_case_is_audited() {
    on_each_backend(|t| async move {
        let (_, admin) = account(&t, "admin@sogn.test", Role::Admin, &[]).await;
        let (_, staff) = account(&t, "ardal@sogn.test", Role::NewcomerStaff, &["4643"]).await;
        let (_, sogndal) = account(&t, "sogndal@sogn.test", Role::NewcomerStaff, &["4640"]).await;
        let (linked_id, linked) = account(&t, "linked@sogn.test", Role::Reader, &[]).await;
        let mut body = case_body("Amina Yusuf", "4643");
        body["account_id"] = json!(linked_id);
        let created = ok(
            &t.json(Method::POST, "/api/v1/newcomers", Some(&staff), body)
                .await,
            StatusCode::CREATED,
        );
        let id = created["id"].as_i64().unwrap();
        let uri = format!("/api/v1/newcomers/{id}");
        assert_eq!(
            reads_of(&t, &admin, id).await.len(),
            1,
            "answering the creation with the case is a read too"
        );

        ok(&t.get_as(&uri, &staff).await, StatusCode::OK);
        ok(&t.get_as(&uri, &linked).await, StatusCode::OK);
        ok(&t.get_as(&uri, &admin).await, StatusCode::OK);
        ok(
            &t.get_as(&format!("{uri}/export"), &linked).await,
            StatusCode::OK,
        );
        ok(
            &t.get_as("/api/v1/newcomers/me", &linked).await,
            StatusCode::OK,
        );
        let rows = reads_of(&t, &admin, id).await;
        let seen: Vec<_> = rows
            .iter()
            .take(5)
            .map(|r| {
                (
                    r["operation"].as_str().unwrap(),
                    r["actor"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            seen,
            [
                ("read", "linked@sogn.test"),
                ("export", "linked@sogn.test"),
                ("read", "admin@sogn.test"),
                ("read", "linked@sogn.test"),
                ("read", "ardal@sogn.test"),
            ],
            "newest first"
        );
        assert!(
            !serde_json::to_string(&rows).unwrap().contains("Amina"),
            "audit rows hold ids, not values"
        );

        // Lists are audited with the ids they showed.
        ok(&t.get_as("/api/v1/newcomers", &staff).await, StatusCode::OK);
        ok(
            &t.get_as("/api/v1/newcomers", &sogndal).await,
            StatusCode::OK,
        );
        let log = ok(&t.get_as("/api/v1/audit", &admin).await, StatusCode::OK);
        let lists: Vec<_> = log
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| {
                e["operation"] == "read"
                    && e["entity"] == "newcomer_case"
                    && e["entity_id"] == "list"
            })
            .take(2)
            .map(|e| (e["actor"].as_str().unwrap(), e["after"]["ids"].clone()))
            .collect();
        assert_eq!(
            lists,
            [
                ("sogndal@sogn.test", json!([])),
                ("ardal@sogn.test", json!([id]))
            ]
        );

        // Answering a change with the case reads it; a refused read is not audited.
        let step = t
            .json(
                Method::POST,
                &format!("{uri}/steps"),
                Some(&staff),
                json!({"kind": "job", "done_on": "2023-02-01"}),
            )
            .await;
        ok(&step, StatusCode::CREATED);
        let after_step = reads_of(&t, &admin, id).await.len();
        assert_eq!(after_step, rows.len() + 1);
        assert_eq!(t.get_as(&uri, &sogndal).await.status, StatusCode::NOT_FOUND);
        assert_eq!(
            t.get_as(&format!("{uri}/export"), &sogndal).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(reads_of(&t, &admin, id).await.len(), after_step);
    })
    .await;
}

// ── (5) Erasure leaves no trace ───────────────────────────────────────────────────────

#[tokio::test]
async fn after_erasure_the_name_is_nowhere_in_the_audit_log() {
    on_each_backend(|t| async move {
        const NAME: &str = "Zuleika Quorthavn-Ebbesdatter";
        const EMAIL: &str = "zuleika.q@example.no";
        let (_, admin) = account(&t, "admin@sogn.test", Role::Admin, &[]).await;
        let (staff_id, staff) = account(&t, "ardal@sogn.test", Role::NewcomerStaff, &["4643"]).await;
        let s = Some(staff.as_str());
        let (linked_id, linked) = account(&t, "linked@sogn.test", Role::Reader, &[]).await;
        let mut body = case_body(NAME, "4643");
        body["email"] = json!(EMAIL);
        body["phone"] = json!("+47 400 11 222");
        body["account_id"] = json!(linked_id);
        let created = ok(&t.json(Method::POST, "/api/v1/newcomers", s, body.clone()).await, StatusCode::CREATED);
        let id = created["id"].as_i64().unwrap();
        let uri = format!("/api/v1/newcomers/{id}");

        // Everything one can do to a case, so that every kind of audit row is written.
        ok(&t.json(Method::POST, &format!("{uri}/steps"), s, json!({"kind": "job", "done_on": "2023-02-01"})).await, StatusCode::CREATED);
        ok(&t.json(Method::POST, &format!("{uri}/follow-ups"), s,
            json!({"at": "3-months", "recorded_on": "2023-04-20", "residence": "in-municipality"})).await, StatusCode::CREATED);
        let consent = ok(&t.json(Method::POST, &format!("{uri}/consents"), s,
            json!({"purpose": "follow-ups", "basis": "consent", "given_on": ARRIVAL, "text_version": "2023-1"})).await, StatusCode::CREATED);
        ok(&t.json(Method::POST, &format!("{uri}/consents/{}/withdrawal", consent["id"]), Some(&linked), json!({})).await, StatusCode::OK);
        ok(&t.json(Method::PUT, &format!("{uri}/rent-to-own"), s, json!({"selected_on": "2023-03-01"})).await, StatusCode::OK);
        body["contact_person"] = json!(staff_id);
        body["needs"] = json!(["job"]);
        body["version"] = json!(1);
        ok(&t.json(Method::PUT, &uri, s, body).await, StatusCode::OK);
        ok(&t.json(Method::PUT, &format!("{uri}/correction"), Some(&linked),
            json!({"name": format!("{NAME} Jr"), "email": EMAIL, "version": 2})).await, StatusCode::OK);
        ok(&t.get_as("/api/v1/newcomers", &staff).await, StatusCode::OK);
        ok(&t.get_as("/api/v1/newcomers/me", &linked).await, StatusCode::OK);
        ok(&t.get_as("/api/v1/newcomers/cohorts", &staff).await, StatusCode::OK);
        let export = t.get_as(&format!("{uri}/export"), &linked).await;
        assert!(ok(&export, StatusCode::OK).to_string().contains(NAME), "the export holds the name");

        let erased = t.send(Method::DELETE, &uri, Some(&linked), None).await;
        assert_eq!(erased.status, StatusCode::NO_CONTENT, "{}", erased.body);
        problem_fields(&t.send(Method::DELETE, &uri, Some(&linked), None).await, StatusCode::NOT_FOUND);
        problem_fields(&t.get_as(&format!("{uri}/export"), &staff).await, StatusCode::NOT_FOUND);

        let log = audit_log(&t, &admin).await;
        let text = serde_json::to_string(&log).unwrap();
        for trace in ["Zuleika", "Quorthavn", "Ebbesdatter", EMAIL, "400 11 222"] {
            assert!(!text.contains(trace), "`{trace}` is in the audit log");
        }
        let about: Vec<&str> = log.iter()
            .filter(|e| e["entity"].as_str().unwrap().starts_with("newcomer") && e["entity_id"].as_str() == Some(&*id.to_string()))
            .map(|e| e["operation"].as_str().unwrap())
            .collect();
        assert_eq!(about.first(), Some(&"erase"), "{about:?}");
        assert!(about.len() > 10, "the log still says what was done, by id: {about:?}");
        let erase = log.iter().find(|e| e["operation"] == "erase").unwrap();
        assert_eq!(erase["after"]["reason"], "request");
    })
    .await;
}
