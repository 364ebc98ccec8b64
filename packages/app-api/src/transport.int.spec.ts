import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openTestApi, type TestApi } from '@placebo/testkit/http';

/** One raw request on a real socket: the headers exactly as given. */
const raw = (server: Server, method: string, path: string, headers: Record<string, string>, body?: string) =>
  new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const { port } = server.address() as AddressInfo;
    const req = httpRequest({ port, host: '127.0.0.1', method, path, headers }, (r) => {
      let text = '';
      r.on('data', (c: Buffer) => (text += c.toString()));
      r.on('end', () => resolve({ status: r.statusCode ?? 0, headers: r.headers, body: text }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });

describe('methods and transfer codings', () => {
  let api: TestApi;
  let server: Server;
  before(async () => {
    api = openTestApi();
    server = createServer(api.listener).listen(0, '127.0.0.1');
    await once(server, 'listening');
  });
  after(async () => {
    server.close();
    await api.close();
  });

  for (const method of ['TRACE', 'QUERY', 'PATCH']) {
    it(`answers ${method} on a known path with 405 and Allow`, async () => {
      const res = await raw(server, method, '/v1/players', {});
      assert.equal(res.status, 405);
      assert.equal(res.headers.allow, 'POST');
      assert.equal(JSON.parse(res.body).error, 'method_not_allowed');
    });
  }

  it('answers TRACE on an unknown path with 404', async () => {
    const res = await raw(server, 'TRACE', '/nowhere', {});
    assert.equal(res.status, 404);
  });

  it('answers 413 to a body over the limit on a route that reads none, and 431 to oversize headers, both documented', async () => {
    const big = await raw(server, 'GET', '/v1/catalogue', { 'Content-Type': 'application/json', 'Content-Length': '70000' }, 'x'.repeat(70_000));
    assert.equal(big.status, 413, big.body);
    assert.equal(JSON.parse(big.body).error, 'payload_too_large');
    const headers = await raw(server, 'GET', '/v1/catalogue', { 'X-Filler': 'y'.repeat(20_000) });
    assert.equal(headers.status, 431);
  });

  it('refuses a transfer coding other than chunked with 501, before reading the body', async () => {
    const res = await raw(server, 'POST', '/v1/players', { 'Transfer-Encoding': 'gzip, chunked', 'Content-Type': 'application/json' }, '{"name":"x"}');
    assert.equal(res.status, 501);
    assert.equal(JSON.parse(res.body).error, 'unsupported_transfer_coding');
    const plain = await raw(server, 'POST', '/v1/players', { 'Transfer-Encoding': 'chunked', 'Content-Type': 'application/json' }, '{}');
    assert.equal(plain.status, 400, 'chunked alone is read as usual');
  });
});
