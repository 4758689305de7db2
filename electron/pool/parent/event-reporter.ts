/**
 * Turns what the executor does into PoolEvents for its listeners. Each event
 * is built only when someone listens, so an unobserved pool pays one check
 * per step and allocates nothing for them. A listener that throws is
 * reported and does not stop the pool or the other listeners.
 */
import { now } from '../common/clock';
import type { DoneRecord, InitializerRun, LogRecord } from '../common/protocol';
import type { PoolEvent, PoolEventListener, WorkerExitReason } from './events';
import type { WorkerExit } from './launcher';
import type { WorkerSlot } from './worker-slot';
import type { Outcome, WorkItem } from './work-item';

export class EventReporter {
  readonly #listeners = new Set<PoolEventListener>();

  /** Listen to every event from now on; returns the unsubscribe function. */
  subscribe(listener: PoolEventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  taskSubmitted(item: WorkItem): void {
    if (this.#listeners.size === 0) return;
    const { id: task, fn } = item;
    const at = now();
    this.#emit(
      item.args !== undefined
        ? { type: 'task-submitted', task, fn, args: item.args, at }
        : { type: 'task-submitted', task, fn, items: item.items, at },
    );
  }

  /** Cancelled before it reached a worker. */
  taskCancelled(task: number): void {
    if (this.#listeners.size === 0) return;
    this.#emit({ type: 'task-finished', task, status: 'cancelled', at: now() });
  }

  /** Sent to `slot`; it is the one the worker runs now when it is first in line. */
  taskDispatched(slot: WorkerSlot, item: WorkItem, at: number): void {
    if (this.#listeners.size === 0) return;
    const pid = slot.pid ?? -1;
    this.#emit({ type: 'task-dispatched', task: item.id, worker: slot.index, pid, at });
    if (slot.inflight[0] === item) {
      this.#emit({ type: 'task-started', task: item.id, worker: slot.index, pid, at });
    }
  }

  /** The task ahead of `item` on `slot` finished at `at` (worker time): `item` runs now. */
  taskStarted(slot: WorkerSlot, item: WorkItem, at: number): void {
    if (this.#listeners.size === 0) return;
    this.#emit({ type: 'task-started', task: item.id, worker: slot.index, pid: slot.pid ?? -1, at });
  }

  taskFinished(item: WorkItem, outcome: Outcome, slot: WorkerSlot | null, record: DoneRecord | null): void {
    if (this.#listeners.size === 0) return;
    const event: PoolEvent = {
      type: 'task-finished',
      task: item.id,
      status: outcome.ok ? 'ok' : 'error',
      at: now(),
    };
    if (slot) {
      event.worker = slot.index;
      if (slot.pid !== null) event.pid = slot.pid;
    }
    if (record) {
      event.started = record.started;
      event.finished = record.finished;
    }
    if (outcome.ok) event.value = outcome.value;
    else event.error = outcome.error;
    this.#emit(event);
  }

  /** `at`: when the process was launched. */
  workerSpawned(slot: WorkerSlot, pid: number, at: number): void {
    if (this.#listeners.size === 0) return;
    this.#emit({ type: 'worker-spawned', worker: slot.index, pid, at });
  }

  /** The worker ran the initializer from `run.started` to `run.finished` (its own clock). */
  workerInitialized(slot: WorkerSlot, run: InitializerRun, ok: boolean): void {
    if (this.#listeners.size === 0) return;
    this.#emit({
      type: 'worker-initialized',
      worker: slot.index,
      pid: slot.pid ?? -1,
      started: run.started,
      finished: run.finished,
      ok,
      at: now(),
    });
  }

  workerReady(slot: WorkerSlot, pid: number, at: number): void {
    if (this.#listeners.size === 0) return;
    this.#emit({ type: 'worker-ready', worker: slot.index, pid, at });
  }

  workerExited(slot: WorkerSlot, exit: WorkerExit, reason: WorkerExitReason): void {
    if (this.#listeners.size === 0) return;
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

  /** Console output the worker sent through its message channel. */
  console(slot: WorkerSlot, record: LogRecord): void {
    if (this.#listeners.size === 0) return;
    const { task, stream, text, at } = record;
    this.#emit({ type: 'console', worker: slot.index, pid: slot.pid, task, stream, text, raw: false, at });
  }

  /** Output that bypassed the channel (the raw pipe): stamped now, credited to the running task. */
  rawOutput(slot: WorkerSlot, stream: 'stdout' | 'stderr', text: string): void {
    if (this.#listeners.size === 0) return;
    const task = slot.inflight[0]?.id ?? null;
    this.#emit({
      type: 'console',
      worker: slot.index,
      pid: slot.pid,
      task,
      stream,
      text,
      raw: true,
      at: now(),
    });
  }

  poolBroken(message: string): void {
    if (this.#listeners.size === 0) return;
    this.#emit({ type: 'pool-broken', message, at: now() });
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
