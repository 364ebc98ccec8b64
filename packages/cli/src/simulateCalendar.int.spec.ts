import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planCalendar } from './simulate/calendarJourneys.js';
import type { SimCatalogue } from './simulate/simulateJourney.js';
import { placeboRun } from '@placebo/testkit/cli';
import { readCatalogueJson } from '@placebo/testkit/domain';

const catalogue = readCatalogueJson() as SimCatalogue;
const startMs = Date.parse('2025-01-06T00:00:00Z');

describe('placebo simulate --days', () => {
  describe('the calendar', () => {
    const plan = (seed: number) => planCalendar({ seed, players: 40, days: 14, startMs, catalogue });

    it('plans the same journeys and times for the same seed, others for another seed', () => {
      assert.deepEqual(plan(5), plan(5));
      assert.notDeepEqual(plan(5), plan(6));
    });

    it('spreads the players over the days, each journey in time order within the calendar', () => {
      const journeys = plan(5);
      const firstDays = new Set(journeys.map((j) => Math.floor(((j.times?.[0] ?? 0) - startMs) / 86_400_000)));
      assert.ok(firstDays.size > 5, `players join on ${firstDays.size} days`);
      for (const j of journeys) {
        const times = j.times ?? [];
        assert.equal(times.length, j.steps.length);
        assert.ok(
          times.every((t, i) => i === 0 || t >= (times[i - 1] ?? 0)),
          `journey ${j.index} goes back in time`,
        );
        assert.ok((times[0] ?? 0) >= startMs);
      }
      const returning = journeys.filter((j) => new Set((j.times ?? []).map((t) => Math.floor((t - startMs) / 86_400_000))).size > 1);
      assert.ok(returning.length > journeys.length / 4, `${returning.length} players come back on another day`);
    });
  });

  describe('on its own embedded deployment', function () {
    this.timeout(300_000);
    const dirs: string[] = [];
    const fresh = (): string => {
      const dir = mkdtempSync(join(tmpdir(), 'placebo-days-'));
      dirs.push(dir);
      return dir;
    };
    after(() => {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    });

    it('--check: every KPI and every other catalogue query is exact over 14 simulated days', async () => {
      const dir = fresh();
      const r = await placeboRun(['simulate', '--days', '14', '--players', '16', '--seed', '5', '--start', '2025-03-03', '--check'], {
        PLACEBO_DATA_DIR: dir,
        PLACEBO_SCRYPT_COST: '1024',
      });
      assert.equal(r.code, 0, r.output);
      assert.match(r.output, /"check":"passed"/);
      assert.match(r.output, /"first_day":"2025-03-03"/);
      for (const kpi of ['active_players', 'sessions_per_day', 'retention', 'retention_cohorts', 'economy_per_day', 'funnel', 'top_spenders_share']) {
        assert.match(r.output, new RegExp(`^ ${kpi} .*\\| yes `, 'm'), `${kpi} is not checked`);
      }
      const again = await placeboRun(['simulate', '--days', '2', '--players', '3', '--check'], { PLACEBO_DATA_DIR: dir, PLACEBO_SCRYPT_COST: '1024' });
      assert.equal(again.code, 2, again.output);
      assert.match(again.output, /needs an empty PLACEBO_DATA_DIR/);
    });

    it('refuses --url and a bad --start', async () => {
      const withUrl = await placeboRun(['simulate', '--days', '3', '--url', 'http://127.0.0.1:1'], { PLACEBO_DATA_DIR: fresh() });
      assert.equal(withUrl.code, 2, withUrl.output);
      assert.match(withUrl.output, /leave out --url/);
      const badStart = await placeboRun(['simulate', '--days', '3', '--start', '6 Jan'], { PLACEBO_DATA_DIR: fresh() });
      assert.equal(badStart.code, 2, badStart.output);
      assert.match(badStart.output, /--start wants a date/);
    });
  });
});
