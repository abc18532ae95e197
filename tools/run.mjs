// `make run`: the main job. After `make build`, annotates the bundled seed sample in headless
// Chromium through the real (test-hook) extension build, prints a short summary and the
// screenshot's path, then serves the demo site on localhost with instructions for loading
// the unpacked extension by hand. With CI set or no terminal, it stops after the summary.
//
// Usage: node tools/run.mjs [--port 8765] [--no-serve]

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { startServer, parseArgs } from '../lib/serve.mjs';
import { REPO_ROOT, launchBrowser, testExtensionDir } from '../lib/harness.mjs';

const args = parseArgs(process.argv.slice(2), { flags: ['no-serve'] });
const outDir = path.join(REPO_ROOT, 'out', 'run');
fs.mkdirSync(outDir, { recursive: true });

const wasm = path.join(REPO_ROOT, 'dist', 'chrome', 'pkg', 'newsmark_bg.wasm');
const wasmBytes = fs.readFileSync(wasm);
const gz = zlib.gzipSync(wasmBytes, { level: 9 }).length;
const dataDir = path.join(REPO_ROOT, 'dist', 'chrome', 'data');
const dataBytes = fs.existsSync(dataDir)
  ? fs.readdirSync(dataDir).reduce((n, f) => n + fs.statSync(path.join(dataDir, f)).size, 0)
  : 0;

const server = await startServer({ port: 0 });
const sample = `${server.url}samples/sputnik-blinken.html`;
const browser = await launchBrowser('chromium', { extensionDir: testExtensionDir('chromium') });
let failed = false;
try {
  const tab = await browser.newTab();
  await tab.goto(sample);
  const r = await tab.click();
  const shot = path.join(outDir, 'seed-annotated.png');
  await tab.screenshot(shot);
  if (r.state !== 'annotated' || !r.analysis) {
    failed = true;
    console.error(`Newsmark did not annotate the seed page: ${r.state} ${r.error || ''}`);
  } else {
    const a = r.analysis;
    const p = a.source_profile || {};
    console.log('Newsmark — seed sample annotated in headless Chromium through the extension');
    console.log(`  title:      ${a.title}`);
    console.log(`  source:     ${a.site_name || '?'} (${a.url || a.domain || '?'})`);
    if (p.summary) console.log(`  profile:    ${p.summary}`);
    console.log(`  author:     ${(a.author || []).join(', ') || '—'}`);
    console.log(`  published:  ${a.date_published || '—'}${a.age && a.age.published ? ` (${a.age.published})` : ''}`);
    console.log(`  officials:  ${(a.officials || []).map((o) => `${o.name} (${o.role}${o.country ? ', ' + o.country : ''})`).join('; ') || '—'}`);
    console.log(`  click to done: ${r.ms} ms`);
    console.log(`  screenshot: ${path.relative(process.cwd(), shot)}`);
  }
  await tab.click();
} finally {
  await browser.close();
}
console.log(`  wasm: ${wasmBytes.length} bytes, ${gz} gzipped (budget 350 KB gzipped); data files: ${dataBytes} bytes`);
for (const b of ['chrome', 'firefox']) {
  const z = path.join(REPO_ROOT, 'dist', `newsmark-${b}.zip`);
  console.log(`  ${path.relative(process.cwd(), z)}: ${fs.statSync(z).size} bytes`);
}
await server.close();
if (failed) process.exit(1);

if (args['no-serve'] || process.env.CI || !process.stdout.isTTY) process.exit(0);
const port = Number(args.port || process.env.PORT || 8765);
const demo = await startServer({ port }).catch(() => startServer({ port: 0 }));
console.log(`
Demo: ${demo.url}  (the extension's wasm annotating sample pages in place; Ctrl-C to stop)
Load the extension by hand:
  Chrome/Chromium: chrome://extensions -> Developer mode -> Load unpacked -> ${path.join(REPO_ROOT, 'dist', 'chrome')}
  Firefox:         about:debugging#/runtime/this-firefox -> Load Temporary Add-on -> ${path.join(REPO_ROOT, 'dist', 'firefox', 'manifest.json')}
Then open a news article and click the Newsmark button (or press Alt+Shift+N).`);
