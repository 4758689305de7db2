import { describe, expect, it, vi } from 'vitest';
import { PYTHON_TASKS_STARTER, SEED_SUBMIT_PY, SEED_SUBMIT_TS } from '../../../shared/program-examples';
import { defaultWorkspace } from '../../../shared/workspace';
import { specErrors } from '../runbar/run-form';
import { WorkspaceStore } from '../workspace/workspace-store';

function store(): WorkspaceStore {
  return new WorkspaceStore(defaultWorkspace(), {
    loadWorkspace: vi.fn(async () => null),
    saveWorkspace: vi.fn(async () => undefined),
  });
}

describe('switching what the editor holds', () => {
  it('keeps the code of each language and kind: going back brings it back, edits included', () => {
    const ws = store();
    ws.update({ code: 'export function mine() {}\n' });
    ws.switchCode('python', 'tasks');
    expect(ws.state.code).toBe(PYTHON_TASKS_STARTER);
    expect(ws.state.spec).toMatchObject({ language: 'python', kind: 'tasks' });
    ws.update({ code: 'def mine():\n    pass\n' });
    ws.switchCode('python', 'program');
    expect(ws.state.code).toBe(SEED_SUBMIT_PY);
    ws.switchCode('typescript', 'program');
    expect(ws.state.code).toBe(SEED_SUBMIT_TS);
    ws.switchCode('typescript', 'tasks');
    expect(ws.state.code).toBe('export function mine() {}\n');
    ws.switchCode('python', 'tasks');
    expect(ws.state.code).toBe('def mine():\n    pass\n');
    // The code on screen is never also in the stash; the other three are.
    expect(Object.keys(ws.state.stash).sort()).toEqual([
      'python-program',
      'typescript-program',
      'typescript-tasks',
    ]);
  });

  it('keeps the run settings across languages, so the same settings run in both', () => {
    const ws = store();
    ws.updateSpec({ mode: 'map', maxWorkers: 2, inputs: '[1, 2]' });
    ws.switchCode('python', 'tasks');
    expect(ws.state.spec).toMatchObject({ mode: 'map', maxWorkers: 2, inputs: '[1, 2]' });
  });

  it('checks only the memory cap of a whole program (it makes its own pools)', () => {
    const spec = { ...defaultWorkspace().spec, kind: 'program' as const, fn: '', inputs: 'range(' };
    expect(specErrors(spec)).toEqual({});
    expect(specErrors({ ...spec, memoryLimitMb: 3 }).memoryLimitMb).toMatch(/at least 128 MB/);
  });
});
