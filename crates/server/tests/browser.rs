//! Real-browser test of the web page: starts the server over a test store and runs
//! `node web-tests/ui.mjs` (playwright-core driving Debian's chromium, see `.ci/run`).
//!
//! Without chromium, node or `web-tests/node_modules/playwright-core` the test is skipped with
//! a message, unless the environment variable `CI` is set: then it fails.

mod common;

use newsgraph_server::{Background, Config};
use std::path::Path;
use std::process::Command;

const CHROMIUM: &str = "/usr/bin/chromium";

fn missing_tools(web_tests: &Path) -> Vec<String> {
    let mut missing = Vec::new();
    if !Path::new(CHROMIUM).exists() {
        missing.push(format!("{CHROMIUM} (apt-get install chromium)"));
    }
    if Command::new("node")
        .arg("--version")
        .output()
        .map(|o| !o.status.success())
        .unwrap_or(true)
    {
        missing.push("node (Node.js)".into());
    }
    if !web_tests
        .join("node_modules/playwright-core/package.json")
        .exists()
    {
        missing.push(format!(
            "{}/node_modules/playwright-core (cd web-tests && npm ci)",
            web_tests.display()
        ));
    }
    missing
}

#[test]
fn web_page_in_a_real_browser() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let web_tests = root.join("web-tests");
    let missing = missing_tools(&web_tests);
    if !missing.is_empty() {
        let msg = format!("browser test needs: {}", missing.join(", "));
        if std::env::var_os("CI").is_some() {
            panic!("{msg} (CI is set, so this is a failure; .ci/run installs them)");
        }
        eprintln!("SKIPPED web_page_in_a_real_browser: {msg}. Set CI=1 to make this a failure.");
        return;
    }
    let server = Background::start(
        &Config::new(common::store("browser")),
        "127.0.0.1:0".parse().unwrap(),
    )
    .expect("server starts");
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let _ = std::fs::create_dir_all(&target);
    let shot = target.join("ui-screenshot.png");
    let out = Command::new("node")
        .arg(web_tests.join("ui.mjs"))
        .arg(server.url())
        .arg(&shot)
        .arg(common::seed_path())
        .arg("2023-09-14")
        .current_dir(&web_tests)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    eprintln!("{stdout}{stderr}");
    assert!(
        out.status.success(),
        "the browser checks failed (exit {:?}):\n{stdout}\n{stderr}",
        out.status.code()
    );
    assert!(shot.exists(), "screenshot {} written", shot.display());
    eprintln!("screenshot: {}", shot.display());
}
