//! The mentor programme's pages as the coordinator and the people in it use them:
//! forms, post/redirect/get, errors beside the fields, and who may see what.

use axum::http::StatusCode;
use domain::access::Role;

use crate::helpers::TestApp;

/// Registers a profile through the form; returns its id from the overview's links.
async fn register(t: &TestApp, token: &str, fields: &[(&str, &str)]) {
    let res = t.form("/mentoring/profiles", Some(token), fields).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(res.location(), "/mentoring");
}

fn mentor(name: &'static str, municipality: &'static str) -> Vec<(&'static str, &'static str)> {
    vec![
        ("side", "mentor"),
        ("name", name),
        ("municipality", municipality),
        ("languages", "norsk native, engelsk C1"),
        ("occupation", "elektrikar"),
        ("industry", "bygg"),
        ("interests", "fotball, fjelltur"),
        ("capacity", "1"),
        ("consent_given_on", "2024-01-10"),
        ("consent_text_version", "2024-1"),
    ]
}

fn mentee(name: &'static str, municipality: &'static str) -> Vec<(&'static str, &'static str)> {
    vec![
        ("side", "mentee"),
        ("name", name),
        ("municipality", municipality),
        ("languages", "engelsk B2, norsk A2"),
        ("occupation", "elektrikar"),
        ("interests", "fotball"),
        ("consent_given_on", "2024-02-01"),
        ("consent_text_version", "2024-1"),
    ]
}

/// The ids in links like `/mentoring/pairs/7`, in page order.
fn ids(html: &str, prefix: &str) -> Vec<i64> {
    html.match_indices(prefix)
        .filter_map(|(at, _)| {
            let rest = &html[at + prefix.len()..];
            let end = rest.find(|c: char| !c.is_ascii_digit())?;
            rest[..end].parse().ok()
        })
        .collect()
}

