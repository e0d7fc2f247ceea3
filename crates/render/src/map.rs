//! A choropleth map of Vestland's municipalities, from Kartverket's 2024
//! municipality boundaries. The file covers all of Norway and is parsed once;
//! Vestland's shapes are projected (equirectangular, x scaled by cos 61° so
//! that the county keeps its proportions), simplified with Douglas–Peucker
//! and rounded to a tenth of a pixel, which keeps the paths to a few tens of
//! kilobytes. Each municipality is a link to its row in the table beside the
//! map, so the map works by keyboard and the table is its fallback.

use std::sync::LazyLock;

use domain::boundaries::KARTVERKET_2024 as GEOJSON;
use serde_json::Value;

use crate::format::esc;

/// The map's width in pixels; the height follows from the projection.
pub const WIDTH: f64 = 440.0;
/// Points closer than this to the simplified outline are dropped (pixels).
const TOLERANCE: f64 = 0.6;
/// Islands smaller than this (square pixels) are left out, but never a
/// municipality's largest piece.
const MIN_AREA: f64 = 2.0;

/// A municipality's outline, ready to draw.
pub struct Shape {
    pub code: String,
    pub name: String,
    /// SVG path data.
    pub d: String,
}

pub struct Map {
    pub height: f64,
    pub shapes: Vec<Shape>,
}

/// Vestland (county 46), parsed and simplified on first use.
pub static VESTLAND: LazyLock<Map> = LazyLock::new(|| build("46"));

type Ring = Vec<(f64, f64)>;

fn build(county: &str) -> Map {
    // The file is part of the binary and checked by the tests, so a parse
    // failure is a build defect; it then shows an empty map, not a crash.
    let json: Value = serde_json::from_str(GEOJSON).unwrap_or(Value::Null);
    let features = json["features"].as_array().cloned().unwrap_or_default();
    let mut raw: Vec<(String, String, Vec<Ring>)> = vec![];
    let cos = 61f64.to_radians().cos();
    for f in &features {
        let code = f["properties"]["kommunenummer"]
            .as_str()
            .unwrap_or_default();
        if !code.starts_with(county) {
            continue;
        }
        let name = f["properties"]["kommunenavn"]
            .as_str()
            .or(f["properties"]["name"].as_str())
            .unwrap_or(code);
        let polygons = match f["geometry"]["type"].as_str() {
            Some("Polygon") => vec![&f["geometry"]["coordinates"]],
            Some("MultiPolygon") => f["geometry"]["coordinates"]
                .as_array()
                .map(|a| a.iter().collect())
                .unwrap_or_default(),
            _ => vec![],
        };
        let rings = polygons
            .into_iter()
            .filter_map(Value::as_array)
            .flatten()
            .filter_map(Value::as_array)
            .map(|ring| {
                ring.iter()
                    .filter_map(|p| Some((p[0].as_f64()? * cos, -p[1].as_f64()?)))
                    .collect::<Ring>()
            })
            .collect();
        raw.push((code.to_string(), name.to_string(), rings));
    }
    let points = raw.iter().flat_map(|(_, _, rings)| rings.iter().flatten());
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &(x, y) in points {
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
    }
    if raw.is_empty() {
        return Map {
            height: 0.0,
            shapes: vec![],
        };
    }
    let pad = 4.0;
    let scale = (WIDTH - 2.0 * pad) / (x1 - x0);
    let height = (y1 - y0) * scale + 2.0 * pad;
    let mut shapes: Vec<Shape> = raw
        .into_iter()
        .map(|(code, name, rings)| {
            let rings: Vec<Ring> = rings
                .into_iter()
                .map(|r| {
                    r.into_iter()
                        .map(|(x, y)| (pad + (x - x0) * scale, pad + (y - y0) * scale))
                        .collect()
                })
                .collect();
            let largest = rings.iter().map(|r| area(r).abs()).fold(0.0, f64::max);
            let mut d = String::new();
            for ring in &rings {
                let a = area(ring).abs();
                if a < MIN_AREA && a < largest {
                    continue;
                }
                d.push_str(&path(&simplify_ring(ring, TOLERANCE)));
            }
            Shape { code, name, d }
        })
        .collect();
    shapes.sort_by(|a, b| a.code.cmp(&b.code));
    Map { height, shapes }
}

