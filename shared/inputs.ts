/**
 * The inputs box accepts JSON, a JavaScript array literal, or `range(...)`
 * (Python's: `range(5)`, `range(1, 10, 2)`, also spread inside an array:
 * `[...range(3), 10]`), and Python's list repetition `[2_000_000] * 8`.
 * It is parsed, never evaluated: the inputs are data, and no user code runs
 * outside worker processes.
 *
 * Parsing makes a small syntax tree first and measures what it would build —
 * repetition inside repetition included — before building anything:
 * `[[[0] * 50] * 50] * 50` is 30 characters but 127,551 values, and is
 * refused with that number when it is over the limit.
 */
export type InputsResult = { ok: true; values: unknown[] } | { ok: false; error: string; offset: number };

/** Most values one inputs expression may build, counting every nested value of every copy. */
export const MAX_INPUT_VALUES = 1_000_000;

class ParseError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * What the text says, before anything is built. `pos` is where it starts in
 * the text. A number keeps how it was written (`raw`), and a range its
 * arguments, so that programs can be written from the tree as the learner
 * wrote them (`[2_000_000] * 8`, `range(100000)`).
 */
export type InputsNode =
  | { kind: 'scalar'; value: unknown; raw?: string; pos: number }
  | { kind: 'list'; items: { node: InputsNode; spread: boolean }[]; pos: number }
  | { kind: 'repeat'; list: InputsNode; times: number; pos: number }
  | { kind: 'range'; args: number[]; start: number; step: number; count: number; pos: number }
  | { kind: 'object'; entries: [string, InputsNode][]; pos: number };

type Node = InputsNode;

export type InputsTreeResult = { ok: true; tree: InputsNode } | { ok: false; error: string; offset: number };

/** The syntax tree of an inputs expression that parses (measured, but nothing built). */
export function parseInputsTree(text: string, maxItems = 100_000): InputsTreeResult {
  try {
    return { ok: true, tree: new Parser(text, maxItems).parseTop() };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, error: error.message, offset: error.offset };
    throw error;
  }
}

const isList = (node: Node): boolean =>
  node.kind === 'list' || node.kind === 'repeat' || node.kind === 'range';

export function parseInputs(text: string, maxItems = 100_000, maxValues = MAX_INPUT_VALUES): InputsResult {
  try {
    const tree = new Parser(text, maxItems).parseTop();
    if (!isList(tree)) {
      return {
        ok: false,
        error: 'inputs must be a list: write [1, 2, 3] or range(5)',
        offset: 0,
      };
    }
    // Every value the list would hold, nested ones and every copy of a repeated list included.
    const total = valueCount(tree) - 1;
    if (total > maxValues) {
      throw new ParseError(
        `these inputs would build ${total.toLocaleString('en')} values (every copy of a repeated ` +
          `list counts, nested lists included); at most ${maxValues.toLocaleString('en')} are allowed`,
        0,
      );
    }
    return { ok: true, values: build(tree) as unknown[] };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, error: error.message, offset: error.offset };
    throw error;
  }
}

/** Items of a list node (a spread counts its items). */
function length(node: Node): number {
  switch (node.kind) {
    case 'list':
      return node.items.reduce((sum, item) => sum + (item.spread ? length(item.node) : 1), 0);
    case 'repeat':
      return length(node.list) * node.times;
    case 'range':
      return node.count;
    default:
      return 1;
  }
}

/** Values a node builds, itself included. */
function valueCount(node: Node): number {
  switch (node.kind) {
    case 'scalar':
      return 1;
    case 'list':
      return node.items.reduce(
        (sum, item) => sum + (item.spread ? valueCount(item.node) - 1 : valueCount(item.node)),
        1,
      );
    case 'repeat':
      return 1 + (valueCount(node.list) - 1) * node.times;
    case 'range':
      return 1 + node.count;
    case 'object':
      return node.entries.reduce((sum, [, value]) => sum + valueCount(value), 1);
  }
}

