//! Scores the extractor against the external suites of `../shared/eval`
//! through the batch interface, as outside checks do:
//!
//!     cargo run --release --example score -- tempeval3 ../shared/eval/tempeval3/platinum.jsonl
//!     cargo run --release --example score -- datetime ../shared/eval/recognizers-text/datetime.jsonl
//!     cargo run --release --example score -- currency ../shared/eval/recognizers-text/currency.jsonl
//!     cargo run --release --example score -- percent ../shared/eval/recognizers-text/percent.jsonl
//!
//! It runs `claimcheck extract --input jsonl --format jsonl` (the binary
//! next to this example, or `$CLAIMCHECK`) on the suite and prints the figures.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::{Value, json};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(kind), Some(path)) = (args.first(), args.get(1)) else {
        eprintln!("usage: score tempeval3|datetime|dateparser|currency|percent SUITE.jsonl [--verbose]");
        std::process::exit(2);
    };
    let verbose = args.iter().any(|a| a == "--verbose");
    let suite: Vec<Value> = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("suite line is JSON"))
        .collect();
    let input: String = suite
        .iter()
        .map(|case| {
            let published = case
                .get("dct")
                .or_else(|| case.get("ref"))
                .cloned()
                .unwrap_or(Value::Null);
            let mut doc = json!({ "id": case["id"], "text": case["text"] });
            if !published.is_null() {
                doc["published"] = published;
            }
            format!("{doc}\n")
        })
        .collect();
    let started = std::time::Instant::now();
    let output = extract(&input);
    let elapsed = started.elapsed();
    let results: Vec<Value> = output
        .lines()
        .map(|l| serde_json::from_str(l).expect("output line is JSON"))
        .collect();
    assert_eq!(results.len(), suite.len(), "one output line per input line");
    match kind.as_str() {
        "tempeval3" => tempeval(&suite, &results, verbose),
        "datetime" | "dateparser" => recognizers(&suite, &results, "date", verbose),
        "currency" => recognizers(&suite, &results, "currency", verbose),
        "percent" => recognizers(&suite, &results, "percent", verbose),
        other => panic!("unknown suite kind {other}"),
    }
    println!(
        "  extraction of {} documents: {:.1} ms (whole process, release build)",
        suite.len(),
        elapsed.as_secs_f64() * 1000.0
    );
}

