import { describe, expect, it } from 'vitest';
import { efficiency, runStats, speedup } from '../run-stats';
import { sampleRun } from './sample-runs';

describe('run statistics', () => {
  it('splits the time into start-up, queue, transfer and running', () => {
    const stats = runStats(sampleRun());
    expect(stats.wallMs).toBe(150);
    expect(stats.breakdown).toEqual({ startupMs: 85, queuedMs: 85, transferMs: 6, runningMs: 200 });
    expect(stats.utilisation).toBeCloseTo(200 / 300);
    expect(speedup(300, 150)).toBe(2);
    expect(efficiency(2, 4)).toBe(0.5);
  });
});
