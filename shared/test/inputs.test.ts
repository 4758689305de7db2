import { describe, expect, it } from 'vitest';
import { parseInputs } from '../inputs';

const values = (text: string): unknown[] => {
  const result = parseInputs(text);
  if (!result.ok) throw new Error(result.error);
  return result.values;
};

describe('parseInputs', () => {
  it('reads JSON and JavaScript array literals', () => {
    expect(values('[5, 2, 3, 4, 1]')).toEqual([5, 2, 3, 4, 1]);
    expect(values("['a', \"b\", {x: 1, 'y': [true, null]}, -2.5e3, 1_000,]")).toEqual([
      'a',
      'b',
      { x: 1, y: [true, null] },
      -2500,
      1000,
    ]);
  });

  it("supports Python's range(), spreads and list repetition", () => {
    expect(values('range(5)')).toEqual([0, 1, 2, 3, 4]);
    expect(values('range(1, 10, 3)')).toEqual([1, 4, 7]);
    expect(values('range(5, 0, -2)')).toEqual([5, 3, 1]);
    // Steps that do not divide the span: the last value is the last one short of the end.
    expect(values('range(0, 10, 3)')).toEqual([0, 3, 6, 9]);
    expect(values('range(0, 7, 5)')).toEqual([0, 5]);
    expect(values('range(10, 0, -3)')).toEqual([10, 7, 4, 1]);
    expect(values('range(0, 1, 5)')).toEqual([0]);
    expect(values('range(3, 3)')).toEqual([]);
    expect(values('[...range(3), 10]')).toEqual([0, 1, 2, 10]);
    expect(values('[2_000_000] * 3')).toEqual([2e6, 2e6, 2e6]);
    expect(values('[True, False, None]')).toEqual([true, false, null]);
  });

  it('never evaluates code: identifiers and calls are refused with a position', () => {
    const result = parseInputs('[1, process.exit(1)]');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(/"process" is not allowed/);
      expect(result.offset).toBe(4);
    }
  });

  it('explains what is wrong', () => {
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ['5', /must be a list/],
      ['[1, 2', /expected "," or "]"/],
      ["['abc", /unterminated string/],
      ['range(1, 2, 0)', /step must not be zero/],
      ['range(1.5)', /whole numbers/],
    ];
    for (const [text, message] of cases) {
      const result = parseInputs(text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.error, text).toMatch(message);
    }
  });

  it('refuses absurd sizes before building them', () => {
    const big = parseInputs('range(1000000000)', 100_000);
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.error).toMatch(/too long: 1000000000 items/);
    const repeated = parseInputs('[1, 2] * 100000', 100_000);
    expect(repeated.ok).toBe(false);
  });

  it('counts nested repetition before building anything, and says how much it would build', () => {
    // 30 characters that would build 2 × 50⁵ numbers (plus the lists holding them).
    const bomb = parseInputs('[[[[[[0]*50]*50]*50]*50]*50]*2', 100_000);
    expect(bomb.ok).toBe(false);
    if (!bomb.ok) {
      expect(bomb.error).toContain('would build 637,755,102 values');
      expect(bomb.error).toContain('at most 1,000,000 are allowed');
    }
    // The same through a spread, and inside objects.
    expect(parseInputs('[...[[[[0]*100]*100]*100]]').ok).toBe(false);
    expect(parseInputs('[{a: [[0]*1000]*1000}]').ok).toBe(false);
    // Just under the limit still works, and a repeated list shares its copies, as in Python.
    const fine = parseInputs('[[0, 1] * 5] * 3');
    expect(fine.ok && fine.values).toEqual([
      [0, 1, 0, 1, 0, 1, 0, 1, 0, 1],
      [0, 1, 0, 1, 0, 1, 0, 1, 0, 1],
      [0, 1, 0, 1, 0, 1, 0, 1, 0, 1],
    ]);
    if (fine.ok) expect(fine.values[0]).toBe(fine.values[2]);
    expect(parseInputs('[[0] * 999] * 1000').ok).toBe(true);
    expect(parseInputs('[[0] * 1000] * 1000').ok).toBe(false);
  });
});
