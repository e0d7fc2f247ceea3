//! [`Cube`] to a JSON-stat 2.0 dataset, in one language.

use std::io::Write;

use serde_json::{json, Map, Value};

use crate::error::Error;
use crate::model::{Cell, Cube, Elimination, Note, Role};

fn notes(ns: &[Note], lang: usize) -> Value {
    Value::Array(ns.iter().map(|n| json!(n.text.get(lang))).collect())
}

/// Everything but the figures, as a JSON object.
fn metadata(cube: &Cube, lang: usize) -> Value {
    let mut root = Map::new();
    root.insert("version".into(), json!("2.0"));
    root.insert("class".into(), json!("dataset"));
    let title = [&cube.title, &cube.description, &cube.contents]
        .into_iter()
        .find(|t| !t.is_empty());
    if let Some(t) = title {
        root.insert("label".into(), json!(t.get(lang)));
    }
    if !cube.source.is_empty() {
        root.insert("source".into(), json!(cube.source.get(lang)));
    }
    if let Some(u) = &cube.updated {
        root.insert("updated".into(), json!(u));
    }
    if !cube.notes.is_empty() {
        root.insert("note".into(), notes(&cube.notes, lang));
    }
    root.insert(
        "id".into(),
        json!(cube.dimensions.iter().map(|d| &d.id).collect::<Vec<_>>()),
    );
    root.insert(
        "size".into(),
        json!(cube.dimensions.iter().map(|d| d.size()).collect::<Vec<_>>()),
    );
    let mut role = Map::new();
    for (name, r) in [
        ("time", Role::Time),
        ("geo", Role::Geo),
        ("metric", Role::Metric),
    ] {
        let ids: Vec<&String> = cube
            .dimensions
            .iter()
            .filter(|d| d.role == Some(r))
            .map(|d| &d.id)
            .collect();
        if !ids.is_empty() {
            role.insert(name.into(), json!(ids));
        }
    }
    if !role.is_empty() {
        root.insert("role".into(), Value::Object(role));
    }
    let mut dims = Map::new();
    for d in &cube.dimensions {
        let mut cat = Map::new();
        cat.insert(
            "index".into(),
            json!(d.categories.iter().map(|c| &c.code).collect::<Vec<_>>()),
        );
        cat.insert(
            "label".into(),
            Value::Object(
                d.categories
                    .iter()
                    .map(|c| (c.code.clone(), json!(c.label.get(lang))))
                    .collect(),
            ),
        );
        let units: Map<String, Value> = d
            .categories
            .iter()
            .filter(|c| c.unit.is_some() || c.decimals.is_some())
            .map(|c| {
                let mut u = Map::new();
                if let Some(l) = &c.unit {
                    u.insert("label".into(), json!(l.get(lang)));
                }
                if let Some(dec) = c.decimals {
                    u.insert("decimals".into(), json!(dec));
                }
                (c.code.clone(), Value::Object(u))
            })
            .collect();
        if !units.is_empty() {
            cat.insert("unit".into(), Value::Object(units));
        }
        let cnotes: Map<String, Value> = d
            .categories
            .iter()
            .filter(|c| !c.notes.is_empty())
            .map(|c| (c.code.clone(), notes(&c.notes, lang)))
            .collect();
        if !cnotes.is_empty() {
            cat.insert("note".into(), Value::Object(cnotes));
        }
        let mut dim = Map::new();
        dim.insert("label".into(), json!(d.label.get(lang)));
        dim.insert("category".into(), Value::Object(cat));
        if !d.notes.is_empty() {
            dim.insert("note".into(), notes(&d.notes, lang));
        }
        if let Some(e) = d.elimination {
            let mut ext = Map::new();
            ext.insert("elimination".into(), json!(e != Elimination::No));
            if let Elimination::Total(i) = e {
                ext.insert("eliminationValueCode".into(), json!(d.categories[i].code));
            }
            dim.insert("extension".into(), Value::Object(ext));
        }
        dims.insert(d.id.clone(), Value::Object(dim));
    }
    root.insert("dimension".into(), Value::Object(dims));
    // PxWeb keeps PX facts here; so do we, so that a round trip keeps them.
    let mut px = Map::new();
    if !cube.matrix.is_empty() {
        px.insert("tableid".into(), json!(cube.matrix));
    }
    if let Some(d) = cube.decimals {
        px.insert("decimals".into(), json!(d));
    }
    if !cube.contents.is_empty() {
        px.insert("contents".into(), json!(cube.contents.get(lang)));
    }
    if let Some(l) = cube.languages.get(lang) {
        px.insert("language".into(), json!(l));
    }
    let (heading, stub): (Vec<_>, Vec<_>) = cube.dimensions.iter().partition(|d| d.heading);
    if !heading.is_empty() {
        px.insert(
            "heading".into(),
            json!(heading.iter().map(|d| &d.id).collect::<Vec<_>>()),
        );
        px.insert(
            "stub".into(),
            json!(stub.iter().map(|d| &d.id).collect::<Vec<_>>()),
        );
    }
    if !px.is_empty() {
        root.insert("extension".into(), json!({ "px": px }));
    }
    Value::Object(root)
}

/// Writes the cube as one JSON-stat 2.0 dataset, with text in language slot `lang`.
///
/// The figures are streamed, not built as a JSON tree: a 3.4 M cell cube would otherwise take
/// about 100 MB of `serde_json::Value`s.
pub fn write(cube: &Cube, lang: usize, w: &mut dyn Write) -> Result<(), Error> {
    cube.check_shape()?;
    let meta =
        serde_json::to_string(&metadata(cube, lang)).map_err(|e| Error::new(e.to_string()))?;
    let head = meta.strip_suffix('}').expect("a JSON object ends with }");
    w.write_all(head.as_bytes())?;
    w.write_all(b",\"value\":[")?;
    let mut buf = String::with_capacity(32);
    let mut any_status = false;
    for i in 0..cube.cells.len() {
        if i > 0 {
            w.write_all(b",")?;
        }
        match cube.cells.get(i) {
            Cell::Number { value, status } => {
                buf.clear();
                use std::fmt::Write as _;
                let _ = write!(buf, "{value}");
                w.write_all(buf.as_bytes())?;
                any_status |= status.is_some();
            }
            Cell::Missing { status } => {
                w.write_all(b"null")?;
                any_status |= status.is_some();
            }
        }
    }
    w.write_all(b"]")?;
    if any_status {
        w.write_all(b",\"status\":{")?;
        let mut first = true;
        for i in 0..cube.cells.len() {
            if let Some(s) = cube.cells.status(i) {
                if !first {
                    w.write_all(b",")?;
                }
                first = false;
                write!(w, "\"{i}\":{}", Value::from(s))?;
            }
        }
        w.write_all(b"}")?;
    }
    w.write_all(b"}\n")?;
    Ok(())
}
