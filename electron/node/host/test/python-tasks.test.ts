/**
 * Python task functions driven by the run bar: the host runs the
 * "equivalent Python program" the app shows (main.py) beside the learner's
 * tasks.py, on CPython's own ProcessPoolExecutor, so the same settings run in
 * both languages and read alike on the timeline.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pythonProgram } from '../../../../shared/program-text';
import { RunModel } from '../../../../shared/run-model';
import { findPython } from '../../python';
import { createHarness, driverLines, finishedEvent, spec, type Harness } from './harness';

const found = await findPython();
if (!found.ok) console.warn(`Python task-mode tests skipped: ${found.message}`);

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(async () => {
  await h.dispose();
});

const TASKS = `import os
import time

def task(n):
    print(f"Task {n} starting in process {os.getpid()}")
    time.sleep(0.2)
    return f"Task {n} done."

def square(n):
    time.sleep(n / 20)
    return n * n
`;

describe.skipIf(!found.ok)('Python task mode', () => {
  it('the submit example on CPython: results in submission order, one lane per worker PID', async () => {
    const events = await h.run({
      code: TASKS,
      language: 'python',
      fn: 'task',
      mode: 'submit',
      inputs: 'range(5)',
      maxWorkers: 3,
    });
    expect(finishedEvent(events).outcome).toBe('ok');
    const lines = driverLines(events);
    expect(lines.slice(0, 5).map((l) => l.trim())).toEqual([0, 1, 2, 3, 4].map((n) => `Task ${n} done.`));
    expect(lines.at(-1)).toMatch(/^Done in .* s · 5 tasks · 3 worker processes/);
    const model = RunModel.from(events);
    expect(model.runtime?.language).toBe('python');
    expect(model.tasks.map((t) => t.label)).toEqual([0, 1, 2, 3, 4].map((n) => `task(${n})`));
    expect(model.tasks.map((t) => t.deliveryOrder)).toEqual([1, 2, 3, 4, 5]);
    expect(model.workers).toHaveLength(3);
    for (const e of events)
      if (e.type === 'output' && e.text.includes('starting in process'))
        expect(e.text).toContain(`process ${e.pid}`);
    const [saved] = await h.store.listRuns();
    expect(saved).toMatchObject({
      name: 'task · submit · 3 workers · Python · edited code',
      taskCount: 5,
      workerCount: 3,
    });
  });

  it('map with spawn: the program shown is the program run, and results come in input order', async () => {
    const settings = {
      code: TASKS,
      language: 'python' as const,
      fn: 'square',
      mode: 'map' as const,
      inputs: '[5, 2, 3, 4, 1]',
      maxWorkers: 3,
      startMethod: 'spawn' as const,
    };
    expect(pythonProgram(spec(settings))).toContain('mp_context=multiprocessing.get_context("spawn")');
    const events = await h.run(settings);
    expect(finishedEvent(events).outcome).toBe('ok');
    expect(
      driverLines(events)
        .slice(0, 5)
        .map((l) => l.trim()),
    ).toEqual(['25', '4', '9', '16', '1']);
    const model = RunModel.from(events);
    expect(model.executors[0]).toMatchObject({ startMethod: 'spawn', maxWorkers: 3 });
    expect([...model.tasks].sort((a, b) => a.deliveryOrder! - b.deliveryOrder!).map((t) => t.label)).toEqual([
      'square(5)',
      'square(2)',
      'square(3)',
      'square(4)',
      'square(1)',
    ]);
  });

  it('the serial baseline: every call in the program process itself, one after another, each a task', async () => {
    const events = await h.run({
      code: TASKS,
      language: 'python',
      fn: 'square',
      mode: 'serial',
      inputs: '[3, 1, 2]',
    });
    expect(finishedEvent(events).outcome).toBe('ok');
    expect(
      driverLines(events)
        .slice(0, 3)
        .map((l) => l.trim()),
    ).toEqual(['9', '1', '4']);
    const model = RunModel.from(events);
    expect(model.workers).toHaveLength(1);
    expect(model.tasks.map((t) => [t.label, t.state, t.worker])).toEqual([
      ['square(3)', 'ok', 0],
      ['square(1)', 'ok', 0],
      ['square(2)', 'ok', 0],
    ]);
    for (let i = 1; i < model.tasks.length; i++)
      expect(model.tasks[i]!.started!).toBeGreaterThanOrEqual(model.tasks[i - 1]!.finished!);
    expect(events).not.toContainEqual(
      expect.objectContaining({ type: 'notice', text: expect.stringMatching(/nothing to trace/) }),
    );
  });

  it('a task function tasks.py does not define, or a syntax error in it, is refused before anything runs', async () => {
    const missing = await h.service.startRun(spec({ code: TASKS, language: 'python', fn: 'cube' }));
    expect(missing.ok).toBe(false);
    if (!missing.ok)
      expect(missing.diagnostics[0]!.message).toMatch(/^tasks\.py has no top-level function "cube"/);
    const broken = await h.service.startRun(
      spec({ code: 'def task(n)\n    return n\n', language: 'python', fn: 'task' }),
    );
    expect(broken.ok).toBe(false);
    if (!broken.ok)
      expect(broken.diagnostics[0]).toMatchObject({
        source: 'code',
        line: 1,
        message: expect.stringMatching(/\(tasks\.py, line 1\)$/),
      });
  });
});
