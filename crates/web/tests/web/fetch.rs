//! `App::fetch_statistics_from` against a local server that replays PxWebApi
//! v2 answers in order (data/README.md says where they come from): no test
//! reaches the internet.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use store::ObservationQuery;

use crate::helpers::TestApp;

const TAB638: &str = include_str!("data/scb_TAB638_pxwebapi2_response.jsonstat2.json");
const PART_2023: &str = include_str!("data/made_up_99459_part_2023.jsonstat2.json");
const PART_2024: &str = include_str!("data/made_up_99459_part_2024.jsonstat2.json");

/// A canned answer: status, extra headers, body.
type Canned = (u16, &'static str, String);

fn ok(body: &str) -> Canned {
    (200, "Content-Type: application/json\r\n", body.to_string())
}

/// Serves `answers` one per connection, in order; returns the base URL and
/// the request lines it saw.
fn replay(answers: Vec<Canned>) -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}/api/v2", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    std::thread::spawn(move || {
        for (status, headers, body) in answers {
            let Ok((mut stream, _)) = listener.accept() else {
                return;
            };
            let mut request = Vec::new();
            let mut buf = [0u8; 4096];
            while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                match stream.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => request.extend_from_slice(&buf[..n]),
                }
            }
            let text = String::from_utf8_lossy(&request);
            log.lock()
                .unwrap()
                .push(text.lines().next().unwrap_or("").to_string());
            let answer = format!(
                "HTTP/1.1 {status} X\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = stream.write_all(answer.as_bytes());
        }
    });
    (base, seen)
}

async fn values(t: &TestApp, publisher: &str, table: &str) -> Vec<(String, String, Option<f64>)> {
    let q = ObservationQuery {
        publisher: publisher.into(),
        table: table.into(),
        ..Default::default()
    };
    let mut v: Vec<_> =
        t.db.observations(&q)
            .await
            .unwrap()
            .into_iter()
            .map(|(o, _)| (o.area, o.period, o.value))
            .collect();
    v.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    v
}

#[tokio::test]
async fn fetches_the_real_scb_answer_with_its_source() {
    let t = TestApp::sqlite().await;
    let (base, seen) = replay(vec![ok(TAB638), ok(TAB638)]);
    let query = "valueCodes[Region]=00&valueCodes[Civilstand]=OG&valueCodes[Alder]=45&valueCodes[Kon]=1&valueCodes[ContentsCode]=BE0101N1&valueCodes[Tid]=2024";
    // Every code is listed, so the config is asked first; the replay answers
    // it with the data, which has no maxDataCells, so no limit is checked.
    let report = t
        .app
        .fetch_statistics_from(None, Some(&base), "TAB638", query)
        .await
        .unwrap();
    assert_eq!(report.inserted, 1, "{report:?}");
    let q = ObservationQuery {
        publisher: "SCB".into(),
        table: "TAB638".into(),
        ..Default::default()
    };
    let got = t.db.observations(&q).await.unwrap();
    assert_eq!(got.len(), 1);
    let (o, source) = &got[0];
    assert_eq!((o.period.as_str(), o.value), ("2024", Some(50937.0)));
    assert_eq!(o.measure, "BE0101N1");
    assert_eq!(source.publisher, "SCB");
    assert_eq!(source.table, "TAB638");
    assert_eq!(source.updated.as_deref(), Some("2025-02-21T07:00:00Z"));
    assert!(
        source
            .query
            .starts_with(&format!("{base}/tables/TAB638/data?"))
            && source.query.contains("valueCodes%5BTid%5D=2024")
            && source.query.ends_with("&lang=no&outputFormat=json-stat2"),
        "{}",
        source.query
    );
    assert!((time::OffsetDateTime::now_utc() - source.retrieved).whole_minutes() < 5);
    let seen = seen.lock().unwrap();
    assert!(seen[0].starts_with("GET /api/v2/config "), "{seen:?}");
}

#[tokio::test]
async fn waits_out_a_429_with_retry_after() {
    let t = TestApp::sqlite().await;
    let (base, seen) = replay(vec![
        (429, "Retry-After: 1\r\n", String::new()),
        ok(TAB638),
        ok(TAB638),
    ]);
    let started = std::time::Instant::now();
    // An expression: no config asked, the data request goes first.
    let report = t
        .app
        .fetch_statistics_from(None, Some(&base), "TAB638", "valueCodes[Tid]=top(1)")
        .await
        .unwrap();
    assert!(started.elapsed() >= std::time::Duration::from_secs(1));
    assert_eq!(report.inserted, 1);
    assert_eq!(seen.lock().unwrap().len(), 2);
    let again = t
        .app
        .fetch_statistics_from(None, Some(&base), "TAB638", "valueCodes[Tid]=top(1)")
        .await
        .unwrap();
    assert_eq!((again.inserted, again.changed, again.unchanged), (0, 0, 1));
}

#[tokio::test]
async fn retries_a_503() {
    let t = TestApp::sqlite().await;
    let (base, seen) = replay(vec![(503, "", "busy".into()), ok(TAB638)]);
    let report = t
        .app
        .fetch_statistics_from(None, Some(&base), "TAB638", "valueCodes[Tid]=top(1)")
        .await
        .unwrap();
    assert_eq!(report.inserted, 1);
    assert_eq!(seen.lock().unwrap().len(), 2);
}

