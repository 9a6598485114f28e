//! Two renderings of one remark, word against word. Outlets cut a remark
//! at different places, leave words out with an ellipsis, put their own in
//! brackets and split it around the attribution; none of that changes what
//! the speaker said. What does is a word that differs where both quote the
//! same stretch: "what have you guys been debating" beside "what have you
//! guys been doing".

use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::text::{insertions_as, spoken_words};

/// Two quotations of fewer spoken words than this that differ may be two
/// lines of one speech ("I don't think that's okay" / "I don't think it's
/// OK"): too short to tell a changed word from another remark.
pub(crate) const MIN_COMPARED_WORDS: usize = 8;

/// A quotation's spoken words and where the reporter left words out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Spoken {
    pub words: Vec<String>,
    /// Positions in `words` before which words are left out (an ellipsis,
    /// a bracketed insertion, the attribution of a split quotation).
    gaps: Vec<usize>,
    /// It opens with a capital: a sentence, not a fragment cut from one.
    opens: bool,
}

impl Spoken {
    pub(crate) fn of(quote: &str) -> Spoken {
        let quote = quote.replace(". . .", "…").replace("...", "…");
        let quote = insertions_as(&quote, "…");
        let mut words = Vec::new();
        let mut gaps = Vec::new();
        for (k, part) in quote.split('…').enumerate() {
            if k > 0 && !words.is_empty() {
                gaps.push(words.len());
            }
            words.extend(spoken_words(part));
        }
        gaps.dedup();
        let opens = quote
            .chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(char::is_uppercase);
        Spoken { words, gaps, opens }
    }

    fn gap_at(&self, at: usize) -> bool {
        self.gaps.binary_search(&at).is_ok()
    }
}

/// How two renderings of a remark meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Alignment {
    /// Words the two share, in order.
    pub matched: usize,
    /// Words that differ between the first and the last shared word, other
    /// than words one side left out where it marks a gap.
    pub changed: usize,
}

impl Alignment {
    /// The share of the shorter rendering that the other also says.
    pub(crate) fn coverage(&self, a: &Spoken, b: &Spoken) -> f64 {
        let shorter = a.words.len().min(b.words.len());
        if shorter == 0 {
            0.0
        } else {
            self.matched as f64 / shorter as f64
        }
    }
}

/// A short run of words one side has where the other says others, none of
/// them elsewhere in the other ("not a day earlier" / "not a day sooner"):
/// at an edge this may be a changed word or two quotations cut at
/// different words ("not reopening the port" / "by reopening the port"),
/// so it is shown to the reader but never counted as drift.
pub(crate) fn changed_edge<T: PartialEq>(op: &DiffOp, a: &[T], b: &[T]) -> bool {
    match *op {
        DiffOp::Replace {
            old_index,
            old_len,
            new_index,
            new_len,
        } => {
            let (short, other) = if old_len <= new_len {
                (&a[old_index..old_index + old_len], b)
            } else {
                (&b[new_index..new_index + new_len], a)
            };
            short.len() <= EDGE_WORDS && short.iter().all(|w| !other.contains(w))
        }
        _ => false,
    }
}

/// Words at an edge that can be a changed word rather than a cut.
const EDGE_WORDS: usize = 2;

/// The stretch of `ops` the two renderings share: from the first shared
/// word to the last. Words outside it are where the two were cut.
pub(crate) fn shared_stretch(ops: &[DiffOp]) -> Option<(usize, usize)> {
    let equal = |op: &DiffOp| matches!(op, DiffOp::Equal { .. });
    Some((ops.iter().position(equal)?, ops.iter().rposition(equal)?))
}

