use newsgraph_read::{parse_text, read_paths, ReadOptions};
use std::path::PathBuf;

fn shared() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"))
}

fn tmp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsgraph-read-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn seed_article_is_dated_text() {
    let p = shared().join("seed/000_1b385efb04788e90.txt");
    let docs: Vec<_> = read_paths(&[p], &ReadOptions::default()).collect();
    assert_eq!(docs.len(), 1);
    let d = docs[0].as_ref().unwrap();
    assert_eq!(d.id, "000_1b385efb04788e90");
    assert_eq!(d.date.unwrap().to_string(), "2023-09-14");
    assert!(
        d.text
            .starts_with("Russian President Vladimir Putin on Thursday"),
        "{:?}",
        &d.text[..40]
    );
    assert!(d.text.ends_with("(With inputs from agencies)"));
}

#[test]
fn dated_text_on_own_line_and_plain_text() {
    let d = parse_text("a", "  date 2021-03-04\n\nThe army said so.", None).unwrap();
    assert_eq!(d.date.unwrap().to_string(), "2021-03-04");
    assert_eq!(d.text, "The army said so.");
    let d = parse_text("b", "Date palms grow in Iraq.", None).unwrap();
    assert_eq!(d.date, None);
    assert_eq!(d.text, "Date palms grow in Iraq.");
    let fallback = chrono::NaiveDate::from_ymd_opt(2020, 1, 2);
    let d = parse_text("c", "Plain text.\r\nSecond line.", fallback).unwrap();
    assert_eq!(d.date, fallback);
    assert_eq!(d.text, "Plain text.\nSecond line.");
}

#[test]
fn malformed_dates_are_errors() {
    let e = parse_text("x.txt", "date 2023-13-45 Text", None).unwrap_err();
    assert!(e.to_string().contains("x.txt:1"), "{e}");
    assert!(e.to_string().contains("2023-13-45"), "{e}");
    let e = parse_text("x.txt", "date 14/09/2023 Text", None).unwrap_err();
    assert!(e.to_string().contains("malformed date"), "{e}");
}

#[test]
fn wikinews_jsonl_reads_all_298() {
    let p = shared().join("corpora/wikinews/articles.jsonl");
    let docs: Vec<_> = read_paths(&[p], &ReadOptions::default())
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(docs.len(), 298);
    let d = &docs[0];
    assert!(d.id.starts_with("enwikinews:"));
    let title = d.title.as_ref().unwrap();
    assert!(d.text.starts_with(&format!("{title}\n\n")));
    assert!(d.url.is_some());
}

#[test]
fn bad_jsonl_records_name_file_and_line() {
    let p = tmp(
        "bad.jsonl",
        b"{\"text\":\"A.\",\"date\":\"2020-01-01\"}\n\n{\"text\":\"B.\"}\nnot json\n{\"text\":\"C.\",\"date\":\"2020-02-30\"}\n[1]\n{\"text\":\"D.\",\"date\":\"2020-01-03\",\"id\":\"d\"}\n",
    );
    let items: Vec<_> = read_paths(&[p.clone()], &ReadOptions::default()).collect();
    assert_eq!(items.len(), 6);
    assert_eq!(items[0].as_ref().unwrap().id, "bad:1");
    let e = items[1].as_ref().unwrap_err();
    assert_eq!(e.line, Some(3));
    assert!(e.message.contains("`date`"), "{e}");
    assert_eq!(items[2].as_ref().unwrap_err().line, Some(4));
    assert!(items[3]
        .as_ref()
        .unwrap_err()
        .message
        .contains("no such day"));
    assert!(items[4]
        .as_ref()
        .unwrap_err()
        .message
        .contains("JSON object"));
    assert_eq!(items[5].as_ref().unwrap().id, "d");
    assert!(items[1]
        .as_ref()
        .unwrap_err()
        .to_string()
        .starts_with(&format!("{}:3:", p.display())));
}

#[test]
fn invalid_utf8_binary_and_empty_files() {
    let p = tmp("latin1.txt", b"date 2020-01-01 Caf\xe9 opens.");
    let e = read_paths(&[p], &ReadOptions::default())
        .next()
        .unwrap()
        .unwrap_err();
    assert!(e.message.contains("invalid UTF-8 at byte offset 19"), "{e}");
    let p = tmp("bin.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00");
    let e = read_paths(&[p], &ReadOptions::default())
        .next()
        .unwrap()
        .unwrap_err();
    assert!(e.message.contains("binary"), "{e}");
    let p = tmp("empty.txt", b"");
    let e = read_paths(&[p], &ReadOptions::default())
        .next()
        .unwrap()
        .unwrap_err();
    assert!(e.message.contains("empty"), "{e}");
    let p = tmp("utf8.jsonl", b"{\"text\":\"ok\",\"date\":\"2020-01-01\"}\n{\"text\":\"caf\xe9\",\"date\":\"2020-01-01\"}\n");
    let items: Vec<_> = read_paths(&[p], &ReadOptions::default()).collect();
    let e = items[1].as_ref().unwrap_err();
    assert_eq!(e.line, Some(2));
    assert!(e.message.contains("byte offset 46"), "{e}");
}

#[test]
fn folders_are_read_recursively_in_order() {
    let dir = std::env::temp_dir().join(format!("newsgraph-read-dir-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("b.txt"), "date 2020-01-02 Second.").unwrap();
    std::fs::write(dir.join("a.txt"), "date 2020-01-01 First.").unwrap();
    std::fs::write(dir.join("notes.md"), "ignored").unwrap();
    std::fs::write(
        dir.join("sub/c.jsonl"),
        "{\"id\":\"c1\",\"text\":\"Third.\",\"date\":\"2020-01-03\"}\n",
    )
    .unwrap();
    let ids: Vec<String> = read_paths(&[dir], &ReadOptions::default())
        .map(|d| d.unwrap().id)
        .collect();
    assert_eq!(ids, ["a", "b", "c1"]);
    let e = read_paths(
        &[PathBuf::from("/nonexistent/file.txt")],
        &ReadOptions::default(),
    )
    .next()
    .unwrap()
    .unwrap_err();
    assert!(
        e.to_string()
            .starts_with("/nonexistent/file.txt: cannot read"),
        "{e}"
    );
}

#[test]
fn large_article_reads() {
    let para = "The minister said the talks would resume on Monday. ".repeat(20);
    let mut text = String::from("date 2020-05-05 ");
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(&para);
        text.push_str("\n\n");
    }
    let d = parse_text("big", &text, None).unwrap();
    assert!(d.text.len() > 50 * 1024 * 1024 - 2000);
}
