/**
 * Overhead and Amdahl's law cap speedup: tiny tasks on many processes spend
 * the run starting processes (the wall time is many times the tasks' total
 * time), and a part that cannot be split sets the wall time however many
 * workers there are.
 */
import { lanePids } from '../app';
import { expect, lessonSuite, openLesson, runLesson, whatHappened } from './lesson';

const { test, lesson } = lessonSuite();

test('overhead: 16 tiny tasks on up to 8 processes take many times their own total time', async () => {
  const { page, host } = lesson();
  await openLesson(page, 'overhead');
  const run = await runLesson(page, host);
  expect(run.model.finish!.outcome).toBe('ok');
  const busy = run.tasks.reduce((sum, t) => sum + (t.finished! - t.started!), 0);
  expect(run.model.finish!.wallMs).toBeGreaterThan(3 * busy);
  expect(run.model.workers.length).toBeLessThanOrEqual(8);
  expect((await lanePids(page)).length).toBe(run.model.workers.length);
  expect(await whatHappened(page)).toContain('most of the run was not spent in the tasks');
});

test('Amdahl: the 1.6 s task that cannot be split sets the wall time', async () => {
  const { page, host } = lesson();
  await openLesson(page, 'amdahl');
  const run = await runLesson(page, host);
  expect(run.model.finish!.outcome).toBe('ok');
  const long = run.byLabel('work(1.6)');
  const short = run.tasks.filter((t) => t !== long);
  expect(short).toHaveLength(8);
  // The short ones are done before it, and its result comes last (as_completed).
  for (const t of short) expect(t.finished!).toBeLessThan(long.finished!);
  expect(long.deliveryOrder).toBe(9);
  expect(run.model.finish!.wallMs).toBeGreaterThanOrEqual(1600);
  expect(long.finished! - long.started!).toBeGreaterThanOrEqual(1600);
});
