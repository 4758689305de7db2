/**
 * R12 broken-pool (and R3 import-and-initializer: a failing initializer): a worker that dies
 * unexpectedly breaks the pool. Every pending and running future rejects with its own
 * BrokenProcessPool naming the PID and exit code or signal, the other workers are stopped, later
 * submit/map throw — and no process is left behind.
 * (CPython: test_process_pool test_killed_child, test_broken_process_pool_*,
 * test_init's failing initializer, test_deadlock's exit/crash cases,
 * test_shutdown_deadlock.)
 */
import { describe, expect, test } from 'vitest';
import { BrokenExecutor, BrokenProcessPool, type Future, RemoteTraceback } from '../index';
import {
  BROKEN_MODULE,
  eventsOfType,
  expectAllDead,
  fixtureLine,
  pidOfTask,
  rejectionOf,
  startPool,
  thrownBy,
  usePoolCleanup,
  waitFor,
  within,
  testOnPosix,
} from './helpers';

usePoolCleanup();

/** What every future must have failed with; they are distinct errors. */
async function brokenErrors(futures: Future[]): Promise<BrokenProcessPool[]> {
  const errors = await within(
    10_000,
    Promise.all(futures.map((f) => rejectionOf(f.result()))),
    'futures of a broken pool',
  );
  for (const error of errors) {
    expect(error).toBeInstanceOf(BrokenProcessPool);
    expect(error).toBeInstanceOf(BrokenExecutor);
  }
  expect(new Set(errors).size).toBe(errors.length);
  return errors as BrokenProcessPool[];
}

function expectUnusable(pool: {
  submit: (fn: string, ...args: unknown[]) => unknown;
  map: (fn: string, items: number[]) => unknown;
}): void {
  expect(thrownBy(() => pool.submit('add', 1, 2))).toBeInstanceOf(BrokenProcessPool);
  expect(thrownBy(() => pool.map('square', [1, 2]))).toBeInstanceOf(BrokenProcessPool);
}

