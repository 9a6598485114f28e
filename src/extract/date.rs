//! Temporal expressions: a nom grammar for the dates, times, durations and
//! relative days that news English uses, normalized to TIMEX3 values.

use jiff::civil::Date;
use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, tag_no_case, take_while_m_n, take_while1},
    character::complete::{char, space0, space1},
    combinator::{map, map_opt, not, opt, peek, recognize, value, verify},
    sequence::{preceded, terminated},
};

use crate::claim::{DateValue, TimexType, TimexValue};
use crate::span::Span;

/// Which way a relative expression points from its anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// On or before the anchor: "said on Wednesday".
    Past,
    /// After the anchor: "will meet on Friday".
    Future,
}

/// Part of a day, TIMEX3's `TMO`, `TAF`, `TEV`, `TNI`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl DayPart {
    fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
        }
    }
}

/// A clock time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub hour: u8,
    pub minute: u8,
}

/// A unit of calendar time for durations and relative periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Day,
    Week,
    Month,
    Year,
    Hour,
    Minute,
}

impl Period {
    fn code(self) -> &'static str {
        match self {
            Period::Day => "D",
            Period::Week => "W",
            Period::Month => "M",
            Period::Year => "Y",
            Period::Hour => "H",
            Period::Minute => "M",
        }
    }

    fn is_clock(self) -> bool {
        matches!(self, Period::Hour | Period::Minute)
    }
}

/// A parsed temporal expression, before resolution against an anchor.
#[derive(Debug, Clone, PartialEq)]
pub enum DateExpr {
    /// A calendar date, possibly missing its year or day.
    Calendar {
        year: Option<i16>,
        month: Option<u8>,
        day: Option<u8>,
        /// A weekday written beside the date: it pins a missing year.
        weekday: Option<u8>,
        time: Option<Clock>,
    },
    /// A weekday alone (1 = Monday).
    Weekday {
        weekday: u8,
        direction: Direction,
        part: Option<DayPart>,
    },
    /// A day counted from the anchor: yesterday = -1.
    RelativeDay {
        offset: i32,
        part: Option<DayPart>,
    },
    /// This, last or next week, month or year.
    RelativePeriod {
        period: Period,
        offset: i32,
    },
    /// An amount of time before the anchor: "three years ago".
    Ago {
        amount: u32,
        period: Period,
    },
    Duration {
        amount: Option<u32>,
        period: Period,
    },
    Decade(i16),
    /// A clock time on the anchor day.
    Time(Clock),
    PresentRef,
    /// A recurrence: "every Monday", "annually".
    Set(String),
}

/// A temporal expression found in cleaned text.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    pub span: Span,
    pub expr: DateExpr,
}

type R<'a, T> = IResult<&'a str, T>;

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// A keyword that must end at a word boundary.
fn kw<'a>(w: &'static str) -> impl Parser<&'a str, Output = &'a str, Error = nom::error::Error<&'a str>> {
    terminated(tag_no_case(w), not(peek(take_while_m_n(1, 1, is_word_char))))
}

/// A keyword written in lowercase, at a word boundary.
fn lower_kw<'a>(w: &'static str) -> impl Parser<&'a str, Output = &'a str, Error = nom::error::Error<&'a str>> {
    terminated(tag(w), not(peek(take_while_m_n(1, 1, is_word_char))))
}

fn word(i: &str) -> R<'_, &str> {
    take_while1(|c: char| c.is_alphabetic())(i)
}

fn month_of(w: &str) -> Option<u8> {
    let lower = w.to_lowercase();
    // "may" and "march" are also verbs: only their capitalized forms are months.
    if (lower == "may" || lower == "march") && !w.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    Some(match lower.as_str() {
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
    Some(match w.to_lowercase().as_str() {
        "monday" | "mon" => 1,
        "tuesday" | "tue" | "tues" => 2,
        "wednesday" | "wed" => 3,
        "thursday" | "thu" | "thur" | "thurs" => 4,
        "friday" | "fri" => 5,
        "saturday" | "sat" => 6,
        "sunday" | "sun" => 7,
        _ => return None,
    })
}

/// A number written as a word, up to the sizes durations use.
pub(crate) fn number_word(w: &str) -> Option<u32> {
    Some(match w.to_lowercase().as_str() {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "hundred" => 100,
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
    let m = month_of(w).ok_or_else(|| nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify)))?;
    Ok((abbrev_dot(w, rest), m))
}

fn weekday(i: &str) -> R<'_, u8> {
    let (rest, w) = verify(word, |w: &str| w.starts_with(|c: char| c.is_uppercase()) || w.len() > 4).parse(i)?;
    let d = weekday_of(w).ok_or_else(|| nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify)))?;
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

