/**
 * Blocking waits overlap: six 2-second waits on six processes all happen at
 * the same time, so the run takes a little over 2 s plus start-up, not 12 s.
 */
import { lanePids } from '../app';
import { expect, lessonSuite, openLesson, runLesson } from './lesson';

const { test, lesson } = lessonSuite();

test('six processes wait at the same time: a little over 2 s, not 12 s', async () => {
  const { page, host } = lesson();
  await openLesson(page, 'waits');
  const run = await runLesson(page, host);
  expect(run.model.finish!.outcome).toBe('ok');
  expect(await lanePids(page)).toHaveLength(6);
  expect(run.tasks).toHaveLength(6);

  // All six bars overlap: one moment when every task is waiting.
  const latestStart = Math.max(...run.tasks.map((t) => t.started!));
  const earliestEnd = Math.min(...run.tasks.map((t) => t.finished!));
  expect(latestStart).toBeLessThan(earliestEnd);

  // A little over 2 s plus the processes' start-up, far from the 12 s the waits add up to.
  const startup = Math.max(...run.model.workers.map((w) => w.ready! - w.spawned));
  const wall = run.model.finish!.wallMs;
  expect(wall).toBeGreaterThanOrEqual(2000);
  expect(wall).toBeLessThan(2000 + startup + 1500);
  expect(wall).toBeLessThan(12_000 / 2);
});
