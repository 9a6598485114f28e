//! TIMEX3 values written as strings: durations, dates with their time,
//! intervals.

use jiff::civil::Date;

use crate::claim::{DateValue, TimexType, TimexValue};
use crate::grammar::number::Decimal;
use crate::timex::expr::{Clock, DayPart, Period, Recurrence, Ref};

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
