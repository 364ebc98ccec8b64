// Server processes for the HTTP benches: start one, wait until it prints its URL, stop it; its CPU and memory.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { sleep } from './options.mjs';

/**
 * Starts a server child (node by default) and resolves once its output matches `ready` (first group: the URL), as
 * packages/testkit/src/cli/placebo.ts startServer does. Throws with the child's last output when it exits or stays silent.
 */
export const startChild = async (label, args, env, { command = process.execPath, cwd, ready = /listening on (http:\/\/\S+)/, timeoutMs = 60_000 } = {}) => {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const keep = (d) => (out = (out + d.toString()).slice(-20_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let status;
  const exited = new Promise((resolve) => {
    child.once('error', (e) => resolve((status = `failed: ${e.message}`)));
    child.once('exit', (code, signal) => resolve((status = signal ?? code)));
  });
  const deadline = Date.now() + timeoutMs;
  let url;
  while (url === undefined) {
    url = ready.exec(out)?.[1];
    if (url !== undefined) break;
    if (status !== undefined || Date.now() > deadline) {
      child.kill('SIGKILL');
      const why = status !== undefined ? `exited (${status})` : `did not listen within ${timeoutMs / 1000} s`;
      throw new Error(`${label}: the server ${why} before listening. Its output:\n${out.trim().split('\n').slice(-15).join('\n')}`);
    }
    await sleep(50);
  }
  const stop = async () => {
    if (status !== undefined) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  return { child, url, stop, output: () => out };
};

/** A TCP port free on 127.0.0.1 right now, for servers that cannot be told to pick one themselves. */
export const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** The process and its children (API workers), from /proc. */
export const processTree = (pid) => [
  pid,
  ...readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1].split(' ')[1] === String(pid);
      } catch {
        return false;
      }
    })
    .map(Number),
];

/** CPU seconds (user + system) a process tree has used so far, from /proc (clock ticks of 1/100 s). */
export const cpuSeconds = (pid) =>
  processTree(pid).reduce((sum, p) => {
    try {
      const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ');
      return sum + (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return sum; // the process has exited
    }
  }, 0);

/** Peak resident memory of a process tree (summed), sampled from /proc every 500 ms. */
export const rssSampler = (pid) => {
  let peak = 0;
  const rss = (p) => {
    try {
      return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    } catch {
      return 0; // the process has exited
    }
  };
  const sample = () => {
    peak = Math.max(
      peak,
      processTree(pid).reduce((sum, p) => sum + rss(p), 0),
    );
  };
  sample();
  const timer = setInterval(sample, 500);
  return { peak: () => (sample(), peak), reset: () => (peak = 0), stop: () => clearInterval(timer) };
};

/** A JSON call to a bench server; a status of 300 or more throws with the answer. */
export const call = async (url, method, path, body, token, key) => {
  const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(key ? { 'idempotency-key': key } : {}) };
  const res = await fetch(`${url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
};
