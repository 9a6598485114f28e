//! Temporal expressions: a nom grammar for the dates, times, durations and
//! relative days that news English uses, normalized to TIMEX3 values.
//!
//! At every word start every form of the grammar is tried and the longest
//! match wins ("Friday the 15th" over "Friday"). Relative forms keep their
//! direction (past or future, from the words before them) until they are
//! resolved against the publication date.

use jiff::civil::Date;
use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_while_m_n, take_while1},
    character::complete::{char, space0, space1},
    combinator::{map, map_opt, not, opt, peek, recognize, value, verify},
    sequence::{preceded, terminated},
};

mod clock;
mod compose;
mod holiday;
mod interval;

use super::number::{below_hundred, boundary, fail, kw, number_word, tag_ci};
use crate::claim::{DateValue, TimexType, TimexValue};
use crate::span::Span;
pub use clock::{Clock, DayPart};
use clock::{at_hour, clock, clock_range, hour_in_part, hours_beside_a_day, part_phrase};

/// Which way a relative expression points from its anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// On or before the anchor: "said on Wednesday".
    Past,
    /// After the anchor: "will meet on Friday".
    Future,
}

/// A unit of calendar or clock time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Day,
    Week,
    Month,
    Year,
    Decade,
    Hour,
    Minute,
    Second,
}

impl Period {
    pub fn is_clock(self) -> bool {
        matches!(self, Period::Hour | Period::Minute | Period::Second)
    }
}

/// A season, TIMEX3's `SP`, `SU`, `FA`, `WI`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// Order within a year (winter counted with the December that opens it).
    fn rank(self) -> u8 {
        match self {
            Season::Spring => 1,
            Season::Summer => 2,
            Season::Fall => 3,
            Season::Winter => 4,
        }
    }

    fn of_month(m: i8) -> Season {
        match m {
            3..=5 => Season::Spring,
            6..=8 => Season::Summer,
            9..=11 => Season::Fall,
            _ => Season::Winter,
        }
    }
}

/// A parsed temporal expression, before resolution against an anchor.
#[derive(Debug, Clone, PartialEq)]
pub enum DateExpr {
    /// A calendar date, possibly missing its year, month or day.
    Calendar {
        year: Option<i16>,
        month: Option<u8>,
        day: Option<u8>,
        /// A weekday written beside the date: it pins a missing year or month.
        weekday: Option<u8>,
        time: Option<Clock>,
    },
    /// A month without a year: "in August", "last June".
    Month {
        month: u8,
        direction: Direction,
        /// "last"/"next": never the anchor's own month.
        strict: bool,
    },
    /// A weekday (1 = Monday); `week` counts ISO weeks from the anchor's
    /// ("next Sunday" = 1) where the text fixes it.
    Weekday {
        weekday: u8,
        direction: Direction,
        week: Option<i32>,
        part: Option<DayPart>,
        time: Option<Clock>,
    },
    /// A holiday: "Easter 2018", "last Thanksgiving", "Christmas".
    Holiday {
        rule: holiday::Rule,
        year: Option<i16>,
        /// "of this year" = 0, "of next year" = 1.
        year_offset: Option<i32>,
        /// "last" = -1, "this" = 0, "next" = 1.
        relation: Option<i32>,
        direction: Direction,
    },
    /// A day at a distance from a named one: "3 days after January 12th",
    /// "two weeks before Christmas".
    Anchored {
        amount: u32,
        period: Period,
        sign: i32,
        base: Box<DateExpr>,
    },
    /// A quarter (`span` 3) or half (`span` 6) of a year: "Q3 2019", "the
    /// first half of next year", "the fourth quarter".
    Quarter {
        index: u8,
        span: u8,
        year: Option<i16>,
        year_offset: Option<i32>,
        direction: Direction,
    },
    /// A quarter counted from the anchor's: "last quarter" = -1.
    QuarterFrom(i32),
    /// A week of a year or of a month (`n` 0 = the last): "the first week
    /// of 2015", "the last week of July", "week 31".
    Week {
        n: u8,
        year: Option<i16>,
        year_offset: Option<i32>,
        month: Option<u8>,
        month_offset: Option<i32>,
    },
    /// The first or last stretch of a year or month: "the first nine months
    /// of 2024", "the last three weeks of this year".
    PartOf {
        first: bool,
        amount: u32,
        period: Period,
        whole: Box<DateExpr>,
    },
    /// A month of a year counted from the anchor's: "this September".
    MonthOfYear {
        month: u8,
        year_offset: i32,
    },
    /// A day of a month counted from the anchor's: "20th of next month".
    DayOfMonth {
        day: u8,
        month_offset: i32,
    },
    /// The n-th (0 = last) weekday of a month: "the first Friday of July"
    /// (`month` named) or "of next month" (`month_offset`).
    NthWeekday {
        n: u8,
        weekday: u8,
        month: Option<u8>,
        month_offset: i32,
    },
    /// A day counted from the anchor: yesterday = -1.
    RelativeDay {
        offset: i32,
        part: Option<DayPart>,
        time: Option<Clock>,
    },
    /// This, last or next week, month or year.
    RelativePeriod {
        period: Period,
        offset: i32,
    },
    /// A date at a distance from a day near the anchor: "two days ago"
    /// (sign -1, base 0), "two days from tomorrow" (sign 1, base 1).
    Shift {
        parts: Vec<(u32, Period)>,
        sign: i32,
        base: i32,
    },
    Duration {
        amount: Option<String>,
        period: Period,
    },
    /// A duration of several units: "1 hour and 30 minutes" (`PT1H30M`).
    Compound(Vec<(u32, Period)>),
    Season {
        season: Season,
        offset: i32,
    },
    Decade(i16),
    Century(i16),
    /// A clock time with no day: "at 3pm".
    Time(Clock),
    /// A part of a day with no day: "in the morning".
    Part(DayPart),
    /// PRESENT_REF, PAST_REF, FUTURE_REF.
    Ref(&'static str),
    /// A recurrence: "every Monday", "annually".
    Set(String),
    /// From one point to another: "2014 to 2018", "Feb. 12-14", "5 to 6pm".
    Range {
        from: Box<DateExpr>,
        to: Box<DateExpr>,
    },
}

impl DateExpr {
    /// Whether the expression names one day ("March 3", "Wednesday",
    /// "yesterday", "Christmas", "3 days after January 12th").
    pub fn names_a_day(&self) -> bool {
        matches!(
            self,
            DateExpr::Calendar { day: Some(_), .. }
                | DateExpr::Weekday { .. }
                | DateExpr::RelativeDay { .. }
                | DateExpr::Holiday { .. }
                | DateExpr::Anchored { .. }
        )
    }
}

/// A temporal expression found in cleaned text.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    pub span: Span,
    pub expr: DateExpr,
}

type R<'a, T> = IResult<&'a str, T>;

/// A keyword written in lowercase, at a word boundary.
fn lower_kw<'a>(w: &'static str) -> impl Parser<&'a str, Output = &'a str, Error = nom::error::Error<&'a str>> {
    terminated(tag(w), boundary)
}

fn word(i: &str) -> R<'_, &str> {
    take_while1(|c: char| c.is_alphabetic())(i)
}

/// `w` in lower case in a stack buffer, for the word lists below: they run
/// for most words of a text, so without allocating. Words that are not
/// ASCII or longer than 16 bytes are in none of the lists.
fn ascii_lower<'b>(w: &str, buf: &'b mut [u8; 16]) -> Option<&'b str> {
    if w.len() > buf.len() || !w.is_ascii() {
        return None;
    }
    let out = &mut buf[..w.len()];
    out.copy_from_slice(w.as_bytes());
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

fn month_of(w: &str) -> Option<u8> {
    let mut buf = [0; 16];
    let lower = ascii_lower(w, &mut buf)?;
    // "may" and "march" are also verbs: only their capitalized forms are months.
    if (lower == "may" || lower == "march") && !w.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    Some(match lower {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

fn weekday_of(w: &str) -> Option<u8> {
    Some(match ascii_lower(w, &mut [0; 16])? {
        "monday" | "mon" | "mondays" => 1,
        "tuesday" | "tue" | "tues" | "tuesdays" => 2,
        "wednesday" | "wed" | "wednesdays" => 3,
        "thursday" | "thu" | "thur" | "thurs" | "thursdays" => 4,
        "friday" | "fri" | "fridays" => 5,
        "saturday" | "sat" | "saturdays" => 6,
        "sunday" | "sun" | "sundays" => 7,
        _ => return None,
    })
}

fn ordinal_word(w: &str) -> Option<u8> {
    Some(match ascii_lower(w, &mut [0; 16])? {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        _ => return None,
    })
}

/// An abbreviation's period ("Feb.", "Wed."), never a full word's full stop.
fn abbrev_dot<'a>(w: &str, rest: &'a str) -> &'a str {
    if w.len() <= 4 {
        rest.strip_prefix('.').unwrap_or(rest)
    } else {
        rest
    }
}

fn month(i: &str) -> R<'_, u8> {
    let (rest, w) = word(i)?;
    let Some(m) = month_of(w) else { return fail(i) };
    Ok((month_dot(w, rest), m))
}

/// "Feb." keeps its dot; "May.", "June." and "July." end a sentence.
fn month_dot<'a>(w: &str, rest: &'a str) -> &'a str {
    if ["may", "june", "july"].contains(&w.to_lowercase().as_str()) {
        rest
    } else {
        abbrev_dot(w, rest)
    }
}

/// A month name written as a proper noun (for months standing alone).
fn capital_month(i: &str) -> R<'_, u8> {
    let (rest, w) = word(i)?;
    if w.len() < 3 || !w.starts_with(|c: char| c.is_uppercase()) {
        return fail(i);
    }
    let Some(m) = month_of(w) else { return fail(i) };
    Ok((month_dot(w, rest), m))
}

fn weekday(i: &str) -> R<'_, u8> {
    let (rest, w) = word(i)?;
    // Short forms only capitalized: "sat", "sun", "wed" are words.
    if w.len() <= 4 && !w.starts_with(|c: char| c.is_uppercase()) {
        return fail(i);
    }
    // "Tuesdays" recur: a set, not a day.
    if w.to_lowercase().ends_with("days") {
        return fail(i);
    }
    let Some(d) = weekday_of(w) else { return fail(i) };
    Ok((abbrev_dot(w, rest), d))
}

fn digits(min: usize, max: usize) -> impl FnMut(&str) -> R<'_, &str> {
    move |i| {
        terminated(
            take_while_m_n(min, max, |c: char| c.is_ascii_digit()),
            not(peek(take_while_m_n(1, 1, |c: char| c.is_ascii_digit()))),
        )
        .parse(i)
    }
}

fn num_in(min: usize, max: usize, lo: u32, hi: u32) -> impl FnMut(&str) -> R<'_, u32> {
    move |i| {
        map_opt(digits(min, max), |d: &str| {
            d.parse::<u32>().ok().filter(|n| (lo..=hi).contains(n))
        })
        .parse(i)
    }
}

/// A day of the month: `13`, `13th`, `thirteenth`, `twenty-first`, `twenty one`.
fn day_number(i: &str) -> R<'_, u8> {
    let numeric = |i| -> R<'_, u8> {
        let (rest, d) = num_in(1, 2, 1, 31)(i)?;
        let (rest, _) = opt(alt((tag_ci("st"), tag_ci("nd"), tag_ci("rd"), tag_ci("th")))).parse(rest)?;
        let (rest, _) = boundary(rest)?;
        Ok((rest, d as u8))
    };
    alt((numeric, day_words)).parse(i)
}

/// A day of the month in words: an ordinal, or a compound past twelve
/// ("twenty one"); "one" to "twelve" alone are too common to be days.
fn day_words(i: &str) -> R<'_, u8> {
    let (rest, w) = word(i)?;
    if let Some(o) = ordinal_word(w) {
        return Ok((rest, o));
    }
    let Some(n) = number_word(w) else { return fail(i) };
    if n == 20 || n == 30 {
        let mut unit = preceded(alt((tag("-"), space1)), word);
        if let Ok((rest2, u)) = unit.parse(rest) {
            let add = ordinal_word(u)
                .map(u32::from)
                .or_else(|| number_word(u))
                .filter(|a| *a < 10);
            if let Some(a) = add.filter(|a| n + a <= 31) {
                return Ok((rest2, (n + a) as u8));
            }
        }
        return Ok((rest, n as u8));
    }
    if (13..=19).contains(&n) {
        Ok((rest, n as u8))
    } else {
        fail(i)
    }
}

fn year(i: &str) -> R<'_, i16> {
    map_opt(digits(4, 4), |y: &str| {
        y.parse::<i16>().ok().filter(|y| (1000..=2999).contains(y))
    })
    .parse(i)
}

/// A year written with two digits in a numeric date: `16` → 2016, `89` → 1989.
fn short_year(i: &str) -> R<'_, i16> {
    let (rest, y) = num_in(2, 2, 0, 99)(i)?;
    Ok((rest, if y < 50 { 2000 + y as i16 } else { 1900 + y as i16 }))
}

/// A clock time after a date: `10:10 AM`, `T22:25`, `, at 4 p.m.`
fn time_tail(i: &str) -> R<'_, Clock> {
    alt((
        preceded(
            alt((
                value((), (space0, char('T'))),
                value((), (opt(char(',')), space1, opt((kw("at"), space1)))),
            )),
            clock,
        ),
        // Once the day is named, "at" makes a bare hour a time: "Sat at 5".
        preceded(
            (opt(char(',')), space1, alt((kw("at"), tag("@"), kw("around"))), space1),
            at_hour,
        ),
    ))
    .parse(i)
}

/// The year after a day or month: `, 2025`, ` , 1994`, ` of 1995`, ` in
/// 2020`, ` of 87`, and in compact forms `-2020`, `/2020`.
fn year_tail(i: &str) -> R<'_, i16> {
    alt((
        preceded((space0, char(','), space0), year),
        preceded((space1, alt((kw("of"), kw("in"))), space1), year),
        preceded((space1, kw("of"), space1), short_year),
        preceded(space1, year),
        preceded(alt((char('-'), char('/'))), year),
        preceded(space1, word_year),
    ))
    .parse(i)
}

fn opt_year(i: &str) -> R<'_, Option<i16>> {
    opt(year_tail).parse(i)
}

fn calendar(
    year: Option<i16>,
    month: Option<u8>,
    day: Option<u8>,
    weekday: Option<u8>,
    time: Option<Clock>,
) -> DateExpr {
    DateExpr::Calendar {
        year,
        month,
        day,
        weekday,
        time,
    }
}

/// `2025-02-13`, `2025-02-13 22:25:00`, `2015/08/12`, `2015.5.13`, `2019-sep-1`.
fn iso(i: &str) -> R<'_, DateExpr> {
    let (rest, y) = year(i)?;
    let (rest, s) = alt((char('-'), char('/'), char('.'))).parse(rest)?;
    let (rest, m) = alt((map(num_in(1, 2, 1, 12), |m| m as u8), month)).parse(rest)?;
    let (rest, _) = char(s).parse(rest)?;
    let (rest, d) = num_in(1, 2, 1, 31)(rest)?;
    let (rest, time) = opt(time_tail).parse(rest)?;
    Ok((rest, calendar(Some(y), Some(m), Some(d as u8), None, time)))
}

/// `02/22/2016`, `21/04/16`, `3-7-2017`, `13.5.2015`, `08/12,2015`: with
/// slashes and dashes the month comes first unless it cannot (US news
/// style); with dots the day comes first unless it cannot (European style).
fn numeric_dmy(i: &str) -> R<'_, DateExpr> {
    let (rest, a) = num_in(1, 2, 1, 31)(i)?;
    let (rest, s) = alt((char('/'), char('-'), char('.'))).parse(rest)?;
    let (rest, b) = num_in(1, 2, 1, 31)(rest)?;
    // "08/12,2015"; after a comma only a full year ("11/20, 12 of Nov").
    let (rest, y) = alt((
        preceded(char(s), alt((year, short_year))),
        preceded((char(','), space0), year),
    ))
    .parse(rest)?;
    let (rest, _) = boundary(rest)?;
    let Some((m, d)) = month_day_order(a, b, s == '.') else {
        return fail(i);
    };
    Ok((rest, calendar(Some(y), Some(m), Some(d), None, None)))
}

