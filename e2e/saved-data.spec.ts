/**
 * The saved data and the run settings that protect the machine, through the
 * real UI: damaged files are reported in a notice the learner dismisses (and
 * kept aside, never dropped), and a worker over its memory cap is stopped
 * with "ran out of memory".
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, saveScreenshot, startWebHost, test } from './fixtures';
import { outcome, runButton, setCode, terminalLines } from './app';

test('damaged saved files are kept aside and reported once, until dismissed', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pool-playground-e2e-'));
  mkdirSync(join(dataDir, 'runs'));
  writeFileSync(join(dataDir, 'workspace.json'), '{"version": 2, "code": "export function task(');
  writeFileSync(join(dataDir, 'runs', 'run-damaged1.json'), '\u0000\u0000garbage');
  const host = await startWebHost(dataDir);
  try {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(host.url);
    await expect(page.getByTestId('app-ready')).toBeAttached();
    const notices = page.getByTestId('data-notice');
    await expect(notices).toHaveCount(2);
    await expect(notices.filter({ hasText: 'saved workspace could not be read' })).toContainText(
      'workspace.json.corrupt-',
    );
    await expect(notices.filter({ hasText: 'run in the history could not be read' })).toContainText(
      'run-damaged1.json.corrupt-',
    );
    // The app opened anyway, with an example.
    await expect(page.locator('.monaco-editor .view-lines')).toContainText('export function');
    await saveScreenshot(page, 'saved-data-notices');
    const zoomed = await page
      .context()
      .browser()!
      .newPage({
        viewport: { width: 960, height: 600 },
        deviceScaleFactor: 1.5,
      });
    await zoomed.goto(host.url);
    await expect(zoomed.getByTestId('data-notice')).toHaveCount(2);
    await saveScreenshot(zoomed, 'saved-data-notices-150');
    await zoomed.close();

    await notices.first().getByRole('button', { name: 'Dismiss this notice' }).click();
    await expect(notices).toHaveCount(1);
    await page.reload();
    await expect(page.getByTestId('app-ready')).toBeAttached();
    await expect(page.getByTestId('data-notice')).toHaveCount(1);
    await page.getByRole('button', { name: 'Dismiss this notice' }).click();
    await expect(page.getByTestId('data-notices')).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId('app-ready')).toBeAttached();
    await expect(page.getByTestId('data-notices')).toHaveCount(0);
    // Both damaged files are still there, under another name.
    expect(readdirSync(dataDir).filter((n) => n.startsWith('workspace.json.corrupt-'))).toHaveLength(1);
    expect(
      readdirSync(join(dataDir, 'runs')).filter((n) => n.startsWith('run-damaged1.json.corrupt-')),
    ).toHaveLength(1);
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a worker over its memory cap is stopped: "ran out of memory"', async ({ app: page }) => {
  await setCode(
    page,
    `export function hoard(n: number): number {
  const kept: Uint8Array[] = [];
  for (let i = 0; i < 100; i++) kept.push(new Uint8Array(10_000_000).fill(1));
  return kept.length;
}`,
  );
  await page.getByLabel('Inputs', { exact: true }).fill('[1]');
  await page.getByRole('button', { name: /^Advanced/ }).click();
  const memory = page.getByLabel('Memory per worker (MB)');
  await expect(memory).toHaveValue('512');
  await memory.fill('128');
  await saveScreenshot(page, 'memory-limit-setting');
  await runButton(page).click();
  await expect(outcome(page)).toHaveText('Broken pool', { timeout: 20_000 });
  await expect(page.getByTestId('run-outcome-detail')).toContainText('ran out of memory');
  await expect
    .poll(async () => (await terminalLines(page)).join('\n'))
    .toMatch(/ran out of memory: it used \d+ MB, over the 128 MB limit/);
});
