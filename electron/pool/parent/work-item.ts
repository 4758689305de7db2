/** A unit of work as the executor keeps it: a single call or a map chunk, and its Future. */
import type { WireTask } from '../common/protocol';
import type { Future } from './future';

export interface WorkItem {
  readonly id: number;
  readonly fn: string;
  /** A single call's arguments. */
  readonly args?: unknown[];
  /** A map chunk's items, one argument each. */
  readonly items?: unknown[];
  readonly future: Future<unknown>;
}

/** How a finished item ended: its value, or what it failed with. */
export type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export function toWireTask(item: WorkItem): WireTask {
  return item.args !== undefined
    ? { id: item.id, fn: item.fn, args: item.args }
    : { id: item.id, fn: item.fn, items: item.items! };
}
