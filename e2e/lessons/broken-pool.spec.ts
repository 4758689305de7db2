/**
 * One crash breaks the whole pool: risky(3) ends its process; every task not
 * finished by then fails with BrokenProcessPool, none starts after, and the
 * caller prints the results finished before the crash, then stops.
 */
import { callerLines, outcome } from '../app';
import { expect, lessonSuite, openLesson, runLesson, whatHappened } from './lesson';

const { test, lesson } = lessonSuite();

test('a process that dies breaks the pool: every unfinished task fails with BrokenProcessPool', async () => {
  const { page, host } = lesson();
  await openLesson(page, 'crash');
  const run = await runLesson(page, host);
  await expect(outcome(page)).toHaveText('Broken pool');
  expect(run.model.finish!.outcome).toBe('broken');

  const crashed = run.model.workers.find((w) => w.reason === 'crash')!;
  expect(crashed.code).toBe(1);
  expect(run.model.task(crashed.tasks.at(-1)!)!.label).toBe('risky(3)');
  const crashAt = crashed.exited!;

  const done = run.tasks.filter((t) => t.state === 'ok');
  const failed = run.tasks.filter((t) => t.state !== 'ok');
  for (const t of done) expect(t.finished!).toBeLessThanOrEqual(crashAt);
  expect(failed.map((t) => t.label)).toContain('risky(3)');
  for (const t of failed) expect(t.error?.name).toBe('BrokenProcessPool');
  // No task started after the crash.
  for (const t of run.tasks) if (t.started !== null) expect(t.started).toBeLessThanOrEqual(crashAt);

  // The caller printed the results finished before the crash, in order, then stopped.
  const lines = await callerLines(page);
  const before = run.tasks.slice(
    0,
    run.tasks.findIndex((t) => t.state !== 'ok'),
  );
  expect(lines.slice(0, before.length)).toEqual(before.map((t) => t.result));
  expect(lines[before.length]).toMatch(/^Traceback \(the driver stopped here\): BrokenProcessPool: /);

  expect(await whatHappened(page)).toContain(
    `Process ${crashed.pid} exited with code 1, which broke the pool`,
  );
});
