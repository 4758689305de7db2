/**
 * End-to-end fixtures: each test gets a real browser host (the built
 * `out/web/server.js`, real worker processes) with its own empty data folder,
 * and a page opened at the address it printed.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface WebHost {
  url: string;
  dataDir: string;
  process: ChildProcess;
}

export async function startWebHost(dataDir: string): Promise<WebHost> {
  const child = spawn(process.execPath, ['out/web/server.js', '--port', '0', '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /running at (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`web host exited (${code}):\n${output}`)));
  });
  return { url, dataDir, process: child };
}

export async function stopWebHost(host: WebHost): Promise<void> {
  if (host.process.exitCode !== null) return;
  const exited = new Promise((resolve) => host.process.once('exit', resolve));
  host.process.kill('SIGINT');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  if (host.process.exitCode === null) host.process.kill('SIGKILL');
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
    await stopWebHost(host);
    rmSync(dataDir, { recursive: true, force: true });
  },
  app: async ({ page, host }, use) => {
    await page.goto(host.url);
    await expect(page.getByTestId('app-ready')).toBeAttached();
    await use(page);
  },
});

export { expect };
