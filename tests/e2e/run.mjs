#!/usr/bin/env node
// End-to-end test of the Newsmark test builds in headless Chromium and Firefox (`make e2e`).
//
// Usage:
//   node tests/e2e/run.mjs [--browser chromium|firefox|both] [--out out/e2e]
//                          [--www dist/www] [--chrome-ext dist/chrome-test]
//                          [--firefox-ext dist/firefox-test]
//
// Needs `make build` first. Serves dist/www on a free 127.0.0.1 port and, in each browser:
//   seed: the seed sample page; click -> panel with title, site name, published date;
//         screenshot; no Newsmark console errors, dialogs or network requests after the
//         click; second click -> document.documentElement.outerHTML identical to before.
//   csp:  the same page under `Content-Security-Policy: script-src 'self'`; Chromium ->
//         state 'reader' and the reader tab shows the panel with the title; Firefox ->
//         annotates in the page, and the second click restores it.
//   input: tests/fixtures/pages/form-input.html (text fields, one focused); click,
//         screenshot, click -> outerHTML identical to before (see input.mjs).
// Screenshots go to OUT/<browser>-<test>.png. Prints one line per check, then
// "N passed, M failed"; exits 1 when any check failed. Never asserts timings.

import fs from 'node:fs';
import path from 'node:path';
import { startServer, parseArgs } from '../../lib/serve.mjs';
import { REPO_ROOT, launchBrowser } from '../../lib/harness.mjs';
import { brief, checkQuiet as quiet, firstDifference, makeReport } from './report.mjs';
import { inputTest } from './input.mjs';
import { makeUiTests } from './ui.mjs';

const SEED_PATH = 'samples/sputnik-blinken.html';
const SEED_TITLE =
  'Blinken Failed to Offer Steps to End Violence in Middle East, Palestinian Foreign Minister Says';
const SEED_SITE = 'Sputnik International';
const SEED_DATE_PREFIX = '2023-02-03T11:16';

const args = parseArgs(process.argv.slice(2));
const which = args.browser || 'both';
const browsers = which === 'both' ? ['chromium', 'firefox'] : [which];
const outDir = path.resolve(REPO_ROOT, args.out || 'out/e2e');
const extDirs = {
  chromium: path.resolve(REPO_ROOT, args['chrome-ext'] || 'dist/chrome-test'),
  firefox: path.resolve(REPO_ROOT, args['firefox-ext'] || 'dist/firefox-test'),
};

const { check, finish } = makeReport();
const checkQuiet = (prefix, events, opts) => quiet(check, prefix, events, opts);

function checkSeedPanel(prefix, panel) {
  const f = (panel && panel.fields) || {};
  check(`${prefix}: panel present`, !!panel?.present && panel.shadow, brief(panel));
  check(`${prefix}: panel finished`, panel?.state === 'done', `data-state=${panel?.state}`);
  check(`${prefix}: panel title`, f.title === SEED_TITLE, brief(f.title));
  check(`${prefix}: panel site name`, f.site_name === SEED_SITE, brief(f.site_name));
  check(`${prefix}: panel published date`, (f.date_published || '').startsWith(SEED_DATE_PREFIX),
    brief(f.date_published));
}

// The Source section shows both profiles of the seed's outlet: the state-media typology
// and the Wikipedia editors' consensus, with its credit line.
function pageSourceLines() {
  const host = document.getElementById('newsmark-host') ||
    document.querySelector('[data-newsmark="panel"]');
  const root = host && host.shadowRoot;
  if (!root) return null;
  const text = (sel) => [...root.querySelectorAll(sel)].map((e) => e.textContent.trim());
  return {
    profile: text('[data-field="source_profile"]'),
    consensus: text('[data-field="source_consensus"]'),
    credit: text('.hint').filter((t) => t.includes('Perennial sources')),
  };
}

async function checkSeedSource(prefix, tab) {
  const s = await tab.evaluate(pageSourceLines);
  check(`${prefix}: source profile is state-controlled`,
    (s?.profile?.[0] || '').includes('Russian state-controlled'), brief(s?.profile));
  check(`${prefix}: source consensus is deprecated`,
    (s?.consensus?.[0] || '').startsWith("Wikipedia editors' consensus (March 2021): deprecated"),
    brief(s?.consensus));
  check(`${prefix}: consensus credited`, (s?.credit || []).length === 1, brief(s?.credit));
}

