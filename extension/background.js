// Newsmark background: forwards a toolbar click (or its shortcut) to the tab. It injects the
// wasm glue and the thin content shell once per page, then asks the shell to toggle. When
// the page's CSP stops wasm in the page (Chromium), it opens the reader view instead, which
// runs the same wasm on a DOMParser copy of the page in an extension page.
const api = globalThis.browser ?? globalThis.chrome;
const pending = new Map(); // reader id -> {html, url}
const readers = new Map(); // article tab id -> reader tab id
let nextId = 1;

async function run(tabId, opts) {
  const [res] = await api.scripting.executeScript({ target: { tabId }, ...opts });
  return res && res.result;
}

async function handleClick(tab, opts) {
  const t0 = Date.now();
  let result;
  // A second click on an article shown in the reader closes the reader: the toggle.
  if (readers.has(tab.id)) {
    const readerTab = readers.get(tab.id);
    readers.delete(tab.id);
    try {
      await api.tabs.remove(readerTab);
      return { state: 'cleared', ms: Date.now() - t0 };
    } catch (_) { /* closed already: annotate again */ }
  }
  try {
    const loaded = await run(tab.id, { func: () => typeof globalThis.__newsmark === 'object' });
    if (!loaded) await api.scripting.executeScript({ target: { tabId: tab.id }, files: ['pkg/newsmark.js', 'content.js'] });
    result = await run(tab.id, { func: (o) => globalThis.__newsmark.toggle(o), args: [opts || null] });
  } catch (e) {
    result = { state: 'error', error: 'Newsmark cannot run on this page: ' + (e && e.message ? e.message : String(e)) };
  }
  if (result && result.state === 'blocked') {
    const id = String(nextId++);
    pending.set(id, { html: result.html, url: result.url });
    const readerUrl = api.runtime.getURL('reader.html#' + id);
    const created = await api.tabs.create({ url: readerUrl, index: tab.index + 1, openerTabId: tab.id });
    readers.set(tab.id, created.id);
    result = { state: 'reader', readerUrl, error: result.error };
  }
  result = result || { state: 'error', error: 'No result from the page.' };
  result.ms = Date.now() - t0;
  return result;
}

api.action.onClicked.addListener((tab) => { handleClick(tab); });
api.tabs.onRemoved.addListener((tabId) => {
  readers.delete(tabId);
  for (const [article, reader] of readers) if (reader === tabId) readers.delete(article);
});

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (msg && msg.type === 'reader-get') {
    const page = pending.get(msg.id) || null;
    pending.delete(msg.id);
    sendResponse(page);
    return false;
  }
  // TEST-HOOK-START (removed from release builds)
  if (msg && msg.type === 'test-click' && sender.tab) {
    handleClick(sender.tab, { debugPanic: !!msg.debugPanic }).then(sendResponse, (e) => sendResponse({ state: 'error', error: String(e) }));
    return true;
  }
  // TEST-HOOK-END
  return false;
});
