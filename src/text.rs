//! Small text helpers shared by the stages: word tokens, stop words and the
//! normal form words are compared in.

use std::sync::LazyLock;

use crate::lexicon::{WordMap, WordSet, en, rows, words};
use crate::span::Span;

/// The character boundary at or before `at`.
pub(crate) fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The first `n` characters of `s` (all of it when shorter).
pub(crate) fn first_chars(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

/// Bytes of the letters `s` begins with (alphabetic characters, of any
/// script). The grammars ask this at every word start: ASCII letters are
/// counted as bytes, and only a word with other letters is decoded.
pub(crate) fn letters_len(s: &str) -> usize {
    let ascii = s.bytes().position(|b| !b.is_ascii_alphabetic()).unwrap_or(s.len());
    if s.as_bytes().get(ascii).is_none_or(|b| b.is_ascii()) {
        return ascii;
    }
    let rest = &s[ascii..];
    ascii + rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len())
}

/// At most the last `reach` bytes of `text` before `at` (a character
/// boundary): where a look back for a few words goes, so that it stays
/// bounded in a text with no space or stop for megabytes.
pub(crate) fn before(text: &str, at: usize, reach: usize) -> &str {
    &text[floor_boundary(text, at.saturating_sub(reach))..at]
}

/// At most the first `reach` bytes of `text` after `at` (a character
/// boundary); see `before`.
pub(crate) fn after(text: &str, at: usize, reach: usize) -> &str {
    &text[at..floor_boundary(text, at.saturating_add(reach))]
}

/// Bytes within which a look for one word before a place goes: a longer
/// word is no word the grammars know.
pub(crate) const WORD_REACH: usize = 128;

/// The word before `at` (whitespace-separated, punctuation kept), looked
/// for within the last `WORD_REACH` bytes before it; "" at the start.
pub(crate) fn word_before(text: &str, at: usize) -> &str {
    let t = text[..at].trim_end();
    before(t, t.len(), WORD_REACH)
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
}

/// A word of cleaned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    pub text: &'a str,
    pub span: Span,
}

/// Words (letters, digits and inner apostrophes, hyphens, periods) with
/// their spans, within `range` of `text`.
pub(crate) fn tokens(text: &str, range: Span) -> Vec<Token<'_>> {
    let s = &text[range.start..range.end];
    let b = s.as_bytes();
    // About one word in six bytes of prose: one allocation for most texts.
    let mut out = Vec::with_capacity(s.len() / 6 + 1);
    let mut i = 0;
    while let Some((c, n)) = char_at(s, i) {
        if !is_word_char(c) {
            i += n;
            continue;
        }
        let start = i;
        i += n;
        // The word goes on over word characters, and over an apostrophe,
        // hyphen, period, comma or ampersand between two ("don't", "U.S",
        // "1,000", "AT&T"). Runs of ASCII letters and digits are passed
        // over byte by byte: most of a text is.
        loop {
            while b.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                i += 1;
            }
            let Some((c, n)) = char_at(s, i) else { break };
            let inner = matches!(c, '\'' | '-' | '.' | ',' | '&')
                && char_at(s, i + n).is_some_and(|(next, _)| is_word_char(next));
            if !(inner || is_word_char(c)) {
                break;
            }
            i += n;
        }
        push(&mut out, s, range.start, start, i);
    }
    out
}

/// The words of a whole text read once (`tokens`), for the stages that
/// read its paragraphs and sentences one at a time.
pub(crate) struct Words<'a> {
    text: &'a str,
    all: Vec<Token<'a>>,
}

impl<'a> Words<'a> {
    pub(crate) fn of(text: &'a str) -> Words<'a> {
        Words {
            text,
            all: tokens(text, Span::new(0, text.len())),
        }
    }

    pub(crate) fn text(&self) -> &'a str {
        self.text
    }

    /// `tokens(text, range)`. Reading a range alone differs from reading
    /// the whole text only in a word that crosses one of its ends (cut
    /// there, or joined past it by an inner mark or an abbreviation's
    /// period): the words read once, unless one crosses an end.
    pub(crate) fn within(&self, range: Span) -> std::borrow::Cow<'_, [Token<'a>]> {
        let from = self.all.partition_point(|t| t.span.end <= range.start);
        let to = self.all.partition_point(|t| t.span.start < range.end).max(from);
        let inside = &self.all[from..to];
        let crosses = |t: &Token<'_>| t.span.start < range.start || t.span.end > range.end;
        if inside.first().is_some_and(crosses) || inside.last().is_some_and(crosses) {
            return std::borrow::Cow::Owned(tokens(self.text, range));
        }
        std::borrow::Cow::Borrowed(inside)
    }

    /// The words within `range` that do not begin where `masked` says
    /// (inside a quotation).
    pub(crate) fn unmasked(&self, range: Span, masked: &dyn Fn(usize) -> bool) -> Vec<Token<'a>> {
        let within = self.within(range);
        // Room for all at once: a filtered collect grows from nothing.
        let mut out = Vec::with_capacity(within.len());
        out.extend(within.iter().filter(|t| !masked(t.span.start)).copied());
        out
    }
}

