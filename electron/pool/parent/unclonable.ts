/**
 * Why a task cannot be sent to a worker, when its arguments cannot be cloned:
 * the error its future fails with (R9 errors-and-clone), naming the argument
 * or map item and what inside it is the problem. Only called after a send
 * has failed, so the extra serialization costs nothing in the usual case.
 */
import { serialize } from 'node:v8';
import { explainUnclonable } from '../common/clone-check';
import { DataCloneError } from '../common/errors';
import { toWireTask, type WorkItem } from './work-item';

/** The error `item` fails with, or null when it can be sent after all. */
export function unclonableTaskError(item: WorkItem): DataCloneError | null {
  try {
    serialize(toWireTask(item));
    return null;
  } catch {
    const values = item.args ?? item.items ?? [];
    const label = item.args ? 'argument' : 'map item';
    const why =
      values.map((v, i) => explainUnclonable(`${label} ${i}`, v)).find(Boolean) ?? 'a value cannot be cloned';
    return new DataCloneError(
      `Cannot send ${item.fn}() to a worker process: ${why}. Arguments travel between processes ` +
        `by structured clone, as Python pickles them: pass plain data (numbers, strings, arrays, ` +
        `plain objects, Map, Set, Date, typed arrays).`,
    );
  }
}
