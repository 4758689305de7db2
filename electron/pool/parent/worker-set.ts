/**
 * The executor's workers and which one gets work next: the idle one that
 * finished last (so one-at-a-time submits keep to one warm process, as R2
 * spawn-on-demand says of sequential submit().result() calls); when tasks
 * are short and the pool is full, the least loaded one, up to a few tasks
 * ahead (prefetching, so the pipe never runs dry) — and never beyond a
 * worker's maxTasksPerChild quota (R4 max-tasks-per-child).
 */
import { WorkerSlot } from './worker-slot';

/** Tasks shorter than this (moving average) are prefetched a few at a time per worker. */
const SHORT_TASK_MS = 1;
const PREFETCH_DEPTH = 8;

export class WorkerSet implements Iterable<WorkerSlot> {
  readonly #slots = new Set<WorkerSlot>();
  #nextIndex = 0;
  /** Orders the moments workers go idle (see WorkerSlot.idleSince). */
  #idleTicks = 0;
  readonly #maxTasksPerChild: number | null;

  constructor(maxTasksPerChild: number | null) {
    this.#maxTasksPerChild = maxTasksPerChild;
  }

  [Symbol.iterator](): Iterator<WorkerSlot> {
    return this.#slots[Symbol.iterator]();
  }

  get size(): number {
    return this.#slots.size;
  }

  /** PIDs of the workers alive now (spawned, not yet exited). */
  get pids(): number[] {
    const pids: number[] = [];
    for (const slot of this.#slots) if (slot.pid !== null) pids.push(slot.pid);
    return pids;
  }

  /** A slot for a worker about to start. */
  add(): WorkerSlot {
    const slot = new WorkerSlot(this.#nextIndex++);
    this.#slots.add(slot);
    return slot;
  }

  remove(slot: WorkerSlot): void {
    this.#slots.delete(slot);
  }

  /** `slot` has just gone idle (ready, or its last task finished). */
  markIdle(slot: WorkerSlot): void {
    slot.idleSince = ++this.#idleTicks;
  }

  /** How many tasks `slot` may still take before it retires. */
  quota(slot: WorkerSlot): number {
    return this.#maxTasksPerChild === null ? Infinity : this.#maxTasksPerChild - slot.assigned;
  }

  /** How many more tasks `slot` may take now, with up to `depth` in flight. */
  capacity(slot: WorkerSlot, depth: number): number {
    return Math.max(0, Math.min(this.quota(slot), depth - slot.inflight.length));
  }

  /**
   * How many tasks a worker may have in flight: several only when tasks are
   * known to be short and no more workers can start. Workers still starting do
   * not count: they are idle in a moment, and work already sent down another
   * worker's pipe cannot move to them (a long task would hold up the ones
   * prefetched behind it while they sit idle — CPython's test_first_exception).
   */
  depth(avgRunMs: number | null, maxWorkers: number): number {
    const short = avgRunMs !== null && avgRunMs < SHORT_TASK_MS;
    return short && this.#count('ready') >= maxWorkers ? PREFETCH_DEPTH : 1;
  }

  /**
   * The idle worker that finished last — its process is still running or just
   * asleep, warm in the CPU's caches, instead of a colder one woken each time;
   * else (depth > 1) the least loaded one with room.
   */
  pick(depth: number): WorkerSlot | null {
    let best: WorkerSlot | null = null;
    for (const slot of this.#slots) {
      if (slot.state !== 'ready' || slot.inflight.length > 0 || this.quota(slot) === 0) continue;
      if (!best || slot.idleSince > best.idleSince) best = slot;
    }
    if (best || depth === 1) return best;
    for (const slot of this.#slots) {
      if (slot.state !== 'ready' || this.capacity(slot, depth) === 0) continue;
      if (!best || slot.inflight.length < best.inflight.length) best = slot;
    }
    return best;
  }

  /** Workers starting now, and workers starting or ready (not stopping or gone). */
  census(): { starting: number; live: number } {
    let starting = 0;
    let live = 0;
    for (const slot of this.#slots) {
      if (slot.state === 'starting') starting++;
      if (slot.live) live++;
    }
    return { starting, live };
  }

  #count(state: WorkerSlot['state']): number {
    let n = 0;
    for (const slot of this.#slots) if (slot.state === state) n++;
    return n;
  }
}
