//! Hand-made PX files shaped like those other offices publish: the cases the shared data lack.

use statcube::model::{Cell, Elimination, Role};
use statcube::px;

/// BFS style: four languages, iso-8859-15 (€ is 0xA4, Š is 0xA6), quarters written `20041`.
pub const FOUR_LANGUAGES: &[u8] = b"CHARSET=\"ANSI\";\r
AXIS-VERSION=\"2010\";\r
CODEPAGE=\"iso-8859-15\";\r
LANGUAGE=\"de\";\r
LANGUAGES=\"de\",\"fr\",\"it\",\"en\";\r
DECIMALS=1;\r
MATRIX=\"px-x-0602000000_101\";\r
SUBJECT-CODE=\"06\";\r
SUBJECT-AREA=\"Industrie\";\r
TITLE=\"Umsatz in \xa4 nach Kanton und Quartal\";\r
TITLE[fr]=\"Chiffre d'affaires en \xa4 par canton et trimestre\";\r
TITLE[it]=\"Cifra d'affari in \xa4 per cantone e trimestre\";\r
TITLE[en]=\"Turnover in \xa4 by canton and quarter\";\r
CONTENTS=\"Umsatz\";\r
UNITS=\"Mio. \xa4\";\r
UNITS[fr]=\"mio. \xa4\";\r
UNITS[it]=\"mio. \xa4\";\r
UNITS[en]=\"million \xa4\";\r
STUB=\"Kanton\";\r
STUB[fr]=\"Canton\";\r
STUB[it]=\"Cantone\";\r
STUB[en]=\"Canton\";\r
HEADING=\"Quartal\";\r
HEADING[fr]=\"Trimestre\";\r
HEADING[it]=\"Trimestre\";\r
HEADING[en]=\"Quarter\";\r
VALUES(\"Kanton\")=\"Z\xfcrich\",\"Gen\xa6ve-\xa6tadt\";\r
VALUES[fr](\"Canton\")=\"Zurich\",\"Gen\xe8ve\";\r
VALUES[it](\"Cantone\")=\"Zurigo\",\"Ginevra\";\r
VALUES[en](\"Canton\")=\"Zurich\",\"Geneva\";\r
VALUES(\"Quartal\")=\"20041\",\"20042\",\"20043\";\r
VALUES[fr](\"Trimestre\")=\"20041\",\"20042\",\"20043\";\r
VALUES[it](\"Trimestre\")=\"20041\",\"20042\",\"20043\";\r
VALUES[en](\"Quarter\")=\"20041\",\"20042\",\"20043\";\r
TIMEVAL(\"Quartal\")=TLIST(Q1),\"20041\",\"20042\",\"20043\";\r
TIMEVAL[fr](\"Trimestre\")=TLIST(Q1),\"20041\",\"20042\",\"20043\";\r
CODES(\"Kanton\")=\"1\",\"25\";\r
ELIMINATION[en](\"Canton\")=YES;\r
SOURCE=\"BFS\";\r
NOTE[en]=\"translated note\";\r
NOTE=\"Anmerkung\";\r
DATA=\r
1.5 2.5 3.5\r
10 \"...\" 30\r
;\r
";

#[test]
fn four_languages_iso_8859_15_quarters() {
    let c = px::read(FOUR_LANGUAGES).unwrap();
    assert_eq!(c.languages, ["de", "fr", "it", "en"]);
    assert_eq!(c.title.get(3), "Turnover in € by canton and quarter");
    assert_eq!(c.units.get(0), "Mio. €");
    let canton = &c.dimensions[0];
    assert_eq!(canton.label.0, ["Kanton", "Canton", "Cantone", "Canton"]);
    assert_eq!(
        canton.categories[1].label.0,
        ["GenŠve-Štadt", "Genève", "Ginevra", "Geneva"]
    );
    assert_eq!(canton.categories[1].code, "25");
    let quarter = &c.dimensions[1];
    assert_eq!(quarter.role, Some(Role::Time));
    assert_eq!(quarter.time.as_ref().unwrap().format, "Q1");
    assert_eq!(quarter.categories[0].code, "20041");
    assert_eq!(
        (c.cells.len(), c.cells.missing_count(), c.cells.sum()),
        (6, 1, 47.5)
    );
    assert_eq!(
        c.cells.get(4),
        Cell::Missing {
            status: Some("...")
        }
    );
    // A translated keyword is not the default: ELIMINATION[en] alone says nothing.
    assert_eq!(canton.elimination, None);
    // NOTE[en] came before any NOTE, so it translates nothing; the default note stands alone.
    assert_eq!(c.notes.len(), 1);
    assert_eq!(c.notes[0].text.get(3), "Anmerkung");
}

/// INE style: AXIS-VERSION 2000, no CHARSET or CODEPAGE (windows-1252 bytes), strings over
/// several lines, a TLIST range, and values broken after commas.
pub const AXIS_2000: &[u8] = b"AXIS-VERSION=\"2000\";
LANGUAGE=\"es\";
DECIMALS=0;
MATRIX=\"t20\";
SUBJECT-AREA=\"Poblaci\xf3n\";
SUBJECT-CODE=\"t20\";
TITLE=\"Poblaci\xf3n por provincia \"
\"y a\xf1o, seg\xfan el \"
\"padr\xf3n\";
CONTENTS=\"Poblaci\xf3n\";
UNITS=\"personas\";
STUB=\"Provincia\";
HEADING=\"A\xf1o\";
VALUES(\"Provincia\")=\"Total\",
\"Le\xf3n\",
\"C\xe1diz\";
VALUES(\"A\xf1o\")=\"1998\",\"1999\";
TIMEVAL(\"A\xf1o\")=TLIST(A1, \"1998\"-\"1999\");
ELIMINATION(\"Provincia\")=\"Total\";
NOTE=\"Cifras \"
\"oficiales\";
DATA=
100,200
60,120
40,80;
";

#[test]
fn axis_2000_without_codepage() {
    let c = px::read(AXIS_2000).unwrap();
    assert_eq!(
        c.title.get(0),
        "Población por provincia y año, según el padrón"
    );
    assert_eq!(c.notes[0].text.get(0), "Cifras oficiales");
    assert_eq!(c.dimensions[1].label.get(0), "Año");
    assert_eq!(c.dimensions[0].categories[2].label.get(0), "Cádiz");
    assert_eq!(c.dimensions[0].elimination, Some(Elimination::Total(0)));
    let t = c.dimensions[1].time.as_ref().unwrap();
    assert_eq!(t.range, Some(("1998".to_string(), "1999".to_string())));
    assert_eq!(
        (c.cells.len(), c.cells.missing_count(), c.cells.sum()),
        (6, 0, 600.0)
    );
}

#[test]
fn utf8_without_codepage_is_utf8() {
    let c = px::read("STUB=\"år\";VALUES(\"år\")=\"ø\";DATA=1;".as_bytes()).unwrap();
    assert_eq!(c.dimensions[0].label.get(0), "år");
}

/// KEYS: rows open with their stub keys; left-out rows are zeros.
pub const SPARSE: &[u8] = br#"CHARSET="ANSI";
CODEPAGE="utf-8";
DECIMALS=0;
MATRIX="sparse";
SUBJECT-AREA="x";
SUBJECT-CODE="x";
TITLE="Sparse";
CONTENTS="Sparse";
UNITS="n";
STUB="region","sex";
HEADING="year";
VALUES("region")="North","South","East";
VALUES("sex")="Men","Women";
VALUES("year")="2020","2021";
CODES("region")="N","S","E";
CODES("sex")="1","2";
KEYS("region")=CODES;
KEYS("sex")=VALUES;
DATA=
"N","Women",5,6
"E","Men",7,".."
"S","Men", 1 2
;
"#;

#[test]
fn keys_sparse_rows() {
    let c = px::read(SPARSE).unwrap();
    assert_eq!(c.cells.len(), 12);
    let expect = [
        0.0,
        0.0,
        5.0,
        6.0,
        1.0,
        2.0,
        0.0,
        0.0,
        7.0,
        f64::NAN,
        0.0,
        0.0,
    ];
    for (i, e) in expect.iter().enumerate() {
        match c.cells.value(i) {
            Some(v) => assert_eq!(v, *e, "cell {i}"),
            None => assert!(e.is_nan(), "cell {i}"),
        }
    }
    assert_eq!(c.cells.status(9), Some(".."));
    assert_eq!((c.cells.missing_count(), c.cells.sum()), (1, 21.0));
}

#[test]
fn keys_with_an_unknown_key_is_refused() {
    let bad = String::from_utf8(SPARSE.to_vec())
        .unwrap()
        .replace("\"E\",\"Men\"", "\"W\",\"Men\"");
    let e = px::read(bad.as_bytes()).unwrap_err();
    assert_eq!(e.keyword(), Some("DATA"));
    assert_eq!(e.line(), Some(21));
    assert!(e.message().contains("\"W\""), "{e}");
}

/// SSB style dot codes with their symbols, and CONTVARIABLE with per-content keywords.
pub const SYMBOLS_AND_CONTENTS: &[u8] = br#"CHARSET="ANSI";
CODEPAGE="iso-8859-1";
LANGUAGE="no";
LANGUAGES="no","en";
DECIMALS=1;
MATRIX="t1";
SUBJECT-AREA="x";
SUBJECT-CODE="x";
TITLE="t";
CONTENTS="c";
UNITS="u";
STUB="kommune";
STUB[en]="municipality";
HEADING="statistikkvariabel";
HEADING[en]="contents";
CONTVARIABLE="statistikkvariabel";
CONTVARIABLE[en]="contents";
VALUES("kommune")="Vik","Aurland";
VALUES[en]("municipality")="Vik","Aurland";
VALUES("statistikkvariabel")="Personer","Andel";
VALUES[en]("contents")="Persons","Share";
UNITS("Personer")="personer";
UNITS[en]("Persons")="persons";
UNITS("Andel")="prosent";
PRECISION("statistikkvariabel","Andel")=1;
LAST-UPDATED("Personer")="20250301 08:00";
LAST-UPDATED("Andel")="20250401 08:00";
REFPERIOD("Personer")="01.01";
DAYADJ("Andel")=NO;
CONTACT[en]("Share")="Someone";
DATASYMBOL1="..";
DATASYMBOL2="...";
DATASYMBOL3=":";
DATASYMBOL3[en]=":";
DATASYMBOLNIL="-";
DATASYMBOLSUM=".";
DATA=
"." ".."
"..." "-"
;
"#;

#[test]
fn dot_codes_and_contents() {
    let c = px::read(SYMBOLS_AND_CONTENTS).unwrap();
    assert_eq!(
        (c.cells.len(), c.cells.missing_count(), c.cells.sum()),
        (4, 4, 0.0)
    );
    let shown: Vec<&str> = (0..4)
        .map(|i| c.status_shown(c.cells.status(i).unwrap(), 1))
        .collect();
    assert_eq!(shown, ["..", "...", ":", "-"]);
    let content = &c.dimensions[1];
    assert_eq!(content.role, Some(Role::Metric));
    assert_eq!(
        content.categories[0].unit.as_ref().unwrap().0,
        ["personer", "persons"]
    );
    assert_eq!(
        content.categories[1].unit.as_ref().unwrap().0,
        ["prosent", "prosent"]
    );
    assert_eq!(content.categories[1].decimals, Some(1));
    let meta: Vec<&str> = content.categories[1]
        .meta
        .iter()
        .map(|(k, _)| k.as_str())
        .collect();
    assert_eq!(meta, ["LAST-UPDATED", "DAYADJ", "CONTACT"]);
    // The latest content update stands for the table when it has no LAST-UPDATED of its own.
    assert_eq!(c.updated.as_deref(), Some("2025-04-01T08:00"));
    assert!(c.extra.iter().any(|k| k.name == "DATASYMBOLSUM"));
}

#[test]
fn every_2013_keyword_is_kept() {
    let all = "CHARSET=\"ANSI\";AXIS-VERSION=\"2013\";CODEPAGE=\"utf-8\";LANGUAGE=\"en\";LANGUAGES=\"en\";\
CREATION-DATE=\"20250101 10:00\";NEXT-UPDATE=\"20260101 10:00\";PX-SERVER=\"x\";DIRECTORY-PATH=\"a/b\";\
UPDATE-FREQUENCY=\"yearly\";TABLEID=\"1\";SYNONYMS=\"a b\";DEFAULT-GRAPH=1;DECIMALS=0;SHOWDECIMALS=0;ROUNDING=1;\
MATRIX=\"m\";AGGREGALLOWED=YES;AUTOPEN=NO;SUBJECT-CODE=\"s\";SUBJECT-AREA=\"s\";CONFIDENTIAL=0;COPYRIGHT=YES;\
DESCRIPTION=\"d\";TITLE=\"t\";DESCRIPTIONDEFAULT=YES;CONTENTS=\"c\";UNITS=\"u\";STUB=\"v\";HEADING=\"w\";\
CONTVARIABLE=\"w\";VALUES(\"v\")=\"a\";VALUES(\"w\")=\"k\";TIMEVAL(\"v\")=TLIST(A1),\"a\";CODES(\"v\")=\"A\";\
DOUBLECOLUMN(\"v\")=YES;PRESTEXT(\"v\")=2;DOMAIN(\"v\")=\"dom\";VARIABLE-TYPE(\"v\")=\"T\";VARIABLECODE(\"v\")=\"V\";\
HIERARCHIES(\"v\")=\"a\";HIERARCHYLEVELS(\"v\")=1;HIERARCHYLEVELSOPEN(\"v\")=1;HIERARCHYNAMES(\"v\")=\"l1\";\
MAP(\"v\")=\"m\";PARTITIONED(\"v\")=\"p\",1;ELIMINATION(\"v\")=YES;PRECISION(\"w\",\"k\")=1;LAST-UPDATED(\"k\")=\"20250101 10:00\";\
STOCKFA(\"k\")=\"S\";CFPRICES(\"k\")=\"C\";DAYADJ(\"k\")=NO;SEASADJ(\"k\")=NO;UNITS(\"k\")=\"u\";CONTACT(\"k\")=\"c\";\
REFPERIOD(\"k\")=\"r\";BASEPERIOD(\"k\")=\"b\";DATABASE=\"db\";SOURCE=\"src\";SURVEY=\"sv\";LINK=\"l\";INFOFILE=\"i\";\
FIRST-PUBLISHED=\"20200101 10:00\";META-ID=\"m\";OFFICIAL-STATISTICS=YES;INFO=\"i\";NOTEX=\"nx\";NOTE=\"n\";\
VALUENOTEX(\"v\",\"a\")=\"vx\";VALUENOTE(\"v\",\"a\")=\"vn\";CELLNOTEX(\"a\",\"k\")=\"cx\";CELLNOTE(\"a\",\"k\")=\"cn\";\
DATASYMBOL1=\"1\";DATASYMBOL2=\"2\";DATASYMBOL3=\"3\";DATASYMBOL4=\"4\";DATASYMBOL5=\"5\";DATASYMBOL6=\"6\";\
DATASYMBOLSUM=\"s\";DATASYMBOLNIL=\"n\";DATANOTECELL(\"a\",\"k\")=\"x\";DATANOTESUM=\"y\";DATANOTE=\"z\";\
ATTRIBUTE-ID=\"at\";ATTRIBUTE-TEXT(\"at\")=\"text\";ATTRIBUTES=\"A\";\
DATA=\"......\";";
    let c = px::read(all.as_bytes()).unwrap();
    assert_eq!(c.cells.status(0), Some("......"));
    assert_eq!(c.status_shown("......", 0), "6");
    assert_eq!(c.dimensions[0].id, "V");
    assert_eq!(
        c.dimensions[0].role,
        Some(Role::Geo),
        "MAP comes after TIMEVAL and wins"
    );
    assert_eq!(c.notes.len(), 2);
    assert!(c.notes[0].mandatory);
    assert_eq!(c.dimensions[0].categories[0].notes.len(), 2);
    assert_eq!(c.dimensions[1].categories[0].meta.len(), 8);
    for kw in [
        "CREATION-DATE",
        "PARTITIONED",
        "CELLNOTE",
        "ATTRIBUTES",
        "HIERARCHIES",
        "DOMAIN",
        "DATANOTE",
    ] {
        assert!(c.extra.iter().any(|k| k.name == kw), "{kw}");
    }
    // Written back and read again, nothing is lost.
    let mut out = Vec::new();
    px::write(&c, &mut out).unwrap();
    let again = px::read(&out).unwrap();
    assert_eq!(again.extra, c.extra);
    assert_eq!(again.dimensions, c.dimensions);
}
