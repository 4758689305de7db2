/**
 * asCompleted(): yield each distinct future once as it completes, already-done
 * ones first, as concurrent.futures.as_completed. The deadline (`timeoutMs`)
 * is measured from the call, and running out of it throws TimeoutError naming
 * how many futures are unfinished. Cancelled futures count as completed.
 *
 * A hand-written iterator rather than an async generator: a completion
 * resolves the caller's waiting next() directly, one promise hop instead of
 * the generator's three, which is most of what stands between a result
 * arriving and the caller seeing it.
 */
import { Deque } from '../common/deque';
import { TimeoutError } from '../common/errors';
import type { AnyFuture } from './future';
import { checkTimeout, kWaiters, MAX_TIMER_MS } from './future';

export interface AsCompletedOptions {
  timeoutMs?: number | null;
}

export function asCompleted<F extends AnyFuture>(
  futures: Iterable<F>,
  options: AsCompletedOptions = {},
): AsyncIterableIterator<F> {
  const { timeoutMs = null } = options;
  if (timeoutMs !== null) checkTimeout(timeoutMs);
  const deadline = timeoutMs === null || timeoutMs > MAX_TIMER_MS ? null : performance.now() + timeoutMs;
  return new AsCompletedIterator(new Set(futures), deadline);
}

interface Waiting<F> {
  resolve(result: IteratorResult<F>): void;
  reject(error: unknown): void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

const DONE: IteratorResult<never> = Object.freeze({ done: true, value: undefined });

class AsCompletedIterator<F extends AnyFuture> implements AsyncIterableIterator<F> {
  readonly #ready = new Deque<F>();
  readonly #pending = new Set<F>();
  readonly #total: number;
  readonly #deadline: number | null;
  /** next() calls waiting for a completion, oldest first. */
  readonly #waiting: Waiting<F>[] = [];
  #finished = false;

  constructor(all: Set<F>, deadline: number | null) {
    this.#total = all.size;
    this.#deadline = deadline;
    for (const f of all) {
      if (f.done()) this.#ready.push(f);
      else this.#pending.add(f);
    }
    for (const f of this.#pending) (f[kWaiters] ??= new Set()).add(this.#onDone);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<F>> {
    if (this.#finished) return Promise.resolve(DONE);
    if (this.#ready.length > 0) return Promise.resolve({ done: false, value: this.#ready.shift()! });
    if (this.#pending.size === 0) {
      this.#finish();
      return Promise.resolve(DONE);
    }
    return new Promise<IteratorResult<F>>((resolve, reject) => {
      const waiting: Waiting<F> = { resolve, reject, timer: undefined };
      if (this.#deadline !== null) {
        waiting.timer = setTimeout(
          () => this.#timedOut(waiting),
          Math.max(0, this.#deadline - performance.now()),
        );
      }
      this.#waiting.push(waiting);
    });
  }

  return(value?: unknown): Promise<IteratorResult<F>> {
    this.#finish();
    return Promise.resolve({ done: true, value: value as F });
  }

  throw(error?: unknown): Promise<IteratorResult<F>> {
    this.#finish();
    return Promise.reject(error);
  }

  /** One function for every future it watches (a future's waiters are a Set). */
  readonly #onDone = (f: F): void => {
    if (!this.#pending.delete(f)) return;
    const waiting = this.#waiting.shift();
    if (waiting) {
      clearTimeout(waiting.timer);
      waiting.resolve({ done: false, value: f });
    } else {
      this.#ready.push(f);
    }
    // More next() calls waiting than there were futures: they see the end.
    if (this.#pending.size === 0 && this.#waiting.length > 0) this.#finish();
  };

  #timedOut(waiting: Waiting<F>): void {
    const index = this.#waiting.indexOf(waiting);
    if (index < 0) return;
    this.#waiting.splice(index, 1);
    waiting.reject(new TimeoutError(`${this.#pending.size} (of ${this.#total}) futures unfinished`));
    this.#finish();
  }

  /** Stop watching the futures; every waiting next() sees the end. */
  #finish(): void {
    if (this.#finished) return;
    this.#finished = true;
    for (const f of this.#pending) f[kWaiters]?.delete(this.#onDone);
    this.#pending.clear();
    this.#ready.drain();
    for (const waiting of this.#waiting.splice(0)) {
      clearTimeout(waiting.timer);
      waiting.resolve(DONE);
    }
  }
}
