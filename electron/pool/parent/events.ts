/**
 * The pool's lifecycle as a typed event stream, for the visualizer. Every
 * event carries `at`: ms since the epoch, sub-millisecond (see ../common/clock.ts).
 * Times stamped inside a worker (`started`, `finished`, a ready worker's
 * `at`) come from that worker's clock; the rest from the parent's.
 *
 * Events are only built when someone listens, so an unobserved pool pays
 * nothing for them.
 */

/** Why a worker process ended. */
export type WorkerExitReason =
  | 'recycled' // finished its maxTasksPerChild tasks
  | 'shutdown' // stopped by shutdown(), or because the pool broke
  | 'killed' // stopped by terminateWorkers() / killWorkers()
  | 'crash' // died unexpectedly: exit code, signal, process.exit() in a task
  | 'oom' // ran out of memory
  | 'init-failed'; // the task module failed to load or the initializer threw

export type TaskStatus = 'ok' | 'error' | 'cancelled';

export type PoolEvent =
  | {
      type: 'task-submitted';
      /** The task's id: the same as its Future's `id`. */
      task: number;
      fn: string;
      /** A single call's arguments (the live values; copy before keeping). */
      args?: readonly unknown[];
      /** A map chunk's items, one argument each. */
      items?: readonly unknown[];
      at: number;
    }
  | { type: 'task-dispatched'; task: number; worker: number; pid: number; at: number }
  /**
   * The task became the one its worker runs: at dispatch to an idle worker, or
   * when the task ahead of it on that worker finished. The exact worker-side
   * start time arrives with 'task-finished'.
   */
  | { type: 'task-started'; task: number; worker: number; pid: number; at: number }
  | {
      type: 'task-finished';
      /** The task's id: the same as its Future's `id`. */
      task: number;
      status: TaskStatus;
      /** Absent for a task cancelled before it reached a worker. */
      worker?: number;
      pid?: number;
      /** Worker-side start and end of the call. */
      started?: number;
      finished?: number;
      value?: unknown;
      error?: unknown;
      at: number;
    }
  | { type: 'worker-spawned'; worker: number; pid: number; at: number }
  | { type: 'worker-ready'; worker: number; pid: number; at: number }
  /** The worker ran the initializer before its first task (worker-side start and end); `ok` false if it raised. */
  | {
      type: 'worker-initialized';
      worker: number;
      pid: number;
      started: number;
      finished: number;
      ok: boolean;
      at: number;
    }
  | {
      type: 'worker-exited';
      worker: number;
      pid: number | null;
      code: number | null;
      signal: string | null;
      reason: WorkerExitReason;
      tasks: number;
      at: number;
    }
  | {
      type: 'console';
      worker: number;
      pid: number | null;
      /** The task that was running when it was written, if known. */
      task: number | null;
      stream: 'stdout' | 'stderr';
      text: string;
      /** True for output that bypassed the message channel (raw pipe). */
      raw: boolean;
      at: number;
    }
  | { type: 'pool-broken'; message: string; at: number };

export type PoolEventListener = (event: PoolEvent) => void;
