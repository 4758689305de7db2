/**
 * How values print in the terminal, the timeline and the history: like
 * `console.log` (and close to Python's `print`): a top-level string prints as
 * itself, nested strings are quoted, long values are cut with an ellipsis.
 *
 * The values come from user code, so printing one is bounded whatever it is:
 * at most MAX_DEPTH levels deep, MAX_ITEMS entries per list, object, Map or
 * Set, MAX_VISITS values looked at in all, and the text stops growing once it
 * is longer than asked. An object met again inside itself prints as
 * `[Circular]`; an object met again elsewhere (a shared reference: structured
 * clone keeps them, and `[[0] * 50] * 50` makes them) is printed once, marked
 * `<ref *1>`, and every later occurrence prints as `[Ref *1]` — so a value of a
 * few kilobytes that would expand to millions of entries prints in well under
 * a millisecond.
 */

export interface FormatOptions {
  /** Cut the text at about this many characters. */
  maxLength?: number;
  /** A string at the top level prints without quotes (as print() does). */
  bareStrings?: boolean;
}

const MAX_ITEMS = 50;
const MAX_DEPTH = 4;
/** Values looked at per call, in each of the two passes. */
const MAX_VISITS = 2000;

export function formatValue(value: unknown, options: FormatOptions = {}): string {
  const { maxLength = 300, bareStrings = true } = options;
  if (bareStrings && typeof value === 'string') return truncate(value, maxLength);
  const out = new Writer(maxLength, findSharedObjects([value], 0));
  format(value, 0, out);
  return truncate(out.text(), maxLength);
}

/** `fn(arg1, arg2)` — the label of a task bar. */
export function formatCall(fn: string, args: readonly unknown[], maxLength = 60): string {
  const budget = Math.max(8, maxLength - fn.length - 2);
  const out = new Writer(budget, findSharedObjects(args, 1));
  args.forEach((arg, i) => {
    if (i > 0) out.write(', ');
    format(arg, 1, out);
  });
  return `${fn}(${truncate(out.text(), budget)})`;
}

export function truncate(text: string, maxLength: number): string {
  return text.length <= maxLength ? text : `${text.slice(0, Math.max(1, maxLength - 1))}…`;
}

/** Collects text until it is longer than the limit, then ignores the rest. */
class Writer {
  readonly #parts: string[] = [];
  #length = 0;
  #visits = 0;
  /** Objects on the path from the root to the value being printed. */
  readonly ancestors = new Set<object>();
  /** Reference numbers of shared objects already printed. */
  readonly refs = new Map<object, number>();

  constructor(
    readonly limit: number,
    readonly shared: ReadonlySet<object>,
  ) {}

  /** True once there is enough text, or enough values were looked at: stop walking. */
  get full(): boolean {
    return this.#length > this.limit || this.#visits > MAX_VISITS;
  }

  visit(): void {
    this.#visits++;
  }

  write(text: string): void {
    if (this.full) return;
    const room = this.limit + 1 - this.#length;
    const part = text.length > room ? text.slice(0, room) : text;
    this.#parts.push(part);
    this.#length += part.length;
  }

