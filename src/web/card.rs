//! Mention cards (DOM layer): the card shown over a mention on hover (caret hit-testing on
//! pointermove, throttled) or on keyboard focus of an entry in the panel, and moving between
//! an entity's mentions. What a card says comes from `present::card_text`.

//! Interaction (DOM layer): the documents currently annotated and everything that happens
//! after the click. Mention cards on hover (caret hit-testing on pointermove, throttled)
//! and on keyboard focus of an official in the panel; moving between mentions; highlight
//! toggles; clipboard export; Esc; and live updates when the page changes its text
//! (MutationObserver, debounced, blind to Newsmark's own changes).
//!
//! Handlers may run while another handler is busy (focus events fire synchronously), so
//! state is only ever borrowed with `try_borrow_mut`, and a handler that finds it busy
//! does nothing rather than panic.

use crate::web::render::{self, Rendered};
use crate::web::ui::*;
use crate::{present, web::dom};
use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, MouseEvent, Node, Range};

/// Minimum time between two hover hit-tests.
pub(super) const HOVER_EVERY_MS: f64 = 40.0;

/// How long a hover card survives the pointer leaving its mention (time to reach it).
pub(super) const HOVER_GRACE_MS: f64 = 450.0;

/// Indices into `mentions` of one entity's placed mentions, in document order.
pub(super) fn mention_list(r: &Rendered, kind: &str, entity: usize) -> Vec<usize> {
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

pub(super) fn viewport(doc: &Document) -> (f64, f64) {
    dom::root_element(doc)
        .map(|e| (e.client_width() as f64, e.client_height() as f64))
        .filter(|(w, h)| *w > 0.0 && *h > 0.0)
        .unwrap_or((1024.0, 768.0))
}

/// Shows the card for one mention; `scroll` brings the mention into view and flashes it.
pub(super) fn show_card(
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

pub(super) fn hide_card(l: &mut Live) {
    if l.card.take().is_some() {
        if let Ok(Some(card)) = l.r.shadow.query_selector(".card") {
            let _ = card.set_attribute("hidden", "");
        }
        render::delete_highlight(&l.doc, render::CURRENT);
    }
}

pub(super) fn scroll_to(doc: &Document, r: &Range) {
    let b = r.get_bounding_client_rect();
    let (_, vh) = viewport(doc);
    if b.top() < vh * 0.15 || b.bottom() > vh * 0.85 {
        if let Some(w) = doc.default_view() {
            w.scroll_by_with_x_and_y(0.0, b.top() - vh * 0.3);
        }
    }
}

/// Writes the card's content; false when there is nothing to show.
pub(super) fn fill_card(
    doc: &Document,
    r: &Rendered,
    card: &Element,
    kind: &str,
    entity: usize,
    pos: usize,
    n: usize,
) -> bool {
    let a = &r.analysis;
    let Some((name, lines, lookup)) = present::card_text(a, kind, entity) else {
        return false;
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
            let url = crate::analysis::lookup::wikipedia_in(&name, a.meta.lang.as_deref());
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
pub(super) fn on_pointer(e: MouseEvent) {
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
pub(super) fn caret_at(doc: &Document, x: f64, y: f64) -> Option<(Node, u32)> {
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

pub(super) fn hit(l: &Live, x: f64, y: f64) -> Option<(&'static str, usize, usize)> {
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
