/** Scales and ticks for the sweep charts (plain functions: easy to check, no chart library needed). */

export interface Axis {
  /** Data value → pixel. */
  at(value: number): number;
  ticks: number[];
}

/** Round tick values from `min` to `max`, about `count` of them (1, 2, 2.5 or 5 × 10ⁿ apart). */
export function niceTicks(min: number, max: number, count: number): number[] {
  const span = Math.max(max - min, 1e-9);
  const raw = span / Math.max(1, count);
  const decade = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * decade).find((s) => s >= raw - 1e-12) ?? 10 * decade;
  const out: number[] = [];
  for (let v = Math.ceil(min / step - 1e-9) * step; v <= max + step * 1e-6; v += step) {
    out.push(Math.round(v * 1e9) / 1e9);
  }
  return out;
}

export function linearAxis(d0: number, d1: number, r0: number, r1: number, ticks: number[]): Axis {
  const k = (r1 - r0) / Math.max(d1 - d0, 1e-9);
  return { at: (v) => r0 + (v - d0) * k, ticks };
}

/** A base-2 log axis (chunksizes 1, 2, 4 … 1024): ticks at the values measured. */
export function log2Axis(d0: number, d1: number, r0: number, r1: number, ticks: number[]): Axis {
  const l0 = Math.log2(d0);
  const k = (r1 - r0) / Math.max(Math.log2(d1) - l0, 1e-9);
  return { at: (v) => r0 + (Math.log2(v) - l0) * k, ticks };
}

/** Whole-number ticks from 1 to `max`, thinned so at most `count` show. */
export function integerTicks(max: number, count: number): number[] {
  const step = Math.max(1, Math.ceil(max / Math.max(1, count)));
  const out: number[] = [];
  for (let v = 1; v <= max; v += step) out.push(v);
  if (out[out.length - 1] !== max) out.push(max);
  return out;
}

/** `4.2 %` style serial fraction. */
export function serialFractionText(s: number): string {
  const pct = s * 100;
  if (pct < 0.05) return '0 %';
  return pct < 10 ? `${pct.toFixed(1)} %` : `${pct.toFixed(0)} %`;
}

/** Where a point's label goes: to its right, or to its left near the chart's right edge (never cut off). */
export function besidePoint(px: number, right: number, zoom: number): { x: number; anchor: 'start' | 'end' } {
  return px > right - 56 * zoom ? { x: px - 8 * zoom, anchor: 'end' } : { x: px + 8 * zoom, anchor: 'start' };
}
