//! End-to-end tests of `newsgraph analyze` through the binary.

use newsgraph_core::schema::DocumentOut;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
}

fn shared(p: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")).join(p)
}

fn repo(p: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join(p)
}

fn tmpdir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("newsgraph-cli-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn docs(out: &Output) -> Vec<DocumentOut> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<DocumentOut>(l).unwrap())
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn seed_article_analyses_into_valid_newsgraph1() {
    let out = bin()
        .arg("analyze")
        .arg("--tokens")
        .arg(shared("seed/000_1b385efb04788e90.txt"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = docs(&out);
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    d.validate().unwrap();
    assert_eq!(d.schema, "newsgraph/1");
    assert_eq!(d.date.as_deref(), Some("2023-09-14"));
    assert!(!d.sentences.is_empty(), "no sentences");
    let chars: Vec<char> = d.text.chars().collect();
    // Sentences are in order, do not overlap and start on non-space text.
    for w in d.sentences.windows(2) {
        assert!(w[0].end <= w[1].start);
    }
    for s in &d.sentences {
        assert!(!chars[s.start].is_whitespace());
    }
    // Exactly one heading, and it is the one line without final punctuation.
    let headings: Vec<String> = d
        .sentences
        .iter()
        .filter(|s| s.heading)
        .map(|s| chars[s.start..s.end].iter().collect())
        .collect();
    assert_eq!(headings, ["US criticises the meeting"]);
    // The title-less text keeps its curly apostrophe; offsets count characters.
    assert!(d.text.contains("I’m"));
}

#[test]
fn example_article_and_pretty_output() {
    let out = bin()
        .args(["analyze", "--pretty"])
        .arg(repo("examples/putin-kim.txt"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("{\n"));
    let d: DocumentOut = serde_json::from_str(&text).unwrap();
    d.validate().unwrap();
}

#[test]
fn wikinews_jsonl_keeps_input_order() {
    let path = shared("corpora/wikinews/articles.jsonl");
    let want: Vec<String> = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .take(120)
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let dir = tmpdir("order");
    let sub = dir.join("first120.jsonl");
    let body: String = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .take(120)
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&sub, body).unwrap();
    let out = bin().arg("analyze").arg(&sub).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let got: Vec<String> = docs(&out)
        .into_iter()
        .map(|d| {
            d.validate().unwrap();
            d.id
        })
        .collect();
    assert_eq!(got, want);
}

#[test]
fn plain_text_with_date_flag_and_stdin() {
    let dir = tmpdir("plain");
    let p = dir.join("note.txt");
    std::fs::write(&p, "The ministers met in Paris.").unwrap();
    let out = bin()
        .args(["analyze", "--date", "2020-02-03"])
        .arg(&p)
        .output()
        .unwrap();
    assert!(out.status.success());
    let d = &docs(&out)[0];
    assert_eq!(d.id, "note");
    assert_eq!(d.date.as_deref(), Some("2020-02-03"));
    assert!(d.warnings.is_empty());

    // Undated: analysed all the same, with a warning.
    let out = bin().arg("analyze").arg(&p).output().unwrap();
    assert!(out.status.success());
    assert!(stderr(&out).contains("no article date"), "{}", stderr(&out));
    assert_eq!(docs(&out)[0].date, None);

    // JSON Lines on stdin.
    let mut child = bin()
        .args(["analyze", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"{\"id\":\"a\",\"title\":\"Talks resume\",\"text\":\"Envoys met.\",\"date\":\"2021-05-06\"}\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let d = &docs(&out)[0];
    assert_eq!(d.id, "a");
    assert_eq!(d.text, "Talks resume\n\nEnvoys met.");
    assert_eq!(d.title.as_deref(), Some("Talks resume"));
}

#[test]
fn bad_input_gives_clear_errors_and_exit_2() {
    let dir = tmpdir("bad");
    let jsonl = dir.join("mixed.jsonl");
    std::fs::write(
        &jsonl,
        "{\"id\":\"ok1\",\"text\":\"A.\",\"date\":\"2020-01-01\"}\n{\"id\":\"bad\",\"text\":\"B.\",\"date\":\"01/02/2020\"}\n{\"id\":\"ok2\",\"text\":\"C.\",\"date\":\"2020-01-03\"}\n",
    )
    .unwrap();
    let out = bin().arg("analyze").arg(&jsonl).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains(&format!("{}:2:", jsonl.display())), "{err}");
    assert!(err.contains("malformed date"), "{err}");
    assert!(err.contains("--skip-bad"), "{err}");

    let out = bin()
        .args(["analyze", "--skip-bad"])
        .arg(&jsonl)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let ids: Vec<String> = docs(&out).into_iter().map(|d| d.id).collect();
    assert_eq!(ids, ["ok1", "ok2"]);
    assert!(
        stderr(&out).contains("skipped 1 bad record"),
        "{}",
        stderr(&out)
    );

    let binary = dir.join("image.txt");
    std::fs::write(&binary, [0x89u8, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0xfe]).unwrap();
    let out = bin().arg("analyze").arg(&binary).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("image.txt"), "{}", stderr(&out));

    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let out = bin().arg("analyze").arg(&empty).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("empty.txt: empty article"),
        "{}",
        stderr(&out)
    );

    let latin1 = dir.join("latin1.txt");
    std::fs::write(&latin1, b"date 2020-01-01 Caf\xe9").unwrap();
    let out = bin().arg("analyze").arg(&latin1).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("invalid UTF-8 at byte offset 19"),
        "{}",
        stderr(&out)
    );

    let out = bin()
        .args(["analyze", "--date", "2020-02-31"])
        .arg(&empty)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("2020-02-31"), "{}", stderr(&out));

    let out = bin()
        .arg("analyze")
        .arg(dir.join("missing.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("missing.txt: cannot read"),
        "{}",
        stderr(&out)
    );

    let out = bin().arg("analyze").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn odd_text_never_panics() {
    let dir = tmpdir("odd");
    let cases: [&str; 8] = [
        "date 2020-01-01 ((((((((((",
        "date 2020-01-01 \"\"\"\"\"“”“",
        "date 2020-01-01 WASHINGTON (Reuters) - The Senate voted.",
        "date 2020-01-01 \u{0}\u{1}\u{7} control",
        "date 2020-01-01 日本語のテキスト。Ελληνικά. العربية",
        "date 2020-01-01 ...\n\n\n\n---\n\n(",
        "date 2020-01-01 U.S.",
        "date 2020-01-01 \u{200b}\u{feff}zero width",
    ];
    for (i, c) in cases.iter().enumerate() {
        let p = dir.join(format!("odd{i}.txt"));
        std::fs::write(&p, c).unwrap();
        let out = bin().arg("analyze").arg(&p).output().unwrap();
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "case {i}: {err}");
        if out.status.success() {
            docs(&out)[0].validate().unwrap();
        } else {
            assert_eq!(out.status.code(), Some(2), "case {i}: {err}");
        }
    }
}

#[test]
fn a_headline_announcing_a_ruling_dates_its_weekday_ahead() {
    // "to rule ... on Friday" in a headline is the coming Friday; a past-tense body
    // sentence keeps the Friday before
    let dir = tmpdir("headline");
    let f = dir.join("a.txt");
    std::fs::write(
        &f,
        "date 2025-04-02\nSupreme court to rule on the election dispute on Friday\n\n\
         The court heard final arguments on Friday.\n",
    )
    .unwrap();
    let out = bin().args(["analyze"]).arg(&f).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let d = &docs(&out)[0];
    let values: Vec<_> = d
        .times
        .iter()
        .map(|t| t.value.clone().unwrap_or_default())
        .collect();
    assert_eq!(values, ["2025-04-04", "2025-03-28"], "{:?}", d.times);
}
