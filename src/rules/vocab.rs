//! The words of the rule language: one enum per vocabulary (link, field,
//! comparator, speaker condition, placeholder). Each gives its names, parses
//! them, describes itself in the JSON Schema and offers the nearest name
//! when a rule file misspells one.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::corpus::link::LinkKind;

/// A closed set of names a rule file may use.
pub trait Vocabulary: Sized + Copy + 'static {
    const ALL: &'static [Self];
    /// What the names are, in an error message ("link", "field").
    const WHAT: &'static str;
    fn name(self) -> &'static str;

    fn parse(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.name() == name)
    }

    fn names() -> Vec<&'static str> {
        Self::ALL.iter().map(|v| v.name()).collect()
    }
}

/// Doc comment lines as the schema shows them: one leading space off each.
fn doc(lines: &[&str]) -> String {
    lines
        .iter()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
}

macro_rules! vocabulary {
    (
        $(#[doc = $doc:literal])*
        $name:ident as $schema:literal, $what:literal {
            $( $(#[doc = $vdoc:literal])* $variant:ident = $text:literal, )*
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[doc = $vdoc])* $variant, )*
        }

        impl Vocabulary for $name {
            const ALL: &'static [Self] = &[$($name::$variant,)*];
            const WHAT: &'static str = $what;
            fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed($schema)
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                let variants: Vec<serde_json::Value> = vec![$(
                    serde_json::json!({
                        "description": doc(&[$($vdoc),*]),
                        "type": "string",
                        "const": $text,
                    }),
                )*];
                json_schema!({
                    "description": doc(&[$($doc),*]),
                    "oneOf": variants,
                })
            }
        }
    };
}

vocabulary! {
    /// What makes two claims the same thing.
    Link as "LinkName", "link" {
        /// Statements by one speaker whose words align, or paraphrases sharing a topic.
        SameRemark = "same-remark",
        /// Direct quotations with the same words, whoever they are attributed to.
        SameQuote = "same-quote",
        /// Figures of one unit that measure the same thing.
        SameFigure = "same-figure",
        /// Dates of sentences that tell the same event.
        SameEvent = "same-event",
        /// Pairs of sources where one copies the other.
        Copy = "copy",
    }
}

impl Link {
    /// The claim link this names; `None` for pairs of sources.
    pub fn claims(self) -> Option<LinkKind> {
        match self {
            Link::SameRemark => Some(LinkKind::SameRemark),
            Link::SameQuote => Some(LinkKind::SameQuote),
            Link::SameFigure => Some(LinkKind::SameFigure),
            Link::SameEvent => Some(LinkKind::SameEvent),
            Link::Copy => None,
        }
    }
}

vocabulary! {
    /// The compared field.
    Field as "FieldName", "field" {
        /// The day a remark was made, or a date claim's value.
        Date = "date",
        /// A figure's amount (within `tolerance`).
        Amount = "amount",
        /// A quotation's words.
        Quote = "quote",
        /// A statement's speaker.
        Speaker = "speaker",
    }
}

vocabulary! {
    /// How the two values are compared.
    Comparator as "Comparator", "comparator" {
        /// The values differ beyond the tolerance.
        Differs = "differs",
    }
}

vocabulary! {
    /// Who spoke, in both claims of a pair.
    SpeakerCondition as "SpeakerCondition", "speaker condition" {
        /// Both speakers known.
        Known = "known",
        /// Both speakers known and possibly one person: the same name, a
        /// surname alone beside a full name, a misspelling.
        Same = "same",
        /// Both speakers known and certainly two people.
        Different = "different",
    }
}

vocabulary! {
    /// A `{name}` in a message template.
    Placeholder as "Placeholder", "placeholder" {
        /// The first source's file name.
        ASource = "a.source",
        /// The second source's file name.
        BSource = "b.source",
        /// The first claim's compared value.
        AValue = "a.value",
        /// The second claim's compared value.
        BValue = "b.value",
        /// The first claim's words.
        AText = "a.text",
        /// The second claim's words.
        BText = "b.text",
        /// The first claim's speaker.
        ASpeaker = "a.speaker",
        /// The second claim's speaker.
        BSpeaker = "b.speaker",
        /// The first claim's line.
        ALine = "a.line",
        /// The second claim's line.
        BLine = "b.line",
        /// The speaker of either claim.
        Speaker = "speaker",
        /// How alike the two claims' words are, or how much of a copy is shared.
        Similarity = "similarity",
        /// What the claims speak of ("Hegseth's remark", "the event dated ...").
        What = "what",
        /// The word diff of two quotations.
        Diff = "diff",
    }
}

/// A message template compiled once: text and placeholders in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Segment {
    Text(String),
    Placeholder(Placeholder),
}

/// Renders a compiled template; a placeholder without a value is left empty.
pub fn render(template: &[Segment], value: &dyn Fn(Placeholder) -> Option<String>) -> String {
    let mut out = String::new();
    for s in template {
        match s {
            Segment::Text(t) => out.push_str(t),
            Segment::Placeholder(p) => out.push_str(&value(*p).unwrap_or_default()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_back() {
        for l in Link::ALL {
            assert_eq!(Link::parse(l.name()), Some(*l));
        }
        assert_eq!(Placeholder::parse("a.source"), Some(Placeholder::ASource));
        assert_eq!(Field::parse("amount"), Some(Field::Amount));
        assert_eq!(SpeakerCondition::parse("someone"), None);
        assert_eq!(Link::names().len(), 5);
    }

    #[test]
    fn render_fills_placeholders_in_order() {
        let t = [
            Segment::Placeholder(Placeholder::ASource),
            Segment::Text(" vs ".into()),
            Segment::Placeholder(Placeholder::BSource),
            Segment::Placeholder(Placeholder::Diff),
        ];
        let v = |p: Placeholder| match p {
            Placeholder::ASource => Some("a.txt".to_string()),
            Placeholder::BSource => Some("b.txt".to_string()),
            _ => None,
        };
        assert_eq!(render(&t, &v), "a.txt vs b.txt");
    }
}
