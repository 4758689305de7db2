/**
 * "What happened" is measured from the run: synthetic logs with known
 * timings, and the sentences they must give.
 */
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../run-events';
import { RunModel } from '../run-model';
import { DEFAULT_RUN_SPEC, type RunSpec } from '../run-spec';
import { whatHappened } from '../what-happened';

interface TaskPlan {
  label: string;
  worker: number;
  start: number;
  end: number;
  delivered?: number;
  status?: 'ok' | 'error' | 'cancelled';
  error?: string;
}

/** A run log: workers spawned at 0 and ready at `ready[i]`, tasks as planned, in input order. */
function run(
  mode: RunSpec['mode'],
  tasks: TaskPlan[],
  options: { ready?: number[]; wallMs: number; extra?: RunEvent[]; outcome?: 'ok' | 'error' | 'broken' },
): RunModel {
  const ready = options.ready ?? [10, 10];
  const events: RunEvent[] = [
    {
      type: 'run-started',
      runId: 'r',
      spec: { ...DEFAULT_RUN_SPEC, code: '', mode },
      epoch: 0,
      cpus: 2,
      taskCount: tasks.length,
      inputCount: tasks.length,
      t: 0,
    },
  ];
  ready.forEach((t, w) => {
    events.push({ type: 'worker-spawned', worker: w, pid: 100 + w, t: 0 });
    events.push({ type: 'worker-ready', worker: w, pid: 100 + w, t });
  });
  tasks.forEach((task, i) => {
    const id = i + 1;
    const pid = 100 + task.worker;
    events.push({
      type: 'task-submitted',
      task: id,
      fn: 'f',
      label: task.label,
      index: i,
      items: 1,
      args: String(i),
      t: 1,
    });
    if (task.status === 'cancelled') {
      events.push({
        type: 'task-finished',
        task: id,
        status: 'cancelled',
        worker: null,
        pid: null,
        started: null,
        finished: null,
        t: task.end,
      });
      return;
    }
    events.push({ type: 'task-dispatched', task: id, worker: task.worker, pid, t: task.start });
    const finished: RunEvent = {
      type: 'task-finished',
      task: id,
      status: task.status ?? 'ok',
      worker: task.worker,
      pid,
      started: task.start,
      finished: task.end,
      t: task.end,
    };
    if (task.error) finished.error = { name: task.error, message: 'boom' };
    events.push(finished);
  });
  let order = 0;
  tasks
    .map((task, i) => ({ task, id: i + 1 }))
    .filter(({ task }) => task.delivered !== undefined)
    .sort((a, b) => a.task.delivered! - b.task.delivered!)
    .forEach(({ task, id }) =>
      events.push({ type: 'task-delivered', task: id, order: ++order, t: task.delivered! }),
    );
  events.push(...(options.extra ?? []));
  events.push({
    type: 'run-finished',
    outcome: options.outcome ?? 'ok',
    wallMs: options.wallMs,
    t: options.wallMs,
  });
  events.sort((a, b) => a.t - b.t);
  return RunModel.from(events);
}

