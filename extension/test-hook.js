// TEST BUILDS ONLY. Lets a test page trigger exactly what the toolbar button does:
//   window.postMessage({newsmarkTest: 'click', id}, '*')
//   -> window.postMessage({newsmarkTestReply: id, result}, '*')
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  window.addEventListener('message', (ev) => {
    const d = ev.data;
    if (ev.source !== window || !d) return;
    if (d.newsmarkTest === 'ping') {
      window.postMessage({ newsmarkTestReply: d.id, result: { state: 'ready' } }, '*');
      return;
    }
    if (d.newsmarkTest !== 'click') return;
    api.runtime.sendMessage({ type: 'test-click' }).then(
      (result) => window.postMessage({ newsmarkTestReply: d.id, result }, '*'),
      (e) => window.postMessage({ newsmarkTestReply: d.id, result: { state: 'error', error: String(e) } }, '*'));
  });
})();
