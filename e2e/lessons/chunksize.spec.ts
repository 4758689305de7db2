/**
 * Chunksize amortises per-task overhead: the same 5,000 tiny calls, one per
 * task (slivers: the trips take far longer than the calls) and then in
 * chunks of 500 (the next lesson, one click away): ten tasks instead of
 * 5,000, through in a fraction of the time, results still in input
 * order, and the run faster.
 */
import { callerLines } from '../app';
import { expect, expectNoteShown, lessonSuite, openLesson, runLesson } from './lesson';
import { findExample } from '../../shared/examples';

const { test, lesson } = lessonSuite();

test('5,000 tiny calls: chunks of 500 are ten trips instead of 5,000, through in a fraction of the time', async () => {
  const { page, host } = lesson();
  await openLesson(page, 'chunksize-1');
  const single = await runLesson(page, host, 120_000);
  expect(single.model.finish!.outcome).toBe('ok');
  expect(single.model.tasks).toHaveLength(5000);
  // Slivers: the calls themselves are a small part of the time the tasks take to get through.
  const working = (run: typeof single): number =>
    Math.max(...run.tasks.map((t) => t.finished!)) - Math.min(...run.tasks.map((t) => t.started!));
  const calls = single.tasks.reduce((sum, t) => sum + (t.finished! - t.started!), 0);
  expect(calls).toBeLessThan(working(single) / 4);

  // The next lesson is the same map() with chunksize=500.
  await page.getByTestId('lesson-next').click();
  await expectNoteShown(page, findExample('chunksize-500')!);
  await expect(page.getByLabel('Chunksize', { exact: true })).toHaveValue('500');
  const chunked = await runLesson(page, host, 120_000);
  expect(chunked.model.finish!.outcome).toBe('ok');
  expect(chunked.model.tasks).toHaveLength(10);
  expect(chunked.model.tasks.every((t) => t.items === 500)).toBe(true);

  // Still in input order: 0, 2, 4 … 9998 (the terminal shows the last of them; the log has all).
  const printed = chunked.saved.events.flatMap((e) => (e.type === 'driver' ? [e.text] : []));
  expect(printed.slice(0, 5000)).toEqual(Array.from({ length: 5000 }, (_, i) => String(i * 2)));
  expect((await callerLines(page)).slice(-3)).toEqual(['9994', '9996', '9998']);

  // Ten trips instead of 5,000: the tasks are through in a fraction (at most half) of the time, and the
  // run is faster.
  expect(working(chunked)).toBeLessThan(working(single) / 2);
  expect(chunked.model.finish!.wallMs).toBeLessThan(single.model.finish!.wallMs);
});
