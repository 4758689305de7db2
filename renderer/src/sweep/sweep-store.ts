/**
 * Runs a sweep: one spec over max workers 1…N or over a list of chunksizes,
 * one run after another (each a real run, shown live and saved in the
 * history under one group id). Cancel stops the run going on and the rest.
 */
import type { RunSpec } from '../../../shared/run-spec';
import type { SweepKind } from '../../../shared/sweep';
import { ObservableStore } from '../store/observable-store';
import type { HistoryStore } from '../history/history-store';
import type { RunController } from '../run/run-controller';
import type { RunEnd, RunSession } from '../run/run-session';

export interface SweepPlan {
  kind: SweepKind;
  values: readonly number[];
  spec: RunSpec;
}

export type SweepStatus = 'running' | 'done' | 'cancelled' | 'failed';

export interface SweepState {
  plan: SweepPlan;
  group: string;
  status: SweepStatus;
  /** Runs finished so far. */
  done: number;
  /** The value of the run going on. */
  current: number | null;
  message: string | null;
}

export function sweepGroupKind(group: string): SweepKind | null {
  const match = /^sweep-(workers|chunksize)-/.exec(group);
  return match ? (match[1] as SweepKind) : null;
}

export function sweepRunName(plan: Pick<SweepPlan, 'kind' | 'spec'>, value: number): string {
  return plan.kind === 'workers'
    ? `${plan.spec.fn} · sweep · ${value} worker${value === 1 ? '' : 's'}`
    : `${plan.spec.fn} · sweep · chunksize ${value}`;
}

interface Deps {
  controller: RunController;
  session: RunSession;
  history: HistoryStore;
}

export class SweepStore extends ObservableStore {
  /** The sweep going on, or the last one. */
  state: SweepState | null = null;
  /** The sweep group the sweep page shows. */
  shownGroup: string | null = null;
  #cancelled = false;
  readonly #deps: Deps;

  constructor(deps: Deps) {
    super();
    this.#deps = deps;
  }

  get running(): boolean {
    return this.state?.status === 'running';
  }

  show(group: string): void {
    this.shownGroup = group;
    this.changed();
  }

  async start(plan: SweepPlan): Promise<void> {
    if (this.running) return;
    const { controller, session, history } = this.#deps;
    const group = `sweep-${plan.kind}-${Date.now().toString(36)}`;
    this.#cancelled = false;
    this.state = { plan, group, status: 'running', done: 0, current: null, message: null };
    this.shownGroup = group;
    this.changed();
    let lastRun: string | null = null;
    for (const value of plan.values) {
      if (this.#cancelled) break;
      // The learner started a run of their own meanwhile: leave it alone.
      const other = session.phase === 'starting' || (session.active && session.runId !== lastRun);
      if (lastRun !== null && other) {
        this.#update({
          status: 'cancelled',
          current: null,
          message: 'Another run started, so the sweep stopped.',
        });
        return;
      }
      const spec: RunSpec =
        plan.kind === 'workers' ? { ...plan.spec, maxWorkers: value } : { ...plan.spec, chunksize: value };
      this.#update({ current: value });
      const runId = await controller.runSpec(spec, { name: sweepRunName(plan, value), group });
      if (runId === null) {
        this.#update({ status: 'failed', current: null, message: 'A run of the sweep did not start.' });
        return;
      }
      lastRun = runId;
      if (this.#cancelled) void controller.stop();
      const end: RunEnd = await session.whenFinished(runId);
      await history.refresh();
      if (end === 'replaced') {
        this.#update({
          status: 'cancelled',
          current: null,
          message: 'Another run started, so the sweep stopped.',
        });
        return;
      }
      if (end === 'stopped' && this.#cancelled) break;
      if (end !== 'ok') {
        this.#update({
          status: 'failed',
          current: null,
          message: `The run with ${plan.kind === 'workers' ? 'max workers' : 'chunksize'} ${value} ended: ${end}.`,
        });
        return;
      }
      this.#update({ done: (this.state?.done ?? 0) + 1 });
    }
    this.#update(
      this.#cancelled
        ? { status: 'cancelled', current: null, message: 'Sweep cancelled.' }
        : { status: 'done', current: null },
    );
  }

  cancel(): void {
    if (!this.running) return;
    this.#cancelled = true;
    this.changed();
    void this.#deps.controller.stop();
  }

  #update(patch: Partial<SweepState>): void {
    if (!this.state) return;
    this.state = { ...this.state, ...patch };
    this.changed();
  }
}
