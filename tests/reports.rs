//! Every report format on the example corpus, CLI transcripts, SARIF
//! validity and determinism.

mod common;

use common::{EXAMPLES, copy_examples, run, settings, transcript};

#[test]
fn every_format_on_the_examples() {
    for format in ["sarif", "markdown", "github", "html"] {
        let (out, err, code) = run(&["check", "--format", format, EXAMPLES]);
        assert_eq!(code, 1, "{err}");
        settings().bind(|| insta::assert_snapshot!(format!("report__examples_{format}"), out));
    }
}

#[test]
fn transcripts_of_a_clean_run_a_run_with_findings_and_fail_on_warning() {
    settings().bind(|| {
        // One article has nothing to disagree with.
        insta::assert_snapshot!(
            "cli__clean_run",
            transcript(&["check", "examples/harbour-strike/harbour-daily.txt"])
        );
        insta::assert_snapshot!(
            "cli__run_with_findings",
            transcript(&[
                "check",
                "--color",
                "always",
                "examples/harbour-strike/baltic-wire.html",
                "examples/harbour-strike/valmora-herald.txt"
            ])
        );
        // Only a warning (the copy): passes by default, fails at --fail-on warning.
        let pair = [
            "examples/harbour-strike/portwatch-repost.txt",
            "examples/harbour-strike/valmora-herald.txt",
        ];
        insta::assert_snapshot!(
            "cli__fail_on_warning",
            transcript(&["check", "--fail-on", "warning", pair[0], pair[1]])
        );
    });
}

/// The official SARIF 2.1.0 schema is read from CLAIMCHECK_SARIF_SCHEMA
/// (`.ci/run` sets it); a fresh clone has no copy, so the test says so and passes.
#[test]
fn sarif_validates_against_the_official_schema() {
    let Ok(path) = std::env::var("CLAIMCHECK_SARIF_SCHEMA") else {
        println!("skipped: set CLAIMCHECK_SARIF_SCHEMA to sarif-schema-2.1.0.json to validate SARIF");
        return;
    };
    let schema: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let (out, _, _) = run(&["check", "--format", "sarif", EXAMPLES]);
    let sarif: serde_json::Value = serde_json::from_str(&out).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // Both sources of every cross-source result are located.
    for r in sarif["runs"][0]["results"].as_array().unwrap() {
        let uri = |l: &serde_json::Value| {
            l["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .to_string()
        };
        let primary = uri(&r["locations"][0]);
        let related: Vec<String> = r["relatedLocations"].as_array().unwrap().iter().map(uri).collect();
        // One result per disagreement: every other source involved is a
        // related location.
        assert!(!related.is_empty(), "{r}");
        assert!(related.iter().all(|x| *x != primary), "{r}");
    }
}

#[test]
fn sarif_locates_both_sources_without_the_official_schema() {
    let (out, _, _) = run(&["check", "--format", "sarif", EXAMPLES]);
    let sarif: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    // One result per disagreement: four planted ones and a copy.
    assert_eq!(results.len(), 5);
    let rules: Vec<&str> = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        rules,
        [
            "attribution-mismatch",
            "date-mismatch",
            "duplicate-source",
            "figure-mismatch",
            "quote-drift"
        ]
    );
    for r in results {
        assert!(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].is_string());
        assert!(r["relatedLocations"].as_array().is_some_and(|l| !l.is_empty()), "{r}");
    }
}

/// A copy of the corpus written file by file in reverse order.
fn reversed_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut names: Vec<_> = std::fs::read_dir(EXAMPLES)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    names.reverse();
    for p in names {
        std::fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
    }
    dir
}

