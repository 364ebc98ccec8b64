import assert from 'node:assert/strict';
import { openTestApi, signUp, storedEvents, type TestApi } from '@placebo/testkit/http';

describe('command replies place their event in the log', () => {
  let api: TestApi;
  before(() => {
    api = openTestApi({ roll: () => 0.01 });
  });
  after(() => api.close());

  it("answer every /v1 command with the event id, player version and the server's occurred_at of its event", async () => {
    const p = await signUp(api);
    const replies = [
      await api.agent.post(`/v1/players/${p.id}/purchases`).set(p.auth).send({ kind: 'knife' }),
      await api.agent.post(`/v1/players/${p.id}/purchases`).set(p.auth).send({ kind: 'sword', type: 'longsword' }),
      await api.agent.post(`/v1/players/${p.id}/orgs`).set(p.auth).send({ kind: 'team', org: 'team ABCD' }),
      await api.agent.post(`/v1/players/${p.id}/orgs`).set(p.auth).send({ kind: 'guild', org: 'soldiers', level: 'masterofarms' }),
      await api.agent.delete(`/v1/players/${p.id}/orgs/team/team ABCD`).set(p.auth).send({}),
      await api.agent.post(`/v1/players/${p.id}/fights`).set(p.auth).send({ enemy: 'goblin' }),
    ];
    assert.deepEqual(
      replies.map((r) => r.status),
      [201, 402, 201, 402, 200, 201],
    );
    const byId = new Map((await storedEvents(api, p.id)).map((e) => [e.event_id, e]));
    for (const r of replies) {
      const stored = byId.get(r.body.event_id);
      assert.ok(stored, `no stored event ${r.body.event_id}`);
      assert.equal(r.body.player_version, stored.player_version);
      assert.equal(r.body.occurred_at, stored.occurred_at);
    }
    assert.deepEqual(
      replies.map((r) => r.body.player_version),
      [3, 4, 5, 6, 7, 8],
    );
  });
});