/// Twice the signed area of a ring (shoelace), for dropping specks.
fn area(ring: &[(f64, f64)]) -> f64 {
    ring.windows(2)
        .map(|w| w[0].0 * w[1].1 - w[1].0 * w[0].1)
        .sum::<f64>()
        / 2.0
}

fn distance_to_segment(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    if len2 == 0.0 {
        return ((p.0 - a.0).powi(2) + (p.1 - a.1).powi(2)).sqrt();
    }
    let t = (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0);
    ((p.0 - a.0 - t * dx).powi(2) + (p.1 - a.1 - t * dy).powi(2)).sqrt()
}

/// Douglas–Peucker on an open line: keeps the ends and every point farther
/// than `tolerance` from the simplified line.
fn simplify(points: &[(f64, f64)], tolerance: f64) -> Vec<(f64, f64)> {
    if points.len() < 3 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    let mut stack = vec![(0, points.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        let (mut far, mut max) = (a, 0.0);
        for i in a + 1..b {
            let d = distance_to_segment(points[i], points[a], points[b]);
            if d > max {
                (far, max) = (i, d);
            }
        }
        if max > tolerance {
            keep[far] = true;
            stack.push((a, far));
            stack.push((far, b));
        }
    }
    points
        .iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(*p))
        .collect()
}

/// A closed ring is split at the point farthest from its start, so that
/// neither half has a zero-length base line.
fn simplify_ring(ring: &[(f64, f64)], tolerance: f64) -> Ring {
    if ring.len() < 4 {
        return ring.to_vec();
    }
    let start = ring[0];
    let far = (1..ring.len())
        .max_by(|&i, &j| {
            distance_to_segment(ring[i], start, start)
                .total_cmp(&distance_to_segment(ring[j], start, start))
        })
        .unwrap_or(ring.len() / 2);
    let mut out = simplify(&ring[..=far], tolerance);
    out.pop();
    out.extend(simplify(&ring[far..], tolerance));
    out
}

/// Path data with coordinates rounded to 0.1 px and repeated points dropped.
fn path(ring: &[(f64, f64)]) -> String {
    let mut pts: Vec<(i64, i64)> = ring
        .iter()
        .map(|(x, y)| ((x * 10.0).round() as i64, (y * 10.0).round() as i64))
        .collect();
    pts.dedup();
    if pts.last() == pts.first() {
        pts.pop();
    }
    if pts.len() < 3 {
        return String::new();
    }
    let tenths = |v: i64| {
        if v % 10 == 0 {
            (v / 10).to_string()
        } else {
            format!("{}.{}", v / 10, v % 10)
        }
    };
    let mut d = String::new();
    for (i, (x, y)) in pts.iter().enumerate() {
        d.push(if i == 0 { 'M' } else { 'L' });
        d.push_str(&tenths(*x));
        d.push(' ');
        d.push_str(&tenths(*y));
    }
    d.push('Z');
    d
}

/// Fill colours of the classes, light to dark (a sequential blue scale).
/// Every shape has a dark outline, which keeps 3:1 against each fill and
/// the white background.
pub const CLASS_FILLS: [&str; 5] = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"];
const OUTLINE: &str = "#1e2b3c";

/// Up to five quantile classes of the values: each class's (low, high).
pub fn classes(values: &[f64]) -> Vec<(f64, f64)> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    sorted.sort_by(f64::total_cmp);
    sorted.dedup();
    if sorted.is_empty() {
        return vec![];
    }
    let k = sorted.len().min(CLASS_FILLS.len());
    (0..k)
        .map(|i| {
            let lo = sorted[i * sorted.len() / k];
            let hi = sorted[((i + 1) * sorted.len() / k).max(1) - 1];
            (lo, hi)
        })
        .collect()
}

/// The class a value falls in: the last class whose low it reaches.
pub fn class_of(classes: &[(f64, f64)], v: f64) -> usize {
    classes.iter().rposition(|(lo, _)| v >= *lo).unwrap_or(0)
}

/// A municipality as the map draws it.
pub struct Area<'a> {
    pub shape: &'a Shape,
    /// The class, or None for no data (hatched).
    pub class: Option<usize>,
    /// "Sogndal: 12 097", the link's accessible name and the tooltip.
    pub name: String,
    pub highlighted: bool,
}

