/**
 * A run's output budget: a program printing a million lines must not exhaust
 * the host's memory or the terminal. Past the limit, output is counted and
 * dropped; the first drop is announced once.
 */
export const OUTPUT_LINE_LIMIT = 10_000;
export const OUTPUT_CHAR_LIMIT = 2_000_000;

export class OutputCap {
  #lines = 0;
  #chars = 0;
  #droppedLines = 0;
  #droppedChars = 0;

  constructor(
    private readonly lineLimit = OUTPUT_LINE_LIMIT,
    private readonly charLimit = OUTPUT_CHAR_LIMIT,
  ) {}

  /** 'keep', 'first-drop' (announce it) or 'drop'. */
  admit(text: string): 'keep' | 'first-drop' | 'drop' {
    const lines = countLines(text);
    if (this.#droppedLines === 0 && this.#droppedChars === 0) {
      if (this.#lines + lines <= this.lineLimit && this.#chars + text.length <= this.charLimit) {
        this.#lines += lines;
        this.#chars += text.length;
        return 'keep';
      }
      this.#droppedLines += lines;
      this.#droppedChars += text.length;
      return 'first-drop';
    }
    this.#droppedLines += lines;
    this.#droppedChars += text.length;
    return 'drop';
  }

  get truncated(): boolean {
    return this.#droppedChars > 0;
  }

  get dropped(): { lines: number; chars: number } {
    return { lines: this.#droppedLines, chars: this.#droppedChars };
  }

  get limits(): { lines: number; chars: number } {
    return { lines: this.lineLimit, chars: this.charLimit };
  }
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n === 0 || !text.endsWith('\n') ? n + 1 : n;
}
