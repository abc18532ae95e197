// The browser harness of Newsmark's tools (tools/*.mjs) and end-to-end tests (tests/e2e/):
// the one place that starts browsers, drives the extension's test hook and collects what
// happened, plus the helpers the page tools share (index reader, batch runner, timeouts).
//
//   import { launchBrowser, testExtensionDir } from '../lib/harness.mjs';
//   const browser = await launchBrowser('chromium', { extensionDir: testExtensionDir('chromium') });
//   // or 'firefox' (WebDriver BiDi, webExtension.install)
//   const tab = await browser.newTab();
//   await tab.goto('http://127.0.0.1:8000/samples/sputnik-blinken.html');
//   const before = await tab.outerHTML();
//   const mark = browser.mark();              // events after this count as "after the click"
//   const r = await tab.click();              // test-hook protocol: {state, ms, analysis?, ...}
//   await tab.waitForPanel();                 // polls the panel's data-state
//   const panel = await tab.panel();          // { state, fields: {title, ...}, officials, ... }
//   const n = await tab.highlights();         // custom highlights + <mark data-newsmark-mark>
//   await tab.screenshot('out/e2e/x.png');    // never touches the page's DOM
//   const { errors, dialogs, requests } = browser.since(mark);
//   await browser.close();
//
// Page tools without the extension: launchHeadless() (Chromium, nothing leaves the
// machine), serveEvalPages() (dist/www, the index's folder and www/), openWasmPage() (an
// eval page of www/ with the wasm started and the data loaded), runBatches(), readIndex(),
// withTimeout().
//
// Both browsers run headless from the system binaries (/usr/bin/chromium through
// playwright-core, /usr/bin/firefox through WebDriver BiDi over the `ws` package), each with
// a fresh throw-away profile. Nothing is downloaded.
//
// Environment overrides: CHROMIUM_BIN, FIREFOX_BIN, NEWSMARK_HEADFUL=1 (Chromium only).

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { REPO_ROOT, startServer } from './serve.mjs';

export { REPO_ROOT };

export const CLICK_TIMEOUT_MS = 10_000;
const HOOK_WAIT_MS = 10_000;
const PING_MS = 1_000;
const NAV_TIMEOUT_MS = 30_000;

const EXTENSION_URL = /^(chrome|moz)-extension:\/\//;
const INTERNAL_URL = /^(chrome|moz)-extension:|^(data|blob|about|chrome|resource|moz-icon):/;

export const HIGHLIGHT_NAMES = [
  'newsmark-official',
  'newsmark-person',
  'newsmark-place',
  'newsmark-date',
];

export const PANEL_FIELDS = [
  'title',
  'site_name',
  'domain',
  'url',
  'author',
  'date_published',
  'date_modified',
  'lang',
  'error',
];

/** True for requests Newsmark may make: its own packaged files and in-memory URLs. */
export function isInternalRequest(url) {
  return INTERNAL_URL.test(url);
}

/** True for requests the browser itself makes for any page (the tab icon). */
export function isBrowserRequest(url) {
  try {
    return new URL(url).pathname === '/favicon.ico';
  } catch {
    return false;
  }
}

/**
 * True when a console entry comes from Newsmark rather than from the page's own scripts:
 * raised in an extension file or context, or naming Newsmark.
 */
export function isNewsmarkEntry(entry) {
  return (
    entry.fromExtension ||
    EXTENSION_URL.test(entry.url || '') ||
    /newsmark/i.test(entry.text || '')
  );
}

// ---------------------------------------------------------------------------------------
// Page-side functions. They run in the page's main world, are serialised with toString(),
// and must stay self-contained. None of them touches the DOM they inspect.

