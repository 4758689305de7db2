import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_SPEC } from '../run-spec';
import type { RunEvent } from '../run-events';
import { RunModel } from '../run-model';

const spec = { ...DEFAULT_RUN_SPEC, code: '' };

const log: RunEvent[] = [
  { type: 'run-started', runId: 'r1', spec, epoch: 1000, cpus: 2, taskCount: 2, inputCount: 2, t: 0 },
  { type: 'worker-spawned', worker: 1, pid: 11, t: 1 },
  { type: 'worker-spawned', worker: 0, pid: 10, t: 1 },
  { type: 'task-submitted', task: 7, fn: 'sq', label: 'sq(2)', index: 0, items: 1, args: '2', t: 2 },
  { type: 'task-submitted', task: 8, fn: 'sq', label: 'sq(3)', index: 1, items: 1, args: '3', t: 2 },
  { type: 'worker-ready', worker: 0, pid: 10, t: 40 },
  { type: 'task-dispatched', task: 7, worker: 0, pid: 10, t: 41 },
  { type: 'task-started', task: 7, worker: 0, pid: 10, t: 41 },
];

describe('RunModel', () => {
  it('keeps lanes in worker order and follows each task', () => {
    const model = RunModel.from(log);
    expect(model.workers.map((w) => w.pid)).toEqual([10, 11]);
    expect(model.task(7)?.state).toBe('running');
    expect(model.task(8)?.state).toBe('queued');
    expect(model.counts()).toMatchObject({ queued: 1, running: 1, done: 0, workersAlive: 2, workersBusy: 1 });
    expect(model.elapsedMs).toBe(41);
  });

  it("never has a worker ready before it was spawned (the worker's clock reading may come a hair earlier)", () => {
    const model = RunModel.from([
      log[0]!,
      { type: 'worker-spawned', worker: 0, pid: 10, t: 5 },
      { type: 'worker-ready', worker: 0, pid: 10, t: 4.9996 },
    ]);
    expect(model.workers[0]!.ready).toBe(5);
  });

  it('prefers the worker-side start time and records deliveries and the end', () => {
    const model = RunModel.from([
      ...log,
      {
        type: 'task-finished',
        task: 7,
        status: 'ok',
        worker: 0,
        pid: 10,
        started: 41.5,
        finished: 90,
        result: '4',
        t: 90.2,
      },
      { type: 'task-delivered', task: 7, order: 1, t: 90.3 },
      {
        type: 'task-finished',
        task: 8,
        status: 'cancelled',
        worker: null,
        pid: null,
        started: null,
        finished: null,
        t: 95,
      },
      { type: 'worker-exited', worker: 0, pid: 10, code: 0, signal: null, reason: 'shutdown', t: 99 },
      { type: 'run-finished', outcome: 'ok', wallMs: 100, t: 100 },
    ]);
    const task = model.task(7)!;
    expect(task).toMatchObject({
      state: 'ok',
      started: 41.5,
      finished: 90,
      delivered: 90.3,
      deliveryOrder: 1,
      result: '4',
    });
    expect(model.worker(0)?.tasks).toEqual([7]);
    expect(model.worker(0)?.reason).toBe('shutdown');
    expect(model.counts()).toMatchObject({ done: 1, cancelled: 1, workersAlive: 1 });
    expect(model.finish?.outcome).toBe('ok');
    expect(model.elapsedMs).toBe(100);
  });
  it('keeps the instants the timeline marks: initializer, deadline, timeout, Stop and shutdown', () => {
    const model = RunModel.from([
      ...log,
      { type: 'worker-initialized', worker: 0, pid: 10, started: 30, finished: 39, ok: true, t: 40 },
      { type: 'deadline-set', due: 1000, t: 2 },
      { type: 'shutdown-called', wait: false, cancelFutures: true, cancelled: [8], handedOver: [7], t: 50 },
      { type: 'shutdown-returned', t: 51 },
      { type: 'timed-out', message: 'TimeoutError: 1 (of 2) futures unfinished', t: 1000 },
      { type: 'stop-requested', t: 1200 },
      { type: 'stop-requested', t: 1300 },
    ]);
    expect(model.worker(0)?.init).toEqual({ started: 30, finished: 39, ok: true });
    expect(model.worker(1)?.init).toBeNull();
    expect(model.marks.deadline).toBe(1000);
    expect(model.marks.timedOut).toEqual({ t: 1000, message: 'TimeoutError: 1 (of 2) futures unfinished' });
    expect(model.marks.stopRequested).toBe(1200);
    expect(model.marks.shutdown).toEqual({
      called: 50,
      wait: false,
      cancelFutures: true,
      cancelled: [8],
      handedOver: [7],
      returned: 51,
    });
  });

  it("keeps the host's load average at the start, and none for runs recorded without it", () => {
    const [started] = log as [Extract<RunEvent, { type: 'run-started' }>];
    expect(RunModel.from([{ ...started, loadAverage: 3.5 }]).loadAverage).toBe(3.5);
    expect(RunModel.from([{ ...started, loadAverage: null }]).loadAverage).toBeNull();
    expect(RunModel.from(log).loadAverage).toBeNull();
  });

  it("keeps a whole program's runtime, its executors, thread lanes inside one PID, and counts its tasks as they come", () => {
    const model = RunModel.from([
      {
        type: 'run-started',
        runId: 'p1',
        spec,
        epoch: 1000,
        cpus: 2,
        taskCount: 0,
        inputCount: 0,
        runtime: {
          language: 'python',
          name: 'Python 3.11.7 (CPython, GIL)',
          version: '3.11.7',
          build: 'GIL',
          gilEnabled: true,
        },
        t: 0,
      },
      {
        type: 'executor-created',
        executor: 1,
        kind: 'thread',
        maxWorkers: 2,
        startMethod: null,
        maxTasksPerChild: null,
        initializer: null,
        t: 1,
      },
      {
        type: 'executor-created',
        executor: 2,
        kind: 'process',
        maxWorkers: 2,
        startMethod: 'fork',
        maxTasksPerChild: 3,
        initializer: 'init',
        t: 2,
      },
      {
        type: 'task-submitted',
        task: 1,
        fn: 'f',
        label: 'f(1)',
        index: 0,
        items: 1,
        args: '1',
        executor: 1,
        t: 3,
      },
      {
        type: 'worker-spawned',
        worker: 0,
        pid: 500,
        executor: 1,
        thread: { ordinal: 1, name: 'ThreadPoolExecutor-0_0' },
        t: 4,
      },
      {
        type: 'worker-spawned',
        worker: 1,
        pid: 500,
        executor: 1,
        thread: { ordinal: 2, name: 'ThreadPoolExecutor-0_1' },
        t: 4,
      },
      { type: 'worker-spawned', worker: 2, pid: 501, executor: 2, t: 5 },
      {
        type: 'task-submitted',
        task: 2,
        fn: 'f',
        label: 'f(2)',
        index: 1,
        items: 1,
        args: '2',
        executor: 2,
        t: 6,
      },
    ]);
    expect(model.runtime?.name).toBe('Python 3.11.7 (CPython, GIL)');
    expect(model.executors.map((e) => [e.id, e.kind, e.startMethod])).toEqual([
      [1, 'thread', null],
      [2, 'process', 'fork'],
    ]);
    expect(model.workers.map((w) => [w.pid, w.executor, w.thread?.ordinal ?? null])).toEqual([
      [500, 1, 1],
      [500, 1, 2],
      [501, 2, null],
    ]);
    expect(model.tasks.map((t) => t.executor)).toEqual([1, 2]);
    expect(model.counts().total).toBe(2);
  });

  it('leaves task-mode runs with one executor and process lanes', () => {
    const model = RunModel.from(log);
    expect(model.runtime).toBeNull();
    expect(model.executors).toEqual([]);
    expect(model.workers.every((w) => w.executor === null && w.thread === null)).toBe(true);
    expect(model.counts().total).toBe(2);
  });
});
