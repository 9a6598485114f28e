//! Figures: money, percentages and counts, with the hedges news puts on them.
//!
//! At every possible start each form is tried and the longest match wins:
//! money with a symbol, code or word before or after the amount (`$300
//! billion`, `US$300bn`, `USD34.6 million`, `4.2bn euros`, `75 USD million`,
//! `3 dollars 50 cents`), amounts in a currency's smaller unit (`34 cents`),
//! percentages and percentage points, and counted nouns (`3,400 people`).

use std::sync::LazyLock;

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_while1},
    character::complete::{space0, space1},
    combinator::{map, not, opt, peek, recognize, value},
    sequence::{preceded, terminated},
};

use crate::claim::{Amount, Figure, Qualifier, Unit};
use crate::grammar::number::{digits_number, scale, scaled_number, with_cents};
use crate::grammar::{Form, FormSet, boundary, fail, kw, scan};
use crate::lexicon::{WordSet, en, rows, words};
use crate::span::Span;

mod currency;

use currency::{Minor, code, currency_word, lettered_dollar, minor_of, minor_unit, symbol};

/// A figure found in cleaned text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FigureMention {
    pub span: Span,
    pub figure: Figure,
}

type R<'a, T> = IResult<&'a str, T>;

fn money(amount: f64, code: &'static str) -> Figure {
    Figure {
        amount: Some(Amount(amount)),
        unit: Some(Unit::Currency(code)),
        to: None,
        qualifier: None,
    }
}

/// The smaller part after a whole amount: "3 dollars 50 cents", "15
/// dollars and 50 cents", "17 USD 25." A number that does not close the
/// phrase is another amount ("50 dollar 40 rmb", "$5 and two friends"),
/// never its cents.
fn cents_tail(i: &str) -> R<'_, i128> {
    let (rest, _) = (space1, opt((kw("and"), space1))).parse(i)?;
    let (rest, n) = alt((
        map(digits_number, |d| d.value()),
        map(crate::grammar::number::word_number, |d| d.value()),
    ))
    .parse(rest)?;
    if !(n.fract() == 0.0 && (0.0..100.0).contains(&n)) {
        return fail(i);
    }
    let (rest, unit) = opt((space1, alt((kw("cents"), kw("cent"))))).parse(rest)?;
    let next = rest.trim_start();
    let closes = next.chars().next().is_none_or(|c| !c.is_alphanumeric()) && !currency::starts_with_symbol(next);
    if unit.is_none() && !closes {
        return fail(i);
    }
    Ok((rest, n as i128))
}

/// Adds a cents tail to a whole amount.
fn and_cents(i: &str, whole: f64) -> (&str, Option<f64>) {
    if whole.fract() != 0.0 {
        return (i, None);
    }
    match cents_tail(i) {
        Ok((rest, c)) => (rest, Some(with_cents(whole, c))),
        Err(_) => (i, None),
    }
}

/// What stands before an amount: `$`, `US$`, `USD`, `MUSD` (a scale), `Rs`.
fn currency_before(i: &str) -> R<'_, (&'static str, u32)> {
    let rs = value(
        ("INR", 0),
        alt((terminated(tag("Rs."), space0), terminated(kw("Rs"), space0))),
    );
    let (rest, found) = alt((
        map(lettered_dollar, |c| (c, 0)),
        map(symbol, |c| (c, 0)),
        rs,
        terminated(code, space0),
        map(terminated(kw("dollar"), space1), |_| ("USD", 0)),
    ))
    .parse(i)?;
    let (rest, _) = space0(rest)?;
    Ok((rest, found))
}

/// `$300 billion`, `US$300bn`, `USD 300 billion`, `USD34.6 million`,
/// `€4.2 billion`, `MAUD 60`, `usd$ 15`, `Rs 12 crore`.
fn money_before(i: &str) -> R<'_, Figure> {
    let (rest, (c, pow)) = currency_before(i)?;
    let (rest, (v, _)) = scaled_number(rest)?;
    let v = v * 10f64.powi(pow as i32);
    let (rest, with) = if pow == 0 { and_cents(rest, v) } else { (rest, None) };
    Ok((rest, money(with.unwrap_or(v), c)))
}

/// `$5-6 billion`, `$5 to $6 billion`: a range shares its scale. A form of
/// its own, so that where the context refuses the range ("$4.25 and 32 is
/// the quantity") the amount alone still stands.
fn money_range(i: &str) -> R<'_, Figure> {
    let (rest, (c, pow)) = currency_before(i)?;
    let (rest, (low, high)) = range(rest)?;
    let mut f = money(low * 10f64.powi(pow as i32), c);
    f.to = Some(Amount(high * 10f64.powi(pow as i32)));
    Ok((rest, f))
}

