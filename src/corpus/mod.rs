//! What needs all documents at once: publication dates inferred, copies
//! found, one identity per person, claims linked across sources.

pub(crate) mod align;
pub(crate) mod duplicates;
pub(crate) mod fingerprint;
pub(crate) mod identity;
pub(crate) mod link;
pub mod story;

use jiff::civil::Date;

use crate::source::{PublishedFrom, Source};
use crate::timex::{DateExpr, find_dates, year_for_weekday};

/// Completes publication dates: a yearless dateline takes its year from a
/// weekday written beside a date in the text, else from the other sources;
/// a source with no date at all takes the date of the source it copies.
pub(crate) fn infer_published(sources: &mut [Source], copies: &[duplicates::Copy]) {
    let known_years: Vec<i16> = sources
        .iter()
        .filter_map(|s| s.meta.published.map(|d| d.year()))
        .collect();
    let typical = mode(&known_years);
    for s in sources.iter_mut() {
        // A date the source states in full is never replaced by an inference.
        let Some(p) = s.meta.partial.filter(|_| s.meta.published.is_none()) else {
            continue;
        };
        // The year to search near: the other sources', else the years the
        // text names; with neither, a weekday alone would be a guess.
        let own_years: Vec<i16> = find_dates(&s.clean.text)
            .into_iter()
            .filter_map(|m| match m.expr {
                DateExpr::Calendar { year: Some(y), .. } => Some(y),
                _ => None,
            })
            .collect();
        // An article is not older than the years it names.
        let floor = own_years.iter().copied().max();
        let Some(near) = typical.or(floor) else {
            continue;
        };
        let pinned = find_dates(&s.clean.text).into_iter().find_map(|m| match m.expr {
            DateExpr::Calendar {
                year: None,
                month: Some(mo),
                day: Some(d),
                weekday: Some(wd),
                ..
            } => {
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
            }
            _ => None,
        });
        if let Some(d) = pinned
            .or(Some(near))
            .and_then(|y| Date::new(y, p.month as i8, p.day as i8).ok())
        {
            s.meta.published = Some(d);
            s.meta.published_from = PublishedFrom::Inferred;
            s.meta.evidence = Some(format!(
                "the dateline \"{}\", its year from the other sources",
                d.strftime("%B %-d")
            ));
        }
    }
    for c in copies {
        if sources[c.copy].meta.published.is_none() {
            if let Some(d) = sources[c.original].meta.published {
                sources[c.copy].meta.published = Some(d);
                sources[c.copy].meta.published_from = PublishedFrom::Inferred;
                sources[c.copy].meta.evidence =
                    Some(format!("the date of {}, which it copies", sources[c.original].id));
            }
        }
    }
    for s in sources.iter_mut() {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Format;

    fn published(text: &str) -> Option<String> {
        let mut s = vec![Source::parse(
            "a.txt",
            "a.txt",
            text.as_bytes().to_vec(),
            Format::Text,
            None,
        )];
        infer_published(&mut s, &[]);
        s[0].meta.published.map(|d| d.to_string())
    }

    #[test]
    fn a_weekday_pins_the_year_no_earlier_than_the_years_named() {
        // Feb 12 was a Wednesday in 2020 and 2025; the text names 2022.
        let text = "Port news,13 Feb\n\nThe union said on Wednesday (February 12) that the 2022 deal is void.";
        assert_eq!(published(text).as_deref(), Some("2025-02-13"));
    }

    #[test]
    fn no_year_anywhere_is_no_date() {
        assert_eq!(
            published("Port news,13 Feb\n\nThe union said on Wednesday (February 12) that talks failed."),
            None
        );
    }
}
