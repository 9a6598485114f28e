//! For the tests of the grammars' first-word gates: texts to run every
//! form on, and the places where a form matches but is not tried.

use super::{Form, FormSet};

/// The example articles, and the texts of the shared suites named by
/// their paths under the folder `CLAIMCHECK_EVAL` names (none without it).
pub(crate) fn texts(suites: &[&str]) -> Vec<String> {
    let mut texts: Vec<String> = [
        include_str!("../../examples/harbour-strike/harbour-daily.txt"),
        include_str!("../../examples/harbour-strike/coastline-news.md"),
        include_str!("../../examples/harbour-strike/valmora-herald.txt"),
    ]
    .map(String::from)
    .to_vec();
    let Ok(eval) = std::env::var("CLAIMCHECK_EVAL") else {
        return texts;
    };
    for suite in suites {
        let path = std::path::Path::new(&eval).join(suite);
        let lines = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for line in lines.lines() {
            let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            texts.push(v["text"].as_str().unwrap_or("").to_string());
        }
    }
    texts
}

/// Every form run, ungated, at every start of `texts` (`starts(text, at)`
/// gives the forms tried there, `None` where no expression begins): where
/// one matches but is not tried, the form and the text there.
pub(crate) fn misses<T, B>(
    texts: &[String],
    forms: &[(Form<T>, B)],
    starts: impl Fn(&str, usize) -> Option<FormSet>,
) -> Vec<String> {
    let mut misses = Vec::new();
    for text in texts {
        for i in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            let rest = &text[i..];
            let Some(tried) = starts(text, i) else { continue };
            // The scanner passes over what follows an ASCII letter or digit.
            assert!(i == 0 || !text.as_bytes()[i - 1].is_ascii_alphanumeric(), "{rest:?}");
            for (k, (form, _)) in forms.iter().enumerate() {
                let matched = form(rest).is_ok_and(|(r, _)| r.len() < rest.len());
                if matched && tried & (1 << k) == 0 {
                    misses.push(format!("form {k} at {:?}", rest.chars().take(40).collect::<String>()));
                }
            }
        }
    }
    misses.dedup();
    misses
}
