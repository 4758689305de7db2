/**
 * The executor's error classes, named after their CPython counterparts so a
 * learner can map `except BrokenProcessPool:` to `instanceof BrokenProcessPool`.
 */

/** Base of the pool's own errors, so callers can tell them from task errors. */
export class PoolError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The future was cancelled before it ran. */
export class CancelledError extends PoolError {
  constructor(message = 'the future was cancelled') {
    super(message);
  }
}

/** A deadline (`timeoutMs`) passed; the work itself keeps going. */
export class TimeoutError extends PoolError {}

/** An operation does not fit the future's state (e.g. setting a result twice). */
export class InvalidStateError extends PoolError {}

/** The executor can no longer run work. */
export class BrokenExecutor extends PoolError {}

/** A worker process died unexpectedly (or failed to start): the pool is unusable. */
export class BrokenProcessPool extends BrokenExecutor {}

/**
 * The worker-side stack of a task error, attached as the rebuilt error's
 * `cause` (CPython attaches `_RemoteTraceback` as `__cause__` the same way).
 */
export class RemoteTraceback extends Error {
  /** The stack text as the worker printed it. */
  readonly tb: string;
  constructor(tb: string) {
    super(tb);
    this.name = 'RemoteTraceback';
    this.tb = tb;
    // Printing this error should show the remote stack, not where we rebuilt it.
    this.stack = `RemoteTraceback:\n"""\n${tb}\n"""`;
  }
}

/**
 * A value could not cross the process boundary: an argument, a result or a
 * property of a thrown error is not structured-cloneable (functions, symbols,
 * class instances holding either, sockets…). Fails that one future only.
 */
export class DataCloneError extends PoolError {}