function pageSendTestMessage([kind, waitMs, brief]) {
  return new Promise((resolve) => {
    const id = Math.floor(Math.random() * 2 ** 31);
    let timer = 0;
    const onMessage = (ev) => {
      if (ev.source !== window || !ev.data || ev.data.newsmarkTestReply !== id) return;
      window.removeEventListener('message', onMessage);
      clearTimeout(timer);
      const r = ev.data.result ?? null;
      // `brief`: only what the checks need, since a huge page's analysis is large to ship back.
      resolve(!brief || !r ? r : { state: r.state, error: r.error, ms: r.ms,
        notes: r.analysis?.notes, truncated: r.analysis?.truncated,
        officials: (r.analysis?.officials || []).map((o) => o.name) });
    };
    window.addEventListener('message', onMessage);
    timer = setTimeout(() => {
      window.removeEventListener('message', onMessage);
      resolve({ state: 'timeout', error: `no reply to '${kind}' within ${waitMs} ms` });
    }, waitMs);
    window.postMessage({ newsmarkTest: kind, id }, '*');
  });
}

function pageReadPanel(fieldNames) {
  const host = document.getElementById('newsmark-host') ||
    document.querySelector('[data-newsmark="panel"]');
  if (!host) return { present: false };
  const root = host.shadowRoot;
  const fields = {};
  const officials = [];
  if (root) {
    for (const name of fieldNames) {
      const el = root.querySelector(`[data-field="${name}"]`);
      if (el) fields[name] = el.textContent.trim();
    }
    for (const el of root.querySelectorAll('[data-official]')) {
      officials.push(el.textContent.replace(/\s+/g, ' ').trim());
    }
  }
  return {
    present: true,
    shadow: !!root,
    state: host.getAttribute('data-state'),
    fields,
    officials,
  };
}

function pageCountHighlights(names) {
  let n = 0;
  const reg = globalThis.CSS && CSS.highlights;
  if (reg) {
    for (const name of names) {
      const h = reg.get(name);
      if (h) n += h.size;
    }
  }
  return n + document.querySelectorAll('mark[data-newsmark-mark]').length;
}

function pageWaitForPanel(timeoutMs) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const poll = () => {
      const host = document.getElementById('newsmark-host');
      const state = host && host.getAttribute('data-state');
      if (state === 'done' || state === 'error') return resolve(state);
      if (performance.now() - t0 > timeoutMs) return resolve(state || null);
      setTimeout(poll, 50);
    };
    poll();
  });
}

function pageOuterHTML() {
  return document.documentElement ? document.documentElement.outerHTML : '';
}

// ---------------------------------------------------------------------------------------
// Tab: the same operations in both browsers, on top of a browser-specific `evaluate`.

class Tab {
  constructor(browser) {
    this.browser = browser;
  }

  /**
   * Pings the test hook until it answers (its content script may not be injected yet right
   * after load); false when it never did within timeoutMs.
   */
  async waitForHook(timeoutMs = HOOK_WAIT_MS) {
    const t0 = Date.now();
    for (;;) {
      const r = await this.evaluate(pageSendTestMessage, ['ping', PING_MS]);
      if (r && r.state !== 'timeout') return true;
      if (Date.now() - t0 >= timeoutMs) return false;
    }
  }

  /**
   * Runs what the toolbar button runs, through the test hook. Resolves to the hook's result
   * ({state, ms, analysis?, error?, readerUrl?}); {state: 'timeout'} when no reply came.
   * kind 'click-panic' makes the wasm panic after rendering; brief trims the analysis to
   * {notes, truncated, officials: [names]}.
   */
  async click(timeoutMs = CLICK_TIMEOUT_MS, { kind = 'click', brief = false } = {}) {
    if (!this.hookChecked) {
      this.hookChecked = true;
      await this.waitForHook();
    }
    return this.evaluate(pageSendTestMessage, [kind, timeoutMs, brief]);
  }

  panel() {
    return this.evaluate(pageReadPanel, PANEL_FIELDS);
  }

  waitForPanel(timeoutMs = CLICK_TIMEOUT_MS) {
    return this.evaluate(pageWaitForPanel, timeoutMs);
  }

  highlights() {
    return this.evaluate(pageCountHighlights, HIGHLIGHT_NAMES);
  }

  outerHTML() {
    return this.evaluate(pageOuterHTML, null);
  }
}

// ---------------------------------------------------------------------------------------
// Event log shared by both browsers: console entries, dialogs and requests, each stamped
// with a sequence number so callers can ask for "everything after the click".

