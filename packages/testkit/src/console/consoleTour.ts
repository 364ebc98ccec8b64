import type { Page } from 'playwright-core';
import { demoOperatorToken, demoPlayer } from './consoleDemo.js';

/** The console's pages as a person opens them: the player logs in, the designer and the operator give the token. */

export const openPlayerPage = async (page: Page, base: string): Promise<void> => {
  await page.goto(`${base}/console/#/player`);
  await page.fill('#player-login input[name=name]', demoPlayer.name);
  await page.fill('#player-login input[name=password]', demoPlayer.password);
  await page.click('#player-login button[type=submit]');
  await page.waitForSelector('[data-ready=player]', { timeout: 30_000 });
};

export const giveToken = async (page: Page, token: string): Promise<void> => {
  await page.fill('#operator-login input[name=token]', token);
  await page.click('#operator-login button[type=submit]');
};

export const openDesignerPage = async (page: Page, base: string, token = demoOperatorToken): Promise<void> => {
  await page.goto(`${base}/console/#/designer`);
  await giveToken(page, token);
  await page.waitForSelector('[data-ready=designer]', { timeout: 120_000 });
};

export const openOperatorPage = async (page: Page, base: string, token = demoOperatorToken): Promise<void> => {
  await page.goto(`${base}/console/#/operator`);
  await giveToken(page, token);
  await page.waitForSelector('[data-ready=operator]', { timeout: 30_000 });
};
