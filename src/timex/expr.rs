//! The parsed form of a temporal expression, before resolution.

use jiff::civil::Weekday;

use crate::grammar::number::Decimal;
use crate::span::Span;

/// Which way a relative expression points from its anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// On or before the anchor: "said on Wednesday".
    Past,
    /// After the anchor: "will meet on Friday".
    Future,
}

/// A unit of calendar or clock time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Day,
    Week,
    Month,
    Year,
    Decade,
    Hour,
    Minute,
    Second,
}

impl Period {
    pub fn is_clock(self) -> bool {
        matches!(self, Period::Hour | Period::Minute | Period::Second)
    }
}

/// A season, TIMEX3's `SP`, `SU`, `FA`, `WI`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    pub(crate) fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// Order within a year (winter counted with the December that opens it).
    pub(crate) fn rank(self) -> u8 {
        match self {
            Season::Spring => 1,
            Season::Summer => 2,
            Season::Fall => 3,
            Season::Winter => 4,
        }
    }

    pub(crate) fn of_month(m: i8) -> Season {
        match m {
            3..=5 => Season::Spring,
            6..=8 => Season::Summer,
            9..=11 => Season::Fall,
            _ => Season::Winter,
        }
    }
}

/// Which one of a series: "the first Friday", "the last week of July".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nth {
    /// The n-th, counted from 1.
    Ordinal(u8),
    Last,
}

impl Nth {
    /// The number an unresolved value writes: the ordinal, 0 for the last.
    pub(crate) fn written(self) -> u8 {
        match self {
            Nth::Ordinal(k) => k,
            Nth::Last => 0,
        }
    }
}

/// TIMEX3's PRESENT_REF, PAST_REF and FUTURE_REF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ref {
    Present,
    Past,
    Future,
}

/// Something that recurs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Recurrence {
    /// A weekday every week, maybe at a time or a part of the day:
    /// "every Monday", "Tuesdays at 9am", "Friday mornings".
    Weekday {
        weekday: Weekday,
        time: Option<Clock>,
        part: Option<DayPart>,
    },
    /// A part of every day: "every morning".
    Part(DayPart),
    /// Once every so long: "every three weeks", "monthly", "quarterly".
    Every { amount: Decimal, period: Period },
    /// Once a year: "annually" (TIMEX3 writes the year as unknown).
    Yearly,
}

/// A parsed temporal expression, before resolution against an anchor.
#[derive(Debug, Clone, PartialEq)]
pub enum DateExpr {
    /// A calendar date, possibly missing its year, month or day.
    Calendar {
        year: Option<i16>,
        month: Option<u8>,
        day: Option<u8>,
        /// A weekday written beside the date: it pins a missing year or month.
        weekday: Option<Weekday>,
        time: Option<Clock>,
    },
    /// A month without a year: "in August", "last June".
    Month {
        month: u8,
        direction: Direction,
        /// "last"/"next": never the anchor's own month.
        strict: bool,
    },
    /// A weekday; `week` counts ISO weeks from the anchor's
    /// ("next Sunday" = 1) where the text fixes it.
    Weekday {
        weekday: Weekday,
        direction: Direction,
        week: Option<i32>,
        part: Option<DayPart>,
        time: Option<Clock>,
    },
    /// A holiday: "Easter 2018", "last Thanksgiving", "Christmas".
    Holiday {
        rule: Rule,
        year: Option<i16>,
        /// "of this year" = 0, "of next year" = 1.
        year_offset: Option<i32>,
        /// "last" = -1, "this" = 0, "next" = 1.
        relation: Option<i32>,
        direction: Direction,
    },
    /// A day at a distance from a named one: "3 days after January 12th",
    /// "two weeks before Christmas".
    Anchored {
        amount: u32,
        period: Period,
        sign: i32,
        base: Box<DateExpr>,
    },
    /// A quarter (`span` 3) or half (`span` 6) of a year: "Q3 2019", "the
    /// first half of next year", "the fourth quarter".
    Quarter {
        index: u8,
        span: u8,
        year: Option<i16>,
        year_offset: Option<i32>,
        direction: Direction,
    },
    /// A quarter counted from the anchor's: "last quarter" = -1.
    QuarterFrom(i32),
    /// A week of a year or of a month: "the first week
    /// of 2015", "the last week of July", "week 31".
    Week {
        n: Nth,
        year: Option<i16>,
        year_offset: Option<i32>,
        month: Option<u8>,
        month_offset: Option<i32>,
    },
    /// The first or last stretch of a year or month: "the first nine months
    /// of 2024", "the last three weeks of this year".
    PartOf {
        first: bool,
        amount: u32,
        period: Period,
        whole: Box<DateExpr>,
    },
    /// A month of a year counted from the anchor's: "this September".
    MonthOfYear {
        month: u8,
        year_offset: i32,
    },
    /// A day of a month counted from the anchor's: "20th of next month".
    DayOfMonth {
        day: u8,
        month_offset: i32,
    },
    /// The n-th or last weekday of a month: "the first Friday of July"
    /// (`month` named) or "of next month" (`month_offset`).
    NthWeekday {
        n: Nth,
        weekday: Weekday,
        month: Option<u8>,
        month_offset: i32,
    },
    /// A day counted from the anchor: yesterday = -1.
    RelativeDay {
        offset: i32,
        part: Option<DayPart>,
        time: Option<Clock>,
    },
    /// This, last or next week, month or year.
    RelativePeriod {
        period: Period,
        offset: i32,
    },
    /// A date at a distance from a day near the anchor: "two days ago"
    /// (sign -1, base 0), "two days from tomorrow" (sign 1, base 1).
    Shift {
        parts: Vec<(u32, Period)>,
        sign: i32,
        base: i32,
    },
    /// A length of time: "three years", "a few days" (no amount).
    Duration {
        amount: Option<Decimal>,
        period: Period,
    },
    /// A duration of several units: "1 hour and 30 minutes" (`PT1H30M`).
    Compound(Vec<(u32, Period)>),
    Season {
        season: Season,
        offset: i32,
    },
    Decade(i16),
    Century(i16),
    /// A clock time with no day: "at 3pm".
    Time(Clock),
    /// A part of a day with no day: "in the morning".
    Part(DayPart),
    /// Now, the past or the future, unbounded: "now", "recently", "in the
    /// future".
    Ref(Ref),
    /// A recurrence: "every Monday", "annually".
    Set(Recurrence),
    /// From one point to another: "2014 to 2018", "Feb. 12-14", "5 to 6pm".
    Range {
        from: Box<DateExpr>,
        to: Box<DateExpr>,
    },
}

