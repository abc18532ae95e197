#!/usr/bin/env node
// Hostile-input, failure and privacy tests of the Newsmark test builds in headless Chromium
// and Firefox (`make e2e-hardening`, part of `make test`).
//
// Usage: node tests/e2e/hardening.mjs [--browser chromium|firefox|both]
//
// Needs `make build` first. Serves dist/www (seed page) and tests/fixtures/pages (at
// /fixtures/), plus huge pages generated into a temporary folder (at /gen/):
//   hostile: every tests/fixtures/pages/hostile-*.html; click -> panel done (or a plain
//     "no article" note), no dialog, no Newsmark console error, no request, only Newsmark's
//     own elements in the panel's shadow root (no payload element, no on* attribute, links
//     http(s) only); second click -> outerHTML as before.
//   huge: 10 MB of HTML, 100,000 nodes, 10,000 levels deep; click -> panel done, a note
//     when the result is partial; second click restores the page. Prints click-to-done ms.
//     Then the 100,000-node page changes after the click: the panel refreshes within the
//     click's budget (still partial), and the next click clears it.
//   panic: the wasm is made to panic after rendering; -> error panel, nothing else of
//     Newsmark left on the page; next click annotates; the one after restores the page.
//   network (Chromium, CDP Network domain): annotating the seed page makes no request.
// Prints one line per check, then "N passed, M failed"; exits 1 when any check failed.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, parseArgs } from '../../lib/serve.mjs';
import { REPO_ROOT, launchBrowser, isInternalRequest, isBrowserRequest, testExtensionDir } from '../../lib/harness.mjs';
import { brief, checkQuiet as quiet, makeReport } from './report.mjs';

const args = parseArgs(process.argv.slice(2));
const which = args.browser || 'both';
const browsers = which === 'both' ? ['chromium', 'firefox'] : [which];

const FIXTURES = path.join(REPO_ROOT, 'tests/fixtures/pages');
const SEED_PATH = 'samples/sputnik-blinken.html';

const { check, finish } = makeReport();
const checkQuiet = (p, ev) => quiet(check, p, ev);

// ---- page-side functions (serialised with toString; self-contained) ----

/** Everything in the panel's shadow root that did not come from Newsmark's own builder. */
function pageAuditPanel() {
  const hosts = document.querySelectorAll('#newsmark-host, [data-newsmark="panel"]');
  const host = hosts[0];
  if (!host) return { present: false, hosts: 0 };
  const root = host.shadowRoot;
  const allowed = new Set(['section', 'header', 'span', 'button', 'div', 'h2', 'h3', 'dl',
    'dt', 'dd', 'a', 'p', 'ul', 'li', 'ol', 'details', 'summary', 'small', 'strong', 'em',
    'time', 'abbr', 'nav', 'footer', 'q', 'blockquote', 'cite', 'br',
    // The panel's own controls: highlight toggles and the export fallback box.
    'h4', 'fieldset', 'legend', 'label', 'textarea']);
  const bad = [];
  const hrefs = [];
  for (const el of root ? root.querySelectorAll('*') : []) {
    const tag = el.localName;
    const ownCheckbox = tag === 'input' && el.getAttribute('type') === 'checkbox';
    if (!allowed.has(tag) && !ownCheckbox) bad.push(`<${tag}>`);
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) bad.push(`${tag}[${a.name}]`);
      if (a.name === 'href' || a.name === 'src' || a.name === 'xlink:href') hrefs.push(a.value);
    }
  }
  const text = root ? root.textContent : '';
  return {
    present: true,
    hosts: hosts.length,
    shadow: !!root,
    state: host.getAttribute('data-state'),
    bad,
    hrefs,
    text: text.replace(/\s+/g, ' ').slice(0, 4000),
    error: root?.querySelector('[data-field="error"]')?.textContent || null,
  };
}

