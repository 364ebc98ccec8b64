import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { consolePolicy } from '@placebo/app-api';
import {
  demoOperatorToken,
  ensureChromium,
  giveToken,
  launchChromium,
  openDesignerPage,
  openOperatorPage,
  openPlayerPage,
  startConsoleDemo,
  type ConsoleDemo,
} from '@placebo/testkit/console';

/** What a page did that it should not: console errors and warnings, page errors, requests to another origin. */
const watch = (page: Page, origin: string) => {
  const problems: string[] = [];
  const outside: string[] = [];
  const responses: Array<{ url: string; status: number; body: Promise<string> }> = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    if (new URL(r.url()).origin !== origin) outside.push(r.url());
  });
  page.on('response', (r) => responses.push({ url: r.url(), status: r.status(), body: r.text().catch(() => '') }));
  return { problems, outside, responses };
};

// Runs in the page: every chart drawn in a section, with its size and its data marks.
const chartsIn = (selector: string) => `[...document.querySelectorAll(${JSON.stringify(selector)})].map((s) => {
  const svg = s.querySelector('svg.chart');
  const box = svg ? svg.getBoundingClientRect() : null;
  return { id: s.id || s.dataset.name, status: s.dataset.status, chart: s.dataset.chart, marks: svg ? svg.querySelectorAll('.mark').length : 0,
    width: box ? box.width : 0, height: box ? box.height : 0, rows: s.querySelectorAll('table tbody tr').length };
})`;

interface Drawn {
  readonly id: string;
  readonly status?: string;
  readonly chart?: string;
  readonly marks: number;
  readonly width: number;
  readonly height: number;
  readonly rows: number;
}

describe('the web console in a real browser (Chromium): player, designer and operator pages', function () {
  this.timeout(600_000);
  let dir: string;
  let demo: ConsoleDemo;
  let browser: BrowserContext;
  before(async () => {
    ensureChromium();
    dir = mkdtempSync(join(tmpdir(), 'placebo-console-'));
    demo = await startConsoleDemo(dir);
    browser = await launchChromium(join(dir, 'chromium-profile'));
  });
  after(async () => {
    await browser?.close();
    await demo?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the pages with the strict CSP, nosniff and no framing', async () => {
    for (const path of ['/console/', '/console/console.js', '/console/console.css']) {
      const res = await fetch(`${demo.url}${path}`);
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('content-security-policy'), consolePolicy);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    }
    assert.equal((await fetch(`${demo.url}/console/nothing.js`)).status, 404);
    assert.equal((await fetch(`${demo.url}/console/..%2Fmain.js`)).status, 404);
  });

  it('shows a logged-in player their wealth, inventory, affiliations, fights and recent events, each with data', async () => {
    const page = await browser.newPage();
    const seen = watch(page, demo.url);
    await openPlayerPage(page, demo.url);
    const sections = await page.evaluate<ReadonlyArray<Drawn>>(chartsIn('section.card'));
    const byId = new Map(sections.map((s) => [s.id, s]));
    for (const id of ['wealth', 'fights-won', 'fights-lost']) {
      const s = byId.get(id);
      assert.ok(s !== undefined && s.marks > 0, `${id}: a chart with data marks (${JSON.stringify(s)})`);
      assert.ok(s.width > 100 && s.height > 50, `${id}: drawn at a visible size`);
    }
    for (const id of ['inventory', 'affiliations', 'recent']) assert.ok((byId.get(id)?.rows ?? 0) > 0, `${id}: rows`);
    assert.deepEqual(seen.problems, []);
    assert.deepEqual(seen.outside, [], 'no request leaves the origin');
    await page.close();
  });

  it('draws the KPI catalogue for the designer: every question answered, charts with data', async () => {
    const page = await browser.newPage();
    const seen = watch(page, demo.url);
    await openDesignerPage(page, demo.url);
    const cards = await page.evaluate<ReadonlyArray<Drawn>>(chartsIn('section.question'));
    assert.ok(cards.length >= 26, `one card per question (${cards.length})`);
    assert.deepEqual(
      cards.filter((c) => c.status === 'error' || c.status === 'loading').map((c) => c.id),
      [],
    );
    const drawn = cards.filter((c) => c.status === 'ok' && c.chart !== 'table');
    assert.ok(drawn.length >= 8, `charts with data: ${drawn.map((c) => c.id).join(', ')}`);
    for (const c of drawn) assert.ok(c.marks > 0 && c.width > 100, `${c.id}: marks drawn`);
    // A range before any event: the event tables are empty for it.
    await page.fill('#range input[name=from]', '2000-01-01');
    await page.fill('#range input[name=to]', '2000-01-31');
    await page.click('#refresh');
    await page.waitForSelector('section.question[data-name=win_rate_by_enemy][data-status=empty]', { timeout: 60_000 });
    assert.deepEqual(seen.problems, []);
    assert.deepEqual(seen.outside, []);
    await page.close();
  });

  it("shows the operator the services, the sink's lag and commits, and the error rate", async () => {
    const page = await browser.newPage();
    const seen = watch(page, demo.url);
    await openOperatorPage(page, demo.url);
    assert.ok((await page.locator('#services li.ok').count()) >= 1);
    assert.ok((await page.locator('#sink table tbody tr').count()) >= 1, 'a last commit per table');
    assert.match((await page.locator('#errors .figure').textContent()) ?? '', /%/);
    assert.deepEqual(seen.problems, []);
    assert.deepEqual(seen.outside, []);
    await page.close();
  });

  it('gives a wrong or missing operator token 401 and no data', async () => {
    const page = await browser.newPage();
    const seen = watch(page, demo.url);
    await page.goto(`${demo.url}/console/#/designer`);
    await giveToken(page, 'not-the-operator-token-at-all');
    await page.waitForSelector('#operator-login .error', { timeout: 30_000 });
    assert.equal(await page.locator('section.question').count(), 0);
    const api = seen.responses.filter((r) => r.url.includes('/v1/analytics'));
    assert.ok(api.length > 0 && api.every((r) => r.status === 401));
    for (const r of api) assert.equal(JSON.parse(await r.body).error, 'operator_unauthorized');
    // Chromium reports each refused fetch as a console error; nothing else may appear.
    assert.deepEqual(
      seen.problems.filter((p) => !/status of 401/.test(p)),
      [],
    );
    const missing = await page.evaluate(`fetch('/v1/operator/status').then(async (r) => [r.status, await r.text()])`);
    assert.equal((missing as [number, string])[0], 401);
    assert.doesNotMatch((missing as [number, string])[1], /services/);
    await page.close();
    assert.ok(demoOperatorToken.length >= 16);
  });
});
