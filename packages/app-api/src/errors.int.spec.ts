import assert from 'node:assert/strict';
import * as E from 'fp-ts/lib/Either.js';
import { portError, type HandlerError } from '@placebo/domain';
import { toHttpError } from './errors.js';
import { openTestApi, signUp, wrapAppend, type TestApi } from '@placebo/testkit/http';

describe('toHttpError', () => {
  const table: ReadonlyArray<readonly [HandlerError, number, string, string?]> = [
    [{ _tag: 'PlayerNotFound', player_id: 'p' }, 404, 'player_not_found'],
    [{ _tag: 'PlayerAlreadyExists', player_id: 'p' }, 409, 'player_exists', 'player_id'],
    [{ _tag: 'NameTaken', name: 'n' }, 409, 'name_taken', 'name'],
    [{ _tag: 'WealthOutOfRange', wealth: 5, max: 1 }, 422, 'out_of_range', 'wealth'],
    [{ _tag: 'CostOutOfRange', cost: 5, max: 1 }, 422, 'out_of_range', 'cost'],
    [{ _tag: 'UnknownItem', kind: 'sword', item_type: 'x' }, 404, 'unknown_item', 'type'],
    [{ _tag: 'UnknownOffer', offer_id: 'x' }, 404, 'unknown_offer', 'offer_id'],
    [{ _tag: 'OfferNotApplicable', offer_id: 'x', kind: 'potion' }, 422, 'offer_not_applicable', 'offer_id'],
    [{ _tag: 'UnknownOrg', org_kind: 'guild', org: null }, 404, 'unknown_org', 'org'],
    [{ _tag: 'UnknownLevel', org: 'o', level: 'l' }, 404, 'unknown_level', 'level'],
    [{ _tag: 'UnknownEnemy', enemy: 'e' }, 404, 'unknown_enemy', 'enemy'],
    [{ _tag: 'AlreadyMember', org: 'o' }, 409, 'already_member', 'org'],
    [{ _tag: 'NotAMember', org: 'o' }, 404, 'not_a_member', 'org'],
    [{ _tag: 'PlayerExhausted', health: 0 }, 409, 'player_exhausted'],
    [{ _tag: 'InvalidCredentials' }, 401, 'invalid_credentials'],
    [portError('down', true), 503, 'unavailable'],
    [portError('broken', false), 503, 'unavailable'],
  ];
  for (const [error, status, code, path] of table) {
    it(`maps ${error._tag}${error._tag === 'PortError' ? ` (retriable: ${String(error.retriable)})` : ''} to ${status} ${code}`, () => {
      const e = toHttpError(error);
      assert.equal(e.status, status);
      assert.equal(e.error, code);
      if (path !== undefined) assert.equal(e.details?.[0]?.path, path);
    });
  }

  it('tells clients to retry a retriable port failure in a second', () => {
    assert.deepEqual(toHttpError(portError('down', true)).headers, { 'Retry-After': '1' });
    assert.equal(toHttpError(portError('down', false)).headers, undefined);
  });
});

describe('infrastructure failures', () => {
  let api: TestApi;
  let failing = false;
  before(() => {
    api = openTestApi({
      wrapInfra: wrapAppend(
        (append) =>
          (...args) =>
            failing ? async () => E.left(portError('append: disk I/O error', true)) : append(...args),
      ),
    });
  });
  after(() => api.close());

  it('answers 503 unavailable with Retry-After when the log cannot append, and the cause goes to the log only', async () => {
    const p = await signUp(api);
    failing = true;
    try {
      const res = await api.agent.post(`/v1/players/${p.id}/purchases`).set(p.auth).send({ kind: 'knife' });
      assert.equal(res.status, 503);
      assert.equal(res.body.error, 'unavailable');
      assert.equal(res.headers['retry-after'], '1');
      assert.match(res.body.message, /retry with the same Idempotency-Key/);
      assert.ok(!res.text.includes('disk I/O'));
      const seed = await api.agent.get('/purchase_a_knife').set('Host', 'down.example.com');
      assert.equal(seed.status, 503);
    } finally {
      failing = false;
    }
    const warned = api.logLines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.level === 'warn');
    assert.ok(warned.some((l) => JSON.stringify(l.cause).includes('disk I/O error')));
    assert.ok(!api.logLines.some((l) => l.includes('"level":"error"')));
    const after = await api.agent.post(`/v1/players/${p.id}/purchases`).set(p.auth).send({ kind: 'knife' });
    assert.equal(after.status, 201);
  });
});

describe('unexpected errors', () => {
  it('answer 500 internal_error with the request id, and are logged as errors', async () => {
    // A roll outside [0, 1) is a wiring bug, not bad input: the one way left to reach the 500 path.
    const api = openTestApi({ roll: () => 1 });
    try {
      const p = await signUp(api);
      const res = await api.agent.post(`/v1/players/${p.id}/fights`).set(p.auth).send({ enemy: 'goblin' });
      assert.equal(res.status, 500);
      assert.deepEqual(Object.keys(res.body), ['error', 'message']);
      assert.equal(res.body.error, 'internal_error');
      assert.ok(!res.text.includes('roll'), 'no internals in the answer');
      const logged = api.logLines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.level === 'error');
      assert.equal(logged?.request_id, res.headers['x-request-id']);
      assert.match(JSON.stringify(logged?.error), /roll/);
    } finally {
      await api.close();
    }
  });
});

describe('probes', () => {
  it('answers /healthz, and /readyz from ready()', async () => {
    let ready: boolean | 'throw' = true;
    const api = openTestApi({
      ready: async () => {
        if (ready === 'throw') throw new Error('no database');
        return ready;
      },
    });
    try {
      assert.deepEqual((await api.agent.get('/healthz')).body, { status: 'ok' });
      assert.equal((await api.agent.get('/readyz')).status, 200);
      ready = false;
      const down = await api.agent.get('/readyz');
      assert.equal(down.status, 503);
      assert.equal(down.body.error, 'unavailable');
      ready = 'throw';
      assert.equal((await api.agent.get('/readyz')).status, 503);
    } finally {
      await api.close();
    }
  });

  it('logs one JSON line per request with a request id, echoed in X-Request-Id', async () => {
    const api = openTestApi();
    try {
      const res = await api.agent.get('/healthz').set('X-Request-Id', 'trace-123');
      assert.equal(res.headers['x-request-id'], 'trace-123');
      const generated = await api.agent.get('/healthz');
      assert.match(generated.headers['x-request-id'] ?? '', /^[0-9a-f-]{36}$/);
      const lines = api.logLines.map((l) => JSON.parse(l) as Record<string, unknown>);
      assert.deepEqual(
        lines.filter((l) => l.msg === 'request').map((l) => [l.request_id, l.method, l.path, l.status]),
        [
          ['trace-123', 'GET', '/healthz', 200],
          [generated.headers['x-request-id'], 'GET', '/healthz', 200],
        ],
      );
    } finally {
      await api.close();
    }
  });
});
