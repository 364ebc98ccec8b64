import assert from 'node:assert/strict';
import type { RequestListener } from 'node:http';
import request from 'supertest';
import { openApiDocument } from '@placebo/app-api';
import { createContract, type Exchange } from './contract.js';
import { capturingListener } from './contractCheck.js';

const doc = openApiDocument({ seedRoutes: true });
const { check } = createContract(doc);
const exchange = (method: string, url: string, status: number, contentType: string | undefined, body: string, allow?: string) =>
  check({ method, url, status, contentType, allow, body: Buffer.from(body) });
const json = 'application/json; charset=utf-8';

describe('the contract check', () => {
  it('accepts what the document describes', () => {
    assert.equal(exchange('GET', '/healthz', 200, json, '{"status":"ok"}'), null);
    assert.equal(exchange('POST', '/buy/sword', 402, 'text/plain; charset=utf-8', 'You do not have sufficient funds [:(\n'), null);
    assert.equal(exchange('DELETE', '/v1/sessions', 204, undefined, ''), null);
    assert.equal(exchange('GET', '/nowhere', 404, json, '{"error":"not_found"}'), null);
    assert.equal(exchange('PUT', '/v1/players', 405, json, '{"error":"method_not_allowed"}', 'POST'), null);
  });

  it('refuses an undocumented status, content type, field or missing field', () => {
    assert.match(exchange('GET', '/healthz', 201, json, '{"status":"ok"}') ?? '', /201 is not documented/);
    assert.match(exchange('POST', '/buy/sword', 402, json, '{"error":"insufficient_funds"}') ?? '', /says text\/plain/);
    assert.match(exchange('GET', '/healthz', 200, json, '{"status":"ok","extra":1}') ?? '', /additional properties/);
    assert.match(exchange('POST', '/v1/players', 201, json, '{"player_id":"p"}') ?? '', /required property 'name'/);
    assert.match(exchange('POST', '/v1/players', 400, json, '{"error":"no_such_code"}') ?? '', /allowed values/);
    assert.match(exchange('GET', '/v1/players/p', 401, json, '{"error":"forbidden"}') ?? '', /allowed values/, 'each status lists its own codes');
    assert.match(exchange('DELETE', '/v1/sessions', 204, json, '{}') ?? '', /documents no body/);
    assert.match(exchange('TRACE', '/v1/players', 405, json, '{"error":"method_not_allowed"}', '') ?? '', /Allow/);
    assert.match(exchange('GET', '/nowhere', 200, json, '{}') ?? '', /expected 404/);
  });

  it('sees each answer the app completes, and finds what breaks the document', async () => {
    const liar: RequestListener = (_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end('{"status":"fine"}');
    };
    const seen: Exchange[] = [];
    await request(capturingListener(liar, (x) => seen.push(x))).get('/healthz?x=1');
    assert.equal(seen.length, 1);
    assert.deepEqual(
      { ...seen[0], body: seen[0]?.body.toString() },
      { method: 'GET', url: '/healthz?x=1', status: 200, contentType: 'application/json', allow: undefined, body: '{"status":"fine"}' },
    );
    assert.match(check(seen[0] as Exchange) ?? '', /body \{"status":"fine"\} breaks the schema/);
  });
});
