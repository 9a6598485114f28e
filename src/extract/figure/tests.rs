use super::*;

#[test]
fn a_space_of_two_bytes_before_a_figure_is_a_word_break() {
    // No-break spaces reach the grammar where text is not cleaned.
    let text = "Prices rose\u{a0}30% and\u{2003}$5 million more.";
    let found: Vec<&str> = find_figures(text)
        .iter()
        .map(|f| &text[f.span.start..f.span.end])
        .collect();
    assert_eq!(found, ["30%", "$5 million"]);
}

#[test]
fn every_qualifier_of_the_table_is_read() {
    assert_eq!(QUALIFIERS.len(), rows(en::QUALIFIERS).count());
}

fn figs(text: &str) -> Vec<(String, String)> {
    find_figures(text)
        .into_iter()
        .map(|m| {
            let f = &m.figure;
            let u = f.unit.as_ref().map(|u| u.as_str().to_string()).unwrap_or_default();
            let a = f.amount.map(|a| a.to_string()).unwrap_or_else(|| "null".into());
            (text[m.span.start..m.span.end].to_string(), format!("{a} {u}"))
        })
        .collect()
}

fn one(text: &str) -> (String, String) {
    let v = figs(text);
    assert_eq!(v.len(), 1, "{text}: {v:?}");
    v.into_iter().next().unwrap()
}

/// The quick test before the forms must never pass over a start where
/// some form matches: every start of every word of figure-dense text.
#[test]
fn the_quick_test_passes_every_start_a_form_reads() {
    let text = "$300 billion, US$300bn, usd 300 billion, 300 USD billion, \
        €4.2 billion, 4.2bn euros, EUR 4,200 million, USD34.6 million, £1.5m, Rs 12 crore, \
        Rs. 5, 1.2 billion hryvnias, a C$300 million charge, hk $ 10.05 billion, \
        125 million australian dollars, five million yen, 120 MEUR, 3 dollars 50 cents, \
        34 cents, a one-yen bid, dollar 5, ₹40, ¥7, 30%, thirty percent, minus five percent, \
        -3%, 3 percentage points, per cent of 210, percent of 7, a third of, two thirds of, \
        half of, a quarter of, three quarters of, a dozen ships, two dozen people, 3 dozen eggs, \
        a small percent, the % of, percentage, 3,400 people, Nineteen injuries, nine states, \
        zero percent, a hundred dollars, half million dollars, a half million euros, \
        quarter million pounds, $5-6 billion, $5 to $6 billion, 17 USD 25.";
    for i in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
        let rest = &text[i..];
        let read = FORMS
            .iter()
            .any(|(form, _)| form(rest).is_ok_and(|(r, _)| r.len() < rest.len()));
        let inside = text[..i]
            .chars()
            .next_back()
            .is_some_and(|p| p.is_alphanumeric() || p == '.' || p == ',');
        if read && !inside {
            assert!(starts_figure(text, i), "{}", &rest[..rest.len().min(20)]);
        }
    }
}

#[test]
fn money_forms_agree() {
    for (text, span) in [
        ("the United States — $300 billion invested", "$300 billion"),
        ("300 billion dollars in aid", "300 billion dollars"),
        ("a US$300bn package", "US$300bn"),
        ("USD 300 billion in aid", "USD 300 billion"),
        ("they lost 300 USD billion", "300 USD billion"),
    ] {
        assert_eq!(
            figs(text),
            [(span.to_string(), "300000000000 USD".to_string())],
            "{text}"
        );
    }
}

#[test]
fn currencies_and_scales() {
    assert_eq!(one("cost €4.2 billion").1, "4200000000 EUR");
    assert_eq!(one("cost 4.2bn euros").1, "4200000000 EUR");
    assert_eq!(one("EUR 4,200 million").1, "4200000000 EUR");
    assert_eq!(one("USD34.6 million").1, "34600000 USD");
    assert_eq!(one("£1.5m").1, "1500000 GBP");
    assert_eq!(one("Rs 12 crore").1, "120000000 INR");
    assert_eq!(one("1.2 billion hryvnias").1, "1200000000 UAH");
    assert_eq!(one("a C$300 million charge").1, "300000000 CAD");
    assert_eq!(one("to hk $ 10.05 billion").1, "10050000000 HKD");
    assert_eq!(one("125 million australian dollars of").1, "125000000 AUD");
    assert_eq!(one("received five million yen").1, "5000000 JPY");
    assert_eq!(one("revenues of 120 MEUR").1, "120000000 EUR");
    assert_eq!(one("it cost 3 dollars 50 cents.").1, "3.5 USD");
    assert_eq!(one("rose 34 cents").1, "0.34 USD");
    let r = find_figures("a $5-6 billion loan");
    assert_eq!(
        (r[0].figure.amount, r[0].figure.to),
        (Some(Amount(5e9)), Some(Amount(6e9)))
    );
    let r = find_figures("between $5 and $6 billion");
    assert_eq!(r[0].figure.to, Some(Amount(6e9)));
}

