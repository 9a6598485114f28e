//! Copies: sources that share most of their text (syndication, re-posts).
//! Word 5-gram shingles meet in an inverted index, so only sources that
//! share text are ever compared.

use rustc_hash::FxHashMap;

use super::fingerprint::Owned;
use crate::source::Source;

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

/// Finds copies among `sources` by their shingles (each with its source,
/// in any order: sorted here), in order of (original, copy).
pub(crate) fn find_copies(sources: &[Source], all: &mut [Owned]) -> Vec<Copy> {
    // Sorted, the sources of one shingle stand side by side, in far less
    // memory than a hash table of lists. By shingle alone: which source
    // comes first among a shingle's owners changes no count.
    all.sort_unstable_by_key(|o| o.shingle);
    // A shingle in very many sources is boilerplate (or a wire's template),
    // not copying: it counts neither for the pair nor for the sizes, so a
    // copy is the same copy whatever else the corpus holds.
    let counted = || {
        all.chunk_by(|x, y| { x.shingle } == { y.shingle })
            .filter(|owners| owners.len() <= MAX_SHARING)
    };
    let mut sizes = vec![0usize; sources.len()];
    for owners in counted() {
        for o in owners {
            sizes[o.source as usize] += 1;
        }
    }
    let mut shared: FxHashMap<(u32, u32), u32> = FxHashMap::default();
    for owners in counted() {
        for (x, o) in owners.iter().enumerate() {
            let a = o.source;
            for b in owners[x + 1..].iter().map(|o| o.source) {
                *shared.entry((a.min(b), a.max(b))).or_default() += 1;
            }
        }
    }
    let mut out: Vec<Copy> = shared
        .into_iter()
        .filter_map(|((a, b), n)| {
            let (a, b, n) = (a as usize, b as usize, n as usize);
            let smaller = sizes[a].min(sizes[b]).max(1);
            let containment = n as f64 / smaller as f64;
            (containment >= COPY_THRESHOLD && n >= MIN_SHARED).then(|| {
                let (original, copy) = original_of(sources, a, b);
                Copy {
                    original,
                    copy,
                    containment,
                }
            })
        })
        .collect();
    out.sort_by_key(|c| (c.original, c.copy));
    out
}

/// The original of two copies: the one dated by itself before the other;
/// else the one with a date; else the first by id.
fn original_of(sources: &[Source], a: usize, b: usize) -> (usize, usize) {
    let (da, db) = (sources[a].meta.published, sources[b].meta.published);
    match (da, db) {
        (Some(x), Some(y)) if y < x => (b, a),
        (None, Some(_)) => (b, a),
        _ => (a, b),
    }
}
