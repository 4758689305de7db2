/**
 * CPU-bound work in parallel: the primes lesson. Two processes compute at
 * the same time (their bars overlap), each running its share one after
 * another; "What happened" sets the wall time beside the tasks' total time.
 */
import { formatSeconds } from '../../shared/timeline-scale';
import { lanePids, timelineBars } from '../app';
import { expect, lessonSuite, openLesson, overlap, pidsOf, runLesson, whatHappened } from './lesson';

const { test, lesson } = lessonSuite();

test('two processes count primes at the same time, each running its share in turn', async () => {
  const { page, host } = lesson();
  await openLesson(page, 'primes');
  const run = await runLesson(page, host, 90_000);
  expect(run.model.finish!.outcome).toBe('ok');

  // Two lanes, eight bars, all done.
  const pids = pidsOf(run.tasks);
  expect(pids.size).toBe(2);
  expect((await lanePids(page)).map(Number).sort()).toEqual([...pids].sort());
  const bars = await timelineBars(page);
  expect(bars).toHaveLength(8);
  expect(bars.every((b) => b.state === 'done')).toBe(true);

  // The two lanes' bars overlap; within a lane, one task after another.
  const [a, b] = [...pids].map((pid) => run.tasks.filter((t) => t.pid === pid));
  expect(a!.some((x) => b!.some((y) => overlap(x, y)))).toBe(true);
  for (const lane of [a!, b!]) {
    for (let i = 0; i < lane.length; i++)
      for (let j = i + 1; j < lane.length; j++) expect(overlap(lane[i]!, lane[j]!)).toBe(false);
  }

  // What happened: the wall time beside the tasks' total time, measured from this run.
  const busy = run.tasks.reduce((sum, t) => sum + (t.finished! - t.started!), 0);
  const text = await whatHappened(page);
  expect(text).toContain(
    `Wall time ${formatSeconds(run.model.finish!.wallMs)} for ${formatSeconds(busy)} of task time`,
  );
  expect(text).toContain(`2 processes ran (PIDs ${[...run.model.workers.map((w) => w.pid)].join(', ')})`);
});
