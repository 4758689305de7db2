/**
 * The run history as the side bar shows it: the host's saved runs, newest
 * first, refreshed whenever a run finishes (the host saves a run before its
 * end reaches us). Also which runs are ticked for comparison, renames, and
 * deletes that can be undone for a few seconds before they reach the host.
 * Runs opened from shared files are listed too, for as long as this page
 * is open: they live here only (the host never saw them).
 */
import type { PlaygroundApi, SavedRunSummary } from '../../../shared/api';
import { ObservableStore } from '../store/observable-store';
import { errorText } from '../workspace/workspace-store';

type HistoryApi = Pick<PlaygroundApi, 'listRuns' | 'renameRun' | 'deleteRun'>;

/** How long a deleted run can be brought back. */
export const UNDO_MS = 8000;

export class HistoryStore extends ObservableStore {
  #all: readonly SavedRunSummary[] = [];
  /** Runs opened from shared files (not on the host). */
  #imported: readonly SavedRunSummary[] = [];
  /** Newest first, without a run whose deletion can still be undone. */
  runs: readonly SavedRunSummary[] = [];
  loaded = false;
  error: string | null = null;
  /** Ids ticked for comparison, in the order they were ticked. */
  selected: readonly string[] = [];
  pendingDelete: SavedRunSummary | null = null;
  #pendingWasSelected = false;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #refreshing: Promise<void> | null = null;
  #again = false;
  readonly #api: HistoryApi;

  constructor(api: HistoryApi) {
    super();
    this.#api = api;
  }

  byId(id: string | null): SavedRunSummary | undefined {
    return id === null
      ? undefined
      : (this.#all.find((r) => r.id === id) ?? this.#imported.find((r) => r.id === id));
  }

  /** True for a run opened from a shared file. */
  isImported(id: string): boolean {
    return this.#imported.some((r) => r.id === id);
  }

  /** List runs opened from a shared file (newest first, like the others by when they ran). */
  addImported(runs: readonly SavedRunSummary[]): void {
    const ids = new Set(runs.map((r) => r.id));
    this.#imported = [...this.#imported.filter((r) => !ids.has(r.id)), ...runs];
    this.loaded = true;
    this.#derive();
  }

  /** Runs made together by one sweep, oldest first. */
  group(group: string): SavedRunSummary[] {
    return this.runs.filter((r) => r.meta.group === group).reverse();
  }

  /** Ask the host for the list again (calls made meanwhile are folded into one more). */
  refresh(): Promise<void> {
    if (this.#refreshing) {
      this.#again = true;
      return this.#refreshing;
    }
    this.#refreshing = (async () => {
      do {
        this.#again = false;
        try {
          this.#all = await this.#api.listRuns();
          this.error = null;
        } catch (error) {
          this.error = `Could not load the run history: ${errorText(error)}`;
        }
        this.loaded = true;
        this.#derive();
      } while (this.#again);
      this.#refreshing = null;
    })();
    return this.#refreshing;
  }

  isSelected(id: string): boolean {
    return this.selected.includes(id);
  }

  toggle(id: string, on = !this.isSelected(id)): void {
    const without = this.selected.filter((s) => s !== id);
    this.select(on ? [...without, id] : without);
  }

  select(ids: readonly string[]): void {
    this.selected = [...new Set(ids)];
    this.changed();
  }

  async rename(id: string, name: string): Promise<void> {
    const trimmed = name.trim();
    if (trimmed === '') return;
    if (this.isImported(id)) {
      this.#imported = this.#imported.map((r) => (r.id === id ? { ...r, name: trimmed } : r));
      this.#derive();
      return;
    }
    this.#all = this.#all.map((r) => (r.id === id ? { ...r, name: trimmed } : r));
    this.#derive();
    try {
      await this.#api.renameRun(id, trimmed);
    } catch (error) {
      this.error = `Could not rename the run: ${errorText(error)}`;
    }
    await this.refresh();
  }

  /** Hide the run now; it is deleted on the host after UNDO_MS unless undone. */
  remove(id: string): void {
    const run = this.byId(id);
    if (!run) return;
    void this.commitDelete();
    this.pendingDelete = run;
    this.#pendingWasSelected = this.isSelected(id);
    this.selected = this.selected.filter((s) => s !== id);
    this.#timer = setTimeout(() => void this.commitDelete(), UNDO_MS);
    this.#derive();
  }

  undo(): void {
    const run = this.pendingDelete;
    if (!run) return;
    this.#clearTimer();
    this.pendingDelete = null;
    if (this.#pendingWasSelected) this.selected = [...this.selected, run.id];
    this.#derive();
  }

  /** Delete the hidden run on the host now (its undo time is over, or the page is going away). */
  async commitDelete(): Promise<void> {
    const run = this.pendingDelete;
    if (!run) return;
    this.#clearTimer();
    this.pendingDelete = null;
    this.#all = this.#all.filter((r) => r.id !== run.id);
    if (this.isImported(run.id)) {
      this.#imported = this.#imported.filter((r) => r.id !== run.id);
      this.#derive();
      return;
    }
    this.#derive();
    try {
      await this.#api.deleteRun(run.id);
    } catch (error) {
      this.error = `Could not delete the run: ${errorText(error)}`;
      await this.refresh();
    }
  }

  #clearTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #derive(): void {
    const hidden = this.pendingDelete?.id;
    const every = [...this.#all, ...this.#imported];
    this.runs = every.filter((r) => r.id !== hidden).sort((a, b) => b.createdAt - a.createdAt);
    const known = new Set(every.map((r) => r.id));
    this.selected = this.selected.filter((id) => known.has(id) && id !== hidden);
    this.changed();
  }
}
