//! Claims of one document: pure functions of its cleaned text, so documents
//! can be processed in parallel (or on other machines).

pub(crate) mod event;
pub(crate) mod figure;
pub(crate) mod mention;
pub(crate) mod person;
pub(crate) mod quote;
pub(crate) mod sentence;
pub(crate) mod subject;

use jiff::civil::Date;

use crate::claim::{Claim, ClaimValue, DateValue, Split, Statement, TimexType};
use crate::span::{Excerpt, Located, Span};
use crate::text::{Words, content_words};
use crate::timex;

use self::mention::{People, Person};

/// What one document yields.
#[derive(Debug, Clone, Default)]
pub(crate) struct Extraction {
    pub claims: Vec<Claim>,
    /// The words linking compares, one entry a claim (same order): kept
    /// apart from the claims, as they serve linking only.
    pub words: Vec<LinkWords>,
    /// People named in the document, for identity resolution across sources.
    pub people: Vec<Person>,
}

/// The words around a claim by which linking finds the same claim in
/// another source, each content word of three letters or more once, as
/// its 64-bit hash, sorted: what linking counts in common (two words of a
/// story share a hash with odds of about one in a hundred thousand
/// million), in a fraction of the memory of the words.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct LinkWords {
    /// Content words of the sentence around the claim: what links a
    /// figure or an event to the same one in another source (none for a
    /// statement: its quotation is compared).
    pub context: Vec<u64>,
    /// For a figure: content words of its own item of the sentence, between
    /// the commas and "and"s around it ("a $5,587.75 vacation at the
    /// Vineyard Retreat"): what it measures when a sentence lists several.
    pub measure: Vec<u64>,
}

/// Normalized content words (`text::content_words`: no stop words) as
/// `LinkWords` holds them.
fn link_set(words: Vec<String>) -> Vec<u64> {
    let mut set: Vec<u64> = words
        .iter()
        .filter(|w| w.len() > 2)
        .map(|w| crate::text::word_hash(w))
        .collect();
    set.sort_unstable();
    set.dedup();
    set
}

/// Maps a span of cleaned text to its place in the original file and the
/// original words.
/// A claim before it is numbered.
struct RawClaim {
    span: Span,
    value: ClaimValue,
    /// Content words around it, for linking (`LinkWords`).
    context: Vec<u64>,
    /// For a figure, the words of its item of the sentence.
    measure: Vec<u64>,
    /// The speaker's name as the text gives it.
    speaker: Option<String>,
    /// The date expression that dates a statement.
    dated_by: Option<Span>,
    /// A quotation split around its attribution: the whole, for its first
    /// part; nothing but the mark, for the later ones.
    split: Split,
}

impl RawClaim {
    fn new(span: Span, value: ClaimValue, context: Vec<u64>) -> RawClaim {
        RawClaim {
            span,
            value,
            context,
            measure: Vec::new(),
            speaker: None,
            dated_by: None,
            split: Split::Whole,
        }
    }
}

pub(crate) type Locate<'a> = &'a dyn Fn(Span) -> (Located, Excerpt);

