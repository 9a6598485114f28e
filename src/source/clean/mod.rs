//! Cleaning: from the bytes of a file to plain text, one paragraph a line
//! and a blank line between two, with a map from every byte of the cleaned
//! text back to the original bytes.

mod mapped;
mod paragraph;

use self::mapped::Builder;
pub use self::mapped::CleanText;
pub(crate) use self::mapped::Unit;
pub(crate) use self::paragraph::paragraphs;

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

/// The text of `bytes` with its map: as it stands when they are UTF-8,
/// else decoded in `legacy` (the flag says so).
pub(crate) fn decode_text(bytes: &[u8], legacy: &'static encoding_rs::Encoding) -> (CleanText, bool) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (CleanText::copied(s), false),
        Err(_) => (CleanText::of_units(&decode_as(bytes, legacy).0), true),
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
pub(crate) fn normalize_chars(src: CleanText) -> CleanText {
    let text = src.text.as_str();
    let bytes = text.as_bytes();
    // Written only from the first character that changes; what stands as
    // it is goes over in stretches. Of ASCII, only a carriage return, a
    // tab and a backtick change.
    let mut out: Option<Builder> = None;
    let mut kept = 0;
    let mut i = 0;
    while let Some(k) = bytes[i..]
        .iter()
        .position(|&b| !b.is_ascii() || matches!(b, b'\r' | b'\t' | b'`'))
    {
        let at = i + k;
        let Some(ch) = text[at..].chars().next() else { break };
        i = at + ch.len_utf8();
        let normal = normal_char(ch);
        if normal == Some(ch) {
            continue;
        }
        let out = out.get_or_insert_with(|| Builder::with_capacity(text.len()));
        out.take(&src, kept..at);
        if let Some(c) = normal {
            let (start, end) = src.range_of(at);
            out.char(c, start as u32, end as u32);
        }
        kept = i;
    }
    let once = match out {
        Some(mut out) => {
            out.take(&src, kept..text.len());
            out.finish()
        }
        None => src,
    };
    // The later steps only where they have something to do (most texts
    // have no backslash and no doubled apostrophe).
    let backslash = memchr::memchr(b'\\', once.text.as_bytes()).is_some();
    let doubled = memchr::memmem::find(once.text.as_bytes(), b"''").is_some();
    if !backslash && !doubled {
        return once;
    }
    let mut units = once.units();
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
    CleanText::of_units(&units)
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

fn line_string(line: &[Unit]) -> String {
    let mut s = String::with_capacity(line.len());
    s.extend(line.iter().map(|u| u.ch));
    s
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

    use crate::span::Span;

    /// Cleaned as `Source::parse` cleans a text or Markdown file.
    fn clean(text: &str, md: bool) -> CleanText {
        let mapped = if md {
            CleanText::of_units(&strip_markdown(decode(text.as_bytes()).0))
        } else {
            decode_text(text.as_bytes(), encoding_rs::WINDOWS_1252).0
        };
        paragraphs(&normalize_chars(mapped))
    }

    #[test]
    fn carriage_returns_go_and_what_stays_maps_back() {
        let src = "Line one.\r\n\r\nLine two said \u{201c}x\u{201d}.\r\n";
        let c = clean(src, false);
        assert_eq!(c.text, "Line one.\n\nLine two said \"x\".");
        let back = |from: usize, to: usize| {
            let o = c.original(Span::new(from, to));
            &src[o.start..o.end]
        };
        // The blank line stands for the bytes between the paragraphs.
        assert_eq!(back(9, 11), "\r\n\r\n");
        let two = c.text.find("two").unwrap();
        assert_eq!(back(two, two + 3), "two");
        let q = c.text.find('"').unwrap();
        assert_eq!(back(q, q + 3), "\u{201c}x\u{201d}");
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
        let c = paragraphs(&CleanText::of_units(&strip_markdown(drop_markdown_furniture(units))));
        assert_eq!(
            c.text,
            "Port closes\n\nThe yard closed on Monday, Ada Lind said, and the cranes stood still.\n\nThe vote is on Friday."
        );
        // Every kept character still points at its own bytes.
        for (i, ch) in c.text.char_indices().filter(|(_, ch)| *ch != '\n') {
            let (start, end) = c.range_of(i);
            assert_eq!(&md[start..end], ch.to_string());
        }
    }
}
