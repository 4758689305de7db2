/**
 * Workers made by each of CPython's start methods are traced alike: under
 * spawn and forkserver they re-import the program and inherit nothing
 * patched, so the tracer must come from sitecustomize in each interpreter.
 * Also: recycled workers (max_tasks_per_child) and initializers.
 */
import { describe, expect, test } from 'vitest';
import type { PythonRunEvent } from '../run-types';
import { distinct, lanePids, noPython, ofType, printedBy, programPid, python, runProgram } from './harness';

function scaledSubmit(method: string): string {
  return `import multiprocessing, os, time
from concurrent.futures import ProcessPoolExecutor

def task(n):
    print(f"Task {n} starting in process {os.getpid()}")
    time.sleep(0.2)
    return f"Task {n} done."

if __name__ == "__main__":
    context = multiprocessing.get_context("${method}")
    with ProcessPoolExecutor(max_workers=3, mp_context=context) as executor:
        futures = [executor.submit(task, i) for i in range(5)]
        for f in futures:
            print(f.result())
`;
}

function printedWorkerPids(events: PythonRunEvent[]): number[] {
  return distinct(
    ofType(events, 'output').flatMap((e) => {
      const match = /starting in process (\d+)/.exec(e.text);
      return match ? [Number(match[1])] : [];
    }),
  );
}

const hasMaxTasksPerChild = python !== null && Number(python.version.split('.')[1]) >= 11;

describe.skipIf(noPython)('start methods', () => {
  test.each(['fork', 'spawn', 'forkserver'])(
    '%s: every worker traced, lanes are the PIDs printed',
    async (method) => {
      const { events, result } = await runProgram(scaledSubmit(method));
      expect(result.outcome).toBe('ok');
      const main = programPid(events);
      expect(printedBy(events, main)).toEqual([0, 1, 2, 3, 4].map((n) => `Task ${n} done.`));

      const created = ofType(events, 'executor-created')[0];
      expect(created).toMatchObject({ kind: 'process', maxWorkers: 3, startMethod: method, pid: main });
      const workers = ofType(events, 'process-started').filter((e) => e.executor === created?.executor);
      expect(workers.every((e) => e.startMethod === method)).toBe(true);
      expect(lanePids(events).sort()).toEqual(printedWorkerPids(events).sort());
      for (const pid of lanePids(events)) expect(workers.map((w) => w.child)).toContain(pid);

      // Each worker said it was ready and, at shutdown, exited cleanly.
      const exits = ofType(events, 'process-exited');
      for (const { child } of workers) {
        expect(ofType(events, 'worker-ready').some((e) => e.pid === child)).toBe(true);
        expect(exits.find((e) => e.child === child)).toMatchObject({ exitCode: 0, signal: null });
      }
      // fork and spawn children are the program's; forkserver's are the server's.
      const parents = ofType(events, 'process-connected')
        .filter((e) => workers.some((w) => w.child === e.pid))
        .map((e) => e.ppid);
      if (method === 'forkserver') expect(parents.every((ppid) => ppid !== main)).toBe(true);
      else expect(parents.every((ppid) => ppid === main)).toBe(true);
    },
  );

  // One task at a time: with a backlog, CPython 3.11–3.13 (before its fix of
  // gh-115634) stops replacing recycled workers and the program hangs.
  test.skipIf(!hasMaxTasksPerChild)(
    'max_tasks_per_child recycles workers: new PIDs, old ones exit',
    async () => {
      const { events, result } = await runProgram(`import os, time
from concurrent.futures import ProcessPoolExecutor

def task(n):
    time.sleep(0.05)
    return os.getpid()

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2, max_tasks_per_child=2) as executor:
        pids = [executor.submit(task, i).result() for i in range(6)]
    print(len(set(pids)) >= 3)
`);
      expect(result.outcome).toBe('ok');
      expect(printedBy(events, programPid(events))).toEqual(['True']);
      expect(ofType(events, 'executor-created')[0]).toMatchObject({ maxTasksPerChild: 2 });
      const started = ofType(events, 'task-started');
      const lanes = lanePids(events);
      expect(lanes.length).toBeGreaterThanOrEqual(3);
      for (const pid of lanes) expect(started.filter((e) => e.pid === pid).length).toBeLessThanOrEqual(2);
      // A worker that ran its two tasks exited with code 0 before the pool shut down.
      const shutdownAt = ofType(events, 'executor-shutdown')[0]!.at;
      const retired = ofType(events, 'process-exited').filter((e) => e.exitCode === 0 && e.at < shutdownAt);
      expect(retired.length).toBeGreaterThanOrEqual(1);
      for (const exit of retired) expect(started.filter((e) => e.pid === exit.child)).toHaveLength(2);
    },
  );

  test('an initializer runs once in each worker, before its tasks', async () => {
    const { events, result } = await runProgram(`import os
from concurrent.futures import ProcessPoolExecutor

def init(greeting):
    print(greeting, os.getpid())

def task(n):
    return n * 10

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2, initializer=init, initargs=("ready in",)) as executor:
        print(list(executor.map(task, range(4))))
`);
    expect(result.outcome).toBe('ok');
    expect(printedBy(events, programPid(events))).toEqual(['[0, 10, 20, 30]']);
    expect(ofType(events, 'executor-created')[0]).toMatchObject({
      initializer: 'init',
      initargs: ["'ready in'"],
    });
    const workers = ofType(events, 'process-started').map((e) => e.child);
    for (const pid of workers) {
      expect(printedBy(events, pid)).toEqual([`ready in ${pid}`]);
      const own = events.filter((e) => 'pid' in e && e.pid === pid).map((e) => e.type);
      const printed = own.indexOf('output');
      expect(own.indexOf('worker-started')).toBeLessThan(printed);
      expect(printed).toBeLessThan(own.indexOf('worker-ready'));
      const firstTask = own.indexOf('task-started');
      if (firstTask >= 0) expect(own.indexOf('worker-ready')).toBeLessThan(firstTask);
    }
  });
});
