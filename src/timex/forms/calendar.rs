//! Calendar dates: ISO and numeric dates, month and day in either order,
//! months of a year, bare years, decades and centuries.

use jiff::civil::{Date, Weekday};
use nom::{
    Parser,
    branch::alt,
    bytes::complete::{tag, take_while_m_n},
    character::complete::{char, space0, space1},
    combinator::{map, map_opt, not, opt, peek, recognize, value, verify},
    sequence::preceded,
};

use crate::grammar::number::number_word;
use crate::grammar::{R, boundary, fail, kw, tag_ci};
use crate::timex::expr::{Clock, DateExpr, Direction, range};
use crate::timex::forms::clock::{at_hour, clock};
use crate::timex::words::{day_number, digits, month, num_in, short_year, weekday, word, word_year, year};

/// A clock time after a date: `10:10 AM`, `T22:25`, `, at 4 p.m.`
pub(crate) fn time_tail(i: &str) -> R<'_, Clock> {
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
pub(crate) fn year_tail(i: &str) -> R<'_, i16> {
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

pub(crate) fn opt_year(i: &str) -> R<'_, Option<i16>> {
    opt(year_tail).parse(i)
}

pub(crate) fn calendar(
    year: Option<i16>,
    month: Option<u8>,
    day: Option<u8>,
    weekday: Option<Weekday>,
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
pub(crate) fn iso(i: &str) -> R<'_, DateExpr> {
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
pub(crate) fn numeric_dmy(i: &str) -> R<'_, DateExpr> {
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

pub(crate) fn month_day_order(a: u32, b: u32, day_first: bool) -> Option<(u8, u8)> {
    let md = (a <= 12).then_some((a as u8, b as u8));
    let dm = (b <= 12).then_some((b as u8, a as u8));
    if day_first { dm.or(md) } else { md.or(dm) }
}

/// `4/22`, `22/04`, and after a preposition `4-22`, `4.22`: a month and day
/// with no year.
pub(crate) fn numeric_md(i: &str) -> R<'_, DateExpr> {
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
pub(crate) fn month_day(i: &str) -> R<'_, DateExpr> {
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
pub(crate) fn day_month(i: &str) -> R<'_, DateExpr> {
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
pub(crate) fn month_year(i: &str) -> R<'_, DateExpr> {
    let (rest, (m, y)) = (month, year_tail).parse(i)?;
    Ok((rest, calendar(Some(y), Some(m), None, None, None)))
}

/// `2017 April`, `2015-12`, `2015-3`, `12-2015`, `2016/10`: a month and
/// year. "2011-12" (the second number above the year's last two digits) is
/// a span of years, not December.
pub(crate) fn year_month(i: &str) -> R<'_, DateExpr> {
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
pub(crate) fn short_year_span(i: &str) -> R<'_, DateExpr> {
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
pub(crate) fn compact_dmy(i: &str) -> R<'_, DateExpr> {
    let (rest, (d, s, m)) = (num_in(1, 2, 1, 31), alt((char('-'), char('/'))), month).parse(i)?;
    let (rest, (_, y)) = (char(s), year).parse(rest)?;
    Ok((rest, calendar(Some(y), Some(m), Some(d as u8), None, None)))
}

/// `Wednesday (February 12)`, `Wed 5 Mar 2025`, `Thursday, Feb. 13`, `Friday the 15th`.
pub(crate) fn weekday_date(i: &str) -> R<'_, DateExpr> {
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

/// `20th of next month`, `the 31st of this month`.
pub(crate) fn day_of_month(i: &str) -> R<'_, DateExpr> {
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
pub(crate) fn the_day(i: &str) -> R<'_, DateExpr> {
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

/// `the 1990s`, `1990s`, `the 20th century`.
pub(crate) fn decade_or_century(i: &str) -> R<'_, DateExpr> {
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

pub(crate) fn bare_year(i: &str) -> R<'_, DateExpr> {
    map(verify(year, |y| (1900..=2099).contains(y)), |y| {
        calendar(Some(y), None, None, None, None)
    })
    .parse(i)
}

/// `20161016`: a date of eight digits, where it is one.
pub(crate) fn compact_iso(i: &str) -> R<'_, DateExpr> {
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
pub(crate) fn month_span(i: &str) -> R<'_, DateExpr> {
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
pub(crate) fn numeric_md_range(i: &str) -> R<'_, DateExpr> {
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
