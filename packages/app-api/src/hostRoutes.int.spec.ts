import assert from 'node:assert/strict';
import type { Coins } from '@placebo/domain';
import { catalogue, openTestApi, storedEvents, type TestApi } from '@placebo/testkit/http';

const price = (kind: string): number => catalogue.items.find((i) => i.kind === kind)?.price ?? NaN;

describe("seed 001's routes (GET, player named by the Host header)", () => {
  let api: TestApi;
  before(() => {
    api = openTestApi();
  });
  after(() => api.close());

  const get = (path: string, host: string) => api.agent.get(path).set('Host', host);

  it('answers each route in the seed text and counts purchases per host', async () => {
    const plan: ReadonlyArray<readonly [string, string, string, number]> = [
      ['/purchase_a_sword', 'user1.comcast.com', 'Sword Purchased!\n', 3],
      ['/', 'user1.comcast.com', 'This is the default response!\n', 2],
      ['/purchase_a_knife', 'user1.comcast.com', 'Knife Purchased!\n', 2],
      ['/purchase_armor', 'user2.att.com:5000', 'Armor Purchased!\n', 2],
      ['/purchase_bow', 'user2.att.com', 'Bow Purchased!\n', 1],
      ['/purchase_arrow', 'USER2.ATT.COM', 'Arrow Purchased!\n', 4],
    ];
    for (const [path, host, text, times] of plan) {
      for (let i = 0; i < times; i++) {
        const res = await get(path, host);
        assert.equal(res.status, 200, `${path} ${host}`);
        assert.equal(res.text, text);
      }
    }
    const user1 = await storedEvents(api, 'host-user1.comcast.com');
    const user2 = await storedEvents(api, 'host-user2.att.com');
    const bought = (events: typeof user1) => events.flatMap((e) => (e.data.type === 'ItemPurchased' ? [e.data.kind] : []));
    assert.deepEqual(bought(user1), ['sword', 'sword', 'sword', 'knife', 'knife']);
    assert.deepEqual(bought(user2), ['armor', 'armor', 'bow', 'arrow', 'arrow', 'arrow', 'arrow']);
    assert.equal(user1.filter((e) => e.data.type === 'HomeVisited').length, 2);
    const registered = user1[0]?.data;
    assert.equal(registered?.type, 'PlayerRegistered');
    assert.equal(registered.type === 'PlayerRegistered' && registered.wealth, catalogue.limits.host_starting_wealth);
    assert.equal(user1.at(-1)?.player.wealth, catalogue.limits.host_starting_wealth - 3 * price('sword') - 2 * price('knife'));
    assert.equal(user2[0]?.request.host, 'user2.att.com:5000');
  });

  it("joins the catalogue's first guild once, then answers 409 already_member, on both paths", async () => {
    const first = await get('/join_guild', 'user3.spectrum.com');
    assert.equal(first.status, 200);
    assert.equal(first.text, 'Joined Guild!\n');
    const again = await get('/join_a_guild', 'user3.spectrum.com');
    assert.equal(again.status, 409);
    assert.equal(again.body.error, 'already_member');
    const joined = (await storedEvents(api, 'host-user3.spectrum.com')).flatMap((e) => (e.data.type === 'OrgJoined' ? [e.data.org] : []));
    assert.deepEqual(joined, [catalogue.orgs.find((o) => o.kind === 'guild')?.name]);
  });

  it('refuses a purchase the host cannot afford with 402 and the seed text, recorded as PurchaseRefused', async () => {
    const poor = openTestApi({ catalogue: { ...catalogue, limits: { ...catalogue.limits, host_starting_wealth: (price('knife') + 10) as Coins } } });
    try {
      const host = 'poor.example.org';
      const res = await Promise.all(Array.from({ length: 3 }, () => poor.agent.get('/purchase_a_knife').set('Host', host)));
      assert.equal(res.filter((r) => r.status === 200).length, 1);
      const refused = res.filter((r) => r.status === 402);
      assert.equal(refused.length, 2);
      assert.equal(refused[0]?.text, 'You do not have sufficient funds [:(\n');
      const events = await storedEvents(poor, `host-${host}`);
      assert.equal(events.filter((e) => e.data.type === 'PurchaseRefused').length, 2);
      assert.ok(events.every((e) => e.player.wealth >= 0));
    } finally {
      await poor.close();
    }
  });

  it('registers a host once under concurrent first requests', async () => {
    const res = await Promise.all(Array.from({ length: 8 }, () => get('/purchase_arrow', 'burst.example.com')));
    assert.ok(res.every((r) => r.status === 200));
    const events = await storedEvents(api, 'host-burst.example.com');
    assert.equal(events.filter((e) => e.data.type === 'PlayerRegistered').length, 1);
    assert.equal(events.filter((e) => e.data.type === 'ItemPurchased').length, 8);
  });

  it('answers / and the probes without creating a player or writing anything', async () => {
    const before = await api.infra.log.end('all_events', 0)();
    for (const host of ['probe.example.com', '127.0.0.1:8080', 'localhost', '[::1]:8080']) {
      const res = await get('/', host);
      assert.equal(res.status, 200, host);
      assert.equal(res.text, 'This is the default response!\n');
    }
    assert.equal((await get('/healthz', 'probe.example.com')).status, 200);
    assert.equal((await get('/readyz', 'probe.example.com')).status, 200);
    assert.deepEqual(await storedEvents(api, 'host-probe.example.com'), []);
    assert.deepEqual(await api.infra.log.end('all_events', 0)(), before);
  });

  it('answers 400 for a host that cannot name a player', async () => {
    const long = `${'a'.repeat(60)}.com`;
    const res = await get('/purchase_a_sword', long);
    assert.equal(res.status, 400);
    assert.equal(res.body.error, 'validation_failed');
    assert.equal(res.body.details[0].path, 'host');
  });
});
