/**
 * The figures of a comparison: for each run its wall time, its speedup
 * against a baseline run, its efficiency and utilisation, and where its
 * time went. Which run is the baseline by default: the serial baseline if
 * one is compared, else the slowest run.
 */
import type { RunModel } from './run-model';
import type { RunSpec } from './run-spec';
import { efficiency, runStats, speedup, type RunStats } from './run-stats';

/**
 * How many workers a run had to share the work: 1 for the serial baseline; for
 * a whole program (which makes its own pools), its largest pool.
 */
export function poolSize(
  spec: Pick<RunSpec, 'mode' | 'maxWorkers'> & Partial<Pick<RunSpec, 'kind'>>,
  model?: Pick<RunModel, 'executors'>,
): number {
  if (spec.kind === 'program') return Math.max(1, ...(model?.executors ?? []).map((e) => e.maxWorkers ?? 1));
  return spec.mode === 'serial' ? 1 : spec.maxWorkers;
}

export interface BaselineCandidate {
  id: string;
  spec: Pick<RunSpec, 'mode'>;
  wallMs: number | null;
}

export function defaultBaseline(runs: readonly BaselineCandidate[]): string | null {
  const timed = runs.filter((r) => r.wallMs !== null && r.wallMs > 0);
  const serial = timed.find((r) => r.spec.mode === 'serial');
  if (serial) return serial.id;
  const slowest = timed.reduce<BaselineCandidate | null>(
    (best, r) => (best === null || r.wallMs! > best.wallMs! ? r : best),
    null,
  );
  return slowest?.id ?? runs[0]?.id ?? null;
}

export interface ComparedRun {
  id: string;
  spec: Pick<RunSpec, 'mode' | 'maxWorkers'> & Partial<Pick<RunSpec, 'kind'>>;
  model: RunModel;
}

export interface CompareRow {
  id: string;
  workers: number;
  stats: RunStats;
  /** Against the baseline; null when the baseline has no wall time. */
  speedup: number | null;
  efficiency: number | null;
  isBaseline: boolean;
}

export function compareRows(runs: readonly ComparedRun[], baselineId: string | null): CompareRow[] {
  const base = runs.find((r) => r.id === baselineId) ?? null;
  const baseWall = base ? base.model.elapsedMs : 0;
  return runs.map((run) => {
    const stats = runStats(run.model);
    const workers = poolSize(run.spec, run.model);
    const s = baseWall > 0 && stats.wallMs > 0 ? speedup(baseWall, stats.wallMs) : null;
    return {
      id: run.id,
      workers,
      stats,
      speedup: s,
      efficiency: s === null ? null : efficiency(s, workers),
      isBaseline: run.id === baselineId,
    };
  });
}

/** `1.93×`, `0.51×`, `12.4×`. */
export function formatSpeedup(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return `${value >= 10 ? value.toFixed(1) : value.toFixed(2)}×`;
}

/** `97 %`, `4.2 %`, `< 0.1 %`. */
export function formatPercent(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return '–';
  const pct = fraction * 100;
  if (pct === 0) return '0 %';
  if (Math.abs(pct) < 0.1) return '< 0.1 %';
  if (Math.abs(pct) < 10) return `${pct.toFixed(1)} %`;
  return `${pct.toFixed(0)} %`;
}
