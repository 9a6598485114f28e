//! Which parts of a page are the article: paragraphs scored into the
//! element that holds most of the prose, its siblings that read like the
//! article too, and nothing that reads like furniture (menus, link lists,
//! related stories, comments, captions, notices).

use std::sync::LazyLock;

use crate::lexicon::{en, rows};

use super::date;
use super::tree::{Dom, NodeId, NodeKind};

/// Elements whose whole content is never article text.
const SKIPPED: &[&str] = &[
    "head",
    "title",
    "script",
    "style",
    "nav",
    "footer",
    "aside",
    "noscript",
    "svg",
    "button",
    "select",
    "template",
    "iframe",
    "figcaption",
    "figure",
    "textarea",
    "input",
    "option",
    "object",
    "embed",
    "canvas",
    "audio",
    "video",
    "math",
    "dialog",
    "menu",
];

/// Elements that may be the article's container.
const CONTAINERS: &[&str] = &[
    "div",
    "article",
    "section",
    "main",
    "td",
    "body",
    "form",
    "blockquote",
    "pre",
    "center",
];

/// A paragraph shorter than this (in characters) gives no score.
const MIN_PARAGRAPH: usize = 25;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Signal {
    Unlikely,
    Negative,
    Positive,
    Likely,
}

struct Signals(Vec<(&'static str, Signal)>);

static SIGNALS: LazyLock<Signals> = LazyLock::new(|| {
    Signals(
        rows(en::CLASS_SIGNALS)
            .filter_map(|r| {
                let s = match r.cell(1) {
                    "unlikely" => Signal::Unlikely,
                    "negative" => Signal::Negative,
                    "positive" => Signal::Positive,
                    "likely" => Signal::Likely,
                    _ => return None,
                };
                Some((r.key(), s))
            })
            .collect(),
    )
});

/// The signals the words of one element's class and id carry.
#[derive(Debug, Clone, Copy, Default)]
struct Carried {
    unlikely: bool,
    negative: bool,
    positive: bool,
    likely: bool,
}

impl Signals {
    /// The signals of the words of `class id`, read in one pass.
    fn of(&self, names: &str) -> Carried {
        let mut carried = Carried::default();
        for w in names
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            let w = w.to_ascii_lowercase();
            for (k, s) in &self.0 {
                if w == *k || (k.len() >= 4 && w.contains(k)) {
                    match s {
                        Signal::Unlikely => carried.unlikely = true,
                        Signal::Negative => carried.negative = true,
                        Signal::Positive => carried.positive = true,
                        Signal::Likely => carried.likely = true,
                    }
                }
            }
        }
        carried
    }
}

/// What is known of each node, gathered bottom-up.
#[derive(Debug, Clone, Copy, Default)]
struct Stats {
    /// Characters of text under the node.
    chars: usize,
    /// Of those, inside links.
    linked: usize,
    /// Characters reached without entering a block element: the node's own
    /// paragraph text.
    own: usize,
    /// Commas in `own`.
    commas: usize,
    /// Commas under the node.
    all_commas: usize,
    /// Paragraph elements under the node.
    paragraphs: usize,
    /// List items under the node.
    items: usize,
    /// Images under the node.
    images: usize,
}

impl Stats {
    fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.linked as f32 / self.chars as f32
        }
    }
}

/// The chosen article.
struct Selection {
    /// Nodes kept.
    mask: Vec<bool>,
    /// The kept containers above the article.
    around: Vec<bool>,
    /// Characters of text kept.
    chars: usize,
}

/// The page read for its article.
struct Page<'a> {
    dom: &'a Dom,
    /// Nodes left out with everything under them.
    dropped: Vec<bool>,
    stats: Vec<Stats>,
    /// The class weight of each element (positive or negative signals).
    weight: Vec<f32>,
}

