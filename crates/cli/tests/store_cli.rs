//! End-to-end tests of the store commands through the `newsgraph` binary: ingesting the
//! Wikinews corpus twice, surviving a killed ingest, every query command and the export.
//! Nothing here depends on extraction quality: stores with events are built through the
//! library from hand-made newsgraph/1 documents.

use newsgraph_core::schema::*;
use newsgraph_store::{content_hash, Store};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_newsgraph");

fn wikinews() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora/wikinews/articles.jsonl"
    ))
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run newsgraph")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn ok(args: &[&str]) -> Output {
    let o = run(args);
    assert!(
        o.status.success(),
        "newsgraph {args:?} failed: {}",
        stderr(&o)
    );
    o
}

fn stats(db: &Path) -> serde_json::Value {
    let o = ok(&["stats", "--db", db.to_str().unwrap(), "--json"]);
    serde_json::from_str(stdout(&o).trim()).expect("stats --json prints one JSON object")
}

fn wikinews_lines() -> usize {
    std::fs::read_to_string(wikinews())
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count()
}

/// Checks SQLite integrity and that every stored document has all its rows: the row counts
/// of each analysis table equal the lengths in its stored JSON.
fn check_store(db: &Path) -> usize {
    let conn = rusqlite::Connection::open(db).unwrap();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    conn.execute_batch(
        "INSERT INTO documents_fts(documents_fts, rank) VALUES('integrity-check', 1);
         INSERT INTO quotes_fts(quotes_fts, rank) VALUES('integrity-check', 1);",
    )
    .expect("full-text indexes match their tables");
    let mut stmt = conn
        .prepare(
            "SELECT d.id, d.json,
                (SELECT count(*) FROM entities x WHERE x.doc_key = d.doc_key),
                (SELECT count(*) FROM mentions x WHERE x.doc_key = d.doc_key),
                (SELECT count(*) FROM times x WHERE x.doc_key = d.doc_key),
                (SELECT count(*) FROM quotes x WHERE x.doc_key = d.doc_key),
                (SELECT count(*) FROM events x WHERE x.doc_key = d.doc_key)
             FROM documents d",
        )
        .unwrap();
    let mut n = 0;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                [
                    r.get::<_, i64>(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ],
            ))
        })
        .unwrap();
    for row in rows {
        let (id, json, counts) = row.unwrap();
        let doc: DocumentOut =
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("{id}: stored JSON: {e}"));
        assert_eq!(doc.id, id);
        let mentions: usize = doc.entities.iter().map(|e| e.mentions.len()).sum();
        let want = [
            doc.entities.len(),
            mentions,
            doc.times.len(),
            doc.quotes.len(),
            doc.events.len(),
        ]
        .map(|x| x as i64);
        assert_eq!(
            counts, want,
            "{id}: rows (entities, mentions, times, quotes, events) vs its JSON"
        );
        n += 1;
    }
    n
}

#[test]
fn wikinews_ingests_and_a_second_ingest_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("wiki.db");
    let dbs = db.to_str().unwrap();
    let n = wikinews_lines();
    assert_eq!(n, 298);
    let first = ok(&["ingest", "--db", dbs, wikinews().to_str().unwrap()]);
    let summary = stderr(&first);
    assert!(
        summary.contains(&format!(
            "ingested {n} documents ({n} added, 0 unchanged, 0 replaced, 0 skipped)"
        )),
        "{summary}"
    );
    assert!(summary.contains("docs/s"), "{summary}");
    assert!(first.stdout.is_empty(), "ingest prints nothing on stdout");
    let s1 = stats(&db);
    assert_eq!(s1["documents"], n);
    for key in ["entities", "times", "quotes", "events"] {
        assert!(s1[key].is_u64(), "{key} in {s1}");
    }
    assert_eq!(check_store(&db), n);

    let second = ok(&["ingest", "--db", dbs, wikinews().to_str().unwrap()]);
    let summary = stderr(&second);
    assert!(
        summary.contains(&format!(
            "ingested {n} documents (0 added, {n} unchanged, 0 replaced, 0 skipped)"
        )),
        "{summary}"
    );
    assert_eq!(stats(&db), s1);
    // Both summaries count the events of all the documents.
    let events_of = |summary: &str| -> u64 {
        let head = summary.split(" events in ").next().unwrap();
        head.rsplit(' ').next().unwrap().parse().unwrap()
    };
    assert_eq!(events_of(&stderr(&first)), s1["events"].as_u64().unwrap());
    assert_eq!(events_of(&summary), s1["events"].as_u64().unwrap());

    // The stored articles are searchable, and the listing of events agrees with the counts.
    let hits = ok(&[
        "search",
        "--db",
        dbs,
        "--format",
        "jsonl",
        "--articles-only",
        "--limit",
        "5",
        "Arafat",
    ]);
    let hits: Vec<serde_json::Value> = stdout(&hits)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!hits.is_empty());
    assert!(hits
        .iter()
        .any(|h| h["doc_id"] == "enwikinews:Brazilian_delegation_returns_from_Arafat_funeral"));
    let events = ok(&["events", "--db", dbs, "--format", "jsonl", "--limit", "0"]);
    assert_eq!(
        stdout(&events).lines().count() as u64,
        s1["events"].as_u64().unwrap()
    );
}

