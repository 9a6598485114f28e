//! The words and numerals the temporal forms are built of: months,
//! weekdays, ordinals, days of the month, years.

use std::sync::LazyLock;

use jiff::civil::Weekday;
use nom::{
    Parser,
    branch::alt,
    bytes::complete::{tag, take_while_m_n, take_while1},
    character::complete::{char, space1},
    combinator::{map, map_opt, not, opt, peek, value},
    sequence::{preceded, terminated},
};

use crate::grammar::number::{below_hundred, number_word};
use crate::grammar::{R, boundary, fail, kw, tag_ci};
use crate::lexicon::{WordMap, en, rows};
use crate::timex::expr::{DayPart, Period};

/// A keyword written in lowercase, at a word boundary.
pub(crate) fn lower_kw<'a>(
    w: &'static str,
) -> impl Parser<&'a str, Output = &'a str, Error = nom::error::Error<&'a str>> {
    terminated(tag(w), boundary)
}

pub(crate) fn word(i: &str) -> R<'_, &str> {
    take_while1(|c: char| c.is_alphabetic())(i)
}

/// A month's name or abbreviation.
#[derive(Debug, Clone, Copy)]
struct MonthWord {
    month: u8,
    /// The full name ("May"), never an abbreviation ("Feb").
    full: bool,
    /// The full name is also a verb ("may", "march").
    verb: bool,
}

static MONTHS: LazyLock<WordMap<MonthWord>> = LazyLock::new(|| {
    WordMap::of(rows(en::MONTHS).flat_map(|r| {
        let month = r.cell(0).parse().unwrap_or(0);
        let verb = r.cell(3) == "yes";
        let full = std::iter::once((
            r.cell(1),
            MonthWord {
                month,
                full: true,
                verb,
            },
        ));
        let short = MonthWord {
            month,
            full: false,
            verb: false,
        };
        full.chain(r.list(2).map(move |a| (a, short)))
    }))
});

static WEEKDAYS: LazyLock<WordMap<Weekday>> = LazyLock::new(|| {
    WordMap::of(rows(en::WEEKDAYS).flat_map(|r| {
        let n: i8 = r.cell(0).parse().unwrap_or(0);
        let day = Weekday::from_monday_one_offset(n).unwrap_or(Weekday::Monday);
        [1, 2, 3]
            .into_iter()
            .flat_map(move |i| r.list(i))
            .map(move |w| (w, day))
    }))
});

static ORDINALS: LazyLock<WordMap<u8>> =
    LazyLock::new(|| WordMap::of(rows(en::ORDINALS).map(|r| (r.cell(1), r.cell(0).parse().unwrap_or(0)))));

pub(crate) fn month_of(w: &str) -> Option<u8> {
    let m = MONTHS.get_ascii_lower(w)?;
    // "may" and "march" are also verbs: only their capitalized forms are months.
    if m.verb && !w.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    Some(m.month)
}

pub(crate) fn weekday_of(w: &str) -> Option<Weekday> {
    WEEKDAYS.get_ascii_lower(w)
}

pub(crate) fn ordinal_word(w: &str) -> Option<u8> {
    ORDINALS.get_ascii_lower(w)
}

/// An abbreviation's period ("Feb.", "Wed."), never a full word's full stop.
pub(crate) fn abbrev_dot<'a>(w: &str, rest: &'a str) -> &'a str {
    if w.len() <= 4 {
        rest.strip_prefix('.').unwrap_or(rest)
    } else {
        rest
    }
}

pub(crate) fn month(i: &str) -> R<'_, u8> {
    let (rest, w) = word(i)?;
    let Some(m) = month_of(w) else { return fail(i) };
    Ok((month_dot(w, rest), m))
}

/// "Feb." keeps its dot; "May.", "June." and "July." end a sentence.
pub(crate) fn month_dot<'a>(w: &str, rest: &'a str) -> &'a str {
    let full = MONTHS.get_ascii_lower(w).is_some_and(|m| m.full);
    if full { rest } else { abbrev_dot(w, rest) }
}

/// A month name written as a proper noun (for months standing alone).
pub(crate) fn capital_month(i: &str) -> R<'_, u8> {
    let (rest, w) = word(i)?;
    if w.len() < 3 || !w.starts_with(|c: char| c.is_uppercase()) {
        return fail(i);
    }
    let Some(m) = month_of(w) else { return fail(i) };
    Ok((month_dot(w, rest), m))
}

pub(crate) fn weekday(i: &str) -> R<'_, Weekday> {
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

pub(crate) fn digits(min: usize, max: usize) -> impl FnMut(&str) -> R<'_, &str> {
    move |i| {
        terminated(
            take_while_m_n(min, max, |c: char| c.is_ascii_digit()),
            not(peek(take_while_m_n(1, 1, |c: char| c.is_ascii_digit()))),
        )
        .parse(i)
    }
}

