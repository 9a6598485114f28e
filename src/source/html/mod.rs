//! HTML to plain units: the page parsed into an element tree
//! ([`tree`]), its article chosen ([`content`]), the kept text laid out with
//! blocks on lines of their own, every character with the bytes it came
//! from; and what the page says of itself (title, publisher, dates).

use super::clean::Unit;

mod content;
mod date;
mod tree;

pub(crate) use date::PageDate;

use tree::{Dom, NodeKind};

/// What the page says of itself in `<meta>`, `<title>` and its dates.
#[derive(Debug, Default, Clone)]
pub(crate) struct HtmlMeta {
    pub published: Option<PageDate>,
    /// The headline.
    pub title: Option<String>,
    /// Who wrote it, as the page credits them.
    pub byline: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
}

/// Strips markup; returns the text units of the article and the page's
/// metadata.
pub(crate) fn strip_html(units: &[Unit]) -> (Vec<Unit>, HtmlMeta) {
    let dom = Dom::parse(units);
    let mut meta = read_meta(&dom);
    meta.published = date::published(&dom, meta.url.as_deref());
    let mask = content::article_mask(&dom);
    (drop_link_lists(render(&dom, &mask)), meta)
}

/// A character of the laid-out text and whether it is link text.
type Laid = (Unit, bool);

/// The kept text in document order, blocks on lines of their own.
fn render(dom: &Dom, mask: &[bool]) -> Vec<Laid> {
    let mut out: Vec<Laid> = Vec::with_capacity(dom.text.len());
    let newline = |out: &mut Vec<Laid>| {
        let at = out.last().map_or(0, |(u, _)| u.end);
        out.push((
            Unit {
                ch: '\n',
                start: at,
                end: at,
            },
            false,
        ));
    };
    // (node, entering) pairs: a block gets a line break on both sides.
    let mut stack = vec![(0usize, true)];
    let mut links = 0usize;
    while let Some((id, entering)) = stack.pop() {
        let node = &dom.nodes[id];
        if !mask[id] {
            continue;
        }
        match &node.kind {
            NodeKind::Text(r) => {
                let linked = links > 0;
                out.extend(dom.text[r.clone()].iter().map(|u| {
                    // Whitespace in HTML source is not layout.
                    let ch = if u.ch.is_whitespace() { ' ' } else { u.ch };
                    (Unit { ch, ..*u }, linked)
                }));
            }
            NodeKind::Element(e) => {
                let block = e.block;
                if e.name == "a" {
                    if entering {
                        links += 1;
                    } else {
                        links = links.saturating_sub(1);
                    }
                }
                if block {
                    newline(&mut out);
                }
                if entering {
                    stack.push((id, false));
                    stack.extend(node.children.iter().rev().map(|&c| (c, true)));
                }
            }
            NodeKind::Document => stack.extend(node.children.iter().rev().map(|&c| (c, true))),
        }
    }
    out
}

/// Drops the lines of text that are mostly link text (menus, link lists,
/// related stories): more than half of their letters inside `<a>`.
fn drop_link_lists(out: Vec<Laid>) -> Vec<Unit> {
    let mut kept = Vec::with_capacity(out.len());
    for block in out.split_inclusive(|(u, _)| u.ch == '\n') {
        let letters = block.iter().filter(|(u, _)| u.ch.is_alphanumeric());
        let (total, in_links) = letters.fold((0, 0), |(t, l), (_, linked)| (t + 1, l + usize::from(*linked)));
        if in_links * 2 > total {
            kept.extend(block.iter().filter(|(u, _)| u.ch == '\n').map(|(u, _)| *u));
        } else {
            kept.extend(block.iter().map(|(u, _)| *u));
        }
    }
    kept
}

/// The page's title, publisher and address, from `<meta>`, `<title>` and
/// `<link rel=canonical>`.
fn read_meta(dom: &Dom) -> HtmlMeta {
    let mut meta = HtmlMeta::default();
    // The headline: og:title, else the first <h1>, else <title> (which
    // often carries the site's name).
    let (mut page_title, mut h1) = (None, None);
    let text = |id| Some(squeeze(&dom.text_of(id))).filter(|t: &String| !t.is_empty());
    for (id, e) in dom.elements() {
        match e.name.as_str() {
            "meta" => meta_tag(e, &mut meta),
            "title" if page_title.is_none() => page_title = text(id),
            "h1" if h1.is_none() => h1 = text(id),
            _ if meta.byline.is_none() && e.is_byline() => {
                meta.byline = text(id).filter(|t| t.chars().count() <= 80);
            }
            "link" if e.attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                if let Some(href) = e.attr("href") {
                    meta.url.get_or_insert_with(|| href.trim().to_string());
                }
            }
            _ => {}
        }
    }
    meta.title = meta.title.or(h1).or(page_title);
    meta
}

