import { describe, expect, it } from 'vitest';
import {
  evaluateTarget,
  evaluateTargets,
  type Figures,
  figure,
  formatNumber,
  formatRatio,
  ratio,
  renderReport,
  reportNotes,
  TARGETS,
} from './report';

const target = (id: string) => TARGETS.find((t) => t.id === id)!;

const ours: Figures = {
  dispatch: { seq_us_per_task: 40, us_per_task: 60, seq_us_all: [40, 41, 39] },
  map: { items_per_s_c1: 30_000, items_per_s_c256: 1_000_000 },
  cpu: { speedup2: 1.98, pool2_tasks_per_worker: [4, 4] },
  as_completed: { delay_ms_mean: 0.25 },
};
const cpython: Figures = {
  dispatch: { seq_us_per_task: 100, us_per_task: 80 },
  map: { items_per_s_c1: 10_000, items_per_s_c256: 1_600_000 },
  cpu: { speedup2: 1.5 },
  as_completed: { delay_ms_mean: 0.3 },
};

describe('ratio and figure', () => {
  it('divides ours by CPython, null when a side is missing or zero', () => {
    expect(ratio(40, 100)).toBeCloseTo(0.4);
    expect(ratio(undefined, 100)).toBeNull();
    expect(ratio(40, undefined)).toBeNull();
    expect(ratio(40, 0)).toBeNull();
  });

  it('reads only finite numbers', () => {
    expect(figure(ours, 'dispatch', 'seq_us_per_task')).toBe(40);
    expect(figure(ours, 'dispatch', 'seq_us_all')).toBeUndefined();
    expect(figure({ cold: { ms_first: NaN } }, 'cold', 'ms_first')).toBeUndefined();
    expect(figure(null, 'cold', 'ms_first')).toBeUndefined();
  });
});

describe('targets', () => {
  it('compares ratios with <= and >= limits', () => {
    expect(evaluateTarget(target('dispatch-seq'), ours, cpython)).toMatchObject({
      verdict: 'pass',
      value: 0.4,
    });
    expect(evaluateTarget(target('dispatch-all'), ours, cpython)).toMatchObject({
      verdict: 'fail',
      value: 0.75,
    });
    expect(evaluateTarget(target('map-c1'), ours, cpython)).toMatchObject({ verdict: 'pass', value: 3 });
    expect(evaluateTarget(target('map-c256'), ours, cpython)).toMatchObject({
      verdict: 'fail',
      value: 0.625,
    });
  });

  it('judges absolute targets on our own figure alone, even without CPython', () => {
    expect(evaluateTarget(target('cpu-speedup2'), ours, null)).toMatchObject({
      verdict: 'pass',
      value: 1.98,
    });
    expect(evaluateTarget(target('as-completed-delay'), ours, null)).toMatchObject({
      verdict: 'fail',
      value: 0.25,
    });
  });

  it('has no verdict without the figures it needs', () => {
    expect(evaluateTarget(target('dispatch-seq'), ours, null)).toMatchObject({
      verdict: 'n/a',
      note: 'CPython not available',
    });
    expect(evaluateTarget(target('dispatch-seq'), {}, cpython)).toMatchObject({
      verdict: 'n/a',
      note: 'workload not run',
    });
    expect(evaluateTarget(target('map-c1'), ours, { map: {} })).toMatchObject({ verdict: 'n/a' });
  });

  it('treats a figure exactly at the limit as a pass', () => {
    const atLimit = evaluateTarget(target('cpu-speedup2'), { cpu: { speedup2: 1.95 } }, null);
    expect(atLimit.verdict).toBe('pass');
  });
});

describe('formatting', () => {
  it('groups thousands and keeps about 3 significant digits', () => {
    expect(formatNumber(1_269_195.4)).toBe('1,269,195');
    expect(formatNumber(190.2)).toBe('190');
    expect(formatNumber(62.74)).toBe('62.7');
    expect(formatNumber(5.432)).toBe('5.43');
    expect(formatNumber(0.29912)).toBe('0.299');
    expect(formatNumber(0.04567)).toBe('0.0457');
    expect(formatNumber(0)).toBe('0');
    expect(formatRatio(0.5234)).toBe('0.52×');
    expect(formatRatio(null)).toBe('—');
  });
});

describe('renderReport', () => {
  it('prints every figure with its ratio and mark, then the targets', () => {
    const text = renderReport({ ours, cpython });
    expect(text).toMatch(
      /one submit \+ result at a time \(µs\/task\)\s+40\.0\s+100\s+0\.40×\s+ratio ≤ 0\.5 ✔ pass/,
    );
    expect(text).toMatch(/chunksize 256 \(items\/s\)\s+1,000,000\s+1,600,000\s+0\.63×\s+ratio ≥ 1\.5 ✘ FAIL/);
    expect(text).toMatch(/tasks run by each worker, 2 workers\s+4\+4/);
    expect(text).toContain('3 of 6 evaluated targets pass');
    expect(text).not.toContain('[cold]');
  });

  it('flags a 2-worker run where the host did not give each worker a full core', () => {
    const slow: Figures = { cpu: { task_s_serial_mean: 0.5, pool2_task_s_mean: 0.8, speedup2: 1.2 } };
    const fine: Figures = { cpu: { task_s_serial_mean: 0.5, pool2_task_s_mean: 0.51, speedup2: 1.97 } };
    expect(reportNotes(slow, fine)).toEqual([
      expect.stringMatching(/^ours: with 2 workers one task took 0\.800 s/),
    ]);
    expect(reportNotes(fine, slow)).toEqual([expect.stringMatching(/^CPython: /)]);
    expect(reportNotes(fine, fine)).toEqual([]);
  });

  it('says why CPython is missing and still judges the absolute targets', () => {
    const text = renderReport({ ours, cpython: null, cpythonMissing: 'python3: spawn python3 ENOENT' });
    expect(text).toContain('CPython: not measured (python3: spawn python3 ENOENT)');
    expect(evaluateTargets(ours, null).filter((r) => r.verdict !== 'n/a')).toHaveLength(2);
    expect(text).toContain('1 of 2 evaluated targets pass');
  });
});
