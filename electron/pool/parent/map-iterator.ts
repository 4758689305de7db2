/**
 * The iterator `executor.map()` returns. Items are grouped `chunksize` at a
 * time into tasks and submitted when map() is called (or, with `buffersize`,
 * that many tasks ahead of the consumer, topped up as it consumes). Results
 * come back in input order. The first failure — a task error, the deadline
 * (`timeoutMs`, measured from the map() call), an error from an async source
 * — ends the iteration and cancels every task not yet started; so does the
 * caller stopping early (`break`, `return()`).
 */
import { TimeoutError } from '../common/errors';
import type { Future } from './future';
import { MAX_TIMER_MS, checkTimeout } from './future';

export interface MapOptions {
  /** Deadline for the whole iteration, in ms from the map() call. */
  timeoutMs?: number | null;
  /** Items per task (default 1). Larger chunks cut per-task overhead. */
  chunksize?: number;
  /** Keep at most this many tasks submitted ahead of the consumer. */
  buffersize?: number | null;
}

/** Submits one task: a single item (`single`) or a chunk of items. */
export type SubmitChunk = (chunk: unknown[], single: boolean) => Future<unknown>;

type Entry = { future: Future<unknown> } | { error: unknown };

export class MapIterator<R> implements AsyncIterableIterator<R> {
  readonly #submit: SubmitChunk;
  readonly #chunksize: number;
  readonly #buffersize: number | null;
  readonly #deadline: number | null;
  readonly #entries: Entry[] = [];
  /** Results of the current chunk not yet yielded. */
  #buffer: unknown[] = [];
  #bufferPos = 0;
  #syncSource: Iterator<unknown> | null = null;
  #asyncSource: AsyncIterator<unknown> | null = null;
  #sourceDone = false;
  #finished = false;
  /** Wakes next() when the async feeder appends an entry. */
  #wakeConsumer: (() => void) | null = null;
  /** Wakes the async feeder when the consumer frees buffer room. */
  #wakeFeeder: (() => void) | null = null;
  #chain: Promise<unknown> = Promise.resolve();
  #pendingNext = 0;

