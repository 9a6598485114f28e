//! Generates a corpus of invented stories for benchmarks and scale tests:
//!
//!     cargo run --release --example gen-corpus -- OUT STORIES [SEED]
//!
//! Each story is one invented event (new people, places, figures and
//! quotations), told by five outlets in text, Markdown and HTML, some of
//! them planting a disagreement (a figure, a quoted word, the day of a
//! remark) and some a trap that is none (the same figure written another
//! way, a partial quotation). The articles go to `OUT/articles`;
//! `OUT/expected.jsonl` lists, per story, the findings that must be reported
//! (the re-post of one outlet by another, and the planted disagreement). The
//! same seed gives the same bytes.

use std::fmt::Write as _;
use std::path::Path;

/// A small deterministic generator (SplitMix64): the corpus must not
/// change between runs or machines.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const ONSETS: &[&str] = &[
    "b", "br", "c", "d", "dr", "f", "g", "gr", "h", "k", "l", "m", "n", "p", "r", "s", "st", "t", "tr", "v", "z",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ei", "ou"];
const CODAS: &[&str] = &["", "n", "r", "l", "s", "th", "nd", "rk", "ll"];

/// An invented word of `parts` syllables, capitalized: names never met in
/// another story.
fn coin(rng: &mut Rng, parts: usize) -> String {
    let mut w = String::new();
    for _ in 0..parts {
        w.push_str(rng.pick(ONSETS));
        w.push_str(rng.pick(VOWELS));
        w.push_str(rng.pick(CODAS));
    }
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => w,
    }
}

const GIVEN: &[&str] = &[
    "Ines", "Tomas", "Elena", "Marek", "Odile", "Paolo", "Greta", "Anders", "Lucia", "Henrik", "Nadia", "Felix",
    "Rosa", "Viktor", "Clara", "Milan", "Sofia", "Jonas", "Irena", "Oskar",
];

/// What kind of event a story tells, with the words each outlet uses.
struct Kind {
    event: &'static str,
    place_noun: &'static str,
    actor: &'static str,
    counted: &'static str,
    loss: &'static str,
}

const KINDS: &[Kind] = &[
    Kind {
        event: "strike",
        place_noun: "port",
        actor: "union leader",
        counted: "dockworkers",
        loss: "in lost trade",
    },
    Kind {
        event: "flood",
        place_noun: "river valley",
        actor: "mayor",
        counted: "residents",
        loss: "in damage",
    },
    Kind {
        event: "factory closure",
        place_noun: "industrial park",
        actor: "works council chair",
        counted: "workers",
        loss: "in unpaid wages",
    },
    Kind {
        event: "hospital merger",
        place_noun: "district",
        actor: "health minister",
        counted: "nurses",
        loss: "in savings",
    },
];

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// One invented event and everything the outlets may say of it.
struct Story {
    kind: &'static Kind,
    place: String,
    org: String,
    speaker: (String, String),
    official: (String, String),
    /// Publication date: year, month (1-12), day; and its weekday index.
    date: (i32, usize, usize),
    weekday: usize,
    /// Millions of money, with one decimal; and a count.
    millions: u32,
    count: u32,
    percent: u32,
    quote: [String; 2],
    words: Vec<String>,
}

