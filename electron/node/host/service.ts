/**
 * The playground as one client (a window, a browser tab) sees it: the
 * server side of PlaygroundApi, independent of the transport. Electron's
 * main process and the browser host each make one per client and forward
 * its run events. One run at a time per client: starting a new run stops
 * the previous one, and of several startRun calls in flight only the newest
 * starts (the others are refused), so two runs of one client never overlap.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { availableParallelism, platform } from 'node:os';
import { join } from 'node:path';
import type { WorkerLauncher } from '../../pool';
import { makeOwnedTempDir, removeOwnedTempDir } from '../../pool/parent/owned-temp-dir';
import type {
  CodeCheck,
  DataNotice,
  HostInfo,
  PlaygroundApi,
  RunMeta,
  SavedRun,
  SavedRunSummary,
  StartRunResult,
  Workspace,
} from '../../../shared/api';
import type { RunEventBatch } from '../../../shared/run-events';
import { runName } from '../../../shared/run-name';
import { memoryLimitOf } from '../../../shared/run-spec';
import { checkCode } from './compile';
import { loadAverageNow } from './load-average';
import { guardMemory, heapLimitArgs } from './memory-guard';
import { PlaygroundRun } from './run';
import { isRunId, type Store } from './store';
import { writeTaskModule } from './task-files';
import { validateRun, type PreparedRun } from './validate';
import { processWorkerBudget, type WorkerBudget } from './worker-budget';
import { workerEnvironment } from './worker-env';

/** Each client's private temporary folder: `pool-playground-<pid>-XXXXXX` (see owned-temp-dir.ts). */
export const SESSION_TEMP_PREFIX = 'pool-playground-';

export interface HostDeps {
  kind: HostInfo['kind'];
  store: Store;
  /** How this host starts workers, given their environment and working directory. */
  createLauncher(options: { env: NodeJS.ProcessEnv; cwd: string }): WorkerLauncher;
  appVersion: string;
  electronVersion: string | null;
  /** The cap on worker processes shared by every client of this host (default: one per process). */
  workers?: WorkerBudget;
}

export type ServiceApi = Omit<PlaygroundApi, 'onRunEvents'>;

export class PlaygroundService implements ServiceApi {
  readonly #deps: HostDeps;
  readonly #send: (batch: RunEventBatch) => void;
  readonly #dir = makeOwnedTempDir(SESSION_TEMP_PREFIX);
  /** The workers' working directory: one per client, made once. */
  readonly #workDir = join(this.#dir, 'work');
  #active: PlaygroundRun | null = null;
  /** Counts startRun calls: a call that is no longer the newest does not start. */
  #starts = 0;
  #disposed = false;

