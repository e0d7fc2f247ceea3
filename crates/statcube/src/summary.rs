//! A statistics file summed up: its title, languages, dimensions and cells, as
//! text for a person or one JSON object (what `bulyst stats inspect` prints).

use std::fmt::Write as _;
use std::path::Path;

use serde_json::json;

use crate::error::Error;
use crate::model::{Cube, Role};
use crate::source::{self, Format};

/// What [`inspect`] gives.
pub struct InspectOptions {
    /// One JSON object instead of text.
    pub json: bool,
    /// The language of labels in a multilingual file; the default language when `None`.
    pub lang: Option<String>,
}

/// A summary of a statistics file: one JSON object when `opts.json`, else text for a person.
pub fn inspect(path: &Path, opts: &InspectOptions) -> Result<String, Error> {
    let (format, cubes) = source::open(path)?;
    let cube = &cubes[0];
    let lang = match &opts.lang {
        None => 0,
        Some(l) => cube.lang_index(l).ok_or_else(|| {
            Error::new(format!(
                "the file has no language \"{l}\"; it has {}",
                if cube.languages.is_empty() {
                    "one, not named".to_string()
                } else {
                    cube.languages.join(", ")
                }
            ))
            .with_file(path.display().to_string())
        })?,
    };
    let cells = cube.cells.len();
    let (missing, sum) = cube.cells.missing_and_sum();
    if opts.json {
        let dims: Vec<_> = cube
            .dimensions
            .iter()
            .map(|d| {
                let mut o = json!({"id": d.id, "label": d.label.get(lang), "size": d.size()});
                if let Some(r) = d.role {
                    o["role"] = json!(role_name(r));
                }
                o
            })
            .collect();
        let mut o = json!({
            "format": format_name(format),
            "title": title(cube, lang),
            "languages": cube.languages,
            "dimensions": dims,
            "cells": cells,
            "missing": missing,
            "sum": sum,
        });
        if let Some(u) = &cube.updated {
            o["updated"] = json!(u);
        }
        if !cube.source.is_empty() {
            o["source"] = json!(cube.source.get(lang));
        }
        if cubes.len() > 1 {
            o["datasets"] = json!(cubes.len());
        }
        return Ok(o.to_string());
    }
    let mut s = String::new();
    let _ = writeln!(s, "{} ({})", title(cube, lang), format_name(format));
    if cubes.len() > 1 {
        let _ = writeln!(s, "first of {} datasets", cubes.len());
    }
    if !cube.languages.is_empty() {
        let _ = writeln!(s, "languages: {}", cube.languages.join(", "));
    }
    if !cube.source.is_empty() {
        let _ = writeln!(s, "source: {}", cube.source.get(lang));
    }
    if let Some(u) = &cube.updated {
        let _ = writeln!(s, "updated: {u}");
    }
    if !cube.units.is_empty() {
        let _ = writeln!(s, "units: {}", cube.units.get(lang));
    }
    let _ = writeln!(s, "dimensions:");
    for d in &cube.dimensions {
        let role = d
            .role
            .map(|r| format!(" [{}]", role_name(r)))
            .unwrap_or_default();
        let first: Vec<&str> = d
            .categories
            .iter()
            .take(4)
            .map(|c| c.label.get(lang))
            .collect();
        let more = if d.size() > 4 { ", …" } else { "" };
        let _ = writeln!(
            s,
            "  {} \"{}\"{role}: {} ({}{more})",
            d.id,
            d.label.get(lang),
            d.size(),
            first.join(", ")
        );
    }
    let _ = writeln!(s, "cells: {cells}");
    let _ = writeln!(s, "missing: {missing}");
    let _ = write!(s, "sum: {sum}");
    Ok(s)
}

fn format_name(f: Format) -> &'static str {
    match f {
        Format::Px => "px",
        Format::JsonStat => "json-stat2",
    }
}

fn role_name(r: Role) -> &'static str {
    match r {
        Role::Time => "time",
        Role::Geo => "geo",
        Role::Metric => "metric",
    }
}

fn title(cube: &Cube, lang: usize) -> String {
    [&cube.title, &cube.description, &cube.contents]
        .into_iter()
        .find(|t| !t.is_empty())
        .map(|t| t.get(lang).to_string())
        .unwrap_or_default()
}
