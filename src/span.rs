//! Byte spans into a source file, and the line index that turns them into
//! lines and columns when a report is rendered.

use serde::Serialize;

/// A half-open byte range `[start, end)` into the original bytes of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// A span with its 1-based line and column (column counted in characters),
/// the form the JSON report carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Located {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
}

/// Line starts of a text, for byte offset → (line, column) lookups.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// Characters before every `BLOCK`-th byte, so a column costs at most a
    /// block's counting however long the line (None: one byte, one character).
    checkpoints: Option<Vec<usize>>,
}

const BLOCK: usize = 256;

/// Whether a UTF-8 byte starts a character.
fn starts_char(b: u8) -> bool {
    (b & 0xC0) != 0x80
}

impl LineIndex {
    /// `utf8`: the bytes are UTF-8 (else every byte is one character, as
    /// when a file is read as Windows-1252).
    pub fn new(bytes: &[u8], utf8: bool) -> Self {
        let mut starts = vec![0];
        starts.extend(
            bytes
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| i + 1),
        );
        let checkpoints = utf8.then(|| {
            let mut acc = 0;
            let mut out = Vec::with_capacity(bytes.len() / BLOCK + 1);
            for chunk in bytes.chunks(BLOCK) {
                out.push(acc);
                acc += chunk.iter().filter(|b| starts_char(**b)).count();
            }
            out.push(acc);
            out
        });
        LineIndex { starts, checkpoints }
    }

    /// Characters before byte `offset`.
    fn chars_before(&self, bytes: &[u8], offset: usize) -> usize {
        let offset = offset.min(bytes.len());
        match &self.checkpoints {
            Some(cp) => {
                let block = offset / BLOCK;
                cp[block] + bytes[block * BLOCK..offset].iter().filter(|b| starts_char(**b)).count()
            }
            None => offset,
        }
    }

    /// 0-based line number holding `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// Byte range of line `line` (0-based), without its line break.
    pub fn line_range(&self, bytes: &[u8], line: usize) -> Span {
        let start = self.starts[line.min(self.starts.len() - 1)];
        let mut end = self.starts.get(line + 1).map(|s| s - 1).unwrap_or(bytes.len());
        if end > start && bytes.get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        Span::new(start, end)
    }

    /// 1-based line and column (in characters) of a span's start.
    pub fn locate(&self, bytes: &[u8], span: Span) -> Located {
        let line = self.line_of(span.start);
        let line_start = self.starts[line];
        let column = self.chars_before(bytes, span.start) - self.chars_before(bytes, line_start) + 1;
        Located {
            start: span.start,
            end: span.end,
            line: line + 1,
            column,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_lines_and_char_columns() {
        let text = "ab\n“é” x\n";
        let idx = LineIndex::new(text.as_bytes(), true);
        let x = text.find('x').unwrap();
        let loc = idx.locate(text.as_bytes(), Span::new(x, x + 1));
        assert_eq!((loc.line, loc.column), (2, 5));
        assert_eq!(idx.locate(text.as_bytes(), Span::new(0, 1)).line, 1);
    }

    #[test]
    fn columns_past_many_blocks_of_one_long_line() {
        let text = format!("{}x", "é".repeat(1000));
        let idx = LineIndex::new(text.as_bytes(), true);
        let at = text.len() - 1;
        assert_eq!(idx.locate(text.as_bytes(), Span::new(at, at + 1)).column, 1001);
        let idx = LineIndex::new(text.as_bytes(), false);
        assert_eq!(idx.locate(text.as_bytes(), Span::new(at, at + 1)).column, 2001);
    }

    #[test]
    fn overlap_is_strict() {
        assert!(Span::new(0, 3).overlaps(&Span::new(2, 5)));
        assert!(!Span::new(0, 3).overlaps(&Span::new(3, 5)));
    }
}
