//! Who a document names, shared by the people finder and the quotation
//! reader: persons, the mentions that point at them, and the speech verbs
//! both stages look for. Both import from here; neither imports the other.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::lexicon::{WordSet, en, rows, words};
use crate::span::Span;
use crate::text::norm_word;

/// A person named in the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// The longest form of the name seen, as written ("Pete Hegseth").
    pub name: Vec<String>,
    /// Titles seen before the name, lowercase ("u.s. defense secretary").
    pub titles: Vec<String>,
    /// An organization speaking ("the Kremlin said", "CNN reported"): a
    /// speaker, never what "he" or "she" refers to.
    pub organization: bool,
}

/// A person's gender, as honorifics and given names tell it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
}

impl Gender {
    fn of(cell: &str) -> Option<Gender> {
        match cell {
            "male" => Some(Gender::Male),
            "female" => Some(Gender::Female),
            _ => None,
        }
    }
}

/// Honorifics and given names with their gender.
static GENDERED: LazyLock<FxHashMap<&'static str, Gender>> = LazyLock::new(|| {
    rows(en::HONORIFICS)
        .chain(rows(en::GIVEN_NAMES))
        .chain(rows(en::PRONOUNS))
        .filter_map(|r| Gender::of(r.cell(1)).map(|g| (r.cell(0), g)))
        .collect()
});

/// The gender an honorific ("Mrs."), a given name ("Mary") or a pronoun
/// ("she") tells.
pub(crate) fn gender_of_word(w: &str) -> Option<Gender> {
    GENDERED.get(w.trim_end_matches('.').to_lowercase().as_str()).copied()
}

impl Person {
    /// What the honorifics before the name, else the given name, tell.
    pub(crate) fn gender(&self) -> Option<Gender> {
        let titled = self.titles.iter().find_map(|t| t.split(' ').find_map(gender_of_word));
        let given = || (self.name.len() > 1).then(|| gender_of_word(&self.name[0])).flatten();
        titled.or_else(given)
    }

    pub fn full_name(&self) -> String {
        self.name.join(" ")
    }

    pub fn surname_key(&self) -> String {
        name_key(surname_of(&self.name))
    }
}

