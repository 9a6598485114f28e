//! Resolution of a parsed expression against the publication date, split
//! by the same families as the grammar.

use jiff::civil::Date;

use crate::claim::{DateValue, TimexType};
use crate::timex::expr::DateExpr;
use crate::timex::value;
use crate::timex::value::{compound_value, date, duration_value, period_interval, recurrence_value, ref_value};

mod calendar;
pub(crate) mod days;
pub(crate) mod interval;
mod period;
mod relative;

/// Resolves a parsed expression against the publication date.
pub fn resolve(expr: &DateExpr, anchor: Option<Date>) -> DateValue {
    match expr {
        DateExpr::Calendar {
            year,
            month,
            day,
            weekday,
            time,
        } => calendar::calendar(*year, *month, *day, *weekday, *time, anchor),
        DateExpr::Month {
            month,
            direction,
            strict,
        } => relative::month(*month, *direction, *strict, anchor),
        DateExpr::Weekday {
            weekday,
            direction,
            week,
            part,
            time,
        } => relative::weekday(*weekday, *direction, *week, *part, *time, anchor),
        DateExpr::DayOfMonth { day, month_offset } => calendar::day_of_month(*day, *month_offset, anchor),
        DateExpr::NthWeekday {
            n,
            weekday,
            month,
            month_offset,
        } => calendar::nth_weekday(*n, *weekday, *month, *month_offset, anchor),
        DateExpr::RelativeDay { offset, part, time } => relative::relative_day(*offset, *part, *time, anchor),
        DateExpr::RelativePeriod { period, offset } => relative::relative_period(*period, *offset, anchor),
        DateExpr::Shift { parts, sign, base } => relative::shift(parts, *sign, *base, anchor),
        DateExpr::Compound(parts) => date(compound_value(parts), TimexType::Duration, true),
        DateExpr::Duration { amount, period } => date(duration_value(*amount, *period), TimexType::Duration, true),
        DateExpr::Season { season, offset } => relative::season(*season, *offset, anchor),
        DateExpr::Decade(d) => date(value::decade(*d), TimexType::Date, true),
        DateExpr::Century(c) => date(value::century(*c), TimexType::Date, true),
        // A time with no day in its phrase names no day: "at 3pm" in an
        // article may be any day near it.
        DateExpr::Time(c) => date(value::time_alone(*c), TimexType::Time, true),
        DateExpr::Part(p) => date(value::part_alone(*p), TimexType::Time, true),
        DateExpr::Ref(r) => date(ref_value(*r).into(), TimexType::Date, true),
        DateExpr::Set(s) => date(recurrence_value(s), TimexType::Set, true),
        DateExpr::Range { from, to } => range(from, to, anchor),
        DateExpr::Holiday {
            rule,
            year,
            year_offset,
            relation,
            direction,
        } => calendar::holiday_date(*rule, *year, *year_offset, *relation, *direction, anchor),
        DateExpr::Anchored {
            amount,
            period,
            sign,
            base,
        } => calendar::anchored(*amount, *period, *sign, &resolve(base, anchor)),
        DateExpr::Quarter {
            index,
            span,
            year,
            year_offset,
            direction,
        } => period::quarter(*index, *span, *year, *year_offset, *direction, anchor),
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
        } => period::week(*n, *year, *year_offset, *month, *month_offset, anchor),
        DateExpr::PartOf {
            first,
            amount,
            period,
            whole,
        } => period::part_of(*first, *amount, *period, &resolve(whole, anchor)),
        DateExpr::MonthOfYear { month, year_offset } => relative::month_of_year(*month, *year_offset, anchor),
    }
}

/// A range: the ends resolved together ("Nov 18 - Dec 19, 2015" takes its
/// year for both), the end read after the start is known.
fn range(from: &DateExpr, to: &DateExpr, anchor: Option<Date>) -> DateValue {
    let (from, to) = interval::ends(from, to, anchor);
    let start = resolve(&from, anchor);
    let to = interval::end_after(to, &start);
    interval::join(&start, &resolve(&to, anchor))
}
