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
 *   task-finished          → task-settled (unless cancelled) (worker → caller)
 *   task-settled           → task-delivered                  (one thread may overtake another)
 *   process-started(child) → worker-* of a process worker    (parent → child)
 *   connection closed      → process-exited(child)           (a child's last words, then its exit)
 */
import type { TracerEvent } from './tracer-events';

export const DEFAULT_HOLD_MS = 250;

interface Held {
  event: TracerEvent;
  need: string;
  deadline: number;
}

export class CausalOrder {
  readonly #release: (event: TracerEvent) => void;
  readonly #hasConnection: (pid: number) => boolean;
  readonly #holdMs: number;
  readonly #seen = new Set<string>();
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
    const need = this.#need(event);
    if (need === null || this.#seen.has(need)) {
      this.#emit(event);
      return;
    }
    const list = this.#held.get(need) ?? [];
    list.push({ event, need, deadline: performance.now() + this.#holdMs });
    this.#held.set(need, list);
    this.#heldCount++;
    this.#timer ??= setTimeout(() => this.#expire(), this.#holdMs);
  }

  /** A process's connection closed: whatever it sent has been read. */
  closed(pid: number): void {
    this.#provide(`closed:${pid}`);
  }

  /** Release everything still held, oldest first (the run is over). */
  flush(): void {
    const all = [...this.#held.values()].flat().sort((a, b) => a.deadline - b.deadline);
    this.#held.clear();
    this.#heldCount = 0;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    for (const held of all) this.#emit(held.event);
  }

  #need(event: TracerEvent): string | null {
    switch (event.type) {
      case 'task-started':
      case 'task-finished':
        return `submitted:${event.task}`;
      case 'task-settled':
        return event.status === 'cancelled' ? null : `finished:${event.task}`;
      case 'task-delivered':
        return `settled:${event.task}`;
      case 'worker-started':
      case 'worker-ready':
      case 'worker-init-failed':
        return event.kind === 'process' ? `process-started:${event.pid}` : null;
      case 'process-exited':
        return this.#hasConnection(event.child) ? `closed:${event.child}` : null;
      default:
        return null;
    }
  }

  #emit(event: TracerEvent): void {
    this.#release(event);
    switch (event.type) {
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
    this.#heldCount -= waiting.length;
    for (const held of waiting) this.#emit(held.event);
  }

  #expire(): void {
    this.#timer = null;
    const now = performance.now();
    const due: Held[] = [];
    let next = Infinity;
    for (const [key, list] of this.#held) {
      const keep = list.filter((held) => held.deadline > now);
      due.push(...list.filter((held) => held.deadline <= now));
      for (const held of keep) next = Math.min(next, held.deadline);
      if (keep.length) this.#held.set(key, keep);
      else this.#held.delete(key);
    }
    this.#heldCount -= due.length;
    due.sort((a, b) => a.deadline - b.deadline);
    for (const held of due) this.#emit(held.event);
    if (this.#heldCount > 0 && next < Infinity)
      this.#timer = setTimeout(() => this.#expire(), Math.max(1, next - performance.now()));
  }
}
