//! Logging in, and the page for errors.

use askama::Template;

use crate::form::Form;
use crate::form::{FormView, Kind, SummaryItem};
use crate::layout::Chrome;
use crate::layout::{Ctx, Nav};
use crate::pages::render;

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage<'a> {
    ctx: Ctx<'a>,
    summary: Vec<SummaryItem>,
    form: FormView<'a>,
}

pub fn login(c: &Chrome, form: &Form) -> String {
    let ctx = Ctx::new(c, String::new(), Nav::None);
    let ctx = Ctx {
        title: ctx.tr("login-title"),
        ..ctx
    };
    let mut f = FormView::new("login", form);
    f.field("email", ctx.tr("field-email"), Kind::Input("email"), "")
        .autocomplete = "username";
    // A password is never sent back into the page.
    let password = f.field(
        "password",
        ctx.tr("field-password"),
        Kind::Input("password"),
        "",
    );
    password.autocomplete = "current-password";
    password.value.clear();
    f.hidden("next", form.value("next").unwrap_or(""));
    render(&LoginPage {
        summary: f.summary(),
        form: f,
        ctx,
    })
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    ctx: Ctx<'a>,
    status: String,
    detail: &'a str,
}

pub fn error(c: &Chrome, status: u16, title: &str, detail: &str) -> String {
    let ctx = Ctx::new(c, title, Nav::None);
    render(&ErrorPage {
        status: ctx.tr_with("error-status", &[("status", i18n::Arg::Num(status.into()))]),
        detail,
        ctx,
    })
}