  constructor(deps: HostDeps, send: (batch: RunEventBatch) => void) {
    this.#deps = deps;
    this.#send = send;
    mkdirSync(this.#workDir);
  }

  getInfo(): Promise<HostInfo> {
    return Promise.resolve({
      kind: this.#deps.kind,
      cpus: availableParallelism(),
      platform: platform(),
      node: process.versions.node,
      electron: this.#deps.electronVersion,
      appVersion: this.#deps.appVersion,
    });
  }

  checkCode(code: string): Promise<CodeCheck> {
    if (typeof code !== 'string') return Promise.resolve({ diagnostics: [], exports: [] });
    return checkCode(code);
  }

  async startRun(spec: unknown, meta: RunMeta = {}): Promise<StartRunResult> {
    const ticket = ++this.#starts;
    const outdated = (): StartRunResult | null =>
      this.#disposed
        ? refused('This session has ended.')
        : ticket !== this.#starts
          ? refused(
              'A newer run was requested in this tab before this one could start, so this one did not start.',
            )
          : null;
    const ended = outdated();
    if (ended) return ended;
    const validation = await validateRun(spec);
    if (!validation.ok) return outdated() ?? validation;
    const { run } = validation;
    // Only the newest call gets past each wait; the older ones stop here.
    if (outdated()) return outdated()!;
    await this.#stopActive();
    if (outdated()) return outdated()!;
    const runId = randomUUID();
    const runDir = join(this.#dir, `run-${runId}`);
    const module = await writeTaskModule(runDir, run.js);
    const late = outdated();
    if (late) {
      // After dispose() the whole folder goes (writing the module may have made it again).
      if (this.#disposed) removeOwnedTempDir(this.#dir);
      else rmSync(runDir, { recursive: true, force: true });
      return late;
    }
    // From here on nothing waits: reserving the workers and becoming the active run is one step.
    const reservation = this.#budget.reserve(workersNeeded(run));
    if (!reservation.ok) {
      rmSync(runDir, { recursive: true, force: true });
      return refused(reservation.message);
    }
    const active = this.#createRun(runId, run, meta, module.entryUrl);
    this.#active = active;
    const cleanUp = (): void => {
      reservation.release();
      if (this.#active === active) this.#active = null;
      rmSync(runDir, { recursive: true, force: true });
    };
    void active.finished.then(cleanUp, cleanUp);
    return { ok: true, runId };
  }

  #createRun(runId: string, run: PreparedRun, meta: RunMeta, moduleUrl: string): PlaygroundRun {
    const cwd = this.#workDir;
    const memoryLimit = memoryLimitOf(run.spec);
    const launcher = guardMemory(
      this.#deps.createLauncher({ env: workerEnvironment(cwd), cwd }),
      memoryLimit,
    );
    const createdAt = Date.now();
    return new PlaygroundRun({
      runId,
      spec: run.spec,
      inputs: run.inputs,
      initargs: run.initargs,
      taskCount: run.taskCount,
      moduleUrl,
      launcher,
      workerExecArgv: heapLimitArgs(memoryLimit),
      cpus: availableParallelism(),
      loadAverage: loadAverageNow(),
      send: this.#send,
      persist: (finished, outcome) => {
        const last = finished.recorder.events.at(-1);
        return this.#deps.store.saveRun({
          id: runId,
          name: meta.name?.trim() || runName(run.spec, outcome),
          createdAt,
          spec: run.spec,
          meta,
          outcome,
          wallMs: last?.type === 'run-finished' ? last.wallMs : null,
          taskCount: run.taskCount,
          workerCount: finished.recorder.workerPids.length,
          events: finished.recorder.events,
        });
      },
    });
  }

  get #budget(): WorkerBudget {
    return this.#deps.workers ?? processWorkerBudget();
  }

  stopRun(runId: string): Promise<void> {
    if (this.#active && this.#active.runId === runId) this.#active.stop();
    return Promise.resolve();
  }

  shutdownRun(runId: string): Promise<boolean> {
    const active = this.#active;
    return Promise.resolve(active !== null && active.runId === runId && active.shutdownNow());
  }

  loadWorkspace(): Promise<Workspace | null> {
    return this.#deps.store.loadWorkspace();
  }

  saveWorkspace(workspace: Workspace): Promise<void> {
    return this.#deps.store.saveWorkspace(workspace);
  }

  listRuns(): Promise<SavedRunSummary[]> {
    return this.#deps.store.listRuns();
  }

  getRun(id: string): Promise<SavedRun | null> {
    return this.#deps.store.getRun(id);
  }

  renameRun(id: string, name: string): Promise<void> {
    if (!isRunId(id) || typeof name !== 'string') return Promise.resolve();
    return this.#deps.store.renameRun(id, name.trim().slice(0, 200) || 'Untitled run');
  }

  deleteRun(id: string): Promise<void> {
    return this.#deps.store.deleteRun(id);
  }

  dataNotices(): Promise<DataNotice[]> {
    return Promise.resolve(this.#deps.store.notices());
  }

  dismissDataNotice(id: string): Promise<void> {
    this.#deps.store.dismissNotice(id);
    return Promise.resolve();
  }

  /** Wait for the active run (if any) to finish; used by tests and on shutdown. */
  async idle(): Promise<void> {
    await this.#active?.finished;
  }

  /** Stop any run and remove this client's temporary files. */
  async dispose(): Promise<void> {
    this.#disposed = true;
    await this.#stopActive();
    removeOwnedTempDir(this.#dir);
  }

  async #stopActive(): Promise<void> {
    const active = this.#active;
    if (!active) return;
    active.stop();
    await active.finished;
  }
}

function refused(message: string): StartRunResult {
  return { ok: false, diagnostics: [{ source: 'settings', message }] };
}

/** The most workers a run can have alive at once. */
function workersNeeded(run: PreparedRun): number {
  if (run.spec.mode === 'serial') return 1;
  return Math.min(run.spec.maxWorkers, run.taskCount);
}
