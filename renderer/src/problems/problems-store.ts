/**
 * What stopped a run from starting (code, inputs and settings diagnostics)
 * and what went wrong talking to the host. Shown in the problems strip until
 * dismissed or until the next run starts.
 */
import type { Diagnostic } from '../../../shared/api';
import { ObservableStore } from '../store/observable-store';

export interface Problem extends Omit<Diagnostic, 'source'> {
  source: Diagnostic['source'] | 'host';
}

export class ProblemsStore extends ObservableStore {
  #problems: readonly Problem[] = [];

  get problems(): readonly Problem[] {
    return this.#problems;
  }

  set(problems: readonly Problem[]): void {
    this.#problems = problems;
    this.changed();
  }

  /** A host call failed: say so, keeping the other problems. */
  hostError(message: string): void {
    this.set([...this.#problems.filter((p) => p.source !== 'host'), { source: 'host', message }]);
  }

  clear(): void {
    if (this.#problems.length > 0) this.set([]);
  }
}
