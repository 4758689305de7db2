/**
 * What stopped a run from starting (code, inputs and settings diagnostics)
 * and what went wrong talking to the host. Shown in the problems strip until
 * dismissed or until the next run starts.
 */
import type { Diagnostic } from '../../../shared/api';
import { FrameNotifier } from '../store/frame-notifier';

export interface Problem extends Omit<Diagnostic, 'source'> {
  source: Diagnostic['source'] | 'host';
}

export class ProblemsStore {
  #problems: readonly Problem[] = [];
  readonly #notifier = new FrameNotifier();

  subscribe = (listener: () => void): (() => void) => this.#notifier.subscribe(listener);
  getVersion = (): number => this.#notifier.getVersion();

  get problems(): readonly Problem[] {
    return this.#problems;
  }

  set(problems: readonly Problem[]): void {
    this.#problems = problems;
    this.#notifier.now();
  }

  /** A host call failed: say so, keeping the other problems. */
  hostError(message: string): void {
    this.set([...this.#problems.filter((p) => p.source !== 'host'), { source: 'host', message }]);
  }

  clear(): void {
    if (this.#problems.length > 0) this.set([]);
  }
}
