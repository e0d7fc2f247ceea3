//! PX (PC-Axis) files into a [`Cube`]: AXIS-VERSION 2000 to 2013, every code page in use,
//! multilingual files, KEYS rows and dot codes.

use std::collections::HashMap;

use encoding_rs::Encoding;

use super::data::{Data, DOT_CODES};
use super::lexer::{self, error_at, Header, Item, Statement};
use crate::error::Error;
use crate::model::{
    checked_product, Category, Cells, Cube, DataSymbol, Dimension, Elimination, Keyword, Note,
    Role, Text, TimeInfo,
};

/// Keywords that a CONTVARIABLE turns into per-content keywords: `UNITS("Bosatte")="personer"`.
pub const CONTENT_KEYWORDS: [&str; 9] = [
    "LAST-UPDATED",
    "STOCKFA",
    "CFPRICES",
    "DAYADJ",
    "SEASADJ",
    "CONTACT",
    "REFPERIOD",
    "BASEPERIOD",
    "UNITS",
];

/// A KEYS file may leave out rows of zeros, so its cube can outgrow the file; this many cells per
/// input byte (plus a floor) bounds what a small hostile file can make us allocate.
const SPARSE_CELLS_PER_BYTE: usize = 64;
const SPARSE_CELLS_FLOOR: usize = 1 << 20;

/// The code page a PX file is written in.
pub fn encoding_of(input: &[u8], header: &[Statement]) -> Result<&'static Encoding, Error> {
    let codepage = header
        .iter()
        .find(|s| s.keyword == "CODEPAGE" && s.lang.is_none());
    if let Some(st) = codepage {
        let label = match st.items.first() {
            Some(Item::Str(s)) | Some(Item::Word(s)) => {
                String::from_utf8_lossy(s).trim().to_ascii_lowercase()
            }
            None => String::new(),
        };
        let label = match label.as_str() {
            // Older PX-Edit wrote these; encoding_rs knows them under other names.
            "latin1" | "latin-1" | "iso8859-1" | "ansi" => "iso-8859-1",
            "latin9" | "latin-9" | "iso8859-15" => "iso-8859-15",
            "utf8" => "utf-8",
            other => other,
        };
        return Encoding::for_label(label.as_bytes()).ok_or_else(|| {
            error_at(
                input,
                st.offset,
                "CODEPAGE",
                format!("expected a code page such as \"iso-8859-1\", \"windows-1252\" or \"utf-8\", found \"{label}\""),
            )
        });
    }
    // No CODEPAGE (AXIS-VERSION 2000 and INE files): UTF-8 if the text is valid UTF-8, else the
    // spec's default iso-8859-1, read as its superset windows-1252.
    let end = header.last().map_or(0, |s| s.offset).min(input.len());
    Ok(if std::str::from_utf8(&input[..end]).is_ok() {
        encoding_rs::UTF_8
    } else {
        encoding_rs::WINDOWS_1252
    })
}

/// A statement with its text decoded and its language resolved to a slot.
struct St {
    keyword: String,
    lang: usize,
    lang_code: Option<String>,
    subkeys: Vec<String>,
    items: Vec<DItem>,
    offset: usize,
}

#[derive(Clone)]
enum DItem {
    Str(String),
    Word(String),
}

impl St {
    fn strings(&self) -> Vec<String> {
        self.items
            .iter()
            .map(|i| match i {
                DItem::Str(s) | DItem::Word(s) => s.clone(),
            })
            .collect()
    }

    /// The value as one text: strings joined (a single-valued keyword has one).
    fn text(&self) -> String {
        self.strings().join("")
    }

    fn raw(&self) -> String {
        self.items
            .iter()
            .map(|i| match i {
                DItem::Str(s) => format!("\"{s}\""),
                DItem::Word(w) => w.clone(),
            })
            .collect::<Vec<_>>()
            .join(",")
    }

    /// The value when it is one item, quoted or not.
    fn single(&self) -> Option<&str> {
        match self.items.as_slice() {
            [DItem::Str(s)] | [DItem::Word(s)] => Some(s),
            _ => None,
        }
    }

    fn word(&self) -> Option<&str> {
        match self.items.first() {
            Some(DItem::Word(w)) if self.items.len() == 1 => Some(w),
            _ => None,
        }
    }
}

struct Ctx<'a> {
    input: &'a [u8],
    langs: usize,
    /// Where DATA is, for errors about what the header lacks.
    data_keyword_offset: usize,
}

