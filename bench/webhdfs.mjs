// Publishing files to HDFS through WebHDFS, three ways, the same protocol steps each (CREATE under _tmp/, MKDIRS of
// the target folder once, RENAME into place): the lake store (node:http), the `webhdfs` package, and `fetch`.
// Then list and remove through the store. Prints a markdown table. Needs the local stack (deploy/local/stack.sh up hdfs).
// Usage: npm run build && node bench/webhdfs.mjs [files=200] [bytes=1048576] [concurrency=1,8,32]
import { Buffer } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { createWebHdfsLakeStore } from '@placebo/adapters';

const require = createRequire(new URL('../packages/adapters/package.json', import.meta.url));
const webhdfs = require('webhdfs');

const files = Number(process.argv[2] ?? 200);
const bytes = Number(process.argv[3] ?? 1 << 20);
const levels = (process.argv[4] ?? '1,8,32').split(',').map(Number);
const url = process.env.PLACEBO_WEBHDFS_URL ?? 'http://127.0.0.1:9870';
const user = 'placebo-bench';
const base = `/placebo-bench/${randomUUID().slice(0, 8)}`;
const payload = new Uint8Array(Buffer.alloc(bytes, 7));
const paths = Array.from({ length: files }, (_, i) => `t/dt=2026-11-${String(20 + (i % 4))}/part-${i}.parquet`);

const peak = { rss: 0 };
const timer = setInterval(() => (peak.rss = Math.max(peak.rss, process.memoryUsage().rss)), 50);

const pool = async (n, limit, f) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, n) }, async () => {
      while (next < n) await f(next++);
    }),
  );
};
// Waits for every call before failing: a MKDIRS still in flight would recreate a folder after the cleanup.
const settled = async (calls) => {
  const failed = (await Promise.allSettled(calls)).find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
};
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/** The `webhdfs` package doing the store's steps. Its rename cannot ask for OVERWRITE and ignores `{"boolean":false}`. */
const viaPackage = (root) => {
  const { hostname, port } = new URL(url);
  const hdfs = webhdfs.createClient({ host: hostname, port: Number(port), user, path: '/webhdfs/v1' });
  const call = (f) => new Promise((resolve, reject) => f((err) => (err ? reject(err) : resolve())));
  const dirs = new Map();
  const mkdir = (d) =>
    dirs.get(d) ??
    dirs
      .set(
        d,
        call((cb) => hdfs.mkdir(d, cb)),
      )
      .get(d);
  return {
    publish: async (path, data) => {
      const tmp = `${root}/_tmp/${randomUUID()}.tmp`;
      const target = `${root}/${path}`;
      await settled([call((cb) => hdfs.writeFile(tmp, Buffer.from(data), cb)), mkdir(target.slice(0, target.lastIndexOf('/')))]);
      await call((cb) => hdfs.rename(tmp, target, cb));
    },
    close: async () => {},
  };
};

/** fetch (undici) doing the store's steps. */
const viaFetch = (root) => {
  const op = (path, name, params = {}) => `${url}/webhdfs/v1${path}?${new URLSearchParams({ op: name, 'user.name': user, ...params })}`;
  const ok = async (res) => {
    if (res.status >= 300) throw new Error(`HTTP ${res.status} ${await res.text()}`);
    return res;
  };
  const dirs = new Map();
  const mkdir = (d) => dirs.get(d) ?? dirs.set(d, fetch(op(d, 'MKDIRS'), { method: 'PUT' }).then(ok)).get(d);
  return {
    publish: async (path, data) => {
      const tmp = `${root}/_tmp/${randomUUID()}.tmp`;
      const target = `${root}/${path}`;
      const create = async () => {
        const { Location } = await (await ok(await fetch(op(tmp, 'CREATE', { noredirect: 'true' }), { method: 'PUT' }))).json();
        await (await ok(await fetch(Location, { method: 'PUT', body: data }))).arrayBuffer();
      };
      await settled([create(), mkdir(target.slice(0, target.lastIndexOf('/')))]);
      await ok(await fetch(op(tmp, 'RENAME', { destination: target, renameoptions: 'OVERWRITE' }), { method: 'PUT' }));
    },
    close: async () => {},
  };
};

const viaStore = (root) => {
  const store = createWebHdfsLakeStore({ url, user, root });
  return {
    store,
    publish: async (path, data) => {
      const r = await store.publish(path, data)();
      if (r._tag === 'Left') throw new Error(r.left.message);
    },
    close: () => store.close(),
  };
};

const rows = [];
const rootFor = (name, concurrency) => `${base}/${name.replace(/\W+/g, '-')}${concurrency}`;
const publishRun = async (name, make, concurrency) => {
  const root = rootFor(name, concurrency);
  const client = make(root);
  const latencies = [];
  peak.rss = 0;
  const started = performance.now();
  try {
    await pool(files, concurrency, async (i) => {
      const t = performance.now();
      await client.publish(paths[i], payload);
      latencies.push(performance.now() - t);
    });
    const s = (performance.now() - started) / 1000;
    rows.push([
      name,
      `publish ${files} × ${(bytes / 2 ** 20).toFixed(2)} MiB`,
      concurrency,
      (files / s).toFixed(1),
      ((files * bytes) / 2 ** 20 / s).toFixed(1),
      pct(latencies, 50).toFixed(0),
      pct(latencies, 99).toFixed(0),
      (peak.rss / 2 ** 20).toFixed(0),
    ]);
  } catch (e) {
    rows.push([
      name,
      `publish: fails after ${latencies.length} files: ${String(e.cause?.message ?? e.message).slice(0, 60)}`,
      concurrency,
      '–',
      '–',
      '–',
      '–',
      '–',
    ]);
  } finally {
    await client.close();
  }
  return root;
};

for (const c of levels) {
  await publishRun('lake store (node:http)', viaStore, c);
  await publishRun('webhdfs 1.2.0', viaPackage, c);
  await publishRun('fetch (undici)', viaFetch, c);
}

const { store, close } = viaStore(rootFor('lake store (node:http)', levels[0]));
let t = performance.now();
const listed = await store.list('t')();
const listMs = performance.now() - t;
t = performance.now();
await store.remove(listed.right)();
const removeMs = performance.now() - t;
rows.push(['lake store (node:http)', `list ${listed.right.length} files in 4 folders`, 16, '–', '–', listMs.toFixed(0), '–', '–']);
rows.push([
  'lake store (node:http)',
  `remove ${listed.right.length} files`,
  16,
  (listed.right.length / (removeMs / 1000)).toFixed(0),
  '–',
  removeMs.toFixed(0),
  '–',
  '–',
]);
await close();

clearInterval(timer);
await fetch(`${url}/webhdfs/v1${base}?op=DELETE&recursive=true&user.name=${user}`, { method: 'DELETE' });
console.log('| client | job | concurrency | files/s | MiB/s | p50 ms | p99 ms | peak RSS MiB |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