  constructor(source: Iterable<unknown> | AsyncIterable<unknown>, options: MapOptions, submit: SubmitChunk) {
    const { timeoutMs = null, chunksize = 1, buffersize = null } = options;
    if (!Number.isInteger(chunksize) || chunksize < 1) throw new RangeError('chunksize must be >= 1.');
    if (buffersize !== null && (!Number.isInteger(buffersize) || buffersize < 1)) {
      throw new RangeError('buffersize must be None or > 0.');
    }
    if (timeoutMs !== null) checkTimeout(timeoutMs);
    this.#submit = submit;
    this.#chunksize = chunksize;
    this.#buffersize = buffersize;
    this.#deadline = timeoutMs === null || timeoutMs > MAX_TIMER_MS ? null : performance.now() + timeoutMs;
    if (source !== null && typeof source === 'object' && Symbol.asyncIterator in source) {
      this.#asyncSource = source[Symbol.asyncIterator]();
      void this.#feedAsync();
    } else if (
      source !== null &&
      source !== undefined &&
      typeof (source as Iterable<unknown>)[Symbol.iterator] === 'function'
    ) {
      this.#syncSource = (source as Iterable<unknown>)[Symbol.iterator]();
      this.#feedSync();
    } else {
      throw new TypeError('map() needs an iterable or async iterable of items');
    }
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<R>> {
    // Fast path: the rest of a chunk is already here and no earlier next() is pending.
    if (this.#pendingNext === 0 && this.#bufferPos < this.#buffer.length) {
      return Promise.resolve({ done: false, value: this.#buffer[this.#bufferPos++] as R });
    }
    // Calls that overlap (next() without awaiting the previous one) are answered in order.
    this.#pendingNext++;
    const result = this.#chain.then(() => this.#next());
    this.#chain = result.then(this.#settledNext, this.#settledNext);
    return result;
  }

  readonly #settledNext = (): void => {
    this.#pendingNext--;
  };

  return(value?: unknown): Promise<IteratorResult<R>> {
    this.#finish();
    return Promise.resolve({ done: true, value: value as R });
  }

  throw(error?: unknown): Promise<IteratorResult<R>> {
    this.#finish();
    return Promise.reject(error);
  }

  async #next(): Promise<IteratorResult<R>> {
    if (this.#bufferPos < this.#buffer.length) {
      return { done: false, value: this.#buffer[this.#bufferPos++] as R };
    }
    if (this.#finished) return { done: true, value: undefined };
    while (this.#entries.length === 0 && !this.#sourceDone) {
      await new Promise<void>((resolve) => (this.#wakeConsumer = resolve));
    }
    const entry = this.#entries.shift();
    if (!entry) {
      this.#finish();
      return { done: true, value: undefined };
    }
    if ('error' in entry) {
      this.#finish();
      throw entry.error;
    }
    this.#topUp();
    let value: unknown;
    try {
      value = await entry.future.result({ timeoutMs: this.#remaining() });
    } catch (error) {
      entry.future.cancel();
      this.#finish();
      if (error instanceof TimeoutError)
        throw new TimeoutError('map() did not finish within its timeoutMs deadline');
      throw error;
    }
    if (this.#chunksize === 1) return { done: false, value: value as R };
    this.#buffer = value as unknown[];
    this.#bufferPos = 1;
    return { done: false, value: this.#buffer[0] as R };
  }

  #remaining(): number | null {
    return this.#deadline === null ? null : this.#deadline - performance.now();
  }

  #hasRoom(): boolean {
    return this.#buffersize === null || this.#entries.length < this.#buffersize;
  }

  /** Consumed one task: submit the next (buffersize) or let the async feeder go on. */
  #topUp(): void {
    if (this.#syncSource) this.#feedSync();
    else this.#wakeFeeder?.();
  }

  #feedSync(): void {
    const source = this.#syncSource!;
    try {
      while (!this.#sourceDone && !this.#finished && this.#hasRoom()) {
        const chunk: unknown[] = [];
        while (chunk.length < this.#chunksize) {
          const step = source.next();
          if (step.done) {
            this.#sourceDone = true;
            break;
          }
          chunk.push(step.value);
        }
        if (chunk.length > 0) this.#entries.push({ future: this.#submit(chunk, this.#chunksize === 1) });
      }
    } catch (error) {
      // A failing source (or submit after shutdown) stops the map at this position.
      this.#entries.push({ error });
      this.#sourceDone = true;
    }
  }

  async #feedAsync(): Promise<void> {
    const source = this.#asyncSource!;
    let chunk: unknown[] = [];
    try {
      while (!this.#finished) {
        while (!this.#hasRoom() && !this.#finished) {
          await new Promise<void>((resolve) => (this.#wakeFeeder = resolve));
        }
        if (this.#finished) break;
        const step = await source.next();
        if (step.done) break;
        chunk.push(step.value);
        if (chunk.length === this.#chunksize) {
          this.#push({ future: this.#submit(chunk, this.#chunksize === 1) });
          chunk = [];
        }
      }
      if (chunk.length > 0 && !this.#finished)
        this.#push({ future: this.#submit(chunk, this.#chunksize === 1) });
    } catch (error) {
      this.#push({ error });
    }
    this.#sourceDone = true;
    this.#wakeConsumer?.();
    if (this.#finished) await source.return?.();
  }

  #push(entry: Entry): void {
    this.#entries.push(entry);
    this.#wakeConsumer?.();
  }

  /** End the iteration and cancel every task that has not started. */
  #finish(): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#buffer = [];
    this.#bufferPos = 0;
    for (const entry of this.#entries.splice(0)) if ('future' in entry) entry.future.cancel();
    this.#wakeFeeder?.();
    this.#wakeConsumer?.();
  }
}