impl Ctx<'_> {
    fn data_err(&self, keyword: &str, msg: String) -> Error {
        error_at(self.input, self.data_keyword_offset, keyword, msg)
    }

    fn err(&self, st: &St, msg: impl Into<String>) -> Error {
        error_at(self.input, st.offset, &st.keyword, msg)
    }

    fn uint(&self, st: &St) -> Result<u32, Error> {
        st.single()
            .and_then(|w| w.trim().parse::<u32>().ok())
            .ok_or_else(|| self.err(st, format!("expected a whole number, found `{}`", st.raw())))
    }

    fn blank_text(&self) -> Text {
        Text(vec![String::new(); self.langs])
    }
}

fn set_text(t: &mut Text, langs: usize, lang: usize, s: String) {
    if t.0.len() < langs {
        t.0.resize(langs, String::new());
    }
    t.0[lang] = s;
}

/// Fills untranslated slots with the default language's text.
fn finish_text(t: &mut Text, langs: usize) {
    if t.0.is_empty() {
        return;
    }
    t.0.resize(langs, String::new());
    let first = t.0[0].clone();
    for s in t.0.iter_mut().skip(1) {
        if s.is_empty() {
            s.clone_from(&first);
        }
    }
}

/// "20251027 08:00" → "2025-10-27T08:00"; anything else is kept as written.
pub fn px_date_to_iso(s: &str) -> String {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    if b.len() == 14
        && digits(0..8)
        && b[8] == b' '
        && digits(9..11)
        && b[11] == b':'
        && digits(12..14)
    {
        format!("{}-{}-{}T{}", &s[0..4], &s[4..6], &s[6..8], &s[9..14])
    } else if b.len() == 8 && digits(0..8) {
        format!("{}-{}-{}", &s[0..4], &s[4..6], &s[6..8])
    } else {
        s.to_string()
    }
}

/// Reads a whole PX file.
/// Reads a whole PX file.
pub fn read(input: &[u8]) -> Result<Cube, Error> {
    let header = lexer::header(input)?;
    let enc = encoding_of(input, &header.statements)?;
    let decode = move |b: &[u8]| -> String { enc.decode_without_bom_handling(b).0.into_owned() };
    let (languages, statements) = decode_statements(&header, &decode);
    let langs = languages.len().max(1);
    let cx = Ctx {
        input,
        langs,
        data_keyword_offset: header.data_keyword_offset,
    };
    let vars = variables(&cx, &statements, &languages)?;
    let mut dims = dimensions(&cx, &statements, &vars)?;
    let contvar = content_variable(&cx, &statements, &vars)?;
    if let Some(c) = contvar {
        dims[c].role = Some(Role::Metric);
    }
    let mut cube = Cube {
        languages,
        ..Cube::default()
    };
    let keys = keywords(&cx, &statements, &vars, contvar, &mut dims, &mut cube)?;
    finish_texts(&mut cube, &mut dims, langs);
    cube.dimensions = dims;
    cube.cells = cells(&cx, &header, &cube, &keys, &decode)?;
    Ok(cube)
}

/// The header's statements decoded, each with its language's slot; the
/// languages are the default first, then the others in LANGUAGES order.
fn decode_statements(header: &Header, decode: &dyn Fn(&[u8]) -> String) -> (Vec<String>, Vec<St>) {
    let find = |kw: &str| {
        header
            .statements
            .iter()
            .find(|s| s.keyword == kw && s.lang.is_none())
    };
    let items_of = |st: &Statement| -> Vec<String> {
        st.items
            .iter()
            .map(|i| match i {
                Item::Str(s) | Item::Word(s) => decode(s).trim().to_string(),
            })
            .collect()
    };
    let mut languages: Vec<String> = find("LANGUAGES").map(items_of).unwrap_or_default();
    if let Some(default) = find("LANGUAGE")
        .map(items_of)
        .and_then(|v| v.into_iter().next())
    {
        languages.retain(|l| *l != default);
        languages.insert(0, default);
    }
    let mut statements = Vec::with_capacity(header.statements.len());
    for s in &header.statements {
        let lang = match &s.lang {
            None => 0,
            Some(code) => match languages.iter().position(|l| l.eq_ignore_ascii_case(code)) {
                Some(k) => k,
                None => {
                    if languages.is_empty() {
                        // A translation with no LANGUAGE to say what the default text is in.
                        languages.push("und".to_string());
                    }
                    languages.push(code.clone());
                    languages.len() - 1
                }
            },
        };
        statements.push(St {
            keyword: s.keyword.clone(),
            lang,
            lang_code: s.lang.clone(),
            subkeys: s.subkeys.iter().map(|k| decode(k)).collect(),
            items: s
                .items
                .iter()
                .map(|i| match i {
                    Item::Str(b) => DItem::Str(decode(b)),
                    Item::Word(b) => DItem::Word(decode(b)),
                })
                .collect(),
            offset: s.offset,
        });
    }
    (languages, statements)
}

