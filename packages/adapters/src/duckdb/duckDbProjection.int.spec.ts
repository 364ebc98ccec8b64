import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { analystTables, createDecider, envelop, type PlayerCommand, type RequestInfo, type Row, type StoredEvent } from '@placebo/domain';
import { loadCatalogue, sampleEvents, sessionArb } from '@placebo/testkit/domain';
import { createDuckDbParquetDecoder } from './duckDbParquetDecoder.js';
import { createDuckDbParquetEncoder } from './duckDbParquetEncoder.js';

const ok = async <A>(te: () => Promise<E.Either<unknown, A>>): Promise<A> => {
  const r = await te();
  if (E.isLeft(r)) assert.fail(`expected Right, got ${JSON.stringify(r.left)}`);
  return r.right;
};

const catalogue = loadCatalogue();
const decider = createDecider(catalogue);

/** The stored events of a session, decided and enveloped as the handler does, at the given instants and headers. */
const storedOf = (player: string, commands: ReadonlyArray<PlayerCommand>, start: number, request: RequestInfo): StoredEvent[] => {
  let state = decider.initialState(player);
  let id = 0;
  const stored: StoredEvent[] = [];
  commands.forEach((command, i) => {
    const decision = decider.decide(command, state);
    if (E.isLeft(decision)) return;
    const occurred_at = new Date(start + i * 997).toISOString();
    const next = envelop(state, decision.right, { command_id: `cmd-${i}`, request, occurred_at }, () => `${player}-evt-${++id}`);
    stored.push(...next.stored);
    state = next.state;
  });
  return stored;
};

const header = fc.option(fc.string({ unit: 'binary', maxLength: 40 }), { nil: null });
const eventsArb = fc
  .tuple(
    fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }),
    sessionArb(catalogue),
    fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 0, 1) }),
    fc.record({ host: header, user_agent: header, accept: header }),
  )
  .map(([player, commands, start, request]) => storedOf(player, commands, start, request));

describe('analyst tables projected in SQL by DuckDB', () => {
  const encoder = createDuckDbParquetEncoder();
  const decoder = createDuckDbParquetDecoder();
  after(() => {
    encoder.close();
    decoder.close();
  });

  /** A table's file both ways, read back: rows projected in SQL from the JSON, and `table.project`'s rows appended. */
  const bothWays = async (events: ReadonlyArray<StoredEvent>) =>
    Promise.all(
      analystTables.map(async (table) => {
        const projected = events.flatMap((e): Row[] => {
          const row = table.project(e);
          return row === null ? [] : [row];
        });
        const fromSql = await ok(
          decoder.decode(
            table.columns,
            await ok(
              encoder.encodeRecords(
                table,
                events.map((e) => JSON.stringify(e)),
              ),
            ),
          ),
        );
        const fromJs = await ok(decoder.decode(table.columns, await ok(encoder.encode(table.columns, projected))));
        return { table: table.name, projected, fromSql, fromJs };
      }),
    );

  it('makes the rows table.project makes, row for row, of every event type (the sample)', async () => {
    for (const { table, projected, fromSql, fromJs } of await bothWays(sampleEvents())) {
      assert.ok(projected.length > 0, table);
      assert.equal(fromSql.length, projected.length, table);
      assert.deepEqual(fromSql, fromJs, table);
    }
  });

  it('makes the rows table.project makes, row for row, of generated sessions', async () => {
    await fc.assert(
      fc.asyncProperty(eventsArb, async (events) => {
        for (const { table, projected, fromSql, fromJs } of await bothWays(events)) {
          assert.equal(fromSql.length, projected.length, table);
          assert.deepEqual(fromSql, fromJs, table);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('keeps the record text as raw_event, character for character', async () => {
    const events = sampleEvents();
    const table = analystTables.find((t) => t.name === 'all_events')!;
    const rows = await ok(
      decoder.decode(
        table.columns,
        await ok(
          encoder.encodeRecords(
            table,
            events.map((e) => JSON.stringify(e)),
          ),
        ),
      ),
    );
    assert.deepEqual(
      rows.map((r) => r.raw_event),
      events.map((e) => JSON.stringify(e)),
    );
  });
});
