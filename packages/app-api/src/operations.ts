import type * as t from 'io-ts';
import { OrgKind, PlayerId, Name } from '@placebo/domain';
import { ErrorBody, type ErrorCode } from './httpError.js';
import type { JsonSchema } from './jsonSchema.js';
import { hostHeaderPattern } from './hostRoutes.js';
import {
  CommandBody,
  CreatePlayerBody,
  FightBody,
  JoinBody,
  LoginBody,
  LogoutQuery,
  PurchaseBody,
  SeedBuy,
  SeedCreateUser,
  SeedJoinGuild,
  SeedJoinTeam,
  SeedUserQuery,
} from './requests.js';
import { consoleOperations } from './consoleOperations.js';
import type { Answer, Operation } from './operationTypes.js';
import { noFunds } from './seedText.js';
import {
  CatalogueView,
  Document,
  Fought,
  Health,
  JoinRefusal,
  Joined,
  Left,
  Profile,
  PurchaseRefusal,
  Purchased,
  Ready,
  Registered,
  Session,
} from './viewCodecs.js';

export type { Answer, Operation } from './operationTypes.js';

/** Statuses that only some routes of a family answer. */
const when = (cond: boolean | undefined, answers: Record<number, Answer>): Record<number, Answer> => (cond ? answers : {});
const json = (json: t.Mixed, description: string): Answer => ({ description, json });
const text = (said: string): Answer => ({ description: said.trim(), text: { type: 'string', const: said } });
const error = (codes: ReadonlyArray<ErrorCode>, note?: string): Answer => ({
  description: note === undefined ? codes.join(', ') : `${codes.join(', ')}: ${note}`,
  json: ErrorBody,
  codes,
});

const invalid = error(['validation_failed', 'malformed_json', 'malformed_body', 'request_aborted'], 'details name the fields');
const unavailable = error(['unavailable'], 'a store does not answer; Retry-After when worth retrying');
const reused = error(['idempotency_key_reused'], 'the key was first used for a different command');
const id = ['id', PlayerId] as const;

/** Statuses any request can meet, whatever its route. */
export const transportAnswers: Readonly<Record<number, Answer>> = {
  413: error(['payload_too_large'], 'the body is over the limit (on any route, even one that reads no body)'),
  429: error(
    ['rate_limited'],
    'over a request budget (per client address on every route; per address and account name on logins and registrations); Retry-After, RateLimit-Policy and RateLimit say when to retry',
  ),
  415: error(['unsupported_encoding', 'unsupported_media_type'], 'a Content-Encoding, or a body neither JSON nor a form'),
  431: { description: 'Request Header Fields Too Large (answered by the HTTP server, without a body)', empty: true },
  500: error(['internal_error'], 'a bug; the request id is in X-Request-Id'),
  501: error(['unsupported_transfer_coding'], 'only chunked is accepted in Transfer-Encoding'),
};

const v1 = (
  op: Omit<Operation, 'tag' | 'responses' | 'key'> & { readonly ok: readonly [number, Answer]; readonly errors: Readonly<Record<number, Answer>> },
): Operation => {
  const { ok, errors, ...rest } = op;
  return {
    ...rest,
    tag: 'v1',
    key: op.method !== 'get' && op.path !== '/v1/sessions',
    responses: {
      [ok[0]]: ok[1],
      400: invalid,
      ...when(op.auth, { 401: error(['unauthorized'], 'no live session (WWW-Authenticate: Bearer)') }),
      ...when(op.params?.[0]?.[0] === 'id', { 403: error(['forbidden'], 'the session belongs to another player') }),
      ...errors,
      503: unavailable,
    },
  };
};

const seed000 = (path: string, summary: string, body: t.Mixed, done: string, refusable = true): Operation => ({
  method: 'post',
  path,
  summary,
  tag: 'seed 000',
  body,
  key: true,
  responses: {
    200: text(done),
    400: invalid,
    ...when(refusable, { 402: text(noFunds) }),
    404: error(['player_not_found', 'unknown_item', 'unknown_org', 'unknown_level']),
    409: error(['player_exists', 'name_taken', 'already_member', 'limit_reached']),
    422: error(['idempotency_key_reused', 'out_of_range'], 'out_of_range: a cost or wealth over the limit'),
    503: unavailable,
  },
});

const seed001 = (path: string, said: string, refusable: boolean): Operation => ({
  method: 'get',
  path,
  summary: `Seed 001: the Host's player (registered on first use); ${said.trim()}`,
  tag: 'seed 001',
  host: true,
  key: true,
  responses: {
    200: text(said),
    400: error(['validation_failed'], 'the Host does not name a player (see the Host parameter), or a bad Idempotency-Key'),
    ...when(refusable, { 402: text(noFunds), 404: error(['unknown_item', 'unknown_org'], 'the catalogue has nothing to sell') }),
    409: error(['already_member', 'limit_reached']),
    422: reused,
    503: unavailable,
  },
});

