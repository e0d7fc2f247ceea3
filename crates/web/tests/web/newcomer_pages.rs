//! The newcomer service's pages as staff and newcomers use them: forms with errors beside
//! the fields, who may see which case, the newcomer's own export and erasure, the cohorts
//! and the welcome pages in five languages.

use axum::http::StatusCode;
use domain::access::Role;

use crate::helpers::TestApp;

fn case_fields<'a>(name: &'a str, municipality: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", name),
        ("phone", "+47 400 00 000"),
        ("email", "ny@example.no"),
        ("municipality", municipality),
        ("arrival_date", "2024-03-01"),
        ("category", "labour"),
        ("household", "partner 1988, child 2017"),
        ("languages", "polsk, engelsk"),
        ("needs", "job"),
        ("needs", "school"),
    ]
}

/// A case registered through the form by `token`; its id.
async fn register(t: &TestApp, token: &str, fields: &[(&str, &str)]) -> i64 {
    let res = t.form("/newcomers", Some(token), fields).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    res.location().rsplit('/').next().unwrap().parse().unwrap()
}

#[tokio::test]
async fn staff_register_follow_and_erase_a_case_through_the_forms() {
    let t = TestApp::sqlite().await;
    let staff = t.session(Role::NewcomerStaff, &["4643"]).await;
    let name = "Agnieszka Testowa-Unik";

    // Bad input comes back beside the field, with what was typed, and changes nothing.
    let mut bad = case_fields(name, "4643");
    bad.retain(|(k, _)| *k != "arrival_date");
    bad.push(("arrival_date", "2024-02-30"));
    let res = t.form("/newcomers", Some(&staff), &bad).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(
        res.body.contains("id=\"case-arrival-date-error\""),
        "{}",
        res.body
    );
    assert!(res.body.contains(&format!("value=\"{name}\"")));
    assert!(
        res.body.contains("value=\"school\" checked"),
        "ticked needs are kept"
    );
    let mut bad = case_fields(name, "0301");
    bad.retain(|(k, _)| *k != "household");
    bad.push(("household", "barn"));
    let res = t.form("/newcomers", Some(&staff), &bad).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body.contains("id=\"case-household-error\""),
        "{}",
        res.body
    );
    let list = t.get_as("/newcomers", &staff).await;
    assert!(!list.body.contains(name), "nothing was registered");

    let id = register(&t, &staff, &case_fields(name, "4643")).await;
    let page = t.get_as(&format!("/newcomers/{id}"), &staff).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.headers["cache-control"], "no-store");
    assert!(page.body.contains(name) && page.body.contains("skule"));
    assert!(
        page.body.contains("etter 3 månader"),
        "due follow-ups are listed"
    );

    let step = t
        .form(
            &format!("/newcomers/{id}/steps"),
            Some(&staff),
            &[("kind", "first-contact"), ("done_on", "2024-03-04")],
        )
        .await;
    assert_eq!(step.status, StatusCode::SEE_OTHER, "{}", step.body);
    let early = t
        .form(
            &format!("/newcomers/{id}/follow-ups"),
            Some(&staff),
            &[
                ("at", "3-months"),
                ("recorded_on", "2024-03-10"),
                ("residence", "in-municipality"),
            ],
        )
        .await;
    assert_eq!(
        early.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a follow-up before it is due"
    );
    let follow = t
        .form(
            &format!("/newcomers/{id}/follow-ups"),
            Some(&staff),
            &[
                ("at", "3-months"),
                ("recorded_on", "2024-06-10"),
                ("residence", "in-municipality"),
            ],
        )
        .await;
    assert_eq!(follow.status, StatusCode::SEE_OTHER, "{}", follow.body);
    let consent = t
        .form(
            &format!("/newcomers/{id}/consents"),
            Some(&staff),
            &[
                ("purpose", "follow-ups"),
                ("basis", "consent"),
                ("given_on", "2024-03-04"),
                ("text_version", "2024-1"),
            ],
        )
        .await;
    assert_eq!(consent.status, StatusCode::SEE_OTHER, "{}", consent.body);
    let page = t.get_as(&format!("/newcomers/{id}"), &staff).await;
    assert!(page.body.contains("første kontakt") && page.body.contains("framleis i kommunen"));
    assert!(page.body.contains("Trekk tilbake samtykket"));

    // Staff elsewhere, and everyone else, see nothing of it.
    let other = t.session(Role::NewcomerStaff, &["4640"]).await;
    let reader = t.session(Role::Reader, &[]).await;
    let leader = t.session(Role::ProjectLeader, &[]).await;
    for token in [&other, &reader, &leader] {
        // Not even that it exists: the same answer as for a case that does not.
        let res = t.get_as(&format!("/newcomers/{id}"), token).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
        assert!(!res.body.contains(name));
        let res = t.get_as(&format!("/newcomers/{id}/export"), token).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
        let list = t.get_as("/newcomers", token).await;
        assert!(!list.body.contains(name));
    }
    assert_eq!(
        t.get("/newcomers").await.status,
        StatusCode::SEE_OTHER,
        "anonymous: log in"
    );

    let export = t.get_as(&format!("/newcomers/{id}/export"), &staff).await;
    assert_eq!(export.status, StatusCode::OK);
    assert_eq!(export.headers["cache-control"], "no-store");
    assert!(export.body.contains(name) && export.body.contains("first-contact"));

    let erased = t
        .form(&format!("/newcomers/{id}/erase"), Some(&staff), &[])
        .await;
    assert_eq!(erased.status, StatusCode::SEE_OTHER);
    let again = t
        .form(&format!("/newcomers/{id}/erase"), Some(&staff), &[])
        .await;
    assert_eq!(again.status, StatusCode::NOT_FOUND, "a second erasure");
    let audit = t.db.audit_log(500, 0).await.unwrap();
    assert!(
        !format!("{audit:?}").contains(name),
        "the audit log holds no name"
    );
}

