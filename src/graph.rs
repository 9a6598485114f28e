//! The claim graph: sources, people and claims as nodes; who asserts and
//! who said what, the copies and the cross-source links as edges. The
//! pipeline builds it, the rules select their claim pairs from it, and
//! `claimcheck graph` prints it as DOT or JSON.

use std::collections::BTreeMap;
use std::sync::Arc;

use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use serde::Serialize;

use crate::claim::Claim;
use crate::corpus::duplicates::Copy;
use crate::corpus::link::{Link, LinkKind};
use crate::source::Source;

/// A node: a source or a claim by its index in the analysis (the graph
/// of a corpus holds no copy of their text), or a person by name.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Source(usize),
    Person(Arc<str>),
    Claim(usize),
}

/// A node as printed, with the words of its source or claim.
#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum Printed<'a> {
    Source {
        id: &'a str,
    },
    Person {
        name: &'a str,
    },
    Claim {
        id: String,
        claim_kind: &'static str,
        value: String,
    },
}

impl<'a> Printed<'a> {
    fn of(node: &'a Node, sources: &'a [Source], claims: &'a [Claim]) -> Printed<'a> {
        match node {
            Node::Source(i) => Printed::Source { id: &sources[*i].id },
            Node::Person(name) => Printed::Person { name },
            Node::Claim(i) => {
                let c = &claims[*i];
                Printed::Claim {
                    id: c.id(),
                    claim_kind: c.kind().as_str(),
                    value: c.value_text(),
                }
            }
        }
    }

    fn key(&self) -> String {
        match self {
            Printed::Source { id } => format!("source:{id}"),
            Printed::Person { name } => format!("person:{name}"),
            Printed::Claim { id, .. } => format!("claim:{id}"),
        }
    }

    fn label(&self) -> String {
        match self {
            Printed::Source { id } => id.to_string(),
            Printed::Person { name } => name.to_string(),
            Printed::Claim { id, value, .. } => {
                let v: String = value.chars().take(40).collect();
                format!("{id}\\n{v}")
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Edge {
    /// Source → claim.
    Asserts,
    /// Statement → person.
    SaidBy,
    /// Statement → the date claim that says when it was said.
    DatedOn,
    /// Claim → claim: the two speak of the same thing.
    Same {
        kind: LinkKind,
        /// Word similarity 0..=1 where the link is by words.
        score: f64,
        /// One quotation stands whole inside the other.
        contained: bool,
    },
    /// Copy → original source, with the share of the copy found in it.
    CopyOf { containment: f64 },
}

impl Edge {
    /// The edge's name in the printed graph.
    pub fn name(&self) -> &'static str {
        match self {
            Edge::Asserts => "asserts",
            Edge::SaidBy => "said-by",
            Edge::DatedOn => "dated-on",
            Edge::Same { kind, .. } => kind.as_str(),
            Edge::CopyOf { .. } => "copy-of",
        }
    }
}

/// Two claims linked as the same thing, as the rules see them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClaimPair {
    /// Indexes into the analysis's claims.
    pub a: usize,
    pub b: usize,
    pub score: f64,
    pub contained: bool,
}

/// A source found to copy another, as the rules see it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CopyPair {
    /// Indexes into the analysis's sources.
    pub original: usize,
    pub copy: usize,
    pub containment: f64,
}

/// The graph of one analysis, with each source's and claim's node.
#[derive(Debug, Clone, Default)]
pub struct ClaimGraph {
    pub graph: DiGraph<Node, Edge>,
    sources: Vec<NodeIndex>,
    claims: Vec<NodeIndex>,
}

impl ClaimGraph {
    pub fn build(sources: &[Source], claims: &[Claim], links: &[Link], copies: &[Copy]) -> ClaimGraph {
        // Sized once: at scale the graph's vectors are among the largest.
        let said = claims
            .iter()
            .filter(|c| c.statement().is_some_and(|s| s.speaker.is_some()))
            .count();
        let dated = claims.iter().filter(|c| c.dated_by.is_some()).count();
        let mut g = ClaimGraph {
            graph: DiGraph::with_capacity(
                sources.len() + claims.len() + said,
                claims.len() + said + dated + links.len() + copies.len(),
            ),
            sources: Vec::with_capacity(sources.len()),
            claims: Vec::with_capacity(claims.len()),
        };
        let mut people: BTreeMap<Arc<str>, NodeIndex> = BTreeMap::new();
        for i in 0..sources.len() {
            g.sources.push(g.graph.add_node(Node::Source(i)));
        }
        for (i, c) in claims.iter().enumerate() {
            let n = g.graph.add_node(Node::Claim(i));
            g.claims.push(n);
            if let Ok(si) = sources.binary_search_by(|s| s.id.as_str().cmp(&c.source)) {
                g.graph.add_edge(g.sources[si], n, Edge::Asserts);
            }
            if let Some(sp) = c.statement().and_then(|s| s.speaker.clone()) {
                let p = *people
                    .entry(sp.clone())
                    .or_insert_with(|| g.graph.add_node(Node::Person(sp)));
                g.graph.add_edge(n, p, Edge::SaidBy);
            }
        }
        // A statement's date is one of its source's date claims.
        let by_place: BTreeMap<(&str, crate::span::Span), usize> = claims
            .iter()
            .enumerate()
            .filter(|(_, c)| c.date().is_some())
            .map(|(i, c)| ((&*c.source, c.clean_span), i))
            .collect();
        for (i, c) in claims.iter().enumerate() {
            if let Some(&d) = c.dated_by.and_then(|s| by_place.get(&(&*c.source, s))) {
                g.graph.add_edge(g.claims[i], g.claims[d], Edge::DatedOn);
            }
        }
        for l in links {
            let same = Edge::Same {
                kind: l.kind,
                score: l.score,
                contained: l.contained,
            };
            g.graph.add_edge(g.claims[l.a], g.claims[l.b], same);
        }
        for c in copies {
            let edge = Edge::CopyOf {
                containment: c.containment,
            };
            g.graph.add_edge(g.sources[c.copy], g.sources[c.original], edge);
        }
        g
    }

    /// The claim pairs linked as the same thing of `kind`, in the order the
    /// links were found.
    pub fn pairs(&self, kind: LinkKind) -> impl Iterator<Item = ClaimPair> + '_ {
        self.pair_edges(kind).filter_map(|e| self.pair(e))
    }

    /// The edges `pairs` reads (4 bytes each: what a parallel pass over a
    /// corpus's pairs collects).
    pub fn pair_edges(&self, kind: LinkKind) -> impl Iterator<Item = EdgeIndex> + '_ {
        self.graph
            .edge_indices()
            .filter(move |&e| matches!(self.graph[e], Edge::Same { kind: k, .. } if k == kind))
    }

