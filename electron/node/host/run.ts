/**
 * One run of the playground: a fresh pool (fresh processes, like a fresh
 * `with ProcessPoolExecutor(...)` block), the driver for the chosen mode,
 * and a recorder. Ends with a summary line and a `run-finished` event,
 * whatever happens: success, a task error, a broken pool, a timeout, Stop.
 */
import { BrokenProcessPool, ProcessPoolExecutor, TimeoutError, type WorkerLauncher } from '../../pool';
import { formatValue } from '../../../shared/format-value';
import type { RunEventBatch, RunOutcome } from '../../../shared/run-events';
import type { RunSpec } from '../../../shared/run-spec';
import { CallerShutdown } from './caller-shutdown';
import { DRIVERS } from './drivers';
import type { RunRecorder } from './recorder';
import { errorInfo } from './recorder';
import { endRun, nodeRuntime } from './run-end';
import { startRecording } from './run-start';

/** After Stop's SIGTERM, wait this long before SIGKILL. */
const STOP_GRACE_MS = 400;

export interface RunSetup {
  runId: string;
  spec: RunSpec;
  inputs: unknown[];
  initargs: unknown[];
  taskCount: number;
  moduleUrl: string;
  launcher: WorkerLauncher;
  /** Node flags for every worker (the heap cap). */
  workerExecArgv: string[];
  cpus: number;
  /** The machine's 1-minute load average as the run starts (null where there is none). */
  loadAverage: number | null;
  send: (batch: RunEventBatch) => void;
  /** Called with the complete log before the run's end reaches the UI (saves it to the history). */
  persist(run: PlaygroundRun, outcome: RunOutcome): Promise<void>;
}

export class PlaygroundRun {
  readonly runId: string;
  readonly recorder: RunRecorder;
  /** Settles (never rejects) when the run is over and every worker has exited. */
  readonly finished: Promise<RunOutcome>;
  #executor: ProcessPoolExecutor | null = null;
  #shutdown: CallerShutdown | null = null;
  #stopRequested = false;
  #finishedRun = false;

  constructor(setup: RunSetup) {
    this.runId = setup.runId;
    const { recorder, epoch } = startRecording({
      ...setup,
      inputCount: setup.inputs.length,
      runtime: nodeRuntime(),
    });
    this.recorder = recorder;
    this.finished = this.#run(setup, epoch);
  }

  /** Stop: terminate the workers now, kill any that linger. */
  stop(): void {
    if (this.#stopRequested) return;
    this.#stopRequested = true;
    this.recorder.recordNow({ type: 'stop-requested' });
    const executor = this.#executor;
    if (!executor) return;
    executor.terminateWorkers();
    setTimeout(() => executor.killWorkers(), STOP_GRACE_MS).unref();
  }

  /**
   * Shutdown: the caller calls shutdown(wait, cancel_futures) with the run's
   * settings now, as another thread of the program would. False when there is
   * no pool to shut down (the serial baseline) or the run is over.
   */
  shutdownNow(): boolean {
    if (!this.#shutdown || this.#stopRequested || this.#finishedRun) return false;
    void this.#shutdown.now('button');
    return true;
  }

  async #run(setup: RunSetup, epoch: number): Promise<RunOutcome> {
    const { spec } = setup;
    const recorder = this.recorder;
    let outcome: RunOutcome = 'ok';
    let message: string | undefined;
    const executor = new ProcessPoolExecutor({
      taskModule: setup.moduleUrl,
      maxWorkers: spec.mode === 'serial' ? 1 : spec.maxWorkers,
      initializer: spec.initializer,
      initargs: setup.initargs,
      maxTasksPerChild: spec.maxTasksPerChild,
      launcher: setup.launcher,
      workerExecArgv: setup.workerExecArgv,
      onEvent: (e) => recorder.onPoolEvent(e),
    });
    this.#executor = executor;
    const shutdown = new CallerShutdown(executor, recorder, spec.shutdown);
    // The serial baseline is the built-in map(): there is no pool to shut down.
    if (spec.mode !== 'serial') this.#shutdown = shutdown;
    try {
      if (this.#stopRequested) throw new StoppedError();
      await DRIVERS[spec.mode]({
        executor,
        recorder,
        fn: spec.fn,
        inputs: setup.inputs,
        chunksize: spec.chunksize,
        timeoutMs: spec.timeoutSec === null ? null : spec.timeoutSec * 1000,
        shutdown,
      });
    } catch (error) {
      if (this.#stopRequested || error instanceof StoppedError) {
        outcome = 'stopped';
        message = 'Stopped: the workers were terminated.';
      } else {
        outcome =
          error instanceof BrokenProcessPool ? 'broken' : error instanceof TimeoutError ? 'timeout' : 'error';
        const info = errorInfo(error);
        if (error instanceof TimeoutError && spec.timeoutSec !== null) {
          info.message = timeoutMessage(spec.timeoutSec, spec.mode);
        }
        message = `${info.name}: ${info.message}`;
        if (error instanceof TimeoutError) recorder.recordNow({ type: 'timed-out', message: info.message });
        // Printed once: the worker's traceback starts with the same "Name: message" line.
        if (info.remoteStack) {
          recorder.driver('Traceback (the driver stopped here):', 'stderr');
          recorder.driver(info.remoteStack, 'stderr');
        } else {
          recorder.driver(`Traceback (the driver stopped here): ${message}`, 'stderr');
        }
      }
    }
    // Like leaving a `with` block: wait for the work already started, then the workers' exit.
    if (outcome === 'error' || outcome === 'timeout') {
      recorder.driver(
        'Waiting for the tasks still running, as leaving a with-block does (Stop ends them now)…',
      );
    }
    await executor.shutdown({ wait: true });
    // Also waits for a shutdown the learner started with the button (it has returned by now).
    await shutdown.settled();
    this.#finishedRun = true;
    if (this.#stopRequested && outcome === 'ok') {
      outcome = 'stopped';
      message = 'Stopped: the workers were terminated.';
    }
    const wallMs = performance.timeOrigin + performance.now() - epoch;
    await endRun(
      recorder,
      { outcome, wallMs, message, tasks: setup.taskCount, workers: { pids: recorder.workerPids } },
      (outcome) => setup.persist(this, outcome),
    );
    return outcome;
  }
}

class StoppedError extends Error {}

/** The caller's deadline passed: said in seconds, as the app shows every time. */
function timeoutMessage(timeoutSec: number, mode: RunSpec['mode']): string {
  const what = mode === 'map' ? 'map() did not deliver every result' : 'not every result reached the caller';
  return `${what} within the ${formatValue(timeoutSec)} s timeout; the tasks still running go on`;
}
