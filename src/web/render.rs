//! Renderer: shows an analysis in a document as a panel (in a shadow root, styled by a
//! constructable stylesheet so page CSS and page CSP cannot touch it) and as highlights of
//! the mentions (CSS Custom Highlight API, which leaves the page's DOM untouched; `<mark>`
//! wrapping only where that API is missing). `clear` removes every trace.
//!
//! Page text is only ever set with `set_text_content`; links are only http(s).
//! Interaction (cards, mention navigation, export, live updates) lives in `ui.rs`.

use crate::analysis::Analysis;
use crate::present;
use crate::present::options::Options;
use crate::web::dom::{TextNodes, HOST_ID};
use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    CssStyleSheet, Document, Element, Node, Range, ShadowRoot, ShadowRootInit, ShadowRootMode,
};

const PANEL_CSS: &str = include_str!("panel.css");
/// Highlight colours, readable on light and dark pages (translucent, text colour kept).
const FILL_CSS: &str =
    "::highlight(newsmark-official){background-color:rgba(255,196,0,.45);color:inherit}\
::highlight(newsmark-person){background-color:rgba(90,160,255,.33)}\
::highlight(newsmark-place){background-color:rgba(60,200,120,.33)}\
::highlight(newsmark-date){background-color:rgba(220,120,255,.30)}";
const UNDERLINE_CSS: &str =
    "::highlight(newsmark-official){text-decoration:underline 3px rgba(230,150,0,.95)}\
::highlight(newsmark-person){text-decoration:underline 2px rgba(60,130,240,.9)}\
::highlight(newsmark-place){text-decoration:underline 2px rgba(30,170,90,.9)}\
::highlight(newsmark-date){text-decoration:underline dotted 2px rgba(190,80,230,.9)}";
const COMMON_CSS: &str =
    "::highlight(newsmark-current){background-color:#ff7a00;color:#000;text-decoration:none}\
mark[data-newsmark-mark]{background:rgba(255,196,0,.45);color:inherit}";
pub const HIGHLIGHT_KINDS: &[&str] = &["official", "person", "place", "date"];
/// The mention the card shows, flashed on navigation.
pub const CURRENT: &str = "newsmark-current";
const KIND_LABELS: &[(&str, &str)] = &[
    ("official", "Officials"),
    ("person", "Other people"),
    ("place", "Places"),
    ("date", "Dates"),
];
/// Longest lists shown in the Context and Dates sections.
const LIST_MAX: usize = 10;

/// What the page shows for one analysis, and what `clear` needs to undo it.
pub struct Rendered {
    pub host: Element,
    pub shadow: ShadowRoot,
    page_sheet: Option<CssStyleSheet>,
    marks: Vec<Element>,
    pub analysis: Analysis,
    /// The analysis as a plain JS object (for fields the Rust type does not name yet).
    pub js: JsValue,
    pub texts: TextNodes,
    pub url: String,
    /// `ranges[i]` covers `analysis.mentions[i]` when it could be placed.
    pub ranges: Vec<Option<Range>>,
    /// Kinds whose highlights are on.
    pub shown: Vec<String>,
    /// Whether the CSS Custom Highlight API is there (else `<mark>` for officials).
    pub api: bool,
}

type R<T> = Result<T, JsValue>;

fn el(doc: &Document, tag: &str, class: &str, text: Option<&str>) -> R<Element> {
    let e = doc.create_element(tag)?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    if let Some(t) = text {
        e.set_text_content(Some(t));
    }
    Ok(e)
}

/// The global object of the window showing `doc` (a frame's document has its own), falling
/// back to ours. Stylesheets and highlights must come from the document's own window.
pub fn doc_global(doc: &Document) -> JsValue {
    match doc.default_view() {
        Some(w) => w.into(),
        None => js_sys::global().into(),
    }
}

fn new_sheet(doc: &Document) -> R<CssStyleSheet> {
    let ctor: js_sys::Function =
        Reflect::get(&doc_global(doc), &"CSSStyleSheet".into())?.dyn_into()?;
    Ok(Reflect::construct(&ctor, &Array::new())?.unchecked_into())
}

/// Creates an element and appends it to `parent`.
fn add(doc: &Document, parent: &Element, tag: &str, class: &str, text: Option<&str>) -> R<Element> {
    let e = el(doc, tag, class, text)?;
    parent.append_child(&e)?;
    Ok(e)
}

