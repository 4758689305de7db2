import { describe, expect, it } from 'vitest';
import { checkOrder, checkPrediction, hasPrediction, splitOrder } from '../prediction';
import { cubeRun } from './sample-runs';

describe('predictions', () => {
  it('splits a written order', () => {
    expect(splitOrder('[2, 3, 4 -> 6 → 5]')).toEqual(['2', '3', '4', '6', '5']);
    expect(splitOrder('cube(2), cube(3)')).toEqual(['cube(2)', 'cube(3)']);
    expect(splitOrder('')).toEqual([]);
  });

  it('checks an order written as inputs, results, positions or labels', () => {
    // Inputs 6, 3, 2, 4, 5 delivered in completion order: 2, 3, 4, 6, 5.
    const model = cubeRun(5, 10, [2, 1, 3, 0, 4], 'as_completed');
    expect(checkOrder('2, 3, 4, 6, 5', model)).toMatchObject({ matched: true, by: 'inputs' });
    expect(checkOrder('8 27 64 216 125', model)).toMatchObject({ matched: true, by: 'results' });
    expect(checkOrder('2 1 3 0 4', model)).toMatchObject({ matched: true, by: 'positions' });
    expect(checkOrder('cube(2), cube(3), cube(4), cube(6), cube(5)', model)).toMatchObject({
      matched: true,
      by: 'labels',
    });
    const wrong = checkOrder('6, 3, 2, 4, 5', model)!;
    expect(wrong.matched).toBe(false);
    expect(wrong.by).toBe('inputs');
    expect(wrong.actual).toEqual(['2', '3', '4', '6', '5']);
  });

  it('sets the guessed wall time beside the measured one', () => {
    const model = cubeRun(2, 1000);
    const check = checkPrediction({ wallSec: 1.5, order: null }, model);
    expect(check.wall!.actualMs).toBe(model.elapsedMs);
    expect(check.wall!.diffMs).toBeCloseTo(model.elapsedMs - 1500);
    expect(check.order).toBeNull();
    expect(checkPrediction(undefined, model)).toEqual({ wall: null, order: null });
    expect(hasPrediction({ wallSec: null, order: '  ' })).toBe(false);
    expect(hasPrediction({ wallSec: 2 })).toBe(true);
  });
});
