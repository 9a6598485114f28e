//! Resolution of dates relative to the anchor: months, weekdays, relative
//! days and periods, shifts, seasons.

use jiff::civil::{Date, Weekday};

use crate::claim::{DateValue, TimexType};
use crate::timex::expr::{Clock, DayPart, Direction, Period, Season};
use crate::timex::resolve::days::{add_days, month_from};
use crate::timex::value;
use crate::timex::value::{date, with_time, ymd};

/// A month without its year: the latest one by the anchor, or the next.
pub(super) fn month(month: u8, direction: Direction, strict: bool, anchor: Option<Date>) -> DateValue {
    match anchor {
        Some(a) => {
            let (m, am) = (month as i8, a.month());
            // The anchor's own month counts, unless the text says "last" or "next".
            let same = m == am && !strict;
            let y = match direction {
                Direction::Past if m < am || same => a.year(),
                Direction::Past => a.year() - 1,
                Direction::Future if m > am || same => a.year(),
                Direction::Future => a.year() + 1,
            };
            date(value::month(Some(i32::from(y)), i32::from(m)), TimexType::Date, true)
        }
        None => date(value::month(None, i32::from(month)), TimexType::Date, false),
    }
}

/// A weekday: the latest by the anchor, or the next as the text points.
pub(super) fn weekday(
    weekday: Weekday,
    direction: Direction,
    week: Option<i32>,
    part: Option<DayPart>,
    time: Option<Clock>,
    anchor: Option<Date>,
) -> DateValue {
    match anchor {
        Some(a) => {
            let cur = a.weekday().to_monday_one_offset() as i64;
            let wd = i64::from(weekday.to_monday_one_offset());
            let offset = match (week, direction) {
                (Some(w), _) => 7 * w as i64 + wd - cur,
                (None, Direction::Past) => -((cur - wd).rem_euclid(7)),
                // "will fly out on Friday" in a Friday article is that day.
                (None, Direction::Future) => (wd - cur).rem_euclid(7),
            };
            let (v, kind) = with_time(ymd(add_days(a, offset)), time, part);
            date(v, kind, true)
        }
        None => {
            let (v, kind) = with_time(value::weekday_unknown(weekday), time, part);
            date(v, kind, false)
        }
    }
}

/// A day counted from the anchor ("yesterday"), with its time.
pub(super) fn relative_day(offset: i32, part: Option<DayPart>, time: Option<Clock>, anchor: Option<Date>) -> DateValue {
    match anchor {
        Some(a) => {
            let (v, kind) = with_time(ymd(add_days(a, offset as i64)), time, part);
            date(v, kind, true)
        }
        None => {
            let (v, kind) = with_time("XXXX-XX-XX".into(), time, part);
            date(v, kind, false)
        }
    }
}

/// This, last or next week, month or year.
pub(super) fn relative_period(period: Period, offset: i32, anchor: Option<Date>) -> DateValue {
    match anchor {
        Some(a) => {
            let v = match period {
                Period::Year => value::year(Some(a.year() as i32 + offset)),
                Period::Month => {
                    let (y, m) = month_from(a, offset);
                    value::month(Some(y), m)
                }
                _ => {
                    let w = add_days(a, 7 * offset as i64).iso_week_date();
                    value::iso_week(Some(i32::from(w.year())), i32::from(w.week()))
                }
            };
            date(v, TimexType::Date, true)
        }
        None => {
            let v = match period {
                Period::Year => "XXXX",
                Period::Month => "XXXX-XX",
                _ => "XXXX-WXX",
            };
            date(v.into(), TimexType::Date, false)
        }
    }
}

/// A distance from a day near the anchor ("two days ago").
pub(super) fn shift(parts: &[(u32, Period)], sign: i32, base: i32, anchor: Option<Date>) -> DateValue {
    match anchor {
        Some(a) => {
            // Years alone name a year ("four years ago" is 2009); finer
            // parts name a day.
            if parts.iter().all(|(_, p)| *p == Period::Year || *p == Period::Decade) && base == 0 {
                let n: i32 = parts
                    .iter()
                    .map(|(n, p)| *n as i32 * if *p == Period::Decade { 10 } else { 1 })
                    .sum();
                return date(value::year(Some(a.year() as i32 + sign * n)), TimexType::Date, true);
            }
            let mut d = add_days(a, base as i64);
            let mut clock = false;
            for (n, p) in parts {
                let n = (*n as i64) * sign as i64;
                let span = match p {
                    Period::Day => jiff::Span::new().days(n),
                    Period::Week => jiff::Span::new().weeks(n),
                    Period::Month => jiff::Span::new().months(n),
                    Period::Year => jiff::Span::new().years(n),
                    Period::Decade => jiff::Span::new().years(10 * n),
                    Period::Hour | Period::Minute | Period::Second => {
                        clock = true;
                        jiff::Span::new()
                    }
                };
                d = d.checked_add(span).unwrap_or(d);
            }
            date(ymd(d), if clock { TimexType::Time } else { TimexType::Date }, true)
        }
        None => date("XXXX-XX-XX".into(), TimexType::Date, false),
    }
}

/// This, last or next season.
pub(super) fn season(season: Season, offset: i32, anchor: Option<Date>) -> DateValue {
    match anchor {
        Some(a) => {
            let current = Season::of_month(a.month());
            // The winter that holds January belongs to the year before.
            let base = if current == Season::Winter && a.month() <= 2 {
                a.year() - 1
            } else {
                a.year()
            };
            let y = match offset {
                0 => base,
                -1 => {
                    if season.rank() < current.rank() {
                        base
                    } else {
                        base - 1
                    }
                }
                _ => {
                    if season.rank() > current.rank() {
                        base
                    } else {
                        base + 1
                    }
                }
            };
            date(value::season(Some(i32::from(y)), season), TimexType::Date, true)
        }
        None => date(value::season(None, season), TimexType::Date, false),
    }
}

/// A month of a year counted from the anchor's ("this September").
pub(super) fn month_of_year(month: u8, year_offset: i32, anchor: Option<Date>) -> DateValue {
    match anchor {
        Some(a) => date(
            value::month(Some(i32::from(a.year()) + year_offset), i32::from(month)),
            TimexType::Date,
            true,
        ),
        None => date(value::month(None, i32::from(month)), TimexType::Date, false),
    }
}
