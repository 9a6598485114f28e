//! No input makes the library panic: arbitrary bytes, every prefix of a real
//! article, markup cut anywhere.

use claimcheck::analysis::Analysis;
use claimcheck::source::{Format, Source};

/// A small deterministic generator, so failures reproduce.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

fn run_all(bytes: &[u8]) {
    for format in [Format::Text, Format::Markdown, Format::Html] {
        let s = Source::parse("x", "x", bytes.to_vec(), format, None);
        let a = Analysis::run(vec![s]);
        for c in &a.claims {
            assert!(c.span.start <= c.span.end && c.span.end <= bytes.len());
        }
    }
}

#[test]
fn random_bytes_and_fragments() {
    let alphabet: Vec<&str> = vec![
        "\"",
        "“",
        "”",
        "'",
        "’",
        "$",
        "\\",
        "€",
        "5",
        "30",
        "%",
        ",",
        ".",
        " ",
        "\n",
        "\n\n",
        "said",
        "Hegseth",
        "President",
        "Feb.",
        "13",
        "2025",
        "Wednesday",
        "(",
        ")",
        "<p>",
        "</p>",
        "<",
        ">",
        "&amp;",
        "&",
        "---",
        "#",
        "*",
        "[",
        "](",
        "é",
        "ö",
        "\u{FFFD}",
        "billion",
        "he",
        "the",
        "-",
        "—",
        "\r\n",
        "US$",
        "bn",
        "\0",
    ];
    let mut rng = Lcg(42);
    for _ in 0..400 {
        let n = (rng.next() % 60) as usize;
        let s: String = (0..n)
            .map(|_| alphabet[(rng.next() as usize) % alphabet.len()])
            .collect();
        run_all(s.as_bytes());
        let raw: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
        run_all(&raw);
    }
}

#[test]
fn every_prefix_of_an_example() {
    let text = std::fs::read("examples/harbour-strike/baltic-wire.html").unwrap();
    for end in (0..text.len()).step_by(7) {
        run_all(&text[..end]);
    }
}
