//! Rule files as written: the serde model of the YAML, before validation.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

use super::vocab::{Comparator, Field, Link, SpeakerCondition};
use crate::finding::Severity;

/// One rule as written in YAML.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    /// Stable kebab-case id.
    #[schemars(with = "String", regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: Spanned<String>,
    pub severity: Severity,
    /// One line: what the rule flags.
    pub summary: String,
    /// Longer explanation, shown by `rules explain`.
    #[serde(default)]
    pub description: Option<String>,
    /// How two claims count as the same thing: same-remark, same-quote,
    /// same-figure, same-event, or copy (pairs of sources).
    #[schemars(with = "OneOrMany")]
    pub link: Spanned<OneOrMany>,
    /// Conditions on the linked pair.
    #[serde(default, rename = "where")]
    pub conditions: RawConditions,
    /// What is compared; without it every linked pair is a finding.
    #[serde(default)]
    pub compare: Option<RawCompare>,
    /// Message template with {placeholders}.
    #[schemars(with = "String")]
    pub message: Spanned<String>,
    /// Cases the rule must pass.
    #[serde(default)]
    pub tests: Vec<RawTest>,
}

/// One link kind, or a list of them.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum OneOrMany {
    #[schemars(with = "Link")]
    One(String),
    #[schemars(with = "Vec<Link>")]
    Many(Vec<String>),
}

impl OneOrMany {
    pub fn items(&self) -> Vec<&str> {
        match self {
            OneOrMany::One(x) => vec![x],
            OneOrMany::Many(v) => v.iter().map(String::as_str).collect(),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawConditions {
    /// Both claims direct quotations (true) or either kind (absent).
    #[serde(default)]
    pub direct: Option<bool>,
    /// known: both speakers known; same: one speaker; different: two speakers.
    #[serde(default)]
    #[schemars(with = "Option<SpeakerCondition>")]
    pub speaker: Option<Spanned<String>>,
    /// Leave out pairs whose sources copy one another.
    #[serde(default)]
    pub independent: Option<bool>,
    /// false: leave out a partial quotation standing inside a longer one.
    #[serde(default)]
    pub contained: Option<bool>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCompare {
    /// date, amount, quote or speaker.
    #[schemars(with = "Field")]
    pub field: Spanned<String>,
    /// differs.
    #[serde(default = "default_op")]
    #[schemars(with = "Comparator")]
    pub op: Spanned<String>,
    /// Allowed difference: days for dates, a share (0.01 = 1%) for amounts.
    #[serde(default)]
    pub tolerance: Option<f64>,
    /// Allowed difference when either figure is hedged ("about", "more than").
    #[serde(default)]
    pub hedged_tolerance: Option<f64>,
}

fn default_op() -> Spanned<String> {
    Spanned::new(
        "differs".into(),
        serde_saphyr::Location::UNKNOWN,
        serde_saphyr::Location::UNKNOWN,
    )
}

/// A rule test: small inline sources and the findings expected of them.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTest {
    pub name: String,
    /// File name → article text.
    pub sources: BTreeMap<String, String>,
    /// Findings that must appear (by their sources); empty: nothing may fire.
    #[serde(default)]
    pub expect: Vec<RawExpect>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawExpect {
    pub sources: Vec<String>,
    #[serde(default)]
    pub values: Option<Vec<String>>,
}