fn day(i: &str) -> R<'_, u8> {
    let (rest, d) = map_opt(digits(1, 2), |d: &str| {
        d.parse::<u8>().ok().filter(|d| (1..=31).contains(d))
    })
    .parse(i)?;
    let (rest, _) = opt(alt((
        tag_no_case("st"),
        tag_no_case("nd"),
        tag_no_case("rd"),
        tag_no_case("th"),
    )))
    .parse(rest)?;
    let (rest, _) = not(peek(take_while_m_n(1, 1, is_word_char))).parse(rest)?;
    Ok((rest, d))
}

fn year(i: &str) -> R<'_, i16> {
    map_opt(digits(4, 4), |y: &str| {
        y.parse::<i16>().ok().filter(|y| (1000..=2999).contains(y))
    })
    .parse(i)
}

fn ampm(i: &str) -> R<'_, bool> {
    preceded(
        space0,
        alt((
            value(false, alt((kw("am"), tag_no_case("a.m."), kw("a.m")))),
            value(true, alt((kw("pm"), tag_no_case("p.m."), kw("p.m")))),
        )),
    )
    .parse(i)
}

/// `10:10 AM`, `4:30 a.m.`, `22:25:00`, `10 a.m.`
fn clock(i: &str) -> R<'_, Clock> {
    let hm = (
        map_opt(digits(1, 2), |h: &str| h.parse::<u8>().ok().filter(|h| *h < 24)),
        preceded(
            char(':'),
            map_opt(digits(2, 2), |m: &str| m.parse::<u8>().ok().filter(|m| *m < 60)),
        ),
        opt(preceded(char(':'), digits(2, 2))),
        opt(ampm),
    );
    let with_minutes = map(hm, |(h, m, _, pm)| to_clock(h, m, pm));
    let hour_only = map(
        (
            map_opt(digits(1, 2), |h: &str| {
                h.parse::<u8>().ok().filter(|h| (1..=12).contains(h))
            }),
            ampm,
        ),
        |(h, pm)| to_clock(h, 0, Some(pm)),
    );
    map_opt(alt((with_minutes, hour_only)), |c| c).parse(i)
}

fn to_clock(h: u8, m: u8, pm: Option<bool>) -> Option<Clock> {
    let hour = match pm {
        Some(_) if h == 0 || h > 12 => return None,
        Some(true) if h < 12 => h + 12,
        Some(false) if h == 12 => 0,
        _ => h,
    };
    Some(Clock { hour, minute: m })
}

/// Separator between date parts: `, ` or ` `.
fn sep(i: &str) -> R<'_, ()> {
    value((), (opt(char(',')), space1)).parse(i)
}

fn time_tail(i: &str) -> R<'_, Clock> {
    preceded(
        alt((
            value((), (space0, char('T'))),
            value((), (opt(char(',')), space1, opt((kw("at"), space1)))),
        )),
        clock,
    )
    .parse(i)
}

/// `2025-02-13`, `2025-02-13 22:25:00`, `2025-02-13T22:25`.
fn iso(i: &str) -> R<'_, DateExpr> {
    let (rest, (y, _, m, _, d)) = (
        year,
        char('-'),
        map_opt(digits(2, 2), |m: &str| {
            m.parse::<u8>().ok().filter(|m| (1..=12).contains(m))
        }),
        char('-'),
        map_opt(digits(2, 2), |d: &str| {
            d.parse::<u8>().ok().filter(|d| (1..=31).contains(d))
        }),
    )
        .parse(i)?;
    let (rest, time) = opt(time_tail).parse(rest)?;
    Ok((rest, calendar(Some(y), Some(m), Some(d), None, time)))
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

/// `Feb. 13`, `February 13, 2025`, `February 14, 2025 10:10 AM`.
fn month_day(i: &str) -> R<'_, DateExpr> {
    let (rest, (m, _, d)) = (month, space1, day).parse(i)?;
    let (rest, y) = opt(preceded(sep, year)).parse(rest)?;
    let (rest, time) = opt(time_tail).parse(rest)?;
    Ok((rest, calendar(y, Some(m), Some(d), None, time)))
}

