//! The grammar, one file per family of forms; `FORMS` lists them all for
//! the scanner, each with what its first word can be.

use crate::grammar::Form;
use crate::timex::expr::DateExpr;

pub(crate) mod calendar;
pub(crate) mod clock;
pub(crate) mod duration;
pub(crate) mod holiday;
pub(crate) mod period;
pub(crate) mod range;
pub(crate) mod relative;
pub(crate) mod set;

/// What the first word of a form can be: classes of words (bits below)
/// and keywords, lowercase. The scanner tries a form only where the first
/// word is one of them (most starts are a number or "the", which most
/// forms cannot begin with); a test runs every form everywhere and checks
/// that none matches where its first word is not listed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct First {
    pub classes: u16,
    pub words: &'static [&'static str],
}

/// An ASCII digit.
pub(crate) const DIGIT: u16 = 1;
/// A fraction sign: ½, ¼, ¾.
pub(crate) const FRACTION: u16 = 1 << 1;
/// A month's name or abbreviation, in any case.
pub(crate) const MONTH: u16 = 1 << 2;
/// A weekday's name, abbreviation or plural.
pub(crate) const WEEKDAY: u16 = 1 << 3;
/// An ordinal word: "first", "twelfth".
pub(crate) const ORDINAL: u16 = 1 << 4;
/// A number word: "one", "twenty", "hundred".
pub(crate) const NUMBER: u16 = 1 << 5;
/// A period word: "week", "years".
pub(crate) const PERIOD: u16 = 1 << 6;
/// The first word of a holiday's name, as the holiday grammar reads it.
pub(crate) const HOLIDAY: u16 = 1 << 7;
/// A word beginning with "mid": "mid", "mid-March", "midday", "midnight".
pub(crate) const MID: u16 = 1 << 8;
/// A word beginning with "noon".
pub(crate) const NOON: u16 = 1 << 9;

const fn first(classes: u16, words: &'static [&'static str]) -> First {
    First { classes, words }
}

/// A day of the month: digits, an ordinal or a number word.
const DAY: u16 = DIGIT | ORDINAL | NUMBER;
/// An amount (`duration::amount`): digits, a fraction sign, a number word.
const AMOUNT: u16 = DIGIT | FRACTION | NUMBER;
const AMOUNT_WORDS: [&str; 3] = ["half", "a", "an"];
/// A clock time (`clock::clock`, `clock::hour_in_part`, a range's ends).
const CLOCK: u16 = DIGIT | NUMBER | NOON | MID;
const CLOCK_WORDS: [&str; 3] = ["half", "a", "quarter"];
/// `duration::hedge`.
const HEDGE_WORDS: [&str; 13] = [
    "more", "less", "at", "a", "almost", "nearly", "about", "around", "roughly", "some", "over", "only", "just",
];
const WEEKDAY_LEADS: [&str; 7] = ["last", "previous", "past", "this", "next", "following", "coming"];
const RELATIVE_DAY_WORDS: [&str; 12] = [
    "the",
    "today",
    "tonight",
    "tonite",
    "yesterday",
    "tomorrow",
    "tmrw",
    "tmr",
    "this",
    "last",
    "next",
    "following",
];

