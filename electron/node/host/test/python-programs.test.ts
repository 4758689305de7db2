/**
 * Whole Python programs through the playground session, on the learner's
 * real CPython: what the terminal and the timeline get (the run log, folded
 * by the same RunModel the views use) for each start method, recycled
 * workers, an initializer, a killed worker, threads beside processes, and
 * bad input. Skipped, saying why, where there is no python3.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../../shared/run-events';
import { RunModel } from '../../../../shared/run-model';
import { findPython } from '../../python';
import { isAlive } from '../../../pool/test/helpers';
import { listGroup } from '../../python/process-group';
import { WorkerBudget } from '../worker-budget';
import { createHarness, driverLines, finishedEvent, spec, type Harness } from './harness';

const found = await findPython();
const python = found.ok ? found.python : null;
if (!found.ok) console.warn(`Python program tests skipped: ${found.message}`);
const hasMaxTasksPerChild = python !== null && Number(python.version.split('.')[1]) >= 11;

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(async () => {
  await h.dispose();
});

const program = (code: string): Parameters<Harness['run']>[0] => ({
  code,
  language: 'python',
  kind: 'program',
});

/** Lines the program printed (its own stdout, blank lines left out). */
function printed(events: RunEvent[]): string[] {
  return driverLines(events)
    .flatMap((text) => text.split('\n'))
    .filter((line) => line.trim() !== '' && !/^(Done|Failed|Stopped) in /.test(line));
}

/** PIDs the workers printed as "... in process <pid>", in order of first appearance. */
function printedPids(events: RunEvent[]): number[] {
  const pids = events.flatMap((e) =>
    e.type === 'output' ? [...e.text.matchAll(/process (\d+)/g)].map((m) => Number(m[1])) : [],
  );
  return [...new Set(pids)];
}

function submitProgram(context: string): string {
  return `import multiprocessing, os, time
from concurrent.futures import ProcessPoolExecutor

def task(n):
    print(f"Task {n} starting in process {os.getpid()}")
    time.sleep(0.2)
    return f"Task {n} done."

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=3${context}) as executor:
        futures = [executor.submit(task, i) for i in range(5)]
        for f in futures:
            print(f.result())
`;
}

