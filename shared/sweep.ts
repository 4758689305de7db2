/**
 * Sweeps: one spec run again and again over max workers 1…N, or over a list
 * of chunksizes, each value repeated (3 times by default). Turns the runs
 * (history summaries) into the points the charts draw: the median of each
 * value's repeats, with their spread (min–max) as whiskers — speedup
 * against workers (baseline: the 1-worker median), with Amdahl's law fitted
 * to the medians and how well it fits; or wall time against chunksize.
 */
import { fitAmdahl, fitQuality, type FitQuality } from './amdahl';
import { busyMachine } from './busy-machine';
import { efficiencyNoise, serialFractionNoise, type NoiseFlag } from './noise-flags';
import type { RunTiming } from './run-stats';
import { LIMITS, type RunSpec } from './run-spec';
import { median, relativeSpread, spreadOf, type Spread } from './spread';

export type SweepKind = 'workers' | 'chunksize';

/** Repeats of each value unless the learner says otherwise: enough for a median and a spread. */
export const DEFAULT_SWEEP_REPEATS = 3;
export const MAX_REPEATS = 20;

/** Repeats that differ by more than this share of their median make a point noisy. */
export const WIDE_SPREAD = 0.25;

export interface SweepRunSummary {
  id: string;
  createdAt: number;
  spec: Pick<RunSpec, 'mode' | 'maxWorkers' | 'chunksize'>;
  outcome: string;
  wallMs: number | null;
  timing?: RunTiming | null;
}

export interface WorkerPoint {
  workers: number;
  /** The repeats measured for this value, oldest first. */
  runIds: string[];
  wall: Spread;
  /** Against the 1-worker median: median ÷ each repeat (the slowest repeat gives the smallest). */
  speedup: Spread;
  /** What makes this point noise rather than a result, in words (empty when nothing does). */
  noise: string[];
}

/** The steps of a sweep in rounds (every value once, then again…), so a change in load touches all alike. */
export function sweepSteps(values: readonly number[], repeats: number): { value: number; round: number }[] {
  const rounds = Math.max(1, Math.floor(repeats));
  return Array.from({ length: rounds }, (_, round) => values.map((value) => ({ value, round }))).flat();
}

/** Runs that finished with a wall time, grouped by `key`, in key order. */
function groupBy<T extends SweepRunSummary>(runs: readonly T[], key: (r: T) => number): [number, T[]][] {
  const out = new Map<number, T[]>();
  for (const run of [...runs].sort((a, b) => a.createdAt - b.createdAt)) {
    if (run.outcome !== 'ok' || run.wallMs === null || !(run.wallMs > 0)) continue;
    out.set(key(run), [...(out.get(key(run)) ?? []), run]);
  }
  return [...out].sort((a, b) => a[0] - b[0]);
}

export interface WorkerPointOptions {
  /** The serial baseline's median time per input, when the history has one of the same work. */
  serialItemMs?: number | null;
}

/**
 * Speedup against the 1-worker median (or, without one, against the fewest
 * workers'). Each point says what makes it noisy: runs on a busy machine
 * (with the serial baseline's time per input, else the 1-worker runs', as
 * the reference), an efficiency above 100 %, repeats far apart.
 */
export function workerSweepPoints(
  runs: readonly SweepRunSummary[],
  options: WorkerPointOptions = {},
): WorkerPoint[] {
  const groups = groupBy(
    runs.filter((r) => r.spec.mode !== 'serial'),
    (r) => r.spec.maxWorkers,
  );
  const base = groups[0];
  if (!base) return [];
  const baseWall = median(base[1].map((r) => r.wallMs!))!;
  const oneWorker = groups.find(([w]) => w === 1)?.[1] ?? [];
  const oneWorkerItemMs = median(
    oneWorker.flatMap((r) => (r.timing?.medianItemMs ? [r.timing.medianItemMs] : [])),
  );
  return groups.map(([workers, group]) => {
    const walls = group.map((r) => r.wallMs!);
    const wall = spreadOf(walls)!;
    const speedup: Spread = {
      median: baseWall / wall.median,
      min: baseWall / wall.max,
      max: baseWall / wall.min,
      n: wall.n,
    };
    const reference = options.serialItemMs ?? (workers > 1 ? oneWorkerItemMs : null);
    const busy = group.filter(
      (r) =>
        r.timing &&
        busyMachine({
          workers: r.timing.peakWorkers,
          timing: r.timing,
          baselineItemMs: reference,
        }) !== null,
    ).length;
    const noise: string[] = [];
    const who = `${workers} worker${workers === 1 ? '' : 's'}`;
    if (busy > 0)
      noise.push(
        `${busy} of ${group.length} run${group.length === 1 ? '' : 's'} with ${who} on a busy machine`,
      );
    const over = base[0] === 1 ? efficiencyNoise(speedup.median, workers) : null;
    if (over && over.kind === 'efficiency-over-100')
      noise.push(`${who}: efficiency ${Math.round(over.efficiency * 100)} %`);
    if (wall.n > 1 && relativeSpread(wall) > WIDE_SPREAD)
      noise.push(`${who}: repeats ${Math.round(relativeSpread(wall) * 100)} % apart`);
    return { workers, runIds: group.map((r) => r.id), wall, speedup, noise };
  });
}

export interface AmdahlFit {
  serialFraction: number;
  /** The points the law was fitted to (their medians). */
  fittedTo: readonly WorkerPoint[];
  /** True when points with more workers than CPUs were left out of the fit. */
  limitedToCpus: boolean;
  quality: FitQuality;
  /** A serial fraction near 100 % fitted to noisy points. */
  noise: NoiseFlag | null;
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
  const medians = fittedTo.map((p) => ({ workers: p.workers, speedup: p.speedup.median }));
  const serialFraction = fitAmdahl(medians);
  return {
    serialFraction,
    fittedTo,
    limitedToCpus: limited,
    quality: fitQuality(serialFraction, medians),
    noise: serialFractionNoise(
      serialFraction,
      fittedTo.flatMap((p) => p.noise),
    ),
  };
}

export interface ChunkPoint {
  chunksize: number;
  runIds: string[];
  wall: Spread;
}

export function chunkSweepPoints(runs: readonly SweepRunSummary[]): ChunkPoint[] {
  return groupBy(
    runs.filter((r) => r.spec.mode === 'map'),
    (r) => r.spec.chunksize,
  ).map(([chunksize, group]) => ({
    chunksize,
    runIds: group.map((r) => r.id),
    wall: spreadOf(group.map((r) => r.wallMs!))!,
  }));
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
