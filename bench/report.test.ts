import { describe, expect, it } from 'vitest';
import { formatCompact, formatNumber, formatRatio, renderReport, reportNotes } from './report';
import { ratioSummary, summarize } from './stats';
import { chunked, rotation } from './systems';
import { evaluateTarget, evaluateTargets, type Results, TARGETS } from './targets';

const target = (id: string) => {
  const found = TARGETS.find((t) => t.id === id);
  if (!found) throw new Error(`no target ${id}`);
  return found;
};

/** Three repetitions each; the peers' figures are paired with ours repetition by repetition. */
const results: Results = {
  ours: {
    dispatch: { seq_us_per_task: [40, 50, 45], us_per_task: [12, 13, 14] },
    map: { items_per_s_c1: [30_000, 31_000, 29_000], items_per_s_c256: [1_000_000, 1_100_000, 900_000] },
    cpu: { speedup2: [1.98, 1.97, 1.99], pool2_tasks_per_worker: [4, 4] },
    as_completed: { delay_ms_mean: [0.12, 0.1, 0.11], floor_delay_ms_mean: [0.07, 0.08, 0.09] },
  },
  workerpool: {
    dispatch: { seq_us_per_task: [50, 50, 50], us_per_task: [48, 52, 50] },
    map: { items_per_s_c1: [15_000, 15_500, 14_500], items_per_s_c256: [2_000_000, 1_000_000, 1_000_000] },
  },
  cpython: {
    dispatch: { seq_us_per_task: [100, 100, 100], us_per_task: [80, 80, 80] },
    map: { items_per_s_c1: [10_000, 10_000, 10_000], items_per_s_c256: 1_600_000 },
    cpu: { speedup2: 1.5 },
  },
};