class EventLog {
  constructor() {
    this.seq = 0;
    this.console = [];
    this.dialogs = [];
    this.requests = [];
  }
  push(list, entry) {
    this[list].push({ seq: ++this.seq, ...entry });
  }
  mark() {
    return this.seq;
  }
  since(mark = 0) {
    const after = (e) => e.seq > mark;
    const consoleAfter = this.console.filter(after);
    const requests = this.requests.filter(after);
    return {
      console: consoleAfter,
      errors: consoleAfter.filter((e) => e.level === 'error' && isNewsmarkEntry(e)),
      pageErrors: consoleAfter.filter((e) => e.level === 'error' && !isNewsmarkEntry(e)),
      dialogs: this.dialogs.filter(after),
      requests: requests.filter((r) => !isInternalRequest(r.url) && !isBrowserRequest(r.url)),
      internalRequests: requests.filter((r) => isInternalRequest(r.url)),
    };
  }
}

/** Flags for every headless Chromium we start: no sandbox in containers, no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const CHROMIUM_BIN = process.env.CHROMIUM_BIN || '/usr/bin/chromium';

function unpackedExtension(extensionDir) {
  const dir = path.resolve(extensionDir);
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`no extension at ${dir} (run make build first)`);
  }
  return dir;
}

/** Polls `find` every 100 ms until it yields something or timeoutMs passes (then null). */
async function poll(find, timeoutMs) {
  const t0 = Date.now();
  for (;;) {
    const found = await find();
    if (found) return found;
    if (Date.now() - t0 >= timeoutMs) return null;
    await new Promise((r) => setTimeout(r, 100));
  }
}

function freshDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function ensureDir(file) {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
}

// ---------------------------------------------------------------------------------------
// Chromium through playwright-core.

class ChromiumTab extends Tab {
  constructor(browser, page) {
    super(browser);
    this.page = page;
    page.setDefaultTimeout(NAV_TIMEOUT_MS);
  }
  get url() {
    return this.page.url();
  }
  async goto(url) {
    await this.page.goto(url, { waitUntil: 'load' });
  }
  evaluate(fn, arg) {
    return this.page.evaluate(fn, arg);
  }
  setViewport(width, height) {
    return this.page.setViewportSize({ width, height });
  }
  async screenshot(file) {
    ensureDir(file);
    // caret 'initial': Playwright otherwise hides the caret by writing a style onto every
    // input, which leaves `style=""` behind and changes the DOM the checks then compare.
    await this.page.screenshot({ path: file, caret: 'initial' });
  }
  async close() {
    await this.page.close();
  }
}

class ChromiumBrowser {
  constructor(context, profile, log) {
    this.name = 'chromium';
    this.context = context;
    this.profile = profile;
    this.log = log;
    this.tabs = new Map();
  }

