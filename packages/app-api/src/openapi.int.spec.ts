import assert from 'node:assert/strict';
import * as t from 'io-ts';
import { itemKinds, orgKinds } from '@placebo/domain';
import type { ApiDeps } from './deps.js';
import { toJsonSchema } from './jsonSchema.js';
import { seedRouter } from './seedRoutes.js';
import { probesRouter, systemRouter } from './system.js';
import { catalogue, openTestApi, type TestApi } from '@placebo/testkit/http';
import { v1Router } from './v1.js';

interface Schema {
  readonly [key: string]: unknown;
  readonly type?: string;
  readonly enum?: ReadonlyArray<unknown>;
  readonly required?: ReadonlyArray<string>;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly properties: Readonly<Record<string, Schema>>;
}

type Doc = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<
    string,
    Record<
      string,
      { requestBody?: { content: Record<string, { schema: Schema }> }; parameters: Array<{ name: string; in: string }>; responses: Record<string, unknown> }
    >
  >;
};

describe('/openapi.json', () => {
  let api: TestApi;
  let doc: Doc;
  before(async () => {
    api = openTestApi();
    const res = await api.agent.get('/openapi.json');
    assert.equal(res.status, 200);
    doc = res.body as Doc;
  });
  after(() => api.close());

  const bodySchema = (path: string, method: string, type = 'application/json'): Schema => {
    const schema = doc.paths[path]?.[method]?.requestBody?.content[type]?.schema;
    assert.ok(schema !== undefined, `${method} ${path} documents a ${type} body`);
    return schema;
  };

  it('is an OpenAPI 3.1 document with paths and responses', () => {
    assert.equal(doc.openapi, '3.1.0');
    assert.equal(typeof doc.info.title, 'string');
    for (const [path, ops] of Object.entries(doc.paths)) {
      assert.ok(path.startsWith('/'), path);
      for (const [method, op] of Object.entries(ops)) {
        assert.ok(['get', 'post', 'delete'].includes(method));
        assert.ok(Object.keys(op.responses).length > 0, `${method} ${path} has responses`);
        for (const name of path.match(/\{(\w+)\}/g) ?? []) {
          assert.ok(
            op.parameters.some((p) => p.in === 'path' && `{${p.name}}` === name),
            `${method} ${path} declares ${name}`,
          );
        }
      }
    }
  });

  it("derives the purchase body from the codec: kind is the domain's ItemKind", () => {
    const schema = bodySchema('/v1/players/{id}/purchases', 'post');
    assert.equal(schema.type, 'object');
    assert.deepEqual(schema.properties.kind?.enum, [...itemKinds]);
    assert.deepEqual(schema.required, ['kind']);
    assert.deepEqual(schema.properties.quantity, { type: 'integer', minimum: 1, maximum: 100 });
    assert.equal(schema.properties.type?.maxLength, 64);
  });

  it('derives the other bodies too', () => {
    const register = bodySchema('/v1/players', 'post');
    assert.deepEqual(register.required, ['name', 'password']);
    assert.equal(register.properties.password?.minLength, 8);
    assert.equal(register.properties.wealth, undefined, "the starting wealth is the catalogue's, not the client's");
    assert.deepEqual(bodySchema('/v1/players/{id}/orgs', 'post').properties.kind?.enum, [...orgKinds]);
    const seedBuy = bodySchema('/buy/sword', 'post', 'application/x-www-form-urlencoded');
    assert.deepEqual(seedBuy.required, ['userid', 'type', 'cost']);
    assert.equal(seedBuy.properties.cost?.type, 'string');
  });

  it('documents exactly the routes the routers serve', () => {
    const deps = { catalogue, seedRoutes: true } as unknown as ApiDeps;
    const served = [probesRouter(deps), systemRouter(deps), v1Router(deps), seedRouter(deps)]
      .flatMap((r) => r.stack)
      .flatMap((layer) => layer.methods.filter((m) => m !== 'HEAD').map((m) => `${m.toLowerCase()} ${String(layer.path).replace(/:(\w+)/g, '{$1}')}`))
      .sort();
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`))
      .sort();
    assert.deepEqual(documented, served);
  });

  it('leaves the seed routes out when they are off', async () => {
    const off = openTestApi({ seedRoutes: false });
    try {
      const paths = Object.keys(((await off.agent.get('/openapi.json')).body as Doc).paths);
      assert.ok(paths.includes('/v1/players'));
      assert.ok(!paths.includes('/buy/sword'));
      assert.ok(!paths.includes('/purchase_a_sword'));
    } finally {
      await off.close();
    }
  });
});

describe('toJsonSchema', () => {
  it('covers the io-ts combinators', () => {
    const codec = t.intersection([
      t.type({ a: t.string, b: t.union([t.number, t.null]), c: t.array(t.boolean), d: t.union([t.literal('x'), t.literal('y')]) }),
      t.partial({ e: t.keyof({ p: null, q: null }), f: t.readonly(t.literal(3)) }),
    ]);
    assert.deepEqual(toJsonSchema(codec), {
      type: 'object',
      properties: {
        a: { type: 'string' },
        b: { anyOf: [{ type: 'number' }, { type: 'null' }] },
        c: { type: 'array', items: { type: 'boolean' } },
        d: { enum: ['x', 'y'] },
        e: { type: 'string', enum: ['p', 'q'] },
        f: { const: 3 },
      },
      required: ['a', 'b', 'c', 'd'],
    });
  });
});
