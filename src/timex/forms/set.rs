//! Recurrences: "every Monday", "Tuesdays at 9am", "annually".

use nom::{
    Parser,
    branch::alt,
    character::complete::space1,
    combinator::{map, map_opt, opt, recognize, value},
    sequence::preceded,
};

use crate::grammar::number::Decimal;
use crate::grammar::{R, fail, kw};
use crate::timex::expr::DateExpr;
use crate::timex::forms::calendar::time_tail;
use crate::timex::forms::duration::amount;
use crate::timex::forms::relative::{day_part, day_tail};
use crate::timex::value::duration_value;
use crate::timex::words::{day_part_word, lower_kw, period, weekday, weekday_of, word};

/// `Tuesdays at 9am`, `Friday mornings`, `Sunday nights`: a weekday that
/// recurs, by a plural.
pub(crate) fn recurring_weekday(i: &str) -> R<'_, DateExpr> {
    let (rest, w) = word(i)?;
    let Some(d) = weekday_of(w).filter(|_| w.len() > 4) else {
        return fail(i);
    };
    let plural_day = w.to_lowercase().ends_with("days");
    let plural_part = map_opt(day_part_word, |(p, plural)| plural.then_some(p));
    if let Ok((r, p)) = preceded(space1, plural_part).parse(rest) {
        return Ok((
            r,
            DateExpr::Set(format!("XXXX-WXX-{}T{}", d.to_monday_one_offset(), p.code())),
        ));
    }
    if !plural_day {
        return fail(i);
    }
    match day_tail(rest)? {
        (r, (Some(p), _)) => Ok((
            r,
            DateExpr::Set(format!("XXXX-WXX-{}T{}", d.to_monday_one_offset(), p.code())),
        )),
        (r, (None, Some(c))) => Ok((
            r,
            DateExpr::Set(format!("XXXX-WXX-{}T{}", d.to_monday_one_offset(), c.timex())),
        )),
        (_, (None, None)) => Ok((rest, DateExpr::Set(format!("XXXX-WXX-{}", d.to_monday_one_offset())))),
    }
}

pub(crate) fn set(i: &str) -> R<'_, DateExpr> {
    let every = || alt((kw("every"), kw("each")));
    alt((
        recurring_weekday,
        map(
            (every(), space1, opt((kw("other"), space1)), weekday, opt(time_tail)),
            |(_, _, _, d, t)| {
                DateExpr::Set(match t {
                    Some(c) => format!("XXXX-WXX-{}T{}", d.to_monday_one_offset(), c.timex()),
                    None => format!("XXXX-WXX-{}", d.to_monday_one_offset()),
                })
            },
        ),
        map((every(), space1, day_part), |(_, _, p)| {
            DateExpr::Set(format!("XXXX-XX-XXT{}", p.code()))
        }),
        map((every(), space1, period), |(_, _, p)| {
            DateExpr::Set(duration_value(Some(Decimal::int(1)), p))
        }),
        // "every other day", "every three weeks".
        map(
            (
                every(),
                space1,
                alt((value(Decimal::int(2), kw("other")), amount)),
                space1,
                period,
            ),
            |(_, _, n, _, p)| DateExpr::Set(duration_value(Some(n), p)),
        ),
        value(
            DateExpr::Set("P3M".into()),
            alt((lower_kw("quarterly"), recognize((every(), space1, kw("quarter"))))),
        ),
        value(
            DateExpr::Set("P0.5Y".into()),
            alt((
                lower_kw("semi-annually"),
                lower_kw("semiannually"),
                lower_kw("biannually"),
            )),
        ),
        value(DateExpr::Set("P1D".into()), lower_kw("everyday")),
        // Lowercase only: "Harbour Daily" is a name.
        value(
            DateExpr::Set("XXXX".into()),
            alt((lower_kw("annually"), lower_kw("yearly"))),
        ),
        value(DateExpr::Set("P1M".into()), lower_kw("monthly")),
        value(DateExpr::Set("P1W".into()), lower_kw("weekly")),
        value(DateExpr::Set("P1D".into()), lower_kw("daily")),
    ))
    .parse(i)
}
