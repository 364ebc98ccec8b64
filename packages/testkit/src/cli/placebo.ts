import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { request } from 'node:http';
import { repoRoot } from '@placebo/adapters';
import type { JsonSchema } from '@placebo/app-api';
import { checkedFetch, checkExchange } from '../http/contractCheck.js';

const bin = join(repoRoot(), 'packages', 'cli', 'bin', 'placebo.js');

export interface Running {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  readonly output: () => string;
}

/** Starts the real `placebo` command as a child process. */
export const placebo = (args: ReadonlyArray<string>, env: Record<string, string>): Running => {
  const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, PLACEBO_LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => out };
};

/** Runs `placebo` to completion and returns its exit code and output. */
export const placeboRun = async (args: ReadonlyArray<string>, env: Record<string, string>): Promise<{ code: number | null; output: string }> => {
  const r = placebo(args, env);
  const code = await r.exited;
  return { code, output: r.output() };
};

/** Polls until `check` returns a value, or fails after `timeoutMs`. */
export const eventually = async <A>(what: string, check: () => Promise<A | undefined>, timeoutMs = 30_000): Promise<A> => {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
};

/** Starts `placebo start|api` and resolves with its URL once it listens. */
export const startServer = async (command: 'start' | 'api', env: Record<string, string>): Promise<Running & { url: string }> => {
  const r = placebo([command], { PLACEBO_PORT: '0', ...env });
  const url = await eventually('the API to listen', async () => /listening on (http:\/\/\S+)/.exec(r.output())?.[1], 60_000).catch((e: unknown) => {
    r.child.kill('SIGKILL');
    throw new Error(`${String(e)}\n${r.output()}`);
  });
  return { ...r, url };
};

/** Stops processes: SIGTERM, then SIGKILL after 15 s. */
export const stop = async (...procs: ReadonlyArray<Running | null>): Promise<void> => {
  await Promise.all(
    procs.map(async (p) => {
      if (p === null || p.child.exitCode !== null) return;
      p.child.kill('SIGTERM');
      await Promise.race([p.exited, new Promise((r) => setTimeout(r, 15_000))]);
      p.child.kill('SIGKILL');
    }),
  );
};

/** One isolated deployment on the shared local stack: its own topics, Redis keys, HDFS folder and Presto schema. */
export const clusterEnv = (): Record<string, string> => {
  const id = `e${randomUUID().replaceAll('-', '').slice(0, 10)}`;
  return {
    PLACEBO_MODE: 'cluster',
    PLACEBO_TOPIC_PREFIX: `${id}.`,
    PLACEBO_REDIS_PREFIX: `${id}:`,
    PLACEBO_LAKE_ROOT: `/placebo-test/${id}`,
    PLACEBO_PRESTO_SCHEMA: id,
    PLACEBO_KAFKA_PARTITIONS: '3',
    PLACEBO_SINK_FLUSH_MS: '1000',
    PLACEBO_SCRYPT_COST: '1024',
    PLACEBO_WRITE_LEASE_MS: '2000',
    // The suites drive the seeds' routes too, which `placebo api` leaves off by default, and load one API from one
    // address, which its per-address budgets would throttle.
    PLACEBO_SEED_ROUTES: 'true',
    PLACEBO_RATE_IP_PER_MIN: '0',
    PLACEBO_RATE_AUTH_IP_PER_MIN: '0',
  };
};

const documents = new Map<string, Promise<JsonSchema>>();
/** The document the server at `origin` serves, fetched once. */
const documentOf = (origin: string): Promise<JsonSchema> => {
  const known = documents.get(origin) ?? fetch(`${origin}/openapi.json`).then(async (r) => (await r.json()) as JsonSchema);
  documents.set(origin, known);
  return known;
};

/** fetch, every answer checked against the document the server at that origin serves. */
export const contractFetch = async (url: string, init?: RequestInit): Promise<Response> => checkedFetch(await documentOf(new URL(url).origin))(url, init);

/** A GET with a chosen Host header (fetch will not send one), as the seeds' load generators did; checked like fetch. */
export const contractGet = async (url: string, host: string): Promise<{ status: number; text: string }> => {
  const u = new URL(url);
  const doc = await documentOf(u.origin);
  const reply = await new Promise<{ status: number; body: Buffer; type?: string; allow?: string }>((resolve, reject) => {
    const req = request(url, { headers: { host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), type: res.headers['content-type'], allow: res.headers.allow }));
    });
    req.on('error', reject);
    req.end();
  });
  checkExchange(doc, { method: 'GET', url: `${u.pathname}${u.search}`, status: reply.status, contentType: reply.type, allow: reply.allow, body: reply.body });
  return { status: reply.status, text: reply.body.toString('utf8') };
};

/** A JSON call to the API, its answer checked against the server's document; `headers` adds to the JSON ones. */
export const callJson = async (
  url: string,
  method: string,
  body?: unknown,
  token?: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> => {
  const res = await contractFetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
};

export * from './readmeBlocks.js';
