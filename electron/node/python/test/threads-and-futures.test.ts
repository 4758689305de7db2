/**
 * ThreadPoolExecutor beside ProcessPoolExecutor (the GIL lesson: one PID,
 * several thread lanes), and how each future's outcome reaches the caller:
 * wait, cancel, exception(), a done-callback, shutdown(cancel_futures=True).
 */
import { describe, expect, test } from 'vitest';
import { distinct, noPython, ofType, printedBy, programPid, python, runProgram } from './harness';

describe.skipIf(noPython)('threads and futures', () => {
  test('CPU-bound work: threads share one PID in several thread lanes, processes get their own PIDs', async () => {
    const { events, result } = await runProgram(`import os, threading
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

def count_primes(limit):
    print("counting in", threading.current_thread().name)
    return sum(1 for n in range(2, limit) if all(n % d for d in range(2, int(n ** 0.5) + 1)))

if __name__ == "__main__":
    for kind in (ThreadPoolExecutor, ProcessPoolExecutor):
        with kind(max_workers=2) as executor:
            print(kind.__name__, list(executor.map(count_primes, [15_000] * 4)))
`);
    expect(result.outcome).toBe('ok');
    const main = programPid(events);
    expect(printedBy(events, main).filter((line) => !line.startsWith('counting'))).toEqual([
      'ThreadPoolExecutor [1754, 1754, 1754, 1754]',
      'ProcessPoolExecutor [1754, 1754, 1754, 1754]',
    ]);
    const [threads, processes] = ofType(events, 'executor-created');
    expect(threads).toMatchObject({ kind: 'thread', maxWorkers: 2, startMethod: null });
    expect(processes).toMatchObject({ kind: 'process', maxWorkers: 2 });
    const submittedTo = (executor: string | undefined): Set<string> =>
      new Set(ofType(events, 'task-submitted').flatMap((e) => (e.executor === executor ? [e.task] : [])));

    // Threads: every task in the program's own PID, on the pool's worker threads.
    const threadTasks = submittedTo(threads?.executor);
    const threadStarts = ofType(events, 'task-started').filter((e) => threadTasks.has(e.task));
    expect(threadStarts).toHaveLength(4);
    expect(distinct(threadStarts.map((e) => e.pid))).toEqual([main]);
    const threadWorkers = ofType(events, 'worker-started').filter((e) => e.kind === 'thread');
    expect(threadWorkers).toHaveLength(2);
    expect(new Set(threadWorkers.map((e) => e.tid)).size).toBe(2);
    for (const start of threadStarts) expect(threadWorkers.map((e) => e.tid)).toContain(start.tid);
    for (const line of ofType(events, 'output').filter((e) => e.text.startsWith('counting in ThreadPool')))
      expect(line.text).toBe(`counting in ${line.thread}\n`); // tagged with the thread that printed it
    expect(
      ofType(events, 'worker-exited')
        .map((e) => e.tid)
        .sort(),
    ).toEqual(threadWorkers.map((e) => e.tid).sort());

    // Processes: tasks in the workers' PIDs, never the program's.
    const processTasks = submittedTo(processes?.executor);
    const processStarts = ofType(events, 'task-started').filter((e) => processTasks.has(e.task));
    const children = ofType(events, 'process-started').map((e) => e.child);
    expect(processStarts.length).toBe(processTasks.size);
    for (const start of processStarts) expect(children).toContain(start.pid);

    // Which build ran: every process reports its GIL state, as the interpreter does.
    for (const hello of ofType(events, 'process-connected')) expect(hello.gil).toBe(python!.gilEnabled);
  });

  test('wait, cancel, exception() and a done-callback each deliver, and cancelled futures settle as cancelled', async () => {
    const { events, result } = await runProgram(`import threading, time
from concurrent.futures import ThreadPoolExecutor, wait, FIRST_COMPLETED

def nap(seconds):
    time.sleep(seconds)
    return seconds

def hold(started):
    started.set()
    time.sleep(0.2)

if __name__ == "__main__":
    executor = ThreadPoolExecutor(max_workers=1)
    blocker = executor.submit(nap, 0.3)
    queued = [executor.submit(nap, 0.01) for _ in range(3)]
    print("cancelled:", [f.cancel() for f in queued[1:]])
    wait([blocker, queued[0]], return_when=FIRST_COMPLETED)
    print("exception:", queued[0].exception())
    called = threading.Event()
    late = executor.submit(nap, 0.02)
    late.add_done_callback(lambda f: (print("callback:", f.result()), called.set()))
    called.wait()
    started = threading.Event()
    running = executor.submit(hold, started)
    pending = executor.submit(nap, 0.01)
    started.wait()
    executor.shutdown(wait=True, cancel_futures=True)
    print("at shutdown:", running.done() and not running.cancelled(), pending.cancelled())
`);
    expect(result.outcome).toBe('ok');
    expect(printedBy(events, programPid(events))).toEqual([
      'cancelled: [True, True]',
      'exception: None',
      'callback: 0.02',
      'at shutdown: True True',
    ]);
    const tasks = ofType(events, 'task-submitted').map((e) => e.task);
    const [blocker, first, second, third, late, running, pending] = tasks;
    const settled = new Map(ofType(events, 'task-settled').map((e) => [e.task, e.status]));
    expect([second, third, pending].map((t) => settled.get(t!))).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    expect(ofType(events, 'task-started').map((e) => e.task)).toEqual([blocker, first, late, running]);
    const via = new Map(ofType(events, 'task-delivered').map((e) => [e.task, e.via]));
    expect(via.get(blocker!)).toBe('wait');
    expect(via.get(first!)).toBe('exception');
    expect(via.get(late!)).toBe('callback');
    expect(ofType(events, 'executor-shutdown')).toEqual([
      expect.objectContaining({ wait: true, cancelFutures: true }),
    ]);
    // Each delivery comes after its settling, and each settling after the task finished.
    const order = events.map((e) => ('task' in e ? `${e.type}:${e.task}` : e.type));
    for (const task of [blocker, first, late]) {
      expect(order.indexOf(`task-finished:${task}`)).toBeLessThan(order.indexOf(`task-settled:${task}`));
      expect(order.indexOf(`task-settled:${task}`)).toBeLessThan(order.indexOf(`task-delivered:${task}`));
    }
  });
});
