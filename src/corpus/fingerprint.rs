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
        let mut runs: Vec<Vec<u64>> = vec![Vec::new()];
        let mut words = Vec::new();
        let mut marks = 0;
        let mut after = 0;
        let mut w = String::new();
        for t in tokens(text, Span::new(0, text.len())) {
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
            if w.chars().count() > 2 && !is_stop_word(&w) {
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

/// The fingerprints of `sources`, on all cores.
pub(crate) fn of_sources(sources: &[Source]) -> Vec<Fingerprint> {
    use rayon::prelude::*;
    sources.par_iter().map(|s| Fingerprint::of(&s.clean.text)).collect()
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
