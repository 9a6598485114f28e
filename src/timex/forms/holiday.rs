//! Holidays that news dates things by: `Christmas`, `Easter 2018`, `last
//! Thanksgiving`, `the Fourth of July`, `Independence Day of this year`.

use std::sync::LazyLock;

use jiff::civil::{Date, Weekday};
use nom::{
    Parser,
    branch::alt,
    character::complete::space1,
    combinator::{opt, value},
    sequence::{preceded, terminated},
};

use crate::grammar::{R, boundary, fail, kw};
use crate::lexicon::{WordMap, WordSet, en, rows};
use crate::timex::expr::{DateExpr, Direction, Nth, Rule};
use crate::timex::forms::calendar::year_tail;
use crate::timex::words::weekday_of;

/// Names (lower case, apostrophes and full stops removed) and their rules,
/// and the first words of the names: a quick test before the grammar runs.
struct Holidays {
    rules: WordMap<Rule>,
    first_words: WordSet,
}

static HOLIDAYS: LazyLock<Holidays> = LazyLock::new(|| {
    let rules = WordMap::of(rows(en::HOLIDAYS).filter_map(|r| Some((r.cell(0), parse_rule(r.cell(1))?))));
    let first_words = WordSet::of(rows(en::HOLIDAYS).filter_map(|r| r.cell(0).split(' ').next()));
    Holidays { rules, first_words }
});

/// `fixed 12-25`, `easter -2`, `thanksgiving +1`, `nth 2 sunday 05`, `nth last monday 05`.
fn parse_rule(s: &str) -> Option<Rule> {
    let parts: Vec<&str> = s.split(' ').collect();
    let days = |d: &str| d.trim_start_matches('+').parse::<i32>().ok();
    Some(match parts.as_slice() {
        ["fixed", md] => {
            let (m, d) = md.split_once('-')?;
            Rule::Fixed(m.parse().ok()?, d.parse().ok()?)
        }
        ["easter", n] => Rule::Easter(days(n)?),
        ["thanksgiving", n] => Rule::Thanksgiving(days(n)?),
        ["nth", n, weekday, m] => {
            let n = if *n == "last" {
                Nth::Last
            } else {
                Nth::Ordinal(n.parse().ok()?)
            };
            let weekday = weekday_of(weekday)?;
            Rule::Nth(m.parse().ok()?, n, weekday)
        }
        _ => return None,
    })
}

/// Whether `lower` is the first word of a holiday's name.
pub(crate) fn is_first_word(lower: &str) -> bool {
    HOLIDAYS.first_words.contains(lower)
}

/// The word of a holiday's name at the start of `w`, as the names are
/// looked up (letters only, lowercase: "Valentine's" is "valentines"), and
/// the bytes it takes (apostrophes and dots included).
fn name_word(w: &str) -> (String, usize) {
    let len = name_len(w);
    let word = w[..len]
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    (word, len)
}

/// The bytes the word of a holiday's name at the start of `w` takes.
fn name_len(w: &str) -> usize {
    w.char_indices()
        .find(|(_, c)| !(c.is_alphabetic() || matches!(c, '\'' | '’' | '.')))
        .map_or(w.len(), |(k, _)| k)
}

/// Whether `i` begins with the first word of a holiday's name. The scan
/// asks this at many words: an ASCII word is lowered on the stack, not
/// into a new string (`name_word`).
pub(crate) fn begins(i: &str) -> bool {
    let word = &i[..name_len(i)];
    let mut buf = [0u8; 32];
    if !word.is_ascii() || word.len() > buf.len() {
        return is_first_word(&name_word(i).0);
    }
    let mut n = 0;
    for b in word.bytes().filter(u8::is_ascii_alphabetic) {
        buf[n] = b.to_ascii_lowercase();
        n += 1;
    }
    std::str::from_utf8(&buf[..n]).is_ok_and(is_first_word)
}

/// The longest holiday name at the start of `i`: its rule and the rest.
pub(crate) fn holiday(i: &str) -> Option<(Rule, &str)> {
    // Up to four words, each with the bytes where it ends.
    let mut words: Vec<(String, usize)> = Vec::new();
    let mut at = 0;
    while words.len() < 4 {
        let rest = &i[at..];
        let skip = if words.is_empty() {
            0
        } else {
            rest.len() - rest.trim_start_matches(' ').len()
        };
        if !words.is_empty() && skip == 0 {
            break;
        }
        let w = &rest[skip..];
        let (word, len) = name_word(w);
        if len == 0 {
            break;
        }
        // Most starts are no holiday's first word: no more words then.
        if words.is_empty() && !is_first_word(&word) {
            return None;
        }
        // A sentence's full stop is not part of the name.
        let end = at + skip + len - usize::from(w[..len].ends_with('.') && word != "st");
        words.push((word, end));
        at = end;
    }
    (1..=words.len()).rev().find_map(|n| {
        let name: Vec<&str> = words[..n].iter().map(|(w, _)| w.as_str()).collect();
        let name = name.join(" ");
        HOLIDAYS.rules.get(&name).map(|rule| (rule, &i[words[n - 1].1..]))
    })
}

