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
import { ReplayRun } from './replay';

/** What the run views draw: the live session and a reopened run both look like this. */
export interface ShownRun {
  model: RunModel;
  runId: string | null;
  phase: RunPhase;
  /** True while a measured run (a sweep step) is not being redrawn live. */
  readonly measuring?: boolean;
  /** The whole run's length when known ahead (a replay): the time axis does not grow. */
  readonly fullMs?: number;
  nowMs(): number;
}

export interface SavedView extends ShownRun {
  loaded: LoadedRun;
  terminal: TerminalStore;
}

export class RunViewer extends ObservableStore {
  saved: SavedView | null = null;
  /** The saved run being replayed, if it is. */
  replay: ReplayRun | null = null;
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
    this.endReplay();
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

  /** Replay the reopened run from its start. */
  startReplay(): void {
    if (!this.saved) return;
    this.replay?.dispose();
    this.replay = new ReplayRun(this.saved.runId ?? 'replay', this.saved.loaded.run.events);
    this.replay.play();
    this.changed();
  }

  /** Back to the whole saved run. */
  endReplay(): void {
    if (!this.replay) return;
    this.replay.dispose();
    this.replay = null;
    this.changed();
  }

  /** Back to the live run. */
  close(): void {
    this.endReplay();
    if (this.saved === null && this.loading === null && this.error === null) return;
    this.saved = null;
    this.loading = null;
    this.error = null;
    this.changed();
  }
}
