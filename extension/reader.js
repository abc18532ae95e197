// Newsmark reader view: asks the background for the page it was opened for and lets the
// wasm annotate a DOMParser copy of it here, in an extension page where wasm may run.
(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  const main = document.getElementById('reader');
  const DATA_FILES = JSON.parse('__NEWSMARK_DATA_FILES__');
  try {
    const nm = globalThis.__newsmarkFactory();
    await nm({ module_or_path: api.runtime.getURL('pkg/newsmark_bg.wasm') });
    for (const name of DATA_FILES) nm.load_data(name, await (await fetch('data/' + name)).text());
    const page = await api.runtime.sendMessage({ type: 'reader-get', id: location.hash.slice(1) });
    if (!page) { main.textContent = 'This reader view has expired: click Newsmark again on the article.'; return; }
    const analysis = nm.reader_view(page.html, page.url, main);
    document.title = 'Newsmark: ' + (analysis.title || page.url);
  } catch (e) {
    main.textContent = 'Newsmark could not read this page: ' + String(e && e.message || e);
  }
})();
