import assert from 'node:assert/strict';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { StoredEvent } from './envelope.js';
import { envelop, foldEvents, type CommandMeta, type Registration } from './commandHandler.js';
import { canonicalState, initialState, type PlayerState } from './state.js';
import { buyItem, createMemoryWorld, fakeHash, FIXED_NOW, homeVisited, name, visitHome, type MemoryWorld } from '@placebo/testkit/domain';

const meta = (command_id: string | null = null): CommandMeta => ({ command_id, request: { host: 'localhost', user_agent: 'mocha', accept: null } });
const right = async <L, A>(te: TaskEither<L, A>): Promise<A> => {
  const r = await te();
  if (E.isLeft(r)) return assert.fail(`expected success, got ${JSON.stringify(r.left)}`);
  return r.right;
};
const left = async <L, A>(te: TaskEither<L, A>): Promise<L> => {
  const r = await te();
  if (E.isRight(r)) return assert.fail(`expected failure, got ${JSON.stringify(r.right)}`);
  return r.left;
};
const registration = (n: string, o: Partial<Registration> = {}): Registration => ({
  player_id: null,
  name: name(n),
  password: 'correct horse',
  wealth: 1000,
  origin: 'seed',
  ...o,
});
const types = (events: ReadonlyArray<StoredEvent>) => events.map((e) => e.data.type);

