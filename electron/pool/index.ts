/**
 * The pool's public surface: a TypeScript port of Python's
 * concurrent.futures.ProcessPoolExecutor. What runs where, how a task flows
 * through it and the rules it keeps are in README.md beside this file.
 */
export { ProcessPoolExecutor, type ProcessPoolExecutorOptions } from './parent/executor';
export { Future, type AnyFuture, type FutureState, type TimeoutOptions } from './parent/future';
export { asCompleted, type AsCompletedOptions } from './parent/as-completed';
export {
  wait,
  FIRST_COMPLETED,
  FIRST_EXCEPTION,
  ALL_COMPLETED,
  type ReturnWhen,
  type WaitOptions,
  type DoneAndNotDone,
} from './parent/wait';
export type { MapOptions } from './parent/map-iterator';
export type { TaskRef } from './parent/task-ref';
export {
  PoolError,
  CancelledError,
  TimeoutError,
  InvalidStateError,
  BrokenExecutor,
  BrokenProcessPool,
  RemoteTraceback,
  DataCloneError,
} from './common/errors';
export type { PoolEvent, PoolEventListener, TaskStatus, WorkerExitReason } from './parent/events';
export type {
  WorkerLauncher,
  WorkerHandle,
  WorkerEvents,
  WorkerExit,
  WorkerLaunchOptions,
} from './parent/launcher';
export type { ParentMessage, WorkerMessage } from './common/protocol';
export { ForkLauncher, type ForkLauncherOptions } from './parent/fork-launcher';
export { WORKER_BUNDLE_NAME } from './parent/worker-script';
