import { describe, expect, it } from 'vitest';
import { compareRows, defaultBaseline, formatPercent, formatSpeedup, poolSize } from '../compare';
import { cubeRun } from './sample-runs';

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
    const slow = cubeRun(4, 100);
    const fast = cubeRun(2, 100);
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