#[tokio::test]
async fn the_coordinator_registers_matches_locks_reruns_and_the_pair_lives() {
    let t = TestApp::sqlite().await;
    let coordinator = t.session(Role::MentorCoordinator, &[]).await;
    register(&t, &coordinator, &mentor("Kari Elektro", "4643")).await;
    register(&t, &coordinator, &mentor("Per Fjell", "4640")).await;
    register(&t, &coordinator, &mentee("Olena Mentee", "4643")).await;
    register(&t, &coordinator, &mentee("Ahmad Utan", "4638")).await;

    let page = t.get_as("/mentoring", &coordinator).await;
    assert_eq!(page.status, StatusCode::OK);
    for name in ["Kari Elektro", "Per Fjell", "Olena Mentee", "Ahmad Utan"] {
        assert!(page.body.contains(name), "{name} is listed");
    }
    // Before any run, the preview already says who would be left and why.
    assert!(
        page.body.contains("ingen mentor i same eller nabokommune"),
        "{}",
        page.body
    );
    assert!(
        !page.body.contains("/mentoring/pairs/"),
        "no pairs before a run"
    );

    let run = t.form("/mentoring/matching", Some(&coordinator), &[]).await;
    assert_eq!(run.status, StatusCode::SEE_OTHER, "{}", run.body);
    let page = t.get_as("/mentoring", &coordinator).await;
    let pairs = ids(&page.body, "/mentoring/pairs/");
    assert_eq!(pairs.len(), 1, "one pair: Kari and Olena in Årdal");
    assert!(page.body.contains("same kommune"), "the reasons are shown");
    let profiles = ids(&page.body, "/mentoring/profiles/");
    // The overview lists mentors then mentees, each linked once.
    let (kari, olena) = (profiles[0], profiles[2]);

    let lock = t
        .form(
            "/mentoring/pair-rules",
            Some(&coordinator),
            &[
                ("mentor_id", &kari.to_string()),
                ("mentee_id", &olena.to_string()),
                ("kind", "lock"),
            ],
        )
        .await;
    assert_eq!(lock.status, StatusCode::SEE_OTHER, "{}", lock.body);
    let rerun = t.form("/mentoring/matching", Some(&coordinator), &[]).await;
    assert_eq!(rerun.status, StatusCode::SEE_OTHER);
    let page = t.get_as("/mentoring", &coordinator).await;
    assert!(page.body.contains("låst"), "the locked pair is marked");
    let pair = ids(&page.body, "/mentoring/pairs/")[0];

    let pair_page = t
        .get_as(&format!("/mentoring/pairs/{pair}"), &coordinator)
        .await;
    assert_eq!(pair_page.status, StatusCode::OK);
    assert!(pair_page.body.contains("Kari Elektro og Olena Mentee"));

    // Each step reads the pair's version from its page, as the browser's form does.
    let step = |fields: Vec<(&'static str, &'static str)>| {
        let t = &t;
        let coordinator = &coordinator;
        async move {
            let page = t
                .get_as(&format!("/mentoring/pairs/{pair}"), coordinator)
                .await;
            let version = page
                .body
                .split("name=\"version\" value=\"")
                .nth(1)
                .and_then(|r| r.split('"').next())
                .expect("a version on the page")
                .to_string();
            let mut fields: Vec<(&str, &str)> = fields;
            fields.push(("version", &version));
            let res = t
                .form(
                    &format!("/mentoring/pairs/{pair}/changes"),
                    Some(coordinator),
                    &fields,
                )
                .await;
            assert_eq!(
                res.status,
                StatusCode::SEE_OTHER,
                "{fields:?}: {}",
                res.body
            );
        }
    };
    step(vec![("action", "accept"), ("side", "mentor")]).await;
    step(vec![("action", "accept"), ("side", "mentee")]).await;
    let accepted = t
        .get_as(&format!("/mentoring/pairs/{pair}"), &coordinator)
        .await;
    assert!(accepted.body.contains("Mentor sa ja") && accepted.body.contains("Mentee sa ja"));
    assert!(accepted.body.contains("godteke"));
    step(vec![("action", "start")]).await;

    let meeting = t
        .form(
            &format!("/mentoring/pairs/{pair}/meetings"),
            Some(&coordinator),
            &[
                ("held_on", ""),
                ("minutes", "90"),
                ("note", "Første møte på arbeidsplassen"),
            ],
        )
        .await;
    assert_eq!(meeting.status, StatusCode::SEE_OTHER, "{}", meeting.body);
    let bad = t
        .form(
            &format!("/mentoring/pairs/{pair}/meetings"),
            Some(&coordinator),
            &[("held_on", "2999-01-01"), ("minutes", "90")],
        )
        .await;
    assert_eq!(
        bad.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a meeting in the future"
    );
    assert!(
        bad.body.contains("id=\"meeting-held-on-error\""),
        "{}",
        bad.body
    );

    step(vec![("action", "complete")]).await;
    let outcome = t
        .form(
            &format!("/mentoring/pairs/{pair}/outcomes"),
            Some(&coordinator),
            &[
                ("follow_up", "end"),
                ("in_work", "true"),
                ("in_education", "false"),
                ("qualifications_approved", "false"),
                ("in_region", "true"),
                ("norwegian_level", "b1"),
            ],
        )
        .await;
    assert_eq!(outcome.status, StatusCode::SEE_OTHER, "{}", outcome.body);
    let done = t
        .get_as(&format!("/mentoring/pairs/{pair}"), &coordinator)
        .await;
    assert!(done.body.contains("fullført"));
    assert!(done.body.contains("Første møte på arbeidsplassen"));
    assert!(done.body.contains("I arbeid: ja"));

    let overview = t.get_as("/mentoring", &coordinator).await;
    assert!(
        overview
            .body
            .contains("<dt>Par som har starta</dt><dd>1</dd>"),
        "{}",
        overview.body
    );
    assert!(overview.body.contains("<dt>Møte haldne</dt><dd>1</dd>"));
}

#[tokio::test]
async fn bad_profile_input_comes_back_beside_the_field_and_changes_nothing() {
    let t = TestApp::sqlite().await;
    let coordinator = t.session(Role::MentorCoordinator, &[]).await;
    let mut fields = mentor("Kari Elektro", "4643");
    fields.retain(|(k, _)| *k != "capacity");
    fields.push(("capacity", "0"));
    let res = t
        .form("/mentoring/profiles", Some(&coordinator), &fields)
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(
        res.body.contains("id=\"profile-capacity-error\""),
        "{}",
        res.body
    );
    assert!(res.body.contains("aria-invalid=\"true\""));
    assert!(
        res.body.contains("value=\"Kari Elektro\""),
        "what was typed is kept"
    );

    let mut fields = mentor("Kari Elektro", "4643");
    fields.retain(|(k, _)| *k != "languages");
    fields.push(("languages", "norsk flytande"));
    let res = t
        .form("/mentoring/profiles", Some(&coordinator), &fields)
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body.contains("id=\"profile-languages-error\""),
        "{}",
        res.body
    );

    let mut fields = mentor("Kari Elektro", "4643");
    fields.retain(|(k, _)| *k != "municipality");
    fields.push(("municipality", "0301"));
    let res = t
        .form("/mentoring/profiles", Some(&coordinator), &fields)
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("id=\"profile-municipality-error\""));

    let page = t.get_as("/mentoring", &coordinator).await;
    assert!(
        !page.body.contains("Kari Elektro"),
        "nothing was registered"
    );

    // Nobody can be matched (Årdal and Høyanger are not neighbours by default): the
    // run says why, and stores no pair.
    register(&t, &coordinator, &mentor("Kari Elektro", "4643")).await;
    register(&t, &coordinator, &mentee("Ahmad Utan", "4638")).await;
    let run = t.form("/mentoring/matching", Some(&coordinator), &[]).await;
    assert_eq!(run.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", run.body);
    assert!(run.body.contains("ds-error-summary"));
    let page = t.get_as("/mentoring", &coordinator).await;
    assert!(
        !page.body.contains("/mentoring/pairs/"),
        "no pair was stored"
    );
}