/// The variables, named in each language by their position in STUB and HEADING.
struct Vars {
    names: Vec<Vec<String>>,
    /// Where HEADING's variables begin.
    heading_start: usize,
}

impl Vars {
    /// A variable by its name in a language, or in the default language.
    fn of(&self, lang: usize, name: &str) -> Option<usize> {
        self.names[lang]
            .iter()
            .position(|n| n == name)
            .or_else(|| self.names[0].iter().position(|n| n == name))
    }
}

fn variables(cx: &Ctx, statements: &[St], languages: &[String]) -> Result<Vars, Error> {
    let langs = cx.langs;

    let mut names: Vec<Vec<String>> = vec![Vec::new(); langs];
    let mut stub_len = vec![None; langs];
    let mut heading_len = vec![None; langs];
    for st in statements
        .iter()
        .filter(|s| s.keyword == "STUB" || s.keyword == "HEADING")
    {
        let slot = if st.keyword == "STUB" {
            &mut stub_len
        } else {
            &mut heading_len
        };
        if slot[st.lang].is_some() {
            return Err(cx.err(st, format!("{} is given twice", st.keyword)));
        }
        slot[st.lang] = Some(st.items.len());
    }
    for (lang, slot) in names.iter_mut().enumerate() {
        let pick = |kw: &str| {
            statements
                .iter()
                .find(|s| s.keyword == kw && s.lang == lang)
        };
        let stub = pick("STUB").map(St::strings).unwrap_or_default();
        let heading = pick("HEADING").map(St::strings).unwrap_or_default();
        *slot = stub.into_iter().chain(heading).collect();
    }
    let ndims = names[0].len();
    if ndims == 0 {
        return Err(cx.data_err(
            "STUB",
            "expected STUB or HEADING naming the variables before DATA".into(),
        ));
    }
    let heading_start = stub_len[0].unwrap_or(0);
    for (lang, n) in names.iter().enumerate().skip(1) {
        if !n.is_empty() && (n.len() != ndims || stub_len[lang].unwrap_or(0) != heading_start) {
            let st = statements
                .iter()
                .find(|s| (s.keyword == "STUB" || s.keyword == "HEADING") && s.lang == lang);
            let msg = format!(
                "STUB and HEADING in [{}] name {} variables, {} in STUB; the default language names {ndims}, {heading_start} in STUB",
                languages[lang],
                n.len(),
                stub_len[lang].unwrap_or(0)
            );
            return Err(match st {
                Some(st) => cx.err(st, msg),
                None => cx.data_err("STUB", msg),
            });
        }
    }
    for (i, n) in names[0].iter().enumerate() {
        if names[0][..i].contains(n) {
            let st = statements
                .iter()
                .find(|s| (s.keyword == "STUB" || s.keyword == "HEADING") && s.lang == 0)
                .expect("names come from STUB or HEADING");
            return Err(cx.err(st, format!("the variable \"{n}\" is named twice")));
        }
    }
    Ok(Vars {
        names,
        heading_start,
    })
}

