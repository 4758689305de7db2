/**
 * What a whole TypeScript program imports from `./pool`, as the editor's
 * IntelliSense knows it: this app's ProcessPoolExecutor and friends (the
 * driver process gives the program the real ones; see
 * electron/node/program/pool-module.ts). A test type-checks the gallery's
 * programs against these declarations.
 */
export const POOL_MODULE_TYPES_PATH = 'file:///pool.d.ts';

export const POOL_MODULE_TYPES = `
/** A task function: exported from this file, so the worker processes can find it by name. */
type TaskFunction<A extends unknown[] = any[], R = unknown> = (...args: A) => R;

export interface ProcessPoolExecutorOptions {
  /** Most worker processes at once; default: the number of CPUs. */
  maxWorkers?: number;
  /** Runs once in each new worker process, before its first task. */
  initializer?: TaskFunction | string | null;
  initargs?: unknown[];
  /** A worker exits after this many tasks and is replaced when work remains. */
  maxTasksPerChild?: number | null;
}

export interface TimeoutOptions {
  /** Give up waiting after this many milliseconds (the work itself goes on). */
  timeoutMs?: number | null;
}

export type FutureState = 'PENDING' | 'RUNNING' | 'CANCELLED' | 'FINISHED';

/** The handle submit() returns (Python's concurrent.futures.Future). */
export declare class Future<R = unknown> {
  readonly id: number;
  readonly state: FutureState;
  /** Cancel if it has not started yet; true if it is (now) cancelled. */
  cancel(): boolean;
  cancelled(): boolean;
  running(): boolean;
  done(): boolean;
  /** The task's value; rejects with its error, CancelledError or TimeoutError. */
  result(options?: TimeoutOptions): Promise<R>;
  /** The task's error, or null when it succeeded. */
  exception(options?: TimeoutOptions): Promise<unknown>;
  addDoneCallback(callback: (future: Future<R>) => void): void;
}

export interface MapOptions extends TimeoutOptions {
  /** Items per task (default 1). */
  chunksize?: number;
  /** Keep at most this many tasks submitted ahead of the consumer. */
  buffersize?: number | null;
}

/**
 * Python's ProcessPoolExecutor, on real processes. \`await using executor = new
 * ProcessPoolExecutor(...)\` is Python's \`with\`: leaving the block awaits shutdown().
 */
export declare class ProcessPoolExecutor {
  constructor(options?: ProcessPoolExecutorOptions);
  readonly maxWorkers: number;
  /** PIDs of the worker processes alive now. */
  readonly pids: number[];
  /** Schedule fn(...args) on a worker process; returns its Future at once. */
  submit<A extends unknown[], R>(fn: TaskFunction<A, R>, ...args: A): Future<Awaited<R>>;
  submit(fn: string, ...args: unknown[]): Future<unknown>;
  /** fn(item) for each item, in parallel; results come back in input order. */
  map<T, R>(
    fn: TaskFunction<[T], R>,
    items: Iterable<T> | AsyncIterable<T>,
    options?: MapOptions,
  ): AsyncIterableIterator<Awaited<R>>;
  /** Stop taking work; with wait (the default), wait for it and for the workers to exit. */
  shutdown(options?: { wait?: boolean; cancelFutures?: boolean }): Promise<void>;
  /** Cancel what is queued and SIGTERM every worker. */
  terminateWorkers(): void;
  /** Cancel what is queued and SIGKILL every worker. */
  killWorkers(): void;
  [Symbol.asyncDispose](): Promise<void>;
}

/** Each future once, as it completes (already-done ones first). */
export declare function asCompleted<F extends Future<any>>(
  futures: Iterable<F>,
  options?: TimeoutOptions,
): AsyncIterableIterator<F>;

export declare const FIRST_COMPLETED: 'FIRST_COMPLETED';
export declare const FIRST_EXCEPTION: 'FIRST_EXCEPTION';
export declare const ALL_COMPLETED: 'ALL_COMPLETED';
export type ReturnWhen = typeof FIRST_COMPLETED | typeof FIRST_EXCEPTION | typeof ALL_COMPLETED;

/** Wait until some or all futures are done; never throws on timeout. */
export declare function wait<F extends Future<any>>(
  futures: Iterable<F>,
  options?: TimeoutOptions & { returnWhen?: ReturnWhen },
): Promise<{ done: Set<F>; notDone: Set<F> }>;

export declare class PoolError extends Error {}
export declare class CancelledError extends PoolError {}
export declare class TimeoutError extends PoolError {}
export declare class InvalidStateError extends PoolError {}
export declare class BrokenExecutor extends PoolError {}
/** A worker process died unexpectedly: the pool cannot run work any more. */
export declare class BrokenProcessPool extends BrokenExecutor {}
/** A task error's cause: the stack as the worker printed it. */
export declare class RemoteTraceback extends Error {
  readonly tb: string;
}
export declare class DataCloneError extends PoolError {}
`;
