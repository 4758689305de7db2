/**
 * Max tasks per child recycles workers: with a limit of 2, a process exits
 * after its second task (marked recycled) and a new PID takes its place, so
 * no PID runs more than 2 tasks and more than 2 PIDs appear.
 */
import { lanePids } from '../app';
import { expect, lessonSuite, openLesson, runLesson } from './lesson';

const { test, lesson } = lessonSuite();

test('each process is replaced after 2 tasks: new PIDs take over', async () => {
  const { page, host } = lesson();
  await openLesson(page, 'recycle');
  const run = await runLesson(page, host);
  expect(run.model.finish!.outcome).toBe('ok');
  const workers = run.model.workers;
  for (const worker of workers) expect(worker.tasks.length).toBeLessThanOrEqual(2);
  expect(workers.length).toBeGreaterThan(2);
  expect(workers.some((w) => w.reason === 'recycled' && w.tasks.length === 2)).toBe(true);
  expect((await lanePids(page)).length).toBe(workers.length);
});
