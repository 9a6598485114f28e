//! The rule engine: each rule selects linked pairs, checks its conditions,
//! compares one field and writes a finding from its template.

use crate::analysis::Analysis;
use crate::claim::Claim;
use crate::corpus::align::{self, MIN_COMPARED_WORDS, Spoken, align};
use crate::finding::{DiffWord, Finding, Label};
use crate::graph::ClaimPair;

use super::vocab::render;
use super::{Compare, Field, Link, Placeholder, Rule, SpeakerCondition};

/// Words two renderings must share before a word between them that
/// differs says anything.
const DRIFT_MIN_SHARED: usize = 4;

/// Runs every rule; findings sorted by rule, sources, then first span.
pub fn run(rules: &[Rule], analysis: &Analysis) -> Vec<Finding> {
    use rayon::prelude::*;
    // Rules and the pairs of each on all cores; collecting keeps their order.
    let found: Vec<Finding> = rules.par_iter().flat_map_iter(|r| run_rule(r, analysis)).collect();
    let agree = |rule: &str, x: usize, y: usize| {
        let Some(cmp) = rules.iter().find(|r| r.id == rule).and_then(|r| r.compare) else {
            return false;
        };
        let pair = ClaimPair {
            a: x,
            b: y,
            score: 0.0,
            contained: false,
        };
        compare(cmp, &analysis.claims[x], &analysis.claims[y], &pair, analysis).is_none()
    };
    let mut out = super::group::merge(found, analysis, &agree);
    out.sort_by(|x, y| report_order((x, first_start(x, analysis)), (y, first_start(y, analysis))));
    out.dedup();
    out
}

/// Where a finding stands in a report: by rule, sources, the start of its
/// first claim (`first_start`, given beside it), then its claims.
pub(crate) fn report_order((x, x_first): (&Finding, usize), (y, y_first): (&Finding, usize)) -> std::cmp::Ordering {
    (&x.rule, &x.sources, x_first, &x.claims).cmp(&(&y.rule, &y.sources, y_first, &y.claims))
}

/// The byte where a finding's first claim starts in its source.
pub(crate) fn first_start(f: &Finding, analysis: &Analysis) -> usize {
    f.labels
        .first()
        .and_then(|l| l.claim)
        .map_or(0, |c| analysis.claims[c].span.start)
}

fn run_rule(rule: &Rule, analysis: &Analysis) -> Vec<Finding> {
    rule.links
        .iter()
        .flat_map(|link| run_link(rule, *link, analysis))
        .collect()
}

fn run_link(rule: &Rule, link: Link, analysis: &Analysis) -> Vec<Finding> {
    match link.claims() {
        None => analysis
            .graph
            .copies()
            .map(|c| {
                let (a, b) = (&analysis.sources[c.original].id, &analysis.sources[c.copy].id);
                let share = format!("{:.0}%", c.containment * 100.0);
                let vars = |p: Placeholder| -> Option<String> {
                    Some(match p {
                        Placeholder::ASource => a.clone(),
                        Placeholder::BSource => b.clone(),
                        Placeholder::Similarity => share.clone(),
                        _ => return None,
                    })
                };
                let mut sources = vec![a.clone(), b.clone()];
                sources.sort();
                Finding {
                    rule: rule.id.clone(),
                    severity: rule.severity,
                    message: render(&rule.template, &vars),
                    claims: vec![],
                    sources,
                    values: vec![share.clone()],
                    labels: vec![
                        Label {
                            source: b.clone(),
                            claim: None,
                        },
                        Label {
                            source: a.clone(),
                            claim: None,
                        },
                    ],
                    diff: None,
                    groups: Vec::new(),
                }
            })
            .collect(),
        Some(kind) => {
            use rayon::prelude::*;
            let edges: Vec<_> = analysis.graph.pair_edges(kind).collect();
            edges
                .par_iter()
                .filter_map(|&e| pair_finding(rule, analysis, &analysis.graph.pair(e)?))
                .collect()
        }
    }
}

