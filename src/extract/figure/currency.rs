//! Currencies as news writes them beside an amount: symbols (`$`, `A$`,
//! `€`), ISO codes (`USD`, `usd`, the `M` of finance in `MUSD`), letters
//! before a dollar sign (`C$`, `cad$`), words with or without their country
//! (`euros`, `Australian dollars`) and smaller units (`cents`, `pence`).
//! Every currency is one row of `lexicon/en/currencies.tsv`.

use std::sync::LazyLock;

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_while_m_n, take_while1},
    character::complete::{char, space0, space1},
    combinator::{not, opt, peek, recognize},
    sequence::terminated,
};
use rustc_hash::FxHashMap;

use crate::grammar::{fail, kw};
use crate::lexicon::{WordMap, en, rows};

type R<'a, T> = IResult<&'a str, T>;

/// How a code is read beside an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Code {
    code: &'static str,
    /// The code is also an English word ("try"): only its capitals count.
    caps_only: bool,
}

struct Currencies {
    /// Signs and their codes, longest first.
    symbols: Vec<(&'static str, &'static str)>,
    /// The signs by their first char, sorted by it.
    by_first_char: Vec<(char, Vec<&'static str>)>,
    /// Bit `c` set where an ASCII char `c` begins a sign.
    ascii_first: u128,
    /// Upper-case codes read in text.
    codes: WordMap<Code>,
    /// Other codes news writes (RMB), in any case.
    aliases: WordMap<&'static str>,
    /// Letters before a dollar sign.
    letters: WordMap<&'static str>,
    /// Country adjective and noun: "australian dollars".
    by_origin: FxHashMap<(&'static str, &'static str), &'static str>,
    /// Adjectives of more than one word ("hong kong").
    long_adjectives: Vec<Vec<&'static str>>,
    /// Nouns that name a currency alone.
    bare: WordMap<&'static str>,
    /// Smaller units: each form and the first currency that has it.
    minor: WordMap<Minor>,
    /// Every currency of each smaller unit, in the table's order.
    minor_all: Vec<(&'static str, Minor)>,
}

/// A smaller unit of one currency: the cent of the dollar, the satoshi.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Minor {
    /// The form as the table lists it, lower case.
    pub form: &'static str,
    pub code: &'static str,
    /// Decimal places of one unit: 2 for a cent, 8 for a satoshi.
    pub places: u8,
}

impl Minor {
    /// The amount in the currency itself: 34 cents are 0.34 dollars.
    pub fn in_currency(self, units: f64) -> f64 {
        let v = units / 10f64.powi(i32::from(self.places));
        // Division leaves binary noise ("0.14270000000000002").
        let keep = 10f64.powi(i32::from(self.places) + 6);
        if v.abs() < 1e6 { (v * keep).round() / keep } else { v }
    }
}

static CURRENCIES: LazyLock<Currencies> = LazyLock::new(|| {
    let table: Vec<_> = rows(en::CURRENCIES).collect();
    let mut symbols: Vec<_> = table
        .iter()
        .flat_map(|r| r.list(3).map(move |s| (s, r.cell(0))))
        .collect();
    symbols.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
    let codes = table.iter().filter(|r| !r.cell(1).is_empty()).map(|r| {
        let caps_only = r.cell(1) == "caps";
        (
            r.cell(0),
            Code {
                code: r.cell(0),
                caps_only,
            },
        )
    });
    let aliases = table.iter().flat_map(|r| r.list(2).map(move |a| (a, r.cell(0))));
    let letters = table.iter().flat_map(|r| r.list(4).map(move |l| (l, r.cell(0))));
    let mut by_origin = FxHashMap::default();
    for r in &table {
        for adjective in r.list(5) {
            for noun in r.list(6) {
                by_origin.entry((adjective, noun)).or_insert(r.cell(0));
            }
        }
    }
    let mut long_adjectives: Vec<Vec<&str>> = table
        .iter()
        .flat_map(|r| r.list(5))
        .filter(|a| a.contains(' '))
        .map(|a| a.split(' ').collect())
        .collect();
    long_adjectives.dedup();
    let bare = table.iter().flat_map(|r| r.list(7).map(move |n| (n, r.cell(0))));
    let minor_all: Vec<(&str, Minor)> = table
        .iter()
        .flat_map(|r| {
            let places = r.cell(9).parse().unwrap_or(2);
            r.list(8).map(move |form| {
                let minor = Minor {
                    form,
                    code: r.cell(0),
                    places,
                };
                (form, minor)
            })
        })
        .collect();
    let mut by_first_char: Vec<(char, Vec<&str>)> = Vec::new();
    for &(sign, _) in &symbols {
        let Some(c) = sign.chars().next() else { continue };
        match by_first_char.iter_mut().find(|(f, _)| *f == c) {
            Some((_, signs)) => signs.push(sign),
            None => by_first_char.push((c, vec![sign])),
        }
    }
    by_first_char.sort_unstable_by_key(|(c, _)| *c);
    let ascii_first = by_first_char
        .iter()
        .filter(|(c, _)| c.is_ascii())
        .fold(0u128, |bits, (c, _)| bits | 1 << (*c as u32));
    Currencies {
        by_first_char,
        ascii_first,
        symbols,
        codes: WordMap::of(codes),
        aliases: WordMap::of(aliases),
        letters: WordMap::of(letters),
        by_origin,
        long_adjectives,
        bare: WordMap::of(bare),
        minor: WordMap::of(minor_all.iter().copied()),
        minor_all,
    }
});

fn alpha(i: &str) -> R<'_, &str> {
    take_while1(|c: char| c.is_alphabetic())(i)
}

