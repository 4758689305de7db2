import { describe, expect, it } from 'vitest';
import { compareRuns } from '../compare';
import {
  efficiencyNoise,
  noiseShortText,
  noiseText,
  oneWorkerNoise,
  serialFractionNoise,
} from '../noise-flags';
import type { RunModel } from '../run-model';
import { timedRun } from './sample-runs';

const four = (ms: number): number[] => [ms, ms, ms, ms];
const compared = (runs: Record<string, RunModel>) =>
  Object.entries(runs).map(([id, model]) => ({ id, spec: model.spec!, model }));

describe('noise flags', () => {
  it('flags an efficiency above 100 % as noise', () => {
    expect(efficiencyNoise(2.1, 2)).toMatchObject({ kind: 'efficiency-over-100', efficiency: 1.05 });
    expect(efficiencyNoise(1.9, 2)).toBeNull();
    expect(efficiencyNoise(null, 2)).toBeNull();
    // In a comparison: the serial baseline was slowed (tasks of 100 ms), the pool's ran at 85 ms.
    const { rows, sets } = compareRuns(
      compared({
        serial: timedRun({ mode: 'serial', taskMs: four(100) }),
        pool: timedRun({ workers: 2, taskMs: four(85) }),
      }),
      null,
    );
    const pool = rows.find((r) => r.id === 'pool')!;
    expect(pool.efficiency).toBeGreaterThan(1);
    expect(pool.noise.map((f) => f.kind)).toEqual(['efficiency-over-100']);
    expect(sets.find((s) => s.runIds.includes('pool'))!.noise.map((f) => f.kind)).toEqual([
      'efficiency-over-100',
    ]);
    expect(noiseText(pool.noise[0]!)).toMatch(/^Efficiency 1\d\d\.\d %: 2 workers were 2\.\d\d× as fast/);
  });

  it('flags a 1-worker pool faster than the serial baseline of the same work as noise', () => {
    expect(oneWorkerNoise({ serial: false, workers: 1, wallMs: 900 }, 1000)).toEqual({
      kind: 'one-worker-faster',
      wallMs: 900,
      serialWallMs: 1000,
    });
    expect(oneWorkerNoise({ serial: false, workers: 1, wallMs: 1100 }, 1000)).toBeNull();
    expect(oneWorkerNoise({ serial: false, workers: 2, wallMs: 600 }, 1000)).toBeNull();
    expect(oneWorkerNoise({ serial: true, workers: 1, wallMs: 900 }, 1000)).toBeNull();
    const { rows } = compareRuns(
      compared({
        serial: timedRun({ mode: 'serial', taskMs: four(100) }),
        one: timedRun({ workers: 1, taskMs: four(90) }),
        other: timedRun({ workers: 1, code: 'other work', taskMs: four(10) }),
      }),
      null,
    );
    expect(rows.find((r) => r.id === 'one')!.noise.map((f) => f.kind)).toContain('one-worker-faster');
    // Other work is no measure of this serial baseline: only its own efficiency is judged.
    expect(rows.find((r) => r.id === 'other')!.noise.map((f) => f.kind)).not.toContain('one-worker-faster');
    expect(
      noiseText(rows.find((r) => r.id === 'one')!.noise.find((f) => f.kind === 'one-worker-faster')!),
    ).toMatch(
      /A 1-worker pool finished in 0\.\d\d s, before the serial baseline \(0\.\d\d s\)\..*cannot really be faster/,
    );
  });

  it('raises no flag for honest figures', () => {
    const { rows, sets } = compareRuns(
      compared({
        serial: timedRun({ mode: 'serial', taskMs: four(100) }),
        one: timedRun({ workers: 1, taskMs: four(100) }),
        two: timedRun({ workers: 2, taskMs: four(100) }),
      }),
      null,
    );
    for (const r of [...rows, ...sets]) expect(r.noise).toEqual([]);
  });

  it('shows no efficiency (and flags none) against a baseline of several processes', () => {
    const { rows, efficiencyShown } = compareRuns(
      compared({
        four: timedRun({ workers: 4, taskMs: four(400) }),
        one: timedRun({ workers: 1, taskMs: four(10) }),
      }),
      null,
    );
    expect(efficiencyShown).toBe(false);
    for (const r of rows) expect(r.efficiency).toBeNull();
    expect(rows.flatMap((r) => r.noise)).toEqual([]);
  });

  it('flags a serial fraction near 100 % fitted to noisy points', () => {
    expect(serialFractionNoise(0.97, ['2 workers: efficiency 104 %'])).toMatchObject({
      kind: 'serial-fraction-from-noise',
    });
    expect(serialFractionNoise(0.97, [])).toBeNull();
    expect(serialFractionNoise(0.3, ['1 of 3 runs with 2 workers on a busy machine'])).toBeNull();
    expect(noiseText(serialFractionNoise(1, ['x'])!)).toContain('The fitted serial fraction is 100 %');
    expect(noiseShortText(serialFractionNoise(0.97, ['x'])!)).toBe('serial fraction 97 % from noisy runs');
    expect(noiseShortText(efficiencyNoise(2.44, 2)!)).toBe('efficiency 122 % (noise)');
  });
});
