import type * as t from 'io-ts';
import { OrgKind, PlayerId, Name } from '@placebo/domain';
import { toJsonSchema, type JsonSchema } from './jsonSchema.js';
import {
  CommandBody,
  CommandId,
  CreatePlayerBody,
  FightBody,
  JoinBody,
  LoginBody,
  PurchaseBody,
  SeedBuy,
  SeedCreateUser,
  SeedJoinGuild,
  SeedJoinTeam,
  SeedUserQuery,
} from './requests.js';

interface Operation {
  readonly method: 'get' | 'post' | 'delete';
  readonly path: string;
  readonly summary: string;
  readonly tag: 'v1' | 'seed 000' | 'seed 001' | 'operations';
  readonly body?: t.Mixed;
  readonly auth?: boolean;
  readonly params?: ReadonlyArray<readonly [string, t.Mixed]>;
  readonly query?: t.Mixed;
  readonly host?: boolean;
  readonly ok: readonly [number, string];
  readonly text?: boolean;
  readonly errors?: ReadonlyArray<number>;
  /** Logins ignore Idempotency-Key: a replayed login must not skip the password check. */
  readonly noKey?: boolean;
}

const id = ['id', PlayerId] as const;
const seedErrors = [400, 402, 404, 409, 413, 422, 503];

/** Every route the app serves; a test compares this table with the routers. */
export const operations: ReadonlyArray<Operation> = [
  { method: 'post', path: '/v1/players', summary: 'Register a player', tag: 'v1', body: CreatePlayerBody, ok: [201, 'The player'], errors: [400, 409, 413, 422, 503] },
  { method: 'post', path: '/v1/sessions', summary: 'Log in; the token goes in Authorization: Bearer', tag: 'v1', body: LoginBody, noKey: true, ok: [201, '{ token, player_id }'], errors: [400, 401, 503] },
  { method: 'delete', path: '/v1/sessions', summary: 'Log out (revokes the bearer token)', tag: 'v1', body: CommandBody, auth: true, ok: [204, 'Logged out'], errors: [401, 503] },
  { method: 'get', path: '/v1/players/{id}', summary: "The player's profile (recorded as ProfileViewed)", tag: 'v1', auth: true, params: [id], ok: [200, 'The profile'], errors: [400, 401, 403, 404, 503] },
  { method: 'post', path: '/v1/players/{id}/purchases', summary: 'Buy items at catalogue prices', tag: 'v1', auth: true, params: [id], body: PurchaseBody, ok: [201, 'approved_purchase'], errors: [400, 401, 402, 403, 404, 422, 503] },
  { method: 'post', path: '/v1/players/{id}/orgs', summary: 'Join a guild or team', tag: 'v1', auth: true, params: [id], body: JoinBody, ok: [201, 'joined'], errors: [400, 401, 402, 403, 404, 409, 503] },
  { method: 'delete', path: '/v1/players/{id}/orgs/{kind}/{org}', summary: 'Leave a guild or team', tag: 'v1', auth: true, params: [id, ['kind', OrgKind], ['org', Name]], body: CommandBody, ok: [200, 'left'], errors: [400, 401, 403, 404, 503] },
  { method: 'post', path: '/v1/players/{id}/fights', summary: 'Fight an enemy of the catalogue', tag: 'v1', auth: true, params: [id], body: FightBody, ok: [201, '{ outcome, reward, damage, wealth, health }'], errors: [400, 401, 403, 404, 409, 503] },
  { method: 'get', path: '/v1/catalogue', summary: 'Items, orgs, offers, enemies and limits', tag: 'v1', ok: [200, 'The catalogue'] },
  { method: 'post', path: '/create/user', summary: 'Seed 000: register (userid, userpwd, username, wealth?)', tag: 'seed 000', body: SeedCreateUser, ok: [200, 'Created user +:)'], text: true, errors: seedErrors },
  { method: 'post', path: '/buy/sword', summary: "Seed 000: buy a sword at the client's cost", tag: 'seed 000', body: SeedBuy, ok: [200, 'Sword purchased [:)'], text: true, errors: seedErrors },
  { method: 'post', path: '/buy/spell', summary: "Seed 000: buy a spell at the client's cost", tag: 'seed 000', body: SeedBuy, ok: [200, 'Spell purchased <:)'], text: true, errors: seedErrors },
  { method: 'post', path: '/join/guild', summary: 'Seed 000: join a guild', tag: 'seed 000', body: SeedJoinGuild, ok: [200, 'Joined #guild'], text: true, errors: seedErrors },
  { method: 'post', path: '/join/team', summary: 'Seed 000: join a team (cost defaults to 0)', tag: 'seed 000', body: SeedJoinTeam, ok: [200, 'Joined #team'], text: true, errors: seedErrors },
  { method: 'get', path: '/data/user', summary: 'Seed 000: the profile as text (recorded as ProfileViewed)', tag: 'seed 000', query: SeedUserQuery, ok: [200, 'User data: …'], text: true, errors: [400, 404, 503] },
  ...(
    [
      ['/purchase_a_sword', 'Sword Purchased!'],
      ['/purchase_a_knife', 'Knife Purchased!'],
      ['/purchase_armor', 'Armor Purchased!'],
      ['/purchase_bow', 'Bow Purchased!'],
      ['/purchase_arrow', 'Arrow Purchased!'],
      ['/join_guild', 'Joined Guild!'],
      ['/join_a_guild', 'Joined Guild! (the path seed 001 benchmarked)'],
      ['/', 'This is the default response!'],
    ] as const
  ).map(([path, said]): Operation => ({ method: 'get', path, summary: `Seed 001: the Host's player (registered on first use); ${said}`, tag: 'seed 001', host: true, ok: [200, said], text: true, errors: [400, 402, 409, 503] })),
  { method: 'get', path: '/healthz', summary: 'The process is up', tag: 'operations', ok: [200, '{ status: ok }'] },
  { method: 'get', path: '/readyz', summary: 'The stores answer', tag: 'operations', ok: [200, '{ status: ready }'], errors: [503] },
  { method: 'get', path: '/openapi.json', summary: 'This document', tag: 'operations', ok: [200, 'OpenAPI 3.1'] },
];