  static async launch({ extensionDir, headless = process.env.NEWSMARK_HEADFUL !== '1' } = {}) {
    const { chromium } = await import('playwright-core');
    const profile = freshDir('newsmark-chromium-');
    const args = [...CHROMIUM_ARGS];
    if (extensionDir) {
      const dir = unpackedExtension(extensionDir);
      args.push(`--disable-extensions-except=${dir}`, `--load-extension=${dir}`);
    }
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_BIN,
      headless,
      args,
      ignoreDefaultArgs: ['--disable-extensions'],
      viewport: { width: 1280, height: 900 },
    });
    const log = new EventLog();
    const browser = new ChromiumBrowser(context, profile, log);
    context.on('page', (p) => browser.watchPage(p));
    for (const p of context.pages()) browser.watchPage(p);
    context.on('request', (req) => {
      log.push('requests', { url: req.url(), method: req.method(), type: req.resourceType() });
    });
    const watchWorker = (w) => {
      w.on('console', (m) => {
        log.push('console', {
          level: m.type() === 'warning' ? 'warn' : m.type(),
          text: m.text(),
          url: m.location()?.url || w.url(),
          fromExtension: EXTENSION_URL.test(w.url()),
          where: 'background',
        });
      });
    };
    context.on('serviceworker', watchWorker);
    for (const w of context.serviceWorkers()) watchWorker(w);
    if (extensionDir) {
      // The extension's service worker registers shortly after start; waiting for it
      // keeps the first click from racing the background script.
      if (!context.serviceWorkers().some((w) => EXTENSION_URL.test(w.url()))) {
        await context.waitForEvent('serviceworker', { timeout: 10_000 }).catch(() => {});
      }
    }
    return browser;
  }

  watchPage(page) {
    if (this.tabs.has(page)) return this.tabs.get(page);
    const tab = new ChromiumTab(this, page);
    this.tabs.set(page, tab);
    const log = this.log;
    page.on('console', (m) => {
      log.push('console', {
        level: m.type() === 'warning' ? 'warn' : m.type(),
        text: m.text(),
        url: m.location()?.url || '',
        where: page.url(),
      });
    });
    page.on('pageerror', (err) => {
      log.push('console', {
        level: 'error',
        text: String(err && (err.stack || err.message || err)),
        url: '',
        where: page.url(),
      });
    });
    page.on('dialog', (d) => {
      log.push('dialogs', { type: d.type(), message: d.message(), where: page.url() });
      d.dismiss().catch(() => {});
    });
    return tab;
  }

  mark() {
    return this.log.mark();
  }
  since(mark) {
    return this.log.since(mark);
  }

  async newTab() {
    const page = await this.context.newPage();
    return this.watchPage(page);
  }

  /** The open tab whose URL starts with `prefix` (e.g. a reader tab), waiting for it. */
  async findTab(prefix, timeoutMs = CLICK_TIMEOUT_MS) {
    const page = await poll(
      () => this.context.pages().find((p) => p.url().startsWith(prefix)),
      timeoutMs,
    );
    if (!page) return null;
    await page.waitForLoadState('load').catch(() => {});
    return this.watchPage(page);
  }

  async close() {
    await this.context.close().catch(() => {});
    fs.rmSync(this.profile, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------
// Firefox through WebDriver BiDi.

const FIREFOX_PREFS = {
  'xpinstall.signatures.required': false,
  'extensions.autoDisableScopes': 0,
  'extensions.enabledScopes': 15,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.webextensions.restrictedDomains': '',
  // MV3 host permissions are opt-in in Firefox; the test build's host permission must be
  // live without a user granting it.
  'extensions.originControls.grantByDefault': true,
  'app.update.disabledForTesting': true,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.startup.page': 0,
  'browser.newtabpage.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.http.speculative-parallel-limit': 0,
  'services.settings.server': 'http://127.0.0.1:9/',
  'dom.disable_open_during_load': false,
  'ui.systemUsesDarkTheme': 0,
};

function bidiDeserialize(v) {
  if (!v || typeof v !== 'object') return v;
  switch (v.type) {
    case 'undefined':
    case 'null':
      return null;
    case 'string':
    case 'boolean':
      return v.value;
    case 'number':
      return typeof v.value === 'number' ? v.value : Number(v.value);
    case 'array':
      return (v.value || []).map(bidiDeserialize);
    case 'object':
      return Object.fromEntries((v.value || []).map(([k, x]) => [k, bidiDeserialize(x)]));
    default:
      return `[${v.type}]`;
  }
}

class FirefoxTab extends Tab {
  constructor(browser, context) {
    super(browser);
    this.context = context;
    this.currentUrl = 'about:blank';
  }
  get url() {
    return this.currentUrl;
  }
  async goto(url) {
    const r = await this.browser.send('browsingContext.navigate', {
      context: this.context,
      url,
      wait: 'complete',
    });
    this.currentUrl = r.url || url;
  }
  async evaluate(fn, arg) {
    // Results travel as JSON text, which avoids BiDi's value serialisation depth limits.
    const expression =
      `Promise.resolve((${fn.toString()})(${JSON.stringify(arg ?? null)}))` +
      '.then((r) => JSON.stringify(r === undefined ? null : r))';
    const r = await this.browser.send('script.evaluate', {
      expression,
      target: { context: this.context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (r.type === 'exception') {
      const d = r.exceptionDetails || {};
      throw new Error(`page script failed: ${d.text || JSON.stringify(d)}`);
    }
    const text = bidiDeserialize(r.result);
    return typeof text === 'string' ? JSON.parse(text) : text;
  }
  setViewport(width, height) {
    return this.browser.send('browsingContext.setViewport', {
      context: this.context,
      viewport: { width, height },
    });
  }
  async screenshot(file) {
    ensureDir(file);
    const r = await this.browser.send('browsingContext.captureScreenshot', {
      context: this.context,
      origin: 'viewport',
    });
    fs.writeFileSync(file, Buffer.from(r.data, 'base64'));
  }
  async close() {
    await this.browser.send('browsingContext.close', { context: this.context });
  }
}

class FirefoxBrowser {
  constructor(proc, ws, profile, log) {
    this.name = 'firefox';
    this.proc = proc;
    this.ws = ws;
    this.profile = profile;
    this.log = log;
    this.nextId = 1;
    this.pending = new Map();
    this.tabs = new Map();
    this.extensionId = null;
    ws.on('message', (data) => this.onMessage(data));
    ws.on('close', () => {
      for (const { reject } of this.pending.values()) reject(new Error('BiDi connection closed'));
      this.pending.clear();
    });
  }

  static async launch({ extensionDir } = {}) {
    const profile = freshDir('newsmark-firefox-');
    fs.writeFileSync(
      path.join(profile, 'user.js'),
      Object.entries(FIREFOX_PREFS)
        .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
        .join('\n') + '\n',
    );
    const proc = spawn(
      process.env.FIREFOX_BIN || '/usr/bin/firefox',
      ['--headless', '--no-remote', '--remote-debugging-port', '0', '--profile', profile,
        '--width', '1280', '--height', '900'],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' } },
    );
    const wsBase = await new Promise((resolve, reject) => {
      let buf = '';
      const timer = setTimeout(() => reject(new Error(`firefox did not start:\n${buf}`)), 30_000);
      const onData = (d) => {
        buf += d.toString();
        const m = buf.match(/WebDriver BiDi listening on (ws:\/\/[^\s]+)/);
        if (m) {
          clearTimeout(timer);
          resolve(m[1].replace(/\/$/, ''));
        }
      };
      proc.stderr.on('data', onData);
      proc.stdout.on('data', onData);
      proc.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`firefox exited (${code}) before BiDi was ready:\n${buf}`));
      });
    });
    // Keep draining output so the pipes never fill up.
    proc.stderr.resume();
    proc.stdout.resume();
    const ws = new WebSocket(`${wsBase}/session`, { perMessageDeflate: false });
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    const log = new EventLog();
    const browser = new FirefoxBrowser(proc, ws, profile, log);
    await browser.send('session.new', { capabilities: { alwaysMatch: { unhandledPromptBehavior: { default: 'ignore' } } } });
    await browser.send('session.subscribe', {
      events: [
        'log.entryAdded',
        'network.beforeRequestSent',
        'browsingContext.userPromptOpened',
        'browsingContext.contextCreated',
        'browsingContext.navigationStarted',
      ],
    });
    if (extensionDir) {
      const dir = unpackedExtension(extensionDir);
      const r = await browser.send('webExtension.install', {
        extensionData: { type: 'path', path: dir },
      });
      browser.extensionId = r.extension;
    }
    return browser;
  }

  send(method, params = {}) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  onMessage(data) {
    let msg;
    try {
      msg = JSON.parse(data.toString());
    } catch {
      return;
    }
    if (msg.id !== undefined && this.pending.has(msg.id)) {
      const { resolve, reject, method } = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.type === 'error' || msg.error) {
        reject(new Error(`${method}: ${msg.error}: ${msg.message || ''}`));
      } else {
        resolve(msg.result);
      }
      return;
    }
    if (msg.type === 'event') this.onEvent(msg.method, msg.params || {});
  }

  onEvent(method, p) {
    const log = this.log;
    if (method === 'log.entryAdded') {
      const frames = p.stackTrace?.callFrames || [];
      const url = frames.find((f) => f.url)?.url || '';
      const text = p.text ?? (p.args || []).map((a) => bidiDeserialize(a)).join(' ');
      log.push('console', {
        level: p.level === 'warn' ? 'warn' : p.level,
        text: String(text ?? ''),
        url,
        where: this.tabUrl(p.source?.context),
        fromExtension: !p.source?.context && !!url && EXTENSION_URL.test(url),
      });
    } else if (method === 'network.beforeRequestSent') {
      log.push('requests', {
        url: p.request?.url || '',
        method: p.request?.method || '',
        where: this.tabUrl(p.context),
      });
    } else if (method === 'browsingContext.userPromptOpened') {
      log.push('dialogs', { type: p.type, message: p.message, where: this.tabUrl(p.context) });
      this.send('browsingContext.handleUserPrompt', { context: p.context, accept: false }).catch(
        () => {},
      );
    } else if (method === 'browsingContext.navigationStarted') {
      const tab = this.tabs.get(p.context);
      if (tab && p.url) tab.currentUrl = p.url;
    }
  }

  tabUrl(context) {
    return (context && this.tabs.get(context)?.currentUrl) || '';
  }

  mark() {
    return this.log.mark();
  }
  since(mark) {
    return this.log.since(mark);
  }

  async newTab() {
    const r = await this.send('browsingContext.create', { type: 'tab' });
    const tab = new FirefoxTab(this, r.context);
    this.tabs.set(r.context, tab);
    await tab.setViewport(1280, 900).catch(() => {});
    return tab;
  }

  /** The open tab whose URL starts with `prefix` (e.g. a reader tab), waiting for it. */
  async findTab(prefix, timeoutMs = CLICK_TIMEOUT_MS) {
    const found = await poll(async () => {
      const tree = await this.send('browsingContext.getTree', { maxDepth: 0 });
      return (tree.contexts || []).find((c) => (c.url || '').startsWith(prefix));
    }, timeoutMs);
    if (!found) return null;
    let tab = this.tabs.get(found.context);
    if (!tab) {
      tab = new FirefoxTab(this, found.context);
      this.tabs.set(found.context, tab);
    }
    tab.currentUrl = found.url;
    return tab;
  }

  async close() {
    try {
      await Promise.race([
        this.send('browser.close', {}),
        new Promise((r) => setTimeout(r, 3000)),
      ]);
    } catch {
      // The browser may already be gone; the process kill below settles it.
    }
    this.ws.terminate();
    if (this.proc.exitCode === null) {
      await new Promise((r) => {
        const t = setTimeout(() => {
          this.proc.kill('SIGKILL');
          r();
        }, 5000);
        this.proc.once('exit', () => {
          clearTimeout(t);
          r();
        });
      });
    }
    fs.rmSync(this.profile, { recursive: true, force: true });
  }
}

