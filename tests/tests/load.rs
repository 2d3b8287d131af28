//! An expensive class of work never starves the rest: while a crowd asks for figures with a
//! distinct window each and for heavy searches, cheap reads and the health probes keep
//! answering; and readers of an export that stop reading are cut off instead of holding the
//! export class forever. The latencies are reported, not asserted (speed is the benchmark's
//! business). One data load serves both, to keep the suite quick.

use chrono::NaiveDate;
use std::time::{Duration, Instant};
use tawasol_api::demo::{self, DemoOptions};
use tawasol_tests::TestApp;

const ISSUES: u64 = 20_000;

async fn load(app: &TestApp) {
    let state = app.state();
    let hash = tawasol_api::auth::password::hash("demo password for tests".to_owned()).await;
    let options = DemoOptions {
        issues: ISSUES,
        residents: 500,
        replies_per_issue: 1,
        petitions: 12,
        signatures: 120,
        seed: 14,
        until: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
    };
    tokio::task::spawn_blocking(move || {
        demo::load(&state.db, &state.vault, &hash, &options, &mut |_, _, _| {})
    })
    .await
    .unwrap()
    .expect("demo data loads");
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_crowd_of_figures_and_searches_never_starves_cheap_reads_or_the_probes() {
    let app = TestApp::spawn_with(&[
        ("TAWASOL_RATE_LIMITS", "off"),
        ("TAWASOL_STATS_TTL", "300"),
        ("TAWASOL_WORKERS", "2"),
        ("TAWASOL_STALL_TIMEOUT", "2"),
    ])
    .await;
    let started = Instant::now();
    load(&app).await;
    eprintln!(
        "loaded {ISSUES} issues in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let client = tawasol_tests::http_client()
        .timeout(Duration::from_secs(120))
        .build()
        .unwrap();

    // The crowd: 50 figures with a distinct day each, 50 searches of common letters.
    let mut heavy = Vec::new();
    for i in 0..50 {
        let day = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Days::new(i * 7);
        let url = app.url(&format!(
            "/api/v1/stats?commune=tangier&from={day}T00:00:00.{i:09}Z"
        ));
        let c = client.clone();
        heavy.push(tokio::spawn(async move { c.get(url).send().await }));
        let url = app.url(
            "/api/v1/issues?q=%D8%A7%20%D9%84%20%D9%85%20%D9%86%20%D8%B1%20%D8%A8%20%D8%AA%20%D8%B3%20%D9%8A%20%D9%88&sort=most_supported&limit=100",
        );
        let c = client.clone();
        heavy.push(tokio::spawn(async move { c.get(url).send().await }));
    }

    // Meanwhile, the cheap reads and the probes, in a loop until the crowd is served.
    let cheap_paths = [
        "/api/v1/issues/5",
        "/api/v1/communes",
        "/health/ready",
        "/health/live",
    ];
    let mut cheap = Vec::new();
    let mut failures = Vec::new();
    let crowd = async {
        let mut statuses = Vec::new();
        for h in heavy {
            statuses.push(h.await.unwrap());
        }
        statuses
    };
    tokio::pin!(crowd);
    let results = loop {
        for path in cheap_paths {
            let at = Instant::now();
            let res = client.get(app.url(path)).send().await;
            let took = at.elapsed();
            match res {
                Ok(r) if r.status() == 200 => cheap.push(took),
                Ok(r) => failures.push(format!("{path}: {}", r.status())),
                Err(e) => failures.push(format!("{path}: {e}")),
            }
        }
        tokio::select! {
            done = &mut crowd => break done,
            () = tokio::time::sleep(Duration::from_millis(20)) => {}
        }
    };
    let mut served = 0;
    let mut refused = 0;
    for res in results {
        let res = res.expect("every heavy request is answered");
        match res.status().as_u16() {
            200 => served += 1,
            503 => {
                assert!(res.headers().contains_key("retry-after"));
                let p: serde_json::Value = res.json().await.unwrap();
                assert_eq!(p["type"], "/problems/service-unavailable");
                refused += 1;
            }
            other => panic!("a heavy request answered {other}"),
        }
    }
    cheap.sort();
    eprintln!(
        "heavy: {served} served, {refused} refused with 503 in {:.1} s; cheap: {} answered, p50 {:?}, p99 {:?}, max {:?}",
        started.elapsed().as_secs_f64(),
        cheap.len(),
        percentile(&cheap, 0.5),
        percentile(&cheap, 0.99),
        cheap.last().copied().unwrap_or_default()
    );
    assert!(failures.is_empty(), "cheap requests failed: {failures:?}");
    assert!(!cheap.is_empty());

    stalled_export_readers_are_cut_off(&app, &client).await;
}

/// A reader that asks for an export and never reads holds the export class only until the
/// stall timeout; meanwhile further exports are refused with 503 (the class is bounded), after
/// it they are served whole, and the stalled answer ends cut, never as if complete.
async fn stalled_export_readers_are_cut_off(app: &TestApp, client: &reqwest::Client) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let port = app
        .address
        .rsplit(':')
        .next()
        .unwrap()
        .parse::<u16>()
        .unwrap();
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.set_recv_buffer_size(4096).unwrap();
    let mut stalled = socket.connect(([127, 0, 0, 1], port).into()).await.unwrap();
    stalled
        .write_all(b"GET /api/v1/exports/issues.csv HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .await
        .unwrap();
    // The export holds the class's one slot (a pool of five): the next reader is refused.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let refused = client
        .get(app.url("/api/v1/exports/issues.jsonl"))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 503, "the export class is bounded");
    assert!(refused.headers().contains_key("retry-after"));
    // Past the stall timeout the stalled reader is cut off and the slot is free again.
    tokio::time::sleep(Duration::from_secs(4)).await;
    let whole = client
        .get(app.url("/api/v1/exports/issues.jsonl"))
        .send()
        .await
        .unwrap();
    assert_eq!(whole.status(), 200);
    let lines = whole.text().await.unwrap().lines().count();
    assert!(lines >= 19_000, "a whole export: {lines} lines");
    // The stalled answer, read now, ends without HTTP's last chunk: it is visibly cut.
    let mut received = Vec::new();
    let read =
        tokio::time::timeout(Duration::from_secs(30), stalled.read_to_end(&mut received)).await;
    assert!(read.is_ok(), "the server closed the stalled connection");
    let text = String::from_utf8_lossy(&received);
    assert!(
        text.starts_with("HTTP/1.1 200"),
        "{}",
        &text[..text.len().min(200)]
    );
    assert!(
        !text.ends_with("\r\n0\r\n\r\n"),
        "a cut export must not end like a complete one"
    );
    eprintln!(
        "stalled export: {} bytes reached the stalled reader before it was cut",
        received.len()
    );
}