#[tokio::test]
async fn a_400_names_the_table_and_the_servers_title_and_changes_nothing() {
    let t = TestApp::sqlite().await;
    let before = t.db.stat_sources().await.unwrap().len();
    let (base, _) = replay(vec![(
        400,
        "Content-Type: application/problem+json\r\n",
        r#"{"type":"https://tools.ietf.org/html/rfc7231#section-6.5.1","title":"Missing selection for mandantory variable ContentsCode","status":400}"#.into(),
    )]);
    let err = t
        .app
        .fetch_statistics_from(None, Some(&base), "07459", "valueCodes[Tid]=top(1)")
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("table 07459"), "{err}");
    assert!(
        err.contains("Missing selection for mandantory variable ContentsCode"),
        "{err}"
    );
    assert_eq!(t.db.stat_sources().await.unwrap().len(), before);
}

#[tokio::test]
async fn a_query_too_large_is_split_on_tid_and_imported_in_one() {
    let t = TestApp::sqlite().await;
    let too_large = (
        403,
        "Content-Type: application/problem+json\r\n",
        r#"{"type":"about:blank","title":"Too many cells selected","status":403}"#.to_string(),
    );
    let (base, seen) = replay(vec![
        // First fetch: the config allows it, the server refuses it anyway.
        ok(
            r#"{"apiVersion":"2.0.0","maxDataCells":800000,"maxCallsPerTimeWindow":30,"timeWindow":60}"#,
        ),
        too_large,
        ok(PART_2023),
        ok(PART_2024),
        // Second fetch: the config's limit splits it before asking.
        ok(r#"{"apiVersion":"2.0.0","maxDataCells":2,"maxCallsPerTimeWindow":30,"timeWindow":60}"#),
        ok(PART_2023),
        ok(PART_2024),
    ]);
    let query =
        "valueCodes[Region]=4640,4641&valueCodes[ContentsCode]=Personer1&valueCodes[Tid]=2023,2024";
    let report = t
        .app
        .fetch_statistics_from(None, Some(&base), "99459", query)
        .await
        .unwrap();
    assert_eq!(report.inserted, 4, "{report:?}");
    {
        let seen = seen.lock().unwrap();
        assert_eq!(seen.len(), 4, "{seen:?}");
        assert!(seen[2].contains("valueCodes%5BTid%5D=2023&"), "{seen:?}");
        assert!(seen[3].contains("valueCodes%5BTid%5D=2024&"), "{seen:?}");
    }
    assert_eq!(
        values(&t, "Statistisk sentralbyrå", "99459").await,
        vec![
            ("4640".into(), "2023".into(), Some(12101.0)),
            ("4640".into(), "2024".into(), Some(12188.0)),
            ("4641".into(), "2023".into(), Some(1750.0)),
            ("4641".into(), "2024".into(), Some(1761.0)),
        ]
    );
    let sources = t.db.stat_sources().await.unwrap();
    let source = &sources.iter().find(|(_, s)| s.table == "99459").unwrap().1;
    assert!(source.query.contains("valueCodes%5BTid%5D=2023,2024"));
    assert_eq!(source.updated.as_deref(), Some("2024-02-21T07:00:00Z"));

    let again = t
        .app
        .fetch_statistics_from(None, Some(&base), "99459", query)
        .await
        .unwrap();
    assert_eq!((again.inserted, again.changed), (0, 0));
    assert_eq!(seen.lock().unwrap().len(), 7);
}

#[tokio::test]
async fn a_refresh_fetches_every_indicator_table_and_records_what_changed() {
    let t = TestApp::sqlite().await;
    let refused = || {
        (
            400,
            "Content-Type: application/problem+json\r\n",
            r#"{"type":"about:blank","title":"Non-existent value code","status":400}"#.to_string(),
        )
    };
    // One answer per table, in the order of `catalogue::refreshed`: 07459,
    // 09817, 06913, 11607; then the same again for a second refresh.
    let answers = || vec![ok(PART_2023), refused(), ok(PART_2024), ok(TAB638)];
    let (base, seen) = replay([answers(), answers()].concat());
    let imports_before = t.db.stat_imports(100).await.unwrap().len();

    let first = t.app.refresh_statistics(Some(&base)).await;
    let tables: Vec<_> = first.iter().map(|r| r.fetch.table).collect();
    assert_eq!(tables, ["07459", "09817", "06913", "11607"]);
    let err = first[1].outcome.as_ref().unwrap_err().to_string();
    assert!(
        err.contains("table 09817") && err.contains("Non-existent value code"),
        "{err}"
    );
    for i in [0, 2, 3] {
        let r = first[i].outcome.as_ref().unwrap();
        assert!(r.inserted > 0 && r.changed == 0, "{}: {r:?}", tables[i]);
    }
    {
        let seen = seen.lock().unwrap();
        for (line, table) in seen.iter().zip(&tables) {
            assert!(
                line.starts_with(&format!("GET /api/v2/tables/{table}/data?valueCodes")),
                "{line}"
            );
        }
    }
    // Each table that came in is one recorded import; the refused one changed nothing.
    let imports = t.db.stat_imports(100).await.unwrap();
    assert_eq!(imports.len(), imports_before + 3);
    assert!(imports[..3].iter().all(|i| i.inserted > 0));

    let second = t.app.refresh_statistics(Some(&base)).await;
    for i in [0, 2, 3] {
        let r = second[i].outcome.as_ref().unwrap();
        assert_eq!((r.inserted, r.changed), (0, 0), "{}: {r:?}", tables[i]);
        assert!(r.unchanged > 0);
    }
    assert!(second[1].outcome.is_err());
    assert_eq!(seen.lock().unwrap().len(), 8);
}
