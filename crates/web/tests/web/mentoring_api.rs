//! The mentor programme's JSON API: the coordinator's flow, who may read and change what
//! (every route × every role), bad input that changes nothing, audited reads, and ids
//! rather than people in URLs.

use axum::http::{Method, StatusCode};
use domain::access::{Actor, Role};
use domain::mentor::{NewPair, Pair};
use serde_json::{json, Value};

use crate::helpers::{
    documented_and_tested, listed, newest_audit_id, ok, on_each_backend, problem_fields, TestApp,
};

const PASSWORD: &str = "a long test password";

/// A Reader account for self-service, to link profiles to: its id and a session token.
async fn person(t: &TestApp, email: &str) -> (i64, String) {
    let id = t
        .app
        .add_user(None, email, PASSWORD, Role::Reader, vec![], vec![])
        .await
        .unwrap();
    (id, t.app.login(email, PASSWORD).await.unwrap().token)
}

fn profile(side: &str, name: &str, municipality: &str, norwegian: &str, occupation: &str) -> Value {
    let mut p = json!({
        "side": side, "name": name, "municipality": municipality,
        "languages": [{"language": "norsk", "level": norwegian}],
        "occupation": occupation, "interests": ["fotball"],
        "consent_given_on": "2024-01-02", "consent_text_version": "2024-1",
    });
    if side == "mentor" {
        p["capacity"] = json!(1);
    }
    p
}

// ── (1) The coordinator's flow ────────────────────────────────────────────────────────

