//! The commands behind the binary, as library functions over writers, so
//! tests call exactly what the binary runs.

use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::analysis::stream::{StreamOptions, Streamed};
use crate::claim::Claim;
use crate::error::{Error, Result};
use crate::report::json::ClaimsDoc;

mod check;
mod inputs;
mod shard;

use crate::rules::{self, Rule};
use crate::source::{Format, PublishedFrom, Source};
pub use check::{CheckOptions, FailOn, check};
use inputs::{BatchLine, each_batch, progress, read};
pub use inputs::{EXIT_ERROR, EXIT_FINDINGS, EXIT_OK};
pub use shard::{ShardOptions, assign, check_stories, keys, merge};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExtractFormat {
    Human,
    Json,
    Jsonl,
}

pub struct ExtractOptions {
    pub paths: Vec<PathBuf>,
    pub format: ExtractFormat,
    pub published: Option<jiff::civil::Date>,
    /// Read JSONL documents instead of article files.
    pub jsonl_input: bool,
    pub manifest: Option<PathBuf>,
    /// Articles above this size are errors, not read.
    pub max_article_bytes: u64,
}

#[derive(Serialize)]
struct DocClaims<'a> {
    id: &'a str,
    claims: Vec<&'a Claim>,
}

/// `claimcheck extract`: the claims of each document, no rules.
pub fn extract(opts: &ExtractOptions, out: &mut dyn Write, err: &mut dyn Write) -> Result<i32> {
    if opts.jsonl_input {
        return extract_jsonl(opts, out);
    }
    let (mut sources, failed) = read(
        &opts.paths,
        opts.manifest.as_deref(),
        &Default::default(),
        opts.max_article_bytes,
        err,
    )?;
    if let Some(d) = opts.published {
        for s in sources
            .iter_mut()
            .filter(|s| s.meta.published.is_none() && s.meta.partial.is_none())
        {
            s.meta.published = Some(d);
            s.meta.published_from = PublishedFrom::Metadata;
            s.meta.evidence = Some("--published on the command line".into());
        }
    }
    let bar = progress(sources.len());
    let io = |e| Error::Io {
        path: "<stdout>".into(),
        source: e,
    };
    let jsonl = match opts.format {
        ExtractFormat::Json => {
            // Kept story by story as written JSON, as `check --format json` does.
            let run_opts = StreamOptions {
                rules: &[],
                linked: false,
                keys: false,
                people: false,
            };
            // The claims come first: written as each source's turn comes.
            let mut w = std::io::BufWriter::new(&mut *out);
            let mut doc = ClaimsDoc::begin(&mut w).map_err(io)?;
            let mut write = |json: &[u8]| doc.piece(json);
            let run = Streamed::run(sources, &run_opts, Some(&mut write), &|| bar.inc(1)).map_err(io)?;
            bar.finish_and_clear();
            doc.end(&run.source_infos()).map_err(io)?;
            w.flush().map_err(io)?;
            return Ok(if failed { EXIT_ERROR } else { EXIT_OK });
        }
        ExtractFormat::Jsonl => true,
        ExtractFormat::Human => false,
    };
    let analysis = Analysis::extract_observed(sources, &|| bar.inc(1));
    bar.finish_and_clear();
    if jsonl {
        for (i, s) in analysis.sources.iter().enumerate() {
            let doc = DocClaims {
                id: &s.id,
                claims: analysis.claims_of(i).iter().collect(),
            };
            let line = serde_json::to_string(&doc).map_err(|e| io(e.into()))?;
            writeln!(out, "{line}").map_err(io)?;
        }
    } else {
        for c in &analysis.claims {
            let path = analysis.source(&c.source).map(|s| s.path.as_str()).unwrap_or(&c.source);
            let who = c
                .statement()
                .map(|s| format!(" [{}]", s.speaker.as_deref().unwrap_or("?")))
                .unwrap_or_default();
            writeln!(
                out,
                "{path}:{}:{}: {} {}{who}: {}",
                c.span.line,
                c.span.column,
                c.kind().as_str(),
                c.value_text(),
                c.text.split_whitespace().collect::<Vec<_>>().join(" ")
            )
            .map_err(io)?;
        }
    }
    Ok(if failed { EXIT_ERROR } else { EXIT_OK })
}

/// `claimcheck read`'s output formats.
#[derive(Debug, Clone, Copy)]
pub enum ReadFormat {
    /// The cleaned text of each article.
    Text,
    /// One object with a `sources` array.
    Json,
    /// One line per article.
    Jsonl,
}

/// What the reader kept of one article.
#[derive(Serialize)]
struct ReadArticle<'a> {
    id: &'a str,
    path: &'a str,
    published: Option<String>,
    published_from: PublishedFrom,
    /// Where the date was read, as written there.
    published_evidence: Option<&'a str>,
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    byline: Option<&'a str>,
    text: &'a str,
}

