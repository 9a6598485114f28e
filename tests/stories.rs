//! Stories at scale: a generated corpus of invented five-outlet stories, each
//! with its planted findings. A story's findings do not depend on what else
//! is in the corpus, and no finding joins two stories.

#[path = "../examples/gen-corpus.rs"]
#[allow(dead_code)]
mod generator;

use claimcheck::analysis::Analysis;
use claimcheck::analysis::stream::{StreamOptions, Streamed};
use claimcheck::finding::Finding;
use claimcheck::report::{Printer, Report, json::Json};
use claimcheck::rules;
use claimcheck::source::{Format, Source};

fn parse(articles: &[&generator::Article]) -> Vec<Source> {
    articles
        .iter()
        .map(|a| {
            let format = Format::from_path(std::path::Path::new(&a.name)).expect("a known format");
            Source::parse(&a.name, &a.name, a.text.as_bytes().to_vec(), format, None)
        })
        .collect()
}

fn check(articles: &[&generator::Article]) -> (Analysis, Vec<Finding>) {
    let analysis = Analysis::run(parse(articles));
    let rules = rules::load(None).expect("default rules");
    let findings = rules::engine::run(&rules, &analysis);
    (analysis, findings)
}

/// The story a generated source belongs to: "s00006-outlet2.html" → 6.
fn story_of(source: &str) -> usize {
    source[1..6].parse().expect("a generated name")
}

#[test]
fn a_story_gives_the_same_findings_alone_and_among_four_thousand_articles() {
    // 800 stories of five outlets: 4,000 articles.
    let (articles, expected) = generator::generate(800, 7);
    let all: Vec<&generator::Article> = articles.iter().collect();
    let (analysis, findings) = check(&all);
    assert_eq!(analysis.stories.len(), 800, "one story per invented event");

    // Every planted finding, and nothing across stories or beyond them.
    for e in &expected {
        let found = findings
            .iter()
            .any(|f| f.rule == e.rule && f.sources.iter().all(|s| story_of(s) == e.story));
        assert!(found, "story {} should give {}", e.story, e.rule);
    }
    for f in &findings {
        let story = story_of(&f.sources[0]);
        assert!(
            f.sources.iter().all(|s| story_of(s) == story),
            "a finding across stories: {}",
            f.message
        );
    }
    assert_eq!(findings.len(), expected.len(), "no finding beyond the planted ones");

    // Each kind of planted story, alone: byte for byte the same findings.
    for story in [4, 5, 6, 7] {
        let own: Vec<&generator::Article> = articles.iter().filter(|a| story_of(&a.name) == story).collect();
        let (_, alone) = check(&own);
        let among: Vec<&Finding> = findings.iter().filter(|f| story_of(&f.sources[0]) == story).collect();
        let alone: Vec<&Finding> = alone.iter().collect();
        assert!(!alone.is_empty(), "every story has at least its copy");
        assert_eq!(
            serde_json::to_string_pretty(&strip(&among)).unwrap(),
            serde_json::to_string_pretty(&strip(&alone)).unwrap(),
            "story {story}"
        );
    }
}

/// A finding as the report writes it, without the claim indices that
/// depend on the rest of the corpus.
fn strip(findings: &[&Finding]) -> Vec<serde_json::Value> {
    findings
        .iter()
        .map(|f| serde_json::to_value(f).expect("a finding serializes"))
        .collect()
}

#[test]
fn a_report_kept_story_by_story_is_the_report_of_the_whole_run() {
    // 150 stories with copies, planted disagreements and traps, given in
    // reverse order (a run sorts its sources by id either way).
    let (articles, expected) = generator::generate(150, 3);
    let mut all: Vec<&generator::Article> = articles.iter().collect();
    all.reverse();
    let (analysis, findings) = check(&all);
    let rules = rules::load(None).expect("default rules");
    let mut held = Vec::new();
    let report = Report {
        analysis: &analysis,
        findings: &findings,
        rules: &rules,
    };
    Json.write(&report, &mut held).expect("written");
    let opts = StreamOptions {
        rules: &rules,
        linked: true,
        keys: false,
        people: false,
    };
    let run = Streamed::run(parse(&all), &opts, None, &|| {}).expect("run");
    let mut streamed = Vec::new();
    run.write_json(&mut streamed).expect("written");
    assert_eq!(run.findings.len(), expected.len(), "the planted findings, no more");
    assert!(analysis.claims.len() > 1000, "{} claims", analysis.claims.len());
    // Byte for byte: every claim, finding and story, in the same order.
    assert_eq!(String::from_utf8(held).unwrap(), String::from_utf8(streamed).unwrap());
}

#[test]
fn claims_written_in_order_wait_for_their_turn_when_stories_interleave() {
    // Outlet first in every name: in id order the five sources of a story
    // stand 300 apart, and more stories than one batch holds (256) come
    // before any story's last source.
    let (articles, _) = generator::generate(300, 5);
    let renamed: Vec<generator::Article> = articles
        .iter()
        .map(|a| {
            let (story, outlet) = a.name.split_once('-').expect("sNNNNN-outletK.ext");
            let (outlet, ext) = outlet.split_once('.').expect("an extension");
            generator::Article {
                name: format!("{outlet}-{story}.{ext}"),
                text: a.text.clone(),
            }
        })
        .collect();
    let all: Vec<&generator::Article> = renamed.iter().collect();
    let opts = StreamOptions {
        rules: &[],
        linked: false,
        keys: false,
        people: false,
    };
    let mut written: Vec<u8> = b"[".to_vec();
    let mut pieces = 0;
    let mut write = |json: &[u8]| {
        if !json.is_empty() {
            if pieces > 0 {
                written.extend_from_slice(b",");
            }
            written.extend_from_slice(json);
            pieces += 1;
        }
        Ok(())
    };
    let run = Streamed::run(parse(&all), &opts, Some(&mut write), &|| {}).expect("run");
    written.push(b']');
    assert_eq!(run.stories.len(), 300, "the names do not change the stories");
    let streamed: serde_json::Value = serde_json::from_slice(&written).expect("JSON");
    let held = Analysis::extract_only(parse(&all));
    assert!(held.claims.len() > 2000, "{} claims", held.claims.len());
    // The same claims in the same order: by source id, then number.
    assert_eq!(streamed, serde_json::to_value(&held.claims).unwrap());
}

/// Runs that found their stories, as the hook counts them.
static STORY_PHASES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

#[test]
fn the_host_hears_when_stories_are_found() {
    claimcheck::analysis::when_stories_found(|| {
        STORY_PHASES.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    });
    let (generated, _) = generator::generate(2, 7);
    let articles: Vec<&generator::Article> = generated.iter().collect();
    let before = STORY_PHASES.load(std::sync::atomic::Ordering::SeqCst);
    let (analysis, _) = check(&articles);
    assert!(!analysis.stories.is_empty());
    // Other tests of this file run beside it: at least this run was heard.
    assert!(STORY_PHASES.load(std::sync::atomic::Ordering::SeqCst) > before);
}
