//! A run that holds one batch of stories at a time. No claim is compared
//! with a claim of another story, so each story is extracted, linked and
//! checked on its own; its claims are written as the report's JSON (kept
//! compressed until the report is written, or handed on at once in source
//! order) and everything else of the story is let go. What the run holds
//! grows with its sources' metadata and its findings, not with their text,
//! claims and graphs.

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::{Analysis, STORY_BATCH, group};
use crate::baseline::{Accepted, key};
use crate::claim::Claim;
use crate::corpus::{duplicates::Copy, story::Story};
use crate::extract::mention::Person;
use crate::finding::Finding;
use crate::report::json::write_report;
use crate::report::source_infos;
use crate::rules::Rule;
use crate::rules::engine::{first_start, report_order};
use crate::source::Source;

/// What a streamed run does beyond extraction.
pub struct StreamOptions<'a> {
    /// The rules each story is checked by; none for `extract`.
    pub rules: &'a [Rule],
    /// Whether claims are linked (and checked), or only extracted.
    pub linked: bool,
    /// Whether to keep each finding's baseline key.
    pub keys: bool,
    /// Whether to keep each source's people (for `--statistics`).
    pub people: bool,
}

/// One source's claims as the report's `claims` array holds them (pretty
/// JSON, each claim at the array's depth, separated by `,` and a line
/// break), compressed.
#[derive(Debug, Default)]
pub struct Packed {
    /// How many claims.
    pub count: usize,
    /// The length of their JSON.
    len: usize,
    bytes: Box<[u8]>,
}

impl Packed {
    /// The claims' JSON as the report's `claims` array holds them.
    fn json(claims: &[Claim]) -> std::io::Result<Vec<u8>> {
        // About half a kilobyte a claim: most sources' JSON in one allocation.
        let mut json = Vec::with_capacity(claims.len() * 512);
        for (i, c) in claims.iter().enumerate() {
            if i > 0 {
                json.extend_from_slice(b",\n");
            }
            json.extend_from_slice(b"    ");
            crate::report::json::pretty_at(&mut json, c, 2)?;
        }
        Ok(json)
    }

    /// `scratch`: room for compressing, reused from source to source.
    pub(crate) fn of(count: usize, json: &[u8], scratch: &mut Vec<u8>) -> std::io::Result<Packed> {
        scratch.resize(lz4_flex::block::get_maximum_output_size(json.len()), 0);
        let n = lz4_flex::block::compress_into(json, scratch).map_err(std::io::Error::other)?;
        // An allocation of the compressed size itself: a larger one cut
        // down leaves its tail a hole between other blocks.
        Ok(Packed {
            count,
            len: json.len(),
            bytes: scratch[..n].into(),
        })
    }

    /// The claims' JSON; an error only if the bytes were damaged in memory.
    pub fn unpack(&self) -> std::io::Result<Vec<u8>> {
        lz4_flex::block::decompress(&self.bytes, self.len).map_err(std::io::Error::other)
    }
}

/// A source's claims as JSON, waiting for their turn to be written.
enum Waiting {
    Plain(Vec<u8>),
    Packed(Packed),
}

impl Waiting {
    fn pack(&mut self, scratch: &mut Vec<u8>) -> std::io::Result<()> {
        if let Waiting::Plain(json) = self {
            // Only the bytes are kept: the source's count is in its
            // `claims` entry.
            *self = Waiting::Packed(Packed::of(0, json, scratch)?);
        }
        Ok(())
    }

    fn json(self) -> std::io::Result<Vec<u8>> {
        match self {
            Waiting::Plain(json) => Ok(json),
            Waiting::Packed(p) => p.unpack(),
        }
    }
}

