/**
 * The README's pictures (docs/*.png), taken from the real app in Chromium by
 * `npm run screenshots` — never by the test suite, so a test run leaves the
 * tracked files alone.
 */
import { mkdirSync } from 'node:fs';
import { expect, test } from '../fixtures';
import { outcome, pickExample, runButton } from '../app';
import { compareWorkersAndBaseline } from '../runs';

test.beforeAll(() => {
  mkdirSync('docs', { recursive: true });
});

test('docs/app-mid-run.png: the submit example mid-run, three processes sharing five tasks', async ({
  app: page,
}) => {
  await pickExample(page, 'submit');
  await runButton(page).click();
  await expect(page.getByTestId('timeline-lane')).toHaveCount(3);
  await expect(page.getByTestId('delivery-marker').first()).toBeAttached({ timeout: 10_000 });
  await expect(outcome(page)).toHaveText('Running');
  await page.screenshot({ path: 'docs/app-mid-run.png' });
});

test.describe('at 1280×720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });
  test('docs/presenter.png: the presenter layout after the submit example', async ({ app: page }) => {
    await pickExample(page, 'submit');
    await page.getByTestId('presenter-toggle').click();
    await runButton(page).click();
    await expect(outcome(page)).toHaveText(/^Finished in /, { timeout: 30_000 });
    await page.screenshot({ path: 'docs/presenter.png' });
  });
});

test('docs/compare.png: 1 worker, 2 workers and the serial baseline compared', async ({ app: page }) => {
  test.setTimeout(180_000);
  await compareWorkersAndBaseline(page);
  await page.screenshot({ path: 'docs/compare.png' });
});
