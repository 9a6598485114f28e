//! The steps of a distributed run (`keys`, `assign`, `check --input
//! story-jsonl`, `merge`), driven as an engine drives them, give the report
//! of `check --format json` byte for byte, however the stories are spread
//! over tasks.

mod common;

use std::path::Path;

use base64::Engine;
use common::{copy_examples, run};

/// A second story: a yearless dateline (its year completed from the other
/// sources and a weekday), a re-post with no date (its date taken from
/// the original), and a file in Windows-1252.
const ORCHARD: &str = "Kestrel Valley, 14 Oct\n\n\
Orchard growers in Kestrel Valley said on Monday (October 13) that the apple harvest reached 48,000 \
tonnes, the largest since the cooperative began keeping records in 2019. \"The frost spared the blossoms \
and the bees did the rest,\" grower Odile Varga said at the weighing station on the valley road. The \
Kestrel Growers Association said cider presses in Lunford and Brackwater are booked through November, and \
that pickers from the coast will stay two weeks longer than planned. Prices at the Lunford market fell \
by 12 percent as the first lorries arrived.\n";

fn corpus() -> tempfile::TempDir {
    let dir = copy_examples();
    let p = dir.path();
    std::fs::write(p.join("orchard-gazette.txt"), ORCHARD).unwrap();
    let repost = ORCHARD.split_once("\n\n").unwrap().1;
    std::fs::write(p.join("valley-repost.md"), format!("# Harvest news\n\n{repost}")).unwrap();
    let (legacy, _, _) = encoding_rs::WINDOWS_1252
        .encode("Lunford, 15 Oct\n\nThe Lunford market\u{2019}s traders said prices fell by 12 percent this week.\n");
    std::fs::write(p.join("lunford-notes.txt"), &legacy[..]).unwrap();
    dir
}

/// Each article of `dir` as an engine hands it over.
fn documents(dir: &Path) -> Vec<serde_json::Value> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "sources.yaml")
        .collect();
    names.sort();
    names
        .iter()
        .map(|n| {
            let path = dir.join(n);
            let bytes = std::fs::read(&path).unwrap();
            let mut doc = serde_json::json!({ "id": n, "path": path.display().to_string() });
            match String::from_utf8(bytes) {
                Ok(text) => doc["text"] = text.into(),
                Err(e) => doc["base64"] = base64::engine::general_purpose::STANDARD.encode(e.as_bytes()).into(),
            }
            doc
        })
        .collect()
}

fn write_lines(path: &Path, lines: impl IntoIterator<Item = String>) {
    let text: String = lines.into_iter().map(|l| l + "\n").collect();
    std::fs::write(path, text).unwrap();
}