/// Extracts the claims of one document. `published` anchors relative dates.
/// `linked`: whether the claims will be linked, and so need the words
/// around them (`Extraction::words`; empty lists otherwise).
pub(crate) fn extract(
    source: &str,
    text: &str,
    published: Option<Date>,
    locate: Locate<'_>,
    linked: bool,
) -> Extraction {
    let paras = sentence::paragraphs(text);
    let sentences: Vec<(Span, Vec<Span>)> = paras.iter().map(|p| (*p, sentence::sentences(text, *p))).collect();
    let quotes: Vec<quote::Quote> = paras.iter().flat_map(|p| quote::find_quotes(text, *p)).collect();
    let in_quote = |at: usize| quote::inside(&quotes, at);
    // The text's words, read once for its paragraphs and sentences.
    let all_words = Words::of(text);
    // Names and remarks, dates and figures are found apart from each other:
    // on two cores where there are (a long document gains the most).
    let ((people, statements), (dates, figures)) = rayon::join(
        || {
            let people = person::find_people(&all_words, &paras, &in_quote);
            let statements = quote::find_statements(&all_words, &sentences, &quotes, &people);
            (people, statements)
        },
        || rayon::join(|| timex::find_dates(text), || figure::find_figures(text)),
    );
    // A number inside a date ("Feb. 13 that") is not a figure.
    // Dates never overlap one another (the scan goes on after each), so
    // in start order their ends are in order too, and only the first date
    // ending after a figure starts can reach into it.
    let mut date_spans: Vec<Span> = dates.iter().map(|d| d.span).collect();
    date_spans.sort();
    let in_date = |f: Span| {
        let first = date_spans.partition_point(|d| d.end <= f.start);
        date_spans.get(first).is_some_and(|d| d.overlaps(&f))
    };
    let figures: Vec<_> = figures.into_iter().filter(|f| !in_date(f.span)).collect();

    let all_sentences: Vec<Span> = sentences.iter().flat_map(|(_, s)| s.iter().copied()).collect();
    let sentence_of = |at: usize| -> Span {
        let i = all_sentences.partition_point(|s| s.start <= at);
        match i.checked_sub(1).map(|i| all_sentences[i]) {
            Some(s) if at < s.end => s,
            _ => Span::new(at, at),
        }
    };

    let events = event::find_events(&all_words, &sentences, &in_quote, &people);

    let mut raw: Vec<RawClaim> = Vec::new();
    let mut words = SentenceWords::new(&all_words);
    for d in &dates {
        let value = timex::resolve(&d.expr, published);
        let context = if linked {
            link_set(event_context(&mut words, sentence_of(d.span.start), d.span))
        } else {
            Vec::new()
        };
        raw.push(RawClaim::new(d.span, ClaimValue::Date(value), context));
    }
    for f in figures {
        let mut claim = RawClaim::new(f.span, ClaimValue::Figure(f.figure), Vec::new());
        if linked {
            let sentence = sentence_of(f.span.start);
            claim.context = link_set(context(&mut words, sentence, f.span));
            claim.measure = link_set(item(&mut words, sentence, f.span));
        }
        raw.push(claim);
    }
    statement_claims(text, &statements, &dates, &people, published, &mut raw);
    let participants = event_participants(&events, &dates, &people, &in_quote, &mut raw);
    let (claims, words) = number_claims(source, raw, &participants, locate);
    Extraction {
        claims,
        words,
        people: people.persons,
    }
}

/// The claims of the statements: words, speaker and date. A statement's date
/// is the first day-naming expression in the region around its attribution;
/// a continued quotation shares its lead's date.
fn statement_claims(
    text: &str,
    statements: &quote::Statements,
    dates: &[timex::DateMention],
    people: &People,
    published: Option<Date>,
    raw: &mut Vec<RawClaim>,
) {
    let splits = split_quotations(text, &statements.statements);
    let mut stmt_dates: Vec<Option<(DateValue, Span)>> = Vec::with_capacity(statements.statements.len());
    for s in &statements.statements {
        let from = dates.partition_point(|d| d.span.start < s.time_region.start);
        let own = dates[from..]
            .iter()
            .take_while(|d| d.span.start < s.time_region.end)
            .find(|d| d.span.end <= s.time_region.end && d.expr.names_a_day())
            .map(|d| (timex::resolve(&d.expr, published), d.span));
        let inherited = s.continues.and_then(|p| stmt_dates.get(p).cloned().flatten());
        stmt_dates.push(own.or(inherited));
    }
    for ((s, when), split) in statements.statements.iter().zip(stmt_dates).zip(splits) {
        // Only a day or a time dates a remark (not a duration or a set).
        let (when, dated_by) = match when {
            Some((v, span)) if matches!(v.kind, TimexType::Date | TimexType::Time) => (Some(v.value), Some(span)),
            _ => (None, None),
        };
        let words = &text[s.span.start..s.span.end];
        let name = s.speaker.map(|p| people.persons[p].full_name());
        let st = Statement {
            // The canonical name, once the story's names are known.
            speaker: None,
            // Reported speech may hold a partial quotation: its marks are not words.
            quote: words
                .split_whitespace()
                .map(|w| if s.direct { w.to_string() } else { w.replace('"', "") })
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" "),
            direct: s.direct,
            date: when,
        };
        raw.push(RawClaim {
            span: s.span,
            value: ClaimValue::Statement(Box::new(st)),
            // Linking reads a statement's own words (its whole remark).
            context: Vec::new(),
            measure: Vec::new(),
            speaker: name,
            dated_by,
            split,
        });
    }
}

