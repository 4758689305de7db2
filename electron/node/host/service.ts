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
  CodeCheckOptions,
  DataNotice,
  PythonStatus,
  Diagnostic,
  HostInfo,
  PlaygroundApi,
  RunMeta,
  SavedRun,
  SavedRunSummary,
  StartRunResult,
  Workspace,
} from '../../../shared/api';
import type { RunEventBatch, RunOutcome } from '../../../shared/run-events';
import { runName } from '../../../shared/run-name';
import { memoryLimitOf, type RunSpec } from '../../../shared/run-spec';
import { checkAnyCode } from './check-any-code';
import { loadAverageNow } from './load-average';
import { pythonFor } from './interpreters';
import { describePython } from '../python';
import { guardMemory, heapLimitArgs } from './memory-guard';
import { compileProgram, programProblems } from '../program/compile-program';
import { ForkDriverLauncher, type DriverLauncher } from '../program/driver-launcher';
import { TypeScriptProgramRun } from '../program/program-run';
import { PythonProgramRun } from './python-run';
import type { RunRecorder } from './recorder';
import { PlaygroundRun } from './run';
import { isRunId, type Store } from './store';
import { writeTaskModule } from './task-files';
import { parseSpec, validateRun, type PreparedRun } from './validate';
import { validatePythonRun, type PreparedPythonRun } from './validate-python';
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
  /** How a whole TypeScript program's driver process is started (default: child_process.fork). */
  driverLauncher?: DriverLauncher;
}

export type ServiceApi = Omit<PlaygroundApi, 'onRunEvents'>;

/** A run in progress, whatever runs it. */
interface ActiveRun {
  readonly runId: string;
  /** Settles (never rejects) when the run is over and its processes are gone. */
  readonly finished: Promise<RunOutcome>;
  stop(): void;
  /**
   * Shutdown pressed: the run bar's own driver calls shutdown() now (true when
   * it did). Absent for a whole program and for CPython, whose code decides.
   */
  shutdownNow?(): boolean;
}

type Persist = (spec: RunSpec, recorder: RunRecorder, outcome: RunOutcome) => Promise<void>;

/** A run that passed its checks, ready to start. */
type Prepared =
  | { kind: 'pool'; run: PreparedRun }
  | { kind: 'python'; run: PreparedPythonRun }
  | { kind: 'program'; run: { spec: RunSpec; js: string } };

export class PlaygroundService implements ServiceApi {
  readonly #deps: HostDeps;
  readonly #send: (batch: RunEventBatch) => void;
  readonly #dir = makeOwnedTempDir(SESSION_TEMP_PREFIX);
  /** The workers' working directory: one per client, made once. */
  readonly #workDir = join(this.#dir, 'work');
  #active: ActiveRun | null = null;
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

  checkCode(code: string, options?: CodeCheckOptions): Promise<CodeCheck> {
    if (typeof code !== 'string') return Promise.resolve({ diagnostics: [], exports: [] });
    return checkAnyCode(code, options);
  }

