//! API tests over a store built from the seed article and a fixed subset of Wikinews: every
//! endpoint, every error status, the pagination cap and the body limit.

mod common;

use common::{get, post_json, request, store};
use newsgraph_server::{Background, Config, MAX_LIMIT};
use serde_json::{json, Value};
use std::sync::OnceLock;

fn server() -> &'static Background {
    static S: OnceLock<Background> = OnceLock::new();
    S.get_or_init(|| {
        let cfg = Config::new(store("api"));
        Background::start(&cfg, "127.0.0.1:0".parse().unwrap()).expect("server starts")
    })
}

fn addr() -> std::net::SocketAddr {
    server().addr()
}

/// Checks the JSON error form and returns its message.
fn error_of(r: &common::Resp, status: u16) -> String {
    assert_eq!(
        r.status,
        status,
        "expected {status}, got {}: {}",
        r.status,
        r.text()
    );
    assert!(
        r.header("content-type")
            .is_some_and(|c| c.starts_with("application/json")),
        "{:?}",
        r.headers
    );
    let v = r.json();
    assert_eq!(v["error"]["status"], json!(status), "{v}");
    let m = v["error"]["message"].as_str().expect("message").to_string();
    assert!(!m.is_empty());
    m
}

fn items(v: &Value) -> &Vec<Value> {
    v["items"].as_array().expect("items array")
}

#[test]
fn stats_counts_what_was_ingested() {
    let r = get(addr(), "/api/stats");
    assert_eq!(r.status, 200, "{}", r.text());
    let v = r.json();
    assert_eq!(v["documents"], json!(1 + common::WIKINEWS_ARTICLES));
    for k in ["entities", "times", "quotes", "events"] {
        assert!(v[k].as_u64().unwrap() > 0, "{k}: {v}");
    }
}

#[test]
fn documents_list_and_one_document() {
    let v = get(addr(), "/api/documents?limit=5").json();
    assert_eq!(v["limit"], json!(5));
    assert_eq!(items(&v).len(), 5);
    let all = get(addr(), "/api/documents?limit=500").json();
    assert_eq!(items(&all).len(), 1 + common::WIKINEWS_ARTICLES);
    // Pages do not overlap.
    let p2 = get(addr(), "/api/documents?limit=5&offset=5").json();
    assert_ne!(items(&v)[0]["id"], items(&p2)[0]["id"]);
    assert_eq!(items(&p2)[0]["id"], items(&all)[5]["id"]);
    // Date filter.
    let d = get(addr(), "/api/documents?from=2023-09-14&to=2023-09-14").json();
    assert!(
        items(&d).iter().any(|x| x["id"] == "000_1b385efb04788e90"),
        "{d}"
    );
    assert!(items(&d).iter().all(|x| x["date"] == "2023-09-14"));

    let r = get(addr(), "/api/documents/000_1b385efb04788e90");
    assert_eq!(r.status, 200);
    let doc = r.json();
    assert_eq!(doc["schema"], "newsgraph/1");
    assert_eq!(doc["date"], "2023-09-14");
    let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    // Offsets are characters into the text.
    for e in doc["entities"].as_array().unwrap() {
        for m in e["mentions"].as_array().unwrap() {
            let (s, t) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                text[s..t].iter().collect::<String>(),
                m["text"].as_str().unwrap()
            );
        }
    }
    // An id that needs percent-encoding still resolves to a 404 JSON error.
    error_of(&get(addr(), "/api/documents/no%20such%20doc"), 404);
}

