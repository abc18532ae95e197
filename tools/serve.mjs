#!/usr/bin/env node
// Serves Newsmark's demo site, the suites and the fixture pages on 127.0.0.1 (the server
// itself is lib/serve.mjs, which the tools and the tests import).
//
// Usage:
//   node tools/serve.mjs [--port N] [--www DIR] [--suites DIR] [--fixtures DIR] [--verbose]
//     --port      port on 127.0.0.1 (default 8000; 0 = pick a free one)
//     --www       root served at /          (default dist/www)
//     --suites    root served at /suites/   (default ../shared/suites)
//     --fixtures  root served at /fixtures/ (default tests/fixtures/pages)
//   Prints "serving http://127.0.0.1:<port>/" once listening; Ctrl-C stops it.
//   Relative directories are resolved against the repository root; any path under /csp/
//   is served with `Content-Security-Policy: script-src 'self'`.

import fs from 'node:fs';
import { startServer, parseArgs } from '../lib/serve.mjs';

async function main() {
  const args = parseArgs(process.argv.slice(2), { flags: ['verbose'] });
  const port = Number(args.port ?? args._[0] ?? 8000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`bad port: ${args.port ?? args._[0]}`);
    process.exit(2);
  }
  const srv = await startServer({
    port,
    www: args.www,
    suites: args.suites,
    fixtures: args.fixtures,
    quiet: !args.verbose,
  });
  for (const [prefix, dir] of Object.entries(srv.mounts)) {
    if (!fs.existsSync(dir)) console.error(`note: ${prefix} -> ${dir} does not exist (yet)`);
  }
  console.log(`serving ${srv.url}`);
  const stop = () => srv.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
