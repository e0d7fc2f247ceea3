//! Bulyst's user-interface languages. Nynorsk is the default; the plan's own
//! content stays in the words it was written in.
//!
//! Messages live in Fluent files (`locales/{nn,nb,en}.ftl`), compiled into the
//! binary and parsed once on first use.

use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Nn,
    Nb,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Nn, Lang::Nb, Lang::En];

    /// The BCP 47 tag, as in `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Nn => "nn",
            Lang::Nb => "nb",
            Lang::En => "en",
        }
    }

    /// The language's name in itself, for the language switch.
    pub fn autonym(self) -> &'static str {
        match self {
            Lang::Nn => "Nynorsk",
            Lang::Nb => "Bokmål",
            Lang::En => "English",
        }
    }

    /// The Fluent source of this language.
    pub fn source(self) -> &'static str {
        match self {
            Lang::Nn => include_str!("../locales/nn.ftl"),
            Lang::Nb => include_str!("../locales/nb.ftl"),
            Lang::En => include_str!("../locales/en.ftl"),
        }
    }

    fn index(self) -> usize {
        match self {
            Lang::Nn => 0,
            Lang::Nb => 1,
            Lang::En => 2,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

impl FromStr for Lang {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "nn" => Ok(Lang::Nn),
            "nb" | "no" => Ok(Lang::Nb),
            "en" => Ok(Lang::En),
            _ => Err(()),
        }
    }
}

type Bundle = FluentBundle<FluentResource>;

static BUNDLES: LazyLock<[Bundle; 3]> = LazyLock::new(|| Lang::ALL.map(bundle));

fn bundle(lang: Lang) -> Bundle {
    // The files are part of the binary and checked by the tests below, so a
    // syntax error here is a build defect, not something a user can cause.
    let resource = FluentResource::try_new(lang.source().to_string())
        .unwrap_or_else(|(_, errors)| panic!("{}.ftl does not parse: {errors:?}", lang.tag()));
    let locale = lang
        .tag()
        .parse()
        .expect("the three language tags are valid BCP 47");
    let mut bundle = FluentBundle::new_concurrent(vec![locale]);
    // Unicode isolation marks would land in HTML attributes and URLs.
    bundle.set_use_isolating(false);
    bundle
        .add_resource(resource)
        .unwrap_or_else(|errors| panic!("{}.ftl has duplicate ids: {errors:?}", lang.tag()));
    bundle
}

/// An argument of a message: text, or a number (which selects plural forms).
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    Str(&'a str),
    Num(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Str(s)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Str(s)
    }
}

impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Num(n)
    }
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Num(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

/// Translates a message id. A missing id gives the id itself, never a panic.
pub fn t(lang: Lang, id: &str) -> String {
    format(lang, id, None)
}

/// Translates a message with text arguments.
pub fn t_args(lang: Lang, id: &str, args: &[(&str, &str)]) -> String {
    let list: Vec<(&str, Arg)> = args.iter().map(|(k, v)| (*k, Arg::Str(v))).collect();
    t_with(lang, id, &list)
}

/// Translates a message with text or numeric arguments (numbers pick plurals).
pub fn t_with(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let mut fluent = FluentArgs::with_capacity(args.len());
    for (k, v) in args {
        match v {
            Arg::Str(s) => fluent.set(*k, FluentValue::from(*s)),
            Arg::Num(n) => fluent.set(*k, FluentValue::from(*n)),
        }
    }
    format(lang, id, Some(&fluent))
}

fn format(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    let bundle = &BUNDLES[lang.index()];
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut errors = vec![];
    bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned()
}

/// Whether every language has this message.
pub fn has(id: &str) -> bool {
    BUNDLES.iter().all(|b| b.has_message(id))
}

/// The message ids of a language, in file order.
pub fn ids(lang: Lang) -> Vec<String> {
    let resource = FluentResource::try_new(lang.source().to_string()).unwrap_or_else(|(r, _)| r);
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::Path;

    #[test]
    fn every_language_has_the_same_ids() {
        let nn: BTreeSet<String> = ids(Lang::Nn).into_iter().collect();
        assert!(nn.len() > 100, "nn.ftl looks truncated");
        for lang in [Lang::Nb, Lang::En] {
            let other: BTreeSet<String> = ids(lang).into_iter().collect();
            let missing: Vec<_> = nn.difference(&other).collect();
            let extra: Vec<_> = other.difference(&nn).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{lang}: missing {missing:?}, not in nn {extra:?}"
            );
        }
    }

    #[test]
    fn every_file_parses_without_errors() {
        for lang in Lang::ALL {
            if let Err((_, errors)) = FluentResource::try_new(lang.source().to_string()) {
                panic!("{lang}.ftl: {errors:?}");
            }
        }
    }

    #[test]
    fn every_message_resolves() {
        // Every variable any message uses, with a value of the right kind.
        let args: &[(&str, Arg)] = &[
            ("email", Arg::Str("a@b.no")),
            ("role", Arg::Str("r")),
            ("owner", Arg::Str("o")),
            ("title", Arg::Str("t")),
            ("year", Arg::Str("2020")),
            ("day", Arg::Str("1")),
            ("month", Arg::Str("m")),
            ("from", Arg::Str("f")),
            ("to", Arg::Str("t")),
            ("source", Arg::Str("s")),
            ("count", Arg::Num(2)),
            ("name", Arg::Str("n")),
            ("shown", Arg::Num(1)),
            ("total", Arg::Num(3)),
            ("light", Arg::Str("l")),
            ("date", Arg::Str("d")),
            ("page", Arg::Num(1)),
            ("status", Arg::Num(404)),
            // Figures of indicators.
            ("value", Arg::Str("9,9 %")),
            ("period", Arg::Str("2022")),
            ("first", Arg::Str("1")),
            ("last", Arg::Str("2")),
            ("numerator", Arg::Str("806")),
            ("denominator", Arg::Str("1 014")),
            ("label", Arg::Str("manglar")),
            ("code", Arg::Str("..")),
            ("publisher", Arg::Str("SSB")),
            ("table", Arg::Str("07459")),
            ("retrieved", Arg::Str("1. mars 2025")),
            ("updated", Arg::Str("2024-02-21")),
            ("unit", Arg::Str("prosent")),
        ];
        let mut fluent = FluentArgs::new();
        for (k, v) in args {
            match v {
                Arg::Str(s) => fluent.set(*k, FluentValue::from(*s)),
                Arg::Num(n) => fluent.set(*k, FluentValue::from(*n)),
            }
        }
        for lang in Lang::ALL {
            let bundle = &BUNDLES[lang.index()];
            for id in ids(lang) {
                let message = bundle.get_message(&id).expect("listed ids exist");
                let pattern = message
                    .value()
                    .unwrap_or_else(|| panic!("{lang}: {id} has no value"));
                let mut errors = vec![];
                let text = bundle.format_pattern(pattern, Some(&fluent), &mut errors);
                assert!(errors.is_empty(), "{lang}: {id}: {errors:?}");
                assert!(!text.trim().is_empty(), "{lang}: {id} is empty");
                assert!(
                    !text.contains('\u{2068}'),
                    "{lang}: {id} has isolation marks"
                );
            }
        }
    }

    #[test]
    fn missing_ids_come_back_as_themselves() {
        assert_eq!(t(Lang::Nn, "no-such-message"), "no-such-message");
        assert_eq!(t_args(Lang::En, "no-such", &[("a", "b")]), "no-such");
    }

    #[test]
    fn arguments_and_plurals() {
        assert_eq!(t(Lang::Nn, "status-delayed"), "forseinka");
        assert_eq!(
            t_args(Lang::Nn, "changes-title", &[("date", "1. mars 2021")]),
            "Endringar sidan 1. mars 2021"
        );
        assert_eq!(
            t_with(Lang::En, "progress-items", &[("count", Arg::Num(1))]),
            "1 action-plan item"
        );
        assert_eq!(
            t_with(Lang::En, "progress-items", &[("count", Arg::Num(4))]),
            "4 action-plan items"
        );
    }

    /// The ids the pages use, written as `tr("id")` or `tr_args("id", …)` in
    /// the render crate's code and templates, all exist in every language.
    #[test]
    fn ids_used_by_the_pages_exist() {
        let render = Path::new(env!("CARGO_MANIFEST_DIR")).join("../render");
        let mut files = vec![];
        for dir in ["src", "templates"] {
            collect(&render.join(dir), &mut files);
        }
        assert!(!files.is_empty(), "found no render sources");
        let mut used = BTreeSet::new();
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            used.extend(used_ids(&text));
        }
        assert!(used.len() > 50, "found only {} ids", used.len());
        let missing: Vec<_> = used.iter().filter(|id| !has(id)).collect();
        assert!(
            missing.is_empty(),
            "ids missing from a .ftl file: {missing:?}"
        );
    }

    fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                collect(&path, out);
            } else if path
                .extension()
                .is_some_and(|e| e == "rs" || e == "html" || e == "svg")
            {
                out.push(path);
            }
        }
    }

    /// Finds `tr("id"`, `tr_arg("id"`, `tr_args("id"` and `tr_with("id"`.
    fn used_ids(text: &str) -> Vec<String> {
        let mut ids = vec![];
        for (at, _) in text.match_indices("tr") {
            let before = text[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let rest = &text[at + 2..];
            let rest = rest
                .strip_prefix("_args")
                .or_else(|| rest.strip_prefix("_with"))
                .or_else(|| rest.strip_prefix("_arg"))
                .unwrap_or(rest);
            let Some(rest) = rest.strip_prefix('(') else {
                continue;
            };
            // Helpers that take the language first: `tr(lang, "id")`.
            let rest = match rest.split_once(',') {
                Some((first, after))
                    if !first.starts_with('"')
                        && first.len() < 30
                        && first
                            .chars()
                            .all(|c| c.is_alphanumeric() || "._&".contains(c)) =>
                {
                    after.trim_start()
                }
                _ => rest,
            };
            let Some(rest) = rest.strip_prefix('"') else {
                continue;
            };
            if let Some(end) = rest.find('"') {
                let id = &rest[..end];
                if !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                    ids.push(id.to_string());
                }
            }
        }
        ids
    }

    #[test]
    fn the_scanner_finds_ids() {
        let found = used_ids(
            r#"c.tr("a-b") {{ ctx.tr_args("c", &[]) }} attr("x") tr_with("d" tr_arg("e", "k", v) tr(lang, "f")"#,
        );
        assert_eq!(found, ["a-b", "c", "d", "e", "f"]);
    }
}
