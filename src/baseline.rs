//! Baselines: findings a desk has accepted, keyed on the rule and the
//! claims' words and values (never on line numbers), so edits elsewhere in
//! an article keep them accepted.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::error::{Error, Result};
use crate::finding::Finding;
use crate::text::quote_words;

pub(crate) const SCHEMA: &str = "claimcheck/baseline/v1";

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub(crate) struct Accepted {
    pub rule: String,
    pub sources: Vec<String>,
    /// One key per claim: source, kind, its words and its value.
    pub claims: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct Baseline {
    pub schema: String,
    pub accepted: Vec<Accepted>,
}

/// The key of a finding: what stays the same when lines move.
pub(crate) fn key(f: &Finding, a: &Analysis) -> Accepted {
    let mut sources = f.sources.clone();
    sources.sort();
    let mut claims: Vec<String> = f
        .labels
        .iter()
        .filter_map(|l| l.claim)
        .map(|i| {
            let c = &a.claims[i];
            format!(
                "{}|{}|{}|{}",
                c.source,
                c.kind().as_str(),
                quote_words(&c.text).join(" "),
                c.value_text()
            )
        })
        .collect();
    claims.sort();
    Accepted {
        rule: f.rule.clone(),
        sources,
        claims,
        reason: None,
    }
}

impl Baseline {
    pub(crate) fn load(path: &Path) -> Result<Baseline> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::Io {
            path: path.into(),
            source: e,
        })?;
        let b: Baseline = serde_json::from_str(&text).map_err(|e| Error::Invalid {
            path: path.into(),
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
            help: None,
            frame: None,
        })?;
        if b.schema != SCHEMA {
            return Err(Error::Invalid {
                path: path.into(),
                line: 1,
                column: 1,
                message: format!("not a claimcheck baseline (schema `{}`)", b.schema),
                help: Some(format!("expected schema `{SCHEMA}`")),
                frame: None,
            });
        }
        Ok(b)
    }

    /// The baseline that accepts findings of these keys.
    pub(crate) fn of(mut accepted: Vec<Accepted>) -> Baseline {
        accepted.sort();
        accepted.dedup();
        Baseline {
            schema: SCHEMA.into(),
            accepted,
        }
    }

    /// Splits findings into those not accepted, and returns the accepted
    /// entries that matched nothing (stale). `keys`: each finding's key.
    pub(crate) fn filter(&self, findings: Vec<Finding>, keys: &[Accepted]) -> (Vec<Finding>, usize, Vec<Accepted>) {
        let mut used = vec![false; self.accepted.len()];
        let mut kept = Vec::new();
        let mut hidden = 0;
        for (f, k) in findings.into_iter().zip(keys) {
            match self
                .accepted
                .iter()
                .position(|e| e.rule == k.rule && e.sources == k.sources && e.claims == k.claims)
            {
                Some(i) => {
                    used[i] = true;
                    hidden += 1;
                }
                None => kept.push(f),
            }
        }
        let stale = self
            .accepted
            .iter()
            .zip(used)
            .filter(|(_, u)| !u)
            .map(|(e, _)| e.clone())
            .collect();
        (kept, hidden, stale)
    }

    pub(crate) fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("baseline serializes");
        s.push('\n');
        s
    }
}

/// Writes a file whole or not at all: a temporary file beside it, then a rename.
pub(crate) fn write_atomic(path: &Path, contents: &str) -> Result<()> {
    write_atomic_with(path, |w| w.write_all(contents.as_bytes()))
}

/// Writes a file through `write` into a temporary file beside it, then
/// renames it into place: a failed run leaves the old file whole.
pub(crate) fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let io = |e: std::io::Error| Error::Io {
        path: path.into(),
        source: e,
    };
    let tmp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
    let mut buffered = std::io::BufWriter::new(tmp);
    write(&mut buffered).map_err(io)?;
    let tmp = buffered.into_inner().map_err(|e| io(e.into_error()))?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}
