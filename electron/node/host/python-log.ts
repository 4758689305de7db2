/**
 * Turns a Python run's stream (the tracer's events, in causal order, and the
 * runner's own: electron/node/python) into the run's log, so the timeline,
 * terminal, history, comparison and exports read a Python run exactly as
 * they read a run of this app's pool (the mapping table is in
 * electron/node/python/tracer-events.ts).
 *
 * - Lanes: one per worker process (its PID) and, for a ThreadPoolExecutor,
 *   one per worker thread inside the program's own PID.
 * - Ids: the tracer's "<pid>.<n>" strings become numbers (tasks from 1,
 *   executors from 1, lanes from 0), in the order they appear.
 * - Output: the program's own prints are the caller's lines; a worker's are
 *   tagged with its PID (and its thread's lane).
 */
import { truncate } from '../../../shared/format-value';
import type { ErrorInfo, RunEvent, WorkerExitReason } from '../../../shared/run-events';
import type { PythonErrorInfo, PythonRunEvent, TracerEvent } from '../python';
import type { RunRecorder } from './recorder';

type Of<T extends TracerEvent['type']> = Extract<TracerEvent, { type: T }>;

interface Lane {
  index: number;
  pid: number;
  executor: number | null;
  thread: boolean;
  exited: boolean;
  /** When its worker-started came (the initializer's start, if it has one). */
  startedAt: number | null;
  initFailed: boolean;
}

interface ExecutorFacts {
  id: number;
  kind: 'process' | 'thread';
  hasInitializer: boolean;
  maxTasksPerChild: number | null;
  shutdownCalled: boolean;
  /** The shutdown() call in progress: when, how, and the tasks not settled then. */
  shutdown: { at: number; wait: boolean; cancelFutures: boolean; open: TaskFacts[] } | null;
  threads: number;
}

interface TaskFacts {
  id: number;
  executor: ExecutorFacts | null;
  /** How the caller's future ended (null while it has not). */
  settled: 'ok' | 'error' | 'cancelled' | null;
  /** What the worker reported (the run log has it). */
  finished: 'ok' | 'error' | null;
  delivered: boolean;
}

const PREVIEW_CHARS = 240;

export class PythonRunLog {
  readonly #recorder: RunRecorder;
  readonly #programPid: () => number | null;
  readonly #executors = new Map<string, ExecutorFacts>();
  readonly #tasks = new Map<string, TaskFacts>();
  /** Lanes by "pid" (a process) or "pid:tid" (a thread). */
  readonly #lanes = new Map<string, Lane>();
  readonly #disconnectedAt = new Map<number, number>();
  #nextInput = 0;
  /** The exception that ended the program, if one did. */
  uncaught: PythonErrorInfo | null = null;
  brokenPool = false;

  constructor(recorder: RunRecorder, programPid: () => number | null) {
    this.#recorder = recorder;
    this.#programPid = programPid;
  }

