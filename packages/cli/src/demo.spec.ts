import assert from 'node:assert/strict';
import * as E from 'fp-ts/lib/Either.js';
import { loadConfig } from '@placebo/adapters';
import { demoEnv, isLoopback } from './demo.js';

const seedRoutes = (env: Record<string, string | undefined>): boolean => {
  const c = loadConfig(env);
  assert.ok(E.isRight(c));
  return c.right.PLACEBO_SEED_ROUTES;
};

describe('safe defaults, and the local demo of placebo start', () => {
  it('leaves the seed routes off for placebo api', () => assert.equal(seedRoutes({}), false));

  it('turns them on for placebo start on a loopback address, unless told otherwise', () => {
    assert.equal(seedRoutes(demoEnv({})), true);
    assert.equal(seedRoutes(demoEnv({ PLACEBO_HOST: 'localhost' })), true);
    assert.equal(seedRoutes(demoEnv({ PLACEBO_SEED_ROUTES: 'false' })), false);
  });

  it('keeps them off when placebo start listens beyond this machine', () => {
    assert.equal(seedRoutes(demoEnv({ PLACEBO_HOST: '0.0.0.0' })), false);
    assert.equal(seedRoutes(demoEnv({ PLACEBO_HOST: '10.0.0.5' })), false);
    assert.equal(isLoopback('127.0.0.1'), true);
    assert.equal(isLoopback('::'), false);
  });
});
