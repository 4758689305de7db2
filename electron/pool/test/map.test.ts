/**
 * R10 map: executor.map() — submission at call time (or buffersize ahead), input order, chunksize
 * batching, a deadline from the call, early end and cancellation, argument validation.
 * (CPython: test_map, test_map_exception, test_map_timeout, test_map_chunksize,
 * test_map_buffersize_*.)
 */
import { describe, expect, test } from 'vitest';
import { TimeoutError } from '../index';
import { eventsOfType, rejectionOf, startPool, thrownBy, usePoolCleanup, waitFor, within } from './helpers';

usePoolCleanup();

async function collect<T>(iterator: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const value of iterator) out.push(value);
  return out;
}

describe('R10 map: map()', () => {
  test('R10 map: results come in input order, not completion order', async () => {
    // The slow item is second: the fast ones after it finish on the other worker while it runs. The
    // caller asks for the second result only once they have, so a map that yielded whatever is
    // already done would yield them before the slow one.
    const { pool, events } = startPool({ maxWorkers: 2 });
    const items = [0, 1500, 0, 10, 0, 20];
    const results: number[] = [];
    for await (const r of pool.map<number>('nap', items)) {
      if (results.length === 0) {
        const finished = (): number => eventsOfType(events, 'task-finished').length;
        await waitFor(() => finished() >= items.length - 1, 10_000);
      }
      results.push(r);
    }
    expect(results).toEqual(items);
  });

  test('R10 map: map over many items equals the serial map (test_map)', async () => {
    const { pool } = startPool({ maxWorkers: 2 });
    const items = Array.from({ length: 100 }, (_, i) => i);
    expect(await collect(pool.map<number>('square', items))).toEqual(items.map((i) => i * i));
  });

  test('R10 map: every item is submitted at call time', () => {
    const { pool, events } = startPool({ maxWorkers: 2 });
    const iterator = pool.map('square', [1, 2, 3, 4, 5, 6]);
    expect(eventsOfType(events, 'task-submitted')).toHaveLength(6);
    void iterator.return?.();
  });

  test('R10 map: chunksize batches items per task (test_map_chunksize)', async () => {
    const { pool, events } = startPool({ maxWorkers: 2 });
    const items = Array.from({ length: 10 }, (_, i) => i);
    const iterator = pool.map<number>('square', items, { chunksize: 3 });
    const submitted = eventsOfType(events, 'task-submitted');
    expect(submitted.map((e) => e.items)).toEqual([[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]);
    expect(await collect(iterator)).toEqual(items.map((i) => i * i));
    expect(eventsOfType(events, 'task-finished')).toHaveLength(4);
  });

  test('R10 map: chunksize larger than the input is one task', async () => {
    const { pool, events } = startPool({ maxWorkers: 2 });
    expect(await collect(pool.map<number>('square', [1, 2, 3], { chunksize: 64 }))).toEqual([1, 4, 9]);
    expect(eventsOfType(events, 'task-submitted')).toHaveLength(1);
  });

  test.each([
    ['chunksize', 0],
    ['chunksize', -1],
    ['chunksize', 1.5],
    ['buffersize', 0],
    ['buffersize', -2],
    ['buffersize', 2.5],
  ])('R10 map: map throws at call time for %s = %s and submits nothing', (option, value) => {
    const { pool, events } = startPool({ maxWorkers: 1 });
    const error = thrownBy(() => pool.map('square', [1, 2, 3], { [option]: value }));
    expect(error.message).toMatch(new RegExp(option));
    expect(events).toEqual([]);
    expect(pool.pids).toEqual([]);
  });

  test('R10 map: buffersize keeps only that many tasks submitted ahead of the consumer', async () => {
    const { pool, events } = startPool({ maxWorkers: 2 });
    const items = Array.from({ length: 12 }, (_, i) => i);
    const submitted = (): number => eventsOfType(events, 'task-submitted').length;
    const iterator = pool.map<number>('square', items, { buffersize: 3 });
    expect(submitted()).toBe(3);
    const results: number[] = [];
    for await (const r of iterator) {
      results.push(r);
      // At most buffersize tasks beyond what has been consumed (+1 for the one being handed over).
      expect(submitted()).toBeLessThanOrEqual(results.length + 3 + 1);
    }
    expect(results).toEqual(items.map((i) => i * i));
    expect(submitted()).toBe(12);
  });

  test('R10 map: buffersize with chunksize counts chunks', () => {
    const { pool, events } = startPool({ maxWorkers: 2 });
    const iterator = pool.map(
      'square',
      Array.from({ length: 20 }, (_, i) => i),
      { buffersize: 2, chunksize: 4 },
    );
    expect(eventsOfType(events, 'task-submitted').map((e) => e.items)).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
    ]);
    void iterator.return?.();
  });

  test('R10 map: buffersize makes an infinite iterable usable (break ends it)', async () => {
    const { pool, events } = startPool({ maxWorkers: 2 });
    function* naturals(): Generator<number> {
      for (let i = 0; ; i++) yield i;
    }
    const results: number[] = [];
    await within(
      10_000,
      (async () => {
        for await (const r of pool.map<number>('square', naturals(), { buffersize: 4 })) {
          results.push(r);
          if (results.length === 6) break;
        }
      })(),
      'map over an infinite generator',
    );
    expect(results).toEqual([0, 1, 4, 9, 16, 25]);
    expect(eventsOfType(events, 'task-submitted').length).toBeLessThanOrEqual(6 + 4 + 1);
  });

  test('R10 map: an async iterable source is consumed, results in input order', async () => {
    const { pool } = startPool({ maxWorkers: 2 });
    async function* source(): AsyncGenerator<number> {
      for (const ms of [120, 0, 40]) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        yield ms;
      }
    }
    expect(await collect(pool.map<number>('nap', source()))).toEqual([120, 0, 40]);
    expect(await collect(pool.map<number>('square', source(), { chunksize: 2 }))).toEqual([14400, 0, 1600]);
  });

  test('R10 map: a failing item ends the iteration with its error (test_map_exception)', async () => {
    const { pool } = startPool({ maxWorkers: 2 });
    const iterator = pool.map<number>('checkPositive', [1, 2, -3, 4]);
    expect(await iterator.next()).toEqual({ done: false, value: 1 });
    expect(await iterator.next()).toEqual({ done: false, value: 2 });
    const error = await rejectionOf(iterator.next());
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toBe('negative item -3');
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  test('R10 map: after a failing item the pending items are cancelled', async () => {
    const { pool, events } = startPool({ maxWorkers: 1 });
    const items = [1, -1, ...Array.from({ length: 20 }, (_, i) => i + 2)];
    const results: number[] = [];
    const error = await rejectionOf(
      (async () => {
        for await (const r of pool.map<number>('checkPositive', items)) results.push(r);
      })(),
    );
    expect(error.message).toBe('negative item -1');
    expect(results).toEqual([1]);
    const finished = eventsOfType(events, 'task-finished');
    const cancelled = finished.filter((e) => e.status === 'cancelled');
    // One worker works through them one by one: nearly all of the 20 were still waiting.
    expect(cancelled.length).toBeGreaterThanOrEqual(15);
    await within(5000, pool.shutdown(), 'shutdown after a failed map');
    expect(eventsOfType(events, 'task-finished').filter((e) => e.status === 'ok').length).toBeLessThanOrEqual(
      7,
    );
  });

  test('R10 map: stopping early with break cancels the pending items', async () => {
    const { pool, events } = startPool({ maxWorkers: 1 });
    const items = Array.from({ length: 20 }, (_, i) => i);
    for await (const r of pool.map<number>('checkPositive', items)) {
      expect(r).toBe(0);
      break;
    }
    const cancelled = eventsOfType(events, 'task-finished').filter((e) => e.status === 'cancelled');
    expect(cancelled.length).toBeGreaterThanOrEqual(15);
    await within(5000, pool.shutdown(), 'shutdown after break');
  });

  test('R10 map: return() ends the iterator and cancels what has not started', async () => {
    const { pool, events } = startPool({ maxWorkers: 1 });
    const iterator = pool.map<number>('nap', [50, 50, 50, 50, 50, 50]);
    expect(await iterator.next()).toEqual({ done: false, value: 50 });
    expect(await iterator.return!()).toMatchObject({ done: true });
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    await pool.shutdown();
    const statuses = eventsOfType(events, 'task-finished').map((e) => e.status);
    expect(statuses.filter((s) => s === 'cancelled').length).toBeGreaterThanOrEqual(3);
  });

  test('R10 map: timeoutMs raises TimeoutError after the finished items (test_map_timeout)', async () => {
    const { pool, events } = startPool({ maxWorkers: 3 });
    const results: number[] = [];
    const error = await rejectionOf(
      (async () => {
        for await (const r of pool.map<number>('nap', [0, 0, 3000], { timeoutMs: 1000 })) results.push(r);
      })(),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(results).toEqual([0, 0]);
    // The deadline, not the slow item, ended it: that item had not finished.
    expect(eventsOfType(events, 'task-finished').filter((e) => e.status === 'ok')).toHaveLength(2);
  });

  test('R10 map: the timeoutMs deadline is measured from the map() call, not from next()', async () => {
    const { pool } = startPool({ maxWorkers: 1 });
    const iterator = pool.map<number>('nap', [3000], { timeoutMs: 1000 });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    // Already past the deadline: it fails at once instead of granting another 1000 ms. A timer due in
    // 500 ms is the yardstick: timers fire in the order they are due, however loaded the machine.
    const yardstick = new Promise<string>((resolve) => setTimeout(() => resolve('another wait'), 500));
    const first = await Promise.race([rejectionOf(iterator.next()), yardstick]);
    expect(first).toBeInstanceOf(TimeoutError);
  });
});
