/**
 * ProcessPoolExecutor: a TypeScript port of Python's
 * concurrent.futures.ProcessPoolExecutor, on real OS processes.
 *
 *   caller                  parent process (this file)                     worker processes
 *   ──────                  ──────────────────────────                     ────────────────
 *   submit(fn, ...args) ─▶ Future PENDING + WorkItem ─▶ pending queue (FIFO)
 *                                                          │ #pump(): an idle, ready worker takes
 *                                                          │ the head (short tasks: a few extra are
 *                                                          │ prefetched so the pipe never runs dry)
 *                                                          ▼
 *                           Future RUNNING ── run{tasks} ──────────▶ worker/entry.ts: imports the
 *                                                                    task module once, runs the
 *                                                                    initializer, then fn(...args)
 *                                                                    one task at a time
 *                                                                          │ console output and
 *                                                                          ▼ results, in order
 *   await future.result() ◀─ Future FINISHED ◀─ out{records} ◀─── outbox ─┘
 *                            (+ done callbacks, asCompleted, wait)
 *
 *   #adjustWorkers(): spawns on demand, when work waits that no existing
 *   worker can take, up to maxWorkers (N blocking submits → min(N, max)).
 *   Exits: 'recycled' (maxTasksPerChild), 'shutdown' and 'killed'
 *   (terminateWorkers/killWorkers) are expected; any other exit breaks the
 *   pool: every unfinished future fails with its own BrokenProcessPool
 *   naming the PID and the exit code or signal, the other workers are
 *   stopped, and further submits throw.
 *
 * Every step is reported as a PoolEvent (events.ts) for the visualizer.
 */
import { availableParallelism } from 'node:os';
import { serialize } from 'node:v8';
import { describeValue, explainUnclonable } from './clone-check';
import { now } from './clock';
import { BrokenProcessPool, DataCloneError, RemoteTraceback } from './errors';
import type { PoolEvent, PoolEventListener, TaskStatus, WorkerExitReason } from './events';
import { ForkLauncher } from './fork-launcher';
import { Future, kOnCancel } from './future';
import type { WorkerExit, WorkerHandle, WorkerLauncher } from './launcher';
import { MapIterator, type MapOptions } from './map-iterator';
import type { DoneRecord, InitFailedMessage, WireTask, WorkerMessage } from './protocol';
import { Deque } from './deque';
import { anonymousFunctionMessage, taskName, type TaskRef } from './task-ref';
import { holdLoop, releaseLoop } from './loop-hold';
import { locateTaskModule, prepareTaskModule, type ResolvedTaskModule } from './task-module';
import { fromWireError } from './wire-error';
import { trackWorker, untrackWorker } from './worker-registry';

export interface ProcessPoolExecutorOptions {
  /** The ES module (path or file: URL) whose exports are the task functions. */
  taskModule: string | URL;
  /** Most worker processes at once; default `os.availableParallelism()`. */
  maxWorkers?: number;
  /** Run once in each worker before its first task. */
  initializer?: TaskRef | null;
  initargs?: unknown[];
  /** A worker exits after this many tasks and is replaced when work remains. */
  maxTasksPerChild?: number | null;
  /** How workers are started; default child_process.fork. */
  launcher?: WorkerLauncher;
  /** Node flags for every worker, e.g. `['--max-old-space-size=64']`. */
  workerExecArgv?: string[];
  /** Receives every lifecycle event (the same as `subscribe()`). */
  onEvent?: PoolEventListener;
}

type PoolState = 'open' | 'shutdown' | 'broken';
type SlotState = 'starting' | 'ready' | 'stopping' | 'exited';

interface WorkItem {
  readonly id: number;
  readonly fn: string;
  readonly args?: unknown[];
  readonly items?: unknown[];
  readonly future: Future<unknown>;
}

class WorkerSlot {
  pid: number | null = null;
  state: SlotState = 'starting';
  /** Sent to the worker, not yet finished; the first one is running. */
  readonly inflight: WorkItem[] = [];
  /** Tasks handed to this worker so far (for maxTasksPerChild). */
  assigned = 0;
  /** When it last went idle, as a count of such moments (the largest is the most recent). */
  idleSince = 0;
  stopReason: WorkerExitReason | null = null;
  /** The last few KB of raw stderr: tells an out-of-memory death from others. */
  stderrTail = '';
  killTimer: ReturnType<typeof setTimeout> | null = null;
  /** Whether this worker holds the event loop open now (starting, busy or stopping). */
  holdsLoop = false;
  handle!: WorkerHandle;
  constructor(readonly index: number) {}

