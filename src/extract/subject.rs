//! The speaker grammar: which words of a clause name the one who speaks.
//!
//! Before a speech verb the clause splits at commas and parentheses into
//! segments. The subject is the leftmost segment that ends in a name and
//! after which only descriptions follow ("Ada Lind, the port director, one
//! of the founders, said"; "Tom Hale (R-Ky.) said"; "Quarry foreman Ada
//! Lind said"). A segment that does not end in a name ("a Lind aide said")
//! names nobody. After an inverted verb ("...," said 9/11 widow Ada Lind)
//! the subject is the run of descriptor words that ends in a name.
//!
//! The people finder reads subjects here to decide which names speak, and
//! the quotation reader to decide which mention speaks: one grammar, two
//! readers, so that they cannot disagree.

use std::sync::LazyLock;

use crate::lexicon::{WordSet, en, rows, words};
use crate::span::Span;
use crate::text::{Token, is_stop_word};

use super::mention::{is_speech_verb, opens_apposition};
use super::sentence::is_abbreviation;

/// A subject, by token index: its first token and the last token of its
/// head, the name that speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Subject {
    pub first: usize,
    pub head_end: usize,
    /// Whether the head is a name; otherwise it is a description of a group
    /// or a document ("officials", "the campaign"): a speaker, but nobody
    /// in particular.
    pub named: bool,
}

/// How far the grammar looks: a subject with its descriptions is rarely
/// longer, and the bound keeps the search linear in the sentence.
const REACH: usize = 40;
/// Descriptor words before a name after an inverted verb ("senior White
/// House adviser").
const DESCRIPTOR: usize = 6;
/// Words of a nominal subject ("several former campaign aides").
const NOMINAL: usize = 7;

static ADVERBS: LazyLock<WordSet> = LazyLock::new(|| WordSet::of(words(en::SPEAKER_ADVERBS)));
static ROLES: LazyLock<WordSet> = LazyLock::new(|| WordSet::of(words(en::ROLES)));

/// The text between token `i - 1` and token `i`.
fn gap<'t>(text: &'t str, toks: &[Token<'_>], i: usize) -> &'t str {
    &text[toks[i - 1].span.end..toks[i].span.start]
}

/// Words of time between a subject and its verb.
static TIME_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    let weekdays = rows(en::WEEKDAYS).map(|r| r.cell(1));
    let months = rows(en::MONTHS).map(|r| r.cell(1));
    let periods = [
        "week",
        "month",
        "year",
        "weekend",
        "today",
        "yesterday",
        "morning",
        "night",
        "evening",
    ];
    WordSet::of(weekdays.chain(months).chain(periods))
});