fn attrs(e: &Element, pairs: &[(&str, &str)]) -> R<()> {
    for (k, v) in pairs {
        e.set_attribute(k, v)?;
    }
    Ok(())
}

/// Appends a button to `parent`.
fn button(
    doc: &Document,
    parent: &Element,
    class: &str,
    text: &str,
    action: &str,
    label: &str,
) -> R<Element> {
    let b = add(doc, parent, "button", class, Some(text))?;
    attrs(&b, &[("type", "button"), ("data-action", action)])?;
    if !label.is_empty() {
        b.set_attribute("aria-label", label)?;
    }
    Ok(b)
}

/// Renders the panel and highlights. `texts[i]` is the text node with `dom_index` i.
pub fn render(
    doc: &Document,
    analysis: Analysis,
    texts: TextNodes,
    url: &str,
    opts: &Options,
) -> R<Rendered> {
    let host = doc.create_element("newsmark-panel")?;
    host.set_id(HOST_ID);
    host.set_attribute("data-newsmark", "panel")?;
    let init = ShadowRootInit::new(ShadowRootMode::Open);
    let shadow = host.attach_shadow(&init)?;
    let sheet = new_sheet(doc)?;
    sheet.replace_sync(PANEL_CSS)?;
    shadow.set_adopted_style_sheets(&Array::of1(&sheet));
    let parent: Node = match crate::web::dom::body(doc) {
        Some(b) => b.into(),
        None => crate::web::dom::root_element(doc)
            .ok_or("document has no root element")?
            .into(),
    };
    let page_sheet = new_sheet(doc).ok();
    if let Some(s) = &page_sheet {
        let css = if opts.style == "underline" {
            UNDERLINE_CSS
        } else {
            FILL_CSS
        };
        let _ = s.replace_sync(&format!("{css}{COMMON_CSS}"));
        let sheets = doc.adopted_style_sheets();
        sheets.push(s);
        doc.set_adopted_style_sheets(&sheets);
    }
    let global = doc_global(doc);
    let css = Reflect::get(&global, &"CSS".into()).unwrap_or(JsValue::UNDEFINED);
    let api = !css.is_undefined()
        && !Reflect::get(&css, &"highlights".into())
            .unwrap_or(JsValue::UNDEFINED)
            .is_undefined()
        && Reflect::get(&global, &"Highlight".into())
            .map(|c| c.is_function())
            .unwrap_or(false);
    let js = crate::web::to_js(&analysis).unwrap_or(JsValue::NULL);
    let mut out = Rendered {
        host,
        shadow,
        page_sheet,
        marks: Vec::new(),
        analysis,
        js,
        texts,
        url: url.to_string(),
        ranges: Vec::new(),
        shown: opts.kinds.clone(),
        api,
    };
    let panel = build_panel(doc, &out)?;
    out.shadow.append_child(&panel)?;
    parent.append_child(&out.host)?;
    out.ranges = make_ranges(doc, &out.analysis, &out.texts);
    apply_highlights(doc, &mut out)?;
    out.host.set_attribute("data-state", "done")?;
    Ok(out)
}

/// Replaces the analysis of a live render (the page changed): new ranges, highlights and,
/// when the findings differ, a new panel body. Panel position and toggles are kept.
pub fn refresh(doc: &Document, r: &mut Rendered, analysis: Analysis, texts: TextNodes) -> R<()> {
    let changed = signature(&r.analysis) != signature(&analysis);
    remove_highlights(doc, r);
    r.analysis = analysis;
    r.texts = texts;
    r.ranges = make_ranges(doc, &r.analysis, &r.texts);
    if changed {
        r.js = crate::web::to_js(&r.analysis).unwrap_or(JsValue::NULL);
        let panel = build_panel(doc, r)?;
        if let Some(old) = r.shadow.query_selector(".panel")? {
            r.shadow.replace_child(&panel, &old)?;
        }
    }
    apply_highlights(doc, r)
}

