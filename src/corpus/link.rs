//! Cross-source links between claims that speak of the same thing. Each kind
//! of link has a blocking key (speaker, unit, shared words) that decides
//! which pairs are compared at all, so cost grows with the number of claims
//! that share a key, not with the square of all claims.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap;

use serde::Serialize;

use crate::claim::{Claim, ClaimValue, Split, TimexType, Unit};
use crate::corpus::align::{MIN_COMPARED_WORDS, Spoken, align, common_sorted, common_words};
use crate::extract::LinkWords;
use crate::extract::mention::{name_key, surname_of};
use crate::span::Span;
use crate::text::{is_stop_word, is_title, norm_word_into, tokens};

use super::identity::certainly_different;

/// Why two claims count as the same thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
// The names are the rule language's ("same-remark").
#[allow(clippy::enum_variant_names)]
pub enum LinkKind {
    /// Statements by one speaker whose words align, or that share rare words.
    SameRemark,
    /// Direct quotations with the same words, whoever they are attributed to.
    SameQuote,
    /// Figures of one unit that measure the same thing.
    SameFigure,
    /// Dates of sentences that tell the same event.
    SameEvent,
}

impl LinkKind {
    pub const ALL: [LinkKind; 4] = [
        LinkKind::SameRemark,
        LinkKind::SameQuote,
        LinkKind::SameFigure,
        LinkKind::SameEvent,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            LinkKind::SameRemark => "same-remark",
            LinkKind::SameQuote => "same-quote",
            LinkKind::SameFigure => "same-figure",
            LinkKind::SameEvent => "same-event",
        }
    }
}

/// Two claims of different sources linked as the same thing. `a` comes
/// before `b` in claim order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    pub kind: LinkKind,
    pub a: usize,
    pub b: usize,
    /// Word similarity 0..=1 where the link is by words.
    pub score: f64,
    /// One quotation stands whole inside the other (a partial quote).
    pub contained: bool,
}

/// Similarity of two quotations above which they are one remark.
pub(crate) const REMARK_SIMILARITY: f64 = 0.5;
/// Days apart within which two paraphrases can be one remark.
pub(crate) const REMARK_WINDOW_DAYS: i32 = 7;

/// A quotation (of at least `MIN_COMPARED_WORDS`) that another says all
/// but a few words of, in order, is a partial quotation of the same remark.
const WITHIN_COVERAGE: f64 = 0.85;

/// Similarity above which two quotations are the same words.
pub(crate) const QUOTE_SIMILARITY: f64 = 0.8;

/// Word-level similarity of two word sequences (matching words over all).
pub(crate) fn similarity<T: std::hash::Hash + Ord>(a: &[T], b: &[T]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    // Most pairs that get here are the same words (wire copy).
    if a == b {
        return 1.0;
    }
    let ops = similar::capture_diff_slices(similar::Algorithm::Patience, a, b);
    similar::get_diff_ratio(&ops, a.len(), b.len()) as f64
}

/// The most `similarity` can be: the ratio as if every common word were
/// matched (computed as `similar` computes it, so the bound is exact).
fn similarity_bound<T: Ord>(a: &[T], b: &[T]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    (2.0 * common_words(a, b) as f32 / (a.len() + b.len()) as f32) as f64
}

/// Whether `short` stands, word for word, inside `long`.
pub(crate) fn contains<T: PartialEq>(long: &[T], short: &[T]) -> bool {
    !short.is_empty() && short.len() <= long.len() && long.windows(short.len()).any(|w| w == short)
}

/// The words of a story's quotations (`quote_words`) as numbers, one per
/// distinct word, in the order they are first met: the diffs and counts
/// over them compare integers, not strings, and a word is kept as a
/// string once, however often it is said.
#[derive(Default)]
struct Vocabulary {
    ids: FxHashMap<String, u32>,
}

