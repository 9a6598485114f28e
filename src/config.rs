//! `claimcheck.yaml`: the project configuration of a folder of articles
//! (which rules, their severities, the sources' metadata). Command-line
//! options win over it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::finding::Severity;
use crate::rules::{self, Rule};
use crate::source::ManifestEntry;

pub(crate) const CONFIG_NAME: &str = "claimcheck.yaml";

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Config {
    /// Rule files or folders, relative to the configuration file.
    #[serde(default)]
    pub rules: Vec<PathBuf>,
    /// Only these rules run (all when empty).
    #[serde(default)]
    pub enable: Vec<String>,
    /// These rules do not run.
    #[serde(default)]
    pub disable: Vec<String>,
    /// Severity overrides by rule id.
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    /// Metadata of the sources, by file name (as in a manifest).
    #[serde(default)]
    pub sources: BTreeMap<String, ManifestEntry>,
}

/// A configuration and where it was read from.
#[derive(Debug, Clone)]
pub(crate) struct Loaded {
    pub config: Config,
    pub path: PathBuf,
    text: String,
}

impl Loaded {
    /// The configuration file at `path`, refused above `max_bytes` (the
    /// rule files' limit).
    pub(crate) fn load(path: &Path, max_bytes: u64) -> Result<Loaded> {
        let text = crate::error::read_limited(path, max_bytes, crate::error::Limited::RuleFile)?;
        let config: Config =
            serde_saphyr::from_str(&text).map_err(|e| crate::source::meta::yaml_error(path, &e).with_frame(&text))?;
        Ok(Loaded {
            config,
            path: path.into(),
            text,
        })
    }

    /// The configuration for a run over `paths`: `claimcheck.yaml` in the
    /// first folder checked (or the folder of the first file) or its parents.
    pub(crate) fn find(paths: &[PathBuf], max_bytes: u64) -> Result<Option<Loaded>> {
        let Some(first) = paths.iter().find(|p| p.as_os_str() != "-") else {
            return Ok(None);
        };
        let start = if first.is_dir() {
            first.clone()
        } else {
            first.parent().map(Path::to_path_buf).unwrap_or_default()
        };
        let start = std::fs::canonicalize(&start).unwrap_or(start);
        for dir in start.ancestors() {
            let candidate = dir.join(CONFIG_NAME);
            if candidate.is_file() {
                return Loaded::load(&candidate, max_bytes).map(Some);
            }
        }
        Ok(None)
    }

    /// The rules the configuration names, or the default set.
    pub(crate) fn load_rules(&self, max_file_bytes: u64) -> Result<Vec<Rule>> {
        let base = self.path.parent().unwrap_or(Path::new("."));
        if self.config.rules.is_empty() {
            return rules::load(None);
        }
        let mut all = Vec::new();
        for p in &self.config.rules {
            all.extend(rules::load_limited(Some(&base.join(p)), max_file_bytes)?);
        }
        all.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(all)
    }

    /// Applies enable, disable and severity overrides; an unknown rule id is
    /// an error that names the nearest known one.
    pub(crate) fn apply(&self, rules: Vec<Rule>) -> Result<Vec<Rule>> {
        // Ids of the default set count as known, so a configuration still
        // applies when --rules names a subset.
        let defaults = rules::load(None).unwrap_or_default();
        let mut ids: Vec<&str> = rules.iter().chain(&defaults).map(|r| r.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        let c = &self.config;
        for id in c.enable.iter().chain(&c.disable).chain(c.severity.keys()) {
            if !ids.contains(&id.as_str()) {
                return Err(self.unknown(id, &ids));
            }
        }
        Ok(rules
            .into_iter()
            .filter(|r| (c.enable.is_empty() || c.enable.contains(&r.id)) && !c.disable.contains(&r.id))
            .map(|mut r| {
                if let Some(s) = c.severity.get(&r.id) {
                    r.severity = *s;
                }
                r
            })
            .collect())
    }

    fn unknown(&self, id: &str, ids: &[&str]) -> Error {
        // The place of the id in the file: its first occurrence.
        let (line, column) = self
            .text
            .lines()
            .enumerate()
            .find_map(|(n, l)| l.find(id).map(|c| (n + 1, l[..c].chars().count() + 1)))
            .unwrap_or((1, 1));
        Error::Invalid {
            path: self.path.clone(),
            line,
            column,
            message: format!("unknown rule id `{id}`"),
            help: rules::nearest(id, ids).map(|n| format!("did you mean `{n}`?")),
            frame: None,
        }
        .with_frame(&self.text)
    }
}
