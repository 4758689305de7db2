/**
 * R2 spawn-on-demand, R3 import-and-initializer, R4 max-tasks-per-child, R5 sync-and-async-tasks:
 * workers are spawned on demand and reused, import the task module once and run the initializer first,
 * retire after maxTasksPerChild tasks without hanging, and await async tasks.
 * (CPython: test_process_pool test_idle_process_reuse_*, test_max_tasks_per_child*,
 * test_max_tasks_early_shutdown (gh-115634); test_init.)
 */
import { describe, expect, test } from 'vitest';
import { eventsOfType, startPool, usePoolCleanup, within } from './helpers';

usePoolCleanup();

describe('R2 spawn-on-demand: workers are spawned on demand', () => {
  test.each([
    { n: 3, maxWorkers: 2, expected: 2 },
    { n: 2, maxWorkers: 4, expected: 2 },
    { n: 1, maxWorkers: 3, expected: 1 },
    { n: 4, maxWorkers: 4, expected: 4 },
  ])(
    'R2 spawn-on-demand: $n blocking submits with maxWorkers $maxWorkers create min(N, maxWorkers) = $expected processes',
    async ({ n, maxWorkers, expected }) => {
      const { pool, spawnedPids } = startPool({ maxWorkers });
      const futures = Array.from({ length: n }, () => pool.submit<number>('sleepPid', 200));
      const pids = await Promise.all(futures.map((f) => f.result()));
      expect(spawnedPids()).toHaveLength(expected);
      // (On a loaded machine a worker may finish its task before the last one is up and take
      // the next task too, so the tasks can have run on fewer distinct processes.)
      for (const pid of pids) expect(spawnedPids()).toContain(pid);
      await pool.shutdown();
      expect(spawnedPids()).toHaveLength(expected);
    },
  );

  test('R2 spawn-on-demand: sequential submit().result() calls reuse one process (idle_process_reuse_one)', async () => {
    const { pool, spawnedPids } = startPool({ maxWorkers: 4 });
    const pids: number[] = [];
    for (let i = 0; i < 8; i++) pids.push(await pool.submit<number>('pid').result());
    expect(new Set(pids).size).toBe(1);
    expect(pool.pids).toEqual([pids[0]]);
    expect(spawnedPids()).toEqual([pids[0]]);
  });

  test('R2 spawn-on-demand: with two idle workers, sequential submit().result() calls still keep to one process', async () => {
    const { pool, spawnedPids } = startPool({ maxWorkers: 2 });
    await Promise.all([pool.submit('sleepPid', 100).result(), pool.submit('sleepPid', 100).result()]);
    expect(spawnedPids()).toHaveLength(2);
    const pids: number[] = [];
    for (let i = 0; i < 8; i++) pids.push(await pool.submit<number>('pid').result());
    expect(new Set(pids).size).toBe(1);
  });

  test('R2 spawn-on-demand: an idle worker takes new work before another is spawned (idle_process_reuse_multiple)', async () => {
    const { pool, spawnedPids } = startPool({ maxWorkers: 4 });
    expect(await pool.submit('add', 12, 7).result()).toBe(19);
    // One task goes to the idle worker, only the second needs a new process.
    const a = pool.submit('add', 33, 25);
    const b = pool.submit('add', 25, 26);
    expect(await Promise.all([a.result(), b.result()])).toEqual([58, 51]);
    expect(spawnedPids().length).toBeLessThanOrEqual(2);
    expect(pool.pids.length).toBeLessThanOrEqual(2);
  });

  test('R2 spawn-on-demand: once workers exist, more work than maxWorkers never spawns more of them', async () => {
    const { pool, spawnedPids } = startPool({ maxWorkers: 2 });
    await Promise.all([pool.submit('sleepPid', 100).result(), pool.submit('sleepPid', 100).result()]);
    const futures = Array.from({ length: 10 }, (_, i) => pool.submit<number>('sleepThen', 20, i));
    expect(await Promise.all(futures.map((f) => f.result()))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(spawnedPids()).toHaveLength(2);
  });
});

describe('R3 import-and-initializer: module import and initializer', () => {
  test('R3 import-and-initializer: each worker imports the task module once', async () => {
    const { pool } = startPool({ maxWorkers: 2 });
    const counts = await Promise.all(
      Array.from({ length: 6 }, () => pool.submit<number>('importCount').result()),
    );
    for (let i = 0; i < 4; i++) counts.push(await pool.submit<number>('importCount').result());
    expect(new Set(counts)).toEqual(new Set([1]));
  });

  test('R3 import-and-initializer: the initializer runs once per worker with initargs, before its first task', async () => {
    const { pool } = startPool({ maxWorkers: 2, initializer: 'init', initargs: ['initialized'] });
    type State = { value: string; calls: number; pid: number };
    const states = await Promise.all(
      Array.from({ length: 6 }, () => pool.submit<State>('initState').result()),
    );
    for (const state of states) {
      expect(state.value).toBe('initialized');
      expect(state.calls).toBe(1);
    }
    const later = await pool.submit<State>('initState').result();
    expect(later.calls).toBe(1);
  });

  test('R3 import-and-initializer: an initializer passed as a named function is sent by its name', async () => {
    // Stands in for the fixture's export of the same name: only the name travels.
    function init(_value: unknown): void {}
    const { pool } = startPool({ maxWorkers: 1, initializer: init, initargs: [{ deep: [1, 2] }] });
    const state = await pool.submit<{ value: unknown; calls: number }>('initState').result();
    expect(state).toMatchObject({ value: { deep: [1, 2] }, calls: 1 });
  });

  test('R3 import-and-initializer: a replacement worker (maxTasksPerChild) runs the initializer again', async () => {
    const { pool } = startPool({
      maxWorkers: 1,
      maxTasksPerChild: 1,
      initializer: 'init',
      initargs: [7],
    });
    const futures = Array.from({ length: 3 }, () =>
      pool.submit<{ value: number; calls: number; pid: number }>('initState'),
    );
    const states = await Promise.all(futures.map((f) => f.result()));
    expect(new Set(states.map((s) => s.pid)).size).toBe(3);
    for (const state of states) expect(state).toMatchObject({ value: 7, calls: 1 });
  });
});

describe('R4 max-tasks-per-child: maxTasksPerChild', () => {
  test.each([1, 2, 3])(
    'R4 max-tasks-per-child: maxTasksPerChild = %i with more tasks than workers completes, each PID runs at most k tasks',
    async (k) => {
      const tasks = 7;
      const { pool, events } = startPool({ maxWorkers: 2, maxTasksPerChild: k });
      const futures = Array.from({ length: tasks }, () => pool.submit<number>('sleepPid', 10));
      const pids = await within(
        20_000,
        Promise.all(futures.map((f) => f.result())),
        `${tasks} tasks with maxTasksPerChild=${k}`,
      );
      const perPid = new Map<number, number>();
      for (const pid of pids) perPid.set(pid, (perPid.get(pid) ?? 0) + 1);
      for (const count of perPid.values()) expect(count).toBeLessThanOrEqual(k);
      expect(perPid.size).toBeGreaterThanOrEqual(Math.ceil(tasks / k));

      await within(10_000, pool.shutdown(), 'shutdown');
      // Every worker that used up its quota left cleanly, as 'recycled'; the others at shutdown.
      const exits = new Map(eventsOfType(events, 'worker-exited').map((e) => [e.pid, e]));
      expect(exits.size).toBe(perPid.size);
      for (const [pid, count] of perPid) {
        const exit = exits.get(pid);
        expect(exit).toMatchObject({ code: 0, reason: count === k ? 'recycled' : 'shutdown', tasks: count });
      }
    },
  );

  test('R4 max-tasks-per-child: maxWorkers 1, maxTasksPerChild 1, six tasks submitted at once do not hang (gh-115634)', async () => {
    const { pool } = startPool({ maxWorkers: 1, maxTasksPerChild: 1 });
    const futures = Array.from({ length: 6 }, (_, i) => pool.submit<number>('square', i));
    const results = await within(20_000, Promise.all(futures.map((f) => f.result())), 'gh-115634 run');
    expect(results).toEqual([0, 1, 4, 9, 16, 25]);
    await within(10_000, pool.shutdown(), 'shutdown');
  });

  test('R4 max-tasks-per-child: a worker is replaced only while work remains', async () => {
    const { pool, spawnedPids, events } = startPool({ maxWorkers: 1, maxTasksPerChild: 2 });
    const futures = Array.from({ length: 4 }, () => pool.submit<number>('sleepPid', 10));
    const pids = await Promise.all(futures.map((f) => f.result()));
    expect(new Set(pids).size).toBe(2);
    expect(pids[0]).toBe(pids[1]);
    expect(pids[2]).toBe(pids[3]);
    // Both workers retire after their 2nd task; no third worker is started for no work.
    await pool.shutdown();
    expect(spawnedPids()).toHaveLength(2);
    expect(eventsOfType(events, 'worker-exited').map((e) => e.reason)).toEqual(['recycled', 'recycled']);
  });

  test('R4 max-tasks-per-child: sequential tasks with maxTasksPerChild 2 change PID every two tasks', async () => {
    const { pool } = startPool({ maxWorkers: 2, maxTasksPerChild: 2 });
    const pids: number[] = [];
    for (let i = 0; i < 6; i++) pids.push(await pool.submit<number>('pid').result());
    expect(pids[0]).toBe(pids[1]);
    expect(pids[2]).toBe(pids[3]);
    expect(pids[4]).toBe(pids[5]);
    expect(new Set(pids).size).toBe(3);
  });

  test('R4 max-tasks-per-child: map with maxTasksPerChild and chunks completes', async () => {
    const { pool } = startPool({ maxWorkers: 2, maxTasksPerChild: 2 });
    const results: number[] = [];
    const items = Array.from({ length: 30 }, (_, i) => i);
    await within(
      20_000,
      (async () => {
        for await (const r of pool.map<number>('square', items, { chunksize: 3 })) results.push(r);
      })(),
      'map',
    );
    expect(results).toEqual(items.map((i) => i * i));
  });
});

describe('R5 sync-and-async-tasks: sync and async tasks', () => {
  test('R5 sync-and-async-tasks: an async task is awaited by the worker and its resolved value returned', async () => {
    const { pool } = startPool({ maxWorkers: 1 });
    expect(await pool.submit('asyncSleepThen', 50, { done: true }).result()).toEqual({ done: true });
    expect(await pool.submit('add', 2, 3).result()).toBe(5);
  });

  test('R5 sync-and-async-tasks: a rejected async task rejects its future with the error', async () => {
    const { pool } = startPool({ maxWorkers: 1 });
    const error = await pool.submit('asyncFail', 'async boom').exception();
    expect(error).toBeInstanceOf(RangeError);
    expect((error as Error).message).toBe('async boom');
  });

  test('R5 sync-and-async-tasks: a worker runs one async task at a time (results in submission order on one worker)', async () => {
    const { pool } = startPool({ maxWorkers: 1 });
    const order: number[] = [];
    const futures = [150, 10, 80].map((ms, i) => {
      const f = pool.submit<number>('asyncSleepThen', ms, i);
      f.addDoneCallback(() => order.push(i));
      return f;
    });
    await Promise.all(futures.map((f) => f.result()));
    expect(order).toEqual([0, 1, 2]);
  });
});
