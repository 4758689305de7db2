/**
 * The lifecycle event stream (see events.ts and the pool's README): complete and
 * consistent for a small run, exit reasons in each scenario, console output tagged with PID and task,
 * subscribe().
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { PoolEvent } from '../index';
import {
  eventsOfType,
  pidOfTask,
  rejectionOf,
  startPool,
  usePoolCleanup,
  waitFor,
  within,
  testOnPosix,
} from './helpers';

usePoolCleanup();
afterEach(() => {
  vi.restoreAllMocks();
});

/**
 * Clock skew allowed between a worker's stamps and the parent's. Usually well
 * under 1 ms on one machine, but each process reads its time origin at start-up,
 * and a loaded machine can deschedule it in between: be generous.
 */
const SKEW_MS = 50;

/**
 * Stamped by the parent when emitted. The rest carry a worker's own stamp: a
 * worker's 'ready', its console output, and 'task-started' for a task that was
 * queued on a worker (it started when the one ahead of it finished there).
 */
/** Events stamped by the parent as it emits them (worker-spawned carries the moment of launching). */
function parentStamped(e: PoolEvent): boolean {
  return (
    e.type !== 'worker-ready' &&
    e.type !== 'worker-spawned' &&
    e.type !== 'task-started' &&
    !(e.type === 'console' && !e.raw)
  );
}

