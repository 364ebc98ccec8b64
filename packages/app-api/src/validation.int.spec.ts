import assert from 'node:assert/strict';
import { once } from 'node:events';
import { Agent, createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Test } from 'supertest';
import { openTestApi, signUp, storedEvents, unique, type TestApi } from '@placebo/testkit/http';

type Case = readonly [label: string, send: () => Test, status: number, error: string, path?: string];

describe('bad input gets a clear 4xx with a stable code and the field, never a 500 or a write', () => {
  let api: TestApi;
  let player: Awaited<ReturnType<typeof signUp>>;
  const seedId = unique('');
  before(async () => {
    api = openTestApi({ bodyLimit: 1024 });
    player = await signUp(api);
    await api.agent
      .post('/create/user')
      .type('form')
      .send(`userid=${seedId}&userpwd=pw&username=${unique('seed')}&wealth=1000`);
  });
  after(() => api.close());

  const json = (path: string, body: unknown) =>
    api.agent
      .post(path)
      .set(player.auth)
      .send(body as object);
  const raw = (path: string, type: string, body: string | Buffer) => api.agent.post(path).set(player.auth).set('Content-Type', type).send(body);
  const buy = (body: unknown) => json(`/v1/players/${player.id}/purchases`, body);
  const form = (path: string, body: string) => api.agent.post(path).type('form').send(body);
  const seedBuy = (cost: string) => form('/buy/sword', `userid=${seedId}&type=cutlass&cost=${encodeURIComponent(cost)}`);
  const register = (body: object) => api.agent.post('/v1/players').send({ name: unique('n'), password: 'long enough', ...body });

  const cases: ReadonlyArray<Case> = [
    ['register: nothing', () => api.agent.post('/v1/players').send({}), 400, 'validation_failed', 'name'],
    ['register: name a number', () => register({ name: 42 }), 400, 'validation_failed', 'name'],
    ['register: name of spaces', () => register({ name: '    ' }), 400, 'validation_failed', 'name'],
    ['register: name too long', () => register({ name: 'x'.repeat(65) }), 400, 'validation_failed', 'name'],
    ['register: name with a control character', () => register({ name: 'a\u0007b' }), 400, 'validation_failed', 'name'],
    ['register: name with a lone surrogate', () => register({ name: `${unique('n')}\ud800` }), 400, 'validation_failed', 'name'],
    ['register: 65 emoji as a name', () => register({ name: '😀'.repeat(65) }), 400, 'validation_failed', 'name'],
    ['register: password of four emoji', () => register({ password: '😀😀😀😀' }), 400, 'validation_failed', 'password'],
    ['seed 001: a Host that names no player', () => api.agent.get('/purchase_a_knife').set('Host', 'ä.example.com'), 400, 'validation_failed', 'host'],
    ['register: password missing', () => api.agent.post('/v1/players').send({ name: unique('n') }), 400, 'validation_failed', 'password'],
    ['register: password too short', () => register({ password: 'short' }), 400, 'validation_failed', 'password'],
    ['register: password too long', () => register({ password: 'x'.repeat(257) }), 400, 'validation_failed', 'password'],
    ['register: negative wealth', () => register({ wealth: -1 }), 400, 'validation_failed', 'wealth'],
    ['register: fractional wealth', () => register({ wealth: 1.5 }), 400, 'validation_failed', 'wealth'],
    ['register: huge wealth', () => register({ wealth: 1e300 }), 400, 'validation_failed', 'wealth'],
    ['register: wealth as text', () => register({ wealth: '100' }), 400, 'validation_failed', 'wealth'],
    ['register: bad player_id', () => register({ player_id: 'no spaces please' }), 400, 'validation_failed', 'player_id'],
    ['register: reserved player_id', () => register({ player_id: 'host-example.com' }), 400, 'validation_failed', 'player_id'],
    ['register: an array', () => api.agent.post('/v1/players').send([1, 2]), 400, 'validation_failed', 'body'],
    ['register: JSON null', () => api.agent.post('/v1/players').set('Content-Type', 'application/json').send('null'), 400, 'validation_failed', 'body'],
    ['register: bad JSON', () => api.agent.post('/v1/players').set('Content-Type', 'application/json').send('{"name": "x",'), 400, 'malformed_json'],
    [
      'register: not UTF-8',
      () =>
        api.agent
          .post('/v1/players')
          .set('Content-Type', 'application/json')
          .serialize((b: unknown) => b as string)
          .send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])),
      400,
      'malformed_json',
    ],
    ['register: plain text', () => api.agent.post('/v1/players').set('Content-Type', 'text/plain').send('name=x'), 415, 'unsupported_media_type'],
    [
      'register: gzip',
      () => api.agent.post('/v1/players').set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send('{}'),
      415,
      'unsupported_encoding',
    ],
    ['register: huge body', () => register({ name: 'x', padding: 'y'.repeat(5000) }), 413, 'payload_too_large'],
    ['login: name a number', () => api.agent.post('/v1/sessions').send({ name: 5, password: 'whatever' }), 400, 'validation_failed', 'name'],
    ['login: empty password', () => api.agent.post('/v1/sessions').send({ name: 'x', password: '' }), 400, 'validation_failed', 'password'],
    ['buy: unknown kind', () => buy({ kind: 'laser' }), 400, 'validation_failed', 'kind'],
    ['buy: no kind', () => buy({ type: 'saber' }), 400, 'validation_failed', 'kind'],
    ['buy: kind a number', () => buy({ kind: 3 }), 400, 'validation_failed', 'kind'],
    ['buy: zero quantity', () => buy({ kind: 'sword', quantity: 0 }), 400, 'validation_failed', 'quantity'],
    ['buy: negative quantity', () => buy({ kind: 'sword', quantity: -1 }), 400, 'validation_failed', 'quantity'],
    ['buy: fractional quantity', () => buy({ kind: 'sword', quantity: 1.5 }), 400, 'validation_failed', 'quantity'],
    ['buy: huge quantity', () => buy({ kind: 'sword', quantity: 1e300 }), 400, 'validation_failed', 'quantity'],
    ['buy: quantity as text', () => buy({ kind: 'sword', quantity: '2' }), 400, 'validation_failed', 'quantity'],
    ['buy: null quantity', () => buy({ kind: 'sword', quantity: null }), 400, 'validation_failed', 'quantity'],
    ['buy: empty type', () => buy({ kind: 'sword', type: '' }), 400, 'validation_failed', 'type'],
    ['buy: overlong type', () => buy({ kind: 'sword', type: 's'.repeat(65) }), 400, 'validation_failed', 'type'],
    ['buy: offer a number', () => buy({ kind: 'sword', offer_id: 7 }), 400, 'validation_failed', 'offer_id'],
    ['buy: bad JSON', () => raw(`/v1/players/${player.id}/purchases`, 'application/json', '{kind: sword}'), 400, 'malformed_json'],
    [
      'buy: form with a bad quantity',
      () => raw(`/v1/players/${player.id}/purchases`, 'application/x-www-form-urlencoded', 'kind=sword&quantity=2'),
      400,
      'validation_failed',
      'quantity',
    ],
    ['buy: bad player id', () => api.agent.post('/v1/players/bad%20id/purchases').set(player.auth).send({ kind: 'sword' }), 400, 'validation_failed', 'id'],
    [
      'buy: overlong player id',
      () =>
        api.agent
          .post(`/v1/players/${'p'.repeat(65)}/purchases`)
          .set(player.auth)
          .send({ kind: 'sword' }),
      400,
      'validation_failed',
      'id',
    ],
    [
      'buy: broken escape in the path',
      () => api.agent.post('/v1/players/%E0%A4%A/purchases').set(player.auth).send({ kind: 'sword' }),
      400,
      'validation_failed',
      'id',
    ],
    ['profile: bad player id', () => api.agent.get('/v1/players/a$b').set(player.auth), 400, 'validation_failed', 'id'],
    ['join: unknown kind', () => json(`/v1/players/${player.id}/orgs`, { kind: 'clan', org: 'x' }), 400, 'validation_failed', 'kind'],
    ['join: no org', () => json(`/v1/players/${player.id}/orgs`, { kind: 'guild' }), 400, 'validation_failed', 'org'],
    ['leave: unknown kind', () => api.agent.delete(`/v1/players/${player.id}/orgs/clan/x`).set(player.auth), 400, 'validation_failed', 'kind'],
    ['leave: org with a leading space', () => api.agent.delete(`/v1/players/${player.id}/orgs/guild/%20x`).set(player.auth), 400, 'validation_failed', 'org'],
    ['fight: enemy an array', () => json(`/v1/players/${player.id}/fights`, { enemy: ['goblin'] }), 400, 'validation_failed', 'enemy'],
    ['seed create: no userid', () => form('/create/user', 'userpwd=pw&username=x'), 400, 'validation_failed', 'userid'],
    ['seed create: empty password', () => form('/create/user', `userid=${unique('')}&userpwd=&username=x`), 400, 'validation_failed', 'userpwd'],
    [
      'seed create: overlong name',
      () => form('/create/user', `userid=${unique('')}&userpwd=pw&username=${'n'.repeat(65)}`),
      400,
      'validation_failed',
      'username',
    ],
    ['seed create: name of spaces', () => form('/create/user', `userid=${unique('')}&userpwd=pw&username=%20%20`), 400, 'validation_failed', 'username'],
    [
      'seed create: wealth not a number',
      () => form('/create/user', `userid=${unique('')}&userpwd=pw&username=x&wealth=lots`),
      400,
      'validation_failed',
      'wealth',
    ],
    ['seed create: negative wealth', () => form('/create/user', `userid=${unique('')}&userpwd=pw&username=x&wealth=-5`), 400, 'validation_failed', 'wealth'],
    ['seed buy: fractional cost', () => seedBuy('12.5'), 400, 'validation_failed', 'cost'],
    ['seed buy: negative cost', () => seedBuy('-3'), 400, 'validation_failed', 'cost'],
    ['seed buy: cost not a number', () => seedBuy('abc'), 400, 'validation_failed', 'cost'],
    ['seed buy: empty cost', () => seedBuy(''), 400, 'validation_failed', 'cost'],
    ['seed buy: exponent cost', () => seedBuy('1e3'), 400, 'validation_failed', 'cost'],
    ['seed buy: cost beyond coins', () => seedBuy('99999999999999'), 400, 'validation_failed', 'cost'],
    ['seed buy: zero cost', () => seedBuy('0'), 422, 'out_of_range', 'cost'],
    ['seed buy: cost beyond max_cost', () => seedBuy('2000000000'), 422, 'out_of_range', 'cost'],
    ['seed buy: no type', () => form('/buy/spell', `userid=${seedId}&cost=5`), 400, 'validation_failed', 'type'],
    ['seed buy: bad userid', () => form('/buy/spell', 'userid=a%20b&type=charm&cost=5'), 400, 'validation_failed', 'userid'],
    [
      'seed buy: JSON with a boolean cost',
      () => api.agent.post('/buy/sword').send({ userid: seedId, type: 'cutlass', cost: true }),
      400,
      'validation_failed',
      'cost',
    ],
    ['seed buy: huge body', () => form('/buy/sword', `userid=${seedId}&type=cutlass&cost=5&pad=${'p'.repeat(2000)}`), 413, 'payload_too_large'],
    ['seed guild: no cost', () => form('/join/guild', `userid=${seedId}&org=soldiers&level=recruit`), 400, 'validation_failed', 'cost'],
    ['seed team: fractional cost', () => form('/join/team', `userid=${seedId}&org=team%20BLAH&level=member&cost=1.25`), 400, 'validation_failed', 'cost'],
    ['seed profile: no userid', () => api.agent.get('/data/user'), 400, 'validation_failed', 'userid'],
    ['seed profile: bad userid', () => api.agent.get('/data/user?userid=a%20b'), 400, 'validation_failed', 'userid'],
    ['seed profile: repeated userid', () => api.agent.get(`/data/user?userid=${seedId}&userid=${seedId}`), 400, 'validation_failed', 'userid'],
  ];

  it('answers every bad request in the table as specified', async () => {
    const before = [(await storedEvents(api, player.id)).length, (await storedEvents(api, seedId)).length];
    for (const [label, send, status, error, path] of cases) {
      const res = await send();
      assert.equal(res.status, status, `${label}: ${res.status} ${res.text}`);
      assert.equal(res.body.error, error, label);
      if (path !== undefined) {
        const paths = (res.body.details as ReadonlyArray<{ path: string; message: string }>).map((d) => d.path);
        assert.ok(paths.includes(path), `${label}: details ${JSON.stringify(res.body.details)}`);
        assert.ok(
          res.body.details.every((d: { message: unknown }) => typeof d.message === 'string' && d.message.length > 0),
          label,
        );
      }
    }
    const after = [(await storedEvents(api, player.id)).length, (await storedEvents(api, seedId)).length];
    assert.deepEqual(after, before, 'no bad request wrote an event');
    assert.ok(!api.logLines.some((l) => l.includes('"level":"error"')), 'nothing was logged as an unexpected error');
  });

  it('names every missing field, not just the first', async () => {
    const res = await api.agent.post('/v1/players').send({});
    assert.deepEqual(res.body.details, [
      { path: 'name', message: 'is required' },
      { path: 'password', message: 'is required' },
    ]);
  });

  describe('on a real socket', () => {
    let server: Server;
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    before(async () => {
      server = createServer(api.listener).listen(0, '127.0.0.1');
      await once(server, 'listening');
    });
    after(() => {
      agent.destroy();
      server.close();
    });

    /** One request on the shared keep-alive socket; chunks are written without a Content-Length. */
    const send = (method: string, path: string, chunks: ReadonlyArray<string>, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; body: string; socket: unknown }>((resolve, reject) => {
        const { port } = server.address() as AddressInfo;
        const req = httpRequest({ port, agent, method, path, headers: { 'Content-Type': 'application/json', ...headers } }, (r) => {
          let body = '';
          r.on('data', (c: Buffer) => (body += c.toString()));
          r.on('end', () => resolve({ status: r.statusCode ?? 0, body, socket: req.socket }));
        });
        req.on('error', reject);
        for (const c of chunks) req.write(c);
        req.end();
      });

    it('stops a chunked body (no Content-Length) at the limit with 413', async () => {
      const res = await send(
        'POST',
        '/v1/players',
        Array.from({ length: 8 }, () => 'z'.repeat(500)),
      );
      assert.equal(res.status, 413);
      assert.equal(JSON.parse(res.body).error, 'payload_too_large');
    });

    it('answers 413 for a declared oversize body and keeps the connection usable', async () => {
      const big = 'y'.repeat(200_000);
      const first = await send('POST', '/v1/players', [big], { 'Content-Length': String(big.length) });
      assert.equal(first.status, 413);
      const next = await send('GET', '/healthz', []);
      assert.equal(next.status, 200);
      assert.equal(next.socket, first.socket, 'the same keep-alive socket served both');
    });
  });
});
