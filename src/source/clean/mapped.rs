//! Text with a map from each of its bytes back to the original bytes: what
//! every cleaning step after decoding reads and writes.

use crate::span::Span;

/// One character of cleaned text and the original bytes it came from.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Unit {
    pub ch: char,
    pub start: u32,
    pub end: u32,
}

/// Cleaned text with its offset map.
#[derive(Debug, Clone, Default)]
pub struct CleanText {
    pub text: String,
    /// Where the bytes of `text` come from, run by run: a map of every byte
    /// would weigh eight times the text.
    runs: Vec<Run>,
}

/// A run of cleaned text: characters copied as they stand in the original,
/// one after another, or text that stands for other bytes (an escape, a
/// line break of two bytes, a curly quote made straight, the blank line
/// between two paragraphs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    /// Where the run starts in the cleaned text.
    clean: u32,
    /// Bytes of cleaned text in the run.
    len: u32,
    /// Where the run starts in the original bytes.
    start: u32,
    /// For text that stands for other bytes: where they end. `None` for
    /// copied characters.
    end: Option<u32>,
}

impl CleanText {
    /// `text` as it stands in the original bytes.
    pub(crate) fn copied(text: &str) -> Self {
        let mut b = Builder::with_capacity(text.len());
        b.copy(text, 0);
        b.finish()
    }

    /// The characters of `units`, each mapped to its own bytes.
    pub(crate) fn of_units(units: &[Unit]) -> Self {
        let len = units.iter().map(|u| u.ch.len_utf8()).sum();
        let mut b = Builder::with_capacity(len);
        for u in units {
            // Most characters are ASCII copied from the byte after the
            // last: the run grows by a byte.
            if u.ch.is_ascii() && u.end.wrapping_sub(u.start) == 1 && b.grow_last(u.start, 1) {
                b.text.push(u.ch);
            } else {
                b.char(u.ch, u.start, u.end);
            }
        }
        b.finish()
    }

    /// The characters with their original bytes, as units.
    pub(crate) fn units(&self) -> Vec<Unit> {
        self.text
            .char_indices()
            .map(|(i, ch)| {
                let (start, end) = self.range_of(i);
                Unit {
                    ch,
                    start: start as u32,
                    end: end as u32,
                }
            })
            .collect()
    }

    /// The original byte range of the character at byte `at` of the text.
    pub(crate) fn range_of(&self, at: usize) -> (usize, usize) {
        let k = self.runs.partition_point(|r| r.clean as usize <= at).saturating_sub(1);
        let Some(r) = self.runs.get(k) else { return (0, 0) };
        if let Some(end) = r.end {
            return (r.start as usize, end as usize);
        }
        let c = crate::text::floor_boundary(&self.text, at);
        let n = self.text[c..].chars().next().map_or(1, char::len_utf8);
        let start = r.start as usize + (c - r.clean as usize);
        (start, start + n)
    }

    /// The original byte span of a span of the cleaned text.
    pub fn original(&self, span: Span) -> Span {
        if span.is_empty() || span.end > self.text.len() {
            let at = if span.start < self.text.len() {
                self.range_of(span.start).0
            } else {
                0
            };
            return Span::new(at, at);
        }
        Span::new(self.range_of(span.start).0, self.range_of(span.end - 1).1)
    }
}

/// Writes mapped text piece by piece, joining pieces copied from adjacent
/// original bytes into one run.
pub(crate) struct Builder {
    text: String,
    runs: Vec<Run>,
}

impl Builder {
    pub(crate) fn with_capacity(bytes: usize) -> Self {
        Builder {
            text: String::with_capacity(bytes),
            runs: Vec::new(),
        }
    }

    /// Appends `s`, the original bytes from `start` as they stand.
    pub(crate) fn copy(&mut self, s: &str, start: u32) {
        if s.is_empty() {
            return;
        }
        let len = s.len() as u32;
        if !self.grow_last(start, len) {
            self.runs.push(Run {
                clean: self.text.len() as u32,
                len,
                start,
                end: None,
            });
        }
        self.text.push_str(s);
    }

