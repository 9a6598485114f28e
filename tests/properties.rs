//! Properties of reading and extraction on arbitrary input: arbitrary
//! bytes and token soup shaped like the grammars' input (dates, money,
//! quotations, names, markup), checked by proptest.

use claimcheck::analysis::Analysis;
use claimcheck::invariants;
use claimcheck::source::{Format, Source};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::RngSeed;

/// Words and marks the grammars and the reader look at, among others.
const TOKENS: &[&str] = &[
    "March",
    "5,",
    "2025",
    "Tuesday",
    "last",
    "week",
    "the",
    "day",
    "before",
    "at",
    "10",
    "a.m.",
    "$300",
    "billion",
    "30%",
    "percent",
    "about",
    "\"",
    "“",
    "”",
    "'",
    "said",
    "told",
    "Mayor",
    "Elena",
    "Sörvik",
    "Tomas",
    "Brenn",
    ".",
    ",",
    ":",
    "—",
    "-",
    "\n",
    "\n\n",
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "&amp;",
    "&quot;",
    "<script>",
    "€5",
    "ř",
    "Q3",
    "1990s",
    "mid-April",
    "2014-2018",
    "every",
    "Monday",
    "noon",
    "yesterday",
    "#",
    "*",
    "[",
    "](",
    ")",
    "\\$",
    "U.S.",
    "Jr.",
    "Dr.",
    "(",
    "12/03/2025",
    "\r\n",
    "\u{a0}",
    "\u{ad}",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(TOKENS), prop::bool::weighted(0.7)), 0..120).prop_map(|parts| {
        let mut s = String::new();
        for (t, space) in parts {
            s.push_str(t);
            if space {
                s.push(' ');
            }
        }
        s
    })
}

fn format() -> impl Strategy<Value = Format> {
    prop::sample::select(vec![Format::Text, Format::Markdown, Format::Html])
}

proptest! {
    // A fixed seed: the same cases on every run, so a failure reproduces
    // and CI does not change its verdict by chance.
    #![proptest_config(ProptestConfig {
        cases: 256,
        rng_seed: RngSeed::Fixed(7),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    // Each check of `invariants` panics where what must hold of a stage's
    // output does not (a span off the text's character boundaries, a
    // claim whose words are not its bytes, an amount that is not finite,
    // cleaned text that cleans differently): proptest reports the panic
    // and shrinks the input that caused it.

    #[test]
    fn dates_on_arbitrary_bytes_and_soup(bytes in prop::collection::vec(any::<u8>(), 0..400), text in soup()) {
        invariants::dates(&bytes);
        invariants::dates(text.as_bytes());
    }

    #[test]
    fn figures_on_arbitrary_bytes_and_soup(bytes in prop::collection::vec(any::<u8>(), 0..400), text in soup()) {
        invariants::figures(&bytes);
        invariants::figures(text.as_bytes());
    }

    #[test]
    fn people_on_arbitrary_bytes_and_soup(bytes in prop::collection::vec(any::<u8>(), 0..400), text in soup()) {
        invariants::people(&bytes);
        invariants::people(text.as_bytes());
    }

    #[test]
    fn statements_on_arbitrary_bytes_and_soup(bytes in prop::collection::vec(any::<u8>(), 0..400), text in soup()) {
        invariants::statements(&bytes);
        invariants::statements(text.as_bytes());
    }

    #[test]
    fn reading_arbitrary_bytes_maps_back_and_is_idempotent(bytes in prop::collection::vec(any::<u8>(), 0..600), format in format()) {
        invariants::read(&bytes, format);
    }

    #[test]
    fn reading_token_soup_maps_back_and_is_idempotent(text in soup(), format in format()) {
        invariants::read(text.as_bytes(), format);
    }

    #[test]
    fn extracting_arbitrary_bytes_gives_claims_at_their_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600), format in format()) {
        invariants::extract(&bytes, format);
    }

    #[test]
    fn extracting_token_soup_gives_claims_at_their_bytes(text in soup(), format in format()) {
        invariants::extract(text.as_bytes(), format);
    }
}

/// The soup reaches the grammars: most soups give claims, so the
/// properties above are not checked on empty output alone.
#[test]
fn token_soup_gives_claims() {
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        rng_seed: RngSeed::Fixed(7),
        ..ProptestConfig::default()
    });
    let (mut soups, mut with_claims) = (0, 0);
    for _ in 0..64 {
        let text = soup().new_tree(&mut runner).unwrap().current();
        let source = Source::parse("x", "x", text.into_bytes(), Format::Text, None);
        soups += 1;
        if !Analysis::extract_only(vec![source]).claims.is_empty() {
            with_claims += 1;
        }
    }
    assert!(
        with_claims * 4 >= soups * 3,
        "{with_claims} of {soups} soups gave claims"
    );
}
