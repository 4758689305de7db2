/** Runs made from hand-written event logs, for the tests of what is computed from them. */
import type { RunEvent } from '../run-events';
import { RunModel } from '../run-model';
import { DEFAULT_RUN_SPEC, type RunSpec } from '../run-spec';

const spec: RunSpec = { ...DEFAULT_RUN_SPEC, code: '' };

/**
 * Two workers (PIDs `pid`, `pid + 1`); two tasks of 100 ms each, in parallel; the run takes 150 ms.
 * With `idleWorker`, a third worker (PID `pid + 2`) starts and never gets a task.
 */
export function sampleRun(epoch = 1_000, pid = 100, options: { idleWorker?: boolean } = {}): RunModel {
  const events: RunEvent[] = [
    { type: 'run-started', runId: 'r', spec, epoch, cpus: 2, taskCount: 2, inputCount: 2, t: 0 },
    { type: 'worker-spawned', worker: 0, pid, t: 0 },
    { type: 'worker-spawned', worker: 1, pid: pid + 1, t: 0 },
    { type: 'task-submitted', task: 1, fn: 'f', label: 'f(0)', index: 0, items: 1, args: '0', t: 1 },
    { type: 'task-submitted', task: 2, fn: 'f', label: 'f("a,b")', index: 1, items: 1, args: "'a,b'", t: 1 },
    { type: 'worker-ready', worker: 0, pid, t: 40 },
    { type: 'worker-ready', worker: 1, pid: pid + 1, t: 45 },
    { type: 'task-dispatched', task: 1, worker: 0, pid, t: 41 },
    { type: 'task-dispatched', task: 2, worker: 1, pid: pid + 1, t: 46 },
    {
      type: 'task-finished',
      task: 1,
      status: 'ok',
      worker: 0,
      pid,
      started: 42,
      finished: 142,
      result: '0',
      t: 143,
    },
    { type: 'task-delivered', task: 1, order: 1, t: 144 },
    {
      type: 'task-finished',
      task: 2,
      status: 'error',
      worker: 1,
      pid: pid + 1,
      started: 47,
      finished: 147,
      error: { name: 'Error', message: 'no "a,b"' },
      t: 148,
    },
    { type: 'task-delivered', task: 2, order: 2, t: 149 },
  ];
  if (options.idleWorker) {
    events.push(
      { type: 'worker-spawned', worker: 2, pid: pid + 2, t: 50 },
      { type: 'worker-ready', worker: 2, pid: pid + 2, t: 90 },
    );
  }
  events.push({ type: 'run-finished', outcome: 'error', wallMs: 150, t: 150 });
  return RunModel.from(events);
}

/**
 * `n` cube tasks (inputs 6, 3, 2, 4, 5) on one worker, each `ms` long, delivered in the given order
 * of tasks.
 */
export function cubeRun(
  n: number,
  ms: number,
  deliver: number[] = [...Array(n).keys()],
  mode: RunSpec['mode'] = 'submit',
) {
  const events: RunEvent[] = [
    {
      type: 'run-started',
      runId: 'r',
      spec: { ...spec, mode },
      epoch: 0,
      cpus: 2,
      taskCount: n,
      inputCount: n,
      t: 0,
    },
    { type: 'worker-spawned', worker: 0, pid: 10, t: 0 },
    { type: 'worker-ready', worker: 0, pid: 10, t: 5 },
  ];
  const inputs = [6, 3, 2, 4, 5];
  for (let i = 0; i < n; i++) {
    events.push({
      type: 'task-submitted',
      task: i,
      fn: 'cube',
      label: `cube(${inputs[i]})`,
      index: i,
      items: 1,
      args: String(inputs[i]),
      t: 1,
    });
  }
  let t = 5;
  for (let i = 0; i < n; i++) {
    events.push({
      type: 'task-finished',
      task: i,
      status: 'ok',
      worker: 0,
      pid: 10,
      started: t,
      finished: t + ms,
      result: String(inputs[i]! ** 3),
      t: t + ms,
    });
    t += ms;
  }
  deliver.forEach((task, k) => events.push({ type: 'task-delivered', task, order: k + 1, t: t + k }));
  events.push({ type: 'run-finished', outcome: 'ok', wallMs: t + n, t: t + n });
  return RunModel.from(events);
}

export interface TimedRunOptions {
  mode?: RunSpec['mode'];
  /** Worker processes (the serial baseline: 1). */
  workers?: number;
  cpus?: number;
  loadAverage?: number | null;
  /** How long each task runs inside its worker, ms; tasks go to the workers in turn. */
  taskMs: number[];
  /** Inputs per task (map chunks). */
  items?: number;
  /** Worker start-up, ms. */
  startupMs?: number;
  /** From the last result to the end of the run (shutdown), ms. */
  shutdownMs?: number;
  code?: string;
}

/**
 * A run whose timings are chosen: the workers start together, each runs its
 * tasks back to back (1 ms to send each, 1 ms to get each result back), and
 * the run ends `shutdownMs` after the last result.
 */
export function timedRun(o: TimedRunOptions): RunModel {
  const mode = o.mode ?? 'submit';
  const workers = mode === 'serial' ? 1 : (o.workers ?? 2);
  const startup = o.startupMs ?? 20;
  const items = o.items ?? 1;
  const runSpec: RunSpec = { ...spec, code: o.code ?? 'work', mode, maxWorkers: workers };
  const events: RunEvent[] = [
    {
      type: 'run-started',
      runId: 'r',
      spec: runSpec,
      epoch: 0,
      cpus: o.cpus ?? 2,
      loadAverage: o.loadAverage ?? null,
      taskCount: o.taskMs.length,
      inputCount: o.taskMs.length * items,
      t: 0,
    },
  ];
  o.taskMs.forEach((_, i) =>
    events.push({
      type: 'task-submitted',
      task: i + 1,
      fn: 'f',
      label: `f(${i})`,
      index: i * items,
      items,
      args: String(i),
      t: 2,
    }),
  );
  const free = Array.from({ length: workers }, () => 3 + startup);
  for (let w = 0; w < workers; w++) {
    events.push({ type: 'worker-spawned', worker: w, pid: 100 + w, t: 3 });
    events.push({ type: 'worker-ready', worker: w, pid: 100 + w, t: 3 + startup });
  }
  let last = 0;
  o.taskMs.forEach((ms, i) => {
    const w = i % workers;
    const sent = free[w]!;
    const started = sent + 1;
    const finished = started + ms;
    events.push({ type: 'task-dispatched', task: i + 1, worker: w, pid: 100 + w, t: sent });
    events.push({
      type: 'task-finished',
      task: i + 1,
      status: 'ok',
      worker: w,
      pid: 100 + w,
      started,
      finished,
      result: '0',
      t: finished,
    });
    events.push({ type: 'task-delivered', task: i + 1, order: i + 1, t: finished + 1 });
    last = Math.max(last, finished + 1);
    free[w] = finished;
  });
  const wallMs = last + (o.shutdownMs ?? 5);
  for (let w = 0; w < workers; w++)
    events.push({
      type: 'worker-exited',
      worker: w,
      pid: 100 + w,
      code: 0,
      signal: null,
      reason: 'shutdown',
      t: wallMs - 1,
    });
  events.push({ type: 'run-finished', outcome: 'ok', wallMs, t: wallMs });
  return RunModel.from(events);
}