#[test]
fn output_is_identical_across_runs_file_orders_and_threads() {
    for format in ["json", "sarif", "html"] {
        let first = run(&["check", "--format", format, EXAMPLES]).0;
        let again = run(&["check", "--format", format, EXAMPLES]).0;
        assert_eq!(first, again, "{format}: two runs");
        let dir = reversed_copy();
        let path = dir.path().to_string_lossy().to_string();
        let reversed = run(&["check", "--format", format, &path]).0.replace(&path, EXAMPLES);
        assert_eq!(first, reversed, "{format}: reversed file order");
        let one_thread = std::process::Command::new(env!("CARGO_BIN_EXE_claimcheck"))
            .args(["check", "--format", format, EXAMPLES])
            .env("RAYON_NUM_THREADS", "1")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        assert_eq!(
            first,
            String::from_utf8(one_thread.stdout).unwrap(),
            "{format}: one thread"
        );
    }
}

#[test]
fn output_file_is_written_whole_or_not_at_all() {
    let dir = copy_examples();
    let out = dir.path().join("report.json");
    let (stdout, _, code) = run(&[
        "check",
        "--format",
        "json",
        "--output",
        &out.to_string_lossy(),
        EXAMPLES,
    ]);
    assert_eq!((code, stdout.as_str()), (1, ""));
    let written: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(written["findings"].as_array().unwrap().len(), 5);
    // A run that fails before reporting leaves no file behind.
    let bad = dir.path().join("bad.yaml");
    std::fs::write(&bad, "id: x\n").unwrap();
    let missing = dir.path().join("never.json");
    let (_, _, code) = run(&[
        "check",
        "--rules",
        &bad.to_string_lossy(),
        "--output",
        &missing.to_string_lossy(),
        EXAMPLES,
    ]);
    assert_eq!(code, 2);
    assert!(!missing.exists());
}

#[test]
fn statistics_and_quiet() {
    let (_, err, _) = run(&["check", "--statistics", "--format", "json", EXAMPLES]);
    assert!(
        err.contains("findings quote-drift")
            && err.contains("claims   statement")
            && err.contains("time     extraction"),
        "{err}"
    );
    let dir = copy_examples();
    std::fs::write(dir.path().join("notes.csv"), "a,b\n").unwrap();
    let (_, err, _) = run(&["check", "--quiet", &dir.path().to_string_lossy()]);
    assert!(err.is_empty(), "{err}");
}

#[test]
fn statistics_explain_every_merge_of_names() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Port director Vicente Olmo said the cranes would move on Monday.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("b.txt"), "Olmo said the cranes would move on Monday.\n").unwrap();
    std::fs::write(
        dir.path().join("c.txt"),
        "Vincente Olmo said the cranes would move on Monday.\n",
    )
    .unwrap();
    let (_, err, _) = run(&[
        "check",
        "--statistics",
        "--format",
        "json",
        &dir.path().to_string_lossy(),
    ]);
    assert!(
        err.contains("person   Vicente Olmo = Olmo (b.txt): a surname alone, and one person of that surname"),
        "{err}"
    );
    assert!(
        err.contains(
            "person   Vicente Olmo = Vincente Olmo (c.txt): the same surname, the given name one letter apart"
        ),
        "{err}"
    );
}

/// Article text and file names are text in the page, never markup: a
/// hostile article cannot run a script or close an element.
#[test]
fn hostile_article_text_stays_inert_in_the_html_report() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    let story = |said: &str| {
        format!(
            "Port officials met on Monday. {hostile} \"The cranes will stand still until the contract is signed by {said},\" \
             union leader Ines Marlow said on Tuesday. The strike cost $4 million.\n"
        )
    };
    std::fs::write(dir.path().join("a<b>.txt"), story("all")).unwrap();
    std::fs::write(dir.path().join("c&d.txt"), story("everyone at the port")).unwrap();
    let path = dir.path().to_string_lossy().to_string();
    let (out, err, _) = run(&["check", "--format", "html", &path]);
    assert!(out.starts_with("<!DOCTYPE html>"), "{err}");
    // The page's own script is the only one; the article's tags are text.
    assert_eq!(out.matches("<script>").count(), 1, "{out}");
    assert!(!out.contains("<img"), "{out}");
    assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(out.contains("a&lt;b&gt;.txt") && out.contains("c&amp;d.txt"));
    assert!(!out.contains("a<b>.txt") && !out.contains("c&d.txt"));
}
