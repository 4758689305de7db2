/**
 * How many worker processes one host may run at once, across all its
 * clients (browser tabs, the Electron window). Each run reserves the most
 * workers it can have alive — max workers, or fewer when it has fewer tasks —
 * when it starts, and gives them back once its last worker has exited. A run
 * that would go over the cap does not start, and is told why.
 */
import { availableParallelism } from 'node:os';

/** The default cap: four workers per CPU. */
export function defaultMaxWorkersTotal(): number {
  return 4 * availableParallelism();
}

export type Reservation =
  | {
      ok: true;
      /** Give the workers back (once; later calls do nothing). */
      release(): void;
      /**
       * Hold `count` workers from now on instead (a whole program's process
       * tree grows and shrinks as it runs). Null when it fits; otherwise how
       * many other runs hold, and nothing changes.
       */
      resize(count: number): { inUseByOthers: number; total: number } | null;
    }
  | { ok: false; message: string };

export class WorkerBudget {
  readonly total: number;
  #inUse = 0;

  constructor(total = defaultMaxWorkersTotal()) {
    if (!Number.isInteger(total) || total < 1)
      throw new RangeError('the worker cap must be a whole number ≥ 1');
    this.total = total;
  }

  /** Workers reserved by the runs going on now. */
  get inUse(): number {
    return this.#inUse;
  }

  /** Reserve `count` workers now (synchronously: two runs can never both take the last ones). */
  reserve(count: number): Reservation {
    if (this.#inUse + count > this.total) {
      const free = this.total - this.#inUse;
      return {
        ok: false,
        message:
          `This run could use ${count} worker process${count === 1 ? '' : 'es'}, but this host runs at ` +
          `most ${this.total} at once across all its tabs and windows, and ${this.#inUse} ` +
          `${this.#inUse === 1 ? 'is' : 'are'} in use by other runs (${Math.max(0, free)} free). ` +
          `Lower max workers, stop a run in another tab, or start the host with a higher ` +
          `--max-workers-total.`,
      };
    }
    this.#inUse += count;
    let held = count;
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        this.#inUse -= held;
      },
      resize: (count) => {
        if (released) return null;
        const next = Math.max(0, count);
        const others = this.#inUse - held;
        if (others + next > this.total) return { inUseByOthers: others, total: this.total };
        this.#inUse = others + next;
        held = next;
        return null;
      },
    };
  }
}

/** One budget per process unless a host brings its own: a process is one host. */
let processBudget: WorkerBudget | null = null;

export function processWorkerBudget(): WorkerBudget {
  processBudget ??= new WorkerBudget();
  return processBudget;
}

/** `--max-workers-total N` (or POOL_PLAYGROUND_MAX_WORKERS_TOTAL): a cap, or an error message. */
export function parseMaxWorkersTotal(text: string | undefined): number | string | null {
  if (text === undefined || text.trim() === '') return null;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) {
    return `--max-workers-total must be a whole number from 1 to 10000, got "${text}"`;
  }
  return n;
}