impl Vocabulary {
    /// The words of `remark` as numbers. `buf`: room for a word, reused.
    fn ids_of(&mut self, remark: &str, buf: &mut String) -> Vec<u32> {
        let mut out = Vec::new();
        for t in tokens(remark, Span::new(0, remark.len())) {
            norm_word_into(t.text, buf);
            if buf.is_empty() {
                continue;
            }
            let next = self.ids.len() as u32;
            let id = match self.ids.get(buf.as_str()) {
                Some(&id) => id,
                None => {
                    self.ids.insert(buf.clone(), next);
                    next
                }
            };
            out.push(id);
        }
        out
    }

    /// For each word (by number), its place among the content words
    /// (no stop words, three bytes or more) in their sorted order; none
    /// for the others. Sets of places sort as their words do.
    fn content_ranks(&self) -> Vec<Option<u32>> {
        let mut content: Vec<(&str, u32)> = self
            .ids
            .iter()
            .filter(|(w, _)| !is_stop_word(w) && w.len() > 2)
            .map(|(w, &id)| (w.as_str(), id))
            .collect();
        content.sort_unstable();
        let mut ranks = vec![None; self.ids.len()];
        for (rank, &(_, id)) in content.iter().enumerate() {
            ranks[id as usize] = Some(rank as u32);
        }
        ranks
    }
}