fn pair_finding(rule: &Rule, analysis: &Analysis, l: &ClaimPair) -> Option<Finding> {
    let (a, b) = (&analysis.claims[l.a], &analysis.claims[l.b]);
    let c = &rule.conditions;
    if let Some(direct) = c.direct {
        let both =
            a.statement().is_some_and(|s| s.direct == direct) && b.statement().is_some_and(|s| s.direct == direct);
        if !both {
            return None;
        }
    }
    let (sa, sb) = (speaker(a), speaker(b));
    let speakers_ok = match c.speaker {
        None => true,
        Some(SpeakerCondition::Known) => sa.is_some() && sb.is_some(),
        Some(SpeakerCondition::Same) => match (sa, sb) {
            (Some(x), Some(y)) => !analysis.different_speakers(x, y),
            _ => false,
        },
        Some(SpeakerCondition::Different) => match (sa, sb) {
            (Some(x), Some(y)) => analysis.different_speakers(x, y),
            _ => false,
        },
    };
    if !speakers_ok
        || c.independent && analysis.copied(&a.source, &b.source)
        || c.contained == Some(false) && l.contained
    {
        return None;
    }
    let (va, vb, diff) = match rule.compare {
        Some(cmp) => compare(cmp, a, b, l, analysis)?,
        None => (a.value_text(), b.value_text(), None),
    };
    let similarity = format!("{:.0}%", l.score * 100.0);
    let diff_text = diff.as_ref().map(|d| diff_string(d)).unwrap_or_default();
    let vars = |p: Placeholder| -> Option<String> {
        Some(match p {
            Placeholder::ASource => a.source.to_string(),
            Placeholder::BSource => b.source.to_string(),
            Placeholder::AValue => va.clone(),
            Placeholder::BValue => vb.clone(),
            Placeholder::AText => a.text.split_whitespace().collect::<Vec<_>>().join(" "),
            Placeholder::BText => b.text.split_whitespace().collect::<Vec<_>>().join(" "),
            Placeholder::ASpeaker => sa.unwrap_or("an unknown speaker").to_string(),
            Placeholder::BSpeaker => sb.unwrap_or("an unknown speaker").to_string(),
            Placeholder::ALine => a.span.line.to_string(),
            Placeholder::BLine => b.span.line.to_string(),
            Placeholder::Speaker => sa.or(sb).unwrap_or("an unknown speaker").to_string(),
            Placeholder::What => match sa.or(sb) {
                Some(s) => format!("{s}'s remark"),
                None if a.statement().is_some() => "a remark".to_string(),
                None => format!(
                    "the event dated \"{}\"",
                    a.text.split_whitespace().collect::<Vec<_>>().join(" ")
                ),
            },
            Placeholder::Similarity => similarity.clone(),
            Placeholder::Diff => diff_text.clone(),
        })
    };
    Some(Finding {
        rule: rule.id.clone(),
        severity: rule.severity,
        message: render(&rule.template, &vars),
        claims: vec![a.id(), b.id()],
        sources: vec![a.source.to_string(), b.source.to_string()],
        values: vec![va.clone(), vb.clone()],
        labels: vec![
            Label {
                source: a.source.to_string(),
                claim: Some(l.a),
            },
            Label {
                source: b.source.to_string(),
                claim: Some(l.b),
            },
        ],
        diff,
        groups: Vec::new(),
    })
}

fn speaker(c: &Claim) -> Option<&str> {
    c.statement().and_then(|s| s.speaker.as_deref())
}

type Compared = (String, String, Option<Vec<DiffWord>>);

/// The two values when they differ beyond the tolerance; `None` when they agree
/// or cannot be compared.
fn compare(cmp: Compare, a: &Claim, b: &Claim, l: &ClaimPair, analysis: &Analysis) -> Option<Compared> {
    match cmp.field {
        Field::Date => {
            let date = |c: &Claim| {
                c.statement()
                    .and_then(|s| s.date.clone())
                    .or_else(|| c.date().filter(|d| d.resolved).map(|d| d.value.clone()))
            };
            let (da, db) = (date(a)?, date(b)?);
            let (xa, xb) = (da.day()?, db.day()?);
            let days = xa.until((jiff::Unit::Day, xb)).ok()?.get_days().abs() as f64;
            (days > cmp.tolerance).then(|| (da.0.clone(), db.0.clone(), None))
        }
        Field::Amount => {
            let (fa, fb) = (a.figure()?, b.figure()?);
            if fa.unit != fb.unit {
                return None;
            }
            let (x, y) = (fa.amount?.0, fb.amount?.0);
            if fa.agrees(&a.text, fb, &b.text, cmp.hedged_tolerance)?
                || (x - y).abs() <= cmp.tolerance * x.abs().max(y.abs())
            {
                return None;
            }
            // Each source also gives the other's value, for whatever it
            // measures: the two figures are of different quantities.
            let hedge = cmp.hedged_tolerance;
            if confirmed(analysis, a, &b.source, hedge) || confirmed(analysis, b, &a.source, hedge) {
                return None;
            }
            Some((a.value_text(), b.value_text(), None))
        }
        Field::Quote => {
            // A quotation split around its attribution is compared whole.
            let (qa, qb) = (a.remark()?, b.remark()?);
            let (sa, sb) = (Spoken::of(qa), Spoken::of(qb));
            let al = align(&sa, &sb);
            // A short line beside a longer quotation is a part of it; two
            // short lines may be two lines of one speech.
            let longer = sa.words.len().max(sb.words.len());
            if l.contained || al.changed == 0 || al.matched < DRIFT_MIN_SHARED || longer < MIN_COMPARED_WORDS {
                return None;
            }
            Some((qa.to_string(), qb.to_string(), Some(word_diff(qa, qb))))
        }
        Field::Speaker => {
            let (sa, sb) = (speaker(a)?, speaker(b)?);
            (sa != sb).then(|| (sa.to_string(), sb.to_string(), None))
        }
    }
}

