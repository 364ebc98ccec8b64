import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { createLogger, loadConfig, openEmbedded, type Infrastructure } from '@placebo/adapters';
import { startApi } from './main.js';

/** Resolves true when the server closes the socket within `ms`, false if it is still open then. */
const closedWithin = (socket: Socket, ms: number): Promise<boolean> =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    // Read whatever comes (a 408): a paused socket would never see the server's end.
    socket.resume();
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });

const open = (url: string): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const u = new URL(url);
    const s = connect(Number(u.port), u.hostname, () => resolve(s));
    s.on('error', reject);
  });

describe('the HTTP server holds no socket for a slow or greedy client', () => {
  let dir: string;
  let infra: Infrastructure;
  let api: { url: string; close: () => Promise<void> };
  const sockets: Socket[] = [];
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'placebo-server-'));
    infra = openEmbedded({ dataDir: dir });
    const env = {
      PLACEBO_PORT: '0',
      PLACEBO_DATA_DIR: dir,
      PLACEBO_HEADERS_TIMEOUT_MS: '1000',
      PLACEBO_REQUEST_TIMEOUT_MS: '1500',
      PLACEBO_MAX_CONNECTIONS: '3',
    };
    const config = loadConfig(env);
    assert.ok(E.isRight(config));
    api = await startApi(config.right, infra, createLogger({ level: 'error', write: () => undefined }));
  });
  after(async () => {
    for (const s of sockets) s.destroy();
    await api.close();
    await infra.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('closes a connection whose headers never end (PLACEBO_HEADERS_TIMEOUT_MS)', async () => {
    const slow = await open(api.url);
    sockets.push(slow);
    slow.write('GET /healthz HTTP/1.1\r\nHost: slow.example\r\nX-Drip: ');
    assert.equal(await closedWithin(slow, 4000), true, 'the slow client still holds its socket');
  });

  it('closes connections past PLACEBO_MAX_CONNECTIONS on arrival, and serves those within it', async () => {
    const held = [await open(api.url), await open(api.url), await open(api.url)];
    sockets.push(...held);
    const extra = await open(api.url);
    sockets.push(extra);
    assert.equal(await closedWithin(extra, 2000), true, 'a connection past the cap stayed open');
    const first = held[0] as Socket;
    const answer = new Promise<string>((resolve) => first.once('data', (d) => resolve(d.toString())));
    first.write('GET /healthz HTTP/1.1\r\nHost: ok.example\r\n\r\n');
    assert.match(await answer, /^HTTP\/1\.1 200/);
  });

  it('refuses a request timeout shorter than the headers timeout, naming the setting', () => {
    const bad = loadConfig({ PLACEBO_HEADERS_TIMEOUT_MS: '5000', PLACEBO_REQUEST_TIMEOUT_MS: '2000' });
    assert.ok(E.isLeft(bad));
    assert.deepEqual(
      bad.left.map((p) => p.path),
      ['PLACEBO_REQUEST_TIMEOUT_MS'],
    );
  });
});
