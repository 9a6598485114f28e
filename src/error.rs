//! Library errors. The binary maps each to an exit status (docs/report-format.md).

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: not an article: {reason}", path.display())]
    NotArticle { path: PathBuf, reason: String },
    /// A file above the largest size read of its kind; `bytes` unknown for
    /// standard input, read only up to the limit.
    #[error(
        "{}: {}; raise the limit with {}",
        path.display(),
        too_large(*bytes, *limit, kind.noun()),
        kind.option()
    )]
    TooLarge {
        path: PathBuf,
        bytes: Option<u64>,
        limit: u64,
        kind: Limited,
    },
    /// A YAML file (rule, manifest, configuration) that cannot be used.
    #[error(
        "{}:{line}:{column}: {message}{}{}",
        path.display(),
        frame.as_ref().map(|f| format!("\n{f}")).unwrap_or_default(),
        help.as_ref().map(|h| format!("\n  = help: {h}")).unwrap_or_default()
    )]
    Invalid {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
        help: Option<String>,
        /// The offending line with a caret under the column.
        frame: Option<String>,
    },
    #[error("{0}")]
    Usage(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Characters of a frame's line shown on either side of the column.
const FRAME_REACH: usize = 60;

/// The part of `line` a code frame shows around character `column` (0-based),
/// cut ends marked with "…", and where the column falls in it: a line of
/// megabytes is not printed whole.
fn window(line: &str, column: usize) -> (String, usize) {
    let total = line.chars().count();
    let column = column.min(total);
    let from = column.saturating_sub(FRAME_REACH);
    let to = (column + FRAME_REACH).min(total);
    let mut shown = String::new();
    let mut at = column - from;
    if from > 0 {
        shown.push('…');
        at += 1;
    }
    shown.extend(line.chars().skip(from).take(to - from));
    if to < total {
        shown.push('…');
    }
    (shown, at)
}

/// The kinds of file a run reads at most so much of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limited {
    /// `--max-article-mb`.
    Article,
    /// `--max-rule-file-mb`: rule files and the configuration file.
    RuleFile,
}

impl Limited {
    fn noun(self) -> &'static str {
        match self {
            Limited::Article => "article",
            Limited::RuleFile => "rule file",
        }
    }

    fn option(self) -> &'static str {
        match self {
            Limited::Article => "--max-article-mb",
            Limited::RuleFile => "--max-rule-file-mb",
        }
    }
}

fn too_large(bytes: Option<u64>, limit: u64, noun: &str) -> String {
    let mb = |b: u64| b as f64 / 1e6;
    match bytes {
        Some(b) => format!(
            "{:.1} MB, larger than the largest {noun} read ({:.1} MB)",
            mb(b),
            mb(limit)
        ),
        None => format!("more than the largest {noun} read ({:.1} MB)", mb(limit)),
    }
}

/// A file's bytes, refused above `limit` bytes (its size asked first,
/// so a huge file is never read).
pub(crate) fn read_bytes_limited(path: &std::path::Path, limit: u64, kind: Limited) -> Result<Vec<u8>> {
    let io = |e| Error::Io {
        path: path.into(),
        source: e,
    };
    // The size from the open file: the path is looked up once.
    let mut file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > limit {
        return Err(Error::TooLarge {
            path: path.into(),
            bytes: Some(size),
            limit,
            kind,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    std::io::Read::read_to_end(&mut file, &mut bytes).map_err(io)?;
    Ok(bytes)
}

/// A file's text, refused above `limit` bytes.
pub(crate) fn read_limited(path: &std::path::Path, limit: u64, kind: Limited) -> Result<String> {
    String::from_utf8(read_bytes_limited(path, limit, kind)?).map_err(|e| Error::Io {
        path: path.into(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, e),
    })
}

impl Error {
    /// Adds a code frame from the file's text to an `Invalid` error.
    pub fn with_frame(mut self, text: &str) -> Error {
        if let Error::Invalid {
            line, column, frame, ..
        } = &mut self
        {
            if let Some(l) = text.lines().nth(line.saturating_sub(1)) {
                let num = line.to_string();
                let pad = " ".repeat(num.len());
                let (shown, at) = window(l, column.saturating_sub(1));
                let caret = " ".repeat(at);
                *frame = Some(format!("{pad} |\n{num} | {shown}\n{pad} | {caret}^"));
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::window;

    #[test]
    fn a_frame_shows_a_long_line_around_its_column() {
        assert_eq!(window("id: x", 4), ("id: x".to_string(), 4));
        let long = format!("{}^{}", "a".repeat(200), "b".repeat(200));
        let (shown, at) = window(&long, 200);
        assert_eq!(shown.chars().count(), 1 + 60 + 60 + 1);
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert_eq!(shown.chars().nth(at), Some('^'));
        // Near the start: nothing cut before.
        let (shown, at) = window(&long, 3);
        assert!(!shown.starts_with('…') && shown.ends_with('…'));
        assert_eq!(at, 3);
    }
}
