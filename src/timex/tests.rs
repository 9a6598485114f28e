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
fn month_day_forms() {
    assert_eq!(one("reported on Feb. 13 that"), pair("Feb. 13", "2025-02-13"));
    assert_eq!(one("on 13 Feb the"), pair("13 Feb", "2025-02-13"));
    assert_eq!(one("on February 13, 2025, in"), pair("February 13, 2025", "2025-02-13"));
    assert_eq!(
        one("the 3rd of March 2024"),
        pair("the 3rd of March 2024", "2024-03-03")
    );
    assert_eq!(one("back Oct-2 then").1, "2024-10-02");
    assert_eq!(one("on Jan first").1, "2025-01-01");
    assert_eq!(one("on May twenty-first").1, "2025-05-21");
    assert_eq!(one("the second of Aug. was").1, "2025-08-02");
    assert_eq!(one("on 16. Nov. 2016").1, "2016-11-16");
}

#[test]
fn month_day_without_year_takes_the_nearest_year() {
    // Mid-February anchor: December is last year's, not this year's.
    assert_eq!(one("on Dec. 30 the").1, "2024-12-30");
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
    assert_eq!(one("on Feb 29").1, "2024-02-29");
}

#[test]
fn numeric_dates() {
    assert_eq!(one("on 02/22/2016 we").1, "2016-02-22");
    assert_eq!(one("on 21/04/16 we").1, "2016-04-21");
    assert_eq!(one("on 05.03.2025 in Prague").1, "2025-03-05", "dots: day first");
    assert_eq!(one("on 3-7-2017").1, "2017-03-07", "dashes: month first");
    assert_eq!(one("by 4/22").1, "2025-04-22");
    assert_eq!(one("2015/08/12").1, "2015-08-12");
    assert!(values("the score was 3-2 and 4.5% rose").is_empty());
    assert!(values("rose 1/2 point in the 26.2-mile race").is_empty());
}

#[test]
fn datelines_with_times() {
    assert_eq!(one("February 14, 2025 10:10 AM").1, "2025-02-14T10:10");
    assert_eq!(one("2025-02-13 22:25:00 | Bota").1, "2025-02-13T22:25");
    assert_eq!(one("at 4:30 p.m. local").1, "T16:30", "a time with no day names no day");
    assert_eq!(
        one("will start at 15:00 GMT Saturday").1,
        "2025-02-15T15:00",
        "a time before its weekday"
    );
}

#[test]
fn weekdays_follow_tense() {
    assert_eq!(one("Hegseth said on Wednesday that").1, "2025-02-12");
    assert_eq!(one("the minister said Thursday").1, "2025-02-13");
    assert_eq!(one("they will meet on Friday").1, "2025-02-14");
    assert_eq!(one("talks resume next Monday").1, "2025-02-17");
    assert_eq!(one("on Friday next week").1, "2025-02-21");
    assert_eq!(one("said on Sunday night").1, "2025-02-09TNI");
}

#[test]
fn weekday_beside_a_date_is_one_expression() {
    assert_eq!(
        one("stated on Wednesday (February 12) that"),
        pair("Wednesday (February 12)", "2025-02-12")
    );
    assert_eq!(one("Wed 5 Mar 2025").1, "2025-03-05");
    assert_eq!(one("back Friday the 14th").1, "2025-02-14");
    // A weekday that does not fit the date does not move it to another year.
    assert_eq!(one("on Thursday (February 12)").1, "2025-02-12");
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
    assert_eq!(one("The day before, Hegseth said").1, "2025-02-12");
    assert_eq!(one("yesterday").1, "2025-02-12");
    assert_eq!(one("the day before yesterday").1, "2025-02-11");
    assert_eq!(one("tomorrow night").1, "2025-02-14TNI");
    assert_eq!(one("last week").1, "2025-W06");
    assert_eq!(one("last year").1, "2024");
    assert_eq!(one("this fiscal year").1, "2025");
    assert_eq!(one("two days ago").1, "2025-02-11");
    assert_eq!(one("four years ago").1, "2021", "years ago name a year");
    assert_eq!(one("1 month and 2 days ago").1, "2025-01-11");
    assert_eq!(one("the 20th of next month").1, "2025-03-20");
}