/// Everything a streamed run keeps.
pub struct Streamed {
    /// Sorted by id, without their text.
    pub sources: Vec<Source>,
    pub copies: Vec<Copy>,
    pub stories: Vec<Story>,
    /// Each source's claims (same order as `sources`).
    pub claims: Vec<Packed>,
    /// Sorted by rule, sources, then first span, as `rules::engine::run`
    /// sorts them.
    pub findings: Vec<Finding>,
    /// The baseline key of each finding, where asked.
    pub(crate) keys: Vec<Accepted>,
    /// How many claims of each kind.
    pub kinds: BTreeMap<&'static str, usize>,
    /// Each source's people with their canonical names, where asked.
    pub people: Vec<Vec<(Person, String)>>,
    pub timings: Vec<(&'static str, std::time::Duration)>,
}

/// Where claims written in order go, a source's JSON at a time.
pub type Sink<'a> = dyn FnMut(&[u8]) -> std::io::Result<()> + 'a;

/// What a run keeps of one story.
pub(crate) struct Done {
    pub sources: Vec<Source>,
    pub claims: Vec<Packed>,
    /// Each source's claims as JSON, where they are written in order
    /// rather than packed.
    pub written: Vec<Vec<u8>>,
    /// Each with the start of its first claim's span: the sort key the
    /// claims no longer give.
    pub findings: Vec<(usize, Finding, Option<Accepted>)>,
    kinds: BTreeMap<&'static str, usize>,
    people: Vec<Vec<(Person, String)>>,
}

impl Streamed {
    /// Runs the pipeline and, where `opts` has rules, the rules over
    /// `sources`, story by story. With `in_order`, each source's claims are
    /// handed to it as JSON, in source order, as soon as every earlier
    /// source's have been (a source whose turn has not come waits): none
    /// are packed. An error where a claim could not be written as JSON, or
    /// where `in_order` gave one.
    pub fn run(
        mut sources: Vec<Source>,
        opts: &StreamOptions<'_>,
        mut in_order: Option<&mut Sink<'_>>,
        extracted: &(dyn Fn() + Sync),
    ) -> std::io::Result<Streamed> {
        let mut timings = Vec::new();
        let mut lap = |name: &'static str, since: &mut std::time::Instant| {
            timings.push((name, since.elapsed()));
            *since = std::time::Instant::now();
        };
        let mut since = std::time::Instant::now();
        let (copies, stories) = group(&mut sources, &mut lap, &mut since);
        let n = sources.len();
        let local = local_copies(&copies, &stories, n);
        let mut slots: Vec<Option<Source>> = sources.into_iter().map(Some).collect();
        let mut claims: Vec<Packed> = (0..n).map(|_| Packed::default()).collect();
        let mut people: Vec<Vec<(Person, String)>> = vec![Vec::new(); if opts.people { n } else { 0 }];
        let mut kinds: BTreeMap<&'static str, usize> = BTreeMap::new();
        let mut found: Vec<(usize, Finding, Option<Accepted>)> = Vec::new();
        // Claims written in order: those whose turn has not come, by source,
        // packed while they wait a batch or more (where file names
        // interleave stories).
        let mut waiting: BTreeMap<usize, Waiting> = BTreeMap::new();
        let mut scratch = Vec::new();
        let mut next = 0;
        let ordered = in_order.is_some();
        for (batch, batch_copies) in stories.chunks(STORY_BATCH).zip(local.chunks(STORY_BATCH)) {
            let inputs: Vec<(Vec<Source>, Vec<Copy>)> = batch
                .iter()
                .zip(batch_copies)
                .map(|(st, c)| (st.sources.iter().filter_map(|&i| slots[i].take()).collect(), c.clone()))
                .collect();
            let done: Vec<Done> = inputs
                .into_par_iter()
                .map(|(s, c)| one_story(s, c, opts, ordered, extracted))
                .collect::<std::io::Result<_>>()?;
            for (st, d) in batch.iter().zip(done) {
                for (&i, (s, c)) in st.sources.iter().zip(d.sources.into_iter().zip(d.claims)) {
                    slots[i] = Some(s);
                    claims[i] = c;
                }
                waiting.extend(
                    st.sources
                        .iter()
                        .copied()
                        .zip(d.written.into_iter().map(Waiting::Plain)),
                );
                if opts.people {
                    for (&i, p) in st.sources.iter().zip(d.people) {
                        people[i] = p;
                    }
                }
                for (k, v) in d.kinds {
                    *kinds.entry(k).or_default() += v;
                }
                found.extend(d.findings);
            }
            if let Some(write) = in_order.as_mut() {
                while let Some(w) = waiting.remove(&next) {
                    write(&w.json()?)?;
                    next += 1;
                }
                for w in waiting.values_mut() {
                    w.pack(&mut scratch)?;
                }
            }
        }
        lap("extraction, identities, linking and rules", &mut since);
        found.sort_by(|(x0, x, _), (y0, y, _)| report_order((x, *x0), (y, *y0)));
        found.dedup_by(|(_, x, _), (_, y, _)| x == y);
        let (findings, keys): (Vec<Finding>, Vec<Option<Accepted>>) = found.into_iter().map(|(_, f, k)| (f, k)).unzip();
        Ok(Streamed {
            sources: slots.into_iter().flatten().collect(),
            copies,
            stories,
            claims,
            findings,
            keys: keys.into_iter().flatten().collect(),
            kinds,
            people,
            timings,
        })
    }
}

