//! Temporal expressions: a nom grammar for the dates, times, durations and
//! relative days that news English uses, normalized to TIMEX3 values.
//!
//! `forms/` holds the grammar, one file per family of forms; `scan` runs
//! every form at every word start and keeps the longest match ("Friday the
//! 15th" over "Friday"); `compose` joins neighbouring expressions (a day and
//! its time, the two ends of a range); `resolve/` turns a parsed expression
//! into a TIMEX3 value against the publication date, split by the same
//! families; `value` writes TIMEX3 strings. Relative forms keep their
//! direction (past or future, from the words before them) until they are
//! resolved.

mod compose;
mod expr;
mod forms;
mod resolve;
mod scan;
mod value;
mod words;

use jiff::civil::Date;

pub use expr::{Clock, DayPart};
pub use expr::{DateExpr, DateMention, Direction, Nth, Period, Recurrence, Ref, Season};
pub use resolve::days::year_for_weekday;
pub use resolve::resolve;
pub use scan::find_dates;

/// Parses a date as metadata gives it: `2025-03-05`, `2025-03-05T09:30:00Z`,
/// `March 5, 2025`, `5 March 2025`.
pub fn parse_date_str(s: &str) -> Option<Date> {
    let found = find_dates(s.trim());
    match found.first()?.expr {
        DateExpr::Calendar {
            year: Some(y),
            month: Some(m),
            day: Some(d),
            ..
        } => Date::new(y, m as i8, d as i8).ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
