import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { JsonSchema } from './jsonSchema.js';
import { catalogue, openTestApi, signUp, testOperatorToken, unique, valueOf, type Hints, type TestApi } from '@placebo/testkit/http';

interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly required: boolean;
  readonly schema: JsonSchema;
}
interface DocOperation {
  readonly parameters: ReadonlyArray<Parameter>;
  readonly security?: ReadonlyArray<Readonly<Record<string, unknown>>>;
  readonly requestBody?: { readonly required: boolean; readonly content: Readonly<Record<string, { readonly schema: JsonSchema }>> };
  readonly responses: Readonly<Record<string, unknown>>;
}

interface Generated {
  readonly params: Readonly<Record<string, unknown>>;
  readonly body: { readonly type: string; readonly value: unknown } | null;
}

/** A request the operation's own parameters and body schema allow. */
const requests = (op: DocOperation, hints: Hints): fc.Arbitrary<Generated> => {
  const params = Object.fromEntries(op.parameters.map((p) => [p.name, valueOf(p.schema, hints, p.name)]));
  const required = op.parameters.filter((p) => p.required).map((p) => p.name);
  const content = Object.entries(op.requestBody?.content ?? {});
  const bodies = content.map(([type, { schema }]) => valueOf(schema, hints).map((value) => ({ type, value })));
  const body = bodies.length === 0 ? fc.constant(null) : op.requestBody?.required ? fc.oneof(...bodies) : fc.option(fc.oneof(...bodies));
  return fc.record({ params: fc.record(params, { requiredKeys: required }), body });
};

const names = (xs: ReadonlyArray<string>) => fc.constantFrom(...xs);

describe('every operation, driven by requests generated from the document, answers as documented', function () {
  this.timeout(300_000);
  let api: TestApi;
  let doc: { paths: Record<string, Record<string, DocOperation>> };
  let player: Awaited<ReturnType<typeof signUp>>;
  let hints: Hints;
  const seedId = unique('seedplayer');
  before(async () => {
    api = openTestApi({ roll: () => 0.5 });
    doc = (await api.agent.get('/openapi.json')).body as typeof doc;
    player = await signUp(api);
    const created = await api.agent
      .post('/create/user')
      .type('form')
      .send(`userid=${seedId}&userpwd=pw&username=${unique('seedname')}&wealth=100000`);
    assert.equal(created.status, 200);
    hints = {
      id: fc.constant(player.id),
      userid: fc.constant(seedId),
      name: fc.constantFrom(player.name, unique('fresh')),
      password: fc.constant(player.password),
      type: names(catalogue.items.map((i) => i.type)),
      org: names(catalogue.orgs.map((o) => o.name)),
      level: names(catalogue.orgs.flatMap((o) => o.levels.map((l) => l.level))),
      enemy: names(catalogue.enemies.map((e) => e.type)),
      offer_id: names(catalogue.offers.map((o) => o.id)),
      question: fc.constantFrom('win_rate_by_enemy', 'seed000_buys', 'items_per_type', 'no_such_question'),
      after: fc.constantFrom('0', '1', '3'),
      from: fc.constantFrom('2020-01-01', '2026-02-30', new Date().toISOString().slice(0, 10)),
      Host: fc.constantFrom('player1.example.com', 'player2.example.com:8080'),
    };
  });
  after(() => api.close());

  const send = async (method: string, template: string, op: DocOperation, r: Generated) => {
    let path = template;
    const query = new URLSearchParams();
    const headers: Record<string, string> = {};
    for (const p of op.parameters) {
      const v = r.params[p.name];
      if (v === undefined) continue;
      if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(String(v)));
      else if (p.in === 'query') query.set(p.name, String(v));
      else headers[p.name] = String(v);
    }
    if (op.security?.some((s) => 'operator' in s)) headers.Authorization = `Bearer ${testOperatorToken}`;
    else if (op.security !== undefined) {
      // A logout ends its session, so each one gets a session of its own.
      const token =
        method === 'delete' && template === '/v1/sessions'
          ? ((await api.agent.post('/v1/sessions').send({ name: player.name, password: player.password })).body.token as string)
          : player.token;
      headers.Authorization = `Bearer ${token}`;
    }
    const url = query.size === 0 ? path : `${path}?${query.toString()}`;
    const req = api.agent[method as 'get' | 'post' | 'delete'](url).set(headers);
    if (r.body === null) return req;
    if (r.body.type === 'application/x-www-form-urlencoded') {
      return req.type('form').send(new URLSearchParams(r.body.value as Record<string, string>).toString());
    }
    return req.set('Content-Type', r.body.type).send(JSON.stringify(r.body.value));
  };

  it('covers every operation of the document', () => {
    const count = Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
    assert.equal(count, 31);
  });

  const runs = 30;
  it(`sends ${runs} generated requests to each operation; each answer is a documented status, type and body, never a 5xx`, async () => {
    const seen = new Map<string, Set<number>>();
    for (const [template, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const statuses = new Set<number>();
        seen.set(`${method} ${template}`, statuses);
        await fc.assert(
          fc.asyncProperty(requests(op, hints), async (r) => {
            const res = await send(method, template, op, r);
            statuses.add(res.status);
            assert.ok(res.status < 500, `${method} ${template} ${JSON.stringify(r)} → ${res.status} ${res.text}`);
          }),
          { numRuns: runs },
        );
      }
    }
    const succeeded = [...seen].filter(([, s]) => [...s].some((x) => x < 300)).map(([k]) => k);
    assert.ok(succeeded.length >= 20, `most operations succeed at least once; only ${succeeded.join(', ')}`);
  });
});
