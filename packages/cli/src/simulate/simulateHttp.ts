import { Agent, request } from 'node:http';
import { createPlaceboClient, formBody, type PlaceboClient, type paths } from '@placebo/client';

export const userAgent = 'placebo-simulate/1';

/** An answer: its status and its body as the document types it (JSON view, error, or the seed routes' text). */
export interface Reply<B> {
  readonly status: number;
  readonly body: B | undefined;
}

/** fetch over a keep-alive node:http agent, sending the Host a request names (seed 001 names players by it). */
const nodeFetch =
  (agent: Agent) =>
  async (input: Request): Promise<Response> => {
    const url = new URL(input.url);
    const body = input.body === null ? undefined : Buffer.from(await input.arrayBuffer());
    const headers: Record<string, string> = Object.fromEntries(input.headers);
    if (body !== undefined) headers['content-length'] = String(body.length);
    return new Promise((resolve, reject) => {
      const req = request(
        { host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method: input.method, headers, agent, timeout: 60_000 },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (d: Buffer) => chunks.push(d));
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            const answer = new Headers();
            for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) answer.set(k, Array.isArray(v) ? v.join(', ') : v);
            resolve(new Response(status === 204 || status === 304 ? null : Buffer.concat(chunks), { status, headers: answer }));
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`timed out: ${input.method} ${url.pathname}`)));
      req.on('error', reject);
      req.end(body);
    });
  };

const settle = async <D, E>(call: Promise<{ readonly data?: D; readonly error?: E; readonly response: Response }>): Promise<Reply<D | E>> => {
  const r = await call;
  return { status: r.response.status, body: r.data ?? r.error };
};

type Json<P extends keyof paths, M extends 'post' | 'delete'> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
type Form<P extends keyof paths> = paths[P]['post'] extends { requestBody?: { content: { 'application/x-www-form-urlencoded': infer B } } } ? B : never;

/**
 * The simulator's calls, through `@placebo/client`: what it sends and reads is what the API document says. `host`
 * is the journey's Host header; seed routes are sent as forms and read as text, as the seeds' clients did.
 */
export const createSimApi = (client: PlaceboClient, host: string) => {
  const v1 = (token: string | null, key?: string) => ({
    headers: {
      host,
      accept: 'application/json',
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(key === undefined ? {} : { 'idempotency-key': key }),
    },
  });
  const seed = { host, accept: '*/*' };
  const form = { headers: { ...seed, 'content-type': 'application/x-www-form-urlencoded' }, bodySerializer: formBody, parseAs: 'text' as const };
  const id = (playerId: string) => ({ path: { id: playerId } });
  return {
    catalogue: () => settle(client.GET('/v1/catalogue', v1(null))),
    /** A registration without a password is sent on purpose, now and then: the API must refuse it with 400. */
    register: (body: Omit<Json<'/v1/players', 'post'>, 'password'> & { readonly password?: string }, key?: string) =>
      settle(client.POST('/v1/players', { ...v1(null, key), body: body as Json<'/v1/players', 'post'> })),
    login: (body: Json<'/v1/sessions', 'post'>) => settle(client.POST('/v1/sessions', { ...v1(null), body })),
    logout: (token: string | null, key: string) => settle(client.DELETE('/v1/sessions', { ...v1(token, key), body: {} })),
    profile: (token: string | null, p: string) => settle(client.GET('/v1/players/{id}', { ...v1(token), params: id(p) })),
    buy: (token: string | null, p: string, body: Json<'/v1/players/{id}/purchases', 'post'>, key: string) =>
      settle(client.POST('/v1/players/{id}/purchases', { ...v1(token, key), params: id(p), body })),
    join: (token: string | null, p: string, body: Json<'/v1/players/{id}/orgs', 'post'>, key: string) =>
      settle(client.POST('/v1/players/{id}/orgs', { ...v1(token, key), params: id(p), body })),
    leave: (token: string | null, p: string, kind: 'guild' | 'team', org: string, key: string) =>
      settle(client.DELETE('/v1/players/{id}/orgs/{kind}/{org}', { ...v1(token, key), params: { path: { id: p, kind, org } }, body: {} })),
    fight: (token: string | null, p: string, body: Json<'/v1/players/{id}/fights', 'post'>, key: string) =>
      settle(client.POST('/v1/players/{id}/fights', { ...v1(token, key), params: id(p), body })),
    seedCreate: (body: Form<'/create/user'>) => settle(client.POST('/create/user', { ...form, body })),
    seedBuy: (kind: 'sword' | 'spell', body: Form<'/buy/sword'>) => settle(client.POST(kind === 'sword' ? '/buy/sword' : '/buy/spell', { ...form, body })),
    seedJoin: (kind: 'guild' | 'team', body: Form<'/join/team'>) =>
      kind === 'guild'
        ? settle(client.POST('/join/guild', { ...form, body: { ...body, cost: body.cost ?? '0' } }))
        : settle(client.POST('/join/team', { ...form, body })),
    seedProfile: (userid: string) => settle(client.GET('/data/user', { headers: seed, params: { query: { userid } }, parseAs: 'text' })),
    hostGet: (path: '/purchase_a_sword' | '/purchase_a_knife' | '/purchase_armor' | '/purchase_bow' | '/purchase_arrow' | '/join_guild' | '/') =>
      settle(client.GET(path, { headers: seed, params: { header: { Host: host } }, parseAs: 'text' })),
  };
};
export type SimApi = ReturnType<typeof createSimApi>;

/** A client of the API at `baseUrl` over at most `sockets` keep-alive connections. */
export const createSimClient = (baseUrl: string, sockets: number) => {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  const client = createPlaceboClient({ baseUrl, fetch: nodeFetch(agent), headers: { 'user-agent': userAgent } });
  return { client, close: () => agent.destroy() };
};
