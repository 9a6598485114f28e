//! Shared pieces of the nom grammars (temporal expressions, figures, numbers):
//! keyword tests that compare ASCII bytes without allocating, and numerals.

use nom::{
    IResult, Parser,
    bytes::complete::take_while_m_n,
    combinator::{not, peek},
    sequence::terminated,
};

#[cfg(test)]
pub(crate) mod gates;
pub(crate) mod number;

pub(crate) type R<'a, T> = IResult<&'a str, T>;

pub(crate) fn fail<T>(i: &str) -> R<'_, T> {
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Verify,
    )))
}

pub(crate) fn boundary(i: &str) -> R<'_, ()> {
    not(peek(take_while_m_n(1, 1, |c: char| c.is_alphanumeric()))).parse(i)
}

pub(crate) fn kw<'a>(w: &'static str) -> impl Parser<&'a str, Output = &'a str, Error = nom::error::Error<&'a str>> {
    terminated(tag_ci(w), boundary)
}

/// An ASCII word or sign in any case. nom's `tag_no_case` lowercases every
/// char of the input; the grammars' words are ASCII, so a byte comparison
/// does (most of a text's words meet a keyword test).
pub(crate) fn tag_ci<'a>(
    w: &'static str,
) -> impl Parser<&'a str, Output = &'a str, Error = nom::error::Error<&'a str>> {
    move |i: &'a str| match i.get(..w.len()) {
        Some(head) if head.eq_ignore_ascii_case(w) => Ok((&i[w.len()..], head)),
        _ => fail(i),
    }
}

/// `w` in lower case in a stack buffer (`lexicon::ascii_lower`), as text.
/// Words that are not ASCII or longer than 16 bytes are in none of the
/// grammars' lists.
pub(crate) fn ascii_lower<'b>(w: &str, buf: &'b mut [u8; 16]) -> Option<&'b str> {
    std::str::from_utf8(crate::lexicon::ascii_lower(w, buf)?).ok()
}

/// A form of a grammar: a parser from the text at some position.
pub(crate) type Form<T> = for<'a> fn(&'a str) -> R<'a, T>;

/// A set of a grammar's forms, form `k` as bit `k`.
pub(crate) type FormSet = u64;

/// The longest-match scan the temporal and figure grammars share. At every
/// char boundary, `starts` gives the forms that may begin there (none: no
/// expression begins there; each form is listed with what it may begin
/// with, which the scan leaves to `starts`, and a grammar has at most 64
/// forms); each is tried and the longest match that
/// `accept(start, end, value)` keeps wins, the earlier form on a tie.
/// `found(start, len, value)` takes the match and says where the scan goes
/// on; where nothing matches, `skip(at)` may jump ahead (the tail of a
/// number is not read as another). Each position is tried once, so the scan
/// is linear in the text times the cost of the forms. No expression of
/// either grammar begins right after an ASCII letter or digit: such
/// positions are passed over without asking `starts`.
pub(crate) fn scan<T, B>(
    text: &str,
    forms: &[(Form<T>, B)],
    starts: impl Fn(usize) -> FormSet,
    accept: impl Fn(usize, usize, &T) -> bool,
    mut found: impl FnMut(usize, usize, T) -> usize,
    skip: impl Fn(usize) -> usize,
) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        let tried = if text.is_char_boundary(i) { starts(i) } else { 0 };
        if tried != 0 {
            let rest = &text[i..];
            // The forms of the set, in order, read off its bits.
            let mut left = tried;
            let tried = std::iter::from_fn(|| {
                let k = left.trailing_zeros() as usize;
                left &= left.wrapping_sub(1);
                (k < 64).then_some(k)
            });
            let best = tried
                .filter_map(|k| forms.get(k))
                .filter_map(|(form, _)| form(rest).ok())
                .map(|(r, v)| (rest.len() - r.len(), v))
                .filter(|(n, v)| *n > 0 && accept(i, i + n, v))
                .fold(None, |best: Option<(usize, T)>, (n, v)| match best {
                    Some((bn, _)) if bn >= n => best,
                    _ => Some((n, v)),
                });
            if let Some((n, v)) = best {
                i = found(i, n, v).max(i + 1);
                continue;
            }
            let next = skip(i);
            if next > i {
                i = next;
                continue;
            }
        }
        i += 1;
        // On to a boundary that follows no ASCII letter or digit, passing
        // a word's letters a run at a time.
        while i < text.len() {
            if bytes[i - 1].is_ascii_alphanumeric() {
                let run = bytes[i..].iter().position(|b| !b.is_ascii_alphanumeric());
                // Past the run and the byte that ends it.
                i = run.map_or(text.len(), |k| i + k + 1);
            } else if text.is_char_boundary(i) {
                break;
            } else {
                i += 1;
            }
        }
    }
}
