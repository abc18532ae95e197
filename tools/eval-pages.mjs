#!/usr/bin/env node
// Runs the real wasm build over an index of saved pages in headless Chromium and writes the
// predictions (`make eval-pages INDEX=<index.jsonl> OUT=<preds.json>`).
//
// Usage:
//   node tools/eval-pages.mjs --index ../shared/suites/index.jsonl --out out/preds.json
//        [--www dist/www] [--jobs 2] [--batch 25] [--only <substring of ids>] [--verbose]
//   --verbose prints the stack of every failing page to stderr.
//   (or positionally: node tools/eval-pages.mjs <index.jsonl> <out.json>)
//
// The index is JSON Lines, one page a line: {"id", "html" (relative to the index's folder),
// "url" (the address the page had), ...}. Serves dist/www (which holds pkg/newsmark.js and
// its wasm), the index's folder at /_index/ and the repository's www/ at /_eval/, opens
// /_eval/harness.html (www/harness.mjs) in `--jobs` tabs and hands each a batch of pages at
// a time: the page fetches each HTML file, parses it with DOMParser and calls
// analyze_document(doc, url). No extension is involved.
//
// OUT is a JSON object keyed by page id, in index order: the analysis object, or
// {"error": "..."} for a page that failed (exception, wasm trap, hang, renderer crash); the
// run always continues. A summary line goes to stderr. Exit status is 0 unless the run
// itself could not start (no wasm build, bad index).

import fs from 'node:fs';
import path from 'node:path';
import { startServer, parseArgs, REPO_ROOT } from './serve.mjs';
import { CHROMIUM_ARGS, CHROMIUM_BIN } from '../tests/e2e/browser.mjs';

const args = parseArgs(process.argv.slice(2), { flags: ['verbose'] });
const indexFile = args.index || args._[0]
  ? path.resolve(args.index || args._[0])
  : path.resolve(REPO_ROOT, '../shared/suites/index.jsonl');
const outFile = path.resolve(args.out || args._[1] || 'out/preds.json');
const www = path.resolve(REPO_ROOT, args.www || 'dist/www');
const jobs = Math.max(1, Number(args.jobs || 2));
const batchSize = Math.max(1, Number(args.batch || 25));
// A batch that takes longer than this is taken to hang on the page it last started.
const batchTimeoutMs = Number(args['batch-timeout'] || 60_000);

function readIndex(file) {
  const items = [];
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let entry;
    try {
      entry = JSON.parse(line);
    } catch (e) {
      throw new Error(`${file}:${i + 1}: ${e.message}`);
    }
    if (!entry.id || !entry.html) throw new Error(`${file}:${i + 1}: needs "id" and "html"`);
    const src = '/_index/' + entry.html.split(/[\\/]/).map(encodeURIComponent).join('/');
    items.push({ id: entry.id, src, url: entry.url || '' });
  });
  return items;
}

async function openHarness(context, base) {
  const page = await context.newPage();
  const state = { page, lastStarted: null, crashed: false };
  page.on('console', (m) => {
    const t = m.text();
    if (t.startsWith('newsmark-eval:start ')) state.lastStarted = t.slice(20);
    else if (m.type() === 'error' && !t.startsWith('Failed to load resource'))
      process.stderr.write(`page console: ${t}\n`);
  });
  page.on('crash', () => {
    state.crashed = true;
  });
  await page.goto(`${base}_eval/harness.html`, { waitUntil: 'load' });
  await page.evaluate(() => window.newsmarkHarness.ready);
  return state;
}

function withTimeout(promise, ms) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timeout after ${ms} ms`)), ms);
    }),
  ]);
}

async function main() {
  const t0 = Date.now();
  const items = readIndex(indexFile).filter((it) => !args.only || it.id.includes(args.only));
  if (!fs.existsSync(path.join(www, 'pkg', 'newsmark.js'))) {
    throw new Error(`${path.join(www, 'pkg', 'newsmark.js')} missing (run make build)`);
  }
  const server = await startServer({
    port: 0,
    www,
    mounts: { '/_index/': path.dirname(indexFile), '/_eval/': path.join(REPO_ROOT, 'www') },
  });
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM_BIN,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext();
  // Pages never load their subresources here (DOMParser documents are inert), but make
  // sure nothing leaves the machine either way.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());

  const results = new Map();
  const queue = [];
  for (let i = 0; i < items.length; i += batchSize) queue.push(items.slice(i, i + batchSize));

  async function worker() {
    let state = await openHarness(context, server.url);
    while (queue.length) {
      const batch = queue.shift();
      state.lastStarted = null;
      try {
        const out = await withTimeout(
          state.page.evaluate((b) => window.newsmarkHarness.run(b), batch),
          batchTimeoutMs,
        );
        for (const r of out) {
          results.set(r.id, r.error ? { error: r.error } : r.result);
          if (r.error && args.verbose) process.stderr.write(`\n${r.id}: ${r.stack || r.error}\n`);
        }
      } catch (e) {
        // The tab hung or crashed: blame the page it was on, retry the rest in a new tab.
        const reason = state.crashed ? 'renderer crashed' : e.message.split('\n')[0];
        const hung = batch.findIndex((it) => it.id === state.lastStarted);
        const culprit = hung >= 0 ? hung : 0;
        results.set(batch[culprit].id, { error: `${reason} (page abandoned)` });
        const rest = batch.filter((_, i) => i !== culprit);
        if (rest.length) queue.unshift(rest);
        process.stderr.write(`eval-pages: ${batch[culprit].id}: ${reason}\n`);
        await state.page.close().catch(() => {});
        state = await openHarness(context, server.url);
      }
      process.stderr.write(`\r${results.size}/${items.length}`);
    }
    await state.page.close().catch(() => {});
  }

  try {
    await Promise.all(Array.from({ length: Math.min(jobs, queue.length || 1) }, worker));
  } finally {
    process.stderr.write('\n');
    await browser.close().catch(() => {});
    await server.close();
  }

  const preds = {};
  let errors = 0;
  for (const it of items) {
    const r = results.get(it.id) ?? { error: 'not run' };
    if (r && r.error !== undefined && Object.keys(r).length === 1) errors++;
    preds[it.id] = r;
  }
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, JSON.stringify(preds, null, 1) + '\n');
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  process.stderr.write(
    `eval-pages: ${items.length} pages, ${errors} errors, ${secs} s -> ${path.relative(process.cwd(), outFile)}\n`,
  );
}

main().catch((e) => {
  console.error(`eval-pages: ${e.stack || e.message || e}`);
  process.exit(1);
});
