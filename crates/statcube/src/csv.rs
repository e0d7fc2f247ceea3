//! Long-format CSV: one row per cell, each dimension as a code column and a label column, then
//! `value` and `status`. Read back as well, so that a conversion can be checked.

use std::collections::HashMap;
use std::io::Write;

use crate::error::Error;
use crate::model::{Category, Cell, Cells, Cube, Dimension, Text};

fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Writes every cell, missing ones too (empty value, their code in `status`), in data order.
pub fn write(cube: &Cube, lang: usize, w: &mut dyn Write) -> Result<(), Error> {
    cube.check_shape()?;
    let mut head: Vec<String> = Vec::new();
    for d in &cube.dimensions {
        head.push(field(&d.id));
        head.push(field(&format!("{}_label", d.id)));
    }
    head.push("value".into());
    head.push("status".into());
    writeln!(w, "{}", head.join(","))?;
    // Each dimension's code and label, quoted once rather than once per row.
    let cols: Vec<Vec<String>> = cube
        .dimensions
        .iter()
        .map(|d| {
            d.categories
                .iter()
                .map(|c| format!("{},{}", field(&c.code), field(c.label.get(lang))))
                .collect()
        })
        .collect();
    let strides = cube.strides();
    let mut buf = String::with_capacity(1 << 16);
    use std::fmt::Write as _;
    for i in 0..cube.cells.len() {
        for (k, col) in cols.iter().enumerate() {
            buf.push_str(&col[(i / strides[k]) % col.len()]);
            buf.push(',');
        }
        let status = match cube.cells.get(i) {
            Cell::Number { value, status } => {
                let _ = write!(buf, "{value}");
                status
            }
            Cell::Missing { status } => status,
        };
        buf.push(',');
        if let Some(s) = status {
            buf.push_str(&field(s));
        }
        buf.push('\n');
        if buf.len() > 60_000 {
            w.write_all(buf.as_bytes())?;
            buf.clear();
        }
    }
    w.write_all(buf.as_bytes())?;
    Ok(())
}

/// Splits CSV text into records; quoted fields may hold commas, quotes and line breaks.
fn records(text: &str) -> Result<Vec<(usize, Vec<String>)>, Error> {
    let mut out = Vec::new();
    let mut rec = Vec::new();
    let mut cur = String::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    let mut start_line = 1;
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cur.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    cur.push(c);
                }
                _ => cur.push(c),
            }
            continue;
        }
        match c {
            '"' if at_start => quoted = true,
            ',' => {
                rec.push(std::mem::take(&mut cur));
                at_start = true;
                continue;
            }
            '\r' => continue,
            '\n' => {
                rec.push(std::mem::take(&mut cur));
                out.push((start_line, std::mem::take(&mut rec)));
                line += 1;
                start_line = line;
            }
            _ => cur.push(c),
        }
        at_start = c == '\n';
    }
    if quoted {
        return Err(Error::at(start_line, 1, "a quoted field is never closed").with_keyword("CSV"));
    }
    if !cur.is_empty() || !rec.is_empty() {
        rec.push(cur);
        out.push((start_line, rec));
    }
    Ok(out)
}

/// Reads the long format [`write`] makes. Categories come in order of first appearance, and the
/// rows must run in data order (last dimension fastest), as they do when written.
pub fn read(input: &[u8]) -> Result<Cube, Error> {
    let text = std::str::from_utf8(input)
        .map_err(|e| Error::new(format!("expected UTF-8 text: {e}")).with_keyword("CSV"))?;
    let recs = records(text)?;
    let Some((_, head)) = recs.first() else {
        return Err(Error::new("expected a header row").with_keyword("CSV"));
    };
    let n = head.len();
    if n < 2 || n % 2 != 0 || head[n - 2] != "value" || head[n - 1] != "status" {
        return Err(Error::at(
            1,
            1,
            "expected the header: code and label columns per dimension, then value,status",
        )
        .with_keyword("CSV"));
    }
    let ndims = (n - 2) / 2;
    let mut dims: Vec<Dimension> = head[..n - 2]
        .chunks(2)
        .map(|p| Dimension {
            id: p[0].clone(),
            label: Text::one(p[0].clone()),
            ..Dimension::default()
        })
        .collect();
    let mut index: Vec<HashMap<String, usize>> = vec![HashMap::new(); ndims];
    let mut rows: Vec<Vec<usize>> = Vec::with_capacity(recs.len() - 1);
    let mut figures: Vec<(f64, Option<String>)> = Vec::with_capacity(recs.len() - 1);
    for (line, r) in &recs[1..] {
        if r.len() != n {
            return Err(
                Error::at(*line, 1, format!("expected {n} fields, found {}", r.len()))
                    .with_keyword("CSV"),
            );
        }
        let mut idx = Vec::with_capacity(ndims);
        for k in 0..ndims {
            let code = &r[2 * k];
            let next = index[k].len();
            let i = *index[k].entry(code.clone()).or_insert_with(|| {
                dims[k].categories.push(Category {
                    code: code.clone(),
                    label: Text::one(r[2 * k + 1].clone()),
                    ..Category::default()
                });
                next
            });
            idx.push(i);
        }
        let v = if r[n - 2].is_empty() {
            f64::NAN
        } else {
            crate::number::parse(r[n - 2].as_bytes()).ok_or_else(|| {
                Error::at(
                    *line,
                    1,
                    format!("expected a number in `value`, found \"{}\"", r[n - 2]),
                )
                .with_keyword("CSV")
            })?
        };
        let status = (!r[n - 1].is_empty()).then(|| r[n - 1].clone());
        rows.push(idx);
        figures.push((v, status));
    }
    let mut cube = Cube {
        dimensions: dims,
        ..Cube::default()
    };
    let count = cube
        .cell_count()
        .filter(|&c| c == rows.len())
        .ok_or_else(|| {
            Error::new(format!(
                "{} rows, but the categories found make another number of cells",
                rows.len()
            ))
            .with_keyword("CSV")
        })?;
    let strides = cube.strides();
    let mut cells = Cells::zeros(count);
    for (i, (idx, (v, status))) in rows.iter().zip(figures).enumerate() {
        let pos: usize = idx.iter().zip(&strides).map(|(a, b)| a * b).sum();
        if pos != i {
            return Err(Error::at(
                recs[i + 1].0,
                1,
                "the rows are not in data order (last dimension fastest)",
            )
            .with_keyword("CSV"));
        }
        cells.set_number(i, v);
        cells.set_status(i, status.as_deref())?;
    }
    cube.cells = cells;
    Ok(cube)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_when_needed() {
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("plain"), "plain");
    }

    #[test]
    fn records_with_breaks() {
        let r = records("a,\"b\nc\",\"d\"\"\"\r\n1,2,3\n").unwrap();
        assert_eq!(r[0].1, vec!["a", "b\nc", "d\""]);
        assert_eq!(r[1], (3, vec!["1".to_string(), "2".into(), "3".into()]));
    }
}
