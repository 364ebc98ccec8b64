import assert from 'node:assert/strict';
import { actionOf, allEventTypes, analystTables, analystViews, statusOf, type TableSpec } from './analytics/tables.js';
import type { Cell, Column } from './analytics/columns.js';
import { topicsOf, type StoredEvent } from './envelope.js';
import type { PlayerEvent, PlayerEventType } from './events.js';
import { sampleEvents } from '@placebo/testkit/domain';

const events = sampleEvents();
const byType = (type: PlayerEventType): StoredEvent => events.find((e) => e.data.type === type) ?? assert.fail(`no ${type} in the sample`);
const allTypes = allEventTypes;

const isPurchase = (d: PlayerEvent) => d.type === 'ItemPurchased' || d.type === 'PurchaseRefused';
const isOrg = (d: PlayerEvent) => d.type === 'OrgJoined' || d.type === 'OrgJoinRefused' || d.type === 'OrgLeft';

/** Where a null is the right answer: absent request headers, and columns that do not apply to the event. */
const shouldBeNull = (table: string, column: string, e: StoredEvent): boolean => {
  const d = e.data;
  if (column === 'host' || column === 'user_agent' || column === 'accept') return e.request[column] === null;
  if (table === 'all_events') {
    if (['item_kind', 'item_type', 'quantity'].includes(column)) return !isPurchase(d);
    if (column === 'offer_id') return !isPurchase(d) || (isPurchase(d) && 'offer_id' in d && d.offer_id === null);
    if (column === 'cost') return !isPurchase(d) && d.type !== 'OrgJoined' && d.type !== 'OrgJoinRefused';
    if (['org_kind', 'org', 'level'].includes(column)) return !isOrg(d);
    if (['enemy', 'outcome', 'reward'].includes(column)) return d.type !== 'FightFought';
  }
  if (table === 'buys' && column === 'offer_id') return 'offer_id' in d && d.offer_id === null;
  if (table === 'social' && (column === 'cost' || column === 'pricing')) return d.type === 'OrgLeft';
  return false;
};

const hasType = (c: Column, v: Cell, e: StoredEvent): boolean => {
  switch (c.type) {
    case 'string':
      return typeof v === 'string';
    case 'int32':
      return Number.isInteger(v) && Math.abs(v as number) < 2 ** 31;
    case 'int64':
      return Number.isSafeInteger(v);
    case 'double':
      return typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'timestamp':
      return Number.isInteger(v) && v === Date.parse(e.occurred_at);
  }
};

describe('analyst tables', () => {
  it('the sample holds every event type', () => assert.deepEqual([...new Set(events.map((e) => e.data.type))].sort(), [...allTypes].sort()));

  for (const table of analystTables) {
    describe(`table ${table.name}`, () => {
      const projected = events.flatMap((e) => {
        const row = table.project(e);
        return row === null ? [] : [{ e, row }];
      });

      it('has unique column names', () => assert.equal(new Set(table.columns.map((c) => c.name)).size, table.columns.length));

      it('projects rows whose keys are exactly the column names', () => {
        assert.ok(projected.length > 0);
        for (const { e, row } of projected) assert.deepEqual(Object.keys(row).sort(), table.columns.map((c) => c.name).sort(), e.data.type);
      });

      it('fills each column with its type, and null only where the column does not apply', () => {
        for (const { e, row } of projected) {
          for (const c of table.columns) {
            const v = row[c.name] ?? null;
            const where = `${table.name}.${c.name} for ${e.data.type}: ${JSON.stringify(v)}`;
            assert.equal(v === null, shouldBeNull(table.name, c.name, e), where);
            if (v !== null) assert.ok(hasType(c, v, e), `${where} is not ${c.type}`);
          }
        }
      });

      it('projects only events its source topic carries, and every event of a dedicated topic', () => {
        for (const e of events) {
          const carried = topicsOf(e.data).includes(table.source);
          if (table.project(e) !== null) assert.ok(carried, `${e.data.type} is not on ${table.source}`);
          if (table.source !== 'all_events' && carried) assert.notEqual(table.project(e), null, `${table.name} drops ${e.data.type}`);
        }
      });

      it('keeps the whole record in raw_event, without secrets', () => {
        for (const { e, row } of projected) {
          const raw = row.raw_event as string;
          assert.deepEqual(JSON.parse(raw), e);
          // LoginFailed's reason value 'wrong_password' is the one legitimate mention of the word.
          const scrubbed = raw.replaceAll('"reason":"wrong_password"', '');
          assert.doesNotMatch(scrubbed, /password|hash/i, `${table.name} raw_event of ${e.data.type}`);
        }
      });

      it('formats timestamp and event_date from occurred_at', () => {
        for (const { e, row } of projected) {
          assert.match(row.timestamp as string, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$/);
          assert.equal(row.event_date, e.occurred_at.slice(0, 10));
          assert.equal(row.user_id, e.player_id);
        }
      });
    });
  }

  const table = (name: string): TableSpec => analystTables.find((t) => t.name === name) ?? assert.fail(name);

  it('buys carries the seed action name as event_type and the purchase figures', () => {
    const row = table('buys').project(byType('ItemPurchased'));
    assert.deepEqual(
      { event_type: row?.event_type, status: row?.status, kind: row?.kind, type: row?.type, cost: row?.cost, amount: row?.amount, pricing: row?.pricing },
      { event_type: 'buy_sword', status: 'approved_purchase', kind: 'sword', type: 'cutlass', cost: 777, amount: 1, pricing: 'catalogue' },
    );
    assert.equal(table('buys').project(byType('PurchaseRefused'))?.status, 'insufficient_funds');
  });

  it('all_events keeps the domain event name and the player figures after the event', () => {
    const e = byType('ItemPurchased');
    const row = table('all_events').project(e);
    assert.equal(row?.event_type, 'ItemPurchased');
    assert.equal(row?.action, 'buy_sword');
    assert.equal(row?.player_wealth, 12345 - 777);
    assert.equal(row?.player_num_items, 1);
  });

  it('views select only columns their tables have', () => {
    const keywords = new Set(['select', 'as', 'from', 'where', 'and', 'or']);
    for (const view of analystViews) {
      const source = /\bfrom (\w+)/.exec(view.sql)?.[1] ?? assert.fail(view.sql);
      const columns = new Set(table(source).columns.map((c) => c.name));
      const aliases = new Set([...view.sql.matchAll(/\bas (\w+)/g)].map((m) => m[1]));
      const identifiers = view.sql.replace(/'[^']*'/g, '').match(/[a-z_]+/g) ?? [];
      for (const id of identifiers) {
        if (keywords.has(id) || id === source || aliases.has(id)) continue;
        assert.ok(columns.has(id), `view ${view.name} uses ${id}, which ${source} lacks`);
      }
    }
  });
});

