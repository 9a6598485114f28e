//! The scan: every form tried at every word start that may begin an
//! expression, the longest match kept, then checks of context the grammar
//! cannot make (a year inside a figure, a month that is a verb) and the
//! direction of relative forms read from the words before them.

use std::sync::LazyLock;

use crate::grammar::number::{Decimal, number_word};
use crate::grammar::{FormSet, scan};
use crate::lexicon::{WordMap, WordSet, ascii_lower, en, rows, words};
use crate::span::Span;
use crate::timex::compose;
use crate::timex::expr::{DateExpr, DateMention, Direction, Period, Ref};
use crate::timex::forms::{
    DIGIT, FORMS, FRACTION, HOLIDAY, MID, MONTH, NOON, NUMBER, ORDINAL, PERIOD, THE_NEXT, WEEKDAY, holiday,
};
use crate::timex::words::{day_part_word, month_of, month_verb, ordinal_word, period_word, prev_word, weekday_of};

static DIRECTION_MARKERS: LazyLock<WordMap<Direction>> = LazyLock::new(|| {
    WordMap::of(rows(en::DIRECTION_MARKERS).map(|r| {
        let direction = if r.cell(1) == "future" {
            Direction::Future
        } else {
            Direction::Past
        };
        (r.cell(0), direction)
    }))
});

/// How a word of `temporal_leads.tsv` bears on where an expression begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Lead {
    /// An expression by itself or at its head: "today", "noon".
    alone: bool,
    /// Begins one only before a temporal word: "the", "a", "at".
    before: bool,
    /// A temporal word for the leads before it: "ago", "past".
    head: bool,
}

static LEADS: LazyLock<WordMap<Lead>> = LazyLock::new(|| {
    WordMap::of(rows(en::TEMPORAL_LEADS).map(|r| {
        let mut lead = Lead::default();
        for kind in r.list(1) {
            match kind {
                "alone" => lead.alone = true,
                "head" => lead.head = true,
                _ => lead.before = true,
            }
        }
        (r.cell(0), lead)
    }))
});

/// Words after a lead within which a temporal word must stand ("at the
/// end of the year"), and the bytes they may span.
const LEAD_REACH_WORDS: usize = 6;
const LEAD_REACH_BYTES: usize = 64;

static APPROXIMATIONS: LazyLock<WordSet> = LazyLock::new(|| WordSet::of(words(en::APPROXIMATIONS)));

/// Where a word before an expression makes it a date (`temporal_prepositions.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Context {
    Month,
    Numeric,
    Holiday,
    Time,
}

static PREPOSITIONS: LazyLock<WordMap<[bool; 4]>> = LazyLock::new(|| {
    WordMap::of(rows(en::TEMPORAL_PREPOSITIONS).map(|r| {
        let mut contexts = [false; 4];
        for c in r.list(1) {
            let k = match c {
                "month" => Context::Month,
                "numeric" => Context::Numeric,
                "holiday" => Context::Holiday,
                _ => Context::Time,
            };
            contexts[k as usize] = true;
        }
        (r.cell(0), contexts)
    }))
});

/// Whether `prev` makes an expression a date in `context`.
fn introduces(prev: &str, context: Context) -> bool {
    PREPOSITIONS.get(prev).is_some_and(|c| c[context as usize])
}

/// Bytes before an expression within which the words that bear on it
/// (a few words of its clause) are looked for.
const LOOK_BACK: usize = 256;

/// Direction of a relative expression from the words before it, within its clause.
pub(crate) fn direction_before(text: &str, at: usize) -> Direction {
    let words: Vec<&str> = crate::text::before(text, at, LOOK_BACK)
        .rsplit(|c: char| c.is_whitespace())
        .take(8)
        .collect();
    let bare_of = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
            .to_lowercase()
    };
    for (k, w) in words.iter().take(7).enumerate() {
        let bare = bare_of(w);
        // "is to air Thursday", "are going to meet Friday": a plan.
        if bare == "to"
            && words
                .get(k + 1)
                .is_some_and(|p| matches!(bare_of(p).as_str(), "is" | "are" | "am" | "going"))
        {
            return Direction::Future;
        }
        if let Some(d) = DIRECTION_MARKERS.get(&bare) {
            return d;
        }
        if bare.ends_with("'ll") {
            return Direction::Future;
        }
        if w.ends_with(['.', ';', '"']) || w.ends_with(',') && !bare.is_empty() {
            break;
        }
    }
    Direction::Past
}

