//! Metadata of a source: publication date, publisher, title and URL, from a
//! manifest, YAML front matter, HTML meta tags or the text itself.

use std::collections::BTreeMap;
use std::path::Path;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::timex::{DateExpr, find_dates, parse_date_str};

/// Where a publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum PublishedFrom {
    Text,
    Metadata,
    Manifest,
    Inferred,
    #[default]
    Unknown,
}

/// A dateline that names a day but not its year ("13 Feb").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartialDate {
    pub month: u8,
    pub day: u8,
}

#[derive(Debug, Clone, Default)]
pub struct Metadata {
    pub published: Option<Date>,
    pub published_from: PublishedFrom,
    /// Where in the page the date was read, as written there.
    pub evidence: Option<String>,
    /// A yearless dateline, completed once the corpus is known.
    pub partial: Option<PartialDate>,
    pub publisher: Option<String>,
    pub title: Option<String>,
    /// The author as the article credits them ("By Ada Lind").
    pub byline: Option<String>,
    pub url: Option<String>,
}

/// One entry of a manifest.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestEntry {
    pub published: Option<String>,
    pub publisher: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
}

/// `claimcheck.yaml` or `sources.yaml`: metadata per file name.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Manifest {
    #[serde(default)]
    pub sources: BTreeMap<String, ManifestEntry>,
}

impl Manifest {
    pub fn load(path: &Path) -> Result<Manifest> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::Io {
            path: path.into(),
            source: e,
        })?;
        serde_saphyr::from_str(&text).map_err(|e| yaml_error(path, &e))
    }
}

/// A YAML error with its place in the file.
pub(crate) fn yaml_error(path: &Path, e: &serde_saphyr::Error) -> Error {
    let (line, column) = e
        .location()
        .map(|l| (l.line() as usize, l.column() as usize))
        .unwrap_or((1, 1));
    let first = e.to_string().lines().next().unwrap_or("invalid YAML").to_string();
    // The place is reported by us; drop the parser's own "error: line N column M: ".
    let mut message = first.strip_prefix("error: ").unwrap_or(&first);
    if message.starts_with("line ") {
        if let Some((_, rest)) = message.split_once(": ") {
            message = rest;
        }
    }
    let message = message.to_string();
    Error::Invalid {
        path: path.into(),
        line,
        column,
        message,
        help: None,
        frame: None,
    }
}

/// YAML front matter of a markdown file: its fields and the byte length of
/// the block (fences included).
pub(crate) fn front_matter(text: &str) -> Option<(BTreeMap<String, String>, usize)> {
    let body = text.strip_prefix("---")?;
    let body = body.strip_prefix("\r\n").or_else(|| body.strip_prefix('\n'))?;
    let end = body.find("\n---")?;
    let yaml = &body[..end];
    let after = &body[end + 4..];
    let rest_len = after.find('\n').map(|n| n + 1).unwrap_or(after.len());
    let consumed = text.len() - body.len() + end + 4 + rest_len;
    let value: BTreeMap<String, serde_json::Value> = serde_saphyr::from_str(yaml).ok()?;
    let fields = value
        .into_iter()
        .filter_map(|(k, v)| {
            let s = match v {
                serde_json::Value::String(s) => s,
                serde_json::Value::Number(n) => n.to_string(),
                _ => return None,
            };
            Some((k.to_lowercase(), s))
        })
        .collect();
    Some((fields, consumed))
}

impl Metadata {
    pub(crate) fn from_fields(fields: &BTreeMap<String, String>, from: PublishedFrom) -> Metadata {
        let get = |keys: &[&str]| keys.iter().find_map(|k| fields.get(*k)).cloned();
        let keys = ["published", "date", "published_time", "pubdate", "published_at"];
        let written = keys.iter().find_map(|k| fields.get(*k).map(|v| (*k, v)));
        let published = written.and_then(|(_, d)| parse_date_str(d));
        Metadata {
            published,
            published_from: if published.is_some() {
                from
            } else {
                PublishedFrom::Unknown
            },
            evidence: published.and(written).map(|(k, v)| {
                let place = match from {
                    PublishedFrom::Manifest => "the manifest",
                    _ => "the front matter",
                };
                format!("{place}, {k}: \"{v}\"")
            }),
            partial: None,
            publisher: get(&["publisher", "source", "site", "outlet"]),
            title: get(&["title", "headline"]),
            byline: get(&["author", "byline", "by"]),
            url: get(&["url", "link", "canonical"]),
        }
    }

    /// Fills what is missing from a lower-priority source of metadata.
    pub(crate) fn or(mut self, other: Metadata) -> Metadata {
        if self.published.is_none() && self.partial.is_none() {
            self.published = other.published;
            self.published_from = other.published_from;
            self.evidence = other.evidence;
            self.partial = other.partial;
        }
        self.publisher = self.publisher.or(other.publisher);
        self.title = self.title.or(other.title);
        self.byline = self.byline.or(other.byline);
        self.url = self.url.or(other.url);
        self
    }
}

/// A dateline among the first lines of the text: a short line, not a
/// sentence, that holds a calendar date near its start or end.
pub(crate) fn dateline(lines: &[&str]) -> Metadata {
    for line in lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()).take(15) {
        if line.chars().count() > 100 || line.ends_with(['.', '?', '!', '"']) {
            continue;
        }
        for m in find_dates(line) {
            let DateExpr::Calendar {
                year,
                month: Some(month),
                day: Some(day),
                ..
            } = m.expr
            else {
                continue;
            };
            let before = line[..m.span.start].split_whitespace().count();
            let after = line[m.span.end..].split_whitespace().count();
            if before > 6 || after > 4 {
                continue;
            }
            let mut meta = Metadata::default();
            match year.and_then(|y| Date::new(y, month as i8, day as i8).ok()) {
                Some(d) => {
                    meta.published = Some(d);
                    meta.published_from = PublishedFrom::Text;
                    meta.evidence = Some(format!("the dateline \"{line}\""));
                }
                None => meta.partial = Some(PartialDate { month, day }),
            }
            return meta;
        }
    }
    Metadata::default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        let d = |lines: &[&str]| dateline(lines).published.map(|d| d.to_string());
        assert_eq!(
            d(&["Skip", "by Ann Lee March 6, 2025 10:10 AM 2 min read"]),
            Some("2025-03-06".into())
        );
        assert_eq!(d(&["2025-03-05 22:25:00 | World"]), Some("2025-03-05".into()));
        assert_eq!(d(&["The union voted on March 3, 2025 to strike."]), None);
        let m = dateline(&["Harbour strike latest,6 Mar"]);
        assert_eq!(m.partial, Some(PartialDate { month: 3, day: 6 }));
    }

    #[test]
    fn front_matter_fields() {
        let (f, n) = front_matter("---\ntitle: Strike\ndate: 2025-03-05\n---\nBody").unwrap();
        assert_eq!(f.get("date").map(String::as_str), Some("2025-03-05"));
        assert_eq!(&"---\ntitle: Strike\ndate: 2025-03-05\n---\nBody"[n..], "Body");
    }
}
