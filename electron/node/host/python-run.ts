/**
 * One run under the learner's CPython: a whole program as written, or task
 * functions driven by the generated program the run bar stands for. The
 * runner (electron/node/python) starts it in its own process group and
 * streams what the tracer saw; PythonRunLog turns that into the run's log.
 *
 * The program's process tree counts against the host's worker cap as it
 * grows (every process of its group but the program itself), and a tree that
 * passes the cap is ended with a message that says so.
 */
import {
  describePython,
  NOTHING_TO_TRACE,
  runPython,
  type PythonInterpreter,
  type PythonRun,
} from '../python';
import type { GroupMember } from '../python';
import type { RunEventBatch, RunOutcome, RuntimeInfo } from '../../../shared/run-events';
import type { RunSpec } from '../../../shared/run-spec';
import { PythonRunLog } from './python-log';
import type { RunRecorder } from './recorder';
import { OUTPUT_CHAR_LIMIT, OUTPUT_LINE_LIMIT } from './recorder';
import { endRun } from './run-end';
import { startRecording } from './run-start';
import type { Reservation } from './worker-budget';

export interface PythonRunSetup {
  runId: string;
  spec: RunSpec;
  python: PythonInterpreter;
  /** main.py as it runs: the learner's program, or the generated driver of their tasks. */
  source: string;
  /** More files beside it (tasks.py in task mode). */
  files?: Record<string, string>;
  /** The serial baseline's task function ("tasks.<fn>"), traced call by call. */
  serial?: string;
  /** Known in task mode (the run bar's inputs); 0 for a whole program, counted as it goes. */
  taskCount: number;
  inputCount: number;
  cpus: number;
  /** The workers this run holds of the host's cap; resized as the program's processes come and go. */
  workers: Extract<Reservation, { ok: true }>;
  memoryLimitMb: number | null;
  send: (batch: RunEventBatch) => void;
  persist(recorder: RunRecorder, outcome: RunOutcome): Promise<void>;
}

export class PythonProgramRun {
  readonly runId: string;
  readonly recorder: RunRecorder;
  /** Settles (never rejects) when the run is over and no process of it is left. */
  readonly finished: Promise<RunOutcome>;
  readonly #run: PythonRun;
  readonly #log: PythonRunLog;
  #stopRequested = false;

  constructor(setup: PythonRunSetup) {
    this.runId = setup.runId;
    const { recorder, epoch } = startRecording({ ...setup, runtime: runtimeOf(setup.python) });
    this.recorder = recorder;
    this.#log = new PythonRunLog(this.recorder, () => this.#run.pid);
    this.#run = runPython({
      python: setup.python,
      source: setup.source,
      fileName: 'main.py',
      files: setup.files,
      serial: setup.serial,
      syntaxChecked: true,
      onEvent: (event) => this.#log.push(event),
      onProcessCount: (members) => this.#holdWorkers(setup, members),
      memoryLimitMb: setup.memoryLimitMb ?? undefined,
      outputLineLimit: OUTPUT_LINE_LIMIT,
      outputCharLimit: OUTPUT_CHAR_LIMIT,
    });
    this.finished = this.#finish(setup, epoch);
  }

  /** Stop: end the program and every process it started (the whole process group). */
  stop(): void {
    if (this.#stopRequested) return;
    this.#stopRequested = true;
    this.recorder.recordNow({ type: 'stop-requested' });
    void this.#run.stop();
  }

  /** Every process of the program's group but the program itself is a worker of the host's cap. */
  #holdWorkers(setup: PythonRunSetup, members: GroupMember[]): void {
    const workers = Math.max(0, members.length - 1);
    const refused = setup.workers.resize(workers);
    if (!refused) return;
    const { total, inUseByOthers } = refused;
    void this.#run.limit(
      workers > total
        ? `The program started ${workers} processes besides itself, more than the ${total} worker processes ` +
            'this host runs at once (--max-workers-total), so it was stopped: is something starting processes in a loop?'
        : `The program started ${workers} processes besides itself, but this host runs at most ${total} worker ` +
            `processes at once across all its tabs and windows and ${inUseByOthers} are in use by other runs, ` +
            'so it was stopped. Use fewer workers, or stop a run in another tab.',
    );
  }

  async #finish(setup: PythonRunSetup, epoch: number): Promise<RunOutcome> {
    const result = await this.#run.finished;
    const recorder = this.recorder;
    const endedAt =
      result.startedAt === null
        ? performance.timeOrigin + performance.now()
        : result.startedAt + result.wallMs;
    this.#log.closeLanes(
      result.outcome === 'stopped' || result.outcome === 'process-limit' ? 'stop' : 'exit',
      endedAt,
    );
    const notice = (text: string, tone: 'info' | 'warning' = 'info'): void =>
      recorder.recordNow({ type: 'notice', text, tone });
    if (result.note === NOTHING_TO_TRACE) notice(result.note);
    if (result.strays.length > 0 && result.message) notice(result.message, 'warning');
    if (result.leftover.length > 0 && result.outcome !== 'stopped')
      notice(`${result.leftover.length} process(es) of the program could not be ended.`, 'warning');

    let outcome: RunOutcome;
    let message = result.message ?? undefined;
    switch (result.outcome) {
      case 'ok':
        outcome = 'ok';
        message = undefined;
        break;
      case 'stopped':
        outcome = 'stopped';
        break;
      case 'error': {
        const type = this.#log.uncaught?.type ?? '';
        outcome = /BrokenProcessPool$/.test(type)
          ? 'broken'
          : /TimeoutError$/.test(type)
            ? 'timeout'
            : 'error';
        break;
      }
      default:
        outcome = 'error';
    }
    if (message && outcome !== 'ok' && outcome !== 'stopped') notice(message, 'warning');
    setup.workers.release();
    const wallMs = Math.max(0, endedAt - epoch);
    await endRun(
      recorder,
      {
        outcome,
        wallMs,
        message,
        tasks: Math.max(setup.taskCount, this.#log.taskCount),
        workers: { pids: this.#log.workerPids, threads: this.#log.threadCount },
      },
      (outcome) => setup.persist(recorder, outcome),
    );
    return outcome;
  }
}

export function runtimeOf(python: PythonInterpreter): RuntimeInfo {
  return {
    language: 'python',
    name: describePython(python),
    version: python.version,
    build: python.build,
    gilEnabled: python.gilEnabled,
  };
}
