import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';
import { createLogger, loadConfig, openEmbedded, type Infrastructure } from '@placebo/adapters';
import { startApi } from '@placebo/app-api';
import type { JsonSchema } from '@placebo/app-api';
import { checkedFetch } from '@placebo/testkit/http';
import { createPlaceboClient } from './index.js';

const generate = join(dirname(fileURLToPath(import.meta.url)), '..', 'scripts', 'generate.mjs');

describe('@placebo/client', function () {
  this.timeout(60_000);
  let dir: string;
  let infra: Infrastructure;
  let api: Awaited<ReturnType<typeof startApi>>;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'placebo-client-'));
    infra = openEmbedded({ dataDir: dir });
    // The client covers every route, the seeds' too, which a server serves only when asked.
    const config = loadConfig({
      PLACEBO_PORT: '0',
      PLACEBO_HOST: '127.0.0.1',
      PLACEBO_SCRYPT_COST: '1024',
      PLACEBO_DATA_DIR: dir,
      PLACEBO_SEED_ROUTES: 'true',
    });
    if (E.isLeft(config)) throw new Error(JSON.stringify(config.left));
    api = await startApi(config.right, infra, createLogger({ level: 'warn', write: () => undefined }));
  });
  after(async () => {
    await api.close();
    await infra.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has the types of the document the server serves (regenerate with npm run generate -w packages/client)', async () => {
    await promisify(execFile)(process.execPath, [generate, api.url, '--check']);
  });

  it("registers, logs in and buys as the README shows, every answer checked against the server's document", async () => {
    const doc = (await (await fetch(`${api.url}/openapi.json`)).json()) as JsonSchema;
    const client = createPlaceboClient({ baseUrl: api.url, fetch: checkedFetch(doc) });
    const name = `client-${process.pid}`;
    const password = 'correct horse battery';
    const { data: player } = await client.POST('/v1/players', { body: { name, password } });
    const { data: session } = await client.POST('/v1/sessions', { body: { name, password } });
    assert.ok(player !== undefined && session !== undefined);
    const auth = { headers: { Authorization: `Bearer ${session.token}` } };
    const { data: bought, response } = await client.POST('/v1/players/{id}/purchases', {
      ...auth,
      params: { path: { id: player.player_id } },
      body: { kind: 'knife' },
    });
    assert.equal(response.status, 201);
    assert.equal(bought?.status, 'approved_purchase');
    const { error } = await client.POST('/v1/players/{id}/purchases', {
      ...auth,
      params: { path: { id: player.player_id } },
      body: { kind: 'armor', quantity: 100 },
    });
    assert.equal(error?.error, 'insufficient_funds');
  });
});
