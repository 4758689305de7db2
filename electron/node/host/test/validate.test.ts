import { describe, expect, it } from 'vitest';
import { validateRun, MAX_TASKS } from '../validate';
import { spec } from './harness';

const code = 'export function task(n: number) { return n * 2; }\n';

describe('validateRun', () => {
  it('accepts a good spec and returns the transpiled module and parsed inputs', async () => {
    const result = await validateRun(spec({ code, fn: 'task', inputs: 'range(3)' }));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.run.inputs).toEqual([0, 1, 2]);
      expect(result.run.taskCount).toBe(3);
      expect(result.run.js).toContain('function task(n)');
      expect(result.run.js).toContain('sourceMappingURL=data:');
    }
  });

  it('reports a syntax error with line and column, and nothing else runs', async () => {
    const result = await validateRun(
      spec({ code: 'export function task(n) {\n  return n +;\n}\n', fn: 'task' }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.diagnostics[0]).toMatchObject({ source: 'code', line: 2 });
      expect(result.diagnostics[0]!.column).toBeGreaterThan(1);
    }
  });

  it('says which function is missing and what the module exports', async () => {
    const result = await validateRun(spec({ code, fn: 'square' }));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.diagnostics[0]!.message).toMatch(/does not export "square".*Exported now: task/s);
  });

  it('refuses absurd settings with a clear message', async () => {
    for (const [overrides, message] of [
      [{ maxWorkers: 0 }, /max workers must be at least 1/],
      [{ maxWorkers: 100000 }, /at most 64/],
      [{ maxWorkers: 2.5 }, /whole number/],
      [{ chunksize: 0 }, /chunksize must be at least 1/],
      [{ timeoutSec: -1 }, /more than 0 seconds/],
      [{ fn: 'not a name' }, /name of an exported function/],
    ] as const) {
      const result = await validateRun(spec({ code, ...overrides }));
      expect(result.ok, JSON.stringify(overrides)).toBe(false);
      if (!result.ok) expect(result.diagnostics[0]!.message).toMatch(message);
    }
  });

  it('points at bad inputs and at runs with too many tasks', async () => {
    const bad = await validateRun(spec({ code, fn: 'task', inputs: '[1, 2,, 3]' }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.diagnostics[0]).toMatchObject({ source: 'inputs', column: 7 });
    // A run may have 100,000 tasks, one per input: as many as a run may have inputs.
    expect(MAX_TASKS).toBe(100_000);
    const most = await validateRun(spec({ code, fn: 'task', inputs: `range(${MAX_TASKS})` }));
    expect(most.ok).toBe(true);
    if (most.ok) expect(most.run.taskCount).toBe(100_000);
    const many = await validateRun(spec({ code, fn: 'task', inputs: `range(${MAX_TASKS + 1})` }));
    expect(many.ok).toBe(false);
    if (!many.ok) expect(many.diagnostics[0]!.message).toMatch(/too long: 100001/);
  });

  it('rejects things that are not specs at all', async () => {
    for (const junk of [null, 42, 'x', { code: 1 }, [], { ...spec({ code }), mode: 'threads' }]) {
      const result = await validateRun(junk);
      expect(result.ok).toBe(false);
    }
  });
});
