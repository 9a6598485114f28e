//! Statements: direct quotations and reported speech, who said them and when.
//!
//! A quotation takes its speaker from an attribution frame (a speech verb
//! with its subject) right after it (`"...," Hegseth said`), before it in the
//! same sentence (`Hegseth said the U.S. ... "realistic outcome"`), or from
//! the quotation before it in the paragraph when it carries none. Pronouns
//! and titles ("he", "the defense secretary") resolve to the person in focus:
//! the last speaker, else the last named subject.

use std::sync::LazyLock;

use crate::lexicon::{WordSet, en, words};
use crate::span::Span;
use crate::text::{LowercaseWords, Words, is_title};

use super::mention::{Gender, People, Target, gender_of_word, is_naming_verb, is_participle, is_speech_verb, name_key};
use super::subject;

/// A quotation: the span inside its marks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Quote {
    pub inner: Span,
    /// From opening to closing mark.
    pub outer: Span,
    /// No closing mark in its paragraph: the quotation goes on in the next
    /// one (which opens with a mark again).
    pub open: bool,
}

/// Whether an offset lies inside one of `quotes` (sorted, not overlapping),
/// in logarithmic time: the mask every stage applies to quoted words.
pub(crate) fn inside(quotes: &[Quote], at: usize) -> bool {
    let i = quotes.partition_point(|q| q.outer.start <= at);
    i > 0 && at < quotes[i - 1].outer.end
}

/// Double-quoted passages of a paragraph. An opening mark without a closing
/// one runs to the end of the paragraph.
pub(crate) fn find_quotes(text: &str, paragraph: Span) -> Vec<Quote> {
    let s = &text[paragraph.start..paragraph.end];
    let marks: Vec<usize> = s.match_indices('"').map(|(i, _)| paragraph.start + i).collect();
    let mut out = Vec::new();
    for pair in marks.chunks(2) {
        let open = pair[0];
        let close = pair.get(1).copied().unwrap_or(paragraph.end);
        let outer_end = if close < paragraph.end {
            close + 1
        } else {
            paragraph.end
        };
        let inner = trim(text, Span::new(open + 1, close));
        if !inner.is_empty() {
            out.push(Quote {
                inner,
                outer: Span::new(open, outer_end),
                open: pair.len() == 1,
            });
        }
    }
    out
}

fn trim(text: &str, sp: Span) -> Span {
    let s = &text[sp.start..sp.end];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | ';'));
    Span::new(sp.start + lead, sp.start + t.len().max(lead))
}

/// A speech verb with its subject.
#[derive(Debug, Clone)]
pub(crate) struct Frame {
    pub verb: Span,
    /// Where the frame (subject and verb) begins and ends.
    pub extent: Span,
    pub speaker: Option<usize>,
    /// Whether the subject came before the verb.
    pub subject_first: bool,
    /// A speech verb, which reports what follows it; a naming verb ("called
    /// it a "disgrace"") only attributes the quoted words of its sentence.
    pub reports: bool,
}

/// A statement found in one document.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StatementMention {
    /// The quoted or reported words.
    pub span: Span,
    pub direct: bool,
    /// Index into `People::persons`.
    pub speaker: Option<usize>,
    /// Where to look for the time it was said: a region of the sentence
    /// outside the reported words.
    pub time_region: Span,
    /// For a quotation continuing a previous one: that statement's index.
    pub continues: Option<usize>,
    /// A quotation left open at the end of its paragraph.
    pub open: bool,
    /// A quotation that opens its paragraph.
    pub opens_paragraph: bool,
}

impl StatementMention {
    /// Reported words, without quotation marks.
    fn reported(span: Span, speaker: Option<usize>, time_region: Span) -> StatementMention {
        StatementMention {
            span,
            direct: false,
            speaker,
            time_region,
            continues: None,
            open: false,
            opens_paragraph: false,
        }
    }
}

/// Everything a document says about its statements.
pub(crate) struct Statements {
    pub statements: Vec<StatementMention>,
}