fn month_day_order(a: u32, b: u32, day_first: bool) -> Option<(u8, u8)> {
    let md = (a <= 12).then_some((a as u8, b as u8));
    let dm = (b <= 12).then_some((b as u8, a as u8));
    if day_first { dm.or(md) } else { md.or(dm) }
}

/// `4/22`, `22/04`, and after a preposition `4-22`, `4.22`: a month and day
/// with no year.
fn numeric_md(i: &str) -> R<'_, DateExpr> {
    let (rest, a) = num_in(1, 2, 1, 31)(i)?;
    let (rest, s) = alt((char('/'), char('-'), char('.'))).parse(rest)?;
    let (rest, b) = num_in(1, 2, 1, 31)(rest)?;
    let (rest, _) = not(peek(alt((char('/'), char('-'), char('%'))))).parse(rest)?;
    let (rest, _) = not(peek((char('.'), take_while_m_n(1, 1, |c: char| c.is_ascii_digit())))).parse(rest)?;
    let (rest, _) = boundary(rest)?;
    let Some((m, d)) = month_day_order(a, b, false) else {
        return fail(i);
    };
    // "1/2", "3/4": fractions, not dates.
    if s == '/' && a < b && matches!(b, 2 | 3 | 4 | 8) {
        return fail(i);
    }
    Ok((rest, calendar(None, Some(m), Some(d), None, None)))
}

/// `Feb. 13`, `February 13, 2025`, `Oct-2`, `Oct/2`, `Oct2`, `Jan first`,
/// `September the twenty-first`, `February 14, 2025 10:10 AM`.
fn month_day(i: &str) -> R<'_, DateExpr> {
    let (rest, m) = month(i)?;
    let (rest, _) = alt((
        value((), (space1, kw("the"), space1)),
        value((), (opt(char('.')), space1)),
        value((), alt((char('-'), char('/')))),
        value((), peek(take_while_m_n(1, 1, |c: char| c.is_ascii_digit()))),
    ))
    .parse(rest)?;
    let (rest, d) = day_number(rest)?;
    let (rest, y) = opt_year(rest)?;
    let (rest, time) = opt(time_tail).parse(rest)?;
    // "Oct 26 15:50:06 2016": the year after the time.
    let (rest, y) = match (y, time) {
        (None, Some(_)) => opt(preceded(space1, year)).parse(rest)?,
        _ => (rest, y),
    };
    Ok((rest, calendar(y, Some(m), Some(d), None, time)))
}

/// `13 Feb`, `13 February 2025`, `the 3rd of March`, `second of Aug.`, `16. Nov. 2016`.
fn day_month(i: &str) -> R<'_, DateExpr> {
    let (rest, _) = opt((kw("the"), space1)).parse(i)?;
    let (rest, d) = day_number(rest)?;
    let (rest, _) = alt((
        value((), (space1, kw("of"), space1)),
        value((), (opt(char('.')), space1)),
    ))
    .parse(rest)?;
    let (rest, m) = month(rest)?;
    let (rest, y) = opt_year(rest)?;
    let (rest, time) = opt(time_tail).parse(rest)?;
    Ok((rest, calendar(y, Some(m), Some(d), None, time)))
}

/// `September 2022`, `Sept. 2022`, `early 2011`'s year is `modified_year`.
fn month_year(i: &str) -> R<'_, DateExpr> {
    let (rest, (m, y)) = (month, year_tail).parse(i)?;
    Ok((rest, calendar(Some(y), Some(m), None, None, None)))
}

/// `2017 April`, `2015-12`, `2015-3`, `12-2015`, `2016/10`: a month and
/// year. "2011-12" (the second number above the year's last two digits) is
/// a span of years, not December.
fn year_month(i: &str) -> R<'_, DateExpr> {
    let named = map((year, space1, month), |(y, _, m)| (y, m));
    let numeric = map_opt(
        (year, alt((char('-'), char('/'))), digits(1, 2), boundary),
        |(y, _, m, _): (i16, char, &str, ())| {
            let n: u8 = m.parse().ok()?;
            let span = m.len() == 2 && (1..=9).contains(&(i16::from(n) - y % 100));
            ((1..=12).contains(&n) && !span).then_some((y, n))
        },
    );
    let month_first = map(
        (num_in(1, 2, 1, 12), alt((char('-'), char('/'))), year, boundary),
        |(m, _, y, _)| (y, m as u8),
    );
    let (rest, (y, m)) = alt((named, numeric, month_first)).parse(i)?;
    let (rest, _) = not(peek((
        alt((char('-'), char('/'), char('.'))),
        take_while_m_n(1, 1, |c: char| c.is_ascii_digit()),
    )))
    .parse(rest)?;
    Ok((rest, calendar(Some(y), Some(m), None, None, None)))
}

/// `1957-58`, `2011-12`: a span of years with the second one shortened.
fn short_year_span(i: &str) -> R<'_, DateExpr> {
    let (rest, (y, _, n, _)) = (year, alt((char('-'), char('–'))), num_in(2, 2, 0, 99), boundary).parse(i)?;
    let (rest, _) = not(peek((
        alt((char('-'), char('/'), char('.'))),
        take_while_m_n(1, 1, |c: char| c.is_ascii_digit()),
    )))
    .parse(rest)?;
    let gap = (n as i16 - y % 100).rem_euclid(100);
    if !(1..=9).contains(&gap) {
        return fail(i);
    }
    Ok((
        rest,
        range(
            calendar(Some(y), None, None, None, None),
            calendar(Some(y + gap), None, None, None, None),
        ),
    ))
}

/// `05-Aug-2016`, `23/Sep/2020`: a day, a month name and a year, compact.
fn compact_dmy(i: &str) -> R<'_, DateExpr> {
    let (rest, (d, s, m)) = (num_in(1, 2, 1, 31), alt((char('-'), char('/'))), month).parse(i)?;
    let (rest, (_, y)) = (char(s), year).parse(rest)?;
    Ok((rest, calendar(Some(y), Some(m), Some(d as u8), None, None)))
}

/// `Wednesday (February 12)`, `Wed 5 Mar 2025`, `Thursday, Feb. 13`, `Friday the 15th`.
fn weekday_date(i: &str) -> R<'_, DateExpr> {
    let (rest, _) = opt((alt((kw("this"), kw("next"), kw("last"), kw("coming"))), space1)).parse(i)?;
    let (rest, wd) = weekday(rest)?;
    let (rest, _) = alt((
        value((), (opt(char(',')), space1)),
        value((), char('-')),
        value((), space0),
    ))
    .parse(rest)?;
    let paren = map(
        (char('('), alt((month_day, day_month, numeric_md)), char(')')),
        |(_, e, _)| e,
    );
    let the_day = map((kw("the"), space1, day_number), |(_, _, d)| {
        calendar(None, None, Some(d), None, None)
    });
    // "Friday 7/6", but "Monday 1-3" is a range of hours.
    let dashed = rest.trim_start_matches(|c: char| c.is_ascii_digit()).starts_with('-');
    let slashed = verify(numeric_md, |_| !dashed);
    let (rest, expr) = alt((paren, iso, numeric_dmy, month_day, day_month, slashed, the_day)).parse(rest)?;
    match expr {
        DateExpr::Calendar {
            year, month, day, time, ..
        } => Ok((rest, calendar(year, month, day, Some(wd), time))),
        _ => fail(i),
    }
}

fn day_part(i: &str) -> R<'_, DayPart> {
    preceded(
        (
            opt((kw("in"), space1, kw("the"), space1)),
            opt((alt((kw("early"), kw("late"))), space1)),
        ),
        alt((
            value(DayPart::Morning, kw("morning")),
            value(DayPart::Afternoon, kw("afternoon")),
            value(DayPart::Evening, kw("evening")),
            value(DayPart::Night, kw("night")),
        )),
    )
    .parse(i)
}

/// What may follow a day: a part of it or a clock time.
fn day_tail(i: &str) -> R<'_, (Option<DayPart>, Option<Clock>)> {
    alt((
        // "Sunday evening at 7": the part sets the clock's meridiem.
        map((preceded(space1, day_part), time_tail), |(p, c)| {
            (None, Some(c.in_part(p)))
        }),
        map(preceded(space1, day_part), |p| (Some(p), None)),
        map(time_tail, |c| (None, Some(c))),
        value((None, None), space0),
    ))
    .parse(i)
}

/// `next`, `this`, `last` as a week offset.
fn week_word(i: &str) -> R<'_, i32> {
    alt((
        value(-1, alt((kw("last"), kw("previous"), kw("past")))),
        value(0, kw("this")),
        value(1, alt((kw("next"), kw("following")))),
    ))
    .parse(i)
}

/// `Friday`, `next Sunday`, `Friday afternoon`, `Tuesday in the morning`,
/// `this week Friday`, `Friday next week`, `Sunday of next week`.
fn weekday_expr(i: &str) -> R<'_, DateExpr> {
    let lead_week = map(
        (week_word, space1, kw("week"), space1, opt((kw("on"), space1))),
        |(w, ..)| w,
    );
    let lead_word = alt((
        value(Some(1), alt((kw("next"), kw("following")))),
        value(Some(0), kw("this")),
        value(Some(-1), alt((kw("last"), kw("previous")))),
        value(None, kw("coming")),
    ));
    let (rest, lead) = opt(alt((map(lead_week, Some), terminated(lead_word, space1)))).parse(i)?;
    let (rest, wd) = weekday(rest)?;
    let (rest, trail) = opt(preceded(
        (space1, opt((kw("of"), space1)), opt((kw("the"), space1))),
        terminated(week_word, (space1, kw("week"))),
    ))
    .parse(rest)?;
    let (rest, (part, time)) = day_tail(rest)?;
    let week = trail.or(lead.flatten());
    let direction = if matches!(lead, Some(None)) {
        Direction::Future
    } else {
        Direction::Past
    };
    Ok((
        rest,
        DateExpr::Weekday {
            weekday: wd,
            direction,
            week,
            part,
            time,
        },
    ))
}

fn relative_day(i: &str) -> R<'_, DateExpr> {
    let rd = |offset: i32| DateExpr::RelativeDay {
        offset,
        part: None,
        time: None,
    };
    let tomorrow = || alt((kw("tomorrow"), kw("tmrw"), kw("tmr")));
    let (rest, base) = alt((
        map(
            (
                kw("the"),
                space1,
                kw("day"),
                space1,
                kw("before"),
                space1,
                kw("yesterday"),
            ),
            |_| rd(-2),
        ),
        map(
            (kw("the"), space1, kw("day"), space1, kw("after"), space1, tomorrow()),
            |_| rd(2),
        ),
        map(kw("today"), |_| rd(0)),
        map(alt((kw("tonight"), kw("tonite"))), |_| DateExpr::RelativeDay {
            offset: 0,
            part: Some(DayPart::Night),
            time: None,
        }),
        map(kw("yesterday"), |_| rd(-1)),
        map(tomorrow(), |_| rd(1)),
        map((kw("this"), space1, day_part), |(_, _, p)| DateExpr::RelativeDay {
            offset: 0,
            part: Some(p),
            time: None,
        }),
        map((kw("last"), space1, kw("night")), |_| DateExpr::RelativeDay {
            offset: -1,
            part: Some(DayPart::Night),
            time: None,
        }),
        map(
            (
                kw("the"),
                space1,
                alt((kw("day"), kw("night"))),
                space1,
                alt((kw("before"), kw("earlier"))),
            ),
            |_| rd(-1),
        ),
        map((kw("the"), space1, kw("previous"), space1, kw("day")), |_| rd(-1)),
        map(
            (
                opt((kw("the"), space1)),
                alt((kw("next"), kw("following"))),
                space1,
                kw("day"),
            ),
            |_| rd(1),
        ),
        map((kw("the"), space1, kw("day"), space1, kw("after")), |_| rd(1)),
    ))
    .parse(i)?;
    // "tomorrow night", "yesterday morning", "tomorrow 8:00am".
    if let DateExpr::RelativeDay { offset, part: None, .. } = base {
        if let Ok((rest2, (part, time))) = day_tail(rest) {
            if part.is_some() || time.is_some() {
                return Ok((rest2, DateExpr::RelativeDay { offset, part, time }));
            }
        }
    }
    // "last night at 8", "tonight around 7".
    if let DateExpr::RelativeDay {
        offset, part: Some(p), ..
    } = base
    {
        if let Ok((rest2, c)) = time_tail(rest) {
            return Ok((
                rest2,
                DateExpr::RelativeDay {
                    offset,
                    part: None,
                    time: Some(c.in_part(p)),
                },
            ));
        }
    }
    Ok((rest, base))
}

fn period_word(w: &str) -> Option<(Period, bool)> {
    // (period, plural)
    Some(match ascii_lower(w, &mut [0; 16])? {
        "day" => (Period::Day, false),
        "days" => (Period::Day, true),
        "week" => (Period::Week, false),
        "weeks" => (Period::Week, true),
        "month" => (Period::Month, false),
        "months" => (Period::Month, true),
        "year" => (Period::Year, false),
        "years" => (Period::Year, true),
        "decade" => (Period::Decade, false),
        "decades" => (Period::Decade, true),
        "night" => (Period::Day, false),
        "nights" => (Period::Day, true),
        "hour" => (Period::Hour, false),
        // Abbreviations do not inflect: "5 min", "2.5 hr".
        "hours" | "hrs" | "hr" | "h" => (Period::Hour, true),
        "minute" => (Period::Minute, false),
        "minutes" | "mins" | "min" => (Period::Minute, true),
        "second" => (Period::Second, false),
        "seconds" | "secs" | "sec" => (Period::Second, true),
        _ => return None,
    })
}

/// A plural's possessive apostrophe ("two years' time"), never the one of
/// "'s" ("this year's").
fn plural_apostrophe(i: &str) -> R<'_, ()> {
    value((), opt((char('\''), not(peek(tag_ci("s")))))).parse(i)
}

fn period(i: &str) -> R<'_, Period> {
    let (rest, w) = word(i)?;
    let (rest, _) = plural_apostrophe(rest)?;
    match period_word(w) {
        Some((p, _)) => Ok((rest, p)),
        None => fail(i),
    }
}

/// `last week`, `this month`, `next year`, `this fiscal year`.
fn relative_period(i: &str) -> R<'_, DateExpr> {
    // "the week after next", "the month after next".
    if let Ok((rest, (_, p, ..))) = (
        (kw("the"), space1),
        verify(period, |p| matches!(p, Period::Week | Period::Month | Period::Year)),
        space1,
        kw("after"),
        space1,
        kw("next"),
    )
        .parse(i)
    {
        return Ok((rest, DateExpr::RelativePeriod { period: p, offset: 2 }));
    }
    let (rest, (which, _, _, p)) = (
        alt((
            value(-1, kw("last")),
            value(0, kw("this")),
            value(1, kw("next")),
            value(-1, kw("previous")),
        )),
        space1,
        opt((
            alt((kw("fiscal"), kw("calendar"), kw("working"), kw("work"), kw("business"))),
            space1,
        )),
        alt((
            verify(period, |p| matches!(p, Period::Week | Period::Month | Period::Year)),
            value(Period::Week, kw("workweek")),
        )),
    )
        .parse(i)?;
    Ok((
        rest,
        DateExpr::RelativePeriod {
            period: p,
            offset: which,
        },
    ))
}

