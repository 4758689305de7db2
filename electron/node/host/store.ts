/**
 * Persistence on disk, shared by both hosts: the workspace (code and run
 * settings, autosaved) and the run history.
 *
 * Each run is its own file, `runs/<id>.json`, and those files are the truth:
 * the index (`runs/index.json`) only caches their summaries, checked against
 * the folder on every listing — a run file it does not know (another host
 * sharing the folder saved it, or the index was lost or damaged) is read and
 * added, an entry whose file is gone or changed is dropped or read again. So
 * no finished run is lost, whatever happens to the index.
 *
 * Every file read is checked (saved-files.ts, shared/workspace.ts); an older
 * format is upgraded; a damaged file is moved aside as `*.corrupt-<time>` and
 * reported once, as a DataNotice the user can dismiss.
 */
import { randomUUID } from 'node:crypto';
import { rm, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataNotice, SavedRun, SavedRunSummary, Workspace } from '../../../shared/api';
import { readSaved, type SavedFormat } from '../../../shared/saved-format';
import { WORKSPACE_FORMAT } from '../../../shared/workspace';
import {
  cleanStaleTemporaryFiles,
  ensurePrivateDir,
  makeFilesPrivate,
  readJson,
  setAside,
  writeAtomic,
} from './data-files';
import {
  INDEX_FORMAT,
  INDEX_VERSION,
  RUN_FILE_FORMAT,
  RUN_FILE_VERSION,
  RUN_ID,
  summaryOf,
  type IndexEntry,
} from './saved-files';

/** Oldest runs beyond this many are dropped from the history. */
export const HISTORY_LIMIT = 200;
/** Run files read at once when the index is rebuilt. */
const READ_CONCURRENCY = 8;

export class Store {
  readonly #dir: string;
  #writes: Promise<unknown> = Promise.resolve();
  readonly #notices: DataNotice[] = [];
  /** Files already reported (a newer format is reported once, not on every read). */
  readonly #reported = new Set<string>();

  constructor(dataDir: string) {
    this.#dir = dataDir;
  }

  get dir(): string {
    return this.#dir;
  }

