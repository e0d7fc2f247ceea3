//! What every page shares: the language, the signed-in user, the header with
//! its navigation and language switch, and the footer.

use domain::access::{Actor, Capabilities};
use domain::plan::Plan;
use domain::status::{Light, Status};
use i18n::{Arg, Lang};
use time::OffsetDateTime;

use crate::format;
use crate::labels::{self, label, tr};

/// What every page needs besides its content.
pub struct Chrome<'a> {
    pub lang: Lang,
    /// The signed-in account, if any.
    pub user: Option<&'a Actor>,
    /// The path and query of this page, for the language switch to come back to.
    pub here: &'a str,
}

/// The navigation entry a page belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    Overview,
    ActionPlan,
    Timeline,
    Organisation,
    Municipalities,
    Indicators,
    Changes,
    Mentoring,
    Newcomers,
    Welcome,
    Audit,
    None,
}

pub struct NavItem {
    pub href: &'static str,
    pub label: String,
    pub current: bool,
}

pub struct LangChoice {
    pub tag: &'static str,
    pub autonym: &'static str,
    pub current: bool,
}

/// The page frame as the base template sees it.
pub struct Ctx<'a> {
    pub lang: Lang,
    pub user: Option<&'a Actor>,
    /// What the page may offer the user.
    pub can: Capabilities<'a>,
    pub here: &'a str,
    pub title: String,
    /// The programme's name in the header, or Bulyst's where no plan is at hand.
    pub brand: String,
    pub nav: Nav,
    /// The footer's source line, on pages that show plan content.
    pub source: Option<String>,
}

impl<'a> Ctx<'a> {
    pub fn new(c: &Chrome<'a>, title: impl Into<String>, nav: Nav) -> Self {
        Ctx {
            lang: c.lang,
            user: c.user,
            can: Capabilities::of(c.user),
            here: c.here,
            title: title.into(),
            brand: "Bulyst".to_string(),
            nav,
            source: None,
        }
    }

    /// Names the programme in the header.
    pub fn programme(mut self, plan: &Plan) -> Self {
        self.brand = plan.programme.name.clone();
        self
    }

    /// Marks the page as showing the plan, so the footer names its source.
    pub fn with_source(mut self, plan: &Plan) -> Self {
        self = self.programme(plan);
        let p = &plan.programme;
        let year = p.period.get(..4).unwrap_or(&p.period);
        self.source = Some(self.tr_args(
            "footer-source",
            &[("owner", &p.owner), ("title", &p.title), ("year", year)],
        ));
        self
    }

    /// The language the plan's own texts are written in. Marked on them so
    /// that a screen reader on an English page reads them as nynorsk
    /// (WCAG 3.1.2). Sogn for alle's plan is nynorsk; plan files carry no
    /// language yet.
    pub fn plan_lang(&self) -> &'static str {
        "nn"
    }

    pub fn tr(&self, id: &str) -> String {
        tr(self.lang, id)
    }

    pub fn tr_args(&self, id: &str, args: &[(&str, &str)]) -> String {
        i18n::t_args(self.lang, id, args)
    }

    /// A message with one text argument, the common case in templates.
    pub fn tr_arg(&self, id: &str, key: &str, value: &str) -> String {
        i18n::t_args(self.lang, id, &[(key, value)])
    }

    pub fn tr_with(&self, id: &str, args: &[(&str, Arg)]) -> String {
        i18n::t_with(self.lang, id, args)
    }

    pub fn nav_items(&self) -> Vec<NavItem> {
        let mut items = vec![
            (Nav::Overview, "/", self.tr("nav-overview")),
            (Nav::ActionPlan, "/action-plan", self.tr("nav-action-plan")),
            (
                Nav::Timeline,
                "/action-plan/timeline",
                self.tr("nav-timeline"),
            ),
            (
                Nav::Organisation,
                "/organisation",
                self.tr("nav-organisation"),
            ),
            (
                Nav::Municipalities,
                "/municipalities",
                self.tr("nav-municipalities"),
            ),
            (Nav::Indicators, "/indicators", self.tr("nav-indicators")),
            (Nav::Changes, "/changes", self.tr("nav-changes")),
        ];
        // The coordinator keeps the programme; anyone else signed in may be in it.
        if self.can.follow_mentoring() {
            items.push((Nav::Mentoring, "/mentoring", self.tr("nav-mentoring")));
        } else if self.can.signed_in() {
            items.push((Nav::Mentoring, "/mentoring/me", self.tr("nav-mentoring-me")));
        }
        // Staff follow the newcomers; everyone else is shown what the service offers.
        if self.can.list_newcomer_cases {
            items.push((Nav::Newcomers, "/newcomers", self.tr("nav-newcomers")));
        } else {
            items.push((Nav::Welcome, "/welcome", self.tr("nav-welcome")));
        }
        if self.can.read_audit {
            items.push((Nav::Audit, "/audit", self.tr("nav-audit")));
        }
        items
            .into_iter()
            .map(|(nav, href, label)| NavItem {
                href,
                label,
                current: nav == self.nav,
            })
            .collect()
    }

    pub fn langs(&self) -> Vec<LangChoice> {
        Lang::ALL
            .iter()
            .map(|l| LangChoice {
                tag: l.tag(),
                autonym: l.autonym(),
                current: *l == self.lang,
            })
            .collect()
    }

    pub fn signed_in_as(&self) -> Option<String> {
        self.user.map(|u| {
            self.tr_args(
                "signed-in-as",
                &[("email", &u.email), ("role", &label(self.lang, u.role))],
            )
        })
    }

    pub fn date_time(&self, at: &OffsetDateTime) -> String {
        format::date_time(self.lang, *at)
    }

    pub fn status(&self, s: &Option<Status>) -> String {
        labels::status(self.lang, *s)
    }

    pub fn light(&self, l: &Light) -> String {
        label(self.lang, *l)
    }

    pub fn operation(&self, op: &str) -> String {
        labels::operation(self.lang, op)
    }

    pub fn entity(&self, entity: &str) -> String {
        labels::entity(self.lang, entity)
    }
}
