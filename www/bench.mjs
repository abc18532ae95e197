// Benchmark page for tools/bench.mjs: times Newsmark's click path, Readability and a bare
// text walk on the same live documents, and the wasm module's instantiation.
//
// window.newsmarkBench.ready             resolves once the wasm module and data are loaded
// window.newsmarkBench.instantiate(n)    times n fresh instantiations (compile + instantiate
//                                        + start) from bytes in memory: [ms]
// window.newsmarkBench.run(items, reps)  items = [{id, src, url}]: fetches and parses each
//   page with DOMParser, adopts it into a sandboxed same-origin frame (no scripts run; the
//   frame lays the page out), then times each measure `reps` times and keeps the median:
//   {id, newsmark, readability, textwalk, layout, read, analyse, render, chars, memory}
//   | {id, error}  (layout: the style and layout the click leaves to the browser;
//   read/analyse/render: Newsmark's parts, from the profile_document export)
// window.newsmarkBench.officials(texts)  [{text, date}]: ms per text of the officials
//   analysis alone (wasm export officials_in_text)
//
// Newsmark: toggle_document(doc, url) (read the document, analyse, render panel and
// highlights, return the analysis to JS), then toggled again to clear (untimed).
// Readability: new Readability(clone).parse() on a deep clone of the same document (the
// clone is made untimed). Text walk: a TreeWalker over the body reading every text node.

import { decode } from './decode.mjs';
import { fetchDataFiles, freshModule, showStatus, startWasm } from './wasm.mjs';

const WASM = new URL('/pkg/newsmark_bg.wasm', location.href).href;
let api = null;
let exports = null;

async function load() {
  ({ mod: api, exports } = await startWasm({ module_or_path: WASM }));
}

const ready = showStatus(fetchDataFiles().then(load));

async function instantiate(n) {
  await ready;
  const bytes = await (await fetch(WASM)).arrayBuffer();
  const out = [];
  for (let i = 0; i < n; i++) {
    const mod = await freshModule();
    const copy = bytes.slice(0);
    const t0 = performance.now();
    await mod.default({ module_or_path: copy });
    out.push(performance.now() - t0);
  }
  return out;
}


function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[(s.length - 1) >> 1] : 0;
}

/** A live, laid-out copy of the page in a frame that may not run scripts. */
function mount(html) {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-same-origin');
  document.body.append(frame);
  const doc = frame.contentDocument;
  doc.replaceChild(doc.adoptNode(parsed.documentElement), doc.documentElement);
  void doc.documentElement.getBoundingClientRect();
  return { frame, doc };
}

// The page's clock ticks in 0.1 ms steps (no cross-origin isolation here): a pass
// shorter than that is repeated until the total is long enough to read.
function textWalk(doc) {
  const root = doc.body || doc.documentElement;
  let chars = 0;
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (n === 0 || t - t0 < 2) {
    chars = 0;
    const w = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (w.nextNode()) chars += w.currentNode.data.length;
    n += 1;
    t = performance.now();
  }
  return [(t - t0) / n, chars];
}

function readability(doc) {
  const clone = doc.cloneNode(true);
  const t0 = performance.now();
  new window.Readability(clone).parse();
  return performance.now() - t0;
}

function newsmark(doc, url) {
  const t0 = performance.now();
  const r = api.toggle_document(doc, url);
  const t1 = performance.now();
  // What the click leaves to the browser: style and layout of the panel and highlights.
  void doc.documentElement.getBoundingClientRect();
  const t2 = performance.now();
  if (r && r.state === 'annotated') api.toggle_document(doc, url);
  else if (r && r.state === 'error') throw new Error(r.error || 'error state');
  return [t1 - t0, t2 - t1];
}

async function run(items, reps = 3) {
  await ready;
  const out = [];
  for (const item of items) {
    console.debug(`newsmark-bench:start ${item.id}`);
    let mounted = null;
    try {
      const res = await fetch(item.src);
      if (!res.ok) throw new Error(`fetch ${item.src}: HTTP ${res.status}`);
      mounted = mount(decode(await res.arrayBuffer()));
      const { doc } = mounted;
      const nm = [];
      const lay = [];
      const rd = [];
      const tw = [];
      let chars = 0;
      const parts = [];
      for (let r = 0; r < reps; r++) {
        const [t, c] = textWalk(doc);
        tw.push(t);
        chars = c;
        rd.push(readability(doc));
        const [a, b] = newsmark(doc, item.url);
        nm.push(a);
        lay.push(b);
        parts.push(api.profile_document(doc, item.url));
      }
      out.push({
        id: item.id,
        newsmark: median(nm),
        layout: median(lay),
        readability: median(rd),
        textwalk: median(tw),
        chars,
        // Newsmark's parts: read the DOM, analyse, render (median of each).
        read: median(parts.map((p) => p[0])),
        analyse: median(parts.map((p) => p[1])),
        render: median(parts.map((p) => p[2])),
        memory: exports.memory.buffer.byteLength,
      });
    } catch (e) {
      out.push({ id: item.id, error: String((e && e.message) || e) });
      if (e instanceof WebAssembly.RuntimeError) await load();
    } finally {
      if (mounted) mounted.frame.remove();
    }
  }
  return out;
}

async function officials(texts, reps = 3) {
  await ready;
  // Warm the data tables once.
  api.officials_in_text('warm up', undefined);
  return texts.map(({ text, date }) => {
    const ts = [];
    for (let r = 0; r < reps; r++) {
      const t0 = performance.now();
      api.officials_in_text(text, date || undefined);
      ts.push(performance.now() - t0);
    }
    return median(ts);
  });
}

window.newsmarkBench = { ready, run, instantiate, officials };
