// Screenshots of the console's three pages into docs/: an embedded deployment on a free port with simulated data
// (`placebo simulate`) and a demo player, opened in headless Chromium (/usr/bin/chromium). Needs `npm run build`.
//   node scripts/screenshots.mjs [out-dir]      (default docs/)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureChromium, launchChromium, openDesignerPage, openOperatorPage, openPlayerPage, startConsoleDemo } from '@placebo/testkit/console';

const out = resolve(process.argv[2] ?? 'docs');
const dir = mkdtempSync(join(tmpdir(), 'placebo-screenshots-'));
ensureChromium();
const demo = await startConsoleDemo(dir);
const browser = await launchChromium(join(dir, 'chromium-profile'));
try {
  const shots = [
    ['console-player.png', openPlayerPage],
    ['console-designer.png', openDesignerPage],
    ['console-operator.png', openOperatorPage],
  ];
  for (const [file, open] of shots) {
    const page = await browser.newPage();
    await open(page, demo.url);
    await page.screenshot({ path: join(out, file), fullPage: true });
    process.stdout.write(`${join(out, file)}\n`);
    await page.close();
  }
} finally {
  await browser.close();
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
}