/// `5-6 billion`, `5 to $6 billion`, `5 and $6 billion`: both ends, the
/// scale written once applying to both.
fn range(i: &str) -> R<'_, (f64, f64)> {
    let (rest, (low, low_scale)) = (digits_number, opt(scale)).parse(i)?;
    let (rest, _) = alt((
        recognize((space0, alt((tag("-"), tag("–"))), space0)),
        recognize((space1, alt((kw("to"), kw("and"))), space1)),
    ))
    .parse(rest)?;
    let (rest, _) = opt(symbol).parse(rest)?;
    let (rest, (high, high_scale)) = (digits_number, opt(scale)).parse(rest)?;
    let pow_low = low_scale.or(high_scale).unwrap_or(0);
    let (low, high) = (low.scaled(pow_low), high.scaled(high_scale.unwrap_or(0)));
    if high <= low {
        return fail(i);
    }
    Ok((rest, (low, high)))
}

/// `300 billion dollars`, `4.2bn euros`, `75 USD million`, `100 €`,
/// `five million yen`, `3 dollars 50 cents`, `a one-yen bid`.
fn money_after(i: &str) -> R<'_, Figure> {
    let (rest, (v, _)) = scaled_number(i)?;
    // A code glued to the next number prefixes it: "3 USD50 cards".
    let glued = not(peek(take_while1(|c: char| c.is_ascii_digit())));
    let spaced = preceded(
        space0,
        alt((
            terminated(code, glued),
            map(symbol, |c| (c, 0)),
            map(currency_word, |c| (c, 0)),
        )),
    );
    let hyphened = preceded(tag("-"), map(currency_word, |c| (c, 0)));
    let (rest, (c, pow)) = alt((spaced, hyphened)).parse(rest)?;
    // "75 USD million": the scale after the code.
    let (rest, late_scale) = opt(preceded(space1, scale)).parse(rest)?;
    let v = v * 10f64.powi((pow + late_scale.unwrap_or(0)) as i32);
    let (rest, with) = if late_scale.is_none() {
        and_cents(rest, v)
    } else {
        (rest, None)
    };
    Ok((rest, money(with.unwrap_or(v), c)))
}

/// `34 cents`, `197 pence`, `12-cent`, `one penny`, `2 satoshis`: the
/// number of smaller units and their unit.
fn minor_amount(i: &str) -> R<'_, (f64, Minor)> {
    let (rest, (v, _)) = scaled_number(i)?;
    let (rest, _) = alt((tag("-"), space0)).parse(rest)?;
    let (rest, minor) = minor_unit(rest)?;
    Ok((rest, (v, minor)))
}

/// An amount in a smaller unit, as an amount of its currency: `34 cents`
/// is 0.34 USD, comparable with `$0.34`.
fn minor_money(i: &str) -> R<'_, Figure> {
    let (rest, (v, minor)) = minor_amount(i)?;
    Ok((rest, money(minor.in_currency(v), minor.code)))
}

fn percent_unit(i: &str) -> R<'_, Unit> {
    alt((
        value(
            Unit::PercentagePoint,
            preceded(space1, alt((kw("percentage points"), kw("percentage point")))),
        ),
        value(Unit::Percent, preceded(space0, tag("%"))),
        value(
            Unit::Percent,
            preceded(
                space1,
                alt((
                    kw("percent"),
                    kw("percents"),
                    kw("per cent"),
                    kw("pct"),
                    kw("percentage"),
                )),
            ),
        ),
    ))
    .parse(i)
}

/// `30%`, `30 percent`, `twenty per cent`, `minus five percent`, `3
/// percentage points`, `per cent of 210`.
fn percent(i: &str) -> R<'_, Figure> {
    let (rest, minus) = opt(terminated(alt((kw("minus"), kw("negative"), tag("-"))), space0)).parse(i)?;
    let sign = if minus.is_some() { -1.0 } else { 1.0 };
    let forward = map((scaled_number, percent_unit), |((v, _), unit)| (v, unit));
    let of = map(
        (
            alt((kw("percents"), kw("percent"), kw("per cent"))),
            space1,
            kw("of"),
            space1,
            scaled_number,
        ),
        |(.., (v, _))| (v, Unit::Percent),
    );
    let (rest, (v, unit)) = alt((forward, of)).parse(rest)?;
    Ok((
        rest,
        Figure {
            amount: Some(Amount(sign * v)),
            unit: Some(unit),
            to: None,
            qualifier: None,
        },
    ))
}

