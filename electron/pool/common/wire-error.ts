/**
 * Errors cross the process boundary flattened (`WireError`) and are rebuilt
 * in the parent: same name, message and own properties, with the worker's
 * stack kept as a `RemoteTraceback` cause. The class itself cannot travel
 * (the parent never runs user code), so a custom class arrives as an `Error`
 * whose `name` is the class name; built-in classes are rebuilt as themselves.
 */
import { findUnclonable } from './clone-check';
import { DataCloneError, RemoteTraceback } from './errors';
import type { WireError } from './protocol';

const BUILTIN: Record<string, new (message: string) => Error> = {
  Error,
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
  DataCloneError,
};

/** Errors made by fromWireError(): their stack is re-captured for the caller. */
const rebuilt = new WeakSet<Error>();

export function isRebuiltError(error: Error): boolean {
  return rebuilt.has(error);
}

const SKIPPED_PROPS = new Set(['name', 'message', 'stack']);

/** Worker side: flatten whatever a task threw. */
export function toWireError(thrown: unknown): WireError {
  if (!(thrown instanceof Error)) {
    const text = typeof thrown === 'string' ? thrown : safeString(thrown);
    return {
      name: 'Error',
      message: `task threw a non-Error value: ${text}`,
      stack: `Error: task threw a non-Error value: ${text}\n    (throw an Error to get a stack trace)`,
      props: { thrown: findUnclonable(thrown) ? text : thrown },
    };
  }
  const props: Record<string, unknown> = {};
  const unclonable: Record<string, string> = {};
  for (const key of Object.keys(thrown)) {
    if (SKIPPED_PROPS.has(key)) continue;
    const value = (thrown as unknown as Record<string, unknown>)[key];
    if (key === 'cause') continue;
    const bad = findUnclonable(value);
    if (bad) unclonable[key] = `${bad.path ? `.${key}${bad.path}` : `.${key}`} is ${bad.what}`;
    else props[key] = value;
  }
  let stack = thrown.stack ?? `${thrown.name}: ${thrown.message}`;
  const cause = thrown.cause;
  if (cause !== undefined) {
    stack += `\n[cause]: ${cause instanceof Error ? (cause.stack ?? String(cause)) : safeString(cause)}`;
  }
  const wire: WireError = { name: thrown.name, message: thrown.message, stack, props };
  if (Object.keys(unclonable).length > 0) wire.unclonable = unclonable;
  return wire;
}

function safeString(value: unknown): string {
  try {
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** Parent side: rebuild the error a future rejects with. */
export function fromWireError(wire: WireError, fnLabel: string): Error {
  let error: Error;
  if (wire.unclonable) {
    const parts = Object.values(wire.unclonable).join('; ');
    error = new DataCloneError(
      `${fnLabel} failed with ${wire.name}: ${wire.message} — but the error could not be sent back ` +
        `whole: ${parts}, which cannot be cloned. Give errors plain-data properties.`,
    );
  } else {
    const Ctor = BUILTIN[wire.name] ?? Error;
    error = new Ctor(wire.message);
    if (error.name !== wire.name) {
      Object.defineProperty(error, 'name', {
        value: wire.name,
        writable: true,
        configurable: true,
        enumerable: false,
      });
    }
    Object.assign(error, wire.props);
  }
  Object.defineProperty(error, 'cause', {
    value: new RemoteTraceback(wire.stack),
    writable: true,
    configurable: true,
    enumerable: false,
  });
  rebuilt.add(error);
  return error;
}