function build(node: Node): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'list': {
      const out: unknown[] = [];
      for (const item of node.items) {
        if (item.spread) for (const v of build(item.node) as unknown[]) out.push(v);
        else out.push(build(item.node));
      }
      return out;
    }
    case 'repeat': {
      // Like Python: the copies are the same objects (a repeated list of lists shares them).
      const once = build(node.list) as unknown[];
      const out: unknown[] = [];
      for (let i = 0; i < node.times; i++) for (const v of once) out.push(v);
      return out;
    }
    case 'range':
      return Array.from({ length: node.count }, (_, i) => node.start + i * node.step);
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, value] of node.entries) out[key] = build(value);
      return out;
    }
  }
}

class Parser {
  #pos = 0;
  constructor(
    readonly text: string,
    readonly maxItems: number,
  ) {}

  parseTop(): Node {
    this.#space();
    if (this.#pos >= this.text.length)
      throw new ParseError('inputs are empty: write [1, 2, 3] or range(5)', 0);
    const value = this.#value();
    this.#space();
    if (this.#pos < this.text.length) this.#fail(`unexpected "${this.text[this.#pos]}"`);
    return value;
  }

  #fail(message: string): never {
    throw new ParseError(`${message} at position ${this.#pos + 1}`, this.#pos);
  }

  #space(): void {
    for (;;) {
      const rest = this.text.slice(this.#pos);
      const m = /^(?:\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/|#[^\n]*)/.exec(rest);
      if (!m || m[0].length === 0) return;
      this.#pos += m[0].length;
    }
  }

  #peek(): string {
    return this.text[this.#pos] ?? '';
  }

  #expect(ch: string): void {
    this.#space();
    if (this.#peek() !== ch) this.#fail(`expected "${ch}"`);
    this.#pos++;
  }

  #value(): Node {
    const value = this.#primary();
    this.#space();
    if (!isList(value) || this.#peek() !== '*') return value;
    const pos = this.#pos;
    this.#pos++;
    const times = this.#primary();
    if (
      times.kind !== 'scalar' ||
      typeof times.value !== 'number' ||
      !Number.isInteger(times.value) ||
      times.value < 0
    ) {
      this.#fail('a list can only be repeated a whole number of times: [x] * 8');
    }
    const repeated: Node = { kind: 'repeat', list: value, times: times.value, pos };
    const n = length(repeated);
    if (n > this.maxItems) {
      this.#fail(`too many inputs: ${n.toLocaleString('en')}, at most ${this.maxItems} are allowed`);
    }
    return repeated;
  }

  #primary(): Node {
    this.#space();
    const pos = this.#pos;
    const ch = this.#peek();
    if (ch === '[' || ch === '(') return this.#array(ch === '[' ? ']' : ')');
    if (ch === '{') return this.#object();
    const scalar = (value: unknown): Node => ({ kind: 'scalar', value, pos });
    if (ch === '"' || ch === "'") return scalar(this.#string());
    if (/[-+.\d]/.test(ch)) {
      const value = this.#number();
      return { kind: 'scalar', value, raw: this.text.slice(pos, this.#pos), pos };
    }
    const word = /^[A-Za-z_$][\w$]*/.exec(this.text.slice(this.#pos))?.[0];
    if (!word) this.#fail(ch ? `unexpected "${ch}"` : 'unexpected end of input');
    this.#pos += word.length;
    switch (word) {
      case 'true':
      case 'True':
        return scalar(true);
      case 'false':
      case 'False':
        return scalar(false);
      case 'null':
      case 'None':
        return scalar(null);
      case 'undefined':
        return scalar(undefined);
      case 'Infinity':
        return scalar(Infinity);
      case 'NaN':
        return scalar(NaN);
      case 'range':
        return this.#range(pos);
      default:
        this.#pos -= word.length;
        this.#fail(
          `"${word}" is not allowed here (inputs are data: numbers, strings, lists, objects, range(n))`,
        );
    }
  }

  #array(close: string): Node {
    const node: Node & { kind: 'list' } = { kind: 'list', items: [], pos: this.#pos };
    this.#pos++;
    let count = 0;
    for (;;) {
      this.#space();
      if (this.#peek() === close) {
        this.#pos++;
        return node;
      }
      const spread = this.text.startsWith('...', this.#pos);
      if (spread) this.#pos += 3;
      const item = this.#value();
      if (spread && !isList(item)) this.#fail('only a list or range(...) can be spread with ...');
      count += spread ? length(item) : 1;
      if (count > this.maxItems) this.#fail(`too many inputs: at most ${this.maxItems} are allowed`);
      node.items.push({ node: item, spread });
      this.#space();
      if (this.#peek() === ',') this.#pos++;
      else if (this.#peek() !== close) this.#fail(`expected "," or "${close}"`);
    }
  }

  #object(): Node {
    const node: Node & { kind: 'object' } = { kind: 'object', entries: [], pos: this.#pos };
    this.#pos++;
    for (;;) {
      this.#space();
      if (this.#peek() === '}') {
        this.#pos++;
        return node;
      }
      let key: string;
      const ch = this.#peek();
      if (ch === '"' || ch === "'") key = this.#string();
      else {
        const word = /^[A-Za-z_$\d][\w$]*/.exec(this.text.slice(this.#pos))?.[0];
        if (!word) this.#fail('expected a property name');
        key = word;
        this.#pos += word.length;
      }
      this.#expect(':');
      node.entries.push([key, this.#value()]);
      this.#space();
      if (this.#peek() === ',') this.#pos++;
      else if (this.#peek() !== '}') this.#fail('expected "," or "}"');
    }
  }

  #string(): string {
    const quote = this.text[this.#pos]!;
    const start = this.#pos;
    this.#pos++;
    let out = '';
    for (;;) {
      const ch = this.text[this.#pos];
      if (ch === undefined) {
        this.#pos = start;
        this.#fail('unterminated string');
      }
      this.#pos++;
      if (ch === quote) return out;
      if (ch === '\\') {
        const esc = this.text[this.#pos++] ?? '';
        const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '0': '\0' };
        if (esc === 'u') {
          const hex = this.text.slice(this.#pos, this.#pos + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.#fail('bad \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          this.#pos += 4;
        } else out += map[esc] ?? esc;
      } else out += ch;
    }
  }

  #number(): number {
    const m =
      /^[-+]?(?:0[xX][\da-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][-+]?\d+)?|Infinity)/.exec(
        this.text.slice(this.#pos),
      );
    if (!m) this.#fail('expected a number');
    this.#pos += m[0].length;
    const raw = m[0].replace(/_/g, '');
    const sign = raw.startsWith('-') ? -1 : 1;
    const body = raw.replace(/^[-+]/, '');
    const value = Number(body);
    if (Number.isNaN(value)) this.#fail(`"${m[0]}" is not a number`);
    return sign * value;
  }

  #range(pos: number): Node {
    this.#expect('(');
    const args: number[] = [];
    for (;;) {
      this.#space();
      if (this.#peek() === ')') {
        this.#pos++;
        break;
      }
      const v = this.#value();
      if (v.kind !== 'scalar' || typeof v.value !== 'number' || !Number.isInteger(v.value))
        this.#fail('range() takes whole numbers');
      args.push(v.value);
      this.#space();
      if (this.#peek() === ',') this.#pos++;
    }
    if (args.length < 1 || args.length > 3)
      this.#fail('range() takes 1 to 3 numbers: range(stop), range(start, stop[, step])');
    const [start, stop, step] = args.length === 1 ? [0, args[0]!, 1] : [args[0]!, args[1]!, args[2] ?? 1];
    if (step === 0) this.#fail('range() step must not be zero');
    const count = Math.max(0, Math.ceil((stop - start) / step));
    if (count > this.maxItems)
      this.#fail(`range() is too long: ${count} items, at most ${this.maxItems} are allowed`);
    return { kind: 'range', args, start, step, count, pos };
  }
}
