import assert from 'node:assert/strict';
import * as E from 'fp-ts/lib/Either.js';
import type { PasswordHasher } from './ports/runtime.js';
import { createMemoryWorld, fakeHasher, name } from '@placebo/testkit/domain';

const meta = () => ({ command_id: null, request: { host: null, user_agent: null, accept: null } });

/** The real fake hasher, counting the password checks it makes. */
const countingHasher = (): PasswordHasher & { verified: number } => {
  const h = { verified: 0, hash: fakeHasher.hash, verify: (p: string, hash: string) => (h.verified++, fakeHasher.verify(p, hash)) };
  return h;
};

describe('command handler: logins that give nothing away', () => {
  it('checks the password of an unknown name against a dummy hash, as it checks a wrong one', async () => {
    const hasher = countingHasher();
    const world = createMemoryWorld({ hasher });
    assert.ok(E.isRight(await world.handler.register({ player_id: null, name: name('dirk'), password: 'right one', wealth: null, origin: 'v1' }, meta())()));
    const wrong = await world.handler.login('dirk', 'wrong one', meta())();
    const unknown = await world.handler.login('nobody', 'wrong one', meta())();
    assert.deepEqual(wrong, E.left({ _tag: 'InvalidCredentials' }));
    assert.deepEqual(unknown, E.left({ _tag: 'InvalidCredentials' }));
    assert.equal(hasher.verified, 2, 'the unknown name skipped the password check');
  });

  it('records a throttled login once as LoginFailed (throttled), and nothing for an unknown name', async () => {
    const world = createMemoryWorld();
    const reg = await world.handler.register({ player_id: 'p-1', name: name('dirk'), password: 'right one', wealth: null, origin: 'v1' }, meta())();
    assert.ok(E.isRight(reg));
    assert.ok(E.isRight(await world.handler.loginThrottled('DIRK', meta())()));
    assert.ok(E.isRight(await world.handler.loginThrottled('nobody', meta())()));
    const failed = world.log.all().filter((e) => e.data.type === 'LoginFailed');
    assert.deepEqual(
      failed.map((e) => e.data),
      [{ type: 'LoginFailed', reason: 'throttled' }],
    );
  });
});