describe('what happened', () => {
  it('says nothing before the run has finished', () => {
    expect(whatHappened(new RunModel()).facts).toEqual([]);
  });

  it('sets the wall time beside the tasks’ total time, and names the processes and their start-up', () => {
    const model = run(
      'submit',
      [
        { label: 'f(0)', worker: 0, start: 100, end: 1100, delivered: 1101 },
        { label: 'f(1)', worker: 1, start: 300, end: 1300, delivered: 1301 },
      ],
      { ready: [100, 300], wallMs: 1400 },
    );
    const [time, processes, ...rest] = whatHappened(model).facts;
    expect(time).toBe(
      'Wall time 1.40 s for 2.00 s of task time: 1.4× less than running them one after another.',
    );
    expect(processes).toBe('2 processes ran (PIDs 100, 101); starting one took 0.10 s–0.30 s.');
    expect(rest).toEqual([]);
  });

  it('says when the run was mostly not spent in its tasks, and which processes got no task', () => {
    const model = run('submit', [{ label: 'f(0)', worker: 0, start: 300, end: 301, delivered: 302 }], {
      ready: [300, 350, 400],
      wallMs: 450,
    });
    const [time, processes] = whatHappened(model).facts;
    expect(time).toMatch(
      /^Wall time 0\.45 s for 0\.001 s of task time: most of the run was not spent in the tasks/,
    );
    expect(processes).toMatch(/; 2 of them ran no task\.$/);
  });

  it('names the results map() held back, and the earlier result each waited for', () => {
    // The seed's map example on 3 workers: [5, 2, 3, 4, 1].
    const model = run(
      'map',
      [
        { label: 'square(5)', worker: 0, start: 0, end: 5000, delivered: 5001 },
        { label: 'square(2)', worker: 1, start: 0, end: 2000, delivered: 5002 },
        { label: 'square(3)', worker: 2, start: 0, end: 3000, delivered: 5003 },
        { label: 'square(4)', worker: 1, start: 2000, end: 6000, delivered: 6001 },
        { label: 'square(1)', worker: 2, start: 3000, end: 4000, delivered: 6002 },
      ],
      { ready: [0, 0, 0], wallMs: 6100 },
    );
    expect(whatHappened(model).facts[2]).toBe(
      'map() hands results back in input order: square(2) (done at 2.00 s) and square(3) (done at 3.00 s) ' +
        'waited for square(5) until 5.00 s; square(1) (done at 4.00 s) waited for square(4) until 6.00 s.',
    );
  });

  it('does not call a result held back when it was delivered as soon as it was done', () => {
    const model = run(
      'submit',
      [
        { label: 'f(0)', worker: 0, start: 0, end: 1000, delivered: 1001 },
        { label: 'f(1)', worker: 1, start: 0, end: 1010, delivered: 1011 },
      ],
      { wallMs: 1100 },
    );
    expect(whatHappened(model).facts.join(' ')).not.toContain('waited for');
    // as_completed takes results as they come: nothing waits for an earlier input.
    const ac = run(
      'as_completed',
      [
        { label: 'f(0)', worker: 0, start: 0, end: 3000, delivered: 3001 },
        { label: 'f(1)', worker: 1, start: 0, end: 1000, delivered: 1001 },
      ],
      { wallMs: 3100 },
    );
    expect(whatHappened(ac).facts.join(' ')).not.toContain('waited for');
  });

  it('lists what an early shutdown let run on and what it cancelled, and when it returned', () => {
    const model = run(
      'submit',
      [
        { label: 'work(0.3)', worker: 0, start: 0, end: 300, delivered: 301 },
        { label: 'work(1)', worker: 1, start: 0, end: 1000, delivered: 1001 },
        { label: 'work(1)', worker: 2, start: 0, end: 1000, delivered: 1002 },
        { label: 'work(0.3)', worker: 0, start: 0, end: 302, status: 'cancelled', delivered: 1003 },
        { label: 'work(0.3)', worker: 0, start: 0, end: 302, status: 'cancelled', delivered: 1004 },
      ],
      {
        ready: [0, 0, 0],
        wallMs: 1100,
        extra: [
          {
            type: 'shutdown-called',
            wait: true,
            cancelFutures: true,
            cancelled: [4, 5],
            handedOver: [2, 3],
            t: 301.5,
          },
          { type: 'shutdown-returned', t: 1000.5 },
        ],
      },
    );
    const facts = whatHappened(model).facts;
    expect(facts).toContain(
      'shutdown(wait=True, cancel_futures=True) was called at 0.30 s; 2 × work(1) were already handed to a ' +
        'worker and ran on; 2 × work(0.3) were cancelled before starting; it returned 0.70 s later.',
    );
    // Cancelled by the shutdown: not listed again as cancelled otherwise.
    expect(facts.filter((f) => f.includes('cancelled'))).toHaveLength(1);
  });

  it('says shutdown(wait=False) returned at once', () => {
    const model = run('submit', [{ label: 'f(0)', worker: 0, start: 0, end: 1000, delivered: 1001 }], {
      wallMs: 1100,
      extra: [
        { type: 'shutdown-called', wait: false, cancelFutures: false, cancelled: [], handedOver: [1], t: 10 },
        { type: 'shutdown-returned', t: 10.2 },
      ],
    });
    expect(whatHappened(model).facts).toContain(
      'shutdown(wait=False, cancel_futures=False) was called at 0.010 s; f(0) was already handed to a worker and ran on; it returned at once.',
    );
  });

  it('tells a task that raised (the pool goes on) from a process that died (the pool breaks)', () => {
    const raised = run(
      'submit',
      [
        { label: 'f(0)', worker: 0, start: 0, end: 100, delivered: 101 },
        {
          label: 'f(1)',
          worker: 1,
          start: 0,
          end: 100,
          status: 'error',
          error: 'RangeError',
          delivered: 102,
        },
      ],
      { wallMs: 200, outcome: 'error' },
    );
    expect(whatHappened(raised).facts.at(-1)).toBe(
      'f(1) raised RangeError; the other tasks were not affected by it.',
    );
    const broken = run(
      'submit',
      [
        { label: 'risky(0)', worker: 0, start: 0, end: 500, delivered: 501 },
        { label: 'risky(3)', worker: 1, start: 0, end: 150, status: 'error', error: 'BrokenProcessPool' },
        {
          label: 'risky(4)',
          worker: 0,
          start: 0,
          end: 150,
          status: 'error',
          error: 'BrokenProcessPool',
          delivered: 502,
        },
      ],
      {
        wallMs: 600,
        outcome: 'broken',
        extra: [
          { type: 'worker-exited', worker: 1, pid: 101, code: 1, signal: null, reason: 'crash', t: 150 },
          { type: 'pool-broken', message: 'worker process 101 exited with code 1', t: 150 },
        ],
      },
    );
    expect(whatHappened(broken).facts.at(-1)).toBe(
      'Process 101 exited with code 1, which broke the pool: risky(3) and risky(4) failed with BrokenProcessPool.',
    );
  });
});
