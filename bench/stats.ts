/** Small statistics helpers shared by the workloads (pure). */

export function mean(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Nearest-rank percentile on the sorted values (the same definition as reference/py_pool.py). */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const k = Math.max(0, Math.min(s.length - 1, Math.round((p / 100) * (s.length - 1))));
  return s[k]!;
}

export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** mulberry32: a seeded PRNG, bit for bit the same as mulberry32() in reference/py_pool.py. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How many tasks each worker ran, most first (from the PIDs the tasks returned). */
export function tasksPerWorker(pids: readonly number[]): number[] {
  const counts = new Map<number, number>();
  for (const pid of pids) counts.set(pid, (counts.get(pid) ?? 0) + 1);
  return [...counts.values()].sort((a, b) => b - a);
}

/** A figure over its repetitions: the median and the spread. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  /** How many repetitions (1 for a figure measured once). */
  n: number;
}

/** A number, or a non-empty array of numbers (one per repetition), summarised; else undefined. */
export function summarize(value: unknown): Summary | undefined {
  if (typeof value === 'number')
    return Number.isFinite(value) ? { median: value, min: value, max: value, n: 1 } : undefined;
  if (!Array.isArray(value) || value.length === 0) return undefined;
  if (!value.every((v) => typeof v === 'number' && Number.isFinite(v))) return undefined;
  const xs = value as number[];
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length };
}

/**
 * a / b over repetitions: when both are measured the same number of times,
 * the ratio of each pair of repetitions, summarised (the Node systems take
 * turns within a repetition, so a pair shares the machine's mood of the
 * moment; CPython's repetitions pair by index); otherwise the ratio of the
 * medians. Undefined when a side is missing or 0.
 */
export function ratioSummary(a: unknown, b: unknown): Summary | undefined {
  const sa = summarize(a);
  const sb = summarize(b);
  if (!sa || !sb) return undefined;
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.length > 1) {
    const ratios = (a as number[]).map((x, i) => x / (b as number[])[i]!).filter(Number.isFinite);
    if (ratios.length === a.length) return summarize(ratios);
  }
  if (sb.median === 0) return undefined;
  const r = sa.median / sb.median;
  return { median: r, min: r, max: r, n: 1 };
}
