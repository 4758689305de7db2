/**
 * Shutting down before the work is done, on real processes, as CPython's
 * `executor.shutdown(wait=…, cancel_futures=…)` behaves: cancel_futures
 * cancels only the tasks still in the queue (those handed to a worker run
 * on), wait=True returns when the running work is done, wait=False at once.
 * The run log says which tasks were cancelled and which had been handed over.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../../shared/run-events';
import { DEFAULT_SHUTDOWN, type RunMode } from '../../../../shared/run-spec';
import { waitFor } from '../../test/wait-for';
import { createHarness, driverLines, finishedEvent, spec, type Harness } from './harness';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(async () => {
  await h.dispose();
});

const CODE = 'export function work(n: number): number { sleep(300); return n; }\n';

function shutdownRun(mode: RunMode, wait: boolean, cancelFutures: boolean) {
  return h.run({
    code: CODE,
    fn: 'work',
    mode,
    inputs: 'range(8)',
    maxWorkers: 2,
    shutdown: { afterResults: 2, wait, cancelFutures },
  });
}

function called(events: RunEvent[]): Extract<RunEvent, { type: 'shutdown-called' }> {
  const e = events.find((x) => x.type === 'shutdown-called');
  if (!e || e.type !== 'shutdown-called') throw new Error('shutdown was not called');
  return e;
}

const indexOf = (events: RunEvent[], match: (e: RunEvent) => boolean): number => events.findIndex(match);
const finishedOf = (events: RunEvent[], task: number) =>
  events.find(
    (e): e is Extract<RunEvent, { type: 'task-finished' }> => e.type === 'task-finished' && e.task === task,
  );
const startedTasks = (events: RunEvent[]): Set<number> =>
  new Set(events.flatMap((e) => (e.type === 'task-started' ? [e.task] : [])));

describe('shutting down before the work is done', () => {
  it('cancel_futures cancels the queued tasks; the handed-over ones finish before wait=True returns', async () => {
    const events = await shutdownRun('submit', true, true);
    const call = called(events);
    expect(call).toMatchObject({ wait: true, cancelFutures: true });
    // Two workers: after two results one or two tasks are with the workers (a worker that has just
    // returned a result may not have its next task yet); the rest wait in the queue.
    const handed = call.handedOver.length;
    expect(handed).toBeGreaterThanOrEqual(1);
    expect(handed).toBeLessThanOrEqual(2);
    expect(call.cancelled).toHaveLength(6 - handed);
    for (const task of call.cancelled) {
      expect(finishedOf(events, task)?.status).toBe('cancelled');
      expect(startedTasks(events).has(task)).toBe(false);
    }
    const returned = indexOf(events, (e) => e.type === 'shutdown-returned');
    for (const task of call.handedOver) {
      expect(finishedOf(events, task)?.status).toBe('ok');
      expect(indexOf(events, (e) => e === finishedOf(events, task))).toBeLessThan(returned);
    }
    expect(driverLines(events).slice(0, 9)).toEqual([
      '0',
      '1',
      'shutdown() returned',
      ...['2', '3'].slice(0, handed),
      ...Array<string>(6 - handed).fill('cancelled'),
    ]);
    expect(finishedEvent(events).outcome).toBe('ok');
  });

  it('wait=False returns at once; without cancel_futures every task still runs', async () => {
    const events = await shutdownRun('submit', false, false);
    const call = called(events);
    expect(call.cancelled).toEqual([]);
    const returned = indexOf(events, (e) => e.type === 'shutdown-returned');
    // Returned before any of the work still to do finished.
    for (const task of call.handedOver) {
      expect(indexOf(events, (e) => e === finishedOf(events, task))).toBeGreaterThan(returned);
    }
    expect(events.filter((e) => e.type === 'task-finished' && e.status === 'ok')).toHaveLength(8);
    expect(driverLines(events).slice(0, 9)).toEqual([
      '0',
      '1',
      'shutdown() returned',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
    ]);
  });

  it('wait=True without cancel_futures returns only when every task is done', async () => {
    const events = await shutdownRun('as_completed', true, false);
    const returned = indexOf(events, (e) => e.type === 'shutdown-returned');
    const lastFinish = events.findLastIndex((e) => e.type === 'task-finished');
    expect(lastFinish).toBeLessThan(returned);
    expect(events.filter((e) => e.type === 'task-finished' && e.status === 'ok')).toHaveLength(8);
  });

  it('map: the results of the handed-over tasks arrive, then CancelledError ends the loop', async () => {
    const events = await shutdownRun('map', true, true);
    const call = called(events);
    const handed = call.handedOver.length;
    expect(call.cancelled).toHaveLength(6 - handed);
    expect(driverLines(events).slice(0, 4 + handed)).toEqual([
      '0',
      '1',
      'shutdown() returned',
      ...['2', '3'].slice(0, handed),
      'CancelledError: the remaining results were cancelled',
    ]);
    expect(finishedEvent(events).outcome).toBe('ok');
  });

  it('as_completed: a cancelled future is handed back at once and prints "cancelled"', async () => {
    const events = await shutdownRun('as_completed', false, true);
    const lines = driverLines(events);
    expect(lines.filter((l) => l === 'cancelled')).toHaveLength(called(events).cancelled.length);
    expect(lines.filter((l) => /^Result: \d$/.test(l))).toHaveLength(8 - called(events).cancelled.length);
  });

  it('Shutdown during a run calls shutdown() with the run settings; the serial baseline has no pool to shut down', async () => {
    const started = await h.service.startRun(
      spec({
        code: CODE,
        fn: 'work',
        inputs: 'range(6)',
        maxWorkers: 2,
        shutdown: { ...DEFAULT_SHUTDOWN, cancelFutures: true },
      }),
    );
    if (!started.ok) throw new Error('the run did not start');
    // Once the first two tasks run, Shutdown: the four waiting tasks are cancelled.
    await waitFor(
      () => h.events.filter((e) => e.type === 'task-started').length >= 2,
      20_000,
      'two tasks to start',
    );
    expect(await h.service.shutdownRun(started.runId)).toBe(true);
    await h.service.idle();
    const call = called(h.events);
    expect(call.handedOver.length + call.cancelled.length).toBeLessThanOrEqual(6);
    expect(call.cancelled.length).toBeGreaterThanOrEqual(6 - 2 - call.handedOver.length);
    expect(driverLines(h.events)).toContain('Shutdown pressed: shutdown(wait=True, cancel_futures=True)');
    expect(await h.service.shutdownRun(started.runId)).toBe(false);

    const serial = await h.service.startRun(
      spec({ code: CODE, fn: 'work', mode: 'serial', inputs: 'range(3)' }),
    );
    if (!serial.ok) throw new Error('the serial run did not start');
    expect(await h.service.shutdownRun(serial.runId)).toBe(false);
    await h.service.idle();
  });
});
