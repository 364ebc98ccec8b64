import type { Router } from '@koa/router';
import * as E from 'fp-ts/lib/Either.js';
import { PlayerId, StoredEvent, type QueryEngine } from '@placebo/domain';
import type Koa from 'koa';
import { requireOwner } from './auth.js';
import { HistoryQuery } from './consoleCodecs.js';
import type { ApiDeps } from './deps.js';
import { orFail, queryOrFail } from './errors.js';
import type { AppState } from './state.js';
import { decodeField, decodeOrFail } from './validation.js';

type Ctx = Koa.ParameterizedContext<AppState>;

const view = (e: StoredEvent) => ({
  event_id: e.event_id,
  player_version: e.player_version,
  occurred_at: e.occurred_at,
  event_type: e.event_type,
  wealth: e.player.wealth,
  health: e.player.health,
  data: e.data,
});

/**
 * The player's events past `after` from the lake, for a log that keeps only a recent tail (cluster mode: Redis holds
 * the events after the newest snapshot). The id is a checked PlayerId (letters, digits and ._:@-), so it cannot leave
 * its quotes; each row's raw_event is the log record as it was written.
 */
const fromLake = async (engine: QueryEngine, id: string, after: number, limit: number): Promise<ReadonlyArray<StoredEvent>> => {
  const sql = `select raw_event from all_events where player_id = '${id}' and player_version > ${after} order by player_version limit ${limit}`;
  const rows = await queryOrFail(engine.query(sql));
  return rows.rows.flatMap(([raw]) => {
    const decoded = StoredEvent.decode(JSON.parse(String(raw)));
    return E.isRight(decoded) ? [decoded.right] : [];
  });
};

const page = async (deps: ApiDeps, id: string, after: number, limit: number): Promise<ReadonlyArray<StoredEvent>> => {
  const read = await deps.console.log.readPlayer(id, after)();
  if (E.isRight(read)) return read.right.slice(0, limit + 1);
  const error = read.left;
  if (error._tag === 'VersionConflict') return fromLake(deps.console.engine, id, after, limit + 1);
  return orFail(async () => E.left(error));
};

/** A player's own history, oldest first, a page at a time. A read: it records nothing (unlike a profile view). */
export const addHistoryRoute = (router: Router<AppState>, deps: ApiDeps): void => {
  router.get('/players/:id/events', async (ctx: Ctx) => {
    const id = decodeField(PlayerId, 'id', ctx.params.id);
    await requireOwner(ctx, deps.handler, id);
    const query = decodeOrFail(HistoryQuery, { after: ctx.query.after, limit: ctx.query.limit });
    const after = Number(query.after ?? 0);
    const limit = Number(query.limit ?? 500);
    const events = await page(deps, id, after, limit);
    const shown = events.slice(0, limit);
    ctx.body = { player_id: id, events: shown.map(view), next: events.length > limit ? (shown.at(-1)?.player_version ?? null) : null };
  });
};
