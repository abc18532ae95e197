//! Live updates (DOM layer): a MutationObserver, blind to Newsmark's own changes, marks a
//! document whose text changed; after a short debounce it is read and analysed again
//! through the same click path and its annotations refreshed.

//! Interaction (DOM layer): the documents currently annotated and everything that happens
//! after the click. Mention cards on hover (caret hit-testing on pointermove, throttled)
//! and on keyboard focus of an official in the panel; moving between mentions; highlight
//! toggles; clipboard export; Esc; and live updates when the page changes its text
//! (MutationObserver, debounced, blind to Newsmark's own changes).
//!
//! Handlers may run while another handler is busy (focus events fire synchronously), so
//! state is only ever borrowed with `try_borrow_mut`, and a handler that finds it busy
//! does nothing rather than panic.

use crate::web::card::hide_card;
use crate::web::click;
use crate::web::dom;
use crate::web::render::{self};
use crate::web::ui::*;
use js_sys::Array;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

/// Delay between a page change and the re-analysis (changes in between are coalesced).
pub(super) const REFRESH_DELAY_MS: i32 = 300;

/// Page changes: anything outside the panel marks the document for a re-read.
pub(super) fn on_mutation(records: Array, observer: web_sys::MutationObserver) {
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
pub(super) fn on_tick() {
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
            let (doc, url) = (l.doc.clone(), l.r.url.clone());
            let r = &mut l.r;
            let _ = click::run(&doc, &url, |snap, a| {
                render::refresh(&doc, r, a, snap.texts)
            });
            if let Some(mo) = &l.observer {
                mo.take_records();
            }
        });
        with_live(&doc, |l| announce(&l.r));
    }
}