    /// Grows the last run by `len` bytes where it is copied and its
    /// original bytes end at `start`: the text written next goes on from
    /// the same place in both. The caller writes the text.
    #[inline]
    fn grow_last(&mut self, start: u32, len: u32) -> bool {
        match self.runs.last_mut() {
            Some(r) if r.end.is_none() && r.start + r.len == start => {
                r.len += len;
                true
            }
            _ => false,
        }
    }

    /// Appends `ch`, which stands for the original bytes `start..end` (as
    /// copied where it is as long as they are).
    pub(crate) fn char(&mut self, ch: char, start: u32, end: u32) {
        let mut buf = [0u8; 4];
        let s = ch.encode_utf8(&mut buf);
        if end.checked_sub(start) == Some(s.len() as u32) {
            self.copy(s, start);
        } else {
            self.stand_for(s, start, end);
        }
    }

    /// Appends `s`, which as a whole stands for the original bytes
    /// `start..end`.
    pub(crate) fn stand_for(&mut self, s: &str, start: u32, end: u32) {
        self.runs.push(Run {
            clean: self.text.len() as u32,
            len: s.len() as u32,
            start,
            end: Some(end),
        });
        self.text.push_str(s);
    }

    /// Appends the bytes `range` of `src` with their map (`range` on
    /// character boundaries).
    pub(crate) fn take(&mut self, src: &CleanText, range: std::ops::Range<usize>) {
        let first = src
            .runs
            .partition_point(|r| r.clean as usize <= range.start)
            .saturating_sub(1);
        for r in &src.runs[first.min(src.runs.len())..] {
            let (from, to) = (r.clean as usize, (r.clean + r.len) as usize);
            if from >= range.end {
                break;
            }
            let (a, b) = (from.max(range.start), to.min(range.end));
            if a >= b {
                continue;
            }
            match r.end {
                None => self.copy(&src.text[a..b], r.start + (a - from) as u32),
                Some(end) => {
                    for ch in src.text[a..b].chars() {
                        self.char(ch, r.start, end);
                    }
                }
            }
        }
    }

    /// The end in the original bytes of what was written last (0 before
    /// anything).
    pub(crate) fn original_end(&self) -> usize {
        match self.runs.last() {
            Some(Run { end: Some(end), .. }) => *end as usize,
            Some(r) => (r.start + r.len) as usize,
            None => 0,
        }
    }

    pub(crate) fn finish(mut self) -> CleanText {
        // The exact length: a corpus holds every cleaned text at once.
        self.text.shrink_to_fit();
        self.runs.shrink_to_fit();
        CleanText {
            text: self.text,
            runs: self.runs,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(ch: char, start: u32, end: u32) -> Unit {
        Unit { ch, start, end }
    }

    #[test]
    fn taken_text_keeps_its_map() {
        // `a“b` decoded, the curly quote made straight: the quote stands
        // for its three bytes, the letters for their own.
        let src = CleanText::of_units(&[unit('a', 0, 1), unit('"', 1, 4), unit('b', 4, 5), unit('c', 5, 6)]);
        let mut b = Builder::with_capacity(8);
        b.take(&src, 1..3);
        b.stand_for("\n\n", 5, 9);
        b.take(&src, 3..4);
        b.copy("d", 6);
        let out = b.finish();
        assert_eq!(out.text, "\"b\n\ncd");
        assert_eq!(out.original(Span::new(0, 1)), Span::new(1, 4));
        assert_eq!(out.original(Span::new(0, 2)), Span::new(1, 5));
        // Both bytes of a blank line stand for what lies between.
        assert_eq!(out.original(Span::new(3, 4)), Span::new(5, 9));
        // Copies of adjacent bytes are one run.
        assert_eq!(out.original(Span::new(4, 6)), Span::new(5, 7));
        assert_eq!(out.runs.len(), 4);
    }
}