fn story(rng: &mut Rng) -> Story {
    let kind = &KINDS[rng.below(KINDS.len())];
    let place = coin(rng, 2);
    let org = format!(
        "{} {}",
        coin(rng, 2),
        rng.pick(&["Group", "Holdings", "Authority", "Trust"])
    );
    // Given names from a list, as news has them, and half of them invented.
    let given = |rng: &mut Rng| {
        if rng.below(2) == 0 {
            rng.pick(GIVEN).to_string()
        } else {
            coin(rng, 2)
        }
    };
    let speaker = (given(rng), coin(rng, 2));
    let official = (given(rng), coin(rng, 3));
    let month = 1 + rng.below(12);
    let day = 5 + rng.below(20);
    let year = 2020 + rng.below(6) as i32;
    let weekday = weekday_of(year, month, day);
    // Words of this story only, for the story finder and the reader.
    let words: Vec<String> = (0..12).map(|_| coin(rng, 2).to_lowercase()).collect();
    let quote = [
        format!(
            "We will not accept a deal that leaves {} families in {} without {} before the {} season",
            words[0], place, words[1], words[2]
        ),
        format!(
            "The {} in {} must reopen only when every {} has been checked twice",
            kind.place_noun, place, words[3]
        ),
    ];
    Story {
        kind,
        place,
        org,
        speaker,
        official,
        date: (year, month, day),
        weekday,
        millions: 20 + rng.below(900) as u32,
        count: 200 + rng.below(9000) as u32,
        percent: 5 + rng.below(60) as u32,
        quote,
        words,
    }
}

/// Weekday index (0 = Monday) of a date, by Zeller's rule.
fn weekday_of(y: i32, m: usize, d: usize) -> usize {
    let (y, m) = if m < 3 { (y - 1, m + 12) } else { (y, m) };
    let k = y % 100;
    let j = y / 100;
    let h = (d as i32 + (13 * (m as i32 + 1)) / 5 + k + k / 4 + j / 4 + 5 * j) % 7;
    // Zeller: 0 = Saturday.
    ((h + 5) % 7) as usize
}

/// What an outlet changes: nothing, or one planted disagreement.
#[derive(Clone, Copy, PartialEq)]
enum Plant {
    None,
    Figure,
    QuoteWord,
    Day,
}

