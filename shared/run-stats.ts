/**
 * Where a run's time went, and how it compares with another: the figures the
 * comparison view shows beside the timelines. All derived from the run model.
 *
 *   speedup     = baseline wall time ÷ this run's wall time
 *   efficiency  = speedup ÷ workers
 *   utilisation = time spent running tasks ÷ (workers × wall time)
 */
import type { RunModel } from './run-model';

export interface TimeBreakdown {
  /** Worker processes starting (spawned → ready), summed over workers. */
  startupMs: number;
  /** Tasks waiting in the queue (submitted → handed to a worker). */
  queuedMs: number;
  /** Crossing the process boundary: to the worker (handed over → started) and back (finished → delivered). */
  transferMs: number;
  /** Tasks running inside workers. */
  runningMs: number;
}

export interface RunStats {
  wallMs: number;
  tasks: number;
  workers: number;
  busyMs: number;
  utilisation: number;
  breakdown: TimeBreakdown;
}

export function runStats(model: RunModel): RunStats {
  const wallMs = model.elapsedMs;
  const workers = model.workers.length;
  const breakdown: TimeBreakdown = { startupMs: 0, queuedMs: 0, transferMs: 0, runningMs: 0 };
  for (const w of model.workers) if (w.ready !== null) breakdown.startupMs += w.ready - w.spawned;
  for (const task of model.tasks) {
    const handedOver = task.dispatched ?? task.started;
    if (handedOver !== null) breakdown.queuedMs += Math.max(0, handedOver - task.submitted);
    if (task.dispatched !== null && task.started !== null)
      breakdown.transferMs += Math.max(0, task.started - task.dispatched);
    if (task.finished !== null && task.delivered !== null)
      breakdown.transferMs += Math.max(0, task.delivered - task.finished);
    if (task.started !== null && task.finished !== null)
      breakdown.runningMs += Math.max(0, task.finished - task.started);
  }
  const busyMs = breakdown.runningMs;
  return {
    wallMs,
    tasks: model.tasks.length,
    workers,
    busyMs,
    utilisation: workers > 0 && wallMs > 0 ? busyMs / (workers * wallMs) : 0,
    breakdown,
  };
}

export function speedup(baselineWallMs: number, wallMs: number): number {
  return wallMs > 0 ? baselineWallMs / wallMs : 0;
}

export function efficiency(speed: number, workers: number): number {
  return workers > 0 ? speed / workers : 0;
}
