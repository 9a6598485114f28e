//! The steps of a distributed `check` (`crate::shard`) as commands over
//! JSON lines: `keys`, `assign`, `check --input story-jsonl` and `merge`.

use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use super::inputs::{BatchLine, EXIT_OK, each_batch};
use crate::error::{Error, Limited, Result};
use crate::shard::{self, Document, Keys, Manifest, Merged, Part, StoryDocument};
use crate::source::Manifest as ManifestFile;

/// What the commands over documents share.
pub struct ShardOptions {
    /// JSONL files, or `-` for standard input.
    pub inputs: Vec<PathBuf>,
    /// Source metadata by file name, as `check --manifest` reads it.
    pub manifest: Option<PathBuf>,
    /// Documents above this size are answered with an error.
    pub max_article_bytes: u64,
}

impl ShardOptions {
    fn manifest(&self) -> Result<Manifest> {
        match &self.manifest {
            Some(p) => Ok(ManifestFile::load(p)?.sources),
            None => Ok(Manifest::new()),
        }
    }
}

/// A line that could not be used, answered in its place.
#[derive(Serialize)]
struct Failed<'a> {
    id: Option<&'a str>,
    error: String,
}

/// `claimcheck keys`: a pure map, one output line per document line, in
/// order: its keys, or its error.
pub fn keys(opts: &ShardOptions, out: &mut dyn Write) -> Result<i32> {
    let manifest = opts.manifest()?;
    each_batch(&opts.inputs, opts.max_article_bytes, |path, batch| {
        let lines: Vec<String> = batch
            .into_par_iter()
            .map(|line| match document::<Document>(path, line, opts.max_article_bytes) {
                Ok(doc) => {
                    let id = doc.id.clone();
                    match shard::keys(doc, &manifest, opts.max_article_bytes) {
                        Ok(k) => json_line(&k),
                        Err(e) => failed(Some(&id), e),
                    }
                }
                Err(answer) => answer,
            })
            .collect();
        write_lines(out, &lines)
    })?;
    Ok(EXIT_OK)
}

/// `claimcheck assign`: every document's story, date and copies, from the
/// keys of the whole corpus (lines answered with an error are documents
/// that are not in it), sorted by id.
pub fn assign(inputs: &[PathBuf], out: &mut dyn Write) -> Result<i32> {
    let mut all: Vec<Keys> = Vec::new();
    each_batch(inputs, u64::MAX, |path, batch| {
        for line in batch {
            let BatchLine::Doc(n, bytes) = line else { continue };
            if is_failed(&bytes) {
                continue;
            }
            all.push(parse(path, n, &bytes)?);
        }
        Ok(())
    })?;
    let lines: Vec<String> = shard::assign(all)?.iter().map(json_line).collect();
    write_lines(out, &lines)?;
    Ok(EXIT_OK)
}

/// `claimcheck check --input story-jsonl`: the parts of the stories of the
/// lines read (documents with their assignments, whole stories): each
/// source's entry of the report with its claims, each finding, and each
/// document that could not be read.
/// `rules`: a rule file or folder, else the default rules.
pub fn check_stories(
    opts: &ShardOptions,
    rules: Option<&Path>,
    max_rule_file_bytes: u64,
    out: &mut dyn Write,
) -> Result<i32> {
    let rules = crate::rules::load_limited(rules, max_rule_file_bytes)?;
    let manifest = opts.manifest()?;
    let mut docs = Vec::new();
    let mut lines = Vec::new();
    each_batch(&opts.inputs, opts.max_article_bytes, |path, batch| {
        for line in batch {
            match document::<StoryDocument>(path, line, opts.max_article_bytes) {
                Ok(d) => docs.push(d),
                Err(answer) => lines.push(answer),
            }
        }
        Ok(())
    })?;
    let parts = shard::check_stories(docs, &rules, &manifest, opts.max_article_bytes);
    lines.extend(parts.iter().map(json_line));
    write_lines(out, &lines)?;
    Ok(EXIT_OK)
}

/// `claimcheck merge`: the report of `check --format json` from the parts
/// of every story, in any order. A part that tells of a document that
/// could not be read is a note on `err`.
pub fn merge(inputs: &[PathBuf], output: Option<&Path>, out: &mut dyn Write, err: &mut dyn Write) -> Result<i32> {
    let mut merged = Merged::default();
    each_batch(inputs, u64::MAX, |path, batch| {
        for line in batch {
            let BatchLine::Doc(n, bytes) = line else { continue };
            let part: Part = parse(path, n, &bytes)?;
            if let Part::Error { id, error } = &part {
                let _ = writeln!(err, "note: {}: {error}", id.as_deref().unwrap_or("?"));
            }
            merged.add(part).map_err(|e| Error::Io {
                path: path.into(),
                source: e,
            })?;
        }
        Ok(())
    })?;
    match output {
        Some(p) => crate::baseline::write_atomic_with(p, |w| {
            merged.write(w).map_err(|e| std::io::Error::other(e.to_string()))
        })?,
        None => merged.write(out)?,
    }
    Ok(EXIT_OK)
}

/// A document line read, or the line that answers it: its id (where it
/// has one) and what is wrong.
fn document<T: serde::de::DeserializeOwned>(
    path: &Path,
    line: BatchLine,
    limit: u64,
) -> std::result::Result<T, String> {
    match line {
        BatchLine::TooLarge(n) => Err(failed(
            None,
            Error::TooLarge {
                path: format!("{}:{n}", path.display()).into(),
                bytes: None,
                limit,
                kind: Limited::Article,
            },
        )),
        BatchLine::Doc(n, bytes) => parse(path, n, &bytes).map_err(|e| {
            let id = serde_json::from_slice::<serde_json::Value>(&bytes)
                .ok()
                .and_then(|v| v.get("id")?.as_str().map(String::from));
            failed(id.as_deref(), e)
        }),
    }
}

/// Line `n` of `path` read as a `T`; an error that names the line and column.
fn parse<T: serde::de::DeserializeOwned>(path: &Path, n: usize, bytes: &[u8]) -> Result<T> {
    serde_json::from_slice(bytes).map_err(|e| Error::Invalid {
        path: path.into(),
        line: n,
        column: e.column(),
        // serde's own place is the line's first, this line's.
        message: e.to_string().split(" at line ").next().unwrap_or_default().to_string(),
        help: None,
        frame: None,
    })
}

/// Whether a line is the answer of a document that could not be read.
fn is_failed(bytes: &[u8]) -> bool {
    #[derive(serde::Deserialize)]
    struct Probe {
        error: Option<serde::de::IgnoredAny>,
    }
    serde_json::from_slice::<Probe>(bytes).is_ok_and(|p| p.error.is_some())
}

fn failed(id: Option<&str>, e: Error) -> String {
    json_line(&Failed {
        id,
        error: e.to_string(),
    })
}

fn json_line<T: Serialize>(value: &T) -> String {
    // Serializing plain data to a string cannot fail.
    serde_json::to_string(value).unwrap_or_default()
}

fn write_lines(out: &mut dyn Write, lines: &[String]) -> Result<()> {
    let io = |e| Error::Io {
        path: "<stdout>".into(),
        source: e,
    };
    for l in lines {
        out.write_all(l.as_bytes()).map_err(io)?;
        out.write_all(b"\n").map_err(io)?;
    }
    Ok(())
}
