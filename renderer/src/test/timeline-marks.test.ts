/**
 * Every pool event the timeline marks, from hand-written logs: each log is
 * drawn through the SVG painter (the exported picture's), and the drawing,
 * the accessible sentences and the legend must all show the mark.
 */
import { describe, expect, it } from 'vitest';
import type { RunModel } from '../../../shared/run-model';
import { timelineColors } from '../timeline/colors';
import { ConcurrencyIndex } from '../timeline/concurrency';
import { layoutLanes, makeViewScale } from '../timeline/geometry';
import { LaneIndex } from '../timeline/lane-items';
import { legendItems } from '../timeline/legend-items';
import { markSentences, runMarks } from '../timeline/marks';
import { SvgPainter } from '../timeline/painter';
import { drawStatic } from '../timeline/scene';
import { RunLog } from './run-log';

/** The run drawn as an SVG picture; its text, the mirror's sentences and the legend's keys. */
function draw(model: RunModel): {
  svg: string;
  sentences: string[];
  legend: string[];
  layout: ReturnType<typeof layoutLanes>;
} {
  const layout = layoutLanes(model.workers, model.tasks.length, 1);
  const end = model.elapsedMs * 1.05;
  const painter = new SvgPainter();
  const marks = runMarks(model);
  const scene = drawStatic({
    p: painter,
    model,
    layout,
    scale: makeViewScale({ start: 0, end }, layout.gutter, 900),
    colors: timelineColors('dark'),
    now: model.elapsedMs,
    scrollY: 0,
    width: 1050,
    lanes: new LaneIndex(model),
    concurrency: new ConcurrencyIndex(model),
    marks,
    live: false,
  });
  const legend = legendItems({ model, marks, blocks: scene.blocks, concurrency: true, live: false }).map(
    (i) => i.key,
  );
  return {
    svg: painter.markup(),
    sentences: markSentences(model, marks).map((s) => s.text),
    legend,
    layout,
  };
}

function twoWorkers(): RunLog {
  return new RunLog(4).worker(0, 100, 0, 40).worker(1, 101, 0, 45);
}

