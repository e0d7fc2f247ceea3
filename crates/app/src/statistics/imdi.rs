//! IMDi's CSV downloads (ISO-8859-1, `;`), in the two layouts its statistics
//! site writes:
//!
//! - long: one figure a line, `Enhet;År;<dimension>…;Kommunenummer;Kommune;Antall`
//!   (`flyktning_botid_flytting`);
//! - cross-tab: `Region;Navn;…` over three or four header rows of
//!   `Dimension: value` (one dimension a row, `År` and `Enhet` among them),
//!   then one line per municipality, `K<number>;name;figures…`
//!   (`befolkning_innvandringsgrunn`, `befolkning_opprinnelsesland`).
//!
//! `Enhet` (Personer, Prosent) is the measure, `År` the period; the other
//! dimensions keep IMDi's names and texts (`Botid i Norge=5+ år`). An empty
//! cell is a missing figure; `.` (not applicable) and `:` (suppressed) are
//! missing figures with that status.

use std::borrow::Cow;

use domain::stats::{area_code, dims_key};

use super::table::{Cells, FileArea, Interner, ListCell, Table};
use super::ImportOptions;

pub const PUBLISHER: &str = "IMDi";

/// Is this an IMDi CSV file (as opposed to PX or JSON-stat)?
pub(crate) fn looks_like(bytes: &[u8]) -> bool {
    bytes.starts_with(b"Region;Navn;") || bytes.starts_with(b"Enhet;")
}

/// The files are ISO-8859-1; a copy saved again as UTF-8 is read as such.
fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.trim_start_matches('\u{feff}').to_string(),
        Err(_) => bytes.iter().map(|&b| b as char).collect(),
    }
}

/// The IMDi table a file is, told by its dimensions.
fn table_name(dimensions: &[&str]) -> Option<&'static str> {
    let has = |d: &str| dimensions.contains(&d);
    if has("Sekundærflytting") && has("Botid i Norge") {
        Some("flyktning_botid_flytting")
    } else if has("Innvandringsgrunn") {
        Some("befolkning_innvandringsgrunn")
    } else if has("Landbakgrunn") {
        Some("befolkning_opprinnelsesland")
    } else {
        None
    }
}

/// The fields of a line; a field with `;` in it comes in double quotes
/// (`"Landbakgrunn: Kongo, Den demokratiske republikken"`), `""` inside being one `"`.
fn fields(line: &str) -> Vec<Cow<'_, str>> {
    if !line.contains('"') {
        return line.split(';').map(Cow::Borrowed).collect();
    }
    let mut out = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ';' if !quoted => out.push(Cow::Owned(std::mem::take(&mut field))),
            c => field.push(c),
        }
    }
    out.push(Cow::Owned(field));
    out
}

/// IMDi writes municipality numbers as numbers, so Oslo's 0301 comes as `301`.
fn municipality(raw: &str) -> String {
    let raw = raw.trim();
    if raw.len() == 3 && raw.bytes().all(|b| b.is_ascii_digit()) {
        format!("0{raw}")
    } else {
        raw.to_string()
    }
}

struct Builder {
    file: String,
    areas: Vec<FileArea>,
    area_index: std::collections::HashMap<String, u32>,
    measures: Interner,
    periods: Interner,
    dims: Interner,
    statuses: Interner,
    cells: Vec<ListCell>,
}

impl Builder {
    fn new(file: &str) -> Builder {
        Builder {
            file: file.to_string(),
            areas: Vec::new(),
            area_index: Default::default(),
            measures: Interner::default(),
            periods: Interner::default(),
            dims: Interner::default(),
            statuses: Interner::default(),
            cells: Vec::new(),
        }
    }

    fn area(&mut self, raw: &str, label: &str) -> u32 {
        if let Some(&i) = self.area_index.get(raw) {
            // Some lines leave the name out; keep one that gives it.
            if self.areas[i as usize].label.is_empty() && !label.is_empty() {
                self.areas[i as usize].label = label.to_string();
            }
            return i;
        }
        let i = self.areas.len() as u32;
        self.areas.push(FileArea {
            raw: raw.to_string(),
            code: area_code(raw).unwrap_or_else(|| raw.to_string()),
            label: label.to_string(),
        });
        self.area_index.insert(raw.to_string(), i);
        i
    }

    /// A figure as IMDi writes it: a number, empty, `.` or `:`. `column` is
    /// the cross-tab's column number; the long layout's figures are `Antall`.
    fn cell(
        &mut self,
        text: &str,
        line: usize,
        column: Option<usize>,
    ) -> Result<(f64, u32), String> {
        let text = text.trim();
        if text.is_empty() {
            return Ok((f64::NAN, 0));
        }
        if text.bytes().all(|b| b == b'.' || b == b':') {
            return Ok((f64::NAN, self.statuses.get(text) + 1));
        }
        text.replace(',', ".")
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .map(|v| (v, 0))
            .ok_or_else(|| {
                let column = column.map_or("Antall".to_string(), |c| format!("column {c}"));
                format!(
                    "{}: line {line}, {column}: `{text}` is neither a number nor one of the marks . and :",
                    self.file
                )
            })
    }

