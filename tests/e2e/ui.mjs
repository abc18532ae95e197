// End-to-end tests of Newsmark's in-page interface, run by run.mjs in both browsers:
//   ui-seed:     panel sections and counts, live region, highlights, the mention card by
//                keyboard, evidence on focus, highlight toggles, both exports, axe-core on
//                Newsmark's own elements, Esc, and the DOM restored exactly after all that.
//   ui-rerender: a page that re-renders its article and loads more text after the click.
//   ui-long:     600 paragraphs.
//   ui-narrow:   a 360 px wide viewport (docked sheet, collapse).
//   ui-csp:      the strict-CSP page (reader panel in Chromium, in-page card in Firefox).
// Screenshots: OUT/<browser>-ui-*.png. With NEWSMARK_DOCS=1, Chromium also writes the README
// screenshots docs/screenshot-light.png and docs/screenshot-dark.png.
// Asserts behaviour only: waits poll for an observable state with generous limits, never
// sleep or measure.

import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../lib/harness.mjs';
import { brief, firstDifference } from './report.mjs';

const SEED = 'samples/sputnik-blinken.html';
const AXE = path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js');

// ---------------------------------------------------------------------------------------
// Page-side functions (self-contained; serialised into the page).

function pageUi() {
  const host = document.getElementById('newsmark-host');
  if (!host || !host.shadowRoot) return { present: false };
  const root = host.shadowRoot;
  const sections = {};
  for (const s of root.querySelectorAll('[data-section]')) {
    sections[s.getAttribute('data-section')] = s.querySelector('h3')?.textContent || '';
  }
  const card = root.querySelector('.card');
  const reg = globalThis.CSS && CSS.highlights;
  const hl = {};
  for (const k of ['official', 'person', 'place', 'date', 'current']) {
    const h = reg && reg.get('newsmark-' + k);
    hl[k] = h ? h.size : 0;
    if (k === 'current' && h) hl.currentText = [...h][0]?.toString() || '';
  }
  const r = host.getBoundingClientRect();
  return {
    present: true,
    state: host.getAttribute('data-state'),
    collapsed: host.hasAttribute('data-collapsed'),
    rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height },
    viewport: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
    sections,
    summary: root.querySelector('.summary')?.textContent || '',
    officials: [...root.querySelectorAll('[data-official]')].map((li) => ({
      name: li.getAttribute('data-official'),
      count: parseInt(li.querySelector('.count')?.textContent || '0', 10),
    })),
    card: card && !card.hidden ? {
      text: card.textContent,
      name: card.querySelector('.card-name')?.textContent || '',
      pos: card.querySelector('.card-pos')?.textContent || '',
      lookup: card.querySelector('a[data-lookup]')?.href || '',
      inPanelItem: !!card.closest('li'),
    } : null,
    highlights: hl,
    activeInPanel: root.activeElement ? (root.activeElement.getAttribute('data-action') || root.activeElement.tagName) : null,
  };
}

function pageFocusOfficial(i) {
  const b = document.getElementById('newsmark-host').shadowRoot.querySelectorAll('[data-action=goto]')[i];
  if (!b) return false;
  b.focus();
  return true;
}

function pageKey([key, where]) {
  const root = document.getElementById('newsmark-host')?.shadowRoot;
  const target = where === 'panel' ? (root.activeElement || root.querySelector('button')) : document.body;
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
  return true;
}

function pageEvidenceOnFocus() {
  const root = document.getElementById('newsmark-host').shadowRoot;
  const el = root.querySelector('[data-evidence]');
  if (!el) return null;
  el.focus();
  const after = getComputedStyle(el, '::after').content;
  return { focused: root.activeElement === el, after, tabindex: el.getAttribute('tabindex') };
}

function pageToggleKind(kind) {
  const box = document.getElementById('newsmark-host').shadowRoot
    .querySelector(`input[data-action=kind][data-kind=${kind}]`);
  if (!box) return null;
  box.click();
  return box.checked;
}

async function pageExport(action) {
  const root = document.getElementById('newsmark-host').shadowRoot;
  root.querySelector(`[data-action=${action}]`).click();
  const status = root.querySelector('[data-field=export-status]');
  const t0 = performance.now();
  while (/Copying|^$/.test(status.textContent) && performance.now() - t0 < 5000) {
    await new Promise((r) => setTimeout(r, 50));
  }
  const area = root.querySelector('textarea[data-field=export-text]');
  let text = area ? area.value : null;
  let via = area ? 'fallback' : 'clipboard';
  if (!area) {
    try { text = await navigator.clipboard.readText(); } catch (e) { text = null; via = 'clipboard (unreadable: ' + e.message + ')'; }
  }
  return { status: status.textContent, text, via };
}