/// What the panel shows, to tell whether a re-read changed it.
fn signature(a: &Analysis) -> String {
    let mut s = format!("{:?}|{:?}|", a.meta.title, a.meta.date_published);
    for o in &a.officials {
        s.push_str(&format!("{}:{};", o.name, o.mentions));
    }
    s.push_str(&format!(
        "|{}|{}|{}",
        a.people.len(),
        a.quotes.len(),
        a.timeline.len()
    ));
    s
}

/// Shows a short error in a panel; the page is otherwise untouched.
pub fn render_error(doc: &Document, message: &str) -> R<Rendered> {
    let mut a = Analysis::default();
    a.notes.push(message.to_string());
    let r = render(doc, a, TextNodes::new(), "", &Options::default())?;
    r.host.set_attribute("data-state", "error")?;
    if let Some(e) = r.shadow.query_selector("[data-field=notes]")? {
        e.set_attribute("data-field", "error")?;
    }
    Ok(r)
}

fn make_ranges(doc: &Document, a: &Analysis, texts: &TextNodes) -> Vec<Option<Range>> {
    a.mentions
        .iter()
        .map(|m| {
            let node = texts.get(m.dom_index as usize)?;
            // Text read from a same-origin frame lives in another document, whose
            // highlights this document's registry cannot paint: it stays unhighlighted.
            if node.owner_document().as_ref() != Some(doc) {
                return None;
            }
            let (s, e) = (m.start16, m.end16);
            let range = doc.create_range().ok()?;
            range.set_start(&node, s).ok()?;
            range.set_end(&node, e).ok()?;
            Some(range)
        })
        .collect()
}

fn registry(doc: &Document) -> Option<JsValue> {
    let css = Reflect::get(&doc_global(doc), &"CSS".into()).ok()?;
    let reg = Reflect::get(&css, &"highlights".into()).ok()?;
    (!reg.is_undefined() && !reg.is_null()).then_some(reg)
}

fn call(target: &JsValue, method: &str, args: &[JsValue]) -> R<JsValue> {
    let f: js_sys::Function = Reflect::get(target, &method.into())?.dyn_into()?;
    Reflect::apply(&f, target, &args.iter().collect::<Array>())
}

/// Registers (or replaces) the highlight `name` with `ranges`.
pub fn set_highlight(doc: &Document, name: &str, ranges: &Array) -> R<()> {
    let Some(reg) = registry(doc) else {
        return Ok(());
    };
    let ctor: js_sys::Function = Reflect::get(&doc_global(doc), &"Highlight".into())?.dyn_into()?;
    let hl = Reflect::construct(&ctor, ranges)?;
    call(&reg, "set", &[name.into(), hl])?;
    Ok(())
}

pub fn delete_highlight(doc: &Document, name: &str) {
    if let Some(reg) = registry(doc) {
        let _ = call(&reg, "delete", &[name.into()]);
    }
}

/// Shows the highlights of every kind in `r.shown`.
pub fn apply_highlights(doc: &Document, r: &mut Rendered) -> R<()> {
    for kind in HIGHLIGHT_KINDS {
        let name = format!("newsmark-{kind}");
        if !r.shown.iter().any(|k| k == kind) {
            delete_highlight(doc, &name);
            continue;
        }
        let ranges = Array::new();
        for (m, range) in r.analysis.mentions.iter().zip(&r.ranges) {
            if m.kind == *kind {
                if let Some(range) = range {
                    ranges.push(range);
                }
            }
        }
        if ranges.length() == 0 {
            delete_highlight(doc, &name);
            continue;
        }
        if r.api {
            set_highlight(doc, &name, &ranges)?;
        } else if *kind == "official" && r.marks.is_empty() {
            // Wrap from the last range backwards so earlier offsets stay valid.
            for i in (0..ranges.length()).rev() {
                let range: Range = ranges.get(i).unchecked_into();
                let mark = doc.create_element("mark")?;
                mark.set_attribute("data-newsmark-mark", kind)?;
                if range.surround_contents(&mark).is_ok() {
                    r.marks.push(mark);
                }
            }
        }
    }
    Ok(())
}

fn remove_highlights(doc: &Document, r: &mut Rendered) {
    for kind in HIGHLIGHT_KINDS {
        delete_highlight(doc, &format!("newsmark-{kind}"));
    }
    delete_highlight(doc, CURRENT);
    for m in r.marks.drain(..) {
        if let Some(p) = m.parent_node() {
            while let Some(c) = m.first_child() {
                let _ = p.insert_before(&c, Some(&m));
            }
            let _ = p.remove_child(&m);
            p.normalize();
        }
    }
}

