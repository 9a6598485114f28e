//! A page's publication date, with the evidence for it.
//!
//! Candidates are read from the places a page states its date, most
//! reliable first: the article's own metadata (`<meta>` names, JSON-LD
//! `datePublished`), an element marked `itemprop="datePublished"`, a
//! `<time>` or a date line of the byline (an element whose class names a
//! date), the date in the page's address, and any `<time datetime>`.
//! Elements in embedded posts, rails and comments are not the article's.
//! A timestamp in UTC is moved to the page's own time zone when the page
//! gives one, or to the day before when the page's byline or address says
//! so (an evening story in New York is next morning in UTC).

use std::sync::LazyLock;

use jiff::civil::Date;

use crate::lexicon::{WordMap, WordSet, en, rows, words};

use super::tree::{Dom, Element, NodeId};

/// What a `<meta>` name says of its date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MetaKind {
    /// The article's publication time.
    Published,
    /// A date the page carries, often the day it was built.
    Generic,
}

/// Names of `<meta>` tags that give the publication date.
static PUBLISHED_META: LazyLock<WordMap<MetaKind>> = LazyLock::new(|| {
    WordMap::of(rows(en::PUBLISHED_META).map(|r| {
        let kind = if r.cell(1) == "generic" {
            MetaKind::Generic
        } else {
            MetaKind::Published
        };
        (r.key(), kind)
    }))
});

static MONTHS: LazyLock<WordMap<u8>> = LazyLock::new(|| {
    WordMap::of(rows(en::PAGE_MONTHS).flat_map(|r| {
        let month: u8 = r.key().parse().unwrap_or(0);
        r.list(1).map(move |w| (w, month)).collect::<Vec<_>>()
    }))
});

/// A publication date and what it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PageDate {
    pub date: Date,
    /// Where the date was found and as what it was written
    /// (`JSON-LD datePublished "2025-03-04T21:30:00-05:00"`).
    pub evidence: String,
}

/// A date read from a string, with its clock time when one was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    date: Date,
    /// Hour and the UTC offset in minutes, when written.
    clock: Option<(i8, Option<i32>)>,
    /// The other reading of a date whose day and month could be swapped.
    alt: Option<Date>,
}

impl Stamp {
    fn is_utc(&self) -> bool {
        matches!(self.clock, Some((_, Some(0))))
    }
}

/// The tier of timestamps that only tell the page's time zone
/// (`dateModified`, `dateCreated`).
const ZONE_ONLY: u8 = 9;

/// One place that states a date.
#[derive(Debug, Clone)]
struct Candidate {
    /// Lower is more reliable.
    tier: u8,
    stamp: Stamp,
    evidence: String,
    /// The element it was read from, for the dates of the page's body.
    node: Option<NodeId>,
}

