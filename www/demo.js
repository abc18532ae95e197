// Newsmark demo: loads a sample page into a same-origin frame and annotates it in place with
// the same wasm the extension runs (toggle_document on the frame's document).
import init, { toggle_document, load_data } from './pkg/newsmark.js';

const select = document.getElementById('sample');
const button = document.getElementById('toggle');
const status = document.getElementById('status');
const stage = document.getElementById('stage');

async function boot() {
  await init({ module_or_path: new URL('./pkg/newsmark_bg.wasm', import.meta.url) });
  try {
    const names = await (await fetch('data/index.json')).json();
    for (const n of names) load_data(n, await (await fetch('data/' + n)).text());
  } catch (_) { /* no data files: the analysis runs without gazetteers */ }
  const samples = await (await fetch('samples/index.json')).json();
  for (const s of samples) select.add(new Option(s.title, s.file));
  const wanted = new URLSearchParams(location.search).get('sample');
  if (wanted) select.value = wanted;
  select.addEventListener('change', load);
  button.addEventListener('click', toggle);
  await load();
}

function load() {
  return new Promise((resolve) => {
    stage.addEventListener('load', () => { setPressed(false); status.textContent = ''; resolve(); }, { once: true });
    stage.src = 'samples/' + select.value;
  });
}

function setPressed(on) {
  button.setAttribute('aria-pressed', String(on));
  button.textContent = on ? 'Clear' : 'Annotate';
}

function toggle() {
  const doc = stage.contentDocument;
  const r = toggle_document(doc, stage.contentWindow.location.href);
  setPressed(r.state === 'annotated');
  if (r.state === 'annotated') {
    const a = r.analysis;
    status.textContent = `${a.officials.length} officials · ${a.site_name || a.domain || 'unknown publisher'} · ${a.date_published || 'no date'}`;
  } else {
    status.textContent = r.state === 'error' ? r.error : 'Cleared.';
  }
}

boot().catch((e) => { status.textContent = 'Demo failed to start: ' + e; });
