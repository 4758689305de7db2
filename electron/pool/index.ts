/**
 * The pool's public surface: a TypeScript port of Python's
 * concurrent.futures.ProcessPoolExecutor. How a task flows through it is
 * drawn at the top of executor.ts.
 */
export { ProcessPoolExecutor, type ProcessPoolExecutorOptions } from './executor';
export { Future, type AnyFuture, type FutureState, type TimeoutOptions } from './future';
export { asCompleted, type AsCompletedOptions } from './as-completed';
export {
  wait,
  FIRST_COMPLETED,
  FIRST_EXCEPTION,
  ALL_COMPLETED,
  type ReturnWhen,
  type WaitOptions,
  type DoneAndNotDone,
} from './wait';
export type { MapOptions } from './map-iterator';
export type { TaskRef } from './task-ref';
export {
  PoolError,
  CancelledError,
  TimeoutError,
  InvalidStateError,
  BrokenExecutor,
  BrokenProcessPool,
  RemoteTraceback,
  DataCloneError,
} from './errors';
export type { PoolEvent, PoolEventListener, TaskStatus, WorkerExitReason } from './events';
export type { WorkerLauncher, WorkerHandle, WorkerEvents, WorkerExit, WorkerLaunchOptions } from './launcher';
export type { ParentMessage, WorkerMessage } from './protocol';
export { ForkLauncher, type ForkLauncherOptions } from './fork-launcher';
export { WORKER_BUNDLE_NAME } from './worker-script';
