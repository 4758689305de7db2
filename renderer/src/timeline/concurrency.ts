/**
 * How many tasks ran and how many waited at each moment of a run — the
 * concurrency track above the lanes, and the queue's length in a big run.
 * Kept incrementally: a task's times go into sorted lists once they are
 * final (when it finishes); the few tasks still running are counted apart.
 * Counting at a moment is then a few binary searches.
 */
import type { RunModel, TaskRecord } from '../../../shared/run-model';

/** A growing sorted list of times with running sums; inserts are nearly always at the end. */
export class SortedTimes {
  #values = new Float64Array(64);
  /** #sums[i] = values[0] + … + values[i]. */
  #sums = new Float64Array(64);
  #length = 0;

  get length(): number {
    return this.#length;
  }

  insert(value: number): void {
    if (this.#length === this.#values.length) {
      const grown = new Float64Array(this.#values.length * 2);
      grown.set(this.#values);
      this.#values = grown;
      const sums = new Float64Array(grown.length);
      sums.set(this.#sums);
      this.#sums = sums;
    }
    const values = this.#values;
    let i = this.#length;
    if (i > 0 && values[i - 1]! > value) {
      i = this.#upper(value);
      values.copyWithin(i + 1, i, this.#length);
    }
    values[i] = value;
    this.#length++;
    const sums = this.#sums;
    for (let k = i; k < this.#length; k++) sums[k] = (k > 0 ? sums[k - 1]! : 0) + values[k]!;
  }

  /** How many values are ≤ `t`. */
  countAtOrBefore(t: number): number {
    return this.#upper(t);
  }

  /** Σ (t − v) over the values v ≤ t: how long, in all, since each of them (up to t). */
  elapsedSince(t: number): number {
    const n = this.#upper(t);
    return n === 0 ? 0 : t * n - this.#sums[n - 1]!;
  }

  #upper(t: number): number {
    let lo = 0;
    let hi = this.#length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#values[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export interface ConcurrencySample {
  /** Per column: how many tasks ran / waited, on average over the column's time. */
  running: Float32Array;
  waiting: Float32Array;
  maxRunning: number;
  maxWaiting: number;
}

export class ConcurrencyIndex {
  readonly #model: RunModel;
  readonly #submitted = new SortedTimes();
  /** When final waits ended (started, or finished without starting). */
  readonly #waitEnds = new SortedTimes();
  readonly #starts = new SortedTimes();
  readonly #finishes = new SortedTimes();
  /** Per task (by position): 1 once submitted is counted, 2 once everything is. */
  #done = new Uint8Array(256);
  #scanFrom = 0;
  #open: TaskRecord[] = [];
  #version = -1;
  /** The last sample and what it was asked for (one drawing asks twice). */
  #lastSample: {
    version: number;
    start: number;
    end: number;
    columns: number;
    now: number;
    sample: ConcurrencySample;
  } | null = null;

  constructor(model: RunModel) {
    this.#model = model;
  }

  /** Take in what changed since the last call. */
  update(): void {
    const model = this.#model;
    if (model.version === this.#version) return;
    this.#version = model.version;
    const tasks = model.tasks;
    if (this.#done.length < tasks.length) {
      const grown = new Uint8Array(Math.max(tasks.length, this.#done.length * 2));
      grown.set(this.#done);
      this.#done = grown;
    }
    const open: TaskRecord[] = [];
    for (let i = this.#scanFrom; i < tasks.length; i++) {
      const task = tasks[i]!;
      let state = this.#done[i]!;
      if (state === 0) {
        this.#submitted.insert(task.submitted);
        state = 1;
      }
      if (state === 1 && task.finished !== null) {
        this.#waitEnds.insert(task.started ?? task.finished);
        if (task.started !== null) {
          this.#starts.insert(task.started);
          this.#finishes.insert(Math.max(task.finished, task.started));
        }
        state = 2;
      }
      this.#done[i] = state;
      if (state === 2 && i === this.#scanFrom) this.#scanFrom++;
      else if (state === 1 && task.started !== null) open.push(task);
    }
    this.#open = open;
  }

  /** Tasks running at `t` (≤ now). */
  runningAt(t: number, now: number): number {
    let n = this.#starts.countAtOrBefore(t) - this.#finishes.countAtOrBefore(t);
    if (t <= now) for (const task of this.#open) if (task.started! <= t) n++;
    return n;
  }

  /** Tasks waiting at `t`: submitted, not yet started or ended. */
  waitingAt(t: number): number {
    let n = this.#submitted.countAtOrBefore(t) - this.#waitEnds.countAtOrBefore(t);
    for (const task of this.#open) if (task.started! <= t) n--;
    return Math.max(0, n);
  }

  /** ∫₀ᵗ running(τ) dτ: task-milliseconds run by `t` (t ≤ now). */
  runTimeBy(t: number, now: number): number {
    let total = this.#starts.elapsedSince(t) - this.#finishes.elapsedSince(t);
    const until = Math.min(t, now);
    for (const task of this.#open) if (task.started! < until) total += until - task.started!;
    return total;
  }

  /** ∫₀ᵗ waiting(τ) dτ: task-milliseconds spent waiting by `t` (t ≤ now). */
  waitTimeBy(t: number): number {
    let total = this.#submitted.elapsedSince(t) - this.#waitEnds.elapsedSince(t);
    for (const task of this.#open) if (task.started! < t) total -= t - task.started!;
    return total;
  }

  /**
   * The average count per column of `columns` equal slices of [start, end]:
   * a column a thousand tiny tasks ran in shows how busy it was, not
   * whichever instant a sample happened to hit. Maxima are of instants.
   */
  sample(start: number, end: number, columns: number, now: number): ConcurrencySample {
    // The concurrency track and a big run's queue lane ask the same question in one drawing.
    const last = this.#lastSample;
    const version = this.#version;
    if (
      last &&
      last.version === version &&
      last.start === start &&
      last.end === end &&
      last.columns === columns &&
      last.now === now
    )
      return last.sample;
    const sample = this.#sample(start, end, columns, now);
    this.#lastSample = { version, start, end, columns, now, sample };
    return sample;
  }

  #sample(start: number, end: number, columns: number, now: number): ConcurrencySample {
    const n = Math.max(1, Math.floor(columns));
    const running = new Float32Array(n);
    const waiting = new Float32Array(n);
    const step = (end - start) / n;
    let maxRunning = 0;
    let maxWaiting = 0;
    let t0 = Math.min(start, now);
    let r0 = this.runTimeBy(t0, now);
    let w0 = this.waitTimeBy(t0);
    for (let c = 0; c < n; c++) {
      const t1 = Math.min(start + (c + 1) * step, now);
      if (t1 > t0) {
        const r1 = this.runTimeBy(t1, now);
        const w1 = this.waitTimeBy(t1);
        running[c] = Math.max(0, (r1 - r0) / (t1 - t0));
        waiting[c] = Math.max(0, (w1 - w0) / (t1 - t0));
        maxRunning = Math.max(maxRunning, this.runningAt(t1, now));
        maxWaiting = Math.max(maxWaiting, this.waitingAt(t1));
        [t0, r0, w0] = [t1, r1, w1];
      }
    }
    for (let c = 0; c < n; c++) {
      maxRunning = Math.max(maxRunning, Math.ceil(running[c]! - 1e-9));
      maxWaiting = Math.max(maxWaiting, Math.ceil(waiting[c]! - 1e-9));
    }
    return { running, waiting, maxRunning, maxWaiting };
  }
}