/// The character at `i` (a boundary) and its length; ASCII without decoding.
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    match s.as_bytes().get(i) {
        None => None,
        Some(&b) if b.is_ascii() => Some((char::from(b), 1)),
        Some(_) => s[i..].chars().next().map(|c| (c, c.len_utf8())),
    }
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

fn push<'a>(out: &mut Vec<Token<'a>>, s: &'a str, base: usize, st: usize, en: usize) {
    // Keep the period of an abbreviation ("U.S.") or an initial ("John D.
    // Podesta") with its word: the name goes on after it.
    let mut en = en;
    if s.as_bytes().get(en) == Some(&b'.') {
        let word = &s[st..en];
        let mut chars = word.chars();
        let initial = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
        if initial || word.contains('.') {
            en += 1;
        }
    }
    out.push(Token {
        text: &s[st..en],
        span: Span::new(base + st, base + en),
    });
}

/// Lowercase, accents folded, possessive and punctuation dropped: the form in
/// which words of two articles are compared ("Kolář's" → "kolar").
pub(crate) fn norm_word(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    norm_word_into(w, &mut out);
    out
}

/// `norm_word` into `out` (cleared first): the corpus-wide passes
/// normalize every word of every source through one buffer.
pub(crate) fn norm_word_into(w: &str, out: &mut String) {
    out.clear();
    // Most words are already in their normal form: lowercase letters and
    // digits, copied as they stand.
    let bare = without_possessive(w);
    if bare.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()) {
        out.push_str(bare);
        return;
    }
    // Most others are ASCII: nothing to fold.
    if let Some(chars) = ascii_folded(bare) {
        // The filter hides the length from `extend`: room for all at once.
        out.reserve(bare.len());
        out.extend(chars);
        return;
    }
    let folded = deunicode::deunicode(bare);
    out.extend(
        folded
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(|c| c.to_lowercase()),
    );
}

/// `norm_word` of an ASCII word as its characters, without allocating;
/// `None` for a word with other characters (they are folded first).
pub(crate) fn ascii_norm_chars(w: &str) -> Option<impl Iterator<Item = char> + '_> {
    ascii_folded(without_possessive(w))
}

/// The letters and digits of an ASCII word without its possessive,
/// lowercased; `None` where it is not ASCII.
fn ascii_folded(bare: &str) -> Option<impl Iterator<Item = char> + '_> {
    bare.is_ascii().then(|| {
        bare.bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| char::from(b.to_ascii_lowercase()))
    })
}

/// A word without its possessive ending, which the normal form drops.
fn without_possessive(w: &str) -> &str {
    w.strip_suffix("'s").or_else(|| w.strip_suffix("s'")).unwrap_or(w)
}

/// A normalized word as a 64-bit hash: the corpus-wide passes (copies,
/// stories, linking) keep words as hashes, which they only compare.
pub(crate) fn word_hash(w: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    w.hash(&mut h);
    h.finish()
}

/// Function words that carry no content for linking.
static STOP_WORDS: LazyLock<WordSet> = LazyLock::new(|| WordSet::of(words(en::STOP_WORDS)));

pub(crate) fn is_stop_word(w: &str) -> bool {
    STOP_WORDS.contains(w)
}

/// Normalized content words of a span: what linking compares.
pub(crate) fn content_words(text: &str, range: Span) -> Vec<String> {
    tokens(text, range)
        .iter()
        .map(|t| norm_word(t.text))
        .filter(|w| is_content_word(w))
        .collect()
}

/// A normalized word that carries content: no stop word, not a bare number.
pub(crate) fn is_content_word(w: &str) -> bool {
    !w.is_empty() && !is_stop_word(w) && !w.chars().all(|c| c.is_ascii_digit())
}

/// Normalized words of a quotation, in order (stop words kept): what quote
/// comparison aligns.
pub(crate) fn quote_words(s: &str) -> Vec<String> {
    tokens(s, Span::new(0, s.len()))
        .iter()
        .map(|t| norm_word(t.text))
        .filter(|w| !w.is_empty())
        .collect()
}

