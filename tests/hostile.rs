//! Hostile and odd pages through the native reader and the whole analysis: nothing panics,
//! links stay http(s), page text stays text, huge and deep pages stay bounded (the size
//! limits, not the clock: tests assert behaviour, never timings).
#![cfg(feature = "native")]

use newsmark::analysis::{self, MAX_ANALYSED_BYTES};
use newsmark::page::html;

fn fixture(name: &str) -> String {
    let p = format!("{}/tests/fixtures/pages/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{p}: {e}"))
}

fn analyze(src: &str) -> analysis::Analysis {
    analysis::analyze(&html::read_html(
        src,
        "https://news.example/2023/02/03/a.html",
    ))
}

#[test]
fn every_hostile_fixture_analyses() {
    let dir = format!("{}/tests/fixtures/pages", env!("CARGO_MANIFEST_DIR"));
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        if name.starts_with("hostile-") && name.ends_with(".html") {
            let a = analyze(&fixture(&name));
            for u in a.meta.url.iter() {
                assert!(
                    u.starts_with("http://") || u.starts_with("https://"),
                    "{name}: {u}"
                );
            }
            n += 1;
        }
    }
    assert!(n >= 7, "only {n} hostile fixtures");
}

#[test]
fn payloads_stay_text_and_script_urls_are_dropped() {
    let a = analyze(&fixture("hostile-payloads.html"));
    let title = a.meta.title.as_deref().unwrap_or_default();
    assert!(title.contains("<img src=x onerror="), "{title}");
    assert_eq!(
        a.meta.url.as_deref(),
        Some("https://news.example/2023/02/03/a.html")
    );
    assert!(a.officials.iter().any(|o| o.name == "Antony Blinken"));
    assert!(a
        .quotes
        .iter()
        .any(|q| q.text.contains("onerror=alert(19)")));
}

#[test]
fn pages_without_an_article_say_so() {
    for name in ["hostile-noarticle.html", "hostile-frameset.html"] {
        let a = analyze(&fixture(name));
        assert!(
            a.notes.iter().any(|n| n.contains("No article text")),
            "{name}: {:?}",
            a.notes
        );
    }
}

#[test]
fn malformed_json_ld_and_conflicting_meta_are_survived() {
    let a = analyze(&fixture("hostile-malformed.html"));
    assert!(a.meta.title.is_some());
    assert!(a.officials.iter().any(|o| o.name == "Boris Pistorius"));
}

#[test]
fn text_without_head_or_body_is_read() {
    let a = analyze(&fixture("hostile-nohead.html"));
    assert!(a.officials.iter().any(|o| o.name == "Christian Lindner"));
}

#[test]
fn rtl_and_non_latin_pages_keep_their_metadata() {
    let a = analyze(&fixture("hostile-rtl.html"));
    assert_eq!(a.meta.lang.as_deref(), Some("ar"));
    assert_eq!(a.meta.site_name.as_deref(), Some("صحيفة المثال"));
    assert!(a.officials.iter().any(|o| o.name == "Sameh Shoukry"));
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    let deep =
        "<div>".repeat(10_000) + "President Joe Biden said on Monday." + &"</div>".repeat(10_000);
    let a = analyze(&deep);
    assert!(a.article_chars > 0);
    // Unclosed, interleaved and inline nesting (the parser's adoption agency at depth).
    let tangled = "<b><i><p><span>".repeat(2_500) + "Foreign Minister Sergey Lavrov said.";
    analyze(&tangled);
}

#[test]
fn huge_text_is_cut_to_the_analysed_prefix_with_a_note() {
    let para = "Foreign Minister Sergey Lavrov said on 3 March 2023 that \"we will talk again\" and President Joe Biden agreed. ";
    let html = format!(
        "<html><body><article><p>{}</p></article></body></html>",
        para.repeat(100_000)
    );
    assert!(html.len() > 10_000_000);
    let a = analyze(&html);
    assert!(a.truncated);
    assert!(
        a.notes.iter().any(|n| n.contains("very large")),
        "{:?}",
        a.notes
    );
    assert!(a
        .mentions
        .iter()
        .all(|m| m.end <= MAX_ANALYSED_BYTES + para.len()));
    assert!(a.officials.iter().any(|o| o.name == "Sergey Lavrov"));
}

#[test]
fn a_hundred_thousand_nodes_analyse() {
    let html = format!(
        "<html><body><div>{}</div></body></html>",
        "<span>President Biden said <b>yes</b></span>".repeat(34_000)
    );
    let page = html::read_html(&html, "");
    assert!(page.nodes.len() >= 100_000);
    let a = analysis::analyze(&page);
    assert!(a.article_chars > 0);
}

#[test]
fn an_unclosed_quote_of_multibyte_text_does_not_panic() {
    // Regression (fuzzing): the quote window ended inside a two-byte character.
    let text = format!("Lavrov said: \"a{}", "é".repeat(2_000));
    analyze(&format!("<p>{text}</p>"));
    let text = format!("\"{}", "日本".repeat(1_000));
    analyze(&format!("<p>{text}</p>"));
}
