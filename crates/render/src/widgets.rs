//! Small pieces of HTML used on many pages: status badges and status bars.
//! Each carries its meaning in text, so colour is never the only cue.

use domain::status::{Light, Status};
use i18n::Lang;

use crate::format::{esc, status_code};
use crate::labels::{self, label};

/// "i gang · raud" as a badge and a traffic light with a shape and a word.
pub fn status_badge(lang: Lang, status: Option<Status>, light: Option<Light>) -> String {
    let mut html = format!(
        "<span class=\"status-badge status-{}\">{}</span>",
        status_code(status),
        esc(&labels::status(lang, status))
    );
    if let Some(l) = light {
        html.push_str(&light_badge(lang, l));
    }
    html
}

pub fn light_badge(lang: Lang, light: Light) -> String {
    format!(
        "<span class=\"light light-{code}\"><span class=\"light__dot\" aria-hidden=\"true\"></span>{}</span>",
        esc(&i18n::t_args(
            lang,
            "light-named",
            &[("light", &label(lang, light))]
        )),
        code = light.code()
    )
}

/// A bar of status shares. It is decoration: the counts beside it say the same
/// in words, so it is hidden from screen readers. Widths are SVG attributes
/// because the Content-Security-Policy forbids inline styles.
pub fn status_bar(counts: &[(Option<Status>, usize)]) -> String {
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return String::new();
    }
    let mut svg = String::from(
        "<svg class=\"status-bar\" viewBox=\"0 0 100 4\" preserveAspectRatio=\"none\" aria-hidden=\"true\" focusable=\"false\">",
    );
    let mut x = 0.0;
    for (status, n) in counts {
        let w = *n as f64 * 100.0 / total as f64;
        svg.push_str(&format!(
            "<rect class=\"bar-{}\" x=\"{x:.2}\" y=\"0\" width=\"{w:.2}\" height=\"4\"/>",
            status_code(*status)
        ));
        x += w;
    }
    svg.push_str("</svg>");
    svg
}