/// The nodes whose text is the article, as a mask over [`Dom::nodes`]:
/// `true` for a node that is kept (a text node is kept when it and all of
/// its ancestors are).
pub(crate) fn article_mask(dom: &Dom) -> Vec<bool> {
    let mut page = Page::new(dom, true);
    let mut kept = page.select();
    // Too little found: the furniture test may have hit the article. The
    // second reading stands if it found something where the first found
    // nothing, or if it extends what the first found.
    if kept.chars < 500 {
        let loose = Page::new(dom, false);
        if kept.chars * 4 < loose.stats[0].chars {
            let wider = loose.select();
            let extends = (0..dom.nodes.len())
                .filter(|&id| matches!(dom.nodes[id].kind, NodeKind::Text(_)) && kept.mask[id])
                .all(|id| wider.mask[id]);
            if kept.chars < 140 || extends {
                page = loose;
                kept = wider;
            }
        }
    }
    let Selection {
        mut mask,
        around,
        chars,
    } = kept;
    page.clean(&mut mask, &around, chars);
    page.drop_lines(&mut mask, &around);
    mask
}

impl<'a> Page<'a> {
    fn new(dom: &'a Dom, drop_unlikely: bool) -> Page<'a> {
        let n = dom.nodes.len();
        let mut dropped = vec![false; n];
        let mut weight = vec![0.0; n];
        for (id, e) in dom.elements() {
            let carried = match (e.attr("class"), e.attr("id")) {
                (None, None) => Carried::default(),
                (class, id) => SIGNALS.of(&format!("{} {}", class.unwrap_or(""), id.unwrap_or(""))),
            };
            if carried.negative {
                weight[id] -= 25.0;
            }
            if carried.positive {
                weight[id] += 25.0;
            }
            let hidden = e.attr("hidden").is_some()
                || e.attr("aria-hidden") == Some("true")
                || e.attr("style")
                    .is_some_and(|s| s.replace(' ', "").contains("display:none"));
            let unlikely = drop_unlikely
                && !matches!(e.name.as_str(), "body" | "html" | "article" | "main" | "a")
                && carried.unlikely
                && !carried.likely;
            let role = e.attr("role").is_some_and(|r| {
                matches!(
                    r,
                    "navigation" | "complementary" | "banner" | "contentinfo" | "menu" | "menubar" | "dialog"
                )
            });
            if SKIPPED.contains(&e.name.as_str()) || hidden || unlikely || role {
                dropped[id] = true;
            }
        }
        // Everything under a dropped node is dropped (parents come first).
        for id in 1..n {
            if let Some(p) = dom.nodes[id].parent {
                dropped[id] |= dropped[p];
            }
        }
        let mut page = Page {
            dom,
            dropped,
            stats: vec![Stats::default(); n],
            weight,
        };
        page.gather();
        page
    }

    fn is_block(&self, id: NodeId) -> bool {
        self.dom.nodes[id].element().is_some_and(|e| e.block)
    }

    /// Fills `stats`, children before parents.
    fn gather(&mut self) {
        let dom = self.dom;
        for id in (0..dom.nodes.len()).rev() {
            if self.dropped[id] {
                continue;
            }
            let mut s = Stats::default();
            match &dom.nodes[id].kind {
                NodeKind::Text(r) => {
                    let text = &dom.text[r.clone()];
                    s.chars = text.iter().filter(|u| !u.ch.is_whitespace()).count();
                    s.own = s.chars;
                    s.commas = text.iter().filter(|u| u.ch == ',').count();
                    s.all_commas = s.commas;
                }
                _ => {
                    for &c in &dom.nodes[id].children {
                        if self.dropped[c] {
                            continue;
                        }
                        let cs = self.stats[c];
                        s.chars += cs.chars;
                        s.linked += cs.linked;
                        s.paragraphs += cs.paragraphs;
                        s.items += cs.items;
                        s.images += cs.images;
                        s.all_commas += cs.all_commas;
                        if !self.is_block(c) {
                            s.own += cs.own;
                            s.commas += cs.commas;
                        }
                    }
                    match dom.nodes[id].element().map(|e| e.name.as_str()) {
                        Some("a") => s.linked = s.chars,
                        Some("p") => s.paragraphs += 1,
                        Some("li") => s.items += 1,
                        Some("img") => s.images += 1,
                        _ => {}
                    }
                }
            }
            self.stats[id] = s;
        }
    }

    /// The base score of a candidate container, by its tag and class.
    fn base(&self, id: NodeId) -> f32 {
        let tag = match self.dom.nodes[id].element().map(|e| e.name.as_str()) {
            Some("div" | "article" | "main") => 5.0,
            Some("pre" | "td" | "blockquote") => 3.0,
            Some("address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li") => -3.0,
            Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th") => -5.0,
            _ => 0.0,
        };
        tag + self.weight[id]
    }

    /// Scores every container by the paragraphs under it; returns the mask
    /// of the chosen article and the number of characters it keeps.
    fn select(&self) -> Selection {
        let n = self.dom.nodes.len();
        let mut score: Vec<Option<f32>> = vec![None; n];
        for id in 0..n {
            if self.dropped[id] || !self.is_block(id) {
                continue;
            }
            let s = self.stats[id];
            if s.own < MIN_PARAGRAPH {
                continue;
            }
            let points = 1.0 + s.commas as f32 + (s.own as f32 / 100.0).min(3.0);
            let mut at = self.dom.nodes[id].parent;
            for level in 0..5 {
                let Some(a) = at else { break };
                if self.dom.nodes[a].element().is_none() {
                    break;
                }
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    l => l as f32 * 3.0,
                };
                let entry = score[a].get_or_insert_with(|| self.base(a));
                *entry += points / divider;
                at = self.dom.nodes[a].parent;
            }
        }
        let final_score = |id: NodeId| score[id].map(|s| s * (1.0 - self.stats[id].link_density()));
        let Some(mut top) = (0..n).filter(|&id| score[id].is_some()).max_by(|&a, &b| {
            final_score(a)
                .partial_cmp(&final_score(b))
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(b.cmp(&a))
        }) else {
            return self.whole();
        };
        top = self.widen(top, &score, &final_score);
        let top_score = final_score(top).unwrap_or(0.0);
        let mut mask = vec![false; n];
        let Some(parent) = self.dom.nodes[top].parent else {
            return self.whole();
        };
        let threshold = (top_score * 0.2).max(10.0);
        let top_class = self.dom.nodes[top].element().and_then(|e| e.attr("class"));
        for &sibling in &self.dom.nodes[parent].children {
            if self.dropped[sibling] {
                continue;
            }
            let keep = sibling == top || {
                let bonus = match (
                    top_class,
                    self.dom.nodes[sibling].element().and_then(|e| e.attr("class")),
                ) {
                    (Some(a), Some(b)) if !a.is_empty() && a == b => top_score * 0.2,
                    _ => 0.0,
                };
                final_score(sibling).is_some_and(|s| s + bonus >= threshold) || self.reads_like_prose(sibling)
            };
            if keep {
                for d in self.dom.descendants(sibling) {
                    mask[d] = !self.dropped[d];
                }
            }
        }
        // The ancestors are kept for their kept children to be reached.
        // The article's containers stay whole: they are cleaned inside.
        let mut around = vec![false; n];
        around[top] = true;
        let mut at = Some(parent);
        while let Some(a) = at {
            mask[a] = true;
            around[a] = true;
            at = self.dom.nodes[a].parent;
        }
        let chars = (0..n)
            .filter(|&id| mask[id] && matches!(self.dom.nodes[id].kind, NodeKind::Text(_)))
            .map(|id| self.stats[id].chars)
            .sum();
        Selection { mask, around, chars }
    }

