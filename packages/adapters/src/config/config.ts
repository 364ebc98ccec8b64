import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { Catalogue, catalogueProblems } from '@placebo/domain';
import { repoRoot } from '../runtime/repoRoot.js';
import { BoolFromString, HostPortList, IntFromString, NonEmptyString, PowerOfTwoFromString, RedisUrlString, TokenString, UrlString } from './codecs.js';

/** Every setting, its environment variable and default: the README's configuration table mirrors this. */
export const settings = {
  PLACEBO_MODE: {
    codec: t.keyof({ embedded: null, cluster: null }),
    default: 'embedded',
    doc: '`embedded`: one process, SQLite + local Parquet + DuckDB. `cluster`: Kafka, Redis, HDFS (WebHDFS) and Presto.',
  },
  PLACEBO_DATA_DIR: { codec: NonEmptyString, default: './data', doc: 'Embedded mode: where the log database and the Parquet lake live.' },
  PLACEBO_KAFKA_BROKERS: { codec: HostPortList, default: '127.0.0.1:9092', doc: 'Cluster: Kafka bootstrap servers, comma-separated.' },
  PLACEBO_KAFKA_PARTITIONS: {
    codec: IntFromString(1, 1024),
    default: '6',
    doc: 'Cluster: partitions of each topic when the API creates it (all_events, buy_events, social_events).',
  },
  PLACEBO_KAFKA_REPLICATION: { codec: IntFromString(1, 16), default: '1', doc: 'Cluster: replication factor of topics the API creates.' },
  PLACEBO_KAFKA_MIN_INSYNC_REPLICAS: {
    codec: IntFromString(0, 16),
    default: '0',
    doc: 'Cluster: `min.insync.replicas` of topics the API creates — how many copies an `acks=all` produce waits for; 0 = one less than the replication, at most 2 (2 of 3).',
  },
  PLACEBO_KAFKA_SESSION_TIMEOUT_MS: {
    codec: IntFromString(6000, 300_000),
    default: '30000',
    doc: 'Cluster: how long Kafka waits for a silent sink or replay process before handing its partitions to the others of its group.',
  },
  PLACEBO_KAFKA_TIMEOUT_MS: {
    codec: IntFromString(100, 120_000),
    default: '4000',
    doc: 'Cluster: how long a produce may take before the command answers 503.',
  },
  PLACEBO_KAFKA_CLIENT: {
    codec: t.keyof({ auto: null, kafkajs: null, confluent: null }),
    default: 'auto',
    doc: "Cluster: the API's Kafka producer. `confluent` (librdkafka, the optional `@confluentinc/kafka-javascript`) is faster; `kafkajs` needs no native build; `auto` takes `confluent` when it is installed.",
  },
  PLACEBO_REDIS_URL: {
    codec: RedisUrlString,
    default: 'redis://127.0.0.1:6379/0',
    doc: 'Cluster: Redis for snapshots, sessions, credentials and the per-player write intents: one server, or a Redis Cluster as `redis+cluster://host:port,host:port,…` (any of its nodes).',
  },
  PLACEBO_REDIS_WAIT_REPLICAS: {
    codec: IntFromString(0, 5),
    default: '0',
    doc: 'Cluster: Redis replicas that must hold a write (WAIT) before a command, registration or login is answered; 0 = none (a failover may then lose the newest Redis writes: commands are put back from Kafka, sessions and passwords are not).',
  },
  PLACEBO_REDIS_WAIT_MS: { codec: IntFromString(10, 10_000), default: '500', doc: 'Cluster: how long a write waits for those replicas before it answers 503.' },
  PLACEBO_REDIS_PREFIX: { codec: t.string, default: 'placebo:', doc: 'Cluster: prefix of every Redis key (several deployments can share one Redis).' },
  PLACEBO_TOPIC_PREFIX: { codec: t.string, default: '', doc: 'Cluster: prefix of the Kafka topic names and consumer groups.' },
  PLACEBO_WRITE_LEASE_MS: {
    codec: IntFromString(100, 600_000),
    default: '10000',
    doc: "Cluster: how long a player's write intent is held before another process may complete it.",
  },
  PLACEBO_IDEMPOTENCY_TTL_S: {
    codec: IntFromString(60, 31_536_000),
    default: '86400',
    doc: 'How long an Idempotency-Key returns its first result, and stays bound to the route and body it was first sent with.',
  },
  PLACEBO_WEBHDFS_URL: { codec: UrlString('http:', 'https:'), default: 'http://127.0.0.1:9870', doc: "Cluster: the NameNode's WebHDFS endpoint." },
  PLACEBO_HDFS_URL: { codec: UrlString('hdfs:'), default: 'hdfs://127.0.0.1:8020', doc: 'Cluster: the file system URI Presto reads the lake from.' },
  PLACEBO_HDFS_USER: { codec: NonEmptyString, default: 'placebo', doc: 'Cluster: HDFS user name for WebHDFS calls.' },
  PLACEBO_LAKE_ROOT: { codec: NonEmptyString, default: '/placebo/lake', doc: 'Cluster: HDFS folder of the Parquet lake.' },
  PLACEBO_PRESTO_URL: { codec: UrlString('http:', 'https:'), default: 'http://127.0.0.1:8090', doc: "Cluster: Presto coordinator's HTTP endpoint." },
  PLACEBO_PRESTO_USER: { codec: NonEmptyString, default: 'placebo', doc: 'Cluster: user name sent with every Presto query.' },
  PLACEBO_PRESTO_CATALOG: { codec: NonEmptyString, default: 'hive', doc: 'Cluster: Presto catalog (Hive connector) holding the analyst tables.' },
  PLACEBO_PRESTO_SCHEMA: { codec: NonEmptyString, default: 'placebo', doc: 'Cluster: Presto schema of the analyst tables; the sink creates it if missing.' },
  PLACEBO_HOST: { codec: NonEmptyString, default: '127.0.0.1', doc: 'Address the API listens on.' },
  PLACEBO_PORT: { codec: IntFromString(0, 65535), default: '8080', doc: 'Port the API listens on (0 picks a free one).' },
  PLACEBO_SINK_METRICS_PORT: {
    codec: IntFromString(0, 65535),
    default: '0',
    doc: "Port on PLACEBO_HOST where a process without the API (`placebo sink`) serves GET /metrics; 0 serves none. With the API (`placebo start`) the sink's metrics are in the API's /metrics.",
  },
  PLACEBO_API_WORKERS: {
    codec: IntFromString(1, 64),
    default: '1',
    doc: 'API processes sharing the port (`placebo api` / `start`); the sink stays in the first process. More than one per core never helps; on 2 cores shared with the load generator it did not help either (bench/README.md).',
  },
  PLACEBO_SEED_ROUTES: {
    codec: BoolFromString,
    default: 'false',
    doc: "Serve the seeds' unauthenticated routes (/create/user, /buy/sword, /purchase_a_sword …), confined to the players they create. `placebo start` (`npm start`) turns them on when it listens on a loopback address.",
  },
  PLACEBO_RATE_IP_PER_MIN: {
    codec: IntFromString(0, 10_000_000),
    default: '1200',
    doc: 'Requests per minute one client address may make, on every route but the probes /healthz and /readyz (429 past it); 0 turns the limit off. `placebo start` on a loopback address defaults to 0.',
  },
  PLACEBO_RATE_AUTH_IP_PER_MIN: {
    codec: IntFromString(0, 1_000_000),
    default: '20',
    doc: 'Logins, registrations and seed-route player creations per minute from one client address; 0 turns the limit off. `placebo start` on a loopback address defaults to 0.',
  },
  PLACEBO_RATE_AUTH_NAME_PER_HOUR: {
    codec: IntFromString(0, 1_000_000),
    default: '30',
    doc: 'Logins, registrations and seed-route player creations per hour for one account name, from anywhere; 0 turns the limit off.',
  },
  PLACEBO_RATE_VIEWS_PER_MIN: {
    codec: IntFromString(0, 1_000_000),
    default: '60',
    doc: "Seed 000's unauthenticated profile views (GET /data/user) per minute of one player; 0 turns the limit off.",
  },
  PLACEBO_OPERATOR_TOKEN: {
    codec: TokenString,
    default: '',
    secret: true,
    doc: "Bearer token of the operator routes (`/v1/analytics`, `/v1/operator/status`) and the console's designer and operator pages: 16–512 visible ASCII characters; empty closes those routes (401). Never logged.",
  },
  PLACEBO_RATE_OPERATOR_PER_MIN: {
    codec: IntFromString(0, 1_000_000),
    default: '120',
    doc: 'Operator-route requests (analytics questions, status), right token or wrong, per minute from one client address; 0 turns the limit off.',
  },
  PLACEBO_LOGIN_QUEUE: {
    codec: IntFromString(1, 1000),
    default: '4',
    doc: "Logins of one name an API process holds waiting behind the one it checks; more answer 429 at once, so a flood of guesses cannot delay the owner's login.",
  },
  PLACEBO_MAX_SESSIONS: {
    codec: IntFromString(1, 1000),
    default: '10',
    doc: "Live sessions one player may hold; a login past it ends the player's oldest. `DELETE /v1/sessions?all=true` ends them all.",
  },
  PLACEBO_HEADERS_TIMEOUT_MS: {
    codec: IntFromString(1000, 600_000),
    default: '10000',
    doc: "Longest time a client may take to send a request's headers before the connection is closed (slow-header attacks).",
  },
  PLACEBO_REQUEST_TIMEOUT_MS: {
    codec: IntFromString(1000, 3_600_000),
    default: '30000',
    doc: 'Longest time a client may take to send a whole request (headers and body); at least PLACEBO_HEADERS_TIMEOUT_MS.',
  },
  PLACEBO_KEEPALIVE_TIMEOUT_MS: { codec: IntFromString(100, 600_000), default: '5000', doc: 'How long an idle keep-alive connection stays open.' },
  PLACEBO_MAX_CONNECTIONS: { codec: IntFromString(1, 1_000_000), default: '1024', doc: 'Most open connections per API process; more are closed on arrival.' },
  PLACEBO_BODY_LIMIT: { codec: IntFromString(256, 10_000_000), default: '65536', doc: 'Largest request body in bytes; larger gets 413.' },
  PLACEBO_SESSION_TTL_S: { codec: IntFromString(60, 31_536_000), default: '86400', doc: 'Lifetime of a login session in seconds.' },
  PLACEBO_SCRYPT_COST: {
    codec: PowerOfTwoFromString(1024, 1_048_576),
    default: '16384',
    doc: 'scrypt N for password hashes: a power of two from 1024 to 1048576.',
  },
  PLACEBO_CATALOGUE: { codec: NonEmptyString, default: 'config/catalogue.json', doc: 'Items, prices, orgs, offers, enemies and limits (JSON).' },
  PLACEBO_SINK_FLUSH_MS: { codec: IntFromString(100, 3_600_000), default: '5000', doc: 'Sink: longest time a row waits before its Parquet file is committed.' },
  PLACEBO_SINK_FLUSH_ROWS: {
    codec: IntFromString(1, 10_000_000),
    default: '100000',
    doc: 'Sink: rows per table that trigger a commit before the interval ends.',
  },
  PLACEBO_SINK_FLUSH_BYTES: {
    codec: IntFromString(65_536, 2_000_000_000),
    default: '67108864',
    doc: "Sink: bytes of buffered rows (per partition) that trigger a commit: bounds the sink's memory whatever the backlog.",
  },
  PLACEBO_SINK_LEASE_MS: {
    codec: IntFromString(1000, 600_000),
    default: '20000',
    doc: 'Sink: how long a sink holds a partition without renewing its lease. Sinks of one deployment share the partitions; one that dies on another machine hands its partitions over after this (on the same machine at once).',
  },
  PLACEBO_STATE_EXPORT_MS: {
    codec: IntFromString(0, 604_800_000),
    default: '0',
    doc: 'Sink: interval between exports of the current player state (tables players, player_items, player_orgs); 0 exports only on `placebo export-state`.',
  },
  PLACEBO_PARQUET_ENCODER: {
    codec: t.keyof({ duckdb: null, parquetjs: null }),
    default: 'duckdb',
    doc: 'Sink: Parquet writer. `duckdb` (fast, columnar) or `parquetjs` (parquetjs-lite, pure JavaScript).',
  },
  PLACEBO_LOG_LEVEL: {
    codec: t.keyof({ debug: null, info: null, warn: null, error: null }),
    default: 'info',
    doc: 'Least level of the JSON-lines log on stderr.',
  },
} as const;