/// Nouns after "today's" that make it the present in general.
static GENERIC_PRESENT: LazyLock<WordSet> = LazyLock::new(|| WordSet::of(words(en::GENERIC_PRESENT)));

/// Whether "today" at `start..end` is the present in general, not the day
/// of the article: "today's most popular devices", "in today's world",
/// "faster than can be done today".
fn generic_today(text: &str, start: usize, end: usize) -> bool {
    if !text[start..end].eq_ignore_ascii_case("today") {
        return false;
    }
    let after = &text[end..];
    if let Some(rest) = after.strip_prefix("'s ").or_else(|| after.strip_prefix("\u{2019}s ")) {
        let next = rest
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let superlative = next == "most" || next == "least" || next.len() > 5 && next.ends_with("est");
        return superlative || GENERIC_PRESENT.contains(&next);
    }
    // A comparison with the present: "than can be done today".
    let clause = crate::text::before(text, start, LOOK_BACK)
        .rsplit(['.', ';', ',', '"', '\n'])
        .next()
        .unwrap_or("");
    clause
        .split_whitespace()
        .rev()
        .take(6)
        .any(|w| w.eq_ignore_ascii_case("than"))
}

/// The forms each class of first word and each keyword may begin (`forms::First`).
struct Gates {
    by_class: [FormSet; 16],
    /// Every word of the tables and keywords, lowercase, with the forms
    /// its classes (those a table gives) and itself as a keyword may
    /// begin: one lookup at a word where there were seven.
    by_word: WordMap<FormSet>,
}

impl Gates {
    /// The forms the classes `classes` may begin.
    fn of(&self, classes: u16) -> FormSet {
        forms_of(&self.by_class, classes)
    }
}

/// The forms the classes `classes` may begin, by the forms of each class.
fn forms_of(by_class: &[FormSet; 16], classes: u16) -> FormSet {
    (0..16)
        .filter(|bit| classes & (1 << bit) != 0)
        .fold(0, |forms, bit| forms | by_class[bit])
}

/// The classes a table gives a lowercase word ("mid…", "noon…" and
/// holidays' names are told by the text).
fn table_classes(word: &str) -> u16 {
    [
        // Capitalized or not: "may" and "march" are tried, and the forms decide.
        (month_of(word).is_some() || month_verb(word), MONTH),
        (weekday_of(word).is_some(), WEEKDAY),
        (ordinal_word(word).is_some(), ORDINAL),
        (number_word(word).is_some(), NUMBER),
        (period_word(word).is_some(), PERIOD),
    ]
    .into_iter()
    .filter(|(is, _)| *is)
    .fold(0, |classes, (_, class)| classes | class)
}

static GATES: LazyLock<Gates> = LazyLock::new(|| {
    let mut by_class = [0; 16];
    let mut by_word: std::collections::BTreeMap<&'static str, FormSet> = std::collections::BTreeMap::new();
    for (k, (_, first)) in FORMS.iter().enumerate() {
        for (bit, forms) in by_class.iter_mut().enumerate() {
            if first.classes & (1 << bit) != 0 {
                *forms |= 1 << k;
            }
        }
        for w in first.words {
            *by_word.entry(w).or_default() |= 1 << k;
        }
    }
    let words = table_words().chain(crate::grammar::number::number_words());
    for word in words.filter(|w| w.bytes().all(|b| b.is_ascii_lowercase())) {
        let forms = forms_of(&by_class, table_classes(word));
        if forms != 0 {
            *by_word.entry(word).or_default() |= forms;
        }
    }
    Gates {
        by_class,
        by_word: WordMap::of(by_word),
    }
});

