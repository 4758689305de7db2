import { describe, expect, it } from 'vitest';
import {
  compareRuns,
  defaultBaseline,
  formatPercent,
  formatSpeedup,
  poolSize,
  settingsKey,
} from '../compare';
import type { RunModel } from '../run-model';
import { timedRun } from './sample-runs';

const four = (ms: number): number[] => [ms, ms, ms, ms];
const compared = (runs: [string, RunModel][]) =>
  runs.map(([id, model]) => ({ id, spec: model.spec!, model }));

describe('comparison', () => {
  it('picks the serial set, else the slowest by median', () => {
    const wall = (median: number) => ({ median, min: median, max: median, n: 1 });
    const a = { key: 'a', serial: false, wall: wall(100) };
    const b = { key: 'b', serial: false, wall: wall(300) };
    const s = { key: 's', serial: true, wall: wall(200) };
    expect(defaultBaseline([a, b, s])).toBe('s');
    expect(defaultBaseline([a, b])).toBe('b');
    expect(defaultBaseline([{ ...a, wall: null }])).toBe('a');
    expect(defaultBaseline([])).toBeNull();
  });

  it('computes speedup and efficiency against the baseline, with the serial run as one worker', () => {
    const serial = timedRun({ mode: 'serial', taskMs: four(100) });
    const pool = timedRun({ workers: 2, taskMs: four(100) });
    const { rows, baselineKey } = compareRuns(
      compared([
        ['serial', serial],
        ['pool', pool],
      ]),
      null,
    );
    expect(baselineKey).toBe(settingsKey(serial.spec!));
    expect(rows[0]).toMatchObject({ isBaseline: true, workers: 1, speedup: 1 });
    expect(rows[1]!.speedup).toBeCloseTo(serial.elapsedMs / pool.elapsedMs);
    expect(rows[1]!.efficiency).toBeCloseTo(rows[1]!.speedup! / 2);
    expect(rows[1]!.stats.busyMs).toBe(400);
    expect(poolSize({ mode: 'map', maxWorkers: 3 })).toBe(3);
  });

  it('marks the sets that did other work than the baseline: other code, function or inputs, not other pool settings', () => {
    const serial = timedRun({ mode: 'serial', taskMs: four(100) });
    const pool = timedRun({ workers: 2, taskMs: four(60) });
    const otherCode = timedRun({ workers: 2, code: 'other work', taskMs: four(60) });
    const otherInputs = timedRun({ workers: 4, taskMs: four(60) });
    otherInputs.spec = { ...otherInputs.spec!, inputs: '[1, 2, 3, 4]' };
    const { sets } = compareRuns(
      compared([
        ['serial', serial],
        ['pool', pool],
        ['code', otherCode],
        ['inputs', otherInputs],
      ]),
      null,
    );
    const different = Object.fromEntries(sets.map((s) => [s.runIds[0], s.otherWork.length > 0]));
    expect(different).toEqual({ serial: false, pool: false, code: true, inputs: true });
  });

  it('whole programs make their own pools: no efficiency and no noise flags judged as if each ran on one worker', () => {
    const program = (code: string, ms: number) => {
      const model = timedRun({ workers: 3, code, taskMs: four(ms) });
      return {
        id: code,
        spec: { ...model.spec!, kind: 'program' as const, language: 'python' as const },
        model,
      };
    };
    const { rows, efficiencyShown } = compareRuns([program('slow', 400), program('fast', 100)], null);
    expect(efficiencyShown).toBe(false);
    expect(rows[1]!.speedup).toBeGreaterThan(1.5);
    expect(rows.map((r) => r.efficiency)).toEqual([null, null]);
    expect(rows.flatMap((r) => r.noise)).toEqual([]);
  });

  it('groups repeats of the same settings into a set: its median and its spread (min–max)', () => {
    const runs = compared([
      ['s1', timedRun({ mode: 'serial', taskMs: four(100) })],
      ['p1', timedRun({ workers: 2, taskMs: four(100) })],
      ['p2', timedRun({ workers: 2, taskMs: four(130) })],
      ['p3', timedRun({ workers: 2, taskMs: four(110) })],
      ['s2', timedRun({ mode: 'serial', taskMs: four(120) })],
    ]);
    const walls = Object.fromEntries(runs.map((r) => [r.id, r.model.elapsedMs]));
    const { sets, rows } = compareRuns(runs, null);
    expect(sets.map((s) => s.runIds)).toEqual([
      ['s1', 's2'],
      ['p1', 'p2', 'p3'],
    ]);
    const [serial, pool] = sets as [(typeof sets)[0], (typeof sets)[0]];
    expect(serial.isBaseline).toBe(true);
    const baseMedian = (walls.s1! + walls.s2!) / 2;
    expect(serial.wall).toEqual({ median: baseMedian, min: walls.s1, max: walls.s2, n: 2 });
    expect(pool.wall).toEqual({ median: walls.p3, min: walls.p1, max: walls.p2, n: 3 });
    expect(pool.speedup!.median).toBeCloseTo(baseMedian / walls.p3!);
    // The slowest repeat gives the smallest speedup.
    expect(pool.speedup!.min).toBeCloseTo(baseMedian / walls.p2!);
    expect(pool.speedup!.max).toBeCloseTo(baseMedian / walls.p1!);
    // Each run's own speedup is against the baseline's median too.
    expect(rows.find((r) => r.id === 'p2')!.speedup).toBeCloseTo(baseMedian / walls.p2!);
    expect(rows.filter((r) => r.isBaseline).map((r) => r.id)).toEqual(['s1', 's2']);
    // Choosing another set as the baseline.
    const other = compareRuns(runs, pool.key);
    expect(other.baselineKey).toBe(pool.key);
    expect(other.sets[1]!.speedup!.median).toBe(1);
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

  it("counts a whole program's workers as its largest pool (it makes its own, whatever the run bar says)", () => {
    const executors = [
      {
        id: 1,
        kind: 'thread' as const,
        maxWorkers: 2,
        startMethod: null,
        maxTasksPerChild: null,
        initializer: null,
        created: 0,
      },
      {
        id: 2,
        kind: 'process' as const,
        maxWorkers: 4,
        startMethod: 'fork',
        maxTasksPerChild: null,
        initializer: null,
        created: 5,
      },
    ];
    expect(poolSize({ mode: 'submit', maxWorkers: 3, kind: 'program' }, { executors })).toBe(4);
    expect(poolSize({ mode: 'submit', maxWorkers: 3, kind: 'program' }, { executors: [] })).toBe(1);
    expect(poolSize({ mode: 'submit', maxWorkers: 3, kind: 'tasks' }, { executors })).toBe(3);
  });
});
