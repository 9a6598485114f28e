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
