//! Paragraphs: lines of text joined where they were hard-wrapped, site
//! furniture dropped, one paragraph a line with a blank line between two.

use std::ops::Range;
use std::sync::LazyLock;

use super::mapped::{Builder, CleanText};
use crate::lexicon::{en, words};

/// Phrases of site furniture; a short line holding one is not article text.
static BOILERPLATE: LazyLock<Phrases> = LazyLock::new(|| Phrases::of(words(en::BOILERPLATE)));

/// Markers of a picture's caption or credit.
static CAPTIONS: LazyLock<Phrases> = LazyLock::new(|| Phrases::of(words(en::CAPTION_MARKERS)));

/// Phrases looked for inside a line, all in one pass over it.
struct Phrases(aho_corasick::AhoCorasick);

impl Phrases {
    fn of(phrases: impl IntoIterator<Item = &'static str>) -> Phrases {
        // The phrases are a few dozen short words: the automaton builds.
        Phrases(aho_corasick::AhoCorasick::new(phrases).expect("phrases of the word lists"))
    }

    fn in_line(&self, line: &str) -> bool {
        self.0.is_match(line)
    }
}

/// Line openings that mark a pointer to another article, however long.
static POINTER_PREFIXES: LazyLock<Vec<&'static str>> = LazyLock::new(|| words(en::POINTER_PREFIXES).collect());

/// Characters of the longest pointer opening: what is read of a long
/// paragraph.
static POINTER_CHARS: LazyLock<usize> =
    LazyLock::new(|| POINTER_PREFIXES.iter().map(|p| p.chars().count()).max().unwrap_or(0));

/// Characters of a line short enough to be furniture by its words or its repeats.
const SHORT_LINE: usize = 60;

/// Characters beyond which a paragraph is furniture only by its opening
/// (a pointer to another article) or as a bare address: captions and
/// listed phrases are looked for in shorter ones.
const CAPTION_LINE: usize = 200;

/// `s` lowercased as `str::to_lowercase` does it (ASCII, the common case,
/// byte by byte).
fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

/// Whether a paragraph (whitespace at either end left out; `chars`
/// characters long) is site furniture rather than article text.
fn is_boilerplate(p: &str, chars: usize, repeats: usize) -> bool {
    if p.is_empty() {
        return true;
    }
    let address = ["http://", "https://", "www."].iter().any(|a| p.starts_with(a));
    if address && !p.contains(' ') {
        return true;
    }
    // A long paragraph is read by its opening only (a pointer's words): it
    // is not copied whole.
    let read = if chars <= CAPTION_LINE {
        p
    } else {
        crate::text::first_chars(p, *POINTER_CHARS)
    };
    let lower = lowercase(read);
    if POINTER_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    let short = chars <= SHORT_LINE;
    if short && repeats >= 3 {
        return true;
    }
    // A picture's caption or credit ("Photo: Ada Lind / Valmora Herald").
    if chars <= CAPTION_LINE && CAPTIONS.in_line(&lower) {
        return true;
    }
    short && BOILERPLATE.in_line(&lower)
}

/// Characters of a line up to its last one that is not whitespace; 0 for a
/// blank line.
fn trimmed_len(line: &str) -> usize {
    let t = line.trim_end();
    if t.is_ascii() { t.len() } else { t.chars().count() }
}

/// Detects hard-wrapped text (lines broken at a fixed width) and returns the
/// width, so that wrapped lines can be joined back into paragraphs.
fn wrap_width(lens: &[usize]) -> Option<usize> {
    let mut lens: Vec<usize> = lens.iter().copied().filter(|n| *n > 0).collect();
    if lens.len() < 6 {
        return None;
    }
    lens.sort_unstable();
    let p95 = lens[(lens.len() * 95 / 100).min(lens.len() - 1)];
    if !(40..=130).contains(&p95) {
        return None;
    }
    let full = lens.iter().filter(|n| **n * 4 >= p95 * 3).count();
    (full * 10 >= lens.len() * 4).then_some(p95)
}

