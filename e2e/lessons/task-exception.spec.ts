/**
 * A task's exception comes back through result(), with its traceback in
 * tasks.ts (the editor marks the line), and the pool goes on: the same two
 * processes finish the remaining tasks, with no BrokenProcessPool.
 */
import { callerLines, lanePids, timelineBars } from '../app';
import { expect, lessonSuite, openLesson, pidsOf, runLesson, whatHappened } from './lesson';

const { test, lesson } = lessonSuite();

test('checkedSqrt(-1) raises through result() at tasks.ts:7; the pool runs on', async () => {
  const { page, host } = lesson();
  await openLesson(page, 'exception');
  const run = await runLesson(page, host);
  expect(run.model.finish!.outcome).toBe('error');

  // Once, with the user's file and line, after the two results before it.
  const lines = await callerLines(page);
  expect(lines.slice(0, 5)).toEqual([
    '2',
    '3',
    'Traceback (the driver stopped here):',
    'RangeError: cannot take the square root of -1',
    'at checkedSqrt (tasks.ts:7:11)',
  ]);
  expect(lines.filter((l) => l.includes('cannot take the square root'))).toHaveLength(1);

  // The editor marks line 7.
  const marked = page.locator('.monaco-editor .run-error-line');
  await expect(marked).toHaveCount(1);
  const line7 = page.locator('.monaco-editor .line-numbers', { hasText: /^7$/ });
  const [markBox, lineBox] = [await marked.boundingBox(), await line7.boundingBox()];
  expect(Math.abs(markBox!.y - lineBox!.y)).toBeLessThan(3);

  // The pool goes on: 16, 25 and 36 run to the end in the same two processes; nothing broke.
  for (const label of ['checkedSqrt(16)', 'checkedSqrt(25)', 'checkedSqrt(36)']) {
    expect(run.byLabel(label).state).toBe('ok');
  }
  const bars = await timelineBars(page);
  expect(bars.filter((b) => b.state === 'done')).toHaveLength(5);
  expect(pidsOf(run.tasks).size).toBe(2);
  expect(await lanePids(page)).toHaveLength(2);
  expect(run.model.brokenMessage).toBeNull();
  expect(run.model.workers.every((w) => w.reason === 'shutdown')).toBe(true);
  expect(await whatHappened(page)).toContain(
    'checkedSqrt(-1) raised RangeError; the other tasks were not affected by it.',
  );
});
