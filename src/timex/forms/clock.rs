//! Times of day: `10:10 AM`, `4:30 a.m.`, `2.30pm`, `1140 a.m.`, `9a`,
//! `seven o'clock`, `half past seven`, `20 min past eight in the evening`,
//! `noon`, `11ish`, `7 in the morning`.
//!
//! A bare hour needs something that makes it a time (a meridiem, "o'clock",
//! a part of the day): "7" alone is a number.

use nom::{
    Parser,
    branch::alt,
    bytes::complete::{tag, take_while_m_n, take_while1},
    character::complete::{char, space0, space1},
    combinator::{map, map_opt, not, opt, peek, value},
    sequence::{preceded, terminated},
};

use crate::grammar::number::{number_word, word_number};
use crate::grammar::{R, boundary, fail, kw, tag_ci};
use crate::timex::expr::{Clock, DayPart};
use crate::timex::words::day_part_word;

/// `a.m.`, `AM`, `pm`, `p . m .`, and glued to the digits `9a`, `9.am`.
pub(crate) fn meridiem(i: &str) -> R<'_, bool> {
    let spaced = preceded(
        space0,
        alt((
            value(
                false,
                alt((tag_ci("a.m."), kw("a.m"), kw("am"), tag_ci("a . m ."), kw("a m"))),
            ),
            value(
                true,
                alt((tag_ci("p.m."), kw("p.m"), kw("pm"), tag_ci("p . m ."), kw("p m"))),
            ),
        )),
    );
    let glued = preceded(
        opt(char('.')),
        alt((
            value(false, alt((kw("am"), kw("a")))),
            value(true, alt((kw("pm"), kw("p")))),
        )),
    );
    alt((glued, spaced)).parse(i)
}

fn two_digits(lo: u32, hi: u32) -> impl FnMut(&str) -> R<'_, u8> {
    move |i| {
        let (rest, d) = take_while_m_n(2, 2, |c: char| c.is_ascii_digit())(i)?;
        let (rest, _) = not(peek(take_while_m_n(1, 1, |c: char| c.is_ascii_digit()))).parse(rest)?;
        match d.parse::<u32>() {
            Ok(n) if (lo..=hi).contains(&n) => Ok((rest, n as u8)),
            _ => fail(i),
        }
    }
}

fn hour_digits(i: &str) -> R<'_, u8> {
    let (rest, d) = take_while_m_n(1, 2, |c: char| c.is_ascii_digit())(i)?;
    let (rest, _) = not(peek(take_while_m_n(1, 1, |c: char| c.is_ascii_digit()))).parse(rest)?;
    match d.parse::<u8>() {
        Ok(n) if n <= 23 => Ok((rest, n)),
        _ => fail(i),
    }
}

/// An hour of a twelve-hour clock, in digits or words.
fn hour12(i: &str) -> R<'_, u8> {
    let word_hour = map_opt(take_while1(|c: char| c.is_alphabetic()), |w: &str| {
        number_word(w).filter(|n| (1..=12).contains(n)).map(|n| n as u8)
    });
    alt((map_opt(hour_digits, |h| (1..=12).contains(&h).then_some(h)), word_hour)).parse(i)
}

fn oclock(i: &str) -> R<'_, ()> {
    value((), preceded(space0, alt((kw("o'clock"), kw("o’clock"), kw("oclock"))))).parse(i)
}

/// `in the morning`, `in the evening`, `at night`.
pub(crate) fn part_phrase(i: &str) -> R<'_, DayPart> {
    alt((
        preceded(
            (kw("in"), space1, kw("the"), space1),
            map_opt(day_part_word, |(p, _)| (p != DayPart::Night).then_some(p)),
        ),
        value(DayPart::Night, (kw("at"), space1, kw("night"))),
    ))
    .parse(i)
}

