import * as O from 'fp-ts/lib/Option.js';
import type { CommandHandler } from '@placebo/domain';
import type Koa from 'koa';
import { orFail } from './errors.js';
import { fail } from './httpError.js';

const unauthorized = (message: string): never => fail({ status: 401, error: 'unauthorized', message, headers: { 'WWW-Authenticate': 'Bearer' } });

/** The bearer token of the request; a missing or malformed Authorization header is 401. */
export const bearerToken = (ctx: Koa.ParameterizedContext<unknown>): string => {
  const m = /^Bearer +([A-Za-z0-9._~+/=-]{1,512})$/i.exec(ctx.get('authorization'));
  return m?.[1] ?? unauthorized('send Authorization: Bearer <token> from POST /v1/sessions');
};

/** The player the token's live session belongs to. */
export const sessionPlayer = async (ctx: Koa.ParameterizedContext<unknown>, handler: CommandHandler): Promise<{ playerId: string; token: string }> => {
  const token = bearerToken(ctx);
  const owner = await orFail(handler.authenticate(token));
  return O.isSome(owner) ? { playerId: owner.value, token } : unauthorized('the session is unknown or expired');
};

/** Only the player's own session may act for the player. */
export const requireOwner = async (ctx: Koa.ParameterizedContext<unknown>, handler: CommandHandler, playerId: string): Promise<void> => {
  const session = await sessionPlayer(ctx, handler);
  if (session.playerId !== playerId) fail({ status: 403, error: 'forbidden', message: 'the session belongs to another player' });
};
