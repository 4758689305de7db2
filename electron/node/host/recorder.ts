/**
 * Records one run: turns the pool's lifecycle events and the driver's own
 * steps into the run's ordered event log (shared/run-events.ts), and streams
 * that log to the UI in batches — every few tens of ms — so that a run of
 * thousands of tiny tasks cannot flood the renderer.
 *
 * Values become previews here (the UI only ever sees how they print), times
 * become ms since the run started, and console output is capped per run so
 * that a task printing a million lines cannot exhaust memory.
 */
import type { PoolEvent, TaskStatus as PoolTaskStatus, WorkerExitReason as PoolExitReason } from '../../pool';
import { RemoteTraceback } from '../../pool';
import { formatCall, formatValue, truncate } from '../../../shared/format-value';
import type {
  ErrorInfo,
  RunEvent,
  RunEventBatch,
  RunOutcome,
  TaskStatus,
  WorkerExitReason,
} from '../../../shared/run-events';

export const OUTPUT_LINE_LIMIT = 10_000;
export const OUTPUT_CHAR_LIMIT = 2_000_000;
const FLUSH_MS = 33;
/**
 * The most events one batch carries: the renderer parses and applies a
 * batch in one task, and 100,000 submissions at once would hold its page
 * for a third of a second; smaller batches let it draw in between.
 */
export const MAX_BATCH_EVENTS = 2_000;
const PREVIEW_CHARS = 240;

type Distribute<T> = T extends unknown ? Omit<T, 't'> : never;
export type UntimedRunEvent = Distribute<RunEvent>;

/**
 * The pool (a library of its own) and the run log (shared/, which the
 * renderer loads) cannot import each other, so each defines the values that
 * cross from one to the other; this fails to compile when they differ, in
 * either direction.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type PoolAndRunLogAgree = [
  Holds<Same<PoolExitReason, WorkerExitReason>>,
  Holds<Same<PoolTaskStatus, TaskStatus>>,
];

/** One call of the serial baseline, timed inside its worker (epoch ms). */
export interface SerialCall {
  ok: boolean;
  value?: unknown;
  error?: { name: string; message: string; stack: string };
  started: number;
  finished: number;
}

export class RunRecorder {
  readonly events: RunEvent[] = [];
  readonly #runId: string;
  readonly #epoch: number;
  readonly #send: (batch: RunEventBatch) => void;
  #pending: RunEvent[] = [];
  #timer: ReturnType<typeof setTimeout> | null = null;
  #outputLines = 0;
  #outputChars = 0;
  #dropped = 0;
  #nextInputIndex = 0;
  /** Task of each submitted chunk, by the input index it starts at. */
  readonly #chunkStarts: { index: number; task: number }[] = [];
  #deliveries = 0;
  readonly #hidden = new Set<number>();
  readonly #hiddenFunctions = new Set<string>();
  readonly #pids = new Set<number>();
  /** Where each visible task is now: waiting in the queue, or handed to a worker (until it finishes). */
  readonly #whereTasks = new Map<number, 'queued' | 'handed-over'>();
  #ended = false;

  constructor(runId: string, epoch: number, send: (batch: RunEventBatch) => void) {
    this.#runId = runId;
    this.#epoch = epoch;
    this.#send = send;
  }

