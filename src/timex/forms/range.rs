//! Ranges and clock times with their day: "Feb. 12-14", "5 to 6pm",
//! "Monday 3-8", "8am this morning".

use nom::{
    Parser,
    branch::alt,
    character::complete::{char, space0, space1},
    combinator::{map, opt, peek, value},
    sequence::preceded,
};

use crate::grammar::{R, fail, kw};
use crate::timex::expr::{DateExpr, range, with_clock};
use crate::timex::forms::calendar::{
    calendar, day_month, iso, month_day, numeric_dmy, numeric_md, opt_year, weekday_date,
};
use crate::timex::forms::clock::{at_hour, clock, clock_range, hour_in_part, hours_beside_a_day, part_phrase};
use crate::timex::forms::relative::{relative_day, weekday_expr};
use crate::timex::words::{day_number, day_part_singular, month};

/// A day a clock time can belong to.
pub(crate) fn day_expr(i: &str) -> R<'_, DateExpr> {
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
pub(crate) fn day_after_time(i: &str) -> R<'_, DateExpr> {
    preceded(
        (opt(char(',')), space1, opt((alt((kw("on"), kw("of"))), space1))),
        day_expr,
    )
    .parse(i)
}

/// A clock time, with the day it belongs to when one follows:
/// `15:00 GMT Saturday`, `8am this morning`, `10 p.m. Thursday`, `5pm on April 22`.
pub(crate) fn time_expr(i: &str) -> R<'_, DateExpr> {
    let (rest, c) = alt((clock, hour_in_part)).parse(i)?;
    if let Ok((r, day)) = day_after_time(rest) {
        if let Some(e) = with_clock(&day, c) {
            return Ok((r, e));
        }
    }
    Ok((rest, DateExpr::Time(c)))
}

/// A range of clock times, with its day when one follows: `3:00 to 4:00
/// tomorrow`, `from 5 to 6pm of April 22`, `between 4pm and 5pm`.
pub(crate) fn time_range(i: &str) -> R<'_, DateExpr> {
    // Bare numbers ("between 3 and 8") are hours only beside their day.
    let (rest, (a, b), bare) = match clock_range(i) {
        Ok((rest, ends)) => (rest, ends, false),
        Err(_) => {
            let (rest, ends) = preceded(peek(alt((kw("between"), kw("from")))), hours_beside_a_day).parse(i)?;
            (rest, ends, true)
        }
    };
    if let Ok((r, day)) = day_after_time(rest) {
        if let (Some(x), Some(y)) = (with_clock(&day, a), with_clock(&day, b)) {
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
pub(crate) fn day_then_hours(i: &str) -> R<'_, DateExpr> {
    let (rest, day) = alt((weekday_expr, relative_day, month_day, day_month, numeric_dmy, iso)).parse(i)?;
    // The day's own grammar may already have taken the space.
    if !i[..i.len() - rest.len()].ends_with(' ') && !rest.starts_with(' ') {
        return fail(i);
    }
    let (rest, (a, b)) = preceded(space0, alt((clock_range, hours_beside_a_day))).parse(rest)?;
    // A part of the day sets the hours' unwritten meridiem ("tonight from
    // 7 to 7:30").
    match (with_clock(&day, a), with_clock(&day, b)) {
        (Some(x), Some(y)) => Ok((rest, range(x, y))),
        _ => fail(i),
    }
}

/// A part of a day on no named day, with its hour when one follows:
/// `in the morning`, `in the afternoon at 7`.
pub(crate) fn part_alone(i: &str) -> R<'_, DateExpr> {
    let early_late = preceded((alt((kw("early"), kw("late"))), space1), day_part_singular(false));
    let (rest, p) = alt((part_phrase, early_late)).parse(i)?;
    match preceded((space1, opt((kw("at"), space1))), alt((clock, at_hour))).parse(rest) {
        Ok((r, c)) => Ok((r, DateExpr::Time(c.in_part(p)))),
        Err(_) => Ok((rest, DateExpr::Part(p))),
    }
}

/// A range of days in one month: `Feb. 12-14`, `November 18-19, 2025`,
/// `12-14 February`, `between March 3 and 5`, `between 3 and 12 of Sept`.
pub(crate) fn day_range(i: &str) -> R<'_, DateExpr> {
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