describe('command handler (in-memory ports)', () => {
  let world: MemoryWorld;
  beforeEach(() => {
    world = createMemoryWorld();
  });

  it('registers a player, then executes commands against it', async () => {
    const reg = await right(world.handler.register(registration('dirk', { wealth: 12345 }), meta('reg-1')));
    assert.equal(reg.replayed, false);
    assert.deepEqual(types(reg.events), ['PlayerRegistered']);
    const [first] = reg.events;
    assert.equal(first?.player_id, reg.player_id);
    assert.equal(first?.player_version, 1);
    assert.equal(first?.command_id, 'reg-1');
    assert.equal(first?.occurred_at, new Date(FIXED_NOW).toISOString());
    assert.deepEqual(first?.request, meta().request);

    const bought = await right(world.handler.execute(reg.player_id, buyItem('sword', { item_type: 'cutlass' }), meta()));
    assert.deepEqual(types(bought.events), ['ItemPurchased']);
    assert.equal(bought.events[0]?.player_version, 2);
    assert.deepEqual(bought.events[0]?.player, { wealth: 12345 - 777, health: 100, items: 1, orgs: 0, created_at: first?.occurred_at });
    assert.equal(bought.state.wealth, 12345 - 777);
    assert.deepEqual(world.log.all(), [...reg.events, ...bought.events]);
  });

  it('refuses a command for a player that does not exist, writing nothing', async () => {
    assert.deepEqual(await left(world.handler.execute('ghost', visitHome, meta())), { _tag: 'PlayerNotFound', player_id: 'ghost' });
    assert.equal(world.log.all().length, 0);
  });

  it('replays a command sent twice with the same command_id instead of running it again', async () => {
    const { player_id } = await right(world.handler.register(registration('dirk'), meta()));
    const first = await right(world.handler.execute(player_id, buyItem('sword'), meta('buy-1')));
    const again = await right(world.handler.execute(player_id, buyItem('sword'), meta('buy-1')));
    assert.equal(first.replayed, false);
    assert.equal(again.replayed, true);
    assert.deepEqual(again.events, first.events);
    assert.equal(again.state.wealth, 1000 - 777);
    assert.equal(world.log.all().length, 2);
  });

  it('replays a retried registration (same command_id, no player_id) as the same player', async () => {
    const first = await right(world.handler.register(registration('dirk'), meta('reg-1')));
    const again = await right(world.handler.register(registration('dirk'), meta('reg-1')));
    assert.equal(again.replayed, true);
    assert.equal(again.player_id, first.player_id);
    assert.deepEqual(again.events, first.events);
    assert.equal(world.log.all().length, 1);
  });

  it('refuses a name already taken, compared case-insensitively, with NameTaken', async () => {
    await right(world.handler.register(registration('Dirk'), meta('reg-1')));
    const error = await left(world.handler.register(registration('dIRK'), meta('reg-2')));
    assert.equal(error._tag, 'NameTaken');
    assert.deepEqual(types(world.log.all()), ['PlayerRegistered']);
  });

  it('refuses a second registration of the same player id with PlayerAlreadyExists, claiming no name', async () => {
    await right(world.handler.register(registration('dirk', { player_id: 'p-1' }), meta()));
    assert.deepEqual(await left(world.handler.register(registration('other', { player_id: 'p-1' }), meta())), {
      _tag: 'PlayerAlreadyExists',
      player_id: 'p-1',
    });
    assert.ok(O.isNone(await right(world.accounts.find('other'))));
    assert.equal(world.log.all().length, 1);
  });

  it('stores the hash of the password, not the password', async () => {
    const { player_id } = await right(world.handler.register(registration('dirk'), meta()));
    assert.deepEqual(await right(world.accounts.find('DIRK')), O.some({ player_id, password_hash: fakeHash('correct horse') }));
  });

  it('logs in with the right password: LoggedIn and a session token', async () => {
    const { player_id } = await right(world.handler.register(registration('dirk'), meta()));
    const result = await right(world.handler.login('Dirk', 'correct horse', meta()));
    assert.deepEqual(types(result.events), ['LoggedIn']);
    assert.equal(typeof result.token, 'string');
    assert.deepEqual(await right(world.handler.authenticate(result.token)), O.some(player_id));
  });

  it('answers a wrong password with InvalidCredentials and records LoginFailed', async () => {
    await right(world.handler.register(registration('dirk'), meta()));
    assert.deepEqual(await left(world.handler.login('dirk', 'wrong', meta())), { _tag: 'InvalidCredentials' });
    const last = world.log.all().at(-1);
    assert.deepEqual(last?.data, { type: 'LoginFailed', reason: 'wrong_password' });
    assert.equal(last?.player_version, 2);
  });

  it('answers an unknown name, or a player without a password, with InvalidCredentials and records nothing', async () => {
    assert.deepEqual(await left(world.handler.login('nobody', 'x', meta())), { _tag: 'InvalidCredentials' });
    await right(world.handler.register(registration('host', { password: null }), meta()));
    assert.deepEqual(await left(world.handler.login('host', '', meta())), { _tag: 'InvalidCredentials' });
    assert.deepEqual(types(world.log.all()), ['PlayerRegistered']);
  });

  it('logs out: records LoggedOut and revokes the session', async () => {
    const { player_id } = await right(world.handler.register(registration('dirk'), meta()));
    const { token } = await right(world.handler.login('dirk', 'correct horse', meta()));
    const out = await right(world.handler.logout(player_id, token, meta()));
    assert.deepEqual(types(out.events), ['LoggedOut']);
    assert.ok(O.isNone(await right(world.handler.authenticate(token))));
  });

  it('catches a stale snapshot up from the log tail', async () => {
    const reg = await right(world.handler.register(registration('dirk', { player_id: 'p-1' }), meta()));
    await right(world.handler.execute('p-1', buyItem('knife'), meta()));
    await right(world.handler.execute('p-1', buyItem('arrow', { quantity: 10 }), meta()));
    await right(world.snapshots.clear());
    await right(world.snapshots.put([reg.state]));
    assert.equal(world.log.all().length, 3);

    const result = await right(world.handler.execute('p-1', buyItem('potion'), meta()));
    assert.equal(result.events[0]?.player_version, 4);
    assert.equal(result.state.wealth, 1000 - 55 - 20 - 50);
    assert.deepEqual(result.state.inventory, [
      { kind: 'knife', type: 'dagger', quantity: 1 },
      { kind: 'arrow', type: 'arrow', quantity: 10 },
      { kind: 'potion', type: 'potion', quantity: 1 },
    ]);
    assert.equal(result.events[0]?.player.items, 12);
    assert.equal(foldEvents(initialState('p-1'), world.log.all()).wealth, result.state.wealth);
  });

  it('counts the inventory of a snapshot stored before inventories were counted, as the log folds it', async () => {
    await right(world.handler.register(registration('dirk', { player_id: 'p-1' }), meta()));
    await right(world.handler.execute('p-1', buyItem('knife'), meta()));
    await right(world.handler.execute('p-1', buyItem('arrow', { quantity: 2 }), meta()));
    await right(world.handler.execute('p-1', buyItem('knife'), meta()));
    const folded = foldEvents(initialState('p-1'), world.log.all());
    const perItem = [
      ['knife', 'dagger'],
      ['arrow', 'arrow'],
      ['arrow', 'arrow'],
      ['knife', 'dagger'],
    ].map(([kind, type]) => ({ kind, type }));
    await right(world.snapshots.clear());
    await right(world.snapshots.put([{ ...folded, inventory: perItem } as unknown as PlayerState]));

    const result = await right(world.handler.execute('p-1', buyItem('arrow'), meta()));
    assert.deepEqual(result.state.inventory, [
      { kind: 'knife', type: 'dagger', quantity: 2 },
      { kind: 'arrow', type: 'arrow', quantity: 3 },
    ]);
    assert.equal(result.events[0]?.player.items, 5);
    assert.equal(canonicalState(result.state), canonicalState(foldEvents(initialState('p-1'), world.log.all())));
  });

  it('retries after a VersionConflict on the first append and succeeds on the fresh state', async () => {
    let intruded = false;
    world = createMemoryWorld({
      beforeAppend: (log, call) => {
        if (call !== 2 || intruded) return;
        intruded = true;
        const registered = world.log.all()[0]!;
        const state = foldEvents(initialState(registered.player_id), world.log.all());
        log.force(
          envelop(state, [homeVisited], { command_id: 'other-writer', request: registered.request, occurred_at: registered.occurred_at }, () => 'x-1').stored,
        );
      },
    });
    const { player_id } = await right(world.handler.register(registration('dirk'), meta()));
    const result = await right(world.handler.execute(player_id, buyItem('sword'), meta()));
    assert.ok(intruded);
    assert.equal(world.log.appendCalls(), 3, 'register, the conflicting append, the retry');
    assert.equal(result.events[0]?.player_version, 3);
    assert.deepEqual(types(world.log.all()), ['PlayerRegistered', 'HomeVisited', 'ItemPurchased']);
  });

  it('gives up after maxAttempts conflicts with a retriable PortError', async () => {
    world = createMemoryWorld({
      maxAttempts: 3,
      beforeAppend: (log, call) => {
        if (call === 1) return;
        const all = world.log.all();
        const state = foldEvents(initialState(all[0]!.player_id), all);
        log.force(
          envelop(state, [homeVisited], { command_id: `w-${call}`, request: all[0]!.request, occurred_at: all[0]!.occurred_at }, () => `w-${call}`).stored,
        );
      },
    });
    const { player_id } = await right(world.handler.register(registration('dirk'), meta()));
    const error = await left(world.handler.execute(player_id, buyItem('sword'), meta()));
    assert.equal(error._tag, 'PortError');
    assert.equal('retriable' in error && error.retriable, true);
    assert.ok(!types(world.log.all()).includes('ItemPurchased'));
  });
});
