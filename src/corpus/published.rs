//! Publication dates completed across the corpus, in two steps: what each
//! source's own text says (`DateClues`, read source by source, anywhere),
//! then what the corpus makes of it (`complete_published`, which needs
//! every source's clues and the copies). A distributed run reads the clues
//! where the documents are and completes the dates in one place.

use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};

use crate::corpus::duplicates::Copy;
use crate::source::meta::PartialDate;
use crate::source::{PublishedFrom, Source};
use crate::timex::{DateExpr, find_dates, year_for_weekday};

/// What the completion of a source's publication date reads of it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct DateClues {
    #[serde(with = "date_text")]
    pub published: Option<Date>,
    pub partial: Option<PartialDate>,
    /// The latest year the text names (read only where a yearless
    /// dateline waits for a year).
    pub floor: Option<i16>,
    /// The dates the text gives with a weekday but no year, in order
    /// (read only where `floor` is).
    pub weekday_dates: Vec<WeekdayDate>,
}

/// "Wednesday (February 12)": a date with its weekday and no year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct WeekdayDate {
    pub month: u8,
    pub day: u8,
    /// 1 for Monday to 7 for Sunday.
    pub weekday: i8,
}

/// A publication date the corpus gave a source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Completion {
    #[serde(with = "date_text::required")]
    pub date: Date,
    /// Where it came from, for the report.
    pub evidence: String,
}

impl DateClues {
    pub(crate) fn of(source: &Source) -> DateClues {
        let meta = &source.meta;
        let mut clues = DateClues {
            published: meta.published,
            partial: meta.partial,
            floor: None,
            weekday_dates: Vec::new(),
        };
        // A date the source states in full is never replaced by an inference.
        if meta.partial.is_none() || meta.published.is_some() {
            return clues;
        }
        for m in find_dates(&source.clean.text) {
            let DateExpr::Calendar {
                year,
                month,
                day,
                weekday,
                ..
            } = m.expr
            else {
                continue;
            };
            if let Some(y) = year {
                // An article is not older than the years it names.
                clues.floor = Some(clues.floor.map_or(y, |f| f.max(y)));
            }
            if let (None, Some(month), Some(day), Some(wd)) = (year, month, day, weekday) {
                clues.weekday_dates.push(WeekdayDate {
                    month,
                    day,
                    weekday: wd.to_monday_one_offset(),
                });
            }
        }
        clues
    }
}

/// The date the corpus gives each source whose own is missing or lacks
/// its year (same order as `clues`; `ids` names the sources for the
/// evidence): a yearless dateline takes its year from a weekday written
/// beside a date in the text, else from the other sources; a source with
/// no date at all takes the date of the source it copies.
pub(crate) fn complete_published(ids: &[&str], clues: &[DateClues], copies: &[Copy]) -> Vec<Option<Completion>> {
    let known_years: Vec<i16> = clues.iter().filter_map(|c| c.published.map(|d| d.year())).collect();
    let typical = mode(&known_years);
    let mut done: Vec<Option<Completion>> = clues.iter().map(|c| dateline(c, typical)).collect();
    let mut dated: Vec<Option<Date>> = clues
        .iter()
        .zip(&done)
        .map(|(c, d)| c.published.or(d.as_ref().map(|d| d.date)))
        .collect();
    for c in copies {
        if dated[c.copy].is_none() {
            if let Some(date) = dated[c.original] {
                dated[c.copy] = Some(date);
                done[c.copy] = Some(Completion {
                    date,
                    evidence: format!("the date of {}, which it copies", ids[c.original]),
                });
            }
        }
    }
    done
}

/// The year of a yearless dateline, near the corpus's `typical` year (or,
/// without one, the years the text names).
fn dateline(clues: &DateClues, typical: Option<i16>) -> Option<Completion> {
    let p = clues.partial.filter(|_| clues.published.is_none())?;
    // The year to search near: the other sources', else the years the
    // text names; with neither, a weekday alone would be a guess.
    let near = typical.or(clues.floor)?;
    let pinned = clues.weekday_dates.iter().find_map(|w| {
        let (mo, d) = (w.month, w.day);
        let wd = Weekday::from_monday_one_offset(w.weekday).ok()?;
        // The weekday's date is near the dateline: its year is the dateline's,
        // or the one before across a new year.
        let y = match typical {
            Some(t) => year_for_weekday(mo, d, wd, t)?,
            None => (near..near + 15).find(|y| year_for_weekday(mo, d, wd, *y) == Some(*y))?,
        };
        Some(if mo > p.month + 6 {
            y + 1
        } else if p.month > mo + 6 {
            y - 1
        } else {
            y
        })
    });
    let date = Date::new(pinned.unwrap_or(near), p.month as i8, p.day as i8).ok()?;
    Some(Completion {
        date,
        evidence: format!(
            "the dateline \"{}\", its year from the other sources",
            date.strftime("%B %-d")
        ),
    })
}

/// Gives each source its completed date (same order), and a note to each
/// that still has none.
pub(crate) fn apply_completions(sources: &mut [Source], completions: Vec<Option<Completion>>) {
    for (s, c) in sources.iter_mut().zip(completions) {
        if let Some(c) = c {
            s.meta.published = Some(c.date);
            s.meta.published_from = PublishedFrom::Inferred;
            s.meta.evidence = Some(c.evidence);
        }
        if s.meta.published.is_none() {
            s.notes.push(format!(
                "{}: no publication date found; relative dates stay unresolved",
                s.path
            ));
        }
    }
}

fn mode(years: &[i16]) -> Option<i16> {
    let mut counts = std::collections::BTreeMap::new();
    for y in years {
        *counts.entry(*y).or_insert(0) += 1;
    }
    counts.into_iter().max_by_key(|(y, n)| (*n, *y)).map(|(y, _)| y)
}

/// A date as its ISO text ("2025-02-13") in JSON.
mod date_text {
    use jiff::civil::Date;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.collect_str(d),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|t| t.parse().map_err(serde::de::Error::custom))
            .transpose()
    }

    pub mod required {
        use jiff::civil::Date;
        use serde::{Deserialize, Deserializer, Serializer};

        pub fn serialize<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
            s.collect_str(d)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
            String::deserialize(d)?.parse().map_err(serde::de::Error::custom)
        }
    }
}
