// Evaluation harness for tools/eval-pages.mjs: runs the real wasm build on many pages in
// one call, so the driving tool does one round trip per batch instead of per page.
//
// window.newsmarkHarness.ready       resolves once the wasm module is initialised
// window.newsmarkHarness.run(items)  items = [{id, src, url}]: fetches each src, parses it
//   with DOMParser, calls analyze_document(doc, url); resolves to [{id, result} | {id, error}]
//
// Each page start is logged as "newsmark-eval:start <id>" so the tool can tell which page a
// hung batch was on. A wasm trap can leave the instance unusable, so after one the module
// is loaded afresh before the next page.

import { decode } from './decode.mjs';
import { showStatus, startWasm } from './wasm.mjs';

let api = null;

async function load() {
  api = (await startWasm()).mod;
}

const ready = showStatus(load());

// The analysis crosses as JSON parsed by the engine (src/web/mod.rs, to_js), so it is plain
// already; this copy keeps predictions JSON-safe should an export ever hand back a Map or
// a BigInt.
function plain(value) {
  if (value instanceof Map) {
    const out = {};
    for (const [k, v] of value) out[String(k)] = plain(v);
    return out;
  }
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = plain(v);
    return out;
  }
  if (typeof value === 'bigint') return Number(value);
  return value;
}

async function fetchHtml(item) {
  const res = await fetch(item.src);
  if (!res.ok) throw new Error(`fetch ${item.src}: HTTP ${res.status}`);
  return decode(await res.arrayBuffer());
}

function settle(promise) {
  return promise.then(
    (html) => ({ html }),
    (error) => ({ error }),
  );
}

async function run(items) {
  await ready;
  const out = [];
  // The next page downloads while the current one is analysed.
  let next = items.length ? settle(fetchHtml(items[0])) : null;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const fetched = await next;
    next = i + 1 < items.length ? settle(fetchHtml(items[i + 1])) : null;
    console.debug(`newsmark-eval:start ${item.id}`);
    try {
      if (fetched.error) throw fetched.error;
      const doc = new DOMParser().parseFromString(fetched.html, 'text/html');
      out.push({ id: item.id, result: plain(api.analyze_document(doc, item.url)) });
    } catch (e) {
      out.push({ id: item.id, error: String((e && e.message) || e), stack: e && e.stack });
      if (e instanceof WebAssembly.RuntimeError) await load();
    }
  }
  return out;
}

window.newsmarkHarness = { ready, run };
