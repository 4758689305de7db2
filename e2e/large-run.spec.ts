/**
 * A run of 100,000 tasks (one per input: no chunking) streams into the live
 * view, completes, stays interactive, and lands in the history: zoomed out,
 * tasks too thin to draw one by one are summed into blocks ("1,200 tasks");
 * zoomed in, each is its own bar with its tooltip; reopened from the history
 * it shows again.
 */
import { expect, saveScreenshot, test } from './fixtures';
import { outcome, runButton, setCode } from './app';
import { historyItems, openHistory, setInputs, setMaxWorkers } from './runs';

test('100,000 tasks: streamed live, finished, zoomable, kept in the history', async ({ app: page }) => {
  test.setTimeout(420_000);
  await setCode(page, 'export function tiny(n: number): number {\n  return n * n;\n}');
  await setInputs(page, 'range(100000)');
  await setMaxWorkers(page, 2);
  await runButton(page).click();
  // It streams: the live view counts tasks as they finish, before the run is over.
  await expect(page.getByTestId('status-progress')).toHaveAttribute('max', '100000', { timeout: 60_000 });
  await expect(outcome(page)).toHaveText(/^Finished in /, { timeout: 300_000 });
  await expect(page.getByTestId('status-tasks')).toContainText('100000 done');
  await expect(page.getByTestId('caller-lane')).toHaveAttribute(
    'aria-label',
    'Caller: 100,000 results received',
  );

  // Zoomed out: blocks of many tasks, not 100,000 bars.
  await expect(page.getByTestId('timeline-lane')).toHaveCount(2);
  await expect(page.getByTestId('timeline-block').first()).toBeAttached();
  expect(await page.getByTestId('timeline-bar').count()).toBeLessThanOrEqual(2000);
  await saveScreenshot(page, 'large-run-zoomed-out');

  // Zoomed in (keyboard): single tasks, each with its bar and tooltip.
  // How far depends on how fast the machine ran the tasks: zoom until single bars appear.
  await page.getByTestId('timeline').focus();
  const bars = page.getByTestId('timeline-bar');
  for (let i = 0; i < 40 && (await bars.count()) === 0; i++) await page.keyboard.press('+');
  await expect(bars.first()).toBeAttached();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('timeline-tooltip')).toContainText(/tiny\(\d+\)/);
  await saveScreenshot(page, 'large-run-zoomed-in');

  // In the history, and it opens again.
  await openHistory(page);
  await expect(historyItems(page)).toHaveCount(1);
  await historyItems(page).first().getByTestId('history-open').click();
  await expect(page.getByTestId('saved-run-banner')).toContainText('tiny');
  await expect(page.getByTestId('timeline-lane')).toHaveCount(2, { timeout: 120_000 });
  await expect(page.getByTestId('caller-lane')).toHaveAttribute(
    'aria-label',
    'Caller: 100,000 results received',
  );
});
