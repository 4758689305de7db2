import { describe, expect, it } from 'vitest';
import { compareRows, defaultBaseline, formatPercent, formatSpeedup, poolSize } from '../compare';
import { checkOrder, checkPrediction, hasPrediction, splitOrder } from '../prediction';
import type { RunEvent } from '../run-events';
import { RunModel } from '../run-model';
import { DEFAULT_RUN_SPEC, type RunSpec } from '../run-spec';
import {
  chunkSweepPoints,
  defaultSweepMax,
  fitSweep,
  parseChunkList,
  workerSweepPoints,
  workerValues,
  type SweepRunSummary,
} from '../sweep';

const spec: RunSpec = { ...DEFAULT_RUN_SPEC, code: '' };

/** A run of `n` tasks on one worker, each `ms` long, delivered in the given order of inputs. */
function run(
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

describe('comparison', () => {
  it('picks the serial baseline, else the slowest run', () => {
    const a = { id: 'a', spec: { mode: 'submit' as const }, wallMs: 100 };
    const b = { id: 'b', spec: { mode: 'submit' as const }, wallMs: 300 };
    const s = { id: 's', spec: { mode: 'serial' as const }, wallMs: 200 };
    expect(defaultBaseline([a, b, s])).toBe('s');
    expect(defaultBaseline([a, b])).toBe('b');
    expect(defaultBaseline([{ ...a, wallMs: null }])).toBe('a');
    expect(defaultBaseline([])).toBeNull();
  });

  it('computes speedup and efficiency against the baseline, with the serial run as one worker', () => {
    const slow = run(4, 100);
    const fast = run(2, 100);
    const rows = compareRows(
      [
        { id: 'serial', spec: { mode: 'serial', maxWorkers: 4 }, model: slow },
        { id: 'pool', spec: { mode: 'submit', maxWorkers: 2 }, model: fast },
      ],
      'serial',
    );
    expect(rows[0]!.isBaseline).toBe(true);
    expect(rows[0]!.speedup).toBeCloseTo(1);
    expect(rows[0]!.workers).toBe(1);
    expect(rows[1]!.speedup).toBeCloseTo(slow.elapsedMs / fast.elapsedMs);
    expect(rows[1]!.efficiency).toBeCloseTo(rows[1]!.speedup! / 2);
    expect(rows[1]!.stats.breakdown.runningMs).toBe(200);
    expect(poolSize({ mode: 'map', maxWorkers: 3 })).toBe(3);
  });

  it('formats speedups and percentages for people', () => {
    expect(formatSpeedup(1.934)).toBe('1.93×');
    expect(formatSpeedup(12.44)).toBe('12.4×');
    expect(formatSpeedup(null)).toBe('–');
    expect(formatPercent(0.042)).toBe('4.2 %');
    expect(formatPercent(0.973)).toBe('97 %');
    expect(formatPercent(0)).toBe('0 %');
    expect(formatPercent(0.0002)).toBe('< 0.1 %');
  });
});

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

describe('predictions', () => {
  it('splits a written order', () => {
    expect(splitOrder('[2, 3, 4 -> 6 → 5]')).toEqual(['2', '3', '4', '6', '5']);
    expect(splitOrder('cube(2), cube(3)')).toEqual(['cube(2)', 'cube(3)']);
    expect(splitOrder('')).toEqual([]);
  });

  it('checks an order written as inputs, results, positions or labels', () => {
    // Inputs 6, 3, 2, 4, 5 delivered in completion order: 2, 3, 4, 6, 5.
    const model = run(5, 10, [2, 1, 3, 0, 4], 'as_completed');
    expect(checkOrder('2, 3, 4, 6, 5', model)).toMatchObject({ matched: true, by: 'inputs' });
    expect(checkOrder('8 27 64 216 125', model)).toMatchObject({ matched: true, by: 'results' });
    expect(checkOrder('2 1 3 0 4', model)).toMatchObject({ matched: true, by: 'positions' });
    expect(checkOrder('cube(2), cube(3), cube(4), cube(6), cube(5)', model)).toMatchObject({
      matched: true,
      by: 'labels',
    });
    const wrong = checkOrder('6, 3, 2, 4, 5', model)!;
    expect(wrong.matched).toBe(false);
    expect(wrong.by).toBe('inputs');
    expect(wrong.actual).toEqual(['2', '3', '4', '6', '5']);
  });

  it('sets the guessed wall time beside the measured one', () => {
    const model = run(2, 1000);
    const check = checkPrediction({ wallSec: 1.5, order: null }, model);
    expect(check.wall!.actualMs).toBe(model.elapsedMs);
    expect(check.wall!.diffMs).toBeCloseTo(model.elapsedMs - 1500);
    expect(check.order).toBeNull();
    expect(checkPrediction(undefined, model)).toEqual({ wall: null, order: null });
    expect(hasPrediction({ wallSec: null, order: '  ' })).toBe(false);
    expect(hasPrediction({ wallSec: 2 })).toBe(true);
  });
});