type Settings = typeof settings;
export type Config = { readonly [K in keyof Settings]: t.TypeOf<Settings[K]['codec']> } & { readonly catalogue: Catalogue };

export interface ConfigProblem {
  readonly path: string;
  readonly message: string;
}

/** A relative path is the working directory's, else the repository's: `npx placebo` works from any folder of it. */
const cataloguePath = (path: string): string => {
  const here = resolve(path);
  if (isAbsolute(path) || existsSync(here)) return here;
  const inRepo = join(repoRoot(), path);
  return existsSync(inRepo) ? inRepo : here;
};

const loadCatalogue = (path: string): E.Either<ConfigProblem[], Catalogue> => {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(cataloguePath(path), 'utf8'));
  } catch (e) {
    return E.left([{ path: 'PLACEBO_CATALOGUE', message: `cannot read ${path}: ${e instanceof Error ? e.message : String(e)}` }]);
  }
  const decoded = Catalogue.decode(raw);
  if (E.isLeft(decoded)) return E.left([{ path: 'PLACEBO_CATALOGUE', message: `${path} is not a valid catalogue` }]);
  const problems = catalogueProblems(decoded.right);
  return problems.length > 0 ? E.left(problems.map((message) => ({ path: 'PLACEBO_CATALOGUE', message }))) : E.right(decoded.right);
};

