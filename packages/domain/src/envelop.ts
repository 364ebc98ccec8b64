import { evolve } from './decider.js';
import type { RequestInfo, StoredEvent } from './envelope.js';
import { SCHEMA_VERSION, type PlayerEvent } from './events.js';
import { itemCount, type PlayerState } from './state.js';

const figures = (s: PlayerState): StoredEvent['player'] => ({
  wealth: s.wealth,
  health: s.health,
  items: itemCount(s.inventory),
  orgs: s.affiliations.length,
  created_at: s.created_at,
});

/** Wraps decided events in envelopes and folds them, so each envelope carries the player's figures after it. */
export const envelop = (
  state: PlayerState,
  events: ReadonlyArray<PlayerEvent>,
  meta: { readonly command_id: string; readonly request: RequestInfo; readonly occurred_at: string },
  nextId: () => string,
): { readonly stored: ReadonlyArray<StoredEvent>; readonly state: PlayerState } => {
  const stored: StoredEvent[] = [];
  let s = state;
  for (const data of events) {
    const base = { player_version: s.version + 1, occurred_at: meta.occurred_at, data };
    s = evolve(s, base);
    stored.push({
      event_id: nextId(),
      event_type: data.type,
      schema_version: SCHEMA_VERSION,
      player_id: state.id as StoredEvent['player_id'],
      command_id: meta.command_id,
      request: meta.request,
      player: figures(s),
      ...base,
    });
  }
  return { stored, state: s };
};

export const foldEvents = (state: PlayerState, events: ReadonlyArray<StoredEvent>): PlayerState => events.reduce(evolve, state);
