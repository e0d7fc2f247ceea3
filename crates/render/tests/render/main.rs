//! Renders every page from the real Sogn for alle plan and checks what a
//! reader and a screen reader get: the plan's words, forms and structure.

mod indicators;

use std::collections::HashMap;

use domain::access::{Actor, Role};
use domain::state::{
    ActionFilter, ActionState, AuditEntry, Changes, Contact, Snapshot, StatusUpdate,
};
use domain::status::{Light, Status};
use render::{ActionPage, ChangesPage, Chrome, Form, Lang, MeasurePage, MunicipalitiesPage};
use time::macros::{date, datetime};
use time::Date;

fn plan() -> domain::plan::Plan {
    domain::plan_file::load(
        include_str!("../../../../data/programmes/sogn-for-alle.toml"),
        "sogn-for-alle.toml",
    )
    .expect("the real plan loads")
}

/// The plan with empty state, as on a fresh database.
fn snapshot() -> Snapshot {
    Snapshot {
        revision: 1,
        plan: plan(),
        actions: HashMap::new(),
        measure_versions: HashMap::new(),
        contacts: HashMap::new(),
    }
}

fn day(d: domain::period::Day) -> Date {
    Date::from_calendar_date(d.year, time::Month::try_from(d.month).unwrap(), d.day).unwrap()
}

/// The plan with dates read from "når" and a few status reports.
fn reported() -> Snapshot {
    let mut s = snapshot();
    let context = s.plan.context();
    let spans: Vec<_> = s
        .plan
        .actions()
        .map(|(_, a)| (a.id.clone(), a.span(context)))
        .collect();
    for (id, span) in spans {
        s.actions.insert(
            id.clone(),
            ActionState {
                version: 3,
                starts: span.map(|sp| day(sp.from)),
                ends: span.map(|sp| day(sp.to)),
                latest: None,
            },
        );
    }
    s.actions.get_mut("mentorprogram").unwrap().latest = Some(update(1, "mentorprogram"));
    s
}

fn update(id: i64, action: &str) -> StatusUpdate {
    StatusUpdate {
        id,
        action_id: action.into(),
        status: Status::Ongoing,
        light: Light::Yellow,
        text: "<script>alert(1)</script> Første samling & «mentorar»".into(),
        reported_on: date!(2020 - 10 - 15),
        author: "pl@sognr.no".into(),
        created_at: datetime!(2020-10-15 10:00 UTC),
    }
}

fn admin() -> Actor {
    Actor {
        id: 1,
        email: "admin@sognr.no".into(),
        role: Role::Admin,
        work_packages: vec![],
        municipalities: vec![],
    }
}

fn chrome(lang: Lang) -> Chrome<'static> {
    Chrome {
        lang,
        user: None,
        here: "/",
    }
}