/// The page's publication date, if it states one.
pub(crate) fn published(dom: &Dom, url: Option<&str>) -> Option<PageDate> {
    let order = DayOrder::of(dom);
    let shape = Shape::of(dom);
    let mut found = candidates(dom, order, &shape);
    if let Some(u) = url.and_then(|u| url_date(u).map(|d| (u, d))) {
        found.push(Candidate {
            tier: 4,
            stamp: Stamp {
                date: u.1,
                clock: None,
                alt: None,
            },
            node: None,
            evidence: format!("page address {}", u.0),
        });
    }
    found.sort_by_key(|c| c.tier);
    let zone = found
        .iter()
        .find_map(|c| c.stamp.clock.and_then(|(_, o)| o).filter(|o| *o != 0));
    found.retain(|c| c.tier < ZONE_ONLY);
    let first = found.first()?;
    // The article's own byline, under its headline, beats metadata that
    // says another day (a template's default, a date of the page's build).
    let byline = byline_span(dom, &shape.chars).and_then(|(from, to)| {
        let mut dated: Vec<&Candidate> = found
            .iter()
            .filter(|c| (1..=3).contains(&c.tier) && c.node.is_some_and(|n| n > from && n < to))
            .collect();
        dated.sort_by_key(|c| c.node);
        dated.first().copied()
    });
    let best = match byline {
        Some(b)
            if first.tier == 0
                && b.stamp.date != first.stamp.date
                && b.stamp.alt != Some(first.stamp.date)
                && !near(b.stamp.date, first.stamp) =>
        {
            b
        }
        _ => first,
    };
    let mut date = best.stamp.date;
    let mut evidence = best.evidence.clone();
    if !std::ptr::eq(best, first) {
        evidence.push_str(&format!(
            ", the article's byline (the metadata says {})",
            first.stamp.date
        ));
    }
    // 11/01/2023: the reading another place of the page confirms.
    if let Some(alt) = best.stamp.alt {
        let confirms = |d: Date| found.iter().skip(1).any(|c| c.stamp.date == d);
        if confirms(alt) && !confirms(date) {
            date = alt;
            evidence.push_str(", month first as elsewhere on the page");
        }
    }
    if best.stamp.is_utc() {
        // The page's own zone: the first offset other than UTC it writes.
        if let (Some(offset), Some((hour, _))) = (zone, best.stamp.clock) {
            let local = i32::from(hour) * 60 + offset;
            let shift = if local < 0 {
                -1
            } else if local >= 24 * 60 {
                1
            } else {
                0
            };
            if let Ok(d) = date.checked_add(jiff::Span::new().days(shift)) {
                if shift != 0 {
                    evidence.push_str(&format!(
                        ", in the page's time zone (UTC{:+03}:{:02})",
                        offset / 60,
                        (offset % 60).abs()
                    ));
                }
                date = d;
            }
        } else if let Some(local) = found.iter().skip(1).find(|c| {
            // Before 06:00 UTC is still the evening before in the Americas.
            best.stamp.clock.is_some_and(|(h, _)| h < 6)
                && c.stamp.clock.is_none()
                && date.yesterday().is_ok_and(|y| y == c.stamp.date)
        }) {
            evidence.push_str(&format!(", a UTC time; the day before by the {}", local.evidence));
            date = local.stamp.date;
        }
    }
    Some(PageDate { date, evidence })
}

/// A UTC timestamp a day off a byline date may be the same moment.
fn near(day: Date, stamp: Stamp) -> bool {
    stamp.clock.is_some() && (day.yesterday().ok() == Some(stamp.date) || day.tomorrow().ok() == Some(stamp.date))
}

/// The nodes between the article's headline (the first `<h1>`) and its
/// first long paragraph: where its byline is.
fn byline_span(dom: &Dom, sizes: &[usize]) -> Option<(NodeId, NodeId)> {
    let (h1, _) = dom.elements().find(|(_, e)| e.name == "h1")?;
    let end = dom
        .elements()
        .find(|(id, e)| *id > h1 && e.name == "p" && sizes[*id] >= 150)
        .map_or(dom.nodes.len(), |(id, _)| id);
    Some((h1, end))
}

/// Whether `08/03/2020` is the 8th of March: the page's language, then
/// other numeric dates of the page that only read one way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DayOrder {
    DayFirst,
    MonthFirst,
}

impl DayOrder {
    fn of(dom: &Dom) -> DayOrder {
        let lang = dom
            .elements()
            .find(|(_, e)| e.name == "html")
            .and_then(|(_, e)| e.attr("lang"))
            .unwrap_or("")
            .to_ascii_lowercase();
        if lang == "en" || lang.starts_with("en-us") || lang.starts_with("en_us") {
            DayOrder::MonthFirst
        } else {
            DayOrder::DayFirst
        }
    }
}

/// Elements that hold someone else's content: an embedded post, a rail,
/// readers' comments. Their dates are not the article's.
fn is_foreign(e: &Element) -> bool {
    matches!(e.name.as_str(), "blockquote" | "footer" | "nav" | "iframe" | "noscript")
        || class_and_id(e)
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| FOREIGN.contains(&w))
}

/// Whole words of a class or id that mark someone else's content.
const FOREIGN: &[&str] = &[
    "related",
    "comment",
    "comments",
    "commentlist",
    "teaser",
    "teasers",
    "recommended",
    "widget",
    "instagram",
    "twitter",
    "tiktok",
    "trending",
    "popular",
];

fn class_and_id(e: &Element) -> String {
    let names = ["class", "id", "data-testid"].map(|a| e.attr(a).unwrap_or(""));
    names.join(" ").to_ascii_lowercase()
}

/// Words of a class or id that mark a byline's date line.
const DATE_CLASSES: &[&str] = &[
    "date", "datum", "time", "publish", "posted", "created", "release", "byline", "dateline", "fecha", "meta",
];

