/**
 * The desktop app: the first scenario (the submit example) in Electron,
 * where the workers are utility processes. Skips, saying why, on machines
 * without the Electron binary (it downloads on first install where the
 * internet is reachable); the browser-host specs cover the same app there.
 */
import { _electron as electron } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronBinary } from '../scripts/electron-binary.mjs';
import { expect, saveScreenshot, test } from './fixtures';
import { expectSubmitExampleResults, runButton, waitForFinish } from './app';

test('the desktop app runs the submit example on three worker processes', async () => {
  const binary = electronBinary();
  test.skip(
    binary === null,
    'No Electron binary in node_modules/electron (it is downloaded on install where the internet is reachable); the browser-host specs cover the same scenarios.',
  );
  const userData = mkdtempSync(join(tmpdir(), 'pool-playground-electron-'));
  const app = await electron.launch({
    executablePath: binary!,
    args: ['.'],
    env: { ...process.env, POOL_PLAYGROUND_DATA: userData },
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId('app-ready')).toBeAttached({ timeout: 30_000 });
    await expect(page.getByTestId('host-kind')).toContainText('Electron');
    await page.getByTestId('open-examples').click();
    await page.getByTestId('example-submit').click();
    const replace = page.getByRole('button', { name: 'Replace with the example' });
    if (await replace.isVisible()) await replace.click();
    await runButton(page).click();
    await waitForFinish(page);
    await saveScreenshot(page, 'electron-submit-finished');

    await expectSubmitExampleResults(page);
  } finally {
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  }
});
