/**
 * One clock for everything that changes on screen while a run is live — the
 * status bar's elapsed time, the timeline's growing bars and "now" line, the
 * run's stores, the terminal, the accessible mirrors — ticking every
 * LIVE_REFRESH_MS. In a page like this one a frame costs the same whether
 * one thing changed or five (style, layout, paint, compositing): separate
 * timers would each cost a frame at their own moment, so while the clock
 * ticks every throttled update waits for the next tick (`later`) and the
 * browser paints once per tick. The terminal parses what it is given in a
 * task of its own before it draws: its writes go first (`early`), and the
 * rest of the tick waits for them, so that its rows join the same frame.
 */
import { flushSync } from 'react-dom';

export const LIVE_REFRESH_MS = 100;

type Tick = () => void;

interface Pending {
  due: number;
  run: Tick;
}

/** A tick this close before an update's due time takes it (timers fire a little early or late). */
const SLACK_MS = 8;

/** The longest the rest of a tick waits for early work (a stuck terminal must not stop the clock). */
const EARLY_WAIT_MS = 40;

type EarlyWork = () => Promise<void> | void;

class LiveClock {
  readonly #listeners = new Set<Tick>();
  #pending: Pending[] = [];
  #early: EarlyWork[] = [];
  readonly #stopped = new Set<Tick>();
  #timer: ReturnType<typeof setInterval> | null = null;

  /** Whether the clock is ticking (something on screen moves with time). */
  get ticking(): boolean {
    return this.#listeners.size > 0;
  }

  /** Call `tick` every LIVE_REFRESH_MS until the returned function is called. */
  subscribe(tick: Tick): () => void {
    this.#listeners.add(tick);
    this.#timer ??= setInterval(() => this.#tick(), LIVE_REFRESH_MS);
    return () => {
      this.#listeners.delete(tick);
      if (this.#listeners.size === 0) this.#stop();
    };
  }

  /**
   * While the clock ticks, run `fn` on the first tick at least `delayMs`
   * from now and return true; return false when it does not tick (the
   * caller then schedules on its own).
   */
  later(fn: Tick, delayMs: number): boolean {
    if (!this.ticking) return false;
    this.#pending.push({ due: performance.now() + delayMs, run: fn });
    return true;
  }

  /**
   * While the clock ticks, run `fn` at the start of the next tick and hold
   * the rest of that tick until the promise it returns settles; return
   * false when the clock does not tick.
   */
  early(fn: EarlyWork): boolean {
    if (!this.ticking) return false;
    this.#early.push(fn);
    return true;
  }

  /** Call `fn` once, when the clock next stops ticking (the live run is over). */
  onceStopped(fn: Tick): void {
    this.#stopped.add(fn);
  }

  #tick(): void {
    const early = this.#early;
    this.#early = [];
    const waits = early.map((fn) => fn()).filter((w): w is Promise<void> => w instanceof Promise);
    if (waits.length === 0) {
      this.#rest();
      return;
    }
    let done = false;
    const go = (): void => {
      if (done) return;
      done = true;
      clearTimeout(timeout);
      this.#rest();
    };
    const timeout = setTimeout(go, EARLY_WAIT_MS);
    void Promise.all(waits).then(go, go);
  }

  #rest(): void {
    const now = performance.now() + SLACK_MS;
    const due = this.#pending.filter((p) => p.due <= now);
    if (due.length > 0) this.#pending = this.#pending.filter((p) => p.due > now);
    // Store updates first, then what moves with the clock; React renders what they changed
    // before this task ends, so everything reaches the same frame.
    flushSync(() => {
      for (const p of due) p.run();
      for (const listener of [...this.#listeners]) listener();
    });
  }

  #stop(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    // Whatever waited for a tick runs now, on its own.
    const pending = this.#pending;
    const early = this.#early;
    this.#pending = [];
    this.#early = [];
    for (const fn of early) void fn();
    for (const p of pending) setTimeout(p.run, Math.max(0, p.due - performance.now()));
    const stopped = [...this.#stopped];
    this.#stopped.clear();
    for (const fn of stopped) setTimeout(fn, 0);
  }
}

export const liveClock = new LiveClock();
