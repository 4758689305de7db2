/**
 * Where a run's wall time went: every instant from the start of the run to
 * its end is given to one part, each measured from the run's events, so the
 * parts add up to the wall time with nothing left over and nothing counted
 * twice.
 *
 * Several things often happen at once (tasks wait in the queue while others
 * run). An instant goes to the first part, in the order of PARTS, that was
 * going on then; what a part did while an earlier part was going on is kept
 * as `alongsideMs`, so the overlap is shown as what it is, not hidden.
 * Time when none of them was going on is `idle`, measured from the lanes
 * just like the rest.
 */
import type { RunModel } from './run-model';

export const SPLIT_PART_KEYS = [
  'running',
  'sending',
  'receiving',
  'startup',
  'queued',
  'callerStart',
  'callerEnd',
  'idle',
] as const;

export type SplitPartKey = (typeof SPLIT_PART_KEYS)[number];

export interface SplitPart {
  key: SplitPartKey;
  /** Wall time given to this part (no earlier part was going on). */
  ms: number;
  /** Time this part went on while an earlier part was going on too (not added again). */
  alongsideMs: number;
}

export interface TimeSplit {
  wallMs: number;
  /** In the order of SPLIT_PART_KEYS; their `ms` add up to `wallMs`. */
  parts: SplitPart[];
}

interface Interval {
  from: number;
  to: number;
}

/** What each part is, from the run's events (intervals on the run's clock). */
function partIntervals(model: RunModel): Record<Exclude<SplitPartKey, 'idle'>, Interval[]> {
  const parts: Record<Exclude<SplitPartKey, 'idle'>, Interval[]> = {
    running: [],
    sending: [],
    receiving: [],
    startup: [],
    queued: [],
    callerStart: [],
    callerEnd: [],
  };
  let firstSubmitted = Infinity;
  let lastDelivered = -Infinity;
  for (const task of model.tasks) {
    firstSubmitted = Math.min(firstSubmitted, task.submitted);
    const handedOver = task.dispatched ?? task.started;
    if (handedOver !== null) parts.queued.push({ from: task.submitted, to: handedOver });
    if (task.dispatched !== null && task.started !== null)
      parts.sending.push({ from: task.dispatched, to: task.started });
    if (task.started !== null && task.finished !== null)
      parts.running.push({ from: task.started, to: task.finished });
    if (task.finished !== null && task.delivered !== null)
      parts.receiving.push({ from: task.finished, to: task.delivered });
    if (task.delivered !== null) lastDelivered = Math.max(lastDelivered, task.delivered);
  }
  for (const w of model.workers) {
    if (w.ready !== null) parts.startup.push({ from: w.spawned, to: w.ready });
    if (w.init) parts.startup.push({ from: w.init.started, to: w.init.finished });
  }
  // The caller before its first task: creating the pool and building the inputs.
  if (Number.isFinite(firstSubmitted)) parts.callerStart.push({ from: 0, to: firstSubmitted });
  // The caller after its last result: shutdown(), waiting for the workers to exit.
  if (model.finish && Number.isFinite(lastDelivered))
    parts.callerEnd.push({ from: lastDelivered, to: model.finish.wallMs });
  return parts;
}

export function timeSplit(model: RunModel): TimeSplit {
  const wallMs = Math.max(0, model.elapsedMs);
  const intervals = partIntervals(model);
  const measured = SPLIT_PART_KEYS.length - 1;
  // Sweep line: +1 where a part's interval opens, −1 where it closes, clipped to the run.
  const edges: { at: number; part: number; delta: 1 | -1 }[] = [];
  SPLIT_PART_KEYS.slice(0, measured).forEach((key, part) => {
    for (const { from, to } of intervals[key as Exclude<SplitPartKey, 'idle'>]) {
      const a = Math.max(0, Math.min(wallMs, from));
      const b = Math.max(0, Math.min(wallMs, to));
      if (b <= a) continue;
      edges.push({ at: a, part, delta: 1 }, { at: b, part, delta: -1 });
    }
  });
  edges.sort((x, y) => x.at - y.at);
  const open = new Array<number>(measured).fill(0);
  const own = new Array<number>(measured + 1).fill(0);
  const total = new Array<number>(measured).fill(0);
  let at = 0;
  const spend = (until: number): void => {
    const span = until - at;
    if (span <= 0) return;
    const first = open.findIndex((n) => n > 0);
    own[first === -1 ? measured : first]! += span;
    open.forEach((n, part) => {
      if (n > 0) total[part]! += span;
    });
    at = until;
  };
  for (const edge of edges) {
    spend(edge.at);
    open[edge.part]! += edge.delta;
  }
  spend(wallMs);
  return {
    wallMs,
    parts: SPLIT_PART_KEYS.map((key, i) => ({
      key,
      ms: own[i]!,
      alongsideMs: i < measured ? Math.max(0, total[i]! - own[i]!) : 0,
    })),
  };
}

/** How the app names each part, and what it measures (for its tooltip and accessible text). */
export const SPLIT_PART_WORDS: Record<SplitPartKey, { label: string; meaning: string }> = {
  running: { label: 'running', meaning: 'at least one task running inside a worker' },
  sending: { label: 'sending', meaning: 'a task on its way to a worker, none running' },
  receiving: { label: 'receiving', meaning: 'a result on its way back to the caller, no task running' },
  startup: {
    label: 'worker start-up',
    meaning: 'a worker process starting (and running the initializer), no task running',
  },
  queued: { label: 'waiting in the queue', meaning: 'tasks waiting for a worker, nothing else going on' },
  callerStart: {
    label: 'caller: before the first task',
    meaning: 'the caller creating the pool and building the inputs',
  },
  callerEnd: {
    label: 'caller: shutting down',
    meaning: 'after the last result reached the caller: shutdown() waiting for the workers to exit',
  },
  idle: {
    label: 'idle',
    meaning: 'nothing in the lanes: no task queued, sent, running or returning, no worker starting',
  },
};
