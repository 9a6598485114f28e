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
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        if matches!(c, '.' | '!' | '?') {
            // Extend over closing quotes and brackets.
            let mut e = k + 1;
            while e < chars.len() && matches!(chars[e].1, '"' | '\'' | ')') {
                e += 1;
            }
            let end = chars.get(e).map(|x| x.0).unwrap_or(s.len());
            let next = chars[e..].iter().find(|(_, c)| !c.is_whitespace()).map(|x| x.1);
            let has_space = chars.get(e).is_some_and(|x| x.1.is_whitespace());
            let word_before = s[start..i].rsplit(char::is_whitespace).next().unwrap_or("");
            let ends = has_space
                && next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || n == '"')
                && !(c == '.' && is_abbreviation(word_before));
            if ends {
                push(&mut out, s, range.start, start, end);
                start = end;
            }
            k = e.max(k + 1);
            let _ = i;
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
