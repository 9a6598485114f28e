//! The claim types: what one article asserts, with the bytes it stands on.

use serde::{Serialize, Serializer};

use crate::span::{Located, Span};

/// TIMEX3 type of a temporal expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// A TIMEX3 value string: `2025-02-12`, `2022-09`, `P3Y`, `XXXX-WXX-3`...
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct TimexValue(pub String);

impl TimexValue {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The calendar day this value names, if it names one (`2025-02-12`,
    /// `2025-02-12T10:10`).
    pub fn day(&self) -> Option<jiff::civil::Date> {
        let s = self.0.get(..10)?;
        s.parse().ok()
    }
}

impl std::fmt::Display for TimexValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A normalized temporal expression.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateValue {
    pub value: TimexValue,
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// False when the expression is relative and no anchor was known, so the
    /// value keeps TIMEX3's unresolved form.
    pub resolved: bool,
}

/// A number as written, serialized as an integer when it is one.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Amount(pub f64);

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v = self.0;
        if v.fract() == 0.0 && v.abs() < 9.0e15 {
            s.serialize_i64(v as i64)
        } else {
            s.serialize_f64(v)
        }
    }
}

impl std::fmt::Display for Amount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let v = self.0;
        if v.fract() == 0.0 && v.abs() < 9.0e15 {
            write!(f, "{}", v as i64)
        } else {
            write!(f, "{v}")
        }
    }
}

/// What a figure counts or measures.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    /// ISO 4217 code.
    Currency(&'static str),
    /// A smaller unit of a currency, or a currency without an ISO code:
    /// `cent`, `penny`, `satoshi`.
    Subunit(&'static str),
    Percent,
    PercentagePoint,
    /// A counted noun, singular: `people`, `dockworker`.
    Noun(String),
}

impl Unit {
    pub fn as_str(&self) -> &str {
        match self {
            Unit::Currency(c) | Unit::Subunit(c) => c,
            Unit::Percent => "%",
            Unit::PercentagePoint => "percentage point",
            Unit::Noun(n) => n,
        }
    }
}

impl Serialize for Unit {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// How a figure is hedged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    Around,
    Nearly,
    MoreThan,
    LessThan,
    AtLeast,
    UpTo,
}

impl Qualifier {
    pub fn as_str(&self) -> &'static str {
        match self {
            Qualifier::Around => "around",
            Qualifier::Nearly => "nearly",
            Qualifier::MoreThan => "more than",
            Qualifier::LessThan => "less than",
            Qualifier::AtLeast => "at least",
            Qualifier::UpTo => "up to",
        }
    }
}

/// A money amount, percentage or count.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// `None` where the text names the unit but no number ("a percentage").
    pub amount: Option<Amount>,
    /// The upper end of a range ("$5-6 billion"), `amount` being the lower.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<Amount>,
    pub unit: Option<Unit>,
    #[serde(skip)]
    pub qualifier: Option<Qualifier>,
}

/// Who said what, and when.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Statement {
    /// Canonical full name, filled in once all documents are known.
    pub speaker: Option<String>,
    pub quote: String,
    pub direct: bool,
    pub date: Option<TimexValue>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ClaimValue {
    Date(DateValue),
    Figure(Figure),
    Statement(Statement),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    Date,
    Figure,
    Statement,
}

impl ClaimKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            ClaimKind::Date => "date",
            ClaimKind::Figure => "figure",
            ClaimKind::Statement => "statement",
        }
    }
}

/// One checkable claim of one source.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// `<source>#<n>`, n counting from 1 in text order.
    pub id: String,
    pub source: String,
    /// The words as they stand in the article (original bytes).
    pub text: String,
    pub span: Located,
    pub value: ClaimValue,
    /// Content words of the sentence around the claim, lowercased: what
    /// links a figure or an event to the same one in another source.
    pub context: Vec<String>,
    /// Where the claim sits in the cleaned text (for neighbourhood lookups).
    pub clean_span: Span,
    /// Doc-local name of the speaker as written, before identity resolution.
    pub speaker_mention: Option<String>,
    /// For a date of an event: the people taking part (canonical names once
    /// the corpus is known).
    pub participants: Vec<String>,
    /// For a statement: where the date expression that dates it sits in the
    /// cleaned text (the claim graph's dated-on edge).
    pub dated_by: Option<Span>,
}

impl Claim {
    pub fn kind(&self) -> ClaimKind {
        match self.value {
            ClaimValue::Date(_) => ClaimKind::Date,
            ClaimValue::Figure(_) => ClaimKind::Figure,
            ClaimValue::Statement(_) => ClaimKind::Statement,
        }
    }

    pub fn statement(&self) -> Option<&Statement> {
        match &self.value {
            ClaimValue::Statement(s) => Some(s),
            _ => None,
        }
    }

    pub fn figure(&self) -> Option<&Figure> {
        match &self.value {
            ClaimValue::Figure(f) => Some(f),
            _ => None,
        }
    }

    pub fn date(&self) -> Option<&DateValue> {
        match &self.value {
            ClaimValue::Date(d) => Some(d),
            _ => None,
        }
    }

    /// Number of the claim within its source (the `n` of its id).
    pub fn ordinal(&self) -> usize {
        self.id.rsplit('#').next().and_then(|n| n.parse().ok()).unwrap_or(0)
    }

    /// The value in the short form messages and `values` use.
    pub fn value_text(&self) -> String {
        match &self.value {
            ClaimValue::Date(d) => d.value.0.clone(),
            ClaimValue::Figure(f) => {
                let mut s = String::new();
                if let Some(q) = f.qualifier {
                    s.push_str(q.as_str());
                    s.push(' ');
                }
                match f.amount {
                    Some(a) => s.push_str(&a.to_string()),
                    None => s.push_str("some"),
                }
                if let Some(to) = f.to {
                    s.push('-');
                    s.push_str(&to.to_string());
                }
                if let Some(u) = &f.unit {
                    s.push(' ');
                    s.push_str(u.as_str());
                }
                s
            }
            ClaimValue::Statement(st) => st.quote.clone(),
        }
    }
}

impl Serialize for Claim {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("id", &self.id)?;
        m.serialize_entry("source", &self.source)?;
        m.serialize_entry("kind", &self.kind())?;
        m.serialize_entry("text", &self.text)?;
        m.serialize_entry("span", &self.span)?;
        match &self.value {
            ClaimValue::Date(d) => {
                m.serialize_entry("value", &d.value)?;
                m.serialize_entry("type", &d.kind)?;
                m.serialize_entry("resolved", &d.resolved)?;
            }
            ClaimValue::Figure(f) => {
                m.serialize_entry("value", f)?;
                if let Some(q) = f.qualifier {
                    m.serialize_entry("qualifier", q.as_str())?;
                }
            }
            ClaimValue::Statement(st) => m.serialize_entry("value", st)?,
        }
        m.end()
    }
}
