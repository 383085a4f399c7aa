// Top functions of a `node --cpu-prof` profile by self and by inclusive time, optionally per message:
//   node scripts/cpuprofile-top.mjs <file.cpuprofile> [--messages N] [--top N]
// The profiler samples the main thread's wall clock, so a native call (the addon's produce, librdkafka
// under it) counts as self time of the JS function that made it; `(idle)` is the event loop waiting.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { messages: { type: 'string' }, top: { type: 'string', default: '30' } },
});
if (positionals.length !== 1) {
  process.stderr.write('usage: node scripts/cpuprofile-top.mjs <file.cpuprofile> [--messages N] [--top N]\n');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(positionals[0], 'utf8'));
const messages = Number(values.messages ?? 0);
const top = Number(values.top);

const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parents = new Map();
for (const n of profile.nodes) for (const child of n.children ?? []) parents.set(child, n.id);
const sampled = new Map();
profile.samples.forEach((id, i) => sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

/** `name file:line`, with paths shortened to the package. */
const label = (node) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url.replace(/^.*\/(packages|benchmarks|node_modules)\//, '$1/');
  return `${functionName || '(anonymous)'} ${where}${where === '' ? '' : `:${lineNumber + 1}`}`;
};

const self = new Map();
const inclusive = new Map();
let total = 0;
for (const [id, us] of sampled) {
  total += us;
  const own = label(nodes.get(id));
  self.set(own, (self.get(own) ?? 0) + us);
  // Each function once per sample, however often it recurses.
  const seen = new Set();
  for (let at = id; at !== undefined; at = parents.get(at)) {
    const name = label(nodes.get(at));
    if (seen.has(name)) continue;
    seen.add(name);
    inclusive.set(name, (inclusive.get(name) ?? 0) + us);
  }
}

const row = (name, us) =>
  `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %` +
  `${messages > 0 ? ` ${(us / messages).toFixed(2).padStart(6)} µs/msg` : ''}  ${name}`;
const print = (title, table) => {
  console.log(title);
  for (const [name, us] of [...table].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(row(name, us));
};
console.log(`sampled ${(total / 1000).toFixed(0)} ms`);
print('self time', self);
print('inclusive time', inclusive);
