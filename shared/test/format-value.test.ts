import { describe, expect, it } from 'vitest';
import { formatCall, formatValue } from '../format-value';

describe('formatValue', () => {
  it('prints like console.log: bare top-level strings, quoted nested ones', () => {
    expect(formatValue('Task 0 done.')).toBe('Task 0 done.');
    expect(formatValue(['a', 1])).toBe("['a', 1]");
    expect(formatValue([25, 4, 9, 16, 1])).toBe('[25, 4, 9, 16, 1]');
    expect(formatValue({ a: 1, 'b c': [true] })).toBe("{ a: 1, 'b c': [true] }");
    expect(formatValue('x', { bareStrings: false })).toBe("'x'");
  });

  it('handles the values structured clone carries', () => {
    expect(formatValue(new Map([['k', 1]]))).toBe("Map(1) { 'k' => 1 }");
    expect(formatValue(new Set([1, 2]))).toBe('Set(2) { 1, 2 }');
    expect(formatValue(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
    expect(formatValue(10n)).toBe('10n');
    expect(formatValue(new Uint8Array([1, 2]))).toBe('Uint8Array(2) [1, 2]');
    expect(formatValue(undefined)).toBe('undefined');
    expect(formatValue(-0)).toBe('-0');
  });

  it('survives cycles and cuts long values', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(formatValue(cyclic)).toBe('{ self: [Circular] }');
    const long = formatValue(
      Array.from({ length: 1000 }, (_, i) => i),
      { maxLength: 40 },
    );
    expect(long.length).toBe(40);
    expect(long.endsWith('…')).toBe(true);
  });

  it('labels task calls', () => {
    expect(formatCall('square', [5])).toBe('square(5)');
    expect(formatCall('greet', ['Ada', 2])).toBe("greet('Ada', 2)");
  });
});
