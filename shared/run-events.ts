/**
 * The record of one run: an ordered log of events, kept complete by the host
 * ("record first, then draw"). The live view, the terminal, the status bar,
 * replay, comparison and trace export all fold this same log (run-model.ts).
 *
 * `t` is milliseconds since the run started (the host's clock at the moment
 * it created the pool). Values are previews (strings): the renderer never
 * sees user objects, only how they print.
 */
import type { RunSpec } from './run-spec';

export type WorkerExitReason = 'recycled' | 'shutdown' | 'killed' | 'crash' | 'oom' | 'init-failed';
export type TaskStatus = 'ok' | 'error' | 'cancelled';
export type RunOutcome = 'ok' | 'error' | 'stopped' | 'broken' | 'timeout';

/**
 * What ran the code: its language and runtime, as the run bar showed it. A
 * whole program may run under the learner's CPython; task-mode TypeScript
 * runs under the host's Node.
 */
export interface RuntimeInfo {
  language: 'typescript' | 'python';
  /** "Python 3.11.7 (CPython, GIL)", "Node 20.19.0". */
  name: string;
  version: string;
  /** Python: a standard build (one thread runs Python code at a time) or a free-threaded one. */
  build?: 'GIL' | 'free-threaded';
  /** Python: whether the GIL was on during the run (a free-threaded build can re-enable it). */
  gilEnabled?: boolean;
}

/** A worker lane that is a thread of a ThreadPoolExecutor (one PID, several threads). */
export interface ThreadLane {
  /** 1 for the executor's first thread, 2 for the next… */
  ordinal: number;
  /** The thread's name, e.g. `ThreadPoolExecutor-0_1`. */
  name: string;
}

export interface ErrorInfo {
  name: string;
  message: string;
  /** The worker-side stack (user's file and lines), when there is one. */
  remoteStack?: string;
}

export type RunEvent =
  | {
      type: 'run-started';
      runId: string;
      spec: RunSpec;
      /** Epoch ms at t = 0. */
      epoch: number;
      cpus: number;
      /**
       * The host's 1-minute load average when the run started: how many processes
       * wanted a CPU, on average, over the last minute. Null where the system
       * reports none (Windows); absent in runs recorded before it was kept.
       */
      loadAverage?: number | null;
      /** Number of tasks the driver will submit (map: chunks). */
      taskCount: number;
      inputCount: number;
      /** What ran it (absent in runs recorded before it was kept). */
      runtime?: RuntimeInfo;
      t: 0;
    }
  /**
   * A whole program created an executor. Programs can create several; task
   * mode has one and does not send this. `executor` numbers them from 1.
   */
  | {
      type: 'executor-created';
      executor: number;
      kind: 'process' | 'thread';
      maxWorkers: number | null;
      /** Python's start method (fork, spawn, forkserver); null for threads and Node. */
      startMethod: string | null;
      maxTasksPerChild: number | null;
      initializer: string | null;
      t: number;
    }
  | {
      type: 'worker-spawned';
      worker: number;
      pid: number;
      /** Which executor it belongs to (programs with several). */
      executor?: number;
      /** Set when the lane is a thread inside `pid` rather than a process of its own. */
      thread?: ThreadLane;
      t: number;
    }
  | { type: 'worker-ready'; worker: number; pid: number; t: number }
  | {
      type: 'worker-exited';
      worker: number;
      pid: number | null;
      code: number | null;
      signal: string | null;
      reason: WorkerExitReason;
      t: number;
    }
  | {
      type: 'task-submitted';
      task: number;
      fn: string;
      /** `fn(arg)` as the timeline labels it. */
      label: string;
      /** Position of the (first) input in the inputs list. */
      index: number;
      /** How many inputs this task carries (map chunks > 1). */
      items: number;
      args: string;
      /** Which executor it was submitted to (programs with several). */
      executor?: number;
      t: number;
    }
  | { type: 'task-dispatched'; task: number; worker: number; pid: number; t: number }
  | { type: 'task-started'; task: number; worker: number; pid: number; t: number }
  | {
      type: 'task-finished';
      task: number;
      status: TaskStatus;
      worker: number | null;
      pid: number | null;
      /** Worker-side start and end of the call (absent when it never ran). */
      started: number | null;
      finished: number | null;
      result?: string;
      error?: ErrorInfo;
      t: number;
    }
  /** The driver loop (the caller) received this task's outcome: `order` counts deliveries. */
  | { type: 'task-delivered'; task: number; order: number; t: number }
  | {
      type: 'output';
      worker: number | null;
      pid: number | null;
      task: number | null;
      stream: 'stdout' | 'stderr';
      text: string;
      t: number;
    }
  /** Output was cut off after the per-run limit; `dropped` lines so far. */
  | { type: 'output-truncated'; dropped: number; t: number }
  /**
   * Something the learner should know about the run itself rather than a line
   * anyone printed: a program that created no pool, processes it left running,
   * a problem of the tracing.
   */
  | { type: 'notice'; text: string; tone: 'info' | 'warning'; t: number }
  /** A line the driver program prints (its `console.log` / Python's `print`). */
  | { type: 'driver'; text: string; stream: 'stdout' | 'stderr'; t: number }
  | { type: 'pool-broken'; message: string; t: number }
  /** A worker ran the initializer before its first task: worker-side start and end. */
  | {
      type: 'worker-initialized';
      worker: number;
      pid: number;
      started: number;
      finished: number;
      ok: boolean;
      t: number;
    }
  /** The caller set a deadline for collecting results (the timeout): `due` is when it falls due. */
  | { type: 'deadline-set'; due: number; t: number }
  /** The deadline passed before every result reached the caller: TimeoutError in the caller. */
  | { type: 'timed-out'; message: string; t: number }
  /** The learner pressed Stop. */
  | { type: 'stop-requested'; t: number }
  /**
   * The driver called shutdown(wait, cancel_futures). `cancelled`: the tasks it
   * cancelled (still waiting in the queue); `handedOver`: those already handed
   * to a worker, which run on as CPython's do.
   */
  | {
      type: 'shutdown-called';
      wait: boolean;
      cancelFutures: boolean;
      cancelled: number[];
      handedOver: number[];
      t: number;
    }
  /** shutdown() returned to the caller. */
  | { type: 'shutdown-returned'; t: number }
  | {
      type: 'run-finished';
      outcome: RunOutcome;
      /** What went wrong, for the status bar and terminal (outcome other than ok). */
      message?: string;
      wallMs: number;
      t: number;
    };

export type RunEventType = RunEvent['type'];

/** Events travel in batches (every few tens of ms) so a fast run cannot flood the UI. */
export interface RunEventBatch {
  runId: string;
  events: RunEvent[];
}