/// The body of one outlet's report; `style` varies the wording.
fn body(s: &Story, style: usize, plant: Plant) -> Vec<String> {
    let (sg, sf) = (&s.speaker.0, &s.speaker.1);
    let (og, of) = (&s.official.0, &s.official.1);
    // The remark was made the day before publication; the planted date is
    // the day before that.
    let day = if plant == Plant::Day {
        WEEKDAYS[(s.weekday + 5) % 7]
    } else {
        WEEKDAYS[(s.weekday + 6) % 7]
    };
    let millions = if plant == Plant::Figure {
        s.millions + 3
    } else {
        s.millions
    };
    let money = match style % 3 {
        0 => format!("${}.5 million", millions),
        1 => format!("{}.5 million dollars", millions),
        _ => format!("US${}.5m", millions),
    };
    let mut q0 = s.quote[0].clone();
    if plant == Plant::QuoteWord {
        q0 = q0.replace("will not accept", "cannot accept");
    }
    let w = &s.words;
    let k = s.kind;
    let mut paras = Vec::new();
    // The same background in each outlet's own words: outlets that do not
    // copy one another share names, not sentences.
    let (street, bridge, owner, coop) = (
        capital(&w[6]),
        capital(&w[7]),
        format!("{} {}", capital(&w[8]), capital(&w[9])),
        capital(&w[10]),
    );
    let scheme = &w[11];
    let background = match style {
        0 => format!(
            "The {} began near {street} Street and the {bridge} bridge, where {owner} and the {coop} co-operative have \
             worked since the {scheme} scheme opened.",
            k.event
        ),
        1 => format!(
            "It started by the {bridge} bridge on {street} Street. {owner} runs the {coop} co-operative there, set up \
             under the {scheme} scheme."
        ),
        2 => format!(
            "{street} Street, home of the {coop} co-operative of {owner}, saw the first protests; the {bridge} bridge \
             was closed and the {scheme} scheme suspended."
        ),
        _ => format!(
            "Witnesses placed the start at the {coop} co-operative, which {owner} founded with {scheme} money, between \
             {street} Street and the {bridge} bridge."
        ),
    };
    match style {
        0 => {
            paras.push(format!(
                "The {} in {} entered its third day, with {} {} {} warning that {} {} had stopped work.",
                k.event, s.place, k.actor, sg, sf, s.count, k.counted
            ));
            paras.push(format!(
                "\"{q0},\" {sf} said on {day}. \"{}.\"",
                capital(&format!("the {} of {} is not for sale", w[4], s.place))
            ));
            paras.push(format!(
                "{} estimated the cost at {money} {}, about {} percent of the {} budget.",
                s.org, k.loss, s.percent, w[5]
            ));
            paras.push(format!(
                "{og} {of}, speaking for the {}, said: \"{}.\"",
                s.org, s.quote[1]
            ));
        }
        3 => {
            paras.push(format!(
                "Talks over the {} in {} broke down again, {} {} {} said, leaving {} {} idle.",
                k.event, s.place, k.actor, sg, sf, s.count, k.counted
            ));
            paras.push(format!("On {day}, {sf} reiterated in a statement: \"{q0}.\""));
            paras.push(format!(
                "According to {}, the {} has cost {money} {} so far, close to {} percent of the {} budget.",
                s.org, k.event, k.loss, s.percent, w[5]
            ));
            paras.push(format!(
                "For the {}, {og} {of} said that \"{}\", and promised a plan for the {} quarter.",
                s.org, s.quote[1], w[2]
            ));
        }
        1 => {
            paras.push(format!("{sg} {sf}, the {}, said on {day} that \"{q0}.\"", k.actor));
            paras.push(format!(
                "Some {} {} have joined the {} since it began in {}, according to {}.",
                s.count, k.counted, k.event, s.place, s.org
            ));
            paras.push(format!(
                "The {} put the bill at {money} {}; officials expect {} percent of it to fall on the {} fund.",
                s.org, k.loss, s.percent, w[5]
            ));
            paras.push(format!(
                "\"{}\" said {og} {of}, who leads the response for the {}.",
                s.quote[1].clone() + ",",
                s.org
            ));
            paras.push(format!(
                "Residents of {} gathered near the {} on the {} road.",
                s.place, w[4], w[2]
            ));
        }
        _ => {
            paras.push(format!(
                "{} {} in {} said they would keep up the {}, after {} {} called the offer an insult.",
                s.count, k.counted, s.place, k.event, k.actor, sf
            ));
            paras.push(format!("\"{q0},\" {sg} {sf} told reporters on {day}."));
            paras.push(format!(
                "Losses stood at {money} {} by the {} estimate, or {} percent of the {} budget.",
                k.loss, s.org, s.percent, w[5]
            ));
            paras.push(format!("{og} {of} said only that \"{}.\"", s.quote[1]));
        }
    }
    paras.insert(2.min(paras.len()), background);
    paras
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn headline(s: &Story, style: usize) -> String {
    match style % 3 {
        0 => format!("{} {} enters third day", s.place, s.kind.event),
        1 => format!("{} digs in as {} goes on", s.speaker.1, s.kind.event),
        _ => format!("{}: no deal in sight", s.place),
    }
}

fn write_txt(s: &Story, style: usize, paras: &[String]) -> String {
    let (y, m, d) = s.date;
    let mut out = format!("{} {}, {}\n\n{}\n\n", MONTHS[m - 1], d, y, headline(s, style));
    push_paragraphs(&mut out, paras);
    out
}

/// Paragraphs of plain text and Markdown, each followed by a blank line.
fn push_paragraphs(out: &mut String, paras: &[String]) {
    for p in paras {
        out.push_str(p);
        out.push_str("\n\n");
    }
}

fn write_md(s: &Story, style: usize, paras: &[String]) -> String {
    let (y, m, d) = s.date;
    let mut out = format!(
        "---\ntitle: {}\ndate: {y}-{m:02}-{d:02}\n---\n\n# {}\n\n",
        headline(s, style),
        headline(s, style)
    );
    push_paragraphs(&mut out, paras);
    out
}

fn write_html(s: &Story, style: usize, paras: &[String]) -> String {
    let (y, m, d) = s.date;
    let esc = |t: &str| t.replace('&', "&amp;").replace('<', "&lt;");
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n\
         <meta property=\"article:published_time\" content=\"{y}-{m:02}-{d:02}T08:00:00Z\">\n</head>\n<body>\n\
         <nav class=\"menu\"><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav>\n\
         <article>\n<h1>{}</h1>\n",
        esc(&headline(s, style)),
        esc(&headline(s, style))
    );
    for p in paras {
        let _ = writeln!(out, "<p>{}</p>", esc(p));
    }
    out.push_str("</article>\n<aside class=\"related\"><a href=\"/a\">Most read</a></aside>\n</body>\n</html>\n");
    out
}

