//! [`Cube`] to a PX 2013 file in UTF-8, every language included.

use std::fmt::Write as _;
use std::io::Write;

use crate::error::Error;
use crate::model::{Cell, Cube, Elimination, Note, Role, Text};

/// PX strings cannot escape a quote or hold a line break.
fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for ch in s.chars() {
        out.push(match ch {
            '"' => '\'',
            '\r' | '\n' => ' ',
            c => c,
        });
    }
    out.push('"');
    out
}

fn list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    items.into_iter().map(q).collect::<Vec<_>>().join(",")
}

/// "2025-10-27T08:00[:ss][Z]" → "20251027 08:00"; other forms are kept.
fn iso_to_px_date(s: &str) -> String {
    let b = s.as_bytes();
    let ok = |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    if b.len() >= 16
        && ok(0..4)
        && b[4] == b'-'
        && ok(5..7)
        && b[7] == b'-'
        && ok(8..10)
        && b[10] == b'T'
        && ok(11..13)
        && b[13] == b':'
        && ok(14..16)
    {
        format!("{}{}{} {}", &s[0..4], &s[5..7], &s[8..10], &s[11..16])
    } else if b.len() == 10 && ok(0..4) && b[4] == b'-' && ok(5..7) && b[7] == b'-' && ok(8..10) {
        format!("{}{}{}", &s[0..4], &s[5..7], &s[8..10])
    } else {
        s.to_string()
    }
}

struct Out {
    s: String,
    langs: Vec<String>,
}

impl Out {
    fn tag(&self, lang: usize) -> String {
        if lang == 0 {
            String::new()
        } else {
            format!("[{}]", self.langs[lang])
        }
    }

    fn line(&mut self, kw: &str, lang: usize, subkeys: &[&str], value: &str) {
        let tag = self.tag(lang);
        let sub = if subkeys.is_empty() {
            String::new()
        } else {
            format!("({})", list(subkeys.iter().copied()))
        };
        let _ = writeln!(self.s, "{kw}{tag}{sub}={value};");
    }

    /// A text in every language (skipped when empty).
    fn text(&mut self, kw: &str, subkeys: &[Vec<String>], t: &Text) {
        if t.is_empty() {
            return;
        }
        for lang in 0..self.langs.len().max(1) {
            let sub: Vec<&str> = subkeys
                .get(lang)
                .or(subkeys.first())
                .map(|v| v.iter().map(String::as_str).collect())
                .unwrap_or_default();
            self.line(kw, lang, &sub, &q(t.get(lang)));
        }
    }

    fn notes(&mut self, kw: &str, subkeys: &[Vec<String>], notes: &[Note]) {
        for n in notes {
            let kw = if n.mandatory {
                format!("{kw}X")
            } else {
                kw.to_string()
            };
            let t = if n.text.is_empty() {
                Text::one(" ")
            } else {
                n.text.clone()
            };
            self.text(&kw, subkeys, &t);
        }
    }
}

/// Names that are unique within each language, as PX needs: the label, else the id.
fn variable_names(cube: &Cube, langs: usize) -> Vec<Vec<String>> {
    (0..langs)
        .map(|lang| {
            let mut names: Vec<String> = Vec::new();
            for d in &cube.dimensions {
                let mut name = d.label.get(lang).trim().to_string();
                if name.is_empty() || names.contains(&name) {
                    name = d.id.clone();
                }
                let base = name.clone();
                let mut k = 2;
                while names.contains(&name) {
                    name = format!("{base} ({k})");
                    k += 1;
                }
                names.push(name);
            }
            names
        })
        .collect()
}