  /** PIDs of the worker processes (not threads), in the order they started. */
  get workerPids(): number[] {
    return [...this.#lanes.values()].filter((l) => !l.thread).map((l) => l.pid);
  }

  /** How many worker threads had lanes. */
  get threadCount(): number {
    return [...this.#lanes.values()].filter((l) => l.thread).length;
  }

  get taskCount(): number {
    return this.#tasks.size;
  }

  push(event: PythonRunEvent): void {
    switch (event.type) {
      case 'executor-created':
        return this.#executorCreated(event);
      case 'executor-shutdown': {
        const executor = this.#executors.get(event.executor);
        if (!executor) return;
        executor.shutdownCalled = true;
        const open = [...this.#tasks.values()].filter((t) => t.executor === executor && t.settled === null);
        executor.shutdown = { at: event.at, wait: event.wait, cancelFutures: event.cancelFutures, open };
        return;
      }
      case 'executor-shutdown-returned':
        return this.#shutdownReturned(event);
      case 'task-submitted':
        return this.#taskSubmitted(event);
      case 'task-started':
        return this.#taskStarted(event);
      case 'task-finished':
        return this.#taskFinished(event);
      case 'task-settled':
        return this.#taskSettled(event);
      case 'task-delivered': {
        const task = this.#tasks.get(event.task);
        if (!task || task.delivered) return;
        task.delivered = true;
        this.#recorder.delivered(task.id, event.at);
        return;
      }
      case 'process-started':
        if (event.executor !== null) this.#processLane(event.child, event.executor, event.at);
        return;
      case 'worker-started':
        return this.#workerStarted(event);
      case 'worker-ready':
        return this.#workerReady(event);
      case 'worker-init-failed':
        return this.#workerInitFailed(event);
      case 'process-exited':
        return this.#processExited(event);
      case 'worker-exited': {
        const lane = this.#lanes.get(threadKey(event.pid, event.tid));
        if (lane) this.#exit(lane, null, null, 'shutdown', event.at);
        return;
      }
      case 'pool-broken':
        this.brokenPool = true;
        this.#recorder.record({ type: 'pool-broken', message: event.message, t: this.#t(event.at) });
        return;
      case 'output':
        return this.#output(event);
      case 'uncaught-exception':
        if (event.pid === this.#programPid()) this.uncaught = event.error;
        return;
      case 'tracer-warning':
      case 'runner-warning':
        this.#recorder.record({
          type: 'notice',
          text: `Tracing: ${event.message}`,
          tone: 'warning',
          t: this.#t(event.at),
        });
        return;
      case 'raw-output':
        // Written past sys.stdout (os.write, C code, a child program): the writer is unknown,
        // and is nearly always the program itself.
        this.#recorder.driver(event.text, event.stream, event.at);
        return;
      case 'output-truncated':
        this.#recorder.record({ type: 'output-truncated', dropped: 0, t: this.#t(event.at) });
        return;
      case 'process-disconnected':
        this.#disconnectedAt.set(event.pid, event.at);
        return;
      case 'map-called':
      case 'task-rejected':
      case 'process-connected':
      case 'program-exited':
        return;
    }
  }

  /**
   * The run is over: a lane whose end was never reported (its process was
   * ended by Stop or a limit, or never joined) ends when its process did, as
   * far as the host saw.
   */
  closeLanes(endedBy: 'stop' | 'exit', at: number): void {
    for (const lane of this.#lanes.values()) {
      if (lane.exited) continue;
      const ended = (lane.thread ? null : this.#disconnectedAt.get(lane.pid)) ?? at;
      if (endedBy === 'stop') this.#exit(lane, null, 'SIGTERM', 'killed', ended);
      else this.#exit(lane, null, null, 'shutdown', ended);
    }
  }

  #t(at: number): number {
    return this.#recorder.t(at);
  }

  #executorCreated(e: Of<'executor-created'>): void {
    const facts: ExecutorFacts = {
      id: this.#executors.size + 1,
      kind: e.kind,
      hasInitializer: e.initializer !== null,
      maxTasksPerChild: e.maxTasksPerChild,
      shutdownCalled: false,
      shutdown: null,
      threads: 0,
    };
    this.#executors.set(e.executor, facts);
    this.#recorder.record({
      type: 'executor-created',
      executor: facts.id,
      kind: e.kind,
      maxWorkers: e.maxWorkers,
      startMethod: e.startMethod,
      maxTasksPerChild: e.maxTasksPerChild,
      initializer: e.initializer,
      t: this.#t(e.at),
    });
  }

  #taskSubmitted(e: Of<'task-submitted'>): void {
    const executor = this.#executors.get(e.executor) ?? null;
    const task: TaskFacts = {
      id: this.#tasks.size + 1,
      executor,
      settled: null,
      finished: null,
      delivered: false,
    };
    this.#tasks.set(e.task, task);
    const args = [...e.args, ...Object.entries(e.kwargs ?? {}).map(([k, v]) => `${k}=${v}`)];
    const items = e.items;
    const index = this.#nextInput;
    this.#nextInput += items ? items.length : 1;
    const event: RunEvent = {
      type: 'task-submitted',
      task: task.id,
      fn: e.fn,
      label: items ? chunkLabel(e.fn, items) : callLabel(e.fn, args),
      index,
      items: items ? items.length : 1,
      args: truncate(items ? `[${items.join(', ')}]` : args.join(', '), PREVIEW_CHARS),
      t: this.#t(e.at),
    };
    if (executor) event.executor = executor.id;
    this.#recorder.record(event);
  }

  #taskStarted(e: Of<'task-started'>): void {
    const task = this.#tasks.get(e.task);
    if (!task) return;
    const lane = this.#laneOfWorker(task.executor, e.pid, e.tid, e.thread, e.at);
    const t = this.#t(e.at);
    this.#recorder.record({ type: 'task-dispatched', task: task.id, worker: lane.index, pid: e.pid, t });
    this.#recorder.record({ type: 'task-started', task: task.id, worker: lane.index, pid: e.pid, t });
  }

  #taskFinished(e: Of<'task-finished'>): void {
    const task = this.#tasks.get(e.task);
    if (!task) return;
    const lane = this.#laneOfWorker(task.executor, e.pid, e.tid, e.thread, e.started);
    task.finished = e.status;
    const event: RunEvent = {
      type: 'task-finished',
      task: task.id,
      status: e.status,
      worker: lane.index,
      pid: e.pid,
      started: this.#t(e.started),
      finished: this.#t(e.at),
      t: this.#t(e.at),
    };
    if (e.result !== undefined) event.result = e.result;
    if (e.error) event.error = errorInfo(e.error);
    this.#recorder.record(event);
  }

  /** The caller's side: cancelled, failed without running (a broken pool), or failed on the way back. */
  #taskSettled(e: Of<'task-settled'>): void {
    const task = this.#tasks.get(e.task);
    if (!task) return;
    task.settled = e.status;
    if (task.finished === e.status) return;
    task.finished = e.status === 'cancelled' ? null : e.status;
    const event: RunEvent = {
      type: 'task-finished',
      task: task.id,
      status: e.status,
      worker: null,
      pid: null,
      started: null,
      finished: null,
      t: this.#t(e.at),
    };
    if (e.error) event.error = errorInfo(e.error);
    this.#recorder.record(event);
  }

  /**
   * shutdown() returned (the end of a `with` block, most often): the call is
   * recorded with what it did — with cancel_futures, the tasks it cancelled
   * and those it could not (already handed to a worker, they run on).
   */
  #shutdownReturned(e: Of<'executor-shutdown-returned'>): void {
    const executor = this.#executors.get(e.executor);
    const call = executor?.shutdown;
    if (!executor || !call) return;
    executor.shutdown = null;
    const cancelled = call.cancelFutures ? call.open.filter((t) => t.settled === 'cancelled') : [];
    const handedOver = call.cancelFutures ? call.open.filter((t) => t.settled !== 'cancelled') : [];
    this.#recorder.record({
      type: 'shutdown-called',
      wait: call.wait,
      cancelFutures: call.cancelFutures,
      cancelled: cancelled.map((t) => t.id),
      handedOver: handedOver.map((t) => t.id),
      t: this.#t(call.at),
    });
    this.#recorder.record({ type: 'shutdown-returned', t: this.#t(e.at) });
  }

  #workerStarted(e: Of<'worker-started'>): void {
    const executor = this.#executors.get(e.executor) ?? null;
    const lane =
      e.kind === 'thread'
        ? this.#threadLane(executor, e.pid, e.tid, e.thread, e.at)
        : this.#processLane(e.pid, e.executor, e.at);
    lane.startedAt = e.at;
  }

  #workerReady(e: Of<'worker-ready'>): void {
    const executor = this.#executors.get(e.executor) ?? null;
    const lane =
      e.kind === 'thread'
        ? this.#threadLane(executor, e.pid, e.tid, e.thread, e.at)
        : this.#processLane(e.pid, e.executor, e.at);
    const t = this.#t(e.at);
    if (executor?.hasInitializer && lane.startedAt !== null) {
      this.#recorder.record({
        type: 'worker-initialized',
        worker: lane.index,
        pid: lane.pid,
        started: this.#t(lane.startedAt),
        finished: t,
        ok: true,
        t,
      });
    }
    this.#recorder.record({ type: 'worker-ready', worker: lane.index, pid: lane.pid, t });
  }

  #workerInitFailed(e: Of<'worker-init-failed'>): void {
    const executor = this.#executors.get(e.executor) ?? null;
    const lane =
      e.kind === 'thread'
        ? this.#threadLane(executor, e.pid, e.tid, e.thread, e.at)
        : this.#processLane(e.pid, e.executor, e.at);
    lane.initFailed = true;
    const t = this.#t(e.at);
    this.#recorder.record({
      type: 'worker-initialized',
      worker: lane.index,
      pid: lane.pid,
      started: this.#t(lane.startedAt ?? e.at),
      finished: t,
      ok: false,
      t,
    });
  }

  #processExited(e: Of<'process-exited'>): void {
    const lane = this.#lanes.get(String(e.child));
    if (!lane) return;
    const executor = lane.executor === null ? null : this.#executorById(lane.executor);
    let reason: WorkerExitReason;
    if (lane.initFailed) reason = 'init-failed';
    else if (e.signal !== null || (e.exitCode !== null && e.exitCode !== 0)) reason = 'crash';
    else if (executor && !executor.shutdownCalled && executor.maxTasksPerChild !== null) reason = 'recycled';
    else reason = 'shutdown';
    this.#exit(lane, e.exitCode, e.signal, reason, e.at);
  }

  #output(e: Of<'output'>): void {
    const lane = this.#lanes.get(String(e.pid)) ?? this.#lanes.get(threadKey(e.pid, e.tid));
    const task = e.task === null ? null : (this.#tasks.get(e.task)?.id ?? null);
    if (e.pid === this.#programPid() && !lane?.thread) {
      this.#recorder.driver(e.text, e.stream, e.at);
      return;
    }
    this.#recorder.output(lane?.index ?? null, e.pid, task, e.stream, e.text, e.at);
  }

  #executorById(id: number): ExecutorFacts | undefined {
    for (const facts of this.#executors.values()) if (facts.id === id) return facts;
    return undefined;
  }

  /** The lane a task ran on: its worker thread's (a ThreadPoolExecutor) or its process's. */
  #laneOfWorker(
    executor: ExecutorFacts | null,
    pid: number,
    tid: number | null,
    thread: string | null,
    at: number,
  ): Lane {
    if (executor?.kind === 'thread') return this.#threadLane(executor, pid, tid, thread, at);
    return this.#lanes.get(String(pid)) ?? this.#processLane(pid, null, at);
  }

  #processLane(pid: number, executorKey: string | null, at: number): Lane {
    const key = String(pid);
    const known = this.#lanes.get(key);
    if (known) return known;
    const executor = executorKey === null ? null : (this.#executors.get(executorKey) ?? null);
    const lane = this.#newLane(key, pid, executor, false);
    const event: RunEvent = { type: 'worker-spawned', worker: lane.index, pid, t: this.#t(at) };
    if (executor) event.executor = executor.id;
    this.#recorder.record(event);
    return lane;
  }

  #threadLane(
    executor: ExecutorFacts | null,
    pid: number,
    tid: number | null,
    thread: string | null,
    at: number,
  ): Lane {
    const key = threadKey(pid, tid);
    const known = this.#lanes.get(key);
    if (known) return known;
    const lane = this.#newLane(key, pid, executor, true);
    const ordinal = executor ? ++executor.threads : lane.index + 1;
    const event: RunEvent = {
      type: 'worker-spawned',
      worker: lane.index,
      pid,
      thread: { ordinal, name: thread ?? `thread ${ordinal}` },
      t: this.#t(at),
    };
    if (executor) event.executor = executor.id;
    this.#recorder.record(event);
    return lane;
  }

  #newLane(key: string, pid: number, executor: ExecutorFacts | null, thread: boolean): Lane {
    const lane: Lane = {
      index: this.#lanes.size,
      pid,
      executor: executor?.id ?? null,
      thread,
      exited: false,
      startedAt: null,
      initFailed: false,
    };
    this.#lanes.set(key, lane);
    return lane;
  }

  #exit(lane: Lane, code: number | null, signal: string | null, reason: WorkerExitReason, at: number): void {
    if (lane.exited) return;
    lane.exited = true;
    this.#recorder.record({
      type: 'worker-exited',
      worker: lane.index,
      pid: lane.pid,
      code,
      signal,
      reason,
      t: this.#t(at),
    });
  }
}

function threadKey(pid: number, tid: number | null): string {
  return `${pid}:${tid ?? '?'}`;
}

/** `fn(1, 'a')`: the tracer's previews are already Python reprs. */
function callLabel(fn: string, args: readonly string[]): string {
  return `${fn}(${truncate(args.join(', '), Math.max(8, 58 - fn.length))})`;
}

function chunkLabel(fn: string, items: readonly string[]): string {
  const first = truncate(items[0] ?? '', 12);
  if (items.length === 1) return `${fn}(${first})`;
  return `${fn}(${first}…${truncate(items[items.length - 1]!, 12)}) ×${items.length}`;
}

/** A Python exception as the run log keeps errors: its class, its message, its traceback. */
export function errorInfo(error: PythonErrorInfo): ErrorInfo {
  const info: ErrorInfo = {
    name: error.type.split('.').pop() ?? error.type,
    message: truncate(error.message, 2000),
  };
  if (error.traceback) info.remoteStack = truncate(error.traceback, 8000);
  return info;
}