/// `10:10`, `22:25:00`, `2.30` (the dotted form only with a meridiem),
/// `1140` (only with a meridiem): with the meridiem when one follows.
fn numeric(i: &str) -> R<'_, Clock> {
    let colon = map(
        (
            hour_digits,
            preceded(char(':'), two_digits(0, 59)),
            opt(preceded(char(':'), two_digits(0, 59))),
            opt(meridiem),
        ),
        |(h, m, s, pm)| (h, Some(m), s, pm),
    );
    let dotted = map(
        (hour_digits, preceded(char('.'), two_digits(0, 59)), meridiem),
        |(h, m, pm)| (h, Some(m), None, Some(pm)),
    );
    let packed = map_opt(
        (take_while_m_n(3, 4, |c: char| c.is_ascii_digit()), meridiem),
        |(d, pm): (&str, bool)| {
            let n: u32 = d.parse().ok()?;
            let (h, m) = (n / 100, n % 100);
            (m < 60).then_some((h as u8, Some(m as u8), None, Some(pm)))
        },
    );
    let hour = map((hour_digits, meridiem), |(h, pm)| (h, None, None, Some(pm)));
    map_opt(alt((colon, dotted, packed, hour)), |(h, m, s, pm)| {
        to_clock(h, m, s, pm)
    })
    .parse(i)
}

/// `half past seven`, `quarter to nine`, `20 min past eight`, `ten after six`.
fn past_to(i: &str) -> R<'_, Clock> {
    let unit = || alt((kw("minutes"), kw("minute"), kw("mins"), kw("min")));
    let digit_minutes = || map_opt(hour_digits, |m| (1..=59).contains(&m).then_some(m));
    let word_minutes = map_opt(take_while1(|c: char| c.is_alphabetic()), |w: &str| {
        number_word(w).filter(|n| (1..=59).contains(n)).map(|n| n as u8)
    });
    // "5 to 6" is a range of hours; "5 min to 6" and "ten past six" are times.
    let counted = alt((
        map((digit_minutes(), space1, unit()), |(m, ..)| (m, true)),
        // "10 past 9": digits without a unit only before "past".
        map(digit_minutes(), |m| (m, false)),
        map((word_minutes, opt(preceded(space1, unit()))), |(m, u)| (m, u.is_some())),
    ));
    let minutes = alt((
        value((30u8, true), kw("half")),
        value((15u8, true), preceded(opt((kw("a"), space1)), kw("quarter"))),
        counted,
    ));
    let (rest, ((m, sure), _, after, _, h)) = (
        minutes,
        space1,
        alt((
            value(true, alt((kw("past"), kw("after")))),
            value(false, alt((kw("to"), kw("before")))),
        )),
        space1,
        hour12,
    )
        .parse(i)?;
    if !after && !sure {
        return fail(i);
    }
    let (rest, _) = opt(oclock).parse(rest)?;
    let clock = if after {
        Clock {
            hour: h,
            minute: Some(m),
            second: None,
            meridiem: false,
        }
    } else {
        let total = u32::from(h) * 60 + 12 * 60 - u32::from(m);
        Clock {
            hour: ((total / 60) % 12) as u8,
            minute: Some((total % 60) as u8),
            second: None,
            meridiem: false,
        }
    };
    let (rest, pm) = opt(meridiem).parse(rest)?;
    Ok((rest, pm.map_or(clock, |pm| clock.with_meridiem(pm))))
}

/// `noon`, `12 noon`, `midday`, `midnight`.
fn named(i: &str) -> R<'_, Clock> {
    let hour = |h| Clock {
        hour: h,
        minute: None,
        second: None,
        meridiem: true,
    };
    preceded(
        opt((tag("12"), space1)),
        alt((
            value(hour(12), alt((tag_ci("noon"), tag_ci("midday")))),
            value(hour(0), tag_ci("midnight")),
        )),
    )
    .parse(i)
}

/// Whether a time of day may begin here: a digit, or a word that begins
/// one of `clock`'s forms (a number, "half", "a quarter", "noon",
/// "midday", "midnight"). Most places the scan tries are neither, and
/// the forms would each read the word to find so.
fn may_begin_clock(i: &str) -> bool {
    if i.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let word = &i[..crate::text::letters_len(i)];
    let head = |p: &str| i.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    number_word(word).is_some()
        || ["half", "a", "quarter"].iter().any(|w| word.eq_ignore_ascii_case(w))
        || ["noon", "midday", "midnight"].iter().any(|p| head(p))
}

