//! An indicator's figures as CSV and XLSX, one row per value with its source,
//! for people who want to work with the numbers. Missing figures are empty
//! cells with their status code beside them, never 0.

use domain::indicators::IndicatorValue;
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use time::format_description::well_known::Rfc3339;

use crate::figures::area_name;
use crate::pages::indicators::IndicatorPage;
use i18n::Lang;

pub const COLUMNS: [&str; 13] = [
    "area",
    "area_name",
    "period",
    "category",
    "value",
    "numerator",
    "denominator",
    "status",
    "uncertain",
    "unit",
    "publisher",
    "table",
    "retrieved",
];

/// The values in a stable order: area, period, category.
fn sorted<'a>(page: &'a IndicatorPage) -> Vec<&'a IndicatorValue> {
    let mut rows: Vec<&IndicatorValue> = page.values.iter().collect();
    rows.sort_by(|a, b| (&a.area, &a.period, &a.category).cmp(&(&b.area, &b.period, &b.category)));
    rows
}

fn retrieved(v: &IndicatorValue) -> String {
    v.source.retrieved.format(&Rfc3339).unwrap_or_default()
}

/// A number as CSV writes it: plain, with a point, as short as exact.
fn plain(v: Option<f64>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

/// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// CSV in UTF-8 with a header row and CRLF line ends (RFC 4180). Area names
/// are in nynorsk, the product's language; codes are in their own column.
pub fn csv(page: &IndicatorPage) -> String {
    let mut out = COLUMNS.join(",");
    out.push_str("\r\n");
    for v in sorted(page) {
        let cells = [
            v.area.clone(),
            area_name(Lang::Nn, page.areas, &v.area),
            v.period.clone(),
            v.category.clone().unwrap_or_default(),
            plain(v.value),
            plain(v.numerator),
            plain(v.denominator),
            v.status.clone().unwrap_or_default(),
            v.uncertain.to_string(),
            v.unit.code().to_string(),
            v.source.publisher.clone(),
            v.source.table.clone(),
            retrieved(v),
        ];
        let line: Vec<String> = cells.iter().map(|c| field(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A workbook with the same columns on sheet "Data" (figures as numbers, a
/// bold header) and the sources on sheet "Kjelde".
pub fn xlsx(page: &IndicatorPage) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let data = book.add_worksheet();
    data.set_name("Data")?;
    for (c, name) in COLUMNS.iter().enumerate() {
        data.write_string_with_format(0, c as u16, *name, &bold)?;
    }
    for (r, v) in sorted(page).into_iter().enumerate() {
        let r = r as u32 + 1;
        data.write_string(r, 0, &v.area)?;
        data.write_string(r, 1, area_name(Lang::Nn, page.areas, &v.area))?;
        data.write_string(r, 2, &v.period)?;
        data.write_string(r, 3, v.category.as_deref().unwrap_or_default())?;
        for (c, x) in [(4, v.value), (5, v.numerator), (6, v.denominator)] {
            if let Some(x) = x {
                data.write_number(r, c, x)?;
            }
        }
        data.write_string(r, 7, v.status.as_deref().unwrap_or_default())?;
        data.write_boolean(r, 8, v.uncertain)?;
        data.write_string(r, 9, v.unit.code())?;
        data.write_string(r, 10, &v.source.publisher)?;
        data.write_string(r, 11, &v.source.table)?;
        data.write_string(r, 12, retrieved(v))?;
    }
    data.set_freeze_panes(1, 0)?;

    let sources = book.add_worksheet();
    sources.set_name("Kjelde")?;
    for (c, name) in ["indicator", "publisher", "table", "updated", "retrieved"]
        .iter()
        .enumerate()
    {
        sources.write_string_with_format(0, c as u16, *name, &bold)?;
    }
    let mut seen: Vec<(&str, &str, Option<&str>)> = vec![];
    for v in sorted(page) {
        let key = (
            v.source.publisher.as_str(),
            v.source.table.as_str(),
            v.source.updated.as_deref(),
        );
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let r = seen.len() as u32;
        sources.write_string(r, 0, page.indicator.id)?;
        sources.write_string(r, 1, key.0)?;
        sources.write_string(r, 2, key.1)?;
        sources.write_string(r, 3, key.2.unwrap_or_default())?;
        sources.write_string(r, 4, retrieved(v))?;
    }
    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(field("Sogn"), "Sogn");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("sa \"x\""), "\"sa \"\"x\"\"\"");
        assert_eq!(plain(Some(32955.0)), "32955");
        assert_eq!(plain(Some(9.9)), "9.9");
        assert_eq!(plain(None), "");
    }
}
