// Summarises a V8 CPU profile (`node --cpu-prof`): self time by function and by module, as markdown tables.
// Usage: node bench/profileSummary.mjs FILE.cpuprofile [--top 25] [--from SECONDS --to SECONDS]
// --from/--to keep only the samples of a window (e.g. the load phase), in seconds since the profile started.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (file === undefined) {
  process.stderr.write('usage: node bench/profileSummary.mjs FILE.cpuprofile [--top N] [--from S --to S]\n');
  process.exit(2);
}
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const top = opt('top', 25);
const from = opt('from', 0);
const to = opt('to', Infinity);

const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
let t = 0;
let total = 0;
let idle = 0;
profile.samples.forEach((id, i) => {
  t += profile.timeDeltas[i] ?? 0;
  const s = t / 1e6;
  if (s < from || s > to) return;
  const n = nodes.get(id);
  const name = n.callFrame.functionName || '(anonymous)';
  total++;
  if (name === '(idle)') idle++;
  self.set(id, (self.get(id) ?? 0) + 1);
});

const moduleOf = (url) => {
  if (url === '') return '(native / VM)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  const pkg = /packages\/([^/]+)\/dist\/(.+)\.js/.exec(url);
  if (pkg) return `${pkg[1]}/${pkg[2]}`;
  if (url.startsWith('node:')) return url;
  return url.replace(/^file:\/\//, '');
};

const byFunction = new Map();
const byModule = new Map();
for (const [id, count] of self) {
  const n = nodes.get(id);
  const name = n.callFrame.functionName || '(anonymous)';
  const mod = moduleOf(n.callFrame.url);
  const key = `${name} — ${mod}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + count);
  byModule.set(mod, (byModule.get(mod) ?? 0) + count);
}
const busy = total - idle;
const pct = (c, of) => `${((100 * c) / of).toFixed(1)} %`;
const table = (title, map) => {
  const rows = [...map]
    .filter(([k]) => !k.startsWith('(idle)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top);
  return [`| ${title} | share of busy samples |`, '|---|---:|', ...rows.map(([k, c]) => `| ${k.replace(/\|/g, '\\|')} | ${pct(c, busy)} |`)].join('\n');
};
process.stdout.write(
  `${total} samples in the window, busy ${pct(busy, total)} of them\n\n${table('module (self time)', byModule)}\n\n${table('function — module (self time)', byFunction)}\n`,
);
