//! Shared test helpers: a store built once per test binary from the seed article and a fixed
//! subset of the Wikinews corpus, and a small HTTP/1.1 client over `TcpStream`.
#![allow(dead_code)]

use newsgraph_core::schema::{to_schema, SchemaOptions};
use newsgraph_read::{read_paths, ReadOptions};
use newsgraph_store::{content_hash, Store};
use serde_json::Value;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

pub const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");
/// Wikinews articles ingested besides the seed (a fixed subset keeps debug tests fast).
pub const WIKINEWS_ARTICLES: usize = 60;

pub fn seed_path() -> PathBuf {
    Path::new(SHARED).join("seed/000_1b385efb04788e90.txt")
}

/// Builds (once per test binary) a store named `name` in Cargo's test scratch folder.
pub fn store(name: &str) -> &'static Path {
    static DB: OnceLock<PathBuf> = OnceLock::new();
    DB.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("newsgraph-server-{name}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch dir");
        let db = dir.join("corpus.db");
        let t = std::time::Instant::now();
        let opts = ReadOptions::default();
        let mut docs: Vec<_> = read_paths(&[Path::new(SHARED).join("seed")], &opts)
            .collect::<Result<Vec<_>, _>>()
            .expect("seed reads");
        let wiki = Path::new(SHARED).join("corpora/wikinews/articles.jsonl");
        for d in read_paths(&[wiki], &opts).take(WIKINEWS_ARTICLES) {
            docs.push(d.expect("wikinews reads"));
        }
        assert_eq!(docs.len(), 1 + WIKINEWS_ARTICLES);
        let docs = newsgraph_pipeline::Pipeline::new().analyze_all(docs);
        let mut store = Store::open(&db).expect("store opens");
        for d in &docs {
            let date = d.date.map(|d| d.format("%Y-%m-%d").to_string());
            let hash = content_hash(&d.text, date.as_deref(), d.title.as_deref());
            store
                .ingest(&to_schema(d, SchemaOptions::default()), &hash)
                .expect("ingest");
        }
        eprintln!(
            "test store {}: {} documents in {:.1} s",
            db.display(),
            docs.len(),
            t.elapsed().as_secs_f64()
        );
        db
    })
}

/// A parsed HTTP response.
#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}), status {}: {}", self.status, self.text()))
    }
}

/// Sends one request (`Connection: close`) and reads the whole response.
pub fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Resp {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(120))).unwrap();
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    let chunked = headers
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if !chunked && (!body.is_empty() || method == "POST") {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    s.write_all(head.as_bytes()).expect("write head");
    if chunked {
        // Write the body from another thread while this one reads: a server may answer
        // (413) before the body is through.
        let mut w = s.try_clone().unwrap();
        let body = body.to_vec();
        std::thread::spawn(move || {
            for chunk in body.chunks(64 * 1024) {
                if w.write_all(format!("{:x}\r\n", chunk.len()).as_bytes())
                    .is_err()
                    || w.write_all(chunk).is_err()
                    || w.write_all(b"\r\n").is_err()
                {
                    return;
                }
            }
            let _ = w.write_all(b"0\r\n\r\n");
        });
    } else if !body.is_empty() {
        let _ = s.write_all(body);
    }
    let mut raw = Vec::new();
    let mut buf = [0u8; 65536];
    loop {
        match s.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => raw.extend_from_slice(&buf[..n]),
            Err(e) if !raw.is_empty() => {
                eprintln!("read ended: {e}");
                break;
            }
            Err(e) => panic!("read response of {method} {path}: {e}"),
        }
    }
    parse_response(&raw)
}

pub fn get(addr: SocketAddr, path: &str) -> Resp {
    request(addr, "GET", path, &[], b"")
}

pub fn post_json(addr: SocketAddr, path: &str, body: &Value) -> Resp {
    request(
        addr,
        "POST",
        path,
        &[("Content-Type", "application/json")],
        body.to_string().as_bytes(),
    )
}

fn parse_response(raw: &[u8]) -> Resp {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("response head");
    let head = String::from_utf8_lossy(&raw[..end]).into_owned();
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or("");
    let status: u16 = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("status code");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| {
            l.split_once(':')
                .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        })
        .collect();
    let mut body = raw[end + 4..].to_vec();
    let is_chunked = headers.iter().any(|(k, v)| {
        k.eq_ignore_ascii_case("transfer-encoding") && v.to_ascii_lowercase().contains("chunked")
    });
    if is_chunked {
        let mut out = Vec::new();
        let mut rest = &body[..];
        while let Some(p) = rest.windows(2).position(|w| w == b"\r\n") {
            let size =
                usize::from_str_radix(String::from_utf8_lossy(&rest[..p]).trim(), 16).unwrap_or(0);
            if size == 0 {
                break;
            }
            let start = p + 2;
            out.extend_from_slice(&rest[start..(start + size).min(rest.len())]);
            rest = &rest[(start + size + 2).min(rest.len())..];
        }
        body = out;
    }
    Resp {
        status,
        headers,
        body,
    }
}

/// The seed article's text without its `date …` prefix.
pub fn seed_article() -> (String, &'static str) {
    let raw = std::fs::read_to_string(seed_path()).expect("seed article");
    let t = raw.trim_start();
    let t = t.strip_prefix("date").expect("dated form").trim_start();
    let (date, text) = t.split_once(char::is_whitespace).expect("date then text");
    assert_eq!(date, "2023-09-14");
    (text.trim().to_string(), "2023-09-14")
}
