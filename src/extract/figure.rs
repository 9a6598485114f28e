//! Figures: money, percentages and counts, with the hedges news puts on them.
//! Amounts are computed in integer decimal arithmetic so that "4.2bn" is
//! exactly 4200000000.

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, tag_no_case, take_while_m_n, take_while1},
    character::complete::{char, space0, space1},
    combinator::{map, not, opt, peek, recognize, value, verify},
    multi::many0,
    sequence::{preceded, terminated},
};

use crate::claim::{Amount, Figure, Qualifier, Unit};
use crate::span::Span;

/// A figure found in cleaned text.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureMention {
    pub span: Span,
    pub figure: Figure,
}

type R<'a, T> = IResult<&'a str, T>;

fn boundary(i: &str) -> R<'_, ()> {
    not(peek(take_while_m_n(1, 1, |c: char| c.is_alphanumeric()))).parse(i)
}

fn kw<'a>(w: &'static str) -> impl Parser<&'a str, Output = &'a str, Error = nom::error::Error<&'a str>> {
    terminated(tag_no_case(w), boundary)
}

/// A decimal number as (mantissa, decimals): "3,400" → (3400, 0), "4.2" → (42, 1).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Decimal {
    mantissa: u128,
    decimals: u32,
}

impl Decimal {
    fn scaled(self, pow10: u32) -> f64 {
        if pow10 >= self.decimals {
            let m = self
                .mantissa
                .saturating_mul(10u128.saturating_pow(pow10 - self.decimals));
            m as f64
        } else {
            self.mantissa as f64 / 10f64.powi((self.decimals - pow10) as i32)
        }
    }
}

fn number(i: &str) -> R<'_, Decimal> {
    let grouped = recognize((
        take_while_m_n(1, 3, |c: char| c.is_ascii_digit()),
        many0((char(','), take_while_m_n(3, 3, |c: char| c.is_ascii_digit()))),
    ));
    let int_part = alt((
        verify(grouped, |s: &str| s.contains(',')),
        take_while1(|c: char| c.is_ascii_digit()),
    ));
    let (rest, (int, frac)) = (
        int_part,
        opt(preceded(char('.'), take_while1(|c: char| c.is_ascii_digit()))),
    )
        .parse(i)?;
    // A grouped number must not run on into more digits ("1,2345").
    let (rest, _) = not(peek(take_while_m_n(1, 1, |c: char| c.is_ascii_digit()))).parse(rest)?;
    let digits: String = int
        .chars()
        .filter(|c| c.is_ascii_digit())
        .chain(frac.unwrap_or("").chars())
        .collect();
    if digits.len() > 30 {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::TooLarge,
        )));
    }
    let mantissa = digits
        .parse::<u128>()
        .map_err(|_| nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Digit)))?;
    Ok((
        rest,
        Decimal {
            mantissa,
            decimals: frac.map_or(0, |f| f.len() as u32),
        },
    ))
}

/// Scale words and suffixes as powers of ten.
fn scale(i: &str) -> R<'_, u32> {
    let long = preceded(
        space0,
        alt((
            value(3, kw("thousand")),
            value(6, alt((kw("million"), kw("millions")))),
            value(9, alt((kw("billion"), kw("billions")))),
            value(12, alt((kw("trillion"), kw("trillions")))),
            value(7, alt((kw("crore"), kw("crores")))),
            value(5, alt((kw("lakh"), kw("lakhs")))),
        )),
    );
    let short = alt((
        value(9, alt((kw("bn"), kw("b")))),
        value(6, alt((kw("mn"), kw("mln"), kw("m")))),
        value(3, kw("k")),
        value(12, alt((kw("tn"), kw("trn")))),
    ));
    alt((long, preceded(space0, short))).parse(i)
}