  get live(): boolean {
    return this.state === 'starting' || this.state === 'ready';
  }
}

/** Tasks shorter than this (moving average) are prefetched a few at a time per worker. */
const SHORT_TASK_MS = 1;
const PREFETCH_DEPTH = 8;
/** Grace periods before a stop escalates to SIGKILL. */
const EXIT_GRACE_MS = 3000;
const TERM_GRACE_MS = 1000;
const STDERR_TAIL_CHARS = 4096;

export class ProcessPoolExecutor {
  readonly #taskModulePath: string;
  #module: ResolvedTaskModule | null = null;
  readonly #maxWorkers: number;
  readonly #maxTasksPerChild: number | null;
  readonly #initializer: string | null;
  readonly #initargs: unknown[];
  readonly #launcher: WorkerLauncher;
  readonly #execArgv: string[];
  readonly #listeners = new Set<PoolEventListener>();

  readonly #queue = new Deque<WorkItem>();
  /** Items in #queue that are not cancelled (cancelled ones are skipped lazily). */
  #queued = 0;
  readonly #workers = new Set<WorkerSlot>();
  #nextWorkerIndex = 0;
  #state: PoolState = 'open';
  #brokenMessage = '';
  #exitWaiters: (() => void)[] = [];
  #pumpScheduled = false;
  /** Orders the moments workers go idle (see WorkerSlot.idleSince). */
  #idleTicks = 0;
  /** Moving average of task run time in ms (null until the first result). */
  #avgRunMs: number | null = null;

  constructor(options: ProcessPoolExecutorOptions) {
    if (options === null || typeof options !== 'object') {
      throw new TypeError('ProcessPoolExecutor needs an options object with a taskModule');
    }
    const { maxWorkers, maxTasksPerChild, initializer, initargs = [] } = options;
    if (maxWorkers === undefined || maxWorkers === null) {
      this.#maxWorkers = availableParallelism();
    } else {
      if (typeof maxWorkers !== 'number' || !Number.isInteger(maxWorkers)) {
        throw new TypeError(
          `max_workers must be greater than 0 and a whole number, got ${describeArg(maxWorkers)}`,
        );
      }
      if (maxWorkers <= 0) throw new RangeError('max_workers must be greater than 0');
      this.#maxWorkers = maxWorkers;
    }
    if (maxTasksPerChild === undefined || maxTasksPerChild === null) {
      this.#maxTasksPerChild = null;
    } else {
      if (typeof maxTasksPerChild !== 'number' || !Number.isInteger(maxTasksPerChild)) {
        throw new TypeError(
          `max_tasks_per_child must be a whole number >= 1, got ${describeArg(maxTasksPerChild)}`,
        );
      }
      if (maxTasksPerChild < 1) throw new RangeError('max_tasks_per_child must be >= 1');
      this.#maxTasksPerChild = maxTasksPerChild;
    }
    if (initializer === undefined || initializer === null) {
      this.#initializer = null;
    } else {
      const name = taskName(initializer, 'initializer');
      if (name === '') throw new TypeError(`initializer: ${anonymousFunctionMessage()}`);
      this.#initializer = name;
    }
    if (!Array.isArray(initargs)) throw new TypeError('initargs must be an array');
    try {
      serialize(initargs);
    } catch {
      const why = initargs.map((a, i) => explainUnclonable(`initargs[${i}]`, a)).find(Boolean);
      throw new TypeError(`initargs cannot be sent to the workers: ${why ?? 'not cloneable'}`);
    }
    this.#initargs = initargs;
    this.#taskModulePath = locateTaskModule(options.taskModule);
    this.#launcher = options.launcher ?? new ForkLauncher();
    this.#execArgv = [...(options.workerExecArgv ?? [])];
    if (options.onEvent) this.#listeners.add(options.onEvent);
  }

  /** The most worker processes this pool runs at once. */
  get maxWorkers(): number {
    return this.#maxWorkers;
  }

