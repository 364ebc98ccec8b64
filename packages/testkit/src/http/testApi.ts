import type { RequestListener } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import request from 'supertest';
import {
  createLogger,
  createMetrics,
  createScryptHasher,
  cryptoIds,
  openEmbedded,
  repoRoot,
  systemClock,
  type Infrastructure,
  type Metrics,
} from '@placebo/adapters';
import {
  apiLimits,
  createApp,
  createBackgroundWrites,
  createHandler,
  createRecentFailures,
  loadCatalogue as loadQuestions,
  openApiDocument,
  type CatalogueQuery,
  type Rates,
} from '@placebo/app-api';
import type { Catalogue, EventLog } from '@placebo/domain';
import { loadCatalogue } from '../domain/catalogue.js';
import { checkedListener, failOnViolations } from './contractCheck.js';

/** The real app over real embedded adapters in a fresh directory. */

export const catalogue = loadCatalogue();

/** The operator token every test app is given, unless a test gives another (or '' for none). */
export const testOperatorToken = 'test-operator-token-0123456789';

let questions: Promise<ReadonlyArray<CatalogueQuery>> | null = null;
/** The repository's question catalogue, read once per run. */
const catalogueQuestions = (): Promise<ReadonlyArray<CatalogueQuery>> => (questions ??= loadQuestions(join(repoRoot(), 'queries')));

/** The document each app serves, made once per variant so its compiled checks are reused. */
const documents = { true: openApiDocument({ seedRoutes: true }), false: openApiDocument({ seedRoutes: false }) };

type Agent = ReturnType<typeof request>;

/** Every request of the agent fails its test when the answer breaks the document. */
const checkedAgent = (agent: Agent): Agent =>
  new Proxy(agent, {
    get: (target, prop, receiver) => {
      const v: unknown = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        const made: unknown = (v as (...a: unknown[]) => unknown).apply(target, args);
        return made instanceof request.Test ? made.expect(failOnViolations) : made;
      };
    },
  });

export interface TestApi {
  /** The app as a request listener for a server of the test's own; its answers are checked too. */
  readonly listener: RequestListener;
  readonly agent: Agent;
  readonly infra: Infrastructure;
  /** The app's metrics (what /metrics serves). */
  readonly metrics: Metrics;
  /** Every JSON line the app logged. */
  readonly logLines: string[];
  /** Waits for the writes the app makes after answering (profile views). */
  readonly settle: () => Promise<void>;
  readonly close: () => Promise<void>;
}

export const openTestApi = (
  options: {
    readonly wrapInfra?: (real: Infrastructure) => Infrastructure;
    readonly ready?: () => Promise<boolean>;
    readonly roll?: () => number;
    readonly bodyLimit?: number;
    readonly seedRoutes?: boolean;
    readonly catalogue?: Catalogue;
    /** Request budgets; unset ones are off, so suites that sign up many players from one address are not throttled. */
    readonly rates?: Partial<Rates>;
    readonly maxWaitingLogins?: number;
    readonly maxSessionsPerPlayer?: number;
    /** PLACEBO_OPERATOR_TOKEN; testOperatorToken by default. */
    readonly operatorToken?: string;
    /** The built console's folder, for suites that fetch its files. */
    readonly consoleDir?: string;
  } = {},
): TestApi => {
  const dir = mkdtempSync(join(tmpdir(), 'placebo-api-'));
  const real = openEmbedded({ dataDir: dir });
  const infra = options.wrapInfra?.(real) ?? real;
  const logLines: string[] = [];
  const logger = createLogger({ level: 'debug', write: (line) => void logLines.push(line) });
  const rules = options.catalogue ?? catalogue;
  const handler = createHandler({
    infra,
    catalogue: rules,
    clock: systemClock,
    ids: cryptoIds,
    hasher: createScryptHasher({ cost: 1024 }),
    sessionTtlSeconds: 3600,
    maxWaitingLogins: options.maxWaitingLogins,
    maxSessionsPerPlayer: options.maxSessionsPerPlayer,
  });
  const limits = apiLimits(infra.rateLimits, { ipPerMin: 0, authIpPerMin: 0, authNamePerHour: 0, viewsPerMin: 0, operatorPerMin: 0, ...options.rates });
  const background = createBackgroundWrites((e) => logger.warn('background write failed', { error: String(e) }));
  const metrics = createMetrics();
  const app = createApp({
    handler,
    catalogue: rules,
    logger,
    seedRoutes: options.seedRoutes ?? true,
    limits,
    background,
    idempotencyKeys: infra.rateLimits.idempotencyKeys,
    idempotencyTtlSeconds: 3600,
    bodyLimit: options.bodyLimit ?? 65536,
    ready: options.ready ?? real.ready,
    roll: options.roll ?? (() => 0.1),
    metrics,
    console: {
      operatorToken: options.operatorToken ?? testOperatorToken,
      mode: 'embedded',
      log: infra.log,
      engine: infra.query,
      questions: catalogueQuestions,
      services: infra.health,
      sink: () => null,
      failures: createRecentFailures(),
      consoleDir: options.consoleDir ?? null,
    },
  });
  const listener = checkedListener(documents[`${options.seedRoutes ?? true}`], app.callback());
  return {
    listener,
    agent: checkedAgent(request(listener)),
    infra: real,
    metrics,
    logLines,
    settle: background.settle,
    close: async () => {
      await background.settle();
      await real.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

/** For `wrapInfra`: the embedded set with its log's append wrapped (a slow disk, a failing write, a lost answer). */
export const wrapAppend =
  (wrap: (append: EventLog['append']) => EventLog['append']) =>
  (real: Infrastructure): Infrastructure => ({ ...real, log: { ...real.log, append: wrap(real.log.append) } });

let counter = 0;
/** A name no other test uses. */
export const unique = (prefix: string): string => `${prefix}${process.pid}x${++counter}`;

/** Registers a player through the API and logs in; returns its id and bearer token. */
export const signUp = async (api: TestApi, options: { readonly name?: string; readonly password?: string } = {}) => {
  const name = options.name ?? unique('player');
  const password = options.password ?? 'correct horse battery';
  const created = await api.agent.post('/v1/players').send({ name, password });
  if (created.status !== 201) throw new Error(`register ${name}: ${created.status} ${JSON.stringify(created.body)}`);
  const login = await api.agent.post('/v1/sessions').send({ name, password });
  if (login.status !== 201) throw new Error(`login ${name}: ${login.status} ${JSON.stringify(login.body)}`);
  const id = created.body.player_id as string;
  const token = login.body.token as string;
  return { id, name, password, token, auth: { Authorization: `Bearer ${token}` } };
};

/** The events of a player as stored in the log. */
export const storedEvents = async (api: TestApi, playerId: string) => {
  await api.settle();
  const read = await api.infra.log.readPlayer(playerId, 0)();
  if (E.isLeft(read)) throw new Error(JSON.stringify(read.left));
  return read.right;
};
