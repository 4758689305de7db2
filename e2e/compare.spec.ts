/**
 * Comparing runs: tick runs in the history and see them stacked on one
 * shared time axis, each a group of lanes under its name, with its speedup
 * against the chosen baseline; the serial baseline is one click from a run.
 */
import { expect, saveScreenshot, test } from './fixtures';
import {
  compareWorkersAndBaseline,
  historyItem,
  historyItems,
  openHistory,
  runAndWait,
  setInputs,
  setMaxWorkers,
  smallPrimes,
} from './runs';

test('two runs compared: two lane groups stacked on one axis, each with its speedup', async ({
  app: page,
}) => {
  await smallPrimes(page, 1);
  await runAndWait(page);
  await setMaxWorkers(page, 2);
  await runAndWait(page);
  await openHistory(page);
  await expect(page.getByTestId('compare-selected')).toBeDisabled();
  for (const box of await page.getByTestId('history-select').all()) await box.check();
  await page.getByTestId('compare-selected').click();

  const groups = page.getByTestId('compare-run');
  await expect(groups).toHaveCount(2);
  await expect(page.getByTestId('compare-axis')).toBeVisible();
  // The same code and inputs with other pool settings: a speedup, no "other work" notice.
  await expect(page.getByTestId('compare-different-work')).toHaveCount(0);
  // Oldest first; each group holds its own run's lanes (one per worker process).
  await expect(groups.getByTestId('compare-run-name')).toHaveText([
    'countPrimes · submit · 1 worker',
    'countPrimes · submit · 2 workers',
  ]);
  await expect(groups.nth(0).getByTestId('timeline-lane')).toHaveCount(1);
  await expect(groups.nth(1).getByTestId('timeline-lane')).toHaveCount(2);
  await expect(groups.nth(0).getByTestId('timeline-bar')).toHaveCount(4);
  await expect(groups.nth(1).getByTestId('timeline-bar')).toHaveCount(4);
  const ids = await groups.evaluateAll((els) => els.map((el) => el.getAttribute('data-run-id')));
  const listed = await historyItems(page).evaluateAll((els) =>
    els.map((el) => el.getAttribute('data-run-id')),
  );
  expect([...ids].sort()).toEqual([...listed].sort());
  for (const group of await groups.all()) {
    // A figure that can only be noise on a busy machine is shown struck through, labelled "noise".
    await expect(group.getByTestId('compare-speedup')).toHaveText(/^\d+\.\d+×( noise)?$/);
    await expect(group.getByTestId('compare-wall')).toHaveText(/ s$/);
    // Efficiency (speedup ÷ workers) only against a one-process baseline: checked below.
    await expect(group.getByTestId('compare-efficiency')).toHaveText(/^(\d+(\.\d)? %( noise)?|–)$/);
    await expect(group.getByTestId('compare-utilisation')).toHaveText(/%$/);
    // Where the time went: measured parts that add up to the run's wall time, no remainder.
    const split = group.getByTestId('compare-split');
    await expect(split).toHaveAttribute('aria-label', /^Where the time went: .*running .* = wall time \d/);
    const { wall, parts } = await split.evaluate((el) => ({
      wall: Number(el.getAttribute('data-wall-ms')),
      parts: [...el.querySelectorAll('[data-part]')].map((p) => ({
        part: p.getAttribute('data-part'),
        ms: Number(p.getAttribute('data-ms')),
      })),
    }));
    expect(parts.map((p) => p.part)).toContain('running');
    expect(parts.map((p) => p.part)).toContain('startup');
    expect(parts.reduce((sum, p) => sum + p.ms, 0)).toBeCloseTo(wall, 6);
  }

  // The lanes of both groups share one axis: they start at the same x and span the same width.
  const boxes = await groups
    .locator('.compare-run__lanes canvas.tl-canvas:not(.tl-canvas--overlay)')
    .evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { x: Math.round(r.left), width: Math.round(r.width), top: Math.round(r.top) };
      }),
    );
  expect(boxes[0]!.x).toBe(boxes[1]!.x);
  expect(boxes[0]!.width).toBe(boxes[1]!.width);
  expect(boxes[1]!.top).toBeGreaterThan(boxes[0]!.top);

  // No serial run: the slowest run is the baseline (1.00×). Choosing the other makes it 1.00×.
  const baseline = page.locator('[data-testid="compare-run"][data-baseline="true"]');
  await expect(baseline).toHaveCount(1);
  await expect(baseline.getByTestId('compare-speedup')).toHaveText('1.00×');
  await page.getByTestId('compare-baseline').selectOption({ label: 'countPrimes · submit · 2 workers' });
  await expect(groups.nth(1)).toHaveAttribute('data-baseline', 'true');
  await expect(groups.nth(1).getByTestId('compare-speedup')).toHaveText('1.00×');
  // Against two processes, speedup ÷ workers means nothing: no efficiency is shown.
  await expect(groups.getByTestId('compare-efficiency')).toHaveText(['–', '–']);
  await page.getByTestId('compare-baseline').selectOption({ label: 'countPrimes · submit · 1 worker' });
  await expect(groups.nth(0)).toHaveAttribute('data-baseline', 'true');
  await expect(groups.nth(0).getByTestId('compare-efficiency')).toHaveText('100 %');
  await expect(groups.nth(1).getByTestId('compare-efficiency')).toHaveText(/^\d+(\.\d)? %( noise)?$/);
});

