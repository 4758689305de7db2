import { describe, expect, it } from 'vitest';
import { amdahlSpeedup, fitAmdahl } from '../amdahl';

describe("Amdahl's law fit", () => {
  it('recovers the serial fraction of ideal data', () => {
    const points = [1, 2, 3, 4, 8].map((n) => ({ workers: n, speedup: amdahlSpeedup(0.1, n) }));
    expect(fitAmdahl(points)).toBeCloseTo(0.1, 3);
  });

  it('gives 0 for perfect scaling and 1 for none', () => {
    expect(fitAmdahl([1, 2, 4].map((n) => ({ workers: n, speedup: n })))).toBe(0);
    expect(fitAmdahl([1, 2, 4].map((n) => ({ workers: n, speedup: 1 })))).toBe(1);
  });
});
