//! Rules: YAML files read into `RawRule`, validated into `Rule` through one
//! path, so every error names its file, line and column.

pub mod engine;
mod group;
pub mod raw;
pub mod vocab;

use std::path::{Path, PathBuf};

use serde_saphyr::Spanned;

use crate::error::{Error, Result};
use crate::finding::Severity;

pub use self::raw::{RawExpect, RawRule, RawTest};
pub use self::vocab::{Comparator, Field, Link, Placeholder, Segment, SpeakerCondition, Vocabulary};

/// The default rule set, built into the binary.
pub const DEFAULT_RULES: &[(&str, &str)] = &[
    (
        "rules/attribution-mismatch.yaml",
        include_str!("../../rules/attribution-mismatch.yaml"),
    ),
    (
        "rules/date-mismatch.yaml",
        include_str!("../../rules/date-mismatch.yaml"),
    ),
    (
        "rules/duplicate-source.yaml",
        include_str!("../../rules/duplicate-source.yaml"),
    ),
    (
        "rules/figure-mismatch.yaml",
        include_str!("../../rules/figure-mismatch.yaml"),
    ),
    ("rules/quote-drift.yaml", include_str!("../../rules/quote-drift.yaml")),
];

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Conditions {
    pub direct: Option<bool>,
    pub speaker: Option<SpeakerCondition>,
    pub independent: bool,
    pub contained: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Compare {
    pub field: Field,
    pub tolerance: f64,
    pub hedged_tolerance: f64,
}

/// A validated rule.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub severity: Severity,
    pub summary: String,
    pub description: Option<String>,
    /// What makes two claims the same thing; several kinds add up.
    pub links: Vec<Link>,
    pub conditions: Conditions,
    pub compare: Option<Compare>,
    pub message: String,
    /// The message compiled into text and placeholders.
    pub template: Vec<Segment>,
    pub tests: Vec<RawTest>,
    /// The file it came from.
    pub path: PathBuf,
}

/// Edit distance, for "did you mean".
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push((prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The nearest of `options` to `word`, if it is near enough to be meant.
pub fn nearest<'a>(word: &str, options: &[&'a str]) -> Option<&'a str> {
    options
        .iter()
        .map(|o| (distance(word, o), *o))
        .filter(|(d, o)| *d <= (o.len() / 3).max(2))
        .min()
        .map(|(_, o)| o)
}

fn invalid<T>(path: &Path, at: &Spanned<T>, message: String, help: Option<String>) -> Error {
    let loc = at.referenced;
    Error::Invalid {
        path: path.into(),
        line: loc.line() as usize,
        column: loc.column() as usize,
        message,
        help,
        frame: None,
    }
}

/// A name of a vocabulary, or an error at its place with the nearest name.
fn one_of<V: Vocabulary>(path: &Path, value: &Spanned<String>) -> Result<V> {
    if let Some(v) = V::parse(&value.value) {
        return Ok(v);
    }
    let options = V::names();
    let help = nearest(&value.value, &options)
        .map(|n| format!("did you mean `{n}`?"))
        .or_else(|| Some(format!("expected one of: {}", options.join(", "))));
    Err(invalid(
        path,
        value,
        format!("unknown {} `{}`", V::WHAT, value.value),
        help,
    ))
}

