import type { PlayerModel, RunContext } from './playerModel.js';
import type { Reply, SimApi } from './simulateHttp.js';
import type { Journey, Step } from './simulateJourney.js';

/** One step of a journey about to be sent: the player's token, id and path are the ones it had when the step began. */
export interface Turn {
  readonly ctx: RunContext;
  readonly journey: Journey;
  readonly api: SimApi;
  readonly model: PlayerModel;
  /** The step's place in its journey, the last part of its idempotency key. */
  readonly index: number;
  readonly token: string | null;
  readonly me: string;
  readonly mePath: string;
}

/** Each op's handler: sends the step, updates the model from the reply, and resolves to the reply's status. */
export type StepHandlers<S extends Step> = { readonly [K in S['op']]: (t: Turn, s: Extract<S, { readonly op: K }>) => Promise<number> };

const retriable = (status: number): boolean => status === 503 || status === 0;

/** Sends a call; retries the ones with an idempotency key (a retry returns the first answer and writes nothing). */
const sendCommand = async <B>(ctx: RunContext, path: string, keyed: boolean, call: () => Promise<Reply<B>>): Promise<Reply<B>> => {
  for (let attempt = 0; ; attempt++) {
    let reply: Reply<B>;
    try {
      reply = await call();
    } catch {
      reply = { status: 0, body: undefined };
    }
    if (!retriable(reply.status) || !keyed || attempt >= 6) return reply;
    ctx.logger.warn('simulate: retrying a command', { path, status: reply.status, attempt: attempt + 1 });
    await new Promise((res) => setTimeout(res, 200 * 2 ** attempt));
  }
};

/** A call with an idempotency key, retried while the server is unavailable. */
export const keyed = <B>(t: Turn, call: () => Promise<Reply<B>>): Promise<Reply<B>> => sendCommand(t.ctx, t.mePath, true, call);
/** A call sent once: without a key a retry could write twice. */
export const once = <B>(t: Turn, call: () => Promise<Reply<B>>): Promise<Reply<B>> => sendCommand(t.ctx, t.mePath, false, call);

export const idempotencyKey = (t: Turn): string => `sim${t.ctx.seed}-${t.journey.index}-${t.index}`;
