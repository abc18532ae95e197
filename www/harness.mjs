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

const PKG = new URL('/pkg/newsmark.js', location.href).href;
const status = document.getElementById('status');
let generation = 0;
let api = null;
let dataFiles = null; // [[name, text]]: the gazetteers the extension ships, fetched once

async function fetchData() {
  try {
    const names = await (await fetch(new URL('/data/index.json', location.href))).json();
    return Promise.all(names.map(async (n) => [n, await (await fetch(new URL('/data/' + n, location.href))).text()]));
  } catch {
    return []; // no data files: the analysis runs without gazetteers
  }
}

async function load() {
  generation += 1;
  // A distinct URL gives a fresh module record, hence a fresh wasm instance.
  const mod = await import(generation === 1 ? PKG : `${PKG}?instance=${generation}`);
  await mod.default();
  dataFiles = dataFiles || (await fetchData());
  for (const [name, text] of dataFiles) mod.load_data(name, text);
  api = mod;
}

const ready = load().then(
  () => {
    status.textContent = 'ready';
  },
  (e) => {
    status.textContent = `failed: ${e}`;
    throw e;
  },
);


// serde-wasm-bindgen may hand back Maps; predictions must survive JSON.stringify.
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
