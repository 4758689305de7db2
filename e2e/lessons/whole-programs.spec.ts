/**
 * The whole-program lessons (chapter 7), as a learner meets them: picked in
 * the gallery in two clicks, they fill main.py or main.ts, and run; each
 * note is checked against the run it describes (its saved log). The seed's
 * programs pasted by hand are programs.spec.ts's subject. Skipped, saying
 * why, where there is no python3.
 */
import { PYTHON3_VERSION } from '../python3';
import { callerLines, terminalLines } from '../app';
import { saveScreenshot } from '../fixtures';
import { expect, lessonSuite, openLesson, pidsOf, runLesson } from './lesson';

const python = PYTHON3_VERSION;

const { test, lesson } = lessonSuite();

test('map(), the Python program as printed: three start at once, the freed processes take the rest, one list in input order', async () => {
  test.skip(python === null, 'python3 is not installed here: the Python lessons need CPython');
  const { page, host } = lesson();
  await openLesson(page, 'program-map-py');
  await expect(page.getByTestId('editor-file')).toHaveText('main.py');
  const run = await runLesson(page, host);
  expect(await callerLines(page)).toEqual(['[25, 4, 9, 16, 1]']);
  const [five, two, three, four, one] = ['squere(5)', 'squere(2)', 'squere(3)', 'squere(4)', 'squere(1)'].map(
    (label) => run.byLabel(label),
  );
  expect(pidsOf([five!, two!, three!]).size).toBe(3);
  // squere(4) takes the process squere(2) frees, squere(1) the one squere(3) frees.
  expect(four!.pid).toBe(two!.pid);
  expect(four!.started!).toBeGreaterThanOrEqual(two!.finished!);
  expect(one!.pid).toBe(three!.pid);
  expect(one!.started!).toBeGreaterThanOrEqual(three!.finished!);
  await saveScreenshot(page, 'lesson-program-map-py');
});

test('threads: both lanes are threads of one PID, and the program says whether it had a GIL', async () => {
  test.skip(python === null, 'python3 is not installed here: the Python lessons need CPython');
  const { page, host } = lesson();
  await openLesson(page, 'program-threads-py');
  const run = await runLesson(page, host);
  const lanes = page.locator('[data-testid="timeline-lane"][data-thread]');
  await expect(lanes).toHaveCount(2);
  expect(new Set(run.model.workers.map((w) => w.pid)).size).toBe(1);
  expect(await callerLines(page)).toContainEqual(
    expect.stringMatching(/^Python 3\.\d+\.\d+, GIL (on|off), \d+ CPUs$/),
  );
  await saveScreenshot(page, 'lesson-program-threads-py');
});

test('wait(FIRST_COMPLETED) in TypeScript: shard 1 answers first; cancel() takes back only what was still waiting', async () => {
  const { page, host } = lesson();
  await openLesson(page, 'program-first-completed-ts');
  await expect(page.getByTestId('editor-file')).toHaveText('main.ts');
  const run = await runLesson(page, host);
  const lines = await terminalLines(page);
  expect(lines.some((l) => l.endsWith('found in shard 1'))).toBe(true);
  const fates = lines.flatMap((l) => {
    const m = /shard (\d+): (cancelled|runs on)$/.exec(l);
    return m ? [{ shard: Number(m[1]), fate: m[2]! }] : [];
  });
  // Every shard but the winner says what became of it.
  expect(fates.map((f) => f.shard).sort()).toEqual([0, 2, 3, 4, 5, 6, 7]);
  for (const { shard, fate } of fates) {
    const task = run.tasks[shard]!;
    if (fate === 'cancelled') expect(task.started).toBeNull();
    else expect(task.finished).not.toBeNull();
  }
  // Shard 0 was running when shard 1 answered: it could not be taken back.
  expect(fates.find((f) => f.shard === 0)!.fate).toBe('runs on');
  await saveScreenshot(page, 'lesson-program-first-completed-ts');
});

/** The seed's programs and their TypeScript twins: what each note says, checked against its run. */
const SEED_LESSONS = [
  { id: 'program-submit-py', python: true, kind: 'submit' },
  { id: 'program-as-completed-py', python: true, kind: 'as_completed' },
  { id: 'program-submit-ts', python: false, kind: 'submit' },
  { id: 'program-map-ts', python: false, kind: 'map' },
  { id: 'program-as-completed-ts', python: false, kind: 'as_completed' },
] as const;

for (const { id, python: needsPython, kind } of SEED_LESSONS) {
  test(`${id}: the first three start at once on three processes, the rest wait for a free one, results as the note says`, async () => {
    test.skip(
      needsPython && python === null,
      'python3 is not installed here: the Python lessons need CPython',
    );
    const { page, host } = lesson();
    await openLesson(page, id);
    const run = await runLesson(page, host);
    expect(run.model.finish!.outcome).toBe('ok');
    const [first, second, third, ...rest] = run.tasks;
    expect(pidsOf([first!, second!, third!]).size).toBe(3);
    const firstFinish = Math.min(first!.finished!, second!.finished!, third!.finished!);
    for (const late of rest) expect(late.started!).toBeGreaterThanOrEqual(firstFinish);
    const results = await callerLines(page);
    if (kind === 'submit') {
      expect(results).toEqual([0, 1, 2, 3, 4].map((n) => `Task ${n} done.`));
    } else if (kind === 'map') {
      expect(results).toEqual(['[ 25, 4, 9, 16, 1 ]']);
    } else {
      expect(results.slice(0, 2)).toEqual(['Result: 8', 'Result: 27']);
      expect(results.slice(2, 4).sort()).toEqual(['Result: 216', 'Result: 64']);
      expect(results[4]).toBe('Result: 125');
    }
  });
}

test('processes: two lanes with two PIDs, no threads', async () => {
  test.skip(python === null, 'python3 is not installed here: the Python lessons need CPython');
  const { page, host } = lesson();
  await openLesson(page, 'program-processes-py');
  const run = await runLesson(page, host);
  await expect(page.getByTestId('timeline-lane')).toHaveCount(2);
  await expect(page.locator('[data-testid="timeline-lane"][data-thread]')).toHaveCount(0);
  expect(new Set(run.model.workers.map((w) => w.pid)).size).toBe(2);
  expect(await callerLines(page)).toContainEqual(expect.stringMatching(/^ProcessPoolExecutor: \[/));
});

test('wait(FIRST_COMPLETED) in Python: shard 1 answers first; cancel() takes back only what was still waiting', async () => {
  test.skip(python === null, 'python3 is not installed here: the Python lessons need CPython');
  const { page, host } = lesson();
  await openLesson(page, 'program-first-completed-py');
  const run = await runLesson(page, host);
  const lines = await callerLines(page);
  expect(lines[0]).toBe('found in shard 1');
  const fates = lines.flatMap((l) => {
    const m = /^shard (\d+): (cancelled|runs on)$/.exec(l);
    return m ? [{ shard: Number(m[1]), fate: m[2]! }] : [];
  });
  expect(fates.map((f) => f.shard).sort()).toEqual([0, 2, 3, 4, 5, 6, 7]);
  for (const { shard, fate } of fates) {
    const task = run.tasks[shard]!;
    if (fate === 'cancelled') expect(task.started).toBeNull();
    else expect(task.finished).not.toBeNull();
  }
  expect(fates.find((f) => f.shard === 0)!.fate).toBe('runs on');
});
