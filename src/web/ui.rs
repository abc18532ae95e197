//! Interaction (DOM layer): the documents currently annotated and everything that happens
//! after the click. Mention cards on hover (caret hit-testing on pointermove, throttled)
//! and on keyboard focus of an official in the panel; moving between mentions; highlight
//! toggles; clipboard export; Esc; and live updates when the page changes its text
//! (MutationObserver, debounced, blind to Newsmark's own changes).
//!
//! Handlers may run while another handler is busy (focus events fire synchronously), so
//! state is only ever borrowed with `try_borrow_mut`, and a handler that finds it busy
//! does nothing rather than panic.

use crate::analysis::budget::{Deadline, CLICK_BUDGET_MS};
use crate::analysis::{self, Analysis};
use crate::present::options::Options;
use crate::web::render::{self, Rendered};
use crate::{present, present::export, web::dom};
use js_sys::{Array, Reflect};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, Event, KeyboardEvent, MouseEvent, Node, Range};

/// Minimum time between two hover hit-tests.
const HOVER_EVERY_MS: f64 = 40.0;
/// How long a hover card survives the pointer leaving its mention (time to reach it).
const HOVER_GRACE_MS: f64 = 450.0;
/// Delay between a page change and the re-analysis (changes in between are coalesced).
const REFRESH_DELAY_MS: i32 = 300;

thread_local! {
    static LIVE: RefCell<Vec<Live>> = const { RefCell::new(Vec::new()) };
    static HANDLERS: RefCell<Option<Handlers>> = const { RefCell::new(None) };
    static OPTIONS: RefCell<Option<Options>> = const { RefCell::new(None) };
}

/// One annotated document.
struct Live {
    doc: Document,
    r: Rendered,
    observer: Option<web_sys::MutationObserver>,
    dirty: bool,
    card: Option<Card>,
    last_hover_ms: f64,
    last_on_mention_ms: f64,
}

#[derive(Clone, PartialEq)]
struct Card {
    kind: &'static str,
    entity: usize,
    /// Position among that entity's mentions.
    pos: usize,
    /// Opened from the panel (keyboard or click) rather than by hovering the page.
    from_panel: bool,
}

/// Made once and kept for the module's life: a handler may clear the annotation that
/// registered it, which must not drop the running closure.
struct Handlers {
    click: Closure<dyn FnMut(Event)>,
    change: Closure<dyn FnMut(Event)>,
    focusin: Closure<dyn FnMut(Event)>,
    focusout: Closure<dyn FnMut(Event)>,
    key: Closure<dyn FnMut(KeyboardEvent)>,
    pointer: Closure<dyn FnMut(MouseEvent)>,
    mutation: Closure<dyn FnMut(Array, web_sys::MutationObserver)>,
    tick: Closure<dyn FnMut()>,
}

pub fn set_options(json: &str) {
    OPTIONS.with(|o| *o.borrow_mut() = Some(Options::from_json(json)));
}

fn options() -> Options {
    OPTIONS.with(|o| o.borrow().clone().unwrap_or_default())
}

pub fn is_annotated(doc: &Document) -> bool {
    LIVE.with(|l| {
        l.try_borrow()
            .map(|v| v.iter().any(|x| x.doc == *doc))
            .unwrap_or(true)
    })
}

/// Reads, analyses and renders `doc`, then starts listening.
/// Annotates `doc`; returns the analysis as the JS object the panel shows (built once:
/// the caller hands the same object on rather than serialising the analysis again).
pub fn annotate(doc: &Document, url: &str) -> Result<JsValue, JsValue> {
    // One budget for the whole click: reading a huge page leaves less time to analyse it.
    let deadline = Deadline::after(CLICK_BUDGET_MS);
    let snap = dom::read_within(doc, url, deadline);
    let a = analysis::analyze_within(&snap.page, deadline);
    let r = render::render(doc, a, snap.texts, url, &options())?;
    let js = r.js.clone();
    attach(doc, r, true);
    Ok(js)
}

