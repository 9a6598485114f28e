//! Resolution of quarters, weeks and stretches of a year or month.

use jiff::civil::Date;

use crate::claim::{DateValue, TimexType};
use crate::grammar::number::Decimal;
use crate::timex::expr::{Direction, Nth, Period};
use crate::timex::resolve::days::{month_from, nearest_year};
use crate::timex::resolve::interval;
use crate::timex::value;
use crate::timex::value::{date, duration_value, period_interval};

/// A quarter or half of a year, as an interval.
pub(super) fn quarter(
    index: u8,
    span: u8,
    year: Option<i16>,
    year_offset: Option<i32>,
    direction: Direction,
    anchor: Option<Date>,
) -> DateValue {
    let (span, index) = (i32::from(span), i32::from(index));
    let y = match (year, year_offset, anchor) {
        (Some(y), ..) => Some(i32::from(y)),
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
        None => date(value::part_of_year_unknown(span, index), TimexType::Date, false),
    }
}

/// A week of a year or of a month.
pub(super) fn week(
    n: Nth,
    year: Option<i16>,
    year_offset: Option<i32>,
    month: Option<u8>,
    month_offset: Option<i32>,
    anchor: Option<Date>,
) -> DateValue {
    let y = year
        .map(i32::from)
        .or_else(|| Some(i32::from(anchor?.year()) + year_offset.unwrap_or(0)).filter(|_| year_offset.is_some()));
    match (month, month_offset, anchor) {
        (Some(m), _, _) => {
            let y = y.or_else(|| anchor.and_then(|a| nearest_year(a, m, None)).map(i32::from));
            // The last week of a month is its fifth.
            let n = match n {
                Nth::Ordinal(k) => k,
                Nth::Last => 5,
            };
            match y {
                Some(y) => date(
                    value::month_week(Some(y), i32::from(m), i32::from(n)),
                    TimexType::Date,
                    true,
                ),
                None => date(
                    value::month_week(None, i32::from(m), i32::from(n)),
                    TimexType::Date,
                    false,
                ),
            }
        }
        (None, Some(k), Some(a)) => {
            let (y, m) = month_from(a, k);
            let n = match n {
                Nth::Ordinal(k) => k,
                Nth::Last => 5,
            };
            date(value::month_week(Some(y), m, i32::from(n)), TimexType::Date, true)
        }
        _ => match y {
            Some(y) => {
                // The last ISO week of a year is the one holding 28 December.
                let last = Date::new(y as i16, 12, 28).map_or(52, |d| d.iso_week_date().week());
                let w = match n {
                    Nth::Ordinal(k) => k as i8,
                    Nth::Last => last,
                };
                date(value::iso_week(Some(y), i32::from(w)), TimexType::Date, true)
            }
            None => date(value::iso_week(None, i32::from(n.written())), TimexType::Date, false),
        },
    }
}

/// The first or last stretch of a whole, `w` the whole resolved.
pub(super) fn part_of(first: bool, amount: u32, period: Period, w: &DateValue) -> DateValue {
    match interval::part_of(w.value.as_str(), first, amount, period) {
        Some(v) if w.resolved => date(v, TimexType::Date, true),
        // Without its year the stretch is only as long as it says.
        _ => date(
            duration_value(Some(Decimal::int(i128::from(amount))), period),
            TimexType::Duration,
            false,
        ),
    }
}