/// What is known of each node of a page before its dates are read.
struct Shape {
    /// Inside someone else's content.
    foreign: Vec<bool>,
    /// Characters of text under it.
    chars: Vec<usize>,
    /// Nodes under it: a short text spread over a deep tree is not a date
    /// line, and reading it for each of its ancestors would be quadratic.
    nodes: Vec<usize>,
    /// Characters of link text under it: a teaser of another story, with
    /// its date.
    link_chars: Vec<usize>,
}

impl Shape {
    fn of(dom: &Dom) -> Shape {
        let chars = text_sizes(dom);
        let mut nodes = vec![1usize; dom.nodes.len()];
        let mut linked = vec![false; dom.nodes.len()];
        for (id, node) in dom.nodes.iter().enumerate() {
            linked[id] = node.is("a") || node.parent.is_some_and(|p| linked[p]);
        }
        let mut link_chars = vec![0usize; dom.nodes.len()];
        for id in (1..dom.nodes.len()).rev() {
            if linked[id] && matches!(dom.nodes[id].kind, super::tree::NodeKind::Text(_)) {
                link_chars[id] = chars[id];
            }
            if let Some(p) = dom.nodes[id].parent {
                nodes[p] += nodes[id];
                link_chars[p] += link_chars[id];
            }
        }
        Shape {
            foreign: foreign_nodes(dom),
            chars,
            nodes,
            link_chars,
        }
    }
}

fn candidates(dom: &Dom, order: DayOrder, shape: &Shape) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut push = |tier: u8, text: &str, evidence: String, node: Option<NodeId>| {
        if let Some(stamp) = read_stamp(text, order) {
            out.push(Candidate {
                tier,
                stamp,
                node,
                evidence: format!(
                    "{evidence} \"{}\"",
                    text.split_whitespace().collect::<Vec<_>>().join(" ")
                ),
            });
        }
    };
    let Shape {
        foreign,
        chars,
        nodes,
        link_chars,
    } = shape;
    let mut datelines = 0;
    for (id, e) in dom.elements() {
        match e.name.as_str() {
            "meta" => {
                let key = e
                    .attr("property")
                    .or_else(|| e.attr("name"))
                    .or_else(|| e.attr("itemprop"));
                if let (Some(key), Some(content)) = (key, e.attr("content")) {
                    match PUBLISHED_META.get_lower(key) {
                        Some(MetaKind::Published) => push(0, content, format!("<meta> {key}"), None),
                        Some(MetaKind::Generic) => push(3, content, format!("<meta> {key}"), None),
                        None if content.len() <= 40 => push(ZONE_ONLY, content, format!("<meta> {key}"), None),
                        None => {}
                    }
                }
                continue;
            }
            "script" if e.attr("type").is_some_and(|t| t.contains("ld+json")) => {
                let body = dom.text_of(id);
                if let Some(d) = json_ld_published(&body) {
                    push(0, &d, "JSON-LD datePublished".into(), None);
                }
                for d in json_ld_times(&body) {
                    push(ZONE_ONLY, &d, "JSON-LD".into(), None);
                }
                continue;
            }
            _ => {}
        }
        if foreign[id] {
            continue;
        }
        let names = class_and_id(e);
        // Microdata and RDFa: itemprop="datePublished",
        // property="schema:dateCreated".
        let property = e.attr("itemprop").or(e.attr("property")).unwrap_or("");
        let property = property.rsplit(':').next().unwrap_or("");
        if property.eq_ignore_ascii_case("datePublished") || property.eq_ignore_ascii_case("dateCreated") {
            let value = e.attr("content").or_else(|| e.attr("datetime")).map(String::from);
            let value = value.unwrap_or_else(|| dom.text_of(id));
            push(1, &value, format!("<{}> {property}", e.name), Some(id));
            continue;
        }
        // "updated" alone marks a modification; "post-date updated" is the
        // post's date in a microformat.
        let changed = (names.contains("update") || names.contains("modif")) && !names.contains("post");
        let dated = DATE_CLASSES.iter().any(|w| names.contains(w)) && !changed;
        if e.name == "time" {
            if let Some(d) = e.attr("datetime") {
                let tier = if e.attr("pubdate").is_some() || dated { 2 } else { 5 };
                push(tier, d, "<time datetime>".into(), Some(id));
                continue;
            }
        }
        // A dateline opening the article: "27.1.2022 - Bei der ...".
        if e.name == "p" && datelines < 5 && chars[id] >= 40 {
            datelines += 1;
            let text = dom.text_of(id);
            let lead = text.trim_start();
            if let Some(end) = lead
                .find([' ', '\u{a0}'])
                .and_then(|_| lead.find(['-', '\u{2013}', '\u{2014}']))
            {
                if end <= 30 && lead[..end].chars().any(|c| c.is_ascii_digit()) {
                    push(4, &lead[..end], "dateline".into(), Some(id));
                }
            }
        }
        // A byline's date line: marked by its class, or labelled in its text
        // ("Datum: 03.02.2022").
        if chars[id] > 120 || chars[id] < 6 || nodes[id] > 64 {
            continue;
        }
        let text = || dom.text_of(id);
        if dated {
            let class = e.attr("class").or(e.attr("id")).unwrap_or("");
            push(3, &text(), format!("<{} class=\"{class}\">", e.name), Some(id));
        } else if e.block {
            // A label and its date share the block around them.
            let text = text();
            if is_labelled(&text) {
                push(3, &text, format!("<{}> text", e.name), Some(id));
            } else if chars[id] <= 100 && link_chars[id] * 2 <= chars[id] && is_date_line(&text) {
                push(4, &text, format!("<{}> date line", e.name), Some(id));
            }
        }
    }
    out
}

