import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import type { Catalogue } from './catalogue.js';
import { Count } from './codecs.js';
import type { PlayerCommand } from './commands.js';
import { createDecider, evolve } from './decider.js';
import { StoredEvent, type RequestInfo } from './envelope.js';
import { envelop, foldEvents } from './commandHandler.js';
import { canonicalState, initialState, itemCount, type PlayerState } from './state.js';
import { loadCatalogue, sessionArb, withLimits } from '@placebo/testkit/domain';

const PLAYER = 'prop-player';
const request: RequestInfo = { host: 'localhost:5000', user_agent: null, accept: '*/*' };
const refusedTypes = new Set(['PurchaseRefused', 'OrgJoinRefused', 'LoginFailed', 'ProfileViewed', 'HomeVisited']);

interface Run {
  readonly states: ReadonlyArray<PlayerState>;
  readonly stored: ReadonlyArray<StoredEvent>;
  readonly final: PlayerState;
}

/** Decides and evolves the commands one by one, as the handler does, keeping every intermediate state. */
const runSession = (catalogue: Catalogue, commands: ReadonlyArray<PlayerCommand>): Run => {
  const decider = createDecider(catalogue);
  let state = decider.initialState(PLAYER);
  let id = 0;
  const states: PlayerState[] = [state];
  const stored: StoredEvent[] = [];
  commands.forEach((command, i) => {
    const decision = decider.decide(command, state);
    if (E.isLeft(decision)) return;
    const occurred_at = new Date(Date.UTC(2024, 0, 1) + i * 61_000).toISOString();
    const next = envelop(state, decision.right, { command_id: `cmd-${i}`, request, occurred_at }, () => `evt-${++id}`);
    stored.push(...next.stored);
    state = next.state;
    states.push(state);
  });
  return { states, stored, final: state };
};

const catalogues: ReadonlyArray<[string, Catalogue]> = [
  ['the default catalogue', loadCatalogue()],
  ['a catalogue with a small max_wealth', withLimits(loadCatalogue(), { max_wealth: 5000 as never, starting_wealth: 1000 as never })],
];

for (const [label, catalogue] of catalogues) {
  const sessions = sessionArb(catalogue);
  const { max_wealth, max_health } = catalogue.limits;

  describe(`decider laws over arbitrary sessions (${label})`, () => {
    it('keeps wealth a whole number in [0, max_wealth] and health in [0, max_health]', () =>
      fc.assert(
        fc.property(sessions, (commands) => {
          const { states, stored } = runSession(catalogue, commands);
          for (const s of states) {
            assert.ok(Number.isInteger(s.wealth) && s.wealth >= 0 && s.wealth <= max_wealth, `wealth ${s.wealth}`);
            assert.ok(s.health >= 0 && s.health <= max_health, `health ${s.health}`);
          }
          for (const e of stored) assert.ok(e.player.wealth >= 0 && e.player.wealth <= max_wealth && e.player.health >= 0, JSON.stringify(e.player));
        }),
        { numRuns: 300 },
      ));

    it('replay equals snapshot: folding the stored events from scratch gives the evolved state', () =>
      fc.assert(
        fc.property(sessions, (commands) => {
          const { stored, final } = runSession(catalogue, commands);
          assert.equal(canonicalState(foldEvents(initialState(PLAYER), stored)), canonicalState(final));
        }),
        { numRuns: 300 },
      ));

    it('holds one inventory entry per (kind, type) with a positive whole quantity, and the envelope counts them all', () =>
      fc.assert(
        fc.property(sessions, (commands) => {
          const { states, stored, final } = runSession(catalogue, commands);
          for (const s of states) {
            assert.equal(new Set(s.inventory.map((i) => `${i.kind}/${i.type}`)).size, s.inventory.length);
            assert.ok(
              s.inventory.every((i) => Count.is(i.quantity)),
              JSON.stringify(s.inventory),
            );
          }
          const bought = stored.reduce((n, e) => n + (e.data.type === 'ItemPurchased' ? e.data.quantity : 0), 0);
          assert.equal(itemCount(final.inventory), bought);
          for (const e of stored) assert.ok(Number.isInteger(e.player.items) && e.player.items >= 0);
          assert.equal(stored.at(-1)?.player.items ?? 0, bought);
        }),
        { numRuns: 300 },
      ));

    it('refused and read-only events change nothing but the version', () =>
      fc.assert(
        fc.property(sessions, (commands) => {
          const { stored } = runSession(catalogue, commands);
          let s = initialState(PLAYER);
          for (const e of stored) {
            const next = evolve(s, e);
            if (refusedTypes.has(e.data.type)) assert.deepEqual(next, { ...s, version: e.player_version }, e.data.type);
            else assert.equal(next.version, e.player_version);
            s = next;
          }
        }),
        { numRuns: 300 },
      ));

    it('numbers player_version 1..n without gaps, and the state version follows', () =>
      fc.assert(
        fc.property(sessions, (commands) => {
          const { stored, final } = runSession(catalogue, commands);
          assert.deepEqual(
            stored.map((e) => e.player_version),
            stored.map((_, i) => i + 1),
          );
          assert.equal(final.version, stored.length);
          assert.ok(stored.every((e) => e.player_id === PLAYER && e.event_type === e.data.type));
        }),
        { numRuns: 300 },
      ));

    it('every stored event round-trips through the StoredEvent codec, also via JSON', () =>
      fc.assert(
        fc.property(sessions, (commands) => {
          for (const e of runSession(catalogue, commands).stored) {
            assert.deepEqual(StoredEvent.decode(StoredEvent.encode(e)), E.right(e));
            assert.deepEqual(StoredEvent.decode(JSON.parse(JSON.stringify(StoredEvent.encode(e)))), E.right(e));
          }
        }),
        { numRuns: 300 },
      ));
  });
}

describe('the session arbitrary reaches the interesting paths', () => {
  it('produces purchases, refusals, joins, leaves and fights in a modest sample', () => {
    const catalogue = loadCatalogue();
    const seen = new Set<string>();
    for (const commands of fc.sample(sessionArb(catalogue), { numRuns: 300, seed: 42 })) {
      for (const e of runSession(catalogue, commands).stored) seen.add(e.data.type);
    }
    for (const type of ['PlayerRegistered', 'ItemPurchased', 'PurchaseRefused', 'OrgJoined', 'OrgJoinRefused', 'OrgLeft', 'FightFought', 'LoginFailed']) {
      assert.ok(seen.has(type), `no ${type} in the sample`);
    }
  });
});