/** Launches 'chromium' or 'firefox' headless with the unpacked extension at extensionDir. */
export async function launchBrowser(name, opts = {}) {
  if (name === 'chromium' || name === 'chrome') return ChromiumBrowser.launch(opts);
  if (name === 'firefox') return FirefoxBrowser.launch(opts);
  throw new Error(`unknown browser: ${name} (chromium or firefox)`);
}

/** The test build of the extension for a browser (built by `make build`). */
export function testExtensionDir(name, root = REPO_ROOT) {
  return path.join(root, 'dist', name === 'firefox' ? 'firefox-test' : 'chrome-test');
}

// ---------------------------------------------------------------------------------------
// Page tools: the real wasm build in headless Chromium, without the extension.

/** Rejects with "timeout after ms ms" when `promise` has not settled by then. */
export function withTimeout(promise, ms) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timeout after ${ms} ms`)), ms);
    }),
  ]);
}

/**
 * The pages of an index (JSON Lines of {"id", "html" (relative to the index's folder),
 * "url"}, as ../shared/suites/index.jsonl), in order: [{id, src (its address on
 * serveEvalPages' server), url, file (its path)}]; `only` keeps the ids that contain it.
 */
export function readIndex(indexFile, { only } = {}) {
  const items = [];
  const lines = fs.readFileSync(indexFile, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let entry;
    try {
      entry = JSON.parse(line);
    } catch (e) {
      throw new Error(`${indexFile}:${i + 1}: ${e.message}`);
    }
    if (!entry.id || !entry.html) throw new Error(`${indexFile}:${i + 1}: needs "id" and "html"`);
    if (only && !entry.id.includes(only)) return;
    const src = '/_index/' + entry.html.split(/[\\/]/).map(encodeURIComponent).join('/');
    const file = path.join(path.dirname(indexFile), entry.html);
    items.push({ id: entry.id, src, url: entry.url || '', file });
  });
  return items;
}

/**
 * Serves what the eval pages need: `www` (a build's dist/www: pkg/ and data/) at /, the
 * index's folder at /_index/ and the repository's www/ (the eval pages) at /_eval/.
 */
export function serveEvalPages({ www = path.join(REPO_ROOT, 'dist/www'), indexFile, mounts = {} }) {
  if (!fs.existsSync(path.join(www, 'pkg', 'newsmark.js'))) {
    throw new Error(`${path.join(www, 'pkg', 'newsmark.js')} missing (run make build)`);
  }
  return startServer({
    port: 0,
    www,
    mounts: {
      ...(indexFile ? { '/_index/': path.dirname(indexFile) } : {}),
      '/_eval/': path.join(REPO_ROOT, 'www'),
      ...mounts,
    },
  });
}

/**
 * Headless Chromium without the extension, and one context whose requests may only reach
 * 127.0.0.1 (the pages under test would fetch their images and styles from the web);
 * blockWeb false leaves requests to the page (roundtrip-pages' frames forbid them by CSP).
 */
export async function launchHeadless({ viewport, blockWeb = true } = {}) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM_BIN, headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext(viewport ? { viewport } : {});
  if (blockWeb) await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  return { browser, context, close: () => browser.close().catch(() => {}) };
}

/**
 * Opens an eval page of www/ (harness.html, bench.html) and waits for `window[api].ready`
 * (the wasm started, the data loaded). The page logs "<marker><id>" as it starts each
 * item, so a batch that hangs can be blamed on its page: the state's lastStarted.
 * echoErrors copies the page's console errors to stderr.
 */
export async function openWasmPage(context, url, { api, marker, echoErrors = false }) {
  const page = await context.newPage();
  const state = { page, lastStarted: null, crashed: false };
  page.on('console', (m) => {
    const t = m.text();
    if (t.startsWith(marker)) state.lastStarted = t.slice(marker.length);
    else if (echoErrors && m.type() === 'error' && !t.startsWith('Failed to load resource'))
      process.stderr.write(`page console: ${t}\n`);
  });
  page.on('crash', () => {
    state.crashed = true;
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate((name) => window[name].ready, api);
  return state;
}

/**
 * Runs `queue` (arrays of items, shared between workers) through `run(state, batch)`, each
 * batch within timeoutMs. A batch that hangs or crashes its tab is blamed on the item its
 * page last started (`onAbandon(item, reason)`), the rest of it goes back to the queue, and
 * the work goes on in a fresh page from `open()`. Resolves to the page it ends with.
 */
export async function runBatches({ queue, state, open, run, timeoutMs, onDone, onAbandon }) {
  while (queue.length) {
    const batch = queue.shift();
    state.lastStarted = null;
    try {
      onDone(batch, await withTimeout(run(state, batch), timeoutMs));
    } catch (e) {
      const reason = state.crashed ? 'renderer crashed' : e.message.split('\n')[0];
      const hung = batch.findIndex((it) => it.id === state.lastStarted);
      const culprit = hung >= 0 ? hung : 0;
      onAbandon(batch[culprit], reason);
      const rest = batch.filter((_, i) => i !== culprit);
      if (rest.length) queue.unshift(rest);
      await state.page.close().catch(() => {});
      state = await open();
    }
  }
  return state;
}

/** Splits items into batches of `size`. */
export function batches(items, size) {
  const out = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