impl Rule {
    /// Validates a raw rule. The one path from YAML to a usable rule.
    pub fn compile(raw: RawRule, path: &Path) -> Result<Rule> {
        let id = &raw.id.value;
        let kebab = !id.is_empty()
            && id
                .split('-')
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()));
        if !kebab {
            return Err(invalid(
                path,
                &raw.id,
                format!("rule id `{id}` is not kebab-case"),
                Some("use lowercase words joined by `-`, e.g. `date-mismatch`".into()),
            ));
        }
        let mut links = Vec::new();
        for l in raw.link.value.items() {
            // A list's items share the list's place: the parser keeps one.
            let item = Spanned::new(l.to_string(), raw.link.referenced, raw.link.defined);
            links.push(one_of::<Link>(path, &item)?);
        }
        if links.is_empty() {
            return Err(invalid(
                path,
                &raw.id,
                "the rule names no link".into(),
                Some(format!("links: {}", Link::names().join(", "))),
            ));
        }
        let speaker = match &raw.conditions.speaker {
            Some(s) => Some(one_of::<SpeakerCondition>(path, s)?),
            None => None,
        };
        let compare = match &raw.compare {
            Some(c) => {
                let field = one_of::<Field>(path, &c.field)?;
                let Comparator::Differs = one_of::<Comparator>(path, &c.op)?;
                let tolerance = c.tolerance.unwrap_or(0.0);
                if !(tolerance >= 0.0 && tolerance.is_finite()) {
                    return Err(invalid(
                        path,
                        &c.field,
                        "tolerance must be a non-negative number".into(),
                        None,
                    ));
                }
                Some(Compare {
                    field,
                    tolerance,
                    hedged_tolerance: c.hedged_tolerance.unwrap_or(tolerance).max(tolerance),
                })
            }
            None => None,
        };
        let template = compile_template(path, &raw.message)?;
        Ok(Rule {
            id: id.clone(),
            severity: raw.severity,
            summary: raw.summary,
            description: raw.description,
            links,
            conditions: Conditions {
                direct: raw.conditions.direct,
                speaker,
                independent: raw.conditions.independent.unwrap_or(false),
                contained: raw.conditions.contained,
            },
            compare,
            message: raw.message.value,
            template,
            tests: raw.tests,
            path: path.into(),
        })
    }
}

/// A message template as text and placeholders; every `{name}` must be a
/// known placeholder.
fn compile_template(path: &Path, message: &Spanned<String>) -> Result<Vec<Segment>> {
    let mut out = Vec::new();
    let mut rest = message.value.as_str();
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            return Err(invalid(path, message, "unclosed `{` in message".into(), None));
        };
        let name = &rest[open + 1..open + close];
        let Some(p) = Placeholder::parse(name) else {
            let names = Placeholder::names();
            let help = nearest(name, &names)
                .map(|n| format!("did you mean `{{{n}}}`?"))
                .or_else(|| Some(format!("placeholders: {}", names.join(", "))));
            return Err(invalid(
                path,
                message,
                format!("unknown placeholder `{{{name}}}` in message"),
                help,
            ));
        };
        if open > 0 {
            out.push(Segment::Text(rest[..open].to_string()));
        }
        out.push(Segment::Placeholder(p));
        rest = &rest[open + close + 1..];
    }
    if !rest.is_empty() {
        out.push(Segment::Text(rest.to_string()));
    }
    Ok(out)
}

/// Keys a rule file may hold, for "did you mean" on unknown keys.
const KEYS: &[&str] = &[
    "id",
    "severity",
    "summary",
    "description",
    "link",
    "where",
    "compare",
    "message",
    "tests",
    "direct",
    "speaker",
    "independent",
    "contained",
    "field",
    "op",
    "tolerance",
    "hedged_tolerance",
    "name",
    "sources",
    "expect",
    "values",
];

/// Parses one rule file's text.
pub fn parse_rule(text: &str, path: &Path) -> Result<Rule> {
    let raw: RawRule = serde_saphyr::from_str(text).map_err(|e| {
        let mut err = crate::source::meta::yaml_error(path, &e);
        if let Error::Invalid { message, help, .. } = &mut err {
            if let Some(key) = message
                .split('`')
                .nth(1)
                .filter(|_| message.contains("unknown field"))
                .map(String::from)
            {
                *message = format!("unknown key `{key}`");
                *help = nearest(&key, KEYS).map(|n| format!("did you mean `{n}`?"));
            } else if let Some((what, expected)) = message.clone().split_once(", expected ") {
                // "unknown variant `3`, expected one of info, warning, error"
                let options: Vec<&str> = expected
                    .trim_start_matches("one of ")
                    .split(", ")
                    .map(|o| o.trim_matches('`'))
                    .collect();
                let given = what.split('`').nth(1).unwrap_or("");
                *message = what.to_string();
                *help = Some(match nearest(given, &options) {
                    Some(n) => format!("did you mean `{n}`?"),
                    None => format!("expected {expected}"),
                });
            }
        }
        err.with_frame(text)
    })?;
    Rule::compile(raw, path).map_err(|e| e.with_frame(text))
}

