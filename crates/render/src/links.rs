//! Where things are: the path of each page an item has, and query strings.

use domain::state::ActionFilter;

use crate::format::{iso_month, status_code};

/// Percent-encodes a query value or path segment.
pub fn url_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

pub fn action_href(id: &str) -> String {
    format!("/actions/{}", url_encode(id))
}

pub fn work_package_href(id: &str) -> String {
    format!("/work-packages/{}", url_encode(id))
}

pub fn measure_href(id: &str) -> String {
    format!("/measures/{}", url_encode(id))
}

pub fn indicator_href(id: &str) -> String {
    format!("/indicators/{}", url_encode(id))
}

/// Where an audited entity can be seen, if it has a page.
pub fn entity_href(entity: &str, id: &str) -> Option<String> {
    match entity {
        "action" | "status_update" => Some(format!("/actions/{}", url_encode(id))),
        "measure" => Some(format!("/measures/{}", url_encode(id))),
        "municipality_contact" => Some("/municipalities".to_string()),
        "mentoring_profile" if id.parse::<i64>().is_ok() => {
            Some(format!("/mentoring/profiles/{id}"))
        }
        "mentoring_pair" if id.parse::<i64>().is_ok() => Some(format!("/mentoring/pairs/{id}")),
        _ => None,
    }
}

/// The filter as a query string ("" or "?a=b&…"), to carry it between the
/// table and the timeline.
pub fn filter_query(f: &ActionFilter) -> String {
    let mut parts = vec![];
    if let Some(wp) = &f.work_package {
        parts.push(format!("work_package={}", url_encode(wp)));
    }
    if let Some(r) = &f.responsible {
        parts.push(format!("responsible={}", url_encode(r)));
    }
    if let Some(s) = f.status {
        parts.push(format!("status={}", status_code(s)));
    }
    if let Some(d) = f.from {
        parts.push(format!("from={}", iso_month(d)));
    }
    if let Some(d) = f.to {
        parts.push(format!("to={}", iso_month(d)));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn queries() {
        assert_eq!(filter_query(&ActionFilter::default()), "");
        let f = ActionFilter {
            work_package: Some("arbeid".into()),
            responsible: Some("PL/ a".into()),
            status: Some(None),
            from: Some(date!(2020 - 09 - 01)),
            to: None,
        };
        assert_eq!(
            filter_query(&f),
            "?work_package=arbeid&responsible=PL%2F%20a&status=none&from=2020-09"
        );
    }
}
