//! The plan file: a human-editable TOML document in the schema of [`Plan`].
//! Loading checks everything a database constraint would and more, and every
//! error names the file, the line and the field, so a region can fix its own
//! file without reading code.

use std::collections::HashSet;

use crate::limits::{self, check, check_id, check_required};
use crate::plan::{parse_year_month, PackageKind, Plan, UnitKind};
use crate::{FieldError, PlanFileError};

/// The schema version this build reads and writes.
pub const SCHEMA: u32 = 1;

/// Parses and validates a plan file. `file` is only used in messages.
pub fn load(text: &str, file: &str) -> Result<Plan, PlanFileError> {
    let plan: Plan = toml::from_str(text).map_err(|e| {
        let (line, column) = match e.span() {
            Some(span) => {
                let (l, c) = line_col(text, span.start);
                (Some(l), Some(c))
            }
            None => (None, None),
        };
        let message = e.message().to_string();
        PlanFileError {
            file: file.to_string(),
            line,
            column,
            field: backticked(&message).unwrap_or_default(),
            message,
        }
    })?;
    validate(&plan).map_err(|(path, err)| PlanFileError {
        file: file.to_string(),
        line: locate(text, &path),
        column: None,
        field: path,
        message: err.message,
    })?;
    Ok(plan)
}

/// Writes a plan in the same format `load` reads.
pub fn export(plan: &Plan) -> String {
    let body = toml::to_string_pretty(plan).expect("a plan always serializes to TOML");
    format!(
        "# Bulyst plan file, schema {SCHEMA}: {} ({}).\n# Load it with `bulyst plan import FILE`.\n\n{body}",
        plan.programme.name, plan.programme.owner
    )
}

type Invalid = (String, FieldError);

fn at(path: impl Into<String>) -> impl FnOnce(FieldError) -> Invalid {
    let path = path.into();
    move |e| (path, e)
}

