//! How dates and URLs look on a page.

use domain::status::Status;
use i18n::Lang;
use time::{Date, OffsetDateTime, UtcOffset};

use crate::labels::month_name;

/// HTML-escapes text for pages built outside a template (SVG, the org chart),
/// exactly as the templates escape, so that tests can compare either.
pub fn esc(text: &str) -> String {
    askama::filters::escape(text, askama::filters::Html)
        .map(|s| s.to_string())
        .unwrap_or_default()
}

/// "1. september 2020" (nn, nb), "1 September 2020" (en).
pub fn date(lang: Lang, d: Date) -> String {
    i18n::t_args(
        lang,
        "date-long",
        &[
            ("day", &d.day().to_string()),
            ("month", &month_name(lang, u8::from(d.month()))),
            ("year", &d.year().to_string()),
        ],
    )
}

/// "september 2020".
pub fn month_year(lang: Lang, year: i32, month: u8) -> String {
    i18n::t_args(
        lang,
        "month-year",
        &[
            ("month", &month_name(lang, month)),
            ("year", &year.to_string()),
        ],
    )
}

/// A moment as a date and a time of day. Times are stored in UTC; the page
/// says so rather than guess the reader's zone.
pub fn date_time(lang: Lang, at: OffsetDateTime) -> String {
    let zone = if at.offset() == UtcOffset::UTC {
        " UTC"
    } else {
        ""
    };
    format!(
        "{} {:02}:{:02}{zone}",
        date(lang, at.date()),
        at.hour(),
        at.minute()
    )
}

/// `YYYY-MM-DD`, as `<input type="date">` wants it.
pub fn iso_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// `YYYY-MM`, as `<input type="month">` wants it.
pub fn iso_month(d: Date) -> String {
    format!("{:04}-{:02}", d.year(), u8::from(d.month()))
}

/// The code used in CSS classes and the filter's `status` field.
pub fn status_code(status: Option<Status>) -> &'static str {
    status.map_or("none", Status::code)
}

/// A municipality's name from the plan's (code, name) list; a code not in it stays a code.
pub fn municipality_name<'m>(all: &'m [(String, String)], code: &'m str) -> &'m str {
    all.iter()
        .find(|(c, _)| c == code)
        .map_or(code, |(_, n)| n.as_str())
}

/// Splits a text into paragraphs at blank lines.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn dates_per_language() {
        let d = date!(2020 - 09 - 01);
        assert_eq!(super::date(Lang::Nn, d), "1. september 2020");
        assert_eq!(super::date(Lang::Nb, d), "1. september 2020");
        assert_eq!(super::date(Lang::En, d), "1 September 2020");
        assert_eq!(month_year(Lang::Nn, 2021, 5), "mai 2021");
        assert_eq!(iso_month(d), "2020-09");
        assert_eq!(iso_date(d), "2020-09-01");
        assert_eq!(
            date_time(Lang::Nn, datetime!(2021-03-02 14:05 UTC)),
            "2. mars 2021 14:05 UTC"
        );
    }

    #[test]
    fn escapes_as_the_templates_do() {
        assert_eq!(
            esc("<a href=\"x\">&'"),
            "&#60;a href=&#34;x&#34;&#62;&#38;&#39;"
        );
    }
}
