/**
 * One clock for everything that moves on its own while a run is live — the
 * status bar's elapsed time, the timeline's growing bars and "now" line —
 * ticking every LIVE_REFRESH_MS. Separate timers would each cost the page a
 * frame (style, layout, paint, compositing) at their own moments; one clock
 * makes them change together, so the browser paints once per tick.
 */
import { LIVE_REFRESH_MS } from './frame-notifier';

type Tick = () => void;

class LiveClock {
  readonly #listeners = new Set<Tick>();
  #timer: ReturnType<typeof setInterval> | null = null;

  /** Call `tick` every LIVE_REFRESH_MS until the returned function is called. */
  subscribe(tick: Tick): () => void {
    this.#listeners.add(tick);
    this.#timer ??= setInterval(() => {
      for (const listener of [...this.#listeners]) listener();
    }, LIVE_REFRESH_MS);
    return () => {
      this.#listeners.delete(tick);
      if (this.#listeners.size === 0 && this.#timer !== null) {
        clearInterval(this.#timer);
        this.#timer = null;
      }
    };
  }
}

export const liveClock = new LiveClock();
