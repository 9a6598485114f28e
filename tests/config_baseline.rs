//! `claimcheck.yaml` and baselines, on copies of the example corpus.

mod common;

use common::{copy_examples, run};

fn rules_and_severities(out: &str) -> Vec<(String, String)> {
    let json: serde_json::Value = serde_json::from_str(out).unwrap();
    let mut v: Vec<(String, String)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    v.dedup();
    v
}

#[test]
fn configuration_disables_rules_and_overrides_severities() {
    let dir = copy_examples();
    std::fs::write(
        dir.path().join("claimcheck.yaml"),
        "disable: [duplicate-source]\nseverity:\n  quote-drift: error\n",
    )
    .unwrap();
    let (out, err, code) = run(&["check", "--format", "json", &dir.path().to_string_lossy()]);
    assert_eq!(code, 1, "{err}");
    let got = rules_and_severities(&out);
    assert!(got.iter().all(|(r, _)| r != "duplicate-source"), "{got:?}");
    assert!(got.contains(&("quote-drift".into(), "error".into())), "{got:?}");
    // The command line wins over the configuration's rules; its overrides still apply.
    let (out, err, _) = run(&[
        "check",
        "--format",
        "json",
        "--rules",
        "rules/quote-drift.yaml",
        &dir.path().to_string_lossy(),
    ]);
    assert_eq!(
        rules_and_severities(&out),
        [("quote-drift".to_string(), "error".to_string())],
        "{err}"
    );
}

#[test]
fn configuration_with_an_unknown_rule_id_stops_the_run() {
    let dir = copy_examples();
    std::fs::write(dir.path().join("claimcheck.yaml"), "disable: [quote-drfit]\n").unwrap();
    let (out, err, code) = run(&["check", &dir.path().to_string_lossy()]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("claimcheck.yaml:1:11: unknown rule id `quote-drfit`"),
        "{err}"
    );
    assert!(err.contains("did you mean `quote-drift`?"), "{err}");
}

#[test]
fn a_baseline_hides_its_findings_after_unrelated_edits() {
    let dir = copy_examples();
    let base = dir.path().join("baseline.json");
    let path = dir.path().to_string_lossy().to_string();
    let (_, err, _) = run(&[
        "check",
        "--format",
        "json",
        "--write-baseline",
        &base.to_string_lossy(),
        &path,
    ]);
    assert!(err.contains("note: wrote 5 accepted findings"), "{err}");
    std::fs::rename(&base, dir.path().join("baseline.keep")).unwrap();
    let base = dir.path().join("baseline.keep");
    let (out, err, code) = run(&[
        "check",
        "--format",
        "json",
        "--baseline",
        &base.to_string_lossy(),
        &path,
    ]);
    assert_eq!((code, rules_and_severities(&out).len()), (0, 0), "{err}");
    assert!(err.contains("5 findings accepted by the baseline"), "{err}");
    // A paragraph inserted at the top of every article moves every line.
    for name in ["valmora-herald.txt", "harbour-daily.txt", "portwatch-repost.txt"] {
        let p = dir.path().join(name);
        let text = std::fs::read_to_string(&p).unwrap();
        std::fs::write(
            &p,
            format!("Editor's note: this story was updated with new photographs.\n\n{text}"),
        )
        .unwrap();
    }
    let md = dir.path().join("coastline-news.md");
    let text =
        std::fs::read_to_string(&md)
            .unwrap()
            .replacen("# Valmora", "An editor's note added later.\n\n# Valmora", 1);
    std::fs::write(&md, text).unwrap();
    let html = dir.path().join("baltic-wire.html");
    let text =
        std::fs::read_to_string(&html)
            .unwrap()
            .replacen("<article>", "<article>\n<p>Correction appended.</p>", 1);
    std::fs::write(&html, text).unwrap();
    let (out, err, code) = run(&[
        "check",
        "--format",
        "json",
        "--baseline",
        &base.to_string_lossy(),
        &path,
    ]);
    assert_eq!((code, rules_and_severities(&out).len()), (0, 0), "{err}");
    assert!(!err.contains("stale"), "{err}");
    // A finding that goes away is listed as stale.
    common::edit(
        dir.path(),
        "baltic-wire.html",
        "once safety is guaranteed, and not a day earlier",
        "when safety is guaranteed, not a day sooner",
    );
    let (_, err, _) = run(&[
        "check",
        "--format",
        "json",
        "--baseline",
        &base.to_string_lossy(),
        &path,
    ]);
    assert!(
        err.contains("stale baseline entry (no longer found): quote-drift"),
        "{err}"
    );
}
