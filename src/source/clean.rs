//! Cleaning: from the bytes of a file to plain text, one paragraph a line
//! and a blank line between two, with a map from every byte of the cleaned
//! text back to the original bytes.

use std::sync::LazyLock;

use crate::lexicon::{en, words};
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
/// one after another, or one character that stands for other bytes (an
/// escape, a line break of two bytes, a curly quote made straight).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    /// Where the run starts in the cleaned text.
    clean: u32,
    /// Bytes of cleaned text in the run.
    len: u32,
    /// Where the run starts in the original bytes.
    start: u32,
    /// For one character that stands for other bytes: where they end.
    /// `None` for copied characters.
    end: Option<u32>,
}

impl CleanText {
    /// The text of paragraphs, each line break of `units` written as a
    /// blank line: cleaning the text again finds the same paragraphs,
    /// where lines of similar length alone could read as a hard wrap.
    pub(crate) fn from_units(units: &[Unit]) -> Self {
        // The exact length: a corpus holds every cleaned text at once.
        let len = units
            .iter()
            .map(|u| if u.ch == '\n' { 2 } else { u.ch.len_utf8() })
            .sum();
        let mut text = String::with_capacity(len);
        let mut runs: Vec<Run> = Vec::new();
        for u in units {
            let clean = text.len() as u32;
            if u.ch == '\n' {
                // Both line breaks stand for the bytes between the paragraphs.
                runs.push(Run {
                    clean,
                    len: 2,
                    start: u.start,
                    end: Some(u.end),
                });
                text.push_str("\n\n");
                continue;
            }
            let n = u.ch.len_utf8() as u32;
            let copied = u.end.checked_sub(u.start) == Some(n);
            match runs.last_mut() {
                Some(r) if copied && r.end.is_none() && r.start + r.len == u.start && r.clean + r.len == clean => {
                    r.len += n
                }
                _ => runs.push(Run {
                    clean,
                    len: n,
                    start: u.start,
                    end: (!copied).then_some(u.end),
                }),
            }
            text.push(u.ch);
        }
        runs.shrink_to_fit();
        CleanText { text, runs }
    }

