//! Markdown for a ticket or a pull-request comment: a summary table, then one
//! section per finding with the words of each source and where they stand.

use std::io;

use super::model::{Printer, Report};

pub struct Markdown;

/// Text safe inside a table cell or inline.
fn cell(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").replace('|', "\\|")
}

impl Printer for Markdown {
    fn write(&self, report: &Report<'_>, out: &mut dyn io::Write) -> io::Result<()> {
        let a = report.analysis;
        writeln!(out, "# claimcheck report\n")?;
        writeln!(out, "{}\n", report.summary())?;
        if !report.findings.is_empty() {
            writeln!(out, "| # | rule | severity | sources | values |\n|---|---|---|---|---|")?;
            for (i, f) in report.findings.iter().enumerate() {
                writeln!(
                    out,
                    "| {} | `{}` | {} | {} | {} |",
                    i + 1,
                    f.rule,
                    f.severity.as_str(),
                    cell(&f.sources.join(", ")),
                    cell(&values(f))
                )?;
            }
            writeln!(out)?;
        }
        for (i, f) in report.findings.iter().enumerate() {
            writeln!(
                out,
                "## {}. `{}` ({})\n\n{}\n",
                i + 1,
                f.rule,
                f.severity.as_str(),
                cell(&f.message)
            )?;
            for (k, label) in f.labels.iter().enumerate() {
                let Some(source) = a.source(&label.source) else {
                    continue;
                };
                match label.claim.map(|c| &a.claims[c]) {
                    Some(c) => {
                        writeln!(
                            out,
                            "- [{}:{}:{}]({}#L{}): “{}” ({})",
                            source.id,
                            c.span.line,
                            c.span.column,
                            source.path,
                            c.span.line,
                            cell(&c.text),
                            cell(f.values.get(k).map(String::as_str).unwrap_or(""))
                        )?;
                    }
                    None => {
                        writeln!(out, "- [{}]({})", source.id, source.path)?;
                    }
                }
            }
            writeln!(out)?;
        }
        Ok(())
    }
}

/// The values of a finding: each group's value with the sources that give
/// it ("2025-03-04 (baltic-wire.html, coastline-news.md; repeated by
/// portwatch-repost.txt)"), or the values as compared.
fn values(f: &crate::finding::Finding) -> String {
    if f.groups.is_empty() {
        return f.values.join(" / ");
    }
    f.groups
        .iter()
        .map(|g| {
            let copies = if g.copies.is_empty() {
                String::new()
            } else {
                format!("; repeated by {}", g.copies.join(", "))
            };
            format!("{} ({}{copies})", g.value, g.sources.join(", "))
        })
        .collect::<Vec<_>>()
        .join(" / ")
}