#[test]
fn nth_weekdays_and_bare_days() {
    assert_eq!(one("on the first Friday of July").1, "2025-07-04");
    assert_eq!(one("the third Wednesday of previous month").1, "2025-01-15");
    assert_eq!(one("the last Monday in May").1, "2025-05-26");
    assert_eq!(one("went back for the 27th").1, "2025-01-27");
    assert_eq!(one("went back for the twenty second.").1, "2025-01-22");
    assert!(values("for the second time").is_empty());
    assert!(values("the twenty second round").is_empty());
}

#[test]
fn months_alone_need_a_preposition() {
    assert_eq!(one("fired in July").1, "2024-07");
    assert_eq!(one("due to be published in May").1, "2025-05");
    assert_eq!(one("since last June").1, "2024-06");
    assert_eq!(one("in early December").1, "2024-12");
    assert!(values("August heat and June brides").is_empty());
}

#[test]
fn seasons_decades_centuries() {
    assert_eq!(one("last summer").1, "2024-SU");
    assert_eq!(one("in the 1990s").1, "199");
    assert_eq!(one("the 20th century").1, "19");
}

#[test]
fn durations() {
    assert_eq!(one("Russia's nearly three-year war"), pair("nearly three-year", "P3Y"));
    assert_eq!(one("held for almost seven years."), pair("almost seven years", "P7Y"));
    assert_eq!(one("over the past two years"), pair("the past two years", "P2Y"));
    assert_eq!(
        one("in the past several months."),
        pair("the past several months", "PXM")
    );
    assert_eq!(one("blocked for years."), pair("years", "PXY"));
    assert_eq!(one("in a decade"), pair("a decade", "P10Y"));
    assert_eq!(one("over the next decade."), pair("the next decade", "P10Y"));
    assert_eq!(
        one("the expedition of 1957-58, which"),
        pair("1957-58", "(1957-01-01,1958-01-01,P1Y)")
    );
    assert_eq!(one("for an hour").1, "PT1H");
    assert_eq!(one("for 3.5years").1, "P3.5Y");
}

#[test]
fn years_references_and_sets() {
    assert_eq!(one("in September 2022, following"), pair("September 2022", "2022-09"));
    assert_eq!(one("reaffirmed in 2024 that").1, "2024");
    assert_eq!(one("adopting the euro in 2007.").1, "2007");
    assert_eq!(
        values("the pandemic of 2009-2010, when"),
        [pair("2009-2010", "(2009-01-01,2010-01-01,P1Y)")],
        "a span of years is one range"
    );
    assert_eq!(one("in early 2011").1, "2011");
    assert_eq!(one("every Monday").1, "XXXX-WXX-1");
    assert_eq!(one("every morning").1, "XXXX-XX-XXTMO");
    assert_eq!(one("published daily").1, "P1D");
    assert_eq!(one("In the past, he").1, "PAST_REF");
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
    assert_eq!(one("sold on Dec. 31 , 1994 to").1, "1994-12-31");
    assert_eq!(one("born in April of 1987").1, "1987-04");
    assert_eq!(one("born in April of 87").1, "1987-04");
    assert_eq!(one("on 28 June in 2020").1, "2020-06-28");
    assert_eq!(one("on July 4th of 1995").1, "1995-07-04");
    assert_eq!(one("in 2017 April").1, "2017-04");
    assert_eq!(one("plans for Dec-2018").1, "2018-12");
    assert_eq!(one("plans for Dec/2018").1, "2018-12");
    assert_eq!(one("dated 05-Aug-2016").1, "2016-08-05");
    assert_eq!(one("dated 23/Sep/2020").1, "2020-09-23");
    assert_eq!(one("back Sep-23-2020.").1, "2020-09-23");
    assert_eq!(one("valid date? 2015-12").1, "2015-12");
    assert_eq!(one("valid date? 2015-3").1, "2015-03");
    assert_eq!(one("valid date? 12-2015").1, "2015-12");
    assert_eq!(
        one("the 2011-12 season").1,
        "(2011-01-01,2012-01-01,P1Y)",
        "a span of years, not December"
    );
}

