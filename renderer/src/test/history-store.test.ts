import { describe, expect, it, vi } from 'vitest';
import type { SavedRunSummary } from '../../../shared/api';
import { DEFAULT_RUN_SPEC, type RunSpec } from '../../../shared/run-spec';
import { HistoryStore, UNDO_MS } from '../history/history-store';

const spec: RunSpec = { ...DEFAULT_RUN_SPEC, code: 'export function task() {}' };

function summary(id: string, createdAt: number): SavedRunSummary {
  return {
    id,
    name: `run ${id}`,
    createdAt,
    spec,
    meta: {},
    outcome: 'ok',
    wallMs: 100,
    taskCount: 1,
    workerCount: 1,
  };
}

function fakeHistoryApi(runs: SavedRunSummary[]) {
  return {
    listRuns: vi.fn(async () => runs.filter((r) => !deleted.has(r.id))),
    renameRun: vi.fn(async (id: string, name: string) => {
      const run = runs.find((r) => r.id === id);
      if (run) run.name = name;
    }),
    deleteRun: vi.fn(async (id: string) => {
      deleted.add(id);
    }),
  };
}
const deleted = new Set<string>();

describe('history store', () => {
  it('lists newest first, keeps the selection, renames, and deletes after the undo time', async () => {
    vi.useFakeTimers();
    deleted.clear();
    const api = fakeHistoryApi([summary('a', 1), summary('b', 3), summary('c', 2)]);
    const history = new HistoryStore(api);
    await history.refresh();
    expect(history.runs.map((r) => r.id)).toEqual(['b', 'c', 'a']);

    history.toggle('a');
    history.toggle('b');
    expect(history.selected).toEqual(['a', 'b']);

    await history.rename('c', '  renamed ');
    expect(api.renameRun).toHaveBeenCalledWith('c', 'renamed');
    expect(history.byId('c')!.name).toBe('renamed');

    history.remove('a');
    expect(history.runs.map((r) => r.id)).toEqual(['b', 'c']);
    expect(history.selected).toEqual(['b']);
    history.undo();
    expect(history.runs.map((r) => r.id)).toEqual(['b', 'c', 'a']);
    expect(history.selected).toEqual(['b', 'a']);
    expect(api.deleteRun).not.toHaveBeenCalled();

    history.remove('a');
    await vi.advanceTimersByTimeAsync(UNDO_MS + 10);
    expect(api.deleteRun).toHaveBeenCalledWith('a');
    expect(history.pendingDelete).toBeNull();
    expect(history.runs.map((r) => r.id)).toEqual(['b', 'c']);
    vi.useRealTimers();
  });
});
