#!/usr/bin/env node
// Benchmark against the peer and the limit (`make bench OUT=<file.json>`): runs the real
// wasm build in headless Chromium over every page of an index and times, on the same live
// document, Newsmark's click path (toggle_document), Readability's parse() on a clone and a
// bare TreeWalker pass over the body's text; adds the wasm instantiation time, the wasm
// memory after the largest page, the officials analysis per 5,000 characters, the sizes
// of what ships, and the native figures of benches/throughput.rs when given.
//
// Usage:
//   node tools/bench.mjs --out OUT.json [--index ../shared/suites/index.jsonl]
//        [--www dist/www] [--reps 3] [--batch 20] [--only <substring of ids>]
//        [--native native.json] [--texts texts.jsonl]
//        [--cpuprofile FILE]  (Chrome's CPU profile of the timed runs, via CDP; open it in
//        DevTools or summarise it with tools/profile-summary.mjs)
//   --native  the JSON written by `throughput --json` (native MB/s, officials per 5k)
//   --texts   JSON Lines {text, date} for the officials timing (default: the shared
//             officials dev texts, when present)
//
// Prints a table and one PASS/FAIL line per budget; writes OUT (see the README of the
// bench in the lead's report: newsmark_ms, readability_ms, textwalk_ms, ratios, sizes,
// instantiate_ms, budgets, per-page rows). Exit status is 0 unless the run could not start:
// budgets are reported, never asserted (timings depend on the machine).

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { parseArgs } from '../lib/serve.mjs';
import { REPO_ROOT, batches, launchHeadless, openWasmPage, readIndex, runBatches, serveEvalPages } from '../lib/harness.mjs';

const args = parseArgs(process.argv.slice(2));
const indexFile = path.resolve(args.index || args._[0] || path.join(REPO_ROOT, '../shared/suites/index.jsonl'));
const outFile = path.resolve(args.out || args._[1] || 'out/bench.json');
const www = path.resolve(REPO_ROOT, args.www || 'dist/www');
const dist = path.resolve(www, '..');
const reps = Math.max(1, Number(args.reps || 3));
const batchSize = Math.max(1, Number(args.batch || 20));
const batchTimeoutMs = Number(args['batch-timeout'] || 300_000);

export const BUDGETS = {
  // name: [description, check(result) -> bool]
  newsmark_vs_readability: ['Newsmark median <= 0.5 x Readability median', (r) => r.newsmark_ms.median <= 0.5 * r.readability_ms.median],
  newsmark_p95: ['Newsmark p95 <= 40 ms', (r) => r.newsmark_ms.p95 <= 40],
  newsmark_vs_textwalk: ['Newsmark median <= 10 x text walk median', (r) => r.newsmark_ms.median <= 10 * r.textwalk_ms.median],
  wasm_gz: ['wasm <= 350 KB gzipped', (r) => r.wasm_gz_bytes <= 350 * 1024],
  zip_chrome: ['Chrome zip <= 1.5 MB', (r) => r.zip_bytes.chrome <= 1.5 * 1024 * 1024],
  zip_firefox: ['Firefox zip <= 1.5 MB', (r) => r.zip_bytes.firefox <= 1.5 * 1024 * 1024],
  instantiate: ['wasm instantiation median < 30 ms', (r) => r.instantiate_ms.median < 30],
  officials_wasm: ['officials < 2 ms per 5,000 chars in wasm', (r) => r.officials_ms_per_5k.wasm < 2],
};

/** Median and p95 (nearest rank) of a list of numbers. */
export function stats(xs) {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  const at = (q) => (s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] : null);
  return { median: s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : null, p95: at(0.95) };
}

function devTexts() {
  if (args.texts) {
    return fs.readFileSync(path.resolve(args.texts), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  }
  const shared = path.join(REPO_ROOT, '../shared/ner');
  const gold = path.join(shared, 'officials-dev.gold.jsonl');
  const gum = path.join(shared, 'gum/gum_train_dev.entities.jsonl');
  if (!fs.existsSync(gold) || !fs.existsSync(gum)) return [];
  const dates = new Map();
  for (const l of fs.readFileSync(gold, 'utf8').split('\n')) if (l.trim()) { const g = JSON.parse(l); dates.set(g.id, g.date); }
  const out = [];
  for (const l of fs.readFileSync(gum, 'utf8').split('\n')) {
    if (!l.trim()) continue;
    const d = JSON.parse(l);
    if (dates.has(d.doc)) out.push({ text: d.text, date: dates.get(d.doc) });
  }
  return out;
}

function dirBytes(dir) {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir).filter((f) => /\.(tsv|txt)$/.test(f)).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
}

