// Summarises a Chrome CPU profile (.cpuprofile, e.g. from `tools/bench.mjs --cpuprofile`):
// self and total time per function, heaviest first.
//
//   node tools/profile-summary.mjs FILE.cpuprofile [--top 40] [--match <substring>]
//        [--under <substring>]  (only samples with such a function on the stack)
import fs from 'node:fs';
import { parseArgs } from '../lib/serve.mjs';

const args = parseArgs(process.argv.slice(2));
const file = args._[0];
if (!file) {
  console.error('usage: node tools/profile-summary.mjs FILE.cpuprofile [--top N] [--match S]');
  process.exit(2);
}
const prof = JSON.parse(fs.readFileSync(file, 'utf8'));
const top = Number(args.top || 40);
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children || []) parent.set(c, n.id);
const dt = new Map();
prof.samples.forEach((id, i) => dt.set(id, (dt.get(id) || 0) + (prof.timeDeltas[i] || 0)));
const name = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url ? n.callFrame.url.split('/').pop() : ''}`.trim();
const self = new Map();
const total = new Map();
let all = 0;
const under = (id) => {
  for (let cur = id; cur != null; cur = parent.get(cur)) if (name(byId.get(cur)).includes(args.under)) return true;
  return false;
};
for (const [id, us] of dt) {
  if (args.under && !under(id)) continue;
  all += us;
  const n = byId.get(id);
  self.set(name(n), (self.get(name(n)) || 0) + us);
  // Each function once per stack, however deep it recurses.
  const seen = new Set();
  for (let cur = id; cur != null; cur = parent.get(cur)) {
    const k = name(byId.get(cur));
    if (seen.has(k)) continue;
    seen.add(k);
    total.set(k, (total.get(k) || 0) + us);
  }
}
const rows = [...self.entries()]
  .filter(([k]) => !args.match || k.includes(args.match))
  .sort((a, b) => b[1] - a[1])
  .slice(0, top);
console.log(`profile: ${(all / 1000).toFixed(0)} ms sampled`);
console.log('   self ms  total ms  function');
for (const [k, us] of rows) console.log(`${(us / 1000).toFixed(1).padStart(9)} ${((total.get(k) || 0) / 1000).toFixed(1).padStart(9)}  ${k}`);
