/**
 * An inputs expression as source code, written from its syntax tree (see
 * inputs.ts) — never by editing its text, and never from the values it
 * builds: `range(100000)` stays `range(100000)`. Python reads most of the
 * inputs syntax as it is; TypeScript gets small helpers for what it lacks
 * (`range()`, and `repeat()` for Python's `[x] * n`).
 */
import type { InputsNode } from './inputs';

export interface TypeScriptInputs {
  code: string;
  /** The helpers the code calls, to be defined in the program. */
  helpers: Set<'range' | 'repeat'>;
}

/** Decimal numbers written the same in both languages (separators between digits, no leading zeros). */
const PORTABLE_NUMBER = /^[-+]?(?:0|[1-9]\d*(?:_\d+)*)(?:\.\d+(?:_\d+)*)?(?:[eE][-+]?\d+)?$/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** Characters that end a line or are invisible in source: always escaped. */
const UNSAFE_CHARS = /[\u0080-\u009f\u00ad\u2028\u2029\ufeff]/g;

function stringLiteral(value: string): string {
  return JSON.stringify(value).replace(
    UNSAFE_CHARS,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function portableRaw(node: InputsNode & { kind: 'scalar' }): string | null {
  return node.raw !== undefined && PORTABLE_NUMBER.test(node.raw) ? node.raw : null;
}

export function inputsAsTypeScript(tree: InputsNode): TypeScriptInputs {
  const helpers = new Set<'range' | 'repeat'>();
  const write = (node: InputsNode): string => {
    switch (node.kind) {
      case 'scalar':
        return tsScalar(node);
      case 'list':
        return `[${node.items.map((item) => (item.spread ? `...${write(item.node)}` : write(item.node))).join(', ')}]`;
      case 'repeat':
        helpers.add('repeat');
        return `repeat(${write(node.list)}, ${node.times})`;
      case 'range':
        helpers.add('range');
        return `range(${node.args.join(', ')})`;
      case 'object':
        return node.entries.length === 0
          ? '{}'
          : `{ ${node.entries.map(([key, value]) => `${tsKey(key)}: ${write(value)}`).join(', ')} }`;
    }
  };
  return { code: write(tree), helpers };
}

function tsScalar(node: InputsNode & { kind: 'scalar' }): string {
  const { value } = node;
  if (typeof value === 'number') return portableRaw(node) ?? numberText(value, 'typescript');
  if (typeof value === 'string') return stringLiteral(value);
  if (value === undefined) return 'undefined';
  return String(value);
}

function tsKey(key: string): string {
  // `__proto__: x` in an object literal sets the prototype; a computed key makes a property.
  if (key === '__proto__') return `[${stringLiteral(key)}]`;
  return IDENTIFIER.test(key) ? key : stringLiteral(key);
}

/**
 * Python source for the inputs. At the top (`top`), `range(n)` stays a range:
 * the program only iterates it. Elsewhere it becomes the list it stands for.
 */
export function inputsAsPython(tree: InputsNode, top = true): string {
  const write = (node: InputsNode, asList: boolean): string => {
    switch (node.kind) {
      case 'scalar':
        return pyScalar(node);
      case 'list':
        return `[${node.items.map((item) => (item.spread ? `*${write(item.node, false)}` : write(item.node, true))).join(', ')}]`;
      case 'repeat':
        // `[x] * n` is Python's own; a repeated range must become a list first.
        return `${write(node.list, true)} * ${node.times}`;
      case 'range': {
        const range = `range(${node.args.join(', ')})`;
        return asList ? `list(${range})` : range;
      }
      case 'object':
        return `{${node.entries.map(([key, value]) => `${stringLiteral(key)}: ${write(value, true)}`).join(', ')}}`;
    }
  };
  return write(tree, !top);
}

function pyScalar(node: InputsNode & { kind: 'scalar' }): string {
  const { value } = node;
  if (typeof value === 'number') return portableRaw(node) ?? numberText(value, 'python');
  if (typeof value === 'string') return stringLiteral(value);
  if (value === null || value === undefined) return 'None';
  return value ? 'True' : 'False';
}

function numberText(value: number, language: 'typescript' | 'python'): string {
  if (Number.isNaN(value)) return language === 'python' ? 'float("nan")' : 'NaN';
  if (value === Infinity) return language === 'python' ? 'float("inf")' : 'Infinity';
  if (value === -Infinity) return language === 'python' ? '-float("inf")' : '-Infinity';
  return String(value);
}

/** The TypeScript helpers the inputs call, in the order they read best. */
export const TYPESCRIPT_HELPERS: Record<'range' | 'repeat', string> = {
  range: `/** Python's range(stop) and range(start, stop[, step]). */
function range(a: number, b?: number, step = 1): number[] {
  const [start, stop] = b === undefined ? [0, a] : [a, b];
  const out: number[] = [];
  for (let i = start; step > 0 ? i < stop : i > stop; i += step) out.push(i);
  return out;
}`,
  repeat: `/** Python's list * n: the items n times over (the same objects, as in Python). */
function repeat<T>(list: readonly T[], times: number): T[] {
  const out: T[] = [];
  for (let i = 0; i < times; i++) for (const item of list) out.push(item);
  return out;
}`,
};