impl Streamed {
    /// The sources as the report describes them.
    pub(crate) fn source_infos(&self) -> Vec<crate::report::SourceInfo> {
        source_infos(&self.sources, &self.copies, |i| self.claims[i].count)
    }

    /// The JSON report (`check --format json`): the same bytes as the
    /// report of a run that holds its claims.
    pub fn write_json(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let infos = self.source_infos();
        let claims = self.claims.iter().map(Packed::unpack);
        write_report(out, &infos, claims, &self.findings, &self.stories)
    }
}

/// The copies of each story, as indices into the story's sources. A copy
/// and its original always share a story.
fn local_copies(copies: &[Copy], stories: &[Story], n: usize) -> Vec<Vec<Copy>> {
    // Each source's story and its place in it.
    let mut at = vec![(usize::MAX, 0); n];
    for (k, st) in stories.iter().enumerate() {
        for (pos, &i) in st.sources.iter().enumerate() {
            at[i] = (k, pos);
        }
    }
    let mut local = vec![Vec::new(); stories.len()];
    for c in copies {
        let ((story, original), (other, copy)) = (at[c.original], at[c.copy]);
        if story == other && story != usize::MAX {
            local[story].push(Copy {
                original,
                copy,
                containment: c.containment,
            });
        }
    }
    local
}

/// Extracts, links and checks one story, and keeps what the report needs.
pub(crate) fn one_story(
    sources: Vec<Source>,
    copies: Vec<Copy>,
    opts: &StreamOptions<'_>,
    in_order: bool,
    extracted: &(dyn Fn() + Sync),
) -> std::io::Result<Done> {
    let a = Analysis::of_story(sources, copies, opts.linked, extracted);
    let findings = if opts.linked {
        crate::rules::engine::run(opts.rules, &a)
    } else {
        Vec::new()
    };
    let findings = findings
        .into_iter()
        .map(|mut f| {
            let first = first_start(&f, &a);
            let k = opts.keys.then(|| key(&f, &a));
            // The labels point into this story's claims, which go.
            f.labels = Vec::new();
            f.diff = None;
            (first, f, k)
        })
        .collect();
    let mut kinds = BTreeMap::new();
    for c in &a.claims {
        *kinds.entry(c.kind().as_str()).or_default() += 1;
    }
    let mut scratch = Vec::new();
    let mut claims = Vec::with_capacity(a.sources.len());
    let mut written = Vec::new();
    for i in 0..a.sources.len() {
        let own = a.claims_of(i);
        let json = Packed::json(own)?;
        if in_order {
            claims.push(Packed {
                count: own.len(),
                ..Packed::default()
            });
            written.push(json);
        } else {
            claims.push(Packed::of(own.len(), &json, &mut scratch)?);
        }
    }
    let Analysis {
        mut sources, people, ..
    } = a;
    for s in &mut sources {
        s.let_go_of_text();
    }
    Ok(Done {
        sources,
        claims,
        written,
        findings,
        kinds,
        people: if opts.people { people } else { Vec::new() },
    })
}