/** Every route the app serves, with every status it answers; a test compares this table with the routers. */
export const operations: ReadonlyArray<Operation> = [
  v1({
    method: 'post',
    path: '/v1/players',
    summary: 'Register a player',
    body: CreatePlayerBody,
    ok: [201, json(Registered, 'The player')],
    errors: { 409: error(['player_exists', 'name_taken']), 422: error(['out_of_range', 'idempotency_key_reused'], 'out_of_range: wealth over the limit') },
  }),
  v1({
    method: 'post',
    path: '/v1/sessions',
    summary: 'Log in; the token goes in Authorization: Bearer',
    body: LoginBody,
    ok: [201, json(Session, 'The session')],
    errors: { 401: error(['invalid_credentials']) },
  }),
  v1({
    method: 'delete',
    path: '/v1/sessions',
    summary: 'Log out (revokes the bearer token, or with ?all=true every session of the player; always recorded as LoggedOut)',
    body: CommandBody,
    query: LogoutQuery,
    auth: true,
    ok: [204, { description: 'Logged out', empty: true }],
    errors: { 422: reused },
  }),
  v1({
    method: 'get',
    path: '/v1/players/{id}',
    summary: "The player's profile (recorded as ProfileViewed)",
    auth: true,
    params: [id],
    ok: [200, json(Profile, 'The profile')],
    errors: { 404: error(['player_not_found']) },
  }),
  v1({
    method: 'post',
    path: '/v1/players/{id}/purchases',
    summary: 'Buy items at catalogue prices',
    auth: true,
    params: [id],
    body: PurchaseBody,
    ok: [201, json(Purchased, 'Bought')],
    errors: {
      402: json(PurchaseRefusal, 'insufficient_funds: recorded, nothing changed'),
      404: error(['player_not_found', 'unknown_item', 'unknown_offer']),
      409: error(['limit_reached'], "a new item past the catalogue's max_item_types"),
      422: error(['offer_not_applicable', 'idempotency_key_reused']),
    },
  }),
  v1({
    method: 'post',
    path: '/v1/players/{id}/orgs',
    summary: 'Join a guild or team',
    auth: true,
    params: [id],
    body: JoinBody,
    ok: [201, json(Joined, 'Joined')],
    errors: {
      402: json(JoinRefusal, 'insufficient_funds: recorded, nothing changed'),
      404: error(['player_not_found', 'unknown_org', 'unknown_level']),
      409: error(['already_member', 'limit_reached'], "limit_reached: past the catalogue's max_affiliations"),
      422: reused,
    },
  }),
  v1({
    method: 'delete',
    path: '/v1/players/{id}/orgs/{kind}/{org}',
    summary: 'Leave a guild or team',
    auth: true,
    params: [id, ['kind', OrgKind], ['org', Name]],
    body: CommandBody,
    ok: [200, json(Left, 'Left')],
    errors: { 404: error(['player_not_found', 'not_a_member']), 422: reused },
  }),
  v1({
    method: 'post',
    path: '/v1/players/{id}/fights',
    summary: 'Fight an enemy of the catalogue',
    auth: true,
    params: [id],
    body: FightBody,
    ok: [201, json(Fought, 'The fight, won or lost')],
    errors: { 404: error(['player_not_found', 'unknown_enemy']), 409: error(['player_exhausted']), 422: reused },
  }),
  {
    method: 'get',
    path: '/v1/catalogue',
    summary: 'Items, orgs, offers, enemies and limits',
    tag: 'v1',
    responses: { 200: json(CatalogueView, 'The catalogue') },
  },
  ...consoleOperations,
  seed000('/create/user', 'Seed 000: register (userid, userpwd, username, wealth?)', SeedCreateUser, 'Created user +:)\n', false),
  seed000('/buy/sword', "Seed 000: buy a sword at the client's cost", SeedBuy, 'Sword purchased [:)\n'),
  seed000('/buy/spell', "Seed 000: buy a spell at the client's cost", SeedBuy, 'Spell purchased <:)\n'),
  seed000('/join/guild', 'Seed 000: join a guild', SeedJoinGuild, 'Joined #guild\n'),
  seed000('/join/team', 'Seed 000: join a team (cost defaults to 0)', SeedJoinTeam, 'Joined #team\n'),
  {
    method: 'get',
    path: '/data/user',
    summary: 'Seed 000: the profile as text (recorded as ProfileViewed)',
    tag: 'seed 000',
    query: SeedUserQuery,
    responses: {
      200: { description: 'User data: … (Python-style JSON)', text: { type: 'string', pattern: '^User data: \\n\\n\\{' } },
      400: invalid,
      404: error(['player_not_found']),
      503: unavailable,
    },
  },
  seed001('/purchase_a_sword', 'Sword Purchased!\n', true),
  seed001('/purchase_a_knife', 'Knife Purchased!\n', true),
  seed001('/purchase_armor', 'Armor Purchased!\n', true),
  seed001('/purchase_bow', 'Bow Purchased!\n', true),
  seed001('/purchase_arrow', 'Arrow Purchased!\n', true),
  seed001('/join_guild', 'Joined Guild!\n', true),
  { ...seed001('/join_a_guild', 'Joined Guild!\n', true), summary: "Seed 001: the Host's player joins the guild (the path seed 001 benchmarked)" },
  seed001('/', 'This is the default response!\n', false),
  { method: 'get', path: '/healthz', summary: 'The process is up', tag: 'operations', responses: { 200: json(Health, 'Up') } },
  {
    method: 'get',
    path: '/readyz',
    summary: 'The stores answer',
    tag: 'operations',
    responses: { 200: json(Ready, 'Ready'), 503: error(['unavailable'], 'the stores do not answer') },
  },
  {
    method: 'get',
    path: '/metrics',
    summary: 'Prometheus metrics of the process (requests, commands, ports, sink, runtime)',
    tag: 'operations',
    responses: { 200: { description: 'Prometheus text exposition format 0.0.4', text: { type: 'string' } } },
  },
  { method: 'get', path: '/openapi.json', summary: 'This document', tag: 'operations', responses: { 200: json(Document, 'OpenAPI 3.1') } },
];

export const hostParameter: JsonSchema = {
  name: 'Host',
  in: 'header',
  required: true,
  description: 'names the player host-<host without port, lower-cased>: letters, digits and ._@- (at most 59), an optional :port',
  schema: { type: 'string', pattern: hostHeaderPattern },
};
