//! The contract's "Bad input" for inputs of tens of megabytes: an article of
//! one 20 MB paragraph and one of a 20 MB line without spaces are read to
//! the end, give a whole report whose claims point at their bytes, and
//! keep the process's memory in proportion to the input.
//!
//! Memory is the child's peak resident set (`wait4`), bounded by
//! `MEMORY_PER_BYTE` times the input plus `MEMORY_BASE`: above what these
//! runs take (about 30 and 15 bytes a byte of input) and below what
//! holding more copies of each character, or anything quadratic, would.
//! (Memory grows with the claims too: text that is nothing but figures
//! takes more, in proportion to its report.)

use std::io::Read;
use std::process::{Command, Stdio};

use serde::Deserialize;

const MEMORY_PER_BYTE: u64 = 40;
const MEMORY_BASE: u64 = 100 << 20;

struct Outcome {
    stderr: String,
    code: i32,
    peak_bytes: u64,
}

/// Runs the binary, its stdout discarded; the exit code and the peak
/// resident memory of the process.
fn run_measured(args: &[&str]) -> Outcome {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .env("RUST_BACKTRACE", "0")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("stderr");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: `rusage` is plain data, zeroed is a valid value; `wait4` is
    // given valid pointers and the pid of our own child, which nothing
    // else waits for.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid, "wait4 failed");
    std::mem::forget(child);
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -libc::WTERMSIG(status)
    };
    Outcome {
        stderr,
        code,
        peak_bytes: usage.ru_maxrss as u64 * 1024,
    }
}

#[derive(Deserialize)]
struct Report {
    claims: Vec<ReportClaim>,
}

#[derive(Deserialize)]
struct ReportClaim {
    text: String,
    span: ReportSpan,
}

#[derive(Deserialize)]
struct ReportSpan {
    start: usize,
    end: usize,
}

/// Checks `path` (`bytes` its content) with the report written to a file:
/// exit 0 or 1, a whole report, every claim at its bytes, memory in
/// proportion. Returns the number of claims.
fn check_reads_it_all(bytes: &[u8], path: &std::path::Path) -> usize {
    let report = path.with_extension("json");
    let out = run_measured(&[
        "check",
        "--format",
        "json",
        "--output",
        report.to_str().unwrap(),
        path.to_str().unwrap(),
    ]);
    assert!(out.code == 0 || out.code == 1, "exit {}: {}", out.code, out.stderr);
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    let bound = MEMORY_PER_BYTE * bytes.len() as u64 + MEMORY_BASE;
    eprintln!("{}: peak {} MB", path.display(), out.peak_bytes >> 20);
    assert!(
        out.peak_bytes <= bound,
        "peak memory {} MB for {} MB of input (bound {} MB)",
        out.peak_bytes >> 20,
        bytes.len() >> 20,
        bound >> 20
    );
    let file = std::fs::File::open(&report).expect("report written");
    let report: Report = serde_json::from_reader(std::io::BufReader::new(file)).expect("a whole JSON report");
    for c in &report.claims {
        assert_eq!(
            bytes.get(c.span.start..c.span.end),
            Some(c.text.as_bytes()),
            "claim at {}..{}",
            c.span.start,
            c.span.end
        );
    }
    report.claims.len()
}

const MB20: usize = 20 << 20;

#[test]
fn an_article_of_one_20_mb_paragraph_is_read_to_its_end() {
    // Sentences of every kind of claim, one paragraph: no line break at all.
    let sentences = [
        "The harbour reopened on Tuesday, March 4, after a strike of eleven days.",
        "\"We will not unload a single ship until the contract is signed,\" Ines Marlow said on Monday.",
        "Losses reached $4.2 billion, about 30% of the port's trade in 2024.",
        "Port director Tomas Brenn said the cranes would be inspected by the end of the month.",
        "Some 3,400 dockworkers walked out, and 120 ships waited at anchor for two weeks.",
    ];
    let mut text = String::with_capacity(MB20 + 200);
    let mut k = 0;
    while text.len() < MB20 {
        text.push_str(sentences[k % sentences.len()]);
        text.push(' ');
        k += 1;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("paragraph.txt");
    std::fs::write(&path, &text).unwrap();
    let claims = check_reads_it_all(text.as_bytes(), &path);
    // Every sentence gives a claim at least: the end of the text was read.
    assert!(claims >= k, "{claims} claims from {k} sentences");
}

#[test]
fn an_article_of_one_20_mb_line_without_spaces_is_read_to_its_end() {
    // What a page carries inline (base64 of an image, minified code):
    // letters, digits, `+` and `/`, from a fixed pseudo-random sequence.
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut state: u64 = 7;
    let text: Vec<u8> = (0..MB20)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ALPHABET[(state >> 58) as usize]
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("line.txt");
    std::fs::write(&path, &text).unwrap();
    check_reads_it_all(&text, &path);
}
