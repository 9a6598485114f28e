//! HTML to plain units: tags dropped, entities decoded, page furniture
//! (head, scripts, navigation, footers) skipped, blocks on lines of their own.
//! A small scanner rather than a DOM, because every output character must
//! keep the byte range it came from.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use crate::lexicon::{WordSet, en, words};

use super::clean::Unit;

/// Elements whose whole content is not article text.
const SKIPPED: &[&str] = &[
    "title",
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "aside",
    "noscript",
    "svg",
    "button",
    "select",
    "template",
    "iframe",
    "figcaption",
];

/// Elements that a class or id can mark as furniture.
const CONTAINERS: &[&str] = &["div", "section", "ul", "ol", "aside"];

/// Words of a class or id that mark readers' comments.
static FURNITURE: LazyLock<WordSet> = LazyLock::new(|| WordSet::of(words(en::FURNITURE_CLASSES)));

/// Whether an element's class or id marks it as readers' comments
/// ("comment-list", "disqus_thread").
fn is_furniture(tag: &Tag) -> bool {
    ["class", "id"].iter().filter_map(|a| tag.attrs.get(*a)).any(|v| {
        v.split(|c: char| c == '-' || c == '_' || c.is_whitespace())
            .any(|w| FURNITURE.contains_lower(w))
    })
}

/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "tr",
    "td",
    "th",
    "table",
    "article",
    "section",
    "blockquote",
    "main",
    "hr",
    "title",
    "dd",
    "dt",
    "figure",
    "pre",
    "body",
    "html",
    "head",
];

/// A tag as scanned: name (lowercased), closing or not, attributes.
struct Tag {
    name: String,
    closing: bool,
    attrs: BTreeMap<String, String>,
    /// Index just past `>`.
    end: usize,
}

fn parse_tag(units: &[Unit], at: usize) -> Option<Tag> {
    // units[at] == '<'
    let mut i = at + 1;
    let closing = units.get(i)?.ch == '/';
    if closing {
        i += 1;
    }
    let mut name = String::new();
    while let Some(u) = units.get(i) {
        if u.ch.is_ascii_alphanumeric() || u.ch == '-' || u.ch == ':' {
            name.push(u.ch.to_ascii_lowercase());
            i += 1;
        } else {
            break;
        }
    }
    if name.is_empty() {
        return None;
    }
    let mut attrs = BTreeMap::new();
    loop {
        while units.get(i).is_some_and(|u| u.ch.is_whitespace() || u.ch == '/') {
            i += 1;
        }
        let u = units.get(i)?;
        if u.ch == '>' {
            return Some(Tag {
                name,
                closing,
                attrs,
                end: i + 1,
            });
        }
        let mut key = String::new();
        while let Some(u) = units.get(i) {
            if u.ch.is_whitespace() || matches!(u.ch, '=' | '>' | '/') {
                break;
            }
            key.push(u.ch.to_ascii_lowercase());
            i += 1;
        }
        if key.is_empty() {
            // A stray character: skip it rather than loop.
            i += 1;
            continue;
        }
        let mut value = String::new();
        if units.get(i).is_some_and(|u| u.ch == '=') {
            i += 1;
            match units.get(i).map(|u| u.ch) {
                Some(q @ ('"' | '\'')) => {
                    i += 1;
                    while let Some(u) = units.get(i) {
                        i += 1;
                        if u.ch == q {
                            break;
                        }
                        value.push(u.ch);
                    }
                }
                _ => {
                    while let Some(u) = units.get(i) {
                        if u.ch.is_whitespace() || u.ch == '>' {
                            break;
                        }
                        value.push(u.ch);
                        i += 1;
                    }
                }
            }
        }
        attrs.insert(key, decode_entities(&value));
    }
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "rsquo" => '\u{2019}',
        "lsquo" => '\u{2018}',
        "rdquo" => '\u{201D}',
        "ldquo" => '\u{201C}',
        "mdash" => '\u{2014}',
        "ndash" => '\u{2013}',
        "hellip" => '\u{2026}',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "copy" => '©',
        "reg" => '®',
        "deg" => '°',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "agrave" => 'à',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "iacute" => 'í',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "auml" => 'ä',
        "ccedil" => 'ç',
        "ntilde" => 'ñ',
        "szlig" => 'ß',
        "laquo" => '«',
        "raquo" => '»',
        "shy" => '\u{00AD}',
        _ => return None,
    })
}

/// Decodes one entity starting at `&`; returns the character and the number
/// of characters consumed.
fn entity(chars: &[char]) -> Option<(char, usize)> {
    let end = chars.iter().take(12).position(|c| *c == ';')?;
    let body: String = chars[1..end].iter().collect();
    let ch = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(code)?
    } else {
        named_entity(&body)?
    };
    Some((ch, end + 1))
}