    /// The original byte range of the character at byte `at` of the text.
    fn range_of(&self, at: usize) -> (usize, usize) {
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

/// Decodes bytes as UTF-8, or as Windows-1252 when they are not valid UTF-8.
/// Returns the units and whether the fallback was used.
#[cfg(test)]
pub(crate) fn decode(bytes: &[u8]) -> (Vec<Unit>, bool) {
    decode_as(bytes, encoding_rs::WINDOWS_1252)
}

/// The encoding a web page declares in its first 1,024 bytes (`<meta
/// charset>` or `http-equiv` content type), as a browser's prescan finds it.
pub(crate) fn declared_encoding(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let label: Vec<u8> = lower[at..]
        .iter()
        .skip_while(|b| matches!(b, b'"' | b'\'' | b' '))
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .copied()
        .collect();
    encoding_rs::Encoding::for_label(&label)
}

/// Decodes `bytes` as UTF-8 when they are, else in `legacy` (each
/// character tied to the bytes it was decoded from); the flag says whether
/// `legacy` was used.
pub(crate) fn decode_as(bytes: &[u8], legacy: &'static encoding_rs::Encoding) -> (Vec<Unit>, bool) {
    let mut units = Vec::with_capacity(bytes.len());
    match std::str::from_utf8(bytes) {
        Ok(s) => {
            for (i, ch) in s.char_indices() {
                units.push(Unit {
                    ch,
                    start: i as u32,
                    end: (i + ch.len_utf8()) as u32,
                });
            }
            (units, false)
        }
        Err(_) => {
            // Byte by byte through a streaming decoder: a character is tied
            // to the bytes read since the previous one came out.
            let mut decoder = legacy.new_decoder_without_bom_handling();
            let mut from = 0;
            let mut out = [0u8; 32];
            for i in 0..bytes.len() {
                let last = i + 1 == bytes.len();
                let (_, _, written, _) = decoder.decode_to_utf8(&bytes[i..=i], &mut out, last);
                let chars = std::str::from_utf8(&out[..written]).unwrap_or("\u{FFFD}");
                for ch in chars.chars() {
                    units.push(Unit {
                        ch,
                        start: from as u32,
                        end: i as u32 + 1,
                    });
                }
                if written > 0 {
                    from = i + 1;
                }
            }
            (units, true)
        }
    }
}

/// Normalizes characters: curly quotes to straight ones, odd spaces to a
/// plain space, CR and soft hyphens and BOMs dropped, `\$`-style escapes
/// unescaped, and a quotation mark typed as two apostrophes or two
/// backticks (`''so''`, as some wire copy writes it) made one. Quote marks
/// matter for the parsers; the rest keeps tokens comparable across outlets.
///
/// Three steps, each over what the one before left, so that normalized
/// text normalizes to itself: no step leaves what another would change
/// (an escape never yields a character still to be mapped, and a mapped
/// curly quote beside an apostrophe is already a pair).
pub(crate) fn normalize_chars(mut units: Vec<Unit>) -> Vec<Unit> {
    // In place: each step reads one or two units and writes at most one,
    // never ahead of what it reads (a long text is not held twice).
    let mut w = 0;
    // The later steps only where they have something to do (most texts
    // have no backslash and no doubled apostrophe).
    let (mut backslash, mut doubled) = (false, false);
    let mut last = '\0';
    for i in 0..units.len() {
        let u = units[i];
        if let Some(ch) = normal_char(u.ch) {
            backslash |= ch == '\\';
            doubled |= ch == '\'' && last == '\'';
            last = ch;
            units[w] = Unit { ch, ..u };
            w += 1;
        }
    }
    units.truncate(w);
    if !backslash && !doubled {
        return units;
    }
    let escape = |u: &Unit| u.ch.is_ascii_punctuation();
    join_pairs(
        &mut units,
        |u, n| u.ch == '\\' && escape(n),
        |_, n, after| {
            // An escaped backslash before punctuation would read as an escape
            // when the text is cleaned again: it goes.
            (n.ch != '\\' || !after.is_some_and(escape)).then_some(n.ch)
        },
    );
    join_pairs(&mut units, |u, n| u.ch == '\'' && n.ch == '\'', |_, _, _| Some('"'));
    units
}

/// The character `c` stands for in cleaned text, `None` where it goes.
fn normal_char(c: char) -> Option<char> {
    // Most characters stand as they are: ASCII letters and digits, the
    // space.
    if c.is_ascii_alphanumeric() || c == ' ' {
        return Some(c);
    }
    Some(match c {
        '\r' | '\u{FEFF}' | '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' => return None,
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' | '\u{2033}' => '"',
        '\u{2010}' | '\u{2011}' => '-',
        // Line separators inside a paragraph (NEL, U+2028/2029) are spaces.
        '\t'
        | '\u{0085}'
        | '\u{2028}'
        | '\u{2029}'
        | '\u{00A0}'
        | '\u{2002}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => ' ',
        c => c,
    })
}

/// Replaces, left to right, each two units that `pair` matches with the
/// character `join` gives for them (spanning the bytes of both), or with
/// nothing; `join` sees the unit after the pair too.
fn join_pairs(
    units: &mut Vec<Unit>,
    pair: impl Fn(&Unit, &Unit) -> bool,
    join: impl Fn(&Unit, &Unit, Option<&Unit>) -> Option<char>,
) {
    let mut w = 0;
    let mut i = 0;
    while i < units.len() {
        let u = units[i];
        match units.get(i + 1) {
            Some(n) if pair(&u, n) => {
                let n = *n;
                if let Some(ch) = join(&u, &n, units.get(i + 2)) {
                    units[w] = Unit {
                        ch,
                        start: u.start,
                        end: n.end,
                    };
                    w += 1;
                }
                i += 2;
            }
            _ => {
                units[w] = u;
                w += 1;
                i += 1;
            }
        }
    }
    units.truncate(w);
}

/// Index ranges of the lines of `units` (without their `\n`).
fn lines(units: &[Unit]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, u) in units.iter().enumerate() {
        if u.ch == '\n' {
            out.push(start..i);
            start = i + 1;
        }
    }
    out.push(start..units.len());
    out
}

fn line_string(line: &[Unit]) -> String {
    let mut s = String::with_capacity(line.len());
    s.extend(line.iter().map(|u| u.ch));
    s
}

/// The characters of `line` lowercased, as `str::to_lowercase` gives them
/// (ASCII, the common case, byte by byte without a second string).
fn lowercase(line: &[Unit]) -> String {
    if !line.iter().all(|u| u.ch.is_ascii()) {
        return line_string(line).to_lowercase();
    }
    // Byte by byte: every character is one byte.
    let bytes: Vec<u8> = line.iter().map(|u| (u.ch as u8).to_ascii_lowercase()).collect();
    String::from_utf8(bytes).unwrap_or_default()
}

/// Whether the characters of `line` begin with `prefix`.
fn starts_with(line: &[Unit], prefix: &str) -> bool {
    let mut units = line.iter();
    prefix.chars().all(|c| units.next().is_some_and(|u| u.ch == c))
}

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

/// Drops the lines of a Markdown article that are page furniture: images,
/// and lines that are mostly links (menus, "Read more: [...]", lists of
/// other stories).
pub(crate) fn drop_markdown_furniture(units: Vec<Unit>) -> Vec<Unit> {
    let mut out = Vec::with_capacity(units.len());
    for line in units.split_inclusive(|u| u.ch == '\n') {
        let s = line_string(line);
        if is_markdown_furniture(s.trim()) {
            out.extend(line.iter().filter(|u| u.ch == '\n'));
        } else {
            out.extend_from_slice(line);
        }
    }
    out
}

fn is_markdown_furniture(line: &str) -> bool {
    let line = line.trim_start_matches(['-', '*', '+', ' ']);
    if line.starts_with("![") || line.starts_with("[![") {
        return true;
    }
    if line.chars().count() > 300 {
        return false;
    }
    // Letters inside [link text](target) against all letters but targets.
    let (mut linked, mut total) = (0usize, 0usize);
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        total += letters(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find("](") else {
            total += letters(after);
            rest = "";
            break;
        };
        let text = letters(&after[..close]);
        linked += text;
        total += text;
        let target = &after[close + 2..];
        rest = target.find(')').map_or("", |e| &target[e + 1..]);
    }
    total += letters(rest);
    linked > 0 && linked * 2 > total
}

fn letters(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphanumeric()).count()
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

/// Whether a paragraph (its units, whitespace at either end left out) is
/// site furniture rather than article text.
fn is_boilerplate(p: &[Unit], repeats: usize) -> bool {
    if p.is_empty() {
        return true;
    }
    let address = ["http://", "https://", "www."].iter().any(|a| starts_with(p, a));
    if address && !p.iter().any(|u| u.ch == ' ') {
        return true;
    }
    // A long paragraph is read by its opening only (a pointer's words): it
    // is not copied whole.
    let read = if p.len() <= CAPTION_LINE {
        p.len()
    } else {
        (*POINTER_CHARS).min(p.len())
    };
    let lower = lowercase(&p[..read]);
    if POINTER_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    let short = p.len() <= SHORT_LINE;
    if short && repeats >= 3 {
        return true;
    }
    // A picture's caption or credit ("Photo: Ada Lind / Valmora Herald").
    if p.len() <= CAPTION_LINE && CAPTIONS.in_line(&lower) {
        return true;
    }
    short && BOILERPLATE.in_line(&lower)
}

/// Characters of a line up to its last one that is not whitespace (the
/// length of the line's text with its end trimmed); 0 for a blank line.
fn trimmed_len(line: &[Unit]) -> usize {
    line.iter()
        .rposition(|u| !u.ch.is_whitespace())
        .map_or(0, |last| last + 1)
}

/// Detects hard-wrapped text (lines broken at a fixed width) and returns the
/// width, so that wrapped lines can be joined back into paragraphs.
fn wrap_width(units: &[Unit], lines: &[std::ops::Range<usize>]) -> Option<usize> {
    let mut lens: Vec<usize> = lines
        .iter()
        .map(|l| trimmed_len(&units[l.clone()]))
        .filter(|n| *n > 0)
        .collect();
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

/// Turns a sequence of raw lines into paragraphs, one per line: hard wraps
/// joined, boilerplate and blank lines dropped, inner whitespace kept.
pub(crate) fn paragraphs(mut units: Vec<Unit>) -> Vec<Unit> {
    let raw = lines(&units);
    let width = wrap_width(&units, &raw);
    // Join wrapped lines first, so that boilerplate is judged on whole
    // paragraphs: each paragraph is a run of lines, by index into `raw`.
    let mut paras: Vec<std::ops::Range<usize>> = Vec::new();
    let mut open = false;
    for (i, range) in raw.iter().enumerate() {
        let len = trimmed_len(&units[range.clone()]);
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
    // How often each short paragraph stands in the text (furniture
    // repeats), counted on paragraphs as they are kept, so that the
    // cleaned text, cleaned again, counts the same.
    let mut joined = Vec::new();
    let keys: Vec<Option<String>> = paras
        .iter()
        .map(|lines| repeat_key(paragraph_units(&units, &raw, lines.clone(), &mut joined)))
        .collect();
    let mut counts: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for key in keys.iter().flatten() {
        *counts.entry(key).or_insert(0) += 1;
    }
    // The paragraphs are written over the units in place: a paragraph is
    // never longer than the lines it comes from, and one line break at
    // least stands between two, so nothing is written ahead of what is read.
    let mut w = 0;
    for (lines, key) in paras.into_iter().zip(&keys) {
        let first = raw[lines.start].start;
        let single = lines.len() == 1;
        let p = paragraph_units(&units, &raw, lines, &mut joined);
        let repeats = key.as_deref().and_then(|k| counts.get(k).copied()).unwrap_or(1);
        let (lead, len) = trim_range(p);
        if is_boilerplate(&p[lead..lead + len], repeats) {
            continue;
        }
        let start = p[lead].start;
        if w > 0 {
            let prev_end = units[w - 1].end;
            units[w] = Unit {
                ch: '\n',
                start: prev_end,
                end: start,
            };
            w += 1;
        }
        if single {
            units.copy_within(first + lead..first + lead + len, w);
        } else {
            units[w..w + len].copy_from_slice(&joined[lead..lead + len]);
        }
        w += len;
    }
    units.truncate(w);
    units
}

/// The units of a paragraph of `lines`: a line as it stands, or lines
/// joined in `joined`, each line break between two becoming the joining
/// space.
fn paragraph_units<'a>(
    units: &'a [Unit],
    raw: &[std::ops::Range<usize>],
    lines: std::ops::Range<usize>,
    joined: &'a mut Vec<Unit>,
) -> &'a [Unit] {
    if lines.len() == 1 {
        return &units[raw[lines.start].clone()];
    }
    joined.clear();
    for (k, range) in raw[lines].iter().enumerate() {
        if k > 0 {
            let brk = units[range.start - 1];
            joined.push(Unit { ch: ' ', ..brk });
        }
        joined.extend_from_slice(&units[range.clone()]);
    }
    joined
}

/// A short paragraph's words as its repeats are counted (only short ones
/// are judged by them, see `is_boilerplate`).
fn repeat_key(p: &[Unit]) -> Option<String> {
    let (lead, len) = trim_range(p);
    (len <= SHORT_LINE).then(|| lowercase(&p[lead..lead + len]))
}

/// Where the units of `p` start and how many there are, whitespace at
/// either end left out.
fn trim_range(p: &[Unit]) -> (usize, usize) {
    let s = p.iter().position(|u| !u.ch.is_whitespace()).unwrap_or(p.len());
    let e = p
        .iter()
        .rposition(|u| !u.ch.is_whitespace())
        .map(|e| e + 1)
        .unwrap_or(s);
    (s, e.max(s) - s)
}

/// Markdown to plain units: heading marks, emphasis, inline HTML tags and
/// link targets removed.
pub(crate) fn strip_markdown(units: Vec<Unit>) -> Vec<Unit> {
    let mut out = Vec::with_capacity(units.len());
    let mut i = 0;
    let mut line_start = true;
    while i < units.len() {
        let c = units[i].ch;
        if line_start {
            // Heading, quote and list marks at the start of a line.
            let mut j = i;
            while j < units.len() && matches!(units[j].ch, '#' | '>') {
                j += 1;
            }
            if j > i && units.get(j).is_some_and(|u| u.ch == ' ') {
                i = j + 1;
                line_start = false;
                continue;
            }
        }
        line_start = c == '\n';
        match c {
            '*' | '_' if units.get(i + 1).is_some_and(|u| u.ch == c) => {
                i += 2;
            }
            '*' => i += 1,
            '<' => {
                // Inline HTML tag such as <u> or </em>: drop it.
                let end = units[i + 1..]
                    .iter()
                    .take(40)
                    .position(|u| u.ch == '>' || u.ch == '\n' || u.ch == '<');
                match end {
                    Some(k)
                        if units[i + 1 + k].ch == '>'
                            && units
                                .get(i + 1)
                                .is_some_and(|u| u.ch.is_ascii_alphabetic() || u.ch == '/') =>
                    {
                        i += k + 2
                    }
                    _ => {
                        out.push(units[i]);
                        i += 1;
                    }
                }
            }
            '!' if units.get(i + 1).is_some_and(|u| u.ch == '[') => i += 1,
            '[' => {
                // [text](target): keep text, drop target.
                let close = units[i + 1..].iter().position(|u| u.ch == ']' || u.ch == '\n');
                match close {
                    Some(k) if units[i + 1 + k].ch == ']' && units.get(i + 2 + k).is_some_and(|u| u.ch == '(') => {
                        let text_end = i + 1 + k;
                        out.extend_from_slice(&units[i + 1..text_end]);
                        let rest = &units[text_end + 2..];
                        let paren = rest.iter().position(|u| u.ch == ')' || u.ch == '\n');
                        i = match paren {
                            Some(p) if rest[p].ch == ')' => text_end + 2 + p + 1,
                            _ => text_end + 1,
                        };
                    }
                    _ => {
                        out.push(units[i]);
                        i += 1;
                    }
                }
            }
            _ => {
                out.push(units[i]);
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(text: &str, md: bool) -> CleanText {
        let (u, _) = decode(text.as_bytes());
        let mut u = normalize_chars(u);
        if md {
            u = strip_markdown(u);
        }
        CleanText::from_units(&paragraphs(u))
    }

    #[test]
    fn escapes_and_curly_quotes_map_back() {
        let src = "He said “it costs \\$5 billion” today.";
        let c = clean(src, false);
        assert_eq!(c.text, "He said \"it costs $5 billion\" today.");
        let d = c.text.find('$').unwrap();
        let o = c.original(Span::new(d, d + 2));
        assert_eq!(&src[o.start..o.end], "\\$5");
        let q = c.text.find('"').unwrap();
        let o = c.original(Span::new(q, q + 1));
        assert_eq!(&src[o.start..o.end], "“");
    }

    #[test]
    fn doubled_apostrophes_are_one_quotation_mark() {
        let src = "''It is done,'' said Ms. Lind. ``Yes.'' Don't.";
        let c = clean(src, false);
        assert_eq!(c.text, "\"It is done,\" said Ms. Lind. \"Yes.\" Don't.");
        let q = c.text.rfind('"').unwrap();
        let o = c.original(Span::new(q, q + 1));
        assert_eq!(&src[o.start..o.end], "''");
    }

    #[test]
    fn line_separators_inside_a_paragraph_are_spaces() {
        let c = clean("The yard\u{2028}closed\u{85}today.", false);
        assert_eq!(c.text, "The yard closed today.");
    }

    #[test]
    fn hard_wraps_are_joined_and_boilerplate_dropped() {
        let para = "The harbour authority said the strike would cost the port dearly this\nweek, and that talks with the union of dockworkers would resume on the\nfollowing Monday in the city of Valmora, where the port is the largest\nemployer by far.";
        let src = format!("Subscribe\n\n{para}\n\n{para}\n\nhttps://example.org/x\n");
        let c = clean(&src, false);
        let lines: Vec<&str> = c.text.split("\n\n").collect();
        assert_eq!(lines.len(), 2, "{:?}", c.text);
        assert!(lines[0].contains("this week,"));
        let w = c.text.find("this week").unwrap() + 4;
        let o = c.original(Span::new(w, w + 1));
        assert_eq!(&src[o.start..o.end], "\n");
    }

    #[test]
    fn markdown_marks_and_links_are_removed() {
        let c = clean(
            "## A title\n\nRead [the report](http://x.y/z) **now**, <u>here</u>.",
            true,
        );
        assert_eq!(c.text, "A title\n\nRead the report now, here.");
    }

    #[test]
    fn normalized_characters_normalize_to_themselves() {
        // An escaped backtick is an apostrophe; curly apostrophes typed
        // twice are a quotation mark; an escaped backslash before an
        // escape-like pair would be read as an escape again, so it goes.
        for (raw, want) in [
            ("it\\`s", "it's"),
            ("\u{2018}\u{2018}so\u{2019}\u{2019}", "\"so\""),
            ("cost \\\\\\$5", "cost $5"),
        ] {
            let once = clean(raw, false);
            assert_eq!(once.text, want, "{raw:?}");
            assert_eq!(clean(&once.text, false).text, want, "{raw:?} cleaned twice");
        }
    }

    #[test]
    fn cleaned_text_reads_back_as_the_same_paragraphs() {
        // Lines of similar length with a blank line between them: cleaned
        // once, they must not look like one hard-wrapped paragraph.
        let para = |n: usize| format!("Paragraph {n} tells of the harbour and the strike of the dockworkers.");
        let src: String = (0..6).map(|n| para(n) + "\n\n").collect();
        let once = clean(&src, false);
        assert_eq!(once.text.split("\n\n").count(), 6, "{:?}", once.text);
        assert_eq!(clean(&once.text, false).text, once.text);
        // The blank line maps back to the bytes between the paragraphs.
        let gap = once.text.find("\n\n").unwrap();
        for at in [gap, gap + 1] {
            let o = once.original(Span::new(at, at + 1));
            assert_eq!(&src[o.start..o.end], "\n\n");
        }
    }

    #[test]
    fn pointers_go_by_their_opening_however_long() {
        let long = "the harbour authority said the strike would cost the port dearly this week and that talks with the union of dockworkers would resume on the following Monday in the city of Valmora where the port is the largest employer";
        let kept = "The yard closed on Monday, Ada Lind said.";
        for pointer in ["Read more:", "READ MORE:", "Related:"] {
            let src = format!("{kept}\n\n{pointer} {long}\n");
            assert_eq!(clean(&src, false).text, kept, "{pointer}");
        }
        // Inside a long paragraph the words are the article's.
        let src = format!("{kept}\n\nAs she put it, read more: {long}\n");
        assert_eq!(clean(&src, false).text.split("\n\n").count(), 2);
        // A caption in capitals that are not all ASCII.
        let src = format!("{kept}\n\nPHOTO: ÅSA LIND / VALMORA HERALD\n");
        assert_eq!(clean(&src, false).text, kept);
    }

    #[test]
    fn windows_1252_decodes() {
        let (u, fell_back) = decode(b"caf\xe9 \x93x\x94");
        assert!(fell_back);
        let s: String = u.iter().map(|u| u.ch).collect();
        assert_eq!(s, "café “x”");
    }

    #[test]
    fn markdown_furniture_goes() {
        let md = "# Port closes\n\n![Cranes at the east quay](cranes.jpg)\n\n[Home](/) | [Port](/port) | [City](/city)\n\nThe yard closed on Monday, [Ada Lind](/lind) said, and the cranes stood still.\n\nRead more: [Ferry fares rise again](/ferry)\n\n- [Strike talks resume](/a)\n- [New crane for the east quay](/b)\n\nPhoto: Piet Korhonen / Valmora Herald\n\nThe vote is on Friday.\n";
        let (units, _) = decode(md.as_bytes());
        let units = paragraphs(strip_markdown(drop_markdown_furniture(units)));
        let text: String = units.iter().map(|u| u.ch).collect();
        assert_eq!(
            text,
            "Port closes\nThe yard closed on Monday, Ada Lind said, and the cranes stood still.\nThe vote is on Friday."
        );
        // Every kept character still points at its own bytes.
        for u in &units {
            if u.ch != '\n' {
                assert_eq!(&md[u.start as usize..u.end as usize], u.ch.to_string());
            }
        }
    }
}