#[test]
fn a_killed_ingest_leaves_whole_documents_and_a_rerun_completes() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = wikinews();
    let total = wikinews_lines();
    let db = dir.path().join("crash.db");
    let dbs = db.to_str().unwrap();
    let count = || -> i64 {
        if !db.exists() {
            return 0;
        }
        rusqlite::Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .and_then(|c| c.query_row("SELECT count(*) FROM documents", [], |r| r.get::<_, i64>(0)))
            .unwrap_or(0)
    };

    // Three rounds: start an ingest, wait until it has stored more documents, let it write a
    // few milliseconds more (a different moment each round), then SIGKILL it.
    let mut stored = 0usize;
    for (round, delay_ms) in [0u64, 3, 11].into_iter().enumerate() {
        let mut child = Command::new(BIN)
            .args(["ingest", "--db", dbs, corpus.to_str().unwrap()])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let started = std::time::Instant::now();
        let mut killed_running = false;
        loop {
            if count() > stored as i64 {
                std::thread::sleep(std::time::Duration::from_millis(delay_ms));
                if child.try_wait().unwrap().is_none() {
                    child.kill().unwrap();
                    killed_running = true;
                }
                break;
            }
            if child.try_wait().unwrap().is_some() || started.elapsed().as_secs() > 300 {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        let _ = child.wait();
        assert!(
            killed_running,
            "round {round}: the ingest was killed while running"
        );
        let now = check_store(&db);
        eprintln!(
            "round {round}: killed with {now} of {total} documents stored after {:?}",
            started.elapsed()
        );
        assert!(
            now > stored && now < total,
            "round {round}: killed mid-run: {now} of {total} stored"
        );
        stored = now;
    }

    // A rerun stores the rest and leaves the stored documents alone.
    let rerun = ok(&["ingest", "--db", dbs, corpus.to_str().unwrap()]);
    let summary = stderr(&rerun);
    assert!(
        summary.contains(&format!(
            "ingested {total} documents ({} added, {stored} unchanged, 0 replaced",
            total - stored
        )),
        "{summary}"
    );
    assert_eq!(check_store(&db), total);
}

// ---------------------------------------------------------------------------------------------
// Query commands over a hand-made store

fn span(text: &str, s: &str) -> SpanOut {
    let b = text.find(s).unwrap_or_else(|| panic!("{s:?} not in text"));
    let start = text[..b].chars().count();
    SpanOut {
        start,
        end: start + s.chars().count(),
        text: s.into(),
    }
}

fn actor(entity: Option<&str>, text: &str, code: &str) -> ActorOut {
    ActorOut {
        entity: entity.map(Into::into),
        text: text.into(),
        actor: Some(code.into()),
    }
}

#[allow(clippy::too_many_arguments)]
fn event(
    text: &str,
    id: &str,
    source: ActorOut,
    target: Option<ActorOut>,
    cameo: (&str, &str, u8, f32, &str),
    trigger: &str,
    date: &str,
    modality: &str,
) -> EventOut {
    EventOut {
        id: id.into(),
        source,
        target,
        cameo: cameo.0.into(),
        cameo_name: cameo.1.into(),
        root: cameo.0[..2].into(),
        quad_class: cameo.2,
        goldstein: cameo.3,
        plover: Some(cameo.4.into()),
        plover_mode: None,
        date: Some(date.into()),
        date_source: "text".into(),
        modality: modality.into(),
        claimed_by: None,
        sentence: 0,
        trigger: span(text, trigger),
        rule: "test".into(),
    }
}

/// A store with two documents; one sentence holds a comma and quotation marks (CSV quoting).
fn hand_made_store(db: &Path) {
    let text1 = "Russian President Vladimir Putin accepted the invitation by Kim Jong Un, \"with pleasure\", KCNA said.";
    let mut d1 = DocumentOut {
        schema: "newsgraph/1".into(),
        id: "putin-kim".into(),
        date: Some("2023-09-14".into()),
        title: None,
        url: Some("https://news.example/putin-kim".into()),
        source: None,
        text: text1.into(),
        sentences: vec![SentenceOut {
            start: 0,
            end: text1.chars().count(),
            heading: false,
        }],
        tokens: None,
        entities: vec![],
        times: vec![],
        quotes: vec![],
        events: vec![],
        warnings: vec![],
    };
    let m = |s: &str| {
        let sp = span(text1, s);
        MentionOut {
            start: sp.start,
            end: sp.end,
            text: sp.text,
            kind: Default::default(),
        }
    };
    d1.entities = vec![
        EntityOut {
            id: "E1".into(),
            name: "Vladimir Putin".into(),
            etype: "PERSON".into(),
            actor: Some("RUSGOV".into()),
            role: Some("President".into()),
            mentions: vec![m("Vladimir Putin")],
        },
        EntityOut {
            id: "E2".into(),
            name: "Kim Jong Un".into(),
            etype: "PERSON".into(),
            actor: Some("PRKGOV".into()),
            role: None,
            mentions: vec![m("Kim Jong Un")],
        },
        EntityOut {
            id: "E3".into(),
            name: "KCNA".into(),
            etype: "ORG".into(),
            actor: Some("PRKMED".into()),
            role: None,
            mentions: vec![m("KCNA")],
        },
    ];
    let q = span(text1, "with pleasure");
    d1.quotes = vec![QuoteOut {
        start: q.start,
        end: q.end,
        text: q.text,
        kind: "partial".into(),
        speaker: Some("E3".into()),
        speaker_text: Some("KCNA".into()),
        cue: Some("said".into()),
        date: Some("2023-09-14".into()),
        date_source: "document".into(),
    }];
    d1.events = vec![event(
        text1,
        "V1",
        actor(Some("E1"), "Russian President Vladimir Putin", "RUSGOV"),
        Some(actor(Some("E2"), "Kim Jong Un", "PRKGOV")),
        (
            "036",
            "Express intent to meet or negotiate",
            1,
            4.0,
            "AGREE",
        ),
        "accepted",
        "2023-09-14",
        "asserted",
    )];
    let text2 = "Washington threatened more sanctions against Pyongyang.";
    let d2 = DocumentOut {
        id: "us-threat".into(),
        date: Some("2023-09-15".into()),
        url: None,
        text: text2.into(),
        sentences: vec![SentenceOut {
            start: 0,
            end: text2.chars().count(),
            heading: false,
        }],
        entities: vec![],
        quotes: vec![],
        events: vec![event(
            text2,
            "V1",
            actor(None, "Washington", "USAGOV"),
            Some(actor(None, "Pyongyang", "PRKGOV")),
            ("1312", "Threaten to impose sanctions", 3, -5.8, "THREATEN"),
            "threatened",
            "2023-09-15",
            "threat",
        )],
        ..d1.clone()
    };
    let mut store = Store::open(db).unwrap();
    for d in [d1, d2] {
        d.validate().unwrap();
        store
            .ingest(
                &d,
                &content_hash(&d.text, d.date.as_deref(), d.title.as_deref()),
            )
            .unwrap();
    }
}

#[test]
fn query_commands_filter_and_format() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("q.db");
    hand_made_store(&db);
    let dbs = db.to_str().unwrap();

    assert_eq!(
        stats(&db),
        serde_json::json!({"documents":2,"entities":3,"times":0,"quotes":1,"events":2})
    );
    let human = stdout(&ok(&["stats", "--db", dbs]));
    assert!(human.contains("events     2"), "{human}");

    // events: table, csv, jsonl and the filters.
    let table = stdout(&ok(&["events", "--db", dbs]));
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 3, "{table}");
    assert!(lines[0].starts_with("DATE"));
    assert!(
        lines[1].contains("RUSGOV Vladimir Putin") && lines[1].contains("036"),
        "{table}"
    );
    let jsonl = |args: &[&str]| -> Vec<serde_json::Value> {
        let mut all = vec![args[0], "--db", dbs, "--format", "jsonl"];
        all.extend_from_slice(&args[1..]);
        stdout(&ok(&all))
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let rus = jsonl(&["events", "--actor", "rus"]);
    assert_eq!(rus.len(), 1);
    assert_eq!(rus[0]["cameo"], "036");
    assert_eq!(rus[0]["target_name"], "Kim Jong Un");
    assert_eq!(jsonl(&["events", "--target", "PRK"]).len(), 2);
    assert_eq!(
        jsonl(&["events", "--source", "USA", "--code", "13"])[0]["doc_id"],
        "us-threat"
    );
    assert_eq!(jsonl(&["events", "--plover", "threaten"]).len(), 1);
    assert_eq!(
        jsonl(&["events", "--modality", "threat"])[0]["goldstein"],
        -5.8
    );
    assert_eq!(jsonl(&["events", "--from", "2023-09-15"]).len(), 1);
    assert_eq!(
        jsonl(&["events", "--to", "2023-09-14"])[0]["event_id"],
        "V1"
    );
    assert_eq!(
        jsonl(&["events", "--limit", "1", "--offset", "1"])[0]["doc_id"],
        "us-threat"
    );
    let csv_out = stdout(&ok(&["events", "--db", dbs, "--format", "csv"]));
    let mut rdr = csv::Reader::from_reader(csv_out.as_bytes());
    assert!(rdr.headers().unwrap().iter().any(|h| h == "sentence_text"));
    assert_eq!(rdr.records().count(), 2);

    // quotes, entities, search, timeline.
    let quotes = jsonl(&["quotes", "--speaker", "kcna"]);
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0]["text"], "with pleasure");
    assert!(jsonl(&["quotes", "--speaker", "Putin"]).is_empty());
    assert_eq!(jsonl(&["quotes", "--search", "pleasure"]).len(), 1);
    let people = jsonl(&["entities", "--type", "person"]);
    assert_eq!(people.len(), 2);
    assert_eq!(jsonl(&["entities", "--name", "kcn"])[0]["actor"], "PRKMED");
    let search = stdout(&ok(&["search", "--db", dbs, "sanctions"]));
    assert!(
        search.contains("[sanctions]") && search.contains("us-threat"),
        "{search}"
    );
    let timeline = jsonl(&["timeline", "--actor", "PRK"]);
    assert_eq!(timeline.len(), 2);
    assert_eq!(timeline[1]["verbal_conflict"], 1);
    assert_eq!(
        jsonl(&["timeline", "--actor", "PRK", "--with", "USA"]).len(),
        1
    );
}

