//! The pipeline from sources to linked claims: the part of a run that is the
//! same whatever rules and report follow.

use rayon::prelude::*;

use crate::claim::{Claim, ClaimValue};
use crate::corpus::{self, duplicates::Copy, identity::Identities, link::Link};
use crate::extract::{self, mention::Person};
use crate::graph::ClaimGraph;
use crate::source::Source;

/// Every source with its claims, people, copies and cross-source links.
#[derive(Debug)]
pub struct Analysis {
    /// Sorted by id.
    pub sources: Vec<Source>,
    /// Sorted by source, then by number within the source.
    pub claims: Vec<Claim>,
    /// People of each source (same order as `sources`), with canonical names.
    pub people: Vec<Vec<(Person, String)>>,
    pub copies: Vec<Copy>,
    pub links: Vec<Link>,
    /// Sources, people and claims with their links: what the rules read.
    pub graph: ClaimGraph,
    /// Time spent in each stage, for `--statistics`.
    pub timings: Vec<(&'static str, std::time::Duration)>,
}

impl Analysis {
    /// Runs the pipeline over sources that have been read.
    pub fn run(mut sources: Vec<Source>) -> Analysis {
        let clock = std::time::Instant::now();
        let mut timings = Vec::new();
        let mut lap = |name: &'static str, since: &mut std::time::Instant| {
            timings.push((name, since.elapsed()));
            *since = std::time::Instant::now();
        };
        let mut since = clock;
        sources.sort_by(|a, b| a.id.cmp(&b.id));
        let copies = corpus::duplicates::find_copies(&sources);
        corpus::infer_published(&mut sources, &copies);
        lap("copies and dates", &mut since);
        let extractions: Vec<extract::Extraction> = sources
            .par_iter()
            .map(|s| extract::extract(&s.id, &s.clean.text, s.meta.published, &|span| s.locate(span)))
            .collect();
        lap("extraction", &mut since);
        let people: Vec<Vec<Person>> = extractions.iter().map(|e| e.people.clone()).collect();
        let ids = Identities::resolve(&people);
        let mut claims = Vec::new();
        for (si, e) in extractions.into_iter().enumerate() {
            for mut c in e.claims {
                if let ClaimValue::Statement(st) = &mut c.value {
                    st.speaker = c
                        .speaker_mention
                        .as_deref()
                        .and_then(|n| ids.canonical(si, n))
                        .map(String::from);
                }
                c.participants = c
                    .participants
                    .iter()
                    .map(|n| ids.canonical(si, n).unwrap_or(n).to_string())
                    .collect();
                claims.push(c);
            }
        }
        let people = people
            .into_iter()
            .enumerate()
            .map(|(si, list)| {
                list.into_iter()
                    .map(|p| {
                        let name = ids.canonical(si, &p.full_name()).unwrap_or_default().to_string();
                        (p, name)
                    })
                    .collect()
            })
            .collect();
        lap("identities", &mut since);
        let links = corpus::link::link(&claims);
        lap("linking", &mut since);
        let graph = ClaimGraph::build(&sources, &claims, &links, &copies);
        lap("graph", &mut since);
        Analysis {
            sources,
            claims,
            people,
            copies,
            links,
            graph,
            timings,
        }
    }

    /// Whether two speakers (canonical names) are certainly two people.
    pub(crate) fn different_speakers(&self, a: &str, b: &str) -> bool {
        let organization = |n: &str| self.people.iter().flatten().any(|(p, c)| p.organization && c == n);
        corpus::identity::certainly_different(a, b, &organization)
    }

    /// Reading alone, what `claimcheck read` shows: the sources sorted, their
    /// publication dates completed from their copies, no claims.
    pub fn read_only(mut sources: Vec<Source>) -> Vec<Source> {
        sources.sort_by(|a, b| a.id.cmp(&b.id));
        let copies = corpus::duplicates::find_copies(&sources);
        corpus::infer_published(&mut sources, &copies);
        sources
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// Whether two sources (by id) are copies of one another.
    pub fn copied(&self, a: &str, b: &str) -> bool {
        let index = |id: &str| self.sources.binary_search_by(|s| s.id.as_str().cmp(id)).ok();
        match (index(a), index(b)) {
            (Some(x), Some(y)) => self.graph.copied(x, y),
            _ => false,
        }
    }
}
