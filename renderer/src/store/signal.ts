/** A store with no state of its own: it only says "something changed" (see ObservableStore). */
import { ObservableStore } from './observable-store';

export class Signal extends ObservableStore {
  /** Tell the subscribers now. */
  fire(): void {
    this.changed();
  }
}