/// `claimcheck read`: what the reader kept of each article (its cleaned
/// text, title and publication date with where it came from), no claims.
pub fn read_articles(
    paths: &[PathBuf],
    format: ReadFormat,
    max_article_bytes: u64,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32> {
    let (sources, failed) = read(paths, None, &Default::default(), max_article_bytes, err)?;
    let sources = Analysis::read_only(sources);
    let io = |e| Error::Io {
        path: "<stdout>".into(),
        source: e,
    };
    let articles: Vec<ReadArticle<'_>> = sources
        .iter()
        .map(|s| ReadArticle {
            id: &s.id,
            path: &s.path,
            published: s.meta.published.map(|d| d.to_string()),
            published_from: s.meta.published_from,
            published_evidence: s.meta.evidence.as_deref(),
            title: s.meta.title.as_deref(),
            byline: s.meta.byline.as_deref(),
            text: &s.clean.text,
        })
        .collect();
    match format {
        ReadFormat::Text => {
            for (i, a) in articles.iter().enumerate() {
                let gap = if i > 0 { "\n" } else { "" };
                writeln!(out, "{gap}{}", a.text).map_err(io)?;
            }
        }
        ReadFormat::Json => {
            let v = serde_json::json!({ "sources": articles });
            let mut s = serde_json::to_string_pretty(&v).expect("articles serialize");
            s.push('\n');
            out.write_all(s.as_bytes()).map_err(io)?;
        }
        ReadFormat::Jsonl => {
            for a in &articles {
                writeln!(out, "{}", serde_json::to_string(a).expect("articles serialize")).map_err(io)?;
            }
        }
    }
    Ok(if failed { EXIT_ERROR } else { EXIT_OK })
}

/// One document of the JSONL batch interface.
#[derive(Deserialize)]
struct JsonDoc {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    published: Option<String>,
}

/// `extract --input jsonl`: a pure map, one output line per input line.
/// Lines are read a batch at a time (a batch extracted on all cores, its
/// answers written in order), so a batch file of any size is never held
/// whole; a line above `--max-article-mb` is answered with an error and
/// skipped without being held either.
fn extract_jsonl(opts: &ExtractOptions, out: &mut dyn Write) -> Result<i32> {
    each_batch(&opts.paths, opts.max_article_bytes, |p, batch| {
        let results: Vec<String> = batch
            .par_iter()
            .map(|line| match line {
                BatchLine::Doc(_, line) => extract_line(line, opts.published),
                BatchLine::TooLarge(n) => {
                    let error = Error::TooLarge {
                        path: format!("{}:{n}", p.display()).into(),
                        bytes: None,
                        limit: opts.max_article_bytes,
                        kind: crate::error::Limited::Article,
                    };
                    serde_json::json!({ "id": null, "error": error.to_string() }).to_string()
                }
            })
            .collect();
        for r in results {
            writeln!(out, "{r}").map_err(|e| Error::Io {
                path: "<stdout>".into(),
                source: e,
            })?;
        }
        Ok(())
    })?;
    Ok(EXIT_OK)
}

fn extract_line(line: &[u8], default_published: Option<jiff::civil::Date>) -> String {
    let doc: JsonDoc = match serde_json::from_slice(line) {
        Ok(d) => d,
        Err(e) => {
            let id = serde_json::from_slice::<serde_json::Value>(line)
                .ok()
                .and_then(|v| v.get("id").cloned())
                .unwrap_or(serde_json::Value::Null);
            return serde_json::json!({ "id": id, "error": e.to_string() }).to_string();
        }
    };
    let id = match &doc.id {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let mut s = Source::parse(&id, &id, doc.text.into_bytes(), Format::Text, None);
    let published = match doc.published.as_deref() {
        Some(p) => match crate::timex::parse_date_str(p) {
            Some(d) => Some(d),
            None => {
                return serde_json::json!({ "id": doc.id, "error": format!("published: not a date: {p:?}") })
                    .to_string();
            }
        },
        None => default_published,
    };
    if published.is_some() {
        s.meta.published = published;
        s.meta.published_from = PublishedFrom::Metadata;
        s.meta.evidence = Some("the input line's published field".into());
    }
    let analysis = Analysis::extract_only(vec![s]);
    serde_json::json!({ "id": doc.id, "claims": analysis.claims }).to_string()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GraphFormat {
    Dot,
    Json,
}

/// `claimcheck graph`: the claim graph for inspection.
pub fn graph(
    paths: &[PathBuf],
    format: GraphFormat,
    max_article_bytes: u64,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32> {
    let (sources, failed) = read(paths, None, &Default::default(), max_article_bytes, err)?;
    let analysis = Analysis::run(sources);
    let g = &analysis.graph;
    let text = match format {
        GraphFormat::Dot => g.to_dot(&analysis.sources, &analysis.claims),
        GraphFormat::Json => g.to_json(&analysis.sources, &analysis.claims),
    };
    out.write_all(text.as_bytes()).map_err(|e| Error::Io {
        path: "<stdout>".into(),
        source: e,
    })?;
    Ok(if failed { EXIT_ERROR } else { EXIT_OK })
}

/// `claimcheck rules list`.
pub fn rules_list(rules: &[Rule], out: &mut dyn Write) -> Result<i32> {
    let w = rules.iter().map(|r| r.id.len()).max().unwrap_or(0);
    for r in rules {
        let _ = writeln!(out, "{:w$}  {:7}  {}", r.id, r.severity.as_str(), r.summary);
    }
    Ok(EXIT_OK)
}

/// `claimcheck rules explain ID`.
pub fn rules_explain(rules: &[Rule], id: &str, json: bool, out: &mut dyn Write) -> Result<i32> {
    let Some(r) = rules.iter().find(|r| r.id == id) else {
        let ids: Vec<&str> = rules.iter().map(|r| r.id.as_str()).collect();
        let hint = rules::nearest(id, &ids)
            .map(|n| format!("; did you mean `{n}`?"))
            .unwrap_or_default();
        return Err(Error::Usage(format!("no rule `{id}`{hint}")));
    };
    if json {
        let v = serde_json::json!({
            "id": r.id,
            "severity": r.severity,
            "summary": r.summary,
            "description": r.description,
            "file": r.path.display().to_string(),
            "tests": r.tests.len(),
        });
        let _ = writeln!(out, "{}", serde_json::to_string_pretty(&v).expect("JSON"));
        return Ok(EXIT_OK);
    }
    let _ = writeln!(out, "{} ({})\n\n{}\n", r.id, r.severity.as_str(), r.summary);
    if let Some(d) = &r.description {
        let _ = writeln!(out, "{}", d.trim_end());
    }
    Ok(EXIT_OK)
}

/// The outcome of one rule test case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseResult {
    Passed,
    /// Fired where it must not: the unexpected findings' sources.
    Noisy(Vec<Vec<String>>),
    /// Did not fire where it must: the expected findings' sources.
    Missing(Vec<Vec<String>>),
}

/// Runs one rule's test case on its inline sources.
pub fn run_case(rule: &Rule, case: &rules::RawTest) -> CaseResult {
    let sources: Vec<Source> = case
        .sources
        .iter()
        .map(|(name, text)| {
            let format = Format::from_path(Path::new(name)).unwrap_or(Format::Text);
            Source::parse(name, name, text.clone().into_bytes(), format, None)
        })
        .collect();
    let analysis = Analysis::run(sources);
    let findings = rules::engine::run(std::slice::from_ref(rule), &analysis);
    let mut got: Vec<(Vec<String>, Vec<String>)> = findings
        .iter()
        .map(|f| {
            let mut s = f.sources.clone();
            s.sort();
            (s, f.values.clone())
        })
        .collect();
    let mut missing = Vec::new();
    for e in &case.expect {
        let mut want = e.sources.clone();
        want.sort();
        let pos = got
            .iter()
            .position(|(s, v)| *s == want && e.values.as_ref().is_none_or(|ev| ev == v));
        match pos {
            Some(p) => {
                got.remove(p);
            }
            None => missing.push(want),
        }
    }
    if !missing.is_empty() {
        CaseResult::Missing(missing)
    } else if !got.is_empty() {
        CaseResult::Noisy(got.into_iter().map(|(s, _)| s).collect())
    } else {
        CaseResult::Passed
    }
}

/// `claimcheck rules test`: every case of every rule; `N passed, M failed`.
pub fn rules_test(rules: &[Rule], out: &mut dyn Write) -> Result<i32> {
    let (mut passed, mut failed) = (0, 0);
    for r in rules {
        for case in &r.tests {
            let result = run_case(r, case);
            let line = match &result {
                CaseResult::Passed => {
                    passed += 1;
                    "passed".to_string()
                }
                CaseResult::Noisy(s) => {
                    failed += 1;
                    format!("NOISY: fired where it must not ({})", list(s))
                }
                CaseResult::Missing(s) => {
                    failed += 1;
                    format!("MISSING: did not fire ({})", list(s))
                }
            };
            let _ = writeln!(out, "{} / {}: {line}", r.id, case.name);
        }
    }
    let _ = writeln!(out, "{passed} passed, {failed} failed");
    Ok(if failed == 0 { EXIT_OK } else { EXIT_FINDINGS })
}

fn list(s: &[Vec<String>]) -> String {
    s.iter().map(|v| v.join(" + ")).collect::<Vec<_>>().join("; ")
}
