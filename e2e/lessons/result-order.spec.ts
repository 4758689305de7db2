/**
 * Results in submission order, input order and completion order: the seed's
 * three examples, as a learner meets them — pick one in the gallery, press
 * Run, and see real processes share the tasks in the terminal (PIDs, results
 * in the driver's order) and on the timeline (one lane per PID, one bar per
 * task, the caller's deliveries) — and each lesson's note, checked against
 * the run it describes (its saved log: order, times, PIDs).
 */
import { expect, saveScreenshot, test } from '../fixtures';
import {
  callerLines,
  deliveryOrder,
  lanePids,
  outcome,
  runButton,
  expectSubmitExampleResults,
  timelineBars,
  waitForFinish,
} from '../app';
import { expectAbout, lastSavedRun, openLesson, pidsOf } from './lesson';

test('submit(): five 2-second tasks on three processes', async ({ app: page, host }) => {
  await openLesson(page, 'submit');
  await expect(page.getByTestId('look-for')).toContainText('tasks 3 and 4 wait in the queue');
  await runButton(page).click();

  // Mid-run: three processes busy, the first results on their way.
  await expect(page.getByTestId('timeline-lane')).toHaveCount(3);
  await expect(page.getByTestId('delivery-marker').first()).toBeAttached({ timeout: 10_000 });
  await expect(page.locator('[data-testid="timeline-bar"][data-state="running"]').first()).toBeAttached();
  await expect(outcome(page)).toHaveText('Running');
  await saveScreenshot(page, 'submit-mid-run');

  await waitForFinish(page);
  await saveScreenshot(page, 'submit-finished');

  await expectSubmitExampleResults(page);
  expect(await deliveryOrder(page)).toEqual(['task(0)', 'task(1)', 'task(2)', 'task(3)', 'task(4)']);

  // The note: 0, 1 and 2 start in three processes; 3 and 4 wait and start at about 2 s in the first
  // two to free up; about 4 s in all, not 10 s.
  const run = lastSavedRun(host);
  const [t0, t1, t2, t3, t4] = run.tasks;
  expect(pidsOf([t0!, t1!, t2!]).size).toBe(3);
  for (const late of [t3!, t4!]) {
    expectAbout(late.started!, 2);
    const freed = [t0!, t1!, t2!].filter((t) => t.pid === late.pid);
    expect(freed).toHaveLength(1);
    expect(late.started!).toBeGreaterThanOrEqual(freed[0]!.finished!);
  }
  expectAbout(run.model.finish!.wallMs, 4, 2000);

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

test('map(): results reach the caller in input order', async ({ app: page, host }) => {
  await openLesson(page, 'map');
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

  // The note: 2 and 3 finish first, nothing arrives before square(5) is done at about 5 s, then 25, 4
  // and 9 together; square(4) started at 2 s in the process square(2) freed; 16 and 1 at about 6 s.
  const run = lastSavedRun(host);
  const [s5, s2, s3, s4, s1] = ['square(5)', 'square(2)', 'square(3)', 'square(4)', 'square(1)'].map(
    (label) => run.byLabel(label),
  );
  expect(s2!.finished!).toBeLessThan(s5!.finished!);
  expect(s3!.finished!).toBeLessThan(s5!.finished!);
  expectAbout(s5!.finished!, 5);
  for (const t of [s5!, s2!, s3!]) {
    expect(t.delivered!).toBeGreaterThanOrEqual(s5!.finished!);
    expect(t.delivered! - s5!.finished!).toBeLessThan(250);
  }
  expect(s4!.pid).toBe(s2!.pid);
  expect(s4!.started!).toBeGreaterThanOrEqual(s2!.finished!);
  expectAbout(s4!.started!, 2);
  for (const t of [s4!, s1!]) {
    expect(t.delivered!).toBeGreaterThanOrEqual(s4!.finished!);
    expectAbout(t.delivered!, 6);
  }
});

test('as_completed(): results reach the caller as tasks finish', async ({ app: page, host }) => {
  await openLesson(page, 'as_completed');
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

  // The note: 8 at 2 s, 27 at 3 s, 216 and 64 together at 6 s, 125 last at 8 s.
  const run = lastSavedRun(host);
  const at = (label: string): number => run.byLabel(label).delivered!;
  expectAbout(at('cube(2)'), 2);
  expectAbout(at('cube(3)'), 3);
  // Close together at about 6 s: cube(4) began when cube(2) was done, so how close depends on how far
  // apart the processes started.
  expectAbout(at('cube(6)'), 6);
  expectAbout(at('cube(4)'), 6);
  expectAbout(at('cube(5)'), 8);
});
