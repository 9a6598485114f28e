//! The human report: rustc-style frames from both articles, so a reader can
//! check a finding in seconds.

use std::fmt::Write;

use super::Report;
use crate::finding::{DiffWord, Finding};
use crate::span::Located;

/// Widest slice of an article line shown in a frame.
const WIDTH: usize = 100;

pub fn render(report: &Report<'_>) -> String {
    let mut out = String::new();
    for f in report.findings {
        finding(&mut out, report, f);
        out.push('\n');
    }
    let _ = writeln!(out, "{}", report.summary());
    out
}

fn finding(out: &mut String, report: &Report<'_>, f: &Finding) {
    let a = report.analysis;
    let _ = writeln!(out, "{}[{}]: {}", f.severity.as_str(), f.rule, f.message);
    for (i, label) in f.labels.iter().enumerate() {
        let Some(source) = a.source(&label.source) else {
            continue;
        };
        match label.claim.map(|c| &a.claims[c]) {
            Some(claim) => {
                let value = f.values.get(i).cloned().unwrap_or_default();
                frame(
                    out,
                    &source.path,
                    &source.line_text(claim.span.line),
                    claim.span,
                    &value,
                );
            }
            None => {
                let _ = writeln!(out, "  --> {}", source.path);
            }
        }
    }
    // The diff line, unless the rule's message already spells it out.
    if let Some(diff) = f
        .diff
        .as_ref()
        .filter(|d| !f.message.contains(&crate::rules::engine::diff_string(d)))
    {
        let words: Vec<String> = diff
            .iter()
            .map(|w| match w {
                DiffWord::Same(s) => s.clone(),
                DiffWord::Removed(s) => format!("[-{s}-]"),
                DiffWord::Added(s) => format!("{{+{s}+}}"),
            })
            .collect();
        let _ = writeln!(out, "   = diff: {}", words.join(" "));
    }
}

/// `  --> path:line:col`, the line (or a window of it) and the claim underlined.
fn frame(out: &mut String, path: &str, line: &str, span: Located, value: &str) {
    let num = span.line.to_string();
    let pad = " ".repeat(num.len());
    let _ = writeln!(out, "{pad}--> {path}:{}:{}", span.line, span.column);
    let _ = writeln!(out, "{pad} |");
    let chars: Vec<char> = line.chars().collect();
    let col = span.column.saturating_sub(1).min(chars.len());
    let len = line_len(line, span).max(1);
    // A window of the line around the claim, marked where it is cut.
    let start = if col + len > WIDTH { col.saturating_sub(20) } else { 0 };
    let end = (start + WIDTH).min(chars.len());
    let mut shown: String = chars[start..end].iter().collect();
    let mut offset = col - start;
    if start > 0 {
        shown.insert(0, '…');
        offset += 1;
    }
    if end < chars.len() {
        shown.push('…');
    }
    let under = len.min(end.saturating_sub(col)).max(1);
    let _ = writeln!(out, "{num} | {shown}");
    let value = if value.chars().count() > 60 {
        format!("{}…", value.chars().take(59).collect::<String>())
    } else {
        value.to_string()
    };
    let _ = writeln!(out, "{pad} | {}{} {value}", " ".repeat(offset), "^".repeat(under));
}

/// Length in characters of the part of the span on its first line.
fn line_len(line: &str, span: Located) -> usize {
    let col = span.column.saturating_sub(1);
    let rest: String = line.chars().skip(col).collect();
    let bytes = span.end - span.start;
    let mut n = 0;
    let mut b = 0;
    for c in rest.chars() {
        if b >= bytes {
            break;
        }
        b += c.len_utf8();
        n += 1;
    }
    n
}
