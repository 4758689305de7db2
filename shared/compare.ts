/**
 * The figures of a comparison. Runs with the same settings are repeats of
 * one measurement: they form a set, shown as its median with the spread
 * (min–max). Each run and each set gets its wall time, its speedup against
 * the baseline set's median, its efficiency and utilisation, whether the
 * machine was busy, and the figures that can only be noise. Which set is
 * the baseline by default: the serial baseline if one is compared, else the
 * slowest.
 */
import { busyMachine, serialReferences, stableJson, workKey, type BusyNotice } from './busy-machine';
import { efficiencyNoise, oneWorkerNoise, type NoiseFlag } from './noise-flags';
import type { RunModel } from './run-model';
import type { RunSpec } from './run-spec';
import { efficiency, runStats, runTiming, speedup, type RunStats, type RunTiming } from './run-stats';
import { median, spreadOf, type Spread } from './spread';

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

/** Runs with equal settings (what runs and how) are repeats of one measurement. */
export function settingsKey(spec: RunSpec): string {
  return stableJson({
    ...spec,
    maxWorkers: poolSize(spec),
    chunksize: spec.mode === 'map' ? spec.chunksize : 1,
  });
}

export interface ComparedRun {
  id: string;
  spec: RunSpec;
  model: RunModel;
}

export interface CompareRow {
  id: string;
  setKey: string;
  workers: number;
  stats: RunStats;
  timing: RunTiming;
  /** Against the baseline set's median wall time; null when it has none. */
  speedup: number | null;
  /** Speedup ÷ workers, against a one-process baseline only. */
  efficiency: number | null;
  isBaseline: boolean;
  busy: BusyNotice | null;
  noise: NoiseFlag[];
}

export interface CompareSet {
  key: string;
  /** The runs of the set, in the order compared. */
  runIds: string[];
  spec: RunSpec;
  workers: number;
  serial: boolean;
  /** Wall times of the runs that finished normally. */
  wall: Spread | null;
  /** Against the baseline's median: each run's (the slowest run gives the smallest). */
  speedup: Spread | null;
  efficiency: number | null;
  isBaseline: boolean;
  /** How many of its runs ran on a busy machine. */
  busyRuns: number;
  noise: NoiseFlag[];
  /**
   * How its work differs from the baseline's (other code, function or
   * inputs), in the run bar's words; empty for the same work. When not, its
   * "speedup" is only a ratio of wall times, not what the pool's settings bought.
   */
  otherWork: string[];
}

export interface Comparison {
  sets: CompareSet[];
  rows: CompareRow[];
  baselineKey: string | null;
  /** Efficiency (speedup ÷ workers) means something only against one process: serial or 1 worker. */
  efficiencyShown: boolean;
}

export interface BaselineCandidate {
  key: string;
  serial: boolean;
  wall: Spread | null;
}

/** The serial set if one is compared, else the slowest (by median). */
export function defaultBaseline(sets: readonly BaselineCandidate[]): string | null {
  const timed = sets.filter((s) => s.wall !== null && s.wall.median > 0);
  const serial = timed.find((s) => s.serial);
  if (serial) return serial.key;
  const slowest = timed.reduce<BaselineCandidate | null>(
    (best, s) => (best === null || s.wall!.median > best.wall!.median ? s : best),
    null,
  );
  return slowest?.key ?? sets[0]?.key ?? null;
}

/**
 * How the work of `spec` differs from the work of `base`, apart from how the
 * pool was set up: the code and, for task functions, the function and its
 * inputs (a whole program ignores the run bar's). Empty for the same work.
 */
export function workDifferences(spec: RunSpec, base: RunSpec): string[] {
  if (spec.kind !== base.kind || spec.language !== base.language) {
    return [`${codeKind(spec)}, the baseline ${codeKind(base)}`];
  }
  const parts: string[] = [];
  if (spec.code !== base.code) parts.push('other code');
  if (spec.kind === 'tasks' && spec.fn !== base.fn)
    parts.push(`function ${spec.fn} (the baseline ${base.fn})`);
  if (spec.kind === 'tasks' && spec.inputs !== base.inputs) {
    parts.push(`inputs ${spec.inputs} (the baseline ${base.inputs})`);
  }
  return parts;
}

function codeKind(spec: RunSpec): string {
  const language = spec.language === 'python' ? 'Python' : 'TypeScript';
  return spec.kind === 'program' ? `a whole ${language} program` : `${language} task functions`;
}

function wallOf(run: ComparedRun): number | null {
  const finish = run.model.finish;
  return finish && finish.outcome === 'ok' && finish.wallMs > 0 ? finish.wallMs : null;
}