/// Whether source `by` also gives a figure that agrees with `x` (a bound,
/// "over $300", confirms no value).
fn confirmed(analysis: &Analysis, x: &Claim, by: &str, hedge: f64) -> bool {
    let Some(fx) = x.figure() else { return false };
    let bound = |f: &crate::claim::Figure| {
        use crate::claim::Qualifier::*;
        matches!(f.qualifier, Some(MoreThan | LessThan | AtLeast | UpTo))
    };
    if bound(fx) {
        return false;
    }
    let Some(si) = analysis.source_index(by) else {
        return false;
    };
    analysis.claims_of(si).iter().any(|c| {
        c.figure()
            .is_some_and(|f| f.unit == fx.unit && !bound(f) && fx.agrees(&x.text, f, &c.text, hedge) == Some(true))
    })
}

/// Word-level difference of two quotations. Words before the first shared
/// word and after the last are where the two were cut, not a difference:
/// an ellipsis stands for them, but a word said differently at an edge is
/// shown, as far as the shorter side goes.
pub fn word_diff(a: &str, b: &str) -> Vec<DiffWord> {
    use similar::DiffOp;
    let wa: Vec<&str> = a.split_whitespace().collect();
    let wb: Vec<&str> = b.split_whitespace().collect();
    let key = |w: &&str| crate::text::norm_word(w);
    let ka: Vec<String> = wa.iter().map(key).collect();
    let kb: Vec<String> = wb.iter().map(key).collect();
    let diff = similar::capture_diff_slices(similar::Algorithm::Patience, &ka, &kb);
    let Some((first, last)) = align::shared_stretch(&diff) else {
        return whole_diff(&wa, &wb, &diff);
    };
    // The changed words of an edge op next to the shared stretch: the `k`
    // words of each side nearest to it.
    let edge = |op: Option<&DiffOp>, leading: bool| -> Vec<DiffWord> {
        let Some(op) = op else { return Vec::new() };
        let mut out = Vec::new();
        if let DiffOp::Replace {
            old_index,
            old_len,
            new_index,
            new_len,
        } = *op
        {
            if align::changed_edge(op, &ka, &kb) {
                let k = old_len.min(new_len);
                let (ra, rb) = if leading {
                    (
                        old_index + old_len - k..old_index + old_len,
                        new_index + new_len - k..new_index + new_len,
                    )
                } else {
                    (old_index..old_index + k, new_index..new_index + k)
                };
                out.extend(wa[ra].iter().map(|w| DiffWord::Removed(w.to_string())));
                out.extend(wb[rb].iter().map(|w| DiffWord::Added(w.to_string())));
                if old_len == new_len {
                    return out;
                }
            }
        }
        let cut = DiffWord::Same("…".into());
        if leading {
            out.insert(0, cut);
        } else {
            out.push(cut);
        }
        out
    };
    let mut out = edge(first.checked_sub(1).map(|k| &diff[k]), true);
    out.extend(whole_diff(&wa, &wb, &diff[first..=last]));
    out.extend(edge(diff.get(last + 1), false));
    out
}

/// Every word of `ops`, as it stands.
fn whole_diff(wa: &[&str], wb: &[&str], diff: &[similar::DiffOp]) -> Vec<DiffWord> {
    let mut out = Vec::new();
    for &op in diff {
        match op {
            similar::DiffOp::Equal { old_index, len, .. } => out.extend(
                wa[old_index..old_index + len]
                    .iter()
                    .map(|w| DiffWord::Same(w.to_string())),
            ),
            similar::DiffOp::Delete { old_index, old_len, .. } => out.extend(
                wa[old_index..old_index + old_len]
                    .iter()
                    .map(|w| DiffWord::Removed(w.to_string())),
            ),
            similar::DiffOp::Insert { new_index, new_len, .. } => out.extend(
                wb[new_index..new_index + new_len]
                    .iter()
                    .map(|w| DiffWord::Added(w.to_string())),
            ),
            similar::DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                out.extend(
                    wa[old_index..old_index + old_len]
                        .iter()
                        .map(|w| DiffWord::Removed(w.to_string())),
                );
                out.extend(
                    wb[new_index..new_index + new_len]
                        .iter()
                        .map(|w| DiffWord::Added(w.to_string())),
                );
            }
        }
    }
    out
}

/// A diff as text: `[-removed-] {+added+}`.
pub fn diff_string(d: &[DiffWord]) -> String {
    d.iter()
        .map(|w| match w {
            DiffWord::Same(s) => s.clone(),
            DiffWord::Removed(s) => format!("[-{s}-]"),
            DiffWord::Added(s) => format!("{{+{s}+}}"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_marks_changed_words() {
        let d = diff_string(&word_diff(
            "the port will reopen when safety is guaranteed",
            "the port will reopen once safety is guaranteed",
        ));
        assert_eq!(d, "the port will reopen [-when-] {+once+} safety is guaranteed");
    }

    #[test]
    fn diff_leaves_out_where_the_two_were_cut() {
        let d = diff_string(&word_diff(
            "We said it plainly: the port will reopen when safety is guaranteed",
            "the port will reopen once safety is guaranteed … Every crane waits.",
        ));
        assert_eq!(d, "… the port will reopen [-when-] {+once+} safety is guaranteed …");
    }
}
