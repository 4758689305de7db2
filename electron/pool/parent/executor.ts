/**
 * ProcessPoolExecutor: a TypeScript port of Python's
 * concurrent.futures.ProcessPoolExecutor, on real OS processes; how a task
 * travels and the rules kept (R1…R15) are in ../README.md. This file is the
 * parent's scheduler: it queues work items (FIFO: pending-queue.ts), hands
 * them to workers (#pump; which worker: worker-set.ts), spawns on demand
 * (#adjustWorkers), takes results and exits (#onMessage, #onExit — an
 * unexpected exit breaks the pool: #break) and stops. Options: options.ts;
 * one worker's state and exit: worker-slot.ts; events: event-reporter.ts.
 */
import { now } from '../common/clock';
import { BrokenProcessPool, RemoteTraceback } from '../common/errors';
import type { DoneRecord, InitFailedMessage, WorkerMessage } from '../common/protocol';
import { fromWireError } from '../common/wire-error';
import { EventReporter } from './event-reporter';
import type { PoolEventListener } from './events';
import { Future } from './future';
import type { WorkerExit } from './launcher';
import { MapIterator, type MapOptions } from './map-iterator';
import { checkOptions, type PoolSettings, type ProcessPoolExecutorOptions } from './options';
import { PendingQueue } from './pending-queue';
import { prepareTaskModule, type ResolvedTaskModule } from './task-module';
import { anonymousFunctionMessage, taskName, type TaskRef } from './task-ref';
import { unclonableTaskError } from './unclonable';
import { trackWorker, untrackWorker } from './worker-registry';
import { WorkerSet } from './worker-set';
import type { WorkerSlot } from './worker-slot';
import { toWireTask, type Outcome, type WorkItem } from './work-item';

export type { ProcessPoolExecutorOptions } from './options';

type PoolState = 'open' | 'shutdown' | 'broken';

export class ProcessPoolExecutor {
  readonly #settings: PoolSettings;
  readonly #events = new EventReporter();
  #module: ResolvedTaskModule | null = null;

  readonly #queue = new PendingQueue((task) => this.#onCancelled(task));
  readonly #workers: WorkerSet;
  #state: PoolState = 'open';
  #brokenMessage = '';
  #exitWaiters: (() => void)[] = [];
  #pumpScheduled = false;
  /** Moving average of task run time in ms (null until the first result). */
  #avgRunMs: number | null = null;

  constructor(options: ProcessPoolExecutorOptions) {
    this.#settings = checkOptions(options);
    this.#workers = new WorkerSet(this.#settings.maxTasksPerChild);
    if (options.onEvent) this.#events.subscribe(options.onEvent);
  }

  /** The most worker processes this pool runs at once. */
  get maxWorkers(): number {
    return this.#settings.maxWorkers;
  }

  /** PIDs of the worker processes alive now (spawned, not yet exited). */
  get pids(): number[] {
    return this.#workers.pids;
  }

  /** Listen to lifecycle events; returns the unsubscribe function. */
  subscribe(listener: PoolEventListener): () => void {
    return this.#events.subscribe(listener);
  }

  /** Schedule `fn(...args)` on a worker; returns its Future at once. */
  submit<R = unknown>(fn: TaskRef, ...args: unknown[]): Future<R> {
    this.#checkOpen();
    return this.#submitTask(taskName(fn), { args }) as Future<R>;
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
      this.#submitTask(name, single ? { args: chunk } : { items: chunk }),
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

  /** One task: a single call (`args`) or a map chunk (`items`: one argument per item). */
  #submitTask(fn: string, call: { args: unknown[] } | { items: unknown[] }): Future<unknown> {
    const future = new Future<unknown>();
    const item: WorkItem = { id: future.id, fn, ...call, future };
    this.#events.taskSubmitted(item);
    if (fn === '') {
      future.setRunningOrNotifyCancel();
      this.#settle(item, { ok: false, error: new TypeError(anonymousFunctionMessage()) });
      return future;
    }
    this.#queue.push(item);
    this.#pump();
    return future;
  }