/// Quotations split around their attribution ("In the House, what have you
/// been doing?" Obama continued. "You've been debating a coin.") are one
/// remark: the first part carries the whole, its parts joined by an
/// ellipsis (as an editor marks words left out), the later parts the mark.
fn split_quotations(text: &str, statements: &[quote::StatementMention]) -> Vec<Split> {
    let mut out = vec![Split::Whole; statements.len()];
    let mut parts: Vec<Vec<usize>> = vec![Vec::new(); statements.len()];
    for (i, s) in statements.iter().enumerate() {
        // Parts point at the part before them; the chain ends at the first.
        let mut first = s.continues;
        let mut steps = 0;
        while let Some(p) = first.and_then(|p| statements.get(p)?.continues) {
            first = Some(p);
            steps += 1;
            if steps > statements.len() {
                break;
            }
        }
        if let Some(f) = first.filter(|&f| f != i) {
            parts[f].push(i);
            out[i] = Split::Later;
        }
    }
    for (f, later) in parts.iter_mut().enumerate() {
        if later.is_empty() {
            continue;
        }
        later.sort_by_key(|&i| statements[i].span);
        let words = |i: usize| {
            let sp = statements[i].span;
            text[sp.start..sp.end].split_whitespace().collect::<Vec<_>>().join(" ")
        };
        let whole = std::iter::once(words(f))
            .chain(later.iter().map(|&i| words(i)))
            .collect::<Vec<_>>()
            .join(" … ");
        out[f] = Split::First(whole.into_boxed_str());
    }
    out
}

/// Events: their date claim (in the sentence, outside quotations), or the
/// date of the statement they are anchored to, with the people taking part.
fn event_participants(
    events: &[event::EventMention],
    dates: &[timex::DateMention],
    people: &People,
    in_quote: &dyn Fn(usize) -> bool,
    raw: &mut Vec<RawClaim>,
) -> Vec<(Span, Vec<String>)> {
    let mut participants: Vec<(Span, Vec<String>)> = Vec::new();
    for e in events {
        let names: Vec<String> = e.participants.iter().map(|p| people.persons[*p].full_name()).collect();
        let own = dates.iter().find(|d| {
            e.sentence.start <= d.span.start
                && d.span.end <= e.sentence.end
                && !in_quote(d.span.start)
                && d.expr.names_a_day()
        });
        if let Some(d) = own {
            participants.push((d.span, names));
            continue;
        }
        let Some((anchor, who)) = e.anchor else { continue };
        let said = raw
            .iter()
            .filter(|c| c.span.start < anchor.start)
            .filter_map(|c| match &c.value {
                ClaimValue::Statement(st) if c.speaker.as_deref() == Some(people.persons[who].full_name().as_str()) => {
                    st.date.clone()
                }
                _ => None,
            })
            .next_back();
        if let Some(day) = said {
            let value = DateValue {
                value: day,
                kind: TimexType::Date,
                resolved: true,
            };
            raw.push(RawClaim::new(anchor, ClaimValue::Date(value), Vec::new()));
            participants.push((anchor, names));
        }
    }
    participants
}

