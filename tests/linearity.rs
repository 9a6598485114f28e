//! Extraction is linear in its input: on inputs of the shapes that have
//! made text tools quadratic (one long paragraph, many paragraphs, a line
//! without spaces that is all figures, quotation marks that never close,
//! deeply nested markup), the work `extract` does on 2n copies of a piece
//! is at most 2.5 times the work on n copies.
//!
//! Work is counted, not timed: the instructions the process executes, as
//! valgrind's callgrind counts them (the same count on every run, whatever
//! else the machine does), less those of a run on an empty file (start-up
//! and word lists).

use std::process::Command;

/// Copies of the piece in the smaller input; the larger has twice as many.
/// Large enough that a quadratic part would show (tens of kilobytes), small
/// enough for a run under callgrind to take seconds.
const COPIES: usize = 64;

/// Instructions executed by `claimcheck extract` on a file holding `text`.
fn instructions(name: &str, text: &str) -> u64 {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    let out = Command::new("valgrind")
        .args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
        .arg(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["extract", "--format", "json"])
        .arg(&path)
        .output()
        .expect("valgrind runs (apt-get install valgrind)");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "extract under valgrind failed: {err}");
    err.lines()
        .find_map(|l| l.split("Collected : ").nth(1))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no instruction count in valgrind's output: {err}"))
}

/// Asserts that `make(2n)` costs at most 2.5 times `make(n)`, beyond an
/// empty file's cost.
fn assert_linear(name: &str, make: impl Fn(usize) -> String) {
    let empty = instructions(name, "");
    let small = instructions(name, &make(COPIES)) - empty;
    let large = instructions(name, &make(2 * COPIES)) - empty;
    let ratio = large as f64 / small as f64;
    eprintln!("{name}: {small} then {large} instructions, {ratio:.2}x");
    assert!(ratio <= 2.5, "{name}: twice the input cost {ratio:.2} times the work");
}

const PARAGRAPH: &str = "Union leader Ines Marlow said on Tuesday, March 4, that about 3,400 \
    dockworkers would stay out. \"We will not unload a single ship until the contract is \
    signed,\" Marlow told reporters. The strike has cost $4.2 billion, or 30% of the port's \
    trade, since Feb. 28, Mayor Elena Sorvik said last week.";

#[test]
fn one_long_paragraph() {
    assert_linear("paragraph.txt", |n| vec![PARAGRAPH; n].join(" "));
}

#[test]
fn many_paragraphs() {
    assert_linear("paragraphs.txt", |n| vec![PARAGRAPH; n].join("\n\n"));
}

#[test]
fn a_line_of_figures_without_spaces() {
    assert_linear("line.txt", |n| "a1$2%b3,4.5c".repeat(n * 24));
}

#[test]
fn quotation_marks_that_never_close() {
    assert_linear("quotes.txt", |n| "\"Marlow said \"the port ".repeat(n * 12));
}

#[test]
fn deeply_nested_markup() {
    assert_linear("nested.html", |n| {
        let open = "<div><p>Marlow said on Monday that 30% stayed out. ".repeat(n * 4);
        let close = "</p></div>".repeat(n * 4);
        format!("<html><body>{open}{close}</body></html>")
    });
}
