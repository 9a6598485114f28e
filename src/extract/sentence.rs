//! Sentences of a paragraph. Periods of abbreviations, initials and numbers
//! do not end a sentence; a closing quotation mark after the period stays
//! with its sentence.

use std::sync::LazyLock;

use crate::lexicon::{WordSet, en, rows, words};
use crate::span::Span;

/// Words whose trailing period is an abbreviation, not a full stop: the
/// table's, honorifics, name suffixes and the months' abbreviations.
static ABBREVIATIONS: LazyLock<WordSet> = LazyLock::new(|| {
    let months = rows(en::MONTHS).flat_map(|r| r.list(2));
    let tables = words(en::ABBREVIATIONS)
        .chain(words(en::HONORIFICS))
        .chain(words(en::NAME_SUFFIXES));
    WordSet::of(tables.chain(months))
});

pub(crate) fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    let lower = w.to_lowercase();
    // Initials and dotted abbreviations: "J.", "U.S", "a.m".
    w.chars().count() == 1 && w.chars().all(|c| c.is_uppercase()) || w.contains('.') || ABBREVIATIONS.contains(&lower)
}

/// Sentence spans of `text[range]`; `range` is one paragraph.
pub(crate) fn sentences(text: &str, range: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let s = &text[range.start..range.end];
    let mut start = 0;
    // The marks looked for are ASCII, and no byte of a longer character
    // is ASCII: the scan goes byte by byte.
    let b = s.as_bytes();
    let mut k = 0;
    while k < b.len() {
        let c = b[k];
        if matches!(c, b'.' | b'!' | b'?') {
            // Extend over closing quotes and brackets.
            let mut e = k + 1;
            while e < b.len() && matches!(b[e], b'"' | b'\'' | b')') {
                e += 1;
            }
            let after = &s[e..];
            let next = after.chars().find(|c| !c.is_whitespace());
            let has_space = after.chars().next().is_some_and(char::is_whitespace);
            // The word before the mark, looked for within a few bytes (an
            // abbreviation is short): the look stays bounded in a text
            // without spaces.
            let word_before = || {
                crate::text::before(&s[start..k], k - start, 64)
                    .rsplit(char::is_whitespace)
                    .next()
                    .unwrap_or("")
            };
            let ends = has_space
                && next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || n == '"')
                && !(c == b'.' && is_abbreviation(word_before()));
            if ends {
                push(&mut out, s, range.start, start, e);
                start = e;
            }
            k = e;
            continue;
        }
        k += 1;
    }
    push(&mut out, s, range.start, start, s.len());
    out
}

fn push(out: &mut Vec<Span>, s: &str, base: usize, start: usize, end: usize) {
    let piece = &s[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if start + lead < end - trail {
        out.push(Span::new(base + start + lead, base + end - trail));
    }
}

/// Paragraph spans: the lines of cleaned text.
pub(crate) fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            if i > start {
                out.push(Span::new(start, i));
            }
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push(Span::new(start, text.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        sentences(s, Span::new(0, s.len()))
            .iter()
            .map(|sp| &s[sp.start..sp.end])
            .collect()
    }

    #[test]
    fn quotes_and_abbreviations() {
        assert_eq!(
            split(
                "\"It is not a betrayal,\" Brenn said. \"No port has done more.\" The U.S. Navy left on Feb. 3 at 4 p.m. Then rain."
            ),
            [
                "\"It is not a betrayal,\" Brenn said.",
                "\"No port has done more.\"",
                "The U.S. Navy left on Feb. 3 at 4 p.m. Then rain."
            ]
        );
    }

    #[test]
    fn lowercase_after_period_does_not_split() {
        assert_eq!(
            split("It cost 4.2 bn. euros, he said. Yes"),
            ["It cost 4.2 bn. euros, he said.", "Yes"]
        );
    }
}
