/**
 * A run's figures, and how it compares with another: what the comparison
 * view shows beside the timelines. All derived from the run model.
 *
 *   speedup     = baseline wall time ÷ this run's wall time
 *   efficiency  = speedup ÷ workers
 *   utilisation = time spent running tasks ÷ (workers × wall time)
 */
import type { RunModel } from './run-model';
import { median } from './spread';
import { timeSplit, type TimeSplit } from './time-split';

export interface RunStats {
  wallMs: number;
  tasks: number;
  workers: number;
  /** Task time inside the workers, summed over tasks. */
  busyMs: number;
  utilisation: number;
  /** Where the wall time went, part by part (time-split.ts). */
  split: TimeSplit;
}

export function runStats(model: RunModel): RunStats {
  const wallMs = model.elapsedMs;
  const workers = model.workers.length;
  let busyMs = 0;
  for (const task of model.tasks)
    if (task.started !== null && task.finished !== null) busyMs += Math.max(0, task.finished - task.started);
  return {
    wallMs,
    tasks: model.tasks.length,
    workers,
    busyMs,
    utilisation: workers > 0 && wallMs > 0 ? busyMs / (workers * wallMs) : 0,
    split: timeSplit(model),
  };
}

/**
 * What tells a busy machine from a lesson (busy-machine.ts): kept with each
 * run's summary in the history, so the list can say so without its events.
 */
export interface RunTiming {
  /** The host's CPUs. */
  cpus: number;
  /** The host's 1-minute load average as the run started; null when not known. */
  loadAverage: number | null;
  /**
   * The median time one input took inside a worker: each finished task's
   * run time ÷ the inputs it carried (a map chunk carries several). Null
   * when no task finished.
   */
  medianItemMs: number | null;
  /** The most worker processes alive at once (from the lanes). */
  peakWorkers: number;
}

export function runTiming(model: RunModel): RunTiming {
  const perItem: number[] = [];
  for (const task of model.tasks) {
    if (task.state !== 'ok' || task.started === null || task.finished === null) continue;
    perItem.push(Math.max(0, task.finished - task.started) / Math.max(1, task.items));
  }
  return {
    cpus: model.cpus,
    loadAverage: model.loadAverage,
    medianItemMs: median(perItem),
    peakWorkers: peakWorkers(model),
  };
}

/** The most worker processes alive at the same time (a recycled worker's successor is not extra). */
export function peakWorkers(model: RunModel): number {
  const edges: [number, number][] = [];
  for (const w of model.workers) {
    edges.push([w.spawned, 1]);
    if (w.exited !== null) edges.push([w.exited, -1]);
  }
  // At equal times an exit comes first: the replacement of a recycled worker starts as it leaves.
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let alive = 0;
  let peak = 0;
  for (const [, delta] of edges) {
    alive += delta;
    peak = Math.max(peak, alive);
  }
  return peak;
}

export function speedup(baselineWallMs: number, wallMs: number): number {
  return wallMs > 0 ? baselineWallMs / wallMs : 0;
}

export function efficiency(speed: number, workers: number): number {
  return workers > 0 ? speed / workers : 0;
}
