/**
 * Was the machine busy with something else during a run? Then its times are
 * noise, not a lesson. Two signs, each measured:
 *
 * - the 1-minute load average when the run started was above the CPU count
 *   (more processes wanted a CPU than there were CPUs), or
 * - inside the workers, the median input took more than 15 % longer than in
 *   the serial baseline of the same work.
 *
 * Judged only for runs with no more workers than CPUs: past that the
 * workers share CPUs, and slower tasks are exactly what the run shows.
 */
import { formatSeconds } from './timeline-scale';
import type { RunTiming } from './run-stats';
import type { RunSpec } from './run-spec';
import { median } from './spread';

/** Inputs taking more than this × as long as in the serial baseline count as a sign of a busy machine. */
export const SLOWER_TASKS_LIMIT = 1.15;

export interface BusyCheck {
  /** The most worker processes the run had at once (1 for the serial baseline). */
  workers: number;
  timing: RunTiming;
  /**
   * The serial baseline's median time per input, for the same work; null when
   * there is none (or the run is the serial baseline itself).
   */
  baselineItemMs: number | null;
}

export type BusySign =
  | { kind: 'load'; loadAverage: number; cpus: number }
  | { kind: 'slower-tasks'; medianItemMs: number; baselineItemMs: number; ratio: number };

export interface BusyNotice {
  signs: BusySign[];
}

export function busyMachine({ workers, timing, baselineItemMs }: BusyCheck): BusyNotice | null {
  const { cpus, loadAverage, medianItemMs } = timing;
  if (!(cpus > 0) || workers > cpus) return null;
  const signs: BusySign[] = [];
  if (loadAverage !== null && loadAverage > cpus) signs.push({ kind: 'load', loadAverage, cpus });
  if (medianItemMs !== null && baselineItemMs !== null && baselineItemMs > 0) {
    const ratio = medianItemMs / baselineItemMs;
    if (ratio > SLOWER_TASKS_LIMIT) signs.push({ kind: 'slower-tasks', medianItemMs, baselineItemMs, ratio });
  }
  return signs.length > 0 ? { signs } : null;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A few words for a status line: `busy machine: load 3.4 with 2 CPUs`. */
export function busyShortText(notice: BusyNotice): string {
  const parts = notice.signs.map((sign) =>
    sign.kind === 'load'
      ? `load ${sign.loadAverage.toFixed(1)} with ${plural(sign.cpus, 'CPU')}`
      : `tasks ${Math.round((sign.ratio - 1) * 100)} % slower than serial`,
  );
  return `busy machine: ${parts.join(', ')}`;
}

/** What was measured, in full sentences, and what it means for the run's figures. */
export function busySentences(notice: BusyNotice): string[] {
  const out = notice.signs.map((sign) =>
    sign.kind === 'load'
      ? `The 1-minute load average was ${sign.loadAverage.toFixed(1)} when the run started, above this ` +
        `machine's ${plural(sign.cpus, 'CPU')}: more processes wanted a CPU than there were CPUs ` +
        `(runs of the last minute count too).`
      : `Inside the workers an input took ${Math.round((sign.ratio - 1) * 100)} % longer than in the ` +
        `serial baseline (median ${formatSeconds(sign.medianItemMs)} against ` +
        `${formatSeconds(sign.baselineItemMs)}). With no more workers than CPUs it should take as ` +
        `long, so something else was using the CPUs.`,
  );
  out.push(
    'Its times are slower than this machine can do: they are noise, not a result. Run it again when ' +
      'the machine is quieter, and compare medians of repeated runs (Run × N).',
  );
  return out;
}

/**
 * What is computed, whatever the pool: the code, the function, the inputs,
 * the initializer. Runs with the same work key can be compared task by task.
 */
export function workKey(spec: RunSpec): string {
  const {
    mode: _mode,
    maxWorkers: _maxWorkers,
    chunksize: _chunksize,
    timeoutSec: _timeoutSec,
    maxTasksPerChild: _maxTasksPerChild,
    memoryLimitMb: _memoryLimitMb,
    ...work
  } = spec;
  return stableJson(work);
}

/** JSON with the keys sorted, so two equal specs give one key whatever their key order. */
export function stableJson(value: Record<string, unknown>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))));
}

/**
 * The serial baseline's median time per input for each work key: the median
 * over every serial run of that work (repeats smooth out one slow baseline).
 */
export function serialReferences(
  runs: readonly { spec: RunSpec; outcome: string; timing?: RunTiming | null }[],
): Map<string, number> {
  const byWork = new Map<string, number[]>();
  for (const run of runs) {
    const ms = run.timing?.medianItemMs;
    if (run.spec.mode !== 'serial' || run.outcome !== 'ok' || ms === null || ms === undefined) continue;
    const key = workKey(run.spec);
    byWork.set(key, [...(byWork.get(key) ?? []), ms]);
  }
  return new Map([...byWork].map(([key, values]) => [key, median(values)!]));
}

/** The busy-machine notice of a run, against the serial references of the history. */
export function busyNoticeOf(
  run: { spec: RunSpec; timing?: RunTiming | null },
  references: ReadonlyMap<string, number>,
): BusyNotice | null {
  if (!run.timing) return null;
  const serial = run.spec.mode === 'serial';
  return busyMachine({
    workers: serial ? 1 : run.timing.peakWorkers,
    timing: run.timing,
    baselineItemMs: serial ? null : (references.get(workKey(run.spec)) ?? null),
  });
}