/// Aligns `a` with `b`. Words before the first shared word and after the
/// last are where the two were cut: they count for nothing.
pub(crate) fn align(a: &Spoken, b: &Spoken) -> Alignment {
    if a.words == b.words {
        return Alignment {
            matched: a.words.len(),
            changed: 0,
        };
    }
    let ops = capture_diff_slices(Algorithm::Patience, &a.words, &b.words);
    let Some((first, last)) = shared_stretch(&ops) else {
        return Alignment { matched: 0, changed: 0 };
    };
    let mut matched = 0;
    // Where both quote the very start of a sentence, or both run to the
    // end of theirs, a word said differently there is changed: "signed by
    // all" / "signed by everyone".
    let both_end = |op: &DiffOp, leading: bool| match *op {
        DiffOp::Replace {
            old_index,
            old_len,
            new_index,
            new_len,
        } if changed_edge(op, &a.words, &b.words) && old_len.max(new_len) <= EDGE_WORDS => {
            if leading {
                old_index == 0 && new_index == 0 && a.opens && b.opens
            } else {
                old_index + old_len == a.words.len() && new_index + new_len == b.words.len()
            }
        }
        _ => false,
    };
    let edges = [first.checked_sub(1).map(|k| (k, true)), Some((last + 1, false))];
    let mut changed: usize = edges
        .iter()
        .flatten()
        .filter_map(|&(k, leading)| ops.get(k).filter(|op| both_end(op, leading)))
        .map(|op| match *op {
            DiffOp::Replace { old_len, .. } => old_len,
            _ => 0,
        })
        .sum();
    for op in &ops[first..=last] {
        match *op {
            DiffOp::Equal { len, .. } => matched += len,
            // Words only `a` says, where `b` marks that it left some out.
            DiffOp::Delete { old_len, new_index, .. } => {
                if !b.gap_at(new_index) {
                    changed += old_len;
                }
            }
            DiffOp::Insert { old_index, new_len, .. } => {
                if !a.gap_at(old_index) {
                    changed += new_len;
                }
            }
            DiffOp::Replace { old_len, new_len, .. } => changed += old_len.max(new_len),
        }
    }
    Alignment { matched, changed }
}

/// Words two sequences have in common, counted with repetition. No
/// alignment matches more, so pairs that cannot reach a threshold are
/// passed over without one.
pub(crate) fn common_words<T: Ord>(a: &[T], b: &[T]) -> usize {
    let mut x: Vec<&T> = a.iter().collect();
    let mut y: Vec<&T> = b.iter().collect();
    x.sort_unstable();
    y.sort_unstable();
    common_sorted(&x, &y)
}

/// Items two sorted sequences have in common, counted with repetition.
pub(crate) fn common_sorted<T: Ord>(x: &[T], y: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn al(a: &str, b: &str) -> (usize, usize) {
        let x = align(&Spoken::of(a), &Spoken::of(b));
        (x.matched, x.changed)
    }

    #[test]
    fn common_words_bound_what_an_alignment_matches() {
        let w = |s: &str| Spoken::of(s).words;
        assert_eq!(
            common_words(&w("the the port is open"), &w("open is the port the the")),
            5
        );
        assert_eq!(common_words(&w("a b c"), &w("d e")), 0);
        for (a, b) in [
            (
                "we will not reopen the port until it is safe",
                "until it is safe we will not reopen the port",
            ),
            (
                "the talks went well and the talks will go on",
                "talks went well, and will go on",
            ),
        ] {
            let (x, y) = (Spoken::of(a), Spoken::of(b));
            assert!(align(&x, &y).matched <= common_words(&x.words, &y.words));
        }
    }

    #[test]
    fn a_word_changed_inside_the_shared_stretch_is_drift() {
        let (m, c) = al(
            "What have you been debating, Anna? You've been debating a coin.",
            "In the council, what have you been doing, Anna? … You've been debating a coin.",
        );
        assert_eq!(c, 1, "debating / doing");
        assert!(m >= 10);
        // A word that differs at an edge may be where the two were cut ...
        assert_eq!(
            al(
                "not reopening the port this week",
                "By reopening the port this week, we keep faith"
            )
            .1,
            0
        );
        assert_eq!(
            al(
                "the port reopens, not a day earlier",
                "the port reopens, not a day sooner. We wait."
            )
            .1,
            0
        );
        // ... unless both quote the start of the sentence, or both its end.
        assert_eq!(al("The port reopens on Monday", "Our port reopens on Monday").1, 1);
        assert_eq!(al("the port reopens on Monday", "the port reopens on Friday").1, 1);
    }

    #[test]
    fn cuts_ellipses_and_brackets_are_no_drift() {
        // Cut at different places.
        assert_eq!(
            al("the port will reopen on Monday", "we said the port will reopen").1,
            0
        );
        // Words left out with an ellipsis, and a bracketed insertion.
        assert_eq!(
            al(
                "the port will reopen … once the cranes are checked",
                "the port will reopen on Monday once the cranes are checked"
            )
            .1,
            0
        );
        assert_eq!(al("[The union] will sign the deal", "They will sign the deal").1, 0);
        // Words left out without a mark are a change.
        assert_eq!(
            al(
                "the port will reopen once the cranes are checked",
                "the port will reopen on Monday once the cranes are checked"
            )
            .1,
            2
        );
    }
}
