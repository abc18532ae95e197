#!/usr/bin/env node
// Main text of every page of an index by Readability 0.6.0 on jsdom, the peer in README's
// main-text table (a measuring tool, never shipped).
//
//   node tools/peers-text.mjs INDEX.jsonl OUT.json
//
// OUT maps each page id to {"text": ...} (Readability's textContent), the shape
// `newsmark eval-pages` writes, so `../shared/suites/score_text.py` scores it the same way.
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';

const [index, out] = process.argv.slice(2);
if (!index || !out) {
  console.error('usage: node tools/peers-text.mjs INDEX.jsonl OUT.json');
  process.exit(2);
}
const base = path.dirname(path.resolve(index));
const preds = {};
// Pages' own CSS and script errors are noise here.
const quiet = new VirtualConsole();
for (const line of fs.readFileSync(index, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const page = JSON.parse(line);
  const html = fs.readFileSync(path.join(base, page.html), 'utf8');
  try {
    const dom = new JSDOM(html, { url: page.url || 'http://localhost/', virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    preds[page.id] = { text: (article && article.textContent) || '' };
    dom.window.close();
  } catch (e) {
    preds[page.id] = { text: '', error: String(e) };
  }
}
fs.writeFileSync(out, JSON.stringify(preds));
console.error(`wrote ${Object.keys(preds).length} predictions to ${out}`);
