import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_SPEC } from '../run-spec';
import { RunModel } from '../run-model';
import { chromeTrace } from '../trace-export';
import { sampleRun } from './sample-runs';

describe('Chrome trace export', () => {
  it('writes a Chrome trace: a named track per worker PID, a slice per task, deliveries as instants', () => {
    const trace = chromeTrace([{ model: sampleRun(), name: 'run A' }]);
    const json = JSON.parse(JSON.stringify(trace)) as typeof trace;
    const names = json.traceEvents.filter((e) => e.ph === 'M' && e.name === 'process_name');
    expect(names.map((e) => e.args?.name)).toEqual([
      'run A · caller',
      'run A · worker 0 (PID 100)',
      'run A · worker 1 (PID 101)',
    ]);
    const slices = json.traceEvents.filter((e) => e.ph === 'X' && e.cat !== 'worker');
    expect(slices.map((e) => [e.name, e.pid, e.ts, e.dur])).toEqual([
      ['f(0)', 100, 42_000, 100_000],
      ['f("a,b")', 101, 47_000, 100_000],
    ]);
    expect(json.traceEvents.filter((e) => e.ph === 'i')).toHaveLength(2);
  });

  it('gives each task its five moments, and says what each one is', () => {
    const model = sampleRun();
    const trace = chromeTrace([{ model, name: 'run A' }]);
    const slice = trace.traceEvents.find((e) => e.ph === 'X' && e.name === 'f(0)')!;
    const task = model.tasks.find((t) => t.label === 'f(0)')!;
    expect(slice.args).toMatchObject({
      queued_ms: task.submitted,
      sent_ms: task.dispatched,
      started_in_worker_ms: task.started,
      finished_in_worker_ms: task.finished,
      received_by_caller_ms: task.delivered,
    });
    const times = trace.otherData.times as Record<string, string>;
    expect(Object.keys(times)).toEqual([
      'queued_ms',
      'sent_ms',
      'started_in_worker_ms',
      'finished_in_worker_ms',
      'received_by_caller_ms',
    ]);
    expect(times.started_in_worker_ms).toMatch(/worker’s own clock/);
    expect(times.received_by_caller_ms).toMatch(/driver loop/);
  });

  it('puts two runs on one time axis', () => {
    const trace = chromeTrace([
      { model: sampleRun(1_000), name: 'A' },
      { model: sampleRun(6_000), name: 'B' },
    ]);
    const firstSliceOfB = trace.traceEvents.find((e) => e.ph === 'X' && e.cat === 'ok' && e.ts! > 1_000_000);
    expect(firstSliceOfB?.ts).toBe(5_042_000);
  });

  /** Track names in the order a trace viewer shows them (by process_sort_index). */
  function trackOrder(trace: ReturnType<typeof chromeTrace>): string[] {
    const meta = (name: string): Map<number, unknown> =>
      new Map(
        trace.traceEvents
          .filter((e) => e.ph === 'M' && e.name === name)
          .map((e) => [e.pid, Object.values(e.args!)[0]]),
      );
    const names = meta('process_name');
    const order = meta('process_sort_index');
    // Every track has its own place: ties would leave the order to the viewer.
    expect(new Set(order.values()).size).toBe(names.size);
    return [...names.keys()]
      .sort((a, b) => (order.get(a) as number) - (order.get(b) as number))
      .map((pid) => names.get(pid) as string);
  }

  it('orders the tracks: each run’s caller first, then its workers in lane order, idle ones too', () => {
    const trace = chromeTrace([{ model: sampleRun(1_000, 100, { idleWorker: true }), name: 'A' }]);
    expect(trackOrder(trace)).toEqual([
      'A · caller',
      'A · worker 0 (PID 100)',
      'A · worker 1 (PID 101)',
      'A · worker 2 (PID 102)',
    ]);
    // The idle worker's track shows its start-up, and nothing ran on it.
    const onIdle = trace.traceEvents.filter((e) => e.pid === 102 && e.ph === 'X');
    expect(onIdle.map((e) => [e.name, e.ts, e.dur])).toEqual([['worker start-up', 50_000, 40_000]]);
  });

  it('gives each compared run its own caller track, holding that run’s deliveries', () => {
    const trace = chromeTrace([
      { model: sampleRun(1_000, 100), name: 'A' },
      { model: sampleRun(6_000, 200), name: 'B' },
    ]);
    expect(trackOrder(trace)).toEqual([
      'A · caller',
      'A · worker 0 (PID 100)',
      'A · worker 1 (PID 101)',
      'B · caller',
      'B · worker 0 (PID 200)',
      'B · worker 1 (PID 201)',
    ]);
    const callers = trace.traceEvents.filter(
      (e) => e.name === 'process_name' && /caller$/.test(String(e.args?.name)),
    );
    const [a, b] = callers.map((e) => e.pid);
    expect(a).not.toBe(b);
    const deliveries = (pid: number | undefined): number[] =>
      trace.traceEvents.filter((e) => e.ph === 'i' && e.pid === pid).map((e) => e.ts!);
    expect(deliveries(a)).toEqual([144_000, 149_000]);
    expect(deliveries(b)).toEqual([5_144_000, 5_149_000]);
  });

  it('gives each thread of a ThreadPoolExecutor its own track inside its process, so their slices never overlap', () => {
    const thread = (worker: number, ordinal: number) =>
      ({
        type: 'worker-spawned',
        worker,
        pid: 500,
        thread: { ordinal, name: `T_${ordinal}` },
        t: 1,
      }) as const;
    const task = (id: number, worker: number) =>
      [
        {
          type: 'task-submitted',
          task: id,
          fn: 'f',
          label: `f(${id})`,
          index: id,
          items: 1,
          args: String(id),
          t: 2,
        },
        { type: 'task-dispatched', task: id, worker, pid: 500, t: 3 },
        { type: 'task-started', task: id, worker, pid: 500, t: 3 },
        { type: 'task-finished', task: id, status: 'ok', worker, pid: 500, started: 3, finished: 9, t: 9 },
      ] as const;
    const model = RunModel.from([
      {
        type: 'run-started',
        runId: 'r',
        spec: { ...DEFAULT_RUN_SPEC, code: '' },
        epoch: 0,
        cpus: 2,
        taskCount: 0,
        inputCount: 0,
        t: 0,
      },
      thread(0, 1),
      thread(1, 2),
      ...task(1, 0),
      ...task(2, 1),
    ]);
    const { traceEvents } = chromeTrace([{ model, name: 'threads' }]);
    expect(
      traceEvents.filter((e) => e.name === 'process_name' && e.pid === 500).map((e) => e.args?.name),
    ).toEqual(['threads · PID 500']);
    expect(traceEvents.filter((e) => e.name === 'thread_name').map((e) => [e.tid, e.args?.name])).toEqual([
      [1, 'thread 1 (T_1)'],
      [2, 'thread 2 (T_2)'],
    ]);
    expect(traceEvents.filter((e) => e.ph === 'X').map((e) => [e.name, e.pid, e.tid])).toEqual([
      ['f(1)', 500, 1],
      ['f(2)', 500, 2],
    ]);
  });
});