/// The map as SVG: `title` and `desc` name it; each area links to `#value-{code}`.
pub fn svg(id: &str, title: &str, desc: &str, areas: &[Area]) -> String {
    let map = &*VESTLAND;
    let mut s = format!(
        "<svg class=\"map\" role=\"group\" aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\" \
         viewBox=\"0 0 {WIDTH:.0} {h:.0}\" width=\"{WIDTH:.0}\" height=\"{h:.0}\" \
         xmlns=\"http://www.w3.org/2000/svg\"><title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>{}",
        esc(title),
        esc(desc),
        no_data_pattern(id),
        h = map.height
    );
    // Sogn last, so that its thick outline is drawn over its neighbours'.
    let mut ordered: Vec<&Area> = areas.iter().collect();
    ordered.sort_by_key(|a| a.highlighted);
    for a in ordered {
        let fill = match a.class {
            Some(c) => CLASS_FILLS[c.min(CLASS_FILLS.len() - 1)].to_string(),
            None => format!("url(#{id}-nodata)"),
        };
        let class = if a.highlighted {
            "map-area map-area--sogn"
        } else {
            "map-area"
        };
        // A highlighted area gets a double outline, dark outside and white
        // inside, which stands out on light and dark fills alike.
        let casing = if a.highlighted {
            format!(
                "<path class=\"map-casing\" d=\"{}\" fill=\"none\" stroke=\"#ffffff\" stroke-width=\"1.2\"/>",
                a.shape.d
            )
        } else {
            String::new()
        };
        s.push_str(&format!(
            "<a class=\"map-link\" href=\"#value-{code}\" aria-label=\"{name}\">\
             <path class=\"{class}\" d=\"{d}\" fill=\"{fill}\" stroke=\"{OUTLINE}\" stroke-width=\"{w}\" \
             stroke-linejoin=\"round\"><title>{name}</title></path>{casing}</a>",
            code = esc(&a.shape.code),
            name = esc(&a.name),
            d = a.shape.d,
            w = if a.highlighted { "3.5" } else { "0.8" },
        ));
    }
    s.push_str("</svg>");
    s
}

fn no_data_pattern(id: &str) -> String {
    format!(
        "<defs><pattern id=\"{id}-nodata\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" \
         patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/>\
         <rect width=\"1.5\" height=\"6\" fill=\"#5c6670\"/></pattern></defs>"
    )
}

/// A legend swatch: a class's fill, or the no-data hatching.
pub fn swatch(id: &str, class: Option<usize>) -> String {
    let (defs, fill) = match class {
        Some(c) => (String::new(), CLASS_FILLS[c.min(4)].to_string()),
        None => (
            no_data_pattern(&format!("{id}-sw")),
            format!("url(#{id}-sw-nodata)"),
        ),
    };
    format!(
        "<svg class=\"map-swatch\" width=\"28\" height=\"18\" viewBox=\"0 0 28 18\" aria-hidden=\"true\" focusable=\"false\">\
         {defs}<rect x=\"1\" y=\"1\" width=\"26\" height=\"16\" fill=\"{fill}\" stroke=\"{OUTLINE}\"/></svg>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vestland_has_its_43_municipalities_and_stays_light() {
        let map = &*VESTLAND;
        assert_eq!(map.shapes.len(), 43);
        assert!(map
            .shapes
            .iter()
            .all(|s| s.code.starts_with("46") && !s.d.is_empty()));
        assert!(map
            .shapes
            .iter()
            .any(|s| s.code == "4640" && s.name == "Sogndal"));
        let bytes: usize = map.shapes.iter().map(|s| s.d.len()).sum();
        assert!(bytes < 60_000, "{bytes} bytes of path data");
        assert!(map.height > WIDTH, "Vestland is taller than wide");
    }

    #[test]
    fn simplification_keeps_corners() {
        let line = [(0.0, 0.0), (1.0, 0.05), (2.0, 0.0), (2.0, 5.0)];
        assert_eq!(
            simplify(&line, 0.5),
            vec![(0.0, 0.0), (2.0, 0.0), (2.0, 5.0)]
        );
    }

    #[test]
    fn quantile_classes() {
        let c = classes(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0]);
        assert_eq!(
            c,
            vec![(1.0, 2.0), (3.0, 4.0), (5.0, 6.0), (7.0, 8.0), (9.0, 10.0)]
        );
        assert_eq!(class_of(&c, 4.0), 1);
        assert_eq!(class_of(&c, 10.0), 4);
        assert_eq!(classes(&[3.0, 3.0]), vec![(3.0, 3.0)]);
    }
}