/// The forms that may begin at the start of `rest`, by its first word
/// and, after "the", its second.
pub(crate) fn forms_at(rest: &str) -> FormSet {
    let forms = word_forms(rest);
    // "the" begins nothing alone, and it is the commonest word there is:
    // the forms that list it are tried only where the next word could
    // begin an expression itself ("the 12th", "the past week", "the
    // nineties") or is one they go on with (`THE_NEXT`).
    let Some(after) = rest
        .get(..3)
        .filter(|w| w.eq_ignore_ascii_case("the"))
        .map(|_| &rest[3..])
    else {
        return forms;
    };
    if after.starts_with(char::is_alphanumeric) {
        return forms;
    }
    let next = after.trim_start();
    let len = crate::text::letters_len(next);
    let mut buf = [0; 16];
    let listed = crate::grammar::ascii_lower(&next[..len], &mut buf).is_some_and(|w| THE_NEXT.contains(&w));
    if listed || word_forms(next) != 0 { forms } else { 0 }
}

/// The forms that may begin at the start of `rest`, by its first word.
fn word_forms(rest: &str) -> FormSet {
    let gates = &*GATES;
    let Some(first) = rest.chars().next() else { return 0 };
    if first.is_ascii_digit() {
        return gates.of(DIGIT);
    }
    if matches!(first, '½' | '¼' | '¾') {
        return gates.of(FRACTION);
    }
    let raw = &rest[..crate::text::letters_len(rest)];
    let mut buf = [0; 16];
    // Every word the grammar begins with is ASCII and short (as `may_start`).
    let Some(word) = crate::grammar::ascii_lower(raw, &mut buf) else {
        return 0;
    };
    let classes = [
        (word.starts_with("mid"), MID),
        (word.starts_with("noon"), NOON),
        (holiday::begins(rest), HOLIDAY),
    ]
    .into_iter()
    .filter(|(is, _)| *is)
    .fold(0, |classes, (_, class)| classes | class);
    gates.of(classes) | gates.by_word.get(word).unwrap_or(0)
}

/// Finds every temporal expression in `text`.
pub fn find_dates(text: &str) -> Vec<DateMention> {
    let mut out = Vec::new();
    let ahead = std::cell::RefCell::new(Ahead::default());
    let starts = |i: usize| {
        if word_start(text, i) && may_start_at(text, i, &mut ahead.borrow_mut()) {
            forms_at(&text[i..])
        } else {
            0
        }
    };
    let accept = |start: usize, end: usize, e: &DateExpr| accept(text, start, end, e);
    let found = |i: usize, n: usize, expr: DateExpr| {
        let end = i + n - trailing_space(&text[i..i + n]);
        let start = i + approximation_lead(&text[i..end]);
        let expr = if generic_today(text, start, end) {
            DateExpr::Ref(Ref::Present)
        } else {
            with_direction(expr, direction_before(text, start))
        };
        out.push(DateMention {
            span: Span::new(start, end),
            expr,
        });
        end
    };
    scan(text, FORMS, starts, accept, found, |i| i);
    compose::compose(text, out)
}

/// Bytes of a leading approximation ("about a month", "just over a week",
/// "just six years ago"): an adverb of the clause, outside the expression's
/// span, where "almost", "nearly", "more than" bound the quantity itself.
pub(crate) fn approximation_lead(matched: &str) -> usize {
    let mut at = 0;
    loop {
        let rest = &matched[at..];
        let word = rest.split(' ').next().unwrap_or("");
        let lead = APPROXIMATIONS.contains_lower(word);
        if !lead || word.len() == rest.len() {
            return at;
        }
        at += word.len() + 1;
    }
}

/// Sets the direction read from the context where the form left it open.
pub(crate) fn with_direction(mut expr: DateExpr, context: Direction) -> DateExpr {
    // Forms leave the direction at `Past` where the words around decide it.
    if let DateExpr::Weekday {
        direction, week: None, ..
    }
    | DateExpr::Month {
        direction,
        strict: false,
        ..
    }
    | DateExpr::Quarter { direction, .. }
    | DateExpr::Holiday { direction, .. } = &mut expr
    {
        if *direction == Direction::Past {
            *direction = context;
        }
    }
    expr
}

/// Whether an expression may begin at the start of `rest` (a word start).
#[cfg(test)]
pub(crate) fn may_start(rest: &str) -> bool {
    may_start_at(rest, 0, &mut Ahead::default())
}