/// The words a quotation says, for telling whether two renderings of it
/// differ: a compound's hyphen is the house style's, not the speaker's
/// ("tax-filing" and "tax filing" are the same words).
pub(crate) fn spoken_words(s: &str) -> Vec<String> {
    let s = without_insertions(&s.replace('\u{2019}', "'"));
    let mut out: Vec<String> = Vec::new();
    for t in tokens(&s, Span::new(0, s.len())) {
        // Lowered without allocating where the word is ASCII (most are).
        let contraction = if t.text.is_ascii() {
            CONTRACTIONS.get_lower(t.text)
        } else {
            CONTRACTIONS.get(&t.text.to_lowercase())
        };
        match contraction {
            Some(words) => out.extend(words.split(' ').map(String::from)),
            None => out.extend(t.text.split('-').map(norm_word).filter(|w| !w.is_empty())),
        }
    }
    // An opening interjection ("Oh, ...") is the speaker's, not the remark's.
    let opens = s
        .trim_start_matches(['"', '\'', ' '])
        .split_once(',')
        .map(|(w, _)| w.trim().to_lowercase());
    if opens.is_some_and(|w| INTERJECTIONS.contains(&w)) && out.len() > 1 {
        out.remove(0);
    }
    out
}

/// Contractions and the words they stand for.
static CONTRACTIONS: LazyLock<WordMap<&'static str>> =
    LazyLock::new(|| WordMap::of(rows(en::CONTRACTIONS).map(|r| (r.key(), r.cell(1)))));

/// Words a speaker may open a remark with.
static INTERJECTIONS: LazyLock<WordSet> = LazyLock::new(|| WordSet::of(words(en::INTERJECTIONS)));

/// A quotation without the reporter's insertions in brackets ("[the
/// Democrats] want a deal"): the speaker's words only.
fn without_insertions(s: &str) -> String {
    insertions_as(s, "")
}

/// A quotation with each of the reporter's insertions in brackets replaced
/// by `gap`.
pub(crate) fn insertions_as(s: &str, gap: &str) -> String {
    // Most quotations have none.
    if !s.contains('[') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '[' => {
                if depth == 0 {
                    out.push_str(gap);
                }
                depth += 1;
            }
            ']' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Small words a title leaves in lowercase ("State of the Union").
const TITLE_SMALL_WORDS: [&str; 12] = [
    "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with",
];

/// Whether quoted words are a name rather than a remark: the title of a
/// programme or a work, a motto, a nickname ("Face the Nation", "In God We
/// Trust", "Lyin' Ted"): a few words, each capitalized but the small ones,
/// no sentence inside.
pub(crate) fn is_title(words: &str) -> bool {
    let body = words.trim_end_matches(['.', ',']);
    // Seven words are enough to tell: a title has at most six.
    let list: Vec<&str> = body.split_whitespace().take(7).collect();
    let capitalized =
        |w: &&str| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) || TITLE_SMALL_WORDS.contains(w);
    (2..=6).contains(&list.len())
        && list.iter().all(capitalized)
        && !body.contains(['.', ',', '?', '!', ';', ':'])
        && list.iter().filter(|w| w.starts_with(char::is_uppercase)).count() >= 2
}

/// The words of a text written in lowercase, collected once, so that "is
/// this capitalized word also written in lowercase here?" costs a lookup,
/// not a pass over the text.
pub(crate) struct LowercaseWords<'w, 't> {
    words: &'w Words<'t>,
    lower: std::cell::OnceCell<rustc_hash::FxHashSet<&'t str>>,
}

impl<'w, 't> LowercaseWords<'w, 't> {
    /// Of the words of a text read once (`Words::of`).
    pub(crate) fn of(words: &'w Words<'t>) -> Self {
        LowercaseWords {
            words,
            lower: std::cell::OnceCell::new(),
        }
    }

    /// Whether `word` (lowercase) stands in the text as a word of its own.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.lower
            .get_or_init(|| {
                self.words
                    .all
                    .iter()
                    .map(|t| t.text)
                    .filter(|w| w.starts_with(char::is_lowercase))
                    .collect()
            })
            .contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_words_letters_are_counted_past_other_scripts() {
        let len = |s: &str| letters_len(s);
        assert_eq!(len("March 3"), 5);
        assert_eq!(len("5pm"), 0);
        assert_eq!(len(""), 0);
        // Letters after a letter that is not ASCII still count.
        assert_eq!(len("Zürich2"), "Zürich".len());
        assert_eq!(len("naïve's"), "naïve".len());
        assert_eq!(len("東京 on"), "東京".len());
        // A sign that is not ASCII ends the word.
        assert_eq!(len("Feb—Mar"), 3);
        assert_eq!(len("Q\u{2019}s"), 1);
    }