#[test]
fn export_writes_the_event_data_layout() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    hand_made_store(&db);
    let dbs = db.to_str().unwrap();
    let out = dir.path().join("events.csv");
    let o = ok(&[
        "export",
        "--db",
        dbs,
        "--format",
        "csv",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(stderr(&o).contains("exported 2 events"), "{}", stderr(&o));
    let mut rdr = csv::Reader::from_path(&out).unwrap();
    let header: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "date",
            "source_actor",
            "source_name",
            "cameo",
            "root",
            "quad_class",
            "goldstein",
            "plover",
            "target_actor",
            "target_name",
            "modality",
            "doc_id",
            "event_id",
            "url",
            "sentence"
        ]
    );
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][0], "2023-09-14");
    assert_eq!(&rows[0][1], "RUSGOV");
    assert_eq!(&rows[0][2], "Vladimir Putin");
    assert_eq!(&rows[0][3], "036");
    assert_eq!(&rows[0][5], "1");
    assert_eq!(&rows[0][6], "4.0");
    assert_eq!(&rows[0][13], "https://news.example/putin-kim");
    // The sentence with a comma and quotation marks survives CSV quoting.
    assert!(
        rows[0][14].contains("Kim Jong Un, \"with pleasure\", KCNA said."),
        "{:?}",
        &rows[0][14]
    );
    assert_eq!(&rows[1][6], "-5.8");
    assert_eq!(&rows[1][10], "threat");
    assert_eq!(&rows[1][13], "", "no url");

    let out = dir.path().join("events.jsonl");
    ok(&[
        "export",
        "--db",
        dbs,
        "--format",
        "jsonl",
        "--actor",
        "USA",
        "--out",
        out.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&out).unwrap();
    let rows: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["cameo"], "1312");
    assert_eq!(rows[0]["target_actor"], "PRKGOV");

    // To stdout, and with no events the CSV still has its header.
    let o = ok(&["export", "--db", dbs, "--format", "csv", "--code", "19"]);
    assert_eq!(stdout(&o).lines().count(), 1);
    assert!(stdout(&o).starts_with("date,source_actor"));
}