  /** ms since run start, to the microsecond. */
  t(at: number): number {
    return Math.round((at - this.#epoch) * 1000) / 1000;
  }

  now(): number {
    return this.t(performance.timeOrigin + performance.now());
  }

  get workerPids(): number[] {
    return [...this.#pids];
  }

  get deliveries(): number {
    return this.#deliveries;
  }

  /** Tasks still waiting in the pool's queue, in submission order. */
  get queuedTasks(): number[] {
    return [...this.#whereTasks].flatMap(([task, where]) => (where === 'queued' ? [task] : []));
  }

  /** Tasks handed to a worker process and not finished yet: CPython counts them as running. */
  get handedOverTasks(): number[] {
    return [...this.#whereTasks].flatMap(([task, where]) => (where === 'handed-over' ? [task] : []));
  }

  /** Calls of this function are not part of the story (the serial runner's carrier task). */
  hideCallsOf(fn: string): void {
    this.#hiddenFunctions.add(fn);
  }

  record(event: RunEvent): void {
    this.events.push(event);
    this.#pending.push(event);
    this.#timer ??= setTimeout(() => {
      this.#timer = null;
      // Once the run has ended, its last batch waits for the explicit flush (after saving).
      if (!this.#ended) this.flush();
    }, FLUSH_MS);
  }

  /** Record an event stamped now. */
  recordNow(event: UntimedRunEvent): void {
    this.record({ ...event, t: this.now() } as RunEvent);
  }

  flush(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#pending.length === 0) return;
    const pending = this.#pending;
    this.#pending = [];
    for (let i = 0; i < pending.length; i += MAX_BATCH_EVENTS) {
      const events = pending.length <= MAX_BATCH_EVENTS ? pending : pending.slice(i, i + MAX_BATCH_EVENTS);
      this.#send({ runId: this.#runId, events });
    }
  }

  onPoolEvent(e: PoolEvent): void {
    switch (e.type) {
      case 'task-submitted': {
        if (this.#hiddenFunctions.has(e.fn)) this.#hidden.add(e.task);
        if (this.#hidden.has(e.task)) return;
        this.#whereTasks.set(e.task, 'queued');
        this.#submitted(e.task, e.fn, e.items ? { items: e.items } : { args: e.args ?? [] }, e.at);
        return;
      }
      case 'task-dispatched':
      case 'task-started':
        if (this.#hidden.has(e.task)) return;
        this.#whereTasks.set(e.task, 'handed-over');
        this.record({ type: e.type, task: e.task, worker: e.worker, pid: e.pid, t: this.t(e.at) });
        return;
      case 'task-finished': {
        if (this.#hidden.has(e.task)) return;
        this.#whereTasks.delete(e.task);
        const event: RunEvent = {
          type: 'task-finished',
          task: e.task,
          status: e.status,
          worker: e.worker ?? null,
          pid: e.pid ?? null,
          started: e.started === undefined ? null : this.t(e.started),
          finished: e.finished === undefined ? null : this.t(e.finished),
          t: this.t(e.at),
        };
        if (e.status === 'ok') event.result = preview(e.value);
        if (e.status === 'error') event.error = errorInfo(e.error);
        this.record(event);
        return;
      }
      case 'worker-spawned':
        this.#pids.add(e.pid);
        this.record({ type: 'worker-spawned', worker: e.worker, pid: e.pid, t: this.t(e.at) });
        return;
      case 'worker-ready':
        this.record({ type: 'worker-ready', worker: e.worker, pid: e.pid, t: this.t(e.at) });
        return;
      case 'worker-initialized':
        this.record({
          type: 'worker-initialized',
          worker: e.worker,
          pid: e.pid,
          started: this.t(e.started),
          finished: this.t(e.finished),
          ok: e.ok,
          t: this.t(e.at),
        });
        return;
      case 'worker-exited':
        this.record({
          type: 'worker-exited',
          worker: e.worker,
          pid: e.pid,
          code: e.code,
          signal: e.signal,
          reason: e.reason,
          t: this.t(e.at),
        });
        return;
      case 'console':
        this.output(
          e.worker,
          e.pid,
          e.task !== null && this.#hidden.has(e.task) ? null : e.task,
          e.stream,
          e.text,
          e.at,
        );
        return;
      case 'pool-broken':
        this.record({ type: 'pool-broken', message: e.message, t: this.t(e.at) });
        return;
    }
  }

  /**
   * The serial baseline's calls, made one after another inside a single
   * worker by one hidden carrier task: each becomes a task of its own, as if
   * that worker had run them, and reaches the caller when it finishes.
   */
  serialCalls(fn: string, inputs: readonly unknown[], calls: readonly SerialCall[], pid: number): void {
    calls.forEach((call, i) => {
      const task = i + 1;
      const [started, finished] = [this.t(call.started), this.t(call.finished)];
      this.#submitted(task, fn, { args: [inputs[i]] }, call.started);
      this.record({ type: 'task-dispatched', task, worker: 0, pid, t: started });
      this.record({ type: 'task-started', task, worker: 0, pid, t: started });
      const event: RunEvent = {
        type: 'task-finished',
        task,
        status: call.ok ? 'ok' : 'error',
        worker: 0,
        pid,
        started,
        finished,
        t: finished,
      };
      if (call.ok) event.result = preview(call.value);
      else if (call.error) event.error = errorInfo(rebuildError(call.error));
      this.record(event);
      this.delivered(task, call.finished);
      if (call.ok) this.driver(formatValue(call.value), 'stdout', call.finished);
    });
  }

  #submitted(
    task: number,
    fn: string,
    what: { items: readonly unknown[] } | { args: readonly unknown[] },
    at: number,
  ): void {
    const items = 'items' in what ? what.items : null;
    const args = 'args' in what ? what.args : [];
    const index = this.#nextInputIndex;
    this.#nextInputIndex += items ? items.length : 1;
    this.#chunkStarts.push({ index, task });
    this.record({
      type: 'task-submitted',
      task,
      fn,
      label: items ? chunkLabel(fn, items) : formatCall(fn, args),
      index,
      items: items ? items.length : 1,
      args: truncate(items ? formatValue(items, { bareStrings: false }) : argsPreview(args), PREVIEW_CHARS),
      t: this.t(at),
    });
  }

  output(
    worker: number | null,
    pid: number | null,
    task: number | null,
    stream: 'stdout' | 'stderr',
    text: string,
    at: number,
  ): void {
    const lines = countLines(text);
    if (
      this.#outputLines + lines > OUTPUT_LINE_LIMIT ||
      this.#outputChars + text.length > OUTPUT_CHAR_LIMIT
    ) {
      if (this.#dropped === 0) this.record({ type: 'output-truncated', dropped: 0, t: this.t(at) });
      this.#dropped += lines;
      return;
    }
    this.#outputLines += lines;
    this.#outputChars += text.length;
    this.record({ type: 'output', worker, pid, task, stream, text, t: this.t(at) });
  }

  /** The task that carries input number `index` (submission order is input order). */
  taskOfInput(index: number): number | null {
    const starts = this.#chunkStarts;
    let lo = 0;
    let hi = starts.length - 1;
    let found: number | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]!.index <= index) {
        found = starts[mid]!.task;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** The driver received this task's outcome (now, or at the epoch time `at`). */
  delivered(task: number, at?: number): void {
    const t = at === undefined ? this.now() : this.t(at);
    this.record({ type: 'task-delivered', task, order: ++this.#deliveries, t });
  }

  /** A line the driver printed (now, or at the epoch time `at`). */
  driver(text: string, stream: 'stdout' | 'stderr' = 'stdout', at?: number): void {
    this.record({ type: 'driver', text, stream, t: at === undefined ? this.now() : this.t(at) });
  }

  /** Record the run's end; the caller flushes (after saving the log, so the UI never sees an unsaved end). */
  finish(outcome: RunOutcome, wallMs: number, message?: string): void {
    if (this.#dropped > 0) this.recordNow({ type: 'output-truncated', dropped: this.#dropped });
    const event: UntimedRunEvent = { type: 'run-finished', outcome, wallMs };
    if (message !== undefined) event.message = message;
    this.recordNow(event);
    this.#ended = true;
  }
}

/**
 * The task module runs from a private temporary folder; the learner knows it
 * as tasks.ts. `at f (/tmp/…/run-…/tasks.ts:3:11)` becomes `at f (tasks.ts:3:11)`.
 */
export function userPaths(stack: string): string {
  return stack.replace(/(?:file:\/\/)?[^\s()'"]*[\\/](tasks\.ts:\d+:\d+)/g, '$1');
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return Math.max(1, n);
}

function preview(value: unknown): string {
  return formatValue(value, { bareStrings: false, maxLength: PREVIEW_CHARS });
}

function argsPreview(args: readonly unknown[]): string {
  return args.map(preview).join(', ');
}

/** An error reported as plain data (the serial runner's), with its stack as the remote traceback. */
function rebuildError(error: { name: string; message: string; stack: string }): Error {
  const rebuilt = new Error(error.message, { cause: new RemoteTraceback(error.stack) });
  rebuilt.name = error.name;
  return rebuilt;
}

function chunkLabel(fn: string, items: readonly unknown[]): string {
  const first = formatValue(items[0], { bareStrings: false, maxLength: 12 });
  if (items.length === 1) return `${fn}(${first})`;
  const last = formatValue(items[items.length - 1], { bareStrings: false, maxLength: 12 });
  return `${fn}(${first}…${last}) ×${items.length}`;
}

export function errorInfo(error: unknown): ErrorInfo {
  if (error instanceof Error) {
    const info: ErrorInfo = { name: error.name, message: truncate(userPaths(error.message), 2000) };
    if (error.cause instanceof RemoteTraceback) info.remoteStack = truncate(userPaths(error.cause.tb), 8000);
    return info;
  }
  return { name: 'Error', message: formatValue(error, { maxLength: 2000 }) };
}
