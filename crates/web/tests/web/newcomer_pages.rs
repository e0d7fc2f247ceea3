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
        let res = t.get_as(&format!("/newcomers/{id}"), token).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        assert!(!res.body.contains(name));
        let res = t.get_as(&format!("/newcomers/{id}/export"), token).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
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
    let audit = t.app.db().audit_log(500, 0).await.unwrap();
    assert!(
        !format!("{audit:?}").contains(name),
        "the audit log holds no name"
    );
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
    assert!(
        cohorts.body.contains("skjerma") || cohorts.body.contains("Ingen kull"),
        "{}",
        cohorts.body
    );
}
