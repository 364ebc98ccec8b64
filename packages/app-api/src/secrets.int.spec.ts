import assert from 'node:assert/strict';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import type { Response } from 'supertest';
import { openTestApi, storedEvents, unique, type TestApi } from '@placebo/testkit/http';

describe('secrets stay out of responses and logs', () => {
  let api: TestApi;
  before(() => {
    api = openTestApi();
  });
  after(() => api.close());

  it('after a full scenario, no answer shows a password, a hash or another player’s token', async () => {
    const answers: Array<{ text: string; issued: string | null }> = [];
    const seen = (res: Response, issued: string | null = null): Response => {
      answers.push({ text: `${JSON.stringify(res.headers)}\n${res.text}`, issued });
      return res;
    };
    const players = await Promise.all(
      ['alpha', 'beta'].map(async (who) => {
        const name = unique(who);
        const password = `${who}-secret-${unique('pw')}`;
        const created = seen(await api.agent.post('/v1/players').send({ name, password }));
        const login = await api.agent.post('/v1/sessions').send({ name, password });
        seen(login, login.body.token as string);
        return { id: created.body.player_id as string, name, password, token: login.body.token as string };
      }),
    );
    const [a, b] = players as [(typeof players)[number], (typeof players)[number]];
    const auth = (p: typeof a) => ({ Authorization: `Bearer ${p.token}` });
    seen(await api.agent.post('/v1/sessions').send({ name: a.name, password: b.password }));
    seen(await api.agent.post(`/v1/players/${a.id}/purchases`).set(auth(a)).send({ kind: 'sword' }));
    seen(await api.agent.post(`/v1/players/${a.id}/orgs`).set(auth(a)).send({ kind: 'guild', org: 'magicians' }));
    seen(await api.agent.post(`/v1/players/${a.id}/fights`).set(auth(a)).send({ enemy: 'goblin' }));
    seen(await api.agent.get(`/v1/players/${a.id}`).set(auth(a)));
    seen(await api.agent.get(`/v1/players/${a.id}`).set(auth(b)));
    seen(await api.agent.get(`/v1/players/${b.id}`).set(auth(b)));
    seen(await api.agent.post('/v1/players').send({ name: a.name, password: a.password }));
    seen(await api.agent.post('/v1/players').send({ name: unique('x'), password: a.password, wealth: -1 }));

    const seedId = unique('');
    const seedPassword = `seedpw${unique('')}`;
    seen(
      await api.agent
        .post('/create/user')
        .type('form')
        .send(`userid=${seedId}&userpwd=${seedPassword}&username=${unique('s')}&wealth=12345`),
    );
    seen(await api.agent.post('/buy/sword').type('form').send(`userid=${seedId}&type=cutlass&cost=5000`));
    seen(await api.agent.get(`/data/user?userid=${seedId}`));
    seen(await api.agent.get('/purchase_a_sword').set('Host', 'secret.example.com'));
    seen(await api.agent.get('/openapi.json'));
    seen(await api.agent.delete('/v1/sessions').set(auth(b)));

    const hashes = await Promise.all(
      [a.name, b.name].map(async (n) => {
        const found = await api.infra.accounts.find(n)();
        assert.ok(E.isRight(found) && O.isSome(found.right));
        return found.right.value.password_hash as string;
      }),
    );
    const passwords = [a.password, b.password, seedPassword];
    const tokens = [a.token, b.token];
    for (const { text, issued } of answers) {
      for (const s of [...passwords, ...hashes]) assert.ok(!text.includes(s), 'an answer shows a password or its hash');
      assert.ok(!/scrypt\$/.test(text), 'an answer shows a hash');
      for (const token of tokens) if (token !== issued) assert.ok(!text.includes(token), 'an answer shows a token it did not issue');
    }

    const logs = api.logLines.join('\n');
    for (const s of [...passwords, ...hashes, ...tokens]) assert.ok(!logs.includes(s), 'the log holds a secret');
    assert.ok(!/bearer/i.test(logs), 'the log holds an Authorization header');

    for (const id of [a.id, b.id, seedId]) {
      const stored = JSON.stringify(await storedEvents(api, id));
      for (const s of [...passwords, ...hashes, ...tokens]) assert.ok(!stored.includes(s), 'the event log holds a secret');
    }
  });
});
