/**
 * R13 shutdown: shutdown() — wait, cancelFutures, wait: false, repeated calls, no new work afterwards,
 * `await using`.
 * (CPython: test_shutdown test_run_after_shutdown, test_hang_issue12364,
 * test_cancel_futures, test_cancel_futures_wait_false, test_shutdown_no_wait,
 * test_processes_terminate, test_context_manager_shutdown.)
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ProcessPoolExecutor } from '../index';
import {
  eventsOfType,
  expectAllDead,
  isAlive,
  startPool,
  TASKS,
  thrownBy,
  usePoolCleanup,
  waitFor,
  within,
} from './helpers';

usePoolCleanup();

const AFTER_SHUTDOWN = 'cannot schedule new futures after shutdown';

describe('R13 shutdown: shutdown()', () => {
  test('R13 shutdown: shutdown({ wait: true }) waits for every future, then stops the workers', async () => {
    const { pool, spawnedPids, events } = startPool({ maxWorkers: 2 });
    const futures = Array.from({ length: 5 }, (_, i) => pool.submit<number>('sleepThen', 100, i));
    await within(10_000, pool.shutdown(), 'shutdown');
    expect(futures.every((f) => f.done() && !f.cancelled())).toBe(true);
    expect(await Promise.all(futures.map((f) => f.result()))).toEqual([0, 1, 2, 3, 4]);
    expect(pool.pids).toEqual([]);
    expect(spawnedPids()).toHaveLength(2);
    expect(eventsOfType(events, 'worker-exited').map((e) => [e.reason, e.code])).toEqual([
      ['shutdown', 0],
      ['shutdown', 0],
    ]);
    await expectAllDead(spawnedPids(), 1000);
  });

  test('R13 shutdown: many short tasks then shutdown completes them all (test_hang_issue12364)', async () => {
    const { pool } = startPool({ maxWorkers: 3 });
    const futures = Array.from({ length: 50 }, (_, i) => pool.submit<number>('sleepThen', 5, i));
    await within(15_000, pool.shutdown(), 'shutdown');
    for (const [i, f] of futures.entries()) {
      expect(f.done()).toBe(true);
      expect(await f.result()).toBe(i);
    }
  });

  test('R13 shutdown: cancelFutures cancels the pending futures first (test_cancel_futures)', async () => {
    const { pool, events } = startPool({ maxWorkers: 1 });
    const running = pool.submit<string>('sleepThen', 300, 'ran');
    const pending = Array.from({ length: 8 }, (_, i) => pool.submit('sleepThen', 300, i));
    await waitFor(() => running.running());
    await within(10_000, pool.shutdown({ cancelFutures: true }), 'shutdown');
    expect(await running.result()).toBe('ran');
    expect(pending.every((f) => f.cancelled())).toBe(true);
    // Shutdown waited for the running task only: none of the pending ones was started.
    expect(eventsOfType(events, 'task-dispatched').map((e) => e.task)).toEqual([running.id]);
  });

  test('R13 shutdown: cancelFutures with wait: false returns at once (test_cancel_futures_wait_false)', async () => {
    const { pool, spawnedPids } = startPool({ maxWorkers: 1 });
    const running = pool.submit<string>('sleepThen', 300, 'ran');
    const pending = Array.from({ length: 5 }, (_, i) => pool.submit('add', i, i));
    await waitFor(() => running.running());
    await pool.shutdown({ wait: false, cancelFutures: true });
    expect(running.done()).toBe(false);
    expect(pending.every((f) => f.cancelled())).toBe(true);
    expect(await running.result()).toBe('ran');
    await expectAllDead(spawnedPids());
  });

  test('R13 shutdown: shutdown({ wait: false }) returns at once while the work still completes (test_shutdown_no_wait)', async () => {
    const { pool, spawnedPids, events } = startPool({ maxWorkers: 2 });
    const futures = Array.from({ length: 4 }, (_, i) => pool.submit<number>('sleepThen', 200, i));
    await pool.shutdown({ wait: false });
    expect(futures.some((f) => f.done())).toBe(false);
    expect(() => pool.submit('add', 1, 1)).toThrow(AFTER_SHUTDOWN);
    expect(await within(10_000, Promise.all(futures.map((f) => f.result())), 'results')).toEqual([
      0, 1, 2, 3,
    ]);
    // Then the workers leave by themselves.
    await expectAllDead(spawnedPids());
    expect(await waitFor(() => eventsOfType(events, 'worker-exited').length === 2)).toBe(true);
    expect(eventsOfType(events, 'worker-exited').every((e) => e.reason === 'shutdown')).toBe(true);
  });

  test('R13 shutdown: shutdown({ wait: false }) with maxTasksPerChild still completes everything', async () => {
    const { pool, spawnedPids } = startPool({ maxWorkers: 1, maxTasksPerChild: 1 });
    const futures = Array.from({ length: 3 }, () => pool.submit<number>('pid'));
    await pool.shutdown({ wait: false });
    const pids = await within(15_000, Promise.all(futures.map((f) => f.result())), 'results');
    expect(new Set(pids).size).toBe(3);
    await expectAllDead(spawnedPids());
  });

  test('R13 shutdown: calling shutdown again is harmless (concurrently and after it finished)', async () => {
    const { pool } = startPool({ maxWorkers: 2 });
    const f = pool.submit<string>('sleepThen', 150, 'ok');
    await within(
      10_000,
      Promise.all([pool.shutdown(), pool.shutdown(), pool.shutdown({ wait: false })]),
      'shutdowns',
    );
    expect(await f.result()).toBe('ok');
    await within(5000, pool.shutdown(), 'repeat');
    await within(5000, pool.shutdown({ cancelFutures: true }), 'repeat with cancelFutures');
    await within(5000, pool[Symbol.asyncDispose](), 'asyncDispose after shutdown');
  });

  test('R13 shutdown: after shutdown, submit and map throw "cannot schedule new futures after shutdown" (test_run_after_shutdown)', async () => {
    const { pool, events } = startPool({ maxWorkers: 1 });
    expect(await pool.submit('add', 1, 2).result()).toBe(3);
    await pool.shutdown();
    const submitted = eventsOfType(events, 'task-submitted').length;
    const fromSubmit = thrownBy(() => pool.submit('add', 1, 2));
    expect(fromSubmit).toBeInstanceOf(Error);
    expect(fromSubmit.message).toBe(AFTER_SHUTDOWN);
    // map throws at call time, not on the first next().
    const fromMap = thrownBy(() => pool.map('square', [1, 2, 3]));
    expect(fromMap.message).toBe(AFTER_SHUTDOWN);
    expect(eventsOfType(events, 'task-submitted')).toHaveLength(submitted);
  });

  test('R13 shutdown: submit throws as soon as shutdown() is called, even before it resolves', async () => {
    const { pool } = startPool({ maxWorkers: 1 });
    const f = pool.submit('sleepThen', 200, 1);
    const done = pool.shutdown();
    expect(() => pool.submit('add', 1, 2)).toThrow(AFTER_SHUTDOWN);
    await done;
    expect(await f.result()).toBe(1);
  });

  test('R13 shutdown: the workers are gone when shutdown resolves (test_processes_terminate)', async () => {
    const { pool } = startPool({ maxWorkers: 3 });
    const pids = await Promise.all(
      Array.from({ length: 3 }, () => pool.submit<number>('sleepPid', 100).result()),
    );
    expect(pids.every(isAlive)).toBe(true);
    await pool.shutdown();
    await expectAllDead(pids, 1000);
  });

  test("R13 shutdown: a worker still starting when the work runs out runs its initializer before it exits, as CPython's do", async () => {
    // The first worker is ready at once and runs every task; the others are still in their
    // initializer (600 ms) when shutdown() comes. They finish it, then exit.
    const dir = mkdtempSync(join(tmpdir(), 'pool-init-'));
    try {
      const { pool, events, spawnedPids } = startPool({
        maxWorkers: 3,
        initializer: 'initFirstFast',
        initargs: [dir],
      });
      const futures = [1, 2, 3].map((n) => pool.submit<number>('add', n, n));
      expect(await Promise.all(futures.map((f) => f.result()))).toEqual([2, 4, 6]);
      await within(10_000, pool.shutdown());
      const spawned = spawnedPids();
      expect(spawned.length).toBeGreaterThan(1);
      const initialized = readdirSync(dir).filter((f) => f.startsWith('init-'));
      expect(initialized.sort()).toEqual(spawned.map((pid) => `init-${pid}`).sort());
      expect(eventsOfType(events, 'worker-initialized')).toHaveLength(spawned.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('R13 shutdown: `await using` shuts the pool down at the end of the block (test_context_manager_shutdown)', async () => {
    let pids: number[];
    let escaped: ProcessPoolExecutor;
    let pending: Promise<unknown>;
    {
      await using pool = new ProcessPoolExecutor({ taskModule: TASKS, maxWorkers: 2 });
      escaped = pool;
      pids = await Promise.all([
        pool.submit<number>('sleepPid', 100).result(),
        pool.submit<number>('sleepPid', 100).result(),
      ]);
      // Work still running at the end of the block is waited for, like a `with` block.
      pending = pool.submit('sleepThen', 200, 'waited for').result();
    }
    expect(await pending).toBe('waited for');
    expect(escaped.pids).toEqual([]);
    await expectAllDead(pids, 1000);
    expect(() => escaped.submit('add', 1, 1)).toThrow(AFTER_SHUTDOWN);
  });

  test('R13 shutdown: 1000 tasks then shutdown({ cancelFutures: true }): each finished or cancelled, many cancelled', async () => {
    const { pool, spawnedPids } = startPool({ maxWorkers: 2 });
    const futures = Array.from({ length: 1000 }, (_, i) => pool.submit<number>('sleepThen', 2, i));
    await within(10_000, futures[0]!.result(), 'first result');
    await within(10_000, pool.shutdown({ cancelFutures: true }), 'shutdown with 1000 tasks');
    const cancelled = futures.filter((f) => f.cancelled()).length;
    const finished = futures.filter((f) => f.state === 'FINISHED');
    expect(cancelled + finished.length).toBe(1000);
    expect(cancelled).toBeGreaterThan(500);
    for (const f of finished) expect(f.failed()).toBe(false);
    expect(await futures[0]!.result()).toBe(0);
    await expectAllDead(spawnedPids());
  });
});
