//! The pipeline from sources to linked claims: the part of a run that is the
//! same whatever rules and report follow.

use rayon::prelude::*;

use crate::claim::{Claim, ClaimValue};
use crate::corpus::{self, duplicates::Copy, identity::Identities, link::Link, story::Story};
use crate::extract::{self, mention::Person};
use crate::graph::ClaimGraph;
use crate::source::Source;

pub mod stream;

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
    /// Sources, people and claims with their links: what the rules read
    /// (empty when the claims are only extracted).
    pub graph: ClaimGraph,
    /// The sources grouped by the event they report.
    pub stories: Vec<Story>,
    /// Canonical names that are organizations, not people.
    organizations: std::collections::BTreeSet<String>,
    /// Time spent in each stage, for `--statistics`.
    pub timings: Vec<(&'static str, std::time::Duration)>,
}

impl Analysis {
    /// Runs the pipeline over sources that have been read.
    pub fn run(sources: Vec<Source>) -> Analysis {
        Analysis::stages(sources, true, true, &|| {})
    }

    /// `run`, calling `extracted` as each source's claims are extracted
    /// (from any thread): for a progress bar. `keep_text`: whether the
    /// sources keep their cleaned text once their claims are extracted (a
    /// report that shows it or locates words in it needs it; a claim keeps
    /// its own words either way).
    pub fn run_observed(sources: Vec<Source>, keep_text: bool, extracted: &(dyn Fn() + Sync)) -> Analysis {
        Analysis::stages(sources, true, keep_text, extracted)
    }

    /// The claims alone, as `extract` shows them: speakers resolved within
    /// each story, but no claim linked to another.
    pub fn extract_only(sources: Vec<Source>) -> Analysis {
        Analysis::stages(sources, false, true, &|| {})
    }

    /// `extract_only`, calling `extracted` as each source is done.
    pub fn extract_observed(sources: Vec<Source>, extracted: &(dyn Fn() + Sync)) -> Analysis {
        Analysis::stages(sources, false, true, extracted)
    }

