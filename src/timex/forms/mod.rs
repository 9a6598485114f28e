//! The grammar, one file per family of forms; `FORMS` lists them all for
//! the scanner.

use crate::grammar::Form;
use crate::timex::expr::DateExpr;

pub(crate) mod calendar;
pub(crate) mod clock;
pub(crate) mod duration;
pub(crate) mod holiday;
pub(crate) mod period;
pub(crate) mod range;
pub(crate) mod relative;
pub(crate) mod set;

/// Every form of the grammar; at each position the longest match wins,
/// the earlier form on a tie.
pub(crate) const FORMS: &[Form<DateExpr>] = &[
    calendar::iso,
    calendar::numeric_dmy,
    calendar::weekday_date,
    calendar::month_day,
    calendar::day_month,
    calendar::day_of_month,
    calendar::month_year,
    calendar::year_month,
    calendar::short_year_span,
    calendar::compact_dmy,
    relative::modified,
    relative::month_rel,
    relative::season,
    relative::weekday_expr,
    relative::relative_day,
    relative::relative_period,
    relative::shift,
    set::set,
    duration::duration,
    calendar::decade_or_century,
    calendar::bare_year,
    range::time_expr,
    range::time_range,
    range::day_then_hours,
    range::part_alone,
    range::day_range,
    period::week_of,
    holiday::holiday_expr,
    period::quarter,
    period::part_of,
    relative::nth_month,
    period::week_in,
    calendar::compact_iso,
    calendar::month_span,
    calendar::numeric_md_range,
    relative::references,
    calendar::numeric_md,
    calendar::the_day,
    relative::nth_weekday,
    relative::month_alone,
];