  /**
   * Start-up: make the folder private, remove what crashed writers left, and
   * read everything once, so damaged files are found (and reported) now.
   */
  async open(): Promise<void> {
    await ensurePrivateDir(this.#dir);
    await ensurePrivateDir(this.#runsDir());
    for (const dir of [this.#dir, this.#runsDir()]) {
      await cleanStaleTemporaryFiles(dir);
      await makeFilesPrivate(dir);
    }
    await this.loadWorkspace();
    await this.listRuns();
  }

  // ─────────────────────────── workspace ───────────────────────────

  async loadWorkspace(): Promise<Workspace | null> {
    return this.#readChecked(
      this.#workspacePath(),
      WORKSPACE_FORMAT,
      'The saved workspace',
      (why, keptAs) =>
        `The saved workspace could not be read (${why}), so the app opened with the code this ` +
        `browser kept or an example.${keptAs ? ` The damaged file was kept as ${keptAs}.` : ''}`,
    );
  }

  saveWorkspace(workspace: Workspace): Promise<void> {
    return this.#serial(() => writeAtomic(this.#workspacePath(), JSON.stringify(workspace)));
  }

  // ─────────────────────────── runs ───────────────────────────

  async listRuns(): Promise<SavedRunSummary[]> {
    return (await this.#reconcile()).map((entry) => entry.summary);
  }

  async getRun(id: string): Promise<SavedRun | null> {
    if (!isRunId(id)) return null;
    const file = await this.#readRun(id);
    if (!file) return null;
    const { version: _version, ...run } = file;
    return run;
  }

  saveRun(run: SavedRun): Promise<void> {
    return this.#serial(async () => {
      await writeAtomic(this.#runPath(run.id), JSON.stringify({ version: RUN_FILE_VERSION, ...run }));
      const entries = await this.#reconcile();
      const dropped = entries.slice(0, Math.max(0, entries.length - HISTORY_LIMIT));
      if (dropped.length === 0) return;
      await Promise.all(dropped.map((e) => rm(this.#runPath(e.summary.id), { force: true })));
      await this.#reconcile();
    });
  }

  renameRun(id: string, name: string): Promise<void> {
    return this.#serial(async () => {
      if (!isRunId(id)) return;
      const run = await this.#readRun(id);
      if (!run) return;
      run.name = name;
      await writeAtomic(this.#runPath(id), JSON.stringify(run));
      await this.#reconcile();
    });
  }

  deleteRun(id: string): Promise<void> {
    return this.#serial(async () => {
      if (!isRunId(id)) return;
      await rm(this.#runPath(id), { force: true });
      await this.#reconcile();
    });
  }

  // ─────────────────────────── notices ───────────────────────────

  notices(): DataNotice[] {
    return [...this.#notices];
  }

  dismissNotice(id: string): void {
    const i = this.#notices.findIndex((n) => n.id === id);
    if (i >= 0) this.#notices.splice(i, 1);
  }

  // ─────────────────────────── internals ───────────────────────────

  /**
   * The history as the run files say, using the index for the files it
   * already knows unchanged; rewrites the index when it was wrong.
   */
  async #reconcile(): Promise<IndexEntry[]> {
    const cached = await this.#readIndex();
    const names = await readdir(this.#runsDir()).catch(() => [] as string[]);
    const ids = names.flatMap((n) => {
      const id = n.endsWith('.json') ? n.slice(0, -'.json'.length) : '';
      return isRunId(id) ? [id] : [];
    });
    const entries: IndexEntry[] = [];
    let changed = cached === null || cached.size !== ids.length;
    for (let i = 0; i < ids.length; i += READ_CONCURRENCY) {
      const batch = ids.slice(i, i + READ_CONCURRENCY);
      const read = await Promise.all(
        batch.map(async (id): Promise<IndexEntry | null> => {
          const info = await stat(this.#runPath(id)).catch(() => null);
          if (!info) return null;
          const known = cached?.get(id);
          if (known && known.size === info.size && known.mtimeMs === info.mtimeMs) return known;
          changed = true;
          const run = await this.#readRun(id);
          return run ? { summary: summaryOf(run), size: info.size, mtimeMs: info.mtimeMs } : null;
        }),
      );
      for (const entry of read) if (entry) entries.push(entry);
    }
    entries.sort((a, b) => a.summary.createdAt - b.summary.createdAt);
    if (changed || entries.length !== ids.length) {
      await writeAtomic(this.#indexPath(), JSON.stringify({ version: INDEX_VERSION, runs: entries })).catch(
        (error: unknown) => console.error('Could not write the history index:', error),
      );
    }
    return entries;
  }

  /** The cached summaries by id, or null when the index is missing or not usable (it is rebuilt). */
  async #readIndex(): Promise<Map<string, IndexEntry> | null> {
    const read = await readJson(this.#indexPath());
    if (read.kind !== 'ok') return null;
    const index = readSaved(INDEX_FORMAT, read.value);
    if (!index.ok) return null;
    return new Map(index.value.runs.map((entry) => [entry.summary.id, entry]));
  }

  #readRun(id: string): Promise<(SavedRun & { version: number }) | null> {
    return this.#readChecked(
      this.#runPath(id),
      RUN_FILE_FORMAT,
      'A saved run',
      (why, keptAs) =>
        `A run in the history could not be read (${why}) and is left out of the list.` +
        (keptAs ? ` The damaged file was kept as ${keptAs}.` : ''),
    );
  }

  /**
   * Read a saved file in the current format. Missing: null. Older: upgraded.
   * Damaged: moved aside and reported once, null. Newer (saved by a later
   * version of the app): left alone and reported once, null.
   */
  async #readChecked<T>(
    path: string,
    format: SavedFormat<T>,
    what: string,
    damaged: (why: string, keptAs: string | null) => string,
  ): Promise<T | null> {
    const read = await readJson(path);
    if (read.kind === 'missing') return null;
    if (read.kind === 'ok') {
      const checked = readSaved(format, read.value);
      if (checked.ok) return checked.value;
      if (checked.newer) {
        this.#report(path, `${what} was left alone: ${checked.message}.`, null);
        return null;
      }
      const keptAs = await setAside(path);
      if (keptAs) this.#report(path, damaged(checked.message, keptAs), keptAs);
      return null;
    }
    const keptAs = await setAside(path);
    if (keptAs) this.#report(path, damaged(read.why, keptAs), keptAs);
    return null;
  }

  #report(path: string, message: string, keptAs: string | null): void {
    const key = keptAs ?? path;
    if (this.#reported.has(key)) return;
    this.#reported.add(key);
    console.error(`Pool Playground: ${message}`);
    this.#notices.push({ id: randomUUID(), message, keptAs, at: Date.now() });
  }

  #workspacePath(): string {
    return join(this.#dir, 'workspace.json');
  }

  #runsDir(): string {
    return join(this.#dir, 'runs');
  }

  #indexPath(): string {
    return join(this.#runsDir(), 'index.json');
  }

  #runPath(id: string): string {
    return join(this.#runsDir(), `${id}.json`);
  }

  /** Writes of this process happen one at a time, in order. */
  #serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#writes.then(work, work);
    this.#writes = next.catch(() => undefined);
    return next;
  }
}

/** Run ids are generated by the host; anything else is refused (no path tricks). */
export function isRunId(id: unknown): id is string {
  return typeof id === 'string' && RUN_ID.test(id);
}

export { cleanStaleTemporaryFiles };
