//! The JSON report of CONTRACT.md.

use serde::Serialize;

use super::model::{Printer, Report, SourceInfo};
use crate::claim::Claim;
use crate::finding::Finding;

pub const SCHEMA: &str = "claimcheck/report/v1";

pub struct Json;

#[derive(Serialize)]
struct Doc<'a> {
    schema: &'static str,
    sources: Vec<SourceInfo>,
    claims: &'a [Claim],
    findings: &'a [Finding],
}

impl Printer for Json {
    /// The report as pretty JSON with a final newline.
    fn render(&self, report: &Report<'_>) -> String {
        let doc = Doc {
            schema: SCHEMA,
            sources: report.sources(),
            claims: &report.analysis.claims,
            findings: report.findings,
        };
        let mut s = serde_json::to_string_pretty(&doc).expect("report serializes");
        s.push('\n');
        s
    }
}
