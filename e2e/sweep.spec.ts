/**
 * Sweeps: one spec over max workers 1…N (or over chunksizes), one run after
 * another, charted: speedup against workers with the ideal line and the
 * fitted Amdahl curve, and the fitted serial fraction. Structure, not timings.
 */
import { expect, saveScreenshot, test } from './fixtures';
import { pickExample } from './app';
import { historyItems, openHistory, setInputs, smallPrimes } from './runs';

test('a workers sweep over the CPU-bound example charts one point per worker count and the fitted curve', async ({
  app: page,
}) => {
  test.setTimeout(120_000);
  await smallPrimes(page, 2);
  await page.getByTestId('open-sweep-runbar').click();
  const dialog = page.getByTestId('sweep-dialog');
  // Default: up to twice the CPUs.
  const cpus = Number((await page.getByTestId('host-kind').innerText()).match(/(\d+) CPU/)![1]);
  await expect(dialog.getByTestId('sweep-max')).toHaveValue(String(Math.min(64, Math.max(2, 2 * cpus))));
  // Each value 3 times by default; once is enough for this test of the chart's structure.
  await expect(dialog.getByTestId('sweep-repeats')).toHaveValue('3');
  await dialog.getByTestId('sweep-max').fill('4');
  await expect(dialog).toContainText(
    '12 runs, one after another: max workers 1, 2, 3, 4, 3 times over (in rounds',
  );
  await dialog.getByTestId('sweep-repeats').fill('1');
  await expect(dialog).toContainText('4 runs, one after another: max workers 1, 2, 3, 4.');
  await dialog.getByTestId('sweep-start').click();

  await expect(page.getByTestId('sweep-progress')).toContainText('Sweep finished: 4 runs.', {
    timeout: 90_000,
  });
  const chart = page.getByTestId('sweep-chart');
  await expect(chart.locator('svg[role="img"]')).toBeVisible();
  const points = chart.getByTestId('sweep-point');
  await expect(points).toHaveCount(4);
  const measured = await points.evaluateAll((els) =>
    els.map((el) => ({
      workers: Number(el.getAttribute('data-workers')),
      speedup: Number(el.getAttribute('data-speedup')),
    })),
  );
  expect(measured.map((p) => p.workers)).toEqual([1, 2, 3, 4]);
  expect(measured[0]!.speedup).toBe(1);
  for (const p of measured) expect(p.speedup).toBeGreaterThan(0);
  await expect(chart.getByTestId('amdahl-curve')).toHaveAttribute(
    'd',
    /^M [\d.]+ [\d.]+( L [\d.]+ [\d.-]+)+$/,
  );
  await expect(chart.getByTestId('ideal-line')).toBeAttached();
  await expect(page.getByTestId('serial-fraction')).toHaveText(/^serial fraction ≈ \d+(\.\d)? %$/);
  await expect(page.getByTestId('fit-quality')).not.toBeEmpty();
  // One run per value: no spread to draw.
  await expect(chart.getByTestId('sweep-whisker')).toHaveCount(0);
  // The picture describes itself to screen readers.
  await expect(chart.locator('svg[role="img"]')).toHaveAccessibleName(
    /Speedup against the number of workers/,
  );
  await expect(chart.locator('svg[role="img"]')).toHaveAccessibleDescription(/1 worker 1\.00×, 2 workers/);
  await saveScreenshot(page, 'sweep-workers');

  // Every run landed in the history, in one sweep group; the sweep opens in the comparison.
  await openHistory(page);
  await expect(historyItems(page)).toHaveCount(4);
  await expect(historyItems(page).getByTestId('history-open')).toHaveText([
    'countPrimes · sweep · 4 workers',
    'countPrimes · sweep · 3 workers',
    'countPrimes · sweep · 2 workers',
    'countPrimes · sweep · 1 worker',
  ]);
  await page.getByTestId('sweep-compare').click();
  await expect(page.getByTestId('compare-run')).toHaveCount(4);
  await expect(
    page.locator('[data-testid="compare-run"][data-baseline="true"]').getByTestId('compare-run-name'),
  ).toHaveText(/./);
  await page.getByTestId('theme-toggle').click();
  await page.getByTestId('page-tab-sweep').click();
  await saveScreenshot(page, 'sweep-workers-light');
});

test('a chunksize sweep charts wall time against chunksize; a sweep can be cancelled', async ({
  app: page,
}) => {
  test.setTimeout(120_000);
  await pickExample(page, 'primes');
  await page.getByRole('radio', { name: 'map' }).check();
  await setInputs(page, '[20_000] * 16');
  await page.getByTestId('open-sweep-runbar').click();
  const dialog = page.getByTestId('sweep-dialog');
  await dialog.getByRole('radio', { name: /Chunksize/ }).check();
  await dialog.getByTestId('sweep-chunks').fill('1, 4, 16, x');
  await expect(dialog.getByRole('alert')).toContainText('"x" is not a chunksize');
  await expect(dialog.getByTestId('sweep-start')).toBeDisabled();
  await dialog.getByTestId('sweep-chunks').fill('16, 1, 4');
  await dialog.getByTestId('sweep-repeats').fill('1');
  await dialog.getByTestId('sweep-start').click();
  await expect(page.getByTestId('sweep-progress')).toContainText('Sweep finished: 3 runs.', {
    timeout: 90_000,
  });
  const points = page.getByTestId('sweep-chart').getByTestId('sweep-point');
  await expect(points).toHaveCount(3);
  expect(
    await points.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-chunksize')))),
  ).toEqual([1, 4, 16]);
  await expect(page.getByTestId('sweep-chart')).toHaveAttribute('data-kind', 'chunksize');
  await saveScreenshot(page, 'sweep-chunksize');

  // A longer sweep, cancelled during its first run: it stops there.
  await page.getByRole('radio', { name: 'submit' }).check();
  await setInputs(page, '[3_000_000] * 8');
  await page.getByRole('button', { name: 'New sweep…' }).click();
  await dialog.getByRole('radio', { name: /Max workers/ }).check();
  await dialog.getByTestId('sweep-max').fill('3');
  await dialog.getByTestId('sweep-repeats').fill('1');
  await dialog.getByTestId('sweep-start').click();
  await expect(page.getByTestId('sweep-progress')).toContainText('Run 1 of 3');
  await page.getByTestId('sweep-cancel').click();
  await expect(page.getByTestId('sweep-progress')).toContainText('Sweep cancelled.', { timeout: 30_000 });
  await openHistory(page);
  await expect(historyItems(page).first()).toHaveAttribute('data-outcome', 'stopped');
  await expect(historyItems(page)).toHaveCount(4);
});