  /** Room left, for cutting long strings before they are escaped. */
  get room(): number {
    return Math.max(0, this.limit + 1 - this.#length);
  }

  text(): string {
    const text = this.#parts.join('');
    return this.#visits > MAX_VISITS && this.#length <= this.limit ? `${text}…` : text;
  }
}

/**
 * First pass: which objects are reached more than once, other than through
 * themselves (cycles print as [Circular]). Walks exactly as format() does,
 * with the same depth, entry and visit limits, and never enters an object twice.
 */
function findSharedObjects(roots: readonly unknown[], depth: number): Set<object> {
  const met = new Set<object>();
  const shared = new Set<object>();
  const ancestors = new Set<object>();
  let visits = 0;
  const walk = (value: unknown, level: number): void => {
    if (++visits > MAX_VISITS || typeof value !== 'object' || value === null) return;
    if (ancestors.has(value)) return;
    if (met.has(value)) {
      shared.add(value);
      return;
    }
    if (level > MAX_DEPTH) return;
    met.add(value);
    ancestors.add(value);
    for (const child of children(value)) walk(child, level + 1);
    ancestors.delete(value);
  };
  for (const root of roots) walk(root, depth);
  return shared;
}

/** The values format() prints inside a container, in order, at most MAX_ITEMS (+ map keys). */
function* children(obj: object): Generator<unknown> {
  if (Array.isArray(obj)) {
    for (let i = 0; i < Math.min(obj.length, MAX_ITEMS); i++) yield obj[i];
  } else if (obj instanceof Map) {
    let n = 0;
    for (const [k, v] of obj) {
      if (n++ >= MAX_ITEMS) break;
      yield k;
      yield v;
    }
  } else if (obj instanceof Set) {
    let n = 0;
    for (const v of obj) {
      if (n++ >= MAX_ITEMS) break;
      yield v;
    }
  } else if (isPlainContainer(obj)) {
    const keys = Object.keys(obj);
    for (let i = 0; i < Math.min(keys.length, MAX_ITEMS); i++)
      yield (obj as Record<string, unknown>)[keys[i]!];
  }
}

/** Objects printed as `{ key: value }` (not Date, RegExp, Error, typed arrays, buffers). */
function isPlainContainer(obj: object): boolean {
  return !(
    obj instanceof Date ||
    obj instanceof RegExp ||
    obj instanceof Error ||
    obj instanceof ArrayBuffer ||
    ArrayBuffer.isView(obj)
  );
}

function quote(s: string, room: number): string {
  const cut = s.length > room ? s.slice(0, room) : s;
  return `'${cut.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

function format(value: unknown, depth: number, out: Writer): void {
  out.visit();
  if (out.full) return;
  switch (typeof value) {
    case 'string':
      return out.write(quote(value, out.room));
    case 'number':
      return out.write(Object.is(value, -0) ? '-0' : String(value));
    case 'bigint':
      return out.write(`${value}n`);
    case 'boolean':
    case 'undefined':
      return out.write(String(value));
    case 'symbol':
      return out.write(cut(value.toString(), out.room));
    case 'function':
      return out.write(`[Function ${cut(value.name, out.room) || '(anonymous)'}]`);
  }
  if (value === null) return out.write('null');
  const obj = value as object;
  if (out.ancestors.has(obj)) return out.write('[Circular]');
  const ref = out.refs.get(obj);
  if (ref !== undefined) return out.write(`[Ref *${ref}]`);
  if (depth > MAX_DEPTH) return out.write(Array.isArray(obj) ? '[Array]' : '[Object]');
  if (out.shared.has(obj)) {
    const n = out.refs.size + 1;
    out.refs.set(obj, n);
    out.write(`<ref *${n}> `);
  }
  out.ancestors.add(obj);
  try {
    formatObject(obj, depth, out);
  } finally {
    out.ancestors.delete(obj);
  }
}

function formatObject(obj: object, depth: number, out: Writer): void {
  if (Array.isArray(obj)) return list('[', ']', obj.length, obj, depth, out);
  if (obj instanceof Date) {
    return out.write(Number.isNaN(obj.getTime()) ? 'Invalid Date' : obj.toISOString());
  }
  if (obj instanceof RegExp) return out.write(`/${cut(obj.source, out.room)}/${obj.flags}`);
  if (obj instanceof Error) {
    return out.write(`${cut(String(obj.name), out.room)}: ${cut(String(obj.message), out.room)}`);
  }
  if (obj instanceof Map) {
    out.write(`Map(${obj.size}) {`);
    let n = 0;
    for (const [k, v] of obj) {
      if (n >= MAX_ITEMS || out.full) break;
      out.write(n++ === 0 ? ' ' : ', ');
      format(k, depth + 1, out);
      out.write(' => ');
      format(v, depth + 1, out);
    }
    if (obj.size > MAX_ITEMS) out.write(`, … ${obj.size - MAX_ITEMS} more`);
    return out.write(obj.size > 0 ? ' }' : '}');
  }
  if (obj instanceof Set) {
    out.write(`Set(${obj.size}) `);
    return list('{', '}', obj.size, obj, depth, out, true);
  }
  if (obj instanceof ArrayBuffer) return out.write(`ArrayBuffer { byteLength: ${obj.byteLength} }`);
  if (ArrayBuffer.isView(obj)) {
    if (obj instanceof DataView) return out.write(`DataView { byteLength: ${obj.byteLength} }`);
    const typed = obj as unknown as ArrayLike<number | bigint> & { constructor: { name: string } };
    out.write(`${typed.constructor.name}(${typed.length}) `);
    return list('[', ']', typed.length, typed, depth, out);
  }
  const keys = Object.keys(obj);
  if (keys.length === 0) return out.write('{}');
  out.write('{ ');
  for (let i = 0; i < Math.min(keys.length, MAX_ITEMS) && !out.full; i++) {
    if (i > 0) out.write(', ');
    out.write(`${key(keys[i]!, out.room)}: `);
    format((obj as Record<string, unknown>)[keys[i]!], depth + 1, out);
  }
  if (keys.length > MAX_ITEMS) out.write(`, … ${keys.length - MAX_ITEMS} more`);
  out.write(' }');
}

/** The first MAX_ITEMS items of an array, typed array or Set, then how many more. */
function list(
  open: string,
  close: string,
  size: number,
  items: ArrayLike<unknown> | Set<unknown>,
  depth: number,
  out: Writer,
  spaced = false,
): void {
  if (size === 0) return out.write(`${open}${close}`);
  out.write(spaced ? `${open} ` : open);
  const values = items instanceof Set ? items.values() : null;
  for (let i = 0; i < Math.min(size, MAX_ITEMS) && !out.full; i++) {
    if (i > 0) out.write(', ');
    format(values ? values.next().value : (items as ArrayLike<unknown>)[i], depth + 1, out);
  }
  if (size > MAX_ITEMS) out.write(`, … ${size - MAX_ITEMS} more`);
  out.write(spaced ? ` ${close}` : close);
}

function key(k: string, room: number): string {
  const short = cut(k, room);
  return /^[A-Za-z_$][\w$]*$/.test(short) ? short : quote(short, room);
}

function cut(text: string, room: number): string {
  return text.length > room ? text.slice(0, room) : text;
}
