//! Durations: "three years", "one and a half hours", "1 hour and 30
//! minutes", hedged amounts ("a few days").

use nom::{
    Parser,
    branch::alt,
    bytes::complete::tag,
    character::complete::{char, space0, space1},
    combinator::{map_opt, opt, recognize, value},
    sequence::preceded,
};

use crate::grammar::number::{Decimal, number_word};
use crate::grammar::{R, fail, kw};
use crate::timex::expr::{DateExpr, Period};
use crate::timex::words::{digits, period_word, plural_apostrophe, word};

/// An amount: `3`, `3.5`, `three`, `twenty four`, `a`, `an`.
pub(crate) fn amount(i: &str) -> R<'_, Decimal> {
    let numeric = map_opt(
        (digits(1, 4), opt(preceded(char('.'), digits(1, 3)))),
        |(whole, frac): (&str, Option<&str>)| {
            let frac = frac.unwrap_or("");
            Some(Decimal {
                mantissa: format!("{whole}{frac}").parse().ok()?,
                decimals: frac.len() as u32,
            })
        },
    );
    let words = |i| -> R<'_, Decimal> {
        let (rest, w) = word(i)?;
        let Some(mut n) = number_word(w) else { return fail(i) };
        let mut rest = rest;
        // "twenty four", "twenty-four", "twenty and four"
        if n >= 20 && n % 10 == 0 {
            let mut more = preceded(alt((tag("-"), recognize((space1, kw("and"), space1)), space1)), word);
            if let Ok((r2, u)) = more.parse(rest) {
                if let Some(a) = number_word(u).filter(|a| *a < 10) {
                    n += a;
                    rest = r2;
                }
            }
        }
        Ok((rest, Decimal::int(i128::from(n))))
    };
    let fraction = alt((
        value(
            HALF,
            alt((tag("½"), recognize((kw("half"), space1, alt((kw("an"), kw("a"))))))),
        ),
        value(QUARTER, tag("¼")),
        value(
            Decimal {
                mantissa: 75,
                decimals: 2,
            },
            tag("¾"),
        ),
    ));
    let (rest, n) = alt((
        fraction,
        numeric,
        words,
        value(Decimal::int(1), alt((kw("a"), kw("an")))),
    ))
    .parse(i)?;
    // "one and a half", "two and a quarter".
    match (n.whole(), and_a_fraction(rest)) {
        (Some(_), Ok((r, f))) => Ok((r, n.add(f))),
        _ => Ok((rest, n)),
    }
}

const HALF: Decimal = Decimal {
    mantissa: 5,
    decimals: 1,
};

const QUARTER: Decimal = Decimal {
    mantissa: 25,
    decimals: 2,
};

/// ` and a half`, ` and half`, ` and a quarter`.
pub(crate) fn and_a_fraction(i: &str) -> R<'_, Decimal> {
    preceded(
        (space1, kw("and"), space1, opt((kw("a"), space1))),
        alt((value(HALF, kw("half")), value(QUARTER, kw("quarter")))),
    )
    .parse(i)
}

/// `three years`, `three-year`, `3.5years`, `an hour`, `24 hours`.
pub(crate) fn counted(i: &str) -> R<'_, (Decimal, Period)> {
    let (rest, n) = amount(i)?;
    let (rest, joint) = alt((tag("-"), space1, space0)).parse(rest)?;
    let (after, w) = word(rest)?;
    let Some((p, plural)) = period_word(w) else {
        return fail(i);
    };
    // "twenty second" is a day, not twenty seconds: a singular unit takes
    // one, a fraction ("one and a half hour") or a hyphen ("three-year").
    if !plural && joint != "-" && n != Decimal::int(1) && n.decimals == 0 {
        return fail(i);
    }
    let (rest, _) = plural_apostrophe(after)?;
    // "an hour and a half", "one year and a quarter".
    if let (Some(_), Ok((r, f))) = (n.whole(), and_a_fraction(rest)) {
        return Ok((r, (n.add(f), p)));
    }
    Ok((rest, (n, p)))
}