function pageRunAxe(src) {
  if (!globalThis.axe) (0, eval)(src);
  return axe.run({ include: [['#newsmark-host']] }, { resultTypes: ['violations'] }).then((r) => ({
    violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, target: v.nodes[0]?.target })),
    passes: r.passes.length,
  }));
}

function pageCall(name) {
  window[name]();
  return true;
}

function pageClick(action) {
  const el = document.getElementById('newsmark-host')?.shadowRoot?.querySelector(`[data-action=${action}]`);
  if (!el) return false;
  el.click();
  return true;
}

function pageTraces() {
  const reg = globalThis.CSS && CSS.highlights;
  const names = reg ? [...reg.keys()].filter((k) => k.startsWith('newsmark')) : [];
  return {
    host: !!document.getElementById('newsmark-host'),
    marks: document.querySelectorAll('mark[data-newsmark-mark]').length,
    highlights: names,
    sheets: document.adoptedStyleSheets.length,
  };
}

async function pageWaitFor([kind, value, ms]) {
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    const root = document.getElementById('newsmark-host')?.shadowRoot;
    if (kind === 'official' && root?.querySelector(`[data-official="${value}"]`)) return true;
    // The live region is filled shortly after the panel is in the page.
    if (kind === 'summary' && root?.querySelector('.summary')?.textContent) return true;
    if (kind === 'card' && root?.querySelector('.card:not([hidden])')) return true;
    if (kind === 'highlights') {
      const h = CSS.highlights.get('newsmark-official');
      if (h && h.size >= value) return true;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

// ---------------------------------------------------------------------------------------

export function makeUiTests({ check, outDir }) {
  const shot = (tab, browser, name) =>
    tab.screenshot(path.join(outDir, `${browser.name}-ui-${name}.png`)).catch(() => {});

  async function uiSeed(browser, base) {
    const p = `${browser.name} ui-seed`;
    if (browser.name === 'chromium') {
      await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']).catch(() => {});
    }
    const tab = await browser.newTab();
    await tab.goto(base + SEED);
    const before = await tab.outerHTML();
    const r = await tab.click();
    check(`${p}: annotates`, r?.state === 'annotated', brief(r?.error || r?.state));
    await tab.waitForPanel();
    await tab.evaluate(pageWaitFor, ['summary', null, 5000]);
    let ui = await tab.evaluate(pageUi, null);
    for (const s of ['source', 'dates', 'officials', 'context']) {
      check(`${p}: section ${s}`, s in ui.sections, brief(ui.sections));
    }
    check(`${p}: counts in headers`, /\(\d+\)/.test(ui.sections.officials) && /\(\d+\)/.test(ui.sections.context),
      brief(ui.sections));
    check(`${p}: live region`, /^Newsmark: \d+ officials?, published 3 Feb 2023$/.test(ui.summary), brief(ui.summary));
    const counts = ui.officials.map((o) => o.count);
    check(`${p}: officials sorted by mentions`, counts.length > 0 && counts.every((c, i) => i === 0 || counts[i - 1] >= c),
      brief(ui.officials));
    const total = counts.reduce((a, b) => a + b, 0);
    check(`${p}: every official mention highlighted`, ui.highlights.official >= total && total > 0,
      `${ui.highlights.official} highlights for ${total} mentions`);

    // Keyboard: focus the first official -> card; arrows move between its mentions.
    await tab.evaluate(pageFocusOfficial, 0);
    ui = await tab.evaluate(pageUi, null);
    const first = ui.officials[0];
    check(`${p}: focus shows the card`, ui.card && ui.card.name === first.name, brief(ui.card));
    check(`${p}: card has role, tenure, count`, !!ui.card && /office|Former/.test(ui.card.text) && /Mention 1 of \d/.test(ui.card.pos),
      brief(ui.card?.text));
    check(`${p}: card look-up link`, (ui.card?.lookup || '').startsWith('https://en.wikipedia.org/wiki/Special:Search?search='),
      brief(ui.card?.lookup));
    check(`${p}: keyboard card sits in the panel's tab order`, !!ui.card?.inPanelItem);
    await tab.evaluate(pageKey, ['ArrowRight', 'panel']);
    ui = await tab.evaluate(pageUi, null);
    check(`${p}: ArrowRight moves to the next mention`, /^Mention 2 of/.test(ui.card?.pos || '') && ui.highlights.current === 1,
      brief(ui.card?.pos));
    check(`${p}: current mention flashed`, first.name.includes(ui.highlights.currentText) || ui.highlights.currentText.length > 2,
      brief(ui.highlights.currentText));
    await shot(tab, browser, 'card');
    const ax = await tab.evaluate(pageRunAxe, fs.readFileSync(AXE, 'utf8')).catch((e) => ({ error: e.message }));
    check(`${p}: axe-core finds no violations in Newsmark`, !!ax && !ax.error && ax.violations.length === 0,
      brief(ax?.error || ax?.violations));
    await tab.evaluate(pageKey, ['Escape', 'panel']);
    ui = await tab.evaluate(pageUi, null);
    check(`${p}: Esc closes the card first`, ui.present && !ui.card);

    const ev = await tab.evaluate(pageEvidenceOnFocus, null);
    check(`${p}: evidence visible on keyboard focus`, !!ev && ev.focused && /from |attr\(data-evidence\)/.test(ev.after || ''), brief(ev));

    const on = await tab.evaluate(pageToggleKind, 'date');
    ui = await tab.evaluate(pageUi, null);
    check(`${p}: dates toggle on`, on === true && ui.highlights.date > 0, brief(ui.highlights));
    await tab.evaluate(pageToggleKind, 'person');
    await shot(tab, browser, 'kinds');
    const off = await tab.evaluate(pageToggleKind, 'date');
    ui = await tab.evaluate(pageUi, null);
    check(`${p}: dates toggle off`, off === false && ui.highlights.date === 0, brief(ui.highlights));

    const json = await tab.evaluate(pageExport, 'copy-json');
    let parsed = null;
    try { parsed = JSON.parse(json.text); } catch { /* reported below */ }
    check(`${p}: JSON export (${json.via})`, parsed?.officials?.length === ui.officials.length && !!parsed?.title,
      brief(json));
    const anno = await tab.evaluate(pageExport, 'copy-anno');
    let ann = null;
    try { ann = JSON.parse(anno.text); } catch { /* reported below */ }
    const all = ann?.first?.items || [];
    // One "identifying" annotation per official mention; the source profile's entries come
    // as "assessing" annotations on the whole page (no quote selector), one each.
    const items = all.filter((it) => it.motivation === 'identifying');
    const assessing = all.filter((it) => it.motivation === 'assessing');
    const sels = items.map((it) => it.target?.selector?.[0]).filter(Boolean);
    check(`${p}: Web Annotation export (${anno.via})`,
      ann?.['@context'] === 'http://www.w3.org/ns/anno.jsonld' && items.length === total &&
      items.length + assessing.length === all.length &&
      sels.every((s) => s.type === 'TextQuoteSelector' && s.exact && typeof s.prefix === 'string' && typeof s.suffix === 'string') &&
      sels.some((s) => first.name.includes(s.exact)),
      brief(anno.text || anno));
    await shot(tab, browser, 'export');

    await tab.evaluate(pageKey, ['Escape', 'page']);
    const traces = await tab.evaluate(pageTraces, null);
    check(`${p}: Esc closes the panel, no traces left`, !traces.host && !traces.marks && traces.highlights.length === 0 && traces.sheets === 0,
      brief(traces));
    const after = await tab.outerHTML();
    check(`${p}: DOM restored exactly after cards, toggles and exports`, after === before, firstDifference(before, after));
    await tab.close().catch(() => {});
  }

  async function uiRerender(browser, base) {
    const p = `${browser.name} ui-rerender`;
    const tab = await browser.newTab();
    await tab.goto(base + 'fixtures/rerender.html');
    const r = await tab.click();
    check(`${p}: annotates`, r?.state === 'annotated', brief(r?.error || r?.state));
    await tab.waitForPanel();
    let ui = await tab.evaluate(pageUi, null);
    const n0 = ui.highlights.official;
    await tab.evaluate(pageCall, 'rerender');
    const got = await tab.evaluate(pageWaitFor, ['official', 'Antonio Guterres', 5000]);
    ui = await tab.evaluate(pageUi, null);
    check(`${p}: re-rendered article re-annotated`, got && ui.highlights.official > n0, brief(ui.officials));
    await tab.evaluate(pageCall, 'loadMore');
    const more = await tab.evaluate(pageWaitFor, ['official', 'Sergey Lavrov', 5000]);
    ui = await tab.evaluate(pageUi, null);
    check(`${p}: "read more" text annotated`, more && ui.highlights.official >= n0 + 3, brief(ui.highlights));
    check(`${p}: panel kept`, ui.state === 'done', brief(ui.state));
    await shot(tab, browser, 'rerender');
    const r2 = await tab.click();
    const traces = await tab.evaluate(pageTraces, null);
    check(`${p}: clear leaves no traces`, r2?.state === 'cleared' && !traces.host && traces.highlights.length === 0 && traces.sheets === 0,
      brief(traces));
    await tab.close().catch(() => {});
  }

  async function uiLong(browser, base) {
    const p = `${browser.name} ui-long`;
    const tab = await browser.newTab();
    await tab.goto(base + 'fixtures/long.html');
    const before = await tab.outerHTML();
    const r = await tab.click();
    check(`${p}: annotates 600 paragraphs`, r?.state === 'annotated', brief(r?.error || r?.state));
    await tab.waitForPanel();
    const ui = await tab.evaluate(pageUi, null);
    check(`${p}: mentions throughout highlighted`, ui.highlights.official >= 400, brief(ui.highlights));
    await tab.evaluate(pageFocusOfficial, 0);
    await tab.evaluate(pageKey, ['ArrowLeft', 'panel']);
    const last = await tab.evaluate(pageUi, null);
    check(`${p}: ArrowLeft from the start reaches the last mention`, /^Mention (\d+) of \1$/.test(last.card?.pos || ''),
      brief(last.card?.pos));
    await shot(tab, browser, 'long');
    const r2 = await tab.click();
    const after = await tab.outerHTML();
    check(`${p}: cleared, DOM restored exactly`, r2?.state === 'cleared' && after === before, firstDifference(before, after));
    await tab.close().catch(() => {});
  }

  async function uiNarrow(browser, base) {
    const p = `${browser.name} ui-narrow`;
    const tab = await browser.newTab();
    await tab.setViewport(360, 740);
    await tab.goto(base + SEED);
    const r = await tab.click();
    check(`${p}: annotates`, r?.state === 'annotated', brief(r?.error || r?.state));
    await tab.waitForPanel();
    let ui = await tab.evaluate(pageUi, null);
    const fits = ui.rect.left >= 0 && ui.rect.right <= ui.viewport.width + 0.5 && ui.rect.width > 300;
    check(`${p}: panel fits 360 px`, fits, brief(ui.rect));
    check(`${p}: docked at the bottom, leaves the top half`, ui.rect.top >= ui.viewport.height * 0.45, brief(ui.rect));
    await shot(tab, browser, 'narrow');
    await tab.evaluate(pageClick, 'collapse');
    ui = await tab.evaluate(pageUi, null);
    check(`${p}: collapses to its header`, ui.collapsed && ui.rect.height < 80, brief(ui.rect));
    await shot(tab, browser, 'narrow-collapsed');
    await tab.close().catch(() => {});
  }

  async function uiCsp(browser, base) {
    const p = `${browser.name} ui-csp`;
    const tab = await browser.newTab();
    await tab.goto(`${base}csp/${SEED}`);
    const r = await tab.click();
    let where = tab;
    if (browser.name === 'chromium') {
      where = r?.readerUrl ? await browser.findTab(r.readerUrl) : null;
      check(`${p}: reader opened`, !!where, brief(r));
      if (!where) return;
    }
    await where.waitForPanel();
    await where.evaluate(pageWaitFor, ['summary', null, 5000]);
    const ui = await where.evaluate(pageUi, null);
    check(`${p}: sections and highlights`, 'officials' in ui.sections && ui.highlights.official > 0, brief(ui));
    await where.evaluate(pageFocusOfficial, 0);
    const k = await where.evaluate(pageUi, null);
    check(`${p}: card by keyboard`, !!k.card?.name, brief(k.card));
    await shot(where, browser, 'csp');
    if (where !== tab) await where.close().catch(() => {});
    if (browser.name !== 'chromium') await tab.click();
    await tab.close().catch(() => {});
  }

  async function uiDocs(browser, base) {
    if (browser.name !== 'chromium' || process.env.NEWSMARK_DOCS !== '1') return;
    for (const scheme of ['light', 'dark']) {
      const tab = await browser.newTab();
      await tab.page.setViewportSize({ width: 1200, height: 760 });
      await tab.page.emulateMedia({ colorScheme: scheme });
      await tab.goto(base + SEED);
      await tab.click();
      await tab.waitForPanel();
      await tab.evaluate(pageFocusOfficial, 0);
      await tab.evaluate(pageKey, ['ArrowRight', 'panel']);
      await tab.evaluate(pageWaitFor, ['card', null, 5000]);
      const file = path.join(REPO_ROOT, 'docs', `screenshot-${scheme}.png`);
      await tab.screenshot(file);
      check(`docs screenshot ${scheme}`, fs.existsSync(file));
      await tab.close().catch(() => {});
    }
  }

  return [uiSeed, uiRerender, uiLong, uiNarrow, uiCsp, uiDocs];
}