#[test]
fn weekday_beside_a_numeric_date() {
    assert_eq!(one("a call Friday 2/7 with Jim").1, "2025-02-07");
    assert_eq!(one("this Friday (Feb-7) with").1, "2025-02-07");
    assert_eq!(one("on Friday-Feb-7 with").1, "2025-02-07");
    assert_eq!(one("Friday 2025-2-7 with").1, "2025-02-07");
}

#[test]
fn times_with_their_day() {
    assert_eq!(one("on Monday at 2.30").1, "2025-02-10T02:30");
    assert_eq!(one("party on Sat at 5.").1, "2025-02-08T05");
    assert_eq!(one("call today at 9a.").1, "2025-02-13T09");
    assert_eq!(one("at 5pm on February 22").1, "2025-02-22T17");
    assert_eq!(one("October 14 for 8:00:31am").1, "2024-10-14T08:00:31");
    assert_eq!(one("in the afternoon at 7").1, "T19");
    assert_eq!(one("it happened last night at 8.").1, "2025-02-12T20");
    assert_eq!(one("back tomorrow before 5pm").1, "2025-02-14T17");
    assert_eq!(one("on 1/1/2015 after 2:00").1, "2015-01-01T02:00");
    assert!(
        values("the final score was 2:00 flat").is_empty(),
        "2:00 alone is no time"
    );
    assert_eq!(one("back tonight at 1am").1, "2025-02-13T01");
    assert_eq!(one("at 8am this morning").1, "2025-02-13T08");
    assert_eq!(one("let's meet in the morning").1, "TMO");
    assert_eq!(one("I'll be out in the mornings").1, "TMO");
    assert_eq!(
        one("shares rose at 5% on Monday").1,
        "2025-02-10",
        "a figure is no hour"
    );
}

#[test]
fn ranges() {
    assert_eq!(one("talks on Feb. 12-14 in Munich").1, "(2025-02-12,2025-02-14,P2D)");
    assert_eq!(one("between March 3 and 5").1, "(2025-03-03,2025-03-05,P2D)");
    assert_eq!(
        one("APEC Nov 18 - Dec 19, 2015 in Korea").1,
        "(2015-11-18,2015-12-19,P31D)"
    );
    assert_eq!(one("from 2014 to 2018").1, "(2014-01-01,2018-01-01,P4Y)");
    assert_eq!(one("between 2007 and 2009").1, "(2007-01-01,2009-01-01,P2Y)");
    assert_eq!(one("from Nov to Feb 2017").1, "(2016-11-01,2017-02-01,P3M)");
    assert_eq!(one("from 10/1/2018 - 10/7/2018").1, "(2018-10-01,2018-10-07,P6D)");
    assert_eq!(one("out 5 to 6pm").1, "(T17,T18,PT1H)");
    assert_eq!(
        one("3:00 to 4:00 tomorrow").1,
        "(2025-02-14T03:00,2025-02-14T04:00,PT1H)"
    );
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
    assert_eq!(one("out this September").1, "2025-09");
    assert_eq!(one("back since this January").1, "2025-01");
    assert_eq!(one("any plans on following Friday?").1, "2025-02-21");
    assert_eq!(one("where were you on previous Wednesday?").1, "2025-02-05");
    assert_eq!(one("for the week of April 10th").1, "2025-04-10");
    assert_eq!(one("for w/c Feb 4.").1, "2025-02-04");
    assert_eq!(one("the week beginning February 17").1, "2025-02-17");
    assert_eq!(one("He is not here at present.").1, "PRESENT_REF");
    assert_eq!(one("working on it at the present time").1, "PRESENT_REF");
    assert!(values("the most up to date equipment").is_empty());
    assert_eq!(one("every other day").1, "P2D");
    assert_eq!(one("every three weeks").1, "P3W");
    assert_eq!(one("reports quarterly").1, "P3M");
}

#[test]
fn holidays() {
    assert_eq!(one("back on Easter 2018").1, "2018-04-01");
    assert_eq!(one("since last Thanksgiving").1, "2024-11-28");
    assert_eq!(one("until next Christmas").1, "2025-12-25");
    assert_eq!(one("a party on New Year's Eve").1, "2024-12-31");
    assert_eq!(one("talks before Independence Day of this year").1, "2025-07-04");
    assert_eq!(one("will open on Christmas Day").1, "2025-12-25");
    assert!(
        values("the Christmas market opened").is_empty(),
        "a holiday needs a temporal word"
    );
}