/// Removes the panel, highlights, page stylesheet and marks: the DOM is as it was.
pub fn clear(doc: &Document, mut r: Rendered) {
    r.host.remove();
    remove_highlights(doc, &mut r);
    if let Some(s) = r.page_sheet {
        let sheets = doc.adopted_style_sheets();
        let keep = Array::new();
        for v in sheets.iter() {
            if v != JsValue::from(&s) {
                keep.push(&v);
            }
        }
        doc.set_adopted_style_sheets(&keep);
    }
}

/// Removes what any earlier render left in `doc`, found by its marks rather than by a
/// `Rendered` record (a failed wasm instance takes its records with it): panels, the
/// highlight names, the page stylesheet (recognised by its first rule) and `<mark>`s.
pub fn sweep(doc: &Document) {
    if let Ok(list) = doc.query_selector_all("newsmark-panel[data-newsmark], [data-newsmark=panel]")
    {
        for i in 0..list.length() {
            if let Some(e) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                e.remove();
            }
        }
    }
    let global = doc_global(doc);
    if let Ok(reg) = Reflect::get(&global, &"CSS".into())
        .and_then(|css| Reflect::get(&css, &"highlights".into()))
    {
        if let Ok(del) =
            Reflect::get(&reg, &"delete".into()).and_then(|d| d.dyn_into::<js_sys::Function>())
        {
            for kind in HIGHLIGHT_KINDS {
                let _ = del.call1(&reg, &format!("newsmark-{kind}").into());
            }
            let _ = del.call1(&reg, &CURRENT.into());
        }
    }
    let sheets = doc.adopted_style_sheets();
    let keep = Array::new();
    for v in sheets.iter() {
        let ours = v
            .dyn_ref::<CssStyleSheet>()
            .and_then(|s| s.css_rules().ok())
            .and_then(|rules| rules.item(0))
            .map(|r| r.css_text().contains("newsmark-official"))
            .unwrap_or(false);
        if !ours {
            keep.push(&v);
        }
    }
    if keep.length() != sheets.length() {
        doc.set_adopted_style_sheets(&keep);
    }
    if let Ok(marks) = doc.query_selector_all("mark[data-newsmark-mark]") {
        for i in 0..marks.length() {
            let Some(m) = marks.item(i) else { continue };
            if let Some(p) = m.parent_node() {
                while let Some(c) = m.first_child() {
                    let _ = p.insert_before(&c, Some(&m));
                }
                let _ = p.remove_child(&m);
                p.normalize();
            }
        }
    }
}

