// Starts the wasm build for the pages that drive it in bulk (harness.mjs, bench.mjs and
// tools/roundtrip-pages.mjs): each call gives a fresh instance with the data files the
// extension ships handed over. Fresh, because a wasm trap can leave an instance unusable.

const PKG = new URL('/pkg/newsmark.js', location.href).href;
const DATA = new URL('/data/', location.href).href;
let generation = 0;
let dataFiles = null; // [[name, text]]: fetched once

/** The data files (gazetteers); none when the build has no data/index.json. */
export async function fetchDataFiles() {
  if (!dataFiles) {
    try {
      const names = await (await fetch(DATA + 'index.json')).json();
      dataFiles = await Promise.all(names.map(async (n) => [n, await (await fetch(DATA + n)).text()]));
    } catch {
      dataFiles = []; // the analysis runs without gazetteers
    }
  }
  return dataFiles;
}

/** A module record of its own: a distinct URL gives a fresh module, hence a fresh instance. */
export function freshModule() {
  generation += 1;
  return import(generation === 1 ? PKG : `${PKG}?instance=${generation}`);
}

/** A started instance with the data loaded: {mod (the exports' module), exports (wasm)}. */
export async function startWasm(init) {
  const mod = await freshModule();
  const exports = await mod.default(init);
  for (const [name, text] of await fetchDataFiles()) mod.load_data(name, text);
  return { mod, exports };
}

/** Shows on the page's #status whether the start worked; resolves (or rejects) as it does. */
export function showStatus(started) {
  const status = document.getElementById('status');
  return started.then(
    () => {
      status.textContent = 'ready';
    },
    (e) => {
      status.textContent = `failed: ${e}`;
      throw e;
    },
  );
}