/// Finds statements in a document, given its paragraphs, their sentences,
/// its quotations and its people.
pub(crate) fn find_statements(
    words: &Words<'_>,
    paragraphs: &[(Span, Vec<Span>)],
    quotes: &[Quote],
    people: &People,
) -> Statements {
    let text = words.text();
    let in_quote = |at: usize| inside(quotes, at);
    let mut out: Vec<StatementMention> = Vec::new();
    let mut focus: Option<usize> = None;
    // A paragraph that ends in a frame and a colon ("Lind continued:")
    // introduces the quotation that opens the next one.
    let mut introduced: Option<Option<usize>> = None;
    for (para, sentences) in paragraphs {
        let from = quotes.partition_point(|q| q.outer.start < para.start);
        let pq: Vec<&Quote> = quotes[from..].iter().take_while(|q| q.outer.start < para.end).collect();
        let mut frames: Vec<(usize, Frame)> = Vec::new();
        for (si, sent) in sentences.iter().enumerate() {
            for f in frames_in(words, *sent, people, &in_quote, &mut focus) {
                frames.push((si, f));
            }
            update_focus(people, *sent, &frames, &mut focus, &in_quote);
        }
        frames.sort_by_key(|(si, f)| (*si, f.extent.start));
        // Sentences and frames are in text order: found by halving, so a
        // paragraph of thousands of sentences stays linear.
        let sentence_of = |at: usize| {
            let k = sentences.partition_point(|s| s.start <= at).checked_sub(1)?;
            let s = sentences[k];
            (at < s.end.max(s.start + 1)).then_some(k)
        };
        let mut last_in_para: Option<usize> = None;
        for (qi, q) in pq.iter().enumerate() {
            let words = &text[q.inner.start..q.inner.end];
            if q.inner.end <= q.inner.start || !has_words(words, 2) {
                continue;
            }
            let next_open = pq.get(qi + 1).map(|n| n.outer.start).unwrap_or(para.end);
            let sq = sentence_of(q.outer.start).unwrap_or(0);
            // A title in a sentence that reports no speech is a name, not a
            // remark ("appeared on "Harbour Watch"", "called her "Lazy Lind"").
            if is_title(words) && !frames.iter().any(|(si, f)| *si == sq && f.reports) {
                continue;
            }
            let sent = sentences.get(sq).copied().unwrap_or(*para);
            // 1. A frame right after the quotation.
            let after = frame_after(text, q, &frames, next_open);
            // 2. A frame before it in its sentence.
            let before = frames[..frames.partition_point(|(si, _)| *si <= sq)]
                .iter()
                .rev()
                .take_while(|(si, _)| *si == sq)
                .find(|(_, f)| f.extent.end <= q.outer.start);
            // 3. A name signing it after a dash ("..." — Ada Lind).
            let signed = signature(text, q.outer.end, next_open, people);
            // 4. The label of a transcript's turn that the quotation opens.
            let turn = if q.outer.start == para.start {
                turn_speaker(text, *para, people)
            } else {
                None
            };
            // 5. The frame that ended the paragraph before, with a colon.
            let intro = introduced.filter(|_| q.outer.start == para.start && qi == 0);
            let (speaker, time_region, continues) = if let Some(p) = turn {
                (Some(p), Span::new(q.outer.start, q.outer.start), None)
            } else if let Some((_, f)) = after {
                let end = sentences
                    .get(sentence_of(f.extent.start).unwrap_or(sq))
                    .map(|s| s.end)
                    .unwrap_or(para.end);
                (
                    f.speaker,
                    Span::new(q.outer.end, end.min(next_open).max(q.outer.end)),
                    None,
                )
            } else if let Some(p) = signed {
                (Some(p), Span::new(q.outer.end, q.outer.end), None)
            } else if let Some((_, f)) = before {
                (f.speaker, Span::new(sent.start, q.outer.start), None)
            } else if let Some(speaker) = intro {
                (speaker, Span::new(q.outer.start, q.outer.start), None)
            } else if let Some(prev) = last_in_para {
                (out[prev].speaker, Span::new(q.outer.start, q.outer.start), Some(prev))
            } else {
                (None, Span::new(q.outer.start, q.outer.start), None)
            };
            out.push(StatementMention {
                span: q.inner,
                direct: true,
                speaker,
                time_region,
                continues,
                open: q.open,
                opens_paragraph: q.outer.start == para.start,
            });
            last_in_para = Some(out.len() - 1);
        }
        reported(words, *para, sentences, &frames, people, &in_quote, &mut out);
        introduced = introduction(text, *para, &frames);
    }
    if let Some(h) = paragraphs
        .first()
        .and_then(|(p, _)| headline(text, *p, people, &in_quote))
    {
        out.push(h);
    }
    join_paragraphs(&mut out);
    // Kept in discovery order: `continues` indexes into this list.
    Statements { statements: out }
}

/// The frame right after a quotation that attributes it, unless the
/// quotation closed its sentence with a full stop ("... dispute." Mr.
/// Brenn said no more); a lowercase verb attributes it all the same ("...
/// respect." added Lind).
fn frame_after<'f>(
    text: &str,
    q: &Quote,
    frames: &'f [(usize, Frame)],
    next_open: usize,
) -> Option<&'f (usize, Frame)> {
    let closed = text[q.outer.start..q.outer.end]
        .trim_end_matches('"')
        .trim_end()
        .ends_with('.');
    let from = frames.partition_point(|(_, f)| f.extent.start < q.outer.end);
    frames[from..]
        .iter()
        .take_while(|(_, f)| f.extent.start < next_open)
        .find(|(_, f)| {
            (!closed || !f.subject_first && text[f.verb.start..].starts_with(char::is_lowercase))
                && f.reports
                && f.extent.start >= q.outer.end
                && f.extent.start < next_open
                && text[q.outer.end..f.extent.start]
                    .chars()
                    .all(|c| c.is_whitespace() || matches!(c, ',' | '.' | ':' | ';' | '-' | '—'))
        })
}

/// The speaker a paragraph introduces when it ends in a frame and a colon
/// ("Lind continued:"): `Some(None)` for a frame without a known speaker.
fn introduction(text: &str, para: Span, frames: &[(usize, Frame)]) -> Option<Option<usize>> {
    let head = text[para.start..para.end].trim_end().strip_suffix(':')?;
    let colon = para.start + head.trim_end().len();
    frames
        .iter()
        .find(|(_, f)| f.reports && f.extent.end == colon)
        .map(|(_, f)| f.speaker)
}

