/**
 * R11 as-completed-and-wait (and the "cancelled counts as done" part of R6 future-states):
 * asCompleted() and wait(), with pre-made futures in every state as CPython's test_wait and
 * test_as_completed build them, and with futures of a real pool.
 */
import { describe, expect, test } from 'vitest';
import {
  ALL_COMPLETED,
  asCompleted,
  FIRST_COMPLETED,
  FIRST_EXCEPTION,
  type Future,
  TimeoutError,
  wait,
} from '../index';
import {
  cancelledAndNotifiedFuture,
  cancelledFuture,
  exceptionFuture,
  pendingFuture,
  rejectionOf,
  runningFuture,
  startPool,
  successfulFuture,
  usePoolCleanup,
  within,
} from './helpers';

usePoolCleanup();

async function collect<F>(iterator: AsyncIterable<F>): Promise<F[]> {
  const out: F[] = [];
  for await (const f of iterator) out.push(f);
  return out;
}

describe('R11 as-completed-and-wait: asCompleted()', () => {
  test('R11 as-completed-and-wait: yields every future, already-done ones first (test_no_timeout)', async () => {
    const { pool } = startPool({ maxWorkers: 2 });
    const ok = successfulFuture(1);
    const failed = exceptionFuture();
    const cancelled = cancelledAndNotifiedFuture();
    const real1 = pool.submit('add', 1, 2);
    const real2 = pool.submit('sleepThen', 100, 'x');
    const yielded = await within(
      10_000,
      collect(asCompleted([real1, ok, real2, failed, cancelled])),
      'asCompleted',
    );
    expect(new Set(yielded)).toEqual(new Set([ok, failed, cancelled, real1, real2]));
    expect(yielded).toHaveLength(5);
    expect(new Set(yielded.slice(0, 3))).toEqual(new Set([ok, failed, cancelled]));
  });

  test('R11 as-completed-and-wait: then yields in completion order', async () => {
    const [a, b, c] = [pendingFuture<string>(), pendingFuture<string>(), pendingFuture<string>()];
    const done = successfulFuture('done');
    setTimeout(() => c.setResult('c'), 20);
    setTimeout(() => a.cancel(), 60);
    setTimeout(() => {
      b.setRunningOrNotifyCancel();
      b.setException(new Error('b'));
    }, 100);
    expect(await collect(asCompleted([a, b, c, done]))).toEqual([done, c, a, b]);
  });

  test('R11 as-completed-and-wait: on a real pool, a fast task is yielded before a slow one', async () => {
    const { pool } = startPool({ maxWorkers: 2 });
    // Warm both workers so start-up time does not decide the order.
    await Promise.all([pool.submit('sleepThen', 100, 0).result(), pool.submit('sleepThen', 100, 0).result()]);
    const slow = pool.submit('sleepThen', 1200, 'slow');
    const fast = pool.submit('sleepThen', 10, 'fast');
    expect(await collect(asCompleted([slow, fast]))).toEqual([fast, slow]);
  });

  test('R11 as-completed-and-wait: each distinct future is yielded once (test_duplicate_futures)', async () => {
    const { pool } = startPool({ maxWorkers: 1 });
    const f = pool.submit('sleepThen', 50, 'dup');
    const done = successfulFuture(2);
    const yielded = await collect(asCompleted([f, f, done, f, done]));
    expect(yielded).toHaveLength(2);
    expect(new Set(yielded)).toEqual(new Set([f, done]));
  });

  test('R11 as-completed-and-wait: an already-done future listed twice is yielded once', async () => {
    const done = successfulFuture(1);
    expect(await collect(asCompleted([done, done, done]))).toEqual([done]);
  });

  test('R11 as-completed-and-wait: with timeoutMs, yields what finished then throws TimeoutError (test_future_times_out)', async () => {
    const ok = successfulFuture(1);
    const pending = pendingFuture();
    const yielded: Future[] = [];
    const t0 = performance.now();
    const error = await rejectionOf(
      (async () => {
        for await (const f of asCompleted([ok, pending], { timeoutMs: 100 })) yielded.push(f);
      })(),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(yielded).toEqual([ok]);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(90);
  });

  test('R11 as-completed-and-wait: the TimeoutError names how many of how many are unfinished (test_correct_timeout_exception_msg)', async () => {
    const futures = [cancelledAndNotifiedFuture(), pendingFuture(), runningFuture(), successfulFuture(1)];
    const error = await rejectionOf(collect(asCompleted(futures, { timeoutMs: 10 })));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toBe('2 (of 4) futures unfinished');
    const three = [pendingFuture(), runningFuture(), pendingFuture(), exceptionFuture()];
    expect((await rejectionOf(collect(asCompleted(three, { timeoutMs: 10 })))).message).toBe(
      '3 (of 4) futures unfinished',
    );
  });

  test('R11 as-completed-and-wait: on a real pool, the deadline counts from the call', async () => {
    const { pool } = startPool({ maxWorkers: 2 });
    const fast = pool.submit('add', 1, 1);
    const slow = pool.submit('sleepThen', 3000, 'slow');
    const yielded: Future[] = [];
    const error = await rejectionOf(
      (async () => {
        for await (const f of asCompleted([slow, fast], { timeoutMs: 800 })) yielded.push(f);
      })(),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toBe('1 (of 2) futures unfinished');
    expect(yielded).toEqual([fast]);
    // The deadline ended it, not the slow task.
    expect(slow.done()).toBe(false);
  });
});

describe('R11 as-completed-and-wait: wait()', () => {
  test('R11 as-completed-and-wait: FIRST_COMPLETED with a cancelled future returns at once (test_first_completed)', async () => {
    const { pool } = startPool({ maxWorkers: 1 });
    const running = pool.submit('sleepThen', 1500, 1);
    const cancelled = cancelledAndNotifiedFuture();
    const { done, notDone } = await wait([cancelled, running], { returnWhen: FIRST_COMPLETED });
    expect(done).toEqual(new Set([cancelled]));
    expect(notDone).toEqual(new Set([running]));
    expect(running.done()).toBe(false);
  });

  test('R11 as-completed-and-wait: FIRST_COMPLETED returns when the first real task finishes', async () => {
    const { pool } = startPool({ maxWorkers: 2 });
    const fast = pool.submit('sleepThen', 30, 'fast');
    const slow = pool.submit('sleepThen', 2000, 'slow');
    const { done, notDone } = await wait([fast, slow], { returnWhen: FIRST_COMPLETED });
    expect(done).toEqual(new Set([fast]));
    expect(notDone).toEqual(new Set([slow]));
  });

  test('R11 as-completed-and-wait: FIRST_COMPLETED with some already completed (test_first_completed_some_already_completed)', async () => {
    const { pool } = startPool({ maxWorkers: 1 });
    const running = pool.submit('sleepThen', 1500, 1);
    const ok = successfulFuture(1);
    const cancelled = cancelledAndNotifiedFuture();
    const { done, notDone } = await wait([ok, cancelled, running], { returnWhen: FIRST_COMPLETED });
    expect(done).toEqual(new Set([ok, cancelled]));
    expect(notDone).toEqual(new Set([running]));
  });

  test('R11 as-completed-and-wait: FIRST_EXCEPTION returns at the first failure (test_first_exception)', async () => {
    const { pool } = startPool({ maxWorkers: 3 });
    const quick = pool.submit('add', 2, 21);
    const slow = pool.submit('sleepThen', 2500, 'slow');
    const failing = pool.submit('sleepThenFail', 300, 'first exception');
    const { done, notDone } = await wait([quick, slow, failing], { returnWhen: FIRST_EXCEPTION });
    expect(done).toEqual(new Set([quick, failing]));
    expect(notDone).toEqual(new Set([slow]));
    expect((await failing.exception()) as Error).toMatchObject({ message: 'first exception' });
  });

  test('R11 as-completed-and-wait: FIRST_EXCEPTION with some already complete (test_first_exception_some_already_complete)', async () => {
    const { pool } = startPool({ maxWorkers: 2 });
    const failing = pool.submit('sleepThenFail', 50, 'boom');
    const slow = pool.submit('sleepThen', 2500, 'slow');
    const ok = successfulFuture(1);
    const cancelled = cancelledFuture();
    const { done, notDone } = await wait([ok, cancelled, failing, slow], { returnWhen: FIRST_EXCEPTION });
    expect(done).toEqual(new Set([ok, cancelled, failing]));
    expect(notDone).toEqual(new Set([slow]));
  });

  test('R11 as-completed-and-wait: FIRST_EXCEPTION with one already failed returns at once (test_first_exception_one_already_failed)', async () => {
    const { pool } = startPool({ maxWorkers: 1 });
    const slow = pool.submit('sleepThen', 1500, 'slow');
    const failed = exceptionFuture();
    const { done, notDone } = await wait([failed, slow], { returnWhen: FIRST_EXCEPTION });
    expect(done).toEqual(new Set([failed]));
    expect(notDone).toEqual(new Set([slow]));
    expect(slow.done()).toBe(false);
  });

  test('R11 as-completed-and-wait: FIRST_EXCEPTION without any failure waits for all', async () => {
    const a = pendingFuture<number>();
    const b = pendingFuture<number>();
    setTimeout(() => a.cancel(), 20);
    setTimeout(() => {
      b.setRunningOrNotifyCancel();
      b.setResult(2);
    }, 60);
    const { done, notDone } = await wait([a, b], { returnWhen: FIRST_EXCEPTION });
    expect(done).toEqual(new Set([a, b]));
    expect(notDone.size).toBe(0);
  });

  test('R11 as-completed-and-wait: ALL_COMPLETED waits for every future (test_all_completed)', async () => {
    const { pool } = startPool({ maxWorkers: 2 });
    const ok = successfulFuture(1);
    const failed = exceptionFuture();
    const cancelled = cancelledFuture();
    const real1 = pool.submit('add', 21, 2);
    const real2 = pool.submit('sleepThen', 200, 'x');
    const { done, notDone } = await wait([ok, failed, cancelled, real1, real2], {
      returnWhen: ALL_COMPLETED,
    });
    expect(done).toEqual(new Set([ok, failed, cancelled, real1, real2]));
    expect(notDone.size).toBe(0);
    // The default returnWhen is ALL_COMPLETED.
    const again = await wait([real1, real2, ok]);
    expect(again.done.size).toBe(3);
  });

  test('R11 as-completed-and-wait: on timeout wait() returns the partial sets without throwing (test_timeout)', async () => {
    const { pool } = startPool({ maxWorkers: 1 });
    const slow = pool.submit('sleepThen', 3000, 'slow');
    const ok = successfulFuture(1);
    const failed = exceptionFuture();
    const cancelled = cancelledAndNotifiedFuture();
    const t0 = performance.now();
    const { done, notDone } = await wait([ok, failed, cancelled, slow], {
      timeoutMs: 300,
      returnWhen: ALL_COMPLETED,
    });
    const elapsed = performance.now() - t0;
    expect(done).toEqual(new Set([ok, failed, cancelled]));
    expect(notDone).toEqual(new Set([slow]));
    // Timers never fire early; and it returned at the timeout, not when the slow task finished.
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(slow.done()).toBe(false);
  });

  test('R11 as-completed-and-wait: wait() on nothing, or on done futures, returns at once', async () => {
    expect(await wait([])).toEqual({ done: new Set(), notDone: new Set() });
    const ok = successfulFuture(1);
    expect(await wait([ok], { timeoutMs: 0 })).toEqual({ done: new Set([ok]), notDone: new Set() });
  });

  test('R11 as-completed-and-wait: an invalid returnWhen throws', () => {
    expect(() => wait([], { returnWhen: 'SOMETIMES' as never })).toThrow(/Invalid return condition/);
  });
});