/** `gzip -9` size, as `make wasm` prints it; zlib's when gzip is missing. */
function gzipSize(file, bytes) {
  try {
    return execFileSync('gzip', ['-9c', file], { maxBuffer: 64 << 20 }).length;
  } catch {
    return zlib.gzipSync(bytes, { level: 9 }).length;
  }
}

function sizes() {
  const wasm = path.join(dist, 'chrome', 'pkg', 'newsmark_bg.wasm');
  const bytes = fs.readFileSync(wasm);
  const zip = (b) => {
    const f = path.join(dist, `newsmark-${b}.zip`);
    return fs.existsSync(f) ? fs.statSync(f).size : null;
  };
  return {
    wasm_bytes: bytes.length,
    wasm_gz_bytes: gzipSize(wasm, bytes),
    data_bytes: dirBytes(path.join(dist, 'chrome', 'data')),
    zip_bytes: { chrome: zip('chrome'), firefox: zip('firefox') },
  };
}

const fmt = (x, d = 2) => (x == null ? '-' : Number(x).toFixed(d));

async function main() {
  const t0 = Date.now();
  const items = readIndex(indexFile, { only: args.only })
    .map((it) => ({ id: it.id, src: it.src, url: it.url, bytes: fs.statSync(it.file).size }));
  const server = await serveEvalPages({ www, indexFile, mounts: { '/_nm/': path.join(REPO_ROOT, 'node_modules') } });
  // The adopted pages would fetch their images and styles: nothing leaves the machine.
  const { context, close } = await launchHeadless({ viewport: { width: 1400, height: 1000 } });
  const open = () => openWasmPage(context, `${server.url}_eval/bench.html`,
    { api: 'newsmarkBench', marker: 'newsmark-bench:start ' });

  const rows = new Map();
  let inst = [];
  let offTimes = [];
  const texts = devTexts();
  try {
    let state = await open();
    inst = await state.page.evaluate((n) => window.newsmarkBench.instantiate(n), 9);
    // The largest page runs last, so the memory reading after it is the high-water mark.
    const largest = items.reduce((a, b) => (b.bytes > (a ? a.bytes : -1) ? b : a), null);
    const ordered = items.filter((it) => it !== largest).concat(largest ? [largest] : []);
    const queue = batches(ordered, batchSize);
    // Warm-up (untimed): data tables are parsed and regexes compiled on first use.
    if (ordered.length) await state.page.evaluate((b) => window.newsmarkBench.run(b, 1), ordered.slice(0, 10));
    let cdp = null;
    if (args.cpuprofile) {
      cdp = await context.newCDPSession(state.page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    state = await runBatches({
      queue,
      state,
      open,
      run: (st, batch) => st.page.evaluate(([b, r]) => window.newsmarkBench.run(b, r), [batch, reps]),
      timeoutMs: batchTimeoutMs,
      onDone: (batch, out) => {
        for (const r of out) rows.set(r.id, r);
        process.stderr.write(`\rbench: ${rows.size}/${items.length}`);
      },
      onAbandon: (item, reason) => {
        rows.set(item.id, { id: item.id, error: `${reason} (page abandoned)` });
        process.stderr.write(`\rbench: ${rows.size}/${items.length}`);
      },
    });
    process.stderr.write('\n');
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      fs.writeFileSync(path.resolve(args.cpuprofile), JSON.stringify(profile));
      process.stderr.write(`bench: CPU profile -> ${args.cpuprofile}\n`);
    }
    if (texts.length) offTimes = await state.page.evaluate((t) => window.newsmarkBench.officials(t), texts);
    await state.page.close().catch(() => {});
  } finally {
    await close();
    await server.close();
  }

  const pages = items.map((it) => ({ ...(rows.get(it.id) || { id: it.id, error: 'not run' }), html_bytes: it.bytes }));
  const ok = pages.filter((p) => !p.error);
  const nm = stats(ok.map((p) => p.newsmark));
  const rd = stats(ok.map((p) => p.readability));
  const tw = stats(ok.map((p) => p.textwalk));
  const lay = stats(ok.map((p) => p.layout));
  const parts = Object.fromEntries(['read', 'analyse', 'render'].map((k) => [k, stats(ok.map((p) => p[k]))]));
  const largest = pages[pages.length - 1] && items.length ? pages.reduce((a, b) => (b.html_bytes > a.html_bytes ? b : a)) : null;
  const native = args.native && fs.existsSync(args.native) ? JSON.parse(fs.readFileSync(args.native, 'utf8')) : null;
  const offChars = texts.reduce((n, t) => n + [...t.text].length, 0);
  const offWasm = offChars ? (offTimes.reduce((a, b) => a + b, 0) * 5000) / offChars : null;
  const result = {
    date: new Date().toISOString().slice(0, 10),
    browser: 'chromium (headless)',
    pages: ok.length,
    errors: pages.length - ok.length,
    reps,
    newsmark_ms: nm,
    readability_ms: rd,
    textwalk_ms: tw,
    newsmark_layout_ms: lay,
    newsmark_parts_ms: parts,
    ratio_readability: nm.median != null && rd.median ? nm.median / rd.median : null,
    ratio_textwalk: nm.median != null && tw.median ? nm.median / tw.median : null,
    ...sizes(),
    instantiate_ms: { median: stats(inst).median, runs: inst },
    memory_bytes_after_largest: largest && !largest.error ? largest.memory : null,
    largest_page: largest ? { id: largest.id, html_bytes: largest.html_bytes } : null,
    officials_ms_per_5k: { native: native ? native.officials_ms_per_5k : null, wasm: offWasm },
    native: native || null,
    budgets: {},
    per_page: pages,
  };
  for (const [name, [, check]] of Object.entries(BUDGETS)) {
    let pass = false;
    try {
      pass = Boolean(check(result));
    } catch {
      pass = false;
    }
    result.budgets[name] = pass ? 'PASS' : 'FAIL';
  }
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, JSON.stringify(result, null, 1) + '\n');

  const line = (name, s) => `  ${name.padEnd(12)} median ${fmt(s.median).padStart(8)} ms   p95 ${fmt(s.p95).padStart(8)} ms`;
  const out = [
    `bench: ${ok.length} pages (${result.errors} errors), median of ${reps} runs per page, ${((Date.now() - t0) / 1000).toFixed(0)} s`,
    line('Newsmark', nm),
    line('Readability', rd),
    line('text walk', tw),
    line('(layout)', lay),
    ...Object.entries(parts).map(([k, v]) => line(`  (${k})`, v)),
    `  ratios: Newsmark/Readability ${fmt(result.ratio_readability)}, Newsmark/text walk ${fmt(result.ratio_textwalk)}`,
    `  wasm ${result.wasm_bytes} B (${result.wasm_gz_bytes} B gzipped); data ${result.data_bytes} B; zips chrome ${result.zip_bytes.chrome} B, firefox ${result.zip_bytes.firefox} B`,
    `  instantiation median ${fmt(result.instantiate_ms.median)} ms; memory after the largest page (${largest ? largest.id : '-'}) ${result.memory_bytes_after_largest} B`,
    `  officials per 5,000 chars: wasm ${fmt(offWasm, 3)} ms, native ${fmt(result.officials_ms_per_5k.native, 3)} ms`,
    native ? `  native: ${fmt(native.mb_per_s, 1)} MB/s of page text, median ${fmt(native.analysis_ms.median)} ms, p95 ${fmt(native.analysis_ms.p95)} ms per page` : '  native: (not run)',
  ];
  for (const [name, [desc]] of Object.entries(BUDGETS)) out.push(`  ${result.budgets[name]}  ${desc}`);
  process.stdout.write(out.join('\n') + `\n  -> ${path.relative(process.cwd(), outFile)}\n`);
}

main().catch((e) => {
  console.error(`bench: ${e.stack || e.message || e}`);
  process.exit(1);
});