/// Statements without quotation marks in a paragraph: a transcript's turn
/// (the words after its label), and reported speech: a frame that
/// introduces a clause, or one set off by commas around or after it ("The
/// yard, Lind said, will close"; "The yard will close, Lind said"). A frame
/// that attributed a quotation may still report a clause holding a partial
/// one; a clause that is itself a quotation is not reported twice.
fn reported(
    words: &Words<'_>,
    para: Span,
    sentences: &[Span],
    frames: &[(usize, Frame)],
    people: &People,
    in_quote: &dyn Fn(usize) -> bool,
    out: &mut Vec<StatementMention>,
) {
    let text = words.text();
    if let Some(p) = turn_speaker(text, para, people).filter(|_| !in_quote(para.start)) {
        let label = subject::turn_label(text, para).unwrap_or(para);
        let words = text[label.end + 1..para.end].trim();
        if has_words(words, 2) {
            let start = para.end - text[label.end + 1..para.end].trim_start().len();
            let span = Span::new(start, start + words.len());
            out.push(StatementMention::reported(span, Some(p), Span::new(start, start)));
        }
    }
    // The frames of one sentence (frames are in sentence order).
    let of_sentence = |si: usize| {
        let from = frames.partition_point(|(s, _)| *s < si);
        let to = frames.partition_point(|(s, _)| *s <= si);
        &frames[from..to]
    };
    for (si, f) in frames {
        if !f.reports {
            continue;
        }
        let sent = sentences[*si];
        let own = of_sentence(*si);
        // The clause ends where another frame of its sentence begins.
        let next = own
            .iter()
            .filter(|(_, g)| g.extent.start > f.verb.end)
            .map(|(_, g)| g.extent.start)
            .min();
        let bounded = Span::new(sent.start, next.unwrap_or(sent.end).min(sent.end));
        let introduced = if f.subject_first {
            reported_clause(words, f.verb.end, bounded, in_quote).map(|c| (c, Span::new(sent.start, c.start)))
        } else {
            None
        };
        // A frame set off after another frame of its sentence reports
        // nothing of its own: the earlier one holds the sentence.
        let first = !own.iter().any(|(_, g)| g.verb.start < f.extent.start);
        let set_off = || {
            set_off_clause(text, f.extent, sent)
                .filter(|_| first)
                .map(|c| (c, f.extent))
        };
        let clause = introduced.or_else(set_off);
        if let Some((clause, time_region)) = clause {
            out.push(StatementMention::reported(clause, f.speaker, time_region));
        }
    }
}

/// A quotation over several paragraphs (left open, reopened at the next
/// paragraph) has one speaker: the attribution of any of its parts.
fn join_paragraphs(out: &mut [StatementMention]) {
    let mut direct: Vec<usize> = (0..out.len()).filter(|&i| out[i].direct).collect();
    direct.sort_by_key(|&i| out[i].span);
    let pairs: Vec<(usize, usize)> = direct
        .windows(2)
        .filter(|w| out[w[0]].open && out[w[1]].opens_paragraph)
        .map(|w| (w[0], w[1]))
        .collect();
    // Forward: later parts take the first part's speaker ...
    for &(a, b) in &pairs {
        if out[b].speaker.is_none() && out[a].speaker.is_some() {
            out[b].speaker = out[a].speaker;
            out[b].continues = Some(a);
        }
    }
    // ... backward: earlier parts take the attribution found after them.
    for &(a, b) in pairs.iter().rev() {
        if out[a].speaker.is_none() && out[b].speaker.is_some() {
            out[a].speaker = out[b].speaker;
            out[a].time_region = out[b].time_region;
        }
    }
}

/// Whether `s` holds at least `n` words (read no further than the `n`th).
fn has_words(s: &str, n: usize) -> bool {
    n == 0
        || s.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .nth(n - 1)
            .is_some()
}

/// The clause a speech verb reports: after an optional object ("reporters"),
/// time phrase and "that", to the end of the sentence.
fn reported_clause(words: &Words<'_>, verb_end: usize, sent: Span, in_quote: &dyn Fn(usize) -> bool) -> Option<Span> {
    let text = words.text();
    let rest = Span::new(verb_end, sent.end);
    let toks = words.within(rest);
    let start = match toks.iter().take(10).position(|t| t.text == "that") {
        // Between verb and "that" only short material: an object, a time, a place.
        Some(that) if !toks[..that].iter().any(|t| is_speech_verb(t.text)) => toks.get(that + 1)?.span.start,
        Some(_) => return None,
        // "Hegseth said Washington would not...": the clause follows the verb,
        // unless a preposition, a pause or a quotation comes first.
        // "told a rally": without "that", an object follows, not a clause.
        // "urged lawmakers to act": the object and what it is urged to do.
        None if crate::text::before(text, verb_end, crate::text::WORD_REACH)
            .rsplit(' ')
            .next()
            .is_some_and(|v| OBJECT_VERBS.contains(v)) =>
        {
            let to = toks.iter().take(6).position(|t| t.text == "to")?;
            if toks[..to].iter().any(|t| is_speech_verb(t.text)) {
                return None;
            }
            toks.first()?.span.start
        }
        None => {
            let first = toks.first()?;
            let gap = &text[verb_end..first.span.start];
            // "said it would close" reports a clause; "said it twice" does not.
            let subject_of_clause = toks.get(1).is_some_and(|n| AUXILIARIES.contains(n.text));
            if gap.trim() != "" || NOT_CLAUSE_START.contains_lower(first.text) && !subject_of_clause {
                return None;
            }
            first.span.start
        }
    };
    if in_quote(start) && text[start..].starts_with('"') {
        return None;
    }
    let end = sent.end
        - text[start..sent.end]
            .chars()
            .rev()
            .take_while(|c| matches!(c, '.' | '!' | '?' | '"' | ' '))
            .map(char::len_utf8)
            .sum::<usize>();
    (end > start && has_words(&text[start..end], 3)).then(|| Span::new(start, end))
}