/// Writes the cube as PX. Cells with a status but a number keep the number only: PX has no place
/// for both.
pub fn write(cube: &Cube, w: &mut dyn Write) -> Result<(), Error> {
    cube.check_shape()?;
    let langs = cube.lang_count();
    let mut o = Out {
        s: String::new(),
        langs: cube.languages.clone(),
    };
    o.line("CHARSET", 0, &[], "\"ANSI\"");
    o.line("AXIS-VERSION", 0, &[], "\"2013\"");
    o.line("CODEPAGE", 0, &[], "\"utf-8\"");
    if let Some(l) = cube.languages.first() {
        o.line("LANGUAGE", 0, &[], &q(l));
    }
    if cube.languages.len() > 1 {
        o.line(
            "LANGUAGES",
            0,
            &[],
            &list(cube.languages.iter().map(String::as_str)),
        );
    }
    o.line("DECIMALS", 0, &[], &cube.decimals.unwrap_or(0).to_string());
    if let Some(d) = cube.show_decimals {
        o.line("SHOWDECIMALS", 0, &[], &d.to_string());
    }
    o.line("MATRIX", 0, &[], &q(&cube.matrix));
    o.line("SUBJECT-CODE", 0, &[], &q(&cube.subject_code));
    o.text("SUBJECT-AREA", &[], &cube.subject_area);
    o.text("DESCRIPTION", &[], &cube.description);
    o.text("TITLE", &[], &cube.title);
    o.text("CONTENTS", &[], &cube.contents);
    o.text("UNITS", &[], &cube.units);

    let names = variable_names(cube, langs);
    let mut heading_start = cube
        .dimensions
        .iter()
        .position(|d| d.heading)
        .unwrap_or(cube.dimensions.len());
    if heading_start == cube.dimensions.len() && !cube.dimensions.is_empty() {
        // PX lays rows out over STUB and columns over HEADING; with none marked, the last
        // dimension makes the columns, which keeps the data order.
        heading_start = cube.dimensions.len() - 1;
    }
    for (lang, n) in names.iter().enumerate() {
        if heading_start > 0 {
            o.line(
                "STUB",
                lang,
                &[],
                &list(n[..heading_start].iter().map(String::as_str)),
            );
        }
        if heading_start < n.len() {
            o.line(
                "HEADING",
                lang,
                &[],
                &list(n[heading_start..].iter().map(String::as_str)),
            );
        }
    }
    let contvar = cube
        .dimensions
        .iter()
        .position(|d| d.role == Some(Role::Metric));
    if let Some(c) = contvar {
        for (lang, n) in names.iter().enumerate() {
            o.line("CONTVARIABLE", lang, &[], &q(&n[c]));
        }
    }
    let sub1 =
        |d: usize| -> Vec<Vec<String>> { names.iter().map(|n| vec![n[d].clone()]).collect() };
    for (d, dim) in cube.dimensions.iter().enumerate() {
        o.line("VARIABLECODE", 0, &[&names[0][d]], &q(&dim.id));
        for (lang, n) in names.iter().enumerate() {
            o.line(
                "VALUES",
                lang,
                &[&n[d]],
                &list(dim.categories.iter().map(|c| c.label.get(lang))),
            );
        }
        o.line(
            "CODES",
            0,
            &[&names[0][d]],
            &list(dim.categories.iter().map(|c| c.code.as_str())),
        );
        if let Some(t) = &dim.time {
            let mut v = match &t.range {
                Some((a, b)) => format!("TLIST({}, {}-{})", t.format, q(a), q(b)),
                None => format!("TLIST({})", t.format),
            };
            for p in &t.periods {
                v.push(',');
                v.push_str(&q(p));
            }
            o.line("TIMEVAL", 0, &[&names[0][d]], &v);
        } else if dim.role == Some(Role::Time) {
            let v = format!(
                "TLIST(A1),{}",
                list(dim.categories.iter().map(|c| c.code.as_str()))
            );
            o.line("TIMEVAL", 0, &[&names[0][d]], &v);
        }
        match dim.elimination {
            Some(Elimination::Yes) => o.line("ELIMINATION", 0, &[&names[0][d]], "YES"),
            Some(Elimination::No) => o.line("ELIMINATION", 0, &[&names[0][d]], "NO"),
            Some(Elimination::Total(i)) => o.line(
                "ELIMINATION",
                0,
                &[&names[0][d]],
                &q(dim.categories[i].label.get(0)),
            ),
            None => {}
        }
        if dim.role == Some(Role::Geo) || dim.map.is_some() {
            o.line(
                "MAP",
                0,
                &[&names[0][d]],
                &q(dim.map.as_deref().unwrap_or(&dim.id)),
            );
        }
        o.notes("NOTE", &sub1(d), &dim.notes);
        for c in &dim.categories {
            let sub2: Vec<Vec<String>> = (0..langs)
                .map(|l| vec![names[l][d].clone(), c.label.get(l).to_string()])
                .collect();
            if let Some(p) = c.decimals {
                o.line(
                    "PRECISION",
                    0,
                    &[&names[0][d], c.label.get(0)],
                    &p.to_string(),
                );
            }
            o.notes("VALUENOTE", &sub2, &c.notes);
        }
    }
    if let Some(c) = contvar {
        for cat in &cube.dimensions[c].categories {
            let sub: Vec<Vec<String>> = (0..langs)
                .map(|l| vec![cat.label.get(l).to_string()])
                .collect();
            if let Some(u) = &cat.unit {
                o.text("UNITS", &sub, u);
            }
            for (kw, t) in &cat.meta {
                for (lang, s) in sub.iter().enumerate() {
                    o.line(kw, lang, &[&s[0]], t.get(lang));
                }
            }
        }
    }
    if let Some(u) = &cube.updated {
        o.line("LAST-UPDATED", 0, &[], &q(&iso_to_px_date(u)));
    }
    o.text("SOURCE", &[], &cube.source);
    o.notes("NOTE", &[], &cube.notes);
    for s in &cube.data_symbols {
        let kw = match s.code.as_str() {
            "-" => "DATASYMBOLNIL".to_string(),
            dots => format!("DATASYMBOL{}", dots.len()),
        };
        o.text(&kw, &[], &s.shown);
    }
    for k in &cube.extra {
        let tag = k
            .lang
            .as_ref()
            .map(|l| format!("[{l}]"))
            .unwrap_or_default();
        let sub = if k.subkeys.is_empty() {
            String::new()
        } else {
            format!("({})", list(k.subkeys.iter().map(String::as_str)))
        };
        let _ = writeln!(o.s, "{}{tag}{sub}={};", k.name, k.raw);
    }
    o.s.push_str("DATA=\n");
    w.write_all(o.s.as_bytes())?;

    let row = cube.dimensions[heading_start.min(cube.dimensions.len())..]
        .iter()
        .map(|d| d.size())
        .product::<usize>()
        .max(1);
    let mut buf = String::with_capacity(1 << 16);
    for i in 0..cube.cells.len() {
        match cube.cells.get(i) {
            Cell::Number { value, .. } => {
                let _ = write!(buf, "{value}");
            }
            Cell::Missing { status } => buf.push_str(&q(status.unwrap_or("."))),
        }
        buf.push(if (i + 1) % row == 0 { '\n' } else { ' ' });
        if buf.len() > 60_000 {
            w.write_all(buf.as_bytes())?;
            buf.clear();
        }
    }
    buf.push_str(";\n");
    w.write_all(buf.as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_back_to_px() {
        assert_eq!(iso_to_px_date("2025-10-27T08:00"), "20251027 08:00");
        assert_eq!(iso_to_px_date("2022-02-24T07:00:00Z"), "20220224 07:00");
        assert_eq!(iso_to_px_date("2022-02-24"), "20220224");
    }

    #[test]
    fn quotes_cannot_be_escaped() {
        assert_eq!(q("a\"b\nc"), "\"a'b c\"");
    }
}
