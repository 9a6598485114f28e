//! The editor's report: one self-contained HTML page (no network; its
//! style and script inline). Without JavaScript it reads top to bottom: a
//! summary, every finding with its claims, each article with the claims
//! of the findings marked. With it, findings filter by rule, severity and
//! source, and a finding shows its articles side by side, scrolled to the
//! claims. The same input gives the same bytes.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io;

use super::model::{Printer, Report};
use crate::claim::ClaimValue;
use crate::finding::{DiffWord, Finding, Severity};
use crate::source::PublishedFrom;

mod escape;
mod graph;

use escape::escape;

const STYLE: &str = include_str!("style.css");
const SCRIPT: &str = include_str!("script.js");

pub struct Html;

/// The element id of a claim and of a source: by index, since ids and
/// file names hold any characters.
fn claim_id(c: usize) -> String {
    format!("c{c}")
}

fn source_id(s: usize) -> String {
    format!("s{s}")
}

impl Printer for Html {
    fn write(&self, report: &Report<'_>, out: &mut dyn io::Write) -> io::Result<()> {
        let mut page = String::new();
        page.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        page.push_str("<title>claimcheck report</title>\n<style>\n");
        page.push_str(STYLE);
        page.push_str("</style>\n</head>\n<body>\n<header>\n<h1>claimcheck report</h1>\n");
        let _ = writeln!(page, "<p>{}</p>\n</header>\n<main>", escape(&report.summary()));
        summary(&mut page, report);
        findings(&mut page, report);
        page.push_str("<section id=\"compare\" aria-live=\"polite\"></section>\n");
        articles(&mut page, report);
        graph::stories(&mut page, report);
        page.push_str("</main>\n<script>\n");
        page.push_str(SCRIPT);
        page.push_str("</script>\n</body>\n</html>\n");
        out.write_all(page.as_bytes())
    }
}

/// Where a publication date came from, in words.
fn date_origin(from: PublishedFrom, evidence: Option<&str>) -> String {
    let from = match from {
        PublishedFrom::Text => "the article's dateline",
        PublishedFrom::Metadata => "the page's metadata",
        PublishedFrom::Manifest => "the manifest",
        PublishedFrom::Inferred => "the other sources",
        PublishedFrom::Unknown => return "no date found".into(),
    };
    // The evidence names where it was read ("the dateline …", "<meta> …").
    evidence.map_or_else(|| from.to_string(), str::to_string)
}

fn summary(page: &mut String, report: &Report<'_>) {
    let a = report.analysis;
    page.push_str("<section id=\"summary\">\n<h2>Sources</h2>\n<table>\n<thead><tr><th scope=\"col\">source</th>");
    page.push_str("<th scope=\"col\">published</th><th scope=\"col\">date from</th><th scope=\"col\">claims</th>");
    page.push_str("<th scope=\"col\">copy of</th></tr></thead>\n<tbody>\n");
    for (i, info) in report.sources().iter().enumerate() {
        let _ = writeln!(
            page,
            "<tr><td><a href=\"#{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            source_id(i),
            escape(&info.id),
            escape(info.published.as_deref().unwrap_or("unknown")),
            escape(&date_origin(info.published_from, info.published_evidence.as_deref())),
            info.claims,
            escape(info.duplicate_of.as_deref().unwrap_or("")),
        );
    }
    page.push_str("</tbody>\n</table>\n");
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let _ = writeln!(
        page,
        "<p>{}, {}.</p>",
        plural(a.stories.len(), "story", "stories"),
        plural(a.copies.len(), "copy", "copies")
    );
    let mut counts: BTreeMap<(&str, Severity), usize> = BTreeMap::new();
    for f in report.findings {
        *counts.entry((f.rule.as_str(), f.severity)).or_default() += 1;
    }
    if !counts.is_empty() {
        page.push_str("<table>\n<thead><tr><th scope=\"col\">rule</th><th scope=\"col\">severity</th>");
        page.push_str("<th scope=\"col\">findings</th></tr></thead>\n<tbody>\n");
        for ((rule, severity), n) in &counts {
            let _ = writeln!(
                page,
                "<tr><td>{}</td><td><span class=\"sev sev-{s}\">{s}</span></td><td>{n}</td></tr>",
                escape(rule),
                s = severity.as_str()
            );
        }
        page.push_str("</tbody>\n</table>\n");
    }
    page.push_str("</section>\n");
}

/// A select of the filter form: its options, each once, in order.
fn select(page: &mut String, name: &str, label: &str, options: &BTreeSet<String>) {
    let _ = write!(
        page,
        "<label>{label}<select name=\"{name}\"><option value=\"\">all</option>"
    );
    for o in options {
        let _ = write!(page, "<option>{}</option>", escape(o));
    }
    page.push_str("</select></label>\n");
}

