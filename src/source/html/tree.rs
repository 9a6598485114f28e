//! The element tree of a page, every character of its text tied to the
//! bytes it came from.
//!
//! Tokens come from html5gum, a WHATWG tokenizer (character references,
//! comments, CDATA, raw text of `<script>` and `<style>` as browsers read
//! them). The tree is built here with the few rules of the HTML tree builder
//! that decide where text belongs (a new block closes an open `<p>`, a new
//! `<li>` the previous one, void elements have no content); unmatched end
//! tags are ignored. Nodes live in one vector in document order, so a child
//! always comes after its parent and aggregates are a reverse pass.

use std::ops::Range;

use html5gum::{DefaultEmitter, Token, Tokenizer};

use crate::source::clean::Unit;

/// Index of a node in [`Dom::nodes`].
pub(crate) type NodeId = usize;

/// An element as written: lowercase name and attributes, decoded.
#[derive(Debug, Clone)]
pub(crate) struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    /// Whether it ends a line of text (not `<a>`, `<span>`, `<em>` ...).
    pub block: bool,
}

/// Elements that stay inside the flow of a line of text.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "mark", "q", "s", "samp",
    "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "img", "label", "del", "ins", "tt", "big",
    "strike", "nobr",
];

impl Element {
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// Whether it holds an article's byline ("By Ada Lind"): its class or
    /// rel says byline or author.
    pub(crate) fn is_byline(&self) -> bool {
        let names = format!(
            "{} {}",
            self.attr("class").unwrap_or(""),
            self.attr("rel").unwrap_or("")
        );
        names
            .to_ascii_lowercase()
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| matches!(w, "byline" | "author"))
    }
}

#[derive(Debug, Clone)]
pub(crate) enum NodeKind {
    Document,
    Element(Element),
    /// Characters `text[range]` of [`Dom::text`].
    Text(Range<usize>),
}

#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub parent: Option<NodeId>,
    pub children: Vec<NodeId>,
    pub kind: NodeKind,
}

impl Node {
    pub(crate) fn element(&self) -> Option<&Element> {
        match &self.kind {
            NodeKind::Element(e) => Some(e),
            _ => None,
        }
    }

    pub(crate) fn is(&self, name: &str) -> bool {
        self.element().is_some_and(|e| e.name == name)
    }
}

/// A parsed page.
#[derive(Debug, Default)]
pub(crate) struct Dom {
    pub nodes: Vec<Node>,
    /// Every text character of the page, decoded, with its source bytes.
    pub text: Vec<Unit>,
}

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements that belong in `<head>`; any other ends it.
const HEAD: &[&str] = &[
    "head", "html", "meta", "link", "title", "script", "style", "noscript", "base", "template",
];

/// Start tags that close an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
    "li",
    "dd",
    "dt",
];

/// Elements that bound the search for an open element to close.
const SCOPE: &[&str] = &["html", "table", "td", "th", "caption", "template", "button", "object"];

/// How far down the stack an end tag looks for its element: a page of
/// stray end tags stays linear.
const END_TAG_REACH: usize = 64;

impl Dom {
    /// Parses the page whose characters are `units`.
    pub(crate) fn parse(units: &[Unit]) -> Dom {
        let mut source = String::with_capacity(units.len());
        // The unit of each byte of `source`.
        let mut unit_of = Vec::with_capacity(units.len() + 1);
        for (i, u) in units.iter().enumerate() {
            source.push(u.ch);
            unit_of.resize(source.len(), i);
        }
        let mut builder = Builder::new(units, &unit_of);
        let mut emitter = DefaultEmitter::<usize>::new_with_span();
        emitter.naively_switch_states(true);
        for token in Tokenizer::new_with_emitter(source.as_str(), emitter).flatten() {
            match token {
                Token::StartTag(tag) => {
                    let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                    let attrs = tag
                        .attributes
                        .iter()
                        .map(|(k, v)| {
                            (
                                String::from_utf8_lossy(k).to_ascii_lowercase(),
                                String::from_utf8_lossy(&v.value).into_owned(),
                            )
                        })
                        .collect();
                    let block = !INLINE.contains(&name.as_str());
                    builder.start(Element { name, attrs, block }, tag.self_closing);
                }
                Token::EndTag(tag) => builder.end(&String::from_utf8_lossy(&tag.name).to_ascii_lowercase()),
                Token::String(s) => {
                    let decoded = String::from_utf8_lossy(&s.value);
                    let range = s.span.start.min(source.len())..s.span.end.min(source.len());
                    if source.is_char_boundary(range.start) && source.is_char_boundary(range.end) {
                        builder.text(&source[range.clone()], range.start, &decoded);
                    }
                }
                _ => {}
            }
        }
        builder.dom
    }

