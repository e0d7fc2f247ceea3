//! Roles and what each may do, as `domain::access` decides it (the same list as
//! `GET /api/v1/roles`).

use askama::Template;
use domain::access::{every_role, Reach};

use crate::labels::{label, label_or_code, tr};
use crate::layout::{Chrome, Ctx, Nav};
use crate::pages::render;

struct Row {
    role: String,
    grants: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "roles.html")]
struct Page<'a> {
    ctx: Ctx<'a>,
    rows: Vec<Row>,
}

fn reach_code(reach: Reach) -> &'static str {
    match reach {
        Reach::All => "all",
        Reach::Assigned => "assigned",
        Reach::Own => "own",
    }
}

pub fn page(c: &Chrome) -> String {
    let ctx = Ctx::new(c, tr(c.lang, "roles-title"), Nav::Organisation);
    let rows = every_role()
        .map(|(role, grants)| Row {
            role: label(c.lang, role),
            grants: grants
                .into_iter()
                .map(|g| {
                    (
                        label_or_code(c.lang, "permission", g.permission),
                        label_or_code(c.lang, "reach", reach_code(g.reach)),
                    )
                })
                .collect(),
        })
        .collect();
    render(&Page { ctx, rows })
}

#[cfg(test)]
mod tests {
    use i18n::Lang;

    use crate::labels::key;

    #[test]
    fn every_permission_and_reach_has_words_in_every_language() {
        let reaches = ["all", "assigned", "own"].map(|r| key("reach", r));
        let permissions = domain::access::permission_codes().map(|p| key("permission", p));
        for id in permissions
            .chain(reaches)
            .chain(["roles-title".into(), "roles-intro".into()])
        {
            for lang in [Lang::Nn, Lang::Nb, Lang::En] {
                assert_ne!(crate::labels::tr(lang, &id), id, "{id} in {lang:?}");
            }
        }
    }
}