fn currency_symbol(i: &str) -> R<'_, &'static str> {
    alt((
        value("USD", alt((tag("US$"), tag("U.S.$"), tag("US $")))),
        value("AUD", tag("A$")),
        value("CAD", alt((tag("C$"), tag("CA$")))),
        value("HKD", tag("HK$")),
        value("NZD", tag("NZ$")),
        value("BRL", tag("R$")),
        value("USD", tag("$")),
        value("EUR", tag("€")),
        value("GBP", tag("£")),
        value("JPY", tag("¥")),
        value("INR", alt((tag("₹"), kw("Rs."), kw("Rs")))),
        value("UAH", tag("₴")),
        value("RUB", tag("₽")),
        value("KRW", tag("₩")),
    ))
    .parse(i)
}

/// ISO 4217 codes that news writes before or after an amount.
const CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "CHF", "CAD", "AUD", "INR", "RUB", "UAH", "PLN", "SEK", "NOK", "DKK", "CZK",
    "HUF", "TRY", "BRL", "MXN", "ZAR", "KRW", "HKD", "SGD", "NZD",
];

fn currency_code(i: &str) -> R<'_, &'static str> {
    let (rest, w) = take_while_m_n(3, 3, |c: char| c.is_ascii_uppercase())(i)?;
    let code = CODES
        .iter()
        .find(|c| **c == w)
        .ok_or_else(|| nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)))?;
    Ok((rest, *code))
}

fn currency_word(i: &str) -> R<'_, &'static str> {
    let (rest, w) = take_while1(|c: char| c.is_alphabetic())(i)?;
    let lower = w.to_lowercase();
    let code = match lower.as_str() {
        "dollar" | "dollars" => "USD",
        "euro" | "euros" => "EUR",
        "pound" | "pounds" | "sterling" => "GBP",
        "yen" => "JPY",
        "yuan" | "renminbi" => "CNY",
        "rouble" | "roubles" | "ruble" | "rubles" => "RUB",
        "hryvnia" | "hryvnias" | "hryvnas" | "hryvnya" => "UAH",
        "rupee" | "rupees" => "INR",
        "zloty" | "zlotys" => "PLN",
        "franc" | "francs" => "CHF",
        _ => return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag))),
    };
    Ok((rest, code))
}

/// `U.S. dollars`, `US dollars`, `Swiss francs`: an origin word before the currency.
fn currency_after(i: &str) -> R<'_, &'static str> {
    preceded(
        space0,
        alt((
            currency_code,
            preceded(
                opt((
                    alt((tag("U.S."), tag("US"), tag_no_case("american"), tag_no_case("swiss"))),
                    space1,
                )),
                currency_word,
            ),
        )),
    )
    .parse(i)
}

/// The amount with its optional scale, as a value.
fn scaled_number(i: &str) -> R<'_, f64> {
    let (rest, (n, s)) = (number, opt(scale)).parse(i)?;
    Ok((rest, n.scaled(s.unwrap_or(0))))
}

fn money(i: &str) -> R<'_, Figure> {
    let prefixed = map(
        (
            alt((currency_symbol, terminated(currency_code, space0))),
            space0,
            scaled_number,
        ),
        |(code, _, v)| (v, code),
    );
    let suffixed = map((scaled_number, currency_after), |(v, code)| (v, code));
    map(alt((prefixed, suffixed)), |(v, code)| Figure {
        amount: Amount(v),
        unit: Some(Unit::Currency(code)),
        qualifier: None,
    })
    .parse(i)
}

fn percent(i: &str) -> R<'_, Figure> {
    let unit = alt((
        value(
            Unit::PercentagePoint,
            preceded(space1, alt((kw("percentage points"), kw("percentage point")))),
        ),
        value(Unit::Percent, preceded(space0, tag("%"))),
        value(
            Unit::Percent,
            preceded(space1, alt((kw("percent"), kw("per cent"), kw("pct")))),
        ),
    ));
    map((number, unit), |(n, unit)| Figure {
        amount: Amount(n.scaled(0)),
        unit: Some(unit),
        qualifier: None,
    })
    .parse(i)
}

