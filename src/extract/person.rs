//! People: names, titles and pronouns in one document. A capitalized word
//! sequence counts as a person when a title introduces it ("Defense Secretary
//! Pete Hegseth"), when it is the subject or object of a speech verb, or when
//! it repeats the surname of a person already found.

use std::sync::LazyLock;

use crate::lexicon::{Word, WordSet, en, rows, words};
use crate::span::Span;
use crate::text::{LowercaseWords, Token, Words, is_stop_word};

use super::mention::{
    Gender, Mention, People, Person, Target, gender_of_word, is_name_suffix, is_naming_verb, is_participle,
    is_speech_verb, name_key, speech_verbs, surname_of,
};
use super::subject;

/// The word lists names are told apart with.
struct NameWords {
    /// Role nouns and honorifics (with and without their full stop).
    roles: WordSet,
    /// Roles, the words of `not_names` and the speech verbs in one set:
    /// what no capitalized word of a name is (`is_name_token`).
    never_in_names: WordSet,
    /// Lowercase words that may stand in a title before its role noun.
    modifiers: WordSet,
    /// Capitalized words that do not begin or continue a name.
    not_names: WordSet,
    /// Abbreviated countries and blocs ("U.S."): in a title, never a name.
    countries: WordSet,
    /// Acronyms in capitals that name no organization ("TV", "US").
    not_organizations: WordSet,
    /// Words that make the capitalized word after them dependent.
    dependent_markers: WordSet,
    /// Places whose one-word name speaks for their government.
    places: WordSet,
    /// Pronouns that stand for a person ("he", "she").
    pronouns: WordSet,
    /// Months whose name is also a verb ("May"): a surname after a given name.
    verb_months: WordSet,
    /// Role nouns written out ("king", "judge"), no honorifics ("Rep."): a
    /// surname after a given name.
    role_nouns: WordSet,
}

static NAME_WORDS: LazyLock<NameWords> = LazyLock::new(|| {
    let honorifics = words(en::HONORIFICS).flat_map(|h| [Word::from(h), dotted(h)]);
    let months = rows(en::MONTHS).flat_map(|r| std::iter::once(Word::from(r.cell(1))).chain(r.list(2).map(dotted)));
    let weekdays = rows(en::WEEKDAYS).map(|r| r.cell(1));
    let countries = rows(en::COUNTRY_ABBREVIATIONS);
    let not_organizations = rows(en::COUNTRY_ABBREVIATIONS)
        .filter(|r| r.cell(1) != "yes" && !r.cell(0).contains('.'))
        .map(|r| r.cell(0))
        .chain(words(en::COMMON_ACRONYMS));
    let roles = WordSet::of(words(en::ROLES).map(Word::from).chain(honorifics));
    let not_names = WordSet::of(
        words(en::NOT_NAMES)
            .map(Word::from)
            .chain(months)
            .chain(weekdays.map(Word::from))
            .chain(words(en::COUNTRY_ABBREVIATIONS).map(Word::from)),
    );
    NameWords {
        never_in_names: WordSet::union(&[&roles, &not_names, speech_verbs()]),
        roles,
        modifiers: WordSet::of(words(en::TITLE_MODIFIERS)),
        not_names,
        countries: WordSet::of(countries.map(|r| r.cell(0))),
        not_organizations: WordSet::of(not_organizations),
        dependent_markers: WordSet::of(words(en::DEPENDENT_MARKERS)),
        places: WordSet::of(words(en::PLACES)),
        pronouns: WordSet::of(words(en::PRONOUNS)),
        verb_months: WordSet::of(rows(en::MONTHS).filter(|r| r.cell(3) == "yes").map(|r| r.cell(1))),
        role_nouns: WordSet::of(words(en::ROLES)),
    }
});

/// `w` with its full stop: "jan.", "mr.".
fn dotted(w: &'static str) -> Word {
    Word::Owned(format!("{w}."))
}

