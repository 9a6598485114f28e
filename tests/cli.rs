//! The command line as users meet it: stdout, stderr and exit status
//! together, as snapshots; and the handling of bad input (docs/report-format.md).

mod common;

use common::{EXAMPLES, copy_examples, run, settings, transcript};

#[test]
fn clean_run_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    let body = "March 5, 2025\n\n\"The port stays open,\" Port Authority Director Tomas Brenn said on Tuesday.\n";
    std::fs::write(dir.path().join("a.txt"), body).unwrap();
    std::fs::write(dir.path().join("b.txt"), body.replace("Tuesday", "Tuesday, March 4")).unwrap();
    let (out, err, code) = run(&["check", &dir.path().to_string_lossy()]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, "0 errors, 0 warnings in 2 sources, 6 claims\n");
}

#[test]
fn findings_exit_one_and_fail_on_moves_the_bar() {
    settings().bind(|| {
        insta::assert_snapshot!(
            "cli__check_fail_on_never",
            transcript(&[
                "check",
                "--fail-on",
                "never",
                "--format",
                "json",
                "examples/harbour-strike/portwatch-repost.txt",
                "examples/harbour-strike/valmora-herald.txt"
            ])
        );
    });
    // Only a warning (the copy): fails at warning, passes at error.
    let pair = [
        "examples/harbour-strike/portwatch-repost.txt",
        "examples/harbour-strike/valmora-herald.txt",
    ];
    assert_eq!(run(&["check", pair[0], pair[1]]).2, 0);
    assert_eq!(run(&["check", "--fail-on", "warning", pair[0], pair[1]]).2, 1);
    assert_eq!(run(&["check", EXAMPLES]).2, 1);
}