fn code_of(w: &str) -> Option<&'static str> {
    // Codes are short ASCII words; upper case in a stack buffer, since
    // this runs at every short word.
    let mut buf = [0u8; 8];
    if w.len() > buf.len() || !w.is_ascii() {
        return None;
    }
    let out = &mut buf[..w.len()];
    out.copy_from_slice(w.as_bytes());
    out.make_ascii_uppercase();
    let upper = std::str::from_utf8(out).ok()?;
    if let Some(code) = CURRENCIES.aliases.get(upper) {
        return Some(code);
    }
    let code = CURRENCIES.codes.get(upper)?;
    (w == upper || !code.caps_only && w.bytes().all(|b| b.is_ascii_lowercase())).then_some(code.code)
}

/// A currency sign: `$`, `US$`, `€`, `₹`.
pub(super) fn symbol(i: &str) -> R<'_, &'static str> {
    for (s, code) in &CURRENCIES.symbols {
        if i.len() >= s.len() && i.is_char_boundary(s.len()) && i[..s.len()].eq_ignore_ascii_case(s) {
            return Ok((&i[s.len()..], *code));
        }
    }
    fail(i)
}

/// `USD`, `usd`, and the `M` prefix of finance (`MUSD`, `MEUR`): (code, scale).
pub(super) fn code(i: &str) -> R<'_, (&'static str, u32)> {
    // A code may be glued to its number ("USD34.6 million"), never to letters.
    let (rest, w) = terminated(
        take_while_m_n(3, 4, |c: char| c.is_ascii_alphabetic()),
        not(peek(take_while_m_n(1, 1, |c: char| c.is_alphabetic()))),
    )
    .parse(i)?;
    match code_word(w) {
        Some(code) => Ok((rest, code)),
        None => fail(i),
    }
}

/// What a word of three or four ASCII letters stands for as a code (see
/// `code`), and its scale.
pub(super) fn code_word(w: &str) -> Option<(&'static str, u32)> {
    if let Some(c) = code_of(w) {
        return Some((c, 0));
    }
    if w.len() == 4 && w.starts_with(['M', 'm']) {
        return code_of(&w[1..])
            .filter(|_| w[1..].chars().all(|c| c.is_ascii_uppercase()) || w.chars().all(|c| c.is_ascii_lowercase()))
            .map(|c| (c, 6));
    }
    None
}

/// A code glued to a `$`: `usd$`, `cad$`, `c $`, `hk $`, `us $`.
pub(super) fn lettered_dollar(i: &str) -> R<'_, &'static str> {
    let (rest, (w, space, _)) = (
        take_while_m_n(1, 3, |c: char| c.is_ascii_alphabetic()),
        space0,
        char('$'),
    )
        .parse(i)?;
    // "a $5,587.75 vacation": a word of its own apart from the sign (the
    // article) is no country letter; "c $ 16.4 million" is ("A$" is written
    // together).
    if !space.is_empty() && crate::text::is_stop_word(&w.to_ascii_lowercase()) {
        return fail(i);
    }
    match CURRENCIES.letters.get(&w.to_ascii_lowercase()) {
        Some(code) => Ok((rest, code)),
        None => fail(i),
    }
}

/// A country adjective of several words: `hong kong`, `new zealand`.
fn long_adjective(i: &str) -> R<'_, &str> {
    for words in &CURRENCIES.long_adjectives {
        let mut rest = i;
        let mut ok = true;
        for (k, w) in words.iter().enumerate() {
            let step = if k == 0 {
                kw(w).parse(rest)
            } else {
                recognize((space1, kw(w))).parse(rest)
            };
            match step {
                Ok((r, _)) => rest = r,
                Err(_) => {
                    ok = false;
                    break;
                }
            }
        }
        if ok {
            return Ok((rest, &i[..i.len() - rest.len()]));
        }
    }
    fail(i)
}