/// A paragraph: its lines' bytes in the text, and its text as one line
/// (lines joined by a space), whitespace at either end left out.
struct Paragraph<'a> {
    lines: &'a [Range<usize>],
    /// The paragraph's text, trimmed.
    text: std::borrow::Cow<'a, str>,
    /// Characters of `text`.
    chars: usize,
    /// Bytes of whitespace left out before it.
    lead: usize,
}

impl<'a> Paragraph<'a> {
    fn of(src: &'a str, lines: &'a [Range<usize>]) -> Self {
        // The first and last lines hold more than whitespace: the ends
        // trimmed are within them.
        let whole = &src[lines[0].start..lines[lines.len() - 1].end];
        let trimmed = whole.trim();
        let lead = whole.len() - whole.trim_start().len();
        let text: std::borrow::Cow<'a, str> = if lines.len() == 1 {
            trimmed.into()
        } else {
            // Each line break between two lines becomes the joining space.
            trimmed.replace('\n', " ").into()
        };
        let chars = if text.is_ascii() {
            text.len()
        } else {
            text.chars().count()
        };
        Paragraph {
            lines,
            text,
            chars,
            lead,
        }
    }

    /// The words by which its repeats are counted (only short paragraphs
    /// are judged by them, see `is_boilerplate`).
    fn repeat_key(&self) -> Option<String> {
        (self.chars <= SHORT_LINE).then(|| lowercase(&self.text))
    }

    /// Writes the paragraph's text with its map: the lines as they stand,
    /// each line break between two as a space standing for its bytes.
    fn write(&self, src: &CleanText, out: &mut Builder) {
        let from = self.lines[0].start + self.lead;
        let to = from + self.text.len();
        let mut at = from;
        for line in self.lines {
            let end = line.end.min(to);
            out.take(src, at..end);
            if end == to {
                break;
            }
            // The line break between this line and the next.
            let (s, e) = src.range_of(end);
            out.char(' ', s as u32, e as u32);
            at = end + 1;
        }
    }
}

/// Turns a text of raw lines into paragraphs, one per line with a blank
/// line between two: hard wraps joined, boilerplate and blank lines
/// dropped, inner whitespace kept. The blank line stands for the bytes
/// between the two paragraphs.
pub(crate) fn paragraphs(src: &CleanText) -> CleanText {
    let text = src.text.as_str();
    let mut raw: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    for nl in memchr::memchr_iter(b'\n', text.as_bytes()) {
        raw.push(start..nl);
        start = nl + 1;
    }
    raw.push(start..text.len());
    let lens: Vec<usize> = raw.iter().map(|l| trimmed_len(&text[l.clone()])).collect();
    let width = wrap_width(&lens);
    // Join wrapped lines first, so that boilerplate is judged on whole
    // paragraphs: each paragraph is a run of lines, by index into `raw`.
    let mut paras: Vec<Range<usize>> = Vec::new();
    let mut open = false;
    for (i, &len) in lens.iter().enumerate() {
        if len == 0 {
            open = false;
            continue;
        }
        match paras.last_mut() {
            Some(p) if open => p.end = i + 1,
            _ => paras.push(i..i + 1),
        }
        open = match width {
            Some(w) => len * 10 >= w * 6 && i + 1 < raw.len(),
            None => false,
        };
    }
    let paras: Vec<Paragraph> = paras.into_iter().map(|r| Paragraph::of(text, &raw[r])).collect();
    // How often each short paragraph stands in the text (furniture
    // repeats), counted on paragraphs as they are kept, so that the
    // cleaned text, cleaned again, counts the same.
    let keys: Vec<Option<String>> = paras.iter().map(Paragraph::repeat_key).collect();
    let mut counts: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for key in keys.iter().flatten() {
        *counts.entry(key).or_insert(0) += 1;
    }
    let mut out = Builder::with_capacity(text.len() + paras.len());
    let mut written = false;
    for (p, key) in paras.iter().zip(&keys) {
        let repeats = key.as_deref().and_then(|k| counts.get(k).copied()).unwrap_or(1);
        if is_boilerplate(&p.text, p.chars, repeats) {
            continue;
        }
        if written {
            let prev_end = out.original_end();
            let start = src.range_of(p.lines[0].start + p.lead).0;
            out.stand_for("\n\n", prev_end as u32, start as u32);
        }
        p.write(src, &mut out);
        written = true;
    }
    out.finish()
}
