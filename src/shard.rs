//! `check` split into the steps a distributed engine runs (a map, a
//! shuffle, work per group, a merge), giving byte for byte the report of
//! `check --format json` over the same files (spark/README.md):
//!
//! 1. `keys`, a map over documents: each one's fingerprint and the clues
//!    to its publication date.
//! 2. `assign`, once over the keys of every document: the corpus-wide
//!    stages (copies, completed publication dates, stories) on the
//!    fingerprints alone; each document's story, date and copies.
//! 3. `check_stories`, per group: the documents of whole stories with their
//!    assignments in; each source's entry of the report with its claims,
//!    and the findings, out.
//! 4. `Merged`: every group's parts, in any order, into the report.
//!
//! Steps 1 and 3 read the documents and do all but a few hundredths of
//! the work; step 2 holds a fingerprint of every document in one place.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::Path;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::analysis::stream::{Packed, StreamOptions, one_story};
use crate::corpus::duplicates::Copy;
use crate::corpus::fingerprint::{Fingerprint, Owned};
use crate::corpus::story::Story;
use crate::corpus::{self, Completion, DateClues};
use crate::error::{Error, Limited};
use crate::finding::Finding;
use crate::report::SourceInfo;
use crate::report::json::write_report;
use crate::rules::Rule;
use crate::rules::engine::report_order;
use crate::source::{ManifestEntry, Source};

/// A document as a distributed engine hands it over: one JSON line.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Document {
    /// The source id: its file name, or its path where two files share a name.
    pub id: String,
    /// Its path as the report shows it; its extension gives the format.
    pub path: String,
    /// The file's bytes, where they are UTF-8.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The file's bytes in base64 (any bytes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base64: Option<String>,
}

/// Manifest entries by file name, as `check` applies them.
pub type Manifest = BTreeMap<String, ManifestEntry>;

impl Document {
    /// The document read as `check` reads its file: an error where its
    /// bytes are no article (binary data, more than `max_bytes`).
    pub fn read(self, manifest: &Manifest, max_bytes: u64) -> Result<Source, Error> {
        let path = Path::new(&self.path);
        let bytes = match (self.text, self.base64) {
            (Some(t), None) => t.into_bytes(),
            (None, Some(b)) => base64_decode(&b).map_err(|e| Error::Usage(format!("{}: base64: {e}", self.id)))?,
            _ => {
                return Err(Error::Usage(format!(
                    "{}: a document has either \"text\" or \"base64\"",
                    self.id
                )));
            }
        };
        if bytes.len() as u64 > max_bytes {
            return Err(Error::TooLarge {
                path: path.into(),
                bytes: Some(bytes.len() as u64),
                limit: max_bytes,
                kind: Limited::Article,
            });
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        crate::source::article(path, &self.id, bytes, manifest.get(&name))
    }
}

fn base64_decode(text: &str) -> Result<Vec<u8>, base64::DecodeError> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.decode(text)
}

/// What the corpus-wide stages read of one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Keys {
    pub id: String,
    /// Its content words and shingles, as the stories and copies of a
    /// single run read them.
    #[serde(with = "hashes")]
    words: Vec<u64>,
    #[serde(with = "hashes")]
    shingles: Vec<u64>,
    dates: DateClues,
}

/// Step 1: a document's keys.
pub fn keys(doc: Document, manifest: &Manifest, max_bytes: u64) -> Result<Keys, Error> {
    let source = doc.read(manifest, max_bytes)?;
    let Fingerprint { shingles, words } = Fingerprint::of(&source.clean.text);
    Ok(Keys {
        dates: DateClues::of(&source),
        id: source.id,
        words,
        shingles,
    })
}

/// A document's place in the corpus, as the corpus-wide stages decided it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assignment {
    pub id: String,
    /// The story's id: the id of its first source.
    pub story: String,
    /// Its publication date, where the corpus gave it one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    published: Option<Completion>,
    /// The sources it copies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    copy_of: Vec<CopyOf>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct CopyOf {
    original: String,
    containment: f64,
}

