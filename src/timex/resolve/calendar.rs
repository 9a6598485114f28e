//! Resolution of calendar dates, days of a month, n-th weekdays, holidays
//! and distances from a named day.

use jiff::civil::{Date, Weekday};

use crate::claim::{DateValue, TimexType, TimexValue};
use crate::timex::expr::{Clock, Direction, Nth, Period, Rule};
use crate::timex::forms::holiday;
use crate::timex::resolve::days::{add_days, days_between, month_from, nearest_year, nearest_year_on};
use crate::timex::resolve::interval;
use crate::timex::value;
use crate::timex::value::{date, with_time, ymd};

/// The n-th (0 = last) `weekday` of a month, if it exists.
pub(crate) fn nth_weekday_of(y: i16, m: i8, n: Nth, weekday: Weekday) -> Option<Date> {
    let first = Date::new(y, m, 1).ok()?;
    let days: Vec<Date> = (0..first.days_in_month() as i64)
        .map(|k| add_days(first, k))
        .filter(|d| d.weekday() == weekday)
        .collect();
    match n {
        Nth::Last => days.last().copied(),
        Nth::Ordinal(k) => days.get(usize::from(k).checked_sub(1)?).copied(),
    }
}

/// "the 27th" or "Friday the 15th": the month is left unsaid.
pub(crate) fn day_in_nearby_month(
    day: u8,
    weekday: Option<Weekday>,
    time: Option<Clock>,
    anchor: Option<Date>,
) -> DateValue {
    let Some(a) = anchor else {
        let (v, kind) = with_time(value::day(None, None, i32::from(day)), time, None);
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
        .find(|d| weekday.is_none_or(|wd| d.weekday() == wd));
    let (v, kind) = with_time(
        found.map(ymd).unwrap_or_else(|| value::day(None, None, i32::from(day))),
        time,
        None,
    );
    DateValue {
        value: TimexValue(v),
        kind,
        resolved: found.is_some(),
    }
}

/// Days from the anchor beyond which a weekday that does not fit the
/// nearest year may choose the year next to it.
const WEEKDAY_MOVES_AFTER_DAYS: i64 = 90;

/// A calendar date; a missing year is the one nearest the anchor.
pub(super) fn calendar(
    year: Option<i16>,
    month: Option<u8>,
    day: Option<u8>,
    weekday: Option<Weekday>,
    time: Option<Clock>,
    anchor: Option<Date>,
) -> DateValue {
    let (year, month, day) = (year, month, day);
    let written_year = year;
    if month.is_none() && day.is_some() && year.is_none() {
        return day_in_nearby_month(day.unwrap_or(1), weekday, time, anchor);
    }
    let year = year.or_else(|| match (month, day, weekday) {
        // The nearest year, unless that puts the day months away and the
        // weekday fits the year before or after ("Friday, Sept. 14" of last
        // year's attack, in a spring article). Near the publication date a
        // weekday that does not fit is a slip, and it never moves a date by
        // years. (The weekday pins a dateline's missing year in the corpus
        // stage.)
        (Some(m), Some(d), Some(w)) => anchor.and_then(|a| {
            let nearest = nearest_year(a, m, Some(d))?;
            let far = Date::new(nearest, m as i8, d as i8)
                .ok()
                .and_then(|x| days_between(a, x))
                .is_some_and(|n| n.abs() > WEEKDAY_MOVES_AFTER_DAYS);
            Some(if far {
                nearest_year_on(a, m, d, w).unwrap_or(nearest)
            } else {
                nearest
            })
        }),
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
    let y = year.filter(|_| exists).or(written_year).map(i32::from);
    let s = match (month, day) {
        (Some(m), Some(d)) => value::day(y, Some(i32::from(m)), i32::from(d)),
        (Some(m), None) => value::month(y, i32::from(m)),
        _ => value::year(y),
    };
    let (v, kind) = with_time(s, time, None);
    date(v, kind, resolved)
}

/// A day of a month counted from the anchor's ("the 20th of next month").
pub(super) fn day_of_month(day: u8, month_offset: i32, anchor: Option<Date>) -> DateValue {
    match anchor {
        Some(a) => {
            let (y, m) = month_from(a, month_offset);
            let ok = Date::new(y as i16, m as i8, day as i8).is_ok();
            date(value::day(Some(y), Some(m), i32::from(day)), TimexType::Date, ok)
        }
        None => date(value::day(None, None, i32::from(day)), TimexType::Date, false),
    }
}

/// The n-th or last weekday of a named month or one counted from the anchor's.
pub(super) fn nth_weekday(
    n: Nth,
    weekday: Weekday,
    month: Option<u8>,
    month_offset: i32,
    anchor: Option<Date>,
) -> DateValue {
    let found = anchor.and_then(|a| {
        let (y, m) = match month {
            Some(m) => (nearest_year(a, m, None)? as i32, m as i32),
            None => month_from(a, month_offset),
        };
        nth_weekday_of(y as i16, m as i8, n, weekday)
    });
    match found {
        Some(d) => date(ymd(d), TimexType::Date, true),
        None => date(value::nth_weekday_unknown(month, weekday, n), TimexType::Date, false),
    }
}

/// A holiday: in its written year, one counted from the anchor's, or the
/// nearest one before or after the anchor as the text points.
pub(super) fn holiday_date(
    rule: Rule,
    year: Option<i16>,
    year_offset: Option<i32>,
    relation: Option<i32>,
    direction: Direction,
    anchor: Option<Date>,
) -> DateValue {
    let found = match (year, year_offset, anchor) {
        (Some(y), ..) => holiday::date_in(rule, y),
        (None, Some(k), Some(a)) => holiday::date_in(rule, (i32::from(a.year()) + k) as i16),
        (None, None, Some(a)) => {
            let near = |y: i16| holiday::date_in(rule, y);
            let y = a.year();
            match (relation, direction) {
                (Some(0), _) => near(y),
                (Some(r), _) if r < 0 => near(y).filter(|d| *d < a).or_else(|| near(y - 1)),
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
            Rule::Fixed(m, d) => date(
                value::day(None, Some(i32::from(m)), i32::from(d)),
                TimexType::Date,
                false,
            ),
            _ => date("XXXX-XX-XX".into(), TimexType::Date, false),
        },
    }
}

/// A distance from a day, `b` the day resolved.
pub(super) fn anchored(amount: u32, period: Period, sign: i32, b: &DateValue) -> DateValue {
    let n = i64::from(amount) * i64::from(sign);
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
