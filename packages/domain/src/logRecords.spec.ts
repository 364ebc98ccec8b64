import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sampleEvents } from '@placebo/testkit/domain';
import type { StoredEvent } from './envelope.js';
import { jsonRecord, recordHead, scanRecordHead } from './logRecords.js';

const headOf = (e: StoredEvent) => ({
  player_id: e.player_id,
  player_version: e.player_version,
  event_type: e.data.type,
  event_date: e.occurred_at.slice(0, 10),
});

describe('log records read as JSON', () => {
  const events = sampleEvents();

  it('scans the head out of the JSON envelop writes, for every event type', () => {
    for (const e of events) assert.deepEqual(scanRecordHead(JSON.stringify(e)), headOf(e));
  });

  it('scans the head whatever the order of the members, and whatever the other strings hold', () => {
    fc.assert(
      fc.property(fc.constantFrom(...events), fc.string({ unit: 'binary' }), fc.nat({ max: 2 ** 40 }), (e, text, version) => {
        const odd = { ...e, player_version: version, request: { host: `"player_id":"${text}`, user_agent: text, accept: null } };
        const reordered = Object.fromEntries(Object.entries(odd).reverse()) as unknown as StoredEvent;
        assert.deepEqual(scanRecordHead(JSON.stringify(reordered)), headOf(odd));
      }),
    );
  });

  it('falls back to parsing when the head cannot be scanned (an escaped player id)', () => {
    const e = { ...events[0]!, player_id: 'a"b\\c' } as StoredEvent;
    const json = JSON.stringify(e);
    assert.equal(scanRecordHead(json), undefined);
    assert.deepEqual(recordHead(jsonRecord('all_events', 0, 7, json)), headOf(e));
  });

  it('reads the head of a record without JSON from its event', () => {
    const e = events[3]!;
    assert.deepEqual(recordHead({ topic: 'all_events', partition: 0, offset: 1, event: e }), headOf(e));
  });

  it('parses the event on first use only, and keeps the text', () => {
    const json = JSON.stringify(events[1]);
    const r = jsonRecord('buy_events', 2, 9, json);
    assert.deepEqual([r.topic, r.partition, r.offset, r.json], ['buy_events', 2, 9, json]);
    assert.deepEqual(r.event, events[1]);
    assert.equal(r.event, r.event);
  });
});
