//! JSON-stat into [`Cube`]s: 2.0 datasets and collections, and the 1.x bundles of SSB's old API.
//!
//! Checks the cube rules of the jsonstat validator (its codes, such as `VALUE_LEN_MISMATCH`, open
//! the error message) so that a document that is not a cube is refused with a reason.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use crate::error::Error;
use crate::model::{
    checked_product, Category, Cells, Cube, Dimension, Elimination, Note, Role, Text,
};

/// A sparse `value` object may describe a cube far larger than the document; this many cells per
/// input byte (plus a floor) bounds what a small hostile file can make us allocate.
const SPARSE_CELLS_PER_BYTE: usize = 64;
const SPARSE_CELLS_FLOOR: usize = 1 << 20;

struct Ctx<'a> {
    input: &'a [u8],
    /// Prefix for paths inside a collection or bundle.
    base: String,
}

impl Ctx<'_> {
    /// An error about `path`, placed at the first occurrence of its last key in the text: serde's
    /// tree keeps no positions, and that is where a person would look.
    fn err(&self, path: &str, code: &str, msg: impl Into<String>) -> Error {
        let full = if self.base.is_empty() {
            path.to_string()
        } else {
            format!("{}.{path}", self.base)
        };
        let last = path.rsplit('.').next().unwrap_or(path);
        let needle = format!("\"{last}\"");
        let msg = if code.is_empty() {
            msg.into()
        } else {
            format!("{code}: {}", msg.into())
        };
        let e = match find(self.input, needle.as_bytes()) {
            Some(at) => {
                let (l, c) = crate::px::lexer::line_col(self.input, at);
                Error::at(l, c, msg)
            }
            None => Error::new(msg),
        };
        e.with_keyword(full)
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || needle.len() > hay.len() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Reads every dataset in the document.
pub fn read_all(input: &[u8]) -> Result<Vec<Cube>, Error> {
    let root: Value = serde_json::from_slice(input).map_err(|e| {
        Error::at(e.line(), e.column(), format!("expected JSON: {e}")).with_keyword("JSON")
    })?;
    let cx = Ctx {
        input,
        base: String::new(),
    };
    let Value::Object(obj) = &root else {
        return Err(Error::new("expected a JSON object at the top").with_keyword("JSON"));
    };
    match obj.get("class") {
        Some(Value::String(c)) if c == "dataset" => Ok(vec![dataset(&cx, obj, false)?]),
        Some(Value::String(c)) if c == "collection" => {
            let items = obj
                .get("link")
                .and_then(|l| l.get("item"))
                .and_then(Value::as_array)
                .ok_or_else(|| {
                    cx.err(
                        "link.item",
                        "",
                        "expected the collection's items in link.item",
                    )
                })?;
            let mut out = Vec::new();
            for (k, item) in items.iter().enumerate() {
                let Some(o) = item.as_object() else {
                    return Err(cx.err("link.item", "", format!("item {k} is not an object")));
                };
                let embedded = o.get("class").and_then(Value::as_str) == Some("dataset")
                    && o.contains_key("value");
                if embedded {
                    let sub = Ctx {
                        input,
                        base: format!("link.item[{k}]"),
                    };
                    out.push(dataset(&sub, o, false)?);
                }
            }
            if out.is_empty() {
                return Err(cx.err(
                    "link.item",
                    "",
                    "the collection embeds no dataset: its items only link to others",
                ));
            }
            Ok(out)
        }
        Some(Value::String(c)) if c == "dimension" => Err(cx.err(
            "class",
            "",
            "a dimension document holds no figures; expected a dataset or collection",
        )),
        Some(other) => Err(cx.err(
            "class",
            "",
            format!("expected \"dataset\", \"collection\" or \"dimension\", found {other}"),
        )),
        None if obj.get("version").and_then(Value::as_str) == Some("2.0") => Err(cx.err(
            "version",
            "BUNDLE_DEPRECATED",
            "a JSON-stat 2.0 document needs \"class\"; bundles of datasets belong to version 1.x",
        )),
        None => {
            // JSON-stat 1.x bundle: each member is a dataset.
            let mut out = Vec::new();
            for (name, v) in obj {
                if let Some(o) = v.as_object().filter(|o| o.contains_key("dimension")) {
                    let sub = Ctx {
                        input,
                        base: name.clone(),
                    };
                    out.push(dataset(&sub, o, true)?);
                }
            }
            if out.is_empty() {
                return Err(cx.err(
                    "class",
                    "",
                    "expected \"class\" (JSON-stat 2.0) or a 1.x bundle of datasets",
                ));
            }
            Ok(out)
        }
    }
}

/// The first dataset of the document.
pub fn read(input: &[u8]) -> Result<Cube, Error> {
    Ok(read_all(input)?.swap_remove(0))
}

fn strings(cx: &Ctx, v: Option<&Value>, path: &str) -> Result<Vec<String>, Error> {
    let arr = v
        .and_then(Value::as_array)
        .ok_or_else(|| cx.err(path, "", "expected an array of strings"))?;
    arr.iter()
        .map(|s| {
            s.as_str()
                .map(str::to_string)
                .ok_or_else(|| cx.err(path, "", format!("expected a string, found {s}")))
        })
        .collect()
}

fn notes(cx: &Ctx, v: Option<&Value>, path: &str) -> Result<Vec<Note>, Error> {
    match v {
        None => Ok(Vec::new()),
        Some(Value::String(s)) => Ok(vec![Note {
            text: Text::one(s.clone()),
            mandatory: false,
        }]),
        Some(_) => Ok(strings(cx, v, path)?
            .into_iter()
            .map(|s| Note {
                text: Text::one(s),
                mandatory: false,
            })
            .collect()),
    }
}

fn dataset(cx: &Ctx, obj: &Map<String, Value>, v1: bool) -> Result<Cube, Error> {
    let dim_obj = obj
        .get("dimension")
        .and_then(Value::as_object)
        .ok_or_else(|| cx.err("dimension", "", "expected a \"dimension\" object"))?;
    let (ids, sizes_v, role_v) = if v1 {
        (
            strings(cx, dim_obj.get("id"), "dimension.id")?,
            dim_obj.get("size"),
            dim_obj.get("role"),
        )
    } else {
        (
            strings(cx, obj.get("id"), "id")?,
            obj.get("size"),
            obj.get("role"),
        )
    };
    let size_path = if v1 { "dimension.size" } else { "size" };
    let sizes: Vec<usize> = sizes_v
        .and_then(Value::as_array)
        .ok_or_else(|| cx.err(size_path, "", "expected an array of sizes"))?
        .iter()
        .map(|s| {
            s.as_u64()
                .and_then(|n| usize::try_from(n).ok())
                .ok_or_else(|| cx.err(size_path, "", format!("expected a whole number, found {s}")))
        })
        .collect::<Result<_, _>>()?;
    if sizes.len() != ids.len() {
        return Err(cx.err(
            size_path,
            "ID_SIZE_LEN_MISMATCH",
            format!(
                "id names {} dimensions but size gives {}",
                ids.len(),
                sizes.len()
            ),
        ));
    }
    let mut seen = HashSet::new();
    for id in &ids {
        if !seen.insert(id) {
            return Err(cx.err("id", "ID_DUPLICATE", format!("\"{id}\" is named twice")));
        }
        if !dim_obj.contains_key(id) {
            return Err(cx.err(
                "dimension",
                "DIM_KEY_ID_MISMATCH",
                format!("id names \"{id}\" but dimension has no such member"),
            ));
        }
    }
    if !v1 {
        if let Some(k) = dim_obj.keys().find(|k| !seen.contains(k)) {
            return Err(cx.err(
                "dimension",
                "DIM_KEY_ID_MISMATCH",
                format!("dimension has \"{k}\", which id does not name"),
            ));
        }
    }
    let n = checked_product(sizes.iter().copied()).ok_or_else(|| {
        cx.err(
            size_path,
            "",
            "the sizes multiply past what can be addressed",
        )
    })?;

    let mut dims = Vec::with_capacity(ids.len());
    for (id, &size) in ids.iter().zip(&sizes) {
        let path = format!("dimension.{id}");
        let d = dim_obj[id.as_str()]
            .as_object()
            .ok_or_else(|| cx.err(&path, "", "expected a dimension object"))?;
        dims.push(dimension(cx, id, d, size, &path)?);
    }

    if let Some(role) = role_v {
        let role = role
            .as_object()
            .ok_or_else(|| cx.err("role", "", "expected an object"))?;
        for (name, r) in [
            ("time", Role::Time),
            ("geo", Role::Geo),
            ("metric", Role::Metric),
        ] {
            if role.get(name).is_none() {
                continue;
            }
            for id in strings(cx, role.get(name), &format!("role.{name}"))? {
                let d = ids.iter().position(|i| *i == id).ok_or_else(|| {
                    cx.err(
                        &format!("role.{name}"),
                        "ROLE_ID_UNKNOWN",
                        format!("\"{id}\" is not a dimension id"),
                    )
                })?;
                dims[d].role = Some(r);
            }
        }
    }

    let cells = values(cx, obj, n)?;
    let text = |k: &str| -> Text {
        obj.get(k)
            .and_then(Value::as_str)
            .map(Text::one)
            .unwrap_or_default()
    };
    let mut cube = Cube {
        title: text("label"),
        source: text("source"),
        updated: obj
            .get("updated")
            .and_then(Value::as_str)
            .map(str::to_string),
        notes: notes(cx, obj.get("note"), "note")?,
        dimensions: dims,
        cells,
        ..Cube::default()
    };
    if let Some(px) = obj
        .get("extension")
        .and_then(|e| e.get("px"))
        .and_then(Value::as_object)
    {
        if let Some(t) = px.get("tableid").and_then(Value::as_str) {
            cube.matrix = t.to_string();
        }
        if let Some(t) = px.get("contents").and_then(Value::as_str) {
            cube.contents = Text::one(t);
        }
        if let Some(d) = px.get("decimals").and_then(Value::as_u64) {
            cube.decimals = u32::try_from(d).ok();
        }
        if let Some(heading) = px.get("heading").and_then(Value::as_array) {
            for h in heading.iter().filter_map(Value::as_str) {
                if let Some(d) = cube.dimensions.iter_mut().find(|d| d.id == h) {
                    d.heading = true;
                }
            }
        }
        if let Some(l) = px.get("language").and_then(Value::as_str) {
            cube.languages = vec![l.to_string()];
        }
    }
    cube.check_shape()
        .map_err(|e| cx.err("value", "", e.message()))?;
    Ok(cube)
}

fn dimension(
    cx: &Ctx,
    id: &str,
    d: &Map<String, Value>,
    size: usize,
    path: &str,
) -> Result<Dimension, Error> {
    let cpath = format!("{path}.category");
    let cat = d
        .get("category")
        .and_then(Value::as_object)
        .ok_or_else(|| cx.err(&cpath, "", "expected a category object"))?;
    let labels = match cat.get("label") {
        None => None,
        Some(Value::Object(m)) => Some(m),
        Some(_) => {
            return Err(cx.err(
                &format!("{cpath}.label"),
                "",
                "expected an object of id → label",
            ))
        }
    };
    let codes: Vec<String> = match cat.get("index") {
        Some(Value::Array(a)) => a
            .iter()
            .map(|c| {
                c.as_str().map(str::to_string).ok_or_else(|| {
                    cx.err(
                        &format!("{cpath}.index"),
                        "",
                        format!("expected a category id, found {c}"),
                    )
                })
            })
            .collect::<Result<_, _>>()?,
        Some(Value::Object(m)) => {
            let mut slots: Vec<Option<String>> = vec![None; m.len()];
            for (code, pos) in m {
                let p = pos
                    .as_u64()
                    .and_then(|p| usize::try_from(p).ok())
                    .filter(|&p| p < m.len());
                match p {
                    Some(p) if slots[p].is_none() => slots[p] = Some(code.clone()),
                    _ => {
                        return Err(cx.err(
                            &format!("{cpath}.index"),
                            "INDEX_POSITIONS_INVALID",
                            format!(
                                "the positions must be 0 to {} once each; \"{code}\" has {pos}",
                                m.len().saturating_sub(1)
                            ),
                        ))
                    }
                }
            }
            slots
                .into_iter()
                .map(|s| s.expect("every slot filled"))
                .collect()
        }
        None => match labels {
            // A single category may be given by its label alone.
            Some(m) if m.len() == 1 => m.keys().cloned().collect(),
            _ => {
                return Err(cx.err(
                    &format!("{cpath}.index"),
                    "",
                    "expected index (it may be left out only for one category with a label)",
                ))
            }
        },
        Some(_) => {
            return Err(cx.err(
                &format!("{cpath}.index"),
                "",
                "expected an array or an object",
            ))
        }
    };
    if codes.len() != size {
        return Err(cx.err(
            &format!("{cpath}.index"),
            "INDEX_COUNT_MISMATCH",
            format!(
                "\"{id}\" has {} categories but size says {size}",
                codes.len()
            ),
        ));
    }
    let pos: HashMap<&str, usize> = codes
        .iter()
        .enumerate()
        .map(|(i, c)| (c.as_str(), i))
        .collect();
    if pos.len() != codes.len() {
        return Err(cx.err(
            &format!("{cpath}.index"),
            "INDEX_POSITIONS_INVALID",
            format!("\"{id}\" lists a category twice"),
        ));
    }
    let mut cats: Vec<Category> = codes
        .iter()
        .map(|c| Category {
            code: c.clone(),
            label: Text::one(c.clone()),
            ..Category::default()
        })
        .collect();
    let keyed = |name: &str, code: &str| -> Result<Option<&Map<String, Value>>, Error> {
        match cat.get(name) {
            None => Ok(None),
            Some(Value::Object(m)) => {
                if let Some(k) = m.keys().find(|k| !pos.contains_key(k.as_str())) {
                    return Err(cx.err(
                        &format!("{cpath}.{name}"),
                        code,
                        format!("\"{k}\" is not a category of \"{id}\""),
                    ));
                }
                Ok(Some(m))
            }
            Some(_) => Err(cx.err(
                &format!("{cpath}.{name}"),
                "",
                "expected an object keyed by category id",
            )),
        }
    };
    if let Some(m) = keyed("label", "LABEL_KEY_UNKNOWN")? {
        for (k, v) in m {
            let s = v.as_str().ok_or_else(|| {
                cx.err(
                    &format!("{cpath}.label"),
                    "",
                    format!("expected a string label for \"{k}\""),
                )
            })?;
            cats[pos[k.as_str()]].label = Text::one(s);
        }
    }
    if let Some(m) = keyed("unit", "UNIT_KEY_UNKNOWN")? {
        for (k, v) in m {
            let c = &mut cats[pos[k.as_str()]];
            if let Some(l) = v.get("label").and_then(Value::as_str) {
                c.unit = Some(Text::one(l));
            }
            c.decimals = v
                .get("decimals")
                .and_then(Value::as_u64)
                .and_then(|d| u32::try_from(d).ok());
        }
    }
    keyed("coordinates", "COORD_KEY_UNKNOWN")?;
    if let Some(m) = keyed("note", "NOTE_KEY_UNKNOWN")? {
        for (k, v) in m {
            cats[pos[k.as_str()]].notes = notes(cx, Some(v), &format!("{cpath}.note"))?;
        }
    }
    if let Some(m) = keyed("child", "CHILD_ID_UNKNOWN")? {
        check_children(cx, &cpath, id, m, &pos)?;
    }
    let ext = d.get("extension");
    let elimination = match ext
        .and_then(|e| e.get("elimination"))
        .and_then(Value::as_bool)
    {
        Some(true) => Some(
            match ext
                .and_then(|e| e.get("eliminationValueCode"))
                .and_then(Value::as_str)
                .and_then(|c| pos.get(c))
            {
                Some(&i) => Elimination::Total(i),
                None => Elimination::Yes,
            },
        ),
        Some(false) => Some(Elimination::No),
        None => None,
    };
    Ok(Dimension {
        id: id.to_string(),
        label: Text::one(d.get("label").and_then(Value::as_str).unwrap_or(id)),
        categories: cats,
        elimination,
        notes: notes(cx, d.get("note"), &format!("{path}.note"))?,
        ..Dimension::default()
    })
}

fn check_children(
    cx: &Ctx,
    cpath: &str,
    id: &str,
    child: &Map<String, Value>,
    pos: &HashMap<&str, usize>,
) -> Result<(), Error> {
    let path = format!("{cpath}.child");
    let mut edges: Vec<Vec<usize>> = vec![Vec::new(); pos.len()];
    for (parent, kids) in child {
        for k in strings(cx, Some(kids), &path)? {
            let &ki = pos.get(k.as_str()).ok_or_else(|| {
                cx.err(
                    &path,
                    "CHILD_ID_UNKNOWN",
                    format!("\"{k}\" is not a category of \"{id}\""),
                )
            })?;
            edges[pos[parent.as_str()]].push(ki);
        }
    }
    // Iterative depth-first search with colours: grey on the stack, black done.
    let mut colour = vec![0u8; pos.len()];
    for start in 0..pos.len() {
        if colour[start] != 0 {
            continue;
        }
        let mut stack = vec![(start, 0usize)];
        colour[start] = 1;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&kid) = edges[node].get(*next) {
                *next += 1;
                match colour[kid] {
                    0 => {
                        colour[kid] = 1;
                        stack.push((kid, 0));
                    }
                    1 => {
                        return Err(cx.err(
                            &path,
                            "CHILD_CYCLE",
                            format!("the hierarchy of \"{id}\" loops"),
                        ))
                    }
                    _ => {}
                }
            } else {
                colour[node] = 2;
                stack.pop();
            }
        }
    }
    Ok(())
}