/// `13 Feb`, `13 February 2025`, `13th of February`.
fn day_month(i: &str) -> R<'_, DateExpr> {
    let (rest, (d, _, _, m)) = (day, space1, opt((kw("of"), space1)), month).parse(i)?;
    let (rest, y) = opt(preceded(sep, year)).parse(rest)?;
    let (rest, time) = opt(time_tail).parse(rest)?;
    Ok((rest, calendar(y, Some(m), Some(d), None, time)))
}

/// `September 2022`, `Sept. 2022`.
fn month_year(i: &str) -> R<'_, DateExpr> {
    let (rest, (m, _, y)) = (month, sep, year).parse(i)?;
    Ok((rest, calendar(Some(y), Some(m), None, None, None)))
}

/// `Wednesday (February 12)`, `Wed 5 Mar 2025`, `Thursday, Feb. 13`.
fn weekday_date(i: &str) -> R<'_, DateExpr> {
    let (rest, (wd, _)) = (weekday, alt((value((), (opt(char(',')), space1)), value((), space0)))).parse(i)?;
    let paren = (char('('), alt((month_day, day_month)), char(')'));
    let (rest, expr) = alt((map(paren, |(_, e, _)| e), month_day, day_month)).parse(rest)?;
    match expr {
        DateExpr::Calendar {
            year, month, day, time, ..
        } => Ok((rest, calendar(year, month, day, Some(wd), time))),
        other => Ok((rest, other)),
    }
}

fn day_part(i: &str) -> R<'_, DayPart> {
    alt((
        value(DayPart::Morning, kw("morning")),
        value(DayPart::Afternoon, kw("afternoon")),
        value(DayPart::Evening, kw("evening")),
        value(DayPart::Night, kw("night")),
    ))
    .parse(i)
}

fn bare_weekday(i: &str) -> R<'_, DateExpr> {
    let (rest, wd) = weekday(i)?;
    let (rest, part) = opt(preceded(space1, day_part)).parse(rest)?;
    Ok((
        rest,
        DateExpr::Weekday {
            weekday: wd,
            direction: Direction::Past,
            part,
        },
    ))
}

fn relative_day(i: &str) -> R<'_, DateExpr> {
    let rd = |offset: i32| move |part: Option<DayPart>| DateExpr::RelativeDay { offset, part };
    alt((
        map(kw("today"), |_| rd(0)(None)),
        map(kw("tonight"), |_| rd(0)(Some(DayPart::Night))),
        map(kw("yesterday"), |_| rd(-1)(None)),
        map(kw("tomorrow"), |_| rd(1)(None)),
        map((kw("this"), space1, day_part), |(_, _, p)| rd(0)(Some(p))),
        map((kw("last"), space1, kw("night")), |_| rd(-1)(Some(DayPart::Night))),
        map(
            (
                kw("the"),
                space1,
                alt((kw("day"), kw("night"))),
                space1,
                alt((kw("before"), kw("earlier"))),
            ),
            |(_, _, _, _, _)| rd(-1)(None),
        ),
        map((kw("the"), space1, kw("previous"), space1, kw("day")), |_| rd(-1)(None)),
        map(
            (kw("the"), space1, alt((kw("next"), kw("following"))), space1, kw("day")),
            |_| rd(1)(None),
        ),
        map((kw("the"), space1, kw("day"), space1, kw("after")), |_| rd(1)(None)),
    ))
    .parse(i)
}

fn period(i: &str) -> R<'_, Period> {
    let (rest, w) = word(i)?;
    let p = match w.to_lowercase().as_str() {
        "day" | "days" => Period::Day,
        "week" | "weeks" => Period::Week,
        "month" | "months" => Period::Month,
        "year" | "years" => Period::Year,
        "hour" | "hours" => Period::Hour,
        "minute" | "minutes" => Period::Minute,
        _ => {
            return Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Verify,
            )));
        }
    };
    Ok((rest, p))
}

fn relative_period(i: &str) -> R<'_, DateExpr> {
    let (rest, (which, _, p)) = (
        alt((
            value(-1, kw("last")),
            value(0, kw("this")),
            value(1, kw("next")),
            value(-1, kw("past")),
        )),
        space1,
        verify(period, |p| matches!(p, Period::Week | Period::Month | Period::Year)),
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

fn count(i: &str) -> R<'_, Option<u32>> {
    alt((
        map_opt(digits(1, 3), |d: &str| d.parse().ok().map(Some)),
        map_opt(word, |w: &str| number_word(w).map(Some)),
        value(Some(1), alt((kw("a"), kw("an")))),
        value(None, alt((kw("several"), kw("few"), kw("many")))),
    ))
    .parse(i)
}

