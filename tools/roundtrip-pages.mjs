#!/usr/bin/env node
// Property check over saved pages: annotate then clear leaves the live document exactly as
// it was (`document.documentElement.outerHTML` identical), with the real wasm build in
// headless Chromium (`make roundtrip-pages`).
//
// Usage: node tools/roundtrip-pages.mjs [--index ../shared/suites/index.jsonl] [--only S]
//
// Each page is loaded as a live document in a sandboxed same-origin iframe (srcdoc, no
// scripts: the page's own scripts would change it on their own), then toggle_document runs
// twice (annotate, clear; after an error panel, once more to clear). Prints the pages that
// differ or fail, then "N pages: M restored, K differ, F failed"; exits 1 unless all
// were restored. Before that, each page is read by both DOM walks (the JS one of
// src/web/walk.js and dom.rs's Rust one, wasm export compare_walks): "walks: N pages, M
// differ" closes the output, and any difference fails the run too.

import path from 'node:path';
import { parseArgs } from '../lib/serve.mjs';
import { REPO_ROOT, launchHeadless, readIndex, serveEvalPages } from '../lib/harness.mjs';

const args = parseArgs(process.argv.slice(2));
const indexFile = path.resolve(args.index || args._[0] || path.join(REPO_ROOT, '../shared/suites/index.jsonl'));
const www = path.resolve(REPO_ROOT, args.www || 'dist/www');
const items = readIndex(indexFile, { only: args.only });

// Runs in the harness page: one page at a time, in a fresh sandboxed iframe.
async function pageRoundtrip(batch) {
  if (!globalThis.__nm) {
    const { startWasm } = await import('/_eval/wasm.mjs');
    globalThis.__nm = (await startWasm()).mod;
  }
  const nm = globalThis.__nm;
  const out = [];
  for (const item of batch) {
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-same-origin');
    // Subresources (images, fonts, styles from the web) are blocked at once rather than
    // left to time out: the property is about the document, not its assets.
    frame.setAttribute('csp', "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    try {
      const bytes = new Uint8Array(await (await fetch(item.src)).arrayBuffer());
      let html;
      try {
        html = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        html = new TextDecoder('windows-1252').decode(bytes);
      }
      await new Promise((resolve) => {
        frame.onload = resolve;
        setTimeout(resolve, 3000);
        frame.srcdoc = html;
        document.body.appendChild(frame);
      });
      const doc = frame.contentDocument;
      const before = doc.documentElement ? doc.documentElement.outerHTML : '';
      const walks = nm.compare_walks ? nm.compare_walks(doc) : 'no compare_walks export';
      const states = [];
      for (let i = 0; i < 3; i++) {
        const r = nm.toggle_document(doc, item.url);
        const state = r instanceof Map ? r.get('state') : r.state;
        states.push(state);
        if (state === 'cleared') break;
      }
      const after = doc.documentElement ? doc.documentElement.outerHTML : '';
      let at = -1;
      if (after !== before) {
        at = 0;
        while (at < before.length && before[at] === after[at]) at++;
      }
      out.push({ id: item.id, states, same: after === before, at, walks,
        ctx: at < 0 ? '' : JSON.stringify([before.slice(at - 40, at + 60), after.slice(at - 40, at + 60)]) });
    } catch (e) {
      out.push({ id: item.id, error: String(e && (e.stack || e.message) || e) });
    } finally {
      frame.remove();
    }
  }
  return out;
}

async function main() {
  const server = await serveEvalPages({ www, indexFile });
  const { context, close } = await launchHeadless({ blockWeb: false });
  let restored = 0;
  let differ = 0;
  let failedN = 0;
  let walksDiffer = 0;
  try {
    const page = await context.newPage();
    await page.goto(server.url + 'index.html').catch(() => page.goto(server.url));
    for (let i = 0; i < items.length; i += 20) {
      const batch = items.slice(i, i + 20);
      let res;
      try {
        res = await page.evaluate(pageRoundtrip, batch);
      } catch (e) {
        res = batch.map((b) => ({ id: b.id, error: String(e.message || e) }));
        await page.reload().catch(() => {});
      }
      process.stderr.write(`${Math.min(i + batch.length, items.length)}/${items.length}\r`);
      for (const r of res) {
        if (!r.error && r.walks) {
          walksDiffer++;
          console.log(`WALK ${r.id}: ${r.walks.slice(0, 300)}`);
        }
        if (r.error) {
          failedN++;
          console.log(`FAIL ${r.id}: ${r.error.split('\n')[0]}`);
        } else if (!r.same) {
          differ++;
          console.log(`DIFF ${r.id} (${r.states.join(',')}) at ${r.at}: ${r.ctx}`);
        } else {
          restored++;
        }
      }
    }
  } finally {
    await close();
    await server.close();
  }
  console.log(`${items.length} pages: ${restored} restored, ${differ} differ, ${failedN} failed`);
  console.log(`walks: ${items.length - failedN} pages, ${walksDiffer} differ`);
  process.exitCode = restored === items.length && walksDiffer === 0 ? 0 : 1;
}

main().catch((e) => {
  console.error(e.stack || e);
  process.exit(1);
});
