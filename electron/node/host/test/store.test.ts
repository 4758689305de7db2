import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultWorkspace } from '../../../../shared/workspace';
import type { SavedRun } from '../../../../shared/api';
import { DEFAULT_MEMORY_LIMIT_MB, DEFAULT_SHUTDOWN } from '../../../../shared/run-spec';
import { RUN_FILE_VERSION } from '../../../../shared/saved-run';
import { cleanStaleTemporaryFiles, HISTORY_LIMIT, Store } from '../store';
import { spec } from './harness';

let parent: string;
let dir: string;
let store: Store;
beforeEach(async () => {
  parent = mkdtempSync(join(tmpdir(), 'pp-store-'));
  dir = join(parent, 'data');
  store = new Store(dir);
  await store.open();
});
afterEach(() => rmSync(parent, { recursive: true, force: true }));

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

const runsDir = (): string => join(dir, 'runs');
const ids = async (s: Store = store): Promise<string[]> => (await s.listRuns()).map((r) => r.id);

async function saveRuns(count: number): Promise<string[]> {
  const made: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = `run-${String(i).padStart(6, '0')}`;
    await store.saveRun(run(id, i));
    made.push(id);
  }
  return made;
}

describe('Store', () => {
  it('round-trips the workspace and leaves no temporary files', async () => {
    expect(await store.loadWorkspace()).toBeNull();
    const ws = { ...defaultWorkspace('map'), savedAt: 123 };
    await store.saveWorkspace(ws);
    expect(await store.loadWorkspace()).toEqual(ws);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps a history: save, rename, delete', async () => {
    await store.saveRun(run('run-aaaa01', 1));
    await store.saveRun(run('run-aaaa02', 2));
    await store.renameRun('run-aaaa01', 'baseline');
    expect((await store.listRuns()).map((r) => r.name)).toEqual(['baseline', 'run run-aaaa02']);
    expect((await store.getRun('run-aaaa01'))?.name).toBe('baseline');
    await store.deleteRun('run-aaaa02');
    expect(await ids()).toEqual(['run-aaaa01']);
    expect(await store.getRun('run-aaaa02')).toBeNull();
  });

  it('never reads, renames or deletes outside its runs folder, whatever the id', async () => {
    // Plant what a path trick would reach: the workspace beside runs/, and a valid run file
    // beside the data folder.
    const ws = JSON.stringify({ ...defaultWorkspace(), savedAt: 7 });
    writeFileSync(join(dir, 'workspace.json'), ws);
    const outside = join(parent, 'planted.json');
    writeFileSync(outside, JSON.stringify({ version: 2, ...run('planted-run', 1) }));
    const tricks = ['../workspace', '../../planted', '..%2F..%2Fplanted', 'a/b', '../runs/../../planted'];
    for (const id of tricks) {
      expect(await store.getRun(id), id).toBeNull();
      await store.renameRun(id, 'renamed');
      await store.deleteRun(id);
    }
    expect(readFileSync(join(dir, 'workspace.json'), 'utf8')).toBe(ws);
    expect(JSON.parse(readFileSync(outside, 'utf8'))).toMatchObject({
      id: 'planted-run',
      name: 'run planted-run',
    });
    expect(readdirSync(dir).sort()).toEqual(['runs', 'workspace.json']);
    expect(store.notices()).toEqual([]);
  });

  it(`drops the oldest runs beyond ${HISTORY_LIMIT}`, async () => {
    await saveRuns(HISTORY_LIMIT + 3);
    const listed = await ids();
    expect(listed).toHaveLength(HISTORY_LIMIT);
    expect(listed[0]).toBe('run-000003');
    expect(await store.getRun('run-000000')).toBeNull();
  });

  it('survives a crash mid-write: a dead writer’s temporary file is ignored and cleaned up, a live one’s kept', async () => {
    await store.saveWorkspace({ ...defaultWorkspace(), savedAt: 1 });
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(join(dir, `workspace.json.${dead}.456.tmp`), '{"trunc');
    // Another host on this folder, still writing (this test's own parent process is alive).
    writeFileSync(join(dir, `workspace.json.${process.ppid}.457.tmp`), '{"half');
    expect((await store.loadWorkspace())?.savedAt).toBe(1);
    await cleanStaleTemporaryFiles(dir);
    expect(readdirSync(dir).sort()).toEqual([
      'runs',
      `workspace.json`,
      `workspace.json.${process.ppid}.457.tmp`,
    ]);
  });
});

