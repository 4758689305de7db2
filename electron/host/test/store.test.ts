import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultWorkspace } from '../../../shared/workspace';
import type { SavedRun } from '../../../shared/api';
import { cleanStaleTemporaryFiles, HISTORY_LIMIT, Store } from '../store';
import { spec } from './harness';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pp-store-'));
  store = new Store(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(id: string, createdAt: number): SavedRun {
  return {
    id,
    name: `run ${id}`,
    createdAt,
    spec: spec({ code: 'export const x = 1;' }),
    meta: {},
    outcome: 'ok',
    wallMs: 10,
    taskCount: 1,
    workerCount: 1,
    events: [],
  };
}

describe('Store', () => {
  it('round-trips the workspace and leaves no temporary files', async () => {
    expect(await store.loadWorkspace()).toBeNull();
    const ws = { ...defaultWorkspace('map'), savedAt: 123 };
    await store.saveWorkspace(ws);
    expect(await store.loadWorkspace()).toEqual(ws);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps a history index: save, rename, delete', async () => {
    await store.saveRun(run('run-aaaa01', 1));
    await store.saveRun(run('run-aaaa02', 2));
    await store.renameRun('run-aaaa01', 'baseline');
    expect((await store.listRuns()).map((r) => r.name)).toEqual(['baseline', 'run run-aaaa02']);
    expect((await store.getRun('run-aaaa01'))?.name).toBe('baseline');
    await store.deleteRun('run-aaaa02');
    expect((await store.listRuns()).map((r) => r.id)).toEqual(['run-aaaa01']);
    expect(await store.getRun('run-aaaa02')).toBeNull();
  });

  it('refuses ids that could reach outside its folder', async () => {
    expect(await store.getRun('../workspace')).toBeNull();
    await store.deleteRun('../../etc');
    expect(await store.getRun('a/b')).toBeNull();
  });

  it(`drops the oldest runs beyond ${HISTORY_LIMIT}`, async () => {
    for (let i = 0; i < HISTORY_LIMIT + 3; i++)
      await store.saveRun(run(`run-${String(i).padStart(6, '0')}`, i));
    const ids = (await store.listRuns()).map((r) => r.id);
    expect(ids).toHaveLength(HISTORY_LIMIT);
    expect(ids[0]).toBe('run-000003');
    expect(await store.getRun('run-000000')).toBeNull();
  });

  it('survives a crash mid-write: a stale temporary file is ignored and cleaned up', async () => {
    await store.saveWorkspace({ ...defaultWorkspace(), savedAt: 1 });
    writeFileSync(join(dir, 'workspace.json.123.456.tmp'), '{"trunc');
    expect((await store.loadWorkspace())?.savedAt).toBe(1);
    await cleanStaleTemporaryFiles(dir);
    expect(readdirSync(dir)).toEqual(['workspace.json']);
  });
});
