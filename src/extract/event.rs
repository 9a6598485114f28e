//! Events with their participants: "Trump spoke with Putin on Wednesday",
//! "after holding a phone call with Putin on Feb. 12", "shortly after
//! Hegseth's statement, Trump revealed that he had spoken with Putin". The
//! people taking part are what links one event across sources when their
//! wording differs; a clause dated only relative to a statement ("shortly
//! after Hegseth's statement") takes that statement's date.

use std::sync::LazyLock;

use crate::lexicon::{WordMap, WordSet, en, rows, words};
use crate::span::Span;
use crate::text::Words;

use super::mention::{People, Target};

/// What a word does in "shortly after her statement".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AnchorWord {
    /// "after", "before".
    Connective,
    /// "shortly", "hours".
    Lead,
}

static ANCHOR_WORDS: LazyLock<WordMap<AnchorWord>> = LazyLock::new(|| {
    WordMap::of(rows(en::EVENT_ANCHORS).map(|r| {
        let role = if r.cell(1) == "lead" {
            AnchorWord::Lead
        } else {
            AnchorWord::Connective
        };
        (r.cell(0), role)
    }))
});

/// Words that name a call, a talk or a meeting between people.
static TRIGGERS: LazyLock<WordSet> = LazyLock::new(|| WordSet::of(words(en::EVENT_TRIGGERS)));

/// Nouns that name what someone said, for anchors like "after Hegseth's statement".
static SAYINGS: LazyLock<WordSet> = LazyLock::new(|| WordSet::of(words(en::SAYINGS)));

/// An event in one sentence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EventMention {
    /// The sentence.
    pub sentence: Span,
    /// People taking part (indexes into `People::persons`), in text order.
    pub participants: Vec<usize>,
    /// "(shortly) after X's statement": the phrase, and X.
    pub anchor: Option<(Span, usize)>,
}

/// Events of a document: sentences with a trigger word and two or more
/// people outside quotations.
pub(crate) fn find_events(
    words: &Words<'_>,
    sentences: &[(Span, Vec<Span>)],
    in_quote: &dyn Fn(usize) -> bool,
    people: &People,
) -> Vec<EventMention> {
    let mut out = Vec::new();
    for sent in sentences.iter().flat_map(|(_, s)| s.iter()) {
        let toks = words.unmasked(*sent, in_quote);
        if !toks.iter().any(|t| TRIGGERS.contains_lower(t.text)) {
            continue;
        }
        let mut participants: Vec<usize> = Vec::new();
        let mut anchor = None;
        for m in people
            .within(*sent)
            .iter()
            .filter(|m| m.span.end <= sent.end && !in_quote(m.span.start))
        {
            let Target::Person(p) = m.target else { continue };
            if people.persons[p].organization {
                continue;
            }
            if !participants.contains(&p) {
                participants.push(p);
            }
            // "after Hegseth's statement": the possessive, a saying noun next,
            // and "after/following/before" within the three words before.
            if m.possessive && anchor.is_none() {
                let after = words.within(Span::new(m.span.end, sent.end));
                let noun = after.first().filter(|t| SAYINGS.contains_lower(t.text));
                let lead = toks
                    .iter()
                    .filter(|t| t.span.end <= m.span.start)
                    .rev()
                    .take(3)
                    .find(|t| ANCHOR_WORDS.get_lower(t.text) == Some(AnchorWord::Connective));
                if let (Some(noun), Some(lead)) = (noun, lead) {
                    // Include a leading "shortly", "just", "hours", "soon".
                    let start = toks
                        .iter()
                        .rfind(|t| t.span.end <= lead.span.start)
                        .filter(|t| ANCHOR_WORDS.get_lower(t.text) == Some(AnchorWord::Lead))
                        .map(|t| t.span.start)
                        .unwrap_or(lead.span.start);
                    anchor = Some((Span::new(start, noun.span.end), p));
                }
            }
        }
        // The anchor's person said something; the event is between the others.
        let taking_part: Vec<usize> = participants
            .iter()
            .copied()
            .filter(|p| anchor.is_none_or(|(_, a)| a != *p))
            .collect();
        if taking_part.len() >= 2 {
            out.push(EventMention {
                sentence: *sent,
                participants: taking_part,
                anchor,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{person::find_people, sentence};

    fn events(text: &str) -> Vec<(Vec<String>, Option<String>)> {
        let paras = sentence::paragraphs(text);
        let ps: Vec<(Span, Vec<Span>)> = paras.iter().map(|p| (*p, sentence::sentences(text, *p))).collect();
        let words = Words::of(text);
        let people = find_people(&words, &paras, &|_| false);
        find_events(&words, &ps, &|_| false, &people)
            .into_iter()
            .map(|e| {
                let names = e.participants.iter().map(|p| people.persons[*p].full_name()).collect();
                (names, e.anchor.map(|(s, _)| text[s.start..s.end].to_string()))
            })
            .collect()
    }

    #[test]
    fn participants_and_anchors() {
        let t = "Mayor Elena Sorvik spoke with Port Director Tomas Brenn on Monday.";
        assert_eq!(
            events(t),
            [(vec!["Elena Sorvik".to_string(), "Tomas Brenn".to_string()], None)]
        );
        let t = "Union leader Ines Marlow said on Tuesday that the strike goes on. Shortly after Marlow's statement, Mayor Elena Sorvik revealed that she had spoken with Port Director Tomas Brenn.";
        let e = events(t);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].1.as_deref(), Some("Shortly after Marlow's statement"));
        assert_eq!(e[0].0, ["Elena Sorvik", "Tomas Brenn"]);
    }

    #[test]
    fn one_person_is_no_event() {
        assert!(events("Port Director Tomas Brenn spoke to reporters on Monday.").is_empty());
    }
}