describe.skipIf(!python)('whole Python programs in the playground', () => {
  it.each(['fork', 'spawn', 'forkserver'])(
    '%s: one lane per worker PID (the PIDs the program printed), each task on the lane of the process that ran it',
    async (method) => {
      const events = await h.run(
        program(submitProgram(`, mp_context=multiprocessing.get_context("${method}")`)),
      );
      expect(finishedEvent(events).outcome).toBe('ok');
      expect(printed(events)).toEqual([0, 1, 2, 3, 4].map((n) => `Task ${n} done.`));
      const model = RunModel.from(events);
      expect(model.runtime).toMatchObject({ language: 'python', version: python!.version });
      expect(model.executors).toEqual([
        expect.objectContaining({ id: 1, kind: 'process', maxWorkers: 3, startMethod: method }),
      ]);
      const lanes = model.workers.map((w) => w.pid);
      expect([...lanes].sort()).toEqual([...printedPids(events)].sort());
      expect(lanes).toHaveLength(3);
      for (const task of model.tasks) {
        expect(task.state).toBe('ok');
        const line = events.find(
          (e) => e.type === 'output' && e.task === task.id && e.text.includes('starting in process'),
        );
        expect(line?.type === 'output' && line.text).toContain(`process ${task.pid}`);
        expect(model.worker(task.worker!)?.pid).toBe(task.pid);
      }
      // Results reached the caller in submission order, and every worker exited cleanly at shutdown.
      expect(model.tasks.map((t) => t.deliveryOrder)).toEqual([1, 2, 3, 4, 5]);
      for (const w of model.workers) expect(w).toMatchObject({ code: 0, reason: 'shutdown' });
      expect(driverLines(events).at(-1)).toMatch(/^Done in .* s · 5 tasks · 3 worker processes \(PIDs /);
      // As for task runs, the machine's load at the start is kept (the busy-machine notice reads it).
      expect(model.loadAverage).toEqual(expect.any(Number));
      const [saved] = await h.store.listRuns();
      expect(saved).toMatchObject({
        outcome: 'ok',
        taskCount: 5,
        workerCount: 3,
        name: 'main.py · task · 3 processes',
      });
    },
  );

  it.skipIf(!hasMaxTasksPerChild)(
    'max_tasks_per_child: a worker retires after its tasks (exit 0, recycled) and a new PID takes over',
    async () => {
      const events = await h.run(
        program(`import os, time
from concurrent.futures import ProcessPoolExecutor

def task(n):
    time.sleep(0.05)
    return os.getpid()

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2, max_tasks_per_child=2) as executor:
        pids = [executor.submit(task, i).result() for i in range(6)]
    print(len(set(pids)))
`),
      );
      expect(finishedEvent(events).outcome).toBe('ok');
      const model = RunModel.from(events);
      expect(model.executors[0]).toMatchObject({ maxTasksPerChild: 2 });
      // Every process the pool started has a lane; those that ran tasks are the PIDs the tasks saw.
      const ran = model.workers.filter((w) => w.tasks.length > 0);
      expect(ran.length).toBe(Number(printed(events)[0]));
      expect(ran.length).toBeGreaterThanOrEqual(3);
      for (const w of model.workers) expect(w.tasks.length).toBeLessThanOrEqual(2);
      const recycled = model.workers.filter((w) => w.reason === 'recycled');
      expect(recycled.length).toBeGreaterThanOrEqual(1);
      for (const w of recycled)
        expect(w).toMatchObject({ code: 0, tasks: [expect.any(Number), expect.any(Number)] });
    },
  );

  it('an initializer runs in each worker before its first task, and its output is tagged with that worker', async () => {
    const events = await h.run(
      program(`import os
from concurrent.futures import ProcessPoolExecutor

def init(greeting):
    print(greeting, os.getpid())

def task(n):
    return n * 10

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2, initializer=init, initargs=("ready in",)) as executor:
        print(list(executor.map(task, range(4))))
`),
    );
    expect(printed(events)).toEqual(['[0, 10, 20, 30]']);
    const model = RunModel.from(events);
    expect(model.executors[0]).toMatchObject({ initializer: 'init' });
    expect(model.workers.length).toBeGreaterThan(0);
    for (const w of model.workers) {
      expect(w.init).toMatchObject({ ok: true });
      expect(w.init!.started).toBeLessThanOrEqual(w.init!.finished);
      const first = w.tasks.map((id) => model.task(id)!.started!).sort((a, b) => a - b)[0];
      if (first !== undefined) expect(w.init!.finished).toBeLessThanOrEqual(first);
      const greeting = events.find((e) => e.type === 'output' && e.pid === w.pid);
      expect(greeting?.type === 'output' && greeting.text).toBe(`ready in ${w.pid}\n`);
    }
  });

  it('a worker killed with SIGKILL: BrokenProcessPool on the timeline, the lane ends by the signal', async () => {
    const events = await h.run(
      program(`import os, signal, time
from concurrent.futures import ProcessPoolExecutor

def work(n):
    if n == 1:
        os.kill(os.getpid(), signal.SIGKILL)
    time.sleep(0.3)
    return n

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as executor:
        futures = [executor.submit(work, i) for i in range(4)]
        for f in futures:
            f.result()
`),
    );
    const end = finishedEvent(events);
    expect(end.outcome).toBe('broken');
    expect(end.message).toMatch(/BrokenProcessPool/);
    const model = RunModel.from(events);
    expect(model.brokenMessage).toMatch(/terminated abruptly/);
    const victim = model.tasks.find((t) => t.args === '1');
    const lane = model.worker(victim!.worker!);
    expect(lane).toMatchObject({ signal: 'SIGKILL', reason: 'crash' });
    const failed = model.tasks.filter((t) => t.state === 'error');
    expect(failed.length).toBeGreaterThanOrEqual(2);
    for (const t of failed) expect(t.error?.name).toBe('BrokenProcessPool');
    // The traceback the program ended with is in the terminal, in the user's own file.
    expect(driverLines(events).join('')).toMatch(/File "main\.py", line 14/);
  });

  it('threads and processes: a ThreadPoolExecutor gets one lane per thread inside the program PID', async () => {
    const events = await h.run(
      program(`from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

def count_primes(limit):
    return sum(1 for n in range(2, limit) if all(n % d for d in range(2, int(n ** 0.5) + 1)))

if __name__ == "__main__":
    for kind in (ThreadPoolExecutor, ProcessPoolExecutor):
        with kind(max_workers=2) as executor:
            print(kind.__name__, list(executor.map(count_primes, [5_000] * 4)))
`),
    );
    expect(printed(events)).toEqual([
      'ThreadPoolExecutor [669, 669, 669, 669]',
      'ProcessPoolExecutor [669, 669, 669, 669]',
    ]);
    const model = RunModel.from(events);
    expect(model.executors.map((e) => e.kind)).toEqual(['thread', 'process']);
    const threads = model.workers.filter((w) => w.thread !== null);
    const processes = model.workers.filter((w) => w.thread === null);
    expect(threads.map((w) => w.thread!.ordinal)).toEqual([1, 2]);
    expect(new Set(threads.map((w) => w.pid)).size).toBe(1);
    expect(threads.every((w) => w.executor === 1)).toBe(true);
    expect(processes.length).toBeGreaterThan(0);
    expect(processes.every((w) => w.executor === 2 && w.pid !== threads[0]!.pid)).toBe(true);
    for (const task of model.tasks) {
      const lane = model.worker(task.worker!)!;
      expect(lane.executor).toBe(task.executor);
    }
    expect(driverLines(events).at(-1)).toMatch(/· 8 tasks · \d worker process(es)? .*· 2 worker threads$/);
  });

  it('shutdown(cancel_futures=True) is marked with the tasks it cancelled and those already handed to a worker', async () => {
    const events = await h.run(
      program(`import time
from concurrent.futures import ProcessPoolExecutor

def nap(n):
    time.sleep(0.3)
    return n

if __name__ == "__main__":
    executor = ProcessPoolExecutor(max_workers=1)
    futures = [executor.submit(nap, i) for i in range(8)]
    futures[0].result()
    executor.shutdown(wait=True, cancel_futures=True)
    print(sum(f.cancelled() for f in futures), "cancelled")
`),
    );
    expect(finishedEvent(events).outcome).toBe('ok');
    const model = RunModel.from(events);
    const shutdown = model.marks.shutdown!;
    expect(shutdown).toMatchObject({ wait: true, cancelFutures: true });
    const cancelled = model.tasks.filter((t) => t.state === 'cancelled').map((t) => t.id);
    expect(shutdown.cancelled).toEqual(cancelled);
    expect(printed(events)).toEqual([`${cancelled.length} cancelled`]);
    expect(cancelled.length).toBeGreaterThan(0);
    // The rest had been handed to the worker already (CPython's call queue): they ran to the end.
    for (const id of shutdown.handedOver) expect(model.task(id)!.state).toBe('ok');
    expect([...shutdown.cancelled, ...shutdown.handedOver].sort((a, b) => a - b)).toEqual([
      2, 3, 4, 5, 6, 7, 8,
    ]);
    expect(shutdown.returned!).toBeGreaterThanOrEqual(Math.max(...model.tasks.map((t) => t.finished ?? 0)));
  });

  it('a program that never uses a pool still runs, and says there was nothing to trace', async () => {
    const events = await h.run(program('print("hello")\n'));
    expect(finishedEvent(events).outcome).toBe('ok');
    expect(printed(events)).toEqual(['hello']);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'notice', text: expect.stringMatching(/nothing to trace/) }),
    );
  });

  it("an exception in the program: the run fails with its traceback, at the line of the user's file", async () => {
    const events = await h.run(
      program(`from concurrent.futures import ProcessPoolExecutor

def divide(n):
    return 10 // n

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=1) as executor:
        print(executor.submit(divide, 0).result())
`),
    );
    const end = finishedEvent(events);
    expect(end).toMatchObject({
      outcome: 'error',
      message: 'ZeroDivisionError: integer division or modulo by zero (line 8)',
    });
    const stderr = events
      .flatMap((e) => (e.type === 'driver' && e.stream === 'stderr' ? [e.text] : []))
      .join('');
    expect(stderr).toContain('File "main.py", line 4, in divide');
    expect(stderr).toContain('File "main.py", line 8, in <module>');
    const model = RunModel.from(events);
    expect(model.tasks[0]).toMatchObject({ state: 'error', error: { name: 'ZeroDivisionError' } });
  });

  it('a syntax error is refused before anything runs, at its line and column', async () => {
    const result = await h.service.startRun(spec({ ...program('x = 1\ndef broken(:\n    pass\n') }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        source: 'code',
        line: 2,
        column: expect.any(Number),
        message: expect.stringMatching(/^SyntaxError: .*\(main\.py, line 2\)$/),
      }),
    ]);
    expect(await h.store.listRuns()).toEqual([]);
  });

  it('an interpreter that does not exist: the run is refused with one line saying how to get one', async () => {
    const result = await h.service.startRun(spec({ ...program('print(1)\n'), python: '/nowhere/python3' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics).toEqual([
      {
        source: 'settings',
        message: expect.stringMatching(/^No Python interpreter at \/nowhere\/python3: install Python/),
      },
    ]);
  });

  it('Stop ends the program and every process it started (a forkserver too), none left', async () => {
    const started: number[] = [];
    const running = new Promise<void>((resolve) => {
      const unsubscribe = setInterval(() => {
        if (h.events.filter((e) => e.type === 'task-started').length >= 2) {
          clearInterval(unsubscribe);
          resolve();
        }
      }, 20);
    });
    const result = await h.service.startRun(
      spec(
        program(`import multiprocessing, os, time
from concurrent.futures import ProcessPoolExecutor

def forever(n):
    while True:
        time.sleep(0.05)

if __name__ == "__main__":
    print("program", os.getpid(), flush=True)
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as executor:
        list(executor.map(forever, range(2)))
`),
      ),
    );
    expect(result.ok).toBe(true);
    await running;
    started.push(...h.events.flatMap((e) => (e.type === 'worker-spawned' ? [e.pid] : [])));
    // The program leads its own process group: the forkserver and the workers are in it.
    const programPid = Number(/program (\d+)/.exec(driverLines(h.events).join(''))?.[1]);
    expect((await listGroup(programPid)).length).toBeGreaterThanOrEqual(4);
    await h.service.stopRun(result.ok ? result.runId : '');
    await h.service.idle();
    const end = finishedEvent(h.events);
    expect(end.outcome).toBe('stopped');
    for (const pid of [programPid, ...started]) expect(isAlive(pid)).toBe(false);
    expect(await listGroup(programPid)).toEqual([]);
    const model = RunModel.from(h.events);
    expect(model.marks.stopRequested).not.toBeNull();
    expect(model.workers.every((w) => w.exited !== null && w.reason === 'killed')).toBe(true);
  });
});