/// Nouns that follow a number without making it a counted quantity.
const NOT_COUNTED: &[&str] = &[
    "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute", "minutes", "min",
    "mins", "second", "seconds", "sec", "am", "pm", "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for",
    "by", "per", "percent", "times", "p", "m", "th", "st", "nd", "rd", "is", "are", "was", "were", "has", "have",
    "had", "will",
];

/// A number and the plural noun it counts: `3,400 people`, `12 dead`.
fn count(i: &str) -> R<'_, Figure> {
    let (rest, (n, s, _, noun)) = (
        number,
        opt(scale),
        space1,
        take_while1(|c: char| c.is_alphabetic() && c.is_lowercase()),
    )
        .parse(i)?;
    if NOT_COUNTED.contains(&noun) || noun.len() < 3 || crate::text::is_stop_word(noun) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        )));
    }
    let (_, _) = boundary(rest)?;
    // The noun is the unit; the claim's span ends at the number (and scale).
    let consumed = i.len() - rest.len() - noun.len() - 1;
    let tail = &i[consumed..];
    let noun = noun.to_string();
    Ok((
        tail,
        Figure {
            amount: Amount(n.scaled(s.unwrap_or(0))),
            unit: Some(Unit::Noun(noun)),
            qualifier: None,
        },
    ))
}

fn figure(i: &str) -> R<'_, Figure> {
    alt((money, percent, count)).parse(i)
}

fn qualifier_before(text: &str, at: usize) -> Option<Qualifier> {
    let before = text[..at].trim_end().to_lowercase();
    const Q: &[(&str, Qualifier)] = &[
        ("more than", Qualifier::MoreThan),
        ("over", Qualifier::MoreThan),
        ("upwards of", Qualifier::MoreThan),
        ("in excess of", Qualifier::MoreThan),
        ("less than", Qualifier::LessThan),
        ("fewer than", Qualifier::LessThan),
        ("under", Qualifier::LessThan),
        ("at least", Qualifier::AtLeast),
        ("up to", Qualifier::UpTo),
        ("as many as", Qualifier::UpTo),
        ("as much as", Qualifier::UpTo),
        ("nearly", Qualifier::Nearly),
        ("almost", Qualifier::Nearly),
        ("close to", Qualifier::Nearly),
        ("around", Qualifier::Around),
        ("about", Qualifier::Around),
        ("approximately", Qualifier::Around),
        ("roughly", Qualifier::Around),
        ("some", Qualifier::Around),
        ("an estimated", Qualifier::Around),
        ("estimated", Qualifier::Around),
    ];
    Q.iter().find_map(|(w, q)| {
        let hit = before.ends_with(w)
            && before[..before.len() - w.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
        hit.then_some(*q)
    })
}

/// Finds every figure in `text`.
pub fn find_figures(text: &str) -> Vec<FigureMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if text.is_char_boundary(i) && starts_figure(text, i) {
            if let Ok((rest, mut figure)) = figure(&text[i..]) {
                let end = text.len() - rest.len();
                if accept(text, i, &figure) {
                    figure.qualifier = qualifier_before(text, i);
                    out.push(FigureMention {
                        span: Span::new(i, end),
                        figure,
                    });
                    i = end.max(i + 1);
                    continue;
                }
            }
            // Skip the rest of this number so its tail is not read as another.
            while let Some(c) = text[i..]
                .chars()
                .next()
                .filter(|c| c.is_alphanumeric() || matches!(c, ',' | '.'))
            {
                i += c.len_utf8();
            }
        }
        i += 1;
        while i < text.len() && !text.is_char_boundary(i) {
            i += 1;
        }
    }
    out
}

/// A figure can start here: a digit, a currency symbol or a code, not in
/// the middle of a word or number.
fn starts_figure(text: &str, i: usize) -> bool {
    let Some(c) = text[i..].chars().next() else {
        return false;
    };
    let prev = text[..i].chars().next_back();
    let after_word =
        prev.is_some_and(|p| p.is_alphanumeric() || p == '.' && text[..i - 1].ends_with(|c: char| c.is_ascii_digit()));
    if after_word {
        // "USD34.6 million" starts at U, "US$5" at U: never inside a word.
        return false;
    }
    c.is_ascii_digit() || "$€£¥₹₴₽₩".contains(c) || c.is_ascii_uppercase() || c == 'R'
}

