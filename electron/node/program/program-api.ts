/**
 * The pool a whole TypeScript program imports (`./pool`), as its driver
 * process sets it up: this app's ProcessPoolExecutor, whose workers import
 * the program itself (its exported functions are the tasks), start with the
 * run's scrubbed environment and memory cap, and report to the run log.
 *
 * The caller's side is recorded too: a task is delivered when the program
 * gets its outcome — from `result()` or `exception()`, as `asCompleted()`
 * hands it over, or done in what `wait()` returns (map() reads its results
 * with `result()`) — once, the first time.
 */
import {
  ALL_COMPLETED,
  asCompleted as poolAsCompleted,
  BrokenExecutor,
  BrokenProcessPool,
  CancelledError,
  DataCloneError,
  FIRST_COMPLETED,
  FIRST_EXCEPTION,
  Future,
  InvalidStateError,
  PoolError,
  ProcessPoolExecutor,
  RemoteTraceback,
  TimeoutError,
  wait as poolWait,
  type AnyFuture,
  type AsCompletedOptions,
  type ProcessPoolExecutorOptions,
  type WaitOptions,
  type WorkerLauncher,
} from '../../pool';
import type { ProgramRecorder } from './program-recorder';

export interface ProgramApiSetup {
  /** The program's own module: the workers' task module unless it names another. */
  moduleUrl: string;
  launcher: WorkerLauncher;
  workerExecArgv: string[];
  recorder: ProgramRecorder;
}

export interface ProgramApi {
  /** What `./pool` exports to the program. */
  exports: Record<string, unknown>;
  /** Like the end of a Python program: wait for every executor not shut down yet. */
  shutdownAll(): Promise<void>;
}

export function createProgramApi(setup: ProgramApiSetup): ProgramApi {
  const { recorder } = setup;
  const executors: { shutdownCalled: boolean; shutdown(options: { wait: boolean }): Promise<void> }[] = [];
  const deliver = (future: AnyFuture): void => recorder.deliveredOnce(future.id);
  trackDeliveries(deliver);

  class ProgramProcessPoolExecutor extends ProcessPoolExecutor {
    readonly #number: number;
    #shutdownCalled = false;

    constructor(options: Partial<ProcessPoolExecutorOptions> = {}) {
      const executor = executors.length + 1;
      const listener = options.onEvent;
      super({
        ...options,
        taskModule: options.taskModule ?? setup.moduleUrl,
        launcher: setup.launcher,
        workerExecArgv: [...setup.workerExecArgv, ...(options.workerExecArgv ?? [])],
        onEvent: (event) => {
          recorder.onExecutorEvent(executor, event);
          listener?.(event);
        },
      });
      this.#number = executor;
      executors.push(this);
      const initializer = options.initializer;
      recorder.recordNow({
        type: 'executor-created',
        executor,
        kind: 'process',
        maxWorkers: this.maxWorkers,
        startMethod: null,
        maxTasksPerChild: options.maxTasksPerChild ?? null,
        initializer: typeof initializer === 'function' ? initializer.name : (initializer ?? null),
      });
    }

    /** Shut down as the pool does; the first call is marked with what it cancelled and what ran on. */
    override async shutdown(options: { wait?: boolean; cancelFutures?: boolean } = {}): Promise<void> {
      if (this.#shutdownCalled) return super.shutdown(options);
      this.#shutdownCalled = true;
      const { wait = true, cancelFutures = false } = options;
      const open = recorder.openTasks(this.#number);
      const called = recorder.now();
      const done = super.shutdown(options);
      // Cancelling happens as the call begins; the tasks already handed to a worker run on.
      const cancelled = cancelFutures ? open.filter((task) => recorder.wasCancelled(task)) : [];
      const handedOver = cancelFutures ? open.filter((task) => !recorder.wasCancelled(task)) : [];
      recorder.record({ type: 'shutdown-called', wait, cancelFutures, cancelled, handedOver, t: called });
      try {
        await done;
      } finally {
        recorder.recordNow({ type: 'shutdown-returned' });
      }
    }

    get shutdownCalled(): boolean {
      return this.#shutdownCalled;
    }
  }

  async function* asCompleted<F extends AnyFuture>(
    futures: Iterable<F>,
    options?: AsCompletedOptions,
  ): AsyncGenerator<F> {
    for await (const future of poolAsCompleted(futures, options)) {
      deliver(future);
      yield future;
    }
  }

  async function wait<F extends AnyFuture>(futures: Iterable<F>, options?: WaitOptions) {
    const result = await poolWait(futures, options);
    for (const future of result.done) deliver(future);
    return result;
  }

  return {
    exports: {
      ProcessPoolExecutor: ProgramProcessPoolExecutor,
      Future,
      asCompleted,
      wait,
      FIRST_COMPLETED,
      FIRST_EXCEPTION,
      ALL_COMPLETED,
      PoolError,
      CancelledError,
      TimeoutError,
      InvalidStateError,
      BrokenExecutor,
      BrokenProcessPool,
      RemoteTraceback,
      DataCloneError,
    },
    async shutdownAll() {
      const open = executors.filter((executor) => !executor.shutdownCalled);
      await Promise.all(open.map((executor) => executor.shutdown({ wait: true })));
    },
  };
}

/** result() and exception() hand the caller a task's outcome: note it when they return. */
function trackDeliveries(deliver: (future: AnyFuture) => void): void {
  const { result, exception } = Future.prototype;
  Future.prototype.result = async function (this: AnyFuture, options) {
    try {
      const value: unknown = await result.call(this, options);
      deliver(this);
      return value;
    } catch (error) {
      if (this.done()) deliver(this);
      throw error;
    }
  };
  Future.prototype.exception = async function (this: AnyFuture, options) {
    try {
      const error = await exception.call(this, options);
      deliver(this);
      return error;
    } catch (error) {
      if (this.done()) deliver(this);
      throw error;
    }
  };
}
