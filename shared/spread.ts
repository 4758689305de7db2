/**
 * Repeated measurements in one figure: the median (the middle value, which
 * one slow outlier cannot drag) and the spread from the smallest to the
 * largest, which the charts draw as whiskers.
 */

export interface Spread {
  median: number;
  min: number;
  max: number;
  /** How many measurements. */
  n: number;
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function spreadOf(values: readonly number[]): Spread | null {
  const finite = values.filter((v) => Number.isFinite(v));
  const mid = median(finite);
  if (mid === null) return null;
  return { median: mid, min: Math.min(...finite), max: Math.max(...finite), n: finite.length };
}

/** (max − min) ÷ median: 0.1 when the repeats differ by a tenth of the median. */
export function relativeSpread(spread: Spread): number {
  return spread.median > 0 ? (spread.max - spread.min) / spread.median : 0;
}