/// The clause a frame set off by commas reports: the sentence around a
/// frame in its middle ("The yard, Lind said, will close"), the words
/// before a frame that ends the sentence ("The yard will close, Lind
/// said."), the words after one that opens it ("According to Lind, the yard
/// will close"). Quotations are attributed on their own, not here.
fn set_off_clause(text: &str, frame: Span, sent: Span) -> Option<Span> {
    let head = text[sent.start..frame.start].trim_end();
    let tail = text[frame.end..sent.end].trim_start();
    let closing = |s: &str| s.trim_end_matches(['.', '!', '?', '"', ' ']).is_empty();
    let span = if head.trim().is_empty() {
        // Opening: "According to Lind, ..."
        let rest = tail.strip_prefix(',')?;
        Span::new(sent.end - rest.trim_start().len(), sent.end)
    } else {
        let before = head.strip_suffix(',')?;
        if tail.starts_with(',') {
            Span::new(sent.start, sent.end)
        } else if closing(tail) {
            Span::new(sent.start, sent.start + before.len())
        } else {
            return None;
        }
    };
    let words = &text[span.start..span.end];
    if words.contains('"') || !has_words(words, 3) {
        return None;
    }
    let lead = words.len() - words.trim_start().len();
    let end = span.start + words.trim_end_matches(['.', '!', '?', '"', ' ', ',']).len();
    (end > span.start + lead).then(|| Span::new(span.start + lead, end))
}

/// Verbs whose next words are an object, not the reported clause.
static OBJECT_VERBS: LazyLock<WordSet> = LazyLock::new(|| WordSet::of(words(en::OBJECT_VERBS)));

/// Auxiliaries: after a pronoun, the verb of a clause.
static AUXILIARIES: LazyLock<WordSet> = LazyLock::new(|| WordSet::of(words(en::AUXILIARIES)));

/// Words after a speech verb that do not begin a reported clause.
static NOT_CLAUSE_START: LazyLock<WordSet> = LazyLock::new(|| WordSet::of(words(en::NOT_CLAUSE_START)));

/// Frames of one sentence, resolving their subjects.
fn frames_in(
    words: &Words<'_>,
    sent: Span,
    people: &People,
    in_quote: &dyn Fn(usize) -> bool,
    focus: &mut Option<usize>,
) -> Vec<Frame> {
    let text = words.text();
    let toks = words.unmasked(sent, in_quote);
    let mentions: Vec<_> = people
        .near(sent)
        .iter()
        .filter(|m| m.span.end <= sent.end && !in_quote(m.span.start))
        .collect();
    // The last mention (not a possessive) ending at each byte.
    let mut ending = rustc_hash::FxHashMap::default();
    for m in mentions.iter().filter(|m| !m.possessive) {
        ending.insert(m.span.end, *m);
    }
    let mention_ending = |i: usize| ending.get(&toks[i].span.end);
    let speaks = |i: usize| mention_ending(i).is_some_and(|m| !m.dependent || not_governed(text, m.span.start));
    let mut out = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        let according = t.text.eq_ignore_ascii_case("according") && toks.get(k + 1).is_some_and(|n| n.text == "to");
        // "called for a ban", "called on the city to ...": a demand, reported.
        let demand =
            t.text.eq_ignore_ascii_case("called") && toks.get(k + 1).is_some_and(|n| ["for", "on"].contains(&n.text));
        let naming = is_naming_verb(t.text) && !demand;
        if !is_speech_verb(t.text) && !according && !naming && !demand {
            continue;
        }
        let verb_end = if according || demand {
            toks[k + 1].span.end
        } else {
            t.span.end
        };
        // Inverted order holds only after a quotation, at the head of a
        // sentence, after "according to" and in the passive.
        let passive = toks.get(k + 1).is_some_and(|n| n.text == "by");
        let after = if !naming && (according || passive || subject::inverted(text, &toks, k)) {
            let from = k + 1 + usize::from(according || passive);
            subject::after(text, &toks, from, &|i| mention_ending(i).is_some())
                .and_then(|s| mention_ending(s.head_end).map(|m| (s, m)))
                .filter(|(_, m)| !matches!(m.target, Target::Pronoun))
        } else {
            None
        };
        // A participle ("..., saying") takes the sentence's subject: its
        // first independent person. A nominal subject ("officials said")
        // speaks without a name.
        let before = if is_participle(t.text) {
            // "footage of Lind saying": the name right before it.
            let adjacent = k
                .checked_sub(1)
                .and_then(mention_ending)
                .filter(|m| text[m.span.end..t.span.start].trim().is_empty() && !matches!(m.target, Target::Pronoun));
            adjacent
                .or_else(|| {
                    mentions.iter().find(|m| {
                        m.span.start >= sent.start && m.span.end <= t.span.start && !m.possessive && !m.dependent
                    })
                })
                .map(|m| (m.span.start, Some(m)))
        } else {
            subject::before(text, &toks, k, &speaks).and_then(|s| {
                let start = toks[s.first].span.start;
                if s.named {
                    mention_ending(s.head_end).map(|m| (start, Some(m)))
                } else {
                    Some((start, None))
                }
            })
        };
        let (m, subject_first, extent) = match (before, after, according) {
            (_, Some((s, a)), true) => (Some(a), false, Span::new(t.span.start, toks[s.head_end].span.end)),
            // "according to the poll": a source without a name, to the comma.
            (_, None, true) => {
                let rest = &text[verb_end..sent.end];
                let end = rest.find(',').map_or(sent.end, |c| verb_end + c);
                (None, false, Span::new(t.span.start, end))
            }
            (Some((start, b)), _, _)
                if !(b.is_some_and(|b| matches!(b.target, Target::Pronoun))
                    && after.is_some()
                    && quote_right_before(text, t.span.start)) =>
            {
                (b, true, Span::new(start, verb_end))
            }
            (_, Some((s, a)), _) => (Some(a), false, Span::new(t.span.start, toks[s.head_end].span.end)),
            _ => continue,
        };
        let speaker = m.and_then(|m| match &m.target {
            Target::Person(p) => Some(*p),
            Target::Pronoun => {
                // The nearest person the pronoun can stand for: "she" is not
                // a man, whoever is in focus.
                let gender = gender_of_word(&text[m.span.start..m.span.end]);
                let fits =
                    |p: &usize| gender.is_none() || people.persons[*p].gender().is_none_or(|g| Some(g) == gender);
                last_subject(people, sent, m.span.start, in_quote)
                    .filter(fits)
                    .or(focus.filter(fits))
                    .or_else(|| gender.and_then(|g| last_of_gender(people, m.span.start, g)))
            }
            Target::Title(title) => people.by_title(title, m.span.start).or(*focus),
        });
        out.push(Frame {
            verb: Span::new(t.span.start, verb_end),
            extent,
            speaker,
            subject_first,
            reports: !naming,
        });
    }
    out
}

