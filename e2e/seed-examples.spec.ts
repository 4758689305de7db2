/**
 * The seed's three examples, as a learner meets them: pick one in the
 * gallery, press Run, and see real processes share the tasks — in the
 * terminal (PIDs, results in the driver's order) and on the timeline (one
 * lane per PID, one bar per task, the caller's deliveries).
 */
import { mkdirSync } from 'node:fs';
import { expect, saveScreenshot, test } from './fixtures';
import {
  callerLines,
  deliveryOrder,
  lanePids,
  outcome,
  pickExample,
  runButton,
  terminalLines,
  timelineBars,
  waitForFinish,
} from './app';

test('submit(): five 2-second tasks on three processes', async ({ app: page }) => {
  await pickExample(page, 'submit');
  await expect(page.getByTestId('look-for')).toContainText('tasks 3 and 4 wait in the queue');
  await runButton(page).click();

  // Mid-run: three processes busy, the first results on their way.
  await expect(page.getByTestId('timeline-lane')).toHaveCount(3);
  await expect(page.getByTestId('delivery-marker').first()).toBeAttached({ timeout: 10_000 });
  await expect(page.locator('[data-testid="timeline-bar"][data-state="running"]').first()).toBeAttached();
  await expect(outcome(page)).toHaveText('Running');
  await saveScreenshot(page, 'submit-mid-run');
  mkdirSync('docs', { recursive: true });
  await page.screenshot({ path: 'docs/app-mid-run.png' });

  await waitForFinish(page);
  await saveScreenshot(page, 'submit-finished');

  // Terminal: each task says which process runs it, prefixed with that PID.
  const lines = await terminalLines(page);
  const starts = lines
    .map((l) => /^\[(\d+)\] Task (\d) starting in process (\d+)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null);
  expect(starts).toHaveLength(5);
  for (const m of starts) expect(m[1]).toBe(m[3]);
  expect(starts.map((m) => m[2]).sort()).toEqual(['0', '1', '2', '3', '4']);
  const pids = [...new Set(starts.map((m) => m[3]!))];
  expect(pids).toHaveLength(3);
  // Then result() in submission order.
  expect(await callerLines(page)).toEqual([
    'Task 0 done.',
    'Task 1 done.',
    'Task 2 done.',
    'Task 3 done.',
    'Task 4 done.',
  ]);
  expect(lines.at(-1)).toMatch(/^Done in \d+(\.\d+)? s · 5 tasks · 3 worker processes/);

  // Timeline: one lane per PID, one bar per task on the lane of the process that ran it.
  expect((await lanePids(page)).sort()).toEqual([...pids].sort());
  const bars = await timelineBars(page);
  expect(bars.map((b) => b.label).sort()).toEqual(['task(0)', 'task(1)', 'task(2)', 'task(3)', 'task(4)']);
  for (const bar of bars) {
    expect(bar.state).toBe('done');
    const started = starts.find((m) => `task(${m[2]})` === bar.label)!;
    expect(bar.pid).toBe(started[3]);
    expect(bar.ariaLabel).toMatch(
      new RegExp(
        `^${bar.label.replace(/[()]/g, '\\$&')}: done on PID ${bar.pid}, [\\d.]+ s to [\\d.]+ s, result 'Task \\d done\\.'`,
      ),
    );
  }
  for (const pid of pids) {
    const lane = page.locator(`[data-testid="timeline-lane"][data-pid="${pid}"]`);
    await expect(lane.getByTestId('timeline-bar')).not.toHaveCount(0);
  }
  expect(await deliveryOrder(page)).toEqual(['task(0)', 'task(1)', 'task(2)', 'task(3)', 'task(4)']);

  // The timeline answers the keyboard: Tab in, arrows move between bars and show their details.
  await page.getByTestId('timeline').focus();
  await page.keyboard.press('Home');
  const tooltip = page.getByTestId('timeline-tooltip');
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText('Run time');
  await page.keyboard.press('ArrowRight');
  await expect(tooltip).toContainText(/PID \d+/);
  await saveScreenshot(page, 'submit-keyboard-tooltip');
});

test('map(): results reach the caller in input order', async ({ app: page }) => {
  await pickExample(page, 'map');
  await expect(page.getByLabel('Inputs', { exact: true })).toHaveValue('[5, 2, 3, 4, 1]');
  await runButton(page).click();

  // The 2 s task is done long before the 5 s one, but map holds its result back.
  await expect(
    page.locator('[data-testid="timeline-bar"][data-label="square(2)"][data-state="done"]'),
  ).toBeAttached({
    timeout: 10_000,
  });
  await expect(page.getByTestId('delivery-marker')).toHaveCount(0);
  await saveScreenshot(page, 'map-mid-run');

  await waitForFinish(page);
  await saveScreenshot(page, 'map-finished');
  expect(await callerLines(page)).toEqual(['25', '4', '9', '16', '1']);
  const bars = await timelineBars(page);
  expect(bars.map((b) => b.label).sort()).toEqual([
    'square(1)',
    'square(2)',
    'square(3)',
    'square(4)',
    'square(5)',
  ]);
  expect(bars.every((b) => b.state === 'done')).toBe(true);
  const pids = await lanePids(page);
  expect(pids).toHaveLength(3);
  expect(new Set(bars.map((b) => b.pid))).toEqual(new Set(pids));
  expect(await deliveryOrder(page)).toEqual([
    'square(5)',
    'square(2)',
    'square(3)',
    'square(4)',
    'square(1)',
  ]);
});

test('as_completed(): results reach the caller as tasks finish', async ({ app: page }) => {
  await pickExample(page, 'as_completed');
  await runButton(page).click();

  await expect(page.getByTestId('delivery-marker')).toHaveCount(2, { timeout: 10_000 });
  await saveScreenshot(page, 'as-completed-mid-run');

  await waitForFinish(page);
  await saveScreenshot(page, 'as-completed-finished');
  const results = await callerLines(page);
  expect(results).toHaveLength(5);
  expect(results.slice(0, 2)).toEqual(['Result: 8', 'Result: 27']);
  // 216 (6 s) and 64 (2 s + 4 s) finish together: either may come first.
  expect(results.slice(2, 4).sort()).toEqual(['Result: 216', 'Result: 64']);
  expect(results[4]).toBe('Result: 125');

  const order = await deliveryOrder(page);
  expect(order.slice(0, 2)).toEqual(['cube(2)', 'cube(3)']);
  expect(order.slice(2, 4).sort()).toEqual(['cube(4)', 'cube(6)']);
  expect(order[4]).toBe('cube(5)');
  expect(await lanePids(page)).toHaveLength(3);
  const bars = await timelineBars(page);
  expect(bars).toHaveLength(5);
  expect(bars.every((b) => b.state === 'done')).toBe(true);
});