    /// The nodes under `id` in document order, `id` first.
    pub(crate) fn descendants(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        let mut stack = vec![id];
        std::iter::from_fn(move || {
            let next = stack.pop()?;
            stack.extend(self.nodes[next].children.iter().rev());
            Some(next)
        })
    }

    /// The elements of the page, in document order.
    pub(crate) fn elements(&self) -> impl Iterator<Item = (NodeId, &Element)> {
        self.nodes
            .iter()
            .enumerate()
            .filter_map(|(i, n)| n.element().map(|e| (i, e)))
    }

    /// The text under `id`, as written (whitespace kept).
    pub(crate) fn text_of(&self, id: NodeId) -> String {
        self.descendants(id)
            .filter_map(|n| match &self.nodes[n].kind {
                NodeKind::Text(r) => Some(r.clone()),
                _ => None,
            })
            .flat_map(|r| self.text[r].iter().map(|u| u.ch))
            .collect()
    }
}

struct Builder<'a> {
    dom: Dom,
    /// Open elements, the document at the bottom.
    open: Vec<NodeId>,
    units: &'a [Unit],
    unit_of: &'a [usize],
}

impl<'a> Builder<'a> {
    fn new(units: &'a [Unit], unit_of: &'a [usize]) -> Self {
        let document = Node {
            parent: None,
            children: Vec::new(),
            kind: NodeKind::Document,
        };
        Builder {
            dom: Dom {
                nodes: vec![document],
                text: Vec::with_capacity(units.len() / 2),
            },
            open: vec![0],
            units,
            unit_of,
        }
    }

    fn add(&mut self, kind: NodeKind) -> NodeId {
        let parent = *self.open.last().unwrap_or(&0);
        let id = self.dom.nodes.len();
        self.dom.nodes.push(Node {
            parent: Some(parent),
            children: Vec::new(),
            kind,
        });
        self.dom.nodes[parent].children.push(id);
        id
    }

    fn current(&self) -> Option<&str> {
        self.open
            .last()
            .and_then(|&n| self.dom.nodes[n].element())
            .map(|e| e.name.as_str())
    }

    /// The depth of the open element `name` reachable without crossing a
    /// scope boundary (`stops`).
    fn in_scope(&self, name: &str, stops: &[&str]) -> Option<usize> {
        for (depth, &n) in self.open.iter().enumerate().rev().take(END_TAG_REACH) {
            let e = self.dom.nodes[n].element()?;
            if e.name == name {
                return Some(depth);
            }
            if SCOPE.contains(&e.name.as_str()) || stops.contains(&e.name.as_str()) {
                return None;
            }
        }
        None
    }

    fn close(&mut self, name: &str, stops: &[&str]) {
        if let Some(depth) = self.in_scope(name, stops) {
            self.open.truncate(depth);
        }
    }

