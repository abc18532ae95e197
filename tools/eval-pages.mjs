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
import { parseArgs } from '../lib/serve.mjs';
import { REPO_ROOT, batches, launchHeadless, openWasmPage, readIndex, runBatches, serveEvalPages } from '../lib/harness.mjs';

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

async function main() {
  const t0 = Date.now();
  const items = readIndex(indexFile, { only: args.only });
  const server = await serveEvalPages({ www, indexFile });
  // DOMParser documents never load their subresources, but nothing leaves the machine
  // either way.
  const { context, close } = await launchHeadless();
  const open = () => openWasmPage(context, `${server.url}_eval/harness.html`,
    { api: 'newsmarkHarness', marker: 'newsmark-eval:start ', echoErrors: true });

  const results = new Map();
  const queue = batches(items, batchSize);

  async function worker() {
    const state = await runBatches({
      queue,
      state: await open(),
      open,
      run: (st, batch) => st.page.evaluate((b) => window.newsmarkHarness.run(b), batch),
      timeoutMs: batchTimeoutMs,
      onDone: (batch, out) => {
        for (const r of out) {
          results.set(r.id, r.error ? { error: r.error } : r.result);
          if (r.error && args.verbose) process.stderr.write(`\n${r.id}: ${r.stack || r.error}\n`);
        }
        process.stderr.write(`\r${results.size}/${items.length}`);
      },
      // The tab hung or crashed: the page it was on is blamed, the rest retried.
      onAbandon: (item, reason) => {
        results.set(item.id, { error: `${reason} (page abandoned)` });
        process.stderr.write(`eval-pages: ${item.id}: ${reason}\n`);
        process.stderr.write(`\r${results.size}/${items.length}`);
      },
    });
    await state.page.close().catch(() => {});
  }

  try {
    await Promise.all(Array.from({ length: Math.min(jobs, queue.length || 1) }, worker));
  } finally {
    process.stderr.write('\n');
    await close();
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
