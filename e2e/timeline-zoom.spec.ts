/**
 * Zoom, pan and select on the timeline, by mouse and by keyboard: the wheel
 * zooms around the pointer, a drag pans, Shift+drag selects a range and
 * says how long it is and which tasks ran in it, "Fit all" shows the whole
 * run, and the axis speaks in s, ms or µs as the view narrows. It works on
 * a live run (with "follow live"), on a saved run and on a comparison.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, saveScreenshot, test } from './fixtures';
import { outcome, runButton, setCode, waitForFinish } from './app';
import { historyItems, openHistory, runAndWait, setInputs, setMaxWorkers } from './runs';

const CODE = 'export function work(n: number): number {\n  sleep(120);\n  return n * 2;\n}';

async function twelveTasks(page: Page, workers = 2): Promise<void> {
  await setCode(page, CODE);
  await setInputs(page, 'range(12)');
  await setMaxWorkers(page, workers);
}

/** The view the toolbar reports: null for the whole run, else [start, end] in seconds. */
async function viewShown(page: Page, scope: Locator | Page = page): Promise<[number, number] | null> {
  const text = (await scope.getByTestId('timeline-view').first().innerText()).trim();
  if (text === 'whole run') return null;
  const m = /([\d.]+) s – ([\d.]+) s/.exec(text);
  if (!m) throw new Error(`unexpected view text: ${text}`);
  return [Number(m[1]), Number(m[2])];
}

async function stageBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  return (await page.getByTestId('timeline').boundingBox())!;
}

