import { describe, expect, it } from 'vitest';
import { RunModel } from '../run-model';
import { efficiency, peakWorkers, runStats, runTiming, speedup } from '../run-stats';
import { sampleRun, timedRun } from './sample-runs';

describe('run statistics', () => {
  it('gives the wall time, the task time, utilisation and the time split', () => {
    const stats = runStats(sampleRun());
    expect(stats.wallMs).toBe(150);
    expect(stats.busyMs).toBe(200);
    expect(stats.utilisation).toBeCloseTo(200 / 300);
    expect(stats.split.wallMs).toBe(150);
    expect(speedup(300, 150)).toBe(2);
    expect(efficiency(2, 4)).toBe(0.5);
  });

  it('keeps what tells a busy machine: CPUs, load, median time per input, workers at once', () => {
    const model = timedRun({ workers: 3, cpus: 4, loadAverage: 1.5, items: 4, taskMs: [40, 80, 400, 60] });
    expect(runTiming(model)).toEqual({ cpus: 4, loadAverage: 1.5, medianItemMs: 17.5, peakWorkers: 3 });
    expect(peakWorkers(sampleRun(0, 1, { idleWorker: true }))).toBe(3);
    // A recycled worker's successor, started as it leaves, is not an extra process at once.
    const recycled = RunModel.from([
      { type: 'worker-spawned', worker: 0, pid: 1, t: 0 },
      { type: 'worker-spawned', worker: 1, pid: 2, t: 0 },
      { type: 'worker-exited', worker: 0, pid: 1, code: 0, signal: null, reason: 'recycled', t: 50 },
      { type: 'worker-spawned', worker: 2, pid: 3, t: 50 },
    ]);
    expect(peakWorkers(recycled)).toBe(2);
    const cancelled = sampleRun();
    expect(runTiming(cancelled).medianItemMs).toBe(100);
  });
});
