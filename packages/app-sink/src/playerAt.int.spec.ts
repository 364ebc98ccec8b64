import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { createDecider, envelop, initialState, type PlayerCommand, type PlayerState, type StoredEvent } from '@placebo/domain';
import { openEmbedded } from '@placebo/adapters';
import { loadCatalogue } from '@placebo/testkit/domain';
import { playerAt } from './playerAt.js';

describe('replay --player --at: a player state at a past moment', () => {
  it("folds exactly the events that occurred by then, and nobody else's", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'placebo-at-'));
    const infra = openEmbedded({ dataDir: dir });
    try {
      const decider = createDecider(loadCatalogue());
      const request = { host: 'test', user_agent: 'test', accept: '*/*' };
      let n = 0;
      const history = async (id: string, cmds: ReadonlyArray<PlayerCommand>, start: number): Promise<PlayerState[]> => {
        let state = initialState(id);
        const states: PlayerState[] = [];
        const events: StoredEvent[] = [];
        for (const [i, c] of cmds.entries()) {
          const d = decider.decide(c, state);
          if (E.isLeft(d)) throw new Error(JSON.stringify(d.left));
          const next = envelop(state, d.right, { command_id: `c${++n}`, request, occurred_at: new Date(start + i * 60_000).toISOString() }, () => `e${++n}`);
          events.push(...next.stored);
          state = next.state;
          states.push(state);
        }
        const appended = await infra.log.append(id, 0, events)();
        assert.ok(E.isRight(appended));
        return states;
      };
      const buy: PlayerCommand = { type: 'BuyItem', kind: 'knife', item_type: null, quantity: 1, offer_id: null, client_cost: null } as PlayerCommand;
      const t0 = Date.UTC(2026, 10, 23, 12, 0, 0);
      const alice = await history('alice', [{ type: 'RegisterPlayer', name: 'alice', wealth: 1000, origin: 'seed' } as PlayerCommand, buy, buy, buy], t0);
      await history('bob', [{ type: 'RegisterPlayer', name: 'bob', wealth: 5, origin: 'seed' } as PlayerCommand, buy], t0 + 30_000);

      const atSecondPurchase = await playerAt({ source: infra.log, playerId: 'alice', at: new Date(t0 + 2 * 60_000).toISOString() });
      assert.deepEqual(atSecondPurchase.state, alice[2]);
      assert.equal(atSecondPurchase.last?.player_version, 3);
      const now = await playerAt({ source: infra.log, playerId: 'alice', at: new Date(t0 + 3_600_000).toISOString() });
      assert.deepEqual(now.state, alice[3]);
      const before = await playerAt({ source: infra.log, playerId: 'alice', at: new Date(t0 - 1).toISOString() });
      assert.equal(before.last, null);
      await assert.rejects(playerAt({ source: infra.log, playerId: 'alice', at: 'yesterday' }), /not a time/);
    } finally {
      await infra.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
