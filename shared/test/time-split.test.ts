import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../run-events';
import { RunModel } from '../run-model';
import { DEFAULT_RUN_SPEC } from '../run-spec';
import { timeSplit, type SplitPartKey } from '../time-split';
import { cubeRun, sampleRun, timedRun } from './sample-runs';

const byKey = (model: RunModel): Record<SplitPartKey, number> =>
  Object.fromEntries(timeSplit(model).parts.map((p) => [p.key, p.ms])) as Record<SplitPartKey, number>;

const alongside = (model: RunModel): Record<SplitPartKey, number> =>
  Object.fromEntries(timeSplit(model).parts.map((p) => [p.key, p.alongsideMs])) as Record<
    SplitPartKey,
    number
  >;

const total = (model: RunModel): number => timeSplit(model).parts.reduce((sum, p) => sum + p.ms, 0);

describe('where the time went', () => {
  it('gives every instant of the wall time to one measured part, the earliest in the list going on', () => {
    // Two workers starting (0–40, 0–45), two tasks sent, run (42–142, 47–147) and returned (…144, …149).
    const model = sampleRun();
    expect(byKey(model)).toEqual({
      running: 105,
      sending: 1,
      receiving: 2,
      startup: 41,
      queued: 0,
      callerStart: 0,
      callerEnd: 1,
      idle: 0,
    });
    // What went on at the same time as an earlier part is kept, not added again.
    expect(alongside(model)).toMatchObject({ queued: 45, callerStart: 1, receiving: 2, sending: 1 });
    expect(total(model)).toBe(150);
  });

  it('shows a gap when nothing was going on as idle, measured from the lanes', () => {
    const spec = { ...DEFAULT_RUN_SPEC, code: '' };
    const events: RunEvent[] = [
      { type: 'run-started', runId: 'r', spec, epoch: 0, cpus: 2, taskCount: 2, inputCount: 2, t: 0 },
      { type: 'worker-spawned', worker: 0, pid: 1, t: 0 },
      { type: 'task-submitted', task: 1, fn: 'f', label: 'f(1)', index: 0, items: 1, args: '1', t: 1 },
      { type: 'worker-ready', worker: 0, pid: 1, t: 5 },
      { type: 'task-dispatched', task: 1, worker: 0, pid: 1, t: 5 },
      { type: 'task-finished', task: 1, status: 'ok', worker: 0, pid: 1, started: 6, finished: 16, t: 16 },
      { type: 'task-delivered', task: 1, order: 1, t: 17 },
      { type: 'task-submitted', task: 2, fn: 'f', label: 'f(2)', index: 1, items: 1, args: '2', t: 25 },
      { type: 'task-dispatched', task: 2, worker: 0, pid: 1, t: 25 },
      { type: 'task-finished', task: 2, status: 'ok', worker: 0, pid: 1, started: 26, finished: 36, t: 36 },
      { type: 'task-delivered', task: 2, order: 2, t: 37 },
      { type: 'run-finished', outcome: 'ok', wallMs: 40, t: 40 },
    ];
    expect(byKey(RunModel.from(events))).toEqual({
      running: 20,
      sending: 2,
      receiving: 2,
      startup: 5,
      queued: 0,
      callerStart: 0,
      callerEnd: 3,
      idle: 8,
    });
  });

  it('adds up to the wall time for any run: serial, pools, chunks, a live run', () => {
    const runs = [
      timedRun({ mode: 'serial', taskMs: [100, 80, 120, 90] }),
      timedRun({ workers: 2, taskMs: [100, 80, 120, 90, 70] }),
      timedRun({ workers: 4, taskMs: [5, 5, 5], startupMs: 60, shutdownMs: 30 }),
      timedRun({ mode: 'map', workers: 3, items: 16, taskMs: [40, 41, 39, 42] }),
      cubeRun(5, 100, [2, 0, 1, 4, 3]),
      sampleRun(1_000, 100, { idleWorker: true }),
    ];
    for (const model of runs) {
      expect(total(model)).toBeCloseTo(model.elapsedMs, 9);
      for (const part of timeSplit(model).parts) expect(part.ms).toBeGreaterThanOrEqual(0);
    }
    expect(total(new RunModel())).toBe(0);
    // A run still going on: split up to its latest event.
    const running = sampleRun();
    running.finish = null;
    expect(total(running)).toBeCloseTo(running.lastT, 9);
  });
});