/// `2 years 1 month 21 days`, `1 month and 21 days`.
pub(crate) fn counted_parts(i: &str) -> R<'_, Vec<(u32, Period)>> {
    let (mut rest, first) = counted(i)?;
    let mut parts = vec![first];
    loop {
        let mut next = preceded(
            alt((
                recognize((opt(char(',')), space1, kw("and"), space1)),
                recognize((opt(char(',')), space1)),
            )),
            counted,
        );
        match next.parse(rest) {
            Ok((r, p)) => {
                parts.push(p);
                rest = r;
            }
            Err(_) => break,
        }
    }
    let whole: Option<Vec<(u32, Period)>> = parts.into_iter().map(|(n, p)| n.whole().map(|n| (n, p))).collect();
    match whole {
        Some(v) => Ok((rest, v)),
        None => fail(i),
    }
}

/// Hedges that TIMEX3 keeps inside a duration's span.
pub(crate) fn hedge(i: &str) -> R<'_, ()> {
    value(
        (),
        (
            alt((
                recognize((kw("more"), space1, kw("than"))),
                recognize((kw("less"), space1, kw("than"))),
                recognize((kw("at"), space1, kw("least"))),
                recognize((kw("a"), space1, kw("mere"))),
                kw("almost"),
                kw("nearly"),
                kw("about"),
                kw("around"),
                kw("roughly"),
                kw("some"),
                kw("over"),
                kw("only"),
                kw("just"),
            )),
            space1,
        ),
    )
    .parse(i)
}

/// `three years`, `almost seven years`, `the past two years`, `a decade`,
/// `several days`, `the next few months`, `recent weeks`, `for years`.
pub(crate) fn duration(i: &str) -> R<'_, DateExpr> {
    let lead = alt((
        value(
            (),
            (
                kw("the"),
                space1,
                alt((
                    kw("past"),
                    kw("next"),
                    kw("last"),
                    kw("coming"),
                    kw("previous"),
                    kw("following"),
                )),
                space1,
            ),
        ),
        value((), (alt((kw("recent"), kw("coming"), kw("past"))), space1)),
        value((), (kw("the"), space1)),
        hedge,
    ));
    let (rest, lead) = opt(lead).parse(i)?;
    // "the next decade", "the past year": one unit.
    if lead.is_some() && rest.len() < i.len() {
        if let Ok((r, w)) = word(rest) {
            if let Some((p, false)) = period_word(w).filter(|_| w.chars().all(|c| c.is_lowercase())) {
                if i[..i.len() - rest.len()]
                    .trim_end()
                    .ends_with(|c: char| c.is_alphabetic())
                    && !matches!(p, Period::Day)
                {
                    let lead_text = i[..i.len() - rest.len()].to_lowercase();
                    if ["past", "next", "last", "coming", "previous", "following"]
                        .iter()
                        .any(|l| lead_text.contains(l))
                    {
                        return Ok((r, duration_of(Some(Decimal::int(1)), p)));
                    }
                }
            }
        }
    }
    // Counted parts: "1 hour and 30 minutes", "2 years 1 month".
    if let Ok((r, parts)) = counted_parts(rest) {
        if parts.len() > 1 {
            return Ok((r, DateExpr::Compound(parts)));
        }
    }
    // A counted amount.
    if let Ok((r, (n, p))) = counted(rest) {
        let (r, _) = plural_apostrophe(r)?;
        return Ok((r, duration_of(Some(n), p)));
    }
    // A vague one: "several days", "a few weeks", or a bare plural unit.
    let (rest, _) = opt(alt((
        recognize((kw("a"), space1, kw("few"), space1)),
        recognize((alt((kw("several"), kw("few"), kw("many"))), space1)),
    )))
    .parse(rest)?;
    let (rest, w) = word(rest)?;
    // An abbreviation ("h", "hrs") counts only after a number: alone it is
    // a letter of a word or a link.
    let abbreviation = w.len() <= 3;
    match period_word(w) {
        Some((p, true))
            if !abbreviation && (w.chars().all(|c| c.is_lowercase()) || i.len() != rest.len() + w.len()) =>
        {
            Ok((rest, duration_of(None, p)))
        }
        _ => fail(i),
    }
}

pub(crate) fn duration_of(amount: Option<Decimal>, p: Period) -> DateExpr {
    DateExpr::Duration { amount, period: p }
}
