//! One identity per person across sources: full names, surnames and
//! transliterations meet under a folded surname key; different given names
//! under one surname stay different people.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap;

use crate::extract::mention::{Person, name_key, surname_of};

/// Canonical names for the people of every source.
#[derive(Debug, Default)]
pub(crate) struct Identities {
    /// (source index, name as the source gives it) → canonical full name.
    canonical: FxHashMap<(usize, String), String>,
}

impl Identities {
    /// `people[i]` are the people of source `i`.
    pub(crate) fn resolve(people: &[Vec<Person>]) -> Identities {
        // Identity = (surname key, given-name key or "" for surname only).
        let mut forms: BTreeMap<(String, String), BTreeMap<String, usize>> = BTreeMap::new();
        for list in people {
            for p in list {
                let key = (p.surname_key(), given_key(p));
                *forms.entry(key).or_default().entry(p.full_name()).or_default() += 1;
            }
        }
        // Given names one letter apart under one surname are one person
        // misspelt ("Vincente Fox", "Vicente Fox"): the form seen most often
        // (then first in order) stands for both.
        let weight = |k: &(String, String)| forms[k].values().sum::<usize>();
        let mut spelled: BTreeMap<(String, String), (String, String)> = BTreeMap::new();
        for key in forms.keys().filter(|k| !k.1.is_empty()) {
            let best = forms
                .keys()
                .filter(|k| k.0 == key.0 && !k.1.is_empty() && misspelt_given(&k.1, &key.1))
                .max_by(|a, b| weight(a).cmp(&weight(b)).then(b.cmp(a)))
                .unwrap_or(key);
            spelled.insert(key.clone(), best.clone());
        }
        // A surname-only identity joins the single full-name identity with that surname.
        let mut merged: BTreeMap<(String, String), (String, String)> = BTreeMap::new();
        for key in forms.keys() {
            let target = if key.1.is_empty() {
                let full: BTreeSet<_> = spelled.iter().filter(|(k, _)| k.0 == key.0).map(|(_, t)| t).collect();
                match full.into_iter().collect::<Vec<_>>().as_slice() {
                    [one] => (*one).clone(),
                    _ => key.clone(),
                }
            } else {
                spelled[key].clone()
            };
            merged.insert(key.clone(), target);
        }
        let mut names: BTreeMap<(String, String), BTreeMap<String, usize>> = BTreeMap::new();
        for (key, counts) in &forms {
            let target = &merged[key];
            for (name, n) in counts {
                *names
                    .entry(target.clone())
                    .or_default()
                    .entry(name.clone())
                    .or_default() += n;
            }
        }
        // The canonical form: most words, then most sources, then first in order.
        let best: BTreeMap<(String, String), String> = names
            .into_iter()
            .map(|(k, counts)| {
                let name = counts
                    .into_iter()
                    .max_by(|a, b| {
                        let wa = a.0.split(' ').count();
                        let wb = b.0.split(' ').count();
                        wa.cmp(&wb).then(a.1.cmp(&b.1)).then(b.0.cmp(&a.0))
                    })
                    .map(|(n, _)| n)
                    .unwrap_or_default();
                (k, name)
            })
            .collect();
        let mut canonical = FxHashMap::default();
        for (i, list) in people.iter().enumerate() {
            for p in list {
                let key = (p.surname_key(), given_key(p));
                canonical.insert((i, p.full_name()), best[&merged[&key]].clone());
            }
        }
        Identities { canonical }
    }

    pub(crate) fn canonical(&self, source: usize, name: &str) -> Option<&str> {
        self.canonical.get(&(source, name.to_string())).map(String::as_str)
    }
}

/// Why a name as a source gives it (`form`) stands for the person
/// `canonical`: what `--statistics` shows of each merge.
pub(crate) fn why_one(form: &str, canonical: &str) -> &'static str {
    let words = |n: &str| n.split(' ').map(name_key).collect::<Vec<_>>();
    let (f, c) = (words(form), words(canonical));
    if f.len() == 1 {
        "a surname alone, and one person of that surname"
    } else if f.first() == c.first() && f.last() == c.last() {
        "the same given name and surname"
    } else if f.last() == c.last() {
        "the same surname, the given name one letter apart"
    } else {
        "the same name"
    }
}

/// Two keys one letter apart (a letter left out, added, changed or two
/// swapped), in names long enough for that to be a slip: equal keys too.
fn misspelt(a: &str, b: &str) -> bool {
    a == b || a.chars().count().min(b.chars().count()) >= 4 && strsim::damerau_levenshtein(a, b) <= 1
}

/// Two given names one letter apart that are one name misspelt: long
/// enough that the slip is no other name ("Mark", "Mary"), and not one the
/// other's feminine ("Daniel", "Daniela").
fn misspelt_given(a: &str, b: &str) -> bool {
    let long = a.chars().count().min(b.chars().count()) >= 6;
    a == b || long && misspelt(a, b) && !a.starts_with(b) && !b.starts_with(a)
}