/// Step 2: every document's assignment, sorted by id. An error where two
/// documents have one id.
pub fn assign(mut all: Vec<Keys>) -> Result<Vec<Assignment>, Error> {
    all.sort_by(|a, b| a.id.cmp(&b.id));
    if let Some(w) = all.windows(2).find(|w| w[0].id == w[1].id) {
        return Err(Error::Usage(format!("two documents have the id {}", w[0].id)));
    }
    let shingles: Vec<Owned> = all
        .iter_mut()
        .enumerate()
        .flat_map(|(i, k)| {
            std::mem::take(&mut k.shingles).into_iter().map(move |shingle| Owned {
                shingle,
                source: i as u32,
            })
        })
        .collect();
    let words: Vec<Vec<u64>> = all.iter_mut().map(|k| std::mem::take(&mut k.words)).collect();
    let clues: Vec<DateClues> = all.iter_mut().map(|k| std::mem::take(&mut k.dates)).collect();
    let ids: Vec<&str> = all.iter().map(|k| k.id.as_str()).collect();
    let (copies, completions) = corpus::copies_and_dates(&ids, &clues, shingles);
    let stories = corpus::stories(&words, &copies);
    let mut story_of = vec![0; all.len()];
    for st in &stories {
        for &i in &st.sources {
            story_of[i] = st.sources[0];
        }
    }
    let mut copy_of: Vec<Vec<CopyOf>> = vec![Vec::new(); all.len()];
    for c in &copies {
        copy_of[c.copy].push(CopyOf {
            original: ids[c.original].to_string(),
            containment: c.containment,
        });
    }
    Ok(completions
        .into_iter()
        .zip(copy_of)
        .enumerate()
        .map(|(i, (published, copy_of))| Assignment {
            id: ids[i].to_string(),
            story: ids[story_of[i]].to_string(),
            published,
            copy_of,
        })
        .collect())
}

/// A document with its assignment: what step 3 reads, one JSON line.
#[derive(Debug, Clone, Deserialize)]
pub struct StoryDocument {
    #[serde(flatten)]
    document: Document,
    story: String,
    #[serde(default)]
    published: Option<Completion>,
    #[serde(default)]
    copy_of: Vec<CopyOf>,
}

/// What step 3 writes, one JSON line each, and the merge reads.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Part {
    /// A source's entry in the report, its story and its claims as the
    /// report's `claims` array holds them.
    Source {
        source: SourceInfo,
        story: String,
        claims: String,
    },
    /// A finding and the byte its first claim starts at (a sort key).
    Finding { finding: Finding, first: usize },
    /// A document that could not be read.
    Error { id: Option<String>, error: String },
}

/// Step 3: the parts of every story of `docs` (whole stories, in any
/// order), story by story in order of their ids.
pub fn check_stories(docs: Vec<StoryDocument>, rules: &[Rule], manifest: &Manifest, max_bytes: u64) -> Vec<Part> {
    let mut stories: BTreeMap<String, Vec<StoryDocument>> = BTreeMap::new();
    for d in docs {
        stories.entry(d.story.clone()).or_default().push(d);
    }
    let opts = StreamOptions {
        rules,
        linked: true,
        keys: false,
        people: false,
    };
    let stories: Vec<(String, Vec<StoryDocument>)> = stories.into_iter().collect();
    stories
        .into_par_iter()
        .flat_map_iter(|(story, docs)| check_story(story, docs, &opts, manifest, max_bytes))
        .collect()
}

