#!/usr/bin/env node
// Annotates one page with the Newsmark test build in a headless browser and reports what
// happened (`make e2e-page URL=<http url> OUT=<dir> [BROWSER=chromium|firefox]`).
//
// Usage:
//   node tools/e2e-page.mjs --url <http(s) url> --out <dir> [--browser chromium|firefox]
//                           [--ext <unpacked test build>]
//   --ext defaults to dist/chrome-test or dist/firefox-test (built by `make build`).
//
// Opens URL, triggers Newsmark exactly as the toolbar button does (through the test build's
// page hook; the test build has host access and the hook on every page, which release
// builds never have), waits for it to finish (10 s at most), screenshots OUT/annotated.png,
// clicks again to clear, and writes:
//   OUT/analysis.json  what Newsmark found (the analysis object; in reader mode, where the
//                      analysis stays inside the reader tab, the panel's fields instead)
//   OUT/report.json    { url, browser, state, panel (bool), panelState, fields, officials,
//                      highlights (count), ms (click to done), errors (Newsmark's console
//                      errors), pageErrors, dialogs, requests (network requests after the
//                      click, extension-internal ones left out), restored (outerHTML
//                      identical after the second click), readerUrl?, error? }
// Prints a one-line summary; exits 1 when Newsmark did not finish (no panel, error state,
// timeout) or the page was not restored, 2 on bad arguments.

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from '../lib/serve.mjs';
import { launchBrowser, testExtensionDir } from '../lib/harness.mjs';

const args = parseArgs(process.argv.slice(2));
const url = args.url || args._[0];
const out = args.out || args._[1];
const browserName = args.browser || 'chromium';

function usage(msg) {
  console.error(`e2e-page: ${msg}`);
  console.error('usage: node tools/e2e-page.mjs --url <http url> --out <dir> [--browser chromium|firefox]');
  process.exit(2);
}

function entryText(list) {
  return list.map((e) => ({ text: e.text, url: e.url || undefined, where: e.where || undefined }));
}

async function main() {
  if (!url || !/^https?:\/\//.test(url)) usage('--url must be an http(s) URL');
  if (!out) usage('--out is required');
  if (!['chromium', 'chrome', 'firefox'].includes(browserName)) usage(`unknown browser ${browserName}`);
  const outDir = path.resolve(out);
  fs.mkdirSync(outDir, { recursive: true });
  const extensionDir = args.ext ? path.resolve(args.ext) : testExtensionDir(browserName);

  const report = { url, browser: browserName, state: null, panel: false };
  let analysis = null;
  const browser = await launchBrowser(browserName, { extensionDir });
  try {
    const tab = await browser.newTab();
    try {
      await tab.goto(url);
    } catch (e) {
      // Pages that never finish loading (endless trackers, long polls) can still be read.
      report.loadWarning = e.message.split('\n')[0];
    }
    const before = await tab.outerHTML();
    const mark = browser.mark();
    const r = (await tab.click()) || { state: 'error', error: 'no result' };
    report.state = r.state;
    report.ms = r.ms ?? null;
    if (r.error) report.error = r.error;

    let shown = tab;
    if (r.state === 'reader') {
      report.readerUrl = r.readerUrl;
      shown = (r.readerUrl && (await browser.findTab(r.readerUrl))) || null;
    }
    if (shown) {
      report.panelState = await shown.waitForPanel();
      const panel = await shown.panel();
      report.panel = !!panel.present && (panel.state === 'done' || panel.state === 'error');
      report.fields = panel.fields || {};
      report.officials = panel.officials || [];
      report.highlights = await shown.highlights();
      await shown.screenshot(path.join(outDir, 'annotated.png'));
      analysis = r.analysis ?? (panel.present ? { fromPanel: true, ...panel.fields } : null);
    } else {
      report.highlights = 0;
    }

    if (r.state === 'annotated') {
      const r2 = await tab.click();
      report.secondState = r2 && r2.state;
    }
    report.restored = (await tab.outerHTML()) === before;

    const ev = browser.since(mark);
    report.errors = entryText(ev.errors);
    report.pageErrors = entryText(ev.pageErrors);
    report.dialogs = ev.dialogs.map(({ type, message }) => ({ type, message }));
    report.requests = ev.requests.map((q) => q.url);
  } finally {
    await browser.close();
  }

  fs.writeFileSync(path.join(outDir, 'analysis.json'), JSON.stringify(analysis, null, 2) + '\n');
  fs.writeFileSync(path.join(outDir, 'report.json'), JSON.stringify(report, null, 2) + '\n');
  const ok = report.panel && report.panelState === 'done' && report.restored;
  console.log(
    `e2e-page: ${browserName} ${report.state}; panel ${report.panel ? report.panelState : 'missing'}; ` +
      `${report.highlights} highlights; ${report.errors.length} errors; ` +
      `${report.requests.length} requests; restored ${report.restored} -> ${path.relative(process.cwd(), outDir) || '.'}`,
  );
  process.exitCode = ok ? 0 : 1;
}

main().catch((e) => {
  console.error(`e2e-page: ${e.stack || e.message || e}`);
  process.exit(1);
});
