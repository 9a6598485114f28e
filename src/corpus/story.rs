//! Stories: the sources about one event, found before anything compares
//! claims, so that no claim is ever compared with a claim of another story.
//!
//! Outlets covering one event share its names, places and figures, not their
//! phrasing, so a story is found from the content words two sources share
//! (Jaccard of their sets), not from shingles of their sentences. Candidate
//! pairs meet in an inverted index over words that few sources use: a word
//! in more than `max_df` sources (a day's wire says "government" in
//! thousands) joins no pair, so the cost grows with the corpus, not its
//! square. Stories are the connected components of the pairs that pass.

use petgraph::unionfind::UnionFind;
use rustc_hash::FxHashMap;

/// Jaccard similarity of two sources' rare content words above which they
/// tell the same story. Reports of one event by different outlets meet at 0.13
/// and above (each with at least one other); reports of different events of
/// one beat, at 0.10 and below.
pub(crate) const STORY_SIMILARITY: f64 = 0.12;

/// Fewest rare words two sources of one story share: a figure or a name or
/// two in common is chance.
const MIN_SHARED_RARE: usize = 3;

/// One story: its sources, as indices into the sorted sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    pub sources: Vec<usize>,
}

/// Groups sources into stories by their content words (`words`, one a
/// source), each story sorted, in order of their first source. `copies`
/// (original, copy) always share a story.
pub(crate) fn find_stories(words: &[Vec<u64>], copies: &[(usize, usize)]) -> Vec<Story> {
    let n = words.len();
    let mut index: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    for (i, set) in words.iter().enumerate() {
        for &w in set {
            index.entry(w).or_default().push(i);
        }
    }
    // A story has a handful of sources; a word in more than this many is
    // the beat's vocabulary, not a story's.
    let max_df = ((n as f64).sqrt() as usize).max(64);
    let rare_owners = |w: &u64| index.get(w).filter(|o| o.len() <= max_df);
    // Similarity over the words the index keeps: a story is told in its
    // own names and figures, and two stories of one beat (or one outlet's
    // template) share the rest.
    let rare: Vec<usize> = words
        .iter()
        .map(|set| set.iter().filter(|w| rare_owners(w).is_some()).count())
        .collect();
    // Source by source, the later sources it shares rare words with and how
    // many: memory for one source's partners at a time, not for every pair.
    let mut pairs: Vec<(usize, usize)> = {
        use rayon::prelude::*;
        (0..n)
            .into_par_iter()
            .flat_map_iter(|a| {
                let mut shared: FxHashMap<usize, usize> = FxHashMap::default();
                for owners in words[a].iter().filter_map(rare_owners) {
                    for &b in owners.iter().filter(|&&b| b > a) {
                        *shared.entry(b).or_default() += 1;
                    }
                }
                let rare = &rare;
                shared.into_iter().filter_map(move |(b, common)| {
                    let union = rare[a] + rare[b] - common;
                    let same =
                        common >= MIN_SHARED_RARE && union > 0 && common as f64 / union as f64 >= STORY_SIMILARITY;
                    same.then_some((a, b))
                })
            })
            .collect()
    };
    pairs.extend(copies.iter().copied());
    let mut sets = UnionFind::<usize>::new(n);
    for (a, b) in pairs {
        sets.union(a, b);
    }
    let mut by_root: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (i, r) in sets.into_labeling().into_iter().enumerate() {
        by_root.entry(r).or_default().push(i);
    }
    let mut stories: Vec<Story> = by_root.into_values().map(|sources| Story { sources }).collect();
    stories.sort_by_key(|s| s.sources[0]);
    stories
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Format, Source};

    fn source(id: &str, text: &str) -> Source {
        Source::parse(id, id, text.as_bytes().to_vec(), Format::Text, None)
    }

    #[test]
    fn reports_of_one_event_are_one_story_and_others_apart() {
        let sources = vec![
            source(
                "a.txt",
                "Valmora dockworkers walked out on Monday. Union leader Ines Marlow said the strike at the northern \
                 container terminal would last until the port authority signed the contract. Director Tomas Brenn \
                 said cranes stay idle.",
            ),
            source(
                "b.txt",
                "The strike of Valmora dockworkers entered its second day. Ines Marlow, the union leader, vowed to keep \
                 the northern container terminal shut; port director Tomas Brenn said the cranes would wait for the \
                 contract.",
            ),
            source(
                "c.txt",
                "Orchard growers in Kestrel Valley expect a record apple harvest. Farmer Odile Varga said frost spared \
                 the blossoms and cider presses are booked through October.",
            ),
        ];
        let stories = find_stories(&crate::corpus::fingerprint::of_sources(&sources).words, &[]);
        assert_eq!(stories, vec![Story { sources: vec![0, 1] }, Story { sources: vec![2] }]);
    }
}