#[tokio::test]
async fn only_the_coordinator_and_admin_see_people() {
    let t = TestApp::sqlite().await;
    let coordinator = t.session(Role::MentorCoordinator, &[]).await;
    register(&t, &coordinator, &mentor("Kari Elektro", "4643")).await;
    let page = t.get_as("/mentoring", &coordinator).await;
    let kari = ids(&page.body, "/mentoring/profiles/")[0];
    let admin = t.session(Role::Admin, &[]).await;
    assert_eq!(t.get_as("/mentoring", &admin).await.status, StatusCode::OK);

    for (role, scope) in [
        (Role::Reader, &[][..]),
        (Role::ProjectLeader, &[][..]),
        (Role::SteeringGroup, &[][..]),
        (Role::WorkGroup, &["arbeid"][..]),
        (Role::MunicipalContact, &["4643"][..]),
    ] {
        let token = t.session(role, scope).await;
        // The steering group and the project leader see the figures, never the people.
        let follows_figures = matches!(role, Role::ProjectLeader | Role::SteeringGroup);
        let res = t.get_as("/mentoring", &token).await;
        let expected = if follows_figures {
            StatusCode::OK
        } else {
            StatusCode::FORBIDDEN
        };
        assert_eq!(res.status, expected, "{role} GET /mentoring");
        assert!(!res.body.contains("Kari Elektro"), "{role} GET /mentoring");
        if follows_figures {
            assert!(
                res.body.contains("Par som har starta"),
                "{role} sees the figures"
            );
            assert!(
                !res.body.contains("/mentoring/matching"),
                "{role} gets no run button"
            );
        }
        let uri = format!("/mentoring/profiles/{kari}");
        let res = t.get_as(&uri, &token).await;
        // Whoever may not see a person is not told that the profile exists.
        assert_eq!(res.status, StatusCode::NOT_FOUND, "{role} GET {uri}");
        assert!(!res.body.contains("Kari Elektro"), "{role} GET {uri}");
        let res = t.form("/mentoring/matching", Some(&token), &[]).await;
        assert_eq!(
            res.status,
            StatusCode::FORBIDDEN,
            "{role} runs the matching"
        );
        let res = t
            .form(
                &format!("/mentoring/profiles/{kari}/delete"),
                Some(&token),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::NOT_FOUND, "{role} deletes Kari");
        // Their own page works, and says no profile is linked.
        let own = t.get_as("/mentoring/me", &token).await;
        assert_eq!(own.status, StatusCode::OK, "{role}");
    }
    // Anonymous visitors are sent to log in.
    let res = t.get("/mentoring").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(res.location().starts_with("/login?next="));
    // Reading a profile is audited.
    let log = t.db.audit_log(50, 0).await.unwrap();
    assert!(log
        .iter()
        .any(|e| e.operation == "read" && e.entity == "mentoring_profile"));
}

