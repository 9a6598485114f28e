//! The `claimcheck` command line: argument parsing and exit statuses only.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use std::io::IsTerminal;

use claimcheck::cli::{
    self, CheckOptions, ExtractFormat, ExtractOptions, FailOn, GraphFormat, ReadFormat, ShardOptions,
};
use claimcheck::finding::Severity;
use claimcheck::report::Format;
use claimcheck::{Error, rules};

// The extractors make many small strings and lists a paragraph; jemalloc's
// thread caches serve them in a sixth less time than the system allocator.
// It gives freed pages back at once (`.cargo/config.toml`) while a run
// builds its corpus-wide indexes, so the peak stays that of the memory in
// use; once stories are found, it keeps them a while (`keep_freed_pages`).
#[cfg(feature = "jemalloc")]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// How long jemalloc keeps freed pages once a run goes story by story:
/// what one story frees, the next reuses without faulting pages in again.
#[cfg(feature = "jemalloc")]
const KEEP_FREED_PAGES_MS: isize = 100;

/// Lets jemalloc keep freed pages `KEEP_FREED_PAGES_MS` in its automatic
/// arenas, those made later too. A setting it refuses leaves pages given
/// back at once: slower, never wrong.
#[cfg(feature = "jemalloc")]
fn keep_freed_pages() {
    // SAFETY: both settings are `ssize_t` (jemalloc's `mallctl`
    // documentation), written as `isize`; the names end in NUL.
    unsafe {
        let _ = tikv_jemalloc_ctl::raw::write(b"arenas.dirty_decay_ms\0", KEEP_FREED_PAGES_MS);
        // The automatic arenas only: the one for very large allocations
        // (jemalloc's `oversize_threshold`, after them) keeps giving pages
        // back at once, as jemalloc sets it, so that a long document's
        // largest buffers are not held twice.
        let arenas: u32 = tikv_jemalloc_ctl::raw::read(b"opt.narenas\0").unwrap_or(0);
        for i in 0..arenas {
            // Arenas not made yet refuse; they take the default above.
            let name = format!("arena.{i}.dirty_decay_ms\0");
            let _ = tikv_jemalloc_ctl::raw::write(name.as_bytes(), KEEP_FREED_PAGES_MS);
        }
    }
}

