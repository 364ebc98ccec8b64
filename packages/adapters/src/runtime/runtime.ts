import { randomBytes, randomUUID, scrypt, timingSafeEqual } from 'node:crypto';
import type { Clock, Ids, PasswordHasher } from '@placebo/domain';
import { tryPort } from './tryPort.js';

export const systemClock: Clock = { now: () => Date.now() };

export const cryptoIds: Ids = {
  uuid: () => randomUUID(),
  token: () => randomBytes(32).toString('base64url'),
  roll: () => randomBytes(6).readUIntBE(0, 6) / 2 ** 48,
};

const scryptAsync = (password: string, salt: Buffer, n: number): Promise<Buffer> =>
  new Promise((resolve, reject) => scrypt(password, salt, 32, { N: n, r: 8, p: 1, maxmem: 256 * n * 8 }, (err, key) => (err ? reject(err) : resolve(key))));

/** scrypt with a random salt; the cost is stored with the hash so it can be raised later. */
export const createScryptHasher = (options: { readonly cost: number }): PasswordHasher => ({
  hash: (password) =>
    tryPort('hash password', async () => {
      const salt = randomBytes(16);
      const key = await scryptAsync(password, salt, options.cost);
      return `scrypt$${options.cost}$${salt.toString('base64url')}$${key.toString('base64url')}`;
    }),
  verify: (password, stored) =>
    tryPort('verify password', async () => {
      const [scheme, cost, salt, key] = stored.split('$');
      if (scheme !== 'scrypt' || cost === undefined || salt === undefined || key === undefined) return false;
      const expected = Buffer.from(key, 'base64url');
      const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'), Number(cost));
      return actual.length === expected.length && timingSafeEqual(actual, expected);
    }),
});
