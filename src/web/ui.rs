//! Interaction (DOM layer): the documents currently annotated and the panel's controls:
//! annotate and clear, highlight toggles, Esc and the keyboard, the event handlers. Cards
//! live in `card.rs`, clipboard export in `copy.rs`, re-reads after page changes in
//! `live.rs`.
//!
//! Handlers may run while another handler is busy (focus events fire synchronously), so
//! state is only ever borrowed with `try_borrow_mut`, and a handler that finds it busy
//! does nothing rather than panic.

use crate::analysis::Analysis;
use crate::present::options::Options;
use crate::web::card::{hide_card, mention_list, on_pointer, show_card};
use crate::web::click;
use crate::web::copy::copy;
use crate::web::live::{on_mutation, on_tick};
use crate::web::render::{self, Rendered};
use crate::{present, web::dom};
use js_sys::{Array, Reflect};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, Event, KeyboardEvent, MouseEvent, Node};

thread_local! {
    pub(super) static LIVE: RefCell<Vec<Live>> = const { RefCell::new(Vec::new()) };
    pub(super) static HANDLERS: RefCell<Option<Handlers>> = const { RefCell::new(None) };
    pub(super) static OPTIONS: RefCell<Option<Options>> = const { RefCell::new(None) };
}

/// One annotated document.
pub(super) struct Live {
    pub(super) doc: Document,
    pub(super) r: Rendered,
    pub(super) observer: Option<web_sys::MutationObserver>,
    pub(super) dirty: bool,
    pub(super) card: Option<Card>,
    pub(super) last_hover_ms: f64,
    pub(super) last_on_mention_ms: f64,
}

#[derive(Clone, PartialEq)]
pub(super) struct Card {
    pub(super) kind: &'static str,
    pub(super) entity: usize,
    /// Position among that entity's mentions.
    pub(super) pos: usize,
    /// Opened from the panel (keyboard or click) rather than by hovering the page.
    pub(super) from_panel: bool,
}

/// Made once and kept for the module's life: a handler may clear the annotation that
/// registered it, which must not drop the running closure.
pub(super) struct Handlers {
    pub(super) click: Closure<dyn FnMut(Event)>,
    pub(super) change: Closure<dyn FnMut(Event)>,
    pub(super) focusin: Closure<dyn FnMut(Event)>,
    pub(super) focusout: Closure<dyn FnMut(Event)>,
    pub(super) key: Closure<dyn FnMut(KeyboardEvent)>,
    pub(super) pointer: Closure<dyn FnMut(MouseEvent)>,
    pub(super) mutation: Closure<dyn FnMut(Array, web_sys::MutationObserver)>,
    pub(super) tick: Closure<dyn FnMut()>,
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

/// Reads, analyses and renders `doc` (one click budget for all three), then starts
/// listening for the panel's controls and the page's changes.
pub fn annotate(doc: &Document, url: &str) -> Result<(), JsValue> {
    let opts = options();
    let (r, _) = click::run(doc, url, |snap, a| {
        render::render(doc, a, snap.texts, url, &opts)
    })?;
    attach(doc, r, true);
    Ok(())
}

/// `f` of the analysis shown on `doc`, if it is annotated.
pub fn with_analysis<T>(doc: &Document, f: impl FnOnce(&Analysis) -> T) -> Option<T> {
    with_live(doc, |l| f(&l.r.analysis))
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
pub(super) fn announce(r: &Rendered) {
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
pub(super) fn with_live<T>(doc: &Document, f: impl FnOnce(&mut Live) -> T) -> Option<T> {
    LIVE.with(|l| {
        let mut v = l.try_borrow_mut().ok()?;
        let live = v.iter_mut().find(|x| x.doc == *doc)?;
        Some(f(live))
    })
}

pub(super) fn now() -> f64 {
    js_sys::Date::now()
}

pub(super) fn event_element(e: &Event) -> Option<Element> {
    e.composed_path().get(0).dyn_into::<Element>().ok()
}

pub(super) fn doc_of_event(e: &Event) -> Option<Document> {
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

pub(super) fn kind_of(e: &Element) -> &'static str {
    match e.get_attribute("data-kind").as_deref() {
        Some("person") => "person",
        Some("place") => "place",
        Some("date") => "date",
        _ => "official",
    }
}

pub(super) fn entity_of(e: &Element) -> usize {
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
