import * as E from 'fp-ts/lib/Either.js';
import { createDecider, envelop, type PlayerCommand, type RequestInfo, type StoredEvent } from '@placebo/domain';
import { buyItem, fight, joinOrg, leaveOrg, logIn, logOut, registerPlayer, viewProfile, visitHome } from './builders.js';
import { loadCatalogue } from './catalogue.js';

export const SAMPLE_PLAYER = 'sample-player';
export const sampleRequest: RequestInfo = { host: 'localhost:5000', user_agent: null, accept: '*/*' };

/** One session that produces every PlayerEvent type at least once (two purchases: with and without an offer). */
export const sampleCommands: ReadonlyArray<PlayerCommand> = [
  registerPlayer('dirk', 12345),
  logIn(true),
  logIn(false),
  buyItem('sword', { item_type: 'cutlass' }),
  buyItem('knife', { item_type: 'dagger', quantity: 2, offer_id: 'BLADES25' }),
  buyItem('sword', { item_type: 'longsword', quantity: 2 }),
  joinOrg('guild', { org: 'soldiers' }),
  joinOrg('guild', { org: 'magicians', level: 'archmage', client_cost: 99999 }),
  leaveOrg('guild', 'soldiers'),
  joinOrg('team', { org: 'team BLAH' }),
  fight('goblin', 0.1),
  fight('dragon', 0.9),
  viewProfile,
  visitHome,
  logOut,
];

/** The stored events of sampleCommands, built exactly as the handler builds them. */
export const sampleEvents = (): ReadonlyArray<StoredEvent> => {
  const decider = createDecider(loadCatalogue());
  let state = decider.initialState(SAMPLE_PLAYER);
  let id = 0;
  const stored: StoredEvent[] = [];
  sampleCommands.forEach((command, i) => {
    const decision = decider.decide(command, state);
    if (E.isLeft(decision)) throw new Error(`sample command ${i} refused: ${decision.left._tag}`);
    const occurred_at = new Date(Date.UTC(2024, 4, 1, 12, 0, i, 250)).toISOString();
    const next = envelop(state, decision.right, { command_id: `cmd-${i}`, request: sampleRequest, occurred_at }, () => `evt-${++id}`);
    stored.push(...next.stored);
    state = next.state;
  });
  return stored;
};
