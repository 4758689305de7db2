import { describe, expect, it } from 'vitest';
import { timelineColors } from '../timeline/colors';
import { ConcurrencyIndex } from '../timeline/concurrency';
import { DETAILED_LIMIT, deliveredBetween, drawCaller } from '../timeline/draw-caller';
import { layoutLanes, makeViewScale } from '../timeline/geometry';
import { LaneIndex } from '../timeline/lane-items';
import { runMarks } from '../timeline/marks';
import { SvgPainter } from '../timeline/painter';
import { RunLog } from './run-log';

/** Five tasks whose results reach the caller at 10, 20, 30, 40, 50 ms (task 4 first, then 3, …). */
function fiveDelivered(times = [50, 40, 30, 20, 10]): RunLog {
  const log = new RunLog(5).worker(0, 100, 0, 1);
  for (let task = 0; task < 5; task++) log.task(task, 0, 100, { submitted: 1, started: 2, finished: 5 });
  const order = [...times.keys()].sort((a, b) => times[a]! - times[b]!);
  order.forEach((task, i) => log.add({ type: 'task-delivered', task, order: i + 1, t: times[task]! }));
  return log;
}

describe('the caller lane: which deliveries are in view', () => {
  it('keeps the delivered tasks in the order their results arrived', () => {
    const model = fiveDelivered().model();
    expect(model.delivered.map((t) => t.id)).toEqual([4, 3, 2, 1, 0]);
    expect(model.deliveredInOrder).toBe(true);
  });

  it('finds the deliveries between two times, ends included, and counts all of them', () => {
    const model = fiveDelivered().model();
    const ids = (lo: number, hi: number): number[] => deliveredBetween(model, lo, hi).inView.map((t) => t.id);
    expect(ids(20, 40)).toEqual([3, 2, 1]);
    expect(ids(15, 35)).toEqual([3, 2]);
    expect(ids(0, 9)).toEqual([]);
    expect(ids(51, 90)).toEqual([]);
    expect(ids(0, 100)).toEqual([4, 3, 2, 1, 0]);
    expect(deliveredBetween(model, 15, 35).received).toBe(5);
  });

  it('a log whose delivery times go back still finds every delivery in view', () => {
    // Results arriving "earlier" than the one before them (a log stamped by another clock).
    const log = new RunLog(3).worker(0, 100, 0, 1);
    for (let task = 0; task < 3; task++) log.task(task, 0, 100, { submitted: 1, started: 2, finished: 5 });
    log.add({ type: 'task-delivered', task: 0, order: 1, t: 30 });
    log.add({ type: 'task-delivered', task: 1, order: 2, t: 10 });
    log.add({ type: 'task-delivered', task: 2, order: 3, t: 20 });
    const model = log.model();
    expect(model.deliveredInOrder).toBe(false);
    expect(deliveredBetween(model, 5, 25).inView.map((t) => t.id)).toEqual([1, 2]);
  });
});

describe('the caller lane of a big run', () => {
  it('draws one tick per pixel column that received a result, all in one path', () => {
    // 1,000 results, one every 0.1 ms over 100 ms, on a 500 px plot: ten results a column.
    const n = 1000;
    const log = new RunLog(n).worker(0, 100, 0, 1);
    for (let task = 0; task < n; task++) log.task(task, 0, 100, { submitted: 0, started: 1, finished: 1 });
    for (let task = 0; task < n; task++)
      log.add({ type: 'task-delivered', task, order: task + 1, t: task * 0.1 });
    const model = log.end(101).model();
    expect(n).toBeGreaterThan(DETAILED_LIMIT);
    const layout = layoutLanes(model.workers, model.tasks.length, 1);
    const colors = timelineColors('dark');
    const painter = new SvgPainter();
    const drawn = drawCaller({
      p: painter,
      model,
      layout,
      scale: makeViewScale({ start: 0, end: 100 }, layout.gutter, 500),
      colors,
      now: 101,
      scrollY: 0,
      width: layout.gutter + 500,
      lanes: new LaneIndex(model),
      concurrency: new ConcurrencyIndex(model),
      marks: runMarks(model),
      live: false,
    });
    const columns = new Set(drawn.map((d) => d.cx));
    expect(drawn).toHaveLength(columns.size);
    expect(columns.size).toBeGreaterThan(480);
    expect(columns.size).toBeLessThanOrEqual(501);
    // The exported picture: one path of one segment per column, not a thousand lines.
    const svg = painter.markup();
    const paths = svg.match(new RegExp(`<path d="[^"]*" fill="none" stroke="${colors.markerBg}"`, 'g')) ?? [];
    expect(paths).toHaveLength(1);
    expect(paths[0]!.match(/M/g)).toHaveLength(columns.size);
    expect(svg).not.toContain('<line');
  });
});
