/** Workers are reused: six tasks on two processes name only two PIDs, each several times. */
import { callerLines, lanePids } from '../app';
import { expect, lessonSuite, openLesson, runLesson } from './lesson';

const { test, lesson } = lessonSuite();

test('two processes run task after task: six results, two PIDs', async () => {
  const { page, host } = lesson();
  await openLesson(page, 'reuse');
  const run = await runLesson(page, host);
  expect(run.model.workers).toHaveLength(2);
  expect(await lanePids(page)).toHaveLength(2);

  const results = await callerLines(page);
  const named = results.flatMap((line) => {
    const m = /^task (\d) ran in process (\d+)$/.exec(line);
    return m ? [m[2]!] : [];
  });
  expect(named).toHaveLength(6);
  const counts = new Map<string, number>();
  for (const pid of named) counts.set(pid, (counts.get(pid) ?? 0) + 1);
  expect(counts.size).toBe(2);
  for (const n of counts.values()) expect(n).toBeGreaterThanOrEqual(2);
  // The same PIDs the timeline's lanes carry.
  expect([...counts.keys()].sort()).toEqual((await lanePids(page)).sort());
});
