/**
 * R14 terminate-and-kill and R15 no-orphans: terminateWorkers()/killWorkers() (the app's Stop button)
 * and no worker outliving its pool or its host process — after shutdown, a broken pool, a Stop, or the
 * host exiting (normally, or SIGKILLed while a worker is stuck in `while (true) {}`).
 * (CPython: test_process_pool test_terminate_workers, test_kill_workers,
 * test_force_shutdown_workers_stops_pool; test_shutdown test_processes_terminate.)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { BrokenProcessPool } from '../index';
import {
  expectAllDead,
  isAlive,
  POOL_INDEX,
  rejectionOf,
  REPO_ROOT,
  startPool,
  TASKS,
  usePoolCleanup,
  waitFor,
  within,
  testOnPosix,
} from './helpers';

usePoolCleanup();

describe('R14 terminate-and-kill: terminateWorkers() / killWorkers()', () => {
  testOnPosix.each([
    ['terminateWorkers', 'SIGTERM'],
    ['killWorkers', 'SIGKILL'],
  ] as const)(
    'R14 terminate-and-kill: %s() stops a runaway while(true) task at once; running futures reject with BrokenProcessPool',
    async (method, signal) => {
      const { pool, spawnedPids } = startPool({ maxWorkers: 2 });
      const runaway = [pool.submit('spin'), pool.submit('spin')];
      const pending = [pool.submit('add', 1, 1), pool.submit('square', 3)];
      expect(await waitFor(() => runaway.every((f) => f.running()))).toBe(true);
      const pids = spawnedPids();
      expect(pids.every(isAlive)).toBe(true);

      pool[method]();
      // Pending futures are cancelled right away.
      expect(pending.every((f) => f.cancelled())).toBe(true);
      const errors = await within(
        5000,
        Promise.all(runaway.map((f) => rejectionOf(f.result()))),
        'runaway futures',
      );
      for (const error of errors) {
        expect(error).toBeInstanceOf(BrokenProcessPool);
        expect(error.message).toContain(signal);
      }
      expect(errors.some((e) => e.message.includes(String(pids[0])))).toBe(true);
      // The tasks never end by themselves, so being gone at all is Stop's doing; 5 s is only the
      // longest a loaded machine may take to reap them.
      await expectAllDead(pids, 5000);
      await within(5000, pool.shutdown(), 'shutdown after Stop');
    },
  );

  test('R14 terminate-and-kill: after terminateWorkers() the pool takes no new work (test_force_shutdown_workers_stops_pool)', async () => {
    const { pool, spawnedPids } = startPool({ maxWorkers: 1 });
    expect(await pool.submit('add', 1, 1).result()).toBe(2);
    pool.terminateWorkers();
    expect(() => pool.submit('add', 1, 2)).toThrow('cannot schedule new futures after shutdown');
    expect(() => pool.map('square', [1])).toThrow('cannot schedule new futures after shutdown');
    await within(5000, pool.shutdown(), 'shutdown');
    await expectAllDead(spawnedPids());
  });

  test('R14 terminate-and-kill: terminateWorkers() on idle workers, twice, then killWorkers(): all harmless', async () => {
    const { pool, spawnedPids } = startPool({ maxWorkers: 2 });
    await Promise.all([pool.submit('sleepPid', 100).result(), pool.submit('sleepPid', 100).result()]);
    pool.terminateWorkers();
    pool.terminateWorkers();
    pool.killWorkers();
    await within(5000, pool.shutdown(), 'shutdown');
    await expectAllDead(spawnedPids());
  });

  test('R14 terminate-and-kill: terminateWorkers() on a pool that never started a worker cancels its pending futures', async () => {
    const { pool } = startPool({ maxWorkers: 1 });
    const f = pool.submit('add', 1, 2);
    pool.terminateWorkers();
    // It never reached a worker: cancelled; the worker being started for it is stopped too.
    expect(f.cancelled()).toBe(true);
    await within(5000, pool.shutdown(), 'shutdown');
    expect(pool.pids).toEqual([]);
  });
});

describe('R15 no-orphans: no worker outlives its pool', () => {
  test('R15 no-orphans: after shutdown', async () => {
    const { pool, spawnedPids } = startPool({ maxWorkers: 3 });
    await Promise.all(Array.from({ length: 3 }, () => pool.submit('sleepPid', 100).result()));
    await pool.shutdown();
    await expectAllDead(spawnedPids(), 1000);
  });

  test('R15 no-orphans: after the pool breaks (including workers that were busy elsewhere)', async () => {
    const { pool, spawnedPids } = startPool({ maxWorkers: 3 });
    const busy = [pool.submit('spin'), pool.submit('sleepThen', 5000, 1)];
    await waitFor(() => busy.every((f) => f.running()));
    const crash = pool.submit('exitWith', 9);
    await rejectionOf(crash.result());
    await within(5000, Promise.all(busy.map((f) => rejectionOf(f.result()))), 'busy futures');
    // Even the one stuck in while(true) (SIGTERM, then SIGKILL if needed).
    await expectAllDead(spawnedPids());
  });

  test('R15 no-orphans: after a Stop (terminateWorkers) with maxTasksPerChild replacements in flight', async () => {
    const { pool, spawnedPids } = startPool({ maxWorkers: 2, maxTasksPerChild: 1 });
    const futures = Array.from({ length: 10 }, (_, i) => pool.submit('sleepThen', 30, i));
    await futures[2]!.result();
    pool.terminateWorkers();
    await within(5000, pool.shutdown(), 'shutdown');
    expect(futures.every((f) => f.done())).toBe(true);
    await expectAllDead(spawnedPids());
  });
});

describe('R15 no-orphans: no worker outlives its host process', () => {
  let dir: string | null = null;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  /**
   * Runs `body` (an ES module script body, with `pool` and `report(pids)` in
   * scope) in a separate Node process hosting a pool; resolves with that
   * process and the worker PIDs it reported.
   */
  async function hostScript(body: string): Promise<{
    host: ReturnType<typeof spawn>;
    pids: number[];
    exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  }> {
    dir = mkdtempSync(join(tmpdir(), 'pool-host-test-'));
    const script = join(dir, 'host.mts');
    writeFileSync(
      script,
      [
        `import { ProcessPoolExecutor } from ${JSON.stringify(POOL_INDEX)};`,
        `const pool = new ProcessPoolExecutor({ taskModule: ${JSON.stringify(TASKS)}, maxWorkers: 2 });`,
        `const report = (pids) => console.log('PIDS ' + JSON.stringify(pids));`,
        body,
      ].join('\n'),
    );
    // TMPDIR: the pool's temporary files (its bundled worker entry) land in our directory,
    // which is removed afterwards even though the host never gets to clean up.
    const host = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: REPO_ROOT,
      env: { ...process.env, TMPDIR: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // 'close': the process is gone and its output fully read.
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      host.on('close', (code, signal) => resolve({ code, signal })),
    );
    let stdout = '';
    let stderr = '';
    host.stdout!.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    host.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const reported = await within(
      20_000,
      new Promise<number[]>((resolve, reject) => {
        const found = (): boolean => {
          const match = /PIDS (\[[^\]]*\])/.exec(stdout);
          if (match) resolve(JSON.parse(match[1]!) as number[]);
          return match !== null;
        };
        const check = setInterval(() => {
          if (found()) clearInterval(check);
        }, 20);
        void exited.then(({ code, signal }) => {
          clearInterval(check);
          if (!found()) {
            reject(new Error(`host exited (${code ?? signal}) before reporting PIDs:\n${stdout}\n${stderr}`));
          }
        });
      }),
      'host script start-up',
    );
    return { host, pids: reported, exited };
  }

  testOnPosix(
    'R15 no-orphans: the host SIGKILLed while its workers spin in while(true): the workers exit on their own',
    async () => {
      const { host, pids, exited } = await hostScript(
        [
          `pool.submit('spin'); pool.submit('spin');`,
          `const started = new Set();`,
          `pool.subscribe((e) => {`,
          `  if (e.type === 'task-started') started.add(e.pid);`,
          `  if (started.size === 2) { report([...started]); started.clear(); started.add(-1); }`,
          `});`,
        ].join('\n'),
      );
      expect(pids).toHaveLength(2);
      expect(pids.every(isAlive)).toBe(true);
      host.kill('SIGKILL');
      expect((await exited).signal).toBe('SIGKILL');
      // Spinning, they would never end: their watchdog (every 250 ms) ends them. 10 s is the room a
      // loaded machine may need, not a target.
      await expectAllDead(pids, 10_000);
    },
  );

  test('R15 no-orphans: the host calling process.exit() while a task runs: workers are killed with it', async () => {
    const { pids, exited } = await hostScript(
      [
        `const f = pool.submit('spin');`,
        `pool.subscribe((e) => {`,
        `  if (e.type === 'task-started') { report([e.pid]); setTimeout(() => process.exit(0), 50); }`,
        `});`,
      ].join('\n'),
    );
    expect((await within(10_000, exited, 'host exit')).code).toBe(0);
    await expectAllDead(pids, 3000);
  });

  test('R15 no-orphans: a host script that forgets shutdown() still exits, and so do its idle workers', async () => {
    const { pids, exited } = await hostScript(
      [
        `const got = await Promise.all([pool.submit('sleepPid', 100).result(), pool.submit('sleepPid', 100).result()]);`,
        `report(got);`,
      ].join('\n'),
    );
    expect((await within(15_000, exited, 'host exiting on its own')).code).toBe(0);
    await expectAllDead(pids, 3000);
  });
});
