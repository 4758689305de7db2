/**
 * One run of a whole TypeScript program, host side: start its driver process
 * (driver.ts), hand it the program, take in the log it records, and end the
 * run the way every run ends (run-end.ts). The driver and its workers count
 * against the host's worker cap as they come and go, and Stop ends the whole
 * tree (the driver's process group; under Electron, the driver, whose
 * workers never outlive it).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultWorkerScript } from '../../pool/parent/worker-script';
import type { RunEvent, RunEventBatch, RunOutcome } from '../../../shared/run-events';
import type { RunSpec } from '../../../shared/run-spec';
import { endGroup, GroupWatch, type GroupMember } from '../python/process-group';
import { heapLimitArgs } from '../host/memory-guard';
import type { RunRecorder } from '../host/recorder';
import { endRun, nodeRuntime } from '../host/run-end';
import { startRecording } from '../host/run-start';
import type { Reservation } from '../host/worker-budget';
import type { DriverHandle, DriverLauncher } from './driver-launcher';
import { driverMessageSchema, type EndedMessage } from './protocol';

/** After main() ended, how long the driver gets to exit by itself. */
const EXIT_GRACE_MS = 2_000;

export interface ProgramRunSetup {
  runId: string;
  spec: RunSpec;
  /** The bundled program (compile-program.ts). */
  js: string;
  /** The run's private folder (main.mjs goes here). */
  runDir: string;
  /** The driver's and the workers' environment and working folder. */
  env: Record<string, string>;
  cwd: string;
  launcher: DriverLauncher;
  cpus: number;
  workers: Extract<Reservation, { ok: true }>;
  memoryLimitMb: number | null;
  send: (batch: RunEventBatch) => void;
  persist(recorder: RunRecorder, outcome: RunOutcome): Promise<void>;
}

export class TypeScriptProgramRun {
  readonly runId: string;
  readonly recorder: RunRecorder;
  readonly finished: Promise<RunOutcome>;
  #driver: DriverHandle | null = null;
  #stopRequested = false;
  #limitMessage: string | null = null;
  #ended: EndedMessage | null = null;
  readonly #liveLanes = new Set<number>();
  readonly #pids = new Set<number>();
  #tasks = 0;

  constructor(setup: ProgramRunSetup) {
    this.runId = setup.runId;
    const { recorder, epoch } = startRecording({
      ...setup,
      taskCount: 0,
      inputCount: 0,
      runtime: nodeRuntime(),
    });
    this.recorder = recorder;
    this.finished = this.#run(setup, epoch);
  }