static LABELS: LazyLock<WordSet> = LazyLock::new(|| WordSet::of(words(en::PUBLISHED_LABELS)));

/// Whether a short text names itself a publication date.
fn is_labelled(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| LABELS.contains_lower(w))
}

/// Nodes inside someone else's content, parents before children.
/// A `<footer>` of an `<article>` is the article's own (its byline), any
/// other is the page's.
fn foreign_nodes(dom: &Dom) -> Vec<bool> {
    let mut foreign = vec![false; dom.nodes.len()];
    let mut in_article = vec![false; dom.nodes.len()];
    for (id, node) in dom.nodes.iter().enumerate() {
        let parent = node.parent;
        in_article[id] = parent.is_some_and(|p| in_article[p]) || node.is("article");
        let own_footer = node.is("footer") && in_article[id];
        let inherited = parent.is_some_and(|p| foreign[p]);
        foreign[id] = inherited || (!own_footer && node.element().is_some_and(is_foreign));
    }
    foreign
}

/// Characters of text under each node (not counting spaces), children
/// before parents.
fn text_sizes(dom: &Dom) -> Vec<usize> {
    let mut size = vec![0usize; dom.nodes.len()];
    for id in (0..dom.nodes.len()).rev() {
        if let super::tree::NodeKind::Text(r) = &dom.nodes[id].kind {
            size[id] = dom.text[r.clone()].iter().filter(|u| !u.ch.is_whitespace()).count();
        }
        if let Some(p) = dom.nodes[id].parent {
            size[p] += size[id];
        }
    }
    size
}

/// The first `datePublished` value of a JSON-LD block, at any depth (a
/// `@graph` holds several objects): its string, as written.
pub(crate) fn json_ld_published(body: &str) -> Option<String> {
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

/// Every timestamp of a JSON-LD block written with a time: `dateModified`,
/// `uploadDate` and the like.
fn json_ld_times(body: &str) -> Vec<String> {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(body.trim()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut stack = vec![&value];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    match v.as_str() {
                        Some(s) if k.starts_with("date") || k.ends_with("Date") => out.push(s.to_string()),
                        _ => stack.push(v),
                    }
                }
            }
            serde_json::Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    out
}

/// A date in a page's address: `/2020/03/04/`, `/20200304/`, `-2020-03-04`.
fn url_date(url: &str) -> Option<Date> {
    let parts: Vec<&str> = url.split(['/', '-', '_', '.', '?', '=', '&']).collect();
    for (i, p) in parts.iter().enumerate() {
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if digits(p, 8) {
            if let Some(d) = ymd(&p[..4], &p[4..6], &p[6..]) {
                return Some(d);
            }
        }
        if digits(p, 4) && i + 2 < parts.len() && parts[i + 1].len() <= 2 && parts[i + 2].len() <= 2 {
            if let Some(d) = ymd(p, parts[i + 1], parts[i + 2]) {
                return Some(d);
            }
        }
    }
    None
}