    fn stages(mut sources: Vec<Source>, linked: bool, keep_text: bool, extracted: &(dyn Fn() + Sync)) -> Analysis {
        let clock = std::time::Instant::now();
        let mut timings = Vec::new();
        let mut lap = |name: &'static str, since: &mut std::time::Instant| {
            timings.push((name, since.elapsed()));
            *since = std::time::Instant::now();
        };
        let mut since = clock;
        let (copies, stories) = group(&mut sources, &mut lap, &mut since);
        // Everything from extraction on is done story by story, on all
        // cores: names meet their namesakes and claims their counterparts
        // only within one, and the words kept for linking live only while
        // their story is linked. Stories go a batch at a time, each batch's
        // claims moved into one vector before the next batch begins: what
        // a batch leaves behind is reused by the next, so the claims are
        // held once, not once per story and again in the report's vector.
        let mut claims: Vec<Claim> = Vec::new();
        let mut links: Vec<Link> = Vec::new();
        let mut people: Vec<Vec<(Person, String)>> = vec![Vec::new(); sources.len()];
        // Where each source's claims went: (first, count).
        let mut placed: Vec<(usize, usize)> = vec![(0, 0); sources.len()];
        for batch in stories.chunks(STORY_BATCH) {
            let done: Vec<StoryResult> = batch
                .par_iter()
                .map(|st| {
                    let ex: Vec<extract::Extraction> = st
                        .sources
                        .iter()
                        .map(|&i| {
                            let s = &sources[i];
                            let e = extract::extract(
                                &s.id,
                                &s.clean.text,
                                s.meta.published,
                                &|span| s.locate(span),
                                linked,
                            );
                            extracted();
                            e
                        })
                        .collect();
                    story(ex, linked)
                })
                .collect();
            // Grown by what the batch adds, not doubled: the claims are
            // most of what a run holds.
            claims.reserve_exact(done.iter().map(|r| r.claims.iter().map(Vec::len).sum::<usize>()).sum());
            links.reserve_exact(done.iter().map(|r| r.links.len()).sum());
            for (st, r) in batch.iter().zip(done) {
                // A story's links name its claims by their place in the story.
                let base = claims.len();
                links.extend(r.links.into_iter().map(|l| Link {
                    a: base + l.a,
                    b: base + l.b,
                    ..l
                }));
                for ((&si, c), p) in st.sources.iter().zip(r.claims).zip(r.people) {
                    placed[si] = (claims.len(), c.len());
                    claims.extend(c);
                    people[si] = p;
                }
            }
        }
        into_source_order(&mut claims, &mut links, &placed);
        if !keep_text {
            // Before the graph is built: what a run holds at its peak.
            for s in &mut sources {
                s.clean = Default::default();
            }
        }
        lap("extraction, identities and linking", &mut since);
        let mut a = Analysis::assembled(sources, claims, people, copies, links, stories, linked);
        lap("graph", &mut since);
        a.timings = timings;
        a
    }

    /// The analysis of extracted claims: the organizations named and, where
    /// the claims are linked, the claim graph built (only the rules and
    /// `claimcheck graph` read it).
    fn assembled(
        sources: Vec<Source>,
        claims: Vec<Claim>,
        people: Vec<Vec<(Person, String)>>,
        copies: Vec<Copy>,
        links: Vec<Link>,
        stories: Vec<Story>,
        linked: bool,
    ) -> Analysis {
        let organizations = people
            .iter()
            .flatten()
            .filter(|(p, _)| p.organization)
            .map(|(_, c)| c.clone())
            .collect();
        let graph = if linked {
            ClaimGraph::build(&sources, &claims, &links, &copies)
        } else {
            ClaimGraph::default()
        };
        Analysis {
            sources,
            claims,
            people,
            copies,
            links,
            graph,
            stories,
            organizations,
            timings: Vec::new(),
        }
    }

    /// One story on its own: `sources` (sorted by id, the sources of one
    /// story) extracted, their people resolved, their claims linked and put
    /// in a graph with `copies` (indices into `sources`). The cleaned text
    /// is let go once the claims are extracted.
    pub(crate) fn of_story(
        mut sources: Vec<Source>,
        copies: Vec<Copy>,
        linked: bool,
        extracted: &(dyn Fn() + Sync),
    ) -> Analysis {
        let ex: Vec<extract::Extraction> = sources
            .iter()
            .map(|s| {
                let e = extract::extract(&s.id, &s.clean.text, s.meta.published, &|span| s.locate(span), linked);
                extracted();
                e
            })
            .collect();
        for s in &mut sources {
            s.clean = Default::default();
        }
        let r = story(ex, linked);
        let claims: Vec<Claim> = r.claims.into_iter().flatten().collect();
        let mut links = r.links;
        links.sort_by_key(|l| (l.kind, l.a, l.b));
        let stories = vec![Story {
            sources: (0..sources.len()).collect(),
        }];
        Analysis::assembled(sources, claims, r.people, copies, links, stories, linked)
    }

    /// Whether two speakers (canonical names) are certainly two people.
    pub(crate) fn different_speakers(&self, a: &str, b: &str) -> bool {
        let organization = |n: &str| self.organizations.contains(n);
        corpus::identity::certainly_different(a, b, &organization)
    }

    /// Reading alone, what `claimcheck read` shows: the sources sorted, their
    /// publication dates completed from their copies, no claims.
    pub fn read_only(mut sources: Vec<Source>) -> Vec<Source> {
        copies_and_dates(&mut sources);
        sources
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.source_index(id).map(|i| &self.sources[i])
    }

    /// Where the source `id` stands in `sources` (sorted by id).
    pub fn source_index(&self, id: &str) -> Option<usize> {
        self.sources.binary_search_by(|s| s.id.as_str().cmp(id)).ok()
    }

    /// The claims of source `i`, in order (claims are sorted by source).
    pub fn claims_of(&self, i: usize) -> &[Claim] {
        let id = self.sources[i].id.as_str();
        let from = self.claims.partition_point(|c| *c.source < *id);
        let to = self.claims.partition_point(|c| *c.source <= *id);
        &self.claims[from..to]
    }

    /// Whether two sources (by id) are copies of one another.
    pub fn copied(&self, a: &str, b: &str) -> bool {
        let index = |id: &str| self.source_index(id);
        match (index(a), index(b)) {
            (Some(x), Some(y)) => self.graph.copied(x, y),
            _ => false,
        }
    }
}