    #[test]
    fn the_word_before_a_place_is_looked_for_near_it() {
        let t = "Some 300 ships, about  40 of them";
        assert_eq!(word_before(t, t.find("300").unwrap()), "Some");
        assert_eq!(word_before(t, t.find("40").unwrap()), "about");
        assert_eq!(word_before(t, t.find("about").unwrap()), "ships,");
        assert_eq!(word_before(t, 0), "");
        // Without a space for a megabyte, only the last bytes are read,
        // on a character boundary.
        let long = format!("{}é5", "ü".repeat(500_000));
        let w = word_before(&long, long.len() - 1);
        assert!(w.len() <= WORD_REACH && w.ends_with('é'), "{}", w.len());
        assert_eq!(before(&long, long.len(), 3), "é5");
        assert_eq!(after("ab€c", 0, 3), "ab");
    }

    #[test]
    fn lowercase_words_are_whole_words() {
        let text = "Voters came. Few voters stayed; polling closed, we're told.";
        let words = Words::of(text);
        let lower = LowercaseWords::of(&words);
        assert!(lower.contains("voters"));
        assert!(!lower.contains("poll"), "a part of a word is no word");
        assert!(!lower.contains("few"), "written capitalized only");
        assert!(lower.contains("we're"), "a contraction is one word");
    }

    #[test]
    fn titles_are_two_to_six_capitalized_words() {
        assert!(is_title("Face the Nation"));
        assert!(is_title("In God We Trust Every Day"), "six words");
        assert!(!is_title("In God We Trust Every Single Day"), "seven words");
        assert!(!is_title("Nation"), "one word");
        assert!(!is_title("We Won. They Lost"), "a sentence inside");
        assert!(!is_title("Face the nation"), "a word not capitalized");
    }

    #[test]
    fn stop_words_come_from_their_table() {
        assert!(is_stop_word("the") && is_stop_word("which"));
        assert!(!is_stop_word("tariff"));
    }

    /// The words of a text read once give every range the words reading
    /// the range alone gives, where it cuts a word or an abbreviation too.
    #[test]
    fn words_read_once_are_the_words_of_every_range() {
        for text in [
            "U.S. aid, Kyiv's $4.2bn; pre-2014. John D. Podesta met AT&T's well-known co-chair.",
            "Dockers said \"no\" — Kolář's crew, 1,000 strong, left at 5 p.m. on Feb. 12.",
        ] {
            let words = Words::of(text);
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            for &start in &bounds {
                for &end in bounds.iter().filter(|&&e| e >= start) {
                    let range = Span::new(start, end);
                    assert_eq!(
                        &*words.within(range),
                        &tokens(text, range)[..],
                        "{:?}",
                        &text[start..end]
                    );
                }
            }
        }
    }

    #[test]
    fn tokens_keep_abbreviations_and_inner_marks() {
        let s = "U.S. aid, Kyiv's $4.2bn; pre-2014.";
        let t: Vec<&str> = tokens(s, Span::new(0, s.len())).iter().map(|t| t.text).collect();
        assert_eq!(t, ["U.S.", "aid", "Kyiv's", "4.2bn", "pre-2014"]);
        let s = "said Ada B. Lind. Then";
        let t: Vec<&str> = tokens(s, Span::new(0, s.len())).iter().map(|t| t.text).collect();
        assert_eq!(t, ["said", "Ada", "B.", "Lind", "Then"]);
    }

    #[test]
    fn hyphenated_compounds_are_their_words() {
        assert_eq!(
            spoken_words("clear tax-filing rules"),
            spoken_words("clear tax filing rules")
        );
        assert_eq!(spoken_words("a well-known fact"), ["a", "well", "known", "fact"]);
        assert_eq!(spoken_words("They\u{2019}re here"), spoken_words("They are here"));
        assert_eq!(
            spoken_words("I can't, and it's late"),
            ["i", "can", "not", "and", "it", "is", "late"]
        );
        assert_eq!(spoken_words("Oh, we won't"), spoken_words("We will not"));
        assert_eq!(
            spoken_words("Well done"),
            ["well", "done"],
            "an opening word without a comma stays"
        );
        assert_eq!(spoken_words("[The mayor] will sign"), ["will", "sign"]);
    }

    #[test]
    fn words_are_folded() {
        assert_eq!(norm_word("Kolář's"), "kolar");
        assert_eq!(norm_word("U.S."), "us");
        // Already in normal form but for a possessive.
        assert_eq!(norm_word("port's"), "port");
        assert_eq!(norm_word("workers'"), "worker");
        assert_eq!(norm_word("2025"), "2025");
        assert_eq!(norm_word("'s"), "");
    }
}