#[test]
fn a_missing_named_file_is_reported_and_the_run_goes_on() {
    let (out, err, code) = run(&[
        "check",
        "--format",
        "json",
        "examples/harbour-strike/valmora-herald.txt",
        "no/such/file.txt",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("no/such/file.txt"), "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("a full report");
    assert_eq!(json["sources"].as_array().unwrap().len(), 1);
}

#[cfg(unix)]
#[test]
fn a_named_binary_or_unreadable_file_is_reported_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let image = dir.path().join("image.txt");
    std::fs::write(&image, b"\x89PNG\0\0\0binary").unwrap();
    // A symbolic link that leads to itself cannot be read (not even by root).
    let looped = dir.path().join("loop.txt");
    std::os::unix::fs::symlink(&looped, &looped).unwrap();
    let (out, err, code) = run(&[
        "check",
        "--format",
        "json",
        "examples/harbour-strike/valmora-herald.txt",
        &image.to_string_lossy(),
        &looped.to_string_lossy(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("image.txt: not an article: binary data"), "{err}");
    assert!(err.contains("loop.txt:"), "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("a full report");
    assert_eq!(json["sources"].as_array().unwrap().len(), 1);
}

#[test]
fn a_binary_file_met_while_walking_is_skipped_with_a_note() {
    let dir = copy_examples();
    std::fs::write(dir.path().join("image.txt"), b"\x89PNG\0\0\0binary").unwrap();
    std::fs::write(dir.path().join("notes.csv"), "a,b\n").unwrap();
    let (_, err, code) = run(&["check", "--format", "json", &dir.path().to_string_lossy()]);
    assert_eq!(code, 1, "the status is the findings', not the skipped files'");
    assert!(err.contains("image.txt: skipped, binary data"), "{err}");
    assert!(err.contains("notes.csv: skipped, not an article"), "{err}");
}

#[cfg(unix)]
#[test]
fn links_met_while_walking_are_followed_and_a_loop_or_a_pipe_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let article = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/harbour-strike/valmora-herald.txt");
    std::os::unix::fs::symlink(&article, dir.path().join("linked.txt")).unwrap();
    let looped = dir.path().join("loop.txt");
    std::os::unix::fs::symlink(&looped, &looped).unwrap();
    // A pipe nobody writes to: reading it would wait forever.
    let fifo = dir.path().join("pipe.txt");
    let status = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(status.success());
    let (out, err, code) = run(&["check", "--format", "json", &dir.path().to_string_lossy()]);
    assert!(code == 0 || code == 1, "{err}");
    assert!(err.contains("loop.txt: skipped, "), "{err}");
    assert!(err.contains("pipe.txt: skipped, not a regular file"), "{err}");
    assert_eq!(source_ids(&out), ["linked.txt"]);
}

#[test]
fn windows_1252_text_is_decoded_with_a_note_and_exact_spans() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = b"March 5, 2025\n\n\x93We will not move,\x94 said union leader Ines Marl\xf6w.\n";
    std::fs::write(dir.path().join("a.txt"), bytes).unwrap();
    let (out, err, code) = run(&[
        "extract",
        "--format",
        "json",
        &dir.path().join("a.txt").to_string_lossy(),
    ]);
    assert_eq!(code, 0);
    assert!(err.contains("read as windows-1252"), "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let st = json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "statement")
        .unwrap();
    assert_eq!(st["value"]["speaker"], "Ines Marlöw");
    let (s, e) = (
        st["span"]["start"].as_u64().unwrap() as usize,
        st["span"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&bytes[s..e], b"We will not move");
}

#[test]
fn invalid_rule_files_exit_two_with_file_line_column() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "misspelled-key.yaml",
            "id: x\nseverty: error\nsummary: s\nlink: copy\nmessage: m\n",
        ),
        (
            "wrong-type.yaml",
            "id: x\nseverity: 3\nsummary: s\nlink: copy\nmessage: m\n",
        ),
        (
            "unknown-comparator.yaml",
            "id: x\nseverity: error\nsummary: s\nlink: same-figure\ncompare:\n  field: amount\n  op: differ\nmessage: m\n",
        ),
        (
            "bad-placeholder.yaml",
            "id: x\nseverity: error\nsummary: s\nlink: same-figure\nmessage: \"{a.sorce} differs\"\n",
        ),
    ];
    for (name, text) in cases {
        std::fs::write(dir.path().join(name), text).unwrap();
        let path = dir.path().join(name);
        let (out, err, code) = run(&["check", "--rules", &path.to_string_lossy(), EXAMPLES]);
        let err = err.replace(&dir.path().to_string_lossy().to_string(), "<dir>");
        settings().bind(|| {
            insta::assert_snapshot!(
                format!("cli__invalid_rule_{name}"),
                format!("--- exit: {code}\n--- stdout\n{out}--- stderr\n{err}")
            )
        });
        std::fs::remove_file(path).unwrap();
    }
}

#[test]
fn renamed_rule_and_new_severity_show_in_the_report() {
    let dir = tempfile::tempdir().unwrap();
    for (p, text) in claimcheck::rules::DEFAULT_RULES {
        let name = std::path::Path::new(p).file_name().unwrap();
        let text = text.replace("id: quote-drift", "id: words-changed").replace(
            "severity: warning\nsummary: The same remark",
            "severity: error\nsummary: The same remark",
        );
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    // Deleting a rule file removes its findings.
    std::fs::remove_file(dir.path().join("duplicate-source.yaml")).unwrap();
    let (out, _, _) = run(&[
        "check",
        "--format",
        "json",
        "--rules",
        &dir.path().to_string_lossy(),
        EXAMPLES,
    ]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rules: Vec<(String, String)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().into(),
                f["severity"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert!(rules.contains(&("words-changed".into(), "error".into())), "{rules:?}");
    assert!(
        !rules.iter().any(|(r, _)| r == "quote-drift" || r == "duplicate-source"),
        "{rules:?}"
    );
}

#[test]
fn rules_test_runs_the_default_cases() {
    let (out, _, code) = run(&["rules", "test"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.ends_with("30 passed, 0 failed\n"), "{out}");
}

#[test]
fn extract_jsonl_maps_line_by_line_and_survives_bad_lines() {
    let lines = extract_jsonl(
        "{\"id\": \"a\", \"text\": \"It rained on Wednesday.\", \"published\": \"2025-02-13T00:00:00\"}\nnot json\n{\"id\": 7, \"text\": \"They paid $300 billion.\"}\n",
    );
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["claims"][0]["value"], "2025-02-12");
    assert!(lines[1]["error"].is_string());
    assert_eq!(lines[2]["id"], 7);
    assert_eq!(lines[2]["claims"][0]["value"]["amount"], 300000000000u64);
}

#[test]
fn extract_jsonl_answers_a_line_too_long_or_not_utf8_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.jsonl");
    let mut input = b"{\"id\": \"a\", \"text\": \"It cost $5 million.\"}\n".to_vec();
    // A document of 1.5 MB, above a limit of 1 MB.
    input.extend_from_slice(b"{\"id\": \"big\", \"text\": \"");
    input.extend(std::iter::repeat_n(b'x', 1_500_000));
    input.extend_from_slice(b"\"}\n");
    input.extend_from_slice(b"{\"id\": \"latin\", \"text\": \"caf\xe9\"}\n\n");
    input.extend_from_slice(b"{\"id\": \"b\", \"text\": \"It cost $6 million.\"}");
    std::fs::write(&path, &input).unwrap();
    let (out, err, code) = run(&[
        "extract",
        "--input",
        "jsonl",
        "--format",
        "jsonl",
        "--max-article-mb",
        "1",
        &path.to_string_lossy(),
    ]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert_eq!(lines[0]["claims"][0]["value"]["amount"], 5000000);
    assert_eq!(
        lines[1]["error"],
        format!(
            "{}:2: more than the largest article read (1.0 MB); raise the limit with --max-article-mb",
            path.display()
        )
    );
    assert!(lines[2]["error"].is_string(), "{}", lines[2]);
    assert_eq!(lines[3]["claims"][0]["value"]["amount"], 6000000);
}

/// Runs `extract --input jsonl --format jsonl` on `input`: one JSON value a line.
/// The ids of the sources of a whole JSON report.
fn source_ids(report: &str) -> Vec<String> {
    let json: serde_json::Value = serde_json::from_str(report).expect("a whole report");
    json["sources"]
        .as_array()
        .expect("a list of sources")
        .iter()
        .map(|s| s["id"].as_str().expect("an id").to_string())
        .collect()
}

fn extract_jsonl(input: &str) -> Vec<serde_json::Value> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.jsonl");
    std::fs::write(&path, input).unwrap();
    let (out, _, code) = run(&[
        "extract",
        "--input",
        "jsonl",
        "--format",
        "jsonl",
        &path.to_string_lossy(),
    ]);
    assert_eq!(code, 0);
    out.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn a_given_publication_date_is_not_replaced_by_a_dateline_guess() {
    // "Friday 5/12" reads like a yearless dateline whose weekday would pin
    // 2017; the publication date given with the document wins.
    let lines = extract_jsonl(
        "{\"id\": \"a\", \"text\": \"This task should be done Friday 5/12\", \"published\": \"2019-05-20\"}\n",
    );
    assert_eq!(lines[0]["claims"][0]["value"], "2019-05-12");
}

#[test]
fn graph_exports_dot_and_json() {
    let (dot, _, code) = run(&["graph", "--format", "dot", EXAMPLES]);
    assert_eq!(code, 0);
    assert!(dot.starts_with("digraph claims {") && dot.contains("same-remark") && dot.contains("copy-of"));
    let (json, _, _) = run(&["graph", "--format", "json", EXAMPLES]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(
        v["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["kind"] == "person" && n["name"] == "Tomas Brenn")
    );
}

#[test]
fn output_is_byte_identical_across_runs() {
    let a = run(&["check", "--format", "json", EXAMPLES]).0;
    let b = run(&["check", "--format", "json", EXAMPLES]).0;
    assert_eq!(a, b);
}

#[test]
fn read_shows_what_the_reader_kept() {
    settings().bind(|| {
        insta::assert_snapshot!(
            "cli__read_jsonl",
            transcript(&["read", "--format", "jsonl", "examples/harbour-strike/baltic-wire.html"])
        );
        insta::assert_snapshot!(
            "cli__read_text",
            transcript(&["read", "--format", "text", "examples/harbour-strike/valmora-herald.txt"])
        );
    });
    // One line per article, each a JSON object with the contract's fields.
    let (out, _, code) = run(&["read", "--format", "jsonl", EXAMPLES]);
    assert_eq!(code, 0);
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 5);
    for l in &lines {
        for key in ["id", "path", "published", "published_from", "title", "text"] {
            assert!(l.get(key).is_some(), "{key} missing in {l}");
        }
    }
}

#[test]
fn a_page_with_no_article_text_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("menu.html");
    std::fs::write(
        &page,
        "<html><body><nav><a href=\"/\">Home</a></nav><script>go()</script></body></html>",
    )
    .unwrap();
    let (out, err, code) = run(&["read", "--format", "jsonl", &page.to_string_lossy()]);
    assert_eq!(code, 0);
    assert!(out.contains("\"text\":\"\""), "{out}");
    assert!(err.contains("menu.html: no article text found"), "{err}");
}

#[test]
fn an_article_above_the_size_limit_is_an_error_and_the_others_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let small = "March 5, 2025\n\n\"The port stays open,\" Port Authority Director Tomas Brenn said on Tuesday.\n";
    std::fs::write(dir.path().join("a.txt"), small).unwrap();
    // 1.2 MB of the same paragraph.
    let big: String = small.repeat(1_200_000 / small.len() + 1);
    std::fs::write(dir.path().join("big.txt"), &big).unwrap();
    let folder = dir.path().to_string_lossy().into_owned();
    let (out, err, code) = run(&["check", "--format", "json", "--max-article-mb", "1", &folder]);
    assert_eq!(code, 2, "{err}");
    let big_path = dir.path().join("big.txt");
    assert!(
        err.contains(&format!(
            "{}: 1.2 MB, larger than the largest article read (1.0 MB); raise the limit with --max-article-mb",
            big_path.display()
        )),
        "{err}"
    );
    assert_eq!(source_ids(&out), ["a.txt"]);
    // Raised, the article is read.
    let (_, err, code) = run(&["extract", "--max-article-mb", "2", &folder]);
    assert_eq!((code, err.as_str()), (0, ""));
    // Standard input has no size to ask: it is read up to the limit.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["read", "--max-article-mb", "1", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        // The reader may stop reading at the limit: a broken pipe is fine.
        let _ = stdin.write_all(big.as_bytes());
    }
    let done = child.wait_with_output().unwrap();
    assert_eq!(done.status.code(), Some(2));
    let err = String::from_utf8_lossy(&done.stderr);
    assert!(
        err.contains("-: more than the largest article read (1.0 MB); raise the limit with --max-article-mb"),
        "{err}"
    );
}

#[test]
fn hostile_rule_files_are_refused_with_a_located_error() {
    let dir = tempfile::tempdir().unwrap();
    let valid = std::fs::read_to_string("rules/figure-mismatch.yaml").unwrap();
    // A valid rule padded past 1 MB with a comment.
    let big = format!("{valid}\n# {}\n", "x".repeat(1_100_000));
    let big_path = dir.path().join("big.yaml");
    std::fs::write(&big_path, &big).unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    std::fs::write(articles.join("a.txt"), "March 5, 2025\n\nThe port reopened.\n").unwrap();
    let (out, err, code) = run(&[
        "check",
        "--rules",
        &big_path.to_string_lossy(),
        &articles.to_string_lossy(),
    ]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        format!(
            "error: {}: 1.1 MB, larger than the largest rule file read (1.0 MB); raise the limit with --max-rule-file-mb\n",
            big_path.display()
        )
    );
    let (out, _, code) = run(&["rules", "lint", "--max-rule-file-mb", "2", &big_path.to_string_lossy()]);
    assert_eq!((code, out.as_str()), (0, "1 rules ok\n"));

    // Aliases that would expand a billion-fold, and 10,000 open brackets.
    let mut bomb = String::from("id: bomb\nseverity: warning\nsummary: s\nlink: same-figure\nmessage: m\ntests:\n");
    bomb.push_str("  - &a0 {name: t, sources: {a.txt: x}, expect: []}\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 10].join(", ");
        bomb.push_str(&format!("  - &a{i} [{refs}]\n"));
    }
    let deep = format!(
        "id: deep\nseverity: warning\nsummary: {}{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    for (name, text) in [("bomb.yaml", bomb), ("deep.yaml", deep)] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let (_, err, code) = run(&["rules", "lint", &path.to_string_lossy()]);
        assert_eq!(code, 2, "{name}: {err}");
        // file:line:column, and a frame of bounded width.
        let located = format!("error: {}:", path.display());
        assert!(err.starts_with(&located), "{name}: {err}");
        let position = err[located.len()..].split(' ').next().unwrap();
        assert!(
            position
                .trim_end_matches(':')
                .split(':')
                .all(|n| n.parse::<usize>().is_ok()),
            "{name}: {err}"
        );
        assert!(err.lines().all(|l| l.chars().count() < 200), "{name}: {err}");
    }
}

#[test]
fn an_article_in_deeply_nested_html_or_beside_thousands_of_links_keeps_its_claims() {
    let text = std::fs::read_to_string("examples/harbour-strike/valmora-herald.txt").unwrap();
    let paras: String = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("<p>{l}</p>"))
        .collect();
    let links: String = (0..50_000)
        .map(|i| format!("<a href=\"/p{i}\">Link {i}</a> "))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let pages = [
        (
            "deep.html",
            format!(
                "<html><body>{}{paras}{}</body></html>",
                "<div>".repeat(100_000),
                "</div>".repeat(100_000)
            ),
        ),
        (
            "links.html",
            format!("<html><body><nav>{links}</nav><article>{paras}</article></body></html>"),
        ),
    ];
    // The claims as kind and value, the same whatever file holds them.
    let claims = |path: &std::path::Path| -> Vec<String> {
        let (out, err, code) = run(&["extract", "--format", "json", &path.to_string_lossy()]);
        assert_eq!((code, err.as_str()), (0, ""), "{}", path.display());
        let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
        doc["claims"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| format!("{} {}", c["kind"], c["value"]))
            .collect()
    };
    let expected = claims(std::path::Path::new("examples/harbour-strike/valmora-herald.txt"));
    assert!(expected.len() > 10, "{expected:?}");
    for (name, page) in pages {
        let path = dir.path().join(name);
        std::fs::write(&path, page).unwrap();
        assert_eq!(claims(&path), expected, "{name}");
    }
}
