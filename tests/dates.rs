//! The temporal grammar's examples, one a line in `tests/corpus/dates.tsv`:
//! each text holds exactly one expression, with the words and the TIMEX3
//! value given. Adding a case is adding a line.

use claimcheck::timex::{find_dates, resolve};
use jiff::civil::Date;

#[test]
fn every_example_reads_as_written() {
    let data = include_str!("corpus/dates.tsv");
    let mut failures = Vec::new();
    let mut cases = 0;
    for (n, line) in data.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        let [family, text, anchor, span, value] = cells[..] else {
            panic!("dates.tsv:{}: five tab-separated cells expected: {line:?}", n + 1);
        };
        let anchor: Date = anchor.parse().unwrap_or_else(|e| panic!("dates.tsv:{}: {e}", n + 1));
        cases += 1;
        let found: Vec<(&str, String)> = find_dates(text)
            .iter()
            .map(|m| (&text[m.span.start..m.span.end], resolve(&m.expr, Some(anchor)).value.0))
            .collect();
        let ok = match found.as_slice() {
            [(words, v)] => v == value && (span == "-" || *words == span),
            _ => false,
        };
        if !ok {
            failures.push(format!(
                "dates.tsv:{} ({family}) {text:?}: want {span:?} = {value}, got {found:?}",
                n + 1
            ));
        }
    }
    assert!(cases >= 190, "only {cases} cases read");
    assert!(
        failures.is_empty(),
        "{} of {cases} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
