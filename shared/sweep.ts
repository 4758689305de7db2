/**
 * Sweeps: one spec run again and again over max workers 1…N, or over a list
 * of chunksizes. Turns the runs (history summaries) into the points the
 * charts draw: speedup against workers (baseline: the 1-worker run), with
 * Amdahl's law fitted to them; or wall time against chunksize.
 */
import { fitAmdahl } from './amdahl';
import { LIMITS, type RunSpec } from './run-spec';

export type SweepKind = 'workers' | 'chunksize';

export interface SweepRunSummary {
  id: string;
  createdAt: number;
  spec: Pick<RunSpec, 'mode' | 'maxWorkers' | 'chunksize'>;
  outcome: string;
  wallMs: number | null;
}

export interface WorkerPoint {
  runId: string;
  workers: number;
  wallMs: number;
  speedup: number;
}

/** Runs that finished and have a wall time; of repeats of one value, the latest. */
function latestBy<T extends SweepRunSummary>(runs: readonly T[], key: (r: T) => number): Map<number, T> {
  const out = new Map<number, T>();
  for (const run of runs) {
    if (run.outcome !== 'ok' || run.wallMs === null || !(run.wallMs > 0)) continue;
    const k = key(run);
    const seen = out.get(k);
    if (!seen || run.createdAt > seen.createdAt) out.set(k, run);
  }
  return out;
}

/** Speedup against the 1-worker run (or, without one, against the run with the fewest workers). */
export function workerSweepPoints(runs: readonly SweepRunSummary[]): WorkerPoint[] {
  const byWorkers = latestBy(
    runs.filter((r) => r.spec.mode !== 'serial'),
    (r) => r.spec.maxWorkers,
  );
  const sorted = [...byWorkers.values()].sort((a, b) => a.spec.maxWorkers - b.spec.maxWorkers);
  const base = sorted[0];
  if (!base) return [];
  return sorted.map((r) => ({
    runId: r.id,
    workers: r.spec.maxWorkers,
    wallMs: r.wallMs!,
    speedup: base.wallMs! / r.wallMs!,
  }));
}

export interface AmdahlFit {
  serialFraction: number;
  /** The points the law was fitted to. */
  fittedTo: readonly WorkerPoint[];
  /** True when points with more workers than CPUs were left out of the fit. */
  limitedToCpus: boolean;
}

/**
 * Amdahl's law assumes a processor per worker: past the CPU count the
 * workers share cores, which the law does not model. So the fit uses the
 * runs with at most `cpus` workers when there are at least two of them.
 */
export function fitSweep(points: readonly WorkerPoint[], cpus: number | null): AmdahlFit | null {
  if (points.length < 2) return null;
  const within = cpus !== null && cpus > 0 ? points.filter((p) => p.workers <= cpus) : points;
  const limited = within.length >= 2 && within.length < points.length;
  const fittedTo = within.length >= 2 ? within : points;
  return { serialFraction: fitAmdahl(fittedTo), fittedTo, limitedToCpus: limited };
}

export interface ChunkPoint {
  runId: string;
  chunksize: number;
  wallMs: number;
}

export function chunkSweepPoints(runs: readonly SweepRunSummary[]): ChunkPoint[] {
  const byChunk = latestBy(
    runs.filter((r) => r.spec.mode === 'map'),
    (r) => r.spec.chunksize,
  );
  return [...byChunk.values()]
    .sort((a, b) => a.spec.chunksize - b.spec.chunksize)
    .map((r) => ({ runId: r.id, chunksize: r.spec.chunksize, wallMs: r.wallMs! }));
}

/** The default top of a workers sweep: twice the CPUs (at least 2). */
export function defaultSweepMax(cpus: number | null): number {
  return Math.min(LIMITS.maxWorkers, Math.max(2, 2 * (cpus ?? 2)));
}

/** Max workers 1…max. */
export function workerValues(max: number): number[] {
  return Array.from({ length: Math.max(1, Math.floor(max)) }, (_, i) => i + 1);
}

/** `1, 4, 16, 64` → [1, 4, 16, 64] (sorted, without repeats), or what is wrong with it. */
export function parseChunkList(text: string): { values: number[] } | { error: string } {
  const parts = text
    .split(/[\s,;]+/)
    .map((p) => p.trim().replace(/_/g, ''))
    .filter((p) => p !== '');
  if (parts.length === 0) return { error: 'Enter one or more chunksizes, e.g. 1, 4, 16, 64.' };
  const values: number[] = [];
  for (const part of parts) {
    const n = Number(part);
    if (!Number.isInteger(n) || n < 1 || n > LIMITS.maxChunksize)
      return { error: `"${part}" is not a chunksize (a whole number from 1 to ${LIMITS.maxChunksize}).` };
    values.push(n);
  }
  const unique = [...new Set(values)].sort((a, b) => a - b);
  if (unique.length > 32) return { error: 'At most 32 chunksizes per sweep.' };
  return { values: unique };
}