#[test]
fn events_with_filters_and_total() {
    let all = get(addr(), "/api/events?limit=500").json();
    let total = all["total"].as_u64().unwrap();
    assert!(total > 0);
    let rows = items(&all);
    assert_eq!(rows.len() as u64, total.min(MAX_LIMIT as u64));
    // actor: source or target starts with the prefix.
    let rus = get(addr(), "/api/events?actor=RUS&limit=500").json();
    assert!(!items(&rus).is_empty(), "the seed has Russian events");
    for e in items(&rus) {
        let s = e["source_actor"].as_str().unwrap_or("");
        let t = e["target_actor"].as_str().unwrap_or("");
        assert!(s.starts_with("RUS") || t.starts_with("RUS"), "{e}");
    }
    let src = get(addr(), "/api/events?source=rus&limit=500").json();
    assert!(items(&src)
        .iter()
        .all(|e| e["source_actor"].as_str().unwrap_or("").starts_with("RUS")));
    let tgt = get(addr(), "/api/events?target=PRK&limit=500").json();
    assert!(items(&tgt)
        .iter()
        .all(|e| e["target_actor"].as_str().unwrap_or("").starts_with("PRK")));
    // code prefix, plover, modality, dates: each filter returns only matching rows, and the
    // filters agree with the unfiltered list.
    let first = &rows[0];
    let root = first["root"].as_str().unwrap();
    let by_code = get(addr(), &format!("/api/events?code={root}&limit=500")).json();
    assert!(!items(&by_code).is_empty());
    assert!(items(&by_code)
        .iter()
        .all(|e| e["cameo"].as_str().unwrap().starts_with(root)));
    let expect = rows
        .iter()
        .filter(|e| e["cameo"].as_str().unwrap().starts_with(root))
        .count() as u64;
    if total <= MAX_LIMIT as u64 {
        assert_eq!(by_code["total"].as_u64().unwrap(), expect);
    }
    if let Some(p) = rows.iter().find_map(|e| e["plover"].as_str()) {
        let v = get(
            addr(),
            &format!("/api/events?plover={}&limit=500", p.to_lowercase()),
        )
        .json();
        assert!(!items(&v).is_empty() && items(&v).iter().all(|e| e["plover"] == p));
    }
    let m = first["modality"].as_str().unwrap();
    let v = get(addr(), &format!("/api/events?modality={m}&limit=500")).json();
    assert!(!items(&v).is_empty() && items(&v).iter().all(|e| e["modality"] == m));
    let v = get(
        addr(),
        "/api/events?from=2023-01-01&to=2023-12-31&limit=500",
    )
    .json();
    assert!(!items(&v).is_empty());
    for e in items(&v) {
        let d = e["date"].as_str().unwrap();
        assert!(("2023-01-01"..="2023-12-31").contains(&d), "{d}");
    }
    // Every event row names its document, sentence and trigger.
    for e in rows {
        assert!(e["doc_id"].is_string() && e["sentence"].is_u64() && e["trigger_text"].is_string());
    }
    // Pagination: offset moves through the same order.
    if total >= 3 {
        let p = get(addr(), "/api/events?limit=2&offset=1").json();
        assert_eq!(items(&p)[0]["event_id"], rows[1]["event_id"]);
        assert_eq!(items(&p)[0]["doc_id"], rows[1]["doc_id"]);
        assert_eq!(p["total"].as_u64().unwrap(), total);
    }
}

#[test]
fn pagination_is_capped() {
    for path in [
        "/api/events",
        "/api/documents",
        "/api/quotes",
        "/api/entities",
        "/api/search?q=the",
    ] {
        let sep = if path.contains('?') { '&' } else { '?' };
        let r = get(addr(), &format!("{path}{sep}limit=100000"));
        assert_eq!(r.status, 200, "{path}: {}", r.text());
        let v = r.json();
        assert_eq!(v["limit"], json!(MAX_LIMIT), "{path}");
        assert!(items(&v).len() <= MAX_LIMIT as usize);
        // The default applies without a limit.
        let d = get(addr(), path).json();
        assert_eq!(d["limit"], json!(newsgraph_server::DEFAULT_LIMIT), "{path}");
    }
    // Entities exceed the cap in this store: the cap really limits the rows.
    let v = get(addr(), "/api/entities?limit=100000").json();
    assert_eq!(
        items(&v).len(),
        MAX_LIMIT as usize,
        "the test corpus has more than {MAX_LIMIT} entities"
    );
    let n = get(addr(), "/api/network?limit=100000").json();
    assert_eq!(n["limit"], json!(newsgraph_server::MAX_EDGES));
}

