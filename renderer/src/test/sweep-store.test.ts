import { describe, expect, it, vi } from 'vitest';
import type { RunMeta } from '../../../shared/api';
import type { RunEvent } from '../../../shared/run-events';
import { DEFAULT_RUN_SPEC, type RunSpec } from '../../../shared/run-spec';
import type { HistoryStore } from '../history/history-store';
import type { RunController } from '../run/run-controller';
import { RunSession } from '../run/run-session';
import { isRepeatGroup, sweepGroupKind, sweepRunName, SweepStore } from '../sweep/sweep-store';

const spec: RunSpec = { ...DEFAULT_RUN_SPEC, code: 'export function task() {}' };

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
    await sweeps.start({ kind: 'workers', values: [1, 2, 3], repeats: 1, spec });
    expect(started.map((s) => s.spec.maxWorkers)).toEqual([1, 2, 3]);
    const groups = new Set(started.map((s) => s.meta.group));
    expect(groups.size).toBe(1);
    expect(sweepGroupKind([...groups][0]!)).toBe('workers');
    expect(started[1]!.meta.name).toBe(sweepRunName({ kind: 'workers', spec }, 2));
    expect(sweeps.state).toMatchObject({ status: 'done', done: 3 });
  });

  it('repeats each value in rounds, naming each run with its round', async () => {
    const session = new RunSession();
    const { controller, started } = fakeController(session);
    const sweeps = new SweepStore({ controller, session, history });
    await sweeps.start({ kind: 'workers', values: [1, 2], repeats: 3, spec });
    expect(started.map((s) => s.spec.maxWorkers)).toEqual([1, 2, 1, 2, 1, 2]);
    expect(started.map((s) => s.meta.name)).toEqual([
      'task · sweep · 1 worker · run 1 of 3',
      'task · sweep · 2 workers · run 1 of 3',
      'task · sweep · 1 worker · run 2 of 3',
      'task · sweep · 2 workers · run 2 of 3',
      'task · sweep · 1 worker · run 3 of 3',
      'task · sweep · 2 workers · run 3 of 3',
    ]);
    expect(sweeps.state).toMatchObject({ status: 'done', done: 6 });
  });

  it('Run × N: the same settings N times, one group of repeats, not shown as a sweep', async () => {
    const session = new RunSession();
    const { controller, started } = fakeController(session);
    const sweeps = new SweepStore({ controller, session, history });
    const group = await sweeps.start({
      kind: 'repeat',
      values: [2],
      repeats: 3,
      spec: { ...spec, maxWorkers: 2 },
    });
    expect(started.map((s) => s.spec)).toEqual([0, 1, 2].map(() => ({ ...spec, maxWorkers: 2 })));
    expect(started.map((s) => s.meta.name)).toEqual([
      'task · submit · 2 workers · edited code · run 1 of 3',
      'task · submit · 2 workers · edited code · run 2 of 3',
      'task · submit · 2 workers · edited code · run 3 of 3',
    ]);
    expect(new Set(started.map((s) => s.meta.group))).toEqual(new Set([group]));
    expect(isRepeatGroup(group!)).toBe(true);
    expect(sweepGroupKind(group!)).toBeNull();
    expect(sweeps.shownGroup).toBeNull();
    expect(sweeps.state).toMatchObject({ status: 'done', done: 3 });
    // Repeats are measurements: like a sweep's runs, not redrawn until each ends.
    session.begin('x', { group: group! });
    expect(session.measuring).toBe(true);
  });

  it('stops at a failed run, and when cancelled', async () => {
    const session = new RunSession();
    const { controller } = fakeController(session, (s) => (s.chunksize === 4 ? 'error' : 'ok'));
    const sweeps = new SweepStore({ controller, session, history });
    await sweeps.start({ kind: 'chunksize', values: [1, 4, 16], repeats: 1, spec: { ...spec, mode: 'map' } });
    expect(sweeps.state).toMatchObject({ status: 'failed', done: 1 });

    const otherSession = new RunSession();
    const other = fakeController(otherSession);
    const cancelling = new SweepStore({ controller: other.controller, session: otherSession, history });
    const running = cancelling.start({ kind: 'workers', values: [1, 2, 3], repeats: 1, spec });
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
    const running = sweeps.start({ kind: 'workers', values: [1, 2, 3], repeats: 1, spec });
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
