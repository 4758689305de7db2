/**
 * The base of the app's stores: it owns the subscription, the version React
 * reads (useSyncExternalStore, see use-store.ts) and the notification, so a
 * store only says when it changed.
 */
import { FrameNotifier, type Listener } from './frame-notifier';

export abstract class ObservableStore {
  readonly #notifier: FrameNotifier;

  /** `minIntervalMs`: notify at most this often (the live run views; see frame-notifier.ts). */
  constructor(minIntervalMs = 0) {
    this.#notifier = new FrameNotifier(minIntervalMs);
  }

  readonly subscribe = (listener: Listener): (() => void) => this.#notifier.subscribe(listener);

  /** A number that changes whenever the subscribers were told about a change. */
  readonly getVersion = (): number => this.#notifier.getVersion();

  /** Tell the subscribers now. */
  protected changed(): void {
    this.#notifier.now();
  }

  /** Tell the subscribers on the next frame (several calls tell them once). */
  protected changedSoon(): void {
    this.#notifier.schedule();
  }
}
