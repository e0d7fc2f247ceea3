//! Broken inputs give errors that name the line, column and keyword, and say what was expected.

use std::path::Path;

use statcube::{inspect, px, InspectOptions};

fn px_err(src: &str) -> statcube::Error {
    px::read(src.as_bytes()).expect_err("should be refused")
}

const HEAD: &str =
    "STUB=\"a\";\nHEADING=\"b\";\nVALUES(\"a\")=\"x\",\"y\";\nVALUES(\"b\")=\"1\",\"2\";\n";

#[test]
fn missing_equals() {
    let e = px_err("TITLE=\"t\";\nUNITS \"n\";\n");
    assert_eq!(
        (e.line(), e.column(), e.keyword()),
        (Some(2), Some(7), Some("UNITS"))
    );
    assert!(e.message().contains("expected `=`"), "{e}");
}

#[test]
fn unterminated_string() {
    let e = px_err("TITLE=\"t;\nDATA=1;");
    assert_eq!(
        (e.line(), e.column(), e.keyword()),
        (Some(1), Some(7), Some("TITLE"))
    );
    assert!(e.to_string().contains("no closing"), "{e}");
}

#[test]
fn missing_semicolon_between_values() {
    let e = px_err("VALUES(\"a\")=\"x\" YES;");
    assert_eq!(e.keyword(), Some("VALUES"));
    assert!(e.message().contains("expected `,` or `;`"), "{e}");
}

#[test]
fn too_few_cells() {
    let e = px_err(&format!("{HEAD}DATA=\n1 2\n3;"));
    assert_eq!((e.line(), e.keyword()), (Some(7), Some("DATA")));
    assert!(
        e.message().contains("after 3 cells") && e.message().contains("give 4"),
        "{e}"
    );
}

#[test]
fn not_a_number() {
    let e = px_err(&format!("{HEAD}DATA=\n1 2\n3 four;"));
    assert_eq!(
        (e.line(), e.column(), e.keyword()),
        (Some(7), Some(3), Some("DATA"))
    );
    assert!(e.message().contains("expected a number"), "{e}");
}

#[test]
fn codes_and_values_disagree() {
    let e = px_err(&format!("{HEAD}CODES(\"a\")=\"1\";\nDATA=1 2 3 4;"));
    assert_eq!(
        (e.line(), e.column(), e.keyword()),
        (Some(5), Some(1), Some("CODES"))
    );
    assert!(e.message().contains("expected 2 codes"), "{e}");
}

#[test]
fn unknown_variable() {
    let e = px_err("STUB=\"a\";\nVALUES(\"z\")=\"x\";\nDATA=1;");
    assert_eq!((e.line(), e.keyword()), (Some(2), Some("VALUES")));
    assert!(e.message().contains("\"z\" is not a variable"), "{e}");
}

#[test]
fn missing_values() {
    let e = px_err("STUB=\"a\";\nDATA=1;");
    assert_eq!(e.keyword(), Some("VALUES"));
    assert!(
        e.message()
            .contains("expected VALUES for the variable \"a\""),
        "{e}"
    );
}

#[test]
fn bad_decimals_and_timeval() {
    let e = px_err(&format!("DECIMALS=two;\n{HEAD}DATA=1 2 3 4;"));
    assert_eq!((e.line(), e.keyword()), (Some(1), Some("DECIMALS")));
    assert!(e.message().contains("whole number"), "{e}");
    let e = px_err(&format!("{HEAD}TIMEVAL(\"b\")=TIME(A1);\nDATA=1 2 3 4;"));
    assert_eq!((e.line(), e.keyword()), (Some(5), Some("TIMEVAL")));
    assert!(e.message().contains("expected TLIST"), "{e}");
}

#[test]
fn translated_stub_of_another_length() {
    let e = px_err(&format!(
        "LANGUAGE=\"no\";\nLANGUAGES=\"no\",\"en\";\n{HEAD}STUB[en]=\"a\",\"c\";\nDATA=1 2 3 4;"
    ));
    assert_eq!((e.line(), e.keyword()), (Some(7), Some("STUB")));
}

#[test]
fn sizes_that_overflow_or_outgrow_the_file() {
    let mut src = String::new();
    let names: Vec<String> = (0..8).map(|k| format!("\"v{k}\"")).collect();
    src.push_str(&format!("STUB={};\n", names.join(",")));
    let values: Vec<String> = (0..300).map(|i| format!("\"{i}\"")).collect();
    for k in 0..8 {
        src.push_str(&format!("VALUES(\"v{k}\")={};\n", values.join(",")));
    }
    src.push_str("DATA=1;");
    let e = px_err(&src);
    assert_eq!(e.keyword(), Some("DATA"));
    assert!(e.message().contains("multiply past"), "{e}");
    // 300^3 = 27 M cells cannot be in a few bytes of DATA: refused before allocating.
    let src = src.replacen(
        "STUB=\"v0\",\"v1\",\"v2\",\"v3\",\"v4\",\"v5\",\"v6\",\"v7\"",
        "STUB=\"v0\",\"v1\",\"v2\"",
        1,
    );
    let src: String = src
        .lines()
        .filter(|l| {
            !l.starts_with("VALUES(\"v3")
                && !l.starts_with("VALUES(\"v4")
                && !l.starts_with("VALUES(\"v5")
                && !l.starts_with("VALUES(\"v6")
                && !l.starts_with("VALUES(\"v7")
        })
        .collect::<Vec<_>>()
        .join("\n");
    let e = px_err(&src);
    assert!(e.message().contains("27000000 cells, more than"), "{e}");
}

#[test]
fn json_stat_errors() {
    let e = statcube::jsonstat::read(b"{\"version\":\"2.0\",\"class\":\"dataset\",\n\"id\":[\"a\",\"b\",\"c\"],\"size\":[4294967296,4294967296,16],\n\"dimension\":{},\"value\":{}}").unwrap_err();
    assert!(e.message().starts_with("DIM_KEY_ID_MISMATCH"), "{e}");
    let e = statcube::jsonstat::read(b"{\"class\":\"dataset\",\"id\":[\"a\"],\"size\":[1],\n\"dimension\":{\"a\":{\"category\":{\"index\":[\"x\"]}}},\n\"value\":[true]}").unwrap_err();
    assert_eq!((e.line(), e.keyword()), (Some(3), Some("value")));
    let e = statcube::jsonstat::read(b"{\"class\":\"dataset\",\"id\":[\"a\"],\"size\":[100000000000],\"dimension\":{\"a\":{\"category\":{\"label\":{\"x\":\"y\"}}}},\"value\":{}}").unwrap_err();
    assert!(e.message().starts_with("INDEX_COUNT_MISMATCH"), "{e}");
}

#[test]
fn inspect_errors_name_the_file() {
    let e = inspect(
        Path::new("/no/such/file.px"),
        &InspectOptions {
            json: true,
            lang: None,
        },
    )
    .unwrap_err();
    assert!(e.to_string().starts_with("/no/such/file.px"), "{e}");
    let dir = std::env::temp_dir().join(format!("statcube-err-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("broken.px");
    std::fs::write(
        &f,
        "TITLE=\"t\";\nSTUB=\"a\";\nVALUES(\"a\")=\"x\";\nDATA=\n\"abc",
    )
    .unwrap();
    let e = inspect(
        &f,
        &InspectOptions {
            json: false,
            lang: None,
        },
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "{}:line 5, column 1, keyword DATA: this quoted cell has no closing `\"`",
            f.display()
        )
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
