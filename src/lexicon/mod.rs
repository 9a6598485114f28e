//! Word data: every word list of the grammars is a tab-separated file under
//! `en/`, compiled into the binary and read once into a table on first use.
//!
//! A file holds one concept, one entry a line, its meaning in columns; lines
//! starting with `#` describe the columns. In a cell, several words are
//! separated by commas and `-` stands for none. Lists derived from a table
//! (first words, sorted keys) are computed when the table is built.

use std::borrow::Cow;

use rustc_hash::{FxHashMap, FxHashSet};

/// The data files, by name.
pub(crate) mod en {
    macro_rules! files {
        ($($name:ident = $file:literal,)*) => {
            $(pub(crate) const $name: &str = include_str!(concat!("en/", $file));)*
            #[cfg(test)]
            pub(crate) const ALL: &[(&str, &str)] = &[$(($file, $name),)*];
        };
    }
    files! {
        ABBREVIATIONS = "abbreviations.tsv",
        APPOSITION_OPENERS = "apposition_openers.tsv",
        APPROXIMATIONS = "approximations.tsv",
        AUXILIARIES = "auxiliaries.tsv",
        BOILERPLATE = "boilerplate.tsv",
        COMMON_ACRONYMS = "common_acronyms.tsv",
        CONTRACTIONS = "contractions.tsv",
        COUNTRY_ABBREVIATIONS = "country_abbreviations.tsv",
        DAY_PARTS = "day_parts.tsv",
        DEPENDENT_MARKERS = "dependent_markers.tsv",
        CURRENCIES = "currencies.tsv",
        DIRECTION_MARKERS = "direction_markers.tsv",
        EVENT_ANCHORS = "event_anchors.tsv",
        EVENT_TRIGGERS = "event_triggers.tsv",
        FIGURE_LEADS = "figure_leads.tsv",
        HOLIDAYS = "holidays.tsv",
        INTERJECTIONS = "interjections.tsv",
        CAPTION_MARKERS = "caption_markers.tsv",
        CLASS_SIGNALS = "class_signals.tsv",
        GENERIC_PRESENT = "generic_present.tsv",
        GIVEN_NAMES = "given_names.tsv",
        HONORIFICS = "honorifics.tsv",
        MONTHS = "months.tsv",
        NOT_CLAUSE_START = "not_clause_start.tsv",
        NOT_COUNTED = "not_counted.tsv",
        NAME_SUFFIXES = "name_suffixes.tsv",
        NAMING_VERBS = "naming_verbs.tsv",
        NOT_NAMES = "not_names.tsv",
        NUMBERS = "numbers.tsv",
        OBJECT_VERBS = "object_verbs.tsv",
        PLACES = "places.tsv",
        PRONOUNS = "pronouns.tsv",
        ORDINALS = "ordinals.tsv",
        PAGE_MONTHS = "page_months.tsv",
        PERIODS = "periods.tsv",
        POINTER_PREFIXES = "pointer_prefixes.tsv",
        PUBLISHED_LABELS = "published_labels.tsv",
        PUBLISHED_META = "published_meta.tsv",
        QUALIFIERS = "qualifiers.tsv",
        ROLES = "roles.tsv",
        SAYINGS = "sayings.tsv",
        SPEAKER_ADVERBS = "speaker_adverbs.tsv",
        SCALES = "scales.tsv",
        SPEECH_VERBS = "speech_verbs.tsv",
        STOP_WORDS = "stop_words.tsv",
        TEMPORAL_JOINS = "temporal_joins.tsv",
        TEMPORAL_LEADS = "temporal_leads.tsv",
        TEMPORAL_PREPOSITIONS = "temporal_prepositions.tsv",
        TITLE_MODIFIERS = "title_modifiers.tsv",
        WEEKDAYS = "weekdays.tsv",
    }
}

/// One line of a table: its cells.
#[derive(Debug, Clone)]
pub(crate) struct Row(Vec<&'static str>);

impl Row {
    /// The first cell as written, `-` included (the entry a line is about).
    pub(crate) fn key(&self) -> &'static str {
        self.0.first().copied().unwrap_or("")
    }

    /// The cell in column `i`; `""` when the line has no such cell or it
    /// holds `-`.
    pub(crate) fn cell(&self, i: usize) -> &'static str {
        match self.0.get(i) {
            Some(&"-") | None => "",
            Some(c) => c,
        }
    }

    /// Every cell of the line as written, `-` left out.
    pub(crate) fn cells(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.0.iter().copied().filter(|c| *c != "-")
    }

    /// The words of the cell in column `i`.
    pub(crate) fn list(&self, i: usize) -> impl Iterator<Item = &'static str> + use<> {
        self.cell(i).split(',').map(str::trim).filter(|w| !w.is_empty())
    }
}

/// The rows of a data file, comments and blank lines left out.
pub(crate) fn rows(data: &'static str) -> impl Iterator<Item = Row> {
    data.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| Row(l.split('\t').collect()))
}

