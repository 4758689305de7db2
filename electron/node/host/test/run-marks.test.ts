/**
 * The run log records what the timeline marks, from real runs: each worker's
 * initializer (worker-side start and end), the caller's deadline and the
 * TimeoutError when it fires, and Stop. A timed-out map records no delivery
 * for a result the caller never received. Saved runs keep these events.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../../shared/run-events';
import { RunModel } from '../../../../shared/run-model';
import { createHarness, finishedEvent, spec, type Harness } from './harness';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(async () => {
  await h.dispose();
});

const ofType = <T extends RunEvent['type']>(events: RunEvent[], type: T): Extract<RunEvent, { type: T }>[] =>
  events.filter((e): e is Extract<RunEvent, { type: T }> => e.type === type);

describe('what the run log records for the timeline', () => {
  it('each worker reports when its initializer ran, before its first task', async () => {
    const code =
      'let ready = false;\nexport function setup(ms: number) { sleep(ms); ready = true; }\n' +
      'export function task(n: number) { return ready ? n : -1; }\n';
    const events = await h.run({
      code,
      fn: 'task',
      inputs: 'range(4)',
      maxWorkers: 2,
      initializer: 'setup',
      initargs: '[30]',
    });
    const inits = ofType(events, 'worker-initialized');
    // Every worker that ran a task ran the initializer first (on a busy machine one worker may run
    // all four before the other has started, and be shut down before its initializer reports).
    const ranTasks = new Set(ofType(events, 'task-finished').map((e) => e.pid));
    expect(ranTasks.size).toBeGreaterThan(0);
    expect(inits.map((e) => e.pid)).toEqual(expect.arrayContaining([...ranTasks]));
    for (const init of inits) {
      expect(init.ok).toBe(true);
      expect(init.finished).toBeGreaterThanOrEqual(init.started + 25);
      const first = ofType(events, 'task-finished').find((e) => e.pid === init.pid);
      if (first?.started != null) expect(first.started).toBeGreaterThanOrEqual(init.finished);
    }
    const model = RunModel.from(events);
    expect(model.workers.filter((w) => w.tasks.length > 0).every((w) => w.init?.ok === true)).toBe(true);
  });

  it('a failing initializer is recorded as not ok', async () => {
    const code =
      'export function setup() { throw new Error("no"); }\nexport function task(n: number) { return n; }\n';
    const events = await h.run({ code, fn: 'task', inputs: 'range(2)', maxWorkers: 1, initializer: 'setup' });
    expect(finishedEvent(events).outcome).toBe('broken');
    expect(ofType(events, 'worker-initialized').map((e) => e.ok)).toContain(false);
  });

  it('a timed-out map: the deadline, the TimeoutError, and no delivery for results never received', async () => {
    const code = 'export function slow(n: number) { sleep(n); return n; }\n';
    const events = await h.run({
      code,
      fn: 'slow',
      mode: 'map',
      inputs: '[10, 3000, 10]',
      maxWorkers: 3,
      timeoutSec: 0.5,
    });
    expect(finishedEvent(events).outcome).toBe('timeout');
    const [deadline] = ofType(events, 'deadline-set');
    const [timedOut] = ofType(events, 'timed-out');
    expect(deadline!.due).toBeGreaterThan(deadline!.t);
    expect(timedOut!.t).toBeGreaterThanOrEqual(deadline!.due - 5);
    // The first result reached the caller; the 3 s one (and the one behind it) never did.
    const submitted = ofType(events, 'task-submitted');
    const delivered = ofType(events, 'task-delivered').map((e) => e.task);
    expect(delivered).toEqual([submitted[0]!.task]);
    // The saved run keeps the marks.
    const [saved] = await h.store.listRuns();
    const reloaded = RunModel.from((await h.store.getRun(saved!.id))!.events);
    expect(reloaded.marks.deadline).toBe(deadline!.due);
    expect(reloaded.marks.timedOut?.message).toMatch(/./);
  });

  it('Stop is recorded at the moment it was asked for', async () => {
    const code = 'export function spin() { for (;;) {} }\n';
    const started = await h.service.startRun(spec({ code, fn: 'spin', inputs: '[1]', maxWorkers: 1 }));
    if (!started.ok) throw new Error('not started');
    while (!h.events.some((e) => e.type === 'task-started')) await new Promise((r) => setTimeout(r, 20));
    await h.service.stopRun(started.runId);
    while (!h.events.some((e) => e.type === 'run-finished')) await new Promise((r) => setTimeout(r, 20));
    const [stop] = ofType(h.events, 'stop-requested');
    const exit = ofType(h.events, 'worker-exited')[0]!;
    expect(stop!.t).toBeLessThanOrEqual(exit.t);
    expect(finishedEvent(h.events).outcome).toBe('stopped');
  });
});