/// An amount: `3`, `3.5`, `three`, `twenty four`, `a`, `an`.
fn amount(i: &str) -> R<'_, String> {
    let numeric = map(recognize((digits(1, 4), opt((char('.'), digits(1, 3))))), String::from);
    let words = |i| -> R<'_, String> {
        let (rest, w) = word(i)?;
        let Some(mut n) = number_word(w) else { return fail(i) };
        let mut rest = rest;
        // "twenty four", "twenty-four", "twenty and four"
        if n >= 20 && n % 10 == 0 {
            let mut more = preceded(alt((tag("-"), recognize((space1, kw("and"), space1)), space1)), word);
            if let Ok((r2, u)) = more.parse(rest) {
                if let Some(a) = number_word(u).filter(|a| *a < 10) {
                    n += a;
                    rest = r2;
                }
            }
        }
        Ok((rest, n.to_string()))
    };
    let fraction = alt((
        value(
            "0.5".to_string(),
            alt((tag("½"), recognize((kw("half"), space1, alt((kw("an"), kw("a"))))))),
        ),
        value("0.25".to_string(), tag("¼")),
        value("0.75".to_string(), tag("¾")),
    ));
    let (rest, n) = alt((
        fraction,
        numeric,
        words,
        value("1".to_string(), alt((kw("a"), kw("an")))),
    ))
    .parse(i)?;
    // "one and a half", "two and a quarter".
    match (n.parse::<u32>(), and_a_fraction(rest)) {
        (Ok(whole), Ok((r, f))) => Ok((r, trim_number(f64::from(whole) + f))),
        _ => Ok((rest, n)),
    }
}

/// ` and a half`, ` and half`, ` and a quarter`.
fn and_a_fraction(i: &str) -> R<'_, f64> {
    preceded(
        (space1, kw("and"), space1, opt((kw("a"), space1))),
        alt((value(0.5, kw("half")), value(0.25, kw("quarter")))),
    )
    .parse(i)
}

/// `three years`, `three-year`, `3.5years`, `an hour`, `24 hours`.
fn counted(i: &str) -> R<'_, (String, Period)> {
    let (rest, n) = amount(i)?;
    let (rest, joint) = alt((tag("-"), space1, space0)).parse(rest)?;
    let (after, w) = word(rest)?;
    let Some((p, plural)) = period_word(w) else {
        return fail(i);
    };
    // "twenty second" is a day, not twenty seconds: a singular unit takes
    // one, a fraction ("one and a half hour") or a hyphen ("three-year").
    if !plural && joint != "-" && n != "1" && !n.contains('.') {
        return fail(i);
    }
    let (rest, _) = plural_apostrophe(after)?;
    // "an hour and a half", "one year and a quarter".
    if let (Ok(whole), Ok((r, f))) = (n.parse::<u32>(), and_a_fraction(rest)) {
        return Ok((r, (trim_number(f64::from(whole) + f), p)));
    }
    Ok((rest, (n, p)))
}

/// `2 years 1 month 21 days`, `1 month and 21 days`.
fn counted_parts(i: &str) -> R<'_, Vec<(u32, Period)>> {
    let (mut rest, first) = counted(i)?;
    let mut parts = vec![first];
    loop {
        let mut next = preceded(
            alt((
                recognize((opt(char(',')), space1, kw("and"), space1)),
                recognize((opt(char(',')), space1)),
            )),
            counted,
        );
        match next.parse(rest) {
            Ok((r, p)) => {
                parts.push(p);
                rest = r;
            }
            Err(_) => break,
        }
    }
    let whole: Option<Vec<(u32, Period)>> = parts
        .into_iter()
        .map(|(n, p)| n.parse::<u32>().ok().map(|n| (n, p)))
        .collect();
    match whole {
        Some(v) => Ok((rest, v)),
        None => fail(i),
    }
}

/// `two days ago`, `2 years 21 days later`, `two days from tomorrow`,
/// `four days from yesterday`, `two days before yesterday`, `few months ago`.
fn shift(i: &str) -> R<'_, DateExpr> {
    let few = map(
        (
            opt((kw("a"), space1)),
            alt((kw("few"), kw("several"), kw("some"))),
            space1,
            period,
        ),
        |(_, _, _, p)| vec![(3u32, p)],
    );
    let (rest, _) = opt(hedge).parse(i)?;
    let (rest, parts) = alt((counted_parts, few)).parse(rest)?;
    let (rest, (sign, base)) = preceded(
        space1,
        alt((
            value((-1, 0), kw("ago")),
            value((1, 0), kw("later")),
            value((1, 1), (kw("from"), space1, alt((kw("tomorrow"), kw("tmrw"))))),
            value((-1, 1), (kw("before"), space1, kw("tomorrow"))),
            value((1, -1), (alt((kw("from"), kw("after"))), space1, kw("yesterday"))),
            value((-1, -1), (kw("before"), space1, kw("yesterday"))),
            value((1, 0), (kw("after"), space1, kw("today"))),
            value((-1, 0), (kw("before"), space1, kw("today"))),
        )),
    )
    .parse(rest)?;
    Ok((rest, DateExpr::Shift { parts, sign, base }))
}

/// Hedges that TIMEX3 keeps inside a duration's span.
fn hedge(i: &str) -> R<'_, ()> {
    value(
        (),
        (
            alt((
                recognize((kw("more"), space1, kw("than"))),
                recognize((kw("less"), space1, kw("than"))),
                recognize((kw("at"), space1, kw("least"))),
                recognize((kw("a"), space1, kw("mere"))),
                kw("almost"),
                kw("nearly"),
                kw("about"),
                kw("around"),
                kw("roughly"),
                kw("some"),
                kw("over"),
                kw("only"),
                kw("just"),
            )),
            space1,
        ),
    )
    .parse(i)
}

/// `three years`, `almost seven years`, `the past two years`, `a decade`,
/// `several days`, `the next few months`, `recent weeks`, `for years`.
fn duration(i: &str) -> R<'_, DateExpr> {
    let lead = alt((
        value(
            (),
            (
                kw("the"),
                space1,
                alt((
                    kw("past"),
                    kw("next"),
                    kw("last"),
                    kw("coming"),
                    kw("previous"),
                    kw("following"),
                )),
                space1,
            ),
        ),
        value((), (alt((kw("recent"), kw("coming"), kw("past"))), space1)),
        value((), (kw("the"), space1)),
        hedge,
    ));
    let (rest, lead) = opt(lead).parse(i)?;
    // "the next decade", "the past year": one unit.
    if lead.is_some() && rest.len() < i.len() {
        if let Ok((r, w)) = word(rest) {
            if let Some((p, false)) = period_word(w).filter(|_| w.chars().all(|c| c.is_lowercase())) {
                if i[..i.len() - rest.len()]
                    .trim_end()
                    .ends_with(|c: char| c.is_alphabetic())
                    && !matches!(p, Period::Day)
                {
                    let lead_text = i[..i.len() - rest.len()].to_lowercase();
                    if ["past", "next", "last", "coming", "previous", "following"]
                        .iter()
                        .any(|l| lead_text.contains(l))
                    {
                        return Ok((r, duration_of(Some("1".into()), p)));
                    }
                }
            }
        }
    }
    // Counted parts: "1 hour and 30 minutes", "2 years 1 month".
    if let Ok((r, parts)) = counted_parts(rest) {
        if parts.len() > 1 {
            return Ok((r, DateExpr::Compound(parts)));
        }
    }
    // A counted amount.
    if let Ok((r, (n, p))) = counted(rest) {
        let (r, _) = plural_apostrophe(r)?;
        return Ok((r, duration_of(Some(n), p)));
    }
    // A vague one: "several days", "a few weeks", or a bare plural unit.
    let (rest, _) = opt(alt((
        recognize((kw("a"), space1, kw("few"), space1)),
        recognize((alt((kw("several"), kw("few"), kw("many"))), space1)),
    )))
    .parse(rest)?;
    let (rest, w) = word(rest)?;
    // An abbreviation ("h", "hrs") counts only after a number: alone it is
    // a letter of a word or a link.
    let abbreviation = w.len() <= 3;
    match period_word(w) {
        Some((p, true))
            if !abbreviation && (w.chars().all(|c| c.is_lowercase()) || i.len() != rest.len() + w.len()) =>
        {
            Ok((rest, duration_of(None, p)))
        }
        _ => fail(i),
    }
}

fn duration_of(amount: Option<String>, p: Period) -> DateExpr {
    DateExpr::Duration { amount, period: p }
}

/// `early December`, `late last July`, `mid-2014`, `early 2011`: the
/// modifier is part of the expression, not of its value.
fn modified(i: &str) -> R<'_, DateExpr> {
    let (rest, _) = alt((
        recognize((alt((kw("early"), kw("late"), kw("mid"))), space1)),
        tag_ci("mid-"),
        recognize((
            kw("the"),
            space1,
            alt((kw("end"), kw("beginning"), kw("start"), kw("middle"))),
            space1,
            kw("of"),
            space1,
        )),
    ))
    .parse(i)?;
    alt((
        month_year,
        month_rel,
        map(verify(year, |y| (1900..=2099).contains(y)), |y| {
            calendar(Some(y), None, None, None, None)
        }),
        month_alone,
    ))
    .parse(rest)
}

/// `last June`, `next May`, `this September`, `since this August`.
fn month_rel(i: &str) -> R<'_, DateExpr> {
    let (rest, (which, _, m)) = (
        alt((value(-1, kw("last")), value(0, kw("this")), value(1, kw("next")))),
        space1,
        month,
    )
        .parse(i)?;
    let (direction, strict) = match which {
        -1 => (Direction::Past, true),
        1 => (Direction::Future, true),
        // "this September" is the anchor year's, before or after the anchor.
        _ => {
            return Ok((
                rest,
                DateExpr::MonthOfYear {
                    month: m,
                    year_offset: 0,
                },
            ));
        }
    };
    Ok((
        rest,
        DateExpr::Month {
            month: m,
            direction,
            strict,
        },
    ))
}

/// A month name alone; the words before it decide whether it is a date.
fn month_alone(i: &str) -> R<'_, DateExpr> {
    let (rest, m) = capital_month(i)?;
    Ok((
        rest,
        DateExpr::Month {
            month: m,
            direction: Direction::Past,
            strict: false,
        },
    ))
}

/// `20th of next month`, `the 31st of this month`.
fn day_of_month(i: &str) -> R<'_, DateExpr> {
    let (rest, (_, d, _, _, _, off, _, _)) = (
        opt((kw("the"), space1)),
        day_number,
        space1,
        opt(kw("of")),
        space0,
        alt((
            value(-1, kw("last")),
            value(-1, kw("previous")),
            value(0, kw("this")),
            value(1, kw("next")),
        )),
        space1,
        kw("month"),
    )
        .parse(i)?;
    Ok((
        rest,
        DateExpr::DayOfMonth {
            day: d,
            month_offset: off,
        },
    ))
}

/// `the 27th`, `the 21st`: a day of a month left unsaid; and at the end of
/// a clause `the 27`, `the second`.
fn the_day(i: &str) -> R<'_, DateExpr> {
    let suffix = || alt((tag_ci("st"), tag_ci("nd"), tag_ci("rd"), tag_ci("th")));
    // "the 1st week", "the 3rd round": an ordinal before its noun.
    let nouns = alt((
        kw("week"),
        kw("weekend"),
        kw("time"),
        kw("round"),
        kw("day"),
        kw("quarter"),
        kw("half"),
        kw("place"),
        kw("century"),
        kw("year"),
        kw("month"),
    ));
    let not_a_noun = not(peek((space1, nouns)));
    let suffixed = map(
        (kw("the"), space1, num_in(1, 2, 1, 31), suffix(), boundary, not_a_noun),
        |(_, _, d, ..)| d as u8,
    );
    let clause_end = peek((
        space0,
        alt((
            value((), nom::combinator::eof),
            value(
                (),
                (
                    take_while_m_n(1, 1, |c: char| ".!?,;".contains(c)),
                    not(peek(take_while_m_n(1, 1, |c: char| c.is_ascii_digit()))),
                ),
            ),
        )),
    ));
    let thirty = map_opt(word, |w: &str| number_word(w).filter(|n| *n == 30).map(|n| n as u8));
    let bare = map(
        (
            kw("the"),
            space1,
            alt((day_number, map(num_in(1, 2, 1, 31), |d| d as u8), thirty)),
            // Only where the clause ends: "the second round" is no date.
            clause_end,
        ),
        |(_, _, d, _)| d,
    );
    let (rest, d) = alt((suffixed, bare)).parse(i)?;
    Ok((rest, calendar(None, None, Some(d), None, None)))
}

/// `the first Friday of July`, `second Sunday`, `the third Wednesday of
/// previous month`, `the last Monday in May`.
fn nth_weekday(i: &str) -> R<'_, DateExpr> {
    let (rest, _) = opt((kw("the"), space1)).parse(i)?;
    let (rest, n) = alt((
        map_opt(word, |w: &str| ordinal_word(w).filter(|n| *n <= 5)),
        value(0u8, kw("last")),
    ))
    .parse(rest)?;
    let (rest, _) = space1(rest)?;
    let (rest, wd) = weekday(rest)?;
    let relative = alt((
        value(-1, kw("last")),
        value(-1, kw("previous")),
        value(0, kw("this")),
        value(1, kw("next")),
    ));
    let which = alt((
        map(month, |m| (Some(m), 0)),
        map(terminated(relative, (space1, kw("month"))), |off| (None, off)),
    ));
    let (rest, of) = opt(preceded((space1, alt((kw("of"), kw("in"))), space1), which)).parse(rest)?;
    // "last Friday" alone is a weekday, not the last of a month.
    if n == 0 && of.is_none() {
        return fail(i);
    }
    let (month, month_offset) = of.unwrap_or((None, 0));
    Ok((
        rest,
        DateExpr::NthWeekday {
            n,
            weekday: wd,
            month,
            month_offset,
        },
    ))
}

fn season_word(i: &str) -> R<'_, Season> {
    alt((
        value(Season::Spring, kw("spring")),
        value(Season::Summer, kw("summer")),
        value(Season::Fall, alt((kw("fall"), kw("autumn")))),
        value(Season::Winter, kw("winter")),
    ))
    .parse(i)
}

/// `last summer`, `this winter`, `next spring`.
fn season(i: &str) -> R<'_, DateExpr> {
    let (rest, (off, _, s)) = (
        alt((value(-1, kw("last")), value(0, kw("this")), value(1, kw("next")))),
        space1,
        season_word,
    )
        .parse(i)?;
    Ok((rest, DateExpr::Season { season: s, offset: off }))
}

/// `the 1990s`, `1990s`, `the 20th century`.
fn decade_or_century(i: &str) -> R<'_, DateExpr> {
    let decade = map(
        (
            opt((kw("the"), space1)),
            map_opt(
                recognize((take_while_m_n(3, 3, |c: char| c.is_ascii_digit()), char('0'))),
                |d: &str| d.parse::<i16>().ok(),
            ),
            alt((tag("s"), tag("'s"), tag(" s"))),
            boundary,
        ),
        |(_, d, _, _)| DateExpr::Decade(d),
    );
    // "the" stays outside a century's span, as TIMEX3 annotators write it.
    let century = map(
        (
            num_in(1, 2, 1, 30),
            alt((tag_ci("st"), tag_ci("nd"), tag_ci("rd"), tag_ci("th"))),
            space1,
            kw("century"),
        ),
        |(n, ..)| DateExpr::Century(n as i16 - 1),
    );
    alt((decade, century)).parse(i)
}

fn bare_year(i: &str) -> R<'_, DateExpr> {
    map(verify(year, |y| (1900..=2099).contains(y)), |y| {
        calendar(Some(y), None, None, None, None)
    })
    .parse(i)
}

fn references(i: &str) -> R<'_, DateExpr> {
    alt((
        value(
            DateExpr::Ref("PRESENT_REF"),
            alt((
                kw("now"),
                kw("currently"),
                kw("nowadays"),
                recognize((kw("at"), space1, kw("present"))),
                recognize((kw("at"), space1, kw("the"), space1, kw("moment"))),
                recognize((kw("at"), space1, kw("the"), space1, kw("present"), space1, kw("time"))),
            )),
        ),
        value(
            DateExpr::Ref("PAST_REF"),
            alt((
                recognize((kw("the"), space1, kw("past"))),
                recognize((kw("at"), space1, kw("the"), space1, kw("time"))),
            )),
        ),
        value(
            DateExpr::Ref("FUTURE_REF"),
            recognize((kw("the"), space1, kw("future"))),
        ),
    ))
    .parse(i)
}

