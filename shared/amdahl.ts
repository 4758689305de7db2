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
