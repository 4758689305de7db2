/**
 * Workers share no memory: a module global counted up by each task is each
 * process's own — the counts run 1, 2, 3… separately for each PID, not 1 to
 * 6 across them.
 */
import { callerLines } from '../app';
import { expect, lessonSuite, openLesson, runLesson } from './lesson';

const { test, lesson } = lessonSuite();

test('each process counts its own calls: the counts restart for every PID', async () => {
  const { page, host } = lesson();
  await openLesson(page, 'no-shared-memory');
  const run = await runLesson(page, host);
  expect(run.model.finish!.outcome).toBe('ok');

  const counts = new Map<string, number[]>();
  for (const line of (await callerLines(page)).slice(0, 6)) {
    const m = /^process (\d+) has counted (\d+) calls?$/.exec(line);
    expect(m, line).not.toBeNull();
    counts.set(m![1]!, [...(counts.get(m![1]!) ?? []), Number(m![2])]);
  }
  expect(counts.size).toBe(2);
  for (const seen of counts.values()) {
    // Each PID's own 1, 2, 3… (results come in submission order, which is each process's order too).
    expect(seen).toEqual(seen.map((_, i) => i + 1));
  }
  expect(Math.max(...[...counts.values()].flat())).toBeLessThan(6);
  expect(run.model.workers).toHaveLength(2);
});
