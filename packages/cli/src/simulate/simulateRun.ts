import { createPlayerModel, type PlayerModel, type RunContext } from './playerModel.js';
import { hostSteps, seed000Steps } from './seedSteps.js';
import type { SimApi } from './simulateHttp.js';
import type { Journey, Step } from './simulateJourney.js';
import type { StepHandlers, Turn } from './steps.js';
import { v1Steps } from './v1Steps.js';

const handlers: StepHandlers<Step> = { ...v1Steps, ...seed000Steps, ...hostSteps };

// The table holds each op's own handler, so a step always fits the one its op picks.
const send = (t: Turn, s: Step): Promise<number> => (handlers[s.op] as (t: Turn, s: Step) => Promise<number>)(t, s);

const statusClass = (ctx: RunContext, status: number): void => {
  if (status >= 200 && status < 300) ctx.stats.accepted++;
  else if (status === 402) ctx.stats.refused++;
  else if (status >= 400 && status < 500) ctx.stats.rejected++;
  else ctx.stats.errors++;
};

const turn = (ctx: RunContext, journey: Journey, api: SimApi, model: PlayerModel, index: number): Turn => {
  const me = model.state.id ?? '';
  return { ctx, journey, api, model, index, token: model.state.token, me, mePath: `/v1/players/${encodeURIComponent(me)}` };
};

type Slot = <A>(f: () => Promise<A>) => Promise<A>;

/** Sends one step of a journey (nothing once the player is gone) and counts its answer. */
const play = async (ctx: RunContext, j: Journey, api: SimApi, model: PlayerModel, i: number, slot: Slot): Promise<void> => {
  const s = j.steps[i];
  if (s === undefined) return;
  if (model.state.dead) {
    ctx.stats.skipped++;
    return;
  }
  const status = await slot(() => send(turn(ctx, j, api, model, i), s));
  ctx.stats.commands++;
  statusClass(ctx, status);
  if (status >= 500 || status === 0) ctx.logger.warn('simulate: command failed', { player: model.state.id, op: s.op, status });
};

/** Runs one player's journey in order; `slot` paces and bounds the requests of all players together. */
export const runJourney = async (ctx: RunContext, j: Journey, slot: Slot, tick: () => void): Promise<void> => {
  const model = createPlayerModel(ctx, j);
  const api = ctx.api(j.host);
  for (const i of j.steps.keys()) {
    await play(ctx, j, api, model, i, slot);
    tick();
  }
};

/**
 * `--days`: every step of every journey in the order of its time, one at a time, the simulated clock set to that time
 * first — so each event the server decides is dated exactly when the calendar says; `settle` waits for the writes the
 * API makes after answering (seed 000's profile views) before the clock moves on.
 */
export const runCalendar = async (
  ctx: RunContext,
  journeys: ReadonlyArray<Journey>,
  clock: { readonly set: (ms: number) => void; readonly settle: () => Promise<void> },
  tick: () => void,
): Promise<void> => {
  const players = journeys.map((j) => ({ j, api: ctx.api(j.host), model: createPlayerModel(ctx, j) }));
  const order = players
    .flatMap((p, pi) => p.j.steps.map((_, si) => [p.j.times?.[si] ?? 0, pi, si] as const))
    .sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  const direct: Slot = (f) => f();
  for (const [at, pi, si] of order) {
    const p = players[pi];
    if (p === undefined) continue;
    clock.set(at);
    await play(ctx, p.j, p.api, p.model, si, direct);
    await clock.settle();
    tick();
  }
};