fn findings(page: &mut String, report: &Report<'_>) {
    page.push_str("<section id=\"findings\">\n<h2>Findings</h2>\n");
    if report.findings.is_empty() {
        page.push_str("<p>No findings.</p>\n</section>\n");
        return;
    }
    let rules: BTreeSet<String> = report.findings.iter().map(|f| f.rule.clone()).collect();
    let severities: BTreeSet<String> = report
        .findings
        .iter()
        .map(|f| f.severity.as_str().to_string())
        .collect();
    let sources: BTreeSet<String> = report.findings.iter().flat_map(|f| f.sources.iter().cloned()).collect();
    page.push_str("<form id=\"filters\" hidden aria-label=\"Filter findings\">\n");
    select(page, "rule", "Rule", &rules);
    select(page, "severity", "Severity", &severities);
    select(page, "source", "Source", &sources);
    page.push_str("</form>\n<ol class=\"findings\">\n");
    for (i, f) in report.findings.iter().enumerate() {
        finding(page, report, i + 1, f);
    }
    page.push_str("</ol>\n</section>\n");
}

fn finding(page: &mut String, report: &Report<'_>, n: usize, f: &Finding) {
    let a = report.analysis;
    let claims: Vec<usize> = f.labels.iter().filter_map(|l| l.claim).collect();
    let marks: Vec<String> = claims.iter().map(|&c| claim_id(c)).collect();
    let _ = writeln!(
        page,
        "<li class=\"finding\" id=\"f{n}\" data-rule=\"{}\" data-severity=\"{s}\" data-sources=\"{}\" data-claims=\"{}\">",
        escape(&f.rule),
        escape(&f.sources.join(" ")),
        marks.join(" "),
        s = f.severity.as_str()
    );
    let _ = writeln!(
        page,
        "<h3><a href=\"#f{n}\">{n}. {}</a> <span class=\"sev sev-{s}\">{s}</span></h3>",
        escape(&f.rule),
        s = f.severity.as_str()
    );
    let _ = writeln!(page, "<p class=\"message\">{}</p>", escape(&f.message));
    if !f.groups.is_empty() {
        page.push_str("<ul class=\"groups\">\n");
        for g in &f.groups {
            let copies = if g.copies.is_empty() {
                String::new()
            } else {
                format!("; repeated by {}", escape(&g.copies.join(", ")))
            };
            let _ = writeln!(
                page,
                "<li><span class=\"value\">{}</span> in {}{copies}</li>",
                escape(&g.value),
                escape(&g.sources.join(", "))
            );
        }
        page.push_str("</ul>\n");
    }
    if let Some(diff) = &f.diff {
        page.push_str("<p class=\"diff\">");
        for (k, w) in diff.iter().enumerate() {
            if k > 0 {
                page.push(' ');
            }
            match w {
                DiffWord::Same(t) => page.push_str(&escape(t)),
                DiffWord::Removed(t) => {
                    let _ = write!(page, "<del>{}</del>", escape(t));
                }
                DiffWord::Added(t) => {
                    let _ = write!(page, "<ins>{}</ins>", escape(t));
                }
            }
        }
        page.push_str("</p>\n");
    }
    page.push_str("<ul class=\"claims\">\n");
    for (k, label) in f.labels.iter().enumerate() {
        let Some(si) = a.source_index(&label.source) else {
            continue;
        };
        match label.claim {
            Some(c) => {
                let claim = &a.claims[c];
                let value = f.values.get(k).cloned().unwrap_or_else(|| claim.value_text());
                let _ = writeln!(
                    page,
                    "<li><a href=\"#{}\">{}:{}:{}</a> “{}” <span class=\"value\">{}</span> <span class=\"how\">{}</span></li>",
                    claim_id(c),
                    escape(&label.source),
                    claim.span.line,
                    claim.span.column,
                    escape(&claim.text),
                    escape(&value),
                    escape(&how(report, si, c))
                );
            }
            None => {
                let _ = writeln!(
                    page,
                    "<li><a href=\"#{}\">{}</a></li>",
                    source_id(si),
                    escape(&label.source)
                );
            }
        }
    }
    page.push_str("</ul>\n");
    if !claims.is_empty() {
        page.push_str("<button type=\"button\" class=\"show\">Show side by side</button>\n");
    }
    page.push_str("</li>\n");
}

/// How a claim's value was read: a date from the publication date and
/// where that came from; a remark's speaker and day.
fn how(report: &Report<'_>, source: usize, index: usize) -> String {
    let s = &report.analysis.sources[source];
    let claim = &report.analysis.claims[index];
    match &claim.value {
        ClaimValue::Date(d) if d.resolved => match s.meta.published {
            Some(p) => format!(
                "from the publication date {p}, {}",
                date_origin(s.meta.published_from, s.meta.evidence.as_deref())
            ),
            None => "as written".into(),
        },
        ClaimValue::Date(_) => "not resolved: no publication date".into(),
        ClaimValue::Figure(_) => String::new(),
        ClaimValue::Statement(st) => {
            let who = st.speaker.as_deref().unwrap_or("no speaker found");
            let Some(day) = &st.date else {
                return format!("said by {who}");
            };
            // The words that date the remark, and what they were read from.
            let a = report.analysis;
            match dated_by(a, index) {
                Some(d) => format!(
                    "said by {who} on {} (“{}” → {})",
                    day.0,
                    a.claims[d].text,
                    how(report, source, d)
                ),
                None => format!("said by {who} on {}", day.0),
            }
        }
    }
}

