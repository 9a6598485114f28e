//! TIMEX3 values written as strings: durations, dates with their time,
//! intervals.

use jiff::civil::{Date, Weekday};

use crate::claim::{DateValue, TimexType, TimexValue};
use crate::grammar::number::Decimal;
use crate::timex::expr::{Clock, DayPart, Nth, Period, Recurrence, Ref, Season};

/// `P3Y`, `PT1.5H`, `PXD` (an amount not written): a duration's value.
pub(crate) fn duration_value(amount: Option<Decimal>, p: Period) -> String {
    let n = amount.map_or_else(|| "X".to_string(), |a| a.to_string());
    let (n, code): (String, &str) = match p {
        // Decades are years, where the amount is known.
        Period::Decade => match amount {
            Some(a) => (trim_number(a.value() * 10.0), "Y"),
            None => (n, "DE"),
        },
        Period::Day => (n.to_string(), "D"),
        Period::Week => (n.to_string(), "W"),
        Period::Month | Period::Minute => (n.to_string(), "M"),
        Period::Year => (n.to_string(), "Y"),
        Period::Hour => (n.to_string(), "H"),
        Period::Second => (n.to_string(), "S"),
    };
    if p.is_clock() {
        format!("PT{n}{code}")
    } else {
        format!("P{n}{code}")
    }
}

/// `P1Y2M`, `PT1H30M`, `P3M2W2D`: calendar units, then clock units after `T`.
pub(crate) fn compound_value(parts: &[(u32, Period)]) -> String {
    let mut date = String::new();
    let mut clock = String::new();
    for (n, p) in parts {
        let (n, code) = match p {
            Period::Decade => (n * 10, "Y"),
            Period::Year => (*n, "Y"),
            Period::Month | Period::Minute => (*n, "M"),
            Period::Week => (*n, "W"),
            Period::Day => (*n, "D"),
            Period::Hour => (*n, "H"),
            Period::Second => (*n, "S"),
        };
        let out = if p.is_clock() { &mut clock } else { &mut date };
        out.push_str(&format!("{n}{code}"));
    }
    if clock.is_empty() {
        format!("P{date}")
    } else {
        format!("P{date}T{clock}")
    }
}

pub(crate) fn trim_number(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

pub(crate) fn ymd(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

pub(crate) fn with_time(date: String, time: Option<Clock>, part: Option<DayPart>) -> (String, TimexType) {
    match (time, part) {
        (Some(c), _) => (format!("{date}T{}", c.timex()), TimexType::Time),
        (None, Some(p)) => (format!("{date}T{}", p.code()), TimexType::Time),
        _ => (date, TimexType::Date),
    }
}

/// `span` months from a month counted from year 0 (`year * 12 + month - 1`),
/// as an interval: `(2019-07-01,2019-10-01,P3M)`.
pub(crate) fn period_interval(start: i32, span: i32) -> String {
    let end = start + span;
    format!(
        "({:04}-{:02}-01,{:04}-{:02}-01,P{span}M)",
        start.div_euclid(12),
        start.rem_euclid(12) + 1,
        end.div_euclid(12),
        end.rem_euclid(12) + 1
    )
}

/// A resolved value.
pub(crate) fn date(v: String, kind: TimexType, resolved: bool) -> DateValue {
    DateValue {
        value: TimexValue(v),
        kind,
        resolved,
    }
}

/// PRESENT_REF, PAST_REF, FUTURE_REF.
pub(crate) fn ref_value(r: Ref) -> &'static str {
    match r {
        Ref::Present => "PRESENT_REF",
        Ref::Past => "PAST_REF",
        Ref::Future => "FUTURE_REF",
    }
}

/// A recurrence as TIMEX3 writes a SET: `XXXX-WXX-2T09`, `XXXX-XX-XXTMO`,
/// `P2W`, `XXXX`.
pub(crate) fn recurrence_value(r: &Recurrence) -> String {
    match r {
        Recurrence::Weekday { weekday, time, part } => {
            let day = format!("XXXX-WXX-{}", weekday.to_monday_one_offset());
            match (time, part) {
                (Some(c), _) => format!("{day}T{}", c.timex()),
                (None, Some(p)) => format!("{day}T{}", p.code()),
                (None, None) => day,
            }
        }
        Recurrence::Part(p) => format!("XXXX-XX-XXT{}", p.code()),
        Recurrence::Every { amount, period } => duration_value(Some(*amount), *period),
        Recurrence::Yearly => "XXXX".into(),
    }
}

/// A year of a TIMEX3 value, `XXXX` when unknown.
fn year_text(y: Option<i32>) -> String {
    y.map_or_else(|| "XXXX".to_string(), |y| format!("{y:04}"))
}

/// `2024`, `XXXX`.
pub(crate) fn year(y: Option<i32>) -> String {
    year_text(y)
}

/// `2024-03`, `XXXX-03`.
pub(crate) fn month(y: Option<i32>, m: i32) -> String {
    format!("{}-{m:02}", year_text(y))
}

/// `2024-03-05`, `XXXX-03-05`, `XXXX-XX-05`.
pub(crate) fn day(y: Option<i32>, m: Option<i32>, d: i32) -> String {
    let m = m.map_or_else(|| "XX".to_string(), |m| format!("{m:02}"));
    format!("{}-{m}-{d:02}", year_text(y))
}

/// An ISO week: `2024-W05`, `XXXX-W05`.
pub(crate) fn iso_week(y: Option<i32>, w: i32) -> String {
    format!("{}-W{w:02}", year_text(y))
}

/// A week of a month: `2024-03-W02`.
pub(crate) fn month_week(y: Option<i32>, m: i32, w: i32) -> String {
    format!("{}-{m:02}-W{w:02}", year_text(y))
}

/// `2024-SU`, `XXXX-WI`.
pub(crate) fn season(y: Option<i32>, s: Season) -> String {
    format!("{}-{}", year_text(y), s.code())
}

/// A weekday of an unknown week: `XXXX-WXX-3`.
pub(crate) fn weekday_unknown(w: Weekday) -> String {
    format!("XXXX-WXX-{}", w.to_monday_one_offset())
}

/// The n-th weekday of a month not resolved: `XXXX-07-WXX-5-#1`.
pub(crate) fn nth_weekday_unknown(m: Option<u8>, w: Weekday, n: Nth) -> String {
    let m = m.map_or_else(|| "XX".to_string(), |m| format!("{m:02}"));
    format!("XXXX-{m}-WXX-{}-#{}", w.to_monday_one_offset(), n.written())
}

/// A quarter (`span` 3) or half of an unknown year: `XXXX-Q3`, `XXXX-H1`.
pub(crate) fn part_of_year_unknown(span: i32, index: i32) -> String {
    format!("XXXX-{}{index}", if span == 3 { 'Q' } else { 'H' })
}

/// A decade (`199` for the 1990s) or a century (`20`).
pub(crate) fn decade(d: i16) -> String {
    format!("{:03}", d / 10)
}

pub(crate) fn century(c: i16) -> String {
    format!("{c:02}")
}

/// A time of day with no day: `T15`, `T16:30`, `TMO`.
pub(crate) fn time_alone(c: Clock) -> String {
    format!("T{}", c.timex())
}

pub(crate) fn part_alone(p: DayPart) -> String {
    format!("T{}", p.code())
}