/// The same escaping the templates use.
fn esc(s: &str) -> String {
    s.replace('&', "&#38;")
        .replace('<', "&#60;")
        .replace('>', "&#62;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

fn assert_has(html: &str, text: &str, page: &str) {
    assert!(
        html.contains(&esc(text)),
        "{page}: missing {text:?} (escaped {:?})",
        esc(text)
    );
}

/// Every page, by name, rendered for a language and an optional user.
fn all_pages(lang: Lang, user: Option<&Actor>) -> Vec<(String, String)> {
    let s = reported();
    let c = Chrome {
        lang,
        user,
        here: "/x?a=1",
    };
    let empty = Form::default();
    let history = [update(1, "mentorprogram"), update(2, "mentorprogram")];
    let rows = s.filtered(&ActionFilter::default());
    let changes = Changes {
        updates: history.to_vec(),
        edits: vec![audit_entry()],
    };
    let mut pages = vec![
        ("overview".to_string(), render::overview(&c, &s)),
        (
            "action_plan".into(),
            render::action_plan(&c, &s, &ActionFilter::default(), &rows),
        ),
        (
            "timeline".into(),
            render::timeline(&c, &s, &ActionFilter::default(), &rows),
        ),
        ("organisation".into(), render::organisation(&c, &s)),
        (
            "municipalities".into(),
            render::municipalities(
                &c,
                &s,
                &MunicipalitiesPage {
                    may_edit: vec!["4643"],
                    form: None,
                },
            ),
        ),
        (
            "changes".into(),
            render::changes(
                &c,
                &s,
                &ChangesPage {
                    since: date!(2020 - 09 - 01),
                    meetings: &[date!(2020 - 09 - 01), date!(2020 - 11 - 01)],
                    changes: &changes,
                },
            ),
        ),
        ("new_action".into(), render::new_action(&c, &s, &empty)),
        ("login".into(), render::login(&c, &empty)),
        ("audit".into(), render::audit(&c, &[audit_entry()], 2, true)),
        (
            "error".into(),
            render::error(&c, 404, "Fann ikkje sida", "Sjå etter skrivefeil."),
        ),
    ];
    for wp in &s.plan.work_packages {
        pages.push((
            format!("work_package/{}", wp.id),
            render::work_package(&c, &s, &wp.id),
        ));
        for m in &wp.measures {
            pages.push((
                format!("measure/{}", m.id),
                render::measure(
                    &c,
                    &s,
                    &MeasurePage {
                        id: &m.id,
                        may_edit: true,
                        form: &empty,
                        indicators: vec![],
                    },
                ),
            ));
        }
    }
    pages.extend(indicators::pages(&c));
    for a in s.actions() {
        let page = ActionPage {
            item: a,
            history: &history,
            history_page: 0,
            more_history: false,
            may_report: true,
            may_edit: true,
            status_form: &empty,
            edit_form: &empty,
            today: date!(2021 - 03 - 01),
        };
        pages.push((
            format!("action/{}", a.action.id),
            render::action(&c, &s, &page),
        ));
    }
    pages
}

fn audit_entry() -> AuditEntry {
    AuditEntry {
        id: 7,
        at: datetime!(2020-11-02 09:30 UTC),
        actor: "pl@sognr.no".into(),
        operation: "update".into(),
        entity: "action".into(),
        entity_id: "mentorprogram".into(),
        before: Some(serde_json::json!({"how": "Mentorprogram"})),
        after: Some(serde_json::json!({"how": "Mentorprogram <ny>"})),
    }
}

#[test]
fn every_page_has_the_language_and_one_h1() {
    let me = admin();
    for lang in Lang::ALL {
        for user in [None, Some(&me)] {
            for (name, html) in all_pages(lang, user) {
                assert!(
                    html.starts_with(&format!("<!DOCTYPE html>\n<html lang=\"{}\">", lang.tag())),
                    "{name} ({lang})"
                );
                assert_eq!(html.matches("<h1").count(), 1, "{name}: one h1");
                assert!(html.contains("<main id=\"main\""), "{name}");
                assert!(html.contains("href=\"#main\""), "{name}: skip link");
                assert!(!html.contains("style="), "{name}: inline style");
                assert!(!html.contains("<script"), "{name}: script");
                assert!(html.contains("<title>"), "{name}");
                assert!(html.contains(" – Bulyst</title>"), "{name}");
                assert!(html.contains("action=\"/language\""), "{name}");
                assert!(html.contains("name=\"back\" value=\"/x?a=1\""), "{name}");
                assert!(html.contains("aria-current=\"true\">"), "{name}");
                assert_eq!(html.matches("name=\"lang\"").count(), 3, "{name}");
                if user.is_some() {
                    assert!(html.contains("action=\"/logout\""), "{name}");
                    assert!(
                        html.contains("href=\"/audit\""),
                        "{name}: admin sees the audit log"
                    );
                } else {
                    assert!(html.contains("href=\"/login\""), "{name}");
                    assert!(!html.contains("href=\"/audit\""), "{name}");
                }
                // Every form field has a label: each id of a control is named by a label.
                for (at, _) in html.match_indices("class=\"ds-input\" ") {
                    let tag = &html[at..at + html[at..].find('>').unwrap()];
                    let id = tag
                        .split("id=\"")
                        .nth(1)
                        .unwrap()
                        .split('"')
                        .next()
                        .unwrap();
                    assert!(
                        html.contains(&format!("for=\"{id}\"")),
                        "{name}: {id} has no label"
                    );
                }
                headings_in_order(&name, &html);
            }
        }
    }
}

fn headings_in_order(name: &str, html: &str) {
    let mut last = 0;
    for (at, _) in html.match_indices("<h") {
        let Some(level) = html[at + 2..].chars().next().and_then(|c| c.to_digit(10)) else {
            continue;
        };
        assert!(level <= last + 1, "{name}: h{level} after h{last}");
        last = level;
    }
}

#[test]
fn work_package_pages_carry_strategies_measures_rows_and_work_group() {
    let s = snapshot();
    for lang in Lang::ALL {
        let c = chrome(lang);
        for wp in &s.plan.work_packages {
            let html = render::work_package(&c, &s, &wp.id);
            let page = format!("work_package/{}", wp.id);
            assert_has(&html, &wp.name, &page);
            assert_has(&html, &wp.goal, &page);
            for st in &wp.strategies {
                assert_has(&html, &st.text, &page);
                assert!(
                    html.contains(&format!("<li value=\"{}\">", st.number)),
                    "{page}"
                );
            }
            for m in &wp.measures {
                assert_has(&html, &m.title, &page);
                assert!(
                    html.contains(&format!("href=\"/measures/{}\"", m.id)),
                    "{page}"
                );
            }
            for a in &wp.actions {
                for cell in [&a.how, &a.participants, &a.when, &a.comment, &a.responsible] {
                    assert_has(&html, cell, &page);
                }
                assert!(
                    html.contains(&format!("href=\"/actions/{}\"", a.id)),
                    "{page}"
                );
            }
            if wp.kind == domain::plan::PackageKind::Thematic {
                // The plan's words are marked as nynorsk whatever the page's language.
                assert!(
                    html.contains("<ol class=\"strategies\" lang=\"nn\">"),
                    "{page}"
                );
                assert!(html.contains("<tbody lang=\"nn\">"), "{page}");
                assert_has(&html, "Leiar frå styringsgruppa", &page);
                assert_has(&html, "Ansvarleg kontaktperson frå kommunane", &page);
                assert_has(&html, &s.plan.organisation.other_relevant_note, &page);
            }
        }
    }
}

#[test]
fn action_plan_has_every_cell_in_plan_order() {
    let s = snapshot();
    let rows = s.filtered(&ActionFilter::default());
    let html = render::action_plan(&chrome(Lang::Nn), &s, &ActionFilter::default(), &rows);
    assert!(
        html.contains("<h1 class=\"ds-heading\" data-size=\"xl\">Handlingsplan mai 2020-21</h1>")
    );
    let mut at = 0;
    for wp in &s.plan.work_packages {
        let found = html[at..].find(&esc(&wp.name)).expect(&wp.name);
        at += found;
        for a in &wp.actions {
            for cell in [&a.how, &a.participants, &a.when, &a.comment, &a.responsible] {
                assert_has(&html, cell, "action_plan");
            }
        }
    }
    for col in [
        "Arbeidspakke",
        "Korleis – tiltak",
        "Deltakarar",
        "Når",
        "Kommentar",
        "Ansvarleg",
        "Status",
    ] {
        assert!(
            html.contains(&format!("<th scope=\"col\">{col}</th>")),
            "{col}"
        );
    }
    let total = s.actions().count();
    assert!(html.contains(&format!("Viser {total} av {total} punkt")));
    assert!(
        html.contains("scope=\"rowgroup\" rowspan=\"4\""),
        "Effektiv prosjektstruktur spans its rows"
    );
    // Empty cells stay empty.
    assert!(html.contains("<td></td>"));
    assert!(html.contains("ikkje rapportert"));
    // Readers do not see the link to add items.
    assert!(!html.contains("href=\"/actions/new\""));
    let me = admin();
    let c = Chrome {
        lang: Lang::Nn,
        user: Some(&me),
        here: "/action-plan",
    };
    assert!(render::action_plan(&c, &s, &ActionFilter::default(), &rows)
        .contains("href=\"/actions/new\""));
}

#[test]
fn filter_values_are_shown_and_carried_to_the_timeline() {
    let s = reported();
    let filter = ActionFilter {
        work_package: Some("arbeid".into()),
        responsible: Some("PL".into()),
        status: Some(Some(Status::Ongoing)),
        from: Some(date!(2020 - 09 - 01)),
        to: Some(date!(2021 - 05 - 31)),
    };
    let rows = s.filtered(&filter);
    assert_eq!(rows.len(), 1);
    let html = render::action_plan(&chrome(Lang::Nn), &s, &filter, &rows);
    assert!(html.contains("<form class=\"filter\" method=\"get\" action=\"/action-plan\""));
    assert!(html.contains("<option value=\"arbeid\" selected>Arbeid</option>"));
    assert!(html.contains("<option value=\"ongoing\" selected>i gang</option>"));
    assert!(html.contains("<option value=\"none\">ikkje rapportert</option>"));
    assert!(html.contains("type=\"month\" id=\"filter-from\" name=\"from\" value=\"2020-09\""));
    assert!(html.contains("type=\"month\" id=\"filter-to\" name=\"to\" value=\"2021-05\""));
    assert!(html.contains("name=\"responsible\" value=\"PL\""));
    assert!(html.contains(
        "href=\"/action-plan/timeline?work_package=arbeid&#38;responsible=PL&#38;status=ongoing&#38;from=2020-09&#38;to=2021-05\""
    ));
    let total = s.actions().count();
    assert!(html.contains(&format!("Viser 1 av {total} punkt")));
}

#[test]
fn timeline_draws_dated_rows_and_lists_the_rest() {
    let s = reported();
    let rows = s.filtered(&ActionFilter::default());
    for lang in Lang::ALL {
        let html = render::timeline(&chrome(lang), &s, &ActionFilter::default(), &rows);
        assert!(html.contains("role=\"img\""));
        assert!(html.contains("<title id=\"tl-title\">"));
        assert!(html.contains("<desc id=\"tl-desc\">"));
        for a in s.actions() {
            assert_has(&html, &a.action.how, "timeline");
            assert_has(&html, &a.action.when, "timeline");
        }
    }
    let html = render::timeline(&chrome(Lang::Nn), &s, &ActionFilter::default(), &rows);
    assert!(html.contains("Utan tidfesting"));
    assert!(html.contains("«<span lang=\"nn\">Kontinuerleg</span>»"));
    assert!(html.contains("<td>1. september 2020</td>"));
    // Without dates, every row is listed as undated.
    let s = snapshot();
    let rows = s.filtered(&ActionFilter::default());
    let html = render::timeline(&chrome(Lang::Nn), &s, &ActionFilter::default(), &rows);
    assert!(!html.contains("role=\"img\""));
    assert!(html.contains("Ingen av punkta har tidfesting."));
}

#[test]
fn action_page_shows_the_row_history_and_forms() {
    let s = reported();
    let a = s.action("mentorprogram").unwrap();
    let history = [update(1, "mentorprogram"), {
        let mut u = update(2, "mentorprogram");
        u.reported_on = date!(2021 - 01 - 10);
        u.text = "Nyaste".into();
        u
    }];
    let empty = Form::default();
    let page = ActionPage {
        item: a,
        history: &history,
        history_page: 0,
        more_history: false,
        may_report: true,
        may_edit: true,
        status_form: &empty,
        edit_form: &empty,
        today: date!(2021 - 03 - 01),
    };
    let html = render::action(&chrome(Lang::Nn), &s, &page);
    for cell in [
        &a.action.how,
        &a.action.participants,
        &a.action.when,
        &a.action.responsible,
    ] {
        assert_has(&html, cell, "action");
    }
    assert!(html.contains("href=\"/work-packages/arbeid\""));
    assert!(html.contains("href=\"/measures/mentorprogram\""));
    assert!(html.contains("1. september 2020 – 31. mai 2021"));
    // Newest first, and the status text is escaped.
    let newest = html.find("Nyaste").unwrap();
    let older = html
        .find("&#60;script&#62;alert(1)&#60;/script&#62; Første samling &#38; «mentorar»")
        .unwrap();
    assert!(newest < older);
    assert!(!html.contains("<script>"));
    assert!(html.contains("trafikklys gul"));
    assert!(html.contains("method=\"post\" action=\"/actions/mentorprogram/status\""));
    assert!(html.contains(
        "type=\"date\" id=\"report-reported-on\" name=\"reported_on\" value=\"2021-03-01\""
    ));
    assert!(html.contains(
        "type=\"radio\" id=\"report-light-green\" name=\"light\" value=\"green\" checked"
    ));
    assert!(html.contains("method=\"post\" action=\"/actions/mentorprogram\""));
    assert!(html.contains("<input type=\"hidden\" name=\"version\" value=\"3\">"));
    assert!(html.contains("<option value=\"arbeid\" selected>Arbeid</option>"));
    assert!(
        html.contains("<option value=\"mentorprogram\" selected>Mentorprogram (Arbeid)</option>")
    );
    assert!(html
        .contains(">Metorar, tilsette frå private og offentlege arbeidsplassar i Sogn</textarea>"));

    // Without rights: no forms.
    let page = ActionPage {
        may_report: false,
        may_edit: false,
        ..page
    };
    let html = render::action(&chrome(Lang::Nn), &s, &page);
    assert!(!html.contains("method=\"post\" action=\"/actions/"));
}

#[test]
fn forms_show_errors_next_to_fields_and_keep_what_was_typed() {
    let s = reported();
    let a = s.action("mentorprogram").unwrap();
    let status_form = Form {
        values: vec![
            ("status".into(), "delayed".into()),
            ("light".into(), "red".into()),
            ("text".into(), "<b>typed</b>".into()),
            ("reported_on".into(), "2021-13-01".into()),
        ],
        errors: vec![
            ("reported_on".into(), "Datoen finst ikkje.".into()),
            ("".into(), "Nokon andre har endra punktet.".into()),
        ],
    };
    let empty = Form::default();
    let page = ActionPage {
        item: a,
        history: &[],
        history_page: 0,
        more_history: false,
        may_report: true,
        may_edit: true,
        status_form: &status_form,
        edit_form: &empty,
        today: date!(2021 - 03 - 01),
    };
    let html = render::action(&chrome(Lang::Nn), &s, &page);
    assert!(html.contains("class=\"ds-error-summary\""));
    assert!(html.contains("<a class=\"ds-link\" href=\"#report-reported-on\">Dato for rapporten: Datoen finst ikkje.</a>"));
    assert!(html.contains("<li>Nokon andre har endra punktet.</li>"));
    assert!(html.contains("<p class=\"ds-validation-message\" data-field=\"validation\" id=\"report-reported-on-error\">Datoen finst ikkje.</p>"));
    assert!(html.contains(
        "type=\"date\" id=\"report-reported-on\" name=\"reported_on\" value=\"2021-13-01\" aria-describedby=\"report-reported-on-error\" aria-invalid=\"true\""
    ));
    assert!(html.contains("<option value=\"delayed\" selected>forseinka</option>"));
    assert!(html.contains("value=\"red\" checked"));
    assert!(html.contains("&#60;b&#62;typed&#60;/b&#62;</textarea>"));

    let login = Form {
        values: vec![
            ("email".into(), "a@b.no".into()),
            ("next".into(), "/actions/x".into()),
            ("password".into(), "secret".into()),
        ],
        errors: vec![("password".into(), "Feil e-post eller passord.".into())],
    };
    let html = render::login(&chrome(Lang::Nn), &login);
    assert!(html.contains("method=\"post\" action=\"/login\""));
    assert!(html.contains("type=\"email\" id=\"login-email\" name=\"email\" value=\"a@b.no\" autocomplete=\"username\""));
    assert!(html.contains("autocomplete=\"current-password\""));
    assert!(!html.contains("secret"), "a password is never echoed");
    assert!(html.contains("<input type=\"hidden\" name=\"next\" value=\"/actions/x\">"));
    assert!(html.contains("id=\"login-password-error\">Feil e-post eller passord.</p>"));

    let form = Form {
        values: vec![("title".into(), "Nytt namn".into())],
        errors: vec![("title".into(), "For lang.".into())],
    };
    let html = render::measure(
        &chrome(Lang::Nn),
        &s,
        &MeasurePage {
            id: "mentorprogram",
            may_edit: true,
            form: &form,
            indicators: vec![],
        },
    );
    assert!(html.contains("aria-invalid=\"true\">Nytt namn</textarea>"));
    assert!(html.contains("href=\"#measure-title\""));

    let form = Form {
        values: vec![("email".into(), "ikkje-epost".into())],
        errors: vec![("email".into(), "Ugyldig e-post.".into())],
    };
    let html = render::municipalities(
        &chrome(Lang::Nn),
        &s,
        &MunicipalitiesPage {
            may_edit: vec!["4643", "4640"],
            form: Some(("4643", &form)),
        },
    );
    assert!(html.contains("href=\"#contact-4643-email\""));
    assert!(html.contains("id=\"contact-4643-email\" name=\"email\" value=\"ikkje-epost\""));
    assert!(!html.contains("id=\"contact-4640-email\" name=\"email\" value=\"ikkje-epost\""));
}

#[test]
fn measure_page_lists_rows_of_any_package() {
    let s = snapshot();
    let html = render::measure(
        &chrome(Lang::Nn),
        &s,
        &MeasurePage {
            id: "mentorprogram",
            may_edit: false,
            form: &Form::default(),
            indicators: vec![],
        },
    );
    assert!(html.contains("href=\"/actions/mentorprogram\""));
    assert!(
        html.contains("href=\"/actions/mentorprogram-utdanning\""),
        "a row of Utdanning carries the measure out"
    );
    assert!(!html.contains("action=\"/measures/"));
    let html = render::measure(
        &chrome(Lang::Nn),
        &s,
        &MeasurePage {
            id: "b2-kurs-i-norsk",
            may_edit: true,
            form: &Form::default(),
            indicators: vec![],
        },
    );
    assert!(html.contains("href=\"/work-packages/sprak-og-samfunn\""));
    assert!(html.contains("href=\"/actions/b2-kurs-i-norsk\""));
    assert!(html.contains("<input type=\"hidden\" name=\"version\" value=\"1\">"));
}

#[test]
fn overview_organisation_and_municipalities_show_the_plan() {
    let mut s = snapshot();
    let p = s.plan.programme.clone();
    let html = render::overview(&chrome(Lang::Nn), &s);
    assert_has(&html, &p.main_goal, "overview");
    assert_has(&html, &p.title, "overview");
    assert_has(
        &html,
        "Til grunn for prosjektet Sogn for alle ligg det ei omfattande prosjektskildring",
        "overview",
    );
    for d in &p.other_documents {
        assert_has(&html, d, "overview");
    }
    for m in &s.plan.municipalities {
        assert_has(&html, &m.name, "overview");
    }
    for f in &s.plan.facts {
        assert_has(&html, &f.text, "overview");
    }
    assert_has(
        &html,
        "Kjelde: Sogn regionråd: kunngjering av prosjektet Sogn for alle, 2020",
        "overview",
    );
    assert_has(
        &html,
        "Kjelde: Sogn regionråd, «Sogn for alle – mål, strategi og tiltak» (2020)",
        "overview",
    );
    for wp in &s.plan.work_packages {
        assert!(html.contains(&format!("href=\"/work-packages/{}\"", wp.id)));
    }
    assert!(html.contains("5 punkt i handlingsplanen"));

    let html = render::organisation(&chrome(Lang::Nn), &s);
    let o = &s.plan.organisation;
    for text in [
        &o.heading,
        &o.mandate,
        &o.participants,
        &o.other_relevant_note,
    ] {
        assert_has(&html, text, "organisation");
    }
    for u in &o.units {
        assert_has(&html, &u.name, "organisation");
    }
    assert_has(&html, "Heidi Myrvold", "organisation");
    assert_has(&html, "Byrja 1. mai 2020", "organisation");
    for m in ["september", "november", "januar", "mars", "mai"] {
        assert!(html.contains(&format!("<li>{m}</li>")), "{m}");
    }
    // The tree: the council holds the steering group, which holds the rest.
    let council = html.find("Sogn regionråd</span>").unwrap();
    let steering = html.find("Styringsgruppa</span>").unwrap();
    let leader = html.find("Prosjektleiar</span>").unwrap();
    assert!(council < steering && steering < leader);

    s.contacts.insert(
        "4643".into(),
        Contact {
            name: "Kari Nordmann".into(),
            email: "kari@ardal.kommune.no".into(),
            version: 4,
        },
    );
    let html = render::municipalities(
        &chrome(Lang::Nn),
        &s,
        &MunicipalitiesPage {
            may_edit: vec!["4643"],
            form: None,
        },
    );
    for m in &s.plan.municipalities {
        assert!(html.contains(&format!("<td>{}</td>", m.code)));
        assert_has(&html, &m.name, "municipalities");
    }
    assert!(html.contains("Kari Nordmann"));
    assert!(html.contains("ikkje registrert"));
    assert!(html.contains("action=\"/municipalities/4643/contact\""));
    assert!(html.contains("<input type=\"hidden\" name=\"version\" value=\"4\">"));
    assert_eq!(html.matches("action=\"/municipalities/").count(), 1);
}

#[test]
fn changes_group_updates_and_list_edits() {
    let s = snapshot();
    let changes = Changes {
        updates: vec![update(1, "mentorprogram"), update(2, "kick-off-konferanse")],
        edits: vec![audit_entry()],
    };
    let html = render::changes(
        &chrome(Lang::Nn),
        &s,
        &ChangesPage {
            since: date!(2020 - 11 - 01),
            meetings: &[date!(2020 - 11 - 01)],
            changes: &changes,
        },
    );
    assert!(html.contains(
        "<h1 class=\"ds-heading\" data-size=\"xl\">Endringar sidan 1. november 2020</h1>"
    ));
    assert!(html.contains("type=\"date\" id=\"changes-since\" name=\"since\" value=\"2020-11-01\""));
    assert!(html.contains("href=\"/changes?since=2020-11-01\""));
    assert!(html.contains("Sidan møtet i november 2020"));
    let arbeid = html.find(">Arbeid</a></h3>").unwrap();
    let kick_off = html.find(">Kick-off</a></h3>").unwrap();
    assert!(arbeid < kick_off);
    assert!(html.contains("2. november 2020 09:30 UTC"));
    assert!(html.contains("punkt i handlingsplanen mentorprogram"));
    assert!(html.contains(">endra</td>"));
    assert!(!html.contains("<script>"));

    let html = render::changes(
        &chrome(Lang::En),
        &s,
        &ChangesPage {
            since: date!(2020 - 11 - 01),
            meetings: &[],
            changes: &Changes::default(),
        },
    );
    assert!(html.contains("No changes since 1 November 2020."));
}

#[test]
fn audit_pages_and_error_page() {
    let html = render::audit(&chrome(Lang::Nn), &[audit_entry()], 2, true);
    assert!(html.contains("href=\"/audit?page=1\""));
    assert!(html.contains("href=\"/audit?page=3\""));
    assert!(html.contains("<details"));
    assert!(html.contains("{&#34;how&#34;:&#34;Mentorprogram &#60;ny&#62;&#34;}"));
    let html = render::audit(&chrome(Lang::Nn), &[], 1, false);
    assert!(html.contains("Revisjonsloggen er tom."));
    assert!(!html.contains("?page="));

    let html = render::error(&chrome(Lang::En), 404, "Not found", "No such <page>.");
    assert!(html.contains("<title>Not found – Bulyst</title>"));
    assert!(html.contains("No such &#60;page&#62;."));
    assert!(html.contains("href=\"/\""));
}

/// Writes every page to `$RENDER_DUMP_DIR` for looking at in a browser.
#[test]
fn dump_pages_when_asked() {
    let Ok(dir) = std::env::var("RENDER_DUMP_DIR") else {
        return;
    };
    let me = admin();
    let mut pages = all_pages(Lang::Nn, Some(&me));
    pages.extend(
        all_pages(Lang::En, None)
            .into_iter()
            .map(|(name, html)| (format!("en-{name}"), html)),
    );
    let s = reported();
    let errors = Form {
        values: vec![("text".into(), "typed".into())],
        errors: vec![
            ("light".into(), "Vel eit trafikklys.".into()),
            ("reported_on".into(), "Datoen finst ikkje.".into()),
            ("".into(), "Nokon andre har endra punktet.".into()),
        ],
    };
    let page = ActionPage {
        item: s.action("mentorprogram").unwrap(),
        history: &[],
        history_page: 0,
        more_history: false,
        may_report: true,
        may_edit: true,
        status_form: &errors,
        edit_form: &Form::default(),
        today: date!(2021 - 03 - 01),
    };
    let c = Chrome {
        lang: Lang::Nn,
        user: Some(&me),
        here: "/actions/mentorprogram",
    };
    pages.push(("errors-action".into(), render::action(&c, &s, &page)));
    let login = Form {
        values: vec![("email".into(), "a@b.no".into())],
        errors: vec![("password".into(), "Feil e-post eller passord.".into())],
    };
    pages.push((
        "errors-login".into(),
        render::login(&chrome(Lang::Nn), &login),
    ));
    for (name, html) in pages {
        let path = std::path::Path::new(&dir).join(format!("{}.html", name.replace('/', "--")));
        std::fs::write(path, html).unwrap();
    }
}
