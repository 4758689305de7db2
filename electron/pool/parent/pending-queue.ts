/**
 * The executor's pending work, first in, first out. Cancelling a queued
 * future costs nothing here: it stays in the deque and is skipped when it
 * reaches the head, so `size` counts only the live items. One cancel hook
 * serves every queued future (no closure per task).
 */
import { Deque } from '../common/deque';
import { kOnCancel, type Future } from './future';
import type { WorkItem } from './work-item';

export class PendingQueue {
  readonly #items = new Deque<WorkItem>();
  #live = 0;
  readonly #onCancel: (future: Future<unknown>) => void;

  /** `onCancelled(task)`: a queued future was cancelled. */
  constructor(onCancelled: (task: number) => void) {
    this.#onCancel = (future) => {
      this.#live--;
      onCancelled(future.id);
    };
  }

  /** Items waiting that are not cancelled. */
  get size(): number {
    return this.#live;
  }

  push(item: WorkItem): void {
    item.future[kOnCancel] = this.#onCancel;
    this.#items.push(item);
    this.#live++;
  }

  /** The next live item, its future now RUNNING; null when none is left. */
  take(): WorkItem | null {
    while (this.#live > 0) {
      const item = this.#items.shift()!;
      if (item.future.cancelled()) continue;
      this.#live--;
      item.future[kOnCancel] = null;
      if (item.future.setRunningOrNotifyCancel()) return item;
    }
    return null;
  }

  /** Empty the queue and return the live items (no longer cancellable through it). */
  takeAll(): WorkItem[] {
    const items = this.#items.drain().filter((item) => !item.future.done());
    for (const item of items) item.future[kOnCancel] = null;
    this.#live = 0;
    return items;
  }

  /** Cancel every queued future (each reported through `onCancelled`). */
  cancelAll(): void {
    for (const item of this.#items.drain()) item.future.cancel();
    this.#live = 0;
  }
}