/// Whether the word before `at` is an article or a conjunction, not a
/// preposition: "the Rev. Ada Lind" and "Reyes and Ada Lind" speak, "by Ada
/// Lind" does not.
fn not_governed(text: &str, at: usize) -> bool {
    let w = crate::text::word_before(text, at);
    ["the", "a", "an", "and", "or"]
        .iter()
        .any(|a| w.eq_ignore_ascii_case(a))
}

/// A headline that gives its source before a colon ("Lind: Yard Will
/// Close"): the words after the colon, said by the person or organization
/// the document names so, or by a document it mentions in lowercase ("Poll:
/// ..." beside "the poll shows").
fn headline(text: &str, para: Span, people: &People, in_quote: &dyn Fn(usize) -> bool) -> Option<StatementMention> {
    let line = &text[para.start..para.end];
    let colon = line.find(": ")?;
    let label = &line[..colon];
    let words: Vec<&str> = label.split(' ').collect();
    let turn = turn_speaker(text, para, people).is_some();
    if turn
        || words.len() > 3
        || !words.iter().all(|w| w.starts_with(char::is_uppercase))
        || in_quote(para.start + colon)
    {
        return None;
    }
    let rest = &line[colon + 1..];
    let content = rest.trim().trim_end_matches('.');
    let start = para.start + colon + 1 + (rest.len() - rest.trim_start().len());
    if !has_words(content, 3) || content.starts_with('"') {
        return None;
    }
    let key = name_key(words.last()?);
    let speaker = people.persons.iter().position(|p| p.surname_key() == key);
    let lower = label.to_lowercase();
    let document = words.len() == 1 && LowercaseWords::of(&Words::of(&text[para.end..])).contains(&lower);
    (speaker.is_some() || document).then(|| {
        StatementMention::reported(
            Span::new(start, start + content.len()),
            speaker,
            Span::new(start, start),
        )
    })
}

/// The person whose transcript label opens a paragraph.
fn turn_speaker(text: &str, para: Span, people: &People) -> Option<usize> {
    let label = subject::turn_label(text, para)?;
    let at = people.mentions.partition_point(|m| m.span < label);
    people.mentions[at..]
        .iter()
        .take_while(|m| m.span == label)
        .find_map(|m| match m.target {
            Target::Person(p) => Some(p),
            _ => None,
        })
}

/// The person who signs a quotation ending at `end`: a dash, then a named
/// person, then nothing before `limit` but punctuation and space.
fn signature(text: &str, end: usize, limit: usize, people: &People) -> Option<usize> {
    let rest = &text[end..limit];
    let after_dash = rest
        .trim_start()
        .strip_prefix(['\u{2015}', '\u{2014}', '\u{2013}', '-'])?;
    let start = limit - after_dash.trim_start().len();
    let at = people.mentions.partition_point(|m| m.span.start < start);
    let m = people.mentions.get(at).filter(|m| m.span.start == start)?;
    let Target::Person(p) = m.target else { return None };
    let tail = &text[m.span.end..limit];
    tail.chars()
        .all(|c| c.is_whitespace() || c.is_ascii_punctuation())
        .then_some(p)
}

fn quote_right_before(text: &str, at: usize) -> bool {
    text[..at].trim_end().ends_with([',', '"'])
}

/// The last named, independent person before `at` in the sentence.
fn last_subject(people: &People, sent: Span, at: usize, in_quote: &dyn Fn(usize) -> bool) -> Option<usize> {
    people.within(sent).iter().rev().find_map(|m| match m.target {
        Target::Person(p)
            if !people.persons[p].organization
                && m.span.start >= sent.start
                && m.span.end <= at
                && !m.possessive
                && !m.dependent
                && !in_quote(m.span.start) =>
        {
            Some(p)
        }
        _ => None,
    })
}

/// The person last named before `at` whose gender is known to be `gender`.
fn last_of_gender(people: &People, at: usize, gender: Gender) -> Option<usize> {
    let before = people.mentions.partition_point(|m| m.span.start < at);
    people.mentions[..before].iter().rev().find_map(|m| match m.target {
        Target::Person(p) if people.persons[p].gender() == Some(gender) => Some(p),
        _ => None,
    })
}