/// `a third of`, `two thirds of`, `half of`, `a quarter of`: a share.
fn fraction_share(i: &str) -> R<'_, Figure> {
    let (rest, pct) = alt((
        value(100.0 / 3.0, recognize((alt((kw("a"), kw("one"))), space1, kw("third")))),
        value(200.0 / 3.0, recognize((kw("two"), space1, kw("thirds")))),
        value(25.0, recognize((alt((kw("a"), kw("one"))), space1, kw("quarter")))),
        value(75.0, recognize((kw("three"), space1, kw("quarters")))),
        value(50.0, kw("half")),
    ))
    .parse(i)?;
    let (_, _) = peek((space1, kw("of"))).parse(rest)?;
    Ok((
        rest,
        Figure {
            amount: Some(Amount(pct)),
            to: None,
            unit: Some(Unit::Percent),
            qualifier: None,
        },
    ))
}

/// `a dozen ships`, `two dozen people`.
fn dozen(i: &str) -> R<'_, Figure> {
    let (rest, n) = alt((
        value(1.0, kw("a")),
        map(crate::grammar::number::word_number, |d| d.value()),
        map(digits_number, |d| d.value()),
    ))
    .parse(i)?;
    let (rest, _) = (space1, kw("dozen")).parse(rest)?;
    let (_, (_, noun)) = (space1, take_while1(|c: char| c.is_alphabetic() && c.is_lowercase())).parse(rest)?;
    if noun.len() < 3 || crate::text::is_stop_word(noun) || noun == "of" {
        return fail(i);
    }
    let unit = Some(Unit::Noun(noun.into()));
    Ok((
        rest,
        Figure {
            amount: Some(Amount(n * 12.0)),
            to: None,
            unit,
            qualifier: None,
        },
    ))
}

/// A percentage without its number: "a small percent", "the % of".
fn bare_percent(i: &str) -> R<'_, Figure> {
    let (rest, _) = alt((kw("percentage"), kw("percent"), tag("%"))).parse(i)?;
    Ok((
        rest,
        Figure {
            amount: None,
            unit: Some(Unit::Percent),
            to: None,
            qualifier: None,
        },
    ))
}

/// Nouns that follow a number without making it a counted quantity.
static NOT_COUNTED: LazyLock<WordSet> = LazyLock::new(|| WordSet::of(words(en::NOT_COUNTED)));

/// Hedges before a figure, in the table's order.
static QUALIFIERS: LazyLock<Vec<(&'static str, Qualifier)>> = LazyLock::new(|| {
    rows(en::QUALIFIERS)
        .filter_map(|r| {
            let q = match r.cell(1) {
                "more-than" => Qualifier::MoreThan,
                "less-than" => Qualifier::LessThan,
                "at-least" => Qualifier::AtLeast,
                "up-to" => Qualifier::UpTo,
                "nearly" => Qualifier::Nearly,
                "around" => Qualifier::Around,
                _ => return None,
            };
            Some((r.cell(0), q))
        })
        .collect()
});

/// A number and the plural noun it counts: `3,400 people`, `12 dead`.
fn count(i: &str) -> R<'_, Figure> {
    let (rest, (n, s)) = (digits_number, opt(scale)).parse(i)?;
    let (after, (_, noun)) = (space1, take_while1(|c: char| c.is_alphabetic() && c.is_lowercase())).parse(rest)?;
    if NOT_COUNTED.contains(noun) || noun.len() < 3 || crate::text::is_stop_word(noun) {
        return fail(i);
    }
    let (_, _) = boundary(after)?;
    // The noun is the unit; the claim's span ends at the number (and scale).
    let figure = Figure {
        amount: Some(Amount(n.scaled(s.unwrap_or(0)))),
        unit: Some(Unit::Noun(noun.into())),
        to: None,
        qualifier: None,
    };
    Ok((rest, figure))
}