#[tokio::test]
async fn an_anonymous_form_with_bad_fields_is_asked_to_sign_in_first() {
    let t = TestApp::sqlite().await;
    let mut bad = case_fields("Anonym Person-Unik", "4643");
    bad.retain(|(k, _)| *k != "household");
    bad.push(("household", "barn"));
    bad.push(("account_id", "ein"));
    let res = t.form("/newcomers", None, &bad).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert!(res.location().starts_with("/login"), "{}", res.location());
    let res = t
        .form("/mentoring/profiles", None, &[("capacity", "two")])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert!(res.location().starts_with("/login"), "{}", res.location());
}

#[tokio::test]
async fn a_newcomer_sees_corrects_exports_and_erases_their_own_case() {
    let t = TestApp::sqlite().await;
    let staff = t.session(Role::NewcomerStaff, &["4643"]).await;
    let account = t
        .app
        .add_user(
            None,
            "ny@sogn.test",
            "a long test password",
            Role::Reader,
            vec![],
            vec![],
        )
        .await
        .unwrap();
    let own = t
        .app
        .login("ny@sogn.test", "a long test password")
        .await
        .unwrap()
        .token;
    let none = t.get_as("/newcomers/me", &own).await;
    assert!(none.body.contains("Ingen sak i tilflyttartenesta"));

    let account = account.to_string();
    let mut fields = case_fields("Olena Sjølv", "4643");
    fields.push(("account_id", &account));
    let id = register(&t, &staff, &fields).await;

    let page = t.get_as("/newcomers/me", &own).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Olena Sjølv"));
    assert!(
        !page.body.contains(&format!("/newcomers/{id}")),
        "no staff links on the own page"
    );
    // The case's staff page sends the person to their own page.
    let by_id = t.get_as(&format!("/newcomers/{id}"), &own).await;
    assert_eq!(
        (by_id.status, by_id.location()),
        (StatusCode::SEE_OTHER, "/newcomers/me")
    );

    let version = page
        .body
        .split("name=\"version\" value=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap()
        .to_string();
    let res = t
        .form(
            "/newcomers/me",
            Some(&own),
            &[
                ("name", "Olena Sjølv"),
                ("phone", "+47 411 11 111"),
                ("email", ""),
                ("languages", "ukrainsk"),
                ("version", &version),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let export = t.get_as("/newcomers/me/export", &own).await;
    assert_eq!(export.status, StatusCode::OK);
    assert!(export.body.contains("+47 411 11 111") && export.body.contains("ukrainsk"));

    let erased = t.form("/newcomers/me/erase", Some(&own), &[]).await;
    assert_eq!(erased.status, StatusCode::SEE_OTHER);
    assert!(t
        .get_as("/newcomers/me", &own)
        .await
        .body
        .contains("Ingen sak i tilflyttartenesta"));
    assert_eq!(
        t.get_as(&format!("/newcomers/{id}"), &staff).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn welcome_pages_in_five_languages_and_public_cohorts() {
    let t = TestApp::sqlite().await;
    for (tag, words) in [
        ("nn", "Velkomen til Sogn"),
        ("nb", "Velkommen til Sogn"),
        ("en", "Welcome to Sogn"),
        ("pl", "Witamy w Sogn"),
        ("uk", "Ласкаво просимо до Согн"),
    ] {
        let res = t.get(&format!("/welcome/{tag}")).await;
        assert_eq!(res.status, StatusCode::OK, "{tag}");
        assert!(res.body.contains(words), "{tag}");
        assert!(
            res.body.contains(&format!("lang=\"{tag}\" dir=\"ltr\"")),
            "{tag}"
        );
    }
    assert_eq!(t.get("/welcome/xx").await.status, StatusCode::NOT_FOUND);
    assert!(
        t.get("/welcome").await.body.contains("Velkomen til Sogn"),
        "nynorsk by default"
    );
    let cohorts = t.get("/newcomers/cohorts").await;
    assert_eq!(cohorts.status, StatusCode::OK);
    // Nobody has arrived yet: the page says so rather than show a share of nobody.
    assert!(
        cohorts.body.contains("Ingen kull å vise enno."),
        "{}",
        cohorts.body
    );
}

/// Who asks, in the page matrix below.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Asker {
    Anonymous,
    Reader,
    Contact4643,
    WorkGroup,
    SteeringGroup,
    ProjectLeader,
    Coordinator,
    Staff4643,
    Staff4640,
    Admin,
    /// The account linked to the case.
    Own,
}

const ASKERS: [Asker; 11] = [
    Asker::Anonymous,
    Asker::Reader,
    Asker::Contact4643,
    Asker::WorkGroup,
    Asker::SteeringGroup,
    Asker::ProjectLeader,
    Asker::Coordinator,
    Asker::Staff4643,
    Asker::Staff4640,
    Asker::Admin,
    Asker::Own,
];

/// Every page route that shows or changes a person's data, with `{id}` for the case.
const ROUTES: [(&str, &str); 14] = [
    ("GET", "/newcomers/{id}"),
    ("GET", "/newcomers/{id}/export"),
    ("POST", "/newcomers/{id}"),
    ("POST", "/newcomers/{id}/steps"),
    ("POST", "/newcomers/{id}/follow-ups"),
    ("POST", "/newcomers/{id}/consents"),
    ("POST", "/newcomers/{id}/consents/withdraw"),
    ("POST", "/newcomers/{id}/rent-to-own"),
    ("POST", "/newcomers/{id}/erase"),
    ("GET", "/newcomers/me"),
    ("GET", "/newcomers/me/export"),
    ("POST", "/newcomers/me"),
    ("POST", "/newcomers/me/consents/withdraw"),
    ("POST", "/newcomers/me/erase"),
];

/// The rule, written out by hand: staff of the case's municipality and admin handle
/// the case; the person may read, export, correct, withdraw and erase their own; the
/// `/me` pages answer everyone signed in about their own case (none: nothing to do).
fn allowed(who: Asker, method: &str, path: &str) -> bool {
    use Asker::*;
    if who == Anonymous {
        return false;
    }
    if path.starts_with("/newcomers/me") {
        return true;
    }
    match who {
        Staff4643 | Admin => true,
        Own => matches!(
            (method, path),
            ("GET", "/newcomers/{id}")
                | ("GET", "/newcomers/{id}/export")
                | ("POST", "/newcomers/{id}/consents/withdraw")
                | ("POST", "/newcomers/{id}/erase")
        ),
        _ => false,
    }
}

#[tokio::test]
async fn every_personal_data_page_route_by_every_role() {
    let t = TestApp::sqlite().await;
    let staff = t.session(Role::NewcomerStaff, &["4643"]).await;
    let own_id = t
        .app
        .add_user(
            None,
            "eigen@sogn.test",
            "a long test password",
            Role::Reader,
            vec![],
            vec![],
        )
        .await
        .unwrap();
    let own = t
        .app
        .login("eigen@sogn.test", "a long test password")
        .await
        .unwrap()
        .token;
    let mut tokens = Vec::new();
    for who in ASKERS {
        let token = match who {
            Asker::Anonymous => None,
            Asker::Reader => Some(t.session(Role::Reader, &[]).await),
            Asker::Contact4643 => Some(t.session(Role::MunicipalContact, &["4643"]).await),
            Asker::WorkGroup => Some(t.session(Role::WorkGroup, &["arbeid"]).await),
            Asker::SteeringGroup => Some(t.session(Role::SteeringGroup, &[]).await),
            Asker::ProjectLeader => Some(t.session(Role::ProjectLeader, &[]).await),
            Asker::Coordinator => Some(t.session(Role::MentorCoordinator, &[]).await),
            Asker::Staff4643 => Some(staff.clone()),
            Asker::Staff4640 => Some(t.session(Role::NewcomerStaff, &["4640"]).await),
            Asker::Admin => Some(t.session(Role::Admin, &[]).await),
            Asker::Own => Some(own.clone()),
        };
        tokens.push((who, token));
    }
    let name = "Matrise Person-Unik";
    let account = own_id.to_string();
    for (method, route) in ROUTES {
        for (who, token) in &tokens {
            // A fresh case each time, so an erasure cannot hide what the next asker gets.
            let mut fields = case_fields(name, "4643");
            fields.push(("account_id", &account));
            let id = register(&t, &staff, &fields).await;
            let path = route.replace("{id}", &id.to_string());
            let res = match method {
                "GET" => match token {
                    Some(tk) => t.get_as(&path, tk).await,
                    None => t.get(&path).await,
                },
                _ => t.form(&path, token.as_deref(), &[]).await,
            };
            let refused = match who {
                Asker::Anonymous => {
                    res.status == StatusCode::SEE_OTHER && res.location().starts_with("/login")
                }
                // The person knows their case: a use that is not theirs is forbidden. To
                // everyone else another's case looks like no case at all.
                Asker::Own => res.status == StatusCode::FORBIDDEN,
                _ if route.contains("{id}") => res.status == StatusCode::NOT_FOUND,
                _ => res.status == StatusCode::FORBIDDEN,
            };
            assert_eq!(
                !refused,
                allowed(*who, method, route),
                "{who:?} {method} {route}: {} {}",
                res.status,
                res.location()
            );
            if refused {
                assert!(
                    !res.body.contains(name),
                    "{who:?} {method} {route} leaks the name"
                );
            }
            // Clean up, so that the own account has one case at a time.
            let _ = t
                .form(&format!("/newcomers/{id}/erase"), Some(&staff), &[])
                .await;
        }
    }
}
