import { describe, expect, it } from 'vitest';
import {
  chunkSweepPoints,
  defaultSweepMax,
  fitSweep,
  parseChunkList,
  sweepSteps,
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

  it('turns a workers sweep into speedups against the 1-worker median, each point a median of its repeats', () => {
    const points = workerSweepPoints([
      summary('c', 3, 400),
      summary('a', 1, 1000),
      summary('b', 2, 520),
      summary('b2', 2, 900, -1),
      summary('b3', 2, 500, 1),
      summary('a2', 1, 1100, 2),
      summary('a3', 1, 950, 3),
      summary('x', 4, null),
      summary('y', 4, 300, 0, 'stopped'),
    ]);
    expect(points.map((p) => p.workers)).toEqual([1, 2, 3]);
    expect(points.map((p) => p.runIds)).toEqual([['a', 'a2', 'a3'], ['b2', 'b', 'b3'], ['c']]);
    expect(points[0]!.speedup.median).toBe(1);
    expect(points[0]!.wall).toEqual({ median: 1000, min: 950, max: 1100, n: 3 });
    expect(points[1]!.wall).toEqual({ median: 520, min: 500, max: 900, n: 3 });
    // Whiskers: the slowest repeat gives the smallest speedup, the fastest the largest.
    expect(points[1]!.speedup).toEqual({ median: 1000 / 520, min: 1000 / 900, max: 1000 / 500, n: 3 });
    expect(points[2]!.speedup.median).toBeCloseTo(2.5);
    // 2 workers' repeats differ by 77 % of their median: noise. 3 workers at 83 % efficiency: fine.
    expect(points[1]!.noise).toEqual(['2 workers: repeats 77 % apart']);
    expect(points[2]!.noise).toEqual([]);
  });

  it('marks the points measured on a busy machine, and an efficiency above 100 %', () => {
    const timing = (medianItemMs: number, loadAverage = 0.5) => ({
      cpus: 2,
      loadAverage,
      medianItemMs,
      peakWorkers: 2,
    });
    const runs: SweepRunSummary[] = [
      { ...summary('a', 1, 1000), timing: { ...timing(100), peakWorkers: 1 } },
      { ...summary('b', 2, 800), timing: timing(150) },
      { ...summary('b2', 2, 790, 1), timing: timing(100, 4) },
      { ...summary('b3', 2, 810, 2), timing: timing(100) },
      { ...summary('c', 4, 450), timing: { ...timing(200, 6), peakWorkers: 4 } },
    ];
    const points = workerSweepPoints(runs);
    expect(points[1]!.noise).toEqual(['2 of 3 runs with 2 workers on a busy machine']);
    // Past the CPUs slower tasks are the lesson; an efficiency above 100 % is noise anywhere.
    expect(points[2]!.noise).toEqual([]);
    const lucky = workerSweepPoints([summary('a', 1, 1000), summary('b', 2, 450)]);
    expect(lucky[1]!.noise).toEqual(['2 workers: efficiency 111 %']);
    // With a serial baseline of the same work in the history, that is the reference instead
    // (150 ms is not 15 % above 140 ms: only the run started at a load of 4 is left).
    expect(workerSweepPoints(runs, { serialItemMs: 140 })[1]!.noise).toEqual([
      '1 of 3 runs with 2 workers on a busy machine',
    ]);
    expect(workerSweepPoints(runs, { serialItemMs: 140 })[0]!.noise).toEqual([]);
  });

  it('fits Amdahl to the medians of the runs that had a CPU each, says how well, and flags noise', () => {
    const point = (workers: number, speedup: number, noise: string[] = []) => ({
      workers,
      runIds: [String(workers)],
      wall: { median: 1000 / speedup, min: 1000 / speedup, max: 1000 / speedup, n: 1 },
      speedup: { median: speedup, min: speedup, max: speedup, n: 1 },
      noise,
    });
    const points = [point(1, 1), point(2, 1.9), point(3, 1.92), point(4, 1.94)];
    const fit = fitSweep(points, 2)!;
    expect(fit.limitedToCpus).toBe(true);
    expect(fit.fittedTo).toHaveLength(2);
    expect(fit.serialFraction).toBeCloseTo(2 / 1.9 - 1, 2);
    // Two points fix the curve: the fit cannot be judged.
    expect(fit.quality.judged).toBe(false);
    expect(fit.noise).toBeNull();
    const all = fitSweep(points, null)!;
    expect(all.limitedToCpus).toBe(false);
    expect(all.fittedTo).toHaveLength(4);
    expect(all.quality.judged).toBe(true);
    expect(all.quality.rSquared).not.toBeNull();
    expect(fitSweep(points.slice(0, 1), 2)).toBeNull();

    // Nothing got faster because the machine was busy: "serial fraction ≈ 100 %" is flagged.
    const busy = [point(1, 1), point(2, 1.01, ['2 of 3 runs with 2 workers on a busy machine'])];
    const flagged = fitSweep(busy, 2)!;
    expect(flagged.serialFraction).toBeGreaterThan(0.9);
    expect(flagged.noise).toMatchObject({
      kind: 'serial-fraction-from-noise',
      reasons: ['2 of 3 runs with 2 workers on a busy machine'],
    });
    // The same figure from quiet runs is a result (the work really did not get faster).
    expect(fitSweep([point(1, 1), point(2, 1.01)], 2)!.noise).toBeNull();
  });

  it('plans the repeats in rounds, so a change in the load touches every value alike', () => {
    expect(sweepSteps([1, 2, 3], 2)).toEqual([
      { value: 1, round: 0 },
      { value: 2, round: 0 },
      { value: 3, round: 0 },
      { value: 1, round: 1 },
      { value: 2, round: 1 },
      { value: 3, round: 1 },
    ]);
    expect(sweepSteps([4], 0)).toEqual([{ value: 4, round: 0 }]);
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
    expect(chunkSweepPoints(runs).map((p) => [p.chunksize, p.wall.median])).toEqual([
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
