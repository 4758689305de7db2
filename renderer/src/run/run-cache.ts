/**
 * Saved runs fetched from the host, each with its run model folded once:
 * the reopened run, the comparison and the exports read them from here.
 * Keeps the most recently used few; tells its subscribers when one arrives.
 */
import type { PlaygroundApi, SavedRun } from '../../../shared/api';
import { RunModel } from '../../../shared/run-model';
import { ObservableStore } from '../store/observable-store';

export interface LoadedRun {
  run: SavedRun;
  model: RunModel;
}

const KEEP = 40;

export class RunCache extends ObservableStore {
  readonly #pending = new Map<string, Promise<LoadedRun | null>>();
  readonly #loaded = new Map<string, LoadedRun>();
  readonly #failed = new Set<string>();
  /** Runs put here from elsewhere: never evicted (the host cannot give them back). */
  readonly #kept = new Map<string, LoadedRun>();
  readonly #api: Pick<PlaygroundApi, 'getRun'>;

  constructor(api: Pick<PlaygroundApi, 'getRun'>) {
    super();
    this.#api = api;
  }

  /** Keep a run that did not come from the host (opened from a shared file): it stays while the page is open. */
  put(run: SavedRun): LoadedRun {
    const loaded = { run, model: RunModel.from(run.events) };
    this.#kept.set(run.id, loaded);
    this.#failed.delete(run.id);
    this.changedSoon();
    return loaded;
  }

  /** The run if it is here already. */
  peek(id: string): LoadedRun | undefined {
    return this.#kept.get(id) ?? this.#loaded.get(id);
  }

  /** True when the host had no such run (or could not be asked). */
  failed(id: string): boolean {
    return this.#failed.has(id);
  }

  get(id: string): Promise<LoadedRun | null> {
    const kept = this.#kept.get(id);
    if (kept) return Promise.resolve(kept);
    const hit = this.#loaded.get(id);
    if (hit) {
      // Most recently used last.
      this.#loaded.delete(id);
      this.#loaded.set(id, hit);
      return Promise.resolve(hit);
    }
    const pending = this.#pending.get(id);
    if (pending) return pending;
    const load = this.#api
      .getRun(id)
      .then((run) => (run ? { run, model: RunModel.from(run.events) } : null))
      .catch(() => null)
      .then((loaded) => {
        this.#pending.delete(id);
        if (loaded) {
          this.#failed.delete(id);
          this.#loaded.set(id, loaded);
          while (this.#loaded.size > KEEP) this.#loaded.delete(this.#loaded.keys().next().value!);
        } else {
          this.#failed.add(id);
        }
        this.changedSoon();
        return loaded;
      });
    this.#pending.set(id, load);
    return load;
  }

  /** Start loading every run in `ids` not here yet. */
  want(ids: readonly string[]): void {
    for (const id of ids) if (!this.peek(id) && !this.#failed.has(id)) void this.get(id);
  }
}