fn ymd(y: &str, m: &str, d: &str) -> Option<Date> {
    let (y, m, d): (i16, i8, i8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    if !(1990..=2100).contains(&y) {
        return None;
    }
    Date::new(y, m, d).ok()
}

/// Whether a short block of a page is a date line (a byline's time, a
/// "Posted ... Updated ..." line) rather than a sentence: it holds a date,
/// few other words, and no sentence end.
pub(crate) fn is_date_line(text: &str) -> bool {
    let t = text.trim();
    let words = t.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).count();
    // "— Name (@handle) October 9, 2018" signs a quoted post: its text.
    let signature = t.starts_with(['-', '\u{2013}', '\u{2014}']);
    words <= 8
        && !signature
        && !t.ends_with(['.', '!', '?', '"', '\u{201d}'])
        && read_stamp(t, DayOrder::DayFirst).is_some()
}

/// The digits of any script as ASCII (`۱۳۹۹` → `1399`), other characters
/// unchanged.
fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c as u32 {
            0x0660..=0x0669 => char::from(b'0' + (c as u32 - 0x0660) as u8),
            0x06F0..=0x06F9 => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            0xFF10..=0xFF19 => char::from(b'0' + (c as u32 - 0xFF10) as u8),
            _ => c,
        })
        .collect()
}

/// A date as pages write it: ISO 8601 with or without a time and offset,
/// `26.02.2020`, `02/26/2020`, `2020年2月26日`, `29. Januar 2019`,
/// `February 24, 2020`, `jueves 2 de abril de 2020`, `Tue Jul 30 09:35:14
/// CEST 2019`.
fn read_stamp(text: &str, order: DayOrder) -> Option<Stamp> {
    let text = ascii_digits(text);
    numeric(&text, order).or_else(|| {
        worded(&text).map(|date| Stamp {
            date,
            clock: None,
            alt: None,
        })
    })
}

