//! The claim types: what one article asserts, with the bytes it stands on.

use std::sync::Arc;

use serde::{Serialize, Serializer};

use crate::span::{Excerpt, Located, Span};

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
    Percent,
    PercentagePoint,
    /// A counted noun, singular: `people`, `dockworker`.
    Noun(Box<str>),
}

impl Unit {
    pub fn as_str(&self) -> &str {
        match self {
            Unit::Currency(c) => c,
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

/// The values a written figure allows.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Interval {
    lo: f64,
    hi: f64,
}

impl Interval {
    fn holds(&self, x: f64) -> bool {
        self.lo <= x && x < self.hi
    }
}

impl Figure {
    /// Whether two written figures can be the same amount. Each is read to
    /// the precision it is written to: "$43 million" allows 42.5 to 44
    /// million (rounded, or cut short as news writes it), so it agrees with
    /// "$43,885,310", while "$3.5 billion" and "$3.6 billion", written alike,
    /// agree only if equal. A bound opens a figure ("more than"), a range
    /// spans its ends, and a hedge ("about", "nearly") allows a gap of
    /// `hedge` of the larger amount. `written`: each figure as the article
    /// writes it.
    pub fn agrees(&self, written: &str, other: &Figure, other_written: &str, hedge: f64) -> Option<bool> {
        let (a, b) = (self.amount?.0, other.amount?.0);
        let (sa, sb) = (precision(written, a), precision(other_written, b));
        let exact = |f: &Figure| f.qualifier.is_none() && f.to.is_none();
        if exact(self) && exact(other) {
            let close = |x: f64, y: f64| (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0);
            return Some(if close(sa, sb) {
                close(a, b)
            } else if sa > sb {
                window(a, sa).holds(b)
            } else {
                window(b, sb).holds(a)
            });
        }
        let (x, y) = (self.allows(sa), other.allows(sb));
        let gap = (y.lo - x.hi).max(x.lo - y.hi).max(0.0);
        let hedged = [self.qualifier, other.qualifier]
            .iter()
            .any(|q| matches!(q, Some(Qualifier::Around | Qualifier::Nearly)));
        let allowed = if hedged { hedge * a.abs().max(b.abs()) } else { 0.0 };
        Some(gap <= allowed)
    }

    /// The amounts a figure allows, `step` its precision, before any hedge.
    fn allows(&self, step: f64) -> Interval {
        let lo = self.amount.map_or(0.0, |a| a.0);
        let hi = self.to.map_or(lo, |t| t.0);
        let mut i = Interval {
            lo: window(lo, step).lo,
            hi: window(hi, step).hi,
        };
        match self.qualifier {
            Some(Qualifier::MoreThan | Qualifier::AtLeast) => i.hi = f64::INFINITY,
            Some(Qualifier::LessThan | Qualifier::UpTo) => i.lo = f64::NEG_INFINITY,
            _ => {}
        }
        i
    }
}

/// The amounts a figure written to `step` stands for: rounded to it, or cut
/// short at it.
fn window(x: f64, step: f64) -> Interval {
    Interval {
        lo: x - step / 2.0,
        hi: x + step.max(f64::MIN_POSITIVE),
    }
}

/// One step of the last digit a figure is written to, in its amount:
/// 1,000,000 for "43 million", 0.1 for "35.7 percent", 1 for "43,885,310";
/// 0 for a figure in words.
fn precision(written: &str, amount: f64) -> f64 {
    let digits: String = written
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .collect();
    let digits = digits.trim_end_matches(['.', ',']);
    if digits.is_empty() {
        return 0.0;
    }
    // "4,2" (a decimal comma) against "4,200" (a thousands comma).
    let decimal_comma = digits.rsplit_once(',').is_some_and(|(_, d)| d.len() < 3) && !digits.contains('.');
    let (whole, decimals) = if decimal_comma {
        digits.rsplit_once(',').unwrap_or((digits, ""))
    } else {
        digits.split_once('.').unwrap_or((digits, ""))
    };
    let mantissa: f64 = format!("{}.{decimals}0", whole.replace([',', '.'], ""))
        .parse()
        .unwrap_or(0.0);
    if mantissa == 0.0 {
        return 0.0;
    }
    let scale = amount / mantissa;
    scale * 10f64.powi(-(decimals.len() as i32))
}

/// Who said what, and when.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Statement {
    /// Canonical full name, filled in once all documents are known (one
    /// copy shared by the statements of a story).
    pub speaker: Option<Arc<str>>,
    pub quote: String,
    pub direct: bool,
    pub date: Option<TimexValue>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ClaimValue {
    Date(DateValue),
    Figure(Figure),
    /// Boxed: a statement is the largest value, and claims are many.
    Statement(Box<Statement>),
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
    /// The claim's number within its source, counting from 1 in text order:
    /// the `n` of its id `<source>#<n>`.
    pub number: u32,
    /// The source's id, shared by all its claims.
    pub source: Arc<str>,
    /// The words as they stand in the article (original bytes).
    pub text: Excerpt,
    pub span: Located,
    pub value: ClaimValue,
    /// Where the claim sits in the cleaned text (for neighbourhood lookups).
    pub clean_span: Span,
    /// Doc-local name of the speaker as written, before identity resolution.
    pub speaker_mention: Option<Box<str>>,
    /// For a date of an event: the people taking part (canonical names once
    /// the corpus is known).
    pub participants: Box<[String]>,
    /// For a statement: where the date expression that dates it sits in the
    /// cleaned text (the claim graph's dated-on edge).
    pub dated_by: Option<Span>,
    /// For a direct quotation: whether it is one part of a quotation split
    /// around its attribution.
    pub split: Split,
}

/// A quotation whole, or one part of a quotation split around its
/// attribution ("…," she said. "…").
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Split {
    #[default]
    Whole,
    /// The first part, carrying the whole quotation: its parts joined by
    /// " … ".
    First(Box<str>),
    /// A later part: the first stands for the remark.
    Later,
}

impl Claim {
    /// A statement's words as one remark: the whole of a split quotation.
    pub fn remark(&self) -> Option<&str> {
        let s = self.statement()?;
        Some(match &self.split {
            Split::First(whole) => whole,
            _ => &s.quote,
        })
    }

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

    /// `<source>#<n>`: the claim's id in reports.
    pub fn id(&self) -> String {
        format!("{}#{}", self.source, self.number)
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
        m.serialize_entry("id", &format_args!("{}#{}", self.source, self.number))?;
        m.serialize_entry("source", &*self.source)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn usd(amount: f64, qualifier: Option<Qualifier>) -> Figure {
        Figure {
            amount: Some(Amount(amount)),
            to: None,
            unit: Some(Unit::Currency("USD")),
            qualifier,
        }
    }

    fn agree(a: (&Figure, &str), b: (&Figure, &str)) -> bool {
        let forward = a.0.agrees(a.1, b.0, b.1, 0.1).unwrap();
        assert_eq!(forward, b.0.agrees(b.1, a.0, a.1, 0.1).unwrap(), "not symmetric");
        forward
    }

    #[test]
    fn figures_agree_to_the_precision_they_are_written_to() {
        let round = usd(43e6, None);
        let exact = usd(43_885_310.0, None);
        assert!(agree((&round, "$43 million"), (&exact, "$43,885,310")));
        assert!(!agree((&usd(45e6, None), "$45 million"), (&exact, "$43,885,310")));
        let (a, b) = (usd(3.5e9, None), usd(3.6e9, None));
        assert!(
            !agree((&a, "$3.5 billion"), (&b, "$3.6 billion")),
            "written alike, they differ"
        );
        assert!(agree((&usd(36.0, None), "$36"), (&usd(35.7, None), "$35.70")));
        assert!(!agree((&usd(30.0, None), "$30"), (&usd(35.7, None), "$35.70")));
        // A decimal comma: "4,2" is four point two.
        assert!(agree(
            (&usd(4.2e9, None), "4,2 Mrd. $"),
            (&usd(4.2e9, None), "$4.2 billion")
        ));
    }

    #[test]
    fn hedges_and_bounds_widen_a_figure() {
        let exact = usd(43e6, None);
        assert!(agree(
            (&usd(44e6, Some(Qualifier::Nearly)), "nearly $44 million"),
            (&exact, "$43 million")
        ));
        assert!(!agree(
            (&usd(30e6, Some(Qualifier::Nearly)), "nearly $30 million"),
            (&exact, "$43 million")
        ));
        assert!(agree(
            (&usd(10.0, Some(Qualifier::MoreThan)), "more than $10"),
            (&usd(35.7, None), "$35.70")
        ));
        assert!(!agree(
            (&usd(40.0, Some(Qualifier::MoreThan)), "more than $40"),
            (&usd(35.7, None), "$35.70")
        ));
        assert!(agree(
            (&usd(3400.0, Some(Qualifier::Around)), "about $3,400"),
            (&usd(3500.0, None), "$3,500")
        ));
        let range = Figure {
            to: Some(Amount(6e9)),
            ..usd(5e9, None)
        };
        assert!(agree((&range, "$5-6 billion"), (&usd(5.5e9, None), "$5.5 billion")));
        assert!(!agree((&range, "$5-6 billion"), (&usd(7.5e9, None), "$7.5 billion")));
    }
}