/// Sorts the sources by id, finds their copies (completing publication
/// dates from them) and groups them into stories: what every run does
/// before it reads a claim.
fn group(
    sources: &mut [Source],
    lap: &mut impl FnMut(&'static str, &mut std::time::Instant),
    since: &mut std::time::Instant,
) -> (Vec<Copy>, Vec<Story>) {
    let (copies, words) = copies_and_dates(sources);
    lap("copies and dates", since);
    let stories = corpus::stories(&words, &copies);
    lap("stories", since);
    if let Some(hook) = STORIES_FOUND.get() {
        hook();
    }
    (copies, stories)
}

/// Called once a run has found its stories (`when_stories_found`).
static STORIES_FOUND: std::sync::OnceLock<fn()> = std::sync::OnceLock::new();

/// Registers `hook`, called whenever a run has found its stories: the
/// corpus-wide indexes are gone by then (they are a large run's peak of
/// memory) and the rest goes story by story. The binary tunes its
/// allocator there; the first hook registered stays.
pub fn when_stories_found(hook: fn()) {
    let _ = STORIES_FOUND.set(hook);
}

/// Sorts the sources by id, finds their copies and completes their
/// publication dates from them. Returns the copies and each source's
/// content words (read in the same pass as the copies' shingles).
fn copies_and_dates(sources: &mut [Source]) -> (Vec<Copy>, Vec<Vec<u64>>) {
    sources.sort_by(|a, b| a.id.cmp(&b.id));
    let corpus::fingerprint::Prints { words, shingles } = corpus::fingerprint::of_sources(sources);
    let clues: Vec<corpus::DateClues> = sources.iter().map(corpus::DateClues::of).collect();
    let ids: Vec<&str> = sources.iter().map(|s| s.id.as_str()).collect();
    let (copies, completions) = corpus::copies_and_dates(&ids, &clues, shingles);
    corpus::apply_completions(sources, completions);
    (copies, words)
}

/// Stories extracted and linked at once, between two moves of their
/// claims into the corpus's vector: enough to keep every core busy.
const STORY_BATCH: usize = 256;

/// Puts claims gathered story by story into the report's order (by source,
/// then number), in place, and renames the links' claims to match.
/// `placed[si]`: where source `si`'s claims are, (first, count).
fn into_source_order(claims: &mut [Claim], links: &mut [Link], placed: &[(usize, usize)]) {
    let mut target = vec![0usize; claims.len()];
    let mut next = 0;
    for &(first, count) in placed {
        for (k, t) in target[first..first + count].iter_mut().enumerate() {
            *t = next + k;
        }
        next += count;
    }
    for l in links.iter_mut() {
        l.a = target[l.a];
        l.b = target[l.b];
    }
    links.sort_by_key(|l| (l.kind, l.a, l.b));
    permute(claims, &mut target);
}

/// Moves `items[i]` to `target[i]` for every `i` (`target` a permutation,
/// left as the identity). Each swap puts one item where it belongs.
fn permute<T>(items: &mut [T], target: &mut [usize]) {
    for i in 0..items.len() {
        while target[i] != i {
            let j = target[i];
            items.swap(i, j);
            target.swap(i, j);
        }
    }
}

/// What the corpus stages give for one story, its sources in story order.
struct StoryResult {
    claims: Vec<Vec<Claim>>,
    people: Vec<Vec<(Person, String)>>,
    /// Links between the story's claims, by their place in the story.
    links: Vec<Link>,
}

/// Identities and links within one story.
fn story(extractions: Vec<extract::Extraction>, linked: bool) -> StoryResult {
    let people: Vec<Vec<Person>> = extractions.iter().map(|e| e.people.clone()).collect();
    let ids = Identities::resolve(&people);
    let mut claims: Vec<Vec<Claim>> = Vec::with_capacity(extractions.len());
    let mut around: Vec<extract::LinkWords> = Vec::new();
    // One copy of each speaker's name for all the statements of the story.
    let mut speakers: rustc_hash::FxHashMap<&str, std::sync::Arc<str>> = Default::default();
    for (si, e) in extractions.into_iter().enumerate() {
        if linked {
            around.extend(e.words);
        }
        let mut own = e.claims;
        for c in &mut own {
            if let ClaimValue::Statement(st) = &mut c.value {
                st.speaker = c
                    .speaker_mention
                    .as_deref()
                    .and_then(|n| ids.canonical(si, n))
                    .map(|name| speakers.entry(name).or_insert_with(|| name.into()).clone());
            }
            c.participants = c
                .participants
                .iter()
                .map(|n| ids.canonical(si, n).unwrap_or(n).to_string())
                .collect();
        }
        claims.push(own);
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
    if !linked {
        return StoryResult {
            claims,
            people,
            links: Vec::new(),
        };
    }
    // The words around a claim serve linking only: they live only while
    // their story is linked.
    let flat: Vec<Claim> = claims.iter().flatten().cloned().collect();
    let links = corpus::link::link(&flat, &around);
    StoryResult { claims, people, links }
}

#[cfg(test)]
mod tests {
    use super::{Analysis, permute};
    use crate::source::{Format, Source};

    #[test]
    fn sources_let_go_of_their_text_without_changing_a_claim() {
        let sources = || {
            vec![
                Source::parse(
                    "a.txt",
                    "a.txt",
                    b"Port director Tomas Brenn said on Monday that 300 cranes stood idle.".to_vec(),
                    Format::Text,
                    None,
                ),
                Source::parse(
                    "b.txt",
                    "b.txt",
                    b"On Tuesday, port director Tomas Brenn said 30 cranes stood idle.".to_vec(),
                    Format::Text,
                    None,
                ),
            ]
        };
        let kept = Analysis::run_observed(sources(), true, &|| {});
        let dropped = Analysis::run_observed(sources(), false, &|| {});
        assert!(kept.sources.iter().all(|s| !s.clean.text.is_empty()));
        assert!(dropped.sources.iter().all(|s| s.clean.text.is_empty()));
        assert!(kept.claims.len() >= 4, "{:?}", kept.claims);
        assert_eq!(kept.claims, dropped.claims);
        assert_eq!(kept.links.len(), dropped.links.len());
    }

    #[test]
    fn permute_moves_every_item_to_its_target() {
        // Two cycles (0 → 3 → 1 → 0, 2 ↔ 4) and a fixed point (5).
        let mut items = vec!['a', 'b', 'c', 'd', 'e', 'f'];
        let mut target = vec![3, 0, 4, 1, 2, 5];
        permute(&mut items, &mut target);
        assert_eq!(items, vec!['b', 'd', 'e', 'a', 'c', 'f']);
        assert_eq!(target, vec![0, 1, 2, 3, 4, 5]);
    }
}