/// Renders an analysis of a document already built elsewhere (reader view): no observer.
pub fn show(doc: &Document, a: Analysis, texts: dom::TextNodes, url: &str) -> Result<(), JsValue> {
    let r = render::render(doc, a, texts, url, &options())?;
    attach(doc, r, false);
    Ok(())
}

pub fn show_error(doc: &Document, message: &str) {
    clear(doc);
    if let Ok(r) = render::render_error(doc, message) {
        attach(doc, r, false);
    }
}

fn attach(doc: &Document, r: Rendered, observe: bool) {
    ensure_handlers();
    let mut observer = None;
    HANDLERS.with(|h| {
        let Some(h) = h.borrow().as_ref().map(|h| {
            (
                h.click.as_ref().clone(),
                h.change.as_ref().clone(),
                h.focusin.as_ref().clone(),
                h.focusout.as_ref().clone(),
                h.key.as_ref().clone(),
                h.pointer.as_ref().clone(),
                h.mutation.as_ref().clone(),
            )
        }) else {
            return;
        };
        let sr = &r.shadow;
        let _ = sr.add_event_listener_with_callback("click", h.0.unchecked_ref());
        let _ = sr.add_event_listener_with_callback("change", h.1.unchecked_ref());
        let _ = sr.add_event_listener_with_callback("focusin", h.2.unchecked_ref());
        let _ = sr.add_event_listener_with_callback("focusout", h.3.unchecked_ref());
        let _ = doc.add_event_listener_with_callback("keydown", h.4.unchecked_ref());
        let _ = doc.add_event_listener_with_callback("pointermove", h.5.unchecked_ref());
        if observe {
            if let Ok(mo) = web_sys::MutationObserver::new(h.6.unchecked_ref()) {
                let init = web_sys::MutationObserverInit::new();
                init.set_child_list(true);
                init.set_subtree(true);
                init.set_character_data(true);
                if let Some(root) = dom::root_element(doc) {
                    if mo.observe_with_options(&root, &init).is_ok() {
                        observer = Some(mo);
                    }
                }
            }
        }
    });
    announce(&r);
    let live = Live {
        doc: doc.clone(),
        r,
        observer,
        dirty: false,
        card: None,
        last_hover_ms: 0.0,
        last_on_mention_ms: 0.0,
    };
    LIVE.with(|l| {
        if let Ok(mut v) = l.try_borrow_mut() {
            v.push(live);
        }
    });
}

/// Fills the live region once the panel is in the page, so screen readers announce it.
fn announce(r: &Rendered) {
    let Ok(Some(live)) = r.shadow.query_selector(".summary") else {
        return;
    };
    let text = if r.analysis.notes.is_empty() || r.analysis.article_chars > 0 {
        present::summary(&r.analysis)
    } else {
        format!("Newsmark: {}", r.analysis.notes.join(" "))
    };
    let f = Closure::once_into_js(move || live.set_text_content(Some(&text)));
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), 60);
    }
}

/// Removes every trace of Newsmark from `doc`.
pub fn clear(doc: &Document) {
    let found = LIVE.with(|l| {
        let mut v = l.try_borrow_mut().ok()?;
        let i = v.iter().position(|x| x.doc == *doc)?;
        Some(v.remove(i))
    });
    let Some(live) = found else {
        return;
    };
    if let Some(mo) = &live.observer {
        mo.disconnect();
    }
    HANDLERS.with(|h| {
        if let Some(h) = h.borrow().as_ref() {
            let _ =
                doc.remove_event_listener_with_callback("keydown", h.key.as_ref().unchecked_ref());
            let _ = doc.remove_event_listener_with_callback(
                "pointermove",
                h.pointer.as_ref().unchecked_ref(),
            );
        }
    });
    render::clear(doc, live.r);
}

/// Runs `f` on the live entry of `doc` unless state is busy.
fn with_live<T>(doc: &Document, f: impl FnOnce(&mut Live) -> T) -> Option<T> {
    LIVE.with(|l| {
        let mut v = l.try_borrow_mut().ok()?;
        let live = v.iter_mut().find(|x| x.doc == *doc)?;
        Some(f(live))
    })
}

fn now() -> f64 {
    js_sys::Date::now()
}

