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

  it('prints a shared reference once and refers back to it; cycles stay [Circular]', () => {
    const shared = [1, 2];
    expect(formatValue([shared, shared, { again: shared }])).toBe(
      '[<ref *1> [1, 2], [Ref *1], { again: [Ref *1] }]',
    );
    const node: Record<string, unknown> = { name: 'n' };
    node.self = node;
    expect(formatValue([node, node])).toBe("[<ref *1> { name: 'n', self: [Circular] }, [Ref *1]]");
    expect(formatCall('f', [shared, shared])).toBe('f(<ref *1> [1, 2], [Ref *1])');
  });

  it('looks at a bounded number of values, however much a value would expand to', () => {
    // [[[[[0] * 50] * 50] * 50] * 50] * 50 as structured clone delivers it: 6 small arrays,
    // 50⁵ leaves when expanded. Count every element read.
    let reads = 0;
    const counted = <T extends object>(target: T): T =>
      new Proxy(target, {
        get(t, key, receiver) {
          // Fail fast instead of reading millions of elements.
          if (++reads > 100_000) throw new Error('read more than 100,000 elements');
          return Reflect.get(t, key, receiver) as unknown;
        },
      });
    let level: unknown = 0;
    for (let i = 0; i < 6; i++) level = counted(new Array<unknown>(50).fill(level));
    for (const maxLength of [40, 300, 2000, 100_000]) {
      reads = 0;
      const text = formatValue(level, { maxLength });
      expect(text.length).toBeLessThanOrEqual(maxLength);
      expect(reads).toBeLessThan(20_000);
    }
    // A wide flat value and long strings are cut without reading them whole.
    reads = 0;
    const wide = counted(Array.from({ length: 1_000_000 }, (_, i) => i));
    expect(formatValue(wide, { maxLength: 100_000 })).toContain('… 999950 more');
    expect(reads).toBeLessThan(1000);
    const long = 'x'.repeat(10_000_000);
    expect(formatValue([long, { [long]: long }], { maxLength: 50 })).toHaveLength(50);
    expect(formatValue(new Map([[long, new Set([long])]]), { maxLength: 30 })).toHaveLength(30);
    expect(formatValue(new Uint8Array(10_000_000))).toMatch(
      /^Uint8Array\(10000000\) \[0, 0, .*… 9999950 more\]$/,
    );
  });
});
