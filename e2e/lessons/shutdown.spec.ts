/**
 * Shutdown: the caller calls executor.shutdown() after its first result.
 * wait=True returns when all the submitted work is done, wait=False at once;
 * cancel_futures=True cancels what is still queued but lets the tasks
 * already handed to a worker finish — the note, the timeline's log and
 * "What happened" say which were which. And Shutdown pressed during a run
 * does the same with the run's settings.
 */
import { callerLines, runButton, terminalSettled } from '../app';
import type { RunModel } from '../../shared/run-model';
import { expect, lastSavedRun, lessonSuite, openLesson, runLesson, whatHappened } from './lesson';

const { test, lesson } = lessonSuite();

function shutdownMark(model: RunModel) {
  const mark = model.marks.shutdown;
  if (!mark) throw new Error('the run has no shutdown() call');
  return mark;
}

const lastFinish = (model: RunModel): number => Math.max(...model.tasks.map((t) => t.finished ?? 0));

test('shutdown(wait=True) returns only when every submitted task is done', async () => {
  const { page, host } = lesson();
  await openLesson(page, 'shutdown-wait');
  const run = await runLesson(page, host);
  const mark = shutdownMark(run.model);
  expect(mark).toMatchObject({ wait: true, cancelFutures: false, cancelled: [] });
  expect(mark.called).toBeGreaterThanOrEqual(run.tasks[0]!.delivered!);
  expect(mark.returned!).toBeGreaterThanOrEqual(lastFinish(run.model));
  expect(run.tasks.every((t) => t.state === 'ok')).toBe(true);
  expect((await callerLines(page)).slice(0, 10)).toEqual([
    '0.8',
    'shutdown() returned',
    '1.5',
    '1.5',
    ...Array<string>(6).fill('0.3'),
  ]);
  // Every later result was already there when shutdown() returned.
  for (const t of run.tasks.slice(1)) expect(t.delivered!).toBeGreaterThanOrEqual(mark.returned!);
});

test('shutdown(wait=False) returns at once, and every task still finishes', async () => {
  const { page, host } = lesson();
  await openLesson(page, 'shutdown-nowait');
  const run = await runLesson(page, host);
  const mark = shutdownMark(run.model);
  expect(mark).toMatchObject({ wait: false, cancelFutures: false, cancelled: [] });
  expect(mark.returned! - mark.called).toBeLessThan(50);
  expect(lastFinish(run.model)).toBeGreaterThan(mark.returned!);
  expect(run.tasks.every((t) => t.state === 'ok')).toBe(true);
  expect((await callerLines(page)).slice(0, 2)).toEqual(['0.8', 'shutdown() returned']);
  expect(await whatHappened(page)).toContain('it returned at once');
});

test('cancel_futures=True cancels the queued tasks; those already handed over finish', async () => {
  const { page, host } = lesson();
  await openLesson(page, 'shutdown-cancel');
  const run = await runLesson(page, host);
  const mark = shutdownMark(run.model);
  expect(mark).toMatchObject({ wait: true, cancelFutures: true });
  expect(mark.cancelled.length).toBeGreaterThan(0);
  // Cancelled: never started. Handed over: ran to the end before shutdown() returned.
  for (const id of mark.cancelled) {
    const task = run.model.task(id)!;
    expect(task.state).toBe('cancelled');
    expect(task.started).toBeNull();
  }
  for (const id of mark.handedOver) {
    const task = run.model.task(id)!;
    expect(task.state).toBe('ok');
    expect(task.finished!).toBeLessThanOrEqual(mark.returned!);
  }
  expect(1 + mark.handedOver.length + mark.cancelled.length).toBe(9);
  const lines = await callerLines(page);
  expect(lines.filter((l) => l === 'cancelled')).toHaveLength(mark.cancelled.length);
  // What happened names which were handed over and which were cancelled.
  const text = await whatHappened(page);
  expect(text).toContain('shutdown(wait=True, cancel_futures=True) was called');
  expect(text).toMatch(/already handed to a worker and ran on/);
  expect(text).toMatch(/cancelled before starting/);
});

test('Shutdown during a run calls shutdown() with the settings under Advanced', async () => {
  const { page } = lesson();
  await openLesson(page, 'submit');
  await page.getByRole('button', { name: /^Advanced/ }).click();
  await page.getByTestId('shutdown-cancel-futures').check();
  await page.keyboard.press('Escape');
  // The note no longer describes these settings.
  await expect(page.getByTestId('lesson-changed')).toContainText('the shutdown settings');
  await runButton(page).click();
  // While tasks 0–2 run and 3 and 4 wait: Shutdown.
  await expect(page.locator('[data-testid="timeline-bar"][data-state="running"]')).toHaveCount(3, {
    timeout: 20_000,
  });
  await page.getByTestId('shutdown-button').click();
  await expect(page.getByTestId('run-outcome')).toHaveText(/^Finished in /, { timeout: 20_000 });
  await expect.poll(() => lastSavedRun(lesson().host).model.marks.shutdown).not.toBeNull();
  await terminalSettled(page);
  const lines = await callerLines(page);
  expect(lines).toContain('Shutdown pressed: shutdown(wait=True, cancel_futures=True)');
  expect(lines.filter((l) => l === 'cancelled')).toHaveLength(2);
  // Tasks 3 and 4 were still queued: cancelled, never run; 0–2 were with the workers and finished.
  const run = lastSavedRun(lesson().host);
  expect(run.tasks.map((t) => t.state)).toEqual(['ok', 'ok', 'ok', 'cancelled', 'cancelled']);
  expect(run.model.marks.shutdown).toMatchObject({ cancelled: [run.tasks[3]!.id, run.tasks[4]!.id] });
});