/// Each article in its cleaned words, the claims of the findings marked.
fn articles(page: &mut String, report: &Report<'_>) {
    let a = report.analysis;
    let mut marked: BTreeSet<usize> = report
        .findings
        .iter()
        .flat_map(|f| f.labels.iter().filter_map(|l| l.claim))
        .collect();
    // And the words that date a remark of a finding ("on Monday").
    let dates: Vec<usize> = marked.iter().filter_map(|&c| dated_by(a, c)).collect();
    marked.extend(dates);
    page.push_str("<section id=\"articles\">\n<h2>Articles</h2>\n");
    let infos = report.sources();
    for (i, s) in a.sources.iter().enumerate() {
        let _ = writeln!(
            page,
            "<article class=\"source\" id=\"{}\">\n<h3>{}</h3>\n<p class=\"how\">published {}, from {}</p>",
            source_id(i),
            escape(&s.id),
            escape(infos[i].published.as_deref().unwrap_or("unknown")),
            escape(&date_origin(
                infos[i].published_from,
                infos[i].published_evidence.as_deref()
            ))
        );
        let claims = a.claims_of(i);
        let offset = claims_start(a, i);
        let spans: Vec<(usize, crate::span::Span)> = claims
            .iter()
            .enumerate()
            .map(|(k, c)| (offset + k, c.clean_span))
            .filter(|(c, _)| marked.contains(c))
            .collect();
        page.push_str("<div class=\"text\">");
        page.push_str(&marked_text(&s.clean.text, &spans));
        page.push_str("</div>\n</article>\n");
    }
    page.push_str("</section>\n");
}

/// The date claim that dates a remark, by index.
fn dated_by(a: &crate::analysis::Analysis, c: usize) -> Option<usize> {
    let claim = &a.claims[c];
    let at = claim.dated_by?;
    let from = claims_start(a, a.source_index(&claim.source)?);
    a.claims[from..]
        .iter()
        .take_while(|d| d.source == claim.source)
        .position(|d| d.date().is_some() && d.clean_span == at)
        .map(|k| from + k)
}

/// Index of the first claim of source `i` among all claims.
fn claims_start(a: &crate::analysis::Analysis, i: usize) -> usize {
    let id = a.sources[i].id.as_str();
    a.claims.partition_point(|c| &*c.source < id)
}

/// `text` escaped, with `<mark>` around each span (claim index, span in
/// the text). A span that crosses another's edge is left unmarked.
fn marked_text(text: &str, spans: &[(usize, crate::span::Span)]) -> String {
    let mut spans: Vec<(usize, crate::span::Span)> = spans
        .iter()
        .copied()
        .filter(|(_, s)| {
            s.start < s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
        })
        .collect();
    spans.sort_by_key(|(c, s)| (s.start, std::cmp::Reverse(s.end), *c));
    let mut out = String::with_capacity(text.len() + spans.len() * 40);
    let mut open: Vec<usize> = Vec::new();
    let mut at = 0;
    let close_until = |out: &mut String, open: &mut Vec<usize>, at: &mut usize, upto: usize| {
        while let Some(&end) = open.last() {
            if end > upto {
                break;
            }
            out.push_str(&escape(&text[*at..end]));
            out.push_str("</mark>");
            *at = end;
            open.pop();
        }
    };
    for (c, s) in spans {
        close_until(&mut out, &mut open, &mut at, s.start);
        if open.last().is_some_and(|&end| s.end > end) || s.start < at {
            continue;
        }
        out.push_str(&escape(&text[at..s.start]));
        let _ = write!(out, "<mark class=\"claim\" id=\"{}\">", claim_id(c));
        at = s.start;
        open.push(s.end);
    }
    close_until(&mut out, &mut open, &mut at, text.len());
    out.push_str(&escape(&text[at..]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    #[test]
    fn text_is_escaped_and_marks_nest() {
        let text = "A <b>\"x\" & 'y'</b> said";
        // c2 crosses the end of c0: left unmarked.
        let out = marked_text(
            text,
            &[(0, Span::new(0, 19)), (1, Span::new(3, 5)), (2, Span::new(5, 21))],
        );
        assert_eq!(
            out,
            "<mark class=\"claim\" id=\"c0\">A &lt;<mark class=\"claim\" id=\"c1\">b&gt;</mark>&quot;x&quot; &amp; \
             &#39;y&#39;&lt;/b&gt; </mark>said"
        );
    }
}
