/**
 * Workers start on demand and starting costs time: with max workers 4 and
 * two tasks, two processes start, and each task begins only once its
 * process is up; "What happened" says how long starting took.
 */
import { formatSeconds } from '../../shared/timeline-scale';
import { lanePids } from '../app';
import { expect, lessonSuite, openLesson, runLesson, whatHappened } from './lesson';

const { test, lesson } = lessonSuite();

test('two tasks start two processes, and each task waits for its process to start', async () => {
  const { page, host } = lesson();
  await openLesson(page, 'startup');
  const run = await runLesson(page, host);
  expect(run.model.workers).toHaveLength(2);
  expect(await lanePids(page)).toHaveLength(2);
  for (const worker of run.model.workers) expect(worker.ready!).toBeGreaterThan(worker.spawned);
  // Each task waits for its own process to be up. (On a loaded machine one process may be up
  // and through the first task before the second has started, and take both.)
  for (const task of run.model.tasks) {
    const worker = run.model.worker(task.worker!)!;
    expect(task.started!).toBeGreaterThanOrEqual(worker.ready!);
  }
  const startups = run.model.workers.map((w) => w.ready! - w.spawned);
  const [lo, hi] = [formatSeconds(Math.min(...startups)), formatSeconds(Math.max(...startups))];
  expect(await whatHappened(page)).toContain(`starting one took ${lo === hi ? lo : `${lo}–${hi}`}`);
});