/// Currency words, with the adjective that names the country where one does.
pub(super) fn currency_word(i: &str) -> R<'_, &'static str> {
    let (rest, origin) = opt(terminated(
        alt((
            long_adjective,
            recognize(alt((tag("U.S."), tag("u.s."), kw("us")))),
            alpha,
        )),
        space1,
    ))
    .parse(i)
    .unwrap_or((i, None));
    let (rest2, noun) = match alpha(rest) {
        Ok((r, w)) if origin.is_some() => (r, w.to_lowercase()),
        _ => (i, String::new()),
    };
    let origin = origin.map(|o| o.to_lowercase().replace('.', ""));
    let by_origin = |o: &str| CURRENCIES.by_origin.get(&(o, noun.as_str())).copied();
    if let Some(code) = origin.as_deref().and_then(by_origin) {
        return Ok((rest2, code));
    }
    // Without a country: the currency a bare word usually means in news.
    let (rest, w) = alpha(i)?;
    match CURRENCIES.bare.get(&w.to_lowercase()) {
        Some(code) => Ok((rest, code)),
        None => fail(i),
    }
}

/// The smaller units of currencies: `cents`, `pence`, `satoshis`.
pub(super) fn minor_unit(i: &str) -> R<'_, Minor> {
    let (rest, w) = alpha(i)?;
    match CURRENCIES.minor.get(&w.to_lowercase()) {
        Some(minor) => Ok((rest, minor)),
        None => fail(i),
    }
}

/// The smaller unit `form` of the currency `code`, where it has one.
pub(super) fn minor_of(form: &str, code: &str) -> Option<Minor> {
    CURRENCIES
        .minor_all
        .iter()
        .find(|(f, m)| *f == form && m.code == code)
        .map(|(_, m)| *m)
}

/// Whether `s` begins with a currency sign, as written.
pub(super) fn starts_with_symbol(s: &str) -> bool {
    // Most positions of a text are decided by their first char; the rest
    // by the few signs that begin with it.
    let Some(c) = s.chars().next() else { return false };
    if c.is_ascii() && CURRENCIES.ascii_first & (1 << (c as u32)) == 0 {
        return false;
    }
    let signs = &CURRENCIES.by_first_char;
    match signs.binary_search_by_key(&c, |(f, _)| *f) {
        Ok(k) => signs[k].1.iter().any(|sign| s.starts_with(sign)),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sign_is_found_at_the_start() {
        for (sign, _) in &CURRENCIES.symbols {
            assert!(starts_with_symbol(&format!("{sign}5")), "{sign}");
        }
        assert!(!starts_with_symbol("USD 5") && !starts_with_symbol("5$"));
    }

    #[test]
    fn signs_are_tried_longest_first() {
        assert_eq!(symbol("US$5"), Ok(("5", "USD")));
        assert_eq!(symbol("A$5").map(|(_, c)| c), Ok("AUD"));
        assert!(lettered_dollar("a $5,587.75").is_err(), "the article before a sign");
        assert_eq!(lettered_dollar("hk $5").map(|(_, c)| c), Ok("HKD"));
        assert_eq!(symbol("$5").map(|(_, c)| c), Ok("USD"));
    }

    #[test]
    fn codes_that_are_words_count_only_in_capitals() {
        assert_eq!(code_of("TRY"), Some("TRY"));
        assert_eq!(code_of("try"), None);
        assert_eq!(code_of("usd"), Some("USD"));
        assert_eq!(code_of("Usd"), None);
        assert_eq!(code_of("rmb"), Some("CNY"));
    }

    #[test]
    fn words_with_and_without_their_country() {
        assert_eq!(currency_word("Australian dollars").map(|(_, c)| c), Ok("AUD"));
        assert_eq!(currency_word("Hong Kong dollars").map(|(_, c)| c), Ok("HKD"));
        assert_eq!(currency_word("U.S. dollars").map(|(_, c)| c), Ok("USD"));
        assert_eq!(currency_word("dollars").map(|(_, c)| c), Ok("USD"));
        assert_eq!(currency_word("Italian lire").map(|(_, c)| c), Ok("ITL"));
        assert!(currency_word("won").is_err());
        assert_eq!(minor_unit("pence").map(|(_, m)| m.code), Ok("GBP"));
        assert_eq!(
            minor_unit("cents").map(|(_, m)| m.code),
            Ok("USD"),
            "the first currency of the table"
        );
        assert_eq!(minor_of("cents", "EUR").map(|m| m.places), Some(2));
        assert_eq!(minor_of("cents", "JPY"), None);
        assert_eq!(minor_unit("satoshis").map(|(_, m)| m.in_currency(2.0)), Ok(0.00000002));
    }
}