/// `Tuesdays at 9am`, `Friday mornings`, `Sunday nights`: a weekday that
/// recurs, by a plural.
fn recurring_weekday(i: &str) -> R<'_, DateExpr> {
    let (rest, w) = word(i)?;
    let Some(d) = weekday_of(w).filter(|_| w.len() > 4) else {
        return fail(i);
    };
    let plural_day = w.to_lowercase().ends_with("days");
    let plural_part = alt((
        value(DayPart::Morning, kw("mornings")),
        value(DayPart::Afternoon, kw("afternoons")),
        value(DayPart::Evening, kw("evenings")),
        value(DayPart::Night, kw("nights")),
    ));
    if let Ok((r, p)) = preceded(space1, plural_part).parse(rest) {
        return Ok((r, DateExpr::Set(format!("XXXX-WXX-{d}T{}", p.code()))));
    }
    if !plural_day {
        return fail(i);
    }
    match day_tail(rest)? {
        (r, (Some(p), _)) => Ok((r, DateExpr::Set(format!("XXXX-WXX-{d}T{}", p.code())))),
        (r, (None, Some(c))) => Ok((r, DateExpr::Set(format!("XXXX-WXX-{d}T{}", c.timex())))),
        (_, (None, None)) => Ok((rest, DateExpr::Set(format!("XXXX-WXX-{d}")))),
    }
}

fn set(i: &str) -> R<'_, DateExpr> {
    let every = || alt((kw("every"), kw("each")));
    alt((
        recurring_weekday,
        map(
            (every(), space1, opt((kw("other"), space1)), weekday, opt(time_tail)),
            |(_, _, _, d, t)| {
                DateExpr::Set(match t {
                    Some(c) => format!("XXXX-WXX-{d}T{}", c.timex()),
                    None => format!("XXXX-WXX-{d}"),
                })
            },
        ),
        map((every(), space1, day_part), |(_, _, p)| {
            DateExpr::Set(format!("XXXX-XX-XXT{}", p.code()))
        }),
        map((every(), space1, period), |(_, _, p)| {
            DateExpr::Set(duration_value(Some("1"), p))
        }),
        // "every other day", "every three weeks".
        map(
            (
                every(),
                space1,
                alt((value("2".to_string(), kw("other")), amount)),
                space1,
                period,
            ),
            |(_, _, n, _, p)| DateExpr::Set(duration_value(Some(&n), p)),
        ),
        value(
            DateExpr::Set("P3M".into()),
            alt((lower_kw("quarterly"), recognize((every(), space1, kw("quarter"))))),
        ),
        value(
            DateExpr::Set("P0.5Y".into()),
            alt((
                lower_kw("semi-annually"),
                lower_kw("semiannually"),
                lower_kw("biannually"),
            )),
        ),
        value(DateExpr::Set("P1D".into()), lower_kw("everyday")),
        // Lowercase only: "Harbour Daily" is a name.
        value(
            DateExpr::Set("XXXX".into()),
            alt((lower_kw("annually"), lower_kw("yearly"))),
        ),
        value(DateExpr::Set("P1M".into()), lower_kw("monthly")),
        value(DateExpr::Set("P1W".into()), lower_kw("weekly")),
        value(DateExpr::Set("P1D".into()), lower_kw("daily")),
    ))
    .parse(i)
}

/// `the week of April 10`, `the week beginning February 4`, `w/c Feb 4`:
/// named by the day it starts from.
fn week_of(i: &str) -> R<'_, DateExpr> {
    let lead = alt((
        value(
            (),
            (
                opt((kw("the"), space1)),
                kw("week"),
                space1,
                alt((kw("of"), kw("beginning"), kw("starting"), kw("commencing"))),
                opt((space1, kw("on"))),
                space1,
            ),
        ),
        value((), (tag_ci("w/c"), space1)),
    ));
    preceded(lead, alt((month_day, day_month, numeric_md))).parse(i)
}

/// `Easter 2018`, `last Thanksgiving`, `next Christmas`, `Independence Day
/// of this year`, `the Fourth of July`.
fn holiday_expr(i: &str) -> R<'_, DateExpr> {
    let (rest, relation) = opt(terminated(
        alt((
            value(-1, alt((kw("last"), kw("previous")))),
            value(0, kw("this")),
            value(1, alt((kw("next"), kw("following"), kw("coming")))),
        )),
        space1,
    ))
    .parse(i)?;
    let (rest, _) = opt((kw("the"), space1)).parse(rest)?;
    let Some((rule, rest)) = holiday::holiday(rest) else {
        return fail(i);
    };
    let (rest, _) = boundary(rest)?;
    let (rest, year) = opt(year_tail).parse(rest)?;
    let (rest, year_offset) = if year.is_none() {
        opt(preceded(
            (space1, kw("of"), space1),
            terminated(
                alt((value(-1, kw("last")), value(0, kw("this")), value(1, kw("next")))),
                (space1, kw("year")),
            ),
        ))
        .parse(rest)?
    } else {
        (rest, None)
    };
    Ok((
        rest,
        DateExpr::Holiday {
            rule,
            year,
            year_offset,
            relation,
            direction: Direction::Past,
        },
    ))
}

fn year_ref(i: &str) -> R<'_, (Option<i16>, Option<i32>)> {
    alt((
        map(year, |y| (Some(y), None)),
        map(
            terminated(
                alt((
                    value(-1, alt((kw("last"), kw("previous")))),
                    value(0, alt((kw("this"), kw("the"), kw("current")))),
                    value(1, kw("next")),
                )),
                (space1, kw("year")),
            ),
            |k| (None, Some(k)),
        ),
    ))
    .parse(i)
}

/// `the first nine months of 2024`, `the last three weeks of this year`,
/// `first ten days of last year`, `the last 2 months of the year`.
fn part_of(i: &str) -> R<'_, DateExpr> {
    let (rest, (_, first, _, (n, period), _, _, _)) = (
        opt((kw("the"), space1)),
        alt((value(true, kw("first")), value(false, alt((kw("last"), kw("final")))))),
        space1,
        counted,
        space1,
        alt((kw("of"), kw("in"))),
        space1,
    )
        .parse(i)?;
    let Ok(amount) = n.parse::<u32>() else {
        return fail(i);
    };
    if !matches!(period, Period::Day | Period::Week | Period::Month) {
        return fail(i);
    }
    let this_year = value(
        DateExpr::RelativePeriod {
            period: Period::Year,
            offset: 0,
        },
        (kw("the"), space1, kw("year")),
    );
    let (rest, whole) = alt((month_year, relative_period, this_year, bare_year)).parse(rest)?;
    Ok((
        rest,
        DateExpr::PartOf {
            first,
            amount,
            period,
            whole: Box::new(whole),
        },
    ))
}

/// `the third month of 2021`, `the 9th month of next year`.
fn nth_month(i: &str) -> R<'_, DateExpr> {
    let numbered = map_opt(
        (
            num_in(1, 2, 1, 12),
            alt((tag_ci("st"), tag_ci("nd"), tag_ci("rd"), tag_ci("th"))),
        ),
        |(n, _)| Some(n as u8),
    );
    let worded = map_opt(word, |w: &str| ordinal_word(w).filter(|n| *n <= 12));
    let (rest, (_, m, _, _, _, _, _, (year, year_offset))) = (
        opt((kw("the"), space1)),
        alt((numbered, worded)),
        space1,
        kw("month"),
        space1,
        alt((kw("of"), kw("in"))),
        space1,
        year_ref,
    )
        .parse(i)?;
    Ok((
        rest,
        match (year, year_offset) {
            (Some(y), _) => calendar(Some(y), Some(m), None, None, None),
            (None, k) => DateExpr::MonthOfYear {
                month: m,
                year_offset: k.unwrap_or(0),
            },
        },
    ))
}

/// A rank among a few: `first` to `fifth`, `1st` to `5th`; `last` and
/// `final` are 0.
fn rank(i: &str) -> R<'_, u8> {
    map_opt(take_while1(|c: char| c.is_alphanumeric()), |w: &str| {
        match w.to_lowercase().as_str() {
            "first" | "1st" => Some(1),
            "second" | "2nd" => Some(2),
            "third" | "3rd" => Some(3),
            "fourth" | "4th" => Some(4),
            "fifth" | "5th" => Some(5),
            "last" | "final" => Some(0),
            _ => None,
        }
    })
    .parse(i)
}

/// `Q3 2019`, `2019-Q1`, `q1-2019`, `H2 2019`, `the third quarter of 2019`,
/// `the first half of next year`, `next year's first quarter`, `the fourth
/// quarter`, `last quarter`.
fn quarter(i: &str) -> R<'_, DateExpr> {
    let q = |span: u8, index: u8, (year, year_offset): (Option<i16>, Option<i32>)| DateExpr::Quarter {
        index,
        span,
        year,
        year_offset,
        direction: Direction::Past,
    };
    let code = |i| -> R<'_, (u8, u8)> {
        alt((
            map(preceded(tag_ci("q"), num_in(1, 1, 1, 4)), |n| (3u8, n as u8)),
            map(preceded(tag_ci("h"), num_in(1, 1, 1, 2)), |n| (6u8, n as u8)),
        ))
        .parse(i)
    };
    let code_year = map(
        (code, alt((char('-'), char(' '))), year, boundary),
        |((span, n), _, y, _)| q(span, n, (Some(y), None)),
    );
    let year_code = map(
        (year, alt((char('-'), char(' '))), code, boundary),
        |(y, _, (span, n), _)| q(span, n, (Some(y), None)),
    );
    // "the last quarter" is the one before this, not the fourth.
    let ordinal = || alt((value(4u8, kw("final")), verify(rank, |n| (1..=4).contains(n))));
    let part = || alt((value(3u8, kw("quarter")), value(6u8, kw("half"))));
    let named = map_opt(
        (
            opt((kw("the"), space1)),
            ordinal(),
            space1,
            part(),
            opt(preceded((space1, alt((kw("of"), kw("in"))), space1), year_ref)),
        ),
        |(the, n, _, span, y)| {
            // "the second half" alone is a match's: a half needs its year.
            if span == 6 && (n > 2 || y.is_none()) || span == 3 && the.is_none() && y.is_none() {
                return None;
            }
            Some(q(span, n, y.unwrap_or((None, None))))
        },
    );
    let possessive = map(
        (
            alt((
                map(year, |y| (Some(y), None)),
                map(
                    alt((value(-1, kw("last")), value(0, kw("this")), value(1, kw("next")))),
                    |k| (None, Some(k)),
                ),
            )),
            opt((space1, kw("year"))),
            alt((tag("'s"), tag("’s"))),
            space1,
            ordinal(),
            space1,
            part(),
        ),
        |(y, _, _, _, n, _, span)| q(span, n, y),
    );
    let relative = map(
        (
            opt((kw("the"), space1)),
            alt((
                value(-1, alt((kw("last"), kw("previous"), kw("past")))),
                value(0, alt((kw("this"), kw("current")))),
                value(1, alt((kw("next"), kw("coming"), kw("following")))),
            )),
            space1,
            kw("quarter"),
        ),
        |(_, k, ..)| DateExpr::QuarterFrom(k),
    );
    alt((code_year, year_code, possessive, named, relative)).parse(i)
}

/// `the first week of 2015`, `the last week of Dec 2016`, `3rd week of Jan`,
/// `the last week of next month`, `week 31`, `week 3 of 2027`.
fn week_in(i: &str) -> R<'_, DateExpr> {
    let week = |n, (year, year_offset): (Option<i16>, Option<i32>), month, month_offset| DateExpr::Week {
        n,
        year,
        year_offset,
        month,
        month_offset,
    };
    let nth = rank;
    let month_rel = terminated(
        alt((
            value(-1, alt((kw("last"), kw("previous")))),
            value(0, kw("this")),
            value(1, kw("next")),
        )),
        (space1, kw("month")),
    );
    let ordinal = map(
        (
            opt((kw("the"), space1)),
            nth,
            space1,
            kw("week"),
            space1,
            alt((kw("of"), kw("in"))),
            space1,
            alt((
                map((month, opt(year_tail)), |(m, y)| (None, Some(m), (y, None))),
                map(month_rel, |k| (Some(k), None, (None, None))),
                map(year_ref, |y| (None, None, y)),
            )),
        ),
        move |(_, n, _, _, _, _, _, (month_offset, m, y))| week(n, y, m, month_offset),
    );
    let numbered = map(
        (
            kw("week"),
            space1,
            num_in(1, 2, 1, 53),
            opt(preceded((space1, kw("of"), space1), year_ref)),
        ),
        move |(_, _, n, y)| week(n as u8, y.unwrap_or((None, Some(0))), None, None),
    );
    alt((ordinal, numbered)).parse(i)
}

/// A year in words: `nineteen eighty six`, `two thousand and fifteen`,
/// `seventeen hundred thirty three`, `twenty twenty`.
fn word_year(i: &str) -> R<'_, i16> {
    let thousands = map(
        (
            kw("two"),
            space1,
            kw("thousand"),
            opt(preceded((space1, opt((kw("and"), space1))), below_hundred)),
        ),
        |(.., rest)| 2000 + rest.unwrap_or(0) as i16,
    );
    let centuries = map_opt(
        (
            map_opt(word, |w: &str| number_word(w).filter(|n| (11..=20).contains(n))),
            space1,
            alt((
                map(
                    (
                        kw("hundred"),
                        opt(preceded((space1, opt((kw("and"), space1))), below_hundred)),
                    ),
                    |(_, r)| r.unwrap_or(0),
                ),
                map_opt(below_hundred, |n| (10..=99).contains(&n).then_some(n)),
                map(preceded((alt((kw("oh"), kw("o"))), space1), below_hundred), |n| n),
            )),
        ),
        |(c, _, r)| (r < 100).then_some((c * 100) as i16 + r as i16),
    );
    alt((thousands, centuries)).parse(i)
}

/// `20161016`: a date of eight digits, where it is one.
fn compact_iso(i: &str) -> R<'_, DateExpr> {
    let (rest, d) = digits(8, 8)(i)?;
    let (rest, _) = boundary(rest)?;
    let (y, m, day): (i16, i8, i8) = (
        d[..4].parse().unwrap_or(0),
        d[4..6].parse().unwrap_or(0),
        d[6..].parse().unwrap_or(0),
    );
    if !(1900..=2099).contains(&y) || Date::new(y, m, day).is_err() {
        return fail(i);
    }
    Ok((rest, calendar(Some(y), Some(m as u8), Some(day as u8), None, None)))
}

/// `Jan-Feb 2017`, `Nov-Feb 2017`: months joined by a dash.
fn month_span(i: &str) -> R<'_, DateExpr> {
    let (rest, (a, _, b, y)) = (month, alt((char('-'), char('–'))), month, opt(year_tail)).parse(i)?;
    let end = |m: u8| match y {
        Some(y) => calendar(Some(y), Some(m), None, None, None),
        None => DateExpr::Month {
            month: m,
            direction: Direction::Past,
            strict: false,
        },
    };
    let start = DateExpr::Month {
        month: a,
        direction: Direction::Past,
        strict: false,
    };
    Ok((rest, range(start, end(b))))
}

/// `2/29-3/1`, `10/1-11/2/2017`, `5/1-5/7, 2020`: two numeric dates joined
/// by a dash, the year written once.
fn numeric_md_range(i: &str) -> R<'_, DateExpr> {
    let md = |i| -> R<'_, (u8, u8)> {
        map_opt((num_in(1, 2, 1, 12), char('/'), num_in(1, 2, 1, 31)), |(m, _, d)| {
            Some((m as u8, d as u8))
        })
        .parse(i)
    };
    let (rest, ((m1, d1), _, (m2, d2))) = (md, alt((char('-'), char('–'))), md).parse(i)?;
    let (rest, y) = opt(alt((preceded(char('/'), year), preceded((char(','), space0), year)))).parse(rest)?;
    let (rest, _) = boundary(rest)?;
    Ok((
        rest,
        range(
            calendar(y, Some(m1), Some(d1), None, None),
            calendar(y, Some(m2), Some(d2), None, None),
        ),
    ))
}

