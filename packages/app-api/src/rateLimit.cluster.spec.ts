import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createRedisRateLimiters } from '@placebo/adapters';
import { openTestApi, unique, type TestApi } from '@placebo/testkit/http';

describe('rate limits (cluster: counted in Redis, shared by API processes)', () => {
  const prefix = `placebo-test-${randomUUID().slice(0, 8)}:`;
  let redis: Redis;
  const apis: TestApi[] = [];
  before(async () => {
    redis = new Redis('redis://127.0.0.1:6379/0', { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
    await redis.connect();
    const limits = createRedisRateLimiters({ redis, keyPrefix: prefix });
    // Two API processes of one deployment: separate stores of players would not matter here, one Redis of counts does.
    for (let i = 0; i < 2; i++) apis.push(openTestApi({ rates: { authNamePerHour: 3 }, wrapInfra: (real) => ({ ...real, rateLimits: limits }) }));
  });
  after(async () => {
    for (const api of apis) await api.close();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it("counts one name's logins across processes", async () => {
    const [a, b] = apis as [TestApi, TestApi];
    const name = unique('shared');
    const statuses = [];
    for (const api of [a, b, a, b]) statuses.push((await api.agent.post('/v1/sessions').send({ name, password: 'whatever' })).status);
    assert.deepEqual(statuses, [401, 401, 401, 429]);
  });
});
