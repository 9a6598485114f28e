//! The claim graph: sources, people and claims as nodes; who asserts and
//! who said what, and the cross-source links, as edges. Exported as DOT and
//! JSON for inspection.

use petgraph::graph::{DiGraph, NodeIndex};
use serde::Serialize;

use crate::analysis::Analysis;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Node {
    Source {
        id: String,
    },
    Person {
        name: String,
    },
    Claim {
        id: String,
        claim_kind: String,
        value: String,
    },
}

impl Node {
    fn key(&self) -> String {
        match self {
            Node::Source { id } => format!("source:{id}"),
            Node::Person { name } => format!("person:{name}"),
            Node::Claim { id, .. } => format!("claim:{id}"),
        }
    }

    fn label(&self) -> String {
        match self {
            Node::Source { id } => id.clone(),
            Node::Person { name } => name.clone(),
            Node::Claim { id, value, .. } => {
                let v: String = value.chars().take(40).collect();
                format!("{id}\\n{v}")
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Edge {
    Asserts,
    SaidBy,
    SameRemark,
    SameQuote,
    SameFigure,
    SameEvent,
    CopyOf,
}

/// The graph of one analysis.
pub struct ClaimGraph {
    pub graph: DiGraph<Node, Edge>,
}

impl ClaimGraph {
    pub fn build(a: &Analysis) -> ClaimGraph {
        use crate::corpus::link::LinkKind;
        let mut graph = DiGraph::new();
        let mut people: std::collections::BTreeMap<String, NodeIndex> = Default::default();
        let sources: Vec<NodeIndex> = a
            .sources
            .iter()
            .map(|s| graph.add_node(Node::Source { id: s.id.clone() }))
            .collect();
        let mut claims = Vec::with_capacity(a.claims.len());
        for c in &a.claims {
            let n = graph.add_node(Node::Claim {
                id: c.id.clone(),
                claim_kind: c.kind().as_str().into(),
                value: c.value_text(),
            });
            claims.push(n);
            if let Some(si) = a.sources.iter().position(|s| s.id == c.source) {
                graph.add_edge(sources[si], n, Edge::Asserts);
            }
            if let Some(sp) = c.statement().and_then(|s| s.speaker.clone()) {
                let p = *people
                    .entry(sp.clone())
                    .or_insert_with(|| graph.add_node(Node::Person { name: sp }));
                graph.add_edge(n, p, Edge::SaidBy);
            }
        }
        for l in &a.links {
            let e = match l.kind {
                LinkKind::SameRemark => Edge::SameRemark,
                LinkKind::SameQuote => Edge::SameQuote,
                LinkKind::SameFigure => Edge::SameFigure,
                LinkKind::SameEvent => Edge::SameEvent,
            };
            graph.add_edge(claims[l.a], claims[l.b], e);
        }
        for c in &a.copies {
            graph.add_edge(sources[c.copy], sources[c.original], Edge::CopyOf);
        }
        ClaimGraph { graph }
    }

    pub fn to_dot(&self) -> String {
        let mut s = String::from("digraph claims {\n  rankdir=LR;\n");
        for i in self.graph.node_indices() {
            let n = &self.graph[i];
            let shape = match n {
                Node::Source { .. } => "box",
                Node::Person { .. } => "ellipse",
                Node::Claim { .. } => "note",
            };
            s.push_str(&format!("  {:?} [label={:?}, shape={shape}];\n", n.key(), n.label()));
        }
        for e in self.graph.edge_indices() {
            let (a, b) = self.graph.edge_endpoints(e).expect("edge");
            let kind = serde_json::to_value(self.graph[e])
                .ok()
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default();
            s.push_str(&format!(
                "  {:?} -> {:?} [label={:?}];\n",
                self.graph[a].key(),
                self.graph[b].key(),
                kind
            ));
        }
        s.push_str("}\n");
        s
    }

    pub fn to_json(&self) -> String {
        #[derive(Serialize)]
        struct E<'a> {
            from: String,
            to: String,
            kind: &'a Edge,
        }
        let nodes: Vec<&Node> = self.graph.node_weights().collect();
        let edges: Vec<E<'_>> = self
            .graph
            .edge_indices()
            .map(|e| {
                let (a, b) = self.graph.edge_endpoints(e).expect("edge");
                E {
                    from: self.graph[a].key(),
                    to: self.graph[b].key(),
                    kind: &self.graph[e],
                }
            })
            .collect();
        let mut s = serde_json::to_string_pretty(&serde_json::json!({ "nodes": nodes, "edges": edges }))
            .expect("graph serializes");
        s.push('\n');
        s
    }
}
