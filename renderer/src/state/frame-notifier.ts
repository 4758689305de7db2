/**
 * Coalesces change notifications to at most one per animation frame: run
 * events arrive in bursts (a batch every few tens of ms, thousands of events
 * in a big run) and the views only need to redraw once per frame.
 */
export type Listener = () => void;

export class FrameNotifier {
  readonly #listeners = new Set<Listener>();
  #scheduled = false;
  #version = 0;

  subscribe = (listener: Listener): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  /** A number that changes whenever the listeners were told about a change. */
  getVersion = (): number => this.#version;

  /** Notify on the next frame (several calls in one frame notify once). */
  schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    const run = (): void => {
      this.#scheduled = false;
      this.now();
    };
    if (typeof requestAnimationFrame === 'function' && document.visibilityState !== 'hidden') {
      requestAnimationFrame(run);
    } else {
      setTimeout(run, 16);
    }
  }

  /** Notify right away. */
  now(): void {
    this.#version++;
    for (const listener of [...this.#listeners]) listener();
  }
}
