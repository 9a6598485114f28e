//! The rules read the claim graph: the findings come from its edges, and
//! `claimcheck graph` prints the graph they read.

use claimcheck::analysis::Analysis;
use claimcheck::graph::Edge;
use claimcheck::rules;
use claimcheck::source::{Format, Source};

fn analysis(articles: &[(&str, &str)]) -> Analysis {
    let sources = articles
        .iter()
        .map(|(id, text)| Source::parse(id, id, text.as_bytes().to_vec(), Format::Text, None))
        .collect();
    Analysis::run(sources)
}

/// Two reports of one remark, dated differently.
fn two_reports() -> Analysis {
    analysis(&[
        (
            "a.txt",
            "March 5, 2025\n\nOn Tuesday, March 4, the harbour master Lena Sorvik said: \"The cranes will stand still until the contract is signed.\"\n",
        ),
        (
            "b.txt",
            "March 5, 2025\n\nOn Monday, March 3, the harbour master Lena Sorvik said: \"The cranes will stand still until the contract is signed.\"\n",
        ),
    ])
}

#[test]
fn findings_follow_the_graph_edges() {
    let rules = rules::load(None).expect("default rules");
    let mut a = two_reports();
    let findings = rules::engine::run(&rules, &a);
    assert!(
        findings.iter().any(|f| f.rule == "date-mismatch"),
        "{:?}",
        findings.iter().map(|f| &f.rule).collect::<Vec<_>>()
    );
    // The list of links stays; only the graph's same-* edges go.
    assert!(!a.links.is_empty());
    a.graph.graph.retain_edges(|g, e| !matches!(g[e], Edge::Same { .. }));
    let findings = rules::engine::run(&rules, &a);
    assert!(!findings.iter().any(|f| f.rule == "date-mismatch"), "{findings:?}");
}

#[test]
fn the_printed_graph_is_the_one_the_rules_read() {
    let a = two_reports();
    let dir = tempfile::tempdir().expect("temp dir");
    for s in &a.sources {
        std::fs::write(dir.path().join(&s.id), s.bytes()).expect("write");
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["graph", "--format", "json"])
        .arg(dir.path())
        .output()
        .expect("run claimcheck graph");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        a.graph.to_json(&a.sources, &a.claims)
    );
    let same = a
        .graph
        .graph
        .edge_weights()
        .filter(|e| matches!(e, Edge::Same { .. }))
        .count();
    assert_eq!(same, a.links.len());
    assert!(a.graph.to_dot(&a.sources, &a.claims).contains("same-remark"));
}

#[test]
fn a_statement_is_dated_on_the_date_claim_that_dates_it() {
    let a = two_reports();
    let g = &a.graph.graph;
    let dated: Vec<(String, String)> = g
        .edge_indices()
        .filter(|e| matches!(g[*e], Edge::DatedOn))
        .filter_map(|e| {
            let (from, to) = g.edge_endpoints(e)?;
            let id = |n| match &g[n] {
                claimcheck::graph::Node::Claim(i) => {
                    let c = &a.claims[*i];
                    Some(format!("{} {}", c.id(), c.kind().as_str()))
                }
                _ => None,
            };
            Some((id(from)?, id(to)?))
        })
        .collect();
    assert_eq!(dated.len(), 2, "{dated:?}");
    for (statement, date) in &dated {
        assert!(statement.ends_with("statement") && date.ends_with("date"), "{dated:?}");
        assert_eq!(statement.split('#').next(), date.split('#').next(), "one source");
    }
}

/// Speakers across sources: a surname alone meets the full name, and
/// namesakes never share a remark.
#[test]
fn a_surname_meets_its_full_name_and_namesakes_stay_apart() {
    let rules = rules::load(None).expect("default rules");
    // One remark, its words drifted, by "Lind" in one source and "Maria
    // Lind" in the other: one person, so a drift.
    let a = analysis(&[
        (
            "a.txt",
            "Maria Lind and Carl Lind spoke. \"The cranes will stand still until the contract is signed by all,\" Lind said.\n",
        ),
        (
            "b.txt",
            "\"The cranes will stand still until the contract is signed by everyone,\" Maria Lind said.\n",
        ),
    ]);
    let findings = rules::engine::run(&rules, &a);
    assert!(findings.iter().any(|f| f.rule == "quote-drift"), "{findings:?}");
    assert!(
        !findings.iter().any(|f| f.rule == "attribution-mismatch"),
        "{findings:?}"
    );
    // The same words by Maria Lind and by Carl Lind: two people, so a
    // misattribution, and no drift between them.
    let a = analysis(&[
        (
            "a.txt",
            "\"The cranes will stand still until the contract is signed by all,\" Maria Lind said.\n",
        ),
        (
            "b.txt",
            "\"The cranes will stand still until the contract is signed by all,\" Carl Lind said.\n",
        ),
    ]);
    let findings = rules::engine::run(&rules, &a);
    assert!(
        findings.iter().any(|f| f.rule == "attribution-mismatch"),
        "{findings:?}"
    );
}

/// A quoted title is a name, not a remark: two sources that quote a motto
/// differently have not misquoted anyone.
#[test]
fn quoted_titles_are_never_one_remark() {
    let rules = rules::load(None).expect("default rules");
    let a = analysis(&[
        (
            "a.txt",
            "Ada Lind said the new coins would carry \"In Harbour We Trust\" on the back.\n",
        ),
        (
            "b.txt",
            "Ada Lind said the new coins would carry \"In Harbour We Believe\" on the back.\n",
        ),
    ]);
    let findings = rules::engine::run(&rules, &a);
    assert!(!findings.iter().any(|f| f.rule == "quote-drift"), "{findings:?}");
}