  stop(): void {
    if (this.#stopRequested) return;
    this.#stopRequested = true;
    this.recorder.recordNow({ type: 'stop-requested' });
    void this.#end();
  }

  async #run(setup: ProgramRunSetup, epoch: number): Promise<RunOutcome> {
    const modulePath = join(setup.runDir, 'main.mjs');
    await writeFile(modulePath, setup.js, { mode: 0o600 });
    let exitedAt = 0;
    let watch: GroupWatch | null = null;
    const exit = await new Promise<{ code: number | null; signal: string | null }>((resolve) => {
      const driver = setup.launcher.launch(
        { env: setup.env, cwd: setup.cwd, execArgv: heapLimitArgs(setup.memoryLimitMb) },
        {
          message: (message) => this.#onMessage(message, setup),
          output: (stream, text) => this.recorder.driver(text, stream),
          exit: (code, signal) => {
            exitedAt = performance.timeOrigin + performance.now();
            resolve({ code, signal });
          },
        },
      );
      this.#driver = driver;
      if (this.#stopRequested) void this.#end();
      driver.send({
        t: 'start',
        runId: setup.runId,
        epoch,
        moduleUrl: pathToFileURL(modulePath).href,
        workerScript: defaultWorkerScript(),
        workerEnv: setup.env,
        workerCwd: setup.cwd,
        memoryLimitMb: setup.memoryLimitMb,
      });
      // The whole tree, where the driver leads a group of its own: a fork bomb in main() counts too.
      if (driver.processGroup !== null)
        watch = new GroupWatch(driver.processGroup, (members) => this.#hold(setup, members.length - 1));
    });
    (watch as GroupWatch | null)?.stop();
    // Anything the program left behind in its group goes with it.
    let leftover: GroupMember[] = [];
    if (this.#driver?.processGroup) leftover = await endGroup(this.#driver.processGroup, 0);
    this.#closeLanes();

    const { outcome, message } = this.#outcome(exit);
    if (leftover.length > 0)
      this.recorder.recordNow({
        type: 'notice',
        text: `${leftover.length} process(es) of the program could not be ended.`,
        tone: 'warning',
      });
    if (message && outcome !== 'stopped')
      this.recorder.recordNow({ type: 'notice', text: message, tone: 'warning' });
    setup.workers.release();
    await endRun(
      this.recorder,
      {
        outcome,
        wallMs: Math.max(0, exitedAt - epoch),
        message,
        tasks: this.#tasks,
        workers: { pids: [...this.#pids] },
      },
      (outcome) => setup.persist(this.recorder, outcome),
    );
    return outcome;
  }

  #onMessage(raw: unknown, setup: ProgramRunSetup): void {
    const parsed = driverMessageSchema.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.t === 'ended') {
      this.#ended = message;
      // main() is over: the driver exits by itself, or is ended.
      setTimeout(() => void this.#end(), EXIT_GRACE_MS).unref();
      return;
    }
    for (const event of message.events as RunEvent[]) {
      this.#follow(event, setup);
      this.recorder.record(event);
    }
  }

  /** Lanes and tasks as they come: the worker cap (without a process group to watch) and the summary. */
  #follow(event: RunEvent, setup: ProgramRunSetup): void {
    if (event.type === 'task-submitted') this.#tasks++;
    else if (event.type === 'worker-spawned') {
      this.#pids.add(event.pid);
      this.#liveLanes.add(event.worker);
      if (this.#driver?.processGroup === null) this.#hold(setup, this.#liveLanes.size);
    } else if (event.type === 'worker-exited') this.#liveLanes.delete(event.worker);
  }

  #hold(setup: ProgramRunSetup, workers: number): void {
    const refused = setup.workers.resize(workers);
    if (!refused || this.#limitMessage !== null) return;
    const { total, inUseByOthers } = refused;
    this.#limitMessage =
      workers > total
        ? `The program started ${workers} processes besides its driver, more than the ${total} worker processes ` +
          'this host runs at once (--max-workers-total), so it was stopped: is something starting processes in a loop?'
        : `The program started ${workers} processes besides its driver, but this host runs at most ${total} worker ` +
          `processes at once across all its tabs and windows and ${inUseByOthers} are in use by other runs, ` +
          'so it was stopped. Use fewer workers, or stop a run in another tab.';
    void this.#end();
  }

  async #end(): Promise<void> {
    const driver = this.#driver;
    if (!driver) return;
    if (driver.processGroup !== null) {
      await endGroup(driver.processGroup, this.#stopRequested ? 300 : 0);
      return;
    }
    driver.kill('SIGTERM');
    setTimeout(() => driver.kill('SIGKILL'), 400).unref();
  }

  /** Lanes still open when the driver is gone ended with it. */
  #closeLanes(): void {
    const t = this.recorder.now();
    const reason = this.#stopRequested || this.#limitMessage !== null ? 'killed' : 'shutdown';
    for (const worker of this.#liveLanes) {
      this.recorder.record({
        type: 'worker-exited',
        worker,
        pid: null,
        code: null,
        signal: reason === 'killed' ? 'SIGTERM' : null,
        reason,
        t,
      });
    }
    this.#liveLanes.clear();
  }

  #outcome(exit: { code: number | null; signal: string | null }): { outcome: RunOutcome; message?: string } {
    if (this.#limitMessage !== null) return { outcome: 'error', message: this.#limitMessage };
    if (this.#stopRequested)
      return { outcome: 'stopped', message: 'Stopped: the program and its workers were ended.' };
    const ended = this.#ended;
    if (ended?.ok) return { outcome: 'ok' };
    if (ended?.error) {
      const { name, message, stack } = ended.error;
      if (stack) this.recorder.driver(stack, 'stderr');
      const line = /main\.ts:(\d+):\d+/.exec(stack)?.[1];
      const outcome: RunOutcome =
        name === 'BrokenProcessPool' ? 'broken' : name === 'TimeoutError' ? 'timeout' : 'error';
      return { outcome, message: `${name}: ${message}${line ? ` (line ${line})` : ''}` };
    }
    const how = exit.signal ? `was ended by ${exit.signal}` : `exited with code ${exit.code}`;
    return { outcome: 'error', message: `The driver process ${how} before main() returned.` };
  }
}