describe('Store: the index is a cache of the run files', () => {
  it('a truncated index: every run is still listed, and the next save keeps them all', async () => {
    const made = await saveRuns(5);
    const index = join(runsDir(), 'index.json');
    const text = readFileSync(index, 'utf8');
    writeFileSync(index, text.slice(0, text.length / 2));
    const reopened = new Store(dir);
    await reopened.open();
    expect(await ids(reopened)).toEqual(made);
    await reopened.saveRun(run('run-new001', 99));
    expect(await ids(new Store(dir))).toEqual([...made, 'run-new001']);
    // A rebuilt index is no damage to report: nothing was lost.
    expect(reopened.notices()).toEqual([]);
  });

  it('an index of the wrong shape never reaches the client, and saving still works', async () => {
    const made = await saveRuns(3);
    const index = join(runsDir(), 'index.json');
    for (const wrong of [
      '{"runs": 5}',
      '[{"id": 1}]',
      'null',
      JSON.stringify({ version: 1, runs: [{ summary: { id: '../../etc/passwd' }, size: 1, mtimeMs: 1 }] }),
    ]) {
      writeFileSync(index, wrong);
      const reopened = new Store(dir);
      expect(await ids(reopened), wrong).toEqual(made);
      for (const r of await reopened.listRuns()) expect(r.spec.fn).toBe('task');
    }
    await store.saveRun(run('run-new002', 99));
    expect(await ids()).toEqual([...made, 'run-new002']);
  });

  it('each listed run carries its timing, worked out from its events; an index without it is rebuilt', async () => {
    const timed: SavedRun = {
      ...run('run-timed1', 1),
      events: [
        {
          type: 'run-started',
          runId: 'run-timed1',
          spec: spec({ code: '' }),
          epoch: 0,
          cpus: 2,
          loadAverage: 2.5,
          taskCount: 2,
          inputCount: 2,
          t: 0,
        },
        { type: 'worker-spawned', worker: 0, pid: 10, t: 1 },
        { type: 'task-submitted', task: 1, fn: 'f', label: 'f(1)', index: 0, items: 1, args: '1', t: 1 },
        { type: 'task-submitted', task: 2, fn: 'f', label: 'f(2)', index: 1, items: 1, args: '2', t: 1 },
        {
          type: 'task-finished',
          task: 1,
          status: 'ok',
          worker: 0,
          pid: 10,
          started: 10,
          finished: 30,
          t: 30,
        },
        {
          type: 'task-finished',
          task: 2,
          status: 'ok',
          worker: 0,
          pid: 10,
          started: 30,
          finished: 70,
          t: 70,
        },
        { type: 'run-finished', outcome: 'ok', wallMs: 80, t: 80 },
      ],
    };
    await store.saveRun(timed);
    const expected = { cpus: 2, loadAverage: 2.5, medianItemMs: 30, peakWorkers: 1 };
    expect((await store.listRuns())[0]!.timing).toEqual(expected);
    // An index written before summaries had their timing is a cache to rebuild, not an error.
    const index = join(runsDir(), 'index.json');
    const old = JSON.parse(readFileSync(index, 'utf8')) as { runs: { summary: Record<string, unknown> }[] };
    for (const entry of old.runs) delete entry.summary.timing;
    writeFileSync(index, JSON.stringify({ ...old, version: 1 }));
    const reopened = new Store(dir);
    expect((await reopened.listRuns())[0]!.timing).toEqual(expected);
    expect(reopened.notices()).toEqual([]);
  });

  it('a missing index or runs folder is no problem', async () => {
    const made = await saveRuns(2);
    rmSync(join(runsDir(), 'index.json'));
    expect(await ids(new Store(dir))).toEqual(made);
    rmSync(runsDir(), { recursive: true });
    expect(await ids(new Store(dir))).toEqual([]);
  });

  it('two hosts on one folder saving at once: no run is lost', async () => {
    const other = new Store(dir);
    await other.open();
    const saves: Promise<void>[] = [];
    for (let i = 0; i < 30; i++) {
      saves.push(store.saveRun(run(`run-a${String(i).padStart(5, '0')}`, i)));
      saves.push(other.saveRun(run(`run-b${String(i).padStart(5, '0')}`, i)));
    }
    await Promise.all(saves);
    expect(await ids()).toHaveLength(60);
    expect(await ids(other)).toHaveLength(60);
    // A rename and a delete by one are seen by the other.
    await other.renameRun('run-a00003', 'renamed by the other host');
    await store.deleteRun('run-b00004');
    const listed = await store.listRuns();
    expect(listed).toHaveLength(59);
    expect(listed.find((r) => r.id === 'run-a00003')?.name).toBe('renamed by the other host');
    expect(await ids(other)).not.toContain('run-b00004');
  });
});