fn extract(input: &str) -> String {
    let bin = std::env::var("CLAIMCHECK").unwrap_or_else(|_| {
        let exe = std::env::current_exe().expect("current exe");
        let dir = exe.parent().and_then(|p| p.parent()).expect("target dir");
        dir.join("claimcheck").to_string_lossy().into_owned()
    });
    let mut child = Command::new(&bin)
        .args(["extract", "--input", "jsonl", "--format", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{bin}: {e} (build it with cargo build --release)"));
    let mut stdin = child.stdin.take().expect("stdin");
    let data = input.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(data.as_bytes()));
    let out = child.wait_with_output().expect("claimcheck runs");
    writer.join().expect("writer").expect("write input");
    assert!(out.status.success(), "claimcheck failed");
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// A predicted claim: character span, value, and for figures the unit.
struct Pred {
    start: usize,
    end: usize,
    value: Value,
    unit: Option<String>,
}

/// Claims of `kind` ("date", "currency" = money figures, "percent") with
/// byte spans turned into character offsets.
fn preds(text: &str, result: &Value, kind: &str) -> Vec<Pred> {
    let to_char = |b: usize| text.get(..b).map(|s| s.chars().count()).unwrap_or(0);
    result["claims"]
        .as_array()
        .map(|a| a.as_slice())
        .unwrap_or(&[])
        .iter()
        .filter(|c| match kind {
            "date" => c["kind"] == "date",
            // Money: an ISO 4217 unit (smaller units are amounts of theirs).
            "currency" => {
                c["kind"] == "figure"
                    && c["value"]["unit"]
                        .as_str()
                        .is_some_and(|u| u.len() == 3 && u.chars().all(|c| c.is_ascii_uppercase()))
            }
            "percent" => c["kind"] == "figure" && c["value"]["unit"] == "%",
            _ => false,
        })
        .map(|c| Pred {
            start: to_char(c["span"]["start"].as_u64().unwrap_or(0) as usize),
            end: to_char(c["span"]["end"].as_u64().unwrap_or(0) as usize),
            value: if kind == "date" {
                c["value"].clone()
            } else {
                c["value"]["amount"].clone()
            },
            unit: c["value"]["unit"].as_str().map(String::from),
        })
        .collect()
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
}

fn tempeval(suite: &[Value], results: &[Value], verbose: bool) {
    let (mut n_pred, mut n_gold, mut strict, mut relaxed, mut value) = (0usize, 0usize, 0usize, 0usize, 0usize);
    for (case, result) in suite.iter().zip(results) {
        let text = case["text"].as_str().unwrap_or("");
        let preds = preds(text, result, "date");
        let gold = case["timex"].as_array().cloned().unwrap_or_default();
        n_pred += preds.len();
        n_gold += gold.len();
        let mut used = vec![false; preds.len()];
        for g in &gold {
            let (gs, ge) = (
                g["start"].as_u64().unwrap() as usize,
                g["end"].as_u64().unwrap() as usize,
            );
            // Prefer an exact span, then the first overlapping prediction.
            let pick = (0..preds.len())
                .filter(|&i| !used[i] && preds[i].start < ge && gs < preds[i].end)
                .min_by_key(|&i| (preds[i].start != gs || preds[i].end != ge, i));
            match pick {
                Some(i) => {
                    used[i] = true;
                    relaxed += 1;
                    if preds[i].start == gs && preds[i].end == ge {
                        strict += 1;
                    } else if verbose {
                        let t: String = text
                            .chars()
                            .skip(preds[i].start)
                            .take(preds[i].end - preds[i].start)
                            .collect();
                        println!("span   {} {:?}: got {t:?}", case["id"], g["text"]);
                    }
                    if preds[i].value == g["value"] {
                        value += 1;
                    } else if verbose {
                        println!(
                            "value  {} {:?}: got {} want {}",
                            case["id"], g["text"], preds[i].value, g["value"]
                        );
                    }
                }
                None if verbose => println!("missed {} {:?} {}", case["id"], g["text"], g["value"]),
                None => {}
            }
        }
        if verbose {
            for (i, p) in preds.iter().enumerate().filter(|(i, _)| !used[*i]) {
                let _ = i;
                let t: String = text.chars().skip(p.start).take(p.end - p.start).collect();
                println!("extra  {} {:?} {}", case["id"], t, p.value);
            }
        }
    }
    let line = |name: &str, hits: usize| {
        let p = hits as f64 / n_pred.max(1) as f64;
        let r = hits as f64 / n_gold.max(1) as f64;
        println!("  {name:8} P {p:.3}  R {r:.3}  F1 {:.3}", f1(p, r));
    };
    println!(
        "TempEval-3 platinum: {} documents, {n_gold} gold TIMEX3, {n_pred} predicted",
        suite.len()
    );
    line("strict", strict);
    line("relaxed", relaxed);
    line("value", value);
}

fn recognizers(suite: &[Value], results: &[Value], kind: &str, verbose: bool) {
    let mut passed = 0;
    let mut passed_without_ranges = 0;
    for (case, result) in suite.iter().zip(results) {
        let text = case["text"].as_str().unwrap_or("");
        let preds = preds(text, result, kind);
        let expected = case["expected"].as_array().cloned().unwrap_or_default();
        if case_passes(&expected, &preds, kind, false) {
            passed_without_ranges += 1;
        }
        if case_passes(&expected, &preds, kind, true) {
            passed += 1;
        } else if verbose {
            let got: Vec<String> = preds
                .iter()
                .map(|p| {
                    format!(
                        "{:?}={}",
                        text.chars().skip(p.start).take(p.end - p.start).collect::<String>(),
                        p.value
                    )
                })
                .collect();
            let want: Vec<String> = expected
                .iter()
                .map(|e| format!("{:?}={}", e["text"], e["value"]))
                .collect();
            println!("FAIL {} {:?}\n     want {want:?}\n     got  {got:?}", case["id"], text);
        }
    }
    let n = suite.len().max(1) as f64;
    println!(
        "{}: {passed} of {} cases passed ({:.1}%)",
        suite
            .first()
            .and_then(|c| c["id"].as_str())
            .and_then(|i| i.split('#').next())
            .unwrap_or(kind),
        suite.len(),
        100.0 * passed as f64 / n
    );
    if kind == "date" && passed != passed_without_ranges {
        println!(
            "  without resolved ranges (timex and value strings only): {passed_without_ranges} ({:.1}%)",
            100.0 * passed_without_ranges as f64 / n
        );
    }
}

/// Whether every expected entity is matched by its own prediction, with an
/// overlapping span and an accepted value, and no prediction is left over.
fn case_passes(expected: &[Value], preds: &[Pred], kind: &str, ranges: bool) -> bool {
    let mut used = vec![false; preds.len()];
    for e in expected {
        let (es, ee) = (
            e["start"].as_u64().unwrap_or(0) as usize,
            e["end"].as_u64().unwrap_or(0) as usize,
        );
        let accepted = accepted_values(e, kind, ranges);
        let unit = e["value"]["unit"]
            .as_str()
            .filter(|u| u.len() == 3 && u.chars().all(|c| c.is_ascii_uppercase()));
        let hit = (0..preds.len()).find(|&i| {
            !used[i]
                && preds[i].start < ee
                && es < preds[i].end
                && accepted.iter().any(|v| same_value(v, &preds[i].value))
                && (kind != "currency" || unit.is_none() || preds[i].unit.as_deref() == unit)
        });
        match hit {
            Some(i) => used[i] = true,
            None => return false,
        }
    }
    used.iter().all(|u| *u)
}

/// The values an expected entity accepts.
fn accepted_values(e: &Value, kind: &str, ranges: bool) -> Vec<Value> {
    match kind {
        "date" => {
            let mut v = vec![e["value"].clone()];
            v.extend(e["timex_all"].as_array().cloned().unwrap_or_default());
            // The listed resolutions: each entry's timex and resolved value
            // (written "2016-11-07 08:00:00", compared in TIMEX form at the
            // precision of the entry's timex: "T08" → "2016-11-07T08"), and
            // the date parser's future and past resolutions.
            if let Some(vals) = e["raw_resolution"]["values"].as_array() {
                for x in vals {
                    let timex = x.get("timex").and_then(Value::as_str).unwrap_or("");
                    v.extend(x.get("timex").cloned());
                    // A range's resolution is its start and end: compared as
                    // "(start,end,duration)" at the precision of the timex's ends.
                    if let (true, Some(start), Some(end), Some(inner)) = (
                        ranges,
                        x.get("start").and_then(Value::as_str),
                        x.get("end").and_then(Value::as_str),
                        timex.strip_prefix('(').and_then(|t| t.strip_suffix(')')),
                    ) {
                        let parts: Vec<&str> = inner.split(',').collect();
                        if let [a, b, d] = parts.as_slice() {
                            v.push(Value::String(format!(
                                "({},{},{d})",
                                at_precision_of(&timex_form(start), a),
                                at_precision_of(&timex_form(end), b)
                            )));
                        }
                    }
                    // A yearless month ("XXXX-08") resolves to the month its
                    // start opens: "2016-08-01" is "2016-08".
                    let month_form = timex.len() == 7
                        && timex.starts_with("XXXX-")
                        && timex[5..].chars().all(|c| c.is_ascii_digit());
                    if let (true, true, Some(start)) = (ranges, month_form, x.get("start").and_then(Value::as_str)) {
                        if start.len() >= 10 && &start[8..10] == "01" {
                            v.push(Value::String(start[..7].to_string()));
                        }
                    }
                    v.extend(
                        x.get("value")
                            .and_then(Value::as_str)
                            .map(|s| Value::String(at_precision_of(&timex_form(s), timex))),
                    );
                }
            }
            if let Some(t) = e["raw_resolution"].get("Timex") {
                v.push(t.clone());
            }
            for key in ["FutureResolution", "PastResolution"] {
                if let Some(d) = e["raw_resolution"][key]["date"].as_str() {
                    v.push(Value::String(timex_form(d)));
                }
            }
            v
        }
        "currency" => {
            // "50 cents" is 0.5 of its currency; "2 satoshis" 0.00000002 BTC.
            let amount = e["value"]["amount"].clone();
            let places = match e["value"]["unit"].as_str().map(str::to_lowercase).as_deref() {
                Some("cent" | "pence" | "penny" | "sen" | "fen" | "kopek" | "centavo" | "centime" | "paisa") => 2,
                Some("satoshi") => 8,
                _ => 0,
            };
            match amount.as_f64() {
                Some(a) if places > 0 => vec![serde_json::json!(a / 10f64.powi(places))],
                _ => vec![amount],
            }
        }
        _ => vec![e["value"].clone()],
    }
}

/// "2016-11-07 08:00:00" → "2016-11-07T08:00"; seconds kept when not zero.
fn timex_form(s: &str) -> String {
    let s = s.replacen(' ', "T", 1);
    match s.strip_suffix(":00") {
        Some(t) if t.len() == 16 => t.to_string(),
        _ => s,
    }
}

/// A resolved date-time cut to the precision of its timex: hours only when
/// the timex names only the hour (`XXXX-WXX-6T05`).
fn at_precision_of(value: &str, timex: &str) -> String {
    let hour_only = timex
        .split_once('T')
        .is_some_and(|(_, t)| t.len() == 2 && t.chars().all(|c| c.is_ascii_digit()));
    match value.split_once('T') {
        Some((d, t)) if hour_only && t.len() >= 2 => format!("{d}T{}", &t[..2]),
        _ => value.to_string(),
    }
}

fn same_value(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(1.0),
        _ => a == b,
    }
}