fn lines(text: &str) -> Vec<serde_json::Value> {
    text.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn ok(args: &[&str]) -> String {
    let (out, err, code) = run(args);
    assert_eq!(code, 0, "claimcheck {}: {err}", args.join(" "));
    out
}

#[test]
fn steps_spread_over_tasks_give_the_report_of_one_run() {
    let dir = corpus();
    let work = tempfile::tempdir().unwrap();
    let (p, w) = (dir.path(), work.path());
    let manifest = p.join("sources.yaml").display().to_string();
    let at = |n: &str| w.join(n).display().to_string();

    let docs = documents(p);
    write_lines(&w.join("docs.jsonl"), docs.iter().map(|d| d.to_string()));
    let keys = ok(&["keys", "--manifest", &manifest, &at("docs.jsonl")]);
    assert_eq!(keys.lines().count(), docs.len(), "one line a document, in order");
    std::fs::write(w.join("keys.jsonl"), keys).unwrap();
    let assigned = lines(&ok(&["assign", &at("keys.jsonl")]));

    // Whole stories to two tasks, the first story's documents reversed.
    let mut tasks = [Vec::new(), Vec::new()];
    let stories: std::collections::BTreeSet<&str> = assigned.iter().map(|a| a["story"].as_str().unwrap()).collect();
    assert!(stories.len() >= 3, "the corpus tells several stories: {stories:?}");
    for (doc, a) in docs.iter().zip(&assigned).rev() {
        assert_eq!(doc["id"], a["id"]);
        let mut line = doc.clone();
        for (k, v) in a.as_object().unwrap() {
            line[k] = v.clone();
        }
        let task = stories.iter().position(|s| *s == a["story"]).unwrap() % 2;
        tasks[task].push(line.to_string());
    }
    let mut parts = String::new();
    for (k, task) in tasks.iter().enumerate().rev() {
        let name = format!("task{k}.jsonl");
        write_lines(&w.join(&name), task.iter().cloned());
        parts += &ok(&["check", "--input", "story-jsonl", "--manifest", &manifest, &at(&name)]);
    }
    // The parts in another order again: the merge sorts.
    let mut parts: Vec<&str> = parts.lines().collect();
    parts.reverse();
    write_lines(&w.join("parts.jsonl"), parts.iter().map(|l| l.to_string()));
    let merged = ok(&["merge", &at("parts.jsonl")]);

    let dir_arg = p.display().to_string();
    let (direct, err, code) = run(&["check", "--format", "json", &dir_arg]);
    assert!(code <= 1, "{err}");
    assert!(merged == direct, "the merged report differs from the direct one");

    // The cases the corpus is there for.
    let report: serde_json::Value = serde_json::from_str(&direct).unwrap();
    let source = |id: &str| {
        report["sources"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(source("valley-repost.md")["duplicate_of"], "orchard-gazette.txt");
    let evidence = source("valley-repost.md")["published_evidence"].to_string();
    assert!(evidence.contains("which it copies"), "{evidence}");
    assert_eq!(source("orchard-gazette.txt")["published_from"], "inferred");
    assert!(
        source("lunford-notes.txt")["notes"]
            .to_string()
            .contains("windows-1252")
    );
}

#[test]
fn a_bad_line_is_answered_in_its_place_and_left_out_of_the_corpus() {
    let work = tempfile::tempdir().unwrap();
    let docs = work.path().join("docs.jsonl");
    let good = serde_json::json!({"id": "a.txt", "path": "a.txt", "text": "Port director Tomas Brenn said on Monday that 300 cranes stood idle."});
    let binary = serde_json::json!({"id": "b.txt", "path": "b.txt", "base64": "R0lGODlhAAEAAA=="});
    write_lines(
        &docs,
        [
            good.to_string(),
            "{\"id\": \"c.txt\", \"path\": ".into(),
            binary.to_string(),
            serde_json::json!({"id": "d.txt", "path": "d.txt"}).to_string(),
        ],
    );
    let out = ok(&["keys", &docs.display().to_string()]);
    let answers = lines(&out);
    assert_eq!(answers.len(), 4);
    assert_eq!(answers[3]["id"], "d.txt");
    assert!(
        answers[3]["error"].as_str().unwrap().contains("\"base64\""),
        "{}",
        answers[3]
    );
    assert_eq!(answers[0]["id"], "a.txt");
    assert!(answers[0]["error"].is_null());
    assert!(answers[1]["error"].as_str().unwrap().contains(":2:"), "{}", answers[1]);
    assert_eq!(answers[2]["id"], "b.txt");
    assert!(
        answers[2]["error"].as_str().unwrap().contains("binary data"),
        "{}",
        answers[2]
    );

    let keys = work.path().join("keys.jsonl");
    std::fs::write(&keys, out).unwrap();
    let assigned = lines(&ok(&["assign", &keys.display().to_string()]));
    assert_eq!(assigned.len(), 1, "only the readable document is in the corpus");
    assert_eq!(assigned[0]["story"], "a.txt");
}

#[test]
fn two_parts_for_one_source_stop_the_merge() {
    let work = tempfile::tempdir().unwrap();
    let part = serde_json::json!({
        "source": {"id": "a.txt", "path": "a.txt", "published": null, "published_from": "unknown",
                   "published_evidence": null, "duplicate_of": null, "publisher": null, "title": null,
                   "url": null, "claims": 0},
        "story": "a.txt", "claims": ""
    });
    let one = work.path().join("one.jsonl");
    write_lines(&one, [part.to_string()]);
    let report: serde_json::Value = serde_json::from_str(&ok(&["merge", &one.display().to_string()])).unwrap();
    assert_eq!(report["stories"][0]["sources"][0], "a.txt");
    let twice = work.path().join("twice.jsonl");
    write_lines(&twice, [part.to_string(), part.to_string()]);
    let (_, err, code) = run(&["merge", &twice.display().to_string()]);
    assert_eq!(code, 2);
    assert!(err.contains("two parts describe the source a.txt"), "{err}");
}

#[test]
fn a_malformed_part_stops_the_merge_with_its_place() {
    let work = tempfile::tempdir().unwrap();
    let parts = work.path().join("parts.jsonl");
    std::fs::write(&parts, "{\"finding\": {\"rule\": 3}, \"first\": 0}\n").unwrap();
    let (_, err, code) = run(&["merge", &parts.display().to_string()]);
    assert_eq!(code, 2);
    assert!(err.contains("parts.jsonl:1:"), "{err}");
}

#[test]
fn a_story_check_takes_no_report_options() {
    let (_, err, code) = run(&["check", "--input", "story-jsonl", "--format", "json", "-"]);
    assert_eq!(code, 2);
    assert!(err.contains("--format"), "{err}");
    // `--input jsonl` is what `keys` reads anyway.
    let (out, err, code) = run(&["keys", "--input", "jsonl", "tests/shard.rs"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.lines().all(|l| l.contains("\"error\"")), "{out}");
}