/// Candidate pairs: claims (from different sources) that share a key, in
/// order, each once.
fn candidates<K: std::hash::Hash + Ord>(
    items: &[(usize, Vec<K>)],
    claims: &[Claim],
    max_df: usize,
) -> Vec<(usize, usize)> {
    let mut index: FxHashMap<&K, Vec<usize>> = FxHashMap::default();
    let mut keys: Vec<&K> = Vec::new();
    for (c, ks) in items {
        keys.clear();
        keys.extend(ks);
        keys.sort_unstable();
        keys.dedup();
        for &k in &keys {
            index.entry(k).or_default().push(*c);
        }
    }
    let mut pairs = Vec::new();
    for owners in index.values() {
        // Too common to tell anything, or all in one source (no pair to make).
        if owners.len() > max_df || owners.iter().all(|&c| claims[c].source == claims[owners[0]].source) {
            continue;
        }
        for (x, &a) in owners.iter().enumerate() {
            for &b in &owners[x + 1..] {
                if claims[a].source != claims[b].source {
                    pairs.push((a.min(b), a.max(b)));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Links all claims. `claims` are in report order.
pub(crate) fn link(claims: &[Claim], around: &[LinkWords]) -> Vec<Link> {
    let mut links = Vec::new();
    let max_df = (claims.len() / 4).max(64);
    // Statements: quotation words per claim, as numbers.
    let mut vocabulary = Vocabulary::default();
    let mut buf = String::new();
    let ids: Vec<Vec<u32>> = claims
        .iter()
        .map(|c| c.remark().map(|r| vocabulary.ids_of(r, &mut buf)).unwrap_or_default())
        .collect();
    // A quoted title, motto or nickname is a name, not a remark: it is
    // never the same remark as another. The later parts of a split
    // quotation are compared through its first.
    let statements: Vec<usize> = (0..claims.len())
        .filter(|&i| claims[i].split != Split::Later)
        .filter(|&i| claims[i].statement().is_some_and(|s| !(s.direct && is_title(&s.quote))))
        .collect();
    let quotes = Quotes {
        claims,
        statements,
        max_df,
        ids,
        ranks: vocabulary.content_ranks(),
    };
    // Direct quotations compared for one remark are compared again for one
    // quote: each pair's similarity is worked out once.
    let mut scores = Scores::default();
    same_remark(&quotes, &mut scores, &mut links);
    same_quote(&quotes, &mut scores, &mut links);
    same_figure(claims, around, max_df, &mut links);
    same_event(claims, around, max_df, &mut links);
    links.sort_by_key(|l| (l.kind, l.a, l.b));
    links
}

/// The statements to link and the quotation words of every claim (none
/// where it is no statement).
struct Quotes<'c> {
    claims: &'c [Claim],
    /// The claims that may be one remark with another.
    statements: Vec<usize>,
    /// Blocking keys held by more claims than this tell nothing.
    max_df: usize,
    /// Each claim's quotation words as numbers (`Vocabulary`).
    ids: Vec<Vec<u32>>,
    /// Each word's place among the content words (`Vocabulary::content_ranks`).
    ranks: Vec<Option<u32>>,
}

/// `similarity` of the claim pairs already compared.
type Scores = FxHashMap<(usize, usize), f64>;

impl Quotes<'_> {
    /// The content words of claim `i`'s quotation, each once, as their
    /// places (`ranks`), sorted.
    fn content_set(&self, i: usize) -> Vec<u32> {
        let mut set: Vec<u32> = self.ids[i].iter().filter_map(|&w| self.ranks[w as usize]).collect();
        set.sort_unstable();
        set.dedup();
        set
    }

    fn contained(&self, a: usize, b: usize) -> bool {
        contains(&self.ids[a], &self.ids[b]) || contains(&self.ids[b], &self.ids[a])
    }

    fn bound(&self, a: usize, b: usize) -> f64 {
        similarity_bound(&self.ids[a], &self.ids[b])
    }

    fn similarity(&self, a: usize, b: usize, scores: &mut Scores) -> f64 {
        *scores
            .entry((a, b))
            .or_insert_with(|| similarity(&self.ids[a], &self.ids[b]))
    }
}

/// Same remark: blocked by speaker, then by shared content words; reported
/// speech weighs its words by their rarity across statements.
fn same_remark(quotes: &Quotes, scores: &mut Scores, links: &mut Vec<Link>) {
    let (claims, statements, max_df) = (quotes.claims, &quotes.statements, quotes.max_df);
    // Each statement's content words once, for the index and every pair.
    let sets: FxHashMap<usize, Vec<u32>> = statements.iter().map(|&i| (i, quotes.content_set(i))).collect();
    let weighed = weigh(&sets, statements.len());

    // Same remark: blocked by the speaker's surname (a surname alone meets
    // the full name), then by shared content words; speakers that are
    // certainly two people (Bill and Hillary) never share a remark.
    let speaker = |i: usize| claims[i].statement().and_then(|s| s.speaker.as_deref());
    let mut by_speaker: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for &i in statements {
        if let Some(sp) = speaker(i) {
            let words: Vec<String> = sp.split(' ').map(String::from).collect();
            by_speaker.entry(name_key(surname_of(&words))).or_default().push(i);
        }
    }
    let one_person = |a: usize, b: usize| match (speaker(a), speaker(b)) {
        (Some(x), Some(y)) => !certainly_different(x, y, &|_| false),
        _ => false,
    };
    // Per claim once, not per pair, and only for the pairs that need them:
    // the spoken words and the topic phrases.
    let mut spoken: FxHashMap<usize, Spoken> = FxHashMap::default();
    let mut phrases: FxHashMap<usize, BTreeSet<(String, String)>> = FxHashMap::default();
    for group in by_speaker.values() {
        let items: Vec<(usize, Vec<u32>)> = group.iter().map(|&i| (i, sets[&i].clone())).collect();
        for (a, b) in candidates(&items, claims, max_df)
            .into_iter()
            .filter(|&(a, b)| one_person(a, b))
        {
            let (sa, sb) = (
                claims[a].statement().expect("statement"),
                claims[b].statement().expect("statement"),
            );
            let direct = sa.direct && sb.direct;
            let contained = direct && quotes.contained(a, b);
            // One rendering standing inside the other but for a word or
            // two: a partial quotation of the same lines, whatever the
            // length of the other (asked only where it is not whole inside).
            let within = direct && !contained && {
                for i in [a, b] {
                    spoken
                        .entry(i)
                        .or_insert_with(|| Spoken::of(claims[i].remark().unwrap_or("")));
                }
                let (xa, xb) = (&spoken[&a], &spoken[&b]);
                let shorter = xa.words.len().min(xb.words.len());
                shorter >= MIN_COMPARED_WORDS
                    && common_words(&xa.words, &xb.words) as f64 / shorter as f64 >= WITHIN_COVERAGE
                    && align(xa, xb).coverage(xa, xb) >= WITHIN_COVERAGE
            };
            if direct && !contained && !within && quotes.bound(a, b) < REMARK_SIMILARITY {
                continue;
            }
            let (ca, cb) = (&sets[&a], &sets[&b]);
            let score = if direct {
                quotes.similarity(a, b, scores)
            } else {
                weighted_overlap(&weighed[&a], &weighed[&b])
            };
            // Reported speech is paraphrase: two statements are one remark when
            // they share rare words ("NATO membership", "pre-2014 borders")
            // and were made within a week of each other, where both are dated.
            let near = match (
                sa.date.as_ref().and_then(|d| d.day()),
                sb.date.as_ref().and_then(|d| d.day()),
            ) {
                (Some(x), Some(y)) => x
                    .until((jiff::Unit::Day, y))
                    .map(|s| s.get_days().abs() <= REMARK_WINDOW_DAYS)
                    .unwrap_or(false),
                _ => true,
            };
            let linked = contained
                || within
                || if sa.direct && sb.direct {
                    score >= REMARK_SIMILARITY
                } else {
                    near && {
                        let shared = common_sorted(ca, cb);
                        score >= 0.3 && shared >= 2
                            || shared >= 3 && {
                                for (i, st) in [(a, sa), (b, sb)] {
                                    phrases.entry(i).or_insert_with(|| topic_phrases(&st.quote));
                                }
                                phrases[&a].intersection(&phrases[&b]).count() >= 1
                            }
                    }
                };
            if linked {
                links.push(Link {
                    kind: LinkKind::SameRemark,
                    a,
                    b,
                    score,
                    contained,
                });
            }
        }
    }
}

/// Same quote: direct quotations with (nearly) the same words, any speaker.
fn same_quote(quotes: &Quotes, scores: &mut Scores, links: &mut Vec<Link>) {
    let (claims, statements, ids, max_df) = (quotes.claims, &quotes.statements, &quotes.ids, quotes.max_df);
    let direct: Vec<(usize, Vec<u32>)> = statements
        .iter()
        .filter(|&&i| claims[i].statement().is_some_and(|s| s.direct) && ids[i].len() >= 4)
        .map(|&i| (i, quotes.content_set(i)))
        .collect();
    for (a, b) in candidates(&direct, claims, max_df) {
        let contained = quotes.contained(a, b) && ids[a].len().min(ids[b].len()) >= 5;
        if !contained && quotes.bound(a, b) < QUOTE_SIMILARITY {
            continue;
        }
        let score = quotes.similarity(a, b, scores);
        if score >= QUOTE_SIMILARITY || contained {
            links.push(Link {
                kind: LinkKind::SameQuote,
                a,
                b,
                score,
                contained,
            });
        }
    }
}

/// Same figure: blocked by unit, then by the words around the figure.
fn same_figure(claims: &[Claim], around: &[LinkWords], max_df: usize, links: &mut Vec<Link>) {
    let mut by_unit: BTreeMap<String, Vec<(usize, Vec<u64>)>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        if let ClaimValue::Figure(f) = &c.value {
            let unit = match &f.unit {
                Some(Unit::Noun(n)) => singular(n),
                Some(u) => u.as_str().to_string(),
                None => continue,
            };
            by_unit.entry(unit).or_default().push((i, around[i].context.clone()));
        }
    }
    for items in by_unit.values() {
        for (a, b) in candidates(items, claims, max_df) {
            let (score, shared) = overlap(&around[a].context, &around[b].context);
            // Or the items of two lists that name the same thing.
            let (item, shared_item) = overlap(&around[a].measure, &around[b].measure);
            if (score >= 0.25 && shared >= 2) || (item >= 0.5 && shared_item >= 3) {
                links.push(Link {
                    kind: LinkKind::SameFigure,
                    a,
                    b,
                    score,
                    contained: false,
                });
            }
        }
    }
}

/// Same event: dates naming a day, in sentences that tell the same thing.
fn same_event(claims: &[Claim], around: &[LinkWords], max_df: usize, links: &mut Vec<Link>) {
    let dated: Vec<(usize, Vec<u64>)> = claims
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            c.date()
                .is_some_and(|d| matches!(d.kind, TimexType::Date | TimexType::Time) && d.value.day().is_some())
        })
        .map(|(i, _)| (i, around[i].context.clone()))
        .collect();
    // One-to-one between two sources: each date meets its best match only,
    // so two dates of one sentence are not crossed.
    let mut scored: Vec<(f64, usize, usize)> = candidates(&dated, claims, max_df)
        .into_iter()
        .filter_map(|(a, b)| {
            let (score, shared) = overlap(&around[a].context, &around[b].context);
            (score >= 0.5 && shared >= 3).then_some((score, a, b))
        })
        .collect();
    // Or by the people taking part: two of them in common, whatever the
    // wording ("a phone call with Putin" / "Trump spoke with Putin").
    let with_people: Vec<(usize, Vec<String>)> = dated
        .iter()
        .filter(|(i, _)| claims[*i].participants.len() >= 2)
        .map(|(i, _)| (*i, claims[*i].participants.to_vec()))
        .collect();
    for (a, b) in candidates(&with_people, claims, max_df) {
        let common = claims[a]
            .participants
            .iter()
            .filter(|p| claims[b].participants.contains(p))
            .count();
        if common >= 2 && !scored.iter().any(|(_, x, y)| (*x, *y) == (a, b)) {
            scored.push((0.5 + 0.1 * common as f64, a, b));
        }
    }
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let mut taken: BTreeSet<(usize, &str)> = BTreeSet::new();
    for (score, a, b) in scored {
        let (sa, sb) = (&*claims[a].source, &*claims[b].source);
        if taken.contains(&(a, sb)) || taken.contains(&(b, sa)) {
            continue;
        }
        taken.insert((a, sb));
        taken.insert((b, sa));
        links.push(Link {
            kind: LinkKind::SameEvent,
            a,
            b,
            score,
            contained: false,
        });
    }
}