/// Checks a plan's own rules; the error carries the dotted path of the field.
pub fn validate(plan: &Plan) -> Result<(), Invalid> {
    if plan.schema != SCHEMA {
        return Err((
            "schema".into(),
            FieldError::new(
                "schema",
                format!(
                    "is {}; this version of Bulyst reads schema {SCHEMA}",
                    plan.schema
                ),
            ),
        ));
    }
    let p = &plan.programme;
    check_id("id", &p.id).map_err(at("programme.id"))?;
    for (name, value, max) in [
        ("name", &p.name, limits::TITLE),
        ("owner", &p.owner, limits::TITLE),
        ("period", &p.period, limits::TITLE),
        ("title", &p.title, limits::TITLE),
        ("main_goal", &p.main_goal, limits::TEXT),
        ("action_plan_title", &p.action_plan_title, limits::TITLE),
    ] {
        check_required(name, value, max).map_err(at(format!("programme.{name}")))?;
    }
    for (name, value, max) in [
        ("introduction", &p.introduction, limits::PROSE),
        ("strategy_heading", &p.strategy_heading, limits::TITLE),
        ("measures_heading", &p.measures_heading, limits::TITLE),
        ("measures_note", &p.measures_note, limits::TITLE),
        ("action_plan_period", &p.action_plan_period, limits::TITLE),
    ] {
        check(name, value, max).map_err(at(format!("programme.{name}")))?;
    }
    if parse_year_month(&p.action_plan_start).is_none() {
        return Err((
            "programme.action_plan_start".into(),
            FieldError::new(
                "action_plan_start",
                format!(
                    "`{}` is not a month: write YYYY-MM, like 2020-05",
                    p.action_plan_start
                ),
            ),
        ));
    }

    let mut codes = HashSet::new();
    for (i, m) in plan.municipalities.iter().enumerate() {
        let path = |f: &str| format!("municipalities[{i}].{f}");
        if m.code.len() != 4 || !m.code.bytes().all(|b| b.is_ascii_digit()) {
            return Err((
                path("code"),
                FieldError::new(
                    "code",
                    format!("`{}` is not a four-digit municipality number", m.code),
                ),
            ));
        }
        if !codes.insert(m.code.as_str()) {
            return Err((
                path("code"),
                FieldError::new("code", format!("{} appears twice", m.code)),
            ));
        }
        check_required("name", &m.name, limits::TITLE).map_err(at(path("name")))?;
    }
    for (i, f) in plan.facts.iter().enumerate() {
        check_required("text", &f.text, limits::TEXT).map_err(at(format!("facts[{i}].text")))?;
        check_required("source", &f.source, limits::TITLE)
            .map_err(at(format!("facts[{i}].source")))?;
    }

    let mut packages = HashSet::new();
    let mut measures = HashSet::new();
    let mut actions = HashSet::new();
    let mut strategies = HashSet::new();
    for (w, wp) in plan.work_packages.iter().enumerate() {
        let path = |f: &str| format!("work_packages[{w}].{f}");
        check_id("id", &wp.id).map_err(at(path("id")))?;
        if !packages.insert(wp.id.as_str()) {
            return Err((
                path("id"),
                FieldError::new("id", format!("work package `{}` appears twice", wp.id)),
            ));
        }
        check_required("name", &wp.name, limits::TITLE).map_err(at(path("name")))?;
        check("goal", &wp.goal, limits::TEXT).map_err(at(path("goal")))?;
        check("description", &wp.description, limits::TEXT).map_err(at(path("description")))?;
        if wp.kind == PackageKind::Thematic && wp.goal.trim().is_empty() {
            return Err((
                path("goal"),
                FieldError::new("goal", "a thematic work package needs a goal"),
            ));
        }
        for (s, st) in wp.strategies.iter().enumerate() {
            let path = |f: &str| format!("work_packages[{w}].strategies[{s}].{f}");
            if st.number == 0 || !strategies.insert(st.number) {
                return Err((
                    path("number"),
                    FieldError::new(
                        "number",
                        format!("strategy number {} is zero or used twice", st.number),
                    ),
                ));
            }
            check_required("text", &st.text, limits::TEXT).map_err(at(path("text")))?;
        }
        for (m, me) in wp.measures.iter().enumerate() {
            let path = |f: &str| format!("work_packages[{w}].measures[{m}].{f}");
            check_id("id", &me.id).map_err(at(path("id")))?;
            if !measures.insert(me.id.as_str()) {
                return Err((
                    path("id"),
                    FieldError::new("id", format!("measure `{}` appears twice", me.id)),
                ));
            }
            check_required("title", &me.title, limits::TEXT).map_err(at(path("title")))?;
        }
        for (a, ac) in wp.actions.iter().enumerate() {
            let path = |f: &str| format!("work_packages[{w}].actions[{a}].{f}");
            check_id("id", &ac.id).map_err(at(path("id")))?;
            if !actions.insert(ac.id.as_str()) {
                return Err((
                    path("id"),
                    FieldError::new("id", format!("action `{}` appears twice", ac.id)),
                ));
            }
            check_required("how", &ac.how, limits::TEXT).map_err(at(path("how")))?;
            for (name, value) in [
                ("participants", &ac.participants),
                ("when", &ac.when),
                ("comment", &ac.comment),
                ("responsible", &ac.responsible),
            ] {
                check(name, value, limits::TEXT).map_err(at(path(name)))?;
            }
        }
    }
    // Measures may be carried out by rows of another package, so check after all are known.
    for (w, wp) in plan.work_packages.iter().enumerate() {
        for (a, ac) in wp.actions.iter().enumerate() {
            if !ac.measure.is_empty() && !measures.contains(ac.measure.as_str()) {
                return Err((
                    format!("work_packages[{w}].actions[{a}].measure"),
                    FieldError::new("measure", format!("no measure has the id `{}`", ac.measure)),
                ));
            }
        }
    }

    let org = &plan.organisation;
    if let Some(bad) = org
        .steering_group_meeting_months
        .iter()
        .find(|m| !(1..=12).contains(*m))
    {
        return Err((
            "organisation.steering_group_meeting_months".into(),
            FieldError::new(
                "steering_group_meeting_months",
                format!("{bad} is not a month (1–12)"),
            ),
        ));
    }
    let unit_ids: HashSet<&str> = org.units.iter().map(|u| u.id.as_str()).collect();
    let mut seen = HashSet::new();
    for (i, u) in org.units.iter().enumerate() {
        let path = |f: &str| format!("organisation.units[{i}].{f}");
        check_id("id", &u.id).map_err(at(path("id")))?;
        if !seen.insert(u.id.as_str()) {
            return Err((
                path("id"),
                FieldError::new("id", format!("unit `{}` appears twice", u.id)),
            ));
        }
        check_required("name", &u.name, limits::TITLE).map_err(at(path("name")))?;
        check("note", &u.note, limits::TEXT).map_err(at(path("note")))?;
        if !u.parent.is_empty() && (!unit_ids.contains(u.parent.as_str()) || u.parent == u.id) {
            return Err((
                path("parent"),
                FieldError::new("parent", format!("no other unit has the id `{}`", u.parent)),
            ));
        }
        if u.kind == UnitKind::Subproject && !packages.contains(u.work_package.as_str()) {
            return Err((
                path("work_package"),
                FieldError::new(
                    "work_package",
                    format!("no work package has the id `{}`", u.work_package),
                ),
            ));
        }
    }
    if org.units.iter().filter(|u| u.parent.is_empty()).count() > 1 {
        return Err((
            "organisation.units[0].parent".into(),
            FieldError::new("parent", "only one unit may be at the top (have no parent)"),
        ));
    }
    if let Some(cycle) = org.units.iter().position(|u| in_cycle(plan, &u.id)) {
        return Err((
            format!("organisation.units[{cycle}].parent"),
            FieldError::new("parent", "the units' parents form a loop"),
        ));
    }
    Ok(())
}