describe.skipIf(!python)('whole Python programs within bounds', () => {
  it("an output flood is cut at the run's limit, as in task mode, and the run still ends normally", async () => {
    const events = await h.run(
      program(`from concurrent.futures import ProcessPoolExecutor

def shout(n):
    for i in range(30_000):
        print("worker line", i)
    return n

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=1) as executor:
        print(executor.submit(shout, 7).result())
`),
    );
    expect(finishedEvent(events).outcome).toBe('ok');
    expect(events.some((e) => e.type === 'output-truncated')).toBe(true);
    const lines = events
      .flatMap((e) => (e.type === 'output' || e.type === 'driver' ? [e.text] : []))
      .join('')
      .split('\n').length;
    expect(lines).toBeLessThanOrEqual(10_100);
  });

  it('the memory cap holds in a Python worker: past it, an allocation fails with MemoryError', async () => {
    const events = await h.run({
      ...program(`from concurrent.futures import ProcessPoolExecutor

def hog(mb):
    return len(bytearray(mb * 1024 * 1024))

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=1) as executor:
        try:
            executor.submit(hog, 1024).result()
        except MemoryError:
            print("MemoryError in the worker")
        print(executor.submit(hog, 16).result())
`),
      memoryLimitMb: 256,
    });
    expect(finishedEvent(events).outcome).toBe('ok');
    expect(printed(events)).toEqual(['MemoryError in the worker', String(16 * 1024 * 1024)]);
    const failed = RunModel.from(events).tasks[0];
    expect(failed).toMatchObject({ state: 'error', error: { name: 'MemoryError' } });
  });
});

