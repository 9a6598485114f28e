//! What every command shares: reading the inputs, the progress bar and
//! the exit statuses.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::error::Result;
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
