/**
 * Amdahl's law: with a serial fraction s of the work, n workers give at most
 *   S(n) = 1 / (s + (1 − s) / n).
 * fitAmdahl finds the s that best explains measured speedups (least squares),
 * which a sweep plots beside the ideal line S(n) = n.
 */

export interface SpeedupPoint {
  workers: number;
  speedup: number;
}

export function amdahlSpeedup(serialFraction: number, workers: number): number {
  return 1 / (serialFraction + (1 - serialFraction) / workers);
}

function squaredError(s: number, points: readonly SpeedupPoint[]): number {
  let sum = 0;
  for (const p of points) sum += (p.speedup - amdahlSpeedup(s, p.workers)) ** 2;
  return sum;
}

/** The serial fraction in [0, 1] that best fits the points (golden-section search). */
export function fitAmdahl(points: readonly SpeedupPoint[]): number {
  const usable = points.filter((p) => p.workers >= 1 && Number.isFinite(p.speedup) && p.speedup > 0);
  if (usable.length === 0) return 1;
  const ratio = (Math.sqrt(5) - 1) / 2;
  let lo = 0;
  let hi = 1;
  let a = hi - ratio * (hi - lo);
  let b = lo + ratio * (hi - lo);
  let fa = squaredError(a, usable);
  let fb = squaredError(b, usable);
  for (let i = 0; i < 80; i++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - ratio * (hi - lo);
      fa = squaredError(a, usable);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + ratio * (hi - lo);
      fb = squaredError(b, usable);
    }
  }
  const s = (lo + hi) / 2;
  // The ends of the interval are candidates too (the search only approaches them).
  return [0, s, 1].reduce((best, c) => (squaredError(c, usable) < squaredError(best, usable) ? c : best));
}

/**
 * How well the fitted curve explains the points it was fitted to. The curve
 * always passes through S(1) = 1 and has one free number, so it can miss
 * only when at least two points have more than one worker: otherwise the
 * fit is exact by construction, and says nothing (`judged` false).
 */
export interface FitQuality {
  judged: boolean;
  /** 1 − (squared misses ÷ squared distances of the speedups from their mean); null when they do not vary. */
  rSquared: number | null;
  /** The largest miss, as a share of the curve's value there (0.05: 5 % off). */
  worstMiss: number;
  /** Where the largest miss is (max workers), null when nothing misses. */
  worstWorkers: number | null;
}

export function fitQuality(serialFraction: number, points: readonly SpeedupPoint[]): FitQuality {
  const usable = points.filter((p) => p.workers >= 1 && Number.isFinite(p.speedup) && p.speedup > 0);
  const judged = usable.filter((p) => p.workers > 1).length >= 2;
  let worstMiss = 0;
  let worstWorkers: number | null = null;
  for (const p of usable) {
    const predicted = amdahlSpeedup(serialFraction, p.workers);
    const miss = Math.abs(p.speedup - predicted) / predicted;
    if (miss > worstMiss) {
      worstMiss = miss;
      worstWorkers = p.workers;
    }
  }
  const mean = usable.reduce((sum, p) => sum + p.speedup, 0) / Math.max(1, usable.length);
  const total = usable.reduce((sum, p) => sum + (p.speedup - mean) ** 2, 0);
  const rSquared = total > 1e-12 ? 1 - squaredError(serialFraction, usable) / total : null;
  return { judged, rSquared, worstMiss, worstWorkers };
}

/** A fit within this share of every point is good; within FAIR_MISS, fair. */
export const GOOD_MISS = 0.05;
export const FAIR_MISS = 0.15;

export type FitGrade = 'exact' | 'good' | 'fair' | 'poor';

export function fitGrade(quality: FitQuality): FitGrade {
  if (!quality.judged) return 'exact';
  return quality.worstMiss <= GOOD_MISS ? 'good' : quality.worstMiss <= FAIR_MISS ? 'fair' : 'poor';
}

/** How well the law fits, in a learner's words. */
export function fitQualityText(quality: FitQuality): string {
  const r2 =
    quality.rSquared === null ? '' : ` (R² = ${quality.rSquared.toFixed(2)}, where 1 is a perfect fit)`;
  const miss = `${Math.max(1, Math.round(quality.worstMiss * 100))} %`;
  const where = `the ${quality.worstWorkers}-worker point`;
  switch (fitGrade(quality)) {
    case 'exact':
      return (
        'How well it fits cannot be judged here: the curve always passes through the 1-worker point, ' +
        'so with only one other point it goes through both by construction.'
      );
    case 'good':
      return `It fits well: the curve passes within ${miss} of every point${r2}.`;
    case 'fair':
      return `A fair fit: the curve misses ${where} by ${miss}${r2}.`;
    case 'poor':
      return (
        `A poor fit: the curve misses ${where} by ${miss}${r2}. Amdahl's law explains these runs ` +
        'only roughly: costs that grow with the number of workers (start-up, sending data) or a busy ' +
        'machine matter here.'
      );
  }
}
