/**
 * Every pool event a run produces has a mark on the timeline, named in the
 * accessible mirror and explained by the legend: the timeout's deadline and
 * the TimeoutError (and no "delivered" marker for a result the caller never
 * got), Stop, a crash that broke the pool with its exit code, a task that
 * failed at once, the initializer's run in each worker, and recycling by max
 * tasks per child. (Shutdown and cancelled tasks are drawn from the run
 * model; their drawing is covered by renderer/src/test/timeline-marks.test.ts.)
 * Also: the colours of a stopped run as people with deuteranopia and
 * protanopia see them, for a person to look at.
 */
import type { Page } from '@playwright/test';
import { expect, saveScreenshot, test } from './fixtures';
import { outcome, runButton, setCode, stopButton, waitForFinish } from './app';
import { setInputs, setMaxWorkers } from './runs';

function mark(page: Page, key: string) {
  return page.locator(`[data-testid="timeline-mark"][data-mark="${key}"]`);
}

function legend(page: Page, key: string) {
  return page.locator(`[data-testid="timeline-legend"] [data-legend="${key}"]`);
}

async function openAdvanced(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Advanced/ }).click();
}

test('a timed-out map: the deadline, the TimeoutError, and no marker for results never received', async ({
  app: page,
}) => {
  await setCode(page, 'export function slow(n: number): number {\n  sleep(n);\n  return n;\n}');
  await page.getByRole('radio', { name: 'map' }).check();
  await setInputs(page, '[10, 3000, 10]');
  await setMaxWorkers(page, 3);
  await openAdvanced(page);
  await page.getByLabel('Timeout (seconds)').fill('0.8');
  await page.getByLabel('Timeout (seconds)').press('Tab');
  await page.keyboard.press('Escape');
  await runButton(page).click();
  await expect(outcome(page)).toHaveText(/Timed out|Timeout/i, { timeout: 20_000 });
  await expect(mark(page, 'deadline')).toHaveText(/deadline falls at 0\.8\d s/);
  await expect(mark(page, 'timed-out')).toContainText('TimeoutError in the caller');
  await expect(legend(page, 'deadline')).toBeVisible();
  await expect(legend(page, 'timed-out')).toBeVisible();
  // Only the first result reached the caller before the deadline.
  await expect(page.getByTestId('delivery-marker')).toHaveCount(1);
  await saveScreenshot(page, 'mark-timeout');
});

test('Stop: a line where it was pressed; and the stopped run in colour-blind eyes', async ({ app: page }) => {
  await setCode(page, 'export function work(n: number): number {\n  sleep(250);\n  return n;\n}');
  await setInputs(page, 'range(40)');
  await setMaxWorkers(page, 3);
  await runButton(page).click();
  await expect(page.locator('[data-testid="timeline-bar"][data-state="done"]').nth(5)).toBeAttached({
    timeout: 20_000,
  });
  await stopButton(page).click();
  await expect(outcome(page)).toHaveText(/^Stopped/);
  await expect(mark(page, 'stop')).toHaveText(/^Stop pressed at \d/);
  await expect(legend(page, 'stop')).toBeVisible();
  await saveScreenshot(page, 'mark-stop');
  for (const [name, matrix] of Object.entries(COLOUR_BLINDNESS)) {
    await simulate(page, matrix);
    await saveScreenshot(page, `colour-blind-${name}-stopped-run`);
  }
  await simulate(page, null);
});

test('a task that failed at once is a visible bar with a ✕', async ({ app: page }) => {
  await setCode(
    page,
    'export function check(n: number): number {\n  if (n === 1) throw new RangeError(`no ${n}`);\n  sleep(400);\n  return n;\n}',
  );
  await setInputs(page, 'range(4)');
  await setMaxWorkers(page, 2);
  await runButton(page).click();
  await expect(outcome(page)).toHaveText('Failed', { timeout: 20_000 });
  const failed = page.locator('[data-testid="timeline-bar"][data-state="failed"]');
  await expect(failed).toHaveCount(1);
  await expect(failed).toHaveAttribute('aria-label', /check\(1\): failed on PID \d+.*RangeError: no 1/);
  await expect(legend(page, 'instant-failure')).toBeVisible();
  await saveScreenshot(page, 'mark-instant-failure');
});