/// A day a clock time can belong to.
fn day_expr(i: &str) -> R<'_, DateExpr> {
    alt((
        weekday_date,
        iso,
        numeric_dmy,
        month_day,
        day_month,
        weekday_expr,
        relative_day,
        numeric_md,
    ))
    .parse(i)
}

/// What joins a clock time to the day after it: `, `, ` on `, ` of `.
fn day_after_time(i: &str) -> R<'_, DateExpr> {
    preceded(
        (opt(char(',')), space1, opt((alt((kw("on"), kw("of"))), space1))),
        day_expr,
    )
    .parse(i)
}

/// A clock time, with the day it belongs to when one follows:
/// `15:00 GMT Saturday`, `8am this morning`, `10 p.m. Thursday`, `5pm on April 22`.
fn time_expr(i: &str) -> R<'_, DateExpr> {
    let (rest, c) = alt((clock, hour_in_part)).parse(i)?;
    if let Ok((r, day)) = day_after_time(rest) {
        if let Some(e) = compose::with_clock(&day, c) {
            return Ok((r, e));
        }
    }
    Ok((rest, DateExpr::Time(c)))
}

/// A range of clock times, with its day when one follows: `3:00 to 4:00
/// tomorrow`, `from 5 to 6pm of April 22`, `between 4pm and 5pm`.
fn time_range(i: &str) -> R<'_, DateExpr> {
    // Bare numbers ("between 3 and 8") are hours only beside their day.
    let (rest, (a, b), bare) = match clock_range(i) {
        Ok((rest, ends)) => (rest, ends, false),
        Err(_) => {
            let (rest, ends) = preceded(peek(alt((kw("between"), kw("from")))), hours_beside_a_day).parse(i)?;
            (rest, ends, true)
        }
    };
    if let Ok((r, day)) = day_after_time(rest) {
        if let (Some(x), Some(y)) = (compose::with_clock(&day, a), compose::with_clock(&day, b)) {
            return Ok((r, range(x, y)));
        }
    }
    if bare {
        return fail(i);
    }
    Ok((rest, range(DateExpr::Time(a), DateExpr::Time(b))))
}

/// A day and then its hours: `Monday 3-8`, `next Monday morning 6-8`,
/// `yesterday between 3 and 8pm`.
fn day_then_hours(i: &str) -> R<'_, DateExpr> {
    let (rest, day) = alt((weekday_expr, relative_day, month_day, day_month, numeric_dmy, iso)).parse(i)?;
    // The day's own grammar may already have taken the space.
    if !i[..i.len() - rest.len()].ends_with(' ') && !rest.starts_with(' ') {
        return fail(i);
    }
    let (rest, (a, b)) = preceded(space0, alt((clock_range, hours_beside_a_day))).parse(rest)?;
    // A part of the day sets the hours' unwritten meridiem ("tonight from
    // 7 to 7:30").
    match (compose::with_clock(&day, a), compose::with_clock(&day, b)) {
        (Some(x), Some(y)) => Ok((rest, range(x, y))),
        _ => fail(i),
    }
}

fn range(from: DateExpr, to: DateExpr) -> DateExpr {
    DateExpr::Range {
        from: Box::new(from),
        to: Box::new(to),
    }
}

/// A part of a day on no named day, with its hour when one follows:
/// `in the morning`, `in the afternoon at 7`.
fn part_alone(i: &str) -> R<'_, DateExpr> {
    let early_late = preceded(
        (alt((kw("early"), kw("late"))), space1),
        alt((
            value(DayPart::Morning, kw("morning")),
            value(DayPart::Afternoon, kw("afternoon")),
            value(DayPart::Evening, kw("evening")),
        )),
    );
    let (rest, p) = alt((part_phrase, early_late)).parse(i)?;
    match preceded((space1, opt((kw("at"), space1))), alt((clock, at_hour))).parse(rest) {
        Ok((r, c)) => Ok((r, DateExpr::Time(c.in_part(p)))),
        Err(_) => Ok((rest, DateExpr::Part(p))),
    }
}

/// A range of days in one month: `Feb. 12-14`, `November 18-19, 2025`,
/// `12-14 February`, `between March 3 and 5`, `between 3 and 12 of Sept`.
fn day_range(i: &str) -> R<'_, DateExpr> {
    let (rest, between) = opt((kw("between"), space1)).parse(i)?;
    let conn = |i| -> R<'_, bool> {
        alt((
            value(false, (space0, alt((char('-'), char('–'))), space0)),
            value(true, (space1, kw("and"), space1)),
            value(
                false,
                (space1, alt((kw("to"), kw("through"), kw("till"), kw("until"))), space1),
            ),
        ))
        .parse(i)
    };
    let month_first = map(
        (
            month,
            alt((value((), (opt(char('.')), space1)), value((), char('-')))),
            day_number,
            conn,
            day_number,
            opt_year,
        ),
        |(m, _, d1, and, d2, y)| (m, d1, and, d2, y),
    );
    let day_first = map(
        (
            day_number,
            conn,
            day_number,
            alt((
                value((), (space1, kw("of"), space1)),
                value((), (opt(char('.')), space1)),
            )),
            month,
            opt_year,
        ),
        |(d1, and, d2, _, m, y)| (m, d1, and, d2, y),
    );
    let (rest, (m, d1, and, d2, y)) = alt((month_first, day_first)).parse(rest)?;
    if d2 <= d1 || and && between.is_none() {
        return fail(i);
    }
    Ok((
        rest,
        range(
            calendar(y, Some(m), Some(d1), None, None),
            calendar(y, Some(m), Some(d2), None, None),
        ),
    ))
}

type Form = fn(&str) -> R<'_, DateExpr>;

/// Every form of the grammar; at each position the longest match wins,
/// the earlier form on a tie.
const FORMS: &[Form] = &[
    iso,
    numeric_dmy,
    weekday_date,
    month_day,
    day_month,
    day_of_month,
    month_year,
    year_month,
    short_year_span,
    compact_dmy,
    modified,
    month_rel,
    season,
    weekday_expr,
    relative_day,
    relative_period,
    shift,
    set,
    duration,
    decade_or_century,
    bare_year,
    time_expr,
    time_range,
    day_then_hours,
    part_alone,
    day_range,
    week_of,
    holiday_expr,
    quarter,
    part_of,
    nth_month,
    week_in,
    compact_iso,
    month_span,
    numeric_md_range,
    references,
    numeric_md,
    the_day,
    nth_weekday,
    month_alone,
];

/// Words that, shortly before a weekday or a month, put it in the future.
const FUTURE_MARKERS: &[&str] = &[
    "will",
    "'ll",
    "shall",
    "next",
    "upcoming",
    "scheduled",
    "due",
    "expected",
    "plans",
    "plan",
    "set",
    "until",
    "coming",
    "through",
    "till",
    "before",
    "by",
];

/// Direction of a relative expression from the words before it, within its clause.
fn direction_before(text: &str, at: usize) -> Direction {
    let words: Vec<&str> = text[..at].rsplit(|c: char| c.is_whitespace()).take(7).collect();
    for w in words {
        let bare = w
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
            .to_lowercase();
        if matches!(bare.as_str(), "last" | "past" | "previous" | "since" | "ago") {
            return Direction::Past;
        }
        if FUTURE_MARKERS.contains(&bare.as_str()) || bare.ends_with("'ll") {
            return Direction::Future;
        }
        if w.ends_with(['.', ';', '"']) || w.ends_with(',') && !bare.is_empty() {
            break;
        }
    }
    Direction::Past
}

/// Finds every temporal expression in `text`.
pub fn find_dates(text: &str) -> Vec<DateMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if text.is_char_boundary(i) && word_start(text, i) && may_start(&text[i..]) {
            let rest = &text[i..];
            let best = FORMS
                .iter()
                .filter_map(|form| form(rest).ok())
                .map(|(r, e)| (rest.len() - r.len(), e))
                .filter(|(n, e)| *n > 0 && accept(text, i, i + n, e))
                .fold(None, |best: Option<(usize, DateExpr)>, (n, e)| match best {
                    Some((bn, _)) if bn >= n => best,
                    _ => Some((n, e)),
                });
            if let Some((n, expr)) = best {
                let end = i + n - trailing_space(&rest[..n]);
                let start = i + approximation_lead(&text[i..end]);
                let expr = with_direction(expr, direction_before(text, start));
                out.push(DateMention {
                    span: Span::new(start, end),
                    expr,
                });
                i = end;
                continue;
            }
        }
        i += 1;
        while i < text.len() && !text.is_char_boundary(i) {
            i += 1;
        }
    }
    compose::compose(text, out)
}

/// Bytes of a leading approximation ("about a month", "just over a week",
/// "just six years ago"): an adverb of the clause, outside the expression's
/// span, where "almost", "nearly", "more than" bound the quantity itself.
fn approximation_lead(matched: &str) -> usize {
    let mut at = 0;
    loop {
        let rest = &matched[at..];
        let word = rest.split(' ').next().unwrap_or("");
        let lead = ["about", "around", "roughly", "some", "over", "just", "only"]
            .iter()
            .any(|w| word.eq_ignore_ascii_case(w));
        if !lead || word.len() == rest.len() {
            return at;
        }
        at += word.len() + 1;
    }
}

/// Sets the direction read from the context where the form left it open.
fn with_direction(expr: DateExpr, context: Direction) -> DateExpr {
    match expr {
        DateExpr::Weekday {
            weekday,
            direction: Direction::Past,
            week: None,
            part,
            time,
        } => DateExpr::Weekday {
            weekday,
            direction: context,
            week: None,
            part,
            time,
        },
        DateExpr::Month {
            month,
            strict: false,
            direction: Direction::Past,
        } => DateExpr::Month {
            month,
            direction: context,
            strict: false,
        },
        DateExpr::Quarter {
            index,
            span,
            year,
            year_offset,
            direction: Direction::Past,
        } => DateExpr::Quarter {
            index,
            span,
            year,
            year_offset,
            direction: context,
        },
        DateExpr::Holiday {
            rule,
            year,
            year_offset,
            relation,
            direction: Direction::Past,
        } => DateExpr::Holiday {
            rule,
            year,
            year_offset,
            relation,
            direction: context,
        },
        e => e,
    }
}

/// Words that can begin a temporal expression; any other word is skipped
/// without trying the grammar (most words of a text).
const LEADS: &[&str] = &[
    "1st",
    "2nd",
    "3rd",
    "4th",
    "a",
    "about",
    "according",
    "after",
    "almost",
    "an",
    "annually",
    "around",
    "at",
    "between",
    "biannually",
    "coming",
    "current",
    "currently",
    "daily",
    "each",
    "early",
    "every",
    "everyday",
    "few",
    "final",
    "first",
    "fiscal",
    "following",
    "fourth",
    "from",
    "h",
    "half",
    "in",
    "just",
    "last",
    "late",
    "less",
    "many",
    "mid",
    "midday",
    "midnight",
    "monthly",
    "more",
    "nearly",
    "next",
    "noon",
    "noonish",
    "now",
    "nowadays",
    "only",
    "over",
    "past",
    "previous",
    "q",
    "quarter",
    "quarterly",
    "recent",
    "roughly",
    "second",
    "semi",
    "semiannually",
    "several",
    "some",
    "the",
    "third",
    "this",
    "tmr",
    "tmrw",
    "today",
    "tomorrow",
    "tonight",
    "tonite",
    "w",
    "week",
    "weekly",
    "yearly",
    "yesterday",
];

fn may_start(rest: &str) -> bool {
    let first = rest.chars().next().unwrap_or(' ');
    if first.is_ascii_digit() || matches!(first, '½' | '¼' | '¾') {
        return true;
    }
    let len = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
    let (raw, after) = rest.split_at(len);
    let mut buf = [0; 16];
    // Every word the grammar begins with is ASCII and short.
    let Some(word) = ascii_lower(raw, &mut buf) else {
        return false;
    };
    // Frequent words that begin an expression only before a given word.
    match word {
        "in" => {
            let next = after.as_bytes();
            return next.len() > 5
                && next[..5].eq_ignore_ascii_case(b" the ")
                && ["morning", "afternoon", "evening"].iter().any(|p| {
                    next[5..]
                        .get(..p.len())
                        .is_some_and(|w| w.eq_ignore_ascii_case(p.as_bytes()))
                });
        }
        "q" | "h" => return after.starts_with(|c: char| c.is_ascii_digit()),
        "w" => return after.starts_with("/c") || after.starts_with("/C"),
        _ => {}
    }
    month_of(raw).is_some()
        // "may" and "march" are verbs too; the forms decide.
        || matches!(word, "may" | "march")
        || weekday_of(word).is_some()
        || number_word(word).is_some()
        || ordinal_word(word).is_some()
        || period_word(word).is_some_and(|(_, plural)| plural)
        || LEADS.binary_search(&word).is_ok()
        || holiday::FIRST_WORDS.binary_search(&word).is_ok()
        || word.starts_with("mid")
}

/// A word starts at `i` that is not the tail of a number or an amount.
fn word_start(text: &str, i: usize) -> bool {
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

fn trailing_space(s: &str) -> usize {
    s.len() - s.trim_end().len()
}

/// The word before `at`, lowercased.
fn prev_word(text: &str, at: usize) -> String {
    text[..at]
        .trim_end()
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Context checks that the grammar alone cannot make.
fn accept(text: &str, start: usize, end: usize, expr: &DateExpr) -> bool {
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
        } if n == "1" => !after.trim_start().starts_with(|c: char| c.is_lowercase()),
        // A month alone is a date only after a word that introduces one.
        DateExpr::Month { strict: false, .. }
            if matched.starts_with(|c: char| c.is_uppercase()) && !matched.contains(' ') =>
        {
            matches!(
                prev.as_str(),
                "in" | "since"
                    | "until"
                    | "till"
                    | "through"
                    | "by"
                    | "from"
                    | "to"
                    | "during"
                    | "of"
                    | "before"
                    | "after"
                    | "early"
                    | "late"
                    | "mid"
                    | "this"
                    | "next"
                    | "last"
                    | "between"
            )
        }
        // "4-22" and "4.22" without a year only after a preposition; "4/22" anywhere.
        DateExpr::Calendar {
            year: None,
            month: Some(_),
            day: Some(_),
            weekday: None,
            ..
        } if matched.starts_with(|c: char| c.is_ascii_digit()) && !matched.contains(' ') => {
            !number_follows
                && (matched.contains('/')
                    || matches!(
                        prev.as_str(),
                        "on" | "by" | "until" | "till" | "from" | "since" | "before" | "after" | "in"
                    ))
        }
        // "Christmas" in "the Christmas market" is no date: a holiday dates
        // something after a temporal preposition or with its year.
        DateExpr::Holiday {
            year: None,
            year_offset: None,
            relation: None,
            ..
        } => matches!(
            prev.as_str(),
            "on" | "at"
                | "before"
                | "after"
                | "since"
                | "until"
                | "till"
                | "by"
                | "over"
                | "during"
                | "around"
                | "for"
                | "from"
                | "to"
                | "of"
                | "last"
                | "next"
                | "this"
        ),
        // "2:00" alone may be a score or a ratio; after "at", "after",
        // "until"... it is a time.
        DateExpr::Time(c) => {
            !(c.minute == Some(0) && c.second.is_none() && !matched.chars().any(|ch| ch.is_alphabetic()))
                || matches!(
                    prev.as_str(),
                    "at" | "after" | "before" | "by" | "until" | "till" | "from" | "around" | "than"
                )
        }
        _ => true,
    }
}