/// Two-word topics of a statement: adjacent content words, not both names
/// ("NATO membership", "pre-2014 borders", "security guarantees"; not
/// "United States"), plurals folded.
fn topic_phrases(quote: &str) -> BTreeSet<(String, String)> {
    let words: Vec<(String, bool)> = crate::text::tokens(quote, crate::span::Span::new(0, quote.len()))
        .iter()
        .map(|t| {
            (
                crate::text::norm_word(t.text),
                t.text.starts_with(|c: char| c.is_uppercase()),
            )
        })
        .filter(|(w, _)| w.len() > 2 && !is_stop_word(w))
        .map(|(w, cap)| {
            (
                w.strip_suffix('s')
                    .filter(|s| s.len() > 3)
                    .map(String::from)
                    .unwrap_or(w),
                cap,
            )
        })
        .collect();
    words
        .windows(2)
        .filter(|p| !(p[0].1 && p[1].1))
        .map(|p| (p[0].0.clone(), p[1].0.clone()))
        .collect()
}

fn singular(n: &str) -> String {
    n.strip_suffix('s').filter(|s| s.len() > 2).unwrap_or(n).to_string()
}

/// Jaccard similarity of two sorted sets of words (`content_set`, or
/// `LinkWords`' hashes), and the number of words they share.
fn overlap<T: Ord>(sa: &[T], sb: &[T]) -> (f64, usize) {
    let both = common_sorted(sa, sb);
    let union = sa.len() + sb.len() - both;
    (if union == 0 { 0.0 } else { both as f64 / union as f64 }, both)
}