/// Numbers the claims in text order and points each at its original bytes.
fn number_claims(
    source: &str,
    mut raw: Vec<RawClaim>,
    participants: &[(Span, Vec<String>)],
    locate: Locate<'_>,
) -> (Vec<Claim>, Vec<LinkWords>) {
    raw.sort_by(|a, b| a.span.cmp(&b.span).then(kind_rank(&a.value).cmp(&kind_rank(&b.value))));
    let source: std::sync::Arc<str> = source.into();
    raw.into_iter()
        .enumerate()
        .map(|(n, c)| {
            let RawClaim {
                span,
                value,
                context,
                measure,
                speaker: speaker_mention,
                dated_by,
                split,
            } = c;
            let (located, original) = locate(span);
            let taking_part = match value {
                ClaimValue::Date(_) => participants
                    .iter()
                    .find(|(s, _)| *s == span)
                    .map(|(_, n)| n.clone())
                    .unwrap_or_default(),
                _ => Vec::new(),
            };
            let claim = Claim {
                number: u32::try_from(n + 1).unwrap_or(u32::MAX),
                source: source.clone(),
                text: original,
                span: located,
                value,
                participants: taking_part.into_boxed_slice(),
                clean_span: span,
                speaker_mention: speaker_mention.map(String::into_boxed_str),
                dated_by,
                split,
            };
            (claim, LinkWords { context, measure })
        })
        .unzip()
}

fn kind_rank(v: &ClaimValue) -> u8 {
    match v {
        ClaimValue::Statement(_) => 0,
        ClaimValue::Date(_) => 1,
        ClaimValue::Figure(_) => 2,
    }
}

/// Content words of the sentence, the claim's own words left out.
/// Bytes around a claim its context words come from, at most: a sentence
/// of a normal article is shorter, and a "sentence" of a megabyte (a page
/// without stops) must not give every claim all of its words.
const CONTEXT_REACH: usize = 400;

/// The part of `sentence` within `CONTEXT_REACH` of `claim`, on char
/// boundaries.
fn near(text: &str, sentence: Span, claim: Span) -> Span {
    let mut start = sentence.start.max(claim.start.saturating_sub(CONTEXT_REACH));
    while start > sentence.start && !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = sentence
        .end
        .min(claim.end.saturating_add(CONTEXT_REACH))
        .min(text.len());
    while end < sentence.end && !text.is_char_boundary(end) {
        end += 1;
    }
    Span::new(start, end.max(start))
}

/// The words of the sentences claims stand in, each sentence read once:
/// a sentence dense with claims gives each of them its words around.
struct SentenceWords<'t> {
    words: &'t Words<'t>,
    /// The sentence last read: its tokens' spans and normalized words
    /// (claims come in text order, so the claims of one sentence follow
    /// each other).
    read: Option<(Span, Vec<(Span, String)>)>,
}

impl<'t> SentenceWords<'t> {
    fn new(words: &'t Words<'t>) -> SentenceWords<'t> {
        SentenceWords { words, read: None }
    }

    fn text(&self) -> &'t str {
        self.words.text()
    }

    /// `content_words(text, range)` for a range of `sentence`: the
    /// sentence's words inside it, and the part inside of a word it cuts.
    fn content_words(&mut self, sentence: Span, range: Span) -> Vec<String> {
        let text = self.text();
        if range.start < sentence.start || range.end > sentence.end {
            return content_words(text, range);
        }
        if self.read.as_ref().is_none_or(|(s, _)| *s != sentence) {
            let words = self
                .words
                .within(sentence)
                .iter()
                .map(|t| (t.span, crate::text::norm_word(t.text)))
                .collect();
            self.read = Some((sentence, words));
        }
        let Some((_, words)) = &self.read else {
            return content_words(text, range);
        };
        let first = words.partition_point(|(s, _)| s.end <= range.start);
        let mut out = Vec::new();
        for (s, w) in words[first..].iter().take_while(|(s, _)| s.start < range.end) {
            if range.start <= s.start && s.end <= range.end {
                if crate::text::is_content_word(w) {
                    out.push(w.clone());
                }
            } else {
                let cut = Span::new(s.start.max(range.start), s.end.min(range.end));
                out.extend(content_words(text, cut));
            }
        }
        out
    }
}

