import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareRows, sameCell } from './simulate/simulateCompare.js';
import { expectedAnswers, round } from './simulate/simulateExpected.js';
import { planJourneys, type SimCatalogue } from './simulate/simulateJourney.js';
import type { SimEvent } from './simulate/playerModel.js';
import { placeboRun, startServer, stop, type Running } from '@placebo/testkit/cli';
import { readCatalogueJson } from '@placebo/testkit/domain';

const catalogue = readCatalogueJson() as SimCatalogue;

describe('placebo simulate', () => {
  describe('the journey generator', () => {
    it('plans the same commands for the same seed, and other commands for another seed', () => {
      const plan = (seed: number) => planJourneys({ seed, players: 60, commands: 3000, catalogue });
      assert.deepEqual(plan(7), plan(7));
      assert.notDeepEqual(plan(7), plan(8));
    });

    it('mixes JSON API players, seed 000 form players and several seed 001 hosts, about the commands asked for', () => {
      const journeys = planJourneys({ seed: 3, players: 100, commands: 5000, catalogue });
      const steps = journeys.flatMap((j) => j.steps);
      assert.ok(Math.abs(steps.length - 5000) < 100, `${steps.length} commands`);
      assert.ok(journeys.filter((j) => j.style === 'host').length >= 3);
      assert.ok(journeys.some((j) => j.host === 'user3.spectrum.com'));
      for (const op of [
        'register',
        'login',
        'buy',
        'join',
        'leave',
        'fight',
        'logout',
        'profile',
        'catalogue',
        'seedCreate',
        'seedBuy',
        'seedJoin',
        'hostBuy',
        'hostJoin',
      ]) {
        assert.ok(
          steps.some((s) => s.op === op),
          `no ${op}`,
        );
      }
      assert.ok(steps.some((s) => s.op === 'buy' && s.offer !== null));
      assert.ok(steps.some((s) => s.op === 'register' && s.password === null));
    });
  });

  describe('the comparison', () => {
    const event = (over: Partial<SimEvent>): SimEvent => ({
      player: 'p',
      version: 1,
      type: 'ItemPurchased',
      action: 'buy_sword',
      status: 'approved_purchase',
      at: 0,
      host: 'h',
      accept: '*/*',
      wealth: 0,
      items: 1,
      orgs: 0,
      kind: 'sword',
      item_type: 'saber',
      quantity: 1,
      cost: 999,
      unit_price: 999,
      discount: 0,
      offer_id: null,
      ...over,
    });

    it('fails on a planted wrong expectation, passes on the right one', () => {
      const answers = expectedAnswers([event({}), event({ player: 'q', item_type: 'cutlass', cost: 777, unit_price: 777 })]);
      const right = answers.get('seed000_average_price_per_type') ?? [];
      assert.deepEqual(right, [
        ['cutlass', 777],
        ['saber', 999],
      ]);
      assert.equal(
        compareRows(right, [
          ['cutlass', 777],
          ['saber', 999],
        ]).ok,
        true,
      );
      const planted = [
        ['cutlass', 778],
        ['saber', 999],
      ];
      assert.equal(compareRows(right, planted).ok, false);
      assert.match(compareRows(right, planted).why, /row 1 column 2/);
      assert.equal(compareRows(right, [['saber', 999]]).ok, false);
    });

    it('is exact for counts and strings, within 1e-6 relative for doubles', () => {
      assert.equal(sameCell(3, 3), true);
      assert.equal(sameCell(3, 4), false);
      assert.equal(sameCell(3, '3'), true);
      assert.equal(sameCell('a', 'A'), false);
      assert.equal(sameCell(null, 0), false);
      assert.equal(sameCell(1234.5678, 1234.5678 * (1 + 1e-9)), true);
      assert.equal(sameCell(1234.56, 1234.57), false);
      assert.equal(round(2.5, 0), 3);
      assert.equal(round(-2.5, 0), -3);
    });
  });

  describe('against a running API (embedded mode)', function () {
    this.timeout(600_000);
    let dir = '';
    let server: (Running & { url: string }) | null = null;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'placebo-simulate-'));
      server = await startServer('start', { PLACEBO_DATA_DIR: dir, PLACEBO_SINK_FLUSH_MS: '500', PLACEBO_SCRYPT_COST: '1024' });
    });
    after(async () => {
      await stop(server);
      rmSync(dir, { recursive: true, force: true });
    });

    it('--check: every catalogue query answers what the accepted commands imply (seed 7)', async () => {
      const r = await placeboRun(['simulate', '--players', '60', '--commands', '3000', '--seed', '7', '--check', '--url', server?.url ?? ''], {
        PLACEBO_DATA_DIR: dir,
      });
      assert.equal(r.code, 0, r.output);
      assert.match(r.output, /"check":"passed"/);
    });

    it('refuses a second --check on a lake that already holds events', async () => {
      const r = await placeboRun(['simulate', '--players', '5', '--commands', '50', '--seed', '8', '--check', '--url', server?.url ?? ''], {
        PLACEBO_DATA_DIR: dir,
      });
      assert.equal(r.code, 2, r.output);
      assert.match(r.output, /fresh deployment/);
    });
  });

  describe('against another fresh API, another seed', function () {
    this.timeout(600_000);
    it('--check passes for seed 11 too', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'placebo-simulate-'));
      const server = await startServer('start', { PLACEBO_DATA_DIR: dir, PLACEBO_SINK_FLUSH_MS: '500', PLACEBO_SCRYPT_COST: '1024' });
      try {
        const r = await placeboRun(['simulate', '--players', '40', '--commands', '1500', '--seed', '11', '--check', '--rate', '0', '--url', server.url], {
          PLACEBO_DATA_DIR: dir,
        });
        assert.equal(r.code, 0, r.output);
      } finally {
        await stop(server);
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
