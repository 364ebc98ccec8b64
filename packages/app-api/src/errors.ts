import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { HandlerError, PortError, QueryFailed } from '@placebo/domain';
import { fail, type HttpError } from './httpError.js';

const field = (path: string, message: string) => [{ path, message }];
const named = (kind: string, name: string | null): string => (name === null ? kind : `${kind} ${name}`);

type HttpMapping = { readonly [K in HandlerError['_tag']]: (e: Extract<HandlerError, { readonly _tag: K }>) => HttpError };

/** Every tag's HTTP answer; the mapped type makes a new tag fail to compile until it is mapped here. */
const httpErrors: HttpMapping = {
  PlayerNotFound: (e) => ({ status: 404, error: 'player_not_found', message: `no player ${e.player_id}` }),
  PlayerAlreadyExists: (e) => ({
    status: 409,
    error: 'player_exists',
    message: `player ${e.player_id} already exists`,
    details: field('player_id', 'is taken'),
  }),
  NameTaken: (e) => ({ status: 409, error: 'name_taken', message: `the name ${e.name} belongs to another player`, details: field('name', 'is taken') }),
  WealthOutOfRange: (e) => ({
    status: 422,
    error: 'out_of_range',
    message: `wealth must be at most ${e.max}`,
    details: field('wealth', `must be at most ${e.max}`),
  }),
  CostOutOfRange: (e) => ({ status: 422, error: 'out_of_range', message: `cost must be 1 … ${e.max}`, details: field('cost', `must be 1 … ${e.max}`) }),
  UnknownItem: (e) => ({
    status: 404,
    error: 'unknown_item',
    message: `no ${named(e.kind, e.item_type)} in the catalogue`,
    details: field('type', 'is not in the catalogue'),
  }),
  UnknownOffer: (e) => ({ status: 404, error: 'unknown_offer', message: `no offer ${e.offer_id}`, details: field('offer_id', 'is not in the catalogue') }),
  OfferNotApplicable: (e) => ({
    status: 422,
    error: 'offer_not_applicable',
    message: `offer ${e.offer_id} does not apply to ${e.kind}`,
    details: field('offer_id', `does not apply to ${e.kind}`),
  }),
  UnknownOrg: (e) => ({
    status: 404,
    error: 'unknown_org',
    message: `no ${named(e.org_kind, e.org)} in the catalogue`,
    details: field('org', 'is not in the catalogue'),
  }),
  UnknownLevel: (e) => ({
    status: 404,
    error: 'unknown_level',
    message: `${e.org} has no level ${e.level}`,
    details: field('level', 'is not a level of this org'),
  }),
  UnknownEnemy: (e) => ({ status: 404, error: 'unknown_enemy', message: `no enemy ${e.enemy}`, details: field('enemy', 'is not in the catalogue') }),
  AlreadyMember: (e) => ({ status: 409, error: 'already_member', message: `already a member of ${e.org}`, details: field('org', 'already joined') }),
  NotAMember: (e) => ({ status: 404, error: 'not_a_member', message: `not a member of ${e.org}`, details: field('org', 'not joined') }),
  PlayerExhausted: (e) => ({ status: 409, error: 'player_exhausted', message: `health is ${e.health}; heal before fighting` }),
  TooManyAffiliations: (e) => ({
    status: 409,
    error: 'limit_reached',
    message: `a player belongs to at most ${e.max} orgs; leave one first`,
    details: field('org', `at most ${e.max} orgs at once`),
  }),
  TooManyItemTypes: (e) => ({
    status: 409,
    error: 'limit_reached',
    message: `a player holds at most ${e.max} different items`,
    details: field('type', `at most ${e.max} different items`),
  }),
  InvalidCredentials: () => ({ status: 401, error: 'invalid_credentials', message: 'unknown name or wrong password' }),
  PortError: (e) => ({
    status: 503,
    error: 'unavailable',
    // In cluster mode a command answered 503 may still be applied (its write intent is completed later): only a
    // retry under the same key is safe, and it returns the applied result.
    message: 'a backing service is unavailable; the command may still be applied: retry with the same Idempotency-Key, which returns its result if it was',
    ...(e.retriable ? { headers: { 'Retry-After': '1' } } : {}),
  }),
};

/** The one place a domain or port failure becomes HTTP. */
export const toHttpError = (e: HandlerError): HttpError => {
  if (!Object.hasOwn(httpErrors, e._tag)) return unreachable(e as never);
  return (httpErrors[e._tag] as (e: HandlerError) => HttpError)(e);
};

const unreachable = (e: never): never => {
  throw new Error(`unmapped handler error ${JSON.stringify(e)}`);
};

/** Runs a handler call; its failure ends the request through toHttpError (the cause goes to the log, not the client). */
export const orFail = async <A>(task: TaskEither<HandlerError, A>): Promise<A> => {
  const result = await task();
  return E.isRight(result) ? result.right : fail(toHttpError(result.left), result.left);
};

/**
 * Runs a read of the lake: an engine that does not answer is 503 (retriable), a statement the engine refused is a bug
 * of the catalogue or the server (500); the engine's message goes to the log only.
 */
export const queryOrFail = async <A>(task: TaskEither<PortError | QueryFailed, A>): Promise<A> => {
  const result = await task();
  if (E.isRight(result)) return result.right;
  if (result.left._tag === 'QueryFailed')
    return fail({ status: 500, error: 'internal_error', message: 'the query failed; the request id is in X-Request-Id' }, result.left);
  return fail(toHttpError(result.left), result.left);
};