function pageLeftovers() {
  let highlights = 0;
  const reg = globalThis.CSS && CSS.highlights;
  if (reg) for (const [name, h] of reg) if (/^newsmark-/.test(name)) highlights += h.size;
  return {
    hosts: document.querySelectorAll('#newsmark-host, [data-newsmark="panel"]').length,
    highlights,
    marks: document.querySelectorAll('mark[data-newsmark-mark]').length,
    sheets: document.adoptedStyleSheets.length,
  };
}

// ---- tests ----

// A huge page's click may take long on a loaded machine; only the reply decides.
const click = (tab, kind = 'click') => tab.click(30_000, { kind, brief: true });

function checkPanelSafe(p, audit) {
  check(`${p}: panel in an open shadow root`, audit.present && audit.shadow, brief(audit));
  check(`${p}: no payload element or handler in the panel`, audit.bad.length === 0, brief(audit.bad));
  check(`${p}: panel links are http(s) only`, audit.hrefs.every((h) => /^https?:\/\//i.test(h)),
    brief(audit.hrefs));
}

async function annotateAndRestore(browser, tab, p, url, expect = {}) {
  await tab.goto(url);
  const before = await tab.outerHTML();
  const mark = browser.mark();
  const r = await click(tab);
  check(`${p}: click annotates`, r?.state === 'annotated', brief(r));
  await tab.waitForPanel(30_000);
  const audit = await tab.evaluate(pageAuditPanel, null);
  check(`${p}: panel done`, audit.state === 'done', `data-state=${audit.state}`);
  checkPanelSafe(p, audit);
  if (expect.text) {
    for (const t of expect.text) check(`${p}: panel shows "${t}"`, audit.text.includes(t), brief(audit.text));
  }
  if (expect.officials) {
    for (const o of expect.officials) {
      check(`${p}: finds ${o}`, (r?.officials || []).includes(o), brief(r?.officials));
    }
  }
  if (r?.truncated) {
    check(`${p}: partial result says so`, (r.notes || []).some((n) => /large|first part/i.test(n)),
      brief(r.notes));
  }
  const r2 = await click(tab);
  check(`${p}: second click clears`, r2?.state === 'cleared', brief(r2));
  const after = await tab.outerHTML();
  check(`${p}: outerHTML restored`, after === before, `lengths ${before.length} vs ${after.length}`);
  checkQuiet(p, browser.since(mark));
  return r;
}

const HOSTILE_EXPECT = {
  'hostile-payloads.html': { text: ['<img src=x onerror=', 'Antony Blinken'] },
  'hostile-noarticle.html': { text: ['No article text'] },
  'hostile-frameset.html': { text: ['No article text'] },
  'hostile-rtl.html': { text: ['صحيفة المثال'], officials: ['Sameh Shoukry'] },
  'hostile-nohead.html': { officials: ['Christian Lindner'] },
  'hostile-malformed.html': { officials: ['Boris Pistorius'] },
  'hostile-shadow-iframe.html': {
    officials: ['Olaf Scholz', 'Emmanuel Macron', 'Annalena Baerbock'],
  },
};

async function hostileTests(browser, base) {
  const names = fs.readdirSync(FIXTURES).filter((f) => /^hostile-.*\.html$/.test(f)).sort();
  for (const name of names) {
    const tab = await browser.newTab();
    try {
      await annotateAndRestore(browser, tab, `${browser.name} ${name}`, `${base}fixtures/${name}`,
        HOSTILE_EXPECT[name] || {});
    } finally {
      await tab.close().catch(() => {});
    }
  }
}

function writeHugePages(dir) {
  const para = '<p>Foreign Minister Sergey Lavrov said on 3 March 2023 that "the talks were useful" ' +
    'and President Joe Biden agreed, <a href="/x">adding</a> more words to <b>this</b> text.</p>\n';
  const big = '<!DOCTYPE html><html lang="en"><head><title>Ten megabytes</title></head><body><article>' +
    para.repeat(Math.ceil(10_000_000 / para.length)) + '</article></body></html>';
  fs.writeFileSync(path.join(dir, 'big.html'), big);
  const wide = '<!DOCTYPE html><html><head><title>Many nodes</title></head><body><div>' +
    '<span>President Biden said <b>yes</b></span>'.repeat(34_000) + '</div></body></html>';
  fs.writeFileSync(path.join(dir, 'wide.html'), wide);
  const deep = '<!DOCTYPE html><html><head><title>Deep</title></head><body>' + '<div>'.repeat(10_000) +
    'President Joe Biden said on Monday that the talks were useful.' + '</div>'.repeat(10_000) +
    '</body></html>';
  fs.writeFileSync(path.join(dir, 'deep.html'), deep);
  return ['big.html', 'wide.html', 'deep.html'];
}

async function hugeTests(browser, base, names) {
  for (const name of names) {
    const tab = await browser.newTab();
    try {
      const r = await annotateAndRestore(browser, tab, `${browser.name} huge ${name}`, `${base}gen/${name}`);
      console.log(`     ${browser.name} huge ${name}: ${Math.round(r?.ms ?? NaN)} ms click to done` +
        `${r?.truncated ? ' (partial)' : ''}`);
    } finally {
      await tab.close().catch(() => {});
    }
  }
}

/**
 * Changes the page once the panel is up and resolves when the panel has refreshed (its
 * live region is announced again after every re-read): {refreshed, notes}.
 */
function pageChangeAndWaitForRefresh([text, waitMs]) {
  return new Promise((resolve) => {
    const root = document.getElementById('newsmark-host')?.shadowRoot;
    const summary = root?.querySelector('.summary');
    if (!summary) return resolve({ refreshed: false, notes: null });
    const done = (refreshed) => {
      mo.disconnect();
      clearTimeout(timer);
      resolve({ refreshed, notes: root.querySelector('[data-field=notes]')?.textContent || '' });
    };
    // A refresh whose findings differ rebuilds the panel, live region included: watch the
    // whole shadow root for text written into whichever live region is there.
    const inSummary = (n) => (n.nodeType === 1 ? n : n.parentElement)?.closest?.('.summary');
    const mo = new MutationObserver((recs) => {
      if (recs.some((r) => inSummary(r.target))) done(true);
    });
    let timer = 0;
    const change = () => {
      // The first announcement (just after the click) must not pass for the refresh.
      if (!summary.textContent) return setTimeout(change, 50);
      mo.observe(root, { childList: true, characterData: true, subtree: true });
      timer = setTimeout(() => done(false), waitMs);
      const node = document.createTextNode(text);
      node.__newsmarkTest = true;
      document.body.appendChild(node);
    };
    change();
  });
}

function pageRemoveAdded() {
  for (const n of [...document.body.childNodes]) if (n.__newsmarkTest) n.remove();
  return true;
}

/**
 * A page that changes after the click is read again within the click's budget: on the
 * 100,000-node page the refreshed panel still says the result is partial (an unbounded
 * re-read used to block the tab for minutes, and with it the click replies).
 */
async function liveUpdateTest(browser, base) {
  const p = `${browser.name} huge wide.html changed after the click`;
  const tab = await browser.newTab();
  try {
    await tab.goto(`${base}gen/wide.html`);
    const before = await tab.outerHTML();
    const r = await click(tab);
    check(`${p}: click annotates`, r?.state === 'annotated', brief(r));
    await tab.waitForPanel(30_000);
    const u = await tab.evaluate(pageChangeAndWaitForRefresh,
      [' Foreign Minister Sergey Lavrov said so.', 30_000]);
    check(`${p}: panel refreshed`, u.refreshed, brief(u));
    check(`${p}: re-read within the budget (still partial)`, /large|first part/i.test(u.notes || ''),
      brief(u.notes));
    const r2 = await click(tab);
    check(`${p}: next click clears`, r2?.state === 'cleared', brief(r2));
    await tab.evaluate(pageRemoveAdded, null);
    check(`${p}: outerHTML restored`, (await tab.outerHTML()) === before);
  } finally {
    await tab.close().catch(() => {});
  }
}

async function panicTest(browser, base) {
  const p = `${browser.name} panic`;
  const tab = await browser.newTab();
  try {
    await tab.goto(base + SEED_PATH);
    const before = await tab.outerHTML();
    const r = await click(tab, 'click-panic');
    check(`${p}: forced failure reports an error`, r?.state === 'error', brief(r));
    await tab.waitForPanel(30_000);
    const audit = await tab.evaluate(pageAuditPanel, null);
    check(`${p}: error panel shown`, audit.state === 'error' && !!audit.error, brief(audit));
    const left = await tab.evaluate(pageLeftovers, null);
    check(`${p}: only the error panel is left`,
      left.hosts === 1 && left.highlights === 0 && left.marks === 0, brief(left));
    const r2 = await click(tab);
    check(`${p}: next click annotates`, r2?.state === 'annotated', brief(r2));
    const a2 = await tab.evaluate(pageAuditPanel, null);
    check(`${p}: one panel, done`, a2.hosts === 1 && a2.state === 'done', brief(a2));
    const r3 = await click(tab);
    check(`${p}: then clears`, r3?.state === 'cleared', brief(r3));
    check(`${p}: outerHTML restored`, (await tab.outerHTML()) === before);
    const left3 = await tab.evaluate(pageLeftovers, null);
    check(`${p}: no highlight or stylesheet left`,
      left3.hosts === 0 && left3.highlights === 0 && left3.sheets === 0, brief(left3));
  } finally {
    await tab.close().catch(() => {});
  }
}

/** Chromium only: every request the page target makes, from the CDP Network domain. */
async function networkTest(browser, base) {
  const p = `${browser.name} network (CDP)`;
  const tab = await browser.newTab();
  try {
    await tab.goto(base + SEED_PATH);
    const cdp = await browser.context.newCDPSession(tab.page);
    const seen = [];
    cdp.on('Network.requestWillBeSent', (e) => seen.push(e.request.url));
    await cdp.send('Network.enable');
    const r = await click(tab);
    check(`${p}: click annotates`, r?.state === 'annotated', brief(r));
    await tab.waitForPanel(30_000);
    const r2 = await click(tab);
    check(`${p}: second click clears`, r2?.state === 'cleared', brief(r2));
    const outside = seen.filter((u) => !isInternalRequest(u) && !isBrowserRequest(u));
    check(`${p}: Newsmark makes no request`, outside.length === 0, brief(outside));
    await cdp.detach().catch(() => {});
  } finally {
    await tab.close().catch(() => {});
  }
}

async function main() {
  const gen = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-huge-'));
  const hugeNames = writeHugePages(gen);
  const server = await startServer({ port: 0, mounts: { '/gen/': gen } });
  try {
    for (const name of browsers) {
      let browser;
      try {
        browser = await launchBrowser(name, { extensionDir: testExtensionDir(name) });
      } catch (e) {
        check(`${name}: launch`, false, e.message);
        continue;
      }
      const tests = [hostileTests, (b, u) => hugeTests(b, u, hugeNames), liveUpdateTest, panicTest];
      if (name === 'chromium') tests.push(networkTest);
      for (const t of tests) {
        try {
          await t(browser, server.url);
        } catch (e) {
          check(`${name} ${t.name || 'huge'}: ran to the end`, false, e.stack || e.message);
        }
      }
      await browser.close();
    }
  } finally {
    await server.close();
    fs.rmSync(gen, { recursive: true, force: true });
  }
  finish();
}

main().catch((e) => {
  console.error(e.stack || e);
  process.exit(1);
});
