//! Ranges: the two ends resolved together ("Nov 18 - Dec 19, 2015" takes
//! its year for both ends) and written as `(start,end,duration)`, the
//! interval form of TIMEX3's beginPoint, endPoint and duration.

use jiff::civil::Date;

use crate::claim::{DateValue, TimexType, TimexValue};
use crate::timex::expr::{DateExpr, Period, Ref};

/// The two ends of a range as they resolve: "now" is the anchor's day, and
/// a yearless start takes the end's year.
pub(crate) fn ends(from: &DateExpr, to: &DateExpr, anchor: Option<Date>) -> (DateExpr, DateExpr) {
    // "now" ending a range ("from 2014 until now") is the anchor's day.
    let now = |e: &DateExpr| match (e, anchor) {
        (DateExpr::Ref(Ref::Present), Some(d)) => DateExpr::Calendar {
            year: Some(d.year()),
            month: Some(d.month() as u8),
            day: Some(d.day() as u8),
            weekday: None,
            time: None,
        },
        (e, _) => e.clone(),
    };
    let mut from = now(from);
    let to = now(to);
    // A yearless start takes the end's year, or the year before when it
    // falls later in the calendar ("Nov - Feb 2017").
    if let (Some((fm, fd)), Some(ty)) = (yearless(&from), explicit_year(&to)) {
        let (tm, td) = month_day(&to).unwrap_or((12, None));
        let later = (fm, fd.unwrap_or(1)) > (tm, td.unwrap_or(31));
        from = with_year(&from, if later { ty - 1 } else { ty });
    }
    (from, to)
}

/// The end of a range read against its resolved start: a bare day is in the
/// start's month or the next, a yearless date or a weekday the first after it.
pub(crate) fn end_after(mut to: DateExpr, a: &DateValue) -> DateExpr {
    let start = a
        .value
        .as_str()
        .get(..10)
        .and_then(|s| s.parse::<Date>().ok())
        .or_else(|| {
            let y: i16 = a.value.as_str().get(..4)?.parse().ok()?;
            let m: i8 = a.value.as_str().get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
            Date::new(y, m, 1).ok()
        });
    if let Some(s) = start {
        // A bare day ending a range is in the start's month, or the next
        // ("April 27th to the third").
        if let DateExpr::Calendar {
            year: None,
            month: None,
            day: Some(d),
            time,
            ..
        } = to
        {
            let (y, m) = if i32::from(d) < i32::from(s.day()) {
                let n = i32::from(s.year()) * 12 + i32::from(s.month());
                (n.div_euclid(12), n.rem_euclid(12) + 1)
            } else {
                (i32::from(s.year()), i32::from(s.month()))
            };
            to = DateExpr::Calendar {
                year: Some(y as i16),
                month: Some(m as u8),
                day: Some(d),
                weekday: None,
                time,
            };
        }
        // A yearless end is the first such date on or after the start.
        if let Some((tm, td)) = yearless(&to) {
            let earlier = (tm, td.unwrap_or(31)) < (s.month() as u8, s.day() as u8);
            to = with_year(&to, if earlier { s.year() + 1 } else { s.year() });
        }
        // A weekday ending a range is the first one after its start.
        if let DateExpr::Weekday {
            weekday,
            week: None,
            time,
            ..
        } = to
        {
            let gap = i64::from(weekday.since(s.weekday()));
            let d = s.checked_add(jiff::Span::new().days(gap)).unwrap_or(s);
            to = DateExpr::Calendar {
                year: Some(d.year()),
                month: Some(d.month() as u8),
                day: Some(d.day() as u8),
                weekday: None,
                time,
            };
        }
    }
    to
}

/// The interval value of two resolved ends.
pub(crate) fn join(a: &DateValue, b: &DateValue) -> DateValue {
    let kind = if a.kind == TimexType::Time && b.kind == TimexType::Time {
        TimexType::Time
    } else {
        TimexType::Date
    };
    match interval(a.value.as_str(), b.value.as_str()) {
        Some(v) => DateValue {
            value: TimexValue(v),
            kind,
            resolved: a.resolved && b.resolved,
        },
        None => DateValue {
            value: TimexValue(format!("({},{},PXD)", a.value, b.value)),
            kind,
            resolved: false,
        },
    }
}