fn check_story(
    story: String,
    mut docs: Vec<StoryDocument>,
    opts: &StreamOptions<'_>,
    manifest: &Manifest,
    max_bytes: u64,
) -> Vec<Part> {
    docs.sort_by(|a, b| a.document.id.cmp(&b.document.id));
    let mut parts = Vec::new();
    let mut sources = Vec::with_capacity(docs.len());
    let mut completions = Vec::with_capacity(docs.len());
    let mut copy_of = Vec::with_capacity(docs.len());
    for d in docs {
        let id = d.document.id.clone();
        match d.document.read(manifest, max_bytes) {
            Ok(s) => {
                sources.push(s);
                completions.push(d.published);
                copy_of.push(d.copy_of);
            }
            Err(e) => parts.push(Part::Error {
                id: Some(id),
                error: e.to_string(),
            }),
        }
    }
    corpus::apply_completions(&mut sources, completions);
    let place = |id: &str| sources.binary_search_by(|s| s.id.as_str().cmp(id)).ok();
    // In the order the corpus's copies are listed: by original, then copy.
    let mut copies: Vec<Copy> = copy_of
        .iter()
        .enumerate()
        .flat_map(|(copy, list)| {
            list.iter().filter_map(move |c| {
                Some(Copy {
                    original: place(&c.original)?,
                    copy,
                    containment: c.containment,
                })
            })
        })
        .collect();
    copies.sort_by_key(|c| (c.original, c.copy));
    let done = match one_story(sources, copies.clone(), opts, true, &|| {}) {
        Ok(d) => d,
        Err(e) => {
            parts.push(Part::Error {
                id: None,
                error: format!("story {story}: {e}"),
            });
            return parts;
        }
    };
    let infos = crate::report::source_infos(&done.sources, &copies, |i| done.claims[i].count);
    for (source, json) in infos.into_iter().zip(done.written) {
        parts.push(Part::Source {
            source,
            story: story.clone(),
            claims: String::from_utf8_lossy(&json).into_owned(),
        });
    }
    parts.extend(
        done.findings
            .into_iter()
            .map(|(first, finding, _)| Part::Finding { finding, first }),
    );
    parts
}

/// Step 4: the parts of every story gathered, and written as the report.
/// The claims wait compressed, as in a single run.
#[derive(Debug, Default)]
pub struct Merged {
    sources: Vec<(SourceInfo, String, Packed)>,
    findings: Vec<(usize, Finding)>,
    scratch: Vec<u8>,
}

impl Merged {
    /// Takes one part; an error part is the caller's to report.
    pub fn add(&mut self, part: Part) -> io::Result<()> {
        match part {
            Part::Source { source, story, claims } => {
                let packed = Packed::of(source.claims, claims.as_bytes(), &mut self.scratch)?;
                self.sources.push((source, story, packed));
            }
            Part::Finding { finding, first } => self.findings.push((first, finding)),
            Part::Error { .. } => {}
        }
        Ok(())
    }

    /// The report of `check --format json`. An error where two parts
    /// describe one source.
    pub fn write(mut self, out: &mut dyn Write) -> Result<(), Error> {
        self.sources.sort_by(|a, b| a.0.id.cmp(&b.0.id));
        if let Some(w) = self.sources.windows(2).find(|w| w[0].0.id == w[1].0.id) {
            return Err(Error::Usage(format!("two parts describe the source {}", w[0].0.id)));
        }
        let mut members: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, (_, story, _)) in self.sources.iter().enumerate() {
            members.entry(story.as_str()).or_default().push(i);
        }
        let mut stories: Vec<Story> = members.into_values().map(|sources| Story { sources }).collect();
        stories.sort_by_key(|s| s.sources[0]);
        self.findings
            .sort_by(|(x0, x), (y0, y)| report_order((x, *x0), (y, *y0)));
        self.findings.dedup_by(|(_, x), (_, y)| x == y);
        let findings: Vec<Finding> = self.findings.into_iter().map(|(_, f)| f).collect();
        let (infos, packed): (Vec<SourceInfo>, Vec<Packed>) = self.sources.into_iter().map(|(i, _, p)| (i, p)).unzip();
        write_report(out, &infos, packed.iter().map(Packed::unpack), &findings, &stories).map_err(|e| Error::Io {
            path: "<report>".into(),
            source: e,
        })
    }
}

/// A list of 64-bit hashes as the base64 of their little-endian bytes: a
/// third of their size as JSON numbers.
mod hashes {
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(list: &[u64], s: S) -> Result<S::Ok, S::Error> {
        let bytes: Vec<u8> = list.iter().flat_map(|h| h.to_le_bytes()).collect();
        s.serialize_str(&STANDARD.encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u64>, D::Error> {
        let bytes = STANDARD
            .decode(String::deserialize(d)?)
            .map_err(serde::de::Error::custom)?;
        if bytes.len() % 8 != 0 {
            return Err(serde::de::Error::custom("hashes: not a whole number of 8-byte words"));
        }
        Ok(bytes
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().unwrap_or_default()))
            .collect())
    }
}
