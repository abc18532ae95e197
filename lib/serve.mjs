// Static HTTP server for Newsmark's browser tests, demo and page evaluation (no deps): the
// module behind tools/serve.mjs (the command) and lib/harness.mjs (the browser harness).
//
//   import { startServer } from '../lib/serve.mjs';
//   const srv = await startServer({ port: 0, mounts: { '/extra/': '/some/dir' } });
//   srv.url  // 'http://127.0.0.1:43121/'
//   await srv.close();
//
// Default mounts: dist/www at /, ../shared/suites at /suites/, tests/fixtures/pages at
// /fixtures/ (relative directories are resolved against the repository root). Any path
// under /csp/ serves the same file as without the /csp prefix, with the header
// `Content-Security-Policy: script-src 'self'`, so tests can see how Newsmark copes with a
// page whose policy forbids wasm in content scripts.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const CSP_PREFIX = '/csp';
export const STRICT_CSP = "script-src 'self'";

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.xhtml': 'application/xhtml+xml; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonl': 'application/jsonl; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export function mimeType(file) {
  return MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

function resolveDir(dir) {
  return path.resolve(REPO_ROOT, dir);
}

/** Default mount table: URL prefix (ending in '/') -> directory. Longest prefix wins. */
export function defaultMounts({ www, suites, fixtures } = {}) {
  return {
    '/': resolveDir(www ?? 'dist/www'),
    '/suites/': resolveDir(suites ?? '../shared/suites'),
    '/fixtures/': resolveDir(fixtures ?? 'tests/fixtures/pages'),
  };
}

/** Maps a URL path to a file path, or null when it would leave its root. */
function locate(mounts, urlPath) {
  let rel;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  for (const prefix of prefixes) {
    const bare = prefix.replace(/\/$/, '');
    if (rel === bare || rel.startsWith(prefix)) {
      const root = mounts[prefix];
      const inner = rel.slice(bare.length).replace(/^\/+/, '');
      const file = path.resolve(root, inner);
      if (file !== root && !file.startsWith(root + path.sep)) return null;
      return file;
    }
  }
  return null;
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
}

/**
 * Starts the server. Options: port (0 = free port), host (default 127.0.0.1), www,
 * suites, fixtures (directories), mounts (extra or overriding prefix -> dir entries),
 * quiet (no request log; default true).
 * Resolves to { server, port, url, close() }.
 */
export function startServer(opts = {}) {
  const mounts = { ...defaultMounts(opts) };
  for (const [prefix, dir] of Object.entries(opts.mounts || {})) {
    mounts[prefix.endsWith('/') ? prefix : prefix + '/'] = resolveDir(dir);
  }
  const host = opts.host || '127.0.0.1';
  const quiet = opts.quiet ?? true;

  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
    }
    let urlPath;
    try {
      urlPath = new URL(req.url, 'http://x').pathname;
    } catch {
      return send(res, 400, 'bad request\n');
    }
    const headers = { 'Cache-Control': 'no-store' };
    if (urlPath === CSP_PREFIX || urlPath.startsWith(CSP_PREFIX + '/')) {
      urlPath = urlPath.slice(CSP_PREFIX.length) || '/';
      headers['Content-Security-Policy'] = STRICT_CSP;
    }
    let file = locate(mounts, urlPath);
    if (!file) return send(res, 404, 'not found\n', headers);
    fs.stat(file, (err, st) => {
      if (!err && st.isDirectory()) {
        if (!urlPath.endsWith('/')) {
          const loc = (headers['Content-Security-Policy'] ? CSP_PREFIX : '') + urlPath + '/';
          return send(res, 301, 'moved\n', { ...headers, Location: loc });
        }
        file = path.join(file, 'index.html');
        return fs.stat(file, (err2, st2) => serveFile(err2, st2));
      }
      serveFile(err, st);
    });

    function serveFile(err, st) {
      if ((err || !st.isFile()) && urlPath === '/favicon.ico') {
        // Browsers ask for it on every page; a 404 would show up as a console error.
        res.writeHead(204, headers);
        return res.end();
      }
      if (err || !st.isFile()) {
        if (!quiet) console.error(`404 ${req.url}`);
        return send(res, 404, 'not found\n', headers);
      }
      res.writeHead(200, {
        ...headers,
        'Content-Type': mimeType(file),
        'Content-Length': st.size,
      });
      if (req.method === 'HEAD') return res.end();
      const stream = fs.createReadStream(file);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
      if (!quiet) console.error(`200 ${req.url}`);
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      const port = server.address().port;
      resolve({
        server,
        port,
        mounts,
        url: `http://${host}:${port}/`,
        close: () =>
          new Promise((r) => {
            server.closeAllConnections?.();
            server.close(() => r());
          }),
      });
    });
  });
}

/** Tiny `--name value` / `--flag` parser shared by the tools. */
export function parseArgs(argv, { flags = [] } = {}) {
  const out = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) {
        out[a.slice(2, eq)] = a.slice(eq + 1);
      } else if (flags.includes(a.slice(2))) {
        out[a.slice(2)] = true;
      } else {
        out[a.slice(2)] = argv[++i];
      }
    } else {
      out._.push(a);
    }
  }
  return out;
}
