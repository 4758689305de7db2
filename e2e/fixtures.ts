/**
 * End-to-end fixtures: each test gets a real browser host (the built
 * `out/web/server.js`, real worker processes) with its own empty data folder,
 * and a page opened at the address it printed.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHostProcess, type HostProcess } from '../electron/node/test/host-process';

export interface WebHost extends HostProcess {
  dataDir: string;
}

/** The built browser host on its own data folder. */
export async function startWebHost(dataDir: string): Promise<WebHost> {
  return { ...(await startHostProcess({ built: true, args: ['--data', dataDir] })), dataDir };
}

/** Where the suite saves the screenshots people look at. */
export const SCREENSHOT_DIR = join('test-results', 'screenshots');

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

export const test = base.extend<{ host: WebHost; app: Page }>({
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pool-playground-e2e-'));
    const host = await startWebHost(dataDir);
    await use(host);
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
  app: async ({ page, host }, use) => {
    await page.goto(host.url);
    await expect(page.getByTestId('app-ready')).toBeAttached();
    await use(page);
  },
});

export { expect };
