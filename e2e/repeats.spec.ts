/**
 * Repeated runs and honest figures: Run × N makes N runs grouped in the
 * History and the comparison shows their median with the spread as
 * whiskers; a sweep with repeats draws whiskers too; a run made while the
 * machine was busy says so, and figures that can only be noise are flagged.
 * Busy runs are crafted as saved files in the host's data folder (the real
 * host reads them), so the tests never depend on this machine's load.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, saveScreenshot, test } from './fixtures';
import { writeCraftedRuns } from './crafted-runs';
import { historyItem, historyItems, openHistory, runAndWait, setMaxWorkers, smallPrimes } from './runs';

async function whiskerOf(page: Page, index: number): Promise<{ min: number; median: number; max: number }> {
  return page
    .getByTestId('compare-whisker')
    .nth(index)
    .evaluate((el) => ({
      min: Number(el.getAttribute('data-min')),
      median: Number(el.getAttribute('data-median')),
      max: Number(el.getAttribute('data-max')),
    }));
}

test('Run × 3 makes three grouped runs; the comparison shows their median and whiskers', async ({
  app: page,
  host,
}) => {
  test.setTimeout(180_000);
  await smallPrimes(page, 2);
  await openHistory(page);
  await page.getByTestId('run-baseline').click();
  await expect(historyItems(page)).toHaveCount(1, { timeout: 60_000 });
  await expect(historyItems(page).first()).toHaveAttribute('data-outcome', 'ok', { timeout: 60_000 });

  await expect(page.getByTestId('repeat-count')).toHaveValue('3');
  await page.getByTestId('run-repeat').click();
  // While the repeats run, the control says which and cancels them.
  await expect(page.getByTestId('run-repeat-cancel')).toContainText(/Cancel \([1-3] of 3\)/);
  // When they are done the comparison opens: the three repeats and the serial baseline.
  await expect(page.getByTestId('compare-page')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('compare-run')).toHaveCount(4);
  await openHistory(page);
  await expect(historyItems(page).getByTestId('history-open')).toHaveText([
    'countPrimes · submit · 2 workers · run 3 of 3',
    'countPrimes · submit · 2 workers · run 2 of 3',
    'countPrimes · submit · 2 workers · run 1 of 3',
    'countPrimes · serial baseline',
  ]);
  for (const item of await historyItems(page).all()) await expect(item).toHaveAttribute('data-outcome', 'ok');

  const sets = page.getByTestId('compare-set');
  await expect(sets).toHaveCount(2);
  const repeats = sets.filter({ hasText: '3 runs' });
  await expect(repeats).toHaveAttribute('data-runs', '3');
  await expect(repeats.getByTestId('compare-set-wall')).toHaveText(/^\d+\.\d+ s \(\d+\.\d+ s–\d+\.\d+ s\)$/);
  await expect(repeats.getByTestId('compare-set-speedup')).toHaveText(
    /^\d+\.\d+× \(\d+\.\d+×–\d+\.\d+×\)( noise)?$/,
  );
  await expect(sets.filter({ hasText: 'serial baseline' })).toHaveAttribute('data-baseline', 'true');
  const whisker = await whiskerOf(page, 1);
  expect(whisker.min).toBeLessThanOrEqual(whisker.median);
  expect(whisker.median).toBeLessThanOrEqual(whisker.max);
  expect(whisker.max).toBeGreaterThan(0);
  // One tick per run on the whisker.
  await expect(page.getByTestId('compare-whisker').nth(1).locator('.wall-whisker__run')).toHaveCount(3);

  await page.getByRole('button', { name: 'Close History' }).click();
  await page.setViewportSize({ width: 1280, height: 720 });
  await saveScreenshot(page, 'compare-repeats-1280');
  // At 150 %: the same comparison, opened from the History.
  const zoomed = await page
    .context()
    .browser()!
    .newPage({ viewport: { width: 960, height: 600 }, deviceScaleFactor: 1.5 });
  await zoomed.goto(host.url);
  await expect(zoomed.getByTestId('app-ready')).toBeAttached();
  await openHistory(zoomed);
  for (const box of await zoomed.getByTestId('history-select').all()) await box.check();
  await zoomed.getByTestId('compare-selected').click();
  await zoomed.getByRole('button', { name: 'Close History' }).click();
  await expect(zoomed.getByTestId('compare-whisker')).toHaveCount(2);
  await saveScreenshot(zoomed, 'compare-repeats-150');
  await zoomed.close();
});

test('a sweep with repeats draws the median of each point and its spread as whiskers', async ({
  app: page,
  host,
}) => {
  test.setTimeout(180_000);
  await smallPrimes(page, 2);
  await page.getByTestId('open-sweep-runbar').click();
  const dialog = page.getByTestId('sweep-dialog');
  await dialog.getByTestId('sweep-max').fill('2');
  await expect(dialog).toContainText('6 runs, one after another: max workers 1, 2, 3 times over');
  await dialog.getByTestId('sweep-start').click();
  await expect(page.getByTestId('sweep-progress')).toContainText('Sweep finished: 6 runs.', {
    timeout: 150_000,
  });
  const chart = page.getByTestId('sweep-chart');
  const points = chart.getByTestId('sweep-point');
  await expect(points).toHaveCount(2);
  for (const point of await points.all()) await expect(point).toHaveAttribute('data-runs', '3');
  await expect(chart.getByTestId('sweep-whisker')).toHaveCount(2);
  const spreads = await chart.getByTestId('sweep-whisker').evaluateAll((els) =>
    els.map((el) => ({
      min: Number(el.getAttribute('data-min')),
      max: Number(el.getAttribute('data-max')),
    })),
  );
  for (const s of spreads) expect(s.min).toBeLessThanOrEqual(s.max);
  await expect(chart.locator('svg[role="img"]')).toHaveAccessibleDescription(
    /1 worker 1\.00× \(\d+\.\d+×–\d+\.\d+×, 3 runs\), 2 workers/,
  );
  // Fitted to the medians; two points fix the curve, and the page says so.
  await expect(page.getByTestId('fit-quality')).toContainText('cannot be judged here');
  await expect(page.getByTestId('sweep-table').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('sweep-table').locator('tbody tr').first().locator('td').nth(1)).toHaveText(
    '3',
  );
  await page.setViewportSize({ width: 1280, height: 720 });
  await saveScreenshot(page, 'sweep-repeats-1280');
  const zoomed = await page
    .context()
    .browser()!
    .newPage({ viewport: { width: 960, height: 600 }, deviceScaleFactor: 1.5 });
  await zoomed.goto(host.url);
  await expect(zoomed.getByTestId('app-ready')).toBeAttached();
  await openHistory(zoomed);
  await zoomed
    .getByRole('button', { name: /^Sweep chart of/ })
    .first()
    .click();
  await expect(zoomed.getByTestId('sweep-whisker')).toHaveCount(2);
  await saveScreenshot(zoomed, 'sweep-repeats-150');
  await zoomed.close();
});

test('a run on a busy machine says so, on the run, in the history and in the comparison; impossible figures are noise', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  const day = Date.now() - 3_600_000;
  writeCraftedRuns(host.dataDir, [
    {
      id: 'crafted-serial',
      name: 'crafted · serial baseline',
      createdAt: day,
      spec: { mode: 'serial' },
      cpus: 2,
      loadAverage: 0.5,
      taskMs: [100, 100, 100, 100],
    },
    {
      // The load average was far above the CPUs when this one started.
      id: 'crafted-busy',
      name: 'crafted · 2 workers on a busy machine',
      createdAt: day + 1000,
      spec: { mode: 'submit', maxWorkers: 2 },
      cpus: 2,
      loadAverage: 9.5,
      taskMs: [100, 100, 100, 100],
    },
    {
      // Faster than the serial baseline with one worker: only noise can do that.
      id: 'crafted-lucky',
      name: 'crafted · 1 worker',
      createdAt: day + 2000,
      spec: { mode: 'submit', maxWorkers: 1 },
      cpus: 2,
      loadAverage: 0.5,
      taskMs: [80, 80, 80, 80],
    },
  ]);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(host.url);
  await expect(page.getByTestId('app-ready')).toBeAttached();
  await openHistory(page);
  await expect(historyItems(page)).toHaveCount(3);
  const busy = historyItem(page, 'crafted · 2 workers on a busy machine');
  await expect(busy.getByTestId('history-busy')).toHaveText('busy machine');
  await expect(busy.getByTestId('history-busy')).toHaveAttribute(
    'title',
    /The 1-minute load average was 9\.5 when the run started, above this machine's 2 CPUs/,
  );
  await expect(historyItem(page, 'crafted · serial baseline').getByTestId('history-busy')).toHaveCount(0);
  await expect(historyItem(page, 'crafted · 1 worker').getByTestId('history-busy')).toHaveCount(0);

  for (const box of await page.getByTestId('history-select').all()) await box.check();
  await page.getByTestId('compare-selected').click();
  await expect(page.getByTestId('compare-run')).toHaveCount(3);
  const notices = page.getByTestId('compare-notices');
  await expect(notices.getByTestId('compare-busy-notice')).toContainText('Busy machine during 1 of 3 runs');
  await expect(notices.getByTestId('compare-busy-notice')).toContainText(
    'crafted · 2 workers on a busy machine: busy machine: load 9.5 with 2 CPUs',
  );
  await expect(
    page.locator('[data-testid="compare-run"][data-run-id="crafted-busy"]').getByTestId('compare-busy'),
  ).toBeVisible();
  // The 1-worker pool "beat" the serial baseline: flagged as noise, not shown as a result.
  const lucky = page.locator('[data-testid="compare-run"][data-run-id="crafted-lucky"]');
  await expect(lucky.getByTestId('compare-speedup')).toHaveAttribute('data-noise', 'true');
  await expect(lucky.getByTestId('compare-speedup')).toHaveText(/^1\.\d\d× noise$/);
  await expect(lucky.getByTestId('compare-efficiency')).toHaveText(/^1\d\d % noise$/);
  await expect(notices.getByTestId('compare-noise-notice')).toContainText(
    /A 1-worker pool finished in 0\.37 s, before the serial baseline \(0\.45 s\)/,
  );
  await saveScreenshot(page, 'compare-busy-1280');
});

test('the status bar says the machine was busy when the run just made took longer per task than serial', async ({
  app: page,
  host,
}) => {
  test.setTimeout(120_000);
  await smallPrimes(page, 1);
  await openHistory(page);
  await page.getByTestId('run-baseline').click();
  await expect(historyItems(page)).toHaveCount(1, { timeout: 60_000 });
  await expect(historyItems(page).first()).toHaveAttribute('data-outcome', 'ok', { timeout: 60_000 });
  // Make the saved serial baseline twenty times as fast per task, as if the machine had been
  // quiet then: the host reads the changed file again.
  const runsDir = join(host.dataDir, 'runs');
  const [file] = readdirSync(runsDir).filter((n) => n.endsWith('.json') && n !== 'index.json');
  const saved = JSON.parse(readFileSync(join(runsDir, file!), 'utf8')) as {
    events: { type: string; started?: number | null; finished?: number | null }[];
  };
  for (const e of saved.events)
    if (e.type === 'task-finished' && typeof e.started === 'number' && typeof e.finished === 'number')
      e.finished = e.started + (e.finished - e.started) / 20;
  writeFileSync(join(runsDir, file!), JSON.stringify(saved));

  // A 1-worker pool (never more workers than CPUs) of the same work.
  await setMaxWorkers(page, 1);
  await runAndWait(page);
  const status = page.getByTestId('status-busy');
  await expect(status).toContainText(/busy machine: .*tasks \d+ % slower than serial/);
  await expect(status).toHaveAttribute(
    'title',
    /Inside the workers an input took \d+ % longer than in the serial baseline/,
  );
  await expect(historyItems(page).first().getByTestId('history-busy')).toBeVisible();
});
