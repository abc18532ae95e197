// Unit tests for lib/serve.mjs, the server behind tools/serve.mjs (run: node --test tests/tools/).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../lib/serve.mjs';

function tree() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-serve-'));
  const www = path.join(root, 'www');
  const suites = path.join(root, 'suites');
  fs.mkdirSync(path.join(www, 'pkg'), { recursive: true });
  fs.mkdirSync(path.join(suites, 'a b'), { recursive: true });
  fs.writeFileSync(path.join(www, 'index.html'), '<p>home</p>');
  fs.writeFileSync(path.join(www, 'pkg', 'x.wasm'), Buffer.from([0, 97, 115, 109]));
  fs.writeFileSync(path.join(suites, 'a b', 'page.html'), '<p>suite</p>');
  fs.writeFileSync(path.join(root, 'secret.txt'), 'secret');
  return { root, www, suites };
}

test('serves roots, MIME types and the strict CSP prefix', async () => {
  const { root, www, suites } = tree();
  const srv = await startServer({ port: 0, www, suites, fixtures: root });
  try {
    let r = await fetch(srv.url);
    assert.equal(r.status, 200);
    assert.equal(await r.text(), '<p>home</p>');
    assert.equal(r.headers.get('content-security-policy'), null);

    r = await fetch(srv.url + 'pkg/x.wasm');
    assert.equal(r.headers.get('content-type'), 'application/wasm');

    r = await fetch(srv.url + 'suites/a%20b/page.html');
    assert.equal(await r.text(), '<p>suite</p>');
    assert.match(r.headers.get('content-type'), /^text\/html/);

    r = await fetch(srv.url + 'csp/suites/a%20b/page.html');
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-security-policy'), "script-src 'self'");

    r = await fetch(srv.url + 'suites', { redirect: 'manual' });
    assert.equal(r.status, 301);
    assert.equal(r.headers.get('location'), '/suites/');

    r = await fetch(srv.url + 'favicon.ico');
    assert.equal(r.status, 204);
  } finally {
    await srv.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('never serves outside its roots', async () => {
  const { root, www, suites } = tree();
  const srv = await startServer({ port: 0, www, suites, fixtures: path.join(root, 'none') });
  try {
    for (const p of ['suites/..%2f..%2fsecret.txt', '..%2fsecret.txt', 'pkg/%2e%2e/%2e%2e/secret.txt',
      '%00', 'nothing-here.html']) {
      const r = await fetch(srv.url + p);
      assert.equal(r.status, 404, p);
    }
    const r = await fetch(srv.url, { method: 'POST' });
    assert.equal(r.status, 405);
  } finally {
    await srv.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