/// `three years`, `three-year`, `a month`, `two days ago`.
fn duration(i: &str) -> R<'_, DateExpr> {
    let (rest, (n, _, p)) = (count, alt((tag("-"), space1)), period).parse(i)?;
    let (rest2, ago) = opt(preceded(space1, kw("ago"))).parse(rest)?;
    match (ago, n) {
        (Some(_), Some(amount)) => Ok((rest2, DateExpr::Ago { amount, period: p })),
        _ => Ok((rest, DateExpr::Duration { amount: n, period: p })),
    }
}

/// `the 1990s`, `1990s`.
fn decade(i: &str) -> R<'_, DateExpr> {
    let (rest, (_, d, _)) = (
        opt((kw("the"), space1)),
        map_opt(
            recognize((take_while_m_n(3, 3, |c: char| c.is_ascii_digit()), char('0'))),
            |d: &str| d.parse::<i16>().ok(),
        ),
        alt((tag("s"), tag("'s"))),
    )
        .parse(i)?;
    let (rest, _) = not(peek(take_while_m_n(1, 1, is_word_char))).parse(rest)?;
    Ok((rest, DateExpr::Decade(d)))
}

fn bare_year(i: &str) -> R<'_, DateExpr> {
    map(verify(year, |y| (1900..=2099).contains(y)), |y| {
        calendar(Some(y), None, None, None, None)
    })
    .parse(i)
}

fn present(i: &str) -> R<'_, DateExpr> {
    value(DateExpr::PresentRef, alt((kw("now"), kw("currently"), kw("nowadays")))).parse(i)
}

fn set(i: &str) -> R<'_, DateExpr> {
    alt((
        map((kw("every"), space1, weekday), |(_, _, d)| {
            DateExpr::Set(format!("XXXX-WXX-{d}"))
        }),
        map((kw("every"), space1, period), |(_, _, p)| {
            DateExpr::Set(duration_value(Some(1), p))
        }),
        // Lowercase only: "Harbour Daily" is a name.
        value(
            DateExpr::Set("P1Y".into()),
            alt((lower_kw("annually"), lower_kw("yearly"))),
        ),
        value(DateExpr::Set("P1M".into()), lower_kw("monthly")),
        value(DateExpr::Set("P1W".into()), lower_kw("weekly")),
        value(DateExpr::Set("P1D".into()), lower_kw("daily")),
    ))
    .parse(i)
}

fn time_only(i: &str) -> R<'_, DateExpr> {
    map(clock, DateExpr::Time).parse(i)
}

/// The whole grammar, longest forms first.
fn expression(i: &str) -> R<'_, DateExpr> {
    alt((
        iso,
        weekday_date,
        month_day,
        day_month,
        month_year,
        bare_weekday,
        relative_day,
        relative_period,
        set,
        duration,
        decade,
        bare_year,
        time_only,
        present,
    ))
    .parse(i)
}

/// Words that, shortly before a weekday, put it in the future.
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
];

fn direction_before(text: &str, at: usize) -> Direction {
    let before = &text[..at];
    let words: Vec<&str> = before.rsplit(|c: char| c.is_whitespace()).take(6).collect();
    for w in words {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
            .to_lowercase();
        if w == "last" || w == "past" || w == "previous" {
            return Direction::Past;
        }
        if FUTURE_MARKERS.contains(&w.as_str()) || w.ends_with("'ll") {
            return Direction::Future;
        }
        if w.ends_with('.') {
            break;
        }
    }
    Direction::Past
}

/// Finds every temporal expression in `text`.
pub fn find_dates(text: &str) -> Vec<DateMention> {
    let mut out = Vec::new();
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < text.len() {
        let at_word_start = text.is_char_boundary(i) && word_start(text, i);
        if at_word_start {
            if let Ok((rest, expr)) = expression(&text[i..]) {
                let end = text.len() - rest.len();
                let end = end - trailing_space(&text[i..end]);
                if end > i && accept(text, i, end, &expr) {
                    let expr = match expr {
                        DateExpr::Weekday { weekday, part, .. } => DateExpr::Weekday {
                            weekday,
                            direction: direction_before(text, i),
                            part,
                        },
                        e => e,
                    };
                    out.push(DateMention {
                        span: Span::new(i, end),
                        expr,
                    });
                    i = end;
                    continue;
                }
            }
        }
        i += 1;
        while i < bytes.len() && !text.is_char_boundary(i) {
            i += 1;
        }
    }
    out
}

