//! The JSON report (docs/report-format.md).

use std::io;

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
    /// The sources grouped by the event they report, each story named by
    /// its first source.
    stories: Vec<StoryInfo<'a>>,
}

#[derive(Serialize)]
struct StoryInfo<'a> {
    id: &'a str,
    sources: Vec<&'a str>,
}

impl Printer for Json {
    /// The report as pretty JSON with a final newline.
    fn write(&self, report: &Report<'_>, out: &mut dyn io::Write) -> io::Result<()> {
        let doc = Doc {
            schema: SCHEMA,
            sources: report.sources(),
            claims: &report.analysis.claims,
            findings: report.findings,
            stories: report
                .analysis
                .stories
                .iter()
                .map(|st| {
                    let sources: Vec<&str> = st
                        .sources
                        .iter()
                        .map(|&i| report.analysis.sources[i].id.as_str())
                        .collect();
                    StoryInfo {
                        id: sources.first().copied().unwrap_or(""),
                        sources,
                    }
                })
                .collect(),
        };
        serde_json::to_writer_pretty(&mut *out, &doc)?;
        writeln!(out)
    }
}