/// The first day a resolved value names: `2011` → 2011-01-01.
pub(crate) fn start_date(v: &str) -> Option<Date> {
    let p = point(v)?;
    if v.contains('X') {
        return None;
    }
    p.date
}

/// The first or last `amount` days, weeks (ISO, Monday to Monday) or months
/// of a year or month value: `part_of("2024", true, 9, Month)` is
/// `(2024-01-01,2024-10-01,P9M)`.
pub(crate) fn part_of(whole: &str, first: bool, amount: u32, period: Period) -> Option<String> {
    let p = point(whole)?;
    let start = p.date?;
    let end = match p.grain {
        Grain::Year => start.checked_add(jiff::Span::new().years(1)).ok()?,
        Grain::Month => start.checked_add(jiff::Span::new().months(1)).ok()?,
        _ => return None,
    };
    let n = i64::from(amount);
    let (from, to, code) = match period {
        Period::Day if first => (start, start.checked_add(jiff::Span::new().days(n)).ok()?, "D"),
        Period::Day => (end.checked_sub(jiff::Span::new().days(n)).ok()?, end, "D"),
        Period::Month if first => (start, start.checked_add(jiff::Span::new().months(n)).ok()?, "M"),
        Period::Month => (end.checked_sub(jiff::Span::new().months(n)).ok()?, end, "M"),
        Period::Week => {
            // ISO weeks: the first begins on the Monday of week 1, the last
            // ends on the Monday after the week holding the period's last day.
            let monday =
                |d: Date| d.checked_sub(jiff::Span::new().days(i64::from(d.weekday().to_monday_zero_offset())));
            if first {
                let week1 = monday(start.checked_add(jiff::Span::new().days(3)).ok()?).ok()?;
                (week1, week1.checked_add(jiff::Span::new().weeks(n)).ok()?, "W")
            } else {
                let last_day = end.checked_sub(jiff::Span::new().days(4)).ok()?;
                let after = monday(last_day).ok()?.checked_add(jiff::Span::new().weeks(1)).ok()?;
                (after.checked_sub(jiff::Span::new().weeks(n)).ok()?, after, "W")
            }
        }
        _ => return None,
    };
    Some(format!("({from},{to},P{amount}{code})"))
}

fn yearless(e: &DateExpr) -> Option<(u8, Option<u8>)> {
    match e {
        DateExpr::Calendar {
            year: None,
            month: Some(m),
            day,
            ..
        } => Some((*m, *day)),
        DateExpr::Month { month, .. } => Some((*month, None)),
        _ => None,
    }
}

fn explicit_year(e: &DateExpr) -> Option<i16> {
    match e {
        DateExpr::Calendar { year: Some(y), .. } => Some(*y),
        _ => None,
    }
}

fn month_day(e: &DateExpr) -> Option<(u8, Option<u8>)> {
    match e {
        DateExpr::Calendar {
            month: Some(m), day, ..
        } => Some((*m, *day)),
        DateExpr::Calendar { month: None, .. } => Some((1, None)),
        _ => None,
    }
}

