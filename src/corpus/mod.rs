//! What needs all documents at once: publication dates inferred, copies
//! found, one identity per person, claims linked across sources.

pub(crate) mod align;
pub(crate) mod duplicates;
pub(crate) mod fingerprint;
pub(crate) mod identity;
pub(crate) mod link;
mod published;
pub mod story;

pub(crate) use published::{DateClues, apply_completions, complete_published};

use crate::source::Source;

/// Completes publication dates: a yearless dateline takes its year from a
/// weekday written beside a date in the text, else from the other sources;
/// a source with no date at all takes the date of the source it copies.
pub(crate) fn infer_published(sources: &mut [Source], copies: &[duplicates::Copy]) {
    let clues: Vec<DateClues> = sources.iter().map(DateClues::of).collect();
    let ids: Vec<&str> = sources.iter().map(|s| s.id.as_str()).collect();
    let completions = complete_published(&ids, &clues, copies);
    apply_completions(sources, completions);
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
