/**
 * Shared helpers for the pool's tests: pools on the fixture task module that
 * record their lifecycle events and are always torn down after each test,
 * and checks that worker processes are really gone.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, test } from 'vitest';
import { Future, ProcessPoolExecutor, type PoolEvent, type ProcessPoolExecutorOptions } from '../index';

/** The fixture task module (plain ESM, so workers import it as it is). */
export const TASKS = fileURLToPath(new URL('./fixtures/tasks.mjs', import.meta.url));
export const BROKEN_MODULE = fileURLToPath(new URL('./fixtures/broken-module.mjs', import.meta.url));
/** The pool's public entry, for scripts run in a separate Node process. */
export const POOL_INDEX = fileURLToPath(new URL('../index.ts', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * For tests that assert how a process was killed by its signal's name (SIGKILL, SIGTERM, SIGABRT):
 * only POSIX systems have signals. On Windows a killed process just exits with a code, so there
 * these tests are skipped (the same scenarios without the names are covered by the others).
 */
export const testOnPosix = test.skipIf(process.platform === 'win32');

export interface TestPool {
  pool: ProcessPoolExecutor;
  /** Every lifecycle event, in the order the pool emitted them. */
  events: PoolEvent[];
  /** PIDs of every worker this pool spawned so far (alive or not). */
  spawnedPids(): number[];
}

const openPools = new Set<TestPool>();

/** A pool on the fixture module that records its events; torn down after the test. */
export function startPool(options: Partial<ProcessPoolExecutorOptions> = {}): TestPool {
  const events: PoolEvent[] = [];
  const pool = new ProcessPoolExecutor({
    taskModule: TASKS,
    maxWorkers: 2,
    ...options,
    onEvent: (event) => {
      events.push(event);
      options.onEvent?.(event);
    },
  });
  const testPool: TestPool = {
    pool,
    events,
    spawnedPids: () => spawnedPids(events),
  };
  openPools.add(testPool);
  return testPool;
}

export function spawnedPids(events: readonly PoolEvent[]): number[] {
  return events.flatMap((e) => (e.type === 'worker-spawned' ? [e.pid] : []));
}

export function eventsOfType<T extends PoolEvent['type']>(
  events: readonly PoolEvent[],
  type: T,
): Extract<PoolEvent, { type: T }>[] {
  return events.filter((e): e is Extract<PoolEvent, { type: T }> => e.type === type);
}

/** The PID of the worker that ran the `index`-th task submitted to the pool (0-based). */
export function pidOfTask(events: readonly PoolEvent[], index: number): number | undefined {
  const task = eventsOfType(events, 'task-submitted')[index]?.task;
  return eventsOfType(events, 'task-dispatched').find((e) => e.task === task)?.pid;
}

/**
 * Call once per test file: after each test, every pool started with
 * startPool() is stopped (killWorkers + shutdown) and none of its workers
 * may still be alive.
 */
export function usePoolCleanup(): void {
  afterEach(async () => {
    const pools = [...openPools];
    openPools.clear();
    for (const { pool } of pools) {
      pool.killWorkers();
      await pool.shutdown();
    }
    await expectAllDead(pools.flatMap((p) => p.spawnedPids()));
  });
}

/**
 * Whether a process exists. `process.kill(pid, 0)` also succeeds for a
 * zombie (dead, not yet reaped — orphans re-parented to an init that does
 * not reap stay so), which for our purposes is gone.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ESRCH') return false;
    if (code === 'EPERM') return true;
    throw error;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') return false;
  } catch {
    // No /proc (or the process vanished meanwhile): trust kill(pid, 0).
  }
  return true;
}

/** Poll until `condition()` holds; false if it still does not after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 5000, intervalMs = 20): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (condition()) return true;
    if (performance.now() > deadline) return false;
    await delay(intervalMs);
  }
}

/** Every PID in `pids` must be gone within `withinMs`. */
export async function expectAllDead(pids: Iterable<number>, withinMs = 5000): Promise<void> {
  const list = [...new Set(pids)];
  await waitFor(() => list.every((pid) => !isAlive(pid)), withinMs);
  expect(
    list.filter((pid) => isAlive(pid)),
    'worker processes still alive',
  ).toEqual([]);
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Settles with what `promise` rejected with; fails the test if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

/** What `fn()` throws synchronously; fails the test if it does not throw. */
export function thrownBy(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

/** Rejects with a clear message if `promise` takes longer than `ms` (instead of a bare test timeout). */
export function within<T>(ms: number, promise: Promise<T>, what = 'operation'): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The 1-based line of the first line of the fixture module containing `text`. */
export function fixtureLine(text: string): number {
  const lines = readFileSync(TASKS, 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`fixture has no line containing ${text}`);
  return index + 1;
}

// ---- Pre-made futures in each state, as CPython's test_concurrent_futures builds them ----

export function pendingFuture<R = unknown>(): Future<R> {
  return new Future<R>();
}

export function runningFuture<R = unknown>(): Future<R> {
  const f = new Future<R>();
  f.setRunningOrNotifyCancel();
  return f;
}

export function cancelledFuture<R = unknown>(): Future<R> {
  const f = new Future<R>();
  f.cancel();
  return f;
}

/** Cancelled, and the executor has seen it (setRunningOrNotifyCancel returned false). */
export function cancelledAndNotifiedFuture<R = unknown>(): Future<R> {
  const f = cancelledFuture<R>();
  f.setRunningOrNotifyCancel();
  return f;
}

export function exceptionFuture<R = unknown>(error: unknown = new Error('premade failure')): Future<R> {
  const f = new Future<R>();
  f.setRunningOrNotifyCancel();
  f.setException(error);
  return f;
}

export function successfulFuture<R>(value: R): Future<R> {
  const f = new Future<R>();
  f.setRunningOrNotifyCancel();
  f.setResult(value);
  return f;
}