  async pythonStatus(python: string | null): Promise<PythonStatus> {
    const found = await pythonFor(python);
    if (!found.ok) return found;
    const p = found.python;
    return {
      ok: true,
      name: describePython(p),
      version: p.version,
      build: p.build,
      gilEnabled: p.gilEnabled,
      executable: p.executable,
      startMethods: p.startMethods,
      defaultStartMethod: p.defaultStartMethod,
    };
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
    const validation = await prepare(spec);
    if (!validation.ok) return outdated() ?? validation;
    const { prepared } = validation;
    // Only the newest call gets past each wait; the older ones stop here.
    if (outdated()) return outdated()!;
    await this.#stopActive();
    if (outdated()) return outdated()!;
    const runId = randomUUID();
    const runDir = join(this.#dir, `run-${runId}`);
    const module = prepared.kind === 'pool' ? await writeTaskModule(runDir, prepared.run.js) : null;
    const late = outdated();
    if (late) {
      // After dispose() the whole folder goes (writing the module may have made it again).
      if (this.#disposed) removeOwnedTempDir(this.#dir);
      else rmSync(runDir, { recursive: true, force: true });
      return late;
    }
    // From here on nothing waits: reserving the workers and becoming the active run is one step.
    const reservation = this.#budget.reserve(workersNeeded(prepared));
    if (!reservation.ok) {
      rmSync(runDir, { recursive: true, force: true });
      return refused(reservation.message);
    }
    const persist = this.#persister(runId, meta);
    const active: ActiveRun =
      prepared.kind === 'pool'
        ? this.#createRun(runId, prepared.run, module!.entryUrl, persist)
        : prepared.kind === 'program'
          ? this.#createProgramRun(runId, runDir, prepared.run, reservation, persist)
          : new PythonProgramRun({
              runId,
              spec: prepared.run.spec,
              python: prepared.run.python,
              source: prepared.run.source,
              files: prepared.run.files,
              serial: prepared.run.serial,
              taskCount: prepared.run.taskCount,
              inputCount: prepared.run.inputCount,
              cpus: availableParallelism(),
              workers: reservation,
              memoryLimitMb: memoryLimitOf(prepared.run.spec),
              send: this.#send,
              persist: (recorder, outcome) => persist(prepared.run.spec, recorder, outcome),
            });
    this.#active = active;
    const cleanUp = (): void => {
      reservation.release();
      if (this.#active === active) this.#active = null;
      rmSync(runDir, { recursive: true, force: true });
    };
    void active.finished.then(cleanUp, cleanUp);
    return { ok: true, runId };
  }

  /** Saves a finished run to the history, with its whole log. */
  #persister(runId: string, meta: RunMeta): Persist {
    const createdAt = Date.now();
    return (spec, recorder, outcome) => {
      const last = recorder.events.at(-1);
      const started = recorder.events[0];
      return this.#deps.store.saveRun({
        id: runId,
        name: meta.name?.trim() || runName(spec, outcome, recorder.events),
        createdAt,
        spec,
        meta,
        outcome,
        wallMs: last?.type === 'run-finished' ? last.wallMs : null,
        taskCount: Math.max(
          started?.type === 'run-started' ? started.taskCount : 0,
          recorder.events.filter((e) => e.type === 'task-submitted').length,
        ),
        workerCount: new Set(
          recorder.events.flatMap((e) => (e.type === 'worker-spawned' && !e.thread ? [e.pid] : [])),
        ).size,
        events: recorder.events,
      });
    };
  }

  #createProgramRun(
    runId: string,
    runDir: string,
    run: { spec: RunSpec; js: string },
    workers: Extract<ReturnType<WorkerBudget['reserve']>, { ok: true }>,
    persist: Persist,
  ): TypeScriptProgramRun {
    mkdirSync(runDir, { recursive: true });
    const cwd = this.#workDir;
    return new TypeScriptProgramRun({
      runId,
      spec: run.spec,
      js: run.js,
      runDir,
      env: workerEnvironment(cwd) as Record<string, string>,
      cwd,
      launcher: this.#deps.driverLauncher ?? new ForkDriverLauncher(),
      cpus: availableParallelism(),
      workers,
      memoryLimitMb: memoryLimitOf(run.spec),
      send: this.#send,
      persist: (recorder, outcome) => persist(run.spec, recorder, outcome),
    });
  }

  #createRun(runId: string, run: PreparedRun, moduleUrl: string, persist: Persist): PlaygroundRun {
    const cwd = this.#workDir;
    const memoryLimit = memoryLimitOf(run.spec);
    const launcher = guardMemory(
      this.#deps.createLauncher({ env: workerEnvironment(cwd), cwd }),
      memoryLimit,
    );
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
      persist: (finished, outcome) => persist(run.spec, finished.recorder, outcome),
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
    return Promise.resolve(active !== null && active.runId === runId && (active.shutdownNow?.() ?? false));
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

/** Check a spec as its language and kind need. */
async function prepare(
  input: unknown,
): Promise<{ ok: true; prepared: Prepared } | { ok: false; diagnostics: Diagnostic[] }> {
  const parsed = parseSpec(input);
  if (!parsed.ok) return parsed;
  if (parsed.spec.language === 'python') {
    const python = await validatePythonRun(parsed.spec);
    return python.ok ? { ok: true, prepared: { kind: 'python', run: python.run } } : python;
  }
  if (parsed.spec.kind === 'program') {
    const compiled = await compileProgram(parsed.spec.code);
    const problems = programProblems(compiled);
    if (problems.length > 0 || !compiled.ok) return { ok: false, diagnostics: problems };
    return { ok: true, prepared: { kind: 'program', run: { spec: parsed.spec, js: compiled.js } } };
  }
  const pool = await validateRun(parsed.spec);
  return pool.ok ? { ok: true, prepared: { kind: 'pool', run: pool.run } } : pool;
}

/** The most workers a run can have alive at once (a Python run holds more as its process tree grows). */
function workersNeeded(prepared: Prepared): number {
  if (prepared.kind === 'python') return prepared.run.workersAtStart;
  if (prepared.kind === 'program') return 0;
  const { run } = prepared;
  if (run.spec.mode === 'serial') return 1;
  return Math.min(run.spec.maxWorkers, run.taskCount);
}
