/**
 * Shared files are read as the saved formats are: the same schemas and
 * migrations, a clear message for anything else.
 */
import { describe, expect, it } from 'vitest';
import type { SavedRun } from '../api';
import { DEFAULT_RUN_SPEC, DEFAULT_SHUTDOWN } from '../run-spec';
import { readSharedFile, shareComparison, shareRun, shareWorkspace, SHARE_MARK } from '../share-file';
import { defaultWorkspace } from '../workspace';

function run(id: string, name = 'task · submit · 3 workers'): SavedRun {
  return {
    id,
    name,
    createdAt: 1_700_000_000_000,
    spec: { ...DEFAULT_RUN_SPEC, code: 'export function task(n: number) { return n; }' },
    meta: { exampleId: 'submit' },
    outcome: 'ok',
    wallMs: 1234,
    taskCount: 1,
    workerCount: 1,
    events: [{ type: 'run-finished', outcome: 'ok', wallMs: 1234, t: 1234 }],
  };
}

const fail = (text: string): string => {
  const read = readSharedFile(text);
  if (read.ok) throw new Error('expected the file to be refused');
  return read.message;
};

describe('shared files', () => {
  it('a run, a comparison and a workspace come back as they were saved', () => {
    expect(readSharedFile(shareRun(run('run-aaaaaa')))).toEqual({
      ok: true,
      file: { kind: 'run', run: run('run-aaaaaa') },
    });
    expect(readSharedFile(shareComparison([run('run-aaaaaa'), run('run-bbbbbb', 'other')]))).toEqual({
      ok: true,
      file: { kind: 'comparison', runs: [run('run-aaaaaa'), run('run-bbbbbb', 'other')] },
    });
    const workspace = { ...defaultWorkspace('map'), savedAt: 5 };
    expect(readSharedFile(shareWorkspace(workspace))).toEqual({
      ok: true,
      file: { kind: 'workspace', workspace },
    });
  });

  it('upgrades files of older formats, as saved files are', () => {
    // A run file from before versions existed: no version, no memory cap, no shutdown settings.
    const { memoryLimitMb: _m, shutdown: _s, ...oldSpec } = run('run-old001').spec;
    const old = { ...run('run-old001'), spec: oldSpec };
    const read = readSharedFile(JSON.stringify({ [SHARE_MARK]: 'run', ...old }));
    expect(read.ok && read.file.kind === 'run' && read.file.run.spec).toMatchObject({
      memoryLimitMb: null,
      shutdown: DEFAULT_SHUTDOWN,
    });
    // A workspace of format 2 (no shutdown settings), from a data folder: no mark at all.
    const { shutdown: _w, ...v2Spec } = defaultWorkspace().spec;
    const ws = readSharedFile(JSON.stringify({ ...defaultWorkspace(), version: 2, spec: v2Spec }));
    expect(ws.ok && ws.file.kind === 'workspace' && ws.file.workspace.spec.shutdown).toEqual(
      DEFAULT_SHUTDOWN,
    );
    // A run file straight from a data folder (no mark) is a run.
    const bare = readSharedFile(JSON.stringify({ version: 3, ...run('run-bare01') }));
    expect(bare.ok && bare.file.kind).toBe('run');
  });

  it('says what is wrong with a file it cannot open', () => {
    expect(fail('{"oops"')).toMatch(/^it is not a JSON file/);
    expect(fail('[1, 2]')).toBe('it is not a Pool Playground file (a run, a comparison or a workspace)');
    expect(fail('{"hello": "world"}')).toBe(
      'it is not a Pool Playground file (a run, a comparison or a workspace)',
    );
    expect(fail(JSON.stringify({ [SHARE_MARK]: 'sweep' }))).toMatch(
      /"sweep" file, which this version .* does not know/,
    );
    expect(fail(JSON.stringify({ ...JSON.parse(shareRun(run('run-aaaaaa'))), version: 99 }))).toMatch(
      /saved by a newer version of Pool Playground/,
    );
    const broken = {
      ...JSON.parse(shareRun(run('run-aaaaaa'))),
      spec: { ...run('run-aaaaaa').spec, maxWorkers: 'three' },
    };
    expect(fail(JSON.stringify(broken))).toMatch(/does not have the expected shape at spec\.maxWorkers/);
    expect(fail(JSON.stringify({ [SHARE_MARK]: 'comparison', version: 1, runs: [] }))).toBe(
      'it is a comparison, but it holds no runs',
    );
    const badRun = {
      [SHARE_MARK]: 'comparison',
      version: 1,
      runs: [{ version: 3, ...run('run-aaaaaa') }, { version: 3 }],
    };
    expect(fail(JSON.stringify(badRun))).toMatch(/^run 2 of the comparison: /);
    expect(fail(JSON.stringify({ [SHARE_MARK]: 'workspace', version: 3, code: 1 }))).toMatch(
      /the workspace does not have/,
    );
  });
});
