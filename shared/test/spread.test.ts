import { describe, expect, it } from 'vitest';
import { median, relativeSpread, spreadOf } from '../spread';

describe('medians and spread', () => {
  it('takes the middle value, which one outlier cannot drag', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([100, 101, 5000])).toBe(101);
    expect(median([])).toBeNull();
    expect(median([NaN, 7])).toBe(7);
  });

  it('gives the whiskers: min, median and max of the repeats', () => {
    expect(spreadOf([1.2, 1.0, 1.5])).toEqual({ median: 1.2, min: 1.0, max: 1.5, n: 3 });
    expect(spreadOf([])).toBeNull();
    expect(relativeSpread(spreadOf([90, 100, 110])!)).toBeCloseTo(0.2);
  });
});