/// The first cell of every row of a one-column list.
pub(crate) fn words(data: &'static str) -> impl Iterator<Item = &'static str> {
    rows(data).map(|r| r.cell(0))
}

/// `w` in lower case in `buf` when it is ASCII and fits, else nothing: the
/// word tests run for most words of a text, so without allocating, and
/// the lowered bytes need no UTF-8 check to be looked up.
pub(crate) fn ascii_lower<'b, const N: usize>(w: &str, buf: &'b mut [u8; N]) -> Option<&'b [u8]> {
    if w.len() > N {
        return None;
    }
    // One pass: the grammars ask this at most words of a text.
    let out = &mut buf[..w.len()];
    for (o, &b) in out.iter_mut().zip(w.as_bytes()) {
        if !b.is_ascii() {
            return None;
        }
        *o = b.to_ascii_lowercase();
    }
    Some(out)
}

/// `w` in lower case: in `buf` when `ascii_lower` can, else allocated.
pub(crate) fn lowercase<'b>(w: &str, buf: &'b mut [u8; 32]) -> Cow<'b, [u8]> {
    match ascii_lower(w, buf) {
        Some(lower) => Cow::Borrowed(lower),
        None => Cow::Owned(w.to_lowercase().into_bytes()),
    }
}

pub(crate) type Word = Cow<'static, str>;

/// A quick test before the hash of a table: for each byte length, the
/// first, second and last bytes its words have (by their low five bits,
/// where an ASCII letter and its capital agree). Most words of a text are
/// in no table and are answered without hashing.
#[derive(Debug, Clone, Copy, Default)]
struct Filter {
    first: [u32; 32],
    second: [u32; 32],
    last: [u32; 32],
}

impl Filter {
    fn of<'w>(words: impl Iterator<Item = &'w [u8]>) -> Filter {
        let mut f = Filter::default();
        for w in words {
            let n = w.len().min(31);
            // The empty word passes every test (`admit`).
            if let (Some(&a), Some(&z)) = (w.first(), w.last()) {
                f.first[n] |= 1 << (a & 31);
                f.second[n] |= 1 << (w.get(1).unwrap_or(&a) & 31);
                f.last[n] |= 1 << (z & 31);
            }
        }
        f
    }

    /// Whether `w` may be a word of the table, as it stands or (where it
    /// is ASCII, so that lowering keeps its length) in lower case.
    fn admit(&self, w: &[u8]) -> bool {
        let (Some(&a), Some(&z)) = (w.first(), w.last()) else {
            return true;
        };
        let n = w.len().min(31);
        self.first[n] & (1 << (a & 31)) != 0
            && self.last[n] & (1 << (z & 31)) != 0
            && self.second[n] & (1 << (w.get(1).unwrap_or(&a) & 31)) != 0
    }

    /// `admit` for a word looked up in lower case: a word that is not
    /// ASCII may change length when lowered, and is not tested.
    fn admit_any_case(&self, w: &str) -> bool {
        !w.is_ascii() || self.admit(w.as_bytes())
    }
}

/// A set of lower-case words or phrases.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordSet(FxHashSet<Cow<'static, [u8]>>, Filter);

impl WordSet {
    pub(crate) fn of<W: Into<Word>>(words: impl IntoIterator<Item = W>) -> WordSet {
        let set: FxHashSet<Cow<'static, [u8]>> = words
            .into_iter()
            .map(|w| match w.into() {
                Cow::Borrowed(w) => Cow::Borrowed(w.as_bytes()),
                Cow::Owned(w) => Cow::Owned(w.into_bytes()),
            })
            .collect();
        let filter = Filter::of(set.iter().map(|w| w.as_ref()));
        WordSet(set, filter)
    }

    /// The words of all of `sets`: one lookup where a word is asked
    /// whether it is in any of them.
    pub(crate) fn union(sets: &[&WordSet]) -> WordSet {
        let set: FxHashSet<Cow<'static, [u8]>> = sets.iter().flat_map(|s| s.0.iter().cloned()).collect();
        let filter = Filter::of(set.iter().map(|w| w.as_ref()));
        WordSet(set, filter)
    }

    /// Whether the set holds `w`, already lower case.
    pub(crate) fn contains(&self, w: &str) -> bool {
        self.1.admit(w.as_bytes()) && self.0.contains(w.as_bytes())
    }

    /// Whether the set holds `w` in lower case.
    pub(crate) fn contains_lower(&self, w: &str) -> bool {
        self.1.admit_any_case(w) && self.0.contains(lowercase(w, &mut [0; 32]).as_ref())
    }
}

/// Lower-case words or phrases and what each means.
#[derive(Debug, Clone)]
pub(crate) struct WordMap<V>(FxHashMap<&'static [u8], V>, Filter);

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap(FxHashMap::default(), Filter::default())
    }
}

