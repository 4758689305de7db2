import { describe, expect, it } from 'vitest';
import { amdahlSpeedup, fitAmdahl, fitGrade, fitQuality, fitQualityText } from '../amdahl';

describe("Amdahl's law fit", () => {
  it('recovers the serial fraction of ideal data', () => {
    const points = [1, 2, 3, 4, 8].map((n) => ({ workers: n, speedup: amdahlSpeedup(0.1, n) }));
    expect(fitAmdahl(points)).toBeCloseTo(0.1, 3);
  });

  it('gives 0 for perfect scaling and 1 for none', () => {
    expect(fitAmdahl([1, 2, 4].map((n) => ({ workers: n, speedup: n })))).toBe(0);
    expect(fitAmdahl([1, 2, 4].map((n) => ({ workers: n, speedup: 1 })))).toBe(1);
  });

  it('says how well the curve fits: how far it misses the worst point, and R²', () => {
    const ideal = [1, 2, 3, 4].map((n) => ({ workers: n, speedup: amdahlSpeedup(0.1, n) }));
    const good = fitQuality(fitAmdahl(ideal), ideal);
    expect(good).toMatchObject({ judged: true });
    expect(good.worstMiss).toBeLessThan(0.001);
    expect(good.rSquared).toBeCloseTo(1, 4);
    expect(fitGrade(good)).toBe('good');
    expect(fitQualityText(good)).toMatch(
      /^It fits well: the curve passes within 1 % of every point \(R² = 1\.00/,
    );

    // Speedup rises, then falls past 2 workers: no single serial fraction explains that.
    const bent = [
      { workers: 1, speedup: 1 },
      { workers: 2, speedup: 1.9 },
      { workers: 3, speedup: 1.4 },
      { workers: 4, speedup: 1.1 },
    ];
    const poor = fitQuality(fitAmdahl(bent), bent);
    expect(fitGrade(poor)).toBe('poor');
    expect(poor.worstMiss).toBeGreaterThan(0.15);
    expect(fitQualityText(poor)).toMatch(/^A poor fit: the curve misses the \d-worker point by \d+ %/);
  });

  it('does not judge a fit that two points fix by construction', () => {
    const two = [
      { workers: 1, speedup: 1 },
      { workers: 2, speedup: 1.6 },
    ];
    const quality = fitQuality(fitAmdahl(two), two);
    expect(quality.judged).toBe(false);
    expect(fitGrade(quality)).toBe('exact');
    expect(fitQualityText(quality)).toContain('cannot be judged here');
  });
});
