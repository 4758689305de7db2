/**
 * "What happened": a few plain sentences about one finished run, every one
 * measured from that run's own log — never from what an example expects.
 * The wall time against the tasks' total time, how many processes ran (and
 * how long starting them took, which were replaced, which got no task),
 * which results waited for an earlier one (the ordered modes), what failed,
 * and what an early shutdown cancelled or let run on.
 */
import type { RunModel, TaskRecord, WorkerRecord } from './run-model';
import { formatSeconds } from './timeline-scale';

/** A result held back less than this did not really wait (delivery itself takes a moment). */
const HELD_BACK_MS = 50;
/** Most tasks a sentence names before "and N more". */
const MAX_NAMED = 4;

export interface WhatHappened {
  /** One sentence each, in the order they are best read. */
  facts: string[];
}

export function whatHappened(model: RunModel): WhatHappened {
  if (!model.finish) return { facts: [] };
  const facts = [
    timeFact(model),
    processFact(model),
    heldBackFact(model),
    shutdownFact(model),
    failureFact(model),
  ].filter((f): f is string => f !== null);
  return { facts };
}

/** Time a task spent in its function (worker-side), or 0 if it never ran. */
function runMs(task: TaskRecord): number {
  return task.started !== null && task.finished !== null ? Math.max(0, task.finished - task.started) : 0;
}

function timeFact(model: RunModel): string {
  const wall = model.finish!.wallMs;
  const busy = model.tasks.reduce((sum, t) => sum + runMs(t), 0);
  const head = `Wall time ${formatSeconds(wall)} for ${formatSeconds(busy)} of task time`;
  if (busy <= 0) return `${head}.`;
  const ratio = busy / wall;
  if (ratio >= 1.1) return `${head}: ${ratio.toFixed(1)}× less than running them one after another.`;
  if (ratio <= 0.5) {
    return `${head}: most of the run was not spent in the tasks (starting processes, sending work and results).`;
  }
  return `${head}: about as long as running them one after another.`;
}

function processFact(model: RunModel): string | null {
  const workers = model.workers;
  if (workers.length === 0) return null;
  const pids = workers.map((w) => w.pid).filter((p): p is number => p !== null);
  const list =
    pids.length > 0 && pids.length <= 8 ? ` (PID${pids.length === 1 ? '' : 's'} ${pids.join(', ')})` : '';
  const parts = [`${count(workers.length, 'process', 'processes')} ran${list}`];
  const startups = workers.flatMap((w) => (w.ready !== null ? [w.ready - w.spawned] : []));
  if (startups.length > 0)
    parts.push(`starting ${workers.length === 1 ? 'it' : 'one'} took ${range(startups)}`);
  const recycled = workers.filter((w) => w.reason === 'recycled').length;
  if (recycled > 0) {
    parts.push(`${count(recycled, 'process was', 'processes were')} replaced after max tasks per child`);
  }
  const idle = workers.filter((w) => w.tasks.length === 0 && !diedEarly(w)).length;
  if (idle > 0 && model.tasks.length > 0) parts.push(`${idle} of them ran no task`);
  return `${sentence(parts)}.`;
}

function diedEarly(worker: WorkerRecord): boolean {
  return worker.reason === 'crash' || worker.reason === 'oom' || worker.reason === 'init-failed';
}

/**
 * In submit and map the caller takes results in submission (input) order, so
 * a result finished early waits for the earlier ones: name those that waited,
 * and for whom.
 */
function heldBackFact(model: RunModel): string | null {
  const mode = model.spec?.mode;
  if (mode !== 'map' && mode !== 'submit') return null;
  const ordered = [...model.tasks].sort((a, b) => a.index - b.index);
  const waits: { task: TaskRecord; blocker: TaskRecord }[] = [];
  let latest: TaskRecord | null = null;
  for (const task of ordered) {
    if (task.delivered !== null && task.finished !== null && latest?.finished != null) {
      const held = task.delivered - task.finished;
      if (held > HELD_BACK_MS && latest.finished > task.finished) waits.push({ task, blocker: latest });
    }
    if (task.finished !== null && (latest?.finished == null || task.finished > latest.finished))
      latest = task;
  }
  if (waits.length === 0) return null;
  const order =
    mode === 'map' ? 'map() hands results back in input order' : 'result() is called in submission order';
  const byBlocker = new Map<TaskRecord, TaskRecord[]>();
  for (const { task, blocker } of waits) byBlocker.set(blocker, [...(byBlocker.get(blocker) ?? []), task]);
  const clauses = [...byBlocker]
    .slice(0, MAX_NAMED)
    .map(
      ([blocker, held]) =>
        `${names(held.map((t) => `${t.label} (done at ${formatSeconds(t.finished!)})`))} waited for ` +
        `${blocker.label} until ${formatSeconds(blocker.finished!)}`,
    );
  const more = byBlocker.size > MAX_NAMED ? `, and ${waits.length - countNamed(byBlocker)} more` : '';
  return `${order}: ${clauses.join('; ')}${more}.`;
}

