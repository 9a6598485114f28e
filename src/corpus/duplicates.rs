//! Copies: sources that share most of their text (syndication, re-posts).
//! Word 5-gram shingles meet in an inverted index, so only sources that
//! share text are ever compared.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::fingerprint::Owned;
use jiff::civil::Date;

/// Share of the smaller source's shingles found in the other, above which
/// one is a copy of the other.
pub(crate) const COPY_THRESHOLD: f64 = 0.5;
/// Fewest shared shingles for a copy: two one-line items that share an
/// attribution ("said the port director") are not copies.
const MIN_SHARED: usize = 8;
/// Sources beyond which a shingle is boilerplate.
const MAX_SHARING: usize = 50;

/// `copy` repeats `original`.
#[derive(Debug, Clone, PartialEq)]
pub struct Copy {
    pub original: usize,
    pub copy: usize,
    /// Share of the smaller text found in the other, 0..=1.
    pub containment: f64,
}

/// Finds copies among sources by their shingles (each with its source,
/// in any order: sorted here), in order of (original, copy). `published`:
/// each source's publication date as read (one a source), which tells the
/// original from the copy.
pub(crate) fn find_copies(published: &[Option<Date>], all: &mut [Owned]) -> Vec<Copy> {
    let count = published.len();
    // Sorted, the sources of one shingle stand side by side, in far less
    // memory than a hash table of lists. By shingle alone: which source
    // comes first among a shingle's owners changes no count. On all cores:
    // a large corpus holds millions.
    all.par_sort_unstable_by_key(|o| o.shingle);
    // A shingle in very many sources is boilerplate (or a wire's template),
    // not copying: it counts neither for the pair nor for the sizes, so a
    // copy is the same copy whatever else the corpus holds.
    let counted = || {
        all.chunk_by(|x, y| { x.shingle } == { y.shingle })
            .filter(|owners| owners.len() <= MAX_SHARING)
    };
    let mut sizes = vec![0usize; count];
    for owners in counted() {
        for o in owners {
            sizes[o.source as usize] += 1;
        }
    }
    // The shingles two sources or more share, as (first place in `all`,
    // owners), and each source's among them: each source then counts the
    // shingles it shares with every later one, with memory for one
    // source's partners at a time, not for every pair of the corpus.
    let mut groups: Vec<(u32, u32)> = Vec::new();
    let mut first = 0u32;
    for owners in all.chunk_by(|x, y| { x.shingle } == { y.shingle }) {
        let len = owners.len() as u32;
        if (2..=MAX_SHARING).contains(&owners.len()) {
            groups.push((first, len));
        }
        first += len;
    }
    let of_source = by_source(&groups, all, count);
    let all = &*all;
    let mut out: Vec<Copy> = (0..count)
        .into_par_iter()
        .map_init(FxHashMap::<u32, u32>::default, |partners, a| {
            partners.clear();
            for &g in of_source.of(a) {
                let (first, len) = groups[g as usize];
                for o in &all[first as usize..(first + len) as usize] {
                    if o.source as usize > a {
                        *partners.entry(o.source).or_default() += 1;
                    }
                }
            }
            partners
                .iter()
                .filter_map(|(&b, &n)| {
                    let (b, n) = (b as usize, n as usize);
                    let smaller = sizes[a].min(sizes[b]).max(1);
                    let containment = n as f64 / smaller as f64;
                    (containment >= COPY_THRESHOLD && n >= MIN_SHARED).then(|| {
                        let (original, copy) = original_of(published, a, b);
                        Copy {
                            original,
                            copy,
                            containment,
                        }
                    })
                })
                .collect::<Vec<_>>()
        })
        .flatten()
        .collect();
    out.sort_by_key(|c| (c.original, c.copy));
    out
}

/// For each source, the groups (indices into `groups`) it is among the
/// owners of.
struct BySource {
    /// Where each source's groups begin in `groups`; one more at the end.
    starts: Vec<u32>,
    groups: Vec<u32>,
}

impl BySource {
    fn of(&self, source: usize) -> &[u32] {
        &self.groups[self.starts[source] as usize..self.starts[source + 1] as usize]
    }
}

/// Lists each source's groups, counted first so that the lists are one
/// vector of their exact size.
fn by_source(groups: &[(u32, u32)], all: &[Owned], sources: usize) -> BySource {
    let owners = |&(first, len): &(u32, u32)| {
        all[first as usize..(first + len) as usize]
            .iter()
            .map(|o| o.source as usize)
    };
    let mut starts = vec![0u32; sources + 1];
    for g in groups {
        for s in owners(g) {
            starts[s + 1] += 1;
        }
    }
    for i in 0..sources {
        starts[i + 1] += starts[i];
    }
    let mut next = starts.clone();
    let mut list = vec![0u32; starts[sources] as usize];
    for (k, g) in groups.iter().enumerate() {
        for s in owners(g) {
            list[next[s] as usize] = k as u32;
            next[s] += 1;
        }
    }
    BySource { starts, groups: list }
}

/// The original of two copies: the one dated by itself before the other;
/// else the one with a date; else the first by id.
fn original_of(published: &[Option<Date>], a: usize, b: usize) -> (usize, usize) {
    let (da, db) = (published[a], published[b]);
    match (da, db) {
        (Some(x), Some(y)) if y < x => (b, a),
        (None, Some(_)) => (b, a),
        _ => (a, b),
    }
}
