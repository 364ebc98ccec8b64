import assert from 'node:assert/strict';
import * as E from 'fp-ts/lib/Either.js';
import { openTestApi, storedEvents, unique, wrapAppend, type TestApi } from '@placebo/testkit/http';

describe("seed 000's profile view answers without waiting for its record", () => {
  let api: TestApi;
  let slow = false;
  before(() => {
    api = openTestApi({
      // A disk that takes its time: appends wait while `slow` is set.
      wrapInfra: wrapAppend((append) => (...args) => async () => {
        if (slow) await new Promise((r) => setTimeout(r, 300));
        return append(...args)();
      }),
    });
  });
  after(() => api.close());

  it('answers the profile before the ProfileViewed event is appended, and still records it', async () => {
    const id = unique('');
    await api.agent
      .post('/create/user')
      .type('form')
      .send(`userid=${id}&userpwd=pw&username=${unique('viewer')}&wealth=500`);
    slow = true;
    try {
      const res = await api.agent.get(`/data/user?userid=${id}`);
      assert.equal(res.status, 200);
      const now = await api.infra.log.readPlayer(id, 0)();
      assert.ok(E.isRight(now));
      assert.equal(now.right.filter((e) => e.data.type === 'ProfileViewed').length, 0, 'the answer waited for the append');
      assert.equal((await storedEvents(api, id)).filter((e) => e.data.type === 'ProfileViewed').length, 1);
    } finally {
      slow = false;
    }
  });
});
