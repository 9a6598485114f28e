//! What needs all documents at once: publication dates inferred, copies
//! found, one identity per person, claims linked across sources.

pub(crate) mod align;
pub(crate) mod duplicates;
pub(crate) mod fingerprint;
pub(crate) mod identity;
pub(crate) mod link;
mod published;
pub mod story;

pub(crate) use published::{Completion, DateClues, apply_completions};

use duplicates::Copy;
use fingerprint::Owned;
use story::Story;

/// Copies found by their shingles (let go of once read), then the
/// publication dates completed: the corpus-wide stages before stories.
/// `ids`, `clues`: each source's, sorted by id; `shingles` name sources by
/// their place there.
pub(crate) fn copies_and_dates(
    ids: &[&str],
    clues: &[DateClues],
    mut shingles: Vec<Owned>,
) -> (Vec<Copy>, Vec<Option<Completion>>) {
    let published: Vec<_> = clues.iter().map(|c| c.published).collect();
    let copies = duplicates::find_copies(&published, &mut shingles);
    // The shingles are done with: the stories' index takes their room.
    drop(shingles);
    let completions = published::complete_published(ids, clues, &copies);
    (copies, completions)
}

/// The stories of sources with these content words (one list a source),
/// a copy always in its original's story.
pub(crate) fn stories(words: &[Vec<u64>], copies: &[Copy]) -> Vec<Story> {
    let pairs: Vec<(usize, usize)> = copies
        .iter()
        .map(|c| (c.original.min(c.copy), c.original.max(c.copy)))
        .collect();
    story::find_stories(words, &pairs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Format, Source};

    fn infer_published(sources: &mut [Source], copies: &[Copy]) {
        let clues: Vec<DateClues> = sources.iter().map(DateClues::of).collect();
        let ids: Vec<&str> = sources.iter().map(|s| s.id.as_str()).collect();
        let completions = published::complete_published(&ids, &clues, copies);
        apply_completions(sources, completions);
    }

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
