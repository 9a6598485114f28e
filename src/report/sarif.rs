//! SARIF 2.1.0, built with serde-sarif: one result per finding, source A as
//! its location and the other sources as related locations.

use serde_sarif::sarif;
use std::io;

use super::model::{Printer, Report};
use crate::finding::{Finding, Label, Severity};

pub struct Sarif;

fn level(s: Severity) -> sarif::ResultLevel {
    match s {
        Severity::Error => sarif::ResultLevel::Error,
        Severity::Warning => sarif::ResultLevel::Warning,
        Severity::Info => sarif::ResultLevel::Note,
    }
}

fn location(report: &Report<'_>, label: &Label, value: Option<&str>) -> Option<sarif::Location> {
    let a = report.analysis;
    let source = a.source(&label.source)?;
    let artifact = sarif::ArtifactLocation::builder()
        .uri(source.path.replace('\\', "/"))
        .build();
    let physical = match label.claim.map(|c| &a.claims[c]) {
        Some(claim) => {
            let end = source.locate_offset(claim.span.end);
            let region = sarif::Region::builder()
                .start_line(claim.span.line as i64)
                .start_column(claim.span.column as i64)
                .end_line(end.line as i64)
                .end_column(end.column as i64)
                .byte_offset(claim.span.start as i64)
                .byte_length((claim.span.end - claim.span.start) as i64)
                .build();
            sarif::PhysicalLocation::builder()
                .artifact_location(artifact)
                .region(region)
                .build()
        }
        None => sarif::PhysicalLocation::builder().artifact_location(artifact).build(),
    };
    let loc = sarif::Location::builder().physical_location(physical);
    Some(match value {
        Some(v) => loc
            .message(sarif::Message::builder().text(v.to_string()).build())
            .build(),
        None => loc.build(),
    })
}

fn result(report: &Report<'_>, f: &Finding) -> sarif::Result {
    let located: Vec<sarif::Location> = f
        .labels
        .iter()
        .enumerate()
        .filter_map(|(i, l)| location(report, l, f.values.get(i).map(String::as_str)))
        .collect();
    let mut located = located.into_iter();
    let primary: Vec<sarif::Location> = located.next().into_iter().collect();
    let related: Vec<sarif::Location> = located.collect();
    let mut fingerprint = std::collections::BTreeMap::new();
    let key = crate::baseline::key(f, report.analysis);
    fingerprint.insert(
        "claimcheck/v1".to_string(),
        format!("{}|{}|{}", key.rule, key.sources.join(","), key.claims.join(",")),
    );
    let builder = sarif::Result::builder()
        .rule_id(f.rule.clone())
        .level(level(f.severity))
        .message(sarif::Message::builder().text(f.message.clone()).build())
        .locations(primary)
        .partial_fingerprints(fingerprint);
    if related.is_empty() {
        builder.build()
    } else {
        builder.related_locations(related).build()
    }
}

impl Printer for Sarif {
    fn write(&self, report: &Report<'_>, out: &mut dyn io::Write) -> io::Result<()> {
        let rules: Vec<sarif::ReportingDescriptor> = report
            .rules
            .iter()
            .map(|r| {
                let d = sarif::ReportingDescriptor::builder()
                    .id(r.id.clone())
                    .short_description(
                        sarif::MultiformatMessageString::builder()
                            .text(r.summary.clone())
                            .build(),
                    );
                match &r.description {
                    Some(text) => d
                        .full_description(
                            sarif::MultiformatMessageString::builder()
                                .text(text.trim().to_string())
                                .build(),
                        )
                        .build(),
                    None => d.build(),
                }
            })
            .collect();
        let driver = sarif::ToolComponent::builder()
            .name("claimcheck".to_string())
            .version(env!("CARGO_PKG_VERSION").to_string())
            .rules(rules)
            .build();
        let results: Vec<sarif::Result> = report.findings.iter().map(|f| result(report, f)).collect();
        let run = sarif::Run::builder()
            .tool(sarif::Tool::builder().driver(driver).build())
            .results(results)
            .column_kind(serde_json::json!("unicodeCodePoints"))
            .build();
        let log = sarif::Sarif::builder()
            .schema(sarif::SCHEMA_URL.to_string())
            .version(serde_json::json!("2.1.0"))
            .runs(vec![run])
            .build();
        serde_json::to_writer_pretty(&mut *out, &log)?;
        writeln!(out)
    }
}