describe('summaries over repetitions', () => {
  it('takes the median and the spread of an array, and a single figure as it is', () => {
    expect(summarize([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3, n: 3 });
    expect(summarize([1, 2, 3, 10])).toMatchObject({ median: 2.5 });
    expect(summarize(7)).toEqual({ median: 7, min: 7, max: 7, n: 1 });
    expect(summarize([])).toBeUndefined();
    expect(summarize([1, NaN])).toBeUndefined();
    expect(summarize('x')).toBeUndefined();
  });

  it('pairs repetitions for a ratio, and falls back to the ratio of medians', () => {
    expect(ratioSummary([40, 50, 45], [50, 50, 50])).toEqual({ median: 0.9, min: 0.8, max: 1, n: 3 });
    expect(ratioSummary([1_000_000, 1_100_000, 900_000], 1_600_000)).toEqual({
      median: 0.625,
      min: 0.625,
      max: 0.625,
      n: 1,
    });
    expect(ratioSummary([2, 4], [1, 2, 3])).toMatchObject({ median: 1.5, n: 1 });
    expect(ratioSummary(1, 0)).toBeUndefined();
    expect(ratioSummary(undefined, 2)).toBeUndefined();
  });
});

describe('targets', () => {
  it('judges ours / each peer on the median of the paired ratios', () => {
    expect(evaluateTarget(target('dispatch-seq-workerpool'), results)).toMatchObject({
      verdict: 'pass',
      value: { median: 0.9, min: 0.8, max: 1 },
      straddles: false,
    });
    expect(evaluateTarget(target('dispatch-seq-cpython'), results)).toMatchObject({
      verdict: 'pass',
      value: { median: 0.45 },
    });
    expect(evaluateTarget(target('map-c1-cpython'), results)).toMatchObject({
      verdict: 'pass',
      value: { median: 3 },
    });
    expect(evaluateTarget(target('map-c256-cpython'), results)).toMatchObject({
      verdict: 'fail',
      value: { median: 0.625 },
    });
  });

  it('says when the spread reaches across the limit', () => {
    // ours/workerpool at chunksize 256: 0.5, 1.1, 0.9 → median 0.9 fails, but one rep passed.
    expect(evaluateTarget(target('map-c256-workerpool'), results)).toMatchObject({
      verdict: 'fail',
      straddles: true,
    });
  });

  it('judges as_completed against the floor measured in the same run', () => {
    const r = evaluateTarget(target('as-completed-delay'), results);
    expect(r.verdict).toBe('pass');
    expect(r.limit).toBeCloseTo(0.08 + 0.03);
    expect(r.value?.median).toBe(0.11);
    const slow = evaluateTarget(target('as-completed-delay'), {
      ours: { as_completed: { delay_ms_mean: [0.2, 0.2, 0.2], floor_delay_ms_mean: [0.05, 0.05, 0.05] } },
    });
    expect(slow.verdict).toBe('fail');
    const noFloor = evaluateTarget(target('as-completed-delay'), {
      ours: { as_completed: { delay_ms_mean: [0.1] } },
    });
    expect(noFloor).toMatchObject({ verdict: 'n/a', note: 'the bare-fork floor not measured' });
  });

  it('judges absolute targets on our own figure alone', () => {
    expect(evaluateTarget(target('cpu-speedup2'), { ours: results.ours })).toMatchObject({
      verdict: 'pass',
      value: { median: 1.98 },
    });
    const atLimit = evaluateTarget(target('cpu-speedup2'), { ours: { cpu: { speedup2: 1.95 } } });
    expect(atLimit.verdict).toBe('pass');
  });

  it('has no verdict without the figures it needs', () => {
    expect(evaluateTarget(target('dispatch-all-tinypool'), results)).toMatchObject({
      verdict: 'n/a',
      note: 'tinypool not measured',
    });
    expect(evaluateTarget(target('map-c16-workerpool'), results)).toMatchObject({
      verdict: 'n/a',
      note: 'workload not run',
    });
    expect(
      evaluateTarget(target('map-c1-workerpool'), { ...results, workerpool: { map: {} } }),
    ).toMatchObject({
      verdict: 'n/a',
      note: 'no workerpool figure',
    });
  });

  it('holds ours to every peer on submit-all and on map at every chunksize', () => {
    const ids = TARGETS.map((t) => t.id);
    for (const peer of ['workerpool', 'tinypool', 'cpython']) {
      for (const figure of ['dispatch-all', 'map-c1', 'map-c16', 'map-c256']) {
        expect(ids).toContain(`${figure}-${peer}`);
      }
    }
    expect(ids).toContain('dispatch-seq-workerpool');
  });
});

describe('formatting', () => {
  it('groups thousands, keeps about 3 significant digits, and shortens big rates', () => {
    expect(formatNumber(1_269_195.4)).toBe('1,269,195');
    expect(formatNumber(190.2)).toBe('190');
    expect(formatNumber(62.74)).toBe('62.7');
    expect(formatNumber(5.432)).toBe('5.43');
    expect(formatNumber(0.29912)).toBe('0.299');
    expect(formatNumber(0.04567)).toBe('0.0457');
    expect(formatNumber(0)).toBe('0');
    expect(formatCompact(2_503_000)).toBe('2.50M');
    expect(formatCompact(33_912)).toBe('33.9k');
    expect(formatCompact(9_999)).toBe('9,999');
    expect(formatRatio(0.5234)).toBe('0.52×');
    expect(formatRatio(null)).toBe('—');
  });
});

describe('renderReport', () => {
  it("prints each system's median, its spread below, and our ratio to each peer", () => {
    const text = renderReport({ results, missing: { tinypool: '--no-peers' } });
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('one submit + result at a time'));
    expect(lines[at]).toMatch(/\(µs\/task\)\s+45\.0\s+50\.0\s+100\s+0\.90×\s+0\.45×$/);
    expect(lines[at + 1]).toMatch(/^\s+40\.0–50\.0\s+±0\s+±0\s+0\.80–1\.00\s+0\.40–0\.50$/);
    expect(text).toMatch(/chunksize 256 \(items\/s\)\s+1\.00M\s+1\.00M\s+1\.60M\s+0\.90×\s+0\.63×/);
    expect(text).toMatch(/tasks run by each worker, 2 workers\s+4\+4/);
    expect(text).toContain('tinypool: not measured (--no-peers)');
    expect(text).not.toContain('[cold]');
  });

  it('lists every target with its verdict and counts those evaluated', () => {
    const text = renderReport({ results });
    expect(text).toMatch(
      /✔ pass\s+one-at-a-time µs\/task ≤ workerpool's\s+ours\/workerpool = 0\.90× \(0\.80–1\.00\)/,
    );
    expect(text).toMatch(/✘ FAIL\s+map chunksize 256 items\/s ≥ workerpool's .*the spread crosses the limit/);
    expect(text).toMatch(
      /✔ pass\s+as_completed mean delay ≤ bare-fork JSON floor \+ 0\.03 ms\s+ours = 0\.110/,
    );
    const evaluated = evaluateTargets(results).filter((r) => r.verdict !== 'n/a');
    const passed = evaluated.filter((r) => r.verdict === 'pass').length;
    expect(text).toContain(`${passed} of ${evaluated.length} evaluated targets pass`);
  });

  it('flags a 2-worker run where the host did not give each worker a full core', () => {
    const slow = { cpu: { task_s_serial_mean: [0.5, 0.5, 0.5], pool2_task_s_mean: [0.8, 0.7, 0.9] } };
    const fine = { cpu: { task_s_serial_mean: 0.5, pool2_task_s_mean: 0.51 } };
    expect(reportNotes({ ours: slow, cpython: fine })).toEqual([
      expect.stringMatching(/^ours: with 2 workers one task took 0\.800 s/),
    ]);
    expect(reportNotes({ ours: fine, tinypool: slow })).toEqual([expect.stringMatching(/^tinypool: /)]);
    expect(reportNotes({ ours: fine, cpython: fine })).toEqual([]);
  });
});

describe('taking turns', () => {
  it('rotates the order of the systems from one repetition to the next', () => {
    expect(rotation(['a', 'b', 'c'], 0)).toEqual(['a', 'b', 'c']);
    expect(rotation(['a', 'b', 'c'], 1)).toEqual(['b', 'c', 'a']);
    expect(rotation(['a', 'b', 'c'], 5)).toEqual(['c', 'a', 'b']);
    expect(rotation([], 3)).toEqual([]);
  });

  it('cuts items into chunks for the peers, which have no map()', () => {
    expect(chunked([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunked([], 16)).toEqual([]);
  });
});