/**
 * `baselineKey`: the set chosen as the baseline (null or unknown: the
 * default). `historyReferences`: the serial baselines' median time per input
 * by work key (busy-machine.ts) from the history, used for work that no
 * compared serial run did.
 */
export function compareRuns(
  runs: readonly ComparedRun[],
  baselineKey: string | null,
  historyReferences: ReadonlyMap<string, number> = new Map(),
): Comparison {
  const timings = runs.map((run) => runTiming(run.model));
  const own = serialReferences(
    runs.map((run, i) => ({
      spec: run.spec,
      outcome: run.model.finish?.outcome ?? 'running',
      timing: timings[i],
    })),
  );
  const references = new Map([...historyReferences, ...own]);

  const byKey = new Map<string, ComparedRun[]>();
  for (const run of runs) {
    const key = settingsKey(run.spec);
    byKey.set(key, [...(byKey.get(key) ?? []), run]);
  }
  const bare = [...byKey].map(([key, members]) => {
    const spec = members[0]!.spec;
    const walls = members.flatMap((r) => (wallOf(r) === null ? [] : [wallOf(r)!]));
    return { key, members, spec, serial: spec.mode === 'serial', wall: spreadOf(walls) };
  });
  const chosen = bare.some((s) => s.key === baselineKey) ? baselineKey : defaultBaseline(bare);
  const base = bare.find((s) => s.key === chosen) ?? null;
  const baseWall = base?.wall?.median ?? null;
  // A whole program makes its own pools: it has no one-process baseline, so no efficiency.
  const efficiencyShown = base !== null && base.spec.kind !== 'program' && poolSize(base.spec) === 1;
  // The serial baseline's median wall time, for each work compared with one.
  const serialWall = new Map<string, number>();
  for (const [work, walls] of groupWalls(bare.filter((s) => s.serial))) serialWall.set(work, median(walls)!);

  const flagsFor = (spec: RunSpec, speed: number | null, wallMs: number | null): NoiseFlag[] => {
    // What counts as impossible needs the run bar's pool size: a whole program's pools are its own.
    if (spec.kind === 'program') return [];
    const workers = poolSize(spec);
    const flags = [
      efficiencyShown ? efficiencyNoise(speed, workers) : null,
      oneWorkerNoise(
        { serial: spec.mode === 'serial', workers, wallMs },
        serialWall.get(workKey(spec)) ?? null,
      ),
    ];
    return flags.filter((f): f is NoiseFlag => f !== null);
  };

  const rows = runs.map((run, i): CompareRow => {
    const stats = runStats(run.model);
    const timing = timings[i]!;
    const workers = poolSize(run.spec, run.model);
    const s = baseWall !== null && stats.wallMs > 0 ? speedup(baseWall, stats.wallMs) : null;
    const serial = run.spec.mode === 'serial';
    const busy = busyMachine({
      workers: serial ? 1 : timing.peakWorkers,
      timing,
      baselineItemMs: serial ? null : (references.get(workKey(run.spec)) ?? null),
    });
    return {
      id: run.id,
      setKey: settingsKey(run.spec),
      workers,
      stats,
      timing,
      speedup: s,
      efficiency: s !== null && efficiencyShown ? efficiency(s, workers) : null,
      isBaseline: settingsKey(run.spec) === chosen,
      busy,
      noise: flagsFor(run.spec, s, wallOf(run)),
    };
  });

  const sets = bare.map(({ key, members, spec, serial, wall }): CompareSet => {
    const workers = poolSize(spec, members[0]!.model);
    const speed: Spread | null =
      wall && baseWall !== null
        ? { median: baseWall / wall.median, min: baseWall / wall.max, max: baseWall / wall.min, n: wall.n }
        : null;
    const ids = new Set(members.map((m) => m.id));
    return {
      key,
      runIds: members.map((m) => m.id),
      spec,
      workers,
      serial,
      wall,
      speedup: speed,
      efficiency: speed && efficiencyShown ? efficiency(speed.median, workers) : null,
      isBaseline: key === chosen,
      busyRuns: rows.filter((r) => ids.has(r.id) && r.busy !== null).length,
      noise: flagsFor(spec, speed?.median ?? null, wall?.median ?? null),
      otherWork: base === null ? [] : workDifferences(spec, base.spec),
    };
  });
  return { sets, rows, baselineKey: chosen, efficiencyShown };
}

function groupWalls(
  sets: readonly { spec: RunSpec; wall: Spread | null; members: ComparedRun[] }[],
): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const set of sets) {
    const walls = set.members.flatMap((r) => (wallOf(r) === null ? [] : [wallOf(r)!]));
    if (walls.length === 0) continue;
    const key = workKey(set.spec);
    out.set(key, [...(out.get(key) ?? []), ...walls]);
  }
  return out;
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
