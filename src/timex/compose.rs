//! Joins neighbouring expressions that name one time: a day and its clock
//! time ("Monday at 2.30", "5pm on Friday") and the two ends of a range
//! ("from 2014 to 2018", "Nov 18 - Dec 19, 2015", "between May and July").

use std::sync::LazyLock;

use crate::lexicon::{WordMap, en, rows};
use crate::span::Span;
use crate::timex::expr::{Clock, DateExpr, DateMention, Ref, range, with_clock};
use crate::timex::forms::clock::in_order;
use crate::timex::words::prev_word;

/// Joins each mention with the one before it where the words between them
/// make one expression of the two.
pub(super) fn compose(text: &str, mentions: Vec<DateMention>) -> Vec<DateMention> {
    let mut out: Vec<DateMention> = Vec::with_capacity(mentions.len());
    for m in mentions {
        if let Some(prev) = out.last_mut() {
            let gap = &text[prev.span.end..m.span.start];
            if let Some(expr) = join(text, prev, &m, gap) {
                let start = range_lead(text, prev.span.start, &expr);
                *prev = DateMention {
                    span: Span::new(start, m.span.end),
                    expr,
                };
                continue;
            }
        }
        out.push(m);
    }
    anchor_to_events(text, &mut out);
    out
}

/// How far back, in bytes, an event's date is looked for.
const EVENT_WINDOW: usize = 4000;

/// "two days after the vote": a distance from an event the text dates
/// elsewhere ("The vote took place on March 3."). The event is the nearest
/// earlier day-naming expression whose sentence names the same noun.
fn anchor_to_events(text: &str, mentions: &mut [DateMention]) {
    for k in 0..mentions.len() {
        let DateExpr::Duration {
            amount: Some(n),
            period,
        } = &mentions[k].expr
        else {
            continue;
        };
        let Some(amount) = n.whole().filter(|_| !period.is_clock()) else {
            continue;
        };
        let after = &text[mentions[k].span.end..];
        let mut words = after.split_whitespace();
        let sign = match words.next().map(str::to_lowercase).as_deref() {
            Some("after") => 1,
            Some("before") => -1,
            _ => continue,
        };
        if !words.next().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
            continue;
        }
        let Some(noun) = words.next().map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric())) else {
            continue;
        };
        if noun.len() < 3 || !noun.chars().all(char::is_alphabetic) {
            continue;
        }
        // Within the few paragraphs before: bounded work on long texts.
        let from = mentions[k].span.start.saturating_sub(EVENT_WINDOW);
        let base = mentions[..k]
            .iter()
            .rev()
            .take_while(|m| m.span.start >= from)
            .find(|m| m.expr.names_a_day() && sentence_names(text, m.span, noun))
            .map(|m| m.expr.clone());
        let Some(base) = base else { continue };
        // The span runs to the end of the noun.
        let noun_at = after.find(noun).map_or(0, |i| i + noun.len());
        let end = mentions[k].span.end + noun_at;
        if mentions.get(k + 1).is_some_and(|next| next.span.start < end) {
            continue;
        }
        mentions[k] = DateMention {
            span: Span::new(mentions[k].span.start, end),
            expr: DateExpr::Anchored {
                amount,
                period: *period,
                sign,
                base: Box::new(base),
            },
        };
    }
}

/// Whether the sentence around `span` has a word of the noun's stem ("vote",
/// "voted", "voting" for "vote"; "elections" for "election").
fn sentence_names(text: &str, span: Span, noun: &str) -> bool {
    // A sentence of more than this is not one: the look stays bounded.
    const REACH: usize = 2048;
    let head = crate::text::before(text, span.start, REACH);
    let start = head
        .rfind(['.', '!', '?', '\n'])
        .map_or(span.start - head.len(), |i| span.start - head.len() + i + 1);
    let tail = crate::text::after(text, span.end, REACH);
    let end = tail
        .find(['.', '!', '?', '\n'])
        .map_or(span.end + tail.len(), |i| span.end + i);
    let noun = noun.to_lowercase();
    let stem: String = noun
        .chars()
        .take(noun.chars().count().saturating_sub(2).max(4))
        .collect();
    text[start..end]
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w.to_lowercase().starts_with(&stem))
}

/// How the words between two expressions join them (`temporal_joins.tsv`).
#[derive(Debug, Clone, Copy, Default)]
struct Joins {
    bound: bool,
    at: bool,
    on: bool,
    after: bool,
    before: bool,
    to_time: bool,
    range: bool,
}

static JOINS: LazyLock<WordMap<Joins>> = LazyLock::new(|| {
    WordMap::of(rows(en::TEMPORAL_JOINS).map(|r| {
        let mut j = Joins::default();
        for role in r.list(1) {
            match role {
                "bound" => j.bound = true,
                "at" => j.at = true,
                "on" => j.on = true,
                "after" => j.after = true,
                "before" => j.before = true,
                "to-time" => j.to_time = true,
                _ => j.range = true,
            }
        }
        (r.key(), j)
    }))
});

