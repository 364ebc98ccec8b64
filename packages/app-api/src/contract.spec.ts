import assert from 'node:assert/strict';
import { openApiDocument, operations } from './openapi.js';

const doc = openApiDocument({ seedRoutes: true });

describe('the document lists every status', () => {
  const paths = doc.paths as Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;

  it('every operation answers the transport statuses, in JSON but 431', () => {
    const shared = (doc.components as { responses: Record<string, { content?: Record<string, unknown> }> }).responses;
    for (const status of ['413', '415', '500', '501']) assert.ok(shared[status]?.content?.['application/json'], status);
    assert.equal(shared['431']?.content, undefined);
    for (const op of operations) {
      const responses = paths[op.path]?.[op.method]?.responses ?? {};
      for (const status of ['413', '415', '431', '500', '501']) assert.deepEqual(responses[status], { $ref: `#/components/responses/${status}` });
    }
  });

  it('the seed routes answer 200 and 402 in plain text, their other errors in JSON', () => {
    for (const op of operations.filter((o) => o.tag.startsWith('seed'))) {
      const responses = paths[op.path]?.[op.method]?.responses ?? {};
      assert.ok(responses['200']?.content?.['text/plain'], `${op.path} 200`);
      if (responses['402'] !== undefined) assert.deepEqual(Object.keys(responses['402'].content ?? {}), ['text/plain'], `${op.path} 402`);
      assert.ok(responses['400']?.content?.['application/json'], `${op.path} 400`);
    }
  });

  it('names the views from their codecs', () => {
    const content = paths['/v1/players/{id}/purchases']?.post?.responses['201']?.content;
    assert.deepEqual(content, { 'application/json': { schema: { $ref: '#/components/schemas/Purchased' } } });
    assert.deepEqual((doc.servers as unknown[]).length, 1);
  });
});