describe('topicsOf', () => {
  it('routes purchases to buy_events, org events to social_events and every event to all_events', () => {
    const expected: Record<PlayerEventType, ReadonlyArray<string>> = {
      PlayerRegistered: ['all_events'],
      LoggedIn: ['all_events'],
      LoginFailed: ['all_events'],
      LoggedOut: ['all_events'],
      ItemPurchased: ['all_events', 'buy_events'],
      PurchaseRefused: ['all_events', 'buy_events'],
      OrgJoined: ['all_events', 'social_events'],
      OrgJoinRefused: ['all_events', 'social_events'],
      OrgLeft: ['all_events', 'social_events'],
      FightFought: ['all_events'],
      ProfileViewed: ['all_events'],
      HomeVisited: ['all_events'],
    };
    for (const type of allTypes) assert.deepEqual([...topicsOf(byType(type).data)].sort(), [...expected[type]].sort(), type);
  });
});

describe("actionOf and statusOf: the seeds' names", () => {
  const names = (type: PlayerEventType) => [actionOf(byType(type).data), statusOf(byType(type).data)];
  it('names purchases buy_<kind> with approved_purchase or insufficient_funds', () => {
    assert.deepEqual(names('ItemPurchased'), ['buy_sword', 'approved_purchase']);
    assert.deepEqual(names('PurchaseRefused'), ['buy_sword', 'insufficient_funds']);
  });
  it('names joins join_<kind> and leaves leave_<kind>', () => {
    assert.deepEqual(names('OrgJoined'), ['join_guild', 'approved_join']);
    assert.deepEqual(names('OrgJoinRefused'), ['join_guild', 'insufficient_funds']);
    assert.deepEqual(names('OrgLeft'), ['leave_guild', 'left']);
  });
  it('names the home visit default, and the rest after what happened', () => {
    assert.deepEqual(names('HomeVisited'), ['default', 'ok']);
    assert.deepEqual(names('PlayerRegistered'), ['create_user', 'ok']);
    assert.deepEqual(names('LoggedIn'), ['login', 'ok']);
    assert.deepEqual(names('LoginFailed'), ['login_failed', 'wrong_password']);
    assert.deepEqual(names('LoggedOut'), ['logout', 'ok']);
    assert.deepEqual(names('FightFought'), ['fight', 'won']);
    assert.deepEqual(names('ProfileViewed'), ['view_profile', 'ok']);
  });
  it('names team joins join_team', () => {
    const team = events.find((e) => e.data.type === 'OrgJoined' && e.data.org_kind === 'team') ?? assert.fail('no team join');
    assert.equal(actionOf(team.data), 'join_team');
  });
});