fn join(text: &str, a: &DateMention, b: &DateMention, gap: &str) -> Option<DateExpr> {
    if gap.len() > 12 {
        return None;
    }
    let words: Vec<String> = gap
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let joins = if words.is_empty() {
        Joins::default()
    } else {
        JOINS.get(&words.join(" ")).unwrap_or_default()
    };
    // "tomorrow before 5pm": a bound within the day is a time of that day.
    if let (true, DateExpr::Time(c)) = (joins.bound, &b.expr) {
        if let Some(e) = with_clock(&a.expr, *c) {
            return Some(e);
        }
    }
    // A day and its time, in either order.
    if words.is_empty() || joins.at {
        if let DateExpr::Time(c) = b.expr {
            return with_clock(&a.expr, c);
        }
        if let (DateExpr::Time(c), true) = (&a.expr, words.is_empty() || joins.on) {
            return with_clock(&b.expr, *c);
        }
        if let DateExpr::Range { from, to } = &b.expr {
            if let (DateExpr::Time(x), DateExpr::Time(y)) = (from.as_ref(), to.as_ref()) {
                let (x, y) = (with_clock(&a.expr, *x)?, with_clock(&a.expr, *y)?);
                return Some(range(x, y));
            }
        }
    }
    // A distance from a named day: "3 days after January 12th".
    if let DateExpr::Duration {
        amount: Some(n),
        period,
    } = &a.expr
    {
        let sign = match (joins.after, joins.before) {
            (true, _) => 1,
            (_, true) => -1,
            _ => 0,
        };
        // Days and longer: a day plus minutes is a time no day names.
        let whole = n.whole().filter(|_| !period.is_clock());
        if let (true, Some(amount)) = (sign != 0 && is_day_like(&b.expr), whole) {
            return Some(DateExpr::Anchored {
                amount,
                period: *period,
                sign,
                base: Box::new(b.expr.clone()),
            });
        }
    }
    let between = prev_word(text, a.span.start) == "between";
    // "Tuesday at 2:00 - 2:30 pm": a day's time and a later time are a range
    // within that day; the end's meridiem reaches back to the start.
    let to = joins.to_time || words == ["and"] && between;
    if let (Some(start), DateExpr::Time(end), true) = (day_time(&a.expr), &b.expr, to) {
        if let Some((start, end)) = in_order(start, *end) {
            let day = without_clock(&a.expr);
            return Some(range(with_clock(&day, start)?, with_clock(&day, end)?));
        }
    }
    // The two ends of a range.
    let ends = joins.range || words == ["and"] && between;
    if ends && is_point(&a.expr) && is_point(&b.expr) && same_family(&a.expr, &b.expr) {
        return Some(range(a.expr.clone(), b.expr.clone()));
    }
    None
}

/// Where a range starts: with its "from" or "between" when one leads it.
fn range_lead(text: &str, start: usize, expr: &DateExpr) -> usize {
    if !matches!(expr, DateExpr::Range { .. }) {
        return start;
    }
    let before = text[..start].trim_end();
    let lead = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    if before.len() < start && (lead.eq_ignore_ascii_case("from") || lead.eq_ignore_ascii_case("between")) {
        before.len() - lead.len()
    } else {
        start
    }
}

/// The clock time of a day that has one.
fn day_time(e: &DateExpr) -> Option<Clock> {
    match e {
        DateExpr::Calendar { day: Some(_), time, .. }
        | DateExpr::Weekday { time, .. }
        | DateExpr::RelativeDay { time, .. } => *time,
        _ => None,
    }
}

fn without_clock(e: &DateExpr) -> DateExpr {
    let mut e = e.clone();
    if let DateExpr::Calendar { time, .. } | DateExpr::Weekday { time, .. } | DateExpr::RelativeDay { time, .. } =
        &mut e
    {
        *time = None;
    }
    e
}

/// A day or a longer stretch a distance can be counted from.
fn is_day_like(e: &DateExpr) -> bool {
    matches!(
        e,
        DateExpr::Calendar { .. } | DateExpr::Weekday { .. } | DateExpr::RelativeDay { .. } | DateExpr::Holiday { .. }
    )
}

/// A point in time a range can start or end at.
fn is_point(e: &DateExpr) -> bool {
    matches!(
        e,
        DateExpr::Calendar { .. }
            | DateExpr::Month { .. }
            | DateExpr::Weekday { .. }
            | DateExpr::RelativeDay { .. }
            | DateExpr::Time(_)
            | DateExpr::Ref(Ref::Present)
    )
}

/// Ends of one kind: two clock times, or two days, months or years.
fn same_family(a: &DateExpr, b: &DateExpr) -> bool {
    matches!(a, DateExpr::Time(_)) == matches!(b, DateExpr::Time(_))
}
