/**
 * Only cloneable values cross the boundary: makeRecord(2)'s result holds a
 * function, so that future alone fails with DataCloneError naming where;
 * makeRecord(1) arrives as a copy (its Date too) and makeRecord(3) still
 * runs in the same processes: the pool is not broken.
 */
import { callerLines } from '../app';
import { expect, lessonSuite, openLesson, pidsOf, runLesson } from './lesson';

const { test, lesson } = lessonSuite();

test('a result holding a function fails alone with DataCloneError; the pool goes on', async () => {
  const { page, host } = lesson();
  await openLesson(page, 'cloneable');
  const run = await runLesson(page, host);
  expect(run.model.finish!.outcome).toBe('error');

  const lines = await callerLines(page);
  expect(lines[0]).toBe('{ n: 1, powers: [1, 1], made: 1970-01-01T00:00:00.000Z }');
  expect(lines[1]).toBe('Traceback (the driver stopped here):');
  expect(lines[2]).toMatch(
    /^DataCloneError: makeRecord\(\) returned, but its result \.describe is a function/,
  );

  const two = run.byLabel('makeRecord(2)');
  expect(two.error?.name).toBe('DataCloneError');
  const three = run.byLabel('makeRecord(3)');
  expect(three.state).toBe('ok');
  expect(three.result).toBe('{ n: 3, powers: [9, 27], made: 1970-01-01T00:00:00.000Z }');
  // No process died and none was added: the same processes ran on.
  expect(run.model.brokenMessage).toBeNull();
  expect(run.model.workers.every((w) => w.reason === 'shutdown')).toBe(true);
  expect(pidsOf([three]).size).toBe(1);
  expect([...pidsOf(run.tasks)].every((pid) => run.model.workers.some((w) => w.pid === pid))).toBe(true);
  expect(run.model.workers).toHaveLength(2);
});