/// A word starts at `i` that is not the tail of a number or an amount.
fn word_start(text: &str, i: usize) -> bool {
    if !text[i..].starts_with(|c: char| c.is_alphanumeric()) {
        return false;
    }
    let mut prev = text[..i].chars().rev();
    match prev.next() {
        None => true,
        Some(p) if p.is_alphanumeric() || matches!(p, '$' | '€' | '£' | '¥' | '-' | '/') => {
            // "three-year" starts at "three", not at "year"; "pre-2014" at "2014".
            p == '-'
                && text[..i - 1].ends_with(|c: char| c.is_alphabetic())
                && text[i..].starts_with(|c: char| c.is_ascii_digit())
        }
        Some('.' | ',' | ':') => !prev.next().is_some_and(|c| c.is_ascii_digit()),
        Some(_) => true,
    }
}

fn trailing_space(s: &str) -> usize {
    s.len() - s.trim_end().len()
}

/// Context checks that the grammar alone cannot make.
fn accept(text: &str, start: usize, end: usize, expr: &DateExpr) -> bool {
    let after = &text[end..];
    match expr {
        // A year inside a figure ("2024 people" is rare; "$2024" or "2024%" is not a year).
        DateExpr::Calendar {
            year: Some(_),
            month: None,
            ..
        } => {
            !after.starts_with(['%', '.', ','])
                || after.starts_with(". ")
                || after.starts_with(", ")
                || after.starts_with(".\n")
                || end == text.len()
        }
        DateExpr::Duration { amount: None, .. } => false,
        // "a day" is too vague to be a claim unless it measures something.
        DateExpr::Duration { amount: Some(1), .. } => !text[start..end].starts_with(['a', 'A']),
        DateExpr::Time(_) => true,
        _ => true,
    }
}

fn duration_value(amount: Option<u32>, p: Period) -> String {
    let n = amount.map(|a| a.to_string()).unwrap_or_else(|| "X".into());
    if p.is_clock() {
        format!("PT{n}{}", p.code())
    } else {
        format!("P{n}{}", p.code())
    }
}

