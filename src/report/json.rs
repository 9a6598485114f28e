//! The JSON report (docs/report-format.md).
//!
//! Written field by field, byte for byte as `serde_json::to_writer_pretty`
//! writes the whole document, so that a run that keeps its claims only as
//! written JSON (a streamed run) gives the same report as one that
//! holds them.

use std::io::{self, Write};

use serde::Serialize;

use super::model::{Printer, Report, SourceInfo};
use crate::corpus::story::Story;
use crate::source::Source;

pub const SCHEMA: &str = "claimcheck/report/v1";

/// The schema of `extract --format json`.
pub const CLAIMS_SCHEMA: &str = "claimcheck/claims/v1";

pub struct Json;

#[derive(Serialize)]
struct StoryInfo<'a> {
    id: &'a str,
    sources: Vec<&'a str>,
}

impl Printer for Json {
    /// The report as pretty JSON with a final newline.
    fn write(&self, report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
        let a = report.analysis;
        let claims = a.claims.iter().map(|c| {
            let mut json = b"    ".to_vec();
            pretty_at(&mut json, c, 2)?;
            Ok(json)
        });
        write_report(out, &report.sources(), claims, report.findings, &a.stories, &a.sources)
    }
}

/// The report whose claims come as pieces of the `claims` array, each one
/// or more claims already written at its depth.
pub(crate) fn write_report(
    out: &mut dyn Write,
    sources: &[SourceInfo],
    claims: impl Iterator<Item = io::Result<Vec<u8>>>,
    findings: &[crate::finding::Finding],
    stories: &[Story],
    all: &[Source],
) -> io::Result<()> {
    // Many small writes: buffered whatever `out` is.
    let mut out = io::BufWriter::new(out);
    let mut doc = Object::begin(&mut out)?;
    doc.field("schema", SCHEMA)?;
    doc.field("sources", sources)?;
    doc.pieces("claims", claims)?;
    doc.field("findings", findings)?;
    // The sources grouped by the event they report, each story named by
    // its first source.
    let stories: Vec<StoryInfo<'_>> = stories
        .iter()
        .map(|st| {
            let sources: Vec<&str> = st.sources.iter().map(|&i| all[i].id.as_str()).collect();
            StoryInfo {
                id: sources.first().copied().unwrap_or(""),
                sources,
            }
        })
        .collect();
    doc.field("stories", &stories)?;
    doc.end()?;
    writeln!(out)?;
    out.flush()
}

/// The claims of `extract --format json`, in pieces as `write_report`
/// takes them, and the sources.
pub(crate) fn write_claims(
    out: &mut dyn Write,
    claims: impl Iterator<Item = io::Result<Vec<u8>>>,
    sources: &[SourceInfo],
) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    let mut doc = Object::begin(&mut out)?;
    doc.pieces("claims", claims)?;
    doc.field("schema", CLAIMS_SCHEMA)?;
    doc.field("sources", sources)?;
    doc.end()?;
    writeln!(out)?;
    out.flush()
}

/// Writes `value` as pretty JSON as it stands `depth` levels deep in a
/// pretty document: every line after the first indented two spaces a
/// level (a line break in JSON is always between tokens, never in a
/// string).
pub(crate) fn pretty_at<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T, depth: usize) -> io::Result<()> {
    let mut w = Indent { out, depth };
    serde_json::to_writer_pretty(&mut w, value)?;
    Ok(())
}

/// A writer that indents every line after the first.
struct Indent<'w> {
    out: &'w mut dyn Write,
    depth: usize,
}

impl Write for Indent<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        for (i, line) in buf.split(|&b| b == b'\n').enumerate() {
            if i > 0 {
                self.out.write_all(b"\n")?;
                for _ in 0..self.depth {
                    self.out.write_all(b"  ")?;
                }
            }
            self.out.write_all(line)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// A top-level object written field by field.
struct Object<'w> {
    out: &'w mut dyn Write,
    fields: usize,
}

impl<'w> Object<'w> {
    fn begin(out: &'w mut dyn Write) -> io::Result<Object<'w>> {
        out.write_all(b"{")?;
        Ok(Object { out, fields: 0 })
    }

    fn key(&mut self, name: &str) -> io::Result<()> {
        let sep: &[u8] = if self.fields == 0 { b"\n" } else { b",\n" };
        self.fields += 1;
        self.out.write_all(sep)?;
        write!(self.out, "  \"{name}\": ")
    }

    fn field<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) -> io::Result<()> {
        self.key(name)?;
        pretty_at(self.out, value, 1)
    }

    /// An array whose elements come in pieces (an empty piece adds none).
    fn pieces(&mut self, name: &str, pieces: impl Iterator<Item = io::Result<Vec<u8>>>) -> io::Result<()> {
        self.key(name)?;
        self.out.write_all(b"[")?;
        let mut any = false;
        for piece in pieces {
            let piece = piece?;
            if piece.is_empty() {
                continue;
            }
            self.out.write_all(if any { b",\n" } else { b"\n" })?;
            self.out.write_all(&piece)?;
            any = true;
        }
        self.out.write_all(if any { b"\n  ]" } else { b"]" })
    }

    fn end(self) -> io::Result<()> {
        self.out.write_all(if self.fields == 0 { b"}" } else { b"\n}" })
    }
}

#[cfg(test)]
mod tests {
    use super::pretty_at;

    #[test]
    fn a_value_is_indented_as_it_stands_in_the_document() {
        let value = serde_json::json!({"a": [1, 2], "b": "x\ny", "c": []});
        let mut json = Vec::new();
        pretty_at(&mut json, &value, 1).unwrap();
        // Worked out from serde_json's pretty form, two spaces a level: the
        // line break inside the string stays escaped.
        let want = "{\n    \"a\": [\n      1,\n      2\n    ],\n    \"b\": \"x\\ny\",\n    \"c\": []\n  }";
        assert_eq!(String::from_utf8(json).unwrap(), want);
    }
}
