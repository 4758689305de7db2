import { describe, expect, it } from 'vitest';
import {
  fitLabel,
  layoutLanes,
  makeScale,
  makeViewScale,
  placeMarkers,
  queueRow,
} from '../timeline/geometry';
import type { WorkerRecord } from '../../../shared/run-model';
import { navigate } from '../timeline/keyboard';
import { ordinal } from '../timeline/describe';

describe('timeline geometry', () => {
  it('maps milliseconds to pixels after the label gutter', () => {
    const scale = makeScale(4000, 100, 400);
    expect(scale.x(0)).toBe(100);
    expect(scale.x(2000)).toBe(300);
    expect(scale.t(300)).toBe(2000);
  });

  it('maps a zoomed view onto the whole plot, and back', () => {
    const scale = makeViewScale({ start: 1000, end: 1500 }, 100, 500);
    expect(scale.x(1000)).toBe(100);
    expect(scale.x(1250)).toBe(350);
    expect(scale.t(600)).toBe(1500);
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

function workers(n: number): WorkerRecord[] {
  return Array.from({ length: n }, (_, index) => ({
    index,
    pid: 100 + index,
    spawned: 0,
    ready: 1,
    exited: null,
    code: null,
    signal: null,
    reason: null,
    tasks: [],
    init: null,
    executor: null,
    thread: null,
  }));
}

describe('timeline layout', () => {
  it('gives every part its natural height when there is room', () => {
    const natural = layoutLanes(workers(3), 5, 1);
    const roomy = layoutLanes(workers(3), 5, 1, { available: 1000 });
    expect(roomy.workers.map((l) => l.height)).toEqual(natural.workers.map((l) => l.height));
    expect(roomy.lanes.scrollMax).toBe(0);
    expect(roomy.caller.y + roomy.caller.height).toBeLessThanOrEqual(1000);
  });

  it('shrinks the lanes to fit before anything scrolls, and keeps the caller lane in the box', () => {
    const natural = layoutLanes(workers(3), 5, 1);
    const tight = layoutLanes(workers(3), 5, 1, { available: natural.height - 40 });
    expect(tight.lanes.scrollMax).toBe(0);
    expect(tight.workers[0]!.height).toBeLessThan(natural.workers[0]!.height);
    expect(tight.caller.y + tight.caller.height).toBeLessThanOrEqual(natural.height - 40);
  });

  it('scrolls the lanes once they are at their readable minimum, with the caller lane pinned below', () => {
    const many = layoutLanes(workers(30), 100, 1, { available: 300 });
    const minimum = many.workers[0]!.height;
    expect(minimum).toBeGreaterThanOrEqual(14);
    expect(many.lanes.scrollMax).toBeGreaterThan(0);
    expect(many.lanes.content).toBeGreaterThan(many.lanes.height);
    // The caller lane comes right after the lanes' visible area, inside the box.
    expect(many.caller.y).toBeGreaterThanOrEqual(many.lanes.y + many.lanes.height);
    expect(many.caller.y + many.caller.height).toBeLessThanOrEqual(300);
  });

  it('grows everything with the text size', () => {
    const small = layoutLanes(workers(2), 5, 1);
    const big = layoutLanes(workers(2), 5, 2);
    expect(big.workers[0]!.height).toBe(small.workers[0]!.height * 2);
    expect(big.fontSize).toBeGreaterThan(small.fontSize);
  });
});
