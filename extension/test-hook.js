// TEST BUILDS ONLY. Lets a test page trigger exactly what the toolbar button does:
//   window.postMessage({newsmarkTest: 'click', id}, '*')
//   -> window.postMessage({newsmarkTestReply: id, result}, '*')
//   window.postMessage({newsmarkTest: 'click-panic', id}, '*'): the same click, but the wasm
//   is told to panic once it has rendered (checks the error panel and the recovery).
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  window.addEventListener('message', (ev) => {
    const d = ev.data;
    if (ev.source !== window || !d) return;
    if (d.newsmarkTest === 'ping') {
      window.postMessage({ newsmarkTestReply: d.id, result: { state: 'ready' } }, '*');
      return;
    }
    if (d.newsmarkTest !== 'click' && d.newsmarkTest !== 'click-panic') return;
    api.runtime.sendMessage({ type: 'test-click', debugPanic: d.newsmarkTest === 'click-panic' }).then(
      (result) => window.postMessage({ newsmarkTestReply: d.id, result }, '*'),
      (e) => window.postMessage({ newsmarkTestReply: d.id, result: { state: 'error', error: String(e) } }, '*'));
  });
})();
