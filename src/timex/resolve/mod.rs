//! Resolution of a parsed expression against the publication date, split
//! by the same families as the grammar.

use crate::claim::{DateValue, TimexType};
use crate::timex::expr::DateExpr;
use crate::timex::value::{compound_value, date, duration_value, period_interval};
use jiff::civil::Date;

mod calendar;
pub(crate) mod interval;
mod period;
mod relative;

pub(crate) fn add_days(d: Date, n: i64) -> Date {
    d.checked_add(jiff::Span::new().days(n)).unwrap_or(d)
}

pub(crate) fn days_between(a: Date, b: Date) -> Option<i64> {
    let span = a.until((jiff::Unit::Day, b)).ok()?;
    Some(span.get_days() as i64)
}

/// The year that puts month/day closest to the anchor, among years where
/// the date exists.
pub(crate) fn nearest_year(anchor: Date, month: u8, day: Option<u8>) -> Option<i16> {
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
pub(crate) fn month_from(anchor: Date, offset: i32) -> (i32, i32) {
    let m0 = anchor.year() as i32 * 12 + anchor.month() as i32 - 1 + offset;
    (m0.div_euclid(12), m0.rem_euclid(12) + 1)
}

/// Resolves a parsed expression against the publication date.
pub fn resolve(expr: &DateExpr, anchor: Option<Date>) -> DateValue {
    match expr {
        DateExpr::Calendar {
            year,
            month,
            day,
            weekday,
            time,
        } => calendar::calendar(year, month, day, weekday, time, anchor),
        DateExpr::Month {
            month,
            direction,
            strict,
        } => relative::month(month, direction, strict, anchor),
        DateExpr::Weekday {
            weekday,
            direction,
            week,
            part,
            time,
        } => relative::weekday(weekday, direction, week, part, time, anchor),
        DateExpr::DayOfMonth { day, month_offset } => calendar::day_of_month(day, month_offset, anchor),
        DateExpr::NthWeekday {
            n,
            weekday,
            month,
            month_offset,
        } => calendar::nth_weekday(n, weekday, month, month_offset, anchor),
        DateExpr::RelativeDay { offset, part, time } => relative::relative_day(offset, part, time, anchor),
        DateExpr::RelativePeriod { period, offset } => relative::relative_period(period, offset, anchor),
        DateExpr::Shift { parts, sign, base } => relative::shift(parts, sign, base, anchor),
        DateExpr::Compound(parts) => date(compound_value(parts), TimexType::Duration, true),
        DateExpr::Duration { amount, period } => {
            date(duration_value(amount.as_deref(), *period), TimexType::Duration, true)
        }
        DateExpr::Season { season, offset } => relative::season(season, offset, anchor),
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
        } => calendar::holiday_date(rule, year, year_offset, relation, direction, anchor),
        DateExpr::Anchored {
            amount,
            period,
            sign,
            base,
        } => calendar::anchored(amount, period, sign, base, anchor),
        DateExpr::Quarter {
            index,
            span,
            year,
            year_offset,
            direction,
        } => period::quarter(index, span, year, year_offset, direction, anchor),
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
        } => period::week(n, year, year_offset, month, month_offset, anchor),
        DateExpr::PartOf {
            first,
            amount,
            period,
            whole,
        } => period::part_of(first, amount, period, whole, anchor),
        DateExpr::MonthOfYear { month, year_offset } => relative::month_of_year(month, year_offset, anchor),
    }
}