#[tokio::test]
async fn a_workplace_cohort_with_mentors_sessions_attendance_and_evaluation() {
    let t = TestApp::sqlite().await;
    let coordinator = t.session(Role::MentorCoordinator, &[]).await;
    let bad = t
        .form(
            "/mentoring/cohorts",
            Some(&coordinator),
            &[("employer", ""), ("name", "Haust 2020")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.body.contains("id=\"cohort-employer-error\""),
        "{}",
        bad.body
    );

    let created = t
        .form(
            "/mentoring/cohorts",
            Some(&coordinator),
            &[
                ("employer", "Årdal kommune"),
                ("name", "Arbeidsplassmentorar 2020"),
                ("starts_on", "2020-09-01"),
            ],
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let cohort = created.location().to_string();
    assert!(cohort.starts_with("/mentoring/cohorts/"));
    let id = cohort.rsplit('/').next().unwrap().to_string();

    for name in ["Siri Tilsett", "Jon Tilsett"] {
        let res = t
            .form(
                &format!("{cohort}/mentors"),
                Some(&coordinator),
                &[("name", name)],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    }
    let res = t
        .form(
            &format!("{cohort}/sessions"),
            Some(&coordinator),
            &[
                ("held_on", "2020-09-15"),
                ("theme", "Å ta imot ein ny kollega"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let page = t.get_as(&cohort, &coordinator).await;
    assert!(page.body.contains("Siri Tilsett") && page.body.contains("Å ta imot ein ny kollega"));
    let session = ids(&page.body, "/mentoring/sessions/")[0];
    let siri = page
        .body
        .split("name=\"mentor_id\" value=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap()
        .to_string();
    let res = t
        .form(
            &format!("/mentoring/sessions/{session}/attendance"),
            Some(&coordinator),
            &[("cohort", &id), ("mentor_id", &siri)],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(res.location(), cohort);
    let page = t.get_as(&cohort, &coordinator).await;
    assert!(
        page.body.contains(&format!("value=\"{siri}\" checked")),
        "Siri attended"
    );

    let bad = t
        .form(
            &format!("{cohort}/evaluations"),
            Some(&coordinator),
            &[("score", "9"), ("text", "")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.body.contains("id=\"evaluation-score-error\""),
        "{}",
        bad.body
    );
    let res = t
        .form(
            &format!("{cohort}/evaluations"),
            Some(&coordinator),
            &[
                ("session_id", &session.to_string()),
                ("score", "5"),
                ("text", "Nyttig samling"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert!(t
        .get_as(&cohort, &coordinator)
        .await
        .body
        .contains("Nyttig samling"));

    let reader = t.session(Role::Reader, &[]).await;
    assert_eq!(
        t.get_as(&cohort, &reader).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        t.get_as("/mentoring/cohorts", &reader).await.status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn the_rules_page_sets_neighbours_and_weights_for_the_next_run() {
    let t = TestApp::sqlite().await;
    let coordinator = t.session(Role::MentorCoordinator, &[]).await;
    let page = t.get_as("/mentoring/rules", &coordinator).await;
    assert_eq!(page.status, StatusCode::OK);
    // The engine's defaults are shown until the coordinator sets others.
    assert!(
        page.body
            .contains("name=\"weight_same_occupation\" value=\"20\""),
        "{}",
        page.body
    );
    let version = page
        .body
        .split("name=\"version\" value=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap()
        .to_string();

    let bad = t
        .form(
            "/mentoring/rules",
            Some(&coordinator),
            &[
                ("min_level", "b1"),
                ("neighbours", "4643-0301"),
                ("weight_same_occupation", "mye"),
                ("version", &version),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.body
            .contains("id=\"rules-weight-same-occupation-error\""),
        "{}",
        bad.body
    );

    let bad = t
        .form(
            "/mentoring/rules",
            Some(&coordinator),
            &[
                ("min_level", "b1"),
                ("neighbours", "4643-0301"),
                ("version", &version),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.body.contains("id=\"rules-neighbours-error\""),
        "{}",
        bad.body
    );

    // Årdal and Høyanger as neighbours: Ahmad in Høyanger can now have Kari in Årdal.
    let ok = t
        .form(
            "/mentoring/rules",
            Some(&coordinator),
            &[
                ("min_level", "b1"),
                ("neighbours", "4643-4638"),
                ("weight_same_occupation", "30"),
                ("version", &version),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let page = t.get_as("/mentoring/rules", &coordinator).await;
    assert!(page.body.contains("value=\"4643-4638\""));
    assert!(page
        .body
        .contains("name=\"weight_same_occupation\" value=\"30\""));
    let stale = t
        .form(
            "/mentoring/rules",
            Some(&coordinator),
            &[
                ("min_level", "a2"),
                ("neighbours", ""),
                ("version", &version),
            ],
        )
        .await;
    assert_eq!(
        stale.status,
        StatusCode::CONFLICT,
        "an edit from an old page is refused"
    );

    register(&t, &coordinator, &mentor("Kari Elektro", "4643")).await;
    register(&t, &coordinator, &mentee("Ahmad Utan", "4638")).await;
    let run = t.form("/mentoring/matching", Some(&coordinator), &[]).await;
    assert_eq!(run.status, StatusCode::SEE_OTHER, "{}", run.body);
    let page = t.get_as("/mentoring", &coordinator).await;
    assert_eq!(
        ids(&page.body, "/mentoring/pairs/").len(),
        1,
        "neighbours can be paired"
    );
    assert!(
        page.body.contains("same yrke: 30"),
        "the new weight is used"
    );

    let reader = t.session(Role::Reader, &[]).await;
    assert_eq!(
        t.get_as("/mentoring/rules", &reader).await.status,
        StatusCode::FORBIDDEN
    );
}
