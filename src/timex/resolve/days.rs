//! Calendar arithmetic shared by the resolution of every family.

use jiff::civil::{Date, Weekday};

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

/// Among the years around the anchor, the one nearest it in which
/// `month`/`day` falls on `weekday`.
pub(crate) fn nearest_year_on(anchor: Date, month: u8, day: u8, weekday: Weekday) -> Option<i16> {
    let y = anchor.year();
    [y - 1, y, y + 1]
        .into_iter()
        .filter_map(|cand| {
            let d = Date::new(cand, month as i8, day as i8).ok()?;
            (d.weekday() == weekday).then_some((days_between(anchor, d)?.abs(), cand))
        })
        .min()
        .map(|(_, y)| y)
}

/// The year in which `month`/`day` falls on `weekday`, nearest to `near`.
pub fn year_for_weekday(month: u8, day: u8, weekday: Weekday, near: i16) -> Option<i16> {
    for delta in 0..=14i16 {
        for y in [near - delta, near + delta] {
            if let Ok(d) = Date::new(y, month as i8, day as i8) {
                if d.weekday() == weekday {
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