/// Whether an expression may begin at `at` in `text` (a word start).
/// `ahead`: the classes of the words after leads the scan has read.
fn may_start_at(text: &str, at: usize, ahead: &mut Ahead) -> bool {
    let rest = &text[at..];
    let first = rest.chars().next().unwrap_or(' ');
    if first.is_ascii_digit() || matches!(first, '½' | '¼' | '¾') {
        return true;
    }
    let len = crate::text::letters_len(rest);
    let (raw, after) = rest.split_at(len);
    // Frequent words that begin an expression only before a given word.
    if raw.eq_ignore_ascii_case("in") {
        let next = after.as_bytes();
        return next.len() > 5
            && next[..5].eq_ignore_ascii_case(b" the ")
            && ["morning", "afternoon", "evening"].iter().any(|p| {
                next[5..]
                    .get(..p.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(p.as_bytes()))
            });
    }
    if raw.eq_ignore_ascii_case("q") || raw.eq_ignore_ascii_case("h") {
        return after.starts_with(|c: char| c.is_ascii_digit());
    }
    if raw.eq_ignore_ascii_case("w") {
        return after.starts_with("/c") || after.starts_with("/C");
    }
    let class = ahead.class(at, raw);
    if class & (STARTS | PLURAL_PERIOD) != 0 {
        return true;
    }
    class & BEFORE != 0 && temporal_word_follows(text, at + len, ahead)
}

/// The classes of the words a lead has looked at ahead of the scan (up to
/// `LEAD_REACH_WORDS` on), kept until the scan comes to them: where leads
/// follow one another ("at the end of the year"), each word of a text is
/// still looked up once.
struct Ahead {
    /// (start, length, classes) of the latest words looked up.
    seen: [(usize, usize, u8); AHEAD],
    next: usize,
}

/// Words `Ahead` keeps: those a lead reads, and one more.
const AHEAD: usize = LEAD_REACH_WORDS + 2;

impl Default for Ahead {
    fn default() -> Ahead {
        // No word starts at `usize::MAX`.
        Ahead {
            seen: [(usize::MAX, 0, 0); AHEAD],
            next: 0,
        }
    }
}

impl Ahead {
    /// The classes of `word`, which starts at `at` (0 where it is not
    /// ASCII or longer than any word of the tables).
    fn class(&mut self, at: usize, word: &str) -> u8 {
        if let Some(&(_, _, class)) = self.seen.iter().find(|&&(s, l, _)| s == at && l == word.len()) {
            return class;
        }
        let mut buf = [0; 16];
        let class = ascii_lower(word, &mut buf).map_or(0, word_class);
        self.seen[self.next] = (at, word.len(), class);
        self.next = (self.next + 1) % AHEAD;
        class
    }
}

/// Classes of a lowercased word for the quick tests before the grammar,
/// as bits: one lookup where there were a dozen, at every word of a text.
const STARTS: u8 = 1;
const PLURAL_PERIOD: u8 = 2;
const BEFORE: u8 = 4;
/// A temporal word after a lead (see `temporal_word_follows`).
const FOLLOWS: u8 = 8;

/// The tables of the words an expression may begin with or lead to.
pub(crate) const WORD_TABLES: [&str; 8] = [
    en::MONTHS,
    en::WEEKDAYS,
    en::NUMBERS,
    en::ORDINALS,
    en::PERIODS,
    en::TEMPORAL_LEADS,
    en::HOLIDAYS,
    en::DAY_PARTS,
];

/// Every word of `WORD_TABLES`, each cell's words one by one.
pub(crate) fn table_words() -> impl Iterator<Item = &'static str> {
    WORD_TABLES.into_iter().flat_map(rows).flat_map(|row| {
        row.cells()
            .flat_map(|c| c.split([',', ' ']))
            .map(str::trim)
            .collect::<Vec<_>>()
    })
}