  /** PIDs of the worker processes alive now (spawned, not yet exited). */
  get pids(): number[] {
    const pids: number[] = [];
    for (const slot of this.#workers) if (slot.pid !== null) pids.push(slot.pid);
    return pids;
  }

  /** Listen to lifecycle events; returns the unsubscribe function. */
  subscribe(listener: PoolEventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Schedule `fn(...args)` on a worker; returns its Future at once. */
  submit<R = unknown>(fn: TaskRef, ...args: unknown[]): Future<R> {
    this.#checkOpen();
    const name = taskName(fn);
    return this.#submitTask(name, args, undefined) as Future<R>;
  }

  /**
   * Like `Array.prototype.map`, in parallel: yields `fn(item)` for each item
   * in input order. Every item is submitted now (or `buffersize` chunks
   * ahead), `chunksize` items per task; `timeoutMs` is a deadline from now.
   */
  map<R = unknown>(
    fn: TaskRef,
    iterable: Iterable<unknown> | AsyncIterable<unknown>,
    options: MapOptions = {},
  ): AsyncIterableIterator<R> {
    this.#checkOpen();
    const name = taskName(fn);
    return new MapIterator<R>(iterable, options, (chunk, single) =>
      single ? this.#submitTask(name, chunk, undefined) : this.#submitTask(name, undefined, chunk),
    );
  }

  /**
   * Stop accepting work, then (with `wait`, the default) wait for every
   * non-cancelled future and for the workers to exit. `cancelFutures`
   * cancels what has not started. Calling it again is harmless.
   */
  async shutdown(options: { wait?: boolean; cancelFutures?: boolean } = {}): Promise<void> {
    const { wait = true, cancelFutures = false } = options;
    this.#beginShutdown(cancelFutures);
    if (wait) await this.#whenAllExited();
  }

  /** Cancel pending futures and SIGTERM every worker; running futures fail with BrokenProcessPool. */
  terminateWorkers(): void {
    this.#forceStop('SIGTERM');
  }

  /** Cancel pending futures and SIGKILL every worker; running futures fail with BrokenProcessPool. */
  killWorkers(): void {
    this.#forceStop('SIGKILL');
  }

  /** `await using pool = new ProcessPoolExecutor(...)` — Python's `with` block. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.shutdown({ wait: true });
  }

  // ───────────────────────────── submitting ─────────────────────────────

  #checkOpen(): void {
    if (this.#state === 'broken') throw new BrokenProcessPool(this.#brokenMessage);
    if (this.#state === 'shutdown') throw new Error('cannot schedule new futures after shutdown');
  }

  /** One task: a single call (`args` set) or a map chunk (`chunk` set: one argument per item). */
  #submitTask(fn: string, args: unknown[] | undefined, chunk: unknown[] | undefined): Future<unknown> {
    const future = new Future<unknown>();
    const item: WorkItem =
      args !== undefined ? { id: future.id, fn, args, future } : { id: future.id, fn, items: chunk, future };
    if (this.#listeners.size > 0) {
      this.#emit(
        args !== undefined
          ? { type: 'task-submitted', task: item.id, fn, args, at: now() }
          : { type: 'task-submitted', task: item.id, fn, items: chunk, at: now() },
      );
    }
    if (fn === '') {
      future.setRunningOrNotifyCancel();
      this.#settle(item, null, 'error', undefined, new TypeError(anonymousFunctionMessage()));
      return future;
    }
    future[kOnCancel] = this.#onCancelled;
    this.#queue.push(item);
    this.#queued++;
    this.#pump();
    return future;
  }