/// The JSON Schema of rule files, generated from the same types that read them.
pub fn schema() -> String {
    let schema = schemars::schema_for!(RawRule);
    let mut s = serde_json::to_string_pretty(&schema).expect("schema serializes");
    s.push('\n');
    s
}

/// The rules of a file or a folder of `.yaml`/`.yml` files, sorted by id.
/// Without a path: the default set.
pub fn load(path: Option<&Path>) -> Result<Vec<Rule>> {
    load_limited(path, DEFAULT_MAX_RULE_FILE_BYTES)
}

/// The largest rule file read unless told otherwise: a rule is a few
/// kilobytes; a file of a megabyte is a mistake (or worse).
pub const DEFAULT_MAX_RULE_FILE_BYTES: u64 = 1_000_000;

/// `load`, refusing a rule file of more than `max_file_bytes`.
pub fn load_limited(path: Option<&Path>, max_file_bytes: u64) -> Result<Vec<Rule>> {
    let read = |f: &Path| crate::error::read_limited(f, max_file_bytes, crate::error::Limited::RuleFile);
    let mut rules = Vec::new();
    match path {
        None => {
            for (p, text) in DEFAULT_RULES {
                rules.push(parse_rule(text, Path::new(p))?);
            }
        }
        Some(p) if p.is_dir() => {
            let mut files: Vec<PathBuf> = walkdir::WalkDir::new(p)
                .sort_by_file_name()
                .into_iter()
                .filter_map(|e| e.ok())
                .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "yaml" || x == "yml"))
                .map(|e| e.into_path())
                .collect();
            files.sort();
            for f in files {
                let text = read(&f)?;
                rules.push(parse_rule(&text, &f)?);
            }
        }
        Some(p) => {
            let text = read(p)?;
            rules.push(parse_rule(&text, p)?);
        }
    }
    rules.sort_by(|a, b| a.id.cmp(&b.id));
    if let Some(w) = rules.windows(2).find(|w| w[0].id == w[1].id) {
        return Err(Error::Invalid {
            path: w[1].path.clone(),
            line: 1,
            column: 1,
            message: format!(
                "rule id `{}` is defined twice (also in {})",
                w[1].id,
                w[0].path.display()
            ),
            help: None,
            frame: None,
        });
    }
    Ok(rules)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_rules_load() {
        let rules = load(None).unwrap();
        let ids: Vec<&str> = rules.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "attribution-mismatch",
                "date-mismatch",
                "duplicate-source",
                "figure-mismatch",
                "quote-drift"
            ]
        );
    }

    #[test]
    fn unknown_key_suggests_the_nearest() {
        let e = parse_rule("id: x\nseverty: error\n", Path::new("r.yaml"))
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("r.yaml:2:1: unknown key `severty`"), "{e}");
        assert!(e.contains("did you mean `severity`?"), "{e}");
    }

    #[test]
    fn bad_placeholder_and_link_are_located() {
        let base = "id: x\nseverity: error\nsummary: s\nlink: same-remark\nmessage: \"{a.sorce}\"\n";
        let e = parse_rule(base, Path::new("r.yaml")).unwrap_err().to_string();
        assert!(
            e.starts_with("r.yaml:5:10:") && e.contains("did you mean `{a.source}`?"),
            "{e}"
        );
        let e = parse_rule(
            &base.replace("same-remark", "same-remarks").replace("{a.sorce}", "m"),
            Path::new("r.yaml"),
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.starts_with("r.yaml:4:7: unknown link `same-remarks`") && e.contains("same-remark"),
            "{e}"
        );
    }
}
