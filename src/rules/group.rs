//! One finding per disagreement: the pairwise findings of a rule whose
//! claims are connected (four sources date a remark Feb 12, one Feb 13)
//! become one finding, its claims grouped by value, each value with the
//! independent sources that give it and the copies that repeat it.

use std::collections::BTreeMap;

use petgraph::unionfind::UnionFind;

use crate::analysis::Analysis;
use crate::finding::{Finding, Group, Label};

/// Whether two claims agree under a rule (its comparison finds nothing).
pub(crate) type Agree<'a> = &'a (dyn Fn(&str, usize, usize) -> bool + Sync);

/// Merges the findings of each rule whose claims connect. Findings without
/// claims (copies of a source) stay as they are.
pub(crate) fn merge(findings: Vec<Finding>, analysis: &Analysis, agree: Agree<'_>) -> Vec<Finding> {
    let (pairs, mut out): (Vec<Finding>, Vec<Finding>) = findings
        .into_iter()
        .partition(|f| f.labels.iter().all(|l| l.claim.is_some()) && !f.labels.is_empty());
    // The original of each copy, by source index (the first listed).
    let mut originals: rustc_hash::FxHashMap<usize, usize> = rustc_hash::FxHashMap::default();
    for c in &analysis.copies {
        originals.entry(c.copy).or_insert(c.original);
    }
    let mut by_rule: BTreeMap<String, Vec<Finding>> = BTreeMap::new();
    for f in pairs {
        by_rule.entry(f.rule.clone()).or_default().push(f);
    }
    for findings in by_rule.into_values() {
        // The claims of one rule's findings, joined where a finding joins them.
        let mut sets = UnionFind::<usize>::new(analysis.claims.len());
        for f in &findings {
            let claims: Vec<usize> = f.labels.iter().filter_map(|l| l.claim).collect();
            for w in claims.windows(2) {
                sets.union(w[0], w[1]);
            }
        }
        let mut components: BTreeMap<usize, Vec<Finding>> = BTreeMap::new();
        for f in findings {
            let first = f.labels.iter().find_map(|l| l.claim).unwrap_or(0);
            components.entry(sets.find_mut(first)).or_default().push(f);
        }
        use rayon::prelude::*;
        let groups: Vec<Vec<Finding>> = components.into_values().collect();
        out.par_extend(groups.into_par_iter().map(|g| one(g, analysis, &originals, agree)));
    }
    out
}

/// The finding of one connected disagreement. Claims that agree share a
/// group, though their values are written differently (a whole quotation
/// and a part of it).
fn one(
    mut findings: Vec<Finding>,
    analysis: &Analysis,
    originals: &rustc_hash::FxHashMap<usize, usize>,
    agree: Agree<'_>,
) -> Finding {
    // Each claim once, with its value, in the order the findings name them.
    let mut seen: Vec<(usize, String)> = Vec::new();
    for f in &findings {
        for (label, value) in f.labels.iter().zip(&f.values) {
            if let Some(c) = label.claim.filter(|c| !seen.iter().any(|(s, _)| s == c)) {
                seen.push((c, value.clone()));
            }
        }
    }
    let mut first = findings.swap_remove(0);
    let source_index = |id: &str| analysis.source_index(id);
    let original_of = |id: &str| {
        let i = source_index(id)?;
        originals.get(&i).map(|&o| analysis.sources[o].id.as_str())
    };
    // Each group with the claim that stands for it.
    let mut groups: Vec<(usize, Group)> = Vec::new();
    for (c, value) in &seen {
        let claim = &analysis.claims[*c];
        let at = groups
            .iter()
            .position(|(rep, g)| g.value == *value || agree(&first.rule, *rep, *c));
        let g = match at {
            Some(k) => &mut groups[k].1,
            None => {
                let g = Group {
                    value: value.clone(),
                    sources: Vec::new(),
                    claims: Vec::new(),
                    copies: Vec::new(),
                };
                groups.push((*c, g));
                &mut groups.last_mut().expect("just pushed").1
            }
        };
        g.claims.push(claim.id());
        g.sources.push(claim.source.to_string());
    }
    let mut groups: Vec<Group> = groups.into_iter().map(|(_, g)| g).collect();
    groups.sort_by(|x, y| x.value.cmp(&y.value));
    for g in &mut groups {
        g.sources.sort();
        g.sources.dedup();
        // A copy whose original gives the same value is folded under it.
        let (copies, own): (Vec<String>, Vec<String>) = g
            .sources
            .iter()
            .cloned()
            .partition(|s| original_of(s).is_some_and(|o| g.sources.iter().any(|x| x == o)));
        g.sources = own;
        g.copies = copies;
        g.claims.sort();
    }
    first.claims = seen.iter().map(|(c, _)| analysis.claims[*c].id()).collect();
    first.values = seen.iter().map(|(_, v)| v.clone()).collect();
    first.labels = seen
        .iter()
        .map(|(c, _)| Label {
            source: analysis.claims[*c].source.to_string(),
            claim: Some(*c),
        })
        .collect();
    let mut sources: Vec<String> = first.labels.iter().map(|l| l.source.clone()).collect();
    sources.sort();
    sources.dedup();
    first.sources = sources;
    first.groups = groups;
    first
}
