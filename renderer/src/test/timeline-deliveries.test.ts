import { describe, expect, it } from 'vitest';
import { deliveredBetween } from '../timeline/draw-caller';
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
