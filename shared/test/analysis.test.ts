import { describe, expect, it } from 'vitest';
import { amdahlSpeedup, fitAmdahl } from '../amdahl';
import type { RunEvent } from '../run-events';
import { RunModel } from '../run-model';
import { DEFAULT_RUN_SPEC } from '../run-spec';
import { efficiency, runStats, speedup } from '../run-stats';
import { resultsCsv, resultsJson } from '../results-export';
import { chromeTrace } from '../trace-export';

const spec = { ...DEFAULT_RUN_SPEC, code: '' };

/** Two workers; two tasks of 100 ms each, in parallel; run takes 150 ms. */
function sampleRun(epoch = 1_000): RunModel {
  const events: RunEvent[] = [
    { type: 'run-started', runId: 'r', spec, epoch, cpus: 2, taskCount: 2, inputCount: 2, t: 0 },
    { type: 'worker-spawned', worker: 0, pid: 100, t: 0 },
    { type: 'worker-spawned', worker: 1, pid: 101, t: 0 },
    { type: 'task-submitted', task: 1, fn: 'f', label: 'f(0)', index: 0, items: 1, args: '0', t: 1 },
    { type: 'task-submitted', task: 2, fn: 'f', label: 'f("a,b")', index: 1, items: 1, args: "'a,b'", t: 1 },
    { type: 'worker-ready', worker: 0, pid: 100, t: 40 },
    { type: 'worker-ready', worker: 1, pid: 101, t: 45 },
    { type: 'task-dispatched', task: 1, worker: 0, pid: 100, t: 41 },
    { type: 'task-dispatched', task: 2, worker: 1, pid: 101, t: 46 },
    {
      type: 'task-finished',
      task: 1,
      status: 'ok',
      worker: 0,
      pid: 100,
      started: 42,
      finished: 142,
      result: '0',
      t: 143,
    },
    { type: 'task-delivered', task: 1, order: 1, t: 144 },
    {
      type: 'task-finished',
      task: 2,
      status: 'error',
      worker: 1,
      pid: 101,
      started: 47,
      finished: 147,
      error: { name: 'Error', message: 'no "a,b"' },
      t: 148,
    },
    { type: 'task-delivered', task: 2, order: 2, t: 149 },
    { type: 'run-finished', outcome: 'error', wallMs: 150, t: 150 },
  ];
  return RunModel.from(events);
}

describe('run statistics', () => {
  it('splits the time into start-up, queue, transfer and running', () => {
    const stats = runStats(sampleRun());
    expect(stats.wallMs).toBe(150);
    expect(stats.breakdown).toEqual({ startupMs: 85, queuedMs: 85, transferMs: 6, runningMs: 200 });
    expect(stats.utilisation).toBeCloseTo(200 / 300);
    expect(speedup(300, 150)).toBe(2);
    expect(efficiency(2, 4)).toBe(0.5);
  });
});

describe("Amdahl's law fit", () => {
  it('recovers the serial fraction of ideal data', () => {
    const points = [1, 2, 3, 4, 8].map((n) => ({ workers: n, speedup: amdahlSpeedup(0.1, n) }));
    expect(fitAmdahl(points)).toBeCloseTo(0.1, 3);
  });

  it('gives 0 for perfect scaling and 1 for none', () => {
    expect(fitAmdahl([1, 2, 4].map((n) => ({ workers: n, speedup: n })))).toBe(0);
    expect(fitAmdahl([1, 2, 4].map((n) => ({ workers: n, speedup: 1 })))).toBe(1);
  });
});

describe('exports', () => {
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

  it('puts two runs on one time axis', () => {
    const trace = chromeTrace([
      { model: sampleRun(1_000), name: 'A' },
      { model: sampleRun(6_000), name: 'B' },
    ]);
    const firstSliceOfB = trace.traceEvents.find((e) => e.ph === 'X' && e.cat === 'ok' && e.ts! > 1_000_000);
    expect(firstSliceOfB?.ts).toBe(5_042_000);
  });

  it('writes results as CSV (quoted where needed) and JSON', () => {
    const csv = resultsCsv(sampleRun()).trim().split('\n');
    expect(csv[0]).toBe(
      'task,input_index,label,args,state,pid,submitted_ms,started_ms,finished_ms,delivered_ms,delivery_order,result,error',
    );
    expect(csv[2]).toContain(`"f(""a,b"")"`);
    expect(JSON.parse(resultsJson(sampleRun()))).toHaveLength(2);
  });
});