function countNamed(byBlocker: Map<TaskRecord, TaskRecord[]>): number {
  return [...byBlocker.values()].slice(0, MAX_NAMED).reduce((sum, held) => sum + held.length, 0);
}

function shutdownFact(model: RunModel): string | null {
  const shutdown = model.marks.shutdown;
  if (!shutdown) return null;
  const call = `shutdown(wait=${py(shutdown.wait)}, cancel_futures=${py(shutdown.cancelFutures)})`;
  const labels = (ids: number[]): string[] => ids.map((id) => model.task(id)?.label ?? `task ${id}`);
  const parts = [`${call} was called at ${formatSeconds(shutdown.called)}`];
  parts.push(
    shutdown.handedOver.length > 0
      ? `${names(labels(shutdown.handedOver))} ${shutdown.handedOver.length === 1 ? 'was' : 'were'} already handed to a worker and ran on`
      : 'no task was with a worker at that moment',
  );
  if (shutdown.cancelFutures) {
    parts.push(
      shutdown.cancelled.length > 0
        ? `${names(labels(shutdown.cancelled))} ${shutdown.cancelled.length === 1 ? 'was' : 'were'} cancelled before starting`
        : 'nothing was left in the queue to cancel',
    );
  }
  if (shutdown.returned !== null) {
    const after = shutdown.returned - shutdown.called;
    parts.push(after < HELD_BACK_MS ? 'it returned at once' : `it returned ${formatSeconds(after)} later`);
  }
  return `${sentence(parts)}.`;
}

function failureFact(model: RunModel): string | null {
  const facts: string[] = [];
  const cancelled = model.tasks.filter((t) => t.state === 'cancelled');
  const shutdownCancelled = new Set(model.marks.shutdown?.cancelled ?? []);
  const otherCancelled = cancelled.filter((t) => !shutdownCancelled.has(t.id));
  if (otherCancelled.length > 0) {
    facts.push(
      `${names(otherCancelled.map((t) => t.label))} ${otherCancelled.length === 1 ? 'was' : 'were'} cancelled before starting`,
    );
  }
  const crashed = model.workers.find((w) => w.reason === 'crash' || w.reason === 'oom');
  if (model.brokenMessage !== null || crashed) {
    const how = crashed
      ? `Process ${crashed.pid ?? '?'} ${crashed.reason === 'oom' ? 'ran out of memory' : exitWords(crashed)}`
      : 'A process ended';
    const broken = model.tasks.filter((t) => t.error?.name === 'BrokenProcessPool');
    facts.push(
      `${how}, which broke the pool: ${broken.length > 0 ? `${names(broken.map((t) => t.label))} failed with BrokenProcessPool` : 'no task was left to fail'}`,
    );
  }
  const raised = model.tasks.filter(
    (t) => t.state === 'error' && t.error && t.error.name !== 'BrokenProcessPool',
  );
  if (raised.length > 0) {
    const first = raised[0]!;
    const others = raised.length > 1 ? ` (and ${count(raised.length - 1, 'more task', 'more tasks')})` : '';
    facts.push(
      `${first.label} raised ${first.error!.name}${others}; the other tasks were not affected by it`,
    );
  }
  if (model.marks.timedOut)
    facts.push(`The caller's timeout passed at ${formatSeconds(model.marks.timedOut.t)}`);
  else if (model.finish!.outcome === 'timeout')
    facts.push("The caller's timeout passed before every result was in");
  if (model.finish!.outcome === 'stopped') facts.push('Stop ended the workers');
  if (facts.length === 0) return null;
  // Each its own sentence: one may start with a task's label, which keeps its case.
  return facts.map((f) => `${f}.`).join(' ');
}

function exitWords(worker: WorkerRecord): string {
  if (worker.signal) return `was killed by ${worker.signal}`;
  return worker.code === null ? 'exited' : `exited with code ${worker.code}`;
}

/** `a, b and 3 more`; the same label n times reads `n × label`. */
function names(items: string[]): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  const grouped = [...counts].map(([item, n]) => (n > 1 ? `${n} × ${item}` : item));
  const shown = grouped.slice(0, MAX_NAMED);
  const rest = grouped.length - shown.length;
  const list = rest > 0 ? [...shown, `${rest} more`] : shown;
  if (list.length === 1) return list[0]!;
  return `${list.slice(0, -1).join(', ')} and ${list.at(-1)!}`;
}

function sentence(parts: string[]): string {
  return parts.join('; ');
}

function range(values: number[]): string {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const a = formatSeconds(lo);
  const b = formatSeconds(hi);
  return a === b ? a : `${a}–${b}`;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function py(value: boolean): string {
  return value ? 'True' : 'False';
}
