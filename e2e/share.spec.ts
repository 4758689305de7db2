/**
 * Share a lesson: a run, a comparison or a workspace saved as a file in one
 * person's app opens in another's — picked with Open file… or dropped on the
 * window — runs read-only; a file that is not one gets a clear message and
 * changes nothing.
 */
import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { editorText, pickExample, runButton, setCode, waitForFinish } from './app';
import { expect, saveScreenshot, startWebHost, test, type WebHost } from './fixtures';
import { download, historyItems, openHistory, runAndWait, setInputs } from './runs';

/** Another person's app: its own host, data folder and page. */
async function otherApp(page: Page): Promise<{ page: Page; host: WebHost; close(): Promise<void> }> {
  const host = await startWebHost(mkdtempSync(join(tmpdir(), 'pool-playground-other-')));
  const other = await page
    .context()
    .browser()!
    .newPage({ viewport: { width: 1440, height: 900 } });
  await other.goto(host.url);
  await expect(other.getByTestId('app-ready')).toBeAttached();
  return {
    page: other,
    host,
    async close() {
      await other.close();
      await host.stop();
      rmSync(host.dataDir, { recursive: true, force: true });
    },
  };
}

/** Drop a file on the window, as dragging it from the desktop does. */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, text }) => {
      // Runs in the page (a browser), not in Node.
      const page = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: unknown): void } };
        File: new (parts: string[], name: string, options: { type: string }) => unknown;
      };
      const transfer = new page.DataTransfer();
      transfer.items.add(new page.File([text], name, { type: 'application/json' }));
      return transfer;
    },
    { name, text },
  );
  await page.dispatchEvent('.app', 'dragover', { dataTransfer });
  await page.dispatchEvent('.app', 'drop', { dataTransfer });
}

test('a run saved as a file opens read-only in another app, with its code and settings', async ({
  app: page,
}) => {
  await pickExample(page, 'map');
  await setInputs(page, '[2, 1]');
  await runButton(page).click();
  await waitForFinish(page);
  const file = await download(page, page.getByTestId('export-share'));
  expect(file.name).toMatch(/\.run\.json$/);

  const other = await otherApp(page);
  // Kept until the end: the browser reads a chosen file when the app asks for its text, not before.
  const dir = mkdtempSync(join(tmpdir(), 'pp-share-'));
  try {
    writeFileSync(join(dir, file.name), file.buffer);
    await other.page.getByTestId('open-shared-input').setInputFiles(join(dir, file.name));
    await expect(other.page.getByTestId('saved-run-banner')).toContainText('read-only');
    await expect(other.page.getByTestId('share-notice')).toContainText(`from ${file.name}, read-only`);
    await expect(other.page.getByTestId('timeline-bar')).toHaveCount(2);
    await expect(other.page.getByTestId('saved-code')).toContainText('export function square');
    await expect(other.page.getByLabel('Inputs', { exact: true })).toHaveValue('[2, 1]');
    await expect(other.page.getByLabel('Inputs', { exact: true })).toBeDisabled();
    await openHistory(other.page);
    await expect(historyItems(other.page)).toHaveCount(1);
    await expect(other.page.getByTestId('history-imported')).toHaveText(`from ${file.name}`);
    await saveScreenshot(other.page, 'shared-run-opened');
  } finally {
    await other.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a comparison dropped on another app opens in its comparison page', async ({ app: page }) => {
  await pickExample(page, 'submit');
  await setInputs(page, 'range(2)');
  await runAndWait(page);
  await page.getByLabel('Max workers', { exact: true }).fill('1');
  await runAndWait(page);
  for (const box of await page.getByTestId('history-select').all()) await box.check();
  await page.getByTestId('compare-selected').click();
  await expect(page.getByTestId('compare-run')).toHaveCount(2);
  const file = await download(page, page.locator('.compare-page, body').getByTestId('export-share').last());
  expect(file.name).toMatch(/\.comparison\.json$/);

  const other = await otherApp(page);
  try {
    await dropFile(other.page, file.name, file.text);
    await expect(other.page.getByTestId('compare-run')).toHaveCount(2);
    await expect(other.page.getByTestId('share-notice')).toContainText('a comparison of 2 runs');
  } finally {
    await other.close();
  }
});

test('a workspace handed out as a file replaces code of your own only after asking', async ({
  app: page,
}) => {
  await pickExample(page, 'initializer');
  const file = await download(page, page.getByTestId('save-workspace-file'));
  const other = await otherApp(page);
  try {
    await setCode(other.page, 'export function mine(n: number): number {\n  return n;\n}');
    await dropFile(other.page, file.name, file.text);
    const dialog = other.page.getByTestId('shared-workspace-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Open the shared workspace' }).click();
    await expect(other.page.getByTestId('lesson')).toHaveAttribute('data-example', 'initializer');
    expect(await editorText(other.page)).toContain('export function setUp(word: string): void {');
    await expect(other.page.getByLabel('Function', { exact: true })).toHaveValue('greet');
  } finally {
    await other.close();
  }
});

test('a file that is not a shared lesson gets a clear message and changes nothing', async ({ app: page }) => {
  const before = await editorText(page);
  await dropFile(page, 'notes.json', '{"hello": "world"}');
  await expect(page.getByTestId('problems')).toContainText(
    'Could not open “notes.json”: it is not a Pool Playground file (a run, a comparison or a workspace). Nothing was changed.',
  );
  await dropFile(page, 'broken.run.json', '{"poolPlayground": "run", "version": 3, "id": "x"');
  await expect(page.getByTestId('problems')).toContainText(
    'Could not open “broken.run.json”: it is not a JSON file',
  );
  expect(await editorText(page)).toBe(before);
  await saveScreenshot(page, 'shared-file-refused');
});