    /// The claim pair of a same-thing edge.
    pub fn pair(&self, e: EdgeIndex) -> Option<ClaimPair> {
        let (a, b) = self.graph.edge_endpoints(e)?;
        match *self.graph.edge_weight(e)? {
            Edge::Same { score, contained, .. } => Some(ClaimPair {
                a: self.claim_of(a)?,
                b: self.claim_of(b)?,
                score,
                contained,
            }),
            _ => None,
        }
    }

    /// The sources that copy another.
    pub fn copies(&self) -> impl Iterator<Item = CopyPair> + '_ {
        self.edges().filter_map(|(copy, original, e)| match e {
            Edge::CopyOf { containment } => Some(CopyPair {
                original: self.source_of(original)?,
                copy: self.source_of(copy)?,
                containment,
            }),
            _ => None,
        })
    }

    /// Whether one of two sources (indexes) copies the other.
    pub fn copied(&self, a: usize, b: usize) -> bool {
        let (Some(&x), Some(&y)) = (self.sources.get(a), self.sources.get(b)) else {
            return false;
        };
        [(x, y), (y, x)].into_iter().any(|(from, to)| {
            self.graph
                .edges_connecting(from, to)
                .any(|e| matches!(e.weight(), Edge::CopyOf { .. }))
        })
    }

    fn claim_of(&self, n: NodeIndex) -> Option<usize> {
        match self.graph[n] {
            Node::Claim(i) => Some(i),
            _ => None,
        }
    }

    fn source_of(&self, n: NodeIndex) -> Option<usize> {
        match self.graph[n] {
            Node::Source(i) => Some(i),
            _ => None,
        }
    }

    fn edges(&self) -> impl Iterator<Item = (NodeIndex, NodeIndex, Edge)> + '_ {
        self.graph.edge_indices().filter_map(|e: EdgeIndex| {
            let (a, b) = self.graph.edge_endpoints(e)?;
            Some((a, b, self.graph[e]))
        })
    }

    /// The graph in Graphviz's language; `sources` and `claims` are the
    /// analysis's that it was built from.
    pub fn to_dot(&self, sources: &[Source], claims: &[Claim]) -> String {
        let printed: Vec<Printed> = self
            .graph
            .node_weights()
            .map(|n| Printed::of(n, sources, claims))
            .collect();
        let mut s = String::from("digraph claims {\n  rankdir=LR;\n");
        for n in &printed {
            let shape = match n {
                Printed::Source { .. } => "box",
                Printed::Person { .. } => "ellipse",
                Printed::Claim { .. } => "note",
            };
            s.push_str(&format!("  {:?} [label={:?}, shape={shape}];\n", n.key(), n.label()));
        }
        for (a, b, e) in self.edges() {
            s.push_str(&format!(
                "  {:?} -> {:?} [label={:?}];\n",
                printed[a.index()].key(),
                printed[b.index()].key(),
                e.name()
            ));
        }
        s.push_str("}\n");
        s
    }

    /// The graph as JSON: its nodes and edges.
    pub fn to_json(&self, sources: &[Source], claims: &[Claim]) -> String {
        #[derive(Serialize)]
        struct E {
            from: String,
            to: String,
            kind: &'static str,
        }
        let nodes: Vec<Printed> = self
            .graph
            .node_weights()
            .map(|n| Printed::of(n, sources, claims))
            .collect();
        let edges: Vec<E> = self
            .edges()
            .map(|(a, b, e)| E {
                from: nodes[a.index()].key(),
                to: nodes[b.index()].key(),
                kind: e.name(),
            })
            .collect();
        let mut s =
            serde_json::to_string_pretty(&serde_json::json!({ "nodes": nodes, "edges": edges })).unwrap_or_default();
        s.push('\n');
        s
    }
}