describe('the marks of pool events', () => {
  it('shutdown(): when it was called, what it cancelled, and when it returned', () => {
    const log = twoWorkers()
      .task(0, 0, 100, { submitted: 1, started: 50, finished: 300 })
      .task(1, 1, 101, { submitted: 1, started: 50, finished: 300 })
      .task(2, null, null, { submitted: 1 })
      .add({
        type: 'shutdown-called',
        wait: true,
        cancelFutures: true,
        cancelled: [2],
        handedOver: [0, 1],
        t: 100,
      })
      .add({
        type: 'task-finished',
        task: 2,
        status: 'cancelled',
        worker: null,
        pid: null,
        started: null,
        finished: null,
        t: 100,
      })
      .add({ type: 'shutdown-returned', t: 310 })
      .end(320);
    const { svg, sentences, legend } = draw(log.model());
    expect(svg).toContain('shutdown(wait=True, cancel_futures=True)');
    expect(svg).toContain('shutdown returned');
    expect(sentences.join('\n')).toMatch(
      /shutdown\(wait=True, cancel_futures=True\) called at 0\.10 s; it cancelled 1 waiting task; 2 already handed to a worker ran on; returned at 0\.31 s/,
    );
    expect(legend).toEqual(expect.arrayContaining(['shutdown', 'cancelled']));
    // The cancelled task is outlined and dashed in the queue, not a hollow "waiting" box.
    expect(svg).toMatch(/stroke-dasharray="3 2"/);
  });

  it('a timeout: the deadline on the caller lane, then the TimeoutError', () => {
    const log = twoWorkers()
      .add({ type: 'deadline-set', due: 200, t: 2 })
      .task(0, 0, 100, { submitted: 1, started: 50, finished: 400 })
      .add({ type: 'timed-out', message: 'Timed out waiting for results', t: 200 })
      .end(410, 'timeout');
    const { svg, sentences, legend } = draw(log.model());
    expect(svg).toContain('timeout due 0.20 s');
    expect(svg).toContain('TimeoutError');
    expect(sentences).toContain("Timeout: the caller's deadline falls at 0.20 s");
    expect(legend).toEqual(expect.arrayContaining(['deadline', 'timed-out']));
  });

  it('"shutdown returned" is labelled above the lanes, never over the caller\'s last markers', () => {
    // The last results reach the caller just before shutdown() returns: a label in the
    // caller lane covered their markers.
    const log = twoWorkers()
      .task(0, 0, 100, { submitted: 1, started: 50, finished: 290 })
      .task(1, 1, 101, { submitted: 1, started: 50, finished: 295 })
      .add({ type: 'task-delivered', task: 0, order: 1, t: 298 })
      .add({ type: 'task-delivered', task: 1, order: 2, t: 300 })
      .add({
        type: 'shutdown-called',
        wait: true,
        cancelFutures: false,
        cancelled: [],
        handedOver: [0, 1],
        t: 200,
      })
      .add({ type: 'shutdown-returned', t: 302 })
      .end(305);
    const { svg, layout } = draw(log.model());
    const label = /<text[^>]* y="([\d.]+)"[^>]*>shutdown returned<\/text>/.exec(svg);
    expect(label).not.toBeNull();
    expect(Number(label![1])).toBeLessThan(layout.lanes.y);
  });

  it('Stop: a line across the lanes at the moment it was pressed', () => {
    const log = twoWorkers()
      .task(0, 0, 100, { submitted: 1, started: 50, finished: 150 }, 'error')
      .add({ type: 'stop-requested', t: 120 })
      .exit(0, 100, 150, 'killed', null, 'SIGTERM')
      .end(160, 'stopped');
    const { svg, sentences, legend } = draw(log.model());
    expect(svg).toContain('■ Stop');
    expect(sentences).toContain('Stop pressed at 0.12 s');
    expect(legend).toContain('stop');
  });

  it('a crash that broke the pool: the exit code on its lane', () => {
    const log = twoWorkers()
      .task(0, 0, 100, { submitted: 1, started: 50, finished: 90 }, 'error')
      .exit(0, 100, 90, 'crash', 1)
      .add({ type: 'pool-broken', message: 'A process in the process pool was terminated abruptly', t: 91 })
      .end(100, 'broken');
    const { svg, sentences, legend } = draw(log.model());
    expect(svg).toContain('✕ exit code 1 · broke the pool');
    expect(svg).toContain('PID 100 ✕');
    expect(sentences.join('\n')).toMatch(/PID 100 exit code 1: died unexpectedly, which broke the pool/);
    expect(legend).toContain('crash');
  });

  it('a task that failed at once is a visible bar with a ✕', () => {
    const log = twoWorkers()
      .task(0, 0, 100, { submitted: 1, started: 50, finished: 50.2 }, 'error')
      .end(400, 'error');
    const { svg, legend } = draw(log.model());
    expect(legend).toContain('instant-failure');
    expect(svg).toMatch(/>✕</);
  });

  it('the initializer: its own small bar at the start of each worker lane', () => {
    const log = twoWorkers()
      .add({ type: 'worker-initialized', worker: 0, pid: 100, started: 20, finished: 38, ok: true, t: 40 })
      .add({ type: 'worker-initialized', worker: 1, pid: 101, started: 22, finished: 44, ok: true, t: 45 })
      .task(0, 0, 100, { submitted: 1, started: 50, finished: 150 })
      .end(160);
    const { svg, sentences, legend } = draw(log.model());
    expect(svg.match(/>init</g)).toHaveLength(2);
    expect(sentences).toContain('PID 100 ran the initializer from 0.020 s to 0.038 s');
    expect(legend).toContain('init');
  });

  it('recycling: the lane’s end says why, and links to the process that took over', () => {
    const log = new RunLog(3)
      .worker(0, 100, 0, 10)
      .task(0, 0, 100, { submitted: 1, started: 20, finished: 60 })
      .task(1, 0, 100, { submitted: 1, started: 60, finished: 100 })
      .exit(0, 100, 102, 'recycled')
      .worker(1, 200, 101, 111)
      .task(2, 1, 200, { submitted: 1, started: 112, finished: 150 })
      .end(160);
    const model = log.model();
    const marks = runMarks(model);
    expect(marks.recycles).toHaveLength(1);
    expect(marks.recycles[0]!.successor?.pid).toBe(200);
    const { svg, sentences, legend } = draw(model);
    expect(svg).toContain('↻ recycled after 2');
    expect(svg).toContain('PID 200 ↻');
    expect(sentences.join('\n')).toMatch(
      /PID 100 recycled after 2 tasks \(max tasks per child\) at 0\.10 s; PID 200 took over/,
    );
    expect(legend).toContain('recycled');
  });

  it('a plain run shows none of those marks, and the legend says what the rest is', () => {
    const log = twoWorkers()
      .task(0, 0, 100, { submitted: 1, started: 50, finished: 150 })
      .exit(0, 100, 155, 'shutdown')
      .end(160);
    const { sentences, legend } = draw(log.model());
    expect(sentences).toEqual([]);
    expect(legend).toEqual([
      'concurrency',
      'waiting',
      'running',
      'done',
      'startup',
      'idle',
      'exit',
      'delivery',
    ]);
  });
});
