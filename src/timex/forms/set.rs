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
use crate::timex::expr::{DateExpr, Period, Recurrence};
use crate::timex::forms::calendar::time_tail;
use crate::timex::forms::duration::amount;
use crate::timex::forms::relative::{day_part, day_tail};
use crate::timex::words::{day_part_word, lower_kw, period, weekday, weekday_of, word};

/// `Tuesdays at 9am`, `Friday mornings`, `Sunday nights`: a weekday that
/// recurs, by a plural.
pub(crate) fn recurring_weekday(i: &str) -> R<'_, DateExpr> {
    let (rest, w) = word(i)?;
    let Some(weekday) = weekday_of(w).filter(|_| w.len() > 4) else {
        return fail(i);
    };
    let on = |time, part| DateExpr::Set(Recurrence::Weekday { weekday, time, part });
    let plural_day = w.to_lowercase().ends_with("days");
    let plural_part = map_opt(day_part_word, |(p, plural)| plural.then_some(p));
    if let Ok((r, p)) = preceded(space1, plural_part).parse(rest) {
        return Ok((r, on(None, Some(p))));
    }
    if !plural_day {
        return fail(i);
    }
    match day_tail(rest)? {
        (r, (Some(p), _)) => Ok((r, on(None, Some(p)))),
        (r, (None, Some(c))) => Ok((r, on(Some(c), None))),
        (_, (None, None)) => Ok((rest, on(None, None))),
    }
}

/// Once every so long.
fn every(amount: i128, period: Period) -> DateExpr {
    DateExpr::Set(Recurrence::Every {
        amount: Decimal::int(amount),
        period,
    })
}

pub(crate) fn set(i: &str) -> R<'_, DateExpr> {
    let each = || alt((kw("every"), kw("each")));
    alt((
        recurring_weekday,
        map(
            (each(), space1, opt((kw("other"), space1)), weekday, opt(time_tail)),
            |(_, _, _, weekday, time)| {
                DateExpr::Set(Recurrence::Weekday {
                    weekday,
                    time,
                    part: None,
                })
            },
        ),
        map((each(), space1, day_part), |(_, _, p)| {
            DateExpr::Set(Recurrence::Part(p))
        }),
        map((each(), space1, period), |(_, _, p)| every(1, p)),
        // "every other day", "every three weeks".
        map(
            (
                each(),
                space1,
                alt((value(Decimal::int(2), kw("other")), amount)),
                space1,
                period,
            ),
            |(_, _, amount, _, period)| DateExpr::Set(Recurrence::Every { amount, period }),
        ),
        value(
            every(3, Period::Month),
            alt((lower_kw("quarterly"), recognize((each(), space1, kw("quarter"))))),
        ),
        value(
            DateExpr::Set(Recurrence::Every {
                amount: Decimal {
                    mantissa: 5,
                    decimals: 1,
                },
                period: Period::Year,
            }),
            alt((
                lower_kw("semi-annually"),
                lower_kw("semiannually"),
                lower_kw("biannually"),
            )),
        ),
        value(every(1, Period::Day), lower_kw("everyday")),
        // Lowercase only: "Harbour Daily" is a name.
        value(
            DateExpr::Set(Recurrence::Yearly),
            alt((lower_kw("annually"), lower_kw("yearly"))),
        ),
        value(every(1, Period::Month), lower_kw("monthly")),
        value(every(1, Period::Week), lower_kw("weekly")),
        value(every(1, Period::Day), lower_kw("daily")),
    ))
    .parse(i)
}
