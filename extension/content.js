// Newsmark content shell: loads the wasm once per page and forwards clicks to it. All
// logic is in Rust. If the wasm cannot start here (a strict page CSP in Chromium), it hands
// the page's HTML back so the background can open the reader view. If the wasm fails while
// running, the next click starts a fresh instance.
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const DATA_FILES = JSON.parse('__NEWSMARK_DATA_FILES__');
  let nm = null;      // the current wasm-bindgen instance
  let module = null;  // compiled module, reused by fresh instances

  async function start() {
    const fresh = globalThis.__newsmarkFactory();
    if (!module) {
      const bytes = await (await fetch(api.runtime.getURL('pkg/newsmark_bg.wasm'))).arrayBuffer();
      module = await WebAssembly.compile(bytes);
    }
    await fresh({ module_or_path: module });
    for (const name of DATA_FILES) {
      const text = await (await fetch(api.runtime.getURL('data/' + name))).text();
      fresh.load_data(name, text);
    }
    nm = fresh;
  }

  globalThis.__newsmark = {
    async toggle(opts) {
      if (!nm) {
        try {
          await start();
        } catch (e) {
          return { state: 'blocked', error: String(e && e.message || e), html: document.documentElement.outerHTML, url: location.href };
        }
      }
      try {
        // Options only matter when annotating; a storage failure keeps the defaults.
        if (!nm.is_annotated()) {
          try {
            const got = await api.storage.sync.get('options');
            nm.set_options(JSON.stringify((got && got.options) || {}));
          } catch (_) { /* defaults */ }
        }
        // TEST-HOOK-START (removed from release builds)
        if (opts && opts.debugPanic) nm.debug_panic_next();
        // TEST-HOOK-END
        return nm.toggle();
      } catch (e) {
        // A trap leaves the instance unusable: show the error from a fresh one.
        const message = 'Newsmark failed on this page: ' + String(e && e.message || e);
        nm = null;
        try { await start(); nm.show_error(document, message); } catch (_) { nm = null; }
        return { state: 'error', error: message };
      }
    },
  };
})();
