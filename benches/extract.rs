//! Extraction speed on one core: every document of a JSONL suite (by default
//! the TempEval-3 platinum set beside the checkout), or the bundled example
//! articles when the suite is absent.
//!
//!     cargo bench --bench extract [-- PATH.jsonl]

use std::time::Instant;

use claimcheck::analysis::Analysis;
use claimcheck::source::{Format, PublishedFrom, Source};

fn documents() -> (String, Vec<(String, Option<jiff::civil::Date>)>) {
    let path = std::env::args()
        .skip(1)
        .find(|a| a.ends_with(".jsonl"))
        .unwrap_or_else(|| "../shared/eval/tempeval3/platinum.jsonl".into());
    if let Ok(text) = std::fs::read_to_string(&path) {
        let docs = text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).expect("JSON line");
                let published = v["dct"]
                    .as_str()
                    .or(v["published"].as_str())
                    .and_then(claimcheck::timex::parse_date_str);
                (v["text"].as_str().unwrap_or("").to_string(), published)
            })
            .collect();
        return (path, docs);
    }
    let dir = "examples/harbour-strike";
    let mut docs = Vec::new();
    for e in std::fs::read_dir(dir).expect("examples") {
        let p = e.expect("entry").path();
        if Format::from_path(&p).is_some() {
            docs.push((std::fs::read_to_string(&p).expect("read"), None));
        }
    }
    (dir.to_string(), docs)
}

fn main() {
    let (what, docs) = documents();
    let bytes: usize = docs.iter().map(|d| d.0.len()).sum();
    let run = || {
        let mut claims = 0;
        for (i, (text, published)) in docs.iter().enumerate() {
            let id = i.to_string();
            let mut s = Source::parse(&id, &id, text.clone().into_bytes(), Format::Text, None);
            if published.is_some() {
                s.meta.published = *published;
                s.meta.published_from = PublishedFrom::Metadata;
            }
            claims += Analysis::run(vec![s]).claims.len();
        }
        claims
    };
    // Warm up, then take the best of several rounds (least disturbed by other load).
    let claims = run();
    let rounds = 20;
    let mut best = f64::MAX;
    let mut total = 0.0;
    for _ in 0..rounds {
        let t = Instant::now();
        std::hint::black_box(run());
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        best = best.min(ms);
        total += ms;
    }
    println!(
        "extract {what}: {} documents, {} KiB, {claims} claims: best {best:.2} ms, mean {:.2} ms over {rounds} rounds (one core)",
        docs.len(),
        bytes / 1024,
        total / rounds as f64
    );
}