    fn start(&mut self, element: Element, self_closing: bool) {
        let name = element.name.as_str();
        if !HEAD.contains(&name) {
            self.leave_head();
        }
        if CLOSES_P.contains(&name) {
            self.close("p", &[]);
        }
        match name {
            "li" => self.close("li", &["ul", "ol"]),
            "dd" | "dt" => {
                self.close("dd", &["dl"]);
                self.close("dt", &["dl"]);
            }
            "tr" => {
                self.close("td", &["tr"]);
                self.close("th", &["tr"]);
                self.close("tr", &[]);
            }
            "td" | "th" => {
                self.close("td", &["tr"]);
                self.close("th", &["tr"]);
            }
            "option" => self.close("option", &[]),
            h if h.len() == 2 && h.starts_with('h') && h.as_bytes()[1].is_ascii_digit() => {
                if let Some(cur) = self.current().filter(|c| c.len() == 2 && c.starts_with('h')) {
                    let cur = cur.to_string();
                    self.close(&cur, &[]);
                }
            }
            _ => {}
        }
        let void = self_closing || VOID.contains(&name);
        let id = self.add(NodeKind::Element(element));
        if !void {
            self.open.push(id);
        }
    }

    /// Content that cannot be in `<head>` ends it, as `<body>` would.
    fn leave_head(&mut self) {
        if self.current() != Some("body") {
            if let Some(depth) = self.in_scope("head", &[]) {
                self.open.truncate(depth);
            }
        }
    }

    fn end(&mut self, name: &str) {
        if name == "br" {
            self.add(NodeKind::Element(Element {
                name: "br".into(),
                attrs: Vec::new(),
                block: true,
            }));
            return;
        }
        if let Some(depth) = self.in_scope(name, &[]) {
            self.open.truncate(depth);
        }
    }

    /// Adds the decoded text `decoded` of the source bytes `raw`, which
    /// start at byte `at` of the tokenizer's input.
    fn text(&mut self, raw: &str, at: usize, decoded: &str) {
        if self.current() == Some("head") && !decoded.trim().is_empty() {
            self.leave_head();
        }
        let start = self.dom.text.len();
        for (ch, bytes) in align(raw, decoded) {
            let first = self.units[self.unit_of[at + bytes.start]];
            let last = self.units[self.unit_of[at + bytes.end.max(bytes.start + 1) - 1]];
            self.dom.text.push(Unit {
                ch,
                start: first.start,
                end: last.end,
            });
        }
        let end = self.dom.text.len();
        if end > start {
            self.add(NodeKind::Text(start..end));
        }
    }
}

/// Ties each character of `decoded` to the bytes of `raw` it came from:
/// a character reference (`&amp;`, `&#8217;`, `&copy`) to all of its bytes,
/// a CR LF pair to both.
fn align(raw: &str, decoded: &str) -> Vec<(char, Range<usize>)> {
    let mut out = Vec::with_capacity(decoded.len());
    if raw == decoded {
        out.extend(raw.char_indices().map(|(i, c)| (c, i..i + c.len_utf8())));
        return out;
    }
    let (mut i, mut j) = (0, 0);
    while j < decoded.len() {
        let Some(d) = decoded[j..].chars().next() else { break };
        let Some(r) = raw[i.min(raw.len())..].chars().next() else {
            // The source ran out first: the rest belongs to its last byte.
            let last = raw.len().saturating_sub(1);
            out.push((d, last..raw.len()));
            j += d.len_utf8();
            continue;
        };
        let (src_len, dec_len) = match r {
            '&' => reference(&raw[i..], &decoded[j..]),
            '\r' if raw[i..].starts_with("\r\n") && d == '\n' => (2, 1),
            _ => (r.len_utf8(), d.len_utf8()),
        };
        for c in decoded[j..j + dec_len].chars() {
            out.push((c, i..i + src_len));
        }
        i += src_len;
        j += dec_len;
    }
    out
}

