//! The human report: rustc-style frames from both articles, so a reader can
//! check a finding in seconds; grouped by rule, with a summary line.

use std::io;

use anstyle::{AnsiColor, Style};

use super::model::{Printer, Report};
use crate::finding::{DiffWord, Finding, Severity};
use crate::span::Located;

/// Widest slice of an article line shown in a frame.
const WIDTH: usize = 100;

pub struct Human {
    /// Colors (ANSI), decided by the caller from `--color` and the terminal.
    pub color: bool,
}

struct Paint {
    on: bool,
}

impl Paint {
    fn paint(&self, style: Style, s: &str) -> String {
        if self.on {
            format!("{}{s}{}", style.render(), style.render_reset())
        } else {
            s.to_string()
        }
    }

    fn severity(&self, s: Severity, text: &str) -> String {
        let color = match s {
            Severity::Error => AnsiColor::Red,
            Severity::Warning => AnsiColor::Yellow,
            Severity::Info => AnsiColor::Cyan,
        };
        self.paint(Style::new().fg_color(Some(color.into())).bold(), text)
    }

    fn dim(&self, s: &str) -> String {
        self.paint(Style::new().fg_color(Some(AnsiColor::Blue.into())).bold(), s)
    }

    fn bold(&self, s: &str) -> String {
        self.paint(Style::new().bold(), s)
    }

    fn removed(&self, s: &str) -> String {
        self.paint(
            Style::new().fg_color(Some(AnsiColor::Red.into())).strikethrough(),
            &format!("[-{s}-]"),
        )
    }

    fn added(&self, s: &str) -> String {
        self.paint(
            Style::new().fg_color(Some(AnsiColor::Green.into())).underline(),
            &format!("{{+{s}+}}"),
        )
    }
}

impl Printer for Human {
    fn write(&self, report: &Report<'_>, out: &mut dyn io::Write) -> io::Result<()> {
        let p = Paint { on: self.color };
        for f in report.findings {
            finding(out, &p, report, f)?;
            writeln!(out)?;
        }
        writeln!(out, "{}", p.bold(&report.summary()))
    }
}

fn finding(out: &mut dyn io::Write, p: &Paint, report: &Report<'_>, f: &Finding) -> io::Result<()> {
    let a = report.analysis;
    let head = format!("{}[{}]", f.severity.as_str(), f.rule);
    writeln!(out, "{}: {}", p.severity(f.severity, &head), p.bold(&f.message))?;
    // All frames of a finding share one gutter width, as rustc's do.
    let width = f
        .labels
        .iter()
        .filter_map(|l| l.claim.map(|c| a.claims[c].span.line.to_string().len()))
        .max()
        .unwrap_or(1);
    for (i, label) in f.labels.iter().enumerate() {
        let Some(source) = a.source(&label.source) else {
            continue;
        };
        match label.claim.map(|c| &a.claims[c]) {
            Some(claim) => {
                let value = f.values.get(i).cloned().unwrap_or_default();
                frame(
                    out,
                    p,
                    width,
                    &source.path,
                    &source.line_text(claim.span.line),
                    claim.span,
                    &value,
                )?;
            }
            None => {
                writeln!(out, "{}{} {}", " ".repeat(width), p.dim("-->"), source.path)?;
            }
        }
    }
    // Who gives which value, when more than two sources take part.
    if f.sources.len() > 2 {
        for g in &f.groups {
            let copies = if g.copies.is_empty() {
                String::new()
            } else {
                format!(" (repeated by {})", g.copies.join(", "))
            };
            let line = format!("{}: {}{copies}", g.value, g.sources.join(", "));
            writeln!(out, "{} {} {line}", " ".repeat(width), p.dim("="))?;
        }
    }
    // Dates resolved against publication dates: say where each came from.
    if f.values
        .iter()
        .any(|v| v.get(..10).is_some_and(|d| d.parse::<jiff::civil::Date>().is_ok()))
    {
        let mut seen = Vec::new();
        for (i, label) in f.labels.iter().enumerate() {
            let Some(source) = a.source(&label.source) else {
                continue;
            };
            // The expression that dates the remark, and what it was read as.
            let claim = label.claim.map(|c| &a.claims[c]);
            if let (Some(span), Some(value)) = (claim.and_then(|c| c.dated_by), f.values.get(i)) {
                let (at, words) = source.locate(span);
                let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
                let line = format!("{}:{}:{}: \"{words}\" read as {value}", source.id, at.line, at.column);
                writeln!(out, "{} {} {line}", " ".repeat(width), p.dim("="))?;
            }
            if seen.contains(&&label.source) {
                continue;
            }
            seen.push(&label.source);
            let line = match (source.meta.published, &source.meta.evidence) {
                (Some(d), Some(e)) => format!("{} published {d}, from {e}", source.id),
                (Some(d), None) => format!("{} published {d}", source.id),
                (None, _) => format!("{} has no publication date", source.id),
            };
            writeln!(out, "{} {} {line}", " ".repeat(width), p.dim("="))?;
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
                DiffWord::Removed(s) => p.removed(s),
                DiffWord::Added(s) => p.added(s),
            })
            .collect();
        writeln!(out, "{} {} diff: {}", " ".repeat(width), p.dim("="), words.join(" "))?;
    }
    writeln!(
        out,
        "{} {} see: claimcheck rules explain {}",
        " ".repeat(width),
        p.dim("="),
        f.rule
    )
}

/// `  --> path:line:col`, the line (or a window of it) and the claim underlined.
fn frame(
    out: &mut dyn io::Write,
    p: &Paint,
    width: usize,
    path: &str,
    line: &str,
    span: Located,
    value: &str,
) -> io::Result<()> {
    let num = format!("{:>width$}", span.line);
    let pad = " ".repeat(width);
    writeln!(out, "{pad}{} {path}:{}:{}", p.dim("-->"), span.line, span.column)?;
    writeln!(out, "{pad} {}", p.dim("|"))?;
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
    writeln!(out, "{} {} {shown}", p.dim(&num), p.dim("|"))?;
    let value = if value.chars().count() > 60 {
        format!("{}…", value.chars().take(59).collect::<String>())
    } else {
        value.to_string()
    };
    let marks = p.paint(
        Style::new().fg_color(Some(AnsiColor::Yellow.into())).bold(),
        &"^".repeat(under),
    );
    writeln!(out, "{pad} {} {}{marks} {value}", p.dim("|"), " ".repeat(offset))
}

/// Length in characters of the part of the span on its first line.
fn line_len(line: &str, span: Located) -> usize {
    let col = span.column.saturating_sub(1);
    let bytes = span.end - span.start;
    let mut n = 0;
    let mut b = 0;
    for c in line.chars().skip(col) {
        if b >= bytes {
            break;
        }
        b += c.len_utf8();
        n += 1;
    }
    n
}
