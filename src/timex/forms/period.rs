//! Stretches of a year or month: quarters and halves, weeks, "the first
//! nine months of 2024", "the third month of the year".

use nom::{
    Parser,
    branch::alt,
    bytes::complete::{tag, take_while1},
    character::complete::{char, space1},
    combinator::{map, map_opt, opt, value},
    sequence::{preceded, terminated},
};

use crate::grammar::{R, boundary, fail, kw, tag_ci};
use crate::timex::expr::{DateExpr, Direction, Nth, Period};
use crate::timex::forms::calendar::{bare_year, day_month, month_day, month_year, numeric_md, year_tail};
use crate::timex::forms::duration::counted;
use crate::timex::forms::relative::{relative_period, year_ref};
use crate::timex::words::{month, num_in, ordinal_word, year};

/// `the week of April 10`, `the week beginning February 4`, `w/c Feb 4`:
/// named by the day it starts from.
pub(crate) fn week_of(i: &str) -> R<'_, DateExpr> {
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

/// `the first nine months of 2024`, `the last three weeks of this year`,
/// `first ten days of last year`, `the last 2 months of the year`.
pub(crate) fn part_of(i: &str) -> R<'_, DateExpr> {
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
    let Some(amount) = n.whole() else {
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

/// A rank among a few: `first` to `fifth`, `1st` to `5th`, `last`, `final`.
pub(crate) fn rank(i: &str) -> R<'_, Nth> {
    map_opt(take_while1(|c: char| c.is_alphanumeric()), |w: &str| {
        if w.eq_ignore_ascii_case("last") || w.eq_ignore_ascii_case("final") {
            return Some(Nth::Last);
        }
        // "1st", "2nd", "3rd", "4th", "5th": the number with its ordinal ending.
        let numbered = w.get(..1).and_then(|d| d.parse::<u8>().ok()).filter(|d| {
            w.get(1..)
                .is_some_and(|end| end.eq_ignore_ascii_case(ordinal_suffix(*d)))
        });
        numbered
            .or_else(|| ordinal_word(w))
            .filter(|n| (1..=5).contains(n))
            .map(Nth::Ordinal)
    })
    .parse(i)
}

/// The English ending of a small ordinal written in digits.
fn ordinal_suffix(n: u8) -> &'static str {
    match n {
        1 => "st",
        2 => "nd",
        3 => "rd",
        _ => "th",
    }
}

/// `Q3 2019`, `2019-Q1`, `q1-2019`, `H2 2019`, `the third quarter of 2019`,
/// `the first half of next year`, `next year's first quarter`, `the fourth
/// quarter`, `last quarter`.
pub(crate) fn quarter(i: &str) -> R<'_, DateExpr> {
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
    let ordinal = || {
        alt((
            value(4u8, kw("final")),
            map_opt(rank, |n| match n {
                Nth::Ordinal(k @ 1..=4) => Some(k),
                _ => None,
            }),
        ))
    };
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
pub(crate) fn week_in(i: &str) -> R<'_, DateExpr> {
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
        move |(_, _, n, y)| week(Nth::Ordinal(n as u8), y.unwrap_or((None, Some(0))), None, None),
    );
    alt((ordinal, numbered)).parse(i)
}
