//! Numerals as news writes them: `3,400`, `4.2`, `12,34,567.89`, `twenty`,
//! `one hundred`, `forty-five`, `half`, `three quarters`, with scale words
//! (`million`, `bn`, `crore`). Values are exact decimals, so "4.2bn" is
//! 4200000000 and not 4199999999.999.

use nom::{
    Parser,
    branch::alt,
    bytes::complete::{tag, take_while_m_n, take_while1},
    character::complete::{char, space0, space1},
    combinator::{map, not, opt, peek, recognize, value},
    multi::many1,
    sequence::preceded,
};

use std::sync::LazyLock;

use super::{R, fail, kw};
use crate::lexicon::{WordMap, en, rows};

/// An exact decimal: `mantissa × 10^-decimals`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Decimal {
    pub mantissa: i128,
    pub decimals: u32,
}

impl Decimal {
    pub(crate) fn int(n: i128) -> Decimal {
        Decimal {
            mantissa: n,
            decimals: 0,
        }
    }

    /// The value times 10^pow10, as a float only at the end.
    pub(crate) fn scaled(self, pow10: u32) -> f64 {
        if pow10 >= self.decimals {
            self.mantissa
                .saturating_mul(10i128.saturating_pow(pow10 - self.decimals)) as f64
        } else {
            self.mantissa as f64 / 10f64.powi((self.decimals - pow10) as i32)
        }
    }

    pub(crate) fn value(self) -> f64 {
        self.scaled(0)
    }

    /// The value as a whole number, when it is written as one ("3", not "3.0").
    pub(crate) fn whole(self) -> Option<u32> {
        (self.decimals == 0)
            .then(|| u32::try_from(self.mantissa).ok())
            .flatten()
    }

    pub(crate) fn add(self, other: Decimal) -> Decimal {
        let d = self.decimals.max(other.decimals);
        let a = self.mantissa.saturating_mul(10i128.saturating_pow(d - self.decimals));
        let b = other.mantissa.saturating_mul(10i128.saturating_pow(d - other.decimals));
        Decimal {
            mantissa: a.saturating_add(b),
            decimals: d,
        }
    }
}

/// Written with its decimals: `3.50` stays `3.50`.
impl std::fmt::Display for Decimal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let digits = self.mantissa.unsigned_abs().to_string();
        let sign = if self.mantissa < 0 { "-" } else { "" };
        let d = self.decimals as usize;
        if d == 0 {
            return write!(f, "{sign}{digits}");
        }
        let padded = format!("{digits:0>width$}", width = d + 1);
        let (int, frac) = padded.split_at(padded.len() - d);
        write!(f, "{sign}{int}.{frac}")
    }
}

/// `3,400`, `12,34,567.89` (Indian grouping), `4.2`, `1000`.
pub(crate) fn digits_number(i: &str) -> R<'_, Decimal> {
    let group3 = (char(','), take_while_m_n(3, 3, |c: char| c.is_ascii_digit()));
    let western = recognize((take_while_m_n(1, 3, |c: char| c.is_ascii_digit()), many1(group3)));
    let group2 = (
        char(','),
        take_while_m_n(2, 2, |c: char| c.is_ascii_digit()),
        not(peek(take_while_m_n(1, 1, |c: char| c.is_ascii_digit()))),
    );
    let indian = recognize((
        take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
        many1(group2),
        char(','),
        take_while_m_n(3, 3, |c: char| c.is_ascii_digit()),
    ));
    let plain = take_while1(|c: char| c.is_ascii_digit());
    let (rest, int) = alt((western, indian, plain)).parse(i)?;
    let (rest, frac) = opt(preceded(char('.'), take_while1(|c: char| c.is_ascii_digit()))).parse(rest)?;
    // A grouped number must not run on into more digits ("1,2345").
    let (rest, _) = not(peek(take_while_m_n(1, 1, |c: char| c.is_ascii_digit()))).parse(rest)?;
    let digits: String = int
        .chars()
        .filter(char::is_ascii_digit)
        .chain(frac.unwrap_or("").chars())
        .collect();
    if digits.len() > 30 {
        return fail(i);
    }
    match digits.parse::<i128>() {
        Ok(mantissa) => Ok((
            rest,
            Decimal {
                mantissa,
                decimals: frac.map_or(0, |f| f.len() as u32),
            },
        )),
        Err(_) => fail(i),
    }
}