fn event_element(e: &Event) -> Option<Element> {
    e.composed_path().get(0).dyn_into::<Element>().ok()
}

fn doc_of_event(e: &Event) -> Option<Document> {
    let t = e.target()?;
    let n: Node = t.dyn_into().ok()?;
    n.owner_document().or_else(|| n.dyn_into::<Document>().ok())
}

fn ensure_handlers() {
    HANDLERS.with(|h| {
        if h.borrow().is_some() {
            return;
        }
        let handlers = Handlers {
            click: Closure::new(on_click),
            change: Closure::new(on_change),
            focusin: Closure::new(on_focusin),
            focusout: Closure::new(on_focusout),
            key: Closure::new(on_key),
            pointer: Closure::new(on_pointer),
            mutation: Closure::new(on_mutation),
            tick: Closure::new(on_tick),
        };
        *h.borrow_mut() = Some(handlers);
    });
}

fn on_click(e: Event) {
    let Some(target) = event_element(&e) else {
        return;
    };
    let Some(doc) = target.owner_document() else {
        return;
    };
    let Some(actor) = target.closest("[data-action]").ok().flatten() else {
        return;
    };
    let action = actor.get_attribute("data-action").unwrap_or_default();
    match action.as_str() {
        "close" => clear(&doc),
        "collapse" => {
            with_live(&doc, |l| {
                let host = &l.r.host;
                let collapsed = host.has_attribute("data-collapsed");
                if collapsed {
                    let _ = host.remove_attribute("data-collapsed");
                } else {
                    let _ = host.set_attribute("data-collapsed", "");
                }
                let _ =
                    actor.set_attribute("aria-expanded", if collapsed { "true" } else { "false" });
                let _ = actor.set_attribute(
                    "aria-label",
                    if collapsed {
                        "Collapse the panel"
                    } else {
                        "Expand the panel"
                    },
                );
                actor.set_text_content(Some(if collapsed { "▾" } else { "▸" }));
                hide_card(l);
            });
        }
        "side" => {
            with_live(&doc, |l| {
                let host = &l.r.host;
                if host.get_attribute("data-side").as_deref() == Some("left") {
                    let _ = host.remove_attribute("data-side");
                } else {
                    let _ = host.set_attribute("data-side", "left");
                }
            });
        }
        "goto" | "next" | "prev" => {
            let step: isize = if action == "prev" { -1 } else { 1 };
            with_live(&doc, |l| {
                let (kind, entity, pos) = match (&l.card, action.as_str()) {
                    (Some(c), "next" | "prev") => (c.kind, c.entity, c.pos as isize + step),
                    _ => {
                        let kind = kind_of(&actor);
                        let entity = entity_of(&actor);
                        match &l.card {
                            Some(c) if c.kind == kind && c.entity == entity && c.from_panel => {
                                (kind, entity, c.pos as isize + 1)
                            }
                            _ => (kind, entity, 0),
                        }
                    }
                };
                let n = mention_list(&l.r, kind, entity).len() as isize;
                if n == 0 {
                    show_card(l, kind, entity, 0, true, false);
                    return;
                }
                let pos = pos.rem_euclid(n) as usize;
                show_card(l, kind, entity, pos, true, true);
            });
        }
        "copy-json" | "copy-anno" => copy(&doc, &action),
        _ => {}
    }
}

fn kind_of(e: &Element) -> &'static str {
    match e.get_attribute("data-kind").as_deref() {
        Some("person") => "person",
        Some("place") => "place",
        Some("date") => "date",
        _ => "official",
    }
}

