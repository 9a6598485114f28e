//! Sources: the articles as read from disk, their cleaned text and metadata.

pub mod clean;
pub mod html;
pub mod meta;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::error::{Error, Limited, Result, read_bytes_limited};
use crate::span::{Excerpt, LineIndex, Located, Span};

pub use self::clean::CleanText;
pub use self::meta::{Manifest, ManifestEntry, Metadata, PublishedFrom};

/// The markup an article is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    /// The format of an article file, or `None` for any other file.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" => Format::Text,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" => Format::Html,
            _ => return None,
        })
    }
}

/// One article.
#[derive(Debug, Clone)]
pub struct Source {
    /// File name (or path, where two files share a name).
    pub id: String,
    /// Path as given on the command line or found by walking.
    pub path: String,
    /// The file's bytes as read: shared as text with the claims that
    /// quote them where they are UTF-8.
    original: Original,
    pub clean: CleanText,
    pub meta: Metadata,
    /// Remarks for the user (encoding fallback, missing date...).
    pub notes: Vec<String>,
    /// Built when a span is first located: a run that never locates one
    /// (or not yet) holds none.
    lines: std::sync::OnceLock<LineIndex>,
    /// The legacy encoding the bytes were read in; `None` for UTF-8.
    encoding: Option<&'static encoding_rs::Encoding>,
}

/// A file's bytes: as text where they are UTF-8 (claims share it), else
/// as read.
#[derive(Debug, Clone)]
enum Original {
    Text(Arc<str>),
    Bytes(Vec<u8>),
}

impl Original {
    fn of(bytes: Vec<u8>, legacy: bool) -> Original {
        if legacy {
            return Original::Bytes(bytes);
        }
        match String::from_utf8(bytes) {
            Ok(text) => Original::Text(text.into()),
            Err(e) => Original::Bytes(e.into_bytes()),
        }
    }
}

/// Fewer words than this kept from a web page: no article found in it.
const MIN_ARTICLE_WORDS: usize = 20;

impl Source {
    /// Reads an article from bytes. Never fails: any bytes give some text;
    /// a web page that keeps fewer than `MIN_ARTICLE_WORDS` words comes with
    /// a note.
    pub fn parse(id: &str, path: &str, bytes: Vec<u8>, format: Format, manifest: Option<&ManifestEntry>) -> Source {
        let mut notes = Vec::new();
        // Not UTF-8: the encoding a web page declares, else Windows-1252.
        let declared = matches!(format, Format::Html)
            .then(|| clean::declared_encoding(&bytes))
            .flatten()
            .filter(|e| *e != encoding_rs::UTF_8);
        let encoding = declared.unwrap_or(encoding_rs::WINDOWS_1252);
        let mut meta = Metadata::default();
        if let Some(m) = manifest {
            let fields = [
                ("published", &m.published),
                ("publisher", &m.publisher),
                ("title", &m.title),
                ("url", &m.url),
            ]
            .into_iter()
            .filter_map(|(k, v)| v.clone().map(|v| (k.to_string(), v)))
            .collect();
            meta = Metadata::from_fields(&fields, PublishedFrom::Manifest);
        }
        // Each format decodes the bytes once; the flag says whether they
        // were read in `encoding` for not being UTF-8.
        let (text, fallback) = match format {
            Format::Html => {
                let (units, fallback) = clean::decode_as(&bytes, encoding);
                let (stripped, h) = html::strip_html(&units);
                let mut fields = std::collections::BTreeMap::new();
                for (k, v) in [("publisher", h.publisher), ("title", h.title), ("url", h.url)] {
                    if let Some(v) = v {
                        fields.insert(k.to_string(), v);
                    }
                }
                let mut found = Metadata::from_fields(&fields, PublishedFrom::Metadata);
                if let Some(d) = h.published {
                    found.published = Some(d.date);
                    found.published_from = PublishedFrom::Metadata;
                    found.evidence = Some(d.evidence);
                }
                found.byline = h.byline;
                meta = meta.or(found);
                (CleanText::of_units(&stripped), fallback)
            }
            Format::Markdown => {
                let (mut units, fallback) = clean::decode_as(&bytes, encoding);
                let text: String = units.iter().map(|u| u.ch).collect();
                if let Some((fields, consumed)) = meta::front_matter(&text) {
                    let chars = text[..consumed].chars().count();
                    units.drain(..chars.min(units.len()));
                    meta = meta.or(Metadata::from_fields(&fields, PublishedFrom::Metadata));
                }
                let text = CleanText::of_units(&clean::strip_markdown(clean::drop_markdown_furniture(units)));
                (text, fallback)
            }
            Format::Text => clean::decode_text(&bytes, encoding),
        };
        if fallback {
            notes.push(format!("{path}: not valid UTF-8, read as {}", encoding.name()));
        }
        let text = clean::normalize_chars(text);
        // The dateline is read before boilerplate goes: bylines look like furniture.
        let head = crate::text::first_chars(&text.text, 4000);
        let head_lines: Vec<&str> = head.lines().collect();
        meta = meta.or(meta::dateline(&head_lines));
        let clean = clean::paragraphs(&text);
        // Never silently empty: a web page with no article text is named.
        let few_words = clean.text.split_whitespace().nth(MIN_ARTICLE_WORDS - 1).is_none();
        if matches!(format, Format::Html) && few_words && !bytes.is_empty() {
            notes.push(format!(
                "{path}: no article text found (fewer than {MIN_ARTICLE_WORDS} words kept)"
            ));
        }
        Source {
            id: id.to_string(),
            path: path.to_string(),
            original: Original::of(bytes, fallback),
            clean,
            meta,
            notes,
            lines: std::sync::OnceLock::new(),
            encoding: fallback.then_some(encoding),
        }
    }