/// Share of the smaller side's content weight that both sides hold, words
/// weighted by rarity: "pre-2014 borders" counts, "Ukraine" barely.
fn weighted_overlap(a: &Weighed<'_>, b: &Weighed<'_>) -> f64 {
    let both: f64 = a
        .words
        .iter()
        .zip(&a.weights)
        .filter(|(w, _)| b.words.binary_search(w).is_ok())
        .map(|(_, x)| x)
        .sum();
    let smaller = a.total.min(b.total);
    if smaller <= 0.0 { 0.0 } else { both / smaller }
}

/// Each statement's content words (`sets`, of `count` statements) weighed
/// by their rarity across the statements: once, not at every pair a
/// statement is in.
fn weigh(sets: &FxHashMap<usize, Vec<u32>>, count: usize) -> FxHashMap<usize, Weighed<'_>> {
    let mut df: FxHashMap<u32, usize> = FxHashMap::default();
    for set in sets.values() {
        for &w in set {
            *df.entry(w).or_default() += 1;
        }
    }
    let idf = |w: u32| (1.0 + count as f64 / (*df.get(&w).unwrap_or(&1) as f64)).ln();
    sets.iter()
        .map(|(&i, set)| {
            let weights: Vec<f64> = set.iter().map(|&w| idf(w)).collect();
            let total = weights.iter().sum();
            (
                i,
                Weighed {
                    words: set,
                    weights,
                    total,
                },
            )
        })
        .collect()
}

