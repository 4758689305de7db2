/**
 * The driver programs: what the caller does with the pool in each mode,
 * exactly as the equivalent Python program would (see shared/program-text.ts
 * for the code shown to the user). Each prints what that program prints and
 * records when each result reached it.
 */
import { asCompleted, TimeoutError, type Future, type ProcessPoolExecutor } from '../../pool';
import { formatValue } from '../../../shared/format-value';
import type { RunMode } from '../../../shared/run-spec';
import type { CallerShutdown } from './caller-shutdown';
import type { RunRecorder, SerialCall } from './recorder';
import { SERIAL_RUNNER } from './task-files';

export interface DriveOptions {
  executor: ProcessPoolExecutor;
  recorder: RunRecorder;
  fn: string;
  inputs: unknown[];
  chunksize: number;
  /** Deadline for collecting results, ms from the start of the driver; null for none. */
  timeoutMs: number | null;
  /** Shutting down before the work is done: after the N-th result, or when Shutdown is pressed. */
  shutdown: CallerShutdown;
}

export type Driver = (options: DriveOptions) => Promise<void>;

export const DRIVERS: Record<RunMode, Driver> = {
  submit: driveSubmit,
  map: driveMap,
  as_completed: driveAsCompleted,
  serial: driveSerial,
};

/** The caller sets its deadline now: recorded for the timeline, and the time left as it goes. */
function deadlineFrom(recorder: RunRecorder, timeoutMs: number | null): () => number | null {
  if (timeoutMs === null) return () => null;
  recorder.recordNow({ type: 'deadline-set', due: recorder.now() + timeoutMs });
  const end = performance.now() + timeoutMs;
  return () => end - performance.now();
}

/**
 * futures = [submit(fn, x) for x in inputs]; for f in futures: print(f.result())
 * — with cancel_futures, a cancelled future prints "cancelled" (the program catches CancelledError).
 */
async function driveSubmit({
  executor,
  recorder,
  fn,
  inputs,
  timeoutMs,
  shutdown,
}: DriveOptions): Promise<void> {
  const futures = inputs.map((x) => executor.submit(fn, x));
  // Python's result(timeout=…) per future; the playground gives them one shared deadline.
  const remaining = deadlineFrom(recorder, timeoutMs);
  let received = 0;
  for (const f of futures) {
    const got = await deliverOrCancelled(recorder, shutdown, f, f.result({ timeoutMs: remaining() }));
    recorder.driver(got.cancelled ? 'cancelled' : formatValue(got.value));
    await shutdown.afterResult(++received);
  }
}

/**
 * for result in executor.map(fn, inputs, chunksize=k): print(result)
 * — with cancel_futures, the first cancelled result raises CancelledError, which ends the loop.
 */
async function driveMap({
  executor,
  recorder,
  fn,
  inputs,
  chunksize,
  timeoutMs,
  shutdown,
}: DriveOptions): Promise<void> {
  let index = 0;
  let lastDelivered: number | null = null;
  // A chunk's results reach the caller together: one delivery per task.
  const delivered = (): void => {
    const task = recorder.taskOfInput(index);
    if (task !== null && task !== lastDelivered) recorder.delivered(task);
    lastDelivered = task;
  };
  // As in CPython, map's timeout runs from the call to map().
  deadlineFrom(recorder, timeoutMs);
  const results = executor.map(fn, inputs, { chunksize, timeoutMs });
  for (;;) {
    let step: IteratorResult<unknown>;
    try {
      step = await results.next();
    } catch (error) {
      // A task's exception reaches the caller; a TimeoutError means its result never did.
      if (!(error instanceof TimeoutError)) delivered();
      if (shutdown.isCancellation(error)) {
        recorder.driver('CancelledError: the remaining results were cancelled');
        return;
      }
      throw error;
    }
    if (step.done) break;
    delivered();
    index++;
    recorder.driver(formatValue(step.value));
    await shutdown.afterResult(index);
  }
}

/** futures = [submit(fn, x) for x in inputs]; for f in as_completed(futures): print("Result:", f.result()) */
async function driveAsCompleted({
  executor,
  recorder,
  fn,
  inputs,
  timeoutMs,
  shutdown,
}: DriveOptions): Promise<void> {
  const futures = inputs.map((x) => executor.submit(fn, x));
  deadlineFrom(recorder, timeoutMs);
  let received = 0;
  for await (const f of asCompleted(futures, { timeoutMs })) {
    const got = await deliverOrCancelled(recorder, shutdown, f, f.result());
    recorder.driver(got.cancelled ? 'cancelled' : `Result: ${formatValue(got.value)}`);
    await shutdown.afterResult(++received);
  }
}

/**
 * The baseline: every call one after another in a single process, like
 * Python's built-in map(). One carrier task runs them all in one worker; the
 * recorder turns its per-call timings into the run's tasks.
 */
async function driveSerial({ executor, recorder, fn, inputs, timeoutMs }: DriveOptions): Promise<void> {
  recorder.hideCallsOf(SERIAL_RUNNER);
  const carrier = executor.submit<SerialCall[]>(SERIAL_RUNNER, fn, inputs);
  deadlineFrom(recorder, timeoutMs);
  const calls = await carrier.result({ timeoutMs });
  recorder.serialCalls(fn, inputs, calls, recorder.workerPids[0] ?? -1);
  const failed = calls.find((c) => !c.ok);
  if (failed?.error) {
    const error = new Error(failed.error.message);
    error.name = failed.error.name;
    throw error;
  }
}

/** A result, or (with cancel_futures) the CancelledError the program catches. */
async function deliverOrCancelled(
  recorder: RunRecorder,
  shutdown: CallerShutdown,
  future: Future<unknown>,
  outcome: Promise<unknown>,
): Promise<{ cancelled: false; value: unknown } | { cancelled: true }> {
  try {
    return { cancelled: false, value: await deliver(recorder, future, outcome) };
  } catch (error) {
    if (shutdown.isCancellation(error)) return { cancelled: true };
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