    fn finish(self, table: String, options: &ImportOptions) -> Table {
        Table {
            publisher: options
                .publisher
                .clone()
                .unwrap_or_else(|| PUBLISHER.into()),
            table: options.table.clone().unwrap_or(table.clone()),
            title: table,
            updated: None,
            geo_dimension: "Region".into(),
            areas: self.areas,
            measures: self.measures.items,
            periods: self.periods.items,
            dims: self.dims.items,
            cells: Cells::List {
                cells: self.cells,
                statuses: self.statuses.items,
            },
        }
    }
}

pub(crate) fn table(file: &str, bytes: &[u8], options: &ImportOptions) -> Result<Table, String> {
    let text = decode(bytes);
    if text.starts_with("Region;Navn;") {
        cross_tab(file, &text, options)
    } else {
        long(file, &text, options)
    }
}

fn name_table(file: &str, dimensions: &[&str], options: &ImportOptions) -> Result<String, String> {
    options
        .table
        .clone()
        .or_else(|| table_name(dimensions).map(String::from))
        .ok_or_else(|| {
            format!(
                "{file}: an IMDi layout with the dimensions {} is not one Bulyst knows; name the table with --table",
                dimensions.join(", ")
            )
        })
}

fn long(file: &str, text: &str, options: &ImportOptions) -> Result<Table, String> {
    let mut lines = text.lines();
    let header = fields(lines.next().unwrap_or(""));
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h.trim() == name)
            .ok_or_else(|| format!("{file}: line 1 has no column `{name}`"))
    };
    let (unit, year, code, label, count) = (
        column("Enhet")?,
        column("År")?,
        column("Kommunenummer")?,
        column("Kommune")?,
        column("Antall")?,
    );
    let mut others: Vec<(usize, &str)> = header
        .iter()
        .enumerate()
        .filter(|(i, _)| ![unit, year, code, label, count].contains(i))
        .map(|(i, h)| (i, h.trim()))
        .collect();
    others.sort_by(|a, b| a.1.cmp(b.1));
    let names: Vec<&str> = others.iter().map(|(_, h)| *h).collect();
    let table = name_table(file, &names, options)?;

    let mut b = Builder::new(file);
    for (n, line) in lines.enumerate() {
        let line_no = n + 2;
        if line.trim().is_empty() {
            continue;
        }
        let fields = fields(line);
        if fields.len() != header.len() {
            return Err(format!(
                "{file}: line {line_no} has {} fields where the header has {}",
                fields.len(),
                header.len()
            ));
        }
        let raw = municipality(&fields[code]);
        let area = b.area(&raw, fields[label].trim());
        let measure = b.measures.get(fields[unit].trim());
        let period = b.periods.get(fields[year].trim());
        let pairs: Vec<(String, String)> = others
            .iter()
            .map(|&(i, h)| (h.to_string(), fields[i].trim().to_string()))
            .collect();
        let dims = b.dims.get(&dims_key(&pairs));
        let (value, status) = b.cell(&fields[count], line_no, None)?;
        b.cells.push(ListCell {
            measure,
            area,
            period,
            dims,
            value,
            status,
            line: line_no as u32,
        });
    }
    Ok(b.finish(table, options))
}

/// What one column of a cross-tab holds.
struct Column {
    measure: u32,
    period: u32,
    dims: u32,
}

