//! Markdown for a ticket or a pull-request comment: a summary table, then one
//! section per finding with the words of each source and where they stand.

use std::fmt::Write;

use super::model::{Printer, Report};

pub struct Markdown;

/// Text safe inside a table cell or inline.
fn cell(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").replace('|', "\\|")
}

impl Printer for Markdown {
    fn render(&self, report: &Report<'_>) -> String {
        let a = report.analysis;
        let mut out = String::from("# claimcheck report\n\n");
        let _ = writeln!(out, "{}\n", report.summary());
        if !report.findings.is_empty() {
            out.push_str("| # | rule | severity | sources | values |\n|---|---|---|---|---|\n");
            for (i, f) in report.findings.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "| {} | `{}` | {} | {} | {} |",
                    i + 1,
                    f.rule,
                    f.severity.as_str(),
                    cell(&f.sources.join(", ")),
                    cell(&f.values.join(" / "))
                );
            }
            out.push('\n');
        }
        for (i, f) in report.findings.iter().enumerate() {
            let _ = writeln!(
                out,
                "## {}. `{}` ({})\n\n{}\n",
                i + 1,
                f.rule,
                f.severity.as_str(),
                cell(&f.message)
            );
            for (k, label) in f.labels.iter().enumerate() {
                let Some(source) = a.source(&label.source) else {
                    continue;
                };
                match label.claim.map(|c| &a.claims[c]) {
                    Some(c) => {
                        let _ = writeln!(
                            out,
                            "- [{}:{}:{}]({}#L{}): “{}” ({})",
                            source.id,
                            c.span.line,
                            c.span.column,
                            source.path,
                            c.span.line,
                            cell(&c.text),
                            cell(f.values.get(k).map(String::as_str).unwrap_or(""))
                        );
                    }
                    None => {
                        let _ = writeln!(out, "- [{}]({})", source.id, source.path);
                    }
                }
            }
            out.push('\n');
        }
        out
    }
}