/// Whether the digits at `start..end` sit in a chain of numbers joined by
/// dashes that is not a span of two years ("2009-2010").
fn in_number_chain(text: &str, start: usize, end: usize) -> bool {
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
fn counts_something(after: &str) -> bool {
    let mut words = after.split_whitespace();
    let noun = words.next().unwrap_or("");
    noun.len() > 2 && noun.ends_with('s') && noun.chars().all(|c| c.is_ascii_lowercase()) && words.next() == Some("of")
}

fn duration_value(amount: Option<&str>, p: Period) -> String {
    let n = amount.unwrap_or("X");
    let (n, code): (String, &str) = match p {
        Period::Decade => match n.parse::<f64>() {
            Ok(v) => (trim_number(v * 10.0), "Y"),
            Err(_) => (n.to_string(), "DE"),
        },
        Period::Day => (n.to_string(), "D"),
        Period::Week => (n.to_string(), "W"),
        Period::Month | Period::Minute => (n.to_string(), "M"),
        Period::Year => (n.to_string(), "Y"),
        Period::Hour => (n.to_string(), "H"),
        Period::Second => (n.to_string(), "S"),
    };
    if p.is_clock() {
        format!("PT{n}{code}")
    } else {
        format!("P{n}{code}")
    }
}

/// `P1Y2M`, `PT1H30M`, `P3M2W2D`: calendar units, then clock units after `T`.
fn compound_value(parts: &[(u32, Period)]) -> String {
    let mut date = String::new();
    let mut clock = String::new();
    for (n, p) in parts {
        let (n, code) = match p {
            Period::Decade => (n * 10, "Y"),
            Period::Year => (*n, "Y"),
            Period::Month | Period::Minute => (*n, "M"),
            Period::Week => (*n, "W"),
            Period::Day => (*n, "D"),
            Period::Hour => (*n, "H"),
            Period::Second => (*n, "S"),
        };
        let out = if p.is_clock() { &mut clock } else { &mut date };
        out.push_str(&format!("{n}{code}"));
    }
    if clock.is_empty() {
        format!("P{date}")
    } else {
        format!("P{date}T{clock}")
    }
}

fn trim_number(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

fn ymd(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn with_time(date: String, time: Option<Clock>, part: Option<DayPart>) -> (String, TimexType) {
    match (time, part) {
        (Some(c), _) => (format!("{date}T{}", c.timex()), TimexType::Time),
        (None, Some(p)) => (format!("{date}T{}", p.code()), TimexType::Time),
        _ => (date, TimexType::Date),
    }
}

fn add_days(d: Date, n: i64) -> Date {
    d.checked_add(jiff::Span::new().days(n)).unwrap_or(d)
}

fn days_between(a: Date, b: Date) -> Option<i64> {
    let span = a.until((jiff::Unit::Day, b)).ok()?;
    Some(span.get_days() as i64)
}

/// The year that puts month/day closest to the anchor, among years where
/// the date exists.
fn nearest_year(anchor: Date, month: u8, day: Option<u8>) -> Option<i16> {
    let y = anchor.year();
    [y - 1, y, y + 1]
        .into_iter()
        .filter_map(|cand| {
            let d = Date::new(cand, month as i8, day.unwrap_or(15) as i8).ok()?;
            Some((days_between(anchor, d)?.abs(), cand))
        })
        .min()
        .map(|(_, y)| y)
}

/// The year in which `month`/`day` falls on `weekday`, nearest to `near`.
pub fn year_for_weekday(month: u8, day: u8, weekday: u8, near: i16) -> Option<i16> {
    for delta in 0..=14i16 {
        for y in [near - delta, near + delta] {
            if let Ok(d) = Date::new(y, month as i8, day as i8) {
                if d.weekday().to_monday_one_offset() as u8 == weekday {
                    return Some(y);
                }
            }
        }
    }
    None
}

/// A month counted from the anchor's: (year, month).
fn month_from(anchor: Date, offset: i32) -> (i32, i32) {
    let m0 = anchor.year() as i32 * 12 + anchor.month() as i32 - 1 + offset;
    (m0.div_euclid(12), m0.rem_euclid(12) + 1)
}

/// Resolves a parsed expression against the publication date.
pub fn resolve(expr: &DateExpr, anchor: Option<Date>) -> DateValue {
    let date = |v: String, kind: TimexType, resolved: bool| DateValue {
        value: TimexValue(v),
        kind,
        resolved,
    };
    match expr {
        DateExpr::Calendar {
            year,
            month,
            day,
            weekday,
            time,
        } => {
            let (year, month, day) = (*year, *month, *day);
            let written_year = year;
            if month.is_none() && day.is_some() && year.is_none() {
                return day_in_nearby_month(day.unwrap_or(1), *weekday, *time, anchor);
            }
            let year = year.or_else(|| match (month, day, weekday) {
                // With a publication date the nearest year wins: a wrong
                // weekday beside a date must not move it by years. (The
                // weekday pins a dateline's missing year in the corpus stage.)
                (Some(m), Some(d), Some(_)) => anchor.and_then(|a| nearest_year(a, m, Some(d))),
                (Some(m), d, _) => anchor.and_then(|a| nearest_year(a, m, d)),
                _ => None,
            });
            // A day that does not exist ("Feb 30") stays unresolved, with
            // the year only when the text wrote it.
            let exists = match (year, month, day) {
                (Some(y), Some(m), Some(d)) => Date::new(y, m as i8, d as i8).is_ok(),
                _ => true,
            };
            let resolved = year.is_some() && exists;
            let ys = year
                .filter(|_| exists)
                .or(written_year)
                .map(|y| format!("{y:04}"))
                .unwrap_or_else(|| "XXXX".into());
            let s = match (month, day) {
                (Some(m), Some(d)) => format!("{ys}-{m:02}-{d:02}"),
                (Some(m), None) => format!("{ys}-{m:02}"),
                _ => ys,
            };
            let (v, kind) = with_time(s, *time, None);
            date(v, kind, resolved)
        }
        DateExpr::Month {
            month,
            direction,
            strict,
        } => match anchor {
            Some(a) => {
                let (m, am) = (*month as i8, a.month());
                let y = match (direction, strict) {
                    (Direction::Past, false) => {
                        if m <= am {
                            a.year()
                        } else {
                            a.year() - 1
                        }
                    }
                    (Direction::Past, true) => {
                        if m < am {
                            a.year()
                        } else {
                            a.year() - 1
                        }
                    }
                    (Direction::Future, false) => {
                        if m >= am {
                            a.year()
                        } else {
                            a.year() + 1
                        }
                    }
                    (Direction::Future, true) => {
                        if m > am {
                            a.year()
                        } else {
                            a.year() + 1
                        }
                    }
                };
                date(format!("{y:04}-{m:02}"), TimexType::Date, true)
            }
            None => date(format!("XXXX-{month:02}"), TimexType::Date, false),
        },
        DateExpr::Weekday {
            weekday,
            direction,
            week,
            part,
            time,
        } => match anchor {
            Some(a) => {
                let cur = a.weekday().to_monday_one_offset() as i64;
                let wd = *weekday as i64;
                let offset = match (week, direction) {
                    (Some(w), _) => 7 * *w as i64 + wd - cur,
                    (None, Direction::Past) => -((cur - wd).rem_euclid(7)),
                    // "will fly out on Friday" in a Friday article is that day.
                    (None, Direction::Future) => (wd - cur).rem_euclid(7),
                };
                let (v, kind) = with_time(ymd(add_days(a, offset)), *time, *part);
                date(v, kind, true)
            }
            None => {
                let (v, kind) = with_time(format!("XXXX-WXX-{weekday}"), *time, *part);
                date(v, kind, false)
            }
        },
        DateExpr::DayOfMonth { day, month_offset } => match anchor {
            Some(a) => {
                let (y, m) = month_from(a, *month_offset);
                let ok = Date::new(y as i16, m as i8, *day as i8).is_ok();
                date(format!("{y:04}-{m:02}-{day:02}"), TimexType::Date, ok)
            }
            None => date(format!("XXXX-XX-{day:02}"), TimexType::Date, false),
        },
        DateExpr::NthWeekday {
            n,
            weekday,
            month,
            month_offset,
        } => {
            let found = anchor.and_then(|a| {
                let (y, m) = match month {
                    Some(m) => (nearest_year(a, *m, None)? as i32, *m as i32),
                    None => month_from(a, *month_offset),
                };
                nth_weekday_of(y as i16, m as i8, *n, *weekday)
            });
            match found {
                Some(d) => date(ymd(d), TimexType::Date, true),
                None => {
                    let m = month.map(|m| format!("{m:02}")).unwrap_or_else(|| "XX".into());
                    date(format!("XXXX-{m}-WXX-{weekday}-#{n}"), TimexType::Date, false)
                }
            }
        }
        DateExpr::RelativeDay { offset, part, time } => match anchor {
            Some(a) => {
                let (v, kind) = with_time(ymd(add_days(a, *offset as i64)), *time, *part);
                date(v, kind, true)
            }
            None => {
                let (v, kind) = with_time("XXXX-XX-XX".into(), *time, *part);
                date(v, kind, false)
            }
        },
        DateExpr::RelativePeriod { period, offset } => match anchor {
            Some(a) => {
                let v = match period {
                    Period::Year => format!("{:04}", a.year() as i32 + offset),
                    Period::Month => {
                        let (y, m) = month_from(a, *offset);
                        format!("{y:04}-{m:02}")
                    }
                    _ => {
                        let w = add_days(a, 7 * *offset as i64).iso_week_date();
                        format!("{:04}-W{:02}", w.year(), w.week())
                    }
                };
                date(v, TimexType::Date, true)
            }
            None => {
                let v = match period {
                    Period::Year => "XXXX",
                    Period::Month => "XXXX-XX",
                    _ => "XXXX-WXX",
                };
                date(v.into(), TimexType::Date, false)
            }
        },
        DateExpr::Shift { parts, sign, base } => match anchor {
            Some(a) => {
                // Years alone name a year ("four years ago" is 2009); finer
                // parts name a day.
                if parts.iter().all(|(_, p)| *p == Period::Year || *p == Period::Decade) && *base == 0 {
                    let n: i32 = parts
                        .iter()
                        .map(|(n, p)| *n as i32 * if *p == Period::Decade { 10 } else { 1 })
                        .sum();
                    return date(format!("{:04}", a.year() as i32 + sign * n), TimexType::Date, true);
                }
                let mut d = add_days(a, *base as i64);
                let mut clock = false;
                for (n, p) in parts {
                    let n = (*n as i64) * *sign as i64;
                    let span = match p {
                        Period::Day => jiff::Span::new().days(n),
                        Period::Week => jiff::Span::new().weeks(n),
                        Period::Month => jiff::Span::new().months(n),
                        Period::Year => jiff::Span::new().years(n),
                        Period::Decade => jiff::Span::new().years(10 * n),
                        Period::Hour | Period::Minute | Period::Second => {
                            clock = true;
                            jiff::Span::new()
                        }
                    };
                    d = d.checked_add(span).unwrap_or(d);
                }
                date(ymd(d), if clock { TimexType::Time } else { TimexType::Date }, true)
            }
            None => date("XXXX-XX-XX".into(), TimexType::Date, false),
        },
        DateExpr::Compound(parts) => date(compound_value(parts), TimexType::Duration, true),
        DateExpr::Duration { amount, period } => {
            date(duration_value(amount.as_deref(), *period), TimexType::Duration, true)
        }
        DateExpr::Season { season, offset } => match anchor {
            Some(a) => {
                let current = Season::of_month(a.month());
                // The winter that holds January belongs to the year before.
                let base = if current == Season::Winter && a.month() <= 2 {
                    a.year() - 1
                } else {
                    a.year()
                };
                let y = match offset {
                    0 => base,
                    -1 => {
                        if season.rank() < current.rank() {
                            base
                        } else {
                            base - 1
                        }
                    }
                    _ => {
                        if season.rank() > current.rank() {
                            base
                        } else {
                            base + 1
                        }
                    }
                };
                date(format!("{y:04}-{}", season.code()), TimexType::Date, true)
            }
            None => date(format!("XXXX-{}", season.code()), TimexType::Date, false),
        },
        DateExpr::Decade(d) => date(format!("{:03}", d / 10), TimexType::Date, true),
        DateExpr::Century(c) => date(format!("{c:02}"), TimexType::Date, true),
        // A time with no day in its phrase names no day: "at 3pm" in an
        // article may be any day near it.
        DateExpr::Time(c) => date(format!("T{}", c.timex()), TimexType::Time, true),
        DateExpr::Part(p) => date(format!("T{}", p.code()), TimexType::Time, true),
        DateExpr::Ref(r) => date((*r).into(), TimexType::Date, true),
        DateExpr::Set(s) => date(s.clone(), TimexType::Set, true),
        DateExpr::Range { from, to } => interval::resolve_range(from, to, anchor),
        DateExpr::Holiday {
            rule,
            year,
            year_offset,
            relation,
            direction,
        } => {
            let found = match (year, year_offset, anchor) {
                (Some(y), ..) => holiday::date_in(*rule, *y),
                (None, Some(k), Some(a)) => holiday::date_in(*rule, (i32::from(a.year()) + k) as i16),
                (None, None, Some(a)) => {
                    let near = |y: i16| holiday::date_in(*rule, y);
                    let y = a.year();
                    match (relation, direction) {
                        (Some(0), _) => near(y),
                        (Some(r), _) if *r < 0 => near(y).filter(|d| *d < a).or_else(|| near(y - 1)),
                        (Some(_), _) => near(y).filter(|d| *d > a).or_else(|| near(y + 1)),
                        (None, Direction::Past) => near(y).filter(|d| *d <= a).or_else(|| near(y - 1)),
                        (None, Direction::Future) => near(y).filter(|d| *d >= a).or_else(|| near(y + 1)),
                    }
                }
                _ => None,
            };
            match found {
                Some(d) => date(ymd(d), TimexType::Date, true),
                None => match rule {
                    holiday::Rule::Fixed(m, d) => date(format!("XXXX-{m:02}-{d:02}"), TimexType::Date, false),
                    _ => date("XXXX-XX-XX".into(), TimexType::Date, false),
                },
            }
        }
        DateExpr::Anchored {
            amount,
            period,
            sign,
            base,
        } => {
            let b = resolve(base, anchor);
            let n = i64::from(*amount) * i64::from(*sign);
            let span = match period {
                Period::Day => Some(jiff::Span::new().days(n)),
                Period::Week => Some(jiff::Span::new().weeks(n)),
                Period::Month => Some(jiff::Span::new().months(n)),
                Period::Year => Some(jiff::Span::new().years(n)),
                Period::Decade => Some(jiff::Span::new().years(10 * n)),
                _ => None,
            };
            match (interval::start_date(b.value.as_str()), span) {
                (Some(d), Some(span)) if b.resolved => match d.checked_add(span) {
                    Ok(d) => date(ymd(d), TimexType::Date, true),
                    Err(_) => date("XXXX-XX-XX".into(), TimexType::Date, false),
                },
                _ => date("XXXX-XX-XX".into(), TimexType::Date, false),
            }
        }
        DateExpr::Quarter {
            index,
            span,
            year,
            year_offset,
            direction,
        } => {
            let (span, index) = (i32::from(*span), i32::from(*index));
            let y = match (year, year_offset, anchor) {
                (Some(y), ..) => Some(i32::from(*y)),
                (None, Some(k), Some(a)) => Some(i32::from(a.year()) + k),
                // A quarter without its year: the latest one begun by the
                // anchor, or the next one to come.
                (None, None, Some(a)) => {
                    let current = (i32::from(a.month()) - 1) / span + 1;
                    let y = i32::from(a.year());
                    Some(match direction {
                        Direction::Past if index > current => y - 1,
                        Direction::Future if index < current => y + 1,
                        _ => y,
                    })
                }
                _ => None,
            };
            match y {
                Some(y) => date(
                    period_interval(y * 12 + (index - 1) * span, span),
                    TimexType::Date,
                    true,
                ),
                None => date(
                    format!("XXXX-{}{}", if span == 3 { 'Q' } else { 'H' }, index),
                    TimexType::Date,
                    false,
                ),
            }
        }
        DateExpr::QuarterFrom(k) => match anchor {
            Some(a) => {
                let start = i32::from(a.year()) * 12 + (i32::from(a.month()) - 1) / 3 * 3 + 3 * k;
                date(period_interval(start, 3), TimexType::Date, true)
            }
            None => date("XXXX-QX".into(), TimexType::Date, false),
        },
        DateExpr::Week {
            n,
            year,
            year_offset,
            month,
            month_offset,
        } => {
            let y = year.map(i32::from).or_else(|| {
                Some(i32::from(anchor?.year()) + year_offset.unwrap_or(0)).filter(|_| year_offset.is_some())
            });
            match (month, month_offset, anchor) {
                (Some(m), _, _) => {
                    let y = y.or_else(|| anchor.and_then(|a| nearest_year(a, *m, None)).map(i32::from));
                    let n = if *n == 0 { 5 } else { *n };
                    match y {
                        Some(y) => date(format!("{y:04}-{m:02}-W{n:02}"), TimexType::Date, true),
                        None => date(format!("XXXX-{m:02}-W{n:02}"), TimexType::Date, false),
                    }
                }
                (None, Some(k), Some(a)) => {
                    let (y, m) = month_from(a, *k);
                    let n = if *n == 0 { 5 } else { *n };
                    date(format!("{y:04}-{m:02}-W{n:02}"), TimexType::Date, true)
                }
                _ => match y {
                    Some(y) => {
                        // The last ISO week of a year is the one holding 28 December.
                        let last = Date::new(y as i16, 12, 28).map_or(52, |d| d.iso_week_date().week());
                        let w = if *n == 0 { last } else { *n as i8 };
                        date(format!("{y:04}-W{w:02}"), TimexType::Date, true)
                    }
                    None => date(format!("XXXX-W{n:02}"), TimexType::Date, false),
                },
            }
        }
        DateExpr::PartOf {
            first,
            amount,
            period,
            whole,
        } => {
            let w = resolve(whole, anchor);
            match interval::part_of(w.value.as_str(), *first, *amount, *period) {
                Some(v) if w.resolved => date(v, TimexType::Date, true),
                // Without its year the stretch is only as long as it says.
                _ => date(
                    duration_value(Some(&amount.to_string()), *period),
                    TimexType::Duration,
                    false,
                ),
            }
        }
        DateExpr::MonthOfYear { month, year_offset } => match anchor {
            Some(a) => date(
                format!("{:04}-{month:02}", i32::from(a.year()) + year_offset),
                TimexType::Date,
                true,
            ),
            None => date(format!("XXXX-{month:02}"), TimexType::Date, false),
        },
    }
}

/// `span` months from a month counted from year 0 (`year * 12 + month - 1`),
/// as an interval: `(2019-07-01,2019-10-01,P3M)`.
fn period_interval(start: i32, span: i32) -> String {
    let end = start + span;
    format!(
        "({:04}-{:02}-01,{:04}-{:02}-01,P{span}M)",
        start.div_euclid(12),
        start.rem_euclid(12) + 1,
        end.div_euclid(12),
        end.rem_euclid(12) + 1
    )
}

/// The n-th (0 = last) `weekday` of a month, if it exists.
fn nth_weekday_of(y: i16, m: i8, n: u8, weekday: u8) -> Option<Date> {
    let first = Date::new(y, m, 1).ok()?;
    let days: Vec<Date> = (0..first.days_in_month() as i64)
        .map(|k| add_days(first, k))
        .filter(|d| d.weekday().to_monday_one_offset() as u8 == weekday)
        .collect();
    if n == 0 {
        days.last().copied()
    } else {
        days.get(n as usize - 1).copied()
    }
}

/// "the 27th" or "Friday the 15th": the month is left unsaid.
fn day_in_nearby_month(day: u8, weekday: Option<u8>, time: Option<Clock>, anchor: Option<Date>) -> DateValue {
    let Some(a) = anchor else {
        let (v, kind) = with_time(format!("XXXX-XX-{day:02}"), time, None);
        return DateValue {
            value: TimexValue(v),
            kind,
            resolved: false,
        };
    };
    // With a weekday, the nearest month where the day has it; without, the
    // most recent such day on or before the anchor (news reports what happened).
    let offsets: Vec<i32> = match weekday {
        Some(_) => (0..24).flat_map(|k| [-k, k + 1]).collect(),
        None => (0..24).map(|k| -k).collect(),
    };
    let found = offsets
        .into_iter()
        .filter_map(|k| {
            let (y, m) = month_from(a, k);
            Date::new(y as i16, m as i8, day as i8).ok()
        })
        .filter(|d| weekday.is_some() || *d <= a)
        .find(|d| weekday.is_none_or(|wd| d.weekday().to_monday_one_offset() as u8 == wd));
    let (v, kind) = with_time(
        found.map(ymd).unwrap_or_else(|| format!("XXXX-XX-{day:02}")),
        time,
        None,
    );
    DateValue {
        value: TimexValue(v),
        kind,
        resolved: found.is_some(),
    }
}

/// Parses a date as metadata gives it: `2025-03-05`, `2025-03-05T09:30:00Z`,
/// `March 5, 2025`, `5 March 2025`.
pub fn parse_date_str(s: &str) -> Option<Date> {
    let found = find_dates(s.trim());
    match found.first()?.expr {
        DateExpr::Calendar {
            year: Some(y),
            month: Some(m),
            day: Some(d),
            ..
        } => Date::new(y, m as i8, d as i8).ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A Thursday.
    fn anchor() -> Option<Date> {
        Some(Date::new(2025, 2, 13).unwrap())
    }

    /// (matched text, TIMEX3 value) of every expression in `text`.
    fn values(text: &str) -> Vec<(String, String)> {
        find_dates(text)
            .into_iter()
            .map(|m| {
                (
                    text[m.span.start..m.span.end].to_string(),
                    resolve(&m.expr, anchor()).value.0,
                )
            })
            .collect()
    }

    fn one(text: &str) -> (String, String) {
        let v = values(text);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        v.into_iter().next().unwrap()
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn leads_are_sorted_for_binary_search() {
        assert!(LEADS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn month_day_forms() {
        assert_eq!(one("reported on Feb. 13 that"), pair("Feb. 13", "2025-02-13"));
        assert_eq!(one("on 13 Feb the"), pair("13 Feb", "2025-02-13"));
        assert_eq!(one("on February 13, 2025, in"), pair("February 13, 2025", "2025-02-13"));
        assert_eq!(
            one("the 3rd of March 2024"),
            pair("the 3rd of March 2024", "2024-03-03")
        );
        assert_eq!(one("back Oct-2 then").1, "2024-10-02");
        assert_eq!(one("on Jan first").1, "2025-01-01");
        assert_eq!(one("on May twenty-first").1, "2025-05-21");
        assert_eq!(one("the second of Aug. was").1, "2025-08-02");
        assert_eq!(one("on 16. Nov. 2016").1, "2016-11-16");
    }

    #[test]
    fn month_day_without_year_takes_the_nearest_year() {
        // Mid-February anchor: December is last year's, not this year's.
        assert_eq!(one("on Dec. 30 the").1, "2024-12-30");
    }

    #[test]
    fn a_day_that_does_not_exist_stays_unresolved() {
        let m = find_dates("on Feb 30");
        let v = resolve(&m[0].expr, anchor());
        assert_eq!((v.value.0.as_str(), v.resolved), ("XXXX-02-30", false));
        let m = find_dates("on Feb 30 2019");
        let v = resolve(&m[0].expr, anchor());
        assert_eq!(
            (v.value.0.as_str(), v.resolved),
            ("2019-02-30", false),
            "a written year stays"
        );
        assert_eq!(one("on Feb 29").1, "2024-02-29");
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(one("on 02/22/2016 we").1, "2016-02-22");
        assert_eq!(one("on 21/04/16 we").1, "2016-04-21");
        assert_eq!(one("on 05.03.2025 in Prague").1, "2025-03-05", "dots: day first");
        assert_eq!(one("on 3-7-2017").1, "2017-03-07", "dashes: month first");
        assert_eq!(one("by 4/22").1, "2025-04-22");
        assert_eq!(one("2015/08/12").1, "2015-08-12");
        assert!(values("the score was 3-2 and 4.5% rose").is_empty());
        assert!(values("rose 1/2 point in the 26.2-mile race").is_empty());
    }

    #[test]
    fn datelines_with_times() {
        assert_eq!(one("February 14, 2025 10:10 AM").1, "2025-02-14T10:10");
        assert_eq!(one("2025-02-13 22:25:00 | Bota").1, "2025-02-13T22:25");
        assert_eq!(one("at 4:30 p.m. local").1, "T16:30", "a time with no day names no day");
        assert_eq!(
            one("will start at 15:00 GMT Saturday").1,
            "2025-02-15T15:00",
            "a time before its weekday"
        );
    }

    #[test]
    fn weekdays_follow_tense() {
        assert_eq!(one("Hegseth said on Wednesday that").1, "2025-02-12");
        assert_eq!(one("the minister said Thursday").1, "2025-02-13");
        assert_eq!(one("they will meet on Friday").1, "2025-02-14");
        assert_eq!(one("talks resume next Monday").1, "2025-02-17");
        assert_eq!(one("on Friday next week").1, "2025-02-21");
        assert_eq!(one("said on Sunday night").1, "2025-02-09TNI");
    }

    #[test]
    fn weekday_beside_a_date_is_one_expression() {
        assert_eq!(
            one("stated on Wednesday (February 12) that"),
            pair("Wednesday (February 12)", "2025-02-12")
        );
        assert_eq!(one("Wed 5 Mar 2025").1, "2025-03-05");
        assert_eq!(one("back Friday the 14th").1, "2025-02-14");
        // A weekday that does not fit the date does not move it to another year.
        assert_eq!(one("on Thursday (February 12)").1, "2025-02-12");
    }

    #[test]
    fn weekday_pins_a_missing_year() {
        let m = find_dates("Wednesday, February 12");
        let DateExpr::Calendar {
            month, day, weekday, ..
        } = m[0].expr
        else {
            panic!()
        };
        assert_eq!(
            year_for_weekday(month.unwrap(), day.unwrap(), weekday.unwrap(), 2023),
            Some(2025)
        );
    }

    #[test]
    fn relative_days() {
        assert_eq!(one("The day before, Hegseth said").1, "2025-02-12");
        assert_eq!(one("yesterday").1, "2025-02-12");
        assert_eq!(one("the day before yesterday").1, "2025-02-11");
        assert_eq!(one("tomorrow night").1, "2025-02-14TNI");
        assert_eq!(one("last week").1, "2025-W06");
        assert_eq!(one("last year").1, "2024");
        assert_eq!(one("this fiscal year").1, "2025");
        assert_eq!(one("two days ago").1, "2025-02-11");
        assert_eq!(one("four years ago").1, "2021", "years ago name a year");
        assert_eq!(one("1 month and 2 days ago").1, "2025-01-11");
        assert_eq!(one("the 20th of next month").1, "2025-03-20");
    }

    #[test]
    fn nth_weekdays_and_bare_days() {
        assert_eq!(one("on the first Friday of July").1, "2025-07-04");
        assert_eq!(one("the third Wednesday of previous month").1, "2025-01-15");
        assert_eq!(one("the last Monday in May").1, "2025-05-26");
        assert_eq!(one("went back for the 27th").1, "2025-01-27");
        assert_eq!(one("went back for the twenty second.").1, "2025-01-22");
        assert!(values("for the second time").is_empty());
        assert!(values("the twenty second round").is_empty());
    }

    #[test]
    fn months_alone_need_a_preposition() {
        assert_eq!(one("fired in July").1, "2024-07");
        assert_eq!(one("due to be published in May").1, "2025-05");
        assert_eq!(one("since last June").1, "2024-06");
        assert_eq!(one("in early December").1, "2024-12");
        assert!(values("August heat and June brides").is_empty());
    }

    #[test]
    fn seasons_decades_centuries() {
        assert_eq!(one("last summer").1, "2024-SU");
        assert_eq!(one("in the 1990s").1, "199");
        assert_eq!(one("the 20th century").1, "19");
    }

    #[test]
    fn durations() {
        assert_eq!(one("Russia's nearly three-year war"), pair("nearly three-year", "P3Y"));
        assert_eq!(one("held for almost seven years."), pair("almost seven years", "P7Y"));
        assert_eq!(one("over the past two years"), pair("the past two years", "P2Y"));
        assert_eq!(
            one("in the past several months."),
            pair("the past several months", "PXM")
        );
        assert_eq!(one("blocked for years."), pair("years", "PXY"));
        assert_eq!(one("in a decade"), pair("a decade", "P10Y"));
        assert_eq!(one("over the next decade."), pair("the next decade", "P10Y"));
        assert_eq!(
            one("the expedition of 1957-58, which"),
            pair("1957-58", "(1957-01-01,1958-01-01,P1Y)")
        );
        assert_eq!(one("for an hour").1, "PT1H");
        assert_eq!(one("for 3.5years").1, "P3.5Y");
    }

    #[test]
    fn years_references_and_sets() {
        assert_eq!(one("in September 2022, following"), pair("September 2022", "2022-09"));
        assert_eq!(one("reaffirmed in 2024 that").1, "2024");
        assert_eq!(one("adopting the euro in 2007.").1, "2007");
        assert_eq!(
            values("the pandemic of 2009-2010, when"),
            [pair("2009-2010", "(2009-01-01,2010-01-01,P1Y)")],
            "a span of years is one range"
        );
        assert_eq!(one("in early 2011").1, "2011");
        assert_eq!(one("every Monday").1, "XXXX-WXX-1");
        assert_eq!(one("every morning").1, "XXXX-XX-XXTMO");
        assert_eq!(one("published daily").1, "P1D");
        assert_eq!(one("In the past, he").1, "PAST_REF");
        assert!(values("the Harbour Daily").is_empty());
    }

    #[test]
    fn unresolved_without_anchor() {
        let m = find_dates("said on Wednesday");
        let v = resolve(&m[0].expr, None);
        assert_eq!((v.value.0.as_str(), v.resolved), ("XXXX-WXX-3", false));
    }

    #[test]
    fn years_joined_to_days_and_months() {
        assert_eq!(one("sold on Dec. 31 , 1994 to").1, "1994-12-31");
        assert_eq!(one("born in April of 1987").1, "1987-04");
        assert_eq!(one("born in April of 87").1, "1987-04");
        assert_eq!(one("on 28 June in 2020").1, "2020-06-28");
        assert_eq!(one("on July 4th of 1995").1, "1995-07-04");
        assert_eq!(one("in 2017 April").1, "2017-04");
        assert_eq!(one("plans for Dec-2018").1, "2018-12");
        assert_eq!(one("plans for Dec/2018").1, "2018-12");
        assert_eq!(one("dated 05-Aug-2016").1, "2016-08-05");
        assert_eq!(one("dated 23/Sep/2020").1, "2020-09-23");
        assert_eq!(one("back Sep-23-2020.").1, "2020-09-23");
        assert_eq!(one("valid date? 2015-12").1, "2015-12");
        assert_eq!(one("valid date? 2015-3").1, "2015-03");
        assert_eq!(one("valid date? 12-2015").1, "2015-12");
        assert_eq!(
            one("the 2011-12 season").1,
            "(2011-01-01,2012-01-01,P1Y)",
            "a span of years, not December"
        );
    }

    #[test]
    fn weekday_beside_a_numeric_date() {
        assert_eq!(one("a call Friday 2/7 with Jim").1, "2025-02-07");
        assert_eq!(one("this Friday (Feb-7) with").1, "2025-02-07");
        assert_eq!(one("on Friday-Feb-7 with").1, "2025-02-07");
        assert_eq!(one("Friday 2025-2-7 with").1, "2025-02-07");
    }

    #[test]
    fn times_with_their_day() {
        assert_eq!(one("on Monday at 2.30").1, "2025-02-10T02:30");
        assert_eq!(one("party on Sat at 5.").1, "2025-02-08T05");
        assert_eq!(one("call today at 9a.").1, "2025-02-13T09");
        assert_eq!(one("at 5pm on February 22").1, "2025-02-22T17");
        assert_eq!(one("October 14 for 8:00:31am").1, "2024-10-14T08:00:31");
        assert_eq!(one("in the afternoon at 7").1, "T19");
        assert_eq!(one("it happened last night at 8.").1, "2025-02-12T20");
        assert_eq!(one("back tomorrow before 5pm").1, "2025-02-14T17");
        assert_eq!(one("on 1/1/2015 after 2:00").1, "2015-01-01T02:00");
        assert!(
            values("the final score was 2:00 flat").is_empty(),
            "2:00 alone is no time"
        );
        assert_eq!(one("back tonight at 1am").1, "2025-02-13T01");
        assert_eq!(one("at 8am this morning").1, "2025-02-13T08");
        assert_eq!(one("let's meet in the morning").1, "TMO");
        assert_eq!(one("I'll be out in the mornings").1, "TMO");
        assert_eq!(
            one("shares rose at 5% on Monday").1,
            "2025-02-10",
            "a figure is no hour"
        );
    }

    #[test]
    fn ranges() {
        assert_eq!(one("talks on Feb. 12-14 in Munich").1, "(2025-02-12,2025-02-14,P2D)");
        assert_eq!(one("between March 3 and 5").1, "(2025-03-03,2025-03-05,P2D)");
        assert_eq!(
            one("APEC Nov 18 - Dec 19, 2015 in Korea").1,
            "(2015-11-18,2015-12-19,P31D)"
        );
        assert_eq!(one("from 2014 to 2018").1, "(2014-01-01,2018-01-01,P4Y)");
        assert_eq!(one("between 2007 and 2009").1, "(2007-01-01,2009-01-01,P2Y)");
        assert_eq!(one("from Nov to Feb 2017").1, "(2016-11-01,2017-02-01,P3M)");
        assert_eq!(one("from 10/1/2018 - 10/7/2018").1, "(2018-10-01,2018-10-07,P6D)");
        assert_eq!(one("out 5 to 6pm").1, "(T17,T18,PT1H)");
        assert_eq!(
            one("3:00 to 4:00 tomorrow").1,
            "(2025-02-14T03:00,2025-02-14T04:00,PT1H)"
        );
        assert_eq!(
            values("won 2 and 2014 and 2018"),
            [pair("2014", "2014"), pair("2018", "2018")],
            "'and' joins a range only after 'between'"
        );
        assert!(values("the score was 3-8 at half time").is_empty());
        assert!(
            values("news.example/hegset h-says-a87978").is_empty(),
            "a lone h is no duration"
        );
    }

    #[test]
    fn this_month_weeks_of_and_present() {
        assert_eq!(one("out this September").1, "2025-09");
        assert_eq!(one("back since this January").1, "2025-01");
        assert_eq!(one("any plans on following Friday?").1, "2025-02-21");
        assert_eq!(one("where were you on previous Wednesday?").1, "2025-02-05");
        assert_eq!(one("for the week of April 10th").1, "2025-04-10");
        assert_eq!(one("for w/c Feb 4.").1, "2025-02-04");
        assert_eq!(one("the week beginning February 17").1, "2025-02-17");
        assert_eq!(one("He is not here at present.").1, "PRESENT_REF");
        assert_eq!(one("working on it at the present time").1, "PRESENT_REF");
        assert!(values("the most up to date equipment").is_empty());
        assert_eq!(one("every other day").1, "P2D");
        assert_eq!(one("every three weeks").1, "P3W");
        assert_eq!(one("reports quarterly").1, "P3M");
    }

    #[test]
    fn holidays() {
        assert_eq!(one("back on Easter 2018").1, "2018-04-01");
        assert_eq!(one("since last Thanksgiving").1, "2024-11-28");
        assert_eq!(one("until next Christmas").1, "2025-12-25");
        assert_eq!(one("a party on New Year's Eve").1, "2024-12-31");
        assert_eq!(one("talks before Independence Day of this year").1, "2025-07-04");
        assert_eq!(one("will open on Christmas Day").1, "2025-12-25");
        assert!(
            values("the Christmas market opened").is_empty(),
            "a holiday needs a temporal word"
        );
    }

    #[test]
    fn distances_from_a_named_day() {
        assert_eq!(one("3 days after January 12th.").1, "2025-01-15");
        assert_eq!(one("2 weeks before May 13 1999.").1, "1999-04-29");
        assert_eq!(one("two months after next Friday.").1, "2025-04-21");
        assert_eq!(
            one("5 days before New Year's Day").1,
            "2025-12-27",
            "before points ahead"
        );
        assert_eq!(one("two years since 2011").1, "2013-01-01");
        assert_eq!(one("more than 2 weeks before today").1, "2025-01-30");
        assert_eq!(one("He first ran just six years ago").1, "2019");
    }

    #[test]
    fn quarters_and_halves_are_intervals() {
        assert_eq!(one("sales in Q3 2019 rose").1, "(2019-07-01,2019-10-01,P3M)");
        assert_eq!(one("during 2017-q1").1, "(2017-01-01,2017-04-01,P3M)");
        assert_eq!(one("2019 H2 will bring").1, "(2019-07-01,2020-01-01,P6M)");
        assert_eq!(one("in the third quarter of 2024").1, "(2024-07-01,2024-10-01,P3M)");
        assert_eq!(one("in the first half of next year").1, "(2026-01-01,2026-07-01,P6M)");
        assert_eq!(
            one("profit in the fourth quarter fell").1,
            "(2024-10-01,2025-01-01,P3M)",
            "the latest fourth quarter before the anchor"
        );
        assert_eq!(one("sales last quarter").1, "(2024-10-01,2025-01-01,P3M)");
        assert_eq!(
            one("as early as next year's first quarter").1,
            "(2026-01-01,2026-04-01,P3M)"
        );
        assert!(values("scored in the second half").is_empty(), "a half needs its year");
    }

    #[test]
    fn dashed_month_and_numeric_ranges() {
        assert_eq!(one("in Korea Jan-Feb 2017").1, "(2017-01-01,2017-02-01,P1M)");
        assert_eq!(one("in Korea Nov-Feb 2017").1, "(2016-11-01,2017-02-01,P3M)");
        assert_eq!(one("out 10/1-11/2/2017").1, "(2017-10-01,2017-11-02,P32D)");
        assert_eq!(one("from 5/1-5/7, 2020").1, "(2020-05-01,2020-05-07,P6D)");
    }

    #[test]
    fn spans_leave_out_what_is_not_the_expression() {
        assert_eq!(one("it ended in July.").0, "July");
        assert_eq!(one("until last June. Then").0, "last June");
        assert_eq!(one("Feb. 13").0, "Feb. 13");
        assert_eq!(one("This year's event").0, "This year");
        assert_eq!(one("in two years' time").0, "two years'");
        assert_eq!(one("started about a month earlier").0, "a month");
        assert_eq!(one("comes just over a week after").0, "a week");
        assert_eq!(one("held for almost seven years").0, "almost seven years");
        assert_eq!(one("a relic of the 20th century").0, "20th century");
    }

    #[test]
    fn weeks_word_years_and_compact_dates() {
        assert_eq!(one("in the first week of 2015").1, "2015-W01");
        assert_eq!(one("the last week of 2016").1, "2016-W52");
        assert_eq!(one("the last week of Dec 2016").1, "2016-12-W05");
        assert_eq!(one("the last week of next month").1, "2025-03-W05");
        assert_eq!(one("sales in week 3 of 2027").1, "2027-W03");
        assert_eq!(one("how about 3rd week of 2018").1, "2018-W03");
        assert_eq!(one("leave the third month of 2021").1, "2021-03");
        assert_eq!(one("The 9th month of next year we").1, "2026-09");
        assert_eq!(one("this working week").1, "2025-W07");
        assert_eq!(one("on Monday of the following week").1, "2025-02-17");
        assert_eq!(one("born on January twenty five nineteen eighty six").1, "1986-01-25");
        assert_eq!(one("in August two thousand and fifteen").1, "2015-08");
        assert_eq!(one("6 April seventeen hundred thirty three").1, "1733-04-06");
        assert_eq!(one("back on 20161016.").1, "2016-10-16");
        assert!(values("order 20161399 shipped").is_empty(), "no such date");
        assert_eq!(one("around the 21st this month").1, "2025-02-21");
        assert_eq!(
            values("dates 11/20, 12 of Nov"),
            [pair("11/20", "2024-11-20"), pair("12 of Nov", "2024-11-12")],
            "after a comma only a full year"
        );
    }

    #[test]
    fn fractions_and_compound_durations() {
        assert_eq!(one("took one hour and a half").1, "PT1.5H");
        assert_eq!(one("took one and a half hours").1, "PT1.5H");
        assert_eq!(one("a one year and a quarter gap").1, "P1.25Y");
        assert_eq!(one("in half an hour").1, "PT0.5H");
        assert_eq!(one("a ½ hour call").1, "PT0.5H");
        assert_eq!(one("more than 1 hour and 30 minutes").1, "PT1H30M");
        assert_eq!(one("for 2 years 1 month").1, "P2Y1M");
        assert_eq!(one("a room for two nights").1, "P2D");
        assert_eq!(one("for 123.45 sec").1, "PT123.45S");
        assert_eq!(one("on Wed Oct 26 15:50:06 2016 it").1, "2016-10-26T15:50:06");
    }

    #[test]
    fn parts_of_days_and_worded_minutes() {
        assert_eq!(one("on Sunday early morning at 8:00").1, "2025-02-09T08:00");
        assert_eq!(one("what happened in late afternoon.").1, "TAF");
        assert_eq!(one("a meeting in the morning 9 oclock").1, "T09");
        assert_eq!(one("see you tonite").1, "2025-02-13TNI");
        assert_eq!(one("sets tomorrow at seven twenty-seven").1, "2025-02-14T07:27");
        assert_eq!(one("paid at 10 past 9").1, "T09:10");
        assert_eq!(one("every other Friday").1, "XXXX-WXX-5");
        assert_eq!(one("in the week after next").1, "2025-W09");
        assert_eq!(one("the whole 1st quarter of 2013").1, "(2013-01-01,2013-04-01,P3M)");
    }

    #[test]
    fn ranges_within_a_day_and_bare_day_ends() {
        assert_eq!(
            one("free Tuesday at 2:00 - 2:30 pm?").1,
            "(2025-02-11T14:00,2025-02-11T14:30,PT30M)"
        );
        assert_eq!(
            one("on Monday morning from 10am to 12pm").1,
            "(2025-02-10T10,2025-02-10T12,PT2H)"
        );
        assert_eq!(
            one("yesterday afternoon from 8am-3").1,
            "(2025-02-12T08,2025-02-12T15,PT7H)",
            "a written meridiem is kept"
        );
        assert_eq!(one("available next Monday 6-8").1, "(2025-02-17T06,2025-02-17T08,PT2H)");
        assert_eq!(one("between 3 and 8 yesterday").1, "(2025-02-12T03,2025-02-12T08,PT5H)");
        assert_eq!(
            values("United won 2-1 on Sunday"),
            [pair("Sunday", "2025-02-09")],
            "a score is no range of hours"
        );
        assert_eq!(one("from April 27th to the third").1, "(2025-04-27,2025-05-03,P6D)");
        assert_eq!(one("in Korea Nov 18-Dec 19, 2015").1, "(2015-11-18,2015-12-19,P31D)");
        assert_eq!(one("between Jan 2025 and now").1, "(2025-01-01,2025-02-13,P43D)");
        assert_eq!(
            one("between 10 and 11:30 this morning").1,
            "(2025-02-13T10,2025-02-13T11:30,PT1H30M)"
        );
        assert_eq!(one("profit fell in the last quarter").1, "(2024-10-01,2025-01-01,P3M)");
    }

    #[test]
    fn distances_from_an_event_the_text_dates() {
        assert_eq!(
            values("The vote took place on March 3. Two days after the vote, protests began."),
            [
                pair("March 3", "2025-03-03"),
                pair("Two days after the vote", "2025-03-05")
            ]
        );
        assert_eq!(
            values("Leaders met on Feb. 10 for the summit. A week before the summit, talks stalled."),
            [
                pair("Feb. 10", "2025-02-10"),
                pair("A week before the summit", "2025-02-03")
            ]
        );
        assert_eq!(
            values("Two days after the vote, protests began."),
            [pair("Two days", "P2D")],
            "no dated vote: a duration"
        );
    }

    #[test]
    fn first_and_last_stretches_of_a_year() {
        assert_eq!(
            one("sales in the first nine months of 2024 rose").1,
            "(2024-01-01,2024-10-01,P9M)"
        );
        assert_eq!(one("the last four months of 2021").1, "(2021-09-01,2022-01-01,P4M)");
        assert_eq!(one("the first ten days of last year").1, "(2024-01-01,2024-01-11,P10D)");
        assert_eq!(one("in the first 2 weeks of 2021").1, "(2021-01-04,2021-01-18,P2W)");
        assert_eq!(one("the last 3 weeks of 2019").1, "(2019-12-09,2019-12-30,P3W)");
        assert_eq!(
            one("the last three months of the year").1,
            "(2025-10-01,2026-01-01,P3M)"
        );
    }

    /// Word soup from the grammar's own vocabulary: no panic, spans inside
    /// the text, every expression resolvable with and without an anchor.
    #[test]
    fn token_soup_never_panics() {
        let vocab = [
            "between",
            "and",
            "from",
            "to",
            "-",
            "–",
            "Feb.",
            "12",
            "14",
            "2014",
            "2018",
            "Q3",
            "H2",
            "the",
            "first",
            "last",
            "week",
            "of",
            "quarter",
            "half",
            "at",
            "5",
            "6pm",
            "0730",
            "0930",
            "tonight",
            "Monday",
            "morning",
            "in",
            "days",
            "after",
            "vote",
            "March",
            "3,",
            "Christmas",
            "Easter",
            "2/29",
            "3/1",
            "nov",
            "dec",
            "now",
            "½",
            "hour",
            "and a half",
            "two thousand",
            "nineteen",
            "eighty",
            "six",
            "1st",
            "month",
            "next",
            "year's",
            "12",
            "noon",
            "ish",
            "o'clock",
            "past",
            "quarter to",
            "é",
            "日本",
            ".",
            ",",
            "99",
            "2015-12",
            "20161016",
            "Feb 30 2019",
            "Wed Oct 26 15:50:06 2016",
            "before",
            "2:00",
            "p . m .",
            "9a",
            "w/c",
            "İstanbul",
            "ǅemal",
        ];
        let mut seed: u64 = 12345;
        for _ in 0..4000 {
            let mut s = String::new();
            let n = (seed % 9) as usize + 1;
            for _ in 0..n {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                let w = vocab[(seed >> 33) as usize % vocab.len()];
                s.push_str(w);
                if seed & 1 == 0 {
                    s.push(' ');
                }
            }
            for m in find_dates(&s) {
                assert!(m.span.start <= m.span.end && m.span.end <= s.len(), "{s:?}");
                let _ = resolve(&m.expr, anchor());
                let _ = resolve(&m.expr, None);
            }
        }
    }

    #[test]
    fn recurring_weekdays_are_sets() {
        assert_eq!(one("meetings on Tuesdays at 9am").1, "XXXX-WXX-2T09");
        assert_eq!(one("out Friday mornings").1, "XXXX-WXX-5TMO");
        assert_eq!(one("closed on Sundays.").1, "XXXX-WXX-7");
        assert_eq!(one("closed on Sunday.").1, "2025-02-09", "one Sunday is a day");
    }

    #[test]
    fn not_dates() {
        assert!(values("it may rain; they march on").is_empty());
        assert!(values("$2024 was paid").is_empty());
        assert!(values("a 30% share of 300 billion").is_empty());
        assert!(values("sat on the sun deck at 10").is_empty());
        assert!(values("Tel: +86 138-2010-2015 or 2015-32").is_empty());
        assert!(values("deliver 2000 pieces of toys in the 1st week, a second round").is_empty());
    }
}