/// A value or status entry's cell index, from a sparse object's key.
fn sparse_index(cx: &Ctx, path: &str, key: &str, n: usize) -> Result<usize, Error> {
    let i: usize = key.parse().map_err(|_| {
        cx.err(
            path,
            "",
            format!("expected a cell index as key, found \"{key}\""),
        )
    })?;
    if i >= n {
        return Err(cx.err(
            path,
            "SPARSE_KEY_OUT_OF_RANGE",
            format!("index {i} is past the last cell, {}", n.saturating_sub(1)),
        ));
    }
    Ok(i)
}

fn values(cx: &Ctx, obj: &Map<String, Value>, n: usize) -> Result<Cells, Error> {
    let mut cells;
    let set = |cells: &mut Cells, i: usize, v: &Value| -> Result<(), Error> {
        match v {
            Value::Number(x) => match x.as_f64() {
                Some(f) => cells.set_number(i, f),
                None => cells.set_missing(i),
            },
            Value::Null => cells.set_missing(i),
            Value::String(s) => match crate::number::parse(s.trim().as_bytes()) {
                Some(f) => cells.set_number(i, f),
                None => {
                    // A symbol standing in for the figure: keep it as the cell's status.
                    cells.set_missing(i);
                    cells.set_status(i, Some(s))?;
                }
            },
            other => {
                return Err(cx.err(
                    "value",
                    "",
                    format!("expected a number, null or a string, found {other}"),
                ))
            }
        }
        Ok(())
    };
    match obj.get("value") {
        Some(Value::Array(a)) => {
            if a.len() != n {
                return Err(cx.err(
                    "value",
                    "VALUE_LEN_MISMATCH",
                    format!(
                        "value has {} entries but the sizes multiply to {n}",
                        a.len()
                    ),
                ));
            }
            cells = Cells::zeros(n);
            for (i, v) in a.iter().enumerate() {
                set(&mut cells, i, v)?;
            }
        }
        Some(Value::Object(m)) => {
            let cap = cx
                .input
                .len()
                .saturating_mul(SPARSE_CELLS_PER_BYTE)
                .max(SPARSE_CELLS_FLOOR);
            if n > cap {
                return Err(cx.err("size", "", format!("the sizes multiply to {n} cells, more than {cap} this reader holds for a sparse document of this size")));
            }
            cells = Cells::missing(n);
            for (k, v) in m {
                let i = sparse_index(cx, "value", k, n)?;
                set(&mut cells, i, v)?;
            }
        }
        Some(_) => return Err(cx.err("value", "", "expected an array or an object")),
        None => return Err(cx.err("value", "", "expected \"value\" with the figures")),
    }
    match obj.get("status") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) => {
            let slot = cells.intern(s)?;
            for i in 0..n {
                cells.set_status_slot(i, slot);
            }
        }
        Some(Value::Array(a)) => {
            if a.len() != n {
                return Err(cx.err(
                    "status",
                    "STATUS_LEN_MISMATCH",
                    format!("status has {} entries but there are {n} cells", a.len()),
                ));
            }
            for (i, s) in a.iter().enumerate() {
                match s {
                    Value::String(s) => cells.set_status(i, Some(s))?,
                    Value::Null => {}
                    other => {
                        return Err(cx.err(
                            "status",
                            "",
                            format!("expected a string or null, found {other}"),
                        ))
                    }
                }
            }
        }
        Some(Value::Object(m)) => {
            for (k, s) in m {
                let i = sparse_index(cx, "status", k, n)?;
                match s {
                    Value::String(s) => cells.set_status(i, Some(s))?,
                    Value::Null => {}
                    other => {
                        return Err(cx.err(
                            "status",
                            "",
                            format!("expected a string or null, found {other}"),
                        ))
                    }
                }
            }
        }
        Some(_) => return Err(cx.err("status", "", "expected a string, an array or an object")),
    }
    Ok(cells)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparse_values_and_status_forms() {
        let c = read(
            br#"{"version":"2.0","class":"dataset","id":["x"],"size":[3],
            "dimension":{"x":{"category":{"index":{"a":0,"b":1,"c":2}}}},
            "value":{"0":1.5,"2":"4"},"status":{"1":".."}}"#,
        )
        .unwrap();
        assert_eq!(c.cells.value(0), Some(1.5));
        assert_eq!(c.cells.status(1), Some(".."));
        assert_eq!(c.cells.value(2), Some(4.0));
        assert_eq!(c.cells.missing_count(), 1);
    }

    #[test]
    fn version_1_bundle() {
        let c = read_all(
            br#"{"ds":{"label":"t","value":[1,2],"dimension":{"id":["x"],"size":[2],
            "x":{"category":{"index":["a","b"]}}}}}"#,
        )
        .unwrap();
        assert_eq!(c[0].cells.sum(), 3.0);
        assert_eq!(c[0].title.get(0), "t");
    }

    #[test]
    fn single_category_by_label() {
        let c = read(
            br#"{"version":"2.0","class":"dataset","id":["x"],"size":[1],
            "dimension":{"x":{"category":{"label":{"a":"A"}}}},"value":[1]}"#,
        )
        .unwrap();
        assert_eq!(c.dimensions[0].categories[0].code, "a");
    }

    #[test]
    fn syntax_error_located() {
        let e = read(b"{\n  \"a\": ,\n}").unwrap_err();
        assert_eq!(e.line(), Some(2));
        assert_eq!(e.keyword(), Some("JSON"));
    }
}
