import * as t from 'io-ts';
import { Coins, Nullable, PlayerEvent, PlayerId } from '@placebo/domain';
import { Instant } from './viewCodecs.js';

/** Requests and answers of the console's routes: a player's history, the analytics catalogue, the operator's status. */

interface VersionTextBrand {
  readonly VersionText: unique symbol;
}
/** A player version as query text: 0 to 10^15. */
export const VersionText = t.brand(t.string, (s): s is t.Branded<string, VersionTextBrand> => /^[0-9]{1,15}$/.test(s), 'VersionText');

interface PageSizeTextBrand {
  readonly PageSizeText: unique symbol;
}
/** How many events a page holds, as query text: 1 to 1000. */
export const PageSizeText = t.brand(t.string, (s): s is t.Branded<string, PageSizeTextBrand> => /^(?:[1-9][0-9]{0,2}|1000)$/.test(s), 'PageSizeText');

interface EventDateBrand {
  readonly EventDate: unique symbol;
}
/** A UTC day, `YYYY-MM-DD`, that exists (no 2026-02-30). */
const isDay = (s: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
export const EventDate = t.brand(t.string, (s): s is t.Branded<string, EventDateBrand> => isDay(s), 'EventDate');

export const HistoryQuery = t.partial({ after: VersionText, limit: PageSizeText });
export const AnalyticsQuery = t.partial({ from: EventDate, to: EventDate });

export const HistoryEvent = t.strict({
  event_id: t.string,
  player_version: t.number,
  occurred_at: Instant,
  event_type: t.string,
  /** The player's wealth and health right after the event. */
  wealth: Coins,
  health: t.number,
  data: PlayerEvent,
});

export const PlayerHistory = t.strict(
  {
    player_id: PlayerId,
    events: t.array(HistoryEvent),
    /** The `after` of the next page, or null when this page reached the newest event. */
    next: Nullable(t.number),
  },
  'PlayerHistory',
);

const ChartKindCodec = t.keyof({ bar: null, histogram: null, line: null, table: null });

const questionFields = {
  name: t.string,
  question: t.string,
  description: t.string,
  chart: ChartKindCodec,
  x: t.string,
  y: t.array(t.string),
  sql: t.string,
};

export const QuestionList = t.strict({ questions: t.array(t.strict(questionFields)) }, 'QuestionList');

export const QuestionAnswer = t.strict(
  {
    ...questionFields,
    from: Nullable(EventDate),
    to: Nullable(EventDate),
    columns: t.array(t.string),
    rows: t.array(t.array(t.unknown)),
    ms: t.number,
  },
  'QuestionAnswer',
);

const Service = t.strict({ service: t.string, ok: t.boolean });
const Lag = t.strict({ topic: t.string, partition: t.number, lag: t.number });
const TableCommit = t.strict({ table: t.string, at: Instant, rows: t.number, files: t.number });
const Failure = t.strict({ at: Instant, method: t.string, route: t.string, status: t.number, request_id: t.string });

export const OperatorStatus = t.strict(
  {
    mode: t.string,
    ready: t.boolean,
    services: t.array(Service),
    /** Null when no sink runs in this process (`placebo api`, or a worker of several). */
    sink: Nullable(t.strict({ partitions: t.array(Lag), tables: t.array(TableCommit), records: t.number, rows: t.number, files: t.number })),
    requests: t.strict({ total: t.number, errors: t.number, unavailable: t.number, error_rate: t.number }),
    recent_failures: t.array(Failure),
  },
  'OperatorStatus',
);

export const consoleCodecs: ReadonlyArray<t.Mixed> = [PlayerHistory, QuestionList, QuestionAnswer, OperatorStatus];