/// A time of day, with the part of the day that sets its meridiem
/// (`7 in the morning`, `eight in the evening`) and a trailing `ish`.
pub(crate) fn clock(i: &str) -> R<'_, Clock> {
    if !may_begin_clock(i) {
        return fail(i);
    }
    let bare = map((hour12, oclock), |(h, _)| Clock {
        hour: h,
        minute: None,
        second: None,
        meridiem: false,
    });
    // An hour and its minutes in words before a meridiem: "one thirty p m".
    let worded = map_opt(
        (
            hour12,
            space1,
            take_while1(|c: char| c.is_alphabetic()),
            opt(preceded(
                alt((char('-'), char(' '))),
                map_opt(take_while1(|c: char| c.is_alphabetic()), |w: &str| {
                    number_word(w).filter(|n| *n < 10)
                }),
            )),
            meridiem,
        ),
        |(h, _, tens, unit, pm)| {
            let tens = number_word(tens).filter(|n| (10..=59).contains(n))?;
            let unit = match unit {
                Some(u) if tens % 10 == 0 => u,
                Some(_) => return None,
                None => 0,
            };
            to_clock(h, Some((tens + unit) as u8), None, Some(pm))
        },
    );
    let rough = map((hour12, peek(tag_ci("ish"))), |(h, _)| Clock {
        hour: h,
        minute: None,
        second: None,
        meridiem: false,
    });
    let (rest, c) = alt((numeric, past_to, worded, bare, named, rough)).parse(i)?;
    let (rest, _) = opt(tag_ci("ish")).parse(rest)?;
    let (rest, _) = boundary(rest)?;
    // A time zone is part of the expression, not of the value.
    let (rest, _) = opt((
        space1,
        alt((
            kw("GMT"),
            kw("UTC"),
            kw("BST"),
            kw("CET"),
            kw("EST"),
            kw("EDT"),
            kw("PST"),
            kw("PDT"),
            kw("CST"),
            kw("ET"),
            kw("PT"),
        )),
    ))
    .parse(rest)?;
    let (rest, part) = opt(preceded(space1, part_phrase)).parse(rest)?;
    Ok((rest, part.map_or(c, |p| c.in_part(p))))
}

/// A bare hour made a time by its part of the day: `7 in the morning`.
pub(crate) fn hour_in_part(i: &str) -> R<'_, Clock> {
    let (rest, (h, _, _, part)) = (hour12, opt(tag_ci("ish")), space1, part_phrase).parse(i)?;
    let c = Clock {
        hour: h,
        minute: None,
        second: None,
        meridiem: false,
    };
    Ok((rest, c.in_part(part)))
}

/// Two ends of a range read so that it runs forward: an end without its
/// meridiem takes the reading that keeps the order ("5 to 6pm" is 17 to 18,
/// "8am-3" is 8 to 15). `None` when no reading does.
pub(crate) fn in_order(a: Clock, b: Clock) -> Option<(Clock, Clock)> {
    let (a, b) = match (a.meridiem, b.meridiem) {
        (false, true) if b.hour >= 12 && a.hour < 12 => {
            let pm = a.with_meridiem(true);
            (if pm.minutes() <= b.minutes() { pm } else { a }, b)
        }
        (_, false) if b.minutes() <= a.minutes() && b.hour < 12 => (a, b.with_meridiem(true)),
        _ => (a, b),
    };
    (a.minutes() < b.minutes()).then_some((a, b))
}

/// One end of a range of times.
struct End {
    clock: Clock,
    /// Written as a time of its own ("2:00", "6pm", "seven o'clock").
    time: bool,
}