/// Whether two speakers, by canonical name, are certainly two people, the
/// way an accusation of misattribution needs them to be: different surnames
/// that no misspelling explains ("Trump" and "Tump" may be one), or one
/// surname with two given names that cannot be one (Bill and Hillary).
/// A surname alone against a full name may be the same person, so it is
/// not certain. Organizations speak through people, so never certain.
pub(crate) fn certainly_different(a: &str, b: &str, organization: &dyn Fn(&str) -> bool) -> bool {
    if a == b || organization(a) || organization(b) {
        return false;
    }
    // Keys of the given names and surname, without a suffix ("Jr.").
    let words = |n: &str| {
        let all: Vec<String> = n.split(' ').map(String::from).collect();
        let surname = surname_of(&all);
        let end = all.iter().rposition(|w| w == surname).map_or(all.len(), |i| i + 1);
        all[..end].iter().map(|w| name_key(w)).collect::<Vec<_>>()
    };
    let (wa, wb) = (words(a), words(b));
    let (Some(sa), Some(sb)) = (wa.last(), wb.last()) else {
        return false;
    };
    if sa != sb {
        return !misspelt(sa, sb);
    }
    match (wa.len() > 1, wb.len() > 1) {
        (true, true) => {
            let (ga, gb) = (&wa[0], &wb[0]);
            let initial = |x: &str, y: &str| x.chars().count() == 1 && y.starts_with(x);
            !misspelt(ga, gb) && !initial(ga, gb) && !initial(gb, ga)
        }
        _ => false,
    }
}

fn given_key(p: &Person) -> String {
    if p.name.len() < 2 {
        String::new()
    } else {
        name_key(&p.name[0])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str) -> Person {
        Person {
            name: name.split(' ').map(String::from).collect(),
            titles: vec![],
            organization: false,
        }
    }

    #[test]
    fn only_certain_differences_accuse() {
        let none = |_: &str| false;
        assert!(certainly_different("Bill Clinton", "Hillary Clinton", &none));
        assert!(certainly_different("Ada Lind", "Omar Reyes", &none));
        // A surname alone may be either namesake.
        assert!(!certainly_different("Clinton", "Hillary Clinton", &none));
        // A letter dropped or swapped is a misspelling, not a second person.
        assert!(!certainly_different("Donald Trump", "Tump", &none));
        assert!(!certainly_different("Ryan Zinke", "Ryan Zink", &none));
        assert!(!certainly_different("J. Lind", "Jana Lind", &none));
        assert!(!certainly_different("Lind", "Carl Lind Jr", &none));
        // Short surnames one letter apart are different names.
        assert!(certainly_different("Ada Lee", "Ada Lei", &none));
        // An organization speaks through a person.
        let org = |n: &str| n == "Harbour Committee";
        assert!(!certainly_different("Harbour Committee", "Ada Lind", &org));
    }

    #[test]
    fn spellings_meet_and_namesakes_stay_apart() {
        let people = vec![
            vec![person("Volodymyr Zelenskyy"), person("Donald Trump")],
            vec![person("Volodymyr Zelensky"), person("Melania Trump")],
            vec![person("Zelenskiy"), person("Hegseth")],
            vec![person("Pete Hegseth"), person("Volodymyr Zelensky")],
        ];
        let ids = Identities::resolve(&people);
        assert_eq!(ids.canonical(0, "Volodymyr Zelenskyy"), Some("Volodymyr Zelensky"));
        assert_eq!(ids.canonical(2, "Zelenskiy"), Some("Volodymyr Zelensky"));
        assert_eq!(ids.canonical(2, "Hegseth"), Some("Pete Hegseth"));
        assert_eq!(ids.canonical(0, "Donald Trump"), Some("Donald Trump"));
        assert_eq!(ids.canonical(1, "Melania Trump"), Some("Melania Trump"));
        // A given name misspelt, a transliteration: one person each.
        let people = vec![
            vec![person("Vicente Fox"), person("Oleksandr Hryhorchuk")],
            vec![person("Vincente Fox"), person("Olexandr Grigorchuk")],
            vec![person("Vicente Fox"), person("Fox")],
        ];
        let ids = Identities::resolve(&people);
        assert_eq!(ids.canonical(1, "Vincente Fox"), Some("Vicente Fox"));
        assert_eq!(ids.canonical(2, "Fox"), Some("Vicente Fox"));
        assert_eq!(
            ids.canonical(1, "Olexandr Grigorchuk"),
            ids.canonical(0, "Oleksandr Hryhorchuk")
        );
        assert!(!certainly_different("Vincente Fox", "Vicente Fox", &|_| false));
        // Names one letter apart that are other names stay apart.
        let people = vec![
            vec![person("Mark Lind"), person("Daniel Reyes")],
            vec![person("Mary Lind"), person("Daniela Reyes")],
        ];
        let ids = Identities::resolve(&people);
        assert_eq!(ids.canonical(1, "Mary Lind"), Some("Mary Lind"));
        assert_eq!(ids.canonical(1, "Daniela Reyes"), Some("Daniela Reyes"));
    }
}