/// The variables with their categories: VALUES gives labels in data order;
/// CODES the parallel codes.
fn dimensions(cx: &Ctx, statements: &[St], vars: &Vars) -> Result<Vec<Dimension>, Error> {
    let (langs, ndims, heading_start) = (cx.langs, vars.names[0].len(), vars.heading_start);
    let mut labels: Vec<Vec<Option<Vec<String>>>> = vec![vec![None; ndims]; langs];
    let mut codes: Vec<Option<Vec<String>>> = vec![None; ndims];
    let mut var_codes: Vec<Option<String>> = vec![None; ndims];
    for st in statements {
        let target = || -> Result<usize, Error> {
            match st.subkeys.as_slice() {
                [name] => vars.of(st.lang, name).ok_or_else(|| {
                    cx.err(
                        st,
                        format!("\"{name}\" is not a variable of STUB or HEADING"),
                    )
                }),
                _ => Err(cx.err(st, "expected one subkey naming a variable")),
            }
        };
        match st.keyword.as_str() {
            "VALUES" => {
                let d = target()?;
                if labels[st.lang][d].is_some() {
                    return Err(cx.err(
                        st,
                        format!("VALUES for \"{}\" is given twice", st.subkeys[0]),
                    ));
                }
                labels[st.lang][d] = Some(st.strings());
            }
            "CODES" if st.lang == 0 => codes[target()?] = Some(st.strings()),
            "VARIABLECODE" if st.lang == 0 => var_codes[target()?] = Some(st.text()),
            _ => {}
        }
    }
    let mut dims = Vec::with_capacity(ndims);
    for d in 0..ndims {
        let default = labels[0][d].clone().ok_or_else(|| {
            cx.data_err(
                "VALUES",
                format!("expected VALUES for the variable \"{}\"", vars.names[0][d]),
            )
        })?;
        let n = default.len();
        if let Some(c) = &codes[d] {
            if c.len() != n {
                let st = statements
                    .iter()
                    .find(|s| {
                        s.keyword == "CODES"
                            && s.lang == 0
                            && s.subkeys.first() == Some(&vars.names[0][d])
                    })
                    .expect("codes come from a statement");
                return Err(cx.err(
                    st,
                    format!(
                        "expected {n} codes for \"{}\" as VALUES gives, found {}",
                        vars.names[0][d],
                        c.len()
                    ),
                ));
            }
        }
        let mut cats: Vec<Category> = (0..n)
            .map(|i| Category {
                code: codes[d]
                    .as_ref()
                    .map_or_else(|| default[i].clone(), |c| c[i].clone()),
                label: cx.blank_text(),
                ..Category::default()
            })
            .collect();
        for (lang, per) in labels.iter().enumerate() {
            if let Some(l) = &per[d] {
                if l.len() != n {
                    let st = statements
                        .iter()
                        .find(|s| {
                            s.keyword == "VALUES"
                                && s.lang == lang
                                && s.subkeys.first().and_then(|k| vars.of(lang, k)) == Some(d)
                        })
                        .expect("labels come from a statement");
                    return Err(cx.err(
                        st,
                        format!(
                            "expected {n} values as in the default language, found {}",
                            l.len()
                        ),
                    ));
                }
                for (c, label) in cats.iter_mut().zip(l) {
                    c.label.0[lang] = label.clone();
                }
            }
        }
        let mut label = cx.blank_text();
        for (lang, n) in vars.names.iter().enumerate() {
            if let Some(name) = n.get(d) {
                label.0[lang] = name.clone();
            }
        }
        dims.push(Dimension {
            id: var_codes[d]
                .clone()
                .unwrap_or_else(|| vars.names[0][d].clone()),
            label,
            categories: cats,
            heading: d >= heading_start,
            ..Dimension::default()
        });
    }
    Ok(dims)
}

/// The CONTVARIABLE, whose values each have their own units and dates.
fn content_variable(cx: &Ctx, statements: &[St], vars: &Vars) -> Result<Option<usize>, Error> {
    statements
        .iter()
        .find(|s| s.keyword == "CONTVARIABLE" && s.lang == 0)
        .map(|st| {
            vars.of(0, &st.text()).ok_or_else(|| {
                cx.err(
                    st,
                    format!(
                        "expected a variable of STUB or HEADING, found \"{}\"",
                        st.text()
                    ),
                )
            })
        })
        .transpose()
}