/// Every word of the tables the tests read, with its classes as the
/// tests' own lookups give them.
static WORD_CLASSES: LazyLock<WordMap<u8>> = LazyLock::new(|| {
    let mut classes: Vec<(&'static str, u8)> = Vec::new();
    for word in table_words() {
        let mut class = 0;
        if temporal_word(word, word) {
            class |= STARTS;
        }
        if period_word(word).is_some_and(|(_, plural)| plural) {
            class |= PLURAL_PERIOD;
        }
        if LEADS.get(word).is_some_and(|l| l.before) {
            class |= BEFORE;
        }
        if follows(word) {
            class |= FOLLOWS;
        }
        if class != 0 && word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()) {
            classes.push((word, class));
        }
    }
    WordMap::of(classes)
});

/// The classes of a lowercased word; "mid…" begins an expression too.
fn word_class(word: &[u8]) -> u8 {
    let class = WORD_CLASSES.get_bytes(word).unwrap_or(0);
    if word.starts_with(b"mid") {
        class | STARTS | FOLLOWS
    } else {
        class
    }
}

/// A word that begins or heads an expression wherever it stands.
fn temporal_word(raw: &str, word: &str) -> bool {
    // "may" and "march" are verbs too; the forms decide.
    month_of(raw).is_some()
        || month_verb(word)
        || weekday_of(word).is_some()
        || number_word(word).is_some()
        || ordinal_word(word).is_some()
        || LEADS.get(word).is_some_and(|l| l.alone)
        || holiday::is_first_word(word)
        || word.starts_with("mid")
}

/// Whether a temporal word stands within reach after a lead: a number, a
/// word that begins an expression, a period or part of the day ("the
/// day before", "the morning of"), or a head ("a while ago").
fn temporal_word_follows(text: &str, from: usize, ahead: &mut Ahead) -> bool {
    let reach = crate::text::after(text, from, LEAD_REACH_BYTES);
    let words = reach
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(LEAD_REACH_WORDS);
    for raw in words {
        if raw.starts_with(|c: char| c.is_ascii_digit()) {
            return true;
        }
        // Where the word stands in `text`: `reach` is a slice of it.
        let at = from + (raw.as_ptr() as usize - reach.as_ptr() as usize);
        if ahead.class(at, raw) & FOLLOWS != 0 {
            return true;
        }
    }
    false
}

/// A word that makes a lead before it begin an expression: one that
/// begins one itself, a period or part of the day, or a head.
fn follows(word: &str) -> bool {
    temporal_word(word, word)
        || period_word(word).is_some()
        || day_part_word(word).is_ok()
        || LEADS.get(word).is_some_and(|l| l.head)
}

/// A word starts at `i` that is not the tail of a number or an amount.
pub(crate) fn word_start(text: &str, i: usize) -> bool {
    // Most positions are told by their bytes alone: ASCII that is no
    // letter or digit, or the inside of an ASCII word.
    let bytes = text.as_bytes();
    if bytes.get(i).is_some_and(|b| b.is_ascii() && !b.is_ascii_alphanumeric())
        || i > 0 && bytes[i - 1].is_ascii_alphanumeric()
    {
        return false;
    }
    if !text[i..].starts_with(|c: char| c.is_alphanumeric()) {
        return false;
    }
    let mut prev = text[..i].chars().rev();
    match prev.next() {
        None => true,
        Some(p) if p.is_alphanumeric() || matches!(p, '$' | '€' | '£' | '¥' | '-' | '/' | '\'') => {
            // "pre-2014" and "2009-2010" start at the year, "Nov 18-Dec 19"
            // at the month.
            p == '-' && {
                let before = &text[..i - 1];
                if text[i..].starts_with(|c: char| c.is_ascii_digit()) {
                    before.ends_with(|c: char| c.is_alphabetic())
                        || before.len() >= 4 && before.as_bytes()[before.len() - 4..].iter().all(u8::is_ascii_digit)
                } else {
                    before.ends_with(|c: char| c.is_ascii_digit())
                }
            }
        }
        Some('.' | ',' | ':') => !prev.next().is_some_and(|c| c.is_ascii_digit()),
        Some(_) => true,
    }
}

pub(crate) fn trailing_space(s: &str) -> usize {
    s.len() - s.trim_end().len()
}

