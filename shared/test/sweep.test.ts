import { describe, expect, it } from 'vitest';
import {
  chunkSweepPoints,
  defaultSweepMax,
  fitSweep,
  parseChunkList,
  workerSweepPoints,
  workerValues,
  type SweepRunSummary,
} from '../sweep';

describe('sweeps', () => {
  const summary = (id: string, workers: number, wallMs: number | null, createdAt = 0, outcome = 'ok') =>
    ({
      id,
      createdAt,
      spec: { mode: 'submit', maxWorkers: workers, chunksize: 1 },
      outcome,
      wallMs,
    }) satisfies SweepRunSummary;

  it('turns a workers sweep into speedups against the 1-worker run', () => {
    const points = workerSweepPoints([
      summary('c', 3, 400),
      summary('a', 1, 1000),
      summary('b', 2, 520),
      summary('b-old', 2, 900, -1),
      summary('x', 4, null),
      summary('y', 4, 300, 0, 'stopped'),
    ]);
    expect(points.map((p) => p.workers)).toEqual([1, 2, 3]);
    expect(points.map((p) => p.runId)).toEqual(['a', 'b', 'c']);
    expect(points[0]!.speedup).toBe(1);
    expect(points[2]!.speedup).toBeCloseTo(2.5);
  });

  it('fits Amdahl to the runs that had a CPU each', () => {
    const points = [
      { runId: 'a', workers: 1, wallMs: 1000, speedup: 1 },
      { runId: 'b', workers: 2, wallMs: 526, speedup: 1.9 },
      { runId: 'c', workers: 3, wallMs: 520, speedup: 1.92 },
      { runId: 'd', workers: 4, wallMs: 515, speedup: 1.94 },
    ];
    const fit = fitSweep(points, 2)!;
    expect(fit.limitedToCpus).toBe(true);
    expect(fit.fittedTo).toHaveLength(2);
    expect(fit.serialFraction).toBeCloseTo(2 / 1.9 - 1, 2);
    const all = fitSweep(points, null)!;
    expect(all.limitedToCpus).toBe(false);
    expect(all.fittedTo).toHaveLength(4);
    expect(fitSweep(points.slice(0, 1), 2)).toBeNull();
  });

  it('turns a chunksize sweep into wall times per chunksize (map runs only)', () => {
    const runs: SweepRunSummary[] = [
      {
        id: 'a',
        createdAt: 0,
        spec: { mode: 'map', maxWorkers: 2, chunksize: 16 },
        outcome: 'ok',
        wallMs: 90,
      },
      {
        id: 'b',
        createdAt: 0,
        spec: { mode: 'map', maxWorkers: 2, chunksize: 1 },
        outcome: 'ok',
        wallMs: 300,
      },
      {
        id: 'c',
        createdAt: 0,
        spec: { mode: 'submit', maxWorkers: 2, chunksize: 4 },
        outcome: 'ok',
        wallMs: 1,
      },
    ];
    expect(chunkSweepPoints(runs).map((p) => [p.chunksize, p.wallMs])).toEqual([
      [1, 300],
      [16, 90],
    ]);
  });

  it('reads chunksize lists and sweep ranges', () => {
    expect(parseChunkList('16, 1 4;4 2_0')).toEqual({ values: [1, 4, 16, 20] });
    expect(parseChunkList('1, x')).toHaveProperty('error');
    expect(parseChunkList('0')).toHaveProperty('error');
    expect(parseChunkList('  ')).toHaveProperty('error');
    expect(defaultSweepMax(2)).toBe(4);
    expect(defaultSweepMax(null)).toBe(4);
    expect(defaultSweepMax(64)).toBe(64);
    expect(workerValues(4)).toEqual([1, 2, 3, 4]);
  });
});