test('runs of other inputs than the baseline: the comparison says their speedup only compares wall times', async ({
  app: page,
}) => {
  await smallPrimes(page, 2);
  await runAndWait(page);
  await setInputs(page, '[150_000] * 4');
  await runAndWait(page);
  await openHistory(page);
  for (const box of await page.getByTestId('history-select').all()) await box.check();
  await page.getByTestId('compare-selected').click();
  await expect(page.getByTestId('compare-run')).toHaveCount(2);
  const notice = page.getByTestId('compare-different-work');
  // The slower run (the larger inputs) is the baseline; the other did other work.
  await expect(notice).toContainText('Not the same work as the baseline (countPrimes · submit · 2 workers)');
  await expect(notice.getByRole('listitem')).toHaveText([
    'countPrimes · submit · 2 workers: inputs [150_000] * 4 (the baseline [300_000] * 4)',
  ]);
  await expect(notice).toContainText('So its speedup is only how the wall times compare');
  await expect(page.locator('[data-testid="compare-run"][data-baseline="true"]')).toHaveCount(1);
  await saveScreenshot(page, 'compare-different-work');
});

test('the serial baseline is one click from a run, and opens the comparison', async ({ app: page }) => {
  await smallPrimes(page, 2);
  await runAndWait(page);
  await openHistory(page);
  await historyItem(page, 'countPrimes · submit · 2 workers').getByTestId('history-baseline').click();
  await expect(page.getByTestId('compare-run')).toHaveCount(2, { timeout: 60_000 });
  await expect(historyItems(page).first().getByTestId('history-open')).toHaveText(
    'countPrimes · serial baseline',
  );
  const serial = page.locator('[data-testid="compare-run"][data-baseline="true"]');
  await expect(serial.getByTestId('compare-run-name')).toHaveText('countPrimes · serial baseline');
  await expect(serial.getByTestId('timeline-lane')).toHaveCount(1);
  await expect(serial.getByTestId('compare-speedup')).toHaveText('1.00×');
  await expect(page.getByTestId('compare-speedup')).toHaveCount(2);
});

test('comparison screenshot: 1 worker, 2 workers and the serial baseline on the CPU-bound example', async ({
  app: page,
}) => {
  test.setTimeout(180_000);
  await compareWorkersAndBaseline(page);
  await saveScreenshot(page, 'compare-dark');
  await page.getByTestId('theme-toggle').click();
  await saveScreenshot(page, 'compare-light');
});