/// Context checks that the grammar alone cannot make.
pub(crate) fn accept(text: &str, start: usize, end: usize, expr: &DateExpr) -> bool {
    let after = &text[end..];
    let number_follows = after.starts_with('%')
        || (after.starts_with(['.', ',']) && after[1..].starts_with(|c: char| c.is_ascii_digit()));
    let prev = prev_word(text, start);
    let matched = &text[start..end];
    match expr {
        // A year inside a figure ("$2024", "2024%", "2,024"), a number chain
        // ("138-2010-2015", "2015-32") or a count ("2000 pieces of") is not a year.
        DateExpr::Calendar {
            year: Some(_),
            month: None,
            ..
        } => !number_follows && !in_number_chain(text, start, end) && !counts_something(after),
        // "a second round", "a minute detail": an ordinal or adjective, not a duration.
        DateExpr::Duration {
            amount: Some(n),
            period: Period::Second | Period::Minute,
        } if *n == Decimal::int(1) => !after.trim_start().starts_with(|c: char| c.is_lowercase()),
        // A month alone is a date only after a word that introduces one.
        DateExpr::Month { strict: false, .. }
            if matched.starts_with(|c: char| c.is_uppercase()) && !matched.contains(' ') =>
        {
            introduces(&prev, Context::Month)
        }
        // "4-22" and "4.22" without a year only after a preposition; "4/22" anywhere.
        DateExpr::Calendar {
            year: None,
            month: Some(_),
            day: Some(_),
            weekday: None,
            ..
        } if matched.starts_with(|c: char| c.is_ascii_digit()) && !matched.contains(' ') => {
            !number_follows && (matched.contains('/') || introduces(&prev, Context::Numeric))
        }
        // "Christmas" in "the Christmas market" is no date: a holiday dates
        // something after a temporal preposition or with its year.
        DateExpr::Holiday {
            year: None,
            year_offset: None,
            relation: None,
            ..
        } => introduces(&prev, Context::Holiday),
        // "2:00" alone may be a score or a ratio; after "at", "after",
        // "until"... it is a time.
        DateExpr::Time(c) => {
            !(c.minute == Some(0) && c.second.is_none() && !matched.chars().any(|ch| ch.is_alphabetic()))
                || introduces(&prev, Context::Time)
        }
        _ => true,
    }
}

/// Whether the digits at `start..end` sit in a chain of numbers joined by
/// dashes that is not a span of two years ("2009-2010").
pub(crate) fn in_number_chain(text: &str, start: usize, end: usize) -> bool {
    let b = text.as_bytes();
    let digits_before = |mut i: usize| {
        let e = i;
        while i > 0 && b[i - 1].is_ascii_digit() {
            i -= 1;
        }
        (i, e - i)
    };
    let digits_after = |mut i: usize| {
        let s = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        (i, i - s)
    };
    let dash_before = start > 0 && b[start - 1] == b'-';
    let dash_after = b.get(end) == Some(&b'-') && b.get(end + 1).is_some_and(u8::is_ascii_digit);
    if dash_before {
        let (s, n) = digits_before(start - 1);
        // After a word ("pre-2014") it is a year; after a year it is a span.
        if n == 0 {
            return false;
        }
        if n != 4 || s > 0 && (b[s - 1] == b'-' || b[s - 1].is_ascii_digit()) || dash_after {
            return true;
        }
    }
    if dash_after {
        // "2009-2010" and "1957-58" are spans of years; "2015-32" is not.
        let (e, n) = digits_after(end + 1);
        let short_span = n == 2 && end - start == 4 && {
            let from: i32 = text[start + 2..end].parse().unwrap_or(0);
            let to: i32 = text[end + 1..e].parse().unwrap_or(0);
            (1..=9).contains(&(to - from).rem_euclid(100))
        };
        return !(n == 4 || short_span) || b.get(e) == Some(&b'-');
    }
    false
}

/// "2000 pieces of", "1500 tons of": a count of something, not a year.
pub(crate) fn counts_something(after: &str) -> bool {
    let mut words = after.split_whitespace();
    let noun = words.next().unwrap_or("");
    noun.len() > 2 && noun.ends_with('s') && noun.chars().all(|c| c.is_ascii_lowercase()) && words.next() == Some("of")
}
