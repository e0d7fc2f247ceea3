//! The stylesheets, compiled into the binary so the server needs no files
//! beside it. Designsystemet's are vendored by `static/refresh.sh`.

/// Where the pages link Bulyst's own stylesheet.
pub const STYLESHEET_PATH: &str = "/static/bulyst.css";

const CSS: &str = "text/css; charset=utf-8";

/// Bulyst's own layout on top of Designsystemet.
pub fn stylesheet() -> &'static str {
    include_str!("../static/bulyst.css")
}

/// A static file by its path under `/static/`: its content type and bytes.
pub fn static_file(path: &str) -> Option<(&'static str, &'static [u8])> {
    let bytes: &'static [u8] = match path.trim_start_matches('/') {
        "bulyst.css" => stylesheet().as_bytes(),
        "vendor/designsystemet.css" => include_bytes!("../static/vendor/designsystemet.css"),
        "vendor/theme.css" => include_bytes!("../static/vendor/theme.css"),
        _ => return None,
    };
    Some((CSS, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serves_the_linked_stylesheets_only() {
        for path in [
            "bulyst.css",
            "vendor/designsystemet.css",
            "vendor/theme.css",
        ] {
            let (kind, bytes) = static_file(path).expect(path);
            assert_eq!(kind, CSS);
            assert!(bytes.len() > 1000, "{path} is too small");
        }
        assert!(static_file("../Cargo.toml").is_none());
        assert!(static_file("vendor/LICENSE.designsystemet-css").is_none());
        assert_eq!(STYLESHEET_PATH, "/static/bulyst.css");
    }
}