/// Every other keyword of the header, into the cube and its dimensions; gives
/// each variable's KEYS, if the data rows are keyed.
fn keywords(
    cx: &Ctx,
    statements: &[St],
    vars: &Vars,
    contvar: Option<usize>,
    dims: &mut [Dimension],
    cube: &mut Cube,
) -> Result<Vec<Option<bool>>, Error> {
    let langs = cx.langs;
    let var_of = |lang: usize, name: &str| vars.of(lang, name);
    let mut keys: Vec<Option<bool>> = vec![None; dims.len()];
    // The n-th NOTE[sv] of a target translates the n-th NOTE of that target.
    let mut note_seen: NotesSeen = HashMap::new();
    let mut updated_content: Option<String> = None;
    for st in statements {
        let kw = st.keyword.as_str();
        let lang = st.lang;
        match kw {
            "CHARSET" | "AXIS-VERSION" | "CODEPAGE" | "LANGUAGE" | "LANGUAGES" | "STUB"
            | "HEADING" | "VALUES" | "CODES" | "VARIABLECODE" | "CONTVARIABLE" => {}
            "DECIMALS" if lang == 0 => cube.decimals = Some(cx.uint(st)?),
            "SHOWDECIMALS" if lang == 0 => cube.show_decimals = Some(cx.uint(st)?),
            "MATRIX" if lang == 0 => cube.matrix = st.text(),
            "SUBJECT-CODE" if lang == 0 => cube.subject_code = st.text(),
            "SUBJECT-AREA" => set_text(&mut cube.subject_area, langs, lang, st.text()),
            "TITLE" => set_text(&mut cube.title, langs, lang, st.text()),
            "DESCRIPTION" => set_text(&mut cube.description, langs, lang, st.text()),
            "CONTENTS" => set_text(&mut cube.contents, langs, lang, st.text()),
            "SOURCE" => set_text(&mut cube.source, langs, lang, st.text()),
            "UNITS" if st.subkeys.is_empty() => set_text(&mut cube.units, langs, lang, st.text()),
            "LAST-UPDATED" if st.subkeys.is_empty() && lang == 0 => {
                cube.updated = Some(px_date_to_iso(&st.text()))
            }
            k if CONTENT_KEYWORDS.contains(&k) && st.subkeys.len() == 1 && contvar.is_some() => {
                let c = contvar.expect("checked");
                content_keyword(cx, st, vars, c, dims, &mut updated_content)?;
            }
            "TIMEVAL" if lang == 0 => {
                let d = one_var(cx, st, &var_of)?;
                dims[d].role = Some(Role::Time);
                dims[d].time = Some(parse_timeval(cx, st)?);
            }
            "TIMEVAL" => {}
            "ELIMINATION" if lang == 0 => elimination(cx, st, vars, dims)?,
            "ELIMINATION" => {}
            "PRECISION" if lang == 0 => {
                let (d, i) = var_value(cx, st, &var_of, dims, &cat_of)?;
                dims[d].categories[i].decimals = Some(cx.uint(st)?);
            }
            "PRECISION" => {}
            "MAP" if st.subkeys.len() == 1 => {
                let d = one_var(cx, st, &var_of)?;
                if lang == 0 {
                    dims[d].role = Some(Role::Geo);
                    dims[d].map = Some(st.text());
                }
            }
            "KEYS" if lang == 0 => {
                let d = one_var(cx, st, &var_of)?;
                keys[d] = Some(match st.single() {
                    Some(w) if w.eq_ignore_ascii_case("CODES") => true,
                    Some(w) if w.eq_ignore_ascii_case("VALUES") => false,
                    _ => {
                        return Err(cx.err(
                            st,
                            format!("expected CODES or VALUES, found `{}`", st.raw()),
                        ))
                    }
                });
            }
            "KEYS" => {}
            "NOTE" | "NOTEX" | "VALUENOTE" | "VALUENOTEX" => {
                note(cx, st, vars, dims, cube, &mut note_seen)?
            }
            k if k.starts_with("DATASYMBOL") && k != "DATASYMBOLSUM" && st.subkeys.is_empty() => {
                data_symbol(langs, st, cube)
            }
            _ => cube.extra.push(keyword(st)),
        }
    }
    if cube.updated.is_none() {
        cube.updated = updated_content;
    }
    Ok(keys)
}

/// A category of the CONTVARIABLE found by its label in a language, its
/// default label or its code.
fn cat_of(dims: &[Dimension], lang: usize, d: usize, value: &str) -> Option<usize> {
    let cats = &dims[d].categories;
    cats.iter()
        .position(|c| c.label.0[lang] == value)
        .or_else(|| cats.iter().position(|c| c.label.0[0] == value))
        .or_else(|| cats.iter().position(|c| c.code == value))
}