#[test]
fn input_errors_exit_with_2_and_name_the_problem() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nothing-here.db");
    let ms = missing.to_str().unwrap();
    for cmd in [
        vec!["events", "--db", ms],
        vec!["quotes", "--db", ms],
        vec!["entities", "--db", ms],
        vec!["search", "--db", ms, "war"],
        vec!["timeline", "--db", ms, "--actor", "RUS"],
        vec!["stats", "--db", ms, "--json"],
        vec!["export", "--db", ms, "--format", "csv"],
    ] {
        let o = run(&cmd);
        assert_eq!(o.status.code(), Some(2), "{cmd:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("nothing-here.db"),
            "{cmd:?}: {}",
            stderr(&o)
        );
        assert!(!missing.exists(), "{cmd:?} created the database");
    }
    let db = dir.path().join("e.db");
    hand_made_store(&db);
    let dbs = db.to_str().unwrap();
    for cmd in [
        vec!["events", "--db", dbs, "--from", "2023-13-01"],
        vec!["events", "--db", dbs, "--to", "yesterday"],
        vec!["events", "--db", dbs, "--code", "abc"],
        vec!["events", "--db", dbs, "--actor", "RUS' OR 1=1"],
        vec!["events", "--db", dbs, "--format", "xml"],
        vec!["search", "--db", dbs, "--raw", "war AND ("],
        vec!["timeline", "--db", dbs],
    ] {
        let o = run(&cmd);
        assert_eq!(o.status.code(), Some(2), "{cmd:?}: {}", stderr(&o));
    }
    // Not a database.
    let junk = dir.path().join("junk.db");
    std::fs::write(
        &junk,
        "id,name\n1,two\nsome text that is not SQLite at all\n",
    )
    .unwrap();
    let o = run(&["stats", "--db", junk.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let o = run(&[
        "ingest",
        "--db",
        junk.to_str().unwrap(),
        wikinews().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    // A bad record stops an ingest with exit 2 naming file and line; --skip-bad goes on.
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(&bad, "{\"id\":\"a\",\"date\":\"2023-01-02\",\"text\":\"Kim met Putin.\"}\n{not json\n{\"id\":\"b\",\"date\":\"2023-01-03\",\"text\":\"Putin met Kim.\"}\n").unwrap();
    let fresh = dir.path().join("fresh.db");
    let o = run(&[
        "ingest",
        "--db",
        fresh.to_str().unwrap(),
        bad.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("bad.jsonl:2"), "{}", stderr(&o));
    // What was read before the bad record is stored.
    assert_eq!(stats(&fresh)["documents"], 1);
    let o = ok(&[
        "ingest",
        "--db",
        fresh.to_str().unwrap(),
        "--skip-bad",
        bad.to_str().unwrap(),
    ]);
    assert!(
        stderr(&o).contains("ingested 2 documents (1 added, 1 unchanged, 0 replaced, 1 skipped)"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn every_store_command_has_help_with_an_example() {
    for cmd in [
        "ingest", "events", "quotes", "entities", "search", "timeline", "stats", "export",
    ] {
        let o = ok(&[cmd, "--help"]);
        let help = stdout(&o);
        assert!(
            help.contains("Examples:") && help.contains(&format!("newsgraph {cmd} ")),
            "{cmd}: {help}"
        );
    }
}

#[test]
fn changed_content_under_the_same_id_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    let dbs = db.to_str().unwrap();
    let file = dir.path().join("a.jsonl");
    std::fs::write(&file, "{\"id\":\"a\",\"date\":\"2023-01-02\",\"title\":\"Talks\",\"text\":\"Kim met Putin in Vladivostok.\"}\n").unwrap();
    ok(&["ingest", "--db", dbs, file.to_str().unwrap()]);
    std::fs::write(&file, "{\"id\":\"a\",\"date\":\"2023-01-02\",\"title\":\"Talks\",\"text\":\"Kim met Putin in Moscow.\"}\n").unwrap();
    let o = ok(&["ingest", "--db", dbs, file.to_str().unwrap()]);
    assert!(
        stderr(&o).contains("(0 added, 0 unchanged, 1 replaced, 0 skipped)"),
        "{}",
        stderr(&o)
    );
    assert_eq!(stats(&db)["documents"], 1);
    let s = stdout(&ok(&[
        "search",
        "--db",
        dbs,
        "--format",
        "jsonl",
        "Vladivostok",
    ]));
    assert!(s.is_empty(), "{s}");
    assert_eq!(
        stdout(&ok(&["search", "--db", dbs, "--format", "jsonl", "Moscow"]))
            .lines()
            .count(),
        1
    );
    check_store(&db);
}