    /// Lets go of the file's bytes and text once its claims are written:
    /// what is left describes the source (id, path, dates, notes), and its
    /// spans can no longer be located.
    pub(crate) fn let_go_of_text(&mut self) {
        self.clean = Default::default();
        self.original = Original::Bytes(Vec::new());
        self.lines = std::sync::OnceLock::new();
    }

    /// Where the file's lines begin. Columns count characters: in a legacy
    /// encoding of more than one byte a character, they are counted from
    /// the decoded text.
    fn lines(&self) -> &LineIndex {
        self.lines
            .get_or_init(|| LineIndex::new(self.bytes(), self.encoding.is_none()))
    }

    /// The file's bytes as read.
    pub fn bytes(&self) -> &[u8] {
        match &self.original {
            Original::Text(t) => t.as_bytes(),
            Original::Bytes(b) => b,
        }
    }

    /// The original place and words of a span of cleaned text.
    pub fn locate(&self, span: Span) -> (Located, Excerpt) {
        let o = self.clean.original(span);
        let bytes = self.bytes();
        let located = self.lines().locate(bytes, o);
        let shared = match &self.original {
            Original::Text(t) => Excerpt::of(t, o),
            Original::Bytes(_) => None,
        };
        let words = shared.unwrap_or_else(|| {
            let raw = &bytes[o.start.min(bytes.len())..o.end.min(bytes.len())];
            match self.encoding {
                None => String::from_utf8_lossy(raw).into_owned().into(),
                Some(e) => e.decode_without_bom_handling(raw).0.into_owned().into(),
            }
        });
        let mut located = located;
        if let Some(e) = self.encoding.filter(|e| !e.is_single_byte()) {
            let line_start = self.lines().line_range(bytes, located.line.saturating_sub(1)).start;
            let before = &bytes[line_start.min(o.start)..o.start];
            located.column = e.decode_without_bom_handling(before).0.chars().count() + 1;
        }
        (located, words)
    }

    /// Line and column of a byte offset of the original file.
    pub fn locate_offset(&self, offset: usize) -> Located {
        let o = offset.min(self.bytes().len());
        self.lines().locate(self.bytes(), Span::new(o, o))
    }

    /// 1-based line `n` of the original file, for code frames.
    pub fn line_text(&self, n: usize) -> String {
        let bytes = self.bytes();
        let r = self.lines().line_range(bytes, n.saturating_sub(1));
        match self.encoding {
            None => String::from_utf8_lossy(&bytes[r.start..r.end]).into_owned(),
            Some(e) => e.decode_without_bom_handling(&bytes[r.start..r.end]).0.into_owned(),
        }
    }
}

/// What reading the inputs gave: the sources, and what went wrong with
/// named files (exit 2) or was skipped while walking (a note).
#[derive(Debug, Default)]
pub struct Inputs {
    pub sources: Vec<Source>,
    pub errors: Vec<Error>,
    pub notes: Vec<String>,
}

/// The largest article read unless told otherwise: far above any news
/// article (a long feature is well under 1 MB), low enough that a stray
/// dump is refused before it is decoded.
pub const DEFAULT_MAX_ARTICLE_BYTES: u64 = 64_000_000;

/// Names of the manifest files looked for in a folder.
pub const MANIFEST_NAMES: &[&str] = &["claimcheck.yaml", "sources.yaml"];

