/**
 * The inputs box accepts JSON, a JavaScript array literal, or `range(...)`
 * (Python's: `range(5)`, `range(1, 10, 2)`, also spread inside an array:
 * `[...range(3), 10]`), and Python's list repetition `[2_000_000] * 8`.
 * It is parsed, never evaluated: the inputs are data, and no user code runs
 * outside worker processes.
 */

export type InputsResult = { ok: true; values: unknown[] } | { ok: false; error: string; offset: number };

class ParseError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export function parseInputs(text: string, maxItems = 100_000): InputsResult {
  const parser = new Parser(text, maxItems);
  try {
    const value = parser.parseTop();
    if (!Array.isArray(value)) {
      return {
        ok: false,
        error: 'inputs must be a list: write [1, 2, 3] or range(5)',
        offset: 0,
      };
    }
    return { ok: true, values: value };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, error: error.message, offset: error.offset };
    throw error;
  }
}

class Parser {
  #pos = 0;
  constructor(
    readonly text: string,
    readonly maxItems: number,
  ) {}

  parseTop(): unknown {
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

  #value(): unknown {
    const value = this.#primary();
    this.#space();
    if (!Array.isArray(value) || this.#peek() !== '*') return value;
    this.#pos++;
    const times = this.#primary();
    if (typeof times !== 'number' || !Number.isInteger(times) || times < 0) {
      this.#fail('a list can only be repeated a whole number of times: [x] * 8');
    }
    if (value.length * times > this.maxItems) {
      this.#fail(`too many inputs: ${value.length * times}, at most ${this.maxItems} are allowed`);
    }
    const out: unknown[] = [];
    for (let i = 0; i < times; i++) out.push(...value);
    return out;
  }

  #primary(): unknown {
    this.#space();
    const ch = this.#peek();
    if (ch === '[' || ch === '(') return this.#array(ch === '[' ? ']' : ')');
    if (ch === '{') return this.#object();
    if (ch === '"' || ch === "'") return this.#string();
    if (/[-+.\d]/.test(ch)) return this.#number();
    const word = /^[A-Za-z_$][\w$]*/.exec(this.text.slice(this.#pos))?.[0];
    if (!word) this.#fail(ch ? `unexpected "${ch}"` : 'unexpected end of input');
    this.#pos += word.length;
    switch (word) {
      case 'true':
      case 'True':
        return true;
      case 'false':
      case 'False':
        return false;
      case 'null':
      case 'None':
        return null;
      case 'undefined':
        return undefined;
      case 'Infinity':
        return Infinity;
      case 'NaN':
        return NaN;
      case 'range':
        return this.#range();
      default:
        this.#pos -= word.length;
        this.#fail(
          `"${word}" is not allowed here (inputs are data: numbers, strings, lists, objects, range(n))`,
        );
    }
  }

  #array(close: string): unknown[] {
    this.#pos++;
    const out: unknown[] = [];
    for (;;) {
      this.#space();
      if (this.#peek() === close) {
        this.#pos++;
        return out;
      }
      if (this.text.startsWith('...', this.#pos)) {
        this.#pos += 3;
        const spread = this.#value();
        if (!Array.isArray(spread)) this.#fail('only a list or range(...) can be spread with ...');
        for (const v of spread) this.#push(out, v);
      } else {
        this.#push(out, this.#value());
      }
      this.#space();
      if (this.#peek() === ',') this.#pos++;
      else if (this.#peek() !== close) this.#fail(`expected "," or "${close}"`);
    }
  }

  #push(out: unknown[], value: unknown): void {
    if (out.length >= this.maxItems) this.#fail(`too many inputs: at most ${this.maxItems} are allowed`);
    out.push(value);
  }

  #object(): Record<string, unknown> {
    this.#pos++;
    const out: Record<string, unknown> = {};
    for (;;) {
      this.#space();
      if (this.#peek() === '}') {
        this.#pos++;
        return out;
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
      out[key] = this.#value();
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

  #range(): number[] {
    this.#expect('(');
    const args: number[] = [];
    for (;;) {
      this.#space();
      if (this.#peek() === ')') {
        this.#pos++;
        break;
      }
      const v = this.#value();
      if (typeof v !== 'number' || !Number.isInteger(v)) this.#fail('range() takes whole numbers');
      args.push(v);
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
    return Array.from({ length: count }, (_, i) => start + i * step);
  }
}