/// Context the grammar cannot see: years, list numbers, labels like "Article 5".
fn accept(text: &str, start: usize, figure: &Figure) -> bool {
    let s = &text[start..];
    let before = text[..start].trim_end();
    let prev_word = before.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
    match &figure.unit {
        Some(Unit::Noun(_)) => {
            let b = s.as_bytes();
            let year_like = b.len() >= 4
                && b[..4].iter().all(u8::is_ascii_digit)
                && !b.get(4).is_some_and(|c| c.is_ascii_digit() || *c == b',');
            // "Article 5 obligations": a capitalized word before the number
            // names it, unless it is a hedge ("Some 300 people").
            let hedge = matches!(
                prev_word.to_lowercase().as_str(),
                "some"
                    | "about"
                    | "around"
                    | "nearly"
                    | "almost"
                    | "over"
                    | "roughly"
                    | "approximately"
                    | "only"
                    | "just"
                    | "all"
                    | "the"
                    | "at"
                    | "up"
                    | "more"
                    | "fewer"
                    | "less"
                    | "under"
            );
            let label = prev_word.starts_with(|c: char| c.is_uppercase())
                && !prev_word.ends_with(['.', ',', ':', '"'])
                && !hedge;
            let numbered = prev_word == "No." || prev_word == "#" || prev_word.ends_with('-');
            !year_like && !label && !numbered
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figs(text: &str) -> Vec<(String, String)> {
        find_figures(text)
            .into_iter()
            .map(|m| {
                let f = &m.figure;
                let u = f.unit.as_ref().map(|u| u.as_str().to_string()).unwrap_or_default();
                (text[m.span.start..m.span.end].to_string(), format!("{} {u}", f.amount))
            })
            .collect()
    }

    #[test]
    fn money_forms_agree() {
        for (text, span) in [
            ("the United States — $300 billion invested", "$300 billion"),
            ("300 billion dollars in aid", "300 billion dollars"),
            ("a US$300bn package", "US$300bn"),
            ("USD 300 billion in aid", "USD 300 billion"),
        ] {
            assert_eq!(
                figs(text),
                [(span.to_string(), "300000000000 USD".to_string())],
                "{text}"
            );
        }
    }

    #[test]
    fn euro_forms_agree_exactly() {
        assert_eq!(figs("cost €4.2 billion")[0].1, "4200000000 EUR");
        assert_eq!(figs("cost 4.2bn euros")[0].1, "4200000000 EUR");
        assert_eq!(figs("EUR 4,200 million")[0].1, "4200000000 EUR");
        assert_eq!(figs("USD34.6 million")[0].1, "34600000 USD");
        assert_eq!(figs("£1.5m")[0].1, "1500000 GBP");
    }

    #[test]
    fn percentages() {
        assert_eq!(figs("around 30% of"), [("30%".into(), "30 %".into())]);
        assert_eq!(figs("30 percent of"), [("30 percent".into(), "30 %".into())]);
        assert_eq!(
            figs("rose 3 percentage points"),
            [("3 percentage points".into(), "3 percentage point".into())]
        );
    }

    #[test]
    fn counts_and_qualifiers() {
        let m = find_figures("at least 3,400 dockworkers left");
        assert_eq!(m[0].figure.unit, Some(Unit::Noun("dockworkers".into())));
        assert_eq!(m[0].figure.amount, Amount(3400.0));
        assert_eq!(m[0].figure.qualifier, Some(Qualifier::AtLeast));
    }

    #[test]
    fn numbers_that_are_not_figures() {
        assert!(figs("2 min read").is_empty());
        assert!(figs("under Article 5 obligations").is_empty());
        assert_eq!(figs("Some 4,300 dockworkers left").len(), 1);
        assert!(figs("in 2024 officials said").is_empty());
        assert!(figs("call 555-0100 now").is_empty());
    }
}