/// Number words: units (0-19) and tens.
static NUMBER_WORDS: LazyLock<WordMap<u8>> =
    LazyLock::new(|| WordMap::of(rows(en::NUMBERS).map(|r| (r.cell(1), r.cell(0).parse().unwrap_or(0)))));

/// The value of a number word; without allocating, since this runs for most
/// words of a text.
fn word_value(w: &str) -> Option<u8> {
    NUMBER_WORDS.get_ascii_lower(w)
}

fn unit_word(w: &str) -> Option<i128> {
    word_value(w).filter(|n| *n < 20).map(i128::from)
}

/// A number written as one word: `one` to `nineteen`, the tens, `hundred`.
pub(crate) fn number_word(w: &str) -> Option<u32> {
    if w.eq_ignore_ascii_case("hundred") {
        return Some(100);
    }
    word_value(w).map(u32::from).filter(|n| *n > 0)
}

/// Every number word, lowercase: those `number_word` takes, and "zero"
/// (a figure's word, never a date's).
pub(crate) fn number_words() -> impl Iterator<Item = &'static str> {
    rows(en::NUMBERS).map(|r| r.cell(1)).chain(["hundred"])
}

fn alpha(i: &str) -> R<'_, &str> {
    take_while1(|c: char| c.is_alphabetic())(i)
}

/// 1..99 in words: `seven`, `twenty`, `forty-five`, `forty five`.
pub(crate) fn below_hundred(i: &str) -> R<'_, i128> {
    let (rest, w) = alpha(i)?;
    let t = match word_value(w) {
        Some(u) if u < 20 => return Ok((rest, i128::from(u))),
        Some(t) => i128::from(t),
        None => return fail(i),
    };
    let mut unit = preceded(alt((tag("-"), space1)), alpha);
    if let Ok((r, u)) = unit.parse(rest) {
        if let Some(u) = unit_word(u).filter(|u| (1..10).contains(u)) {
            return Ok((r, t + u));
        }
    }
    Ok((rest, t))
}

/// 1..999 in words: `one hundred`, `a hundred and five`, `twenty-two`.
fn below_thousand(i: &str) -> R<'_, i128> {
    let hundreds = map(
        (
            alt((below_hundred, value(1, kw("a")))),
            space1,
            kw("hundred"),
            opt(preceded((space1, opt((kw("and"), space1))), below_hundred)),
        ),
        |(h, _, _, rest)| h * 100 + rest.unwrap_or(0),
    );
    alt((hundreds, below_hundred)).parse(i)
}

/// A whole number in words, with thousands: `three thousand two hundred`.
pub(crate) fn word_number(i: &str) -> R<'_, Decimal> {
    let (rest, n) = below_thousand(i)?;
    let thousands = preceded(
        (space1, kw("thousand")),
        opt(preceded((space1, opt((kw("and"), space1))), below_thousand)),
    );
    let (rest, more) = opt(thousands).parse(rest)?;
    let n = match more {
        Some(tail) => n * 1000 + tail.unwrap_or(0),
        None => n,
    };
    Ok((rest, Decimal::int(n)))
}

