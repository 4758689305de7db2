import { describe, expect, it } from 'vitest';
import { fitLabel, makeScale, placeMarkers, queueRow } from '../timeline/geometry';
import { navigate } from '../timeline/keyboard';
import { ordinal } from '../timeline/describe';

describe('timeline geometry', () => {
  it('maps milliseconds to pixels after the label gutter', () => {
    const scale = makeScale(4000, 100, 400);
    expect(scale.x(0)).toBe(100);
    expect(scale.x(2000)).toBe(300);
    expect(scale.x(-5)).toBe(100);
  });

  it('fits a label, shortens it, or drops it', () => {
    expect(fitLabel('task(0)', 200, 13)).toBe('task(0)');
    expect(fitLabel('square(12345)', 60, 13)).toMatch(/^squa.*…$/);
    expect(fitLabel('task(0)', 20, 13)).toBeNull();
  });

  it('spreads queue rows in submission order', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((i) => queueRow(i, 3))).toEqual([0, 1, 2, 0, 1, 2, 0]);
  });

  it('nudges markers of one moment apart, in delivery order, and keeps them inside the plot', () => {
    const scale = makeScale(1000, 0, 1000);
    const placed = placeMarkers(
      [
        { task: 1, order: 2, at: 500 },
        { task: 0, order: 1, at: 500 },
        { task: 2, order: 3, at: 1000 },
        { task: 3, order: 4, at: 1000 },
      ],
      scale,
      20,
      true,
    );
    expect(placed.map((m) => m.task)).toEqual([0, 1, 2, 3]);
    expect(placed[1]!.mx - placed[0]!.mx).toBeGreaterThanOrEqual(20);
    expect(placed[3]!.mx).toBeLessThanOrEqual(1000);
    expect(placed[3]!.mx - placed[2]!.mx).toBeGreaterThanOrEqual(20);
  });
});

describe('timeline keyboard', () => {
  const lanes = [
    {
      bars: [
        { task: 0, start: 0 },
        { task: 3, start: 2000 },
      ],
    },
    { bars: [] },
    {
      bars: [
        { task: 1, start: 10 },
        { task: 4, start: 2100 },
      ],
    },
  ];
  it('starts on the first bar and moves along and across lanes (skipping empty ones)', () => {
    expect(navigate(lanes, null, 'ArrowRight')).toBe(0);
    expect(navigate(lanes, 0, 'ArrowRight')).toBe(3);
    expect(navigate(lanes, 3, 'ArrowRight')).toBe(3);
    expect(navigate(lanes, 3, 'ArrowDown')).toBe(4);
    expect(navigate(lanes, 4, 'ArrowUp')).toBe(3);
    expect(navigate(lanes, 4, 'Home')).toBe(1);
    expect(navigate(lanes, 0, 'x')).toBeUndefined();
  });
});

describe('ordinal', () => {
  it('says 1st, 2nd, 3rd, 4th, 11th, 21st, 112th', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 112].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '112th',
    ]);
  });
});