/// A number in words and the plural noun it counts: `Nineteen injuries`,
/// `nine states`, `five million people`. One of anything is no count.
fn word_count(i: &str) -> R<'_, Figure> {
    let (rest, (n, spelled)) = scaled_number(i)?;
    if !spelled || n < 2.0 {
        return fail(i);
    }
    let (after, (_, noun)) = (space1, take_while1(|c: char| c.is_alphabetic() && c.is_lowercase())).parse(rest)?;
    let plural = noun.ends_with('s') && !noun.ends_with("ss") || IRREGULAR_PLURALS.contains(&noun);
    if !plural || NOT_COUNTED.contains(noun) || noun.len() < 3 || crate::text::is_stop_word(noun) {
        return fail(i);
    }
    let (_, _) = boundary(after)?;
    let figure = Figure {
        amount: Some(Amount(n)),
        unit: Some(Unit::Noun(noun.into())),
        to: None,
        qualifier: None,
    };
    Ok((rest, figure))
}

/// Plurals without an "s" that numbers count.
const IRREGULAR_PLURALS: [&str; 6] = ["people", "children", "men", "women", "police", "staff"];

/// What the first character of a form can be: a digit, or anything else.
/// The scanner tries a form only where it can begin; a test runs every
/// form everywhere and fails where one matches outside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Begins {
    /// A count's number is digits (`digits_number`).
    Digit,
    /// Money before its amount begins with a currency sign or code, a
    /// spelled-out count with a number word, a share or a bare percent
    /// with a word or sign.
    NotDigit,
    /// A number where `scaled_number` reads digits or words.
    Either,
}

const FORMS: &[(Form<Figure>, Begins)] = &[
    (money_before, Begins::NotDigit),
    (money_range, Begins::NotDigit),
    (money_after, Begins::Either),
    (minor_money, Begins::Either),
    (percent, Begins::Either),
    (count, Begins::Digit),
    (word_count, Begins::NotDigit),
    (fraction_share, Begins::NotDigit),
    (dozen, Begins::Either),
    (bare_percent, Begins::NotDigit),
];

/// The forms that may begin with a digit, or (`digit` false) with
/// anything else.
const fn forms_beginning(digit: bool) -> FormSet {
    let mut set = 0;
    let mut k = 0;
    while k < FORMS.len() {
        let fits = match FORMS[k].1 {
            Begins::Digit => digit,
            Begins::NotDigit => !digit,
            Begins::Either => true,
        };
        if fits {
            set |= 1 << k;
        }
        k += 1;
    }
    set
}

const DIGIT_FORMS: FormSet = forms_beginning(true);
const OTHER_FORMS: FormSet = forms_beginning(false);
const _: () = assert!(FORMS.len() <= 64, "the scanner keeps a set of forms in 64 bits");

/// The forms that may begin at the start of `rest`.
fn forms_at(rest: &str) -> FormSet {
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        DIGIT_FORMS
    } else {
        OTHER_FORMS
    }
}

