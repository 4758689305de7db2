/**
 * The pool's events the timeline marks, derived from the run model: the
 * caller's deadline and its TimeoutError, Stop, shutdown(), a worker whose
 * death broke the pool (exit code or signal), workers recycled after their
 * max tasks and the process that took over, initializer runs, tasks that
 * failed at once, cancelled tasks. Pure, so the drawing, the accessible
 * mirror and the legend all say the same.
 */
import type { RunModel, TaskRecord, WorkerRecord } from '../../../shared/run-model';
import { formatSeconds } from '../../../shared/timeline-scale';

export interface Recycle {
  worker: WorkerRecord;
  /** The process started to take over its work, when there was one. */
  successor: WorkerRecord | null;
}

export interface RunMarks {
  deadline: { due: number; timedOut: { t: number; message: string } | null } | null;
  stop: number | null;
  shutdown: RunModel['marks']['shutdown'];
  /** Workers that ended unexpectedly (crash, out of memory, initializer failed). */
  crashes: WorkerRecord[];
  recycles: Recycle[];
  /** Predecessor of each worker that replaced a recycled one, by worker index. */
  replaced: Map<number, WorkerRecord>;
  inits: number;
  initFailures: number;
  failed: number;
  /** Failed within a millisecond of starting: drawn at a minimum width so they stay visible. */
  instantFailures: number;
  cancelled: number;
}

/** A task that failed this quickly is marked as failing at once. */
export const INSTANT_MS = 1;

export function isCrash(worker: WorkerRecord): boolean {
  return worker.reason === 'crash' || worker.reason === 'oom' || worker.reason === 'init-failed';
}

/** How a process ended, in a few words: `exit code 1`, `signal SIGKILL`, `ran out of memory`. */
export function exitText(worker: WorkerRecord): string {
  if (worker.reason === 'oom') return 'ran out of memory';
  if (worker.signal !== null) return `signal ${worker.signal}`;
  if (worker.code !== null) return `exit code ${worker.code}`;
  return 'exited';
}

/** Why a process ended, for its lane's end and tooltip. */
export function exitReasonText(worker: WorkerRecord, model: RunModel): string {
  switch (worker.reason) {
    case 'recycled':
      return `recycled after ${worker.tasks.length} task${worker.tasks.length === 1 ? '' : 's'} (max tasks per child)`;
    case 'shutdown':
      return 'stopped by shutdown';
    case 'killed':
      return 'terminated (Stop)';
    case 'crash':
      return `${exitText(worker)}: died unexpectedly${model.brokenMessage ? ', which broke the pool' : ''}`;
    case 'oom':
      return `ran out of memory${model.brokenMessage ? ', which broke the pool' : ''}`;
    case 'init-failed':
      return `its initializer failed (${exitText(worker)})`;
    default:
      return exitText(worker);
  }
}

export function isInstantFailure(task: TaskRecord): boolean {
  return (
    task.state === 'error' &&
    task.started !== null &&
    task.finished !== null &&
    task.finished - task.started < INSTANT_MS
  );
}

export function runMarks(model: RunModel): RunMarks {
  const { marks } = model;
  const recycles: Recycle[] = [];
  const replaced = new Map<number, WorkerRecord>();
  const taken = new Set<number>();
  const workers = model.workers;
  for (const worker of workers) {
    if (worker.reason !== 'recycled' || worker.exited === null) continue;
    // The pool starts a new process once a worker retires: the first one spawned
    // from when its last task finished that is not yet anyone's successor.
    const lastTask = worker.tasks.length > 0 ? model.task(worker.tasks[worker.tasks.length - 1]!) : undefined;
    const from = Math.min(worker.exited, lastTask?.finished ?? worker.exited);
    const successor =
      workers.find((w) => w.index > worker.index && w.spawned >= from - 1 && !taken.has(w.index)) ?? null;
    if (successor) {
      taken.add(successor.index);
      replaced.set(successor.index, worker);
    }
    recycles.push({ worker, successor });
  }
  // The counts are kept per change of the log; only failures need a look at each task.
  const { failed, cancelled } = model.counts();
  let instantFailures = 0;
  if (failed > 0) {
    for (const task of model.tasks) if (task.state === 'error' && isInstantFailure(task)) instantFailures++;
  }
  return {
    deadline: marks.deadline === null ? null : { due: marks.deadline, timedOut: marks.timedOut },
    stop: marks.stopRequested,
    shutdown: marks.shutdown,
    crashes: workers.filter(isCrash),
    recycles,
    replaced,
    inits: workers.filter((w) => w.init !== null).length,
    initFailures: workers.filter((w) => w.init !== null && !w.init.ok).length,
    failed,
    instantFailures,
    cancelled,
  };
}

/** `shutdown(wait=True, cancel_futures=False)`, as the learner's Python would read. */
export function shutdownCall(shutdown: NonNullable<RunModel['marks']['shutdown']>): string {
  const py = (b: boolean): string => (b ? 'True' : 'False');
  return `shutdown(wait=${py(shutdown.wait)}, cancel_futures=${py(shutdown.cancelFutures)})`;
}

/** One sentence per mark, for the accessible mirror (what a screen reader hears). */
export function markSentences(model: RunModel, m: RunMarks): { key: string; text: string }[] {
  const out: { key: string; text: string }[] = [];
  if (m.deadline) {
    out.push({
      key: 'deadline',
      text: `Timeout: the caller's deadline falls at ${formatSeconds(m.deadline.due)}`,
    });
    if (m.deadline.timedOut) {
      out.push({
        key: 'timed-out',
        text: `TimeoutError in the caller at ${formatSeconds(m.deadline.timedOut.t)}: ${m.deadline.timedOut.message}`,
      });
    }
  }
  if (m.stop !== null) out.push({ key: 'stop', text: `Stop pressed at ${formatSeconds(m.stop)}` });
  if (m.shutdown) {
    const s = m.shutdown;
    const parts = [`${shutdownCall(s)} called at ${formatSeconds(s.called)}`];
    if (s.cancelled.length > 0)
      parts.push(`it cancelled ${s.cancelled.length} waiting task${s.cancelled.length === 1 ? '' : 's'}`);
    if (s.handedOver.length > 0) parts.push(`${s.handedOver.length} already handed to a worker ran on`);
    if (s.returned !== null) parts.push(`returned at ${formatSeconds(s.returned)}`);
    out.push({ key: 'shutdown', text: parts.join('; ') });
  }
  for (const worker of m.crashes) {
    out.push({
      key: `crash-${worker.index}`,
      text: `PID ${worker.pid ?? '?'} ${exitReasonText(worker, model)} at ${formatSeconds(worker.exited ?? 0)}${
        model.brokenMessage ? `: ${model.brokenMessage}` : ''
      }`,
    });
  }
  for (const { worker, successor } of m.recycles) {
    out.push({
      key: `recycled-${worker.index}`,
      text: `PID ${worker.pid ?? '?'} ${exitReasonText(worker, model)} at ${formatSeconds(worker.exited ?? 0)}${
        successor ? `; PID ${successor.pid ?? '?'} took over` : ''
      }`,
    });
  }
  for (const worker of model.workers) {
    if (!worker.init) continue;
    out.push({
      key: `init-${worker.index}`,
      text: `PID ${worker.pid ?? '?'} ran the initializer from ${formatSeconds(worker.init.started)} to ${formatSeconds(
        worker.init.finished,
      )}${worker.init.ok ? '' : ', and it failed'}`,
    });
  }
  return out;
}