#[test]
fn distances_from_a_named_day() {
    assert_eq!(one("3 days after January 12th.").1, "2025-01-15");
    assert_eq!(one("2 weeks before May 13 1999.").1, "1999-04-29");
    assert_eq!(one("two months after next Friday.").1, "2025-04-21");
    assert_eq!(
        one("5 days before New Year's Day").1,
        "2025-12-27",
        "before points ahead"
    );
    assert_eq!(one("two years since 2011").1, "2013-01-01");
    assert_eq!(one("more than 2 weeks before today").1, "2025-01-30");
    assert_eq!(one("He first ran just six years ago").1, "2019");
}

#[test]
fn quarters_and_halves_are_intervals() {
    assert_eq!(one("sales in Q3 2019 rose").1, "(2019-07-01,2019-10-01,P3M)");
    assert_eq!(one("during 2017-q1").1, "(2017-01-01,2017-04-01,P3M)");
    assert_eq!(one("2019 H2 will bring").1, "(2019-07-01,2020-01-01,P6M)");
    assert_eq!(one("in the third quarter of 2024").1, "(2024-07-01,2024-10-01,P3M)");
    assert_eq!(one("in the first half of next year").1, "(2026-01-01,2026-07-01,P6M)");
    assert_eq!(
        one("profit in the fourth quarter fell").1,
        "(2024-10-01,2025-01-01,P3M)",
        "the latest fourth quarter before the anchor"
    );
    assert_eq!(one("sales last quarter").1, "(2024-10-01,2025-01-01,P3M)");
    assert_eq!(
        one("as early as next year's first quarter").1,
        "(2026-01-01,2026-04-01,P3M)"
    );
    assert!(values("scored in the second half").is_empty(), "a half needs its year");
}

#[test]
fn dashed_month_and_numeric_ranges() {
    assert_eq!(one("in Korea Jan-Feb 2017").1, "(2017-01-01,2017-02-01,P1M)");
    assert_eq!(one("in Korea Nov-Feb 2017").1, "(2016-11-01,2017-02-01,P3M)");
    assert_eq!(one("out 10/1-11/2/2017").1, "(2017-10-01,2017-11-02,P32D)");
    assert_eq!(one("from 5/1-5/7, 2020").1, "(2020-05-01,2020-05-07,P6D)");
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
    assert_eq!(one("in the first week of 2015").1, "2015-W01");
    assert_eq!(one("the last week of 2016").1, "2016-W52");
    assert_eq!(one("the last week of Dec 2016").1, "2016-12-W05");
    assert_eq!(one("the last week of next month").1, "2025-03-W05");
    assert_eq!(one("sales in week 3 of 2027").1, "2027-W03");
    assert_eq!(one("how about 3rd week of 2018").1, "2018-W03");
    assert_eq!(one("leave the third month of 2021").1, "2021-03");
    assert_eq!(one("The 9th month of next year we").1, "2026-09");
    assert_eq!(one("this working week").1, "2025-W07");
    assert_eq!(one("on Monday of the following week").1, "2025-02-17");
    assert_eq!(one("born on January twenty five nineteen eighty six").1, "1986-01-25");
    assert_eq!(one("in August two thousand and fifteen").1, "2015-08");
    assert_eq!(one("6 April seventeen hundred thirty three").1, "1733-04-06");
    assert_eq!(one("back on 20161016.").1, "2016-10-16");
    assert!(values("order 20161399 shipped").is_empty(), "no such date");
    assert_eq!(one("around the 21st this month").1, "2025-02-21");
    assert_eq!(
        values("dates 11/20, 12 of Nov"),
        [pair("11/20", "2024-11-20"), pair("12 of Nov", "2024-11-12")],
        "after a comma only a full year"
    );
}

