//! Dates relative to the publication date: weekdays, yesterday and
//! tomorrow, this/last/next week or month, seasons, shifts ("two days ago"),
//! n-th weekdays and references ("now", "recently").

use nom::{
    Parser,
    branch::alt,
    character::complete::{space0, space1},
    combinator::{map, map_opt, opt, recognize, value, verify},
    sequence::{preceded, terminated},
};

use crate::grammar::{R, fail, kw, tag_ci};
use crate::timex::expr::{Clock, DateExpr, DayPart, Direction, Nth, Period, Ref, Season};
use crate::timex::forms::calendar::{calendar, month_year, time_tail};
use crate::timex::forms::duration::{counted_parts, hedge};
use crate::timex::words::{capital_month, day_part_singular, month, num_in, ordinal_word, period, weekday, word, year};

pub(crate) fn day_part(i: &str) -> R<'_, DayPart> {
    preceded(
        (
            opt((kw("in"), space1, kw("the"), space1)),
            opt((alt((kw("early"), kw("late"))), space1)),
        ),
        day_part_singular(true),
    )
    .parse(i)
}

/// What may follow a day: a part of it or a clock time.
pub(crate) fn day_tail(i: &str) -> R<'_, (Option<DayPart>, Option<Clock>)> {
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
pub(crate) fn week_word(i: &str) -> R<'_, i32> {
    alt((
        value(-1, alt((kw("last"), kw("previous"), kw("past")))),
        value(0, kw("this")),
        value(1, alt((kw("next"), kw("following")))),
    ))
    .parse(i)
}

/// `Friday`, `next Sunday`, `Friday afternoon`, `Tuesday in the morning`,
/// `this week Friday`, `Friday next week`, `Sunday of next week`.
pub(crate) fn weekday_expr(i: &str) -> R<'_, DateExpr> {
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

pub(crate) fn relative_day(i: &str) -> R<'_, DateExpr> {
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

/// `last week`, `this month`, `next year`, `this fiscal year`.
pub(crate) fn relative_period(i: &str) -> R<'_, DateExpr> {
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

/// `two days ago`, `2 years 21 days later`, `two days from tomorrow`,
/// `four days from yesterday`, `two days before yesterday`, `few months ago`.
pub(crate) fn shift(i: &str) -> R<'_, DateExpr> {
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

/// `early December`, `late last July`, `mid-2014`, `early 2011`: the
/// modifier is part of the expression, not of its value.
pub(crate) fn modified(i: &str) -> R<'_, DateExpr> {
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
pub(crate) fn month_rel(i: &str) -> R<'_, DateExpr> {
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
pub(crate) fn month_alone(i: &str) -> R<'_, DateExpr> {
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

/// `the first Friday of July`, `second Sunday`, `the third Wednesday of
/// previous month`, `the last Monday in May`.
pub(crate) fn nth_weekday(i: &str) -> R<'_, DateExpr> {
    let (rest, _) = opt((kw("the"), space1)).parse(i)?;
    let (rest, n) = alt((
        map_opt(word, |w: &str| ordinal_word(w).filter(|n| *n <= 5).map(Nth::Ordinal)),
        value(Nth::Last, kw("last")),
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
    if n == Nth::Last && of.is_none() {
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

pub(crate) fn season_word(i: &str) -> R<'_, Season> {
    alt((
        value(Season::Spring, kw("spring")),
        value(Season::Summer, kw("summer")),
        value(Season::Fall, alt((kw("fall"), kw("autumn")))),
        value(Season::Winter, kw("winter")),
    ))
    .parse(i)
}

/// `last summer`, `this winter`, `next spring`.
pub(crate) fn season(i: &str) -> R<'_, DateExpr> {
    let (rest, (off, _, s)) = (
        alt((value(-1, kw("last")), value(0, kw("this")), value(1, kw("next")))),
        space1,
        season_word,
    )
        .parse(i)?;
    Ok((rest, DateExpr::Season { season: s, offset: off }))
}

pub(crate) fn references(i: &str) -> R<'_, DateExpr> {
    alt((
        value(
            DateExpr::Ref(Ref::Present),
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
            DateExpr::Ref(Ref::Past),
            alt((
                recognize((kw("the"), space1, kw("past"))),
                recognize((kw("at"), space1, kw("the"), space1, kw("time"))),
            )),
        ),
        value(DateExpr::Ref(Ref::Future), recognize((kw("the"), space1, kw("future")))),
    ))
    .parse(i)
}

pub(crate) fn year_ref(i: &str) -> R<'_, (Option<i16>, Option<i32>)> {
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

/// `the third month of 2021`, `the 9th month of next year`.
pub(crate) fn nth_month(i: &str) -> R<'_, DateExpr> {
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
