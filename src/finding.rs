//! Findings: what a rule reports, as data; printers render them.

use serde::{Deserialize, Serialize};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(&self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One place a finding points at: a claim in a source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Label {
    pub source: String,
    /// Index into the analysis' claims, where the label is a claim.
    #[serde(skip)]
    pub claim: Option<usize>,
}

/// A disagreement between sources, found by a rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    /// Claim ids: the primary claim first.
    pub claims: Vec<String>,
    pub sources: Vec<String>,
    /// The compared values, one per claim (or per source).
    pub values: Vec<String>,
    /// Primary location first, then the secondary ones.
    #[serde(skip)]
    pub labels: Vec<Label>,
    /// Word-level difference of two quotations, where the rule compares words.
    #[serde(skip)]
    pub diff: Option<Vec<DiffWord>>,
    /// The values of the disagreement, each with the independent sources
    /// that give it and the copies that repeat it.
    pub groups: Vec<Group>,
}

/// One value of a disagreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub value: String,
    pub sources: Vec<String>,
    pub claims: Vec<String>,
    pub copies: Vec<String>,
}

/// One word of a quotation diff.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum DiffWord {
    Same(String),
    Removed(String),
    Added(String),
}
