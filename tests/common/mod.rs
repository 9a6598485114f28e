//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub const EXAMPLES: &str = "examples/harbour-strike";

/// Runs the binary; returns stdout, stderr and the exit code.
pub fn run(args: &[&str]) -> (String, String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("RUST_BACKTRACE", "0")
        .output()
        .expect("binary runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

/// stdout, stderr and exit code as one text, for CLI snapshots.
pub fn transcript(args: &[&str]) -> String {
    let (out, err, code) = run(args);
    format!(
        "$ claimcheck {}\n--- exit: {code}\n--- stdout\n{out}--- stderr\n{err}",
        args.join(" ")
    )
}

/// Copies the example corpus into a fresh temporary folder.
pub fn copy_examples() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLES);
    for entry in std::fs::read_dir(src).expect("examples") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).expect("copy");
    }
    dir
}

/// Replaces `from` by `to` in a file, which must hold `from` exactly once.
pub fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let p: PathBuf = dir.join(file);
    let text = std::fs::read_to_string(&p).expect("read");
    assert_eq!(text.matches(from).count(), 1, "{file} must hold {from:?} once");
    std::fs::write(&p, text.replacen(from, to, 1)).expect("write");
}

/// Snapshot settings: everything in the top-level `snapshots/` folder.
pub fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path(Path::new(env!("CARGO_MANIFEST_DIR")).join("snapshots"));
    s.set_prepend_module_to_snapshot(false);
    s
}

/// (rule, sorted sources) of every finding of a JSON report, sorted; each
/// source name passed through `name`.
pub fn finding_keys(report: &serde_json::Value, name: impl Fn(&str) -> String) -> Vec<(String, Vec<String>)> {
    let mut keys: Vec<(String, Vec<String>)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let mut s: Vec<String> = f["sources"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| name(s.as_str().unwrap()))
                .collect();
            s.sort();
            (f["rule"].as_str().unwrap().to_string(), s)
        })
        .collect();
    keys.sort();
    keys
}