fn build_panel(doc: &Document, r: &Rendered) -> R<Element> {
    let a = &r.analysis;
    let panel = el(doc, "section", "panel", None)?;
    attrs(
        &panel,
        &[("role", "complementary"), ("aria-label", "Newsmark")],
    )?;
    let head = add(doc, &panel, "header", "head", None)?;
    add(doc, &head, "span", "brand", Some("Newsmark"))?;
    let tools = add(doc, &head, "span", "tools", None)?;
    button(
        doc,
        &tools,
        "icon",
        "⇆",
        "side",
        "Move the panel to the other side",
    )?;
    let collapse = button(doc, &tools, "icon", "▾", "collapse", "Collapse the panel")?;
    collapse.set_attribute("aria-expanded", "true")?;
    button(doc, &tools, "icon close", "×", "close", "Close Newsmark")?;

    let body = add(doc, &panel, "div", "body", None)?;
    body.set_id("nm-body");
    collapse.set_attribute("aria-controls", "nm-body")?;
    // The live region starts empty and is filled once attached, so it is announced.
    let live = add(doc, &body, "p", "summary", None)?;
    attrs(&live, &[("role", "status"), ("aria-live", "polite")])?;
    if !a.notes.is_empty() {
        let notes = add(doc, &body, "div", "notes", Some(&a.notes.join(" ")))?;
        attrs(&notes, &[("data-field", "notes"), ("role", "alert")])?;
    }
    let m = &a.meta;
    if let Some(t) = &m.title {
        let h = add(doc, &body, "h2", "title", Some(t))?;
        h.set_attribute("data-field", "title")?;
        evidence(&h, a, "title")?;
    }

    // Source
    let (source, dl) = section(doc, &body, "source", "Source", None)?;
    row(
        doc,
        &dl,
        a,
        "Publisher",
        "site_name",
        m.site_name.as_deref(),
    )?;
    let p = &a.source_profile;
    let lines = present::source::lines(p);
    if let Some(first) = lines.first() {
        let dd = row(doc, &dl, a, "Profile", "source_profile", Some(first))?;
        if let Some(dd) = dd {
            let ev = format!("from {}", p.data_source);
            attrs(
                &dd,
                &[
                    ("data-evidence", &ev),
                    ("tabindex", "0"),
                    ("aria-description", &ev),
                ],
            )?;
            if p.listed {
                dd.set_attribute("data-listed", "true")?;
            }
        }
    }
    for (r, line) in p.reliability.iter().zip(&lines[1..]) {
        let Some(dd) = row(doc, &dl, a, "Consensus", "source_consensus", Some(line))? else {
            continue;
        };
        let det = add(doc, &dd, "details", "", None)?;
        add(doc, &det, "summary", "", Some(present::source::SUMMARY))?;
        add(doc, &det, "p", "", Some(&r.summary))?;
        link(doc, &det, &r.entry, present::source::ENTRY)?;
        add(doc, &det, "span", "", Some(" · "))?;
        link(doc, &det, &r.article, &r.name)?;
    }
    if !p.reliability.is_empty() {
        add(doc, &source, "p", "hint", Some(present::source::CREDIT))?;
    }
    let authors = (!m.author.is_empty()).then(|| m.author.join(", "));
    row(doc, &dl, a, "Author", "author", authors.as_deref())?;
    link_row(doc, &dl, a, "URL", "url", m.url.as_deref())?;
    row(doc, &dl, a, "Domain", "domain", m.domain.as_deref())?;
    row(doc, &dl, a, "Language", "lang", m.lang.as_deref())?;
    row(doc, &dl, a, "Section", "section", m.section.as_deref())?;
    let _ = source;

    // Dates
    let (dates, dl) = section(doc, &body, "dates", "Dates", Some(a.timeline.len()))?;
    row(
        doc,
        &dl,
        a,
        "Published",
        "date_published",
        m.date_published.as_deref(),
    )?;
    row(
        doc,
        &dl,
        a,
        "Updated",
        "date_modified",
        m.date_modified.as_deref(),
    )?;
    row(doc, &dl, a, "Age", "age", a.age.published.as_deref())?;
    row(
        doc,
        &dl,
        a,
        "Update",
        "age_updated",
        a.age.updated.as_deref(),
    )?;
    for c in &m.conflicts {
        add(doc, &dates, "p", "conflict", Some(c))?;
    }
    if !a.timeline.is_empty() {
        // The timeline folds away: the panel stays short enough to reach the officials.
        let det = add(doc, &dates, "details", "", None)?;
        let label = format!("Timeline: {} dates in the text", a.timeline.len());
        add(doc, &det, "summary", "", Some(&label))?;
        let ol = add(doc, &det, "ol", "timeline", None)?;
        ol.set_attribute("aria-label", "Dates named in the text")?;
        for t in a.timeline.iter().take(LIST_MAX) {
            let li = add(doc, &ol, "li", "", None)?;
            let when = present::human_date(&t.start).unwrap_or_else(|| t.start.clone());
            add(doc, &li, "span", "when", Some(&when))?;
            add(doc, &li, "span", "what", Some(&t.text))?;
        }
        more(doc, &det, a.timeline.len(), LIST_MAX)?;
    }

    // Officials, most mentioned first.
    let (off, _) = section(
        doc,
        &body,
        "officials",
        "Officials",
        Some(a.officials.len()),
    )?;
    let ul = add(doc, &off, "ul", "officials", None)?;
    let mut order: Vec<usize> = (0..a.officials.len()).collect();
    present::insertion_sort_by_key(&mut order, |&i| std::cmp::Reverse(a.officials[i].mentions));
    for i in order {
        let o = &a.officials[i];
        let li = add(doc, &ul, "li", "", None)?;
        li.set_attribute("data-official", &o.name)?;
        let b = button(doc, &li, "official", "", "goto", "")?;
        let idx = i.to_string();
        attrs(&b, &[("data-kind", "official"), ("data-entity", &idx)])?;
        b.set_attribute(
            "aria-description",
            "Enter or the arrow keys visit its mentions in the article",
        )?;
        add(doc, &b, "span", "name", Some(&o.name))?;
        let mut role = present::role_line(o);
        if o.former {
            role = format!("former {role}");
        }
        add(doc, &b, "span", "role", Some(&role))?;
        add(doc, &b, "span", "count", Some(&format!("{}×", o.mentions)))?;
    }
    if a.officials.is_empty() {
        add(doc, &ul, "li", "empty", Some("No officials named."))?;
    }

    // Context: places, organisations, quotes, topics (whatever the analysis has).
    let ctx = el(doc, "section", "sec", None)?;
    ctx.set_attribute("data-section", "context")?;
    let ctx_h = add(doc, &ctx, "h3", "", None)?;
    let mut ctx_n = 0;
    for (key, label, found) in [
        ("places", "Places", &a.places),
        ("organizations", "Organisations", &a.organizations),
    ] {
        let items = named_list(found);
        ctx_n += items.len();
        sublist(doc, &ctx, key, label, &items)?;
    }
    if !a.quotes.is_empty() {
        ctx_n += a.quotes.len();
        let h = add(
            doc,
            &ctx,
            "h4",
            "",
            Some(&format!("Quotes ({})", a.quotes.len())),
        )?;
        let _ = h;
        let ul = add(doc, &ctx, "ul", "quotes", None)?;
        ul.set_attribute("data-list", "quotes")?;
        for q in a.quotes.iter().take(LIST_MAX / 2) {
            let li = add(doc, &ul, "li", "", None)?;
            add(doc, &li, "q", "", Some(&shorten(&q.text, 160)))?;
            if let Some(s) = &q.speaker {
                add(doc, &li, "span", "who", Some(&format!("— {s}")))?;
            }
        }
        more(doc, &ctx, a.quotes.len(), LIST_MAX / 2)?;
    }
    let topics: Vec<(String, String)> = m
        .keywords
        .iter()
        .map(|k| (k.clone(), String::new()))
        .collect();
    ctx_n += topics.len();
    sublist(doc, &ctx, "topics", "Topics", &topics)?;
    if ctx_n == 0 {
        add(doc, &ctx, "p", "empty", Some("Nothing more found."))?;
    }
    ctx_h.set_text_content(Some(&format!("Context ({ctx_n})")));
    body.append_child(&ctx)?;

    // Highlight toggles, with counts per kind.
    let fs = add(doc, &body, "fieldset", "kinds", None)?;
    add(doc, &fs, "legend", "", Some("Highlight in the article"))?;
    for (kind, label) in KIND_LABELS {
        let n = a.mentions.iter().filter(|m| m.kind == *kind).count();
        let lab = add(doc, &fs, "label", "", None)?;
        let input = doc.create_element("input")?;
        attrs(
            &input,
            &[
                ("type", "checkbox"),
                ("data-action", "kind"),
                ("data-kind", kind),
            ],
        )?;
        if r.shown.iter().any(|k| k == kind) {
            input.set_attribute("checked", "")?;
        }
        lab.append_child(&input)?;
        add(doc, &lab, "span", &format!("swatch {kind}"), None)?;
        add(doc, &lab, "span", "", Some(&format!("{label} ({n})")))?;
    }

    // Export.
    let ex = add(doc, &body, "div", "export", None)?;
    button(doc, &ex, "btn", "Copy JSON", "copy-json", "")?;
    button(
        doc,
        &ex,
        "btn",
        "Copy Web Annotations",
        "copy-anno",
        "Copy Web Annotations: the official mentions as W3C JSON-LD",
    )?;
    let st = add(doc, &body, "p", "export-status", None)?;
    attrs(&st, &[("role", "status"), ("data-field", "export-status")])?;
    add(
        doc,
        &body,
        "p",
        "hint",
        Some("Alt+Shift+N toggles · Esc closes · Tab to an official, Enter to visit its mentions"),
    )?;

    // The card shown for a mention (hover, or keyboard focus on an official).
    let card = add(doc, &panel, "div", "card", None)?;
    attrs(&card, &[("role", "group"), ("hidden", "")])?;
    card.set_id("nm-card");
    Ok(panel)
}