/// Where a time phrase that ends before token `end` begins ("on Friday",
/// "last week", "Friday"); `end` when there is none.
fn time_phrase(toks: &[Token<'_>], end: usize) -> usize {
    let mut i = end;
    while i > 0 && end - i < 3 && TIME_WORDS.contains_lower(toks[i - 1].text) {
        i -= 1;
    }
    if i == end {
        return end;
    }
    let lead = i > 0 && ["on", "last", "this", "earlier", "late"].contains(&toks[i - 1].text);
    i - usize::from(lead)
}

/// Whether the gap before token `i` ends the clause leftwards: a quotation,
/// a semicolon or colon, a line break, or a full stop that no abbreviation
/// ("Rep.", "D.") explains.
fn clause_break(text: &str, toks: &[Token<'_>], i: usize) -> bool {
    let g = gap(text, toks, i);
    if g.contains(['"', ';', ':', '\n', '!', '?']) {
        return true;
    }
    g.contains('.') && !is_abbreviation(toks[i - 1].text) && !is_party_tag(toks[i - 1].text)
}

/// A party and state tag: "R-Ky", "D-N.C.", "I-Vt.".
pub(crate) fn is_party_tag(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() >= 3 && matches!(b[0], b'R' | b'D' | b'I') && b[1] == b'-' && b[2].is_ascii_uppercase()
}

/// A segment that describes the name before it rather than naming a
/// subject of its own: it opens with a lowercase word, a determiner or
/// relative pronoun, a number (an age), a role or a party tag.
fn is_description(toks: &[Token<'_>], first: usize) -> bool {
    let t = toks[first].text;
    t.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
        || opens_apposition(t)
        || ROLES.contains_lower(t)
        || is_party_tag(t)
}

/// The subject of the speech verb at token `verb`, read leftwards.
/// `ends_name(i)`: whether token `i` ends a name that may speak.
pub(crate) fn before(
    text: &str,
    toks: &[Token<'_>],
    verb: usize,
    ends_name: &dyn Fn(usize) -> bool,
) -> Option<Subject> {
    // "Hegseth also said", "Trump has said".
    let mut end = verb;
    while end > 0 && ADVERBS.contains(toks[end - 1].text) && gap(text, toks, end).trim().is_empty() {
        end -= 1;
    }
    // "Lind on Friday said", "Lind last week also said".
    let time = time_phrase(toks, end);
    if time < end && gap(text, toks, end).trim().is_empty() {
        end = time;
        while end > 0 && ADVERBS.contains(toks[end - 1].text) && gap(text, toks, end).trim().is_empty() {
            end -= 1;
        }
    }
    if end == 0 || clause_break(text, toks, end) {
        return None;
    }
    let described = gap(text, toks, end).contains([',', ')']);
    // After the closing comma, the segment before the verb must describe.
    // Segments right to left, as [first, last] token ranges.
    let mut segments: Vec<(usize, usize)> = Vec::new();
    let mut last = end - 1;
    let mut i = end - 1;
    loop {
        let start_here = i == 0 || end - i > REACH || clause_break(text, toks, i);
        if start_here || gap(text, toks, i).contains([',', '(', ')']) {
            segments.push((i, last));
            if start_here || segments.len() == 4 {
                break;
            }
            last = i - 1;
        }
        i -= 1;
    }
    let first_subject = if described { 1 } else { 0 };
    if described && !is_description(toks, segments[0].0) {
        // The name is the apposition of a description before it: "one of
        // the organizers, Ada Lind, said".
        let last = segments[0].1;
        let description = segments.get(1).filter(|s| is_description(toks, s.0));
        return description.filter(|_| ends_name(last)).map(|d| Subject {
            first: d.0,
            head_end: last,
            named: true,
        });
    }
    // The leftmost segment headed by a name with only descriptions after it.
    let head = |(first, last): (usize, usize)| {
        head_before_preposition(toks, first, last, ends_name).or_else(|| {
            ends_name(last).then_some(Subject {
                first,
                head_end: last,
                named: true,
            })
        })
    };
    let named = (first_subject..segments.len())
        .take_while(|&k| k == first_subject || is_description(toks, segments[k - 1].0))
        .filter_map(|k| head(segments[k]).filter(|s| s.named))
        .last();
    named.or_else(|| {
        // A short noun phrase right before the verb: "officials said", "the
        // Harbour Board said", "it says", "who said", "as we've said".
        let (first, last) = *segments.first().filter(|_| !described)?;
        let first = first + usize::from(first < last && toks[first].text == "as");
        (last - first < NOMINAL && is_noun_phrase(&toks[first..=last])).then_some(Subject {
            first,
            head_end: last,
            named: false,
        })
    })
}

/// Pronouns that speak without naming anyone.
const UNNAMED: [&str; 7] = ["i", "it", "they", "we", "you", "who", "which"];
/// Function words a noun phrase may hold ("the Board of Trade").
const NOUN_PHRASE_WORDS: [&str; 9] = ["the", "a", "an", "of", "for", "in", "on", "and", "to"];

/// Whether tokens read as a noun phrase that names nobody: content words
/// and a few function words, headed by a noun (lowercase, or capitalized as
/// an organization is) or an unnamed pronoun.
fn is_noun_phrase(words: &[Token<'_>]) -> bool {
    let Some((head, rest)) = words.split_last() else {
        return false;
    };
    let h = head.text;
    let function = |w: &str| is_stop_word(&w.to_lowercase()) && !NOUN_PHRASE_WORDS.contains(&w.to_lowercase().as_str());
    // "It", "we", "I've": the pronoun before any contraction.
    let pronoun = h.split('\'').next().unwrap_or(h).to_lowercase();
    if UNNAMED.contains(&pronoun.as_str()) {
        return rest.is_empty() || rest.iter().all(|t| !function(t.text));
    }
    let noun = !is_stop_word(&h.to_lowercase()) && !h.chars().any(|c| c.is_ascii_digit());
    noun && !words.iter().any(|t| function(t.text) || is_speech_verb(t.text))
}

/// Prepositions after which a name modifies the head before them ("Mr.
/// Reyes of the Harbour Board").
const PREPOSITIONS: [&str; 5] = ["of", "at", "for", "from", "with"];
/// Words of the phrase after such a preposition.
const PHRASE: usize = 5;

/// The head of a subject with a prepositional phrase: the name before "of"
/// ("Reyes of the Harbour Board"), or a description of nobody in
/// particular ("a lawyer for Lind"). `None` when no preposition follows a
/// word of the subject.
fn head_before_preposition(
    toks: &[Token<'_>],
    first: usize,
    last: usize,
    ends_name: &dyn Fn(usize) -> bool,
) -> Option<Subject> {
    let p = (first + 1..last).find(|&j| PREPOSITIONS.contains(&toks[j].text))?;
    let head = toks[p - 1].text;
    // A short phrase after it: a long one is a clause of its own.
    if last - p > PHRASE {
        return None;
    }
    if ends_name(p - 1) {
        Some(Subject {
            first,
            head_end: p - 1,
            named: true,
        })
    } else if head.chars().all(char::is_lowercase) && p - first <= 2 {
        Some(Subject {
            first,
            head_end: p - 1,
            named: false,
        })
    } else {
        // A role ("Secretary of State Ada Lind"): the name ends the subject.
        None
    }
}

/// The subject after an inverted verb, from token `from`: an optional
/// article, descriptor words, and a name that ends the phrase.
pub(crate) fn after(text: &str, toks: &[Token<'_>], from: usize, ends_name: &dyn Fn(usize) -> bool) -> Option<Subject> {
    let article = toks
        .get(from)
        .is_some_and(|t| ["the", "a", "an"].iter().any(|a| t.text.eq_ignore_ascii_case(a)));
    let mut i = from + usize::from(article);
    let mut head = None;
    while i < toks.len() && i - from <= DESCRIPTOR {
        let t = toks[i].text;
        if i > from {
            let g = gap(text, toks, i);
            let joined =
                g.chars().all(|c| c == ' ' || c == '/' || c == '-') || g == ". " && is_abbreviation(toks[i - 1].text);
            if !joined {
                break;
            }
        }
        // "Mr." is a stop word but opens a name; "of" goes on in a title
        // ("Secretary of State").
        let in_title = i > from
            && t == "of"
            && ROLES.contains_lower(toks[i - 1].text)
            && toks.get(i + 1).is_some_and(|n| n.text.starts_with(char::is_uppercase));
        let function_word = is_stop_word(&t.to_lowercase()) && !is_abbreviation(t) && !in_title;
        if function_word || is_speech_verb(t) {
            break;
        }
        head = Some(i);
        i += 1;
    }
    let head_end = head?;
    ends_name(head_end).then_some(Subject {
        first: from,
        head_end,
        named: true,
    })
}

/// Whether the speech verb at token `v` comes before its subject: right
/// after a quotation ("...," said Lind) or at the head of its sentence
/// ("Said Lind: ...").
pub(crate) fn inverted(text: &str, toks: &[Token<'_>], v: usize) -> bool {
    let after_quote = text[..toks[v].span.start].trim_end().ends_with([',', '"']);
    let opens = toks[v].text.starts_with(char::is_uppercase) && (v == 0 || clause_break(text, toks, v));
    after_quote || opens
}

/// Whether token `k` follows a quotation and a dash, the way a name signs a
/// quotation in a list of readers' voices ("..." — Ada Lind).
pub(crate) fn signs_quotation(text: &str, toks: &[Token<'_>], k: usize) -> bool {
    let before = text[..toks[k].span.start].trim_end();
    before
        .strip_suffix(['\u{2015}', '\u{2014}', '\u{2013}', '-'])
        .is_some_and(|b| b.trim_end().ends_with('"'))
}

/// Whether token `i` ends its phrase: the paragraph or a punctuation mark
/// follows it.
pub(crate) fn ends_phrase(text: &str, toks: &[Token<'_>], i: usize) -> bool {
    i + 1 == toks.len() || gap(text, toks, i + 1).contains([',', '.', '(', ';', '\n'])
}

/// The speaker label that opens a turn of a transcript ("PENCE: Well,
/// look ..."), after an optional quotation mark: one to three words in
/// capitals, then a colon. Its span.
pub(crate) fn turn_label(text: &str, paragraph: Span) -> Option<Span> {
    let s = &text[paragraph.start..paragraph.end];
    let body = s.trim_start_matches(['"', ' ']);
    let start = paragraph.start + (s.len() - body.len());
    let colon = body.find(':')?;
    let label = &body[..colon];
    let words: Vec<&str> = label.split(' ').collect();
    let capitals = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars().all(|c| c.is_uppercase() || matches!(c, '\'' | '-' | '.'))
    };
    (words.len() <= 3 && words.iter().all(|w| capitals(w))).then(|| Span::new(start, start + colon))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens;

    /// Tokens of `s`; a name is any capitalized word that is not a role or
    /// a tag (the readers' own name tests are stricter).
    fn read(s: &str, verb: &str, inverted: bool) -> Option<String> {
        let toks = tokens(s, Span::new(0, s.len()));
        let v = toks.iter().position(|t| t.text == verb)?;
        let ends_name = |i: usize| {
            let t = toks[i].text;
            t.starts_with(char::is_uppercase) && !ROLES.contains_lower(t) && !is_party_tag(t)
        };
        let subject = if inverted {
            after(s, &toks, v + 1, &ends_name)
        } else {
            before(s, &toks, v, &ends_name)
        }
        .filter(|s| s.named)?;
        Some(s[toks[subject.first].span.start..toks[subject.head_end].span.end].to_string())
    }

    #[test]
    fn subject_before_the_verb() {
        assert_eq!(read("Ada Lind said it.", "said", false).as_deref(), Some("Ada Lind"));
        assert_eq!(
            read("Then Ada Lind also said it.", "said", false).as_deref(),
            Some("Then Ada Lind")
        );
        assert_eq!(
            read("Harbour lawyer Ada Lind said it.", "said", false).as_deref(),
            Some("Harbour lawyer Ada Lind")
        );
    }

    #[test]
    fn a_time_between_subject_and_verb_is_skipped() {
        assert_eq!(
            read("Ada Lind on Friday also said so.", "said", false).as_deref(),
            Some("Ada Lind")
        );
        assert_eq!(
            read("Ada Lind last week said so.", "said", false).as_deref(),
            Some("Ada Lind")
        );
    }

    #[test]
    fn descriptions_after_the_name_are_skipped() {
        let s = "Carl Pruett, the attorney general of Oklahoma, one of the states suing, said so.";
        assert_eq!(read(s, "said", false).as_deref(), Some("Carl Pruett"));
        let s = "Senate leader Tom Hale, R-Ky., said so.";
        assert_eq!(read(s, "said", false).as_deref(), Some("Senate leader Tom Hale"));
        let s = "Rep. Jo Kline (D-N.C.), head of the caucus, said so.";
        assert_eq!(read(s, "said", false).as_deref(), Some("Rep. Jo Kline"));
        assert_eq!(
            read("Ida Moss, 25, said so.", "said", false).as_deref(),
            Some("Ida Moss")
        );
        // An opening phrase is not a description of the subject after it.
        let s = "In Valmora, Ada Lind, the port director, said so.";
        assert_eq!(read(s, "said", false).as_deref(), Some("Ada Lind"));
    }

    #[test]
    fn a_name_after_a_preposition_is_not_the_head() {
        assert_eq!(
            read("Mr. Reyes of the Harbour Board said so.", "said", false).as_deref(),
            Some("Mr. Reyes")
        );
        assert_eq!(read("A lawyer for Ada Lind said so.", "said", false), None);
        // An opening phrase without a comma is no head.
        let s = "In a meeting with the board of the Harbour Trust Ada Lind said so.";
        assert_eq!(read(s, "said", false).as_deref(), Some(&s[..s.find(" said").unwrap()]));
        assert_eq!(
            read("Secretary of State Ada Lind said so.", "said", false).as_deref(),
            Some("Secretary of State Ada Lind")
        );
    }

    #[test]
    fn a_phrase_that_does_not_end_in_a_name_names_nobody() {
        assert_eq!(read("A Lind aide said so.", "said", false), None);
        assert_eq!(read("The report, which Lind wrote, said so.", "said", false), None);
        assert_eq!(read("\"It is done,\" said so.", "said", false), None);
    }

    #[test]
    fn groups_and_documents_speak_unnamed() {
        let s = "The port, several union officials said, will close.";
        let toks = tokens(s, Span::new(0, s.len()));
        let v = toks.iter().position(|t| t.text == "said").unwrap();
        let subject = before(s, &toks, v, &|_| false).expect("a nominal subject");
        assert!(!subject.named);
        assert_eq!(toks[subject.first].text, "several");
        for s in [
            "The Harbour Board of Valmora said so.",
            "Authorities said so.",
            "The port, it says, will close.",
        ] {
            let toks = tokens(s, Span::new(0, s.len()));
            let v = toks.iter().position(|t| t.text == "said" || t.text == "says").unwrap();
            let subject = before(s, &toks, v, &|_| false);
            assert!(subject.is_some_and(|s| !s.named), "{s}");
        }
        // A clause is not a noun phrase.
        let s = "Ships will wait at the harbour until the owners said";
        let toks = tokens(s, Span::new(0, s.len()));
        let v = toks.iter().position(|t| t.text == "said").unwrap();
        assert_eq!(before(s, &toks, v, &|_| false), None);
    }

    #[test]
    fn a_transcript_turn_opens_with_its_label() {
        fn label(s: &str) -> Option<&str> {
            turn_label(s, Span::new(0, s.len())).map(|l| &s[l.start..l.end])
        }
        assert_eq!(label("LIND: We will reopen."), Some("LIND"));
        assert_eq!(label("\"ADA LIND: We will reopen."), Some("ADA LIND"));
        assert_eq!(label("Lind: We will reopen."), None);
        assert_eq!(label("The plan: reopen."), None);
    }

    #[test]
    fn subject_after_an_inverted_verb() {
        assert_eq!(
            read("said 9/11 widow Terry Blake.", "said", true).as_deref(),
            Some("9/11 widow Terry Blake")
        );
        assert_eq!(
            read("said the Rev. Omar Reyes, of the church.", "said", true).as_deref(),
            Some("the Rev. Omar Reyes")
        );
        assert_eq!(
            read("said Ada Lind in a statement.", "said", true).as_deref(),
            Some("Ada Lind")
        );
        assert_eq!(read("said Lind aides on Monday.", "said", true), None);
        assert_eq!(read("told reporters.", "told", true), None);
    }
}
