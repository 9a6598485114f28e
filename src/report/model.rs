//! What every printer reads: the report of one run and the trait a format
//! implements.

use std::io;

use serde::Serialize;

use crate::analysis::Analysis;
use crate::corpus::duplicates::Copy;
use crate::finding::{Finding, Severity};
use crate::source::{PublishedFrom, Source};

/// A source as the report describes it.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct SourceInfo {
    pub id: String,
    pub path: String,
    pub published: Option<String>,
    pub published_from: PublishedFrom,
    /// Where the date was read, as written there.
    pub published_evidence: Option<String>,
    pub duplicate_of: Option<String>,
    pub publisher: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub claims: usize,
    /// What the reader has to say of the source (no article text found,
    /// read as Windows-1252).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// The sources as the report describes them; `claims`: how many claims
/// the source at an index has.
pub(crate) fn source_infos(sources: &[Source], copies: &[Copy], claims: impl Fn(usize) -> usize) -> Vec<SourceInfo> {
    // The first original of each copy, as the copies list them.
    let mut copy_of: std::collections::BTreeMap<usize, usize> = Default::default();
    for c in copies {
        copy_of.entry(c.copy).or_insert(c.original);
    }
    sources
        .iter()
        .enumerate()
        .map(|(i, s)| SourceInfo {
            id: s.id.clone(),
            path: s.path.clone(),
            published: s.meta.published.map(|d| d.to_string()),
            published_from: s.meta.published_from,
            published_evidence: s.meta.evidence.clone(),
            duplicate_of: copy_of.get(&i).map(|&o| sources[o].id.clone()),
            publisher: s.meta.publisher.clone(),
            title: s.meta.title.clone(),
            url: s.meta.url.clone(),
            claims: claims(i),
            notes: s.notes.clone(),
        })
        .collect()
}

/// Everything a printer needs.
pub struct Report<'a> {
    pub analysis: &'a Analysis,
    pub findings: &'a [Finding],
    /// The rules that ran, for formats that describe them (SARIF).
    pub rules: &'a [crate::rules::Rule],
}

/// One output format, written as it is made.
pub trait Printer {
    fn write(&self, report: &Report<'_>, out: &mut dyn io::Write) -> io::Result<()>;
}

impl Report<'_> {
    pub fn sources(&self) -> Vec<SourceInfo> {
        let a = self.analysis;
        source_infos(&a.sources, &a.copies, |i| a.claims_of(i).len())
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == severity).count()
    }

    /// `2 errors, 1 warning in 5 sources, 212 claims`
    pub fn summary(&self) -> String {
        let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
        let mut parts = vec![
            plural(self.count(Severity::Error), "error"),
            plural(self.count(Severity::Warning), "warning"),
        ];
        let infos = self.count(Severity::Info);
        if infos > 0 {
            parts.push(plural(infos, "info"));
        }
        format!(
            "{} in {}, {}",
            parts.join(", "),
            plural(self.analysis.sources.len(), "source"),
            plural(self.analysis.claims.len(), "claim")
        )
    }
}
