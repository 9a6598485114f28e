//! What every command shares: reading the inputs, the progress bar and
//! the exit statuses.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::error::{Error, Result};
use crate::source::{self, Source};

/// Exit statuses (docs/report-format.md).
pub const EXIT_OK: i32 = 0;
pub const EXIT_FINDINGS: i32 = 1;
pub const EXIT_ERROR: i32 = 2;

/// Reads the inputs and prints read problems and notes to `err`. Returns the
/// sources and whether a named file failed.
pub(super) fn read(
    paths: &[PathBuf],
    manifest: Option<&Path>,
    configured: &std::collections::BTreeMap<String, source::ManifestEntry>,
    max_article_bytes: u64,
    err: &mut dyn Write,
) -> Result<(Vec<Source>, bool)> {
    let inputs = source::read_inputs(paths, manifest, configured, max_article_bytes)?;
    for n in &inputs.notes {
        let _ = writeln!(err, "note: {n}");
    }
    for e in &inputs.errors {
        let _ = writeln!(err, "error: {e}");
    }
    for s in &inputs.sources {
        for n in &s.notes {
            let _ = writeln!(err, "note: {n}");
        }
    }
    Ok((inputs.sources, !inputs.errors.is_empty()))
}

/// A spinner on standard error while many articles are read, only on a
/// terminal (never in pipes or CI logs).
/// Articles extracted so far, on a terminal only (never in a pipe or a CI
/// log) and for long runs only; the bar ticks on while the stages after
/// extraction run.
pub(super) fn progress(files: usize) -> indicatif::ProgressBar {
    let interactive = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
    if !interactive || files < 50 {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(files as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{spinner} {pos}/{len} articles extracted {wide_bar} {elapsed}")
    {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(100));
    bar
}

/// Lines of a JSONL batch read at once: enough to keep every core busy.
const JSONL_BATCH_LINES: usize = 1024;
const JSONL_BATCH_BYTES: usize = 64 << 20;

/// A line of a JSONL batch: its number (1-based) and bytes, or its number
/// alone where it was too long to read.
pub(super) enum BatchLine {
    Doc(usize, Vec<u8>),
    TooLarge(usize),
}

/// The next lines of `reader` (blank lines left out), up to a batch; empty
/// at the end. A line longer than `limit` bytes is read past, not kept.
/// `line_number` counts the lines read so far.
fn read_batch(
    reader: &mut dyn std::io::BufRead,
    limit: u64,
    line_number: &mut usize,
) -> std::io::Result<Vec<BatchLine>> {
    use std::io::{BufRead, Read};
    let mut batch = Vec::new();
    let mut bytes = 0;
    while batch.len() < JSONL_BATCH_LINES && bytes < JSONL_BATCH_BYTES {
        let mut line = Vec::new();
        let n = Read::take(&mut *reader, limit.saturating_add(1)).read_until(b'\n', &mut line)?;
        if n == 0 {
            break;
        }
        *line_number += 1;
        if line.len() as u64 > limit && line.last() != Some(&b'\n') {
            // The rest of the line, a buffer at a time.
            loop {
                let buf = reader.fill_buf()?;
                if buf.is_empty() {
                    break;
                }
                match buf.iter().position(|&b| b == b'\n') {
                    Some(k) => {
                        reader.consume(k + 1);
                        break;
                    }
                    None => {
                        let len = buf.len();
                        reader.consume(len);
                    }
                }
            }
            batch.push(BatchLine::TooLarge(*line_number));
            continue;
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        bytes += line.len();
        batch.push(BatchLine::Doc(*line_number, line));
    }
    Ok(batch)
}

/// Runs `f` over the lines of each input (a file or `-`), a batch at a
/// time, with the input's path.
pub(super) fn each_batch(
    inputs: &[PathBuf],
    limit: u64,
    mut f: impl FnMut(&Path, Vec<BatchLine>) -> Result<()>,
) -> Result<()> {
    for p in inputs {
        let io = |e| Error::Io {
            path: p.clone(),
            source: e,
        };
        let mut reader: Box<dyn std::io::BufRead> = if p.as_os_str() == "-" {
            Box::new(std::io::stdin().lock())
        } else {
            Box::new(std::io::BufReader::new(std::fs::File::open(p).map_err(io)?))
        };
        let mut line_number = 0;
        loop {
            let batch = read_batch(&mut reader, limit, &mut line_number).map_err(io)?;
            if batch.is_empty() {
                break;
            }
            f(p, batch)?;
        }
    }
    Ok(())
}