/// A keyword given per value of the CONTVARIABLE: `UNITS("Bosatte")="personer"`.
/// The newest LAST-UPDATED of them is kept in `updated_content`.
fn content_keyword(
    cx: &Ctx,
    st: &St,
    vars: &Vars,
    c: usize,
    dims: &mut [Dimension],
    updated_content: &mut Option<String>,
) -> Result<(), Error> {
    let (k, lang, langs) = (st.keyword.as_str(), st.lang, cx.langs);
    let i = cat_of(dims, lang, c, &st.subkeys[0]).ok_or_else(|| {
        cx.err(
            st,
            format!(
                "\"{}\" is not a value of the CONTVARIABLE \"{}\"",
                st.subkeys[0], vars.names[0][c]
            ),
        )
    })?;
    let cat = &mut dims[c].categories[i];
    if k == "UNITS" {
        set_text(
            cat.unit.get_or_insert_with(Text::default),
            langs,
            lang,
            st.text(),
        );
    } else {
        if k == "LAST-UPDATED" && lang == 0 {
            let iso = px_date_to_iso(&st.text());
            if updated_content.as_ref().is_none_or(|u| *u < iso) {
                *updated_content = Some(iso);
            }
        }
        match cat.meta.iter_mut().find(|(name, _)| name == k) {
            Some((_, t)) => set_text(t, langs, lang, st.raw()),
            None => {
                let mut t = Text::default();
                set_text(&mut t, langs, lang, st.raw());
                cat.meta.push((k.to_string(), t));
            }
        }
    }
    Ok(())
}

fn elimination(cx: &Ctx, st: &St, vars: &Vars, dims: &mut [Dimension]) -> Result<(), Error> {
    let lang = st.lang;
    let d = one_var(cx, st, &|l, n| vars.of(l, n))?;
    dims[d].elimination = Some(match (st.word(), st.items.as_slice()) {
        (Some(w), _) if w.eq_ignore_ascii_case("YES") => Elimination::Yes,
        (Some(w), _) if w.eq_ignore_ascii_case("NO") => Elimination::No,
        (_, [DItem::Str(v)]) => Elimination::Total(cat_of(dims, lang, d, v).ok_or_else(|| {
            cx.err(
                st,
                format!(
                    "expected YES, NO or a value of \"{}\", found \"{v}\"",
                    vars.names[0][d]
                ),
            )
        })?),
        _ => {
            return Err(cx.err(
                st,
                format!("expected YES, NO or a quoted value, found `{}`", st.raw()),
            ))
        }
    });
    Ok(())
}

/// Which NOTE of a target a translation has reached: (keyword, variable, value, language, 0).
type NotesSeen = HashMap<(String, usize, usize, usize, usize), usize>;

/// NOTE, NOTEX, VALUENOTE and VALUENOTEX: on the cube, a variable or a value;
/// a translation is matched to its note by order.
fn note(
    cx: &Ctx,
    st: &St,
    vars: &Vars,
    dims: &mut [Dimension],
    cube: &mut Cube,
    note_seen: &mut NotesSeen,
) -> Result<(), Error> {
    let (kw, lang, langs) = (st.keyword.as_str(), st.lang, cx.langs);
    let mandatory = kw.ends_with('X');
    let (d, i) = match (kw.starts_with("VALUE"), st.subkeys.len()) {
        (false, 0) => (usize::MAX, usize::MAX),
        (false, 1) => (one_var(cx, st, &|l, n| vars.of(l, n))?, usize::MAX),
        (true, 2) => var_value(cx, st, &|l, n| vars.of(l, n), dims, &cat_of)?,
        _ => {
            return Err(cx.err(
                st,
                "expected (\"variable\") for NOTE or (\"variable\",\"value\") for VALUENOTE",
            ))
        }
    };
    let key = (kw.to_string(), d, i, lang, 0);
    let nth = *note_seen
        .entry(key.clone())
        .and_modify(|n| *n += 1)
        .or_insert(0);
    let notes = if d == usize::MAX {
        &mut cube.notes
    } else if i == usize::MAX {
        &mut dims[d].notes
    } else {
        &mut dims[d].categories[i].notes
    };
    let matching: Vec<usize> = notes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.mandatory == mandatory)
        .map(|(k, _)| k)
        .collect();
    if lang == 0 {
        let mut text = Text::default();
        set_text(&mut text, langs, 0, st.text());
        notes.push(Note { text, mandatory });
    } else if let Some(&k) = matching.get(nth) {
        set_text(&mut notes[k].text, langs, lang, st.text());
    }
    Ok(())
}

