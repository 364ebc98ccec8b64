import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';

/** Debian's Chromium, installed the first time on a machine that lacks it (as CI's clean machine does). */
export const ensureChromium = (): void => {
  if (existsSync(chromiumPath)) return;
  execSync('apt-get install -y chromium || (apt-get update && apt-get install -y chromium)', { stdio: 'inherit', timeout: 15 * 60_000 });
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is still missing after apt-get install chromium`);
};

/** Headless Chromium with a profile of its own, reaching out to nothing by itself (no sync, updates or QUIC). */
export const launchChromium = (profileDir: string, viewport = { width: 1280, height: 900 }): Promise<BrowserContext> =>
  chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