describe.skipIf(!python)("whole Python programs and the host's worker cap", () => {
  it('a program whose process tree passes the cap is ended with a message that says so', async () => {
    const capped = createHarness({ workers: new WorkerBudget(2) });
    try {
      const events = await capped.run(
        program(`import time
from concurrent.futures import ProcessPoolExecutor

def nap(n):
    time.sleep(1)

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=4) as executor:
        list(executor.map(nap, range(8)))
`),
      );
      const end = finishedEvent(events);
      expect(end.outcome).toBe('error');
      expect(end.message).toMatch(
        /^The program started \d+ processes besides itself, more than the 2 worker processes this host runs at once/,
      );
      const pids = RunModel.from(events).workers.map((w) => w.pid!);
      for (const pid of pids) expect(isAlive(pid)).toBe(false);
    } finally {
      await capped.dispose();
    }
  });

  it('a fork bomb ends with a clear message, and no process of it is left', async () => {
    const capped = createHarness({ workers: new WorkerBudget(8) });
    try {
      const events = await capped.run(
        program(`import os, time
while True:
    try:
        os.fork()
    except OSError:
        time.sleep(0.01)
`),
      );
      const end = finishedEvent(events);
      expect(end.outcome).toBe('error');
      expect(end.message).toMatch(/is something starting processes in a loop\?$/);
      expect(events).not.toContainEqual(
        expect.objectContaining({ type: 'notice', text: expect.stringMatching(/could not be ended/) }),
      );
    } finally {
      await capped.dispose();
    }
  });
});