  /** A queued future was cancelled. */
  #onCancelled(task: number): void {
    this.#events.taskCancelled(task);
    this.#stopIdleWorkersIfDone();
  }

  // ───────────────────────────── dispatching ─────────────────────────────

  /** Hand queued work to workers that can take it, then spawn for what is left. */
  #pump(): void {
    if (this.#state === 'broken') return;
    // Dispatching changes no worker's readiness: decide prefetching once per pump.
    const depth = this.#workers.depth(this.#avgRunMs, this.#settings.maxWorkers);
    while (this.#queue.size > 0) {
      const slot = this.#workers.pick(depth);
      if (!slot) break;
      const limit = this.#workers.capacity(slot, depth);
      const batch: WorkItem[] = [];
      while (batch.length < limit) {
        const item = this.#queue.take();
        if (!item) break;
        batch.push(item);
      }
      if (batch.length > 0) this.#dispatch(slot, batch);
    }
    this.#adjustWorkers();
    this.#stopIdleWorkersIfDone();
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
      this.#events.taskDispatched(slot, item, at);
    }
    slot.syncLoopHold();
  }

  /** Fail the items whose arguments cannot be cloned; return the others. */
  #failUnclonable(batch: WorkItem[]): WorkItem[] {
    return batch.filter((item) => {
      const error = unclonableTaskError(item);
      if (error) this.#settle(item, { ok: false, error });
      return error === null;
    });
  }

  /** Spawn workers for queued work no existing worker will take, up to maxWorkers. */
  #adjustWorkers(): void {
    if (this.#state === 'broken' || this.#queue.size === 0) return;
    let { starting, live } = this.#workers.census();
    while (this.#queue.size > starting && live < this.#settings.maxWorkers) {
      if (!this.#spawn()) return;
      starting++;
      live++;
    }
  }

  // ───────────────────────────── workers ─────────────────────────────

  #spawn(): boolean {
    if (!this.#module) {
      try {
        this.#module = prepareTaskModule(this.#settings.taskModulePath);
      } catch (error) {
        this.#break(`the task module could not be prepared: ${String(error)}`, error);
        return false;
      }
    }
    const slot = this.#workers.add();
    // The moment of launching, not of the 'spawn' callback: on a busy machine that callback can
    // come after the new process already reported itself ready (start-up would look negative).
    const launchedAt = now();
    slot.handle = this.#settings.launcher.launch(
      { execArgv: this.#settings.execArgv, name: `pool worker ${slot.index}` },
      {
        spawn: (pid) => this.#onSpawn(slot, pid, launchedAt),
        message: (message) => this.#onMessage(slot, message),
        output: (stream, text) => this.#onRawOutput(slot, stream, text),
        exit: (exit) => this.#onExit(slot, exit),
      },
    );
    trackWorker(slot.handle);
    slot.syncLoopHold();
    slot.handle.send({
      t: 'init',
      module: this.#module.url,
      initializer: this.#settings.initializer,
      initargs: this.#settings.initargs,
    });
    return true;
  }

  #onSpawn(slot: WorkerSlot, pid: number, launchedAt: number): void {
    slot.pid = pid;
    this.#events.workerSpawned(slot, pid, launchedAt);
  }

  #onMessage(slot: WorkerSlot, message: WorkerMessage): void {
    switch (message.t) {
      case 'ready':
        if (slot.state !== 'starting') return;
        slot.state = 'ready';
        slot.pid ??= message.pid;
        this.#workers.markIdle(slot);
        if (message.init) this.#events.workerInitialized(slot, message.init, true);
        this.#events.workerReady(slot, message.pid, message.at);
        slot.syncLoopHold();
        this.#pump();
        return;
      case 'init-failed':
        this.#onInitFailed(slot, message);
        return;
      case 'out': {
        let finishedAny = false;
        for (const record of message.records) {
          if (record.k === 'log') {
            this.#events.console(slot, record);
          } else {
            this.#complete(slot, record);
            finishedAny = true;
          }
        }
        // Nothing queued and still open: no worker to feed and none to stop.
        if (finishedAny && (this.#queue.size > 0 || this.#state !== 'open')) this.#pumpSoon();
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
    if (next && index === 0) this.#events.taskStarted(slot, next, record.finished);
    if (slot.inflight.length === 0) {
      this.#workers.markIdle(slot);
      if (slot.state === 'ready' && this.#workers.quota(slot) === 0) slot.stop('recycled', 'exit');
      else slot.syncLoopHold();
    }
    // The worker is idle (or retiring) before anyone sees the result, so a caller that
    // submits again from a done callback or right after `await result()` reuses it.
    const outcome: Outcome =
      record.k === 'ok'
        ? { ok: true, value: record.value }
        : { ok: false, error: fromWireError(record.error, `${item.fn}()`) };
    this.#settle(item, outcome, slot, record);
  }

  /** Finish an item's future and report it (`slot` and `record` when a worker ran it). */
  #settle(
    item: WorkItem,
    outcome: Outcome,
    slot: WorkerSlot | null = null,
    record: DoneRecord | null = null,
  ): void {
    this.#events.taskFinished(item, outcome, slot, record);
    if (item.future.done()) return;
    if (outcome.ok) item.future.setResult(outcome.value);
    else item.future.setException(outcome.error);
  }

  #onInitFailed(slot: WorkerSlot, message: InitFailedMessage): void {
    const { error, phase } = message;
    const what =
      phase === 'import'
        ? `could not import the task module (${this.#module?.label ?? 'task module'})`
        : `its initializer ${this.#settings.initializer}() failed`;
    if (message.init) this.#events.workerInitialized(slot, message.init, false);
    slot.stopReason = 'init-failed';
    slot.stop('init-failed', 'SIGTERM');
    this.#break(
      `A process in the process pool failed to start: worker ${slot.pid ?? '?'} ${what}: ` +
        `${error.name}: ${error.message}. The pool is not usable anymore.`,
      new RemoteTraceback(error.stack),
    );
  }

  #onRawOutput(slot: WorkerSlot, stream: 'stdout' | 'stderr', text: string): void {
    if (stream === 'stderr') slot.noteStderr(text);
    this.#events.rawOutput(slot, stream, text);
  }

  #onExit(slot: WorkerSlot, exit: WorkerExit): void {
    if (slot.state === 'exited') return;
    const { reason, expected, description } = slot.exited(exit);
    this.#workers.remove(slot);
    untrackWorker(slot.handle);
    this.#events.workerExited(slot, exit, reason);
    if (!expected && this.#state !== 'broken') {
      // Its running futures are failed by #break along with everything else.
      this.#break(
        `A process in the process pool was terminated abruptly while the future was running or ` +
          `pending: ${description}. The pool is not usable anymore.`,
      );
    }
    const stopped = slot.stopReason === 'killed' ? ' by terminateWorkers()/killWorkers()' : '';
    for (const item of slot.inflight.splice(0)) {
      const error = new BrokenProcessPool(
        `${description}${stopped} while the future was running; its result is lost.`,
      );
      this.#settle(item, { ok: false, error }, slot);
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
    this.#events.poolBroken(message);
    const victims: { item: WorkItem; slot: WorkerSlot | null }[] = [];
    for (const item of this.#queue.takeAll()) victims.push({ item, slot: null });
    for (const slot of this.#workers) {
      for (const item of slot.inflight.splice(0)) victims.push({ item, slot });
      if (slot.state !== 'exited' && slot.state !== 'stopping') slot.stop('shutdown', 'SIGTERM');
    }
    for (const { item, slot } of victims) {
      const error = new BrokenProcessPool(message, cause === undefined ? undefined : { cause });
      this.#settle(item, { ok: false, error }, slot);
    }
  }

  // ───────────────────────────── stopping ─────────────────────────────

  #beginShutdown(cancelFutures: boolean): void {
    if (cancelFutures) this.#queue.cancelAll();
    if (this.#state === 'open') this.#state = 'shutdown';
    this.#stopIdleWorkersIfDone();
  }

  /**
   * Once shut down and out of work, idle workers are told to exit. A worker
   * still starting is left to finish its initializer first (it is told when it
   * reports ready), as a CPython worker runs its initializer before it reads
   * the sentinel that ends it.
   */
  #stopIdleWorkersIfDone(): void {
    if (this.#state === 'open' || this.#queue.size > 0) return;
    for (const slot of this.#workers) {
      if (slot.state === 'ready' && slot.inflight.length === 0) slot.stop('shutdown', 'exit');
    }
  }

  #forceStop(signal: 'SIGTERM' | 'SIGKILL'): void {
    this.#beginShutdown(true);
    for (const slot of this.#workers) slot.stop('killed', signal);
  }

  #whenAllExited(): Promise<void> {
    if (this.#workers.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#exitWaiters.push(resolve));
  }
}