    /// The page minus what was dropped.
    fn whole(&self) -> Selection {
        let mut around = vec![false; self.dom.nodes.len()];
        around[0] = true;
        if let Some(&html) = self.dom.nodes[0].children.first() {
            around[html] = true;
        }
        Selection {
            mask: self.dropped.iter().map(|d| !d).collect(),
            around,
            chars: self.stats[0].chars,
        }
    }

    /// The top container, or the ancestor it shares with other strong
    /// candidates (an article whose paragraphs sit in several wrappers),
    /// or its parent when it is an only child.
    fn widen(&self, top: NodeId, score: &[Option<f32>], final_score: &dyn Fn(NodeId) -> Option<f32>) -> NodeId {
        let top_score = final_score(top).unwrap_or(0.0);
        let mut rivals: Vec<NodeId> = (0..score.len())
            .filter(|&id| id != top && final_score(id).is_some_and(|s| s >= top_score * 0.75))
            .collect();
        rivals.sort_by(|&a, &b| {
            final_score(b)
                .partial_cmp(&final_score(a))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        rivals.truncate(5);
        let mut best = top;
        if rivals.len() >= 3 {
            // How many rivals each ancestor holds: one walk up per rival.
            let mut holds: rustc_hash::FxHashMap<NodeId, usize> = Default::default();
            for &r in &rivals {
                let mut at = self.dom.nodes[r].parent;
                while let Some(a) = at {
                    *holds.entry(a).or_default() += 1;
                    at = self.dom.nodes[a].parent;
                }
            }
            let mut at = self.dom.nodes[top].parent;
            while let Some(a) = at {
                if self.dom.nodes[a].is("body") || self.dom.nodes[a].element().is_none() {
                    break;
                }
                if holds.get(&a).copied().unwrap_or(0) >= 3 {
                    best = a;
                    break;
                }
                at = self.dom.nodes[a].parent;
            }
        }
        // An only child says nothing its parent does not.
        while let Some(p) = self.dom.nodes[best].parent {
            let live = self.dom.nodes[p]
                .children
                .iter()
                .filter(|&&c| !self.dropped[c] && self.stats[c].chars > 0);
            if live.count() == 1
                && self.dom.nodes[p]
                    .element()
                    .is_some_and(|e| CONTAINERS.contains(&e.name.as_str()) && e.name != "body")
            {
                best = p;
            } else {
                break;
            }
        }
        best
    }

    /// A paragraph beside the article that reads like its prose: long with
    /// few links, or a short sentence with none.
    fn reads_like_prose(&self, id: NodeId) -> bool {
        let s = self.stats[id];
        let is_paragraph = self.dom.nodes[id].is("p") || matches!(self.dom.nodes[id].kind, NodeKind::Text(_));
        if !is_paragraph || s.chars == 0 {
            return false;
        }
        let density = s.link_density();
        if s.chars > 80 {
            density < 0.25
        } else {
            density == 0.0 && self.dom.text_of(id).trim_end().ends_with('.')
        }
    }

    /// Drops, inside the article, the short blocks that are not its text:
    /// the headline (the page's title says it), the byline and its date
    /// lines. Captions go with the furniture lines of every format
    /// (`clean::is_boilerplate`).
    fn drop_lines(&self, mask: &mut [bool], around: &[bool]) {
        let dom = self.dom;
        for (id, e) in dom.elements() {
            if !mask[id] || around[id] || !e.block {
                continue;
            }
            let chars = self.stats[id].chars;
            let line = || dom.text_of(id);
            // A line is a block with no block inside it.
            let leaf = self.stats[id].own == chars;
            let drop = e.name == "h1"
                || (leaf && chars <= 100 && e.is_byline())
                || (leaf && chars <= 100 && date::is_date_line(&line()));
            if drop {
                for d in dom.descendants(id) {
                    mask[d] = false;
                }
            }
        }
    }

    /// Drops, inside the article, the blocks that read like furniture: lists
    /// and boxes of links, image galleries, containers weighted negative.
    fn clean(&self, mask: &mut [bool], around: &[bool], kept: usize) {
        let dom = self.dom;
        for (id, e) in dom.elements() {
            // The containers of the article stay: they are cleaned inside.
            if !mask[id]
                || around[id]
                || !matches!(
                    e.name.as_str(),
                    "div" | "section" | "ul" | "ol" | "table" | "form" | "aside" | "dl"
                )
            {
                continue;
            }
            let s = self.stats[id];
            // Furniture inside an article is a small part of it.
            if s.chars * 2 > kept {
                continue;
            }
            let weight = self.weight[id];
            let commas = s.all_commas;
            let furniture = weight < 0.0 && s.paragraphs == 0
                || (commas < 10
                    && ((s.images > 1 && s.paragraphs * 2 < s.images && s.chars < 1000)
                        || (s.items > s.paragraphs
                            && !matches!(e.name.as_str(), "ul" | "ol")
                            && s.link_density() > 0.2)
                        || (weight < 25.0 && s.link_density() > 0.33 && s.paragraphs < 3)
                        || (weight >= 25.0 && s.link_density() > 0.5)));
            if furniture {
                for d in dom.descendants(id) {
                    mask[d] = false;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::clean::decode;

    fn kept(page: &str) -> String {
        let dom = Dom::parse(&decode(page.as_bytes()).0);
        let mask = article_mask(&dom);
        dom.nodes
            .iter()
            .enumerate()
            .filter(|(id, _)| {
                let mut at = Some(*id);
                while let Some(a) = at {
                    if !mask[a] {
                        return false;
                    }
                    at = dom.nodes[a].parent;
                }
                true
            })
            .filter_map(|(_, n)| match &n.kind {
                NodeKind::Text(r) => Some(dom.text[r.clone()].iter().map(|u| u.ch).collect::<String>()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn the_article_and_not_its_rail() {
        let page = r#"<body><div class="top-menu"><a href="/">Home</a> <a href="/port">Port news</a></div>
<div class="layout"><div class="story-body">
<p>The container yard at Valmora closed on Monday after talks between the port authority and the dockers' union broke down, leaving some 40 ships at anchor.</p>
<div class="ad-slot"><a href="/x">Buy a boat today</a></div>
<p>Ada Lind, who chairs the union, said the workers would not return until the new rosters were withdrawn, and that a vote was planned for Friday.</p>
<p>The authority said it regretted the closure, which it put down to the union's refusal to meet on Sunday, and that it would publish its offer.</p>
</div>
<div class="sidebar"><h3>Most read</h3><ul><li><a href="/1">Ferry fares rise again in the north</a></li><li><a href="/2">New crane for the east quay</a></li></ul></div></div>
<div class="comments"><p>Typical, they always strike when the weather is good, and nobody asks the shop owners.</p></div></body>"#;
        let text = kept(page);
        assert!(
            text.contains("The container yard") && text.contains("would publish its offer"),
            "{text}"
        );
        assert!(!text.contains("Most read") && !text.contains("Ferry fares"), "{text}");
        assert!(
            !text.contains("Typical") && !text.contains("Buy a boat") && !text.contains("Port news"),
            "{text}"
        );
    }

    #[test]
    fn short_pages_keep_what_they_have() {
        let text = kept("<html><body><div class=\"header-note\"><p>The yard closed on Monday.</p></div></body></html>");
        assert_eq!(text.trim(), "The yard closed on Monday.");
    }

    #[test]
    fn headline_and_byline_are_not_the_text() {
        let page = r#"<body><article><h1>Port closes</h1><div class="byline">By Ada Lind | Updated Nov 19, 6:55 AM</div>
<p>The container yard at Valmora closed on Monday after talks between the port authority and the dockers' union broke down.</p>
<div class="pic"><img src="a.jpg"><p>Cranes stand still at the east quay (Image: Valmora Herald)</p></div>
<p>WASHINGTON (Reuters) - The union said the workers would not return until the new rosters were withdrawn, and that a vote was planned.</p>
<blockquote><p>We stay out.</p><p>&mdash; Dockers Union (@dockers) March 3, 2025</p></blockquote></article></body>"#;
        let text = kept(page);
        assert!(
            !text.contains("Port closes") && !text.contains("Updated Nov 19"),
            "{text}"
        );
        assert!(
            text.contains("The container yard") && text.contains("(Reuters) - The union said"),
            "{text}"
        );
        assert!(text.contains("Dockers Union (@dockers) March 3, 2025"), "{text}");
    }
}