pub(crate) fn num_in(min: usize, max: usize, lo: u32, hi: u32) -> impl FnMut(&str) -> R<'_, u32> {
    move |i| {
        map_opt(digits(min, max), |d: &str| {
            d.parse::<u32>().ok().filter(|n| (lo..=hi).contains(n))
        })
        .parse(i)
    }
}

/// A day of the month: `13`, `13th`, `thirteenth`, `twenty-first`, `twenty one`.
pub(crate) fn day_number(i: &str) -> R<'_, u8> {
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
pub(crate) fn day_words(i: &str) -> R<'_, u8> {
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

pub(crate) fn year(i: &str) -> R<'_, i16> {
    map_opt(digits(4, 4), |y: &str| {
        y.parse::<i16>().ok().filter(|y| (1000..=2999).contains(y))
    })
    .parse(i)
}

/// A year written with two digits in a numeric date: `16` → 2016, `89` → 1989.
pub(crate) fn short_year(i: &str) -> R<'_, i16> {
    let (rest, y) = num_in(2, 2, 0, 99)(i)?;
    Ok((rest, if y < 50 { 2000 + y as i16 } else { 1900 + y as i16 }))
}

/// A year in words: `nineteen eighty six`, `two thousand and fifteen`,
/// `seventeen hundred thirty three`, `twenty twenty`.
pub(crate) fn word_year(i: &str) -> R<'_, i16> {
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

/// Whether `lower` is a month's name that is also a verb ("may", "march").
pub(crate) fn month_verb(lower: &str) -> bool {
    MONTHS.get(lower).is_some_and(|m| m.verb)
}

/// Period words: the unit and whether the form is plural.
static PERIODS: LazyLock<WordMap<(Period, bool)>> = LazyLock::new(|| {
    WordMap::of(rows(en::PERIODS).flat_map(|r| {
        let period = match r.cell(0) {
            "day" => Period::Day,
            "week" => Period::Week,
            "month" => Period::Month,
            "year" => Period::Year,
            "decade" => Period::Decade,
            "hour" => Period::Hour,
            "minute" => Period::Minute,
            _ => Period::Second,
        };
        let singular = r.list(1).map(move |w| (w, (period, false)));
        singular.chain(r.list(2).map(move |w| (w, (period, true))))
    }))
});

/// A period word: its unit and whether it is plural.
pub(crate) fn period_word(w: &str) -> Option<(Period, bool)> {
    PERIODS.get_ascii_lower(w)
}

/// A plural's possessive apostrophe ("two years' time"), never the one of
/// "'s" ("this year's").
pub(crate) fn plural_apostrophe(i: &str) -> R<'_, ()> {
    value((), opt((char('\''), not(peek(tag_ci("s")))))).parse(i)
}

pub(crate) fn period(i: &str) -> R<'_, Period> {
    let (rest, w) = word(i)?;
    let (rest, _) = plural_apostrophe(rest)?;
    match period_word(w) {
        Some((p, _)) => Ok((rest, p)),
        None => fail(i),
    }
}

/// The word before `at`, lowercased.
pub(crate) fn prev_word(text: &str, at: usize) -> String {
    crate::text::word_before(text, at)
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Words of the parts of the day: the part and whether the word is plural.
static DAY_PARTS: LazyLock<WordMap<(DayPart, bool)>> = LazyLock::new(|| {
    WordMap::of(rows(en::DAY_PARTS).flat_map(|r| {
        let part = match r.cell(0) {
            "MO" => DayPart::Morning,
            "AF" => DayPart::Afternoon,
            "EV" => DayPart::Evening,
            _ => DayPart::Night,
        };
        let singular = r.list(1).map(move |w| (w, (part, false)));
        singular.chain(r.list(2).map(move |w| (w, (part, true))))
    }))
});

/// A part of the day's word, `morning` or `evenings`, and whether it is plural.
pub(crate) fn day_part_word(i: &str) -> R<'_, (DayPart, bool)> {
    let (rest, w) = word(i)?;
    let (rest, _) = boundary(rest)?;
    match DAY_PARTS.get_ascii_lower(w) {
        Some(found) => Ok((rest, found)),
        None => fail(i),
    }
}

/// A part of the day in the singular; `night` too when `night` is true.
pub(crate) fn day_part_singular(night: bool) -> impl Fn(&str) -> R<'_, DayPart> {
    move |i| match day_part_word(i)? {
        (rest, (p, false)) if night || p != DayPart::Night => Ok((rest, p)),
        _ => fail(i),
    }
}