/// Concatenates keyword lists at compile time.
const fn join<const N: usize>(lists: &[&[&'static str]]) -> [&'static str; N] {
    let mut out = [""; N];
    let (mut k, mut n) = (0, 0);
    while k < lists.len() {
        let mut j = 0;
        while j < lists[k].len() {
            out[n] = lists[k][j];
            n += 1;
            j += 1;
        }
        k += 1;
    }
    assert!(n == N, "the lists' lengths add up to N");
    out
}

const SHIFT_WORDS: [&str; 19] = join(&[&HEDGE_WORDS, &AMOUNT_WORDS, &["few", "several", "some"]]);
const DURATION_WORDS: [&str; 23] = join(&[
    &["the", "recent", "coming", "past"],
    &HEDGE_WORDS,
    &AMOUNT_WORDS,
    &["several", "few", "many"],
]);
const TIME_RANGE_WORDS: [&str; 5] = join(&[&["between", "from"], &CLOCK_WORDS]);
const DAY_THEN_HOURS_WORDS: [&str; 19] = join(&[&WEEKDAY_LEADS, &RELATIVE_DAY_WORDS]);

/// Words after "the" that the forms listing "the" go on with, where they
/// could not begin an expression themselves ("the end of May", "the
/// beginning of the year").
pub(crate) const THE_NEXT: &[&str] = &["end", "beginning", "start", "future", "night"];

/// Every form of the grammar with what its first word can be; at each
/// position the longest match wins, the earlier form on a tie. At most
/// 64 forms: the scanner keeps a set of them as bits.
pub(crate) const FORMS: &[(Form<DateExpr>, First)] = &[
    (calendar::iso, first(DIGIT, &[])),
    (calendar::numeric_dmy, first(DIGIT, &[])),
    (
        calendar::weekday_date,
        first(WEEKDAY, &["this", "next", "last", "coming"]),
    ),
    (calendar::month_day, first(MONTH, &[])),
    (calendar::day_month, first(DAY, &["the"])),
    (calendar::day_of_month, first(DAY, &["the"])),
    (calendar::month_year, first(MONTH, &[])),
    (calendar::year_month, first(DIGIT, &[])),
    (calendar::short_year_span, first(DIGIT, &[])),
    (calendar::compact_dmy, first(DIGIT, &[])),
    (relative::modified, first(MID, &["early", "late", "the"])),
    (relative::month_rel, first(0, &["last", "this", "next"])),
    (relative::season, first(0, &["last", "this", "next"])),
    (relative::weekday_expr, first(WEEKDAY, &WEEKDAY_LEADS)),
    (relative::relative_day, first(0, &RELATIVE_DAY_WORDS)),
    (
        relative::relative_period,
        first(0, &["the", "last", "this", "next", "previous"]),
    ),
    (relative::shift, first(AMOUNT, &SHIFT_WORDS)),
    (
        set::set,
        first(
            WEEKDAY,
            &[
                "every",
                "each",
                "quarterly",
                "semi",
                "semiannually",
                "biannually",
                "everyday",
                "annually",
                "yearly",
                "monthly",
                "weekly",
                "daily",
            ],
        ),
    ),
    (duration::duration, first(AMOUNT | PERIOD, &DURATION_WORDS)),
    (calendar::decade_or_century, first(DIGIT, &["the"])),
    (calendar::bare_year, first(DIGIT, &[])),
    (range::time_expr, first(CLOCK, &CLOCK_WORDS)),
    (range::time_range, first(CLOCK, &TIME_RANGE_WORDS)),
    (
        range::day_then_hours,
        first(WEEKDAY | MONTH | DAY, &DAY_THEN_HOURS_WORDS),
    ),
    (range::part_alone, first(0, &["in", "at", "early", "late"])),
    (range::day_range, first(MONTH | DAY, &["between"])),
    (period::week_of, first(0, &["the", "week", "w"])),
    (
        holiday::holiday_expr,
        first(
            HOLIDAY,
            &["last", "previous", "this", "next", "following", "coming", "the"],
        ),
    ),
    (
        period::quarter,
        first(
            DIGIT | ORDINAL,
            &[
                "q",
                "h",
                "the",
                "final",
                "last",
                "previous",
                "past",
                "this",
                "current",
                "next",
                "coming",
                "following",
            ],
        ),
    ),
    (period::part_of, first(0, &["the", "first", "last", "final"])),
    (relative::nth_month, first(DIGIT | ORDINAL, &["the"])),
    (
        period::week_in,
        first(DIGIT | ORDINAL, &["the", "last", "final", "week"]),
    ),
    (calendar::compact_iso, first(DIGIT, &[])),
    (calendar::month_span, first(MONTH, &[])),
    (calendar::numeric_md_range, first(DIGIT, &[])),
    (
        relative::references,
        first(0, &["now", "currently", "nowadays", "at", "the"]),
    ),
    (calendar::numeric_md, first(DIGIT, &[])),
    (calendar::the_day, first(0, &["the"])),
    (relative::nth_weekday, first(ORDINAL, &["the", "last"])),
    (relative::month_alone, first(MONTH, &[])),
];
const _: () = assert!(FORMS.len() <= 64, "the scanner keeps a set of forms in 64 bits");
