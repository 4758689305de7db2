/**
 * How many tasks ran and how many waited at each moment of a run — the
 * concurrency track above the lanes, and the queue's length in a big run.
 * Kept incrementally: a task's times go into sorted lists once they are
 * final (when it finishes); the few tasks still running are counted apart.
 * Counting at a moment is then a few binary searches.
 */
import type { RunModel, TaskRecord } from '../../../shared/run-model';

/** A growing sorted list of times; inserts are nearly always at the end. */
export class SortedTimes {
  #values = new Float64Array(64);
  #length = 0;

  get length(): number {
    return this.#length;
  }

  insert(value: number): void {
    if (this.#length === this.#values.length) {
      const grown = new Float64Array(this.#values.length * 2);
      grown.set(this.#values);
      this.#values = grown;
    }
    const values = this.#values;
    let i = this.#length;
    if (i > 0 && values[i - 1]! > value) {
      i = this.#upper(value);
      values.copyWithin(i + 1, i, this.#length);
    }
    values[i] = value;
    this.#length++;
  }

  /** How many values are ≤ `t`. */
  countAtOrBefore(t: number): number {
    return this.#upper(t);
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
  /** Per column: the most tasks running / waiting at once. */
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

  /** Counts per column of `columns` equal slices of [start, end] (the larger at either edge). */
  sample(start: number, end: number, columns: number, now: number): ConcurrencySample {
    const n = Math.max(1, Math.floor(columns));
    const running = new Float32Array(n);
    const waiting = new Float32Array(n);
    const step = (end - start) / n;
    let maxRunning = 0;
    let maxWaiting = 0;
    let prevR = this.runningAt(start, now);
    let prevW = start <= now ? this.waitingAt(start) : 0;
    for (let c = 0; c < n; c++) {
      const t = start + (c + 1) * step;
      const live = t <= now + step;
      const r = live ? this.runningAt(Math.min(t, now), now) : 0;
      const w = live ? this.waitingAt(Math.min(t, now)) : 0;
      running[c] = Math.max(prevR, r);
      waiting[c] = Math.max(prevW, w);
      maxRunning = Math.max(maxRunning, running[c]!);
      maxWaiting = Math.max(maxWaiting, waiting[c]!);
      prevR = r;
      prevW = w;
    }
    return { running, waiting, maxRunning, maxWaiting };
  }
}
