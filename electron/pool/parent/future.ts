/**
 * Future: the handle `submit()` returns, a port of concurrent.futures.Future.
 *
 *   PENDING ──setRunningOrNotifyCancel()──▶ RUNNING ──setResult/setException──▶ FINISHED
 *      └──────────cancel()──────────▶ CANCELLED
 *
 * Unlike CPython, a cancelled future counts as done at once for result(),
 * wait() and asCompleted() (CPython only notices after the executor does).
 * Nothing here rejects a promise nobody asked for: `result()` and
 * `exception()` build their promises on demand, so an ignored failed
 * future never becomes an unhandled rejection.
 */
import { CancelledError, InvalidStateError, TimeoutError } from '../common/errors';
import { isRebuiltError } from '../common/wire-error';

export type FutureState = 'PENDING' | 'RUNNING' | 'CANCELLED' | 'FINISHED';

export interface TimeoutOptions {
  /** Give up after this many milliseconds (the work itself keeps going). */
  timeoutMs?: number | null;
}

/** Internal hooks for the executor, asCompleted() and wait(); not part of the public API. */
export const kWaiters = Symbol('waiters');
export const kOnCancel = Symbol('onCancel');

/** Any future, whatever its result type (Future<R> is not covariant in R). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFuture = Future<any>;

let nextFutureId = 1;

export class Future<R = unknown> {
  /** A process-unique number, handy in logs and for the visualizer. */
  readonly id = nextFutureId++;
  #state: FutureState = 'PENDING';
  #value: R | undefined;
  #error: unknown;
  #failed = false;
  // Stored as (never) => void so that Future<number> stays assignable to Future<unknown>.
  /** Created on the first addDoneCallback(): most futures never get one. */
  #callbacks: ((future: never) => void)[] | null = null;
  #settled: Promise<void> | null = null;
  #resolveSettled: (() => void) | null = null;
  /** Notified (after done callbacks) when the future becomes done. */
  [kWaiters]: Set<(future: never) => void> | null = null;
  /** Set by the executor that owns this future. */
  [kOnCancel]: ((future: never) => void) | null = null;

  get state(): FutureState {
    return this.#state;
  }

  /** Cancel if still pending; true if the future is (now) cancelled. */
  cancel(): boolean {
    if (this.#state === 'CANCELLED') return true;
    if (this.#state !== 'PENDING') return false;
    this.#state = 'CANCELLED';
    (this[kOnCancel] as ((future: Future<R>) => void) | null)?.(this);
    this.#settle();
    return true;
  }

  cancelled(): boolean {
    return this.#state === 'CANCELLED';
  }

  running(): boolean {
    return this.#state === 'RUNNING';
  }

  done(): boolean {
    return this.#state === 'CANCELLED' || this.#state === 'FINISHED';
  }

  /** The task's value; rejects with its error, CancelledError or TimeoutError. */
  async result(options: TimeoutOptions = {}): Promise<R> {
    if (!this.done()) await this.#waitDone(options.timeoutMs, Future.prototype.result);
    if (this.#state === 'CANCELLED') throw new CancelledError();
    if (this.#failed) throw this.#asCallersError(Future.prototype.result);
    return this.#value as R;
  }

  /** Like result(), but resolves with the task's error (or null) instead of rejecting. */
  async exception(options: TimeoutOptions = {}): Promise<unknown> {
    if (!this.done()) await this.#waitDone(options.timeoutMs, Future.prototype.exception);
    if (this.#state === 'CANCELLED') throw new CancelledError();
    return this.#failed ? this.#error : null;
  }

  /** Runs `callback(future)` once when done, in the order added; at once if already done. */
  addDoneCallback(callback: (future: Future<R>) => void): void {
    if (typeof callback !== 'function') throw new TypeError('addDoneCallback() needs a function');
    if (this.done()) Future.#runCallback(this, callback);
    else (this.#callbacks ??= []).push(callback);
  }

  // ---- For executors and tests, as in CPython ----

  /**
   * PENDING → RUNNING and true; or false if the future was cancelled (the
   * executor then skips it). Throws InvalidStateError in any other state.
   */
  setRunningOrNotifyCancel(): boolean {
    if (this.#state === 'CANCELLED') return false;
    if (this.#state !== 'PENDING') {
      throw new InvalidStateError(`future ${this.id} is ${this.#state}, not PENDING`);
    }
    this.#state = 'RUNNING';
    return true;
  }

  setResult(value: R): void {
    this.#finish();
    this.#value = value;
    this.#settle();
  }

  setException(error: unknown): void {
    this.#finish();
    this.#error = error;
    this.#failed = true;
    this.#settle();
  }

  /** True when the future finished with an error (not when cancelled). */
  failed(): boolean {
    return this.#failed;
  }

  toString(): string {
    const tail = this.#state === 'FINISHED' ? (this.#failed ? ' raised' : ' returned') : '';
    return `<Future ${this.id} state=${this.#state.toLowerCase()}${tail}>`;
  }

  #finish(): void {
    if (this.done()) throw new InvalidStateError(`future ${this.id} is already ${this.#state}`);
    this.#state = 'FINISHED';
  }

  #settle(): void {
    const callbacks = this.#callbacks;
    this.#callbacks = null;
    if (callbacks) {
      for (const callback of callbacks) Future.#runCallback(this, callback as (future: Future<R>) => void);
    }
    const waiters = this[kWaiters] as Set<(future: Future<R>) => void> | null;
    // A waiter only ever removes itself from other futures' sets, so no copy is needed.
    if (waiters) for (const waiter of waiters) waiter(this);
    this.#resolveSettled?.();
  }

  static #runCallback<T>(future: Future<T>, callback: (future: Future<T>) => void): void {
    try {
      callback(future);
    } catch (error) {
      // CPython logs and carries on; so do we: one bad callback must not stop the others.
      console.error(`exception calling callback for ${future.toString()}:`, error);
    }
  }

  #waitDone(timeoutMs: number | null | undefined, caller: (...args: never[]) => unknown): Promise<void> {
    if (!this.#settled) {
      this.#settled = new Promise<void>((resolve) => (this.#resolveSettled = resolve));
    }
    if (timeoutMs === undefined || timeoutMs === null) return this.#settled;
    checkTimeout(timeoutMs);
    if (timeoutMs > MAX_TIMER_MS) return this.#settled;
    const timeoutError = new TimeoutError(
      `no result within ${Math.round(timeoutMs)} ms (${this.toString()}); the task itself keeps running`,
    );
    Error.captureStackTrace(timeoutError, caller);
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(timeoutError), Math.max(0, timeoutMs));
      void this.#settled!.then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** A task error rebuilt from a worker gets the stack of whoever asks for it. */
  #asCallersError(caller: (...args: never[]) => unknown): unknown {
    const error = this.#error;
    if (error instanceof Error && isRebuiltError(error)) Error.captureStackTrace(error, caller);
    return error;
  }
}

/** setTimeout fires at once for longer delays; treat them as "no deadline". */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export function checkTimeout(timeoutMs: number): void {
  if (typeof timeoutMs !== 'number' || Number.isNaN(timeoutMs)) {
    throw new TypeError(`timeoutMs must be a number of milliseconds, got ${String(timeoutMs)}`);
  }
}
