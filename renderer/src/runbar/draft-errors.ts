/**
 * Fields whose text does not parse yet (e.g. "3x" in Max workers): the spec
 * keeps its last good value, and Run is refused until the text is fixed.
 */
import type { FieldErrors, SpecField } from './run-form';
import { FrameNotifier } from '../store/frame-notifier';

export class DraftErrors {
  #errors: FieldErrors = {};
  readonly #notifier = new FrameNotifier();

  subscribe = (listener: () => void): (() => void) => this.#notifier.subscribe(listener);
  getVersion = (): number => this.#notifier.getVersion();

  get errors(): FieldErrors {
    return this.#errors;
  }

  set(field: SpecField, message: string | null): void {
    if ((this.#errors[field] ?? null) === message) return;
    const next = { ...this.#errors };
    if (message === null) delete next[field];
    else next[field] = message;
    this.#errors = next;
    this.#notifier.now();
  }
}