  /** A queued future was cancelled (one function for every future: no closure per task). */
  readonly #onCancelled = (future: Future<unknown>): void => {
    this.#queued--;
    if (this.#listeners.size > 0) {
      this.#emit({ type: 'task-finished', task: future.id, status: 'cancelled', at: now() });
    }
    this.#stopIdleWorkersIfDone();
  };

  // ───────────────────────────── dispatching ─────────────────────────────

  /** Hand queued work to workers that can take it, then spawn for what is left. */
  #pump(): void {
    if (this.#state === 'broken') return;
    // Dispatching changes no worker's readiness: decide prefetching once per pump.
    const depth = this.#prefetching() ? PREFETCH_DEPTH : 1;
    while (this.#queued > 0) {
      const slot = this.#pickWorker(depth);
      if (!slot) break;
      const limit = this.#capacity(slot, depth);
      const batch: WorkItem[] = [];
      while (batch.length < limit && this.#queued > 0) {
        const item = this.#queue.shift()!;
        if (item.future.cancelled()) continue;
        this.#queued--;
        item.future[kOnCancel] = null;
        if (item.future.setRunningOrNotifyCancel()) batch.push(item);
      }
      if (batch.length > 0) this.#dispatch(slot, batch);
    }
    this.#adjustWorkers();
    this.#stopIdleWorkersIfDone();
  }

  /**
   * The idle worker that finished last — its process is still running or just
   * asleep, warm in the CPU's caches, so one-at-a-time submits keep going to the
   * same process (rule 2) instead of waking a colder one each time; else (short
   * tasks, pool full) the least loaded one.
   */
  #pickWorker(depth: number): WorkerSlot | null {
    let best: WorkerSlot | null = null;
    for (const slot of this.#workers) {
      if (slot.state !== 'ready' || slot.inflight.length > 0 || this.#quota(slot) === 0) continue;
      if (!best || slot.idleSince > best.idleSince) best = slot;
    }
    if (best || depth === 1) return best;
    for (const slot of this.#workers) {
      if (slot.state !== 'ready' || this.#capacity(slot, depth) === 0) continue;
      if (!best || slot.inflight.length < best.inflight.length) best = slot;
    }
    return best;
  }

  /**
   * Prefetch only when tasks are known to be short and no more workers can start.
   * Workers still starting do not count: they are idle in a moment, and work already
   * sent down another worker's pipe cannot move to them (a long task would hold up
   * the ones prefetched behind it while they sit idle — CPython's test_first_exception).
   */
  #prefetching(): boolean {
    return (
      this.#avgRunMs !== null && this.#avgRunMs < SHORT_TASK_MS && this.#readyCount() >= this.#maxWorkers
    );
  }

  #quota(slot: WorkerSlot): number {
    return this.#maxTasksPerChild === null ? Infinity : this.#maxTasksPerChild - slot.assigned;
  }

  /** How many more tasks `slot` may take now, with up to `depth` in flight. */
  #capacity(slot: WorkerSlot, depth: number): number {
    return Math.max(0, Math.min(this.#quota(slot), depth - slot.inflight.length));
  }

  #dispatch(slot: WorkerSlot, batch: WorkItem[]): void {
    let sendable = batch;
    try {
      slot.handle.send({ t: 'run', tasks: batch.map(toWireTask) });
    } catch {
      sendable = this.#failUnclonable(batch);
      if (sendable.length > 0) slot.handle.send({ t: 'run', tasks: sendable.map(toWireTask) });
    }
    if (sendable.length === 0) return;
    const at = now();
    for (const item of sendable) {
      slot.inflight.push(item);
      slot.assigned++;
      if (this.#listeners.size > 0) {
        const pid = slot.pid ?? -1;
        this.#emit({ type: 'task-dispatched', task: item.id, worker: slot.index, pid, at });
        if (slot.inflight.length === 1) {
          this.#emit({ type: 'task-started', task: item.id, worker: slot.index, pid, at });
        }
      }
    }
    syncLoopHold(slot);
  }

  /** Fail the items whose arguments cannot be cloned; return the others. */
  #failUnclonable(batch: WorkItem[]): WorkItem[] {
    const ok: WorkItem[] = [];
    for (const item of batch) {
      const values = item.args ?? item.items ?? [];
      const label = item.args ? 'argument' : 'map item';
      let why: string | null = null;
      try {
        serialize(toWireTask(item));
      } catch {
        why =
          values.map((v, i) => explainUnclonable(`${label} ${i}`, v)).find(Boolean) ??
          'a value cannot be cloned';
      }
      if (why === null) {
        ok.push(item);
        continue;
      }
      const error = new DataCloneError(
        `Cannot send ${item.fn}() to a worker process: ${why}. Arguments travel between processes ` +
          `by structured clone, as Python pickles them: pass plain data (numbers, strings, arrays, ` +
          `plain objects, Map, Set, Date, typed arrays).`,
      );
      this.#settle(item, null, 'error', undefined, error);
    }
    return ok;
  }

  /** Spawn workers for queued work no existing worker will take, up to maxWorkers. */
  #adjustWorkers(): void {
    if (this.#state === 'broken' || this.#queued === 0) return;
    let starting = 0;
    let live = 0;
    for (const slot of this.#workers) {
      if (slot.state === 'starting') starting++;
      if (slot.live) live++;
    }
    while (this.#queued > starting && live < this.#maxWorkers) {
      if (!this.#spawn()) return;
      starting++;
      live++;
    }
  }

  #readyCount(): number {
    let ready = 0;
    for (const slot of this.#workers) if (slot.state === 'ready') ready++;
    return ready;
  }

  // ───────────────────────────── workers ─────────────────────────────

  #spawn(): boolean {
    if (!this.#module) {
      try {
        this.#module = prepareTaskModule(this.#taskModulePath);
      } catch (error) {
        this.#break(`the task module could not be prepared: ${String(error)}`, error);
        return false;
      }
    }
    const slot = new WorkerSlot(this.#nextWorkerIndex++);
    this.#workers.add(slot);
    slot.handle = this.#launcher.launch(
      { execArgv: this.#execArgv, name: `pool worker ${slot.index}` },
      {
        spawn: (pid) => this.#onSpawn(slot, pid),
        message: (message) => this.#onMessage(slot, message),
        output: (stream, text) => this.#onRawOutput(slot, stream, text),
        exit: (exit) => this.#onExit(slot, exit),
      },
    );
    trackWorker(slot.handle);
    syncLoopHold(slot);
    slot.handle.send({
      t: 'init',
      module: this.#module.url,
      initializer: this.#initializer,
      initargs: this.#initargs,
    });
    return true;
  }

  #onSpawn(slot: WorkerSlot, pid: number): void {
    slot.pid = pid;
    if (this.#listeners.size > 0) this.#emit({ type: 'worker-spawned', worker: slot.index, pid, at: now() });
  }

  #onMessage(slot: WorkerSlot, message: WorkerMessage): void {
    switch (message.t) {
      case 'ready':
        if (slot.state !== 'starting') return;
        slot.state = 'ready';
        slot.pid ??= message.pid;
        slot.idleSince = ++this.#idleTicks;
        if (this.#listeners.size > 0) {
          this.#emit({ type: 'worker-ready', worker: slot.index, pid: message.pid, at: message.at });
        }
        syncLoopHold(slot);
        this.#pump();
        return;
      case 'init-failed':
        this.#onInitFailed(slot, message);
        return;
      case 'out': {
        let finishedAny = false;
        for (const record of message.records) {
          if (record.k === 'log') {
            if (this.#listeners.size > 0) {
              this.#emit({
                type: 'console',
                worker: slot.index,
                pid: slot.pid,
                task: record.task,
                stream: record.stream,
                text: record.text,
                raw: false,
                at: record.at,
              });
            }
          } else {
            this.#complete(slot, record);
            finishedAny = true;
          }
        }
        // Nothing queued and still open: no worker to feed and none to stop.
        if (finishedAny && (this.#queued > 0 || this.#state !== 'open')) this.#pumpSoon();
        return;
      }
    }
  }

  /**
   * After results arrive, the callers waiting on them run first (their
   * continuations are microtasks); handing out more work waits for the next
   * turn of the event loop. Sending a batch takes tens of microseconds, which
   * would otherwise sit between a task finishing and as_completed() seeing it.
   */
  #pumpSoon(): void {
    if (this.#pumpScheduled) return;
    this.#pumpScheduled = true;
    setImmediate(() => {
      this.#pumpScheduled = false;
      this.#pump();
    });
  }

  #complete(slot: WorkerSlot, record: DoneRecord): void {
    // Results come back in the order the tasks were sent: the first one in flight, as a rule.
    const index =
      slot.inflight[0]?.id === record.id ? 0 : slot.inflight.findIndex((item) => item.id === record.id);
    if (index < 0) return;
    const item = index === 0 ? slot.inflight.shift()! : slot.inflight.splice(index, 1)[0]!;
    const ran = record.finished - record.started;
    this.#avgRunMs = this.#avgRunMs === null ? ran : this.#avgRunMs * 0.8 + ran * 0.2;
    const next = slot.inflight[0];
    if (next && index === 0 && this.#listeners.size > 0) {
      const pid = slot.pid ?? -1;
      this.#emit({ type: 'task-started', task: next.id, worker: slot.index, pid, at: record.finished });
    }
    if (slot.inflight.length === 0) {
      slot.idleSince = ++this.#idleTicks;
      if (slot.state === 'ready' && this.#quota(slot) === 0) this.#stopWorker(slot, 'recycled', 'exit');
      else syncLoopHold(slot);
    }
    // The worker is idle (or retiring) before anyone sees the result, so a caller that
    // submits again from a done callback or right after `await result()` reuses it.
    if (record.k === 'ok') this.#settle(item, slot, 'ok', record, record.value);
    else this.#settle(item, slot, 'error', record, fromWireError(record.error, `${item.fn}()`));
  }

  /** Finish an item's future and report it. */
  #settle(
    item: WorkItem,
    slot: WorkerSlot | null,
    status: Exclude<TaskStatus, 'cancelled'>,
    record: DoneRecord | undefined,
    outcome: unknown,
  ): void {
    if (this.#listeners.size > 0) {
      const event: PoolEvent = { type: 'task-finished', task: item.id, status, at: now() };
      if (slot) {
        event.worker = slot.index;
        if (slot.pid !== null) event.pid = slot.pid;
      }
      if (record) {
        event.started = record.started;
        event.finished = record.finished;
      }
      if (status === 'ok') event.value = outcome;
      else event.error = outcome;
      this.#emit(event);
    }
    if (item.future.done()) return;
    if (status === 'ok') item.future.setResult(outcome);
    else item.future.setException(outcome);
  }

  #onInitFailed(slot: WorkerSlot, message: InitFailedMessage): void {
    const { error, phase } = message;
    const what =
      phase === 'import'
        ? `could not import the task module (${this.#module?.label ?? 'task module'})`
        : `its initializer ${this.#initializer}() failed`;
    slot.stopReason = 'init-failed';
    this.#stopWorker(slot, 'init-failed', 'SIGTERM');
    this.#break(
      `A process in the process pool failed to start: worker ${slot.pid ?? '?'} ${what}: ` +
        `${error.name}: ${error.message}. The pool is not usable anymore.`,
      new RemoteTraceback(error.stack),
    );
  }

  #onRawOutput(slot: WorkerSlot, stream: 'stdout' | 'stderr', text: string): void {
    if (stream === 'stderr') slot.stderrTail = (slot.stderrTail + text).slice(-STDERR_TAIL_CHARS);
    if (this.#listeners.size > 0) {
      this.#emit({
        type: 'console',
        worker: slot.index,
        pid: slot.pid,
        task: slot.inflight[0]?.id ?? null,
        stream,
        text,
        raw: true,
        at: now(),
      });
    }
  }

  /** Ask a worker to stop: politely (`exit` message) or with a signal; escalate if it lingers. */
  #stopWorker(slot: WorkerSlot, reason: WorkerExitReason, how: 'exit' | 'SIGTERM' | 'SIGKILL'): void {
    if (slot.state === 'exited') return;
    if (slot.stopReason === null || reason === 'killed') slot.stopReason = reason;
    slot.state = 'stopping';
    syncLoopHold(slot);
    if (how === 'exit') slot.handle.send({ t: 'exit' });
    else slot.handle.signal(how);
    if (how !== 'SIGKILL' && slot.killTimer === null) {
      slot.killTimer = setTimeout(
        () => slot.handle.signal('SIGKILL'),
        how === 'exit' ? EXIT_GRACE_MS : TERM_GRACE_MS,
      );
    }
  }

  #onExit(slot: WorkerSlot, exit: WorkerExit): void {
    if (slot.state === 'exited') return;
    const expected = slot.stopReason !== null;
    slot.state = 'exited';
    syncLoopHold(slot);
    this.#workers.delete(slot);
    untrackWorker(slot.handle);
    if (slot.killTimer !== null) clearTimeout(slot.killTimer);
    const reason = slot.stopReason ?? classifyDeath(exit, slot.stderrTail);
    if (this.#listeners.size > 0) {
      this.#emit({
        type: 'worker-exited',
        worker: slot.index,
        pid: slot.pid,
        code: exit.code,
        signal: exit.signal,
        reason,
        tasks: slot.assigned - slot.inflight.length,
        at: now(),
      });
    }
    const how = describeExit(slot.pid, exit, reason);
    if (!expected && this.#state !== 'broken') {
      // Its running futures are failed by #break along with everything else.
      this.#break(
        `A process in the process pool was terminated abruptly while the future was running or ` +
          `pending: ${how}. The pool is not usable anymore.`,
      );
    }
    const orphans = slot.inflight.splice(0);
    for (const item of orphans) {
      const stopped = slot.stopReason === 'killed' ? ' by terminateWorkers()/killWorkers()' : '';
      this.#settle(
        item,
        slot,
        'error',
        undefined,
        new BrokenProcessPool(`${how}${stopped} while the future was running; its result is lost.`),
      );
    }
    if (this.#workers.size === 0) {
      if (this.#state !== 'open') {
        this.#module?.dispose();
        this.#module = null;
      }
      for (const waiter of this.#exitWaiters.splice(0)) waiter();
    }
    this.#pump();
  }

  /** The pool is unusable: fail every unfinished future, stop every worker. */
  #break(message: string, cause?: unknown): void {
    if (this.#state === 'broken') return;
    this.#state = 'broken';
    this.#brokenMessage = message;
    if (this.#listeners.size > 0) this.#emit({ type: 'pool-broken', message, at: now() });
    const victims: { item: WorkItem; slot: WorkerSlot | null }[] = [];
    for (const item of this.#queue.drain()) if (!item.future.done()) victims.push({ item, slot: null });
    this.#queued = 0;
    for (const slot of this.#workers) {
      for (const item of slot.inflight.splice(0)) victims.push({ item, slot });
      if (slot.state !== 'exited' && slot.state !== 'stopping') this.#stopWorker(slot, 'shutdown', 'SIGTERM');
    }
    for (const { item, slot } of victims) {
      item.future[kOnCancel] = null;
      const error = new BrokenProcessPool(message, cause === undefined ? undefined : { cause });
      this.#settle(item, slot, 'error', undefined, error);
    }
  }

  // ───────────────────────────── stopping ─────────────────────────────

  #beginShutdown(cancelFutures: boolean): void {
    if (cancelFutures) {
      for (const item of this.#queue.drain()) item.future.cancel();
      this.#queued = 0;
    }
    if (this.#state === 'open') this.#state = 'shutdown';
    this.#stopIdleWorkersIfDone();
  }

  /** Once shut down and out of work, idle workers are told to exit. */
  #stopIdleWorkersIfDone(): void {
    if (this.#state === 'open' || this.#queued > 0) return;
    for (const slot of this.#workers) {
      if (slot.live && slot.inflight.length === 0) this.#stopWorker(slot, 'shutdown', 'exit');
    }
  }

  #forceStop(signal: 'SIGTERM' | 'SIGKILL'): void {
    this.#beginShutdown(true);
    for (const slot of this.#workers) this.#stopWorker(slot, 'killed', signal);
  }

  #whenAllExited(): Promise<void> {
    if (this.#workers.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#exitWaiters.push(resolve));
  }

  #emit(event: PoolEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error('ProcessPoolExecutor event listener failed:', error);
      }
    }
  }
}

