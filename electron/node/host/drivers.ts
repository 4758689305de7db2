/**
 * The driver programs: what the caller does with the pool in each mode,
 * exactly as the equivalent Python program would (see shared/program-text.ts
 * for the code shown to the user). Each prints what that program prints and
 * records when each result reached it.
 */
import { asCompleted, type Future, type ProcessPoolExecutor } from '../../pool';
import { formatValue } from '../../../shared/format-value';
import type { RunMode } from '../../../shared/run-spec';
import type { RunRecorder } from './recorder';
import { SERIAL_RUNNER } from './task-files';

export interface DriveOptions {
  executor: ProcessPoolExecutor;
  recorder: RunRecorder;
  fn: string;
  inputs: unknown[];
  chunksize: number;
  /** Deadline for collecting results, ms from the start of the driver; null for none. */
  timeoutMs: number | null;
}

export type Driver = (options: DriveOptions) => Promise<void>;

export const DRIVERS: Record<RunMode, Driver> = {
  submit: driveSubmit,
  map: driveMap,
  as_completed: driveAsCompleted,
  serial: driveSerial,
};

function deadlineFrom(timeoutMs: number | null): () => number | null {
  if (timeoutMs === null) return () => null;
  const end = performance.now() + timeoutMs;
  return () => end - performance.now();
}

/** futures = [submit(fn, x) for x in inputs]; for f in futures: print(f.result()) */
async function driveSubmit({ executor, recorder, fn, inputs, timeoutMs }: DriveOptions): Promise<void> {
  const remaining = deadlineFrom(timeoutMs);
  const futures = inputs.map((x) => executor.submit(fn, x));
  for (const f of futures) {
    const value = await deliver(recorder, f, f.result({ timeoutMs: remaining() }));
    recorder.driver(formatValue(value));
  }
}

/** for result in executor.map(fn, inputs, chunksize=k): print(result) */
async function driveMap({
  executor,
  recorder,
  fn,
  inputs,
  chunksize,
  timeoutMs,
}: DriveOptions): Promise<void> {
  let index = 0;
  let lastDelivered: number | null = null;
  // A chunk's results reach the caller together: one delivery per task.
  const delivered = (): void => {
    const task = recorder.taskOfInput(index);
    if (task !== null && task !== lastDelivered) recorder.delivered(task);
    lastDelivered = task;
  };
  const results = executor.map(fn, inputs, { chunksize, timeoutMs });
  for (;;) {
    let step: IteratorResult<unknown>;
    try {
      step = await results.next();
    } catch (error) {
      delivered();
      throw error;
    }
    if (step.done) break;
    delivered();
    index++;
    recorder.driver(formatValue(step.value));
  }
}

/** futures = [submit(fn, x) for x in inputs]; for f in as_completed(futures): print("Result:", f.result()) */
async function driveAsCompleted({ executor, recorder, fn, inputs, timeoutMs }: DriveOptions): Promise<void> {
  const futures = inputs.map((x) => executor.submit(fn, x));
  for await (const f of asCompleted(futures, { timeoutMs })) {
    const value = await deliver(recorder, f, f.result());
    recorder.driver(`Result: ${formatValue(value)}`);
  }
}

interface SerialCall {
  ok: boolean;
  value?: unknown;
  error?: { name: string; message: string; stack: string };
  started: number;
  finished: number;
}

/**
 * The baseline: every call one after another in a single process, like
 * Python's built-in map(). One carrier task runs them all in one worker; its
 * per-call timings become the run's tasks.
 */
async function driveSerial({ executor, recorder, fn, inputs, timeoutMs }: DriveOptions): Promise<void> {
  recorder.hideCallsOf(SERIAL_RUNNER);
  const carrier = executor.submit<SerialCall[]>(SERIAL_RUNNER, fn, inputs);
  const calls = await carrier.result({ timeoutMs });
  const pid = recorder.workerPids[0] ?? -1;
  calls.forEach((call, i) => {
    const task = i + 1;
    const started = recorder.t(call.started);
    const finished = recorder.t(call.finished);
    recorder.record({
      type: 'task-submitted',
      task,
      fn,
      label: `${fn}(${formatValue(inputs[i], { bareStrings: false, maxLength: 40 })})`,
      index: i,
      items: 1,
      args: formatValue(inputs[i], { bareStrings: false, maxLength: 240 }),
      t: started,
    });
    recorder.record({ type: 'task-dispatched', task, worker: 0, pid, t: started });
    recorder.record({ type: 'task-started', task, worker: 0, pid, t: started });
    recorder.record({
      type: 'task-finished',
      task,
      status: call.ok ? 'ok' : 'error',
      worker: 0,
      pid,
      started,
      finished,
      t: finished,
      ...(call.ok
        ? { result: formatValue(call.value, { bareStrings: false, maxLength: 240 }) }
        : {
            error: { name: call.error!.name, message: call.error!.message, remoteStack: call.error!.stack },
          }),
    });
    recorder.record({ type: 'task-delivered', task, order: i + 1, t: finished });
    if (call.ok)
      recorder.record({ type: 'driver', text: formatValue(call.value), stream: 'stdout', t: finished });
  });
  const failed = calls.find((c) => !c.ok);
  if (failed?.error) {
    const error = new Error(failed.error.message);
    error.name = failed.error.name;
    throw error;
  }
}

/** Await a future's outcome and record that the caller now has it (success or failure). */
async function deliver<T>(recorder: RunRecorder, future: Future<unknown>, outcome: Promise<T>): Promise<T> {
  try {
    const value = await outcome;
    recorder.delivered(future.id);
    return value;
  } catch (error) {
    if (future.done()) recorder.delivered(future.id);
    throw error;
  }
}