fn with_year(e: &DateExpr, y: i16) -> DateExpr {
    match e {
        DateExpr::Calendar {
            month,
            day,
            weekday,
            time,
            ..
        } => DateExpr::Calendar {
            year: Some(y),
            month: *month,
            day: *day,
            weekday: *weekday,
            time: *time,
        },
        DateExpr::Month { month, .. } => DateExpr::Calendar {
            year: Some(y),
            month: Some(*month),
            day: None,
            weekday: None,
            time: None,
        },
        e => e.clone(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Grain {
    Year,
    Month,
    Day,
    Clock,
}

/// One end of a range read back from its TIMEX3 value.
struct Point {
    /// The value as the range writes it: a year or month by its first day.
    start: String,
    date: Option<Date>,
    minutes: Option<i64>,
    grain: Grain,
}

fn point(v: &str) -> Option<Point> {
    let (d, t) = match v.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (v, None),
    };
    let minutes = match t {
        Some(t) => {
            let mut parts = t.split(':');
            let h: i64 = parts.next()?.parse().ok()?;
            let m: i64 = parts.next().map_or(Some(0), |m| m.parse().ok())?;
            Some(h * 60 + m)
        }
        None => None,
    };
    // A yearless end ("XXXX-09-03") is measured in a leap year, so that
    // 29 February exists.
    let concrete = d.replacen("XXXX", "2000", 1);
    let (date, grain, start) = match concrete.len() {
        0 => (None, Grain::Clock, v.to_string()),
        4 => (
            Some(Date::new(concrete.parse().ok()?, 1, 1).ok()?),
            Grain::Year,
            format!("{d}-01-01"),
        ),
        7 => (
            Some(Date::new(concrete[..4].parse().ok()?, concrete[5..].parse().ok()?, 1).ok()?),
            Grain::Month,
            format!("{d}-01"),
        ),
        10 => (Some(concrete.parse().ok()?), Grain::Day, d.to_string()),
        _ => return None,
    };
    let grain = if minutes.is_some() { Grain::Clock } else { grain };
    let start = if minutes.is_some() { v.to_string() } else { start };
    Some(Point {
        start,
        date,
        minutes,
        grain,
    })
}

/// `(start,end,duration)` for two resolved ends, the duration counted in
/// the finer of their units; `None` when they are out of order or of
/// different kinds (a day and a bare clock time).
pub(crate) fn interval(a: &str, b: &str) -> Option<String> {
    let (p, q) = (point(a)?, point(b)?);
    let grain = p.grain.max(q.grain);
    let duration = match grain {
        Grain::Clock => {
            let (pm, qm) = (p.minutes?, q.minutes?);
            let days = match (p.date, q.date) {
                (Some(x), Some(y)) => x.until((jiff::Unit::Day, y)).ok()?.get_days() as i64,
                (None, None) => 0,
                _ => return None,
            };
            let n = days * 1440 + qm - pm;
            if n <= 0 {
                return None;
            }
            let (h, m) = (n / 60, n % 60);
            match (h, m) {
                (0, m) => format!("PT{m}M"),
                (h, 0) => format!("PT{h}H"),
                (h, m) => format!("PT{h}H{m}M"),
            }
        }
        Grain::Day => {
            let n = p.date?.until((jiff::Unit::Day, q.date?)).ok()?.get_days();
            if n <= 0 {
                return None;
            }
            format!("P{n}D")
        }
        Grain::Month => {
            let (x, y) = (p.date?, q.date?);
            let n =
                (i32::from(y.year()) * 12 + i32::from(y.month())) - (i32::from(x.year()) * 12 + i32::from(x.month()));
            if n <= 0 {
                return None;
            }
            format!("P{n}M")
        }
        Grain::Year => {
            let n = q.date?.year() - p.date?.year();
            if n <= 0 {
                return None;
            }
            format!("P{n}Y")
        }
    };
    Some(format!("({},{},{duration})", p.start, q.start))
}

#[cfg(test)]
mod tests {
    use super::interval;

    #[test]
    fn intervals_count_in_the_finer_unit() {
        assert_eq!(interval("2014", "2018").unwrap(), "(2014-01-01,2018-01-01,P4Y)");
        assert_eq!(interval("2014", "2018-05").unwrap(), "(2014-01-01,2018-05-01,P52M)");
        assert_eq!(
            interval("2016-01-12", "2016-01-22").unwrap(),
            "(2016-01-12,2016-01-22,P10D)"
        );
        assert_eq!(interval("T17", "T18").unwrap(), "(T17,T18,PT1H)");
        assert_eq!(interval("T10:30", "T15").unwrap(), "(T10:30,T15,PT4H30M)");
        assert_eq!(
            interval("2016-11-08T03:00", "2016-11-08T04:00").unwrap(),
            "(2016-11-08T03:00,2016-11-08T04:00,PT1H)"
        );
        assert_eq!(
            interval("XXXX-09-03", "XXXX-09-12").unwrap(),
            "(XXXX-09-03,XXXX-09-12,P9D)"
        );
    }

    #[test]
    fn ends_out_of_order_or_of_two_kinds_are_no_interval() {
        assert_eq!(interval("2018", "2014"), None);
        assert_eq!(interval("2016-01-12", "T15"), None);
        assert_eq!(interval("2016-01-12TMO", "2016-01-13"), None);
    }
}