/** A worker holds the event loop open while it is starting, has work, or is stopping. */
function syncLoopHold(slot: WorkerSlot): void {
  const want =
    slot.state === 'starting' ||
    slot.state === 'stopping' ||
    (slot.state === 'ready' && slot.inflight.length > 0);
  if (want === slot.holdsLoop) return;
  slot.holdsLoop = want;
  if (want) holdLoop();
  else releaseLoop();
}

function toWireTask(item: WorkItem): WireTask {
  return item.args !== undefined
    ? { id: item.id, fn: item.fn, args: item.args }
    : { id: item.id, fn: item.fn, items: item.items! };
}

function describeArg(value: unknown): string {
  return typeof value === 'number' || typeof value === 'string'
    ? JSON.stringify(value)
    : describeValue(value);
}

function classifyDeath(exit: WorkerExit, stderrTail: string): WorkerExitReason {
  if (exit.reason === 'oom' || /heap out of memory|Reached heap limit|allocation failed/i.test(stderrTail)) {
    return 'oom';
  }
  return 'crash';
}

function describeExit(pid: number | null, exit: WorkerExit, reason: WorkerExitReason): string {
  const who = `worker process ${pid ?? '(not started)'}`;
  const status =
    exit.signal !== null
      ? `was killed by signal ${exit.signal}`
      : exit.code !== null
        ? `exited with code ${exit.code}`
        : `ended (${exit.reason ?? 'unknown cause'})`;
  return reason === 'oom' ? `${who} ran out of memory and ${status}` : `${who} ${status}`;
}
