//! Every command's `--help` shows an example, and usage errors exit with 2.

use std::process::Command;

const COMMANDS: &[&[&str]] = &[
    &["analyze"],
    &["parse"],
    &["explain"],
    &["ingest"],
    &["events"],
    &["quotes"],
    &["entities"],
    &["search"],
    &["timeline"],
    &["stats"],
    &["export"],
    &["serve"],
    &["bench"],
    &["eval", "segment"],
    &["eval", "tagger"],
    &["eval", "lemma"],
    &["eval", "parser"],
    &["eval", "ner"],
    &["eval", "time"],
    &["eval", "quotes"],
    &["eval", "events"],
    &["train", "tagger"],
    &["train", "parser"],
    &["train", "ner"],
];

#[test]
fn every_command_help_has_an_example() {
    let mut missing = Vec::new();
    for cmd in COMMANDS {
        let out = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
            .args(*cmd)
            .arg("--help")
            .output()
            .unwrap();
        assert!(out.status.success(), "{cmd:?} --help failed");
        let text = String::from_utf8_lossy(&out.stdout);
        if !text.contains("Example") || !text.contains("newsgraph ") {
            missing.push(cmd.join(" "));
        }
    }
    assert!(missing.is_empty(), "--help without an example: {missing:?}");
}

#[test]
fn unknown_command_and_bad_flag_exit_2() {
    let out = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .arg("frobnicate")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(["analyze", "--no-such-flag", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .arg("--version")
        .output()
        .unwrap();
    assert!(out.status.success());
}
