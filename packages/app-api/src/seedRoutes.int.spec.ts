import assert from 'node:assert/strict';
import { openTestApi, storedEvents, unique, type TestApi } from '@placebo/testkit/http';

const form = 'application/x-www-form-urlencoded';

describe("seed 000's routes (form posts, player named by userid)", () => {
  let api: TestApi;
  before(() => {
    api = openTestApi();
  });
  after(() => api.close());

  it('replays the seed walkthrough: create, buy, refuse, refuse, profile', async () => {
    const created = await api.agent.post('/create/user').type(form).send('userid=987611&userpwd=blahdh&username=dirk&wealth=12345');
    assert.equal(created.status, 200);
    assert.equal(created.text, 'Created user +:)\n');

    const cutlass = await api.agent.post('/buy/sword').type(form).send('userid=987611&type=cutlass&cost=5000');
    assert.equal(cutlass.status, 200);
    assert.equal(cutlass.text, 'Sword purchased [:)\n');

    const longsword = await api.agent.post('/buy/sword').type(form).send('userid=987611&type=longsword&cost=10000');
    assert.equal(longsword.status, 402);
    assert.equal(longsword.text, 'You do not have sufficient funds [:(\n');

    const guild = await api.agent.post('/join/guild').type(form).send('userid=987611&org=soldiers&level=masterofarms&cost=9999');
    assert.equal(guild.status, 402);
    assert.equal(guild.text, 'You do not have sufficient funds [:(\n');

    const data = await api.agent.get('/data/user?userid=987611');
    assert.equal(data.status, 200);
    assert.match(data.headers['content-type'] ?? '', /^text\/plain/);
    assert.ok(data.text.startsWith('User data: \n\n'));
    assert.ok(data.text.endsWith('}\n'));
    const profile = JSON.parse(data.text.slice('User data: \n\n'.length)) as Record<string, unknown>;
    assert.deepEqual(Object.keys(profile), ['user_id', 'user_name', 'wealth', 'health', 'created', 'inventory', 'affiliations']);
    assert.equal(profile.user_id, '987611');
    assert.equal(profile.user_name, 'dirk');
    assert.equal(profile.wealth, 7345);
    assert.equal(profile.health, 100);
    assert.match(profile.created as string, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$/);
    assert.deepEqual(profile.inventory, ['cutlass']);
    assert.deepEqual(profile.affiliations, []);
    for (const secret of ['blahdh', 'scrypt', 'pwd']) assert.ok(!data.text.includes(secret), `profile mentions ${secret}`);

    const types = (await storedEvents(api, '987611')).map((e) => e.data.type);
    assert.deepEqual(types, ['PlayerRegistered', 'ItemPurchased', 'PurchaseRefused', 'OrgJoinRefused', 'ProfileViewed']);
  });

  it("answers the seed's second player: spells twice and a guild it can afford", async () => {
    const id = unique('');
    const ok = (path: string, body: string) => api.agent.post(path).type(form).send(body);
    assert.equal((await ok('/create/user', `userid=${id}&userpwd=yahbadaba&username=${unique('merly')}&wealth=98712`)).text, 'Created user +:)\n');
    assert.equal((await ok('/buy/spell', `userid=${id}&type=charm&cost=4999`)).text, 'Spell purchased <:)\n');
    assert.equal((await ok('/buy/spell', `userid=${id}&type=charm&cost=4999`)).text, 'Spell purchased <:)\n');
    assert.equal((await ok('/join/guild', `userid=${id}&org=magicians&level=accolyte&cost=99`)).text, 'Joined #guild\n');
    assert.equal((await ok('/join/team', `userid=${id}&org=team ABCD&level=member`)).text, 'Joined #team\n');
    const data = await api.agent.get(`/data/user?userid=${id}`);
    const profile = JSON.parse(data.text.slice('User data: \n\n'.length)) as {
      wealth: number;
      inventory: string[];
      affiliations: Array<Record<string, string>>;
    };
    assert.equal(profile.wealth, 98712 - 4999 - 4999 - 99);
    assert.deepEqual(profile.inventory, ['charm', 'charm']);
    assert.deepEqual(
      profile.affiliations.map((a) => [a.org, a.level]),
      [
        ['magicians', 'accolyte'],
        ['team ABCD', 'member'],
      ],
    );
    assert.ok(profile.affiliations.every((a) => typeof a.joined_ts === 'string'));
  });

  it('lists one type name per item, grouped by type in the order each was first bought', async () => {
    const id = unique('');
    const ok = (path: string, body: string) => api.agent.post(path).type(form).send(body);
    await ok('/create/user', `userid=${id}&userpwd=pw&username=${unique('hoarder')}&wealth=100`);
    for (const [path, type] of [
      ['/buy/sword', 'cutlass'],
      ['/buy/spell', 'charm'],
      ['/buy/sword', 'cutlass'],
      ['/buy/sword', 'Cutlass'],
      ['/buy/spell', 'cutlass'],
    ] as const) {
      assert.equal((await ok(path, `userid=${id}&type=${type}&cost=1`)).status, 200);
    }
    const data = await api.agent.get(`/data/user?userid=${id}`);
    const profile = JSON.parse(data.text.slice('User data: \n\n'.length)) as { wealth: number; inventory: string[] };
    assert.equal(profile.wealth, 95);
    assert.deepEqual(profile.inventory, ['cutlass', 'cutlass', 'charm', 'Cutlass', 'cutlass']);
  });

  it("reads Apache Bench's form bodies labelled application/json, and real JSON too", async () => {
    const id = unique('');
    await api.agent
      .post('/create/user')
      .type(form)
      .send(`userid=${id}&userpwd=pw&username=${unique('ab')}&wealth=5000`);
    const labelled = await api.agent.post('/buy/sword').set('Content-Type', 'application/json').send(`userid=${id}&type=saber&cost=999.0\n`);
    assert.equal(labelled.status, 200);
    assert.equal(labelled.text, 'Sword purchased [:)\n');
    const json = await api.agent.post('/buy/sword').send({ userid: id, type: 'saber', cost: 999 });
    assert.equal(json.text, 'Sword purchased [:)\n');
    const events = await storedEvents(api, id);
    const costs = events.flatMap((e) => (e.data.type === 'ItemPurchased' ? [[e.data.cost, e.data.pricing]] : []));
    assert.deepEqual(costs, [
      [999, 'client'],
      [999, 'client'],
    ]);
  });

  it('answers a second /create/user for the same id with 409, and an unknown userid with 404', async () => {
    const again = await api.agent.post('/create/user').type(form).send('userid=987611&userpwd=other&username=dirk2');
    assert.equal(again.status, 409);
    assert.equal(again.body.error, 'player_exists');
    const unknown = await api.agent
      .post('/buy/sword')
      .type(form)
      .send(`userid=${unique('nobody')}&type=cutlass&cost=5`);
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error, 'player_not_found');
    const profile = await api.agent.get(`/data/user?userid=${unique('nobody')}`);
    assert.equal(profile.status, 404);
  });

  it('keeps the host- prefix for Host players', async () => {
    const res = await api.agent.post('/create/user').type(form).send('userid=host-evil.com&userpwd=pw&username=squatter');
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.details, [{ path: 'userid', message: 'the prefix host- is reserved' }]);
  });

  it('serves no seed route when seed routes are off', async () => {
    const off = openTestApi({ seedRoutes: false });
    try {
      const res = await off.agent.post('/create/user').type(form).send('userid=1&userpwd=pw&username=x');
      assert.equal(res.status, 404);
      assert.equal(res.body.error, 'not_found');
      assert.equal((await off.agent.get('/purchase_a_sword')).status, 404);
    } finally {
      await off.close();
    }
  });
});
