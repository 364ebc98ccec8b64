import assert from 'node:assert/strict';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import request from 'supertest';
import { canonicalState, foldEvents, initialState, type PlayerState } from '@placebo/domain';
import { operations } from './openapi.js';
import { openTestApi, signUp, type TestApi } from '@placebo/testkit/http';

/** Cases per run of the suite; `bench/fuzz.mjs` runs many more. */
const runs = Number(process.env.PLACEBO_FUZZ_RUNS ?? 2000);

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'] as const;

/** Path segments as an attacker types them: empty, huge, percent-encoded garbage, bad UTF-8, other players. */
const segment = (known: ReadonlyArray<string>) =>
  fc.oneof(
    fc.constantFrom(...known),
    fc.string({ maxLength: 80 }).map(encodeURIComponent),
    fc.constantFrom('', '%', '%zz', '%E0%A4%A', '%C0%AF', '%00', '..', '%2e%2e%2f', 'host-x', 'a'.repeat(5000)),
  );

const deep = (n: number): string => `${'['.repeat(n)}${']'.repeat(n)}`;

/** Bodies: valid-looking, wrong types, huge, deep, not JSON, not UTF-8. */
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => Buffer.from(JSON.stringify(v) ?? 'null')),
  fc
    .record(
      {
        name: fc.string(),
        password: fc.string(),
        kind: fc.string(),
        type: fc.anything(),
        quantity: fc.anything(),
        wealth: fc.anything(),
        org: fc.string(),
        enemy: fc.string(),
      },
      { requiredKeys: [] },
    )
    .map((o) => Buffer.from(JSON.stringify(o))),
  fc
    .constantFrom(deep(10), deep(5000), '{"a":', '\u0000', 'userid=%zz&cost=1e999', 'x'.repeat(70_000), '{"__proto__":{"admin":true}}')
    .map((s) => Buffer.from(s)),
  fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
  fc.constant(Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xf0, 0x28, 0x8c, 0xbc])),
);

const header = fc.string({ unit: fc.constantFrom(...'abcXYZ019 -_.:/;=,"*'.split('')), maxLength: 60 });

describe('hostile requests to every route (fast-check over the OpenAPI routes)', function () {
  // About 4 ms a case on 2 cores: the 100,000-case bench run gets the time it needs.
  this.timeout(Math.max(300_000, runs * 20));
  let api: TestApi;
  let player: Awaited<ReturnType<typeof signUp>>;
  before(async () => {
    api = openTestApi({ bodyLimit: 65536 });
    player = await signUp(api);
  });
  after(() => api.close());

  it(`never answers 5xx other than 503, never crashes, never writes half a command (${runs} cases)`, async () => {
    const statuses = new Map<number, number>();
    const request$ = fc.record({
      op: fc.constantFrom(...operations),
      method: fc.oneof(fc.constant(null), fc.constantFrom(...methods)),
      params: fc.array(segment([player.id, 'guild', 'team', 'soldiers', 'team BLAH']), { minLength: 3, maxLength: 3 }),
      query: fc.oneof(
        fc.constant(''),
        fc.constant(`?userid=${player.id}`),
        fc.string({ maxLength: 40 }).map((s) => `?userid=${encodeURIComponent(s)}&all=${encodeURIComponent(s)}`),
        fc.constant('?userid=%zz&all=%'),
      ),
      contentType: fc.constantFrom(
        'application/json',
        'application/x-www-form-urlencoded',
        'text/plain',
        'application/json; charset=latin1',
        'multipart/form-data; boundary=x',
        '',
      ),
      auth: fc.oneof(
        fc.constant(player.auth.Authorization),
        header.map((h) => `Bearer ${h}`),
        header,
      ),
      key: fc.option(fc.oneof(header, fc.constantFrom('buy-1', 'k'.repeat(200))), { nil: undefined }),
      host: fc.option(fc.oneof(header, fc.constantFrom('user1.comcast.com', `${'h'.repeat(70)}.com`, '[::1]:80', 'a..b')), { nil: undefined }),
      encoding: fc.constantFrom('', 'identity', 'gzip', 'br'),
      body,
    });
    await fc.assert(
      fc.asyncProperty(request$, async (r) => {
        let i = 0;
        const path = r.op.path.replace(/\{[^}]+\}/g, () => r.params[i++] ?? '') + (r.op.query === undefined ? '' : r.query);
        const method = (r.method ?? r.op.method.toUpperCase()).toLowerCase() as Lowercase<(typeof methods)[number]>;
        let req = request(api.listener)[method](path);
        if (r.contentType !== '') req = req.set('Content-Type', r.contentType);
        if (r.op.auth) req = req.set('Authorization', r.auth);
        if (r.key !== undefined) req = req.set('Idempotency-Key', r.key);
        if (r.host !== undefined) req = req.set('Host', r.host);
        if (r.encoding !== '') req = req.set('Content-Encoding', r.encoding);
        let status: number;
        try {
          status = (method === 'get' || method === 'head' ? await req : await req.send(r.body)).status;
        } catch (e) {
          // The client refused to send it (a header or path no HTTP client may send): nothing reached the app.
          if (
            e instanceof TypeError ||
            (e instanceof Error && /ERR_INVALID|ERR_UNESCAPED|Invalid character/.test(`${(e as { code?: string }).code ?? ''} ${e.message}`))
          )
            return;
          throw e;
        }
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        assert.ok(status < 500 || status === 503, `${method.toUpperCase()} ${path.slice(0, 120)} answered ${status}`);
      }),
      { numRuns: runs },
    );
    if (process.env.PLACEBO_FUZZ_TABLE === '1') {
      process.stdout.write(
        `\n| status | answers |\n|---|---|\n${[...statuses]
          .sort((a, b) => a[0] - b[0])
          .map(([s, n]) => `| ${s} | ${n} |`)
          .join('\n')}\n`,
      );
    }
    assert.ok((statuses.get(400) ?? 0) > 0 && [...statuses.keys()].some((s) => s < 300), `too few kinds of answer: ${JSON.stringify([...statuses])}`);

    // Nothing half-written: every stored snapshot is the fold of its player's log.
    await api.settle();
    let cursor: string | null = null;
    let checked = 0;
    do {
      const page = await api.infra.snapshots.scan(cursor, 200)();
      assert.ok(E.isRight(page));
      for (const snap of page.right.states as ReadonlyArray<PlayerState>) {
        const events = await api.infra.log.readPlayer(snap.id, 0)();
        assert.ok(E.isRight(events));
        assert.equal(canonicalState(foldEvents(initialState(snap.id), events.right)), canonicalState(snap), `player ${snap.id}`);
        checked++;
      }
      cursor = page.right.next;
    } while (cursor !== null);
    assert.ok(checked > 0);
  });
});