#[test]
fn smaller_units_are_amounts_of_their_currency() {
    assert_eq!(one("bread rose 34 cents").1, "0.34 USD");
    assert_eq!(one("a stamp at 197 pence").1, "1.97 GBP");
    assert_eq!(one("a 12-cent dividend").1, "0.12 USD");
    assert_eq!(one("closed one penny lower").1, "0.01 GBP");
    // Cents after euros are euro cents; after pounds, which have none,
    // still the dollar's.
    let v = figs("Tickets cost €4, and 50 cents more at the door.");
    assert_eq!(v[1].1, "0.5 EUR");
    let v = figs("Tickets cost £4, and 50 cents more online.");
    assert_eq!(v[1].1, "0.5 USD");
    assert_eq!(one("a one-yen bid").1, "1 JPY");
    assert_eq!(one("valued at 528 million francs").1, "528000000 CHF");
}

#[test]
fn two_amounts_are_never_one() {
    assert_eq!(
        figs("paid 50 dollar 40 rmb"),
        [
            ("50 dollar".into(), "50 USD".into()),
            ("40 rmb".into(), "40 CNY".into())
        ]
    );
    assert_eq!(figs("10 $ 30 $").len(), 2);
    assert_eq!(figs("$5 and two friends paid")[0].1, "5 USD");
    assert_eq!(one("Hey, the cost is $4.25 and 32 is the quantity").1, "4.25 USD");
    assert_eq!(one("we are giving away 3 USD50 cards.").1, "50 USD");
    // A tail that closes the phrase is the cents.
    assert_eq!(one("it costs 17 USD 25.").1, "17.25 USD");
    assert_eq!(one("it costs 15 dollars and 50 cents").1, "15.5 USD");
    assert_eq!(one("it costs C$100 and fifty.").1, "100.5 CAD");
}

#[test]
fn percentages() {
    assert_eq!(one("around 30% of"), ("30%".into(), "30 %".into()));
    assert_eq!(one("30 percent of"), ("30 percent".into(), "30 %".into()));
    assert_eq!(one("twenty per cent"), ("twenty per cent".into(), "20 %".into()));
    assert_eq!(one("just need minus five percent").1, "-5 %");
    assert_eq!(one("per cent of 210").1, "210 %");
    assert_eq!(
        one("rose 3 percentage points"),
        ("3 percentage points".into(), "3 percentage point".into())
    );
    assert!(figs("see https://x.test/search?q=30%25%2020%").is_empty());
    assert_eq!(one("a third of the budget").0, "a third");
    assert_eq!(one("half of the staff").1, "50 %");
}

#[test]
fn counts_and_qualifiers() {
    let m = find_figures("at least 3,400 dockworkers left");
    assert_eq!(m[0].figure.unit, Some(Unit::Noun("dockworkers".into())));
    assert_eq!(m[0].figure.amount, Some(Amount(3400.0)));
    assert_eq!(m[0].figure.qualifier, Some(Qualifier::AtLeast));
    assert_eq!(figs("Some 4,300 dockworkers left").len(), 1);
    assert_eq!(one("a dozen ships waited").1, "12 ships");
    // Counts in words: a plural noun, and more than one.
    assert_eq!(one("Nineteen injuries were reported").1, "19 injuries");
    assert_eq!(one("in nine states").1, "9 states");
    assert_eq!(one("some five million people").1, "5000000 people");
    assert!(figs("one ship waited").is_empty());
    assert!(figs("two of them left").is_empty());
    assert!(figs("two years later").is_empty());
}

#[test]
fn numbers_that_are_not_figures() {
    assert!(figs("2 min read").is_empty());
    assert!(figs("under Article 5 obligations").is_empty());
    assert!(figs("in 2024 officials said").is_empty());
    assert!(figs("call 555-0100 now").is_empty());
    assert!(figs("they won the game and will try again").is_empty());
    // Symbols with no number after them end the scan, not loop it.
    assert!(figs("$ - € £x $$").is_empty());
}

/// Every match of every form begins where `forms_at` tries it: each form
/// is run, ungated, at every start of the crate's own figure sentences and
/// of the shared suites where `CLAIMCHECK_EVAL` names their folder.
#[test]
fn no_form_matches_where_it_is_not_tried() {
    let mut texts = crate::grammar::gates::texts(&[
        "recognizers-text/currency.jsonl",
        "recognizers-text/percent.jsonl",
        "recognizers-text/number.jsonl",
        "tempeval3/platinum.jsonl",
        "attribution/polnear-dev.jsonl",
    ]);
    texts.extend([include_str!("tests.rs"), include_str!("currency.rs")].map(String::from));
    let misses = crate::grammar::gates::misses(&texts, FORMS, |text, i| {
        starts_figure(text, i).then(|| forms_at(&text[i..]))
    });
    assert!(
        misses.is_empty(),
        "{} misses: {:#?}",
        misses.len(),
        &misses[..misses.len().min(20)]
    );
}
