//! `claimcheck check`: the cross-source run.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::inputs::{EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, progress, read};
use crate::analysis::Analysis;
use crate::analysis::stream::{StreamOptions, Streamed};
use crate::baseline::{Accepted, Baseline, key};
use crate::config::Loaded;
use crate::corpus::story::Story;
use crate::error::{Error, Result};
use crate::extract::mention::Person;
use crate::finding::{Finding, Severity};
use crate::report::{self, Report};
use crate::rules::{self, Rule};
use crate::source::Source;

/// The lowest severity that fails a run, or never.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    Severity(Severity),
    Never,
}

pub struct CheckOptions {
    pub paths: Vec<PathBuf>,
    pub format: report::Format,
    /// ANSI colors in the human report.
    pub color: bool,
    /// Write the report here (atomically) instead of to standard output.
    pub output: Option<PathBuf>,
    /// No notes on standard error.
    pub quiet: bool,
    /// Findings per rule, claims per kind and time per stage, on standard error.
    pub statistics: bool,
    pub rules: Option<PathBuf>,
    pub fail_on: FailOn,
    pub manifest: Option<PathBuf>,
    /// `claimcheck.yaml` to use instead of the one found beside the articles.
    pub config: Option<PathBuf>,
    /// Accepted findings to hide.
    pub baseline: Option<PathBuf>,
    /// Where to write the findings of this run as a baseline.
    pub write_baseline: Option<PathBuf>,
    /// Articles above this size are errors, not read.
    pub max_article_bytes: u64,
    /// Rule and configuration files above this size are errors.
    pub max_rule_file_bytes: u64,
}

impl CheckOptions {
    /// Whether findings need their baseline keys (a baseline read or written).
    fn reads_baseline(&self) -> bool {
        self.baseline.is_some() || self.write_baseline.is_some()
    }
}

/// `claimcheck check`: the cross-source run. Returns the exit status.
pub fn check(opts: &CheckOptions, out: &mut dyn Write, err: &mut dyn Write) -> Result<i32> {
    // Configuration and rules first: an invalid file stops the run before
    // any article is read. Command-line options win over the configuration.
    let limit = opts.max_rule_file_bytes;
    let config = match &opts.config {
        Some(p) => Some(Loaded::load(p, limit)?),
        None => Loaded::find(&opts.paths, limit)?,
    };
    let rules = match (&opts.rules, &config) {
        (Some(p), _) => rules::load_limited(Some(p), limit)?,
        (None, Some(c)) => c.load_rules(limit)?,
        (None, None) => rules::load(None)?,
    };
    let rules = match &config {
        Some(c) => c.apply(rules)?,
        None => rules,
    };
    let configured = config.as_ref().map(|c| c.config.sources.clone()).unwrap_or_default();
    let mut sink = std::io::sink();
    let notes: &mut dyn Write = if opts.quiet { &mut sink } else { &mut *err };
    let (sources, failed) = read(
        &opts.paths,
        opts.manifest.as_deref(),
        &configured,
        opts.max_article_bytes,
        notes,
    )?;
    if sources.is_empty() && !failed {
        return Err(Error::Usage(
            "no articles found (.txt, .md, .markdown, .html, .htm)".into(),
        ));
    }
    let bar = progress(sources.len());
    if opts.format != report::Format::Json {
        return held(opts, sources, &rules, failed, bar, out, err);
    }
    // The JSON report needs no more of a claim than its JSON: the run keeps
    // that alone, story by story.
    let run_opts = StreamOptions {
        rules: &rules,
        linked: true,
        keys: opts.reads_baseline(),
        people: opts.statistics,
    };
    let mut run = Streamed::run(sources, &run_opts, None, &|| bar.inc(1)).map_err(|e| Error::Io {
        path: "<report>".into(),
        source: e,
    })?;
    bar.finish_and_clear();
    let found = std::mem::take(&mut run.findings);
    run.findings = accept(opts, found, &run.keys, err)?;
    let started = Instant::now();
    print(opts, out, |w| run.write_json(w))?;
    let printing = started.elapsed();
    if opts.statistics {
        let tally = Tally {
            rules: &rules,
            kinds: run.kinds.clone(),
            stories: &run.stories,
            people: people_of(&run.sources, &run.people),
            timings: &run.timings,
        };
        statistics(err, &tally, &run.findings, printing);
    }
    Ok(status(opts, failed, &run.findings))
}