#[test]
fn quotes_by_speaker_and_text() {
    let all = get(addr(), "/api/quotes?limit=500").json();
    assert!(!items(&all).is_empty());
    let kcna = get(addr(), "/api/quotes?speaker=kcna&limit=500").json();
    assert!(!items(&kcna).is_empty(), "the seed quotes KCNA");
    for q in items(&kcna) {
        let who = format!(
            "{} {}",
            q["speaker_name"].as_str().unwrap_or(""),
            q["speaker_text"].as_str().unwrap_or("")
        );
        assert!(who.to_lowercase().contains("kcna"), "{q}");
    }
    // Text search: take a word from a stored quote and find that quote again.
    let q0 = &items(&all)[0];
    let word = q0["text"]
        .as_str()
        .unwrap()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 6)
        .next()
        .expect("a long word in the first quote")
        .to_string();
    let found = get(addr(), &format!("/api/quotes?q={word}&limit=500")).json();
    assert!(
        items(&found)
            .iter()
            .any(|q| q["doc_id"] == q0["doc_id"] && q["index"] == q0["index"]),
        "{word}: {found}"
    );
    assert!(items(&found)
        .iter()
        .all(|q| q["snippet"].as_str().unwrap().contains('[')));
    error_of(&get(addr(), "/api/quotes?kind=shouted"), 400);
}

#[test]
fn entities_by_type_and_name() {
    let people = get(addr(), "/api/entities?type=person&limit=500").json();
    assert!(!items(&people).is_empty());
    assert!(items(&people).iter().all(|e| e["type"] == "PERSON"));
    let putin = get(addr(), "/api/entities?name=putin").json();
    assert!(
        items(&putin)
            .iter()
            .any(|e| e["name"] == "Vladimir Putin" && e["type"] == "PERSON"),
        "{putin}"
    );
    let by_actor = get(addr(), "/api/entities?actor=PRK").json();
    assert!(items(&by_actor)
        .iter()
        .all(|e| e["actor"].as_str().unwrap().starts_with("PRK")));
}

#[test]
fn search_articles_and_quotes_with_snippets() {
    let v = get(addr(), "/api/search?q=invitation").json();
    let hits = items(&v);
    assert!(
        hits.iter()
            .any(|h| h["doc_id"] == "000_1b385efb04788e90" && h["kind"] == "article"),
        "{v}"
    );
    assert!(hits
        .iter()
        .all(|h| h["snippet"].as_str().unwrap().contains("[")));
    let v = get(
        addr(),
        "/api/search?q=invitation&in=articles&mark_start=%3Cb%3E&mark_end=%3C/b%3E",
    )
    .json();
    assert!(items(&v)
        .iter()
        .all(|h| h["kind"] == "article" && h["snippet"].as_str().unwrap().contains("<b>")));
    let v = get(addr(), "/api/search?q=invitation&in=quotes").json();
    assert!(items(&v).iter().all(|h| h["kind"] == "quote"));
    error_of(&get(addr(), "/api/search"), 400);
    error_of(&get(addr(), "/api/search?q=x&in=everything"), 400);
    error_of(&get(addr(), "/api/search?q=%22unbalanced&raw=true"), 400);
}

#[test]
fn timeline_of_an_actor_and_a_pair() {
    let v = get(addr(), "/api/timeline?actor=rus").json();
    assert_eq!(v["actor"], "RUS");
    let days = v["days"].as_array().unwrap();
    assert!(!days.is_empty());
    for d in days {
        let sum: u64 = [
            "verbal_cooperation",
            "material_cooperation",
            "verbal_conflict",
            "material_conflict",
        ]
        .iter()
        .map(|k| d[k].as_u64().unwrap())
        .sum();
        assert_eq!(sum, d["total"].as_u64().unwrap(), "{d}");
    }
    let dates: Vec<&str> = days.iter().map(|d| d["date"].as_str().unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] < w[1]), "days in order");
    // The pair's events are a subset of the actor's.
    let pair = get(addr(), "/api/timeline?actor=RUS&other=PRK").json();
    let total = |v: &Value| {
        v["days"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["total"].as_u64().unwrap())
            .sum::<u64>()
    };
    assert!(total(&pair) <= total(&v));
    assert_eq!(pair["other"], "PRK");
    error_of(&get(addr(), "/api/timeline"), 400);
    error_of(&get(addr(), "/api/timeline?actor=R-S"), 400);
}

