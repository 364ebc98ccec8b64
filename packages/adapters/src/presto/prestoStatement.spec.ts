import assert from 'node:assert/strict';
import { classify, parsePrestoJson } from './prestoStatement.js';

describe('presto statements', () => {
  describe('classify', () => {
    it('takes a USER_ERROR for the SQL’s fault, on the error or under `error`', () => {
      assert.deepEqual(classify({ errorType: 'USER_ERROR', errorName: 'SYNTAX_ERROR', message: 'line 1' }), {
        kind: 'sql',
        name: 'SYNTAX_ERROR',
        message: 'line 1',
      });
      assert.deepEqual(classify({ message: 'failed', error: { errorType: 'USER_ERROR', message: 'no such table' } }), {
        kind: 'sql',
        name: 'USER_ERROR',
        message: 'no such table',
      });
    });

    it('retries what may pass (INSUFFICIENT_RESOURCES, EXTERNAL), not INTERNAL_ERROR', () => {
      const failure = (errorType: string) => classify({ errorType, errorName: 'X', message: 'm' });
      const retriable = (errorType: string): boolean => {
        const f = failure(errorType);
        return f.kind === 'infrastructure' && f.retriable;
      };
      assert.ok(retriable('EXTERNAL'));
      assert.ok(retriable('INSUFFICIENT_RESOURCES'));
      assert.deepEqual(failure('INTERNAL_ERROR'), {
        kind: 'infrastructure',
        retriable: false,
        message: 'X: m',
        cause: { errorType: 'INTERNAL_ERROR', errorName: 'X', message: 'm' },
      });
    });

    it('retries a failed exchange, except a 4xx', () => {
      const refused = { message: 'connect failed', error: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }) } as unknown as Parameters<
        typeof classify
      >[0];
      assert.deepEqual(classify(refused), { kind: 'infrastructure', retriable: true, message: 'connect failed (ECONNREFUSED)', cause: refused });
      const unauthorized = { code: 401, message: 'User must be set' };
      assert.deepEqual(classify(unauthorized), { kind: 'infrastructure', retriable: false, message: 'User must be set (HTTP 401)', cause: unauthorized });
      assert.deepEqual(classify({ code: 503, message: 'unavailable' }), {
        kind: 'infrastructure',
        retriable: true,
        message: 'unavailable (HTTP 503)',
        cause: { code: 503, message: 'unavailable' },
      });
    });
  });

  it('keeps integers beyond 2^53 exact, as text', () => {
    assert.deepEqual(parsePrestoJson('[12345678901234567890, 12, "12345678901234567890"]'), ['12345678901234567890', 12, '12345678901234567890']);
  });
});
