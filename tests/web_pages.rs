//! Web pages as scrapers save them, written here after the layouts of real
//! news sites: what the reader keeps of each, the date it gives it, and
//! the copies it still finds.

use claimcheck::analysis::Analysis;
use claimcheck::source::{Format, PublishedFrom, Source};

fn page(id: &str, html: &str) -> Source {
    Source::parse(id, id, html.as_bytes().to_vec(), Format::Html, None)
}

const STORY: &str = "The container yard at Valmora closed on Monday after talks between the port authority and the dockers' union broke down, leaving some 40 ships at anchor in the bay.";
const STORY_2: &str = "Ada Lind, who chairs the union, said the workers would not return until the new rosters were withdrawn, and that a vote on the offer was planned for Friday.";
const STORY_3: &str = "The authority said it regretted the closure, which it put down to the union's refusal to meet on Sunday, and that it would publish its own offer in full.";

/// A content-management page: JSON-LD names the day, the site's header
/// prints the day the page was crawled, a rail lists other stories.
fn cms_page() -> String {
    format!(
        r#"<!DOCTYPE html><html lang="en-US"><head><title>Port closes | Valmora Herald</title>
<meta property="og:title" content="Port closes">
<script type="application/ld+json">{{"@context":"https://schema.org","@graph":[{{"@type":"WebSite","name":"Valmora Herald"}},{{"@type":"NewsArticle","headline":"Port closes","datePublished":"2025-03-04T09:30:00-05:00","dateModified":"2025-03-06T08:00:00-05:00"}}]}}</script></head>
<body><header class="site-header"><div class="today">Thursday, March 6, 2025</div><nav><a href="/">Home</a> <a href="/port">Port</a> <a href="/city">City</a></nav></header>
<main><article><h1>Port closes</h1><p class="byline">By Ada Lind</p>
<p>{STORY}</p>
<div class="ad-slot"><a href="https://ads.example/boat">Buy a boat today, pay next year</a></div>
<p>{STORY_2}</p>
<div class="pic"><img src="cranes.jpg"><p>Cranes stand still at the east quay (Image: Valmora Herald)</p></div>
<div class="promo"><a href="/newsletter">Sign up for our morning newsletter</a></div>
<p>{STORY_3}</p></article>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/1">Ferry fares rise again in the north</a> <time datetime="2025-02-27">Feb 27</time></li><li><a href="/2">New crane for the east quay</a></li></ul></aside></main>
<footer><p>&copy; 2025 Valmora Herald. All rights reserved.</p></footer></body></html>"#
    )
}

#[test]
fn a_cms_page_keeps_its_article_and_its_own_date() {
    let s = page("herald.html", &cms_page());
    let text = &s.clean.text;
    for p in [STORY, STORY_2, STORY_3] {
        assert!(text.contains(p), "{text}");
    }
    for furniture in [
        "Thursday, March 6",
        "Buy a boat",
        "newsletter",
        "Ferry fares",
        "Most read",
        "All rights",
        "Home",
    ] {
        assert!(!text.contains(furniture), "{furniture:?} kept: {text}");
    }
    assert_eq!(s.meta.published.map(|d| d.to_string()).as_deref(), Some("2025-03-04"));
    assert_eq!(s.meta.published_from, PublishedFrom::Metadata);
    let evidence = s.meta.evidence.as_deref().unwrap_or("");
    assert!(evidence.starts_with("JSON-LD datePublished"), "{evidence}");
    assert_eq!(s.meta.title.as_deref(), Some("Port closes"));
    assert!(s.notes.is_empty(), "{:?}", s.notes);
}

#[test]
fn a_page_inside_one_form_is_read() {
    let html = format!(
        r#"<html><body><form method="post" action="./story.aspx" id="aspnetForm"><input type="hidden" name="__VIEWSTATE" value="x">
<div id="menu"><a href="/">Home</a> | <a href="/news">News</a></div>
<table><tr><td class="content"><span class="date">04.03.2025</span><p>{STORY}</p><p>{STORY_2}</p></td></tr></table>
</form></body></html>"#
    );
    let s = page("aspnet.html", &html);
    assert!(
        s.clean.text.contains(STORY) && s.clean.text.contains(STORY_2),
        "{}",
        s.clean.text
    );
    assert!(!s.clean.text.contains("Home"), "{}", s.clean.text);
    assert_eq!(s.meta.published.map(|d| d.to_string()).as_deref(), Some("2025-03-04"));
    assert!(s.notes.is_empty(), "{:?}", s.notes);
}

#[test]
fn an_evening_story_in_new_york_keeps_its_day() {
    // 01:30 UTC on the 5th is 20:30 on the 4th in New York, the zone the
    // page writes its other times in.
    let html = format!(
        r#"<html lang="en-US"><head><meta property="article:published_time" content="2025-03-05T01:30:00Z">
<meta property="article:modified_time" content="2025-03-04T22:10:00-05:00"></head>
<body><article><p>{STORY}</p><p>{STORY_2}</p></article></body></html>"#
    );
    let s = page("evening.html", &html);
    assert_eq!(s.meta.published.map(|d| d.to_string()).as_deref(), Some("2025-03-04"));
    let evidence = s.meta.evidence.as_deref().unwrap_or("");
    assert!(evidence.contains("time zone (UTC-05:00)"), "{evidence}");
}

#[test]
fn a_syndicated_copy_with_ads_between_its_paragraphs_is_still_a_copy() {
    let original = Source::parse(
        "wire.txt",
        "wire.txt",
        format!("March 4, 2025\n\n{STORY}\n\n{STORY_2}\n\n{STORY_3}\n").into_bytes(),
        Format::Text,
        None,
    );
    let copy = page("herald.html", &cms_page());
    let analysis = Analysis::run(vec![original, copy]);
    assert_eq!(analysis.copies.len(), 1, "{:?}", analysis.copies);
}

#[test]
fn a_page_with_no_article_says_so() {
    let s = page(
        "empty.html",
        r#"<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><div id="app"></div><script>render()</script></body></html>"#,
    );
    assert!(s.clean.text.trim().is_empty(), "{}", s.clean.text);
    assert!(
        s.notes.iter().any(|n| n.contains("no article text found")),
        "{:?}",
        s.notes
    );
}

#[test]
fn a_page_in_its_declared_legacy_encoding() {
    for (label, encoding, words) in [
        (
            "windows-1251",
            encoding_rs::WINDOWS_1251,
            "Порт Вальмора закрыт с понедельника",
        ),
        (
            "Shift_JIS",
            encoding_rs::SHIFT_JIS,
            "ヴァルモラ港は月曜日から閉鎖されている",
        ),
    ] {
        let html = format!("<html><head><meta charset=\"{label}\"></head><body><p>{words}, {STORY}</p></body></html>");
        let (bytes, _, unmappable) = encoding.encode(&html);
        assert!(!unmappable);
        let s = Source::parse("legacy.html", "legacy.html", bytes.to_vec(), Format::Html, None);
        assert!(s.clean.text.contains(words), "{label}: {}", s.clean.text);
        assert!(s.notes.iter().any(|n| n.contains(encoding.name())), "{:?}", s.notes);
        // The words point at their own bytes in the file.
        let at = s.clean.text.find(words).unwrap();
        let span = claimcheck::span::Span::new(at, at + words.len());
        let (located, original) = s.locate(span);
        assert_eq!(original.as_str(), words, "{label}");
        assert_eq!(
            located.column,
            "<html><head><meta charset=\"\"></head><body><p>".chars().count() + label.len() + 1
        );
    }
}