fn ymd(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn with_time(date: String, time: Option<Clock>, part: Option<DayPart>) -> (String, TimexType) {
    match (time, part) {
        (Some(c), _) => (format!("{date}T{:02}:{:02}", c.hour, c.minute), TimexType::Time),
        (None, Some(p)) => (format!("{date}T{}", p.code()), TimexType::Time),
        _ => (date, TimexType::Date),
    }
}

/// The year that puts month/day closest to the anchor.
fn nearest_year(anchor: Date, month: u8, day: Option<u8>) -> i16 {
    let y = anchor.year();
    let mut best = y;
    let mut best_dist = i64::MAX;
    for cand in [y - 1, y, y + 1] {
        if let Ok(d) = Date::new(cand, month as i8, day.unwrap_or(15).min(28) as i8) {
            let dist = days_between(anchor, d).unwrap_or(i64::MAX).abs();
            if dist < best_dist {
                best_dist = dist;
                best = cand;
            }
        }
    }
    best
}

fn days_between(a: Date, b: Date) -> Option<i64> {
    let span = a.until((jiff::Unit::Day, b)).ok()?;
    Some(span.get_days() as i64)
}

/// The year in which `month`/`day` falls on `weekday`, nearest to `near`.
pub fn year_for_weekday(month: u8, day: u8, weekday: u8, near: i16) -> Option<i16> {
    let mut best: Option<i16> = None;
    for delta in 0..=14i16 {
        for y in [near - delta, near + delta] {
            if let Ok(d) = Date::new(y, month as i8, day as i8) {
                if d.weekday().to_monday_one_offset() as u8 == weekday {
                    best = Some(best.map_or(y, |b: i16| if (b - near).abs() <= (y - near).abs() { b } else { y }));
                }
            }
        }
        if best.is_some() {
            return best;
        }
    }
    best
}

/// Resolves a parsed expression against the publication date.
pub fn resolve(expr: &DateExpr, anchor: Option<Date>) -> DateValue {
    let date = |v: String, kind: TimexType, resolved: bool| DateValue {
        value: TimexValue(v),
        kind,
        resolved,
    };
    match *expr {
        DateExpr::Calendar {
            year,
            month,
            day,
            weekday,
            time,
        } => {
            let year = year.or_else(|| match (month, day, weekday) {
                (Some(m), Some(d), Some(wd)) => year_for_weekday(m, d, wd, anchor.map(|a| a.year()).unwrap_or(2000))
                    .filter(|_| anchor.is_some())
                    .or_else(|| anchor.map(|a| nearest_year(a, m, Some(d)))),
                (Some(m), d, _) => anchor.map(|a| nearest_year(a, m, d)),
                _ => None,
            });
            let resolved = year.is_some();
            let ys = year.map(|y| format!("{y:04}")).unwrap_or_else(|| "XXXX".into());
            let s = match (month, day) {
                (Some(m), Some(d)) => format!("{ys}-{m:02}-{d:02}"),
                (Some(m), None) => format!("{ys}-{m:02}"),
                _ => ys,
            };
            let (v, kind) = with_time(s, time, None);
            date(v, kind, resolved)
        }
        DateExpr::Weekday {
            weekday,
            direction,
            part,
        } => match anchor {
            Some(a) => {
                let cur = a.weekday().to_monday_one_offset() as i32;
                let wd = weekday as i32;
                let offset = match direction {
                    Direction::Past => -((cur - wd).rem_euclid(7)),
                    Direction::Future => {
                        let f = (wd - cur).rem_euclid(7);
                        if f == 0 { 7 } else { f }
                    }
                };
                let d = a.checked_add(jiff::Span::new().days(offset as i64)).unwrap_or(a);
                let (v, kind) = with_time(ymd(d), None, part);
                date(v, kind, true)
            }
            None => {
                let (v, kind) = with_time(format!("XXXX-WXX-{weekday}"), None, part);
                date(v, kind, false)
            }
        },
        DateExpr::RelativeDay { offset, part } => match anchor {
            Some(a) => {
                let d = a.checked_add(jiff::Span::new().days(offset as i64)).unwrap_or(a);
                let (v, kind) = with_time(ymd(d), None, part);
                date(v, kind, true)
            }
            None => {
                let (v, kind) = with_time("XXXX-XX-XX".into(), None, part);
                date(v, kind, false)
            }
        },
        DateExpr::RelativePeriod { period, offset } => match anchor {
            Some(a) => {
                let v = match period {
                    Period::Year => format!("{:04}", a.year() as i32 + offset),
                    Period::Month => {
                        let m0 = a.year() as i32 * 12 + a.month() as i32 - 1 + offset;
                        format!("{:04}-{:02}", m0.div_euclid(12), m0.rem_euclid(12) + 1)
                    }
                    _ => {
                        let d = a.checked_add(jiff::Span::new().days(7 * offset as i64)).unwrap_or(a);
                        let w = d.iso_week_date();
                        format!("{:04}-W{:02}", w.year(), w.week())
                    }
                };
                date(v, TimexType::Date, true)
            }
            None => {
                let v = match period {
                    Period::Year => "XXXX".into(),
                    Period::Month => "XXXX-XX".into(),
                    _ => "XXXX-WXX".into(),
                };
                date(v, TimexType::Date, false)
            }
        },
        DateExpr::Ago { amount, period } => match anchor {
            Some(a) => {
                let n = amount as i64;
                let (v, kind) = match period {
                    Period::Year => (format!("{:04}", a.year() as i64 - n), TimexType::Date),
                    Period::Month => {
                        let m0 = a.year() as i64 * 12 + a.month() as i64 - 1 - n;
                        (
                            format!("{:04}-{:02}", m0.div_euclid(12), m0.rem_euclid(12) + 1),
                            TimexType::Date,
                        )
                    }
                    Period::Week => {
                        let d = a.checked_add(jiff::Span::new().days(-7 * n)).unwrap_or(a);
                        let w = d.iso_week_date();
                        (format!("{:04}-W{:02}", w.year(), w.week()), TimexType::Date)
                    }
                    Period::Day => (
                        ymd(a.checked_add(jiff::Span::new().days(-n)).unwrap_or(a)),
                        TimexType::Date,
                    ),
                    Period::Hour | Period::Minute => (ymd(a), TimexType::Time),
                };
                date(v, kind, true)
            }
            None => date("XXXX-XX-XX".into(), TimexType::Date, false),
        },
        DateExpr::Duration { amount, period } => date(duration_value(amount, period), TimexType::Duration, true),
        DateExpr::Decade(d) => date(format!("{:03}", d / 10), TimexType::Date, true),
        DateExpr::Time(c) => match anchor {
            Some(a) => date(
                format!("{}T{:02}:{:02}", ymd(a), c.hour, c.minute),
                TimexType::Time,
                true,
            ),
            None => date(
                format!("XXXX-XX-XXT{:02}:{:02}", c.hour, c.minute),
                TimexType::Time,
                false,
            ),
        },
        DateExpr::PresentRef => date("PRESENT_REF".into(), TimexType::Date, true),
        DateExpr::Set(ref s) => date(s.clone(), TimexType::Set, true),
    }
}

/// Parses a date as metadata gives it: `2025-03-05`, `2025-03-05T09:30:00Z`,
/// `March 5, 2025`, `5 March 2025`.
pub fn parse_date_str(s: &str) -> Option<Date> {
    let s = s.trim();
    let found = find_dates(s);
    let first = found.first()?;
    match first.expr {
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

    fn anchor() -> Option<Date> {
        // A Thursday.
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

    #[test]
    fn month_day_forms() {
        assert_eq!(one("reported on Feb. 13 that"), ("Feb. 13".into(), "2025-02-13".into()));
        assert_eq!(one("on 13 Feb the"), ("13 Feb".into(), "2025-02-13".into()));
        assert_eq!(
            one("on February 13, 2025, in"),
            ("February 13, 2025".into(), "2025-02-13".into())
        );
        assert_eq!(
            one("the 3rd of March 2024"),
            ("3rd of March 2024".into(), "2024-03-03".into())
        );
    }

    #[test]
    fn month_day_without_year_takes_the_nearest_year() {
        // Mid-February anchor: December is last year's, not this year's.
        assert_eq!(one("on Dec. 30 the").1, "2024-12-30");
    }

    #[test]
    fn datelines_with_times() {
        assert_eq!(one("February 14, 2025 10:10 AM").1, "2025-02-14T10:10");
        assert_eq!(one("2025-02-13 22:25:00 | Bota").1, "2025-02-13T22:25");
        assert_eq!(one("at 4:30 p.m. local").1, "2025-02-13T16:30");
    }

    #[test]
    fn weekdays_follow_tense() {
        assert_eq!(one("Hegseth said on Wednesday that").1, "2025-02-12");
        assert_eq!(one("the minister said Thursday").1, "2025-02-13");
        assert_eq!(one("they will meet on Friday").1, "2025-02-14");
        assert_eq!(one("talks resume next Monday").1, "2025-02-17");
    }

    #[test]
    fn weekday_beside_a_date_is_one_expression() {
        assert_eq!(
            one("stated on Wednesday (February 12) that"),
            ("Wednesday (February 12)".into(), "2025-02-12".into())
        );
        assert_eq!(one("Wed 5 Mar 2025").1, "2025-03-05");
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
        assert_eq!(one("last week").1, "2025-W06");
        assert_eq!(one("last year").1, "2024");
        assert_eq!(one("two days ago").1, "2025-02-11");
    }

    #[test]
    fn durations_years_and_months() {
        assert_eq!(
            one("Russia's nearly three-year war"),
            ("three-year".into(), "P3Y".into())
        );
        assert_eq!(
            one("in September 2022, following"),
            ("September 2022".into(), "2022-09".into())
        );
        assert_eq!(one("reaffirmed in 2024 that").1, "2024");
        assert_eq!(one("in the 1990s").1, "199");
        assert_eq!(one("every Monday").1, "XXXX-WXX-1");
        assert_eq!(one("published daily").1, "P1D");
        assert!(values("the Harbour Daily").is_empty());
    }

    #[test]
    fn unresolved_without_anchor() {
        let m = find_dates("said on Wednesday");
        let v = resolve(&m[0].expr, None);
        assert_eq!((v.value.0.as_str(), v.resolved), ("XXXX-WXX-3", false));
    }

    #[test]
    fn not_dates() {
        assert!(values("it may rain; they march on").is_empty());
        assert!(values("$2024 was paid").is_empty());
        assert!(values("a 30% share of 300 billion").is_empty());
    }
}
