/**
 * An initializer runs once per worker: setUp('hello') prints once in each of
 * the two processes (two lines, not six), before that process's first task,
 * and every result says hello.
 */
import { callerLines, lanePids, terminalLines } from '../app';
import { expect, lessonSuite, openLesson, runLesson } from './lesson';

const { test, lesson } = lessonSuite();

test('setUp runs once in each process, and every task sees what it set', async () => {
  const { page, host } = lesson();
  await openLesson(page, 'initializer');
  const run = await runLesson(page, host);
  expect(run.model.finish!.outcome).toBe('ok');

  const inits = (await terminalLines(page)).flatMap((line) => {
    const m = /^\[(\d+)\] initializer ran in process (\d+)$/.exec(line);
    return m ? [m] : [];
  });
  expect(inits).toHaveLength(2);
  for (const m of inits) expect(m[1]).toBe(m[2]);
  expect(inits.map((m) => m[1]).sort()).toEqual((await lanePids(page)).sort());

  const results = await callerLines(page);
  expect(results.slice(0, 6)).toHaveLength(6);
  for (let n = 0; n < 6; n++) expect(results[n]).toMatch(new RegExp(`^hello ${n} from process \\d+$`));
});