fn qualifier_before(text: &str, at: usize) -> Option<Qualifier> {
    // Only the last words matter: lowercasing the whole prefix would make
    // the scan quadratic.
    let before = crate::text::before(text, at, 40).trim_end().to_lowercase();
    QUALIFIERS.iter().find_map(|(w, q)| {
        let hit = before.ends_with(w)
            && before[..before.len() - w.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
        hit.then_some(*q)
    })
}

/// Bytes either side of a figure within which its word is looked at: a
/// web address is shorter, and the look stays linear in a text without spaces.
const ADDRESS_REACH: usize = 512;

/// The word around `at` (up to the whitespace either side, within
/// `ADDRESS_REACH`) and whether it is a web address or a code: "…?q=30%25".
fn address_word(text: &str, at: usize) -> (Span, bool) {
    let head = crate::text::before(text, at, ADDRESS_REACH);
    let tail = crate::text::after(text, at, ADDRESS_REACH);
    let start = head
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(at - head.len(), |(p, c)| at - head.len() + p + c.len_utf8());
    let end = tail.find(char::is_whitespace).map_or(at + tail.len(), |p| at + p);
    let token = &text[start..end];
    let address = token.contains("://") || token.starts_with("www.") || token.contains('?') && token.contains('=');
    (Span::new(start, end), address)
}

/// Finds every figure in `text`.
pub(crate) fn find_figures(text: &str) -> Vec<FigureMention> {
    let mut out = Vec::new();
    // The word of the last start looked at: the next starts in the same
    // word are answered without looking again.
    let word = std::cell::Cell::new((Span::new(0, 0), false));
    let in_address = |i: usize| {
        let (span, address) = word.get();
        if span.start <= i && i < span.end {
            return address;
        }
        let found = address_word(text, i);
        word.set(found);
        found.1
    };
    let starts = |i: usize| {
        if starts_figure(text, i) && !in_address(i) {
            forms_at(&text[i..])
        } else {
            0
        }
    };
    let found = |i: usize, n: usize, mut figure: Figure| {
        let rest = &text[i..i + n];
        let end = i + n - (rest.len() - rest.trim_end().len());
        figure.qualifier = qualifier_before(text, i);
        out.push(FigureMention {
            span: Span::new(i, end),
            figure,
        });
        end
    };
    // The rest of a number that no form reads is not read as another.
    let skip = |i: usize| {
        let tail = text[i..]
            .find(|c: char| !(c.is_ascii_digit() || matches!(c, ',' | '.')))
            .unwrap_or(text.len() - i);
        i + tail
    };
    scan(text, FORMS, starts, |i, _, f| accept(text, i, f), found, skip);
    smaller_units_in_context(text, &mut out);
    out
}

/// "50 cents" in an article about euros are euro cents: a smaller unit
/// several currencies share belongs to the last of them named before it.
fn smaller_units_in_context(text: &str, mentions: &mut [FigureMention]) {
    let mut last: Option<&'static str> = None;
    for m in mentions {
        let written = &text[m.span.start..m.span.end];
        let minor = minor_amount(written).ok().filter(|(rest, _)| rest.is_empty());
        match (minor, &m.figure.unit) {
            (Some((_, (units, minor))), _) => {
                if let Some(theirs) = last.and_then(|c| minor_of(minor.form, c)) {
                    m.figure.unit = Some(Unit::Currency(theirs.code));
                    m.figure.amount = Some(Amount(theirs.in_currency(units)));
                }
            }
            (None, Some(Unit::Currency(c))) => last = Some(c),
            _ => {}
        }
    }
}

/// A figure can start here: not in the middle of a word or number.
fn starts_figure(text: &str, i: usize) -> bool {
    // Most positions are told by their bytes alone: ASCII that begins no
    // figure, or the inside of an ASCII word or number.
    let bytes = text.as_bytes();
    if bytes
        .get(i)
        .is_some_and(|&b| b.is_ascii() && !(b.is_ascii_alphanumeric() || matches!(b, b'%' | b'-' | b'$')))
        || i > 0 && bytes[i - 1].is_ascii_alphanumeric()
    {
        return false;
    }
    let Some(c) = text[i..].chars().next() else {
        return false;
    };
    let prev = text[..i].chars().next_back();
    let inside = prev.is_some_and(|p| {
        p.is_alphanumeric() || matches!(p, '.' | ',') && text[..i - 1].ends_with(|c: char| c.is_ascii_digit())
    });
    if inside {
        // "USD34.6 million" starts at U, never inside a word.
        return false;
    }
    if c.is_ascii_digit() || c == '%' || c == '-' || currency::starts_with_symbol(&text[i..]) {
        return true;
    }
    c.is_alphabetic() && word_may_begin(&text[i..])
}

/// Words some figure begins with: numbers in words, currency codes and
/// lettered signs ("US$", "A $"), and the leads of the table ("a dozen",
/// "half of"). Any other word is passed over without trying the forms,
/// which would all fail there.
fn word_may_begin(rest: &str) -> bool {
    let len = crate::text::letters_len(rest);
    // A country's letters before a dollar sign: "US$", "HK$", "U.S.$", "c $".
    if len <= 3 && rest.bytes().skip(len).take(4).any(|b| b == b'$') {
        return true;
    }
    let mut buf = [0; 16];
    let Some(word) = crate::grammar::ascii_lower(&rest[..len], &mut buf) else {
        return false;
    };
    FIRST_WORDS.contains(word)
        // A code is a word of its own: as `code` reads it, without the parse.
        || (3..=4).contains(&len) && rest[..len].is_ascii() && currency::code_word(&rest[..len]).is_some()
}

/// The number words and the leads of `figure_leads.tsv`: one lookup a word.
static FIRST_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::of(crate::grammar::number::number_words().chain(words(en::FIGURE_LEADS))));

/// Context the grammar cannot see: years, list numbers, labels like "Article 5".
fn accept(text: &str, start: usize, figure: &Figure) -> bool {
    let s = &text[start..];
    let prev_word = crate::text::word_before(text, start);
    // "$5 and $6 billion" is a range only after "between".
    if figure.to.is_some() && !prev_word.eq_ignore_ascii_case("between") {
        let head: String = s.chars().take(40).collect();
        if head.contains(" and ") {
            return false;
        }
    }
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
mod tests;