#[tokio::test]
async fn the_coordinators_flow_from_profiles_to_indicators() {
    on_each_backend(|t| async move {
        let c = t.session(Role::MentorCoordinator, &[]).await;
        let c = Some(c.as_str());
        let (kari_account, kari) = person(&t, "kari@sogn.test").await;

        let rules = ok(&t.send(Method::GET, "/api/v1/mentoring/rules", c, None).await, StatusCode::OK);
        assert_eq!(rules["min_level"], "b1");
        let set = t
            .json(Method::PUT, "/api/v1/mentoring/rules", c,
                json!({"min_level": "B1", "neighbours": [["4640", "4644"]], "version": rules["version"]}))
            .await;
        let set = ok(&set, StatusCode::OK);
        assert_eq!(set["neighbours"], json!([["4640", "4644"]]));
        assert_eq!(set["version"], rules["version"].as_i64().unwrap() + 1);

        let mut ids = Vec::new();
        for (side, name, municipality, level, occupation) in [
            ("mentor", "Kari Nordmann", "4640", "native", "elektrikar"),
            ("mentor", "Per Hansen", "4644", "native", "kokk"),
            ("mentee", "Amina Yusuf", "4640", "B1", "elektrikar"),
            ("mentee", "Omar Ali", "4644", "B2", "kokk"),
            ("mentee", "Sara Haile", "4640", "A2", "kokk"),
        ] {
            let mut body = profile(side, name, municipality, level, occupation);
            if name == "Kari Nordmann" {
                body["account_id"] = json!(kari_account);
            }
            let created = t.json(Method::POST, "/api/v1/mentoring/profiles", c, body).await;
            let created = ok(&created, StatusCode::CREATED);
            assert_eq!((created["side"].as_str(), created["name"].as_str()), (Some(side), Some(name)));
            assert_eq!(created["version"], 1);
            assert_eq!(created["consent"]["given_on"], "2024-01-02");
            assert_eq!(created["languages"][0]["level"], level.to_lowercase());
            ids.push(created["id"].as_i64().unwrap());
        }
        let [kari_id, per, amina, omar, sara] = ids[..] else { unreachable!() };
        let mentors = ok(&t.send(Method::GET, "/api/v1/mentoring/profiles?side=mentor", c, None).await, StatusCode::OK);
        assert_eq!(mentors.as_array().unwrap().len(), 2);

        // The preview proposes and explains, and stores nothing.
        let preview = ok(&t.send(Method::GET, "/api/v1/mentoring/matching", c, None).await, StatusCode::OK);
        let pairs_of = |m: &Value| -> Vec<(i64, i64, bool)> {
            m["proposed"].as_array().unwrap().iter()
                .map(|p| (p["mentor_id"].as_i64().unwrap(), p["mentee_id"].as_i64().unwrap(), p["locked"].as_bool().unwrap()))
                .collect()
        };
        assert_eq!(pairs_of(&preview), [(kari_id, amina, false), (per, omar, false)]);
        assert!(preview["proposed"][0]["pair_id"].is_null());
        assert!(preview["proposed"][0]["explanation"].as_array().unwrap().iter().any(|r| r["criterion"] == "same_occupation"));
        let unmatched = &preview["unmatched"][0];
        assert_eq!((unmatched["profile_id"].as_i64(), unmatched["side"].as_str(), unmatched["reason"].as_str()),
            (Some(sara), Some("mentee"), Some("no_shared_language")));
        assert_eq!(ok(&t.send(Method::GET, "/api/v1/mentoring/pairs", c, None).await, StatusCode::OK), json!([]));

        let first = ok(&t.send(Method::POST, "/api/v1/mentoring/matching", c, None).await, StatusCode::CREATED);
        assert_eq!(pairs_of(&first), pairs_of(&preview));
        assert!(first["proposed"][0]["pair_id"].is_i64());
        assert_eq!(ok(&t.send(Method::GET, "/api/v1/mentoring/pairs", c, None).await, StatusCode::OK).as_array().unwrap().len(), 2);

        // Lock Per with Amina; the run follows the lock, and the same run again keeps it in the same pair.
        let locked = t.json(Method::POST, "/api/v1/mentoring/pair-rules", c,
            json!({"mentor_id": per, "mentee_id": amina, "kind": "lock"})).await;
        assert_eq!(ok(&locked, StatusCode::OK), json!([{"mentor_id": per, "mentee_id": amina, "kind": "lock"}]));
        assert_eq!(ok(&t.send(Method::GET, "/api/v1/mentoring/pair-rules", c, None).await, StatusCode::OK).as_array().unwrap().len(), 1);
        let second = ok(&t.send(Method::POST, "/api/v1/mentoring/matching", c, None).await, StatusCode::CREATED);
        assert_eq!(pairs_of(&second), [(kari_id, omar, false), (per, amina, true)]);
        let again = ok(&t.send(Method::POST, "/api/v1/mentoring/matching", c, None).await, StatusCode::CREATED);
        assert_eq!(again["proposed"], second["proposed"], "a re-run keeps the lock and the pair ids");
        let pair = second["proposed"][1]["pair_id"].as_i64().unwrap();
        let uri = format!("/api/v1/mentoring/pairs/{pair}");
        let p = ok(&t.send(Method::GET, &uri, c, None).await, StatusCode::OK);
        assert_eq!((p["status"].as_str(), p["locked"].as_bool(), p["version"].as_i64()), (Some("proposed"), Some(true), Some(1)));

        // Both sides accept (recorded by the coordinator), then start, meet, complete and follow up.
        let changes = format!("{uri}/changes");
        let step = |body: Value| t.json(Method::POST, &changes, c, body);
        let p = ok(&step(json!({"action": "accept", "side": "mentor", "on": "2024-01-05", "version": 1})).await, StatusCode::OK);
        assert_eq!((p["status"].as_str(), p["mentor_accepted"].as_str()), (Some("proposed"), Some("2024-01-05")));
        let p = ok(&step(json!({"action": "accept", "side": "mentee", "on": "2024-01-06", "version": 2})).await, StatusCode::OK);
        assert_eq!(p["status"], "accepted");
        let p = ok(&step(json!({"action": "start", "on": "2024-01-10", "version": 3})).await, StatusCode::OK);
        assert_eq!((p["status"].as_str(), p["started_on"].as_str()), (Some("active"), Some("2024-01-10")));
        let kept = ok(&t.send(Method::POST, "/api/v1/mentoring/matching", c, None).await, StatusCode::CREATED);
        assert!(kept["kept"].as_array().unwrap().contains(&json!(pair)), "an active pair stays out of the matching");

        let meeting = t.json(Method::POST, &format!("{uri}/meetings"), c,
            json!({"held_on": "2024-02-01", "minutes": 90, "note": "Kafé"})).await;
        let meeting = ok(&meeting, StatusCode::CREATED);
        assert_eq!((meeting["pair_id"].as_i64(), meeting["held_on"].as_str(), meeting["minutes"].as_i64()),
            (Some(pair), Some("2024-02-01"), Some(90)));
        let check_in = t.json(Method::POST, &format!("{uri}/check-ins"), c,
            json!({"kind": "midway", "held_on": "2024-03-01"})).await;
        assert_eq!(ok(&check_in, StatusCode::CREATED)["kind"], "midway");
        let p = ok(&step(json!({"action": "complete", "on": "2024-06-01", "version": 4})).await, StatusCode::OK);
        assert_eq!((p["status"].as_str(), p["ended_on"].as_str()), (Some("completed"), Some("2024-06-01")));
        for (follow_up, day, in_work) in [("end", "2024-06-01", false), ("6-months", "2024-12-01", true)] {
            let o = t.json(Method::POST, &format!("{uri}/outcomes"), c,
                json!({"follow_up": follow_up, "recorded_on": day, "in_work": in_work, "norwegian_level": "B2", "in_region": true})).await;
            let o = ok(&o, StatusCode::CREATED);
            assert_eq!((o["follow_up"].as_str(), o["in_work"].as_bool(), o["norwegian_level"].as_str()),
                (Some(follow_up), Some(in_work), Some("b2")));
        }
        let log = ok(&t.send(Method::GET, &format!("{uri}/log"), c, None).await, StatusCode::OK);
        assert_eq!(
            (log["meetings"].as_array().unwrap().len(), log["check_ins"].as_array().unwrap().len(), log["outcomes"].as_array().unwrap().len()),
            (1, 1, 2)
        );

        let i = ok(&t.send(Method::GET, "/api/v1/mentoring/indicators", c, None).await, StatusCode::OK);
        assert_eq!((i["pairs_started"].as_i64(), i["pairs_completed"].as_i64(), i["pairs_ended_early"].as_i64(), i["meetings_held"].as_i64()),
            (Some(1), Some(1), Some(0), Some(1)));
        assert_eq!(i["in_work_or_education_6_months"], json!({"numerator": 1, "denominator": 1, "missing": 0, "value": 1.0}));
        assert_eq!(i["in_work_or_education_12_months"], json!({"numerator": 0, "denominator": 0, "missing": 1, "value": null}),
            "a follow-up that is due but missing is missing, not 0");
        let steering = t.session(Role::SteeringGroup, &[]).await;
        assert_eq!(ok(&t.get_as("/api/v1/mentoring/indicators", &steering).await, StatusCode::OK), i);

        // Kari sees her own profile and proposed pair, and nobody else's.
        let me = ok(&t.get_as("/api/v1/mentoring/me", &kari).await, StatusCode::OK);
        assert_eq!(me["profiles"].as_array().unwrap().iter().map(|p| p["id"].as_i64().unwrap()).collect::<Vec<_>>(), [kari_id]);
        let mine = me["pairs"].as_array().unwrap();
        assert_eq!((mine.len(), mine[0]["mentor_id"].as_i64(), mine[0]["status"].as_str()), (1, Some(kari_id), Some("proposed")));
        assert_eq!(ok(&t.get_as("/api/v1/mentoring/me", &steering).await, StatusCode::OK), json!({"profiles": [], "pairs": []}));

        // A workplace cohort: mentors, a session, attendance, an evaluation.
        let cohort = t.json(Method::POST, "/api/v1/mentoring/cohorts", c,
            json!({"employer": "Luster kommune", "name": "Vår 2024", "starts_on": "2024-02-01"})).await;
        let cohort = ok(&cohort, StatusCode::CREATED);
        assert_eq!((cohort["version"].as_i64(), cohort["starts_on"].as_str()), (Some(1), Some("2024-02-01")));
        let curi = format!("/api/v1/mentoring/cohorts/{}", cohort["id"]);
        let liv = ok(&t.json(Method::POST, &format!("{curi}/mentors"), c, json!({"name": "Liv Lærar"})).await, StatusCode::CREATED);
        let ola = ok(&t.json(Method::POST, &format!("{curi}/mentors"), c, json!({"name": "Ola Vik"})).await, StatusCode::CREATED);
        let session = t.json(Method::POST, &format!("{curi}/sessions"), c, json!({"held_on": "2024-02-05", "theme": "Velkomen"})).await;
        let session = ok(&session, StatusCode::CREATED);
        let attendance = t.json(Method::PUT, &format!("/api/v1/mentoring/sessions/{}/attendance", session["id"]), c,
            json!({"mentor_ids": [ola["id"], liv["id"], liv["id"]]})).await;
        let mut want = vec![liv["id"].as_i64().unwrap(), ola["id"].as_i64().unwrap()];
        want.sort();
        assert_eq!(ok(&attendance, StatusCode::OK), json!({"session_id": session["id"], "mentor_ids": want}));
        let evaluation = t.json(Method::POST, &format!("{curi}/evaluations"), c,
            json!({"session_id": session["id"], "text": "Nyttig", "score": 4})).await;
        assert_eq!(ok(&evaluation, StatusCode::CREATED)["score"], 4);
        let removed = t.send(Method::DELETE, &format!("{curi}/mentors/{}", ola["id"]), c, None).await;
        assert_eq!(removed.status, StatusCode::NO_CONTENT, "{}", removed.body);
        let renamed = t.json(Method::PUT, &curi, c,
            json!({"employer": "Luster kommune", "name": "Vår 2024, gruppe 1", "starts_on": "2024-02-01", "version": 1})).await;
        let detail = ok(&renamed, StatusCode::OK);
        assert_eq!((detail["name"].as_str(), detail["version"].as_i64()), (Some("Vår 2024, gruppe 1"), Some(2)));
        assert_eq!((detail["mentors"].as_array().unwrap().len(), detail["sessions"].as_array().unwrap().len(),
            detail["attendance"].as_array().unwrap().len(), detail["evaluations"].as_array().unwrap().len()), (1, 1, 1, 1));
        assert_eq!(ok(&t.send(Method::GET, &curi, c, None).await, StatusCode::OK), detail);
        assert_eq!(ok(&t.send(Method::GET, "/api/v1/mentoring/cohorts", c, None).await, StatusCode::OK).as_array().unwrap().len(), 1);
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
        Admin,
        /// A reader account linked to a mentor profile (Kari's).
        SelfMentor,
        /// A reader account linked to a mentee profile (Omar's), Kari's mentee.
        SelfMentee,
    }
);

listed!(
    Route,
    ROUTES {
        Me,
        ListProfiles,
        ListMentees,
        CreateProfile,
        ReadKarisProfile,
        ReadOmarsProfile,
        ReadOtherProfile,
        UpdateKarisProfile,
        UpdateOtherProfile,
        DeleteKarisProfile,
        DeleteOtherProfile,
        ReadRules,
        SetRules,
        ReadPairRules,
        SetPairRule,
        PreviewMatching,
        RunMatching,
        ListPairs,
        ReadOwnPair,
        ReadOtherPair,
        AcceptOwnAsMentor,
        AcceptOwnAsMentee,
        AcceptOther,
        StartOwn,
        CompleteOwn,
        EndOwnEarly,
        OwnPairLog,
        OtherPairLog,
        MeetingOwnPair,
        MeetingOtherPair,
        CheckInOwnPair,
        OutcomeOwnPair,
        Indicators,
        ListCohorts,
        CreateCohort,
        ReadCohort,
        UpdateCohort,
        AddCohortMentor,
        DeleteCohortMentor,
        AddSession,
        SetAttendance,
        AddEvaluation,
    }
);

/// The rules of `domain::access`, written out by hand rather than derived from the code:
/// the coordinator and admin run everything; a signed-in person sees their own mentoring
/// and handles their own profile and pair (the mentor logs meetings, each side accepts for
/// itself); the steering group and project leader see the indicators; nobody else sees people.
fn allowed(who: Who, route: Route) -> bool {
    use Route::*;
    use Who::*;
    match who {
        Anonymous => false,
        Coordinator | Admin => true,
        _ if route == Me => true,
        ProjectLeader | SteeringGroup => route == Indicators,
        Reader | Contact4643 | WorkGroupArbeid => false,
        SelfMentor => matches!(
            route,
            ReadKarisProfile
                | UpdateKarisProfile
                | DeleteKarisProfile
                | ReadOwnPair
                | OwnPairLog
                | AcceptOwnAsMentor
                | MeetingOwnPair
        ),
        SelfMentee => matches!(
            route,
            ReadOmarsProfile | ReadOwnPair | OwnPairLog | AcceptOwnAsMentee
        ),
    }
}

/// How a signed-in person who may not take a route is refused. A profile or pair is named
/// by id, and whoever may not see it is not told it exists (404, as for a missing one); the
/// other side of a pair, who knows the pair, is told the step is not theirs (403); the
/// programme's own routes, which name nobody, are 403 to everyone outside it.
fn refusal(who: Who, route: Route) -> StatusCode {
    use Route::*;
    use Who::*;
    match route {
        ReadKarisProfile | ReadOmarsProfile | ReadOtherProfile | UpdateKarisProfile
        | UpdateOtherProfile | DeleteKarisProfile | DeleteOtherProfile | ReadOtherPair
        | AcceptOther | OtherPairLog | MeetingOtherPair => StatusCode::NOT_FOUND,
        // Each side accepts in a fresh pair of its own, which the other person is not in.
        AcceptOwnAsMentor | AcceptOwnAsMentee => StatusCode::NOT_FOUND,
        ReadOwnPair | OwnPairLog | MeetingOwnPair => {
            if matches!(who, SelfMentor | SelfMentee) {
                StatusCode::FORBIDDEN
            } else {
                StatusCode::NOT_FOUND
            }
        }
        _ => StatusCode::FORBIDDEN,
    }
}

/// The method and OpenAPI path each route exercises, so the matrix can be checked to
/// cover every mentoring route the API documents.
fn endpoint(route: Route) -> (&'static str, &'static str) {
    use Route::*;
    match route {
        Me => ("get", "/api/v1/mentoring/me"),
        ListProfiles | ListMentees => ("get", "/api/v1/mentoring/profiles"),
        CreateProfile => ("post", "/api/v1/mentoring/profiles"),
        ReadKarisProfile | ReadOmarsProfile | ReadOtherProfile => {
            ("get", "/api/v1/mentoring/profiles/{id}")
        }
        UpdateKarisProfile | UpdateOtherProfile => ("put", "/api/v1/mentoring/profiles/{id}"),
        DeleteKarisProfile | DeleteOtherProfile => ("delete", "/api/v1/mentoring/profiles/{id}"),
        ReadRules => ("get", "/api/v1/mentoring/rules"),
        SetRules => ("put", "/api/v1/mentoring/rules"),
        ReadPairRules => ("get", "/api/v1/mentoring/pair-rules"),
        SetPairRule => ("post", "/api/v1/mentoring/pair-rules"),
        PreviewMatching => ("get", "/api/v1/mentoring/matching"),
        RunMatching => ("post", "/api/v1/mentoring/matching"),
        ListPairs => ("get", "/api/v1/mentoring/pairs"),
        ReadOwnPair | ReadOtherPair => ("get", "/api/v1/mentoring/pairs/{id}"),
        AcceptOwnAsMentor | AcceptOwnAsMentee | AcceptOther | StartOwn | CompleteOwn
        | EndOwnEarly => ("post", "/api/v1/mentoring/pairs/{id}/changes"),
        OwnPairLog | OtherPairLog => ("get", "/api/v1/mentoring/pairs/{id}/log"),
        MeetingOwnPair | MeetingOtherPair => ("post", "/api/v1/mentoring/pairs/{id}/meetings"),
        CheckInOwnPair => ("post", "/api/v1/mentoring/pairs/{id}/check-ins"),
        OutcomeOwnPair => ("post", "/api/v1/mentoring/pairs/{id}/outcomes"),
        Indicators => ("get", "/api/v1/mentoring/indicators"),
        ListCohorts => ("get", "/api/v1/mentoring/cohorts"),
        CreateCohort => ("post", "/api/v1/mentoring/cohorts"),
        ReadCohort => ("get", "/api/v1/mentoring/cohorts/{id}"),
        UpdateCohort => ("put", "/api/v1/mentoring/cohorts/{id}"),
        AddCohortMentor => ("post", "/api/v1/mentoring/cohorts/{id}/mentors"),
        DeleteCohortMentor => (
            "delete",
            "/api/v1/mentoring/cohorts/{id}/mentors/{mentor_id}",
        ),
        AddSession => ("post", "/api/v1/mentoring/cohorts/{id}/sessions"),
        SetAttendance => ("put", "/api/v1/mentoring/sessions/{id}/attendance"),
        AddEvaluation => ("post", "/api/v1/mentoring/cohorts/{id}/evaluations"),
    }
}

/// People and records that the matrix's requests are about, made through the app as the
/// coordinator. Pairs that must survive matching runs have started.
struct World {
    t: TestApp,
    tokens: Vec<(Who, Option<String>)>,
    setup: Actor,
    kari_account: i64,
    kari: i64,
    omar: i64,
    other_mentor: i64,
    other_mentee: i64,
    /// Kari and Omar's, ended early.
    own_pair: i64,
    other_pair: i64,
    cohort: i64,
    cohort_mentor: i64,
    session: i64,
    n: usize,
}

fn input(side: &str, name: &str, account: Option<i64>) -> app::ProfileInput {
    app::ProfileInput {
        side: side.into(),
        name: name.into(),
        municipality: "4640".into(),
        languages: vec![app::LanguageInput {
            language: "norsk".into(),
            level: if side == "mentor" { "native" } else { "b1" }.into(),
        }],
        capacity: (side == "mentor").then_some(if account.is_some() { 1 } else { 10 }),
        consent_given_on: "2024-01-02".into(),
        consent_text_version: "2024-1".into(),
        account_id: account,
        ..Default::default()
    }
}

fn change(action: &str, side: &str, on: &str, version: i64) -> app::PairChangeInput {
    app::PairChangeInput {
        unread: Default::default(),
        action: action.into(),
        side: side.into(),
        on: on.into(),
        reason: String::new(),
        version: Some(version),
    }
}

impl World {
    async fn new() -> World {
        let t = TestApp::sqlite().await;
        let mut tokens = Vec::new();
        let (kari_account, kari_token) = person(&t, "kari@sogn.test").await;
        let (omar_account, omar_token) = person(&t, "omar@sogn.test").await;
        for &who in EVERYONE {
            let token = match who {
                Who::Anonymous => None,
                Who::Reader => Some(t.session(Role::Reader, &[]).await),
                Who::Contact4643 => Some(t.session(Role::MunicipalContact, &["4643"]).await),
                Who::WorkGroupArbeid => Some(t.session(Role::WorkGroup, &["arbeid"]).await),
                Who::SteeringGroup => Some(t.session(Role::SteeringGroup, &[]).await),
                Who::ProjectLeader => Some(t.session(Role::ProjectLeader, &[]).await),
                Who::Coordinator => Some(t.session(Role::MentorCoordinator, &[]).await),
                Who::Admin => Some(t.session(Role::Admin, &[]).await),
                Who::SelfMentor => Some(kari_token.clone()),
                Who::SelfMentee => Some(omar_token.clone()),
            };
            tokens.push((who, token));
        }
        let coordinator = tokens
            .iter()
            .find_map(|(who, token)| token.clone().filter(|_| *who == Who::Coordinator))
            .unwrap();
        let setup = t.app.actor(&coordinator).await.unwrap().unwrap();
        let mut w = World {
            t,
            tokens,
            setup,
            kari_account,
            kari: 0,
            omar: 0,
            other_mentor: 0,
            other_mentee: 0,
            own_pair: 0,
            other_pair: 0,
            cohort: 0,
            cohort_mentor: 0,
            session: 0,
            n: 0,
        };
        w.kari = w
            .profile("mentor", "Kari Nordmann", Some(kari_account))
            .await;
        w.omar = w.profile("mentee", "Omar Ali", Some(omar_account)).await;
        w.other_mentor = w.profile("mentor", "Per Hansen", None).await;
        w.other_mentee = w.profile("mentee", "Amina Yusuf", None).await;
        // Someone the matching can always pair, so that a run has something to propose.
        w.profile("mentor", "Ivar Aasen", None).await;
        w.profile("mentee", "Sara Haile", None).await;
        // Kari and Omar's pair is over (ended early), so that Omar may be proposed again.
        w.own_pair = w.pair(w.kari, w.omar, "ended-early").await.0;
        w.other_pair = w.pair(w.other_mentor, w.other_mentee, "active").await.0;

        let app = &w.t.app;
        let who = Some(&w.setup);
        w.cohort = app
            .create_mentoring_cohort(
                who,
                &app::CohortInput {
                    employer: "Luster kommune".into(),
                    name: "Vår 2024".into(),
                    starts_on: "2024-02-01".into(),
                    version: None,
                },
            )
            .await
            .unwrap();
        w.cohort_mentor = app
            .add_mentoring_cohort_mentor(
                who,
                w.cohort,
                &app::CohortMentorInput {
                    name: "Liv Lærar".into(),
                },
            )
            .await
            .unwrap();
        w.session = app
            .add_mentoring_session(
                who,
                w.cohort,
                &app::SessionInput {
                    held_on: "2024-02-05".into(),
                    theme: "Velkomen".into(),
                },
            )
            .await
            .unwrap();
        w
    }

    fn next(&mut self) -> usize {
        self.n += 1;
        self.n
    }

    async fn profile(&self, side: &str, name: &str, account: Option<i64>) -> i64 {
        self.t
            .app
            .create_mentoring_profile(Some(&self.setup), &input(side, name, account))
            .await
            .unwrap()
    }

    /// A pair of these two, moved on to `status`; its id and version. Proposals nobody
    /// accepted are replaced, as a matching run would.
    async fn pair(&self, mentor: i64, mentee: i64, status: &str) -> (i64, i64) {
        let who = store::Who {
            id: Some(self.setup.id),
            label: self.setup.email.clone(),
        };
        let new = NewPair {
            mentor_id: mentor,
            mentee_id: mentee,
            locked: false,
            score: 0,
            explanation: vec![],
        };
        let stored = self
            .t
            .db
            .store_mentoring_proposal(&who, &[new])
            .await
            .unwrap();
        let mut p = stored[0].clone();
        let steps: &[(&str, &str, &str)] = match status {
            "proposed" => &[],
            "accepted" => &[("accept", "mentor", ""), ("accept", "mentee", "")],
            "active" | "completed" | "ended-early" => &[
                ("accept", "mentor", "2024-01-05"),
                ("accept", "mentee", "2024-01-05"),
                ("start", "", "2024-01-10"),
            ],
            other => panic!("{other}"),
        };
        let end = match status {
            "completed" => Some("complete"),
            "ended-early" => Some("end-early"),
            _ => None,
        };
        let end = end.map(|action| (action, "", "2024-06-01"));
        for (action, side, on) in steps.iter().copied().chain(end) {
            p = self.change(p.id, action, side, on, p.version).await;
        }
        (p.id, p.version)
    }

    async fn change(&self, id: i64, action: &str, side: &str, on: &str, version: i64) -> Pair {
        let step = app::PairChangeInput {
            reason: "flytta".into(),
            ..change(action, side, on, version)
        };
        self.t
            .app
            .change_mentoring_pair(Some(&self.setup), id, &step)
            .await
            .unwrap()
    }

    /// A fresh pair of Kari (a person has one profile per side) and a new mentee.
    async fn karis_fresh_pair(&mut self, status: &str) -> (i64, i64) {
        let n = self.next();
        let mentee = self.profile("mentee", &format!("Mentee {n}"), None).await;
        self.pair(self.kari, mentee, status).await
    }

    /// A fresh proposal of a new mentor and Omar, once what an earlier request left of
    /// Omar's pairs is ended: a mentee is in one pair at a time.
    async fn omars_fresh_proposal(&mut self) -> (i64, i64) {
        let pairs = self.t.app.mentoring_pairs(Some(&self.setup)).await.unwrap();
        for p in pairs
            .iter()
            .filter(|p| p.mentee_id == self.omar && !p.status().is_over())
        {
            if !p.is_replaceable() {
                self.change(p.id, "end-early", "", "", p.version).await;
            }
        }
        let n = self.next();
        let mentor = self.profile("mentor", &format!("Mentor {n}"), None).await;
        self.pair(mentor, self.omar, "proposed").await
    }

    /// Kari's mentee profile, made for deleting: one is left over from a refused delete.
    async fn karis_mentee_profile(&mut self) -> i64 {
        let all = self
            .t
            .app
            .mentoring_profiles(Some(&self.setup), Some(domain::mentor::Side::Mentee))
            .await
            .unwrap();
        match all
            .iter()
            .find(|p| p.fields.account_id == Some(self.kari_account))
        {
            Some(p) => p.id,
            None => {
                let n = self.next();
                self.profile("mentee", &format!("Kari sin {n}"), Some(self.kari_account))
                    .await
            }
        }
    }

    /// Prepares what a valid request for `route` needs; returns the request.
    async fn request(&mut self, route: Route) -> (Method, String, Option<Value>) {
        use Route::*;
        let n = self.next();
        let (method, path) = endpoint(route);
        let method: Method = method.to_uppercase().parse().unwrap();
        let profile_uri = |id: i64| format!("/api/v1/mentoring/profiles/{id}");
        let pair_uri = |id: i64, rest: &str| format!("/api/v1/mentoring/pairs/{id}{rest}");
        let cohort_uri = |id: i64, rest: &str| format!("/api/v1/mentoring/cohorts/{id}{rest}");
        let (uri, body): (String, Option<Value>) = match route {
            Me | ListProfiles | ReadRules | ReadPairRules | PreviewMatching | RunMatching
            | ListPairs | Indicators | ListCohorts => (path.to_string(), None),
            ListMentees => ("/api/v1/mentoring/profiles?side=mentee".into(), None),
            CreateProfile => (
                path.to_string(),
                Some(profile(
                    "mentee",
                    &format!("Ny deltakar {n}"),
                    "4640",
                    "b1",
                    "",
                )),
            ),
            ReadKarisProfile => (profile_uri(self.kari), None),
            ReadOmarsProfile => (profile_uri(self.omar), None),
            ReadOtherProfile => (profile_uri(self.other_mentor), None),
            UpdateKarisProfile | UpdateOtherProfile => {
                let (id, account) = if route == UpdateKarisProfile {
                    (self.kari, Some(self.kari_account))
                } else {
                    (self.other_mentor, None)
                };
                let current = self
                    .t
                    .app
                    .mentoring_profile(Some(&self.setup), id)
                    .await
                    .unwrap();
                let mut body = profile("mentor", &current.fields.name, "4640", "native", "");
                body["occupation"] = json!(format!("yrke {n}"));
                body["capacity"] = json!(current.fields.capacity);
                body["account_id"] = json!(account);
                body["version"] = json!(current.version);
                (profile_uri(id), Some(body))
            }
            DeleteKarisProfile => (profile_uri(self.karis_mentee_profile().await), None),
            DeleteOtherProfile => {
                let id = self
                    .profile("mentee", &format!("Ein annan {n}"), None)
                    .await;
                (profile_uri(id), None)
            }
            SetRules => {
                let (_, version) = self.t.app.mentoring_rules(Some(&self.setup)).await.unwrap();
                (
                    path.to_string(),
                    Some(json!({"min_level": "b1", "version": version})),
                )
            }
            SetPairRule => (
                path.to_string(),
                Some(
                    json!({"mentor_id": self.other_mentor, "mentee_id": self.other_mentee, "kind": "exclude"}),
                ),
            ),
            ReadOwnPair => (pair_uri(self.own_pair, ""), None),
            ReadOtherPair => (pair_uri(self.other_pair, ""), None),
            OwnPairLog => (pair_uri(self.own_pair, "/log"), None),
            OtherPairLog => (pair_uri(self.other_pair, "/log"), None),
            AcceptOwnAsMentor => {
                let (id, version) = self.karis_fresh_pair("proposed").await;
                (
                    pair_uri(id, "/changes"),
                    Some(json!({"action": "accept", "side": "mentor", "version": version})),
                )
            }
            AcceptOwnAsMentee => {
                let (id, version) = self.omars_fresh_proposal().await;
                (
                    pair_uri(id, "/changes"),
                    Some(json!({"action": "accept", "side": "mentee", "version": version})),
                )
            }
            AcceptOther => {
                let mentor = self.profile("mentor", &format!("Mentor {n}"), None).await;
                let mentee = self.profile("mentee", &format!("Mentee {n}"), None).await;
                let (id, version) = self.pair(mentor, mentee, "proposed").await;
                (
                    pair_uri(id, "/changes"),
                    Some(json!({"action": "accept", "side": "mentor", "version": version})),
                )
            }
            StartOwn => {
                let (id, version) = self.karis_fresh_pair("accepted").await;
                (
                    pair_uri(id, "/changes"),
                    Some(json!({"action": "start", "version": version})),
                )
            }
            CompleteOwn => {
                let (id, version) = self.karis_fresh_pair("active").await;
                (
                    pair_uri(id, "/changes"),
                    Some(json!({"action": "complete", "version": version})),
                )
            }
            EndOwnEarly => {
                let (id, version) = self.karis_fresh_pair("proposed").await;
                (
                    pair_uri(id, "/changes"),
                    Some(json!({"action": "end-early", "reason": "flytta", "version": version})),
                )
            }
            MeetingOwnPair | MeetingOtherPair => {
                let id = if route == MeetingOwnPair {
                    self.own_pair
                } else {
                    self.other_pair
                };
                (
                    pair_uri(id, "/meetings"),
                    Some(json!({"held_on": "2024-02-01", "minutes": 60})),
                )
            }
            CheckInOwnPair => (
                pair_uri(self.own_pair, "/check-ins"),
                Some(json!({"kind": "midway", "held_on": "2024-03-01"})),
            ),
            OutcomeOwnPair => (
                pair_uri(self.own_pair, "/outcomes"),
                Some(json!({"follow_up": "end", "recorded_on": "2024-06-01", "in_work": true})),
            ),
            CreateCohort => (
                path.to_string(),
                Some(json!({"employer": "Årdal kommune", "name": format!("Kull {n}")})),
            ),
            ReadCohort => (cohort_uri(self.cohort, ""), None),
            UpdateCohort => {
                let d = self
                    .t
                    .app
                    .mentoring_cohort(Some(&self.setup), self.cohort)
                    .await
                    .unwrap();
                (
                    cohort_uri(self.cohort, ""),
                    Some(
                        json!({"employer": "Luster kommune", "name": format!("Vår 2024 ({n})"), "version": d.cohort.version}),
                    ),
                )
            }
            AddCohortMentor => (
                cohort_uri(self.cohort, "/mentors"),
                Some(json!({"name": format!("Tilsett {n}")})),
            ),
            DeleteCohortMentor => {
                let m = self
                    .t
                    .app
                    .add_mentoring_cohort_mentor(
                        Some(&self.setup),
                        self.cohort,
                        &app::CohortMentorInput {
                            name: format!("Vikar {n}"),
                        },
                    )
                    .await
                    .unwrap();
                (cohort_uri(self.cohort, &format!("/mentors/{m}")), None)
            }
            AddSession => (
                cohort_uri(self.cohort, "/sessions"),
                Some(json!({"held_on": "2024-03-05", "theme": format!("Tema {n}")})),
            ),
            SetAttendance => (
                format!("/api/v1/mentoring/sessions/{}/attendance", self.session),
                Some(json!({"mentor_ids": [self.cohort_mentor]})),
            ),
            AddEvaluation => (
                cohort_uri(self.cohort, "/evaluations"),
                Some(json!({"text": "Godt opplegg", "score": 5})),
            ),
        };
        (method, uri, body)
    }
}

#[tokio::test]
pub(crate) async fn every_mentoring_route_for_every_role() {
    let mut w = World::new().await;
    let mut failures = Vec::new();
    let tokens = w.tokens.clone();
    for &route in ROUTES {
        for (who, token) in &tokens {
            let (who, token) = (*who, token.as_deref());
            let want_ok = allowed(who, route);
            let (method, uri, body) = w.request(route).await;
            let before = newest_audit_id(&w.t).await;
            let got = w.t.call(method, &uri, token, body).await;
            let problem = got.is_problem();
            let fine = if want_ok {
                got.status.is_success()
            } else if who == Who::Anonymous {
                got.status == StatusCode::UNAUTHORIZED && problem
            } else {
                got.status == refusal(who, route) && problem
            };
            if !fine {
                failures.push(format!(
                    "{route:?} as {who:?}: got {} ({}), allowed = {want_ok}",
                    got.status, got.body
                ));
            }
            // A refused request reads nothing and writes nothing, so it leaves no audit row.
            if !want_ok && newest_audit_id(&w.t).await != before {
                failures.push(format!("{route:?} as {who:?}: refused but audited"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test]
async fn the_matrix_covers_every_documented_mentoring_route() {
    let t = TestApp::sqlite().await;
    let doc = t.get("/api/openapi.json").await.json();
    let (documented, tested) = documented_and_tested(&doc, "/api/v1/mentoring", ROUTES, endpoint);
    assert_eq!(documented, tested);
    assert_eq!(documented.len(), 29);
    // Clients name operations by id, so the new ones must not collide with the plan's.
    let mut ids: Vec<&str> = doc["paths"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|ops| ops.as_object().unwrap().values())
        .map(|op| op["operationId"].as_str().unwrap())
        .collect();
    let all = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), all, "operation ids are unique");
}

// ── (3) Bad input ─────────────────────────────────────────────────────────────────────

async fn profile_count(t: &TestApp, token: Option<&str>) -> usize {
    let all = t
        .send(Method::GET, "/api/v1/mentoring/profiles", token, None)
        .await;
    ok(&all, StatusCode::OK).as_array().unwrap().len()
}

#[tokio::test]
async fn bad_input_is_refused_naming_the_field_and_changes_nothing() {
    on_each_backend(|t| async move {
        let c = t.session(Role::MentorCoordinator, &[]).await;
        let c = Some(c.as_str());
        let list = "/api/v1/mentoring/profiles";
        let created = t.json(Method::POST, list, c, profile("mentee", "Amina Yusuf", "4640", "b1", "")).await;
        let amina = ok(&created, StatusCode::CREATED);
        let audit_before = newest_audit_id(&t).await;

        let malformed = t.send(Method::POST, list, c, Some(("application/json", "{\"side\": \"mentor\",".into()))).await;
        problem_fields(&malformed, StatusCode::BAD_REQUEST);
        let missing = t.json(Method::POST, list, c, json!({"side": "mentee", "municipality": "4640"})).await;
        problem_fields(&missing, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(missing.json()["detail"].as_str().unwrap().contains("`name`"), "{}", missing.body);
        let wrong_type = t.json(Method::POST, list, c, json!({"side": "mentor", "name": "Per", "municipality": "4640", "capacity": "two"})).await;
        problem_fields(&wrong_type, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(wrong_type.json()["detail"].as_str().unwrap().contains("capacity"), "{}", wrong_type.body);

        let buddy = t.json(Method::POST, list, c, profile("buddy", "Per Hansen", "4640", "native", "")).await;
        assert_eq!(problem_fields(&buddy, StatusCode::UNPROCESSABLE_ENTITY), ["side"]);
        let side_query = t.send(Method::GET, "/api/v1/mentoring/profiles?side=buddy", c, None).await;
        assert_eq!(problem_fields(&side_query, StatusCode::UNPROCESSABLE_ENTITY), ["side"]);
        let mut zero = profile("mentor", "Per Hansen", "4640", "native", "");
        zero["capacity"] = json!(0);
        assert_eq!(problem_fields(&t.json(Method::POST, list, c, zero).await, StatusCode::UNPROCESSABLE_ENTITY), ["capacity"]);
        let twin = t.json(Method::POST, list, c, profile("mentee", "  amina   YUSUF ", "4640", "b1", "")).await;
        assert_eq!(problem_fields(&twin, StatusCode::UNPROCESSABLE_ENTITY), ["name"]);
        let outside = t.json(Method::POST, list, c, profile("mentee", "Ola Nordmann", "0301", "b1", "")).await;
        assert_eq!(problem_fields(&outside, StatusCode::UNPROCESSABLE_ENTITY), ["municipality"]);
        let not_an_id = t.send(Method::GET, "/api/v1/mentoring/profiles/amina", c, None).await;
        problem_fields(&not_an_id, StatusCode::BAD_REQUEST);
        let nobody = t.send(Method::GET, "/api/v1/mentoring/profiles/999999", c, None).await;
        problem_fields(&nobody, StatusCode::NOT_FOUND);
        assert_eq!(newest_audit_id(&t).await, audit_before, "nothing was written or read");
        assert_eq!(profile_count(&t, c).await, 1);

        // A stale version is a conflict and leaves the profile as the first change made it.
        let uri = format!("{list}/{}", amina["id"]);
        let mut body = profile("mentee", "Amina Yusuf", "4640", "b1", "elektrikar");
        body["version"] = json!(1);
        ok(&t.json(Method::PUT, &uri, c, body.clone()).await, StatusCode::OK);
        body["occupation"] = json!("frå ein gammal kopi");
        problem_fields(&t.json(Method::PUT, &uri, c, body.clone()).await, StatusCode::CONFLICT);
        body.as_object_mut().unwrap().remove("version");
        assert_eq!(problem_fields(&t.json(Method::PUT, &uri, c, body).await, StatusCode::UNPROCESSABLE_ENTITY), ["version"]);
        let now = ok(&t.send(Method::GET, &uri, c, None).await, StatusCode::OK);
        assert_eq!((now["occupation"].as_str(), now["version"].as_i64()), (Some("elektrikar"), Some(2)));

        let rules = ok(&t.send(Method::GET, "/api/v1/mentoring/rules", c, None).await, StatusCode::OK);
        let stale = t.json(Method::PUT, "/api/v1/mentoring/rules", c,
            json!({"min_level": "c1", "version": rules["version"].as_i64().unwrap() + 5})).await;
        problem_fields(&stale, StatusCode::CONFLICT);
        let bad = t.json(Method::PUT, "/api/v1/mentoring/rules", c,
            json!({"min_level": "d1", "neighbours": [["4640"]], "weights": {"beauty": 3}, "version": rules["version"]})).await;
        assert_eq!(problem_fields(&bad, StatusCode::UNPROCESSABLE_ENTITY), ["neighbours", "min_level"]);
        assert_eq!(ok(&t.send(Method::GET, "/api/v1/mentoring/rules", c, None).await, StatusCode::OK), rules);
        let rule = t.json(Method::POST, "/api/v1/mentoring/pair-rules", c,
            json!({"mentor_id": amina["id"], "mentee_id": amina["id"], "kind": "forbid"})).await;
        assert_eq!(problem_fields(&rule, StatusCode::UNPROCESSABLE_ENTITY), ["kind"]);

        // Nobody can be matched: refused with the reasons, and no pair is stored.
        let run = t.send(Method::POST, "/api/v1/mentoring/matching", c, None).await;
        assert_eq!(problem_fields(&run, StatusCode::UNPROCESSABLE_ENTITY), ["matching"]);
        assert_eq!(ok(&t.send(Method::GET, "/api/v1/mentoring/pairs", c, None).await, StatusCode::OK), json!([]));

        // A pair: an illegal step, a stale version and a meeting before the start change nothing.
        ok(&t.json(Method::POST, list, c, profile("mentor", "Kari Nordmann", "4640", "native", "")).await, StatusCode::CREATED);
        let run = ok(&t.send(Method::POST, "/api/v1/mentoring/matching", c, None).await, StatusCode::CREATED);
        let pair = format!("/api/v1/mentoring/pairs/{}", run["proposed"][0]["pair_id"]);
        let changes = format!("{pair}/changes");
        let finish = t.json(Method::POST, &changes, c, json!({"action": "finish", "version": 1})).await;
        assert_eq!(problem_fields(&finish, StatusCode::UNPROCESSABLE_ENTITY), ["action"]);
        let complete = t.json(Method::POST, &changes, c, json!({"action": "complete", "version": 1})).await;
        assert_eq!(problem_fields(&complete, StatusCode::UNPROCESSABLE_ENTITY), ["status"]);
        let stale = t.json(Method::POST, &changes, c, json!({"action": "accept", "side": "mentor", "version": 7})).await;
        problem_fields(&stale, StatusCode::CONFLICT);
        let meeting = t.json(Method::POST, &format!("{pair}/meetings"), c, json!({"minutes": 0})).await;
        assert_eq!(problem_fields(&meeting, StatusCode::UNPROCESSABLE_ENTITY), ["minutes"]);
        let meeting = t.json(Method::POST, &format!("{pair}/meetings"), c, json!({"minutes": 30})).await;
        assert_eq!(problem_fields(&meeting, StatusCode::UNPROCESSABLE_ENTITY), ["held_on"]);
        let outcome = t.json(Method::POST, &format!("{pair}/outcomes"), c, json!({"follow_up": "end"})).await;
        assert_eq!(problem_fields(&outcome, StatusCode::UNPROCESSABLE_ENTITY), ["follow_up"]);
        let p = ok(&t.send(Method::GET, &pair, c, None).await, StatusCode::OK);
        assert_eq!((p["status"].as_str(), p["version"].as_i64()), (Some("proposed"), Some(1)));
        let log = ok(&t.send(Method::GET, &format!("{pair}/log"), c, None).await, StatusCode::OK);
        assert_eq!(log, json!({"meetings": [], "check_ins": [], "outcomes": []}));

        // Cohorts.
        let cohort = ok(&t.json(Method::POST, "/api/v1/mentoring/cohorts", c, json!({"employer": "Luster kommune", "name": "Haust"})).await, StatusCode::CREATED);
        let curi = format!("/api/v1/mentoring/cohorts/{}", cohort["id"]);
        let blank = t.json(Method::POST, "/api/v1/mentoring/cohorts", c, json!({"employer": " ", "name": "Haust", "starts_on": "i morgon"})).await;
        assert_eq!(problem_fields(&blank, StatusCode::UNPROCESSABLE_ENTITY), ["starts_on", "employer"]);
        let stale = t.json(Method::PUT, &curi, c, json!({"employer": "Luster kommune", "name": "Vår", "version": 9})).await;
        problem_fields(&stale, StatusCode::CONFLICT);
        let score = t.json(Method::POST, &format!("{curi}/evaluations"), c, json!({"score": 6})).await;
        assert_eq!(problem_fields(&score, StatusCode::UNPROCESSABLE_ENTITY), ["score"]);
        let liv = ok(&t.json(Method::POST, &format!("{curi}/mentors"), c, json!({"name": "Liv Lærar"})).await, StatusCode::CREATED);
        let twice = t.json(Method::POST, &format!("{curi}/mentors"), c, json!({"name": "liv  lærar"})).await;
        assert_eq!(problem_fields(&twice, StatusCode::UNPROCESSABLE_ENTITY), ["name"]);
        let other = ok(&t.json(Method::POST, "/api/v1/mentoring/cohorts", c, json!({"employer": "Årdal kommune", "name": "Vår"})).await, StatusCode::CREATED);
        let wrong_cohort = t.send(Method::DELETE, &format!("/api/v1/mentoring/cohorts/{}/mentors/{}", other["id"], liv["id"]), c, None).await;
        problem_fields(&wrong_cohort, StatusCode::NOT_FOUND);
        let d = ok(&t.send(Method::GET, &curi, c, None).await, StatusCode::OK);
        assert_eq!((d["name"].as_str(), d["version"].as_i64()), (Some("Haust"), Some(1)));
        assert_eq!((d["mentors"].as_array().unwrap().len(), d["evaluations"].as_array().unwrap().len()), (1, 0));
        assert_eq!(profile_count(&t, c).await, 2);
    })
    .await;
}

// ── (4) Audited reads ─────────────────────────────────────────────────────────────────

async fn reads(t: &TestApp, admin: &str, entity: &str, entity_id: &str) -> Vec<Value> {
    t.get_as("/api/v1/audit", admin)
        .await
        .json()
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| {
            e["operation"] == "read" && e["entity"] == entity && e["entity_id"] == entity_id
        })
        .cloned()
        .collect()
}

#[tokio::test]
async fn every_read_of_a_profile_is_audited() {
    on_each_backend(|t| async move {
        let admin = t.session(Role::Admin, &[]).await;
        let c = t.session(Role::MentorCoordinator, &[]).await;
        let (kari_account, kari) = person(&t, "kari@sogn.test").await;
        let mut body = profile("mentor", "Kari Nordmann", "4640", "native", "");
        body["account_id"] = json!(kari_account);
        let created = ok(
            &t.json(Method::POST, "/api/v1/mentoring/profiles", Some(&c), body)
                .await,
            StatusCode::CREATED,
        );
        let id = created["id"].as_i64().unwrap();
        let uri = format!("/api/v1/mentoring/profiles/{id}");
        let one = reads(&t, &admin, "mentoring_profile", &id.to_string())
            .await
            .len();
        assert_eq!(
            one, 1,
            "answering the creation with the profile is a read too"
        );

        ok(&t.get_as(&uri, &c).await, StatusCode::OK);
        ok(&t.get_as(&uri, &kari).await, StatusCode::OK);
        ok(&t.get_as(&uri, &admin).await, StatusCode::OK);
        let rows = reads(&t, &admin, "mentoring_profile", &id.to_string()).await;
        let actors: Vec<_> = rows
            .iter()
            .take(3)
            .map(|r| r["actor"].as_str().unwrap())
            .collect();
        assert_eq!(
            actors,
            [
                "admin-@sogn.test",
                "kari@sogn.test",
                "mentor-coordinator-@sogn.test"
            ],
            "newest first"
        );

        let lists = reads(&t, &admin, "mentoring_profile", "list").await.len();
        ok(
            &t.get_as("/api/v1/mentoring/profiles", &c).await,
            StatusCode::OK,
        );
        ok(
            &t.get_as("/api/v1/mentoring/profiles?side=mentor", &c).await,
            StatusCode::OK,
        );
        ok(
            &t.get_as("/api/v1/mentoring/me", &kari).await,
            StatusCode::OK,
        );
        let rows = reads(&t, &admin, "mentoring_profile", "list").await;
        // Two lists, and "me" reads the person's profiles for them and again for their pairs.
        assert_eq!(rows.len(), lists + 4);
        assert!(
            rows.iter()
                .take(4)
                .all(|r| r["after"]["ids"] == json!([id])),
            "{rows:?}"
        );
        assert_eq!(rows[0]["actor"], "kari@sogn.test");

        // Reading it to change it is audited too; a refused read is not.
        let mut body = profile("mentor", "Kari Nordmann", "4640", "native", "elektrikar");
        body["account_id"] = json!(kari_account);
        body["version"] = json!(1);
        ok(
            &t.json(Method::PUT, &uri, Some(&kari), body).await,
            StatusCode::OK,
        );
        let after_update = reads(&t, &admin, "mentoring_profile", &id.to_string())
            .await
            .len();
        assert_eq!(after_update, 5);
        let reader = t.session(Role::Reader, &[]).await;
        assert_eq!(t.get_as(&uri, &reader).await.status, StatusCode::NOT_FOUND);
        assert_eq!(
            reads(&t, &admin, "mentoring_profile", &id.to_string())
                .await
                .len(),
            after_update
        );
    })
    .await;
}

// ── (5) Ids, never people, in URLs ────────────────────────────────────────────────────

#[tokio::test]
async fn urls_carry_ids_never_personal_data() {
    let t = TestApp::sqlite().await;
    let doc = t.get("/api/openapi.json").await.json();
    let mut checked = 0;
    for (path, ops) in doc["paths"].as_object().unwrap() {
        if !path.starts_with("/api/v1/mentoring") {
            continue;
        }
        for segment in path.split('/').filter(|s| s.starts_with('{')) {
            assert!(matches!(segment, "{id}" | "{mentor_id}"), "{path}");
        }
        for (method, op) in ops.as_object().unwrap() {
            for p in op["parameters"].as_array().into_iter().flatten() {
                match p["in"].as_str().unwrap() {
                    "path" => assert_eq!(p["schema"]["type"], "integer", "{method} {path}: {p}"),
                    "query" => assert_eq!(
                        (method.as_str(), path.as_str(), p["name"].as_str()),
                        ("get", "/api/v1/mentoring/profiles", Some("side")),
                        "only the side filters, never a name"
                    ),
                    other => panic!("{method} {path}: parameter in {other}"),
                }
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 18, "17 ids in paths and the side filter");

    // A name where an id belongs is refused, not looked up.
    let c = t.session(Role::MentorCoordinator, &[]).await;
    let created = t
        .json(
            Method::POST,
            "/api/v1/mentoring/profiles",
            Some(&c),
            profile("mentee", "Amina Yusuf", "4640", "b1", ""),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED);
    assert!(created.location().is_empty());
    for uri in [
        "/api/v1/mentoring/profiles/Amina%20Yusuf",
        "/api/v1/mentoring/pairs/amina",
    ] {
        let a = t.get_as(uri, &c).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{uri}");
        assert_eq!(a.headers["content-type"], "application/problem+json");
        assert!(!a.body.contains("Yusuf"), "{uri}: {}", a.body);
    }
}
