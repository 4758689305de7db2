/**
 * Coalesces change notifications: run events arrive in bursts (a batch every
 * few tens of ms, thousands of events in a big run) and the views only need
 * to redraw once per frame — or, for the live run views, once per tick of
 * the live clock (`minIntervalMs`), so that drawing never competes with the
 * worker processes for the CPU (on a 2-core laptop a 60 Hz redraw costs a
 * core).
 */
import { liveClock } from './live-clock';

export type Listener = () => void;

export class FrameNotifier {
  readonly #listeners = new Set<Listener>();
  readonly #minIntervalMs: number;
  #scheduled = false;
  #version = 0;
  #lastNotified = 0;

  constructor(minIntervalMs = 0) {
    this.#minIntervalMs = minIntervalMs;
  }

  subscribe = (listener: Listener): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  /** A number that changes whenever the listeners were told about a change. */
  getVersion = (): number => this.#version;

  /** Notify on the next frame, or once the minimum interval has passed (several calls notify once). */
  schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    const run = (): void => {
      this.#scheduled = false;
      this.now();
    };
    const wait = this.#lastNotified + this.#minIntervalMs - performance.now();
    // A throttled store waits for the live clock's tick when it ticks: one frame for everything.
    if (this.#minIntervalMs > 0 && liveClock.later(run, wait)) return;
    const onFrame = (): void => {
      if (typeof requestAnimationFrame === 'function' && document.visibilityState !== 'hidden') {
        requestAnimationFrame(run);
      } else {
        setTimeout(run, 16);
      }
    };
    if (wait > 0) setTimeout(onFrame, wait);
    else onFrame();
  }

  /** Notify right away. */
  now(): void {
    this.#version++;
    this.#lastNotified = performance.now();
    for (const listener of [...this.#listeners]) listener();
  }
}
