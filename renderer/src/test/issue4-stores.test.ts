import { describe, expect, it, vi } from 'vitest';
import type { RunMeta, SavedRunSummary } from '../../../shared/api';
import type { RunEvent } from '../../../shared/run-events';
import { DEFAULT_RUN_SPEC, type RunSpec } from '../../../shared/run-spec';
import { HistoryStore, UNDO_MS } from '../history/history-store';
import type { RunController } from '../run/run-controller';
import { RunSession } from '../run/run-session';
import { sweepGroupKind, sweepRunName, SweepStore } from '../sweep/sweep-store';

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

/** A controller that "runs" each spec on the session: started, then finished a moment later. */
function fakeController(session: RunSession, outcome: (spec: RunSpec) => 'ok' | 'error' = () => 'ok') {
  const started: { spec: RunSpec; meta: RunMeta }[] = [];
  let n = 0;
  const controller = {
    runSpec: vi.fn(async (s: RunSpec, meta: RunMeta = {}) => {
      const runId = `run-${++n}`;
      started.push({ spec: s, meta });
      session.begin(runId, meta);
      const events: RunEvent[] = [
        { type: 'run-started', runId, spec: s, epoch: 0, cpus: 2, taskCount: 1, inputCount: 1, t: 0 },
        { type: 'run-finished', outcome: outcome(s), wallMs: 100 / s.maxWorkers, t: 100 },
      ];
      setTimeout(() => session.receive({ runId, events }), 5);
      return runId;
    }),
    stop: vi.fn(async () => undefined),
  };
  return { controller: controller as unknown as RunController, started, raw: controller };
}

describe('sweep store', () => {
  const history = { refresh: vi.fn(async () => undefined) } as unknown as HistoryStore;

  it('runs one spec over max workers 1…N, one run after another, in one group', async () => {
    const session = new RunSession();
    const { controller, started } = fakeController(session);
    const sweeps = new SweepStore({ controller, session, history });
    await sweeps.start({ kind: 'workers', values: [1, 2, 3], spec });
    expect(started.map((s) => s.spec.maxWorkers)).toEqual([1, 2, 3]);
    const groups = new Set(started.map((s) => s.meta.group));
    expect(groups.size).toBe(1);
    expect(sweepGroupKind([...groups][0]!)).toBe('workers');
    expect(started[1]!.meta.name).toBe(sweepRunName({ kind: 'workers', spec }, 2));
    expect(sweeps.state).toMatchObject({ status: 'done', done: 3 });
  });

  it('stops at a failed run, and when cancelled', async () => {
    const session = new RunSession();
    const { controller } = fakeController(session, (s) => (s.chunksize === 4 ? 'error' : 'ok'));
    const sweeps = new SweepStore({ controller, session, history });
    await sweeps.start({ kind: 'chunksize', values: [1, 4, 16], spec: { ...spec, mode: 'map' } });
    expect(sweeps.state).toMatchObject({ status: 'failed', done: 1 });

    const otherSession = new RunSession();
    const other = fakeController(otherSession);
    const cancelling = new SweepStore({ controller: other.controller, session: otherSession, history });
    const running = cancelling.start({ kind: 'workers', values: [1, 2, 3], spec });
    cancelling.cancel();
    await running;
    expect(other.raw.stop).toHaveBeenCalled();
    expect(other.started).toHaveLength(1);
    expect(cancelling.state).toMatchObject({ status: 'cancelled', message: 'Sweep cancelled.' });
  });

  it('gives way when the learner starts a run of their own', async () => {
    const session = new RunSession();
    const { controller, started } = fakeController(session);
    const sweeps = new SweepStore({ controller, session, history });
    const running = sweeps.start({ kind: 'workers', values: [1, 2, 3], spec });
    await vi.waitFor(() => expect(started).toHaveLength(1));
    session.begin('the-learners-run');
    await running;
    expect(started).toHaveLength(1);
    expect(sweeps.state).toMatchObject({
      status: 'cancelled',
      message: 'Another run started, so the sweep stopped.',
    });
  });
});
