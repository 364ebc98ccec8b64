import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { createLogger, loadConfig, openEmbedded, type Infrastructure } from '@placebo/adapters';
import { checkedFetch } from '@placebo/testkit/http';
import type { JsonSchema } from './jsonSchema.js';
import { startApi } from './main.js';

describe('startApi', () => {
  let dir: string;
  let infra: Infrastructure;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'placebo-main-'));
    infra = openEmbedded({ dataDir: dir });
  });
  after(async () => {
    await infra.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on the configured host, reports the real port for 0, serves, and closes gracefully', async () => {
    const config = loadConfig({ PLACEBO_PORT: '0', PLACEBO_HOST: '127.0.0.1', PLACEBO_SCRYPT_COST: '1024', PLACEBO_DATA_DIR: dir });
    assert.ok(E.isRight(config), JSON.stringify(E.isLeft(config) ? config.left : null));
    const lines: string[] = [];
    const api = await startApi(config.right, infra, createLogger({ level: 'info', write: (l) => void lines.push(l) }));
    assert.match(api.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(api.url, 'http://127.0.0.1:0');
    const fetch = checkedFetch((await (await globalThis.fetch(`${api.url}/openapi.json`)).json()) as JsonSchema);
    const health = await fetch(`${api.url}/healthz`);
    assert.equal(health.status, 200);
    const created = await fetch(`${api.url}/v1/players`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'main-spec', password: 'long enough' }),
    });
    assert.equal(created.status, 201);
    // The seeds' unauthenticated routes are off unless asked for.
    const home = await fetch(`${api.url}/`, { headers: { Host: 'main.example.com' } });
    assert.equal(home.status, 404);
    await api.close();
    await api.close();
    await assert.rejects(globalThis.fetch(`${api.url}/healthz`));
    assert.ok(lines.some((l) => l.includes('"component":"api"')));
  });
});
