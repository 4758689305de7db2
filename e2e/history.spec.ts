/**
 * The run history: every run is kept by the host and listed in the side
 * bar, newest first; it survives a reload; a run reopens read-only with its
 * timeline and terminal; runs can be renamed in place and deleted (with a
 * moment to undo).
 */
import { expect, saveScreenshot, test } from './fixtures';
import { terminalLines, timelineBars } from './app';
import { historyItem, historyItems, openHistory, runAndWait, setMaxWorkers, smallPrimes } from './runs';

test('a run is kept in the history, survives a reload and reopens with its bars', async ({ app: page }) => {
  await smallPrimes(page, 2);
  await runAndWait(page);
  const liveBars = await timelineBars(page);
  expect(liveBars).toHaveLength(4);

  await page.reload();
  await expect(page.getByTestId('app-ready')).toBeAttached();
  const history = await openHistory(page);
  await expect(historyItems(page)).toHaveCount(1);
  const item = historyItems(page).first();
  await expect(item).toContainText('countPrimes · submit · 2 workers');
  await expect(item).toContainText('submit · 2 workers');
  await expect(item.getByTestId('history-wall')).toHaveText(/^\d+(\.\d+)? s$/);

  // After the reload the live view is empty; reopening the run shows its bars and terminal again.
  await expect(page.getByTestId('timeline-bar')).toHaveCount(0);
  await item.getByTestId('history-open').click();
  await expect(page.getByTestId('saved-run-banner')).toContainText('countPrimes · submit · 2 workers');
  await expect(page.getByTestId('timeline-bar')).toHaveCount(4);
  const saved = await timelineBars(page);
  expect(saved.map((b) => b.pid).sort()).toEqual(liveBars.map((b) => b.pid).sort());
  await expect.poll(async () => (await terminalLines(page)).at(-1)).toMatch(/^Done in .* · 4 tasks/);
  // Printed once (the terminal is not the live run's with the saved one appended).
  await expect
    .poll(
      async () => (await page.locator('.terminal-host .xterm-rows').innerText()).match(/Done in/g)?.length,
    )
    .toBe(1);
  await saveScreenshot(page, 'history-reopened');

  // Back to the live run.
  await page.getByTestId('back-to-live').click();
  await expect(page.getByTestId('saved-run-banner')).toBeHidden();
  await expect(history).toBeVisible();
});

test('runs are listed newest first, renamed in place, and deleted with undo', async ({ app: page }) => {
  await smallPrimes(page, 1);
  await runAndWait(page);
  await setMaxWorkers(page, 2);
  await runAndWait(page);
  await openHistory(page);
  await expect(historyItems(page).getByTestId('history-open')).toHaveText([
    'countPrimes · submit · 2 workers',
    'countPrimes · submit · 1 worker',
  ]);

  // Rename inline: Enter saves (and the host keeps it), Escape cancels.
  const first = historyItems(page).first();
  await first.getByTestId('history-rename').click();
  await page.getByTestId('rename-input').fill('two processes');
  await page.getByTestId('rename-input').press('Enter');
  await expect(first.getByTestId('history-open')).toHaveText('two processes');
  await first.getByTestId('history-rename').click();
  await page.getByTestId('rename-input').fill('not this');
  await page.getByTestId('rename-input').press('Escape');
  await expect(first.getByTestId('history-open')).toHaveText('two processes');

  // Delete, then undo: the run is back. Delete again: gone, also after a reload.
  await historyItem(page, 'countPrimes · submit · 1 worker').getByTestId('history-delete').click();
  await expect(historyItems(page)).toHaveCount(1);
  await expect(page.getByTestId('history-undo')).toContainText('Deleted countPrimes · submit · 1 worker');
  await page.getByTestId('history-undo').getByRole('button', { name: 'Undo' }).click();
  await expect(historyItems(page)).toHaveCount(2);
  await historyItem(page, 'countPrimes · submit · 1 worker').getByTestId('history-delete').click();
  await expect(historyItems(page)).toHaveCount(1);

  await page.reload();
  await expect(page.getByTestId('app-ready')).toBeAttached();
  await openHistory(page);
  await expect(historyItems(page).getByTestId('history-open')).toHaveText(['two processes']);
});