fn range_end(i: &str) -> R<'_, End> {
    let own = |i| -> R<'_, End> {
        let (rest, c) = alt((clock, hour_in_part)).parse(i)?;
        Ok((rest, End { clock: c, time: true }))
    };
    let open = map_opt(
        (hour_digits, opt(preceded(char(':'), two_digits(0, 59))), boundary),
        |(h, m, _)| {
            to_clock(h, m, None, None).map(|c| End {
                clock: c,
                time: m.is_some(),
            })
        },
    );
    let word_hour = map(
        (
            map_opt(take_while1(|c: char| c.is_alphabetic()), |w: &str| {
                number_word(w).filter(|n| (1..=12).contains(n)).map(|n| n as u8)
            }),
            opt(preceded(
                char(' '),
                map_opt(word_number, |d| {
                    let n = d.value();
                    (n.fract() == 0.0 && (10.0..=59.0).contains(&n)).then_some(n as u8)
                }),
            )),
        ),
        |(h, m)| End {
            clock: Clock {
                hour: h,
                minute: m,
                second: None,
                meridiem: false,
            },
            time: m.is_some(),
        },
    );
    // "0730": four digits with a leading zero, a time only inside a range.
    let packed = map_opt(
        (tag("0"), take_while_m_n(3, 3, |c: char| c.is_ascii_digit()), boundary),
        |(_, d, _): (&str, &str, ())| {
            let n: u16 = d.parse().ok()?;
            let (h, m) = ((n / 100) as u8, (n % 100) as u8);
            (m < 60).then_some(End {
                clock: Clock {
                    hour: h,
                    minute: Some(m),
                    second: None,
                    meridiem: false,
                },
                time: true,
            })
        },
    );
    alt((own, packed, open, word_hour)).parse(i)
}

/// A range of times: `5 to 6pm`, `3-8pm`, `10am to 12pm`, `4:00 to 7
/// oclock`, `between 4pm and 5pm`, `from 10:30 to 3`. An end without a
/// meridiem takes the reading that keeps the range in order.
pub(crate) fn clock_range(i: &str) -> R<'_, (Clock, Clock)> {
    ranged(i, false)
}

/// A range of hours beside a day, where bare numbers are hours: "Monday
/// 3-8", "between 3 and 8 yesterday".
pub(crate) fn hours_beside_a_day(i: &str) -> R<'_, (Clock, Clock)> {
    ranged(i, true)
}

fn ranged(i: &str, beside_a_day: bool) -> R<'_, (Clock, Clock)> {
    let (rest, lead) = opt(alt((
        value(true, (kw("between"), space1)),
        value(false, (kw("from"), space1)),
    )))
    .parse(i)?;
    let (rest, a) = range_end(rest)?;
    let (rest, and) = alt((
        value(false, (space0, alt((char('-'), char('–'))), space0)),
        value(true, (space1, kw("and"), space1)),
        value(
            false,
            (space1, alt((kw("to"), kw("until"), kw("till"), kw("through"))), space1),
        ),
    ))
    .parse(rest)?;
    let (rest, b) = range_end(rest)?;
    // Two bare numbers ("3-8", "5 to 6") are scores and counts, not times;
    // "and" joins two times only after "between".
    if and && lead != Some(true) {
        return fail(i);
    }
    // Two bare numbers are hours only beside a day, in order, and after
    // "between" or "from" when the day follows: "won 2-1 on Sunday" is a score.
    if !(a.clock.meridiem || b.clock.meridiem || a.time || b.time)
        && !(beside_a_day && b.clock.hour > a.clock.hour && b.clock.hour <= 12)
    {
        return fail(i);
    }
    let Some((a, b)) = in_order(a.clock, b.clock) else {
        return fail(i);
    };
    Ok((rest, (a, b)))
}

/// An hour after "at" once the day is named: `Sat at 5`, `Monday at 2.30`.
pub(crate) fn at_hour(i: &str) -> R<'_, Clock> {
    let word_minutes = preceded(
        char(' '),
        map_opt(word_number, |d| {
            let n = d.value();
            (n.fract() == 0.0 && (10.0..=59.0).contains(&n)).then_some(n as u8)
        }),
    );
    let (rest, (h, m)) = (
        hour12,
        opt(alt((
            preceded(alt((char('.'), char(':'))), two_digits(0, 59)),
            // "at seven twenty-seven", "at six forty-three minutes".
            terminated(word_minutes, opt((space1, alt((kw("minutes"), kw("minute")))))),
        ))),
    )
        .parse(i)?;
    // "at 5%", "at 5.2 million": figures, not hours.
    let (rest, _) = (
        boundary,
        not(peek((
            space0,
            alt((char('%'), char('.'), char(','))),
            take_while_m_n(1, 1, |c: char| c.is_ascii_digit()),
        ))),
    )
        .parse(rest)?;
    let (rest, _) = not(peek((space0, char('%')))).parse(rest)?;
    Ok((
        rest,
        Clock {
            hour: h,
            minute: m,
            second: None,
            meridiem: false,
        },
    ))
}