test('a crash breaks the pool: its lane ends with the exit code, and says it broke the pool', async ({
  app: page,
}) => {
  await setCode(
    page,
    'export function quit(n: number): number {\n  if (n === 2) process.exit(3);\n  sleep(300);\n  return n;\n}',
  );
  await setInputs(page, 'range(4)');
  await setMaxWorkers(page, 2);
  await runButton(page).click();
  await expect(outcome(page)).toHaveText('Broken pool', { timeout: 20_000 });
  await expect(mark(page, 'crash')).toContainText(/exit code 3: died unexpectedly, which broke the pool/);
  await expect(page.locator('[data-testid="timeline-lane"][aria-label*="ended unexpectedly"]')).toHaveCount(
    1,
  );
  await expect(legend(page, 'crash')).toBeVisible();
  await saveScreenshot(page, 'mark-crash');
});

test('the initializer: a small bar at the start of each worker lane', async ({ app: page }) => {
  await setCode(
    page,
    `let table: number[] = [];
export function setup(size: number): void {
  table = Array.from({ length: size }, (_, i) => i * i);
  sleep(300);
}
export function lookup(n: number): number {
  sleep(200);
  return table[n] ?? -1;
}`,
  );
  await page.getByLabel('Function', { exact: true }).selectOption('lookup');
  await setInputs(page, 'range(6)');
  await setMaxWorkers(page, 2);
  await openAdvanced(page);
  await page.getByLabel('Initializer (runs once in each new process)').selectOption('setup');
  await page.getByLabel('Initializer arguments').fill('[10]');
  await page.keyboard.press('Escape');
  await runButton(page).click();
  await waitForFinish(page);
  await expect(mark(page, 'init')).toHaveCount(2);
  await expect(mark(page, 'init').first()).toContainText(/ran the initializer from [\d.]+ s to [\d.]+ s/);
  await expect(legend(page, 'init')).toBeVisible();
  await saveScreenshot(page, 'mark-initializer');
});

test('max tasks per child: a lane ends "recycled" and the next process takes over', async ({ app: page }) => {
  await setCode(page, 'export function work(n: number): number {\n  sleep(150);\n  return n;\n}');
  await setInputs(page, 'range(6)');
  await setMaxWorkers(page, 1);
  await openAdvanced(page);
  await page.getByLabel('Max tasks per child').fill('2');
  await page.getByLabel('Max tasks per child').press('Tab');
  await page.keyboard.press('Escape');
  await runButton(page).click();
  await waitForFinish(page);
  await expect(page.getByTestId('timeline-lane')).toHaveCount(3);
  // Each process retires after its 2 tasks; the first two were replaced by the next.
  await expect(mark(page, 'recycled')).toHaveCount(3);
  await expect(mark(page, 'recycled').nth(0)).toContainText(
    /recycled after 2 tasks \(max tasks per child\).*took over/,
  );
  await expect(mark(page, 'recycled').nth(1)).toContainText(/took over/);
  await expect(page.getByTestId('timeline-lane').first()).toHaveAttribute(
    'aria-label',
    /recycled after 2 tasks/,
  );
  await expect(legend(page, 'recycled')).toBeVisible();
  await saveScreenshot(page, 'mark-recycled');
});

/** Machado et al. (2009) colour-vision-deficiency matrices, full severity (linear RGB). */
const COLOUR_BLINDNESS: Record<string, number[]> = {
  deuteranopia: [0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881],
  protanopia: [0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998],
};

/** Show the page through a colour matrix (an SVG filter on the whole page), or as it is (null). */
async function simulate(page: Page, m: number[] | null): Promise<void> {
  const values = m
    ? [...m.slice(0, 3), 0, 0, ...m.slice(3, 6), 0, 0, ...m.slice(6, 9), 0, 0, 0, 0, 0, 1, 0].join(' ')
    : null;
  // A string: it runs in the page (a browser), not in Node.
  await page.evaluate(`(() => {
    document.getElementById('cvd-filter')?.remove();
    document.documentElement.style.filter = '';
    const values = ${JSON.stringify(values)};
    if (!values) return;
    const holder = document.createElement('div');
    holder.id = 'cvd-filter';
    holder.innerHTML = '<svg width="0" height="0" style="position:absolute"><filter id="cvd" color-interpolation-filters="linearRGB"><feColorMatrix type="matrix" values="' + values + '"/></filter></svg>';
    document.body.appendChild(holder);
    document.documentElement.style.filter = 'url(#cvd)';
  })()`);
}