/** Decodes the whole configuration from an environment; every problem is reported, not just the first. */
export const loadConfig = (env: Readonly<Record<string, string | undefined>>): E.Either<ReadonlyArray<ConfigProblem>, Config> => {
  const problems: ConfigProblem[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, s] of Object.entries(settings)) {
    const value = env[key] ?? s.default;
    const decoded = (s.codec as t.Mixed).decode(value);
    // A secret is never echoed, not even a malformed one: it may be the right token mistyped.
    const shown = 'secret' in s ? 'a value that is not one' : JSON.stringify(value);
    if (E.isLeft(decoded)) problems.push({ path: key, message: `expected ${s.codec.name}, got ${shown}` });
    else out[key] = decoded.right;
  }
  if (problems.length === 0 && (out.PLACEBO_HEADERS_TIMEOUT_MS as number) > (out.PLACEBO_REQUEST_TIMEOUT_MS as number)) {
    problems.push({ path: 'PLACEBO_REQUEST_TIMEOUT_MS', message: 'must be at least PLACEBO_HEADERS_TIMEOUT_MS' });
  }
  if (problems.length > 0) return E.left(problems);
  const catalogue = loadCatalogue(out.PLACEBO_CATALOGUE as string);
  if (E.isLeft(catalogue)) return catalogue;
  return E.right({ ...(out as Omit<Config, 'catalogue'>), catalogue: catalogue.right });
};
