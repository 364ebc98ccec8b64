import { Cluster, Redis, type RedisOptions } from 'ioredis';

/** One Redis server or a Redis Cluster: every store takes either (both answer the same commands). */
export type RedisClient = Redis | Cluster;

/** Where `PLACEBO_REDIS_URL` points: one server, or the seed nodes of a Redis Cluster. */
export type RedisTarget =
  | { readonly kind: 'server'; readonly url: string }
  | {
      readonly kind: 'cluster';
      readonly nodes: ReadonlyArray<{ readonly host: string; readonly port: number }>;
      readonly username?: string;
      readonly password?: string;
      readonly tls: boolean;
    };

const clusterSchemes = new Set(['redis+cluster:', 'rediss+cluster:']);

/**
 * Reads `redis://host:port/db` (one server), `redis+cluster://host:port,host:port,…` (a Redis Cluster, any of its nodes
 * as seeds) or `redis://host:port,host:port,…` (several nodes: a cluster too). `rediss` for TLS; user and password as in
 * any URL. Undefined when it is neither.
 */
export const parseRedisTarget = (url: string): RedisTarget | undefined => {
  const m = /^([a-z+]+:)\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^/?#]+)(\/[^?#]*)?$/i.exec(url);
  if (m === null) return undefined;
  const [, scheme = '', user, pass, hosts = '', path] = m as unknown as [string, string, string | undefined, string | undefined, string, string | undefined];
  const protocol = scheme.toLowerCase();
  const cluster = clusterSchemes.has(protocol);
  if (!cluster && protocol !== 'redis:' && protocol !== 'rediss:') return undefined;
  if (!cluster && !hosts.includes(',')) return URL.canParse(url) ? { kind: 'server', url } : undefined;
  // A cluster has one database (0): a path other than / or /0 is a mistake, not something to ignore.
  if (path !== undefined && path !== '/' && path !== '/0') return undefined;
  const nodes = clusterNodes(hosts);
  if (nodes === undefined) return undefined;
  return { kind: 'cluster', nodes, ...credentials(user, pass), tls: protocol.startsWith('rediss') };
};

const credentials = (user: string | undefined, pass: string | undefined): { username?: string; password?: string } => ({
  ...(user !== undefined && user !== '' ? { username: decodeURIComponent(user) } : {}),
  ...(pass !== undefined ? { password: decodeURIComponent(pass) } : {}),
});

/** `host:port,host:port`, or undefined when one of them is not that. */
const clusterNodes = (hosts: string): Array<{ host: string; port: number }> | undefined => {
  const nodes = hosts.split(',').map((h) => /^([^:]+):(\d{1,5})$/.exec(h.trim()));
  const valid = nodes.flatMap((n) => (n !== null && Number(n[2]) >= 1 && Number(n[2]) <= 65535 ? [{ host: n[1] ?? '', port: Number(n[2]) }] : []));
  return valid.length === nodes.length ? valid : undefined;
};

/**
 * A client for the target, not yet connected. A cluster client routes each command by its key's slot and follows
 * MOVED/ASK and failovers; the per-node options (timeouts, no offline queue) are the same as for one server.
 */
export const createRedisClient = (url: string, options: RedisOptions): RedisClient => {
  const target = parseRedisTarget(url);
  if (target === undefined) throw new Error(`not a Redis URL: ${url}`);
  if (target.kind === 'server') return new Redis(url, options);
  const { lazyConnect, enableOfflineQueue, enableAutoPipelining, retryStrategy, ...node } = options;
  return new Cluster(
    target.nodes.map((n) => ({ ...n })),
    {
      ...(lazyConnect !== undefined ? { lazyConnect } : {}),
      ...(enableOfflineQueue !== undefined ? { enableOfflineQueue } : {}),
      ...(enableAutoPipelining !== undefined ? { enableAutoPipelining } : {}),
      ...(retryStrategy !== undefined ? { clusterRetryStrategy: retryStrategy } : {}),
      // A failover takes the cluster's node timeout (seconds): commands for the lost slots fail meanwhile (503), none wait.
      retryDelayOnFailover: 100,
      retryDelayOnClusterDown: 100,
      retryDelayOnTryAgain: 100,
      slotsRefreshTimeout: 2000,
      redisOptions: {
        ...node,
        ...(target.username !== undefined ? { username: target.username } : {}),
        ...(target.password !== undefined ? { password: target.password } : {}),
        ...(target.tls ? { tls: {} } : {}),
      },
    },
  );
};

/** The servers that hold keys: the masters of a cluster, or the one server. */
export const masters = (redis: RedisClient): ReadonlyArray<Redis> => (redis instanceof Cluster ? redis.nodes('master') : [redis]);

/** Every key matching `pattern`, a page at a time, from every master (SCAN goes to one server). */
export async function* scanKeys(redis: RedisClient, pattern: string, count = 1000): AsyncGenerator<string[]> {
  for (const node of masters(redis)) {
    let cursor = '0';
    do {
      const [next, found] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', count);
      if (found.length > 0) yield found;
      cursor = next;
    } while (cursor !== '0');
  }
}

/** Deletes keys one command each (keys of different slots cannot share a command on a cluster), auto-pipelined. */
export const unlinkEach = async (redis: RedisClient, keys: ReadonlyArray<string>): Promise<void> => {
  await Promise.all(keys.map((k) => redis.unlink(k)));
};
