/**
 * The workspace survives: code and run settings come back after a reload,
 * and after a restart of the browser (from the host's disk alone).
 */
import { expect, saveScreenshot, test } from './fixtures';
import { editorText, setCode } from './app';

const MINE = `// my own experiment
export function work(n: number): number {
  return n * n + 1;
}`;

test('code, settings and theme survive a reload and a new browser session', async ({
  app: page,
  host,
  browser,
}) => {
  await setCode(page, MINE);
  await page.getByLabel('Inputs', { exact: true }).fill('[7, 8, 9]');
  await page.getByRole('radio', { name: 'map' }).check();
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  // Pane sizes are part of the workspace too: widen the editor with the keyboard.
  const editorPanel = page.getByTestId('panel-editor');
  const before = (await editorPanel.boundingBox())!.width;
  await page.getByRole('separator', { name: 'Resize the editor and the output' }).focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await editorPanel.boundingBox())!.width).toBeGreaterThan(before + 40);
  const widened = (await editorPanel.boundingBox())!.width;
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  // The function picker follows the code's exports.
  await expect(page.getByLabel('Function', { exact: true })).toHaveValue('work');

  await page.reload();
  await expect(page.getByTestId('app-ready')).toBeAttached();
  await expect.poll(() => editorText(page)).toBe(MINE);
  await expect(page.getByLabel('Inputs', { exact: true })).toHaveValue('[7, 8, 9]');
  await expect(page.getByRole('radio', { name: 'map' })).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect.poll(async () => Math.abs((await editorPanel.boundingBox())!.width - widened)).toBeLessThan(3);
  await saveScreenshot(page, 'workspace-after-reload-light');

  // A fresh browser profile has no local copy: the host's saved workspace is used.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const fresh = await context.newPage();
  await fresh.goto(host.url);
  await expect(fresh.getByTestId('app-ready')).toBeAttached();
  await expect.poll(() => editorText(fresh)).toBe(MINE);
  await expect(fresh.getByLabel('Function', { exact: true })).toHaveValue('work');
  await context.close();
});

test('loading an example over code of your own asks first, and Undo brings the code back', async ({
  app: page,
}) => {
  await setCode(page, MINE);
  await page.getByTestId('open-examples').click();
  const dialog = page.getByTestId('examples-dialog');
  await dialog.getByTestId('example-map').click();
  await expect(dialog.getByRole('heading', { name: 'Replace your code?' })).toBeVisible();
  await saveScreenshot(page, 'examples-confirm');
  await dialog.getByRole('button', { name: 'Keep my code' }).click();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => editorText(page)).toBe(MINE);

  await page.getByTestId('open-examples').click();
  await dialog.getByTestId('example-map').click();
  await dialog.getByRole('button', { name: 'Replace with the example' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => editorText(page)).toContain('export function square');
  await expect(page.getByLabel('Function', { exact: true })).toHaveValue('square');

  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => editorText(page)).toBe(MINE);
});