fn in_cycle(plan: &Plan, start: &str) -> bool {
    let mut current = start;
    for _ in 0..=plan.organisation.units.len() {
        match plan.organisation.units.iter().find(|u| u.id == current) {
            Some(u) if !u.parent.is_empty() => current = &u.parent,
            _ => return false,
        }
    }
    true
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn backticked(message: &str) -> Option<String> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    Some(message[start..start + len].to_string())
}

/// Finds the line of a dotted path such as `work_packages[2].actions[3].measure`
/// by walking the file's table headers, which is exact for files in the layout
/// `export` writes and for hand-written files that use `[[...]]` headers.
fn locate(text: &str, path: &str) -> Option<usize> {
    let lines: Vec<&str> = text.lines().collect();
    let parts: Vec<&str> = path.split('.').collect();
    let (tables, field) = parts.split_at(parts.len() - 1);
    let (mut lo, mut hi) = (None, lines.len());
    let mut prefix = String::new();
    for seg in tables {
        let (name, index) = match seg.split_once('[') {
            Some((n, rest)) => (n, Some(rest.trim_end_matches(']').parse::<usize>().ok()?)),
            None => (*seg, None),
        };
        if !prefix.is_empty() {
            prefix.push('.');
        }
        prefix.push_str(name);
        let header = match index {
            Some(_) => format!("[[{prefix}]]"),
            None => format!("[{prefix}]"),
        };
        let from = lo.map_or(0, |l| l + 1);
        let found = (from..hi)
            .filter(|&i| lines[i].trim() == header)
            .nth(index.unwrap_or(0))?;
        hi = (found + 1..hi)
            .find(|&i| lines[i].trim() == header)
            .unwrap_or(hi);
        lo = Some(found);
    }
    let field = field[0].split('[').next().unwrap_or_default();
    let from = lo.map_or(0, |l| l + 1);
    for (i, line) in lines.iter().enumerate().take(hi).skip(from) {
        let t = line.trim_start();
        if t.starts_with('[') {
            break;
        }
        if let Some(rest) = t.strip_prefix(field) {
            if rest.trim_start().starts_with('=') {
                return Some(i + 1);
            }
        }
    }
    lo.map(|l| l + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"schema = 1

[programme]
id = "demo"
name = "Demo"
owner = "Region"
period = "2020-2024"
title = "Demo – plan"
main_goal = "Fleire blir buande."
action_plan_title = "Handlingsplan"
action_plan_start = "2020-05"

[organisation]

[[organisation.units]]
id = "rad"
name = "Regionråd"
kind = "council"

[[municipalities]]
code = "4640"
name = "Sogndal"

[[work_packages]]
id = "arbeid"
name = "Arbeid"
kind = "thematic"
goal = "Fleire i arbeid."

[[work_packages.measures]]
id = "mentor"
title = "Mentorprogram"

[[work_packages.actions]]
id = "mentor"
measure = "mentor"
how = "Mentorprogram"
when = "Sep.20 – mai 21"

[[work_packages.actions]]
id = "frukost"
measure = "nope"
how = "Frukostmøte"
"#;

    #[test]
    fn unknown_measure_is_located() {
        let e = load(MINIMAL, "demo.toml").unwrap_err();
        assert_eq!(e.field, "work_packages[0].actions[1].measure");
        assert_eq!(e.line, Some(42));
        assert!(e
            .to_string()
            .starts_with("demo.toml:42: field `work_packages[0].actions[1].measure`"));
    }

    #[test]
    fn syntax_and_schema_errors_name_line_and_field() {
        let text = MINIMAL.replace("main_goal = \"Fleire blir buande.\"\n", "");
        let e = load(&text, "x.toml").unwrap_err();
        assert_eq!(e.field, "main_goal");
        assert!(e.line.is_some());
        let text = MINIMAL.replace("kind = \"thematic\"", "kind = \"thematc\"");
        let e = load(&text, "x.toml").unwrap_err();
        assert_eq!(e.line, Some(27), "{e}");
        let text = MINIMAL.replace("name = \"Demo\"", "name = \"Demo\"\ncolour = 1");
        let e = load(&text, "x.toml").unwrap_err();
        assert_eq!(e.field, "colour");
    }

    #[test]
    fn export_round_trips() {
        let text = MINIMAL.replace("\"nope\"", "\"mentor\"");
        let plan = load(&text, "x.toml").unwrap();
        let again = load(&export(&plan), "export.toml").unwrap();
        assert_eq!(plan, again);
    }

    const REAL: &str = include_str!("../../../data/programmes/sogn-for-alle.toml");

    #[test]
    fn the_sogn_for_alle_plan_loads_whole_and_round_trips() {
        let plan = load(REAL, "sogn-for-alle.toml").unwrap();
        assert_eq!(plan.work_packages.len(), 8);
        let strategies: Vec<u32> = plan
            .work_packages
            .iter()
            .flat_map(|w| w.strategies.iter().map(|s| s.number))
            .collect();
        assert_eq!(strategies, (1..=10).collect::<Vec<_>>());
        assert_eq!(
            plan.work_packages
                .iter()
                .map(|w| w.measures.len())
                .sum::<usize>(),
            13
        );
        assert_eq!(plan.actions().count(), 20);
        assert_eq!(plan.municipalities.len(), 7);
        assert_eq!(
            plan.organisation.steering_group_meeting_months,
            [9, 11, 1, 3, 5]
        );
        assert_eq!(load(&export(&plan), "export.toml").unwrap(), plan);
    }

    #[test]
    fn every_when_of_the_plan_that_names_a_time_is_read() {
        let plan = load(REAL, "sogn-for-alle.toml").unwrap();
        let unread: Vec<&str> = plan
            .actions()
            .filter(|(_, a)| a.span(plan.context()).is_none())
            .map(|(_, a)| a.when.as_str())
            .collect();
        assert_eq!(unread, ["Kontinuerleg"]);
    }

    #[test]
    fn over_long_text_is_refused() {
        let long = "a".repeat(limits::TEXT + 1);
        let text = MINIMAL
            .replace("\"nope\"", "\"mentor\"")
            .replace("Frukostmøte", &long);
        let e = load(&text, "x.toml").unwrap_err();
        assert_eq!(e.field, "work_packages[0].actions[1].how");
        assert!(e.message.contains("at most 4000"));
    }
}
