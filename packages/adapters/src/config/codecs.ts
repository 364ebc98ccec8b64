import { parseRedisTarget } from '../redis/redisClient.js';
import * as t from 'io-ts';

const wholeNumber = (u: unknown): number => (typeof u === 'string' && /^-?\d+$/.test(u.trim()) ? Number(u) : NaN);

/** A whole number written in decimal, within [min, max]. */
export const IntFromString = (min: number, max: number) =>
  new t.Type<number, string, unknown>(
    `integer ${min}…${max}`,
    (u): u is number => typeof u === 'number',
    (u, c) => {
      const n = wholeNumber(u);
      return Number.isSafeInteger(n) && n >= min && n <= max ? t.success(n) : t.failure(u, c);
    },
    String,
  );

/** A power of two within [min, max]: scrypt refuses any other N, so a wrong cost would only show at the first login. */
export const PowerOfTwoFromString = (min: number, max: number) =>
  new t.Type<number, string, unknown>(
    `power of two ${min}…${max}`,
    (u): u is number => typeof u === 'number',
    (u, c) => {
      const n = wholeNumber(u);
      return Number.isSafeInteger(n) && n >= min && n <= max && (n & (n - 1)) === 0 ? t.success(n) : t.failure(u, c);
    },
    String,
  );

export const BoolFromString = new t.Type<boolean, string, unknown>(
  'true|false',
  (u): u is boolean => typeof u === 'boolean',
  (u, c) => (u === 'true' || u === '1' ? t.success(true) : u === 'false' || u === '0' ? t.success(false) : t.failure(u, c)),
  String,
);

/** An absolute URL of one of `schemes` (`http:`, `redis:` …). */
export const UrlString = (...schemes: ReadonlyArray<string>) =>
  new t.Type<string, string, unknown>(
    `${schemes.map((s) => `${s}//…`).join(' or ')} URL`,
    (u): u is string => typeof u === 'string',
    (u, c) => {
      if (typeof u !== 'string') return t.failure(u, c);
      try {
        return schemes.includes(new URL(u).protocol) ? t.success(u) : t.failure(u, c);
      } catch {
        return t.failure(u, c);
      }
    },
    String,
  );

/** `PLACEBO_REDIS_URL`: one server's URL, or a Redis Cluster's nodes (`redis+cluster://host:port,host:port`). */
export const RedisUrlString = new t.Type<string, string, unknown>(
  'redis://host:port/db or redis+cluster://host:port,host:port,… URL',
  (u): u is string => typeof u === 'string',
  (u, c) => (typeof u === 'string' && parseRedisTarget(u) !== undefined ? t.success(u) : t.failure(u, c)),
  String,
);

/** Comma-separated `host:port` pairs, as Kafka's bootstrap servers are given. */
export const HostPortList = new t.Type<string, string, unknown>(
  'host:port[,host:port…]',
  (u): u is string => typeof u === 'string',
  (u, c) =>
    typeof u === 'string' && u.split(',').every((p) => /^[A-Za-z0-9.-]+:\d{1,5}$/.test(p.trim()) && Number(p.trim().split(':')[1]) <= 65535)
      ? t.success(u)
      : t.failure(u, c),
  String,
);

/** A string that is not empty (a host name, a path, a user name). */
export const NonEmptyString = new t.Type<string, string, unknown>(
  'a non-empty string',
  (u): u is string => typeof u === 'string',
  (u, c) => (typeof u === 'string' && u.trim() !== '' ? t.success(u) : t.failure(u, c)),
  String,
);

/** A secret shared with operators: none (''), or 16–512 visible ASCII characters (a guessable token is refused). */
export const TokenString = new t.Type<string, string, unknown>(
  'no token, or 16 to 512 visible ASCII characters',
  (u): u is string => typeof u === 'string',
  (u, c) => (typeof u === 'string' && (u === '' || /^[\x21-\x7e]{16,512}$/.test(u)) ? t.success(u) : t.failure(u, c)),
  String,
);