/// (name, "country · n×") of places or organisations, for the context lists.
fn named_list(found: &[crate::analysis::context::named::Named]) -> Vec<(String, String)> {
    found
        .iter()
        .map(|n| {
            let mut extra = Vec::new();
            if let Some(c) = &n.country {
                extra.push(c.clone());
            }
            extra.push(format!("{}×", n.mentions));
            (n.name.clone(), extra.join(" · "))
        })
        .collect()
}

fn sublist(
    doc: &Document,
    parent: &Element,
    key: &str,
    label: &str,
    items: &[(String, String)],
) -> R<()> {
    if items.is_empty() {
        return Ok(());
    }
    add(
        doc,
        parent,
        "h4",
        "",
        Some(&format!("{label} ({})", items.len())),
    )?;
    let ul = add(doc, parent, "ul", "chips", None)?;
    ul.set_attribute("data-list", key)?;
    for (name, extra) in items.iter().take(LIST_MAX) {
        let li = add(doc, &ul, "li", "", Some(name))?;
        if !extra.is_empty() {
            add(doc, &li, "span", "extra", Some(extra))?;
        }
    }
    more(doc, parent, items.len(), LIST_MAX)
}

fn more(doc: &Document, parent: &Element, n: usize, shown: usize) -> R<()> {
    if n > shown {
        add(
            doc,
            parent,
            "p",
            "more",
            Some(&format!("and {} more", n - shown)),
        )?;
    }
    Ok(())
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut t: String = s.chars().take(max).collect();
    t.push('…');
    t
}