const errorSchema: JsonSchema = {
  type: 'object',
  properties: {
    error: { type: 'string', description: 'stable code, e.g. validation_failed, insufficient_funds, unauthorized' },
    message: { type: 'string' },
    details: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } }, required: ['path', 'message'] } },
  },
  required: ['error'],
};

const propertiesOf = (codec: t.Mixed): ReadonlyArray<readonly [string, unknown]> =>
  Object.entries((toJsonSchema(codec).properties as Record<string, unknown> | undefined) ?? {});

const parameters = (op: Operation): ReadonlyArray<JsonSchema> => [
  ...(op.params ?? []).map(([name, codec]) => ({ name, in: 'path', required: true, schema: toJsonSchema(codec) })),
  ...(op.query === undefined ? [] : propertiesOf(op.query).map(([name, schema]) => ({ name, in: 'query', required: true, schema }))),
  ...(op.host ? [{ name: 'Host', in: 'header', required: true, description: 'names the player: host-<host without port>', schema: { type: 'string' } }] : []),
  ...(op.method !== 'get' && !op.noKey ? [{ name: 'Idempotency-Key', in: 'header', required: false, schema: toJsonSchema(CommandId) }] : []),
];

const operation = (op: Operation): JsonSchema => {
  const schema = op.body === undefined ? undefined : toJsonSchema(op.body);
  // The seed routes read forms whatever the label (Apache Bench sent forms as application/json).
  const content = op.text ? { 'application/x-www-form-urlencoded': { schema }, 'application/json': { schema } } : { 'application/json': { schema } };
  return {
    summary: op.summary,
    tags: [op.tag],
    ...(op.auth ? { security: [{ bearer: [] }] } : {}),
    parameters: parameters(op),
    ...(schema === undefined ? {} : { requestBody: { required: op.method === 'post', content } }),
    responses: {
      [op.ok[0]]: {
        description: op.ok[1],
        ...(op.ok[0] === 204 ? {} : { content: op.text ? { 'text/plain': { schema: { type: 'string' } } } : { 'application/json': { schema: {} } } }),
      },
      ...Object.fromEntries(
        (op.errors ?? []).map((status) => [
          status,
          { description: status === 402 && op.text ? 'You do not have sufficient funds [:(' : 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        ]),
      ),
    },
  };
};

/** The OpenAPI 3.1 document; request schemas come from the io-ts codecs the routes decode with. */
export const openApiDocument = (options: { readonly seedRoutes: boolean }): JsonSchema => {
  const served = operations.filter((op) => options.seedRoutes || !op.tag.startsWith('seed'));
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of served) paths[op.path] = { ...paths[op.path], [op.method]: operation(op) };
  return {
    openapi: '3.1.0',
    info: { title: 'Placebo API', version: '0.1.0', description: 'Every call becomes an event in the log. Errors are { error, message?, details? }.' },
    paths,
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
  };
};