/** The centre of a task's bar, as the mirror places it over the canvas. */
async function barCentre(page: Page, label: string): Promise<{ x: number; y: number }> {
  const box = (await page.locator(`[data-testid="timeline-bar"][data-label="${label}"]`).boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test('mouse: the wheel zooms around the pointer, a drag pans, Shift+drag selects a range', async ({
  app: page,
}) => {
  await twelveTasks(page);
  await runAndWait(page);
  expect(await viewShown(page)).toBeNull();

  // Zoom in with the wheel over task(5): it stays under the pointer.
  const before = await barCentre(page, 'work(5)');
  await page.mouse.move(before.x, before.y);
  await page.mouse.wheel(0, -400);
  await expect.poll(() => viewShown(page)).not.toBeNull();
  const [z0, z1] = (await viewShown(page))!;
  expect(z1 - z0).toBeGreaterThan(0);
  await expect(page.getByTestId('timeline-fit')).toHaveAttribute('aria-pressed', 'false');
  await expect
    .poll(async () => {
      const bar = (await page.locator('[data-testid="timeline-bar"][data-label="work(5)"]').boundingBox())!;
      return bar.x <= before.x && before.x <= bar.x + bar.width;
    })
    .toBe(true);
  await saveScreenshot(page, 'timeline-zoomed-by-wheel');

  // Drag left by 150 px: the view moves later in time, the bar moves left with the drag.
  const dragFrom = await barCentre(page, 'work(5)');
  await page.mouse.move(dragFrom.x, dragFrom.y);
  await page.mouse.down();
  await page.mouse.move(dragFrom.x - 75, dragFrom.y, { steps: 3 });
  await page.mouse.move(dragFrom.x - 150, dragFrom.y, { steps: 3 });
  await page.mouse.up();
  await expect.poll(async () => (await viewShown(page))![0]).toBeGreaterThan(z0);
  await expect.poll(async () => (await barCentre(page, 'work(5)')).x).toBeLessThan(dragFrom.x - 100);

  // Fit all: the whole run again.
  await page.getByTestId('timeline-fit').click();
  await expect.poll(() => viewShown(page)).toBeNull();

  // Shift+drag across the whole plot: every task ran in the selection.
  const stage = await stageBox(page);
  const y = (await barCentre(page, 'work(0)')).y;
  await page.keyboard.down('Shift');
  await page.mouse.move(stage.x + 140, y);
  await page.mouse.down();
  await page.mouse.move(stage.x + stage.width / 2, y, { steps: 4 });
  await page.mouse.move(stage.x + stage.width - 5, y, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  const selection = page.getByTestId('timeline-selection');
  await expect(selection).toContainText(/\(\d[\d.]* (s|ms)\): 12 tasks ran in it, 12 entirely/);
  await saveScreenshot(page, 'timeline-range-selected');
  // Zoom to it, then clear it with Esc.
  await selection.getByTestId('timeline-zoom-selection').click();
  await expect.poll(() => viewShown(page)).not.toBeNull();
  await page.getByTestId('timeline').focus();
  await page.keyboard.press('Escape');
  await expect(selection).toBeHidden();
});

test('keyboard: + and − zoom, A and D pan, 0 fits all, Shift+arrows select tasks; the axis goes to ms and µs', async ({
  app: page,
}) => {
  // One worker: its tasks one after another, so a selection's tasks are easy to count.
  await twelveTasks(page, 1);
  await runAndWait(page);
  const stage = page.getByTestId('timeline');
  await stage.focus();
  await expect(page.getByTestId('timeline-axis')).toHaveAttribute('data-unit', 's');

  await page.keyboard.press('+');
  await expect.poll(() => viewShown(page)).not.toBeNull();
  const [a0, a1] = (await viewShown(page))!;
  await page.keyboard.press('d');
  await expect.poll(async () => (await viewShown(page))![0]).toBeGreaterThan(a0);
  await page.keyboard.press('a');
  await page.keyboard.press('a');
  await expect.poll(async () => (await viewShown(page))![0]).toBeLessThan(a0 + 1e-9);
  await page.keyboard.press('-');
  await expect
    .poll(async () => {
      const v = await viewShown(page);
      return v === null ? Infinity : v[1] - v[0];
    })
    .toBeGreaterThan(a1 - a0);
  await page.keyboard.press('0');
  await expect.poll(() => viewShown(page)).toBeNull();

  // Deep zoom: the axis speaks in ms, then µs.
  for (let i = 0; i < 12; i++) await page.keyboard.press('+');
  await expect(page.getByTestId('timeline-axis')).toHaveAttribute('data-unit', 'ms');
  for (let i = 0; i < 12; i++) await page.keyboard.press('+');
  await expect(page.getByTestId('timeline-axis')).toHaveAttribute('data-unit', 'µs');
  await saveScreenshot(page, 'timeline-zoomed-to-microseconds');
  await page.keyboard.press('0');

  // Arrows walk the tasks; Shift+→ selects from the first one to the next.
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByTestId('timeline-selection')).toContainText('2 tasks ran in it, 2 entirely');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByTestId('timeline-selection')).toContainText('3 tasks ran in it, 3 entirely');
});

test('a live run: zooming stops following, "Follow live" keeps the newest moment in view', async ({
  app: page,
}) => {
  await setCode(page, 'export function work(n: number): number {\n  sleep(400);\n  return n;\n}');
  await setInputs(page, 'range(16)');
  await setMaxWorkers(page, 2);
  await runButton(page).click();
  await expect(page.getByTestId('timeline-follow')).toBeVisible();
  await page.getByTestId('timeline').focus();
  await page.keyboard.press('+');
  await expect(page.getByTestId('timeline-follow')).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('l');
  await expect(page.getByTestId('timeline-follow')).toHaveAttribute('aria-pressed', 'true');
  // While following, the view moves on with the run.
  const first = (await viewShown(page))!;
  await expect
    .poll(async () => (await viewShown(page))?.[1] ?? 0, { timeout: 15_000 })
    .toBeGreaterThan(first[1]);
  await expect(outcome(page)).toHaveText('Running');
  await waitForFinish(page);
  await expect(page.getByTestId('timeline-follow')).toBeHidden();
});

test('a saved run and a comparison zoom and select too (the comparison’s runs together)', async ({
  app: page,
}) => {
  await twelveTasks(page);
  await runAndWait(page);
  await setMaxWorkers(page, 3);
  await runAndWait(page);

  // The saved run, reopened from the history.
  await openHistory(page);
  await historyItems(page).last().getByTestId('history-open').click();
  await expect(page.getByTestId('saved-run-banner')).toBeVisible();
  const stage = await stageBox(page);
  await page.mouse.move(stage.x + stage.width / 2, stage.y + stage.height / 2);
  await page.mouse.wheel(0, -400);
  await expect.poll(() => viewShown(page)).not.toBeNull();
  await page.getByTestId('back-to-live').click();

  // The comparison: one view for every run.
  await openHistory(page);
  for (const box of await page.getByTestId('history-select').all()) await box.check();
  await page.getByTestId('compare-selected').click();
  const compare = page.getByTestId('compare-page');
  await expect(compare.getByTestId('compare-run')).toHaveCount(2);
  const axisBefore = await compare.getByTestId('compare-axis').getAttribute('aria-label');
  const lanes = (await compare.getByTestId('compare-run').first().getByTestId('timeline').boundingBox())!;
  await page.mouse.move(lanes.x + lanes.width / 2, lanes.y + lanes.height / 2);
  await page.mouse.wheel(0, -400);
  await expect.poll(() => viewShown(page, compare)).not.toBeNull();
  await expect(compare.getByTestId('compare-axis')).not.toHaveAttribute('aria-label', axisBefore!);
  // Both runs show the same part of time: their first bars moved alike.
  await page.keyboard.down('Shift');
  await page.mouse.move(lanes.x + 150, lanes.y + lanes.height / 2);
  await page.mouse.down();
  await page.mouse.move(lanes.x + lanes.width - 10, lanes.y + lanes.height / 2, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(compare.getByTestId('timeline-selection')).toContainText('ran in it');
  await saveScreenshot(page, 'compare-zoomed-and-selected');
});