/// An initial with its stop: "D.".
fn is_initial(t: &str) -> bool {
    let mut chars = t.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

fn is_role(w: &str) -> bool {
    NAME_WORDS.roles.contains_lower(w)
}

fn bare(t: &str) -> &str {
    t.strip_suffix("'s").unwrap_or(t)
}

/// A token that can be part of a name.
fn is_name_token(t: &str) -> bool {
    let b = bare(t);
    let Some(first) = b.chars().next() else { return false };
    if !first.is_uppercase() || NAME_WORDS.never_in_names.contains_lower(b) {
        return false;
    }
    // "Father-of-three": a description, not a name; "We're": a contraction.
    let contraction = b
        .split_once('\'')
        .is_some_and(|(_, rest)| rest.starts_with(char::is_lowercase));
    if b.chars().any(|c| c.is_ascii_digit()) || b.split('-').skip(1).any(is_stop_word) || contraction {
        return false;
    }
    // Acronyms (NATO, CNN) are not names; initials (J., JD) are.
    let letters = b.chars().filter(|c| c.is_alphabetic()).count();
    let upper = b.chars().filter(|c| c.is_uppercase()).count();
    !(upper == letters && letters > 2)
}

fn is_title_word(t: &str) -> bool {
    let b = t.to_lowercase();
    NAME_WORDS.modifiers.contains(&b)
        || NAME_WORDS.countries.contains(&b)
        || t.starts_with(|c: char| c.is_uppercase()) && !NAME_WORDS.not_names.contains(&b) && !is_role(t)
}

/// Words that make a following capitalized word dependent, not a subject.
fn is_dependent_marker(w: &str) -> bool {
    NAME_WORDS.dependent_markers.contains_lower(w)
}

/// A mention found in the first pass: span, name words, title, possessive, dependent.
type RawMention = (Span, Vec<String>, Option<String>, bool, bool);

struct Scan<'a> {
    toks: Vec<Token<'a>>,
    /// For each token, whether it can be part of a name (`is_name_token`):
    /// both passes ask it of every token, some tokens several times.
    name: Vec<bool>,
}