pub(crate) fn to_clock(h: u8, m: Option<u8>, second: Option<u8>, pm: Option<bool>) -> Option<Clock> {
    if pm.is_some() && (h == 0 || h > 12) || h > 23 {
        return None;
    }
    let c = Clock {
        hour: h,
        minute: m,
        second,
        meridiem: false,
    };
    Some(pm.map_or(c, |pm| c.with_meridiem(pm)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> String {
        match alt((clock, hour_in_part)).parse(s) {
            Ok((_, c)) => c.timex(),
            Err(_) => "none".into(),
        }
    }

    #[test]
    fn numeric_times() {
        assert_eq!(t("10:10 AM"), "10:10");
        assert_eq!(t("4:30 p.m."), "16:30");
        assert_eq!(t("22:25:00"), "22:25");
        assert_eq!(t("7:56:30 pm"), "19:56:30");
        assert_eq!(t("2.30pm"), "14:30");
        assert_eq!(t("1140 a.m."), "11:40");
        assert_eq!(t("12 a.m."), "00");
        assert_eq!(t("3pm"), "15", "an hour alone keeps hour precision");
        assert_eq!(t("9a"), "09");
        assert_eq!(t("9.am"), "09");
        assert_eq!(t("3 p . m ."), "15");
    }

    #[test]
    fn worded_times() {
        assert_eq!(t("half past seven o'clock"), "07:30");
        assert_eq!(t("quarter to nine"), "08:45");
        assert_eq!(t("20 min past eight in the evening"), "20:20");
        assert_eq!(t("seven o'clock"), "07");
        assert_eq!(t("one thirty p m"), "13:30");
        assert_eq!(t("noon"), "12");
        assert_eq!(t("12 noon"), "12");
        assert_eq!(t("11ish"), "11");
        assert_eq!(t("noonish"), "12");
        assert_eq!(t("7 in the morning"), "07");
        assert_eq!(t("ten at night"), "22");
    }

    fn r(s: &str) -> String {
        match clock_range(s) {
            Ok((_, (a, b))) => format!("{}-{}", a.timex(), b.timex()),
            Err(_) => "none".into(),
        }
    }

    #[test]
    fn ranges_share_a_meridiem() {
        assert_eq!(r("5 to 6pm"), "17-18");
        assert_eq!(r("3-8pm"), "15-20");
        assert_eq!(r("11 to 2pm"), "11-14");
        assert_eq!(r("10am to 12pm"), "10-12");
        assert_eq!(r("8am-3"), "08-15");
        assert_eq!(r("from 10:30 to 3"), "10:30-15");
        assert_eq!(r("between 4pm and 5pm"), "16-17");
        assert_eq!(r("3:00 to 4:00"), "03:00-04:00");
        assert_eq!(r("from three thirty to four thirty"), "03:30-04:30");
        assert_eq!(r("from two thirty to two forty-five"), "02:30-02:45");
        assert_eq!(r("2:00 to 2:30 pm"), "14:00-14:30");
        assert_eq!(r("between 0730-0930"), "07:30-09:30");
        assert_eq!(r("between 2014-2018"), "none", "years, not times");
        assert_eq!(r("5 to 6"), "none");
        assert_eq!(r("4pm and 5pm"), "none", "and needs between");
    }

    #[test]
    fn numbers_are_not_times() {
        assert_eq!(t("7 percent"), "none");
        assert_eq!(t("2.30 points"), "none");
        assert_eq!(t("1140 tons"), "none");
        assert_eq!(t("13 pm"), "none");
        assert_eq!(t("seven a day"), "none");
    }
}
