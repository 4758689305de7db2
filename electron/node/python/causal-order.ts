/**
 * Puts the processes' streams back in causal order. Each process's events
 * arrive in order on its own connection, but two connections are read in
 * whatever order the event loop finds them: a worker's `task-finished` can be
 * read after the caller's `task-settled` it caused. An event whose cause has
 * not arrived yet is held until it does, or for `holdMs` at most (a cause
 * that never comes: a worker killed mid-task sends no `task-finished`).
 *
 * The rules (cause → effect):
 *   task-submitted         → task-started, task-finished     (caller → worker)
 *   task-finished          → task-settled (worker → caller); a task whose worker died
 *                            has no task-finished: its settling waits for that
 *                            worker's connection to close instead
 *   task-settled           → task-delivered                  (one thread may overtake another)
 *   process-started(child) → worker-* of a process worker    (parent → child)
 *   connection closed      → process-exited(child)           (a child's last words, then its exit)
 */
import type { TracerEvent } from './tracer-events';

export const DEFAULT_HOLD_MS = 250;

interface Held {
  event: TracerEvent;
  /** Any one of these releases it. */
  needs: string[];
  deadline: number;
  released: boolean;
}

export class CausalOrder {
  readonly #release: (event: TracerEvent) => void;
  readonly #hasConnection: (pid: number) => boolean;
  readonly #holdMs: number;
  readonly #seen = new Set<string>();
  /** The worker PID each started task runs in. */
  readonly #startedIn = new Map<string, number>();
  readonly #held = new Map<string, Held[]>();
  #heldCount = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;

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
    const needs = this.#needs(event);
    if (needs.length === 0 || needs.some((key) => this.#seen.has(key))) {
      this.#emit(event);
      return;
    }
    const held: Held = { event, needs, deadline: performance.now() + this.#holdMs, released: false };
    for (const key of needs) {
      const list = this.#held.get(key) ?? [];
      list.push(held);
      this.#held.set(key, list);
    }
    this.#heldCount++;
    this.#timer ??= setTimeout(() => this.#expire(), this.#holdMs);
  }

  /** A process's connection closed: whatever it sent has been read. */
  closed(pid: number): void {
    this.#provide(`closed:${pid}`);
  }

  /** Release everything still held, oldest first (the run is over). */
  flush(): void {
    const all = new Set([...this.#held.values()].flat());
    this.#held.clear();
    this.#heldCount = 0;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    for (const held of [...all].sort((a, b) => a.deadline - b.deadline)) this.#releaseHeld(held);
  }

  #needs(event: TracerEvent): string[] {
    switch (event.type) {
      case 'task-started':
      case 'task-finished':
        return [`submitted:${event.task}`];
      case 'task-settled': {
        if (event.status === 'cancelled') return [];
        const worker = this.#startedIn.get(event.task);
        // A task that never started (a broken pool's queue) waits out holdMs: its
        // task-started may still be in flight from a worker that just died.
        if (worker === undefined) return [`finished:${event.task}`];
        return [`finished:${event.task}`, `closed:${worker}`];
      }
      case 'task-delivered':
        return [`settled:${event.task}`];
      case 'worker-started':
      case 'worker-ready':
      case 'worker-init-failed':
        return event.kind === 'process' ? [`process-started:${event.pid}`] : [];
      case 'process-exited':
        return this.#hasConnection(event.child) ? [`closed:${event.child}`] : [];
      default:
        return [];
    }
  }

  #releaseHeld(held: Held): void {
    if (held.released) return;
    held.released = true;
    this.#emit(held.event);
  }

  #emit(event: TracerEvent): void {
    this.#release(event);
    switch (event.type) {
      case 'task-started':
        this.#startedIn.set(event.task, event.pid);
        return;
      case 'task-submitted':
        return this.#provide(`submitted:${event.task}`);
      case 'task-finished':
        return this.#provide(`finished:${event.task}`);
      case 'task-settled':
        return this.#provide(`settled:${event.task}`);
      case 'process-started':
        return this.#provide(`process-started:${event.child}`);
    }
  }

  #provide(key: string): void {
    this.#seen.add(key);
    const waiting = this.#held.get(key);
    if (!waiting) return;
    this.#held.delete(key);
    for (const held of waiting) {
      if (held.released) continue;
      this.#heldCount--;
      this.#releaseHeld(held);
    }
  }

  #expire(): void {
    this.#timer = null;
    const now = performance.now();
    const due = new Set<Held>();
    let next = Infinity;
    for (const [key, list] of this.#held) {
      const keep = list.filter((held) => !held.released && held.deadline > now);
      for (const held of list) if (!held.released && held.deadline <= now) due.add(held);
      for (const held of keep) next = Math.min(next, held.deadline);
      if (keep.length) this.#held.set(key, keep);
      else this.#held.delete(key);
    }
    this.#heldCount -= due.size;
    for (const held of [...due].sort((a, b) => a.deadline - b.deadline)) this.#releaseHeld(held);
    if (this.#heldCount > 0 && next < Infinity)
      this.#timer = setTimeout(() => this.#expire(), Math.max(1, next - performance.now()));
  }
}