/// The lengths in bytes of the character reference at the start of `raw`
/// and of its value at the start of `decoded`; (1, 1) for a literal `&`.
/// The reference is the longest candidate after which the source and the
/// decoded text agree up to the next `&` (one-character values first: a
/// reference names one character but for a few).
fn reference(raw: &str, decoded: &str) -> (usize, usize) {
    let token = 1 + raw[1..]
        .char_indices()
        .take(40)
        .find(|&(k, c)| !(c.is_ascii_alphanumeric() || (k == 0 && c == '#')))
        .map_or(raw.len() - 1, |(k, c)| k + usize::from(c == ';'));
    let agrees = |k: usize, m: usize| {
        let rest = &raw[k..];
        let segment = rest.split(['&', '\r']).next().unwrap_or("");
        let tail = &decoded[m..];
        if segment.len() == rest.len() {
            tail == segment
        } else {
            tail.starts_with(segment)
        }
    };
    for m in decoded.char_indices().map(|(m, c)| m + c.len_utf8()).take(2) {
        let literal = m == 1 && decoded.starts_with('&');
        let shortest = if literal { 1 } else { 2 };
        for k in (shortest..=token.min(raw.len())).rev() {
            if raw.is_char_boundary(k) && agrees(k, m) {
                return (k, m);
            }
        }
    }
    (1, decoded.chars().next().map_or(0, char::len_utf8))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::clean::decode;

    fn parse(page: &str) -> Dom {
        Dom::parse(&decode(page.as_bytes()).0)
    }

    #[test]
    fn references_keep_their_bytes() {
        let page = "<p>Port &amp; union &#8217;s &copy 2025 &amp;amp; R&D &zzz; caf&eacute;</p>";
        let dom = parse(page);
        let text: String = dom.text.iter().map(|u| u.ch).collect();
        assert_eq!(text, "Port & union \u{2019}s \u{a9} 2025 &amp; R&D &zzz; café");
        for u in &dom.text {
            let src = &page[u.start as usize..u.end as usize];
            match u.ch {
                '&' => assert!(src == "&amp;" || src == "&", "{src}"),
                '\u{2019}' => assert_eq!(src, "&#8217;"),
                '\u{a9}' => assert_eq!(src, "&copy"),
                'é' => assert_eq!(src, "&eacute;"),
                c => assert_eq!(src, c.to_string()),
            }
        }
    }

    #[test]
    fn blocks_close_paragraphs_and_lists_close_items() {
        let dom = parse("<p>One<div>Two</div><ul><li>A<li>B</ul><p>Three");
        let ps: Vec<String> = dom
            .elements()
            .filter(|(_, e)| e.name == "p" || e.name == "li")
            .map(|(i, _)| dom.text_of(i))
            .collect();
        assert_eq!(ps, ["One", "A", "B", "Three"]);
    }

    #[test]
    fn scripts_and_comments_are_not_markup() {
        let dom = parse("<script>if (a<b) { x = '</p>'; }</script><!-- <p>hidden</p> --><p>Seen</p>");
        let script = dom
            .elements()
            .find(|(_, e)| e.name == "script")
            .map(|(i, _)| i)
            .unwrap();
        assert_eq!(dom.text_of(script), "if (a<b) { x = '</p>'; }");
        let p: Vec<_> = dom
            .elements()
            .filter(|(_, e)| e.name == "p")
            .map(|(i, _)| dom.text_of(i))
            .collect();
        assert_eq!(p, ["Seen"]);
    }

    #[test]
    fn content_in_head_starts_the_body() {
        let dom = parse("<html><head><title>T</title><div class=\"story\"><p>Text</p></div></html>");
        let p = dom.elements().find(|(_, e)| e.name == "p").map(|(i, _)| i).unwrap();
        let mut at = dom.nodes[p].parent;
        while let Some(a) = at {
            assert!(!dom.nodes[a].is("head"), "a paragraph inside <head>");
            at = dom.nodes[a].parent;
        }
    }

    #[test]
    fn deep_nesting_and_stray_end_tags_do_not_recurse() {
        let page = "<div>".repeat(50_000) + "deep" + &"</span>".repeat(50_000);
        let dom = parse(&page);
        assert_eq!(dom.text_of(0), "deep");
    }
}