fn context(words: &mut SentenceWords<'_>, sentence: Span, claim: Span) -> Vec<String> {
    let near = near(words.text(), sentence, claim);
    let mut out = words.content_words(sentence, Span::new(near.start, claim.start.max(near.start)));
    out.extend(words.content_words(sentence, Span::new(claim.end.min(near.end), near.end.max(claim.end))));
    out
}

/// Content words of a figure's item of its sentence: from the comma,
/// semicolon, colon or "and" before it to the one after it.
fn item(words: &mut SentenceWords<'_>, whole: Span, claim: Span) -> Vec<String> {
    let text = words.text();
    let sentence = near(text, whole, claim);
    let before = &text[sentence.start..claim.start.max(sentence.start)];
    let after = &text[claim.end.min(sentence.end)..sentence.end.max(claim.end)];
    let cut = |s: &str| -> usize {
        [",", ";", ":", " and ", " or ", "("]
            .iter()
            .filter_map(|p| s.rfind(p).map(|i| i + p.len()))
            .max()
            .unwrap_or(0)
    };
    let from = cut(before);
    let to = [",", ";", ":", " and ", " or ", ")", ". "]
        .iter()
        .filter_map(|p| after.find(p))
        .min()
        .unwrap_or(after.len());
    let start = sentence.start + from;
    let end = claim.end.min(sentence.end) + to;
    let mut out = words.content_words(whole, Span::new(start, claim.start.max(start)));
    out.extend(words.content_words(whole, Span::new(claim.end.min(end), end.max(claim.end))));
    out
}

/// Words of the clause around a date: what tells which event it dates. A
/// sentence that quotes someone dates a remark, not an event: no words.
fn event_context(words: &mut SentenceWords<'_>, whole: Span, claim: Span) -> Vec<String> {
    let text = words.text();
    let sentence = near(text, whole, claim);
    const WINDOW: usize = 8;
    if text[sentence.start..sentence.end].contains('"') {
        return Vec::new();
    }
    let before = words.content_words(whole, Span::new(sentence.start, claim.start.max(sentence.start)));
    let after = words.content_words(
        whole,
        Span::new(claim.end.min(sentence.end), sentence.end.max(claim.end)),
    );
    let mut words: Vec<String> = before[before.len().saturating_sub(WINDOW)..].to_vec();
    words.extend(after.into_iter().take(WINDOW));
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sentence's words read once give every range of it the words that
    /// reading the range alone gives, where a range cuts a word too.
    #[test]
    fn a_sentence_read_once_gives_each_range_its_own_words() {
        let text = "On Feb. 12 the U.S. paid $3,400.50 to pre-2014 dockers, Kolář's crew & co-workers said.";
        let sentence = Span::new(0, text.len());
        let all = Words::of(text);
        let mut words = SentenceWords::new(&all);
        let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        for &start in &bounds {
            for &end in bounds.iter().filter(|&&e| e >= start) {
                let range = Span::new(start, end);
                assert_eq!(
                    words.content_words(sentence, range),
                    content_words(text, range),
                    "{:?}",
                    &text[start..end]
                );
            }
        }
    }

    #[test]
    fn context_words_stay_near_their_claim_in_a_sentence_without_end() {
        // One "sentence" of 2,000 bytes: the figure's words come from its
        // neighbourhood, not from the far end.
        let text = format!(
            "the union paid $4.2 million to dockers {} harbourmaster",
            "and cranes ".repeat(180)
        );
        let sentence = Span::new(0, text.len());
        let at = text.find("$4.2").expect("figure");
        let claim = Span::new(at, at + "$4.2 million".len());
        let words = context(&mut SentenceWords::new(&Words::of(&text)), sentence, claim);
        assert!(words.iter().any(|w| w == "dockers"), "{words:?}");
        assert!(!words.iter().any(|w| w == "harbourmaster"), "{words:?}");
        // Char boundaries hold on either side.
        let wide = format!("{}é $5 é{}", "é".repeat(300), "é".repeat(300));
        let at = wide.find("$5").expect("figure");
        let span = near(&wide, Span::new(0, wide.len()), Span::new(at, at + 2));
        assert!(wide.is_char_boundary(span.start) && wide.is_char_boundary(span.end));
    }
}