impl<V: Copy> WordMap<V> {
    pub(crate) fn of(entries: impl IntoIterator<Item = (&'static str, V)>) -> WordMap<V> {
        let mut map = FxHashMap::default();
        // The first entry of a word wins, as in a list read top-down.
        for (w, v) in entries {
            map.entry(w.as_bytes()).or_insert(v);
        }
        let filter = Filter::of(map.keys().copied());
        WordMap(map, filter)
    }

    /// The meaning of `w` in lower case.
    pub(crate) fn get_lower(&self, w: &str) -> Option<V> {
        if !self.1.admit_any_case(w) {
            return None;
        }
        self.0.get(lowercase(w, &mut [0; 32]).as_ref()).copied()
    }

    /// The meaning of `w`, already lower case.
    pub(crate) fn get(&self, w: &str) -> Option<V> {
        if !self.1.admit(w.as_bytes()) {
            return None;
        }
        self.0.get(w.as_bytes()).copied()
    }

    /// `w` lowercased if it is ASCII of at most 16 bytes (the grammars'
    /// words; `ascii_lower`), else nothing.
    pub(crate) fn get_ascii_lower(&self, w: &str) -> Option<V> {
        self.get_bytes(ascii_lower(w, &mut [0; 16])?)
    }

    pub(crate) fn get_bytes(&self, w: &[u8]) -> Option<V> {
        if !self.1.admit(w) {
            return None;
        }
        self.0.get(w).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_is_well_formed() {
        for (name, data) in en::ALL {
            let header = data
                .lines()
                .rfind(|l| l.starts_with('#'))
                .unwrap_or_else(|| panic!("{name}: no column header"));
            let columns = header.trim_start_matches('#').trim().split('\t').count();
            for (n, line) in data.lines().enumerate() {
                if line.starts_with('#') || line.trim().is_empty() {
                    continue;
                }
                assert_eq!(line.split('\t').count(), columns, "{name}:{}: {line:?}", n + 1);
                assert_eq!(line, line.trim(), "{name}:{}: surrounding space", n + 1);
            }
        }
    }

    #[test]
    fn no_entry_is_listed_twice_in_a_file() {
        for (name, data) in en::ALL {
            let mut seen = FxHashSet::default();
            for line in data.lines().filter(|l| !l.starts_with('#')) {
                assert!(seen.insert(line), "{name}: {line:?} twice");
            }
        }
    }

    #[test]
    fn lookups_fold_case() {
        let set = WordSet::of(["said"]);
        assert!(set.contains_lower("SAID") && set.contains_lower("Said"));
        assert!(!set.contains("Said"));
        let map = WordMap::of([("may", 5u8), ("may", 6)]);
        assert_eq!(map.get("may"), Some(5), "the first entry wins");
        // Lowered on the stack only when ASCII and short enough.
        assert_eq!(ascii_lower("MaRcH", &mut [0; 16]), Some(&b"march"[..]));
        assert_eq!(ascii_lower("Zürich", &mut [0; 16]), None);
        assert_eq!(
            ascii_lower("Zurich\u{e9}", &mut [0; 16]),
            None,
            "a letter that is not ASCII at the end"
        );
        assert_eq!(ascii_lower("seventeen", &mut [0; 8]), None);
        assert_eq!(map.get_ascii_lower("MAY"), Some(5));
        let both = WordSet::union(&[&set, &WordSet::of(["minister", "jan."])]);
        assert!(both.contains_lower("Said") && both.contains_lower("MINISTER") && both.contains("jan."));
        assert!(!both.contains_lower("mayor") && !both.contains("jan"));
        assert_eq!(map.get_ascii_lower("MAY\u{e9}"), None);
    }

    /// The quick test before the hash turns no word of a table away, in
    /// any case, and does turn away words of other lengths and letters.
    #[test]
    fn the_quick_test_keeps_every_word_of_every_table() {
        for (name, data) in en::ALL {
            let words: Vec<&str> = rows(data).map(|r| r.cell(0)).filter(|w| !w.is_empty()).collect();
            let set = WordSet::of(words.iter().copied());
            let map = WordMap::of(words.iter().map(|&w| (w, ())));
            for &w in &words {
                assert!(set.contains(w) && map.get(w).is_some(), "{name}: {w}");
                // Lookups in any case find the tables' lower-case words.
                if w.is_ascii() && w == w.to_lowercase() {
                    let upper = w.to_uppercase();
                    assert!(
                        set.contains_lower(&upper) && map.get_lower(&upper).is_some(),
                        "{name}: {w}"
                    );
                }
            }
        }
        let set = WordSet::of(["said", "told", "résumé"]);
        assert!(set.contains_lower("RÉSUMÉ"), "a word that is not ASCII is hashed");
        assert!(!set.1.admit(b"saids") && !set.1.admit(b"paid") && !set.1.admit(b"sail"));
    }
}
