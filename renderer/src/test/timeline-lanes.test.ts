import { describe, expect, it } from 'vitest';
import { ConcurrencyIndex } from '../timeline/concurrency';
import { makeViewScale } from '../timeline/geometry';
import { LaneIndex, laneItems, itemAt } from '../timeline/lane-items';
import { summarizeSelection } from '../timeline/selection';
import { RunLog } from './run-log';

/** One worker running `n` tasks of `ms` each, back to back with `gap` ms between. */
function busyRun(n: number, ms: number, gap = 0) {
  const log = new RunLog(n).worker(0, 100, 0, 10);
  let t = 10;
  for (let i = 0; i < n; i++) {
    log.task(i, 0, 100, { submitted: 1, started: t, finished: t + ms });
    t += ms + gap;
  }
  return log.end(t + 5).model();
}

describe('what a worker lane shows', () => {
  it('draws a bar per task when each is wide enough to see', () => {
    const model = busyRun(5, 100);
    const records = new LaneIndex(model).records(model.workers[0]!);
    const items = laneItems(records, makeViewScale({ start: 0, end: 520 }, 0, 520), 520);
    expect(items.map((i) => i.kind)).toEqual(['bar', 'bar', 'bar', 'bar', 'bar']);
  });

  it('sums tasks thinner than a few pixels into blocks, which resolve into bars as you zoom in', () => {
    const model = busyRun(10_000, 0.1);
    const records = new LaneIndex(model).records(model.workers[0]!);
    const end = records.at(-1)!.finished!;
    const out = laneItems(records, makeViewScale({ start: 0, end }, 0, 500), end);
    expect(out.every((i) => i.kind === 'block')).toBe(true);
    const counted = out.reduce((n, i) => n + (i.kind === 'block' ? i.count : 1), 0);
    expect(counted).toBe(10_000);
    // Blocks are cut short, so a zoomed-out lane still shows where tasks were dense.
    expect(out.length).toBeGreaterThan(3);
    // Zoomed in on 2 ms: only the tasks there, each its own bar.
    const zoomed = laneItems(records, makeViewScale({ start: 500, end: 502 }, 0, 500), end);
    expect(zoomed.every((i) => i.kind === 'bar')).toBe(true);
    expect(zoomed.length).toBeGreaterThanOrEqual(20);
    expect(zoomed.length).toBeLessThanOrEqual(22);
  });

  it('keeps a task that failed at once visible: at least 2 px wide, alone', () => {
    const model = new RunLog(1)
      .worker(0, 100, 0, 10)
      .task(0, 0, 100, { submitted: 1, started: 500, finished: 500.01 }, 'error')
      .end(1000)
      .model();
    const records = new LaneIndex(model).records(model.workers[0]!);
    const [item] = laneItems(records, makeViewScale({ start: 0, end: 1000 }, 0, 1000), 1000);
    expect(item?.kind).toBe('bar');
    expect(item!.x1 - item!.x0).toBeGreaterThanOrEqual(2);
    expect(itemAt([item!], 501)?.kind).toBe('bar');
  });

  it('counts tasks running and waiting at each moment', () => {
    // Two workers; four tasks submitted at 0; two run 10–20, two run 20–30.
    const model = new RunLog(4)
      .worker(0, 100, 0, 5)
      .worker(1, 101, 0, 5)
      .task(0, 0, 100, { submitted: 0, started: 10, finished: 20 })
      .task(1, 1, 101, { submitted: 0, started: 10, finished: 20 })
      .task(2, 0, 100, { submitted: 0, started: 20, finished: 30 })
      .task(3, 1, 101, { submitted: 0, started: 20, finished: 30 })
      .end(31)
      .model();
    const counts = new ConcurrencyIndex(model);
    counts.update();
    expect([5, 15, 25, 35].map((t) => counts.runningAt(t, 31))).toEqual([0, 2, 2, 0]);
    expect([5, 15, 25].map((t) => counts.waitingAt(t))).toEqual([4, 2, 0]);
    const sample = counts.sample(0, 30, 3, 31);
    expect(sample.maxRunning).toBe(2);
    expect(sample.maxWaiting).toBe(4);
    // Averages over each 10 ms column: 0–10 nothing ran, 4 waited; 10–20 two ran, two waited; 20–30 two ran.
    expect([...sample.running]).toEqual([0, 2, 2]);
    expect([...sample.waiting]).toEqual([4, 2, 0]);
  });

  it('shows how busy a column of many tiny tasks was, not whichever instant a sample hit', () => {
    // One worker, 1,000 tasks of 0.01 ms, one every 0.02 ms: busy half the time.
    const log = new RunLog(1000).worker(0, 100, 0, 1);
    for (let i = 0; i < 1000; i++)
      log.task(i, 0, 100, { submitted: 0, started: 2 + i * 0.02, finished: 2.01 + i * 0.02 });
    const model = log.end(30).model();
    const counts = new ConcurrencyIndex(model);
    counts.update();
    const sample = counts.sample(2, 22, 4, 30);
    for (const busy of sample.running) expect(busy).toBeCloseTo(0.5, 2);
  });

  it('samples the counts again once more of the run has come in', () => {
    // The concurrency track and a big run's queue lane share one sample per drawing; the next
    // drawing, after new events, must count them.
    const log = new RunLog(2)
      .worker(0, 100, 0, 5)
      .task(0, 0, 100, { submitted: 0, started: 10, finished: 20 });
    const model = log.model();
    const counts = new ConcurrencyIndex(model);
    counts.update();
    expect([...counts.sample(0, 40, 4, 40).running]).toEqual([0, 1, 0, 0]);
    model.applyAll(
      new RunLog(2).task(1, 0, 100, { submitted: 0, started: 20, finished: 30 }).events.slice(1),
    );
    counts.update();
    expect([...counts.sample(0, 40, 4, 40).running]).toEqual([0, 1, 1, 0]);
  });

  it('counts a task still running until now, and one still waiting', () => {
    const model = new RunLog(2)
      .worker(0, 100, 0, 5)
      .task(0, 0, 100, { submitted: 0, started: 10 })
      .task(1, null, null, { submitted: 0 })
      .model();
    const counts = new ConcurrencyIndex(model);
    counts.update();
    expect(counts.runningAt(50, 60)).toBe(1);
    expect(counts.waitingAt(50)).toBe(1);
    expect(counts.waitingAt(5)).toBe(2);
  });

  it('reports a selected range: its tasks, those entirely inside, and failures', () => {
    const model = busyRun(5, 100);
    expect(summarizeSelection(model, { start: 150, end: 320 }, 600)).toMatchObject({
      durationMs: 170,
      tasks: 3,
      inside: 1,
      done: 3,
      failed: 0,
    });
  });
});