/// Whitespace runs as one space.
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn meta_tag(tag: &tree::Element, meta: &mut HtmlMeta) {
    let key = tag
        .attr("property")
        .or_else(|| tag.attr("name"))
        .or_else(|| tag.attr("itemprop"))
        .map(|k| k.to_ascii_lowercase());
    let (Some(key), Some(content)) = (key, tag.attr("content")) else {
        return;
    };
    let content = content.trim().to_string();
    let slot = match key.as_str() {
        "og:title" | "twitter:title" => &mut meta.title,
        "author" | "article:author" | "byl" if !content.starts_with("http") => &mut meta.byline,
        "og:site_name" | "publisher" | "article:publisher" => &mut meta.publisher,
        "og:url" => &mut meta.url,
        _ => return,
    };
    slot.get_or_insert(content);
}

#[cfg(test)]
mod tests {
    use super::super::clean::decode;
    use super::*;

    #[test]
    fn strips_furniture_and_keeps_offsets() {
        let src = "<html><head><title>T</title><meta property=\"article:published_time\" content=\"2025-03-05T09:00:00Z\"></head><body><nav>Home | World</nav><p>Port &amp; union</p><footer>(c)</footer></body></html>";
        let (u, _) = decode(src.as_bytes());
        let (out, meta) = strip_html(&u);
        let text: String = out.iter().map(|u| u.ch).collect();
        assert_eq!(text.split_whitespace().collect::<Vec<_>>(), ["Port", "&", "union"]);
        assert_eq!(
            meta.published.map(|d| d.date.to_string()).as_deref(),
            Some("2025-03-05")
        );
        assert_eq!(meta.title.as_deref(), Some("T"));
        let amp = out.iter().find(|u| u.ch == '&').unwrap();
        assert_eq!(&src[amp.start as usize..amp.end as usize], "&amp;");
    }

    #[test]
    fn publication_date_from_linked_data_and_time() {
        let page = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Valmora Herald"},{"@type":"NewsArticle","headline":"Yard closes","datePublished":"2025-03-04T21:30:00-05:00","dateModified":"2025-03-06T08:00:00Z"}]}</script></head>
<body><div class="top">Thursday, March 6, 2025</div><article><time datetime="2025-03-05">Wed</time><p>The yard closed.</p></article></body></html>"#;
        let (units, _) = decode(page.as_bytes());
        let (_, meta) = strip_html(&units);
        let published = meta.published.unwrap();
        assert_eq!(published.date.to_string(), "2025-03-04");
        assert_eq!(
            published.evidence,
            "JSON-LD datePublished \"2025-03-04T21:30:00-05:00\""
        );
        // Broken JSON-LD is no date and no failure: the <time> of the article dates it.
        let (units, _) = decode(br#"<script type="application/ld+json">{"datePublished": </script><p>x <time datetime="2025-03-05">Wed</time></p>"#);
        let published = strip_html(&units).1.published.unwrap();
        assert_eq!(published.date.to_string(), "2025-03-05");
        assert_eq!(published.evidence, "<time datetime> \"2025-03-05\"");
    }

    #[test]
    fn link_lists_go_and_forms_stay() {
        let page = r#"<body><form id="aspnetForm"><div><a href="/">Home</a> | <a href="/port">Port</a></div>
<p>The yard closed on Monday, <a href="/lind">Ada Lind</a> said, and the cranes stood still.</p>
<ul><li><a href="/a">Strike talks resume in Valmora</a></li><li><a href="/b">Ferry fares rise</a></li></ul></form></body>"#;
        let (units, _) = decode(page.as_bytes());
        let (text, _) = strip_html(&units);
        let text: String = text.iter().map(|u| u.ch).collect();
        assert!(text.contains("The yard closed on Monday, Ada Lind said"), "{text:?}");
        assert!(!text.contains("Home") && !text.contains("Ferry fares"), "{text}");
    }

    #[test]
    fn readers_comments_go() {
        let page = r#"<body><article><p>The yard closed on Monday.</p></article>
<div id="comments" class="comments-area"><div class="comment"><p>Great news, finally.</p></div><div class="comment"><p>About time.</p></div></div>
<p>Printed on Tuesday.</p></body>"#;
        let (units, _) = decode(page.as_bytes());
        let (text, _) = strip_html(&units);
        let text: String = text.iter().map(|u| u.ch).collect();
        assert!(
            text.contains("The yard closed on Monday.") && text.contains("Printed on Tuesday."),
            "{text}"
        );
        assert!(!text.contains("Great news") && !text.contains("About time"), "{text}");
    }
}
