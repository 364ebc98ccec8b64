import type { StoredEvent, Topic } from './envelope.js';
import type { LogRecord, RecordHead } from './ports/eventLog.js';

/**
 * A record read as JSON: its event is parsed on first use, so a reader that only passes the JSON on never parses it.
 * `head`, when the source scanned it already (to check the record), saves the sink scanning it again.
 */
export const jsonRecord = (topic: Topic, partition: number, offset: number, json: string, head?: RecordHead): LogRecord => {
  let event: StoredEvent | undefined;
  return {
    topic,
    partition,
    offset,
    json,
    head,
    get event(): StoredEvent {
      event ??= JSON.parse(json) as StoredEvent;
      return event;
    },
  };
};

/**
 * The text of a top-level string member, or undefined. `"name":"` cannot occur inside a JSON string (its quotes would
 * be escaped), and no nested object of a stored event has these names, so the first match is the top-level member.
 * A value with an escape is left to the parser.
 */
const stringAt = (json: string, key: string): string | undefined => {
  const at = json.indexOf(key);
  if (at < 0) return undefined;
  const start = at + key.length;
  const end = json.indexOf('"', start);
  if (end < 0) return undefined;
  for (let i = start; i < end; i++) if (json.charCodeAt(i) === 92) return undefined;
  return json.slice(start, end);
};

/**
 * A copy of a string: a slice of 13 characters or more is a view that keeps the whole record's text alive as long as
 * it is held, and the sink remembers player ids long after their records are gone.
 */
const copied = (s: string): string => (s.length < 13 ? s : (JSON.parse(`"${s}"`) as string));

const versionAt = (json: string): number | undefined => {
  const key = '"player_version":';
  const at = json.indexOf(key);
  if (at < 0) return undefined;
  let v = 0;
  let i = at + key.length;
  for (; i < json.length; i++) {
    const d = json.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    v = v * 10 + d;
  }
  return i === at + key.length || (json[i] !== ',' && json[i] !== '}') ? undefined : v;
};

/** Scans the JSON for the head's members without parsing it; undefined when the text is not as envelop writes it. */
export const scanRecordHead = (json: string): RecordHead | undefined => {
  const id = stringAt(json, '"player_id":"');
  const player_version = versionAt(json);
  const event_type = stringAt(json, '"event_type":"');
  const occurred = stringAt(json, '"occurred_at":"');
  if (id === undefined || player_version === undefined || event_type === undefined || occurred === undefined) return undefined;
  return { player_id: copied(id), player_version, event_type, event_date: occurred.slice(0, 10) };
};

/** The record's head: scanned from its JSON when it has one (the stored `event_type` is envelop's copy of `data.type`). */
export const recordHead = (r: LogRecord): RecordHead => {
  if (r.head !== undefined) return r.head;
  const scanned = r.json === undefined ? undefined : scanRecordHead(r.json);
  if (scanned !== undefined) return scanned;
  const e = r.event;
  return { player_id: e.player_id, player_version: e.player_version, event_type: e.data.type, event_date: e.occurred_at.slice(0, 10) };
};
