//! Browser tests of the DOM layer (wasm-pack test --headless --chrome --firefox): reading
//! fixture documents into snapshots, rendering the panel and clearing it without a trace.
//! Fixtures are appended in a container and removed: the runner's output lives in body.
#![cfg(target_arch = "wasm32")]

use newsmark::analysis::budget::Deadline;
use newsmark::page::{NodeKind, Page};
use newsmark::{analysis, web, web::dom};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("../www/samples/sputnik-blinken.html");

fn parse(html: &str) -> web_sys::Document {
    web_sys::DomParser::new()
        .unwrap()
        .parse_from_string(html, web_sys::SupportedType::TextHtml)
        .unwrap()
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

#[wasm_bindgen_test]
fn reads_a_parsed_document_like_the_native_reader() {
    let doc = parse(SEED);
    let snap = dom::read(&doc, "https://example.org/a");
    let page = &snap.page;
    assert_eq!(page.nodes[0].tag(), Some("html"));
    assert_eq!(page.nodes[0].attr("lang"), Some("en"));
    assert!(page.elements("meta").count() > 20);
    let ld = page.elements("script").next().expect("JSON-LD script kept");
    assert!(page.nodes[ld + 1].text().unwrap().contains("NewsArticle"));
    assert!(
        page.elements("style").next().is_none(),
        "style elements are skipped"
    );
    // Every text handle points at the node whose text the snapshot holds.
    for n in &page.nodes {
        if let NodeKind::Text { text, dom_index } = &n.kind {
            if *dom_index != dom::NO_DOM {
                let node = snap.texts.get(*dom_index as usize).unwrap();
                assert_eq!(&node.node_value().unwrap(), text);
            }
        }
    }
    let a = analysis::analyze(page);
    assert!(a
        .meta
        .title
        .as_deref()
        .unwrap_or("")
        .starts_with("Blinken Failed to Offer Steps"));
}

#[wasm_bindgen_test]
fn deep_documents_do_not_overflow() {
    let html = "<div>".repeat(10_000) + "deep text" + &"</div>".repeat(10_000);
    let snap = dom::read(&parse(&html), "");
    assert!(snap
        .page
        .nodes
        .iter()
        .any(|n| n.text() == Some("deep text")));
}

#[wasm_bindgen_test]
fn annotate_then_clear_restores_the_dom() {
    let doc = document();
    let body = doc.body().unwrap();
    let fixture = doc.create_element("div").unwrap();
    fixture.set_id("newsmark-fixture");
    let parsed = parse(SEED);
    let article = parsed.query_selector("article").unwrap().unwrap();
    fixture
        .append_child(&doc.import_node_with_deep(&article, true).unwrap())
        .unwrap();
    body.append_child(&fixture).unwrap();
    let before = doc.document_element().unwrap().outer_html();

    let r = web::toggle_document(doc.clone(), "https://example.org/a".into()).unwrap();
    assert_eq!(
        js_sys::Reflect::get(&r, &"state".into()).unwrap(),
        JsValue::from_str("annotated")
    );
    let host = doc.get_element_by_id(dom::HOST_ID).expect("panel host");
    assert_eq!(host.get_attribute("data-state").as_deref(), Some("done"));
    let shadow = host.shadow_root().expect("open shadow root");
    assert!(shadow.query_selector("[data-field=url]").unwrap().is_some());
    assert!(shadow.text_content().unwrap().contains("Officials"));

    let r = web::toggle_document(doc.clone(), "https://example.org/a".into()).unwrap();
    assert_eq!(
        js_sys::Reflect::get(&r, &"state".into()).unwrap(),
        JsValue::from_str("cleared")
    );
    assert!(doc.get_element_by_id(dom::HOST_ID).is_none());
    assert_eq!(doc.document_element().unwrap().outer_html(), before);
    assert_eq!(doc.adopted_style_sheets().length(), 0);
    fixture.remove();
}

#[wasm_bindgen_test]
fn error_panel_leaves_page_as_it_was() {
    let doc = document();
    let before = doc.document_element().unwrap().outer_html();
    web::show_error(&doc, "Something failed");
    let host = doc.get_element_by_id(dom::HOST_ID).unwrap();
    assert_eq!(host.get_attribute("data-state").as_deref(), Some("error"));
    let err = host
        .shadow_root()
        .unwrap()
        .query_selector("[data-field=error]")
        .unwrap()
        .unwrap();
    assert_eq!(err.text_content().as_deref(), Some("Something failed"));
    web::clear();
    assert_eq!(doc.document_element().unwrap().outer_html(), before);
}

#[wasm_bindgen_test]
fn page_text_is_never_parsed_as_html() {
    let doc = parse(
        r#"<html><head><title>&lt;img src=x onerror=alert(1)&gt;</title></head><body><article><p>Body text long enough to be the article, with commas, and more.</p></article></body></html>"#,
    );
    let snap = dom::read(&doc, "");
    let live = document();
    let opts = newsmark::present::options::Options::default();
    let r = newsmark::web::render::render(
        &live,
        analysis::analyze(&snap.page),
        dom::TextNodes::new(),
        "",
        &opts,
    )
    .unwrap();
    let shadow = r.host.shadow_root().unwrap();
    assert!(shadow.query_selector("img").unwrap().is_none());
    let title = shadow
        .query_selector("[data-field=title]")
        .unwrap()
        .unwrap();
    assert_eq!(
        title.text_content().unwrap(),
        "<img src=x onerror=alert(1)>"
    );
    newsmark::web::render::clear(&live, r);
    let _ = live.unchecked_ref::<web_sys::Node>();
}

#[wasm_bindgen_test]
fn clobbered_form_and_document_properties_are_read_safely() {
    // A form exposes its controls as properties: form.id, form.firstChild, form.localName...
    let html = r#"<html><body><form id="f"><input name="id"><input name="localName"><input name="firstChild"><input name="nextSibling"><input name="attributes"><input name="nodeType"><p>Inside the form, text that must be read.</p></form><img name="body"><img name="documentElement"><p>After the form.</p></body></html>"#;
    let snap = dom::read(&parse(html), "");
    let texts: Vec<&str> = snap.page.nodes.iter().filter_map(|n| n.text()).collect();
    assert!(texts.contains(&"Inside the form, text that must be read."));
    assert!(texts.contains(&"After the form."));
    let form = snap
        .page
        .elements("form")
        .next()
        .expect("form read as an element");
    assert_eq!(snap.page.nodes[form].attr("id"), Some("f"));
}

/// The seed's context through the exported `analyze_document`, with the data files handed
/// in the way the extension's shell hands them.
#[wasm_bindgen_test]
fn seed_context_through_analyze_document() {
    for (name, text) in [
        ("countries.tsv", include_str!("../data/countries.tsv")),
        ("officials.tsv", include_str!("../data/officials.tsv")),
        (
            "organizations.tsv",
            include_str!("../data/organizations.tsv"),
        ),
        ("places.tsv", include_str!("../data/places.tsv")),
        ("positions.txt", include_str!("../data/positions.txt")),
        ("roles.tsv", include_str!("../data/roles.tsv")),
        ("sources.tsv", include_str!("../data/sources.tsv")),
        ("state_media.tsv", include_str!("../data/state_media.tsv")),
    ] {
        web::load_data(name.to_string(), text.to_string()).unwrap();
    }
    let url = "https://sputniknews.com/20230203/blinken-1106947717.html";
    let js = web::analyze_document(parse(SEED), url.to_string()).unwrap();
    let json: String = js_sys::JSON::stringify(&js).unwrap().into();
    let a: serde_json::Value = serde_json::from_str(&json).unwrap();
    let places: Vec<&str> = a["places"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    for p in [
        "Israel",
        "West Bank",
        "Jenin",
        "Jerusalem",
        "Gaza Strip",
        "Moscow",
    ] {
        assert!(places.contains(&p), "{p} missing: {places:?}");
    }
    let quotes = a["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 2);
    assert!(quotes.iter().all(|q| q["speaker"] == "Al-Maliki"));
    let timeline = a["timeline"].as_array().unwrap();
    assert!(timeline.iter().any(|t| t["start"] == "1948-01-01"));
    assert!(timeline.iter().any(|t| t["end"] == "2023-04-03"));
    let summary = a["source_profile"]["summary"].as_str().unwrap();
    assert!(
        summary.starts_with(
            "Sputnik International is a Russian state-controlled outlet of Rossiya Segodnya"
        ),
        "{summary}"
    );
    assert_eq!(
        a["source_profile"]["reliability"][0]["status"][0],
        "deprecated"
    );
    assert!(a["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .any(|o| o["name"] == "United Nations"));
    assert!(a["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["kind"] == "place"));
}

/// The JS walk (src/web/walk.js) as the build prepends it to the glue: this runner's glue lacks
/// it, so `dom::read` takes the Rust walk until the binding is installed on the global.
fn install_js_walk() {
    let src = include_str!("../src/web/walk.js");
    js_sys::eval(&format!("{src}\nglobalThis.NewsmarkWalk = NewsmarkWalk;")).unwrap();
}

fn remove_js_walk() {
    js_sys::Reflect::delete_property(&js_sys::global(), &"NewsmarkWalk".into()).unwrap();
}

/// Builds DOM the HTML parser cannot: lone surrogates in texts and attributes, a surrogate
/// pair split between two fields, upper-case and namespaced attribute names, an open
/// shadow root, a same-origin frame, a form whose controls clobber its properties.
const BUILD_TRICKY: &str = r#"(function (doc) {
  const box = doc.createElement('div');
  box.id = 'newsmark-walk-fixture';
  const p = doc.createElement('p');
  p.setAttribute('title', 'pair split \uD83D');
  p.append('\uDE00 starts with a low half', 'ends with a high half \uD83D', '\uDE00',
    'lone \uDC00 inside', 'whole pair \uD83D\uDE00 and é, 中文');
  p.setAttributeNS('http://www.w3.org/1999/xlink', 'xlink:href', '#kept-by-local-name');
  p.setAttributeNS(null, 'CLASS', 'Upper Case');
  box.append(p);
  const host = doc.createElement('section');
  host.attachShadow({ mode: 'open' }).innerHTML = '<p lang="fr">Dans l\u2019ombre</p>';
  host.append('light child, slotted away');
  box.append(host);
  const odd = doc.createElementNS('urn:x', 'IFRAME');
  odd.append('not a frame');
  box.append(odd);
  box.insertAdjacentHTML('beforeend', '<form id="f"><input name="firstChild"><input name="nodeType"><input name="localName"><input name="attributes"><p>in form</p></form><div id="newsmark-host"><p>ours</p></div><script type="application/LD+JSON">{"@type":"NewsArticle","headline":"\u00e9t\u00e9"}</script><script>var notRead = 1;</script><svg><text>no</text></svg><template><p>no</p></template>');
  doc.body.append(box);
  const frame = doc.createElement('iframe');
  box.append(frame);
  if (frame.contentDocument && frame.contentDocument.body) {
    frame.contentDocument.body.innerHTML = '<p>frame text</p>';
  }
  box.append('after');
  return box;
})"#;

#[wasm_bindgen_test]
fn js_walk_reads_what_the_rust_walk_reads() {
    install_js_walk();
    let live = document();
    let build: js_sys::Function = js_sys::eval(BUILD_TRICKY).unwrap().unchecked_into();
    let fixture = build.call1(&JsValue::NULL, &live).unwrap();
    let deep = "<div>".repeat(10_000) + "deep text" + &"</div>".repeat(10_000);
    let form = r#"<html><body><form id="f"><input name="id"><input name="firstChild"><p>Inside the form.</p></form><img name="body"><p>After.</p></body></html>"#;
    let docs = [
        live.clone(),
        parse(SEED),
        parse(&deep),
        parse(form),
        parse(""),
    ];
    for doc in &docs {
        assert_eq!(dom::compare_walks(doc), "");
    }
    // The live document through `dom::read` is the JS walk's, and reads the tricky parts.
    let snap = dom::read_js(&live, "", Deadline::none()).expect("JS walk installed");
    let texts: Vec<&str> = snap.page.nodes.iter().filter_map(|n| n.text()).collect();
    for t in [
        "\u{FFFD} starts with a low half",
        "ends with a high half \u{FFFD}",
        "\u{FFFD}",
        "lone \u{FFFD} inside",
        "whole pair \u{1F600} and é, 中文",
        "Dans l\u{2019}ombre",
        "frame text",
        "in form",
    ] {
        assert!(texts.contains(&t), "{t:?} missing");
    }
    assert!(!texts
        .iter()
        .any(|t| t.contains("ours") || t.contains("notRead")));
    assert!(texts.iter().any(|t| t.contains("été")));
    let p = snap
        .page
        .nodes
        .iter()
        .find(|n| n.attr("title") == Some("pair split \u{FFFD}"))
        .expect("attribute with a lone high half");
    assert_eq!(p.attr("href"), Some("#kept-by-local-name"));
    assert_eq!(p.attr("class"), Some("Upper Case"));
    fixture.unchecked_into::<web_sys::Element>().remove();
    remove_js_walk();
    assert!(dom::read_js(&live, "", Deadline::none()).is_none());
}

#[wasm_bindgen_test]
fn js_walk_stops_where_the_rust_walk_stops() {
    install_js_walk();
    // A deadline already passed: both stop at the first look at the clock.
    let many = "<p>x</p>".repeat(3000);
    let doc = parse(&many);
    let js = dom::read_js(&doc, "", Deadline::after(0.0)).unwrap();
    let rs = dom::read_rust(&doc, "", Deadline::after(0.0));
    assert!(js.page.truncated && rs.page.truncated);
    assert_eq!(js.page.nodes.len(), 1024);
    assert_eq!(rs.page.nodes.len(), 1024);
    // Text over MAX_TEXT_BYTES (counted in UTF-8, 2 bytes per 'é'): both stop at the same
    // node.
    let big = "é".repeat(2_000_000);
    let html = format!("<p>{big}</p><p>{big}</p><p>{big}</p><p>{big}</p><p>after</p>");
    let doc = parse(&html);
    assert_eq!(dom::compare_walks(&doc), "");
    let js = dom::read_js(&doc, "", Deadline::none()).unwrap();
    assert!(js.page.truncated);
    assert!(!js.page.nodes.iter().any(|n| n.text() == Some("after")));
    remove_js_walk();
}

#[wasm_bindgen_test]
fn decodes_hand_made_records() {
    // JS fields "a\uD83D" and "\uDE00b" arrive joined as "a😀b": each keeps a U+FFFD.
    let s = "pclassx😀héllo\u{FFFD}a😀b";
    let records = [
        0, -1, 1, 1, 5, 1, // <p class="x">
        1, 0, 2, 1, // 😀 (two units)
        1, 0, 5, 0, // héllo, no handle
        1, 0, 1, 1, // a lone surrogate
        1, 0, 2, 1, // "a\uD83D"
        0, 0, 0, 0, // an element with an empty tag between the halves
        1, 0, 2, 1, // "\uDE00b"
    ];
    let mut page = Page::new("");
    assert!(dom::decode(&mut page, s, &records));
    let texts: Vec<(&str, u32)> = page
        .nodes
        .iter()
        .filter_map(|n| match &n.kind {
            NodeKind::Text { text, dom_index } => Some((text.as_str(), *dom_index)),
            _ => None,
        })
        .collect();
    assert_eq!(
        texts,
        [
            ("😀", 0),
            ("héllo", dom::NO_DOM),
            ("\u{FFFD}", 1),
            ("a\u{FFFD}", 2),
            ("\u{FFFD}b", 3)
        ]
    );
    assert_eq!(page.nodes[0].attr("class"), Some("x"));
    assert_eq!(page.nodes[1].depth, 1);

    // Bad records stop the decoding without a panic, keeping what came before.
    let bad: [&[i32]; 7] = [
        &[0, -1, 1, 0, 1, 0, 1],        // record cut short
        &[0, -1, 1, 0, 1, 7, 1, 1],     // parent not read yet
        &[0, -1, 1, 0, 1, 0, 99, 1],    // text longer than the string
        &[0, -1, 1, 0, 1, 0, -3, 1],    // negative length
        &[0, -1, 1, 9, 1, 0, 1, 1],     // more attributes than records
        &[2, -1, 1, 0],                 // unknown kind
        &[0, -1, 1, i32::MAX, 0, 0, 0], // absurd attribute count
    ];
    for records in bad {
        let mut page = Page::new("");
        assert!(!dom::decode(&mut page, "ab", records), "{records:?}");
    }
    let mut page = Page::new("");
    assert!(
        !dom::decode(&mut page, "pq", &[0, -1, 1, 0]),
        "string left over"
    );
}
