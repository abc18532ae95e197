//! The panel's contents (DOM layer): the sections built from an analysis as plain elements,
//! every page-derived string set as text, links only http(s). `render.rs` places it.

//! Renderer: shows an analysis in a document as a panel (in a shadow root, styled by a
//! constructable stylesheet so page CSS and page CSP cannot touch it) and as highlights of
//! the mentions (CSS Custom Highlight API, which leaves the page's DOM untouched; `<mark>`
//! wrapping only where that API is missing). `clear` removes every trace.
//!
//! Page text is only ever set with `set_text_content`; links are only http(s).
//! Interaction (cards, mention navigation, export, live updates) lives in `ui.rs`.

use crate::analysis::Analysis;
use crate::present;
use crate::web::render::Rendered;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

type R<T> = Result<T, JsValue>;

const KIND_LABELS: &[(&str, &str)] = &[
    ("official", "Officials"),
    ("person", "Other people"),
    ("place", "Places"),
    ("date", "Dates"),
];

/// Longest lists shown in the Context and Dates sections.
const LIST_MAX: usize = 10;

pub fn el(doc: &Document, tag: &str, class: &str, text: Option<&str>) -> R<Element> {
    let e = doc.create_element(tag)?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    if let Some(t) = text {
        e.set_text_content(Some(t));
    }
    Ok(e)
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

pub fn build_panel(doc: &Document, r: &Rendered) -> R<Element> {
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
        let items = present::named_list(found);
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
            add(doc, &li, "q", "", Some(&present::shorten(&q.text, 160)))?;
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
