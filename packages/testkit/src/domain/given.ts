import assert from 'node:assert/strict';
import * as E from 'fp-ts/lib/Either.js';
import {
  createDecider,
  evolve,
  initialState,
  type Catalogue,
  type PlayerCommand,
  type Recorded,
  type PlayerError,
  type PlayerEvent,
  type PlayerState,
} from '@placebo/domain';
import { loadCatalogue } from './catalogue.js';

export const PLAYER_ID = 'player-1';
export const FIXED_TIME = '2024-05-01T12:00:00.000Z';

export type History = ReadonlyArray<PlayerEvent> | ReadonlyArray<Recorded>;

const isRecorded = (e: PlayerEvent | Recorded): e is Recorded => 'data' in e;

/** Bare events get player_version 1..n and FIXED_TIME; recorded ones keep their own envelope fields. */
export const recorded = (history: History): ReadonlyArray<Recorded> =>
  (history as ReadonlyArray<PlayerEvent | Recorded>).map((e, i) => (isRecorded(e) ? e : { data: e, player_version: i + 1, occurred_at: FIXED_TIME }));

/** The state the history folds to, starting from the initial state of PLAYER_ID. */
export const stateAfter = (history: History, playerId = PLAYER_ID): PlayerState => recorded(history).reduce(evolve, initialState(playerId));

export type ExpectedError = Partial<PlayerError> & Pick<PlayerError, '_tag'>;

export interface Outcome {
  /** Asserts the command decides exactly these events; returns the state after them. */
  readonly then: (expected: ReadonlyArray<PlayerEvent>) => PlayerState;
  /** Asserts the command is refused with an error carrying (at least) these fields; returns the error. */
  readonly thenFails: (expected: ExpectedError) => PlayerError;
}

export interface Scenario {
  readonly state: PlayerState;
  readonly when: (command: PlayerCommand) => Outcome;
}

export interface GivenOptions {
  readonly catalogue?: Catalogue;
  readonly playerId?: string;
}

let defaultCatalogue: Catalogue | undefined;
const catalogueOf = (o: GivenOptions): Catalogue => o.catalogue ?? (defaultCatalogue ??= loadCatalogue());

/** Emmett-style decider spec: given(history).when(command).then(events) / .thenFails({ _tag }). */
export const given = (history: History, options: GivenOptions = {}): Scenario => {
  const decider = createDecider(catalogueOf(options));
  const state = stateAfter(history, options.playerId ?? PLAYER_ID);
  return {
    state,
    when: (command) => {
      const decision = decider.decide(command, state);
      return {
        then: (expected) => {
          assert.deepEqual(decision, E.right(expected));
          return expected.reduce((s, data) => evolve(s, { data, player_version: s.version + 1, occurred_at: FIXED_TIME }), state);
        },
        thenFails: (expected) => {
          if (E.isRight(decision)) assert.fail(`expected ${expected._tag}, but decided ${JSON.stringify(decision.right)}`);
          const actual = decision.left as unknown as Record<string, unknown>;
          const picked = Object.fromEntries(Object.keys(expected).map((k) => [k, actual[k]]));
          assert.deepEqual(picked, expected);
          return decision.left;
        },
      };
    },
  };
};
