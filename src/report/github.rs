//! GitHub Actions workflow commands: one annotation per finding at source A.

use std::io;

use super::model::{Printer, Report};
use crate::finding::Severity;

pub struct Github;

/// Escapes a workflow-command value (`%`, `\r`, `\n`, and `:`/`,` in properties).
fn escape(s: &str, property: bool) -> String {
    let mut out = s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    if property {
        out = out.replace(':', "%3A").replace(',', "%2C");
    }
    out
}

impl Printer for Github {
    fn write(&self, report: &Report<'_>, out: &mut dyn io::Write) -> io::Result<()> {
        let a = report.analysis;
        for f in report.findings {
            let kind = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let place = f.labels.first().and_then(|l| {
                let s = a.source(&l.source)?;
                let (line, col) = l
                    .claim
                    .map(|c| (a.claims[c].span.line, a.claims[c].span.column))
                    .unwrap_or((1, 1));
                Some(format!("file={},line={line},col={col},", escape(&s.path, true)))
            });
            writeln!(
                out,
                "::{kind} {}title={}::{}",
                place.unwrap_or_default(),
                escape(&f.rule, true),
                escape(&f.message, false)
            )?;
        }
        Ok(())
    }
}
