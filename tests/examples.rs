//! The bundled example corpus: claims of each article and the check report,
//! reviewed as snapshots.

mod common;

use common::{EXAMPLES, run, settings};

#[test]
fn extract_each_example_article() {
    let mut files: Vec<_> = std::fs::read_dir(EXAMPLES)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| claimcheck::source::Format::from_path(p).is_some())
        .collect();
    files.sort();
    assert_eq!(files.len(), 5);
    for f in files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let (out, err, code) = run(&["extract", "--format", "json", &f.to_string_lossy()]);
        assert_eq!(code, 0, "{err}");
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        settings().bind(|| insta::assert_json_snapshot!(format!("extract__{name}"), json));
    }
}

#[test]
fn check_report_json() {
    let (out, _, code) = run(&["check", "--format", "json", EXAMPLES]);
    assert_eq!(code, 1, "the examples hold planted errors");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    settings().bind(|| insta::assert_json_snapshot!("check__examples_json", json));
}

#[test]
fn check_report_human() {
    let (out, _, code) = run(&["check", EXAMPLES]);
    assert_eq!(code, 1);
    settings().bind(|| insta::assert_snapshot!("check__examples_human", out));
}

/// Each planted disagreement of the corpus is one finding, its sources
/// grouped by the value they give, the copy folded under its original.
#[test]
fn planted_findings_are_found() {
    let (out, _, _) = run(&["check", "--format", "json", EXAMPLES]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let got = common::finding_keys(&json, str::to_string);
    let want: &[(&str, &[&str])] = &[
        (
            "attribution-mismatch",
            &[
                "baltic-wire.html",
                "coastline-news.md",
                "portwatch-repost.txt",
                "valmora-herald.txt",
            ],
        ),
        (
            "date-mismatch",
            &[
                "baltic-wire.html",
                "coastline-news.md",
                "harbour-daily.txt",
                "portwatch-repost.txt",
                "valmora-herald.txt",
            ],
        ),
        ("duplicate-source", &["portwatch-repost.txt", "valmora-herald.txt"]),
        (
            "figure-mismatch",
            &["baltic-wire.html", "portwatch-repost.txt", "valmora-herald.txt"],
        ),
        (
            "quote-drift",
            &[
                "baltic-wire.html",
                "harbour-daily.txt",
                "portwatch-repost.txt",
                "valmora-herald.txt",
            ],
        ),
    ];
    let want: Vec<(String, Vec<String>)> = want
        .iter()
        .map(|(r, s)| (r.to_string(), s.iter().map(|x| x.to_string()).collect()))
        .collect();
    assert_eq!(got, want);
    // The groups: who gives which value; the repost repeats the herald.
    let groups = |rule: &str| -> Vec<(String, Vec<String>, Vec<String>)> {
        let f = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["rule"] == rule)
            .unwrap();
        let names = |v: &serde_json::Value| {
            v.as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_str().unwrap().to_string())
                .collect()
        };
        f["groups"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| {
                (
                    g["value"].as_str().unwrap().to_string(),
                    names(&g["sources"]),
                    names(&g["copies"]),
                )
            })
            .collect()
    };
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(
        groups("date-mismatch"),
        [
            ("2025-03-03".to_string(), s(&["harbour-daily.txt"]), s(&[])),
            (
                "2025-03-04".to_string(),
                s(&["baltic-wire.html", "coastline-news.md", "valmora-herald.txt"]),
                s(&["portwatch-repost.txt"])
            ),
        ]
    );
}

/// Publication dates come from each kind of metadata, and a yearless
/// dateline takes its year from a weekday beside a date.
#[test]
fn publication_dates_and_their_origin() {
    let (out, _, _) = run(&["check", "--format", "json", EXAMPLES]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let got: Vec<(String, String, String)> = json["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap().into(),
                s["published"].as_str().unwrap_or("-").into(),
                s["published_from"].as_str().unwrap().into(),
            )
        })
        .collect();
    let want = [
        ("baltic-wire.html", "2025-03-06", "metadata"),
        ("coastline-news.md", "2025-03-05", "metadata"),
        ("harbour-daily.txt", "2025-03-05", "inferred"),
        ("portwatch-repost.txt", "2025-03-06", "text"),
        ("valmora-herald.txt", "2025-03-05", "text"),
    ];
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(got, want);
}