/// A report that shows the articles' words or the claims' places: the
/// run holds every claim and the whole claim graph.
fn held(
    opts: &CheckOptions,
    sources: Vec<Source>,
    rules: &[Rule],
    failed: bool,
    bar: indicatif::ProgressBar,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32> {
    let mut analysis = Analysis::run_observed(sources, opts.format.reads_source_text(), &|| bar.inc(1));
    bar.finish_and_clear();
    let started = Instant::now();
    let found = rules::engine::run(rules, &analysis);
    analysis.timings.push(("rules", started.elapsed()));
    let keys: Vec<Accepted> = if opts.reads_baseline() {
        found.iter().map(|f| key(f, &analysis)).collect()
    } else {
        Vec::new()
    };
    let findings = accept(opts, found, &keys, err)?;
    let report = Report {
        analysis: &analysis,
        findings: &findings,
        rules,
    };
    let started = Instant::now();
    let printer = report::printer(opts.format, opts.color);
    print(opts, out, |w| printer.write(&report, w))?;
    let printing = started.elapsed();
    if opts.statistics {
        let mut kinds = BTreeMap::new();
        for c in &analysis.claims {
            *kinds.entry(c.kind().as_str()).or_default() += 1;
        }
        let tally = Tally {
            rules,
            kinds,
            stories: &analysis.stories,
            people: people_of(&analysis.sources, &analysis.people),
            timings: &analysis.timings,
        };
        statistics(err, &tally, &findings, printing);
    }
    Ok(status(opts, failed, &findings))
}

/// Writes this run's findings as a baseline where asked, and hides the
/// findings a baseline accepts. `keys`: each finding's baseline key (none
/// when neither is asked).
fn accept(opts: &CheckOptions, findings: Vec<Finding>, keys: &[Accepted], err: &mut dyn Write) -> Result<Vec<Finding>> {
    if let Some(p) = &opts.write_baseline {
        crate::baseline::write_atomic(p, &Baseline::of(keys.to_vec()).to_json())?;
        let _ = writeln!(
            err,
            "note: wrote {} accepted findings to {}",
            findings.len(),
            p.display()
        );
    }
    let Some(p) = &opts.baseline else {
        return Ok(findings);
    };
    let (kept, hidden, stale) = Baseline::load(p)?.filter(findings, keys);
    if hidden > 0 {
        let _ = writeln!(err, "note: {hidden} findings accepted by the baseline {}", p.display());
    }
    for s in stale {
        let _ = writeln!(
            err,
            "note: stale baseline entry (no longer found): {} in {}",
            s.rule,
            s.sources.join(", ")
        );
    }
    Ok(kept)
}

/// Writes the report to `--output` (whole or not at all) or to `out`.
fn print(
    opts: &CheckOptions,
    out: &mut dyn Write,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    match &opts.output {
        Some(p) => crate::baseline::write_atomic_with(p, write),
        None => write(out).map_err(|e| Error::Io {
            path: "<stdout>".into(),
            source: e,
        }),
    }
}

/// The exit status of a run that read its inputs and found `findings`.
fn status(opts: &CheckOptions, failed: bool, findings: &[Finding]) -> i32 {
    if failed {
        return EXIT_ERROR;
    }
    let fails = match opts.fail_on {
        FailOn::Never => false,
        FailOn::Severity(s) => findings.iter().any(|f| f.severity >= s),
    };
    if fails { EXIT_FINDINGS } else { EXIT_OK }
}

/// What `--statistics` reports of a run, however it held its claims.
struct Tally<'a> {
    rules: &'a [Rule],
    /// Claims of each kind.
    kinds: BTreeMap<&'static str, usize>,
    stories: &'a [Story],
    /// Each source's id and its people with their canonical names.
    people: Vec<(&'a str, &'a [(Person, String)])>,
    timings: &'a [(&'static str, Duration)],
}

/// Each source's id beside its people.
fn people_of<'a>(sources: &'a [Source], people: &'a [Vec<(Person, String)>]) -> Vec<(&'a str, &'a [(Person, String)])> {
    sources
        .iter()
        .map(|s| s.id.as_str())
        .zip(people.iter().map(Vec::as_slice))
        .collect()
}

/// `--statistics`: findings per rule, claims per kind, time per stage.
fn statistics(err: &mut dyn Write, tally: &Tally<'_>, findings: &[Finding], printing: Duration) {
    let mut per_rule: BTreeMap<&str, usize> = Default::default();
    for f in findings {
        *per_rule.entry(f.rule.as_str()).or_default() += 1;
    }
    let _ = writeln!(err, "statistics:");
    for r in tally.rules {
        let _ = writeln!(
            err,
            "  findings {:24} {}",
            r.id,
            per_rule.get(r.id.as_str()).copied().unwrap_or(0)
        );
    }
    for (k, n) in &tally.kinds {
        let _ = writeln!(err, "  claims   {k:24} {n}");
    }
    let stories = tally.stories;
    let largest = stories.iter().map(|s| s.sources.len()).max().unwrap_or(0);
    let _ = writeln!(err, "  stories  {:24} {}", "count", stories.len());
    let _ = writeln!(err, "  stories  {:24} {largest}", "largest (sources)");
    // Every name that was taken for another, and why.
    for (source, people) in &tally.people {
        for (person, canonical) in *people {
            let form = person.full_name();
            if !canonical.is_empty() && form != *canonical {
                let why = crate::corpus::identity::why_one(&form, canonical);
                let _ = writeln!(err, "  person   {canonical} = {form} ({source}): {why}");
            }
        }
    }
    for (stage, t) in tally.timings.iter().chain(std::iter::once(&("report", printing))) {
        let _ = writeln!(err, "  time     {stage:24} {:.1} ms", t.as_secs_f64() * 1000.0);
    }
}
