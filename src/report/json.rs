//! The JSON report of CONTRACT.md.

use serde::Serialize;

use super::{Report, SourceInfo};
use crate::claim::Claim;
use crate::finding::Finding;

pub const SCHEMA: &str = "claimcheck/report/v1";

#[derive(Serialize)]
struct Json<'a> {
    schema: &'static str,
    sources: Vec<SourceInfo>,
    claims: &'a [Claim],
    findings: &'a [Finding],
}

/// The report as pretty JSON with a final newline.
pub fn render(report: &Report<'_>) -> String {
    let json = Json {
        schema: SCHEMA,
        sources: report.sources(),
        claims: &report.analysis.claims,
        findings: report.findings,
    };
    let mut s = serde_json::to_string_pretty(&json).expect("report serializes");
    s.push('\n');
    s
}