async function seedTest(browser, base) {
  const p = `${browser.name} seed`;
  const tab = await browser.newTab();
  await tab.goto(base + SEED_PATH);
  const before = await tab.outerHTML();
  const mark = browser.mark();
  const r = await tab.click();
  check(`${p}: click annotates`, r?.state === 'annotated', brief(r?.error || r?.state));
  await tab.waitForPanel();
  checkSeedPanel(p, await tab.panel());
  await checkSeedSource(p, tab);
  const n = await tab.highlights();
  console.log(`     ${p}: ${n} highlights, ${Math.round(r?.ms ?? NaN)} ms click to done`);
  await tab.screenshot(path.join(outDir, `${browser.name}-seed.png`));
  const r2 = await tab.click();
  check(`${p}: second click clears`, r2?.state === 'cleared', brief(r2?.error || r2?.state));
  const after = await tab.outerHTML();
  check(`${p}: outerHTML restored`, after === before, firstDifference(before, after));
  checkQuiet(p, browser.since(mark));
  await tab.close().catch(() => {});
}

async function cspTest(browser, base) {
  const p = `${browser.name} csp`;
  const url = `${base}csp/${SEED_PATH}`;
  const tab = await browser.newTab();
  await tab.goto(url);
  const before = await tab.outerHTML();
  const mark = browser.mark();
  const r = await tab.click();
  if (browser.name === 'chromium') {
    check(`${p}: click opens the reader`, r?.state === 'reader' && !!r.readerUrl,
      brief(r?.error || r));
    const reader = r?.readerUrl ? await browser.findTab(r.readerUrl) : null;
    check(`${p}: reader tab open`, !!reader, brief(r?.readerUrl));
    if (reader) {
      await reader.waitForPanel();
      const panel = await reader.panel();
      check(`${p}: reader panel title`, panel?.fields?.title === SEED_TITLE,
        brief(panel?.fields?.title ?? panel));
      await reader.screenshot(path.join(outDir, `${browser.name}-csp-reader.png`));
    }
    check(`${p}: page left untouched`, (await tab.outerHTML()) === before);
  } else {
    check(`${p}: click annotates in the page`, r?.state === 'annotated', brief(r?.error || r?.state));
    await tab.waitForPanel();
    checkSeedPanel(p, await tab.panel());
    await tab.screenshot(path.join(outDir, `${browser.name}-csp.png`));
    const r2 = await tab.click();
    check(`${p}: second click clears`, r2?.state === 'cleared', brief(r2?.error || r2?.state));
    const after = await tab.outerHTML();
    check(`${p}: outerHTML restored`, after === before, firstDifference(before, after));
  }
  // The reader may read the page it was opened for; nothing else may be fetched.
  checkQuiet(p, browser.since(mark), { allowUrls: [url] });
  await tab.close().catch(() => {});
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const www = path.resolve(REPO_ROOT, args.www || 'dist/www');
  if (!fs.existsSync(path.join(www, SEED_PATH))) {
    check('seed sample served', false, `${path.join(www, SEED_PATH)} missing (run make build)`);
  }
  const server = await startServer({ port: 0, www });
  try {
    for (const name of browsers) {
      let browser;
      try {
        browser = await launchBrowser(name, { extensionDir: extDirs[name] });
      } catch (e) {
        check(`${name}: launch with ${path.relative(REPO_ROOT, extDirs[name])}`, false, e.message);
        continue;
      }
      const uiTests = makeUiTests({ check, outDir });
      const input = (b, base) => inputTest(b, base, { check, outDir });
      for (const test of [seedTest, cspTest, input, ...uiTests]) {
        try {
          await test(browser, server.url);
        } catch (e) {
          check(`${name} ${test.name}: ran to the end`, false, e.stack || e.message);
        }
      }
      await browser.close();
    }
  } finally {
    await server.close();
  }
  finish();
}

main().catch((e) => {
  console.error(e.stack || e);
  finish(1);
  process.exit(1);
});
