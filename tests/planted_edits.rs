//! Each single planted edit in a copy of the example corpus makes exactly
//! the matching finding appear, and takes no finding away.

mod common;

use std::collections::BTreeSet;

use common::{copy_examples, edit, run};

/// (rule, sorted sources, groups as "value: sources") of every finding.
type Key = (String, Vec<String>, Vec<String>);

fn findings(dir: &std::path::Path) -> BTreeSet<Key> {
    let (out, err, code) = run(&["check", "--format", "json", &dir.to_string_lossy()]);
    assert!(code == 0 || code == 1, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let list = |v: &serde_json::Value| -> Vec<String> {
                let mut l: Vec<String> = v
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s.as_str().unwrap().to_string())
                    .collect();
                l.sort();
                l
            };
            let groups = f["groups"]
                .as_array()
                .unwrap()
                .iter()
                .map(|g| format!("{}: {:?}", g["value"], list(&g["sources"])))
                .collect();
            (f["rule"].as_str().unwrap().to_string(), list(&f["sources"]), groups)
        })
        .collect()
}

/// The edit of `file` makes a new disagreement of `rule` that involves it
/// (a new finding, or a new value in an existing one), and nothing else:
/// every earlier finding is still there, with at least its sources.
fn assert_only_new(rule: &str, file: &str, from: &str, to: &str) {
    let dir = copy_examples();
    let before = findings(dir.path());
    edit(dir.path(), file, from, to);
    let after = findings(dir.path());
    let added: Vec<_> = after.difference(&before).collect();
    for (r, sources, _) in before.difference(&after) {
        let kept = added
            .iter()
            .any(|(ar, asrc, _)| ar == r && sources.iter().all(|s| asrc.contains(s)));
        assert!(kept, "an edit of {file} took a {r} finding away: {sources:?}");
    }
    assert!(!added.is_empty(), "no {rule} appeared after editing {file}");
    for (r, sources, groups) in &added {
        assert_eq!(r, rule, "unexpected {r} for {sources:?}");
        assert!(
            groups.iter().any(|g| g.contains(file)),
            "{r} between {sources:?} does not involve {file}: {groups:?}"
        );
    }
}

#[test]
fn a_shifted_date_gives_a_date_mismatch() {
    assert_only_new(
        "date-mismatch",
        "coastline-news.md",
        "On March 4, union leader",
        "On March 2, union leader",
    );
}

#[test]
fn a_changed_figure_gives_a_figure_mismatch() {
    assert_only_new("figure-mismatch", "coastline-news.md", "4.2bn euros", "4.8bn euros");
}

#[test]
fn a_changed_quoted_word_gives_quote_drift() {
    assert_only_new(
        "quote-drift",
        "coastline-news.md",
        "cannot afford another week of this",
        "cannot afford another month of this",
    );
}

#[test]
fn a_swapped_speaker_gives_an_attribution_mismatch() {
    assert_only_new(
        "attribution-mismatch",
        "coastline-news.md",
        "the port director added on Tuesday",
        "Mayor Elena Sorvik added on Tuesday",
    );
}

#[test]
fn the_unedited_copy_gives_the_same_findings() {
    let dir = copy_examples();
    let (a, _, _) = run(&["check", "--format", "json", &dir.path().to_string_lossy()]);
    let (b, _, _) = run(&["check", "--format", "json", common::EXAMPLES]);
    let strip = |s: &str| {
        let mut v: serde_json::Value = serde_json::from_str(s).unwrap();
        for src in v["sources"].as_array_mut().unwrap() {
            src["path"] = serde_json::Value::Null;
        }
        v
    };
    assert_eq!(strip(&a), strip(&b));
}