describe('Store: damaged and older files', () => {
  it('a corrupt run file and workspace are kept aside and reported once', async () => {
    await saveRuns(2);
    writeFileSync(join(runsDir(), 'run-000001.json'), '{"version": 2, "id": "run-0');
    writeFileSync(join(dir, 'workspace.json'), '{"version": 2, "code": 42}');
    const reopened = new Store(dir);
    await reopened.open();
    expect(await ids(reopened)).toEqual(['run-000000']);
    expect(await reopened.loadWorkspace()).toBeNull();
    await reopened.listRuns();
    expect(await reopened.getRun('run-000001')).toBeNull();

    const notices = reopened.notices();
    expect(notices).toHaveLength(2);
    const keptRun = readdirSync(runsDir()).filter((n) => n.startsWith('run-000001.json.corrupt-'));
    const keptWorkspace = readdirSync(dir).filter((n) => n.startsWith('workspace.json.corrupt-'));
    expect(keptRun).toHaveLength(1);
    expect(keptWorkspace).toHaveLength(1);
    expect(readFileSync(join(runsDir(), keptRun[0]!), 'utf8')).toBe('{"version": 2, "id": "run-0');
    expect(readFileSync(join(dir, keptWorkspace[0]!), 'utf8')).toBe('{"version": 2, "code": 42}');
    expect(notices.map((n) => n.keptAs).sort()).toEqual(
      [join(runsDir(), keptRun[0]!), join(dir, keptWorkspace[0]!)].sort(),
    );
    expect(notices.find((n) => n.keptAs?.includes('workspace'))?.message).toMatch(
      /saved workspace could not be read/,
    );
    expect(notices.find((n) => n.keptAs?.includes('run-000001'))?.message).toMatch(
      /run in the history could not be read/,
    );
    reopened.dismissNotice(notices[0]!.id);
    expect(reopened.notices()).toEqual([notices[1]]);
  });

  it('files of an older format are upgraded, never set aside', async () => {
    // The first format: a workspace without a memory limit, a run file without a version
    // (and, like every file before format 3, without early shutdown settings).
    const { memoryLimitMb: _ws, shutdown: _wsShutdown, ...oldSpec } = defaultWorkspace().spec;
    writeFileSync(
      join(dir, 'workspace.json'),
      JSON.stringify({ ...defaultWorkspace(), version: 1, spec: oldSpec }),
    );
    const { memoryLimitMb: _run, shutdown: _runShutdown, ...oldRunSpec } = run('run-old001', 5).spec;
    writeFileSync(
      join(runsDir(), 'run-old001.json'),
      JSON.stringify({ ...run('run-old001', 5), spec: oldRunSpec }),
    );
    const reopened = new Store(dir);
    await reopened.open();
    expect((await reopened.loadWorkspace())?.spec.memoryLimitMb).toBe(DEFAULT_MEMORY_LIMIT_MB);
    // The old run ran without a memory cap, and says so.
    expect((await reopened.getRun('run-old001'))?.spec.memoryLimitMb).toBeNull();
    // Neither shut down early.
    expect((await reopened.loadWorkspace())?.spec.shutdown).toEqual(DEFAULT_SHUTDOWN);
    expect((await reopened.getRun('run-old001'))?.spec.shutdown).toEqual(DEFAULT_SHUTDOWN);
    expect(await ids(reopened)).toEqual(['run-old001']);
    await reopened.renameRun('run-old001', 'kept');
    expect(JSON.parse(readFileSync(join(runsDir(), 'run-old001.json'), 'utf8'))).toMatchObject({
      version: RUN_FILE_VERSION,
      name: 'kept',
    });
    expect(reopened.notices()).toEqual([]);
    expect(readdirSync(dir).filter((n) => n.includes('corrupt'))).toEqual([]);
  });

  it('a workspace and a run of format 2 get the early-shutdown settings of a run that never shut down early', async () => {
    const { shutdown: _ws, ...v2Spec } = defaultWorkspace().spec;
    writeFileSync(
      join(dir, 'workspace.json'),
      JSON.stringify({ ...defaultWorkspace(), version: 2, spec: v2Spec }),
    );
    const { shutdown: _run, ...v2RunSpec } = run('run-two002', 5).spec;
    writeFileSync(
      join(runsDir(), 'run-two002.json'),
      JSON.stringify({ ...run('run-two002', 5), version: 2, spec: v2RunSpec }),
    );
    const reopened = new Store(dir);
    await reopened.open();
    expect((await reopened.loadWorkspace())?.spec.shutdown).toEqual(DEFAULT_SHUTDOWN);
    expect((await reopened.getRun('run-two002'))?.spec.shutdown).toEqual(DEFAULT_SHUTDOWN);
    expect(reopened.notices()).toEqual([]);
  });

  it('a workspace of format 2 (before early shutdown, languages and whole programs) opens as TypeScript tasks that never shut down early, its code on screen', async () => {
    const {
      language: _l,
      kind: _k,
      startMethod: _s,
      shutdown: _sd,
      ...format2Spec
    } = defaultWorkspace('map').spec;
    const { stash: _stash, python: _python, ...format2 } = defaultWorkspace('map');
    writeFileSync(
      join(dir, 'workspace.json'),
      JSON.stringify({ ...format2, version: 2, code: 'export function mine() {}', spec: format2Spec }),
    );
    // A run saved then has no language either: it was TypeScript tasks.
    const {
      language: _rl,
      kind: _rk,
      python: _rp,
      startMethod: _rs,
      ...oldRunSpec
    } = run('run-old002', 1).spec;
    writeFileSync(
      join(runsDir(), 'run-old002.json'),
      JSON.stringify({ ...run('run-old002', 1), spec: oldRunSpec }),
    );
    const reopened = new Store(dir);
    await reopened.open();
    const workspace = await reopened.loadWorkspace();
    expect(workspace).toMatchObject({
      version: 4,
      code: 'export function mine() {}',
      spec: {
        language: 'typescript',
        kind: 'tasks',
        startMethod: null,
        fn: 'square',
        mode: 'map',
        shutdown: DEFAULT_SHUTDOWN,
      },
      stash: {},
      python: null,
    });
    const oldRun = (await reopened.getRun('run-old002'))?.spec;
    expect(oldRun).toMatchObject({ language: 'typescript', kind: 'tasks' });
    expect(oldRun?.python ?? null).toBeNull();
    expect(reopened.notices()).toEqual([]);
  });

  it('a file saved by a newer version is left alone and reported once', async () => {
    const newer = JSON.stringify({ ...run('run-new999', 1), version: 99 });
    writeFileSync(join(runsDir(), 'run-new999.json'), newer);
    const reopened = new Store(dir);
    await reopened.open();
    expect(await ids(reopened)).toEqual([]);
    await reopened.listRuns();
    expect(readFileSync(join(runsDir(), 'run-new999.json'), 'utf8')).toBe(newer);
    expect(reopened.notices()).toHaveLength(1);
    expect(reopened.notices()[0]!.message).toMatch(/newer version/);
  });

  it('keeps the data private: folders 0700, files 0600, also when they existed before', async () => {
    const old = join(parent, 'old');
    mkdirSync(join(old, 'runs'), { recursive: true, mode: 0o755 });
    chmodSync(old, 0o755);
    writeFileSync(join(old, 'workspace.json'), JSON.stringify({ ...defaultWorkspace(), savedAt: 1 }), {
      mode: 0o644,
    });
    const s = new Store(old);
    await s.open();
    await s.saveRun(run('run-mode01', 1));
    await s.saveWorkspace({ ...defaultWorkspace(), savedAt: 2 });
    const mode = (path: string): number => statSync(path).mode & 0o777;
    expect(mode(old)).toBe(0o700);
    expect(mode(join(old, 'runs'))).toBe(0o700);
    expect(mode(join(old, 'workspace.json'))).toBe(0o600);
    expect(mode(join(old, 'runs', 'run-mode01.json'))).toBe(0o600);
    expect(mode(join(old, 'runs', 'index.json'))).toBe(0o600);
    const fresh = join(parent, 'fresh', 'deeper');
    await new Store(fresh).open();
    expect(mode(fresh)).toBe(0o700);
    expect(existsSync(join(fresh, 'runs'))).toBe(true);
  });
});