/// Runs of digits and the separators between them.
fn numbers(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_ascii_digit(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn numeric(text: &str, order: DayOrder) -> Option<Stamp> {
    let nums = numbers(text);
    for w in 0..nums.len().saturating_sub(2) {
        let [(a_at, a), (b_at, b), (c_at, c)] = [nums[w], nums[w + 1], nums[w + 2]];
        let sep1 = &text[a_at + a.len()..b_at];
        let sep2 = &text[b_at + b.len()..c_at];
        let joined = |s: &str| matches!(s, "-" | "/" | "." | ". " | "年" | "月" | "/ ");
        if !(joined(sep1) && joined(sep2)) || b.len() > 2 {
            continue;
        }
        let (date, alt) = if a.len() == 4 {
            (ymd(a, b, c), None)
        } else if c.len() == 2 && a.len() <= 2 && sep1 == "." && sep2 == "." {
            // 28.01.22: a two-digit year is written only day first.
            (ymd(&format!("20{c}"), b, a), None)
        } else if c.len() == 4 && a.len() <= 2 {
            let day_first = ymd(c, b, a);
            let month_first = ymd(c, a, b);
            match (day_first, month_first, order) {
                (Some(d), None, _) | (None, Some(d), _) => (Some(d), None),
                (Some(d), Some(m), DayOrder::DayFirst) => (Some(d), Some(m).filter(|m| *m != d)),
                (Some(d), Some(m), DayOrder::MonthFirst) => (Some(m), Some(d).filter(|d| *d != m)),
                (None, None, _) => (None, None),
            }
        } else {
            (None, None)
        };
        let Some(date) = date else { continue };
        return Some(Stamp {
            date,
            clock: clock(&text[c_at + c.len()..]),
            alt,
        });
    }
    None
}

/// `T21:30:00-05:00`, ` 09:35:14Z`: the hour and the offset in minutes.
fn clock(rest: &str) -> Option<(i8, Option<i32>)> {
    let rest = rest.strip_prefix(['T', ' '])?;
    let hour: i8 = rest.get(..2)?.parse().ok()?;
    if rest.as_bytes().get(2) != Some(&b':') || !(0..24).contains(&hour) {
        return None;
    }
    // The offset follows the seconds and fraction.
    let tail = rest[3..].trim_start_matches(|c: char| c.is_ascii_digit() || c == ':' || c == '.');
    let offset = if tail.starts_with('Z') {
        Some(0)
    } else if let Some(sign) = tail.chars().next().filter(|c| *c == '+' || *c == '-') {
        let digits: String = tail[1..].chars().filter(|c| c.is_ascii_digit()).take(4).collect();
        let (h, m) = (
            digits.get(..2)?.parse::<i32>().ok()?,
            digits.get(2..).unwrap_or("0").parse::<i32>().unwrap_or(0),
        );
        let minutes = h * 60 + m;
        Some(if sign == '-' { -minutes } else { minutes })
    } else {
        None
    };
    Some((hour, offset))
}

/// A date with its month in words: the month's name with a day on one
/// side and a year within the next few words.
fn worded(text: &str) -> Option<Date> {
    let lower = text.to_lowercase();
    let tokens: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    let day_of = |t: &str| {
        // "2", "24", "24th", "1er".
        let digits = t.trim_end_matches(|c: char| c.is_alphabetic());
        let plain = !digits.is_empty() && digits.len() <= 2 && digits.bytes().all(|b| b.is_ascii_digit());
        (plain && t.len() - digits.len() <= 2)
            .then(|| digits.parse::<i8>().ok())
            .flatten()
    };
    let year_of = |t: &str| {
        t.parse::<i16>()
            .ok()
            .filter(|y| t.len() == 4 && (1990..=2100).contains(y))
    };
    for (i, t) in tokens.iter().enumerate() {
        let Some(month) = MONTHS.get(t) else { continue };
        let before = i.checked_sub(1).map(|j| tokens[j]);
        let before2 = i.checked_sub(2).map(|j| tokens[j]);
        // "2 de abril", "29 januar", "April 2", "Jul 30 09 35 14 CEST 2019".
        let day = before
            .and_then(day_of)
            .or_else(|| before.filter(|b| *b == "de").and(before2).and_then(day_of))
            .or_else(|| tokens.get(i + 1).and_then(|t| day_of(t)));
        let year = tokens[i + 1..].iter().take(6).find_map(|t| year_of(t));
        if let (Some(day), Some(year)) = (day, year) {
            if let Ok(d) = Date::new(year, month as i8, day) {
                return Some(d);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::clean::decode;

    fn date(y: i16, m: i8, d: i8) -> Date {
        Date::new(y, m, d).unwrap()
    }

    fn page(html: &str, url: Option<&str>) -> Option<PageDate> {
        let dom = Dom::parse(&decode(html.as_bytes()).0);
        published(&dom, url)
    }

    #[test]
    fn dates_as_pages_write_them() {
        let read = |s: &str| read_stamp(s, DayOrder::DayFirst).map(|s| s.date);
        assert_eq!(read("2025-03-04T21:30:00-05:00"), Some(date(2025, 3, 4)));
        assert_eq!(read("Veröffentlicht: 26.02.2020 09:35 Uhr"), Some(date(2020, 2, 26)));
        assert_eq!(read("29. Januar 2019"), Some(date(2019, 1, 29)));
        assert_eq!(read("jueves 2 de abril de 2020"), Some(date(2020, 4, 2)));
        assert_eq!(read("Tue Jul 30 09:35:14 CEST 2019"), Some(date(2019, 7, 30)));
        assert_eq!(read("February 24, 2020"), Some(date(2020, 2, 24)));
        assert_eq!(read("2020年3月4日"), Some(date(2020, 3, 4)));
        assert_eq!(read("۲۰۲۰-۰۵-۱۰"), Some(date(2020, 5, 10)));
        assert_eq!(read("08/03/2020"), Some(date(2020, 3, 8)));
        assert_eq!(
            read_stamp("08/03/2020", DayOrder::MonthFirst).map(|s| s.date),
            Some(date(2020, 8, 3))
        );
        assert_eq!(read("08/23/2020"), Some(date(2020, 8, 23)), "only one reading");
        assert_eq!(read("Lesedauer ca. 7 Minuten"), None);
        assert_eq!(read("May 2020"), None, "no day");
        assert_eq!(
            url_date("https://example.org/2020/02/24/port-closes/"),
            Some(date(2020, 2, 24))
        );
        assert_eq!(
            url_date("https://example.org/20200428/port-closes"),
            Some(date(2020, 4, 28))
        );
        assert_eq!(url_date("https://example.org/news/port-closes-172529"), None);
    }

    #[test]
    fn metadata_beats_a_header_date_of_another_day() {
        let html = r#"<html lang="en-US"><head><script type="application/ld+json">{"@graph":[{"@type":"WebSite"},{"@type":"NewsArticle","datePublished":"2025-03-04T09:30:00-05:00"}]}</script></head>
<body><div class="top-date">Thursday, March 6, 2025</div><article><p>The yard closed.</p></article></body></html>"#;
        let found = page(html, None).unwrap();
        assert_eq!(found.date, date(2025, 3, 4));
        assert!(
            found.evidence.starts_with("JSON-LD datePublished"),
            "{}",
            found.evidence
        );
    }

    #[test]
    fn an_evening_story_in_utc_keeps_its_local_day() {
        // 02:25 UTC on the 25th is the evening of the 24th in New York.
        let zone = r#"<head><meta property="article:published_time" content="2020-02-25T02:25:54+00:00">
<script type="application/ld+json">{"dateCreated":"2020-02-24T21:25:54-05:00"}</script></head><body><p>x</p></body>"#;
        assert_eq!(page(zone, None).unwrap().date, date(2020, 2, 24));
        let byline = r#"<head><meta property="article:published_time" content="2020-02-25T02:25:54Z"></head>
<body><p class="byline-date">February 24, 2020</p><p>x</p></body>"#;
        let found = page(byline, None).unwrap();
        assert_eq!(found.date, date(2020, 2, 24), "{}", found.evidence);
        // A UTC morning with nothing else said stays as written.
        let alone = r#"<head><meta property="article:published_time" content="2020-02-25T02:25:54Z"></head><body><p>x</p></body>"#;
        assert_eq!(page(alone, None).unwrap().date, date(2020, 2, 25));
    }

    #[test]
    fn embedded_posts_and_rails_do_not_date_the_article() {
        let html = r#"<body><blockquote class="instagram-media"><time datetime="2018-03-12T19:30:12+00:00">Mar 12, 2018</time></blockquote>
<span class="PublishDate_date">29. Januar 2019</span><p>Text.</p>
<aside><time datetime="2019-02-01">Feb 1</time></aside></body>"#;
        assert_eq!(page(html, None).unwrap().date, date(2019, 1, 29));
        let unparsed =
            r#"<head><meta property="article:published_time" content="no date here"></head><body><p>x</p></body>"#;
        assert_eq!(
            page(unparsed, Some("https://example.org/2021/11/19/story"))
                .unwrap()
                .date,
            date(2021, 11, 19)
        );
    }

    #[test]
    fn the_byline_under_the_headline_beats_a_template_date() {
        let html = r#"<html lang="de"><head><script type="application/ld+json">{"datePublished":"2021-01-01T11:00:00.000Z"}</script></head>
<body><article><h1>Die Werft schliesst</h1><div class="publishInfo">01.04.2023, 12:00 Uhr</div>
<p>Die Werft in Valmora schliesst am Montag, nachdem die Gespraeche zwischen der Hafenbehoerde und der Gewerkschaft gescheitert sind; rund vierzig Schiffe liegen vor Anker.</p></article></body></html>"#;
        let found = page(html, None).unwrap();
        assert_eq!(found.date, date(2023, 4, 1));
        assert!(
            found.evidence.contains("the metadata says 2021-01-01"),
            "{}",
            found.evidence
        );
    }

    #[test]
    fn bylines_in_text_and_article_footers() {
        let labelled = r#"<body><div class="col"><h5>Datum:</h5>03.02.2022</div><p>Text.</p></body>"#;
        assert_eq!(page(labelled, None).unwrap().date, date(2022, 2, 3));
        let dateline = r#"<body><p>Von Ada Lind</p><p>27.1.2022 - Bei der Erinnerung an die Werft sprach der Buergermeister lange.</p></body>"#;
        assert_eq!(page(dateline, None).unwrap().date, date(2022, 1, 27));
        let footer = r#"<body><article><p>Text.</p><footer><span class="post-created">28.01.22</span></footer></article>
<footer><span class="date">01.02.2022</span></footer></body>"#;
        assert_eq!(page(footer, None).unwrap().date, date(2022, 1, 28));
    }

    #[test]
    fn day_and_month_as_the_page_writes_them() {
        let html = r#"<html lang="de"><head><meta name="date" content="11/01/2023 12:43:42"></head><body><p>x</p></body></html>"#;
        assert_eq!(page(html, None).unwrap().date, date(2023, 1, 11));
        let found = page(html, Some("https://example.org/2023/11/01/trinkwasser")).unwrap();
        assert_eq!(found.date, date(2023, 11, 1), "{}", found.evidence);
    }
}