describe('R12 broken-pool: a worker dying breaks the pool', () => {
  test('R12 broken-pool: process.exit(3) in a task: BrokenProcessPool naming the PID and code 3 for running and pending futures', async () => {
    const { pool, spawnedPids } = startPool({ maxWorkers: 1 });
    const workerPid = await pool.submit<number>('pid').result();
    const exiting = pool.submit('exitWith', 3);
    const pending = [pool.submit('add', 1, 1), pool.submit('sleepThen', 10, 2), pool.submit('square', 3)];
    const errors = await brokenErrors([exiting, ...pending]);
    for (const error of errors) {
      expect(error.message).toContain(String(workerPid));
      expect(error.message).toMatch(/code 3/);
    }
    expectUnusable(pool);
    const later = thrownBy(() => pool.submit('add', 1, 2));
    expect(later.message).toContain(String(workerPid));
    await within(5000, pool.shutdown(), 'shutdown of a broken pool');
    await expectAllDead(spawnedPids());
  });

  test('R12 broken-pool: the other workers are stopped and their running futures fail at once', async () => {
    const { pool, spawnedPids, events } = startPool({ maxWorkers: 2 });
    // Two workers: one sleeps for long; once the other is idle, it gets a task that exits.
    const sleeper = pool.submit<number>('sleepPid', 4000);
    await pool.submit('sleepThen', 200, null).result();
    const crash = pool.submit('exitWith', 3);
    const errors = await brokenErrors([crash, sleeper]);
    expect(errors[1]!.message).toMatch(/code 3/);
    // The sleeper's worker was stopped: its task never finished running.
    const sleeperEnd = eventsOfType(events, 'task-finished').find((e) => e.task === sleeper.id);
    expect(sleeperEnd).toMatchObject({ status: 'error' });
    expect(sleeperEnd).not.toHaveProperty('finished');
    await expectAllDead(spawnedPids());
    expect(eventsOfType(events, 'pool-broken')).toHaveLength(1);
  });

  testOnPosix('R12 broken-pool: a worker killed with SIGKILL from outside (test_killed_child)', async () => {
    const { pool, spawnedPids, events } = startPool({ maxWorkers: 2 });
    const busy = pool.submit('sleepThen', 3000, 'busy');
    const other = pool.submit('sleepThen', 3000, 'other');
    const queued = pool.submit('add', 1, 1);
    await waitFor(() => busy.running() && other.running());
    const busyPid = pidOfTask(events, 0)!;
    process.kill(busyPid, 'SIGKILL');
    const errors = await brokenErrors([busy, other, queued]);
    for (const error of errors) {
      expect(error.message).toContain(String(busyPid));
      expect(error.message).toContain('SIGKILL');
    }
    expectUnusable(pool);
    await expectAllDead(spawnedPids());
  });

  testOnPosix('R12 broken-pool: an idle worker killed from outside also breaks the pool', async () => {
    const { pool, spawnedPids } = startPool({ maxWorkers: 1 });
    const workerPid = await pool.submit<number>('pid').result();
    process.kill(workerPid, 'SIGKILL');
    await waitFor(() => {
      try {
        pool.submit('add', 1, 1);
        return false;
      } catch {
        return true;
      }
    });
    const error = thrownBy(() => pool.submit('add', 1, 2));
    expect(error).toBeInstanceOf(BrokenProcessPool);
    expect(error.message).toContain(String(workerPid));
    expect(error.message).toContain('SIGKILL');
    await expectAllDead(spawnedPids());
  });

  testOnPosix('R12 broken-pool: a worker killing itself with SIGKILL inside a task', async () => {
    const { pool, spawnedPids } = startPool({ maxWorkers: 1 });
    const f = pool.submit('killSelf');
    const [error] = await brokenErrors([f]);
    expect(error!.message).toContain(String(spawnedPids()[0]));
    expect(error!.message).toMatch(/SIGKILL/);
    expectUnusable(pool);
    await expectAllDead(spawnedPids());
  });

  testOnPosix('R12 broken-pool: process.abort() in a task', async () => {
    const { pool, spawnedPids, events } = startPool({ maxWorkers: 2 });
    const f = pool.submit('abort');
    const other = pool.submit('sleepThen', 3000, 'never');
    const errors = await brokenErrors([f, other]);
    const abortedPid = pidOfTask(events, 0)!;
    for (const error of errors) {
      expect(error.message).toContain(String(abortedPid));
      expect(error.message).toMatch(/SIGABRT|code 134/);
    }
    expectUnusable(pool);
    await expectAllDead(spawnedPids());
  });

  test('R12 broken-pool: a worker running out of memory', async () => {
    const { pool, spawnedPids } = startPool({ maxWorkers: 1, workerExecArgv: ['--max-old-space-size=16'] });
    expect(await pool.submit('add', 1, 1).result()).toBe(2);
    const f = pool.submit('exhaustMemory');
    const pending = pool.submit('add', 2, 2);
    const errors = await brokenErrors([f, pending]);
    for (const error of errors) {
      expect(error.message).toContain(String(spawnedPids()[0]));
      expect(error.message).toMatch(/out of memory/);
    }
    expectUnusable(pool);
    await expectAllDead(spawnedPids());
  });

  test('R12 broken-pool: shutdown() while a worker crashes does not hang (test_shutdown_deadlock)', async () => {
    const { pool, spawnedPids } = startPool({ maxWorkers: 2 });
    const crash = pool.submit('sleepThenExit', 100, 5);
    const others = Array.from({ length: 4 }, (_, i) => pool.submit('sleepThen', 300, i));
    await within(10_000, pool.shutdown(), 'shutdown during a crash');
    const error = await rejectionOf(crash.result());
    expect(error).toBeInstanceOf(BrokenProcessPool);
    expect(error.message).toMatch(/code 5/);
    // Every other future settled one way or the other; none is left hanging.
    expect(others.every((f) => f.done())).toBe(true);
    await expectAllDead(spawnedPids());
  });

  test('R12 broken-pool: a task module that fails to import breaks the pool, naming the module and error', async () => {
    const { pool, spawnedPids } = startPool({ maxWorkers: 1, taskModule: BROKEN_MODULE });
    const [error] = await brokenErrors([pool.submit('never')]);
    expect(error!.message).toContain('broken-module.mjs');
    expect(error!.message).toContain('the broken module fails while loading');
    expect(error!.cause).toBeInstanceOf(RemoteTraceback);
    expectUnusable(pool);
    await expectAllDead(spawnedPids());
  });
});

describe('R3 import-and-initializer: a failing initializer breaks the pool', () => {
  test('R3 import-and-initializer: the error says the initializer failed, with its message; cause has its stack', async () => {
    const { pool, spawnedPids } = startPool({
      maxWorkers: 2,
      initializer: 'failingInit',
      initargs: ['database unreachable'],
    });
    const futures = [pool.submit('add', 1, 2), pool.submit('add', 3, 4), pool.submit('square', 5)];
    const errors = await brokenErrors(futures);
    for (const error of errors) {
      expect(error.message).toMatch(/initializer/);
      expect(error.message).toContain('failingInit');
      expect(error.message).toContain('database unreachable');
      expect(error.cause).toBeInstanceOf(RemoteTraceback);
      const tb = (error.cause as RemoteTraceback).tb;
      expect(tb).toContain('InitError: database unreachable');
      expect(tb).toContain(`tasks.mjs:${fixtureLine('throw new InitError(message)')}:`);
    }
    // The message names the worker that failed.
    expect(spawnedPids().some((pid) => errors[0]!.message.includes(String(pid)))).toBe(true);
    expectUnusable(pool);
    await within(5000, pool.shutdown(), 'shutdown');
    await expectAllDead(spawnedPids());
  });
});