/// DATASYMBOL1 to 6 and DATASYMBOLNIL: how a dot code is shown.
fn data_symbol(langs: usize, st: &St, cube: &mut Cube) {
    let (k, lang) = (st.keyword.as_str(), st.lang);
    let code = match &k["DATASYMBOL".len()..] {
        "NIL" => Some(DOT_CODES[6]),
        n => n
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=6).contains(n))
            .map(|n| DOT_CODES[n - 1]),
    };
    match code {
        Some(code) => {
            let sym = match cube.data_symbols.iter_mut().find(|s| s.code == code) {
                Some(s) => s,
                None => {
                    cube.data_symbols.push(DataSymbol {
                        code: code.to_string(),
                        shown: Text::default(),
                    });
                    cube.data_symbols.last_mut().expect("just pushed")
                }
            };
            set_text(&mut sym.shown, langs, lang, st.text());
        }
        None => cube.extra.push(keyword(st)),
    }
}

/// Fills untranslated texts with the default language's.
fn finish_texts(cube: &mut Cube, dims: &mut [Dimension], langs: usize) {
    for t in [
        &mut cube.title,
        &mut cube.description,
        &mut cube.contents,
        &mut cube.subject_area,
        &mut cube.source,
        &mut cube.units,
    ] {
        finish_text(t, langs);
    }
    for s in &mut cube.data_symbols {
        finish_text(&mut s.shown, langs);
    }
    for n in &mut cube.notes {
        finish_text(&mut n.text, langs);
    }
    for dim in dims.iter_mut() {
        finish_text(&mut dim.label, langs);
        for n in &mut dim.notes {
            finish_text(&mut n.text, langs);
        }
        for c in &mut dim.categories {
            finish_text(&mut c.label, langs);
            if let Some(u) = &mut c.unit {
                finish_text(u, langs);
            }
            for n in &mut c.notes {
                finish_text(&mut n.text, langs);
            }
            for (_, t) in &mut c.meta {
                finish_text(t, langs);
            }
        }
    }
}

/// The figures after DATA=: every cell in order, or keyed rows of a KEYS file.
fn cells(
    cx: &Ctx,
    header: &Header,
    cube: &Cube,
    keys: &[Option<bool>],
    decode: &dyn Fn(&[u8]) -> String,
) -> Result<Cells, Error> {
    let Some(data_at) = header.data_offset else {
        return Err(cx.data_err(
            "DATA",
            "expected DATA= with the figures, found the end of the file".into(),
        ));
    };
    let n = cube.cell_count().ok_or_else(|| {
        cx.data_err(
            "DATA",
            "the variables' sizes multiply past what can be addressed".into(),
        )
    })?;
    let stubs = (0..cube.dimensions.len())
        .filter(|&d| !cube.dimensions[d].heading)
        .count();
    let keyed = keys.iter().filter(|k| k.is_some()).count();
    let mut data = Data::new(cx.input, data_at, decode);
    if keyed == 0 {
        // Each cell takes at least one byte and a separator: more cells than bytes cannot be there.
        if n > cx.input.len() - data_at {
            return Err(cx.data_err(
                "DATA",
                format!(
                    "STUB and HEADING give {n} cells, more than the {} bytes of DATA can hold",
                    cx.input.len() - data_at
                ),
            ));
        }
        let mut cells = Cells::zeros(n);
        data.dense(&mut cells)?;
        Ok(cells)
    } else {
        if keys[..stubs].iter().any(Option::is_none) || keys[stubs..].iter().any(Option::is_some) {
            return Err(cx.data_err(
                "KEYS",
                "expected KEYS for every STUB variable and none for HEADING variables".into(),
            ));
        }
        let cap = cx
            .input
            .len()
            .saturating_mul(SPARSE_CELLS_PER_BYTE)
            .max(SPARSE_CELLS_FLOOR);
        if n > cap {
            return Err(cx.data_err("KEYS", format!("STUB and HEADING give {n} cells, more than {cap} this reader holds for a KEYS file of this size")));
        }
        let row_len = checked_product(cube.dimensions[stubs..].iter().map(Dimension::size))
            .expect("divides n");
        let mut row_strides = vec![1usize; stubs];
        for k in (0..stubs.saturating_sub(1)).rev() {
            row_strides[k] = row_strides[k + 1] * cube.dimensions[k + 1].size();
        }
        let mut cells = Cells::zeros(n);
        let dims = &cube.dimensions;
        let lookup = |k: usize, key: &str| -> Option<usize> {
            let cats = &dims[k].categories;
            if keys[k] == Some(true) {
                cats.iter().position(|c| c.code == key)
            } else {
                cats.iter().position(|c| c.label.0[0] == key)
            }
        };
        data.sparse(&mut cells, row_len, &row_strides, &lookup)?;
        Ok(cells)
    }
}

