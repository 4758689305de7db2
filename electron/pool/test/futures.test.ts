/**
 * R6 future-states, R7 result-and-exception, R8 done-callbacks: Future states and cancel(),
 * result()/exception() with timeouts, done callbacks. Ported from CPython's test_future (pre-made
 * futures in each state) plus the same behaviour on futures a real pool returns.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  asCompleted,
  CancelledError,
  FIRST_COMPLETED,
  type Future,
  InvalidStateError,
  TimeoutError,
  wait,
} from '../index';
import {
  cancelledAndNotifiedFuture,
  cancelledFuture,
  delay,
  eventsOfType,
  exceptionFuture,
  pendingFuture,
  rejectionOf,
  runningFuture,
  startPool,
  successfulFuture,
  usePoolCleanup,
  waitFor,
} from './helpers';

usePoolCleanup();
afterEach(() => {
  vi.restoreAllMocks();
});

describe('R6 future-states: future states and cancel()', () => {
  test('R6 future-states: states of pre-made futures (test_future: done / running / cancelled)', () => {
    expect(pendingFuture().state).toBe('PENDING');
    expect([pendingFuture().done(), pendingFuture().running(), pendingFuture().cancelled()]).toEqual([
      false,
      false,
      false,
    ]);
    const running = runningFuture();
    expect([running.state, running.done(), running.running(), running.cancelled()]).toEqual([
      'RUNNING',
      false,
      true,
      false,
    ]);
    const cancelled = cancelledFuture();
    expect([cancelled.state, cancelled.done(), cancelled.running(), cancelled.cancelled()]).toEqual([
      'CANCELLED',
      true,
      false,
      true,
    ]);
    const ok = successfulFuture(42);
    expect([ok.state, ok.done(), ok.running(), ok.cancelled()]).toEqual(['FINISHED', true, false, false]);
    const failed = exceptionFuture();
    expect([failed.state, failed.done(), failed.failed()]).toEqual(['FINISHED', true, true]);
  });

  test('R6 future-states: cancel() succeeds only while pending, and again on a cancelled future (test_cancel)', () => {
    const pending = pendingFuture();
    expect(pending.cancel()).toBe(true);
    expect(pending.cancelled()).toBe(true);
    expect(pending.cancel()).toBe(true);
    expect(cancelledAndNotifiedFuture().cancel()).toBe(true);

    const running = runningFuture();
    expect(running.cancel()).toBe(false);
    expect(running.state).toBe('RUNNING');
    const ok = successfulFuture(1);
    expect(ok.cancel()).toBe(false);
    expect(ok.state).toBe('FINISHED');
    const failed = exceptionFuture();
    expect(failed.cancel()).toBe(false);
    expect(failed.state).toBe('FINISHED');
  });

  test('R6 future-states: setRunningOrNotifyCancel() is false on a cancelled future, throws when not pending', () => {
    expect(cancelledFuture().setRunningOrNotifyCancel()).toBe(false);
    expect(() => runningFuture().setRunningOrNotifyCancel()).toThrow(InvalidStateError);
    expect(() => successfulFuture(1).setRunningOrNotifyCancel()).toThrow(InvalidStateError);
  });

  test('R6 future-states: a result can be set only once (test_multiple_set_result / set_exception)', () => {
    const f = runningFuture<number>();
    f.setResult(1);
    expect(() => f.setResult(2)).toThrow(InvalidStateError);
    expect(() => f.setException(new Error('x'))).toThrow(InvalidStateError);
    const g = runningFuture();
    g.setException(new Error('first'));
    expect(() => g.setException(new Error('second'))).toThrow(InvalidStateError);
    expect(() => cancelledFuture().setResult(1)).toThrow(InvalidStateError);
  });

  test('R6 future-states: a cancelled future is done for result(), wait() and asCompleted() at once', async () => {
    const f = pendingFuture();
    f.cancel();
    // Nobody ever calls setRunningOrNotifyCancel(): unlike CPython, nothing waits for the executor.
    expect(await rejectionOf(f.result({ timeoutMs: 1000 }))).toBeInstanceOf(CancelledError);
    const { done, notDone } = await wait([f], { timeoutMs: 1000 });
    expect(done).toEqual(new Set([f]));
    expect(notDone.size).toBe(0);
    const yielded: Future[] = [];
    for await (const g of asCompleted([f], { timeoutMs: 1000 })) yielded.push(g);
    expect(yielded).toEqual([f]);
  });

  test('R6 future-states: on a real pool, a queued future cancels, a running one does not', async () => {
    const { pool, events } = startPool({ maxWorkers: 1 });
    const blocker = pool.submit<string>('sleepThen', 600, 'blocker');
    const queued = pool.submit<number>('pid');
    expect(blocker.state).toBe('PENDING');
    expect(await waitFor(() => blocker.running())).toBe(true);
    expect(blocker.cancel()).toBe(false);
    expect(queued.state).toBe('PENDING');
    expect(queued.cancel()).toBe(true);
    expect(queued.cancel()).toBe(true);
    expect(queued.done()).toBe(true);

    // Done immediately: result(), wait() and asCompleted() do not wait for the blocker.
    expect(await rejectionOf(queued.result())).toBeInstanceOf(CancelledError);
    const { done } = await wait([queued, blocker], { returnWhen: FIRST_COMPLETED });
    expect(done).toEqual(new Set([queued]));
    const first = await asCompleted([blocker, queued])[Symbol.asyncIterator]().next();
    expect(first.value).toBe(queued);
    expect(blocker.done()).toBe(false);

    expect(await blocker.result()).toBe('blocker');
    expect(blocker.cancel()).toBe(false);
    // The cancelled task never reached a worker.
    const queuedTask = eventsOfType(events, 'task-submitted')[1]!.task;
    expect(events.filter((e) => e.type === 'task-dispatched' && e.task === queuedTask)).toEqual([]);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'task-finished', task: queuedTask, status: 'cancelled' }),
    );
  });
});

test('R6 future-states: cancelled futures between live ones in the queue are never run, even after the pool drains', async () => {
  const { pool, events } = startPool({ maxWorkers: 1 });
  const blocker = pool.submit('sleepThen', 300, 'blocker');
  const queue = ['live 1', 'cancelled 1', 'live 2', 'cancelled 2', 'cancelled 3', 'live 3'].map((text) => ({
    text,
    future: pool.submit<string>('log', text),
  }));
  expect(await waitFor(() => blocker.running())).toBe(true);
  for (const { text, future } of queue) if (text.startsWith('cancelled')) expect(future.cancel()).toBe(true);
  // Every live task runs; then the pool is drained and its workers are gone.
  await pool.shutdown({ wait: true });
  const live = queue.filter((q) => q.text.startsWith('live'));
  expect(await Promise.all(live.map((q) => q.future.result()))).toEqual(['live 1', 'live 2', 'live 3']);
  // A cancelled task would have printed its text in the worker: none did.
  const printed = eventsOfType(events, 'console').map((e) => e.text.trim());
  expect(printed).toEqual(['live 1', 'live 2', 'live 3']);
  const ran = new Set(eventsOfType(events, 'task-dispatched').map((e) => e.task));
  for (const { text, future } of queue) {
    expect(ran.has(future.id), text).toBe(text.startsWith('live'));
    expect(future.cancelled(), text).toBe(text.startsWith('cancelled'));
  }
});

describe('R7 result-and-exception: result() and exception()', () => {
  test('R7 result-and-exception: result() resolves with the value set later (test_result_with_success)', async () => {
    const f = runningFuture<number>();
    setTimeout(() => f.setResult(42), 50);
    expect(await f.result({ timeoutMs: 5000 })).toBe(42);
  });

  test('R7 result-and-exception: result() rejects with the error set (and exception() resolves it)', async () => {
    const error = new TypeError('wrong');
    const f = exceptionFuture(error);
    expect(await rejectionOf(f.result())).toBe(error);
    expect(await f.exception()).toBe(error);
  });

  test('R7 result-and-exception: result() times out with TimeoutError; the future keeps going (test_result_with_timeout)', async () => {
    const f = runningFuture<string>();
    const t0 = performance.now();
    const error = await rejectionOf(f.result({ timeoutMs: 50 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(40);
    expect(f.state).toBe('RUNNING');
    f.setResult('later');
    expect(await f.result({ timeoutMs: 50 })).toBe('later');
  });

  test('R7 result-and-exception: result() on a cancelled future rejects with CancelledError (test_result_with_cancel)', async () => {
    expect(await rejectionOf(cancelledFuture().result())).toBeInstanceOf(CancelledError);
    expect(await rejectionOf(cancelledAndNotifiedFuture().result({ timeoutMs: 10 }))).toBeInstanceOf(
      CancelledError,
    );
  });

  test('R7 result-and-exception: exception() resolves null on success, the error on failure, rejects on timeout/cancel', async () => {
    expect(await successfulFuture(1).exception()).toBeNull();
    const error = new Error('oops');
    expect(await exceptionFuture(error).exception({ timeoutMs: 10 })).toBe(error);
    expect(await rejectionOf(runningFuture().exception({ timeoutMs: 30 }))).toBeInstanceOf(TimeoutError);
    expect(await rejectionOf(cancelledFuture().exception())).toBeInstanceOf(CancelledError);

    const later = pendingFuture();
    setTimeout(() => {
      later.setRunningOrNotifyCancel();
      later.setException(error);
    }, 30);
    expect(await later.exception({ timeoutMs: 5000 })).toBe(error);
  });

  test('R7 result-and-exception: on a real pool, result({ timeoutMs }) times out while the task keeps running', async () => {
    const { pool } = startPool({ maxWorkers: 1 });
    const f = pool.submit<string>('sleepThen', 800, 'finished anyway');
    const error = await rejectionOf(f.result({ timeoutMs: 100 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toMatch(/100 ms/);
    expect(f.done()).toBe(false);
    expect(await rejectionOf(f.exception({ timeoutMs: 50 }))).toBeInstanceOf(TimeoutError);
    expect(await f.result()).toBe('finished anyway');
    expect(await f.exception()).toBeNull();
  });

  test('R7 result-and-exception: a failed task: result() rejects with its error, exception() resolves it', async () => {
    const { pool } = startPool({ maxWorkers: 1 });
    const f = pool.submit('failCustom', 'bad');
    const viaResult = await rejectionOf(f.result());
    const viaException = (await f.exception()) as Error;
    expect(viaResult.message).toBe('bad');
    expect(viaException.message).toBe('bad');
    expect(viaException.name).toBe('CustomError');
  });
});

describe('R8 done-callbacks: done callbacks', () => {
  test('R8 done-callbacks: callbacks run once, in the order added, with the future (result / exception / cancel)', () => {
    const calls: string[] = [];
    const seen: Future<number>[] = [];
    const f = runningFuture<number>();
    f.addDoneCallback((g) => {
      calls.push('first');
      seen.push(g);
    });
    f.addDoneCallback(() => calls.push('second'));
    f.addDoneCallback(() => calls.push('third'));
    expect(calls).toEqual([]);
    f.setResult(5);
    expect(calls).toEqual(['first', 'second', 'third']);
    expect(seen).toEqual([f]);
    expect(() => f.setResult(6)).toThrow(InvalidStateError);
    f.cancel();
    expect(calls).toEqual(['first', 'second', 'third']);

    const failed: unknown[] = [];
    const g = runningFuture();
    g.addDoneCallback((h) => failed.push(h.failed()));
    g.setException(new Error('x'));
    expect(failed).toEqual([true]);

    const cancelled: boolean[] = [];
    const h = pendingFuture();
    h.addDoneCallback((x) => cancelled.push(x.cancelled()));
    h.cancel();
    h.cancel();
    expect(cancelled).toEqual([true]);
  });

  test('R8 done-callbacks: a callback added to a done future runs immediately (already_successful/failed/cancelled)', () => {
    for (const f of [successfulFuture(1), exceptionFuture(), cancelledFuture()]) {
      const calls: Future[] = [];
      f.addDoneCallback((g) => calls.push(g));
      expect(calls).toEqual([f]);
    }
  });

  test('R8 done-callbacks: a throwing callback is reported and the others still run (test_done_callback_raises)', () => {
    const report = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const calls: string[] = [];
    const f = runningFuture();
    f.addDoneCallback(() => calls.push('before'));
    f.addDoneCallback(() => {
      throw new Error('callback exploded');
    });
    f.addDoneCallback(() => calls.push('after'));
    expect(() => f.setResult('v')).not.toThrow();
    expect(calls).toEqual(['before', 'after']);
    expect(report).toHaveBeenCalledTimes(1);
    expect(report.mock.calls[0]!.join(' ')).toMatch(/callback/);
    expect(report.mock.calls[0]).toContainEqual(expect.objectContaining({ message: 'callback exploded' }));

    // Added to a done future: reported, not thrown at the caller (callback_raises_already_succeeded).
    expect(() =>
      f.addDoneCallback(() => {
        throw new Error('late explosion');
      }),
    ).not.toThrow();
    expect(report).toHaveBeenCalledTimes(2);
  });

  test('R8 done-callbacks: on a real pool, callbacks run once in order when the task finishes', async () => {
    const { pool } = startPool({ maxWorkers: 1 });
    const calls: string[] = [];
    const f = pool.submit<number>('add', 20, 22);
    f.addDoneCallback((g) => calls.push(`a:${g.done()}`));
    f.addDoneCallback(() => calls.push('b'));
    expect(await f.result()).toBe(42);
    expect(calls).toEqual(['a:true', 'b']);
    f.addDoneCallback(() => calls.push('late'));
    expect(calls).toEqual(['a:true', 'b', 'late']);
    await delay(50);
    expect(calls).toEqual(['a:true', 'b', 'late']);
  });

  test('R8 done-callbacks: on a real pool, a cancelled future runs its callbacks', async () => {
    const { pool } = startPool({ maxWorkers: 1 });
    const blocker = pool.submit('sleepThen', 300, 1);
    const queued = pool.submit('add', 1, 1);
    const calls: boolean[] = [];
    queued.addDoneCallback((g) => calls.push(g.cancelled()));
    expect(queued.cancel()).toBe(true);
    expect(calls).toEqual([true]);
    await blocker.result();
    expect(calls).toEqual([true]);
  });

  test('R8 done-callbacks: addDoneCallback needs a function', () => {
    expect(() => pendingFuture().addDoneCallback(42 as never)).toThrow(TypeError);
  });
});