/// One generated article.
pub struct Article {
    pub name: String,
    pub text: String,
}

/// A finding a story must give: its rule and the sources it names.
pub struct Expected {
    pub story: usize,
    pub rule: &'static str,
    pub sources: Vec<String>,
}

/// The articles of `count` stories and the findings they must give.
pub fn generate(count: usize, seed: u64) -> (Vec<Article>, Vec<Expected>) {
    let mut rng = Rng(seed);
    let mut articles = Vec::new();
    let mut expected = Vec::new();
    for n in 0..count {
        let s = story(&mut rng);
        // One planted disagreement in three stories of four, by outlet 3.
        let plant = [Plant::Figure, Plant::QuoteWord, Plant::Day, Plant::None][n % 4];
        let names: Vec<String> = (0..5)
            .map(|o| {
                let ext = ["txt", "md", "html", "txt", "txt"][o];
                format!("s{n:05}-outlet{o}.{ext}")
            })
            .collect();
        for (o, name) in names.iter().enumerate() {
            let text = if o == 4 {
                // A re-post of outlet 0 with its own furniture: a copy.
                let mut t = write_txt(&s, 0, &body(&s, 0, Plant::None));
                t.push_str("Share this article. Follow us for more local news.\n");
                t
            } else {
                let p = if o == 3 { plant } else { Plant::None };
                let paras = body(&s, o, p);
                match o {
                    1 => write_md(&s, o, &paras),
                    2 => write_html(&s, o, &paras),
                    _ => write_txt(&s, o, &paras),
                }
            };
            articles.push(Article {
                name: name.clone(),
                text,
            });
        }
        expected.push(Expected {
            story: n,
            rule: "duplicate-source",
            sources: vec![names[0].clone(), names[4].clone()],
        });
        let rule = match plant {
            Plant::Figure => Some("figure-mismatch"),
            Plant::QuoteWord => Some("quote-drift"),
            Plant::Day => Some("date-mismatch"),
            Plant::None => None,
        };
        if let Some(rule) = rule {
            // Outlet 3 against the others (outlet 4 folded under outlet 0).
            expected.push(Expected {
                story: n,
                rule,
                sources: names.clone(),
            });
        }
    }
    (articles, expected)
}

#[allow(dead_code)]
fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(out), Some(count)) = (args.first(), args.get(1).and_then(|n| n.parse::<usize>().ok())) else {
        eprintln!("usage: gen-corpus OUT STORIES [SEED]");
        std::process::exit(2);
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(7);
    let root = Path::new(out);
    let dir = root.join("articles");
    std::fs::create_dir_all(&dir)?;
    let (articles, expected) = generate(count, seed);
    for a in &articles {
        std::fs::write(dir.join(&a.name), &a.text)?;
    }
    let mut lines = String::new();
    for e in &expected {
        let sources: Vec<String> = e.sources.iter().map(|s| format!("\"{s}\"")).collect();
        let _ = writeln!(
            lines,
            "{{\"story\": {}, \"rule\": \"{}\", \"sources\": [{}]}}",
            e.story,
            e.rule,
            sources.join(", ")
        );
    }
    std::fs::write(root.join("expected.jsonl"), lines)?;
    Ok(())
}