fn keyword(st: &St) -> Keyword {
    Keyword {
        name: st.keyword.clone(),
        lang: st.lang_code.clone(),
        subkeys: st.subkeys.clone(),
        raw: st.raw(),
    }
}

fn one_var(
    cx: &Ctx,
    st: &St,
    var_of: &dyn Fn(usize, &str) -> Option<usize>,
) -> Result<usize, Error> {
    match st.subkeys.as_slice() {
        [name] => var_of(st.lang, name).ok_or_else(|| {
            cx.err(
                st,
                format!("\"{name}\" is not a variable of STUB or HEADING"),
            )
        }),
        _ => Err(cx.err(st, "expected one subkey naming a variable")),
    }
}

type CatOf<'a> = dyn Fn(&[Dimension], usize, usize, &str) -> Option<usize> + 'a;

fn var_value(
    cx: &Ctx,
    st: &St,
    var_of: &dyn Fn(usize, &str) -> Option<usize>,
    dims: &[Dimension],
    cat_of: &CatOf,
) -> Result<(usize, usize), Error> {
    match st.subkeys.as_slice() {
        [name, value] => {
            let d = var_of(st.lang, name).ok_or_else(|| {
                cx.err(
                    st,
                    format!("\"{name}\" is not a variable of STUB or HEADING"),
                )
            })?;
            let i = cat_of(dims, st.lang, d, value)
                .ok_or_else(|| cx.err(st, format!("\"{value}\" is not a value of \"{name}\"")))?;
            Ok((d, i))
        }
        _ => Err(cx.err(st, "expected two subkeys: (\"variable\",\"value\")")),
    }
}

/// `TLIST(A1),"2024","2025"` or `TLIST(A1, "1994"-"2003")`.
fn parse_timeval(cx: &Ctx, st: &St) -> Result<TimeInfo, Error> {
    let bad = || {
        cx.err(
            st,
            format!(
                "expected TLIST(A1|H1|Q1|M1|W1[, \"first\"-\"last\"]), found `{}`",
                st.raw()
            ),
        )
    };
    let Some(DItem::Word(w)) = st.items.first() else {
        return Err(bad());
    };
    let inner = w
        .strip_prefix("TLIST")
        .map(str::trim_start)
        .and_then(|r| r.strip_prefix('('))
        .and_then(|r| r.trim_end().strip_suffix(')'))
        .ok_or_else(bad)?;
    // Only a format code and one quoted period at each end of the range: anything else would not
    // survive being written back as TLIST(…).
    let quoted = |s: &str| {
        s.trim()
            .strip_prefix('"')
            .and_then(|s| s.strip_suffix('"'))
            .filter(|s| !s.contains(['"', '\r', '\n']))
            .map(str::to_string)
    };
    let (format, range) = match inner.split_once(',') {
        None => (inner.trim().to_string(), None),
        Some((f, r)) => {
            let (a, b) = r.split_once('-').ok_or_else(bad)?;
            let range = quoted(a).zip(quoted(b)).ok_or_else(bad)?;
            (f.trim().to_string(), Some(range))
        }
    };
    if format.is_empty() || !format.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(bad());
    }
    let periods = st.items[1..]
        .iter()
        .map(|i| match i {
            DItem::Str(s) => Ok(s.clone()),
            DItem::Word(_) => Err(bad()),
        })
        .collect::<Result<_, _>>()?;
    Ok(TimeInfo {
        format,
        periods,
        range,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn px_dates() {
        assert_eq!(px_date_to_iso("20251027 08:00"), "2025-10-27T08:00");
        assert_eq!(px_date_to_iso("20251027"), "2025-10-27");
        assert_eq!(px_date_to_iso("soon"), "soon");
    }

    #[test]
    fn minimal() {
        let c = read(b"STUB=\"a\";HEADING=\"b\";VALUES(\"a\")=\"x\",\"y\";VALUES(\"b\")=\"1\";DATA=1 \"..\";").unwrap();
        assert_eq!(c.cells.len(), 2);
        assert_eq!(c.cells.status(1), Some(".."));
        assert!(c.dimensions[1].heading);
    }
}