/// Decodes entities in an attribute value.
pub(crate) fn decode_entities(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '&' {
            if let Some((c, n)) = entity(&chars[i..]) {
                out.push(c);
                i += n;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// What the page says of itself in `<meta>` and `<title>`.
#[derive(Debug, Default, Clone)]
pub(crate) struct HtmlMeta {
    /// From a `<meta>` tag that names the publication date.
    pub published: Option<String>,
    /// `datePublished` in the page's JSON-LD (schema.org) data.
    pub linked_data: Option<String>,
    /// The first `<time datetime>` of the page.
    pub time: Option<String>,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
}

/// Strips markup; returns the text units and the page's metadata.
pub(crate) fn strip_html(units: &[Unit]) -> (Vec<Unit>, HtmlMeta) {
    let mut out = Vec::with_capacity(units.len() / 2);
    let mut meta = HtmlMeta::default();
    // Byte ranges of the page inside <a> elements, in order.
    let mut links: Vec<(u32, u32)> = Vec::new();
    let mut link_open: Option<u32> = None;
    let mut i = 0;
    let newline = |out: &mut Vec<Unit>, at: &Unit| {
        out.push(Unit {
            ch: '\n',
            start: at.start,
            end: at.start,
        })
    };
    while i < units.len() {
        let u = units[i];
        match u.ch {
            '<' => {
                if starts_with(units, i, "<!--") {
                    i = find(units, i + 4, "-->").map(|e| e + 3).unwrap_or(units.len());
                    continue;
                }
                if starts_with(units, i, "<!") || starts_with(units, i, "<?") {
                    i = find(units, i, ">").map(|e| e + 1).unwrap_or(units.len());
                    continue;
                }
                let Some(tag) = parse_tag(units, i) else {
                    out.push(u);
                    i += 1;
                    continue;
                };
                read_meta(&tag, &mut meta);
                if tag.name == "a" {
                    if !tag.closing {
                        link_open.get_or_insert(u.start);
                    } else if let Some(from) = link_open.take() {
                        links.push((from, u.start));
                    }
                }
                if tag.name == "title" && !tag.closing {
                    let close = find_close(units, tag.end, "title").unwrap_or(tag.end);
                    let t: String = units[tag.end..close].iter().map(|u| u.ch).collect();
                    meta.title.get_or_insert_with(|| decode_entities(t.trim()));
                }
                if tag.name == "time" && !tag.closing {
                    if let Some(d) = tag.attrs.get("datetime") {
                        meta.time.get_or_insert_with(|| d.trim().to_string());
                    }
                }
                if tag.name == "script" && !tag.closing && tag.attrs.get("type").is_some_and(|t| t.contains("ld+json"))
                {
                    let close = find_close(units, tag.end, "script").unwrap_or(tag.end);
                    let body: String = units[tag.end..close].iter().map(|u| u.ch).collect();
                    if let Some(d) = json_ld_published(&body) {
                        meta.linked_data.get_or_insert(d);
                    }
                }
                if !tag.closing && CONTAINERS.contains(&tag.name.as_str()) && is_furniture(&tag) {
                    i = matching_close(units, tag.end, &tag.name)
                        .and_then(|c| find(units, c, ">").map(|e| e + 1))
                        .unwrap_or(units.len());
                    newline(&mut out, &u);
                    continue;
                }
                if !tag.closing && SKIPPED.contains(&tag.name.as_str()) {
                    i = find_close(units, tag.end, &tag.name)
                        .and_then(|c| find(units, c, ">").map(|e| e + 1))
                        .unwrap_or(units.len());
                    newline(&mut out, &u);
                    continue;
                }
                if BLOCKS.contains(&tag.name.as_str()) {
                    newline(&mut out, &u);
                }
                i = tag.end;
            }
            '&' => {
                let window: Vec<char> = units[i..units.len().min(i + 12)].iter().map(|u| u.ch).collect();
                match entity(&window) {
                    Some((ch, n)) => {
                        out.push(Unit {
                            ch,
                            start: u.start,
                            end: units[i + n - 1].end,
                        });
                        i += n;
                    }
                    None => {
                        out.push(u);
                        i += 1;
                    }
                }
            }
            // Whitespace in HTML source is not layout.
            '\n' => {
                out.push(Unit { ch: ' ', ..u });
                i += 1;
            }
            _ => {
                out.push(u);
                i += 1;
            }
        }
    }
    (drop_link_lists(out, &links), meta)
}

/// Drops the blocks of text that are mostly link text (menus, link lists,
/// related stories): more than half of their letters inside `<a>`.
fn drop_link_lists(out: Vec<Unit>, links: &[(u32, u32)]) -> Vec<Unit> {
    let linked = |at: u32| {
        let i = links.partition_point(|l| l.0 <= at);
        i > 0 && at < links[i - 1].1
    };
    let mut kept = Vec::with_capacity(out.len());
    for block in out.split_inclusive(|u| u.ch == '\n') {
        let letters = block.iter().filter(|u| u.ch.is_alphanumeric());
        let (total, in_links) = letters.fold((0, 0), |(t, l), u| (t + 1, l + usize::from(linked(u.start))));
        if in_links * 2 > total {
            kept.extend(block.iter().filter(|u| u.ch == '\n'));
        } else {
            kept.extend_from_slice(block);
        }
    }
    kept
}

/// Names of `<meta>` tags that give the publication date.
static PUBLISHED_META: LazyLock<WordSet> = LazyLock::new(|| WordSet::of(words(en::PUBLISHED_META)));

/// The first `datePublished` value of a JSON-LD block, at any depth (a
/// `@graph` holds several objects): its string, as written.
fn json_ld_published(body: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(body.trim()).ok()?;
    fn walk(v: &serde_json::Value) -> Option<String> {
        match v {
            serde_json::Value::Object(map) => map
                .get("datePublished")
                .and_then(|d| d.as_str())
                .map(String::from)
                .or_else(|| map.values().find_map(walk)),
            serde_json::Value::Array(items) => items.iter().find_map(walk),
            _ => None,
        }
    }
    walk(&value)
}

fn read_meta(tag: &Tag, meta: &mut HtmlMeta) {
    if tag.name != "meta" {
        return;
    }
    let key = tag
        .attrs
        .get("property")
        .or_else(|| tag.attrs.get("name"))
        .or_else(|| tag.attrs.get("itemprop"))
        .map(|k| k.to_ascii_lowercase());
    let (Some(key), Some(content)) = (key, tag.attrs.get("content")) else {
        return;
    };
    let content = content.trim().to_string();
    let slot = match key.as_str() {
        k if PUBLISHED_META.contains(k) => &mut meta.published,
        "og:title" | "twitter:title" => &mut meta.title,
        "og:site_name" | "publisher" | "article:publisher" => &mut meta.publisher,
        "og:url" => &mut meta.url,
        _ => return,
    };
    slot.get_or_insert(content);
}

fn starts_with(units: &[Unit], at: usize, pat: &str) -> bool {
    let mut i = at;
    for p in pat.chars() {
        match units.get(i) {
            Some(u) if u.ch.eq_ignore_ascii_case(&p) => i += 1,
            _ => return false,
        }
    }
    true
}

fn find(units: &[Unit], from: usize, pat: &str) -> Option<usize> {
    (from..units.len()).find(|&i| starts_with(units, i, pat))
}

/// Index of the `<` of `</name` at or after `from`.
/// The closing tag that matches an element opened before `from`, counting
/// the elements of the same name opened inside it.
fn matching_close(units: &[Unit], from: usize, name: &str) -> Option<usize> {
    let open = format!("<{name}");
    let close = format!("</{name}");
    let ends_name = |at: usize, len: usize| units.get(at + len).is_none_or(|u| !u.ch.is_ascii_alphanumeric());
    let mut depth = 1usize;
    let mut i = from;
    while i < units.len() {
        if units[i].ch == '<' {
            if starts_with(units, i, &close) && ends_name(i, close.len()) {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            } else if starts_with(units, i, &open) && ends_name(i, open.len()) {
                depth += 1;
            }
        }
        i += 1;
    }
    None
}

fn find_close(units: &[Unit], from: usize, name: &str) -> Option<usize> {
    let pat = format!("</{name}");
    let mut i = from;
    while let Some(at) = find(units, i, &pat) {
        let next = units.get(at + pat.chars().count()).map(|u| u.ch);
        if next.is_none_or(|c| !c.is_ascii_alphanumeric()) {
            return Some(at);
        }
        i = at + 1;
    }
    None
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
        assert_eq!(meta.published.as_deref(), Some("2025-03-05T09:00:00Z"));
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
        assert_eq!(meta.linked_data.as_deref(), Some("2025-03-04T21:30:00-05:00"));
        assert_eq!(meta.time.as_deref(), Some("2025-03-05"));
        assert_eq!(meta.published, None);
        // Broken JSON-LD is no date and no failure.
        let (units, _) = decode(br#"<script type="application/ld+json">{"datePublished": </script><p>x</p>"#);
        assert_eq!(strip_html(&units).1.linked_data, None);
    }

    #[test]
    fn link_lists_go_and_forms_stay() {
        let page = r#"<body><form id="aspnetForm"><div><a href="/">Home</a> | <a href="/port">Port</a></div>
<p>The yard closed on Monday, <a href="/lind">Ada Lind</a> said, and the cranes stood still.</p>
<ul><li><a href="/a">Strike talks resume in Valmora</a></li><li><a href="/b">Ferry fares rise</a></li></ul></form></body>"#;
        let (units, _) = decode(page.as_bytes());
        let (text, _) = strip_html(&units);
        let text: String = text.iter().map(|u| u.ch).collect();
        assert!(text.contains("The yard closed on Monday, Ada Lind said"), "{text}");
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