/// Reads every article under `paths` (files, folders, or `-` for stdin).
/// An article of more than `max_bytes` is an error of its own; the others
/// are read.
pub fn read_inputs(
    paths: &[PathBuf],
    manifest: Option<&Path>,
    configured: &std::collections::BTreeMap<String, ManifestEntry>,
    max_bytes: u64,
) -> Result<Inputs> {
    let mut inputs = Inputs::default();
    let mut entries: std::collections::BTreeMap<String, ManifestEntry> = configured.clone();
    if let Some(m) = manifest {
        entries = Manifest::load(m)?.sources;
    }
    // (path, id hint, named on the command line)
    let mut files: Vec<(PathBuf, bool)> = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            files.push((p.clone(), true));
            continue;
        }
        if p.is_dir() {
            if manifest.is_none() {
                for name in MANIFEST_NAMES {
                    let mp = p.join(name);
                    if mp.is_file() {
                        for (k, v) in Manifest::load(&mp)?.sources {
                            entries.entry(k).or_insert(v);
                        }
                        break;
                    }
                }
            }
            // Links are followed (a folder of links to articles is read);
            // a loop of links is an error entry, named in a note.
            let walker = walkdir::WalkDir::new(p)
                .sort_by_file_name()
                .follow_links(true)
                .into_iter();
            for entry in walker {
                let entry = match entry {
                    Ok(e) => e,
                    Err(e) => {
                        let reason = e.io_error().map_or_else(|| e.to_string(), ToString::to_string);
                        let note = match e.path() {
                            Some(path) => format!("{}: skipped, {reason}", path.display()),
                            None => format!("skipped: {reason}"),
                        };
                        inputs.notes.push(note);
                        continue;
                    }
                };
                if entry.file_type().is_dir() {
                    continue;
                }
                if !entry.file_type().is_file() {
                    // A pipe or a socket: reading it could wait forever.
                    inputs
                        .notes
                        .push(format!("{}: skipped, not a regular file", entry.path().display()));
                    continue;
                }
                let name = entry.file_name().to_string_lossy();
                if MANIFEST_NAMES.contains(&name.as_ref()) || name.starts_with('.') {
                    continue;
                }
                if Format::from_path(entry.path()).is_some() {
                    files.push((entry.path().to_path_buf(), false));
                } else {
                    inputs.notes.push(format!(
                        "{}: skipped, not an article (.txt, .md, .markdown, .html, .htm)",
                        entry.path().display()
                    ));
                }
            }
        } else {
            files.push((p.clone(), true));
        }
    }
    // Ids are file names; where two files share a name, their paths.
    let names: Vec<String> = files.iter().map(|(p, _)| file_name(p)).collect();
    let mut uses: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for n in &names {
        *uses.entry(n.as_str()).or_default() += 1;
    }
    // Files are read and cleaned on all cores; the results keep file order.
    let read: Vec<Result<Source>> = {
        use rayon::prelude::*;
        files
            .par_iter()
            .zip(&names)
            .map(|((path, _), name)| {
                let id = if uses[name.as_str()] > 1 {
                    path.display().to_string()
                } else {
                    name.clone()
                };
                read_one(path, &id, entries.get(name), max_bytes)
            })
            .collect()
    };
    for ((_, named), r) in files.iter().zip(read) {
        match r {
            Err(Error::NotArticle { path, reason }) if !named => {
                inputs.notes.push(format!("{}: skipped, {reason}", path.display()));
            }
            Ok(s) => inputs.sources.push(s),
            Err(e) => inputs.errors.push(e),
        }
    }
    inputs.sources.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(inputs)
}

fn file_name(p: &Path) -> String {
    if p.as_os_str() == "-" {
        return "stdin".into();
    }
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

fn read_one(path: &Path, id: &str, entry: Option<&ManifestEntry>, max_bytes: u64) -> Result<Source> {
    let bytes = if path.as_os_str() == "-" {
        // Standard input has no size to ask: read one byte past the limit.
        let mut buf = Vec::new();
        std::io::Read::read_to_end(
            &mut std::io::Read::take(std::io::stdin(), max_bytes.saturating_add(1)),
            &mut buf,
        )
        .map_err(|e| Error::Io {
            path: path.into(),
            source: e,
        })?;
        if buf.len() as u64 > max_bytes {
            return Err(Error::TooLarge {
                path: path.into(),
                bytes: None,
                limit: max_bytes,
                kind: Limited::Article,
            });
        }
        buf
    } else {
        read_bytes_limited(path, max_bytes, Limited::Article)?
    };
    article(path, id, bytes, entry)
}

/// A file's bytes read as an article, as every run reads them: binary
/// data is no article; the path's extension gives the format.
pub fn article(path: &Path, id: &str, bytes: Vec<u8>, entry: Option<&ManifestEntry>) -> Result<Source> {
    if memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some() {
        return Err(Error::NotArticle {
            path: path.into(),
            reason: "binary data".into(),
        });
    }
    let format = if path.as_os_str() == "-" {
        Format::Text
    } else {
        Format::from_path(path).unwrap_or(Format::Text)
    };
    Ok(Source::parse(id, &path.display().to_string(), bytes, format, entry))
}