/// Checks news claims across sources: dates, figures and quotations that
/// disagree between articles about one event.
#[derive(Parser)]
#[command(name = "claimcheck", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Cross-source consistency run over articles (the main job).
    Check {
        /// Article files or folders (walked recursively); `-` reads stdin.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = CheckFmt::Human)]
        format: CheckFmt,
        /// A YAML rule file or a folder of them (default: the built-in rules).
        #[arg(long)]
        rules: Option<PathBuf>,
        /// Lowest severity that makes the exit status 1.
        #[arg(long, value_enum, default_value_t = FailOnArg::Error)]
        fail_on: FailOnArg,
        /// Source metadata (publication dates...) by file name.
        #[arg(long)]
        manifest: Option<PathBuf>,
        /// Configuration file (default: claimcheck.yaml beside the articles or above).
        #[arg(long)]
        config: Option<PathBuf>,
        /// Hide the findings accepted in this baseline file.
        #[arg(long)]
        baseline: Option<PathBuf>,
        /// Write this run's findings as a baseline file.
        #[arg(long)]
        write_baseline: Option<PathBuf>,
        /// Write the report to FILE (whole or not at all) instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Colors in the human report (auto: on a terminal, unless NO_COLOR is set).
        #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
        color: ColorArg,
        /// No notes on standard error.
        #[arg(long, short)]
        quiet: bool,
        /// Findings per rule, claims per kind and time per stage, on standard error.
        #[arg(long)]
        statistics: bool,
        /// Read whole stories of documents with their assignments as JSON
        /// lines (a step of a distributed run, spark/README.md) and write
        /// each source's entry, its claims and the findings as JSON lines.
        #[arg(long, value_enum, conflicts_with_all = ["format", "config", "baseline", "write_baseline", "output", "statistics"])]
        input: Option<CheckInput>,
        #[command(flatten)]
        limits: Limits,
        #[command(flatten)]
        rule_limits: RuleLimits,
    },
    /// The claims of each document, no rules.
    Extract {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ExtractFmt::Human)]
        format: ExtractFmt,
        /// Publication date for articles whose text gives none (YYYY-MM-DD).
        #[arg(long)]
        published: Option<String>,
        /// Read documents as JSON lines {"id", "text", "published"} instead of files.
        #[arg(long, value_enum)]
        input: Option<InputFmt>,
        #[arg(long)]
        manifest: Option<PathBuf>,
        #[command(flatten)]
        limits: Limits,
    },
    /// What the reader kept of each article: its text, title and publication
    /// date with where it came from.
    Read {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ReadFmt::Text)]
        format: ReadFmt,
        #[command(flatten)]
        limits: Limits,
    },
    /// The claim graph (sources, people, claims and their links).
    Graph {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = GraphFmt::Dot)]
        format: GraphFmt,
        #[command(flatten)]
        limits: Limits,
    },
    /// Rule authoring: list, explain and test rules.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
        #[command(flatten)]
        rule_limits: RuleLimits,
    },
    /// Distributed run, step 1 (spark/README.md): each document line
    /// answered with its keys.
    ///
    /// A document line is {"id", "path", "text" | "base64"}; its keys are
    /// its fingerprint and the clues to its publication date. One output
    /// line a document, in order.
    Keys {
        /// JSONL files of documents; `-` reads stdin.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// What the inputs hold: documents as JSON lines (the only form).
        #[arg(long, value_enum, default_value_t = KeysInput::Jsonl)]
        input: KeysInput,
        /// Source metadata (publication dates...) by file name.
        #[arg(long)]
        manifest: Option<PathBuf>,
        #[command(flatten)]
        limits: Limits,
    },
    /// Distributed run, step 2: each document's story, date and copies.
    ///
    /// Reads the keys of every document of the corpus.
    Assign {
        /// JSONL files of keys; `-` reads stdin.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
    },
    /// Distributed run, step 4: the parts of every story into the report.
    ///
    /// Step 3 is `check --input story-jsonl`; its parts, in any order,
    /// make the report of `check --format json`.
    Merge {
        /// JSONL files of parts; `-` reads stdin.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Write the report to FILE (whole or not at all) instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

/// What a run reads at most.
#[derive(clap::Args)]
struct Limits {
    /// Largest article read, in MB (a million bytes); a larger one is an
    /// error and is not read (with `--input jsonl`, a longer line is
    /// answered with an error line).
    #[arg(long, value_name = "MB", default_value_t = claimcheck::source::DEFAULT_MAX_ARTICLE_BYTES / 1_000_000)]
    max_article_mb: u64,
}

impl Limits {
    fn max_article_bytes(&self) -> u64 {
        self.max_article_mb.saturating_mul(1_000_000)
    }
}

/// How large a rule file is read at most.
#[derive(clap::Args)]
struct RuleLimits {
    /// Largest rule or configuration file read, in MB (a million bytes); a
    /// larger one is an error.
    #[arg(long, value_name = "MB", default_value_t = 1, global = true)]
    max_rule_file_mb: u64,
}

impl RuleLimits {
    fn max_rule_file_bytes(&self) -> u64 {
        self.max_rule_file_mb.saturating_mul(1_000_000)
    }
}

#[derive(Subcommand)]
enum RulesCommand {
    /// Check rule files and report the first error.
    Lint { path: Option<PathBuf> },
    /// Run the test cases inside rule files.
    Test { path: Option<PathBuf> },
    /// Explain one rule: its summary and documentation.
    Explain {
        id: String,
        #[arg(long)]
        rules: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = CheckFmt::Human)]
        format: CheckFmt,
    },
    /// Print the JSON Schema of rule files (for editors).
    Schema,
    /// List rules: id, severity, summary.
    List {
        #[arg(long)]
        rules: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFmt {
    Human,
    Json,
    Sarif,
    Markdown,
    Github,
    /// One self-contained HTML page for an editor (write it with --output).
    Html,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum KeysInput {
    /// {"id", "path", "text" | "base64"} a line.
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckInput {
    /// Documents with their story, date and copies (`claimcheck assign`).
    StoryJsonl,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFmt {
    Human,
    Json,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
enum ReadFmt {
    Text,
    Json,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
enum InputFmt {
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
enum GraphFmt {
    Dot,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOnArg {
    Error,
    Warning,
    Info,
    Never,
}

fn run(cli: Cli) -> Result<i32, Error> {
    // Standard output flushes at every line; reports run to many thousands.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let code = dispatch(cli, &mut out)?;
    match out.flush() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Io {
            path: "<stdout>".into(),
            source: e,
        }),
        _ => Ok(code),
    }
}

/// `claimcheck rules ...`.
fn rules_command(command: RulesCommand, limits: &RuleLimits, out: &mut dyn Write) -> Result<i32, Error> {
    let load = |p: Option<&std::path::Path>| rules::load_limited(p, limits.max_rule_file_bytes());
    Ok(match command {
        RulesCommand::Lint { path } => {
            let rules = load(path.as_deref())?;
            let _ = writeln!(out, "{} rules ok", rules.len());
            cli::EXIT_OK
        }
        RulesCommand::Test { path } => cli::rules_test(&load(path.as_deref())?, out)?,
        RulesCommand::Explain { id, rules, format } => {
            let json = matches!(format, CheckFmt::Json);
            cli::rules_explain(&load(rules.as_deref())?, &id, json, out)?
        }
        RulesCommand::Schema => {
            let _ = out.write_all(rules::schema().as_bytes());
            cli::EXIT_OK
        }
        RulesCommand::List { rules } => cli::rules_list(&load(rules.as_deref())?, out)?,
    })
}

fn dispatch(cli: Cli, out: &mut dyn Write) -> Result<i32, Error> {
    let mut err = std::io::stderr();
    let code = match cli.command {
        Command::Check {
            paths,
            format,
            rules,
            fail_on,
            manifest,
            config,
            baseline,
            write_baseline,
            output,
            color,
            quiet,
            statistics,
            input,
            limits,
            rule_limits,
        } => {
            if input.is_some() {
                let opts = ShardOptions {
                    inputs: paths,
                    manifest,
                    max_article_bytes: limits.max_article_bytes(),
                };
                return cli::check_stories(&opts, rules.as_deref(), rule_limits.max_rule_file_bytes(), out);
            }
            let color = match color {
                ColorArg::Always => true,
                ColorArg::Never => false,
                ColorArg::Auto => {
                    output.is_none()
                        && std::io::stdout().is_terminal()
                        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                }
            };
            let opts = CheckOptions {
                paths,
                format: match format {
                    CheckFmt::Human => Format::Human,
                    CheckFmt::Json => Format::Json,
                    CheckFmt::Sarif => Format::Sarif,
                    CheckFmt::Markdown => Format::Markdown,
                    CheckFmt::Github => Format::Github,
                    CheckFmt::Html => Format::Html,
                },
                color,
                output,
                quiet,
                statistics,
                rules,
                fail_on: match fail_on {
                    FailOnArg::Error => FailOn::Severity(Severity::Error),
                    FailOnArg::Warning => FailOn::Severity(Severity::Warning),
                    FailOnArg::Info => FailOn::Severity(Severity::Info),
                    FailOnArg::Never => FailOn::Never,
                },
                manifest,
                config,
                baseline,
                write_baseline,
                max_article_bytes: limits.max_article_bytes(),
                max_rule_file_bytes: rule_limits.max_rule_file_bytes(),
            };
            cli::check(&opts, out, &mut err)?
        }
        Command::Extract {
            paths,
            format,
            published,
            input,
            manifest,
            limits,
        } => {
            let published = match published {
                Some(p) => Some(
                    claimcheck::timex::parse_date_str(&p)
                        .ok_or_else(|| Error::Usage(format!("--published: not a date: {p}")))?,
                ),
                None => None,
            };
            let opts = ExtractOptions {
                paths,
                format: match format {
                    ExtractFmt::Human => ExtractFormat::Human,
                    ExtractFmt::Json => ExtractFormat::Json,
                    ExtractFmt::Jsonl => ExtractFormat::Jsonl,
                },
                published,
                jsonl_input: input.is_some(),
                manifest,
                max_article_bytes: limits.max_article_bytes(),
            };
            cli::extract(&opts, out, &mut err)?
        }
        Command::Read { paths, format, limits } => {
            let f = match format {
                ReadFmt::Text => ReadFormat::Text,
                ReadFmt::Json => ReadFormat::Json,
                ReadFmt::Jsonl => ReadFormat::Jsonl,
            };
            cli::read_articles(&paths, f, limits.max_article_bytes(), out, &mut err)?
        }
        Command::Graph { paths, format, limits } => {
            let f = match format {
                GraphFmt::Dot => GraphFormat::Dot,
                GraphFmt::Json => GraphFormat::Json,
            };
            cli::graph(&paths, f, limits.max_article_bytes(), out, &mut err)?
        }
        step @ (Command::Keys { .. } | Command::Assign { .. } | Command::Merge { .. }) => {
            distributed_step(step, out, &mut err)?
        }
        Command::Rules { command, rule_limits } => rules_command(command, &rule_limits, out)?,
    };
    Ok(code)
}

/// `keys`, `assign` and `merge`: the steps of a distributed run.
fn distributed_step(step: Command, out: &mut dyn Write, err: &mut dyn Write) -> Result<i32, Error> {
    match step {
        Command::Keys {
            inputs,
            input: KeysInput::Jsonl,
            manifest,
            limits,
        } => {
            let opts = ShardOptions {
                inputs,
                manifest,
                max_article_bytes: limits.max_article_bytes(),
            };
            cli::keys(&opts, out)
        }
        Command::Assign { inputs } => cli::assign(&inputs, out),
        Command::Merge { inputs, output } => cli::merge(&inputs, output.as_deref(), out, err),
        _ => Err(Error::Usage("not a step of a distributed run".into())),
    }
}

fn main() -> ExitCode {
    #[cfg(feature = "jemalloc")]
    claimcheck::analysis::when_stories_found(keep_freed_pages);
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code as u8),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(cli::EXIT_ERROR as u8)
        }
    }
}