fn cross_tab(file: &str, text: &str, options: &ImportOptions) -> Result<Table, String> {
    let lines: Vec<&str> = text.lines().collect();
    // Header rows: the first, and those after it whose Region and Navn are empty.
    let headers = 1 + lines[1..]
        .iter()
        .take_while(|l| l.starts_with(";;"))
        .count();
    let header: Vec<Vec<Cow<'_, str>>> = lines[..headers].iter().map(|l| fields(l)).collect();
    let width = header[0].len();
    // One dimension per header row: `Innvandringsgrunn: Alle`.
    let mut rows: Vec<(String, Vec<&str>)> = Vec::new();
    for (r, cells) in header.iter().enumerate() {
        if cells.len() != width {
            return Err(format!(
                "{file}: line {} has {} fields where line 1 has {width}",
                r + 1,
                cells.len()
            ));
        }
        let mut name = None;
        let mut values = Vec::with_capacity(width - 2);
        for (c, cell) in cells[2..].iter().enumerate() {
            let (dimension, value) = cell.split_once(": ").ok_or_else(|| {
                format!(
                    "{file}: line {}, column {}: `{cell}` is not `Dimension: value`",
                    r + 1,
                    c + 3
                )
            })?;
            if name.get_or_insert(dimension) != &dimension {
                return Err(format!(
                    "{file}: line {}, column {}: dimension `{dimension}` where the row began with `{}`",
                    r + 1,
                    c + 3,
                    name.unwrap_or_default()
                ));
            }
            values.push(value.trim());
        }
        rows.push((name.unwrap_or_default().trim().to_string(), values));
    }
    let year = rows.iter().position(|(n, _)| n == "År").ok_or_else(|| {
        format!("{file}: no header row gives the year (`År: 2021`), so the figures have no period")
    })?;
    let unit = rows.iter().position(|(n, _)| n == "Enhet");
    let mut others: Vec<usize> = (0..rows.len())
        .filter(|&r| r != year && Some(r) != unit)
        .collect();
    others.sort_by(|&a, &b| rows[a].0.cmp(&rows[b].0));
    let names: Vec<&str> = others.iter().map(|&r| rows[r].0.as_str()).collect();
    let table = name_table(file, &names, options)?;

    let mut b = Builder::new(file);
    let columns: Vec<Column> = (0..width - 2)
        .map(|c| {
            let pairs: Vec<(String, String)> = others
                .iter()
                .map(|&r| (rows[r].0.clone(), rows[r].1[c].to_string()))
                .collect();
            Column {
                measure: b.measures.get(unit.map_or("value", |u| rows[u].1[c])),
                period: b.periods.get(rows[year].1[c]),
                dims: b.dims.get(&dims_key(&pairs)),
            }
        })
        .collect();
    b.cells.reserve((lines.len() - headers) * columns.len());
    for (n, line) in lines.iter().enumerate().skip(headers) {
        let line_no = n + 1;
        if line.trim().is_empty() {
            continue;
        }
        let fields = fields(line);
        if fields.len() != width {
            return Err(format!(
                "{file}: line {line_no} has {} fields where the header has {width}",
                fields.len()
            ));
        }
        let area = b.area(fields[0].trim(), fields[1].trim());
        for (c, column) in columns.iter().enumerate() {
            let (value, status) = b.cell(&fields[c + 2], line_no, Some(c + 3))?;
            b.cells.push(ListCell {
                measure: column.measure,
                area,
                period: column.period,
                dims: column.dims,
                value,
                status,
                line: line_no as u32,
            });
        }
    }
    Ok(b.finish(table, options))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn latin1(s: &str) -> Vec<u8> {
        s.chars().map(|c| c as u32 as u8).collect()
    }

    #[test]
    fn long_layout() {
        let csv = latin1(
            "Enhet;År;Sekundærflytting;Botid i Norge;Kommunenummer;Kommune;Antall\n\
             Personer;2019;alle;0-4 år;1418;Balestrand (t.o.m. 2019);12\n\
             Personer;2019;alle;0-4 år;301;;.\n",
        );
        assert!(looks_like(&csv));
        let t = table("f.csv", &csv, &ImportOptions::default()).unwrap();
        assert_eq!(t.table, "flyktning_botid_flytting");
        assert_eq!(t.publisher, "IMDi");
        let rows: Vec<_> = t.rows().collect();
        assert_eq!(rows[0].dims, "Botid i Norge=0-4 år;Sekundærflytting=alle");
        assert_eq!(
            (rows[0].area, rows[0].measure, rows[0].period),
            ("1418", "Personer", "2019")
        );
        assert_eq!(rows[0].value, Some(12.0));
        assert_eq!(
            (rows[1].area, rows[1].value, rows[1].status),
            ("0301", None, Some("."))
        );
        assert_eq!(t.areas[0].label, "Balestrand (t.o.m. 2019)");
    }

    #[test]
    fn cross_tab_layout() {
        let csv = latin1(
            "Region;Navn;Innvandringsgrunn: Alle;Innvandringsgrunn: Arbeid\n\
             ;;Kjønn: Alle;Kjønn: Alle\n\
             ;;Enhet: Personer;Enhet: Prosent\n\
             ;;År: 2021;År: 2021\n\
             K4640;Sogndal (f.o.m. 2020);900;21.9\n\
             K1418;Balestrand (t.o.m. 2019);;:\n",
        );
        let t = table("g.csv", &csv, &ImportOptions::default()).unwrap();
        assert_eq!(t.table, "befolkning_innvandringsgrunn");
        let rows: Vec<_> = t.rows().collect();
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[1].dims, "Innvandringsgrunn=Arbeid;Kjønn=Alle");
        assert_eq!((rows[1].measure, rows[1].value), ("Prosent", Some(21.9)));
        assert_eq!(
            (rows[2].area, rows[2].value, rows[2].status),
            ("1418", None, None)
        );
        assert_eq!(rows[3].status, Some(":"));
    }

    #[test]
    fn a_bad_figure_is_named_by_file_line_and_column() {
        let csv = latin1("Region;Navn;Landbakgrunn: Danmark\n;;År: 2022\nK4640;Sogndal;12x\n");
        let err = table("h.csv", &csv, &ImportOptions::default())
            .err()
            .unwrap();
        assert_eq!(
            err,
            "h.csv: line 3, column 3: `12x` is neither a number nor one of the marks . and :"
        );
    }
}
