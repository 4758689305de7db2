/**
 * How values print in the terminal and the timeline: like `console.log`
 * (and close to Python's `print`): a top-level string prints as itself,
 * nested strings are quoted, long values are cut with an ellipsis.
 */

export interface FormatOptions {
  /** Cut the text at about this many characters. */
  maxLength?: number;
  /** A string at the top level prints without quotes (as print() does). */
  bareStrings?: boolean;
}

const MAX_ITEMS = 50;
const MAX_DEPTH = 4;

export function formatValue(value: unknown, options: FormatOptions = {}): string {
  const { maxLength = 300, bareStrings = true } = options;
  const text = bareStrings && typeof value === 'string' ? value : format(value, 0, new Set<object>());
  return truncate(text, maxLength);
}

/** `fn(arg1, arg2)` — the label of a task bar. */
export function formatCall(fn: string, args: readonly unknown[], maxLength = 60): string {
  const inner = args.map((a) => format(a, 1, new Set<object>())).join(', ');
  return `${fn}(${truncate(inner, Math.max(8, maxLength - fn.length - 2))})`;
}

export function truncate(text: string, maxLength: number): string {
  return text.length <= maxLength ? text : `${text.slice(0, Math.max(1, maxLength - 1))}…`;
}

function quote(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

function format(value: unknown, depth: number, seen: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'symbol':
      return value.toString();
    case 'function':
      return `[Function ${value.name || '(anonymous)'}]`;
  }
  if (value === null) return 'null';
  const obj = value as object;
  if (seen.has(obj)) return '[Circular]';
  if (depth > MAX_DEPTH) return Array.isArray(obj) ? '[Array]' : '[Object]';
  seen.add(obj);
  try {
    if (Array.isArray(obj)) return list('[', ']', obj, depth, seen);
    if (obj instanceof Date) return Number.isNaN(obj.getTime()) ? 'Invalid Date' : obj.toISOString();
    if (obj instanceof RegExp) return String(obj);
    if (obj instanceof Error) return `${obj.name}: ${obj.message}`;
    if (obj instanceof Map) {
      const parts = [...obj.entries()]
        .slice(0, MAX_ITEMS)
        .map(([k, v]) => `${format(k, depth + 1, seen)} => ${format(v, depth + 1, seen)}`);
      if (obj.size > MAX_ITEMS) parts.push(`… ${obj.size - MAX_ITEMS} more`);
      return `Map(${obj.size}) {${parts.length ? ` ${parts.join(', ')} ` : ''}}`;
    }
    if (obj instanceof Set) return `Set(${obj.size}) ${list('{', '}', [...obj], depth, seen, true)}`;
    if (ArrayBuffer.isView(obj) && !(obj instanceof DataView)) {
      const arr = obj as unknown as ArrayLike<number | bigint> & { constructor: { name: string } };
      return `${arr.constructor.name}(${arr.length}) ${list('[', ']', Array.from(arr), depth, seen)}`;
    }
    const entries = Object.entries(obj);
    const parts = entries.slice(0, MAX_ITEMS).map(([k, v]) => `${key(k)}: ${format(v, depth + 1, seen)}`);
    if (entries.length > MAX_ITEMS) parts.push(`… ${entries.length - MAX_ITEMS} more`);
    return parts.length ? `{ ${parts.join(', ')} }` : '{}';
  } finally {
    seen.delete(obj);
  }
}

function list(
  open: string,
  close: string,
  items: unknown[],
  depth: number,
  seen: Set<object>,
  spaced = false,
): string {
  const parts = items.slice(0, MAX_ITEMS).map((v) => format(v, depth + 1, seen));
  if (items.length > MAX_ITEMS) parts.push(`… ${items.length - MAX_ITEMS} more`);
  if (parts.length === 0) return `${open}${close}`;
  return spaced ? `${open} ${parts.join(', ')} ${close}` : `${open}${parts.join(', ')}${close}`;
}

function key(k: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(k) ? k : quote(k);
}
