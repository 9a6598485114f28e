//! Resolution of dates relative to the anchor: months, weekdays, relative
//! days and periods, shifts, seasons.

use jiff::civil::{Date, Weekday};

use crate::claim::{DateValue, TimexType};
use crate::timex::expr::{Clock, DayPart, Direction, Period, Season};
use crate::timex::resolve::days::{add_days, month_from};
use crate::timex::value::{date, with_time, ymd};

pub(super) fn month(month: &u8, direction: &Direction, strict: &bool, anchor: Option<Date>) -> DateValue {
    match anchor {
        Some(a) => {
            let (m, am) = (*month as i8, a.month());
            let y = match (direction, strict) {
                (Direction::Past, false) => {
                    if m <= am {
                        a.year()
                    } else {
                        a.year() - 1
                    }
                }
                (Direction::Past, true) => {
                    if m < am {
                        a.year()
                    } else {
                        a.year() - 1
                    }
                }
                (Direction::Future, false) => {
                    if m >= am {
                        a.year()
                    } else {
                        a.year() + 1
                    }
                }
                (Direction::Future, true) => {
                    if m > am {
                        a.year()
                    } else {
                        a.year() + 1
                    }
                }
            };
            date(format!("{y:04}-{m:02}"), TimexType::Date, true)
        }
        None => date(format!("XXXX-{month:02}"), TimexType::Date, false),
    }
}

pub(super) fn weekday(
    weekday: &Weekday,
    direction: &Direction,
    week: &Option<i32>,
    part: &Option<DayPart>,
    time: &Option<Clock>,
    anchor: Option<Date>,
) -> DateValue {
    match anchor {
        Some(a) => {
            let cur = a.weekday().to_monday_one_offset() as i64;
            let wd = i64::from(weekday.to_monday_one_offset());
            let offset = match (week, direction) {
                (Some(w), _) => 7 * *w as i64 + wd - cur,
                (None, Direction::Past) => -((cur - wd).rem_euclid(7)),
                // "will fly out on Friday" in a Friday article is that day.
                (None, Direction::Future) => (wd - cur).rem_euclid(7),
            };
            let (v, kind) = with_time(ymd(add_days(a, offset)), *time, *part);
            date(v, kind, true)
        }
        None => {
            let (v, kind) = with_time(format!("XXXX-WXX-{}", weekday.to_monday_one_offset()), *time, *part);
            date(v, kind, false)
        }
    }
}

pub(super) fn relative_day(
    offset: &i32,
    part: &Option<DayPart>,
    time: &Option<Clock>,
    anchor: Option<Date>,
) -> DateValue {
    match anchor {
        Some(a) => {
            let (v, kind) = with_time(ymd(add_days(a, *offset as i64)), *time, *part);
            date(v, kind, true)
        }
        None => {
            let (v, kind) = with_time("XXXX-XX-XX".into(), *time, *part);
            date(v, kind, false)
        }
    }
}

pub(super) fn relative_period(period: &Period, offset: &i32, anchor: Option<Date>) -> DateValue {
    match anchor {
        Some(a) => {
            let v = match period {
                Period::Year => format!("{:04}", a.year() as i32 + offset),
                Period::Month => {
                    let (y, m) = month_from(a, *offset);
                    format!("{y:04}-{m:02}")
                }
                _ => {
                    let w = add_days(a, 7 * *offset as i64).iso_week_date();
                    format!("{:04}-W{:02}", w.year(), w.week())
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

pub(super) fn shift(parts: &[(u32, Period)], sign: &i32, base: &i32, anchor: Option<Date>) -> DateValue {
    match anchor {
        Some(a) => {
            // Years alone name a year ("four years ago" is 2009); finer
            // parts name a day.
            if parts.iter().all(|(_, p)| *p == Period::Year || *p == Period::Decade) && *base == 0 {
                let n: i32 = parts
                    .iter()
                    .map(|(n, p)| *n as i32 * if *p == Period::Decade { 10 } else { 1 })
                    .sum();
                return date(format!("{:04}", a.year() as i32 + sign * n), TimexType::Date, true);
            }
            let mut d = add_days(a, *base as i64);
            let mut clock = false;
            for (n, p) in parts {
                let n = (*n as i64) * *sign as i64;
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

pub(super) fn season(season: &Season, offset: &i32, anchor: Option<Date>) -> DateValue {
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
            date(format!("{y:04}-{}", season.code()), TimexType::Date, true)
        }
        None => date(format!("XXXX-{}", season.code()), TimexType::Date, false),
    }
}

pub(super) fn month_of_year(month: &u8, year_offset: &i32, anchor: Option<Date>) -> DateValue {
    match anchor {
        Some(a) => date(
            format!("{:04}-{month:02}", i32::from(a.year()) + year_offset),
            TimexType::Date,
            true,
        ),
        None => date(format!("XXXX-{month:02}"), TimexType::Date, false),
    }
}