describe('events: a small run', () => {
  test('events: every task goes submitted → dispatched → started → finished; every worker spawned → ready → exited', async () => {
    const wallStart = Date.now();
    const { pool, events } = startPool({ maxWorkers: 2 });
    const futures = [0, 1, 2, 3].map((i) => pool.submit('logThen', `hello-${i}`, i));
    const failing = pool.submit('failCustom', 'event failure');
    expect(await Promise.all(futures.map((f) => f.result()))).toEqual([0, 1, 2, 3]);
    await rejectionOf(failing.result());
    await pool.shutdown();
    const wallEnd = Date.now();

    // Tasks.
    const submitted = eventsOfType(events, 'task-submitted');
    expect(submitted.map((e) => e.fn)).toEqual(['logThen', 'logThen', 'logThen', 'logThen', 'failCustom']);
    expect(submitted[0]!.args).toEqual(['hello-0', 0]);
    expect(new Set(submitted.map((e) => e.task)).size).toBe(5);
    for (const { task } of submitted) {
      const own = events.filter((e) => 'task' in e && e.task === task && e.type.startsWith('task-'));
      expect(own.map((e) => e.type)).toEqual([
        'task-submitted',
        'task-dispatched',
        'task-started',
        'task-finished',
      ]);
      const [sub, disp, start, fin] = own as [
        Extract<PoolEvent, { type: 'task-submitted' }>,
        Extract<PoolEvent, { type: 'task-dispatched' }>,
        Extract<PoolEvent, { type: 'task-started' }>,
        Extract<PoolEvent, { type: 'task-finished' }>,
      ];
      expect(disp.pid).toBe(start.pid);
      expect(fin.pid).toBe(disp.pid);
      expect(fin.worker).toBe(disp.worker);
      expect(sub.at).toBeLessThanOrEqual(disp.at);
      expect(disp.at).toBeLessThanOrEqual(start.at + SKEW_MS);
      expect(start.at).toBeLessThanOrEqual(fin.at);
      expect(start.at).toBeLessThanOrEqual(fin.started! + SKEW_MS);
      // Worker-side stamps of the call sit between dispatch and the parent hearing of it.
      expect(fin.started).toBeLessThanOrEqual(fin.finished!);
      expect(fin.started!).toBeGreaterThanOrEqual(disp.at - SKEW_MS);
      expect(fin.finished!).toBeLessThanOrEqual(fin.at + SKEW_MS);
      if (sub.fn === 'logThen') {
        expect(fin.status).toBe('ok');
        expect(fin.value).toBe(sub.args![1]);
      } else {
        expect(fin.status).toBe('error');
        expect(fin.error).toMatchObject({ name: 'CustomError', message: 'event failure' });
      }
    }

    // Workers.
    const spawned = eventsOfType(events, 'worker-spawned');
    expect(spawned).toHaveLength(2);
    const taskPids = new Set(eventsOfType(events, 'task-dispatched').map((e) => e.pid));
    // (A fast worker may run all five before the second one is ready.)
    for (const pid of taskPids) expect(spawned.map((e) => e.pid)).toContain(pid);
    let tasksRun = 0;
    for (const { worker, pid } of spawned) {
      const own = events.filter((e) => e.type.startsWith('worker-') && 'worker' in e && e.worker === worker);
      const ranTasks = taskPids.has(pid);
      if (!ranTasks && own.length === 2) {
        // Spawned for work that another worker finished first, and stopped by shutdown while
        // still starting: it never became ready.
        expect(own.map((e) => e.type)).toEqual(['worker-spawned', 'worker-exited']);
        expect(own[1]).toMatchObject({ pid, reason: 'shutdown', tasks: 0 });
        continue;
      }
      expect(own.map((e) => e.type)).toEqual(['worker-spawned', 'worker-ready', 'worker-exited']);
      const [sp, ready, exit] = own as [
        Extract<PoolEvent, { type: 'worker-spawned' }>,
        Extract<PoolEvent, { type: 'worker-ready' }>,
        Extract<PoolEvent, { type: 'worker-exited' }>,
      ];
      expect(ready.pid).toBe(pid);
      expect(exit).toMatchObject({ pid, code: 0, signal: null, reason: 'shutdown' });
      expect(ready.at).toBeGreaterThanOrEqual(sp.at - SKEW_MS);
      expect(exit.at).toBeGreaterThanOrEqual(ready.at - SKEW_MS);
      // A worker is ready before it is handed work.
      for (const d of eventsOfType(events, 'task-dispatched').filter((e) => e.worker === worker)) {
        expect(d.at).toBeGreaterThanOrEqual(ready.at - SKEW_MS);
      }
      tasksRun += exit.tasks;
    }
    expect(tasksRun).toBe(5);

    // Console output, tagged with the PID and the task that wrote it.
    for (const { task, args } of submitted.slice(0, 4)) {
      const pid = eventsOfType(events, 'task-dispatched').find((e) => e.task === task)!.pid;
      const text = String(args![0]);
      const out = eventsOfType(events, 'console').filter((e) => e.task === task);
      expect(out).toContainEqual(
        expect.objectContaining({ stream: 'stdout', text: `${text}\n`, pid, raw: false }),
      );
      expect(out).toContainEqual(
        expect.objectContaining({ stream: 'stderr', text: `err:${text}\n`, pid, raw: false }),
      );
      // A task's output arrives before its result.
      const finishedIndex = events.findIndex((e) => e.type === 'task-finished' && e.task === task);
      const outIndex = events.findIndex((e) => e.type === 'console' && e.task === task);
      expect(outIndex).toBeLessThan(finishedIndex);
    }

    // Timestamps: plausible epoch milliseconds, and the parent's own stamps never go back.
    for (const e of events) {
      expect(e.at).toBeGreaterThanOrEqual(wallStart - 1000);
      expect(e.at).toBeLessThanOrEqual(wallEnd + 1000);
    }
    const parentTimes = events.filter(parentStamped).map((e) => e.at);
    expect(parentTimes).toEqual([...parentTimes].sort((a, b) => a - b));
    // A worker is launched before it is ready: its start-up is never negative.
    for (const ready of eventsOfType(events, 'worker-ready')) {
      const spawned = eventsOfType(events, 'worker-spawned').find((e) => e.worker === ready.worker)!;
      expect(spawned.at).toBeLessThanOrEqual(ready.at);
    }
    expect(eventsOfType(events, 'pool-broken')).toEqual([]);
  });

  test('events: a task cancelled before it ran finishes as cancelled, without a worker', async () => {
    const { pool, events } = startPool({ maxWorkers: 1 });
    const blocker = pool.submit('sleepThen', 200, 1);
    const queued = pool.submit('add', 1, 2);
    const after = pool.submit('add', 2, 3);
    expect(queued.cancel()).toBe(true);
    await blocker.result();
    expect(await after.result()).toBe(5);
    // Look once the pool has drained: a cancelled task dispatched late would show by now.
    await pool.shutdown({ wait: true });
    const task = eventsOfType(events, 'task-submitted')[1]!.task;
    const own = events.filter((e) => 'task' in e && e.task === task && e.type.startsWith('task-'));
    expect(own.map((e) => e.type)).toEqual(['task-submitted', 'task-finished']);
    expect(own[1]).toMatchObject({ status: 'cancelled' });
    expect(own[1]).not.toHaveProperty('worker');
  });

  test('events: a map chunk is one task carrying its items', async () => {
    const { pool, events } = startPool({ maxWorkers: 1 });
    const results: number[] = [];
    for await (const r of pool.map<number>('square', [1, 2, 3, 4, 5], { chunksize: 2 })) results.push(r);
    expect(results).toEqual([1, 4, 9, 16, 25]);
    expect(eventsOfType(events, 'task-submitted').map((e) => e.items)).toEqual([[1, 2], [3, 4], [5]]);
    expect(eventsOfType(events, 'task-finished').map((e) => e.value)).toEqual([[1, 4], [9, 16], [25]]);
  });

  test('events: output that bypasses console arrives from the raw pipe, tagged with the pid', async () => {
    const { pool, events } = startPool({ maxWorkers: 1 });
    const pid = await pool.submit<number>('pid').result();
    await pool.submit('writeRaw', 'straight to fd 1\n').result();
    expect(
      await waitFor(() =>
        eventsOfType(events, 'console').some((e) => e.raw && e.text.includes('straight to fd 1')),
      ),
    ).toBe(true);
    const raw = eventsOfType(events, 'console').find((e) => e.raw)!;
    expect(raw).toMatchObject({ pid, stream: 'stdout' });
  });
});