/// What a mention points at.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Target {
    Person(usize),
    /// "he", "she".
    Pronoun,
    /// "the defense secretary": the person last named with that title.
    Title(String),
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mention {
    pub span: Span,
    pub target: Target,
    /// "Hegseth's": the person is not the subject.
    pub possessive: bool,
    /// After a preposition or article ("with Putin", "the Trump administration").
    pub dependent: bool,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct People {
    pub persons: Vec<Person>,
    /// Sorted by position.
    pub mentions: Vec<Mention>,
    /// Each person's mentions (indexes into `mentions`, in order), made on
    /// first use once the mentions are final.
    of_person: std::sync::OnceLock<Vec<Vec<usize>>>,
}

/// Words that end a name after the surname ("Jr.", "III").
static NAME_SUFFIXES: LazyLock<WordSet> = LazyLock::new(|| WordSet::of(words(en::NAME_SUFFIXES)));

/// "Jr.", "Sr", "III": a word that ends a name after its surname.
pub(crate) fn is_name_suffix(w: &str) -> bool {
    NAME_SUFFIXES.contains_lower(w.trim_end_matches('.'))
}

/// The surname of a name: its last word that is not a suffix.
pub(crate) fn surname_of(name: &[String]) -> &str {
    name.iter()
        .rev()
        .find(|w| !is_name_suffix(w))
        .or(name.last())
        .map_or("", String::as_str)
}

/// A folded key under which spellings and transliterations of one name meet:
/// Zelensky / Zelenskyy / Zelenskiy, Hryhorchuk / Grigorchuk, Kolář / Kolar.
pub(crate) fn name_key(word: &str) -> String {
    // An ASCII word (most names) without the copy `norm_word` makes.
    if let Some(chars) = crate::text::ascii_norm_chars(word) {
        return key_of(chars, word.len());
    }
    let normal = norm_word(word);
    key_of(normal.chars(), normal.len())
}

/// `name_key` of a word in its normal form (`text::norm_word`), given as
/// its characters and their length.
fn key_of(normal: impl Iterator<Item = char>, len: usize) -> String {
    let mut out = String::with_capacity(len + 1);
    let mut prev = None;
    let mut last = None;
    for c in normal {
        let key = match c {
            // "Olexandr" is "Oleksandr".
            'x' => {
                out.push('k');
                last = Some('k');
                's'
            }
            'y' | 'j' => 'i',
            'w' => 'v',
            // Ukrainian h is Russian g; keep the h of digraphs.
            'h' if !matches!(prev, Some('c' | 's' | 'z' | 'k' | 't' | 'p')) => 'g',
            c => c,
        };
        prev = Some(c);
        // Doubled letters are one ("Khodorkovskii", "Khodorkovski").
        if last == Some(key) && !key.is_ascii_digit() {
            continue;
        }
        out.push(key);
        last = Some(key);
    }
    out
}

impl People {
    /// The mentions that start within `span` (mentions are sorted).
    /// Mentions that may end inside `span`: those starting in it or just
    /// before it (a name is never 200 bytes long), not every mention of
    /// the document before it.
    pub(crate) fn near(&self, span: Span) -> &[Mention] {
        let from = self
            .mentions
            .partition_point(|m| m.span.start < span.start.saturating_sub(200));
        let to = self.mentions.partition_point(|m| m.span.start < span.end);
        &self.mentions[from..to.max(from)]
    }

    pub(crate) fn within(&self, span: Span) -> &[Mention] {
        let from = self.mentions.partition_point(|m| m.span.start < span.start);
        let to = self.mentions.partition_point(|m| m.span.start < span.end);
        &self.mentions[from..to.max(from)]
    }

    /// The person last named, before `at`, with a title that contains all
    /// the words of `title` ("defense secretary" ⊂ "u.s. defense secretary").
    pub(crate) fn by_title(&self, title: &str, at: usize) -> Option<usize> {
        let want: Vec<&str> = title.split(' ').filter(|w| *w != "the").collect();
        let before = self.mentions.partition_point(|m| m.span.start < at);
        let of_person = self.of_person.get_or_init(|| {
            let mut of = vec![Vec::new(); self.persons.len()];
            for (k, m) in self.mentions.iter().enumerate() {
                if let Target::Person(p) = m.target {
                    if let Some(list) = of.get_mut(p) {
                        list.push(k);
                    }
                }
            }
            of
        });
        // The person with the title mentioned last before `at`: each
        // person's last mention found by binary search, not every mention
        // of the text read back.
        self.persons
            .iter()
            .enumerate()
            .filter(|(_, person)| {
                person.titles.iter().any(|t| {
                    let have: Vec<&str> = t.split(' ').collect();
                    want.iter().all(|w| have.contains(w))
                })
            })
            .filter_map(|(p, _)| {
                let list = &of_person[p];
                let n = list.partition_point(|&k| k < before);
                n.checked_sub(1).map(|i| (list[i], p))
            })
            .max()
            .map(|(_, p)| p)
    }
}

/// Verbs that introduce what someone said, in every form listed.
static SPEECH_VERBS: LazyLock<WordSet> = LazyLock::new(|| WordSet::of(words(en::SPEECH_VERBS)));

pub(crate) fn is_speech_verb(w: &str) -> bool {
    SPEECH_VERBS.contains_lower(w)
}

/// The speech verbs, in every form (`is_speech_verb`).
pub(crate) fn speech_verbs() -> &'static WordSet {
    &SPEECH_VERBS
}

/// Participles of speech and naming verbs ("saying", "calling"): their
/// subject is the sentence's, not the name next to them.
static PARTICIPLES: LazyLock<WordSet> = LazyLock::new(|| {
    let speech = rows(en::SPEECH_VERBS).filter(|r| r.cell(2) == "gerund");
    let naming = rows(en::NAMING_VERBS).filter(|r| r.cell(1) == "gerund");
    WordSet::of(speech.chain(naming).map(|r| r.cell(0)))
});

/// Verbs that quote a few words inside their sentence ("called it a
/// "disgrace""), without reporting a clause.
static NAMING_VERBS: LazyLock<WordSet> = LazyLock::new(|| WordSet::of(words(en::NAMING_VERBS)));

pub(crate) fn is_naming_verb(w: &str) -> bool {
    NAMING_VERBS.contains_lower(w)
}

pub(crate) fn is_participle(w: &str) -> bool {
    PARTICIPLES.contains_lower(w)
}

/// Words that open an apposition after a name ("Ada Lind, the port
/// director, said").
static APPOSITION_OPENERS: LazyLock<WordSet> = LazyLock::new(|| WordSet::of(words(en::APPOSITION_OPENERS)));

pub(crate) fn opens_apposition(w: &str) -> bool {
    APPOSITION_OPENERS.contains_lower(w)
}
