/**
 * Explains why a value cannot be structured-cloned, and where inside it the
 * problem sits, so the error a learner sees says `argument 0 .onDone is a
 * function` rather than a bare "could not be cloned". Used by both sides:
 * the parent for arguments, the worker for results and error properties.
 * Only ever called after a send has already failed, so speed does not matter.
 */
import { serialize } from 'node:v8';

export interface UnclonablePart {
  /** Where inside the value: '' for the value itself, else `.a[2].b`. */
  path: string;
  /** What it is, for the message: "a function", "a symbol", "a Promise". */
  what: string;
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  const type = typeof value;
  if (type === 'function') {
    const name = (value as { name?: string }).name;
    return name ? `a function (${name})` : 'a function';
  }
  if (type === 'symbol') return 'a symbol';
  if (type !== 'object') return `a ${type}`;
  const ctor = (value as object).constructor;
  return ctor && typeof ctor.name === 'string' && ctor.name ? `a ${ctor.name}` : 'an object';
}

function cloneable(value: unknown): boolean {
  try {
    serialize(value);
    return true;
  } catch {
    return false;
  }
}

/** The first part of `value` that cannot be cloned, or null if it all can. */
export function findUnclonable(value: unknown, depth = 0): UnclonablePart | null {
  if (typeof value === 'function' || typeof value === 'symbol') {
    return { path: '', what: describeValue(value) };
  }
  if (value === null || typeof value !== 'object' || cloneable(value)) return null;
  if (depth < 8) {
    const entries: [string, unknown][] =
      value instanceof Map
        ? [...value.entries()].map(([k, v]) => [`.get(${String(k)})`, v])
        : value instanceof Set
          ? [...value].map((v, i) => [`[set item ${i}]`, v])
          : Object.entries(value).map(([k, v]) => [Array.isArray(value) ? `[${k}]` : `.${k}`, v]);
    for (const [key, child] of entries) {
      const inner = findUnclonable(child, depth + 1);
      if (inner) return { path: key + inner.path, what: inner.what };
    }
  }
  return { path: '', what: describeValue(value) };
}

/** "argument 0 .cb is a function (onDone)" style phrase; null if it all clones. */
export function explainUnclonable(label: string, value: unknown): string | null {
  const part = findUnclonable(value);
  if (!part) return null;
  const where = part.path ? `${label} ${part.path}` : label;
  return `${where} is ${part.what}, which cannot be cloned`;
}
