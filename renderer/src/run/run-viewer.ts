/**
 * A saved run reopened from the history: the timeline, terminal and results
 * show it (read-only, from its saved log) instead of the live run until the
 * learner goes back to the live run, or starts a new one.
 */
import type { RunPhase } from './run-session';
import type { LoadedRun, RunCache } from './run-cache';
import { ObservableStore } from '../store/observable-store';
import { TerminalStore } from '../terminal/terminal-store';
import type { RunModel } from '../../../shared/run-model';

/** What the run views draw: the live session and a reopened run both look like this. */
export interface ShownRun {
  model: RunModel;
  runId: string | null;
  phase: RunPhase;
  /** True while a measured run (a sweep step) is not being redrawn live. */
  readonly measuring?: boolean;
  nowMs(): number;
}

export interface SavedView extends ShownRun {
  loaded: LoadedRun;
  terminal: TerminalStore;
}

export class RunViewer extends ObservableStore {
  saved: SavedView | null = null;
  /** The run being fetched, or null. */
  loading: string | null = null;
  error: string | null = null;
  readonly #cache: RunCache;

  constructor(cache: RunCache) {
    super();
    this.#cache = cache;
  }

  async open(id: string): Promise<void> {
    this.loading = id;
    this.error = null;
    this.changed();
    const loaded = await this.#cache.get(id);
    if (this.loading !== id) return;
    this.loading = null;
    if (!loaded) {
      this.error = 'That run could not be loaded: it may have been deleted.';
      this.changed();
      return;
    }
    const terminal = new TerminalStore();
    terminal.events(loaded.run.events);
    const { model } = loaded;
    this.saved = { loaded, terminal, model, runId: id, phase: 'finished', nowMs: () => model.elapsedMs };
    this.changed();
  }

  /** Back to the live run. */
  close(): void {
    if (this.saved === null && this.loading === null && this.error === null) return;
    this.saved = null;
    this.loading = null;
    this.error = null;
    this.changed();
  }
}