#[test]
fn fractions_and_compound_durations() {
    assert_eq!(one("took one hour and a half").1, "PT1.5H");
    assert_eq!(one("took one and a half hours").1, "PT1.5H");
    assert_eq!(one("a one year and a quarter gap").1, "P1.25Y");
    assert_eq!(one("in half an hour").1, "PT0.5H");
    assert_eq!(one("a ½ hour call").1, "PT0.5H");
    assert_eq!(one("more than 1 hour and 30 minutes").1, "PT1H30M");
    assert_eq!(one("for 2 years 1 month").1, "P2Y1M");
    assert_eq!(one("a room for two nights").1, "P2D");
    assert_eq!(one("for 123.45 sec").1, "PT123.45S");
    assert_eq!(one("on Wed Oct 26 15:50:06 2016 it").1, "2016-10-26T15:50:06");
}

#[test]
fn parts_of_days_and_worded_minutes() {
    assert_eq!(one("on Sunday early morning at 8:00").1, "2025-02-09T08:00");
    assert_eq!(one("what happened in late afternoon.").1, "TAF");
    assert_eq!(one("a meeting in the morning 9 oclock").1, "T09");
    assert_eq!(one("see you tonite").1, "2025-02-13TNI");
    assert_eq!(one("sets tomorrow at seven twenty-seven").1, "2025-02-14T07:27");
    assert_eq!(one("paid at 10 past 9").1, "T09:10");
    assert_eq!(one("every other Friday").1, "XXXX-WXX-5");
    assert_eq!(one("in the week after next").1, "2025-W09");
    assert_eq!(one("the whole 1st quarter of 2013").1, "(2013-01-01,2013-04-01,P3M)");
}

#[test]
fn ranges_within_a_day_and_bare_day_ends() {
    assert_eq!(
        one("free Tuesday at 2:00 - 2:30 pm?").1,
        "(2025-02-11T14:00,2025-02-11T14:30,PT30M)"
    );
    assert_eq!(
        one("on Monday morning from 10am to 12pm").1,
        "(2025-02-10T10,2025-02-10T12,PT2H)"
    );
    assert_eq!(
        one("yesterday afternoon from 8am-3").1,
        "(2025-02-12T08,2025-02-12T15,PT7H)",
        "a written meridiem is kept"
    );
    assert_eq!(one("available next Monday 6-8").1, "(2025-02-17T06,2025-02-17T08,PT2H)");
    assert_eq!(one("between 3 and 8 yesterday").1, "(2025-02-12T03,2025-02-12T08,PT5H)");
    assert_eq!(
        values("United won 2-1 on Sunday"),
        [pair("Sunday", "2025-02-09")],
        "a score is no range of hours"
    );
    assert_eq!(one("from April 27th to the third").1, "(2025-04-27,2025-05-03,P6D)");
    assert_eq!(one("in Korea Nov 18-Dec 19, 2015").1, "(2015-11-18,2015-12-19,P31D)");
    assert_eq!(one("between Jan 2025 and now").1, "(2025-01-01,2025-02-13,P43D)");
    assert_eq!(
        one("between 10 and 11:30 this morning").1,
        "(2025-02-13T10,2025-02-13T11:30,PT1H30M)"
    );
    assert_eq!(one("profit fell in the last quarter").1, "(2024-10-01,2025-01-01,P3M)");
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

#[test]
fn first_and_last_stretches_of_a_year() {
    assert_eq!(
        one("sales in the first nine months of 2024 rose").1,
        "(2024-01-01,2024-10-01,P9M)"
    );
    assert_eq!(one("the last four months of 2021").1, "(2021-09-01,2022-01-01,P4M)");
    assert_eq!(one("the first ten days of last year").1, "(2024-01-01,2024-01-11,P10D)");
    assert_eq!(one("in the first 2 weeks of 2021").1, "(2021-01-04,2021-01-18,P2W)");
    assert_eq!(one("the last 3 weeks of 2019").1, "(2019-12-09,2019-12-30,P3W)");
    assert_eq!(
        one("the last three months of the year").1,
        "(2025-10-01,2026-01-01,P3M)"
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
    assert_eq!(one("meetings on Tuesdays at 9am").1, "XXXX-WXX-2T09");
    assert_eq!(one("out Friday mornings").1, "XXXX-WXX-5TMO");
    assert_eq!(one("closed on Sundays.").1, "XXXX-WXX-7");
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