describe('events: why a worker exited', () => {
  test("events: 'shutdown' for workers stopped by shutdown()", async () => {
    const { pool, events } = startPool({ maxWorkers: 1 });
    await pool.submit('add', 1, 1).result();
    await pool.shutdown();
    expect(eventsOfType(events, 'worker-exited')).toEqual([
      expect.objectContaining({ reason: 'shutdown', code: 0, signal: null, tasks: 1 }),
    ]);
  });

  test("events: 'recycled' for workers that reached maxTasksPerChild", async () => {
    const { pool, events } = startPool({ maxWorkers: 1, maxTasksPerChild: 2 });
    for (let i = 0; i < 4; i++) await pool.submit('add', i, i).result();
    await pool.shutdown();
    const exits = eventsOfType(events, 'worker-exited');
    expect(exits.map((e) => [e.reason, e.code, e.tasks])).toEqual([
      ['recycled', 0, 2],
      ['recycled', 0, 2],
    ]);
  });

  test("events: 'crash' (and pool-broken) for process.exit() in a task; others stopped as 'shutdown'", async () => {
    const { pool, events } = startPool({ maxWorkers: 2 });
    const sleeper = pool.submit('sleepThen', 3000, 1);
    const crash = pool.submit('sleepThenExit', 100, 3);
    await rejectionOf(crash.result());
    await rejectionOf(sleeper.result());
    await within(5000, pool.shutdown(), 'shutdown');
    const crashPid = pidOfTask(events, 1)!;
    const exits = eventsOfType(events, 'worker-exited');
    expect(exits).toHaveLength(2);
    expect(exits.find((e) => e.pid === crashPid)).toMatchObject({ reason: 'crash', code: 3, signal: null });
    expect(exits.find((e) => e.pid !== crashPid)).toMatchObject({ reason: 'shutdown' });
    const broken = eventsOfType(events, 'pool-broken');
    expect(broken).toHaveLength(1);
    expect(broken[0]!.message).toContain(String(crashPid));
  });

  testOnPosix("events: 'killed' for workers stopped by terminateWorkers()", async () => {
    const { pool, events } = startPool({ maxWorkers: 1 });
    const f = pool.submit('spin');
    await waitFor(() => f.running());
    pool.terminateWorkers();
    await rejectionOf(f.result());
    await pool.shutdown();
    expect(eventsOfType(events, 'worker-exited')).toEqual([
      expect.objectContaining({ reason: 'killed', signal: 'SIGTERM' }),
    ]);
    expect(eventsOfType(events, 'task-finished')).toEqual([
      expect.objectContaining({
        status: 'error',
        error: expect.objectContaining({ name: 'BrokenProcessPool' }),
      }),
    ]);
    expect(eventsOfType(events, 'pool-broken')).toEqual([]);
  });

  test("events: 'oom' for a worker out of memory", async () => {
    const { pool, events } = startPool({ maxWorkers: 1, workerExecArgv: ['--max-old-space-size=16'] });
    await rejectionOf(pool.submit('exhaustMemory').result());
    await pool.shutdown();
    expect(eventsOfType(events, 'worker-exited')).toEqual([expect.objectContaining({ reason: 'oom' })]);
  });

  test("events: 'init-failed' for a worker whose initializer threw", async () => {
    const { pool, events } = startPool({ maxWorkers: 1, initializer: 'failingInit', initargs: ['no'] });
    await rejectionOf(pool.submit('add', 1, 1).result());
    await pool.shutdown();
    const types = events.map((e) => e.type);
    expect(types).toContain('worker-spawned');
    expect(types).not.toContain('worker-ready');
    expect(eventsOfType(events, 'worker-exited')).toEqual([
      expect.objectContaining({ reason: 'init-failed' }),
    ]);
    expect(eventsOfType(events, 'pool-broken')).toHaveLength(1);
  });
});

describe('events: subscribe()', () => {
  test('events: subscribe() delivers the same events, and its return value unsubscribes', async () => {
    const { pool, events } = startPool({ maxWorkers: 1 });
    const seen: PoolEvent[] = [];
    const unsubscribe = pool.subscribe((e) => seen.push(e));
    await pool.submit('add', 1, 1).result();
    expect(seen).toEqual(events);
    unsubscribe();
    const count = seen.length;
    await pool.submit('add', 2, 2).result();
    expect(seen).toHaveLength(count);
    expect(events.length).toBeGreaterThan(count);
  });

  test('events: a throwing listener is reported and changes nothing for the pool', async () => {
    const report = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { pool, events } = startPool({ maxWorkers: 1 });
    const unsubscribe = pool.subscribe(() => {
      throw new Error('listener bug');
    });
    expect(await pool.submit('add', 20, 22).result()).toBe(42);
    await pool.shutdown();
    unsubscribe();
    expect(report).toHaveBeenCalled();
    expect(String(report.mock.calls[0]![0])).toMatch(/listener/);
    expect(eventsOfType(events, 'task-finished')).toEqual([
      expect.objectContaining({ status: 'ok', value: 42 }),
    ]);
    expect(eventsOfType(events, 'worker-exited')).toEqual([expect.objectContaining({ reason: 'shutdown' })]);
  });
});
