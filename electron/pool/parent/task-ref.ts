/**
 * A task function is named, never shipped: like Python pickling a function by
 * its qualified name, only the name travels and the worker looks it up among
 * the task module's exports.
 */
import { describeValue } from '../common/clone-check';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- task functions take anything
export type TaskRef = string | ((...args: any[]) => unknown);

/** The name a TaskRef travels as; '' for an anonymous function. Throws for non-TaskRefs. */
export function taskName(ref: unknown, what = 'fn'): string {
  if (typeof ref === 'string') {
    if (ref.length === 0) throw new TypeError(`${what} must name an exported task function, got ''`);
    return ref;
  }
  if (typeof ref === 'function') return ref.name;
  throw new TypeError(
    `${what} must be an exported task function or its name (a TaskRef), got ${describeValue(ref)}`,
  );
}

export function anonymousFunctionMessage(): string {
  return (
    'Cannot send an anonymous function to a worker process. Task functions travel by name, as ' +
    'Python pickles functions by their qualified name, so lambdas and closures cannot be sent: ' +
    'export a named function from the task module and pass it (or its name).'
  );
}
