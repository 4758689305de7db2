/**
 * The playground as one client (a window, a browser tab) sees it: the
 * server side of PlaygroundApi, independent of the transport. Electron's
 * main process and the browser host each make one per client and forward
 * its run events. One run at a time per client: starting a new run stops
 * the previous one.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, platform, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorkerLauncher } from '../pool';
import type {
  CodeCheck,
  HostInfo,
  PlaygroundApi,
  RunMeta,
  SavedRun,
  SavedRunSummary,
  StartRunResult,
  Workspace,
} from '../../shared/api';
import type { RunEventBatch } from '../../shared/run-events';
import { checkCode } from './compile';
import { PlaygroundRun } from './run';
import { isRunId, type Store } from './store';
import { writeTaskModule } from './task-files';
import { validateRun } from './validate';
import { workerEnvironment } from './worker-env';

export interface HostDeps {
  kind: HostInfo['kind'];
  store: Store;
  /** How this host starts workers, given their environment and working directory. */
  createLauncher(options: { env: NodeJS.ProcessEnv; cwd: string }): WorkerLauncher;
  appVersion: string;
  electronVersion: string | null;
}

export type ServiceApi = Omit<PlaygroundApi, 'onRunEvents'>;

export class PlaygroundService implements ServiceApi {
  readonly #deps: HostDeps;
  readonly #send: (batch: RunEventBatch) => void;
  readonly #dir = mkdtempSync(join(tmpdir(), 'pool-playground-'));
  /** The workers' working directory: one per client, made once. */
  readonly #workDir = join(this.#dir, 'work');
  #active: PlaygroundRun | null = null;
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
    if (this.#disposed)
      return { ok: false, diagnostics: [{ source: 'settings', message: 'This session has ended.' }] };
    const validation = await validateRun(spec);
    if (!validation.ok) return validation;
    const { run } = validation;
    await this.#stopActive();

    const runId = randomUUID();
    const module = await writeTaskModule(join(this.#dir, `run-${runId}`), run.js);
    const cwd = this.#workDir;
    const launcher = this.#deps.createLauncher({ env: workerEnvironment(cwd), cwd });
    const createdAt = Date.now();
    const active = new PlaygroundRun({
      runId,
      spec: run.spec,
      inputs: run.inputs,
      initargs: run.initargs,
      taskCount: run.taskCount,
      moduleUrl: module.entryUrl,
      launcher,
      cpus: availableParallelism(),
      send: this.#send,
      persist: (finished, outcome) => {
        const last = finished.recorder.events.at(-1);
        return this.#deps.store.saveRun({
          id: runId,
          name: meta.name?.trim() || defaultRunName(run.spec),
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
    this.#active = active;
    void active.finished.then(() => {
      if (this.#active === active) this.#active = null;
      rmSync(join(this.#dir, `run-${runId}`), { recursive: true, force: true });
    });
    return { ok: true, runId };
  }

  stopRun(runId: string): Promise<void> {
    if (this.#active && this.#active.runId === runId) this.#active.stop();
    return Promise.resolve();
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

  /** Wait for the active run (if any) to finish; used by tests and on shutdown. */
  async idle(): Promise<void> {
    await this.#active?.finished;
  }

  /** Stop any run and remove this client's temporary files. */
  async dispose(): Promise<void> {
    this.#disposed = true;
    await this.#stopActive();
    rmSync(this.#dir, { recursive: true, force: true });
  }

  async #stopActive(): Promise<void> {
    const active = this.#active;
    if (!active) return;
    active.stop();
    await active.finished;
  }
}

function defaultRunName(spec: { fn: string; mode: string; maxWorkers: number; chunksize: number }): string {
  if (spec.mode === 'serial') return `${spec.fn} · serial baseline`;
  const workers = `${spec.maxWorkers} worker${spec.maxWorkers === 1 ? '' : 's'}`;
  const chunk = spec.mode === 'map' && spec.chunksize > 1 ? ` · chunksize ${spec.chunksize}` : '';
  return `${spec.fn} · ${spec.mode} · ${workers}${chunk}`;
}
