//! What the corpus-wide passes read of each source's words, read in one
//! pass over its text: the shingles copies are found by (`duplicates`) and
//! the content words stories are found by (`story`).

use std::hash::{Hash, Hasher};

use rustc_hash::FxHasher;

use crate::source::Source;
use crate::span::Span;
use crate::text::{is_stop_word, norm_word_into, tokens, word_hash};

/// Words a shingle holds.
const SHINGLE: usize = 5;

/// A source's words as 64-bit hashes, sorted, each once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Fingerprint {
    /// Hashes of five words in a row of the reporter's own words:
    /// quotations are left out, since independent reports of one remark
    /// share them.
    pub shingles: Vec<u64>,
    /// Content words (lowercased, no stop words, three letters or more).
    /// Unlike the words linking compares (`text::content_words`), numbers
    /// count: a story's figures tell it from another of its beat.
    pub words: Vec<u64>,
}

impl Fingerprint {
    pub(crate) fn of(text: &str) -> Fingerprint {
        // The reporter's words, run by run: a quotation ends a run. Run k
        // holds the words after the 2k-th quotation mark and before the next.
        let tokens = tokens(text, Span::new(0, text.len()));
        // Room for every word: most of a text's are content words and
        // outside quotations.
        let mut runs: Vec<Vec<u64>> = vec![Vec::with_capacity(tokens.len())];
        let mut words = Vec::with_capacity(tokens.len());
        let mut marks = 0;
        let mut after = 0;
        let mut w = String::new();
        for t in tokens {
            marks += text.as_bytes()[after..t.span.start]
                .iter()
                .filter(|&&b| b == b'"')
                .count();
            after = t.span.end;
            norm_word_into(t.text, &mut w);
            if w.is_empty() {
                continue;
            }
            let hash = word_hash(&w);
            // Bytes are never fewer than characters: a short word is told
            // by its length without counting.
            if w.len() > 2 && w.chars().count() > 2 && !is_stop_word(&w) {
                words.push(hash);
            }
            if marks % 2 == 0 {
                let run = marks / 2;
                if runs.len() <= run {
                    runs.resize_with(run + 1, Vec::new);
                }
                runs[run].push(hash);
            }
        }
        let mut shingles: Vec<u64> = runs
            .iter()
            .flat_map(|run| run.windows(SHINGLE))
            .map(|five| {
                let mut h = FxHasher::default();
                five.hash(&mut h);
                h.finish()
            })
            .collect();
        shingles.sort_unstable();
        shingles.dedup();
        words.sort_unstable();
        words.dedup();
        Fingerprint { shingles, words }
    }
}

/// A shingle and the source it is found in (12 bytes, not 16: the corpus
/// holds one for every five words of its sources).
#[derive(Debug, Clone, Copy)]
#[repr(C, packed(4))]
pub(crate) struct Owned {
    pub shingle: u64,
    pub source: u32,
}

/// What the corpus-wide passes read of all sources: each source's content
/// words, and every source's shingles in one list.
pub(crate) struct Prints {
    /// Content words of each source (same order as the sources).
    pub words: Vec<Vec<u64>>,
    pub shingles: Vec<Owned>,
}

/// Sources fingerprinted at once: enough for every core, few enough that
/// their own shingle lists are never all held beside the shared one.
const CHUNK: usize = 1024;

/// The fingerprints of `sources`, on all cores.
pub(crate) fn of_sources(sources: &[Source]) -> Prints {
    use rayon::prelude::*;
    let mut words = Vec::with_capacity(sources.len());
    // A word is a byte and a break at least, and a source has a shingle a
    // word at most: room for every shingle taken at once, never moved as
    // it fills (the pages it does not fill are never touched).
    let most: usize = sources.iter().map(|s| s.clean.text.len().div_ceil(2)).sum();
    let mut shingles = Vec::with_capacity(most);
    for (k, chunk) in sources.chunks(CHUNK).enumerate() {
        let prints: Vec<Fingerprint> = chunk.par_iter().map(|s| Fingerprint::of(&s.clean.text)).collect();
        for (j, p) in prints.into_iter().enumerate() {
            let source = (k * CHUNK + j) as u32;
            shingles.extend(p.shingles.iter().map(|&shingle| Owned { shingle, source }));
            let mut w = p.words;
            w.shrink_to_fit();
            words.push(w);
        }
    }
    Prints { words, shingles }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotations_are_left_out_of_the_shingles_only() {
        let plain = Fingerprint::of("Port director Tomas Brenn said cranes stay idle until Monday.");
        // Five words a shingle: the nine words before the mark make five.
        let quoted = Fingerprint::of("Port director Tomas Brenn said \"cranes stay idle until\" Monday.");
        assert_eq!(plain.shingles.len(), 6);
        assert_eq!(
            quoted.shingles.len(),
            1,
            "only \"port director tomas brenn said\" is outside"
        );
        assert_eq!(plain.words, quoted.words, "content words count inside quotations too");
        // "the" is a stop word, "of" too short.
        let w = Fingerprint::of("the port of Valmora");
        assert_eq!(w.words.len(), 2);
    }
}
