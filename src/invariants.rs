//! Each stage run on arbitrary input with what must hold of its output
//! checked: the entry points of the fuzz targets (`fuzz/`) and of the
//! property tests. A broken invariant panics, naming it; a stage that
//! panics by itself is found the same way.

use jiff::civil::date;

use crate::analysis::Analysis;
use crate::extract::{figure, person, quote, sentence};
use crate::source::{Format, Source};
use crate::span::Span;
use crate::timex;

/// A span of `text` that lies on its character boundaries, in order.
fn assert_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end),
        "{what} span {span:?} is not a slice of the text ({} bytes)",
        text.len()
    );
}

/// Text of arbitrary bytes as the extractors see it (cleaned text is UTF-8).
fn as_text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(bytes)
}

/// The date grammar: every expression a slice of the text, resolved
/// against a publication date and without one.
pub fn dates(bytes: &[u8]) {
    let text = as_text(bytes);
    let mut last = 0;
    for d in timex::find_dates(&text) {
        assert_span(&text, d.span, "date");
        assert!(d.span.start >= last, "dates overlap at {:?}", d.span);
        last = d.span.end;
        timex::resolve(&d.expr, Some(date(2025, 3, 5)));
        timex::resolve(&d.expr, None);
    }
}

/// The figure grammar (money, percentages, counts): every figure a slice of
/// the text with a finite amount.
pub fn figures(bytes: &[u8]) {
    let text = as_text(bytes);
    for f in figure::find_figures(&text) {
        assert_span(&text, f.span, "figure");
        for a in [f.figure.amount, f.figure.to].into_iter().flatten() {
            assert!(a.0.is_finite(), "figure amount {} at {:?}", a.0, f.span);
        }
    }
}

/// The name grammar: every mention of a person a slice of the text.
pub fn people(bytes: &[u8]) {
    let text = as_text(bytes);
    let paras = sentence::paragraphs(&text);
    let people = person::find_people(&crate::text::Words::of(&text), &paras, &|_| false);
    for m in &people.mentions {
        assert_span(&text, m.span, "mention");
    }
}

/// Quotations and statements: every quotation and statement a slice of
/// its paragraph, every speaker one of the people found.
pub fn statements(bytes: &[u8]) {
    let text = as_text(bytes);
    let paras = sentence::paragraphs(&text);
    let sentences: Vec<(Span, Vec<Span>)> = paras.iter().map(|p| (*p, sentence::sentences(&text, *p))).collect();
    for (p, ss) in &sentences {
        for s in ss {
            assert_span(&text, *s, "sentence");
            assert!(
                p.start <= s.start && s.end <= p.end,
                "sentence {s:?} outside its paragraph {p:?}"
            );
        }
    }
    let quotes: Vec<quote::Quote> = paras.iter().flat_map(|p| quote::find_quotes(&text, *p)).collect();
    for q in &quotes {
        assert_span(&text, q.inner, "quotation");
        assert_span(&text, q.outer, "quotation");
    }
    let in_quote = |at: usize| quote::inside(&quotes, at);
    let words = crate::text::Words::of(&text);
    let people = person::find_people(&words, &paras, &in_quote);
    let found = quote::find_statements(&words, &sentences, &quotes, &people);
    for s in &found.statements {
        assert_span(&text, s.span, "statement");
        assert!(
            s.speaker.is_none_or(|k| k < people.persons.len()),
            "statement at {:?} names a speaker that is not one of the people",
            s.span
        );
    }
}

/// Reading a file of `format`: the cleaned text maps back into the
/// original bytes, and reads again as itself.
pub fn read(bytes: &[u8], format: Format) {
    let source = Source::parse("x", "x", bytes.to_vec(), format, None);
    let text = &source.clean.text;
    for (at, ch) in text.char_indices() {
        let o = source.clean.original(Span::new(at, at + ch.len_utf8()));
        assert!(
            o.start <= o.end && o.end <= bytes.len(),
            "cleaned character {at} maps to {o:?}"
        );
    }
    let again = Source::parse("x", "x", text.clone().into_bytes(), Format::Text, None);
    assert!(again.clean.text == *text, "cleaning the cleaned text changed it");
}

/// The whole of `extract` on one file: every claim's span lies on
/// character boundaries inside the original, its words those bytes.
pub fn extract(bytes: &[u8], format: Format) {
    let source = Source::parse("x", "x", bytes.to_vec(), format, None);
    let analysis = Analysis::extract_only(vec![source]);
    let original = std::str::from_utf8(bytes).ok();
    for c in &analysis.claims {
        let span = Span::new(c.span.start, c.span.end);
        assert!(span.start <= span.end && span.end <= bytes.len(), "claim span {span:?}");
        if let Some(text) = original {
            assert_span(text, span, "claim");
            assert!(
                text[span.start..span.end] == *c.text,
                "claim {} is not the words at its span",
                c.id()
            );
        }
    }
}
