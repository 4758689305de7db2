/**
 * Puts the processes' streams together in causal order. Each process's events
 * come in the order it wrote them, but the processes are read one after
 * another: a worker's `task-finished` can be read after the caller's
 * `task-settled` it caused. An event whose cause has not been read yet waits
 * for it, or for `holdMs` at most (a cause that never comes: a worker killed
 * mid-task writes no `task-finished`) — and so do the events its process wrote
 * after it: each process's own order is kept.
 *
 * The rules (cause → effect):
 *   task-submitted         → task-started, task-finished     (caller → worker)
 *   task-finished          → task-settled (worker → caller); a task whose worker died
 *                            has no task-finished: its settling waits for that
 *                            worker's end instead
 *   task-settled           → task-delivered
 *   process-started(child) → worker-* of a process worker    (parent → child)
 *   end of a process       → process-exited(child)           (a child's last words, then its exit)
 */
import type { TracerEvent } from './tracer-events';

export const DEFAULT_HOLD_MS = 250;

// What has been seen of each task, as bits: most events need nothing more than a lookup.
const SUBMITTED = 1;
const FINISHED = 2;
const SETTLED = 4;

interface Held {
  event: TracerEvent;
  deadline: number;
}

export class CausalOrder {
  readonly #release: (event: TracerEvent) => void;
  readonly #hasConnection: (pid: number) => boolean;
  readonly #holdMs: number;
  readonly #tasks = new Map<string, number>();
  readonly #processStarted = new Set<number>();
  readonly #ended = new Set<number>();
  /** The worker PID each started task runs in. */
  readonly #startedIn = new Map<string, number>();
  /** Each process's events not released yet, oldest first. */
  readonly #queues = new Map<number, Held[]>();
  /** Which processes' oldest event waits for a key. */
  readonly #waiting = new Map<string, Set<number>>();
  #timer: ReturnType<typeof setTimeout> | null = null;
  #timerAt = Infinity;

  constructor(
    release: (event: TracerEvent) => void,
    hasConnection: (pid: number) => boolean,
    holdMs = DEFAULT_HOLD_MS,
  ) {
    this.#release = release;
    this.#hasConnection = hasConnection;
    this.#holdMs = holdMs;
  }

  push(event: TracerEvent): void {
    let queue = this.#queues.get(event.pid);
    if (!queue) this.#queues.set(event.pid, (queue = []));
    if (queue.length === 0 && this.#missing(event) === null) {
      this.#emit(event); // the usual case: nothing to wait for
      return;
    }
    queue.push({ event, deadline: performance.now() + this.#holdMs });
    if (queue.length === 1) this.#pump(event.pid);
  }

  /** A process has ended: everything it wrote has been read. */
  closed(pid: number): void {
    this.#ended.add(pid);
    this.#provide(`closed:${pid}`);
  }

  /** Release everything still held, oldest first (the run is over). */
  flush(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#waiting.clear();
    for (;;) {
      let oldest: Held[] | null = null;
      for (const queue of this.#queues.values())
        if (queue.length && (!oldest || queue[0]!.deadline < oldest[0]!.deadline)) oldest = queue;
      if (!oldest) return;
      this.#emit(oldest.shift()!.event);
    }
  }

  /** Release a process's events from the oldest on, up to one that must still wait. */
  #pump(pid: number): void {
    const queue = this.#queues.get(pid);
    while (queue && queue.length) {
      const head = queue[0]!;
      const needs = this.#missing(head.event);
      if (needs !== null && head.deadline > performance.now()) {
        for (const key of needs) {
          let pids = this.#waiting.get(key);
          if (!pids) this.#waiting.set(key, (pids = new Set()));
          pids.add(pid);
        }
        this.#wakeAt(head.deadline);
        return;
      }
      if (needs !== null) this.#stopWaiting(pid, needs); // waited long enough
      queue.shift();
      this.#emit(head.event);
    }
  }

  #stopWaiting(pid: number, keys: string[]): void {
    for (const key of keys) {
      const pids = this.#waiting.get(key);
      pids?.delete(pid);
      if (pids?.size === 0) this.#waiting.delete(key);
    }
  }

  #seenOf(task: string, bit: number): boolean {
    return ((this.#tasks.get(task) ?? 0) & bit) !== 0;
  }

  /** null when the event's cause has been seen (or it has none); else what it waits for, any one of. */
  #missing(event: TracerEvent): string[] | null {
    switch (event.type) {
      case 'task-started':
      case 'task-finished':
        return this.#seenOf(event.task, SUBMITTED) ? null : [`submitted:${event.task}`];
      case 'task-settled': {
        if (event.status === 'cancelled' || this.#seenOf(event.task, FINISHED)) return null;
        const worker = this.#startedIn.get(event.task);
        // A task that never started (a broken pool's queue) waits out holdMs: its
        // task-started may still be unread, from a worker that just died.
        if (worker === undefined) return [`finished:${event.task}`];
        return this.#ended.has(worker) ? null : [`finished:${event.task}`, `closed:${worker}`];
      }
      case 'task-delivered':
        return this.#seenOf(event.task, SETTLED) ? null : [`settled:${event.task}`];
      case 'worker-started':
      case 'worker-ready':
      case 'worker-init-failed':
        return event.kind === 'thread' || this.#processStarted.has(event.pid)
          ? null
          : [`process-started:${event.pid}`];
      case 'process-exited':
        return !this.#hasConnection(event.child) || this.#ended.has(event.child)
          ? null
          : [`closed:${event.child}`];
      default:
        return null;
    }
  }

  #emit(event: TracerEvent): void {
    this.#release(event);
    switch (event.type) {
      case 'task-started':
        this.#startedIn.set(event.task, event.pid);
        return;
      case 'task-submitted':
        return this.#note(event.task, SUBMITTED, 'submitted');
      case 'task-finished':
        return this.#note(event.task, FINISHED, 'finished');
      case 'task-settled':
        return this.#note(event.task, SETTLED, 'settled');
      case 'process-started':
        this.#processStarted.add(event.child);
        if (this.#waiting.size) this.#provide(`process-started:${event.child}`);
        return;
    }
  }

  #note(task: string, bit: number, name: string): void {
    this.#tasks.set(task, (this.#tasks.get(task) ?? 0) | bit);
    if (this.#waiting.size) this.#provide(`${name}:${task}`);
  }

  #provide(key: string): void {
    const pids = this.#waiting.get(key);
    if (!pids) return;
    this.#waiting.delete(key);
    for (const pid of pids) this.#pump(pid);
  }

  #wakeAt(deadline: number): void {
    if (this.#timer && this.#timerAt <= deadline) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timerAt = deadline;
    this.#timer = setTimeout(() => this.#expire(), Math.max(1, deadline - performance.now()));
  }

  #expire(): void {
    this.#timer = null;
    this.#timerAt = Infinity;
    for (const pid of [...this.#queues.keys()]) this.#pump(pid);
  }
}
