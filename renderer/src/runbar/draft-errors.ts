/**
 * Fields whose text does not parse yet (e.g. "3x" in Max workers): the spec
 * keeps its last good value, and Run is refused until the text is fixed.
 */
import type { FieldErrors, SpecField } from './run-form';
import { ObservableStore } from '../store/observable-store';

export class DraftErrors extends ObservableStore {
  #errors: FieldErrors = {};

  get errors(): FieldErrors {
    return this.#errors;
  }

  set(field: SpecField, message: string | null): void {
    if ((this.#errors[field] ?? null) === message) return;
    const next = { ...this.#errors };
    if (message === null) delete next[field];
    else next[field] = message;
    this.#errors = next;
    this.changed();
  }
}