/// The holiday's date in a year.
pub(crate) fn date_in(rule: Rule, year: i16) -> Option<Date> {
    match rule {
        Rule::Fixed(m, d) => Date::new(year, m, d).ok(),
        Rule::Nth(m, n, weekday) => {
            let first = Date::new(year, m, 1).ok()?;
            match n {
                Nth::Last => first.last_of_month().nth_weekday_of_month(-1, weekday).ok(),
                Nth::Ordinal(k) => first.nth_weekday_of_month(k as i8, weekday).ok(),
            }
        }
        Rule::Easter(offset) => easter(year)?.checked_add(jiff::Span::new().days(offset)).ok(),
        Rule::Thanksgiving(offset) => Date::new(year, 11, 1)
            .ok()?
            .nth_weekday_of_month(4, Weekday::Thursday)
            .ok()?
            .checked_add(jiff::Span::new().days(offset))
            .ok(),
    }
}

/// Easter Sunday in the Gregorian calendar (the anonymous algorithm).
fn easter(year: i16) -> Option<Date> {
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, month as i8, day as i8).ok()
}

/// `Easter 2018`, `last Thanksgiving`, `next Christmas`, `Independence Day
/// of this year`, `the Fourth of July`.
pub(crate) fn holiday_expr(i: &str) -> R<'_, DateExpr> {
    let (rest, relation) = opt(terminated(
        alt((
            value(-1, alt((kw("last"), kw("previous")))),
            value(0, kw("this")),
            value(1, alt((kw("next"), kw("following"), kw("coming")))),
        )),
        space1,
    ))
    .parse(i)?;
    let (rest, _) = opt((kw("the"), space1)).parse(rest)?;
    let Some((rule, rest)) = holiday(rest) else {
        return fail(i);
    };
    let (rest, _) = boundary(rest)?;
    let (rest, year) = opt(year_tail).parse(rest)?;
    let (rest, year_offset) = if year.is_none() {
        opt(preceded(
            (space1, kw("of"), space1),
            terminated(
                alt((value(-1, kw("last")), value(0, kw("this")), value(1, kw("next")))),
                (space1, kw("year")),
            ),
        ))
        .parse(rest)?
    } else {
        (rest, None)
    };
    Ok((
        rest,
        DateExpr::Holiday {
            rule,
            year,
            year_offset,
            relation,
            direction: Direction::Past,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_names_first_word_is_read_as_the_names_are() {
        // Letters only, any case, apostrophes and stops inside the word.
        assert!(begins("Christmas Eve"));
        assert!(begins("CHRISTMAS, said"));
        assert!(begins("St. Patrick's Day"));
        assert!(begins("Valentine's Day"));
        // Not ASCII: read as the names are, through `name_word`.
        assert!(begins("Valentine\u{2019}s Day"));
        assert!(!begins("Christmastime"));
        assert!(!begins("Chris"));
    }

    #[test]
    fn every_row_of_the_table_has_a_rule() {
        for row in rows(en::HOLIDAYS) {
            assert!(parse_rule(row.cell(1)).is_some(), "{}: {}", row.cell(0), row.cell(1));
        }
        assert_eq!(
            parse_rule("nth last monday 05"),
            Some(Rule::Nth(5, Nth::Last, Weekday::Monday))
        );
        assert_eq!(parse_rule("easter -2"), Some(Rule::Easter(-2)));
        assert_eq!(parse_rule("fixed 12-25"), Some(Rule::Fixed(12, 25)));
        assert_eq!(parse_rule("nth 2 someday 05"), None);
    }

    #[test]
    fn names_and_dates() {
        let d = |s: &str, y| holiday(s).and_then(|(r, _)| date_in(r, y)).map(|d| d.to_string());
        assert_eq!(d("Easter 2018", 2018).as_deref(), Some("2018-04-01"));
        assert_eq!(d("easter", 2019).as_deref(), Some("2019-04-21"));
        assert_eq!(d("Good Friday", 2025).as_deref(), Some("2025-04-18"));
        assert_eq!(d("Thanksgiving", 2023).as_deref(), Some("2023-11-23"));
        assert_eq!(d("black friday", 2010).as_deref(), Some("2010-11-26"));
        assert_eq!(d("Memorial Day", 2024).as_deref(), Some("2024-05-27"));
        assert_eq!(d("New Year's Day", 2025).as_deref(), Some("2025-01-01"));
        assert_eq!(d("New Year’s Eve", 2025).as_deref(), Some("2025-12-31"));
        assert_eq!(d("St. Patrick's Day", 2020).as_deref(), Some("2020-03-17"));
        assert_eq!(d("international workers' day", 2020).as_deref(), Some("2020-05-01"));
        assert_eq!(holiday("Christmas tree").map(|(_, r)| r), Some(" tree"));
        assert_eq!(holiday("new plan"), None);
        assert_eq!(holiday("good news"), None);
    }
}