impl<'a> Scan<'a> {
    /// The words of a paragraph outside quotations.
    fn of(words: &Words<'a>, paragraph: Span, masked: &dyn Fn(usize) -> bool) -> Scan<'a> {
        let toks = words.unmasked(paragraph, masked);
        let name = toks.iter().map(|t| is_name_token(t.text)).collect();
        Scan { toks, name }
    }

    /// Name tokens starting at `k`: up to 3, stopping after a possessive.
    fn name_at(&self, k: usize) -> usize {
        let toks = &self.toks;
        let mut n = 0;
        // Up to three words; initials ("John D. Podesta") do not count.
        let mut words = 0;
        while k + n < toks.len()
            && words < 3
            && (self.name[k + n] || n > 0 && is_word_surname(toks, k + n))
            && !is_name_suffix(toks[k + n].text)
        {
            n += 1;
            if !is_initial(toks[k + n - 1].text) {
                words += 1;
            }
            if toks[k + n - 1].text.ends_with("'s") {
                break;
            }
            // A name does not run across a comma or other punctuation.
            if toks
                .get(k + n)
                .is_some_and(|next| toks[k + n - 1].span.end != next.span.start - 1)
            {
                break;
            }
        }
        // "Joseph R. Biden Jr.": a suffix belongs to the name before it.
        let adjacent_suffix = toks
            .get(k + n)
            .is_some_and(|t| n > 0 && is_name_suffix(t.text) && t.span.start <= toks[k + n - 1].span.end + 2);
        n + usize::from(adjacent_suffix)
    }
}

/// What the first pass finds: titled names and subjects or objects of speech
/// verbs, organizations that speak, and pronouns and titles to resolve later.
struct FirstPass<'w, 't> {
    raw: Vec<RawMention>,
    /// The document's words written in lowercase, built when first asked.
    lowercase: LowercaseWords<'w, 't>,
    orgs: Vec<(Span, Vec<String>)>,
    pending: Vec<(Span, Option<String>)>,
}

/// Finds the people of a document. `masked(offset)` is true inside quotations,
/// whose words are not the reporter's and name no speaker.
pub(crate) fn find_people(words: &Words<'_>, paragraphs: &[Span], masked: &dyn Fn(usize) -> bool) -> People {
    let text = words.text();
    let mut found = FirstPass {
        raw: Vec::new(),
        lowercase: LowercaseWords::of(words),
        orgs: Vec::new(),
        pending: Vec::new(),
    };
    // The words of each paragraph outside quotations, for both passes.
    let scans: Vec<Scan> = paragraphs.iter().map(|p| Scan::of(words, *p, masked)).collect();
    for scan in &scans {
        let (heads, orgs) = speaker_heads(text, scan);
        found.orgs.extend(orgs);
        let mut k = 0;
        while k < scan.toks.len() {
            let t = scan.toks[k].text;
            let secretary_general =
                t.eq_ignore_ascii_case("secretary") && scan.toks.get(k + 1).is_some_and(|n| n.text == "General");
            k = if is_role(t) || secretary_general {
                titled(scan, k, &mut found)
            } else {
                untitled(text, scan, &heads, k, &mut found)
            };
        }
    }
    transcript_speakers(text, paragraphs, &mut found);
    let mut people = People::default();
    register(&mut people, found.orgs, found.raw);
    let first_pass = people.mentions.len();
    repetitions(&mut people, &scans, first_pass);
    people.mentions.sort_by_key(|m| m.span);
    add_pending(&mut people, found.pending);
    people.mentions.sort_by_key(|m| m.span);
    people
}

/// Whether token `i` ends a name that may speak ("Ada Lind", "Carl Mott Jr.").
fn ends_name(toks: &[Token<'_>], i: usize) -> bool {
    let t = toks[i].text;
    let after_name = i > 0 && is_name_token(toks[i - 1].text);
    is_name_token(t) && !is_name_suffix(t) || after_name && (is_name_suffix(t) || is_word_surname(toks, i))
}

/// A capitalized word that is no name alone but ends a name as its surname
/// ("Omar King", "Theresa May"): a role, or a month that is also a verb,
/// after a given name and before no other name or number.
fn is_word_surname(toks: &[Token<'_>], i: usize) -> bool {
    let t = toks[i].text;
    t.starts_with(char::is_uppercase)
        && (NAME_WORDS.role_nouns.contains_lower(t) || NAME_WORDS.verb_months.contains_lower(t))
        && i > 0
        && is_name_token(toks[i - 1].text)
        && !toks.get(i + 1).is_some_and(|n| {
            adjacent(toks, i) && (is_name_token(n.text) || n.text.starts_with(|c: char| c.is_ascii_digit()))
        })
}

/// For every token of a paragraph, whether it ends the name of someone who
/// speaks: the head of a speech verb's subject (see `subject`), or a name
/// signing a quotation after a dash ("..." — Ada Lind).
fn speaker_heads(text: &str, scan: &Scan<'_>) -> (Vec<bool>, Vec<(Span, Vec<String>)>) {
    let toks = &scan.toks;
    let mut heads = vec![false; toks.len()];
    let mut orgs = Vec::new();
    let ends = |i: usize| ends_name(toks, i);
    let mut mark = |s: Option<subject::Subject>| match s {
        Some(s) if s.named => heads[s.head_end] = true,
        Some(s) => orgs.extend(organization(toks, s)),
        None => {}
    };
    for (v, t) in toks.iter().enumerate() {
        let according = t.text.eq_ignore_ascii_case("according") && toks.get(v + 1).is_some_and(|n| n.text == "to");
        if according {
            mark(subject::after(text, toks, v + 2, &ends));
            continue;
        }
        if is_naming_verb(t.text) {
            mark(subject::before(text, toks, v, &ends));
            continue;
        }
        if !is_speech_verb(t.text) {
            continue;
        }
        if is_participle(t.text) && v > 0 && ends(v - 1) && adjacent(toks, v - 1) {
            // "footage of Lind saying": the name right before it.
            let at = v - 1;
            mark(Some(subject::Subject {
                first: at,
                head_end: at,
                named: true,
            }));
        } else {
            mark(subject::before(text, toks, v, &ends));
        }
        let passive = toks.get(v + 1).is_some_and(|n| n.text == "by");
        if subject::inverted(text, toks, v) || passive {
            mark(subject::after(text, toks, v + 1 + usize::from(passive), &ends));
        }
    }
    for k in 0..toks.len() {
        if subject::signs_quotation(text, toks, k) {
            let n = scan.name_at(k);
            if n > 0 && subject::ends_phrase(text, toks, k + n - 1) {
                heads[k + n - 1] = true;
            }
        }
    }
    (heads, orgs)
}

/// The organization a subject that names no person may name: "the White
/// House", "The IMF", "the Tax Policy Center", capitalized words after an
/// article, or an acronym. A lone capitalized word opening a sentence
/// ("Voters said") names a group, not an organization.
fn organization(toks: &[Token<'_>], s: subject::Subject) -> Option<(Span, Vec<String>)> {
    let capital = |t: &str| t.starts_with(char::is_uppercase);
    if !capital(toks[s.head_end].text) {
        return None;
    }
    let mut first = s.head_end;
    while first > s.first && capital(toks[first - 1].text) && !toks[first - 1].text.eq_ignore_ascii_case("the") {
        first -= 1;
    }
    // A word that is no name alone ("Authorities") may be part of one ("the
    // White House").
    if first == s.head_end && NAME_WORDS.not_names.contains_lower(bare(toks[first].text)) {
        return None;
    }
    let after_article = first > 0 && ["the", "The"].contains(&toks[first - 1].text);
    let acronym = first == s.head_end
        && toks[first]
            .text
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    if !(after_article || acronym) {
        return None;
    }
    let name = toks[first..=s.head_end]
        .iter()
        .map(|t| bare(t.text).to_string())
        .collect();
    Some((Span::new(toks[first].span.start, toks[s.head_end].span.end), name))
}

/// The labels of a transcript's turns ("PENCE:"): when three paragraphs or
/// more open with labels and one label comes back, a dialogue; a dateline
/// or a heading in capitals opens one paragraph alone.
fn transcript_speakers(text: &str, paragraphs: &[Span], found: &mut FirstPass<'_, '_>) {
    let labels: Vec<Span> = paragraphs
        .iter()
        .filter_map(|p| subject::turn_label(text, *p))
        .collect();
    let said = |l: &Span| &text[l.start..l.end];
    let repeats = labels
        .iter()
        .any(|l| labels.iter().filter(|o| said(o) == said(l)).count() >= 2);
    if labels.len() < 3 || !repeats {
        return;
    }
    for l in &labels {
        if !NAME_WORDS.places.contains_lower(said(l)) {
            let name = said(l).split(' ').map(String::from).collect();
            found.raw.push((*l, name, None, false, false));
        }
    }
}

/// A role at `k` ("Defense Secretary", "Secretary of State"), with the
/// title words before it and the name after it: the mention found, and where
/// the scan goes on.
fn titled(scan: &Scan<'_>, k: usize, found: &mut FirstPass<'_, '_>) -> usize {
    let toks = &scan.toks;
    // Role, with "of State" or "General" after it.
    let mut r_end = k + 1;
    if toks.get(r_end).is_some_and(|n| n.text == "General") {
        r_end += 1;
    }
    if toks.get(r_end).is_some_and(|n| n.text == "of")
        && toks
            .get(r_end + 1)
            .is_some_and(|n| n.text.starts_with(|c: char| c.is_uppercase()) && !is_name_token_followed(toks, r_end + 2))
    {
        r_end += 2;
    }
    let mut m_start = k;
    while m_start > 0
        && k - m_start < 3
        && (is_title_word(toks[m_start - 1].text) || is_anchored_modifier(toks, m_start - 1))
        && adjacent(toks, m_start - 1)
    {
        m_start -= 1;
    }
    let title = toks[m_start..r_end]
        .iter()
        .map(|t| t.text.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    let n = scan.name_at(r_end);
    if n > 0 {
        let name: Vec<String> = toks[r_end..r_end + n]
            .iter()
            .map(|t| bare(t.text).to_string())
            .collect();
        let span = Span::new(toks[m_start].span.start, toks[r_end + n - 1].span.end);
        let possessive = toks[r_end + n - 1].text.ends_with("'s");
        let dependent = m_start > 0 && is_dependent_marker(toks[m_start - 1].text);
        found.raw.push((span, name, Some(title), possessive, dependent));
        return r_end + n;
    }
    if m_start > 0 && toks[m_start - 1].text.eq_ignore_ascii_case("the") {
        let span = Span::new(toks[m_start - 1].span.start, toks[r_end - 1].span.end);
        found.pending.push((span, Some(title)));
    }
    r_end
}

/// A pronoun, an acronym or a name at `k` that speaks or is spoken of: the
/// mention found, and where the scan goes on.
fn untitled(text: &str, scan: &Scan<'_>, heads: &[bool], k: usize, found: &mut FirstPass<'_, '_>) -> usize {
    let toks = &scan.toks;
    let t = toks[k].text;
    if NAME_WORDS.pronouns.contains_lower(t) {
        found.pending.push((toks[k].span, None));
        return k + 1;
    }
    // A parenthesis after a name holds its attributes, not a speaker:
    // "Gwen Moore (D-Wis.) said", "Ada Lind (Labour) told".
    let open = toks[k].span.start;
    let after_name = k > 0 && text[toks[k - 1].span.end..open] == *" (" && is_name_token(toks[k - 1].text);
    if after_name {
        // A short one: a party and state, a place, an age.
        let close = text[open..]
            .char_indices()
            .take(30)
            .find(|(_, c)| *c == ')')
            .map(|(c, _)| open + c);
        if let Some(close) = close {
            return toks[k..]
                .iter()
                .position(|x| x.span.start > close)
                .map_or(toks.len(), |p| k + p);
        }
    }
    // An acronym before a speech verb is an organization: "CNN reported".
    if is_acronym(t) && toks.get(k + 1).is_some_and(|v| is_speech_verb(v.text)) {
        found.orgs.push((toks[k].span, vec![t.to_string()]));
        return k + 1;
    }
    let n = scan.name_at(k);
    if n > 0 && toks.get(k + n).is_some_and(|r| is_role(r.text)) && adjacent(toks, k + n - 1) {
        // Modifiers of a title ("Port Director"): the role branch takes them.
        // After a comma the role describes the name ("Ada Lind, president of").
        return k + n;
    }
    if n == 0 {
        return k + 1;
    }
    // "Voters said": a capitalized word opening a sentence that the
    // document also writes in lowercase is a common noun.
    let opens_sentence = k == 0 || text[toks[k - 1].span.end..toks[k].span.start].contains(['.', '!', '?', ':', '\n']);
    let speaks = heads[k + n - 1] && !(n == 1 && opens_sentence && found.lowercase.contains(&t.to_lowercase()));
    // "the Valmora Herald reported": a name after "the" is an organization.
    let after_the = k > 0 && toks[k - 1].text.eq_ignore_ascii_case("the");
    if speaks && after_the && !toks[k + n - 1].text.ends_with("'s") {
        let name: Vec<String> = toks[k..k + n].iter().map(|t| bare(t.text).to_string()).collect();
        found
            .orgs
            .push((Span::new(toks[k - 1].span.start, toks[k + n - 1].span.end), name));
    } else if speaks && n == 1 && NAME_WORDS.places.contains_lower(t) {
        // "Moscow said": a place speaks for its government.
        found.orgs.push((toks[k].span, vec![t.to_string()]));
    } else if speaks && !after_the && !toks[k + n - 1].text.ends_with("'s") {
        let name: Vec<String> = toks[k..k + n].iter().map(|t| bare(t.text).to_string()).collect();
        let span = Span::new(toks[k].span.start, toks[k + n - 1].span.end);
        let dependent = k > 0 && is_dependent_marker(toks[k - 1].text);
        found.raw.push((span, name, None, false, dependent));
    }
    k + n
}

/// Organizations and persons of the first pass, full names first, so that a
/// surname meets its full form; their mentions, sorted.
fn register(people: &mut People, orgs: Vec<(Span, Vec<String>)>, raw: Vec<RawMention>) {
    // Organizations: speakers of their own, kept apart from people.
    for (span, name) in orgs {
        let i = match people.persons.iter().position(|p| p.organization && p.name == name) {
            Some(i) => i,
            None => {
                people.persons.push(Person {
                    name,
                    titles: Vec::new(),
                    organization: true,
                });
                people.persons.len() - 1
            }
        };
        people.mentions.push(Mention {
            span,
            target: Target::Person(i),
            possessive: false,
            dependent: false,
        });
    }
    // Register persons: full names first, so that a surname meets its full form.
    let mut order: Vec<usize> = (0..raw.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(raw[i].1.len()));
    let mut person_of = vec![0usize; raw.len()];
    let mut index = BySurname::of(&people.persons);
    for i in order {
        let (_, name, title, _, _) = &raw[i];
        let p = register_person(&mut people.persons, &mut index, name, title.as_deref());
        person_of[i] = p;
    }
    for (i, (span, _, _, possessive, dependent)) in raw.iter().enumerate() {
        people.mentions.push(Mention {
            span: *span,
            target: Target::Person(person_of[i]),
            possessive: *possessive,
            dependent: *dependent,
        });
    }
    people.mentions.sort_by_key(|m| m.span);
}

/// Pass 2: bare repetitions of a known name ("Hegseth", "Trump's").
fn repetitions(people: &mut People, scans: &[Scan<'_>], first_pass: usize) {
    let index = BySurname::of(&people.persons);
    for scan in scans {
        let toks = &scan.toks;
        let mut k = 0;
        while k < toks.len() {
            let n = scan.name_at(k);
            if n == 0 {
                k += 1;
                continue;
            }
            let span = Span::new(toks[k].span.start, toks[k + n - 1].span.end);
            let covered = overlaps_any(&people.mentions[..first_pass], span);
            if !covered {
                let words: Vec<String> = toks[k..k + n].iter().map(|t| bare(t.text).to_string()).collect();
                if let Some(pi) = lookup(&people.persons, &index, &words, None) {
                    let possessive = toks[k + n - 1].text.ends_with("'s");
                    let dependent = k > 0 && is_dependent_marker(toks[k - 1].text);
                    people.mentions.push(Mention {
                        span,
                        target: Target::Person(pi),
                        possessive,
                        dependent,
                    });
                }
            }
            k += n;
        }
    }
}

/// Pronouns and titles that no name covers, to be resolved in context.
fn add_pending(people: &mut People, pending: Vec<(Span, Option<String>)>) {
    for (span, title) in pending {
        if overlaps_any(&people.mentions, span) {
            continue;
        }
        let target = match title {
            Some(t) => Target::Title(t.trim_start_matches("the ").to_string()),
            None => Target::Pronoun,
        };
        people.mentions.push(Mention {
            span,
            target,
            possessive: false,
            dependent: false,
        });
    }
    people.mentions.sort_by_key(|m| m.span);
}

/// `CNN`, `NATO`, `EU`: capitals only, two to six letters.
fn is_acronym(t: &str) -> bool {
    (2..=6).contains(&t.len())
        && t.chars().all(|c| c.is_ascii_uppercase())
        && !NAME_WORDS.not_organizations.contains_lower(t)
}

/// Whether `span` overlaps one of `mentions` (sorted by start, not
/// overlapping one another): only the last to start before its end can.
fn overlaps_any(mentions: &[Mention], span: Span) -> bool {
    let i = mentions.partition_point(|m| m.span.start < span.end);
    i > 0 && mentions[i - 1].span.overlaps(&span)
}

fn is_name_token_followed(toks: &[Token<'_>], k: usize) -> bool {
    // "Secretary of State Marco Rubio": State is part of the title only if a name follows it.
    !toks.get(k).is_some_and(|t| is_name_token(t.text))
}

/// A lowercase word of a title that no list names ("the port director",
/// "Tulsa police Chief"): a content word whose run of lowercase words
/// follows "the" or a capitalized title word, so it cannot be a verb of the
/// sentence ("said police chief ...").
fn is_anchored_modifier(toks: &[Token<'_>], j: usize) -> bool {
    let content = |t: &str| t.chars().all(char::is_lowercase) && !is_stop_word(t) && !is_speech_verb(t);
    if !content(toks[j].text) {
        return false;
    }
    let mut i = j;
    while i > 0 && j - i < 2 && content(toks[i - 1].text) && adjacent(toks, i - 1) {
        i -= 1;
    }
    i > 0 && adjacent(toks, i - 1) && {
        let anchor = toks[i - 1].text;
        anchor.eq_ignore_ascii_case("the") || anchor.starts_with(char::is_uppercase) && is_title_word(anchor)
    }
}

fn adjacent(toks: &[Token<'_>], k: usize) -> bool {
    toks.get(k + 1).is_some_and(|n| n.span.start == toks[k].span.end + 1)
}

/// The person with this name: same full name, or a one-word name that is a
/// known surname (or given name) of exactly one person of a compatible
/// gender ("Mrs. Lind" is not Carl Lind).
fn lookup(persons: &[Person], index: &BySurname, words: &[String], gender: Option<Gender>) -> Option<usize> {
    let keys = || -> Vec<String> { words.iter().map(|w| name_key(w)).collect() };
    let surname = name_key(surname_of(words));
    // Every match shares the surname: only those persons are looked at.
    // More namesakes than a document can tell apart (a page of names with
    // no stop) leave a name to its exact form.
    let namesakes = index.get(&surname);
    if namesakes.len() > MAX_NAMESAKES {
        let keys = keys();
        return namesakes.iter().copied().find(|&i| {
            persons[i].name.len() == keys.len() && persons[i].name.iter().zip(&keys).all(|(w, k)| name_key(w) == *k)
        });
    }
    // A one-word name is told by its surname alone; the keys of a longer
    // one's words are made once, and a namesake's only where they are
    // compared.
    let keys = if words.len() == 1 { Vec::new() } else { keys() };
    let matches: Vec<usize> = namesakes
        .iter()
        .map(|&i| (i, &persons[i]))
        .filter(|(_, p)| gender.is_none() || p.gender().is_none_or(|g| Some(g) == gender))
        .filter(|(_, p)| {
            let same_surname = p.surname_key() == surname;
            if words.len() == 1 {
                return same_surname;
            }
            let pk: Vec<String> = p.name.iter().map(|w| name_key(w)).collect();
            pk == keys || (same_surname && compatible_given(&pk, &keys))
        })
        .map(|(i, _)| i)
        .collect();
    match matches.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// Given names agree when equal or one is an initial of the other.
fn compatible_given(a: &[String], b: &[String]) -> bool {
    match (a.first(), b.first()) {
        (Some(x), Some(y)) if a.len() > 1 && b.len() > 1 => {
            x == y || x.len() == 1 && y.starts_with(x.as_str()) || y.len() == 1 && x.starts_with(y.as_str())
        }
        _ => true,
    }
}

/// Persons of one surname beyond which a bare surname names none of them.
const MAX_NAMESAKES: usize = 16;

/// Persons by the key of their surname: a name is looked up among its
/// namesakes, not among every person of a long document.
#[derive(Debug, Default)]
struct BySurname(rustc_hash::FxHashMap<String, Vec<usize>>);

impl BySurname {
    fn of(persons: &[Person]) -> BySurname {
        let mut index = BySurname::default();
        for (i, p) in persons.iter().enumerate() {
            index.0.entry(p.surname_key()).or_default().push(i);
        }
        index
    }

    fn get(&self, surname: &str) -> &[usize] {
        self.0.get(surname).map(Vec::as_slice).unwrap_or(&[])
    }
}

fn register_person(persons: &mut Vec<Person>, index: &mut BySurname, name: &[String], title: Option<&str>) -> usize {
    let gender = title.and_then(|t| t.split(' ').find_map(gender_of_word));
    let i = match lookup(persons, index, name, gender) {
        Some(i) => {
            if name.len() > persons[i].name.len() {
                persons[i].name = name.to_vec();
            }
            i
        }
        None => {
            persons.push(Person {
                name: name.to_vec(),
                titles: Vec::new(),
                organization: false,
            });
            let i = persons.len() - 1;
            index.0.entry(persons[i].surname_key()).or_default().push(i);
            i
        }
    };
    if let Some(t) = title {
        if !persons[i].titles.iter().any(|x| x == t) {
            persons[i].titles.push(t.to_string());
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::sentence::paragraphs;
    use crate::text::tokens;

    fn people(text: &str) -> People {
        find_people(&Words::of(text), &paragraphs(text), &|_| false)
    }

    fn names(text: &str) -> Vec<String> {
        people(text).persons.iter().map(|p| p.full_name()).collect()
    }

    #[test]
    fn titled_names_and_speakers() {
        let t = "Port Authority Director Tomas Brenn met union leader Ines Marlow. Brenn said talks would go on.";
        assert_eq!(names(t), ["Tomas Brenn", "Ines Marlow"]);
        let p = people(t);
        assert_eq!(p.mentions.len(), 3);
        assert_eq!(p.persons[0].titles, ["port authority director"]);
    }

    #[test]
    fn secretary_of_state_and_secretary_general() {
        let t = "It was echoed by US Secretary of State Marco Rubio and NATO Secretary General Mark Rutte.";
        assert_eq!(names(t), ["Marco Rubio", "Mark Rutte"]);
    }

    #[test]
    fn title_reference_resolves_to_last_holder() {
        let t = "Defense Secretary Pete Hegseth spoke. Later the defense secretary said more.";
        let p = people(t);
        let at = t.find("the defense").unwrap();
        assert!(
            p.mentions
                .iter()
                .any(|m| m.target == Target::Title("defense secretary".into()))
        );
        assert_eq!(p.by_title("defense secretary", at), Some(0));
    }

    #[test]
    fn acronyms_and_places_are_not_people() {
        // A place speaks for its government, like an acronym's organization.
        let p = people("NATO said the plan was sound. Brussels said nothing.");
        assert!(p.persons.iter().all(|p| p.organization), "{:?}", p.persons);
        assert_eq!(
            p.persons.iter().map(|p| p.full_name()).collect::<Vec<_>>(),
            ["NATO", "Brussels"]
        );
        // A place is a name's part when the name goes on.
        let p = people("Chuck Jordan said the road was closed.");
        assert_eq!(
            p.persons.iter().map(|p| p.full_name()).collect::<Vec<_>>(),
            ["Chuck Jordan"]
        );
        assert!(!p.persons[0].organization);
    }

    #[test]
    fn initials_and_suffixes_stay_in_the_name() {
        let names = |t: &str| people(t).persons.iter().map(|p| p.full_name()).collect::<Vec<_>>();
        assert_eq!(names("Ada B. Lind said the cranes would move."), ["Ada B. Lind"]);
        assert_eq!(
            names("Omar T. K. Reyes said the road was closed."),
            ["Omar T. K. Reyes"]
        );
        assert_eq!(names("Carl Mott Jr. said the road was closed."), ["Carl Mott Jr"]);
        // A suffix never starts a name of its own.
        assert!(!names("Carl Mott Jr. said it.").iter().any(|n| n.starts_with("Jr")));
    }

    #[test]
    fn lowercase_words_of_a_title_after_the_or_a_capital() {
        let p = people("Quarry foreman Ada Lind arrived. Tulsa police Chief Omar Reyes said the road was closed.");
        let reyes = p.persons.iter().find(|p| p.full_name() == "Omar Reyes").expect("Reyes");
        assert_eq!(reyes.titles, ["tulsa police chief"]);
        // After a verb the lowercase word is the sentence's, not the title's.
        let p = people("The mayor said police chief Omar Reyes was on leave.");
        let reyes = p.persons.iter().find(|p| p.full_name() == "Omar Reyes").expect("Reyes");
        assert_eq!(reyes.titles, ["chief"]);
    }

    #[test]
    fn a_role_word_after_a_given_name_is_a_surname() {
        assert_eq!(names("\"We will see,\" said Omar King, a harbour man."), ["Omar King"]);
        assert_eq!(names("\"We will see,\" Prime Minister Ada May said."), ["Ada May"]);
        let toks = |s: &'static str| tokens(s, Span::new(0, s.len()));
        assert!(is_word_surname(&toks("Ada May said"), 1));
        assert!(!is_word_surname(&toks("Ada Lind May 5"), 2), "a date, not a surname");
        // Before a name it is still a role.
        assert_eq!(names("Harbour Chancellor Ada Lind said it."), ["Ada Lind"]);
    }

    #[test]
    fn organizations_speak_under_their_names() {
        let p = people("After the meeting, the Harbour Board announced that the yard would close.");
        assert_eq!(
            p.persons
                .iter()
                .map(|p| (p.full_name(), p.organization))
                .collect::<Vec<_>>(),
            [("Harbour Board".to_string(), true)]
        );
        let p = people("The IMF had warned that growth would slow. Voters said little. Few voters came.");
        assert_eq!(p.persons.iter().map(|p| p.full_name()).collect::<Vec<_>>(), ["IMF"]);
    }

    #[test]
    fn an_honorific_is_no_surname() {
        assert_eq!(names("Former Rep. Carl Mott pleaded guilty on Friday."), ["Carl Mott"]);
    }

    #[test]
    fn a_suffix_is_no_surname() {
        let t = "Carl Mott Jr. said the yard would close. Maria Mott said it would not. Mott said more.";
        let p = people(t);
        let at = t.rfind("Mott said").unwrap();
        // Two Motts: the bare surname is neither.
        assert!(
            !p.mentions
                .iter()
                .any(|m| m.span.start == at && matches!(m.target, Target::Person(i) if p.persons[i].name.len() > 1))
        );
        let t = "Carl Mott Jr. said the yard would close. Mott said more.";
        let p = people(t);
        let at = t.rfind("Mott said").unwrap();
        let m = p.mentions.iter().find(|m| m.span.start == at).expect("Mott");
        assert!(
            matches!(m.target, Target::Person(i) if p.persons[i].full_name() == "Carl Mott Jr"),
            "{:?}",
            p.persons
        );
    }

    #[test]
    fn a_description_joined_by_hyphens_is_no_name() {
        assert_eq!(
            names("Father-of-three Omar Reyes said the plane had landed."),
            ["Omar Reyes"]
        );
        assert_eq!(names("Ada Holtz-Lind said the plane had landed."), ["Ada Holtz-Lind"]);
        // A contraction is no name; an apostrophe inside a surname is.
        assert_eq!(
            names("We're told, Omar O'Neill said, that the plane landed."),
            ["Omar O'Neill"]
        );
    }

    #[test]
    fn a_title_case_verb_ends_the_name() {
        assert_eq!(names("Yard Will Close, Ada Lind Says"), ["Ada Lind"]);
    }

    #[test]
    fn an_honorific_joins_the_namesake_of_its_gender() {
        let t = "Carl Lind said the yard would close. Ada Lind said it would not. Mrs. Lind said more.";
        let p = people(t);
        let at = t.find("Mrs.").unwrap();
        let m = p.mentions.iter().find(|m| m.span.start == at).expect("Mrs. Lind");
        let Target::Person(i) = m.target else { panic!("{m:?}") };
        assert_eq!(p.persons[i].full_name(), "Ada Lind");
        // With only the husband named, the wife stays apart.
        let t = "Carl Lind said the yard would close. Mrs. Lind said it would not.";
        assert_eq!(names(t), ["Carl Lind", "Lind"]);
    }

    #[test]
    fn transliterations_share_a_key() {
        assert_eq!(name_key("Zelenskyy"), name_key("Zelenskiy"));
        assert_eq!(name_key("Zelensky"), name_key("Zelenskiy"));
        assert_eq!(name_key("Hryhorchuk"), name_key("Grigorchuk"));
        assert_eq!(name_key("Kolář"), name_key("Kolar"));
        assert_ne!(name_key("Trump"), name_key("Rubio"));
        // The keys themselves, ASCII or not, possessive or not.
        assert_eq!(name_key("Olexandr's"), "oleksandr");
        assert_eq!(name_key("Khodorkovskiy"), "khodorkovski");
        assert_eq!(name_key("Kolář's"), "kolar");
        assert_eq!(name_key("Hryhorchuk"), "grigorchuk");
    }
}
