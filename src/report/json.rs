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
        write_report(out, &report.sources(), claims, report.findings, &a.stories)
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
            let ids: Vec<&str> = st.sources.iter().map(|&i| sources[i].id.as_str()).collect();
            StoryInfo {
                id: ids.first().copied().unwrap_or(""),
                sources: ids,
            }
        })
        .collect();
    doc.field("stories", &stories)?;
    doc.end()?;
    writeln!(out)?;
    out.flush()
}

/// `extract --format json`, written as its claims come: the claims first,
/// a piece at a time (each one or more claims already written at their
/// depth), then the schema and the sources.
pub(crate) struct ClaimsDoc<'w> {
    doc: Object<'w>,
}

impl<'w> ClaimsDoc<'w> {
    pub(crate) fn begin(out: &'w mut dyn Write) -> io::Result<ClaimsDoc<'w>> {
        let mut doc = Object::begin(out)?;
        doc.begin_pieces("claims")?;
        Ok(ClaimsDoc { doc })
    }

    pub(crate) fn piece(&mut self, piece: &[u8]) -> io::Result<()> {
        self.doc.piece(piece)
    }

    pub(crate) fn end(mut self, sources: &[SourceInfo]) -> io::Result<()> {
        self.doc.end_pieces()?;
        self.doc.field("schema", CLAIMS_SCHEMA)?;
        self.doc.field("sources", sources)?;
        let out = self.doc.end()?;
        writeln!(out)
    }
}

/// Writes `value` as pretty JSON as it stands `depth` levels deep in a
/// pretty document (two spaces a level, as `serde_json`'s pretty form).
pub(crate) fn pretty_at<T: Serialize + ?Sized, W: Write + ?Sized>(
    out: &mut W,
    value: &T,
    depth: usize,
) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(
        out,
        Pretty {
            depth,
            has_value: false,
        },
    );
    value.serialize(&mut ser)?;
    Ok(())
}

/// `serde_json::ser::PrettyFormatter`, begun at a depth.
struct Pretty {
    depth: usize,
    has_value: bool,
}

/// A comma, a line break and the indentation of a report's deepest
/// lines, in one piece: a line is begun by one write, not one a level.
const COMMA_BREAK_INDENT: &[u8] = b",\n                                ";

/// Levels of indentation `COMMA_BREAK_INDENT` holds.
const LEVELS: usize = (COMMA_BREAK_INDENT.len() - 2) / 2;

/// Writes a line break (after a comma where `comma`) and `depth` levels of
/// indentation.
fn new_line<W: ?Sized + Write>(w: &mut W, comma: bool, depth: usize) -> io::Result<()> {
    let levels = depth.min(LEVELS);
    w.write_all(&COMMA_BREAK_INDENT[usize::from(!comma)..2 + 2 * levels])?;
    for _ in levels..depth {
        w.write_all(b"  ")?;
    }
    Ok(())
}

impl Pretty {
    fn line<W: ?Sized + Write>(&self, w: &mut W, first: bool) -> io::Result<()> {
        new_line(w, !first, self.depth)
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            new_line(w, false, self.depth)?;
        }
        w.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.line(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.line(w, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// A top-level object written field by field.
struct Object<'w> {
    out: &'w mut dyn Write,
    fields: usize,
    /// Whether the array being written in pieces has an element yet.
    any: bool,
}

impl<'w> Object<'w> {
    fn begin(out: &'w mut dyn Write) -> io::Result<Object<'w>> {
        out.write_all(b"{")?;
        Ok(Object {
            out,
            fields: 0,
            any: false,
        })
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
        self.begin_pieces(name)?;
        for piece in pieces {
            self.piece(&piece?)?;
        }
        self.end_pieces()
    }

    fn begin_pieces(&mut self, name: &str) -> io::Result<()> {
        self.key(name)?;
        self.any = false;
        self.out.write_all(b"[")
    }

    fn piece(&mut self, piece: &[u8]) -> io::Result<()> {
        if piece.is_empty() {
            return Ok(());
        }
        self.out.write_all(if self.any { b",\n" } else { b"\n" })?;
        self.any = true;
        self.out.write_all(piece)
    }

    fn end_pieces(&mut self) -> io::Result<()> {
        self.out.write_all(if self.any { b"\n  ]" } else { b"]" })
    }

    /// Closes the object and gives back its writer.
    fn end(self) -> io::Result<&'w mut dyn Write> {
        self.out.write_all(if self.fields == 0 { b"}" } else { b"\n}" })?;
        Ok(self.out)
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

    #[test]
    fn deep_values_are_indented_as_serde_json_does() {
        // Deeper than the indentation written in one piece.
        let mut value = serde_json::json!([1, 2]);
        for _ in 0..20 {
            value = serde_json::json!({ "k": value });
        }
        let mut json = Vec::new();
        pretty_at(&mut json, &value, 0).unwrap();
        assert_eq!(
            String::from_utf8(json).unwrap(),
            serde_json::to_string_pretty(&value).unwrap()
        );
    }
}