/// A statement's content words (their places, sorted, each once), each
/// with its weight (its rarity across the statements), and their sum.
struct Weighed<'s> {
    words: &'s [u32],
    weights: Vec<f64>,
    total: f64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::quote_words;

    fn w(s: &str) -> Vec<String> {
        quote_words(s)
    }

    #[test]
    fn a_storys_words_are_numbered_as_first_met_and_placed_as_they_sort() {
        let mut v = Vocabulary::default();
        let mut buf = String::new();
        let first = v.ids_of("Cranes stay idle, Brenn's union said.", &mut buf);
        let second = v.ids_of("The cranes will stay IDLE", &mut buf);
        // As `quote_words` reads them, one number a distinct word.
        assert_eq!(quote_words("Cranes stay idle, Brenn's union said.").len(), first.len());
        assert_eq!(first, vec![0, 1, 2, 3, 4, 5]);
        assert_eq!(second, vec![6, 0, 7, 1, 2]);
        // Content words sort by their words: brenn, cranes, idle, stay,
        // union ("said", "the" and "will" are stop words).
        let ranks = v.content_ranks();
        let places: Vec<Option<u32>> = [0, 1, 2, 3, 4, 5, 6, 7].iter().map(|&id| ranks[id]).collect();
        assert_eq!(
            places,
            vec![Some(1), Some(3), Some(2), Some(0), Some(4), None, None, None]
        );
    }

    #[test]
    fn partial_quote_is_contained() {
        assert!(contains(
            &w("the port will reopen when safety is guaranteed"),
            &w("safety is guaranteed")
        ));
        assert!(!contains(&w("the port will reopen"), &w("port reopen")));
    }

    #[test]
    fn drifted_quotes_are_similar_but_not_equal() {
        let a = w(
            "I think it would be fair to say that things like future funding, either less or more, could be on the table",
        );
        let b =
            w("I think it's fair to say that future funding, whether more or less, could be part of the negotiations");
        let s = similarity(&a, &b);
        assert!((REMARK_SIMILARITY..QUOTE_SIMILARITY).contains(&s), "{s}");
    }
}