impl DateExpr {
    /// Whether the expression names one day ("March 3", "Wednesday",
    /// "yesterday", "Christmas", "3 days after January 12th").
    pub fn names_a_day(&self) -> bool {
        matches!(
            self,
            DateExpr::Calendar { day: Some(_), .. }
                | DateExpr::Weekday { .. }
                | DateExpr::RelativeDay { .. }
                | DateExpr::Holiday { .. }
                | DateExpr::Anchored { .. }
        )
    }
}

/// A temporal expression found in cleaned text.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    pub span: Span,
    pub expr: DateExpr,
}

/// Part of a day, TIMEX3's `TMO`, `TAF`, `TEV`, `TNI`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl DayPart {
    pub fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
        }
    }
}

/// A clock time. `minute` is `None` when only the hour was written ("3pm"),
/// which TIMEX3 writes `T15`, not `T15:00`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub hour: u8,
    pub minute: Option<u8>,
    pub second: Option<u8>,
    /// Its side of noon is known: written ("6pm"), named ("noon") or set
    /// by a part of the day ("7 in the evening").
    pub meridiem: bool,
}

impl Clock {
    pub fn timex(self) -> String {
        match (self.minute, self.second) {
            (None, _) => format!("{:02}", self.hour),
            (Some(m), Some(s)) if s > 0 => format!("{:02}:{m:02}:{s:02}", self.hour),
            (Some(m), _) => format!("{:02}:{m:02}", self.hour),
        }
    }

    /// Minutes since midnight, for ordering the ends of a range.
    pub fn minutes(self) -> u32 {
        u32::from(self.hour) * 60 + u32::from(self.minute.unwrap_or(0))
    }

    /// The time read within a part of the day: 7 in the evening is 19:00;
    /// a time whose side of noon is known keeps it ("8am" stays 08:00).
    pub fn in_part(self, part: DayPart) -> Clock {
        if self.meridiem {
            return self;
        }
        let pm = match part {
            DayPart::Morning => false,
            DayPart::Afternoon | DayPart::Evening => true,
            DayPart::Night => self.hour >= 6,
        };
        self.with_meridiem(pm)
    }

    /// The same clock reading on the given side of noon, when the hour
    /// leaves it open (1 to 12).
    pub fn with_meridiem(self, pm: bool) -> Clock {
        let hour = match (pm, self.hour) {
            (true, h @ 1..=11) => h + 12,
            (false, 12) => 0,
            (_, h) => h,
        };
        Clock {
            hour,
            meridiem: true,
            ..self
        }
    }
}

/// How a holiday falls in a given year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// The same month and day every year.
    Fixed(i8, i8),
    /// The n-th or last weekday of a month.
    Nth(i8, Nth, Weekday),
    /// Days from Easter Sunday.
    Easter(i32),
    /// Days from the fourth Thursday of November (US Thanksgiving).
    Thanksgiving(i32),
}

/// The expression of a day with the clock time set, where it is a day
/// without one.
pub(super) fn with_clock(e: &DateExpr, c: Clock) -> Option<DateExpr> {
    let mut e = e.clone();
    match &mut e {
        DateExpr::Calendar { day: Some(_), time, .. }
        | DateExpr::Weekday { time, part: None, .. }
        | DateExpr::RelativeDay { time, part: None, .. }
            if time.is_none() =>
        {
            *time = Some(c);
            Some(e)
        }
        // "last night at 8" is 20:00: the part of the day sets the meridiem.
        DateExpr::Weekday { time, part, .. } | DateExpr::RelativeDay { time, part, .. } if time.is_none() => {
            *time = part.map_or(Some(c), |p| Some(c.in_part(p)));
            *part = None;
            Some(e)
        }
        _ => None,
    }
}

pub(crate) fn range(from: DateExpr, to: DateExpr) -> DateExpr {
    DateExpr::Range {
        from: Box::new(from),
        to: Box::new(to),
    }
}
