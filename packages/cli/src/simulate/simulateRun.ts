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

/** Runs one player's journey in order; `slot` paces and bounds the requests of all players together. */
export const runJourney = async (ctx: RunContext, j: Journey, slot: <A>(f: () => Promise<A>) => Promise<A>, tick: () => void): Promise<void> => {
  const model = createPlayerModel(ctx, j);
  const api = ctx.api(j.host);
  for (const [i, s] of j.steps.entries()) {
    if (model.state.dead) {
      ctx.stats.skipped++;
      tick();
      continue;
    }
    const status = await slot(() => send(turn(ctx, j, api, model, i), s));
    ctx.stats.commands++;
    statusClass(ctx, status);
    if (status >= 500 || status === 0) ctx.logger.warn('simulate: command failed', { player: model.state.id, op: s.op, status });
    tick();
  }
};