/// `half`, `a quarter`, `three quarters`: fractions that scale words follow.
fn fraction(i: &str) -> R<'_, Decimal> {
    alt((
        value(
            Decimal {
                mantissa: 5,
                decimals: 1,
            },
            preceded(opt((kw("a"), space1)), kw("half")),
        ),
        value(
            Decimal {
                mantissa: 75,
                decimals: 2,
            },
            (kw("three"), space1, alt((kw("quarters"), kw("quarter")))),
        ),
        value(
            Decimal {
                mantissa: 25,
                decimals: 2,
            },
            preceded(opt((kw("a"), space1)), kw("quarter")),
        ),
    ))
    .parse(i)
}

/// Scale words ("million") and suffixes ("bn") as powers of ten.
struct Scales {
    words: WordMap<u32>,
    suffixes: WordMap<u32>,
}

static SCALES: LazyLock<Scales> = LazyLock::new(|| {
    let of_kind = |kind: &'static str| {
        WordMap::of(rows(en::SCALES).filter(move |r| r.cell(1) == kind).flat_map(|r| {
            let power = r.cell(0).parse().unwrap_or(0);
            r.list(2).map(move |w| (w, power))
        }))
    };
    Scales {
        words: of_kind("word"),
        suffixes: of_kind("suffix"),
    }
});

/// Scale words and suffixes as powers of ten: `300 billion`, `4.2bn`.
pub(crate) fn scale(i: &str) -> R<'_, u32> {
    let (rest, _) = space0(i)?;
    let (after, w) = alpha(rest)?;
    let power = SCALES
        .words
        .get_ascii_lower(w)
        .or_else(|| SCALES.suffixes.get_ascii_lower(w));
    match power {
        Some(p) if !after.starts_with(|c: char| c.is_alphanumeric()) => Ok((after, p)),
        _ => fail(i),
    }
}

/// A number with its scale: `300 billion`, `4.2bn`, `five million`,
/// `half million`, `twenty`. Returns the value and whether it was in words.
pub(crate) fn scaled_number(i: &str) -> R<'_, (f64, bool)> {
    let digits = map((digits_number, opt(scale)), |(n, s)| (n.scaled(s.unwrap_or(0)), false));
    let words = map((word_number, opt(preceded(space1, scale))), |(n, s)| {
        (n.scaled(s.unwrap_or(0)), true)
    });
    let fractions = map((fraction, preceded(space1, scale)), |(n, s)| (n.scaled(s), true));
    alt((digits, fractions, words)).parse(i)
}

/// Adds a smaller part to a decimal amount: "3 dollars 50 cents" → 3.5.
pub(crate) fn with_cents(whole: f64, cents: i128) -> f64 {
    let w = Decimal {
        mantissa: (whole * 100.0).round() as i128,
        decimals: 2,
    };
    w.add(Decimal {
        mantissa: cents,
        decimals: 2,
    })
    .value()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> f64 {
        scaled_number(s).map(|(_, (v, _))| v).unwrap_or(f64::NAN)
    }

    #[test]
    fn numerals() {
        assert_eq!(n("4.2bn"), 4_200_000_000.0);
        assert_eq!(n("3,400"), 3400.0);
        assert_eq!(n("12,34,567.89"), 1_234_567.89);
        assert_eq!(n("five million"), 5_000_000.0);
        assert_eq!(n("one hundred"), 100.0);
        assert_eq!(n("forty-five"), 45.0);
        assert_eq!(n("three thousand two hundred"), 3200.0);
        assert_eq!(n("half million"), 500_000.0);
        assert_eq!(n("three quarters billion"), 750_000_000.0);
        assert_eq!(with_cents(13.0, 45), 13.45);
        let d = |mantissa, decimals| Decimal { mantissa, decimals };
        assert_eq!(d(350, 2).to_string(), "3.50");
        assert_eq!(d(5, 1).to_string(), "0.5");
        assert_eq!(d(25, 2).to_string(), "0.25");
        assert_eq!(d(7, 0).to_string(), "7");
        assert_eq!(d(7, 0).whole(), Some(7));
        assert_eq!(d(70, 1).whole(), None);
    }
}
