//! Reports: one printer per format over one `Report`.

pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod markdown;
pub mod sarif;

mod model;

pub(crate) use model::source_infos;
pub use model::{Printer, Report, SourceInfo};

/// The printer for a format name of the command line.
pub fn printer(format: Format, color: bool) -> Box<dyn Printer> {
    match format {
        Format::Human => Box::new(human::Human { color }),
        Format::Json => Box::new(json::Json),
        Format::Sarif => Box::new(sarif::Sarif),
        Format::Markdown => Box::new(markdown::Markdown),
        Format::Github => Box::new(github::Github),
        Format::Html => Box::new(html::Html),
    }
}

/// The formats of `check --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
    Sarif,
    Markdown,
    Github,
    /// One self-contained page for an editor.
    Html,
}

impl Format {
    /// Whether the report reads the sources' cleaned text (to show it, or
    /// to say where a date expression stands), beyond the claims' words.
    pub fn reads_source_text(self) -> bool {
        !matches!(self, Format::Json | Format::Sarif)
    }
}
