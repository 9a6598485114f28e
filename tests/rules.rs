//! The default rules' own test cases, run by `cargo test` as by
//! `claimcheck rules test`.

use claimcheck::cli::{CaseResult, run_case};

#[test]
fn default_rule_cases_pass() {
    let rules = claimcheck::rules::load(None).unwrap();
    let mut failures = Vec::new();
    let mut cases = 0;
    for r in &rules {
        assert!(r.tests.len() >= 3, "{} has fewer than three cases", r.id);
        for case in &r.tests {
            cases += 1;
            let result = run_case(r, case);
            if result != CaseResult::Passed {
                failures.push(format!("{} / {}: {result:?}", r.id, case.name));
            }
        }
    }
    assert!(cases >= 15);
    assert!(failures.is_empty(), "{failures:#?}");
}

/// The worked example of docs/rules.md is a valid rule whose cases pass.
#[test]
fn the_documented_example_rule_passes_its_cases() {
    let doc = std::fs::read_to_string("docs/rules.md").unwrap();
    let start = doc.find("```yaml\nid: count-rounding").expect("the worked example") + "```yaml\n".len();
    let end = start + doc[start..].find("```").unwrap();
    let rule = claimcheck::rules::parse_rule(&doc[start..end], std::path::Path::new("docs/rules.md")).unwrap();
    assert_eq!(rule.tests.len(), 2);
    for case in &rule.tests {
        assert_eq!(run_case(&rule, case), CaseResult::Passed, "{}", case.name);
    }
}
