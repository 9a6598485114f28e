use super::*;

/// A Thursday.
fn anchor() -> Option<Date> {
    Some(Date::new(2025, 2, 13).unwrap())
}

/// (matched text, TIMEX3 value) of every expression in `text`.
fn values(text: &str) -> Vec<(String, String)> {
    find_dates(text)
        .into_iter()
        .map(|m| {
            (
                text[m.span.start..m.span.end].to_string(),
                resolve(&m.expr, anchor()).value.0,
            )
        })
        .collect()
}

fn one(text: &str) -> (String, String) {
    let v = values(text);
    assert_eq!(v.len(), 1, "{text}: {v:?}");
    v.into_iter().next().unwrap()
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

#[test]
fn month_day_without_year_takes_the_nearest_year() {
    // Mid-February anchor: December is last year's, not this year's.
    assert_eq!(one("on Dec. 20 the port closed").1, "2024-12-20");
    assert_eq!(one("on March 2 the port reopens").1, "2025-03-02");
}

#[test]
fn a_weekday_picks_the_year_of_a_yearless_date() {
    let at = |text: &str, y: i16, m: i8, d: i8| {
        let found = find_dates(text);
        resolve(&found[0].expr, Some(Date::new(y, m, d).unwrap())).value.0
    };
    // In a May 2013 article, "Friday, Sept. 14" is last year's: the 14th of
    // this September is a Saturday.
    assert_eq!(at("the attack of Friday, Sept. 14 shaped", 2013, 5, 20), "2012-09-14");
    // Near the publication date a weekday that does not fit is a slip.
    assert_eq!(at("the attack of Friday, Sept. 14 shaped", 2013, 9, 20), "2013-09-14");
    // Without a year around the anchor that fits, the nearest year stands.
    assert_eq!(at("the attack of Friday, Sept. 14 shaped", 2025, 3, 5), "2024-09-14");
}

#[test]
fn today_in_general_is_the_present() {
    assert_eq!(one("today's most popular ferries").1, "PRESENT_REF");
    assert_eq!(one("in today's world of shipping").1, "PRESENT_REF");
    assert_eq!(one("faster than can be done today").1, "PRESENT_REF");
    assert_eq!(one("today's vote in the council").1, "2025-02-13");
    assert_eq!(one("the mayor said today").1, "2025-02-13");
}

#[test]
fn a_plan_points_to_the_weekday_ahead() {
    // The anchor is a Thursday.
    assert_eq!(one("the interview is to air Saturday morning").1, "2025-02-15TMO");
    assert_eq!(one("the interview aired Saturday morning").1, "2025-02-08TMO");
}

#[test]
fn a_day_that_does_not_exist_stays_unresolved() {
    let m = find_dates("on Feb 30");
    let v = resolve(&m[0].expr, anchor());
    assert_eq!((v.value.0.as_str(), v.resolved), ("XXXX-02-30", false));
    let m = find_dates("on Feb 30 2019");
    let v = resolve(&m[0].expr, anchor());
    assert_eq!(
        (v.value.0.as_str(), v.resolved),
        ("2019-02-30", false),
        "a written year stays"
    );
}

#[test]
fn numeric_dates() {
    assert_eq!(one("on 05.03.2025 in Prague").1, "2025-03-05", "dots: day first");
    assert_eq!(one("on 3-7-2017").1, "2017-03-07", "dashes: month first");
    assert!(values("the score was 3-2 and 4.5% rose").is_empty());
    assert!(values("rose 1/2 point in the 26.2-mile race").is_empty());
}

#[test]
fn datelines_with_times() {
    assert_eq!(one("at 4:30 p.m. local").1, "T16:30", "a time with no day names no day");
    assert_eq!(
        one("will start at 15:00 GMT Saturday").1,
        "2025-02-15T15:00",
        "a time before its weekday"
    );
}

#[test]
fn weekday_beside_a_date_is_one_expression() {
    // A weekday that does not fit the date does not move it to another year.
}

#[test]
fn weekday_pins_a_missing_year() {
    let m = find_dates("Wednesday, February 12");
    let DateExpr::Calendar {
        month, day, weekday, ..
    } = m[0].expr
    else {
        panic!()
    };
    assert_eq!(
        year_for_weekday(month.unwrap(), day.unwrap(), weekday.unwrap(), 2023),
        Some(2025)
    );
}

#[test]
fn relative_days() {
    assert_eq!(one("four years ago").1, "2021", "years ago name a year");
}

#[test]
fn nth_weekdays_and_bare_days() {
    assert!(values("for the second time").is_empty());
    assert!(values("the twenty second round").is_empty());
}

#[test]
fn months_alone_need_a_preposition() {
    assert!(values("August heat and June brides").is_empty());
}

#[test]
fn years_references_and_sets() {
    assert_eq!(
        values("the pandemic of 2009-2010, when"),
        [pair("2009-2010", "(2009-01-01,2010-01-01,P1Y)")],
        "a span of years is one range"
    );
    assert!(values("the Harbour Daily").is_empty());
}

#[test]
fn unresolved_without_anchor() {
    let m = find_dates("said on Wednesday");
    let v = resolve(&m[0].expr, None);
    assert_eq!((v.value.0.as_str(), v.resolved), ("XXXX-WXX-3", false));
}

#[test]
fn years_joined_to_days_and_months() {
    assert_eq!(
        one("the 2011-12 season").1,
        "(2011-01-01,2012-01-01,P1Y)",
        "a span of years, not December"
    );
}

#[test]
fn times_with_their_day() {
    assert!(
        values("the final score was 2:00 flat").is_empty(),
        "2:00 alone is no time"
    );
    assert_eq!(
        one("shares rose at 5% on Monday").1,
        "2025-02-10",
        "a figure is no hour"
    );
}

#[test]
fn ranges() {
    assert_eq!(
        values("won 2 and 2014 and 2018"),
        [pair("2014", "2014"), pair("2018", "2018")],
        "'and' joins a range only after 'between'"
    );
    assert!(values("the score was 3-8 at half time").is_empty());
    assert!(
        values("news.example/hegset h-says-a87978").is_empty(),
        "a lone h is no duration"
    );
}

#[test]
fn this_month_weeks_of_and_present() {
    assert!(values("the most up to date equipment").is_empty());
}

#[test]
fn holidays() {
    assert!(
        values("the Christmas market opened").is_empty(),
        "a holiday needs a temporal word"
    );
}

#[test]
fn distances_from_a_named_day() {
    assert_eq!(
        one("5 days before New Year's Day").1,
        "2025-12-27",
        "before points ahead"
    );
}

#[test]
fn quarters_and_halves_are_intervals() {
    assert_eq!(
        one("profit in the fourth quarter fell").1,
        "(2024-10-01,2025-01-01,P3M)",
        "the latest fourth quarter before the anchor"
    );
    assert!(values("scored in the second half").is_empty(), "a half needs its year");
}

#[test]
fn spans_leave_out_what_is_not_the_expression() {
    assert_eq!(one("it ended in July.").0, "July");
    assert_eq!(one("until last June. Then").0, "last June");
    assert_eq!(one("Feb. 13").0, "Feb. 13");
    assert_eq!(one("This year's event").0, "This year");
    assert_eq!(one("in two years' time").0, "two years'");
    assert_eq!(one("started about a month earlier").0, "a month");
    assert_eq!(one("comes just over a week after").0, "a week");
    assert_eq!(one("held for almost seven years").0, "almost seven years");
    assert_eq!(one("a relic of the 20th century").0, "20th century");
}

#[test]
fn weeks_word_years_and_compact_dates() {
    assert!(values("order 20161399 shipped").is_empty(), "no such date");
    assert_eq!(
        values("dates 11/20, 12 of Nov"),
        [pair("11/20", "2024-11-20"), pair("12 of Nov", "2024-11-12")],
        "after a comma only a full year"
    );
}

#[test]
fn ranges_within_a_day_and_bare_day_ends() {
    assert_eq!(
        one("yesterday afternoon from 8am-3").1,
        "(2025-02-12T08,2025-02-12T15,PT7H)",
        "a written meridiem is kept"
    );
    assert_eq!(
        values("United won 2-1 on Sunday"),
        [pair("Sunday", "2025-02-09")],
        "a score is no range of hours"
    );
}

#[test]
fn distances_from_an_event_the_text_dates() {
    assert_eq!(
        values("The vote took place on March 3. Two days after the vote, protests began."),
        [
            pair("March 3", "2025-03-03"),
            pair("Two days after the vote", "2025-03-05")
        ]
    );
    assert_eq!(
        values("Leaders met on Feb. 10 for the summit. A week before the summit, talks stalled."),
        [
            pair("Feb. 10", "2025-02-10"),
            pair("A week before the summit", "2025-02-03")
        ]
    );
    assert_eq!(
        values("Two days after the vote, protests began."),
        [pair("Two days", "P2D")],
        "no dated vote: a duration"
    );
}

/// Word soup from the grammar's own vocabulary: no panic, spans inside
/// the text, every expression resolvable with and without an anchor.
#[test]
fn token_soup_never_panics() {
    let vocab = [
        "between",
        "and",
        "from",
        "to",
        "-",
        "–",
        "Feb.",
        "12",
        "14",
        "2014",
        "2018",
        "Q3",
        "H2",
        "the",
        "first",
        "last",
        "week",
        "of",
        "quarter",
        "half",
        "at",
        "5",
        "6pm",
        "0730",
        "0930",
        "tonight",
        "Monday",
        "morning",
        "in",
        "days",
        "after",
        "vote",
        "March",
        "3,",
        "Christmas",
        "Easter",
        "2/29",
        "3/1",
        "nov",
        "dec",
        "now",
        "½",
        "hour",
        "and a half",
        "two thousand",
        "nineteen",
        "eighty",
        "six",
        "1st",
        "month",
        "next",
        "year's",
        "12",
        "noon",
        "ish",
        "o'clock",
        "past",
        "quarter to",
        "é",
        "日本",
        ".",
        ",",
        "99",
        "2015-12",
        "20161016",
        "Feb 30 2019",
        "Wed Oct 26 15:50:06 2016",
        "before",
        "2:00",
        "p . m .",
        "9a",
        "w/c",
        "İstanbul",
        "ǅemal",
    ];
    let mut seed: u64 = 12345;
    for _ in 0..4000 {
        let mut s = String::new();
        let n = (seed % 9) as usize + 1;
        for _ in 0..n {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let w = vocab[(seed >> 33) as usize % vocab.len()];
            s.push_str(w);
            if seed & 1 == 0 {
                s.push(' ');
            }
        }
        for m in find_dates(&s) {
            assert!(m.span.start <= m.span.end && m.span.end <= s.len(), "{s:?}");
            let _ = resolve(&m.expr, anchor());
            let _ = resolve(&m.expr, None);
        }
    }
}

#[test]
fn recurring_weekdays_are_sets() {
    assert_eq!(one("closed on Sunday.").1, "2025-02-09", "one Sunday is a day");
}

#[test]
fn not_dates() {
    assert!(values("it may rain; they march on").is_empty());
    assert!(values("$2024 was paid").is_empty());
    assert!(values("a 30% share of 300 billion").is_empty());
    assert!(values("sat on the sun deck at 10").is_empty());
    assert!(values("Tel: +86 138-2010-2015 or 2015-32").is_empty());
    assert!(values("deliver 2000 pieces of toys in the 1st week, a second round").is_empty());
}

/// The commonest leads are passed over unless a temporal word follows
/// within reach; each of these still begins at its lead.
#[test]
fn leads_before_a_temporal_word_begin_the_expression() {
    for (text, span) in [
        ("It happened a week ago, she said.", "a week ago"),
        ("In the past, the port was busy.", "the past"),
        ("Rents doubled in the 1990s.", "the 1990s"),
        ("They met the day before.", "the day before"),
        ("The deal closes this summer.", "this summer"),
        ("Prices rose over the past few weeks.", "the past few weeks"),
        ("The strike may spread in the future.", "the future"),
    ] {
        let found = values(text);
        assert!(found.iter().any(|(t, _)| t == span), "{text}: {found:?}");
    }
    assert!(values("The mayor and the council met a group of dockers.").is_empty());
}

/// Every word of the tables that begins an expression passes the quick
/// test before the grammar, whatever column of its table it stands in.
#[test]
fn every_word_that_begins_an_expression_is_tried() {
    use crate::lexicon::{en, rows};
    // The columns of names and their short forms.
    for (table, columns) in [(en::MONTHS, 1..3), (en::WEEKDAYS, 1..3), (en::ORDINALS, 1..2)] {
        for row in rows(table) {
            for word in columns.clone().flat_map(|c| row.list(c)) {
                let capital: String = word[..1].to_uppercase() + &word[1..];
                let in_text = format!("{capital} 5 ");
                assert!(crate::timex::scan::may_start(&in_text), "{word}");
            }
        }
    }
}

#[test]
fn every_way_a_time_of_day_begins_is_read() {
    // A digit, a number word, "half", "a quarter", noon, midday, midnight:
    // the words a time of day is looked for at.
    for (text, time, value) in [
        ("We met at 10:30.", "10:30", "T10:30"),
        ("We met at 1140 pm.", "1140 pm", "T23:40"),
        ("We met at 5ish.", "5ish", "T05"),
        ("We met at seven o'clock.", "seven o'clock", "T07"),
        ("We met at ten thirty pm.", "ten thirty pm", "T22:30"),
        ("We met at ten past nine.", "ten past nine", "T09:10"),
        ("We met at half past six.", "half past six", "T06:30"),
        ("We met at a quarter to nine.", "a quarter to nine", "T08:45"),
        ("We met at 12 noon.", "12 noon", "T12"),
        ("We met at Midday.", "Midday", "T12"),
        ("We met at midnight.", "midnight", "T00"),
    ] {
        assert_eq!(values(text), [pair(time, value)], "{text}");
    }
}

/// Every match of every form begins with a first word its gate lists
/// (`forms::First`), and after "the" with a second word the scanner
/// admits (`scan::forms_at`): each form is run, ungated, at every start of the
/// crate's own date sentences, of a text made of the grammar's words, and
/// of the shared suites where `CLAIMCHECK_EVAL` names their folder.
#[test]
fn no_form_matches_where_its_first_word_is_not_listed() {
    let mut texts = crate::grammar::gates::texts(&[
        "tempeval3/platinum.jsonl",
        "recognizers-text/datetime.jsonl",
        "recognizers-text/datetime_dateparser.jsonl",
        "attribution/polnear-dev.jsonl",
    ]);
    texts.extend([include_str!("tests.rs"), include_str!("../../tests/dates.rs")].map(String::from));
    texts.push(grammar_words_text());
    let misses = crate::grammar::gates::misses(&texts, crate::timex::forms::FORMS, |text, i| {
        let rest = &text[i..];
        let start = crate::timex::scan::word_start(text, i) && crate::timex::scan::may_start(rest);
        start.then(|| crate::timex::scan::forms_at(rest))
    });
    assert!(
        misses.is_empty(),
        "{} misses: {:#?}",
        misses.len(),
        &misses[..misses.len().min(20)]
    );
}

/// Every word of the grammar's tables and keyword lists, in lower case and
/// capitalized, and a few numbers, each before every tail of a list of the
/// ways an expression goes on.
fn grammar_words_text() -> String {
    let mut words: Vec<String> = crate::timex::scan::table_words()
        .filter(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphabetic()))
        .map(String::from)
        .collect();
    words.extend(
        crate::timex::forms::FORMS
            .iter()
            .flat_map(|(_, first)| first.words.iter().map(|w| w.to_string())),
    );
    words.extend(
        [
            "mid", "midday", "midnight", "noon", "semi", "5", "12", "2024", "1990", "½", "10:30",
        ]
        .map(String::from),
    );
    words.sort();
    words.dedup();
    let tails = [
        "",
        " 5",
        " 12",
        " 2024",
        " 5th",
        " 21st",
        " of May",
        " May 5",
        " May",
        " week",
        " weeks",
        " the week",
        " years ago",
        " year",
        " month",
        " of the month",
        " Monday",
        " quarter",
        " half",
        " half of 2024",
        " morning",
        " night",
        " the 5th",
        " 3pm",
        " 3 pm",
        " to 5pm",
        " and 5pm",
        " day",
        " days ago",
        " of the year",
        " of 2024",
        "-2025",
        "-25",
        "/5/2024",
        "-05-06",
        ":30",
        "s",
        "'s Day",
        " o'clock",
        " past six",
        " to nine",
        " day before yesterday",
        " next week",
        " last year",
        " few days",
        " Day",
        " Eve",
        " moment",
        " present",
        " time",
        " future",
        " past",
        " end of 2024",
        " quarter of 2024",
        " times",
        " every week",
        " other week",
        "-annually",
        " Friday",
        " of next month",
        " 5-8",
        " between 3 and 5pm",
        " minutes ago",
    ];
    let mut text = String::new();
    for w in &words {
        let mut chars = w.chars();
        let capital: String = chars
            .next()
            .into_iter()
            .flat_map(char::to_uppercase)
            .chain(chars)
            .collect();
        for head in [w.as_str(), capital.as_str()] {
            for tail in tails {
                text.push_str(head);
                text.push_str(tail);
                text.push_str(".\n");
            }
        }
    }
    text
}

#[test]
fn a_word_read_ahead_of_the_scan_is_not_taken_for_another_at_its_place() {
    // "the" reads "mar4" ahead as one word; the scan then reads "mar" at
    // the same place as a month of its own.
    let v = values("Book it for the mar4 launch.");
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, "mar4");
    assert!(v[0].1.ends_with("03-04"), "{v:?}");
}