/// After a sentence: its last resolved speaker, else its first independent
/// named person, becomes the focus for pronouns that follow.
fn update_focus(
    people: &People,
    sent: Span,
    frames: &[(usize, Frame)],
    focus: &mut Option<usize>,
    in_quote: &dyn Fn(usize) -> bool,
) {
    // Organizations speak but are not "he" or "she".
    // The sentence's frames are the last ones found.
    if let Some(sp) = frames
        .iter()
        .rev()
        .take_while(|(_, f)| sent.start <= f.verb.start)
        .filter(|(_, f)| f.verb.end <= sent.end)
        .find_map(|(_, f)| f.speaker)
        .filter(|p| !people.persons[*p].organization)
    {
        *focus = Some(sp);
        return;
    }
    let subject = people.within(sent).iter().find_map(|m| match m.target {
        Target::Person(p)
            if !people.persons[p].organization
                && sent.start <= m.span.start
                && m.span.end <= sent.end
                && !m.possessive
                && !m.dependent
                && !in_quote(m.span.start) =>
        {
            Some(p)
        }
        _ => None,
    });
    if subject.is_some() {
        *focus = subject;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_as_far_as_asked() {
        assert!(has_words("a b", 2) && !has_words("a b", 3));
        assert!(!has_words("a - ,", 2), "marks alone are no words");
        assert!(has_words("", 0));
    }
    use crate::extract::{person::find_people, sentence};

    /// (quote, speaker name, direct) of every statement.
    fn statements(text: &str) -> Vec<(String, Option<String>, bool)> {
        let paras = sentence::paragraphs(text);
        let quotes: Vec<Quote> = paras.iter().flat_map(|p| find_quotes(text, *p)).collect();
        let masked = |at: usize| inside(&quotes, at);
        let words = Words::of(text);
        let people = find_people(&words, &paras, &masked);
        let ps: Vec<(Span, Vec<Span>)> = paras.iter().map(|p| (*p, sentence::sentences(text, *p))).collect();
        find_statements(&words, &ps, &quotes, &people)
            .statements
            .iter()
            .map(|s| {
                (
                    text[s.span.start..s.span.end].to_string(),
                    s.speaker.map(|p| people.persons[p].full_name()),
                    s.direct,
                )
            })
            .collect()
    }

    fn speaker_of(text: &str, quote_start: &str) -> Option<String> {
        statements(text)
            .into_iter()
            .find(|s| s.0.starts_with(quote_start))
            .and_then(|s| s.1)
    }

    #[test]
    fn speech_verbs_in_any_case() {
        assert!(is_speech_verb("wrote") && is_speech_verb("Said") && !is_speech_verb("States"));
    }

    #[test]
    fn speaker_after_the_quote() {
        let t = "\"The port stays shut,\" Port Director Tomas Brenn said on Monday.";
        assert_eq!(speaker_of(t, "The port"), Some("Tomas Brenn".into()));
    }

    #[test]
    fn the_subject_stands_before_its_apposition() {
        let t = "Marta Lind waited. Tomas Brenn, the port director, said the cranes would move on Monday.";
        assert_eq!(speaker_of(t, "the cranes"), Some("Tomas Brenn".into()));
        let t = "Omar Reyes, a lawyer who advises the yard and its owners, said the deal was done.";
        assert_eq!(speaker_of(t, "the deal"), Some("Omar Reyes".into()));
        let t = "\"We are done,\" Rep. Ada Lind (D-Ore.), a member of the panel, said.";
        assert_eq!(speaker_of(t, "We are"), Some("Ada Lind".into()));
        // A list, not an apposition: the subject is the last name.
        let t = "Ada Lind, Omar Reyes and Carl Mott said the deal was done.";
        assert_eq!(speaker_of(t, "the deal"), Some("Carl Mott".into()));
    }

    #[test]
    fn questions_and_retorts_have_speakers() {
        let t = "Ada Lind said she would speak first. \"Does anybody know the plan?\" Lind asked.";
        assert_eq!(speaker_of(t, "Does anybody"), Some("Ada Lind".into()));
        let t = "\"Not a chance,\" Omar Reyes quipped.";
        assert_eq!(speaker_of(t, "Not a"), Some("Omar Reyes".into()));
    }

    #[test]
    fn a_name_described_after_or_before_it_speaks() {
        let t = "\"The yard stays shut,\" said Ada Lind, president of the port authority.";
        assert_eq!(speaker_of(t, "The yard"), Some("Ada Lind".into()));
        let t = "One of the organizers, Carl Mott, said the yard would stay shut.";
        assert_eq!(speaker_of(t, "the yard"), Some("Carl Mott".into()));
    }

    #[test]
    fn a_party_tag_after_the_name_is_no_speaker() {
        let t = "\"We will vote again,\" Rep. Ada Lind (D-Ore.) said on Monday.";
        assert_eq!(speaker_of(t, "We will"), Some("Ada Lind".into()));
        let t = "Sen. Omar Reyes (R-Tex.) said the bill was dead.";
        assert_eq!(speaker_of(t, "the bill"), Some("Omar Reyes".into()));
    }

    #[test]
    fn a_name_after_a_dash_signs_the_quotation() {
        let t = "\"The yard must stay open for all of us.\" \u{2015} Ada Lind\n\"Nobody asked the workers anything.\" \u{2014} Omar Reyes";
        assert_eq!(speaker_of(t, "The yard"), Some("Ada Lind".into()));
        assert_eq!(speaker_of(t, "Nobody asked"), Some("Omar Reyes".into()));
        // A dash that goes on with a sentence signs nothing.
        let t = "\"The yard must stay open for all of us\" - Ada Lind thought so too, they said.";
        assert_ne!(speaker_of(t, "The yard"), Some("Ada Lind".into()));
    }

    #[test]
    fn a_naming_verb_attributes_the_words_it_quotes() {
        let t = "Omar Reyes spoke first. Ada Lind called the plan \"a disgrace to the harbour\" on Monday.";
        assert_eq!(speaker_of(t, "a disgrace"), Some("Ada Lind".into()));
        // It reports no clause: nothing after it is a statement of its own.
        let t = "Ada Lind described the plan as a danger to every worker on the quay.";
        assert_eq!(statements(t), []);
    }

    #[test]
    fn a_frame_set_off_by_commas_reports_the_sentence() {
        let t = "The yard, Ada Lind said, will close at noon on Friday.";
        assert_eq!(
            statements(t),
            [(
                "The yard, Ada Lind said, will close at noon on Friday".into(),
                Some("Ada Lind".into()),
                false
            )]
        );
        let t = "The yard will close at noon on Friday, Ada Lind said.";
        assert_eq!(
            statements(t),
            [(
                "The yard will close at noon on Friday".into(),
                Some("Ada Lind".into()),
                false
            )]
        );
        // A frame that goes on with its own clause reports that clause.
        let t = "On Friday, Ada Lind said the yard would close.";
        assert_eq!(
            statements(t),
            [("the yard would close".into(), Some("Ada Lind".into()), false)]
        );
        let t = "According to the harbour survey, the yard will close at noon.";
        assert_eq!(statements(t), [("the yard will close at noon".into(), None, false)]);
        // A quotation before the frame is attributed as one, not reported again.
        let t = "\"The yard will close at noon,\" Ada Lind said.";
        assert_eq!(statements(t).len(), 1);
        assert!(statements(t)[0].2);
    }

    #[test]
    fn transcript_turns_speak_for_their_label() {
        let t = "LIND: We will reopen the yard on Monday.\n\nREYES: Not before the cranes pass inspection.\n\nLIND: Then on Tuesday, at the latest.";
        let s = statements(t);
        assert_eq!(s.len(), 3, "{s:?}");
        assert_eq!(
            s[1],
            (
                "Not before the cranes pass inspection.".into(),
                Some("REYES".into()),
                false
            )
        );
        // One heading in capitals is no transcript.
        assert_eq!(statements("UPDATE: The yard reopened on Monday morning."), []);
    }

    #[test]
    fn the_name_before_a_preposition_speaks() {
        let t = "\"It was the least bad outcome,\" Omar Reyes of the Harbour Board said.";
        assert_eq!(speaker_of(t, "It was"), Some("Omar Reyes".into()));
    }

    #[test]
    fn a_frame_ending_with_a_colon_introduces_the_next_paragraph() {
        let t = "Omar Reyes spoke first. Ada Lind continued:\n\n\"The cranes will move on Monday, and not before.\"";
        assert_eq!(speaker_of(t, "The cranes"), Some("Ada Lind".into()));
        let t = "The Valmora Herald reports:\n\n\"The cranes will move on Monday, and not before.\"";
        assert_eq!(speaker_of(t, "The cranes"), Some("Valmora Herald".into()));
    }

    #[test]
    fn groups_and_documents_report_without_a_name() {
        let t = "The Harbour Board said it would reopen the yard on Monday.";
        assert_eq!(
            statements(t),
            [(
                "it would reopen the yard on Monday".into(),
                Some("Harbour Board".into()),
                false
            )]
        );
        let t = "The port authority said it would reopen the yard on Monday.";
        assert_eq!(
            statements(t),
            [("it would reopen the yard on Monday".into(), None, false)]
        );
        let t = "Officials said the curfew would continue through the weekend.";
        assert_eq!(
            statements(t),
            [("the curfew would continue through the weekend".into(), None, false)]
        );
        // An object is no clause.
        assert_eq!(statements("The Harbour Board said it twice to the crews."), []);
    }

    #[test]
    fn a_headline_gives_its_source_before_a_colon() {
        let t = "Lind: Yard Will Close Before the Strike Ends.\n\nAda Lind said on Monday that the yard would close.";
        let s = statements(t);
        assert!(
            s.contains(&(
                "Yard Will Close Before the Strike Ends".into(),
                Some("Ada Lind".into()),
                false
            )),
            "{s:?}"
        );
        let t = "Poll: Most Dockers Back the Strike.\n\nA poll shows that most dockers back the strike.";
        let s = statements(t);
        assert!(
            s.contains(&("Most Dockers Back the Strike".into(), None, false)),
            "{s:?}"
        );
        // "Poll" is no document of a text that only speaks of "polling".
        let t = "Poll: Most Dockers Back the Strike.\n\nPolling stations opened on Monday for the dockers.";
        assert_eq!(statements(t), []);
        // A label that names nobody in the document is a heading.
        assert_eq!(
            statements("Analysis: The Yard and the Strike.\n\nThe yard is closed."),
            []
        );
    }

    #[test]
    fn demands_report_what_is_demanded() {
        let t = "Ada Lind called for a new vote on the harbour contract.";
        assert_eq!(
            statements(t),
            [(
                "a new vote on the harbour contract".into(),
                Some("Ada Lind".into()),
                false
            )]
        );
        let t = "Ada Lind urged the dockers to end the strike by Friday.";
        assert_eq!(
            statements(t),
            [(
                "the dockers to end the strike by Friday".into(),
                Some("Ada Lind".into()),
                false
            )]
        );
        // An object alone is no statement.
        assert_eq!(statements("Ada Lind told reporters at the harbour gate."), []);
    }

    #[test]
    fn titles_mottos_and_nicknames_are_no_remarks() {
        for t in [
            "Ada Lind appeared on \"Harbour Watch Tonight\" after the strike.",
            "The coins read \"In God We Trust\" on the back.",
            "Reyes called her \"Lazy Lind.\" for months.",
        ] {
            assert_eq!(statements(t).iter().filter(|s| s.2).count(), 0, "{t}");
        }
        // A capitalized remark with a sentence inside is one.
        let t = "\"We Will Win. We Will Win,\" Ada Lind said.";
        assert_eq!(speaker_of(t, "We Will"), Some("Ada Lind".into()));
    }

    #[test]
    fn a_pronoun_stands_for_the_nearest_person_of_its_gender() {
        let t = "Maria Lind said the cranes were idle. Carl Mott said the crews would strike. She said the yard would close on Friday.";
        assert_eq!(speaker_of(t, "the yard"), Some("Maria Lind".into()));
        let t = "Maria Lind said the cranes were idle. Carl Mott said the crews would strike. He said the yard would close on Friday.";
        assert_eq!(speaker_of(t, "the yard"), Some("Carl Mott".into()));
        // Nobody of that gender named: nobody.
        let t = "Carl Mott arrived at noon. She said the yard would close on Friday.";
        assert_eq!(speaker_of(t, "the yard"), None);
    }

    #[test]
    fn inverted_attribution() {
        let t = "\"We will not move,\" said union leader Ines Marlow.";
        assert_eq!(speaker_of(t, "We will"), Some("Ines Marlow".into()));
    }

    #[test]
    fn continuation_and_pronoun() {
        let t = "Mayor Elena Sorvik spoke first.\n\"It is not a defeat,\" Sorvik said after the vote. \"No city has done more.\"\nPort Director Tomas Brenn disagreed.\n\"We are losing ships,\" he said.";
        assert_eq!(speaker_of(t, "No city"), Some("Elena Sorvik".into()));
        assert_eq!(speaker_of(t, "We are losing"), Some("Tomas Brenn".into()));
    }

    #[test]
    fn pronoun_ignores_names_inside_quotes() {
        let t = "Port Director Tomas Brenn spoke.\n\"As Mayor Elena Sorvik has said: no more delays,\" he said.";
        assert_eq!(speaker_of(t, "As Mayor"), Some("Tomas Brenn".into()));
    }

    #[test]
    fn title_reference() {
        let t = "Port Authority Director Tomas Brenn arrived. Union leader Ines Marlow waited.\n\"Only talks can end this,\" the port director said Thursday.";
        assert_eq!(speaker_of(t, "Only talks"), Some("Tomas Brenn".into()));
    }

    #[test]
    fn partial_quote_inside_a_sentence() {
        let t = "Brenn said the strike was a \"reckless gamble\" by the union.";
        let s = statements(t);
        assert!(
            s.iter()
                .any(|s| s.0 == "reckless gamble" && s.1.as_deref() == Some("Brenn") && s.2)
        );
    }

    #[test]
    fn single_word_scare_quotes_are_not_statements() {
        assert!(
            statements("Brenn called the plan \"unrealistic.\"")
                .iter()
                .all(|s| !s.2)
        );
    }

    #[test]
    fn reported_speech() {
        let t = "Union leader Ines Marlow said on Tuesday that the dockworkers would stay out all week.";
        let s = statements(t);
        assert_eq!(
            s,
            [(
                "the dockworkers would stay out all week".into(),
                Some("Ines Marlow".into()),
                false
            )]
        );
    }

    #[test]
    fn a_quotation_that_ends_its_sentence_takes_no_attribution_after_it() {
        let t = "According to Mayor Elena Sorvik, the city \"will not take sides.\" Port Director Tomas Brenn said nothing.";
        assert_eq!(speaker_of(t, "will not take"), Some("Elena Sorvik".into()));
    }

    #[test]
    fn dismissed_as_is_reported_speech() {
        let t = "Port Director Tomas Brenn dismissed the union's safety demands as a pretext.";
        assert_eq!(
            statements(t),
            [(
                "the union's safety demands as a pretext".into(),
                Some("Tomas Brenn".into()),
                false
            )]
        );
        assert!(statements("Port Director Tomas Brenn was dismissed from his post.").is_empty());
    }

    #[test]
    fn according_to_and_passive_echo() {
        let t = "The plan was echoed by Mayor Elena Sorvik.\n\"We must act,\" she stated.\nAccording to Port Director Tomas Brenn, \"talks will resume soon.\"";
        assert_eq!(speaker_of(t, "We must"), Some("Elena Sorvik".into()));
        assert_eq!(speaker_of(t, "talks will"), Some("Tomas Brenn".into()));
    }

    #[test]
    fn quotations_over_several_paragraphs() {
        let t = "Union leader Ines Marlow spoke at the rally.\n\"We have waited for years\n\"and we will wait a little longer,\" she said.\nPort Director Tomas Brenn said: \"The cranes must be safe first\n\"and the union knows it.\"";
        assert_eq!(speaker_of(t, "We have waited"), Some("Ines Marlow".into()));
        assert_eq!(speaker_of(t, "and we will wait"), Some("Ines Marlow".into()));
        assert_eq!(speaker_of(t, "The cranes"), Some("Tomas Brenn".into()));
        assert_eq!(speaker_of(t, "and the union"), Some("Tomas Brenn".into()));
    }

    #[test]
    fn organizations_speak_but_are_not_he_or_she() {
        let t = "Port Director Tomas Brenn arrived.\n\"No talks today,\" the Kremlin said. \"We wait,\" he said.\nCNN reported that the port was closed.";
        assert_eq!(speaker_of(t, "No talks"), Some("Kremlin".into()));
        assert_eq!(speaker_of(t, "We wait"), Some("Tomas Brenn".into()));
        assert_eq!(speaker_of(t, "the port was closed"), Some("CNN".into()));
    }

    #[test]
    fn unknown_speaker_stays_unknown() {
        let t = "\"Nobody knows what happens next,\" a worker shouted.";
        assert_eq!(statements(t)[0].1, None);
    }
}
