import assert from 'node:assert/strict';
import * as E from 'fp-ts/lib/Either.js';
import { portError } from '@placebo/domain';
import { openTestApi, signUp, storedEvents, wrapAppend, type TestApi } from '@placebo/testkit/http';

const MADE = /^g\.[0-9a-f-]{36}\.[A-Za-z0-9_-]{16}$/;

describe('idempotency keys made by the API for requests without one', () => {
  let api: TestApi;
  /** While set, an append is written and then answered as failed: the cluster's "503, applied later". */
  let lostAnswer = false;
  before(() => {
    api = openTestApi({
      wrapInfra: wrapAppend((append) => (...args) => async () => {
        const written = await append(...args)();
        return lostAnswer && E.isRight(written) ? E.left(portError('produce: request timed out', true)) : written;
      }),
    });
  });
  after(() => api.close());

  it('names the command in the Idempotency-Key response header; a retry with it answers the first result', async () => {
    const p = await signUp(api);
    const first = await api.agent.post(`/v1/players/${p.id}/purchases`).set(p.auth).send({ kind: 'sword', type: 'saber' });
    assert.equal(first.status, 201);
    const key = first.headers['idempotency-key'] as string;
    assert.match(key, MADE);
    const again = await api.agent.post(`/v1/players/${p.id}/purchases`).set(p.auth).set('Idempotency-Key', key).send({ kind: 'sword', type: 'saber' });
    assert.equal(again.status, 201);
    assert.deepEqual(again.body, first.body);
    assert.equal(again.headers['idempotency-key'], key);
    const bought = (await storedEvents(api, p.id)).filter((e) => e.data.type === 'ItemPurchased');
    assert.equal(bought.length, 1, 'bought once');
    assert.equal(bought[0]?.command_id, key, 'the event carries the key the client was given');
  });

  it('makes a new key for each request without one', async () => {
    const p = await signUp(api);
    const send = () => api.agent.post(`/v1/players/${p.id}/purchases`).set(p.auth).send({ kind: 'potion' });
    const [a, b] = [await send(), await send()];
    assert.equal(a.status, 201);
    assert.equal(b.status, 201);
    assert.notEqual(a.headers['idempotency-key'], b.headers['idempotency-key']);
    assert.equal((await storedEvents(api, p.id)).filter((e) => e.data.type === 'ItemPurchased').length, 2);
  });

  it('lets a client that met a 503 retry safely: the command applied once, its result returned', async () => {
    const p = await signUp(api);
    const wealth = async () => ((await api.agent.get(`/v1/players/${p.id}`).set(p.auth)).body as { wealth: number }).wealth;
    const before = await wealth();
    lostAnswer = true;
    let failed;
    try {
      failed = await api.agent.post(`/v1/players/${p.id}/purchases`).set(p.auth).send({ kind: 'sword', type: 'saber' });
    } finally {
      lostAnswer = false;
    }
    assert.equal(failed.status, 503);
    const key = failed.headers['idempotency-key'] as string;
    assert.match(key, MADE, 'a 503 names the command too');
    const retry = await api.agent.post(`/v1/players/${p.id}/purchases`).set(p.auth).set('Idempotency-Key', key).send({ kind: 'sword', type: 'saber' });
    assert.equal(retry.status, 201);
    assert.equal((await storedEvents(api, p.id)).filter((e) => e.data.type === 'ItemPurchased').length, 1, 'bought once');
    assert.ok((await wealth()) < before, 'paid');
  });

  it('refuses a made key sent with another request: 422 idempotency_key_reused, nothing written', async () => {
    const p = await signUp(api);
    const first = await api.agent.post(`/v1/players/${p.id}/purchases`).set(p.auth).send({ kind: 'potion' });
    const key = first.headers['idempotency-key'] as string;
    const count = (await storedEvents(api, p.id)).length;
    const other = await api.agent.post(`/v1/players/${p.id}/purchases`).set(p.auth).set('Idempotency-Key', key).send({ kind: 'sword', type: 'saber' });
    assert.equal(other.status, 422);
    assert.equal(other.body.error, 'idempotency_key_reused');
    assert.equal((await storedEvents(api, p.id)).length, count);
  });
});
