//! `check --output FILE` writes the whole report or nothing: a run killed
//! while it writes leaves the file that was there before.

#[path = "../examples/gen-corpus.rs"]
#[allow(dead_code)]
mod generator;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The report being written: a temporary file beside the output.
fn writing(dir: &Path, output: &str) -> bool {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .any(|e| e.file_name().to_string_lossy() != output)
        })
        .unwrap_or(false)
}

#[test]
fn a_run_killed_while_writing_leaves_the_old_report() {
    let corpus = tempfile::tempdir().unwrap();
    let (articles, _) = generator::generate(100, 7);
    for a in &articles {
        std::fs::write(corpus.path().join(&a.name), &a.text).unwrap();
    }
    let out_dir = tempfile::tempdir().unwrap();
    let report = out_dir.path().join("report.json");
    let old = "the report of an earlier run\n";
    let mut killed_while_writing = 0;
    for _ in 0..20 {
        std::fs::write(&report, old).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
            .args(["check", "--quiet", "--format", "json", "--output"])
            .arg(&report)
            .arg(corpus.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Kill it as soon as it starts writing the report.
        let started = Instant::now();
        let mut finished = false;
        loop {
            if writing(out_dir.path(), "report.json") {
                break;
            }
            if child.try_wait().unwrap().is_some() {
                finished = true;
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(300),
                "the run neither wrote nor ended"
            );
            std::thread::sleep(Duration::from_micros(200));
        }
        if !finished {
            child.kill().unwrap();
        }
        child.wait().unwrap();
        let now = std::fs::read_to_string(&report).unwrap();
        if finished || now != old {
            // The run got to the end first: its report is whole.
            let doc: serde_json::Value = serde_json::from_str(&now).expect("a whole report");
            assert_eq!(doc["schema"], "claimcheck/report/v1");
        } else {
            killed_while_writing += 1;
        }
        // What a killed run leaves beside the report is its temporary file.
        for e in std::fs::read_dir(out_dir.path()).unwrap() {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            if name != "report.json" {
                std::fs::remove_file(out_dir.path().join(name)).unwrap();
            }
        }
        if killed_while_writing >= 3 {
            break;
        }
    }
    assert!(killed_while_writing >= 1, "no run was killed while it wrote");
}
