//! A picture of each story's claim graph, drawn as SVG by the program: the
//! story's sources on the left, the claims its findings name (and the
//! dates their remarks are dated by) in the middle, the people who made
//! the remarks on the right; edges for who asserts, who said it, when, and
//! which claims were linked as the same thing.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use petgraph::visit::EdgeRef;

use super::escape::escape;
use crate::analysis::Analysis;
use crate::graph::{Edge, Node};
use crate::report::model::Report;

const ROW: usize = 30;
const NODE_H: usize = 22;
const COLUMNS: [usize; 3] = [10, 250, 560];
const WIDTHS: [usize; 3] = [220, 290, 200];
/// Characters of a label before it is cut.
const LABEL: usize = 38;

fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let head: String = s.chars().take(n - 1).collect();
        format!("{head}…")
    }
}

pub(super) fn stories(page: &mut String, report: &Report<'_>) {
    let a = report.analysis;
    let mut story_of = vec![0; a.sources.len()];
    for (k, st) in a.stories.iter().enumerate() {
        for &s in &st.sources {
            story_of[s] = k;
        }
    }
    // Each statement's date claim, from the graph's dated-on edges.
    let mut dated: BTreeMap<usize, usize> = BTreeMap::new();
    let mut linked: BTreeSet<(usize, usize, &'static str)> = BTreeSet::new();
    for e in a.graph.graph.edge_references() {
        let (from, to) = (&a.graph.graph[e.source()], &a.graph.graph[e.target()]);
        if let (Node::Claim(x), Node::Claim(y)) = (from, to) {
            match e.weight() {
                Edge::DatedOn => {
                    dated.insert(*x, *y);
                }
                w @ Edge::Same { .. } => {
                    linked.insert((*x, *y, w.name()));
                }
                _ => {}
            }
        }
    }
    let source_of = |c: usize| a.source_index(&a.claims[c].source);
    let mut by_story: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for f in report.findings {
        for c in f.labels.iter().filter_map(|l| l.claim) {
            if let Some(s) = source_of(c) {
                let claims = by_story.entry(story_of[s]).or_default();
                claims.insert(c);
                claims.extend(dated.get(&c));
            }
        }
    }
    if by_story.is_empty() {
        return;
    }
    page.push_str("<section id=\"stories\">\n<h2>Claim graphs</h2>\n");
    for (k, claims) in by_story {
        draw(page, a, k, &claims, &dated, &linked);
    }
    page.push_str("</section>\n");
}

/// One story's picture: `claims` (indexes) with their sources and speakers.
fn draw(
    page: &mut String,
    a: &Analysis,
    k: usize,
    claims: &BTreeSet<usize>,
    dated: &BTreeMap<usize, usize>,
    linked: &BTreeSet<(usize, usize, &'static str)>,
) {
    let source_of = |c: usize| a.source_index(&a.claims[c].source);
    let sources: Vec<usize> = a.stories[k].sources.clone();
    let people: BTreeSet<&str> = claims
        .iter()
        .filter_map(|&c| a.claims[c].statement().and_then(|s| s.speaker.as_deref()))
        .collect();
    let rows = sources.len().max(claims.len()).max(people.len());
    let height = rows * ROW + 10;
    let width = COLUMNS[2] + WIDTHS[2] + 10;
    let _ = writeln!(
        page,
        "<figure class=\"story\">\n<figcaption>Story {}: {}</figcaption>",
        k + 1,
        escape(
            &sources
                .iter()
                .map(|&s| a.sources[s].id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
    );
    let _ = writeln!(
        page,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"Claim graph of story {}\">",
        k + 1
    );
    let y = |row: usize| 5 + row * ROW;
    let mid = |row: usize| y(row) + NODE_H / 2;
    let claim_row: BTreeMap<usize, usize> = claims.iter().enumerate().map(|(r, &c)| (c, r)).collect();
    let source_row: BTreeMap<usize, usize> = sources.iter().enumerate().map(|(r, &s)| (s, r)).collect();
    let person_row: BTreeMap<&str, usize> = people.iter().enumerate().map(|(r, &p)| (p, r)).collect();
    let line = |page: &mut String, x1: usize, y1: usize, x2: usize, y2: usize, class: &str| {
        let _ = writeln!(
            page,
            "<line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\" stroke=\"{}\" stroke-width=\"1.2\"><title>{class}</title></line>",
            if class == "asserts" { "#8a8a8a" } else { "#1a4fa0" }
        );
    };
    for (&c, &r) in &claim_row {
        let claim = &a.claims[c];
        if let Some(&sr) = source_of(c).and_then(|s| source_row.get(&s)) {
            line(page, COLUMNS[0] + WIDTHS[0], mid(sr), COLUMNS[1], mid(r), "asserts");
        }
        if let Some(&pr) = claim
            .statement()
            .and_then(|s| s.speaker.as_deref())
            .and_then(|p| person_row.get(p))
        {
            line(page, COLUMNS[1] + WIDTHS[1], mid(r), COLUMNS[2], mid(pr), "said-by");
        }
    }
    // Links and dates between claims: arcs on the middle column's left.
    for (&x, &rx) in &claim_row {
        let targets = linked
            .iter()
            .filter(|(a, _, _)| *a == x)
            .map(|(_, b, name)| (*b, *name))
            .chain(dated.get(&x).map(|&d| (d, "dated-on")));
        for (yc, name) in targets {
            let Some(&ry) = claim_row.get(&yc) else { continue };
            let (y1, y2) = (mid(rx), mid(ry));
            let bend = COLUMNS[1].saturating_sub(12 + 6 * rx.abs_diff(ry).min(8));
            let _ = writeln!(
                page,
                "<path d=\"M{} {y1} C{bend} {y1} {bend} {y2} {} {y2}\" fill=\"none\" stroke=\"#a4001c\" stroke-dasharray=\"4 3\"><title>{name}</title></path>",
                COLUMNS[1], COLUMNS[1]
            );
        }
    }
    let node = |page: &mut String, col: usize, row: usize, text: &str, title: &str| {
        let _ = writeln!(
            page,
            "<g><title>{}</title><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{NODE_H}\" rx=\"4\" fill=\"#ffffff\" stroke=\"#4a4a4a\"/><text x=\"{}\" y=\"{}\">{}</text></g>",
            escape(title),
            COLUMNS[col],
            y(row),
            WIDTHS[col],
            COLUMNS[col] + 6,
            y(row) + 15,
            escape(&cut(text, LABEL - 8 * usize::from(col != 1)))
        );
    };
    for (&s, &r) in &source_row {
        node(page, 0, r, &a.sources[s].id, &a.sources[s].id);
    }
    for (&c, &r) in &claim_row {
        let claim = &a.claims[c];
        let text = format!("{} {}", claim.kind().as_str(), claim.value_text());
        node(page, 1, r, &text, &format!("{}: {}", claim.id(), claim.text));
    }
    for (&p, &r) in &person_row {
        node(page, 2, r, p, p);
    }
    page.push_str("</svg>\n</figure>\n");
}