fn entity_of(e: &Element) -> usize {
    e.get_attribute("data-entity")
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

fn on_change(e: Event) {
    let Some(target) = event_element(&e) else {
        return;
    };
    if target.get_attribute("data-action").as_deref() != Some("kind") {
        return;
    }
    let Some(doc) = target.owner_document() else {
        return;
    };
    let kind = kind_of(&target);
    let on = Reflect::get(&target, &"checked".into())
        .map(|v| v.is_truthy())
        .unwrap_or(false);
    with_live(&doc, |l| {
        l.r.shown.retain(|k| k != kind);
        if on {
            l.r.shown.push(kind.to_string());
        }
        let _ = render::apply_highlights(&l.doc, &mut l.r);
        if let Some(mo) = &l.observer {
            mo.take_records();
        }
    });
}

fn on_focusin(e: Event) {
    let Some(target) = event_element(&e) else {
        return;
    };
    if target.get_attribute("data-action").as_deref() != Some("goto") {
        return;
    }
    let Some(doc) = target.owner_document() else {
        return;
    };
    let kind = kind_of(&target);
    let entity = entity_of(&target);
    with_live(&doc, |l| {
        if matches!(&l.card, Some(c) if c.kind == kind && c.entity == entity && c.from_panel) {
            return;
        }
        show_card(l, kind, entity, 0, true, false);
    });
}

fn on_focusout(e: Event) {
    let Some(target) = event_element(&e) else {
        return;
    };
    let Some(doc) = target.owner_document() else {
        return;
    };
    let next = Reflect::get(&e, &"relatedTarget".into())
        .ok()
        .and_then(|v| v.dyn_into::<Node>().ok());
    let Ok(Some(li)) = target.closest("li") else {
        return;
    };
    if let Some(n) = &next {
        if li.contains(Some(n)) {
            return;
        }
    }
    with_live(&doc, |l| {
        if l.card.as_ref().is_some_and(|c| c.from_panel) {
            hide_card(l);
        }
    });
}

fn on_key(e: KeyboardEvent) {
    let Some(doc) = doc_of_event(&e) else {
        return;
    };
    let key = e.key();
    if key == "Escape" {
        let closed_card = with_live(&doc, |l| {
            if l.card.is_some() {
                hide_card(l);
                true
            } else {
                false
            }
        });
        if closed_card == Some(false) {
            clear(&doc);
        }
        return;
    }
    if key != "ArrowRight" && key != "ArrowLeft" {
        return;
    }
    // Arrows move between mentions while an official in the panel has focus.
    let Some(target) = event_element(&e) else {
        return;
    };
    let Ok(Some(actor)) = target.closest("[data-action=goto]") else {
        return;
    };
    e.prevent_default();
    let step: isize = if key == "ArrowLeft" { -1 } else { 1 };
    let kind = kind_of(&actor);
    let entity = entity_of(&actor);
    with_live(&doc, |l| {
        let n = mention_list(&l.r, kind, entity).len() as isize;
        if n == 0 {
            return;
        }
        let pos = match &l.card {
            Some(c) if c.kind == kind && c.entity == entity && c.from_panel => {
                c.pos as isize + step
            }
            _ if step < 0 => n - 1,
            _ => 0,
        };
        show_card(l, kind, entity, pos.rem_euclid(n) as usize, true, true);
    });
}

/// Indices into `mentions` of one entity's placed mentions, in document order.
fn mention_list(r: &Rendered, kind: &str, entity: usize) -> Vec<usize> {
    let mut v: Vec<usize> = r
        .analysis
        .mentions
        .iter()
        .enumerate()
        .filter(|(i, m)| {
            m.kind == kind && m.entity == entity && r.ranges.get(*i).is_some_and(|x| x.is_some())
        })
        .map(|(i, _)| i)
        .collect();
    present::insertion_sort_by_key(&mut v, |&i| {
        let m = &r.analysis.mentions[i];
        (m.dom_index, m.start)
    });
    v
}

fn viewport(doc: &Document) -> (f64, f64) {
    dom::root_element(doc)
        .map(|e| (e.client_width() as f64, e.client_height() as f64))
        .filter(|(w, h)| *w > 0.0 && *h > 0.0)
        .unwrap_or((1024.0, 768.0))
}

/// Shows the card for one mention; `scroll` brings the mention into view and flashes it.
fn show_card(
    l: &mut Live,
    kind: &'static str,
    entity: usize,
    pos: usize,
    from_panel: bool,
    scroll: bool,
) {
    let list = mention_list(&l.r, kind, entity);
    let range = list
        .get(pos)
        .and_then(|&i| l.r.ranges.get(i).cloned().flatten());
    let Ok(Some(card)) = l.r.shadow.query_selector(".card") else {
        return;
    };
    if !fill_card(&l.doc, &l.r, &card, kind, entity, pos, list.len()) {
        hide_card(l);
        return;
    }
    // Keyboard cards sit right after their official in the panel, so Tab reaches the
    // card's buttons and link next; hover cards sit at the panel's end.
    let anchor_btn = if from_panel {
        l.r.shadow
            .query_selector(&format!(
                "[data-action=goto][data-kind={kind}][data-entity=\"{entity}\"]"
            ))
            .ok()
            .flatten()
    } else {
        None
    };
    let parent = anchor_btn
        .as_ref()
        .and_then(|b| b.parent_element())
        .or_else(|| l.r.shadow.query_selector(".panel").ok().flatten());
    if let Some(p) = parent {
        let already = card.parent_element().is_some_and(|x| x == p);
        if !already {
            let _ = p.append_child(&card);
        }
    }
    if let Some(r) = &range {
        if scroll {
            scroll_to(&l.doc, r);
        }
        let _ = render::set_highlight(&l.doc, render::CURRENT, &Array::of1(r));
    } else {
        render::delete_highlight(&l.doc, render::CURRENT);
    }
    let _ = card.remove_attribute("hidden");
    let (vw, vh) = viewport(&l.doc);
    let rect = range
        .as_ref()
        .map(|r| r.get_bounding_client_rect())
        .filter(|b| b.bottom() > 0.0 && b.top() < vh && b.width() > 0.0);
    let crect = card.get_bounding_client_rect();
    let (cw, ch) = (crect.width().max(200.0), crect.height().max(60.0));
    let (left, top) = if let Some(b) = rect {
        let top = if b.bottom() + 8.0 + ch < vh {
            b.bottom() + 8.0
        } else {
            (b.top() - ch - 8.0).max(8.0)
        };
        (b.left(), top)
    } else if let Some(btn) = &anchor_btn {
        let b = btn.get_bounding_client_rect();
        let panel = l.r.host.get_bounding_client_rect();
        if panel.left() - cw - 8.0 >= 8.0 {
            (panel.left() - cw - 8.0, b.top())
        } else if panel.right() + 8.0 + cw <= vw {
            (panel.right() + 8.0, b.top())
        } else {
            (b.left(), b.top() - ch - 8.0)
        }
    } else {
        (8.0, 8.0)
    };
    let left = left.min(vw - cw - 8.0).max(8.0);
    let top = top.min(vh - ch - 8.0).max(8.0);
    let _ = card.set_attribute(
        "style",
        &format!("left:{}px;top:{}px", left as i32, top as i32),
    );
    l.card = Some(Card {
        kind,
        entity,
        pos,
        from_panel,
    });
}

fn hide_card(l: &mut Live) {
    if l.card.take().is_some() {
        if let Ok(Some(card)) = l.r.shadow.query_selector(".card") {
            let _ = card.set_attribute("hidden", "");
        }
        render::delete_highlight(&l.doc, render::CURRENT);
    }
}

fn scroll_to(doc: &Document, r: &Range) {
    let b = r.get_bounding_client_rect();
    let (_, vh) = viewport(doc);
    if b.top() < vh * 0.15 || b.bottom() > vh * 0.85 {
        if let Some(w) = doc.default_view() {
            w.scroll_by_with_x_and_y(0.0, b.top() - vh * 0.3);
        }
    }
}

/// Writes the card's content; false when there is nothing to show.
fn fill_card(
    doc: &Document,
    r: &Rendered,
    card: &Element,
    kind: &str,
    entity: usize,
    pos: usize,
    n: usize,
) -> bool {
    let a = &r.analysis;
    let (name, lines, lookup): (String, Vec<String>, bool) = match kind {
        "official" => {
            let Some(o) = a.officials.get(entity) else {
                return false;
            };
            let mut lines = vec![present::role_line(o), present::tenure(o).to_string()];
            lines.retain(|s| !s.is_empty());
            (o.name.clone(), lines, true)
        }
        "person" => {
            let Some(p) = a.people.get(entity) else {
                return false;
            };
            (p.name.clone(), vec!["Named in the article".into()], true)
        }
        "date" => {
            let Some(t) = a.timeline.get(entity) else {
                return false;
            };
            let start = present::human_date(&t.start).unwrap_or_else(|| t.start.clone());
            let when = if t.end != t.start {
                let end = present::human_date(&t.end).unwrap_or_else(|| t.end.clone());
                format!("{start} – {end}")
            } else {
                start
            };
            (t.text.clone(), vec![when], false)
        }
        _ => {
            let item = Reflect::get(&r.js, &"places".into())
                .ok()
                .filter(Array::is_array)
                .map(|v| Array::from(&v).get(entity as u32));
            let Some(name) = item
                .and_then(|i| Reflect::get(&i, &"name".into()).ok())
                .and_then(|n| n.as_string())
            else {
                return false;
            };
            (name, vec!["Place".into()], true)
        }
    };
    while let Some(c) = card.first_child() {
        let _ = card.remove_child(&c);
    }
    let _ = card.set_attribute("aria-label", &name);
    let _ = card.set_attribute("data-kind", kind);
    let mk = |tag: &str, class: &str, text: &str| -> Option<Element> {
        let e = doc.create_element(tag).ok()?;
        e.set_class_name(class);
        e.set_text_content(Some(text));
        card.append_child(&e).ok()?;
        Some(e)
    };
    mk("strong", "card-name", &name);
    for line in &lines {
        mk("span", "card-line", line);
    }
    if n > 0 {
        mk("span", "card-pos", &present::position(pos, n));
    }
    let nav = doc.create_element("span").ok();
    if let Some(nav) = nav {
        nav.set_class_name("card-nav");
        if n > 1 {
            for (action, text, label) in [
                ("prev", "‹ Previous", "Previous mention"),
                ("next", "Next ›", "Next mention"),
            ] {
                if let Ok(b) = doc.create_element("button") {
                    b.set_class_name("btn small");
                    b.set_text_content(Some(text));
                    let _ = b.set_attribute("type", "button");
                    let _ = b.set_attribute("data-action", action);
                    let _ = b.set_attribute("aria-label", label);
                    let _ = nav.append_child(&b);
                }
            }
        }
        if lookup {
            let url = present::lookup_url(&name, a.meta.lang.as_deref());
            if let Ok(link) = doc.create_element("a") {
                link.set_text_content(Some("Look up ↗"));
                let _ = link.set_attribute("href", &url);
                let _ = link.set_attribute("target", "_blank");
                let _ = link.set_attribute("rel", "noopener noreferrer");
                let _ = link.set_attribute("aria-label", &format!("Look up {name} on Wikipedia"));
                let _ = link.set_attribute("data-lookup", "");
                let _ = nav.append_child(&link);
            }
        }
        let _ = card.append_child(&nav);
    }
    true
}

/// Hover: which shown mention (if any) is under the pointer.
fn on_pointer(e: MouseEvent) {
    let Some(doc) = doc_of_event(&e) else {
        return;
    };
    let t = now();
    let (x, y) = (e.client_x() as f64, e.client_y() as f64);
    let in_panel = e.composed_path().iter().any(|n| {
        n.dyn_ref::<Element>()
            .is_some_and(|el| el.id() == dom::HOST_ID)
    });
    with_live(&doc, |l| {
        if in_panel {
            l.last_on_mention_ms = t;
            return;
        }
        if t - l.last_hover_ms < HOVER_EVERY_MS {
            return;
        }
        l.last_hover_ms = t;
        match hit(l, x, y) {
            Some((kind, entity, pos)) => {
                l.last_on_mention_ms = t;
                let same = l
                    .card
                    .as_ref()
                    .is_some_and(|c| c.kind == kind && c.entity == entity && c.pos == pos);
                if !same {
                    show_card(l, kind, entity, pos, false, false);
                }
            }
            None => {
                if l.card.as_ref().is_some_and(|c| !c.from_panel)
                    && t - l.last_on_mention_ms > HOVER_GRACE_MS
                {
                    hide_card(l);
                }
            }
        }
    });
}

/// The caret under (x, y): text node and UTF-16 offset.
fn caret_at(doc: &Document, x: f64, y: f64) -> Option<(Node, u32)> {
    let d: &JsValue = doc.as_ref();
    let try_call = |name: &str| -> Option<JsValue> {
        let f: js_sys::Function = Reflect::get(d, &name.into()).ok()?.dyn_into().ok()?;
        let v = f.call2(d, &x.into(), &y.into()).ok()?;
        (!v.is_null() && !v.is_undefined()).then_some(v)
    };
    if let Some(p) = try_call("caretPositionFromPoint") {
        let node = Reflect::get(&p, &"offsetNode".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let off = Reflect::get(&p, &"offset".into()).ok()?.as_f64()? as u32;
        return Some((node, off));
    }
    let r: Range = try_call("caretRangeFromPoint")?.dyn_into().ok()?;
    Some((r.start_container().ok()?, r.start_offset().ok()?))
}

fn hit(l: &Live, x: f64, y: f64) -> Option<(&'static str, usize, usize)> {
    let (node, off) = caret_at(&l.doc, x, y)?;
    let r = &l.r;
    for (i, (m, range)) in r.analysis.mentions.iter().zip(&r.ranges).enumerate() {
        if !r.shown.iter().any(|k| k == m.kind) {
            continue;
        }
        let Some(range) = range else { continue };
        if range.start_container().ok().as_ref() != Some(&node) {
            continue;
        }
        let (s, e) = (range.start_offset().ok()?, range.end_offset().ok()?);
        if off < s || off > e {
            continue;
        }
        // The caret snaps to the nearest character: make sure the pointer is on the text.
        let rects = range.get_client_rects()?;
        let inside = (0..rects.length()).filter_map(|k| rects.get(k)).any(|b| {
            x >= b.left() - 1.0
                && x <= b.right() + 1.0
                && y >= b.top() - 1.0
                && y <= b.bottom() + 1.0
        });
        if inside {
            let pos = mention_list(r, m.kind, m.entity)
                .iter()
                .position(|&j| j == i)
                .unwrap_or(0);
            return Some((m.kind, m.entity, pos));
        }
    }
    None
}

/// Page changes: anything outside the panel marks the document for a re-read.
fn on_mutation(records: Array, observer: web_sys::MutationObserver) {
    let mut doc = None;
    let relevant = records.iter().any(|rec| {
        let Ok(rec) = rec.dyn_into::<web_sys::MutationRecord>() else {
            return false;
        };
        let Some(target) = rec.target() else {
            return false;
        };
        if doc.is_none() {
            doc = target.owner_document();
        }
        let ours = |n: &JsValue| {
            n.dyn_ref::<Element>()
                .is_some_and(|e| e.id() == dom::HOST_ID)
        };
        if target
            .dyn_ref::<Element>()
            .is_some_and(|e| e.id() == dom::HOST_ID)
        {
            return false;
        }
        let added = rec.added_nodes();
        let removed = rec.removed_nodes();
        let all_ours = added.length() + removed.length() > 0
            && (0..added.length()).all(|i| added.get(i).is_some_and(|n| ours(&n)))
            && (0..removed.length()).all(|i| removed.get(i).is_some_and(|n| ours(&n)));
        !all_ours
    });
    let Some(doc) = doc else { return };
    if !relevant {
        return;
    }
    let schedule = with_live(&doc, |l| {
        let same = l.observer.as_ref().is_some_and(|o| *o == observer);
        let first = same && !l.dirty;
        if same {
            l.dirty = true;
        }
        first
    });
    if schedule == Some(true) {
        HANDLERS.with(|h| {
            if let (Some(h), Some(w)) = (h.borrow().as_ref(), web_sys::window()) {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                    h.tick.as_ref().unchecked_ref(),
                    REFRESH_DELAY_MS,
                );
            }
        });
    }
}

/// Re-reads every document marked dirty and refreshes its annotations.
fn on_tick() {
    let docs: Vec<Document> = LIVE.with(|l| {
        l.try_borrow()
            .map(|v| {
                v.iter()
                    .filter(|x| x.dirty)
                    .map(|x| x.doc.clone())
                    .collect()
            })
            .unwrap_or_default()
    });
    for doc in docs {
        with_live(&doc, |l| {
            l.dirty = false;
            hide_card(l);
            // The same budget as the click: unbounded, one change to a huge page would
            // block its main thread for a full read and analysis (minutes in Firefox).
            let deadline = Deadline::after(CLICK_BUDGET_MS);
            let snap = dom::read_within(&l.doc, &l.r.url, deadline);
            let a = analysis::analyze_within(&snap.page, deadline);
            let _ = render::refresh(&l.doc, &mut l.r, a, snap.texts);
            if let Some(mo) = &l.observer {
                mo.take_records();
            }
        });
        with_live(&doc, |l| announce(&l.r));
    }
}

/// Copies an export to the clipboard on the button's click (user activation); when the
/// browser refuses, shows the text selected in the panel to copy by hand.
fn copy(doc: &Document, action: &str) {
    let built = with_live(doc, |l| {
        let status =
            l.r.shadow
                .query_selector("[data-field=export-status]")
                .ok()
                .flatten();
        let body = l.r.shadow.query_selector(".body").ok().flatten();
        if action == "copy-json" {
            let text = js_sys::JSON::stringify_with_replacer_and_space(
                &l.r.js,
                &JsValue::NULL,
                &JsValue::from(2),
            )
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default();
            (
                text,
                "Copied the analysis as JSON.".to_string(),
                status,
                body,
            )
        } else {
            let texts = &l.r.texts;
            let text = export::web_annotations(&l.r.analysis, &l.r.url, &|i| {
                texts.get(i as usize).and_then(|n| n.node_value())
            });
            let n =
                l.r.analysis
                    .mentions
                    .iter()
                    .filter(|m| m.kind == "official")
                    .count();
            (
                text,
                format!("Copied {n} Web Annotations (JSON-LD)."),
                status,
                body,
            )
        }
    });
    let Some((text, done, status, body)) = built else {
        return;
    };
    let Some(status) = status else { return };
    status.set_text_content(Some("Copying…"));
    let fallback = {
        let status = status.clone();
        let text = text.clone();
        let doc = doc.clone();
        move || {
            status.set_text_content(Some(
                "The browser blocked the clipboard: the export is selected below, copy it with Ctrl+C.",
            ));
            let Some(body) = &body else { return };
            let area = match body.query_selector("textarea").ok().flatten() {
                Some(a) => a,
                None => {
                    let Ok(a) = doc.create_element("textarea") else {
                        return;
                    };
                    let _ = a.set_attribute("readonly", "");
                    let _ = a.set_attribute("aria-label", "Exported text");
                    let _ = a.set_attribute("data-field", "export-text");
                    let _ = a.set_attribute("rows", "6");
                    let _ = status.after_with_node_1(&a);
                    a
                }
            };
            let _ = Reflect::set(&area, &"value".into(), &text.as_str().into());
            if let Some(h) = area.dyn_ref::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
            if let Ok(f) = Reflect::get(&area, &"select".into()) {
                if let Ok(f) = f.dyn_into::<js_sys::Function>() {
                    let _ = f.call0(&area);
                }
            }
        }
    };
    let clipboard = doc
        .default_view()
        .and_then(|w| Reflect::get(&w, &"navigator".into()).ok())
        .and_then(|n| Reflect::get(&n, &"clipboard".into()).ok())
        .filter(|c| !c.is_undefined() && !c.is_null());
    let promise = clipboard.and_then(|c| {
        let f: js_sys::Function = Reflect::get(&c, &"writeText".into())
            .ok()?
            .dyn_into()
            .ok()?;
        f.call1(&c, &text.as_str().into())
            .ok()?
            .dyn_into::<js_sys::Promise>()
            .ok()
    });
    let Some(p) = promise else {
        fallback();
        return;
    };
    let ok = Closure::once_into_js(move |_: JsValue| status.set_text_content(Some(&done)));
    let fail = Closure::once_into_js(move |_: JsValue| fallback());
    if let Ok(then) =
        Reflect::get(&p, &"then".into()).and_then(|f| f.dyn_into::<js_sys::Function>())
    {
        let _ = then.call2(&p, &ok, &fail);
    }
}