#[test]
fn network_of_a_date_range() {
    let v = get(addr(), "/api/network?countries=true").json();
    let edges = v["edges"].as_array().unwrap();
    let nodes = v["nodes"].as_array().unwrap();
    assert!(!edges.is_empty());
    for e in edges {
        assert_eq!(e["source"].as_str().unwrap().len(), 3, "{e}");
        let g = e["mean_goldstein"].as_f64().unwrap();
        assert!((-10.0..=10.0).contains(&g));
        assert!(e["count"].as_u64().unwrap() >= 1);
        for end in ["source", "target"] {
            assert!(
                nodes.iter().any(|n| n["id"] == e[end]),
                "node for {}",
                e[end]
            );
        }
    }
    let ids: Vec<&str> = nodes.iter().map(|n| n["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"RUS") && ids.contains(&"PRK"), "{ids:?}");
    // A date range with nothing in it.
    let empty = get(addr(), "/api/network?from=1900-01-01&to=1900-12-31").json();
    assert!(empty["edges"].as_array().unwrap().is_empty());
    let ranged = get(
        addr(),
        "/api/network?from=2023-09-01&to=2023-09-30&countries=true",
    )
    .json();
    let n = |v: &Value| {
        v["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["count"].as_u64().unwrap())
            .sum::<u64>()
    };
    assert!(n(&ranged) <= n(&v));
    error_of(&get(addr(), "/api/network?countries=maybe"), 400);
}

#[test]
fn analyze_returns_an_analysis_without_storing_it() {
    let (text, date) = common::seed_article();
    let before = get(addr(), "/api/stats").json();
    let r = post_json(
        addr(),
        "/api/analyze",
        &json!({"text": text, "date": date, "title": "Putin and Kim"}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let v = r.json();
    assert_eq!(v["schema"], "newsgraph/1");
    assert_eq!(v["date"], date);
    assert_eq!(v["title"], "Putin and Kim");
    assert!(v["text"].as_str().unwrap().starts_with("Putin and Kim\n\n"));
    let people: Vec<&str> = v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "PERSON")
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert!(
        people.contains(&"Vladimir Putin") && people.contains(&"Kim Jong Un"),
        "{people:?}"
    );
    assert!(v["times"]
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["text"] == "Wednesday" && t["value"] == "2023-09-13"));
    assert!(!v["events"].as_array().unwrap().is_empty());
    assert_eq!(get(addr(), "/api/stats").json(), before, "nothing stored");
    // Without a title; any id.
    let v = post_json(
        addr(),
        "/api/analyze",
        &json!({"text": "Iran condemned the attack.", "date": "2020-01-05", "id": "x1"}),
    )
    .json();
    assert_eq!(v["id"], "x1");
    assert_eq!(v["text"], "Iran condemned the attack.");
}

#[test]
fn analyze_errors() {
    let m = error_of(
        &post_json(
            addr(),
            "/api/analyze",
            &json!({"text": "Talks began on Monday.", "date": "2023-02-30"}),
        ),
        422,
    );
    assert!(m.contains("date"), "{m}");
    error_of(
        &post_json(
            addr(),
            "/api/analyze",
            &json!({"text": "Talks began.", "date": "yesterday"}),
        ),
        422,
    );
    error_of(
        &post_json(addr(), "/api/analyze", &json!({"text": "Talks began."})),
        422,
    );
    error_of(
        &post_json(addr(), "/api/analyze", &json!({"date": "2023-01-01"})),
        400,
    );
    error_of(
        &post_json(
            addr(),
            "/api/analyze",
            &json!({"text": "  ", "date": "2023-01-01"}),
        ),
        400,
    );
    error_of(
        &post_json(
            addr(),
            "/api/analyze",
            &json!({"text": 5, "date": "2023-01-01"}),
        ),
        400,
    );
    error_of(
        &post_json(
            addr(),
            "/api/analyze",
            &json!({"text": "a", "date": "2023-01-01", "extra": 1}),
        ),
        400,
    );
    error_of(&post_json(addr(), "/api/analyze", &json!(["text"])), 400);
    error_of(
        &request(addr(), "POST", "/api/analyze", &[], b"{not json"),
        400,
    );
    error_of(
        &request(addr(), "POST", "/api/analyze", &[], &[0xff, 0xfe, 0x00]),
        400,
    );
}

#[test]
fn a_3_mb_body_is_refused_with_413() {
    let text = "Officials met in Geneva. ".repeat(3 * 1024 * 1024 / 25 + 1);
    let body = json!({"text": text, "date": "2023-01-01"}).to_string();
    assert!(body.len() > 3 * 1024 * 1024);
    // Declared length over the limit.
    let r = request(
        addr(),
        "POST",
        "/api/analyze",
        &[("Content-Type", "application/json")],
        body.as_bytes(),
    );
    error_of(&r, 413);
    // No declared length: the limit applies while reading.
    let r = request(
        addr(),
        "POST",
        "/api/analyze",
        &[("Transfer-Encoding", "chunked")],
        body.as_bytes(),
    );
    error_of(&r, 413);
    // Just under the limit is read (and then judged on its content).
    let small = json!({"text": "x".repeat(BODY_UNDER), "date": "not a date"}).to_string();
    error_of(
        &request(addr(), "POST", "/api/analyze", &[], small.as_bytes()),
        422,
    );
}

const BODY_UNDER: usize = newsgraph_server::BODY_LIMIT - 100;

#[test]
fn bad_parameters_are_400() {
    for path in [
        "/api/events?limit=abc",
        "/api/events?limit=-1",
        "/api/events?offset=x",
        "/api/events?from=2023-13-01",
        "/api/events?to=14.09.2023",
        "/api/events?code=abc",
        "/api/events?actor=R%25S",
        "/api/events?colour=red",
        "/api/documents?from=yesterday",
        "/api/entities?actor=a.b",
        "/api/quotes?from=x",
        "/api/network?min_count=lots",
        "/api/timeline?actor=RUS&from=1-1-1",
    ] {
        let m = error_of(&get(addr(), path), 400);
        assert!(!m.contains("panicked"), "{path}: {m}");
    }
}

#[test]
fn unknown_routes_and_ids_are_404_and_wrong_methods_405() {
    error_of(&get(addr(), "/api/nothing"), 404);
    error_of(&get(addr(), "/no/such/page"), 404);
    error_of(&get(addr(), "/api/documents/unknown-id"), 404);
    let r = request(addr(), "POST", "/api/events", &[], b"");
    error_of(&r, 405);
    assert!(
        r.header("allow").is_some_and(|a| a.contains("GET")),
        "{:?}",
        r.headers
    );
    error_of(&get(addr(), "/api/analyze"), 405);
    error_of(
        &request(
            addr(),
            "DELETE",
            "/api/documents/000_1b385efb04788e90",
            &[],
            b"",
        ),
        405,
    );
}

#[test]
fn openapi_describes_every_endpoint() {
    let r = get(addr(), "/api/openapi.json");
    assert_eq!(r.status, 200);
    let v = r.json();
    assert!(v["openapi"].as_str().unwrap().starts_with("3."));
    let paths = v["paths"].as_object().unwrap();
    for p in [
        "/api/documents",
        "/api/documents/{id}",
        "/api/events",
        "/api/quotes",
        "/api/entities",
        "/api/search",
        "/api/timeline",
        "/api/network",
        "/api/stats",
        "/api/analyze",
        "/api/openapi.json",
    ] {
        assert!(paths.contains_key(p), "openapi lacks {p}");
    }
    // Every documented query parameter of /api/events is accepted (no 400 for unknown field).
    for param in v["paths"]["/api/events"]["get"]["parameters"]
        .as_array()
        .unwrap()
    {
        let name = param["name"].as_str().or_else(|| {
            param["$ref"]
                .as_str()
                .and_then(|r| r.rsplit('/').next())
                .and_then(|n| v["components"]["parameters"][n]["name"].as_str())
        });
        let name = name.expect("parameter name");
        let value = match name {
            "limit" | "offset" => "1",
            "from" | "to" => "2023-01-01",
            "code" => "03",
            _ => "RUS",
        };
        let r = get(addr(), &format!("/api/events?{name}={value}"));
        assert_eq!(r.status, 200, "{name}: {}", r.text());
    }
}

#[test]
fn web_page_and_assets_are_served() {
    let r = get(addr(), "/");
    assert_eq!(r.status, 200);
    assert!(r.header("content-type").unwrap().starts_with("text/html"));
    let html = r.text();
    assert!(html.contains("/assets/app.js") && html.contains("/assets/app.css"));
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no external resources"
    );
    let js = get(addr(), "/assets/app.js");
    assert_eq!(js.status, 200);
    assert!(js.header("content-type").unwrap().contains("javascript"));
    assert!(js.text().contains("Array.from"), "offsets are code points");
    let css = get(addr(), "/assets/app.css");
    assert_eq!(css.status, 200);
    assert!(r
        .header("content-security-policy")
        .unwrap()
        .contains("default-src 'self'"));
}

#[test]
fn server_refuses_a_missing_or_foreign_database() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("none.db");
    assert!(newsgraph_server::app(&Config::new(&missing)).is_err());
    assert!(!missing.exists(), "read-only opening creates nothing");
    let junk = dir.path().join("junk.db");
    std::fs::write(
        &junk,
        b"this is not a database at all, just text .....................................",
    )
    .unwrap();
    assert!(newsgraph_server::app(&Config::new(&junk)).is_err());
}

#[test]
fn concurrent_requests_are_answered() {
    let handles: Vec<_> = (0..8)
        .map(|i| {
            std::thread::spawn(move || {
                let r = get(addr(), &format!("/api/events?limit=3&offset={i}"));
                assert_eq!(r.status, 200);
                r.json()["items"].as_array().unwrap().len()
            })
        })
        .collect();
    for h in handles {
        assert!(h.join().unwrap() <= 3);
    }
}

#[test]
fn slow_requests_time_out_with_503() {
    let mut cfg = Config::new(store("api"));
    cfg.request_timeout = std::time::Duration::from_millis(1);
    let s = Background::start(&cfg, "127.0.0.1:0".parse().unwrap()).expect("server starts");
    let (text, date) = common::seed_article();
    let r = post_json(
        s.addr(),
        "/api/analyze",
        &json!({"text": text.repeat(20), "date": date}),
    );
    let m = error_of(&r, 503);
    assert!(m.contains("longer than"), "{m}");
}

#[test]
fn document_ids_with_slashes_and_spaces_resolve() {
    use newsgraph_core::schema::{to_schema, SchemaOptions};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("one.db");
    let mut doc =
        newsgraph_core::Document::new("wiki:Tesco_A/S sale", "Tesco sold its Polish branch.", None);
    doc.date = chrono::NaiveDate::from_ymd_opt(2020, 1, 2);
    newsgraph_pipeline::Pipeline::new().analyze(&mut doc);
    let mut store = newsgraph_store::Store::open(&db).unwrap();
    store
        .ingest(&to_schema(&doc, SchemaOptions::default()), "h")
        .unwrap();
    drop(store);
    let s = Background::start(&Config::new(&db), "127.0.0.1:0".parse().unwrap()).unwrap();
    for path in [
        "/api/documents/wiki%3ATesco_A%2FS%20sale",
        "/api/documents/wiki:Tesco_A/S%20sale",
    ] {
        let r = get(s.addr(), path);
        assert_eq!(r.status, 200, "{path}: {}", r.text());
        assert_eq!(r.json()["id"], "wiki:Tesco_A/S sale");
    }
    error_of(&get(s.addr(), "/api/documents/wiki:Tesco_A"), 404);
}
