//! A hard-wrapped copy and a re-posted copy of an article give the same
//! statements as the original: same words, speakers and dates.

mod common;

use common::run;

fn statements(path: &str) -> Vec<(String, String, String, bool)> {
    let (out, err, code) = run(&["extract", "--format", "json", path]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] == "statement")
        .map(|c| {
            let v = &c["value"];
            (
                v["quote"].as_str().unwrap().to_string(),
                v["speaker"].as_str().unwrap_or("?").to_string(),
                v["date"].as_str().unwrap_or("-").to_string(),
                v["direct"].as_bool().unwrap(),
            )
        })
        .collect()
}

/// Greedy wrap of every paragraph at `width` columns, as print-to-text tools do.
fn hard_wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let mut col = 0;
        for word in line.split(' ') {
            if col > 0 && col + 1 + word.chars().count() > width {
                out.push('\n');
                col = 0;
            } else if col > 0 {
                out.push(' ');
                col += 1;
            }
            out.push_str(word);
            col += word.chars().count();
        }
        out.push('\n');
    }
    out
}

#[test]
fn a_hard_wrapped_copy_gives_the_same_statements() {
    let original = "examples/harbour-strike/valmora-herald.txt";
    let dir = tempfile::tempdir().unwrap();
    let wrapped = dir.path().join("valmora-herald.txt");
    std::fs::write(&wrapped, hard_wrap(&std::fs::read_to_string(original).unwrap(), 72)).unwrap();
    let want = statements(original);
    assert!(want.len() >= 6, "{want:?}");
    assert_eq!(statements(&wrapped.to_string_lossy()), want);
}

#[test]
fn a_reposted_copy_gives_the_same_statements() {
    assert_eq!(
        statements("examples/harbour-strike/portwatch-repost.txt"),
        statements("examples/harbour-strike/valmora-herald.txt")
    );
}
