//! Byte spans into a source file, and the line index that turns them into
//! lines and columns when a report is rendered.

use std::sync::Arc;

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

/// Words of a source as they stand in its file: a span of the source's
/// text, shared with it and with every other claim of the source (no copy
/// a claim).
#[derive(Clone)]
pub struct Excerpt {
    whole: Arc<str>,
    start: u32,
    end: u32,
}

impl Excerpt {
    /// `whole[span]`, or `None` where the span is not on character
    /// boundaries inside `whole` (or beyond what 32-bit offsets hold).
    pub fn of(whole: &Arc<str>, span: Span) -> Option<Excerpt> {
        whole.get(span.start..span.end)?;
        Some(Excerpt {
            whole: Arc::clone(whole),
            start: u32::try_from(span.start).ok()?,
            end: u32::try_from(span.end).ok()?,
        })
    }

    pub fn as_str(&self) -> &str {
        self.whole
            .get(self.start as usize..self.end as usize)
            .unwrap_or_default()
    }
}

/// Words that stand alone (decoded from a legacy encoding, say).
impl From<String> for Excerpt {
    fn from(s: String) -> Excerpt {
        let end = u32::try_from(s.len()).unwrap_or(u32::MAX);
        Excerpt {
            whole: s.into(),
            start: 0,
            end,
        }
    }
}

impl std::ops::Deref for Excerpt {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Excerpt {
    fn eq(&self, other: &Excerpt) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Excerpt {}

impl std::fmt::Debug for Excerpt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Excerpt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Excerpt {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
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

/// Characters of UTF-8 bytes: the bytes that are not continuation bytes.
fn chars_in(bytes: &[u8]) -> usize {
    // Summed in bytes, which the compiler adds many at a time, over runs
    // short enough that a byte never overflows.
    bytes
        .chunks(255)
        .map(|run| run.iter().map(|&b| u8::from((b & 0xC0) != 0x80)).sum::<u8>() as usize)
        .sum()
}

impl LineIndex {
    /// `utf8`: the bytes are UTF-8 (else every byte is one character, as
    /// when a file is read as Windows-1252).
    pub fn new(bytes: &[u8], utf8: bool) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
        starts.shrink_to_fit();
        let checkpoints = utf8.then(|| {
            let mut acc = 0;
            let mut out = Vec::with_capacity(bytes.len() / BLOCK + 1);
            for chunk in bytes.chunks(BLOCK) {
                out.push(acc);
                acc += chars_in(chunk);
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
                cp[block] + chars_in(&bytes[block * BLOCK..offset])
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
    fn columns_count_characters_on_long_lines() {
        // Lines longer than a block and than a counting run, characters of
        // one to four bytes crossing their ends.
        let line: String = (0..700).map(|k| ['a', 'é', '“', '𝄞'][k % 4]).collect();
        let text = format!("{line}\n{line}");
        let idx = LineIndex::new(text.as_bytes(), true);
        for (at, _) in text.char_indices().step_by(7) {
            let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
            let want = text[line_start..at].chars().count() + 1;
            assert_eq!(
                idx.locate(text.as_bytes(), Span::new(at, at + 1)).column,
                want,
                "at {at}"
            );
        }
    }

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

    #[test]
    fn excerpts_share_their_text_and_stay_on_characters() {
        let whole: Arc<str> = "Kolář said €5".into();
        let name = Excerpt::of(&whole, Span::new(0, 7)).expect("on characters");
        assert_eq!(name.as_str(), "Kolář");
        let euro = Excerpt::of(&whole, Span::new(13, 16)).expect("on characters");
        assert_eq!(&*euro, "€");
        // Both point into the one text: no copy of it.
        assert_eq!(Arc::strong_count(&whole), 3);
        // Inside "ř" or past the end: no excerpt.
        assert!(Excerpt::of(&whole, Span::new(0, 6)).is_none());
        assert!(Excerpt::of(&whole, Span::new(14, 16)).is_none());
        assert!(Excerpt::of(&whole, Span::new(10, 40)).is_none());
        // Compared, printed and serialized as the words.
        assert_eq!(name, Excerpt::from("Kolář".to_string()));
        assert_eq!(format!("{name} {name:?}"), "Kolář \"Kolář\"");
        assert_eq!(serde_json::to_string(&euro).unwrap(), "\"€\"");
    }
}