/// A titled section; returns it and its definition list.
fn section(
    doc: &Document,
    body: &Element,
    key: &str,
    title: &str,
    count: Option<usize>,
) -> R<(Element, Element)> {
    let s = add(doc, body, "section", "sec", None)?;
    s.set_attribute("data-section", key)?;
    let label = match count {
        Some(n) => format!("{title} ({n})"),
        None => title.to_string(),
    };
    add(doc, &s, "h3", "", Some(&label))?;
    let dl = add(doc, &s, "dl", "", None)?;
    Ok((s, dl))
}

fn row(
    doc: &Document,
    dl: &Element,
    a: &Analysis,
    label: &str,
    field: &str,
    value: Option<&str>,
) -> R<Option<Element>> {
    let Some(v) = value.filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    add(doc, dl, "dt", "", Some(label))?;
    let dd = add(doc, dl, "dd", "", Some(v))?;
    dd.set_attribute("data-field", field)?;
    evidence(&dd, a, field)?;
    Ok(Some(dd))
}

fn link_row(
    doc: &Document,
    dl: &Element,
    a: &Analysis,
    label: &str,
    field: &str,
    value: Option<&str>,
) -> R<()> {
    let Some(v) = value.filter(|v| !v.is_empty()) else {
        return Ok(());
    };
    add(doc, dl, "dt", "", Some(label))?;
    let dd = add(doc, dl, "dd", "", None)?;
    link(doc, &dd, v, v)?;
    dd.set_attribute("data-field", field)?;
    evidence(&dd, a, field)?;
    Ok(())
}

/// A link opening `href` in a new tab; plain text when `href` is not a web address.
fn link(doc: &Document, parent: &Element, href: &str, text: &str) -> R<()> {
    let safe = present::is_web_link(href);
    let child = add(doc, parent, if safe { "a" } else { "span" }, "", Some(text))?;
    if safe {
        attrs(
            &child,
            &[
                ("href", href),
                ("target", "_blank"),
                ("rel", "noopener noreferrer"),
            ],
        )?;
    }
    Ok(())
}

/// Evidence shows on hover and on keyboard focus (a tooltip line drawn from
/// `data-evidence` by the stylesheet) and is read out as the element's description.
fn evidence(e: &Element, a: &Analysis, field: &str) -> R<()> {
    if let Some(ev) = a.meta.evidence.get(field) {
        let text = format!("from {ev}");
        attrs(
            e,
            &[
                ("tabindex", "0"),
                ("aria-description", &text),
                ("data-evidence", &text),
            ],
        )?;
    }
    Ok(())
}
